/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-store-private.h"

/* An objective and a KPI are deleted and brought back the same way: their
 * own rows go by cascade, the links into them from elsewhere are cleared
 * and come back with them.  Only which of the two it is differs. */

gboolean
koers_store_delete_owned (KoersStore *self,
                          GObject    *own,
                          const char *delete_sql,
                          GError    **error)
{
  gboolean is_kpi = KOERS_IS_KPI (own);
  gint64   id = is_kpi ? koers_kpi_get_id (KOERS_KPI (own))
                       : koers_objective_get_id (KOERS_OBJECTIVE (own));
  g_autoptr (GHashTable) ids = koers_store_new_id_set_with (id);
  g_autoptr (GArray) links = g_array_new (FALSE, FALSE, sizeof (KoersClearedLink));

  koers_store_collect_links (self, is_kpi ? NULL : ids, is_kpi ? ids : NULL, 0, links);

  if (!koers_store_delete_by_id (self, delete_sql, id, error))
    return FALSE;

  /* The object keeps its children (key results and check-ins, or values),
   * for the undo. */
  g_object_ref (own);
  koers_store_forget (self, own);
  koers_store_clear_links (self, links);
  g_object_unref (own);

  koers_store_emit_changed (self);
  return TRUE;
}

gboolean
koers_store_restore_owned (KoersStore *self,
                           GObject    *object,
                           const char *still_there,
                           const char *no_department,
                           GError    **error)
{
  g_autoptr (GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify) koers_row_free);
  g_autoptr (GHashTable) ids = NULL;
  g_autoptr (GArray) relinks = g_array_new (FALSE, FALSE, sizeof (KoersClearedLink));
  gboolean        is_kpi = KOERS_IS_KPI (object);
  KoersKpi       *kpi = is_kpi ? KOERS_KPI (object) : NULL;
  KoersObjective *objective = is_kpi ? NULL : KOERS_OBJECTIVE (object);
  gint64          id = is_kpi ? koers_kpi_get_id (kpi) : koers_objective_get_id (objective);
  gint64          department_id = is_kpi ? koers_kpi_get_department_id (kpi)
                                         : koers_objective_get_department_id (objective);
  gboolean        inserted;

  if (id == 0 || (is_kpi ? (gpointer) koers_store_find_kpi (self, id)
                         : (gpointer) koers_store_find_objective (self, id)) != NULL)
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT, still_there);
      return FALSE;
    }

  if (koers_store_find_department (self, department_id) == NULL)
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT, no_department);
      return FALSE;
    }

  ids = koers_store_new_id_set_with (id);

  if (!koers_store_begin (self, error))
    return FALSE;

  if (is_kpi)
    inserted = koers_store_insert_kpi_tree (self, kpi, koers_row_new_from_object (object),
                                            FALSE, pending, error);
  else
    inserted = koers_store_insert_objective_tree (self, objective,
                                                  koers_row_new_from_object (object),
                                                  FALSE, ids, pending, error);
  if (!inserted ||
      !koers_store_relink (self, is_kpi ? NULL : ids, is_kpi ? ids : NULL, 0, relinks, error) ||
      !koers_store_commit (self, error))
    {
      koers_store_rollback (self);
      return FALSE;
    }

  koers_store_apply_rows (pending);
  koers_store_keep (self, object);
  koers_store_apply_relinks (self, relinks);

  koers_store_emit_changed (self);
  return TRUE;
}
