/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store at company scale: the change log and its author, lazy loading
 * per period, streamed objectives, and other writers (a second connection
 * in this process, and the real koers binary in another). */
#include "config.h"

#include <signal.h>
#include <string.h>

#include "koers-store-private.h"
#include "koers-test-store.h"

static KoersObjective *
add_objective (KoersStore *store,
               const char *title,
               const char *period)
{
  g_autoptr (GError) error = NULL;
  KoersDepartment *dept = g_list_model_get_item (koers_store_get_departments (store), 1);
  KoersObjective  *objective = koers_objective_new (title, KOERS_LEVEL_DEPARTMENT,
                                                    KOERS_OBJECTIVE_KIND_COMMITTED, period);
  g_autoptr (KoersKeyResult) kr = koers_key_result_new ("Churn down", KOERS_METRIC_KIND_PERCENTAGE,
                                                        5, 3, NULL);

  koers_objective_set_department_id (objective, koers_department_get_id (dept));
  g_object_unref (dept);
  koers_objective_insert_key_result (objective, kr);
  g_assert_true (koers_store_add_objective (store, objective, &error));
  g_assert_no_error (error);
  return objective;
}

static KoersKeyResult *
first_key_result (KoersObjective *objective)
{
  g_autoptr (KoersKeyResult) kr = g_list_model_get_item (koers_objective_get_key_results (objective), 0);

  return kr; /* the objective holds a reference */
}

static void
test_migrate_v4 (KoersTestDir *fixture,
                 gconstpointer data)
{
  g_autofree char *setup = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autoptr (KoersStore) store = NULL;

  g_mkdir_with_parents (folder, 0700);
  setup = g_strdup_printf ("PRAGMA application_id = %d;\n%s%s%s%s"
                           "PRAGMA user_version = 4;\n"
                           "INSERT INTO departments (id, uuid, name, sort_order, is_company, created, updated)"
                           " VALUES (1, 'c', 'Bedrijf', 0, 1, 1, 1);\n"
                           "INSERT INTO objectives (id, uuid, department_id, title, level, kind, period,"
                           " state, created, updated)"
                           " VALUES (10, 'o', 1, 'Groei.', 'company', 'committed', '2026-Q2', 'active', 1, 1);\n",
                           KOERS_STORE_APPLICATION_ID, koers_store_schema_get_ddl (1),
                           koers_store_schema_get_ddl (2), koers_store_schema_get_ddl (3),
                           koers_store_schema_get_ddl (4));
  koers_test_exec_raw (fixture->path, setup);

  store = koers_test_open_store (fixture->path);
  g_assert_cmpint (koers_test_query_int (fixture->path, "PRAGMA user_version"), ==, KOERS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT version FROM objectives WHERE id = 10"), ==, 1);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM changes"), ==, 0);
  g_assert_nonnull (koers_store_find_objective (store, 10));

  /* From now on every write is logged. */
  koers_store_set_author (store, "Anna Peeters");
  koers_objective_set_title (koers_store_find_objective (store, 10), "Groei sterk.");
  g_assert_true (koers_store_save_objective (store, koers_store_find_objective (store, 10), NULL));
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT version FROM objectives WHERE id = 10"), ==, 2);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM changes WHERE uuid = 'o'"
                                                        " AND op = 'update' AND author = 'Anna Peeters'"),
                   ==, 1);
}

