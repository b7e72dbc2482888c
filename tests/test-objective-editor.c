/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-test-ui.h"
#include "ui/objectives/koers-objective-editor.h"

typedef struct
{
  KoersTestUiDb   db;
  KoersObjective *company_objective;
  KoersObjective *objective;
  GtkWidget      *editor;
} Fixture;

static gpointer
get_child (Fixture    *f,
           const char *name)
{
  return gtk_widget_get_template_child (f->editor, KOERS_TYPE_OBJECTIVE_EDITOR, name);
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  koers_test_ui_db_open (&f->db);
  f->company_objective = koers_test_add_objective (f->db.store, koers_store_get_company (f->db.store),
                                                   "Increase sales & <b>results</b>", "2026");
  koers_test_add_objective (f->db.store, koers_store_get_company (f->db.store),
                            "Last year's objective", "2025");
  f->objective = koers_test_add_objective (f->db.store,
                                           koers_test_find_department (f->db.store, "Marketing"),
                                           "Double monthly sign-ups", "2026-Q2");
  koers_test_add_key_result (f->db.store, f->objective, "1,200 new leads", 0, 1200, 300);

  f->editor = koers_objective_editor_new (f->db.store, f->objective);
  gtk_window_present (GTK_WINDOW (f->editor));
  gtk_test_widget_wait_for_draw (f->editor);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  koers_test_ui_finalize_toplevels (GTK_TYPE_WINDOW);
  koers_test_ui_db_close (&f->db);
}

static char *
read_title (Fixture *f)
{
  g_autoptr (KoersStore) again = koers_test_ui_db_reopen (&f->db);
  KoersObjective *stored = koers_store_find_objective (again, koers_objective_get_id (f->objective));

  return g_strdup (koers_objective_get_title (stored));
}

/* Typing saves at once, to memory and to disk: no Save button. */
static void
test_title_saves (Fixture      *f,
                  gconstpointer data)
{
  GtkEditable     *title_row = get_child (f, "title_row");
  g_autofree char *stored = NULL;
  g_autofree char *kept = NULL;

  g_assert_cmpstr (gtk_editable_get_text (title_row), ==, "Double monthly sign-ups");

  gtk_editable_set_text (title_row, "Triple monthly sign-ups");
  g_assert_cmpstr (koers_objective_get_title (f->objective), ==, "Triple monthly sign-ups");
  stored = read_title (f);
  g_assert_cmpstr (stored, ==, "Triple monthly sign-ups");

  /* Clearing the field to retype keeps the saved title. */
  gtk_editable_set_text (title_row, "");
  g_assert_cmpstr (koers_objective_get_title (f->objective), ==, "Triple monthly sign-ups");
  kept = read_title (f);
  g_assert_cmpstr (kept, ==, "Triple monthly sign-ups");
  g_assert_true (gtk_widget_get_visible (get_child (f, "title_hint_label")));

  /* Text from the user is never markup. */
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (title_row)));
}

static void
test_long_title_hint (Fixture      *f,
                      gconstpointer data)
{
  GtkEditable     *title_row = get_child (f, "title_row");
  GtkLabel        *hint = get_child (f, "title_hint_label");
  g_autofree char *ninety = g_strnfill (90, 'x');
  g_autofree char *ninety_one = g_strnfill (91, 'x');

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (hint)));

  gtk_editable_set_text (title_row, ninety);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (hint)));

  gtk_editable_set_text (title_row, ninety_one);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (hint)));
  g_assert_cmpstr (gtk_label_get_text (hint), ==,
                   "Long titles are hard to remember: the OKR framework advises one line");
  /* Long, yet saved: the hint advises, it does not refuse. */
  g_assert_cmpstr (koers_objective_get_title (f->objective), ==, ninety_one);

  gtk_editable_set_text (title_row, "Short again");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (hint)));
}

static void
test_fields_save (Fixture      *f,
                  gconstpointer data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (get_child (f, "description_view"));
  g_autoptr (KoersStore) again = NULL;
  KoersObjective *stored;

  gtk_text_buffer_set_text (buffer, "More sign-ups from the campaigns & SEO.", -1);
  adw_combo_row_set_selected (get_child (f, "kind_row"), KOERS_OBJECTIVE_KIND_ASPIRATIONAL);
  gtk_editable_set_text (get_child (f, "owner_row"), "Marketing team");
  adw_combo_row_set_selected (get_child (f, "state_row"), KOERS_OBJECTIVE_STATE_ACHIEVED);

  again = koers_test_ui_db_reopen (&f->db);
  stored = koers_store_find_objective (again, koers_objective_get_id (f->objective));
  g_assert_cmpstr (koers_objective_get_description (stored), ==, "More sign-ups from the campaigns & SEO.");
  g_assert_cmpint (koers_objective_get_kind (stored), ==, KOERS_OBJECTIVE_KIND_ASPIRATIONAL);
  g_assert_cmpstr (koers_objective_get_owner (stored), ==, "Marketing team");
  g_assert_cmpint (koers_objective_get_state (stored), ==, KOERS_OBJECTIVE_STATE_ACHIEVED);
}

