/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's sidebar of departments: which one is selected, and the
 * department actions (add, rename, delete with undo, move) from the rows'
 * menus, drag and drop and keys. */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-text.h"
#include "koers-department-dialog.h"
#include "koers-window-private.h"
#include "widgets/koers-deleting.h"
#include "widgets/koers-toasts.h"

/* Which department the sidebar shows: its row selected (again, after
 * the list changed) and focused. */

static KoersDepartmentRow *
find_row (KoersWindow *self,
          gint64       department_id)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->department_list, i)) != NULL; i++)
    {
      KoersDepartment *dept = koers_department_row_get_department (KOERS_DEPARTMENT_ROW (row));

      if (koers_department_get_id (dept) == department_id)
        return KOERS_DEPARTMENT_ROW (row);
    }

  return NULL;
}

void
koers_window_set_department (KoersWindow     *self,
                             KoersDepartment *department)
{
  if (!g_set_object (&self->department, department))
    return;

  koers_editor_pane_set_department (self->editor_pane, department);
  koers_window_server_update_role (self);
  g_settings_set_string (self->settings, "last-department",
                         koers_department_get_uuid (department));
}

/* Selects the current department's row again after the list changed
 * (a row that is removed and added back loses its selection), or the
 * company when the department is gone.  While the OKR check shows, no
 * department row is selected: the department is only remembered. */
void
koers_window_reselect_department (KoersWindow *self)
{
  KoersDepartmentRow *row = NULL;

  if (self->department != NULL)
    row = find_row (self, koers_department_get_id (self->department));
  /* A team out of sight: its department. */
  if (row == NULL && self->department != NULL)
    row = find_row (self, koers_department_get_parent_id (self->department));
  if (row == NULL)
    row = find_row (self, koers_department_get_id (koers_store_get_company (self->store)));
  if (row == NULL)
    return;

  if (!koers_window_is_tool_shown (self) &&
      gtk_list_box_get_selected_row (self->department_list) != GTK_LIST_BOX_ROW (row))
    gtk_list_box_select_row (self->department_list, GTK_LIST_BOX_ROW (row));
  koers_window_set_department (self, koers_department_row_get_department (row));
}

void
koers_window_focus_department_row (KoersWindow     *self,
                                   KoersDepartment *department)
{
  KoersDepartmentRow *row = find_row (self, koers_department_get_id (department));

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static GtkWidget *
create_department_row_cb (gpointer item,
                          gpointer user_data)
{
  KoersWindow *self = KOERS_WINDOW (user_data);
  GtkWidget   *row = koers_department_row_new (self->store, KOERS_DEPARTMENT (item));

  koers_department_row_set_expanded (KOERS_DEPARTMENT_ROW (row),
                                     koers_window_get_teams_expanded (self, item));

  koers_department_row_set_period (KOERS_DEPARTMENT_ROW (row),
                                   koers_period_switcher_get_period (self->period_switcher));

  return row;
}

static gboolean
reselect_idle_cb (gpointer user_data)
{
  KoersWindow *self = KOERS_WINDOW (user_data);

  self->reselect_idle = 0;
  koers_window_reselect_department (self);

  return G_SOURCE_REMOVE;
}

static void
departments_changed_cb (KoersWindow *self)
{
  /* Not at once: a move is a remove and an insert, and between the two
   * the selected department is missing from the list. */
  if (self->reselect_idle == 0)
    self->reselect_idle = g_idle_add (reselect_idle_cb, self);
}

void
koers_window_select_department (KoersWindow     *self,
                                KoersDepartment *department)
{
  KoersDepartmentRow *row;

  g_return_if_fail (KOERS_IS_WINDOW (self));
  g_return_if_fail (KOERS_IS_DEPARTMENT (department));

  /* A team of a collapsed department: open it. */
  if (koers_department_get_parent_id (department) != 0)
    {
      KoersDepartment *parent = koers_store_find_department (self->store,
                                                             koers_department_get_parent_id (department));

      if (parent != NULL)
        koers_window_set_teams_expanded (self, parent, TRUE);
    }

  row = find_row (self, koers_department_get_id (department));
  if (row == NULL)
    return;

  gtk_list_box_select_row (self->department_list, GTK_LIST_BOX_ROW (row));
  koers_window_set_department (self, koers_department_row_get_department (row));
}

void
koers_window_bind_departments (KoersWindow *self)
{
  GListModel *departments = koers_store_get_departments (self->store);

  /* Each row is a template, a summary of its department's quarter and
   * its share of the layout: a large company's rows out of view were a
   * good part of the window's start (koers-window-first-frame.c). */
  self->department_rows = gtk_slice_list_model_new (g_object_ref (koers_window_create_department_tree (self)), 0, 1);
  gtk_list_box_bind_model (self->department_list, G_LIST_MODEL (self->department_rows),
                           create_department_row_cb, self, NULL);
  /* After the slice's handler (and so the list box's), so the rows exist. */
  g_signal_connect_object (departments, "items-changed",
                           G_CALLBACK (departments_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Whether row shows in the sidebar's scrolled view (or has no place
 * yet: then it counts as shown). */
static gboolean
is_row_in_view (KoersWindow   *self,
                GtkListBoxRow *row)
{
  GtkWidget      *view = gtk_widget_get_ancestor (GTK_WIDGET (self->department_list), GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;
  int             height;

  if (view == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (row), view, &bounds))
    return TRUE;

  height = gtk_widget_get_height (view);
  return height <= 0 || (graphene_rect_get_y (&bounds) <= height &&
                         graphene_rect_get_y (&bounds) + graphene_rect_get_height (&bounds) >= 0);
}

void
koers_window_set_rows_period (KoersWindow       *self,
                              const KoersPeriod *period,
                              gboolean           defer)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->department_list, i)) != NULL; i++)
    {
      if (defer && !is_row_in_view (self, row))
        self->rows_behind = TRUE;
      else
        koers_department_row_set_period (KOERS_DEPARTMENT_ROW (row), period);
    }
}

