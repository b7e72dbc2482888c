/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/koers-date.h"
#include "koers-store-private.h"

/* Department writes.  Each: checks, one transaction, and only after COMMIT
 * the objects, lists and indexes, then "changed" once. */

/* TRUE when parent_id may be the parent of dept: it exists, is not the
 * company, and is not dept or one of its teams.  The method has three
 * levels (company, department, team), so a new parent must be a
 * department, not a team, and a department with teams of its own cannot
 * become a team. */
static gboolean
check_parent (KoersStore      *self,
              KoersDepartment *dept,
              gint64           parent_id,
              GError         **error)
{
  gint64 id = koers_department_get_id (dept);
  guint  depth = 0;

  if (parent_id == 0)
    return TRUE;

  if (koers_department_get_is_company (dept))
    goto invalid;

  for (gint64 walk = parent_id; walk != 0; depth++)
    {
      KoersDepartment *ancestor = koers_store_find_department (self, walk);

      if (ancestor == NULL || walk == id || koers_department_get_is_company (ancestor) ||
          depth > g_hash_table_size (self->department_by_id))
        goto invalid;

      walk = koers_department_get_parent_id (ancestor);
    }

  if (koers_department_get_parent_id (koers_store_find_department (self, parent_id)) != 0 ||
      koers_store_has_teams (self, id))
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("A team belongs to a department, not to another team"));
      return FALSE;
    }

  return TRUE;

invalid:
  g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                       _ ("A department cannot be placed under itself, one of its teams, "
                          "the company level or a department that does not exist"));
  return FALSE;
}

gboolean
koers_store_has_teams (KoersStore *self,
                       gint64      department_id)
{
  GListModel *departments;
  guint       n;

  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);

  departments = G_LIST_MODEL (self->departments);
  n = g_list_model_get_n_items (departments);
  for (guint i = 0; department_id != 0 && i < n; i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i);

      if (koers_department_get_parent_id (dept) == department_id)
        return TRUE;
    }

  return FALSE;
}

gboolean
koers_store_add_department (KoersStore      *self,
                            KoersDepartment *dept,
                            GError         **error)
{
  KoersRow *row;
  guint     n;
  int       last_order = 0;

  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KOERS_IS_DEPARTMENT (dept), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_list_store_find (self->departments, dept, NULL))
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("The department is already in this database"));
      return FALSE;
    }

  if (koers_department_get_is_company (dept))
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("There is only one company level"));
      return FALSE;
    }

  if (!check_parent (self, dept, koers_department_get_parent_id (dept), error))
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->departments));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersDepartment) other = g_list_model_get_item (G_LIST_MODEL (self->departments), i);

      last_order = MAX (last_order, koers_department_get_sort_order (other));
    }

  row = koers_row_new_from_object (G_OBJECT (dept));
  koers_row_make_fresh (row, koers_now_usec ());
  row->order = last_order + 1;

  if (!koers_store_write_tree (self, G_OBJECT (dept), row, TRUE, error))
    return FALSE;

  koers_store_keep (self, dept);
  koers_store_emit_changed (self);
  return TRUE;
}

gboolean
koers_store_save_department (KoersStore      *self,
                             KoersDepartment *dept,
                             GError         **error)
{
  g_autoptr (KoersRow) row = NULL;
  KoersDepartment *own;

  own = koers_store_find_own (self, dept, KOERS_TYPE_DEPARTMENT, error);
  if (own == NULL)
    return FALSE;

  if (!check_parent (self, own, koers_department_get_parent_id (dept), error))
    goto failed;

  row = koers_store_begin_save (self, G_OBJECT (own), G_OBJECT (dept), FALSE, error);
  if (row == NULL)
    goto failed;

  /* A save does not move it: the order is the store's (move_department). */
  row->order = koers_department_get_sort_order (own);
  if (!koers_store_end_save (self, G_OBJECT (own), G_OBJECT (dept), row, error))
    goto failed;

  koers_store_emit_changed (self);
  return TRUE;

failed:
  return koers_store_save_failed (self, own, dept);
}

