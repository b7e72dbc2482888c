/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/koers-date.h"
#include "koers-store-columns.h"
#include "koers-store-private.h"

/* Statements, transactions and the rows that add and restore write.
 * Every value travels as a bound parameter; the SQL texts are constants. */

KoersDbStmt *
koers_store_prepare (KoersStore *self,
                     const char *sql,
                     GError    **error)
{
  KoersDbStmt *stmt = NULL;
  int          rc;

  rc = koers_db_prepare (self->db, sql, &stmt);
  if (rc != KOERS_DB_OK)
    {
      koers_store_set_db_error (self, rc, error);
      koers_db_finalize (stmt);
      return NULL;
    }

  return stmt;
}

KoersDbStmt *
koers_store_prepare_select (KoersStore        *self,
                            const KoersEntity *entity,
                            const char        *rest,
                            GError           **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s %s", koers_entity_get_select_list (entity),
                                          rest);

  return koers_store_prepare (self, sql, error);
}

char *
koers_store_read_setting (KoersStore *self,
                          const char *key,
                          GError    **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  char *value = NULL;
  int   rc;

  stmt = koers_store_prepare (self, "SELECT value FROM settings WHERE key = ?1", error);
  if (stmt == NULL)
    return NULL;

  koers_store_bind_text (stmt, 1, key);
  rc = koers_db_step (stmt);
  if (rc == KOERS_DB_ROW)
    value = g_strdup (koers_store_column_text (stmt, 0));
  else if (!koers_store_rows_ended (self, rc, error))
    return NULL;

  return value != NULL ? value : g_strdup ("");
}

