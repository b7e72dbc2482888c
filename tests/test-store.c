/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "core/koers-seed.h"
#include "koers-store-private.h"
#include "koers-test-store.h"

/* Opening: first run, reopening, modes, migration, and the files Koers
 * must refuse and leave byte for byte as they were. */

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
test_create (KoersTestDir *fixture,
             gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *journal_mode = NULL;
  g_autoptr (GHashTable) uuids = g_hash_table_new (g_str_hash, g_str_equal);
  const KoersSeedDepartment *seed;
  GListModel                *departments;
  KoersDepartment           *company;
  guint                      n_seed;

  g_assert_cmpstr (koers_store_get_path (store), ==, fixture->path);
  g_assert_cmpint (koers_store_get_schema_version (store), ==, KOERS_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (koers_store_get_organisation (store), ==, "");

  /* Private from the first byte: the folder 0700, the file and its WAL 0600. */
  g_assert_cmpuint (file_mode (dir), ==, 0700);
  g_assert_cmpuint (file_mode (fixture->path), ==, 0600);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    g_assert_cmpuint (file_mode (wal), ==, 0600);

  /* The company level and the seed's nine departments, in English (LANGUAGE=en). */
  departments = koers_store_get_departments (store);
  seed = koers_seed_get_departments (&n_seed);
  g_assert_cmpuint (n_seed, ==, 9);
  g_assert_cmpuint (g_list_model_get_n_items (departments), ==, n_seed + 1);

  company = koers_store_get_company (store);
  g_assert_true (koers_department_get_is_company (company));
  g_assert_cmpstr (koers_department_get_name (company), ==, "Company");
  g_assert_cmpint (koers_department_get_sort_order (company), ==, 0);

  for (guint i = 0; i <= n_seed; i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i);

      g_assert_cmpint (koers_department_get_id (dept), >, 0);
      g_assert_cmpuint (strlen (koers_department_get_uuid (dept)), ==, 36);
      g_assert_true (g_hash_table_add (uuids, (gpointer) koers_department_get_uuid (dept)));
      g_assert_cmpint (koers_department_get_created (dept), >, 0);
      g_assert_cmpint (koers_department_get_sort_order (dept), ==, i);
      g_assert_true (koers_store_find_department (store, koers_department_get_id (dept)) == dept);

      if (i == 0)
        continue;

      g_assert_false (koers_department_get_is_company (dept));
      g_assert_cmpstr (koers_department_get_name (dept), ==,
                       koers_seed_department_get_name (&seed[i - 1], KOERS_LANGUAGE_EN));
      g_assert_cmpstr (koers_department_get_emoji (dept), ==, seed[i - 1].emoji);
    }

  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_objectives (store)), ==, 0);

  /* On disk. */
  g_assert_cmpint (koers_test_query_int (fixture->path, "PRAGMA application_id"), ==,
                   KOERS_STORE_APPLICATION_ID);
  g_assert_cmpint (koers_test_query_int (fixture->path, "PRAGMA user_version"), ==,
                   KOERS_STORE_SCHEMA_VERSION);
  journal_mode = koers_test_query_text (fixture->path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM departments"), ==, 10);
  g_assert_cmpint (koers_test_query_int (fixture->path,
                                         "SELECT count(*) FROM settings WHERE key = 'organisation'"),
                   ==, 1);

  /* Closing checkpoints the WAL away. */
  g_clear_object (&store);
  koers_test_assert_no_side_files (fixture->path);
}

static void
test_first_run_dutch (KoersTestDir *fixture,
                      gconstpointer data)
{
  g_autoptr (KoersStore) store = NULL;
  g_autoptr (KoersDepartment) finance = NULL;

  koers_format_set_language (KOERS_LANGUAGE_NL);
  store = koers_test_open_store (fixture->path);
  koers_format_set_language (KOERS_LANGUAGE_EN);

  g_assert_cmpstr (koers_department_get_name (koers_store_get_company (store)), ==, "Bedrijf");
  finance = g_list_model_get_item (koers_store_get_departments (store), 2);
  g_assert_cmpstr (koers_department_get_name (finance), ==, "Financiën");
  g_assert_nonnull (koers_store_find_department_by_name (store, "Klantendienst"));
}

