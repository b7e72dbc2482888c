/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-date.h"
#include "core/koers-property.h"
#include "io/html/koers-html.h"
#include "io/report/koers-report.h"
#include "koers-report-dialog.h"
#include "koers-report-print.h"
#include "widgets/koers-a11y.h"
#include "widgets/koers-chooser.h"
#include "widgets/koers-form-util.h"
#include "widgets/koers-template.h"
#include "widgets/koers-toasts.h"

/* The rows of the language combo, in the order of the .ui file. */
static const KoersLanguage languages[] = { KOERS_LANGUAGE_NL, KOERS_LANGUAGE_EN };

enum
{
  SCOPE_WHOLE_COMPANY,
  SCOPE_CHOSEN,
};

struct _KoersReportDialog
{
  AdwWindow parent_instance;

  GtkWindow            *window; /* weak: the toast goes there */
  KoersStore           *store;
  GArray               *periods; /* KoersPeriod, as the period row lists them */
  GtkStringList        *period_labels;
  KoersDepartmentChecks departments;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable; /* set while a report is written */
  GFile                *target;
  gboolean              closed;
  gboolean              print_mode; /* Print…: the button prints */
  gboolean              dashboard;  /* the HTML dashboard, not the PDF */

  AdwWindowTitle      *window_title;
  GtkWidget           *cancel_button;
  GtkWidget           *export_button;
  GtkStack            *stack;
  AdwComboRow         *period_row;
  AdwComboRow         *scope_row;
  AdwPreferencesGroup *departments_group;
  AdwComboRow         *language_row;
  GtkSwitch           *notes_switch;
  GtkProgressBar      *progress_bar;
};

G_DEFINE_FINAL_TYPE (KoersReportDialog, koers_report_dialog, ADW_TYPE_WINDOW)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersReportDialog, window_title),
  KOERS_TEMPLATE_CHILD (KoersReportDialog, cancel_button),
  KOERS_TEMPLATE_CHILD (KoersReportDialog, export_button),
  KOERS_TEMPLATE_CHILD (KoersReportDialog, stack),
  KOERS_TEMPLATE_CHILD (KoersReportDialog, period_row),
  KOERS_TEMPLATE_CHILD (KoersReportDialog, scope_row),
  KOERS_TEMPLATE_CHILD (KoersReportDialog, departments_group),
  KOERS_TEMPLATE_CHILD (KoersReportDialog, language_row),
  KOERS_TEMPLATE_CHILD (KoersReportDialog, notes_switch),
  KOERS_TEMPLATE_CHILD (KoersReportDialog, progress_bar),
};

/* The folder the last report went to, proposed for the next one. */
static GFile *last_folder;

static void
update_sensitivity (KoersReportDialog *self)
{
  gboolean busy = self->cancellable != NULL;
  gboolean scope_ok = koers_report_dialog_get_whole_company (self) || koers_form_any_check_active (self->departments.checks);

  gtk_widget_set_sensitive (self->export_button, !busy && scope_ok);
}

static void
scope_changed_cb (KoersReportDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->departments_group),
                          !koers_report_dialog_get_whole_company (self));
  update_sensitivity (self);
}

static void
add_period (KoersReportDialog *self,
            const KoersPeriod *period)
{
  g_autofree char *label = NULL;

  if (period->kind == KOERS_PERIOD_KIND_YEAR)
    /* Translators: %d is a year, a choice in the report's period list. */
    label = g_strdup_printf (_ ("%d (whole year)"), period->year);
  else
    label = koers_format_period (koers_format_get_language (), period);

  g_array_append_val (self->periods, *period);
  gtk_string_list_append (self->period_labels, label);
}

/* The years around year, each as a whole and by quarter. */
static void
fill_periods (KoersReportDialog *self,
              int                year)
{
  for (int y = year - 1; y <= year + 1; y++)
    {
      KoersPeriod period;

      koers_period_init_year (&period, y);
      add_period (self, &period);
      for (int quarter = 1; quarter <= 4; quarter++)
        {
          koers_period_init_quarter (&period, y, quarter);
          add_period (self, &period);
        }
    }
}

