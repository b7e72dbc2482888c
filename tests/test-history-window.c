/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "core/koers-change-text.h"
#include "core/koers-date.h"
#include "core/koers-format.h"
#include "koers-test-ui.h"
#include "ui/history/koers-history-window.h"
#include "ui/objectives/koers-key-result-editor.h"
#include "ui/objectives/koers-objective-editor.h"

/* The history window on a real store: writes with an author, then the
 * rows the window shows for a key result and for an objective. */

typedef struct
{
  KoersTestUiDb   db;
  KoersObjective *objective;
  KoersKeyResult *kr;
} Fixture;

static void
use_language (KoersLanguage language)
{
  g_setenv ("LANGUAGE", language == KOERS_LANGUAGE_NL ? "nl" : "en", TRUE);
  koers_format_set_language (language);
  /* glibc forgets the translations it looked up at a textdomain() call. */
  textdomain (GETTEXT_PACKAGE);
}

/* Anna adds an objective with a key result, raises its target and checks
 * in twice; then someone without a name removes the second check-in. */
static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (KoersKeyResult) kr = koers_key_result_new ("Reduce churn", KOERS_METRIC_KIND_NUMBER, 0, 10, NULL);
  g_autoptr (GError) error = NULL;
  KoersCheckin *second;

  use_language (KOERS_LANGUAGE_EN);
  koers_test_ui_db_open (&f->db);
  koers_store_set_author (f->db.store, "Anna Peeters");
  g_assert_cmpstr (koers_store_get_author (f->db.store), ==, "Anna Peeters");

  f->objective = koers_test_add_objective (f->db.store,
                                           koers_test_find_department (f->db.store, "Sales"),
                                           "Keep our customers", "2026-Q2");
  g_assert_true (koers_store_add_key_result (f->db.store, f->objective, kr, &error));
  g_assert_no_error (error);
  f->kr = kr;

  koers_key_result_set_target_value (f->kr, 12);
  g_assert_true (koers_store_save_key_result (f->db.store, f->kr, &error));
  g_assert_no_error (error);

  koers_test_add_checkin (f->db.store, f->kr, "2026-03-03", 8.5, KOERS_CHECKIN_STATUS_ON_TRACK, "A good week");
  second = koers_test_add_checkin (f->db.store, f->kr, "2026-03-10", 9, KOERS_CHECKIN_STATUS_AT_RISK, NULL);

  koers_store_set_author (f->db.store, "");
  g_assert_true (koers_store_delete_checkin (f->db.store, second, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  use_language (KOERS_LANGUAGE_EN);
  koers_test_ui_finalize_toplevels (GTK_TYPE_WINDOW);
  koers_test_ui_db_close (&f->db);
}

static GPtrArray *
collect_rows (GtkWidget *window)
{
  GPtrArray *rows = g_ptr_array_new ();

  koers_test_ui_collect (window, ADW_TYPE_ACTION_ROW, rows);
  return rows;
}

static const char *
row_title (GPtrArray *rows,
           guint      index)
{
  g_assert_cmpuint (index, <, rows->len);
  return adw_preferences_row_get_title (g_ptr_array_index (rows, index));
}

static const char *
row_subtitle (GPtrArray *rows,
              guint      index)
{
  g_assert_cmpuint (index, <, rows->len);
  return adw_action_row_get_subtitle (g_ptr_array_index (rows, index));
}

static GtkWidget *
present (GtkWidget *window)
{
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  koers_test_ui_iterate ();
  return window;
}

/* Closes the window and checks nothing else holds it. */
static void
close_and_finalize (GtkWidget *window)
{
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  koers_test_ui_iterate ();
  g_assert_finalize_object (window);
}

static gpointer
get_child (GtkWidget  *window,
           const char *name)
{
  return gtk_widget_get_template_child (window, KOERS_TYPE_HISTORY_WINDOW, name);
}

static void
test_key_result (Fixture      *f,
                 gconstpointer data)
{
  GtkWidget *window = present (koers_history_window_new (NULL, f->db.store, G_OBJECT (f->kr)));
  g_autoptr (GPtrArray) rows = collect_rows (window);
  g_autoptr (GPtrArray) groups = g_ptr_array_new ();
  g_autofree char *today = koers_change_text_format_day (g_get_real_time ());

  /* The class's role: with GTK_A11Y=none (as the tests run) an instance
   * reports the window role whatever its class says. */
  g_assert_cmpint (gtk_widget_class_get_accessible_role (GTK_WIDGET_GET_CLASS (window)), ==,
                   GTK_ACCESSIBLE_ROLE_DIALOG);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "History of “" KOERS_TEST_ISOLATED ("Reduce churn") "”");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (window, "stack")), ==, "list");

  /* Newest first. */
  for (guint i = 0; i < rows->len; i++)
    g_test_message ("row %u: %s | %s", i, row_title (rows, i), row_subtitle (rows, i));
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (row_title (rows, 0), ==, "Someone removed the check-in of 10 March 2026");
  g_assert_cmpstr (row_title (rows, 1), ==, "Anna Peeters checked in 9 — at risk");
  g_assert_cmpstr (row_subtitle (rows, 1), ==, "Date: 10 March 2026");
  g_assert_cmpstr (row_title (rows, 2), ==, "Anna Peeters checked in 8.5 — on track");
  g_assert_cmpstr (row_subtitle (rows, 2), ==, "Date: 3 March 2026\nNote: “A good week”");
  g_assert_cmpstr (row_title (rows, 3), ==, "Anna Peeters changed the target from 10 to 12");
  g_assert_cmpstr (row_title (rows, 4), ==, "Anna Peeters added the key result “Reduce churn”");
  for (guint i = 0; i < rows->len; i++)
    g_assert_false (adw_preferences_row_get_use_markup (g_ptr_array_index (rows, i)));

  /* All of today: one group, named by the day. */
  koers_test_ui_collect (window, ADW_TYPE_PREFERENCES_GROUP, groups);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpstr (adw_preferences_group_get_title (g_ptr_array_index (groups, 0)), ==, today);
  g_assert_cmpuint (koers_history_window_get_n_shown (KOERS_HISTORY_WINDOW (window)), ==, 5);
  g_assert_false (gtk_widget_get_visible (get_child (window, "more_button")));

  close_and_finalize (window);
}

