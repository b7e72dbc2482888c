/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/koers-format.h"
#include "core/koers-summary.h"
#include "core/koers-text.h"
#include "koers-archived-list.h"
#include "koers-editor-pane.h"
#include "koers-editor-style.h"
#include "koers-key-result-row.h"
#include "koers-objective-card.h"
#include "koers-objective-slot.h"
#include "koers-template-picker.h"
#include "kpis/koers-kpi-section.h"
#include "widgets/koers-a11y.h"
#include "widgets/koers-emoji-image.h"
#include "widgets/koers-form-util.h"
#include "widgets/koers-list-util.h"
#include "widgets/koers-template.h"
#include "widgets/koers-toasts.h"
#include "widgets/koers-widget-properties.h"
#include "widgets/koers-wrap-box.h"

struct _KoersEditorPane
{
  AdwBin parent_instance;

  KoersStore      *store;
  KoersDepartment *department;
  KoersPeriod      period;
  gboolean         has_period;
  char            *search_folded; /* NULL: no search */

  /* One filter over the store's list of every objective: switching
   * department, period or search re-runs it; nothing is rebuilt for the
   * whole database.  The list view's items are KoersObjectiveSlots, which
   * make their card only once on screen. */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;

  /* Cards of slots the list view let go, for the next ones. */
  GPtrArray *card_pool;

  /* The quality check of the period, once per change, for every card. */
  KoersQualityMarks *marks;

  /* The objective of the card that last had the focus. */
  KoersObjective *focus_objective;

  KoersEmojiImage   *department_emoji;
  GtkLabel          *department_label;
  GtkLabel          *period_label;
  AdwSplitButton    *add_button;
  GtkStack          *view_stack;
  KoersKpiSection   *kpi_section;
  KoersArchivedList *archived_list;
  GtkStack          *stack;
  GtkScrolledWindow *scrolled_window;
  GtkListView       *list_view;
  AdwStatusPage     *empty_page;
  AdwStatusPage     *no_results_page;
};

G_DEFINE_FINAL_TYPE (KoersEditorPane, koers_editor_pane, ADW_TYPE_BIN)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersEditorPane, department_emoji),
  KOERS_TEMPLATE_CHILD (KoersEditorPane, department_label),
  KOERS_TEMPLATE_CHILD (KoersEditorPane, period_label),
  KOERS_TEMPLATE_CHILD (KoersEditorPane, add_button),
  KOERS_TEMPLATE_CHILD (KoersEditorPane, view_stack),
  KOERS_TEMPLATE_CHILD (KoersEditorPane, kpi_section),
  KOERS_TEMPLATE_CHILD (KoersEditorPane, archived_list),
  KOERS_TEMPLATE_CHILD (KoersEditorPane, stack),
  KOERS_TEMPLATE_CHILD (KoersEditorPane, scrolled_window),
  KOERS_TEMPLATE_CHILD (KoersEditorPane, list_view),
  KOERS_TEMPLATE_CHILD (KoersEditorPane, empty_page),
  KOERS_TEMPLATE_CHILD (KoersEditorPane, no_results_page),
};

/* Lower-cased, normalised text for substring search (NULL gives ""). */
static char *
fold_text (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString         *out;

  if (text == NULL || *text == '\0')
    return g_strdup ("");

  /* Decompose, drop the accents, then fold case: "enquête" matches
   * "enquete" and "ENQUÊTE". */
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (out, c);
    }

  folded = g_string_free (out, FALSE);
  return g_utf8_casefold (folded, -1);
}

static gboolean
text_matches (const char *text,
              const char *folded_needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;

  folded = fold_text (text);
  return strstr (folded, folded_needle) != NULL;
}

static gboolean
objective_matches_search (KoersObjective *objective,
                          const char     *needle)
{
  GListModel *key_results;
  guint       n;

  if (text_matches (koers_objective_get_title (objective), needle) || text_matches (koers_objective_get_owner (objective), needle))
    return TRUE;

  key_results = koers_objective_get_key_results (objective);
  n = g_list_model_get_n_items (key_results);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (key_results, i);

      if (text_matches (koers_key_result_get_title (kr), needle) || text_matches (koers_key_result_get_owner (kr), needle))
        return TRUE;
    }

  return FALSE;
}

