/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-store-columns.h"
#include "koers-store-private.h"

/* Reading rows into entity objects: once at open (the review's columns
 * and the dismissed findings included, so every view has them from the
 * start), and to put an object back as stored after a save that failed. */

/* What a loader does with an object just read. */
typedef enum
{
  TAKE_KEPT,    /* indexed: it goes into the list being built */
  TAKE_SKIPPED, /* in the model already */
  TAKE_ORPHAN,  /* its owner is missing: the file is damaged */
} Take;

typedef Take (*TakeFunc) (KoersStore *self,
                          GObject    *object,
                          gpointer    data);

/* Reads every row of stmt into a new object of entity and hands it to
 * take; what it keeps is appended to items (or NULL: take keeps it). */
static gboolean
read_rows (KoersStore        *self,
           KoersDbStmt       *stmt,
           const KoersEntity *entity,
           TakeFunc           take,
           gpointer           data,
           GPtrArray         *items,
           GError           **error)
{
  int rc;

  while ((rc = koers_db_step (stmt)) == KOERS_DB_ROW)
    {
      g_autoptr (GObject) object = koers_entity_new_object (entity);

      koers_entity_read_row (entity, stmt, 0, object);
      switch (take (self, object, data))
        {
        case TAKE_ORPHAN:
          return koers_store_set_orphan_error (self, error);
        case TAKE_KEPT:
          if (items != NULL)
            g_ptr_array_add (items, g_steal_pointer (&object));
          break;
        case TAKE_SKIPPED:
        default:
          break;
        }
    }

  return koers_store_rows_ended (self, rc, error);
}

static Take
take_department (KoersStore *self,
                 GObject    *object,
                 gpointer    data)
{
  koers_store_index (self, KOERS_DEPARTMENT (object), NULL);
  return TAKE_KEPT;
}

/* A whole table (what follows its columns in the SELECT) into list, in
 * one splice. */
static gboolean
load_list (KoersStore        *self,
           const KoersEntity *entity,
           const char        *from,
           TakeFunc           take,
           GListStore        *list,
           GError           **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  stmt = koers_store_prepare_select (self, entity, from, error);
  if (stmt == NULL || !read_rows (self, stmt, entity, take, NULL, items, error))
    return FALSE;

  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return TRUE;
}

static Take
take_objective (KoersStore *self,
                GObject    *object,
                gpointer    data)
{
  KoersObjective *objective = KOERS_OBJECTIVE (object);

  /* Already in the model (added here, or by a catch-up). */
  if (koers_store_find_objective (self, koers_objective_get_id (objective)) != NULL)
    return TAKE_SKIPPED;
  if (koers_store_find_department (self, koers_objective_get_department_id (objective)) == NULL)
    return TAKE_ORPHAN;
  koers_store_index (self, objective, NULL);
  return TAKE_KEPT;
}

/* The rows of entity of one period key (NULL: all): period_from or
 * all_from is what follows the columns in the SELECT (as
 * koers_store_prepare_load() has them), take and items as read_rows(). */
static gboolean
load_of_period (KoersStore        *self,
                const KoersEntity *entity,
                const char        *period,
                const char        *period_from,
                const char        *all_from,
                TakeFunc           take,
                GPtrArray         *items,
                GError           **error)
{
  g_autoptr (KoersDbStmt) stmt = koers_store_prepare_load (self, entity, period, period_from,
                                                           all_from, error);

  return stmt != NULL && read_rows (self, stmt, entity, take, NULL, items, error);
}

/* Indexed here, and given to their objectives by give_key_results(). */
static Take
take_key_result (KoersStore *self,
                 GObject    *object,
                 gpointer    data)
{
  KoersKeyResult *kr = KOERS_KEY_RESULT (object);
  KoersObjective *objective;

  if (koers_store_find_key_result (self, koers_key_result_get_id (kr)) != NULL)
    return TAKE_SKIPPED;
  objective = koers_store_find_objective (self, koers_key_result_get_objective_id (kr));
  if (objective == NULL)
    return TAKE_ORPHAN;
  koers_store_index (self, kr, objective);
  return TAKE_KEPT;
}

/* The key results read (by objective, in their order) to their
 * objectives, each objective's in one step: one at a time, every insert
 * recomputed the objective's score and re-watched its list. */
static void
give_key_results (KoersStore *self,
                  GPtrArray  *krs)
{
  guint first = 0;

  for (guint i = 1; i <= krs->len; i++)
    {
      gint64 objective_id = koers_key_result_get_objective_id (g_ptr_array_index (krs, first));

      if (i < krs->len && koers_key_result_get_objective_id (g_ptr_array_index (krs, i)) == objective_id)
        continue;
      koers_objective_insert_key_results (koers_store_find_objective (self, objective_id),
                                          (KoersKeyResult **) &krs->pdata[first], i - first);
      first = i;
    }
}

