/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-store-import-private.h"

/* A bulk write, after COMMIT: added objects join the lists and indexes,
 * updated ones take the written values, moved key results and check-ins
 * change owner.  Nothing here can fail. */

static void
resort_department (KoersStore      *self,
                   KoersDepartment *dept)
{
  guint position;

  if (!g_list_store_find (self->departments, dept, &position))
    return;

  g_object_ref (dept);
  g_list_store_remove (self->departments, position);
  g_list_store_insert_sorted (self->departments, dept, koers_store_compare_departments, NULL);
  g_object_unref (dept);
}

static void
apply_departments (KoersBatchWrite *w)
{
  GPtrArray *entries = w->batch->entries[KOERS_BATCH_DEPARTMENT];

  for (guint i = 0; i < entries->len; i++)
    {
      KoersBatchEntry *entry = g_ptr_array_index (entries, i);
      KoersDepartment *from = KOERS_DEPARTMENT (entry->object);
      KoersDepartment *dept = entry->existing != NULL ? KOERS_DEPARTMENT (entry->existing) : from;

      g_object_freeze_notify (G_OBJECT (dept));
      koers_department_set_id (dept, entry->id);
      koers_department_set_uuid (dept, entry->uuid);
      koers_department_set_parent_id (dept, entry->owner_id);
      if (dept != from)
        {
          koers_department_set_name (dept, koers_department_get_name (from));
          koers_department_set_emoji (dept, koers_department_get_emoji (from));
          koers_department_set_sort_order (dept, koers_department_get_sort_order (from));
          koers_department_set_created (dept, koers_department_get_created (from));
          koers_department_set_updated (dept, koers_department_get_updated (from));
        }
      g_object_thaw_notify (G_OBJECT (dept));

      if (dept == from)
        {
          koers_store_keep_department (w->store, dept);
        }
      else
        resort_department (w->store, dept);
    }
}

static void
apply_objectives (KoersBatchWrite *w)
{
  GPtrArray *entries = w->batch->entries[KOERS_BATCH_OBJECTIVE];

  for (guint i = 0; i < entries->len; i++)
    {
      KoersBatchEntry *entry = g_ptr_array_index (entries, i);
      KoersObjective *from = KOERS_OBJECTIVE (entry->object);
      KoersObjective *objective =
        entry->existing != NULL ? KOERS_OBJECTIVE (entry->existing) : from;

      g_object_freeze_notify (G_OBJECT (objective));
      koers_objective_set_id (objective, entry->id);
      koers_objective_set_uuid (objective, entry->uuid);
      koers_objective_set_department_id (objective, entry->owner_id);
      koers_objective_set_aligned_to_id (objective, entry->aligned_id);
      koers_objective_set_carried_over_from_id (objective, entry->carried_id);
      if (objective != from)
        {
          koers_objective_set_title (objective, koers_objective_get_title (from));
          koers_objective_set_description (objective, koers_objective_get_description (from));
          koers_objective_set_level (objective, koers_objective_get_level (from));
          koers_objective_set_kind (objective, koers_objective_get_kind (from));
          koers_objective_set_period (objective, koers_objective_get_period (from));
          koers_objective_set_owner (objective, koers_objective_get_owner (from));
          koers_objective_set_state (objective, koers_objective_get_state (from));
          koers_objective_set_position (objective, koers_objective_get_position (from));
          koers_objective_set_created (objective, koers_objective_get_created (from));
          koers_objective_set_updated (objective, koers_objective_get_updated (from));
          koers_objective_set_postmortem (objective, koers_objective_get_postmortem (from));
          koers_objective_set_final_grade (objective, koers_objective_get_final_grade (from));
          koers_objective_set_review_note (objective, koers_objective_get_review_note (from));
        }
      g_object_thaw_notify (G_OBJECT (objective));

      if (objective == from)
        {
          koers_store_keep_objective (w->store, objective);
        }
      else
        koers_store_resort_objective (w->store, objective);
    }
}

static void
copy_key_result (KoersKeyResult *to,
                 KoersKeyResult *from)
{
  koers_store_copy_key_result_content (to, from);
  koers_key_result_set_position (to, koers_key_result_get_position (from));
  koers_key_result_set_created (to, koers_key_result_get_created (from));
  koers_key_result_set_updated (to, koers_key_result_get_updated (from));
  koers_key_result_set_final_score (to, koers_key_result_get_final_score (from));
  koers_key_result_set_final_note (to, koers_key_result_get_final_note (from));
}

