/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/koers-date.h"
#include "koers-store-import.h"
#include "koers-store-import-private.h"

/* The bulk write behind JSON import and templates; what it does to the
 * objects after COMMIT is in koers-store-import-apply.c.  Parents go before
 * children; links between entities of one kind (a department's parent,
 * an objective's alignment) are written in a second pass, once every row
 * of that kind has its id, so the order of the batch does not matter. */

static void
entry_free (KoersBatchEntry *entry)
{
  g_clear_object (&entry->object);
  g_free (entry->uuid);
  g_free (entry->owner_uuid);
  g_free (entry->aligned_uuid);
  g_free (entry->carried_uuid);
  g_free (entry->replaces_uuid);
  g_free (entry->kpi_uuid);
  g_free (entry);
}

static void
dismissal_free (KoersBatchDismissal *dismissal)
{
  g_free (dismissal->key);
  g_free (dismissal);
}

KoersStoreBatch *
koers_store_batch_new (void)
{
  KoersStoreBatch *self = g_new0 (KoersStoreBatch, 1);

  for (guint i = 0; i < KOERS_BATCH_N_KINDS; i++)
    self->entries[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->dismissals = g_ptr_array_new_with_free_func ((GDestroyNotify) dismissal_free);

  return self;
}

void
koers_store_batch_free (KoersStoreBatch *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < KOERS_BATCH_N_KINDS; i++)
    g_ptr_array_unref (self->entries[i]);
  g_ptr_array_unref (self->dismissals);
  g_free (self->organisation);
  g_free (self);
}

gboolean
koers_store_batch_is_empty (KoersStoreBatch *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  for (guint i = 0; i < KOERS_BATCH_N_KINDS; i++)
    if (self->entries[i]->len > 0)
      return FALSE;

  return self->dismissals->len == 0 && self->organisation == NULL;
}

static const char *
object_get_uuid (GObject *object)
{
  if (KOERS_IS_DEPARTMENT (object))
    return koers_department_get_uuid (KOERS_DEPARTMENT (object));
  if (KOERS_IS_OBJECTIVE (object))
    return koers_objective_get_uuid (KOERS_OBJECTIVE (object));
  if (KOERS_IS_KEY_RESULT (object))
    return koers_key_result_get_uuid (KOERS_KEY_RESULT (object));
  if (KOERS_IS_KPI (object))
    return koers_kpi_get_uuid (KOERS_KPI (object));
  if (KOERS_IS_KPI_VALUE (object))
    return koers_kpi_value_get_uuid (KOERS_KPI_VALUE (object));
  return koers_checkin_get_uuid (KOERS_CHECKIN (object));
}

static gint64
object_get_id (GObject *object)
{
  if (KOERS_IS_DEPARTMENT (object))
    return koers_department_get_id (KOERS_DEPARTMENT (object));
  if (KOERS_IS_OBJECTIVE (object))
    return koers_objective_get_id (KOERS_OBJECTIVE (object));
  if (KOERS_IS_KEY_RESULT (object))
    return koers_key_result_get_id (KOERS_KEY_RESULT (object));
  if (KOERS_IS_KPI (object))
    return koers_kpi_get_id (KOERS_KPI (object));
  if (KOERS_IS_KPI_VALUE (object))
    return koers_kpi_value_get_id (KOERS_KPI_VALUE (object));
  return koers_checkin_get_id (KOERS_CHECKIN (object));
}

static char *
dup_nonempty (const char *str)
{
  return str != NULL && str[0] != '\0' ? g_strdup (str) : NULL;
}

static KoersBatchEntry *
add_entry (KoersStoreBatch *self,
           KoersBatchKind             kind,
           gpointer         object,
           const char      *owner_uuid)
{
  KoersBatchEntry *entry = g_new0 (KoersBatchEntry, 1);

  entry->kind = kind;
  entry->object = g_object_ref (object);
  entry->uuid = dup_nonempty (object_get_uuid (entry->object));
  if (entry->uuid == NULL)
    entry->uuid = koers_uuid_new ();
  entry->owner_uuid = dup_nonempty (owner_uuid);
  g_ptr_array_add (self->entries[kind], entry);
  return entry;
}

