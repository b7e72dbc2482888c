/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-date.h"
#include "core/koers-format.h"
#include "core/koers-property.h"
#include "core/koers-scoring.h"
#include "core/koers-summary.h"
#include "checkins/koers-checkin-dialog.h"
#include "koers-editor-style.h"
#include "koers-key-result-details.h"
#include "widgets/koers-a11y.h"
#include "widgets/koers-template.h"
#include "widgets/koers-widget-properties.h"
#include "widgets/koers-form-util.h"
#include "widgets/koers-progress-chart.h"
#include "widgets/koers-toasts.h"

#define DETAILS_KEY "koers-key-result-details"
#define ROW_CHECKIN_KEY "koers-checkin"
#define ROW_WIDGETS_KEY "koers-checkin-row-widgets"
#define ROW_KEY_RESULT_KEY "koers-key-result"
#define TOAST_CHECKIN_KEY "koers-deleted-checkin"

struct _KoersKeyResultDetails
{
  AdwWindow parent_instance;

  KoersStore     *store;
  KoersKeyResult *kr;
  KoersObjective *objective;
  AdwToast       *undo_toast; /* weak: the latest toast offering undo */

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkLabel        *title_label;
  GtkLabel        *summary_label;
  GtkBox          *chart_box;
  GtkListBox      *list_box;
  GtkWidget       *chart;
};

G_DEFINE_FINAL_TYPE (KoersKeyResultDetails, koers_key_result_details, ADW_TYPE_WINDOW)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersKeyResultDetails, toast_overlay),
  KOERS_TEMPLATE_CHILD (KoersKeyResultDetails, window_title),
  KOERS_TEMPLATE_CHILD (KoersKeyResultDetails, title_label),
  KOERS_TEMPLATE_CHILD (KoersKeyResultDetails, summary_label),
  KOERS_TEMPLATE_CHILD (KoersKeyResultDetails, chart_box),
  KOERS_TEMPLATE_CHILD (KoersKeyResultDetails, list_box),
};

KOERS_WIDGET_PROPERTY_TABLE (KoersKeyResultDetails, "key-result", kr, koers_key_result_get_type);

/* The parts of a history row that follow its check-in. */
typedef struct
{
  GtkLabel  *value_label;
  GtkLabel  *date_label;
  GtkWidget *status_box;
  GtkImage  *status_icon;
  GtkLabel  *status_label;
  GtkLabel  *note_label;
  GtkLabel  *author_label;
  GtkWidget *edit_button;
  GtkWidget *delete_button;
} RowWidgets;

static char *
format_checkin_date (KoersCheckin *checkin)
{
  const char *iso = koers_checkin_get_date (checkin);
  char       *date = koers_format_date_iso (koers_format_get_language (), iso);

  return date != NULL ? date : g_strdup (iso);
}

