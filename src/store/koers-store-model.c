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

/* A check-in or a KPI value, and what holds it. */
static void
index_owned (GHashTable *by_id,
             GHashTable *owner_of,
             gint64      id,
             gpointer    object,
             gpointer    owner)
{
  g_hash_table_insert (by_id, id_key (id), g_object_ref (object));
  g_hash_table_insert (owner_of, id_key (id), g_object_ref (owner));
}

static void
unindex_owned (GHashTable *by_id,
               GHashTable *owner_of,
               gint64      id)
{
  g_hash_table_remove (by_id, &id);
  g_hash_table_remove (owner_of, &id);
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

static void
give_checkin_loader (KoersStore     *self,
                     KoersKeyResult *kr)
{
  koers_key_result_set_checkin_loader (kr, self->read_checkins, g_rc_box_acquire (self->self_ref),
                                       release_self_ref);
}

int
koers_store_compare_kpis (gconstpointer a,
                          gconstpointer b,
                          gpointer      user_data)
{
  KoersKpi *ka = (KoersKpi *) a;
  KoersKpi *kb = (KoersKpi *) b;
  gint64    da = koers_kpi_get_department_id (ka);
  gint64    db = koers_kpi_get_department_id (kb);
  int       pa = koers_kpi_get_position (ka);
  int       pb = koers_kpi_get_position (kb);
  gint64    ia = koers_kpi_get_id (ka);
  gint64    ib = koers_kpi_get_id (kb);

  if (da != db)
    return da < db ? -1 : 1;
  if (pa != pb)
    return pa < pb ? -1 : 1;
  return (ia > ib) - (ia < ib);
}

int
koers_store_compare_departments (gconstpointer a,
                                 gconstpointer b,
                                 gpointer      user_data)
{
  KoersDepartment *da = (KoersDepartment *) a;
  KoersDepartment *db = (KoersDepartment *) b;
  gboolean         ca = koers_department_get_is_company (da);
  gboolean         cb = koers_department_get_is_company (db);
  int              sa = koers_department_get_sort_order (da);
  int              sb = koers_department_get_sort_order (db);
  gint64           ia = koers_department_get_id (da);
  gint64           ib = koers_department_get_id (db);

  if (ca != cb)
    return ca ? -1 : 1;
  if (sa != sb)
    return sa < sb ? -1 : 1;
  return (ia > ib) - (ia < ib);
}

/* The order of ORDER BY department_id, period, position, id: periods
 * compare as bytes, like SQLite's BINARY collation. */
int
koers_store_compare_objectives (gconstpointer a,
                                gconstpointer b,
                                gpointer      user_data)
{
  KoersObjective *oa = (KoersObjective *) a;
  KoersObjective *ob = (KoersObjective *) b;
  gint64          da = koers_objective_get_department_id (oa);
  gint64          db = koers_objective_get_department_id (ob);
  int             cmp;
  int             pa, pb;
  gint64          ia, ib;

  if (da != db)
    return da < db ? -1 : 1;

  cmp = g_strcmp0 (koers_objective_get_period (oa), koers_objective_get_period (ob));
  if (cmp != 0)
    return cmp < 0 ? -1 : 1;

  pa = koers_objective_get_position (oa);
  pb = koers_objective_get_position (ob);
  if (pa != pb)
    return pa < pb ? -1 : 1;

  ia = koers_objective_get_id (oa);
  ib = koers_objective_get_id (ob);
  return (ia > ib) - (ia < ib);
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

void
koers_store_index_department (KoersStore      *self,
                              KoersDepartment *dept)
{
  g_hash_table_insert (self->department_by_id, id_key (koers_department_get_id (dept)),
                       g_object_ref (dept));
}

void
koers_store_unindex_department (KoersStore      *self,
                                KoersDepartment *dept)
{
  gint64 id = koers_department_get_id (dept);

  g_hash_table_remove (self->department_by_id, &id);
}

void
koers_store_index_checkin (KoersStore     *self,
                           KoersKeyResult *kr,
                           KoersCheckin   *checkin)
{
  index_owned (self->checkin_by_id, self->checkin_owner, koers_checkin_get_id (checkin),
               checkin, kr);
}

void
koers_store_unindex_checkin (KoersStore   *self,
                             KoersCheckin *checkin)
{
  unindex_owned (self->checkin_by_id, self->checkin_owner, koers_checkin_get_id (checkin));
}

/* The key result and the check-ins it holds (those read: its list is not
 * read for this). */
void
koers_store_index_key_result (KoersStore     *self,
                              KoersObjective *objective,
                              KoersKeyResult *kr)
{
  GListModel *checkins = koers_key_result_peek_checkins (kr);
  gint64      id = koers_key_result_get_id (kr);
  guint       n = g_list_model_get_n_items (checkins);

  g_hash_table_insert (self->key_result_by_id, id_key (id), g_object_ref (kr));
  g_hash_table_insert (self->key_result_owner, id_key (id), g_object_ref (objective));
  give_checkin_loader (self, kr);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersCheckin) checkin = g_list_model_get_item (checkins, i);

      koers_store_index_checkin (self, kr, checkin);
    }
}

