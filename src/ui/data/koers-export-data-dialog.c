/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-date.h"
#include "core/koers-format.h"
#include "core/koers-property.h"
#include "io/koers-csv.h"
#include "io/koers-json.h"
#include "koers-export-data-dialog.h"
#include "widgets/koers-a11y.h"
#include "widgets/koers-chooser.h"
#include "widgets/koers-form-util.h"
#include "widgets/koers-template.h"
#include "widgets/koers-toasts.h"

/* The rows of the period and scope combos. */
enum
{
  PERIOD_ALL,
  PERIOD_WINDOW,
};

enum
{
  SCOPE_ALL,
  SCOPE_CHOSEN,
};

struct _KoersExportDataDialog
{
  AdwWindow parent_instance;

  GtkWindow            *window; /* weak: the toast goes there */
  KoersStore           *store;
  KoersExportDataFormat format;
  KoersPeriod           period; /* the window's */
  KoersDepartmentChecks departments;
  GtkFileChooserNative *chooser;

  AdwWindowTitle      *window_title;
  GtkWidget           *export_button;
  AdwPreferencesGroup *options_group;
  AdwComboRow         *period_row;
  AdwComboRow         *scope_row;
  AdwPreferencesGroup *departments_group;
};

G_DEFINE_FINAL_TYPE (KoersExportDataDialog, koers_export_data_dialog, ADW_TYPE_WINDOW)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersExportDataDialog, window_title),
  KOERS_TEMPLATE_CHILD (KoersExportDataDialog, export_button),
  KOERS_TEMPLATE_CHILD (KoersExportDataDialog, options_group),
  KOERS_TEMPLATE_CHILD (KoersExportDataDialog, period_row),
  KOERS_TEMPLATE_CHILD (KoersExportDataDialog, scope_row),
  KOERS_TEMPLATE_CHILD (KoersExportDataDialog, departments_group),
};

/* The folder the last export went to, proposed for the next one. */
static GFile *last_folder;

static void
options_changed_cb (KoersExportDataDialog *self)
{
  gtk_widget_set_sensitive (self->export_button,
                            koers_export_data_dialog_get_all_departments (self) || koers_form_any_check_active (self->departments.checks));
}

static void
scope_changed_cb (KoersExportDataDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->departments_group),
                          !koers_export_data_dialog_get_all_departments (self));
  options_changed_cb (self);
}

static void
setup_format (KoersExportDataDialog *self)
{
  g_autofree char *period_label = koers_format_period (koers_format_get_language (), &self->period);
  const char      *items[] = { _ ("All periods"), period_label, NULL };
  g_autoptr (GtkStringList) periods = gtk_string_list_new (items);
  const char *title;

  if (self->format == KOERS_EXPORT_DATA_FORMAT_CSV)
    {
      title = _ ("Export CSV");
      adw_preferences_group_set_description (self->options_group,
                                             _ ("One row per key result, in the columns of the "
                                                "report template, for a spreadsheet."));
    }
  else
    {
      title = _ ("Export Data");
      adw_preferences_group_set_description (self->options_group,
                                             _ ("A Koers file with objectives, key results, check-ins "
                                                "and reviews, to keep as a backup or to import or "
                                                "merge into another Koers database."));
    }

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_combo_row_set_model (self->period_row, G_LIST_MODEL (periods));
  /* A backup takes everything; a spreadsheet is read per quarter. */
  adw_combo_row_set_selected (self->period_row,
                              self->format == KOERS_EXPORT_DATA_FORMAT_CSV ? PERIOD_WINDOW : PERIOD_ALL);
}

/* Writing. */

static void
show_written_toast (KoersExportDataDialog *self,
                    GFile                 *file)
{
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;

  if (self->window == NULL)
    return;

  name = g_file_get_basename (file);
  escaped = g_markup_escape_text (name, -1);
  if (self->format == KOERS_EXPORT_DATA_FORMAT_CSV)
    /* Translators: %s is a file name. */
    title = g_strdup_printf (_ ("CSV written to %s"), escaped);
  else
    /* Translators: %s is a file name. */
    title = g_strdup_printf (_ ("Data exported to %s"), escaped);

  /* A spreadsheet is worth opening; the JSON file is for Koers. */
  if (self->format == KOERS_EXPORT_DATA_FORMAT_CSV)
    koers_toasts_offer_open (self->window, title, file);
  else
    koers_toasts_add (GTK_WIDGET (self->window), adw_toast_new (title));
}

