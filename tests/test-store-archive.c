/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Archive, not delete: an archived objective keeps its key results,
 * check-ins and history, leaves the period's figures and comes back with
 * one call; only an objective without check-ins can be deleted for good;
 * schema 6 turns the old "archived" state into the flag. */
#include "config.h"

#include "core/koers-summary.h"
#include "koers-store-private.h"
#include "store/koers-store-review.h"
#include "koers-test-store.h"

static guint
count_objectives (KoersStore      *store,
                  KoersDepartment *dept)
{
  KoersSummary summary;
  KoersPeriod  period;

  g_assert_true (koers_period_parse ("2026-Q2", &period, NULL));
  koers_summarize_department (koers_store_get_objectives (store), koers_department_get_id (dept),
                              &period, NULL, &summary);
  return summary.n_objectives;
}

static void
test_archive_and_restore (KoersTestStore *fixture,
                          gconstpointer   data)
{
  g_autoptr (KoersObjective) objective = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  KoersDepartment *sales = koers_test_find_department (fixture->store, "Sales");
  gint64           id;
  guint            before;
  KoersChange     *last;

  koers_store_set_author (fixture->store, "Anna Peeters");
  objective = koers_test_store_add_objective (fixture, "Sales", "Win the north", "2026-Q2", TRUE);
  id = koers_objective_get_id (objective);
  g_assert_cmpuint (count_objectives (fixture->store, sales), ==, 1);

  before = fixture->changed;
  g_assert_true (koers_store_set_objective_archived (fixture->store, objective, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, before + 1);

  /* Kept, with what it holds, in the model and on disk. */
  g_assert_true (koers_store_find_objective (fixture->store, id) == objective);
  g_assert_true (koers_objective_get_archived (objective));
  g_assert_cmpint (koers_objective_get_state (objective), ==, KOERS_OBJECTIVE_STATE_ACTIVE);
  g_assert_cmpuint (g_list_model_get_n_items (koers_objective_get_key_results (objective)), ==, 1);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM objectives WHERE archived = 1"), ==, 1);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM checkins"), ==, 2);
  /* Out of the period's count and score. */
  g_assert_cmpuint (count_objectives (fixture->store, sales), ==, 0);

  /* The history says who archived it. */
  history = koers_store_list_changes (fixture->store, koers_objective_get_uuid (objective), &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpint (koers_change_get_operation (last), ==, KOERS_CHANGE_UPDATE);
  g_assert_cmpint (koers_change_find_field (last, "archived"), >=, 0);
  /* On the server the author is the database user (issue #22). */
  if (!koers_store_is_server (fixture->store))
    g_assert_cmpstr (koers_change_get_author (last), ==, "Anna Peeters");

  /* Archiving twice changes nothing. */
  before = fixture->changed;
  g_assert_true (koers_store_set_objective_archived (fixture->store, objective, TRUE, &error));
  g_assert_cmpuint (fixture->changed, ==, before);

  /* Restored: back in the figures; a reopened store agrees. */
  g_assert_true (koers_store_set_objective_archived (fixture->store, objective, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (koers_objective_get_archived (objective));
  g_assert_cmpuint (count_objectives (fixture->store, sales), ==, 1);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM objectives WHERE archived = 1"), ==, 0);

  g_assert_true (koers_store_set_objective_archived (fixture->store, objective, TRUE, &error));
  g_clear_object (&fixture->store);
  fixture->store = koers_test_open_store (fixture->files.path);
  g_assert_true (koers_objective_get_archived (koers_store_find_objective (fixture->store, id)));
}

static void
test_delete_for_good (KoersTestStore *fixture,
                      gconstpointer   data)
{
  g_autoptr (KoersObjective) used = NULL;
  g_autoptr (KoersObjective) unused = NULL;
  g_autoptr (KoersKeyResult) kr = NULL;
  g_autoptr (GError) error = NULL;
  guint n_checkins = 99;

  used = koers_test_store_add_objective (fixture, "Sales", "Win the north", "2026-Q2", TRUE);
  unused = koers_test_store_add_objective (fixture, "Sales", "Typo objective", "2026-Q2", FALSE);
  kr = koers_test_store_add_key_result (fixture, unused, "Never measured");

  g_assert_true (koers_store_count_objective_checkins (fixture->store, used, &n_checkins, &error));
  g_assert_cmpuint (n_checkins, ==, 2);
  g_assert_true (koers_store_count_objective_checkins (fixture->store, unused, &n_checkins, &error));
  g_assert_cmpuint (n_checkins, ==, 0);

  /* Check-ins are history: refused, nothing lost, archived or not. */
  g_assert_true (koers_store_set_objective_archived (fixture->store, used, TRUE, &error));
  g_assert_false (koers_store_delete_objective (fixture->store, used, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "An objective with check-ins cannot be deleted; archive it instead");
  g_clear_error (&error);
  g_assert_true (koers_store_find_objective (fixture->store, koers_objective_get_id (used)) == used);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM checkins"), ==, 2);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM key_results"), ==, 2);

  /* Without check-ins it goes, with its key result. */
  g_assert_true (koers_store_delete_objective (fixture->store, unused, &error));
  g_assert_no_error (error);
  g_assert_null (koers_store_find_objective (fixture->store, koers_objective_get_id (unused)));
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM key_results"), ==, 1);
}

/* A quarterly review's carry-over refuses an archived objective. */
static void
test_archived_not_carried (KoersTestStore *fixture,
                           gconstpointer   data)
{
  g_autoptr (KoersObjective) objective = NULL;
  g_autoptr (GError) error = NULL;
  KoersObjective *copy = NULL;
  KoersPeriod     to;

  objective = koers_test_store_add_objective (fixture, "Sales", "Win the north", "2026-Q2", TRUE);
  g_assert_true (koers_store_set_objective_archived (fixture->store, objective, TRUE, &error));
  g_assert_true (koers_period_parse ("2026-Q3", &to, NULL));
  g_assert_false (koers_store_carry_over_objective (fixture->store, objective, &to, NULL, &copy, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_assert_null (copy);
}

/* Schema 5 to 6: the state "archived" becomes the flag (and the state
 * active); other states stay; the migration writes no change log. */
static void
test_migrate_v5 (KoersTestDir *fixture,
                 gconstpointer data)
{
  g_autofree char *setup = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autoptr (KoersStore) store = NULL;
  g_autoptr (GError) error = NULL;
  KoersObjective *old;
  KoersObjective *done;

  g_mkdir_with_parents (folder, 0700);
  setup = g_strdup_printf ("PRAGMA application_id = %d;\n%s%s%s%s%s"
                           "PRAGMA user_version = 5;\n"
                           "INSERT INTO departments (id, uuid, name, sort_order, is_company, created, updated)"
                           " VALUES (1, 'c', 'Bedrijf', 0, 1, 1, 1);\n"
                           "INSERT INTO objectives (id, uuid, department_id, title, level, kind, period,"
                           " state, created, updated)"
                           " VALUES (10, 'o', 1, 'Oud.', 'company', 'aspirational', '2026-Q2', 'archived', 1, 1),"
                           " (11, 'p', 1, 'Klaar.', 'company', 'committed', '2026-Q2', 'achieved', 1, 1);\n",
                           KOERS_STORE_APPLICATION_ID, koers_store_schema_get_ddl (1),
                           koers_store_schema_get_ddl (2), koers_store_schema_get_ddl (3),
                           koers_store_schema_get_ddl (4), koers_store_schema_get_ddl (5));
  koers_test_exec_raw (fixture->path, setup);
  g_assert_cmpint (koers_test_query_int (fixture->path, "PRAGMA user_version"), ==, 5);

  store = koers_test_open_store (fixture->path);
  g_assert_cmpint (koers_test_query_int (fixture->path, "PRAGMA user_version"), ==, KOERS_STORE_SCHEMA_VERSION);
  /* On to schema 7 in the same open: no effort, no capacity, no escalation yet. */
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT effort_days FROM objectives WHERE id = 10"), ==, 0);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM capacities"), ==, 0);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM escalations"), ==, 0);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT archived FROM objectives WHERE id = 10"), ==, 1);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT archived FROM objectives WHERE id = 11"), ==, 0);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM changes"), ==, 0);

  old = koers_store_find_objective (store, 10);
  done = koers_store_find_objective (store, 11);
  g_assert_true (koers_objective_get_archived (old));
  g_assert_cmpint (koers_objective_get_state (old), ==, KOERS_OBJECTIVE_STATE_ACTIVE);
  g_assert_false (koers_objective_get_archived (done));
  g_assert_cmpint (koers_objective_get_state (done), ==, KOERS_OBJECTIVE_STATE_ACHIEVED);

  /* The new column is logged from now on. */
  g_assert_true (koers_store_set_objective_archived (store, old, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM changes WHERE uuid = 'o'"
                                                        " AND op = 'update' AND fields LIKE '%archived%'"),
                   ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-archive/archive-and-restore", KoersTestStore, NULL, koers_test_store_setup,
              test_archive_and_restore, koers_test_store_teardown);
  g_test_add ("/store-archive/delete-for-good", KoersTestStore, NULL, koers_test_store_setup,
              test_delete_for_good, koers_test_store_teardown);
  g_test_add ("/store-archive/archived-not-carried", KoersTestStore, NULL, koers_test_store_setup,
              test_archived_not_carried, koers_test_store_teardown);
  g_test_add ("/store-archive/migrate-v5", KoersTestDir, NULL, koers_test_dir_setup, test_migrate_v5,
              koers_test_dir_teardown);

  return g_test_run ();
}
