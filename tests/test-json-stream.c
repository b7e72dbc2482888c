/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sys/stat.h>

#include <json-glib/json-glib.h>

#include "core/koers-resource-request.h"
#include "koers-demo.h"
#include "koers-json-private.h"
#include "store/koers-store-capacity.h"
#include "store/koers-store-review.h"
#include "koers-store-private.h"
#include "koers-test-io.h"

/* The streamed export against a reference: the whole document built as a
 * tree with json-glib, as the export was made before it streamed, must
 * come out byte for byte the same.  And the pieces the stream writes with
 * (numbers, stamps, strings), the file it writes, and the import of a file
 * larger than the old limit in bounded memory. */

/* The reference: JsonBuilder over the model, sorted as the format says. */

static int
compare_departments (gconstpointer a,
                     gconstpointer b)
{
  KoersDepartment *da = *(KoersDepartment **) a;
  KoersDepartment *db = *(KoersDepartment **) b;

  if (koers_department_get_is_company (da) != koers_department_get_is_company (db))
    return koers_department_get_is_company (da) ? -1 : 1;
  if (koers_department_get_sort_order (da) != koers_department_get_sort_order (db))
    return koers_department_get_sort_order (da) < koers_department_get_sort_order (db) ? -1 : 1;
  return g_strcmp0 (koers_department_get_uuid (da), koers_department_get_uuid (db));
}

typedef struct
{
  KoersStore *store;
  GHashTable *rank; /* KoersDepartment -> position + 1 */
} Reference;

static guint
rank_of (Reference *ref,
         gint64     department_id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (ref->rank,
                                                koers_store_find_department (ref->store,
                                                                             department_id)));
}

static int
compare_objectives (gconstpointer a,
                    gconstpointer b,
                    gpointer      data)
{
  KoersObjective *oa = *(KoersObjective **) a;
  KoersObjective *ob = *(KoersObjective **) b;
  guint           ra = rank_of (data, koers_objective_get_department_id (oa));
  guint           rb = rank_of (data, koers_objective_get_department_id (ob));
  int             cmp;

  if (ra != rb)
    return ra < rb ? -1 : 1;
  cmp = g_strcmp0 (koers_objective_get_period (oa), koers_objective_get_period (ob));
  if (cmp != 0)
    return cmp;
  if (koers_objective_get_position (oa) != koers_objective_get_position (ob))
    return koers_objective_get_position (oa) < koers_objective_get_position (ob) ? -1 : 1;
  return g_strcmp0 (koers_objective_get_uuid (oa), koers_objective_get_uuid (ob));
}

static int
compare_key_results (gconstpointer a,
                     gconstpointer b)
{
  KoersKeyResult *ka = *(KoersKeyResult **) a;
  KoersKeyResult *kb = *(KoersKeyResult **) b;

  if (koers_key_result_get_position (ka) != koers_key_result_get_position (kb))
    return koers_key_result_get_position (ka) < koers_key_result_get_position (kb) ? -1 : 1;
  return g_strcmp0 (koers_key_result_get_uuid (ka), koers_key_result_get_uuid (kb));
}

static int
compare_checkins (gconstpointer a,
                  gconstpointer b)
{
  KoersCheckin *ca = *(KoersCheckin **) a;
  KoersCheckin *cb = *(KoersCheckin **) b;
  int           cmp = g_strcmp0 (koers_checkin_get_date (ca), koers_checkin_get_date (cb));

  if (cmp != 0)
    return cmp;
  if (koers_checkin_get_created (ca) != koers_checkin_get_created (cb))
    return koers_checkin_get_created (ca) < koers_checkin_get_created (cb) ? -1 : 1;
  return g_strcmp0 (koers_checkin_get_uuid (ca), koers_checkin_get_uuid (cb));
}

static int
compare_kpis (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  KoersKpi *ka = *(KoersKpi **) a;
  KoersKpi *kb = *(KoersKpi **) b;
  guint     ra = rank_of (data, koers_kpi_get_department_id (ka));
  guint     rb = rank_of (data, koers_kpi_get_department_id (kb));

  if (ra != rb)
    return ra < rb ? -1 : 1;
  if (koers_kpi_get_position (ka) != koers_kpi_get_position (kb))
    return koers_kpi_get_position (ka) < koers_kpi_get_position (kb) ? -1 : 1;
  return g_strcmp0 (koers_kpi_get_uuid (ka), koers_kpi_get_uuid (kb));
}

static int
compare_values (gconstpointer a,
                gconstpointer b)
{
  KoersKpiValue *va = *(KoersKpiValue **) a;
  KoersKpiValue *vb = *(KoersKpiValue **) b;
  int            cmp = g_strcmp0 (koers_kpi_value_get_date (va), koers_kpi_value_get_date (vb));

  if (cmp != 0)
    return cmp;
  if (koers_kpi_value_get_created (va) != koers_kpi_value_get_created (vb))
    return koers_kpi_value_get_created (va) < koers_kpi_value_get_created (vb) ? -1 : 1;
  return g_strcmp0 (koers_kpi_value_get_uuid (va), koers_kpi_value_get_uuid (vb));
}

