/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gmodule.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "koers-db-dialect.h"
#include "koers-db.h"

/* libpq and the 20 libraries it brings (Kerberos, LDAP, OpenSSL …) are
 * loaded when the first server database is opened, not by every command
 * at its start: libpq-fe.h gives the types, these pointers the calls. */
#define LIBPQ_FUNCTIONS(F)      \
  F (PQclear)                   \
  F (PQcmdTuples)               \
  F (PQconnectdbParams)         \
  F (PQconnectionNeedsPassword) \
  F (PQconninfoFree)            \
  F (PQconninfoParse)           \
  F (PQconsumeInput)            \
  F (PQerrorMessage)            \
  F (PQexec)                    \
  F (PQexecParams)              \
  F (PQfinish)                  \
  F (PQfreemem)                 \
  F (PQftype)                   \
  F (PQgetisnull)               \
  F (PQgetvalue)                \
  F (PQnfields)                 \
  F (PQnotifies)                \
  F (PQntuples)                 \
  F (PQresetPoll)               \
  F (PQresetStart)              \
  F (PQresultErrorField)        \
  F (PQresultErrorMessage)      \
  F (PQresultStatus)            \
  F (PQsetNoticeProcessor)      \
  F (PQsocket)                  \
  F (PQstatus)                  \
  F (PQtransactionStatus)

typedef struct
{
#define DECLARE_POINTER(name) __typeof__ (name) *name;
  LIBPQ_FUNCTIONS (DECLARE_POINTER)
#undef DECLARE_POINTER
} Libpq;

static Libpq *libpq;
static char  *libpq_error;

/* Loads libpq once; FALSE (libpq_error says why) when it is missing. */
static gboolean
load_libpq (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      GModule *module = g_module_open (KOERS_LIBPQ_SONAME, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      Libpq   *functions = g_new0 (Libpq, 1);
      gboolean complete = module != NULL;

#define RESOLVE(name) complete = complete && g_module_symbol (module, #name, (gpointer *) &functions->name);
      LIBPQ_FUNCTIONS (RESOLVE)
#undef RESOLVE
      if (complete)
        {
          /* Kept for the life of the process, as a linked libpq would be. */
          g_module_make_resident (module);
          libpq = functions;
        }
      else
        {
          libpq_error = g_strdup_printf ("PostgreSQL's client library %s could not be loaded: %s",
                                         KOERS_LIBPQ_SONAME, g_module_error ());
          g_free (functions);
        }
      g_once_init_leave (&loaded, 1);
    }

  return libpq != NULL;
}

/* The PostgreSQL engine, through libpq.  A statement is translated when
 * it is prepared (koers-db-dialect.c), runs at its first step with its
 * parameters as text (PQexecParams) and then hands out the rows of its
 * result one step at a time, as SQLite's would. */

/* PostgreSQL's type oids (server/catalog/pg_type.h is not installed). */
enum
{
  OID_BOOL = 16,
  OID_INT8 = 20,
  OID_INT2 = 21,
  OID_INT4 = 23,
  OID_FLOAT4 = 700,
  OID_FLOAT8 = 701,
  OID_NUMERIC = 1700,
};

G_STATIC_ASSERT (sizeof (Oid) == sizeof (unsigned int));

typedef struct
{
  KoersDb parent;
  PGconn *conn;
  int     errcode;
  char   *errmsg;
  int     changes;
  gint64  last_id;
  int     busy_ms; /* set again after a reconnect */
} PgDb;

typedef struct
{
  KoersDbStmt        parent;
  KoersDbPgStatement statement;
  char             **params; /* n_params texts, NULL for NULL */
  PGresult          *result;
  int                row; /* the current row; -1 before the first */
  gboolean           executed;
} PgStmt;

#define PG_DB(db) ((PgDb *) (db))
#define PG_STMT(stmt) ((PgStmt *) (stmt))

/* The SQLSTATEs the store tells apart; an exact state goes before its class. */
typedef struct
{
  const char *state;
  int         code;
} SqlstateCode;