static void
test_reopen (KoersTestDir *fixture,
             gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (KoersObjective) objective = NULL;
  g_autoptr (KoersKeyResult) kr = NULL;
  g_autoptr (KoersCheckin) first = NULL;
  g_autoptr (KoersCheckin) second = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *objective_uuid = NULL;
  g_autofree char *kr_uuid = NULL;
  g_autoptr (KoersCheckin) latest = NULL;
  KoersDepartment *finance;
  KoersObjective  *found;
  KoersKeyResult  *found_kr;
  GListModel      *checkins;
  gint64           objective_id, kr_id, finance_id;

  finance = koers_store_find_department_by_name (store, "Finance");
  g_assert_nonnull (finance);
  finance_id = koers_department_get_id (finance);

  objective = koers_objective_new ("Streamline the budget process", KOERS_LEVEL_DEPARTMENT,
                                   KOERS_OBJECTIVE_KIND_ASPIRATIONAL, "2026-Q2");
  koers_objective_set_department_id (objective, finance_id);
  koers_objective_set_owner (objective, "Finance director");
  koers_objective_set_description (objective, "Less paper, “fewer” meetings & more focus");
  g_assert_true (koers_store_add_objective (store, objective, &error));
  g_assert_no_error (error);

  kr = koers_key_result_new ("Meeting costs", KOERS_METRIC_KIND_CURRENCY, 12000, 6000, "");
  koers_key_result_set_due_date (kr, "2026-06-12");
  koers_key_result_set_weight (kr, 2.5);
  koers_key_result_set_uses_personal_data (kr, TRUE);
  koers_key_result_set_personal_data_note (kr, "Totals only");
  g_assert_true (koers_store_add_key_result (store, objective, kr, &error));
  g_assert_no_error (error);

  first = koers_checkin_new ("2026-04-03", 11000, KOERS_CHECKIN_STATUS_ON_TRACK, "Started");
  second = koers_checkin_new ("2026-05-08", 9000.5, KOERS_CHECKIN_STATUS_AT_RISK, NULL);
  koers_checkin_set_author (second, "Jan");
  g_assert_true (koers_store_add_checkin (store, kr, first, &error));
  g_assert_true (koers_store_add_checkin (store, kr, second, &error));
  g_assert_no_error (error);
  g_assert_true (koers_store_set_organisation (store, "Acme & Zonen", &error));
  g_assert_no_error (error);

  objective_id = koers_objective_get_id (objective);
  kr_id = koers_key_result_get_id (kr);
  objective_uuid = g_strdup (koers_objective_get_uuid (objective));
  kr_uuid = g_strdup (koers_key_result_get_uuid (kr));

  g_clear_object (&store);
  koers_test_assert_no_side_files (fixture->path);
  store = koers_test_open_store (fixture->path);

  /* No second first run. */
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_departments (store)), ==, 10);
  g_assert_cmpstr (koers_store_get_organisation (store), ==, "Acme & Zonen");

  found = koers_store_find_objective (store, objective_id);
  g_assert_nonnull (found);
  g_assert_true (found != objective);
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_objectives (store)), ==, 1);
  g_assert_cmpstr (koers_objective_get_uuid (found), ==, objective_uuid);
  g_assert_cmpstr (koers_objective_get_title (found), ==, "Streamline the budget process");
  g_assert_cmpstr (koers_objective_get_description (found), ==,
                   "Less paper, “fewer” meetings & more focus");
  g_assert_cmpstr (koers_objective_get_owner (found), ==, "Finance director");
  g_assert_cmpstr (koers_objective_get_period (found), ==, "2026-Q2");
  g_assert_cmpint (koers_objective_get_kind (found), ==, KOERS_OBJECTIVE_KIND_ASPIRATIONAL);
  g_assert_cmpint (koers_objective_get_level (found), ==, KOERS_LEVEL_DEPARTMENT);
  g_assert_cmpint (koers_objective_get_department_id (found), ==, finance_id);
  g_assert_cmpint (koers_objective_get_created (found), ==, koers_objective_get_created (objective));

  found_kr = koers_store_find_key_result (store, kr_id);
  g_assert_nonnull (found_kr);
  g_assert_true (koers_store_get_key_result_objective (store, found_kr) == found);
  g_assert_cmpuint (g_list_model_get_n_items (koers_objective_get_key_results (found)), ==, 1);
  g_assert_cmpstr (koers_key_result_get_uuid (found_kr), ==, kr_uuid);
  g_assert_cmpint (koers_key_result_get_metric_kind (found_kr), ==, KOERS_METRIC_KIND_CURRENCY);
  g_assert_cmpfloat (koers_key_result_get_start_value (found_kr), ==, 12000);
  g_assert_cmpfloat (koers_key_result_get_target_value (found_kr), ==, 6000);
  g_assert_cmpfloat (koers_key_result_get_current_value (found_kr), ==, 9000.5);
  g_assert_cmpfloat (koers_key_result_get_weight (found_kr), ==, 2.5);
  g_assert_cmpstr (koers_key_result_get_due_date (found_kr), ==, "2026-06-12");
  g_assert_true (koers_key_result_get_uses_personal_data (found_kr));
  g_assert_cmpstr (koers_key_result_get_personal_data_note (found_kr), ==, "Totals only");

  checkins = koers_key_result_get_checkins (found_kr);
  g_assert_cmpuint (g_list_model_get_n_items (checkins), ==, 2);
  latest = g_list_model_get_item (checkins, 0);
  g_assert_cmpstr (koers_checkin_get_date (latest), ==, "2026-05-08");
  g_assert_cmpstr (koers_checkin_get_author (latest), ==, "Jan");
  g_assert_cmpint (koers_checkin_get_status (latest), ==, KOERS_CHECKIN_STATUS_AT_RISK);
  g_assert_cmpstr (koers_key_result_get_last_checkin_date (found_kr), ==, "2026-05-08");
}

