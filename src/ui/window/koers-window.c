/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/koers-date.h"
#include "core/koers-property.h"
#include "data/koers-dashboard-publisher.h"
#include "data/koers-report-dialog.h"
#include "koers-window-private.h"
#include "objectives/koers-editing.h"
#include "widgets/koers-toasts.h"
#include "widgets/koers-tooltip.h"

G_DEFINE_FINAL_TYPE (KoersWindow, koers_window, ADW_TYPE_APPLICATION_WINDOW)

static const KoersProperty property_table[] = {
  KOERS_PROPERTY_CONSTRUCT_OBJECT ("store", KoersWindow, store, koers_store_get_type),
};

/* The content area shows the department's editor or the OKR check; the
 * sidebar selects one row for it, in the departments or below them. */

static void
show_editor_page (KoersWindow *self)
{
  if (!koers_window_is_tool_shown (self))
    return;

  gtk_stack_set_visible_child_name (self->content_stack, "editor");
  gtk_widget_set_visible (self->search_button, TRUE);
  gtk_list_box_unselect_all (self->tools_list);
}

/* Back from the OKR check to the department shown before. */
static void
show_editor (KoersWindow *self)
{
  if (!koers_window_is_tool_shown (self))
    return;

  show_editor_page (self);
  koers_window_reselect_department (self);
}

