/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/koers-date.h"
#include "koers-store-private.h"

/* Key result and check-in writes.  Each: checks, one transaction, and only
 * after COMMIT the objects, lists and indexes, then "changed" once.  A
 * check-in write also sets the key result's current-value to the latest
 * check-in's value, in the same transaction. */

static int
get_next_position (KoersObjective *objective)
{
  GListModel *krs = koers_objective_get_key_results (objective);
  guint       n = g_list_model_get_n_items (krs);
  int         next = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, i);

      next = MAX (next, koers_key_result_get_position (kr) + 1);
    }

  return next;
}

static void
set_current (KoersKeyResult *kr,
             gboolean        has_current,
             double          current_value)
{
  if (has_current)
    koers_key_result_set_current_value (kr, current_value);
}

/* Inserts a key result with its check-ins (add: fresh, at the end). */
static gboolean
write_new_key_result (KoersStore     *self,
                      KoersObjective *objective,
                      KoersKeyResult *kr,
                      gboolean        fresh,
                      GError        **error)
{
  KoersObjective *own_objective;
  KoersRow       *row;

  g_return_val_if_fail (KOERS_IS_KEY_RESULT (kr), FALSE);

  own_objective = koers_store_find_own (self, objective, KOERS_TYPE_OBJECTIVE, error);
  if (own_objective == NULL || !koers_store_check_not_stored (self, kr, fresh, error))
    return FALSE;

  row = koers_row_new_from_object (G_OBJECT (kr));
  if (fresh)
    {
      koers_row_make_fresh (row, koers_now_usec ());
      row->order = get_next_position (own_objective);
    }
  row->owner_id = koers_objective_get_id (own_objective);

  if (!koers_store_write_tree (self, G_OBJECT (kr), row, fresh, error))
    return FALSE;

  koers_objective_insert_key_result (own_objective, kr);
  koers_store_index (self, kr, own_objective);
  koers_store_emit_changed (self);
  return TRUE;
}

gboolean
koers_store_add_key_result (KoersStore     *self,
                            KoersObjective *objective,
                            KoersKeyResult *kr,
                            GError        **error)
{
  return write_new_key_result (self, objective, kr, TRUE, error);
}

/* Writes every property, the review's final score and note included; a
 * changed objective-id moves the key result to the end of that
 * objective. */
gboolean
koers_store_save_key_result (KoersStore     *self,
                             KoersKeyResult *kr,
                             GError        **error)
{
  g_autoptr (KoersRow) row = NULL;
  KoersKeyResult *own;
  KoersObjective *owner;
  KoersObjective *target;
  int             position;

  own = koers_store_find_own (self, kr, KOERS_TYPE_KEY_RESULT, error);
  if (own == NULL)
    return FALSE;

  owner = koers_store_get_key_result_objective (self, own);
  target = koers_store_find_objective (self, koers_key_result_get_objective_id (kr));
  if (target == NULL)
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("The key result’s objective does not exist"));
      goto failed;
    }

  if (koers_key_result_get_kpi_id (kr) != 0 &&
      koers_store_find_kpi (self, koers_key_result_get_kpi_id (kr)) == NULL)
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("The key result’s KPI does not exist"));
      goto failed;
    }

  position = target != owner ? get_next_position (target) : koers_key_result_get_position (kr);

  row = koers_store_begin_save (self, G_OBJECT (own), G_OBJECT (kr), TRUE, error);
  if (row == NULL)
    goto failed;

  row->owner_id = koers_objective_get_id (target);
  /* After the merge: a move by someone else within the objective stays. */
  row->order = target != owner ? position : koers_key_result_get_position (kr);
  if (!koers_store_end_save (self, G_OBJECT (own), G_OBJECT (kr), row, error))
    goto failed;

  g_object_ref (own);

  if (target != owner)
    {
      koers_store_unindex (self, own);
      koers_objective_remove_key_result (owner, own);
      koers_objective_insert_key_result (target, own);
      koers_store_index (self, own, target);
    }
  else
    koers_objective_sort_key_results (owner);
  g_object_unref (own);

  koers_store_emit_changed (self);
  return TRUE;

failed:
  return koers_store_save_failed (self, own, kr);
}

gboolean
koers_store_move_key_result (KoersStore     *self,
                             KoersKeyResult *kr,
                             guint           new_index,
                             GError        **error)
{
  g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  KoersKeyResult *own;
  KoersObjective *owner;
  GListModel     *krs;
  guint           old_index = 0;

  own = koers_store_find_own (self, kr, KOERS_TYPE_KEY_RESULT, error);
  if (own == NULL)
    return FALSE;

  owner = koers_store_get_key_result_objective (self, own);
  krs = koers_objective_get_key_results (owner);
  for (guint i = 0; i < g_list_model_get_n_items (krs); i++)
    {
      g_ptr_array_add (order, g_list_model_get_item (krs, i));
      if (g_ptr_array_index (order, i) == own)
        old_index = i;
    }

  if (!koers_store_move_in_order (self, order, old_index, &new_index, error))
    return FALSE;

  koers_objective_sort_key_results (owner);

  koers_store_emit_changed (self);
  return TRUE;
}

