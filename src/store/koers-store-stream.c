/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core/koers-summary.h"
#include "koers-store-columns.h"
#include "koers-store-private.h"

/* Objectives straight from the database, one at a time, for exports of
 * any size: nothing here touches the model. */

typedef struct
{
  KoersDbStmt *objectives;  /* of one department */
  KoersDbStmt *key_results; /* of one objective */
  KoersDbStmt *checkins;    /* of one key result */
} Statements;

static void
clear_statements (Statements *stmts)
{
  g_clear_pointer (&stmts->objectives, koers_db_finalize);
  g_clear_pointer (&stmts->key_results, koers_db_finalize);
  g_clear_pointer (&stmts->checkins, koers_db_finalize);
}

static gboolean
prepare_statements (KoersStore *self,
                    Statements *stmts,
                    GError    **error)
{
  const struct
  {
    KoersDbStmt      **stmt;
    const KoersEntity *entity;
    const char        *rest;
  } selects[] = {
    { &stmts->objectives, &koers_entity_objective,
      "FROM objectives WHERE department_id = ?1 ORDER BY period, position, id" },
    { &stmts->key_results, &koers_entity_key_result,
      "FROM key_results WHERE objective_id = ?1 ORDER BY position, id" },
    /* Newest first, as a key result keeps them. */
    { &stmts->checkins, &koers_entity_checkin,
      "FROM checkins WHERE key_result_id = ?1 ORDER BY date DESC, created DESC, id DESC" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (selects); i++)
    {
      *selects[i].stmt = koers_store_prepare_select (self, selects[i].entity, selects[i].rest,
                                                     error);
      if (*selects[i].stmt == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Adds the rows stmt gives for one owner to children, as new objects of
 * entity. */
static gboolean
read_children (KoersStore        *self,
               KoersDbStmt       *stmt,
               const KoersEntity *entity,
               gint64             owner_id,
               GPtrArray         *children,
               GError           **error)
{
  int rc;

  koers_db_reset (stmt);
  koers_db_bind_int64 (stmt, 1, owner_id);
  while ((rc = koers_db_step (stmt)) == KOERS_DB_ROW)
    {
      GObject *child = koers_entity_new_object (entity);

      koers_entity_read_row (entity, stmt, 0, child);
      g_ptr_array_add (children, child);
    }
  return koers_store_rows_ended (self, rc, error);
}

static gboolean
read_checkins (KoersStore     *self,
               Statements     *stmts,
               KoersKeyResult *kr,
               GError        **error)
{
  g_autoptr (GPtrArray) checkins = g_ptr_array_new_with_free_func (g_object_unref);

  if (!read_children (self, stmts->checkins, &koers_entity_checkin, koers_key_result_get_id (kr),
                      checkins, error))
    return FALSE;
  koers_key_result_splice_checkins (kr, checkins);
  return TRUE;
}

static gboolean
read_key_results (KoersStore     *self,
                  Statements     *stmts,
                  KoersObjective *objective,
                  GError        **error)
{
  g_autoptr (GPtrArray) key_results = g_ptr_array_new_with_free_func (g_object_unref);

  if (!read_children (self, stmts->key_results, &koers_entity_key_result,
                      koers_objective_get_id (objective), key_results, error))
    return FALSE;
  for (guint i = 0; i < key_results->len; i++)
    {
      KoersKeyResult *kr = g_ptr_array_index (key_results, i);

      if (!read_checkins (self, stmts, kr, error))
        return FALSE;
      koers_objective_insert_key_result (objective, kr);
    }
  return TRUE;
}

static gboolean
in_periods (KoersObjective    *objective,
            const KoersPeriod *periods,
            guint              n_periods)
{
  if (n_periods == 0)
    return TRUE;

  for (guint i = 0; i < n_periods; i++)
    if (koers_objective_in_period (objective, &periods[i]))
      return TRUE;
  return FALSE;
}

static gboolean
stream_department (KoersStore             *self,
                   Statements             *stmts,
                   gint64                  department_id,
                   const KoersPeriod      *periods,
                   guint                   n_periods,
                   KoersStoreObjectiveFunc func,
                   gpointer                user_data,
                   GError                **error)
{
  int rc;

  koers_db_reset (stmts->objectives);
  koers_db_bind_int64 (stmts->objectives, 1, department_id);
  while ((rc = koers_db_step (stmts->objectives)) == KOERS_DB_ROW)
    {
      g_autoptr (KoersObjective) objective = g_object_new (KOERS_TYPE_OBJECTIVE, NULL);

      koers_entity_read_row (&koers_entity_objective, stmts->objectives, 0, G_OBJECT (objective));
      if (!in_periods (objective, periods, n_periods))
        continue;

      if (!read_key_results (self, stmts, objective, error) ||
          !func (objective, user_data, error))
        {
          koers_db_reset (stmts->objectives);
          return FALSE;
        }
    }

  return koers_store_rows_ended (self, rc, error);
}

gboolean
koers_store_foreach_objective (KoersStore             *self,
                               const KoersPeriod      *periods,
                               guint                   n_periods,
                               const gint64           *department_ids,
                               guint                   n_department_ids,
                               KoersStoreObjectiveFunc func,
                               gpointer                user_data,
                               GError                **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  Statements stmts = { NULL, NULL, NULL };
  gboolean   ok;

  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (n_periods == 0 || periods != NULL, FALSE);

  if (n_department_ids > 0)
    g_array_append_vals (ids, department_ids, n_department_ids);
  else
    {
      GListModel *departments = koers_store_get_departments (self);

      for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
        {
          g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i);
          gint64 id = koers_department_get_id (dept);

          g_array_append_val (ids, id);
        }
    }

  if (!koers_store_begin_read (self, error))
    return FALSE;

  ok = prepare_statements (self, &stmts, error);
  for (guint i = 0; ok && i < ids->len; i++)
    ok = stream_department (self, &stmts, g_array_index (ids, gint64, i), periods, n_periods,
                            func, user_data, error);

  clear_statements (&stmts);
  koers_store_end_read (self);
  return ok;
}

/* The same tree as rows, without objects: for the JSON export, which
 * writes each row as it comes.  Each level in the order a file keeps it
 * (koers-json-export.c): objectives by period, position and uuid; key
 * results by position and uuid; check-ins oldest first. */

typedef struct
{
  KoersStore               *store;
  const KoersStoreRowFuncs *funcs;
  gpointer                  user_data;
  KoersDbStmt              *stmts[3]; /* objectives of a department, key results, check-ins */
} RowStream;

static const KoersEntity *const row_entities[] = {
  &koers_entity_objective,
  &koers_entity_key_result,
  &koers_entity_checkin,
};

static const char *const row_queries[] = {
  "FROM objectives WHERE department_id = ?1 ORDER BY period, position, uuid",
  "FROM key_results WHERE objective_id = ?1 ORDER BY position, uuid",
  "FROM checkins WHERE key_result_id = ?1 ORDER BY date, created, uuid",
};

/* The rows of level that belong to owner_id, each with what it owns. */
static gboolean
stream_rows (RowStream *rs,
             guint      level,
             gint64     owner_id,
             GError   **error)
{
  const KoersEntity *entity = row_entities[level];
  KoersDbStmt       *stmt = rs->stmts[level];
  GValue             values[KOERS_ENTITY_MAX_COLUMNS] = { G_VALUE_INIT };
  int                rc;

  koers_db_reset (stmt);
  koers_db_bind_int64 (stmt, 1, owner_id);
  while ((rc = koers_db_step (stmt)) == KOERS_DB_ROW)
    {
      GError  *local_error = NULL;
      gboolean take;

      koers_entity_read_values (entity, stmt, 0, values);
      take = rs->funcs->row (entity, values, rs->user_data, &local_error);
      koers_entity_clear_values (entity, values);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          koers_db_reset (stmt);
          return FALSE;
        }
      if (!take)
        continue;

      if ((level + 1 < G_N_ELEMENTS (row_entities) &&
           !stream_rows (rs, level + 1, koers_db_column_int64 (stmt, 0), error)) ||
          !rs->funcs->row_end (entity, rs->user_data, error))
        {
          koers_db_reset (stmt);
          return FALSE;
        }
    }

  return koers_store_rows_ended (rs->store, rc, error);
}

gboolean
koers_store_foreach_objective_row (KoersStore               *self,
                                   const gint64             *department_ids,
                                   guint                     n_department_ids,
                                   const KoersStoreRowFuncs *funcs,
                                   gpointer                  user_data,
                                   GError                  **error)
{
  RowStream rs = { self, funcs, user_data, {
                                             NULL,
                                           } };
  gboolean  ok = TRUE;

  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  g_return_val_if_fail (funcs != NULL && funcs->row != NULL && funcs->row_end != NULL, FALSE);

  if (!koers_store_begin_read (self, error))
    return FALSE;

  for (guint i = 0; ok && i < G_N_ELEMENTS (row_entities); i++)
    {
      rs.stmts[i] = koers_store_prepare_select (self, row_entities[i], row_queries[i], error);
      ok = rs.stmts[i] != NULL;
    }
  for (guint i = 0; ok && i < n_department_ids; i++)
    ok = stream_rows (&rs, 0, department_ids[i], error);

  for (guint i = 0; i < G_N_ELEMENTS (row_entities); i++)
    g_clear_pointer (&rs.stmts[i], koers_db_finalize);
  koers_store_end_read (self);
  return ok;
}
