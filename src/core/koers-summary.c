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
koers_key_result_is_stale (KoersKeyResult *kr,
                           const GDate    *today)
{
  const char *last;
  GDate       since;
  GDate       now;

  g_return_val_if_fail (KOERS_IS_KEY_RESULT (kr), FALSE);

  if (koers_key_result_get_progress (kr) >= 1.0)
    return FALSE;

  if (today != NULL && g_date_valid (today))
    now = *today;
  else
    koers_date_today (&now);

  last = koers_key_result_get_last_checkin_date (kr);
  if (last != NULL)
    {
      if (!koers_date_parse (last, &since))
        return TRUE;
    }
  else if (!koers_date_from_usec (koers_key_result_get_created (kr), &since))
    {
      /* Not stored yet: it cannot be late. */
      return FALSE;
    }

  return koers_date_days_between (&since, &now) >= KOERS_STALE_CHECKIN_DAYS;
}

/* Only active objectives whose period has begun wait for check-ins;
 * achieved, missed and carried-over ones are closed. */
static gboolean
objective_wants_checkins (KoersObjective *objective,
                          const GDate    *today)
{
  KoersPeriod period;

  if (koers_objective_get_state (objective) != KOERS_OBJECTIVE_STATE_ACTIVE)
    return FALSE;
  if (!koers_objective_get_parsed_period (objective, &period))
    return TRUE;

  return g_date_compare (&period.start, today) <= 0;
}

void
koers_summarize_department (GListModel        *objectives,
                            gint64             department_id,
                            const KoersPeriod *period,
                            const GDate       *today,
                            KoersSummary      *out)
{
  double score_sum = 0.0;
  GDate  now;
  guint  n;

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
      gboolean    wants_checkins;
      guint       n_krs;

      if (department_id != 0 && koers_objective_get_department_id (objective) != department_id)
        continue;
      if (koers_objective_get_archived (objective))
        continue;
      if (period != NULL && !koers_objective_in_period (objective, period))
        continue;

      out->n_objectives++;
      score_sum += koers_objective_get_score (objective);

      key_results = koers_objective_get_key_results (objective);
      n_krs = g_list_model_get_n_items (key_results);
      out->n_key_results += n_krs;

      wants_checkins = objective_wants_checkins (objective, &now);
      for (guint j = 0; wants_checkins && j < n_krs; j++)
        {
          g_autoptr (KoersKeyResult) kr = g_list_model_get_item (key_results, j);

          if (koers_key_result_is_stale (kr, &now))
            out->n_stale++;
        }
    }

  if (out->n_objectives > 0)
    out->score = score_sum / out->n_objectives;
}
