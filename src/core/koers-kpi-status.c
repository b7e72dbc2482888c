/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "koers-kpi-status.h"

KoersKpiStatus
koers_kpi_compute_status (KoersKpiDirection direction,
                          double            healthy,
                          double            attention,
                          double            value)
{
  if (!isfinite (value))
    return KOERS_KPI_STATUS_NONE;

  /* Lower is better is higher is better with every sign turned. */
  if (direction == KOERS_KPI_DIRECTION_LOWER)
    {
      value = -value;
      healthy = -healthy;
      attention = -attention;
    }

  if (value >= healthy)
    return KOERS_KPI_STATUS_HEALTHY;
  if (value >= attention)
    return KOERS_KPI_STATUS_NEEDS_ATTENTION;
  return KOERS_KPI_STATUS_UNHEALTHY;
}

gboolean
koers_kpi_check_thresholds (KoersKpiDirection direction,
                            double            healthy,
                            double            attention)
{
  if (!isfinite (healthy) || !isfinite (attention))
    return FALSE;

  switch (direction)
    {
    case KOERS_KPI_DIRECTION_HIGHER:
      return attention <= healthy;
    case KOERS_KPI_DIRECTION_LOWER:
      return attention >= healthy;
    default:
      return FALSE;
    }
}

void
koers_kpi_compute_next_update (KoersKpiFrequency frequency,
                               const GDate      *last_update,
                               GDate            *out)
{
  g_return_if_fail (last_update != NULL && g_date_valid (last_update));
  g_return_if_fail (out != NULL);

  *out = *last_update;

  /* Near the end of the calendar GDate cannot go on; such a KPI is
   * simply never due again. */
  switch (frequency)
    {
    case KOERS_KPI_FREQUENCY_WEEKLY:
      if (g_date_get_julian (out) <= G_MAXUINT32 - 7)
        g_date_add_days (out, 7);
      break;
    case KOERS_KPI_FREQUENCY_QUARTERLY:
      if (g_date_get_year (out) < G_MAXUINT16 - 1)
        g_date_add_months (out, 3);
      break;
    case KOERS_KPI_FREQUENCY_MONTHLY:
    default:
      if (g_date_get_year (out) < G_MAXUINT16 - 1)
        g_date_add_months (out, 1);
      break;
    }
}

gboolean
koers_kpi_compute_update_due (KoersKpiFrequency frequency,
                              const GDate      *last_update,
                              const GDate      *today)
{
  GDate next;

  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (last_update == NULL || !g_date_valid (last_update))
    return TRUE;

  koers_kpi_compute_next_update (frequency, last_update, &next);
  return g_date_compare (today, &next) >= 0;
}