static const SqlstateCode exact_codes[] = {
  { "23505", KOERS_DB_CONSTRAINT_UNIQUE },
  { "23503", KOERS_DB_CONSTRAINT_FOREIGNKEY },
  { "40001", KOERS_DB_BUSY },
  { "40P01", KOERS_DB_BUSY },
  { "55P03", KOERS_DB_BUSY },
  { "42501", KOERS_DB_PERM },
  { "53100", KOERS_DB_FULL },
  { "53200", KOERS_DB_NOMEM },
};

/* The classes (and a class with the next character) of the other states. */
static const SqlstateCode class_codes[] = {
  { "23", KOERS_DB_CONSTRAINT },
  { "28", KOERS_DB_AUTH },
  { "08", KOERS_DB_CONNECTION },
  { "57P", KOERS_DB_CONNECTION },
};

/* PostgreSQL's SQLSTATE (a class of two characters and three more) as
 * the result code the store knows. */
static int
map_sqlstate (const char *state)
{
  if (state == NULL)
    return KOERS_DB_CONNECTION;
  for (gsize i = 0; i < G_N_ELEMENTS (exact_codes); i++)
    if (g_str_equal (state, exact_codes[i].state))
      return exact_codes[i].code;
  for (gsize i = 0; i < G_N_ELEMENTS (class_codes); i++)
    if (g_str_has_prefix (state, class_codes[i].state))
      return class_codes[i].code;
  return KOERS_DB_ERROR;
}

static int
set_error (PgDb           *db,
           const PGresult *result)
{
  const char *state = result != NULL ? libpq->PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;

  g_free (db->errmsg);
  db->errmsg = g_strdup (result != NULL ? libpq->PQresultErrorMessage (result) : libpq->PQerrorMessage (db->conn));
  db->errcode = libpq->PQstatus (db->conn) == CONNECTION_BAD ? KOERS_DB_CONNECTION : map_sqlstate (state);
  return db->errcode;
}

static void
clear_error (PgDb *db)
{
  db->errcode = KOERS_DB_OK;
  g_clear_pointer (&db->errmsg, g_free);
}

/* While a reconnect runs (koers_db_pg_reconnect_start()), libpq must not
 * be given a statement: it would read the connection's own replies as
 * the statement's.  Such a statement fails as on a lost connection. */
static gboolean
refuse_unconnected (PgDb *db)
{
  if (libpq->PQstatus (db->conn) == CONNECTION_OK)
    return FALSE;
  g_free (db->errmsg);
  db->errmsg = g_strdup ("no connection to the server");
  db->errcode = KOERS_DB_CONNECTION;
  return TRUE;
}

static void
pg_close (KoersDb *db)
{
  if (PG_DB (db)->conn != NULL)
    libpq->PQfinish (PG_DB (db)->conn);
  g_free (PG_DB (db)->errmsg);
  g_free (db);
}

static int
pg_prepare (KoersDb      *db,
            const char   *sql,
            KoersDbStmt **stmt)
{
  PgStmt *own = g_new0 (PgStmt, 1);

  own->parent.db = db;
  koers_db_dialect_to_postgresql (sql, &own->statement);
  own->params = g_new0 (char *, own->statement.n_params + 1);
  own->row = -1;
  *stmt = &own->parent;
  return KOERS_DB_OK;
}

