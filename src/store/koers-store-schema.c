/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "core/koers-date.h"
#include "core/koers-seed.h"
#include "koers-store-columns.h"
#include "koers-store-private.h"

/* How long a write waits for another connection's lock, in milliseconds. */
#define BUSY_TIMEOUT_MS 5000

/* Schema 1: the first release.  Never edit this text: databases made with
 * it exist, and migrations start from it.  Text columns that may be unset
 * allow NULL; links to a deleted row become NULL (ON DELETE SET NULL),
 * children go with their parent (ON DELETE CASCADE). */
static const char schema_v1[] =
  "CREATE TABLE departments (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  "  uuid        TEXT NOT NULL UNIQUE,\n"
  "  name        TEXT NOT NULL CHECK (name <> ''),\n"
  "  emoji       TEXT,\n"
  "  sort_order  INTEGER NOT NULL DEFAULT 0,\n"
  "  parent_id   INTEGER REFERENCES departments (id) ON DELETE SET NULL,\n"
  "  is_company  INTEGER NOT NULL DEFAULT 0 CHECK (is_company IN (0, 1)),\n"
  "  created     INTEGER NOT NULL,\n"
  "  updated     INTEGER NOT NULL,\n"
  "  CHECK (parent_id IS NULL OR parent_id <> id),\n"
  "  CHECK (is_company = 0 OR parent_id IS NULL)\n"
  ");\n"
  "CREATE UNIQUE INDEX departments_one_company ON departments (is_company)\n"
  "  WHERE is_company = 1;\n"
  "CREATE INDEX departments_parent ON departments (parent_id);\n"
  "CREATE TABLE objectives (\n"
  "  id                   INTEGER PRIMARY KEY,\n"
  "  uuid                 TEXT NOT NULL UNIQUE,\n"
  "  department_id        INTEGER NOT NULL\n"
  "                       REFERENCES departments (id) ON DELETE CASCADE,\n"
  "  title                TEXT NOT NULL CHECK (title <> ''),\n"
  "  description          TEXT,\n"
  "  level                TEXT NOT NULL,\n"
  "  kind                 TEXT NOT NULL,\n"
  "  period               TEXT NOT NULL CHECK (period <> ''),\n"
  "  owner                TEXT,\n"
  "  aligned_to_id        INTEGER REFERENCES objectives (id) ON DELETE SET NULL,\n"
  "  state                TEXT NOT NULL,\n"
  "  carried_over_from_id INTEGER REFERENCES objectives (id) ON DELETE SET NULL,\n"
  "  position             INTEGER NOT NULL DEFAULT 0,\n"
  "  created              INTEGER NOT NULL,\n"
  "  updated              INTEGER NOT NULL,\n"
  "  CHECK (aligned_to_id IS NULL OR aligned_to_id <> id),\n"
  "  CHECK (carried_over_from_id IS NULL OR carried_over_from_id <> id)\n"
  ");\n"
  "CREATE INDEX objectives_department ON objectives (department_id, period, position);\n"
  "CREATE INDEX objectives_aligned_to ON objectives (aligned_to_id);\n"
  "CREATE INDEX objectives_carried_over_from ON objectives (carried_over_from_id);\n"
  "CREATE TABLE key_results (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  uuid          TEXT NOT NULL UNIQUE,\n"
  "  objective_id  INTEGER NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,\n"
  "  title         TEXT NOT NULL CHECK (title <> ''),\n"
  "  metric_kind   TEXT NOT NULL,\n"
  "  unit          TEXT,\n"
  "  start_value   REAL NOT NULL DEFAULT 0,\n"
  "  target_value  REAL NOT NULL DEFAULT 0,\n"
  "  current_value REAL NOT NULL DEFAULT 0,\n"
  "  due_date      TEXT CHECK (due_date IS NULL OR due_date GLOB\n"
  "                  '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),\n"
  "  owner         TEXT,\n"
  "  weight        REAL NOT NULL DEFAULT 1 CHECK (weight >= 0),\n"
  "  position      INTEGER NOT NULL DEFAULT 0,\n"
  "  created       INTEGER NOT NULL,\n"
  "  updated       INTEGER NOT NULL\n"
  ");\n"
  "CREATE INDEX key_results_objective ON key_results (objective_id, position);\n"
  "CREATE TABLE checkins (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  uuid          TEXT NOT NULL UNIQUE,\n"
  "  key_result_id INTEGER NOT NULL REFERENCES key_results (id) ON DELETE CASCADE,\n"
  "  date          TEXT NOT NULL CHECK (date GLOB\n"
  "                  '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),\n"
  "  value         REAL NOT NULL,\n"
  "  status        TEXT NOT NULL,\n"
  "  note          TEXT,\n"
  "  author        TEXT,\n"
  "  created       INTEGER NOT NULL,\n"
  "  updated       INTEGER NOT NULL\n"
  ");\n"
  "CREATE INDEX checkins_key_result ON checkins (key_result_id, date);\n";

