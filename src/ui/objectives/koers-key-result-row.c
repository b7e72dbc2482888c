/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "core/koers-date.h"
#include "core/koers-format.h"
#include "core/koers-property.h"
#include "core/koers-scoring.h"
#include "core/koers-status-words.h"
#include "core/koers-summary.h"
#include "core/koers-text.h"
#include "checkins/koers-checkin-dialog.h"
#include "koers-editor-style.h"
#include "koers-key-result-details.h"
#include "koers-key-result-row.h"
#include "widgets/koers-a11y.h"
#include "widgets/koers-list-util.h"
#include "widgets/koers-progress-chart.h"
#include "widgets/koers-template.h"
#include "widgets/koers-toasts.h"
#include "widgets/koers-tooltip.h"
#include "widgets/koers-widget-actions.h"
#include "widgets/koers-widget-properties.h"
#include "widgets/koers-wrap-box.h"

struct _KoersKeyResultRow
{
  GtkListBoxRow parent_instance;

  KoersStore     *store;
  KoersObjective *objective;
  KoersKeyResult *kr;
  KoersKrStatus   status;
  GtkWidget      *escalate_button;

  GtkLabel       *title_label;
  GtkWidget      *status_box;
  GtkImage       *status_icon;
  GtkLabel       *status_label;
  GtkLabel       *values_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *percent_label;
  GtkLabel       *meta_label;
  GtkWidget      *stale_label;
  GtkLabel       *kpi_label;
  GtkWidget      *check_in_button;
  GtkWidget      *move_up_button;
  GtkWidget      *move_down_button;
  GtkWidget      *sparkline;
};

G_DEFINE_FINAL_TYPE (KoersKeyResultRow, koers_key_result_row, GTK_TYPE_LIST_BOX_ROW)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersKeyResultRow, title_label),
  KOERS_TEMPLATE_CHILD (KoersKeyResultRow, status_box),
  KOERS_TEMPLATE_CHILD (KoersKeyResultRow, status_icon),
  KOERS_TEMPLATE_CHILD (KoersKeyResultRow, status_label),
  KOERS_TEMPLATE_CHILD (KoersKeyResultRow, values_label),
  KOERS_TEMPLATE_CHILD (KoersKeyResultRow, progress_bar),
  KOERS_TEMPLATE_CHILD (KoersKeyResultRow, percent_label),
  KOERS_TEMPLATE_CHILD (KoersKeyResultRow, meta_label),
  KOERS_TEMPLATE_CHILD (KoersKeyResultRow, stale_label),
  KOERS_TEMPLATE_CHILD (KoersKeyResultRow, kpi_label),
  KOERS_TEMPLATE_CHILD (KoersKeyResultRow, check_in_button),
  KOERS_TEMPLATE_CHILD (KoersKeyResultRow, move_up_button),
  KOERS_TEMPLATE_CHILD (KoersKeyResultRow, move_down_button),
  KOERS_TEMPLATE_CHILD (KoersKeyResultRow, escalate_button),
};

enum
{
  PROP_0,
  PROP_STORE,
  PROP_OBJECTIVE,
  PROP_KEY_RESULT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of the property ids above; the row sets the last two. */
static const KoersProperty property_table[] = {
  KOERS_PROPERTY_CONSTRUCT_OBJECT ("store", KoersKeyResultRow, store, koers_store_get_type),
  { "objective", KOERS_PROPERTY_OBJECT, G_STRUCT_OFFSET (KoersKeyResultRow, objective),
    .type = koers_objective_get_type, .read_only = TRUE },
  { "key-result", KOERS_PROPERTY_OBJECT, G_STRUCT_OFFSET (KoersKeyResultRow, kr),
    .type = koers_key_result_get_type, .read_only = TRUE },
};

static const KoersKrStatus all_statuses[] = {
  KOERS_KR_STATUS_IN_PROGRESS,
  KOERS_KR_STATUS_ON_TRACK,
  KOERS_KR_STATUS_ACHIEVED,
  KOERS_KR_STATUS_AT_RISK,
  KOERS_KR_STATUS_OFF_TRACK,
};

static char *
format_values (KoersKeyResult *kr)
{
  KoersLanguage    lang = koers_format_get_language ();
  KoersMetricKind  kind = koers_key_result_get_metric_kind (kr);
  const char      *unit = koers_key_result_get_unit (kr);
  g_autofree char *start = NULL;
  g_autofree char *current = NULL;
  g_autofree char *target = NULL;

  if (kind == KOERS_METRIC_KIND_MILESTONE)
    return koers_format_metric (lang, kind, unit, koers_key_result_get_current_value (kr));

  /* The unit once, after the target, reads best: "600 → 900 → 1,200
   * leads", "18% → 21% → 40% of customers"; money and percentages keep
   * their signs on every value. */
  start = koers_format_metric (lang, kind, NULL, koers_key_result_get_start_value (kr));
  current = koers_format_metric (lang, kind, NULL, koers_key_result_get_current_value (kr));
  target = koers_format_metric (lang, kind, unit, koers_key_result_get_target_value (kr));

  return g_strdup_printf ("%s → %s → %s", start, current, target);
}

static void
update_status (KoersKeyResultRow *self,
               const GDate       *today)
{
  KoersPeriod period;
  gboolean    has_period = koers_objective_get_parsed_period (self->objective, &period);

  self->status = koers_key_result_get_status (self->kr, has_period ? &period : NULL, today);

  gtk_label_set_text (self->status_label, koers_kr_status_get_label (self->status));
  gtk_image_set_from_icon_name (self->status_icon, koers_editor_style_get_status_icon (self->status));

  /* The class sits on the row, so the progress bar takes the colour too. */
  for (guint i = 0; i < G_N_ELEMENTS (all_statuses); i++)
    {
      const char *css_class = koers_editor_style_get_status_css_class (all_statuses[i]);

      if (all_statuses[i] == self->status)
        gtk_widget_add_css_class (GTK_WIDGET (self), css_class);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), css_class);
    }
}

