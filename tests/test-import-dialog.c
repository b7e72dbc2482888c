/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "koers-test-ui.h"
#include "io/koers-json.h"
#include "io/koers-demo.h"
#include "ui/data/koers-import-dialog.h"
#include "ui/window/koers-window.h"

static GSettings *settings;

typedef struct
{
  char        *dir;
  char        *path;      /* the window's database */
  char        *demo_json; /* the demo company, exported */
  KoersStore  *store;
  KoersWindow *window;
} Fixture;

static char *
build_path (Fixture    *f,
            const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static KoersStore *
open_store (const char *path)
{
  g_autoptr (GError) error = NULL;
  KoersStore *store = koers_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* The demo company exported to demo.json; the window shows the database
 * data says: the demo itself ("demo") or a new one (NULL). */
static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *demo_path = NULL;

  f->dir = g_dir_make_tmp ("koers-import-XXXXXX", &error);
  g_assert_no_error (error);
  demo_path = build_path (f, "demo.db");
  g_assert_true (koers_demo_create (demo_path, KOERS_LANGUAGE_EN, &error));
  g_assert_no_error (error);
  f->demo_json = build_path (f, "demo.json");
  {
    g_autoptr (KoersStore) demo = open_store (demo_path);

    g_assert_true (koers_json_export (demo, NULL, f->demo_json, &error));
    g_assert_no_error (error);
  }

  f->path = g_strcmp0 (data, "demo") == 0 ? g_strdup (demo_path) : build_path (f, "koers.db");
  f->store = open_store (f->path);

  g_settings_set_string (settings, "last-period", "");
  g_settings_set_string (settings, "last-department", "");
  f->window = koers_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  koers_test_ui_iterate ();
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  koers_test_ui_destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);
  koers_test_ui_finalize_toplevels (KOERS_TYPE_IMPORT_DIALOG);
  gtk_window_destroy (GTK_WINDOW (f->window));
  koers_test_ui_iterate ();
  g_clear_object (&f->store);

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = build_path (f, name);

      g_unlink (file);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->demo_json);
}

static gpointer
get_child (KoersImportDialog *dialog,
           const char        *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (dialog), KOERS_TYPE_IMPORT_DIALOG, name);
}

/* Runs the main loop until the window has checked the file (in a
 * thread) and shows the dialog or a message. */
static KoersImportDialog *
import_file (Fixture    *f,
             const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);

  koers_window_import_file (f->window, file);
  g_assert_true (koers_window_is_importing (f->window));
  while (koers_window_is_importing (f->window))
    g_main_context_iteration (NULL, TRUE);
  koers_test_ui_iterate ();

  return KOERS_IMPORT_DIALOG (koers_test_ui_find_toplevel (KOERS_TYPE_IMPORT_DIALOG));
}

/* Runs the main loop until the dialog has checked the file again. */
static void
wait_for_check (KoersImportDialog *dialog)
{
  while (koers_import_dialog_is_checking (dialog))
    g_main_context_iteration (NULL, TRUE);
  koers_test_ui_iterate ();
}

static guint
count_objectives (KoersStore *store)
{
  return g_list_model_get_n_items (koers_store_get_objectives (store));
}

/* What a restart would read. */
static guint
count_stored_objectives (Fixture *f)
{
  g_autoptr (KoersStore) again = open_store (f->path);

  return count_objectives (again);
}

/* The subtitles of the rows under a group, as "title: subtitle". */
static char *
describe_rows (GtkWidget *group)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autoptr (GString) text = g_string_new (NULL);

  koers_test_ui_collect (group, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *subtitle = adw_action_row_get_subtitle (rows->pdata[i]);
      gboolean    has_subtitle = subtitle != NULL && subtitle[0] != '\0';

      g_string_append_printf (text, "%s%s%s\n", adw_preferences_row_get_title (rows->pdata[i]),
                              has_subtitle ? ": " : "", has_subtitle ? subtitle : "");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
window_shows_toast (KoersWindow *window,
                    const char  *prefix)
{
  GtkWidget *overlay = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), KOERS_TYPE_WINDOW,
                                                                  "toast_overlay"));
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  koers_test_ui_collect (overlay, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (labels->pdata[i]), prefix))
      return TRUE;

  return FALSE;
}

