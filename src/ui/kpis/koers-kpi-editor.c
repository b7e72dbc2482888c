/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-format.h"
#include "core/koers-kpi-status.h"
#include "core/koers-parse.h"
#include "core/koers-property.h"
#include "core/koers-text.h"
#include "koers-kpi-editor.h"
#include "koers-kpi-style.h"
#include "koers-kpi-update-dialog.h"
#include "objectives/koers-editor-style.h"
#include "widgets/koers-a11y.h"
#include "widgets/koers-template.h"
#include "widgets/koers-widget-properties.h"
#include "widgets/koers-deleting.h"
#include "widgets/koers-editor-windows.h"
#include "widgets/koers-form-util.h"
#include "widgets/koers-toasts.h"

/* The kinds a KPI is measured in, in enum order (a milestone is not a
 * health metric). */
#define N_KPI_KINDS (KOERS_METRIC_KIND_CURRENCY + 1)

struct _KoersKpiEditor
{
  AdwWindow parent_instance;

  KoersStore *store;
  KoersKpi   *kpi;
  /* Set while the widgets are filled from the KPI, so that their change
   * signals do not write back. */
  gboolean updating;
  gboolean closed;
  char    *threshold_error;

  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  AdwEntryRow         *name_row;
  AdwComboRow         *metric_row;
  AdwEntryRow         *unit_row;
  AdwPreferencesGroup *health_group;
  AdwComboRow         *direction_row;
  AdwEntryRow         *healthy_row;
  GtkLabel            *healthy_unit_label;
  AdwEntryRow         *attention_row;
  GtkLabel            *attention_unit_label;
  GtkLabel            *threshold_error_label;
  AdwComboRow         *frequency_row;
  AdwActionRow        *moved_by_row;
  GtkWidget           *add_value_button;
  GtkListBox          *values_list;
  GtkWidget           *delete_button;
};

G_DEFINE_FINAL_TYPE (KoersKpiEditor, koers_kpi_editor, ADW_TYPE_WINDOW)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersKpiEditor, toast_overlay),
  KOERS_TEMPLATE_CHILD (KoersKpiEditor, window_title),
  KOERS_TEMPLATE_CHILD (KoersKpiEditor, name_row),
  KOERS_TEMPLATE_CHILD (KoersKpiEditor, metric_row),
  KOERS_TEMPLATE_CHILD (KoersKpiEditor, unit_row),
  KOERS_TEMPLATE_CHILD (KoersKpiEditor, health_group),
  KOERS_TEMPLATE_CHILD (KoersKpiEditor, direction_row),
  KOERS_TEMPLATE_CHILD (KoersKpiEditor, healthy_row),
  KOERS_TEMPLATE_CHILD (KoersKpiEditor, healthy_unit_label),
  KOERS_TEMPLATE_CHILD (KoersKpiEditor, attention_row),
  KOERS_TEMPLATE_CHILD (KoersKpiEditor, attention_unit_label),
  KOERS_TEMPLATE_CHILD (KoersKpiEditor, threshold_error_label),
  KOERS_TEMPLATE_CHILD (KoersKpiEditor, frequency_row),
  KOERS_TEMPLATE_CHILD (KoersKpiEditor, moved_by_row),
  KOERS_TEMPLATE_CHILD (KoersKpiEditor, add_value_button),
  KOERS_TEMPLATE_CHILD (KoersKpiEditor, values_list),
  KOERS_TEMPLATE_CHILD (KoersKpiEditor, delete_button),
};

KOERS_WIDGET_PROPERTY_TABLE (KoersKpiEditor, "kpi", kpi, koers_kpi_get_type);

static gboolean
save (KoersKpiEditor *self)
{
  g_autoptr (GError) error = NULL;

  if (koers_store_save_kpi (self->store, self->kpi, &error))
    return TRUE;

  koers_toasts_show_error (GTK_WIDGET (self->toast_overlay), error);
  return FALSE;
}

static void
set_entry_text (KoersKpiEditor *self,
                AdwEntryRow    *row,
                const char     *text)
{
  gboolean was_updating = self->updating;

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  self->updating = was_updating;
}