static void
show_content (KoersWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

void
koers_window_show_tool_page (KoersWindow   *self,
                             GtkWidget     *page,
                             const char    *name,
                             GtkListBoxRow *row)
{
  if (gtk_stack_get_child_by_name (self->content_stack, name) == NULL)
    gtk_stack_add_named (self->content_stack, page, name);
  gtk_stack_set_visible_child_name (self->content_stack, name);
  /* The search filters objectives in the editor. */
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_set_visible (self->search_button, FALSE);
  gtk_list_box_unselect_all (self->department_list);
  if (gtk_list_box_get_selected_row (self->tools_list) != row)
    gtk_list_box_select_row (self->tools_list, row);
}

static void
show_quality (KoersWindow *self)
{
  /* The page comes with the whole period (koers-window-first-frame.c). */
  koers_window_read_whole_period (self);

  if (!koers_window_is_quality_shown (self))
    {
      gtk_stack_set_visible_child_name (self->content_stack, "quality");
      /* The search filters objectives in the editor. */
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      gtk_widget_set_visible (self->search_button, FALSE);
      gtk_list_box_unselect_all (self->department_list);
    }
  if (gtk_list_box_get_selected_row (self->tools_list) != self->quality_row)
    gtk_list_box_select_row (self->tools_list, self->quality_row);
}

/* The alignment tree reads the whole period, as the OKR check does. */
static void
show_alignment (KoersWindow *self)
{
  koers_window_read_whole_period (self);

  if (self->alignment_page == NULL)
    {
      self->alignment_page = KOERS_ALIGNMENT_PAGE (koers_alignment_page_new (self->store));
      koers_alignment_page_set_period (self->alignment_page,
                                       koers_period_switcher_get_period (self->period_switcher));
    }
  koers_window_show_tool_page (self, GTK_WIDGET (self->alignment_page), "alignment",
                               self->alignment_row);
}

static void
department_row_selected_cb (KoersWindow   *self,
                            GtkListBoxRow *row)
{
  /* NULL while the selected row is being replaced (reselect follows), or
   * when the OKR check took the selection. */
  if (row == NULL)
    return;

  koers_window_set_department (self, koers_department_row_get_department (KOERS_DEPARTMENT_ROW (row)));
  show_editor_page (self);
}

static void
tools_row_selected_cb (KoersWindow   *self,
                       GtkListBoxRow *row)
{
  if (row == self->due_row)
    koers_window_show_due (self);
  else if (row == self->quality_row)
    show_quality (self);
  else if (row == self->alignment_row)
    show_alignment (self);
  else
    koers_window_capacity_select_row (self, row);
}

static void
tools_row_activated_cb (KoersWindow   *self,
                        GtkListBoxRow *row)
{
  show_content (self);
}

static void
n_open_changed_cb (KoersWindow *self)
{
  guint            n_open = koers_quality_page_get_n_open (self->quality_page);
  g_autofree char *description = g_strdup_printf (ngettext ("%u open finding", "%u open findings", n_open),
                                                  n_open);

  koers_window_set_badge (self->quality_badge, self->quality_row, n_open, description);
}

static void
department_row_activated_cb (KoersWindow   *self,
                             GtkListBoxRow *row)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
period_changed_cb (KoersWindow *self)
{
  const KoersPeriod *period = koers_period_switcher_get_period (self->period_switcher);
  g_autofree char   *key = koers_period_to_string (period);
  GdkFrameClock     *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_autoptr (GError) error = NULL;

  if (self->store == NULL)
    return;

  /* The store holds the periods in use; this one comes in now (the first
   * one in two steps, see koers-window-first-frame.c). */
  if (!koers_window_load_period (self, period, &error))
    koers_toasts_show_error (GTK_WIDGET (self->toast_overlay), error);

  koers_editor_pane_set_period (self->editor_pane, period);
  if (self->quality_page != NULL)
    koers_quality_page_set_period (self->quality_page, period);
  if (self->alignment_page != NULL)
    koers_alignment_page_set_period (self->alignment_page, period);
  koers_window_capacity_set_period (self, period);
  /* The rows out of view after the frame, which the read-ahead waits for. */
  koers_window_set_rows_period (self, period,
                                self->first_frame_painted && clock != NULL &&
                                  gtk_widget_get_mapped (GTK_WIDGET (self)));

  g_settings_set_string (self->settings, "last-period", key);
  koers_window_prefetch_neighbours (self);
}

static void
search_changed_cb (KoersWindow *self)
{
  koers_editor_pane_set_search_text (self->editor_pane,
                                     gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_stopped_cb (KoersWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_mode_cb (KoersWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      /* Ctrl+F on the OKR check: the objectives are in the editor. */
      show_editor (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
  else
    {
      /* A hidden filter would hide objectives without telling why. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      koers_editor_pane_set_search_text (self->editor_pane, NULL);
    }
}

/* Editor and navigation. */

/* "win.add-objective" and "win.add-key-result": the editor's action of
 * the same name, with the editor shown. */
static void
add_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  KoersWindow     *self = KOERS_WINDOW (user_data);
  g_autofree char *editor_action = g_strconcat ("editor.", g_action_get_name (G_ACTION (action)), NULL);

  show_editor (self);
  show_content (self);
  gtk_widget_activate_action (GTK_WIDGET (self->editor_pane), editor_action, NULL);
}

static void
previous_period_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  koers_period_switcher_previous (KOERS_WINDOW (user_data)->period_switcher);
}

static void
next_period_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  koers_period_switcher_next (KOERS_WINDOW (user_data)->period_switcher);
}

static void
show_departments_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  KoersWindow *self = KOERS_WINDOW (user_data);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  if (koers_window_is_tool_shown (self) && gtk_list_box_get_selected_row (self->tools_list) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (self->tools_list)));
  else if (self->department != NULL)
    koers_window_focus_department_row (self, self->department);
}

/* F7 goes to the OKR check, and from there back to the department. */
static void
check_okrs_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  KoersWindow *self = KOERS_WINDOW (user_data);

  if (koers_window_is_quality_shown (self))
    {
      show_editor (self);
      return;
    }

  show_quality (self);
  show_content (self);
}

/* "win.export-report" and "win.print-report" (Print…: the Export Report
 * window's choices, then the print dialog). */
static void
report_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  KoersWindow *self = KOERS_WINDOW (user_data);
  GtkWidget   *dialog = koers_report_dialog_new (GTK_WINDOW (self), self->store,
                                                 koers_period_switcher_get_period (self->period_switcher),
                                                 self->department);

  if (g_str_equal (g_action_get_name (G_ACTION (action)), "print-report"))
    koers_report_dialog_set_print_mode (KOERS_REPORT_DIALOG (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_dashboard_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  KoersWindow *self = KOERS_WINDOW (user_data);

  gtk_window_present (GTK_WINDOW (koers_report_dialog_new_dashboard (
    GTK_WINDOW (self), self->store, koers_period_switcher_get_period (self->period_switcher),
    self->department)));
}

/* "win.edit-objective" and the other editing actions with an id: the
 * cards, rows and the editor pane ask, the window opens and deletes. */
static void
editing_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KoersWindow *self = KOERS_WINDOW (widget);

  koers_editing_activate (widget, self->store, action_name + strlen ("win."),
                          g_variant_get_int64 (parameter));
}

/* From the alignment tree: the objective's department, and its editor. */
static void
show_objective_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  KoersWindow     *self = KOERS_WINDOW (user_data);
  KoersObjective  *objective = koers_store_find_objective (self->store, g_variant_get_int64 (parameter));
  KoersDepartment *department;

  if (objective == NULL)
    return;
  department = koers_store_find_department (self->store, koers_objective_get_department_id (objective));
  if (department == NULL)
    return;

  koers_window_select_department (self, department);
  show_editor_page (self);
  koers_editing_open_objective (GTK_WIDGET (self), self->store, objective);
}