void
koers_store_batch_put_department (KoersStoreBatch *self,
                                  KoersDepartment *dept,
                                  const char      *parent_uuid,
                                  const char      *replaces_uuid)
{
  KoersBatchEntry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (KOERS_IS_DEPARTMENT (dept));

  entry = add_entry (self, KOERS_BATCH_DEPARTMENT, dept, parent_uuid);
  entry->replaces_uuid = dup_nonempty (replaces_uuid);
}

void
koers_store_batch_put_objective (KoersStoreBatch *self,
                                 KoersObjective  *objective,
                                 const char      *department_uuid,
                                 const char      *aligned_to_uuid,
                                 const char      *carried_over_from_uuid)
{
  KoersBatchEntry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (KOERS_IS_OBJECTIVE (objective));
  g_return_if_fail (g_list_model_get_n_items (koers_objective_get_key_results (objective)) == 0);

  entry = add_entry (self, KOERS_BATCH_OBJECTIVE, objective, department_uuid);
  entry->aligned_uuid = dup_nonempty (aligned_to_uuid);
  entry->carried_uuid = dup_nonempty (carried_over_from_uuid);
}

void
koers_store_batch_put_key_result_with_kpi (KoersStoreBatch *self,
                                           KoersKeyResult  *kr,
                                           const char      *objective_uuid,
                                           const char      *kpi_uuid)
{
  KoersBatchEntry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (KOERS_IS_KEY_RESULT (kr));
  g_return_if_fail (g_list_model_get_n_items (koers_key_result_get_checkins (kr)) == 0);

  entry = add_entry (self, KOERS_BATCH_KEY_RESULT, kr, objective_uuid);
  entry->kpi_uuid = dup_nonempty (kpi_uuid);
}

void
koers_store_batch_put_key_result (KoersStoreBatch *self,
                                  KoersKeyResult  *kr,
                                  const char      *objective_uuid)
{
  koers_store_batch_put_key_result_with_kpi (self, kr, objective_uuid, NULL);
}

void
koers_store_batch_put_kpi (KoersStoreBatch *self,
                           KoersKpi        *kpi,
                           const char      *department_uuid)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (KOERS_IS_KPI (kpi));
  g_return_if_fail (g_list_model_get_n_items (koers_kpi_get_values (kpi)) == 0);

  add_entry (self, KOERS_BATCH_KPI, kpi, department_uuid);
}

void
koers_store_batch_put_kpi_value (KoersStoreBatch *self,
                                 KoersKpiValue   *value,
                                 const char      *kpi_uuid)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (KOERS_IS_KPI_VALUE (value));

  add_entry (self, KOERS_BATCH_KPI_VALUE, value, kpi_uuid);
}

void
koers_store_batch_put_checkin (KoersStoreBatch *self,
                               KoersCheckin    *checkin,
                               const char      *key_result_uuid)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (KOERS_IS_CHECKIN (checkin));

  add_entry (self, KOERS_BATCH_CHECKIN, checkin, key_result_uuid);
}

void
koers_store_batch_put_dismissed_finding (KoersStoreBatch *self,
                                         const char      *key,
                                         gint64           dismissed_at)
{
  KoersBatchDismissal *dismissal;

  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL && key[0] != '\0');

  dismissal = g_new0 (KoersBatchDismissal, 1);
  dismissal->key = g_strdup (key);
  dismissal->dismissed_at = dismissed_at;
  g_ptr_array_add (self->dismissals, dismissal);
}

void
koers_store_batch_set_organisation (KoersStoreBatch *self,
                                    const char      *name)
{
  g_return_if_fail (self != NULL);

  g_free (self->organisation);
  self->organisation = g_strdup (name);
}

