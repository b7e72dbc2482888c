/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-date.h"
#include "core/koers-format.h"
#include "core/koers-property.h"
#include "core/koers-scoring.h"
#include "core/koers-text.h"
#include "koers-department-row.h"
#include "store/koers-store-capacity.h"
#include "widgets/koers-emoji-image.h"
#include "widgets/koers-idle.h"
#include "widgets/koers-template.h"
#include "widgets/koers-tooltip.h"
#include "widgets/koers-widget-properties.h"

struct _KoersDepartmentRow
{
  GtkListBoxRow parent_instance;

  KoersStore      *store;
  KoersDepartment *department;
  KoersPeriod      period;
  KoersSummary     summary;
  char            *details;
  guint            summary_id; /* a summary waiting for a period read in */
  gboolean         expanded;   /* its teams shown */
  /* The objective lists of its teams, watched for the roll-up: a period
   * read in later changes them without a write of ours. */
  GPtrArray   *team_lists;
  KoersSummary rollup;

  KoersEmojiImage *emoji_image;
  GtkLabel        *name_label;
  GtkImage        *stale_image;
  GtkImage        *escalation_image;
  GtkLevelBar     *score_bar;
  GtkLabel        *count_label;
  GtkLabel        *rollup_label;
  GtkWidget       *expander_button;
  GtkMenuButton   *menu_button;
};

G_DEFINE_FINAL_TYPE (KoersDepartmentRow, koers_department_row, GTK_TYPE_LIST_BOX_ROW)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersDepartmentRow, emoji_image),
  KOERS_TEMPLATE_CHILD (KoersDepartmentRow, name_label),
  KOERS_TEMPLATE_CHILD (KoersDepartmentRow, stale_image),
  KOERS_TEMPLATE_CHILD (KoersDepartmentRow, escalation_image),
  KOERS_TEMPLATE_CHILD (KoersDepartmentRow, score_bar),
  KOERS_TEMPLATE_CHILD (KoersDepartmentRow, count_label),
  KOERS_TEMPLATE_CHILD (KoersDepartmentRow, rollup_label),
  KOERS_TEMPLATE_CHILD (KoersDepartmentRow, expander_button),
  KOERS_TEMPLATE_CHILD (KoersDepartmentRow, menu_button),
};

KOERS_WIDGET_PROPERTY_TABLE (KoersDepartmentRow, "department", department, koers_department_get_type);

static void queue_summary (KoersDepartmentRow *self);

static void
unwatch_team_lists (KoersDepartmentRow *self)
{
  for (guint i = 0; i < self->team_lists->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->team_lists, i), queue_summary, self);
  g_ptr_array_set_size (self->team_lists, 0);
}

/* Its teams' objective lists, watched, and their summary with its own in
 * self->rollup; FALSE when it has no teams. */
static gboolean
summarize_teams (KoersDepartmentRow *self,
                 const GDate        *today)
{
  GListModel *departments = koers_store_get_departments (self->store);
  guint       n = g_list_model_get_n_items (departments);
  gint64      id = koers_department_get_id (self->department);
  double      sum = self->summary.score * self->summary.n_objectives;

  unwatch_team_lists (self);
  self->rollup = self->summary;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersDepartment) team = g_list_model_get_item (departments, i);
      gint64       team_id = koers_department_get_id (team);
      GListModel  *objectives;
      KoersSummary summary;

      if (koers_department_get_parent_id (team) != id || team_id == id)
        continue;

      objectives = koers_store_get_department_objectives (self->store, team_id);
      g_signal_connect_object (objectives, "items-changed",
                               G_CALLBACK (queue_summary), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->team_lists, g_object_ref (objectives));
      koers_store_summarize_department (self->store, team_id, &self->period, today, &summary);
      self->rollup.n_objectives += summary.n_objectives;
      self->rollup.n_key_results += summary.n_key_results;
      self->rollup.n_stale += summary.n_stale;
      sum += summary.score * summary.n_objectives;
    }

  self->rollup.score = self->rollup.n_objectives > 0 ? sum / self->rollup.n_objectives : 0.0;
  return self->team_lists->len > 0;
}