/* Schema 2: settings kept in the database (the organisation name that
 * reports print) and the GDPR flag of a key result that measures people
 * (the seed: "Hou rekening met GDPR- en compliancevereisten bij
 * meetindicatoren die personeels- of klantgegevens gebruiken"). */
static const char schema_v2[] =
  "CREATE TABLE settings (\n"
  "  key   TEXT PRIMARY KEY NOT NULL,\n"
  "  value TEXT NOT NULL\n"
  ");\n"
  "INSERT INTO settings (key, value) VALUES ('" KOERS_STORE_SETTING_ORGANISATION "', '');\n"
  "ALTER TABLE key_results ADD COLUMN uses_personal_data INTEGER NOT NULL DEFAULT 0\n"
  "  CHECK (uses_personal_data IN (0, 1));\n"
  "ALTER TABLE key_results ADD COLUMN personal_data_note TEXT;\n";

/* Schema 3: the quarterly review and the quality check's memory (see
 * koers-store-review.c): a postmortem, final grade and note per objective
 * (the seed: "Een verplichte OKR die zijn doel niet haalt, vereist een
 * postmortem-analyse"), a final score and note per key result, and the
 * quality findings a person dismissed.  NULL grades: not graded. */
static const char schema_v3[] =
  "CREATE TABLE dismissed_findings (\n"
  "  key          TEXT PRIMARY KEY NOT NULL CHECK (key <> ''),\n"
  "  dismissed_at INTEGER NOT NULL\n"
  ");\n"
  "ALTER TABLE objectives ADD COLUMN postmortem TEXT;\n"
  "ALTER TABLE objectives ADD COLUMN final_grade REAL\n"
  "  CHECK (final_grade IS NULL OR (final_grade >= 0 AND final_grade <= 1));\n"
  "ALTER TABLE objectives ADD COLUMN review_note TEXT;\n"
  "ALTER TABLE key_results ADD COLUMN final_score REAL\n"
  "  CHECK (final_score IS NULL OR (final_score >= 0 AND final_score <= 1));\n"
  "ALTER TABLE key_results ADD COLUMN final_note TEXT;\n";

/* Schema 4: KPIs next to the OKRs (the seed: "Gebruik OKR's samen met
 * KPI's in rapportering aan de raad van bestuur").  A KPI belongs to a
 * department and goes with it; its values go with the KPI; a key result
 * may name the KPI it moves, and loses that link when the KPI goes.  The
 * thresholds are NOT NULL, which also keeps a NaN out (SQLite stores it
 * as NULL).  AUTOINCREMENT: a KPI's id is never given to another, so the
 * undo of a delete still finds its id free after new KPIs were added. */