void
koers_window_catch_up_rows (KoersWindow *self)
{
  if (!self->rows_behind)
    return;

  self->rows_behind = FALSE;
  koers_window_set_rows_period (self, koers_period_switcher_get_period (self->period_switcher), FALSE);
}

void
koers_window_show_department_rows (KoersWindow *self,
                                   guint        n_rows)
{
  if (self->department_rows != NULL)
    gtk_slice_list_model_set_size (self->department_rows, n_rows);
}

void
koers_window_dispose_departments (KoersWindow *self)
{
  g_clear_handle_id (&self->reselect_idle, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (koers_store_get_departments (self->store), self);
  if (self->department_list != NULL)
    gtk_list_box_bind_model (self->department_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->department_rows);
  koers_window_dispose_department_tree (self);
  g_clear_object (&self->department);
}

/* Adding, renaming, deleting and moving. */

int
koers_window_find_department_index (KoersWindow     *self,
                                    KoersDepartment *department)
{
  GListModel *departments = koers_store_get_departments (self->store);
  guint       n = g_list_model_get_n_items (departments);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i);

      if (dept == department)
        return (int) i;
    }

  return -1;
}

static void
department_action_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      KoersWindow   *self)
{
  const KoersDepartmentAction *entry = g_object_get_data (G_OBJECT (action), "koers-department-action");
  KoersDepartment             *department;

  department = koers_store_find_department (self->store, g_variant_get_int64 (parameter));
  if (department != NULL)
    entry->func (self, department);
}

void
koers_window_add_department_actions (KoersWindow                 *self,
                                     const KoersDepartmentAction *actions,
                                     guint                        n_actions)
{
  for (guint i = 0; i < n_actions; i++)
    {
      g_autoptr (GSimpleAction) action = g_simple_action_new (actions[i].name, G_VARIANT_TYPE_INT64);

      g_object_set_data (G_OBJECT (action), "koers-department-action", (gpointer) &actions[i]);
      g_signal_connect_object (action, "activate", G_CALLBACK (department_action_cb), self, 0);
      g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
    }
}

/* Adding and renaming. */