/* An export into a new database: the summary adds everything; Cancel
 * writes nothing; Merge writes it all. */
static void
test_into_new_database (Fixture      *f,
                        gconstpointer data)
{
  KoersImportDialog *dialog = import_file (f, f->demo_json);
  KoersImportCounts  counts;
  g_autofree char   *details = NULL;
  g_autofree char   *describe = NULL;
  g_autoptr (KoersStore) demo = NULL;
  g_autofree char *demo_path = build_path (f, "demo.db");
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_cmpstr (adw_window_title_get_subtitle (get_child (dialog, "window_title")), ==, "demo.json");
  /* Merge by default. */
  g_assert_cmpint (koers_import_dialog_get_mode (dialog), ==, KOERS_JSON_IMPORT_MERGE);
  g_assert_true (gtk_check_button_get_active (get_child (dialog, "merge_check")));
  g_assert_cmpstr (gtk_button_get_label (get_child (dialog, "import_button")), ==, "_Merge");
  g_assert_true (gtk_widget_get_sensitive (get_child (dialog, "import_button")));

  demo = open_store (demo_path);
  koers_import_plan_get_counts (koers_import_dialog_get_plan (dialog), KOERS_IMPORT_OBJECTIVES, &counts);
  g_assert_cmpuint (counts.added, ==, count_objectives (demo));
  g_assert_cmpuint (counts.updated + counts.unchanged + counts.conflicts, ==, 0);
  details = describe_rows (get_child (dialog, "details_group"));
  {
    g_autofree char *line = g_strdup_printf ("Objectives: %u added\n", counts.added);

    g_test_message ("%s", details);
    g_assert_nonnull (strstr (details, line));
  }
  describe = koers_import_plan_describe (koers_import_dialog_get_plan (dialog));
  g_assert_cmpstr (adw_preferences_group_get_description (get_child (dialog, "summary_group")), ==, describe);
  g_assert_false (gtk_widget_get_visible (get_child (dialog, "conflicts_group")));

  /* Cancel: the window closes, nothing is written. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (get_child (dialog, "cancel_button"), "clicked");
  koers_test_ui_iterate ();
  g_assert_null (dialog);
  g_assert_cmpuint (count_objectives (f->store), ==, 0);
  g_assert_cmpuint (count_stored_objectives (f), ==, 0);

  /* Again, and Merge. */
  dialog = import_file (f, f->demo_json);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (koers_import_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  koers_test_ui_iterate ();
  g_assert_null (dialog);
  g_assert_cmpuint (count_objectives (f->store), ==, count_objectives (demo));
  g_assert_cmpuint (count_stored_objectives (f), ==, count_objectives (demo));
  g_assert_true (window_shows_toast (f->window, "Imported demo.json: "));
}

/* The demo database, an objective edited here and another in a copy of
 * the file: the merge summary counts them, names the conflict, and
 * applying takes the file's newer copy and keeps the database's. */
static void
test_merge_summary (Fixture      *f,
                    gconstpointer data)
{
  g_autofree char *copy_path = build_path (f, "copy.db");
  g_autofree char *newer_json = build_path (f, "newer.json");
  g_autoptr (KoersStore) copy = open_store (copy_path);
  g_autoptr (GError) error = NULL;
  KoersObjective    *mine = NULL;
  KoersObjective    *theirs = NULL;
  g_autofree char   *theirs_uuid = NULL;
  g_autofree char   *mine_title = NULL;
  g_autofree char   *mine_old_title = NULL;
  g_autofree char   *details = NULL;
  g_autofree char   *conflicts = NULL;
  KoersImportDialog *dialog;
  KoersImportCounts  counts;
  KoersImportCounts  totals;
  GListModel        *objectives;

  /* The copy, edited: its "updated" stamp is newer than the file's. */
  g_assert_true (koers_json_import (copy, f->demo_json, KOERS_JSON_IMPORT_ADD, NULL, &error));
  g_assert_no_error (error);
  objectives = koers_store_get_objectives (copy);
  theirs = g_list_model_get_item (objectives, 1);
  g_object_unref (theirs);
  theirs_uuid = g_strdup (koers_objective_get_uuid (theirs));
  g_usleep (2000);
  koers_objective_set_title (theirs, "Edited in the copy");
  g_assert_true (koers_store_save_objective (copy, theirs, &error));
  g_assert_no_error (error);
  g_assert_true (koers_json_export (copy, NULL, newer_json, &error));
  g_assert_no_error (error);

  /* Here, another objective edited after the export. */
  objectives = koers_store_get_objectives (f->store);
  mine = g_list_model_get_item (objectives, 0);
  g_object_unref (mine);
  g_assert_cmpstr (koers_objective_get_uuid (mine), !=, theirs_uuid);
  mine_old_title = g_strdup (koers_objective_get_title (mine));
  g_usleep (2000);
  koers_objective_set_title (mine, "Edited <here> & now");
  g_assert_true (koers_store_save_objective (f->store, mine, &error));
  g_assert_no_error (error);
  mine_title = g_strdup (koers_objective_get_title (mine));

  dialog = import_file (f, newer_json);
  g_assert_nonnull (dialog);
  koers_import_plan_get_counts (koers_import_dialog_get_plan (dialog), KOERS_IMPORT_OBJECTIVES, &counts);
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpuint (counts.updated, ==, 1);
  g_assert_cmpuint (counts.conflicts, ==, 1);
  g_assert_cmpuint (counts.unchanged, ==, count_objectives (f->store) - 2);

  /* On screen: the counts per kind, and the conflict by its name. */
  details = describe_rows (get_child (dialog, "details_group"));
  g_test_message ("%s", details);
  {
    g_autofree char *line = g_strdup_printf ("Objectives: 1 updated, %u unchanged, 1 conflict\n",
                                             counts.unchanged);

    g_assert_nonnull (strstr (details, line));
  }
  g_assert_true (gtk_widget_get_visible (get_child (dialog, "conflicts_group")));
  conflicts = describe_rows (get_child (dialog, "conflicts_group"));
  g_test_message ("%s", conflicts);
  /* Named as the file has it: its path and its (old) title. */
  {
    g_autofree char *name = g_strdup_printf ("“%s”\n", mine_old_title);

    g_assert_true (g_str_has_prefix (conflicts, "$.objectives["));
    g_assert_true (g_str_has_suffix (conflicts, name));
  }
  koers_import_plan_get_totals (koers_import_dialog_get_plan (dialog), &totals);
  g_assert_cmpuint (totals.conflicts, ==, 1);

  g_assert_true (koers_import_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  koers_test_ui_iterate ();

  /* The file's newer copy came in; ours stayed. */
  g_assert_cmpstr (koers_objective_get_title (mine), ==, mine_title);
  objectives = koers_store_get_objectives (f->store);
  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);

      if (g_strcmp0 (koers_objective_get_uuid (objective), theirs_uuid) == 0)
        g_assert_cmpstr (koers_objective_get_title (objective), ==, "Edited in the copy");
    }
}

