/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-test-ui.h"
#include "core/koers-date.h"
#include "core/koers-text.h"
#include "io/koers-demo.h"
#include "ui/objectives/koers-editor-pane.h"
#include "ui/quality/koers-quality-page.h"
#include "ui/quality/koers-review-dialog.h"
#include "ui/window/koers-alignment-page.h"
#include "ui/window/koers-department-dialog.h"
#include "ui/window/koers-department-row.h"
#include "ui/window/koers-period-switcher.h"
#include "ui/window/koers-window.h"

static GSettings *settings;

static gpointer
get_child (KoersWindow *window,
           const char  *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (window), KOERS_TYPE_WINDOW, name);
}

static KoersWindow *
open_window (KoersStore *store,
             int         width,
             int         height)
{
  KoersWindow *window = koers_window_new (NULL, store);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  koers_test_ui_iterate ();

  return window;
}

static GtkListBoxRow *
get_row (KoersWindow *window,
         int          index)
{
  return gtk_list_box_get_row_at_index (get_child (window, "department_list"), index);
}

static guint
count_rows (KoersWindow *window)
{
  guint n = 0;

  while (get_row (window, (int) n) != NULL)
    n++;

  return n;
}

static KoersDepartment *
get_row_department (KoersWindow *window,
                    int          index)
{
  GtkListBoxRow *row = get_row (window, index);

  g_assert_nonnull (row);
  return koers_department_row_get_department (KOERS_DEPARTMENT_ROW (row));
}

static int
find_row_index (KoersWindow     *window,
                KoersDepartment *dept)
{
  for (int i = 0; get_row (window, i) != NULL; i++)
    if (get_row_department (window, i) == dept)
      return i;

  return -1;
}

/* Depth-first: the first widget of type under root that pred accepts. */
static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type,
                 gboolean (*pred) (GtkWidget *widget, gconstpointer data),
                 gconstpointer data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (pred == NULL || pred (root, data)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, pred, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
label_has_text (GtkWidget    *widget,
                gconstpointer data)
{
  return gtk_widget_get_mapped (widget) && g_str_has_suffix (gtk_label_get_text (GTK_LABEL (widget)), data);
}

static gboolean
button_has_label (GtkWidget    *widget,
                  gconstpointer data)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

/* Whether the editor pane shows a label ending in text (its header names
 * the department it shows). */
static gboolean
pane_shows (KoersWindow *window,
            const char  *name)
{
  /* The heading shows the name as one bidi isolate. */
  g_autofree char *text = koers_text_isolate (name);

  return find_descendant (get_child (window, "editor_pane"), GTK_TYPE_LABEL,
                          label_has_text, text) != NULL;
}

static KoersObjective *
add_objective (KoersStore      *store,
               KoersDepartment *dept,
               const char      *title,
               const char      *period)
{
  g_autoptr (KoersObjective) objective = koers_objective_new (title, KOERS_LEVEL_DEPARTMENT,
                                                              KOERS_OBJECTIVE_KIND_COMMITTED, period);
  g_autoptr (GError) error = NULL;

  koers_objective_set_department_id (objective, koers_department_get_id (dept));
  g_assert_true (koers_store_add_objective (store, objective, &error));
  g_assert_no_error (error);

  /* The store keeps it. */
  return objective;
}

/* The current quarter, as a period key such as "2026-Q2". */
static char *
dup_current_period_key (void)
{
  KoersPeriod period;
  GDate       today;

  koers_date_today (&today);
  koers_period_init_for_date (&period, &today);
  return koers_period_to_string (&period);
}

static void
reset_settings (void)
{
  g_autoptr (GSettingsSchema) schema = NULL;
  g_auto (GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

/* Company first, then the seed's nine departments in the store's order;
 * without a saved department the company is selected. */
static void
test_sidebar (void)
{
  KoersTestUiDb db = { 0 };
  KoersWindow  *window;
  GListModel   *departments;

  reset_settings ();
  koers_test_ui_db_open (&db);
  window = open_window (db.store, 1100, 720);
  departments = koers_store_get_departments (db.store);

  g_assert_cmpuint (count_rows (window), ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (departments), ==, 10);
  g_assert_true (koers_department_get_is_company (get_row_department (window, 0)));
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i);

      g_assert_true (get_row_department (window, (int) i) == dept);
    }

  g_assert_true (koers_window_get_department (window) == koers_store_get_company (db.store));
  g_assert_true (gtk_list_box_get_selected_row (get_child (window, "department_list")) == get_row (window, 0));
  g_assert_true (pane_shows (window, koers_department_get_name (koers_store_get_company (db.store))));

  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));
  koers_test_ui_db_close (&db);
}

/* Selecting a row shows the department in the pane and is remembered. */
static void
test_select (void)
{
  KoersTestUiDb    db = { 0 };
  KoersWindow     *window;
  KoersDepartment *marketing;
  KoersDepartment *finance;
  g_autofree char *saved = NULL;

  reset_settings ();
  koers_test_ui_db_open (&db);
  marketing = koers_test_find_department (db.store, "Marketing");
  finance = koers_test_find_department (db.store, "Finance");
  window = open_window (db.store, 1100, 720);

  gtk_list_box_select_row (get_child (window, "department_list"),
                           get_row (window, find_row_index (window, marketing)));
  koers_test_ui_iterate ();
  g_assert_true (koers_window_get_department (window) == marketing);
  g_assert_true (pane_shows (window, "Marketing"));
  saved = g_settings_get_string (settings, "last-department");
  g_assert_cmpstr (saved, ==, koers_department_get_uuid (marketing));

  koers_window_select_department (window, finance);
  koers_test_ui_iterate ();
  g_assert_true (pane_shows (window, "Finance"));
  g_assert_true (gtk_list_box_get_selected_row (get_child (window, "department_list")) == get_row (window, find_row_index (window, finance)));
  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));

  /* A new window starts on the last department. */
  window = open_window (db.store, 1100, 720);
  g_assert_true (koers_window_get_department (window) == finance);
  g_assert_true (pane_shows (window, "Finance"));

  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));
  koers_test_ui_db_close (&db);
}