static void
department_dialog_response_cb (KoersWindow           *self,
                               const char            *response,
                               KoersDepartmentDialog *dialog)
{
  KoersDepartment *department = koers_department_dialog_get_department (dialog);
  g_autofree char *name = NULL;
  g_autofree char *emoji = NULL;
  gint64           parent_id;
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;

  name = koers_department_dialog_dup_name (dialog);
  emoji = koers_department_dialog_dup_emoji (dialog);
  parent_id = koers_department_dialog_get_parent_id (dialog);

  if (department == NULL)
    {
      g_autoptr (KoersDepartment) added = koers_department_new (name, emoji);

      koers_department_set_parent_id (added, parent_id);
      if (!koers_store_add_department (self->store, added, &error))
        {
          koers_toasts_show_error (GTK_WIDGET (self->toast_overlay), error);
          return;
        }
      koers_window_select_department (self, added);
      koers_window_focus_department_row (self, added);
    }
  else
    {
      g_autofree char *old_name = g_strdup (koers_department_get_name (department));
      g_autofree char *old_emoji = g_strdup (koers_department_get_emoji (department));
      gint64           old_parent_id = koers_department_get_parent_id (department);

      koers_department_set_name (department, name);
      koers_department_set_emoji (department, emoji);
      /* A department's dialog has no parent to choose: it stays one. */
      if (old_parent_id != 0 && parent_id != 0)
        koers_department_set_parent_id (department, parent_id);
      if (!koers_store_save_department (self->store, department, &error))
        {
          koers_department_set_name (department, old_name);
          koers_department_set_emoji (department, old_emoji);
          koers_department_set_parent_id (department, old_parent_id);
          koers_toasts_show_error (GTK_WIDGET (self->toast_overlay), error);
          return;
        }
      /* Moved to another department: still selected, in its new place. */
      if (parent_id != old_parent_id)
        koers_window_select_department (self, department);
    }
}

static void
present_department_dialog (KoersWindow     *self,
                           KoersDepartment *department,
                           gint64           parent_id)
{
  GtkWidget *dialog = koers_department_dialog_new (GTK_WINDOW (self), self->store, department);

  if (parent_id != 0)
    koers_department_dialog_set_parent_id (KOERS_DEPARTMENT_DIALOG (dialog), parent_id);

  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (department_dialog_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_department_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  present_department_dialog (KOERS_WINDOW (user_data), NULL, 0);
}

static void
add_team (KoersWindow     *self,
          KoersDepartment *department)
{
  present_department_dialog (self, NULL, koers_department_get_id (department));
}

static void
rename_department (KoersWindow     *self,
                   KoersDepartment *department)
{
  present_department_dialog (self, department, 0);
}

/* Deleting, with undo.  A department's teams go with it (their own
 * objectives too), and one Undo brings them all back. */

typedef struct
{
  KoersDepartment *department;
  GPtrArray       *objectives; /* taken before the delete: undo writes them back */
} Deleted;

static void
deleted_free (gpointer data)
{
  Deleted *deleted = data;

  if (deleted == NULL)
    return;
  g_clear_object (&deleted->department);
  g_clear_pointer (&deleted->objectives, g_ptr_array_unref);
  g_free (deleted);
}

/* The teams of department, in the store's order (new array, refs). */
static GPtrArray *
list_teams (KoersWindow     *self,
            KoersDepartment *department)
{
  GListModel *departments = koers_store_get_departments (self->store);
  GPtrArray  *teams = g_ptr_array_new_with_free_func (g_object_unref);
  gint64      id = koers_department_get_id (department);

  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i);

      if (koers_department_get_parent_id (dept) == id)
        g_ptr_array_add (teams, g_steal_pointer (&dept));
    }

  return teams;
}

static void
undo_delete_department_cb (KoersWindow *self,
                           AdwToast    *toast)
{
  GPtrArray *deleted = g_object_get_data (G_OBJECT (toast), "deleted");
  g_autoptr (GError) error = NULL;

  /* The department first: its teams come back under it. */
  for (guint i = 0; i < deleted->len; i++)
    {
      Deleted *item = g_ptr_array_index (deleted, i);

      if (!koers_store_restore_department (self->store, item->department, item->objectives, &error))
        {
          koers_toasts_show_error (GTK_WIDGET (self->toast_overlay), error);
          return;
        }
    }

  koers_window_select_department (self, ((Deleted *) g_ptr_array_index (deleted, 0))->department);
}

static Deleted *
delete_one (KoersWindow     *self,
            KoersDepartment *department,
            GError         **error)
{
  Deleted *deleted = g_new0 (Deleted, 1);

  deleted->department = g_object_ref (department);
  deleted->objectives = koers_store_list_department_objectives (self->store, department);
  if (!koers_store_delete_department (self->store, department, error))
    {
      deleted_free (deleted);
      return NULL;
    }

  return deleted;
}

