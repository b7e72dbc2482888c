/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-property.h"
#include "koers-csv-import-dialog.h"
#include "widgets/koers-a11y.h"
#include "widgets/koers-form-util.h"
#include "widgets/koers-template.h"
#include "widgets/koers-toasts.h"

struct _KoersCsvImportDialog
{
  AdwWindow parent_instance;

  KoersStore     *store;
  KoersCsvImport *import;
  KoersPeriod     period;
  GPtrArray      *column_rows;  /* AdwComboRow, one per column */
  GPtrArray      *preview_rows; /* AdwActionRow, replaced on every plan */
  gboolean        setting;      /* the rows are being set from the import */

  AdwWindowTitle      *window_title;
  GtkWidget           *import_button;
  AdwPreferencesGroup *columns_group;
  AdwPreferencesGroup *preview_group;
  GtkSwitch           *departments_switch;
  GtkSwitch           *dutch_switch;
};

G_DEFINE_FINAL_TYPE (KoersCsvImportDialog, koers_csv_import_dialog, ADW_TYPE_WINDOW)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersCsvImportDialog, window_title),
  KOERS_TEMPLATE_CHILD (KoersCsvImportDialog, import_button),
  KOERS_TEMPLATE_CHILD (KoersCsvImportDialog, columns_group),
  KOERS_TEMPLATE_CHILD (KoersCsvImportDialog, preview_group),
  KOERS_TEMPLATE_CHILD (KoersCsvImportDialog, departments_switch),
  KOERS_TEMPLATE_CHILD (KoersCsvImportDialog, dutch_switch),
};

static void
add_preview_row (KoersCsvImportDialog *self,
                 const char           *text,
                 const char           *style)
{
  GtkWidget *row = adw_action_row_new ();

  /* The file's text, never markup. */
  koers_form_set_plain_title (row, text);
  if (style != NULL)
    gtk_widget_add_css_class (row, style);
  adw_preferences_group_add (self->preview_group, row);
  g_ptr_array_add (self->preview_rows, row);
}

/* Plans again with what the dialog says, and shows the plan. */
static void
update_preview (KoersCsvImportDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;
  GPtrArray       *preview;
  guint            problems;

  for (guint i = 0; i < self->preview_rows->len; i++)
    adw_preferences_group_remove (self->preview_group, g_ptr_array_index (self->preview_rows, i));
  g_ptr_array_set_size (self->preview_rows, 0);

  koers_csv_import_set_create_departments (self->import,
                                           gtk_switch_get_active (self->departments_switch));
  koers_csv_import_set_language (self->import, gtk_switch_get_active (self->dutch_switch)
                                                 ? KOERS_LANGUAGE_NL
                                                 : KOERS_LANGUAGE_EN);

  if (!koers_csv_import_plan (self->import, self->store, &self->period, NULL, &error))
    {
      add_preview_row (self, error->message, "error");
      gtk_widget_set_sensitive (self->import_button, FALSE);
      return;
    }

  problems = koers_csv_import_get_n_problems (self->import);
  if (problems == 0)
    {
      summary = koers_csv_import_describe (self->import);
      add_preview_row (self, summary, "heading");
    }
  else
    {
      /* Translators: %u is a number of problems in the file. */
      summary = g_strdup_printf (ngettext ("%u problem: correct the file or the columns",
                                           "%u problems: correct the file or the columns",
                                           problems),
                                 problems);
      add_preview_row (self, summary, "error");
    }

  preview = koers_csv_import_get_preview (self->import);
  for (guint i = 0; i < preview->len; i++)
    {
      KoersCsvPreviewLine *line = g_ptr_array_index (preview, i);

      add_preview_row (self, line->text,
                       line->kind == KOERS_CSV_PREVIEW_PROBLEM ? "error"
                       : line->kind == KOERS_CSV_PREVIEW_NOTE  ? "dim-label"
                                                               : NULL);
    }

  gtk_widget_set_sensitive (self->import_button, problems == 0);
}

static void
option_changed_cb (KoersCsvImportDialog *self)
{
  if (self->import != NULL)
    update_preview (self);
}

static void
column_selected_cb (AdwComboRow          *row,
                    GParamSpec           *pspec,
                    KoersCsvImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));

  if (self->setting)
    return;

  koers_csv_import_set_field (self->import, column, adw_combo_row_get_selected (row));
  /* A meaning moves: the column that had it shows "Not imported". */
  self->setting = TRUE;
  for (guint i = 0; i < self->column_rows->len; i++)
    adw_combo_row_set_selected (g_ptr_array_index (self->column_rows, i),
                                koers_csv_import_get_field (self->import, i));
  self->setting = FALSE;
  update_preview (self);
}

