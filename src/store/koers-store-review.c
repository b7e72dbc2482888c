/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/koers-date.h"
#include "koers-store-capacity.h"
#include "koers-store-private.h"
#include "koers-store-review.h"

/* The quarterly review's writes, dismissed findings, carry-over and
 * hand-over.  The review's columns and the dismissed findings are read at
 * open (koers-store-load.c) and kept by every write. */

gboolean
koers_store_save_review (KoersStore     *self,
                         KoersObjective *objective,
                         GError        **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  GListModel *krs;
  guint       n_krs;
  gint64      now;

  /* The review edits the store's own objects, as check-ins do. */
  if (koers_store_find_own (self, objective, KOERS_TYPE_OBJECTIVE, error) != objective)
    return FALSE;

  krs = koers_objective_get_key_results (objective);
  n_krs = g_list_model_get_n_items (krs);
  now = MAX (koers_now_usec (), koers_objective_get_updated (objective) + 1);

  stmt = koers_store_begin_write (self,
                                  "UPDATE objectives SET postmortem = ?1, final_grade = ?2,"
                                  " review_note = ?3, state = ?4, updated = ?5 WHERE id = ?6",
                                  error);
  if (stmt == NULL)
    goto failed;

  koers_store_bind_text (stmt, 1, koers_objective_get_postmortem (objective));
  if (koers_objective_has_final_grade (objective))
    koers_db_bind_double (stmt, 2, koers_objective_get_final_grade (objective));
  else
    koers_db_bind_null (stmt, 2);
  koers_store_bind_text (stmt, 3, koers_objective_get_review_note (objective));
  koers_store_bind_text (stmt, 4, koers_objective_state_to_string (koers_objective_get_state (objective)));
  koers_db_bind_int64 (stmt, 5, now);
  koers_db_bind_int64 (stmt, 6, koers_objective_get_id (objective));
  if (!koers_store_step_done (self, stmt, error))
    goto rollback;
  g_clear_pointer (&stmt, koers_db_finalize);

  stmt = koers_store_prepare (self,
                              "UPDATE key_results SET final_score = ?1, final_note = ?2, updated = ?3"
                              " WHERE id = ?4",
                              error);
  if (stmt == NULL)
    goto rollback;

  for (guint i = 0; i < n_krs; i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, i);

      koers_db_reset (stmt);
      if (koers_key_result_get_final_score (kr) >= 0.0)
        koers_db_bind_double (stmt, 1, koers_key_result_get_final_score (kr));
      else
        koers_db_bind_null (stmt, 1);
      koers_store_bind_text (stmt, 2, koers_key_result_get_final_note (kr));
      koers_db_bind_int64 (stmt, 3, now);
      koers_db_bind_int64 (stmt, 4, koers_key_result_get_id (kr));
      if (!koers_store_step_done (self, stmt, error))
        goto rollback;
    }

  if (!koers_store_commit (self, error))
    goto rollback;

  koers_objective_set_updated (objective, now);
  for (guint i = 0; i < n_krs; i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, i);

      koers_key_result_set_updated (kr, now);
    }

  koers_store_emit_changed (self);
  return TRUE;

rollback:
  koers_store_rollback (self);
failed:
  /* Back to what is stored. */
  koers_store_reload_object (self, G_OBJECT (objective));
  for (guint i = 0; i < n_krs; i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, i);

      koers_store_reload_object (self, G_OBJECT (kr));
    }
  return FALSE;
}

GHashTable *
koers_store_get_dismissed_findings (KoersStore *self)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), NULL);

  return self->dismissed;
}

gint64
koers_store_get_finding_dismissed_at (KoersStore *self,
                                      const char *key)
{
  gint64 *at;

  g_return_val_if_fail (KOERS_IS_STORE (self), 0);
  g_return_val_if_fail (key != NULL, 0);

  at = g_hash_table_lookup (koers_store_get_dismissed_findings (self), key);
  return at != NULL ? *at : 0;
}

static gboolean
write_dismissal (KoersStore *self,
                 const char *sql,
                 const char *key,
                 gint64      now,
                 GError    **error)
{
  g_autoptr (KoersDbStmt) stmt = koers_store_begin_write (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  koers_store_bind_text (stmt, 1, key);
  if (koers_db_bind_parameter_count (stmt) > 1)
    koers_db_bind_int64 (stmt, 2, now);

  return koers_store_end_write (self, stmt, error);
}

gboolean
koers_store_dismiss_finding (KoersStore *self,
                             const char *key,
                             GError    **error)
{
  gint64 now = koers_now_usec ();

  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*key == '\0')
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("A finding without a key cannot be dismissed"));
      return FALSE;
    }

  if (g_hash_table_contains (self->dismissed, key))
    return TRUE;

  if (!write_dismissal (self,
                        "INSERT INTO dismissed_findings (key, dismissed_at) VALUES (?1, ?2)"
                        " ON CONFLICT (key) DO NOTHING",
                        key, now, error))
    return FALSE;

  g_hash_table_insert (self->dismissed, g_strdup (key), g_memdup2 (&now, sizeof now));
  koers_store_emit_changed (self);
  return TRUE;
}