static void
test_change_log (KoersTestDir *fixture,
                 gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (KoersObjective) objective = NULL;
  g_autoptr (KoersCheckin) checkin = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GError) error = NULL;
  KoersKeyResult *kr;
  KoersChange    *change;
  int             field;

  koers_store_set_author (store, "Jan Janssens");
  g_assert_cmpstr (koers_store_get_author (store), ==, "Jan Janssens");
  objective = add_objective (store, "Delight customers", "2026-Q2");
  kr = first_key_result (objective);

  koers_key_result_set_target_value (kr, 2.5);
  g_assert_true (koers_store_save_key_result (store, kr, &error));
  checkin = koers_checkin_new ("2026-05-01", 4.0, KOERS_CHECKIN_STATUS_ON_TRACK, "Better");
  g_assert_true (koers_store_add_checkin (store, kr, checkin, &error));
  g_assert_no_error (error);

  /* The key result's history: its insert, the target, the check-in. */
  history = koers_store_list_changes (store, koers_key_result_get_uuid (kr), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);

  change = g_ptr_array_index (history, 0);
  g_assert_cmpint (koers_change_get_operation (change), ==, KOERS_CHANGE_INSERT);
  g_assert_cmpstr (koers_change_get_entity (change), ==, "key_result");
  g_assert_cmpstr (koers_change_get_parent (change), ==, koers_objective_get_uuid (objective));
  g_assert_cmpstr (koers_change_get_author (change), ==, "Jan Janssens");

  change = g_ptr_array_index (history, 1);
  g_assert_cmpint (koers_change_get_operation (change), ==, KOERS_CHANGE_UPDATE);
  g_assert_cmpuint (koers_change_get_n_fields (change), ==, 1);
  field = koers_change_find_field (change, "target_value");
  g_assert_cmpint (field, ==, 0);
  g_assert_cmpfloat (g_ascii_strtod (koers_change_get_field_old (change, field), NULL), ==, 3.0);
  g_assert_cmpfloat (g_ascii_strtod (koers_change_get_field_new (change, field), NULL), ==, 2.5);
  g_assert_cmpint (koers_change_get_at (change), >, 0);

  change = g_ptr_array_index (history, 2);
  g_assert_cmpstr (koers_change_get_entity (change), ==, "checkin");
  g_assert_cmpint (koers_change_find_field (change, "note"), >=, 0);

  /* A delete logs what went with it, and the author is not left behind
   * for another program writing the file later.  (An objective with
   * check-ins is archived, not deleted: the check-in goes first.) */
  g_assert_true (koers_store_delete_checkin (store, checkin, &error));
  g_assert_true (koers_store_delete_objective (store, objective, &error));
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM changes WHERE op = 'delete'"), ==, 3);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM changes WHERE author <> 'Jan Janssens'"
                                                        " AND seq > 10"),
                   ==, 0);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT length(author) FROM change_context"), ==, 0);
}

static void
test_lazy_periods (KoersTestDir *fixture,
                   gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  KoersPeriod q1, q2;

  {
    g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);

    g_object_unref (add_objective (store, "Old quarter", "2026-Q1"));
    g_object_unref (add_objective (store, "This quarter", "2026-Q2"));
    g_object_unref (add_objective (store, "The year", "2026"));
  }

  {
    g_autoptr (KoersStore) store = koers_store_open_lazy (fixture->path, &error);
    GListModel *objectives;
    g_autoptr (KoersObjective) first = NULL;

    g_assert_no_error (error);
    objectives = koers_store_get_objectives (store);
    g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, 0);

    /* A quarter brings the yearly objective that overlaps it. */
    koers_period_init_quarter (&q2, 2026, 2);
    g_assert_true (koers_store_load_period (store, &q2, &error));
    g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, 2);
    first = g_list_model_get_item (objectives, 0);
    g_assert_cmpuint (g_list_model_get_n_items (koers_objective_get_key_results (first)), ==, 1);

    /* Once only; then the earlier quarter joins, in the model's order. */
    g_assert_true (koers_store_load_period (store, &q2, &error));
    g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, 2);
    koers_period_init_quarter (&q1, 2026, 1);
    g_assert_true (koers_store_load_period (store, &q1, &error));
    g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, 3);
    for (guint i = 0; i + 1 < 3; i++)
      {
        g_autoptr (KoersObjective) a = g_list_model_get_item (objectives, i);
        g_autoptr (KoersObjective) b = g_list_model_get_item (objectives, i + 1);

        g_assert_cmpstr (koers_objective_get_period (a), <=, koers_objective_get_period (b));
      }
  }
}