static const char *
get_period_label (KoersWindow *window)
{
  return koers_period_switcher_get_label (get_child (window, "period_switcher"));
}

/* KOERS_TODAY is 2026-05-15: the window opens on Q2 2026. */
static void
test_period (void)
{
  KoersTestUiDb       db = { 0 };
  KoersWindow        *window;
  KoersDepartment    *marketing;
  KoersDepartmentRow *row;
  g_autofree char    *saved = NULL;

  reset_settings ();
  koers_test_ui_db_open (&db);
  marketing = koers_test_find_department (db.store, "Marketing");
  add_objective (db.store, marketing, "Double monthly sign-ups", "2026-Q2");
  add_objective (db.store, marketing, "More newsletter subscribers", "2026-Q3");
  add_objective (db.store, marketing, "Launch the Canadian campaign", "2026-Q3");
  window = open_window (db.store, 1100, 720);
  row = KOERS_DEPARTMENT_ROW (get_row (window, find_row_index (window, marketing)));

  g_assert_cmpstr (get_period_label (window), ==, "Q2 2026");
  g_assert_cmpuint (koers_department_row_get_summary (row)->n_objectives, ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-period", NULL));
  g_assert_cmpstr (get_period_label (window), ==, "Q3 2026");
  /* The same row object, recomputed for the new period. */
  g_assert_true (KOERS_DEPARTMENT_ROW (get_row (window, find_row_index (window, marketing))) == row);
  g_assert_cmpuint (koers_department_row_get_summary (row)->n_objectives, ==, 2);
  saved = g_settings_get_string (settings, "last-period");
  g_assert_cmpstr (saved, ==, "2026-Q3");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-period", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-period", NULL));
  g_assert_cmpstr (get_period_label (window), ==, "Q1 2026");
  g_assert_cmpuint (koers_department_row_get_summary (row)->n_objectives, ==, 0);
  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));

  /* The last period comes back. */
  window = open_window (db.store, 1100, 720);
  g_assert_cmpstr (get_period_label (window), ==, "Q1 2026");
  g_assert_cmpint (koers_window_get_period (window)->quarter, ==, 1);

  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));
  koers_test_ui_db_close (&db);
}

/* At phone width the leaflet folds: a row opens the pane, the back
 * button returns to the departments. */
static void
test_fold (void)
{
  KoersTestUiDb db = { 0 };
  KoersWindow  *window;
  AdwLeaflet   *leaflet;
  GtkWidget    *content;
  int           width;

  reset_settings ();
  koers_test_ui_db_open (&db);

  window = open_window (db.store, 1000, 700);
  leaflet = get_child (window, "leaflet");
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_false (gtk_widget_get_visible (get_child (window, "back_button")));
  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));

  window = open_window (db.store, 360, 640);
  leaflet = get_child (window, "leaflet");
  content = get_child (window, "content_box");
  width = gtk_widget_get_width (GTK_WIDGET (window));
  g_test_message ("window width at 360: %d", width);
  g_assert_cmpint (width, <=, 360);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) != content);

  g_signal_emit_by_name (get_child (window, "department_list"), "row-activated", get_row (window, 3));
  koers_test_ui_iterate ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == content);
  g_assert_true (gtk_widget_get_visible (get_child (window, "back_button")));
  g_assert_true (koers_window_get_department (window) == get_row_department (window, 3) || gtk_list_box_get_selected_row (get_child (window, "department_list")) != NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-departments", NULL));
  koers_test_ui_iterate ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) != content);

  /* Ctrl+N's action brings the pane forward before adding. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-objective", NULL));
  koers_test_ui_iterate ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == content);

  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));
  koers_test_ui_db_close (&db);
}

static void
test_window_size_saved (void)
{
  KoersTestUiDb db = { 0 };
  KoersWindow  *window;

  reset_settings ();
  koers_test_ui_db_open (&db);

  window = open_window (db.store, 900, 650);
  gtk_window_close (GTK_WINDOW (window));
  koers_test_ui_iterate ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 650);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = koers_window_new (NULL, db.store);
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 900);
    g_assert_cmpint (height, ==, 650);
  }
  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));

  koers_test_ui_db_close (&db);
}

/* The list follows store writes (add, move, delete) and keeps the
 * selected department selected. */
