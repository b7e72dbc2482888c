/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "koers-store-private.h"
#include "koers-test-server.h"
#include "koers-test-store.h"

void
koers_test_dir_setup (KoersTestDir *fixture,
                      gconstpointer data)
{
  fixture->dir = koers_test_make_tmp_dir ("koers-store-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "data", "koers.db", NULL);
}

void
koers_test_dir_teardown (KoersTestDir *fixture,
                         gconstpointer data)
{
  koers_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

void
koers_test_store_setup (KoersTestStore *fixture,
                        gconstpointer   data)
{
  g_autofree char *server = NULL;

  koers_test_dir_setup (&fixture->files, data);
  /* On the test server (suite server) a fresh schema of its own. */
  server = koers_test_server_new_database ();
  if (server != NULL)
    {
      g_free (fixture->files.path);
      fixture->files.path = g_steal_pointer (&server);
    }
  fixture->store = koers_test_open_store (fixture->files.path);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (koers_test_count_cb), &fixture->changed);
}

void
koers_test_store_teardown (KoersTestStore *fixture,
                           gconstpointer   data)
{
  g_clear_object (&fixture->store);
  if (koers_db_is_server_uri (fixture->files.path))
    koers_test_server_drop_database (fixture->files.path);
  koers_test_dir_teardown (&fixture->files, data);
}

gboolean
koers_test_store_skip_on_server (KoersTestStore *fixture,
                                 const char     *why)
{
  if (!koers_store_is_server (fixture->store))
    return FALSE;
  g_test_skip (why);
  return TRUE;
}

gint64
koers_test_store_count_rows (KoersTestStore *fixture,
                             const char     *sql)
{
  return koers_test_query_int (fixture->files.path, sql);
}

KoersObjective *
koers_test_store_add_objective (KoersTestStore *fixture,
                                const char     *department,
                                const char     *title,
                                const char     *period,
                                gboolean        full)
{
  g_autoptr (GError) error = NULL;
  KoersObjective  *objective;
  KoersDepartment *dept = koers_test_find_department (fixture->store, department);
  guint            before = fixture->changed;

  objective = koers_objective_new (title, KOERS_LEVEL_DEPARTMENT,
                                   KOERS_OBJECTIVE_KIND_COMMITTED, period);
  koers_objective_set_department_id (objective, koers_department_get_id (dept));
  if (full)
    {
      g_autoptr (KoersKeyResult) kr = koers_key_result_new ("Leads", KOERS_METRIC_KIND_NUMBER,
                                                            600, 1200, "leads");
      g_autoptr (KoersCheckin) first = koers_checkin_new ("2026-04-10", 700,
                                                          KOERS_CHECKIN_STATUS_ON_TRACK, NULL);
      g_autoptr (KoersCheckin) second = koers_checkin_new ("2026-05-01", 850,
                                                           KOERS_CHECKIN_STATUS_AT_RISK, "Slow");

      koers_key_result_add_checkin (kr, first);
      koers_key_result_add_checkin (kr, second);
      koers_objective_insert_key_result (objective, kr);
    }

  g_assert_true (koers_store_add_objective (fixture->store, objective, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, before + 1);
  return objective;
}

KoersKeyResult *
koers_test_store_add_key_result (KoersTestStore *fixture,
                                 KoersObjective *objective,
                                 const char     *title)
{
  g_autoptr (GError) error = NULL;
  KoersKeyResult *kr = koers_key_result_new (title, KOERS_METRIC_KIND_NUMBER, 0, 100, "points");

  g_assert_true (koers_store_add_key_result (fixture->store, objective, kr, &error));
  g_assert_no_error (error);
  return kr;
}

KoersCheckin *
koers_test_store_add_checkin (KoersTestStore *fixture,
                              KoersKeyResult *kr,
                              const char     *date,
                              double          value)
{
  g_autoptr (GError) error = NULL;
  KoersCheckin *checkin = koers_checkin_new (date, value, KOERS_CHECKIN_STATUS_NONE, NULL);
  guint         before = fixture->changed;

  g_assert_true (koers_store_add_checkin (fixture->store, kr, checkin, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, before + 1);
  return checkin;
}

void
koers_test_store_assert_objectives_sorted (KoersTestStore *fixture)
{
  GListModel *model = koers_store_get_objectives (fixture->store);

  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (KoersObjective) a = g_list_model_get_item (model, i - 1);
      g_autoptr (KoersObjective) b = g_list_model_get_item (model, i);

      g_assert_cmpint (koers_store_compare_objectives (a, b, NULL), <, 0);
    }
}

KoersStore *
koers_test_open_store (const char *path)
{
  g_autoptr (GError) error = NULL;
  KoersStore *store = koers_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

KoersDepartment *
koers_test_find_department (KoersStore *store,
                            const char *name)
{
  KoersDepartment *dept = koers_store_find_department_by_name (store, name);

  g_assert_nonnull (dept);
  return dept;
}

KoersObjective *
koers_test_find_objective (KoersStore *store,
                           const char *title)
{
  GListModel *objectives = koers_store_get_objectives (store);

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);

      if (g_strcmp0 (koers_objective_get_title (objective), title) == 0)
        return objective; /* the store holds a reference */
    }

  g_error ("No objective “%s”", title);
  return NULL;
}

KoersKeyResult *
koers_test_first_key_result (KoersObjective *objective)
{
  g_autoptr (KoersKeyResult) kr = g_list_model_get_item (koers_objective_get_key_results (objective), 0);

  g_assert_nonnull (kr);
  return kr; /* the objective holds a reference */
}

KoersObjective *
koers_test_add_objective (KoersStore      *store,
                          KoersDepartment *department,
                          const char      *title,
                          const char      *period)
{
  g_autoptr (GError) error = NULL;
  KoersLevel level =
    koers_department_get_is_company (department) ? KOERS_LEVEL_COMPANY : KOERS_LEVEL_DEPARTMENT;
  KoersObjective *objective =
    koers_objective_new (title, level, KOERS_OBJECTIVE_KIND_COMMITTED, period);

  koers_objective_set_department_id (objective, koers_department_get_id (department));
  koers_store_add_objective (store, objective, &error);
  g_assert_no_error (error);

  /* The store holds it; the caller borrows. */
  g_object_unref (objective);
  return objective;
}

KoersKeyResult *
koers_test_add_key_result (KoersStore     *store,
                           KoersObjective *objective,
                           const char     *title,
                           double          start,
                           double          target,
                           double          current)
{
  g_autoptr (GError) error = NULL;
  KoersKeyResult *kr =
    koers_key_result_new (title, KOERS_METRIC_KIND_NUMBER, start, target, "leads");

  koers_key_result_set_current_value (kr, current);
  koers_store_add_key_result (store, objective, kr, &error);
  g_assert_no_error (error);

  g_object_unref (kr);
  return kr;
}

KoersCheckin *
koers_test_add_checkin (KoersStore        *store,
                        KoersKeyResult    *kr,
                        const char        *date,
                        double             value,
                        KoersCheckinStatus status,
                        const char        *note)
{
  g_autoptr (KoersCheckin) checkin = koers_checkin_new (date, value, status, note);
  g_autoptr (GError) error = NULL;

  g_assert_true (koers_store_add_checkin (store, kr, checkin, &error));
  g_assert_no_error (error);
  return checkin;
}

KoersKpi *
koers_test_add_kpi (KoersStore       *store,
                    KoersDepartment  *department,
                    const char       *name,
                    KoersKpiDirection direction,
                    double            healthy,
                    double            attention)
{
  g_autoptr (GError) error = NULL;
  KoersKpi *kpi = koers_kpi_new (name, KOERS_METRIC_KIND_NUMBER, NULL, direction, healthy, attention,
                                 KOERS_KPI_FREQUENCY_MONTHLY);

  koers_kpi_set_department_id (kpi, koers_department_get_id (department));
  koers_store_add_kpi (store, kpi, &error);
  g_assert_no_error (error);

  g_object_unref (kpi);
  return kpi;
}

KoersKpiValue *
koers_test_add_kpi_value (KoersStore *store,
                          KoersKpi   *kpi,
                          const char *date,
                          double      value)
{
  g_autoptr (GError) error = NULL;
  KoersKpiValue *kpi_value = koers_kpi_value_new (date, value, NULL);

  koers_store_add_kpi_value (store, kpi, kpi_value, &error);
  g_assert_no_error (error);

  g_object_unref (kpi_value);
  return kpi_value;
}

KoersDepartment *
koers_test_add_team (KoersStore      *store,
                     KoersDepartment *parent,
                     const char      *name)
{
  g_autoptr (KoersDepartment) team = koers_department_new (name, NULL);
  g_autoptr (GError) error = NULL;

  koers_department_set_parent_id (team, koers_department_get_id (parent));
  g_assert_true (koers_store_add_department (store, team, &error));
  g_assert_no_error (error);

  /* The store keeps it. */
  return team;
}

guint
koers_test_n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

void
koers_test_count_cb (KoersStore *store,
                     guint      *count)
{
  (*count)++;
}

sqlite3 *
koers_test_open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

void
koers_test_exec_raw (const char *path,
                     const char *sql)
{
  sqlite3 *db;
  char    *message = NULL;

  if (koers_db_is_server_uri (path))
    {
      koers_test_server_exec (path, sql);
      return;
    }
  db = koers_test_open_raw (path);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* The first row of sql on path, stepped; the statement for column reads. */
static sqlite3_stmt *
query_first_row (sqlite3    *db,
                 const char *sql,
                 gboolean   *has_row)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  *has_row = sqlite3_step (stmt) == SQLITE_ROW;
  return stmt;
}

gint64
koers_test_query_int (const char *path,
                      const char *sql)
{
  sqlite3      *db;
  gboolean      has_row;
  sqlite3_stmt *stmt;
  gint64        ret;

  if (koers_db_is_server_uri (path))
    return koers_test_server_query_int (path, sql);
  db = koers_test_open_raw (path);
  stmt = query_first_row (db, sql, &has_row);
  ret = has_row ? sqlite3_column_int64 (stmt, 0) : -1;

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ret;
}

char *
koers_test_query_text (const char *path,
                       const char *sql)
{
  sqlite3      *db;
  gboolean      has_row;
  sqlite3_stmt *stmt;
  char         *ret;

  if (koers_db_is_server_uri (path))
    return koers_test_server_query_text (path, sql);
  db = koers_test_open_raw (path);
  stmt = query_first_row (db, sql, &has_row);
  ret = has_row ? g_strdup ((const char *) sqlite3_column_text (stmt, 0)) : NULL;

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ret;
}

void
koers_test_assert_no_side_files (const char *path)
{
  static const char *const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (side, G_FILE_TEST_EXISTS))
        g_error ("%s was left behind", side);
    }
}