/* The expander (departments with teams), and a team's indent. */
static void
update_tree (KoersDepartmentRow *self,
             gboolean            has_teams)
{
  const char      *name = koers_department_get_name (self->department);
  g_autofree char *label = NULL;

  gtk_widget_set_margin_start (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self)),
                               koers_department_get_parent_id (self->department) != 0 ? 22 : 0);
  gtk_widget_set_visible (self->expander_button, has_teams);
  if (!has_teams)
    {
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED);
      return;
    }

  gtk_button_set_icon_name (GTK_BUTTON (self->expander_button),
                            self->expanded ? "pan-down-symbolic" : "pan-end-symbolic");
  label = self->expanded
            /* Translators: the sidebar's button that hides the teams of the department %s. */
            ? g_strdup_printf (_ ("Hide Teams of %s"), name)
            /* Translators: the sidebar's button that shows the teams of the department %s. */
            : g_strdup_printf (_ ("Show Teams of %s"), name);
  koers_tooltip_set_now (self->expander_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->expander_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_EXPANDED, self->expanded,
                               -1);
}

static void
expander_clicked_cb (KoersDepartmentRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self),
                              self->expanded ? "win.collapse-teams" : "win.expand-teams",
                              "x", koers_department_get_id (self->department));
}

static void
update_summary (KoersDepartmentRow *self)
{
  KoersLanguage    lang = koers_format_get_language ();
  g_autofree char *count = NULL;
  g_autofree char *score = NULL;
  g_autofree char *score_text = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *name = NULL;
  g_autofree char *rollup = NULL;
  gboolean         has_teams;
  GDate            today;

  koers_date_today (&today);
  gtk_widget_set_visible (GTK_WIDGET (self->escalation_image),
                          koers_store_count_department_escalations (self->store,
                                                                    koers_department_get_id (self->department)) > 0);
  koers_store_summarize_department (self->store, koers_department_get_id (self->department),
                                    &self->period, &today, &self->summary);
  has_teams = summarize_teams (self, &today);
  update_tree (self, has_teams);

  if (self->summary.n_objectives == 0)
    count = g_strdup (_ ("No objectives"));
  else
    count = g_strdup_printf (ngettext ("%u objective", "%u objectives",
                                       self->summary.n_objectives),
                             self->summary.n_objectives);
  gtk_label_set_text (self->count_label, count);

  score = koers_format_score (lang, self->summary.score, 2);
  /* Translators: %s is an OKR score between 0 and 1, such as "0.45". */
  score_text = g_strdup_printf (_ ("Score %s"), score);
  gtk_level_bar_set_value (self->score_bar, self->summary.score);
  gtk_widget_set_visible (GTK_WIDGET (self->score_bar), self->summary.n_objectives > 0);
  koers_tooltip_set_text (GTK_WIDGET (self->score_bar), score_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, score_text,
                                  -1);

  if (self->summary.n_stale > 0)
    {
      stale = g_strdup_printf (ngettext ("%u key result needs a check-in",
                                         "%u key results need a check-in",
                                         self->summary.n_stale),
                               self->summary.n_stale);
      koers_tooltip_set_text (GTK_WIDGET (self->stale_image), stale);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->stale_image),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, stale,
                                      -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->stale_image), self->summary.n_stale > 0);

  /* The department with its teams, as the method rolls team objectives up
   * into their department's. */
  if (has_teams)
    {
      g_autofree char *rollup_score = koers_format_score (lang, self->rollup.score, 2);

      rollup = g_strdup_printf (ngettext ("With teams: %u objective, score %s",
                                          "With teams: %u objectives, score %s",
                                          self->rollup.n_objectives),
                                self->rollup.n_objectives, rollup_score);
      gtk_label_set_text (self->rollup_label, rollup);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->rollup_label), has_teams);

  g_free (self->details);
  if (self->summary.n_objectives == 0)
    self->details = g_strdup (count);
  else if (stale != NULL)
    /* Translators: "2 objectives, score 0.45, 1 key result needs a check-in". */
    self->details = g_strdup_printf (_ ("%s, score %s, %s"), count, score, stale);
  else
    /* Translators: "2 objectives, score 0.45". */
    self->details = g_strdup_printf (_ ("%s, score %s"), count, score);
  if (rollup != NULL)
    {
      g_autofree char *own = g_steal_pointer (&self->details);

      /* Translators: the row's own figures, then its teams' roll-up:
       * "2 objectives, score 0.45; with teams: 5 objectives, score 0.52". */
      self->details = g_strdup_printf (_ ("%s; %s"), own, rollup);
    }

  /* The name as well: a long one is ellipsized in the sidebar. */
  name = koers_text_isolate (koers_department_get_name (self->department));
  tooltip = g_strdup_printf ("%s\n%s", name, self->details);
  koers_tooltip_set_text_full (GTK_WIDGET (self), tooltip, self->details);
}