static void
test_follow_store (void)
{
  KoersTestUiDb    db = { 0 };
  KoersWindow     *window;
  KoersDepartment *sales;
  KoersDepartment *hr;
  g_autoptr (KoersDepartment) legal = koers_department_new ("Legal & Compliance", "⚖️");
  g_autoptr (GError) error = NULL;
  int index;

  reset_settings ();
  koers_test_ui_db_open (&db);
  sales = koers_test_find_department (db.store, "Sales");
  hr = koers_test_find_department (db.store, "Human Resources");
  window = open_window (db.store, 1100, 720);
  koers_window_select_department (window, sales);

  g_assert_true (koers_store_add_department (db.store, legal, &error));
  g_assert_no_error (error);
  koers_test_ui_iterate ();
  g_assert_cmpuint (count_rows (window), ==, 11);
  g_assert_true (get_row_department (window, 10) == legal);
  g_assert_true (koers_window_get_department (window) == sales);

  /* Move the selected department to the first place after the company,
   * as a drop on the company row does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-department-to", "(xu)",
                                             koers_department_get_id (sales), 0u));
  koers_test_ui_iterate ();
  g_assert_true (koers_department_get_is_company (get_row_department (window, 0)));
  g_assert_true (get_row_department (window, 1) == sales);
  g_assert_true (gtk_list_box_get_selected_row (get_child (window, "department_list")) == get_row (window, 1));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-department-down", "x",
                                             koers_department_get_id (sales)));
  koers_test_ui_iterate ();
  g_assert_true (get_row_department (window, 2) == sales);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-department-up", "x",
                                             koers_department_get_id (sales)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-department-up", "x",
                                             koers_department_get_id (sales)));
  koers_test_ui_iterate ();
  g_assert_true (get_row_department (window, 1) == sales);

  /* The company neither moves nor goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-department-down", "x",
                                             koers_department_get_id (koers_store_get_company (db.store))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-department", "x",
                                             koers_department_get_id (koers_store_get_company (db.store))));
  koers_test_ui_iterate ();
  g_assert_true (koers_department_get_is_company (get_row_department (window, 0)));
  g_assert_cmpuint (count_rows (window), ==, 11);

  /* An empty department goes without asking; the selection falls back
   * to the company when it was the one selected. */
  koers_window_select_department (window, legal);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-department", "x",
                                             koers_department_get_id (legal)));
  koers_test_ui_iterate ();
  g_assert_cmpuint (count_rows (window), ==, 10);
  g_assert_true (koers_window_get_department (window) == koers_store_get_company (db.store));

  index = find_row_index (window, hr);
  g_assert_cmpint (index, >, 0);

  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));
  koers_test_ui_db_close (&db);
}

