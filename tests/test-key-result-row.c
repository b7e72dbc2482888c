/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-test-ui.h"
#include "ui/objectives/koers-editing.h"
#include "ui/objectives/koers-key-result-editor.h"
#include "ui/objectives/koers-key-result-row.h"

static GtkWidget *
get_child (GtkWidget  *row,
           const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (row, KOERS_TYPE_KEY_RESULT_ROW, name));
}

static const char *
get_label (GtkWidget  *row,
           const char *name)
{
  return gtk_label_get_text (GTK_LABEL (get_child (row, name)));
}

static void
save_current (KoersStore     *store,
              KoersKeyResult *kr,
              double          value)
{
  g_autoptr (GError) error = NULL;

  koers_key_result_set_current_value (kr, value);
  g_assert_true (koers_store_save_key_result (store, kr, &error));
  g_assert_no_error (error);
}

/* KOERS_TODAY is 2026-05-15, 44 of Q2's 90 days: about 0.49 expected. The
 * status shows in words, with an icon and a colour class. */
static void
test_status (void)
{
  KoersTestUiDb   db = { 0 };
  KoersObjective *objective;
  KoersKeyResult *kr;
  GtkWidget      *row;
  g_autoptr (KoersCheckin) checkin = NULL;
  g_autoptr (GError) error = NULL;

  koers_test_ui_db_open (&db);
  objective = koers_test_add_objective (db.store,
                                        koers_test_find_department (db.store, "Marketing"),
                                        "Double monthly sign-ups", "2026-Q2");
  kr = koers_test_add_key_result (db.store, objective, "Three campaigns bring 1,200 leads",
                                  0, 1200, 600);
  row = g_object_ref_sink (koers_key_result_row_new (db.store, objective, kr));

  g_assert_cmpstr (get_label (row, "title_label"), ==, "Three campaigns bring 1,200 leads");
  g_assert_cmpstr (get_label (row, "values_label"), ==, "0 → 600 → 1,200 leads");
  g_assert_cmpstr (get_label (row, "percent_label"), ==, "50%");
  g_assert_cmpstr (get_label (row, "status_label"), ==, "On track");
  g_assert_true (gtk_widget_has_css_class (row, "status-on-track"));
  g_assert_cmpint (koers_key_result_row_get_status (KOERS_KEY_RESULT_ROW (row)), ==,
                   KOERS_KR_STATUS_ON_TRACK);
  g_assert_nonnull (gtk_image_get_icon_name (GTK_IMAGE (get_child (row, "status_icon"))));

  save_current (db.store, kr, 420); /* 0.35: a little behind */
  g_assert_cmpstr (get_label (row, "status_label"), ==, "At risk");
  g_assert_true (gtk_widget_has_css_class (row, "status-at-risk"));
  g_assert_false (gtk_widget_has_css_class (row, "status-on-track"));

  save_current (db.store, kr, 100);
  g_assert_cmpstr (get_label (row, "status_label"), ==, "Off track");

  save_current (db.store, kr, 1200);
  g_assert_cmpstr (get_label (row, "status_label"), ==, "Achieved");
  g_assert_cmpstr (get_label (row, "values_label"), ==, "0 → 1,200 → 1,200 leads");

  /* What the owner says at a check-in wins over the arithmetic. */
  checkin = koers_checkin_new ("2026-05-14", 700, KOERS_CHECKIN_STATUS_AT_RISK, NULL);
  g_assert_true (koers_store_add_checkin (db.store, kr, checkin, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (get_label (row, "values_label"), ==, "0 → 700 → 1,200 leads");
  g_assert_cmpstr (get_label (row, "status_label"), ==, "At risk");

  /* Under way: a little behind the straight line (0.47 of 0.49). */
  g_assert_true (koers_store_delete_checkin (db.store, checkin, &error));
  g_assert_no_error (error);
  save_current (db.store, kr, 560);
  g_assert_cmpstr (get_label (row, "status_label"), ==, "In progress");
  g_assert_true (gtk_widget_has_css_class (row, "status-in-progress"));

  /* The status follows the objective's period: nothing is late in Q3,
   * which has not started. */
  koers_objective_set_period (objective, "2026-Q3");
  g_assert_true (koers_store_save_objective (db.store, objective, &error));
  save_current (db.store, kr, 300);
  g_assert_cmpstr (get_label (row, "status_label"), ==, "On track");
  g_assert_true (gtk_widget_has_css_class (row, "status-on-track"));

  g_object_unref (row);
  koers_test_ui_db_close (&db);
}

/* Owner, due date and the "needs a check-in" mark. */
static void
test_details (void)
{
  KoersTestUiDb   db = { 0 };
  KoersObjective *objective;
  KoersKeyResult *kr;
  GtkWidget      *row;
  g_autoptr (KoersCheckin) old = NULL;
  g_autoptr (KoersCheckin) recent = NULL;
  g_autoptr (GError) error = NULL;

  koers_test_ui_db_open (&db);
  objective = koers_test_add_objective (db.store,
                                        koers_test_find_department (db.store, "Sales"),
                                        "Reach a quarterly turnover of € 1 million", "2026-Q2");
  kr = koers_key_result_new ("First month: € 300,000 from the new product",
                             KOERS_METRIC_KIND_CURRENCY, 0, 300000, NULL);
  koers_store_add_key_result (db.store, objective, kr, &error);
  g_assert_no_error (error);
  g_object_unref (kr);
  row = g_object_ref_sink (koers_key_result_row_new (db.store, objective, kr));

  g_assert_cmpstr (get_label (row, "values_label"), ==, "€0 → €0 → €300,000");
  g_assert_false (gtk_widget_get_visible (get_child (row, "meta_label")));

  koers_key_result_set_due_date (kr, "2026-06-30");
  g_assert_true (koers_store_save_key_result (db.store, kr, &error));
  g_assert_true (gtk_widget_get_visible (get_child (row, "meta_label")));
  g_assert_cmpstr (get_label (row, "meta_label"), ==, "Due 30 June 2026");

  koers_key_result_set_owner (kr, "Sales <b>director</b>");
  g_assert_true (koers_store_save_key_result (db.store, kr, &error));
  g_assert_cmpstr (get_label (row, "meta_label"), ==, KOERS_TEST_ISOLATED ("Sales <b>director</b>") " · Due 30 June 2026");
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (get_child (row, "meta_label"))));

  /* The last check-in is 44 days old: one is due. */
  old = koers_checkin_new ("2026-04-01", 50000, KOERS_CHECKIN_STATUS_NONE, NULL);
  g_assert_true (koers_store_add_checkin (db.store, kr, old, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_get_visible (get_child (row, "stale_label")));

  recent = koers_checkin_new ("2026-05-13", 150000, KOERS_CHECKIN_STATUS_NONE, NULL);
  g_assert_true (koers_store_add_checkin (db.store, kr, recent, &error));
  g_assert_false (gtk_widget_get_visible (get_child (row, "stale_label")));
  g_assert_cmpstr (get_label (row, "values_label"), ==, "€0 → €150,000 → €300,000");

  g_object_unref (row);
  koers_test_ui_db_close (&db);
}

/* The unit once, after the target; money and percentages keep their signs. */
static void
test_values (void)
{
  KoersTestUiDb   db = { 0 };
  KoersObjective *objective;
  g_autoptr (KoersKeyResult) kr = NULL;
  GtkWidget *row;
  g_autoptr (GError) error = NULL;

  koers_test_ui_db_open (&db);
  objective = koers_test_add_objective (db.store,
                                        koers_test_find_department (db.store, "Sales"),
                                        "Increase sales results", "2026-Q2");
  kr = koers_key_result_new ("A conversion rate of 25% on all leads", KOERS_METRIC_KIND_PERCENTAGE,
                             18, 25, "of leads");
  koers_key_result_set_current_value (kr, 21);
  g_assert_true (koers_store_add_key_result (db.store, objective, kr, &error));
  g_assert_no_error (error);
  row = g_object_ref_sink (koers_key_result_row_new (db.store, objective, kr));

  g_assert_cmpstr (get_label (row, "values_label"), ==, "18% → 21% → 25% of leads");
  g_assert_cmpstr (get_label (row, "percent_label"), ==, "43%");

  koers_key_result_set_metric_kind (kr, KOERS_METRIC_KIND_MILESTONE);
  koers_key_result_set_start_value (kr, 0);
  koers_key_result_set_target_value (kr, 1);
  koers_key_result_set_current_value (kr, 1);
  g_assert_true (koers_store_save_key_result (db.store, kr, &error));
  g_assert_cmpstr (get_label (row, "values_label"), ==, "Done");
  g_assert_cmpstr (get_label (row, "status_label"), ==, "Achieved");

  g_object_unref (row);
  koers_test_ui_db_close (&db);
}

static GListModel *
get_order (KoersObjective *objective)
{
  return koers_objective_get_key_results (objective);
}

static KoersKeyResult *
get_kr (KoersObjective *objective,
        guint           index)
{
  g_autoptr (KoersKeyResult) kr = g_list_model_get_item (get_order (objective), index);

  return kr;
}

/* Move up and down reorder through the store; the ends cannot move out. */
static void
test_reorder (void)
{
  KoersTestUiDb   db = { 0 };
  KoersObjective *objective;
  KoersKeyResult *first;
  KoersKeyResult *second;
  GtkWidget      *row;
  g_autoptr (KoersStore) again = NULL;

  koers_test_ui_db_open (&db);
  objective = koers_test_add_objective (db.store,
                                        koers_test_find_department (db.store, "Human Resources"),
                                        "The best staff satisfaction yet", "2026-Q2");
  first = koers_test_add_key_result (db.store, objective, "Two-way feedback", 0, 10, 2);
  second = koers_test_add_key_result (db.store, objective, "Weekly surveys", 0, 13, 5);

  row = g_object_ref_sink (koers_key_result_row_new (db.store, objective, first));

  /* The first cannot go up: nothing happens. */
  gtk_widget_activate_action (row, "kr-row.move-up", NULL);
  g_assert_true (get_kr (objective, 0) == first);

  gtk_widget_activate_action (row, "kr-row.move-down", NULL);
  g_assert_true (get_kr (objective, 0) == second);
  g_assert_true (get_kr (objective, 1) == first);

  /* Now last: down does nothing, up moves back. */
  gtk_widget_activate_action (row, "kr-row.move-down", NULL);
  g_assert_true (get_kr (objective, 1) == first);

  /* The order is on disk. */
  again = koers_test_ui_db_reopen (&db);
  {
    KoersObjective *stored = koers_store_find_objective (again, koers_objective_get_id (objective));

    g_assert_cmpstr (koers_key_result_get_title (get_kr (stored, 0)), ==, "Weekly surveys");
  }

  gtk_widget_activate_action (row, "kr-row.move-up", NULL);
  g_assert_true (get_kr (objective, 0) == first);

  g_object_unref (row);
  koers_test_ui_db_close (&db);
}

/* Activating the row (a click, Enter) opens the editor, once per key result. */
static void
test_activate_opens_editor (void)
{
  KoersTestUiDb   db = { 0 };
  KoersObjective *objective;
  KoersKeyResult *kr;
  GtkWidget      *list;
  GtkWidget      *row;
  GtkWindow      *window;
  GtkWindow      *editor;

  koers_test_ui_db_open (&db);
  objective = koers_test_add_objective (db.store,
                                        koers_test_find_department (db.store, "Finance"),
                                        "Strengthen the audit process", "2026-Q2");
  kr = koers_test_add_key_result (db.store, objective, "Audit 70% of the risks", 0, 70, 20);

  list = gtk_list_box_new ();
  row = koers_key_result_row_new (db.store, objective, kr);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  window = koers_test_ui_window_new (list, 700, 300);
  /* The cards and rows ask the window to edit, delete and check in. */
  koers_editing_insert_actions (GTK_WIDGET (window), db.store);

  g_signal_emit_by_name (row, "activate");
  koers_test_ui_spin (50);
  editor = koers_test_ui_find_toplevel (KOERS_TYPE_KEY_RESULT_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (koers_key_result_editor_get_key_result (KOERS_KEY_RESULT_EDITOR (editor)) == kr);
  g_assert_true (gtk_window_get_transient_for (editor) == window);

  /* A second activation raises the same editor. */
  g_signal_emit_by_name (row, "activate");
  koers_test_ui_spin (50);
  g_assert_true (koers_test_ui_find_toplevel (KOERS_TYPE_KEY_RESULT_EDITOR) == editor);
  koers_test_ui_destroy_and_assert_finalized (editor);
  g_assert_null (koers_test_ui_find_toplevel (KOERS_TYPE_KEY_RESULT_EDITOR));

  koers_test_ui_assert_finalized_with (window, row);
  koers_test_ui_db_close (&db);
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add_func ("/key-result-row/status", test_status);
  g_test_add_func ("/key-result-row/details", test_details);
  g_test_add_func ("/key-result-row/values", test_values);
  g_test_add_func ("/key-result-row/reorder", test_reorder);
  g_test_add_func ("/key-result-row/activate-opens-editor", test_activate_opens_editor);

  return g_test_run ();
}
