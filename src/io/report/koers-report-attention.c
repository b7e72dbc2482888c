/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core/koers-date.h"
#include "koers-report-attention.h"

int
koers_report_key_result_days_silent (const KoersReportData      *data,
                                     const KoersReportKeyResult *kr)
{
  if (kr->latest == NULL || !g_date_valid (&kr->latest->gdate))
    return -1;
  return koers_date_days_between (&kr->latest->gdate, &data->generated);
}

static gboolean
is_stale (const KoersReportData      *data,
          const KoersReportKeyResult *kr)
{
  const KoersPeriod *period;
  int                days = koers_report_key_result_days_silent (data, kr);

  if (kr->status == KOERS_KR_STATUS_ACHIEVED)
    return FALSE;
  if (days >= 0)
    return days >= KOERS_REPORT_STALE_DAYS;

  /* Never checked in: only once its period has run that long. */
  period = kr->objective->has_period ? &kr->objective->period : &data->period;
  return koers_date_days_between (&period->start, &data->generated) >= KOERS_REPORT_STALE_DAYS;
}

KoersReportAttention *
koers_report_attention_collect (const KoersReportData *data)
{
  KoersReportAttention *attention = g_new0 (KoersReportAttention, 1);

  attention->committed_in_trouble = g_ptr_array_new ();
  attention->stale_key_results = g_ptr_array_new ();
  attention->without_key_results = g_ptr_array_new ();
  attention->departments_without_okrs = g_ptr_array_new ();

  for (guint i = 0; i < data->objectives->len; i++)
    {
      KoersReportObjective *objective = g_ptr_array_index (data->objectives, i);

      if (objective->key_results->len == 0)
        {
          g_ptr_array_add (attention->without_key_results, objective);
          continue;
        }
      if (objective->kind == KOERS_OBJECTIVE_KIND_COMMITTED &&
          (objective->status == KOERS_KR_STATUS_AT_RISK || objective->status == KOERS_KR_STATUS_OFF_TRACK))
        g_ptr_array_add (attention->committed_in_trouble, objective);

      for (guint j = 0; j < objective->key_results->len; j++)
        {
          KoersReportKeyResult *kr = g_ptr_array_index (objective->key_results, j);

          if (is_stale (data, kr))
            g_ptr_array_add (attention->stale_key_results, kr);
        }
    }

  for (guint i = 0; i < data->without_okrs->len; i++)
    g_ptr_array_add (attention->departments_without_okrs, g_ptr_array_index (data->without_okrs, i));

  return attention;
}

guint
koers_report_attention_count (const KoersReportAttention *attention)
{
  return attention->committed_in_trouble->len + attention->stale_key_results->len +
         attention->without_key_results->len + attention->departments_without_okrs->len;
}

void
koers_report_attention_free (KoersReportAttention *attention)
{
  if (attention == NULL)
    return;

  g_ptr_array_unref (attention->committed_in_trouble);
  g_ptr_array_unref (attention->stale_key_results);
  g_ptr_array_unref (attention->without_key_results);
  g_ptr_array_unref (attention->departments_without_okrs);
  g_free (attention);
}