/* Once for a whole period read in, before the next frame. */
static void
queue_summary (KoersDepartmentRow *self)
{
  koers_idle_queue (&self->summary_id, G_PRIORITY_HIGH_IDLE, (KoersIdleFunc) update_summary, self);
}

static void
update_name (KoersDepartmentRow *self)
{
  const char      *name = koers_department_get_name (self->department);
  const char      *emoji = koers_department_get_emoji (self->department);
  g_autofree char *menu_label = NULL;
  /* Shown beside the emoji and the counts; what a screen reader reads
   * (the row's name) is the name as typed. */
  g_autofree char *isolated = koers_text_isolate (name);

  gtk_label_set_text (self->name_label, isolated);
  koers_emoji_image_set_emoji (self->emoji_image, emoji);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);

  /* Translators: the accessible name of a sidebar row's menu button. */
  menu_label = g_strdup_printf (_ ("Menu of %s"), name != NULL ? name : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label,
                                  -1);

  if (self->details != NULL)
    {
      g_autofree char *tooltip = g_strdup_printf ("%s\n%s", isolated, self->details);

      /* The tooltip also sets the accessible description: put it back. */
      koers_tooltip_set_text_full (GTK_WIDGET (self), tooltip, self->details);
    }
}

/* Every item of the menu acts on this row's department, named by its id. */
static void
append_department_item (GMenu      *section,
                        const char *label,
                        const char *action,
                        gint64      id)
{
  g_autoptr (GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (id));
  g_menu_append_item (section, item);
}

static void
build_menu (KoersDepartmentRow *self)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) edit_section = g_menu_new ();
  g_autoptr (GMenu) move_section = g_menu_new ();
  g_autoptr (GMenu) delete_section = g_menu_new ();
  gint64 id = koers_department_get_id (self->department);

  append_department_item (edit_section, _ ("_Rename…"), "win.rename-department", id);
  /* Three levels: teams under a department, none under a team. */
  if (koers_department_get_parent_id (self->department) != 0)
    append_department_item (edit_section, _ ("Move to _Department…"), "win.rename-department", id);
  else if (!koers_department_get_is_company (self->department))
    append_department_item (edit_section, _ ("Add _Team…"), "win.add-team", id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit_section));

  /* The company is the strategic level: always first, never deleted. */
  if (!koers_department_get_is_company (self->department))
    {
      append_department_item (move_section, _ ("Move _Up"), "win.move-department-up", id);
      append_department_item (move_section, _ ("Move _Down"), "win.move-department-down", id);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (move_section));

      append_department_item (delete_section, _ ("_Delete…"), "win.delete-department", id);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (delete_section));
    }

  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
}

