/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-store-columns.h"
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

/* object, the store's (existing) or the batch's own, takes the entry:
 * its fields when it is the store's, its row id, uuid and owner, and the
 * links given as property names and ids (NULL-terminated), in one
 * notification. */
static void
take_entry (const KoersEntity     *entity,
            gpointer               object,
            const KoersBatchEntry *entry,
            const char            *first_link,
            ...)
{
  const KoersColumn *parent = koers_entity_get_parent (entity);
  va_list            links;

  g_object_freeze_notify (object);
  if (object != entry->object)
    koers_entity_copy (entity, object, entry->object, NULL);
  g_object_set (object, "id", entry->id, "uuid", entry->uuid, parent->property, entry->owner_id, NULL);
  va_start (links, first_link);
  g_object_set_valist (object, first_link, links);
  va_end (links);
  g_object_thaw_notify (object);
}

typedef void (*ListFunc) (KoersStore *self,
                          gpointer    object);
typedef void (*LinkFunc) (GObject               *object,
                          const KoersBatchEntry *entry);

static void
link_objective (GObject               *objective,
                const KoersBatchEntry *entry)
{
  g_object_set (objective, "aligned-to-id", entry->aligned_id, "carried-over-from-id",
                entry->carried_id, NULL);
}

/* Departments, objectives and KPIs (kind, of entity), the store's sorted
 * lists: an added one joins its list, an updated one moves to its place
 * (resort); link (or NULL) sets the links the entry resolved. */
static void
apply_listed (KoersBatchWrite   *w,
              KoersBatchKind     kind,
              const KoersEntity *entity,
              LinkFunc           link,
              ListFunc           resort)
{
  GPtrArray *entries = w->batch->entries[kind];

  for (guint i = 0; i < entries->len; i++)
    {
      KoersBatchEntry *entry = g_ptr_array_index (entries, i);
      GObject         *object = entry->existing != NULL ? entry->existing : entry->object;

      g_object_freeze_notify (object);
      take_entry (entity, object, entry, NULL);
      if (link != NULL)
        link (object, entry);
      g_object_thaw_notify (object);

      if (object == entry->object)
        koers_store_keep (w->store, object);
      else
        resort (w->store, object);
    }
}

static void
apply_key_results (KoersBatchWrite *w,
                   GHashTable      *touched)
{
  GPtrArray *entries = w->batch->entries[KOERS_BATCH_KEY_RESULT];

  for (guint i = 0; i < entries->len; i++)
    {
      KoersBatchEntry *entry = g_ptr_array_index (entries, i);
      KoersKeyResult  *from = KOERS_KEY_RESULT (entry->object);
      KoersKeyResult  *kr = entry->existing != NULL ? KOERS_KEY_RESULT (entry->existing) : from;
      KoersObjective  *objective = koers_store_find_objective (w->store, entry->owner_id);
      KoersObjective  *old = entry->existing != NULL
                               ? koers_store_get_key_result_objective (w->store, kr)
                               : NULL;

      g_object_ref (kr);
      if (old != NULL && old != objective)
        koers_store_forget_child (w->store, kr, old);

      take_entry (&koers_entity_key_result, kr, entry, "kpi-id", entry->kpi_id, NULL);

      if (old == NULL || old != objective)
        koers_store_keep_child (w->store, kr, objective);
      else
        g_hash_table_add (touched, objective);
      g_object_unref (kr);
    }
}

typedef gpointer (*FindOwnerFunc) (KoersStore *self,
                                   gint64      id);

/* Check-ins and KPI values (kind, of entity; find_owner finds the key
 * result or KPI by id): one that moved leaves its old owner first; the
 * owner's add takes it in, or re-sorts it when it is there already. */
static void
apply_children (KoersBatchWrite   *w,
                KoersBatchKind     kind,
                const KoersEntity *entity,
                FindOwnerFunc      find_owner)
{
  GPtrArray *entries = w->batch->entries[kind];

  for (guint i = 0; i < entries->len; i++)
    {
      KoersBatchEntry *entry = g_ptr_array_index (entries, i);
      GObject         *child = entry->existing != NULL ? entry->existing : entry->object;
      gpointer         owner = find_owner (w->store, entry->owner_id);
      gpointer         old = entry->existing != NULL ? koers_store_get_owner (w->store, child) : NULL;

      g_object_ref (child);
      if (old != NULL && old != owner)
        koers_store_forget_child (w->store, child, old);

      take_entry (entity, child, entry, NULL);

      koers_store_keep_child (w->store, child, owner);
      g_object_unref (child);
    }
}