/* An objective's history holds its key results' changes, named. */
static void
test_objective (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *window;
  g_autoptr (GPtrArray) rows = NULL;

  koers_store_set_author (f->db.store, "Jan");
  g_assert_true (koers_store_delete_key_result (f->db.store, f->kr, &error));
  g_assert_no_error (error);

  window = present (koers_history_window_new (NULL, f->db.store, G_OBJECT (f->objective)));
  rows = collect_rows (window);
  for (guint i = 0; i < rows->len; i++)
    g_test_message ("row %u: %s | %s", i, row_title (rows, i), row_subtitle (rows, i));

  g_assert_cmpuint (rows->len, >=, 4);
  g_assert_cmpstr (row_title (rows, 0), ==, "Jan removed the key result “Reduce churn”");
  g_assert_cmpstr (row_title (rows, 1), ==,
                   "Anna Peeters changed the target of the key result “Reduce churn” from 10 to 12");
  g_assert_cmpstr (row_title (rows, 2), ==, "Anna Peeters added the key result “Reduce churn”");
  g_assert_cmpstr (row_title (rows, rows->len - 1), ==,
                   "Anna Peeters added the objective “Keep our customers”");

  close_and_finalize (window);
}

/* The window speaks the language of the interface. */
static void
test_dutch (Fixture      *f,
            gconstpointer data)
{
  GtkWidget *window;
  g_autoptr (GPtrArray) rows = NULL;

  use_language (KOERS_LANGUAGE_NL);
  window = present (koers_history_window_new (NULL, f->db.store, G_OBJECT (f->kr)));
  rows = collect_rows (window);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Geschiedenis van “" KOERS_TEST_ISOLATED ("Reduce churn") "”");
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (row_title (rows, 0), ==, "Iemand verwijderde de check-in van 10 maart 2026");
  g_assert_cmpstr (row_title (rows, 2), ==, "Anna Peeters deed een check-in van 8,5 — op schema");
  g_assert_cmpstr (row_subtitle (rows, 2), ==, "Datum: 3 maart 2026\nToelichting: “A good week”");
  g_assert_cmpstr (row_title (rows, 3), ==, "Anna Peeters wijzigde de doelwaarde van 10 naar 12");

  close_and_finalize (window);
}

/* A write while the window is open shows at once; long histories come a
 * page at a time. */
