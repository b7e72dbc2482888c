/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "koers-store-capacity.h"
#include "koers-store-private.h"
#include "koers-test-store.h"

/* Schema 7: capacity per department and quarter, the effort and resource
 * request of an objective, and escalations, through a reopen; bad input
 * writes nothing. */

static KoersPeriod
q2 (void)
{
  KoersPeriod period;

  g_assert_true (koers_period_parse ("2026-Q2", &period, NULL));
  return period;
}

static void
test_capacity (KoersTestStore *fx,
               gconstpointer   data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersCapacity) capacity = NULL;
  g_autoptr (KoersStore) reopened = NULL;
  KoersDepartment *sales = koers_test_find_department (fx->store, "Sales");
  gint64           id = koers_department_get_id (sales);
  KoersPeriod      period = q2 ();
  guint            changed = fx->changed;

  g_assert_true (koers_store_set_capacity (fx->store, id, &period, 120, 25000, &error));
  g_assert_no_error (error);
  /* Setting it again replaces it: one row per department and quarter. */
  g_assert_true (koers_store_set_capacity (fx->store, id, &period, 130, 30000, &error));
  g_assert_cmpuint (fx->changed, ==, changed + 2);
  g_assert_cmpint (koers_test_store_count_rows (fx, "SELECT count(*) FROM capacities"), ==, 1);

  /* Negative, too large, not a number: refused, nothing written. */
  g_assert_false (koers_store_set_capacity (fx->store, id, &period, -5, 0, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (koers_store_set_capacity (fx->store, id, &period, 10, 1e16, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (koers_store_set_capacity (fx->store, id, &period, NAN, 0, &error));
  g_clear_error (&error);
  g_assert_cmpuint (fx->changed, ==, changed + 2);

  /* The change log has it, with the department as its parent. */
  g_assert_cmpint (koers_test_store_count_rows (fx, "SELECT count(*) FROM changes WHERE entity = 'capacity'"
                                                    " AND parent IS NOT NULL"),
                   ==, 2);

  reopened = koers_test_open_store (fx->files.path);
  capacity = koers_store_get_capacity (reopened, id, &period);
  g_assert_nonnull (capacity);
  g_assert_cmpfloat (koers_capacity_get_days (capacity), ==, 130);
  g_assert_cmpfloat (koers_capacity_get_budget (capacity), ==, 30000);
  g_assert_cmpstr (koers_capacity_get_period (capacity), ==, "2026-Q2");

  /* Days per FTE: a setting of the database. */
  g_assert_cmpfloat (koers_store_get_days_per_fte (fx->store), ==, KOERS_CAPACITY_DEFAULT_DAYS_PER_FTE);
  g_assert_true (koers_store_set_days_per_fte (fx->store, 55.5, &error));
  g_assert_false (koers_store_set_days_per_fte (fx->store, -1, &error));
  g_clear_error (&error);
  g_assert_cmpfloat (koers_store_get_days_per_fte (reopened), ==, 55.5);
}

static void
test_request (KoersTestStore *fx,
              gconstpointer   data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersStore) reopened = NULL;
  g_autoptr (GPtrArray) requests = NULL;
  KoersObjective *objective = koers_test_store_add_objective (fx, "Sales", "Win ten new accounts",
                                                              "2026-Q2", FALSE);
  KoersObjective *stored;
  KoersPeriod     period = q2 ();

  /* Nothing asked: nothing to answer. */
  g_assert_false (koers_store_answer_request (fx->store, objective, KOERS_REQUEST_STATE_APPROVED, "", &error));
  g_clear_error (&error);

  g_object_set (objective, "effort-days", 45.5, "request-days", 10.0, "request-budget", 25000.0,
                "request-reason", "A second account manager", "request-state", KOERS_REQUEST_STATE_REQUESTED,
                NULL);
  g_assert_true (koers_store_save_objective (fx->store, objective, &error));
  g_assert_no_error (error);
  requests = koers_store_list_requests (fx->store, &period);
  g_assert_cmpuint (requests->len, ==, 1);

  g_assert_true (koers_store_answer_request (fx->store, objective, KOERS_REQUEST_STATE_APPROVED,
                                             "Within budget", &error));
  g_assert_no_error (error);
  g_assert_cmpint (koers_objective_get_request_state (objective), ==, KOERS_REQUEST_STATE_APPROVED);
  g_assert_cmpint (koers_test_store_count_rows (fx, "SELECT count(*) FROM changes WHERE entity = 'objective'"
                                                    " AND fields LIKE '%request_state%'"),
                   >=, 2);

  reopened = koers_test_open_store (fx->files.path);
  stored = koers_test_find_objective (reopened, "Win ten new accounts");
  g_assert_cmpfloat (koers_objective_get_effort_days (stored), ==, 45.5);
  g_assert_cmpfloat (koers_objective_get_request_days (stored), ==, 10);
  g_assert_cmpfloat (koers_objective_get_request_budget (stored), ==, 25000);
  g_assert_cmpstr (koers_objective_get_request_reason (stored), ==, "A second account manager");
  g_assert_cmpint (koers_objective_get_request_state (stored), ==, KOERS_REQUEST_STATE_APPROVED);
  g_assert_cmpstr (koers_objective_get_request_note (stored), ==, "Within budget");
}

static void
test_escalation (KoersTestStore *fx,
                 gconstpointer   data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersEscalation) escalation = NULL;
  g_autoptr (GPtrArray) open = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GHashTable) uuids = NULL;
  KoersObjective *objective = koers_test_store_add_objective (fx, "Sales", "Keep churn under 2%", "2026-Q2", TRUE);
  KoersObjective *dream = koers_test_store_add_objective (fx, "Sales", "Sell on the moon", "2026-Q2", FALSE);
  KoersKeyResult *kr = koers_test_first_key_result (objective);
  gint64          sales = koers_department_get_id (koers_test_find_department (fx->store, "Sales"));
  guint           changed;

  koers_store_set_author (fx->store, "Ann Peeters");
  g_object_set (dream, "kind", KOERS_OBJECTIVE_KIND_ASPIRATIONAL, NULL);
  g_assert_true (koers_store_save_objective (fx->store, dream, &error));
  changed = fx->changed;

  /* Blank reason, blank help, an aspirational objective: refused. */
  g_assert_false (koers_store_escalate (fx->store, objective, kr, "  ", "Two more engineers", NULL, &error));
  g_clear_error (&error);
  g_assert_false (koers_store_escalate (fx->store, objective, kr, "Supplier late", "", NULL, &error));
  g_clear_error (&error);
  g_assert_false (koers_store_escalate (fx->store, dream, NULL, "Too far", "Rockets", NULL, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpuint (fx->changed, ==, changed);
  g_assert_cmpint (koers_test_store_count_rows (fx, "SELECT count(*) FROM escalations"), ==, 0);

  g_assert_true (koers_store_escalate (fx->store, objective, kr, "Supplier late",
                                       "Two more engineers for May", &escalation, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (koers_escalation_get_raised_by (escalation), ==, "Ann Peeters");
  g_assert_cmpint (koers_escalation_get_raised_at (escalation), >, 0);
  g_assert_cmpint (koers_escalation_get_key_result_id (escalation), ==, koers_key_result_get_id (kr));
  g_assert_cmpuint (koers_store_count_open_escalations (fx->store, koers_objective_get_id (objective), 0), ==, 1);
  g_assert_cmpuint (koers_store_count_open_escalations (fx->store, 0, koers_key_result_get_id (kr)), ==, 1);
  g_assert_cmpuint (koers_store_count_department_escalations (fx->store, sales), ==, 1);
  uuids = koers_store_get_escalated_uuids (fx->store);
  g_assert_true (g_hash_table_contains (uuids, koers_key_result_get_uuid (kr)));

  /* Resolving needs a note, once. */
  g_assert_false (koers_store_resolve_escalation (fx->store, koers_escalation_get_id (escalation), " ", &error));
  g_clear_error (&error);
  koers_store_set_author (fx->store, "Bart Maes");
  g_assert_true (koers_store_resolve_escalation (fx->store, koers_escalation_get_id (escalation),
                                                 "Two engineers from Support until June", &error));
  g_assert_no_error (error);
  g_assert_false (koers_store_resolve_escalation (fx->store, koers_escalation_get_id (escalation), "Again", &error));
  g_clear_error (&error);
  /* The department's count was kept from before: counted again. */
  g_assert_cmpuint (koers_store_count_department_escalations (fx->store, sales), ==, 0);

  open = koers_store_list_escalations (fx->store, TRUE, &error);
  g_assert_cmpuint (open->len, ==, 0);
  all = koers_store_list_escalations (fx->store, FALSE, &error);
  g_assert_cmpuint (all->len, ==, 1);
  escalation = g_object_ref (g_ptr_array_index (all, 0));
  g_assert_true (koers_escalation_get_resolved (escalation));
  g_assert_cmpstr (koers_escalation_get_resolved_by (escalation), ==, "Bart Maes");
  g_assert_cmpstr (koers_escalation_get_resolution (escalation), ==, "Two engineers from Support until June");

  /* Both writes are in the change log, under the objective. */
  g_assert_cmpint (koers_test_store_count_rows (fx, "SELECT count(*) FROM changes WHERE entity = 'escalation'"
                                                    " AND parent = (SELECT uuid FROM objectives WHERE title = 'Keep churn under 2%')"),
                   ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, KoersTestStore, NULL, koers_test_store_setup, func, koers_test_store_teardown)
  ADD ("/store-capacity/capacity", test_capacity);
  ADD ("/store-capacity/request", test_request);
  ADD ("/store-capacity/escalation", test_escalation);
#undef ADD

  return g_test_run ();
}