static const char schema_v4[] =
  "CREATE TABLE kpis (\n"
  "  id            INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  uuid          TEXT NOT NULL UNIQUE,\n"
  "  department_id INTEGER NOT NULL REFERENCES departments (id) ON DELETE CASCADE,\n"
  "  name          TEXT NOT NULL CHECK (name <> ''),\n"
  "  unit          TEXT,\n"
  "  metric_kind   TEXT NOT NULL,\n"
  "  direction     TEXT NOT NULL,\n"
  "  healthy       REAL NOT NULL,\n"
  "  attention     REAL NOT NULL,\n"
  "  frequency     TEXT NOT NULL,\n"
  "  position      INTEGER NOT NULL DEFAULT 0,\n"
  "  created       INTEGER NOT NULL,\n"
  "  updated       INTEGER NOT NULL\n"
  ");\n"
  "CREATE INDEX kpis_department ON kpis (department_id, position);\n"
  "CREATE TABLE kpi_values (\n"
  "  id       INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  uuid     TEXT NOT NULL UNIQUE,\n"
  "  kpi_id   INTEGER NOT NULL REFERENCES kpis (id) ON DELETE CASCADE,\n"
  "  date     TEXT NOT NULL CHECK (date GLOB\n"
  "             '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),\n"
  "  value    REAL NOT NULL,\n"
  "  note     TEXT,\n"
  "  created  INTEGER NOT NULL,\n"
  "  updated  INTEGER NOT NULL\n"
  ");\n"
  "CREATE INDEX kpi_values_kpi ON kpi_values (kpi_id, date);\n"
  "ALTER TABLE key_results ADD COLUMN kpi_id INTEGER\n"
  "  REFERENCES kpis (id) ON DELETE SET NULL;\n"
  "CREATE INDEX key_results_kpi ON key_results (kpi_id);\n";

/* Schema 5: a whole company on one file, more than one process on it.
 * Every row gets a version (one more with every update: a save names the
 * version it edited and is refused over a newer one), and every write adds
 * rows to the change log in its own transaction: the audit history, and
 * what tells another process what changed.  The triggers that write the
 * log come from the column tables (koers-store-columns.c); change_context
 * holds the author and time of the write transaction in progress (one
 * row; the store sets it after BEGIN and clears it before COMMIT). */
static const char schema_v5[] =
  "ALTER TABLE departments ADD COLUMN version INTEGER NOT NULL DEFAULT 1;\n"
  "ALTER TABLE objectives ADD COLUMN version INTEGER NOT NULL DEFAULT 1;\n"
  "ALTER TABLE key_results ADD COLUMN version INTEGER NOT NULL DEFAULT 1;\n"
  "ALTER TABLE checkins ADD COLUMN version INTEGER NOT NULL DEFAULT 1;\n"
  "ALTER TABLE kpis ADD COLUMN version INTEGER NOT NULL DEFAULT 1;\n"
  "ALTER TABLE kpi_values ADD COLUMN version INTEGER NOT NULL DEFAULT 1;\n"
  "CREATE TABLE changes (\n"
  "  seq     INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  key     TEXT NOT NULL UNIQUE DEFAULT (lower (hex (randomblob (16)))),\n"
  "  at      INTEGER NOT NULL,\n"
  "  author  TEXT NOT NULL DEFAULT '',\n"
  "  entity  TEXT NOT NULL,\n"
  "  uuid    TEXT NOT NULL,\n"
  "  parent  TEXT,\n"
  "  op      TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),\n"
  "  version INTEGER NOT NULL DEFAULT 0,\n"
  "  fields  TEXT NOT NULL DEFAULT '{}'\n"
  ");\n"
  "CREATE INDEX changes_uuid ON changes (uuid, seq);\n"
  "CREATE INDEX changes_parent ON changes (parent, seq) WHERE parent IS NOT NULL;\n"
  "CREATE TABLE change_context (\n"
  "  id     INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  author TEXT NOT NULL DEFAULT '',\n"
  "  at     INTEGER NOT NULL DEFAULT 0\n"
  ");\n"
  "INSERT INTO change_context (id) VALUES (1);\n";

/* The triggers of schema 5: the version of a row goes up with every
 * update, whoever writes it, and each entity's writes are logged. */
