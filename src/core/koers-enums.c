/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "koers-enums.h"

/* The stable strings below are stored in databases and JSON files: never
 * change one, only add. */

static const char *const level_strings[] = { "company", "department", "team" };
static const char *const kind_strings[] = { "committed", "aspirational" };
static const char *const state_strings[] = {
  "active",
  "achieved",
  "missed",
  "carried-over",
  "archived",
};
static const char *const metric_strings[] = { "number", "percentage", "currency", "milestone" };
static const char *const checkin_strings[] = { "none", "on-track", "at-risk", "off-track" };
static const char *const kpi_direction_strings[] = { "higher", "lower" };
static const char *const kpi_frequency_strings[] = { "weekly", "monthly", "quarterly" };
static const char *const kpi_status_strings[] = { "none", "healthy", "needs-attention", "unhealthy" };

static const char *
lookup_string (const char *const *table,
               guint              n,
               int                value)
{
  if (value < 0 || (guint) value >= n)
    return NULL;
  return table[value];
}

static gboolean
lookup_value (const char *const *table,
              guint              n,
              const char        *str,
              int               *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (table[i], str) == 0)
        {
          if (out != NULL)
            *out = (int) i;
          return TRUE;
        }
    }
  return FALSE;
}

#define DEFINE_STRING_PAIR(prefix, Type, table)                      \
  const char *prefix##_to_string (Type value)                        \
  {                                                                  \
    return lookup_string (table, G_N_ELEMENTS (table), (int) value); \
  }                                                                  \
  gboolean prefix##_from_string (const char *str, Type *out)         \
  {                                                                  \
    int v;                                                           \
    if (!lookup_value (table, G_N_ELEMENTS (table), str, &v))        \
      return FALSE;                                                  \
    if (out != NULL)                                                 \
      *out = (Type) v;                                               \
    return TRUE;                                                     \
  }

DEFINE_STRING_PAIR (koers_level, KoersLevel, level_strings)
DEFINE_STRING_PAIR (koers_objective_kind, KoersObjectiveKind, kind_strings)
DEFINE_STRING_PAIR (koers_objective_state, KoersObjectiveState, state_strings)
DEFINE_STRING_PAIR (koers_metric_kind, KoersMetricKind, metric_strings)
DEFINE_STRING_PAIR (koers_checkin_status, KoersCheckinStatus, checkin_strings)
DEFINE_STRING_PAIR (koers_kpi_direction, KoersKpiDirection, kpi_direction_strings)
DEFINE_STRING_PAIR (koers_kpi_frequency, KoersKpiFrequency, kpi_frequency_strings)
DEFINE_STRING_PAIR (koers_kpi_status, KoersKpiStatus, kpi_status_strings)

const char *
koers_level_get_label (KoersLevel level)
{
  switch (level)
    {
    case KOERS_LEVEL_COMPANY:
      return C_ ("level", "Company");
    case KOERS_LEVEL_DEPARTMENT:
      return C_ ("level", "Department");
    case KOERS_LEVEL_TEAM:
      return C_ ("level", "Team");
    default:
      return "";
    }
}

const char *
koers_objective_kind_get_label (KoersObjectiveKind kind)
{
  switch (kind)
    {
    case KOERS_OBJECTIVE_KIND_COMMITTED:
      return C_ ("objective kind", "Committed");
    case KOERS_OBJECTIVE_KIND_ASPIRATIONAL:
      return C_ ("objective kind", "Aspirational");
    default:
      return "";
    }
}

const char *
koers_objective_state_get_label (KoersObjectiveState state)
{
  switch (state)
    {
    case KOERS_OBJECTIVE_STATE_ACTIVE:
      return C_ ("objective state", "Active");
    case KOERS_OBJECTIVE_STATE_ACHIEVED:
      return C_ ("objective state", "Achieved");
    case KOERS_OBJECTIVE_STATE_MISSED:
      return C_ ("objective state", "Missed");
    case KOERS_OBJECTIVE_STATE_CARRIED_OVER:
      return C_ ("objective state", "Carried over");
    case KOERS_OBJECTIVE_STATE_ARCHIVED:
      return C_ ("objective state", "Archived");
    default:
      return "";
    }
}

const char *
koers_metric_kind_get_label (KoersMetricKind kind)
{
  switch (kind)
    {
    case KOERS_METRIC_KIND_NUMBER:
      return C_ ("metric kind", "Number");
    case KOERS_METRIC_KIND_PERCENTAGE:
      return C_ ("metric kind", "Percentage");
    case KOERS_METRIC_KIND_CURRENCY:
      return C_ ("metric kind", "Currency");
    case KOERS_METRIC_KIND_MILESTONE:
      return C_ ("metric kind", "Milestone");
    default:
      return "";
    }
}

const char *
koers_checkin_status_get_label (KoersCheckinStatus status)
{
  switch (status)
    {
    case KOERS_CHECKIN_STATUS_NONE:
      return C_ ("check-in status", "No status");
    case KOERS_CHECKIN_STATUS_ON_TRACK:
      return C_ ("check-in status", "On track");
    case KOERS_CHECKIN_STATUS_AT_RISK:
      return C_ ("check-in status", "At risk");
    case KOERS_CHECKIN_STATUS_OFF_TRACK:
      return C_ ("check-in status", "Off track");
    default:
      return "";
    }
}

const char *
koers_kpi_direction_get_label (KoersKpiDirection direction)
{
  switch (direction)
    {
    case KOERS_KPI_DIRECTION_HIGHER:
      return C_ ("KPI direction", "Higher is better");
    case KOERS_KPI_DIRECTION_LOWER:
      return C_ ("KPI direction", "Lower is better");
    default:
      return "";
    }
}

const char *
koers_kpi_frequency_get_label (KoersKpiFrequency frequency)
{
  switch (frequency)
    {
    case KOERS_KPI_FREQUENCY_WEEKLY:
      return C_ ("KPI frequency", "Weekly");
    case KOERS_KPI_FREQUENCY_MONTHLY:
      return C_ ("KPI frequency", "Monthly");
    case KOERS_KPI_FREQUENCY_QUARTERLY:
      return C_ ("KPI frequency", "Quarterly");
    default:
      return "";
    }
}

const char *
koers_kpi_status_get_label (KoersKpiStatus status)
{
  switch (status)
    {
    case KOERS_KPI_STATUS_NONE:
      return C_ ("KPI status", "No value yet");
    case KOERS_KPI_STATUS_HEALTHY:
      return C_ ("KPI status", "Healthy");
    case KOERS_KPI_STATUS_NEEDS_ATTENTION:
      return C_ ("KPI status", "Needs attention");
    case KOERS_KPI_STATUS_UNHEALTHY:
      return C_ ("KPI status", "Unhealthy");
    default:
      return "";
    }
}