gboolean
koers_store_undismiss_finding (KoersStore *self,
                               const char *key,
                               GError    **error)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_hash_table_contains (self->dismissed, key))
    return TRUE;

  if (!write_dismissal (self, "DELETE FROM dismissed_findings WHERE key = ?1", key, 0, error))
    return FALSE;

  g_hash_table_remove (self->dismissed, key);
  koers_store_emit_changed (self);
  return TRUE;
}

void
koers_store_init_quality_input (KoersStore        *self,
                                KoersQualityInput *input,
                                const KoersPeriod *period)
{
  g_return_if_fail (KOERS_IS_STORE (self));
  g_return_if_fail (input != NULL);

  koers_quality_input_init (input, koers_store_get_departments (self),
                            koers_store_get_objectives (self), period);
  input->dismissed = koers_store_get_dismissed_findings (self);
  koers_store_init_quality_capacity (self, input, period);
}

/* Carry-over and hand-over. */

/* As far into the new period as the date was into the old one; the last
 * day stays the last day. */
static char *
shift_due_date (const char        *due,
                const KoersPeriod *from,
                const KoersPeriod *to)
{
  GDate date;
  GDate result = to->start;
  int   offset;

  if (!koers_date_parse (due, &date))
    return NULL;

  if (g_date_compare (&date, &from->end) == 0)
    return koers_date_format_iso (&to->end);

  offset = MAX (koers_date_days_between (&from->start, &date), 0);
  g_date_add_days (&result, (guint) offset);
  if (g_date_compare (&result, &to->end) > 0)
    result = to->end;

  return koers_date_format_iso (&result);
}

/* What a carry-over does not take from the original: its identity, place,
 * period, state, review and history.  Everything else in the column table
 * (title, kind, owner, alignment, a key result's target, unit, weight,
 * KPI…) goes along, a new column included. */
static const char *const objective_not_carried[] = {
  "uuid", "department_id", "level", "period", "state", "carried_over_from_id", "position",
  "created", "updated", "postmortem", "final_grade", "review_note", NULL
};
static const char *const key_result_not_carried[] = {
  "uuid", "objective_id", "start_value", "current_value", "due_date", "position", "created",
  "updated", "final_score", "final_note", NULL
};

static KoersObjective *
build_carry_over_copy (KoersObjective    *objective,
                       const KoersPeriod *from,
                       const KoersPeriod *to,
                       KoersDepartment   *department)
{
  g_autofree char *period_key = koers_period_to_string (to);
  KoersLevel       level = koers_objective_get_department_id (objective) == koers_department_get_id (department)
                             ? koers_objective_get_level (objective)
                             : koers_department_get_level (department);
  KoersObjective  *copy = g_object_new (KOERS_TYPE_OBJECTIVE, NULL);
  GListModel      *krs = koers_objective_get_key_results (objective);
  guint            n = g_list_model_get_n_items (krs);
  int              position = 0;

  koers_entity_copy (&koers_entity_objective, G_OBJECT (copy), G_OBJECT (objective),
                     objective_not_carried);
  koers_objective_set_level (copy, level);
  koers_objective_set_period (copy, period_key);
  koers_objective_set_department_id (copy, koers_department_get_id (department));
  koers_objective_set_carried_over_from_id (copy, koers_objective_get_id (objective));

  /* What was achieved stays achieved in the original; the rest starts
   * again from where it got to. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, i);
      g_autoptr (KoersKeyResult) next = NULL;
      g_autofree char *due = NULL;

      if (koers_key_result_get_progress (kr) >= 1.0)
        continue;

      next = g_object_new (KOERS_TYPE_KEY_RESULT, NULL);
      koers_entity_copy (&koers_entity_key_result, G_OBJECT (next), G_OBJECT (kr),
                         key_result_not_carried);
      koers_key_result_set_start_value (next, koers_key_result_get_current_value (kr));
      koers_key_result_set_current_value (next, koers_key_result_get_current_value (kr));
      due = shift_due_date (koers_key_result_get_due_date (kr), from, to);
      koers_key_result_set_due_date (next, due);
      koers_key_result_set_position (next, position++);
      koers_objective_insert_key_result (copy, next);
    }

  return copy;
}

static gboolean
check_carry_over (KoersStore        *self,
                  KoersObjective    *objective,
                  const KoersPeriod *from,
                  const KoersPeriod *to,
                  KoersDepartment   *department,
                  GError           **error)
{
  if (koers_objective_get_archived (objective))
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("An archived objective cannot be carried over"));
      return FALSE;
    }

  switch (koers_objective_get_state (objective))
    {
    case KOERS_OBJECTIVE_STATE_CARRIED_OVER:
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("The objective was carried over already"));
      return FALSE;
    case KOERS_OBJECTIVE_STATE_ACHIEVED:
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("An achieved objective needs no carrying over"));
      return FALSE;
    case KOERS_OBJECTIVE_STATE_ACTIVE:
    case KOERS_OBJECTIVE_STATE_MISSED:
    case KOERS_OBJECTIVE_STATE_ARCHIVED: /* koers_objective_get_archived() above */
    default:
      break;
    }

  if (koers_objective_get_score (objective) >= 1.0)
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("An achieved objective needs no carrying over"));
      return FALSE;
    }

  if (g_date_compare (&to->start, &from->end) <= 0)
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("An objective can only be carried over to a later period"));
      return FALSE;
    }

  if (department == NULL || koers_store_find_department (self, koers_department_get_id (department)) != department)
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("The department is not in this database"));
      return FALSE;
    }

  return TRUE;
}