static void
test_period (Fixture      *f,
             gconstpointer data)
{
  GtkDropDown   *quarter = get_child (f, "quarter_dropdown");
  GtkSpinButton *year = get_child (f, "year_spin");

  g_assert_cmpuint (gtk_drop_down_get_selected (quarter), ==, 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (year), ==, 2026);

  gtk_drop_down_set_selected (quarter, 2);
  g_assert_cmpstr (koers_objective_get_period (f->objective), ==, "2026-Q3");

  gtk_spin_button_set_value (year, 2027);
  g_assert_cmpstr (koers_objective_get_period (f->objective), ==, "2027-Q3");

  /* "Whole year". */
  gtk_drop_down_set_selected (quarter, 4);
  g_assert_cmpstr (koers_objective_get_period (f->objective), ==, "2027");
}

/* "Supports" lists the company objectives of the period, with their
 * department; a company objective has no such row. */
static void
test_aligned_to (Fixture      *f,
                 gconstpointer data)
{
  AdwComboRow *aligned = get_child (f, "aligned_row");
  GListModel  *choices = adw_combo_row_get_model (aligned);
  g_autoptr (KoersStore) again = NULL;

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (aligned)));
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 0), ==, "None");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 1), ==,
                   KOERS_TEST_ISOLATED ("Increase sales & <b>results</b>") " — " KOERS_TEST_ISOLATED ("Company"));
  g_assert_cmpuint (adw_combo_row_get_selected (aligned), ==, 0);

  adw_combo_row_set_selected (aligned, 1);
  g_assert_cmpint (koers_objective_get_aligned_to_id (f->objective), ==,
                   koers_objective_get_id (f->company_objective));
  again = koers_test_ui_db_reopen (&f->db);
  g_assert_cmpint (koers_objective_get_aligned_to_id (koers_store_find_objective (again, koers_objective_get_id (f->objective))),
                   ==, koers_objective_get_id (f->company_objective));

  adw_combo_row_set_selected (aligned, 0);
  g_assert_cmpint (koers_objective_get_aligned_to_id (f->objective), ==, 0);

  gtk_window_destroy (GTK_WINDOW (f->editor));
  f->editor = koers_objective_editor_new (f->db.store, f->company_objective);
  g_assert_false (gtk_widget_get_visible (get_child (f, "aligned_row")));
  gtk_window_destroy (GTK_WINDOW (f->editor));
}

/* A team objective supports its department's objectives (shown with the
 * company objective they support) or the company's; not another
 * department's. */
static void
test_aligned_to_team (Fixture      *f,
                      gconstpointer data)
{
  KoersDepartment *marketing = koers_test_find_department (f->db.store, "Marketing");
  KoersDepartment *growth = koers_test_add_team (f->db.store, marketing, "Growth");
  KoersObjective  *team_objective = koers_test_add_objective (f->db.store, growth, "Win two partners", "2026-Q2");
  GListModel      *choices;
  AdwComboRow     *aligned;
  g_autoptr (GError) error = NULL;

  koers_test_add_objective (f->db.store, koers_test_find_department (f->db.store, "Sales"),
                            "Reach quarterly revenue", "2026-Q2");
  koers_objective_set_aligned_to_id (f->objective, koers_objective_get_id (f->company_objective));
  g_assert_true (koers_store_save_objective (f->db.store, f->objective, &error));
  g_assert_no_error (error);

  gtk_window_destroy (GTK_WINDOW (f->editor));
  f->editor = koers_objective_editor_new (f->db.store, team_objective);
  aligned = get_child (f, "aligned_row");
  choices = adw_combo_row_get_model (aligned);
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 1), ==,
                   KOERS_TEST_ISOLATED ("Increase sales & <b>results</b>") " — " KOERS_TEST_ISOLATED ("Company"));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 2), ==,
                   KOERS_TEST_ISOLATED ("Double monthly sign-ups") " — " KOERS_TEST_ISOLATED ("Marketing") " › " KOERS_TEST_ISOLATED ("Increase sales & <b>results</b>"));
  adw_combo_row_set_selected (aligned, 2);
  g_assert_cmpint (koers_objective_get_aligned_to_id (team_objective), ==, koers_objective_get_id (f->objective));
  gtk_window_destroy (GTK_WINDOW (f->editor));
  f->editor = NULL;
}

static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  g_autoptr (GPtrArray) labels = koers_test_ui_find_mapped (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return TRUE;

  return FALSE;
}

/* When the store refuses a change, the editor says why and shows the
 * stored value again. */
static void
test_refused_change (Fixture      *f,
                     gconstpointer data)
{
  AdwComboRow *aligned = get_child (f, "aligned_row");
  g_autoptr (GError) error = NULL;

  /* The company objective on offer goes away behind the editor's back. */
  g_assert_true (koers_store_delete_objective (f->db.store, f->company_objective, &error));
  g_assert_no_error (error);

  adw_combo_row_set_selected (aligned, 1);
  koers_test_ui_spin (50);

  g_assert_cmpint (koers_objective_get_aligned_to_id (f->objective), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (aligned), ==, 0);
  g_assert_true (shows_label (f->editor, "An objective can only be aligned to or carried over from "
                                         "another objective that exists"));
}

