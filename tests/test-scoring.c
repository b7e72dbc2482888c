/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "core/koers-date.h"
#include "core/koers-scoring.h"

#define EPS 1e-9

static void
test_progress_increasing (void)
{
  /* Conversion rate 18% -> 25%, now 22%. */
  g_assert_cmpfloat_with_epsilon (koers_score_key_result_progress (KOERS_METRIC_KIND_PERCENTAGE, 18, 25, 22),
                                  4.0 / 7.0, EPS);
  g_assert_cmpfloat_with_epsilon (koers_score_key_result_progress (KOERS_METRIC_KIND_NUMBER, 0, 1000, 620),
                                  0.62, EPS);
  g_assert_cmpfloat (koers_score_key_result_progress (KOERS_METRIC_KIND_NUMBER, 0, 1000, 0), ==, 0.0);
  g_assert_cmpfloat (koers_score_key_result_progress (KOERS_METRIC_KIND_NUMBER, 0, 1000, 1000), ==, 1.0);
}

static void
test_progress_decreasing (void)
{
  /* Sales cycle 60 -> 21 days. */
  g_assert_cmpfloat_with_epsilon (koers_score_key_result_progress (KOERS_METRIC_KIND_NUMBER, 60, 21, 45),
                                  15.0 / 39.0, EPS);
  g_assert_cmpfloat (koers_score_key_result_progress (KOERS_METRIC_KIND_NUMBER, 60, 21, 21), ==, 1.0);
  /* Churn 10 -> 5: worse than the start is 0, better than the target 1. */
  g_assert_cmpfloat (koers_score_key_result_progress (KOERS_METRIC_KIND_PERCENTAGE, 10, 5, 12), ==, 0.0);
  g_assert_cmpfloat (koers_score_key_result_progress (KOERS_METRIC_KIND_PERCENTAGE, 10, 5, 3), ==, 1.0);
  g_assert_cmpfloat_with_epsilon (koers_score_key_result_progress (KOERS_METRIC_KIND_PERCENTAGE, 10, 5, 7.5),
                                  0.5, EPS);
}

static void
test_progress_clamped (void)
{
  g_assert_cmpfloat (koers_score_key_result_progress (KOERS_METRIC_KIND_NUMBER, 0, 10, 25), ==, 1.0);
  g_assert_cmpfloat (koers_score_key_result_progress (KOERS_METRIC_KIND_NUMBER, 0, 10, -5), ==, 0.0);
  g_assert_cmpfloat (koers_score_key_result_progress (KOERS_METRIC_KIND_CURRENCY, 100, 200, 50), ==, 0.0);
}

static void
test_progress_start_equals_target (void)
{
  g_assert_cmpfloat (koers_score_key_result_progress (KOERS_METRIC_KIND_NUMBER, 5, 5, 5), ==, 1.0);
  g_assert_cmpfloat (koers_score_key_result_progress (KOERS_METRIC_KIND_NUMBER, 5, 5, 6), ==, 1.0);
  g_assert_cmpfloat (koers_score_key_result_progress (KOERS_METRIC_KIND_NUMBER, 5, 5, 4), ==, 0.0);
  g_assert_cmpfloat (koers_score_key_result_progress (KOERS_METRIC_KIND_NUMBER, 0, 0, 0), ==, 1.0);
}

static void
test_progress_milestone (void)
{
  /* Start and target do not matter for a milestone. */
  g_assert_cmpfloat (koers_score_key_result_progress (KOERS_METRIC_KIND_MILESTONE, 0, 1, 0), ==, 0.0);
  g_assert_cmpfloat (koers_score_key_result_progress (KOERS_METRIC_KIND_MILESTONE, 0, 1, 1), ==, 1.0);
  g_assert_cmpfloat (koers_score_key_result_progress (KOERS_METRIC_KIND_MILESTONE, 0, 1, 0.99), ==, 0.0);
  g_assert_cmpfloat (koers_score_key_result_progress (KOERS_METRIC_KIND_MILESTONE, 5, 5, 2), ==, 1.0);
}

static void
test_progress_nan (void)
{
  g_assert_cmpfloat (koers_score_key_result_progress (KOERS_METRIC_KIND_NUMBER, 0, 10, NAN), ==, 0.0);
  g_assert_cmpfloat (koers_score_key_result_progress (KOERS_METRIC_KIND_NUMBER, NAN, 10, 5), ==, 0.0);
  g_assert_cmpfloat (koers_score_key_result_progress (KOERS_METRIC_KIND_NUMBER, 0, NAN, 5), ==, 0.0);
  g_assert_cmpfloat (koers_score_key_result_progress (KOERS_METRIC_KIND_MILESTONE, 0, 1, NAN), ==, 0.0);
  g_assert_cmpfloat (koers_score_key_result_progress (KOERS_METRIC_KIND_NUMBER, 0, INFINITY, 5), ==, 0.0);
}

