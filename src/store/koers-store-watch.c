/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/koers-date.h"
#include "core/koers-format.h"
#include "koers-store-columns.h"
#include "koers-store-private.h"

/* Other writers.  A window keeps the model of what it shows; another
 * process (the command line, a second window) may commit to the same file
 * at any time.  PRAGMA data_version, asked on a short timer, says that
 * somebody else committed; the change log then says what, and each change
 * is applied to the model in place: a row re-read, added or taken out.
 * The process's own changes are skipped: its writes updated the model
 * already. */

#define WATCH_INTERVAL_MS 500

/* The row of an entity by uuid into a new object; NULL when it is gone
 * (a later change in the same batch deleted it). */
static GObject *
read_row (KoersStore        *self,
          const KoersEntity *entity,
          const char        *uuid)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  GObject         *object;

  sql = g_strdup_printf ("SELECT %s FROM %s WHERE uuid = ?1",
                         koers_entity_get_select_list (entity), entity->table);
  stmt = koers_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    return NULL;
  koers_store_bind_text (stmt, 1, uuid);
  if (koers_db_step (stmt) != KOERS_DB_ROW)
    return NULL;

  object = koers_entity_new_object (entity);
  koers_entity_read_row (entity, stmt, 0, object);
  return object;
}

/* The model's object for a uuid: found through the id of the row when
 * the row is there, else by looking through what the model holds. */
static GObject *
find_in_model (KoersStore        *self,
               const KoersEntity *entity,
               const char        *uuid,
               GObject           *row)
{
  GHashTable    *table;
  GHashTableIter iter;
  gpointer       value;
  gint64         id = 0;

  if (entity == &koers_entity_objective)
    table = self->objective_by_id;
  else if (entity == &koers_entity_key_result)
    table = self->key_result_by_id;
  else if (entity == &koers_entity_checkin)
    table = self->checkin_by_id;
  else if (entity == &koers_entity_department)
    table = self->department_by_id;
  else if (entity == &koers_entity_kpi)
    table = self->kpi_by_id;
  else
    table = self->kpi_value_by_id;

  if (row != NULL)
    {
      g_object_get (row, "id", &id, NULL);
      return g_hash_table_lookup (table, &id);
    }

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_autofree char *other = NULL;

      g_object_get (value, "uuid", &other, NULL);
      if (g_strcmp0 (other, uuid) == 0)
        return value;
    }
  return NULL;
}

/* Would this store show an objective of that period? */
static gboolean
shows_period (KoersStore *self,
              const char *key)
{
  KoersPeriod period;

  if (!self->lazy || g_hash_table_contains (self->loaded_periods, key))
    return TRUE;
  return koers_period_parse (key, &period, NULL) &&
         koers_store_was_requested (self, &period, FALSE);
}

/* Is it what an owner's list holds (koers_store_keep_child())? */
static gboolean
is_held (const KoersEntity *entity)
{
  return entity == &koers_entity_key_result || entity == &koers_entity_checkin ||
         entity == &koers_entity_kpi_value;
}

static void
add_to_model (KoersStore        *self,
              const KoersEntity *entity,
              GObject           *row)
{
  if (entity == &koers_entity_objective)
    {
      if (shows_period (self, koers_objective_get_period (KOERS_OBJECTIVE (row))))
        koers_store_keep (self, row);
    }
  else if (entity == &koers_entity_department || entity == &koers_entity_kpi)
    koers_store_keep (self, row);
  else if (is_held (entity))
    {
      gpointer owner = koers_store_find_owner (self, row);

      /* A KPI whose values are not read yet gets them all when they are. */
      if (owner == NULL || (KOERS_IS_KPI (owner) && !koers_store_has_kpi_values (self, owner)))
        return;
      koers_store_keep_child (self, row, owner);
      /* Its current value followed the check-in (not a logged field). */
      if (entity == &koers_entity_checkin)
        koers_store_reload_object (self, owner);
    }
}

static void
remove_from_model (KoersStore        *self,
                   const KoersEntity *entity,
                   GObject           *own)
{
  g_autoptr (GObject) keep = g_object_ref (own);

  if (entity == &koers_entity_objective || entity == &koers_entity_kpi)
    koers_store_forget (self, own);
  else if (is_held (entity))
    {
      gpointer owner = koers_store_get_owner (self, own);

      koers_store_forget_child (self, own, owner);
      /* A key result's current value followed the check-in. */
      if (owner != NULL && entity == &koers_entity_checkin)
        koers_store_reload_object (self, owner);
    }
}