static char *
format_threshold (double value)
{
  /* Enough decimals that an unchanged field reads back the same value. */
  return koers_format_number (koers_format_get_language (), value, 6);
}

/* What the unit suffix of the threshold fields says. */
static void
update_units (KoersKpiEditor *self)
{
  const char *unit = koers_kpi_get_unit (self->kpi);

  switch (koers_kpi_get_metric_kind (self->kpi))
    {
    case KOERS_METRIC_KIND_PERCENTAGE:
      unit = "%";
      break;
    case KOERS_METRIC_KIND_CURRENCY:
      unit = "€";
      break;
    case KOERS_METRIC_KIND_NUMBER:
    case KOERS_METRIC_KIND_MILESTONE:
    default:
      break;
    }

  gtk_label_set_text (self->healthy_unit_label, unit != NULL ? unit : "");
  gtk_label_set_text (self->attention_unit_label, unit != NULL ? unit : "");
}

static GtkWidget *create_value_row_cb (gpointer item,
                                       gpointer user_data);

/* The thresholds in words, and the history, whose rows show each value
 * with its unit and the status it has under these thresholds. */
static void
update_description (KoersKpiEditor *self)
{
  g_autofree char *text = koers_kpi_style_describe_thresholds (self->kpi, TRUE);

  adw_preferences_group_set_description (self->health_group, text);
  gtk_list_box_bind_model (self->values_list, koers_kpi_get_values (self->kpi),
                           create_value_row_cb, self, NULL);
}

static void
update_moved_by (KoersKpiEditor *self)
{
  g_autofree char *titles = koers_kpi_style_dup_moved_by (self->store, self->kpi);

  adw_action_row_set_subtitle (self->moved_by_row,
                               titles != NULL ? titles
                                              : _ ("No key result yet: a key result’s editor links it to this KPI"));
}

static void
update_title (KoersKpiEditor *self)
{
  KoersDepartment *dept = koers_store_find_department (self->store,
                                                       koers_kpi_get_department_id (self->kpi));

  adw_window_title_set_title (self->window_title, koers_kpi_get_name (self->kpi));
  adw_window_title_set_subtitle (self->window_title, dept != NULL ? koers_department_get_name (dept) : NULL);
}

static void
fill (KoersKpiEditor *self)
{
  g_autofree char *healthy = format_threshold (koers_kpi_get_healthy (self->kpi));
  g_autofree char *attention = format_threshold (koers_kpi_get_attention (self->kpi));
  KoersMetricKind  kind = koers_kpi_get_metric_kind (self->kpi);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), koers_kpi_get_name (self->kpi));
  gtk_editable_set_text (GTK_EDITABLE (self->unit_row),
                         koers_kpi_get_unit (self->kpi) != NULL ? koers_kpi_get_unit (self->kpi) : "");
  adw_combo_row_set_selected (self->metric_row, kind < N_KPI_KINDS ? kind : KOERS_METRIC_KIND_NUMBER);
  adw_combo_row_set_selected (self->direction_row, koers_kpi_get_direction (self->kpi));
  gtk_editable_set_text (GTK_EDITABLE (self->healthy_row), healthy);
  gtk_editable_set_text (GTK_EDITABLE (self->attention_row), attention);
  adw_combo_row_set_selected (self->frequency_row, koers_kpi_get_frequency (self->kpi));
  self->updating = FALSE;

  update_units (self);
  update_description (self);
  update_moved_by (self);
  update_title (self);
}

/* Sets a string property, saves, and puts the old value back (in the KPI
 * and in the field) when the store refuses. */
static void
save_string (KoersKpiEditor *self,
             AdwEntryRow    *row,
             const char     *property,
             gboolean        required)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *old = NULL;

  if (self->updating)
    return;
  /* Emptying the name to retype it keeps the saved one meanwhile. */
  if (required && *text == '\0')
    return;

  g_object_get (self->kpi, property, &old, NULL);
  if (g_strcmp0 (old, *text != '\0' ? text : NULL) == 0)
    return;
  g_object_set (self->kpi, property, *text != '\0' ? text : NULL, NULL);
  if (!save (self))
    {
      g_object_set (self->kpi, property, old, NULL);
      set_entry_text (self, row, old);
    }
}