static void
update_row (GtkWidget *row)
{
  KoersCheckin      *checkin = g_object_get_data (G_OBJECT (row), ROW_CHECKIN_KEY);
  RowWidgets        *w = g_object_get_data (G_OBJECT (row), ROW_WIDGETS_KEY);
  KoersKeyResult    *kr = g_object_get_data (G_OBJECT (row), ROW_KEY_RESULT_KEY);
  KoersLanguage      lang = koers_format_get_language ();
  KoersCheckinStatus status = koers_checkin_get_status (checkin);
  KoersKrStatus      kr_status = koers_score_checkin_status (status);
  const char        *note = koers_checkin_get_note (checkin);
  const char        *author = koers_checkin_get_author (checkin);
  g_autofree char   *value = koers_format_metric (lang, koers_key_result_get_metric_kind (kr),
                                                  koers_key_result_get_unit (kr),
                                                  koers_checkin_get_value (checkin));
  g_autofree char   *date = format_checkin_date (checkin);
  g_autofree char   *by = NULL;
  g_autofree char   *edit_name = NULL;
  g_autofree char   *delete_name = NULL;
  g_autofree char   *row_name = NULL;

  gtk_label_set_text (w->value_label, value);
  gtk_label_set_text (w->date_label, date);

  gtk_widget_set_visible (w->status_box, status != KOERS_CHECKIN_STATUS_NONE);
  gtk_label_set_text (w->status_label, koers_checkin_status_get_label (status));
  gtk_image_set_from_icon_name (w->status_icon, koers_editor_style_get_status_icon (kr_status));
  for (KoersKrStatus s = KOERS_KR_STATUS_IN_PROGRESS; s <= KOERS_KR_STATUS_OFF_TRACK; s++)
    {
      if (s == kr_status)
        gtk_widget_add_css_class (w->status_box, koers_editor_style_get_status_css_class (s));
      else
        gtk_widget_remove_css_class (w->status_box, koers_editor_style_get_status_css_class (s));
    }

  gtk_widget_set_visible (GTK_WIDGET (w->note_label), note != NULL && *note != '\0');
  gtk_label_set_text (w->note_label, note != NULL ? note : "");

  if (author != NULL && *author != '\0')
    /* Translators: who checked in, "by An Peeters". */
    by = g_strdup_printf (_ ("by %s"), author);
  gtk_widget_set_visible (GTK_WIDGET (w->author_label), by != NULL);
  gtk_label_set_text (w->author_label, by != NULL ? by : "");

  /* Translators: %s is a date. */
  edit_name = g_strdup_printf (_ ("Edit the check-in of %s"), date);
  /* Translators: %s is a date. */
  delete_name = g_strdup_printf (_ ("Delete the check-in of %s"), date);
  /* Translators: a check-in in the history: %1$s date, %2$s value, %3$s status. */
  row_name = g_strdup_printf (_ ("%1$s: %2$s, %3$s"), date, value,
                              koers_checkin_status_get_label (status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (w->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (w->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, row_name, -1);
}

static KoersCheckin *
get_row_checkin (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  return row != NULL ? g_object_get_data (G_OBJECT (row), ROW_CHECKIN_KEY) : NULL;
}

static void
edit_clicked_cb (GtkWidget *button)
{
  KoersKeyResultDetails *self = KOERS_KEY_RESULT_DETAILS (gtk_widget_get_root (button));
  KoersCheckin          *checkin = get_row_checkin (button);

  if (checkin != NULL)
    koers_checkin_dialog_present (GTK_WIDGET (self), self->store, self->kr, checkin);
}

static void
delete_clicked_cb (GtkWidget *button)
{
  KoersKeyResultDetails *self = KOERS_KEY_RESULT_DETAILS (gtk_widget_get_root (button));
  KoersCheckin          *checkin = get_row_checkin (button);

  if (checkin != NULL)
    koers_key_result_details_delete_checkin (self, checkin);
}

static gboolean
delete_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  delete_clicked_cb (widget);
  return TRUE;
}

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *tooltip,
                 GCallback   callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  g_signal_connect (button, "clicked", callback, NULL);

  return button;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  KoersKeyResultDetails *self = user_data;
  KoersCheckin          *checkin = item;
  RowWidgets            *w = g_new0 (RowWidgets, 1);
  GtkWidget             *row = gtk_list_box_row_new ();
  GtkWidget             *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget             *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget             *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkEventController    *shortcuts = gtk_shortcut_controller_new ();
  GtkShortcut           *shortcut;

  w->value_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (w->value_label, 0.0);
  gtk_label_set_ellipsize (w->value_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (w->value_label), "heading");
  gtk_widget_add_css_class (GTK_WIDGET (w->value_label), "numeric");

  w->status_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_add_css_class (w->status_box, "checkin-status");
  w->status_icon = GTK_IMAGE (gtk_image_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (w->status_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  w->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_box_append (GTK_BOX (w->status_box), GTK_WIDGET (w->status_icon));
  gtk_box_append (GTK_BOX (w->status_box), GTK_WIDGET (w->status_label));

  w->date_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (w->date_label, 1.0);
  gtk_widget_set_hexpand (GTK_WIDGET (w->date_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (w->date_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (w->date_label), "numeric");

  gtk_box_append (GTK_BOX (top), GTK_WIDGET (w->value_label));
  gtk_box_append (GTK_BOX (top), w->status_box);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (w->date_label));

  /* User text: never markup. */
  w->note_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_use_markup (w->note_label, FALSE);
  gtk_label_set_wrap (w->note_label, TRUE);
  gtk_label_set_wrap_mode (w->note_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (w->note_label, 0.0);
  gtk_label_set_selectable (w->note_label, FALSE);

  w->author_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (w->author_label, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (w->author_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (w->author_label), "caption");

  gtk_box_append (GTK_BOX (text_box), top);
  gtk_box_append (GTK_BOX (text_box), GTK_WIDGET (w->note_label));
  gtk_box_append (GTK_BOX (text_box), GTK_WIDGET (w->author_label));
  gtk_widget_set_hexpand (text_box, TRUE);

  w->edit_button = new_icon_button ("document-edit-symbolic", _ ("Edit Check-In"),
                                    G_CALLBACK (edit_clicked_cb));
  w->delete_button = new_icon_button ("user-trash-symbolic", _ ("Delete Check-In"),
                                      G_CALLBACK (delete_clicked_cb));

  gtk_box_append (GTK_BOX (box), text_box);
  gtk_box_append (GTK_BOX (box), w->edit_button);
  gtk_box_append (GTK_BOX (box), w->delete_button);
  gtk_widget_add_css_class (box, "checkin-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  /* Delete on a focused row deletes its check-in (with undo). */
  shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Delete|KP_Delete"),
                               gtk_callback_action_new (delete_shortcut_cb, NULL, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
  gtk_widget_add_controller (row, shortcuts);

  g_object_set_data_full (G_OBJECT (row), ROW_CHECKIN_KEY, g_object_ref (checkin), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), ROW_KEY_RESULT_KEY, g_object_ref (self->kr),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (row), ROW_WIDGETS_KEY, w, g_free);
  g_signal_connect_object (checkin, "notify", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
  update_row (row);

  return row;
}

static void
row_activated_cb (KoersKeyResultDetails *self,
                  GtkListBoxRow         *row)
{
  KoersCheckin *checkin = g_object_get_data (G_OBJECT (row), ROW_CHECKIN_KEY);

  if (checkin != NULL)
    koers_checkin_dialog_present (GTK_WIDGET (self), self->store, self->kr, checkin);
}

static void
check_in_clicked_cb (KoersKeyResultDetails *self)
{
  koers_checkin_dialog_present (GTK_WIDGET (self), self->store, self->kr, NULL);
}

static void
update_header (KoersKeyResultDetails *self)
{
  KoersLanguage    lang = koers_format_get_language ();
  KoersMetricKind  kind = koers_key_result_get_metric_kind (self->kr);
  const char      *unit = koers_key_result_get_unit (self->kr);
  g_autofree char *current = koers_format_metric (lang, kind, unit,
                                                  koers_key_result_get_current_value (self->kr));
  double           progress = koers_key_result_get_progress (self->kr);
  g_autofree char *percent = koers_format_percent (lang, 100.0 * progress, 0);
  g_autofree char *summary = NULL;
  g_autofree char *period = NULL;
  KoersPeriod      parsed;
  GDate            today;

  gtk_label_set_text (self->title_label, koers_key_result_get_title (self->kr));

  if (self->objective != NULL && koers_objective_get_parsed_period (self->objective, &parsed))
    period = koers_format_period (lang, &parsed);

  if (kind == KOERS_METRIC_KIND_MILESTONE)
    summary = g_strdup (current);
  else
    {
      g_autofree char *start = NULL;
      g_autofree char *target = NULL;

      /* The unit once, with the current value: "start 600 · target 1,200". */
      koers_checkin_dialog_format_range (lang, self->kr, FALSE, &start, &target);
      /* Translators: "Now 850 leads (42%) · start 600 · target 1,200". */
      summary = g_strdup_printf (_ ("Now %1$s (%2$s) · start %3$s · target %4$s"),
                                 current, percent, start, target);
    }
  if (period != NULL)
    {
      char *with_period = g_strconcat (summary, " · ", period, NULL);

      g_free (summary);
      summary = with_period;
    }

  koers_date_today (&today);
  if (koers_key_result_is_stale (self->kr, &today))
    {
      char *with_stale = g_strconcat (summary, " · ", _ ("Needs a check-in"), NULL);

      g_free (summary);
      summary = with_stale;
    }

  gtk_label_set_text (self->summary_label, summary);
}

static void
store_changed_cb (KoersKeyResultDetails *self)
{
  /* The key result (or its objective) was deleted: nothing left to show. */
  if (koers_store_find_key_result (self->store, koers_key_result_get_id (self->kr)) != self->kr)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  update_header (self);
}

static gboolean
restore_from_toast (KoersKeyResultDetails *self,
                    AdwToast              *toast)
{
  g_autoptr (KoersCheckin) checkin = g_object_steal_data (G_OBJECT (toast), TOAST_CHECKIN_KEY);
  g_autoptr (GError) error = NULL;

  if (checkin == NULL)
    return FALSE;

  if (!koers_store_restore_checkin (self->store, self->kr, checkin, &error))
    {
      koers_toasts_show_error (GTK_WIDGET (self), error);
      return FALSE;
    }

  return TRUE;
}

static void
undo_clicked_cb (AdwToast              *toast,
                 KoersKeyResultDetails *self)
{
  restore_from_toast (self, toast);
}

gboolean
koers_key_result_details_delete_checkin (KoersKeyResultDetails *self,
                                         KoersCheckin          *checkin)
{
  g_autoptr (KoersCheckin) kept = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  AdwToast        *toast;

  g_return_val_if_fail (KOERS_IS_KEY_RESULT_DETAILS (self), FALSE);
  g_return_val_if_fail (KOERS_IS_CHECKIN (checkin), FALSE);

  /* The store and the list drop their references on delete. */
  kept = g_object_ref (checkin);
  date = format_checkin_date (checkin);

  if (!koers_store_delete_checkin (self->store, kept, &error))
    {
      koers_toasts_show_error (GTK_WIDGET (self), error);
      return FALSE;
    }

  /* Translators: %s is a date; a toast after deleting a check-in. */
  title = g_strdup_printf (_ ("Check-in of %s deleted"), date);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), TOAST_CHECKIN_KEY, g_steal_pointer (&kept),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  g_set_weak_pointer (&self->undo_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  return TRUE;
}

gboolean
koers_key_result_details_undo (KoersKeyResultDetails *self)
{
  g_autoptr (AdwToast) toast = NULL;
  gboolean restored;

  g_return_val_if_fail (KOERS_IS_KEY_RESULT_DETAILS (self), FALSE);

  if (self->undo_toast == NULL)
    return FALSE;

  toast = g_object_ref (self->undo_toast);
  restored = restore_from_toast (self, toast);
  adw_toast_dismiss (toast);

  return restored;
}

static void
koers_key_result_details_constructed (GObject *object)
{
  KoersKeyResultDetails *self = KOERS_KEY_RESULT_DETAILS (object);
  KoersPeriod            period;
  gboolean               has_period = FALSE;

  G_OBJECT_CLASS (koers_key_result_details_parent_class)->constructed (object);

  g_return_if_fail (KOERS_IS_STORE (self->store));
  g_return_if_fail (KOERS_IS_KEY_RESULT (self->kr));

  self->objective = koers_store_get_key_result_objective (self->store, self->kr);
  if (self->objective != NULL)
    {
      g_object_ref (self->objective);
      has_period = koers_objective_get_parsed_period (self->objective, &period);
    }

  self->chart = koers_progress_chart_new (self->kr, has_period ? &period : NULL);
  gtk_widget_set_size_request (self->chart, -1, 300);
  gtk_widget_set_hexpand (self->chart, TRUE);
  gtk_box_append (self->chart_box, self->chart);

  gtk_list_box_bind_model (self->list_box, koers_key_result_get_checkins (self->kr),
                           create_row_cb, self, NULL);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kr, "notify", G_CALLBACK (update_header), self,
                           G_CONNECT_SWAPPED);
  update_header (self);
}

static void
koers_key_result_details_dispose (GObject *object)
{
  KoersKeyResultDetails *self = KOERS_KEY_RESULT_DETAILS (object);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_weak_pointer (&self->undo_toast);
  koers_widget_dispose_properties (GTK_WIDGET (self), KOERS_TYPE_KEY_RESULT_DETAILS, property_table,
                                   G_N_ELEMENTS (property_table));
  g_clear_object (&self->objective);

  G_OBJECT_CLASS (koers_key_result_details_parent_class)->dispose (object);
}

static const KoersTemplateCallback template_callbacks[] = {
  KOERS_TEMPLATE_CALLBACK (row_activated_cb),
  KOERS_TEMPLATE_CALLBACK (check_in_clicked_cb),
};

KOERS_DEFINE_SHOWING_CLASS_INIT (KoersKeyResultDetails, koers_key_result_details, "objectives/koers-key-result-details.ui", KOERS_TEMPLATE_DIALOG | KOERS_TEMPLATE_ESCAPE_CLOSES, KOERS_TEMPLATE_TABLE (template_callbacks))

static void
koers_key_result_details_init (KoersKeyResultDetails *self)
{
  koers_a11y_init_role (GTK_WIDGET (self));
  /* The check-in dialog's stylesheet covers this window too. */
  koers_checkin_dialog_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
koers_key_result_details_new (KoersStore     *store,
                              KoersKeyResult *kr)
{
  return koers_widget_new_showing (KOERS_TYPE_KEY_RESULT_DETAILS, store, "key-result", kr);
}

static void
forget_details_cb (gpointer data,
                   GObject *where_the_window_was)
{
  GObject *kr = data;

  if (g_object_get_data (kr, DETAILS_KEY) == (gpointer) where_the_window_was)
    g_object_steal_data (kr, DETAILS_KEY);
  g_object_unref (kr);
}

GtkWidget *
koers_key_result_details_present (GtkWidget      *widget,
                                  KoersStore     *store,
                                  KoersKeyResult *kr)
{
  GtkWidget *details;

  g_return_val_if_fail (widget == NULL || GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (KOERS_IS_KEY_RESULT (kr), NULL);

  details = g_object_get_data (G_OBJECT (kr), DETAILS_KEY);
  if (details == NULL)
    {
      details = koers_key_result_details_new (store, kr);
      koers_form_set_parent (GTK_WINDOW (details), widget);
      g_object_set_data (G_OBJECT (kr), DETAILS_KEY, details);
      g_object_weak_ref (G_OBJECT (details), forget_details_cb, g_object_ref (kr));
    }

  gtk_window_present (GTK_WINDOW (details));
  return details;
}

KoersKeyResult *
koers_key_result_details_get_key_result (KoersKeyResultDetails *self)
{
  g_return_val_if_fail (KOERS_IS_KEY_RESULT_DETAILS (self), NULL);

  return self->kr;
}

KOERS_DEFINE_GETTER (KoersKeyResultDetails, koers_key_result_details, KOERS_IS_KEY_RESULT_DETAILS, GtkWidget *, chart, NULL)
