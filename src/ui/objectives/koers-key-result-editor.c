/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-date.h"
#include "core/koers-format.h"
#include "core/koers-parse.h"
#include "core/koers-property.h"
#include "history/koers-history-window.h"
#include "koers-editor-style.h"
#include "koers-key-result-editor.h"
#include "widgets/koers-a11y.h"
#include "widgets/koers-list-util.h"
#include "widgets/koers-template.h"
#include "widgets/koers-widget-properties.h"
#include "widgets/koers-editor-fields.h"
#include "widgets/koers-toasts.h"
#include "widgets/koers-wrap-box.h"

struct _KoersKeyResultEditor
{
  AdwWindow parent_instance;

  KoersStore        *store;
  KoersKeyResult    *kr;
  KoersObjective    *objective;
  KoersEditorSession session;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  AdwEntryRow     *title_row;
  AdwComboRow     *metric_row;
  AdwEntryRow     *unit_row;
  AdwComboRow     *kpi_row;
  /* The KPIs kpi_row offers, after "None" (position i + 1). */
  GPtrArray     *kpis;
  AdwActionRow  *start_row;
  GtkSpinButton *start_spin;
  AdwActionRow  *target_row;
  GtkSpinButton *target_spin;
  AdwActionRow  *current_row;
  GtkSpinButton *current_spin;
  AdwActionRow  *done_row;
  GtkSwitch     *done_switch;
  GtkSpinButton *weight_spin;
  AdwActionRow  *due_row;
  GtkPopover    *due_popover;
  GtkCalendar   *due_calendar;
  GtkButton     *no_due_button;
  AdwEntryRow   *owner_row;
  GtkSwitch     *personal_data_switch;
  AdwEntryRow   *personal_data_note_row;
  GtkButton     *delete_button;
  GtkButton     *history_button;
};

G_DEFINE_FINAL_TYPE (KoersKeyResultEditor, koers_key_result_editor, ADW_TYPE_WINDOW)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersKeyResultEditor, toast_overlay),
  KOERS_TEMPLATE_CHILD (KoersKeyResultEditor, window_title),
  KOERS_TEMPLATE_CHILD (KoersKeyResultEditor, title_row),
  KOERS_TEMPLATE_CHILD (KoersKeyResultEditor, metric_row),
  KOERS_TEMPLATE_CHILD (KoersKeyResultEditor, unit_row),
  KOERS_TEMPLATE_CHILD (KoersKeyResultEditor, kpi_row),
  KOERS_TEMPLATE_CHILD (KoersKeyResultEditor, start_row),
  KOERS_TEMPLATE_CHILD (KoersKeyResultEditor, start_spin),
  KOERS_TEMPLATE_CHILD (KoersKeyResultEditor, target_row),
  KOERS_TEMPLATE_CHILD (KoersKeyResultEditor, target_spin),
  KOERS_TEMPLATE_CHILD (KoersKeyResultEditor, current_row),
  KOERS_TEMPLATE_CHILD (KoersKeyResultEditor, current_spin),
  KOERS_TEMPLATE_CHILD (KoersKeyResultEditor, done_row),
  KOERS_TEMPLATE_CHILD (KoersKeyResultEditor, done_switch),
  KOERS_TEMPLATE_CHILD (KoersKeyResultEditor, weight_spin),
  KOERS_TEMPLATE_CHILD (KoersKeyResultEditor, due_row),
  KOERS_TEMPLATE_CHILD (KoersKeyResultEditor, due_popover),
  KOERS_TEMPLATE_CHILD (KoersKeyResultEditor, due_calendar),
  KOERS_TEMPLATE_CHILD (KoersKeyResultEditor, no_due_button),
  KOERS_TEMPLATE_CHILD (KoersKeyResultEditor, owner_row),
  KOERS_TEMPLATE_CHILD (KoersKeyResultEditor, personal_data_switch),
  KOERS_TEMPLATE_CHILD (KoersKeyResultEditor, personal_data_note_row),
  KOERS_TEMPLATE_CHILD (KoersKeyResultEditor, delete_button),
  KOERS_TEMPLATE_CHILD (KoersKeyResultEditor, history_button),
};

KOERS_WIDGET_PROPERTY_TABLE (KoersKeyResultEditor, "key-result", kr, koers_key_result_get_type);

