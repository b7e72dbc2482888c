/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/koers-date.h"
#include "koers-json-private.h"
#include "store/koers-store-review.h"

/* Export: the model (the store's lists) to JSON, never SQL.  The order
 * depends on nothing a database chooses (ids), so that an export imported
 * into another database exports the same again. */

typedef struct
{
  KoersStore *store;
  GPtrArray  *departments;  /* KoersDepartment, in file order */
  GPtrArray  *objectives;   /* KoersObjective, in file order */
  GPtrArray  *kpis;         /* KoersKpi, in file order */
  GHashTable *dept_index;   /* KoersDepartment -> position + 1 */
  gboolean    filtered;
} Export;

static int
compare_uuids (const char *a,
               const char *b)
{
  return g_strcmp0 (a, b);
}

static int
compare_departments (gconstpointer a,
                     gconstpointer b)
{
  KoersDepartment *da = *(KoersDepartment **) a;
  KoersDepartment *db = *(KoersDepartment **) b;
  gboolean ca = koers_department_get_is_company (da);
  gboolean cb = koers_department_get_is_company (db);
  int sa = koers_department_get_sort_order (da);
  int sb = koers_department_get_sort_order (db);

  if (ca != cb)
    return ca ? -1 : 1;
  if (sa != sb)
    return sa < sb ? -1 : 1;
  return compare_uuids (koers_department_get_uuid (da), koers_department_get_uuid (db));
}

/* A department's place in the file (1 on), 0 for one that is not in it. */
static guint
get_department_rank (Export *e,
                     gint64  department_id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (e->dept_index,
                                                koers_store_find_department (e->store,
                                                                             department_id)));
}

static int
compare_objectives (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  Export *e = user_data;
  KoersObjective *oa = *(KoersObjective **) a;
  KoersObjective *ob = *(KoersObjective **) b;
  guint ia = get_department_rank (e, koers_objective_get_department_id (oa));
  guint ib = get_department_rank (e, koers_objective_get_department_id (ob));
  int pa = koers_objective_get_position (oa);
  int pb = koers_objective_get_position (ob);
  int cmp;

  if (ia != ib)
    return ia < ib ? -1 : 1;

  cmp = g_strcmp0 (koers_objective_get_period (oa), koers_objective_get_period (ob));
  if (cmp != 0)
    return cmp;

  if (pa != pb)
    return pa < pb ? -1 : 1;

  return compare_uuids (koers_objective_get_uuid (oa), koers_objective_get_uuid (ob));
}

static int
compare_key_results (gconstpointer a,
                     gconstpointer b)
{
  KoersKeyResult *ka = *(KoersKeyResult **) a;
  KoersKeyResult *kb = *(KoersKeyResult **) b;
  int pa = koers_key_result_get_position (ka);
  int pb = koers_key_result_get_position (kb);

  if (pa != pb)
    return pa < pb ? -1 : 1;
  return compare_uuids (koers_key_result_get_uuid (ka), koers_key_result_get_uuid (kb));
}

/* Oldest first, as a history reads: by date, then created, then uuid. */
static int
compare_history (const char *date_a,
                 const char *date_b,
                 gint64      created_a,
                 gint64      created_b,
                 const char *uuid_a,
                 const char *uuid_b)
{
  int cmp = g_strcmp0 (date_a, date_b);

  if (cmp != 0)
    return cmp;
  if (created_a != created_b)
    return created_a < created_b ? -1 : 1;
  return compare_uuids (uuid_a, uuid_b);
}

static int
compare_checkins (gconstpointer a,
                  gconstpointer b)
{
  KoersCheckin *ca = *(KoersCheckin **) a;
  KoersCheckin *cb = *(KoersCheckin **) b;

  return compare_history (koers_checkin_get_date (ca), koers_checkin_get_date (cb),
                          koers_checkin_get_created (ca), koers_checkin_get_created (cb),
                          koers_checkin_get_uuid (ca), koers_checkin_get_uuid (cb));
}

