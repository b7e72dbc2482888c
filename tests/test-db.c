/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "db/koers-db.h"

/* The engine seam: the same statements give the same answers on SQLite
 * (a temporary file) and, with KOERS_TEST_DATABASE set to a libpq URI
 * (suite server, under pg_virtualenv), on PostgreSQL in a schema of the
 * test's own. */

typedef struct
{
  KoersDb *db;
  char    *dir;
  char    *schema;
} Fixture;

static void
run (Fixture    *f,
     const char *sql)
{
  int rc = koers_db_exec (f->db, sql);

  if (rc != KOERS_DB_OK)
    g_error ("%s: %d %s", sql, rc, koers_db_errmsg (f->db));
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  const char *uri = g_getenv ("KOERS_TEST_DATABASE");

  if (uri != NULL && uri[0] != '\0')
    {
      g_autofree char *sql = NULL;

      g_assert_true (koers_db_is_server_uri (uri));
      g_assert_cmpint (koers_db_open_postgresql (uri, &f->db), ==, KOERS_DB_OK);
      g_assert_cmpint (koers_db_get_engine (f->db), ==, KOERS_DB_ENGINE_POSTGRESQL);
      f->schema = g_strdup_printf ("test_%08x", g_random_int ());
      sql = g_strdup_printf ("CREATE SCHEMA %s; SET search_path TO %s", f->schema, f->schema);
      run (f, sql);
    }
  else
    {
      g_autofree char *path = NULL;

      f->dir = g_dir_make_tmp ("koers-db-XXXXXX", NULL);
      path = g_build_filename (f->dir, "test.koers", NULL);
      g_assert_cmpint (koers_db_open_sqlite (path, KOERS_DB_OPEN_READWRITE | KOERS_DB_OPEN_CREATE,
                                             &f->db),
                       ==, KOERS_DB_OK);
      g_assert_cmpint (koers_db_get_engine (f->db), ==, KOERS_DB_ENGINE_SQLITE);
      run (f, "PRAGMA foreign_keys = ON");
    }

  run (f, "CREATE TABLE departments (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
          "CREATE TABLE numbers (id INTEGER PRIMARY KEY,"
          " department_id INTEGER REFERENCES departments (id),"
          " label TEXT, value REAL, count INTEGER);"
          "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)");
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  if (f->schema != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("DROP SCHEMA %s CASCADE", f->schema);

      run (f, sql);
    }
  koers_db_close (f->db);
  if (f->dir != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, "test.koers", NULL);

      g_remove (path);
      g_rmdir (f->dir);
    }
  g_free (f->dir);
  g_free (f->schema);
}

static gint64
add_department (Fixture    *f,
                const char *name)
{
  g_autoptr (KoersDbStmt) stmt = NULL;

  g_assert_cmpint (koers_db_prepare (f->db, "INSERT INTO departments (name) VALUES (?1)", &stmt), ==,
                   KOERS_DB_OK);
  koers_db_bind_text (stmt, 1, name);
  g_assert_cmpint (koers_db_step (stmt), ==, KOERS_DB_DONE);
  g_assert_cmpint (koers_db_changes (f->db), ==, 1);
  return koers_db_last_insert_id (f->db);
}

/* Values of each kind go in bound and come back as they were; a NULL is
 * a NULL; a statement is reset and used again with new values. */