static void
index_stored (KoersBatchWrite *w)
{
  GListModel *depts = koers_store_get_departments (w->store);
  GListModel *objectives = koers_store_get_objectives (w->store);
  GListModel *kpis = koers_store_get_kpis (w->store);

  for (guint i = 0; i < KOERS_BATCH_N_KINDS; i++)
    {
      w->stored[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      w->batched[i] = g_hash_table_new (g_str_hash, g_str_equal);
    }
  w->synced = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; i < g_list_model_get_n_items (depts); i++)
    {
      KoersDepartment *dept = g_list_model_get_item (depts, i);

      g_hash_table_insert (w->stored[KOERS_BATCH_DEPARTMENT],
                           g_strdup (koers_department_get_uuid (dept)), dept);
    }

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      KoersObjective *objective = g_list_model_get_item (objectives, i);
      GListModel *krs = koers_objective_get_key_results (objective);

      g_hash_table_insert (w->stored[KOERS_BATCH_OBJECTIVE],
                           g_strdup (koers_objective_get_uuid (objective)), objective);

      for (guint j = 0; j < g_list_model_get_n_items (krs); j++)
        {
          KoersKeyResult *kr = g_list_model_get_item (krs, j);
          GListModel *checkins = koers_key_result_get_checkins (kr);

          g_hash_table_insert (w->stored[KOERS_BATCH_KEY_RESULT],
                               g_strdup (koers_key_result_get_uuid (kr)), kr);

          for (guint k = 0; k < g_list_model_get_n_items (checkins); k++)
            {
              KoersCheckin *checkin = g_list_model_get_item (checkins, k);

              g_hash_table_insert (w->stored[KOERS_BATCH_CHECKIN],
                                   g_strdup (koers_checkin_get_uuid (checkin)), checkin);
            }
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      KoersKpi *kpi = g_list_model_get_item (kpis, i);
      GListModel *values = koers_kpi_get_values (kpi);

      g_hash_table_insert (w->stored[KOERS_BATCH_KPI], g_strdup (koers_kpi_get_uuid (kpi)), kpi);

      for (guint j = 0; j < g_list_model_get_n_items (values); j++)
        {
          KoersKpiValue *value = g_list_model_get_item (values, j);

          g_hash_table_insert (w->stored[KOERS_BATCH_KPI_VALUE],
                               g_strdup (koers_kpi_value_get_uuid (value)), value);
        }
    }
}

static void
write_clear (KoersBatchWrite *w)
{
  for (guint i = 0; i < KOERS_BATCH_N_KINDS; i++)
    {
      g_clear_pointer (&w->stored[i], g_hash_table_unref);
      g_clear_pointer (&w->batched[i], g_hash_table_unref);
    }
  g_clear_pointer (&w->synced, g_hash_table_unref);
}

static gboolean
set_constraint_error (GError     **error,
                      const char  *uuid)
{
  g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
               _("The import refers to “%s”, which is neither in the import nor in the "
                 "database, or holds it twice"),
               uuid);
  return FALSE;
}

/* Finds what each entry updates, and refuses what the database could not
 * hold: a uuid twice, a second company. */
static gboolean
match_entries (KoersBatchWrite   *w,
               GError **error)
{
  for (guint kind = 0; kind < KOERS_BATCH_N_KINDS; kind++)
    {
      GPtrArray *entries = w->batch->entries[kind];

      for (guint i = 0; i < entries->len; i++)
        {
          KoersBatchEntry *entry = g_ptr_array_index (entries, i);

          if (!g_hash_table_insert (w->batched[kind], entry->uuid, entry))
            return set_constraint_error (error, entry->uuid);

          entry->existing = g_hash_table_lookup (w->stored[kind], entry->uuid);
          if (entry->existing == NULL && entry->replaces_uuid != NULL)
            entry->existing = g_hash_table_lookup (w->stored[kind], entry->replaces_uuid);
          entry->id = entry->existing != NULL ? object_get_id (entry->existing) : 0;

          if (kind == KOERS_BATCH_DEPARTMENT)
            {
              gboolean company = koers_department_get_is_company (KOERS_DEPARTMENT (entry->object));
              gboolean was_company = entry->existing != NULL &&
                koers_department_get_is_company (KOERS_DEPARTMENT (entry->existing));

              if (company != was_company)
                {
                  g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                                       _("There is only one company level"));
                  return FALSE;
                }
            }
        }
    }

  /* A department that takes another's uuid must not leave that uuid to a
   * second row. */
  for (guint i = 0; i < w->batch->entries[KOERS_BATCH_DEPARTMENT]->len; i++)
    {
      KoersBatchEntry *entry = g_ptr_array_index (w->batch->entries[KOERS_BATCH_DEPARTMENT], i);
      GObject *holder = g_hash_table_lookup (w->stored[KOERS_BATCH_DEPARTMENT], entry->uuid);

      if (holder != NULL && holder != entry->existing)
        return set_constraint_error (error, entry->uuid);
    }

  return TRUE;
}

