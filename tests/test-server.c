/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libpq-fe.h>
#include <poll.h>
#include <string.h>

#include "db/koers-db.h"
#include "koers-store-server.h"
#include "koers-store.h"

/* The company server's schema on a real PostgreSQL (suite server, under
 * run-with-postgresql.sh): the change log and its NOTIFY, row versions,
 * and the roles the server itself enforces, also against plain SQL. */

typedef struct
{
  KoersDb *db; /* the owner, who ran the setup */
  char    *schema;
  gint64   finance, sales, sales_team;
} Fixture;

static void
run (KoersDb    *db,
     const char *sql)
{
  int rc = koers_db_exec (db, sql);

  if (rc != KOERS_DB_OK)
    g_error ("%s: %d %s", sql, rc, koers_db_errmsg (db));
}

static KoersDb *
connect_as (Fixture    *f,
            const char *user)
{
  g_autofree char *conninfo = NULL;
  g_autofree char *path = NULL;
  KoersDb         *db = NULL;

  conninfo = user != NULL ? g_strdup_printf ("user=%s password=secret", user) : g_strdup ("");
  g_assert_cmpint (koers_db_open_postgresql (conninfo, &db), ==, KOERS_DB_OK);
  path = g_strdup_printf ("SET search_path TO %s", f->schema);
  run (db, path);
  return db;
}

static gint64
query_int (KoersDb    *db,
           const char *sql)
{
  g_autoptr (KoersDbStmt) stmt = NULL;

  g_assert_cmpint (koers_db_prepare (db, sql, &stmt), ==, KOERS_DB_OK);
  g_assert_cmpint (koers_db_step (stmt), ==, KOERS_DB_ROW);
  return koers_db_column_int64 (stmt, 0);
}

static gint64
add_department (KoersDb    *db,
                const char *name,
                gint64      parent)
{
  g_autoptr (KoersDbStmt) stmt = NULL;

  g_assert_cmpint (koers_db_prepare (db,
                                     "INSERT INTO departments (uuid, name, parent_id, created,"
                                     " updated) VALUES (?1, ?2, ?3, 0, 0)",
                                     &stmt),
                   ==, KOERS_DB_OK);
  koers_db_bind_text (stmt, 1, name);
  koers_db_bind_text (stmt, 2, name);
  if (parent != 0)
    koers_db_bind_int64 (stmt, 3, parent);
  g_assert_cmpint (koers_db_step (stmt), ==, KOERS_DB_DONE);
  return koers_db_last_insert_id (db);
}

/* An objective of department; the step's result (DONE, or an error). */
static int
add_objective (KoersDb    *db,
               const char *uuid,
               gint64      department)
{
  g_autoptr (KoersDbStmt) stmt = NULL;

  g_assert_cmpint (koers_db_prepare (db,
                                     "INSERT INTO objectives (uuid, department_id, title, period,"
                                     " created, updated) VALUES (?1, ?2, ?1, '2026-Q2', 0, 0)",
                                     &stmt),
                   ==, KOERS_DB_OK);
  koers_db_bind_text (stmt, 1, uuid);
  koers_db_bind_int64 (stmt, 2, department);
  return koers_db_step (stmt);
}

static void
add_person (Fixture    *f,
            const char *name,
            const char *role,
            gint64      department)
{
  g_autofree char *sql = NULL;
  g_autofree char *id = department != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, department)
                                        : g_strdup ("NULL");

  sql = g_strdup_printf ("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s')"
                         " THEN CREATE ROLE %s LOGIN PASSWORD 'secret'; END IF; END $$;"
                         " GRANT koers_%s TO %s;"
                         " INSERT INTO people (name, role, department_id) VALUES ('%s', '%s', %s)",
                         name, name, role, name, name, role, id);
  run (f->db, sql);
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  const char      *uri = g_getenv ("KOERS_TEST_DATABASE");
  g_autofree char *setup = koers_store_server_get_setup_sql ();
  g_autofree char *sql = NULL;

  if (uri == NULL || uri[0] == '\0')
    {
      g_test_skip ("needs a server: KOERS_TEST_DATABASE (run-with-postgresql.sh)");
      return;
    }
  g_assert_cmpint (koers_db_open_postgresql (uri, &f->db), ==, KOERS_DB_OK);
  f->schema = g_strdup_printf ("test_%08x", g_random_int ());
  sql = g_strdup_printf ("CREATE SCHEMA %s; SET search_path TO %s", f->schema, f->schema);
  run (f->db, sql);
  run (f->db, "BEGIN");
  run (f->db, setup);
  run (f->db, "COMMIT");

  f->finance = add_department (f->db, "Finance", 0);
  f->sales = add_department (f->db, "Sales", 0);
  f->sales_team = add_department (f->db, "Sales_Benelux", f->sales);
  add_person (f, "anna", "head", f->sales);
  add_person (f, "bert", "reader", 0);
  add_person (f, "carla", "leader", f->sales_team);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  if (f->db == NULL)
    return;
  run (f->db, "DELETE FROM people");
  {
    g_autofree char *sql = g_strdup_printf ("DROP SCHEMA %s CASCADE", f->schema);

    run (f->db, sql);
  }
  koers_db_close (f->db);
  g_free (f->schema);
}