static gboolean
filter_objective_cb (gpointer item,
                     gpointer user_data)
{
  KoersEditorPane *self = user_data;
  KoersObjective  *objective = item;

  if (self->department == NULL || !self->has_period)
    return FALSE;
  if (koers_objective_get_department_id (objective) != koers_department_get_id (self->department))
    return FALSE;
  /* Archived objectives have their own list under the cards. */
  if (koers_objective_get_archived (objective))
    return FALSE;
  if (!koers_objective_in_period (objective, &self->period))
    return FALSE;
  if (self->search_folded != NULL && !objective_matches_search (objective, self->search_folded))
    return FALSE;

  return TRUE;
}

static void
update_header (KoersEditorPane *self)
{
  KoersLanguage    lang = koers_format_get_language ();
  guint            n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *period = NULL;
  g_autofree char *subtitle = NULL;

  if (self->department != NULL)
    {
      const char *emoji = koers_department_get_emoji (self->department);
      /* An RLO in the name must not reverse the period after it. */
      g_autofree char *name = koers_text_isolate (koers_department_get_name (self->department));

      koers_emoji_image_set_emoji (self->department_emoji, emoji);
      gtk_widget_set_visible (GTK_WIDGET (self->department_emoji), emoji != NULL && *emoji != '\0');
      gtk_label_set_text (self->department_label, name);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->department_emoji), FALSE);
      gtk_label_set_text (self->department_label, "");
    }

  if (!self->has_period)
    {
      gtk_label_set_text (self->period_label, "");
      return;
    }

  period = koers_format_period (lang, &self->period);
  /* Translators: "Q2 2026 · 3 objectives".  Without any, the empty page
   * below says so. */
  if (n > 0)
    subtitle = g_strdup_printf (ngettext ("%s · %u objective", "%s · %u objectives", n),
                                period, n);
  gtk_label_set_text (self->period_label, subtitle != NULL ? subtitle : period);
}

static void
update_view (KoersEditorPane *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  update_header (self);

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  if (self->search_folded != NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "no-results");
      return;
    }

  if (self->department != NULL && self->has_period)
    {
      g_autofree char *period = koers_format_period (koers_format_get_language (), &self->period);
      /* Translators: "No objectives for Marketing in Q2 2026"; the status
       * page title is plain text. */
      g_autofree char *name = koers_text_isolate (koers_department_get_name (self->department));
      g_autofree char *title = g_strdup_printf (_ ("No objectives for %s in %s"), name, period);

      adw_status_page_set_title (self->empty_page, title);
    }
  else
    adw_status_page_set_title (self->empty_page, _ ("No Objectives"));

  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
update_actions (KoersEditorPane *self)
{
  /* A role on the company server may not write every department. */
  gboolean can_add = self->store != NULL && self->department != NULL && self->has_period &&
                     koers_store_may_write_department (self->store, koers_department_get_id (self->department));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-objective", can_add);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-from-template", can_add);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-key-result",
                                 can_add && g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", self->store != NULL);
}

static void
refilter (KoersEditorPane *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Another department, period or search shows another list: from its top. */
static void
show_new_list (KoersEditorPane *self)
{
  refilter (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

static void
filtered_items_changed_cb (KoersEditorPane *self)
{
  update_view (self);
  update_actions (self);
}

static void
store_changed_cb (KoersEditorPane *self)
{
  /* A write may have moved an objective to another period or department,
   * or changed what a search matches. */
  refilter (self);
}

static void
department_notify_cb (KoersEditorPane *self)
{
  update_view (self);
}

/* The KPI page has its own Add KPI button. */
static void
view_changed_cb (KoersEditorPane *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->add_button),
                          g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "kpis") != 0);
}

static void
slot_focus_enter_cb (GtkEventControllerFocus *controller,
                     KoersEditorPane         *self)
{
  GtkWidget      *slot = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  KoersObjective *objective = koers_objective_slot_get_objective (KOERS_OBJECTIVE_SLOT (slot));

  if (objective != NULL)
    g_set_object (&self->focus_objective, objective);
}

