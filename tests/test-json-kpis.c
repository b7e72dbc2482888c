/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "core/koers-seed.h"
#include "koers-io-resources.h"
#include "koers-json-private.h"
#include "core/koers-date.h"
#include "koers-store-private.h"
#include "koers-test-io.h"

/* KPIs in JSON: export, import and merge carry them with their history
 * and the key results' links to them; old files without KPIs import as
 * they did; malformed KPIs are refused by path; the templates hold the
 * seed's KPIs. */

#define DEPT "11111111-1111-4111-8111-111111111111"
#define OBJ "22222222-2222-4222-8222-000000000001"
#define KR "33333333-3333-4333-8333-000000000001"
#define KPI "55555555-5555-4555-8555-000000000001"
#define VAL1 "66666666-6666-4666-8666-000000000001"
#define VAL2 "66666666-6666-4666-8666-000000000002"
#define STAMP "\"2026-04-01T08:00:00.000000Z\""

/* A hand-written file: a department, an objective whose key result moves
 * a KPI, and the KPI (after the objectives) with two values. */
static const char base_file[] =
  "{\n"
  "  \"format\" : \"koers\",\n"
  "  \"version\" : 1,\n"
  "  \"departments\" : [\n"
  "    { \"uuid\" : \"" DEPT "\", \"name\" : \"Support lab\",\n"
  "      \"created\" : " STAMP ", \"updated\" : " STAMP " }\n"
  "  ],\n"
  "  \"objectives\" : [\n"
  "    { \"uuid\" : \"" OBJ "\", \"department\" : \"" DEPT "\", \"title\" : \"Happier customers\",\n"
  "      \"level\" : \"department\", \"kind\" : \"committed\", \"period\" : \"2026-Q2\",\n"
  "      \"state\" : \"active\", \"created\" : " STAMP ", \"updated\" : " STAMP ",\n"
  "      \"key_results\" : [\n"
  "        { \"uuid\" : \"" KR "\", \"title\" : \"Raise NPS from 40 to 55\",\n"
  "          \"metric_kind\" : \"number\", \"start\" : 40, \"target\" : 55, \"current\" : 44,\n"
  "          \"created\" : " STAMP ", \"updated\" : " STAMP ", \"kpi\" : \"" KPI "\" }\n"
  "      ] }\n"
  "  ],\n"
  "  \"kpis\" : [\n"
  "    { \"uuid\" : \"" KPI "\", \"department\" : \"" DEPT "\", \"name\" : \"NPS\",\n"
  "      \"metric_kind\" : \"number\", \"direction\" : \"higher\", \"healthy\" : 50,\n"
  "      \"attention\" : 40, \"frequency\" : \"monthly\",\n"
  "      \"created\" : " STAMP ", \"updated\" : " STAMP ",\n"
  "      \"values\" : [\n"
  "        { \"uuid\" : \"" VAL1 "\", \"date\" : \"2026-04-01\", \"value\" : 41, \"note\" : \"First\",\n"
  "          \"created\" : " STAMP ", \"updated\" : " STAMP " },\n"
  "        { \"uuid\" : \"" VAL2 "\", \"date\" : \"2026-05-01\", \"value\" : 44.5,\n"
  "          \"created\" : " STAMP ", \"updated\" : " STAMP " }\n"
  "      ] }\n"
  "  ]\n"
  "}\n";

static char *
replace_first (const char *text,
               const char *from,
               const char *to)
{
  const char *at = strstr (text, from);

  if (at == NULL)
    g_error ("“%s” is not in the text", from);

  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

/* The text without its "kpis" member (the last one). */
static char *
without_kpis (const char *text)
{
  const char *at = strstr (text, ",\n  \"kpis\" : [");

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s\n}\n", (int) (at - text), text);
}

static KoersImportPlan *
plan_text (KoersStore         *store,
           const char         *text,
           KoersJsonImportMode mode,
           GError            **error)
{
  return koers_json_import_plan_from_data (store, text, strlen (text), mode, error);
}

