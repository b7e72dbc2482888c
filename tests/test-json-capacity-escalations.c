/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "store/koers-store-import.h"

#include <json-glib/json-glib.h>

#include "koers-json.h"
#include "koers-test-io.h"
#include "store/koers-store-capacity.h"

/* A department's capacities and the escalations of objectives and key
 * results in a JSON file (schema 7): the round trip into a new database,
 * a merge where the newer copy wins, the export filter, and bad values
 * that are refused without a write. */

typedef struct
{
  char       *dir;
  char       *path_a;
  char       *path_b;
  char       *json;
  KoersStore *a;
  KoersStore *b;
} Fixture;

static KoersPeriod
get_period (const char *key)
{
  KoersPeriod period;

  g_assert_true (koers_period_parse (key, &period, NULL));
  return period;
}

static void
set_capacity (KoersStore *store,
              const char *department,
              const char *period_key,
              double      days,
              double      budget)
{
  g_autoptr (GError) error = NULL;
  KoersPeriod period = get_period (period_key);

  g_assert_true (koers_store_set_capacity (store,
                                           koers_department_get_id (
                                             koers_test_find_department (store, department)),
                                           &period, days, budget, &error));
  g_assert_no_error (error);
}

static KoersCapacity *
get_capacity (KoersStore *store,
              const char *department,
              const char *period_key)
{
  KoersPeriod period = get_period (period_key);

  return koers_store_get_capacity (store,
                                   koers_department_get_id (koers_test_find_department (store, department)),
                                   &period);
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersEscalation) on_kr = NULL;
  KoersObjective *objective;
  KoersKeyResult *kr;

  f->dir = g_dir_make_tmp ("koers-json-cap-esc-XXXXXX", &error);
  g_assert_no_error (error);
  f->path_a = g_build_filename (f->dir, "a.db", NULL);
  f->path_b = g_build_filename (f->dir, "b.db", NULL);
  f->json = g_build_filename (f->dir, "a.json", NULL);
  f->a = koers_test_open_store (f->path_a);
  f->b = koers_test_open_store (f->path_b);

  objective = koers_test_add_objective (f->a, koers_test_find_department (f->a, "Sales"),
                                        "Win ten new accounts", "2026-Q2");
  kr = koers_test_add_key_result (f->a, objective, "Signed contracts", 0, 10, 2);
  set_capacity (f->a, "Sales", "2026-Q2", 60, 25000);
  set_capacity (f->a, "Sales", "2026-Q3", 40.5, 0);
  set_capacity (f->a, "Marketing", "2026-Q2", 30, 1000);
  g_assert_true (koers_store_escalate (f->a, objective, NULL, "Late supplier", "A second supplier",
                                       NULL, &error));
  g_assert_true (koers_store_escalate (f->a, objective, kr, "No leads", "Two more callers", &on_kr,
                                       &error));
  g_assert_true (koers_store_resolve_escalation (f->a, koers_escalation_get_id (on_kr),
                                                 "Callers hired", &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  koers_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path_a);
  g_free (f->path_b);
  g_free (f->json);
}

static void
export_a (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (koers_json_export (f->a, NULL, f->json, &error));
  g_assert_no_error (error);
}

static void
import_b (Fixture            *f,
          KoersJsonImportMode mode)
{
  g_autoptr (GError) error = NULL;

  koers_json_import (f->b, f->json, mode, NULL, &error);
  g_assert_no_error (error);
}

/* The escalation of b with uuid (a new reference). */
static KoersEscalation *
find_escalation (KoersStore *store,
                 const char *uuid)
{
  g_autoptr (GPtrArray) all = koers_store_list_escalations (store, FALSE, NULL);

  g_assert_nonnull (all);
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (koers_escalation_get_uuid (g_ptr_array_index (all, i)), uuid) == 0)
      return g_object_ref (g_ptr_array_index (all, i));
  return NULL;
}

