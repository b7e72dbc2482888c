/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-date.h"
#include "koers-scoring.h"
#include "koers-summary.h"

gboolean
koers_objective_in_period (KoersObjective    *objective,
                           const KoersPeriod *period)
{
  KoersPeriod own;

  g_return_val_if_fail (KOERS_IS_OBJECTIVE (objective), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  if (!koers_objective_get_parsed_period (objective, &own))
    return FALSE;

  return koers_period_overlaps (&own, period);
}

gboolean
koers_summary_is_stale (double       progress,
                        const char  *last_checkin_date,
                        gint64       created,
                        const GDate *today)
{
  GDate since;
  GDate now;

  if (progress >= 1.0)
    return FALSE;

  if (today != NULL && g_date_valid (today))
    now = *today;
  else
    koers_date_today (&now);

  if (last_checkin_date != NULL)
    {
      if (!koers_date_parse (last_checkin_date, &since))
        return TRUE;
    }
  else if (!koers_date_from_usec (created, &since))
    {
      /* Not stored yet: it cannot be late. */
      return FALSE;
    }

  return koers_date_days_between (&since, &now) >= KOERS_STALE_CHECKIN_DAYS;
}

gboolean
koers_key_result_is_stale (KoersKeyResult *kr,
                           const GDate    *today)
{
  g_return_val_if_fail (KOERS_IS_KEY_RESULT (kr), FALSE);

  return koers_summary_is_stale (koers_key_result_get_progress (kr),
                                 koers_key_result_get_last_checkin_date (kr),
                                 koers_key_result_get_created (kr), today);
}

/* Only active objectives whose period has begun wait for check-ins;
 * achieved, missed and carried-over ones are closed. */
gboolean
koers_summary_wants_checkins (KoersObjectiveState state,
                              const KoersPeriod  *period,
                              const GDate        *today)
{
  if (state != KOERS_OBJECTIVE_STATE_ACTIVE)
    return FALSE;
  if (period == NULL)
    return TRUE;

  return g_date_compare (&period->start, today) <= 0;
}

void
koers_summary_add_objective (KoersSummary *summary,
                             double        score,
                             guint         n_key_results,
                             guint         n_stale)
{
  /* The sum until koers_summary_finish(). */
  summary->score += score;
  summary->n_objectives++;
  summary->n_key_results += n_key_results;
  summary->n_stale += n_stale;
}

void
koers_summary_finish (KoersSummary *summary)
{
  if (summary->n_objectives > 0)
    summary->score /= summary->n_objectives;
}

void
koers_summarize_department (GListModel        *objectives,
                            gint64             department_id,
                            const KoersPeriod *period,
                            const GDate       *today,
                            KoersSummary      *out)
{
  GDate now;
  guint n;

  g_return_if_fail (G_IS_LIST_MODEL (objectives));
  g_return_if_fail (out != NULL);

  *out = (KoersSummary){
    0,
  };

  if (today != NULL && g_date_valid (today))
    now = *today;
  else
    koers_date_today (&now);

  n = g_list_model_get_n_items (objectives);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *key_results;
      KoersPeriod own;
      gboolean    wants_checkins;
      guint       n_krs;
      guint       n_stale = 0;

      if (department_id != 0 && koers_objective_get_department_id (objective) != department_id)
        continue;
      if (koers_objective_get_archived (objective))
        continue;
      if (period != NULL && !koers_objective_in_period (objective, period))
        continue;

      key_results = koers_objective_get_key_results (objective);
      n_krs = g_list_model_get_n_items (key_results);
      wants_checkins = koers_summary_wants_checkins (koers_objective_get_state (objective),
                                                     koers_objective_get_parsed_period (objective, &own)
                                                       ? &own
                                                       : NULL,
                                                     &now);
      for (guint j = 0; wants_checkins && j < n_krs; j++)
        {
          g_autoptr (KoersKeyResult) kr = g_list_model_get_item (key_results, j);

          if (koers_key_result_is_stale (kr, &now))
            n_stale++;
        }
      koers_summary_add_objective (out, koers_objective_get_score (objective), n_krs, n_stale);
    }

  koers_summary_finish (out);
}
