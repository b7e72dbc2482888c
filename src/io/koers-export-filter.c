/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/koers-period.h"
#include "core/koers-summary.h"
#include "koers-export-filter.h"

/* clang-format would read the dashed name as a subtraction. */
/* clang-format off */
G_DEFINE_QUARK (koers-export-filter-error-quark, koers_export_filter_error)
/* clang-format on */

static gboolean
is_empty (const char *const *list)
{
  return list == NULL || list[0] == NULL;
}

static gboolean
is_under (KoersStore *store,
          gint64      id,
          GHashTable *roots)
{
  guint depth = 0;

  /* The store refuses parent cycles; the bound only guards the loop. */
  for (gint64 walk = id; walk != 0 && depth < 1000; depth++)
    {
      KoersDepartment *dept;

      if (g_hash_table_contains (roots, &walk))
        return TRUE;

      dept = koers_store_find_department (store, walk);
      if (dept == NULL)
        return FALSE;
      walk = koers_department_get_parent_id (dept);
    }

  return FALSE;
}

GHashTable *
koers_export_filter_select_departments (const KoersExportFilter *filter,
                                        KoersStore              *store,
                                        GError                 **error)
{
  g_autoptr (GHashTable) roots = NULL;
  GHashTable *selected;
  GListModel *depts;

  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);

  if (filter == NULL || is_empty (filter->departments))
    return NULL;

  roots = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; filter->departments[i] != NULL; i++)
    {
      KoersDepartment *dept = koers_store_find_department_by_name (store, filter->departments[i]);
      gint64           id;

      if (dept == NULL)
        {
          g_set_error (error, KOERS_EXPORT_FILTER_ERROR, KOERS_EXPORT_FILTER_ERROR_DEPARTMENT,
                       _ ("There is no department called “%s”"), filter->departments[i]);
          return NULL;
        }

      id = koers_department_get_id (dept);
      g_hash_table_add (roots, g_memdup2 (&id, sizeof id));
    }

  selected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  depts = koers_store_get_departments (store);
  for (guint i = 0; i < g_list_model_get_n_items (depts); i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (depts, i);
      gint64 id = koers_department_get_id (dept);

      if (is_under (store, id, roots))
        g_hash_table_add (selected, g_memdup2 (&id, sizeof id));
    }

  return selected;
}

typedef struct
{
  GHashTable *dept_rank;  /* department id -> position in the store's list + 1 */
  GHashTable *store_rank; /* KoersObjective -> position in the store's list + 1 */
} Order;

static int
compare_objectives (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  Order          *order = user_data;
  KoersObjective *oa = *(KoersObjective **) a;
  KoersObjective *ob = *(KoersObjective **) b;
  gint64          da = koers_objective_get_department_id (oa);
  gint64          db = koers_objective_get_department_id (ob);
  guint           ra = GPOINTER_TO_UINT (g_hash_table_lookup (order->dept_rank, &da));
  guint           rb = GPOINTER_TO_UINT (g_hash_table_lookup (order->dept_rank, &db));
  int             cmp;

  if (ra != rb)
    return ra < rb ? -1 : 1;

  cmp = g_strcmp0 (koers_objective_get_period (oa), koers_objective_get_period (ob));
  if (cmp != 0)
    return cmp;

  if (koers_objective_get_position (oa) != koers_objective_get_position (ob))
    return koers_objective_get_position (oa) < koers_objective_get_position (ob) ? -1 : 1;

  ra = GPOINTER_TO_UINT (g_hash_table_lookup (order->store_rank, oa));
  rb = GPOINTER_TO_UINT (g_hash_table_lookup (order->store_rank, ob));
  return (ra > rb) - (ra < rb);
}

/* The window's order: departments as the sidebar lists them (the company
 * first), then period and position. */
static void
sort_objectives (GPtrArray  *objectives,
                 KoersStore *store)
{
  GListModel *depts = koers_store_get_departments (store);
  Order       order;

  order.dept_rank = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  order.store_rank = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (depts); i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (depts, i);
      gint64 id = koers_department_get_id (dept);

      g_hash_table_insert (order.dept_rank, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < objectives->len; i++)
    g_hash_table_insert (order.store_rank, g_ptr_array_index (objectives, i),
                         GUINT_TO_POINTER (i + 1));

  g_ptr_array_sort_with_data (objectives, compare_objectives, &order);

  g_hash_table_unref (order.dept_rank);
  g_hash_table_unref (order.store_rank);
}

GArray *
koers_export_filter_parse_periods (const KoersExportFilter *filter,
                                   GError                 **error)
{
  g_autoptr (GArray) periods = g_array_new (FALSE, FALSE, sizeof (KoersPeriod));

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filter == NULL || is_empty (filter->periods))
    return g_steal_pointer (&periods);

  for (guint i = 0; filter->periods[i] != NULL; i++)
    {
      KoersPeriod period;
      g_autoptr (GError) parse_error = NULL;

      if (!koers_period_parse (filter->periods[i], &period, &parse_error))
        {
          g_set_error (error, KOERS_EXPORT_FILTER_ERROR, KOERS_EXPORT_FILTER_ERROR_PERIOD,
                       _ ("“%s” is not a period: %s"), filter->periods[i],
                       parse_error->message);
          return NULL;
        }
      g_array_append_val (periods, period);
    }

  return g_steal_pointer (&periods);
}

GPtrArray *
koers_export_filter_select_objectives (const KoersExportFilter *filter,
                                       KoersStore              *store,
                                       GError                 **error)
{
  g_autoptr (GHashTable) depts = NULL;
  g_autoptr (GArray) periods = NULL;
  g_autoptr (GPtrArray) objectives = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *all;
  GError     *local_error = NULL;

  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  periods = koers_export_filter_parse_periods (filter, error);
  if (periods == NULL)
    return NULL;

  depts = koers_export_filter_select_departments (filter, store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  /* A lazily opened store reads what the filter asks for first. */
  if (periods->len == 0 && !koers_store_load_all (store, error))
    return NULL;
  for (guint i = 0; i < periods->len; i++)
    if (!koers_store_load_period (store, &g_array_index (periods, KoersPeriod, i), error))
      return NULL;
  /* Exports carry every check-in: in one query, not one per key result. */
  if (!koers_store_load_checkins (store, error))
    return NULL;

  all = koers_store_get_objectives (store);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (all, i);
      gint64   dept_id = koers_objective_get_department_id (objective);
      gboolean in_period = periods->len == 0;

      if (depts != NULL && !g_hash_table_contains (depts, &dept_id))
        continue;

      for (guint j = 0; j < periods->len && !in_period; j++)
        in_period = koers_objective_in_period (objective, &g_array_index (periods, KoersPeriod, j));

      if (in_period)
        g_ptr_array_add (objectives, g_steal_pointer (&objective));
    }

  sort_objectives (objectives, store);
  return g_steal_pointer (&objectives);
}
