/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The statement API the store is written against, with one engine per
 * database: SQLite (koers-db-sqlite.c, a thin wrapper) and PostgreSQL
 * through libpq (koers-db-pg.c).  The calls have the shapes of SQLite's:
 * prepare, bind (1-based), step (ROW until DONE), column (0-based), reset,
 * finalize.  A statement's text is written once, in SQLite's dialect with
 * ?N parameters; an engine that speaks another dialect translates it
 * (koers-db-dialect.c, the one place that knows the differences). */

typedef struct _KoersDb      KoersDb;
typedef struct _KoersDbStmt  KoersDbStmt;
typedef struct _KoersDbValue KoersDbValue;

/* Result codes: the values of SQLite's, so that an SQLite result passes
 * through unchanged and the other engine maps its errors onto them. */
typedef enum
{
  KOERS_DB_OK = 0,
  KOERS_DB_ERROR = 1,
  KOERS_DB_PERM = 3,
  KOERS_DB_BUSY = 5,
  KOERS_DB_LOCKED = 6,
  KOERS_DB_NOMEM = 7,
  KOERS_DB_READONLY = 8,
  KOERS_DB_IOERR = 10,
  KOERS_DB_CORRUPT = 11,
  KOERS_DB_FULL = 13,
  KOERS_DB_CANTOPEN = 14,
  KOERS_DB_CONSTRAINT = 19,
  KOERS_DB_AUTH = 23,
  KOERS_DB_NOTADB = 26,
  KOERS_DB_ROW = 100,
  KOERS_DB_DONE = 101,
  KOERS_DB_CONSTRAINT_FOREIGNKEY = KOERS_DB_CONSTRAINT | (3 << 8),
  KOERS_DB_CONSTRAINT_PRIMARYKEY = KOERS_DB_CONSTRAINT | (6 << 8),
  KOERS_DB_CONSTRAINT_UNIQUE = KOERS_DB_CONSTRAINT | (8 << 8),
  KOERS_DB_READONLY_DIRECTORY = KOERS_DB_READONLY | (6 << 8),
  /* Not SQLite's: the server went away (PostgreSQL only). */
  KOERS_DB_CONNECTION = 0x7f01,
  /* The server asks for a password and none was given (PostgreSQL). */
  KOERS_DB_NEEDS_PASSWORD = 0x7f02,
} KoersDbResult;

/* The type of a column's value in the current row. */
typedef enum
{
  KOERS_DB_INTEGER = 1,
  KOERS_DB_FLOAT = 2,
  KOERS_DB_TEXT = 3,
  KOERS_DB_NULL = 5,
} KoersDbType;

typedef enum
{
  KOERS_DB_OPEN_READONLY = 1 << 0,
  KOERS_DB_OPEN_READWRITE = 1 << 1,
  KOERS_DB_OPEN_URI = 1 << 2, /* SQLite: path is a file: URI */
  KOERS_DB_OPEN_CREATE = 1 << 3,
} KoersDbOpenFlags;

typedef enum
{
  KOERS_DB_ENGINE_SQLITE,
  KOERS_DB_ENGINE_POSTGRESQL,
} KoersDbEngineKind;

/* What an engine does; the koers_db_*() calls below dispatch to it. */
typedef struct
{
  KoersDbEngineKind kind;
  void (*close) (KoersDb *db);
  int (*prepare) (KoersDb *db, const char *sql, KoersDbStmt **stmt);
  int (*exec) (KoersDb *db, const char *sql);
  int (*errcode) (KoersDb *db);
  const char *(*errmsg) (KoersDb *db);
  int (*changes) (KoersDb *db);
  gint64 (*last_insert_id) (KoersDb *db);
  gboolean (*get_autocommit) (KoersDb *db);
  gboolean (*is_readonly) (KoersDb *db);
  void (*set_busy_timeout) (KoersDb *db, int ms);

  int (*step) (KoersDbStmt *stmt);
  int (*reset) (KoersDbStmt *stmt);
  void (*finalize) (KoersDbStmt *stmt);
  void (*clear_bindings) (KoersDbStmt *stmt);
  int (*bind_parameter_count) (KoersDbStmt *stmt);
  void (*bind_int64) (KoersDbStmt *stmt, int index, gint64 value);
  void (*bind_double) (KoersDbStmt *stmt, int index, double value);
  void (*bind_text) (KoersDbStmt *stmt, int index, const char *text);
  void (*bind_null) (KoersDbStmt *stmt, int index);
  int (*column_type) (KoersDbStmt *stmt, int column);
  gint64 (*column_int64) (KoersDbStmt *stmt, int column);
  double (*column_double) (KoersDbStmt *stmt, int column);
  const char *(*column_text) (KoersDbStmt *stmt, int column);
} KoersDbEngine;

/* The part every engine's connection and statement starts with. */
struct _KoersDb
{
  const KoersDbEngine *engine;
};

struct _KoersDbStmt
{
  KoersDb *db;
};