/* Import as New, into the database the file came from: refused in the
 * dialog, with the reason, and nothing written. */
static void
test_as_new_refused (Fixture      *f,
                     gconstpointer data)
{
  KoersImportDialog *dialog = import_file (f, f->demo_json);
  guint              before = count_objectives (f->store);
  g_autoptr (GError) error = NULL;
  const char *problem;

  g_assert_nonnull (dialog);
  /* Merging the same file changes nothing. */
  g_assert_false (gtk_widget_get_sensitive (get_child (dialog, "import_button")));
  g_assert_cmpstr (adw_preferences_group_get_description (get_child (dialog, "summary_group")), ==,
                   "Nothing to import: this database has all of it already.");

  gtk_check_button_set_active (get_child (dialog, "add_check"), TRUE);
  /* Checked again from the file, in a thread: nothing to import meanwhile. */
  g_assert_true (koers_import_dialog_is_checking (dialog));
  g_assert_false (gtk_widget_get_sensitive (get_child (dialog, "import_button")));
  wait_for_check (dialog);
  g_assert_cmpint (koers_import_dialog_get_mode (dialog), ==, KOERS_JSON_IMPORT_ADD);
  g_assert_null (koers_import_dialog_get_plan (dialog));
  g_assert_cmpstr (gtk_button_get_label (get_child (dialog, "import_button")), ==, "_Import");
  g_assert_false (gtk_widget_get_sensitive (get_child (dialog, "import_button")));
  g_assert_true (gtk_widget_get_visible (get_child (dialog, "problem_group")));
  g_assert_false (gtk_widget_get_visible (get_child (dialog, "summary_group")));
  problem = gtk_label_get_text (get_child (dialog, "problem_label"));
  g_assert_nonnull (strstr (problem, "$.objectives[0].uuid: "));
  g_assert_nonnull (strstr (problem, "is already in the database"));

  g_assert_false (koers_import_dialog_apply (dialog, &error));
  g_assert_error (error, KOERS_JSON_ERROR, KOERS_JSON_ERROR_INVALID);
  g_assert_cmpuint (count_objectives (f->store), ==, before);

  /* Back to Merge: the summary again. */
  koers_import_dialog_set_mode (dialog, KOERS_JSON_IMPORT_MERGE);
  wait_for_check (dialog);
  g_assert_true (gtk_check_button_get_active (get_child (dialog, "merge_check")));
  g_assert_nonnull (koers_import_dialog_get_plan (dialog));
  g_assert_false (gtk_widget_get_visible (get_child (dialog, "problem_group")));
}