static void
test_round_trip (Fixture      *f,
                 gconstpointer data)
{
  const char *const departments[] = { "Sales", "Sales", "Marketing" };
  const char *const periods[] = { "2026-Q2", "2026-Q3", "2026-Q2" };
  g_autoptr (GPtrArray) escalations = koers_store_list_escalations (f->a, FALSE, NULL);
  KoersObjective *copy;
  gint64          copy_kr_id;

  export_a (f);
  import_b (f, KOERS_JSON_IMPORT_ADD);

  for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
    {
      g_autoptr (KoersCapacity) mine = get_capacity (f->a, departments[i], periods[i]);
      g_autoptr (KoersCapacity) theirs = get_capacity (f->b, departments[i], periods[i]);

      g_assert_nonnull (theirs);
      g_assert_cmpstr (koers_capacity_get_uuid (theirs), ==, koers_capacity_get_uuid (mine));
      g_assert_cmpfloat (koers_capacity_get_days (theirs), ==, koers_capacity_get_days (mine));
      g_assert_cmpfloat (koers_capacity_get_budget (theirs), ==, koers_capacity_get_budget (mine));
    }
  g_assert_null (get_capacity (f->b, "Marketing", "2026-Q3"));

  copy = koers_test_find_objective (f->b, "Win ten new accounts");
  copy_kr_id = koers_key_result_get_id (koers_test_first_key_result (copy));
  g_assert_cmpuint (escalations->len, ==, 2);
  for (guint i = 0; i < escalations->len; i++)
    {
      KoersEscalation *mine = g_ptr_array_index (escalations, i);
      g_autoptr (KoersEscalation) theirs = find_escalation (f->b, koers_escalation_get_uuid (mine));

      g_assert_nonnull (theirs);
      g_assert_cmpint (koers_escalation_get_objective_id (theirs), ==, koers_objective_get_id (copy));
      g_assert_cmpint (koers_escalation_get_key_result_id (theirs), ==,
                       koers_escalation_get_key_result_id (mine) != 0 ? copy_kr_id : 0);
      g_assert_cmpstr (koers_escalation_get_reason (theirs), ==, koers_escalation_get_reason (mine));
      g_assert_cmpstr (koers_escalation_get_help (theirs), ==, koers_escalation_get_help (mine));
      g_assert_cmpstr (koers_escalation_get_raised_by (theirs), ==, koers_escalation_get_raised_by (mine));
      g_assert_cmpint (koers_escalation_get_raised_at (theirs), ==, koers_escalation_get_raised_at (mine));
      g_assert_cmpint (koers_escalation_get_resolved (theirs), ==, koers_escalation_get_resolved (mine));
      g_assert_cmpstr (koers_escalation_get_resolution (theirs), ==,
                       koers_escalation_get_resolution (mine));
      g_assert_cmpstr (koers_escalation_get_resolved_by (theirs), ==,
                       koers_escalation_get_resolved_by (mine));
      g_assert_cmpint (koers_escalation_get_resolved_at (theirs), ==,
                       koers_escalation_get_resolved_at (mine));
    }
  g_assert_cmpuint (koers_store_count_open_escalations (f->b, koers_objective_get_id (copy), 0), ==, 1);

  /* The same file again, merged: nothing changes. */
  import_b (f, KOERS_JSON_IMPORT_MERGE);
  g_assert_cmpuint (koers_store_count_open_escalations (f->b, koers_objective_get_id (copy), 0), ==, 1);
}

static guint
get_open_count (KoersStore *store)
{
  g_autoptr (GPtrArray) open = koers_store_list_escalations (store, TRUE, NULL);

  return open->len;
}

static void
test_merge (Fixture      *f,
            gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) open = NULL;
  g_autoptr (KoersCapacity) capacity = NULL;
  g_autoptr (KoersImportPlan) plan = NULL;
  KoersImportCounts counts;

  export_a (f);
  import_b (f, KOERS_JSON_IMPORT_ADD);

  /* Newer in a: the merge brings it. */
  g_usleep (2000);
  set_capacity (f->a, "Sales", "2026-Q2", 70, 26000);
  open = koers_store_list_escalations (f->a, TRUE, NULL);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_true (koers_store_resolve_escalation (
    f->a, koers_escalation_get_id (g_ptr_array_index (open, 0)), "A second supplier found", &error));
  g_assert_no_error (error);
  export_a (f);
  import_b (f, KOERS_JSON_IMPORT_MERGE);
  capacity = get_capacity (f->b, "Sales", "2026-Q2");
  g_assert_cmpfloat (koers_capacity_get_days (capacity), ==, 70);
  g_assert_cmpfloat (koers_capacity_get_budget (capacity), ==, 26000);
  g_assert_cmpuint (get_open_count (f->b), ==, 0);
  g_clear_object (&capacity);

  /* Newer in b: the older copy of a is ignored (a conflict). */
  g_usleep (2000);
  set_capacity (f->b, "Sales", "2026-Q2", 80, 26000);
  g_usleep (2000);
  set_capacity (f->a, "Marketing", "2026-Q2", 35, 1000);
  export_a (f);
  plan = koers_json_import_run (f->b, f->json, KOERS_JSON_IMPORT_MERGE, &error);
  g_assert_no_error (error);
  koers_import_plan_get_counts (plan, KOERS_IMPORT_CAPACITIES, &counts);
  g_assert_cmpuint (counts.conflicts, ==, 1);
  g_assert_cmpuint (counts.updated, ==, 1);
  g_assert_cmpuint (counts.unchanged, ==, 1);
  koers_import_plan_get_counts (plan, KOERS_IMPORT_ESCALATIONS, &counts);
  g_assert_cmpuint (counts.unchanged, ==, 2);
  capacity = get_capacity (f->b, "Sales", "2026-Q2");
  g_assert_cmpfloat (koers_capacity_get_days (capacity), ==, 80);
  g_clear_object (&capacity);
  capacity = get_capacity (f->b, "Marketing", "2026-Q2");
  g_assert_cmpfloat (koers_capacity_get_days (capacity), ==, 35);
}