void
koers_store_unindex_key_result (KoersStore     *self,
                                KoersKeyResult *kr)
{
  GListModel *checkins = koers_key_result_peek_checkins (kr);
  gint64      id = koers_key_result_get_id (kr);
  guint       n = g_list_model_get_n_items (checkins);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersCheckin) checkin = g_list_model_get_item (checkins, i);

      koers_store_unindex_checkin (self, checkin);
    }

  g_hash_table_remove (self->key_result_by_id, &id);
  g_hash_table_remove (self->key_result_owner, &id);
}

/* Files the objective under its department (again, when it moved), so a
 * department's summary reads its own objectives only. */
static void
home_objective (KoersStore     *self,
                KoersObjective *objective,
                gboolean        keep)
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

/* The objective and everything it holds. */
void
koers_store_index_objective (KoersStore     *self,
                             KoersObjective *objective)
{
  home_objective (self, objective, TRUE);
  GListModel *krs = koers_objective_get_key_results (objective);
  guint       n = g_list_model_get_n_items (krs);

  g_hash_table_insert (self->objective_by_id, id_key (koers_objective_get_id (objective)),
                       g_object_ref (objective));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, i);

      koers_store_index_key_result (self, objective, kr);
    }
}

void
koers_store_unindex_objective (KoersStore     *self,
                               KoersObjective *objective)
{
  GListModel *krs = koers_objective_get_key_results (objective);
  gint64      id = koers_objective_get_id (objective);
  guint       n = g_list_model_get_n_items (krs);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, i);

      koers_store_unindex_key_result (self, kr);
    }

  home_objective (self, objective, FALSE);
  g_hash_table_remove (self->objective_by_id, &id);
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
koers_store_index_kpi_value (KoersStore    *self,
                             KoersKpi      *kpi,
                             KoersKpiValue *value)
{
  index_owned (self->kpi_value_by_id, self->kpi_value_owner, koers_kpi_value_get_id (value),
               value, kpi);
}

void
koers_store_unindex_kpi_value (KoersStore    *self,
                               KoersKpiValue *value)
{
  unindex_owned (self->kpi_value_by_id, self->kpi_value_owner, koers_kpi_value_get_id (value));
}

void
koers_store_index_kpi (KoersStore *self,
                       KoersKpi   *kpi)
{
  GListModel *values = koers_kpi_get_values (kpi);
  guint       n = g_list_model_get_n_items (values);

  g_hash_table_insert (self->kpi_by_id, id_key (koers_kpi_get_id (kpi)), g_object_ref (kpi));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKpiValue) value = g_list_model_get_item (values, i);

      koers_store_index_kpi_value (self, kpi, value);
    }
}

void
koers_store_unindex_kpi (KoersStore *self,
                         KoersKpi   *kpi)
{
  GListModel *values = koers_kpi_get_values (kpi);
  gint64      id = koers_kpi_get_id (kpi);
  guint       n = g_list_model_get_n_items (values);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKpiValue) value = g_list_model_get_item (values, i);

      koers_store_unindex_kpi_value (self, value);
    }

  g_hash_table_remove (self->kpi_by_id, &id);
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