/* Every write logs its fields, with the database user as author; an
 * update raises the row's version; an update of nothing logged logs
 * nothing. */
static void
test_change_log (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr (KoersDb) anna = NULL; /* after the statement: declared first */
  g_autoptr (KoersDbStmt) stmt = NULL;

  if (f->db == NULL)
    return;
  anna = connect_as (f, "anna");
  g_assert_cmpint (add_objective (anna, "o1", f->sales), ==, KOERS_DB_DONE);
  run (anna, "UPDATE objectives SET title = 'Double sign-ups' WHERE uuid = 'o1'");
  run (anna, "UPDATE objectives SET updated = 5 WHERE uuid = 'o1'");
  g_assert_cmpint (query_int (anna, "SELECT version FROM objectives WHERE uuid = 'o1'"), ==, 3);

  g_assert_cmpint (koers_db_prepare (anna,
                                     "SELECT author, op, version, parent, fields::jsonb -> 'title'"
                                     " FROM changes WHERE uuid = 'o1' ORDER BY seq",
                                     &stmt),
                   ==, KOERS_DB_OK);
  g_assert_cmpint (koers_db_step (stmt), ==, KOERS_DB_ROW);
  g_assert_cmpstr (koers_db_column_text (stmt, 0), ==, "anna");
  g_assert_cmpstr (koers_db_column_text (stmt, 1), ==, "insert");
  g_assert_cmpint (koers_db_column_int64 (stmt, 2), ==, 1);
  g_assert_cmpstr (koers_db_column_text (stmt, 3), ==, "Sales");
  g_assert_cmpstr (koers_db_column_text (stmt, 4), ==, "[null, \"o1\"]");
  g_assert_cmpint (koers_db_step (stmt), ==, KOERS_DB_ROW);
  g_assert_cmpstr (koers_db_column_text (stmt, 1), ==, "update");
  g_assert_cmpint (koers_db_column_int64 (stmt, 2), ==, 2);
  g_assert_cmpstr (koers_db_column_text (stmt, 4), ==, "[\"o1\", \"Double sign-ups\"]");
  g_assert_cmpint (koers_db_step (stmt), ==, KOERS_DB_DONE);

  /* Nobody writes the log around the triggers. */
  g_assert_cmpint (koers_db_exec (anna, "DELETE FROM changes"), ==, KOERS_DB_PERM);
}

/* Two clients saved over the same version: the second writes nothing,
 * and sees whose change won. */
static void
test_versions (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (KoersDb) one = NULL;
  g_autoptr (KoersDb) two = NULL;
  const char *save = "UPDATE objectives SET title = ?1 WHERE uuid = 'o1' AND version = ?2";

  if (f->db == NULL)
    return;
  g_assert_cmpint (add_objective (f->db, "o1", f->sales), ==, KOERS_DB_DONE);
  one = connect_as (f, "anna");
  two = connect_as (f, "anna");
  run (f->db, "UPDATE objectives SET department_id = department_id WHERE uuid = 'o1'");

  for (int i = 0; i < 2; i++)
    {
      g_autoptr (KoersDbStmt) stmt = NULL;
      KoersDb *db = i == 0 ? one : two;

      g_assert_cmpint (koers_db_prepare (db, save, &stmt), ==, KOERS_DB_OK);
      koers_db_bind_text (stmt, 1, i == 0 ? "first" : "second");
      koers_db_bind_int64 (stmt, 2, 2);
      g_assert_cmpint (koers_db_step (stmt), ==, KOERS_DB_DONE);
      g_assert_cmpint (koers_db_changes (db), ==, i == 0 ? 1 : 0);
    }
  g_assert_cmpint (query_int (two, "SELECT count(*) FROM objectives WHERE title = 'first'"), ==, 1);
  g_assert_cmpint (query_int (two, "SELECT version FROM objectives WHERE uuid = 'o1'"), ==, 3);
}

