/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "core/koers-date.h"
#include "core/koers-department.h"
#include "koers-store-capacity.h"
#include "koers-store-private.h"

/* Capacity per department and quarter, the days-per-FTE setting and
 * management's answer to resource requests (schema 7).  The request
 * itself is a part of the objective, saved with it. */

GPtrArray *
koers_store_list_capacities (KoersStore        *self,
                             const KoersPeriod *period,
                             GError           **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  g_autofree char *key = period != NULL ? koers_period_to_string (period) : NULL;

  g_return_val_if_fail (KOERS_IS_STORE (self), NULL);

  stmt = koers_store_prepare_select (self, &koers_entity_capacity,
                                     "FROM capacities WHERE ?1 IS NULL OR period = ?1"
                                     " ORDER BY department_id, period",
                                     error);
  if (stmt == NULL)
    return NULL;
  koers_store_bind_text (stmt, 1, key);
  return koers_store_read_objects (self, &koers_entity_capacity, stmt, error);
}

KoersCapacity *
koers_store_get_capacity (KoersStore        *self,
                          gint64             department_id,
                          const KoersPeriod *period)
{
  g_autoptr (GPtrArray) all = NULL;

  g_return_val_if_fail (KOERS_IS_STORE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  all = koers_store_list_capacities (self, period, NULL);
  for (guint i = 0; all != NULL && i < all->len; i++)
    if (koers_capacity_get_department_id (g_ptr_array_index (all, i)) == department_id)
      return g_object_ref (g_ptr_array_index (all, i));
  return NULL;
}

static gboolean
check_amount (double      value,
              double      max,
              const char *what,
              GError    **error)
{
  if (isfinite (value) && value >= 0.0 && value <= max)
    return TRUE;

  if (isfinite (value) && value > max)
    {
      g_autofree char *limit = koers_format_number (koers_format_get_language (), max, 0);

      /* Translators: the first %s is "Capacity", "Budget" …; the second a number. */
      g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                   _ ("%s is too large: at most %s"), what, limit);
    }
  else
    /* Translators: %s is "Capacity", "Budget" …. */
    g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                 _ ("%s must be a number of 0 or more"), what);
  return FALSE;
}

gboolean
koers_store_set_capacity (KoersStore        *self,
                          gint64             department_id,
                          const KoersPeriod *period,
                          double             days,
                          double             budget,
                          GError           **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  g_autofree char *key = NULL;
  g_autofree char *uuid = NULL;
  gint64           now = koers_now_usec ();

  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  if (!check_amount (days, KOERS_CAPACITY_MAX_DAYS, _ ("Capacity"), error) ||
      !check_amount (budget, KOERS_CAPACITY_MAX_BUDGET, _ ("Budget"), error))
    return FALSE;
  if (koers_store_find_department (self, department_id) == NULL)
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("The department is not in this database"));
      return FALSE;
    }

  key = koers_period_to_string (period);
  uuid = koers_uuid_new ();
  stmt = koers_store_begin_write (self,
                                  "INSERT INTO capacities (uuid, department_id, period, days, budget,"
                                  " created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)"
                                  " ON CONFLICT (department_id, period) DO UPDATE SET"
                                  " days = excluded.days, budget = excluded.budget,"
                                  " updated = max (excluded.updated, capacities.updated + 1)",
                                  error);
  if (stmt == NULL)
    return FALSE;
  koers_store_bind_text (stmt, 1, uuid);
  koers_db_bind_int64 (stmt, 2, department_id);
  koers_store_bind_text (stmt, 3, key);
  koers_db_bind_double (stmt, 4, days);
  koers_db_bind_double (stmt, 5, budget);
  koers_db_bind_int64 (stmt, 6, now);
  if (!koers_store_end_write (self, stmt, error))
    return FALSE;

  koers_store_emit_changed (self);
  return TRUE;
}

double
koers_store_get_days_per_fte (KoersStore *self)
{
  g_autofree char *text = NULL;
  double           days;
  char            *end = NULL;

  g_return_val_if_fail (KOERS_IS_STORE (self), KOERS_CAPACITY_DEFAULT_DAYS_PER_FTE);

  text = koers_store_read_setting (self, KOERS_STORE_SETTING_DAYS_PER_FTE, NULL);
  if (text == NULL || *text == '\0')
    return KOERS_CAPACITY_DEFAULT_DAYS_PER_FTE;
  days = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !(days > 0.0) || days > 366.0)
    return KOERS_CAPACITY_DEFAULT_DAYS_PER_FTE;
  return days;
}