static void
import_text (KoersStore         *store,
             const char         *text,
             KoersJsonImportMode mode)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersImportPlan) plan = plan_text (store, text, mode, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_true (koers_json_import_apply (plan, &error));
  g_assert_no_error (error);
}

static KoersKpi *
find_kpi_named (KoersStore *store,
                const char *name)
{
  GListModel *kpis = koers_store_get_kpis (store);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr (KoersKpi) kpi = g_list_model_get_item (kpis, i);

      if (g_strcmp0 (koers_kpi_get_name (kpi), name) == 0)
        return kpi;
    }

  g_error ("No KPI “%s”", name);
  return NULL;
}

static KoersKpi *
add_kpi (KoersStore       *store,
         const char       *department,
         const char       *name,
         KoersKpiDirection direction,
         double            healthy,
         double            attention)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersKpi) kpi = NULL;

  kpi = koers_kpi_new (name, KOERS_METRIC_KIND_NUMBER, "points “quoted”", direction, healthy,
                       attention, KOERS_KPI_FREQUENCY_WEEKLY);
  koers_kpi_set_department_id (kpi, koers_department_get_id (koers_test_find_department (store,
                                                                                         department)));
  g_assert_true (koers_store_add_kpi (store, kpi, &error));
  g_assert_no_error (error);
  return kpi;
}

static void
add_value (KoersStore *store,
           KoersKpi   *kpi,
           const char *date,
           double      number,
           const char *note)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersKpiValue) value = koers_kpi_value_new (date, number, note);

  g_assert_true (koers_store_add_kpi_value (store, kpi, value, &error));
  g_assert_no_error (error);
}

static void
link_key_result (KoersStore *store,
                 const char *objective,
                 KoersKpi   *kpi)
{
  g_autoptr (GError) error = NULL;
  KoersKeyResult *kr = koers_test_first_key_result (koers_test_find_objective (store, objective));

  koers_key_result_set_kpi_id (kr, koers_kpi_get_id (kpi));
  g_assert_true (koers_store_save_key_result (store, kr, &error));
  g_assert_no_error (error);
}

/* koers_test_populate_store() and KPIs: a lower-is-better one in the team, values
 * with notes that need escaping and fractions, two key results that
 * move one, one of them in another department. */
static void
populate_kpis (KoersStore *store)
{
  KoersKpi *nps = add_kpi (store, "Customer service", "NPS", KOERS_KPI_DIRECTION_HIGHER, 50, 40);
  KoersKpi *visits = add_kpi (store, "Marketing", "Website visits", KOERS_KPI_DIRECTION_HIGHER,
                              5000, 4000);
  KoersKpi *cost = add_kpi (store, "Growth team", "Cost per lead", KOERS_KPI_DIRECTION_LOWER,
                            12.5, 20);

  add_value (store, nps, "2026-04-01", 41, "First, \"survey\"\nof Q2");
  add_value (store, nps, "2026-05-01", 44.25, "Ça va — 7,2 × “quotes”");
  add_value (store, visits, "2026-05-01", 4300, NULL);
  add_value (store, cost, "2026-05-08", 19.9, NULL);
  add_value (store, cost, "2026-05-08", 18.7, "Same day, later");

  link_key_result (store, "Increase customer satisfaction.", nps);
  link_key_result (store, "Raise brand awareness among young people (under 30).", visits);
  link_key_result (store, "Reach quarterly revenue of €1 million.", visits);
}

