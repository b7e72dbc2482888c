/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-test-ui.h"
#include "ui/checkins/koers-checkin-dialog.h"
#include "ui/objectives/koers-key-result-details.h"
#include "ui/objectives/koers-key-result-row.h"
#include "ui/widgets/koers-progress-chart.h"
#include "ui/widgets/koers-value-form.h"

typedef struct
{
  KoersTestUiDb   db;
  KoersObjective *objective;
  KoersKeyResult *kr;     /* 0 → 1,200 leads */
  GtkWindow      *window; /* the app window stand-in */
  GtkWidget      *details;
} Fixture;

static void
add_checkin (Fixture    *f,
             const char *date,
             double      value,
             const char *note)
{
  g_autoptr (KoersCheckin) checkin = koers_checkin_new (date, value, KOERS_CHECKIN_STATUS_ON_TRACK, note);
  g_autoptr (GError) error = NULL;

  g_assert_true (koers_store_add_checkin (f->db.store, f->kr, checkin, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  koers_test_ui_db_open (&f->db);
  f->objective = koers_test_add_objective (f->db.store,
                                           koers_test_find_department (f->db.store, "Marketing"),
                                           "Double monthly sign-ups", "2026-Q2");
  f->kr = koers_test_add_key_result (f->db.store, f->objective,
                                     "Three campaigns bring 1,200 leads", 0, 1200, 0);
  add_checkin (f, "2026-04-10", 300, NULL);
  add_checkin (f, "2026-05-01", 450, "Campaign one & two <live>");
  add_checkin (f, "2026-04-20", 380, NULL);

  f->window = koers_test_ui_window_new (gtk_label_new ("app"), 800, 600);
  f->details = koers_key_result_details_present (GTK_WIDGET (f->window), f->db.store, f->kr);
  gtk_test_widget_wait_for_draw (f->details);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  koers_test_ui_finalize_toplevels (KOERS_TYPE_CHECKIN_DIALOG);
  koers_test_ui_finalize_toplevels (KOERS_TYPE_KEY_RESULT_DETAILS);
  gtk_window_destroy (f->window);
  koers_test_ui_iterate ();
  koers_test_ui_db_close (&f->db);
}

static GtkListBox *
get_list (Fixture *f)
{
  return GTK_LIST_BOX (gtk_widget_get_template_child (f->details, KOERS_TYPE_KEY_RESULT_DETAILS, "list_box"));
}

static guint
count_rows (Fixture *f)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (get_list (f), n) != NULL)
    n++;
  return n;
}

/* The texts of the labels in a row, joined by "|". */
static char *
dup_row_text (Fixture *f,
              guint    index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (get_list (f), index);
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  g_assert_nonnull (row);
  koers_test_ui_collect (GTK_WIDGET (row), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_visible (labels->pdata[i]))
      g_string_append_printf (out, "%s|", gtk_label_get_text (labels->pdata[i]));

  return g_string_free (out, FALSE);
}

static GtkWidget *
find_row_button (Fixture    *f,
                 guint       index,
                 const char *tooltip)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (get_list (f), index);
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  koers_test_ui_collect (GTK_WIDGET (row), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), tooltip) == 0)
      return buttons->pdata[i];

  g_assert_not_reached ();
}

/* Newest first, with value, status, note and date; the chart is there. */
static void
test_list (Fixture      *f,
           gconstpointer data)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  GtkWidget       *chart;

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (f->details)) == f->window);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (f->details)));
  g_assert_cmpuint (count_rows (f), ==, 3);

  first = dup_row_text (f, 0);
  g_assert_cmpstr (first, ==, "450 leads|On track|1 May 2026|Campaign one & two <live>|");
  last = dup_row_text (f, 2);
  g_assert_cmpstr (last, ==, "300 leads|On track|10 April 2026|");

  chart = koers_key_result_details_get_chart (KOERS_KEY_RESULT_DETAILS (f->details));
  g_assert_true (KOERS_IS_PROGRESS_CHART (chart));
  g_assert_true (gtk_widget_get_mapped (chart));
  g_assert_true (koers_progress_chart_get_key_result (KOERS_PROGRESS_CHART (chart)) == f->kr);
  g_assert_nonnull (koers_progress_chart_get_period (KOERS_PROGRESS_CHART (chart)));

  /* Once per key result: presenting again raises the same window. */
  g_assert_true (koers_key_result_details_present (GTK_WIDGET (f->window), f->db.store, f->kr) == f->details);

  /* A new check-in shows at the top. */
  add_checkin (f, "2026-05-14", 600, NULL);
  g_assert_cmpuint (count_rows (f), ==, 4);
  g_free (first);
  first = dup_row_text (f, 0);
  g_assert_true (g_str_has_prefix (first, "600 leads|"));
}

