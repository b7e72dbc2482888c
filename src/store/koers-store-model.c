/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-store-private.h"

/* The in-memory model: the lists the views show, the indexes by id that
 * every read and write finds objects in, and the order the lists keep.
 * Opening, loading and writing all use it; it uses none of them, so the
 * store's files form no loop. */

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* Moves item within list only when its neighbours say it is out of
 * place, so a save that kept the order does not make views rebuild rows. */
static void
resort_item (GListStore      *list,
             gpointer         item,
             GCompareDataFunc compare)
{
  GListModel *model = G_LIST_MODEL (list);
  guint       n = g_list_model_get_n_items (model);
  guint       position;
  gboolean    sorted = TRUE;

  if (!g_list_store_find (list, item, &position))
    return;

  if (position > 0)
    {
      g_autoptr (GObject) prev = g_list_model_get_item (model, position - 1);

      sorted = compare (prev, item, NULL) <= 0;
    }

  if (sorted && position + 1 < n)
    {
      g_autoptr (GObject) next = g_list_model_get_item (model, position + 1);

      sorted = compare (item, next, NULL) <= 0;
    }

  if (sorted)
    return;

  g_object_ref (item);
  g_list_store_remove (list, position);
  g_list_store_insert_sorted (list, item, compare, NULL);
  g_object_unref (item);
}

static void
release_self_ref (gpointer data)
{
  g_rc_box_release_full (data, (GDestroyNotify) g_weak_ref_clear);
}

/* read: how a key result reads its list (koers-store-checkins.c says how;
 * the indexes only hand it on, to each key result they take in). */
void
koers_store_init_checkin_loader (KoersStore        *self,
                                 KoersCheckinLoader read)
{
  /* One weak reference for all key results: GLib keeps a store's weak
   * references in a list, and tens of thousands would make its teardown
   * quadratic. */
  self->self_ref = g_rc_box_new0 (GWeakRef);
  g_weak_ref_init (self->self_ref, self);
  self->read_checkins = read;
}

void
koers_store_clear_checkin_loader (KoersStore *self)
{
  g_clear_pointer (&self->self_ref, release_self_ref);
}

/* The keys of an ORDER BY, in its order (an objective's period aside,
 * compared between its first and second). */
#define N_SORT_KEYS 3
typedef void (*GetSortKeys) (gconstpointer object,
                             gint64       *keys);

/* -1, 0 or 1 as the first of keys first to last - 1 that differs between
 * a and b is lower or higher: the order of an ORDER BY over those keys. */
static int
compare_keys (gconstpointer a,
              gconstpointer b,
              GetSortKeys   get_keys,
              guint         first,
              guint         last)
{
  gint64 keys_a[N_SORT_KEYS];
  gint64 keys_b[N_SORT_KEYS];

  get_keys (a, keys_a);
  get_keys (b, keys_b);
  for (guint i = first; i < last; i++)
    if (keys_a[i] != keys_b[i])
      return keys_a[i] < keys_b[i] ? -1 : 1;
  return 0;
}

static void
get_kpi_keys (gconstpointer object,
              gint64       *keys)
{
  KoersKpi *kpi = (KoersKpi *) object;

  keys[0] = koers_kpi_get_department_id (kpi);
  keys[1] = koers_kpi_get_position (kpi);
  keys[2] = koers_kpi_get_id (kpi);
}

int
koers_store_compare_kpis (gconstpointer a,
                          gconstpointer b,
                          gpointer      user_data)
{
  return compare_keys (a, b, get_kpi_keys, 0, N_SORT_KEYS);
}

/* The company first. */
static void
get_department_keys (gconstpointer object,
                     gint64       *keys)
{
  KoersDepartment *dept = (KoersDepartment *) object;

  keys[0] = !koers_department_get_is_company (dept);
  keys[1] = koers_department_get_sort_order (dept);
  keys[2] = koers_department_get_id (dept);
}

int
koers_store_compare_departments (gconstpointer a,
                                 gconstpointer b,
                                 gpointer      user_data)
{
  return compare_keys (a, b, get_department_keys, 0, N_SORT_KEYS);
}