static char *
build_schema_v5_triggers (void)
{
  GString                  *s = g_string_new (NULL);
  const KoersEntity *const *entities;
  guint                     n_entities;

  entities = koers_entity_get_all (&n_entities);
  for (guint i = 0; i < n_entities; i++)
    {
      g_autofree char *log = koers_entity_get_log_triggers_ddl (entities[i]);
      const char      *table = entities[i]->table;

      g_string_append_printf (s,
                              "CREATE TRIGGER %s_version AFTER UPDATE ON %s"
                              " WHEN NEW.version = OLD.version BEGIN\n"
                              "  UPDATE %s SET version = OLD.version + 1 WHERE id = NEW.id;\n"
                              "END;\n",
                              table, table, table);
      g_string_append (s, log);
    }

  return g_string_free (s, FALSE);
}

/* Schema 6: archive, not delete (the method: aspirational objectives
 * "worden niet verwijderd").  An archived objective keeps its key
 * results, check-ins and history and its state; before, "archived" was a
 * state that replaced the one it had, so such rows become archived and
 * active.  The objective's log triggers name every logged column, so
 * they go before the column comes and are made again after it. */
static const char schema_v6[] =
  "DROP TRIGGER IF EXISTS objectives_log_insert;\n"
  "DROP TRIGGER IF EXISTS objectives_log_update;\n"
  "DROP TRIGGER IF EXISTS objectives_log_delete;\n"
  "ALTER TABLE objectives ADD COLUMN archived INTEGER NOT NULL DEFAULT 0\n"
  "  CHECK (archived IN (0, 1));\n"
  "UPDATE objectives SET archived = 1, state = 'active' WHERE state = 'archived';\n";

static char *
build_schema_v6_triggers (void)
{
  return koers_entity_get_log_triggers_ddl (&koers_entity_objective);
}

/* Schema 7: capacity, resource requests and escalation (the method:
 * "Teamleiders schatten de benodigde middelen in en vragen deze elk
 * kwartaal aan"; a committed OKR at risk must "tijdig geëscaleerd worden
 * naar het management").  An objective gets its effort in person-days and
 * its resource request with management's answer; a department its
 * capacity per quarter; an objective or key result its escalations. */
static const char schema_v7[] =
  "DROP TRIGGER IF EXISTS objectives_log_insert;\n"
  "DROP TRIGGER IF EXISTS objectives_log_update;\n"
  "DROP TRIGGER IF EXISTS objectives_log_delete;\n"
  "ALTER TABLE objectives ADD COLUMN effort_days REAL NOT NULL DEFAULT 0;\n"
  "ALTER TABLE objectives ADD COLUMN request_days REAL NOT NULL DEFAULT 0;\n"
  "ALTER TABLE objectives ADD COLUMN request_budget REAL NOT NULL DEFAULT 0;\n"
  "ALTER TABLE objectives ADD COLUMN request_reason TEXT;\n"
  "ALTER TABLE objectives ADD COLUMN request_state TEXT NOT NULL DEFAULT 'none';\n"
  "ALTER TABLE objectives ADD COLUMN request_note TEXT;\n"
  "CREATE TABLE capacities (\n"
  "  id            INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  uuid          TEXT NOT NULL UNIQUE,\n"
  "  department_id INTEGER NOT NULL REFERENCES departments (id) ON DELETE CASCADE,\n"
  "  period        TEXT NOT NULL CHECK (period <> ''),\n"
  "  days          REAL NOT NULL CHECK (days >= 0),\n"
  "  budget        REAL NOT NULL DEFAULT 0 CHECK (budget >= 0),\n"
  "  created       INTEGER NOT NULL,\n"
  "  updated       INTEGER NOT NULL,\n"
  "  version       INTEGER NOT NULL DEFAULT 1,\n"
  "  UNIQUE (department_id, period)\n"
  ");\n"
  "CREATE TABLE escalations (\n"
  "  id            INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  uuid          TEXT NOT NULL UNIQUE,\n"
  "  objective_id  INTEGER NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,\n"
  "  key_result_id INTEGER REFERENCES key_results (id) ON DELETE CASCADE,\n"
  "  reason        TEXT NOT NULL CHECK (reason <> ''),\n"
  "  help          TEXT NOT NULL,\n"
  "  raised_by     TEXT NOT NULL DEFAULT '',\n"
  "  raised_at     INTEGER NOT NULL,\n"
  "  resolved      INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),\n"
  "  resolution    TEXT,\n"
  "  resolved_by   TEXT,\n"
  "  resolved_at   INTEGER NOT NULL DEFAULT 0,\n"
  "  version       INTEGER NOT NULL DEFAULT 1\n"
  ");\n"
  "CREATE INDEX escalations_objective ON escalations (objective_id);\n";