static void
update_in_model (KoersStore        *self,
                 const KoersEntity *entity,
                 GObject           *own)
{
  koers_store_reload_object (self, own);

  if (entity == &koers_entity_objective)
    koers_store_resort_objective (self, KOERS_OBJECTIVE (own));
  else if (entity == &koers_entity_key_result)
    {
      KoersKeyResult *kr = KOERS_KEY_RESULT (own);
      KoersObjective *before = koers_store_get_key_result_objective (self, kr);
      KoersObjective *after = koers_store_find_objective (self, koers_key_result_get_objective_id (kr));

      if (before != after)
        {
          remove_from_model (self, entity, own);
          if (after != NULL)
            add_to_model (self, entity, own);
        }
      else if (after != NULL)
        koers_objective_sort_key_results (after);
    }
  else if (entity == &koers_entity_checkin)
    {
      KoersKeyResult *kr = koers_store_get_checkin_key_result (self, KOERS_CHECKIN (own));

      if (kr != NULL)
        {
          koers_key_result_add_checkin (kr, KOERS_CHECKIN (own)); /* re-sorts */
          koers_store_reload_object (self, G_OBJECT (kr));
        }
    }
}

/* A key result whose list is not read holds a summary of its check-ins,
 * and no objects for them: a change to one of its check-ins reads that
 * summary again (and the current value that follows the latest).  The
 * row names the key result, or for a delete the change's parent. */
static gboolean
refresh_unread_owner (KoersStore  *self,
                      KoersChange *change,
                      GObject     *row)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  g_autoptr (GError) error = NULL;
  KoersKeyResult *kr = NULL;

  if (row != NULL)
    kr = koers_store_find_key_result (self, koers_checkin_get_key_result_id (KOERS_CHECKIN (row)));
  else if (koers_change_get_parent (change) != NULL)
    {
      stmt = koers_store_prepare (self, "SELECT id FROM key_results WHERE uuid = ?1", NULL);
      if (stmt == NULL)
        return FALSE;
      koers_store_bind_text (stmt, 1, koers_change_get_parent (change));
      if (koers_db_step (stmt) == KOERS_DB_ROW)
        kr = koers_store_find_key_result (self, koers_db_column_int64 (stmt, 0));
    }

  if (kr == NULL || koers_key_result_get_checkins_loaded (kr))
    return FALSE;

  if (!koers_store_refresh_checkin_summary (self, kr, &error))
    g_debug ("Could not read the check-ins of a key result: %s", error->message);
  koers_store_reload_object (self, G_OBJECT (kr));
  return TRUE;
}

static gboolean
apply_change_cb (KoersChange *change,
                 gpointer     user_data,
                 GError     **error)
{
  KoersStore        *self = user_data;
  const KoersEntity *entity = koers_entity_find (koers_change_get_entity (change));
  g_autoptr (GObject) row = NULL;
  GObject *own;

  self->last_seq = MAX (self->last_seq, koers_change_get_seq (change));
  if (entity == NULL || koers_store_is_own_change (self, koers_change_get_seq (change)))
    return TRUE;

  self->applied_changes++;
  row = read_row (self, entity, koers_change_get_uuid (change));
  if (entity == &koers_entity_checkin && refresh_unread_owner (self, change, row))
    return TRUE;
  own = find_in_model (self, entity, koers_change_get_uuid (change), row);

  if (row == NULL)
    {
      if (own != NULL)
        remove_from_model (self, entity, own);
    }
  else if (own != NULL)
    update_in_model (self, entity, own);
  else
    add_to_model (self, entity, row);

  return TRUE;
}

