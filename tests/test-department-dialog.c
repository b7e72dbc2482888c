/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-test-ui.h"
#include "ui/window/koers-department-dialog.h"

static gpointer
get_child (GtkWidget  *dialog,
           const char *name)
{
  return gtk_widget_get_template_child (dialog, KOERS_TYPE_DEPARTMENT_DIALOG, name);
}

/* A new one: "Team of" offers None and the departments (not the company,
 * not a team); choosing one makes it a team. */
static void
test_new (void)
{
  KoersTestUiDb    db = { 0 };
  KoersDepartment *marketing;
  KoersDepartment *growth;
  GtkWidget       *dialog;
  AdwComboRow     *parent_row;
  GListModel      *names;

  koers_test_ui_db_open (&db);
  marketing = koers_test_find_department (db.store, "Marketing");
  growth = koers_test_add_team (db.store, marketing, "Growth");

  dialog = koers_department_dialog_new (NULL, db.store, NULL);
  parent_row = get_child (dialog, "parent_row");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (parent_row)));
  names = adw_combo_row_get_model (parent_row);
  /* None and the seed's nine departments. */
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 10);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "None (a department)");
  g_assert_cmpint (koers_department_dialog_get_parent_id (KOERS_DEPARTMENT_DIALOG (dialog)), ==, 0);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "New Department");

  g_assert_false (koers_department_dialog_set_parent_id (KOERS_DEPARTMENT_DIALOG (dialog),
                                                         koers_department_get_id (growth)));
  g_assert_false (koers_department_dialog_set_parent_id (KOERS_DEPARTMENT_DIALOG (dialog),
                                                         koers_department_get_id (koers_store_get_company (db.store))));
  g_assert_true (koers_department_dialog_set_parent_id (KOERS_DEPARTMENT_DIALOG (dialog),
                                                        koers_department_get_id (marketing)));
  g_assert_cmpint (koers_department_dialog_get_parent_id (KOERS_DEPARTMENT_DIALOG (dialog)), ==,
                   koers_department_get_id (marketing));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "New Team");
  g_assert_true (koers_department_dialog_set_parent_id (KOERS_DEPARTMENT_DIALOG (dialog), 0));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "New Department");

  gtk_window_destroy (GTK_WINDOW (dialog));
  koers_test_ui_db_close (&db);
}

/* A team's dialog moves it among the departments (no None: it stays a
 * team); a department's has no parent to choose. */
static void
test_edit (void)
{
  KoersTestUiDb    db = { 0 };
  KoersDepartment *marketing;
  KoersDepartment *sales;
  KoersDepartment *growth;
  GtkWidget       *dialog;
  AdwComboRow     *parent_row;

  koers_test_ui_db_open (&db);
  marketing = koers_test_find_department (db.store, "Marketing");
  sales = koers_test_find_department (db.store, "Sales");
  growth = koers_test_add_team (db.store, marketing, "Growth");

  dialog = koers_department_dialog_new (NULL, db.store, growth);
  parent_row = get_child (dialog, "parent_row");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (parent_row)));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (parent_row)), ==, 9);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Edit Team");
  g_assert_cmpint (koers_department_dialog_get_parent_id (KOERS_DEPARTMENT_DIALOG (dialog)), ==,
                   koers_department_get_id (marketing));
  g_assert_false (koers_department_dialog_set_parent_id (KOERS_DEPARTMENT_DIALOG (dialog), 0));
  g_assert_true (koers_department_dialog_set_parent_id (KOERS_DEPARTMENT_DIALOG (dialog),
                                                        koers_department_get_id (sales)));
  g_assert_cmpint (koers_department_dialog_get_parent_id (KOERS_DEPARTMENT_DIALOG (dialog)), ==,
                   koers_department_get_id (sales));
  /* Heading stays: it is not a new one. */
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Edit Team");
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = koers_department_dialog_new (NULL, db.store, marketing);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (get_child (dialog, "parent_row"))));
  g_assert_cmpint (koers_department_dialog_get_parent_id (KOERS_DEPARTMENT_DIALOG (dialog)), ==, 0);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Rename Department");
  gtk_window_destroy (GTK_WINDOW (dialog));

  koers_test_ui_db_close (&db);
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add_func ("/department-dialog/new", test_new);
  g_test_add_func ("/department-dialog/edit", test_edit);

  return g_test_run ();
}
