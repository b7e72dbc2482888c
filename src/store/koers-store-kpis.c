/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "core/koers-date.h"
#include "core/koers-kpi-status.h"
#include "koers-store-private.h"

/* KPI and KPI value writes.  Each: checks, one transaction, and only after
 * COMMIT the objects, lists and indexes, then "changed" once.  A KPI's
 * current value and status are not stored: the KPI object derives them
 * from its values. */

GPtrArray *
koers_store_list_department_kpis (KoersStore      *self,
                                  KoersDepartment *dept)
{
  GListModel *model = G_LIST_MODEL (self->kpis);
  GPtrArray  *ret = g_ptr_array_new_with_free_func (g_object_unref);
  gint64      id;
  guint       n;

  g_return_val_if_fail (KOERS_IS_STORE (self), ret);
  g_return_val_if_fail (KOERS_IS_DEPARTMENT (dept), ret);

  /* The list is sorted by department and position already. */
  id = koers_department_get_id (dept);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      KoersKpi *kpi = g_list_model_get_item (model, i);

      if (koers_kpi_get_department_id (kpi) == id)
        g_ptr_array_add (ret, kpi);
      else
        g_object_unref (kpi);
    }

  return ret;
}

GPtrArray *
koers_store_list_kpi_key_results (KoersStore *self,
                                  KoersKpi   *kpi)
{
  GListModel *objectives = G_LIST_MODEL (self->objectives);
  GPtrArray  *ret = g_ptr_array_new_with_free_func (g_object_unref);
  gint64      id;

  g_return_val_if_fail (KOERS_IS_STORE (self), ret);
  g_return_val_if_fail (KOERS_IS_KPI (kpi), ret);

  id = koers_kpi_get_id (kpi);
  if (id == 0)
    return ret;

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *krs = koers_objective_get_key_results (objective);

      /* An archived objective moves nothing any more: its key results
       * keep the link (a restore brings it back), but are not listed. */
      if (koers_objective_get_archived (objective))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (krs); j++)
        {
          KoersKeyResult *kr = g_list_model_get_item (krs, j);

          if (koers_key_result_get_kpi_id (kr) == id)
            g_ptr_array_add (ret, kr);
          else
            g_object_unref (kr);
        }
    }

  return ret;
}

/* The next position among a department's KPIs, but for exclude (one
 * that moves there and may say so already). */
static int
get_next_position (KoersStore *self,
                   gint64      department_id,
                   KoersKpi   *exclude)
{
  GListModel *model = G_LIST_MODEL (self->kpis);
  guint       n = g_list_model_get_n_items (model);
  int         next = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKpi) kpi = g_list_model_get_item (model, i);

      if (kpi != exclude && koers_kpi_get_department_id (kpi) == department_id)
        next = MAX (next, koers_kpi_get_position (kpi) + 1);
    }

  return next;
}

static gboolean
check_kpi (KoersStore *self,
           KoersKpi   *kpi,
           GError    **error)
{
  g_autofree char  *name = g_strstrip (g_strdup (koers_kpi_get_name (kpi)));
  KoersKpiDirection direction = koers_kpi_get_direction (kpi);
  double            healthy = koers_kpi_get_healthy (kpi);
  double            attention = koers_kpi_get_attention (kpi);

  if (koers_store_find_department (self, koers_kpi_get_department_id (kpi)) == NULL)
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("The KPI’s department does not exist"));
      return FALSE;
    }

  if (name[0] == '\0')
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("A KPI needs a name"));
      return FALSE;
    }

  if (koers_kpi_check_thresholds (direction, healthy, attention))
    return TRUE;

  if (!isfinite (healthy) || !isfinite (attention))
    g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                         _ ("A KPI’s thresholds must be numbers"));
  else if (direction == KOERS_KPI_DIRECTION_LOWER)
    g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                         _ ("When lower is better, the “needs attention” threshold cannot be "
                            "below the healthy one"));
  else
    g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                         _ ("When higher is better, the “needs attention” threshold cannot be "
                            "above the healthy one"));
  return FALSE;
}

