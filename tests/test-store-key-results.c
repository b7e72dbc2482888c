/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "koers-store-private.h"
#include "koers-test-store.h"

/* The write paths of key results and check-ins (the current value follows
 * the latest check-in), foreign keys, and a write that finds the database
 * locked. */

/* Key results */

static void
test_key_result_crud (KoersTestStore *fixture,
                      gconstpointer   data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersObjective) objective = koers_test_store_add_objective (fixture, "Marketing", "Leads", "2026-Q2",
                                                                         FALSE);
  g_autoptr (KoersObjective) other = koers_test_store_add_objective (fixture, "Marketing", "Mail", "2026-Q2", FALSE);
  g_autoptr (KoersKeyResult) a = koers_test_store_add_key_result (fixture, objective, "A");
  g_autoptr (KoersKeyResult) b = koers_test_store_add_key_result (fixture, objective, "B");
  g_autoptr (KoersKeyResult) c = koers_test_store_add_key_result (fixture, objective, "C");
  g_autoptr (KoersKeyResult) first = NULL;
  g_autoptr (KoersCheckin) checkin = NULL;
  g_autofree char *order = NULL;
  GListModel      *krs = koers_objective_get_key_results (objective);
  gint64           created = koers_key_result_get_created (b);
  gint64           c_id = koers_key_result_get_id (c);
  guint            before;

  g_assert_cmpuint (fixture->changed, ==, 5);
  g_assert_cmpint (koers_key_result_get_position (a), ==, 0);
  g_assert_cmpint (koers_key_result_get_position (c), ==, 2);
  g_assert_cmpint (koers_key_result_get_objective_id (b), ==, koers_objective_get_id (objective));
  g_assert_true (koers_store_get_key_result_objective (fixture->store, b) == objective);
  g_assert_cmpuint (koers_test_n_items (krs), ==, 3);

  /* Save in place. */
  koers_key_result_set_target_value (b, 250);
  koers_key_result_set_due_date (b, "2026-06-19");
  koers_key_result_set_uses_personal_data (b, TRUE);
  g_assert_true (koers_store_save_key_result (fixture->store, b, &error));
  g_assert_no_error (error);
  g_assert_cmpint (koers_key_result_get_updated (b), >, created);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT target_value FROM key_results"
                                                         " WHERE uses_personal_data = 1"),
                   ==, 250);

  /* A due date that is no date breaks the schema's rule. */
  koers_key_result_set_due_date (b, "next week");
  g_assert_false (koers_store_save_key_result (fixture->store, b, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpstr (koers_key_result_get_due_date (b), ==, "2026-06-19");

  /* Move C to the top. */
  before = fixture->changed;
  g_assert_true (koers_store_move_key_result (fixture->store, c, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, before + 1);
  first = g_list_model_get_item (krs, 0);
  g_assert_true (first == c);
  g_assert_cmpint (koers_key_result_get_position (c), ==, 0);
  g_assert_cmpint (koers_key_result_get_position (a), ==, 1);
  g_assert_cmpint (koers_key_result_get_position (b), ==, 2);
  order = koers_test_query_text (fixture->files.path,
                                 "SELECT group_concat(title, '') FROM"
                                 " (SELECT title FROM key_results ORDER BY position) AS k");
  g_assert_cmpstr (order, ==, "CAB");

  /* Delete with its check-ins, then undo. */
  checkin = koers_test_store_add_checkin (fixture, c, "2026-04-20", 30);
  before = fixture->changed;
  g_assert_true (koers_store_delete_key_result (fixture->store, c, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, before + 1);
  g_assert_cmpuint (koers_test_n_items (krs), ==, 2);
  g_assert_null (koers_store_find_key_result (fixture->store, c_id));
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM checkins"), ==, 0);

  g_assert_true (koers_store_restore_key_result (fixture->store, objective, c, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, before + 2);
  g_clear_object (&first);
  first = g_list_model_get_item (krs, 0);
  g_assert_true (first == c);
  g_assert_cmpint (koers_key_result_get_id (c), ==, c_id);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM checkins"), ==, 1);
  g_assert_cmpfloat (koers_key_result_get_current_value (c), ==, 30);

  g_assert_false (koers_store_restore_key_result (fixture->store, objective, c, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* To another objective: it goes last there, check-ins along. */
  koers_key_result_set_objective_id (c, koers_objective_get_id (other));
  g_assert_true (koers_store_save_key_result (fixture->store, c, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (koers_test_n_items (krs), ==, 2);
  g_assert_cmpuint (koers_test_n_items (koers_objective_get_key_results (other)), ==, 1);
  g_assert_true (koers_store_get_key_result_objective (fixture->store, c) == other);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM key_results k JOIN checkins c"
                                                         " ON c.key_result_id = k.id WHERE k.title = 'C'"),
                   ==, 1);
}

/* Check-ins */

static void
test_checkins (KoersTestStore *fixture,
               gconstpointer   data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersObjective) objective = koers_test_store_add_objective (fixture, "Sales", "Sell", "2026-Q2", FALSE);
  g_autoptr (KoersKeyResult) kr = koers_test_store_add_key_result (fixture, objective, "Revenue");
  g_autoptr (KoersCheckin) april = NULL;
  g_autoptr (KoersCheckin) may = NULL;
  g_autoptr (KoersCheckin) mid = NULL;
  g_autoptr (KoersCheckin) dateless = NULL;
  g_autoptr (KoersCheckin) head = NULL;
  g_autoptr (KoersCheckin) copy = NULL;
  GListModel *checkins = koers_key_result_get_checkins (kr);
  gint64      mid_id;
  guint       before;

  april = koers_test_store_add_checkin (fixture, kr, "2026-04-10", 20);
  g_assert_cmpfloat (koers_key_result_get_current_value (kr), ==, 20);
  may = koers_test_store_add_checkin (fixture, kr, "2026-05-01", 40);
  g_assert_cmpfloat (koers_key_result_get_current_value (kr), ==, 40);

  /* An older one does not move the current value. */
  mid = koers_test_store_add_checkin (fixture, kr, "2026-04-20", 30);
  mid_id = koers_checkin_get_id (mid);
  g_assert_cmpfloat (koers_key_result_get_current_value (kr), ==, 40);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT current_value FROM key_results"), ==, 40);
  g_assert_cmpint (koers_checkin_get_key_result_id (mid), ==, koers_key_result_get_id (kr));
  g_assert_cmpuint (strlen (koers_checkin_get_uuid (mid)), ==, 36);

  /* Moved to the newest date, it becomes the latest. */
  koers_checkin_set_date (mid, "2026-05-10");
  before = fixture->changed;
  g_assert_true (koers_store_save_checkin (fixture->store, mid, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, before + 1);
  g_assert_cmpfloat (koers_key_result_get_current_value (kr), ==, 30);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT current_value FROM key_results"), ==, 30);
  head = g_list_model_get_item (checkins, 0);
  g_assert_true (head == mid);
  g_assert_cmpstr (koers_key_result_get_last_checkin_date (kr), ==, "2026-05-10");

  /* Saved from a copy: value and note. */
  copy = koers_checkin_new ("2026-05-10", 35, KOERS_CHECKIN_STATUS_OFF_TRACK, "Lost a deal");
  koers_checkin_set_id (copy, mid_id);
  g_assert_true (koers_store_save_checkin (fixture->store, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (koers_checkin_get_value (mid), ==, 35);
  g_assert_cmpstr (koers_checkin_get_note (mid), ==, "Lost a deal");
  g_assert_cmpfloat (koers_key_result_get_current_value (kr), ==, 35);

  /* A check-in without a date needs one. */
  koers_checkin_set_date (mid, NULL);
  g_assert_false (koers_store_save_checkin (fixture->store, mid, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpstr (koers_checkin_get_date (mid), ==, "2026-05-10");

  /* Delete the latest: back to the one before; undo: the latest again. */
  before = fixture->changed;
  g_assert_true (koers_store_delete_checkin (fixture->store, mid, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, before + 1);
  g_assert_cmpfloat (koers_key_result_get_current_value (kr), ==, 40);
  g_assert_cmpuint (koers_test_n_items (checkins), ==, 2);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT current_value FROM key_results"), ==, 40);

  g_assert_true (koers_store_restore_checkin (fixture->store, kr, mid, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, before + 2);
  g_assert_cmpint (koers_checkin_get_id (mid), ==, mid_id);
  g_assert_cmpfloat (koers_key_result_get_current_value (kr), ==, 35);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT current_value FROM key_results"), ==, 35);

  g_assert_false (koers_store_restore_checkin (fixture->store, kr, mid, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Without a date, a new check-in is today's (KOERS_TODAY). */
  dateless = koers_checkin_new (NULL, 50, KOERS_CHECKIN_STATUS_ON_TRACK, NULL);
  g_assert_true (koers_store_add_checkin (fixture->store, kr, dateless, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (koers_checkin_get_date (dateless), ==, "2026-05-15");
  g_assert_cmpfloat (koers_key_result_get_current_value (kr), ==, 50);

  /* The check-ins go with their key result (ON DELETE CASCADE). */
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM checkins"), ==, 4);
  g_assert_true (koers_store_delete_key_result (fixture->store, kr, &error));
  g_assert_no_error (error);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM checkins"), ==, 0);

  /* And check-ins for a key result that is gone are refused. */
  g_clear_object (&copy);
  copy = koers_checkin_new ("2026-05-11", 1, KOERS_CHECKIN_STATUS_NONE, NULL);
  g_assert_false (koers_store_add_checkin (fixture->store, kr, copy, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED);
  g_assert_cmpint (koers_checkin_get_id (copy), ==, 0);
}

static void
test_foreign_keys (KoersTestStore *fixture,
                   gconstpointer   data)
{
  KoersDb     *db = fixture->store->db;
  KoersDbStmt *stmt = NULL;

  /* On for the store's own connection… */
  g_assert_cmpint (koers_db_prepare (db, "PRAGMA foreign_keys", &stmt), ==, KOERS_DB_OK);
  g_assert_cmpint (koers_db_step (stmt), ==, KOERS_DB_ROW);
  g_assert_cmpint (koers_db_column_int (stmt, 0), ==, 1);
  koers_db_finalize (stmt);

  /* …so a row that points nowhere does not get in. */
  g_assert_cmpint (koers_db_exec (db,
                                  "INSERT INTO objectives (uuid, department_id, title, level, kind,"
                                  " period, state, created, updated) VALUES ('x', 9999, 'T',"
                                  " 'team', 'committed', '2026-Q2', 'active', 0, 0)"),
                   ==, KOERS_DB_CONSTRAINT_FOREIGNKEY);
  g_assert_cmpint (koers_db_exec (db,
                                  "INSERT INTO checkins (uuid, key_result_id, date, value, status,"
                                  " created, updated) VALUES ('y', 4242, '2026-05-01', 1, 'none',"
                                  " 0, 0)"),
                   ==, KOERS_DB_CONSTRAINT_FOREIGNKEY);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM objectives"), ==, 0);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM checkins"), ==, 0);
}

/* A write that fails at BEGIN (another program holds the write lock) says
 * so, and leaves objects, lists and signal alone. */
static void
test_busy (KoersTestStore *fixture,
           gconstpointer   data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersDepartment) legal = koers_department_new ("Legal", NULL);
  KoersDepartment *finance = koers_test_find_department (fixture->store, "Finance");
  sqlite3         *other;

  if (koers_test_store_skip_on_server (fixture, "another SQLite connection holds the file"))
    return;
  other = koers_test_open_raw (fixture->files.path);

  koers_db_set_busy_timeout (fixture->store->db, 10);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (koers_store_add_department (fixture->store, legal, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (koers_department_get_id (legal), ==, 0);

  koers_department_set_name (finance, "Money");
  g_assert_false (koers_store_save_department (fixture->store, finance, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpstr (koers_department_get_name (finance), ==, "Finance");

  g_assert_cmpuint (koers_test_n_items (koers_store_get_departments (fixture->store)), ==, 10);
  g_assert_cmpuint (fixture->changed, ==, 0);

  /* Once the lock is gone, the same write works. */
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_true (koers_store_add_department (fixture->store, legal, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, KoersTestStore, NULL, koers_test_store_setup, func, koers_test_store_teardown)

  ADD ("/store/key-result/crud", test_key_result_crud);
  ADD ("/store/checkin/crud", test_checkins);
  ADD ("/store/foreign-keys", test_foreign_keys);
  ADD ("/store/busy", test_busy);

#undef ADD

  return g_test_run ();
}