static void
apply_synced_values (KoersBatchWrite *w)
{
  GHashTableIter iter;
  gpointer       key, value;

  g_hash_table_iter_init (&iter, w->synced);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      KoersSyncedValue *synced = value;
      KoersKeyResult   *kr = koers_store_find_key_result (w->store, *(gint64 *) key);

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
      gint64              *at = g_hash_table_lookup (w->store->dismissed, dismissal->key);

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
  g_autoptr (GHashTable) touched = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer       objective;

  apply_listed (w, KOERS_BATCH_DEPARTMENT, &koers_entity_department, NULL,
                (ListFunc) resort_department);
  apply_listed (w, KOERS_BATCH_KPI, &koers_entity_kpi, NULL, (ListFunc) koers_store_resort_kpi);
  apply_children (w, KOERS_BATCH_KPI_VALUE, &koers_entity_kpi_value,
                  (FindOwnerFunc) koers_store_find_kpi);
  apply_listed (w, KOERS_BATCH_OBJECTIVE, &koers_entity_objective, link_objective,
                (ListFunc) koers_store_resort_objective);
  apply_key_results (w, touched);
  apply_children (w, KOERS_BATCH_CHECKIN, &koers_entity_checkin,
                  (FindOwnerFunc) koers_store_find_key_result);
  apply_synced_values (w);
  apply_dismissals (w);
  apply_organisation (w);

  g_hash_table_iter_init (&iter, touched);
  while (g_hash_table_iter_next (&iter, &objective, NULL))
    koers_objective_sort_key_results (objective);
}

/* After an import's COMMIT: the objectives it wrote, read back and put
 * into the model in place (the objects the window shows stay). */

static gboolean
model_wants (KoersStore     *store,
             KoersObjective *objective)
{
  KoersPeriod    own;
  GHashTableIter iter;
  gpointer       key;

  if (!store->lazy)
    return TRUE;
  if (!koers_objective_get_parsed_period (objective, &own))
    return FALSE;

  g_hash_table_iter_init (&iter, store->loaded_periods);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      KoersPeriod loaded;

      if (koers_period_parse (key, &loaded, NULL) && koers_period_overlaps (&own, &loaded))
        return TRUE;
    }
  /* A period shown that held nothing yet: it is not read again. */
  return koers_store_was_requested (store, &own, FALSE);
}

typedef struct
{
  KoersDbStmt *objective;
  KoersDbStmt *key_results;
  KoersDbStmt *checkins;
} TreeStatements;

/* The objective with its key results and their check-ins, as the database
 * holds them; NULL when it is not there. */
static KoersObjective *
read_tree (TreeStatements *stmts,
           gint64          id)
{
  g_autoptr (KoersObjective) objective = NULL;
  g_autoptr (GPtrArray) krs = g_ptr_array_new_with_free_func (g_object_unref);

  koers_db_reset (stmts->objective);
  koers_db_bind_int64 (stmts->objective, 1, id);
  if (koers_db_step (stmts->objective) != KOERS_DB_ROW)
    return NULL;
  objective = g_object_new (KOERS_TYPE_OBJECTIVE, NULL);
  koers_entity_read_row (&koers_entity_objective, stmts->objective, 0, G_OBJECT (objective));

  koers_db_reset (stmts->key_results);
  koers_db_bind_int64 (stmts->key_results, 1, id);
  while (koers_db_step (stmts->key_results) == KOERS_DB_ROW)
    {
      KoersKeyResult *kr = g_object_new (KOERS_TYPE_KEY_RESULT, NULL);

      koers_entity_read_row (&koers_entity_key_result, stmts->key_results, 0, G_OBJECT (kr));
      g_ptr_array_add (krs, kr);
    }

  for (guint i = 0; i < krs->len; i++)
    {
      KoersKeyResult *kr = g_ptr_array_index (krs, i);
      g_autoptr (GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);

      koers_db_reset (stmts->checkins);
      koers_db_bind_int64 (stmts->checkins, 1, koers_key_result_get_id (kr));
      while (koers_db_step (stmts->checkins) == KOERS_DB_ROW)
        {
          KoersCheckin *checkin = g_object_new (KOERS_TYPE_CHECKIN, NULL);

          koers_entity_read_row (&koers_entity_checkin, stmts->checkins, 0, G_OBJECT (checkin));
          g_ptr_array_add (checkins, checkin);
        }
      koers_key_result_splice_checkins (kr, checkins);
      koers_objective_insert_key_result (objective, kr);
    }

  return g_steal_pointer (&objective);
}

static GHashTable *
child_ids (GListModel *model,
           gint64 (*get_id) (gpointer))
{
  GHashTable *ids = koers_store_new_id_set ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      koers_store_add_to_id_set (ids, get_id (item));
    }
  return ids;
}

static gint64
key_result_id (gpointer kr)
{
  return koers_key_result_get_id (kr);
}

static gint64
checkin_id (gpointer checkin)
{
  return koers_checkin_get_id (checkin);
}

static GPtrArray *
model_items (GListModel *model)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