/* Export, import into a new database, export again: the same text. */
static void
test_round_trip (KoersTestDir *fixture,
                 gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr (KoersStore) other = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before_kpis = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autoptr (KoersImportPlan) plan = NULL;
  KoersImportCounts counts;
  KoersKpi         *nps;
  KoersKeyResult   *kr;

  koers_test_populate_store (store);

  /* Without KPIs a file is what it was before them. */
  before_kpis = koers_test_export_text (store);
  g_assert_null (strstr (before_kpis, "\"kpis\""));
  g_assert_null (strstr (before_kpis, "\"kpi\""));

  populate_kpis (store);
  first = koers_test_export_text (store);
  g_assert_nonnull (strstr (first, "\"kpis\" : ["));
  g_assert_nonnull (strstr (first, "\"direction\" : \"lower\""));
  g_assert_nonnull (strstr (first, "\"healthy\" : 12.5"));
  g_assert_nonnull (strstr (first, "\"value\" : 44.25"));
  {
    g_autofree char *link = g_strdup_printf ("\"kpi\" : \"%s\"",
                                             koers_kpi_get_uuid (find_kpi_named (store, "NPS")));

    g_assert_nonnull (strstr (first, link));
  }

  other = koers_test_open_store (other_path);
  plan = plan_text (other, first, KOERS_JSON_IMPORT_ADD, &error);
  g_assert_no_error (error);
  koers_import_plan_get_counts (plan, KOERS_IMPORT_KPIS, &counts);
  g_assert_cmpuint (counts.added, ==, 3);
  koers_import_plan_get_counts (plan, KOERS_IMPORT_KPI_VALUES, &counts);
  g_assert_cmpuint (counts.added, ==, 5);
  g_assert_true (koers_json_import_apply (plan, &error));
  g_assert_no_error (error);

  second = koers_test_export_text (other);
  g_assert_cmpstr (first, ==, second);

  /* The objects: values, what they derive, the links. */
  nps = find_kpi_named (other, "NPS");
  g_assert_cmpuint (g_list_model_get_n_items (koers_kpi_get_values (nps)), ==, 2);
  g_assert_cmpfloat (koers_kpi_get_current_value (nps), ==, 44.25);
  g_assert_cmpint (koers_kpi_get_status (nps), ==, KOERS_KPI_STATUS_NEEDS_ATTENTION);
  g_assert_cmpstr (koers_kpi_value_get_note (koers_kpi_get_latest_value (nps)), ==,
                   "Ça va — 7,2 × “quotes”");
  kr = koers_test_first_key_result (koers_test_find_objective (other, "Increase customer satisfaction."));
  g_assert_cmpint (koers_key_result_get_kpi_id (kr), ==, koers_kpi_get_id (nps));
  g_assert_cmpfloat (koers_kpi_get_current_value (find_kpi_named (other, "Cost per lead")), ==, 18.7);

  /* And after reopening. */
  g_clear_object (&other);
  other = koers_test_open_store (other_path);
  third = koers_test_export_text (other);
  g_assert_cmpstr (first, ==, third);

  /* Merging the same file again changes nothing. */
  {
    g_autoptr (KoersImportPlan) again = plan_text (other, first, KOERS_JSON_IMPORT_MERGE, &error);
    KoersImportCounts totals;

    g_assert_no_error (error);
    koers_import_plan_get_totals (again, &totals);
    g_assert_cmpuint (totals.added + totals.updated + totals.conflicts, ==, 0);
  }
}

/* A filtered file holds the KPIs of its departments and the ones its key
 * results move, with their departments, and imports on its own. */
static void
test_filtered_export (KoersTestDir *fixture,
                      gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr (KoersStore) other = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *const departments[] = { "Sales", NULL };
  KoersExportFilter filter = { NULL, departments };
  JsonArray        *kpis;
  JsonArray        *depts;
  gboolean          has_marketing = FALSE;

  koers_test_populate_store (store);
  populate_kpis (store);
  add_kpi (store, "Sales", "Monthly revenue", KOERS_KPI_DIRECTION_HIGHER, 330000, 280000);

  text = koers_json_export_to_string (store, &filter, KOERS_TEST_EXPORTED_USEC, &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  kpis = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "kpis");
  depts = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "departments");

  /* Sales's own, and Marketing's that a Sales key result moves; not NPS. */
  g_assert_cmpuint (json_array_get_length (kpis), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (kpis, 0), "name"),
                   ==, "Website visits");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (kpis, 1), "name"),
                   ==, "Monthly revenue");
  for (guint i = 0; i < json_array_get_length (depts); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (depts, i), "name"),
                     "Marketing"))
      has_marketing = TRUE;
  g_assert_true (has_marketing);

  other = koers_test_open_store (other_path);
  import_text (other, text, KOERS_JSON_IMPORT_ADD);
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_kpis (other)), ==, 2);
  g_assert_cmpint (koers_key_result_get_kpi_id (koers_test_first_key_result (
                     koers_test_find_objective (other, "Reach quarterly revenue of €1 million."))),
                   ==,
                   koers_kpi_get_id (find_kpi_named (other, "Website visits")));
}

