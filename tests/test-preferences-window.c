/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "core/koers-author.h"
#include "koers-test-ui.h"
#include "store/koers-store-rhythm.h"
#include "ui/due/koers-due-page.h"
#include "ui/window/koers-preferences-window.h"

static gpointer
get_child (GtkWidget  *window,
           const char *name)
{
  return gtk_widget_get_template_child (window, KOERS_TYPE_PREFERENCES_WINDOW, name);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The combo row follows the "language" key both ways, and a choice other
 * than the running language offers a restart. */
static void
test_language (void)
{
  KoersTestUiDb db = { 0 };
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *language = NULL;
  GtkWidget       *window;
  AdwComboRow     *row;

  g_settings_reset (settings, "language");
  koers_test_ui_db_open (&db);
  window = koers_preferences_window_new (NULL, db.store, settings, "system");
  gtk_window_present (GTK_WINDOW (window));
  koers_test_ui_iterate ();
  row = get_child (window, "language_row");

  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_null (find_button (window, "_Restart Now"));

  g_settings_set_string (settings, "language", "nl");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);

  adw_combo_row_set_selected (row, 2);
  language = g_settings_get_string (settings, "language");
  g_assert_cmpstr (language, ==, "en");
  koers_test_ui_iterate ();
  g_assert_nonnull (find_button (window, "_Restart Now"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (find_button (window, "_Restart Now"))),
                   ==, "app.restart");

  adw_combo_row_set_selected (row, 0);
  g_clear_pointer (&language, g_free);
  language = g_settings_get_string (settings, "language");
  g_assert_cmpstr (language, ==, "system");

  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));
  g_settings_reset (settings, "language");
  koers_test_ui_db_close (&db);
}

static void
test_organisation (void)
{
  KoersTestUiDb db = { 0 };
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GError) error = NULL;
  GtkWidget   *window;
  GtkEditable *row;

  koers_test_ui_db_open (&db);
  g_assert_true (koers_store_set_organisation (db.store, "Example & Co", &error));
  g_assert_no_error (error);
  window = koers_preferences_window_new (NULL, db.store, settings, "system");
  row = get_child (window, "organisation_row");

  g_assert_cmpstr (gtk_editable_get_text (row), ==, "Example & Co");
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));

  gtk_editable_set_text (row, "  Koers <b>NV</b>  ");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (koers_store_get_organisation (db.store), ==, "Koers <b>NV</b>");

  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));
  koers_test_ui_db_close (&db);
}

/* "Your Name" follows "author-name"; empty stands for the account's name,
 * which the group's description shows. */
static void
test_author (void)
{
  KoersTestUiDb db = { 0 };
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *account = koers_author_get_account_name ();
  g_autofree char *escaped = g_markup_escape_text (account, -1);
  g_autofree char *resolved = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *value = NULL;
  GtkWidget       *window;
  GtkEditable     *row;
  const char      *description;

  g_assert_cmpstr (account, !=, "");
  g_assert_cmpstr (account, !=, "Unknown");
  resolved = koers_author_resolve ("  ");
  g_assert_cmpstr (resolved, ==, account);
  trimmed = koers_author_resolve ("  Anna Peeters ");
  g_assert_cmpstr (trimmed, ==, "Anna Peeters");

  g_settings_reset (settings, "author-name");
  koers_test_ui_db_open (&db);
  window = koers_preferences_window_new (NULL, db.store, settings, "system");
  gtk_window_present (GTK_WINDOW (window));
  koers_test_ui_iterate ();
  row = get_child (window, "author_row");

  g_assert_cmpstr (gtk_editable_get_text (row), ==, "");
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Your Name");
  description = adw_preferences_group_get_description (get_child (window, "author_group"));
  g_assert_nonnull (strstr (description, "history"));
  g_assert_nonnull (strstr (description, escaped));

  gtk_editable_set_text (row, "  Anna & <Jan>  ");
  g_signal_emit_by_name (row, "apply");
  value = g_settings_get_string (settings, "author-name");
  g_assert_cmpstr (value, ==, "Anna & <Jan>");
  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));

  /* The next time it shows what is set. */
  window = koers_preferences_window_new (NULL, db.store, settings, "system");
  row = get_child (window, "author_row");
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "Anna & <Jan>");
  gtk_editable_set_text (row, "");
  g_signal_emit_by_name (row, "apply");
  g_clear_pointer (&value, g_free);
  value = g_settings_get_string (settings, "author-name");
  g_assert_cmpstr (value, ==, "");

  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));
  g_settings_reset (settings, "author-name");
  koers_test_ui_db_close (&db);
}

