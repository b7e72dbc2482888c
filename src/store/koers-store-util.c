/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/koers-date.h"
#include "koers-store-private.h"

/* The steps every write of the koers-store-*.c files shares: finding the
 * store's own object, rows to apply after COMMIT, sets of ids, a fresh
 * row, one statement on one id, a delete in its own transaction, a
 * renumbering, the end of a save and a worker's task on a path. */

/* The errors say which file of writes refused, as each always has. */
static const char *
get_not_stored_message (GObject *object)
{
  if (KOERS_IS_DEPARTMENT (object))
    return _ ("The item is not in this database");
  if (KOERS_IS_OBJECTIVE (object))
    return _ ("The objective is not in this database");
  if (KOERS_IS_KEY_RESULT (object) || KOERS_IS_CHECKIN (object))
    return _ ("The key result or check-in is not in this database");
  return _ ("The KPI or KPI value is not in this database");
}

gpointer
koers_store_find_own (KoersStore *self,
                      gpointer    object,
                      GType       type,
                      GError    **error)
{
  gpointer own;

  g_return_val_if_fail (KOERS_IS_STORE (self), NULL);
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (object, type), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  own = koers_store_find_stored (self, object);
  if (own == NULL)
    g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED,
                         get_not_stored_message (object));
  return own;
}

gboolean
koers_store_check_not_stored (KoersStore *self,
                              gpointer    object,
                              gboolean    fresh,
                              GError    **error)
{
  gint64   id = 0;
  gpointer stored;

  g_object_get (object, "id", &id, NULL);
  stored = koers_store_find_stored (self, object);
  if (fresh ? stored != object : (id != 0 && stored == NULL))
    return TRUE;

  g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                       KOERS_IS_KPI (object) || KOERS_IS_KPI_VALUE (object)
                         ? _ ("The KPI or KPI value is already in this database")
                         : _ ("The key result or check-in is already in this database"));
  return FALSE;
}

void
koers_store_apply_rows (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    koers_row_apply (g_ptr_array_index (rows, i));
}

GHashTable *
koers_store_new_id_set (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

void
koers_store_add_to_id_set (GHashTable *set,
                           gint64      id)
{
  g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

GHashTable *
koers_store_new_id_set_with (gint64 id)
{
  GHashTable *set = koers_store_new_id_set ();

  koers_store_add_to_id_set (set, id);
  return set;
}

void
koers_row_make_fresh (KoersRow *row,
                      gint64    stamp)
{
  row->id = 0;
  if (row->uuid == NULL)
    row->uuid = koers_uuid_new ();
  row->created = stamp;
  row->updated = stamp;
}

gboolean
koers_store_run_with_id (KoersStore *self,
                         const char *sql,
                         gint64      id,
                         GError    **error)
{
  g_autoptr (KoersDbStmt) stmt = koers_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  koers_db_bind_int64 (stmt, 1, id);
  return koers_store_step_done (self, stmt, error);
}

gboolean
koers_store_delete_by_id (KoersStore *self,
                          const char *sql,
                          gint64      id,
                          GError    **error)
{
  if (!koers_store_begin (self, error))
    return FALSE;

  if (!koers_store_run_with_id (self, sql, id, error) || !koers_store_commit (self, error))
    {
      koers_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

gboolean
koers_store_move_in_order (KoersStore *self,
                           GPtrArray  *order,
                           guint       old_index,
                           guint      *new_index,
                           GError    **error)
{
  gpointer           moved = g_ptr_array_steal_index (order, old_index);
  const KoersEntity *entity = koers_entity_for_object (moved);
  const KoersColumn *column = koers_entity_get_order (entity);
  g_autofree char   *sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2", entity->table,
                                            column->column);

  *new_index = MIN (*new_index, order->len);
  g_ptr_array_insert (order, *new_index, moved);

  if (!koers_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < order->len; i++)
    {
      g_autoptr (KoersDbStmt) stmt = NULL;
      gint64 id;
      int    current;

      g_object_get (g_ptr_array_index (order, i), "id", &id, column->property, &current, NULL);
      if (current == (int) i)
        continue;

      stmt = koers_store_prepare (self, sql, error);
      if (stmt == NULL)
        goto failed;

      koers_db_bind_int (stmt, 1, i);
      koers_db_bind_int64 (stmt, 2, id);
      if (!koers_store_step_done (self, stmt, error))
        goto failed;
    }

  if (!koers_store_commit (self, error))
    goto failed;

  for (guint i = 0; i < order->len; i++)
    g_object_set (g_ptr_array_index (order, i), column->property, (int) i, NULL);

  return TRUE;

failed:
  koers_store_rollback (self);
  return FALSE;
}

/* A save's values into the store's own object: every column the UPDATE
 * writes (the uuid and creation time are the object's for life); what
 * the write decided (stamp, order, owner) the caller sets after. */
void
koers_store_copy_saved (GObject *to,
                        GObject *from)
{
  static const char *const not_saved[] = { "uuid", "created", NULL };

  koers_entity_copy (koers_entity_for_object (to), to, from, not_saved);
}

KoersRow *
koers_store_begin_save (KoersStore *self,
                        GObject    *own,
                        GObject    *saved,
                        gboolean    merge,
                        GError    **error)
{
  g_autofree char *uuid = NULL;
  KoersRow        *row;
  gint64           id;
  gint64           updated;

  g_object_get (own, "id", &id, "uuid", &uuid, "updated", &updated, NULL);
  if (!koers_store_begin (self, error))
    return NULL;
  if (merge && !koers_store_merge_newer (self, saved, uuid, error))
    {
      koers_store_rollback (self);
      return NULL;
    }

  /* After the merge, which may have changed saved. */
  row = koers_row_new_from_object (saved);
  row->id = id;
  row->updated = MAX (koers_now_usec (), updated + 1);
  return row;
}

gboolean
koers_store_end_save (KoersStore *self,
                      GObject    *own,
                      GObject    *saved,
                      KoersRow   *row,
                      GError    **error)
{
  if (!koers_store_update_row (self, row, KOERS_UPDATE_SAVE, error) ||
      !koers_store_commit (self, error))
    {
      koers_store_rollback (self);
      return FALSE;
    }

  koers_store_take_saved_row (own, saved, row);
  return TRUE;
}

gboolean
koers_store_save_failed (KoersStore *self,
                         gpointer    own,
                         gpointer    saved)
{
  if (own == saved)
    koers_store_reload_object (self, G_OBJECT (own));
  return FALSE;
}

void
koers_store_take_saved (GObject *own,
                        GObject *saved,
                        gint64   stamp)
{
  if (own != saved)
    {
      koers_store_copy_saved (own, saved);
      g_object_set (saved, "updated", stamp, NULL);
    }
  g_object_set (own, "updated", stamp, NULL);
}

void
koers_store_take_saved_row (GObject        *own,
                            GObject        *saved,
                            const KoersRow *row)
{
  const KoersEntity *entity = koers_entity_for_object (own);
  const KoersColumn *parent = koers_entity_get_parent (entity);
  const KoersColumn *order = koers_entity_get_order (entity);

  g_object_freeze_notify (own);
  koers_store_take_saved (own, saved, row->updated);
  if (parent != NULL)
    g_object_set (own, parent->property, row->owner_id, NULL);
  if (order != NULL)
    g_object_set (own, order->property, row->order, NULL);
  g_object_thaw_notify (own);
}

void
koers_store_run_text_task (const char         *text,
                           gpointer            source_tag,
                           GTaskThreadFunc     thread,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_strdup (text), g_free);
  g_task_run_in_thread (task, thread);
}
