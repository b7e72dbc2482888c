/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Archived list under the cards: the archived objectives of its
 * department and period only, Restore in one click, and Delete for good
 * only without check-ins, after a confirmation that names what goes. */
#include "config.h"

#include "koers-test-ui.h"
#include "ui/objectives/koers-archived-list.h"

static AdwActionRow *
find_row (GtkWidget  *list,
          const char *title)
{
  g_autoptr (GPtrArray) rows = koers_test_ui_find_mapped (list, ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];

  return NULL;
}

static KoersObjective *
add_archived (KoersStore *store,
              const char *department,
              const char *title,
              const char *period)
{
  g_autoptr (GError) error = NULL;
  KoersObjective *objective = koers_test_add_objective (store, koers_test_find_department (store, department),
                                                        title, period);

  g_assert_true (koers_store_set_objective_archived (store, objective, TRUE, &error));
  g_assert_no_error (error);
  return objective;
}

static void
test_list_restore_delete (void)
{
  KoersTestUiDb   db = { 0 };
  KoersPeriod     period;
  GtkWidget      *list;
  GtkWindow      *window;
  KoersObjective *used;
  KoersObjective *unused;
  KoersObjective *active;
  KoersKeyResult *kr;
  AdwActionRow   *row;
  GtkWindow      *dialog;
  gint64          unused_id;

  koers_test_ui_db_open (&db);
  g_assert_true (koers_period_parse ("2026-Q2", &period, NULL));
  active = koers_test_add_objective (db.store, koers_test_find_department (db.store, "Marketing"),
                                     "Still running", "2026-Q2");

  list = koers_archived_list_new ();
  koers_archived_list_set_store (KOERS_ARCHIVED_LIST (list), db.store);
  koers_archived_list_set_department (KOERS_ARCHIVED_LIST (list),
                                      koers_test_find_department (db.store, "Marketing"));
  koers_archived_list_set_period (KOERS_ARCHIVED_LIST (list), &period);
  window = koers_test_ui_window_new (list, 800, 600);
  /* Nothing archived: nothing shown. */
  g_assert_false (gtk_widget_get_visible (list));

  used = add_archived (db.store, "Marketing", "Mails & <i>more</i>", "2026-Q2");
  kr = koers_test_add_key_result (db.store, used, "Open rate", 0, 10, 2);
  koers_test_add_checkin (db.store, kr, "2026-05-01", 4, KOERS_CHECKIN_STATUS_ON_TRACK, NULL);
  unused = add_archived (db.store, "Marketing", "Typo", "2026-Q2");
  koers_test_add_key_result (db.store, unused, "Never measured", 0, 10, 0);
  unused_id = koers_objective_get_id (unused);
  /* Another department's, another quarter's: not here. */
  add_archived (db.store, "Sales", "Elsewhere", "2026-Q2");
  add_archived (db.store, "Marketing", "Later", "2026-Q3");
  /* Seven store changes, and not one rescan yet: the list rebuilds once,
   * from the main loop. */
  g_assert_cmpuint (koers_archived_list_get_n_objectives (KOERS_ARCHIVED_LIST (list)), ==, 0);
  g_assert_false (gtk_widget_get_visible (list));
  koers_test_ui_spin (50);

  g_assert_true (gtk_widget_get_visible (list));
  g_assert_cmpuint (koers_archived_list_get_n_objectives (KOERS_ARCHIVED_LIST (list)), ==, 2);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (list, KOERS_TYPE_ARCHIVED_LIST,
                                                                                 "count_label"))),
                   ==, "2 archived objectives");
  g_assert_null (find_row (list, "Still running"));
  g_assert_null (find_row (list, "Elsewhere"));

  /* The title as typed; with a check-in it can be restored, not deleted. */
  row = find_row (list, "Mails & <i>more</i>");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Kept with 1 key result");
  g_assert_null (koers_test_ui_find_button (GTK_WIDGET (row), "Delete…"));
  g_signal_emit_by_name (koers_test_ui_find_button (GTK_WIDGET (row), "Restore"), "clicked");
  koers_test_ui_spin (50);
  g_assert_false (koers_objective_get_archived (used));
  g_assert_cmpuint (koers_archived_list_get_n_objectives (KOERS_ARCHIVED_LIST (list)), ==, 1);
  g_assert_null (find_row (list, "Mails & <i>more</i>"));

  /* Without check-ins: Delete asks first, naming the objective and its
   * key results; Cancel keeps it. */
  row = find_row (list, "Typo");
  g_assert_nonnull (row);
  g_signal_emit_by_name (koers_test_ui_find_button (GTK_WIDGET (row), "Delete…"), "clicked");
  koers_test_ui_spin (50);
  dialog = koers_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Delete Objective for Good?");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The objective “" KOERS_TEST_ISOLATED ("Typo") "” and its 1 key result will be deleted. "
                                                                  "This cannot be undone.\n• " KOERS_TEST_ISOLATED ("Never measured"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  koers_test_ui_spin (50);
  g_assert_nonnull (koers_store_find_objective (db.store, unused_id));

  row = find_row (list, "Typo");
  g_signal_emit_by_name (koers_test_ui_find_button (GTK_WIDGET (row), "Delete…"), "clicked");
  koers_test_ui_spin (50);
  dialog = koers_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  koers_test_ui_spin (50);
  g_assert_null (koers_store_find_objective (db.store, unused_id));
  g_assert_false (gtk_widget_get_visible (list));
  g_assert_false (koers_objective_get_archived (active));

  gtk_window_destroy (window);
  koers_test_ui_destroy_toplevels (ADW_TYPE_MESSAGE_DIALOG);
  koers_test_ui_db_close (&db);
}

/* What a delete takes, in words, for none, one and more key results. */
static void
test_describe_deletion (void)
{
  g_autoptr (KoersObjective) objective = koers_objective_new ("Grow", KOERS_LEVEL_DEPARTMENT,
                                                              KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2");
  g_autoptr (KoersKeyResult) first = koers_key_result_new ("Leads", KOERS_METRIC_KIND_NUMBER, 0, 10, NULL);
  g_autoptr (KoersKeyResult) second = koers_key_result_new ("Deals", KOERS_METRIC_KIND_NUMBER, 0, 5, NULL);
  g_autofree char *none = koers_archived_list_describe_deletion (objective);
  g_autofree char *two = NULL;

  g_assert_cmpstr (none, ==, "The objective “" KOERS_TEST_ISOLATED ("Grow") "” will be deleted. This cannot be undone.");
  koers_key_result_set_position (second, 1);
  koers_objective_insert_key_result (objective, first);
  koers_objective_insert_key_result (objective, second);
  two = koers_archived_list_describe_deletion (objective);
  g_assert_cmpstr (two, ==,
                   "The objective “" KOERS_TEST_ISOLATED ("Grow") "” and its 2 key results will be deleted. "
                                                                  "This cannot be undone.\n• " KOERS_TEST_ISOLATED ("Leads") "\n• " KOERS_TEST_ISOLATED ("Deals"));
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add_func ("/archived-list/list-restore-delete", test_list_restore_delete);
  g_test_add_func ("/archived-list/describe-deletion", test_describe_deletion);

  return g_test_run ();
}