static void
get_objective_keys (gconstpointer object,
                    gint64       *keys)
{
  KoersObjective *objective = (KoersObjective *) object;

  keys[0] = koers_objective_get_department_id (objective);
  keys[1] = koers_objective_get_position (objective);
  keys[2] = koers_objective_get_id (objective);
}

/* The order of ORDER BY department_id, period, position, id: periods
 * compare as bytes, like SQLite's BINARY collation. */
int
koers_store_compare_objectives (gconstpointer a,
                                gconstpointer b,
                                gpointer      user_data)
{
  int cmp = compare_keys (a, b, get_objective_keys, 0, 1);

  if (cmp != 0)
    return cmp;

  cmp = g_strcmp0 (koers_objective_get_period ((KoersObjective *) a),
                   koers_objective_get_period ((KoersObjective *) b));
  if (cmp != 0)
    return cmp < 0 ? -1 : 1;

  return compare_keys (a, b, get_objective_keys, 1, N_SORT_KEYS);
}

GListModel *
koers_store_get_departments (KoersStore *self)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->departments);
}

GListModel *
koers_store_get_objectives (KoersStore *self)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->objectives);
}

KoersDepartment *
koers_store_get_company (KoersStore *self)
{
  g_autoptr (KoersDepartment) first = NULL;

  g_return_val_if_fail (KOERS_IS_STORE (self), NULL);

  /* Always there and always first: the company cannot be deleted. */
  first = g_list_model_get_item (G_LIST_MODEL (self->departments), 0);
  g_return_val_if_fail (first != NULL && koers_department_get_is_company (first), NULL);
  return first;
}

KoersDepartment *
koers_store_find_department (KoersStore *self,
                             gint64      id)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), NULL);

  return g_hash_table_lookup (self->department_by_id, &id);
}

/* An exact match first, then one that differs only in case. */
KoersDepartment *
koers_store_find_department_by_name (KoersStore *self,
                                     const char *name)
{
  g_autofree char *folded = NULL;
  guint            n;

  g_return_val_if_fail (KOERS_IS_STORE (self), NULL);

  if (name == NULL)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->departments));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (G_LIST_MODEL (self->departments), i);

      if (g_strcmp0 (koers_department_get_name (dept), name) == 0)
        return dept;
    }

  folded = g_utf8_casefold (name, -1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (G_LIST_MODEL (self->departments), i);
      g_autofree char *other = g_utf8_casefold (koers_department_get_name (dept), -1);

      if (g_strcmp0 (folded, other) == 0)
        return dept;
    }

  return NULL;
}

KoersObjective *
koers_store_find_objective (KoersStore *self,
                            gint64      id)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), NULL);

  return g_hash_table_lookup (self->objective_by_id, &id);
}

KoersKeyResult *
koers_store_find_key_result (KoersStore *self,
                             gint64      id)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), NULL);

  return g_hash_table_lookup (self->key_result_by_id, &id);
}

KoersObjective *
koers_store_get_key_result_objective (KoersStore     *self,
                                      KoersKeyResult *kr)
{
  gint64 id;

  g_return_val_if_fail (KOERS_IS_STORE (self), NULL);
  g_return_val_if_fail (KOERS_IS_KEY_RESULT (kr), NULL);

  id = koers_key_result_get_id (kr);
  return g_hash_table_lookup (self->key_result_owner, &id);
}

KoersCheckin *
koers_store_find_checkin (KoersStore *self,
                          gint64      id)
{
  return g_hash_table_lookup (self->checkin_by_id, &id);
}

KoersKeyResult *
koers_store_get_checkin_key_result (KoersStore   *self,
                                    KoersCheckin *checkin)
{
  gint64 id = koers_checkin_get_id (checkin);

  return g_hash_table_lookup (self->checkin_owner, &id);
}

/* Files the objective under its department (again, when it moved), so a
 * department's summary reads its own objectives only. */