static JsonNode *
parse (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
generate (JsonNode *root)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static JsonObject *
get_kpi_object (JsonNode   *root,
                const char *name)
{
  JsonArray *kpis = json_object_get_array_member (json_node_get_object (root), "kpis");

  for (guint i = 0; i < json_array_get_length (kpis); i++)
    {
      JsonObject *kpi = json_array_get_object_element (kpis, i);

      if (g_str_equal (json_object_get_string_member (kpi, "name"), name))
        return kpi;
    }

  g_error ("No KPI “%s” in the file", name);
  return NULL;
}

static void
set_stamp (JsonObject *object,
           const char *member,
           gint64      usec)
{
  g_autofree char *text = koers_json_format_stamp (usec);

  json_object_set_string_member (object, member, text);
}

/* Merge: a newer KPI in the file wins, a newer one in the database is
 * kept (a conflict), a new value is added, and a key result's link
 * follows the newer copy. */
static void
test_merge (KoersTestDir *fixture,
            gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersImportPlan) plan = NULL;
  g_autofree char  *exported = NULL;
  g_autofree char  *edited = NULL;
  KoersImportCounts counts;
  JsonObject       *nps, *visits, *value;
  KoersKpi         *stored_nps, *stored_visits;
  gint64            later = koers_now_usec () + (gint64) G_USEC_PER_SEC * 3600;

  koers_test_populate_store (store);
  populate_kpis (store);
  exported = koers_test_export_text (store);
  root = parse (exported);

  /* The file's NPS is newer and renamed, with a third value. */
  nps = get_kpi_object (root, "NPS");
  json_object_set_string_member (nps, "name", "Net Promoter Score");
  json_object_set_double_member (nps, "healthy", 45);
  set_stamp (nps, "updated", later);
  value = json_object_new ();
  json_object_set_string_member (value, "uuid", "66666666-6666-4666-8666-0000000000aa");
  json_object_set_string_member (value, "date", "2026-05-14");
  json_object_set_double_member (value, "value", 47);
  json_object_set_string_member (value, "note", "Merged in");
  set_stamp (value, "created", later);
  set_stamp (value, "updated", later);
  json_array_add_object_element (json_object_get_array_member (nps, "values"), value);

  /* The file's visits changed on an older stamp: the database keeps its own. */
  visits = get_kpi_object (root, "Website visits");
  json_object_set_double_member (visits, "healthy", 9999);

  edited = generate (root);
  plan = plan_text (store, edited, KOERS_JSON_IMPORT_MERGE, &error);
  g_assert_no_error (error);
  koers_import_plan_get_counts (plan, KOERS_IMPORT_KPIS, &counts);
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpuint (counts.updated, ==, 1);
  g_assert_cmpuint (counts.unchanged, ==, 1);
  g_assert_cmpuint (counts.conflicts, ==, 1);
  koers_import_plan_get_counts (plan, KOERS_IMPORT_KPI_VALUES, &counts);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpuint (counts.unchanged, ==, 5);
  g_assert_nonnull (strstr (koers_import_plan_get_conflicts (plan)[0], "“Website visits”"));
  g_assert_nonnull (strstr (koers_import_plan_get_conflicts (plan)[0], "$.kpis["));
  g_assert_true (koers_json_import_apply (plan, &error));
  g_assert_no_error (error);

  stored_nps = find_kpi_named (store, "Net Promoter Score");
  g_assert_cmpfloat (koers_kpi_get_healthy (stored_nps), ==, 45);
  g_assert_cmpint (koers_kpi_get_updated (stored_nps), ==, later);
  g_assert_cmpuint (g_list_model_get_n_items (koers_kpi_get_values (stored_nps)), ==, 3);
  g_assert_cmpfloat (koers_kpi_get_current_value (stored_nps), ==, 47);
  g_assert_cmpint (koers_kpi_get_status (stored_nps), ==, KOERS_KPI_STATUS_HEALTHY);
  stored_visits = find_kpi_named (store, "Website visits");
  g_assert_cmpfloat (koers_kpi_get_healthy (stored_visits), ==, 5000);

  /* A newer key result in the file without a "kpi" loses its link. */
  {
    g_autoptr (JsonNode) again = NULL;
    g_autofree char *text = NULL;
    g_autofree char *current = koers_test_export_text (store);
    JsonArray       *objectives;
    KoersKeyResult  *kr = koers_test_first_key_result (koers_test_find_objective (store,
                                                                                  "Increase customer satisfaction."));

    g_assert_cmpint (koers_key_result_get_kpi_id (kr), ==, koers_kpi_get_id (stored_nps));
    again = parse (current);
    objectives = json_object_get_array_member (json_node_get_object (again), "objectives");
    for (guint i = 0; i < json_array_get_length (objectives); i++)
      {
        JsonObject *objective = json_array_get_object_element (objectives, i);
        JsonObject *first;

        if (!g_str_equal (json_object_get_string_member (objective, "title"),
                          "Increase customer satisfaction."))
          continue;
        first = json_array_get_object_element (json_object_get_array_member (objective,
                                                                             "key_results"),
                                               0);
        json_object_remove_member (first, "kpi");
        set_stamp (first, "updated", later);
      }
    text = generate (again);
    import_text (store, text, KOERS_JSON_IMPORT_MERGE);
    g_assert_cmpint (koers_key_result_get_kpi_id (kr), ==, 0);
    g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM key_results"
                                                          " WHERE kpi_id IS NOT NULL"),
                     ==, 2);
  }
}