static int
compare_kpis (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  Export *e = user_data;
  KoersKpi *ka = *(KoersKpi **) a;
  KoersKpi *kb = *(KoersKpi **) b;
  guint ia = get_department_rank (e, koers_kpi_get_department_id (ka));
  guint ib = get_department_rank (e, koers_kpi_get_department_id (kb));
  int pa = koers_kpi_get_position (ka);
  int pb = koers_kpi_get_position (kb);

  if (ia != ib)
    return ia < ib ? -1 : 1;
  if (pa != pb)
    return pa < pb ? -1 : 1;
  return compare_uuids (koers_kpi_get_uuid (ka), koers_kpi_get_uuid (kb));
}

static int
compare_kpi_values (gconstpointer a,
                    gconstpointer b)
{
  KoersKpiValue *va = *(KoersKpiValue **) a;
  KoersKpiValue *vb = *(KoersKpiValue **) b;

  return compare_history (koers_kpi_value_get_date (va), koers_kpi_value_get_date (vb),
                          koers_kpi_value_get_created (va), koers_kpi_value_get_created (vb),
                          koers_kpi_value_get_uuid (va), koers_kpi_value_get_uuid (vb));
}

static GPtrArray *
list_to_array (GListModel *model)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));

  return array;
}

static gboolean
array_has (GPtrArray *array,
           gpointer   item)
{
  return g_ptr_array_find (array, item, NULL);
}

/* The KPIs of the departments taken (dept_ids; NULL: all), and the ones
 * the exported key results move, whose departments come along. */
static void
select_kpis (Export     *e,
             GHashTable *dept_ids)
{
  GListModel *all = koers_store_get_kpis (e->store);
  g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);

  e->kpis = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(KoersKpi) kpi = g_list_model_get_item (all, i);
      gint64 id = koers_kpi_get_department_id (kpi);

      if (dept_ids == NULL || g_hash_table_contains (dept_ids, &id))
        {
          g_hash_table_add (taken, kpi);
          g_ptr_array_add (e->kpis, g_steal_pointer (&kpi));
        }
    }

  for (guint i = 0; i < e->objectives->len; i++)
    {
      GListModel *krs = koers_objective_get_key_results (g_ptr_array_index (e->objectives, i));

      for (guint j = 0; j < g_list_model_get_n_items (krs); j++)
        {
          g_autoptr(KoersKeyResult) kr = g_list_model_get_item (krs, j);
          KoersKpi *kpi = koers_store_find_kpi (e->store, koers_key_result_get_kpi_id (kr));

          if (kpi != NULL && g_hash_table_add (taken, kpi))
            g_ptr_array_add (e->kpis, g_object_ref (kpi));
        }
    }

  for (guint i = 0; i < e->kpis->len; i++)
    {
      KoersKpi *kpi = g_ptr_array_index (e->kpis, i);
      KoersDepartment *dept =
        koers_store_find_department (e->store, koers_kpi_get_department_id (kpi));

      if (dept != NULL && !array_has (e->departments, dept))
        g_ptr_array_add (e->departments, g_object_ref (dept));
    }
}

/* A filtered export also holds what its objectives point at (the
 * objectives they align to or were carried over from, the KPIs their key
 * results move, their departments and those departments' parents), so
 * every file imports on its own. */