static void
delete_department_now (KoersWindow     *self,
                       KoersDepartment *department)
{
  g_autoptr (KoersDepartment) kept = g_object_ref (department);
  g_autoptr (GPtrArray) teams = list_teams (self, department);
  g_autoptr (GPtrArray) deleted = g_ptr_array_new_with_free_func (deleted_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  AdwToast        *toast;
  Deleted         *item;

  /* The teams first, so that none is left without its department; the
   * department's entry first in the list, so that undo restores it first. */
  g_ptr_array_add (deleted, NULL);
  for (guint i = 0; i < teams->len; i++)
    {
      item = delete_one (self, g_ptr_array_index (teams, i), &error);
      if (item == NULL)
        break;
      g_ptr_array_add (deleted, item);
    }
  item = error == NULL ? delete_one (self, kept, &error) : NULL;
  deleted->pdata[0] = item;
  if (item == NULL)
    {
      /* Whatever went already comes back. */
      g_ptr_array_remove_index (deleted, 0);
      for (guint i = 0; i < deleted->len; i++)
        {
          Deleted *team = g_ptr_array_index (deleted, i);

          koers_store_restore_department (self->store, team->department, team->objectives, NULL);
        }
      koers_toasts_show_error (GTK_WIDGET (self->toast_overlay), error);
      return;
    }
  koers_window_reselect_department (self);

  name = koers_text_isolate (koers_department_get_name (kept));
  escaped = g_markup_escape_text (name, -1);
  /* Translators: %s is the name of a department. */
  title = g_strdup_printf (_ ("“%s” deleted"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "deleted",
                          g_ptr_array_ref (deleted), (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (toast, "button-clicked",
                           G_CALLBACK (undo_delete_department_cb), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* What goes with the department: its teams, its objectives. */
static char *
describe_deletion (guint n_teams,
                   guint n_objectives)
{
  GString *body = g_string_new (NULL);

  if (n_teams > 0)
    g_string_append_printf (body,
                            ngettext ("Its %u team is deleted too, with the team’s objectives.",
                                      "Its %u teams are deleted too, with their objectives.", n_teams),
                            n_teams);
  if (n_teams > 0 && n_objectives > 0)
    g_string_append_c (body, ' ');
  if (n_objectives > 0)
    g_string_append_printf (body,
                            ngettext ("Its %u objective, with key results and check-ins, "
                                      "is deleted as well.",
                                      "Its %u objectives, with their key results and "
                                      "check-ins, are deleted as well.",
                                      n_objectives),
                            n_objectives);

  return g_string_free (body, FALSE);
}

static void
delete_department (KoersWindow     *self,
                   KoersDepartment *department)
{
  g_autoptr (GPtrArray) objectives = NULL;
  g_autoptr (GPtrArray) teams = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  g_autofree char *heading = NULL;

  if (koers_department_get_is_company (department))
    return;

  objectives = koers_store_list_department_objectives (self->store, department);
  teams = list_teams (self, department);
  if (objectives->len == 0 && teams->len == 0)
    {
      delete_department_now (self, department);
      return;
    }

  /* AdwMessageDialog heading and body are plain text (no markup). */
  name = koers_text_isolate (koers_department_get_name (department));
  body = describe_deletion (teams->len, objectives->len);
  /* Translators: %s is the name of a department. */
  heading = g_strdup_printf (_ ("Delete “%s”?"), name);
  koers_deleting_confirm (GTK_WINDOW (self), heading, body, self, G_OBJECT (department),
                          (KoersDeletingConfirmFunc) delete_department_now);
}

/* Reordering: the company stays at index 0. */

static void
move_department (KoersWindow     *self,
                 KoersDepartment *department,
                 int              new_index)
{
  g_autoptr (KoersDepartment) moved = g_object_ref (department);
  GListModel *departments = koers_store_get_departments (self->store);
  int         n = (int) g_list_model_get_n_items (departments);
  int         index = koers_window_find_department_index (self, department);
  GtkWidget  *focus;
  gboolean    had_focus;
  g_autoptr (GError) error = NULL;

  if (koers_department_get_is_company (department) || index < 0)
    return;

  new_index = CLAMP (new_index, 1, n - 1);
  if (new_index == index)
    return;

  focus = gtk_window_get_focus (GTK_WINDOW (self));
  had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->department_list));
  if (!koers_store_move_department (self->store, moved, (guint) new_index, &error))
    {
      koers_toasts_show_error (GTK_WIDGET (self->toast_overlay), error);
      return;
    }

  koers_window_reselect_department (self);
  /* The list recreated the row: keep the keyboard on it. */
  if (had_focus)
    koers_window_focus_department_row (self, moved);
}

/* Past the teams between two departments, and a team among its own
 * department's teams. */
static void
move_department_by (KoersWindow     *self,
                    KoersDepartment *department,
                    int              delta)
{
  int index = koers_window_find_sibling_index (self, department, delta);

  if (index >= 0)
    move_department (self, department, index);
}

static void
move_department_up (KoersWindow     *self,
                    KoersDepartment *department)
{
  move_department_by (self, department, -1);
}

static void
move_department_down (KoersWindow     *self,
                      KoersDepartment *department)
{
  move_department_by (self, department, +1);
}

static void
move_department_to_action (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  KoersWindow     *self = KOERS_WINDOW (user_data);
  KoersDepartment *department;
  gint64           id;
  guint            index;

  g_variant_get (parameter, "(xu)", &id, &index);
  department = koers_store_find_department (self->store, id);
  if (department != NULL)
    move_department (self, department, (int) MIN (index, G_MAXINT));
}

/* Keyboard shortcuts of the sidebar list: they act on the selected row. */
static gboolean
sidebar_shortcut_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  KoersWindow     *self = KOERS_WINDOW (user_data);
  GtkListBoxRow   *row = gtk_list_box_get_selected_row (self->department_list);
  const char      *action;
  KoersDepartment *department;

  if (row == NULL)
    return FALSE;

  department = koers_department_row_get_department (KOERS_DEPARTMENT_ROW (row));
  action = g_variant_get_string (args, NULL);

  return gtk_widget_activate_action (GTK_WIDGET (self), action, "x",
                                     koers_department_get_id (department));
}

static void
setup_sidebar_shortcuts (KoersWindow *self)
{
  static const struct
  {
    guint           keyval;
    GdkModifierType modifiers;
    const char     *action;
  } shortcuts[] = {
    { GDK_KEY_F2, 0, "win.rename-department" },
    { GDK_KEY_Up, GDK_ALT_MASK, "win.move-department-up" },
    { GDK_KEY_Down, GDK_ALT_MASK, "win.move-department-down" },
    { GDK_KEY_Delete, 0, "win.delete-department" },
    { GDK_KEY_KP_Delete, 0, "win.delete-department" },
    /* As in a tree view: Right and + open a department's teams, Left
     * and - close them (on a team: its department's). */
    { GDK_KEY_Right, 0, "win.expand-teams" },
    { GDK_KEY_plus, 0, "win.expand-teams" },
    { GDK_KEY_KP_Add, 0, "win.expand-teams" },
    { GDK_KEY_Left, 0, "win.collapse-teams" },
    { GDK_KEY_minus, 0, "win.collapse-teams" },
    { GDK_KEY_KP_Subtract, 0, "win.collapse-teams" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      GtkShortcut *shortcut;

      shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (shortcuts[i].keyval, shortcuts[i].modifiers),
                                   gtk_callback_action_new (sidebar_shortcut_cb, self, NULL));
      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (shortcuts[i].action));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self->department_list), controller);
}

static const GActionEntry department_entries[] = {
  { .name = "add-department", .activate = add_department_action },
  { .name = "move-department-to", .activate = move_department_to_action, .parameter_type = "(xu)" },
};

static const KoersDepartmentAction department_actions[] = {
  { "add-team", add_team },
  { "rename-department", rename_department },
  { "delete-department", delete_department },
  { "move-department-up", move_department_up },
  { "move-department-down", move_department_down },
};

void
koers_window_init_departments (KoersWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), department_entries,
                                   G_N_ELEMENTS (department_entries), self);
  koers_window_add_department_actions (self, department_actions, G_N_ELEMENTS (department_actions));
  koers_window_init_teams (self);
  setup_sidebar_shortcuts (self);
}
