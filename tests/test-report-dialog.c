/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "koers-test-ui.h"
#include "io/koers-demo.h"
#include "ui/data/koers-report-dialog.h"
#include "ui/window/koers-window.h"

static GSettings *settings;

typedef struct
{
  char        *dir;
  KoersStore  *store;
  KoersWindow *window;
} Fixture;

/* The demo company (KOERS_TODAY is 2026-05-15: its objectives are in
 * Q2 2026) in a main window showing the quarter. */
static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("koers-report-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "koers.db", NULL);
  g_assert_true (koers_demo_create (path, KOERS_LANGUAGE_EN, &error));
  g_assert_no_error (error);
  fixture->store = koers_store_open (path, &error);
  g_assert_no_error (error);

  g_settings_set_string (settings, "last-period", "");
  g_settings_set_string (settings, "last-department", "");
  fixture->window = koers_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  koers_test_ui_iterate ();
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->store);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static gpointer
get_child (KoersReportDialog *dialog,
           const char        *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (dialog), KOERS_TYPE_REPORT_DIALOG, name);
}

static KoersReportDialog *
open_dialog (Fixture *fixture)
{
  GtkWidget *dialog = koers_report_dialog_new (GTK_WINDOW (fixture->window),
                                               koers_window_get_store (fixture->window),
                                               koers_window_get_period (fixture->window),
                                               koers_window_get_department (fixture->window));

  gtk_window_present (GTK_WINDOW (dialog));
  koers_test_ui_iterate ();

  return KOERS_REPORT_DIALOG (dialog);
}

/* Whether window is still one of the application's windows.  A destroyed
 * window leaves the list at once, but GTK 4.8 disposes of it only with its
 * last reference, which the report's worker thread may hold a little
 * longer: so not the "destroy" signal, and no dereference here. */
