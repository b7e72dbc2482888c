/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "koers-json-private.h"
#include "core/koers-date.h"
#include "store/koers-store-review.h"
#include "koers-store-private.h"
#include "koers-test-io.h"

static JsonNode *
parse (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
find_by_member (JsonArray  *array,
                const char *member,
                const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (object, member), value) == 0)
        return object;
    }

  g_error ("No %s %s", member, value);
  return NULL;
}

/* The documented shape: format, version, stamps, links by uuid, enums as
 * their stable strings, numbers as numbers. */
static void
test_export_shape (KoersTestDir *fixture,
                   gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autofree char *text = NULL;
  g_autoptr (JsonNode) root = NULL;
  JsonObject *top, *dept, *team, *objective, *kr, *carried;
  JsonArray  *objectives, *departments;
  gint64      usec;

  koers_test_populate_store (store);
  text = koers_test_export_text (store);
  root = parse (text);
  top = json_node_get_object (root);

  g_assert_cmpstr (json_object_get_string_member (top, "format"), ==, "koers");
  g_assert_cmpint (json_object_get_int_member (top, "version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (top, "exported"), ==,
                   "2026-05-15T10:30:00.123456Z");
  g_assert_cmpstr (json_object_get_string_member (top, "organisation"), ==, "Acme “Koers”, NV");
  g_assert_true (g_str_has_suffix (text, "}\n"));

  departments = json_object_get_array_member (top, "departments");
  g_assert_cmpuint (json_array_get_length (departments), ==, 11);
  dept = json_array_get_object_element (departments, 0);
  g_assert_true (json_object_get_boolean_member (dept, "is_company"));
  g_assert_true (json_object_get_null_member (dept, "parent"));
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (dept, "uuid")));
  g_assert_true (koers_json_parse_stamp (json_object_get_string_member (dept, "created"), &usec));
  g_assert_cmpint (usec, ==, koers_department_get_created (koers_store_get_company (store)));

  dept = find_by_member (departments, "name", "Marketing");
  team = find_by_member (departments, "name", "Growth team");
  g_assert_cmpstr (json_object_get_string_member (team, "parent"), ==,
                   json_object_get_string_member (dept, "uuid"));

  objectives = json_object_get_array_member (top, "objectives");
  g_assert_cmpuint (json_array_get_length (objectives), ==, 23);

  objective = find_by_member (objectives, "title", "Double monthly sign-ups.");
  g_assert_cmpstr (json_object_get_string_member (objective, "department"), ==,
                   json_object_get_string_member (dept, "uuid"));
  g_assert_cmpstr (json_object_get_string_member (objective, "kind"), ==, "aspirational");
  g_assert_cmpstr (json_object_get_string_member (objective, "level"), ==, "department");
  g_assert_cmpstr (json_object_get_string_member (objective, "state"), ==, "active");
  g_assert_cmpstr (json_object_get_string_member (objective, "period"), ==, "2026-Q2");
  g_assert_cmpstr (json_object_get_string_member (objective, "aligned_to"), ==,
                   koers_objective_get_uuid (koers_test_find_objective (
                     store, "Build the best online personal shopping service in the country.")));

  kr = json_array_get_object_element (json_object_get_array_member (objective, "key_results"), 0);
  g_assert_cmpstr (json_object_get_string_member (kr, "metric_kind"), ==, "number");
  /* The latest check-in's value, as a number. */
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (kr, "current")), ==,
                   G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_object_get_double_member (kr, "current"), ==, 640.25);
  {
    JsonArray  *checkins = json_object_get_array_member (kr, "checkins");
    JsonObject *first = json_array_get_object_element (checkins, 0);

    g_assert_cmpuint (json_array_get_length (checkins), ==, 2);
    /* Oldest first. */
    g_assert_cmpstr (json_object_get_string_member (first, "date"), ==, "2026-04-10");
    g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "on-track");
    g_assert_cmpstr (json_object_get_string_member (first, "note"), ==,
                     "First week, \"good\" start,\nnext line");
  }

  carried = NULL;
  for (guint i = 0; i < json_array_get_length (objectives); i++)
    {
      JsonObject *o = json_array_get_object_element (objectives, i);

      if (!json_object_get_null_member (o, "carried_over_from"))
        carried = o;
    }
  g_assert_nonnull (carried);
  g_assert_cmpstr (json_object_get_string_member (carried, "period"), ==, "2026-Q2");
  g_assert_cmpstr (json_object_get_string_member (find_by_member (objectives, "uuid",
                                                                  json_object_get_string_member (carried, "carried_over_from")),
                                                  "period"),
                   ==, "2026-Q1");

  /* The review: written where there is one, left out where there is
   * none; a score of 0 is a score. */
  g_assert_cmpstr (json_object_get_string_member (carried, "state"), ==, "active");
  {
    JsonObject *reviewed = find_by_member (objectives, "uuid",
                                           json_object_get_string_member (carried, "carried_over_from"));
    JsonObject *reviewed_kr =
      json_array_get_object_element (json_object_get_array_member (reviewed, "key_results"), 0);

    g_assert_cmpstr (json_object_get_string_member (reviewed, "postmortem"), ==,
                     "Blameless: the \"v1\" data was late,\nso we started in March.");
    g_assert_cmpfloat (json_object_get_double_member (reviewed, "final_grade"), ==, 0.45);
    g_assert_cmpstr (json_object_get_string_member (reviewed, "review_note"), ==, "Ça va — 0,45 × “quotes”");
    g_assert_true (json_object_has_member (reviewed_kr, "final_score"));
    g_assert_cmpfloat (json_object_get_double_member (reviewed_kr, "final_score"), ==, 0);
    g_assert_cmpstr (json_object_get_string_member (reviewed_kr, "final_note"), ==, "Nothing measured yet");

    g_assert_false (json_object_has_member (carried, "postmortem"));
    g_assert_false (json_object_has_member (carried, "final_grade"));
    g_assert_false (json_object_has_member (carried, "review_note"));
    g_assert_false (json_object_has_member (kr, "final_score"));
    g_assert_false (json_object_has_member (kr, "final_note"));
    g_assert_nonnull (strstr (text, "\"final_grade\" : 0.45,"));
    g_assert_nonnull (strstr (text, "\"final_score\" : 0,"));
  }

  /* The dismissed findings, by key, with when. */
  {
    JsonArray  *dismissed = json_object_get_array_member (top, "dismissed_findings");
    JsonObject *first = json_array_get_object_element (dismissed, 0);
    JsonObject *second = json_array_get_object_element (dismissed, 1);
    const char *key = json_object_get_string_member (first, "key");

    g_assert_cmpuint (json_array_get_length (dismissed), ==, 2);
    g_assert_true (g_str_has_prefix (key, "not-aligned:"));
    g_assert_true (g_str_has_prefix (json_object_get_string_member (second, "key"), "too-many-objectives:"));
    g_assert_true (koers_json_parse_stamp (json_object_get_string_member (first, "dismissed"), &usec));
    g_assert_cmpint (usec, ==, koers_store_get_finding_dismissed_at (store, key));
  }

  /* Shortest numbers: 7.2, not 7.2000000000000002; whole ones bare. */
  g_assert_nonnull (strstr (text, "\"target\" : 7.2,"));
  g_assert_nonnull (strstr (text, "\"start\" : 0.1,"));
  g_assert_nonnull (strstr (text, "\"target\" : 1000,"));
  g_assert_null (strstr (text, "00000000"));
}