static void
name_changed_cb (KoersKpiEditor *self)
{
  save_string (self, self->name_row, "name", TRUE);
  update_title (self);
}

static void
unit_changed_cb (KoersKpiEditor *self)
{
  save_string (self, self->unit_row, "unit", FALSE);
  update_units (self);
  update_description (self);
}

/* Sets an enum property to a combo row's choice (the position is the
 * value; n_choices and up are none), saves, and puts the old value back
 * (in the KPI and in the row) when the store refuses.  Returns whether
 * it tried: the choice was the user's, and new. */
static gboolean
save_choice (KoersKpiEditor *self,
             AdwComboRow    *row,
             const char     *property,
             guint           n_choices)
{
  guint choice = adw_combo_row_get_selected (row);
  int   old;

  if (self->updating || choice >= n_choices)
    return FALSE;
  g_object_get (self->kpi, property, &old, NULL);
  if ((int) choice == old)
    return FALSE;

  g_object_set (self->kpi, property, (int) choice, NULL);
  if (!save (self))
    {
      g_object_set (self->kpi, property, old, NULL);
      self->updating = TRUE;
      adw_combo_row_set_selected (row, old);
      self->updating = FALSE;
    }
  return TRUE;
}

static void
metric_selected_cb (KoersKpiEditor *self)
{
  if (save_choice (self, self->metric_row, "metric-kind", N_KPI_KINDS))
    {
      update_units (self);
      update_description (self);
    }
}

static void
frequency_selected_cb (KoersKpiEditor *self)
{
  save_choice (self, self->frequency_row, "frequency", KOERS_KPI_FREQUENCY_QUARTERLY + 1);
}