typedef enum
{
  VALUE_START,
  VALUE_TARGET,
  VALUE_CURRENT,
  VALUE_WEIGHT,
} ValueField;

static gboolean
save (KoersKeyResultEditor *self)
{
  return koers_editor_session_save (&self->session);
}

/* Spin buttons read and write numbers the way the UI language does
 * ("1.200,5" in Dutch), not the C locale's way. */
static int
spin_input_cb (GtkSpinButton *spin,
               double        *new_value,
               gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));

  if (!koers_parse_number (koers_format_get_language (), text, new_value, NULL))
    return GTK_INPUT_ERROR;

  return TRUE;
}

static gboolean
spin_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  double           value = gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = koers_format_number (koers_format_get_language (), value,
                                               (int) gtk_spin_button_get_digits (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static void
update_due (KoersKeyResultEditor *self)
{
  const char      *due = koers_key_result_get_due_date (self->kr);
  g_autofree char *text = NULL;
  GDate            date;

  if (due != NULL)
    text = koers_format_date_iso (koers_format_get_language (), due);
  adw_action_row_set_subtitle (self->due_row, text != NULL ? text : _ ("No due date"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->no_due_button), due != NULL);

  if (due != NULL && koers_date_parse (due, &date))
    {
      g_autoptr (GDateTime) dt = g_date_time_new_local (g_date_get_year (&date),
                                                        g_date_get_month (&date),
                                                        g_date_get_day (&date), 12, 0, 0);
      gboolean was_updating = self->session.updating;

      self->session.updating = TRUE;
      gtk_calendar_select_day (self->due_calendar, dt);
      self->session.updating = was_updating;
    }
}

static void
update_metric_rows (KoersKeyResultEditor *self)
{
  gboolean milestone = koers_key_result_get_metric_kind (self->kr) == KOERS_METRIC_KIND_MILESTONE;

  /* A milestone is done or not: a switch says that better than numbers. */
  gtk_widget_set_visible (GTK_WIDGET (self->unit_row), !milestone);
  gtk_widget_set_visible (GTK_WIDGET (self->start_row), !milestone);
  gtk_widget_set_visible (GTK_WIDGET (self->target_row), !milestone);
  gtk_widget_set_visible (GTK_WIDGET (self->current_row), !milestone);
  gtk_widget_set_visible (GTK_WIDGET (self->done_row), milestone);
}

static void
update_move_actions (KoersKeyResultEditor *self)
{
  GListModel *model = koers_objective_get_key_results (self->objective);
  guint       n = g_list_model_get_n_items (model);
  guint       index = koers_list_model_find (model, self->kr);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kr-editor.move-up",
                                 index != G_MAXUINT && index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kr-editor.move-down",
                                 index != G_MAXUINT && index + 1 < n);
}

static void
update_window_title (KoersKeyResultEditor *self)
{
  adw_window_title_set_subtitle (self->window_title, koers_objective_get_title (self->objective));
}

/* The department's KPIs, and the linked one if it is another's. */
static void
fill_kpis (KoersKeyResultEditor *self)
{
  KoersDepartment *dept = koers_store_find_department (self->store,
                                                       koers_objective_get_department_id (self->objective));
  KoersKpi        *linked = koers_store_find_kpi (self->store, koers_key_result_get_kpi_id (self->kr));
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_clear_pointer (&self->kpis, g_ptr_array_unref);
  self->kpis = dept != NULL ? koers_store_list_department_kpis (self->store, dept)
                            : g_ptr_array_new_with_free_func (g_object_unref);
  if (linked != NULL && !g_ptr_array_find (self->kpis, linked, NULL))
    g_ptr_array_add (self->kpis, g_object_ref (linked));

  gtk_string_list_append (names, C_ ("KPI", "None"));
  for (guint i = 0; i < self->kpis->len; i++)
    {
      gtk_string_list_append (names, koers_kpi_get_name (g_ptr_array_index (self->kpis, i)));
      if (g_ptr_array_index (self->kpis, i) == linked)
        selected = i + 1;
    }

  adw_combo_row_set_model (self->kpi_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->kpi_row, selected);
}

static void
fill (KoersKeyResultEditor *self)
{
  const char *unit = koers_key_result_get_unit (self->kr);
  const char *owner = koers_key_result_get_owner (self->kr);
  const char *note = koers_key_result_get_personal_data_note (self->kr);
  gboolean    personal = koers_key_result_get_uses_personal_data (self->kr);

  self->session.updating = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), koers_key_result_get_title (self->kr));
  adw_combo_row_set_selected (self->metric_row, koers_key_result_get_metric_kind (self->kr));
  gtk_editable_set_text (GTK_EDITABLE (self->unit_row), unit != NULL ? unit : "");
  fill_kpis (self);
  gtk_spin_button_set_value (self->start_spin, koers_key_result_get_start_value (self->kr));
  gtk_spin_button_set_value (self->target_spin, koers_key_result_get_target_value (self->kr));
  gtk_spin_button_set_value (self->current_spin, koers_key_result_get_current_value (self->kr));
  gtk_switch_set_active (self->done_switch, koers_key_result_get_current_value (self->kr) >= 1.0);
  gtk_spin_button_set_value (self->weight_spin, koers_key_result_get_weight (self->kr));
  gtk_editable_set_text (GTK_EDITABLE (self->owner_row), owner != NULL ? owner : "");
  gtk_switch_set_active (self->personal_data_switch, personal);
  gtk_widget_set_sensitive (GTK_WIDGET (self->personal_data_note_row), personal);
  gtk_editable_set_text (GTK_EDITABLE (self->personal_data_note_row), note != NULL ? note : "");
  update_due (self);
  update_metric_rows (self);
  update_window_title (self);
  koers_editor_session_filled (&self->session);

  self->session.updating = FALSE;
}