static void
file_chosen_cb (gpointer owner,
                GFile   *file)
{
  koers_export_data_dialog_export_to (KOERS_EXPORT_DATA_DIALOG (owner), file);
}

static void
export_clicked_cb (KoersExportDataDialog *self)
{
  g_autofree char      *name = koers_export_data_dialog_get_suggested_name (self);
  gboolean              csv = self->format == KOERS_EXPORT_DATA_FORMAT_CSV;
  GtkFileChooserNative *chooser;

  if (csv)
    chooser = koers_form_new_save_chooser (GTK_WINDOW (self), _ ("Export CSV"),
                                           _ ("CSV files"), "text/csv", "csv",
                                           last_folder, name);
  else
    chooser = koers_form_new_save_chooser (GTK_WINDOW (self), _ ("Export Data"),
                                           _ ("Koers data (JSON)"), "application/json",
                                           "json", last_folder, name);

  koers_chooser_show (&self->chooser, chooser, file_chosen_cb, self);
}

static void
koers_export_data_dialog_dispose (GObject *object)
{
  KoersExportDataDialog *self = KOERS_EXPORT_DATA_DIALOG (object);

  koers_chooser_clear (&self->chooser);
  g_clear_weak_pointer (&self->window);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOERS_TYPE_EXPORT_DATA_DIALOG);

  G_OBJECT_CLASS (koers_export_data_dialog_parent_class)->dispose (object);
}

static void
koers_export_data_dialog_finalize (GObject *object)
{
  KoersExportDataDialog *self = KOERS_EXPORT_DATA_DIALOG (object);

  g_clear_object (&self->store);
  koers_department_checks_clear (&self->departments);

  G_OBJECT_CLASS (koers_export_data_dialog_parent_class)->finalize (object);
}

static const KoersTemplateCallback template_callbacks[] = {
  KOERS_TEMPLATE_CALLBACK (export_clicked_cb),
  KOERS_TEMPLATE_CALLBACK (options_changed_cb),
  KOERS_TEMPLATE_CALLBACK (scope_changed_cb),
};

static void
koers_export_data_dialog_class_init (KoersExportDataDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koers_export_data_dialog_dispose;
  object_class->finalize = koers_export_data_dialog_finalize;

  koers_template_init_class (widget_class, "data/koers-export-data-dialog.ui", KOERS_TEMPLATE_DIALOG | KOERS_TEMPLATE_ESCAPE_CLOSES,
                             KOERS_TEMPLATE_TABLE (template_children), KOERS_TEMPLATE_TABLE (template_callbacks));
}