/* uuid -> row id, from the batch (already written) or the database. */
static gboolean
resolve (KoersBatchWrite       *w,
         KoersBatchKind         kind,
         const char  *uuid,
         gint64      *out,
         GError     **error)
{
  KoersBatchEntry *entry;
  GObject *stored;

  *out = 0;
  if (uuid == NULL)
    return TRUE;

  entry = g_hash_table_lookup (w->batched[kind], uuid);
  if (entry != NULL && entry->id != 0)
    {
      *out = entry->id;
      return TRUE;
    }

  stored = g_hash_table_lookup (w->stored[kind], uuid);
  if (stored != NULL)
    {
      *out = object_get_id (stored);
      return TRUE;
    }

  return set_constraint_error (error, uuid);
}

static KoersRow *
new_row (KoersBatchEntry *entry)
{
  KoersRow *row = koers_row_new_from_object (entry->object);

  row->id = 0;
  g_free (row->uuid);
  row->uuid = g_strdup (entry->uuid);
  row->owner_id = entry->owner_id;
  row->aligned_to_id = 0;
  row->carried_over_from_id = 0;
  row->kpi_id = entry->kpi_id;
  return row;
}

static gboolean
insert_entry (KoersBatchWrite   *w,
              KoersBatchEntry   *entry,
              GError **error)
{
  g_autoptr(KoersRow) row = new_row (entry);

  if (!koers_store_insert_row (w->store, row, error))
    return FALSE;

  entry->id = row->id;
  return TRUE;
}

static gboolean
update_department (KoersBatchWrite   *w,
                   KoersBatchEntry   *entry,
                   GError **error)
{
  KoersDepartment *dept = KOERS_DEPARTMENT (entry->object);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = koers_store_prepare (w->store,
                              "UPDATE departments SET uuid = ?1, name = ?2, emoji = ?3,"
                              " sort_order = ?4, parent_id = NULL, created = ?5, updated = ?6"
                              " WHERE id = ?7",
                              error);
  if (stmt == NULL)
    return FALSE;

  koers_store_bind_text (stmt, 1, entry->uuid);
  koers_store_bind_text (stmt, 2, koers_department_get_name (dept));
  koers_store_bind_text (stmt, 3, koers_department_get_emoji (dept));
  sqlite3_bind_int (stmt, 4, koers_department_get_sort_order (dept));
  sqlite3_bind_int64 (stmt, 5, koers_department_get_created (dept));
  sqlite3_bind_int64 (stmt, 6, koers_department_get_updated (dept));
  sqlite3_bind_int64 (stmt, 7, entry->id);
  return koers_store_step_done (w->store, stmt, error);
}

static gboolean
update_objective (KoersBatchWrite   *w,
                  KoersBatchEntry   *entry,
                  GError **error)
{
  KoersObjective *objective = KOERS_OBJECTIVE (entry->object);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = koers_store_prepare (w->store,
                              "UPDATE objectives SET uuid = ?1, department_id = ?2, title = ?3,"
                              " description = ?4, level = ?5, kind = ?6, period = ?7, owner = ?8,"
                              " aligned_to_id = NULL, state = ?9, carried_over_from_id = NULL,"
                              " position = ?10, created = ?11, updated = ?12, postmortem = ?14,"
                              " final_grade = ?15, review_note = ?16 WHERE id = ?13",
                              error);
  if (stmt == NULL)
    return FALSE;

  koers_store_bind_text (stmt, 1, entry->uuid);
  sqlite3_bind_int64 (stmt, 2, entry->owner_id);
  koers_store_bind_text (stmt, 3, koers_objective_get_title (objective));
  koers_store_bind_text (stmt, 4, koers_objective_get_description (objective));
  koers_store_bind_text (stmt, 5, koers_level_to_string (koers_objective_get_level (objective)));
  koers_store_bind_text (stmt, 6,
                         koers_objective_kind_to_string (koers_objective_get_kind (objective)));
  koers_store_bind_text (stmt, 7, koers_objective_get_period (objective));
  koers_store_bind_text (stmt, 8, koers_objective_get_owner (objective));
  koers_store_bind_text (stmt, 9,
                         koers_objective_state_to_string (koers_objective_get_state (objective)));
  sqlite3_bind_int (stmt, 10, koers_objective_get_position (objective));
  sqlite3_bind_int64 (stmt, 11, koers_objective_get_created (objective));
  sqlite3_bind_int64 (stmt, 12, koers_objective_get_updated (objective));
  sqlite3_bind_int64 (stmt, 13, entry->id);
  koers_store_bind_text (stmt, 14, koers_objective_get_postmortem (objective));
  koers_store_bind_grade (stmt, 15, koers_objective_get_final_grade (objective));
  koers_store_bind_text (stmt, 16, koers_objective_get_review_note (objective));
  return koers_store_step_done (w->store, stmt, error);
}