static gboolean
collect_title_cb (KoersObjective *objective,
                  gpointer        user_data,
                  GError        **error)
{
  g_assert_cmpuint (g_list_model_get_n_items (koers_objective_get_key_results (objective)), ==, 1);
  g_ptr_array_add (user_data, g_strdup (koers_objective_get_title (objective)));
  return TRUE;
}

static void
test_foreach_objective (KoersTestDir *fixture,
                        gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (KoersStore) lazy = NULL;
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  KoersPeriod q1;

  g_object_unref (add_objective (store, "Old quarter", "2026-Q1"));
  g_object_unref (add_objective (store, "This quarter", "2026-Q2"));

  lazy = koers_store_open_lazy (fixture->path, &error);
  g_assert_true (koers_store_foreach_objective (lazy, NULL, 0, NULL, 0, collect_title_cb, titles, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (titles->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "Old quarter");
  /* Nothing of it stays in the model. */
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_objectives (lazy)), ==, 0);

  g_ptr_array_set_size (titles, 0);
  koers_period_init_quarter (&q1, 2026, 1);
  g_assert_true (koers_store_foreach_objective (lazy, &q1, 1, NULL, 0, collect_title_cb, titles, &error));
  g_assert_cmpuint (titles->len, ==, 1);
}

static void
changed_cb (KoersStore *store,
            guint      *n)
{
  (*n)++;
}

/* A second connection (as another process would) writes; the first one's
 * model follows from the change log, in place. */
static void
test_catch_up (KoersTestDir *fixture,
               gconstpointer data)
{
  g_autoptr (KoersStore) window = NULL;
  g_autoptr (KoersStore) other = NULL;
  g_autoptr (KoersObjective) mine = NULL;
  g_autoptr (KoersObjective) theirs = NULL;
  g_autoptr (KoersCheckin) checkin = NULL;
  g_autoptr (GError) error = NULL;
  KoersObjective *seen;
  KoersKeyResult *kr;
  KoersPeriod     q2;
  guint           n_changed = 0;

  window = koers_test_open_store (fixture->path);
  mine = add_objective (window, "Mine", "2026-Q2");
  g_signal_connect (window, "changed", G_CALLBACK (changed_cb), &n_changed);

  other = koers_store_open_lazy (fixture->path, &error);
  koers_period_init_quarter (&q2, 2026, 2);
  g_assert_true (koers_store_load_period (other, &q2, &error));

  /* Nothing new: nothing applied. */
  g_assert_true (koers_store_catch_up (window, &error));
  g_assert_cmpuint (n_changed, ==, 0);

  theirs = add_objective (other, "Theirs", "2026-Q2");
  seen = koers_store_find_objective (other, koers_objective_get_id (mine));
  koers_objective_set_title (seen, "Mine, renamed elsewhere");
  g_assert_true (koers_store_save_objective (other, seen, &error));
  kr = first_key_result (seen);
  checkin = koers_checkin_new ("2026-05-02", 4.2, KOERS_CHECKIN_STATUS_AT_RISK, NULL);
  g_assert_true (koers_store_add_checkin (other, kr, checkin, &error));

  g_assert_true (koers_store_catch_up (window, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  /* The same object, changed in place. */
  g_assert_cmpstr (koers_objective_get_title (mine), ==, "Mine, renamed elsewhere");
  g_assert_true (koers_store_find_objective (window, koers_objective_get_id (mine)) == mine);
  kr = first_key_result (mine);
  g_assert_cmpuint (g_list_model_get_n_items (koers_key_result_get_checkins (kr)), ==, 1);
  g_assert_cmpfloat (koers_key_result_get_current_value (kr), ==, 4.2);
  seen = koers_store_find_objective (window, koers_objective_get_id (theirs));
  g_assert_nonnull (seen);
  g_assert_cmpuint (g_list_model_get_n_items (koers_objective_get_key_results (seen)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_objectives (window)), ==, 2);

  /* KPIs and their values too. */
  {
    g_autoptr (KoersKpi) kpi = koers_kpi_new ("Net promoter score", KOERS_METRIC_KIND_NUMBER,
                                              NULL, KOERS_KPI_DIRECTION_HIGHER, 40, 30,
                                              KOERS_KPI_FREQUENCY_MONTHLY);
    g_autoptr (KoersKpiValue) value = koers_kpi_value_new ("2026-05-01", 42, NULL);
    KoersKpi *seen_kpi;

    koers_kpi_set_department_id (kpi, koers_objective_get_department_id (mine));
    g_assert_true (koers_store_add_kpi (other, kpi, &error));
    g_assert_true (koers_store_add_kpi_value (other, kpi, value, &error));
    g_assert_no_error (error);
    g_assert_true (koers_store_catch_up (window, &error));
    seen_kpi = koers_store_find_kpi (window, koers_kpi_get_id (kpi));
    g_assert_nonnull (seen_kpi);
    g_assert_cmpuint (g_list_model_get_n_items (koers_kpi_get_values (seen_kpi)), ==, 1);

    g_assert_true (koers_store_delete_kpi (other, kpi, &error));
    g_assert_true (koers_store_catch_up (window, &error));
    g_assert_null (koers_store_find_kpi (window, koers_kpi_get_id (kpi)));
  }

  /* A delete elsewhere takes it out. */
  g_assert_true (koers_store_delete_objective (other, koers_store_find_objective (other, koers_objective_get_id (theirs)), &error));
  g_assert_true (koers_store_catch_up (window, &error));
  g_assert_null (koers_store_find_objective (window, koers_objective_get_id (theirs)));
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_objectives (window)), ==, 1);

  /* Our own writes are not applied twice. */
  n_changed = 0;
  koers_objective_set_title (mine, "Mine again");
  g_assert_true (koers_store_save_objective (window, mine, &error));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (koers_store_catch_up (window, &error));
  g_assert_cmpuint (n_changed, ==, 1);
}