static void
test_empty_file (KoersTestDir *fixture,
                 gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autoptr (KoersStore) store = NULL;

  /* An empty file (touch) becomes a database, and a private one. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path, "", 0, NULL));
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);

  store = koers_test_open_store (fixture->path);
  g_assert_cmpuint (file_mode (fixture->path), ==, 0600);
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_departments (store)), ==, 10);
}

static void
test_folder_path (KoersTestDir *fixture,
                  gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersStore) store = koers_store_open (fixture->dir, &error);

  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_OPEN);
  g_assert_null (store);
}

static void
test_default_path (void)
{
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "koers", "koers.db", NULL);
  g_autofree char *from_env = NULL;
  g_autofree char *from_xdg = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (KoersStore) store = NULL;

  g_setenv ("KOERS_DATABASE", "/somewhere/else.db", TRUE);
  from_env = koers_store_get_default_path ();
  g_assert_cmpstr (from_env, ==, "/somewhere/else.db");

  g_unsetenv ("KOERS_DATABASE");
  from_xdg = koers_store_get_default_path ();
  g_assert_cmpstr (from_xdg, ==, expected);

  /* main() pointed XDG_DATA_HOME at a folder of its own. */
  store = koers_test_open_store (from_xdg);
  dir = g_path_get_dirname (from_xdg);
  g_assert_cmpuint (file_mode (dir), ==, 0700);
  g_assert_cmpuint (file_mode (from_xdg), ==, 0600);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_organisation (KoersTestDir *fixture,
                   gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  guint changed = 0;
  guint notified = 0;

  g_signal_connect (store, "changed", G_CALLBACK (koers_test_count_cb), &changed);
  g_signal_connect (store, "notify::organisation", G_CALLBACK (notify_cb), &notified);

  g_assert_true (koers_store_set_organisation (store, "  Koers <b>&</b> Co  ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (koers_store_get_organisation (store), ==, "Koers <b>&</b> Co");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);

  g_clear_object (&store);
  store = koers_test_open_store (fixture->path);
  g_assert_cmpstr (koers_store_get_organisation (store), ==, "Koers <b>&</b> Co");
}

static void
test_find_by_name (KoersTestDir *fixture,
                   gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  KoersDepartment *it = koers_store_find_department_by_name (store, "IT & Development");

  g_assert_nonnull (it);
  g_assert_true (koers_store_find_department_by_name (store, "it & development") == it);
  g_assert_null (koers_store_find_department_by_name (store, "Legal"));
  g_assert_null (koers_store_find_department_by_name (store, NULL));
  g_assert_null (koers_store_find_department (store, 9999));
  g_assert_null (koers_store_find_objective (store, 1));
  g_assert_null (koers_store_find_key_result (store, 1));
}

/* Migration */

static char *
read_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (TEST_SRCDIR, "data", name, NULL);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
make_v1_database (const char *path)
{
  g_autofree char *sql = read_fixture ("store-v1.sql");
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  koers_test_exec_raw (path, sql);
}

static char *
dump_schema (const char *path)
{
  sqlite3      *db = koers_test_open_raw (path);
  sqlite3_stmt *stmt = NULL;
  GString      *dump = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT type, name, tbl_name, sql FROM sqlite_master"
                                       " ORDER BY name",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (dump, "%s|%s|%s|%s\n",
                            sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2), sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

/* The fixture is a real schema 1 file only while the code's schema 1 is
 * what it always was. */
static void
test_schema_v1_unchanged (KoersTestDir *fixture,
                          gconstpointer data)
{
  g_autofree char *from_code_path = g_build_filename (fixture->dir, "code.db", NULL);
  g_autofree char *from_code = NULL;
  g_autofree char *from_fixture = NULL;

  koers_test_exec_raw (from_code_path, koers_store_schema_get_ddl (1));
  make_v1_database (fixture->path);

  from_code = dump_schema (from_code_path);
  from_fixture = dump_schema (fixture->path);
  g_assert_cmpstr (from_code, ==, from_fixture);
  g_assert_nonnull (strstr (from_code, "CREATE TABLE key_results"));
}

static void
test_migrate_v1 (KoersTestDir *fixture,
                 gconstpointer data)
{
  g_autoptr (KoersStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersCheckin) latest = NULL;
  KoersDepartment *team;
  KoersObjective  *missed;
  KoersObjective  *carried;
  KoersKeyResult  *revenue;
  KoersKeyResult  *cycle;

  make_v1_database (fixture->path);
  g_assert_cmpint (koers_test_query_int (fixture->path, "PRAGMA user_version"), ==, 1);

  store = koers_test_open_store (fixture->path);
  g_assert_cmpint (koers_store_get_schema_version (store), ==, KOERS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (koers_test_query_int (fixture->path, "PRAGMA user_version"), ==, KOERS_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (koers_store_get_organisation (store), ==, "");

  /* The data came along, and no first run was added to it. */
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_departments (store)), ==, 3);
  g_assert_cmpstr (koers_department_get_name (koers_store_get_company (store)), ==, "Company");
  team = koers_store_find_department (store, 3);
  g_assert_cmpstr (koers_department_get_name (team), ==, "Key accounts");
  g_assert_cmpint (koers_department_get_parent_id (team), ==, 2);
  g_assert_cmpstr (koers_department_get_uuid (team), ==, "6f1c2a52-0d1e-4c2b-9a57-1b7d7e0c0003");
  g_assert_cmpint (koers_department_get_updated (team), ==, 1767312000000000);

  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_objectives (store)), ==, 3);
  missed = koers_store_find_objective (store, 2);
  carried = koers_store_find_objective (store, 3);
  g_assert_cmpint (koers_objective_get_state (missed), ==, KOERS_OBJECTIVE_STATE_MISSED);
  g_assert_cmpint (koers_objective_get_aligned_to_id (missed), ==, 1);
  g_assert_cmpint (koers_objective_get_carried_over_from_id (carried), ==, 2);
  g_assert_cmpstr (koers_objective_get_description (koers_store_find_objective (store, 1)), ==,
                   "The company's main goal");

  revenue = koers_store_find_key_result (store, 1);
  cycle = koers_store_find_key_result (store, 2);
  g_assert_cmpfloat (koers_key_result_get_current_value (revenue), ==, 640000);
  g_assert_cmpfloat (koers_key_result_get_weight (revenue), ==, 2);
  g_assert_cmpstr (koers_key_result_get_unit (cycle), ==, "days");
  g_assert_cmpfloat (koers_key_result_get_current_value (cycle), ==, 35.5);
  g_assert_false (koers_key_result_get_uses_personal_data (revenue));
  g_assert_cmpuint (g_list_model_get_n_items (koers_key_result_get_checkins (revenue)), ==, 2);
  latest = g_list_model_get_item (koers_key_result_get_checkins (cycle), 0);
  g_assert_cmpstr (koers_checkin_get_note (latest), ==, "Nieuwe opvolging: “snel” & goed");

  /* Schema 2's features work on the migrated file. */
  koers_key_result_set_uses_personal_data (revenue, TRUE);
  koers_key_result_set_personal_data_note (revenue, "Customer names");
  g_assert_true (koers_store_save_key_result (store, revenue, &error));
  g_assert_no_error (error);
  g_assert_true (koers_store_set_organisation (store, "Acme", &error));
  g_assert_no_error (error);

  /* And schema 3's: nothing reviewed yet, then a postmortem and a grade
   * through an ordinary save. */
  g_assert_false (koers_objective_has_final_grade (missed));
  g_assert_cmpstr (koers_objective_get_postmortem (missed), ==, "");
  g_assert_cmpfloat (koers_key_result_get_final_score (revenue), ==, -1);
  koers_objective_set_postmortem (missed, "Te weinig leads in Q1");
  koers_objective_set_final_grade (missed, 0.3);
  g_assert_true (koers_store_save_objective (store, missed, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  store = koers_test_open_store (fixture->path);
  revenue = koers_store_find_key_result (store, 1);
  g_assert_true (koers_key_result_get_uses_personal_data (revenue));
  g_assert_cmpstr (koers_key_result_get_personal_data_note (revenue), ==, "Customer names");
  g_assert_cmpstr (koers_store_get_organisation (store), ==, "Acme");
  missed = koers_store_find_objective (store, 2);
  g_assert_cmpstr (koers_objective_get_postmortem (missed), ==, "Te weinig leads in Q1");
  g_assert_cmpfloat (koers_objective_get_final_grade (missed), ==, 0.3);
}

static void
test_migrate_atomic (KoersTestDir *fixture,
                     gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersStore) store = NULL;

  /* A table in the way makes step 2 fail halfway: nothing of it stays. */
  make_v1_database (fixture->path);
  koers_test_exec_raw (fixture->path, "CREATE TABLE settings (x)");

  store = koers_store_open (fixture->path, &error);
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED);
  g_assert_null (store);

  g_assert_cmpint (koers_test_query_int (fixture->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (koers_test_query_int (fixture->path,
                                         "SELECT count(*) FROM pragma_table_info('key_results')"
                                         " WHERE name = 'uses_personal_data'"),
                   ==, 0);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM objectives"), ==, 3);
}

/* Files to refuse */

static void
assert_refused (const char     *path,
                KoersStoreError code)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersStore) store = NULL;
  gsize before_len, after_len;
  guint mode = file_mode (path);

  koers_test_assert_no_side_files (path);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  store = koers_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, KOERS_STORE_ERROR, (int) code);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, basename));
  /* And what to do about it, after it says the file was kept. */
  g_assert_nonnull (strstr (error->message, "Koers left it unchanged. "));

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpuint (file_mode (path), ==, mode);
  koers_test_assert_no_side_files (path);
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
}

