/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "koers-json-private.h"
#include "koers-store-private.h"
#include "koers-test-io.h"

/* Format 2: the change log travels in the file.  Exported after everything
 * else, imported into the changes table in the import's own transaction,
 * never twice (by key), checked like every other member; version 1 files
 * still import. */

#define LAB "11111111-1111-4111-8111-111111111111"

typedef struct
{
  char *dir;
  char *path;
  char *other_path;
  char *json_path;
} Fixture;

static void
fixture_setup (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("koers-changes-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "koers.db", NULL);
  fixture->other_path = g_build_filename (fixture->dir, "other.db", NULL);
  fixture->json_path = g_build_filename (fixture->dir, "export.json", NULL);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer data)
{
  koers_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->other_path);
  g_free (fixture->json_path);
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

static JsonArray *
get_changes (JsonNode *root)
{
  return json_object_get_array_member (json_node_get_object (root), "changes");
}

/* A change as one line, to compare. */
static char *
describe_change (JsonObject *change)
{
  g_autoptr (GString) fields = g_string_new (NULL);

  koers_json_append_node (fields, json_object_get_member (change, "fields"));
  return g_strdup_printf ("%s|%s|%s|%s|%s|%s|%s|%s",
                          json_object_get_string_member (change, "key"),
                          json_object_get_string_member (change, "at"),
                          json_object_get_string_member (change, "author"),
                          json_object_get_string_member (change, "entity"),
                          json_object_get_string_member (change, "uuid"),
                          json_object_get_null_member (change, "parent")
                            ? "-"
                            : json_object_get_string_member (change, "parent"),
                          json_object_get_string_member (change, "op"),
                          fields->str);
}

static gint64
count_changes (const char *path)
{
  return koers_test_query_int (path, "SELECT count(*) FROM changes");
}

/* Export with the log, import into a new database: every entry arrives,
 * as it was, before the import's own; exported again, they are all there
 * in the same order. */
static void
test_round_trip (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (KoersStore) other = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr (JsonNode) first_root = NULL;
  g_autoptr (JsonNode) second_root = NULL;
  g_autoptr (GHashTable) second_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray        *first_changes, *second_changes;
  KoersImportCounts totals;
  guint             last = 0;

  koers_store_set_author (store, "Anne Peeters");
  koers_test_populate_store (store);
  first = koers_test_export_full_text (store);
  first_root = parse (first);
  first_changes = get_changes (first_root);

  /* Every write of the database is in the file, oldest first, each with
   * the members the format names. */
  g_assert_cmpint (json_array_get_length (first_changes), ==, count_changes (fixture->path));
  g_assert_cmpuint (json_array_get_length (first_changes), >, 20);
  for (guint i = 0; i < json_array_get_length (first_changes); i++)
    {
      JsonObject              *change = json_array_get_object_element (first_changes, i);
      static const char *const members[] = {
        "key",
        "at",
        "author",
        "entity",
        "uuid",
        "parent",
        "op",
        "fields",
      };

      g_assert_cmpuint (json_object_get_size (change), ==, G_N_ELEMENTS (members));
      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        g_assert_true (json_object_has_member (change, members[m]));
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (change, "fields")));
    }
  g_assert_nonnull (strstr (first, "\"author\" : \"Anne Peeters\""));
  /* The members of a change come last, after the rest of the document. */
  g_assert_true (g_str_has_suffix (first, "    }\n  ]\n}\n"));

  g_assert_true (g_file_set_contents (fixture->json_path, first, -1, NULL));
  other = koers_test_open_store (fixture->other_path);
  g_assert_true (koers_json_import (other, fixture->json_path, KOERS_JSON_IMPORT_ADD, &totals,
                                    &error));
  g_assert_no_error (error);

  second = koers_test_export_full_text (other);
  second_root = parse (second);
  second_changes = get_changes (second_root);

  /* The import's own writes are in the log too. */
  g_assert_cmpuint (json_array_get_length (second_changes), >, json_array_get_length (first_changes));

  for (guint i = 0; i < json_array_get_length (second_changes); i++)
    g_hash_table_insert (second_index,
                         describe_change (json_array_get_object_element (second_changes, i)),
                         GUINT_TO_POINTER (i + 1));

  for (guint i = 0; i < json_array_get_length (first_changes); i++)
    {
      g_autofree char *line = describe_change (json_array_get_object_element (first_changes, i));
      guint            at = GPOINTER_TO_UINT (g_hash_table_lookup (second_index, line));

      if (at == 0)
        g_error ("Not imported as it was: %s", line);
      g_assert_cmpuint (at, >, last);
      last = at;
    }

  /* The data is the same. */
  {
    g_autofree char *a = koers_test_strip_changes (first);
    g_autofree char *b = koers_test_strip_changes (second);

    g_assert_cmpstr (a, ==, b);
  }
}