static void
setup_card_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               KoersEditorPane          *self)
{
  GtkWidget          *slot = koers_objective_slot_new (self->store, self->marks);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  koers_objective_slot_set_card_pool (KOERS_OBJECTIVE_SLOT (slot), self->card_pool);
  g_signal_connect_object (focus, "enter", G_CALLBACK (slot_focus_enter_cb), self, 0);
  gtk_widget_add_controller (slot, focus);
  gtk_list_item_set_child (list_item, slot);
}

static void
bind_card_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              KoersEditorPane          *self)
{
  GtkWidget *slot = gtk_list_item_get_child (list_item);

  koers_objective_slot_set_objective (KOERS_OBJECTIVE_SLOT (slot),
                                      gtk_list_item_get_item (list_item));
}

static void
unbind_card_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                KoersEditorPane          *self)
{
  GtkWidget *slot = gtk_list_item_get_child (list_item);

  koers_objective_slot_set_objective (KOERS_OBJECTIVE_SLOT (slot), NULL);
}

static void
list_activate_cb (KoersEditorPane *self,
                  guint            position)
{
  g_autoptr (KoersObjective) objective = g_list_model_get_item (G_LIST_MODEL (self->filtered),
                                                                position);

  if (objective != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-objective", "x", koers_objective_get_id (objective));
}

static gboolean
is_shown (KoersEditorPane *self,
          KoersObjective  *objective)
{
  return koers_list_model_find (G_LIST_MODEL (self->filtered), objective) != G_MAXUINT;
}

static GtkWidget *
get_focus_in_pane (KoersEditorPane *self)
{
  GtkRoot   *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;

  return focus;
}

/* The card that holds focus: a widget inside the card, or the list
 * view's own row widget, whose child is the card's slot. */
static KoersObjectiveCard *
get_focus_card (GtkWidget *focus)
{
  GtkWidget *card;
  GtkWidget *child;

  if (focus == NULL)
    return NULL;

  card = gtk_widget_get_ancestor (focus, KOERS_TYPE_OBJECTIVE_CARD);
  if (card != NULL)
    return KOERS_OBJECTIVE_CARD (card);

  child = gtk_widget_get_first_child (focus);
  if (child != NULL && KOERS_IS_OBJECTIVE_SLOT (child))
    return koers_objective_slot_get_card (KOERS_OBJECTIVE_SLOT (child));

  return NULL;
}

static void
add_objective_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KoersEditorPane *self = KOERS_EDITOR_PANE (widget);
  g_autoptr (KoersObjective) objective = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *period_key = NULL;

  if (self->store == NULL || self->department == NULL || !self->has_period)
    return;

  period_key = koers_period_to_string (&self->period);
  objective = koers_objective_new (_ ("New objective"), koers_department_get_level (self->department),
                                   KOERS_OBJECTIVE_KIND_COMMITTED, period_key);
  koers_objective_set_department_id (objective, koers_department_get_id (self->department));

  if (!koers_store_add_objective (self->store, objective, &error))
    {
      koers_toasts_show_error (widget, error);
      return;
    }

  g_set_object (&self->focus_objective, objective);
  gtk_widget_activate_action (widget, "win.edit-objective", "x", koers_objective_get_id (objective));
}

static void
templates_added_cb (KoersEditorPane *self,
                    GPtrArray       *objectives)
{
  AdwToastOverlay *overlay;
  g_autofree char *message = NULL;

  if (objectives->len == 0 || self->store == NULL)
    return;

  g_set_object (&self->focus_objective, objectives->pdata[0]);

  /* One: edit it at once, as after Add Objective.  More: they are in the
   * list, to edit one by one. */
  if (objectives->len == 1)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-objective", "x",
                                  koers_objective_get_id (objectives->pdata[0]));
      return;
    }

  overlay = koers_toasts_find_overlay (GTK_WIDGET (self));
  if (overlay == NULL)
    return;
  message = g_strdup_printf (ngettext ("%u objective added", "%u objectives added", objectives->len),
                             objectives->len);
  adw_toast_overlay_add_toast (overlay, adw_toast_new (message));
}