gboolean
koers_store_move_department (KoersStore      *self,
                             KoersDepartment *dept,
                             guint            new_index,
                             GError         **error)
{
  GListModel *model = G_LIST_MODEL (self->departments);
  g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  KoersDepartment *own;
  guint            old_index;

  own = koers_store_find_own (self, dept, KOERS_TYPE_DEPARTMENT, error);
  if (own == NULL)
    return FALSE;
  /* The index and the list hold the same departments. */
  if (!g_list_store_find (self->departments, own, &old_index))
    g_return_val_if_reached (FALSE);

  if (koers_department_get_is_company (own))
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("The company level always comes first"));
      return FALSE;
    }

  /* Index 0 is the company's. */
  new_index = MAX (new_index, 1);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (order, g_list_model_get_item (model, i));

  if (!koers_store_move_in_order (self, order, old_index, &new_index, error))
    return FALSE;

  if (old_index != new_index)
    {
      g_object_ref (own);
      g_list_store_remove (self->departments, old_index);
      g_list_store_insert (self->departments, new_index, own);
      g_object_unref (own);
    }

  koers_store_emit_changed (self);
  return TRUE;
}

typedef struct
{
  KoersStore *store;
  GPtrArray  *objectives;
} Collect;

/* The store's own object where the model holds it (a view may show it),
 * else the one just read. */
static gboolean
collect_objective_cb (KoersObjective *objective,
                      gpointer        user_data,
                      GError        **error)
{
  Collect        *collect = user_data;
  KoersObjective *own = koers_store_find_objective (collect->store,
                                                    koers_objective_get_id (objective));

  g_ptr_array_add (collect->objectives, g_object_ref (own != NULL ? own : objective));
  return TRUE;
}

/* Every period's objectives, read from the database: a lazily opened store
 * holds only some, and another process may have added more. */
GPtrArray *
koers_store_list_department_objectives (KoersStore      *self,
                                        KoersDepartment *dept)
{
  GPtrArray *ret = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  Collect collect = { self, ret };
  gint64  id;

  g_return_val_if_fail (KOERS_IS_STORE (self), ret);
  g_return_val_if_fail (KOERS_IS_DEPARTMENT (dept), ret);

  id = koers_department_get_id (dept);
  if (!koers_store_foreach_objective (self, NULL, 0, &id, 1, collect_objective_cb, &collect,
                                      &error))
    g_debug ("Could not read the objectives of a department: %s", error->message);

  return ret;
}

gboolean
koers_store_delete_department (KoersStore      *self,
                               KoersDepartment *dept,
                               GError         **error)
{
  g_autoptr (GPtrArray) objectives = NULL;
  g_autoptr (GPtrArray) kpis = NULL;
  g_autoptr (GHashTable) objective_ids = koers_store_new_id_set ();
  g_autoptr (GHashTable) kpi_ids = koers_store_new_id_set ();
  g_autoptr (GArray) links = g_array_new (FALSE, FALSE, sizeof (KoersClearedLink));
  KoersDepartment *own;
  guint            position;
  gint64           id;

  own = koers_store_find_own (self, dept, KOERS_TYPE_DEPARTMENT, error);
  if (own == NULL)
    return FALSE;

  if (koers_department_get_is_company (own))
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("The company level cannot be deleted"));
      return FALSE;
    }

  id = koers_department_get_id (own);
  objectives = koers_store_list_department_objectives (self, own);
  for (guint i = 0; i < objectives->len; i++)
    {
      koers_store_add_to_id_set (objective_ids,
                                 koers_objective_get_id (g_ptr_array_index (objectives, i)));
      /* Read before they go, so that an undo writes them back. */
      koers_store_read_checkins_of (g_ptr_array_index (objectives, i));
    }
  kpis = koers_store_list_department_kpis (self, own);
  for (guint i = 0; i < kpis->len; i++)
    koers_store_add_to_id_set (kpi_ids, koers_kpi_get_id (g_ptr_array_index (kpis, i)));
  koers_store_collect_links (self, objective_ids, kpi_ids, id, links);

  /* The rest goes with ON DELETE CASCADE and SET NULL. */
  if (!koers_store_delete_by_id (self, "DELETE FROM departments WHERE id = ?1",
                                 koers_department_get_id (own), error))
    return FALSE;

  g_object_ref (own);
  for (guint i = 0; i < objectives->len; i++)
    koers_store_forget (self, g_ptr_array_index (objectives, i));
  for (guint i = 0; i < kpis->len; i++)
    koers_store_forget (self, g_ptr_array_index (kpis, i));
  koers_store_unindex (self, own);
  if (g_list_store_find (self->departments, own, &position))
    g_list_store_remove (self->departments, position);
  koers_store_clear_links (self, links);
  /* The KPI objects keep their values, for the undo. */
  g_hash_table_insert (self->deleted_kpis, g_memdup2 (&id, sizeof id), g_steal_pointer (&kpis));
  g_object_unref (own);

  koers_store_emit_changed (self);
  return TRUE;
}