static gboolean
update_key_result (KoersBatchWrite   *w,
                   KoersBatchEntry   *entry,
                   GError **error)
{
  KoersKeyResult *kr = KOERS_KEY_RESULT (entry->object);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = koers_store_prepare (w->store,
                              "UPDATE key_results SET uuid = ?1, objective_id = ?2, title = ?3,"
                              " metric_kind = ?4, unit = ?5, start_value = ?6, target_value = ?7,"
                              " current_value = ?8, due_date = ?9, owner = ?10, weight = ?11,"
                              " uses_personal_data = ?12, personal_data_note = ?13,"
                              " position = ?14, created = ?15, updated = ?16, final_score = ?18,"
                              " final_note = ?19, kpi_id = ?20 WHERE id = ?17",
                              error);
  if (stmt == NULL)
    return FALSE;

  koers_store_bind_text (stmt, 1, entry->uuid);
  sqlite3_bind_int64 (stmt, 2, entry->owner_id);
  koers_store_bind_text (stmt, 3, koers_key_result_get_title (kr));
  koers_store_bind_text (stmt, 4,
                         koers_metric_kind_to_string (koers_key_result_get_metric_kind (kr)));
  koers_store_bind_text (stmt, 5, koers_key_result_get_unit (kr));
  sqlite3_bind_double (stmt, 6, koers_key_result_get_start_value (kr));
  sqlite3_bind_double (stmt, 7, koers_key_result_get_target_value (kr));
  sqlite3_bind_double (stmt, 8, koers_key_result_get_current_value (kr));
  koers_store_bind_text (stmt, 9, koers_key_result_get_due_date (kr));
  koers_store_bind_text (stmt, 10, koers_key_result_get_owner (kr));
  sqlite3_bind_double (stmt, 11, koers_key_result_get_weight (kr));
  sqlite3_bind_int (stmt, 12, koers_key_result_get_uses_personal_data (kr) ? 1 : 0);
  koers_store_bind_text (stmt, 13, koers_key_result_get_personal_data_note (kr));
  sqlite3_bind_int (stmt, 14, koers_key_result_get_position (kr));
  sqlite3_bind_int64 (stmt, 15, koers_key_result_get_created (kr));
  sqlite3_bind_int64 (stmt, 16, koers_key_result_get_updated (kr));
  sqlite3_bind_int64 (stmt, 17, entry->id);
  koers_store_bind_grade (stmt, 18, koers_key_result_get_final_score (kr));
  koers_store_bind_text (stmt, 19, koers_key_result_get_final_note (kr));
  koers_store_bind_link (stmt, 20, entry->kpi_id);
  return koers_store_step_done (w->store, stmt, error);
}

