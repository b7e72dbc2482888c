/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "koers-test-ui.h"
#include "io/koers-csv.h"
#include "io/koers-json.h"
#include "io/koers-demo.h"
#include "koers-store-private.h"
#include "koers-test-io.h"
#include "ui/data/koers-export-data-dialog.h"
#include "ui/window/koers-window.h"

static GSettings *settings;

typedef struct
{
  char        *dir;
  KoersStore  *store;
  KoersWindow *window;
} Fixture;

/* The demo company (KOERS_TODAY is 2026-05-15: the window shows Q2 2026). */
static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("koers-export-data-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "koers.db", NULL);
  g_assert_true (koers_demo_create (path, KOERS_LANGUAGE_EN, &error));
  g_assert_no_error (error);
  f->store = koers_store_open (path, &error);
  g_assert_no_error (error);

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
  koers_test_ui_finalize_toplevels (KOERS_TYPE_EXPORT_DATA_DIALOG);
  gtk_window_destroy (GTK_WINDOW (f->window));
  koers_test_ui_iterate ();
  g_clear_object (&f->store);

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (f->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static KoersExportDataDialog *
open_dialog (Fixture              *f,
             KoersExportDataFormat format)
{
  GtkWidget *dialog = koers_export_data_dialog_new (GTK_WINDOW (f->window),
                                                    koers_window_get_store (f->window),
                                                    koers_window_get_period (f->window),
                                                    koers_window_get_department (f->window),
                                                    format);

  gtk_window_present (GTK_WINDOW (dialog));
  koers_test_ui_iterate ();

  return KOERS_EXPORT_DATA_DIALOG (dialog);
}

static gpointer
get_child (KoersExportDataDialog *dialog,
           const char            *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (dialog), KOERS_TYPE_EXPORT_DATA_DIALOG, name);
}

static gboolean
is_open (gpointer window)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  return g_list_find (toplevels, window) != NULL;
}

/* The title of the window's latest toast, found as a label under the
 * toast overlay ending in text. */
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

static KoersStore *
open_new_store (Fixture    *f,
                const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  KoersStore      *store = koers_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static KoersObjective *
find_objective_by_uuid (KoersStore *store,
                        const char *uuid)
{
  GListModel *objectives = koers_store_get_objectives (store);

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);

      if (g_strcmp0 (koers_objective_get_uuid (objective), uuid) == 0)
        return objective;
    }

  return NULL;
}

static guint
count_objectives (KoersStore *store)
{
  return g_list_model_get_n_items (koers_store_get_objectives (store));
}

/* The whole database as JSON, imported into a new database, exports the
 * same again: nothing is lost on the way. */
