/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "koers-db.h"

/* The SQLite engine: a thin wrapper, the statement text as it is. */

G_STATIC_ASSERT (KOERS_DB_ROW == SQLITE_ROW && KOERS_DB_DONE == SQLITE_DONE);
G_STATIC_ASSERT (KOERS_DB_BUSY == SQLITE_BUSY && KOERS_DB_NOTADB == SQLITE_NOTADB);
G_STATIC_ASSERT (KOERS_DB_CONSTRAINT_UNIQUE == SQLITE_CONSTRAINT_UNIQUE);
G_STATIC_ASSERT (KOERS_DB_CONSTRAINT_FOREIGNKEY == SQLITE_CONSTRAINT_FOREIGNKEY);
G_STATIC_ASSERT (KOERS_DB_CONSTRAINT_PRIMARYKEY == SQLITE_CONSTRAINT_PRIMARYKEY);
G_STATIC_ASSERT (KOERS_DB_READONLY_DIRECTORY == SQLITE_READONLY_DIRECTORY);
G_STATIC_ASSERT (KOERS_DB_NULL == SQLITE_NULL && KOERS_DB_TEXT == SQLITE_TEXT);

typedef struct
{
  KoersDb  parent;
  sqlite3 *handle;
} SqliteDb;

typedef struct
{
  KoersDbStmt   parent;
  sqlite3_stmt *handle;
} SqliteStmt;

#define HANDLE(db) (((SqliteDb *) (db))->handle)
#define STMT(stmt) (((SqliteStmt *) (stmt))->handle)

static void
sqlite_close (KoersDb *db)
{
  sqlite3_close_v2 (HANDLE (db));
  g_free (db);
}

static int
sqlite_prepare (KoersDb      *db,
                const char   *sql,
                KoersDbStmt **stmt)
{
  sqlite3_stmt *handle = NULL;
  SqliteStmt   *own;
  int           rc = sqlite3_prepare_v2 (HANDLE (db), sql, -1, &handle, NULL);

  if (rc != SQLITE_OK)
    {
      sqlite3_finalize (handle);
      return rc;
    }
  own = g_new0 (SqliteStmt, 1);
  own->parent.db = db;
  own->handle = handle;
  *stmt = &own->parent;
  return SQLITE_OK;
}

static int
sqlite_exec (KoersDb    *db,
             const char *sql)
{
  return sqlite3_exec (HANDLE (db), sql, NULL, NULL, NULL);
}

static int
sqlite_errcode (KoersDb *db)
{
  return sqlite3_extended_errcode (HANDLE (db));
}

static const char *
sqlite_errmsg (KoersDb *db)
{
  return sqlite3_errmsg (HANDLE (db));
}

static int
sqlite_changes (KoersDb *db)
{
  return sqlite3_changes (HANDLE (db));
}

static gint64
sqlite_last_insert_id (KoersDb *db)
{
  return sqlite3_last_insert_rowid (HANDLE (db));
}

static gboolean
sqlite_get_autocommit (KoersDb *db)
{
  return sqlite3_get_autocommit (HANDLE (db)) != 0;
}

static gboolean
sqlite_is_readonly (KoersDb *db)
{
  return sqlite3_db_readonly (HANDLE (db), "main") == 1;
}

static void
sqlite_set_busy_timeout (KoersDb *db,
                         int      ms)
{
  sqlite3_busy_timeout (HANDLE (db), ms);
}

static int
sqlite_step (KoersDbStmt *stmt)
{
  return sqlite3_step (STMT (stmt));
}

static int
sqlite_reset (KoersDbStmt *stmt)
{
  return sqlite3_reset (STMT (stmt));
}

static void
sqlite_finalize (KoersDbStmt *stmt)
{
  sqlite3_finalize (STMT (stmt));
  g_free (stmt);
}

static void
sqlite_clear_bindings (KoersDbStmt *stmt)
{
  sqlite3_clear_bindings (STMT (stmt));
}

static int
sqlite_bind_parameter_count (KoersDbStmt *stmt)
{
  return sqlite3_bind_parameter_count (STMT (stmt));
}