/* The hand-written file imports; an old file (no "kpis") too. */
static void
test_hand_written (KoersTestDir *fixture,
                   gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersImportPlan) plan = NULL;
  g_autofree char *without = NULL;
  KoersKpi        *kpi;
  KoersKeyResult  *kr;

  import_text (store, base_file, KOERS_JSON_IMPORT_ADD);
  kpi = find_kpi_named (store, "NPS");
  g_assert_cmpstr (koers_kpi_get_uuid (kpi), ==, KPI);
  g_assert_cmpint (koers_kpi_get_position (kpi), ==, 0);
  g_assert_cmpstr (koers_kpi_get_unit (kpi), ==, "");
  g_assert_cmpfloat (koers_kpi_get_current_value (kpi), ==, 44.5);
  g_assert_cmpstr (koers_kpi_get_last_update_date (kpi), ==, "2026-05-01");
  kr = koers_test_first_key_result (koers_test_find_objective (store, "Happier customers"));
  g_assert_cmpint (koers_key_result_get_kpi_id (kr), ==, koers_kpi_get_id (kpi));

  /* A plain import of the same KPI again: it is in the database. */
  plan = plan_text (store, base_file, KOERS_JSON_IMPORT_ADD, &error);
  g_assert_null (plan);
  g_assert_error (error, KOERS_JSON_ERROR, KOERS_JSON_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "$.kpis[0].uuid: “NPS” is already in the database"));
  g_clear_error (&error);

  /* A key result may move a KPI that only the database has. */
  {
    g_autofree char *a = replace_first (base_file, OBJ, "22222222-2222-4222-8222-0000000000ff");
    g_autofree char *b = replace_first (a, KR, "33333333-3333-4333-8333-0000000000ff");
    g_autofree char *c = replace_first (b, "Happier customers", "Even happier customers");
    g_autofree char *d = without_kpis (c);

    import_text (store, d, KOERS_JSON_IMPORT_ADD);
    kr = koers_test_first_key_result (koers_test_find_objective (store, "Even happier customers"));
    g_assert_cmpint (koers_key_result_get_kpi_id (kr), ==, koers_kpi_get_id (kpi));
    g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_kpis (store)), ==, 1);
  }

  /* A file from before KPIs, into a database without any. */
  {
    g_autofree char *a = replace_first (base_file, ", \"kpi\" : \"" KPI "\"", "");
    g_autofree char *old_path = g_build_filename (fixture->dir, "old.db", NULL);
    g_autoptr (KoersStore) old = koers_test_open_store (old_path);

    without = without_kpis (a);
    import_text (old, without, KOERS_JSON_IMPORT_ADD);
    g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_kpis (old)), ==, 0);
    g_assert_cmpint (koers_key_result_get_kpi_id (koers_test_first_key_result (
                       koers_test_find_objective (old, "Happier customers"))),
                     ==, 0);
  }
}