/* The other side is in the KPI's row: "Moved by: …". */
static void
update_kpi_link (KoersKeyResultRow *self)
{
  KoersKpi        *kpi = koers_store_find_kpi (self->store, koers_key_result_get_kpi_id (self->kr));
  g_autofree char *text = NULL;

  if (kpi != NULL)
    /* Translators: the KPI a key result moves, "KPI: Net Promoter Score". */
    {
      g_autofree char *name = koers_text_isolate (koers_kpi_get_name (kpi));

      text = g_strdup_printf (_ ("KPI: %s"), name);
    }
  gtk_label_set_text (self->kpi_label, text != NULL ? text : "");
  koers_tooltip_set_text (GTK_WIDGET (self->kpi_label), text);
  gtk_widget_set_visible (GTK_WIDGET (self->kpi_label), text != NULL);
}

static void
update_row (KoersKeyResultRow *self)
{
  KoersLanguage    lang = koers_format_get_language ();
  const char      *title = koers_key_result_get_title (self->kr);
  const char      *owner = koers_key_result_get_owner (self->kr);
  const char      *due = koers_key_result_get_due_date (self->kr);
  double           progress = koers_key_result_get_progress (self->kr);
  g_autofree char *values = format_values (self->kr);
  g_autofree char *percent = koers_format_percent (lang, progress * 100.0, 0);
  g_autofree char *due_date = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *meta = NULL;
  GDate            today;

  koers_date_today (&today);

  /* The title wraps: all of it shows, no tooltip needed. */
  gtk_label_set_text (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  gtk_label_set_text (self->values_label, values);
  koers_tooltip_set_text (GTK_WIDGET (self->values_label), _ ("Start → current → target"));
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (progress, 0.0, 1.0));
  gtk_label_set_text (self->percent_label, percent);

  if (due != NULL)
    due_date = koers_format_date_iso (lang, due);
  if (due_date != NULL)
    /* Translators: %s is a date, "30 June 2026". */
    due_text = g_strdup_printf (_ ("Due %s"), due_date);

  /* "Marketing team · Due 30 June 2026": one label, plain text. */
  if (owner != NULL && *owner != '\0' && due_text != NULL)
    {
      g_autofree char *isolated = koers_text_isolate (owner);

      meta = g_strdup_printf ("%s · %s", isolated, due_text);
    }
  else if (owner != NULL && *owner != '\0')
    meta = g_strdup (owner);
  else
    meta = g_strdup (due_text != NULL ? due_text : "");
  gtk_label_set_text (self->meta_label, meta);
  gtk_widget_set_visible (GTK_WIDGET (self->meta_label), *meta != '\0');

  gtk_widget_set_visible (self->stale_label, koers_key_result_is_stale (self->kr, &today));
  update_kpi_link (self);

  update_status (self, &today);
}

static guint
find_index (KoersKeyResultRow *self,
            guint             *n_items)
{
  GListModel *model;

  *n_items = 0;
  if (self->objective == NULL)
    return G_MAXUINT;

  model = koers_objective_get_key_results (self->objective);
  *n_items = g_list_model_get_n_items (model);
  return koers_list_model_find (model, self->kr);
}