/* Opening: SQLite a file (flags as above); PostgreSQL a libpq connection
 * string or URI.  On failure *db may hold a connection that knows why
 * (its errcode): close it.  rc is a KoersDbResult. */
int koers_db_open_sqlite (const char *path,
                          int         flags,
                          KoersDb   **db);
int koers_db_open_postgresql (const char *conninfo,
                              KoersDb   **db);
/* The same with a password (NULL: libpq's own means, ~/.pgpass and
 * PGPASSWORD) that overrides one in conninfo. */
int koers_db_open_postgresql_with_password (const char *conninfo,
                                            const char *password,
                                            KoersDb   **db);
/* The keywords a libpq connection string or URI sets (host, port,
 * dbname, user, sslmode …) and their values; NULL when libpq cannot
 * parse it. */
GHashTable *koers_db_parse_postgresql_conninfo (const char *conninfo);
/* Is uri one for the server ("postgresql://", "postgres://", or a libpq
 * "key=value" string)? */
gboolean          koers_db_is_server_uri (const char *uri);
KoersDbEngineKind koers_db_get_engine (KoersDb *db);

void koers_db_close (KoersDb *db);
int  koers_db_prepare (KoersDb      *db,
                       const char   *sql,
                       KoersDbStmt **stmt);
/* Runs one or more statements without results. */
int koers_db_exec (KoersDb    *db,
                   const char *sql);
/* Both give the extended code, as SQLite does with extended result codes
 * on (the store compares rc & 0xff where it means the primary code). */
int koers_db_errcode (KoersDb *db);
int koers_db_extended_errcode (KoersDb *db);
/* The engine's own text, for logs and tests, never for people. */
const char *koers_db_errmsg (KoersDb *db);
int         koers_db_changes (KoersDb *db);
gint64      koers_db_last_insert_id (KoersDb *db);
gboolean    koers_db_get_autocommit (KoersDb *db);
gboolean    koers_db_is_readonly (KoersDb *db);
void        koers_db_set_busy_timeout (KoersDb *db,
                                       int      ms);

int  koers_db_step (KoersDbStmt *stmt);
int  koers_db_reset (KoersDbStmt *stmt);
void koers_db_finalize (KoersDbStmt *stmt);
void koers_db_clear_bindings (KoersDbStmt *stmt);
int  koers_db_bind_parameter_count (KoersDbStmt *stmt);
void koers_db_bind_int64 (KoersDbStmt *stmt,
                          int          index,
                          gint64       value);
void koers_db_bind_int (KoersDbStmt *stmt,
                        int          index,
                        int          value);
void koers_db_bind_double (KoersDbStmt *stmt,
                           int          index,
                           double       value);
/* The text is copied; NULL binds NULL. */
void   koers_db_bind_text (KoersDbStmt *stmt,
                           int          index,
                           const char  *text);
void   koers_db_bind_null (KoersDbStmt *stmt,
                           int          index);
int    koers_db_column_type (KoersDbStmt *stmt,
                             int          column);
gint64 koers_db_column_int64 (KoersDbStmt *stmt,
                              int          column);
int    koers_db_column_int (KoersDbStmt *stmt,
                            int          column);
double koers_db_column_double (KoersDbStmt *stmt,
                               int          column);
/* Valid until the next step, reset or finalize; NULL for NULL. */
const char *koers_db_column_text (KoersDbStmt *stmt,
                                  int          column);

/* A value copied out of a row, to bind later (an SQLite "value"). */
KoersDbValue *koers_db_column_dup_value (KoersDbStmt *stmt,
                                         int          column);
void          koers_db_value_free (KoersDbValue *value);
void          koers_db_bind_value (KoersDbStmt  *stmt,
                                   int           index,
                                   KoersDbValue *value);

/* PostgreSQL only (koers-db-pg.c): the connection's socket, for a
 * main-loop source that waits for NOTIFY (-1 for SQLite), and whether
 * the server is still there. */
int      koers_db_pg_get_socket (KoersDb *db);
gboolean koers_db_pg_is_connected (KoersDb *db);
/* Reads what the server sent without waiting and drops the NOTIFYs that
 * came: how many; -1 when the connection is gone. */
int koers_db_pg_consume_notifies (KoersDb *db);
/* Connects again with the same parameters, without blocking: start,
 * then poll each time the socket is ready for what the last step said
 * (its socket may change between steps), until OK or FAILED. */
typedef enum
{
  KOERS_DB_PG_FAILED,
  KOERS_DB_PG_READING, /* wait until the socket is readable */
  KOERS_DB_PG_WRITING, /* wait until the socket is writable */
  KOERS_DB_PG_OK,
} KoersDbPgPoll;

KoersDbPgPoll koers_db_pg_reconnect_start (KoersDb *db);
KoersDbPgPoll koers_db_pg_reconnect_poll (KoersDb *db);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersDb, koers_db_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersDbStmt, koers_db_finalize)

G_END_DECLS