static void
test_export_deterministic (KoersTestDir *fixture,
                           gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *reopened = NULL;

  koers_test_populate_store (store);
  first = koers_test_export_text (store);
  second = koers_test_export_text (store);
  g_assert_cmpstr (first, ==, second);

  g_clear_object (&store);
  store = koers_test_open_store (fixture->path);
  reopened = koers_test_export_text (store);
  g_assert_cmpstr (first, ==, reopened);
}

/* Export, import into a new database, export again: the same text. */
static void
test_round_trip (KoersTestDir *fixture,
                 gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *json_path = g_build_filename (fixture->dir, "export.json", NULL);
  g_autoptr (KoersStore) other = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char  *first = NULL;
  g_autofree char  *second = NULL;
  g_autofree char  *third = NULL;
  KoersImportCounts totals;

  koers_test_populate_store (store);
  first = koers_test_export_text (store);
  g_assert_true (g_file_set_contents (json_path, first, -1, NULL));

  other = koers_test_open_store (other_path);
  g_assert_true (koers_json_import (other, json_path, KOERS_JSON_IMPORT_ADD, &totals, &error));
  g_assert_no_error (error);
  /* 11 departments (the 10 a new database has, matched, and the team),
   * 23 objectives, their key results and 2 check-ins. */
  g_assert_cmpuint (totals.added, >, 23);
  g_assert_cmpuint (totals.conflicts, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_departments (other)), ==, 11);

  second = koers_test_export_text (other);
  g_assert_cmpstr (first, ==, second);
  g_assert_nonnull (strstr (second, "\"postmortem\" : "));
  g_assert_nonnull (strstr (second, "\"dismissed_findings\" : ["));

  /* And after reopening: what the model shows is what was written. */
  g_clear_object (&other);
  other = koers_test_open_store (other_path);
  third = koers_test_export_text (other);
  g_assert_cmpstr (first, ==, third);

  /* The review is in the objects, the dismissals in the store. */
  {
    KoersObjective *reviewed = NULL;
    GListModel     *objectives = koers_store_get_objectives (other);
    GHashTableIter  iter;
    gpointer        key;

    for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
      {
        g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);

        if (koers_objective_has_final_grade (objective))
          reviewed = objective;
      }
    g_assert_nonnull (reviewed);
    g_assert_cmpfloat (koers_objective_get_final_grade (reviewed), ==, 0.45);
    g_assert_cmpfloat (koers_key_result_get_final_score (koers_test_first_key_result (reviewed)), ==, 0);

    g_assert_cmpuint (g_hash_table_size (koers_store_get_dismissed_findings (other)), ==, 2);
    g_hash_table_iter_init (&iter, koers_store_get_dismissed_findings (store));
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_assert_cmpint (koers_store_get_finding_dismissed_at (other, key), ==,
                       koers_store_get_finding_dismissed_at (store, key));
  }
}