static void
test_round_trip (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr (KoersDbStmt) insert = NULL;
  g_autoptr (KoersDbStmt) select = NULL;
  gint64 finance = add_department (f, "Finance");
  gint64 sales = add_department (f, "Sales");
  int    n = 0;

  g_assert_cmpint (finance, >, 0);
  g_assert_cmpint (sales, >, finance);

  g_assert_cmpint (koers_db_prepare (f->db,
                                     "INSERT INTO numbers (department_id, label, value, count)"
                                     " VALUES (?1, ?2, ?3, ?4)",
                                     &insert),
                   ==, KOERS_DB_OK);
  g_assert_cmpint (koers_db_bind_parameter_count (insert), ==, 4);
  koers_db_bind_int64 (insert, 1, finance);
  koers_db_bind_text (insert, 2, "€ 250.000 — “marge” 'quoted' ?1");
  koers_db_bind_double (insert, 3, 0.1 + 0.2);
  koers_db_bind_int64 (insert, 4, G_GINT64_CONSTANT (9007199254740993));
  g_assert_cmpint (koers_db_step (insert), ==, KOERS_DB_DONE);
  koers_db_reset (insert);
  koers_db_clear_bindings (insert);
  koers_db_bind_int64 (insert, 1, sales);
  koers_db_bind_double (insert, 3, -8.5);
  koers_db_bind_int (insert, 4, 3);
  g_assert_cmpint (koers_db_step (insert), ==, KOERS_DB_DONE);

  g_assert_cmpint (koers_db_prepare (f->db,
                                     "SELECT n.label, n.value, n.count, d.name, n.label IS NULL"
                                     " FROM numbers AS n JOIN departments AS d"
                                     " ON d.id = n.department_id WHERE n.value < ? ORDER BY n.id",
                                     &select),
                   ==, KOERS_DB_OK);
  koers_db_bind_double (select, 1, 100);
  while (koers_db_step (select) == KOERS_DB_ROW)
    {
      if (n++ == 0)
        {
          g_assert_cmpstr (koers_db_column_text (select, 0), ==, "€ 250.000 — “marge” 'quoted' ?1");
          g_assert_cmpfloat (koers_db_column_double (select, 1), ==, 0.1 + 0.2);
          g_assert_cmpint (koers_db_column_int64 (select, 2), ==,
                           G_GINT64_CONSTANT (9007199254740993));
          g_assert_cmpstr (koers_db_column_text (select, 3), ==, "Finance");
          g_assert_cmpint (koers_db_column_int (select, 4), ==, 0);
        }
      else
        {
          g_assert_cmpint (koers_db_column_type (select, 0), ==, KOERS_DB_NULL);
          g_assert_null (koers_db_column_text (select, 0));
          g_assert_cmpfloat (koers_db_column_double (select, 1), ==, -8.5);
          g_assert_cmpint (koers_db_column_type (select, 2), ==, KOERS_DB_INTEGER);
          g_assert_cmpint (koers_db_column_int (select, 2), ==, 3);
          g_assert_cmpstr (koers_db_column_text (select, 3), ==, "Sales");
          g_assert_cmpint (koers_db_column_int (select, 4), ==, 1);
        }
    }
  g_assert_cmpint (n, ==, 2);

  /* Reset runs it again, with what is bound now. */
  koers_db_reset (select);
  koers_db_bind_double (select, 1, 0);
  g_assert_cmpint (koers_db_step (select), ==, KOERS_DB_ROW);
  g_assert_cmpstr (koers_db_column_text (select, 3), ==, "Sales");
  g_assert_cmpint (koers_db_step (select), ==, KOERS_DB_DONE);
}

/* A copied value binds back as the same value, whatever its kind. */
static void
test_values (Fixture      *f,
             gconstpointer data)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  KoersDbValue *values[3];

  g_assert_cmpint (koers_db_prepare (f->db, "SELECT 42, 2.5, 'tekst'", &stmt), ==, KOERS_DB_OK);
  g_assert_cmpint (koers_db_step (stmt), ==, KOERS_DB_ROW);
  for (int i = 0; i < 3; i++)
    values[i] = koers_db_column_dup_value (stmt, i);
  g_clear_pointer (&stmt, koers_db_finalize);

  g_assert_cmpint (koers_db_prepare (f->db,
                                     "SELECT CAST (?1 AS INTEGER) = 42, CAST (?2 AS REAL) = 2.5,"
                                     " CAST (?3 AS TEXT) = 'tekst'",
                                     &stmt),
                   ==, KOERS_DB_OK);
  for (int i = 0; i < 3; i++)
    koers_db_bind_value (stmt, i + 1, values[i]);
  g_assert_cmpint (koers_db_step (stmt), ==, KOERS_DB_ROW);
  for (int i = 0; i < 3; i++)
    {
      g_assert_cmpint (koers_db_column_int (stmt, i), ==, 1);
      koers_db_value_free (values[i]);
    }
}

/* The errors the store turns into sentences have the same codes on
 * both engines. */
static void
test_constraints (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr (KoersDbStmt) stmt = NULL;

  add_department (f, "Finance");
  g_assert_cmpint (koers_db_prepare (f->db, "INSERT INTO departments (name) VALUES (?1)", &stmt), ==,
                   KOERS_DB_OK);
  koers_db_bind_text (stmt, 1, "Finance");
  g_assert_cmpint (koers_db_step (stmt), ==, KOERS_DB_CONSTRAINT_UNIQUE);
  g_assert_cmpint (koers_db_errcode (f->db) & 0xff, ==, KOERS_DB_CONSTRAINT);
  g_assert_cmpint (koers_db_extended_errcode (f->db), ==, KOERS_DB_CONSTRAINT_UNIQUE);
  g_clear_pointer (&stmt, koers_db_finalize);

  /* INSERT OR IGNORE: nothing, and no error. */
  g_assert_cmpint (koers_db_prepare (f->db, "INSERT OR IGNORE INTO departments (name) VALUES (?)",
                                     &stmt),
                   ==, KOERS_DB_OK);
  koers_db_bind_text (stmt, 1, "Finance");
  g_assert_cmpint (koers_db_step (stmt), ==, KOERS_DB_DONE);
  g_assert_cmpint (koers_db_changes (f->db), ==, 0);
  g_clear_pointer (&stmt, koers_db_finalize);

  g_assert_cmpint (koers_db_exec (f->db, "INSERT INTO numbers (department_id) VALUES (4242)"), ==,
                   KOERS_DB_CONSTRAINT_FOREIGNKEY);
  g_assert_cmpint (koers_db_exec (f->db, "SELECT * FROM no_such_table"), ==, KOERS_DB_ERROR);
  g_assert_cmpstr (koers_db_errmsg (f->db), !=, "");
}