/* Delete from a row's button, then Undo: back as it was, in the store too. */
static void
test_delete_undo (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr (KoersStore) again = NULL;
  g_autofree char *first = NULL;

  g_assert_false (koers_key_result_details_undo (KOERS_KEY_RESULT_DETAILS (f->details)));

  g_signal_emit_by_name (find_row_button (f, 0, "Delete Check-In"), "clicked");
  koers_test_ui_iterate ();
  g_assert_cmpuint (count_rows (f), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (koers_key_result_get_checkins (f->kr)), ==, 2);
  /* The current value follows the latest remaining check-in. */
  g_assert_cmpfloat (koers_key_result_get_current_value (f->kr), ==, 380);

  again = koers_test_ui_db_reopen (&f->db);
  g_assert_cmpuint (g_list_model_get_n_items (koers_key_result_get_checkins (
                      koers_store_find_key_result (again, koers_key_result_get_id (f->kr)))),
                    ==, 2);
  g_clear_object (&again);

  g_assert_true (koers_key_result_details_undo (KOERS_KEY_RESULT_DETAILS (f->details)));
  koers_test_ui_iterate ();
  g_assert_cmpuint (count_rows (f), ==, 3);
  g_assert_cmpfloat (koers_key_result_get_current_value (f->kr), ==, 450);
  first = dup_row_text (f, 0);
  g_assert_cmpstr (first, ==, "450 leads|On track|1 May 2026|Campaign one & two <live>|");
  /* Undone once is undone. */
  g_assert_false (koers_key_result_details_undo (KOERS_KEY_RESULT_DETAILS (f->details)));

  again = koers_test_ui_db_reopen (&f->db);
  g_assert_cmpuint (g_list_model_get_n_items (koers_key_result_get_checkins (
                      koers_store_find_key_result (again, koers_key_result_get_id (f->kr)))),
                    ==, 3);
}

/* Edit opens the check-in dialog on that check-in; the row follows. */
static void
test_edit (Fixture      *f,
           gconstpointer data)
{
  GtkWindow       *dialog;
  GtkWidget       *form;
  g_autofree char *row = NULL;
  g_autoptr (GError) error = NULL;

  g_signal_emit_by_name (find_row_button (f, 1, "Edit Check-In"), "clicked");
  koers_test_ui_spin (20);
  dialog = koers_test_ui_find_toplevel (KOERS_TYPE_CHECKIN_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (f->details));
  g_assert_cmpstr (koers_checkin_get_date (koers_checkin_dialog_get_checkin (KOERS_CHECKIN_DIALOG (dialog))),
                   ==, "2026-04-20");

  form = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), KOERS_TYPE_CHECKIN_DIALOG,
                                                    "value_form"));
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (form, KOERS_TYPE_VALUE_FORM,
                                                                      "value_entry")),
                         "400");
  g_assert_true (koers_checkin_dialog_save (KOERS_CHECKIN_DIALOG (dialog), &error));
  g_assert_no_error (error);
  koers_test_ui_iterate ();

  g_assert_cmpuint (count_rows (f), ==, 3);
  row = dup_row_text (f, 1);
  g_assert_cmpstr (row, ==, "400 leads|On track|20 April 2026|");
  /* Not the latest: the current value stays. */
  g_assert_cmpfloat (koers_key_result_get_current_value (f->kr), ==, 450);
}

/* The window goes when its key result does. */
static void
test_closes_with_key_result (Fixture      *f,
                             gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (koers_test_ui_find_toplevel (KOERS_TYPE_KEY_RESULT_DETAILS));
  g_assert_true (koers_store_delete_key_result (f->db.store, f->kr, &error));
  g_assert_no_error (error);
  koers_test_ui_spin (20);
  g_assert_null (koers_test_ui_find_toplevel (KOERS_TYPE_KEY_RESULT_DETAILS));
}

/* The sparkline in a key result's row opens its history. */
static void
test_from_row (Fixture      *f,
               gconstpointer data)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = koers_key_result_row_new (f->db.store, f->objective, f->kr);
  GtkWindow *window;

  gtk_window_destroy (GTK_WINDOW (f->details));
  koers_test_ui_iterate ();
  g_assert_null (koers_test_ui_find_toplevel (KOERS_TYPE_KEY_RESULT_DETAILS));

  gtk_list_box_append (GTK_LIST_BOX (list), row);
  window = koers_test_ui_window_new (list, 700, 300);
  g_assert_true (gtk_widget_activate_action (row, "kr-row.history", NULL));
  koers_test_ui_spin (20);
  f->details = GTK_WIDGET (koers_test_ui_find_toplevel (KOERS_TYPE_KEY_RESULT_DETAILS));
  g_assert_nonnull (f->details);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (f->details)) == window);
  g_assert_true (koers_key_result_details_get_key_result (KOERS_KEY_RESULT_DETAILS (f->details)) == f->kr);

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/key-result-details/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("list", test_list);
  ADD ("delete-undo", test_delete_undo);
  ADD ("edit", test_edit);
  ADD ("closes-with-key-result", test_closes_with_key_result);
  ADD ("from-row", test_from_row);

#undef ADD

  return g_test_run ();
}
