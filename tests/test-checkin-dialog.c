/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "core/koers-date.h"
#include "core/koers-format.h"
#include "core/koers-parse.h"
#include "koers-test-ui.h"
#include "ui/objectives/koers-editing.h"
#include "ui/checkins/koers-checkin-dialog.h"
#include "ui/objectives/koers-key-result-row.h"
#include "ui/widgets/koers-progress-chart.h"
#include "ui/widgets/koers-value-form.h"

/* KOERS_TODAY is 2026-05-15: 44 of Q2's 91 days have gone, so the ideal
 * line expects a little under half. */

typedef struct
{
  KoersTestUiDb   db;
  KoersObjective *objective;
  KoersKeyResult *kr;    /* 0 → 1,200 leads, at 600 */
  KoersKeyResult *other; /* 0 → 100, at 50: the objective's second */
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  koers_test_ui_db_open (&f->db);
  f->objective = koers_test_add_objective (f->db.store,
                                           koers_test_find_department (f->db.store, "Marketing"),
                                           "Double monthly sign-ups", "2026-Q2");
  f->kr = koers_test_add_key_result (f->db.store, f->objective,
                                     "Three campaigns bring 1,200 leads", 0, 1200, 600);
  f->other = koers_test_add_key_result (f->db.store, f->objective,
                                        "SEO brings 100 sign-ups", 0, 100, 50);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  koers_test_ui_finalize_toplevels (KOERS_TYPE_CHECKIN_DIALOG);
  koers_format_set_language (KOERS_LANGUAGE_EN);
  koers_test_ui_db_close (&f->db);
}

/* A child of the dialog's template, or of its value form's. */
static GtkWidget *
get_child (GtkWidget  *dialog,
           const char *name)
{
  GtkWidget *child = GTK_WIDGET (gtk_widget_get_template_child (dialog, KOERS_TYPE_CHECKIN_DIALOG, name));

  if (child == NULL)
    {
      GtkWidget *form = GTK_WIDGET (gtk_widget_get_template_child (dialog, KOERS_TYPE_CHECKIN_DIALOG,
                                                                   "value_form"));

      child = GTK_WIDGET (gtk_widget_get_template_child (form, KOERS_TYPE_VALUE_FORM, name));
    }
  g_assert_nonnull (child);
  return child;
}

static void
set_text (GtkWidget  *dialog,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_child (dialog, name)), text);
}

static const char *
get_label (GtkWidget  *dialog,
           const char *name)
{
  return gtk_label_get_text (GTK_LABEL (get_child (dialog, name)));
}

static gboolean
can_save (GtkWidget *dialog)
{
  gboolean can = koers_checkin_dialog_get_can_save (KOERS_CHECKIN_DIALOG (dialog));

  /* What the user sees: the button itself. */
  g_assert_cmpint (can, ==, gtk_widget_get_sensitive (get_child (dialog, "save_button")));
  return can;
}

static GtkWidget *
open_dialog (Fixture        *f,
             KoersKeyResult *kr)
{
  GtkWidget *dialog = koers_checkin_dialog_present (NULL, f->db.store, kr, NULL);

  g_assert_true (KOERS_IS_CHECKIN_DIALOG (dialog));
  gtk_test_widget_wait_for_draw (dialog);
  return dialog;
}

static guint
count_checkins (KoersKeyResult *kr)
{
  return g_list_model_get_n_items (koers_key_result_get_checkins (kr));
}

static void
assert_value_error (GtkWidget *dialog)
{
  GtkWidget *entry = get_child (dialog, "value_entry");
  GtkWidget *label = get_child (dialog, "value_error_label");

  g_assert_false (can_save (dialog));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), !=, "");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
}

static void
assert_value_ok (GtkWidget *dialog)
{
  g_assert_true (can_save (dialog));
  g_assert_false (gtk_widget_get_visible (get_child (dialog, "value_error_label")));
  g_assert_false (gtk_widget_has_css_class (get_child (dialog, "value_entry"), "error"));
}