/* Deleting a department in a window that holds one quarter takes every
 * quarter's objectives, another process's too, and Undo brings all back. */
static void
test_delete_restores_everything (KoersTestDir *fixture,
                                 gconstpointer data)
{
  g_autoptr (KoersStore) window = NULL;
  g_autoptr (KoersStore) other = koers_test_open_store (fixture->path);
  g_autoptr (GPtrArray) objectives = NULL;
  g_autoptr (KoersDepartment) dept = NULL;
  g_autoptr (GError) error = NULL;
  KoersPeriod q2;

  g_object_unref (add_objective (other, "Shown", "2026-Q2"));
  g_object_unref (add_objective (other, "Last year", "2025-Q4"));

  window = koers_store_open_lazy (fixture->path, &error);
  koers_period_init_quarter (&q2, 2026, 2);
  g_assert_true (koers_store_load_period (window, &q2, &error));
  g_object_unref (add_objective (other, "Added elsewhere", "2026-Q3"));

  dept = g_list_model_get_item (koers_store_get_departments (window), 1);
  objectives = koers_store_list_department_objectives (window, dept);
  g_assert_cmpuint (objectives->len, ==, 3);
  g_assert_true (koers_store_delete_department (window, dept, &error));
  g_assert_no_error (error);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM objectives"), ==, 0);

  g_assert_true (koers_store_restore_department (window, dept, objectives, &error));
  g_assert_no_error (error);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM objectives"), ==, 3);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM key_results"), ==, 3);
}

/* A save over a newer version is refused, names who changed it, shows
 * theirs, and a second save (keep mine) goes through. */