gboolean
koers_store_catch_up (KoersStore *self,
                      GError    **error)
{
  guint    applied;
  gboolean ok;

  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);

  /* One snapshot for the changes and the rows they name. */
  if (!koers_store_begin_read (self, error))
    return FALSE;

  self->applied_changes = 0;
  /* Escalations are not in the model: counted again when next asked. */
  g_clear_pointer (&self->department_escalations, g_hash_table_unref);
  ok = koers_store_foreach_change (self, self->last_seq, apply_change_cb, self, error);
  applied = self->applied_changes;
  koers_store_end_read (self);

  koers_store_forget_own_changes (self, self->last_seq);
  g_debug ("Applied %u changes of other processes", applied);
  if (applied > 0)
    koers_store_emit_changed (self);
  return ok;
}

static int
query_data_version (KoersStore *self)
{
  g_autoptr (KoersDbStmt) stmt = koers_store_prepare (self, "PRAGMA data_version", NULL);

  if (stmt == NULL || koers_db_step (stmt) != KOERS_DB_ROW)
    return -1;
  return koers_db_column_int (stmt, 0);
}

static gboolean
watch_cb (gpointer user_data)
{
  KoersStore *self = user_data;
  g_autoptr (GError) error = NULL;
  int version;

  /* Not in the middle of one of our own transactions. */
  if (!koers_db_get_autocommit (self->db))
    return G_SOURCE_CONTINUE;

  version = query_data_version (self);
  if (version == self->data_version)
    return G_SOURCE_CONTINUE;

  self->data_version = version;
  g_debug ("Another process wrote %s; catching up from change %" G_GINT64_FORMAT,
           self->path, self->last_seq);
  if (!koers_store_catch_up (self, &error))
    g_debug ("Could not read the changes of another process: %s", error->message);

  return G_SOURCE_CONTINUE;
}

void
koers_store_watch_other_writers (KoersStore *self)
{
  g_return_if_fail (KOERS_IS_STORE (self));

  if (self->watch_id != 0)
    return;
  if (koers_store_is_server (self))
    {
      koers_store_server_listen (self);
      return;
    }

  self->data_version = query_data_version (self);
  self->watch_id = g_timeout_add (WATCH_INTERVAL_MS, watch_cb, self);
}

void
koers_store_stop_watching (KoersStore *self)
{
  g_clear_handle_id (&self->watch_id, g_source_remove);
  koers_store_server_stop_listening (self);
}

/* The query whether ?1 and ?2 are the same value of column (no text and
 * "" alike). */
static const char *
same_sql (const KoersColumn *column)
{
  return column->kind == KOERS_COLUMN_TEXT ? "SELECT coalesce (?1, '') IS coalesce (?2, '')"
                                           : "SELECT ?1 IS ?2";
}

/* Runs a query of same_sql()'s kind, its values bound: are they the same? */
static gboolean
answers_same (KoersDbStmt *stmt)
{
  return koers_db_step (stmt) == KOERS_DB_ROW && koers_db_column_int (stmt, 0) == 1;
}

/* Does the object's value of column equal value (a value of the change
 * log: a link as the uuid it points at; no text and "" alike)? */
static gboolean
same_value (KoersStore        *self,
            const KoersColumn *column,
            GObject           *object,
            KoersDbValue      *value)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  g_autofree char *link_sql = NULL;

  if (column->kind == KOERS_COLUMN_LINK)
    link_sql = g_strdup_printf ("SELECT (SELECT uuid FROM %s WHERE id = ?1) IS ?2",
                                column->link_table);

  stmt = koers_store_prepare (self, link_sql != NULL ? link_sql : same_sql (column), NULL);
  if (stmt == NULL)
    return FALSE;
  koers_entity_bind_column (column, stmt, 1, object);
  koers_db_bind_value (stmt, 2, value);
  return answers_same (stmt);
}

/* Do the two objects hold the same value of column? */
static gboolean
same_in_both (KoersStore        *self,
              const KoersColumn *column,
              GObject           *a,
              GObject           *b)
{
  g_autoptr (KoersDbStmt) stmt = koers_store_prepare (self, same_sql (column), NULL);

  if (stmt == NULL)
    return FALSE;
  koers_entity_bind_column (column, stmt, 1, a);
  koers_entity_bind_column (column, stmt, 2, b);
  return answers_same (stmt);
}