/* An archived objective goes out and comes back archived, with its key
 * result and check-in; the others carry no "archived" member at all. */
static void
test_round_trip_archived (KoersTestDir *fixture,
                          gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *json_path = g_build_filename (fixture->dir, "export.json", NULL);
  g_autoptr (KoersStore) other = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  KoersDepartment *sales = koers_test_find_department (store, "Sales");
  KoersObjective  *kept = koers_test_add_objective (store, sales, "Still on", "2026-Q2");
  KoersObjective  *put_away = koers_test_add_objective (store, sales, "Put away", "2026-Q2");
  KoersKeyResult  *kr = koers_test_add_key_result (store, put_away, "Leads", 0, 10, 2);
  KoersObjective  *back;

  koers_test_add_checkin (store, kr, "2026-05-01", 4, KOERS_CHECKIN_STATUS_ON_TRACK, "Fine");
  g_assert_true (koers_store_set_objective_archived (store, put_away, TRUE, &error));
  g_assert_no_error (error);

  text = koers_test_export_text (store);
  g_assert_nonnull (strstr (text, "\"archived\" : true"));
  g_assert_null (strstr (strstr (text, "\"archived\" : true") + 1, "\"archived\""));
  g_assert_true (g_file_set_contents (json_path, text, -1, NULL));

  other = koers_test_open_store (other_path);
  g_assert_true (koers_json_import (other, json_path, KOERS_JSON_IMPORT_ADD, NULL, &error));
  g_assert_no_error (error);
  back = koers_test_find_objective (other, "Put away");
  g_assert_true (koers_objective_get_archived (back));
  g_assert_cmpuint (koers_key_result_get_n_checkins (koers_test_first_key_result (back)), ==, 1);
  g_assert_false (koers_objective_get_archived (koers_test_find_objective (other, "Still on")));
  g_assert_false (koers_objective_get_archived (kept));
}

/* A Dutch export into an English database: the seed's departments are
 * found by their other-language names, not doubled. */
static void
test_round_trip_language (KoersTestDir *fixture,
                          gconstpointer data)
{
  g_autoptr (KoersStore) store = NULL;
  g_autoptr (KoersStore) other = NULL;
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersImportPlan) plan = NULL;
  g_autofree char  *first = NULL;
  g_autofree char  *second = NULL;
  KoersImportCounts depts;
  GDate             today;

  store = koers_store_open_full (fixture->path, KOERS_LANGUAGE_NL, FALSE, FALSE, &error);
  g_assert_no_error (error);
  koers_date_today (&today);
  g_assert_cmpint (koers_templates_instantiate_all (store, KOERS_LANGUAGE_NL, &today, TRUE, &error),
                   ==, 21);
  first = koers_test_export_text (store);
  g_assert_nonnull (strstr (first, "Financiën"));

  other = koers_test_open_store (other_path);
  g_assert_nonnull (koers_store_find_department_by_name (other, "Finance"));
  plan = koers_json_import_plan_from_data (other, first, strlen (first), KOERS_JSON_IMPORT_ADD,
                                           &error);
  g_assert_no_error (error);
  koers_import_plan_get_counts (plan, KOERS_IMPORT_DEPARTMENTS, &depts);
  g_assert_cmpuint (depts.added, ==, 0);
  g_assert_cmpuint (depts.updated, ==, 10);
  g_assert_true (koers_json_import_apply (plan, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_departments (other)), ==, 10);
  g_assert_null (koers_store_find_department_by_name (other, "Finance"));
  g_assert_nonnull (koers_store_find_department_by_name (other, "Financiën"));
  second = koers_test_export_text (other);
  g_assert_cmpstr (first, ==, second);
}