static void
test_refuse_random_bytes (KoersTestDir *fixture,
                          gconstpointer data)
{
  static const gsize sizes[] = { 37, 4096, 20000 };
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree guint8 *bytes = g_malloc (sizes[i]);

      for (gsize j = 0; j < sizes[i]; j++)
        bytes[j] = g_rand_int_range (rand, 0, 256);
      write_file (fixture->path, (const char *) bytes, sizes[i]);
      assert_refused (fixture->path, KOERS_STORE_ERROR_NOT_DATABASE);
    }

  write_file (fixture->path, "name,score\nSales,0.7\n", -1);
  assert_refused (fixture->path, KOERS_STORE_ERROR_NOT_DATABASE);
}

/* A Koers database with data, closed. */
static void
make_koers_database (const char *path)
{
  g_autoptr (KoersStore) store = koers_test_open_store (path);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr (KoersObjective) objective = NULL;
      g_autoptr (KoersKeyResult) kr = NULL;
      g_autofree char *title = g_strdup_printf ("Objective number %u with a longer title", i);

      objective = koers_objective_new (title, KOERS_LEVEL_COMPANY,
                                       KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2");
      koers_objective_set_department_id (objective,
                                         koers_department_get_id (koers_store_get_company (store)));
      kr = koers_key_result_new (title, KOERS_METRIC_KIND_NUMBER, 0, 100, "points");
      koers_objective_insert_key_result (objective, kr);
      g_assert_true (koers_store_add_objective (store, objective, &error));
      g_assert_no_error (error);
    }
}