static void
home_objective (KoersStore *self,
                gpointer    objective,
                gboolean    keep)
{
  gint64      id = koers_objective_get_id (objective);
  gint64      dept_id = koers_objective_get_department_id (objective);
  gint64     *filed = g_hash_table_lookup (self->objective_department, &id);
  GListStore *list;
  guint       position;

  if (filed != NULL && (!keep || *filed != dept_id))
    {
      list = g_hash_table_lookup (self->objectives_by_department, filed);
      if (list != NULL && g_list_store_find (list, objective, &position))
        g_list_store_remove (list, position);
      g_hash_table_remove (self->objective_department, &id);
      filed = NULL;
    }

  if (!keep || filed != NULL)
    return;

  list = G_LIST_STORE (koers_store_get_department_objectives (self, dept_id));
  g_list_store_append (list, objective);
  g_hash_table_insert (self->objective_department, id_key (id),
                       g_memdup2 (&dept_id, sizeof dept_id));
}

static void
give_checkin_loader (KoersStore *self,
                     gpointer    kr,
                     gboolean    keep)
{
  if (keep)
    koers_key_result_set_checkin_loader (kr, self->read_checkins, g_rc_box_acquire (self->self_ref),
                                         release_self_ref);
}

typedef gint64 (*GetIdFunc) (gpointer object);
typedef GListModel *(*GetChildrenFunc) (gpointer object);
typedef void (*OwnerFunc) (gpointer owner,
                           gpointer object);
typedef void (*FileFunc) (KoersStore *self,
                          gpointer    object,
                          gboolean    keep);

typedef struct _IndexKind IndexKind;

/* How the indexes hold one kind of object: the tables (members of
 * KoersStore) of the objects by id and of their owners by their id, and
 * what it holds that is indexed with it. */
struct _IndexKind
{
  GType (*get_type) (void);
  goffset          by_id;
  goffset          owner_of; /* 0: nothing owns it */
  GetIdFunc        get_id;
  GetChildrenFunc  get_children;
  const IndexKind *child; /* NULL: it holds nothing indexed */
  FileFunc         file;  /* what else taking it in or letting it go does */
  /* Where owner_of is set: the owner's kind and id (the object's
   * link), into the owner's list (or re-sorted there, where the owner's
   * add does that), and out of it. */
  const IndexKind *owner_kind;
  GetIdFunc        get_owner_id;
  OwnerFunc        add_to_owner;
  OwnerFunc        remove_from_owner;
  /* Departments, objectives and KPIs: the store's sorted list (a member
   * of KoersStore, 0: none) and its order. */
  goffset          list;
  GCompareDataFunc compare;
};

static const IndexKind key_result_index;
static const IndexKind objective_index;
static const IndexKind kpi_index;

static const IndexKind checkin_index = {
  .get_type = koers_checkin_get_type,
  .by_id = G_STRUCT_OFFSET (KoersStore, checkin_by_id),
  .owner_of = G_STRUCT_OFFSET (KoersStore, checkin_owner),
  .get_id = (GetIdFunc) koers_checkin_get_id,
  .owner_kind = &key_result_index,
  .get_owner_id = (GetIdFunc) koers_checkin_get_key_result_id,
  .add_to_owner = (OwnerFunc) koers_key_result_add_checkin,
  .remove_from_owner = (OwnerFunc) koers_key_result_remove_checkin,
};

/* The check-ins it holds are those read: its list is not read for this. */
static const IndexKind key_result_index = {
  .get_type = koers_key_result_get_type,
  .by_id = G_STRUCT_OFFSET (KoersStore, key_result_by_id),
  .owner_of = G_STRUCT_OFFSET (KoersStore, key_result_owner),
  .get_id = (GetIdFunc) koers_key_result_get_id,
  .get_children = (GetChildrenFunc) koers_key_result_peek_checkins,
  .child = &checkin_index,
  .file = give_checkin_loader,
  .owner_kind = &objective_index,
  .get_owner_id = (GetIdFunc) koers_key_result_get_objective_id,
  .add_to_owner = (OwnerFunc) koers_objective_insert_key_result,
  .remove_from_owner = (OwnerFunc) koers_objective_remove_key_result,
};

static const IndexKind objective_index = {
  .get_type = koers_objective_get_type,
  .by_id = G_STRUCT_OFFSET (KoersStore, objective_by_id),
  .get_id = (GetIdFunc) koers_objective_get_id,
  .get_children = (GetChildrenFunc) koers_objective_get_key_results,
  .child = &key_result_index,
  .file = home_objective,
  .list = G_STRUCT_OFFSET (KoersStore, objectives),
  .compare = koers_store_compare_objectives,
};