/* A reader reads everything and writes nothing; a head writes their
 * department and its teams, not another's; a leader only their team. */
static void
test_roles (Fixture      *f,
            gconstpointer data)
{
  g_autoptr (KoersDb) anna = NULL;
  g_autoptr (KoersDb) bert = NULL;
  g_autoptr (KoersDb) carla = NULL;

  if (f->db == NULL)
    return;
  g_assert_cmpint (add_objective (f->db, "finance-goal", f->finance), ==, KOERS_DB_DONE);
  anna = connect_as (f, "anna");
  bert = connect_as (f, "bert");
  carla = connect_as (f, "carla");

  g_assert_cmpint (query_int (bert, "SELECT count(*) FROM objectives"), ==, 1);
  g_assert_cmpint (add_objective (bert, "b1", f->finance), ==, KOERS_DB_PERM);
  g_assert_cmpint (koers_db_exec (bert, "UPDATE objectives SET title = 'x'"), ==, KOERS_DB_PERM);

  g_assert_cmpint (add_objective (anna, "a1", f->sales), ==, KOERS_DB_DONE);
  g_assert_cmpint (add_objective (anna, "a2", f->sales_team), ==, KOERS_DB_DONE);
  g_assert_cmpint (add_objective (anna, "a3", f->finance), ==, KOERS_DB_PERM);
  /* Another department's rows are not hers to change: nothing happens. */
  run (anna, "UPDATE objectives SET title = 'mine now' WHERE uuid = 'finance-goal'");
  g_assert_cmpint (koers_db_changes (anna), ==, 0);
  /* Nor can she move her own objective there. */
  g_assert_cmpint (koers_db_exec (anna, "UPDATE objectives SET department_id ="
                                        " (SELECT id FROM departments WHERE name = 'Finance')"
                                        " WHERE uuid = 'a1'"),
                   ==, KOERS_DB_PERM);
  g_assert_cmpint (koers_db_exec (anna, "DELETE FROM departments"), ==, KOERS_DB_PERM);

  g_assert_cmpint (add_objective (carla, "c1", f->sales_team), ==, KOERS_DB_DONE);
  g_assert_cmpint (add_objective (carla, "c2", f->sales), ==, KOERS_DB_PERM);

  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM objectives"), ==, 4);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM objectives WHERE title = 'mine now'"),
                   ==, 0);
}

/* The same, through plain psql as the reader: the server refuses. */
static void
test_reader_psql (Fixture      *f,
                  gconstpointer data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *sql = NULL;
  int              status = 0;

  if (f->db == NULL)
    return;
  sql = g_strdup_printf ("SET search_path TO %s; INSERT INTO objectives (uuid, department_id,"
                         " title, period, created, updated) VALUES ('p', %" G_GINT64_FORMAT
                         ", 'T', '2026-Q2', 0, 0)",
                         f->schema, f->finance);
  {
    const char *argv[] = { "psql", "-v", "ON_ERROR_STOP=1", "-U", "bert", "-c", sql, NULL };
    g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "PGPASSWORD", "secret", TRUE);

    g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                                 &err, &status, NULL));
  }
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "permission denied"));
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM objectives"), ==, 0);
}