gboolean
koers_store_set_days_per_fte (KoersStore *self,
                              double      days,
                              GError    **error)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);

  if (!isfinite (days) || days <= 0.0 || days > 366.0)
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("Days per FTE must be more than 0 and at most 366"));
      return FALSE;
    }

  g_ascii_dtostr (buffer, sizeof buffer, days);
  if (!koers_store_save_settings (self, error, KOERS_STORE_SETTING_DAYS_PER_FTE, buffer, NULL))
    return FALSE;
  koers_store_emit_changed (self);
  return TRUE;
}

gboolean
koers_store_answer_request (KoersStore       *self,
                            KoersObjective   *objective,
                            KoersRequestState state,
                            const char       *note,
                            GError          **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  gint64 now;

  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KOERS_IS_OBJECTIVE (objective), FALSE);

  if (koers_store_find_objective (self, koers_objective_get_id (objective)) != objective)
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED,
                           _ ("The objective is not in this database"));
      return FALSE;
    }
  if (!koers_resource_request_is_asked (objective))
    {
      g_set_error_literal (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                           _ ("The objective asks for no resources"));
      return FALSE;
    }

  now = MAX (koers_now_usec (), koers_objective_get_updated (objective) + 1);
  stmt = koers_store_begin_write (self,
                                  "UPDATE objectives SET request_state = ?1, request_note = ?2,"
                                  " updated = ?3 WHERE id = ?4",
                                  error);
  if (stmt == NULL)
    return FALSE;
  koers_store_bind_text (stmt, 1, koers_request_state_to_string (state));
  koers_db_bind_text (stmt, 2, note != NULL ? note : "");
  koers_db_bind_int64 (stmt, 3, now);
  koers_db_bind_int64 (stmt, 4, koers_objective_get_id (objective));
  if (!koers_store_end_write (self, stmt, error))
    return FALSE;

  g_object_set (objective, "request-state", state, "request-note", note, "updated", now, NULL);
  koers_store_emit_changed (self);
  return TRUE;
}

static int
compare_position_cb (gconstpointer a,
                     gconstpointer b)
{
  KoersObjective *oa = *(KoersObjective **) a;
  KoersObjective *ob = *(KoersObjective **) b;

  return koers_objective_get_position (oa) - koers_objective_get_position (ob);
}

GPtrArray *
koers_store_list_requests (KoersStore        *self,
                           const KoersPeriod *period)
{
  GPtrArray       *requests = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel      *departments = koers_store_get_departments (self);
  g_autofree char *key = koers_period_to_string (period);

  for (guint d = 0; d < g_list_model_get_n_items (departments); d++)
    {
      g_autoptr (KoersDepartment) department = g_list_model_get_item (departments, d);
      GListModel *objectives = koers_store_get_department_objectives (self,
                                                                      koers_department_get_id (department));
      guint       n = objectives != NULL ? g_list_model_get_n_items (objectives) : 0;
      g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);

          if (g_strcmp0 (koers_objective_get_period (objective), key) == 0 &&
              !koers_objective_get_archived (objective) && koers_resource_request_is_asked (objective))
            g_ptr_array_add (found, g_steal_pointer (&objective));
        }
      g_ptr_array_sort (found, compare_position_cb);
      g_ptr_array_extend_and_steal (requests, g_steal_pointer (&found));
    }
  return requests;
}

void
koers_store_init_quality_capacity (KoersStore        *self,
                                   KoersQualityInput *input,
                                   const KoersPeriod *period)
{
  g_autoptr (GPtrArray) capacities = koers_store_list_capacities (self, period, NULL);
  GHashTable *by_department = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                     g_object_unref);

  for (guint i = 0; capacities != NULL && i < capacities->len; i++)
    {
      KoersCapacity *capacity = g_ptr_array_index (capacities, i);
      gint64         id = koers_capacity_get_department_id (capacity);

      g_hash_table_insert (by_department, g_memdup2 (&id, sizeof id), g_object_ref (capacity));
    }

  /* The input borrows them: the store keeps the last ones. */
  g_object_set_data_full (G_OBJECT (self), "koers-quality-capacities", by_department,
                          (GDestroyNotify) g_hash_table_unref);
  input->capacities = by_department;
  input->escalated = koers_store_get_escalated_uuids (self);
  g_object_set_data_full (G_OBJECT (self), "koers-quality-escalated", input->escalated,
                          (GDestroyNotify) g_hash_table_unref);
}