static const GActionEntry win_entries[] = {
  { .name = "add-objective", .activate = add_action },
  { .name = "add-key-result", .activate = add_action },
  { .name = "previous-period", .activate = previous_period_action },
  { .name = "next-period", .activate = next_period_action },
  { .name = "show-departments", .activate = show_departments_action },
  { .name = "export-report", .activate = report_action },
  { .name = "print-report", .activate = report_action },
  { .name = "export-dashboard", .activate = export_dashboard_action },
  { .name = "check-okrs", .activate = check_okrs_action },
  { .name = "show-objective", .activate = show_objective_action, .parameter_type = "x" },
};

/* The OKR check, on the period shown.  It checks the whole period at
 * once: after the first frame (koers-window-first-frame.c). */
void
koers_window_add_quality_page (KoersWindow *self)
{
  if (self->quality_page != NULL)
    return;

  self->quality_page = KOERS_QUALITY_PAGE (koers_quality_page_new (self->store));
  koers_quality_page_set_period (self->quality_page,
                                 koers_period_switcher_get_period (self->period_switcher));
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->quality_page), "quality");
  g_signal_connect_object (self->quality_page, "notify::n-open",
                           G_CALLBACK (n_open_changed_cb), self, G_CONNECT_SWAPPED);
  n_open_changed_cb (self);
}

/* Window state. */

static void
restore_period (KoersWindow *self)
{
  g_autofree char *key = g_settings_get_string (self->settings, "last-period");
  KoersPeriod      period;

  if (key[0] == '\0' || !koers_period_parse (key, &period, NULL))
    {
      GDate today;

      koers_date_today (&today);
      koers_period_init_for_date (&period, &today);
    }

  koers_period_switcher_set_period (self->period_switcher, &period);
  /* Unchanged period: no notify, so hand it on here. */
  period_changed_cb (self);
}

static void
restore_department (KoersWindow *self)
{
  g_autofree char *uuid = g_settings_get_string (self->settings, "last-department");
  GListModel      *departments = koers_store_get_departments (self->store);
  guint            n = g_list_model_get_n_items (departments);

  for (guint i = 0; uuid[0] != '\0' && i < n; i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i);

      if (g_strcmp0 (koers_department_get_uuid (dept), uuid) == 0)
        {
          koers_window_select_department (self, dept);
          return;
        }
    }

  koers_window_select_department (self, koers_store_get_company (self->store));
}

static gboolean
koers_window_close_request (GtkWindow *window)
{
  KoersWindow *self = KOERS_WINDOW (window);
  int          width, height;

  /* GTK keeps the default size at the unmaximized size. */
  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (koers_window_parent_class)->close_request (window);
}

static void
koers_window_constructed (GObject *object)
{
  KoersWindow *self = KOERS_WINDOW (object);
  G_OBJECT_CLASS (koers_window_parent_class)->constructed (object);

  g_assert (KOERS_IS_STORE (self->store));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  koers_editor_pane_set_store (self->editor_pane, self->store);
  self->dashboard_publisher = G_OBJECT (koers_dashboard_publisher_new (self->store, self->settings,
                                                                       GTK_WIDGET (self)));

  koers_window_bind_departments (self);
  koers_window_capacity_bind (self);
  koers_window_server_bind (self);
  koers_window_limit_first_rows (self);
  restore_period (self);
  restore_department (self);
}