static void
set_conflict_error (const char *author,
                    gint64      at_usec,
                    GError    **error)
{
  g_autoptr (GDateTime) at = g_date_time_new_from_unix_local (at_usec / G_USEC_PER_SEC);
  g_autofree char *iso = g_date_time_format (at, "%Y-%m-%d");
  g_autofree char *date = koers_format_date_iso (koers_format_get_language (), iso);
  g_autofree char *time = g_date_time_format (at, "%H:%M");

  if (author == NULL || author[0] == '\0')
    /* Translators: %1$s is a date ("4 December 2026"), %2$s a time. */
    g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONFLICT,
                 _ ("Someone else changed this on %1$s at %2$s, after you opened it. Your "
                    "change was not saved; their version is shown now. Make your change again "
                    "to keep yours."),
                 date, time);
  else
    /* Translators: %1$s is a person's name, %2$s a date ("4 December 2026"), %3$s a time. */
    g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONFLICT,
                 _ ("%1$s changed this on %2$s at %3$s, after you opened it. Your change was "
                    "not saved; their version is shown now. Make your change again to keep "
                    "yours."),
                 author, date, time);
}

/* No lost update.  A save names what it edited: the model as of the last
 * change it applied.  When another process changed the row since, the
 * fields they changed are looked at one by one: one I did not change takes
 * their value, one we both set alike is fine, and one we both changed
 * differently refuses the save, names who changed it and when, and the
 * model takes their values (catching up), so that a second save is a
 * deliberate "keep mine".  Different fields changed: both are kept. */
gboolean
koers_store_merge_newer (KoersStore *self,
                         GObject    *object,
                         const char *uuid,
                         GError    **error)
{
  const KoersEntity *entity = koers_entity_for_object (object);
  g_autoptr (KoersDbStmt) stmt = NULL;
  /* Column -> its value before the first change by others. */
  g_autoptr (GHashTable) bases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) koers_db_value_free);
  g_autoptr (GObject) theirs = NULL;
  g_autofree char *last_author = NULL;
  gint64           last_at = 0;
  int              rc;

  self->last_save_merged = FALSE;
  stmt = koers_store_prepare (self,
                              "SELECT c.seq, c.author, c.at, f.key, json_extract (f.value, '$[0]')"
                              " FROM changes AS c, json_each (c.fields) AS f"
                              " WHERE c.uuid = ?1 AND c.seq > ?2 ORDER BY c.seq",
                              error);
  if (stmt == NULL)
    return FALSE;
  koers_store_bind_text (stmt, 1, uuid);
  koers_db_bind_int64 (stmt, 2, self->last_seq);

  while ((rc = koers_db_step (stmt)) == KOERS_DB_ROW)
    {
      const char *name = koers_store_column_text (stmt, 3);

      if (koers_store_is_own_change (self, koers_db_column_int64 (stmt, 0)))
        continue;
      g_free (last_author);
      last_author = g_strdup (koers_store_column_text (stmt, 1));
      last_at = koers_db_column_int64 (stmt, 2);
      if (g_hash_table_contains (bases, name))
        continue;
      g_hash_table_insert (bases, g_strdup (name), koers_db_column_dup_value (stmt, 4));
    }
  if (!koers_store_rows_ended (self, rc, error))
    return FALSE;
  if (g_hash_table_size (bases) == 0)
    return TRUE;

  theirs = read_row (self, entity, uuid);
  if (theirs == NULL)
    return TRUE; /* deleted: the save finds no row and says so */

  for (guint i = 0; i < entity->n_columns; i++)
    {
      const KoersColumn *column = &entity->columns[i];
      KoersDbValue      *base = g_hash_table_lookup (bases, column->column);
      GParamSpec        *pspec;
      g_auto (GValue) value = G_VALUE_INIT;

      if (base == NULL)
        continue;

      if (same_value (self, column, object, base))
        {
          /* Not mine to change: theirs stays. */
          pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (theirs), column->property);
          g_value_init (&value, pspec->value_type);
          g_object_get_property (theirs, column->property, &value);
          g_object_set_property (object, column->property, &value);
          self->last_save_merged = TRUE;
          continue;
        }

      if (same_in_both (self, column, object, theirs))
        continue;

      /* Both changed it, differently. */
      set_conflict_error (last_author, last_at, error);
      koers_db_reset (stmt);
      koers_store_catch_up (self, NULL);
      return FALSE;
    }

  return TRUE;
}

gboolean
koers_store_get_last_save_merged (KoersStore *self)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  return self->last_save_merged;
}