typedef struct
{
  const char *name;
  const char *from;
  const char *to;
  const char *message; /* a part of the error message */
} Case;

static const Case cases[] = {
  { "bad-direction", "\"direction\" : \"higher\"", "\"direction\" : \"up\"",
    "$.kpis[0].direction: expected one of \"higher\", \"lower\", found \"up\"" },
  { "direction-number", "\"direction\" : \"higher\"", "\"direction\" : 1",
    "$.kpis[0].direction: expected one of" },
  { "missing-direction", "\"direction\" : \"higher\",", "",
    "$.kpis[0].direction: missing (it is required)" },
  { "bad-frequency", "\"frequency\" : \"monthly\"", "\"frequency\" : \"daily\"",
    "$.kpis[0].frequency: expected one of \"weekly\", \"monthly\", \"quarterly\", found \"daily\"" },
  { "infinite-threshold", "\"healthy\" : 50", "\"healthy\" : 1e999",
    "$.kpis[0].healthy" },
  { "huge-threshold", "\"attention\" : 40", "\"attention\" : -1e16",
    "$.kpis[0].attention: the number -1e16 is out of range" },
  { "text-threshold", "\"healthy\" : 50", "\"healthy\" : \"50\"",
    "$.kpis[0].healthy: expected a number, found \"50\"" },
  { "null-threshold", "\"attention\" : 40", "\"attention\" : null",
    "$.kpis[0].attention: expected a number, found null" },
  { "thresholds-wrong-way", "\"attention\" : 40", "\"attention\" : 60",
    "$.kpis[0].attention: must not be above “healthy” when the direction is “higher”" },
  { "thresholds-wrong-way-lower", "\"direction\" : \"higher\"", "\"direction\" : \"lower\"",
    "$.kpis[0].attention: must not be below “healthy” when the direction is “lower”" },
  { "dangling-kpi", "\"kpi\" : \"" KPI "\"", "\"kpi\" : \"55555555-5555-4555-8555-0000000000ff\"",
    "$.objectives[0].key_results[0].kpi: 55555555-5555-4555-8555-0000000000ff is neither in the "
    "file nor in the database" },
  { "kpi-not-uuid", "\"kpi\" : \"" KPI "\"", "\"kpi\" : \"NPS\"",
    "$.objectives[0].key_results[0].kpi: expected a uuid or null, found \"NPS\"" },
  { "kpi-to-objective", "\"kpi\" : \"" KPI "\"", "\"kpi\" : \"" OBJ "\"",
    "$.objectives[0].key_results[0].kpi: " OBJ " is neither in the file nor in the database" },
  { "dangling-department", "\"department\" : \"" DEPT "\", \"name\" : \"NPS\"",
    "\"department\" : \"11111111-1111-4111-8111-0000000000ff\", \"name\" : \"NPS\"",
    "$.kpis[0].department: 11111111-1111-4111-8111-0000000000ff is neither in the file nor in the "
    "database" },
  { "blank-name", "\"name\" : \"NPS\"", "\"name\" : \"  \"", "$.kpis[0].name: must not be empty" },
  { "bad-value-date", "\"date\" : \"2026-05-01\"", "\"date\" : \"2026-02-30\"",
    "$.kpis[0].values[1].date" },
  { "value-not-number", "\"value\" : 44.5", "\"value\" : \"44,5\"",
    "$.kpis[0].values[1].value: expected a number, found \"44,5\"" },
  { "value-unknown-member", "\"note\" : \"First\"", "\"notes\" : \"First\"",
    "$.kpis[0].values[0].notes: unknown member" },
  { "value-uuid-twice", VAL2, VAL1, "the uuid " VAL1 " is also used at $.kpis[0].values[0]" },
  { "kpis-not-list", "\"kpis\" : [", "\"kpis\" : 3, \"x\" : [",
    "$.kpis: expected a list, found 3" },
  { "unknown-kpi-member", "\"frequency\" : \"monthly\"", "\"frequency\" : \"monthly\", \"colour\" : 1",
    "$.kpis[0].colour: unknown member" },
};

