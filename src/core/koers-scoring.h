/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "koers-enums.h"
#include "koers-period.h"

G_BEGIN_DECLS

/* Pure functions: no objects, no I/O. */

/* (current - start) / (target - start) clamped to [0, 1]; works for
 * decreasing targets (churn 10 -> 5).  start == target: 1 when current has
 * reached the target in the right direction, else 0.  Milestones: 1 when
 * current >= 1 (done), else 0.  NaN inputs give 0. */
double koers_score_key_result_progress (KoersMetricKind kind,
                                        double          start,
                                        double          target,
                                        double          current);

/* Weighted mean; weights <= 0 count as 0; no weight at all gives 0. */
double koers_score_weighted_mean (const double *scores,
                                  const double *weights,
                                  guint         n);

/* Google's bands: below 0.35 red, below 0.65 yellow, else green (the
 * printed 0-0.3 / 0.4-0.6 / 0.7-1 rounded to one decimal). */
KoersScoreBand koers_score_get_band (double score);

/* Expected progress on date for a period: 0 before it starts, 1 from its
 * last day on, linear in between. */
double koers_score_expected_progress (const KoersPeriod *period,
                                      const GDate       *date);

/* Committed: success only at 1.0; aspirational: 0.7 or more. */
gboolean koers_score_is_success (KoersObjectiveKind kind,
                                 double             score);

/* The key-result status a check-in's own status stands for: what its owner
 * said (on track, at risk, off track), or in progress when they said nothing. */
KoersKrStatus koers_score_checkin_status (KoersCheckinStatus status);

/* The status a key result shows.  Achieved when progress is 1; else the
 * latest check-in's status when one was given; else derived from progress
 * against expected progress: on track when not behind (so also before the
 * period starts, when nothing is expected yet); while the period runs, in
 * progress ("lopend", under way, as the seed's HR line 7,2 → 8,0) when
 * behind by less than 0.1; at risk when behind within 0.2; off track
 * beyond that.  In progress, too, when no date tells (expected NAN). */
KoersKrStatus koers_score_key_result_status (double             progress,
                                             KoersCheckinStatus latest_status,
                                             double             expected);

/* Lag behind expected progress that still reads as under way: about a
 * week and a half of a quarter, a check-in or so late. */
#define KOERS_SCORE_IN_PROGRESS_MARGIN 0.1
/* Expected progress lag tolerated before a key result counts as off track. */
#define KOERS_SCORE_AT_RISK_MARGIN 0.2

/* Days without a check-in after which a key result needs one. */
#define KOERS_STALE_CHECKIN_DAYS 14

G_END_DECLS