static GPtrArray *
items (GListModel *model)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  return array;
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value != NULL ? value : "");
}

static void
add_nullable (JsonBuilder *b,
              const char  *name,
              const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL && value[0] != '\0')
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_number (JsonBuilder *b,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_double_value (b, value);
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_bool (JsonBuilder *b,
          const char  *name,
          gboolean     value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, value);
}

static void
add_stamp (JsonBuilder *b,
           const char  *name,
           gint64       usec)
{
  g_autofree char *text = koers_json_format_stamp (usec);

  add_string (b, name, text);
}

static const char *
department_uuid (KoersStore *store,
                 gint64      id)
{
  KoersDepartment *dept = id != 0 ? koers_store_find_department (store, id) : NULL;

  return dept != NULL ? koers_department_get_uuid (dept) : NULL;
}

static const char *
objective_uuid (KoersStore *store,
                gint64      id)
{
  KoersObjective *objective = id != 0 ? koers_store_find_objective (store, id) : NULL;

  return objective != NULL ? koers_objective_get_uuid (objective) : NULL;
}

static void
build_key_result (JsonBuilder    *b,
                  KoersStore     *store,
                  KoersKeyResult *kr)
{
  g_autoptr (GPtrArray) checkins = items (koers_key_result_get_checkins (kr));
  KoersKpi *kpi = koers_store_find_kpi (store, koers_key_result_get_kpi_id (kr));

  json_builder_begin_object (b);
  add_string (b, "uuid", koers_key_result_get_uuid (kr));
  add_string (b, "title", koers_key_result_get_title (kr));
  add_string (b, "metric_kind", koers_metric_kind_to_string (koers_key_result_get_metric_kind (kr)));
  add_string (b, "unit", koers_key_result_get_unit (kr));
  add_number (b, "start", koers_key_result_get_start_value (kr));
  add_number (b, "target", koers_key_result_get_target_value (kr));
  add_number (b, "current", koers_key_result_get_current_value (kr));
  add_nullable (b, "due_date", koers_key_result_get_due_date (kr));
  add_string (b, "owner", koers_key_result_get_owner (kr));
  add_number (b, "weight", koers_key_result_get_weight (kr));
  add_bool (b, "uses_personal_data", koers_key_result_get_uses_personal_data (kr));
  add_string (b, "personal_data_note", koers_key_result_get_personal_data_note (kr));
  add_int (b, "position", koers_key_result_get_position (kr));
  if (koers_key_result_get_final_score (kr) >= 0)
    add_number (b, "final_score", koers_key_result_get_final_score (kr));
  if (koers_key_result_get_final_note (kr)[0] != '\0')
    add_string (b, "final_note", koers_key_result_get_final_note (kr));
  if (kpi != NULL)
    add_string (b, "kpi", koers_kpi_get_uuid (kpi));
  add_stamp (b, "created", koers_key_result_get_created (kr));
  add_stamp (b, "updated", koers_key_result_get_updated (kr));

  g_ptr_array_sort (checkins, compare_checkins);
  json_builder_set_member_name (b, "checkins");
  json_builder_begin_array (b);
  for (guint i = 0; i < checkins->len; i++)
    {
      KoersCheckin *c = g_ptr_array_index (checkins, i);

      json_builder_begin_object (b);
      add_string (b, "uuid", koers_checkin_get_uuid (c));
      add_string (b, "date", koers_checkin_get_date (c));
      add_number (b, "value", koers_checkin_get_value (c));
      add_string (b, "status", koers_checkin_status_to_string (koers_checkin_get_status (c)));
      add_string (b, "note", koers_checkin_get_note (c));
      add_string (b, "author", koers_checkin_get_author (c));
      add_stamp (b, "created", koers_checkin_get_created (c));
      add_stamp (b, "updated", koers_checkin_get_updated (c));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static gint64
get_stamp (GObject    *object,
           const char *property)
{
  gint64 stamp = 0;

  g_object_get (object, property, &stamp, NULL);
  return stamp;
}

/* Schema 7: a department's capacities, by period. */
static void
build_capacities (JsonBuilder *b,
                  KoersStore  *store,
                  gint64       department_id)
{
  g_autoptr (GPtrArray) all = koers_store_list_capacities (store, NULL, NULL);
  gboolean begun = FALSE;

  for (guint i = 0; i < all->len; i++)
    {
      KoersCapacity *c = g_ptr_array_index (all, i);

      if (koers_capacity_get_department_id (c) != department_id)
        continue;
      if (!begun)
        {
          json_builder_set_member_name (b, "capacities");
          json_builder_begin_array (b);
          begun = TRUE;
        }
      json_builder_begin_object (b);
      add_string (b, "uuid", koers_capacity_get_uuid (c));
      add_string (b, "period", koers_capacity_get_period (c));
      add_number (b, "days", koers_capacity_get_days (c));
      add_number (b, "budget", koers_capacity_get_budget (c));
      add_stamp (b, "created", get_stamp (G_OBJECT (c), "created"));
      add_stamp (b, "updated", get_stamp (G_OBJECT (c), "updated"));
      json_builder_end_object (b);
    }
  if (begun)
    json_builder_end_array (b);
}

/* An objective's escalations, oldest first (the store lists the newest
 * first). */
static void
build_escalations (JsonBuilder    *b,
                   KoersStore     *store,
                   KoersObjective *o)
{
  g_autoptr (GPtrArray) all = koers_store_list_escalations (store, FALSE, NULL);
  gboolean begun = FALSE;

  for (guint i = all->len; i > 0; i--)
    {
      KoersEscalation *e = g_ptr_array_index (all, i - 1);
      KoersKeyResult  *kr = koers_store_find_key_result (store, koers_escalation_get_key_result_id (e));

      if (koers_escalation_get_objective_id (e) != koers_objective_get_id (o))
        continue;
      if (!begun)
        {
          json_builder_set_member_name (b, "escalations");
          json_builder_begin_array (b);
          begun = TRUE;
        }
      json_builder_begin_object (b);
      add_string (b, "uuid", koers_escalation_get_uuid (e));
      if (kr != NULL)
        add_string (b, "key_result", koers_key_result_get_uuid (kr));
      add_string (b, "reason", koers_escalation_get_reason (e));
      add_string (b, "help", koers_escalation_get_help (e));
      add_string (b, "raised_by", koers_escalation_get_raised_by (e));
      add_bool (b, "resolved", koers_escalation_get_resolved (e));
      if (koers_escalation_get_resolution (e) != NULL && koers_escalation_get_resolution (e)[0] != '\0')
        add_string (b, "resolution", koers_escalation_get_resolution (e));
      if (koers_escalation_get_resolved_by (e) != NULL && koers_escalation_get_resolved_by (e)[0] != '\0')
        add_string (b, "resolved_by", koers_escalation_get_resolved_by (e));
      add_stamp (b, "raised_at", koers_escalation_get_raised_at (e));
      if (koers_escalation_get_resolved_at (e) != 0)
        add_stamp (b, "resolved_at", koers_escalation_get_resolved_at (e));
      json_builder_end_object (b);
    }
  if (begun)
    json_builder_end_array (b);
}

static void
build_objective (JsonBuilder    *b,
                 KoersStore     *store,
                 KoersObjective *o)
{
  g_autoptr (GPtrArray) krs = items (koers_objective_get_key_results (o));

  json_builder_begin_object (b);
  add_string (b, "uuid", koers_objective_get_uuid (o));
  add_string (b, "department", department_uuid (store, koers_objective_get_department_id (o)));
  add_string (b, "title", koers_objective_get_title (o));
  add_string (b, "description", koers_objective_get_description (o));
  add_string (b, "level", koers_level_to_string (koers_objective_get_level (o)));
  add_string (b, "kind", koers_objective_kind_to_string (koers_objective_get_kind (o)));
  add_string (b, "period", koers_objective_get_period (o));
  add_string (b, "owner", koers_objective_get_owner (o));
  add_nullable (b, "aligned_to", objective_uuid (store, koers_objective_get_aligned_to_id (o)));
  add_string (b, "state", koers_objective_state_to_string (koers_objective_get_state (o)));
  add_nullable (b, "carried_over_from",
                objective_uuid (store, koers_objective_get_carried_over_from_id (o)));
  add_int (b, "position", koers_objective_get_position (o));
  if (koers_objective_get_postmortem (o)[0] != '\0')
    add_string (b, "postmortem", koers_objective_get_postmortem (o));
  if (koers_objective_get_final_grade (o) >= 0)
    add_number (b, "final_grade", koers_objective_get_final_grade (o));
  if (koers_objective_get_review_note (o)[0] != '\0')
    add_string (b, "review_note", koers_objective_get_review_note (o));
  /* Schema 7: effort and resource request, left out when unset. */
  if (koers_objective_get_effort_days (o) != 0.0)
    add_number (b, "effort_days", koers_objective_get_effort_days (o));
  if (koers_objective_get_request_days (o) != 0.0)
    add_number (b, "request_days", koers_objective_get_request_days (o));
  if (koers_objective_get_request_budget (o) != 0.0)
    add_number (b, "request_budget", koers_objective_get_request_budget (o));
  if (koers_objective_get_request_reason (o)[0] != '\0')
    add_string (b, "request_reason", koers_objective_get_request_reason (o));
  if (koers_objective_get_request_state (o) != KOERS_REQUEST_STATE_NONE)
    add_string (b, "request_state", koers_request_state_to_string (koers_objective_get_request_state (o)));
  if (koers_objective_get_request_note (o)[0] != '\0')
    add_string (b, "request_note", koers_objective_get_request_note (o));
  add_stamp (b, "created", koers_objective_get_created (o));
  add_stamp (b, "updated", koers_objective_get_updated (o));

  g_ptr_array_sort (krs, compare_key_results);
  json_builder_set_member_name (b, "key_results");
  json_builder_begin_array (b);
  for (guint i = 0; i < krs->len; i++)
    build_key_result (b, store, g_ptr_array_index (krs, i));
  json_builder_end_array (b);
  build_escalations (b, store, o);
  json_builder_end_object (b);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The whole document but the change log, as the tree-built export wrote
 * it (version 2). */
static char *
reference_export (KoersStore *store)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GPtrArray) depts = items (koers_store_get_departments (store));
  g_autoptr (GPtrArray) objectives = items (koers_store_get_objectives (store));
  g_autoptr (GPtrArray) kpis = items (koers_store_get_kpis (store));
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  g_autoptr (GHashTable) rank = g_hash_table_new (NULL, NULL);
  g_autofree char *text = NULL;
  g_autofree char *tidy = NULL;
  Reference        ref = { store, rank };
  GHashTableIter   iter;
  gpointer         key;

  g_ptr_array_sort (depts, compare_departments);
  for (guint i = 0; i < depts->len; i++)
    g_hash_table_insert (rank, g_ptr_array_index (depts, i), GUINT_TO_POINTER (i + 1));
  g_ptr_array_sort_with_data (objectives, compare_objectives, &ref);
  g_ptr_array_sort_with_data (kpis, compare_kpis, &ref);

  json_builder_begin_object (b);
  add_string (b, "format", "koers");
  add_int (b, "version", 2);
  add_stamp (b, "exported", KOERS_TEST_EXPORTED_USEC);
  add_string (b, "organisation", koers_store_get_organisation (store));

  json_builder_set_member_name (b, "departments");
  json_builder_begin_array (b);
  for (guint i = 0; i < depts->len; i++)
    {
      KoersDepartment *d = g_ptr_array_index (depts, i);

      json_builder_begin_object (b);
      add_string (b, "uuid", koers_department_get_uuid (d));
      add_string (b, "name", koers_department_get_name (d));
      add_string (b, "emoji", koers_department_get_emoji (d));
      add_int (b, "sort_order", koers_department_get_sort_order (d));
      add_nullable (b, "parent", department_uuid (store, koers_department_get_parent_id (d)));
      add_bool (b, "is_company", koers_department_get_is_company (d));
      add_stamp (b, "created", koers_department_get_created (d));
      add_stamp (b, "updated", koers_department_get_updated (d));
      build_capacities (b, store, koers_department_get_id (d));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "objectives");
  json_builder_begin_array (b);
  for (guint i = 0; i < objectives->len; i++)
    build_objective (b, store, g_ptr_array_index (objectives, i));
  json_builder_end_array (b);

  if (kpis->len > 0)
    {
      json_builder_set_member_name (b, "kpis");
      json_builder_begin_array (b);
      for (guint i = 0; i < kpis->len; i++)
        {
          KoersKpi *k = g_ptr_array_index (kpis, i);
          g_autoptr (GPtrArray) values = items (koers_kpi_get_values (k));

          json_builder_begin_object (b);
          add_string (b, "uuid", koers_kpi_get_uuid (k));
          add_string (b, "department", department_uuid (store, koers_kpi_get_department_id (k)));
          add_string (b, "name", koers_kpi_get_name (k));
          add_string (b, "unit", koers_kpi_get_unit (k));
          add_string (b, "metric_kind", koers_metric_kind_to_string (koers_kpi_get_metric_kind (k)));
          add_string (b, "direction", koers_kpi_direction_to_string (koers_kpi_get_direction (k)));
          add_number (b, "healthy", koers_kpi_get_healthy (k));
          add_number (b, "attention", koers_kpi_get_attention (k));
          add_string (b, "frequency", koers_kpi_frequency_to_string (koers_kpi_get_frequency (k)));
          add_int (b, "position", koers_kpi_get_position (k));
          add_stamp (b, "created", koers_kpi_get_created (k));
          add_stamp (b, "updated", koers_kpi_get_updated (k));
          g_ptr_array_sort (values, compare_values);
          json_builder_set_member_name (b, "values");
          json_builder_begin_array (b);
          for (guint j = 0; j < values->len; j++)
            {
              KoersKpiValue *v = g_ptr_array_index (values, j);

              json_builder_begin_object (b);
              add_string (b, "uuid", koers_kpi_value_get_uuid (v));
              add_string (b, "date", koers_kpi_value_get_date (v));
              add_number (b, "value", koers_kpi_value_get_value (v));
              add_string (b, "note", koers_kpi_value_get_note (v));
              add_stamp (b, "created", koers_kpi_value_get_created (v));
              add_stamp (b, "updated", koers_kpi_value_get_updated (v));
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }

  g_hash_table_iter_init (&iter, koers_store_get_dismissed_findings (store));
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  if (keys->len > 0)
    {
      g_ptr_array_sort (keys, compare_strings);
      json_builder_set_member_name (b, "dismissed_findings");
      json_builder_begin_array (b);
      for (guint i = 0; i < keys->len; i++)
        {
          json_builder_begin_object (b);
          add_string (b, "key", g_ptr_array_index (keys, i));
          add_stamp (b, "dismissed",
                     koers_store_get_finding_dismissed_at (store, g_ptr_array_index (keys, i)));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  tidy = koers_json_tidy_numbers (text);
  return g_strconcat (tidy, "\n", NULL);
}

/* json-glib 1.6 writes U+001F as it is, which JSON does not allow (RFC
 * 8259: U+0000 to U+001F escaped); the stream escapes it as the others. */
static char *
escape_unit_separator (const char *text)
{
  g_auto (GStrv) parts = g_strsplit (text, "\x1f", -1);

  return g_strjoinv ("\\u001f", parts);
}

static void
assert_same_text (const char *streamed,
                  const char *reference)
{
  if (strcmp (streamed, reference) != 0)
    {
      gsize i = 0;

      while (streamed[i] == reference[i])
        i++;
      g_error ("The streamed export differs at byte %" G_GSIZE_FORMAT ":\n%.200s\nreference:\n%.200s",
               i, streamed + (i > 100 ? i - 100 : 0), reference + (i > 100 ? i - 100 : 0));
    }
}

/* The demo company: the streamed text is the tree-built one. */
static void
test_reference_demo (KoersTestDir *fixture,
                     gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersStore) store = NULL;
  g_autofree char *streamed = NULL;
  g_autofree char *reference = NULL;

  g_assert_true (koers_demo_create (fixture->path, KOERS_LANGUAGE_NL, &error));
  g_assert_no_error (error);
  store = koers_test_open_store (fixture->path);
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_objectives (store)), >, 20);

  streamed = koers_test_export_text (store);
  reference = reference_export (store);
  assert_same_text (streamed, reference);
}

/* Texts that need escaping, numbers that are not whole, a review, KPIs,
 * dismissals, a team. */
static void
test_reference_populated (KoersTestDir *fixture,
                          gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersObjective) odd = NULL;
  g_autoptr (KoersKeyResult) kr = NULL;
  g_autofree char *streamed = NULL;
  g_autofree char *reference = NULL;
  GString         *controls = g_string_new ("controls:");

  koers_test_populate_store (store);

  for (int c = 1; c < 0x20; c++)
    g_string_append_c (controls, (char) c);
  g_string_append (controls, "\x7f \"quoted\" back\\slash / slash \xe2\x80\xa8 \xf0\x9f\x9a\x80 end");

  odd = koers_objective_new ("Odd “texts”\tand\nlines", KOERS_LEVEL_DEPARTMENT,
                             KOERS_OBJECTIVE_KIND_COMMITTED, "2026-01-15/2026-03-31");
  koers_objective_set_department_id (odd, koers_department_get_id (koers_test_find_department (store, "Finance")));
  koers_objective_set_description (odd, controls->str);
  kr = koers_key_result_new ("Tiny and huge", KOERS_METRIC_KIND_NUMBER, -0.000123456789, 999999999999.5,
                             "€");
  koers_key_result_set_current_value (kr, 1.0 / 3.0);
  koers_key_result_set_weight (kr, 0.1 + 0.2);
  koers_objective_insert_key_result (odd, kr);
  g_assert_true (koers_store_add_objective (store, odd, &error));
  g_assert_no_error (error);
  g_string_free (controls, TRUE);

  streamed = koers_test_export_text (store);
  reference = reference_export (store);
  {
    g_autofree char *corrected = escape_unit_separator (reference);

    assert_same_text (streamed, corrected);
  }

  /* And it reads back as JSON, with the texts intact. */
  {
    g_autoptr (JsonParser) parser = json_parser_new ();

    g_assert_true (json_parser_load_from_data (parser, streamed, -1, &error));
    g_assert_no_error (error);
  }
}

/* Objectives in one place (department, period, position) go out by uuid,
 * whatever order the database has them in. */
static void
test_same_place (KoersTestDir *fixture,
                 gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autofree char *streamed = NULL;
  g_autofree char *reference = NULL;

  koers_test_populate_store (store);
  g_clear_object (&store);
  /* Every objective of Marketing's quarter at position 0, with uuids
   * that sort against their ids. */
  koers_test_exec_raw (fixture->path,
                       "UPDATE objectives SET position = 0,"
                       " uuid = printf ('%08x-0000-4000-8000-000000000000', 4000000000 - id)"
                       " WHERE department_id = (SELECT id FROM departments WHERE name = 'Marketing')");
  store = koers_test_open_store (fixture->path);
  g_assert_cmpint (koers_test_query_int (fixture->path,
                                         "SELECT count(*) FROM objectives WHERE position = 0 AND department_id ="
                                         " (SELECT id FROM departments WHERE name = 'Marketing')"),
                   >, 1);

  streamed = koers_test_export_text (store);
  reference = reference_export (store);
  assert_same_text (streamed, reference);
}

/* Members in any order: the objectives before the departments they name,
 * the log first. */
static void
test_member_order (KoersTestDir *fixture,
                   gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (KoersStore) other = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) reordered = NULL;
  g_autofree char         *text = NULL;
  g_autofree char         *again = NULL;
  g_autofree char         *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char         *json_path = g_build_filename (fixture->dir, "reordered.json", NULL);
  static const char *const order[] = {
    "changes",
    "objectives",
    "kpis",
    "version",
    "dismissed_findings",
    "departments",
    "format",
    "organisation",
    "exported",
  };
  JsonObject *top;

  koers_test_populate_store (store);
  text = koers_test_export_full_text (store);
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  top = json_node_get_object (json_parser_get_root (parser));

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (!json_object_has_member (top, order[i]))
        continue;
      json_builder_set_member_name (builder, order[i]);
      json_builder_add_value (builder, json_node_copy (json_object_get_member (top, order[i])));
    }
  json_builder_end_object (builder);
  reordered = json_builder_get_root (builder);
  json_generator_set_root (generator, reordered);
  g_assert_true (json_generator_to_file (generator, json_path, &error));
  g_assert_no_error (error);

  other = koers_test_open_store (other_path);
  g_assert_true (koers_json_import (other, json_path, KOERS_JSON_IMPORT_ADD, NULL, &error));
  g_assert_no_error (error);

  again = koers_test_export_text (other);
  {
    g_autofree char *first = koers_test_strip_changes (text);

    g_assert_cmpstr (again, ==, first);
  }
}