static void
test_export_filter (KoersTestDir *fixture,
                    gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr (JsonNode) root = NULL;
  const char *const team[] = { "growth TEAM", NULL };
  const char *const marketing[] = { "Marketing", NULL };
  const char *const q1[] = { "2026-Q1", NULL };
  const char *const nowhere[] = { "Nowhere", NULL };
  const char *const bad_period[] = { "2026-Q5", NULL };
  KoersExportFilter filter = { NULL, team };
  JsonArray        *objectives, *departments;
  g_autofree char  *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr (KoersStore) other = NULL;
  g_autoptr (KoersImportPlan) plan = NULL;

  koers_test_populate_store (store);

  /* The team's two objectives bring what they link to: the Q1 one they
   * were carried over from is theirs anyway, the company objective they
   * align to comes along with the company level. */
  text = koers_json_export_to_string (store, &filter, KOERS_TEST_EXPORTED_USEC, &error);
  g_assert_no_error (error);
  root = parse (text);
  objectives = json_object_get_array_member (json_node_get_object (root), "objectives");
  departments = json_object_get_array_member (json_node_get_object (root), "departments");
  g_assert_cmpuint (json_array_get_length (objectives), ==, 3);
  /* The team, its parent Marketing, the company. */
  g_assert_cmpuint (json_array_get_length (departments), ==, 3);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (departments, 0),
                                                 "is_company"));

  /* So it imports on its own into a new database. */
  other = koers_test_open_store (other_path);
  plan = koers_json_import_plan_from_data (other, text, strlen (text), KOERS_JSON_IMPORT_ADD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&root, json_node_unref);

  /* A department brings its teams; a period takes what overlaps it. */
  filter.departments = marketing;
  filter.periods = q1;
  text = koers_json_export_to_string (store, &filter, KOERS_TEST_EXPORTED_USEC, &error);
  g_assert_no_error (error);
  root = parse (text);
  objectives = json_object_get_array_member (json_node_get_object (root), "objectives");
  g_assert_cmpuint (json_array_get_length (objectives), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (objectives, 0),
                                                  "period"),
                   ==, "2026-Q1");
  /* The dismissals about what the file holds go along: the objective's
   * and Marketing's. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root),
                                                                         "dismissed_findings")),
                    ==, 2);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&root, json_node_unref);

  /* Finance's file holds neither. */
  {
    const char *const finance[] = { "Finance", NULL };

    filter.departments = finance;
    filter.periods = NULL;
    text = koers_json_export_to_string (store, &filter, KOERS_TEST_EXPORTED_USEC, &error);
    g_assert_no_error (error);
    root = parse (text);
    g_assert_false (json_object_has_member (json_node_get_object (root), "dismissed_findings"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root),
                                                                           "objectives")),
                      >, 0);
    g_clear_pointer (&text, g_free);
  }

  filter.departments = nowhere;
  filter.periods = NULL;
  g_assert_null (koers_json_export_to_string (store, &filter, 0, &error));
  g_assert_error (error, KOERS_EXPORT_FILTER_ERROR, KOERS_EXPORT_FILTER_ERROR_DEPARTMENT);
  g_assert_nonnull (strstr (error->message, "Nowhere"));
  g_clear_error (&error);

  filter.departments = NULL;
  filter.periods = bad_period;
  g_assert_null (koers_json_export_to_string (store, &filter, 0, &error));
  g_assert_error (error, KOERS_EXPORT_FILTER_ERROR, KOERS_EXPORT_FILTER_ERROR_PERIOD);
}

