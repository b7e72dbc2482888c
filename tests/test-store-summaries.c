/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A sidebar row's figures of a department whose objectives a period read
 * in part left out: read from the database, they are the figures the
 * model gives once the period is read whole. */
#include "config.h"

#include "koers-test-store.h"

/* Finance in 2026-Q2: a committed objective with a stale key result
 * (last check-in 45 days back) and a weighted one checked in last week;
 * one without key results; one archived; a yearly one with a key result
 * not checked in yet; and one of Q1 that does not count.  Sales has one
 * objective in Q2. */
static void
fill_database (const char *path)
{
  g_autoptr (KoersStore) store = koers_test_open_store (path);
  g_autoptr (GError) error = NULL;
  KoersDepartment *finance = koers_test_find_department (store, "Finance");
  KoersDepartment *sales = koers_test_find_department (store, "Sales");
  KoersObjective  *objective;
  KoersKeyResult  *kr;

  objective = koers_test_add_objective (store, finance, "Grow margin", "2026-Q2");
  kr = koers_test_add_key_result (store, objective, "Margin", 0, 100, 0);
  koers_test_add_checkin (store, kr, "2026-04-10", 10, KOERS_CHECKIN_STATUS_NONE, NULL);
  koers_test_add_checkin (store, kr, "2026-05-01", 40, KOERS_CHECKIN_STATUS_NONE, NULL);
  kr = koers_test_add_key_result (store, objective, "Invoices", 0, 10, 0);
  koers_key_result_set_weight (kr, 2);
  g_assert_true (koers_store_save_key_result (store, kr, &error));
  g_assert_no_error (error);
  koers_test_add_checkin (store, kr, "2026-06-10", 5, KOERS_CHECKIN_STATUS_NONE, NULL);

  koers_test_add_objective (store, finance, "Close faster", "2026-Q2");

  objective = koers_test_add_objective (store, finance, "Old habit", "2026-Q2");
  koers_test_add_key_result (store, objective, "Habit", 0, 10, 0);
  koers_objective_set_archived (objective, TRUE);
  g_assert_true (koers_store_save_objective (store, objective, &error));
  g_assert_no_error (error);

  objective = koers_test_add_objective (store, finance, "Cash for the year", "2026");
  koers_test_add_key_result (store, objective, "Cash", 0, 10, 0);

  objective = koers_test_add_objective (store, finance, "Last quarter", "2026-Q1");
  koers_test_add_key_result (store, objective, "Done", 0, 10, 10);

  objective = koers_test_add_objective (store, sales, "Sell more", "2026-Q2");
  koers_test_add_key_result (store, objective, "Deals", 0, 10, 3);
}