static void
test_no_lost_update (KoersTestDir *fixture,
                     gconstpointer data)
{
  g_autoptr (KoersStore) mine = koers_test_open_store (fixture->path);
  g_autoptr (KoersStore) theirs = NULL;
  g_autoptr (KoersObjective) objective = NULL;
  g_autoptr (GError) error = NULL;
  KoersKeyResult *kr;
  KoersKeyResult *their_kr;

  objective = add_objective (mine, "Shared", "2026-Q2");
  kr = first_key_result (objective);
  theirs = koers_test_open_store (fixture->path);
  koers_store_set_author (theirs, "Els Maes");
  their_kr = koers_store_find_key_result (theirs, koers_key_result_get_id (kr));
  koers_key_result_set_target_value (their_kr, 1.0);
  g_assert_true (koers_store_save_key_result (theirs, their_kr, &error));

  koers_key_result_set_target_value (kr, 2.0);
  g_assert_false (koers_store_save_key_result (mine, kr, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Els Maes"));
  g_clear_error (&error);
  /* Nothing lost: theirs is stored and shown. */
  g_assert_cmpfloat (koers_key_result_get_target_value (kr), ==, 1.0);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT CAST (target_value AS INTEGER) FROM key_results"), ==, 1);

  koers_key_result_set_target_value (kr, 2.0);
  g_assert_true (koers_store_save_key_result (mine, kr, &error));
  g_assert_no_error (error);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT CAST (target_value AS INTEGER) FROM key_results"), ==, 2);

  /* Different fields: both are kept, theirs shown here too. */
  koers_store_catch_up (theirs, NULL);
  koers_key_result_set_owner (their_kr, "Els");
  g_assert_true (koers_store_save_key_result (theirs, their_kr, &error));
  koers_key_result_set_title (kr, "Churn down, my words");
  g_assert_true (koers_store_save_key_result (mine, kr, &error));
  g_assert_no_error (error);
  g_assert_true (koers_store_get_last_save_merged (mine));
  g_assert_cmpstr (koers_key_result_get_owner (kr), ==, "Els");
  {
    g_autofree char *owner = koers_test_query_text (fixture->path, "SELECT owner FROM key_results");
    g_autofree char *title = koers_test_query_text (fixture->path, "SELECT title FROM key_results");

    g_assert_cmpstr (owner, ==, "Els");
    g_assert_cmpstr (title, ==, "Churn down, my words");
  }
}

/* A quarter read whole is not read again (a switch back to it, or to one
 * read ahead, costs no query): what another process writes into it, also
 * into a quarter that held nothing, comes with the catch-up, once. */
static void
test_period_read_once (KoersTestDir *fixture,
                       gconstpointer data)
{
  KoersPeriod q3;
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersStore) window = koers_store_open_lazy (fixture->path, &error);
  GListModel *objectives = koers_store_get_objectives (window);
  g_autoptr (KoersStore) other = koers_test_open_store (fixture->path);

  koers_period_init_quarter (&q3, 2026, 3);
  g_assert_true (koers_store_load_period (window, &q3, &error));
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, 0);

  g_object_unref (add_objective (other, "Added elsewhere", "2026-Q3"));
  g_assert_true (koers_store_load_period (window, &q3, &error));
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, 0);

  g_assert_true (koers_store_catch_up (window, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, 1);
  g_assert_true (koers_store_load_period (window, &q3, &error));
  g_assert_true (koers_store_catch_up (window, &error));
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, 1);
}

/* The real binary in another process: an import while a store watches. */
static void
test_other_process (KoersTestDir *fixture,
                    gconstpointer data)
{
  g_autofree char *koers = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "src", "koers", NULL);
  g_autofree char *demo = g_build_filename (fixture->dir, "demo.db", NULL);
  g_autofree char *json = g_build_filename (fixture->dir, "demo.json", NULL);
  g_autoptr (KoersStore) window = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  KoersPeriod      q2;
  int              status;
  const char      *create[] = { koers, "--create-demo", demo, NULL };
  const char *export[] = { koers, "--database", demo, "--export-json", json, NULL };
  const char *import[] = { koers, "--database", fixture->path, "--import-json", json, NULL };

  window = koers_store_open_lazy (fixture->path, &error);
  g_assert_no_error (error);
  koers_period_init_quarter (&q2, 2026, 2);
  g_assert_true (koers_store_load_period (window, &q2, &error));
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_objectives (window)), ==, 0);

  for (const char **argv = create; argv != NULL; argv = argv == create ? export : argv == export ? import
                                                                                                 : NULL)
    {
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                   NULL, &out, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, &error));
      g_clear_pointer (&out, g_free);
    }

  g_assert_true (koers_store_catch_up (window, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_objectives (window)), ==,
                    koers_test_query_int (fixture->path, "SELECT count(*) FROM objectives WHERE period IN ('2026-Q2', '2026')"));
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_objectives (window)), >, 0);
}

