/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-db.h"

/* The calls every engine shares: each hands on to the engine's own. */

struct _KoersDbValue
{
  int    type;
  gint64 i;
  double d;
  char  *text;
};

gboolean
koers_db_is_server_uri (const char *uri)
{
  return uri != NULL && (g_str_has_prefix (uri, "postgresql://") || g_str_has_prefix (uri, "postgres://") || (strchr (uri, '=') != NULL && strchr (uri, '/') == NULL));
}

KoersDbEngineKind
koers_db_get_engine (KoersDb *db)
{
  return db->engine->kind;
}

void
koers_db_close (KoersDb *db)
{
  if (db != NULL)
    db->engine->close (db);
}

int
koers_db_prepare (KoersDb      *db,
                  const char   *sql,
                  KoersDbStmt **stmt)
{
  *stmt = NULL;
  return db->engine->prepare (db, sql, stmt);
}

int
koers_db_exec (KoersDb    *db,
               const char *sql)
{
  return db->engine->exec (db, sql);
}

int
koers_db_errcode (KoersDb *db)
{
  return db->engine->errcode (db);
}

int
koers_db_extended_errcode (KoersDb *db)
{
  return db->engine->errcode (db);
}

const char *
koers_db_errmsg (KoersDb *db)
{
  return db->engine->errmsg (db);
}

int
koers_db_changes (KoersDb *db)
{
  return db->engine->changes (db);
}

gint64
koers_db_last_insert_id (KoersDb *db)
{
  return db->engine->last_insert_id (db);
}

gboolean
koers_db_get_autocommit (KoersDb *db)
{
  return db->engine->get_autocommit (db);
}

gboolean
koers_db_is_readonly (KoersDb *db)
{
  return db->engine->is_readonly (db);
}

void
koers_db_set_busy_timeout (KoersDb *db,
                           int      ms)
{
  db->engine->set_busy_timeout (db, ms);
}

int
koers_db_step (KoersDbStmt *stmt)
{
  return stmt->db->engine->step (stmt);
}

int
koers_db_reset (KoersDbStmt *stmt)
{
  return stmt->db->engine->reset (stmt);
}

void
koers_db_finalize (KoersDbStmt *stmt)
{
  if (stmt != NULL)
    stmt->db->engine->finalize (stmt);
}

void
koers_db_clear_bindings (KoersDbStmt *stmt)
{
  stmt->db->engine->clear_bindings (stmt);
}

int
koers_db_bind_parameter_count (KoersDbStmt *stmt)
{
  return stmt->db->engine->bind_parameter_count (stmt);
}

void
koers_db_bind_int64 (KoersDbStmt *stmt,
                     int          index,
                     gint64       value)
{
  stmt->db->engine->bind_int64 (stmt, index, value);
}

void
koers_db_bind_int (KoersDbStmt *stmt,
                   int          index,
                   int          value)
{
  stmt->db->engine->bind_int64 (stmt, index, value);
}

void
koers_db_bind_double (KoersDbStmt *stmt,
                      int          index,
                      double       value)
{
  stmt->db->engine->bind_double (stmt, index, value);
}

void
koers_db_bind_text (KoersDbStmt *stmt,
                    int          index,
                    const char  *text)
{
  if (text == NULL)
    stmt->db->engine->bind_null (stmt, index);
  else
    stmt->db->engine->bind_text (stmt, index, text);
}

void
koers_db_bind_null (KoersDbStmt *stmt,
                    int          index)
{
  stmt->db->engine->bind_null (stmt, index);
}

int
koers_db_column_type (KoersDbStmt *stmt,
                      int          column)
{
  return stmt->db->engine->column_type (stmt, column);
}

gint64
koers_db_column_int64 (KoersDbStmt *stmt,
                       int          column)
{
  return stmt->db->engine->column_int64 (stmt, column);
}

int
koers_db_column_int (KoersDbStmt *stmt,
                     int          column)
{
  return (int) stmt->db->engine->column_int64 (stmt, column);
}

double
koers_db_column_double (KoersDbStmt *stmt,
                        int          column)
{
  return stmt->db->engine->column_double (stmt, column);
}

const char *
koers_db_column_text (KoersDbStmt *stmt,
                      int          column)
{
  return stmt->db->engine->column_text (stmt, column);
}

KoersDbValue *
koers_db_column_dup_value (KoersDbStmt *stmt,
                           int          column)
{
  int           type = koers_db_column_type (stmt, column);
  gboolean      is_text = type != KOERS_DB_INTEGER && type != KOERS_DB_FLOAT && type != KOERS_DB_NULL;
  const char   *text = is_text ? koers_db_column_text (stmt, column) : NULL;
  gsize         size = text != NULL ? strlen (text) + 1 : 0;
  KoersDbValue *value = g_malloc0 (sizeof (KoersDbValue) + size);

  value->type = type;
  if (type == KOERS_DB_INTEGER)
    value->i = koers_db_column_int64 (stmt, column);
  else if (type == KOERS_DB_FLOAT)
    value->d = koers_db_column_double (stmt, column);
  else if (text != NULL)
    value->text = memcpy (value + 1, text, size); /* one block: one free */
  return value;
}

void
koers_db_value_free (KoersDbValue *value)
{
  g_free (value);
}

void
koers_db_bind_value (KoersDbStmt  *stmt,
                     int           index,
                     KoersDbValue *value)
{
  if (value == NULL || value->type == KOERS_DB_NULL)
    koers_db_bind_null (stmt, index);
  else if (value->type == KOERS_DB_INTEGER)
    koers_db_bind_int64 (stmt, index, value->i);
  else if (value->type == KOERS_DB_FLOAT)
    koers_db_bind_double (stmt, index, value->d);
  else
    koers_db_bind_text (stmt, index, value->text);
}