static int
pg_exec (KoersDb    *db,
         const char *sql)
{
  PgDb              *self = PG_DB (db);
  KoersDbPgStatement statement;
  PGresult          *result;
  ExecStatusType     status;
  int                rc = KOERS_DB_OK;

  if (refuse_unconnected (self))
    return self->errcode;
  koers_db_dialect_to_postgresql (sql, &statement);
  if (statement.sql == NULL)
    return KOERS_DB_OK;
  result = libpq->PQexec (self->conn, statement.sql);
  status = libpq->PQresultStatus (result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    rc = set_error (self, result);
  else
    {
      clear_error (self);
      self->changes = (int) g_ascii_strtoll (libpq->PQcmdTuples (result), NULL, 10);
    }
  libpq->PQclear (result);
  koers_db_pg_statement_clear (&statement);
  return rc;
}

static int
pg_errcode (KoersDb *db)
{
  return PG_DB (db)->errcode;
}

static const char *
pg_errmsg (KoersDb *db)
{
  return PG_DB (db)->errmsg != NULL ? PG_DB (db)->errmsg : "";
}

static int
pg_changes (KoersDb *db)
{
  return PG_DB (db)->changes;
}

static gint64
pg_last_insert_id (KoersDb *db)
{
  return PG_DB (db)->last_id;
}

static gboolean
pg_get_autocommit (KoersDb *db)
{
  return libpq->PQtransactionStatus (PG_DB (db)->conn) == PQTRANS_IDLE;
}

static gboolean
pg_is_readonly (KoersDb *db)
{
  return FALSE;
}

/* A lock held by another session waits at most this long. */
static void
pg_set_busy_timeout (KoersDb *db,
                     int      ms)
{
  g_autofree char *sql = g_strdup_printf ("SET lock_timeout = %d", ms);

  PG_DB (db)->busy_ms = ms;
  if (refuse_unconnected (PG_DB (db)))
    return;
  libpq->PQclear (libpq->PQexec (PG_DB (db)->conn, sql));
}

static int
pg_step (KoersDbStmt *stmt)
{
  PgStmt *self = PG_STMT (stmt);
  PgDb   *db = PG_DB (stmt->db);

  if (self->statement.sql == NULL)
    return KOERS_DB_DONE;

  if (!self->executed)
    {
      ExecStatusType status;

      self->executed = TRUE;
      if (refuse_unconnected (db))
        return db->errcode;
      /* Without parameters the text may hold more than one statement
       * (the dialect's BEGIN IMMEDIATE does): the last one's rows count. */
      if (self->statement.n_params == 0)
        self->result = libpq->PQexec (db->conn, self->statement.sql);
      else
        self->result = libpq->PQexecParams (db->conn, self->statement.sql, self->statement.n_params,
                                            (const Oid *) self->statement.param_types,
                                            (const char *const *) self->params, NULL, NULL, 0);
      status = libpq->PQresultStatus (self->result);
      if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        return set_error (db, self->result);
      clear_error (db);
      db->changes = (int) g_ascii_strtoll (libpq->PQcmdTuples (self->result), NULL, 10);
      if (self->statement.returning_id)
        {
          if (libpq->PQntuples (self->result) > 0)
            db->last_id = g_ascii_strtoll (libpq->PQgetvalue (self->result, 0, 0), NULL, 10);
          return KOERS_DB_DONE;
        }
    }
  else if (self->statement.returning_id || self->result == NULL)
    return KOERS_DB_DONE;

  self->row++;
  return self->row < libpq->PQntuples (self->result) ? KOERS_DB_ROW : KOERS_DB_DONE;
}

static int
pg_reset (KoersDbStmt *stmt)
{
  PgStmt *self = PG_STMT (stmt);

  g_clear_pointer (&self->result, libpq->PQclear);
  self->executed = FALSE;
  self->row = -1;
  return KOERS_DB_OK;
}

static void
pg_clear_bindings (KoersDbStmt *stmt)
{
  PgStmt *self = PG_STMT (stmt);

  for (int i = 0; i < self->statement.n_params; i++)
    g_clear_pointer (&self->params[i], g_free);
}

static void
pg_finalize (KoersDbStmt *stmt)
{
  PgStmt *self = PG_STMT (stmt);

  pg_reset (stmt);
  pg_clear_bindings (stmt);
  g_free (self->params);
  koers_db_pg_statement_clear (&self->statement);
  g_free (self);
}

static int
pg_bind_parameter_count (KoersDbStmt *stmt)
{
  return PG_STMT (stmt)->statement.n_params;
}

static void
bind_owned (KoersDbStmt *stmt,
            int          index,
            char        *text)
{
  PgStmt *self = PG_STMT (stmt);

  if (index < 1 || index > self->statement.n_params)
    {
      g_free (text);
      return;
    }
  g_free (self->params[index - 1]);
  self->params[index - 1] = text;
}

static void
pg_bind_int64 (KoersDbStmt *stmt,
               int          index,
               gint64       value)
{
  bind_owned (stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

static void
pg_bind_double (KoersDbStmt *stmt,
                int          index,
                double       value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  bind_owned (stmt, index, g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.17g", value)));
}

static void
pg_bind_text (KoersDbStmt *stmt,
              int          index,
              const char  *text)
{
  bind_owned (stmt, index, g_strdup (text));
}

static void
pg_bind_null (KoersDbStmt *stmt,
              int          index)
{
  bind_owned (stmt, index, NULL);
}

static gboolean
has_value (PgStmt *self,
           int     column)
{
  return self->result != NULL && self->row >= 0 && self->row < libpq->PQntuples (self->result) && column < libpq->PQnfields (self->result) && !libpq->PQgetisnull (self->result, self->row, column);
}

static int
pg_column_type (KoersDbStmt *stmt,
                int          column)
{
  PgStmt *self = PG_STMT (stmt);

  if (!has_value (self, column))
    return KOERS_DB_NULL;
  switch (libpq->PQftype (self->result, column))
    {
    case OID_BOOL:
    case OID_INT2:
    case OID_INT4:
    case OID_INT8:
      return KOERS_DB_INTEGER;
    case OID_FLOAT4:
    case OID_FLOAT8:
    case OID_NUMERIC:
      return KOERS_DB_FLOAT;
    default:
      return KOERS_DB_TEXT;
    }
}

static gint64
pg_column_int64 (KoersDbStmt *stmt,
                 int          column)
{
  PgStmt     *self = PG_STMT (stmt);
  const char *text;

  if (!has_value (self, column))
    return 0;
  text = libpq->PQgetvalue (self->result, self->row, column);
  if (libpq->PQftype (self->result, column) == OID_BOOL)
    return text[0] == 't';
  if (pg_column_type (stmt, column) == KOERS_DB_FLOAT)
    return (gint64) g_ascii_strtod (text, NULL);
  return g_ascii_strtoll (text, NULL, 10);
}

static double
pg_column_double (KoersDbStmt *stmt,
                  int          column)
{
  PgStmt *self = PG_STMT (stmt);

  if (!has_value (self, column))
    return 0;
  if (libpq->PQftype (self->result, column) == OID_BOOL)
    return pg_column_int64 (stmt, column);
  return g_ascii_strtod (libpq->PQgetvalue (self->result, self->row, column), NULL);
}

static const char *
pg_column_text (KoersDbStmt *stmt,
                int          column)
{
  PgStmt *self = PG_STMT (stmt);

  if (!has_value (self, column))
    return NULL;
  return libpq->PQgetvalue (self->result, self->row, column);
}

static const KoersDbEngine pg_engine = {
  .kind = KOERS_DB_ENGINE_POSTGRESQL,
  .close = pg_close,
  .prepare = pg_prepare,
  .exec = pg_exec,
  .errcode = pg_errcode,
  .errmsg = pg_errmsg,
  .changes = pg_changes,
  .last_insert_id = pg_last_insert_id,
  .get_autocommit = pg_get_autocommit,
  .is_readonly = pg_is_readonly,
  .set_busy_timeout = pg_set_busy_timeout,
  .step = pg_step,
  .reset = pg_reset,
  .finalize = pg_finalize,
  .clear_bindings = pg_clear_bindings,
  .bind_parameter_count = pg_bind_parameter_count,
  .bind_int64 = pg_bind_int64,
  .bind_double = pg_bind_double,
  .bind_text = pg_bind_text,
  .bind_null = pg_bind_null,
  .column_type = pg_column_type,
  .column_int64 = pg_column_int64,
  .column_double = pg_column_double,
  .column_text = pg_column_text,
};

/* The server's notices (NOTICE: relation exists, …) are for a log, not
 * for the terminal of a person who runs a command. */
static void
ignore_notice (void       *arg,
               const char *message)
{
  g_debug ("%s", message);
}

GHashTable *
koers_db_parse_postgresql_conninfo (const char *conninfo)
{
  PQconninfoOption *options;
  GHashTable       *parts;

  if (!load_libpq ())
    return NULL;
  options = libpq->PQconninfoParse (conninfo, NULL);
  if (options == NULL)
    return NULL;
  parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (o->val != NULL)
      g_hash_table_insert (parts, g_strdup (o->keyword), g_strdup (o->val));
  libpq->PQconninfoFree (options);
  return parts;
}

int
koers_db_open_postgresql (const char *conninfo,
                          KoersDb   **db)
{
  return koers_db_open_postgresql_with_password (conninfo, NULL, db);
}

int
koers_db_open_postgresql_with_password (const char *conninfo,
                                        const char *password,
                                        KoersDb   **db)
{
  /* The password after the expanded conninfo overrides one in it; a
   * reconnect (PQreset) uses it again. */
  const char *const keywords[] = { "dbname", password != NULL ? "password" : NULL, NULL };
  const char *const values[] = { conninfo, password, NULL };
  PgDb             *own = g_new0 (PgDb, 1);

  own->parent.engine = &pg_engine;
  *db = &own->parent;
  if (!load_libpq ())
    {
      own->errmsg = g_strdup (libpq_error);
      own->errcode = KOERS_DB_CANTOPEN;
      return own->errcode;
    }
  own->conn = libpq->PQconnectdbParams (keywords, values, 1);
  if (libpq->PQstatus (own->conn) != CONNECTION_OK)
    {
      const char *message = libpq->PQerrorMessage (own->conn);

      own->errmsg = g_strdup (message);
      /* libpq says why only in words: a refused password is an AUTH. */
      if (libpq->PQconnectionNeedsPassword (own->conn))
        own->errcode = KOERS_DB_NEEDS_PASSWORD;
      else
        own->errcode = strstr (message, "password") != NULL || strstr (message, "authentication") != NULL
                         ? KOERS_DB_AUTH
                         : KOERS_DB_CANTOPEN;
      return own->errcode;
    }
  libpq->PQsetNoticeProcessor (own->conn, ignore_notice, NULL);
  libpq->PQclear (libpq->PQexec (own->conn, "SET client_min_messages = warning"));
  return KOERS_DB_OK;
}

/* The connection's socket, for a main-loop source that waits for NOTIFY;
 * -1 for another engine. */
int
koers_db_pg_get_socket (KoersDb *db)
{
  if (db->engine != &pg_engine)
    return -1;
  return libpq->PQsocket (PG_DB (db)->conn);
}

gboolean
koers_db_pg_is_connected (KoersDb *db)
{
  return db->engine == &pg_engine && libpq->PQstatus (PG_DB (db)->conn) == CONNECTION_OK;
}

int
koers_db_pg_consume_notifies (KoersDb *db)
{
  PgDb     *self = PG_DB (db);
  PGnotify *notify;
  int       n = 0;

  g_return_val_if_fail (db->engine == &pg_engine, -1);

  if (libpq->PQstatus (self->conn) != CONNECTION_OK || !libpq->PQconsumeInput (self->conn) ||
      libpq->PQstatus (self->conn) != CONNECTION_OK)
    return -1;
  while ((notify = libpq->PQnotifies (self->conn)) != NULL)
    {
      n++;
      libpq->PQfreemem (notify);
    }
  return n;
}

/* PQresetStart/PQresetPoll rather than PQreset: a server that is down or
 * unreachable must not stop the main loop (the window keeps drawing and
 * answering) for as long as the operating system tries to connect. */
KoersDbPgPoll
koers_db_pg_reconnect_start (KoersDb *db)
{
  g_return_val_if_fail (db->engine == &pg_engine, KOERS_DB_PG_FAILED);

  /* As if PQresetPoll had said "writing": libpq's documented start. */
  return libpq->PQresetStart (PG_DB (db)->conn) ? KOERS_DB_PG_WRITING : KOERS_DB_PG_FAILED;
}

KoersDbPgPoll
koers_db_pg_reconnect_poll (KoersDb *db)
{
  PgDb *self = PG_DB (db);

  g_return_val_if_fail (db->engine == &pg_engine, KOERS_DB_PG_FAILED);

  switch (libpq->PQresetPoll (self->conn))
    {
    case PGRES_POLLING_READING:
      return KOERS_DB_PG_READING;
    case PGRES_POLLING_WRITING:
      return KOERS_DB_PG_WRITING;
    case PGRES_POLLING_OK:
      break;
    default:
      return KOERS_DB_PG_FAILED;
    }
  /* What the session had: the settings of koers_db_open_postgresql()
   * and the lock timeout (LISTEN is the caller's).  One short round trip
   * each on a connection that has just answered. */
  libpq->PQclear (libpq->PQexec (self->conn, "SET client_min_messages = warning"));
  if (self->busy_ms > 0)
    pg_set_busy_timeout (db, self->busy_ms);
  return libpq->PQstatus (self->conn) == CONNECTION_OK ? KOERS_DB_PG_OK : KOERS_DB_PG_FAILED;
}