static int
compare_objective_ptrs (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  return koers_store_compare_objectives (*(gpointer *) a, *(gpointer *) b, NULL);
}

/* The objectives of one period key (NULL: all) into the model. */
gboolean
koers_store_load_period_key (KoersStore *self,
                             const char *period,
                             GError    **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) krs = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->objectives));

  /* The objectives in the list's order, then their key results and
   * check-ins, indexed. */
  if (!load_of_period (self, &koers_entity_objective, period,
                       "FROM objectives WHERE id IN (" KOERS_STORE_PERIOD_OBJECTIVES ")"
                       " ORDER BY department_id, period, position, id",
                       "FROM objectives ORDER BY department_id, period, position, id",
                       take_objective, items, error) ||
      !load_of_period (self, &koers_entity_key_result, period,
                       "FROM key_results WHERE objective_id IN (" KOERS_STORE_PERIOD_OBJECTIVES ")"
                       " ORDER BY objective_id, position, id",
                       "FROM key_results ORDER BY objective_id, position, id",
                       take_key_result, krs, error))
    return FALSE;
  give_key_results (self, krs);
  if (!koers_store_load_period_checkins (self, period, error))
    return FALSE;

  if (items->len == 0)
    return TRUE;

  /* Built in order and added in one step; an earlier period's objectives
   * are merged in order with these. */
  for (guint i = 0; i < n_old; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->objectives), i));
  if (n_old > 0)
    g_ptr_array_sort_with_data (items, compare_objective_ptrs, NULL);
  g_list_store_splice (self->objectives, 0, n_old, items->pdata, items->len);
  return TRUE;
}

static Take
take_kpi (KoersStore *self,
          GObject    *object,
          gpointer    data)
{
  KoersKpi *kpi = KOERS_KPI (object);

  if (koers_store_find_department (self, koers_kpi_get_department_id (kpi)) == NULL)
    return TAKE_ORPHAN;
  koers_store_index (self, kpi, NULL);
  return TAKE_KEPT;
}

/* The values of one KPI, gathered oldest first. */
typedef struct
{
  KoersKpi  *kpi;
  GPtrArray *oldest_first;
} ValueBatch;

/* Hands the KPI the values gathered for it, newest first. */
static void
give_kpi_values (ValueBatch *batch)
{
  g_autoptr (GPtrArray) newest_first = g_ptr_array_new_full (batch->oldest_first->len, NULL);

  for (guint i = batch->oldest_first->len; i > 0; i--)
    g_ptr_array_add (newest_first, g_ptr_array_index (batch->oldest_first, i - 1));
  if (batch->kpi != NULL && newest_first->len > 0)
    koers_kpi_splice_values (batch->kpi, newest_first);
  g_ptr_array_set_size (batch->oldest_first, 0);
}

static Take
take_kpi_value (KoersStore *self,
                GObject    *object,
                gpointer    data)
{
  ValueBatch    *batch = data;
  KoersKpiValue *value = KOERS_KPI_VALUE (object);
  KoersKpi      *kpi = koers_store_find_kpi (self, koers_kpi_value_get_kpi_id (value));

  if (kpi == NULL)
    return TAKE_ORPHAN;
  if (kpi != batch->kpi)
    give_kpi_values (batch);
  batch->kpi = kpi;
  koers_store_index (self, value, kpi);
  g_ptr_array_add (batch->oldest_first, g_object_ref (value));
  return TAKE_KEPT;
}

/* The values of every KPI, or (ids, a JSON array) of the KPIs of those
 * departments. */
static gboolean
load_kpi_values (KoersStore *self,
                 const char *ids,
                 GError    **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  g_autoptr (GPtrArray) oldest_first = g_ptr_array_new_with_free_func (g_object_unref);
  ValueBatch batch = { NULL, oldest_first };

  /* Oldest first, gathered per KPI and handed over in one splice. */
  if (ids == NULL)
    stmt = koers_store_prepare_select (self, &koers_entity_kpi_value,
                                       "FROM kpi_values ORDER BY kpi_id, date, created, id", error);
  else
    {
      stmt = koers_store_prepare_select (self, &koers_entity_kpi_value,
                                         "FROM kpi_values WHERE kpi_id IN (SELECT id FROM kpis"
                                         " WHERE department_id IN (SELECT value FROM json_each (?1)))"
                                         " ORDER BY kpi_id, date, created, id",
                                         error);
      if (stmt != NULL)
        koers_store_bind_text (stmt, 1, ids);
    }
  if (stmt == NULL ||
      !read_rows (self, stmt, &koers_entity_kpi_value, take_kpi_value, &batch, NULL, error))
    return FALSE;

  give_kpi_values (&batch);
  return TRUE;
}