static void
apply_key_results (KoersBatchWrite      *w,
                   GHashTable *touched)
{
  GPtrArray *entries = w->batch->entries[KOERS_BATCH_KEY_RESULT];

  for (guint i = 0; i < entries->len; i++)
    {
      KoersBatchEntry *entry = g_ptr_array_index (entries, i);
      KoersKeyResult *from = KOERS_KEY_RESULT (entry->object);
      KoersKeyResult *kr = entry->existing != NULL ? KOERS_KEY_RESULT (entry->existing) : from;
      KoersObjective *objective = koers_store_find_objective (w->store, entry->owner_id);
      KoersObjective *old = entry->existing != NULL
        ? koers_store_get_key_result_objective (w->store, kr) : NULL;

      if (old != NULL && old != objective)
        {
          g_object_ref (kr);
          koers_store_unindex_key_result (w->store, kr);
          koers_objective_remove_key_result (old, kr);
        }

      g_object_freeze_notify (G_OBJECT (kr));
      koers_key_result_set_id (kr, entry->id);
      koers_key_result_set_uuid (kr, entry->uuid);
      koers_key_result_set_objective_id (kr, entry->owner_id);
      if (kr != from)
        copy_key_result (kr, from);
      koers_key_result_set_kpi_id (kr, entry->kpi_id);
      g_object_thaw_notify (G_OBJECT (kr));

      if (old == NULL || old != objective)
        {
          koers_objective_insert_key_result (objective, kr);
          koers_store_index_key_result (w->store, objective, kr);
          if (old != NULL)
            g_object_unref (kr);
        }
      else
        g_hash_table_add (touched, objective);
    }
}

static void
apply_checkins (KoersBatchWrite *w)
{
  GPtrArray *entries = w->batch->entries[KOERS_BATCH_CHECKIN];

  for (guint i = 0; i < entries->len; i++)
    {
      KoersBatchEntry *entry = g_ptr_array_index (entries, i);
      KoersCheckin *from = KOERS_CHECKIN (entry->object);
      KoersCheckin *checkin = entry->existing != NULL ? KOERS_CHECKIN (entry->existing) : from;
      KoersKeyResult *kr = koers_store_find_key_result (w->store, entry->owner_id);
      KoersKeyResult *old = entry->existing != NULL
        ? koers_store_get_checkin_key_result (w->store, checkin) : NULL;

      g_object_ref (checkin);
      if (old != NULL && old != kr)
        {
          koers_store_unindex_checkin (w->store, checkin);
          koers_key_result_remove_checkin (old, checkin);
        }

      g_object_freeze_notify (G_OBJECT (checkin));
      koers_checkin_set_id (checkin, entry->id);
      koers_checkin_set_uuid (checkin, entry->uuid);
      koers_checkin_set_key_result_id (checkin, entry->owner_id);
      if (checkin != from)
        {
          koers_store_copy_checkin_content (checkin, from);
          koers_checkin_set_created (checkin, koers_checkin_get_created (from));
          koers_checkin_set_updated (checkin, koers_checkin_get_updated (from));
        }
      g_object_thaw_notify (G_OBJECT (checkin));

      /* Adds it, or re-sorts it when it is already there. */
      koers_key_result_add_checkin (kr, checkin);
      if (old != kr)
        koers_store_index_checkin (w->store, kr, checkin);
      g_object_unref (checkin);
    }
}

static void
apply_kpis (KoersBatchWrite *w)
{
  GPtrArray *entries = w->batch->entries[KOERS_BATCH_KPI];

  for (guint i = 0; i < entries->len; i++)
    {
      KoersBatchEntry *entry = g_ptr_array_index (entries, i);
      KoersKpi *from = KOERS_KPI (entry->object);
      KoersKpi *kpi = entry->existing != NULL ? KOERS_KPI (entry->existing) : from;

      g_object_freeze_notify (G_OBJECT (kpi));
      koers_kpi_set_id (kpi, entry->id);
      koers_kpi_set_uuid (kpi, entry->uuid);
      koers_kpi_set_department_id (kpi, entry->owner_id);
      if (kpi != from)
        {
          koers_store_copy_kpi_content (kpi, from);
          koers_kpi_set_position (kpi, koers_kpi_get_position (from));
          koers_kpi_set_created (kpi, koers_kpi_get_created (from));
          koers_kpi_set_updated (kpi, koers_kpi_get_updated (from));
        }
      g_object_thaw_notify (G_OBJECT (kpi));

      if (kpi == from)
        {
          koers_store_keep_kpi (w->store, kpi);
        }
      else
        koers_store_resort_kpi (w->store, kpi);
    }
}