static void
test_weighted_mean (void)
{
  const double scores[] = { 1.0, 0.5, 0.0 };
  const double equal[] = { 1, 1, 1 };
  const double heavy_first[] = { 2, 1, 1 };
  const double zero_last[] = { 1, 1, 0 };
  const double negative[] = { 1, -3, 1 };
  const double none[] = { 0, 0, -1 };
  const double out_of_range[] = { 1.5, -0.5 };

  g_assert_cmpfloat_with_epsilon (koers_score_weighted_mean (scores, equal, 3), 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (koers_score_weighted_mean (scores, heavy_first, 3), 2.5 / 4.0, EPS);
  g_assert_cmpfloat_with_epsilon (koers_score_weighted_mean (scores, zero_last, 3), 0.75, EPS);
  /* A negative weight counts as 0. */
  g_assert_cmpfloat_with_epsilon (koers_score_weighted_mean (scores, negative, 3), 0.5, EPS);
  /* No weight at all. */
  g_assert_cmpfloat (koers_score_weighted_mean (scores, none, 3), ==, 0.0);
  g_assert_cmpfloat (koers_score_weighted_mean (scores, equal, 0), ==, 0.0);
  g_assert_cmpfloat (koers_score_weighted_mean (NULL, NULL, 0), ==, 0.0);
  /* NULL weights: all equal. */
  g_assert_cmpfloat_with_epsilon (koers_score_weighted_mean (scores, NULL, 3), 0.5, EPS);
  /* Scores are clamped to 0..1. */
  g_assert_cmpfloat_with_epsilon (koers_score_weighted_mean (out_of_range, NULL, 2), 0.5, EPS);
}

static void
test_bands (void)
{
  /* The printed bands 0-0.3 red, 0.4-0.6 yellow, 0.7-1 green, split at
   * 0.35 and 0.65. */
  g_assert_cmpint (koers_score_get_band (0.0), ==, KOERS_SCORE_BAND_RED);
  g_assert_cmpint (koers_score_get_band (0.3), ==, KOERS_SCORE_BAND_RED);
  g_assert_cmpint (koers_score_get_band (0.349), ==, KOERS_SCORE_BAND_RED);
  g_assert_cmpint (koers_score_get_band (0.35), ==, KOERS_SCORE_BAND_YELLOW);
  g_assert_cmpint (koers_score_get_band (0.4), ==, KOERS_SCORE_BAND_YELLOW);
  g_assert_cmpint (koers_score_get_band (0.6), ==, KOERS_SCORE_BAND_YELLOW);
  g_assert_cmpint (koers_score_get_band (0.649), ==, KOERS_SCORE_BAND_YELLOW);
  g_assert_cmpint (koers_score_get_band (0.65), ==, KOERS_SCORE_BAND_GREEN);
  g_assert_cmpint (koers_score_get_band (0.7), ==, KOERS_SCORE_BAND_GREEN);
  g_assert_cmpint (koers_score_get_band (1.0), ==, KOERS_SCORE_BAND_GREEN);
  g_assert_cmpint (koers_score_get_band (NAN), ==, KOERS_SCORE_BAND_RED);
}

static double
expected_on (const KoersPeriod *period,
             const char        *iso)
{
  GDate date;

  g_assert_true (koers_date_parse (iso, &date));
  return koers_score_expected_progress (period, &date);
}

static void
test_expected_progress (void)
{
  KoersPeriod q2;
  KoersPeriod year;

  koers_period_init_quarter (&q2, 2026, 2);
  koers_period_init_year (&year, 2026);

  g_assert_cmpfloat (expected_on (&q2, "2026-03-31"), ==, 0.0);
  g_assert_cmpfloat (expected_on (&q2, "2025-12-01"), ==, 0.0);
  g_assert_cmpfloat (expected_on (&q2, "2026-04-01"), ==, 0.0);
  /* 2026-04-01 .. 2026-06-30 is 90 days from first to last. */
  g_assert_cmpfloat_with_epsilon (expected_on (&q2, "2026-05-15"), 44.0 / 90.0, EPS);
  g_assert_cmpfloat_with_epsilon (expected_on (&q2, "2026-05-16"), 0.5, EPS);
  g_assert_cmpfloat (expected_on (&q2, "2026-06-30"), ==, 1.0);
  g_assert_cmpfloat (expected_on (&q2, "2026-09-01"), ==, 1.0);

  g_assert_cmpfloat_with_epsilon (expected_on (&year, "2026-07-02"), 182.0 / 364.0, EPS);
}

static void
test_success (void)
{
  g_assert_true (koers_score_is_success (KOERS_OBJECTIVE_KIND_COMMITTED, 1.0));
  g_assert_false (koers_score_is_success (KOERS_OBJECTIVE_KIND_COMMITTED, 0.99));
  g_assert_false (koers_score_is_success (KOERS_OBJECTIVE_KIND_COMMITTED, 0.7));
  g_assert_true (koers_score_is_success (KOERS_OBJECTIVE_KIND_ASPIRATIONAL, 0.7));
  g_assert_true (koers_score_is_success (KOERS_OBJECTIVE_KIND_ASPIRATIONAL, 1.0));
  g_assert_false (koers_score_is_success (KOERS_OBJECTIVE_KIND_ASPIRATIONAL, 0.69));
  g_assert_false (koers_score_is_success (KOERS_OBJECTIVE_KIND_ASPIRATIONAL, NAN));
  /* A mean that should be 1 but is not quite, in floating point. */
  g_assert_true (koers_score_is_success (KOERS_OBJECTIVE_KIND_COMMITTED, 0.9999999999999999));
}

static void
test_kr_status (void)
{
  /* Achieved wins over whatever was said. */
  g_assert_cmpint (koers_score_key_result_status (1.0, KOERS_CHECKIN_STATUS_OFF_TRACK, 0.5), ==, KOERS_KR_STATUS_ACHIEVED);
  /* What the person said wins over the computation. */
  g_assert_cmpint (koers_score_key_result_status (0.1, KOERS_CHECKIN_STATUS_ON_TRACK, 0.9), ==, KOERS_KR_STATUS_ON_TRACK);
  g_assert_cmpint (koers_score_key_result_status (0.9, KOERS_CHECKIN_STATUS_AT_RISK, 0.1), ==, KOERS_KR_STATUS_AT_RISK);
  g_assert_cmpint (koers_score_key_result_status (0.9, KOERS_CHECKIN_STATUS_OFF_TRACK, 0.1), ==, KOERS_KR_STATUS_OFF_TRACK);
  /* Derived from progress against expected. */
  g_assert_cmpint (koers_score_key_result_status (0.5, KOERS_CHECKIN_STATUS_NONE, 0.5), ==, KOERS_KR_STATUS_ON_TRACK);
  g_assert_cmpint (koers_score_key_result_status (0.6, KOERS_CHECKIN_STATUS_NONE, 0.5), ==, KOERS_KR_STATUS_ON_TRACK);
  g_assert_cmpint (koers_score_key_result_status (0.35, KOERS_CHECKIN_STATUS_NONE, 0.5), ==, KOERS_KR_STATUS_AT_RISK);
  g_assert_cmpint (koers_score_key_result_status (0.3, KOERS_CHECKIN_STATUS_NONE, 0.5), ==, KOERS_KR_STATUS_AT_RISK);
  g_assert_cmpint (koers_score_key_result_status (0.29, KOERS_CHECKIN_STATUS_NONE, 0.5), ==, KOERS_KR_STATUS_OFF_TRACK);
  g_assert_cmpint (koers_score_key_result_status (0.0, KOERS_CHECKIN_STATUS_NONE, 1.0), ==, KOERS_KR_STATUS_OFF_TRACK);
  /* Under way: a little behind the straight line while the period runs
   * (the template's "Lopend", 7,2 → 8,0); behind is behind once it ended. */
  g_assert_cmpint (koers_score_key_result_status (0.45, KOERS_CHECKIN_STATUS_NONE, 0.5), ==, KOERS_KR_STATUS_IN_PROGRESS);
  g_assert_cmpint (koers_score_key_result_status (0.41, KOERS_CHECKIN_STATUS_NONE, 0.5), ==, KOERS_KR_STATUS_IN_PROGRESS);
  g_assert_cmpint (koers_score_key_result_status (0.4, KOERS_CHECKIN_STATUS_NONE, 0.5), ==, KOERS_KR_STATUS_AT_RISK);
  g_assert_cmpint (koers_score_key_result_status (0.95, KOERS_CHECKIN_STATUS_NONE, 1.0), ==, KOERS_KR_STATUS_AT_RISK);
  /* Before the period starts nothing is expected, so nothing is late. */
  g_assert_cmpint (koers_score_key_result_status (0.0, KOERS_CHECKIN_STATUS_NONE, 0.0), ==, KOERS_KR_STATUS_ON_TRACK);
  /* No date tells: under way. */
  g_assert_cmpint (koers_score_key_result_status (0.0, KOERS_CHECKIN_STATUS_NONE, NAN), ==, KOERS_KR_STATUS_IN_PROGRESS);
  g_assert_cmpint (koers_score_key_result_status (0.3, KOERS_CHECKIN_STATUS_NONE, -1.0), ==, KOERS_KR_STATUS_IN_PROGRESS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scoring/progress/increasing", test_progress_increasing);
  g_test_add_func ("/scoring/progress/decreasing", test_progress_decreasing);
  g_test_add_func ("/scoring/progress/clamped", test_progress_clamped);
  g_test_add_func ("/scoring/progress/start-equals-target", test_progress_start_equals_target);
  g_test_add_func ("/scoring/progress/milestone", test_progress_milestone);
  g_test_add_func ("/scoring/progress/nan", test_progress_nan);
  g_test_add_func ("/scoring/weighted-mean", test_weighted_mean);
  g_test_add_func ("/scoring/bands", test_bands);
  g_test_add_func ("/scoring/expected-progress", test_expected_progress);
  g_test_add_func ("/scoring/success", test_success);
  g_test_add_func ("/scoring/key-result-status", test_kr_status);

  return g_test_run ();
}