/* Broken UTF-8 in the database still makes valid UTF-8 in the file. */
static void
test_invalid_utf8 (KoersTestDir *fixture,
                   gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;

  koers_test_populate_store (store);
  koers_test_exec_raw (fixture->path, "UPDATE objectives SET owner = CAST (X'41C328FF42' AS TEXT)"
                                      " WHERE title = 'Increase sales results.'");
  g_clear_object (&store);
  store = koers_store_open_lazy (fixture->path, &error);
  g_assert_no_error (error);

  text = koers_test_export_full_text (store);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_nonnull (strstr (text, "\"owner\" : \"A\xef\xbf\xbd(\xef\xbf\xbd"
                                  "B\""));
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
}

/* The loop the tidy step ran: the shortest "%.Ng" that reads back. */
static char *
shortest_by_loop (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == floor (value) && fabs (value) < 1e16)
    return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.0f", value));

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return g_strdup (buf);
}

static void
test_numbers (void)
{
  static const double fixed[] = {
    0,
    -0.0,
    1,
    -1,
    7.2,
    0.1,
    0.2 + 0.1,
    1.0 / 3.0,
    1200,
    1e15,
    -1e15,
    1e-4,
    9.99e-5,
    1e-7,
    123456.789,
    0.000123456789,
    999999999999.5,
    4503599627370495.5,
    1e16,
    2.5e-300,
    5e-324,
    640.25,
    300.5,
    0.45,
    1e21,
    12345678901234567890.0,
  };
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < G_N_ELEMENTS (fixed) + 200000; i++)
    {
      double value;
      g_autoptr (GString) out = g_string_new (NULL);
      g_autofree char *expected = NULL;

      if (i < G_N_ELEMENTS (fixed))
        value = fixed[i];
      else if (i % 3 == 0)
        /* Money and measurements: a few decimals. */
        value = round (g_rand_double_range (rand, -1e9, 1e9) * 100) / 100;
      else if (i % 3 == 1)
        value = g_rand_double_range (rand, -1e6, 1e6) / pow (10, g_rand_int_range (rand, 0, 12));
      else
        {
          guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);

          memcpy (&value, &bits, sizeof value);
          if (!isfinite (value))
            continue;
        }

      koers_json_append_number (out, value);
      expected = shortest_by_loop (value);
      if (strcmp (out->str, expected) != 0)
        g_error ("%.17g: %s, not %s", value, out->str, expected);
    }

  g_rand_free (rand);
}

