/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "koers-store-private.h"
#include "koers-test-store.h"

/* The write paths of departments and objectives: add, save, move, delete
 * and restore; what the objects, the lists, the "changed" signal and the
 * file show after each; and writes that fail. */

/* Departments */

static void
test_department_add_save (KoersTestStore *fixture,
                          gconstpointer   data)
{
  g_autoptr (KoersDepartment) legal = koers_department_new ("Legal", "⚖️");
  g_autoptr (KoersDepartment) copy = NULL;
  g_autoptr (GError) error = NULL;
  GListModel      *departments = koers_store_get_departments (fixture->store);
  g_autofree char *name = NULL;
  KoersDepartment *finance = koers_test_find_department (fixture->store, "Finance");
  gint64           created;

  g_assert_true (koers_store_add_department (fixture->store, legal, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, 1);
  g_assert_cmpint (koers_department_get_id (legal), >, 0);
  g_assert_cmpuint (strlen (koers_department_get_uuid (legal)), ==, 36);
  created = koers_department_get_created (legal);
  g_assert_cmpint (created, >, 0);
  g_assert_cmpint (koers_department_get_updated (legal), ==, created);
  g_assert_cmpint (koers_department_get_sort_order (legal), ==, 10);
  g_assert_cmpuint (koers_test_n_items (departments), ==, 11);
  g_assert_true (g_list_model_get_item (departments, 10) == legal);
  g_object_unref (legal);
  g_assert_true (koers_store_find_department (fixture->store, koers_department_get_id (legal)) ==
                 legal);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM departments"), ==, 11);

  /* Adding it twice is refused. */
  g_assert_false (koers_store_add_department (fixture->store, legal, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->changed, ==, 1);

  /* Saved in place: name, emoji, parent; updated moves on. */
  koers_department_set_name (legal, "Legal & Compliance");
  koers_department_set_parent_id (legal, koers_department_get_id (finance));
  g_assert_true (koers_store_save_department (fixture->store, legal, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, 2);
  g_assert_cmpint (koers_department_get_updated (legal), >, created);
  g_assert_cmpint (koers_department_get_created (legal), ==, created);
  name = koers_test_query_text (fixture->files.path,
                                "SELECT name FROM departments WHERE parent_id IS NOT NULL");
  g_assert_cmpstr (name, ==, "Legal & Compliance");

  /* Saved from a copy: the store's object takes the values. */
  copy = koers_department_new ("Juridische dienst", "📜");
  koers_department_set_id (copy, koers_department_get_id (legal));
  g_assert_true (koers_store_save_department (fixture->store, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, 3);
  g_assert_cmpstr (koers_department_get_name (legal), ==, "Juridische dienst");
  g_assert_cmpstr (koers_department_get_emoji (legal), ==, "📜");
  g_assert_cmpint (koers_department_get_parent_id (legal), ==, 0);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM departments"
                                                         " WHERE parent_id IS NOT NULL"),
                   ==, 0);
}

static void
test_department_rules (KoersTestStore *fixture,
                       gconstpointer   data)
{
  g_autoptr (GError) error = NULL;
  KoersDepartment *company = koers_store_get_company (fixture->store);
  KoersDepartment *finance = koers_test_find_department (fixture->store, "Finance");
  KoersDepartment *sales = koers_test_find_department (fixture->store, "Sales");
  g_autoptr (KoersDepartment) stranger = koers_department_new ("Nowhere", NULL);
  gint64 updated = koers_department_get_updated (finance);

  /* A team under Sales, then Sales under its own team: a cycle. */
  koers_department_set_parent_id (finance, koers_department_get_id (sales));
  g_assert_true (koers_store_save_department (fixture->store, finance, &error));
  g_assert_no_error (error);
  updated = koers_department_get_updated (finance);

  koers_department_set_parent_id (sales, koers_department_get_id (finance));
  g_assert_false (koers_store_save_department (fixture->store, sales, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  /* The failed save put the object back as stored. */
  g_assert_cmpint (koers_department_get_parent_id (sales), ==, 0);

  /* Nothing goes under the company level, and the company under nothing. */
  koers_department_set_parent_id (company, koers_department_get_id (finance));
  g_assert_false (koers_store_save_department (fixture->store, company, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (koers_department_get_parent_id (company), ==, 0);

  /* An empty name breaks the schema's rule; the object shows the old one. */
  koers_department_set_name (finance, "");
  g_assert_false (koers_store_save_department (fixture->store, finance, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpstr (koers_department_get_name (finance), ==, "Finance");
  g_assert_cmpint (koers_department_get_parent_id (finance), ==, koers_department_get_id (sales));
  g_assert_cmpint (koers_department_get_updated (finance), ==, updated);

  /* The company stays. */
  g_assert_false (koers_store_delete_department (fixture->store, company, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Not stored. */
  g_assert_false (koers_store_save_department (fixture->store, stranger, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED);
  g_clear_error (&error);

  /* A second company. */
  koers_department_set_is_company (stranger, TRUE);
  g_assert_false (koers_store_add_department (fixture->store, stranger, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (koers_department_get_id (stranger), ==, 0);

  g_assert_cmpuint (fixture->changed, ==, 1);
  g_assert_cmpuint (koers_test_n_items (koers_store_get_departments (fixture->store)), ==, 10);
}

/* Three levels: a team goes under a department, never under a team, and
 * a department with teams stays a department. */
static void
test_department_teams (KoersTestStore *fixture,
                       gconstpointer   data)
{
  g_autoptr (GError) error = NULL;
  KoersDepartment *finance = koers_test_find_department (fixture->store, "Finance");
  KoersDepartment *sales = koers_test_find_department (fixture->store, "Sales");
  g_autoptr (KoersDepartment) team = koers_department_new ("Accounts", NULL);
  g_autoptr (KoersDepartment) sub = koers_department_new ("Payroll", NULL);

  g_assert_false (koers_store_has_teams (fixture->store, koers_department_get_id (finance)));
  koers_department_set_parent_id (team, koers_department_get_id (finance));
  g_assert_true (koers_store_add_department (fixture->store, team, &error));
  g_assert_no_error (error);
  g_assert_true (koers_store_has_teams (fixture->store, koers_department_get_id (finance)));
  g_assert_false (koers_store_has_teams (fixture->store, koers_department_get_id (team)));

  /* Under a team: refused, nothing written. */
  koers_department_set_parent_id (sub, koers_department_get_id (team));
  g_assert_false (koers_store_add_department (fixture->store, sub, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (koers_department_get_id (sub), ==, 0);
  g_assert_null (koers_store_find_department_by_name (fixture->store, "Payroll"));

  /* Finance has a team: it cannot become Sales's team. */
  koers_department_set_parent_id (finance, koers_department_get_id (sales));
  g_assert_false (koers_store_save_department (fixture->store, finance, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (koers_department_get_parent_id (finance), ==, 0);

  /* The team moves to Sales; saving it again (a rename) keeps it there. */
  koers_department_set_parent_id (team, koers_department_get_id (sales));
  g_assert_true (koers_store_save_department (fixture->store, team, &error));
  g_assert_no_error (error);
  koers_department_set_name (team, "Key Accounts");
  g_assert_true (koers_store_save_department (fixture->store, team, &error));
  g_assert_no_error (error);
  g_assert_cmpint (koers_department_get_parent_id (team), ==, koers_department_get_id (sales));
  g_assert_false (koers_store_has_teams (fixture->store, koers_department_get_id (finance)));
  g_assert_true (koers_store_has_teams (fixture->store, koers_department_get_id (sales)));
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM departments d"
                                                         " JOIN departments p ON d.parent_id = p.id"
                                                         " WHERE d.name = 'Key Accounts'"
                                                         " AND p.name = 'Sales'"),
                   ==, 1);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
test_department_move (KoersTestStore *fixture,
                      gconstpointer   data)
{
  g_autoptr (GError) error = NULL;
  GListModel      *departments = koers_store_get_departments (fixture->store);
  KoersDepartment *management = koers_test_find_department (fixture->store, "Management");
  KoersDepartment *finance = koers_test_find_department (fixture->store, "Finance");
  g_autoptr (KoersDepartment) second = NULL;
  guint items_changed = 0;

  g_signal_connect (departments, "items-changed", G_CALLBACK (items_changed_cb), &items_changed);

  /* Management (last, index 9) to the top, just under the company. */
  g_assert_true (koers_store_move_department (fixture->store, management, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, 1);
  g_assert_cmpuint (items_changed, >, 0);
  second = g_list_model_get_item (departments, 1);
  g_assert_true (second == management);
  g_assert_cmpint (koers_department_get_sort_order (management), ==, 1);
  g_assert_cmpint (koers_department_get_sort_order (finance), ==, 3);

  for (guint i = 0; i < koers_test_n_items (departments); i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i);
      g_autofree char *sql = g_strdup_printf ("SELECT sort_order FROM departments WHERE id = %" G_GINT64_FORMAT, koers_department_get_id (dept));

      g_assert_cmpint (koers_department_get_sort_order (dept), ==, i);
      g_assert_cmpint (koers_test_store_count_rows (fixture, sql), ==, i);
    }

  /* Index 0 is the company's: the move lands on 1. */
  g_assert_true (koers_store_move_department (fixture->store, finance, 0, &error));
  g_assert_no_error (error);
  g_clear_object (&second);
  second = g_list_model_get_item (departments, 1);
  g_assert_true (second == finance);

  /* Past the end: last. */
  g_assert_true (koers_store_move_department (fixture->store, finance, 99, &error));
  g_assert_no_error (error);
  g_assert_cmpint (koers_department_get_sort_order (finance), ==, 9);

  g_assert_false (koers_store_move_department (fixture->store,
                                               koers_store_get_company (fixture->store), 3,
                                               &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_assert_cmpuint (fixture->changed, ==, 3);

  /* The order is in the file. */
  g_clear_object (&fixture->store);
  fixture->store = koers_test_open_store (fixture->files.path);
  g_clear_object (&second);
  second = g_list_model_get_item (koers_store_get_departments (fixture->store), 1);
  g_assert_cmpstr (koers_department_get_name (second), ==, "Management");
  g_clear_object (&second);
  second = g_list_model_get_item (koers_store_get_departments (fixture->store), 9);
  g_assert_cmpstr (koers_department_get_name (second), ==, "Finance");
}

static void
test_department_delete_restore (KoersTestStore *fixture,
                                gconstpointer   data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersDepartment) finance = g_object_ref (koers_test_find_department (fixture->store, "Finance"));
  g_autoptr (KoersDepartment) team = koers_department_new ("Audit team", NULL);
  g_autoptr (KoersObjective) budget = koers_test_store_add_objective (fixture, "Finance", "Budget", "2026-Q2", TRUE);
  g_autoptr (KoersObjective) audit = koers_test_store_add_objective (fixture, "Finance", "Audit", "2026-Q2", FALSE);
  g_autoptr (KoersObjective) sales = koers_test_store_add_objective (fixture, "Sales", "Sell", "2026-Q2", FALSE);
  g_autoptr (GPtrArray) objectives = NULL;
  g_autoptr (KoersKeyResult) kr = NULL;
  g_autofree char *finance_uuid = g_strdup (koers_department_get_uuid (finance));
  GListModel      *departments = koers_store_get_departments (fixture->store);
  gint64           finance_id = koers_department_get_id (finance);
  gint64           kr_id;
  guint            before;

  /* Links into the department: an alignment, a carry-over, a team. */
  koers_objective_set_aligned_to_id (sales, koers_objective_get_id (budget));
  koers_objective_set_carried_over_from_id (sales, koers_objective_get_id (audit));
  g_assert_true (koers_store_save_objective (fixture->store, sales, &error));
  koers_department_set_parent_id (team, finance_id);
  g_assert_true (koers_store_add_department (fixture->store, team, &error));
  g_assert_no_error (error);
  /* And one inside it: kept for the undo. */
  koers_objective_set_aligned_to_id (audit, koers_objective_get_id (budget));
  g_assert_true (koers_store_save_objective (fixture->store, audit, &error));
  g_assert_no_error (error);

  kr = g_list_model_get_item (koers_objective_get_key_results (budget), 0);
  kr_id = koers_key_result_get_id (kr);
  before = fixture->changed;

  objectives = koers_store_list_department_objectives (fixture->store, finance);
  g_assert_cmpuint (objectives->len, ==, 2);

  g_assert_true (koers_store_delete_department (fixture->store, finance, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, before + 1);
  g_assert_null (koers_store_find_department (fixture->store, finance_id));
  g_assert_null (koers_store_find_department_by_name (fixture->store, "Finance"));
  g_assert_cmpuint (koers_test_n_items (departments), ==, 10);
  g_assert_null (koers_store_find_objective (fixture->store, koers_objective_get_id (budget)));
  g_assert_null (koers_store_find_key_result (fixture->store, kr_id));
  g_assert_cmpuint (koers_test_n_items (koers_store_get_objectives (fixture->store)), ==, 1);

  /* ON DELETE CASCADE and SET NULL, in the file and in the objects. */
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM objectives"), ==, 1);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM key_results"), ==, 0);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM checkins"), ==, 0);
  g_assert_cmpint (koers_objective_get_aligned_to_id (sales), ==, 0);
  g_assert_cmpint (koers_objective_get_carried_over_from_id (sales), ==, 0);
  g_assert_cmpint (koers_department_get_parent_id (team), ==, 0);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM objectives"
                                                         " WHERE aligned_to_id IS NOT NULL"),
                   ==, 0);
  /* The deleted objects keep what they held, for the undo. */
  g_assert_cmpuint (koers_test_n_items (koers_objective_get_key_results (budget)), ==, 1);
  g_assert_cmpint (koers_objective_get_aligned_to_id (audit), ==, koers_objective_get_id (budget));

  /* Undo. */
  g_assert_true (koers_store_restore_department (fixture->store, finance, objectives, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, before + 2);
  g_assert_true (koers_store_find_department (fixture->store, finance_id) == finance);
  g_assert_cmpstr (koers_department_get_uuid (finance), ==, finance_uuid);
  g_assert_true (g_list_model_get_item (departments, 2) == finance);
  g_object_unref (finance);
  g_assert_true (koers_store_find_key_result (fixture->store, kr_id) == kr);
  g_assert_cmpuint (koers_test_n_items (koers_store_get_objectives (fixture->store)), ==, 3);
  koers_test_store_assert_objectives_sorted (fixture);
  g_assert_cmpint (koers_objective_get_aligned_to_id (sales), ==, koers_objective_get_id (budget));
  g_assert_cmpint (koers_objective_get_carried_over_from_id (sales), ==,
                   koers_objective_get_id (audit));
  g_assert_cmpint (koers_objective_get_aligned_to_id (audit), ==, koers_objective_get_id (budget));
  g_assert_cmpint (koers_department_get_parent_id (team), ==, finance_id);
  g_assert_cmpfloat (koers_key_result_get_current_value (kr), ==, 850);

  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM objectives"), ==, 3);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM key_results"), ==, 1);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM checkins"), ==, 2);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM objectives"
                                                         " WHERE aligned_to_id IS NOT NULL"),
                   ==, 2);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM departments"
                                                         " WHERE parent_id IS NOT NULL"),
                   ==, 1);

  /* A second undo of the same delete is refused and changes nothing. */
  g_assert_false (koers_store_restore_department (fixture->store, finance, objectives, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_assert_cmpuint (fixture->changed, ==, before + 2);
  g_assert_cmpuint (koers_test_n_items (departments), ==, 11);
}

/* Objectives */

static void
test_objective_add_save (KoersTestStore *fixture,
                         gconstpointer   data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersObjective) first = koers_test_store_add_objective (fixture, "Sales", "First", "2026-Q2", FALSE);
  g_autoptr (KoersObjective) second = koers_test_store_add_objective (fixture, "Sales", "Second", "2026-Q2", FALSE);
  g_autoptr (KoersObjective) other = koers_test_store_add_objective (fixture, "Sales", "Other", "2026-Q3", FALSE);
  g_autoptr (KoersObjective) copy = NULL;
  g_autofree char *title = NULL;
  gint64           created = koers_objective_get_created (second);

  g_assert_cmpint (koers_objective_get_id (first), >, 0);
  g_assert_cmpuint (strlen (koers_objective_get_uuid (first)), ==, 36);
  g_assert_cmpint (koers_objective_get_position (first), ==, 0);
  g_assert_cmpint (koers_objective_get_position (second), ==, 1);
  g_assert_cmpint (koers_objective_get_position (other), ==, 0);
  g_assert_cmpint (created, >, 0);
  g_assert_cmpint (koers_objective_get_updated (second), ==, created);
  g_assert_cmpuint (koers_test_n_items (koers_store_get_objectives (fixture->store)), ==, 3);
  koers_test_store_assert_objectives_sorted (fixture);

  /* In place; a new period moves it in the sorted list. */
  koers_objective_set_title (second, "Second, sharper");
  koers_objective_set_period (second, "2026-Q4");
  koers_objective_set_kind (second, KOERS_OBJECTIVE_KIND_ASPIRATIONAL);
  koers_objective_set_state (second, KOERS_OBJECTIVE_STATE_ACHIEVED);
  koers_objective_set_aligned_to_id (second, koers_objective_get_id (first));
  g_assert_true (koers_store_save_objective (fixture->store, second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, 4);
  g_assert_cmpint (koers_objective_get_updated (second), >, created);
  koers_test_store_assert_objectives_sorted (fixture);
  title = koers_test_query_text (fixture->files.path,
                                 "SELECT title || '|' || period || '|' || kind || '|' || state"
                                 " FROM objectives WHERE aligned_to_id IS NOT NULL");
  g_assert_cmpstr (title, ==, "Second, sharper|2026-Q4|aspirational|achieved");

  /* From a copy, to another department. */
  copy = koers_objective_new ("Moved", KOERS_LEVEL_DEPARTMENT, KOERS_OBJECTIVE_KIND_COMMITTED,
                              "2026-Q3");
  koers_objective_set_id (copy, koers_objective_get_id (other));
  koers_objective_set_department_id (copy,
                                     koers_department_get_id (koers_test_find_department (fixture->store, "Finance")));
  g_assert_true (koers_store_save_objective (fixture->store, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (koers_objective_get_title (other), ==, "Moved");
  g_assert_cmpint (koers_objective_get_department_id (other), ==,
                   koers_department_get_id (koers_test_find_department (fixture->store, "Finance")));
  koers_test_store_assert_objectives_sorted (fixture);
}

static void
test_objective_rules (KoersTestStore *fixture,
                      gconstpointer   data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersObjective) first = koers_test_store_add_objective (fixture, "Sales", "First", "2026-Q2", TRUE);
  g_autoptr (KoersObjective) orphan = NULL;
  g_autoptr (KoersObjective) clash = NULL;
  g_autoptr (KoersKeyResult) clash_kr = NULL;
  g_autoptr (KoersKeyResult) first_kr = g_list_model_get_item (koers_objective_get_key_results (first), 0);
  guint before = fixture->changed;

  /* Aligned to itself: refused, and the object shows what is stored. */
  koers_objective_set_aligned_to_id (first, koers_objective_get_id (first));
  koers_objective_set_title (first, "Changed");
  g_assert_false (koers_store_save_objective (fixture->store, first, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (koers_objective_get_aligned_to_id (first), ==, 0);
  g_assert_cmpstr (koers_objective_get_title (first), ==, "First");

  /* A department that does not exist. */
  orphan = koers_objective_new ("Orphan", KOERS_LEVEL_TEAM, KOERS_OBJECTIVE_KIND_COMMITTED,
                                "2026-Q2");
  koers_objective_set_department_id (orphan, 9999);
  g_assert_false (koers_store_add_objective (fixture->store, orphan, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (koers_objective_get_id (orphan), ==, 0);
  g_assert_cmpstr (koers_objective_get_uuid (orphan), ==, "");

  /* Failing halfway through the transaction: the objective row went in,
   * then its key result's uuid clashed.  All of it rolls back. */
  clash = koers_objective_new ("Clash", KOERS_LEVEL_DEPARTMENT, KOERS_OBJECTIVE_KIND_COMMITTED,
                               "2026-Q2");
  koers_objective_set_department_id (clash, koers_objective_get_department_id (first));
  clash_kr = koers_key_result_new ("Copied", KOERS_METRIC_KIND_NUMBER, 0, 1, NULL);
  koers_key_result_set_uuid (clash_kr, koers_key_result_get_uuid (first_kr));
  koers_objective_insert_key_result (clash, clash_kr);
  g_assert_false (koers_store_add_objective (fixture->store, clash, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (koers_objective_get_id (clash), ==, 0);
  g_assert_cmpint (koers_key_result_get_id (clash_kr), ==, 0);
  g_assert_cmpint (koers_objective_get_created (clash), ==, 0);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM objectives"), ==, 1);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM key_results"), ==, 1);

  g_assert_cmpuint (koers_test_n_items (koers_store_get_objectives (fixture->store)), ==, 1);
  g_assert_cmpuint (fixture->changed, ==, before);
}

static void
test_objective_delete_restore (KoersTestStore *fixture,
                               gconstpointer   data)
{
  g_autoptr (GError) error = NULL;
  /* Without check-ins: one with check-ins is archived, not deleted. */
  g_autoptr (KoersObjective) company = koers_test_store_add_objective (fixture, "Management", "Grow", "2026", FALSE);
  g_autoptr (KoersObjective) sales = koers_test_store_add_objective (fixture, "Sales", "Sell", "2026-Q2", FALSE);
  g_autoptr (KoersKeyResult) kr = koers_test_store_add_key_result (fixture, company, "Leads");
  g_autofree char *uuid = g_strdup (koers_objective_get_uuid (company));
  gint64           id = koers_objective_get_id (company);
  gint64           kr_id = koers_key_result_get_id (kr);
  guint            before;

  koers_objective_set_aligned_to_id (sales, id);
  g_assert_true (koers_store_save_objective (fixture->store, sales, &error));
  g_assert_no_error (error);
  before = fixture->changed;

  g_assert_true (koers_store_delete_objective (fixture->store, company, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, before + 1);
  g_assert_null (koers_store_find_objective (fixture->store, id));
  g_assert_null (koers_store_find_key_result (fixture->store, kr_id));
  g_assert_cmpint (koers_objective_get_aligned_to_id (sales), ==, 0);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM checkins"), ==, 0);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM objectives"
                                                         " WHERE aligned_to_id IS NOT NULL"),
                   ==, 0);

  g_assert_true (koers_store_restore_objective (fixture->store, company, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, before + 2);
  g_assert_true (koers_store_find_objective (fixture->store, id) == company);
  g_assert_cmpstr (koers_objective_get_uuid (company), ==, uuid);
  g_assert_true (koers_store_find_key_result (fixture->store, kr_id) == kr);
  g_assert_true (koers_store_get_key_result_objective (fixture->store, kr) == company);
  g_assert_cmpint (koers_objective_get_aligned_to_id (sales), ==, id);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM key_results"), ==, 1);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM objectives"
                                                         " WHERE aligned_to_id IS NOT NULL"),
                   ==, 1);
  koers_test_store_assert_objectives_sorted (fixture);

  /* Twice is refused. */
  g_assert_false (koers_store_restore_objective (fixture->store, company, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Not without its department. */
  g_assert_true (koers_store_delete_objective (fixture->store, sales, &error));
  g_assert_true (koers_store_delete_department (fixture->store,
                                                koers_test_find_department (fixture->store, "Sales"), &error));
  g_assert_no_error (error);
  before = fixture->changed;
  g_assert_false (koers_store_restore_objective (fixture->store, sales, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_assert_cmpuint (fixture->changed, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, KoersTestStore, NULL, koers_test_store_setup, func, koers_test_store_teardown)

  ADD ("/store/department/add-save", test_department_add_save);
  ADD ("/store/department/rules", test_department_rules);
  ADD ("/store/department/move", test_department_move);
  ADD ("/store/department/teams", test_department_teams);
  ADD ("/store/department/delete-restore", test_department_delete_restore);
  ADD ("/store/objective/add-save", test_objective_add_save);
  ADD ("/store/objective/rules", test_objective_rules);
  ADD ("/store/objective/delete-restore", test_objective_delete_restore);

#undef ADD

  return g_test_run ();
}