/* A write by one client reaches another that listens, within a second. */
static void
test_notify (Fixture      *f,
             gconstpointer data)
{
  g_autoptr (KoersDb) other = NULL;
  PGconn   *listener;
  PGnotify *notify = NULL;
  gint64    start;

  if (f->db == NULL)
    return;
  listener = PQconnectdb ("");
  g_assert_cmpint (PQstatus (listener), ==, CONNECTION_OK);
  PQclear (PQexec (listener, "LISTEN " KOERS_SERVER_CHANNEL));

  other = connect_as (f, "anna");
  start = g_get_monotonic_time ();
  g_assert_cmpint (add_objective (other, "n1", f->sales), ==, KOERS_DB_DONE);

  while (notify == NULL && g_get_monotonic_time () - start < G_USEC_PER_SEC)
    {
      struct pollfd fd = { .fd = PQsocket (listener), .events = POLLIN };

      poll (&fd, 1, 50);
      PQconsumeInput (listener);
      notify = PQnotifies (listener);
    }
  g_assert_nonnull (notify);
  g_test_message ("notified after %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - start);
  g_assert_cmpstr (notify->relname, ==, KOERS_SERVER_CHANNEL);
  g_assert_cmpint (g_ascii_strtoll (notify->extra, NULL, 10), ==,
                   query_int (f->db, "SELECT max (seq) FROM changes"));
  PQfreemem (notify);
  PQfinish (listener);
}

/* --server-setup: an empty database is set up; one with a schema, a
 * file name or a server that is not there is refused with a sentence
 * that does not show the password. */
static void
test_setup (Fixture      *f,
            gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *conninfo = NULL;
  g_autofree char *sql = NULL;

  if (f->db == NULL)
    return;
  schema = g_strdup_printf ("%s_setup", f->schema);
  sql = g_strdup_printf ("CREATE SCHEMA %s", schema);
  run (f->db, sql);
  conninfo = g_strdup_printf ("options='-c search_path=%s'", schema);

  g_assert_true (koers_store_server_setup (conninfo, &error));
  g_assert_no_error (error);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM pg_tables WHERE schemaname = '%s'", schema);
  /* The entities, the log, the people, and the settings, dismissed
   * findings and change context of the file's schema. */
  g_assert_cmpint (query_int (f->db, sql), ==, 13);

  g_assert_false (koers_store_server_setup (conninfo, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FOREIGN);
  g_clear_error (&error);
  /* The entities, the log, the people, and the settings, dismissed
   * findings and change context of the file's schema. */
  g_assert_cmpint (query_int (f->db, sql), ==, 13);

  g_assert_false (koers_store_server_setup ("company.koers", &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_OPEN);
  g_clear_error (&error);

  g_assert_false (koers_store_server_setup ("postgresql://anna:hunter2@/koers?host=/nonexistent",
                                            &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_OPEN);
  g_assert_null (strstr (error->message, "hunter2"));
  g_assert_nonnull (strstr (error->message, "anna:***@"));
  g_clear_error (&error);

  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DROP SCHEMA %s CASCADE", schema);
  run (f->db, sql);
}

/* --grant makes a head who may write their department, not another;
 * --revoke takes it away again; mistakes change nothing. */
static void
test_grant (Fixture      *f,
            gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *conninfo = NULL;

  if (f->db == NULL)
    return;
  conninfo = g_strdup_printf ("options='-c search_path=%s'", f->schema);

  g_assert_false (koers_store_server_grant (conninfo, "dora", "head", "Marketing", &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (koers_store_server_grant (conninfo, "dora", "boss", NULL, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (koers_store_server_grant (conninfo, "dora", "leader", NULL, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM people WHERE name = 'dora'"), ==, 0);

  g_assert_true (koers_store_server_grant (conninfo, "dora", "head", "Finance", &error));
  g_assert_no_error (error);
  run (f->db, "ALTER ROLE dora PASSWORD 'secret'");
  {
    g_autoptr (KoersDb) dora = connect_as (f, "dora");

    g_assert_cmpint (add_objective (dora, "d1", f->finance), ==, KOERS_DB_DONE);
    g_assert_cmpint (add_objective (dora, "d2", f->sales), ==, KOERS_DB_PERM);
  }

  g_assert_true (koers_store_server_revoke (conninfo, "dora", &error));
  g_assert_no_error (error);
  {
    g_autoptr (KoersDb) dora = connect_as (f, "dora");

    /* Without a Koers role the schema is not even there for her. */
    g_assert_cmpint (add_objective (dora, "d3", f->finance), ==, KOERS_DB_ERROR);
    g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM objectives"), ==, 1);
  }
  g_assert_false (koers_store_server_revoke (conninfo, "dora", &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/server/change-log", test_change_log);
  ADD ("/server/versions", test_versions);
  ADD ("/server/roles", test_roles);
  ADD ("/server/reader-psql", test_reader_psql);
  ADD ("/server/notify", test_notify);
  ADD ("/server/setup", test_setup);
  ADD ("/server/grant", test_grant);
#undef ADD

  return g_test_run ();
}