/* Written whole or not at all: a failed export leaves the old file. */
static void
test_export_atomic (KoersTestDir *fixture,
                    gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autofree char *json_path = g_build_filename (fixture->dir, "export.json", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no", "such", "dir", "x.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char  *contents = NULL;
  const char *const nowhere[] = { "Nowhere", NULL };
  KoersExportFilter filter = { NULL, nowhere };

  g_assert_true (koers_json_export (store, NULL, json_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (json_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "{\n  \"format\" : \"koers\""));

  g_assert_false (koers_json_export (store, &filter, json_path, &error));
  g_assert_error (error, KOERS_EXPORT_FILTER_ERROR, KOERS_EXPORT_FILTER_ERROR_DEPARTMENT);
  g_clear_error (&error);
  {
    g_autofree char *after = NULL;

    g_assert_true (g_file_get_contents (json_path, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, contents);
  }

  g_assert_false (koers_json_export (store, NULL, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

static void
test_stamps (void)
{
  static const struct
  {
    const char *text;
    gint64      usec;
  } good[] = {
    { "1970-01-01T00:00:00.000000Z", 0 },
    { "2026-05-15T10:30:00.123456Z", G_GINT64_CONSTANT (1778841000123456) },
    { "2026-05-15T12:30:00.123456+02:00", G_GINT64_CONSTANT (1778841000123456) },
    { "2026-05-15T10:30:00Z", G_GINT64_CONSTANT (1778841000000000) },
    { "2026-05-15T10:30:00.5Z", G_GINT64_CONSTANT (1778841000500000) },
    { "1969-12-31T23:59:59.999999Z", -1 },
  };
  static const char *const bad[] = {
    "",
    "2026-05-15",
    "2026-05-15 10:30:00Z",
    "2026-02-30T10:00:00Z",
    "2026-05-15T24:00:00Z",
    "2026-05-15T10:30:00.Z",
    "2026-05-15T10:30:00.1234567890Z",
    "2026-05-15T10:30:00+2",
    "2026-05-15T10:30:00",
    "0000-01-01T00:00:00Z",
    "２０２６-05-15T10:30:00Z",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint64 usec = 42;

      g_assert_true (koers_json_parse_stamp (good[i].text, &usec));
      g_assert_cmpint (usec, ==, good[i].usec);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 usec;

      if (koers_json_parse_stamp (bad[i], &usec))
        g_error ("“%s” read as a stamp", bad[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *text = koers_json_format_stamp (good[i].usec);
      gint64           usec;

      g_assert_true (koers_json_parse_stamp (text, &usec));
      g_assert_cmpint (usec, ==, good[i].usec);
      g_assert_cmpuint (strlen (text), ==, 27);
    }
}

static void
test_tidy_numbers (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "[7.2000000000000002, 1200.0, -0.5, 1e+15, 0.1]", "[7.2, 1200, -0.5, 1000000000000000, 0.1]" },
    { "{\"a1.0\" : \"1.0 \\\" 2.50\", \"b\" : 2.50}", "{\"a1.0\" : \"1.0 \\\" 2.50\", \"b\" : 2.5}" },
    { "[0.30000000000000004]", "[0.30000000000000004]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *tidy = koers_json_tidy_numbers (cases[i].in);

      g_assert_cmpstr (tidy, ==, cases[i].out);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/json-export/shape", KoersTestDir, NULL,
              koers_test_dir_setup, test_export_shape, koers_test_dir_teardown);
  g_test_add ("/json-export/deterministic", KoersTestDir, NULL,
              koers_test_dir_setup, test_export_deterministic, koers_test_dir_teardown);
  g_test_add ("/json-export/round-trip", KoersTestDir, NULL,
              koers_test_dir_setup, test_round_trip, koers_test_dir_teardown);
  g_test_add ("/json-export/round-trip-archived", KoersTestDir, NULL,
              koers_test_dir_setup, test_round_trip_archived, koers_test_dir_teardown);
  g_test_add ("/json-export/round-trip-language", KoersTestDir, NULL,
              koers_test_dir_setup, test_round_trip_language, koers_test_dir_teardown);
  g_test_add ("/json-export/filter", KoersTestDir, NULL,
              koers_test_dir_setup, test_export_filter, koers_test_dir_teardown);
  g_test_add ("/json-export/atomic", KoersTestDir, NULL,
              koers_test_dir_setup, test_export_atomic, koers_test_dir_teardown);
  g_test_add_func ("/json-export/stamps", test_stamps);
  g_test_add_func ("/json-export/tidy-numbers", test_tidy_numbers);

  return g_test_run ();
}