gboolean
koers_store_has_kpi_values (KoersStore *self,
                            KoersKpi   *kpi)
{
  gint64 department_id = koers_kpi_get_department_id (kpi);

  return !self->kpi_values_with_periods || self->kpi_values_all ||
         g_hash_table_contains (self->kpi_values_departments, &department_id);
}

gboolean
koers_store_read_kpi_values (KoersStore   *self,
                             const gint64 *department_ids,
                             guint         n_department_ids,
                             GError      **error)
{
  GListModel *departments = koers_store_get_departments (self);
  guint       n = department_ids != NULL ? n_department_ids : g_list_model_get_n_items (departments);
  g_autoptr (GString) ids = g_string_new ("[");
  g_autoptr (GArray) read = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok;

  if (!self->kpi_values_with_periods || self->kpi_values_all)
    return TRUE;

  for (guint i = 0; i < n; i++)
    {
      gint64 id;

      if (department_ids != NULL)
        id = department_ids[i];
      else
        {
          g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i);

          id = koers_department_get_id (dept);
        }
      if (g_hash_table_contains (self->kpi_values_departments, &id))
        continue;
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, read->len > 0 ? "," : "", id);
      g_array_append_val (read, id);
    }
  g_string_append_c (ids, ']');

  if (read->len > 0)
    {
      if (!koers_store_begin_read (self, error))
        return FALSE;
      ok = load_kpi_values (self, ids->str, error);
      koers_store_end_read (self);
      if (!ok)
        return FALSE;
    }

  for (guint i = 0; i < read->len; i++)
    g_hash_table_add (self->kpi_values_departments, g_memdup2 (&g_array_index (read, gint64, i), sizeof (gint64)));
  self->kpi_values_all = department_ids == NULL;
  return TRUE;
}

static gboolean
load_settings (KoersStore *self,
               GError    **error)
{
  char *organisation = koers_store_read_setting (self, KOERS_STORE_SETTING_ORGANISATION, error);

  if (organisation == NULL)
    return FALSE;

  g_free (self->organisation);
  self->organisation = organisation;
  return TRUE;
}

gboolean
koers_store_load_dismissed (KoersStore *self,
                            GError    **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  g_autoptr (GHashTable) dismissed = NULL;
  GHashTableIter iter;
  gpointer       key, value;
  int            rc;

  stmt = koers_store_prepare (self, "SELECT key, dismissed_at FROM dismissed_findings", error);
  if (stmt == NULL)
    return FALSE;

  dismissed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((rc = koers_db_step (stmt)) == KOERS_DB_ROW)
    {
      gint64 at = koers_db_column_int64 (stmt, 1);

      g_hash_table_insert (dismissed, g_strdup (koers_store_column_text (stmt, 0)),
                           g_memdup2 (&at, sizeof at));
    }

  if (!koers_store_rows_ended (self, rc, error))
    return FALSE;

  /* The same table, refilled: callers keep the pointer they got. */
  g_hash_table_remove_all (self->dismissed);
  g_hash_table_iter_init (&iter, dismissed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_insert (self->dismissed, key, value);
    }

  return TRUE;
}

gboolean
koers_store_load (KoersStore *self,
                  GError    **error)
{
  gboolean ok;

  /* One snapshot: a commit by another process between two of these
   * SELECTs would otherwise show rows whose owner was not read. */
  if (!koers_store_begin_read (self, error))
    return FALSE;

  ok = load_settings (self, error) &&
       load_list (self, &koers_entity_department,
                  "FROM departments ORDER BY is_company DESC, sort_order, id",
                  take_department, self->departments, error) &&
       (self->without_kpis ||
        (load_list (self, &koers_entity_kpi, "FROM kpis ORDER BY department_id, position, id",
                    take_kpi, self->kpis, error) &&
         (self->kpi_values_with_periods || load_kpi_values (self, NULL, error)))) &&
       (self->lazy || koers_store_load_period_key (self, NULL, error)) &&
       koers_store_load_dismissed (self, error);
  if (ok)
    self->last_seq = koers_store_query_last_seq (self);

  koers_store_end_read (self);
  return ok;
}