static char *
build_schema_v7_triggers (void)
{
  const KoersEntity *const added[] = { &koers_entity_capacity, &koers_entity_escalation };
  GString                 *s = g_string_new (NULL);
  g_autofree char         *objective = koers_entity_get_log_triggers_ddl (&koers_entity_objective);

  g_string_append (s, objective);
  for (guint i = 0; i < G_N_ELEMENTS (added); i++)
    {
      g_autofree char *log = koers_entity_get_log_triggers_ddl (added[i]);

      g_string_append_printf (s,
                              "CREATE TRIGGER %s_version AFTER UPDATE ON %s"
                              " WHEN NEW.version = OLD.version BEGIN\n"
                              "  UPDATE %s SET version = OLD.version + 1 WHERE id = NEW.id;\n"
                              "END;\n",
                              added[i]->table, added[i]->table, added[i]->table);
      g_string_append (s, log);
    }
  return g_string_free (s, FALSE);
}

typedef struct
{
  const char *ddl;
  const char *set_version;
  char *(*build_more_ddl) (void);
} Migration;

/* migrations[i] takes a database from version i to i + 1. */
static const Migration migrations[] = {
  { schema_v1, "PRAGMA user_version = 1" },
  { schema_v2, "PRAGMA user_version = 2" },
  { schema_v3, "PRAGMA user_version = 3" },
  { schema_v4, "PRAGMA user_version = 4" },
  { schema_v5, "PRAGMA user_version = 5", build_schema_v5_triggers },
  { schema_v6, "PRAGMA user_version = 6", build_schema_v6_triggers },
  { schema_v7, "PRAGMA user_version = 7", build_schema_v7_triggers },
};

/* Runs a migration's DDL (the fixed text, then what it builds). */
static int
exec_migration (KoersDb         *db,
                const Migration *migration)
{
  g_autofree char *more = NULL;
  int              rc;

  rc = koers_db_exec (db, migration->ddl);
  if (rc != KOERS_DB_OK || migration->build_more_ddl == NULL)
    return rc;

  more = migration->build_more_ddl ();
  return koers_db_exec (db, more);
}

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == KOERS_STORE_SCHEMA_VERSION);

const char *
koers_store_schema_get_ddl (int version)
{
  g_return_val_if_fail (version >= 1 && version <= KOERS_STORE_SCHEMA_VERSION, NULL);

  return migrations[version - 1].ddl;
}

typedef struct
{
  int application_id;
  int user_version;
  int n_tables;
} DatabaseFacts;

static int
query_int (KoersDb    *db,
           const char *sql,
           int        *out)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  int rc;

  rc = koers_db_prepare (db, sql, &stmt);
  if (rc != KOERS_DB_OK)
    return rc;

  rc = koers_db_step (stmt);
  if (rc != KOERS_DB_ROW)
    return rc == KOERS_DB_DONE ? KOERS_DB_ERROR : rc;

  *out = koers_db_column_int (stmt, 0);
  return KOERS_DB_OK;
}

static int
read_facts (KoersDb       *db,
            DatabaseFacts *facts)
{
  int rc;

  if ((rc = query_int (db, "PRAGMA application_id", &facts->application_id)) != KOERS_DB_OK ||
      (rc = query_int (db, "PRAGMA user_version", &facts->user_version)) != KOERS_DB_OK ||
      (rc = query_int (db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
                       &facts->n_tables)) != KOERS_DB_OK)
    return rc;

  return KOERS_DB_OK;
}

/* Runs PRAGMA quick_check; *ok is FALSE when it reported damage. */
static int
run_quick_check (KoersDb  *db,
                 gboolean *ok)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  int rc;

  *ok = TRUE;

  rc = koers_db_prepare (db, "PRAGMA quick_check", &stmt);
  if (rc != KOERS_DB_OK)
    return rc;

  while ((rc = koers_db_step (stmt)) == KOERS_DB_ROW)
    {
      const char *line = koers_db_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        *ok = FALSE;
    }

  return rc == KOERS_DB_DONE ? KOERS_DB_OK : rc;
}

