/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's data actions: Export Data (JSON), Export CSV, Import Data
 * and the quarterly review. */
#include "config.h"

#include <glib/gi18n.h>

#include "io/koers-json.h"
#include "data/koers-export-data-dialog.h"
#include "data/koers-csv-import-dialog.h"
#include "data/koers-import-dialog.h"
#include "koers-window-private.h"
#include "quality/koers-review-dialog.h"
#include "widgets/koers-form-util.h"

/* "win.export-data" (JSON) and "win.export-csv".  The dialog reads what
 * the window shows now, the toast goes back here. */
static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  KoersWindow          *self = KOERS_WINDOW (user_data);
  gboolean              csv = g_str_equal (g_action_get_name (G_ACTION (action)), "export-csv");
  KoersExportDataFormat format = csv ? KOERS_EXPORT_DATA_FORMAT_CSV : KOERS_EXPORT_DATA_FORMAT_JSON;
  GtkWidget            *dialog;

  dialog = koers_export_data_dialog_new (GTK_WINDOW (self), self->store,
                                         koers_period_switcher_get_period (self->period_switcher),
                                         self->department, format);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Importing: a file chooser, then the import dialog with what the file
 * would change, or a message with what is wrong with the file. */

static void
show_import_error (KoersWindow  *self,
                   GFile        *file,
                   const GError *error)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  GtkWidget       *dialog;

  /* Heading and body are plain text: both quote the file. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  /* Translators: %s is a file name. */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _ ("Could Not Import “%s”"), name);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));

  if (error->domain == KOERS_JSON_ERROR)
    {
      /* The problems, one a line by JSON path: left-aligned, to be read
       * (and copied) as a list, not centred like the body. */
      GtkWidget *problems = gtk_label_new (error->message);

      gtk_label_set_wrap (GTK_LABEL (problems), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (problems), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (problems), 0);
      gtk_label_set_selectable (GTK_LABEL (problems), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (problems), 60);
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                   _ ("Nothing was imported. The file has these problems:"));
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), problems);
    }
  else
    {
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
    }

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_importing (KoersWindow  *self,
               GCancellable *importing)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "import-data");

  g_set_object (&self->importing, importing);
  /* A company's backup takes seconds to check: the window stays usable
   * meanwhile and shows that something happens.  (Not a toast: the toast
   * of the import itself would queue behind it, and libadwaita 1.2
   * crashes when a toast is dismissed while it animates in.) */
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), importing != NULL ? "progress" : NULL);
  /* One import at a time: a second file chosen while the first is checked
   * would open a second dialog over the first. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), importing == NULL);
}

static void
import_dialog_ready_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr (GFile) file = user_data;
  KoersWindow *self = KOERS_WINDOW (source);
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog;

  dialog = koers_import_dialog_new_finish (result, &error);
  /* The window closed meanwhile. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_importing (self, NULL);
  if (dialog == NULL)
    show_import_error (self, file, error);
  else
    gtk_window_present (GTK_WINDOW (dialog));
}

void
koers_window_import_file (KoersWindow *self,
                          GFile       *file)
{
  g_autoptr (GCancellable) importing = g_cancellable_new ();

  g_return_if_fail (KOERS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->importing != NULL)
    return;

  set_importing (self, importing);
  koers_import_dialog_new_async (GTK_WINDOW (self), self->store, file, importing,
                                 import_dialog_ready_cb, g_object_ref (file));
}

gboolean
koers_window_is_importing (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), FALSE);

  return self->importing != NULL;
}

static void
import_chooser_response_cb (KoersWindow *self,
                            int          response)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->import_chooser));
  if (file != NULL)
    koers_window_import_file (self, file);
}

/* A file chooser for an import (kept until the next one: GTK does not
 * keep a native dialog alive); response gets the window. */
static void
open_import_chooser (KoersWindow *self,
                     const char  *title,
                     const char  *filter_name,
                     const char  *mime_type,
                     const char  *suffix,
                     GCallback    response)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  koers_window_dispose_data (self);

  self->import_chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_OPEN,
                                                      _ ("_Open"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->import_chooser), TRUE);

  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->import_chooser), filter);

  g_signal_connect_object (self->import_chooser, "response", response, self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->import_chooser));
}

/* Import Spreadsheet: a CSV file, then the mapping and preview dialog
 * for the period on screen; a file that is not CSV text says why. */
static void
csv_chooser_response_cb (KoersWindow *self,
                         int          response)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  KoersCsvImport *import;
  GtkWidget      *dialog;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->import_chooser));
  if (file == NULL)
    return;

  import = koers_csv_import_new_for_file (file, &error);
  if (import == NULL)
    {
      show_import_error (self, file, error);
      return;
    }
  dialog = koers_csv_import_dialog_new (self->store, import,
                                        koers_period_switcher_get_period (self->period_switcher));
  koers_form_present (GTK_WINDOW (dialog), GTK_WIDGET (self));
}

/* import-data (a Koers JSON file) and import-csv (a spreadsheet). */
static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  KoersWindow *self = KOERS_WINDOW (user_data);

  if (g_str_equal (g_action_get_name (G_ACTION (action)), "import-csv"))
    open_import_chooser (self, _ ("Import Spreadsheet"), _ ("Spreadsheet (CSV)"),
                         "text/csv", "csv", G_CALLBACK (csv_chooser_response_cb));
  else
    open_import_chooser (self, _ ("Import Data"), _ ("Koers data (JSON)"),
                         "application/json", "json", G_CALLBACK (import_chooser_response_cb));
}

/* The review of the selected department, or of every department when the
 * company is selected. */
static void
quarterly_review_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  KoersWindow *self = KOERS_WINDOW (user_data);
  gint64       department_id = 0;
  GtkWidget   *dialog;

  if (self->department != NULL && !koers_department_get_is_company (self->department))
    department_id = koers_department_get_id (self->department);

  dialog = koers_review_dialog_new (self->store, koers_period_switcher_get_period (self->period_switcher), department_id);
  koers_form_present (GTK_WINDOW (dialog), GTK_WIDGET (self));
}

static const GActionEntry data_entries[] = {
  { .name = "export-data", .activate = export_action },
  { .name = "export-csv", .activate = export_action },
  { .name = "import-data", .activate = import_action },
  { .name = "import-csv", .activate = import_action },
  { .name = "quarterly-review", .activate = quarterly_review_action },
};

void
koers_window_init_data (KoersWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), data_entries,
                                   G_N_ELEMENTS (data_entries), self);
}

void
koers_window_dispose_data (KoersWindow *self)
{
  if (self->importing != NULL)
    g_cancellable_cancel (self->importing);
  g_clear_object (&self->importing);
  if (self->import_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->import_chooser));
  g_clear_object (&self->import_chooser);
}