static void
done_changed_cb (KoersKeyResultEditor *self)
{
  double old;

  if (self->session.updating)
    return;

  old = koers_key_result_get_current_value (self->kr);
  koers_key_result_set_current_value (self->kr, gtk_switch_get_active (self->done_switch) ? 1.0 : 0.0);
  if (!save (self))
    {
      koers_key_result_set_current_value (self->kr, old);
      self->session.updating = TRUE;
      gtk_switch_set_active (self->done_switch, old >= 1.0);
      self->session.updating = FALSE;
    }
}

static void
metric_selected_cb (KoersKeyResultEditor *self)
{
  KoersMetricKind kind = adw_combo_row_get_selected (self->metric_row);
  KoersMetricKind old_kind;
  double          old_start, old_target, old_current;
  gboolean        reached;

  if (self->session.updating)
    return;

  reached = koers_key_result_get_progress (self->kr) >= 1.0;
  old_kind = koers_key_result_get_metric_kind (self->kr);
  old_start = koers_key_result_get_start_value (self->kr);
  old_target = koers_key_result_get_target_value (self->kr);
  old_current = koers_key_result_get_current_value (self->kr);

  g_object_freeze_notify (G_OBJECT (self->kr));
  koers_key_result_set_metric_kind (self->kr, kind);
  if (kind == KOERS_METRIC_KIND_MILESTONE)
    {
      /* A milestone runs from 0 (not done) to 1 (done); keep "done" when
       * the numbers said the target was reached. */
      koers_key_result_set_current_value (self->kr, reached ? 1.0 : 0.0);
      koers_key_result_set_start_value (self->kr, 0.0);
      koers_key_result_set_target_value (self->kr, 1.0);
    }
  g_object_thaw_notify (G_OBJECT (self->kr));

  if (!save (self))
    {
      koers_key_result_set_metric_kind (self->kr, old_kind);
      koers_key_result_set_start_value (self->kr, old_start);
      koers_key_result_set_target_value (self->kr, old_target);
      koers_key_result_set_current_value (self->kr, old_current);
    }

  fill (self);
}

static void
kpi_selected_cb (KoersKeyResultEditor *self)
{
  guint  selected = adw_combo_row_get_selected (self->kpi_row);
  gint64 old = koers_key_result_get_kpi_id (self->kr);
  gint64 id = 0;

  if (self->session.updating || self->kpis == NULL || selected > self->kpis->len)
    return;

  if (selected > 0)
    id = koers_kpi_get_id (g_ptr_array_index (self->kpis, selected - 1));
  if (id == old)
    return;

  koers_key_result_set_kpi_id (self->kr, id);
  if (!save (self))
    {
      koers_key_result_set_kpi_id (self->kr, old);
      self->session.updating = TRUE;
      fill_kpis (self);
      self->session.updating = FALSE;
    }
}