static gboolean
is_open (gpointer window)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  return g_list_find (toplevels, window) != NULL;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the report is written (or failed). */
static void
wait_until_done (KoersReportDialog *dialog)
{
  gboolean timed_out = FALSE;
  guint    timeout = g_timeout_add_seconds (60, timeout_cb, &timed_out);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  while (dialog != NULL && koers_report_dialog_get_busy (dialog) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  koers_test_ui_iterate ();
  if (dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  g_assert_false (timed_out);
  g_source_remove (timeout);
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type,
                 gboolean (*pred) (GtkWidget *widget, gconstpointer data),
                 gconstpointer data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (pred == NULL || pred (root, data)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, pred, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
label_is (GtkWidget    *widget,
          gconstpointer data)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static gboolean
button_is (GtkWidget    *widget,
           gconstpointer data)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      return l->data;

  return NULL;
}

static guint
count_files (const char *dir_path)
{
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static char *
read_pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr (GError) error = NULL;
  char *text = NULL;
  int   status;

  if (pdftotext == NULL)
    return NULL;

  g_spawn_sync (NULL, (char *[]){ pdftotext, (char *) path, (char *) "-", NULL }, NULL,
                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return text;
}

static void
test_defaults (Fixture      *fixture,
               gconstpointer data)
{
  KoersReportDialog *dialog;
  KoersPeriod        period, expected;
  g_autofree char   *name = NULL;
  g_autoptr (GArray) ids = NULL;
  guint n_files = count_files (fixture->dir);

  /* The window's period (the current quarter), the UI's language, the
   * whole company, notes included. */
  dialog = open_dialog (fixture);
  koers_period_init_quarter (&expected, 2026, 2);
  koers_report_dialog_get_period (dialog, &period);
  g_assert_true (koers_period_equal (&period, &expected));
  g_assert_cmpint (koers_report_dialog_get_language (dialog), ==, KOERS_LANGUAGE_EN);
  g_assert_true (koers_report_dialog_get_whole_company (dialog));
  ids = koers_report_dialog_get_department_ids (dialog);
  g_assert_cmpuint (ids->len, ==, 0);
  g_assert_true (gtk_switch_get_active (get_child (dialog, "notes_switch")));
  g_assert_false (gtk_widget_get_visible (get_child (dialog, "departments_group")));
  g_assert_true (gtk_widget_get_sensitive (get_child (dialog, "export_button")));

  name = koers_report_dialog_get_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "OKR report 2026-Q2.pdf");
  g_clear_pointer (&name, g_free);
  koers_report_dialog_set_language (dialog, KOERS_LANGUAGE_NL);
  name = koers_report_dialog_get_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "OKR-rapport 2026-Q2.pdf");
  g_clear_pointer (&name, g_free);

  /* Escape (window.close) closes it without writing anything. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  koers_test_ui_iterate ();
  g_assert_cmpuint (count_files (fixture->dir), ==, n_files);

  /* Another window period and UI language: the next dialog follows. */
  koers_period_init_quarter (&expected, 2026, 3);
  koers_window_set_period (fixture->window, &expected);
  koers_format_set_language (KOERS_LANGUAGE_NL);
  dialog = open_dialog (fixture);
  koers_format_set_language (KOERS_LANGUAGE_EN);
  koers_report_dialog_get_period (dialog, &period);
  g_assert_true (koers_period_equal (&period, &expected));
  g_assert_cmpint (koers_report_dialog_get_language (dialog), ==, KOERS_LANGUAGE_NL);
  name = koers_report_dialog_get_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "OKR-rapport 2026-Q3.pdf");
  g_clear_pointer (&name, g_free);

  /* A year and a custom range can be chosen; a range's slash does not
   * reach the file name. */
  koers_period_init_year (&expected, 2026);
  koers_report_dialog_set_period (dialog, &expected);
  koers_report_dialog_get_period (dialog, &period);
  g_assert_true (koers_period_equal (&period, &expected));
  g_assert_true (koers_period_parse ("2026-01-15/2026-03-31", &expected, NULL));
  koers_report_dialog_set_period (dialog, &expected);
  koers_report_dialog_get_period (dialog, &period);
  g_assert_true (koers_period_equal (&period, &expected));
  name = koers_report_dialog_get_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "OKR-rapport 2026-01-15_2026-03-31.pdf");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_departments (Fixture      *fixture,
                  gconstpointer data)
{
  KoersDepartment   *sales = koers_test_find_department (fixture->store, "Sales");
  KoersDepartment   *it = koers_test_find_department (fixture->store, "IT & Development");
  KoersReportDialog *dialog;
  GArray            *ids;

  /* The window shows Sales: choosing departments starts from it. */
  koers_window_select_department (fixture->window, sales);
  dialog = open_dialog (fixture);
  g_assert_true (koers_report_dialog_get_whole_company (dialog));
  adw_combo_row_set_selected (get_child (dialog, "scope_row"), 1);
  koers_test_ui_iterate ();
  g_assert_false (koers_report_dialog_get_whole_company (dialog));
  g_assert_true (gtk_widget_get_visible (get_child (dialog, "departments_group")));
  ids = koers_report_dialog_get_department_ids (dialog);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, koers_department_get_id (sales));
  g_array_unref (ids);

  /* No department chosen: nothing to export. */
  koers_report_dialog_set_department_chosen (dialog, sales, FALSE);
  koers_test_ui_iterate ();
  ids = koers_report_dialog_get_department_ids (dialog);
  g_assert_cmpuint (ids->len, ==, 0);
  g_array_unref (ids);
  g_assert_false (gtk_widget_get_sensitive (get_child (dialog, "export_button")));

  /* Two, in the sidebar's order whatever the order of ticking; a name
   * with "&" is a plain title. */
  koers_report_dialog_set_department_chosen (dialog, it, TRUE);
  koers_report_dialog_set_department_chosen (dialog, sales, TRUE);
  koers_test_ui_iterate ();
  ids = koers_report_dialog_get_department_ids (dialog);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, koers_department_get_id (sales));
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, koers_department_get_id (it));
  g_array_unref (ids);
  g_assert_true (gtk_widget_get_sensitive (get_child (dialog, "export_button")));
  g_assert_nonnull (find_descendant (get_child (dialog, "departments_group"), GTK_TYPE_LABEL,
                                     label_is, "IT & Development"));

  /* Back to the whole company: the ticks stay, but do not count. */
  adw_combo_row_set_selected (get_child (dialog, "scope_row"), 0);
  koers_test_ui_iterate ();
  ids = koers_report_dialog_get_department_ids (dialog);
  g_assert_cmpuint (ids->len, ==, 0);
  g_array_unref (ids);
  g_assert_false (gtk_widget_get_visible (get_child (dialog, "departments_group")));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_export (Fixture      *fixture,
             gconstpointer data)
{
  KoersDepartment   *sales = koers_test_find_department (fixture->store, "Sales");
  KoersReportDialog *dialog = open_dialog (fixture);
  g_autofree char   *path = g_build_filename (fixture->dir, "OKR-rapport 2026-Q2.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  gsize            length;

  koers_report_dialog_set_language (dialog, KOERS_LANGUAGE_NL);
  koers_report_dialog_set_department_chosen (dialog, sales, TRUE);

  koers_report_dialog_export_to (dialog, file);
  g_assert_true (koers_report_dialog_get_busy (dialog));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (dialog, "stack")), ==, "progress");
  g_assert_false (gtk_widget_get_sensitive (get_child (dialog, "export_button")));
  wait_until_done (dialog);

  /* Written: the dialog is gone, the window has the toast with Open. */
  g_assert_false (is_open (dialog));
  g_assert_null (find_message_dialog ());
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_nonnull (find_descendant (GTK_WIDGET (fixture->window), GTK_TYPE_LABEL, label_is,
                                     "Report written to OKR-rapport 2026-Q2.pdf"));
  g_assert_nonnull (find_descendant (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, button_is,
                                     "_Open"));

  /* In Dutch, Sales only. */
  text = read_pdf_text (path);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "OKR-rapport"));
      g_assert_nonnull (strstr (text, "Reach quarterly revenue of €1 million."));
      g_assert_null (strstr (text, "Streamline the annual budget process."));
    }
}