/* The menu (and the popover GTK makes for it) on first use: made for
 * every row of a large company's sidebar, it was a tenth of the window's
 * start. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  KoersDepartmentRow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    build_menu (self);
}

GMenuModel *
koers_department_row_get_menu (KoersDepartmentRow *self)
{
  g_return_val_if_fail (KOERS_IS_DEPARTMENT_ROW (self), NULL);

  create_menu_cb (self->menu_button, self);
  return gtk_menu_button_get_menu_model (self->menu_button);
}

static void
secondary_click_pressed_cb (KoersDepartmentRow *self,
                            int                 n_press,
                            double              x,
                            double              y,
                            GtkGestureClick    *gesture)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  koers_department_row_popup_menu (self);
}

static gboolean
popup_menu_shortcut_cb (GtkWidget *widget,
                        GVariant  *args,
                        gpointer   user_data)
{
  koers_department_row_popup_menu (KOERS_DEPARTMENT_ROW (widget));
  return TRUE;
}

static GdkContentProvider *
drag_prepare_cb (KoersDepartmentRow *self,
                 double              x,
                 double              y,
                 GtkDragSource      *source)
{
  return gdk_content_provider_new_typed (KOERS_TYPE_DEPARTMENT, self->department);
}

static void
drag_begin_cb (KoersDepartmentRow *self,
               GdkDrag            *drag,
               GtkDragSource      *source)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
drop_cb (KoersDepartmentRow *self,
         const GValue       *value,
         double              x,
         double              y,
         GtkDropTarget      *target)
{
  KoersDepartment *dragged;
  guint            index = 1;

  if (!G_VALUE_HOLDS (value, KOERS_TYPE_DEPARTMENT))
    return FALSE;

  dragged = g_value_get_object (value);
  if (dragged == NULL || dragged == self->department || koers_department_get_is_company (dragged))
    return FALSE;

  /* Dropped on the company row: first place after it.  Otherwise among
   * its siblings only (a team among its department's teams), at the
   * place of the row dropped on in the store's order. */
  if (!koers_department_get_is_company (self->department))
    {
      if (koers_department_get_parent_id (dragged) != koers_department_get_parent_id (self->department) ||
          !g_list_store_find (G_LIST_STORE (koers_store_get_departments (self->store)),
                              self->department, &index))
        return FALSE;
    }
  else if (koers_department_get_parent_id (dragged) != 0)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "win.move-department-to", "(xu)",
                                     koers_department_get_id (dragged), index);
}