static gboolean
select_content (Export                   *e,
                const KoersExportFilter  *filter,
                GError                  **error)
{
  gboolean filtered = filter != NULL &&
    ((filter->periods != NULL && filter->periods[0] != NULL) ||
     (filter->departments != NULL && filter->departments[0] != NULL));
  g_autoptr(GHashTable) dept_ids = NULL;
  g_autoptr(GHashTable) taken = NULL;
  GError *local_error = NULL;

  e->objectives = koers_export_filter_select_objectives (filter, e->store, error);
  if (e->objectives == NULL)
    return FALSE;

  e->filtered = filtered;
  if (!filtered)
    {
      e->departments = list_to_array (koers_store_get_departments (e->store));
      select_kpis (e, NULL);
      return TRUE;
    }

  taken = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < e->objectives->len; i++)
    g_hash_table_add (taken, g_ptr_array_index (e->objectives, i));

  for (guint i = 0; i < e->objectives->len; i++)
    {
      KoersObjective *objective = g_ptr_array_index (e->objectives, i);
      gint64 links[] = {
        koers_objective_get_aligned_to_id (objective),
        koers_objective_get_carried_over_from_id (objective),
      };

      for (guint j = 0; j < G_N_ELEMENTS (links); j++)
        {
          KoersObjective *target =
            links[j] != 0 ? koers_store_find_objective (e->store, links[j]) : NULL;

          /* Appended, so the loop reaches their links too. */
          if (target != NULL && g_hash_table_add (taken, target))
            g_ptr_array_add (e->objectives, g_object_ref (target));
        }
    }

  dept_ids = koers_export_filter_select_departments (filter, e->store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (dept_ids == NULL)
    {
      e->departments = list_to_array (koers_store_get_departments (e->store));
      select_kpis (e, NULL);
      return TRUE;
    }

  e->departments = g_ptr_array_new_with_free_func (g_object_unref);
  {
    GListModel *all = koers_store_get_departments (e->store);

    for (guint i = 0; i < g_list_model_get_n_items (all); i++)
      {
        g_autoptr(KoersDepartment) dept = g_list_model_get_item (all, i);
        gint64 id = koers_department_get_id (dept);

        if (g_hash_table_contains (dept_ids, &id))
          g_ptr_array_add (e->departments, g_steal_pointer (&dept));
      }
  }

  for (guint i = 0; i < e->objectives->len; i++)
    {
      KoersObjective *objective = g_ptr_array_index (e->objectives, i);
      KoersDepartment *dept =
        koers_store_find_department (e->store, koers_objective_get_department_id (objective));

      if (dept != NULL && !array_has (e->departments, dept))
        g_ptr_array_add (e->departments, g_object_ref (dept));
    }

  select_kpis (e, dept_ids);

  for (guint i = 0; i < e->departments->len; i++)
    {
      KoersDepartment *dept = g_ptr_array_index (e->departments, i);
      gint64 parent_id = koers_department_get_parent_id (dept);
      KoersDepartment *parent =
        parent_id != 0 ? koers_store_find_department (e->store, parent_id) : NULL;

      if (parent != NULL && !array_has (e->departments, parent))
        g_ptr_array_add (e->departments, g_object_ref (parent));
    }

  return TRUE;
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

static void
add_nullable (JsonBuilder *builder,
              const char  *name,
              const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL && value[0] != '\0')
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* Review members are written only when they hold something: a file
 * without a review reads as it did before there were reviews. */
static void
add_optional_text (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  if (value != NULL && value[0] != '\0')
    add_string (builder, name, value);
}

static void
add_optional_grade (JsonBuilder *builder,
                    const char  *name,
                    double       grade)
{
  if (grade >= 0.0)
    add_number (builder, name, grade);
}

static void
add_stamps (JsonBuilder *builder,
            gint64       created,
            gint64       updated)
{
  g_autofree char *created_text = koers_json_format_stamp (created);
  g_autofree char *updated_text = koers_json_format_stamp (updated);

  add_string (builder, "created", created_text);
  add_string (builder, "updated", updated_text);
}

static const char *
department_uuid (Export *e,
                 gint64  id)
{
  KoersDepartment *dept = id != 0 ? koers_store_find_department (e->store, id) : NULL;

  return dept != NULL ? koers_department_get_uuid (dept) : NULL;
}

static const char *
objective_uuid (Export *e,
                gint64  id)
{
  KoersObjective *objective = id != 0 ? koers_store_find_objective (e->store, id) : NULL;

  return objective != NULL ? koers_objective_get_uuid (objective) : NULL;
}

/* Every entity builder: one object for item. */
typedef void (*BuildFunc) (Export      *e,
                           JsonBuilder *builder,
                           gpointer     item);

/* name: an array of the items of array, sorted by compare first unless
 * it is NULL. */
static void
add_array (Export       *e,
           JsonBuilder  *builder,
           const char   *name,
           GPtrArray    *array,
           GCompareFunc  compare,
           BuildFunc     build)
{
  if (compare != NULL)
    g_ptr_array_sort (array, compare);

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < array->len; i++)
    build (e, builder, g_ptr_array_index (array, i));
  json_builder_end_array (builder);
}