gboolean
koers_store_restore_department (KoersStore      *self,
                                KoersDepartment *dept,
                                GPtrArray       *objectives,
                                GError         **error)
{
  g_autoptr (GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify) koers_row_free);
  g_autoptr (GHashTable) objective_ids = koers_store_new_id_set ();
  g_autoptr (GHashTable) kpi_ids = koers_store_new_id_set ();
  g_autoptr (GArray) relinks = g_array_new (FALSE, FALSE, sizeof (KoersClearedLink));
  GPtrArray *kpis;
  KoersRow  *row;
  gint64     id;

  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KOERS_IS_DEPARTMENT (dept), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = koers_department_get_id (dept);
  if (id == 0 || koers_store_find_department (self, id) != NULL ||
      koers_department_get_is_company (dept))
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("The department cannot be restored: it is still there"));
      return FALSE;
    }

  for (guint i = 0; objectives != NULL && i < objectives->len; i++)
    {
      KoersObjective *objective = g_ptr_array_index (objectives, i);

      if (koers_objective_get_department_id (objective) != id)
        {
          g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                               _ ("The objectives to restore belong to another department"));
          return FALSE;
        }
      koers_store_add_to_id_set (objective_ids, koers_objective_get_id (objective));
    }

  /* The KPIs the delete took, unless something brought them back since. */
  kpis = g_hash_table_lookup (self->deleted_kpis, &id);
  for (guint i = 0; kpis != NULL && i < kpis->len; i++)
    {
      KoersKpi *kpi = g_ptr_array_index (kpis, i);

      if (koers_store_find_kpi (self, koers_kpi_get_id (kpi)) != NULL ||
          koers_kpi_get_department_id (kpi) != id)
        g_ptr_array_remove_index (kpis, i--);
      else
        koers_store_add_to_id_set (kpi_ids, koers_kpi_get_id (kpi));
    }

  row = koers_row_new_from_object (G_OBJECT (dept));
  g_ptr_array_add (pending, row);
  if (koers_store_find_department (self, row->owner_id) == NULL)
    row->owner_id = 0;

  if (!koers_store_begin (self, error))
    return FALSE;

  /* Rows point at each other (alignment within the department): check
   * the foreign keys once everything is back, at COMMIT. */
  if (!koers_store_exec (self, "PRAGMA defer_foreign_keys = ON", error) ||
      !koers_store_insert_row (self, row, error))
    goto failed;

  /* KPIs before objectives: their key results may point at them. */
  for (guint i = 0; kpis != NULL && i < kpis->len; i++)
    {
      KoersKpi *kpi = g_ptr_array_index (kpis, i);

      if (!koers_store_insert_kpi_tree (self, kpi, koers_row_new_from_object (G_OBJECT (kpi)),
                                        FALSE, pending, error))
        goto failed;
    }

  for (guint i = 0; objectives != NULL && i < objectives->len; i++)
    {
      KoersObjective *objective = g_ptr_array_index (objectives, i);

      if (!koers_store_insert_objective_tree (self, objective,
                                              koers_row_new_from_object (G_OBJECT (objective)),
                                              FALSE, objective_ids, pending, error))
        goto failed;
    }

  if (!koers_store_relink (self, objective_ids, kpi_ids, id, relinks, error) ||
      !koers_store_commit (self, error))
    goto failed;

  koers_store_apply_rows (pending);
  koers_store_keep (self, dept);
  for (guint i = 0; objectives != NULL && i < objectives->len; i++)
    {
      KoersObjective *objective = g_ptr_array_index (objectives, i);

      koers_store_keep (self, objective);
    }
  for (guint i = 0; kpis != NULL && i < kpis->len; i++)
    {
      KoersKpi *kpi = g_ptr_array_index (kpis, i);

      koers_store_keep (self, kpi);
    }
  g_hash_table_remove (self->deleted_kpis, &id);
  koers_store_apply_relinks (self, relinks);

  koers_store_emit_changed (self);
  return TRUE;

failed:
  koers_store_rollback (self);
  return FALSE;
}