/* A change the database has (by key) is not added again: a second import
 * or a merge into the database it came from adds none. */
static void
test_not_twice (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (KoersStore) other = NULL;
  g_autoptr (KoersImportPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  gint64           before;

  koers_test_populate_store (store);
  text = koers_test_export_full_text (store);
  g_assert_true (g_file_set_contents (fixture->json_path, text, -1, NULL));

  /* Into the database it came from: all there already. */
  before = count_changes (fixture->path);
  plan = koers_json_import_plan (store, fixture->json_path, KOERS_JSON_IMPORT_MERGE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (koers_import_plan_get_n_changes (plan), ==, 0);
  g_assert_true (koers_json_import_apply (plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_changes (fixture->path), ==, before);
  g_clear_pointer (&plan, koers_import_plan_free);

  /* Into another, twice. */
  other = koers_test_open_store (fixture->other_path);
  plan = koers_json_import_plan (other, fixture->json_path, KOERS_JSON_IMPORT_ADD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (koers_import_plan_get_n_changes (plan), ==, before);
  g_assert_true (koers_json_import_apply (plan, &error));
  g_assert_no_error (error);
  g_clear_pointer (&plan, koers_import_plan_free);
  before = count_changes (fixture->other_path);

  plan = koers_json_import_plan (other, fixture->json_path, KOERS_JSON_IMPORT_MERGE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (koers_import_plan_get_n_changes (plan), ==, 0);
  g_assert_true (koers_json_import_apply (plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_changes (fixture->other_path), ==, before);
  g_assert_cmpint (koers_test_query_int (fixture->other_path,
                                         "SELECT count(*) FROM (SELECT key FROM changes GROUP BY key"
                                         " HAVING count(*) > 1)"),
                   ==, 0);
}

static char *
minimal_text (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "json", "minimal.json", NULL);
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

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

#define GOOD_CHANGE                                                                            \
  "{ \"key\" : \"k1\", \"at\" : \"2026-01-05T09:00:00.000001Z\", \"author\" : \"Anne\","       \
  " \"entity\" : \"objective\", \"uuid\" : \"22222222-2222-4222-8222-000000000001\","          \
  " \"parent\" : \"" LAB "\", \"op\" : \"update\","                                            \
  " \"fields\" : { \"title\" : [ \"Old\", \"Open the design lab\" ], \"position\" : [ 1, 0 ]," \
  " \"uses_personal_data\" : [ false, true ], \"note\" : [ null, \"x\" ] } }"

/* minimal.json as version 2, with changes (GOOD_CHANGE when NULL). */
static char *
with_changes (const char *changes)
{
  g_autofree char *minimal = minimal_text ();
  g_autofree char *v2 = replace_first (minimal, "\"version\" : 1", "\"version\" : 2");
  g_autofree char *list = g_strdup_printf ("\"organisation\" : \"Fixture NV\",\n  \"changes\" : %s,",
                                           changes != NULL ? changes : "[ " GOOD_CHANGE " ]");

  return replace_first (v2, "\"organisation\" : \"Fixture NV\",", list);
}

/* Version 1 (no log) imports as ever; version 2 without a log too; a log
 * in a version 1 file is refused (it came with version 2). */
static void
test_versions (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  g_autofree char *v1 = minimal_text ();
  g_autofree char *v2_plain = replace_first (v1, "\"version\" : 1", "\"version\" : 2");
  g_autofree char *v2 = with_changes (NULL);
  g_autofree char *v1_log = replace_first (v2, "\"version\" : 2", "\"version\" : 1");
  const char      *ok[] = { v1, v2_plain, v2 };
  gint64           before = count_changes (fixture->path);

  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      g_autoptr (KoersImportPlan) plan = koers_json_import_plan_from_data (store, ok[i], strlen (ok[i]),
                                                                           KOERS_JSON_IMPORT_MERGE,
                                                                           &error);

      g_assert_no_error (error);
      g_assert_cmpuint (koers_import_plan_get_n_changes (plan), ==, i == 2 ? 1 : 0);
    }

  g_assert_null (koers_json_import_plan_from_data (store, v1_log, strlen (v1_log),
                                                   KOERS_JSON_IMPORT_MERGE, &error));
  g_assert_error (error, KOERS_JSON_ERROR, KOERS_JSON_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "$.changes: unknown member");
  g_clear_error (&error);

  /* The change goes in as it was, in the import's transaction. */
  {
    g_autoptr (KoersImportPlan) plan = koers_json_import_plan_from_data (store, v2, strlen (v2),
                                                                         KOERS_JSON_IMPORT_ADD, &error);
    g_autofree char *fields = NULL;

    g_assert_no_error (error);
    g_assert_true (koers_json_import_apply (plan, &error));
    g_assert_no_error (error);
    fields = koers_test_query_text (fixture->path, "SELECT fields FROM changes WHERE key = 'k1'");
    g_assert_cmpstr (fields, ==, "{\"title\":[\"Old\",\"Open the design lab\"],\"position\":[1,0],"
                                 "\"uses_personal_data\":[false,true],\"note\":[null,\"x\"]}");
    g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT at FROM changes WHERE key = 'k1'"), ==,
                     G_GINT64_CONSTANT (1767603600000001));
    g_assert_cmpint (count_changes (fixture->path), >, before + 1);
  }
}

typedef struct
{
  const char *name;
  const char *changes; /* the list, or a replacement of GOOD_CHANGE's part */
  const char *from;    /* NULL: changes is the whole list */
  const char *message;
} BadCase;

static const BadCase bad_cases[] = {
  { "not-a-list", "{}", NULL, "$.changes: expected a list, found an object" },
  { "null", "null", NULL, "$.changes: expected a list, found null" },
  { "not-an-object", "[ 1 ]", NULL, "$.changes[0]: expected an object, found 1" },
  { "missing-key", "\"at\"", "\"key\" : \"k1\", \"at\"", "$.changes[0].key: missing (it is required)" },
  { "blank-key", "\"key\" : \" \"", "\"key\" : \"k1\"", "$.changes[0].key: must not be empty" },
  { "key-as-number", "\"key\" : 7", "\"key\" : \"k1\"", "$.changes[0].key: expected text, found 7" },
  { "long-key", NULL, "\"key\" : \"k1\"",
    "$.changes[0].key: must not be longer than 200 characters" },
  { "bad-stamp", "\"at\" : \"yesterday\"", "\"at\" : \"2026-01-05T09:00:00.000001Z\"",
    "$.changes[0].at: expected a time stamp" },
  { "author-as-number", "\"author\" : 3", "\"author\" : \"Anne\"",
    "$.changes[0].author: expected text, found 3" },
  { "bad-entity", "\"entity\" : \"goal\"", "\"entity\" : \"objective\"",
    "$.changes[0].entity: expected one of \"department\", \"objective\", \"key_result\", "
    "\"checkin\", \"kpi\", \"kpi_value\", \"capacity\", \"escalation\", found \"goal\"" },
  { "bad-op", "\"op\" : \"upsert\"", "\"op\" : \"update\"",
    "$.changes[0].op: expected one of \"insert\", \"update\", \"delete\", found \"upsert\"" },
  { "bad-uuid", "\"uuid\" : \"x\"", "\"uuid\" : \"22222222-2222-4222-8222-000000000001\"",
    "$.changes[0].uuid: expected a uuid, found \"x\"" },
  { "bad-parent", "\"parent\" : 5", "\"parent\" : \"" LAB "\"",
    "$.changes[0].parent: expected a uuid or null, found 5" },
  { "fields-list", "\"fields\" : [] }", "\"fields\" : { \"title\" : [ \"Old\", \"Open the design lab\" ], \"position\" : [ 1, 0 ], \"uses_personal_data\" : [ false, true ], \"note\" : [ null, \"x\" ] } }",
    "$.changes[0].fields: expected an object, found a list" },
  { "missing-fields", "\"op\" : \"update\" }", "\"op\" : \"update\", \"fields\" : { \"title\" : [ \"Old\", \"Open the design lab\" ], \"position\" : [ 1, 0 ], \"uses_personal_data\" : [ false, true ], \"note\" : [ null, \"x\" ] } }",
    "$.changes[0].fields: missing (it is required)" },
  { "field-not-a-pair", "\"title\" : \"Old\"", "\"title\" : [ \"Old\", \"Open the design lab\" ]",
    "$.changes[0].fields.title: expected a list of the old and the new value, found \"Old\"" },
  { "field-three", "\"position\" : [ 1, 0, 2 ]", "\"position\" : [ 1, 0 ]",
    "$.changes[0].fields.position: expected a list of the old and the new value, found a list" },
  { "field-object", "\"note\" : [ null, {} ]", "\"note\" : [ null, \"x\" ]",
    "$.changes[0].fields.note[1]: expected text, a number, true, false or null, found an object" },
  { "unknown-member", "\"by\" : \"me\", \"key\"", "\"key\"", "$.changes[0].by: unknown member" },
  { "text-too-long", NULL, "\"author\" : \"Anne\"",
    "$.changes[0].author: the text is longer than 10000 characters" },
};

/* Each is refused, naming the place, and the database stays byte for byte
 * what it was. */
static void
test_bad_changes (Fixture      *fixture,
                  gconstpointer data)
{
  const BadCase *c = data;
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  g_autofree char *input = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  koers_test_populate_store (store);
  g_clear_object (&store);

  if (c->from == NULL)
    input = with_changes (c->changes);
  else
    {
      g_autofree char *good = with_changes (NULL);
      g_autofree char *replacement = NULL;

      if (g_str_equal (c->name, "long-key"))
        {
          g_autofree char *key = g_strnfill (201, 'k');

          replacement = g_strdup_printf ("\"key\" : \"%s\"", key);
        }
      else if (g_str_equal (c->name, "text-too-long"))
        {
          g_autofree char *author = g_strnfill (10001, 'a');

          replacement = g_strdup_printf ("\"author\" : \"%s\"", author);
        }
      else
        replacement = g_strdup (c->changes);
      input = replace_first (good, c->from, replacement);
    }

  before = koers_test_fingerprint_database (fixture->path);
  store = koers_test_open_store (fixture->path);
  g_assert_true (g_file_set_contents (fixture->json_path, input, -1, NULL));

  for (guint mode = 0; mode < 2; mode++)
    {
      g_assert_false (koers_json_import (store, fixture->json_path,
                                         mode == 0 ? KOERS_JSON_IMPORT_ADD : KOERS_JSON_IMPORT_MERGE,
                                         NULL, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == KOERS_JSON_ERROR);
      if (strstr (error->message, c->message) == NULL)
        g_error ("Expected “%s” in “%s”", c->message, error->message);
      g_clear_error (&error);
    }

  g_clear_object (&store);
  after = koers_test_fingerprint_database (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* A filtered file holds the history of what it holds, and nothing else. */
static void
test_filtered (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  const char *const team[] = { "Growth team", NULL };
  KoersExportFilter filter = { NULL, team };
  g_autofree char  *text = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GHashTable) held = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray  *changes;
  JsonObject *top;
  guint       n_checkin_changes = 0;

  koers_test_populate_store (store);
  text = koers_json_export_to_string (store, &filter, KOERS_TEST_EXPORTED_USEC, &error);
  g_assert_no_error (error);
  root = parse (text);
  top = json_node_get_object (root);

  /* What the file holds: departments, objectives, key results, KPIs. */
  {
    JsonArray *depts = json_object_get_array_member (top, "departments");
    JsonArray *objectives = json_object_get_array_member (top, "objectives");

    for (guint i = 0; i < json_array_get_length (depts); i++)
      g_hash_table_add (held, (gpointer) json_object_get_string_member (
                                json_array_get_object_element (depts, i), "uuid"));
    for (guint i = 0; i < json_array_get_length (objectives); i++)
      {
        JsonObject *objective = json_array_get_object_element (objectives, i);
        JsonArray  *krs = json_object_get_array_member (objective, "key_results");

        g_hash_table_add (held, (gpointer) json_object_get_string_member (objective, "uuid"));
        for (guint j = 0; j < json_array_get_length (krs); j++)
          g_hash_table_add (held, (gpointer) json_object_get_string_member (
                                    json_array_get_object_element (krs, j), "uuid"));
      }
    if (json_object_has_member (top, "kpis"))
      {
        JsonArray *kpis = json_object_get_array_member (top, "kpis");

        for (guint i = 0; i < json_array_get_length (kpis); i++)
          g_hash_table_add (held, (gpointer) json_object_get_string_member (
                                    json_array_get_object_element (kpis, i), "uuid"));
      }
  }

  changes = get_changes (root);
  g_assert_cmpuint (json_array_get_length (changes), >, 0);
  g_assert_cmpint (json_array_get_length (changes), <, count_changes (fixture->path));
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      const char *parent = json_object_get_null_member (change, "parent")
                             ? NULL
                             : json_object_get_string_member (change, "parent");

      g_assert_true (g_hash_table_contains (held, json_object_get_string_member (change, "uuid")) ||
                     (parent != NULL && g_hash_table_contains (held, parent)));
      if (g_str_equal (json_object_get_string_member (change, "entity"), "checkin"))
        n_checkin_changes++;
    }

  /* And it imports on its own, log included. */
  {
    g_autoptr (KoersStore) other = koers_test_open_store (fixture->other_path);
    g_autoptr (KoersImportPlan) plan = koers_json_import_plan_from_data (other, text, strlen (text),
                                                                         KOERS_JSON_IMPORT_ADD, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (koers_import_plan_get_n_changes (plan), ==, json_array_get_length (changes));
    g_assert_true (koers_json_import_apply (plan, &error));
    g_assert_no_error (error);
  }
  (void) n_checkin_changes;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/json-changes/round-trip", Fixture, NULL, fixture_setup, test_round_trip,
              fixture_teardown);
  g_test_add ("/json-changes/not-twice", Fixture, NULL, fixture_setup, test_not_twice,
              fixture_teardown);
  g_test_add ("/json-changes/versions", Fixture, NULL, fixture_setup, test_versions,
              fixture_teardown);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/json-changes/bad/%s", bad_cases[i].name);

      g_test_add (name, Fixture, &bad_cases[i], fixture_setup, test_bad_changes, fixture_teardown);
    }
  g_test_add ("/json-changes/filtered", Fixture, NULL, fixture_setup, test_filtered,
              fixture_teardown);

  return g_test_run ();
}