gboolean
koers_store_delete_key_result (KoersStore     *self,
                               KoersKeyResult *kr,
                               GError        **error)
{
  KoersKeyResult *own;
  KoersObjective *owner;

  own = koers_store_find_own (self, kr, KOERS_TYPE_KEY_RESULT, error);
  if (own == NULL)
    return FALSE;

  owner = koers_store_get_key_result_objective (self, own);
  /* Read before they go, so that an undo writes them back. */
  koers_key_result_get_checkins (own);

  /* Its check-ins go with ON DELETE CASCADE. */
  if (!koers_store_delete_by_id (self, "DELETE FROM key_results WHERE id = ?1",
                                 koers_key_result_get_id (own), error))
    return FALSE;

  /* The positions of the others keep a gap, so an undo lands in place. */
  koers_store_forget_child (self, own, owner);

  koers_store_emit_changed (self);
  return TRUE;
}

gboolean
koers_store_restore_key_result (KoersStore     *self,
                                KoersObjective *objective,
                                KoersKeyResult *kr,
                                GError        **error)
{
  return write_new_key_result (self, objective, kr, FALSE, error);
}

/* Inserts a check-in row (add: fresh) and syncs the current value. */
static gboolean
write_new_checkin (KoersStore     *self,
                   KoersKeyResult *kr,
                   KoersCheckin   *checkin,
                   gboolean        fresh,
                   GError        **error)
{
  g_autoptr (KoersRow) row = NULL;
  gboolean has_current = FALSE;
  double   current_value = 0;

  g_return_val_if_fail (KOERS_IS_CHECKIN (checkin), FALSE);

  kr = koers_store_find_own (self, kr, KOERS_TYPE_KEY_RESULT, error);
  if (kr == NULL || !koers_store_check_not_stored (self, checkin, fresh, error))
    return FALSE;

  row = koers_row_new_from_object (G_OBJECT (checkin));
  if (fresh)
    {
      koers_row_make_fresh (row, koers_now_usec ());
      if (row->date == NULL)
        row->date = koers_date_today_iso ();
    }
  row->owner_id = koers_key_result_get_id (kr);

  if (!koers_store_begin (self, error))
    return FALSE;

  if (!koers_store_insert_row (self, row, error) ||
      !koers_store_sync_current_value (self, row->owner_id, &has_current, &current_value, error) ||
      !koers_store_commit (self, error))
    {
      koers_store_rollback (self);
      return FALSE;
    }

  koers_row_apply (row);
  koers_key_result_add_checkin (kr, checkin);
  koers_store_index (self, checkin, kr);
  set_current (kr, has_current, current_value);

  koers_store_emit_changed (self);
  return TRUE;
}

gboolean
koers_store_add_checkin (KoersStore     *self,
                         KoersKeyResult *kr,
                         KoersCheckin   *checkin,
                         GError        **error)
{
  return write_new_checkin (self, kr, checkin, TRUE, error);
}

gboolean
koers_store_restore_checkin (KoersStore     *self,
                             KoersKeyResult *kr,
                             KoersCheckin   *checkin,
                             GError        **error)
{
  return write_new_checkin (self, kr, checkin, FALSE, error);
}

gboolean
koers_store_save_checkin (KoersStore   *self,
                          KoersCheckin *checkin,
                          GError      **error)
{
  g_autoptr (KoersRow) row = NULL;
  KoersCheckin   *own;
  KoersKeyResult *kr;
  gboolean        has_current = FALSE;
  double          current_value = 0;

  own = koers_store_find_own (self, checkin, KOERS_TYPE_CHECKIN, error);
  if (own == NULL)
    return FALSE;

  kr = koers_store_get_checkin_key_result (self, own);
  row = koers_store_begin_save (self, G_OBJECT (own), G_OBJECT (checkin), FALSE, error);
  if (row == NULL)
    goto failed;

  row->owner_id = koers_key_result_get_id (kr);
  row->created = koers_checkin_get_created (own);

  if (!koers_store_update_row (self, row, KOERS_UPDATE_SAVE, error) ||
      !koers_store_sync_current_value (self, koers_key_result_get_id (kr), &has_current,
                                       &current_value, error) ||
      !koers_store_commit (self, error))
    goto rollback;

  koers_store_take_saved_row (G_OBJECT (own), G_OBJECT (checkin), row);

  /* Already in the list: this re-sorts it when the date moved. */
  koers_key_result_add_checkin (kr, own);
  set_current (kr, has_current, current_value);

  koers_store_emit_changed (self);
  return TRUE;

rollback:
  koers_store_rollback (self);
failed:
  return koers_store_save_failed (self, own, checkin);
}

gboolean
koers_store_delete_checkin (KoersStore   *self,
                            KoersCheckin *checkin,
                            GError      **error)
{
  KoersCheckin   *own;
  KoersKeyResult *kr;
  gboolean        has_current = FALSE;
  double          current_value = 0;

  own = koers_store_find_own (self, checkin, KOERS_TYPE_CHECKIN, error);
  if (own == NULL)
    return FALSE;

  kr = koers_store_get_checkin_key_result (self, own);

  if (!koers_store_begin (self, error))
    return FALSE;

  if (!koers_store_run_with_id (self, "DELETE FROM checkins WHERE id = ?1",
                                koers_checkin_get_id (own), error) ||
      !koers_store_sync_current_value (self, koers_key_result_get_id (kr), &has_current,
                                       &current_value, error) ||
      !koers_store_commit (self, error))
    goto failed;

  g_object_ref (kr);
  koers_store_forget_child (self, own, kr);
  set_current (kr, has_current, current_value);
  g_object_unref (kr);

  koers_store_emit_changed (self);
  return TRUE;

failed:
  koers_store_rollback (self);
  return FALSE;
}
