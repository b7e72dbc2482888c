/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core/koers-date.h"
#include "koers-store-private.h"

/* The steps every write of the koers-store-*.c files shares: rows to
 * apply after COMMIT, sets of ids, a fresh row, one statement on one id,
 * a delete in its own transaction and a renumbering. */

void
koers_store_apply_rows (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    koers_row_apply (g_ptr_array_index (rows, i));
}

GHashTable *
koers_store_new_id_set (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

void
koers_store_add_to_id_set (GHashTable *set,
                           gint64      id)
{
  g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

GHashTable *
koers_store_new_id_set_with (gint64 id)
{
  GHashTable *set = koers_store_new_id_set ();

  koers_store_add_to_id_set (set, id);
  return set;
}

void
koers_row_make_fresh (KoersRow *row,
                      gint64    stamp)
{
  row->id = 0;
  if (row->uuid == NULL)
    row->uuid = koers_uuid_new ();
  row->created = stamp;
  row->updated = stamp;
}

gboolean
koers_store_run_with_id (KoersStore  *self,
                         const char  *sql,
                         gint64       id,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = koers_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return koers_store_step_done (self, stmt, error);
}

gboolean
koers_store_delete_by_id (KoersStore  *self,
                          const char  *sql,
                          gint64       id,
                          GError     **error)
{
  if (!koers_store_begin (self, error))
    return FALSE;

  if (!koers_store_run_with_id (self, sql, id, error) || !koers_store_commit (self, error))
    {
      koers_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

gboolean
koers_store_renumber (KoersStore  *self,
                      const char  *sql,
                      GPtrArray   *order,
                      const char  *property,
                      GError     **error)
{
  if (!koers_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < order->len; i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      gint64 id;
      int current;

      g_object_get (g_ptr_array_index (order, i), "id", &id, property, &current, NULL);
      if (current == (int) i)
        continue;

      stmt = koers_store_prepare (self, sql, error);
      if (stmt == NULL)
        goto failed;

      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_int64 (stmt, 2, id);
      if (!koers_store_step_done (self, stmt, error))
        goto failed;
    }

  if (!koers_store_commit (self, error))
    goto failed;

  for (guint i = 0; i < order->len; i++)
    g_object_set (g_ptr_array_index (order, i), property, (int) i, NULL);

  return TRUE;

failed:
  koers_store_rollback (self);
  return FALSE;
}

/* In memory: the indexes and the sorted list, after COMMIT. */
void
koers_store_keep_department (KoersStore *self,
                             KoersDepartment *dept)
{
  koers_store_index_department (self, dept);
  g_list_store_insert_sorted (self->departments, dept, koers_store_compare_departments, NULL);
}

void
koers_store_keep_objective (KoersStore *self,
                            KoersObjective *objective)
{
  koers_store_index_objective (self, objective);
  g_list_store_insert_sorted (self->objectives, objective, koers_store_compare_objectives, NULL);
}

void
koers_store_forget_objective (KoersStore *self,
                              KoersObjective *objective)
{
  guint position;

  koers_store_unindex_objective (self, objective);
  if (g_list_store_find (self->objectives, objective, &position))
    g_list_store_remove (self->objectives, position);
}

void
koers_store_keep_kpi (KoersStore *self,
                      KoersKpi *kpi)
{
  koers_store_index_kpi (self, kpi);
  g_list_store_insert_sorted (self->kpis, kpi, koers_store_compare_kpis, NULL);
}

void
koers_store_forget_kpi (KoersStore *self,
                        KoersKpi *kpi)
{
  guint position;

  koers_store_unindex_kpi (self, kpi);
  if (g_list_store_find (self->kpis, kpi, &position))
    g_list_store_remove (self->kpis, position);
}

/* The editable content, for a save or an import that writes into the
 * store's own object; ids, owners, order and stamps are the caller's. */
void
koers_store_copy_key_result_content (KoersKeyResult *to,
                                     KoersKeyResult *from)
{
  koers_key_result_set_title (to, koers_key_result_get_title (from));
  koers_key_result_set_metric_kind (to, koers_key_result_get_metric_kind (from));
  koers_key_result_set_unit (to, koers_key_result_get_unit (from));
  koers_key_result_set_start_value (to, koers_key_result_get_start_value (from));
  koers_key_result_set_target_value (to, koers_key_result_get_target_value (from));
  koers_key_result_set_current_value (to, koers_key_result_get_current_value (from));
  koers_key_result_set_due_date (to, koers_key_result_get_due_date (from));
  koers_key_result_set_owner (to, koers_key_result_get_owner (from));
  koers_key_result_set_weight (to, koers_key_result_get_weight (from));
  koers_key_result_set_uses_personal_data (to, koers_key_result_get_uses_personal_data (from));
  koers_key_result_set_personal_data_note (to, koers_key_result_get_personal_data_note (from));
}

void
koers_store_copy_kpi_content (KoersKpi *to,
                              KoersKpi *from)
{
  koers_kpi_set_name (to, koers_kpi_get_name (from));
  koers_kpi_set_unit (to, koers_kpi_get_unit (from));
  koers_kpi_set_metric_kind (to, koers_kpi_get_metric_kind (from));
  koers_kpi_set_direction (to, koers_kpi_get_direction (from));
  koers_kpi_set_healthy (to, koers_kpi_get_healthy (from));
  koers_kpi_set_attention (to, koers_kpi_get_attention (from));
  koers_kpi_set_frequency (to, koers_kpi_get_frequency (from));
}

void
koers_store_copy_checkin_content (KoersCheckin *to,
                                  KoersCheckin *from)
{
  koers_checkin_set_date (to, koers_checkin_get_date (from));
  koers_checkin_set_value (to, koers_checkin_get_value (from));
  koers_checkin_set_status (to, koers_checkin_get_status (from));
  koers_checkin_set_note (to, koers_checkin_get_note (from));
  koers_checkin_set_author (to, koers_checkin_get_author (from));
}