static KoersDepartmentDialog *
find_department_dialog (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (KOERS_IS_DEPARTMENT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static void
test_add_and_rename (void)
{
  KoersTestUiDb          db = { 0 };
  KoersWindow           *window;
  KoersDepartmentDialog *dialog;
  KoersDepartment       *added;
  KoersDepartment       *it;
  GObject               *name_label;

  reset_settings ();
  koers_test_ui_db_open (&db);
  window = open_window (db.store, 1100, 720);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-department", NULL));
  koers_test_ui_iterate ();
  dialog = find_department_dialog ();
  g_assert_nonnull (dialog);
  /* No name, no department. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  koers_department_dialog_set_name (dialog, "  Legal <i>&</i> Compliance  ");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  koers_test_ui_iterate ();

  g_assert_cmpuint (count_rows (window), ==, 11);
  added = koers_window_get_department (window);
  g_assert_cmpstr (koers_department_get_name (added), ==, "Legal <i>&</i> Compliance");
  g_assert_true (get_row_department (window, 10) == added);
  g_assert_true (pane_shows (window, "Legal <i>&</i> Compliance"));

  it = koers_test_find_department (db.store, "IT & Development");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rename-department", "x",
                                             koers_department_get_id (it)));
  koers_test_ui_iterate ();
  dialog = find_department_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (koers_department_dialog_get_department (dialog) == it);
  koers_department_dialog_set_name (dialog, "Engineering");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  koers_test_ui_iterate ();

  g_assert_cmpstr (koers_department_get_name (it), ==, "Engineering");
  g_assert_true (koers_store_find_department_by_name (db.store, "Engineering") == it);
  name_label = gtk_widget_get_template_child (GTK_WIDGET (get_row (window, find_row_index (window, it))),
                                              KOERS_TYPE_DEPARTMENT_ROW, "name_label");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (name_label)), ==, KOERS_TEST_ISOLATED ("Engineering"));

  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));
  koers_test_ui_db_close (&db);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && !KOERS_IS_DEPARTMENT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

/* A department with objectives: confirm, delete, then Undo in the toast
 * brings it back with its objectives. */
static void
test_delete_undo (void)
{
  KoersTestUiDb     db = { 0 };
  KoersWindow      *window;
  KoersDepartment  *marketing;
  AdwMessageDialog *dialog;
  GtkWidget        *undo;
  gint64            id;

  reset_settings ();
  koers_test_ui_db_open (&db);
  marketing = koers_test_find_department (db.store, "Marketing");
  id = koers_department_get_id (marketing);
  add_objective (db.store, marketing, "Double monthly sign-ups", "2026-Q2");
  add_objective (db.store, marketing, "Get the most out of e-mail campaigns", "2026-Q2");
  window = open_window (db.store, 1100, 720);
  koers_window_select_department (window, marketing);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-department", "x", id));
  koers_test_ui_iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “" KOERS_TEST_ISOLATED ("Marketing") "”?");
  adw_message_dialog_response (dialog, "delete");
  koers_test_ui_iterate ();

  g_assert_null (koers_store_find_department (db.store, id));
  g_assert_cmpuint (count_rows (window), ==, 9);
  g_assert_true (koers_window_get_department (window) == koers_store_get_company (db.store));

  undo = find_descendant (get_child (window, "toast_overlay"), GTK_TYPE_BUTTON, button_has_label, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  koers_test_ui_iterate ();

  marketing = koers_store_find_department (db.store, id);
  g_assert_nonnull (marketing);
  g_assert_cmpuint (count_rows (window), ==, 10);
  g_assert_true (koers_window_get_department (window) == marketing);
  g_assert_cmpuint (koers_department_row_get_summary (KOERS_DEPARTMENT_ROW (get_row (window, find_row_index (window, marketing))))->n_objectives,
                    ==, 2);

  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));
  koers_test_ui_db_close (&db);
}

/* Teams: added under a department from its menu's action, nested under it
 * with the department's roll-up, collapsed and expanded (remembered),
 * moved to another department and deleted with undo. */
static void
test_teams (void)
{
  KoersTestUiDb          db = { 0 };
  KoersWindow           *window;
  KoersDepartmentDialog *dialog;
  KoersDepartment       *marketing;
  KoersDepartment       *sales;
  KoersDepartment       *team;
  KoersDepartmentRow    *row;
  GtkWidget             *undo;
  g_auto (GStrv) collapsed = NULL;
  g_autofree char *period_key = NULL;
  int              index;
  gint64           id;

  reset_settings ();
  koers_test_ui_db_open (&db);
  period_key = dup_current_period_key ();
  marketing = koers_test_find_department (db.store, "Marketing");
  sales = koers_test_find_department (db.store, "Sales");
  add_objective (db.store, marketing, "Double monthly sign-ups", period_key);
  window = open_window (db.store, 1100, 720);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-team", "x",
                                             koers_department_get_id (marketing)));
  koers_test_ui_iterate ();
  dialog = find_department_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (koers_department_dialog_get_parent_id (dialog), ==, koers_department_get_id (marketing));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "New Team");
  koers_department_dialog_set_name (dialog, "Growth");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  koers_test_ui_iterate ();

  team = koers_store_find_department_by_name (db.store, "Growth");
  g_assert_nonnull (team);
  g_assert_cmpint (koers_department_get_parent_id (team), ==, koers_department_get_id (marketing));
  g_assert_true (koers_window_get_department (window) == team);
  g_assert_cmpuint (count_rows (window), ==, 11);
  /* Right under its department, though the store lists it last. */
  index = find_row_index (window, marketing);
  g_assert_cmpint (find_row_index (window, team), ==, index + 1);
  row = KOERS_DEPARTMENT_ROW (get_row (window, index));
  g_assert_true (koers_department_row_get_expanded (row));
  g_assert_false (koers_department_row_get_expanded (KOERS_DEPARTMENT_ROW (get_row (window, index + 1))));

  /* The team's objective counts in its own row and in the roll-up. */
  add_objective (db.store, team, "Win two partners", period_key);
  koers_test_ui_iterate ();
  g_assert_cmpuint (koers_department_row_get_summary (KOERS_DEPARTMENT_ROW (get_row (window, index + 1)))->n_objectives, ==, 1);
  g_assert_cmpuint (koers_department_row_get_summary (row)->n_objectives, ==, 1);
  g_assert_cmpuint (koers_department_row_get_rollup (row)->n_objectives, ==, 2);
  g_assert_true (g_str_has_suffix (koers_department_row_get_details (row),
                                   "; With teams: 2 objectives, score 0.00"));

  /* Collapsed: the team goes out of sight, its department takes the
   * selection, and the next window remembers it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.collapse-teams", "x",
                                             koers_department_get_id (team)));
  koers_test_ui_iterate ();
  g_assert_cmpuint (count_rows (window), ==, 10);
  g_assert_cmpint (find_row_index (window, team), ==, -1);
  g_assert_true (koers_window_get_department (window) == marketing);
  row = KOERS_DEPARTMENT_ROW (get_row (window, find_row_index (window, marketing)));
  g_assert_false (koers_department_row_get_expanded (row));
  collapsed = g_settings_get_strv (settings, "collapsed-departments");
  g_assert_cmpuint (g_strv_length (collapsed), ==, 1);
  g_assert_cmpstr (collapsed[0], ==, koers_department_get_uuid (marketing));
  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));

  window = open_window (db.store, 1100, 720);
  g_assert_cmpuint (count_rows (window), ==, 10);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.expand-teams", "x",
                                             koers_department_get_id (marketing)));
  koers_test_ui_iterate ();
  g_assert_cmpuint (count_rows (window), ==, 11);
  g_assert_cmpint (find_row_index (window, team), ==, find_row_index (window, marketing) + 1);

  /* Moved to Sales in its own dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rename-department", "x",
                                             koers_department_get_id (team)));
  koers_test_ui_iterate ();
  dialog = find_department_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Edit Team");
  g_assert_true (koers_department_dialog_set_parent_id (dialog, koers_department_get_id (sales)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  koers_test_ui_iterate ();
  g_assert_cmpint (koers_department_get_parent_id (team), ==, koers_department_get_id (sales));
  g_assert_cmpint (find_row_index (window, team), ==, find_row_index (window, sales) + 1);
  g_assert_cmpuint (koers_department_row_get_rollup (KOERS_DEPARTMENT_ROW (get_row (window, find_row_index (window, sales))))->n_objectives,
                    ==, 1);
  g_assert_false (koers_department_row_get_expanded (KOERS_DEPARTMENT_ROW (get_row (window, find_row_index (window, marketing)))));

  /* Deleted, and back under Sales with Undo. */
  id = koers_department_get_id (team);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-department", "x", id));
  koers_test_ui_iterate ();
  adw_message_dialog_response (find_message_dialog (), "delete");
  koers_test_ui_iterate ();
  g_assert_null (koers_store_find_department (db.store, id));
  g_assert_cmpuint (count_rows (window), ==, 10);
  undo = find_descendant (get_child (window, "toast_overlay"), GTK_TYPE_BUTTON, button_has_label, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  koers_test_ui_iterate ();
  team = koers_store_find_department (db.store, id);
  g_assert_nonnull (team);
  g_assert_cmpint (koers_department_get_parent_id (team), ==, koers_department_get_id (sales));
  g_assert_cmpint (find_row_index (window, team), ==, find_row_index (window, sales) + 1);

  /* Sales deleted: the dialog says its team goes too, and it does (not
   * up to the top level); one Undo brings both back, the team's
   * objective with it. */
  {
    gint64 sales_id = koers_department_get_id (sales);
    guint  n_objectives = g_list_model_get_n_items (koers_store_get_objectives (db.store));

    /* The last toast's Undo gone first (its hide animation), so that the
     * Undo found below is the new one. */
    for (guint i = 0; i < 40 && find_descendant (get_child (window, "toast_overlay"), GTK_TYPE_BUTTON,
                                                 button_has_label, "_Undo") != NULL;
         i++)
      koers_test_ui_spin (50);
    g_assert_null (find_descendant (get_child (window, "toast_overlay"), GTK_TYPE_BUTTON, button_has_label, "_Undo"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-department", "x", sales_id));
    koers_test_ui_iterate ();
    g_assert_cmpstr (adw_message_dialog_get_body (find_message_dialog ()), ==,
                     "Its 1 team is deleted too, with the team’s objectives.");
    adw_message_dialog_response (find_message_dialog (), "delete");
    koers_test_ui_iterate ();
    g_assert_null (koers_store_find_department (db.store, sales_id));
    g_assert_null (koers_store_find_department (db.store, id));
    g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_objectives (db.store)), ==, n_objectives - 1);
    g_assert_cmpuint (count_rows (window), ==, 9);
    undo = find_descendant (get_child (window, "toast_overlay"), GTK_TYPE_BUTTON, button_has_label, "_Undo");
    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
    koers_test_ui_iterate ();
    sales = koers_store_find_department (db.store, sales_id);
    team = koers_store_find_department (db.store, id);
    g_assert_nonnull (sales);
    g_assert_nonnull (team);
    g_assert_cmpint (koers_department_get_parent_id (team), ==, sales_id);
    g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_objectives (db.store)), ==, n_objectives);
    g_assert_cmpuint (count_rows (window), ==, 11);
    g_assert_cmpint (find_row_index (window, team), ==, find_row_index (window, sales) + 1);
  }

  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));
  koers_test_ui_db_close (&db);
}