static void
mark_field (AdwEntryRow *row,
            gboolean     invalid)
{
  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
show_threshold_error (KoersKpiEditor *self,
                      AdwEntryRow    *field,
                      const char     *message)
{
  g_free (self->threshold_error);
  self->threshold_error = g_strdup (message);

  mark_field (self->healthy_row, message != NULL && field == self->healthy_row);
  mark_field (self->attention_row, message != NULL && field == self->attention_row);
  gtk_label_set_text (self->threshold_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->threshold_error_label), message != NULL);
  if (field != NULL && message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                    -1);
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->healthy_row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->attention_row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* Direction and both thresholds go together: each on its own may be out
 * of order with the others while the user is typing. */
static void
thresholds_changed_cb (KoersKpiEditor *self)
{
  KoersLanguage     lang = koers_format_get_language ();
  KoersKpiDirection direction = adw_combo_row_get_selected (self->direction_row);
  KoersKpiDirection old_direction = koers_kpi_get_direction (self->kpi);
  double            old_healthy = koers_kpi_get_healthy (self->kpi);
  double            old_attention = koers_kpi_get_attention (self->kpi);
  g_autoptr (GError) error = NULL;
  double healthy, attention;

  if (self->updating || direction > KOERS_KPI_DIRECTION_LOWER)
    return;

  if (!koers_parse_number (lang, gtk_editable_get_text (GTK_EDITABLE (self->healthy_row)),
                           &healthy, &error))
    {
      show_threshold_error (self, self->healthy_row, error->message);
      return;
    }
  if (!koers_parse_number (lang, gtk_editable_get_text (GTK_EDITABLE (self->attention_row)),
                           &attention, &error))
    {
      show_threshold_error (self, self->attention_row, error->message);
      return;
    }
  if (!koers_kpi_check_thresholds (direction, healthy, attention))
    {
      g_autofree char *value = koers_kpi_style_format_value (self->kpi, healthy);
      g_autofree char *message = NULL;

      if (direction == KOERS_KPI_DIRECTION_HIGHER)
        /* Translators: %s is the healthy threshold, "40". */
        message = g_strdup_printf (_ ("When higher is better, needs attention starts at or below "
                                      "the healthy threshold (%s)."),
                                   value);
      else
        message = g_strdup_printf (_ ("When lower is better, needs attention starts at or above "
                                      "the healthy threshold (%s)."),
                                   value);
      show_threshold_error (self, self->attention_row, message);
      return;
    }

  show_threshold_error (self, NULL, NULL);
  if (direction == old_direction && healthy == old_healthy && attention == old_attention)
    return;

  g_object_freeze_notify (G_OBJECT (self->kpi));
  koers_kpi_set_direction (self->kpi, direction);
  koers_kpi_set_healthy (self->kpi, healthy);
  koers_kpi_set_attention (self->kpi, attention);
  g_object_thaw_notify (G_OBJECT (self->kpi));

  if (!save (self))
    {
      g_object_freeze_notify (G_OBJECT (self->kpi));
      koers_kpi_set_direction (self->kpi, old_direction);
      koers_kpi_set_healthy (self->kpi, old_healthy);
      koers_kpi_set_attention (self->kpi, old_attention);
      g_object_thaw_notify (G_OBJECT (self->kpi));
    }
  update_description (self);
}

static void
delete_value_clicked_cb (GtkButton      *button,
                         KoersKpiEditor *self)
{
  KoersKpiValue *value = g_object_get_data (G_OBJECT (button), "koers-kpi-value");

  /* The undo toast shows here, in the editor, where the list is. */
  if (value != NULL)
    koers_deleting_delete (GTK_WIDGET (self->toast_overlay), self->store, G_OBJECT (value));
}

static GtkWidget *
create_value_row_cb (gpointer item,
                     gpointer user_data)
{
  KoersKpiEditor  *self = user_data;
  KoersKpiValue   *value = item;
  KoersLanguage    lang = koers_format_get_language ();
  KoersKpiStatus   status = koers_kpi_get_status_for_value (self->kpi, koers_kpi_value_get_value (value));
  g_autofree char *figure = koers_kpi_style_format_value (self->kpi, koers_kpi_value_get_value (value));
  g_autofree char *date = koers_format_date_iso (lang, koers_kpi_value_get_date (value));
  g_autofree char *title = NULL;
  g_autofree char *delete_name = NULL;
  const char      *note = koers_kpi_value_get_note (value);
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *icon = gtk_image_new_from_icon_name (koers_kpi_style_get_status_icon (status));
  GtkWidget       *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  if (date == NULL)
    date = g_strdup ("?");
  /* Translators: a value in the KPI's history: "42 — Healthy". */
  title = g_strdup_printf (_ ("%1$s — %2$s"), figure, koers_kpi_status_get_label (status));

  /* The note is user text. */
  koers_form_set_plain_title (row, title);
  if (note != NULL && *note != '\0')
    {
      g_autofree char *isolated = koers_text_isolate (note);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", date, isolated);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_add_css_class (row, "kpi-value-row");

  gtk_widget_add_css_class (icon, "kpi-status-icon");
  koers_kpi_style_set_status_class (icon, status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, koers_kpi_status_get_label (status),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  /* Translators: %s is a date. */
  delete_name = g_strdup_printf (_ ("Delete the value of %s"), date);
  gtk_widget_set_tooltip_text (button, _ ("Delete Value"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_name,
                                  -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  g_object_set_data_full (G_OBJECT (button), "koers-kpi-value", g_object_ref (value), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (delete_value_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static GtkWidget *
create_values_placeholder (void)
{
  GtkWidget *label = gtk_label_new (_ ("No values yet. Update enters the first."));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static void
add_value_clicked_cb (KoersKpiEditor *self)
{
  koers_kpi_update_dialog_present (GTK_WIDGET (self), self->store, self->kpi);
}

static void
delete_clicked_cb (KoersKpiEditor *self)
{
  g_object_ref (self);
  if (koers_deleting_delete_from_editor (GTK_WINDOW (self), self->store, G_OBJECT (self->kpi)))
    koers_editor_windows_close (GTK_WINDOW (self), &self->closed);
  g_object_unref (self);
}

static void
store_changed_cb (KoersKpiEditor *self)
{
  if (self->closed)
    return;

  if (koers_store_find_kpi (self->store, koers_kpi_get_id (self->kpi)) != self->kpi)
    {
      koers_editor_windows_close (GTK_WINDOW (self), &self->closed);
      return;
    }

  update_moved_by (self);
  update_title (self);
}

static void
koers_kpi_editor_constructed (GObject *object)
{
  KoersKpiEditor *self = KOERS_KPI_EDITOR (object);
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) directions = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) frequencies = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (koers_kpi_editor_parent_class)->constructed (object);

  g_return_if_fail (KOERS_IS_STORE (self->store));
  g_return_if_fail (KOERS_IS_KPI (self->kpi));

  /* In enum order, so that the position is the value. */
  for (KoersMetricKind k = KOERS_METRIC_KIND_NUMBER; k < N_KPI_KINDS; k++)
    gtk_string_list_append (kinds, koers_metric_kind_get_label (k));
  adw_combo_row_set_model (self->metric_row, G_LIST_MODEL (kinds));
  for (KoersKpiDirection d = KOERS_KPI_DIRECTION_HIGHER; d <= KOERS_KPI_DIRECTION_LOWER; d++)
    gtk_string_list_append (directions, koers_kpi_direction_get_label (d));
  adw_combo_row_set_model (self->direction_row, G_LIST_MODEL (directions));
  for (KoersKpiFrequency f = KOERS_KPI_FREQUENCY_WEEKLY; f <= KOERS_KPI_FREQUENCY_QUARTERLY; f++)
    gtk_string_list_append (frequencies, koers_kpi_frequency_get_label (f));
  adw_combo_row_set_model (self->frequency_row, G_LIST_MODEL (frequencies));

  gtk_list_box_set_placeholder (self->values_list, create_values_placeholder ());
  fill (self);

  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (name_changed_cb), self);
  g_signal_connect_swapped (self->unit_row, "changed", G_CALLBACK (unit_changed_cb), self);
  g_signal_connect_swapped (self->metric_row, "notify::selected", G_CALLBACK (metric_selected_cb), self);
  g_signal_connect_swapped (self->direction_row, "notify::selected", G_CALLBACK (thresholds_changed_cb), self);
  g_signal_connect_swapped (self->healthy_row, "changed", G_CALLBACK (thresholds_changed_cb), self);
  g_signal_connect_swapped (self->attention_row, "changed", G_CALLBACK (thresholds_changed_cb), self);
  g_signal_connect_swapped (self->frequency_row, "notify::selected", G_CALLBACK (frequency_selected_cb), self);
  g_signal_connect_swapped (self->add_value_button, "clicked", G_CALLBACK (add_value_clicked_cb), self);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (delete_clicked_cb), self);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
koers_kpi_editor_dispose (GObject *object)
{
  KoersKpiEditor *self = KOERS_KPI_EDITOR (object);

  koers_widget_dispose_properties (GTK_WIDGET (self), KOERS_TYPE_KPI_EDITOR, property_table,
                                   G_N_ELEMENTS (property_table));
  g_clear_pointer (&self->threshold_error, g_free);

  G_OBJECT_CLASS (koers_kpi_editor_parent_class)->dispose (object);
}

KOERS_DEFINE_SHOWING_CLASS_INIT (KoersKpiEditor, koers_kpi_editor, "kpis/koers-kpi-editor.ui", KOERS_TEMPLATE_DIALOG | KOERS_TEMPLATE_ESCAPE_CLOSES, NULL, 0)

static void
koers_kpi_editor_init (KoersKpiEditor *self)
{
  koers_a11y_init_role (GTK_WIDGET (self));
  koers_editor_style_ensure ();
  koers_kpi_style_ensure ();
  gtk_widget_init_template (GTK_WIDGET (self));
  koers_a11y_clean_button_names (GTK_WIDGET (self));
}

KOERS_DEFINE_GETTER (KoersKpiEditor, koers_kpi_editor, KOERS_IS_KPI_EDITOR, KoersKpi *, kpi, NULL)

KOERS_DEFINE_GETTER (KoersKpiEditor, koers_kpi_editor, KOERS_IS_KPI_EDITOR, const char *, threshold_error, NULL)
