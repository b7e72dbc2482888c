/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/koers-date.h"
#include "koers-store-private.h"

/* Objective writes.  Each: checks, one transaction, and only after COMMIT
 * the objects, lists and indexes, then "changed" once. */

int
koers_store_next_objective_position (KoersStore *self,
                                     gint64      department_id,
                                     const char *period)
{
  GListModel *model = G_LIST_MODEL (self->objectives);
  guint       n = g_list_model_get_n_items (model);
  int         next = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (model, i);

      if (koers_objective_get_department_id (objective) == department_id &&
          g_strcmp0 (koers_objective_get_period (objective), period) == 0)
        next = MAX (next, koers_objective_get_position (objective) + 1);
    }

  return next;
}

static gboolean
check_objective (KoersStore     *self,
                 KoersObjective *objective,
                 GError        **error)
{
  gint64 id = koers_objective_get_id (objective);
  gint64 aligned = koers_objective_get_aligned_to_id (objective);
  gint64 carried = koers_objective_get_carried_over_from_id (objective);

  if (koers_store_find_department (self, koers_objective_get_department_id (objective)) == NULL)
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("The objective’s department does not exist"));
      return FALSE;
    }

  if ((aligned != 0 && (aligned == id || koers_store_find_objective (self, aligned) == NULL)) ||
      (carried != 0 && (carried == id || koers_store_find_objective (self, carried) == NULL)))
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("An objective can only be aligned to or carried over from another "
                              "objective that exists"));
      return FALSE;
    }

  return TRUE;
}

gboolean
koers_store_add_objective (KoersStore     *self,
                           KoersObjective *objective,
                           GError        **error)
{
  KoersRow *row;

  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KOERS_IS_OBJECTIVE (objective), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_list_store_find (self->objectives, objective, NULL))
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("The objective is already in this database"));
      return FALSE;
    }

  if (!check_objective (self, objective, error))
    return FALSE;

  row = koers_row_new_from_object (G_OBJECT (objective));
  koers_row_make_fresh (row, koers_now_usec ());
  row->order = koers_store_next_objective_position (self, row->owner_id,
                                                    koers_objective_get_period (objective));

  /* Key results and check-ins it already holds go in with it. */
  if (!koers_store_write_tree (self, G_OBJECT (objective), row, TRUE, error))
    return FALSE;

  koers_store_keep (self, objective);
  koers_store_emit_changed (self);
  return TRUE;
}

gboolean
koers_store_save_objective (KoersStore     *self,
                            KoersObjective *objective,
                            GError        **error)
{
  g_autoptr (KoersRow) row = NULL;
  KoersObjective *own;

  own = koers_store_find_own (self, objective, KOERS_TYPE_OBJECTIVE, error);
  if (own == NULL)
    return FALSE;

  if (!check_objective (self, objective, error))
    goto failed;

  row = koers_store_begin_save (self, G_OBJECT (own), G_OBJECT (objective), TRUE, error);
  if (row == NULL ||
      !koers_store_end_save (self, G_OBJECT (own), G_OBJECT (objective), row, error))
    goto failed;

  koers_store_resort_objective (self, own);

  koers_store_emit_changed (self);
  return TRUE;

failed:
  return koers_store_save_failed (self, own, objective);
}

gboolean
koers_store_set_objective_archived (KoersStore     *self,
                                    KoersObjective *objective,
                                    gboolean        archived,
                                    GError        **error)
{
  g_autoptr (KoersObjective) copy = NULL;
  KoersObjective *own;

  own = koers_store_find_own (self, objective, KOERS_TYPE_OBJECTIVE, error);
  if (own == NULL)
    return FALSE;
  if (koers_objective_get_archived (own) == !!archived)
    return TRUE;

  /* A copy, so that a refused write leaves the model as it was; the save
   * then writes the row and the change log's entry as any edit does. */
  copy = KOERS_OBJECTIVE (koers_entity_new_object (&koers_entity_objective));
  koers_entity_copy (&koers_entity_objective, G_OBJECT (copy), G_OBJECT (own), NULL);
  koers_objective_set_id (copy, koers_objective_get_id (own));
  koers_objective_set_archived (copy, archived);
  if (!archived && koers_objective_get_state (copy) == KOERS_OBJECTIVE_STATE_ARCHIVED)
    koers_objective_set_state (copy, KOERS_OBJECTIVE_STATE_ACTIVE);
  return koers_store_save_objective (self, copy, error);
}

gboolean
koers_store_count_objective_checkins (KoersStore     *self,
                                      KoersObjective *objective,
                                      guint          *n_checkins,
                                      GError        **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;

  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KOERS_IS_OBJECTIVE (objective), FALSE);
  g_return_val_if_fail (n_checkins != NULL, FALSE);

  /* The database, not the model: a lazily read key result holds only a
   * summary, and another process may have checked in since. */
  stmt = koers_store_prepare (self,
                              "SELECT count(*) FROM checkins c"
                              " JOIN key_results k ON k.id = c.key_result_id"
                              " WHERE k.objective_id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  koers_db_bind_int64 (stmt, 1, koers_objective_get_id (objective));
  if (koers_db_step (stmt) != KOERS_DB_ROW)
    {
      koers_store_set_db_error (self, koers_db_errcode (self->db), error);
      return FALSE;
    }

  *n_checkins = (guint) koers_db_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
koers_store_delete_objective (KoersStore     *self,
                              KoersObjective *objective,
                              GError        **error)
{
  KoersObjective *own;
  guint           n_checkins = 0;

  own = koers_store_find_own (self, objective, KOERS_TYPE_OBJECTIVE, error);
  if (own == NULL)
    return FALSE;

  /* Its check-ins are its history: that is kept, by archiving. */
  if (!koers_store_count_objective_checkins (self, own, &n_checkins, error))
    return FALSE;
  if (n_checkins > 0)
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("An objective with check-ins cannot be deleted; archive it instead"));
      return FALSE;
    }

  /* Read before they go, so that an undo writes them back. */
  koers_store_read_checkins_of (own);
  return koers_store_delete_owned (self, G_OBJECT (own), "DELETE FROM objectives WHERE id = ?1",
                                   error);
}

gboolean
koers_store_restore_objective (KoersStore     *self,
                               KoersObjective *objective,
                               GError        **error)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KOERS_IS_OBJECTIVE (objective), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return koers_store_restore_owned (self, G_OBJECT (objective),
                                    _ ("The objective cannot be restored: it is still there"),
                                    _ ("The objective cannot be restored: its department was deleted"),
                                    error);
}