/* The Alignment page: company → department → team, then what is aligned
 * to nothing one level up; activating a row goes to the objective. */
static void
test_alignment (void)
{
  KoersTestUiDb       db = { 0 };
  KoersWindow        *window;
  KoersDepartment    *marketing;
  KoersDepartment    *growth;
  KoersObjective     *company;
  KoersObjective     *department;
  KoersObjective     *team;
  KoersObjective     *alone;
  KoersAlignmentPage *page;
  g_autofree char    *period_key = NULL;
  g_autoptr (GError) error = NULL;
  guint depth;

  reset_settings ();
  koers_test_ui_db_open (&db);
  period_key = dup_current_period_key ();
  marketing = koers_test_find_department (db.store, "Marketing");
  growth = koers_test_add_team (db.store, marketing, "Growth");
  company = add_objective (db.store, koers_store_get_company (db.store), "Be the best-known brand", period_key);
  koers_objective_set_level (company, KOERS_LEVEL_COMPANY);
  department = add_objective (db.store, marketing, "Double monthly sign-ups", period_key);
  koers_objective_set_aligned_to_id (department, koers_objective_get_id (company));
  team = add_objective (db.store, growth, "Win two referral partners", period_key);
  koers_objective_set_level (team, KOERS_LEVEL_TEAM);
  koers_objective_set_aligned_to_id (team, koers_objective_get_id (department));
  alone = add_objective (db.store, growth, "Tidy the shared drive", period_key);
  koers_objective_set_level (alone, KOERS_LEVEL_TEAM);
  g_assert_true (koers_store_save_objective (db.store, company, &error));
  g_assert_true (koers_store_save_objective (db.store, department, &error));
  g_assert_true (koers_store_save_objective (db.store, team, &error));
  g_assert_true (koers_store_save_objective (db.store, alone, &error));
  g_assert_no_error (error);
  window = open_window (db.store, 1100, 720);

  gtk_list_box_select_row (get_child (window, "tools_list"), get_child (window, "alignment_row"));
  koers_test_ui_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (window, "content_stack")), ==, "alignment");
  g_assert_null (gtk_list_box_get_selected_row (get_child (window, "department_list")));
  page = KOERS_ALIGNMENT_PAGE (gtk_stack_get_child_by_name (get_child (window, "content_stack"), "alignment"));
  g_assert_cmpuint (koers_alignment_page_get_n_rows (page), ==, 4);
  g_assert_true (koers_alignment_page_get_row_objective (page, 0, &depth) == company);
  g_assert_cmpuint (depth, ==, 0);
  g_assert_true (koers_alignment_page_get_row_objective (page, 1, &depth) == department);
  g_assert_cmpuint (depth, ==, 1);
  g_assert_true (koers_alignment_page_get_row_objective (page, 2, &depth) == team);
  g_assert_cmpuint (depth, ==, 2);
  g_assert_true (koers_alignment_page_get_row_objective (page, 3, &depth) == alone);

  /* A change shows: the team objective no longer aligned. */
  koers_objective_set_aligned_to_id (team, 0);
  g_assert_true (koers_store_save_objective (db.store, team, &error));
  g_assert_no_error (error);
  koers_test_ui_iterate ();
  g_assert_cmpuint (koers_alignment_page_get_n_rows (page), ==, 4);
  g_assert_true (koers_alignment_page_get_row_objective (page, 2, NULL) == team ||
                 koers_alignment_page_get_row_objective (page, 3, NULL) == team);
  g_assert_cmpuint (depth, ==, 2);

  /* The company objective archived: the department's supports nothing,
   * stands with the unaligned, and says why; restored, it is back. */
  g_assert_null (koers_test_ui_find_label (GTK_WIDGET (page), "Aligned to an archived objective", FALSE));
  g_assert_true (koers_store_set_objective_archived (db.store, company, TRUE, &error));
  g_assert_no_error (error);
  koers_test_ui_iterate ();
  g_assert_cmpuint (koers_alignment_page_get_n_rows (page), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_true (koers_alignment_page_get_row_objective (page, i, NULL) != company);
  g_assert_nonnull (koers_test_ui_find_label (GTK_WIDGET (page), "Aligned to an archived objective", FALSE));
  g_assert_true (koers_store_set_objective_archived (db.store, company, FALSE, &error));
  g_assert_no_error (error);
  koers_test_ui_iterate ();
  g_assert_cmpuint (koers_alignment_page_get_n_rows (page), ==, 4);
  g_assert_true (koers_alignment_page_get_row_objective (page, 0, NULL) == company);
  g_assert_null (koers_test_ui_find_label (GTK_WIDGET (page), "Aligned to an archived objective", FALSE));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-objective", "x",
                                             koers_objective_get_id (team)));
  koers_test_ui_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (window, "content_stack")), ==, "editor");
  g_assert_true (koers_window_get_department (window) == growth);

  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));
  koers_test_ui_db_close (&db);
}