static void
add_from_template_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  KoersEditorPane *self = KOERS_EDITOR_PANE (widget);
  GtkWidget       *picker;

  if (self->store == NULL || self->department == NULL || !self->has_period)
    return;

  picker = koers_template_picker_new (self->store, self->department, &self->period);
  koers_form_set_parent (GTK_WINDOW (picker), widget);
  g_signal_connect_object (picker, "added", G_CALLBACK (templates_added_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (picker));
}

static void
add_key_result_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  KoersEditorPane    *self = KOERS_EDITOR_PANE (widget);
  KoersObjectiveCard *card = get_focus_card (get_focus_in_pane (self));
  g_autoptr (KoersObjective) objective = NULL;

  if (self->store == NULL)
    return;

  if (card != NULL && koers_objective_card_get_objective (card) != NULL)
    objective = g_object_ref (koers_objective_card_get_objective (card));
  else if (self->focus_objective != NULL && is_shown (self, self->focus_objective))
    objective = g_object_ref (self->focus_objective);
  else
    objective = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);

  if (objective != NULL)
    gtk_widget_activate_action (widget, "win.new-key-result", "x", koers_objective_get_id (objective));
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KoersEditorPane    *self = KOERS_EDITOR_PANE (widget);
  GtkWidget          *focus = get_focus_in_pane (self);
  GtkWidget          *row;
  KoersObjectiveCard *card;

  if (self->store == NULL || focus == NULL)
    return;

  /* Delete in a text field deletes text, never an objective. */
  if (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus))
    return;

  row = gtk_widget_get_ancestor (focus, KOERS_TYPE_KEY_RESULT_ROW);
  if (row != NULL)
    {
      KoersKeyResult *kr = koers_key_result_row_get_key_result (KOERS_KEY_RESULT_ROW (row));

      gtk_widget_activate_action (widget, "win.delete-key-result", "x", koers_key_result_get_id (kr));
      return;
    }

  card = get_focus_card (focus);
  if (card != NULL && koers_objective_card_get_objective (card) != NULL)
    gtk_widget_activate_action (widget, "win.archive-objective", "x",
                                koers_objective_get_id (koers_objective_card_get_objective (card)));
}

/* AdwSplitButton 1.2 leaves its arrow without a name: screen readers
 * would say "GtkMenuButton".  Its last child is the menu button (whose
 * toggle takes the name from it). */
static void
name_add_menu_button (KoersEditorPane *self)
{
  GtkWidget *menu_button = gtk_widget_get_last_child (GTK_WIDGET (self->add_button));

  if (GTK_IS_MENU_BUTTON (menu_button))
    gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _ ("More ways to add"), -1);
}

static void
koers_editor_pane_dispose (GObject *object)
{
  KoersEditorPane *self = KOERS_EDITOR_PANE (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOERS_TYPE_EDITOR_PANE);

  koers_widget_unfollow (self, &self->department);
  koers_widget_unfollow (self, &self->store);
  g_clear_object (&self->focus_objective);
  g_clear_object (&self->marks);
  g_clear_pointer (&self->card_pool, g_ptr_array_unref);

  koers_widget_unfollow (self, &self->filtered);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->search_folded, g_free);

  G_OBJECT_CLASS (koers_editor_pane_parent_class)->dispose (object);
}

static void
koers_editor_pane_class_init (KoersEditorPaneClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koers_editor_pane_dispose;

  g_type_ensure (KOERS_TYPE_EMOJI_IMAGE);
  g_type_ensure (KOERS_TYPE_WRAP_BOX);
  g_type_ensure (KOERS_TYPE_KPI_SECTION);
  g_type_ensure (KOERS_TYPE_ARCHIVED_LIST);

  koers_template_init_class (widget_class, "objectives/koers-editor-pane.ui", 0,
                             KOERS_TEMPLATE_TABLE (template_children), NULL, 0);

  gtk_widget_class_install_action (widget_class, "editor.add-objective", NULL,
                                   add_objective_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.add-from-template", NULL,
                                   add_from_template_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.add-key-result", NULL,
                                   add_key_result_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "editor.add-objective", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.add-key-result", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "editor.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "editor.delete", NULL);
}