static void
test_failure (Fixture      *fixture,
              gconstpointer data)
{
  KoersReportDialog *dialog = open_dialog (fixture);
  g_autofree char   *missing = g_build_filename (fixture->dir, "missing", NULL);
  g_autofree char   *path = g_build_filename (missing, "report.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *message;

  koers_report_dialog_export_to (dialog, file);
  wait_until_done (dialog);

  /* A message over the dialog, which stays with its options; no file. */
  message = find_message_dialog ();
  g_assert_nonnull (message);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (message)) == GTK_WINDOW (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Could Not Export the Report");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "report.pdf"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_false (koers_report_dialog_get_busy (dialog));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (dialog, "stack")), ==, "options");
  g_assert_true (gtk_widget_get_sensitive (get_child (dialog, "export_button")));
  g_assert_null (find_descendant (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, button_is, "_Open"));

  gtk_window_destroy (GTK_WINDOW (message));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_cancel (Fixture      *fixture,
             gconstpointer data)
{
  KoersReportDialog *dialog = open_dialog (fixture);
  g_autofree char   *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  guint n_files = count_files (fixture->dir);

  /* Cancel right away: the report takes far longer than this. */
  koers_report_dialog_export_to (dialog, file);
  g_signal_emit_by_name (get_child (dialog, "cancel_button"), "clicked");
  wait_until_done (dialog);

  /* No file and no temporary one; no error shown; the options again. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (fixture->dir), ==, n_files);
  g_assert_null (find_message_dialog ());
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (dialog, "stack")), ==, "options");

  /* Without a report being written, Cancel closes the window. */
  g_signal_emit_by_name (get_child (dialog, "cancel_button"), "clicked");
  koers_test_ui_iterate ();
  g_assert_false (is_open (dialog));
}

static void
test_menu_action (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr (GList) toplevels = NULL;
  KoersReportDialog *dialog = NULL;

  /* win.export-report (the menu item, Ctrl+E) opens the dialog. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-report", NULL);
  koers_test_ui_iterate ();

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (KOERS_IS_REPORT_DIALOG (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Print… (Ctrl+P) opens the same window with the same choices, titled and
 * buttoned for printing; the pages it prints are the PDF's. */
static void
test_print_action (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr (GList) toplevels = NULL;
  KoersReportDialog *dialog = NULL;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.print-report", NULL);
  koers_test_ui_iterate ();

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (KOERS_IS_REPORT_DIALOG (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  g_assert_true (koers_report_dialog_get_print_mode (dialog));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Print Report");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Export Dashboard (win.export-dashboard): the same window and choices,
 * an HTML page written at once; a failure shows its message. */
static void
test_dashboard (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (GList) toplevels = NULL;
  KoersReportDialog *dialog = NULL;
  g_autofree char   *name = NULL;
  g_autofree char   *path = g_build_filename (fixture->dir, "OKR-dashboard 2026-Q2.html", NULL);
  g_autofree char   *missing = g_build_filename (fixture->dir, "missing", "page.html", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) bad = g_file_new_for_path (missing);
  g_autofree char  *contents = NULL;
  AdwMessageDialog *message;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-dashboard", NULL);
  koers_test_ui_iterate ();
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (KOERS_IS_REPORT_DIALOG (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Export Dashboard");
  koers_report_dialog_set_language (dialog, KOERS_LANGUAGE_NL);
  name = koers_report_dialog_get_suggested_name (dialog);
  g_assert_cmpstr (name, ==, "OKR-dashboard 2026-Q2.html");

  koers_report_dialog_export_to (dialog, bad);
  message = find_message_dialog ();
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Could Not Export the Dashboard");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (message));
  g_assert_true (is_open (dialog));

  koers_report_dialog_export_to (dialog, file);
  koers_test_ui_iterate ();
  g_assert_false (is_open (dialog));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<!DOCTYPE html>\n<html lang=\"nl\">"));
  g_assert_true (g_str_has_suffix (contents, "</html>\n"));
  g_assert_nonnull (find_descendant (GTK_WIDGET (fixture->window), GTK_TYPE_LABEL, label_is,
                                     "Dashboard written to OKR-dashboard 2026-Q2.html"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  koers_test_ui_init (&argc, &argv);
  settings = g_settings_new (APP_ID);

  g_test_add ("/report-dialog/defaults", Fixture, NULL, fixture_set_up, test_defaults, fixture_tear_down);
  g_test_add ("/report-dialog/departments", Fixture, NULL, fixture_set_up, test_departments, fixture_tear_down);
  g_test_add ("/report-dialog/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/report-dialog/failure", Fixture, NULL, fixture_set_up, test_failure, fixture_tear_down);
  g_test_add ("/report-dialog/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/report-dialog/menu-action", Fixture, NULL, fixture_set_up, test_menu_action, fixture_tear_down);
  g_test_add ("/report-dialog/print-action", Fixture, NULL, fixture_set_up, test_print_action, fixture_tear_down);
  g_test_add ("/report-dialog/dashboard", Fixture, NULL, fixture_set_up, test_dashboard, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&settings);

  return status;
}