static void
test_search (void)
{
  KoersTestUiDb db = { 0 };
  KoersWindow  *window;
  GtkSearchBar *bar;
  GtkEditable  *entry;

  reset_settings ();
  koers_test_ui_db_open (&db);
  window = open_window (db.store, 1100, 720);
  bar = get_child (window, "search_bar");
  entry = get_child (window, "search_entry");

  g_assert_false (gtk_search_bar_get_search_mode (bar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  koers_test_ui_iterate ();
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  g_assert_true (gtk_toggle_button_get_active (get_child (window, "search_button")));

  gtk_editable_set_text (entry, "leads");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  koers_test_ui_iterate ();
  g_assert_false (gtk_search_bar_get_search_mode (bar));
  /* Closing the bar drops the filter. */
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");

  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));
  koers_test_ui_db_close (&db);
}

/* The demo company in a temporary folder (KOERS_TODAY 2026-05-15: its
 * objectives are in Q2 2026). */
static void
open_demo (KoersTestUiDb *db)
{
  g_autoptr (GError) error = NULL;

  db->dir = g_dir_make_tmp ("koers-ui-XXXXXX", &error);
  g_assert_no_error (error);
  db->path = g_build_filename (db->dir, "koers.db", NULL);
  g_assert_true (koers_demo_create (db->path, KOERS_LANGUAGE_EN, &error));
  g_assert_no_error (error);
  db->store = koers_store_open (db->path, &error);
  g_assert_no_error (error);
}

static void
collect_menu_actions (GMenuModel *model,
                      GPtrArray  *actions)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      char *action = NULL;

      if (section != NULL)
        collect_menu_actions (section, actions);
      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        g_ptr_array_add (actions, action);
    }
}

static gboolean
is_primary_menu_button (GtkWidget    *widget,
                        gconstpointer data)
{
  return gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* Every window action of the main menu is there and enabled, the new
 * ones among them. */
static void
test_menu_actions (void)
{
  static const char *const expected[] = {
    "win.check-okrs",
    "win.quarterly-review",
    "win.export-report",
    "win.print-report",
    "win.export-dashboard",
    "win.export-csv",
    "win.export-data",
    "win.import-data",
    "win.import-csv",
  };
  KoersTestUiDb db = { 0 };
  KoersWindow  *window;
  GtkWidget    *button;
  g_autoptr (GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  guint n_window_actions = 0;

  reset_settings ();
  koers_test_ui_db_open (&db);
  window = open_window (db.store, 1100, 720);
  button = find_descendant (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, is_primary_menu_button, NULL);
  g_assert_nonnull (button);
  collect_menu_actions (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)), actions);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_ptr_array_find_with_equal_func (actions, expected[i], g_str_equal, NULL));

  for (guint i = 0; i < actions->len; i++)
    {
      const char *action = g_ptr_array_index (actions, i);

      /* app.* belong to the application, which a test window has not. */
      if (!g_str_has_prefix (action, "win."))
        continue;
      /* win.show-help-overlay comes with the application too. */
      if (g_str_equal (action, "win.show-help-overlay"))
        continue;
      g_test_message ("%s", action);
      g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), action + 4));
      g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), action + 4));
      n_window_actions++;
    }
  g_assert_cmpuint (n_window_actions, ==, G_N_ELEMENTS (expected));

  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));
  koers_test_ui_db_close (&db);
}