static void
test_malformed (KoersTestDir *fixture,
                gconstpointer data)
{
  const Case *c = data;
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersImportPlan) plan = NULL;
  g_autofree char *input = replace_first (base_file, c->from, c->to);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *model_before = NULL;
  g_autofree char *model_after = NULL;

  /* The untouched file imports into a fresh database (checked below). */
  koers_test_populate_store (store);
  populate_kpis (store);
  model_before = koers_test_export_text (store);
  g_clear_object (&store);
  before = koers_test_fingerprint_database (fixture->path);
  store = koers_test_open_store (fixture->path);

  plan = plan_text (store, input, KOERS_JSON_IMPORT_MERGE, &error);
  g_assert_null (plan);
  g_assert_nonnull (error);
  g_assert_true (error->domain == KOERS_JSON_ERROR);
  g_assert_true (error->code == KOERS_JSON_ERROR_INVALID || error->code == KOERS_JSON_ERROR_SYNTAX);
  if (strstr (error->message, c->message) == NULL)
    g_error ("%s: “%s” is not in the message:\n%s", c->name, c->message, error->message);
  g_clear_error (&error);

  model_after = koers_test_export_text (store);
  g_assert_cmpstr (model_before, ==, model_after);
  g_clear_object (&store);
  after = koers_test_fingerprint_database (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* What the malformed cases start from is fine. */
static void
test_base_imports (KoersTestDir *fixture,
                   gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);

  koers_test_populate_store (store);
  populate_kpis (store);
  import_text (store, base_file, KOERS_JSON_IMPORT_MERGE);
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_kpis (store)), ==, 4);
}

/* The KPI templates are what templates.json holds, read field by field;
 * the two key results that move one name it. */