static void
set_busy (KoersReportDialog *self,
          gboolean           busy)
{
  if (!busy)
    g_clear_object (&self->cancellable);

  gtk_stack_set_visible_child_name (self->stack, busy ? "progress" : "options");
  update_sensitivity (self);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  KoersReportDialog *self = KOERS_REPORT_DIALOG (user_data);

  if (!self->closed)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
show_written_toast (KoersReportDialog *self)
{
  g_autofree char *path = g_file_get_path (self->target);
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *title = NULL;

  if (self->window == NULL)
    return;

  if (self->dashboard)
    /* Translators: %s is a file name. */
    title = g_strdup_printf (_ ("Dashboard written to %s"), escaped);
  else
    /* Translators: %s is a file name. */
    title = g_strdup_printf (_ ("Report written to %s"), escaped);
  koers_toasts_offer_open (self->window, title, self->target);
}

static void
show_error_dialog (KoersReportDialog *self,
                   const GError      *error)
{
  koers_chooser_show_error (GTK_WINDOW (self),
                            self->dashboard ? _ ("Could Not Export the Dashboard")
                                            : _ ("Could Not Export the Report"),
                            error);
}

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (KoersReportDialog) self = KOERS_REPORT_DIALOG (user_data);
  g_autoptr (GError) error = NULL;
  gboolean written;

  written = koers_report_write_pdf_finish (KOERS_STORE (source), result, &error);
  g_clear_object (&self->cancellable);

  if (written)
    {
      g_clear_object (&last_folder);
      last_folder = g_file_get_parent (self->target);
      show_written_toast (self);
    }

  if (self->closed)
    return;

  if (written)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  set_busy (self, FALSE);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error_dialog (self, error);
}

/* The page takes a fraction of a second even for a large company: written
 * at once, on the store's thread. */