/* Bad numbers in both languages block Save and say why, next to the field. */
static void
test_invalid_input (Fixture      *f,
                    gconstpointer data)
{
  const char         *bad[] = { "12,3,4", "abc", "", "   ", "1e400", "1,2,3.4.5" };
  const KoersLanguage languages[] = { KOERS_LANGUAGE_EN, KOERS_LANGUAGE_NL };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      GtkWidget *dialog;

      koers_format_set_language (languages[l]);
      dialog = open_dialog (f, f->kr);

      /* Opens with the current value, which is valid as it stands. */
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_child (dialog, "value_entry"))), ==, "600");
      assert_value_ok (dialog);

      for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
        {
          set_text (dialog, "value_entry", bad[i]);
          assert_value_error (dialog);
        }

      /* Grouping as the language writes it. */
      set_text (dialog, "value_entry", languages[l] == KOERS_LANGUAGE_NL ? "1.150" : "1,150");
      assert_value_ok (dialog);
      set_text (dialog, "value_entry", languages[l] == KOERS_LANGUAGE_NL ? "850,5" : "850.5");
      assert_value_ok (dialog);

      /* What the store would get if Save were forced anyway: nothing. */
      set_text (dialog, "value_entry", "abc");
      {
        g_autoptr (GError) error = NULL;

        g_assert_false (koers_checkin_dialog_save (KOERS_CHECKIN_DIALOG (dialog), &error));
        g_assert_error (error, KOERS_PARSE_ERROR, KOERS_PARSE_ERROR_INVALID);
      }

      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  g_assert_cmpuint (count_checkins (f->kr), ==, 0);
}

/* Cancel and Escape (window.close) leave the store as it was. */
static void
test_cancel_writes_nothing (Fixture      *f,
                            gconstpointer data)
{
  GtkWidget *dialog = open_dialog (f, f->kr);
  g_autoptr (KoersStore) again = NULL;
  KoersKeyResult *stored;

  set_text (dialog, "value_entry", "900");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_child (dialog, "note_view"))),
                            "Not this one", -1);
  g_assert_true (can_save (dialog));
  g_signal_emit_by_name (get_child (dialog, "cancel_button"), "clicked");
  koers_test_ui_spin (20);
  g_assert_null (koers_test_ui_find_toplevel (KOERS_TYPE_CHECKIN_DIALOG));

  dialog = open_dialog (f, f->kr);
  set_text (dialog, "value_entry", "950");
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  koers_test_ui_spin (20);
  g_assert_null (koers_test_ui_find_toplevel (KOERS_TYPE_CHECKIN_DIALOG));

  g_assert_cmpuint (count_checkins (f->kr), ==, 0);
  g_assert_cmpfloat (koers_key_result_get_current_value (f->kr), ==, 600);

  again = koers_test_ui_db_reopen (&f->db);
  stored = koers_store_find_key_result (again, koers_key_result_get_id (f->kr));
  g_assert_nonnull (stored);
  g_assert_cmpuint (count_checkins (stored), ==, 0);
  g_assert_cmpfloat (koers_key_result_get_current_value (stored), ==, 600);
}

/* Enter in the value saves: one check-in, the value follows, the objective
 * score moves, the preview said so beforehand, and a stale key result is
 * no longer stale. */
static void
test_save_writes_one (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr (KoersCheckin) old = koers_checkin_new ("2026-04-01", 500, KOERS_CHECKIN_STATUS_ON_TRACK, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersStore) again = NULL;
  GtkWidget      *dialog;
  KoersCheckin   *latest;
  KoersKeyResult *stored;
  double          score_before;
  GDate           today;

  koers_date_today (&today);
  g_assert_true (koers_store_add_checkin (f->db.store, f->kr, old, &error));
  g_assert_no_error (error);
  g_assert_true (koers_key_result_is_stale (f->kr, &today));
  score_before = koers_objective_get_score (f->objective);
  g_assert_cmpfloat_with_epsilon (score_before, (500.0 / 1200 + 0.5) / 2, 1e-9);

  dialog = open_dialog (f, f->kr);
  g_assert_cmpstr (get_label (dialog, "kr_title_label"), ==, "Three campaigns bring 1,200 leads");
  g_assert_cmpstr (get_label (dialog, "targets_label"), ==, "Start 0 · target 1,200 leads");
  g_assert_cmpstr (get_label (dialog, "last_label"), ==, "Last check-in: 500 leads on 1 April 2026");

  set_text (dialog, "value_entry", "1,100");
  /* 500/1200 → 1100/1200; the score rises by half of that, 0.25. */
  g_assert_cmpstr (get_label (dialog, "progress_preview_label"), ==, "42% → 92%");
  g_assert_cmpstr (get_label (dialog, "score_preview_label"), ==, "0.46 → 0.71 (+0.25)");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_child (dialog, "note_view"))),
                            "Two campaigns live", -1);

  /* What Enter does: the entry's text activates, and so the default. */
  {
    g_autoptr (GPtrArray) texts = g_ptr_array_new ();

    koers_test_ui_collect (get_child (dialog, "value_entry"), GTK_TYPE_TEXT, texts);
    g_assert_cmpuint (texts->len, ==, 1);
    g_signal_emit_by_name (texts->pdata[0], "activate");
  }
  koers_test_ui_spin (400);

  g_assert_null (koers_test_ui_find_toplevel (KOERS_TYPE_CHECKIN_DIALOG));
  g_assert_cmpuint (count_checkins (f->kr), ==, 2);
  latest = koers_key_result_get_latest_checkin (f->kr);
  g_assert_cmpstr (koers_checkin_get_date (latest), ==, "2026-05-15");
  g_assert_cmpfloat (koers_checkin_get_value (latest), ==, 1100);
  g_assert_cmpstr (koers_checkin_get_note (latest), ==, "Two campaigns live");
  g_assert_cmpint (koers_checkin_get_status (latest), ==, KOERS_CHECKIN_STATUS_ON_TRACK);
  g_assert_cmpfloat (koers_key_result_get_current_value (f->kr), ==, 1100);
  g_assert_cmpfloat (koers_objective_get_score (f->objective), >, score_before);
  g_assert_cmpfloat_with_epsilon (koers_objective_get_score (f->objective),
                                  (1100.0 / 1200 + 0.5) / 2, 1e-9);
  g_assert_false (koers_key_result_is_stale (f->kr, &today));

  again = koers_test_ui_db_reopen (&f->db);
  stored = koers_store_find_key_result (again, koers_key_result_get_id (f->kr));
  g_assert_cmpuint (count_checkins (stored), ==, 2);
  g_assert_cmpfloat (koers_key_result_get_current_value (stored), ==, 1100);
}