/* A file with errors: a message with the problems by JSON path, no
 * dialog, nothing written. */
static void
test_invalid_file (Fixture      *f,
                   gconstpointer data)
{
  g_autofree char *bad = build_path (f, "bad.json");
  g_autoptr (GError) error = NULL;
  AdwMessageDialog *message;
  GtkWidget        *problems;
  const char       *text;

  g_assert_true (g_file_set_contents (bad,
                                      "{\"format\": \"koers\", \"version\": 1,"
                                      " \"objectives\": [{\"title\": 3, \"period\": \"2026-Q9\"}]}",
                                      -1, &error));
  g_assert_no_error (error);

  g_assert_null (import_file (f, bad));
  g_assert_null (koers_test_ui_find_toplevel (KOERS_TYPE_IMPORT_DIALOG));
  message = ADW_MESSAGE_DIALOG (koers_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (message);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (message)) == GTK_WINDOW (f->window));
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Could Not Import “bad.json”");
  g_assert_cmpstr (adw_message_dialog_get_body (message), ==,
                   "Nothing was imported. The file has these problems:");
  problems = adw_message_dialog_get_extra_child (message);
  g_assert_true (GTK_IS_LABEL (problems));
  text = gtk_label_get_text (GTK_LABEL (problems));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "$.objectives[0].title: "));
  g_assert_nonnull (strstr (text, "$.objectives[0].period: "));

  g_assert_cmpuint (count_objectives (f->store), ==, 0);
  g_assert_cmpuint (count_stored_objectives (f), ==, 0);

  /* A file that is not there: the system's reason, in the body. */
  koers_test_ui_destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);
  {
    g_autofree char *missing = build_path (f, "missing.json");

    g_assert_null (import_file (f, missing));
    message = ADW_MESSAGE_DIALOG (koers_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_nonnull (message);
    g_assert_null (adw_message_dialog_get_extra_child (message));
    g_assert_cmpstr (adw_message_dialog_get_body (message), !=, "");
  }
}

/* The database changes while the dialog is open: applying writes nothing
 * and checks the file again. */
static void
test_stale (Fixture      *f,
            gconstpointer data)
{
  KoersImportDialog *dialog = import_file (f, f->demo_json);
  g_autoptr (KoersDepartment) legal = koers_department_new ("Legal", "⚖️");
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (dialog);
  g_assert_true (koers_store_add_department (f->store, legal, &error));
  g_assert_no_error (error);

  g_assert_false (koers_import_dialog_apply (dialog, &error));
  g_assert_error (error, KOERS_JSON_ERROR, KOERS_JSON_ERROR_STALE);
  g_assert_cmpuint (count_objectives (f->store), ==, 0);
  g_assert_cmpuint (count_stored_objectives (f), ==, 0);
  /* Checked again: a new plan, and the button works. */
  wait_for_check (dialog);
  g_assert_nonnull (koers_import_dialog_get_plan (dialog));
  g_clear_error (&error);
  g_assert_true (koers_import_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_objectives (f->store), >, 0);
}