static gboolean
is_quality_shown (KoersWindow *window)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (get_child (window, "content_stack")), "quality") == 0;
}

/* Check OKRs: a page of the content area, from the sidebar row below the
 * departments, the menu (F7) or the keyboard; the period switcher sets
 * its period; a department row, or F7 again, goes back to the editor. */
static void
test_quality (void)
{
  KoersTestUiDb     db = { 0 };
  KoersWindow      *window;
  KoersDepartment  *marketing;
  GtkListBoxRow    *quality_row;
  KoersQualityPage *page;
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *badge = NULL;
  guint            n_findings;

  reset_settings ();
  open_demo (&db);
  marketing = koers_test_find_department (db.store, "Marketing");
  window = open_window (db.store, 1100, 720);
  koers_window_select_department (window, marketing);
  quality_row = get_child (window, "quality_row");
  page = KOERS_QUALITY_PAGE (gtk_stack_get_child_by_name (get_child (window, "content_stack"), "quality"));
  g_assert_nonnull (page);
  g_assert_false (is_quality_shown (window));

  /* The row counts the open findings, before the page is shown. */
  g_assert_cmpuint (koers_quality_page_get_n_open (page), >, 0);
  badge = g_strdup_printf ("%u", koers_quality_page_get_n_open (page));
  g_assert_cmpstr (gtk_label_get_text (get_child (window, "quality_badge")), ==, badge);
  g_assert_true (gtk_widget_get_visible (get_child (window, "quality_badge")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check-okrs", NULL));
  koers_test_ui_iterate ();
  g_assert_true (is_quality_shown (window));
  g_assert_true (gtk_list_box_get_selected_row (get_child (window, "tools_list")) == quality_row);
  g_assert_null (gtk_list_box_get_selected_row (get_child (window, "department_list")));
  g_assert_false (gtk_widget_get_visible (get_child (window, "search_button")));

  /* The demo's findings, one row each. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  n_findings = g_list_model_get_n_items (koers_quality_page_get_findings (page));
  g_assert_cmpuint (n_findings, >, 0);
  koers_test_ui_collect (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, rows);
  g_assert_cmpuint (rows->len, ==, n_findings);
  g_assert_true (gtk_widget_get_mapped (rows->pdata[0]));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                                 KOERS_TYPE_QUALITY_PAGE,
                                                                                 "heading_label"))),
                   ==, "OKR Check, Q2 2026");

  /* The period switcher sets the page's period. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-period", NULL));
  koers_test_ui_iterate ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                                 KOERS_TYPE_QUALITY_PAGE,
                                                                                 "heading_label"))),
                   ==, "OKR Check, Q3 2026");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-period", NULL));

  /* F7 again: back to the department shown before. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check-okrs", NULL));
  koers_test_ui_iterate ();
  g_assert_false (is_quality_shown (window));
  g_assert_null (gtk_list_box_get_selected_row (get_child (window, "tools_list")));
  g_assert_true (gtk_list_box_get_selected_row (get_child (window, "department_list")) == get_row (window, find_row_index (window, marketing)));
  g_assert_true (gtk_widget_get_visible (get_child (window, "search_button")));

  /* The keyboard: the row takes focus and Enter activates it. */
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (quality_row)));
  g_signal_emit_by_name (quality_row, "activate");
  koers_test_ui_iterate ();
  g_assert_true (is_quality_shown (window));

  /* A department row: that department's editor. */
  gtk_list_box_select_row (get_child (window, "department_list"), get_row (window, 0));
  koers_test_ui_iterate ();
  g_assert_false (is_quality_shown (window));
  g_assert_true (koers_window_get_department (window) == koers_store_get_company (db.store));
  g_assert_null (gtk_list_box_get_selected_row (get_child (window, "tools_list")));

  /* Ctrl+F on the page searches the editor. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check-okrs", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  koers_test_ui_iterate ();
  g_assert_false (is_quality_shown (window));
  g_assert_true (gtk_search_bar_get_search_mode (get_child (window, "search_bar")));

  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));
  koers_test_ui_db_close (&db);
}

/* Objectives of the window's quarter, of one department or all. */
static guint
count_quarter_objectives (KoersStore *store,
                          gint64      department_id)
{
  GListModel *objectives = koers_store_get_objectives (store);
  guint       n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);

      if (g_strcmp0 (koers_objective_get_period (objective), "2026-Q2") == 0 &&
          (department_id == 0 || koers_objective_get_department_id (objective) == department_id))
        n++;
    }

  return n;
}

static KoersReviewDialog *
open_review (KoersWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.quarterly-review", NULL));
  koers_test_ui_iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (KOERS_IS_REVIEW_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return KOERS_REVIEW_DIALOG (toplevel);
    }

  return NULL;
}

/* Quarterly Review: the selected department's objectives of the quarter,
 * or every department's when the company is selected. */
