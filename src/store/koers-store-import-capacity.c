/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-store-columns.h"
#include "koers-store-import-private.h"

/* Capacities and escalations (schema 7) in an import: looked up and
 * written inside the import's transaction, through the entity tables of
 * koers-store-columns.c.  They are few (a handful per department and
 * quarter), so each statement is prepared when it is needed. */

static KoersStoredRow *
find_row (KoersStoreImport  *self,
          const KoersEntity *entity,
          const char        *where,
          const char        *uuid,
          gint64             owner_id,
          const char        *period,
          GError           **error)
{
  KoersStore *store = koers_store_import_get_store (self);
  g_autoptr (KoersDbStmt) stmt = NULL;
  g_autofree char *lower = uuid != NULL ? g_ascii_strdown (uuid, -1) : NULL;
  KoersStoredRow  *row;
  int              rc;

  stmt = koers_store_prepare_select (store, entity, where, error);
  if (stmt == NULL)
    return NULL;
  koers_store_bind_text (stmt, 1, lower);
  koers_db_bind_int64 (stmt, 2, owner_id);
  koers_store_bind_text (stmt, 3, period);
  rc = koers_db_step (stmt);
  if (rc != KOERS_DB_ROW)
    {
      /* None, or an error: the caller tells them apart by error. */
      koers_store_rows_ended (store, rc, error);
      return NULL;
    }

  row = g_new0 (KoersStoredRow, 1);
  row->object = koers_entity_new_object (entity);
  koers_entity_read_row (entity, stmt, 0, row->object);
  row->id = koers_db_column_int64 (stmt, 0);
  row->owner_id = koers_db_column_int64 (stmt, 2);
  return row;
}

KoersStoredRow *
koers_store_import_find_capacity (KoersStoreImport *self,
                                  const char       *uuid,
                                  gint64            department_id,
                                  const char       *period,
                                  GError          **error)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* By uuid, else the department's row for the quarter (one per
   * department and period). */
  return find_row (self, &koers_entity_capacity,
                   "FROM capacities WHERE uuid = ?1"
                   " OR (department_id = ?2 AND period = ?3) ORDER BY uuid = ?1 DESC LIMIT 1",
                   uuid, department_id, period, error);
}

KoersStoredRow *
koers_store_import_find_escalation (KoersStoreImport *self,
                                    const char       *uuid,
                                    GError          **error)
{
  g_return_val_if_fail (self != NULL, NULL);

  return find_row (self, &koers_entity_escalation,
                   "FROM escalations WHERE uuid = ?1 AND ?2 = ?2 AND ?3 IS ?3", uuid, 0, NULL,
                   error);
}

gboolean
koers_store_import_put_row (KoersStoreImport *self,
                            GObject          *object,
                            gint64            row_id,
                            GError          **error)
{
  const KoersEntity *entity = koers_entity_for_object (object);
  KoersStore        *store = koers_store_import_get_store (self);
  g_autoptr (KoersDbStmt) stmt = NULL;
  int index = 2;
  int rc;

  g_return_val_if_fail (entity == &koers_entity_capacity || entity == &koers_entity_escalation,
                        FALSE);

  g_object_set (object, "id", row_id, NULL);
  stmt = koers_store_prepare (store,
                              row_id != 0 ? koers_entity_get_update_sql (entity, KOERS_UPDATE_WHOLE)
                                          : koers_entity_get_insert_sql (entity),
                              error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < entity->n_columns; i++)
    {
      const KoersColumn *column = &entity->columns[i];

      if (row_id == 0 && column->kind != KOERS_COLUMN_VERSION)
        koers_entity_bind_column (column, stmt, (int) i + 1, object);
      else if (row_id != 0 && column->kind == KOERS_COLUMN_ID)
        koers_db_bind_int64 (stmt, 1, row_id);
      else if (row_id != 0 && koers_entity_column_is_updated (column, KOERS_UPDATE_WHOLE))
        koers_entity_bind_column (column, stmt, index++, object);
    }

  rc = koers_db_step (stmt);
  if (!koers_store_rows_ended (store, rc, error))
    return FALSE;
  koers_store_import_mark_written (self);
  return TRUE;
}