static gboolean
update_checkin (KoersBatchWrite   *w,
                KoersBatchEntry   *entry,
                GError **error)
{
  KoersCheckin *checkin = KOERS_CHECKIN (entry->object);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = koers_store_prepare (w->store,
                              "UPDATE checkins SET uuid = ?1, key_result_id = ?2, date = ?3,"
                              " value = ?4, status = ?5, note = ?6, author = ?7, created = ?8,"
                              " updated = ?9 WHERE id = ?10",
                              error);
  if (stmt == NULL)
    return FALSE;

  koers_store_bind_text (stmt, 1, entry->uuid);
  sqlite3_bind_int64 (stmt, 2, entry->owner_id);
  koers_store_bind_text (stmt, 3, koers_checkin_get_date (checkin));
  sqlite3_bind_double (stmt, 4, koers_checkin_get_value (checkin));
  koers_store_bind_text (stmt, 5,
                         koers_checkin_status_to_string (koers_checkin_get_status (checkin)));
  koers_store_bind_text (stmt, 6, koers_checkin_get_note (checkin));
  koers_store_bind_text (stmt, 7, koers_checkin_get_author (checkin));
  sqlite3_bind_int64 (stmt, 8, koers_checkin_get_created (checkin));
  sqlite3_bind_int64 (stmt, 9, koers_checkin_get_updated (checkin));
  sqlite3_bind_int64 (stmt, 10, entry->id);
  return koers_store_step_done (w->store, stmt, error);
}

static gboolean
update_kpi (KoersBatchWrite  *w,
            KoersBatchEntry  *entry,
            GError          **error)
{
  KoersKpi *kpi = KOERS_KPI (entry->object);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = koers_store_prepare (w->store,
                              "UPDATE kpis SET uuid = ?1, department_id = ?2, name = ?3, unit = ?4,"
                              " metric_kind = ?5, direction = ?6, healthy = ?7, attention = ?8,"
                              " frequency = ?9, position = ?10, created = ?11, updated = ?12"
                              " WHERE id = ?13",
                              error);
  if (stmt == NULL)
    return FALSE;

  koers_store_bind_text (stmt, 1, entry->uuid);
  sqlite3_bind_int64 (stmt, 2, entry->owner_id);
  koers_store_bind_text (stmt, 3, koers_kpi_get_name (kpi));
  koers_store_bind_text (stmt, 4, koers_kpi_get_unit (kpi));
  koers_store_bind_text (stmt, 5, koers_metric_kind_to_string (koers_kpi_get_metric_kind (kpi)));
  koers_store_bind_text (stmt, 6, koers_kpi_direction_to_string (koers_kpi_get_direction (kpi)));
  sqlite3_bind_double (stmt, 7, koers_kpi_get_healthy (kpi));
  sqlite3_bind_double (stmt, 8, koers_kpi_get_attention (kpi));
  koers_store_bind_text (stmt, 9, koers_kpi_frequency_to_string (koers_kpi_get_frequency (kpi)));
  sqlite3_bind_int (stmt, 10, koers_kpi_get_position (kpi));
  sqlite3_bind_int64 (stmt, 11, koers_kpi_get_created (kpi));
  sqlite3_bind_int64 (stmt, 12, koers_kpi_get_updated (kpi));
  sqlite3_bind_int64 (stmt, 13, entry->id);
  return koers_store_step_done (w->store, stmt, error);
}

static gboolean
update_kpi_value (KoersBatchWrite  *w,
                  KoersBatchEntry  *entry,
                  GError          **error)
{
  KoersKpiValue *value = KOERS_KPI_VALUE (entry->object);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = koers_store_prepare (w->store,
                              "UPDATE kpi_values SET uuid = ?1, kpi_id = ?2, date = ?3, value = ?4,"
                              " note = ?5, created = ?6, updated = ?7 WHERE id = ?8",
                              error);
  if (stmt == NULL)
    return FALSE;

  koers_store_bind_text (stmt, 1, entry->uuid);
  sqlite3_bind_int64 (stmt, 2, entry->owner_id);
  koers_store_bind_text (stmt, 3, koers_kpi_value_get_date (value));
  sqlite3_bind_double (stmt, 4, koers_kpi_value_get_value (value));
  koers_store_bind_text (stmt, 5, koers_kpi_value_get_note (value));
  sqlite3_bind_int64 (stmt, 6, koers_kpi_value_get_created (value));
  sqlite3_bind_int64 (stmt, 7, koers_kpi_value_get_updated (value));
  sqlite3_bind_int64 (stmt, 8, entry->id);
  return koers_store_step_done (w->store, stmt, error);
}

typedef gboolean (*UpdateFunc) (KoersBatchWrite *w, KoersBatchEntry *entry, GError **error);