static void
build_department (Export      *e,
                  JsonBuilder *builder,
                  gpointer     item)
{
  KoersDepartment *dept = item;

  json_builder_begin_object (builder);
  add_string (builder, "uuid", koers_department_get_uuid (dept));
  add_string (builder, "name", koers_department_get_name (dept));
  add_string (builder, "emoji", koers_department_get_emoji (dept));
  add_int (builder, "sort_order", koers_department_get_sort_order (dept));
  add_nullable (builder, "parent", department_uuid (e, koers_department_get_parent_id (dept)));
  json_builder_set_member_name (builder, "is_company");
  json_builder_add_boolean_value (builder, koers_department_get_is_company (dept));
  add_stamps (builder, koers_department_get_created (dept), koers_department_get_updated (dept));
  json_builder_end_object (builder);
}

static void
build_checkin (Export      *e,
               JsonBuilder *builder,
               gpointer     item)
{
  KoersCheckin *checkin = item;

  json_builder_begin_object (builder);
  add_string (builder, "uuid", koers_checkin_get_uuid (checkin));
  add_string (builder, "date", koers_checkin_get_date (checkin));
  add_number (builder, "value", koers_checkin_get_value (checkin));
  add_string (builder, "status",
              koers_checkin_status_to_string (koers_checkin_get_status (checkin)));
  add_string (builder, "note", koers_checkin_get_note (checkin));
  add_string (builder, "author", koers_checkin_get_author (checkin));
  add_stamps (builder, koers_checkin_get_created (checkin), koers_checkin_get_updated (checkin));
  json_builder_end_object (builder);
}

static const char *
kpi_uuid (Export *e,
          gint64  id)
{
  KoersKpi *kpi = id != 0 ? koers_store_find_kpi (e->store, id) : NULL;

  return kpi != NULL ? koers_kpi_get_uuid (kpi) : NULL;
}

static void
build_key_result (Export      *e,
                  JsonBuilder *builder,
                  gpointer     item)
{
  KoersKeyResult *kr = item;
  g_autoptr(GPtrArray) checkins = list_to_array (koers_key_result_get_checkins (kr));

  json_builder_begin_object (builder);
  add_string (builder, "uuid", koers_key_result_get_uuid (kr));
  add_string (builder, "title", koers_key_result_get_title (kr));
  add_string (builder, "metric_kind",
              koers_metric_kind_to_string (koers_key_result_get_metric_kind (kr)));
  add_string (builder, "unit", koers_key_result_get_unit (kr));
  add_number (builder, "start", koers_key_result_get_start_value (kr));
  add_number (builder, "target", koers_key_result_get_target_value (kr));
  add_number (builder, "current", koers_key_result_get_current_value (kr));
  add_nullable (builder, "due_date", koers_key_result_get_due_date (kr));
  add_string (builder, "owner", koers_key_result_get_owner (kr));
  add_number (builder, "weight", koers_key_result_get_weight (kr));
  json_builder_set_member_name (builder, "uses_personal_data");
  json_builder_add_boolean_value (builder, koers_key_result_get_uses_personal_data (kr));
  add_string (builder, "personal_data_note", koers_key_result_get_personal_data_note (kr));
  add_int (builder, "position", koers_key_result_get_position (kr));
  add_optional_grade (builder, "final_score", koers_key_result_get_final_score (kr));
  add_optional_text (builder, "final_note", koers_key_result_get_final_note (kr));
  /* Only when it has one: a file without KPIs reads as before them. */
  add_optional_text (builder, "kpi", kpi_uuid (e, koers_key_result_get_kpi_id (kr)));
  add_stamps (builder, koers_key_result_get_created (kr), koers_key_result_get_updated (kr));

  add_array (e, builder, "checkins", checkins, compare_checkins, build_checkin);

  json_builder_end_object (builder);
}