static void
set_due_date (KoersKeyResultEditor *self,
              const char           *iso)
{
  g_autofree char *old = g_strdup (koers_key_result_get_due_date (self->kr));

  koers_key_result_set_due_date (self->kr, iso);
  if (!save (self))
    koers_key_result_set_due_date (self->kr, old);
  update_due (self);
}

static void
day_selected_cb (KoersKeyResultEditor *self)
{
  g_autoptr (GDateTime) dt = NULL;
  g_autofree char *iso = NULL;

  if (self->session.updating)
    return;

  dt = gtk_calendar_get_date (self->due_calendar);
  iso = g_date_time_format (dt, "%Y-%m-%d");
  set_due_date (self, iso);
  gtk_popover_popdown (self->due_popover);
}

static void
no_due_clicked_cb (KoersKeyResultEditor *self)
{
  set_due_date (self, NULL);
  gtk_popover_popdown (self->due_popover);
}

static void
personal_data_changed_cb (KoersKeyResultEditor *self)
{
  gboolean active = gtk_switch_get_active (self->personal_data_switch);

  gtk_widget_set_sensitive (GTK_WIDGET (self->personal_data_note_row), active);
  if (self->session.updating)
    return;

  koers_key_result_set_uses_personal_data (self->kr, active);
  if (!save (self))
    {
      koers_key_result_set_uses_personal_data (self->kr, !active);
      self->session.updating = TRUE;
      gtk_switch_set_active (self->personal_data_switch, !active);
      gtk_widget_set_sensitive (GTK_WIDGET (self->personal_data_note_row), !active);
      self->session.updating = FALSE;
    }
}

static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KoersKeyResultEditor *self = KOERS_KEY_RESULT_EDITOR (widget);
  GListModel           *model = koers_objective_get_key_results (self->objective);
  gboolean              up = g_str_equal (action_name, "kr-editor.move-up");
  guint                 n = g_list_model_get_n_items (model);
  guint                 index = koers_list_model_find (model, self->kr);
  g_autoptr (GError) error = NULL;

  if (index == G_MAXUINT || (up && index == 0) || (!up && index + 1 >= n))
    return;

  if (!koers_store_move_key_result (self->store, self->kr, up ? index - 1 : index + 1, &error))
    koers_toasts_show_error (GTK_WIDGET (self->toast_overlay), error);
}

static void
history_clicked_cb (KoersKeyResultEditor *self)
{
  GtkWidget *history = koers_history_window_new (GTK_WINDOW (self), self->store, G_OBJECT (self->kr));

  gtk_window_present (GTK_WINDOW (history));
}

static void
store_changed_cb (KoersKeyResultEditor *self)
{
  koers_editor_session_store_changed (&self->session);
}

static void
setup_spin (GtkSpinButton *spin)
{
  g_signal_connect (spin, "input", G_CALLBACK (spin_input_cb), NULL);
  g_signal_connect (spin, "output", G_CALLBACK (spin_output_cb), NULL);
}

/* The fields that save as they are typed; the others have handlers above. */
#define FIELD(member, property, kind)                                  \
  {                                                                    \
    G_STRUCT_OFFSET (KoersKeyResultEditor, member), (property), (kind) \
  }
static const KoersEditorField editor_fields[] = {
  FIELD (title_row, "title", KOERS_EDITOR_FIELD_REQUIRED_TEXT),
  FIELD (unit_row, "unit", KOERS_EDITOR_FIELD_TEXT),
  FIELD (owner_row, "owner", KOERS_EDITOR_FIELD_TEXT),
  FIELD (personal_data_note_row, "personal-data-note", KOERS_EDITOR_FIELD_TEXT),
  FIELD (start_spin, "start-value", KOERS_EDITOR_FIELD_NUMBER),
  FIELD (target_spin, "target-value", KOERS_EDITOR_FIELD_NUMBER),
  FIELD (current_spin, "current-value", KOERS_EDITOR_FIELD_NUMBER),
  FIELD (weight_spin, "weight", KOERS_EDITOR_FIELD_NUMBER),
};
#undef FIELD

static const KoersEditorEntity editor_entity = {
  (KoersEditorSaveFunc) koers_store_save_key_result,
  (KoersEditorFindFunc) koers_store_find_key_result,
  (KoersIdleFunc) fill,
};