static void
test_review (void)
{
  KoersTestUiDb      db = { 0 };
  KoersWindow       *window;
  KoersDepartment   *marketing;
  KoersReviewDialog *review;
  KoersObjective    *objective;
  guint              n;

  reset_settings ();
  open_demo (&db);
  marketing = koers_test_find_department (db.store, "Marketing");
  window = open_window (db.store, 1100, 720);
  koers_window_select_department (window, marketing);

  review = open_review (window);
  g_assert_nonnull (review);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (review)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (review)));
  n = count_quarter_objectives (db.store, koers_department_get_id (marketing));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (koers_review_dialog_get_n_objectives (review), ==, n);
  objective = koers_review_dialog_get_objective (review);
  g_assert_nonnull (objective);
  g_assert_cmpint (koers_objective_get_department_id (objective), ==, koers_department_get_id (marketing));
  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (review));

  koers_window_select_department (window, koers_store_get_company (db.store));
  review = open_review (window);
  g_assert_nonnull (review);
  g_assert_cmpuint (koers_review_dialog_get_n_objectives (review), ==,
                    count_quarter_objectives (db.store, 0));
  g_assert_cmpuint (koers_review_dialog_get_n_objectives (review), >, n);
  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (review));

  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));
  koers_test_ui_db_close (&db);
}

/* A company with more departments than fit in the window: the first
 * frame reads the selected department (the company, none remembered) and
 * shows the rows that fit with their figures from the database; the
 * others are read after it is painted, and then every row has its
 * summary from the model and the OKR check its page. */
static void
test_first_frame (void)
{
  KoersTestUiDb db = { 0 };
  g_autoptr (KoersStore) lazy = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *period_key = NULL;
  KoersPeriod      period;
  KoersWindow     *window;
  GListModel      *departments;
  KoersDepartment *first_dept;
  guint            n_departments;
  GDate            today;

  reset_settings ();
  koers_test_ui_db_open (&db);
  koers_date_today (&today);
  koers_period_init_for_date (&period, &today);
  period_key = koers_period_to_string (&period);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("Team %u", i);
      g_autoptr (KoersDepartment) dept = koers_department_new (name, NULL);

      g_assert_true (koers_store_add_department (db.store, dept, &error));
      g_assert_no_error (error);
    }
  departments = koers_store_get_departments (db.store);
  n_departments = g_list_model_get_n_items (departments);
  for (guint i = 1; i < n_departments; i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i);
      g_autoptr (KoersObjective) objective = koers_objective_new ("Grow", KOERS_LEVEL_DEPARTMENT,
                                                                  KOERS_OBJECTIVE_KIND_COMMITTED,
                                                                  period_key);

      koers_objective_set_department_id (objective, koers_department_get_id (dept));
      g_assert_true (koers_store_add_objective (db.store, objective, &error));
      g_assert_no_error (error);
    }

  /* A team of the first department, last in the store's list: the
   * sidebar shows it second, so the first frame reads it. */
  {
    g_autoptr (KoersDepartment) first = g_list_model_get_item (departments, 1);
    KoersDepartment *team = koers_test_add_team (db.store, first, "Growth");

    koers_test_add_objective (db.store, team, "Win two partners", period_key);
  }

  lazy = koers_store_open_for_window (db.path, &error);
  g_assert_no_error (error);
  window = koers_window_new (NULL, lazy);
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_objectives (lazy)), ==, 0);
  /* The first department's row (its team's below it): one objective
   * each, from the database, while the model holds none of theirs. */
  first_dept = get_row_department (window, 1);
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_department_objectives (lazy, koers_department_get_id (first_dept))),
                    ==, 0);
  g_assert_cmpuint (koers_department_row_get_summary (KOERS_DEPARTMENT_ROW (get_row (window, 1)))->n_objectives,
                    ==, 1);
  g_assert_cmpuint (koers_department_row_get_rollup (KOERS_DEPARTMENT_ROW (get_row (window, 1)))->n_objectives,
                    ==, 2);
  g_assert_null (gtk_stack_get_child_by_name (get_child (window, "content_stack"), "quality"));

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  koers_test_ui_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_objectives (lazy)), ==, n_departments);
  g_assert_cmpuint (koers_department_row_get_summary (KOERS_DEPARTMENT_ROW (get_row (window, (int) n_departments)))->n_objectives,
                    ==, 1);
  g_assert_nonnull (gtk_stack_get_child_by_name (get_child (window, "content_stack"), "quality"));

  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));
  koers_test_ui_db_close (&db);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  koers_test_ui_init (&argc, &argv);
  /* GNOME's title buttons (only Close), not GTK's fallback of three: the
   * header bars' width at 360 pixels depends on it (test_fold). */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  settings = g_settings_new (APP_ID);

  g_test_add_func ("/window/sidebar", test_sidebar);
  g_test_add_func ("/window/select", test_select);
  g_test_add_func ("/window/period", test_period);
  g_test_add_func ("/window/fold", test_fold);
  g_test_add_func ("/window/size-saved", test_window_size_saved);
  g_test_add_func ("/window/follow-store", test_follow_store);
  g_test_add_func ("/window/add-rename", test_add_and_rename);
  g_test_add_func ("/window/delete-undo", test_delete_undo);
  g_test_add_func ("/window/teams", test_teams);
  g_test_add_func ("/window/alignment", test_alignment);
  g_test_add_func ("/window/search", test_search);
  g_test_add_func ("/window/menu-actions", test_menu_actions);
  g_test_add_func ("/window/quality", test_quality);
  g_test_add_func ("/window/review", test_review);
  g_test_add_func ("/window/first-frame", test_first_frame);

  status = g_test_run ();
  g_clear_object (&settings);

  return status;
}