static KoersStore *
open_lazy (const char *path)
{
  g_autoptr (GError) error = NULL;
  KoersStore *store = koers_store_open_lazy (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
assert_summaries_equal (const KoersSummary *a,
                        const KoersSummary *b)
{
  g_assert_cmpuint (a->n_objectives, ==, b->n_objectives);
  g_assert_cmpuint (a->n_key_results, ==, b->n_key_results);
  g_assert_cmpuint (a->n_stale, ==, b->n_stale);
  g_assert_cmpfloat_with_epsilon (a->score, b->score, 1e-12);
}

static void
test_read_matches_model (KoersTestDir *fixture,
                         gconstpointer data)
{
  g_autoptr (KoersStore) whole = NULL;
  g_autoptr (KoersStore) part = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) read_first = g_array_new (FALSE, FALSE, sizeof (gint64));
  KoersSummary from_model, from_rows, after_rest;
  KoersPeriod  q2;
  GDate        today;
  gint64       finance_id, sales_id;

  fill_database (fixture->path);
  koers_period_init_quarter (&q2, 2026, 2);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_JUNE, 2026);

  whole = open_lazy (fixture->path);
  g_assert_true (koers_store_load_period (whole, &q2, &error));
  g_assert_no_error (error);
  finance_id = koers_department_get_id (koers_test_find_department (whole, "Finance"));
  sales_id = koers_department_get_id (koers_test_find_department (whole, "Sales"));
  koers_store_summarize_department (whole, finance_id, &q2, &today, &from_model);
  /* What the rows say: "Grow margin" (0.4 and 0.5 weighted 1:2), "Close
   * faster" (no key results: 0) and the year's (0) count; "Margin" waits
   * for a check-in since 1 May. */
  g_assert_cmpuint (from_model.n_objectives, ==, 3);
  g_assert_cmpuint (from_model.n_key_results, ==, 3);
  g_assert_cmpuint (from_model.n_stale, ==, 1);
  g_assert_cmpfloat_with_epsilon (from_model.score, (0.4 + 2 * 0.5) / 3 / 3, 1e-12);

  /* Sales read; Finance's figures from the database. */
  part = open_lazy (fixture->path);
  g_array_append_val (read_first, sales_id);
  g_assert_true (koers_store_load_period_departments (part, &q2, &sales_id, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_department_objectives (part, finance_id)), ==, 0);
  g_assert_true (koers_store_read_department_summaries (part, &q2, &finance_id, 1, &today, &error));
  g_assert_no_error (error);
  koers_store_summarize_department (part, finance_id, &q2, &today, &from_rows);
  assert_summaries_equal (&from_rows, &from_model);
  /* Asked again: the same (the sum is not divided twice). */
  koers_store_summarize_department (part, finance_id, &q2, &today, &from_rows);
  assert_summaries_equal (&from_rows, &from_model);

  /* The rest read: the model's figures, the same again. */
  g_assert_true (koers_store_load_period_rest (part, &q2, read_first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_department_objectives (part, finance_id)), ==, 4);
  koers_store_summarize_department (part, finance_id, &q2, &today, &after_rest);
  assert_summaries_equal (&after_rest, &from_model);
}

/* A department not given to koers_store_read_department_summaries() is
 * read when asked; one without objectives in the period has none. */
static void
test_read_when_asked (KoersTestDir *fixture,
                      gconstpointer data)
{
  g_autoptr (KoersStore) part = NULL;
  g_autoptr (GError) error = NULL;
  KoersSummary summary;
  KoersPeriod  q2;
  GDate        today;
  gint64       finance_id, sales_id, hr_id;

  fill_database (fixture->path);
  koers_period_init_quarter (&q2, 2026, 2);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_JUNE, 2026);

  part = open_lazy (fixture->path);
  finance_id = koers_department_get_id (koers_test_find_department (part, "Finance"));
  sales_id = koers_department_get_id (koers_test_find_department (part, "Sales"));
  hr_id = koers_department_get_id (koers_test_find_department (part, "Human Resources"));
  g_assert_true (koers_store_load_period_departments (part, &q2, &finance_id, 1, &error));
  g_assert_no_error (error);

  koers_store_summarize_department (part, sales_id, &q2, &today, &summary);
  g_assert_cmpuint (summary.n_objectives, ==, 1);
  g_assert_cmpuint (summary.n_key_results, ==, 1);
  g_assert_cmpfloat_with_epsilon (summary.score, 0.3, 1e-12);

  koers_store_summarize_department (part, hr_id, &q2, &today, &summary);
  g_assert_cmpuint (summary.n_objectives, ==, 0);
  g_assert_cmpfloat (summary.score, ==, 0.0);

  /* Finance is read: from the model. */
  koers_store_summarize_department (part, finance_id, &q2, &today, &summary);
  g_assert_cmpuint (summary.n_objectives, ==, 3);
  g_assert_cmpuint (summary.n_stale, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, KoersTestDir, NULL, koers_test_dir_setup, func, koers_test_dir_teardown)
  ADD ("/store-summaries/read-matches-model", test_read_matches_model);
  ADD ("/store-summaries/read-when-asked", test_read_when_asked);
#undef ADD

  return g_test_run ();
}