/* The period keys the database holds that share a day with period: of
 * the departments in ids (a JSON array of ids) only, or (NULL) of all.
 * Those of a few departments come from the index on (department_id,
 * period); every department's are a scan of that index, which was a
 * tenth of reading one department's quarter. */
GPtrArray *
koers_store_list_period_keys (KoersStore        *self,
                              const KoersPeriod *period,
                              const char        *ids,
                              GError           **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (ids != NULL)
    {
      stmt = koers_store_prepare (self,
                                  "SELECT DISTINCT period FROM objectives"
                                  " WHERE department_id IN (SELECT value FROM json_each (?1))",
                                  error);
      if (stmt != NULL)
        koers_store_bind_text (stmt, 1, ids);
    }
  else
    stmt = koers_store_prepare (self, "SELECT DISTINCT period FROM objectives", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = koers_db_step (stmt)) == KOERS_DB_ROW)
    {
      const char *key = koers_store_column_text (stmt, 0);
      KoersPeriod other;

      if (koers_period_parse (key, &other, NULL) && koers_period_overlaps (&other, period))
        g_ptr_array_add (keys, g_strdup (key));
    }

  return koers_store_rows_ended (self, rc, error) ? g_steal_pointer (&keys) : NULL;
}

/* Reads the period's objectives of the departments in ids (a JSON array
 * of ids; NULL: every department's).  With mark, the period counts as read
 * (keys read already are skipped): ids then name every department not
 * read before. */
static gboolean
load_keys (KoersStore        *self,
           const KoersPeriod *period,
           const char        *ids,
           gboolean           mark,
           GError           **error)
{
  g_autoptr (GPtrArray) keys = NULL;
  gboolean ok;

  if (!koers_store_begin_read (self, error))
    return FALSE;

  self->load_departments = ids;
  /* A read that marks the period needs every key the database holds. */
  keys = koers_store_list_period_keys (self, period, mark ? NULL : ids, error);
  ok = keys != NULL;
  for (guint i = 0; ok && i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);

      if (mark && g_hash_table_contains (self->loaded_periods, key))
        continue;
      ok = koers_store_load_period_key (self, key, error);
      if (ok && mark)
        g_hash_table_add (self->loaded_periods, g_strdup (key));
    }
  self->load_departments = NULL;
  /* Only a period read whole counts: one that failed is read again. */
  if (ok && mark)
    g_array_append_val (self->requested_periods, *period);

  koers_store_end_read (self);
  return ok;
}

gboolean
koers_store_was_requested (KoersStore        *self,
                           const KoersPeriod *period,
                           gboolean           exactly)
{
  for (guint i = 0; i < self->requested_periods->len; i++)
    {
      const KoersPeriod *requested = &g_array_index (self->requested_periods, KoersPeriod, i);

      if (exactly ? koers_period_equal (requested, period)
                  : koers_period_overlaps (period, requested))
        return TRUE;
    }
  return FALSE;
}

gboolean
koers_store_load_period (KoersStore        *self,
                         const KoersPeriod *period,
                         GError           **error)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  /* Read whole before, it stays up to date: this store's writes go into
   * the model, other processes' come with the catch-up (koers-store-watch.c),
   * which takes every objective of a period read.  A switch back to a
   * quarter, or to one read ahead, then costs no query. */
  if (!self->lazy || koers_store_was_requested (self, period, TRUE))
    return TRUE;

  return load_keys (self, period, NULL, TRUE, error) && koers_store_read_kpi_values (self, NULL, 0, error);
}

static gboolean
contains_id (const gint64 *ids,
             guint         n_ids,
             gint64        id)
{
  for (guint i = 0; i < n_ids; i++)
    if (ids[i] == id)
      return TRUE;

  return FALSE;
}

gboolean
koers_store_is_department_read (KoersStore        *self,
                                const KoersPeriod *period,
                                gint64             department_id)
{
  if (!self->lazy || koers_store_was_requested (self, period, TRUE))
    return TRUE;

  return self->partial_read && koers_period_equal (&self->partial_period, period) &&
         g_hash_table_contains (self->partial_departments, &department_id);
}

/* Which departments the model holds of a period read in part. */
static void
note_partial_read (KoersStore        *self,
                   const KoersPeriod *period,
                   const gint64      *department_ids,
                   guint              n_department_ids,
                   gint64             company_id)
{
  if (!self->partial_read || !koers_period_equal (&self->partial_period, period))
    {
      g_hash_table_remove_all (self->partial_departments);
      koers_store_clear_summaries (self);
    }
  self->partial_read = TRUE;
  self->partial_period = *period;
  for (guint i = 0; i < n_department_ids; i++)
    g_hash_table_add (self->partial_departments, g_memdup2 (&department_ids[i], sizeof (gint64)));
  g_hash_table_add (self->partial_departments, g_memdup2 (&company_id, sizeof (gint64)));
}