static void
test_templates (void)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  guint                          n;
  const KoersTemplateKpi *const *loaded = koers_templates_get_kpis (&n);
  JsonObject                    *root;
  JsonArray                     *kpis;
  JsonArray                     *templates;
  guint                          n_links = 0;

  bytes = g_resource_lookup_data (koers_io_get_resource (),
                                  "/io/github/koersapp/Koers/io/templates.json",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             (gssize) g_bytes_get_size (bytes), &error));
  root = json_node_get_object (json_parser_get_root (parser));
  kpis = json_object_get_array_member (root, "kpis");
  g_assert_nonnull (kpis);
  g_assert_cmpuint (json_array_get_length (kpis), ==, n);

  for (guint i = 0; i < n; i++)
    {
      JsonObject          *kpi = json_array_get_object_element (kpis, i);
      JsonObject          *name = json_object_get_object_member (kpi, "name");
      JsonObject          *unit = json_object_get_object_member (kpi, "unit");
      JsonObject          *demo = json_object_get_object_member (kpi, "demo");
      KoersTemplateKpiInfo en, nl;

      koers_template_kpi_get_info (loaded[i], KOERS_LANGUAGE_EN, &en);
      koers_template_kpi_get_info (loaded[i], KOERS_LANGUAGE_NL, &nl);
      g_assert_cmpstr (json_object_get_string_member (kpi, "key"), ==, en.key);
      g_assert_cmpstr (json_object_get_string_member (kpi, "department"), ==, en.department_key);
      g_assert_cmpint (koers_seed_find_department (en.department_key), >=, 0);
      g_assert_cmpstr (json_object_get_string_member (name, "en"), ==, en.name);
      g_assert_cmpstr (json_object_get_string_member (name, "nl"), ==, nl.name);
      g_assert_cmpstr (json_object_get_string_member (unit, "en"), ==, en.unit);
      g_assert_cmpstr (json_object_get_string_member (unit, "nl"), ==, nl.unit);
      g_assert_cmpstr (json_object_get_string_member (kpi, "metric_kind"), ==,
                       koers_metric_kind_to_string (en.metric_kind));
      g_assert_cmpstr (json_object_get_string_member (kpi, "direction"), ==,
                       koers_kpi_direction_to_string (en.direction));
      g_assert_cmpstr (json_object_get_string_member (kpi, "frequency"), ==,
                       koers_kpi_frequency_to_string (en.frequency));
      g_assert_cmpfloat (json_object_get_double_member (kpi, "healthy"), ==, en.healthy);
      g_assert_cmpfloat (json_object_get_double_member (kpi, "attention"), ==, en.attention);
      g_assert_cmpfloat (json_object_get_double_member (demo, "start"), ==, en.demo_start);
      g_assert_cmpfloat (json_object_get_double_member (demo, "end"), ==, en.demo_end);
      g_assert_cmpfloat (json_object_get_double_member (demo, "step"), ==, en.demo_step);
      g_assert_cmpint (json_object_get_boolean_member_with_default (demo, "overdue", FALSE), ==,
                       en.demo_overdue);
    }

  templates = json_object_get_array_member (root, "templates");
  for (guint i = 0; i < json_array_get_length (templates); i++)
    {
      JsonArray *krs = json_object_get_array_member (json_array_get_object_element (templates, i),
                                                     "key_results");

      for (guint k = 0; k < json_array_get_length (krs); k++)
        {
          JsonObject *kr = json_array_get_object_element (krs, k);

          if (!json_object_has_member (kr, "kpi"))
            continue;
          g_assert_nonnull (koers_templates_find_kpi (json_object_get_string_member (kr, "kpi")));
          n_links++;
        }
    }
  g_assert_cmpuint (n_links, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/json-kpis/round-trip", KoersTestDir, NULL, koers_test_dir_setup, test_round_trip,
              koers_test_dir_teardown);
  g_test_add ("/json-kpis/filtered-export", KoersTestDir, NULL, koers_test_dir_setup,
              test_filtered_export, koers_test_dir_teardown);
  g_test_add ("/json-kpis/merge", KoersTestDir, NULL, koers_test_dir_setup, test_merge,
              koers_test_dir_teardown);
  g_test_add ("/json-kpis/hand-written", KoersTestDir, NULL, koers_test_dir_setup, test_hand_written,
              koers_test_dir_teardown);
  g_test_add ("/json-kpis/base-imports", KoersTestDir, NULL, koers_test_dir_setup, test_base_imports,
              koers_test_dir_teardown);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json-kpis/malformed/%s", cases[i].name);

      g_test_add (path, KoersTestDir, &cases[i], koers_test_dir_setup, test_malformed,
                  koers_test_dir_teardown);
    }
  g_test_add_func ("/json-kpis/templates", test_templates);

  return g_test_run ();
}