/* A value's date may be unset only when it is about to be added (today). */
static gboolean
check_value (KoersKpiValue *value,
             gboolean       date_required,
             GError       **error)
{
  const char *date = koers_kpi_value_get_date (value);
  GDate       parsed;

  if (!isfinite (koers_kpi_value_get_value (value)))
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("A KPI value must be a number"));
      return FALSE;
    }

  if ((date != NULL || date_required) && !koers_date_parse (date, &parsed))
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("A KPI value needs a date that exists, as YYYY-MM-DD"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_values (KoersKpi *kpi,
              GError  **error)
{
  GListModel *values = koers_kpi_get_values (kpi);

  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr (KoersKpiValue) value = g_list_model_get_item (values, i);

      if (!check_value (value, FALSE, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
koers_store_add_kpi (KoersStore *self,
                     KoersKpi   *kpi,
                     GError    **error)
{
  KoersRow *row;

  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KOERS_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!koers_store_check_not_stored (self, kpi, TRUE, error) || !check_kpi (self, kpi, error) ||
      !check_values (kpi, error))
    return FALSE;

  row = koers_row_new_from_object (G_OBJECT (kpi));
  koers_row_make_fresh (row, koers_now_usec ());
  row->order = get_next_position (self, row->owner_id, NULL);

  /* Values it already holds go in with it. */
  if (!koers_store_write_tree (self, G_OBJECT (kpi), row, TRUE, error))
    return FALSE;

  koers_store_keep (self, kpi);
  koers_store_emit_changed (self);
  return TRUE;
}

gboolean
koers_store_save_kpi (KoersStore *self,
                      KoersKpi   *kpi,
                      GError    **error)
{
  g_autoptr (KoersRow) row = NULL;
  KoersKpi *own;
  gint64    department_id;
  int       position;

  own = koers_store_find_own (self, kpi, KOERS_TYPE_KPI, error);
  if (own == NULL)
    return FALSE;

  if (!check_kpi (self, kpi, error))
    goto failed;

  /* The stored row says where it was: own may be kpi, changed already. */
  department_id = koers_kpi_get_department_id (kpi);
  position = koers_kpi_get_position (kpi);
  {
    g_autoptr (KoersDbStmt) select = koers_store_prepare (self,
                                                          "SELECT department_id FROM kpis"
                                                          " WHERE id = ?1",
                                                          error);

    if (select == NULL)
      goto failed;
    koers_db_bind_int64 (select, 1, koers_kpi_get_id (own));
    if (koers_db_step (select) == KOERS_DB_ROW && koers_db_column_int64 (select, 0) != department_id)
      position = get_next_position (self, department_id, own);
  }

  row = koers_store_begin_save (self, G_OBJECT (own), G_OBJECT (kpi), FALSE, error);
  if (row == NULL)
    goto failed;

  row->owner_id = department_id;
  row->order = position;
  if (!koers_store_end_save (self, G_OBJECT (own), G_OBJECT (kpi), row, error))
    goto failed;

  koers_store_resort_kpi (self, own);

  koers_store_emit_changed (self);
  return TRUE;

failed:
  return koers_store_save_failed (self, own, kpi);
}

gboolean
koers_store_move_kpi (KoersStore *self,
                      KoersKpi   *kpi,
                      guint       new_index,
                      GError    **error)
{
  g_autoptr (GPtrArray) order = NULL;
  KoersDepartment *dept;
  KoersKpi        *own;
  guint            old_index;

  own = koers_store_find_own (self, kpi, KOERS_TYPE_KPI, error);
  if (own == NULL)
    return FALSE;

  dept = koers_store_find_department (self, koers_kpi_get_department_id (own));
  order = koers_store_list_department_kpis (self, dept);
  if (!g_ptr_array_find (order, own, &old_index))
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED,
                           _ ("The KPI or KPI value is not in this database"));
      return FALSE;
    }

  if (!koers_store_move_in_order (self, order, old_index, &new_index, error))
    return FALSE;

  if (old_index != new_index)
    g_list_store_sort (self->kpis, koers_store_compare_kpis, NULL);

  koers_store_emit_changed (self);
  return TRUE;
}

gboolean
koers_store_delete_kpi (KoersStore *self,
                        KoersKpi   *kpi,
                        GError    **error)
{
  KoersKpi *own;

  own = koers_store_find_own (self, kpi, KOERS_TYPE_KPI, error);
  if (own == NULL)
    return FALSE;

  /* Its values go with ON DELETE CASCADE, the key results' links with
   * SET NULL. */
  return koers_store_delete_owned (self, G_OBJECT (own), "DELETE FROM kpis WHERE id = ?1", error);
}

gboolean
koers_store_restore_kpi (KoersStore *self,
                         KoersKpi   *kpi,
                         GError    **error)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KOERS_IS_KPI (kpi), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return koers_store_restore_owned (self, G_OBJECT (kpi),
                                    _ ("The KPI cannot be restored: it is still there"),
                                    _ ("The KPI cannot be restored: its department was deleted"),
                                    error);
}