/* The period's objectives of the company and the departments given, or
 * (rest) of every other department, after which the period counts as
 * read. */
static gboolean
load_departments_of_period (KoersStore        *self,
                            const KoersPeriod *period,
                            const gint64      *department_ids,
                            guint              n_department_ids,
                            gboolean           rest,
                            GError           **error)
{
  GListModel *departments = koers_store_get_departments (self);
  guint       n = g_list_model_get_n_items (departments);
  g_autoptr (GString) ids = g_string_new (NULL);
  gint64   company_id = 0;
  gboolean ok;

  if (!self->lazy)
    return TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i);
      gint64 id = koers_department_get_id (dept);

      if (koers_department_get_is_company (dept))
        company_id = id;

      /* The company's objectives come first: what the departments align to. */
      if (rest == (koers_department_get_is_company (dept) || contains_id (department_ids, n_department_ids, id)))
        continue;
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 0 ? ", " : "[", id);
    }
  if (ids->len == 0)
    g_string_append (ids, "[");
  g_string_append (ids, "]");

  /* Only the rest completes the period: then every department is read. */
  ok = load_keys (self, period, ids->str, rest, error);
  if (ok && !rest)
    {
      g_autoptr (GArray) read = g_array_new (FALSE, FALSE, sizeof (gint64));

      note_partial_read (self, period, department_ids, n_department_ids, company_id);
      g_array_append_val (read, company_id);
      g_array_append_vals (read, department_ids, n_department_ids);
      ok = koers_store_read_kpi_values (self, (gint64 *) (gpointer) read->data, read->len, error);
    }
  else if (ok)
    ok = koers_store_read_kpi_values (self, NULL, 0, error);
  if (ok && rest && koers_period_equal (&self->partial_period, period))
    {
      self->partial_read = FALSE;
      g_hash_table_remove_all (self->partial_departments);
      koers_store_clear_summaries (self);
    }
  return ok;
}

gboolean
koers_store_load_period_departments (KoersStore        *self,
                                     const KoersPeriod *period,
                                     const gint64      *department_ids,
                                     guint              n_department_ids,
                                     GError           **error)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  return load_departments_of_period (self, period, department_ids, n_department_ids, FALSE, error);
}

gboolean
koers_store_load_period_rest (KoersStore        *self,
                              const KoersPeriod *period,
                              GArray            *read_first,
                              GError           **error)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  g_return_val_if_fail (read_first != NULL && period != NULL, FALSE);

  return load_departments_of_period (self, period, (const gint64 *) (gpointer) read_first->data,
                                     read_first->len, TRUE, error);
}

gboolean
koers_store_load_all (KoersStore *self,
                      GError    **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;
  int      rc;

  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);

  if (!self->lazy)
    return TRUE;

  if (!koers_store_begin_read (self, error))
    return FALSE;

  stmt = koers_store_prepare (self, "SELECT DISTINCT period FROM objectives", error);
  ok = stmt != NULL;
  while (ok && (rc = koers_db_step (stmt)) == KOERS_DB_ROW)
    g_ptr_array_add (keys, g_strdup (koers_store_column_text (stmt, 0)));
  if (ok && !koers_store_rows_ended (self, rc, error))
    ok = FALSE;

  for (guint i = 0; ok && i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);

      if (g_hash_table_contains (self->loaded_periods, key))
        continue;
      ok = koers_store_load_period_key (self, key, error);
      if (ok)
        g_hash_table_add (self->loaded_periods, g_strdup (key));
    }

  ok = ok && koers_store_read_kpi_values (self, NULL, 0, error);
  koers_store_end_read (self);
  return ok;
}

void
koers_store_reload_object (KoersStore *self,
                           GObject    *object)
{
  const KoersEntity *entity = koers_entity_for_object (object);
  g_autoptr (KoersDbStmt) stmt = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *rest = NULL;
  gint64           id = 0;

  g_return_if_fail (entity != NULL);

  g_object_get (object, "id", &id, NULL);
  rest = g_strdup_printf ("FROM %s WHERE id = ?1", entity->table);
  stmt = koers_store_prepare_select (self, entity, rest, &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot reload a %s: %s", G_OBJECT_TYPE_NAME (object), error->message);
      return;
    }

  koers_db_bind_int64 (stmt, 1, id);
  if (koers_db_step (stmt) == KOERS_DB_ROW)
    koers_entity_read_row (entity, stmt, 0, object);
}