static void
test_refuse_corrupt (KoersTestDir *fixture,
                     gconstpointer data)
{
  g_autofree char *contents = NULL;
  gsize            length;
  guint            page_size;

  make_koers_database (fixture->path);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));

  /* Scribble over every page after the first: a header that looks fine
   * on a body that is not. */
  page_size = ((guint8) contents[16] << 8) | (guint8) contents[17];
  g_assert_cmpuint (length, >=, 3 * page_size);
  for (gsize i = page_size; i < length; i++)
    contents[i] = (char) (i * 7 + 13);
  write_file (fixture->path, contents, length);

  assert_refused (fixture->path, KOERS_STORE_ERROR_CORRUPT);
}

/* A large file opens without reading every page (a quick start at company
 * scale); koers_store_verify() reads it all, and finds the damage. */
static void
test_verify_large (KoersTestDir *fixture,
                   gconstpointer data)
{
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  gsize length, after_length;

  make_koers_database (fixture->path);
  koers_test_exec_raw (fixture->path, "PRAGMA journal_mode = DELETE;"
                                      " INSERT INTO settings (key, value) VALUES ('padding', zeroblob (20000000));");
  g_assert_true (koers_store_needs_verify (fixture->path));
  g_assert_true (koers_store_verify (fixture->path, &error));
  g_assert_no_error (error);

  /* Scribble over the last MiB: the padding's overflow pages. */
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  for (gsize i = length - 1024 * 1024; i < length; i++)
    contents[i] = (char) (i * 7 + 13);
  write_file (fixture->path, contents, length);

  {
    g_autoptr (KoersStore) store = koers_store_open (fixture->path, &error);

    g_assert_no_error (error);
    g_assert_nonnull (store);
  }
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));

  g_assert_false (koers_store_verify (fixture->path, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CORRUPT);
  /* Checking changes nothing. */
  g_assert_true (g_file_get_contents (fixture->path, &after, &after_length, NULL));
  g_assert_cmpuint (after_length, ==, length);
  g_assert_true (memcmp (after, contents, length) == 0);
}