/* A back-dated check-in does not become the current value: the preview
 * knows, as the store does. */
static void
test_backdated_preview (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr (KoersCheckin) recent = koers_checkin_new ("2026-05-10", 700, KOERS_CHECKIN_STATUS_ON_TRACK, NULL);
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog;

  g_assert_true (koers_store_add_checkin (f->db.store, f->kr, recent, &error));
  g_assert_no_error (error);

  dialog = open_dialog (f, f->kr);
  set_text (dialog, "value_entry", "300");
  set_text (dialog, "date_entry", "2 May 2026");
  g_assert_true (can_save (dialog));
  g_assert_cmpstr (get_label (dialog, "progress_preview_label"), ==, "58% → 58%");
  g_assert_true (koers_checkin_dialog_save (KOERS_CHECKIN_DIALOG (dialog), &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count_checkins (f->kr), ==, 2);
  g_assert_cmpfloat (koers_key_result_get_current_value (f->kr), ==, 700);
}

/* Not in the future, not before the period starts; typed in several ways. */
static void
test_date (Fixture      *f,
           gconstpointer data)
{
  GtkWidget  *dialog = open_dialog (f, f->kr);
  GtkWidget  *date_error = get_child (dialog, "date_error_label");
  const char *bad[] = { "16 May 2026", "2026-05-16", "1 January 2027", "31 March 2026",
                        "2026-03-31", "yesterday", "32 May 2026", "" };
  const char *good[] = { "15 May 2026", "2026-05-15", "1 April 2026", "14-5-2026",
                         "14/05/2026", "3 apr 2026", "14 mei 2026", "10 May" };
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_child (dialog, "date_entry"))), ==, "15 May 2026");
  g_assert_true (can_save (dialog));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      set_text (dialog, "date_entry", bad[i]);
      g_assert_false (can_save (dialog));
      g_assert_true (gtk_widget_get_visible (date_error));
      g_assert_true (gtk_widget_has_css_class (get_child (dialog, "date_entry"), "error"));
    }

  set_text (dialog, "date_entry", "16 May 2026");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (date_error)), ==, "The date cannot be in the future.");
  g_assert_false (koers_checkin_dialog_save (KOERS_CHECKIN_DIALOG (dialog), &error));
  g_assert_nonnull (error);
  set_text (dialog, "date_entry", "31 March 2026");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (date_error)), ==,
                   "The date cannot be before the period starts on 1 April 2026.");

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      set_text (dialog, "date_entry", good[i]);
      g_assert_true (can_save (dialog));
      g_assert_false (gtk_widget_get_visible (date_error));
    }

  /* The last one is without a year: this year's. */
  g_assert_true (koers_checkin_dialog_save (KOERS_CHECKIN_DIALOG (dialog), NULL));
  g_assert_cmpstr (koers_checkin_get_date (koers_key_result_get_latest_checkin (f->kr)), ==, "2026-05-10");
  g_assert_cmpuint (count_checkins (f->kr), ==, 1);
}

/* The status follows the new progress against the ideal line until the
 * user picks one. */