static void
apply_kpi_values (KoersBatchWrite *w)
{
  GPtrArray *entries = w->batch->entries[KOERS_BATCH_KPI_VALUE];

  for (guint i = 0; i < entries->len; i++)
    {
      KoersBatchEntry *entry = g_ptr_array_index (entries, i);
      KoersKpiValue *from = KOERS_KPI_VALUE (entry->object);
      KoersKpiValue *value = entry->existing != NULL ? KOERS_KPI_VALUE (entry->existing) : from;
      KoersKpi *kpi = koers_store_find_kpi (w->store, entry->owner_id);
      KoersKpi *old = entry->existing != NULL
        ? koers_store_get_kpi_value_kpi (w->store, value) : NULL;

      g_object_ref (value);
      if (old != NULL && old != kpi)
        {
          koers_store_unindex_kpi_value (w->store, value);
          koers_kpi_remove_value (old, value);
        }

      g_object_freeze_notify (G_OBJECT (value));
      koers_kpi_value_set_id (value, entry->id);
      koers_kpi_value_set_uuid (value, entry->uuid);
      koers_kpi_value_set_kpi_id (value, entry->owner_id);
      if (value != from)
        {
          koers_kpi_value_set_date (value, koers_kpi_value_get_date (from));
          koers_kpi_value_set_value (value, koers_kpi_value_get_value (from));
          koers_kpi_value_set_note (value, koers_kpi_value_get_note (from));
          koers_kpi_value_set_created (value, koers_kpi_value_get_created (from));
          koers_kpi_value_set_updated (value, koers_kpi_value_get_updated (from));
        }
      g_object_thaw_notify (G_OBJECT (value));

      /* Adds it, or re-sorts it when it is already there. */
      koers_kpi_add_value (kpi, value);
      if (old != kpi)
        koers_store_index_kpi_value (w->store, kpi, value);
      g_object_unref (value);
    }
}

static void
apply_synced_values (KoersBatchWrite *w)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, w->synced);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      KoersSyncedValue *synced = value;
      KoersKeyResult *kr = koers_store_find_key_result (w->store, *(gint64 *) key);

      if (kr != NULL && synced->has_current)
        koers_key_result_set_current_value (kr, synced->current_value);
    }
}

static void
apply_dismissals (KoersBatchWrite *w)
{
  GPtrArray *dismissals = w->batch->dismissals;

  for (guint i = 0; i < dismissals->len; i++)
    {
      KoersBatchDismissal *dismissal = g_ptr_array_index (dismissals, i);
      gint64 *at = g_hash_table_lookup (w->store->dismissed, dismissal->key);

      if (at == NULL)
        g_hash_table_insert (w->store->dismissed, g_strdup (dismissal->key),
                             g_memdup2 (&dismissal->dismissed_at, sizeof (gint64)));
      else
        *at = MIN (*at, dismissal->dismissed_at);
    }
}

static void
apply_organisation (KoersBatchWrite *w)
{
  KoersStore *self = w->store;

  if (w->batch->organisation == NULL ||
      g_strcmp0 (self->organisation, w->batch->organisation) == 0)
    return;

  g_free (self->organisation);
  self->organisation = g_strdup (w->batch->organisation);
  g_object_notify (G_OBJECT (self), "organisation");
}

void
koers_store_apply_batch_write (KoersBatchWrite *w)
{
  g_autoptr(GHashTable) touched = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer objective;

  apply_departments (w);
  apply_kpis (w);
  apply_kpi_values (w);
  apply_objectives (w);
  apply_key_results (w, touched);
  apply_checkins (w);
  apply_synced_values (w);
  apply_dismissals (w);
  apply_organisation (w);

  g_hash_table_iter_init (&iter, touched);
  while (g_hash_table_iter_next (&iter, &objective, NULL))
    koers_objective_sort_key_results (objective);
}