static void
koers_editor_pane_init (KoersEditorPane *self)
{
  koers_editor_style_ensure ();
  gtk_widget_init_template (GTK_WIDGET (self));
  koers_a11y_clean_button_names (GTK_WIDGET (self));
  name_add_menu_button (self);

  self->marks = koers_quality_marks_new ();
  self->card_pool = g_ptr_array_new_with_free_func (g_object_unref);
  self->filter = gtk_custom_filter_new (filter_objective_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_swapped (self->filtered, "items-changed",
                            G_CALLBACK (filtered_items_changed_cb), self);

  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (list_activate_cb), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name",
                            G_CALLBACK (view_changed_cb), self);

  update_view (self);
  update_actions (self);
}

GtkWidget *
koers_editor_pane_new (void)
{
  return g_object_new (KOERS_TYPE_EDITOR_PANE, NULL);
}

void
koers_editor_pane_set_store (KoersEditorPane *self,
                             KoersStore      *store)
{
  g_autoptr (GtkListItemFactory) factory = NULL;
  g_autoptr (GtkNoSelection) selection = NULL;

  g_return_if_fail (KOERS_IS_EDITOR_PANE (self));
  g_return_if_fail (store == NULL || KOERS_IS_STORE (store));

  if (self->store == store)
    return;

  gtk_list_view_set_model (self->list_view, NULL);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_clear_object (&self->focus_objective);
  koers_quality_marks_set_store (self->marks, store);
  koers_kpi_section_set_store (self->kpi_section, store);
  koers_archived_list_set_store (self->archived_list, store);

  if (store != NULL)
    g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);

  /* Slots keep the store they were made with: a new store, new slots,
   * and new cards. */
  g_ptr_array_set_size (self->card_pool, 0);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_card_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_card_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);

  gtk_filter_list_model_set_model (self->filtered,
                                   store != NULL ? koers_store_get_objectives (store) : NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  update_view (self);
  update_actions (self);
}

void
koers_editor_pane_set_department (KoersEditorPane *self,
                                  KoersDepartment *department)
{
  g_return_if_fail (KOERS_IS_EDITOR_PANE (self));
  g_return_if_fail (department == NULL || KOERS_IS_DEPARTMENT (department));

  if (!koers_widget_follow (self, &self->department, department, "notify::name",
                            G_CALLBACK (department_notify_cb)))
    return;
  if (department != NULL)
    g_signal_connect_swapped (department, "notify::emoji", G_CALLBACK (department_notify_cb), self);

  koers_kpi_section_set_department (self->kpi_section, department);
  koers_archived_list_set_department (self->archived_list, department);
  show_new_list (self);
  update_view (self);
  update_actions (self);
}

void
koers_editor_pane_set_period (KoersEditorPane   *self,
                              const KoersPeriod *period)
{
  g_return_if_fail (KOERS_IS_EDITOR_PANE (self));

  if (!koers_widget_set_period (&self->period, &self->has_period, period))
    return;

  koers_quality_marks_set_period (self->marks, self->has_period ? &self->period : NULL);
  koers_kpi_section_set_period (self->kpi_section, self->has_period ? &self->period : NULL);
  koers_archived_list_set_period (self->archived_list, self->has_period ? &self->period : NULL);
  show_new_list (self);
  update_view (self);
  update_actions (self);
}

void
koers_editor_pane_set_search_text (KoersEditorPane *self,
                                   const char      *text)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (KOERS_IS_EDITOR_PANE (self));

  if (text != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (*stripped != '\0')
        folded = fold_text (stripped);
    }

  if (g_strcmp0 (folded, self->search_folded) == 0)
    return;

  g_free (self->search_folded);
  self->search_folded = g_steal_pointer (&folded);

  if (self->search_folded != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      /* Translators: the status page description is markup; %s is what the
       * user searched for, escaped. */
      g_autofree char *description = g_strdup_printf (_ ("No objective or key result in this period matches “%s”."),
                                                      escaped);

      adw_status_page_set_description (self->no_results_page, description);
    }

  show_new_list (self);
  update_view (self);
  update_actions (self);
}

KoersQualityMarks *
koers_editor_pane_get_quality_marks (KoersEditorPane *self)
{
  g_return_val_if_fail (KOERS_IS_EDITOR_PANE (self), NULL);

  return self->marks;
}