static void
update_move_actions (KoersKeyResultRow *self)
{
  guint    n_items;
  guint    index = find_index (self, &n_items);
  gboolean writable = self->objective != NULL && koers_store_may_write_objective (self->store, self->objective);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kr-row.move-up",
                                 writable && index != G_MAXUINT && index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kr-row.move-down",
                                 writable && index != G_MAXUINT && index + 1 < n_items);
}

static void
update_sparkline_period (KoersKeyResultRow *self)
{
  KoersPeriod period;
  gboolean    has_period = self->objective != NULL && koers_objective_get_parsed_period (self->objective, &period);

  koers_progress_chart_set_period (KOERS_PROGRESS_CHART (self->sparkline),
                                   has_period ? &period : NULL);
}

/* The course so far at a glance, after the percentage; it opens the history. */
static void
add_sparkline (KoersKeyResultRow *self)
{
  GtkWidget *button = gtk_button_new ();

  koers_checkin_dialog_ensure_style ();
  self->sparkline = koers_progress_chart_new_sparkline (self->kr, NULL);
  update_sparkline_period (self);
  gtk_button_set_child (GTK_BUTTON (button), self->sparkline);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "kr-row.history");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "sparkline-button");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Show history"),
                                  -1);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->percent_label))),
                              button, GTK_WIDGET (self->percent_label));
}

static void
objective_notify_cb (KoersKeyResultRow *self,
                     GParamSpec        *pspec)
{
  if (g_str_equal (g_param_spec_get_name (pspec), "kind"))
    gtk_widget_set_visible (self->escalate_button,
                            koers_objective_get_kind (self->objective) == KOERS_OBJECTIVE_KIND_COMMITTED);
  /* The period sets the expected progress, and so the status. */
  if (g_str_equal (g_param_spec_get_name (pspec), "period"))
    {
      update_sparkline_period (self);
      update_row (self);
    }
}

/* The row's actions, which the window carries out on its key result. */
static const KoersForwardAction row_actions[] = {
  { "kr-row.edit", "win.edit-key-result" },
  { "kr-row.check-in", "win.check-in" },
  { "kr-row.escalate", "win.escalate-key-result" },
};

static void
history_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KoersKeyResultRow *self = KOERS_KEY_RESULT_ROW (widget);

  if (self->kr != NULL)
    koers_key_result_details_present (widget, self->store, self->kr);
}

/* Keyboard users pressing Move Up twice expect to move the same key
 * result twice: the focus goes to the button in its row. */
static void
keep_focus_on_moved (GtkWidget      *widget,
                     KoersKeyResult *kr,
                     gboolean        up)
{
  GtkWidget *list = gtk_widget_get_parent (widget);

  if (list == NULL)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      KoersKeyResultRow *row;

      if (!KOERS_IS_KEY_RESULT_ROW (child))
        continue;
      row = KOERS_KEY_RESULT_ROW (child);
      if (row->kr != kr)
        continue;

      if (gtk_widget_get_sensitive (up ? row->move_up_button : row->move_down_button))
        gtk_widget_grab_focus (up ? row->move_up_button : row->move_down_button);
      else
        gtk_widget_grab_focus (up ? row->move_down_button : row->move_up_button);
      return;
    }
}

static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KoersKeyResultRow *self = KOERS_KEY_RESULT_ROW (widget);
  g_autoptr (KoersKeyResult) kr = NULL;
  g_autoptr (GError) error = NULL;
  gboolean up = g_str_equal (action_name, "kr-row.move-up");
  guint    n_items;
  guint    index = find_index (self, &n_items);

  if (self->kr == NULL)
    return;
  kr = g_object_ref (self->kr);

  if (index == G_MAXUINT || (up && index == 0) || (!up && index + 1 >= n_items))
    return;

  /* The card rebinds its rows when the order changes: from here on this
   * row may show another key result. */
  if (!koers_store_move_key_result (self->store, kr, up ? index - 1 : index + 1, &error))
    {
      koers_toasts_show_error (widget, error);
      return;
    }

  keep_focus_on_moved (widget, kr, up);
}

static void
koers_key_result_row_dispose (GObject *object)
{
  KoersKeyResultRow *self = KOERS_KEY_RESULT_ROW (object);

  koers_widget_unfollow_objective (self, &self->objective);
  koers_widget_dispose_properties (GTK_WIDGET (self), KOERS_TYPE_KEY_RESULT_ROW, property_table,
                                   G_N_ELEMENTS (property_table));

  G_OBJECT_CLASS (koers_key_result_row_parent_class)->dispose (object);
}