static void
sqlite_bind_int64 (KoersDbStmt *stmt,
                   int          index,
                   gint64       value)
{
  sqlite3_bind_int64 (STMT (stmt), index, value);
}

static void
sqlite_bind_double (KoersDbStmt *stmt,
                    int          index,
                    double       value)
{
  sqlite3_bind_double (STMT (stmt), index, value);
}

static void
sqlite_bind_text (KoersDbStmt *stmt,
                  int          index,
                  const char  *text)
{
  sqlite3_bind_text (STMT (stmt), index, text, -1, SQLITE_TRANSIENT);
}

static void
sqlite_bind_null (KoersDbStmt *stmt,
                  int          index)
{
  sqlite3_bind_null (STMT (stmt), index);
}

static int
sqlite_column_type (KoersDbStmt *stmt,
                    int          column)
{
  return sqlite3_column_type (STMT (stmt), column);
}

static gint64
sqlite_column_int64 (KoersDbStmt *stmt,
                     int          column)
{
  return sqlite3_column_int64 (STMT (stmt), column);
}

static double
sqlite_column_double (KoersDbStmt *stmt,
                      int          column)
{
  return sqlite3_column_double (STMT (stmt), column);
}

static const char *
sqlite_column_text (KoersDbStmt *stmt,
                    int          column)
{
  return (const char *) sqlite3_column_text (STMT (stmt), column);
}

static const KoersDbEngine sqlite_engine = {
  .kind = KOERS_DB_ENGINE_SQLITE,
  .close = sqlite_close,
  .prepare = sqlite_prepare,
  .exec = sqlite_exec,
  .errcode = sqlite_errcode,
  .errmsg = sqlite_errmsg,
  .changes = sqlite_changes,
  .last_insert_id = sqlite_last_insert_id,
  .get_autocommit = sqlite_get_autocommit,
  .is_readonly = sqlite_is_readonly,
  .set_busy_timeout = sqlite_set_busy_timeout,
  .step = sqlite_step,
  .reset = sqlite_reset,
  .finalize = sqlite_finalize,
  .clear_bindings = sqlite_clear_bindings,
  .bind_parameter_count = sqlite_bind_parameter_count,
  .bind_int64 = sqlite_bind_int64,
  .bind_double = sqlite_bind_double,
  .bind_text = sqlite_bind_text,
  .bind_null = sqlite_bind_null,
  .column_type = sqlite_column_type,
  .column_int64 = sqlite_column_int64,
  .column_double = sqlite_column_double,
  .column_text = sqlite_column_text,
};

/* Before SQLite's first use in the process.  Its memory statistics
 * (which Koers never reads) take a global mutex on every allocation: on a
 * large company's window start that and the connections' own mutexes were
 * a twentieth of the instructions. */
static gpointer
configure_sqlite_once (gpointer data)
{
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
  return NULL;
}

int
koers_db_open_sqlite (const char *path,
                      int         flags,
                      KoersDb   **db)
{
  static GOnce configured = G_ONCE_INIT;
  SqliteDb    *own = g_new0 (SqliteDb, 1);
  /* A connection is used by one thread at a time (a thread that reads
   * beside the window opens its own), so it needs no mutex of its own. */
  int sqlite_flags = SQLITE_OPEN_NOMUTEX;
  int rc;

  if (flags & KOERS_DB_OPEN_READONLY)
    sqlite_flags |= SQLITE_OPEN_READONLY;
  if (flags & KOERS_DB_OPEN_READWRITE)
    sqlite_flags |= SQLITE_OPEN_READWRITE;
  if (flags & KOERS_DB_OPEN_URI)
    sqlite_flags |= SQLITE_OPEN_URI;
  if (flags & KOERS_DB_OPEN_CREATE)
    sqlite_flags |= SQLITE_OPEN_CREATE;

  g_once (&configured, configure_sqlite_once, NULL);
  own->parent.engine = &sqlite_engine;
  rc = sqlite3_open_v2 (path, &own->handle, sqlite_flags, NULL);
  if (own->handle != NULL)
    sqlite3_extended_result_codes (own->handle, 1);
  *db = &own->parent;
  return rc;
}
