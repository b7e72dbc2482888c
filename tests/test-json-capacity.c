/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-json.h"
#include "koers-test-io.h"
#include "store/koers-store-capacity.h"

/* An objective's effort and resource request through a JSON file: the
 * round trip into a new database, and a merge that brings management's
 * answer.  A database with capacities and escalations (whose history is
 * in its change log) exports a file that imports. */

static KoersObjective *
find_objective (KoersStore *store)
{
  return koers_test_find_objective (store, "Win ten new accounts");
}

static void
test_round_trip_and_merge (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("koers-json-capacity-XXXXXX", &error);
  g_autofree char *path_a = g_build_filename (dir, "a.db", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b.db", NULL);
  g_autofree char *json = g_build_filename (dir, "a.json", NULL);
  g_autoptr (KoersStore) a = NULL;
  g_autoptr (KoersStore) b = NULL;
  KoersDepartment *sales;
  KoersObjective  *objective;
  KoersKeyResult  *kr;
  KoersObjective  *copy;
  KoersPeriod      period;

  g_assert_no_error (error);
  g_assert_true (koers_period_parse ("2026-Q2", &period, NULL));
  a = koers_test_open_store (path_a);
  sales = koers_test_find_department (a, "Sales");
  objective = koers_test_add_objective (a, sales, "Win ten new accounts", "2026-Q2");
  kr = koers_test_add_key_result (a, objective, "Signed contracts", 0, 10, 2);
  g_object_set (objective, "effort-days", 42.5, "request-days", 10.0, "request-budget", 25000.0,
                "request-reason", "A second account manager", "request-state",
                KOERS_REQUEST_STATE_REQUESTED, NULL);
  g_assert_true (koers_store_save_objective (a, objective, &error));
  g_assert_true (koers_store_set_capacity (a, koers_department_get_id (sales), &period, 60, 0, &error));
  g_assert_true (koers_store_escalate (a, objective, kr, "Late supplier", "A second supplier", NULL, &error));
  g_assert_no_error (error);

  g_assert_true (koers_json_export (a, NULL, json, &error));
  g_assert_no_error (error);
  b = koers_test_open_store (path_b);
  g_assert_true (koers_json_import (b, json, KOERS_JSON_IMPORT_ADD, NULL, &error));
  g_assert_no_error (error);
  copy = find_objective (b);
  g_assert_cmpfloat (koers_objective_get_effort_days (copy), ==, 42.5);
  g_assert_cmpfloat (koers_objective_get_request_days (copy), ==, 10.0);
  g_assert_cmpfloat (koers_objective_get_request_budget (copy), ==, 25000.0);
  g_assert_cmpstr (koers_objective_get_request_reason (copy), ==, "A second account manager");
  g_assert_cmpint (koers_objective_get_request_state (copy), ==, KOERS_REQUEST_STATE_REQUESTED);

  /* Management answers in a; the merge brings the answer to b. */
  g_assert_true (koers_store_answer_request (a, objective, KOERS_REQUEST_STATE_APPROVED, "Within budget",
                                             &error));
  g_assert_true (koers_json_export (a, NULL, json, &error));
  g_assert_true (koers_json_import (b, json, KOERS_JSON_IMPORT_MERGE, NULL, &error));
  g_assert_no_error (error);
  copy = find_objective (b);
  g_assert_cmpint (koers_objective_get_request_state (copy), ==, KOERS_REQUEST_STATE_APPROVED);
  g_assert_cmpstr (koers_objective_get_request_note (copy), ==, "Within budget");

  g_clear_object (&a);
  g_clear_object (&b);
  koers_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-capacity/round-trip-and-merge", test_round_trip_and_merge);

  return g_test_run ();
}