/* Check-ins: the day and late-after go into the database at once; the
 * switch follows "remind-when-closed". */
static void
test_checkins (void)
{
  KoersTestUiDb db = { 0 };
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (KoersStore) again = NULL;
  KoersRhythm rhythm;
  GtkWidget  *window;

  g_settings_reset (settings, "remind-when-closed");
  koers_test_ui_db_open (&db);
  rhythm = (KoersRhythm){ G_DATE_TUESDAY, 5 };
  g_assert_true (koers_store_write_rhythm (db.store, &rhythm, NULL));

  window = koers_preferences_window_new (NULL, db.store, settings, "system");
  gtk_window_present (GTK_WINDOW (window));
  koers_test_ui_iterate ();
  g_assert_cmpuint (adw_combo_row_get_selected (get_child (window, "checkin_day_row")), ==, 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (get_child (window, "late_spin")), ==, 5);
  g_assert_cmpstr (koers_due_get_weekday_name (G_DATE_TUESDAY), ==, "Tuesday");

  adw_combo_row_set_selected (get_child (window, "checkin_day_row"), 4);
  gtk_spin_button_set_value (get_child (window, "late_spin"), 10);
  koers_test_ui_iterate ();
  again = koers_test_ui_db_reopen (&db);
  g_assert_true (koers_store_read_rhythm (again, &rhythm, NULL));
  g_assert_cmpint (rhythm.checkin_day, ==, G_DATE_FRIDAY);
  g_assert_cmpuint (rhythm.late_days, ==, 10);

  g_assert_false (gtk_switch_get_active (get_child (window, "remind_switch")));
  gtk_switch_set_active (get_child (window, "remind_switch"), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "remind-when-closed"));

  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));
  g_settings_reset (settings, "remind-when-closed");
  koers_test_ui_db_close (&db);
}

/* Dashboard: the row shows the folder "dashboard-folder" names (a user's
 * path, not markup) or that nothing is published; the clear button stops
 * publishing. */
static void
test_dashboard (void)
{
  KoersTestUiDb db = { 0 };
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *folder = NULL;
  GtkWidget       *window;
  AdwActionRow    *row;
  GtkWidget       *clear;

  koers_test_ui_db_open (&db);
  g_settings_reset (settings, "dashboard-folder");
  window = koers_preferences_window_new (NULL, db.store, settings, "system");
  row = get_child (window, "dashboard_row");
  clear = get_child (window, "dashboard_clear_button");

  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Not published");
  g_assert_false (gtk_widget_get_sensitive (clear));
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  g_assert_nonnull (find_button (window, "C_hoose…"));

  g_settings_set (settings, "dashboard-folder", "^ay", "/srv/intranet/R&D <okr>");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "/srv/intranet/R&D <okr>");
  g_assert_true (gtk_widget_get_sensitive (clear));

  g_signal_emit_by_name (clear, "clicked");
  g_settings_get (settings, "dashboard-folder", "^ay", &folder);
  g_assert_cmpstr (folder, ==, "");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Not published");

  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));
  koers_test_ui_db_close (&db);
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add_func ("/preferences-window/language", test_language);
  g_test_add_func ("/preferences-window/organisation", test_organisation);
  g_test_add_func ("/preferences-window/author", test_author);
  g_test_add_func ("/preferences-window/checkins", test_checkins);
  g_test_add_func ("/preferences-window/dashboard", test_dashboard);

  return g_test_run ();
}