static KoersKeyResult *
find_fresh_key_result (KoersObjective *fresh,
                       gint64          id)
{
  GListModel *krs = koers_objective_get_key_results (fresh);

  for (guint i = 0; i < g_list_model_get_n_items (krs); i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, i);

      if (koers_key_result_get_id (kr) == id)
        return kr;
    }
  return NULL;
}

/* What left the model's objectives, by id: a key result or check-in that
 * moved comes back as the same object wherever it went. */
typedef struct
{
  GHashTable *key_results; /* id -> KoersKeyResult (a reference) */
  GHashTable *checkins;    /* id -> KoersCheckin (a reference) */
} Detached;

/* child (a key result or check-in, whose id is id) leaves the model into
 * detached's table of its kind. */
static void
detach (KoersStore *store,
        GHashTable *detached,
        gpointer    child,
        gint64      id)
{
  g_hash_table_insert (detached, g_memdup2 (&id, sizeof id), g_object_ref (child));
  koers_store_forget_child (store, child, koers_store_get_owner (store, child));
}

/* The check-ins of a key result that are no longer its own leave it. */
static void
detach_moved_checkins (KoersStore     *store,
                       Detached       *detached,
                       KoersKeyResult *kr,
                       KoersKeyResult *fresh)
{
  g_autoptr (GHashTable) fresh_checkins = child_ids (koers_key_result_get_checkins (fresh),
                                                     checkin_id);
  g_autoptr (GPtrArray) checkins = model_items (koers_key_result_get_checkins (kr));

  for (guint j = 0; j < checkins->len; j++)
    {
      KoersCheckin *checkin = g_ptr_array_index (checkins, j);
      gint64        cid = koers_checkin_get_id (checkin);

      if (!g_hash_table_contains (fresh_checkins, &cid))
        detach (store, detached->checkins, checkin, cid);
    }
}

/* What the model's objective holds that is no longer its own (it moved
 * to another objective) leaves it first, so that nothing is in two places. */
static void
detach_moved (KoersStore     *store,
              Detached       *detached,
              KoersObjective *model,
              KoersObjective *fresh)
{
  g_autoptr (GHashTable) fresh_krs = child_ids (koers_objective_get_key_results (fresh),
                                                key_result_id);
  g_autoptr (GPtrArray) krs = model_items (koers_objective_get_key_results (model));

  for (guint i = 0; i < krs->len; i++)
    {
      KoersKeyResult *kr = g_ptr_array_index (krs, i);
      gint64          id = koers_key_result_get_id (kr);

      if (!g_hash_table_contains (fresh_krs, &id))
        detach (store, detached->key_results, kr, id);
      else
        detach_moved_checkins (store, detached, kr, find_fresh_key_result (fresh, id));
    }
}

/* The model's key result or check-in with id (held: the one the indexes
 * hold, or NULL; detached: the table of its kind) that owner is to hold:
 * held, which leaves another owner first, or one detached before, which
 * joins owner; NULL when neither is there. */
static gpointer
take_back (KoersStore *store,
           GHashTable *detached,
           gpointer    held,
           gint64      id,
           gpointer    owner)
{
  /* Held by an owner this import did not refresh: it moves. */
  if (held != NULL && koers_store_get_owner (store, held) != owner)
    detach (store, detached, held, id);
  if (held == NULL || koers_store_get_owner (store, held) != owner)
    {
      held = g_hash_table_lookup (detached, &id);
      if (held != NULL)
        koers_store_keep_child (store, held, owner);
    }
  return held;
}

static void
update_checkins (KoersStore     *store,
                 Detached       *detached,
                 KoersKeyResult *model,
                 KoersKeyResult *fresh)
{
  g_autoptr (GPtrArray) checkins = model_items (koers_key_result_get_checkins (fresh));

  for (guint i = 0; i < checkins->len; i++)
    {
      KoersCheckin *from = g_ptr_array_index (checkins, i);
      gint64        id = koers_checkin_get_id (from);
      KoersCheckin *checkin = take_back (store, detached->checkins,
                                         koers_store_find_checkin (store, id), id, model);

      if (checkin != NULL)
        {
          koers_entity_copy (&koers_entity_checkin, G_OBJECT (checkin), G_OBJECT (from), NULL);
          /* Re-sorts it. */
          koers_key_result_add_checkin (model, checkin);
        }
      else
        koers_store_keep_child (store, from, model);
    }
}