static void
test_status_suggestion (Fixture      *f,
                        gconstpointer data)
{
  GtkWidget   *dialog = open_dialog (f, f->kr);
  GtkDropDown *status = GTK_DROP_DOWN (get_child (dialog, "status_dropdown"));

  set_text (dialog, "value_entry", "1,000");
  g_assert_cmpuint (gtk_drop_down_get_selected (status), ==, 0); /* on track */
  set_text (dialog, "value_entry", "400");                       /* 0.33 against 0.48 */
  g_assert_cmpuint (gtk_drop_down_get_selected (status), ==, 1); /* at risk */
  set_text (dialog, "value_entry", "50");
  g_assert_cmpuint (gtk_drop_down_get_selected (status), ==, 2); /* off track */

  gtk_drop_down_set_selected (status, 1);
  set_text (dialog, "value_entry", "1,100");
  g_assert_cmpuint (gtk_drop_down_get_selected (status), ==, 1);

  g_assert_true (koers_checkin_dialog_save (KOERS_CHECKIN_DIALOG (dialog), NULL));
  g_assert_cmpint (koers_checkin_get_status (koers_key_result_get_latest_checkin (f->kr)), ==,
                   KOERS_CHECKIN_STATUS_AT_RISK);
}

/* A milestone is done or not done, no number to type. */
static void
test_milestone (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (KoersKeyResult) kr = koers_key_result_new ("Launch the new site", KOERS_METRIC_KIND_MILESTONE,
                                                        0, 1, NULL);
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog;

  g_assert_true (koers_store_add_key_result (f->db.store, f->objective, kr, &error));
  g_assert_no_error (error);

  dialog = open_dialog (f, kr);
  g_assert_false (gtk_widget_get_visible (get_child (dialog, "value_box")));
  g_assert_true (gtk_widget_get_visible (get_child (dialog, "milestone_box")));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (get_child (dialog, "not_done_button"))));
  g_assert_true (can_save (dialog));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (get_child (dialog, "done_button")), TRUE);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (get_child (dialog, "not_done_button"))));
  g_assert_cmpstr (get_label (dialog, "progress_preview_label"), ==, "0% → 100%");
  g_assert_true (koers_checkin_dialog_save (KOERS_CHECKIN_DIALOG (dialog), &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (koers_key_result_get_current_value (kr), ==, 1);
  g_assert_cmpfloat (koers_key_result_get_progress (kr), ==, 1);

  /* Opens on the state it is in; back to not done. */
  dialog = open_dialog (f, kr);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (get_child (dialog, "done_button"))));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (get_child (dialog, "not_done_button")), TRUE);
  set_text (dialog, "date_entry", "15 May 2026");
  g_assert_true (koers_checkin_dialog_save (KOERS_CHECKIN_DIALOG (dialog), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_checkins (kr), ==, 2);
  g_assert_cmpfloat (koers_key_result_get_current_value (kr), ==, 0);
}

/* Ctrl+Enter in the note saves: the note view holds that shortcut. */
static void
test_ctrl_enter_saves (Fixture      *f,
                       gconstpointer data)
{
  GtkWidget *dialog = open_dialog (f, f->kr);
  GtkWidget *note = get_child (dialog, "note_view");
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (note);
  GtkShortcut *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && found == NULL; i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && found == NULL; j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (strstr (trigger, "<Control>Return") != NULL)
            found = shortcut;
        }
    }
  g_assert_nonnull (found);

  set_text (dialog, "value_entry", "720");
  gtk_widget_grab_focus (note);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (found), 0, note, NULL));
  koers_test_ui_spin (20);

  g_assert_null (koers_test_ui_find_toplevel (KOERS_TYPE_CHECKIN_DIALOG));
  g_assert_cmpuint (count_checkins (f->kr), ==, 1);
  g_assert_cmpfloat (koers_key_result_get_current_value (f->kr), ==, 720);
}

