/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/koers-date.h"
#include "koers-store-columns.h"
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

static const KoersEntity *
kind_entity (KoersBatchKind kind)
{
  switch (kind)
    {
    case KOERS_BATCH_DEPARTMENT:
      return &koers_entity_department;
    case KOERS_BATCH_OBJECTIVE:
      return &koers_entity_objective;
    case KOERS_BATCH_KEY_RESULT:
      return &koers_entity_key_result;
    case KOERS_BATCH_CHECKIN:
      return &koers_entity_checkin;
    case KOERS_BATCH_KPI:
      return &koers_entity_kpi;
    case KOERS_BATCH_KPI_VALUE:
      return &koers_entity_kpi_value;
    case KOERS_BATCH_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Every entity has an "id" and a "uuid"; the column tables name its
 * owner link. */
static gint64
object_get_id (GObject *object)
{
  gint64 id = 0;

  g_object_get (object, "id", &id, NULL);
  return id;
}

static char *
dup_nonempty (const char *str)
{
  return str != NULL && str[0] != '\0' ? g_strdup (str) : NULL;
}

/* What an object of the batch may not hold yet: its key results, check-ins
 * or values are entries of their own. */
static guint
count_children (KoersBatchKind kind,
                gpointer       object)
{
  GListModel *children = NULL;

  if (kind == KOERS_BATCH_OBJECTIVE)
    children = koers_objective_get_key_results (object);
  else if (kind == KOERS_BATCH_KEY_RESULT)
    children = koers_key_result_get_checkins (object);
  else if (kind == KOERS_BATCH_KPI)
    children = koers_kpi_get_values (object);

  return children != NULL ? g_list_model_get_n_items (children) : 0;
}

static KoersBatchEntry *
add_entry (KoersStoreBatch *self,
           KoersBatchKind   kind,
           gpointer         object,
           const char      *owner_uuid)
{
  KoersBatchEntry *entry;
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (object, kind_entity (kind)->get_type ()), NULL);
  g_return_val_if_fail (count_children (kind, object) == 0, NULL);

  g_object_get (object, "uuid", &uuid, NULL);
  entry = g_new0 (KoersBatchEntry, 1);
  entry->kind = kind;
  entry->object = g_object_ref (object);
  entry->uuid = dup_nonempty (uuid);
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
  KoersBatchEntry *entry = add_entry (self, KOERS_BATCH_DEPARTMENT, dept, parent_uuid);

  if (entry != NULL)
    entry->replaces_uuid = dup_nonempty (replaces_uuid);
}

void
koers_store_batch_put_objective (KoersStoreBatch *self,
                                 KoersObjective  *objective,
                                 const char      *department_uuid,
                                 const char      *aligned_to_uuid,
                                 const char      *carried_over_from_uuid)
{
  KoersBatchEntry *entry = add_entry (self, KOERS_BATCH_OBJECTIVE, objective, department_uuid);

  if (entry == NULL)
    return;
  entry->aligned_uuid = dup_nonempty (aligned_to_uuid);
  entry->carried_uuid = dup_nonempty (carried_over_from_uuid);
}

void
koers_store_batch_put_key_result_with_kpi (KoersStoreBatch *self,
                                           KoersKeyResult  *kr,
                                           const char      *objective_uuid,
                                           const char      *kpi_uuid)
{
  KoersBatchEntry *entry = add_entry (self, KOERS_BATCH_KEY_RESULT, kr, objective_uuid);

  if (entry != NULL)
    entry->kpi_uuid = dup_nonempty (kpi_uuid);
}

void
koers_store_batch_put (KoersStoreBatch *self,
                       KoersBatchKind   kind,
                       gpointer         object,
                       const char      *owner_uuid)
{
  add_entry (self, kind, object, owner_uuid);
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
koers_store_batch_set_last_row (KoersStoreBatch *self,
                                KoersBatchKind   kind,
                                gint64           row_id)
{
  KoersBatchEntry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (kind < KOERS_BATCH_N_KINDS);
  g_return_if_fail (self->entries[kind]->len > 0);

  entry = g_ptr_array_index (self->entries[kind], self->entries[kind]->len - 1);
  entry->row_id = row_id;
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

  /* Only a batch that writes them needs the objectives of the model. */
  if (w->batch->entries[KOERS_BATCH_OBJECTIVE]->len == 0 &&
      w->batch->entries[KOERS_BATCH_KEY_RESULT]->len == 0 &&
      w->batch->entries[KOERS_BATCH_CHECKIN]->len == 0)
    objectives = NULL;

  for (guint i = 0; objectives != NULL && i < g_list_model_get_n_items (objectives); i++)
    {
      KoersObjective *objective = g_list_model_get_item (objectives, i);
      GListModel     *krs = koers_objective_get_key_results (objective);

      g_hash_table_insert (w->stored[KOERS_BATCH_OBJECTIVE],
                           g_strdup (koers_objective_get_uuid (objective)), objective);

      for (guint j = 0; j < g_list_model_get_n_items (krs); j++)
        {
          KoersKeyResult *kr = g_list_model_get_item (krs, j);
          GListModel     *checkins = koers_key_result_get_checkins (kr);

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
      KoersKpi   *kpi = g_list_model_get_item (kpis, i);
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
set_constraint_error (GError    **error,
                      const char *uuid)
{
  g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
               _ ("The import refers to “%s”, which is neither in the import nor in the "
                  "database, or holds it twice"),
               uuid);
  return FALSE;
}

static GObject *
find_model_object (KoersStore    *store,
                   KoersBatchKind kind,
                   gint64         id)
{
  switch (kind)
    {
    case KOERS_BATCH_DEPARTMENT:
      return (GObject *) koers_store_find_department (store, id);
    case KOERS_BATCH_OBJECTIVE:
      return (GObject *) koers_store_find_objective (store, id);
    case KOERS_BATCH_KEY_RESULT:
      return (GObject *) koers_store_find_key_result (store, id);
    case KOERS_BATCH_CHECKIN:
      return (GObject *) koers_store_find_checkin (store, id);
    case KOERS_BATCH_KPI:
      return (GObject *) koers_store_find_kpi (store, id);
    case KOERS_BATCH_KPI_VALUE:
      return (GObject *) koers_store_find_kpi_value (store, id);
    case KOERS_BATCH_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *const kind_tables[KOERS_BATCH_N_KINDS] = {
  "departments",
  "objectives",
  "key_results",
  "checkins",
  "kpis",
  "kpi_values",
};

/* The row id with uuid in the database (not only the model): 0 for none. */
static gboolean
find_row_id (KoersStore    *store,
             KoersBatchKind kind,
             const char    *uuid,
             gint64        *id,
             GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?1 COLLATE NOCASE",
                                          kind_tables[kind]);
  g_autoptr (KoersDbStmt) stmt = koers_store_prepare (store, sql, error);
  int rc;

  *id = 0;
  if (stmt == NULL)
    return FALSE;

  koers_store_bind_text (stmt, 1, uuid);
  rc = koers_db_step (stmt);
  if (rc == KOERS_DB_ROW)
    *id = koers_db_column_int64 (stmt, 0);
  else if (!koers_store_rows_ended (store, rc, error))
    return FALSE;
  return TRUE;
}

/* Finds what each entry updates, and refuses what the database could not
 * hold: a uuid twice, a second company. */
static gboolean
match_entries (KoersBatchWrite *w,
               GError         **error)
{
  for (guint kind = 0; kind < KOERS_BATCH_N_KINDS; kind++)
    {
      GPtrArray *entries = w->batch->entries[kind];

      for (guint i = 0; i < entries->len; i++)
        {
          KoersBatchEntry *entry = g_ptr_array_index (entries, i);

          if (!g_hash_table_insert (w->batched[kind], entry->uuid, entry))
            return set_constraint_error (error, entry->uuid);

          if (entry->row_id != 0)
            {
              /* The row the plan found; the model may not hold it. */
              entry->id = entry->row_id;
              entry->existing = find_model_object (w->store, kind, entry->row_id);
            }
          else
            {
              entry->existing = g_hash_table_lookup (w->stored[kind], entry->uuid);
              if (entry->existing == NULL && entry->replaces_uuid != NULL)
                entry->existing = g_hash_table_lookup (w->stored[kind], entry->replaces_uuid);
              entry->id = entry->existing != NULL ? object_get_id (entry->existing) : 0;
            }

          if (kind == KOERS_BATCH_DEPARTMENT && (entry->row_id == 0 || entry->existing != NULL))
            {
              gboolean company = koers_department_get_is_company (KOERS_DEPARTMENT (entry->object));
              gboolean was_company = entry->existing != NULL &&
                                     koers_department_get_is_company (KOERS_DEPARTMENT (entry->existing));

              if (company != was_company)
                {
                  g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                                       _ ("There is only one company level"));
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
      GObject         *holder = g_hash_table_lookup (w->stored[KOERS_BATCH_DEPARTMENT], entry->uuid);

      if (holder != NULL && holder != entry->existing)
        return set_constraint_error (error, entry->uuid);
    }

  return TRUE;
}

/* uuid -> row id, from the batch (already written) or the database. */
static gboolean
resolve (KoersBatchWrite *w,
         KoersBatchKind   kind,
         const char      *uuid,
         gint64          *out,
         GError         **error)
{
  KoersBatchEntry *entry;
  GObject         *stored;

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

  /* In the database, if not in the model (a store that loads by period). */
  if (!find_row_id (w->store, kind, uuid, out, error))
    return FALSE;
  if (*out != 0)
    return TRUE;

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
insert_entry (KoersBatchWrite *w,
              KoersBatchEntry *entry,
              GError         **error)
{
  g_autoptr (KoersRow) row = new_row (entry);

  if (!koers_store_insert_row (w->store, row, error))
    return FALSE;

  entry->id = row->id;
  return TRUE;
}

/* The file's row over the stored one, uuid and creation time included;
 * the links are written once every row has its id (write_links). */
static gboolean
update_entry (KoersBatchWrite *w,
              KoersBatchEntry *entry,
              GError         **error)
{
  g_autoptr (KoersRow) row = new_row (entry);

  row->id = entry->id;
  return koers_store_update_row (w->store, row, KOERS_UPDATE_WHOLE, error);
}

static const KoersBatchKind owner_kinds[KOERS_BATCH_N_KINDS] = {
  [KOERS_BATCH_DEPARTMENT] = KOERS_BATCH_N_KINDS, /* the parent: second pass */
  [KOERS_BATCH_OBJECTIVE] = KOERS_BATCH_DEPARTMENT,
  [KOERS_BATCH_KEY_RESULT] = KOERS_BATCH_OBJECTIVE,
  [KOERS_BATCH_CHECKIN] = KOERS_BATCH_KEY_RESULT,
  [KOERS_BATCH_KPI] = KOERS_BATCH_DEPARTMENT,
  [KOERS_BATCH_KPI_VALUE] = KOERS_BATCH_KPI,
};

static gboolean
write_kind (KoersBatchWrite *w,
            KoersBatchKind   kind,
            GError         **error)
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

      if (entry->id != 0
            ? !update_entry (w, entry, error)
            : !insert_entry (w, entry, error))
        return FALSE;
    }

  return TRUE;
}

/* Department parents and objective links, once every row has its id. */
static gboolean
write_links (KoersBatchWrite *w,
             GError         **error)
{
  GPtrArray *depts = w->batch->entries[KOERS_BATCH_DEPARTMENT];
  GPtrArray *objectives = w->batch->entries[KOERS_BATCH_OBJECTIVE];

  for (guint i = 0; i < depts->len; i++)
    {
      KoersBatchEntry *entry = g_ptr_array_index (depts, i);
      g_autoptr (KoersDbStmt) stmt = NULL;

      if (!resolve (w, KOERS_BATCH_DEPARTMENT, entry->owner_uuid, &entry->owner_id, error))
        return FALSE;
      if (entry->owner_id == 0)
        continue;

      stmt = koers_store_prepare (w->store, "UPDATE departments SET parent_id = ?1 WHERE id = ?2",
                                  error);
      if (stmt == NULL)
        return FALSE;
      koers_db_bind_int64 (stmt, 1, entry->owner_id);
      koers_db_bind_int64 (stmt, 2, entry->id);
      if (!koers_store_step_done (w->store, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < objectives->len; i++)
    {
      KoersBatchEntry *entry = g_ptr_array_index (objectives, i);
      g_autoptr (KoersDbStmt) stmt = NULL;

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
      koers_db_bind_int64 (stmt, 3, entry->id);
      if (!koers_store_step_done (w->store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
sync_one (KoersBatchWrite *w,
          gint64           kr_id,
          GError         **error)
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
sync_current_values (KoersBatchWrite *w,
                     GError         **error)
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
write_dismissals (KoersBatchWrite *w,
                  GError         **error)
{
  GPtrArray *dismissals = w->batch->dismissals;
  g_autoptr (KoersDbStmt) stmt = NULL;

  if (dismissals->len == 0)
    return TRUE;

  stmt = koers_store_prepare (w->store,
                              "INSERT INTO dismissed_findings (key, dismissed_at) VALUES (?1, ?2)"
                              " ON CONFLICT (key) DO UPDATE"
                              " SET dismissed_at = min(dismissed_findings.dismissed_at, excluded.dismissed_at)",
                              error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < dismissals->len; i++)
    {
      KoersBatchDismissal *dismissal = g_ptr_array_index (dismissals, i);

      koers_db_reset (stmt);
      koers_store_bind_text (stmt, 1, dismissal->key);
      koers_db_bind_int64 (stmt, 2, dismissal->dismissed_at);
      if (!koers_store_step_done (w->store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_organisation (KoersBatchWrite *w,
                    GError         **error)
{
  if (w->batch->organisation == NULL)
    return TRUE;

  return koers_store_write_setting (w->store, KOERS_STORE_SETTING_ORGANISATION,
                                    w->batch->organisation, error);
}

/* Every row of the batch, inside the caller's transaction. */
static gboolean
write_rows (KoersBatchWrite *w,
            GError         **error)
{
  /* KPIs before key results, which may point at them. */
  return write_kind (w, KOERS_BATCH_DEPARTMENT, error) &&
         write_kind (w, KOERS_BATCH_KPI, error) &&
         write_kind (w, KOERS_BATCH_KPI_VALUE, error) &&
         write_kind (w, KOERS_BATCH_OBJECTIVE, error) &&
         write_links (w, error) &&
         write_kind (w, KOERS_BATCH_KEY_RESULT, error) &&
         write_kind (w, KOERS_BATCH_CHECKIN, error) &&
         sync_current_values (w, error) &&
         write_dismissals (w, error) &&
         write_organisation (w, error);
}

gboolean
koers_store_write_batch (KoersStore      *store,
                         KoersStoreBatch *batch,
                         GError         **error)
{
  KoersBatchWrite w = { store, batch, { NULL }, { NULL }, NULL };
  gboolean        ok = FALSE;

  g_return_val_if_fail (KOERS_IS_STORE (store), FALSE);
  g_return_val_if_fail (batch != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (koers_store_batch_is_empty (batch))
    return TRUE;

  index_stored (&w);

  if (!match_entries (&w, error) || !koers_store_begin (store, error))
    goto out;

  if (!write_rows (&w, error) || !koers_store_commit (store, error))
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

/* Reads for exports of any size. */

gboolean
koers_store_begin_snapshot (KoersStore *store,
                            GError    **error)
{
  g_return_val_if_fail (KOERS_IS_STORE (store), FALSE);

  return koers_store_begin_read (store, error);
}

void
koers_store_end_snapshot (KoersStore *store)
{
  g_return_if_fail (KOERS_IS_STORE (store));

  koers_store_end_read (store);
}

static void
objective_ref_clear (KoersObjectiveRef *ref)
{
  g_clear_pointer (&ref->uuid, g_free);
  g_clear_pointer (&ref->period, g_free);
}

GArray *
koers_store_list_objective_refs (KoersStore *store,
                                 GError    **error)
{
  g_autoptr (GArray) refs = g_array_new (FALSE, TRUE, sizeof (KoersObjectiveRef));
  g_autoptr (KoersDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);

  g_array_set_clear_func (refs, (GDestroyNotify) objective_ref_clear);
  stmt = koers_store_prepare (store,
                              "SELECT id, department_id, aligned_to_id, carried_over_from_id,"
                              " uuid, period FROM objectives ORDER BY id",
                              error);
  if (stmt == NULL)
    return NULL;

  while ((rc = koers_db_step (stmt)) == KOERS_DB_ROW)
    {
      KoersObjectiveRef ref;

      ref.id = koers_db_column_int64 (stmt, 0);
      ref.department_id = koers_db_column_int64 (stmt, 1);
      ref.aligned_to_id = koers_db_column_int64 (stmt, 2);
      ref.carried_over_from_id = koers_db_column_int64 (stmt, 3);
      ref.uuid = g_strdup (koers_store_column_text (stmt, 4));
      ref.period = g_strdup (koers_store_column_text (stmt, 5));
      g_array_append_val (refs, ref);
    }

  return koers_store_rows_ended (store, rc, error) ? g_steal_pointer (&refs) : NULL;
}

GArray *
koers_store_list_key_result_kpis (KoersStore *store,
                                  GError    **error)
{
  g_autoptr (GArray) pairs = g_array_new (FALSE, TRUE, sizeof (KoersKeyResultKpi));
  g_autoptr (KoersDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);

  stmt = koers_store_prepare (store,
                              "SELECT objective_id, kpi_id FROM key_results"
                              " WHERE kpi_id IS NOT NULL ORDER BY objective_id, kpi_id",
                              error);
  if (stmt == NULL)
    return NULL;

  while ((rc = koers_db_step (stmt)) == KOERS_DB_ROW)
    {
      KoersKeyResultKpi pair = { koers_db_column_int64 (stmt, 0), koers_db_column_int64 (stmt, 1) };

      g_array_append_val (pairs, pair);
    }

  return koers_store_rows_ended (store, rc, error) ? g_steal_pointer (&pairs) : NULL;
}

/* An import of any size: lookups, then streamed writes, in one
 * transaction. */

enum
{
  STMT_FIND_DEPARTMENT,
  STMT_FIND_OBJECTIVE,
  STMT_FIND_KEY_RESULT,
  STMT_FIND_CHECKIN,
  STMT_FIND_KPI,
  STMT_FIND_KPI_VALUE,
  STMT_FIND_DISMISSAL,
  STMT_HAS_CHANGE,
  STMT_INSERT_OBJECTIVE,
  STMT_UPDATE_OBJECTIVE,
  STMT_LINK_OBJECTIVE,
  STMT_INSERT_KEY_RESULT,
  STMT_UPDATE_KEY_RESULT,
  STMT_INSERT_CHECKIN,
  STMT_UPDATE_CHECKIN,
  STMT_INSERT_CHANGE,
  STMT_SYNC_SELECT,
  STMT_SYNC_UPDATE,
  N_STMTS
};

/* The page cache of an import's write transaction, in KiB. */
#define IMPORT_CACHE_KIB (32 * 1024)

struct _KoersStoreImport
{
  int             cache_size; /* the connection's own, to put back */
  gboolean        cache_set;
  KoersStore     *store;
  gboolean        write;
  gboolean        open; /* the transaction (or snapshot) is running */
  KoersDbStmt    *stmts[N_STMTS];
  KoersBatchWrite w; /* the batch written, for the model after COMMIT */
  gboolean        has_batch;
  gboolean        wrote;       /* something was written */
  GHashTable     *objectives;  /* ids of objectives written or touched */
  GHashTable     *key_results; /* ids of key results to sync (written, or a check-in moved) */
};

/* The link columns each kind's lookup adds, as uuids. */
static const char *const find_links[KOERS_BATCH_N_KINDS] = {
  [KOERS_BATCH_DEPARTMENT] =
    ", (SELECT uuid FROM departments WHERE id = t.parent_id)",
  /* Parenthesised: one element made of several literals (clang warns otherwise). */
  [KOERS_BATCH_OBJECTIVE] =
    (", (SELECT uuid FROM departments WHERE id = t.department_id)"
     ", (SELECT uuid FROM objectives WHERE id = t.aligned_to_id)"
     ", (SELECT uuid FROM objectives WHERE id = t.carried_over_from_id)"),
  [KOERS_BATCH_KEY_RESULT] =
    (", (SELECT uuid FROM objectives WHERE id = t.objective_id)"
     ", (SELECT uuid FROM kpis WHERE id = t.kpi_id)"),
  [KOERS_BATCH_CHECKIN] =
    ", (SELECT uuid FROM key_results WHERE id = t.key_result_id)",
  [KOERS_BATCH_KPI] =
    ", (SELECT uuid FROM departments WHERE id = t.department_id)",
  [KOERS_BATCH_KPI_VALUE] =
    ", (SELECT uuid FROM kpis WHERE id = t.kpi_id)",
};

static char *
find_sql (KoersBatchKind kind,
          const char    *where)
{
  return g_strdup_printf ("SELECT %s%s FROM %s AS t %s", koers_entity_get_select_list (kind_entity (kind)),
                          find_links[kind], kind_tables[kind], where);
}

/* A statement of the import, prepared once; reset for its next use. */
static KoersDbStmt *
import_stmt (KoersStoreImport *self,
             int               which,
             const char       *sql,
             GError          **error)
{
  KoersDbStmt *stmt = self->stmts[which];

  if (stmt != NULL)
    {
      koers_db_reset (stmt);
      koers_db_clear_bindings (stmt);
      return stmt;
    }

  stmt = koers_store_prepare (self->store, sql, error);
  self->stmts[which] = stmt;
  return stmt;
}

static gboolean
import_step_failed (KoersStoreImport *self,
                    KoersDbStmt      *stmt,
                    int               rc,
                    GError          **error)
{
  if (rc == KOERS_DB_ROW || rc == KOERS_DB_DONE)
    return FALSE;
  koers_store_set_db_error (self->store, rc, error);
  koers_db_reset (stmt);
  return TRUE;
}

static gboolean
read_cache_size (KoersStore *store,
                 int        *size,
                 GError    **error)
{
  g_autoptr (KoersDbStmt) stmt = koers_store_prepare (store, "PRAGMA cache_size", error);

  if (stmt == NULL)
    return FALSE;
  if (koers_db_step (stmt) != KOERS_DB_ROW)
    {
      koers_store_set_db_error (store, koers_db_errcode (store->db), error);
      return FALSE;
    }
  *size = koers_db_column_int (stmt, 0);
  return TRUE;
}

KoersStoreImport *
koers_store_import_begin (KoersStore *store,
                          gboolean    write,
                          GError    **error)
{
  g_autoptr (KoersStoreImport) self = NULL;

  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (KoersStoreImport, 1);
  self->store = g_object_ref (store);
  self->write = write;
  self->w.store = store;
  self->objectives = koers_store_new_id_set ();
  self->key_results = koers_store_new_id_set ();

  /* A large write goes through more pages than SQLite's usual cache holds;
   * a bigger one for the import's own transaction saves writing pages out
   * and reading them back (three times faster for a company's backup). */
  if (write)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = -%d", IMPORT_CACHE_KIB);

      if (!read_cache_size (store, &self->cache_size, error) ||
          !koers_store_exec (store, pragma, error))
        return NULL;
      self->cache_set = TRUE;
    }

  if (write ? !koers_store_begin (store, error) : !koers_store_begin_read (store, error))
    return NULL;
  self->open = TRUE;

  return g_steal_pointer (&self);
}

KoersStore *
koers_store_import_get_store (KoersStoreImport *self)
{
  g_return_val_if_fail (self != NULL && self->open, NULL);
  return self->store;
}

void
koers_store_import_mark_written (KoersStoreImport *self)
{
  g_return_if_fail (self != NULL && self->open && self->write);
  self->wrote = TRUE;
}

void
koers_store_import_free (KoersStoreImport *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], koers_db_finalize);

  if (self->open)
    {
      if (self->write)
        koers_store_rollback (self->store);
      else
        koers_store_end_read (self->store);
    }

  if (self->cache_set)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = %d", self->cache_size);

      koers_store_exec (self->store, pragma, NULL);
    }

  write_clear (&self->w);
  g_clear_pointer (&self->objectives, g_hash_table_unref);
  g_clear_pointer (&self->key_results, g_hash_table_unref);
  g_clear_object (&self->store);
  g_free (self);
}

void
koers_stored_row_free (KoersStoredRow *row)
{
  if (row == NULL)
    return;

  g_clear_object (&row->object);
  g_free (row->owner_uuid);
  g_free (row->aligned_uuid);
  g_free (row->carried_uuid);
  g_free (row->kpi_uuid);
  g_free (row);
}

static gint64
object_get_owner_id (GObject *object)
{
  const KoersEntity *entity = koers_entity_for_object (object);
  gint64             id = 0;

  for (guint i = 0; i < entity->n_columns; i++)
    if (entity->columns[i].flags & KOERS_COLUMN_PARENT)
      g_object_get (object, entity->columns[i].property, &id, NULL);
  return id;
}

static char *
dup_column (KoersDbStmt *stmt,
            int          column)
{
  const char *text = koers_db_column_text (stmt, column);

  return text != NULL ? g_ascii_strdown (text, -1) : NULL;
}

static KoersStoredRow *
read_stored_row (KoersBatchKind kind,
                 KoersDbStmt   *stmt)
{
  const KoersEntity *entity = kind_entity (kind);
  KoersStoredRow    *row = g_new0 (KoersStoredRow, 1);
  int                links = (int) entity->n_columns;

  row->object = koers_entity_new_object (entity);
  koers_entity_read_row (entity, stmt, 0, row->object);
  row->id = object_get_id (row->object);
  row->owner_id = object_get_owner_id (row->object);
  row->owner_uuid = dup_column (stmt, links);

  if (kind == KOERS_BATCH_OBJECTIVE)
    {
      row->aligned_uuid = dup_column (stmt, links + 1);
      row->carried_uuid = dup_column (stmt, links + 2);
    }
  else if (kind == KOERS_BATCH_KEY_RESULT)
    row->kpi_uuid = dup_column (stmt, links + 1);

  return row;
}

KoersStoredRow *
koers_store_import_find (KoersStoreImport *self,
                         KoersBatchKind    kind,
                         const char       *uuid,
                         GError          **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *lower = NULL;
  KoersDbStmt     *stmt;
  KoersStoredRow  *row;
  int              rc;

  g_return_val_if_fail (self != NULL && self->open, NULL);
  g_return_val_if_fail (kind < KOERS_BATCH_N_KINDS, NULL);

  if (uuid == NULL)
    return NULL;

  if (self->stmts[STMT_FIND_DEPARTMENT + kind] == NULL)
    sql = find_sql (kind, "WHERE uuid = ?1");
  stmt = import_stmt (self, STMT_FIND_DEPARTMENT + kind, sql, error);
  if (stmt == NULL)
    return NULL;

  /* Koers writes uuids in lower case. */
  lower = g_ascii_strdown (uuid, -1);
  koers_store_bind_text (stmt, 1, lower);
  rc = koers_db_step (stmt);
  if (rc != KOERS_DB_ROW)
    {
      import_step_failed (self, stmt, rc, error);
      return NULL;
    }

  row = read_stored_row (kind, stmt);
  koers_db_reset (stmt);
  return row;
}

GPtrArray *
koers_store_import_list_departments (KoersStoreImport *self,
                                     GError          **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) koers_stored_row_free);
  g_autofree char *sql = find_sql (KOERS_BATCH_DEPARTMENT, "ORDER BY is_company DESC, sort_order, id");
  g_autoptr (KoersDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (self != NULL && self->open, NULL);

  stmt = koers_store_prepare (self->store, sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = koers_db_step (stmt)) == KOERS_DB_ROW)
    g_ptr_array_add (rows, read_stored_row (KOERS_BATCH_DEPARTMENT, stmt));

  return koers_store_rows_ended (self->store, rc, error) ? g_steal_pointer (&rows) : NULL;
}

gboolean
koers_store_import_find_dismissal (KoersStoreImport *self,
                                   const char       *key,
                                   gboolean         *found,
                                   gint64           *dismissed_at,
                                   GError          **error)
{
  KoersDbStmt *stmt;
  int          rc;

  g_return_val_if_fail (self != NULL && self->open, FALSE);

  *found = FALSE;
  stmt = import_stmt (self, STMT_FIND_DISMISSAL,
                      "SELECT dismissed_at FROM dismissed_findings WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;

  koers_store_bind_text (stmt, 1, key);
  rc = koers_db_step (stmt);
  if (import_step_failed (self, stmt, rc, error))
    return FALSE;
  if (rc == KOERS_DB_ROW)
    {
      *found = TRUE;
      *dismissed_at = koers_db_column_int64 (stmt, 0);
    }
  koers_db_reset (stmt);
  return TRUE;
}

char *
koers_store_import_get_organisation (KoersStoreImport *self,
                                     GError          **error)
{
  g_return_val_if_fail (self != NULL && self->open, NULL);

  return koers_store_read_setting (self->store, KOERS_STORE_SETTING_ORGANISATION, error);
}

gboolean
koers_store_import_has_change (KoersStoreImport *self,
                               const char       *key,
                               gboolean         *has,
                               GError          **error)
{
  KoersDbStmt *stmt;
  int          rc;

  g_return_val_if_fail (self != NULL && self->open, FALSE);

  *has = FALSE;
  stmt = import_stmt (self, STMT_HAS_CHANGE, "SELECT 1 FROM changes WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;

  koers_store_bind_text (stmt, 1, key);
  rc = koers_db_step (stmt);
  if (import_step_failed (self, stmt, rc, error))
    return FALSE;
  *has = rc == KOERS_DB_ROW;
  koers_db_reset (stmt);
  return TRUE;
}

gboolean
koers_store_import_write_batch (KoersStoreImport *self,
                                KoersStoreBatch  *batch,
                                GError          **error)
{
  g_return_val_if_fail (self != NULL && self->open && self->write, FALSE);
  g_return_val_if_fail (!self->has_batch, FALSE);

  self->w.batch = batch;
  self->has_batch = TRUE;
  if (!koers_store_batch_is_empty (batch))
    self->wrote = TRUE;
  index_stored (&self->w);

  return match_entries (&self->w, error) && write_rows (&self->w, error);
}

gboolean
koers_store_import_find_id (KoersStoreImport *self,
                            KoersBatchKind    kind,
                            const char       *uuid,
                            gint64           *id,
                            GError          **error)
{
  KoersBatchEntry *entry;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (self != NULL && self->open, FALSE);

  *id = 0;
  if (uuid == NULL)
    return TRUE;

  lower = g_ascii_strdown (uuid, -1);
  entry = self->has_batch ? g_hash_table_lookup (self->w.batched[kind], lower) : NULL;
  if (entry != NULL && entry->id != 0)
    {
      *id = entry->id;
      return TRUE;
    }

  return find_row_id (self->store, kind, lower, id, error);
}

static gboolean
import_step_done (KoersStoreImport *self,
                  KoersDbStmt      *stmt,
                  GError          **error)
{
  int      rc = koers_db_step (stmt);
  gboolean ok = !import_step_failed (self, stmt, rc, error);

  if (ok)
    koers_db_reset (stmt);
  return ok;
}

/* Writes object as the row row_id, or as a new row (row_id 0: SQLite
 * picks the id): every column of the entity's table, with the owner and
 * KPI ids given; an objective's links come after every row has its id.
 * The statements are prepared once for the whole file. */
static gboolean
put_row (KoersStoreImport *self,
         int               insert,
         int               update,
         GObject          *object,
         gint64            row_id,
         gint64            owner_id,
         gint64            kpi_id,
         gint64           *id,
         GError          **error)
{
  const KoersEntity *entity = koers_entity_for_object (object);
  g_autoptr (KoersRow) row = koers_row_new_from_object (object);
  KoersDbStmt *stmt;

  stmt = row_id != 0
           ? import_stmt (self, update, koers_entity_get_update_sql (entity, KOERS_UPDATE_WHOLE),
                          error)
           : import_stmt (self, insert, koers_entity_get_insert_sql (entity), error);
  if (stmt == NULL)
    return FALSE;

  row->id = row_id;
  row->owner_id = owner_id;
  row->aligned_to_id = 0;
  row->carried_over_from_id = 0;
  row->kpi_id = kpi_id;
  koers_store_bind_row (row, stmt, row_id == 0, KOERS_UPDATE_WHOLE);
  if (!import_step_done (self, stmt, error))
    return FALSE;
  self->wrote = TRUE;

  *id = row_id != 0 ? row_id : koers_db_last_insert_id (self->store->db);
  return TRUE;
}

gboolean
koers_store_import_put_objective (KoersStoreImport *self,
                                  KoersObjective   *objective,
                                  gint64            row_id,
                                  gint64            department_id,
                                  gint64           *id,
                                  GError          **error)
{
  g_return_val_if_fail (self != NULL && self->open && self->write, FALSE);
  g_return_val_if_fail (KOERS_IS_OBJECTIVE (objective), FALSE);

  if (!put_row (self, STMT_INSERT_OBJECTIVE, STMT_UPDATE_OBJECTIVE,
                G_OBJECT (objective), row_id, department_id, 0, id, error))
    return FALSE;
  koers_store_add_to_id_set (self->objectives, *id);
  return TRUE;
}

gboolean
koers_store_import_link_objective (KoersStoreImport *self,
                                   gint64            id,
                                   gint64            aligned_to_id,
                                   gint64            carried_over_from_id,
                                   GError          **error)
{
  KoersDbStmt *stmt;

  g_return_val_if_fail (self != NULL && self->open && self->write, FALSE);

  stmt = import_stmt (self, STMT_LINK_OBJECTIVE,
                      "UPDATE objectives SET aligned_to_id = ?2, carried_over_from_id = ?3"
                      " WHERE id = ?1",
                      error);
  if (stmt == NULL)
    return FALSE;

  koers_db_bind_int64 (stmt, 1, id);
  koers_store_bind_link (stmt, 2, aligned_to_id);
  koers_store_bind_link (stmt, 3, carried_over_from_id);
  return import_step_done (self, stmt, error);
}

gboolean
koers_store_import_put_key_result (KoersStoreImport *self,
                                   KoersKeyResult   *kr,
                                   gint64            row_id,
                                   gint64            objective_id,
                                   gint64            kpi_id,
                                   gint64            old_objective_id,
                                   gint64           *id,
                                   GError          **error)
{
  g_return_val_if_fail (self != NULL && self->open && self->write, FALSE);
  g_return_val_if_fail (KOERS_IS_KEY_RESULT (kr), FALSE);

  if (!put_row (self, STMT_INSERT_KEY_RESULT, STMT_UPDATE_KEY_RESULT,
                G_OBJECT (kr), row_id, objective_id, kpi_id, id, error))
    return FALSE;
  koers_store_add_to_id_set (self->key_results, *id);
  koers_store_add_to_id_set (self->objectives, objective_id);
  if (old_objective_id != 0)
    koers_store_add_to_id_set (self->objectives, old_objective_id);
  return TRUE;
}

gboolean
koers_store_import_put_checkin (KoersStoreImport *self,
                                KoersCheckin     *checkin,
                                gint64            row_id,
                                gint64            key_result_id,
                                gint64            old_key_result_id,
                                gint64           *id,
                                GError          **error)
{
  g_return_val_if_fail (self != NULL && self->open && self->write, FALSE);
  g_return_val_if_fail (KOERS_IS_CHECKIN (checkin), FALSE);

  if (!put_row (self, STMT_INSERT_CHECKIN, STMT_UPDATE_CHECKIN,
                G_OBJECT (checkin), row_id, key_result_id, 0, id, error))
    return FALSE;
  koers_store_add_to_id_set (self->key_results, key_result_id);
  if (old_key_result_id != 0)
    koers_store_add_to_id_set (self->key_results, old_key_result_id);
  return TRUE;
}

gboolean
koers_store_import_put_change (KoersStoreImport         *self,
                               const KoersStoreLogEntry *entry,
                               gboolean                 *added,
                               GError                  **error)
{
  KoersDbStmt *stmt;

  g_return_val_if_fail (self != NULL && self->open && self->write, FALSE);

  *added = FALSE;
  stmt = import_stmt (self, STMT_INSERT_CHANGE,
                      "INSERT OR IGNORE INTO changes (key, at, author, entity, uuid, parent, op,"
                      " fields) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                      error);
  if (stmt == NULL)
    return FALSE;

  koers_store_bind_text (stmt, 1, entry->key);
  koers_db_bind_int64 (stmt, 2, entry->at);
  koers_store_bind_text (stmt, 3, entry->author != NULL ? entry->author : "");
  koers_store_bind_text (stmt, 4, entry->entity);
  koers_store_bind_text (stmt, 5, entry->uuid);
  koers_store_bind_text (stmt, 6, entry->parent);
  koers_store_bind_text (stmt, 7, entry->op);
  koers_store_bind_text (stmt, 8, entry->fields != NULL ? entry->fields : "{}");

  if (!import_step_done (self, stmt, error))
    return FALSE;

  *added = koers_db_changes (self->store->db) > 0;
  if (*added)
    self->wrote = TRUE;
  return TRUE;
}

/* Every key result whose check-ins changed takes its latest one's value. */
static gboolean
sync_key_results (KoersStoreImport *self,
                  GError          **error)
{
  GHashTableIter iter;
  gpointer       key;

  g_hash_table_iter_init (&iter, self->key_results);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      KoersDbStmt *select;
      KoersDbStmt *update;
      gint64       id = *(gint64 *) key;
      int          rc;

      /* The same order as koers_checkin_compare_newest_first(). */
      select = import_stmt (self, STMT_SYNC_SELECT,
                            "SELECT value FROM checkins WHERE key_result_id = ?1"
                            " ORDER BY date DESC, created DESC, id DESC LIMIT 1",
                            error);
      if (select == NULL)
        return FALSE;
      koers_db_bind_int64 (select, 1, id);
      rc = koers_db_step (select);
      if (import_step_failed (self, select, rc, error))
        return FALSE;
      if (rc == KOERS_DB_DONE)
        continue;

      update = import_stmt (self, STMT_SYNC_UPDATE,
                            "UPDATE key_results SET current_value = ?1 WHERE id = ?2"
                            " AND current_value IS NOT ?1",
                            error);
      if (update == NULL)
        return FALSE;
      koers_db_bind_double (update, 1, koers_db_column_double (select, 0));
      koers_db_bind_int64 (update, 2, id);
      if (!import_step_done (self, update, error))
        return FALSE;
    }

  return TRUE;
}

/* The objectives of the key results whose check-ins moved. */
static gboolean
collect_touched_objectives (KoersStoreImport *self,
                            GError          **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  GHashTableIter iter;
  gpointer       key;

  stmt = koers_store_prepare (self->store, "SELECT objective_id FROM key_results WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, self->key_results);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int rc;

      koers_db_reset (stmt);
      koers_db_bind_int64 (stmt, 1, *(gint64 *) key);
      rc = koers_db_step (stmt);
      if (rc == KOERS_DB_ROW)
        koers_store_add_to_id_set (self->objectives, koers_db_column_int64 (stmt, 0));
      else if (!koers_store_rows_ended (self->store, rc, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
koers_store_import_commit (KoersStoreImport *self,
                           GError          **error)
{
  g_return_val_if_fail (self != NULL && self->open && self->write, FALSE);

  if (!sync_key_results (self, error) || !collect_touched_objectives (self, error))
    return FALSE;

  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], koers_db_finalize);

  if (!koers_store_commit (self->store, error))
    {
      /* koers_store_commit() rolled back. */
      self->open = FALSE;
      return FALSE;
    }
  self->open = FALSE;

  if (self->has_batch)
    koers_store_apply_batch_write (&self->w);
  koers_store_refresh_objectives (self->store, self->objectives);

  if (self->wrote)
    koers_store_emit_changed (self->store);
  return TRUE;
}

gboolean
koers_store_foreach_change_row (KoersStore             *store,
                                gint64                  after_seq,
                                KoersStoreChangeRowFunc func,
                                gpointer                user_data,
                                GError                **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  gboolean ok = TRUE;
  int      rc = KOERS_DB_DONE;

  g_return_val_if_fail (KOERS_IS_STORE (store), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!koers_store_begin_read (store, error))
    return FALSE;

  stmt = koers_store_prepare (store,
                              "SELECT seq, key, at, author, entity, uuid, parent, op, fields"
                              " FROM changes WHERE seq > ?1 ORDER BY seq",
                              error);
  if (stmt == NULL)
    {
      koers_store_end_read (store);
      return FALSE;
    }
  koers_db_bind_int64 (stmt, 1, after_seq);

  while (ok && (rc = koers_db_step (stmt)) == KOERS_DB_ROW)
    {
      KoersChangeRow row;

      row.seq = koers_db_column_int64 (stmt, 0);
      row.key = koers_store_column_text (stmt, 1);
      row.at = koers_db_column_int64 (stmt, 2);
      row.author = koers_store_column_text (stmt, 3);
      row.entity = koers_store_column_text (stmt, 4);
      row.uuid = koers_store_column_text (stmt, 5);
      row.parent = koers_db_column_text (stmt, 6);
      row.op = koers_store_column_text (stmt, 7);
      row.fields = koers_store_column_text (stmt, 8);
      ok = func (&row, user_data, error);
    }

  if (ok && !koers_store_rows_ended (store, rc, error))
    ok = FALSE;

  koers_store_end_read (store);
  return ok;
}