static void
test_stamps (void)
{
  GRand              *rand = g_rand_new_with_seed (7);
  static const gint64 fixed[] = {
    0,
    1,
    -1,
    999999,
    -1000000,
    G_GINT64_CONSTANT (1778841000123456),
    G_GINT64_CONSTANT (-62135596800000000),
    G_GINT64_CONSTANT (253402300799999999),
    G_GINT64_CONSTANT (253402300800000000),
    G_GINT64_CONSTANT (-62135596800000001),
    G_MAXINT64,
    G_MININT64 + 1,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixed) + 100000; i++)
    {
      gint64           usec = i < G_N_ELEMENTS (fixed)
                                ? fixed[i]
                                : (gint64) g_rand_double_range (rand, -7e16, 2.6e17);
      g_autofree char *fast = koers_json_format_stamp (usec);
      g_autoptr (GDateTime) dt = NULL;
      g_autofree char *seconds = NULL;
      g_autofree char *slow = NULL;
      gint64           secs = usec / G_USEC_PER_SEC;
      gint64           frac = usec % G_USEC_PER_SEC;
      gboolean         fell_back;

      /* What GDateTime made of it (the export's first way). */
      if (frac < 0)
        {
          frac += G_USEC_PER_SEC;
          secs--;
        }
      dt = g_date_time_new_from_unix_utc (secs);
      fell_back = dt == NULL;
      if (dt == NULL)
        dt = g_date_time_new_from_unix_utc (0);
      seconds = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
      slow = g_strdup_printf ("%s.%06dZ", seconds, (int) frac);

      /* GDateTime writes a year before 1000 without zeros ("1-01-01"),
       * which no stamp reader takes; the stream writes four digits. */
      if (g_date_time_get_year (dt) >= 1000)
        g_assert_cmpstr (fast, ==, slow);
      if (!fell_back)
        {
          gint64 back = 0;

          g_assert_true (koers_json_parse_stamp (fast, &back));
          g_assert_cmpint (back, ==, usec);
        }
    }

  g_rand_free (rand);
}