static void
build_objective (Export      *e,
                 JsonBuilder *builder,
                 gpointer     item)
{
  KoersObjective *objective = item;
  g_autoptr(GPtrArray) krs = list_to_array (koers_objective_get_key_results (objective));

  json_builder_begin_object (builder);
  add_string (builder, "uuid", koers_objective_get_uuid (objective));
  add_string (builder, "department",
              department_uuid (e, koers_objective_get_department_id (objective)));
  add_string (builder, "title", koers_objective_get_title (objective));
  add_string (builder, "description", koers_objective_get_description (objective));
  add_string (builder, "level", koers_level_to_string (koers_objective_get_level (objective)));
  add_string (builder, "kind",
              koers_objective_kind_to_string (koers_objective_get_kind (objective)));
  add_string (builder, "period", koers_objective_get_period (objective));
  add_string (builder, "owner", koers_objective_get_owner (objective));
  add_nullable (builder, "aligned_to",
                objective_uuid (e, koers_objective_get_aligned_to_id (objective)));
  add_string (builder, "state",
              koers_objective_state_to_string (koers_objective_get_state (objective)));
  add_nullable (builder, "carried_over_from",
                objective_uuid (e, koers_objective_get_carried_over_from_id (objective)));
  add_int (builder, "position", koers_objective_get_position (objective));
  add_optional_text (builder, "postmortem", koers_objective_get_postmortem (objective));
  add_optional_grade (builder, "final_grade", koers_objective_get_final_grade (objective));
  add_optional_text (builder, "review_note", koers_objective_get_review_note (objective));
  add_stamps (builder, koers_objective_get_created (objective),
              koers_objective_get_updated (objective));

  add_array (e, builder, "key_results", krs, compare_key_results, build_key_result);

  json_builder_end_object (builder);
}

static void
build_kpi_value (Export      *e,
                 JsonBuilder *builder,
                 gpointer     item)
{
  KoersKpiValue *value = item;

  json_builder_begin_object (builder);
  add_string (builder, "uuid", koers_kpi_value_get_uuid (value));
  add_string (builder, "date", koers_kpi_value_get_date (value));
  add_number (builder, "value", koers_kpi_value_get_value (value));
  add_string (builder, "note", koers_kpi_value_get_note (value));
  add_stamps (builder, koers_kpi_value_get_created (value), koers_kpi_value_get_updated (value));
  json_builder_end_object (builder);
}

static void
build_kpi (Export      *e,
           JsonBuilder *builder,
           gpointer     item)
{
  KoersKpi *kpi = item;
  g_autoptr(GPtrArray) values = list_to_array (koers_kpi_get_values (kpi));

  json_builder_begin_object (builder);
  add_string (builder, "uuid", koers_kpi_get_uuid (kpi));
  add_string (builder, "department", department_uuid (e, koers_kpi_get_department_id (kpi)));
  add_string (builder, "name", koers_kpi_get_name (kpi));
  add_string (builder, "unit", koers_kpi_get_unit (kpi));
  add_string (builder, "metric_kind",
              koers_metric_kind_to_string (koers_kpi_get_metric_kind (kpi)));
  add_string (builder, "direction", koers_kpi_direction_to_string (koers_kpi_get_direction (kpi)));
  add_number (builder, "healthy", koers_kpi_get_healthy (kpi));
  add_number (builder, "attention", koers_kpi_get_attention (kpi));
  add_string (builder, "frequency", koers_kpi_frequency_to_string (koers_kpi_get_frequency (kpi)));
  add_int (builder, "position", koers_kpi_get_position (kpi));
  add_stamps (builder, koers_kpi_get_created (kpi), koers_kpi_get_updated (kpi));

  add_array (e, builder, "values", values, compare_kpi_values, build_kpi_value);

  json_builder_end_object (builder);
}

/* Left out when there are none, as a file from before KPIs. */
static void
build_kpis (Export      *e,
            JsonBuilder *builder)
{
  if (e->kpis->len == 0)
    return;

  add_array (e, builder, "kpis", e->kpis, NULL, build_kpi);
}

/* What a finding key ("rule-id:uuid" or "rule-id:uuid@period") is
 * about: the uuid. */
static char *
get_finding_subject (const char *key)
{
  const char *start = strchr (key, ':');
  const char *end;

  if (start == NULL)
    return NULL;
  start++;
  end = strchr (start, '@');
  return g_ascii_strdown (start, end != NULL ? end - start : -1);
}

static void
add_exported_uuid (GHashTable *uuids,
                   const char *uuid)
{
  if (uuid != NULL && uuid[0] != '\0')
    g_hash_table_add (uuids, g_ascii_strdown (uuid, -1));
}

/* The uuids a filtered file holds: a dismissal goes along when its
 * finding is about one of them. */