gboolean
koers_store_write_setting (KoersStore *self,
                           const char *key,
                           const char *value,
                           GError    **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;

  stmt = koers_store_prepare (self,
                              "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                              " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  if (stmt == NULL)
    return FALSE;

  koers_store_bind_text (stmt, 1, key);
  koers_store_bind_text (stmt, 2, value);
  return koers_store_step_done (self, stmt, error);
}

gboolean
koers_store_save_settings (KoersStore *self,
                           GError    **error,
                           const char *first_key,
                           ...)
{
  va_list  pairs;
  gboolean written = TRUE;

  if (!koers_store_begin (self, error))
    return FALSE;

  va_start (pairs, first_key);
  for (const char *key = first_key; written && key != NULL; key = va_arg (pairs, const char *))
    written = koers_store_write_setting (self, key, va_arg (pairs, const char *), error);
  va_end (pairs);

  if (written && koers_store_commit (self, error))
    return TRUE;

  koers_store_rollback (self);
  return FALSE;
}

gboolean
koers_store_step_done (KoersStore  *self,
                       KoersDbStmt *stmt,
                       GError     **error)
{
  int rc = koers_db_step (stmt);

  if (rc != KOERS_DB_DONE && rc != KOERS_DB_ROW)
    {
      koers_store_set_db_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

KoersDbStmt *
koers_store_prepare_load (KoersStore        *self,
                          const KoersEntity *entity,
                          const char        *period,
                          const char        *in_period,
                          const char        *all,
                          GError           **error)
{
  KoersDbStmt *stmt = koers_store_prepare_select (self, entity, period != NULL ? in_period : all,
                                                  error);

  if (stmt != NULL && period != NULL)
    {
      koers_store_bind_text (stmt, 1, period);
      koers_store_bind_text (stmt, 2, self->load_departments);
    }
  return stmt;
}

gboolean
koers_store_rows_ended (KoersStore *self,
                        int         rc,
                        GError    **error)
{
  if (rc == KOERS_DB_DONE)
    return TRUE;

  koers_store_set_db_error (self, rc, error);
  return FALSE;
}

GPtrArray *
koers_store_read_objects (KoersStore        *self,
                          const KoersEntity *entity,
                          KoersDbStmt       *stmt,
                          GError           **error)
{
  g_autoptr (GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = koers_db_step (stmt)) == KOERS_DB_ROW)
    {
      GObject *object = koers_entity_new_object (entity);

      koers_entity_read_row (entity, stmt, 0, object);
      g_ptr_array_add (objects, object);
    }

  return koers_store_rows_ended (self, rc, error) ? g_steal_pointer (&objects) : NULL;
}

gboolean
koers_store_exec (KoersStore *self,
                  const char *sql,
                  GError    **error)
{
  g_autoptr (KoersDbStmt) stmt = koers_store_prepare (self, sql, error);

  return stmt != NULL && koers_store_step_done (self, stmt, error);
}

void
koers_store_bind_text (KoersDbStmt *stmt,
                       int          index,
                       const char  *text)
{
  if (text == NULL)
    koers_db_bind_null (stmt, index);
  else
    koers_db_bind_text (stmt, index, text);
}

/* 0 means "no link" in the objects and NULL in the database. */
void
koers_store_bind_link (KoersDbStmt *stmt,
                       int          index,
                       gint64       id)
{
  if (id == 0)
    koers_db_bind_null (stmt, index);
  else
    koers_db_bind_int64 (stmt, index, id);
}

const char *
koers_store_column_text (KoersDbStmt *stmt,
                         int          column)
{
  return koers_db_column_text (stmt, column);
}

gboolean
koers_store_begin (KoersStore *self,
                   GError    **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;

  /* IMMEDIATE takes the write lock now, so a busy database fails here
   * (after the busy timeout) rather than halfway through the change. */
  if (!koers_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* Before schema 5 (during a migration) there is no change log yet. */
  if (self->schema_version < 5)
    return TRUE;

  /* The change log's triggers read who writes and when from here. */
  stmt = koers_store_prepare (self, "UPDATE change_context SET author = ?1, at = ?2 WHERE id = 1",
                              error);
  if (stmt == NULL)
    goto failed;
  koers_store_bind_text (stmt, 1, self->author != NULL ? self->author : "");
  koers_db_bind_int64 (stmt, 2, koers_now_usec ());
  if (!koers_store_step_done (self, stmt, error))
    goto failed;
  self->txn_first_seq = koers_store_query_last_seq (self);
  return TRUE;

failed:
  koers_store_rollback (self);
  return FALSE;
}

KoersDbStmt *
koers_store_begin_write (KoersStore *self,
                         const char *sql,
                         GError    **error)
{
  KoersDbStmt *stmt;

  if (!koers_store_begin (self, error))
    return NULL;

  stmt = koers_store_prepare (self, sql, error);
  if (stmt == NULL)
    koers_store_rollback (self);
  return stmt;
}

gboolean
koers_store_end_write (KoersStore  *self,
                       KoersDbStmt *stmt,
                       GError     **error)
{
  if (koers_store_step_done (self, stmt, error) && koers_store_commit (self, error))
    return TRUE;

  koers_store_rollback (self);
  return FALSE;
}

/* The change log's seq numbers this store wrote itself: catching up with
 * other writers skips them. */

typedef struct
{
  gint64 first; /* exclusive */
  gint64 last;  /* inclusive */
} SeqRange;

gint64
koers_store_query_last_seq (KoersStore *self)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  gint64 seq = 0;

  stmt = koers_store_prepare (self, "SELECT coalesce (max (seq), 0) FROM changes", NULL);
  if (stmt != NULL && koers_db_step (stmt) == KOERS_DB_ROW)
    seq = koers_db_column_int64 (stmt, 0);
  return seq;
}

void
koers_store_note_own_changes (KoersStore *self,
                              gint64      first,
                              gint64      last)
{
  SeqRange range = { first, last };

  if (last <= first)
    return;
  if (self->own_changes == NULL)
    self->own_changes = g_array_new (FALSE, FALSE, sizeof (SeqRange));
  g_array_append_val (self->own_changes, range);
}

gboolean
koers_store_is_own_change (KoersStore *self,
                           gint64      seq)
{
  for (guint i = 0; self->own_changes != NULL && i < self->own_changes->len; i++)
    {
      SeqRange *range = &g_array_index (self->own_changes, SeqRange, i);

      if (seq > range->first && seq <= range->last)
        return TRUE;
    }
  return FALSE;
}

void
koers_store_forget_own_changes (KoersStore *self,
                                gint64      seq)
{
  for (guint i = 0; self->own_changes != NULL && i < self->own_changes->len;)
    {
      if (g_array_index (self->own_changes, SeqRange, i).last <= seq)
        g_array_remove_index_fast (self->own_changes, i);
      else
        i++;
    }
}

gboolean
koers_store_commit (KoersStore *self,
                    GError    **error)
{
  gint64 last_seq;

  /* Another program writing the file later must not write in our name. */
  if (self->schema_version >= 5 &&
      !koers_store_exec (self, "UPDATE change_context SET author = '', at = 0 WHERE id = 1", error))
    {
      koers_store_rollback (self);
      return FALSE;
    }

  last_seq = self->schema_version >= 5 ? koers_store_query_last_seq (self) : 0;
  if (koers_store_exec (self, "COMMIT", error))
    {
      g_autoptr (GError) wal_error = NULL;

      if (self->schema_version >= 5)
        koers_store_note_own_changes (self, self->txn_first_seq, last_seq);
      /* The write is done; another process holding the file may keep it
       * from WAL for now, and the next write tries again. */
      if (!self->wal && !koers_store_use_wal (self, &wal_error))
        g_debug ("Staying in the rollback journal for now: %s", wal_error->message);
      return TRUE;
    }

  /* A deferred foreign key fails at COMMIT and leaves the transaction
   * open. */
  koers_store_rollback (self);
  return FALSE;
}

/* Several processes read while one writes: WAL, from a new file's start
 * or after the first write to an existing file. */
gboolean
koers_store_use_wal (KoersStore *self,
                     GError    **error)
{
  g_autoptr (KoersDbStmt) stmt = koers_store_prepare (self, "PRAGMA journal_mode = WAL", error);

  if (stmt == NULL)
    return FALSE;
  if (koers_db_step (stmt) != KOERS_DB_ROW ||
      g_ascii_strcasecmp (koers_db_column_text (stmt, 0), "wal") != 0)
    {
      koers_store_set_db_error (self, koers_db_errcode (self->db), error);
      return FALSE;
    }
  self->wal = TRUE;
  return koers_store_exec (self, "PRAGMA synchronous = NORMAL", error);
}

gboolean
koers_store_begin_read (KoersStore *self,
                        GError    **error)
{
  if (self->read_depth == 0 && koers_db_get_autocommit (self->db))
    {
      /* DEFERRED: the first SELECT takes the snapshot every later one
       * reads, so no reader ever sees half of another process's commit. */
      if (!koers_store_exec (self, "BEGIN DEFERRED", error))
        return FALSE;
      self->read_began = TRUE;
    }
  self->read_depth++;
  return TRUE;
}

void
koers_store_end_read (KoersStore *self)
{
  g_return_if_fail (self->read_depth > 0);

  if (--self->read_depth == 0 && self->read_began)
    {
      self->read_began = FALSE;
      koers_store_rollback (self);
    }
}

void
koers_store_rollback (KoersStore *self)
{
  if (!koers_db_get_autocommit (self->db))
    {
      g_autoptr (GError) error = NULL;

      if (!koers_store_exec (self, "ROLLBACK", &error))
        g_debug ("ROLLBACK failed: %s", error->message);
    }
}

KoersRow *
koers_row_new_from_object (GObject *object)
{
  KoersRow *row = g_new0 (KoersRow, 1);

  row->object = g_object_ref (object);

  if (KOERS_IS_DEPARTMENT (object))
    {
      KoersDepartment *dept = KOERS_DEPARTMENT (object);

      row->id = koers_department_get_id (dept);
      row->uuid = g_strdup (koers_department_get_uuid (dept));
      row->created = koers_department_get_created (dept);
      row->updated = koers_department_get_updated (dept);
      row->order = koers_department_get_sort_order (dept);
      row->owner_id = koers_department_get_parent_id (dept);
    }
  else if (KOERS_IS_OBJECTIVE (object))
    {
      KoersObjective *objective = KOERS_OBJECTIVE (object);

      row->id = koers_objective_get_id (objective);
      row->uuid = g_strdup (koers_objective_get_uuid (objective));
      row->created = koers_objective_get_created (objective);
      row->updated = koers_objective_get_updated (objective);
      row->order = koers_objective_get_position (objective);
      row->owner_id = koers_objective_get_department_id (objective);
      row->aligned_to_id = koers_objective_get_aligned_to_id (objective);
      row->carried_over_from_id = koers_objective_get_carried_over_from_id (objective);
    }
  else if (KOERS_IS_KEY_RESULT (object))
    {
      KoersKeyResult *kr = KOERS_KEY_RESULT (object);

      row->id = koers_key_result_get_id (kr);
      row->uuid = g_strdup (koers_key_result_get_uuid (kr));
      row->created = koers_key_result_get_created (kr);
      row->updated = koers_key_result_get_updated (kr);
      row->order = koers_key_result_get_position (kr);
      row->owner_id = koers_key_result_get_objective_id (kr);
      row->current_value = koers_key_result_get_current_value (kr);
      row->kpi_id = koers_key_result_get_kpi_id (kr);
    }
  else if (KOERS_IS_CHECKIN (object))
    {
      KoersCheckin *checkin = KOERS_CHECKIN (object);

      row->id = koers_checkin_get_id (checkin);
      row->uuid = g_strdup (koers_checkin_get_uuid (checkin));
      row->created = koers_checkin_get_created (checkin);
      row->updated = koers_checkin_get_updated (checkin);
      row->owner_id = koers_checkin_get_key_result_id (checkin);
      row->date = g_strdup (koers_checkin_get_date (checkin));
    }
  else if (KOERS_IS_KPI (object))
    {
      KoersKpi *kpi = KOERS_KPI (object);

      row->id = koers_kpi_get_id (kpi);
      row->uuid = g_strdup (koers_kpi_get_uuid (kpi));
      row->created = koers_kpi_get_created (kpi);
      row->updated = koers_kpi_get_updated (kpi);
      row->order = koers_kpi_get_position (kpi);
      row->owner_id = koers_kpi_get_department_id (kpi);
    }
  else if (KOERS_IS_KPI_VALUE (object))
    {
      KoersKpiValue *value = KOERS_KPI_VALUE (object);

      row->id = koers_kpi_value_get_id (value);
      row->uuid = g_strdup (koers_kpi_value_get_uuid (value));
      row->created = koers_kpi_value_get_created (value);
      row->updated = koers_kpi_value_get_updated (value);
      row->owner_id = koers_kpi_value_get_kpi_id (value);
      row->date = g_strdup (koers_kpi_value_get_date (value));
    }
  else
    g_assert_not_reached ();

  /* The objects say "" for an unset string. */
  if (row->uuid != NULL && row->uuid[0] == '\0')
    g_clear_pointer (&row->uuid, g_free);

  return row;
}

void
koers_row_free (KoersRow *row)
{
  g_clear_object (&row->object);
  g_free (row->uuid);
  g_free (row->date);
  g_free (row);
}

void
koers_row_apply (KoersRow *row)
{
  GObject *object = row->object;

  g_object_freeze_notify (object);

  if (KOERS_IS_DEPARTMENT (object))
    {
      KoersDepartment *dept = KOERS_DEPARTMENT (object);

      koers_department_set_id (dept, row->id);
      koers_department_set_uuid (dept, row->uuid);
      koers_department_set_created (dept, row->created);
      koers_department_set_updated (dept, row->updated);
      koers_department_set_sort_order (dept, row->order);
      koers_department_set_parent_id (dept, row->owner_id);
    }
  else if (KOERS_IS_OBJECTIVE (object))
    {
      KoersObjective *objective = KOERS_OBJECTIVE (object);

      koers_objective_set_id (objective, row->id);
      koers_objective_set_uuid (objective, row->uuid);
      koers_objective_set_created (objective, row->created);
      koers_objective_set_updated (objective, row->updated);
      koers_objective_set_position (objective, row->order);
      koers_objective_set_department_id (objective, row->owner_id);
      koers_objective_set_aligned_to_id (objective, row->aligned_to_id);
      koers_objective_set_carried_over_from_id (objective, row->carried_over_from_id);
    }
  else if (KOERS_IS_KEY_RESULT (object))
    {
      KoersKeyResult *kr = KOERS_KEY_RESULT (object);

      koers_key_result_set_id (kr, row->id);
      koers_key_result_set_uuid (kr, row->uuid);
      koers_key_result_set_created (kr, row->created);
      koers_key_result_set_updated (kr, row->updated);
      koers_key_result_set_position (kr, row->order);
      koers_key_result_set_objective_id (kr, row->owner_id);
      koers_key_result_set_kpi_id (kr, row->kpi_id);
      if (row->has_current)
        koers_key_result_set_current_value (kr, row->current_value);
    }
  else if (KOERS_IS_CHECKIN (object))
    {
      KoersCheckin *checkin = KOERS_CHECKIN (object);

      koers_checkin_set_id (checkin, row->id);
      koers_checkin_set_uuid (checkin, row->uuid);
      koers_checkin_set_created (checkin, row->created);
      koers_checkin_set_updated (checkin, row->updated);
      koers_checkin_set_key_result_id (checkin, row->owner_id);
      koers_checkin_set_date (checkin, row->date);
    }
  else if (KOERS_IS_KPI (object))
    {
      KoersKpi *kpi = KOERS_KPI (object);

      koers_kpi_set_id (kpi, row->id);
      koers_kpi_set_uuid (kpi, row->uuid);
      koers_kpi_set_created (kpi, row->created);
      koers_kpi_set_updated (kpi, row->updated);
      koers_kpi_set_position (kpi, row->order);
      koers_kpi_set_department_id (kpi, row->owner_id);
    }
  else if (KOERS_IS_KPI_VALUE (object))
    {
      KoersKpiValue *value = KOERS_KPI_VALUE (object);

      koers_kpi_value_set_id (value, row->id);
      koers_kpi_value_set_uuid (value, row->uuid);
      koers_kpi_value_set_created (value, row->created);
      koers_kpi_value_set_updated (value, row->updated);
      koers_kpi_value_set_kpi_id (value, row->owner_id);
      koers_kpi_value_set_date (value, row->date);
    }

  g_object_thaw_notify (object);
}

/* The value a write decides rather than the object: ids, stamps, order,
 * links and a check-in's date are the row's (see KoersRow); NULL for a
 * column the object gives. */
static gboolean
bind_row_value (KoersRow          *row,
                const KoersColumn *column,
                KoersDbStmt       *stmt,
                int                index)
{
  const char *name = column->column;

  if (column->kind == KOERS_COLUMN_ID)
    koers_store_bind_link (stmt, index, row->id);
  else if (column->kind == KOERS_COLUMN_UUID)
    koers_store_bind_text (stmt, index, row->uuid);
  else if (g_str_equal (name, "created"))
    koers_db_bind_int64 (stmt, index, row->created);
  else if (g_str_equal (name, "updated"))
    koers_db_bind_int64 (stmt, index, row->updated);
  else if (column->flags & KOERS_COLUMN_PARENT)
    koers_store_bind_link (stmt, index, row->owner_id);
  else if (g_str_equal (name, "position") || g_str_equal (name, "sort_order"))
    koers_db_bind_int (stmt, index, row->order);
  else if (g_str_equal (name, "aligned_to_id"))
    koers_store_bind_link (stmt, index, row->aligned_to_id);
  else if (g_str_equal (name, "carried_over_from_id"))
    koers_store_bind_link (stmt, index, row->carried_over_from_id);
  else if (g_str_equal (name, "kpi_id"))
    koers_store_bind_link (stmt, index, row->kpi_id);
  else if (g_str_equal (name, "current_value"))
    koers_db_bind_double (stmt, index, row->current_value);
  else if (g_str_equal (name, "date"))
    koers_store_bind_text (stmt, index, row->date);
  else
    return FALSE;
  return TRUE;
}

void
koers_store_bind_row (KoersRow    *row,
                      KoersDbStmt *stmt,
                      gboolean     insert,
                      KoersUpdate  update)
{
  const KoersEntity *entity = koers_entity_for_object (row->object);
  int                index = 0;

  if (!insert)
    koers_db_bind_int64 (stmt, ++index, row->id);
  for (guint i = 0; i < entity->n_columns; i++)
    {
      const KoersColumn *column = &entity->columns[i];

      if (insert ? column->kind == KOERS_COLUMN_VERSION
                 : !koers_entity_column_is_updated (column, update))
        continue;
      index++;
      if (!bind_row_value (row, column, stmt, index))
        koers_entity_bind_column (column, stmt, index, row->object);
    }
}

/* Inserts the row's object: every column from the column table, the
 * object's values but for what the row decides. */
gboolean
koers_store_insert_row (KoersStore *self,
                        KoersRow   *row,
                        GError    **error)
{
  const KoersEntity *entity = koers_entity_for_object (row->object);
  g_autoptr (KoersDbStmt) stmt = NULL;

  g_return_val_if_fail (entity != NULL, FALSE);

  stmt = koers_store_prepare (self, koers_entity_get_insert_sql (entity), error);
  if (stmt == NULL)
    return FALSE;

  koers_store_bind_row (row, stmt, TRUE, KOERS_UPDATE_SAVE);
  if (!koers_store_step_done (self, stmt, error))
    return FALSE;

  if (row->id == 0)
    row->id = koers_db_last_insert_id (self->db);

  return TRUE;
}

gboolean
koers_store_update_row (KoersStore *self,
                        KoersRow   *row,
                        KoersUpdate update,
                        GError    **error)
{
  const KoersEntity *entity = koers_entity_for_object (row->object);
  g_autoptr (KoersDbStmt) stmt = NULL;

  g_return_val_if_fail (entity != NULL, FALSE);

  stmt = koers_store_prepare (self, koers_entity_get_update_sql (entity, update), error);
  if (stmt == NULL)
    return FALSE;

  koers_store_bind_row (row, stmt, FALSE, update);
  return koers_store_step_done (self, stmt, error);
}

gboolean
koers_store_sync_current_value (KoersStore *self,
                                gint64      key_result_id,
                                gboolean   *has_current,
                                double     *current_value,
                                GError    **error)
{
  g_autoptr (KoersDbStmt) select = NULL;
  g_autoptr (KoersDbStmt) update = NULL;
  int rc;

  *has_current = FALSE;

  /* The same order as koers_checkin_compare_newest_first(). */
  select = koers_store_prepare (self,
                                "SELECT value FROM checkins WHERE key_result_id = ?1"
                                " ORDER BY date DESC, created DESC, id DESC LIMIT 1",
                                error);
  if (select == NULL)
    return FALSE;

  koers_db_bind_int64 (select, 1, key_result_id);
  rc = koers_db_step (select);
  if (rc != KOERS_DB_ROW)
    return koers_store_rows_ended (self, rc, error);

  *current_value = koers_db_column_double (select, 0);

  update = koers_store_prepare (self,
                                "UPDATE key_results SET current_value = ?1 WHERE id = ?2",
                                error);
  if (update == NULL)
    return FALSE;

  koers_db_bind_double (update, 1, *current_value);
  koers_db_bind_int64 (update, 2, key_result_id);
  if (!koers_store_step_done (self, update, error))
    return FALSE;

  *has_current = TRUE;
  return TRUE;
}