static void
koers_key_result_row_class_init (KoersKeyResultRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (KOERS_TYPE_WRAP_BOX);

  object_class->dispose = koers_key_result_row_dispose;

  koers_property_install (object_class, property_table, N_PROPS - 1, properties);

  koers_template_init_class (widget_class, "objectives/koers-key-result-row.ui", 0,
                             KOERS_TEMPLATE_TABLE (template_children), NULL, 0);

  koers_widget_class_install_forward_actions (widget_class, G_STRUCT_OFFSET (KoersKeyResultRow, kr),
                                              row_actions, G_N_ELEMENTS (row_actions));
  gtk_widget_class_install_action (widget_class, "kr-row.history", NULL, history_action_cb);
  /* On a focused key result: Ctrl+Enter checks in, Ctrl+H shows the history. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "kr-row.check-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "kr-row.check-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK,
                                       "kr-row.history", NULL);
  gtk_widget_class_install_action (widget_class, "kr-row.move-up", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "kr-row.move-down", NULL, move_action_cb);
}

static const KoersTemplateTooltip template_tooltips[] = {
  { "escalate_button", N_ ("Escalate to Management…") },
  { "move_up_button", N_ ("Move Up") },
  { "move_down_button", N_ ("Move Down") },
};

static void
koers_key_result_row_init (KoersKeyResultRow *self)
{
  koers_editor_style_ensure ();
  gtk_widget_init_template (GTK_WIDGET (self));
  koers_tooltip_init_template (GTK_WIDGET (self), template_tooltips, G_N_ELEMENTS (template_tooltips));
  koers_a11y_clean_button_names (self->check_in_button);
  add_sparkline (self);
}

GtkWidget *
koers_key_result_row_new (KoersStore     *store,
                          KoersObjective *objective,
                          KoersKeyResult *kr)
{
  GtkWidget *row;

  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (objective == NULL || KOERS_IS_OBJECTIVE (objective), NULL);
  g_return_val_if_fail (kr == NULL || KOERS_IS_KEY_RESULT (kr), NULL);

  row = g_object_new (KOERS_TYPE_KEY_RESULT_ROW, "store", store, NULL);
  koers_key_result_row_bind (KOERS_KEY_RESULT_ROW (row), objective, kr);

  return row;
}

void
koers_key_result_row_bind (KoersKeyResultRow *self,
                           KoersObjective    *objective,
                           KoersKeyResult    *kr)
{
  gboolean writable;

  g_return_if_fail (KOERS_IS_KEY_RESULT_ROW (self));
  g_return_if_fail ((objective == NULL) == (kr == NULL));
  g_return_if_fail (objective == NULL || KOERS_IS_OBJECTIVE (objective));
  g_return_if_fail (kr == NULL || KOERS_IS_KEY_RESULT (kr));

  if (self->kr == kr && self->objective == objective)
    return;

  koers_widget_follow_objective (self, &self->objective, objective, "notify",
                                 G_CALLBACK (objective_notify_cb), G_CALLBACK (update_move_actions));
  /* The summary's signal: rows never read a key result's whole list. */
  if (koers_widget_follow (self, &self->kr, kr, "notify", G_CALLBACK (update_row)) && kr != NULL)
    g_signal_connect_swapped (kr, "checkins-changed", G_CALLBACK (update_row), self);
  koers_progress_chart_set_key_result (KOERS_PROGRESS_CHART (self->sparkline), kr);
  update_sparkline_period (self);

  if (kr != NULL)
    update_row (self);

  update_move_actions (self);
  /* A role on the company server may not write every department. */
  writable = kr != NULL && objective != NULL && koers_store_may_write_objective (self->store, objective);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kr-row.edit", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kr-row.check-in", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kr-row.escalate", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kr-row.history", kr != NULL);
  /* Only a committed key result is escalated (the method's "verplichte OKR's"). */
  gtk_widget_set_visible (self->escalate_button,
                          kr != NULL && objective != NULL &&
                            koers_objective_get_kind (objective) == KOERS_OBJECTIVE_KIND_COMMITTED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OBJECTIVE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY_RESULT]);
}

KoersKeyResult *
koers_key_result_row_get_key_result (KoersKeyResultRow *self)
{
  g_return_val_if_fail (KOERS_IS_KEY_RESULT_ROW (self), NULL);

  return self->kr;
}

KOERS_DEFINE_GETTER (KoersKeyResultRow, koers_key_result_row, KOERS_IS_KEY_RESULT_ROW, KoersKrStatus, status, KOERS_KR_STATUS_IN_PROGRESS)