static void
koers_export_data_dialog_init (KoersExportDataDialog *self)
{
  koers_a11y_init_role (GTK_WIDGET (self));
  koers_department_checks_init (&self->departments);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
koers_export_data_dialog_new (GtkWindow            *window,
                              KoersStore           *store,
                              const KoersPeriod    *period,
                              KoersDepartment      *department,
                              KoersExportDataFormat format)
{
  KoersExportDataDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  self = g_object_new (KOERS_TYPE_EXPORT_DATA_DIALOG,
                       "transient-for", window,
                       NULL);
  g_set_weak_pointer (&self->window, window);
  self->store = g_object_ref (store);
  self->format = format;
  self->period = *period;

  setup_format (self);
  /* The department on screen is ticked, ready for "Chosen departments";
   * the export takes all of them until that is chosen. */
  koers_department_checks_fill (&self->departments, self->departments_group, self->store,
                                department != NULL && !koers_department_get_is_company (department) ? department : NULL,
                                G_CALLBACK (options_changed_cb), self);

  options_changed_cb (self);

  return GTK_WIDGET (self);
}

KOERS_DEFINE_GETTER (KoersExportDataDialog, koers_export_data_dialog, KOERS_IS_EXPORT_DATA_DIALOG, KoersExportDataFormat, format, KOERS_EXPORT_DATA_FORMAT_JSON)

gboolean
koers_export_data_dialog_get_all_periods (KoersExportDataDialog *self)
{
  g_return_val_if_fail (KOERS_IS_EXPORT_DATA_DIALOG (self), TRUE);

  return adw_combo_row_get_selected (self->period_row) != PERIOD_WINDOW;
}

void
koers_export_data_dialog_set_all_periods (KoersExportDataDialog *self,
                                          gboolean               all_periods)
{
  g_return_if_fail (KOERS_IS_EXPORT_DATA_DIALOG (self));

  adw_combo_row_set_selected (self->period_row, all_periods ? PERIOD_ALL : PERIOD_WINDOW);
}

gboolean
koers_export_data_dialog_get_all_departments (KoersExportDataDialog *self)
{
  g_return_val_if_fail (KOERS_IS_EXPORT_DATA_DIALOG (self), TRUE);

  return adw_combo_row_get_selected (self->scope_row) != SCOPE_CHOSEN;
}

void
koers_export_data_dialog_set_department_chosen (KoersExportDataDialog *self,
                                                KoersDepartment       *department,
                                                gboolean               chosen)
{
  g_return_if_fail (KOERS_IS_EXPORT_DATA_DIALOG (self));
  g_return_if_fail (KOERS_IS_DEPARTMENT (department));

  koers_department_checks_set_chosen (&self->departments, department, chosen);

  if (chosen)
    adw_combo_row_set_selected (self->scope_row, SCOPE_CHOSEN);
}

char *
koers_export_data_dialog_get_suggested_name (KoersExportDataDialog *self)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (KOERS_IS_EXPORT_DATA_DIALOG (self), NULL);

  if (koers_export_data_dialog_get_all_periods (self))
    {
      /* A backup is named by its day. */
      GDate today;

      koers_date_today (&today);
      key = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&today),
                             g_date_get_month (&today), g_date_get_day (&today));
    }
  else
    {
      key = koers_period_to_string (&self->period);
      /* A range's key holds a slash, which a file name cannot. */
      g_strdelimit (key, "/", '_');
    }

  if (self->format == KOERS_EXPORT_DATA_FORMAT_CSV)
    /* The CSV is in the interface's language, and so is its name. */
    return g_strdup_printf ("%s %s.csv",
                            koers_format_get_language () == KOERS_LANGUAGE_NL ? "OKR-rapport" : "OKR report",
                            key);

  return g_strdup_printf ("koers-export-%s.json", key);
}

gboolean
koers_export_data_dialog_export_to (KoersExportDataDialog *self,
                                    GFile                 *file)
{
  g_autofree char *path = NULL;
  g_autofree char *period_key = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  const char       *periods[2] = { NULL, NULL };
  KoersExportFilter filter = { NULL, NULL };
  g_autoptr (GError) error = NULL;
  gboolean written;

  g_return_val_if_fail (KOERS_IS_EXPORT_DATA_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                   _ ("Koers can only export to a folder on this computer."));
      koers_chooser_show_error (GTK_WINDOW (self), _ ("Could Not Export"), error);
      return FALSE;
    }

  if (!koers_export_data_dialog_get_all_periods (self))
    {
      period_key = koers_period_to_string (&self->period);
      periods[0] = period_key;
      filter.periods = periods;
    }
  if (!koers_export_data_dialog_get_all_departments (self))
    {
      g_autoptr (GPtrArray) chosen = koers_department_checks_list_chosen (&self->departments);

      for (guint i = 0; i < chosen->len; i++)
        g_ptr_array_add (names, (gpointer) koers_department_get_name (g_ptr_array_index (chosen, i)));
      /* An empty list would take everything. */
      if (names->len == 0)
        {
          error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                       _ ("Choose at least one department to export."));
          koers_chooser_show_error (GTK_WINDOW (self), _ ("Could Not Export"), error);
          return FALSE;
        }
      g_ptr_array_add (names, NULL);
      filter.departments = (const char *const *) names->pdata;
    }

  if (self->format == KOERS_EXPORT_DATA_FORMAT_CSV)
    written = koers_csv_export (self->store, &filter, koers_format_get_language (), path, &error);
  else
    written = koers_json_export (self->store, &filter, path, &error);

  if (!written)
    {
      koers_chooser_show_error (GTK_WINDOW (self), _ ("Could Not Export"), error);
      return FALSE;
    }

  g_clear_object (&last_folder);
  last_folder = g_file_get_parent (file);
  show_written_toast (self, file);
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}
