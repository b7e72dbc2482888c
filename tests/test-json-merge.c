/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "koers-json-private.h"
#include "store/koers-store-review.h"
#include "koers-store-private.h"
#include "koers-test-io.h"

/* Merge: same uuid -> the newer copy wins, new uuid -> added, nothing
 * deleted; a database copy that is newer and differs is a conflict and
 * stays. */

typedef struct
{
  char       *dir;
  char       *path;
  KoersStore *store;
  char       *exported; /* the store's export after populate */
} Fixture;

static void
fixture_setup (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("koers-merge-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "koers.db", NULL);
  fixture->store = koers_test_open_store (fixture->path);
  koers_test_populate_store (fixture->store);
  fixture->exported = koers_test_export_text (fixture->store);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer data)
{
  g_clear_object (&fixture->store);
  koers_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->exported);
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
find_objective (JsonNode   *root,
                const char *title)
{
  JsonArray *objectives = json_object_get_array_member (json_node_get_object (root), "objectives");

  for (guint i = 0; i < json_array_get_length (objectives); i++)
    {
      JsonObject *objective = json_array_get_object_element (objectives, i);

      if (g_strcmp0 (json_object_get_string_member (objective, "title"), title) == 0)
        return objective;
    }

  g_error ("No objective “%s” in the file", title);
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

static gint64
get_stamp (JsonObject *object,
           const char *member)
{
  gint64 usec = 0;

  g_assert_true (koers_json_parse_stamp (json_object_get_string_member (object, member), &usec));
  return usec;
}

static KoersImportPlan *
plan_merge (KoersStore *store,
            const char *text)
{
  g_autoptr (GError) error = NULL;
  KoersImportPlan *plan;

  plan = koers_json_import_plan_from_data (store, text, strlen (text), KOERS_JSON_IMPORT_MERGE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static void
assert_counts (KoersImportPlan *plan,
               KoersImportKind  kind,
               guint            added,
               guint            updated,
               guint            unchanged,
               guint            conflicts)
{
  KoersImportCounts counts;

  koers_import_plan_get_counts (plan, kind, &counts);
  g_assert_cmpuint (counts.added, ==, added);
  g_assert_cmpuint (counts.updated, ==, updated);
  g_assert_cmpuint (counts.unchanged, ==, unchanged);
  g_assert_cmpuint (counts.conflicts, ==, conflicts);
}

/* The same file again: everything unchanged, and nothing written. */
static void
test_unchanged (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (KoersImportPlan) plan = plan_merge (fixture->store, fixture->exported);
  g_autoptr (GError) error = NULL;
  g_autofree char  *before = NULL;
  g_autofree char  *after = NULL;
  g_autofree char  *description = NULL;
  KoersImportCounts totals;
  guint             changed = 0;

  koers_import_plan_get_totals (plan, &totals);
  g_assert_cmpuint (totals.added + totals.updated + totals.conflicts, ==, 0);
  assert_counts (plan, KOERS_IMPORT_DEPARTMENTS, 0, 0, 11, 0);
  assert_counts (plan, KOERS_IMPORT_OBJECTIVES, 0, 0, 23, 0);
  assert_counts (plan, KOERS_IMPORT_CHECKINS, 0, 0, 2, 0);
  g_assert_null (koers_import_plan_get_conflicts (plan)[0]);

  description = koers_import_plan_describe (plan);
  g_assert_cmpstr (description, ==,
                   "0 added, 0 updated, 88 unchanged, 0 conflicts (the database’s copy kept)");

  g_signal_connect (fixture->store, "changed", G_CALLBACK (koers_test_count_cb), &changed);
  g_assert_true (koers_json_import_apply (plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 0);

  g_clear_pointer (&plan, koers_import_plan_free);
  g_clear_object (&fixture->store);
  before = koers_test_fingerprint_database (fixture->path);
  fixture->store = koers_test_open_store (fixture->path);
  plan = plan_merge (fixture->store, fixture->exported);
  g_assert_true (koers_json_import_apply (plan, &error));
  g_clear_pointer (&plan, koers_import_plan_free);
  g_clear_object (&fixture->store);
  after = koers_test_fingerprint_database (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

#define N_KEY_RESULTS 52 /* the templates' 51 and the carried-over one's */

static JsonObject *
get_key_result (JsonObject *objective,
                guint       index)
{
  return json_array_get_object_element (json_object_get_array_member (objective, "key_results"),
                                        index);
}

static JsonObject *
get_checkin (JsonObject *kr,
             guint       index)
{
  return json_array_get_object_element (json_object_get_array_member (kr, "checkins"), index);
}

static void
bump (JsonObject *object,
      gint64      delta)
{
  set_stamp (object, "updated", get_stamp (object, "updated") + delta);
}

static void
apply_plan (KoersImportPlan *plan,
            KoersStore      *store,
            guint            expected_changed)
{
  g_autoptr (GError) error = NULL;
  guint  changed = 0;
  gulong id = g_signal_connect (store, "changed", G_CALLBACK (koers_test_count_cb), &changed);

  g_assert_true (koers_json_import_apply (plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, expected_changed);
  g_signal_handler_disconnect (store, id);
}

/* What the model shows after a merge is what the file holds: reopening
 * exports the same. */
static void
assert_model_is_stored (Fixture *fixture)
{
  g_autofree char *in_memory = koers_test_export_text (fixture->store);
  g_autofree char *stored = NULL;

  g_clear_object (&fixture->store);
  fixture->store = koers_test_open_store (fixture->path);
  stored = koers_test_export_text (fixture->store);
  g_assert_cmpstr (in_memory, ==, stored);
}

static JsonNode *
copy_objective_node (JsonNode   *root,
                     const char *title)
{
  JsonArray *objectives = json_object_get_array_member (json_node_get_object (root), "objectives");

  for (guint i = 0; i < json_array_get_length (objectives); i++)
    {
      JsonNode *node = json_array_get_element (objectives, i);

      /* json_node_copy() would share the object: a deep copy. */
      if (g_strcmp0 (json_object_get_string_member (json_node_get_object (node), "title"), title) == 0)
        {
          g_autofree char *text = generate (node);

          return parse (text);
        }
    }

  g_error ("No objective “%s” in the file", title);
  return NULL;
}

static void
set_serial_uuid (JsonObject *object,
                 int        *serial)
{
  g_autofree char *uuid = g_strdup_printf ("aaaaaaaa-0000-4000-8000-%012d", (*serial)++);

  json_object_set_string_member (object, "uuid", uuid);
}

/* New uuids are added, next to what is there. */
static void
test_added (Fixture      *fixture,
            gconstpointer data)
{
  g_autoptr (JsonNode) root = parse (fixture->exported);
  g_autoptr (KoersImportPlan) plan = NULL;
  g_autofree char *text = NULL;
  JsonNode        *copy = copy_objective_node (root, "Double monthly sign-ups.");
  JsonObject      *objective = json_node_get_object (copy);
  JsonArray       *krs = json_object_get_array_member (objective, "key_results");
  KoersObjective  *original = koers_test_find_objective (fixture->store, "Double monthly sign-ups.");
  KoersObjective  *added;
  int              serial = 0;

  /* A copy of an objective with its key results and check-ins, all with
   * new uuids. */
  set_serial_uuid (objective, &serial);
  json_object_set_string_member (objective, "title", "Double monthly sign-ups, again.");
  g_assert_cmpuint (json_array_get_length (krs), ==, 3);
  for (guint i = 0; i < json_array_get_length (krs); i++)
    {
      JsonObject *kr = json_array_get_object_element (krs, i);
      JsonArray  *checkins = json_object_get_array_member (kr, "checkins");

      set_serial_uuid (kr, &serial);
      for (guint j = 0; j < json_array_get_length (checkins); j++)
        set_serial_uuid (json_array_get_object_element (checkins, j), &serial);
    }
  json_array_add_element (json_object_get_array_member (json_node_get_object (root), "objectives"),
                          copy);
  text = generate (root);

  plan = plan_merge (fixture->store, text);
  assert_counts (plan, KOERS_IMPORT_DEPARTMENTS, 0, 0, 11, 0);
  assert_counts (plan, KOERS_IMPORT_OBJECTIVES, 1, 0, 23, 0);
  assert_counts (plan, KOERS_IMPORT_KEY_RESULTS, 3, 0, N_KEY_RESULTS, 0);
  assert_counts (plan, KOERS_IMPORT_CHECKINS, 2, 0, 2, 0);
  apply_plan (plan, fixture->store, 1);

  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_objectives (fixture->store)), ==, 24);
  added = koers_test_find_objective (fixture->store, "Double monthly sign-ups, again.");
  g_assert_true (added != original);
  g_assert_cmpint (koers_objective_get_department_id (added), ==,
                   koers_objective_get_department_id (original));
  g_assert_cmpint (koers_objective_get_aligned_to_id (added), ==,
                   koers_objective_get_aligned_to_id (original));
  g_assert_cmpuint (g_list_model_get_n_items (koers_objective_get_key_results (added)), ==, 3);
  g_assert_cmpfloat (koers_key_result_get_current_value (koers_test_first_key_result (added)), ==, 640.25);
  g_assert_cmpuint (g_list_model_get_n_items (koers_key_result_get_checkins (koers_test_first_key_result (added))),
                    ==, 2);
  /* Findable through the store's indexes. */
  g_assert_true (koers_store_get_key_result_objective (fixture->store, koers_test_first_key_result (added)) ==
                 added);
  g_assert_true (koers_store_find_objective (fixture->store, koers_objective_get_id (added)) == added);
  /* Nothing was deleted or changed. */
  g_assert_cmpuint (g_list_model_get_n_items (koers_objective_get_key_results (original)), ==, 3);
  assert_model_is_stored (fixture);
}

/* The file's newer copy replaces the database's, in the same objects. */
static void
test_updated (Fixture      *fixture,
              gconstpointer data)
{
  g_autoptr (JsonNode) root = parse (fixture->exported);
  g_autoptr (KoersImportPlan) plan = NULL;
  g_autofree char *text = NULL;
  JsonObject      *objective = find_objective (root, "Double monthly sign-ups.");
  JsonObject      *email = find_objective (root, "Get the most out of email campaigns.");
  JsonArray       *krs = json_object_get_array_member (objective, "key_results");
  JsonObject      *kr = get_key_result (objective, 0);
  JsonObject      *checkin = get_checkin (kr, 0);
  JsonNode        *moved;
  KoersObjective  *live = koers_test_find_objective (fixture->store, "Double monthly sign-ups.");
  KoersObjective  *live_email = koers_test_find_objective (fixture->store,
                                                           "Get the most out of email campaigns.");
  KoersKeyResult  *live_kr = koers_test_first_key_result (live);
  g_autoptr (KoersKeyResult) live_moved = g_list_model_get_item (koers_objective_get_key_results (live), 1);

  json_object_set_string_member (objective, "title", "Triple monthly sign-ups.");
  bump (objective, 1000000);
  json_object_set_double_member (kr, "target", 1500);
  bump (kr, 1);
  /* The older check-in becomes the latest. */
  json_object_set_string_member (checkin, "date", "2026-05-12");
  json_object_set_double_member (checkin, "value", 700);
  bump (checkin, 1);
  /* The second key result moves to another objective. */
  moved = json_node_copy (json_array_get_element (krs, 1));
  json_array_remove_element (krs, 1);
  json_object_set_int_member (json_node_get_object (moved), "position", 9);
  bump (json_node_get_object (moved), 1);
  json_array_add_element (json_object_get_array_member (email, "key_results"), moved);
  text = generate (root);

  plan = plan_merge (fixture->store, text);
  assert_counts (plan, KOERS_IMPORT_DEPARTMENTS, 0, 0, 11, 0);
  assert_counts (plan, KOERS_IMPORT_OBJECTIVES, 0, 1, 22, 0);
  assert_counts (plan, KOERS_IMPORT_KEY_RESULTS, 0, 2, N_KEY_RESULTS - 2, 0);
  assert_counts (plan, KOERS_IMPORT_CHECKINS, 0, 1, 1, 0);
  apply_plan (plan, fixture->store, 1);

  /* The same objects, changed. */
  g_assert_true (koers_test_find_objective (fixture->store, "Triple monthly sign-ups.") == live);
  g_assert_cmpfloat (koers_key_result_get_target_value (live_kr), ==, 1500);
  g_assert_cmpstr (koers_checkin_get_date (koers_key_result_get_latest_checkin (live_kr)), ==,
                   "2026-05-12");
  g_assert_cmpfloat (koers_key_result_get_current_value (live_kr), ==, 700);
  g_assert_cmpuint (g_list_model_get_n_items (koers_objective_get_key_results (live)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (koers_objective_get_key_results (live_email)), ==, 4);
  g_assert_true (koers_store_get_key_result_objective (fixture->store, live_moved) == live_email);
  g_assert_cmpint (koers_key_result_get_objective_id (live_moved), ==,
                   koers_objective_get_id (live_email));
  {
    g_autoptr (KoersKeyResult) last = g_list_model_get_item (koers_objective_get_key_results (live_email), 3);

    g_assert_true (last == live_moved);
  }
  assert_model_is_stored (fixture);
}

/* Older in the file: the same content is unchanged, other content a
 * conflict; the database keeps its copy either way. */
static void
test_older_in_file (Fixture      *fixture,
                    gconstpointer data)
{
  g_autoptr (JsonNode) root = parse (fixture->exported);
  g_autoptr (KoersImportPlan) plan = NULL;
  g_autofree char   *text = NULL;
  g_autofree char   *after = NULL;
  JsonObject        *same = find_objective (root, "Increase sales results.");
  JsonObject        *different = find_objective (root, "Double monthly sign-ups.");
  const char *const *conflicts;

  bump (same, -1000000);
  json_object_set_string_member (different, "title", "An older title");
  bump (different, -1000000);
  json_object_set_double_member (get_key_result (different, 0), "weight", 3);
  bump (get_key_result (different, 0), -1);
  text = generate (root);

  plan = plan_merge (fixture->store, text);
  assert_counts (plan, KOERS_IMPORT_OBJECTIVES, 0, 0, 22, 1);
  assert_counts (plan, KOERS_IMPORT_KEY_RESULTS, 0, 0, N_KEY_RESULTS - 1, 1);
  conflicts = koers_import_plan_get_conflicts (plan);
  g_assert_cmpuint (g_strv_length ((char **) conflicts), ==, 2);
  g_assert_true (g_str_has_prefix (conflicts[0], "$.objectives["));
  g_assert_true (g_str_has_suffix (conflicts[0], "] “An older title”"));
  {
    KoersKeyResult  *kr = koers_test_first_key_result (koers_test_find_objective (fixture->store,
                                                                                  "Double monthly sign-ups."));
    g_autofree char *suffix = g_strdup_printf (".key_results[0] “%s”", koers_key_result_get_title (kr));

    g_assert_true (g_str_has_suffix (conflicts[1], suffix));
  }
  apply_plan (plan, fixture->store, 0);

  after = koers_test_export_text (fixture->store);
  g_assert_cmpstr (after, ==, fixture->exported);
}

/* Edited in the database after the export, edited in the file too: the
 * newer edit wins, whichever side it is on. */
static void
test_conflicting (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (JsonNode) root = parse (fixture->exported);
  g_autoptr (KoersImportPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  KoersObjective  *edited = koers_test_find_objective (fixture->store, "Double monthly sign-ups.");
  KoersObjective  *other = koers_test_find_objective (fixture->store, "Increase sales results.");
  JsonObject      *file_edited = find_objective (root, "Double monthly sign-ups.");
  JsonObject      *file_other = find_objective (root, "Increase sales results.");
  JsonObject      *same_stamp = find_objective (root, "Grow the company.");

  koers_objective_set_title (edited, "Edited in the database");
  g_assert_true (koers_store_save_objective (fixture->store, edited, &error));
  g_assert_no_error (error);
  koers_objective_set_owner (other, "Edited in the database too");
  g_assert_true (koers_store_save_objective (fixture->store, other, &error));
  g_assert_no_error (error);

  /* Edited in the file a microsecond after the export: older than the
   * database's edit. */
  json_object_set_string_member (file_edited, "title", "Edited in the file");
  bump (file_edited, 1);
  g_assert_cmpint (get_stamp (file_edited, "updated"), <, koers_objective_get_updated (edited));
  /* Edited in the file a day after the database's edit: newer. */
  json_object_set_string_member (file_other, "owner", "Edited in the file later");
  set_stamp (file_other, "updated", koers_objective_get_updated (other) + (gint64) G_USEC_PER_SEC * 86400);
  /* The same stamp, other content: nothing says which is newer. */
  json_object_set_string_member (same_stamp, "description", "Same stamp, other text");
  text = generate (root);

  plan = plan_merge (fixture->store, text);
  assert_counts (plan, KOERS_IMPORT_OBJECTIVES, 0, 1, 20, 2);
  apply_plan (plan, fixture->store, 1);

  g_assert_cmpstr (koers_objective_get_title (edited), ==, "Edited in the database");
  g_assert_cmpstr (koers_objective_get_owner (other), ==, "Edited in the file later");
  g_assert_cmpstr (koers_objective_get_description (koers_test_find_objective (fixture->store,
                                                                               "Grow the company.")),
                   ==, "");
  assert_model_is_stored (fixture);
}

static JsonObject *
find_reviewed_objective (JsonNode *root)
{
  JsonArray *objectives = json_object_get_array_member (json_node_get_object (root), "objectives");

  for (guint i = 0; i < json_array_get_length (objectives); i++)
    {
      JsonObject *objective = json_array_get_object_element (objectives, i);

      if (json_object_has_member (objective, "final_grade"))
        return objective;
    }

  g_error ("No reviewed objective in the file");
  return NULL;
}

static KoersObjective *
find_reviewed (KoersStore *store)
{
  GListModel *objectives = koers_store_get_objectives (store);

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);

      if (g_strcmp0 (koers_objective_get_postmortem (objective), "") != 0)
        return objective;
    }

  g_error ("No reviewed objective in the store");
  return NULL;
}

/* The review is part of what merge compares and writes; the dismissed
 * findings are a union, the earlier time kept. */
static void
test_review (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr (JsonNode) root = parse (fixture->exported);
  g_autoptr (KoersImportPlan) plan = NULL;
  g_autofree char *text = NULL;
  JsonObject      *reviewed = find_reviewed_objective (root);
  JsonObject      *reviewed_kr = get_key_result (reviewed, 0);
  JsonObject      *same_stamp = find_objective (root, "Increase sales results.");
  JsonObject      *same_stamp_kr = get_key_result (find_objective (root, "Double monthly sign-ups."), 0);
  JsonArray       *dismissed = json_object_get_array_member (json_node_get_object (root), "dismissed_findings");
  JsonObject      *earlier = json_array_get_object_element (dismissed, 0);
  JsonObject      *later = json_array_get_object_element (dismissed, 1);
  KoersObjective  *live = find_reviewed (fixture->store);
  g_autofree char *earlier_key = g_strdup (json_object_get_string_member (earlier, "key"));
  g_autofree char *later_key = g_strdup (json_object_get_string_member (later, "key"));
  gint64           earlier_at = koers_store_get_finding_dismissed_at (fixture->store, earlier_key) - 1000;
  gint64           later_at = koers_store_get_finding_dismissed_at (fixture->store, later_key);

  /* A newer review in the file: it replaces the database's. */
  json_object_set_double_member (reviewed, "final_grade", 0.5);
  json_object_set_string_member (reviewed, "postmortem", "Rewritten after the retro");
  bump (reviewed, 1000000);
  json_object_remove_member (reviewed_kr, "final_score");
  bump (reviewed_kr, 1);
  /* Only a review differs, on the same stamp: a conflict, not "unchanged". */
  json_object_set_double_member (same_stamp, "final_grade", 0.8);
  json_object_set_string_member (same_stamp_kr, "final_note", "Only in the file");
  /* Dismissals: one earlier than the database's, one later, one new. */
  set_stamp (earlier, "dismissed", earlier_at);
  set_stamp (later, "dismissed", later_at + 1000);
  {
    JsonObject *added = json_object_new ();

    json_object_set_string_member (added, "key", "sandbagging:aaaaaaaa-0000-4000-8000-000000000001@2026-Q2");
    set_stamp (added, "dismissed", 42);
    json_array_add_object_element (dismissed, added);
  }
  text = generate (root);

  plan = plan_merge (fixture->store, text);
  assert_counts (plan, KOERS_IMPORT_OBJECTIVES, 0, 1, 21, 1);
  assert_counts (plan, KOERS_IMPORT_KEY_RESULTS, 0, 1, N_KEY_RESULTS - 2, 1);
  g_assert_cmpuint (koers_import_plan_get_n_dismissals (plan), ==, 2);
  apply_plan (plan, fixture->store, 1);

  g_assert_true (find_reviewed (fixture->store) == live);
  g_assert_cmpfloat (koers_objective_get_final_grade (live), ==, 0.5);
  g_assert_cmpstr (koers_objective_get_postmortem (live), ==, "Rewritten after the retro");
  g_assert_cmpstr (koers_objective_get_review_note (live), ==, "Ça va — 0,45 × “quotes”");
  g_assert_cmpfloat (koers_key_result_get_final_score (koers_test_first_key_result (live)), ==, -1);
  g_assert_false (koers_objective_has_final_grade (koers_test_find_objective (fixture->store,
                                                                              "Increase sales results.")));
  g_assert_cmpint (koers_store_get_finding_dismissed_at (fixture->store, earlier_key), ==, earlier_at);
  g_assert_cmpint (koers_store_get_finding_dismissed_at (fixture->store, later_key), ==, later_at);
  g_assert_cmpint (koers_store_get_finding_dismissed_at (
                     fixture->store, "sandbagging:aaaaaaaa-0000-4000-8000-000000000001@2026-Q2"),
                   ==, 42);
  g_assert_cmpuint (g_hash_table_size (koers_store_get_dismissed_findings (fixture->store)), ==, 3);
  assert_model_is_stored (fixture);

  /* Once more: the dismissals are there now. */
  g_clear_pointer (&plan, koers_import_plan_free);
  plan = plan_merge (fixture->store, text);
  g_assert_cmpuint (koers_import_plan_get_n_dismissals (plan), ==, 0);
  assert_counts (plan, KOERS_IMPORT_OBJECTIVES, 0, 0, 22, 1);
  g_clear_pointer (&plan, koers_import_plan_free);

  /* A file that brings only a dismissal still writes it. */
  {
    const char *only = "{\"format\" : \"koers\", \"version\" : 1, \"departments\" : [], \"objectives\" : [],"
                       " \"dismissed_findings\" : [{\"key\" : \"not-aligned:x\","
                       " \"dismissed\" : \"2026-05-01T00:00:00Z\"}]}";

    plan = plan_merge (fixture->store, only);
    g_assert_cmpuint (koers_import_plan_get_n_dismissals (plan), ==, 1);
    apply_plan (plan, fixture->store, 1);
    g_assert_cmpint (koers_store_get_finding_dismissed_at (fixture->store, "not-aligned:x"), ==,
                     G_GINT64_CONSTANT (1777593600000000));
    assert_model_is_stored (fixture);
  }
}

/* A plan is a dry run: nothing is written until it is applied, and a
 * database that changed in between is checked again. */
static void
test_dry_run_and_stale (Fixture      *fixture,
                        gconstpointer data)
{
  g_autoptr (JsonNode) root = parse (fixture->exported);
  g_autoptr (KoersImportPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *model = NULL;

  json_object_set_string_member (find_objective (root, "Double monthly sign-ups."), "title", "New");
  bump (find_objective (root, "New"), 1000000);
  text = generate (root);

  g_clear_object (&fixture->store);
  before = koers_test_fingerprint_database (fixture->path);
  fixture->store = koers_test_open_store (fixture->path);

  plan = plan_merge (fixture->store, text);
  assert_counts (plan, KOERS_IMPORT_OBJECTIVES, 0, 1, 22, 0);
  model = koers_test_export_text (fixture->store);
  g_assert_cmpstr (model, ==, fixture->exported);
  g_clear_pointer (&plan, koers_import_plan_free);
  g_clear_object (&fixture->store);
  after = koers_test_fingerprint_database (fixture->path);
  g_assert_cmpstr (before, ==, after);

  /* Another process saves the objective meanwhile, later than the file's
   * copy: applying plans again inside its write transaction, sees that the
   * file's copy would now overwrite a newer one, and writes nothing. */
  fixture->store = koers_test_open_store (fixture->path);
  plan = plan_merge (fixture->store, text);
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
    sqlite3_busy_timeout (db, 5000);
    g_assert_cmpint (sqlite3_exec (db,
                                   "UPDATE objectives SET title = 'Theirs', updated = updated + 10000000"
                                   " WHERE title = 'Double monthly sign-ups.'",
                                   NULL, NULL, NULL),
                     ==, SQLITE_OK);
    sqlite3_close (db);
  }
  g_assert_false (koers_json_import_apply (plan, &error));
  g_assert_error (error, KOERS_JSON_ERROR, KOERS_JSON_ERROR_STALE);
  g_clear_error (&error);

  g_clear_pointer (&plan, koers_import_plan_free);
  plan = plan_merge (fixture->store, text);
  assert_counts (plan, KOERS_IMPORT_OBJECTIVES, 0, 0, 22, 1);
  g_clear_pointer (&plan, koers_import_plan_free);

  /* This process changed the database meanwhile: the plan is stale at
   * once, whatever it changed. */
  plan = plan_merge (fixture->store, text);
  g_assert_true (koers_store_set_organisation (fixture->store, "Changed meanwhile", &error));
  g_assert_no_error (error);
  g_assert_false (koers_json_import_apply (plan, &error));
  g_assert_error (error, KOERS_JSON_ERROR, KOERS_JSON_ERROR_STALE);
  g_clear_error (&error);
  g_clear_pointer (&plan, koers_import_plan_free);

  /* Another process changed something that leaves the decisions as they
   * were: that does not stop it. */
  {
    g_autoptr (JsonNode) other = parse (fixture->exported);
    g_autofree char *other_text = NULL;

    json_object_set_string_member (find_objective (other, "Get the most out of email campaigns."),
                                   "title", "Newer");
    bump (find_objective (other, "Newer"), 1000000);
    other_text = generate (other);
    plan = plan_merge (fixture->store, other_text);
    koers_test_exec_raw (fixture->path, "UPDATE settings SET value = 'Changed elsewhere'"
                                        " WHERE key = 'organisation'");
    apply_plan (plan, fixture->store, 1);
    koers_test_find_objective (fixture->store, "Newer");
  }
}

/* A colleague's database made its own company level and seed
 * departments: merging their file finds ours by name, adds what is new
 * under them and keeps our uuids. */
static void
test_colleague (Fixture      *fixture,
                gconstpointer data)
{
  g_autofree char *other_path = g_build_filename (fixture->dir, "colleague.db", NULL);
  g_autoptr (KoersStore) other = koers_test_open_store (other_path);
  g_autoptr (KoersImportPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char  *text = NULL;
  const char *const marketing[] = { "Marketing", NULL };
  KoersExportFilter filter = { NULL, marketing };
  KoersDepartment  *their_marketing = koers_test_find_department (other, "Marketing");
  g_autofree char  *their_uuid = g_strdup (koers_department_get_uuid (their_marketing));
  KoersDepartment  *team;

  text = koers_json_export_to_string (fixture->store, &filter, KOERS_TEST_EXPORTED_USEC, &error);
  g_assert_no_error (error);

  plan = plan_merge (other, text);
  /* The company, Marketing (both matched) and the team (new). */
  assert_counts (plan, KOERS_IMPORT_DEPARTMENTS, 1, 0, 2, 0);
  apply_plan (plan, other, 1);

  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_departments (other)), ==, 11);
  g_assert_cmpstr (koers_department_get_uuid (their_marketing), ==, their_uuid);
  team = koers_test_find_department (other, "Growth team");
  g_assert_cmpint (koers_department_get_parent_id (team), ==,
                   koers_department_get_id (their_marketing));
  g_assert_cmpint (koers_objective_get_department_id (
                     koers_test_find_objective (other, "Double monthly sign-ups.")),
                   ==, koers_department_get_id (their_marketing));
  /* Their database had no organisation name: it takes ours. */
  g_assert_cmpstr (koers_store_get_organisation (other), ==, "Acme “Koers”, NV");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/json-merge/unchanged", Fixture, NULL, fixture_setup, test_unchanged,
              fixture_teardown);
  g_test_add ("/json-merge/added", Fixture, NULL, fixture_setup, test_added, fixture_teardown);
  g_test_add ("/json-merge/updated", Fixture, NULL, fixture_setup, test_updated, fixture_teardown);
  g_test_add ("/json-merge/older-in-file", Fixture, NULL, fixture_setup, test_older_in_file,
              fixture_teardown);
  g_test_add ("/json-merge/conflicting", Fixture, NULL, fixture_setup, test_conflicting,
              fixture_teardown);
  g_test_add ("/json-merge/dry-run-and-stale", Fixture, NULL, fixture_setup,
              test_dry_run_and_stale, fixture_teardown);
  g_test_add ("/json-merge/review", Fixture, NULL, fixture_setup, test_review, fixture_teardown);
  g_test_add ("/json-merge/colleague", Fixture, NULL, fixture_setup, test_colleague,
              fixture_teardown);

  return g_test_run ();
}