static GHashTable *
collect_exported_uuids (Export *e)
{
  GHashTable *uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < e->departments->len; i++)
    add_exported_uuid (uuids, koers_department_get_uuid (g_ptr_array_index (e->departments, i)));

  for (guint i = 0; i < e->objectives->len; i++)
    {
      KoersObjective *objective = g_ptr_array_index (e->objectives, i);
      GListModel *krs = koers_objective_get_key_results (objective);

      add_exported_uuid (uuids, koers_objective_get_uuid (objective));
      for (guint j = 0; j < g_list_model_get_n_items (krs); j++)
        {
          g_autoptr(KoersKeyResult) kr = g_list_model_get_item (krs, j);

          add_exported_uuid (uuids, koers_key_result_get_uuid (kr));
        }
    }

  return uuids;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* By key; left out when there are none, as a file from before reviews. */
static void
build_dismissed_findings (Export      *e,
                          JsonBuilder *builder)
{
  GHashTable *dismissed = koers_store_get_dismissed_findings (e->store);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GHashTable) uuids = NULL;
  GHashTableIter iter;
  gpointer key;

  if (e->filtered)
    uuids = collect_exported_uuids (e);

  g_hash_table_iter_init (&iter, dismissed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *subject = uuids != NULL ? get_finding_subject (key) : NULL;

      if (uuids == NULL || (subject != NULL && g_hash_table_contains (uuids, subject)))
        g_ptr_array_add (keys, key);
    }

  if (keys->len == 0)
    return;

  g_ptr_array_sort (keys, compare_strings);
  json_builder_set_member_name (builder, "dismissed_findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *k = g_ptr_array_index (keys, i);
      g_autofree char *at = koers_json_format_stamp (koers_store_get_finding_dismissed_at (e->store, k));

      json_builder_begin_object (builder);
      add_string (builder, "key", k);
      add_string (builder, "dismissed", at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

char *
koers_json_export_to_string (KoersStore               *store,
                             const KoersExportFilter  *filter,
                             gint64                    exported_usec,
                             GError                  **error)
{
  Export e = { store, NULL, NULL, NULL, NULL, FALSE };
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *text = NULL;
  char *tidy;

  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!select_content (&e, filter, error))
    {
      g_clear_pointer (&e.objectives, g_ptr_array_unref);
      g_clear_pointer (&e.departments, g_ptr_array_unref);
      return NULL;
    }

  g_ptr_array_sort (e.departments, compare_departments);
  e.dept_index = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < e.departments->len; i++)
    g_hash_table_insert (e.dept_index, g_ptr_array_index (e.departments, i),
                         GUINT_TO_POINTER (i + 1));
  g_ptr_array_sort_with_data (e.objectives, compare_objectives, &e);
  g_ptr_array_sort_with_data (e.kpis, compare_kpis, &e);

  exported = koers_json_format_stamp (exported_usec != 0 ? exported_usec : koers_now_usec ());

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "format", KOERS_JSON_FORMAT);
  add_int (builder, "version", KOERS_JSON_FORMAT_VERSION);
  add_string (builder, "exported", exported);
  add_string (builder, "organisation", koers_store_get_organisation (store));

  add_array (&e, builder, "departments", e.departments, NULL, build_department);
  add_array (&e, builder, "objectives", e.objectives, NULL, build_objective);

  build_kpis (&e, builder);
  build_dismissed_findings (&e, builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  tidy = koers_json_tidy_numbers (text);
  {
    char *with_newline = g_strconcat (tidy, "\n", NULL);

    g_free (tidy);
    tidy = with_newline;
  }

  g_ptr_array_unref (e.departments);
  g_ptr_array_unref (e.objectives);
  g_ptr_array_unref (e.kpis);
  g_hash_table_unref (e.dept_index);
  return tidy;
}

gboolean
koers_json_export (KoersStore               *store,
                   const KoersExportFilter  *filter,
                   const char               *path,
                   GError                  **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (KOERS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = koers_json_export_to_string (store, filter, 0, error);
  if (text == NULL)
    return FALSE;

  /* A temporary file, synced, then renamed over path. */
  return g_file_set_contents_full (path, text, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0666, error);
}