static const IndexKind department_index = {
  .get_type = koers_department_get_type,
  .by_id = G_STRUCT_OFFSET (KoersStore, department_by_id),
  .get_id = (GetIdFunc) koers_department_get_id,
  .list = G_STRUCT_OFFSET (KoersStore, departments),
  .compare = koers_store_compare_departments,
};

static const IndexKind kpi_value_index = {
  .get_type = koers_kpi_value_get_type,
  .by_id = G_STRUCT_OFFSET (KoersStore, kpi_value_by_id),
  .owner_of = G_STRUCT_OFFSET (KoersStore, kpi_value_owner),
  .get_id = (GetIdFunc) koers_kpi_value_get_id,
  .owner_kind = &kpi_index,
  .get_owner_id = (GetIdFunc) koers_kpi_value_get_kpi_id,
  .add_to_owner = (OwnerFunc) koers_kpi_add_value,
  .remove_from_owner = (OwnerFunc) koers_kpi_remove_value,
};

static const IndexKind kpi_index = {
  .get_type = koers_kpi_get_type,
  .by_id = G_STRUCT_OFFSET (KoersStore, kpi_by_id),
  .get_id = (GetIdFunc) koers_kpi_get_id,
  .get_children = (GetChildrenFunc) koers_kpi_get_values,
  .child = &kpi_value_index,
  .list = G_STRUCT_OFFSET (KoersStore, kpis),
  .compare = koers_store_compare_kpis,
};

/* keep: takes object (owned by owner, or NULL) and what it holds into
 * the indexes; else lets them go.  The file hook comes first on the way
 * in and last on the way out, as the object's own entries. */
static void
index_object (KoersStore      *self,
              const IndexKind *kind,
              gpointer         object,
              gpointer         owner,
              gboolean         keep)
{
  GHashTable *by_id = G_STRUCT_MEMBER (GHashTable *, self, kind->by_id);
  GHashTable *owner_of = kind->owner_of != 0 ? G_STRUCT_MEMBER (GHashTable *, self, kind->owner_of)
                                             : NULL;
  gint64      id = kind->get_id (object);

  if (keep)
    {
      if (kind->file != NULL)
        kind->file (self, object, TRUE);
      g_hash_table_insert (by_id, id_key (id), g_object_ref (object));
      if (owner_of != NULL)
        g_hash_table_insert (owner_of, id_key (id), g_object_ref (owner));
    }

  if (kind->child != NULL)
    {
      GListModel *children = kind->get_children (object);
      guint       n = g_list_model_get_n_items (children);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr (GObject) child = g_list_model_get_item (children, i);

          index_object (self, kind->child, child, object, keep);
        }
    }

  if (!keep)
    {
      if (kind->file != NULL)
        kind->file (self, object, FALSE);
      g_hash_table_remove (by_id, &id);
      if (owner_of != NULL)
        g_hash_table_remove (owner_of, &id);
    }
}