static const KoersBatchKind owner_kinds[KOERS_BATCH_N_KINDS] = {
  [KOERS_BATCH_DEPARTMENT] = KOERS_BATCH_N_KINDS,   /* the parent: second pass */
  [KOERS_BATCH_OBJECTIVE] = KOERS_BATCH_DEPARTMENT,
  [KOERS_BATCH_KEY_RESULT] = KOERS_BATCH_OBJECTIVE,
  [KOERS_BATCH_CHECKIN] = KOERS_BATCH_KEY_RESULT,
  [KOERS_BATCH_KPI] = KOERS_BATCH_DEPARTMENT,
  [KOERS_BATCH_KPI_VALUE] = KOERS_BATCH_KPI,
};

static const UpdateFunc update_funcs[KOERS_BATCH_N_KINDS] = {
  update_department, update_objective, update_key_result, update_checkin, update_kpi,
  update_kpi_value,
};

static gboolean
write_kind (KoersBatchWrite   *w,
            KoersBatchKind     kind,
            GError **error)
{
  GPtrArray *entries = w->batch->entries[kind];

  for (guint i = 0; i < entries->len; i++)
    {
      KoersBatchEntry *entry = g_ptr_array_index (entries, i);

      if (owner_kinds[kind] != KOERS_BATCH_N_KINDS)
        {
          if (!resolve (w, owner_kinds[kind], entry->owner_uuid, &entry->owner_id, error))
            return FALSE;
          if (entry->owner_id == 0)
            return set_constraint_error (error, entry->uuid);
        }

      if (kind == KOERS_BATCH_KEY_RESULT &&
          !resolve (w, KOERS_BATCH_KPI, entry->kpi_uuid, &entry->kpi_id, error))
        return FALSE;

      if (entry->existing != NULL
          ? !update_funcs[kind] (w, entry, error)
          : !insert_entry (w, entry, error))
        return FALSE;
    }

  return TRUE;
}

