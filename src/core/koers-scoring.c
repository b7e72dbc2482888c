/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "koers-date.h"
#include "koers-scoring.h"

double
koers_score_key_result_progress (KoersMetricKind kind,
                                 double          start,
                                 double          target,
                                 double          current)
{
  double progress;

  if (isnan (current))
    return 0.0;

  if (kind == KOERS_METRIC_KIND_MILESTONE)
    return current >= 1.0 ? 1.0 : 0.0;

  if (isnan (start) || isnan (target) || isinf (start) || isinf (target))
    return 0.0;

  if (start == target)
    {
      /* Without a range there is no fraction: "reached" depends only on
       * whether current is at the target.  Being beyond it counts too, and
       * "beyond" means above, since the direction is unknown and most
       * key results grow. */
      return current >= target ? 1.0 : 0.0;
    }

  progress = (current - start) / (target - start);
  if (isnan (progress))
    return 0.0;

  return CLAMP (progress, 0.0, 1.0);
}

double
koers_score_weighted_mean (const double *scores,
                           const double *weights,
                           guint         n)
{
  double sum = 0.0;
  double total_weight = 0.0;

  if (scores == NULL || n == 0)
    return 0.0;

  for (guint i = 0; i < n; i++)
    {
      double w = weights != NULL ? weights[i] : 1.0;
      double s = scores[i];

      if (isnan (w) || w <= 0.0 || isinf (w))
        continue;
      if (isnan (s))
        s = 0.0;

      sum += CLAMP (s, 0.0, 1.0) * w;
      total_weight += w;
    }

  if (total_weight <= 0.0)
    return 0.0;

  return sum / total_weight;
}

KoersScoreBand
koers_score_get_band (double score)
{
  if (isnan (score) || score < 0.35)
    return KOERS_SCORE_BAND_RED;
  if (score < 0.65)
    return KOERS_SCORE_BAND_YELLOW;
  return KOERS_SCORE_BAND_GREEN;
}

double
koers_score_expected_progress (const KoersPeriod *period,
                               const GDate       *date)
{
  int n_days;
  int elapsed;

  g_return_val_if_fail (period != NULL, 0.0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0.0);

  if (!g_date_valid (&period->start) || !g_date_valid (&period->end))
    return 0.0;

  if (g_date_compare (date, &period->start) < 0)
    return 0.0;
  if (g_date_compare (date, &period->end) >= 0)
    return 1.0;

  /* The first day counts as 0, the last day as 1. */
  n_days = koers_date_days_between (&period->start, &period->end);
  if (n_days <= 0)
    return 1.0;
  elapsed = koers_date_days_between (&period->start, date);

  return CLAMP ((double) elapsed / (double) n_days, 0.0, 1.0);
}

gboolean
koers_score_is_success (KoersObjectiveKind kind,
                        double             score)
{
  if (isnan (score))
    return FALSE;

  /* Compare with a little slack: a mean of floating point fractions that
   * should be 1 can come out as 0.9999999999. */
  if (kind == KOERS_OBJECTIVE_KIND_ASPIRATIONAL)
    return score >= 0.7 - 1e-9;

  return score >= 1.0 - 1e-9;
}

KoersKrStatus
koers_score_checkin_status (KoersCheckinStatus status)
{
  switch (status)
    {
    case KOERS_CHECKIN_STATUS_ON_TRACK:
      return KOERS_KR_STATUS_ON_TRACK;
    case KOERS_CHECKIN_STATUS_AT_RISK:
      return KOERS_KR_STATUS_AT_RISK;
    case KOERS_CHECKIN_STATUS_OFF_TRACK:
      return KOERS_KR_STATUS_OFF_TRACK;
    case KOERS_CHECKIN_STATUS_NONE:
    default:
      return KOERS_KR_STATUS_IN_PROGRESS;
    }
}

KoersKrStatus
koers_score_key_result_status (double             progress,
                               KoersCheckinStatus latest_status,
                               double             expected)
{
  KoersKrStatus said;

  if (!isnan (progress) && progress >= 1.0 - 1e-9)
    return KOERS_KR_STATUS_ACHIEVED;

  /* What the owner said of it weighs more than the calendar. */
  said = koers_score_checkin_status (latest_status);
  if (said != KOERS_KR_STATUS_IN_PROGRESS)
    return said;

  /* Nothing tells whether the key result is behind: it is under way. */
  if (isnan (expected) || expected < 0.0)
    return KOERS_KR_STATUS_IN_PROGRESS;

  if (isnan (progress))
    progress = 0.0;

  /* Before the period starts nothing is expected, so nothing is late. */
  if (progress >= expected - 1e-9)
    return KOERS_KR_STATUS_ON_TRACK;
  /* A little behind the straight line while the period runs is what a
   * key result under way looks like; once it has ended, behind is behind. */
  if (expected < 1.0 && expected - progress < KOERS_SCORE_IN_PROGRESS_MARGIN - 1e-9)
    return KOERS_KR_STATUS_IN_PROGRESS;
  if (expected - progress <= KOERS_SCORE_AT_RISK_MARGIN + 1e-9)
    return KOERS_KR_STATUS_AT_RISK;
  return KOERS_KR_STATUS_OFF_TRACK;
}