/* Inserts a value row (add: fresh). */
static gboolean
write_new_value (KoersStore    *self,
                 KoersKpi      *kpi,
                 KoersKpiValue *value,
                 gboolean       fresh,
                 GError       **error)
{
  KoersRow *row;

  g_return_val_if_fail (KOERS_IS_KPI_VALUE (value), FALSE);

  kpi = koers_store_find_own (self, kpi, KOERS_TYPE_KPI, error);
  if (kpi == NULL || !koers_store_check_not_stored (self, value, fresh, error) ||
      !check_value (value, !fresh, error))
    return FALSE;

  row = koers_row_new_from_object (G_OBJECT (value));
  if (fresh)
    {
      koers_row_make_fresh (row, koers_now_usec ());
      if (row->date == NULL)
        row->date = koers_date_today_iso ();
    }
  row->owner_id = koers_kpi_get_id (kpi);

  if (!koers_store_write_tree (self, G_OBJECT (value), row, fresh, error))
    return FALSE;

  koers_kpi_add_value (kpi, value);
  koers_store_index (self, value, kpi);

  koers_store_emit_changed (self);
  return TRUE;
}

gboolean
koers_store_add_kpi_value (KoersStore    *self,
                           KoersKpi      *kpi,
                           KoersKpiValue *value,
                           GError       **error)
{
  return write_new_value (self, kpi, value, TRUE, error);
}

gboolean
koers_store_restore_kpi_value (KoersStore    *self,
                               KoersKpi      *kpi,
                               KoersKpiValue *value,
                               GError       **error)
{
  return write_new_value (self, kpi, value, FALSE, error);
}

gboolean
koers_store_save_kpi_value (KoersStore    *self,
                            KoersKpiValue *value,
                            GError       **error)
{
  g_autoptr (KoersRow) row = NULL;
  KoersKpiValue *own;
  KoersKpi      *kpi;

  own = koers_store_find_own (self, value, KOERS_TYPE_KPI_VALUE, error);
  if (own == NULL)
    return FALSE;

  kpi = koers_store_get_kpi_value_kpi (self, own);
  if (!check_value (value, TRUE, error))
    goto failed;

  row = koers_store_begin_save (self, G_OBJECT (own), G_OBJECT (value), FALSE, error);
  if (row == NULL)
    goto failed;

  row->owner_id = koers_kpi_get_id (kpi);
  if (!koers_store_end_save (self, G_OBJECT (own), G_OBJECT (value), row, error))
    goto failed;

  /* Already in the list: this re-sorts it when the date moved. */
  koers_kpi_add_value (kpi, own);

  koers_store_emit_changed (self);
  return TRUE;

failed:
  return koers_store_save_failed (self, own, value);
}

gboolean
koers_store_delete_kpi_value (KoersStore    *self,
                              KoersKpiValue *value,
                              GError       **error)
{
  KoersKpiValue *own;
  KoersKpi      *kpi;

  own = koers_store_find_own (self, value, KOERS_TYPE_KPI_VALUE, error);
  if (own == NULL)
    return FALSE;

  kpi = koers_store_get_kpi_value_kpi (self, own);

  if (!koers_store_delete_by_id (self, "DELETE FROM kpi_values WHERE id = ?1",
                                 koers_kpi_value_get_id (own), error))
    return FALSE;

  koers_store_forget_child (self, own, kpi);

  koers_store_emit_changed (self);
  return TRUE;
}