gboolean
koers_store_carry_over_objective (KoersStore        *self,
                                  KoersObjective    *objective,
                                  const KoersPeriod *period,
                                  KoersDepartment   *department,
                                  KoersObjective   **copy_out,
                                  GError           **error)
{
  g_autoptr (GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify) koers_row_free);
  g_autoptr (KoersObjective) copy = NULL;
  g_autoptr (KoersDbStmt) stmt = NULL;
  KoersObjective *own;
  KoersPeriod     from;
  KoersPeriod     to;
  KoersRow       *row;
  gint64          now;

  g_return_val_if_fail (department == NULL || KOERS_IS_DEPARTMENT (department), FALSE);

  own = koers_store_find_own (self, objective, KOERS_TYPE_OBJECTIVE, error);
  if (own == NULL)
    return FALSE;

  if (!koers_objective_get_parsed_period (own, &from))
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("The objective’s period is not valid"));
      return FALSE;
    }

  if (period != NULL)
    to = *period;
  else
    koers_period_next (&from, &to);

  if (department == NULL)
    department = koers_store_find_department (self, koers_objective_get_department_id (own));

  if (!check_carry_over (self, own, &from, &to, department, error))
    return FALSE;

  copy = build_carry_over_copy (own, &from, &to, department);
  now = MAX (koers_now_usec (), koers_objective_get_updated (own) + 1);

  row = koers_row_new_from_object (G_OBJECT (copy));
  koers_row_make_fresh (row, now);
  row->order = koers_store_next_objective_position (self, row->owner_id,
                                                    koers_objective_get_period (copy));

  if (!koers_store_begin (self, error))
    {
      koers_row_free (row);
      return FALSE;
    }

  /* The tree takes the row. */
  if (!koers_store_insert_objective_tree (self, copy, row, TRUE, NULL, pending, error))
    goto failed;

  stmt = koers_store_prepare (self, "UPDATE objectives SET state = ?1, updated = ?2 WHERE id = ?3", error);
  if (stmt == NULL)
    goto failed;
  koers_store_bind_text (stmt, 1, koers_objective_state_to_string (KOERS_OBJECTIVE_STATE_CARRIED_OVER));
  koers_db_bind_int64 (stmt, 2, now);
  koers_db_bind_int64 (stmt, 3, koers_objective_get_id (own));
  if (!koers_store_step_done (self, stmt, error) || !koers_store_commit (self, error))
    goto failed;

  koers_store_apply_rows (pending);
  koers_store_keep (self, copy);

  g_object_freeze_notify (G_OBJECT (own));
  koers_objective_set_state (own, KOERS_OBJECTIVE_STATE_CARRIED_OVER);
  koers_objective_set_updated (own, now);
  g_object_thaw_notify (G_OBJECT (own));

  if (copy_out != NULL)
    *copy_out = copy; /* the store holds it now */

  koers_store_emit_changed (self);
  return TRUE;

failed:
  koers_store_rollback (self);
  return FALSE;
}

gboolean
koers_store_hand_over_objective (KoersStore      *self,
                                 KoersObjective  *objective,
                                 KoersDepartment *department,
                                 GError         **error)
{
  KoersObjective *own;
  gint64          department_id;

  g_return_val_if_fail (KOERS_IS_DEPARTMENT (department), FALSE);

  own = koers_store_find_own (self, objective, KOERS_TYPE_OBJECTIVE, error);
  if (own == NULL)
    return FALSE;

  department_id = koers_department_get_id (department);
  if (koers_store_find_department (self, department_id) != department)
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("The department is not in this database"));
      return FALSE;
    }

  if (koers_objective_get_department_id (own) == department_id)
    return TRUE;

  /* One save writes all three; a failed save puts them back. */
  g_object_freeze_notify (G_OBJECT (own));
  koers_objective_set_position (own,
                                koers_store_next_objective_position (self, department_id,
                                                                     koers_objective_get_period (own)));
  koers_objective_set_department_id (own, department_id);
  koers_objective_set_level (own, koers_department_get_level (department));
  g_object_thaw_notify (G_OBJECT (own));

  return koers_store_save_objective (self, own, error);
}
