/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core/koers-date.h"
#include "core/koers-summary.h"

/* Microseconds at local midnight of an ISO date, for created stamps. */
static gint64
usec_for (const char *iso)
{
  GDate date;
  g_autoptr (GDateTime) dt = NULL;

  g_assert_true (koers_date_parse (iso, &date));
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static void
parse_date (const char *iso,
            GDate      *out)
{
  g_assert_true (koers_date_parse (iso, out));
}

static KoersKeyResult *
new_kr (double      current,
        const char *created)
{
  KoersKeyResult *kr = koers_key_result_new ("kr", KOERS_METRIC_KIND_NUMBER, 0, 10, NULL);

  koers_key_result_set_current_value (kr, current);
  koers_key_result_set_created (kr, usec_for (created));
  return kr;
}

static void
add_checkin (KoersKeyResult *kr,
             const char     *date)
{
  g_autoptr (KoersCheckin) checkin = koers_checkin_new (date, 1, KOERS_CHECKIN_STATUS_NONE, NULL);

  koers_key_result_add_checkin (kr, checkin);
}

static void
test_stale (void)
{
  g_autoptr (KoersKeyResult) kr = new_kr (2, "2026-04-01");
  GDate today;

  parse_date ("2026-04-14", &today);
  g_assert_false (koers_key_result_is_stale (kr, &today));
  /* 14 days after creation without a check-in. */
  parse_date ("2026-04-15", &today);
  g_assert_true (koers_key_result_is_stale (kr, &today));

  /* A check-in resets the clock. */
  add_checkin (kr, "2026-05-02");
  parse_date ("2026-05-15", &today);
  g_assert_false (koers_key_result_is_stale (kr, &today));
  parse_date ("2026-05-16", &today);
  g_assert_true (koers_key_result_is_stale (kr, &today));

  /* Achieved key results need no check-in. */
  koers_key_result_set_current_value (kr, 10);
  g_assert_false (koers_key_result_is_stale (kr, &today));
}

static void
test_stale_today_default (void)
{
  /* KOERS_TODAY is 2026-05-15 in the test environment. */
  g_autoptr (KoersKeyResult) fresh = new_kr (0, "2026-05-10");
  g_autoptr (KoersKeyResult) old = new_kr (0, "2026-05-01");
  g_autoptr (KoersKeyResult) unsaved = koers_key_result_new ("new", KOERS_METRIC_KIND_NUMBER, 0, 1, NULL);

  g_assert_false (koers_key_result_is_stale (fresh, NULL));
  g_assert_true (koers_key_result_is_stale (old, NULL));
  g_assert_false (koers_key_result_is_stale (unsaved, NULL));
}

static KoersObjective *
new_objective (gint64              department_id,
               const char         *period,
               KoersObjectiveState state)
{
  KoersObjective *objective = koers_objective_new ("o", KOERS_LEVEL_DEPARTMENT,
                                                   KOERS_OBJECTIVE_KIND_COMMITTED, period);

  koers_objective_set_department_id (objective, department_id);
  koers_objective_set_state (objective, state);
  return objective;
}

static void
test_in_period (void)
{
  g_autoptr (KoersObjective) yearly = new_objective (1, "2026", KOERS_OBJECTIVE_STATE_ACTIVE);
  g_autoptr (KoersObjective) broken = new_objective (1, "someday", KOERS_OBJECTIVE_STATE_ACTIVE);
  KoersPeriod q2, q1_2027;

  koers_period_init_quarter (&q2, 2026, 2);
  koers_period_init_quarter (&q1_2027, 2027, 1);

  g_assert_true (koers_objective_in_period (yearly, &q2));
  g_assert_false (koers_objective_in_period (yearly, &q1_2027));
  g_assert_false (koers_objective_in_period (broken, &q2));
}

static void
test_summarize (void)
{
  g_autoptr (GListStore) store = g_list_store_new (KOERS_TYPE_OBJECTIVE);
  g_autoptr (KoersObjective) a = new_objective (1, "2026-Q2", KOERS_OBJECTIVE_STATE_ACTIVE);
  g_autoptr (KoersObjective) b = new_objective (1, "2026", KOERS_OBJECTIVE_STATE_ACTIVE);
  g_autoptr (KoersObjective) other_dept = new_objective (2, "2026-Q2", KOERS_OBJECTIVE_STATE_ACTIVE);
  g_autoptr (KoersObjective) other_period = new_objective (1, "2026-Q3", KOERS_OBJECTIVE_STATE_ACTIVE);
  g_autoptr (KoersObjective) archived = new_objective (1, "2026-Q2", KOERS_OBJECTIVE_STATE_ARCHIVED);
  g_autoptr (KoersObjective) achieved = new_objective (1, "2026-Q2", KOERS_OBJECTIVE_STATE_ACHIEVED);
  g_autoptr (KoersKeyResult) a1 = new_kr (5, "2026-04-01");  /* stale */
  g_autoptr (KoersKeyResult) a2 = new_kr (10, "2026-04-01"); /* achieved, not stale */
  g_autoptr (KoersKeyResult) b1 = new_kr (2, "2026-05-10");  /* fresh */
  g_autoptr (KoersKeyResult) c1 = new_kr (0, "2026-01-01");  /* stale, but closed */
  g_autoptr (KoersKeyResult) x1 = new_kr (0, "2026-01-01");
  KoersSummary summary;
  KoersPeriod  q2;
  GDate        today;

  koers_objective_insert_key_result (a, a1);
  koers_objective_insert_key_result (a, a2);
  koers_objective_insert_key_result (b, b1);
  koers_objective_insert_key_result (achieved, c1);
  koers_objective_insert_key_result (other_dept, x1);
  koers_objective_insert_key_result (other_period, x1);
  koers_objective_insert_key_result (archived, x1);

  g_list_store_append (store, a);
  g_list_store_append (store, b);
  g_list_store_append (store, other_dept);
  g_list_store_append (store, other_period);
  g_list_store_append (store, archived);
  g_list_store_append (store, achieved);

  koers_period_init_quarter (&q2, 2026, 2);
  parse_date ("2026-05-15", &today);

  koers_summarize_department (G_LIST_MODEL (store), 1, &q2, &today, &summary);
  g_assert_cmpuint (summary.n_objectives, ==, 3);  /* a, b, achieved */
  g_assert_cmpuint (summary.n_key_results, ==, 4); /* a1, a2, b1, c1 */
  g_assert_cmpuint (summary.n_stale, ==, 1);       /* a1 */
  /* a: (0.5 + 1) / 2, b: 0.2, achieved: 0. */
  g_assert_cmpfloat_with_epsilon (summary.score, (0.75 + 0.2 + 0.0) / 3.0, 1e-9);

  /* An empty department. */
  koers_summarize_department (G_LIST_MODEL (store), 99, &q2, &today, &summary);
  g_assert_cmpuint (summary.n_objectives, ==, 0);
  g_assert_cmpuint (summary.n_key_results, ==, 0);
  g_assert_cmpfloat (summary.score, ==, 0.0);

  /* Before Q3 starts, its key results are not late. */
  koers_summarize_department (G_LIST_MODEL (store), 1, NULL, &today, &summary);
  g_assert_cmpuint (summary.n_objectives, ==, 4);
  g_assert_cmpuint (summary.n_stale, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/summary/stale", test_stale);
  g_test_add_func ("/summary/stale-today-default", test_stale_today_default);
  g_test_add_func ("/summary/in-period", test_in_period);
  g_test_add_func ("/summary/summarize", test_summarize);

  return g_test_run ();
}
