/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core/koers-format.h"
#include "koers-test-ui.h"
#include "ui/objectives/koers-key-result-editor.h"

typedef struct
{
  KoersTestUiDb   db;
  KoersObjective *objective;
  KoersKeyResult *kr;
  KoersKeyResult *other;
  GtkWidget      *editor;
} Fixture;

static gpointer
get_child (Fixture    *f,
           const char *name)
{
  return gtk_widget_get_template_child (f->editor, KOERS_TYPE_KEY_RESULT_EDITOR, name);
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  koers_test_ui_db_open (&f->db);
  f->objective = koers_test_add_objective (f->db.store,
                                           koers_test_find_department (f->db.store, "Marketing"),
                                           "Double monthly sign-ups", "2026-Q2");
  f->kr = koers_test_add_key_result (f->db.store, f->objective, "Three campaigns bring 1,200 leads",
                                     0, 1200, 600);
  f->other = koers_test_add_key_result (f->db.store, f->objective, "800 sign-ups through SEO",
                                        0, 800, 800);

  f->editor = koers_key_result_editor_new (f->db.store, f->kr);
  gtk_window_present (GTK_WINDOW (f->editor));
  gtk_test_widget_wait_for_draw (f->editor);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  koers_format_set_language (KOERS_LANGUAGE_EN);
  koers_test_ui_finalize_toplevels (GTK_TYPE_WINDOW);
  koers_test_ui_db_close (&f->db);
}

static KoersKeyResult *
reread (Fixture     *f,
        KoersStore **again)
{
  *again = koers_test_ui_db_reopen (&f->db);
  return koers_store_find_key_result (*again, koers_key_result_get_id (f->kr));
}

/* A new target saves at once and moves the objective's score. */
static void
test_target_moves_score (Fixture      *f,
                         gconstpointer data)
{
  GtkSpinButton *target = get_child (f, "target_spin");
  g_autoptr (KoersStore) again = NULL;

  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (target), 1200, 1e-9);
  g_assert_cmpfloat_with_epsilon (koers_objective_get_score (f->objective), 0.75, 1e-9);

  gtk_spin_button_set_value (target, 2400);
  g_assert_cmpfloat_with_epsilon (koers_key_result_get_target_value (f->kr), 2400, 1e-9);
  g_assert_cmpfloat_with_epsilon (koers_objective_get_score (f->objective), 0.625, 1e-9);
  g_assert_cmpfloat_with_epsilon (koers_key_result_get_target_value (reread (f, &again)), 2400, 1e-9);

  /* Weight 3 against 1: (0.25 × 3 + 1) / 4. */
  gtk_spin_button_set_value (get_child (f, "weight_spin"), 3);
  g_assert_cmpfloat_with_epsilon (koers_objective_get_score (f->objective), 0.4375, 1e-9);
}

/* The spin buttons read numbers the way the UI language writes them. */
static void
test_numbers_per_language (Fixture      *f,
                           gconstpointer data)
{
  GtkSpinButton *start = get_child (f, "start_spin");
  GtkSpinButton *current = get_child (f, "current_spin");

  gtk_editable_set_text (GTK_EDITABLE (current), "1,000.5");
  gtk_spin_button_update (current);
  g_assert_cmpfloat_with_epsilon (koers_key_result_get_current_value (f->kr), 1000.5, 1e-9);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (current)), ==, "1,000.5");

  koers_format_set_language (KOERS_LANGUAGE_NL);
  gtk_editable_set_text (GTK_EDITABLE (start), "1.200,25");
  gtk_spin_button_update (start);
  g_assert_cmpfloat_with_epsilon (koers_key_result_get_start_value (f->kr), 1200.25, 1e-9);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start)), ==, "1.200,25");
}

static void
test_text_fields (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr (KoersStore) again = NULL;
  KoersKeyResult *stored;

  gtk_editable_set_text (get_child (f, "title_row"), "Four campaigns bring 1,500 leads");
  gtk_editable_set_text (get_child (f, "unit_row"), "qualified leads");
  gtk_editable_set_text (get_child (f, "owner_row"), "Marketing team");

  stored = reread (f, &again);
  g_assert_cmpstr (koers_key_result_get_title (stored), ==, "Four campaigns bring 1,500 leads");
  g_assert_cmpstr (koers_key_result_get_unit (stored), ==, "qualified leads");
  g_assert_cmpstr (koers_key_result_get_owner (stored), ==, "Marketing team");

  /* An empty title is not saved. */
  gtk_editable_set_text (get_child (f, "title_row"), "  ");
  g_assert_cmpstr (koers_key_result_get_title (f->kr), ==, "Four campaigns bring 1,500 leads");
}

/* The GDPR note only takes input when the key result uses personal data. */
static void
test_personal_data (Fixture      *f,
                    gconstpointer data)
{
  GtkSwitch *uses = get_child (f, "personal_data_switch");
  GtkWidget *note = get_child (f, "personal_data_note_row");
  g_autoptr (KoersStore) again = NULL;
  KoersKeyResult *stored;

  g_assert_false (gtk_switch_get_active (uses));
  g_assert_false (gtk_widget_get_sensitive (note));

  gtk_switch_set_active (uses, TRUE);
  g_assert_true (gtk_widget_get_sensitive (note));
  gtk_editable_set_text (GTK_EDITABLE (note), "Customer e-mail addresses, on consent");

  stored = reread (f, &again);
  g_assert_true (koers_key_result_get_uses_personal_data (stored));
  g_assert_cmpstr (koers_key_result_get_personal_data_note (stored), ==, "Customer e-mail addresses, on consent");

  gtk_switch_set_active (uses, FALSE);
  g_assert_false (gtk_widget_get_sensitive (note));
  g_assert_false (koers_key_result_get_uses_personal_data (f->kr));
}