static void
test_json_whole (Fixture      *f,
                 gconstpointer data)
{
  KoersExportDataDialog *dialog = open_dialog (f, KOERS_EXPORT_DATA_FORMAT_JSON);
  g_autofree char       *path = g_build_filename (f->dir, "export.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *name = koers_export_data_dialog_get_suggested_name (dialog);
  g_autoptr (KoersStore) copy = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Export Data");
  /* A backup takes everything and is named by its day. */
  g_assert_true (koers_export_data_dialog_get_all_periods (dialog));
  g_assert_true (koers_export_data_dialog_get_all_departments (dialog));
  g_assert_cmpstr (name, ==, "koers-export-2026-05-15.json");
  g_assert_true (gtk_widget_get_sensitive (get_child (dialog, "export_button")));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (koers_export_data_dialog_export_to (dialog, file));
  koers_test_ui_iterate ();
  g_assert_null (dialog);
  g_assert_true (window_shows_toast (f->window, "Data exported to export.json"));

  copy = open_new_store (f, "copy.db");
  g_assert_true (koers_json_import (copy, path, KOERS_JSON_IMPORT_ADD, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_objectives (copy), ==, count_objectives (f->store));
  g_assert_cmpuint (count_objectives (copy), >, 0);

  /* The same data; each database has its own change log (the copy's
   * holds the import's writes as well). */
  before = koers_json_export_to_string (f->store, NULL, 1, &error);
  g_assert_no_error (error);
  after = koers_json_export_to_string (copy, NULL, 1, &error);
  g_assert_no_error (error);
  {
    g_autofree char *before_data = koers_test_strip_changes (before);
    g_autofree char *after_data = koers_test_strip_changes (after);

    g_assert_cmpstr (after_data, ==, before_data);
  }
}

/* This period and one department: the file holds just those objectives. */
static void
test_json_period_and_department (Fixture      *f,
                                 gconstpointer data)
{
  KoersExportDataDialog *dialog = open_dialog (f, KOERS_EXPORT_DATA_FORMAT_JSON);
  KoersDepartment       *sales = koers_test_find_department (f->store, "Sales");
  g_autofree char       *path = g_build_filename (f->dir, "sales.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *name = NULL;
  g_autoptr (KoersStore) copy = NULL;
  g_autoptr (GPtrArray) expected = NULL;
  g_autoptr (GError) error = NULL;
  const char       *periods[] = { "2026-Q2", NULL };
  const char       *departments[] = { "Sales", NULL };
  KoersExportFilter filter = { periods, departments };
  g_autoptr (GHashTable) pointed_at = g_hash_table_new (NULL, NULL);

  koers_export_data_dialog_set_all_periods (dialog, FALSE);
  name = koers_export_data_dialog_get_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "koers-export-2026-Q2.json");

  /* Chosen departments, none ticked: nothing to export. */
  adw_combo_row_set_selected (get_child (dialog, "scope_row"), 1);
  g_assert_false (koers_export_data_dialog_get_all_departments (dialog));
  g_assert_true (gtk_widget_get_visible (get_child (dialog, "departments_group")));
  g_assert_false (gtk_widget_get_sensitive (get_child (dialog, "export_button")));
  koers_export_data_dialog_set_department_chosen (dialog, sales, TRUE);
  g_assert_true (gtk_widget_get_sensitive (get_child (dialog, "export_button")));

  g_assert_true (koers_export_data_dialog_export_to (dialog, file));

  /* What the filter of the dialog's choices takes: the quarter's
   * objectives of Sales (and its teams), fewer than all. */
  expected = koers_export_filter_select_objectives (&filter, f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, >, 0);

  copy = open_new_store (f, "copy.db");
  g_assert_true (koers_json_import (copy, path, KOERS_JSON_IMPORT_ADD, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < expected->len; i++)
    {
      KoersObjective *objective = g_ptr_array_index (expected, i);
      KoersObjective *copied = find_objective_by_uuid (copy, koers_objective_get_uuid (objective));
      gint64          aligned_id = koers_objective_get_aligned_to_id (objective);
      KoersObjective *aligned = koers_store_find_objective (f->store, aligned_id);

      g_assert_nonnull (copied);
      g_assert_cmpstr (koers_objective_get_title (copied), ==, koers_objective_get_title (objective));
      /* What it points at comes along, so the file imports on its own. */
      if (aligned != NULL)
        {
          g_assert_nonnull (find_objective_by_uuid (copy, koers_objective_get_uuid (aligned)));
          g_hash_table_add (pointed_at, aligned);
        }
    }
  /* And nothing else. */
  g_assert_cmpuint (count_objectives (copy), ==, expected->len + g_hash_table_size (pointed_at));
  g_assert_cmpuint (count_objectives (copy), <, count_objectives (f->store));
}

/* Export CSV: the window's quarter, the report template's columns in the
 * interface's language, byte for byte what the CSV writer makes. */
static void
test_csv (Fixture      *f,
          gconstpointer data)
{
  KoersExportDataDialog *dialog;
  g_autofree char       *path = g_build_filename (f->dir, "report.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *name = NULL;
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (GError) error = NULL;
  const char       *periods[] = { "2026-Q2", NULL };
  KoersExportFilter filter = { periods, NULL };

  /* The menu's action opens it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-csv", NULL));
  koers_test_ui_iterate ();
  dialog = KOERS_EXPORT_DATA_DIALOG (koers_test_ui_find_toplevel (KOERS_TYPE_EXPORT_DATA_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_cmpint (koers_export_data_dialog_get_format (dialog), ==, KOERS_EXPORT_DATA_FORMAT_CSV);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Export CSV");
  g_assert_false (koers_export_data_dialog_get_all_periods (dialog));
  name = koers_export_data_dialog_get_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "OKR report 2026-Q2.csv");

  g_assert_true (koers_export_data_dialog_export_to (dialog, file));
  koers_test_ui_iterate ();
  g_assert_true (window_shows_toast (f->window, "CSV written to report.csv"));

  g_assert_true (g_file_get_contents (path, &written, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (written, "Level,Objective,Key result,"));
  expected = koers_csv_export_to_string (f->store, &filter, KOERS_LANGUAGE_EN, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, expected);
}

/* A file that cannot be written: a message over the dialog, which stays,
 * and no file. */
static void
test_failure (Fixture      *f,
              gconstpointer data)
{
  KoersExportDataDialog *dialog = open_dialog (f, KOERS_EXPORT_DATA_FORMAT_JSON);
  g_autofree char       *path = g_build_filename (f->dir, "missing", "export.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *message;

  g_assert_false (koers_export_data_dialog_export_to (dialog, file));
  koers_test_ui_iterate ();

  g_assert_true (is_open (dialog));
  message = ADW_MESSAGE_DIALOG (koers_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (message);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (message)) == GTK_WINDOW (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Could Not Export");
  g_assert_cmpstr (adw_message_dialog_get_body (message), !=, "");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (window_shows_toast (f->window, "Data exported"));
}

/* A department on screen is ticked in advance, ready for "Chosen
 * departments"; the scope stays the whole database until chosen. */
static void
test_selected_department (Fixture      *f,
                          gconstpointer data)
{
  KoersDepartment       *marketing = koers_test_find_department (f->store, "Marketing");
  KoersExportDataDialog *dialog;

  koers_window_select_department (f->window, marketing);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-data", NULL));
  koers_test_ui_iterate ();
  dialog = KOERS_EXPORT_DATA_DIALOG (koers_test_ui_find_toplevel (KOERS_TYPE_EXPORT_DATA_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpint (koers_export_data_dialog_get_format (dialog), ==, KOERS_EXPORT_DATA_FORMAT_JSON);
  g_assert_true (koers_export_data_dialog_get_all_departments (dialog));

  adw_combo_row_set_selected (get_child (dialog, "scope_row"), 1);
  g_assert_true (gtk_widget_get_sensitive (get_child (dialog, "export_button")));
}

#define ADD(path, func) \
  g_test_add ("/export-data-dialog/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  int status;

  koers_test_ui_init (&argc, &argv);
  settings = g_settings_new (APP_ID);

  ADD ("json-whole", test_json_whole);
  ADD ("json-period-and-department", test_json_period_and_department);
  ADD ("csv", test_csv);
  ADD ("failure", test_failure);
  ADD ("selected-department", test_selected_department);

  status = g_test_run ();
  g_clear_object (&settings);

  return status;
}