static void
test_live_and_paging (Fixture      *f,
                      gconstpointer data)
{
  GtkWidget          *window = present (koers_history_window_new (NULL, f->db.store, G_OBJECT (f->kr)));
  KoersHistoryWindow *history = KOERS_HISTORY_WINDOW (window);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  GtkWidget *more = get_child (window, "more_button");

  koers_store_set_author (f->db.store, "Piet");
  koers_key_result_set_owner (f->kr, "Piet & Co <b>");
  g_assert_true (koers_store_save_key_result (f->db.store, f->kr, &error));
  g_assert_no_error (error);
  koers_test_ui_iterate ();

  rows = collect_rows (window);
  g_assert_cmpuint (rows->len, ==, 6);
  g_assert_cmpstr (row_title (rows, 0), ==, "Piet set the owner to “Piet & Co <b>”");
  g_clear_pointer (&rows, g_ptr_array_unref);

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *date = g_strdup_printf ("2025-%02u-%02u", 1 + i / 28, 1 + i % 28);

      koers_test_add_checkin (f->db.store, f->kr, date, i, KOERS_CHECKIN_STATUS_NONE, NULL);
    }
  koers_test_ui_iterate ();

  g_assert_cmpuint (koers_history_window_get_n_shown (history), ==, 100);
  g_assert_true (gtk_widget_get_visible (more));
  rows = collect_rows (window);
  g_assert_cmpuint (rows->len, ==, 100);
  g_assert_cmpstr (row_title (rows, 0), ==, "Piet checked in 199");
  g_clear_pointer (&rows, g_ptr_array_unref);

  g_signal_emit_by_name (more, "clicked");
  g_assert_cmpuint (koers_history_window_get_n_shown (history), ==, 200);
  g_signal_emit_by_name (more, "clicked");
  g_assert_cmpuint (koers_history_window_get_n_shown (history), ==, 206);
  g_assert_false (gtk_widget_get_visible (more));

  close_and_finalize (window);
}

/* Without a log (an unsaved objective, or data from before schema 5). */
static void
test_empty (Fixture      *f,
            gconstpointer data)
{
  g_autoptr (KoersObjective) objective = koers_objective_new ("Never saved", KOERS_LEVEL_TEAM,
                                                              KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2");
  GtkWidget *window;

  koers_objective_set_uuid (objective, "00000000-0000-4000-8000-000000000000");
  window = present (koers_history_window_new (NULL, f->db.store, G_OBJECT (objective)));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_child (window, "stack")), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (get_child (window, "empty_page")), ==, "No Changes Yet");

  close_and_finalize (window);
}

static KoersHistoryWindow *
find_history_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0, n = g_list_model_get_n_items (toplevels); i < n; i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (KOERS_IS_HISTORY_WINDOW (window))
        return KOERS_HISTORY_WINDOW (window);
    }
  return NULL;
}

/* The editors' History buttons open the window over themselves. */
static void
test_editor_buttons (Fixture      *f,
                     gconstpointer data)
{
  GtkWidget *editors[] = {
    koers_objective_editor_new (f->db.store, f->objective),
    koers_key_result_editor_new (f->db.store, f->kr),
  };
  const char *uuids[] = { koers_objective_get_uuid (f->objective), koers_key_result_get_uuid (f->kr) };
  GType       types[] = { KOERS_TYPE_OBJECTIVE_EDITOR, KOERS_TYPE_KEY_RESULT_EDITOR };

  for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
    {
      GtkWidget          *button = GTK_WIDGET (gtk_widget_get_template_child (editors[i], types[i], "history_button"));
      KoersHistoryWindow *history;

      present (editors[i]);
      g_assert_nonnull (button);
      g_assert_null (find_history_window ());

      g_signal_emit_by_name (button, "clicked");
      koers_test_ui_iterate ();
      history = find_history_window ();
      g_assert_nonnull (history);
      g_assert_cmpstr (koers_history_window_get_uuid (history), ==, uuids[i]);
      g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (history)) == GTK_WINDOW (editors[i]));

      close_and_finalize (GTK_WIDGET (history));
      gtk_window_destroy (GTK_WINDOW (editors[i]));
      koers_test_ui_iterate ();
    }
}

int
main (int   argc,
      char *argv[])
{
  /* As main() does: gettext() is the app's domain.  GLib decides once, at
   * the first g_dgettext(), whether to translate at all; in the app's
   * domain it only does when that domain has a catalogue for the language
   * of that moment, so the first look-up happens in Dutch. */
  g_setenv ("LANGUAGE", "nl", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "History"), ==, "Geschiedenis");
  use_language (KOERS_LANGUAGE_EN);

  koers_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/history-window/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("key-result", test_key_result);
  ADD ("objective", test_objective);
  ADD ("dutch", test_dutch);
  ADD ("live-and-paging", test_live_and_paging);
  ADD ("empty", test_empty);
  ADD ("editor-buttons", test_editor_buttons);
#undef ADD

  return g_test_run ();
}