/* Department parents and objective links, once every row has its id. */
static gboolean
write_links (KoersBatchWrite   *w,
             GError **error)
{
  GPtrArray *depts = w->batch->entries[KOERS_BATCH_DEPARTMENT];
  GPtrArray *objectives = w->batch->entries[KOERS_BATCH_OBJECTIVE];

  for (guint i = 0; i < depts->len; i++)
    {
      KoersBatchEntry *entry = g_ptr_array_index (depts, i);
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (!resolve (w, KOERS_BATCH_DEPARTMENT, entry->owner_uuid, &entry->owner_id, error))
        return FALSE;
      if (entry->owner_id == 0)
        continue;

      stmt = koers_store_prepare (w->store, "UPDATE departments SET parent_id = ?1 WHERE id = ?2",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, entry->owner_id);
      sqlite3_bind_int64 (stmt, 2, entry->id);
      if (!koers_store_step_done (w->store, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < objectives->len; i++)
    {
      KoersBatchEntry *entry = g_ptr_array_index (objectives, i);
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (!resolve (w, KOERS_BATCH_OBJECTIVE, entry->aligned_uuid, &entry->aligned_id, error) ||
          !resolve (w, KOERS_BATCH_OBJECTIVE, entry->carried_uuid, &entry->carried_id, error))
        return FALSE;
      if (entry->aligned_id == 0 && entry->carried_id == 0)
        continue;

      stmt = koers_store_prepare (w->store,
                                  "UPDATE objectives SET aligned_to_id = ?1,"
                                  " carried_over_from_id = ?2 WHERE id = ?3",
                                  error);
      if (stmt == NULL)
        return FALSE;
      koers_store_bind_link (stmt, 1, entry->aligned_id);
      koers_store_bind_link (stmt, 2, entry->carried_id);
      sqlite3_bind_int64 (stmt, 3, entry->id);
      if (!koers_store_step_done (w->store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
sync_one (KoersBatchWrite   *w,
          gint64   kr_id,
          GError **error)
{
  KoersSyncedValue value = { FALSE, 0 };

  if (kr_id == 0 || g_hash_table_contains (w->synced, &kr_id))
    return TRUE;

  if (!koers_store_sync_current_value (w->store, kr_id, &value.has_current,
                                       &value.current_value, error))
    return FALSE;

  g_hash_table_insert (w->synced, g_memdup2 (&kr_id, sizeof kr_id),
                       g_memdup2 (&value, sizeof value));
  return TRUE;
}

/* Every key result that was written or gained or lost a check-in. */
static gboolean
sync_current_values (KoersBatchWrite   *w,
                     GError **error)
{
  GPtrArray *krs = w->batch->entries[KOERS_BATCH_KEY_RESULT];
  GPtrArray *checkins = w->batch->entries[KOERS_BATCH_CHECKIN];

  for (guint i = 0; i < krs->len; i++)
    {
      KoersBatchEntry *entry = g_ptr_array_index (krs, i);

      if (!sync_one (w, entry->id, error))
        return FALSE;
    }

  for (guint i = 0; i < checkins->len; i++)
    {
      KoersBatchEntry *entry = g_ptr_array_index (checkins, i);

      if (!sync_one (w, entry->owner_id, error))
        return FALSE;
      if (entry->existing != NULL &&
          !sync_one (w, koers_checkin_get_key_result_id (KOERS_CHECKIN (entry->existing)), error))
        return FALSE;
    }

  return TRUE;
}

/* A union: a key both have keeps the earlier time, as dismissing twice
 * does. */
static gboolean
write_dismissals (KoersBatchWrite  *w,
                  GError          **error)
{
  GPtrArray *dismissals = w->batch->dismissals;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (dismissals->len == 0)
    return TRUE;

  stmt = koers_store_prepare (w->store,
                              "INSERT INTO dismissed_findings (key, dismissed_at) VALUES (?1, ?2)"
                              " ON CONFLICT (key) DO UPDATE"
                              " SET dismissed_at = min(dismissed_at, excluded.dismissed_at)",
                              error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < dismissals->len; i++)
    {
      KoersBatchDismissal *dismissal = g_ptr_array_index (dismissals, i);

      sqlite3_reset (stmt);
      koers_store_bind_text (stmt, 1, dismissal->key);
      sqlite3_bind_int64 (stmt, 2, dismissal->dismissed_at);
      if (!koers_store_step_done (w->store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_organisation (KoersBatchWrite   *w,
                    GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (w->batch->organisation == NULL)
    return TRUE;

  stmt = koers_store_prepare (w->store,
                              "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                              " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  if (stmt == NULL)
    return FALSE;

  koers_store_bind_text (stmt, 1, KOERS_STORE_SETTING_ORGANISATION);
  koers_store_bind_text (stmt, 2, w->batch->organisation);
  return koers_store_step_done (w->store, stmt, error);
}

gboolean
koers_store_write_batch (KoersStore       *store,
                         KoersStoreBatch  *batch,
                         GError          **error)
{
  KoersBatchWrite w = { store, batch, { NULL }, { NULL }, NULL };
  gboolean ok = FALSE;

  g_return_val_if_fail (KOERS_IS_STORE (store), FALSE);
  g_return_val_if_fail (batch != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (koers_store_batch_is_empty (batch))
    return TRUE;

  index_stored (&w);

  if (!match_entries (&w, error) || !koers_store_begin (store, error))
    goto out;

  /* KPIs before key results, which may point at them. */
  if (!write_kind (&w, KOERS_BATCH_DEPARTMENT, error) ||
      !write_kind (&w, KOERS_BATCH_KPI, error) ||
      !write_kind (&w, KOERS_BATCH_KPI_VALUE, error) ||
      !write_kind (&w, KOERS_BATCH_OBJECTIVE, error) ||
      !write_links (&w, error) ||
      !write_kind (&w, KOERS_BATCH_KEY_RESULT, error) ||
      !write_kind (&w, KOERS_BATCH_CHECKIN, error) ||
      !sync_current_values (&w, error) ||
      !write_dismissals (&w, error) ||
      !write_organisation (&w, error) ||
      !koers_store_commit (store, error))
    {
      koers_store_rollback (store);
      goto out;
    }

  koers_store_apply_batch_write (&w);

  koers_store_emit_changed (store);
  ok = TRUE;

out:
  write_clear (&w);
  return ok;
}