static void
test_refuse_corrupt_schema (KoersTestDir *fixture,
                            gconstpointer data)
{
  g_autofree char *contents = NULL;
  gsize            length;
  guint            page_size;

  make_koers_database (fixture->path);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));

  /* The schema page itself, past the 100-byte file header. */
  page_size = ((guint8) contents[16] << 8) | (guint8) contents[17];
  for (gsize i = 100; i < page_size; i++)
    contents[i] = (char) 0xa5;
  write_file (fixture->path, contents, length);

  assert_refused (fixture->path, KOERS_STORE_ERROR_CORRUPT);
}

static void
test_refuse_foreign (KoersTestDir *fixture,
                     gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *wal_path = g_build_filename (dir, "wal.db", NULL);
  g_autofree char *tagged_path = g_build_filename (dir, "tagged.db", NULL);
  g_autofree char *journal_mode = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  /* Another program's database. */
  koers_test_exec_raw (fixture->path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                                      "INSERT INTO notes (body) VALUES ('keep me');");
  assert_refused (fixture->path, KOERS_STORE_ERROR_FOREIGN);
  journal_mode = koers_test_query_text (fixture->path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "delete");

  /* One in WAL mode: reading it must not leave -wal and -shm files. */
  koers_test_exec_raw (wal_path, "PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  koers_test_assert_no_side_files (wal_path);
  assert_refused (wal_path, KOERS_STORE_ERROR_FOREIGN);

  /* Empty, but claimed by another program. */
  koers_test_exec_raw (tagged_path, "PRAGMA application_id = 1234; PRAGMA user_version = 3;");
  assert_refused (tagged_path, KOERS_STORE_ERROR_FOREIGN);
}

static void
test_refuse_too_new (KoersTestDir *fixture,
                     gconstpointer data)
{
  make_koers_database (fixture->path);
  koers_test_exec_raw (fixture->path, "PRAGMA user_version = 99");
  assert_refused (fixture->path, KOERS_STORE_ERROR_TOO_NEW);
  g_assert_cmpint (koers_test_query_int (fixture->path, "PRAGMA user_version"), ==, 99);
}

/* Rows written by another tool with foreign keys off. */
static void
test_refuse_orphans (KoersTestDir *fixture,
                     gconstpointer data)
{
  g_autoptr (KoersStore) store = NULL;
  g_autoptr (GError) error = NULL;

  make_koers_database (fixture->path);
  koers_test_exec_raw (fixture->path,
                       "PRAGMA foreign_keys = OFF;"
                       "INSERT INTO key_results (uuid, objective_id, title, metric_kind, created, updated)"
                       " VALUES ('orphan', 4242, 'Orphan', 'number', 0, 0);");

  store = koers_store_open (fixture->path, &error);
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CORRUPT);
  g_assert_null (store);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("koers-data-XXXXXX", NULL);
  int              ret;

  /* Before GLib reads it: the default path must not be the real one.
   * (G_TEST_OPTION_ISOLATE_DIRS would do, but leaks in GLib 2.74.) */
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, KoersTestDir, NULL, koers_test_dir_setup, func, koers_test_dir_teardown)

  ADD ("/store/create", test_create);
  ADD ("/store/first-run-dutch", test_first_run_dutch);
  ADD ("/store/reopen", test_reopen);
  ADD ("/store/empty-file", test_empty_file);
  ADD ("/store/folder-path", test_folder_path);
  g_test_add_func ("/store/default-path", test_default_path);
  ADD ("/store/organisation", test_organisation);
  ADD ("/store/find-by-name", test_find_by_name);
  ADD ("/store/migrate/schema-v1-unchanged", test_schema_v1_unchanged);
  ADD ("/store/migrate/v1-with-data", test_migrate_v1);
  ADD ("/store/migrate/atomic", test_migrate_atomic);
  ADD ("/store/refuse/random-bytes", test_refuse_random_bytes);
  ADD ("/store/refuse/corrupt", test_refuse_corrupt);
  ADD ("/store/refuse/corrupt-schema", test_refuse_corrupt_schema);
  ADD ("/store/verify-large", test_verify_large);
  ADD ("/store/refuse/foreign", test_refuse_foreign);
  ADD ("/store/refuse/too-new", test_refuse_too_new);
  ADD ("/store/refuse/orphans", test_refuse_orphans);

#undef ADD

  ret = g_test_run ();
  koers_test_remove_tree (data_home);
  return ret;
}