static void
test_due_date (Fixture      *f,
               gconstpointer data)
{
  AdwActionRow *due_row = get_child (f, "due_row");
  g_autoptr (GDateTime) day = g_date_time_new_local (2026, 6, 30, 12, 0, 0);

  g_assert_cmpstr (adw_action_row_get_subtitle (due_row), ==, "No due date");

  gtk_calendar_select_day (get_child (f, "due_calendar"), day);
  g_assert_cmpstr (koers_key_result_get_due_date (f->kr), ==, "2026-06-30");
  g_assert_cmpstr (adw_action_row_get_subtitle (due_row), ==, "30 June 2026");

  g_signal_emit_by_name (get_child (f, "no_due_button"), "clicked");
  g_assert_null (koers_key_result_get_due_date (f->kr));
  g_assert_cmpstr (adw_action_row_get_subtitle (due_row), ==, "No due date");
}

/* A milestone is done or not: a switch replaces start, target and current. */
static void
test_milestone (Fixture      *f,
                gconstpointer data)
{
  adw_combo_row_set_selected (get_child (f, "metric_row"), KOERS_METRIC_KIND_MILESTONE);

  g_assert_cmpint (koers_key_result_get_metric_kind (f->kr), ==, KOERS_METRIC_KIND_MILESTONE);
  g_assert_false (gtk_widget_get_visible (get_child (f, "target_row")));
  g_assert_true (gtk_widget_get_visible (get_child (f, "done_row")));
  g_assert_false (gtk_switch_get_active (get_child (f, "done_switch")));
  g_assert_cmpfloat (koers_key_result_get_progress (f->kr), ==, 0.0);

  gtk_switch_set_active (get_child (f, "done_switch"), TRUE);
  g_assert_cmpfloat (koers_key_result_get_progress (f->kr), ==, 1.0);
  g_assert_cmpfloat_with_epsilon (koers_objective_get_score (f->objective), 1.0, 1e-9);
}

static void
test_reorder (Fixture      *f,
              gconstpointer data)
{
  GListModel *order = koers_objective_get_key_results (f->objective);
  g_autoptr (KoersKeyResult) first = NULL;

  gtk_widget_activate_action (f->editor, "kr-editor.move-down", NULL);
  first = g_list_model_get_item (order, 0);
  g_assert_true (first == f->other);
}

/* Delete closes the editor and offers undo in the main window. */
static void
test_delete_and_undo (Fixture      *f,
                      gconstpointer data)
{
  GtkWindow *main_window = koers_test_ui_window_new (gtk_label_new ("main"), 600, 400);
  gint64     id = koers_key_result_get_id (f->kr);
  GtkWidget *undo;

  gtk_window_destroy (GTK_WINDOW (f->editor));
  f->editor = koers_key_result_editor_new (f->db.store, f->kr);
  gtk_window_set_transient_for (GTK_WINDOW (f->editor), main_window);
  gtk_window_present (GTK_WINDOW (f->editor));

  g_signal_emit_by_name (get_child (f, "delete_button"), "clicked");
  koers_test_ui_spin (50);
  g_assert_null (koers_store_find_key_result (f->db.store, id));
  g_assert_null (koers_test_ui_find_toplevel (KOERS_TYPE_KEY_RESULT_EDITOR));
  g_assert_cmpfloat_with_epsilon (koers_objective_get_score (f->objective), 1.0, 1e-9);

  undo = koers_test_ui_find_button (GTK_WIDGET (main_window), "Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  koers_test_ui_spin (50);
  g_assert_true (koers_store_find_key_result (f->db.store, id) == f->kr);
  g_assert_cmpfloat_with_epsilon (koers_objective_get_score (f->objective), 0.75, 1e-9);
}

/* On a phone (360 px) the editor fits: rows and buttons narrow down. */
static void
test_narrow (Fixture      *f,
             gconstpointer data)
{
  int min;

  gtk_widget_measure (f->editor, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 360);
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add ("/key-result-editor/target-moves-score", Fixture, NULL, fixture_setup,
              test_target_moves_score, fixture_teardown);
  g_test_add ("/key-result-editor/numbers-per-language", Fixture, NULL, fixture_setup,
              test_numbers_per_language, fixture_teardown);
  g_test_add ("/key-result-editor/text-fields", Fixture, NULL, fixture_setup, test_text_fields, fixture_teardown);
  g_test_add ("/key-result-editor/personal-data", Fixture, NULL, fixture_setup,
              test_personal_data, fixture_teardown);
  g_test_add ("/key-result-editor/due-date", Fixture, NULL, fixture_setup, test_due_date, fixture_teardown);
  g_test_add ("/key-result-editor/milestone", Fixture, NULL, fixture_setup, test_milestone, fixture_teardown);
  g_test_add ("/key-result-editor/reorder", Fixture, NULL, fixture_setup, test_reorder, fixture_teardown);
  g_test_add ("/key-result-editor/delete-and-undo", Fixture, NULL, fixture_setup,
              test_delete_and_undo, fixture_teardown);

  g_test_add ("/key-result-editor/narrow", Fixture, NULL, fixture_setup, test_narrow, fixture_teardown);

  return g_test_run ();
}