/* The export's text with one member of the first capacity (capacity) or
 * of the key result's escalation set to value (JSON). */
static char *
spoil (const char *text,
       gboolean    capacity,
       const char *member,
       const char *value,
       char      **path)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonParser) value_parser = json_parser_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  JsonObject *root;
  const char *list = capacity ? "departments" : "objectives";
  const char *owned = capacity ? "capacities" : "escalations";
  JsonArray  *items;

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  g_assert_true (json_parser_load_from_data (value_parser, value, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  items = json_object_get_array_member (root, list);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonArray  *children;
      guint       last;

      if (!json_object_has_member (item, owned))
        continue;
      children = json_object_get_array_member (item, owned);
      last = json_array_get_length (children) - 1;
      json_object_set_member (json_array_get_object_element (children, last), member,
                              json_node_copy (json_parser_get_root (value_parser)));
      *path = g_strdup_printf ("$.%s[%u].%s[%u].%s", list, i, owned, last, member);
      json_generator_set_root (generator, json_parser_get_root (parser));
      return json_generator_to_data (generator, NULL);
    }
  g_assert_not_reached ();
}

static void
test_bad_values (Fixture      *f,
                 gconstpointer data)
{
  static const struct
  {
    gboolean    capacity;
    const char *member;
    const char *value;
  } cases[] = {
    { TRUE, "days", "-5" },
    { TRUE, "days", "2000000" },
    { TRUE, "budget", "1e16" },
    { TRUE, "period", "\"2026-Q5\"" },
    { FALSE, "resolved", "\"maybe\"" },
    { FALSE, "resolved_at", "null" },
    { FALSE, "key_result", "\"6f1c0000-0000-4000-8000-000000000000\"" },
    { FALSE, "reason", "\"\"" },
  };
  g_autofree char *text = koers_json_export_to_string (f->a, NULL, 0, NULL);
  g_autofree char *before = koers_test_fingerprint_database (f->path_b);

  g_assert_nonnull (text);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = NULL;
      g_autofree char *bad = spoil (text, cases[i].capacity, cases[i].member, cases[i].value, &path);
      g_autofree char *after = NULL;

      g_assert_true (g_file_set_contents (f->json, bad, -1, NULL));
      g_assert_false (koers_json_import (f->b, f->json, KOERS_JSON_IMPORT_ADD, NULL, &error));
      g_assert_nonnull (error);
      if (strstr (error->message, path) == NULL)
        g_error ("case %u: “%s” does not name %s", i, error->message, path);
      g_test_message ("%s", error->message);
      after = koers_test_fingerprint_database (f->path_b);
      g_assert_cmpstr (after, ==, before);
    }
}

/* Two capacities of one department for one period: refused with the
 * department and the period named, nothing written. */
static void
test_duplicate (Fixture      *f,
                gconstpointer data)
{
  g_autofree char *text = koers_json_export_to_string (f->a, NULL, 0, NULL);
  g_autofree char *before = koers_test_fingerprint_database (f->path_b);
  g_autofree char *after = NULL;
  g_autofree char *bad = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (GError) error = NULL;
  JsonArray *departments;
  gboolean   spoiled = FALSE;

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  departments = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "departments");
  for (guint i = 0; i < json_array_get_length (departments) && !spoiled; i++)
    {
      JsonObject *dept = json_array_get_object_element (departments, i);
      JsonArray  *capacities;

      if (!json_object_has_member (dept, "capacities"))
        continue;
      capacities = json_object_get_array_member (dept, "capacities");
      if (json_array_get_length (capacities) < 2)
        continue;
      g_assert_cmpstr (json_object_get_string_member (dept, "name"), ==, "Sales");
      json_object_set_string_member (json_array_get_object_element (capacities, 1), "period",
                                     json_object_get_string_member (
                                       json_array_get_object_element (capacities, 0), "period"));
      spoiled = TRUE;
    }
  g_assert_true (spoiled);
  json_generator_set_root (generator, json_parser_get_root (parser));
  bad = json_generator_to_data (generator, NULL);

  g_assert_true (g_file_set_contents (f->json, bad, -1, NULL));
  g_assert_false (koers_json_import (f->b, f->json, KOERS_JSON_IMPORT_ADD, NULL, &error));
  g_assert_error (error, KOERS_JSON_ERROR, KOERS_JSON_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "a second capacity of Sales for Q2 2026"));
  g_assert_nonnull (strstr (error->message, ".capacities[1].period"));
  after = koers_test_fingerprint_database (f->path_b);
  g_assert_cmpstr (after, ==, before);
}