/* A file that is not a regular one (here a pipe, which would block a
 * reader until a writer comes): refused with the reason before anything
 * reads it, and no dialog. */
static void
test_fifo_refused (Fixture      *f,
                   gconstpointer data)
{
  g_autofree char  *fifo = build_path (f, "pipe.json");
  AdwMessageDialog *message;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  g_assert_null (import_file (f, fifo));
  message = ADW_MESSAGE_DIALOG (koers_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Could Not Import “pipe.json”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "is not a regular file"));
  g_assert_cmpuint (count_stored_objectives (f), ==, 0);
}

#define LARGE_DEPARTMENT "11111111-1111-4111-8111-111111111111"
#define LARGE_N_OBJECTIVES 3000
#define LARGE_N_CHECKINS 10 /* per key result */
#define LARGE_NOTE_LENGTH 2300

/* A valid export of LARGE_N_OBJECTIVES objectives, each with a key result
 * of LARGE_N_CHECKINS check-ins with long notes: larger than the 64 MB the
 * window once read into memory.  Written as a stream, as export does. */
static void
write_large_export (const char *path)
{
  g_autofree char *note = g_strnfill (LARGE_NOTE_LENGTH, 'n');
  FILE            *out = g_fopen (path, "w");

  g_assert_nonnull (out);
  fprintf (out, "{\n  \"format\" : \"koers\",\n  \"version\" : 2,\n  \"departments\" : [\n"
                "    { \"uuid\" : \"" LARGE_DEPARTMENT "\", \"name\" : \"Large\","
                " \"created\" : \"2026-01-05T09:00:00Z\", \"updated\" : \"2026-01-05T09:00:00Z\" }\n"
                "  ],\n  \"objectives\" : [\n");
  for (guint i = 0; i < LARGE_N_OBJECTIVES; i++)
    {
      fprintf (out,
               "    %s{ \"uuid\" : \"22222222-2222-4222-8222-%012u\","
               " \"department\" : \"" LARGE_DEPARTMENT "\","
               " \"title\" : \"Objective %u\", \"level\" : \"department\","
               " \"kind\" : \"committed\", \"period\" : \"2026-Q2\", \"state\" : \"active\","
               " \"created\" : \"2026-01-05T09:00:00Z\", \"updated\" : \"2026-01-05T09:00:00Z\","
               " \"key_results\" : [ { \"uuid\" : \"33333333-3333-4333-8333-%012u\","
               " \"title\" : \"Result\", \"metric_kind\" : \"number\", \"start\" : 0,"
               " \"target\" : 10, \"current\" : 0, \"created\" : \"2026-01-05T09:00:00Z\","
               " \"updated\" : \"2026-01-05T09:00:00Z\", \"checkins\" : [\n",
               i > 0 ? "," : "", i, i, i);
      for (guint j = 0; j < LARGE_N_CHECKINS; j++)
        fprintf (out,
                 "      %s{ \"uuid\" : \"44444444-4444-4444-8444-%08u%04u\", \"date\" : \"2026-04-%02u\","
                 " \"value\" : %u, \"note\" : \"%s\", \"created\" : \"2026-04-01T09:00:00Z\","
                 " \"updated\" : \"2026-04-01T09:00:00Z\" }\n",
                 j > 0 ? "," : "", i, j, j + 1, j, note);
      fprintf (out, "    ] } ] }\n");
    }
  fprintf (out, "  ]\n}\n");
  g_assert_cmpint (fclose (out), ==, 0);
}