static void
koers_key_result_editor_constructed (GObject *object)
{
  KoersKeyResultEditor *self = KOERS_KEY_RESULT_EDITOR (object);
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (koers_key_result_editor_parent_class)->constructed (object);

  g_return_if_fail (KOERS_IS_STORE (self->store));
  g_return_if_fail (KOERS_IS_KEY_RESULT (self->kr));

  koers_widget_follow_objective (self, &self->objective,
                                 koers_store_get_key_result_objective (self->store, self->kr),
                                 "notify::title", G_CALLBACK (update_window_title),
                                 G_CALLBACK (update_move_actions));
  g_return_if_fail (KOERS_IS_OBJECTIVE (self->objective));
  koers_editor_session_setup (&self->session, &editor_entity, GTK_WINDOW (self), self->store,
                              G_OBJECT (self->kr), self->toast_overlay);

  /* In enum order, so that the position is the value. */
  for (KoersMetricKind k = KOERS_METRIC_KIND_NUMBER; k <= KOERS_METRIC_KIND_MILESTONE; k++)
    gtk_string_list_append (kinds, koers_metric_kind_get_label (k));
  adw_combo_row_set_model (self->metric_row, G_LIST_MODEL (kinds));

  fill (self);
  update_move_actions (self);

  koers_editor_session_connect_fields (&self->session, editor_fields, G_N_ELEMENTS (editor_fields));

  g_signal_connect_swapped (self->metric_row, "notify::selected", G_CALLBACK (metric_selected_cb), self);
  g_signal_connect_swapped (self->kpi_row, "notify::selected", G_CALLBACK (kpi_selected_cb), self);
  g_signal_connect_swapped (self->done_switch, "notify::active", G_CALLBACK (done_changed_cb), self);
  g_signal_connect_swapped (self->personal_data_switch, "notify::active",
                            G_CALLBACK (personal_data_changed_cb), self);
  g_signal_connect_swapped (self->due_calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  g_signal_connect_swapped (self->no_due_button, "clicked", G_CALLBACK (no_due_clicked_cb), self);
  koers_editor_session_connect_delete (&self->session, self->delete_button);
  g_signal_connect_swapped (self->history_button, "clicked", G_CALLBACK (history_clicked_cb), self);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
koers_key_result_editor_dispose (GObject *object)
{
  KoersKeyResultEditor *self = KOERS_KEY_RESULT_EDITOR (object);

  koers_editor_session_dispose (&self->session);
  koers_widget_unfollow_objective (self, &self->objective);
  koers_widget_dispose_properties (GTK_WIDGET (self), KOERS_TYPE_KEY_RESULT_EDITOR, property_table,
                                   G_N_ELEMENTS (property_table));
  g_clear_pointer (&self->kpis, g_ptr_array_unref);

  G_OBJECT_CLASS (koers_key_result_editor_parent_class)->dispose (object);
}

static void
koers_key_result_editor_class_init (KoersKeyResultEditorClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (KOERS_TYPE_WRAP_BOX);

  object_class->constructed = koers_key_result_editor_constructed;
  object_class->dispose = koers_key_result_editor_dispose;

  koers_property_install_all (object_class, property_table, G_N_ELEMENTS (property_table));

  koers_template_init_class (widget_class, "objectives/koers-key-result-editor.ui", KOERS_TEMPLATE_DIALOG | KOERS_TEMPLATE_ESCAPE_CLOSES,
                             KOERS_TEMPLATE_TABLE (template_children), NULL, 0);

  gtk_widget_class_install_action (widget_class, "kr-editor.move-up", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "kr-editor.move-down", NULL, move_action_cb);
}

static void
koers_key_result_editor_init (KoersKeyResultEditor *self)
{
  koers_a11y_init_role (GTK_WIDGET (self));
  koers_editor_style_ensure ();
  gtk_widget_init_template (GTK_WIDGET (self));
  koers_a11y_clean_button_names (GTK_WIDGET (self));

  setup_spin (self->start_spin);
  setup_spin (self->target_spin);
  setup_spin (self->current_spin);
  setup_spin (self->weight_spin);
}

GtkWidget *
koers_key_result_editor_new (KoersStore     *store,
                             KoersKeyResult *kr)
{
  return koers_widget_new_showing (KOERS_TYPE_KEY_RESULT_EDITOR, store, "key-result", kr);
}

KoersKeyResult *
koers_key_result_editor_get_key_result (KoersKeyResultEditor *self)
{
  g_return_val_if_fail (KOERS_IS_KEY_RESULT_EDITOR (self), NULL);

  return self->kr;
}