static void
koers_window_dispose (GObject *object)
{
  KoersWindow *self = KOERS_WINDOW (object);

  koers_window_dispose_first_frame (self);
  koers_window_dispose_prefetch (self);
  koers_window_dispose_departments (self);
  koers_window_dispose_data (self);
  g_clear_object (&self->dashboard_publisher);

  G_OBJECT_CLASS (koers_window_parent_class)->dispose (object);
}

static void
koers_window_finalize (GObject *object)
{
  KoersWindow *self = KOERS_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (koers_window_parent_class)->finalize (object);
}

static void
koers_window_class_init (KoersWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = koers_window_constructed;
  object_class->dispose = koers_window_dispose;
  object_class->finalize = koers_window_finalize;
  window_class->close_request = koers_window_close_request;

  koers_property_install_all (object_class, property_table, G_N_ELEMENTS (property_table));

  g_type_ensure (KOERS_TYPE_EDITOR_PANE);
  g_type_ensure (KOERS_TYPE_PERIOD_SWITCHER);

  for (guint i = 0; koers_editing_action_names[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat ("win.", koers_editing_action_names[i], NULL);

      /* Interned: the class keeps the name for the life of the program. */
      gtk_widget_class_install_action (widget_class, g_intern_string (name), "x", editing_action_cb);
    }

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/koersapp/Koers/ui/window/koers-window.ui");
  koers_window_class_init_due (widget_class);
  /* Offset 0: no field, but gtk_widget_get_template_child() finds them (tests). */
  gtk_widget_class_bind_template_child_full (widget_class, "back_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, department_list);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, period_switcher);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, editor_pane);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, tools_list);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, due_row);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, due_badge);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, quality_row);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, quality_badge);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, alignment_row);
  koers_window_capacity_class_init (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, department_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, department_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, tools_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, tools_row_activated_cb);
}

static const KoersTemplateTooltip template_tooltips[] = {
  { "add_department_button", N_ ("Add Department") },
  { "primary_menu_button", N_ ("Main Menu") },
  { "due_row", N_ ("The key results, KPIs and reviews that wait for a check-in") },
  { "quality_row", N_ ("The framework’s checks for the quarter’s OKRs") },
  { "alignment_row", N_ ("How team, department and company objectives support each other") },
  { "capacity_row", N_ ("Effort against each department’s capacity, and the resource requests") },
  { "escalations_row", N_ ("Committed OKRs escalated to management") },
  { "back_button", N_ ("Departments") },
  { "search_button", N_ ("Search") },
};

static void
koers_window_init (KoersWindow *self)
{
  g_autoptr (GPropertyAction) search_action = NULL;

  self->settings = g_settings_new (APP_ID);

  gtk_widget_init_template (GTK_WIDGET (self));
  koers_tooltip_init_template (GTK_WIDGET (self), template_tooltips, G_N_ELEMENTS (template_tooltips));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries,
                                   G_N_ELEMENTS (win_entries), self);
  koers_window_init_departments (self);
  koers_window_init_data (self);
  search_action = g_property_action_new ("search", self->search_bar, "search-mode-enabled");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (search_action));
}

KoersWindow *
koers_window_new (GtkApplication *application,
                  KoersStore     *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);

  return g_object_new (KOERS_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

KOERS_DEFINE_GETTER (KoersWindow, koers_window, KOERS_IS_WINDOW, KoersStore *, store, NULL)

KOERS_DEFINE_GETTER (KoersWindow, koers_window, KOERS_IS_WINDOW, KoersDepartment *, department, NULL)

const KoersPeriod *
koers_window_get_period (KoersWindow *self)
{
  g_return_val_if_fail (KOERS_IS_WINDOW (self), NULL);

  return koers_period_switcher_get_period (self->period_switcher);
}

void
koers_window_set_period (KoersWindow       *self,
                         const KoersPeriod *period)
{
  g_return_if_fail (KOERS_IS_WINDOW (self));

  koers_period_switcher_set_period (self->period_switcher, period);
}