static void
export_dashboard (KoersReportDialog        *self,
                  const KoersReportOptions *opts,
                  const char               *path)
{
  g_autoptr (GError) error = NULL;

  if (!koers_html_write (self->store, opts, path, &error))
    {
      show_error_dialog (self, error);
      return;
    }

  g_clear_object (&last_folder);
  last_folder = g_file_get_parent (self->target);
  show_written_toast (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
file_chosen_cb (gpointer owner,
                GFile   *file)
{
  koers_report_dialog_export_to (KOERS_REPORT_DIALOG (owner), file);
}

static void
export_clicked_cb (KoersReportDialog *self)
{
  g_autofree char      *name = koers_report_dialog_get_suggested_name (self);
  GtkFileChooserNative *chooser;

  if (self->cancellable != NULL)
    return;

  if (self->print_mode)
    {
      koers_report_dialog_print (self);
      return;
    }

  if (self->dashboard)
    chooser = koers_form_new_save_chooser (GTK_WINDOW (self), _ ("Export Dashboard"),
                                           _ ("Web pages"), "text/html", "html",
                                           last_folder, name);
  else
    chooser = koers_form_new_save_chooser (GTK_WINDOW (self), _ ("Export Report"),
                                           _ ("PDF documents"), "application/pdf", "pdf",
                                           last_folder, name);

  koers_chooser_show (&self->chooser, chooser, file_chosen_cb, self);
}

static void
cancel_clicked_cb (KoersReportDialog *self)
{
  /* While writing, Cancel stops the report and the options come back;
   * otherwise it closes the window. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* The window goes: a report being written stops, and its progress and
 * end no longer touch the window. */
static void
mark_closed (KoersReportDialog *self)
{
  self->closed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static gboolean
koers_report_dialog_close_request (GtkWindow *window)
{
  mark_closed (KOERS_REPORT_DIALOG (window));

  return GTK_WINDOW_CLASS (koers_report_dialog_parent_class)->close_request (window);
}

static void
koers_report_dialog_dispose (GObject *object)
{
  KoersReportDialog *self = KOERS_REPORT_DIALOG (object);

  mark_closed (self);
  koers_chooser_clear (&self->chooser);
  g_clear_weak_pointer (&self->window);

  gtk_widget_dispose_template (GTK_WIDGET (self), KOERS_TYPE_REPORT_DIALOG);

  G_OBJECT_CLASS (koers_report_dialog_parent_class)->dispose (object);
}

static void
koers_report_dialog_finalize (GObject *object)
{
  KoersReportDialog *self = KOERS_REPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->target);
  g_clear_object (&self->period_labels);
  g_clear_pointer (&self->periods, g_array_unref);
  koers_department_checks_clear (&self->departments);

  G_OBJECT_CLASS (koers_report_dialog_parent_class)->finalize (object);
}

static const KoersTemplateCallback template_callbacks[] = {
  KOERS_TEMPLATE_CALLBACK (cancel_clicked_cb),
  KOERS_TEMPLATE_CALLBACK (export_clicked_cb),
  KOERS_TEMPLATE_CALLBACK (scope_changed_cb),
};

static void
koers_report_dialog_class_init (KoersReportDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = koers_report_dialog_dispose;
  object_class->finalize = koers_report_dialog_finalize;
  window_class->close_request = koers_report_dialog_close_request;

  /* Escape as Cancel: closing also stops a report being written. */
  koers_template_init_class (widget_class, "data/koers-report-dialog.ui", KOERS_TEMPLATE_DIALOG | KOERS_TEMPLATE_ESCAPE_CLOSES,
                             KOERS_TEMPLATE_TABLE (template_children), KOERS_TEMPLATE_TABLE (template_callbacks));
}

static void
koers_report_dialog_init (KoersReportDialog *self)
{
  koers_a11y_init_role (GTK_WIDGET (self));
  self->periods = g_array_new (FALSE, FALSE, sizeof (KoersPeriod));
  self->period_labels = gtk_string_list_new (NULL);
  koers_department_checks_init (&self->departments);

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_model (self->period_row, G_LIST_MODEL (self->period_labels));
  koers_report_dialog_set_language (self, koers_format_get_language ());
}

GtkWidget *
koers_report_dialog_new (GtkWindow         *window,
                         KoersStore        *store,
                         const KoersPeriod *period,
                         KoersDepartment   *department)
{
  KoersReportDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  self = g_object_new (KOERS_TYPE_REPORT_DIALOG,
                       "transient-for", window,
                       NULL);
  g_set_weak_pointer (&self->window, window);
  self->store = g_object_ref (store);

  fill_periods (self, period->year > 0 ? period->year : g_date_get_year (&period->start));
  koers_report_dialog_set_period (self, period);
  koers_department_checks_fill (&self->departments, self->departments_group, self->store, department,
                                G_CALLBACK (update_sensitivity), self);
  update_sensitivity (self);

  return GTK_WIDGET (self);
}

void
koers_report_dialog_get_period (KoersReportDialog *self,
                                KoersPeriod       *out)
{
  guint selected;

  g_return_if_fail (KOERS_IS_REPORT_DIALOG (self));
  g_return_if_fail (out != NULL);

  selected = adw_combo_row_get_selected (self->period_row);
  if (selected < self->periods->len)
    {
      *out = g_array_index (self->periods, KoersPeriod, selected);
    }
  else
    {
      GDate today;

      koers_date_today (&today);
      koers_period_init_for_date (out, &today);
    }
}

void
koers_report_dialog_set_period (KoersReportDialog *self,
                                const KoersPeriod *period)
{
  guint i;

  g_return_if_fail (KOERS_IS_REPORT_DIALOG (self));
  g_return_if_fail (period != NULL);

  for (i = 0; i < self->periods->len; i++)
    if (koers_period_equal (&g_array_index (self->periods, KoersPeriod, i), period))
      break;

  /* A custom range, or a year far away: it joins the list. */
  if (i == self->periods->len)
    add_period (self, period);

  adw_combo_row_set_selected (self->period_row, i);
}

KoersLanguage
koers_report_dialog_get_language (KoersReportDialog *self)
{
  guint selected;

  g_return_val_if_fail (KOERS_IS_REPORT_DIALOG (self), KOERS_LANGUAGE_EN);

  selected = adw_combo_row_get_selected (self->language_row);
  return selected < G_N_ELEMENTS (languages) ? languages[selected] : koers_format_get_language ();
}

void
koers_report_dialog_set_language (KoersReportDialog *self,
                                  KoersLanguage      language)
{
  g_return_if_fail (KOERS_IS_REPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (languages[i] == language)
      adw_combo_row_set_selected (self->language_row, i);
}

gboolean
koers_report_dialog_get_whole_company (KoersReportDialog *self)
{
  g_return_val_if_fail (KOERS_IS_REPORT_DIALOG (self), TRUE);

  return adw_combo_row_get_selected (self->scope_row) != SCOPE_CHOSEN;
}

void
koers_report_dialog_set_department_chosen (KoersReportDialog *self,
                                           KoersDepartment   *department,
                                           gboolean           chosen)
{
  g_return_if_fail (KOERS_IS_REPORT_DIALOG (self));
  g_return_if_fail (KOERS_IS_DEPARTMENT (department));

  koers_department_checks_set_chosen (&self->departments, department, chosen);

  if (chosen)
    adw_combo_row_set_selected (self->scope_row, SCOPE_CHOSEN);
}

GArray *
koers_report_dialog_get_department_ids (KoersReportDialog *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) chosen = NULL;

  g_return_val_if_fail (KOERS_IS_REPORT_DIALOG (self), ids);

  if (koers_report_dialog_get_whole_company (self))
    return ids;

  chosen = koers_department_checks_list_chosen (&self->departments);
  for (guint i = 0; i < chosen->len; i++)
    {
      gint64 id = koers_department_get_id (g_ptr_array_index (chosen, i));

      g_array_append_val (ids, id);
    }
  return ids;
}

char *
koers_report_dialog_get_suggested_name (KoersReportDialog *self)
{
  /* In the report's language, which need not be the interface's: not
   * through gettext, like the report's own words. */
  static const char *const stems[] = {
    [KOERS_LANGUAGE_EN] = "OKR report",
    [KOERS_LANGUAGE_NL] = "OKR-rapport",
  };
  static const char *const dashboard_stems[] = {
    [KOERS_LANGUAGE_EN] = "OKR dashboard",
    [KOERS_LANGUAGE_NL] = "OKR-dashboard",
  };
  KoersLanguage    lang;
  KoersPeriod      period;
  g_autofree char *key = NULL;

  g_return_val_if_fail (KOERS_IS_REPORT_DIALOG (self), NULL);

  koers_report_dialog_get_period (self, &period);
  key = koers_period_to_string (&period);
  /* A range's key holds a slash, which a file name cannot. */
  g_strdelimit (key, "/", '_');

  lang = koers_report_dialog_get_language (self);
  if (self->dashboard)
    return g_strdup_printf ("%s %s.html", dashboard_stems[lang], key);
  return g_strdup_printf ("%s %s.pdf", stems[lang], key);
}

gboolean
koers_report_dialog_get_busy (KoersReportDialog *self)
{
  g_return_val_if_fail (KOERS_IS_REPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

/* The report's options as the dialog shows them; the department ids the
 * options point into (free them after the options' last use). */
static GArray *
get_options (KoersReportDialog  *self,
             KoersReportOptions *opts)
{
  KoersPeriod period;
  GArray     *ids;

  koers_report_dialog_get_period (self, &period);
  koers_report_options_init (opts, &period);
  opts->language = koers_report_dialog_get_language (self);
  opts->include_notes = gtk_switch_get_active (self->notes_switch);
  ids = koers_report_dialog_get_department_ids (self);
  opts->department_ids = (const gint64 *) (gpointer) ids->data;
  opts->n_department_ids = ids->len;

  return ids;
}

void
koers_report_dialog_set_print_mode (KoersReportDialog *self,
                                    gboolean           print_mode)
{
  g_return_if_fail (KOERS_IS_REPORT_DIALOG (self));

  self->print_mode = print_mode;
  gtk_window_set_title (GTK_WINDOW (self), print_mode ? _ ("Print Report") : _ ("Export Report"));
  adw_window_title_set_title (self->window_title, print_mode ? _ ("Print Report") : _ ("Export Report"));
  gtk_button_set_label (GTK_BUTTON (self->export_button), print_mode ? _ ("_Print…") : _ ("_Export…"));
}

KOERS_DEFINE_GETTER (KoersReportDialog, koers_report_dialog, KOERS_IS_REPORT_DIALOG, gboolean, print_mode, FALSE)

void
koers_report_dialog_print (KoersReportDialog *self)
{
  KoersReportOptions opts;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (KoersStore) store = NULL;
  g_autoptr (GtkWindow) parent = NULL;

  g_return_if_fail (KOERS_IS_REPORT_DIALOG (self));

  ids = get_options (self, &opts);
  store = g_object_ref (self->store);
  if (self->window != NULL)
    parent = g_object_ref (self->window);
  /* The print dialog takes over from this one, over the main window. */
  gtk_window_close (GTK_WINDOW (self));
  koers_report_print (parent, store, &opts);
}

void
koers_report_dialog_export_to (KoersReportDialog *self,
                               GFile             *file)
{
  KoersReportOptions opts;
  g_autoptr (GArray) ids = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (KOERS_IS_REPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->cancellable != NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autoptr (GError) error = NULL;

      error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                   _ ("Koers can only write the report to a folder on this computer."));

      show_error_dialog (self, error);
      return;
    }

  ids = get_options (self, &opts);

  g_set_object (&self->target, file);
  if (self->dashboard)
    {
      export_dashboard (self, &opts, path);
      return;
    }
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  set_busy (self, TRUE);

  /* The model is read now (a snapshot); the ids need not outlive the call. */
  koers_report_write_pdf_async (self->store, &opts, path,
                                progress_cb, g_object_ref (self), g_object_unref,
                                self->cancellable, write_done_cb, g_object_ref (self));
}

GtkWidget *
koers_report_dialog_new_dashboard (GtkWindow         *window,
                                   KoersStore        *store,
                                   const KoersPeriod *period,
                                   KoersDepartment   *department)
{
  GtkWidget         *widget = koers_report_dialog_new (window, store, period, department);
  KoersReportDialog *self = KOERS_REPORT_DIALOG (widget);

  self->dashboard = TRUE;
  gtk_window_set_title (GTK_WINDOW (self), _ ("Export Dashboard"));
  adw_window_title_set_title (self->window_title, _ ("Export Dashboard"));

  return widget;
}