/* A transaction: inside it autocommit is off; a rollback takes back
 * what it wrote; BEGIN IMMEDIATE works on both. */
static void
test_transaction (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr (KoersDbStmt) count = NULL;

  g_assert_true (koers_db_get_autocommit (f->db));
  g_assert_cmpint (koers_db_exec (f->db, "BEGIN IMMEDIATE"), ==, KOERS_DB_OK);
  g_assert_false (koers_db_get_autocommit (f->db));
  add_department (f, "Legal");
  g_assert_cmpint (koers_db_exec (f->db, "ROLLBACK"), ==, KOERS_DB_OK);
  g_assert_true (koers_db_get_autocommit (f->db));

  g_assert_cmpint (koers_db_prepare (f->db, "SELECT count(*) FROM departments", &count), ==,
                   KOERS_DB_OK);
  g_assert_cmpint (koers_db_step (count), ==, KOERS_DB_ROW);
  g_assert_cmpint (koers_db_column_int64 (count, 0), ==, 0);

  /* The upsert the settings use. */
  for (int i = 0; i < 2; i++)
    {
      g_autoptr (KoersDbStmt) stmt = NULL;

      g_assert_cmpint (koers_db_prepare (f->db,
                                         "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                                         " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                         &stmt),
                       ==, KOERS_DB_OK);
      koers_db_bind_text (stmt, 1, "organisation");
      koers_db_bind_text (stmt, 2, i == 0 ? "Acme" : "Koers NV");
      g_assert_cmpint (koers_db_step (stmt), ==, KOERS_DB_DONE);
    }
  g_clear_pointer (&count, koers_db_finalize);
  g_assert_cmpint (koers_db_prepare (f->db, "SELECT value FROM settings", &count), ==, KOERS_DB_OK);
  g_assert_cmpint (koers_db_step (count), ==, KOERS_DB_ROW);
  g_assert_cmpstr (koers_db_column_text (count, 0), ==, "Koers NV");
}

/* Whether the process has libpq's file mapped. */
static gboolean
libpq_is_loaded (void)
{
  g_autofree char *maps = NULL;

  if (!g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL))
    return FALSE;
  return strstr (maps, "/libpq.so") != NULL;
}

/* libpq and the libraries it needs come in with the first server address,
 * not with the program: a command on a file starts without them. */
static void
test_libpq_on_demand (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (KoersDb) db = NULL;
  g_autoptr (GHashTable) parts = NULL;

  if (!g_file_test ("/proc/self/maps", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /proc/self/maps here");
      return;
    }
  /* Run first in its process (main): nothing has asked for a server yet. */
  g_assert_false (libpq_is_loaded ());

  dir = g_dir_make_tmp ("koers-db-XXXXXX", NULL);
  path = g_build_filename (dir, "file.db", NULL);
  g_assert_cmpint (koers_db_open_sqlite (path, KOERS_DB_OPEN_READWRITE | KOERS_DB_OPEN_CREATE, &db), ==, KOERS_DB_OK);
  g_assert_cmpint (koers_db_exec (db, "CREATE TABLE t (a INTEGER)"), ==, KOERS_DB_OK);
  g_assert_false (libpq_is_loaded ());

  parts = koers_db_parse_postgresql_conninfo ("postgresql://server.example/koers?port=5433");
  g_assert_nonnull (parts);
  g_assert_cmpstr (g_hash_table_lookup (parts, "host"), ==, "server.example");
  g_assert_cmpstr (g_hash_table_lookup (parts, "port"), ==, "5433");
  g_assert_true (libpq_is_loaded ());

  g_clear_pointer (&db, koers_db_close);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* First: it needs a process that has not opened a server database. */
  g_test_add_func ("/db/libpq-on-demand", test_libpq_on_demand);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/db/round-trip", test_round_trip);
  ADD ("/db/values", test_values);
  ADD ("/db/constraints", test_constraints);
  ADD ("/db/transaction", test_transaction);
#undef ADD

  return g_test_run ();
}