/* A WAL database that was closed cleanly has no -wal file, and then the
 * main file holds everything.  Reading it immutable keeps SQLite from
 * creating -wal and -shm files next to a file we may have to leave alone;
 * otherwise a read-only connection is enough. */
static char *
build_check_uri (const char *path,
                 GError    **error)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *wal = g_strconcat (absolute, "-wal", NULL);
  g_autofree char *uri = NULL;
  guint8           header[100] = { 0 };
  gboolean         wal_mode = FALSE;
  int              fd;

  fd = g_open (absolute, O_RDONLY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      ssize_t n = read (fd, header, sizeof header);

      /* Bytes 18 and 19 are the write and read versions: 2 is WAL. */
      wal_mode = n == (ssize_t) sizeof header &&
                 memcmp (header, "SQLite format 3", 16) == 0 &&
                 header[18] == 2;
      close (fd);
    }

  uri = g_filename_to_uri (absolute, NULL, error);
  if (uri == NULL)
    return NULL;

  if (wal_mode && !g_file_test (wal, G_FILE_TEST_EXISTS))
    return g_strconcat (uri, "?immutable=1", NULL);

  return g_strconcat (uri, "?mode=ro", NULL);
}

/* A file of another program, or of a newer Koers, is refused (a new,
 * empty file is neither).  The refusals say what to do after what is
 * wrong: in the window's dialog and on the command line alike. */