static void
update_in_place (KoersStore     *store,
                 Detached       *detached,
                 KoersObjective *model,
                 KoersObjective *fresh)
{
  g_autoptr (GPtrArray) krs = model_items (koers_objective_get_key_results (fresh));

  koers_entity_copy (&koers_entity_objective, G_OBJECT (model), G_OBJECT (fresh), NULL);
  koers_store_resort_objective (store, model);

  for (guint i = 0; i < krs->len; i++)
    {
      KoersKeyResult *from = g_ptr_array_index (krs, i);
      gint64          id = koers_key_result_get_id (from);
      KoersKeyResult *kr = take_back (store, detached->key_results,
                                      koers_store_find_key_result (store, id), id, model);

      if (kr != NULL)
        {
          koers_entity_copy (&koers_entity_key_result, G_OBJECT (kr), G_OBJECT (from), NULL);
          detach_moved_checkins (store, detached, kr, from);
          update_checkins (store, detached, kr, from);
        }
      else
        {
          /* A new one, with its check-ins (whichever were elsewhere come
           * back as they were). */
          g_autoptr (GPtrArray) checkins = model_items (koers_key_result_get_checkins (from));

          for (guint j = 0; j < checkins->len; j++)
            {
              gint64        cid = koers_checkin_get_id (g_ptr_array_index (checkins, j));
              KoersCheckin *held = koers_store_find_checkin (store, cid);

              if (held != NULL)
                detach (store, detached->checkins, held, cid);
            }
          koers_store_keep_child (store, from, model);
        }
    }

  koers_objective_sort_key_results (model);
}

void
koers_store_refresh_objectives (KoersStore *store,
                                GHashTable *objective_ids)
{
  TreeStatements stmts = { NULL, NULL, NULL };
  Detached       detached = { NULL, NULL };
  g_autoptr (GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer       key;

  if (g_hash_table_size (objective_ids) == 0)
    return;

  /* A store that loads by period reads only what it shows. */
  if (!koers_store_begin_read (store, NULL))
    return;

  stmts.objective = koers_store_prepare_select (store, &koers_entity_objective,
                                                "FROM objectives WHERE id = ?1", NULL);
  stmts.key_results = koers_store_prepare_select (store, &koers_entity_key_result,
                                                  "FROM key_results WHERE objective_id = ?1"
                                                  " ORDER BY position, id",
                                                  NULL);
  /* Newest first, as a key result keeps them. */
  stmts.checkins = koers_store_prepare_select (store, &koers_entity_checkin,
                                               "FROM checkins WHERE key_result_id = ?1"
                                               " ORDER BY date DESC, created DESC, id DESC",
                                               NULL);

  g_hash_table_iter_init (&iter, objective_ids);
  while (stmts.objective != NULL && stmts.key_results != NULL && stmts.checkins != NULL &&
         g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64          id = *(gint64 *) key;
      KoersObjective *objective;

      if (koers_store_find_objective (store, id) == NULL)
        {
          /* Not shown: read only when its period is. */
          koers_db_reset (stmts.objective);
          koers_db_bind_int64 (stmts.objective, 1, id);
          if (koers_db_step (stmts.objective) != KOERS_DB_ROW)
            continue;
          objective = g_object_new (KOERS_TYPE_OBJECTIVE, NULL);
          koers_entity_read_row (&koers_entity_objective, stmts.objective, 0, G_OBJECT (objective));
          if (!model_wants (store, objective))
            {
              g_object_unref (objective);
              continue;
            }
          g_object_unref (objective);
        }

      objective = read_tree (&stmts, id);
      if (objective != NULL)
        g_ptr_array_add (fresh, objective);
    }

  g_clear_pointer (&stmts.objective, koers_db_finalize);
  g_clear_pointer (&stmts.key_results, koers_db_finalize);
  g_clear_pointer (&stmts.checkins, koers_db_finalize);
  koers_store_end_read (store);

  detached.key_results = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                g_object_unref);
  detached.checkins = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  for (guint i = 0; i < fresh->len; i++)
    {
      KoersObjective *from = g_ptr_array_index (fresh, i);
      KoersObjective *model = koers_store_find_objective (store, koers_objective_get_id (from));

      if (model != NULL)
        detach_moved (store, &detached, model, from);
    }

  for (guint i = 0; i < fresh->len; i++)
    {
      KoersObjective *from = g_ptr_array_index (fresh, i);
      KoersObjective *model = koers_store_find_objective (store, koers_objective_get_id (from));

      if (model != NULL)
        update_in_place (store, &detached, model, from);
      else
        {
          /* Its key results and check-ins may be in the model still, in
           * an objective this import did not write. */
          GListModel *krs = koers_objective_get_key_results (from);

          for (guint j = 0; j < g_list_model_get_n_items (krs); j++)
            {
              g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, j);
              KoersKeyResult *held = koers_store_find_key_result (store, koers_key_result_get_id (kr));

              if (held != NULL)
                detach (store, detached.key_results, held, koers_key_result_get_id (held));
            }
          koers_store_keep (store, from);
        }
    }

  g_hash_table_unref (detached.key_results);
  g_hash_table_unref (detached.checkins);
}