/* Strings as json-glib escapes them. */
static void
test_strings (void)
{
  GString *all = g_string_new (NULL);
  g_autoptr (GString) ours = g_string_new (NULL);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *theirs = NULL;

  for (int c = 1; c < 0x80; c++)
    g_string_append_c (all, (char) c);
  g_string_append (all, "é € \xe2\x80\xa8 \xf0\x9f\x9a\x80");

  koers_json_append_string (ours, all->str);
  node = json_node_init_string (json_node_alloc (), all->str);
  json_generator_set_root (generator, node);
  theirs = json_generator_to_data (generator, NULL);
  {
    g_autofree char *corrected = escape_unit_separator (theirs);

    g_assert_cmpstr (ours->str, ==, corrected);
  }
  g_string_free (all, TRUE);
}

/* The change log's fields, written compactly and the same whatever
 * spacing or escapes the log used. */
static void
test_compact (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "{}", "{}" },
    { "{\"title\":[null,\"x\"]}", "{\"title\":[null,\"x\"]}" },
    { " { \"a\" : [ 1.0 , 2.50 ] , \"b\" : [true,false] } ", "{\"a\":[1,2.5],\"b\":[true,false]}" },
    { "{\"t\":[\"\\u0041\\n\\u00e9\\ud83d\\ude80\\/\",\"\\u0001\"]}",
      "{\"t\":[\"A\\né🚀/\",\"\\u0001\"]}" },
    { "{\"w\":[0.30000000000000004,1e5]}", "{\"w\":[0.30000000000000004,100000]}" },
  };
  static const char *const bad[] = {
    "",
    "{",
    "{\"a\":}",
    "{\"a\":[1,]}",
    "{\"a\":\"\\u0000\"}",
    "{\"a\":\"\\ud800\"}",
    "[1] 2",
    "{\"a\":\"x}",
    "nul",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GString) out = g_string_new (NULL);

      g_assert_true (koers_json_append_compact (out, cases[i].in));
      g_assert_cmpstr (out->str, ==, cases[i].out);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GString) out = g_string_new ("kept");

      g_assert_false (koers_json_append_compact (out, bad[i]));
      g_assert_cmpstr (out->str, ==, "kept");
    }
}