/* Archive closes the editor; the main window's toast offers undo. */
static void
test_delete_and_undo (Fixture      *f,
                      gconstpointer data)
{
  GtkWindow *main_window = koers_test_ui_window_new (gtk_label_new ("main"), 600, 400);
  gint64     id = koers_objective_get_id (f->objective);
  GtkWidget *undo;

  gtk_window_destroy (GTK_WINDOW (f->editor));
  f->editor = koers_objective_editor_new (f->db.store, f->objective);
  gtk_window_set_transient_for (GTK_WINDOW (f->editor), main_window);
  gtk_window_present (GTK_WINDOW (f->editor));
  gtk_test_widget_wait_for_draw (f->editor);

  g_signal_emit_by_name (get_child (f, "delete_button"), "clicked");
  koers_test_ui_spin (50);
  /* Archived, not deleted; the editor closes. */
  g_assert_true (koers_store_find_objective (f->db.store, id) == f->objective);
  g_assert_true (koers_objective_get_archived (f->objective));
  g_assert_null (koers_test_ui_find_toplevel (KOERS_TYPE_OBJECTIVE_EDITOR));

  undo = koers_test_ui_find_button (GTK_WIDGET (main_window), "Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  koers_test_ui_spin (50);
  g_assert_false (koers_objective_get_archived (f->objective));
  g_assert_cmpuint (g_list_model_get_n_items (koers_objective_get_key_results (f->objective)), ==, 1);
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

/* Another process changes the objective: the open editor shows the new
 * title; a save of mine over theirs is refused, shows theirs, and typing
 * again keeps mine. */
static void
test_changed_elsewhere (Fixture      *f,
                        gconstpointer data)
{
  GtkEditable *title_row = get_child (f, "title_row");
  g_autoptr (KoersStore) other = koers_test_ui_db_reopen (&f->db);
  g_autoptr (GError) error = NULL;
  g_autofree char *stored = NULL;
  KoersObjective  *theirs = koers_store_find_objective (other, koers_objective_get_id (f->objective));

  koers_store_set_author (other, "Els Maes");
  koers_objective_set_title (theirs, "Sign-ups, as Els sees them");
  g_assert_true (koers_store_save_objective (other, theirs, &error));
  g_assert_true (koers_store_catch_up (f->db.store, &error));
  koers_test_ui_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (title_row), ==, "Sign-ups, as Els sees them");

  /* A change of theirs not seen here yet, to another field: both stay. */
  koers_objective_set_owner (theirs, "Els Maes");
  g_assert_true (koers_store_save_objective (other, theirs, &error));
  gtk_editable_set_text (title_row, "Mine");
  koers_test_ui_iterate ();
  g_assert_cmpstr (koers_objective_get_owner (f->objective), ==, "Els Maes");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_child (f, "owner_row"))), ==, "Els Maes");
  stored = read_title (f);
  g_assert_cmpstr (stored, ==, "Mine");

  /* To the same field: mine is refused, theirs shows, typing again keeps mine. */
  koers_store_catch_up (other, NULL);
  koers_objective_set_title (theirs, "Sign-ups, as Els sees them");
  g_assert_true (koers_store_save_objective (other, theirs, &error));
  gtk_editable_set_text (title_row, "Mine, again");
  koers_test_ui_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (title_row), ==, "Sign-ups, as Els sees them");
  g_clear_pointer (&stored, g_free);
  stored = read_title (f);
  g_assert_cmpstr (stored, ==, "Sign-ups, as Els sees them");

  gtk_editable_set_text (title_row, "Mine");
  g_clear_pointer (&stored, g_free);
  stored = read_title (f);
  g_assert_cmpstr (stored, ==, "Mine");
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add ("/objective-editor/title-saves", Fixture, NULL, fixture_setup, test_title_saves, fixture_teardown);
  g_test_add ("/objective-editor/long-title-hint", Fixture, NULL, fixture_setup,
              test_long_title_hint, fixture_teardown);
  g_test_add ("/objective-editor/fields-save", Fixture, NULL, fixture_setup, test_fields_save, fixture_teardown);
  g_test_add ("/objective-editor/period", Fixture, NULL, fixture_setup, test_period, fixture_teardown);
  g_test_add ("/objective-editor/aligned-to", Fixture, NULL, fixture_setup, test_aligned_to, fixture_teardown);
  g_test_add ("/objective-editor/aligned-to-team", Fixture, NULL, fixture_setup, test_aligned_to_team, fixture_teardown);
  g_test_add ("/objective-editor/refused-change", Fixture, NULL, fixture_setup,
              test_refused_change, fixture_teardown);
  g_test_add ("/objective-editor/delete-and-undo", Fixture, NULL, fixture_setup,
              test_delete_and_undo, fixture_teardown);

  g_test_add ("/objective-editor/changed-elsewhere", Fixture, NULL, fixture_setup,
              test_changed_elsewhere, fixture_teardown);
  g_test_add ("/objective-editor/narrow", Fixture, NULL, fixture_setup, test_narrow, fixture_teardown);

  return g_test_run ();
}