static gboolean
count_tick_cb (gpointer user_data)
{
  guint *ticks = user_data;

  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

/* A company's backup, larger than 64 MB, restores from the window: the
 * file is checked from disk in a thread (the main loop runs meanwhile),
 * the dialog counts all of it, and Import writes it all. */
static void
test_large_file (Fixture      *f,
                 gconstpointer data)
{
  g_autofree char *large = build_path (f, "large.json");
  g_autoptr (GFile) file = NULL;
  KoersImportDialog *dialog;
  KoersImportCounts  counts;
  g_autoptr (GError) error = NULL;
  GStatBuf st;
  guint    ticks = 0;
  guint    tick_id;
  gint64   start;

  write_large_export (large);
  g_assert_cmpint (g_stat (large, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, KOERS_JSON_MAX_FILE_SIZE);

  /* The main loop goes on while the file is checked. */
  start = g_get_monotonic_time ();
  tick_id = g_timeout_add (10, count_tick_cb, &ticks);
  file = g_file_new_for_path (large);
  koers_window_import_file (f->window, file);
  while (koers_window_is_importing (f->window))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick_id);
  koers_test_ui_iterate ();
  g_test_message ("%" G_GINT64_FORMAT " bytes checked in %" G_GINT64_FORMAT " ms, %u ticks of the main loop",
                  (gint64) st.st_size, (g_get_monotonic_time () - start) / 1000, ticks);

  g_assert_null (koers_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  dialog = KOERS_IMPORT_DIALOG (koers_test_ui_find_toplevel (KOERS_TYPE_IMPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpuint (ticks, >=, 5);
  koers_import_plan_get_counts (koers_import_dialog_get_plan (dialog), KOERS_IMPORT_OBJECTIVES, &counts);
  g_assert_cmpuint (counts.added, ==, LARGE_N_OBJECTIVES);
  koers_import_plan_get_counts (koers_import_dialog_get_plan (dialog), KOERS_IMPORT_CHECKINS, &counts);
  g_assert_cmpuint (counts.added, ==, LARGE_N_OBJECTIVES * LARGE_N_CHECKINS);

  /* As new, as a backup is restored: checked again from the file. */
  koers_import_dialog_set_mode (dialog, KOERS_JSON_IMPORT_ADD);
  g_assert_true (koers_import_dialog_is_checking (dialog));
  wait_for_check (dialog);
  g_assert_nonnull (koers_import_dialog_get_plan (dialog));
  koers_import_plan_get_counts (koers_import_dialog_get_plan (dialog), KOERS_IMPORT_CHECKINS, &counts);
  g_assert_cmpuint (counts.added, ==, LARGE_N_OBJECTIVES * LARGE_N_CHECKINS);
  g_assert_true (gtk_widget_get_sensitive (get_child (dialog, "import_button")));

  g_assert_true (koers_import_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  koers_test_ui_iterate ();

  g_assert_cmpint (koers_test_query_int (f->path, "SELECT count(*) FROM objectives"), ==, LARGE_N_OBJECTIVES);
  g_assert_cmpint (koers_test_query_int (f->path, "SELECT count(*) FROM checkins"), ==,
                   LARGE_N_OBJECTIVES * LARGE_N_CHECKINS);
  g_assert_cmpint (koers_test_query_int (f->path, "SELECT min (length (note)) FROM checkins"), ==,
                   LARGE_NOTE_LENGTH);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  koers_test_ui_init (&argc, &argv);
  settings = g_settings_new (APP_ID);

  g_test_add ("/import-dialog/into-new-database", Fixture, NULL,
              fixture_set_up, test_into_new_database, fixture_tear_down);
  g_test_add ("/import-dialog/merge-summary", Fixture, "demo",
              fixture_set_up, test_merge_summary, fixture_tear_down);
  g_test_add ("/import-dialog/as-new-refused", Fixture, "demo",
              fixture_set_up, test_as_new_refused, fixture_tear_down);
  g_test_add ("/import-dialog/invalid-file", Fixture, NULL,
              fixture_set_up, test_invalid_file, fixture_tear_down);
  g_test_add ("/import-dialog/stale", Fixture, NULL,
              fixture_set_up, test_stale, fixture_tear_down);
  g_test_add ("/import-dialog/fifo-refused", Fixture, NULL,
              fixture_set_up, test_fifo_refused, fixture_tear_down);
  g_test_add ("/import-dialog/large-file", Fixture, NULL,
              fixture_set_up, test_large_file, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&settings);

  return status;
}