/* A new file is the person's alone; a file it replaces keeps its mode;
 * nothing else is left in the folder. */
static void
test_file_mode (KoersTestDir *fixture,
                gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *path = g_build_filename (dir, "okrs.json", NULL);
  g_autoptr (GDir) listing = NULL;
  GStatBuf st;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (koers_json_export (store, NULL, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (koers_json_export (store, NULL, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "okrs.json");
  g_assert_null (g_dir_read_name (listing));
}

/* AddressSanitizer keeps freed memory aside: a memory bound means
 * nothing there. */
#if defined(__SANITIZE_ADDRESS__)
#define MEMORY_IS_MEASURED FALSE
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MEMORY_IS_MEASURED FALSE
#endif
#endif
#ifndef MEMORY_IS_MEASURED
#define MEMORY_IS_MEASURED TRUE
#endif

/* The highest resident memory of this process so far, in KiB. */
static gint64
peak_kib (void)
{
  g_autofree char *status = NULL;
  const char      *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoll (line + 6, NULL, 10) : -1;
}

/* A file larger than the old limit (64 MB) imports, and the import does
 * not hold it: memory grows far less than the file's size. */
static void
test_large_file (KoersTestDir *fixture,
                 gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *json_path = g_build_filename (fixture->dir, "large.json", NULL);
  g_autoptr (KoersStore) store = NULL;
  FILE             *out;
  char             *filler;
  guint             n = 7000;
  gint64            before, after;
  KoersImportCounts totals;
  GStatBuf          st;

  filler = g_malloc (9501);
  memset (filler, 'x', 9500);
  filler[9500] = '\0';

  out = g_fopen (json_path, "w");
  g_assert_nonnull (out);
  fprintf (out, "{\n  \"format\" : \"koers\",\n  \"version\" : 2,\n  \"departments\" : [\n"
                "    { \"uuid\" : \"11111111-1111-4111-8111-111111111111\", \"name\" : \"Large\","
                " \"created\" : \"2026-01-05T09:00:00Z\", \"updated\" : \"2026-01-05T09:00:00Z\" }\n"
                "  ],\n  \"objectives\" : [\n");
  for (guint i = 0; i < n; i++)
    fprintf (out,
             "    %s{ \"uuid\" : \"22222222-2222-4222-8222-%012u\","
             " \"department\" : \"11111111-1111-4111-8111-111111111111\","
             " \"title\" : \"Objective %u\", \"description\" : \"%s\", \"level\" : \"department\","
             " \"kind\" : \"committed\", \"period\" : \"2026-Q%u\", \"state\" : \"active\","
             " \"created\" : \"2026-01-05T09:00:00Z\", \"updated\" : \"2026-01-05T09:00:00Z\","
             " \"key_results\" : [ { \"uuid\" : \"33333333-3333-4333-8333-%012u\","
             " \"title\" : \"Result\", \"metric_kind\" : \"number\", \"start\" : 0,"
             " \"target\" : 10, \"current\" : 0, \"created\" : \"2026-01-05T09:00:00Z\","
             " \"updated\" : \"2026-01-05T09:00:00Z\", \"checkins\" : [ {"
             " \"uuid\" : \"44444444-4444-4444-8444-%012u\", \"date\" : \"2026-02-01\","
             " \"value\" : %u.5, \"created\" : \"2026-02-01T09:00:00Z\","
             " \"updated\" : \"2026-02-01T09:00:00Z\" } ] } ] }\n",
             i > 0 ? "," : "", i, i, filler, i % 4 + 1, i, i, i % 10);
  fprintf (out, "  ],\n  \"changes\" : [\n");
  for (guint i = 0; i < n; i++)
    fprintf (out, "    %s{ \"key\" : \"large-%u\", \"at\" : \"2026-01-05T09:00:00Z\","
                  " \"entity\" : \"objective\", \"uuid\" : \"22222222-2222-4222-8222-%012u\","
                  " \"op\" : \"insert\", \"fields\" : { \"title\" : [ null, \"Objective %u\" ] } }\n",
             i > 0 ? "," : "", i, i, i);
  fprintf (out, "  ]\n}\n");
  g_assert_cmpint (fclose (out), ==, 0);
  g_free (filler);

  g_assert_cmpint (g_stat (json_path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, KOERS_JSON_MAX_FILE_SIZE);

  store = koers_store_open_lazy (fixture->path, &error);
  g_assert_no_error (error);

  before = peak_kib ();
  g_assert_true (koers_json_import (store, json_path, KOERS_JSON_IMPORT_ADD, &totals, &error));
  g_assert_no_error (error);
  after = peak_kib ();

  g_assert_cmpuint (totals.added, ==, 3 * n + 1);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM objectives"), ==, n);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM changes WHERE key LIKE 'large-%'"),
                   ==, n);
  g_test_message ("%" G_GINT64_FORMAT " bytes imported; peak memory grew by %" G_GINT64_FORMAT
                  " KiB",
                  (gint64) st.st_size, after - before);
  /* The file is 67 MB; the import's page cache is 32 MiB. */
  if (MEMORY_IS_MEASURED && before > 0 && after > 0)
    g_assert_cmpint (after - before, <, 56 * 1024);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/json-stream/reference-demo", KoersTestDir, NULL, koers_test_dir_setup,
              test_reference_demo, koers_test_dir_teardown);
  g_test_add ("/json-stream/reference-populated", KoersTestDir, NULL, koers_test_dir_setup,
              test_reference_populated, koers_test_dir_teardown);
  g_test_add ("/json-stream/same-place", KoersTestDir, NULL, koers_test_dir_setup,
              test_same_place, koers_test_dir_teardown);
  g_test_add ("/json-stream/member-order", KoersTestDir, NULL, koers_test_dir_setup,
              test_member_order, koers_test_dir_teardown);
  g_test_add ("/json-stream/invalid-utf8", KoersTestDir, NULL, koers_test_dir_setup,
              test_invalid_utf8, koers_test_dir_teardown);
  g_test_add_func ("/json-stream/numbers", test_numbers);
  g_test_add_func ("/json-stream/stamps", test_stamps);
  g_test_add_func ("/json-stream/strings", test_strings);
  g_test_add_func ("/json-stream/compact", test_compact);
  g_test_add ("/json-stream/file-mode", KoersTestDir, NULL, koers_test_dir_setup, test_file_mode,
              koers_test_dir_teardown);
  g_test_add ("/json-stream/large-file", KoersTestDir, NULL, koers_test_dir_setup, test_large_file,
              koers_test_dir_teardown);

  return g_test_run ();
}