static void
test_filter (Fixture      *f,
             gconstpointer data)
{
  const char *const q3[] = { "2026-Q3", NULL };
  const char *const marketing[] = { "Marketing", NULL };
  KoersExportFilter by_period = { q3, NULL };
  KoersExportFilter by_department = { NULL, marketing };
  g_autofree char  *text = NULL;
  g_autoptr (KoersCapacity) sales_q2 = get_capacity (f->a, "Sales", "2026-Q2");
  g_autoptr (KoersCapacity) sales_q3 = get_capacity (f->a, "Sales", "2026-Q3");
  g_autoptr (KoersCapacity) marketing_q2 = get_capacity (f->a, "Marketing", "2026-Q2");

  text = koers_json_export_to_string (f->a, &by_period, 0, NULL);
  g_assert_nonnull (strstr (text, koers_capacity_get_uuid (sales_q3)));
  g_assert_null (strstr (text, koers_capacity_get_uuid (sales_q2)));
  g_assert_null (strstr (text, "\"escalations\""));
  g_clear_pointer (&text, g_free);

  text = koers_json_export_to_string (f->a, &by_department, 0, NULL);
  g_assert_nonnull (strstr (text, koers_capacity_get_uuid (marketing_q2)));
  g_assert_null (strstr (text, koers_capacity_get_uuid (sales_q2)));
  g_assert_null (strstr (text, koers_capacity_get_uuid (sales_q3)));
}

static gboolean
collect_owned_change_cb (const KoersChangeRow *row,
                         gpointer              user_data,
                         GError              **error)
{
  if (g_strcmp0 (row->entity, "capacity") == 0 || g_strcmp0 (row->entity, "escalation") == 0)
    g_ptr_array_add (user_data, g_strdup_printf ("%s %s %s", row->key, row->entity, row->op));
  return TRUE;
}

static GPtrArray *
list_owned_changes (KoersStore *store)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *changes = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (koers_store_foreach_change_row (store, 0, collect_owned_change_cb, changes, &error));
  g_assert_no_error (error);
  return changes;
}

/* The history of capacities and escalations goes along (format 2), as
 * the other entities' does: each entry arrives as it was, once. */
static void
test_history (Fixture      *f,
              gconstpointer data)
{
  g_autoptr (GPtrArray) before = list_owned_changes (f->a);
  g_autoptr (GPtrArray) after = NULL;
  g_autofree char *text = koers_json_export_to_string (f->a, NULL, 0, NULL);
  guint            n_capacity = 0, n_escalation = 0;

  /* Three capacities set, two escalations raised, one resolved. */
  for (guint i = 0; i < before->len; i++)
    {
      n_capacity += strstr (g_ptr_array_index (before, i), " capacity ") != NULL;
      n_escalation += strstr (g_ptr_array_index (before, i), " escalation ") != NULL;
    }
  g_assert_cmpuint (n_capacity, >=, 3);
  g_assert_cmpuint (n_escalation, >=, 3);
  g_assert_nonnull (strstr (text, "\"entity\" : \"capacity\""));
  g_assert_nonnull (strstr (text, "\"entity\" : \"escalation\""));

  export_a (f);
  import_b (f, KOERS_JSON_IMPORT_ADD);
  after = list_owned_changes (f->b);
  for (guint i = 0; i < before->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < after->len && !found; j++)
        found = g_str_equal (g_ptr_array_index (before, i), g_ptr_array_index (after, j));
      if (!found)
        g_error ("not carried over: %s", (char *) g_ptr_array_index (before, i));
    }

  /* Again: none twice. */
  import_b (f, KOERS_JSON_IMPORT_MERGE);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = list_owned_changes (f->b);
  for (guint i = 0; i < before->len; i++)
    {
      guint n = 0;

      for (guint j = 0; j < after->len; j++)
        n += g_str_equal (g_ptr_array_index (before, i), g_ptr_array_index (after, j));
      g_assert_cmpuint (n, ==, 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/json-capacity-escalations/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("round-trip", test_round_trip);
  ADD ("history", test_history);
  ADD ("duplicate", test_duplicate);
  ADD ("merge", test_merge);
  ADD ("bad-values", test_bad_values);
  ADD ("filter", test_filter);
#undef ADD

  return g_test_run ();
}