static void
setup_drag_and_drop (KoersDepartmentRow *self)
{
  GtkDropTarget *target;

  if (!koers_department_get_is_company (self->department))
    {
      GtkDragSource *source = gtk_drag_source_new ();

      gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
      g_signal_connect_swapped (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
      g_signal_connect_swapped (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));
    }

  target = gtk_drop_target_new (KOERS_TYPE_DEPARTMENT, GDK_ACTION_MOVE);
  g_signal_connect_swapped (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

static void
koers_department_row_constructed (GObject *object)
{
  KoersDepartmentRow *self = KOERS_DEPARTMENT_ROW (object);

  G_OBJECT_CLASS (koers_department_row_parent_class)->constructed (object);

  g_assert (KOERS_IS_STORE (self->store));
  g_assert (KOERS_IS_DEPARTMENT (self->department));

  g_signal_connect_object (self->department, "notify::name",
                           G_CALLBACK (update_name), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->department, "notify::emoji",
                           G_CALLBACK (update_name), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
  /* A period read in (the window's, or another process's objectives)
   * changes the department's objectives without a write of ours. */
  g_signal_connect_object (koers_store_get_department_objectives (self->store,
                                                                  koers_department_get_id (self->department)),
                           "items-changed", G_CALLBACK (queue_summary), self, G_CONNECT_SWAPPED);

  if (koers_department_get_is_company (self->department))
    gtk_widget_add_css_class (GTK_WIDGET (self), "company");

  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);
  setup_drag_and_drop (self);
  update_name (self);
  update_summary (self);
}

static void
koers_department_row_dispose (GObject *object)
{
  KoersDepartmentRow *self = KOERS_DEPARTMENT_ROW (object);

  g_clear_handle_id (&self->summary_id, g_source_remove);
  unwatch_team_lists (self);
  koers_widget_dispose_properties (GTK_WIDGET (self), KOERS_TYPE_DEPARTMENT_ROW, property_table,
                                   G_N_ELEMENTS (property_table));
  g_clear_pointer (&self->details, g_free);
  g_clear_pointer (&self->team_lists, g_ptr_array_unref);

  G_OBJECT_CLASS (koers_department_row_parent_class)->dispose (object);
}

static const KoersTemplateCallback template_callbacks[] = {
  KOERS_TEMPLATE_CALLBACK (expander_clicked_cb),
};

static void
koers_department_row_class_init (KoersDepartmentRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = koers_department_row_constructed;
  object_class->dispose = koers_department_row_dispose;

  koers_property_install_all (object_class, property_table, G_N_ELEMENTS (property_table));

  g_type_ensure (KOERS_TYPE_EMOJI_IMAGE);
  koers_template_init_class (widget_class, "window/koers-department-row.ui", 0,
                             KOERS_TEMPLATE_TABLE (template_children), KOERS_TEMPLATE_TABLE (template_callbacks));

  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                popup_menu_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0,
                                popup_menu_shortcut_cb, NULL);
}

static const KoersTemplateTooltip template_tooltips[] = {
  { "escalation_image", N_ ("An objective of this department is escalated to management") },
  { "menu_button", N_ ("Department Menu") },
};

static void
koers_department_row_init (KoersDepartmentRow *self)
{
  GtkGesture *gesture;
  GDate       today;

  gtk_widget_init_template (GTK_WIDGET (self));
  koers_tooltip_init_template (GTK_WIDGET (self), template_tooltips, G_N_ELEMENTS (template_tooltips));
  self->team_lists = g_ptr_array_new_with_free_func (g_object_unref);
  self->expanded = TRUE;

  koers_date_today (&today);
  koers_period_init_for_date (&self->period, &today);

  /* Colour bands of the score, as in Google's grading (see koers-scoring.h):
   * a block takes the name of the first offset at or above its value. */
  gtk_level_bar_remove_offset_value (self->score_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->score_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->score_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_add_offset_value (self->score_bar, "score-red", 0.35);
  gtk_level_bar_add_offset_value (self->score_bar, "score-yellow", 0.65);
  gtk_level_bar_add_offset_value (self->score_bar, "score-green", 1.0);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (secondary_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

GtkWidget *
koers_department_row_new (KoersStore      *store,
                          KoersDepartment *department)
{
  return koers_widget_new_showing (KOERS_TYPE_DEPARTMENT_ROW, store, "department", department);
}

KOERS_DEFINE_GETTER (KoersDepartmentRow, koers_department_row, KOERS_IS_DEPARTMENT_ROW, KoersDepartment *, department, NULL)

void
koers_department_row_set_period (KoersDepartmentRow *self,
                                 const KoersPeriod  *period)
{
  g_return_if_fail (KOERS_IS_DEPARTMENT_ROW (self));

  if (koers_widget_replace_period (&self->period, period))
    update_summary (self);
}

void
koers_department_row_update_summary (KoersDepartmentRow *self)
{
  g_return_if_fail (KOERS_IS_DEPARTMENT_ROW (self));

  update_summary (self);
}

const KoersSummary *
koers_department_row_get_summary (KoersDepartmentRow *self)
{
  g_return_val_if_fail (KOERS_IS_DEPARTMENT_ROW (self), NULL);

  return &self->summary;
}

KOERS_DEFINE_GETTER (KoersDepartmentRow, koers_department_row, KOERS_IS_DEPARTMENT_ROW, const char *, details, NULL)

void
koers_department_row_popup_menu (KoersDepartmentRow *self)
{
  g_return_if_fail (KOERS_IS_DEPARTMENT_ROW (self));

  gtk_menu_button_popup (self->menu_button);
}

void
koers_department_row_set_expanded (KoersDepartmentRow *self,
                                   gboolean            expanded)
{
  g_return_if_fail (KOERS_IS_DEPARTMENT_ROW (self));

  expanded = !!expanded;
  if (self->expanded == expanded)
    return;

  self->expanded = expanded;
  update_tree (self, self->team_lists->len > 0);
}

gboolean
koers_department_row_get_expanded (KoersDepartmentRow *self)
{
  g_return_val_if_fail (KOERS_IS_DEPARTMENT_ROW (self), FALSE);

  return self->expanded && self->team_lists->len > 0;
}

const KoersSummary *
koers_department_row_get_rollup (KoersDepartmentRow *self)
{
  g_return_val_if_fail (KOERS_IS_DEPARTMENT_ROW (self), NULL);

  return &self->rollup;
}