/* The kind of object, the most numerous first. */
static const IndexKind *
find_index_kind (gpointer object)
{
  static const IndexKind *const kinds[] = {
    &checkin_index,
    &kpi_value_index,
    &key_result_index,
    &objective_index,
    &kpi_index,
    &department_index,
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (G_TYPE_CHECK_INSTANCE_TYPE (object, kinds[i]->get_type ()))
      return kinds[i];
  g_return_val_if_reached (NULL);
}

void
koers_store_index (KoersStore *self,
                   gpointer    object,
                   gpointer    owner)
{
  index_object (self, find_index_kind (object), object, owner, TRUE);
}

void
koers_store_unindex (KoersStore *self,
                     gpointer    object)
{
  index_object (self, find_index_kind (object), object, NULL, FALSE);
}

gpointer
koers_store_get_owner (KoersStore *self,
                       gpointer    child)
{
  const IndexKind *kind = find_index_kind (child);
  gint64           id = kind->get_id (child);

  g_return_val_if_fail (kind->owner_of != 0, NULL);

  return g_hash_table_lookup (G_STRUCT_MEMBER (GHashTable *, self, kind->owner_of), &id);
}

void
koers_store_keep (KoersStore *self,
                  gpointer    object)
{
  const IndexKind *kind = find_index_kind (object);

  g_return_if_fail (kind->list != 0);

  index_object (self, kind, object, NULL, TRUE);
  g_list_store_insert_sorted (G_STRUCT_MEMBER (GListStore *, self, kind->list), object,
                              kind->compare, NULL);
}

void
koers_store_forget (KoersStore *self,
                    gpointer    object)
{
  const IndexKind *kind = find_index_kind (object);
  GListStore      *list;
  guint            position;

  g_return_if_fail (kind->list != 0);

  list = G_STRUCT_MEMBER (GListStore *, self, kind->list);
  index_object (self, kind, object, NULL, FALSE);
  if (g_list_store_find (list, object, &position))
    g_list_store_remove (list, position);
}

gpointer
koers_store_find_owner (KoersStore *self,
                        gpointer    child)
{
  const IndexKind *kind = find_index_kind (child);
  gint64           owner_id;

  g_return_val_if_fail (kind->owner_kind != NULL, NULL);

  owner_id = kind->get_owner_id (child);
  return g_hash_table_lookup (G_STRUCT_MEMBER (GHashTable *, self, kind->owner_kind->by_id),
                              &owner_id);
}

void
koers_store_keep_child (KoersStore *self,
                        gpointer    child,
                        gpointer    owner)
{
  const IndexKind *kind = find_index_kind (child);

  kind->add_to_owner (owner, child);
  index_object (self, kind, child, owner, TRUE);
}

void
koers_store_forget_child (KoersStore *self,
                          gpointer    child,
                          gpointer    owner)
{
  const IndexKind *kind = find_index_kind (child);

  g_object_ref (child);
  if (owner != NULL)
    g_object_ref (owner);
  index_object (self, kind, child, NULL, FALSE);
  if (owner != NULL)
    {
      kind->remove_from_owner (owner, child);
      g_object_unref (owner);
    }
  g_object_unref (child);
}

gpointer
koers_store_find_stored (KoersStore *self,
                         gpointer    object)
{
  const IndexKind *kind = find_index_kind (object);
  gint64           id = kind->get_id (object);

  return g_hash_table_lookup (G_STRUCT_MEMBER (GHashTable *, self, kind->by_id), &id);
}

GListModel *
koers_store_get_department_objectives (KoersStore *self,
                                       gint64      department_id)
{
  GListStore *list;

  g_return_val_if_fail (KOERS_IS_STORE (self), NULL);

  list = g_hash_table_lookup (self->objectives_by_department, &department_id);
  if (list == NULL)
    {
      list = g_list_store_new (KOERS_TYPE_OBJECTIVE);
      g_hash_table_insert (self->objectives_by_department, id_key (department_id), list);
    }
  return G_LIST_MODEL (list);
}

GListModel *
koers_store_get_kpis (KoersStore *self)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->kpis);
}

KoersKpi *
koers_store_find_kpi (KoersStore *self,
                      gint64      id)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), NULL);

  return g_hash_table_lookup (self->kpi_by_id, &id);
}

KoersKpiValue *
koers_store_find_kpi_value (KoersStore *self,
                            gint64      id)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), NULL);

  return g_hash_table_lookup (self->kpi_value_by_id, &id);
}

KoersKpi *
koers_store_get_kpi_value_kpi (KoersStore    *self,
                               KoersKpiValue *value)
{
  gint64 id;

  g_return_val_if_fail (KOERS_IS_STORE (self), NULL);
  g_return_val_if_fail (KOERS_IS_KPI_VALUE (value), NULL);

  id = koers_kpi_value_get_id (value);
  return g_hash_table_lookup (self->kpi_value_owner, &id);
}

void
koers_store_resort_kpi (KoersStore *self,
                        KoersKpi   *kpi)
{
  resort_item (self->kpis, kpi, koers_store_compare_kpis);
}

/* Files it under its department again first: the department may be what
 * changed. */
void
koers_store_resort_objective (KoersStore     *self,
                              KoersObjective *objective)
{
  if (!g_list_store_find (self->objectives, objective, NULL))
    return;

  home_objective (self, objective, TRUE);
  resort_item (self->objectives, objective, koers_store_compare_objectives);
}