/* A loader racing a committer (another process merging in a loop) never
 * sees a half-written state. */
static void
test_loader_races_committer (KoersTestDir *fixture,
                             gconstpointer data)
{
  g_autofree char *koers = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "src", "koers", NULL);
  g_autofree char *demo = g_build_filename (fixture->dir, "demo.db", NULL);
  g_autofree char *json = g_build_filename (fixture->dir, "demo.json", NULL);
  g_autofree char *script = NULL;
  g_autoptr (GError) error = NULL;
  const char *create[] = { koers, "--create-demo", demo, NULL };
  const char *export[] = { koers, "--database", demo, "--export-json", json, NULL };
  const char *argv[] = { "/bin/sh", "-c", NULL, NULL };
  GPid        pid;
  int         status;

  g_assert_true (g_spawn_sync (NULL, (char **) create, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_true (g_spawn_sync (NULL, (char **) export, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error));
  g_object_unref (koers_test_open_store (fixture->path));

  /* Import (adds everything), then delete it again, over and over. */
  script = g_strdup_printf ("while :; do '%s' --database '%s' --import-json '%s' >/dev/null 2>&1;"
                            " sqlite3 '%s' 'PRAGMA foreign_keys=ON; DELETE FROM objectives;"
                            " DELETE FROM kpis;' 2>/dev/null; done",
                            koers, fixture->path, json, fixture->path);
  argv[2] = script;
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &pid, &error));

  for (int i = 0; i < 40; i++)
    {
      g_autoptr (GError) open_error = NULL;
      g_autoptr (KoersStore) store = koers_store_open (fixture->path, &open_error);

      if (store == NULL)
        g_assert_error (open_error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED);
      g_usleep (10000);
    }

  kill (pid, SIGKILL);
  g_spawn_close_pid (pid);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-changes/migrate-v4", KoersTestDir, NULL, koers_test_dir_setup, test_migrate_v4, koers_test_dir_teardown);
  g_test_add ("/store-changes/change-log", KoersTestDir, NULL, koers_test_dir_setup, test_change_log, koers_test_dir_teardown);
  g_test_add ("/store-changes/lazy-periods", KoersTestDir, NULL, koers_test_dir_setup, test_lazy_periods, koers_test_dir_teardown);
  g_test_add ("/store-changes/foreach-objective", KoersTestDir, NULL, koers_test_dir_setup, test_foreach_objective, koers_test_dir_teardown);
  g_test_add ("/store-changes/catch-up", KoersTestDir, NULL, koers_test_dir_setup, test_catch_up, koers_test_dir_teardown);
  g_test_add ("/store-changes/delete-restores-everything", KoersTestDir, NULL, koers_test_dir_setup, test_delete_restores_everything, koers_test_dir_teardown);
  g_test_add ("/store-changes/no-lost-update", KoersTestDir, NULL, koers_test_dir_setup, test_no_lost_update, koers_test_dir_teardown);
  g_test_add ("/store-changes/period-read-once", KoersTestDir, NULL, koers_test_dir_setup, test_period_read_once, koers_test_dir_teardown);
  g_test_add ("/store-changes/other-process", KoersTestDir, NULL, koers_test_dir_setup, test_other_process, koers_test_dir_teardown);
  g_test_add ("/store-changes/loader-races-committer", KoersTestDir, NULL, koers_test_dir_setup, test_loader_races_committer, koers_test_dir_teardown);

  return g_test_run ();
}