static void
add_column_rows (KoersCsvImportDialog *self)
{
  g_autoptr (GtkStringList) fields = gtk_string_list_new (NULL);

  for (KoersCsvField field = KOERS_CSV_FIELD_NONE; field < KOERS_CSV_N_FIELDS; field++)
    gtk_string_list_append (fields, koers_csv_field_get_label (field));

  for (guint i = 0; i < koers_csv_import_get_n_columns (self->import); i++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      const char  *header = koers_csv_import_get_header (self->import, i);

      koers_form_set_plain_title (row, header);
      adw_combo_row_set_model (row, G_LIST_MODEL (fields));
      adw_combo_row_set_selected (row, koers_csv_import_get_field (self->import, i));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (column_selected_cb), self, 0);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }
}

static void
import_clicked_cb (KoersCsvImportDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = koers_csv_import_describe (self->import);
  GtkWindow       *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (!koers_csv_import_apply (self->import, self->store, &error))
    {
      /* Nothing was written: the dialog stays, with the reason. */
      add_preview_row (self, error->message, "error");
      gtk_widget_set_sensitive (self->import_button, FALSE);
      return;
    }

  /* A toast's title is markup; the summary may name a department. */
  if (parent != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (summary, -1);

      koers_toasts_add (GTK_WIDGET (parent), adw_toast_new (escaped));
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
koers_csv_import_dialog_dispose (GObject *object)
{
  KoersCsvImportDialog *self = KOERS_CSV_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->import, koers_csv_import_free);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->preview_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (koers_csv_import_dialog_parent_class)->dispose (object);
}

static const KoersTemplateCallback template_callbacks[] = {
  KOERS_TEMPLATE_CALLBACK (import_clicked_cb),
  KOERS_TEMPLATE_CALLBACK (option_changed_cb),
};

KOERS_DEFINE_TEMPLATE_CLASS_INIT (KoersCsvImportDialog, koers_csv_import_dialog, "data/koers-csv-import-dialog.ui", KOERS_TEMPLATE_DIALOG, KOERS_TEMPLATE_TABLE (template_callbacks))

static void
koers_csv_import_dialog_init (KoersCsvImportDialog *self)
{
  koers_a11y_init_role (GTK_WIDGET (self));
  self->column_rows = g_ptr_array_new ();
  self->preview_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
koers_csv_import_dialog_new (KoersStore        *store,
                             KoersCsvImport    *import,
                             const KoersPeriod *period)
{
  KoersCsvImportDialog *self;
  g_autofree char      *period_text = NULL;

  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (import != NULL, NULL);
  g_return_val_if_fail (period != NULL, NULL);

  self = g_object_new (KOERS_TYPE_CSV_IMPORT_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->period = *period;
  gtk_switch_set_active (self->dutch_switch,
                         koers_csv_import_get_language (import) == KOERS_LANGUAGE_NL);
  /* Set last: the switch above plans nothing without it. */
  self->import = import;

  period_text = koers_format_period (koers_format_get_language (), period);
  adw_window_title_set_subtitle (self->window_title, period_text);
  add_column_rows (self);
  update_preview (self);
  return GTK_WIDGET (self);
}

KOERS_DEFINE_GETTER (KoersCsvImportDialog, koers_csv_import_dialog, KOERS_IS_CSV_IMPORT_DIALOG, KoersCsvImport *, import, NULL)

void
koers_csv_import_dialog_set_field (KoersCsvImportDialog *self,
                                   guint                 column,
                                   KoersCsvField         field)
{
  g_return_if_fail (KOERS_IS_CSV_IMPORT_DIALOG (self));
  g_return_if_fail (column < self->column_rows->len);

  adw_combo_row_set_selected (g_ptr_array_index (self->column_rows, column), field);
}

guint
koers_csv_import_dialog_get_n_preview_rows (KoersCsvImportDialog *self)
{
  return self->preview_rows->len;
}

const char *
koers_csv_import_dialog_get_preview_row (KoersCsvImportDialog *self,
                                         guint                 i)
{
  g_return_val_if_fail (i < self->preview_rows->len, NULL);

  return adw_preferences_row_get_title (g_ptr_array_index (self->preview_rows, i));
}
