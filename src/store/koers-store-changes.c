/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-store-private.h"

/* Reading the change log (schema 5).  Writing it is the triggers' work
 * (koers-store-columns.c), in the same transaction as the write. */

#define CHANGE_COLUMNS "seq, key, at, author, entity, uuid, parent, op, fields"

void
koers_store_set_author (KoersStore *self,
                        const char *author)
{
  g_return_if_fail (KOERS_IS_STORE (self));

  g_free (self->author);
  self->author = g_strdup (author != NULL ? author : "");
}

const char *
koers_store_get_author (KoersStore *self)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), NULL);

  return self->author != NULL ? self->author : "";
}

/* The fields of a change, in the order the log wrote them. */
static gboolean
read_fields (KoersStore  *self,
             KoersChange *change,
             GError     **error)
{
  static const char sql[] =
    "SELECT key, json_extract (value, '$[0]'), json_extract (value, '$[1]'),"
    " json_type (value, '$[0]'), json_type (value, '$[1]')"
    " FROM json_each (?1)";
  g_autoptr (KoersDbStmt) stmt = koers_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  koers_store_bind_text (stmt, 1, koers_change_get_fields_json (change));
  while ((rc = koers_db_step (stmt)) == KOERS_DB_ROW)
    {
      /* JSON true/false come back as 1/0; the log writes booleans so. */
      const char *old_type = koers_store_column_text (stmt, 3);
      const char *new_type = koers_store_column_text (stmt, 4);
      const char *old_value = koers_store_column_text (stmt, 1);
      const char *new_value = koers_store_column_text (stmt, 2);

      if (g_strcmp0 (old_type, "true") == 0 || g_strcmp0 (old_type, "false") == 0)
        old_value = old_type;
      if (g_strcmp0 (new_type, "true") == 0 || g_strcmp0 (new_type, "false") == 0)
        new_value = new_type;

      koers_change_add_field (change, koers_store_column_text (stmt, 0), old_value, new_value);
    }

  return koers_store_rows_ended (self, rc, error);
}

static KoersChange *
read_change (KoersStore  *self,
             KoersDbStmt *stmt,
             GError     **error)
{
  g_autoptr (KoersChange) change = NULL;
  KoersChangeOperation op = KOERS_CHANGE_UPDATE;

  koers_change_operation_from_string (koers_store_column_text (stmt, 7), &op);
  change = koers_change_new (koers_db_column_int64 (stmt, 0),
                             koers_store_column_text (stmt, 1),
                             koers_db_column_int64 (stmt, 2),
                             koers_store_column_text (stmt, 3),
                             koers_store_column_text (stmt, 4),
                             koers_store_column_text (stmt, 5),
                             koers_store_column_text (stmt, 6),
                             op,
                             koers_store_column_text (stmt, 8));
  if (!read_fields (self, change, error))
    return NULL;
  return g_steal_pointer (&change);
}

/* Runs a query of changes (one read transaction) and hands each over. */
static gboolean
run_change_query (KoersStore          *self,
                  KoersDbStmt         *stmt,
                  KoersStoreChangeFunc func,
                  gpointer             user_data,
                  GError             **error)
{
  gboolean ok = TRUE;
  int      rc;

  if (!koers_store_begin_read (self, error))
    return FALSE;

  while (ok && (rc = koers_db_step (stmt)) == KOERS_DB_ROW)
    {
      g_autoptr (KoersChange) change = read_change (self, stmt, error);

      ok = change != NULL && func (change, user_data, error);
    }

  if (ok && !koers_store_rows_ended (self, rc, error))
    ok = FALSE;

  koers_db_reset (stmt);
  koers_store_end_read (self);
  return ok;
}

static gboolean
add_to_array_cb (KoersChange *change,
                 gpointer     user_data,
                 GError     **error)
{
  g_ptr_array_add (user_data, g_object_ref (change));
  return TRUE;
}

GPtrArray *
koers_store_list_changes (KoersStore *self,
                          const char *uuid,
                          GError    **error)
{
  g_autoptr (GPtrArray) changes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (KoersDbStmt) stmt = NULL;

  g_return_val_if_fail (KOERS_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = koers_store_prepare (self,
                              "SELECT " CHANGE_COLUMNS " FROM changes WHERE uuid = ?1"
                              " UNION SELECT " CHANGE_COLUMNS " FROM changes WHERE parent = ?1"
                              " ORDER BY at, seq",
                              error);
  if (stmt == NULL)
    return NULL;
  koers_store_bind_text (stmt, 1, uuid);

  if (!run_change_query (self, stmt, add_to_array_cb, changes, error))
    return NULL;
  return g_steal_pointer (&changes);
}

gboolean
koers_store_foreach_change (KoersStore          *self,
                            gint64               after_seq,
                            KoersStoreChangeFunc func,
                            gpointer             user_data,
                            GError             **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;

  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = koers_store_prepare (self,
                              "SELECT " CHANGE_COLUMNS " FROM changes WHERE seq > ?1 ORDER BY seq",
                              error);
  if (stmt == NULL)
    return FALSE;
  koers_db_bind_int64 (stmt, 1, after_seq);

  return run_change_query (self, stmt, func, user_data, error);
}