/* Edit mode fills in the check-in and writes to it, not a new one. */
static void
test_edit (Fixture      *f,
           gconstpointer data)
{
  g_autoptr (KoersCheckin) checkin = koers_checkin_new ("2026-05-10", 700, KOERS_CHECKIN_STATUS_AT_RISK,
                                                        "Slow & steady <b>");
  g_autoptr (GError) error = NULL;
  GtkTextBuffer   *buffer;
  GtkTextIter      start, end;
  g_autofree char *note = NULL;
  GtkWidget       *dialog;

  g_assert_true (koers_store_add_checkin (f->db.store, f->kr, checkin, &error));
  g_assert_no_error (error);

  dialog = koers_checkin_dialog_new_for_checkin (f->db.store, f->kr, checkin);
  gtk_window_present (GTK_WINDOW (dialog));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_child (dialog, "note_view")));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_child (dialog, "value_entry"))), ==, "700");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_child (dialog, "date_entry"))), ==, "10 May 2026");
  g_assert_cmpstr (note, ==, "Slow & steady <b>");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (get_child (dialog, "status_dropdown"))), ==, 1);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Check-In");

  set_text (dialog, "value_entry", "800");
  g_assert_true (koers_checkin_dialog_save (KOERS_CHECKIN_DIALOG (dialog), &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count_checkins (f->kr), ==, 1);
  g_assert_cmpfloat (koers_checkin_get_value (checkin), ==, 800);
  g_assert_cmpstr (koers_checkin_get_date (checkin), ==, "2026-05-10");
  g_assert_cmpint (koers_checkin_get_status (checkin), ==, KOERS_CHECKIN_STATUS_AT_RISK);
  g_assert_cmpfloat (koers_key_result_get_current_value (f->kr), ==, 800);
}

/* Focus starts in the value entry, its text selected for typing over. */
static void
test_focus (Fixture      *f,
            gconstpointer data)
{
  GtkWidget *dialog = open_dialog (f, f->kr);
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  int        start, end;

  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, get_child (dialog, "value_entry")) ||
                 focus == get_child (dialog, "value_entry"));
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (get_child (dialog, "value_entry")),
                                                    &start, &end));
  g_assert_cmpint (end - start, ==, 3);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));

  /* Tab: value → status → note → date (and its calendar) → Save → Cancel. */
  {
    const char *order[] = { "status_dropdown", "note_view", "date_entry", "date_button",
                            "save_button", "cancel_button", "value_entry" };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        GtkWidget *expected = get_child (dialog, order[i]);

        g_assert_true (gtk_widget_child_focus (dialog, GTK_DIR_TAB_FORWARD));
        focus = gtk_window_get_focus (GTK_WINDOW (dialog));
        g_test_message ("Tab %u: %s", i, G_OBJECT_TYPE_NAME (focus));
        g_assert_true (focus == expected || gtk_widget_is_ancestor (focus, expected));
      }
  }
}

/* A key result's row opens the dialog: its Check In button (an action),
 * and Ctrl+Enter on the focused row; the row shows a sparkline. */
static void
test_from_row (Fixture      *f,
               gconstpointer data)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = koers_key_result_row_new (f->db.store, f->objective, f->kr);
  g_autoptr (GPtrArray) charts = g_ptr_array_new ();
  GtkWindow *window;
  GtkWindow *dialog;

  gtk_list_box_append (GTK_LIST_BOX (list), row);
  window = koers_test_ui_window_new (list, 700, 300);
  /* The cards and rows ask the window to edit, delete and check in. */
  koers_editing_insert_actions (GTK_WIDGET (window), f->db.store);

  koers_test_ui_collect (row, KOERS_TYPE_PROGRESS_CHART, charts);
  g_assert_cmpuint (charts->len, ==, 1);
  g_assert_true (koers_progress_chart_get_compact (charts->pdata[0]));
  g_assert_true (koers_progress_chart_get_key_result (charts->pdata[0]) == f->kr);

  g_assert_true (gtk_widget_activate_action (row, "kr-row.check-in", NULL));
  koers_test_ui_spin (20);
  dialog = koers_test_ui_find_toplevel (KOERS_TYPE_CHECKIN_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == window);
  g_assert_true (koers_checkin_dialog_get_key_result (KOERS_CHECKIN_DIALOG (dialog)) == f->kr);
  gtk_window_destroy (dialog);
  koers_test_ui_iterate ();

  /* The keyboard: Ctrl+Enter is bound on the row. */
  {
    g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (row);
    gboolean bound = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && !bound; i++)
      {
        g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

        if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
          continue;
        for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !bound; j++)
          {
            g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
            g_autofree char   *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
            GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

            if (g_str_equal (trigger, "<Control>Return") && GTK_IS_NAMED_ACTION (action))
              bound = g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                                   "kr-row.check-in");
          }
      }
    g_assert_true (bound);
  }

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/checkin-dialog/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("invalid-input", test_invalid_input);
  ADD ("cancel-writes-nothing", test_cancel_writes_nothing);
  ADD ("save-writes-one", test_save_writes_one);
  ADD ("backdated-preview", test_backdated_preview);
  ADD ("date", test_date);
  ADD ("status-suggestion", test_status_suggestion);
  ADD ("milestone", test_milestone);
  ADD ("ctrl-enter-saves", test_ctrl_enter_saves);
  ADD ("edit", test_edit);
  ADD ("focus", test_focus);
  ADD ("from-row", test_from_row);

#undef ADD

  return g_test_run ();
}