static gboolean
check_facts (const DatabaseFacts *facts,
             const char          *path,
             GError             **error)
{
  g_autofree char *display = g_filename_display_name (path);

  if (facts->application_id != KOERS_STORE_APPLICATION_ID &&
      (facts->application_id != 0 || facts->n_tables > 0 || facts->user_version != 0))
    {
      g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FOREIGN,
                   _ ("“%s” is a database of another program, not of Koers; Koers left it "
                      "unchanged. Choose a Koers database, or give a new file name to start one."),
                   display);
      return FALSE;
    }

  if (facts->user_version > KOERS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_TOO_NEW,
                   _ ("The database “%s” was made by a newer version of Koers (schema %d; this "
                      "version knows up to %d); Koers left it unchanged. Open it with that "
                      "version, or update Koers."),
                   display, facts->user_version, KOERS_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_connection (KoersDb    *db,
                  const char *path,
                  gboolean    full,
                  GError    **error)
{
  DatabaseFacts facts = { 0 };
  gboolean      ok = TRUE;
  int           rc = KOERS_DB_OK;

  if (full)
    rc = run_quick_check (db, &ok);
  if (rc == KOERS_DB_OK && !ok)
    rc = KOERS_DB_CORRUPT;
  if (rc == KOERS_DB_OK)
    rc = read_facts (db, &facts);

  switch (rc)
    {
    case KOERS_DB_OK:
      break;
    default:
      koers_store_set_sqlite_error (error, rc, path);
      return FALSE;
    }

  return check_facts (&facts, path, error);
}

/* Reading every page (quick_check) costs time in proportion to the file:
 * some 5 ms per MiB here.  Up to this size an open does it; a larger file
 * is opened on its header and schema (garbage, a foreign or a newer file
 * are still refused) and checked whole by koers_store_verify() once the
 * window shows.  SQLite refuses a damaged page it reads meanwhile. */
#define FULL_CHECK_MAX_BYTES (16 * 1024 * 1024)

static gboolean
check_file (const char *path,
            gboolean    full,
            GError    **error)
{
  g_autofree char *uri = NULL;
  KoersDb         *db = NULL;
  gboolean         ret;
  int              rc;

  uri = build_check_uri (path, error);
  if (uri == NULL)
    return FALSE;

  rc = koers_db_open_sqlite (uri, KOERS_DB_OPEN_READONLY | KOERS_DB_OPEN_URI, &db);
  if (rc != KOERS_DB_OK)
    {
      koers_store_set_sqlite_error (error, rc, path);
      koers_db_close (db);
      return FALSE;
    }

  koers_db_set_busy_timeout (db, BUSY_TIMEOUT_MS);
  ret = check_connection (db, path, full, error);
  koers_db_close (db);

  return ret;
}

gboolean
koers_store_check_file (const char *path,
                        gboolean    thorough,
                        GError    **error)
{
  GStatBuf st;

  return check_file (path,
                     thorough && (g_stat (path, &st) != 0 || st.st_size <= FULL_CHECK_MAX_BYTES),
                     error);
}

gboolean
koers_store_needs_verify (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && st.st_size > FULL_CHECK_MAX_BYTES;
}

gboolean
koers_store_verify (const char *path,
                    GError    **error)
{
  return check_file (path, TRUE, error);
}

static void
verify_thread_cb (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;

  if (koers_store_verify (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
koers_store_verify_async (const char         *path,
                          GCancellable       *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  koers_store_run_text_task (path, koers_store_verify_async, verify_thread_cb, cancellable,
                             callback, user_data);
}

gboolean
koers_store_verify_finish (GAsyncResult *result,
                           GError      **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
koers_store_configure (KoersStore *self,
                       gboolean    new_file,
                       GError    **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;

  /* The timeout first: switching to WAL needs a lock. */
  koers_db_set_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (!koers_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  /* A new file is WAL from the start.  An existing one in another journal
   * mode stays in it until Koers first writes to it (see
   * koers_store_use_wal()): a file is changed only by a write. */
  if (new_file)
    return koers_store_use_wal (self, error);

  stmt = koers_store_prepare (self, "PRAGMA journal_mode", error);
  if (stmt == NULL)
    return FALSE;
  if (koers_db_step (stmt) == KOERS_DB_ROW)
    self->wal = g_ascii_strcasecmp (koers_db_column_text (stmt, 0), "wal") == 0;

  /* NORMAL is safe only with a WAL; a rollback journal keeps FULL. */
  return !self->wal || koers_store_exec (self, "PRAGMA synchronous = NORMAL", error);
}

static gboolean
insert_department (KoersStore *self,
                   const char *name,
                   const char *emoji,
                   int         sort_order,
                   gboolean    is_company,
                   gint64      now,
                   GError    **error)
{
  g_autoptr (KoersDepartment) dept = koers_department_new (name, emoji);
  g_autoptr (KoersRow) row = NULL;

  koers_department_set_is_company (dept, is_company);
  row = koers_row_new_from_object (G_OBJECT (dept));
  row->uuid = koers_uuid_new ();
  row->created = row->updated = now;
  row->order = sort_order;

  return koers_store_insert_row (self, row, error);
}

/* The company level's name: the catalogue's when the language is the
 * interface's, else the seed's own word (a demo in the other language,
 * or a build without the catalogue installed). */
static const char *
get_company_name (KoersLanguage language)
{
  const char *translated = _ ("Company");

  if (language == koers_format_get_language () && g_strcmp0 (translated, "Company") != 0)
    return translated;

  return language == KOERS_LANGUAGE_NL ? "Bedrijf" : "Company";
}

/* The first run: the company level and the seed's departments, named in
 * the language of the user interface (or of the demo). */
static gboolean
seed_departments (KoersStore   *self,
                  KoersLanguage language,
                  GError      **error)
{
  gint64                     now = koers_now_usec ();
  guint                      n_departments;
  const KoersSeedDepartment *departments = koers_seed_get_departments (&n_departments);

  if (!insert_department (self, get_company_name (language), "🏢", 0, TRUE, now, error))
    return FALSE;

  for (guint i = 0; i < n_departments; i++)
    {
      const KoersSeedDepartment *seed = &departments[i];

      if (!insert_department (self, koers_seed_department_get_name (seed, language), seed->emoji,
                              i + 1, FALSE, now, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
create_schema (KoersStore   *self,
               KoersLanguage language,
               GError      **error)
{
  if (!koers_store_begin (self, error))
    return FALSE;

  if (!koers_store_exec (self, "PRAGMA application_id = " G_STRINGIFY (KOERS_STORE_APPLICATION_ID),
                         error))
    goto failed;

  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      if (exec_migration (self->db, &migrations[i]) != KOERS_DB_OK)
        {
          koers_store_set_db_error (self, koers_db_errcode (self->db), error);
          goto failed;
        }
    }

  if (!koers_store_exec (self, migrations[G_N_ELEMENTS (migrations) - 1].set_version, error) ||
      !seed_departments (self, language, error))
    goto failed;

  return koers_store_commit (self, error);

failed:
  koers_store_rollback (self);
  return FALSE;
}

/* One transaction per version: DDL and user_version commit together, so
 * an interrupted migration leaves the previous version whole. */
static gboolean
migrate (KoersStore *self,
         int         from_version,
         GError    **error)
{
  for (int version = from_version; version < KOERS_STORE_SCHEMA_VERSION; version++)
    {
      const Migration *migration = &migrations[version];

      if (!koers_store_begin (self, error))
        return FALSE;

      if (exec_migration (self->db, migration) != KOERS_DB_OK)
        {
          koers_store_set_db_error (self, koers_db_extended_errcode (self->db), error);
          koers_store_rollback (self);
          return FALSE;
        }

      if (!koers_store_exec (self, migration->set_version, error) ||
          !koers_store_commit (self, error))
        {
          koers_store_rollback (self);
          return FALSE;
        }

      g_debug ("Migrated %s to schema %d", self->path, version + 1);
    }

  return TRUE;
}

/* The company level is always there; a database that lost it (or was
 * interrupted before the first run finished) gets it back. */
static gboolean
ensure_company (KoersStore   *self,
                KoersLanguage language,
                GError      **error)
{
  int n_companies = 0;
  int rc;

  rc = query_int (self->db, "SELECT count(*) FROM departments WHERE is_company = 1", &n_companies);
  if (rc != KOERS_DB_OK)
    {
      koers_store_set_db_error (self, rc, error);
      return FALSE;
    }

  if (n_companies > 0)
    return TRUE;

  if (!koers_store_begin (self, error))
    return FALSE;

  if (!insert_department (self, get_company_name (language), "🏢", 0, TRUE,
                          koers_now_usec (), error))
    {
      koers_store_rollback (self);
      return FALSE;
    }

  return koers_store_commit (self, error);
}

/* The server's schema is --server-setup's, at the current version; a
 * server without departments is a new database and gets the seed's. */
static gboolean
prepare_server (KoersStore   *self,
                KoersLanguage language,
                GError      **error)
{
  int n_departments = 0;
  int rc = query_int (self->db, "SELECT count(*) FROM departments", &n_departments);

  self->schema_version = KOERS_STORE_SCHEMA_VERSION;
  if (rc != KOERS_DB_OK)
    {
      koers_store_set_db_error (self, rc, error);
      return FALSE;
    }
  if (n_departments > 0)
    return ensure_company (self, language, error);
  if (!koers_store_begin (self, error))
    return FALSE;
  if (!seed_departments (self, language, error))
    {
      koers_store_rollback (self);
      return FALSE;
    }
  return koers_store_commit (self, error);
}

gboolean
koers_store_prepare_schema (KoersStore   *self,
                            KoersLanguage language,
                            GError      **error)
{
  DatabaseFacts facts = { 0 };
  int           rc;

  if (koers_store_is_server (self))
    return prepare_server (self, language, error);

  rc = read_facts (self->db, &facts);
  if (rc != KOERS_DB_OK)
    {
      koers_store_set_db_error (self, rc, error);
      return FALSE;
    }

  /* koers_store_check_file() said otherwise a moment ago. */
  if (!check_facts (&facts, self->path, error))
    return FALSE;

  if (facts.n_tables == 0 && facts.user_version == 0)
    {
      if (!create_schema (self, language, error))
        return FALSE;
    }
  else if (!migrate (self, facts.user_version, error))
    return FALSE;

  self->schema_version = KOERS_STORE_SCHEMA_VERSION;

  return ensure_company (self, language, error);
}
