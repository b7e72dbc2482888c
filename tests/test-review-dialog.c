/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "core/koers-format.h"
#include "koers-test-ui.h"
#include "store/koers-store-review.h"
#include "ui/quality/koers-review-dialog.h"

/* Reviewing Q1 2026 (KOERS_TODAY is 2026-05-15). */

typedef struct
{
  KoersTestUiDb   db;
  KoersObjective *committed;    /* Marketing: 0.5 and 1.0 -> score 0.75 */
  KoersObjective *aspirational; /* Sales: 0.3 */
  KoersPeriod     q1;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  KoersStore *store;

  koers_test_ui_db_open_in (&f->db, data);
  store = f->db.store;
  koers_period_init_quarter (&f->q1, 2026, 1);

  f->committed = koers_test_add_objective (store, koers_test_find_department (store, "Marketing"),
                                           "Double monthly sign-ups", "2026-Q1");
  koers_test_add_key_result (store, f->committed, "Three campaigns bring 1,200 leads", 0, 1200, 600);
  koers_test_add_key_result (store, f->committed, "Two calls to action", 0, 2, 2);

  f->aspirational = koers_test_add_objective (store, koers_test_find_department (store, "Sales"),
                                              "Open the Canadian market", "2026-Q1");
  koers_objective_set_kind (f->aspirational, KOERS_OBJECTIVE_KIND_ASPIRATIONAL);
  g_assert_true (koers_store_save_objective (store, f->aspirational, &error));
  g_assert_no_error (error);
  koers_test_add_key_result (store, f->aspirational, "Ten resellers in Canada", 0, 10, 3);

  /* Not for a Q1 review: the year's, and the next quarter's. */
  koers_test_add_objective (store, koers_test_find_department (store, "Marketing"),
                            "All year long", "2026");
  koers_test_add_objective (store, koers_test_find_department (store, "Marketing"),
                            "Next quarter", "2026-Q2");
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  koers_test_ui_finalize_toplevels (KOERS_TYPE_REVIEW_DIALOG);
  koers_format_set_language (KOERS_LANGUAGE_EN);
  koers_test_ui_db_close (&f->db);
}

static GtkWidget *
open_dialog (Fixture *f,
             gint64   department_id)
{
  GtkWidget *dialog = koers_review_dialog_new (f->db.store, &f->q1, department_id);

  gtk_window_present (GTK_WINDOW (dialog));
  koers_test_ui_iterate ();
  return dialog;
}

static GtkWidget *
get_child (GtkWidget  *dialog,
           const char *name)
{
  GtkWidget *child = GTK_WIDGET (gtk_widget_get_template_child (dialog, KOERS_TYPE_REVIEW_DIALOG, name));

  g_assert_nonnull (child);
  return child;
}

static GtkRange *
get_kr_scale (GtkWidget *dialog,
              guint      index)
{
  g_autoptr (GPtrArray) scales = g_ptr_array_new ();

  koers_test_ui_collect (get_child (dialog, "kr_list"), GTK_TYPE_SCALE, scales);
  g_assert_cmpuint (index, <, scales->len);
  return scales->pdata[index];
}

static double
get_grade (GtkWidget *dialog)
{
  return gtk_range_get_value (GTK_RANGE (get_child (dialog, "grade_scale")));
}

static void
set_text (GtkWidget  *dialog,
          const char *view,
          const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_child (dialog, view))), text, -1);
  koers_test_ui_iterate ();
}

static void
click (GtkWidget  *dialog,
       const char *button)
{
  g_signal_emit_by_name (get_child (dialog, button), "clicked");
  koers_test_ui_iterate ();
}

static guint
find_department_row (KoersStore *store,
                     const char *name)
{
  GListModel *departments = koers_store_get_departments (store);

  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i);

      if (g_str_equal (koers_department_get_name (dept), name))
        return i + 1; /* after "Same department" */
    }

  g_assert_not_reached ();
}

/* A failed save's message names the database, here in a folder called
 * "R&D <review>": the toast shows it as text, not as (broken) markup. */
static void
test_error_is_text (Fixture      *f,
                    gconstpointer data)
{
  GtkWidget *dialog = open_dialog (f, 0);

  gtk_range_set_value (get_kr_scale (dialog, 0), 1.0);
  koers_test_ui_iterate ();
  g_assert_true (koers_review_dialog_get_can_save (KOERS_REVIEW_DIALOG (dialog)));

  koers_test_ui_refuse_writes (&f->db, "objectives");
  g_signal_emit_by_name (get_child (dialog, "save_button"), "clicked");
  koers_test_ui_iterate ();

  g_assert_cmpuint (koers_review_dialog_get_n_objectives (KOERS_REVIEW_DIALOG (dialog)), ==, 2);
  g_assert_true (koers_test_ui_has_label_containing (dialog, "R&D <review>"));
}

static void
test_review_flow (Fixture      *f,
                  gconstpointer data)
{
  GtkWidget         *dialog = open_dialog (f, 0);
  KoersReviewDialog *review = KOERS_REVIEW_DIALOG (dialog);
  g_autoptr (GError) error = NULL;
  KoersDepartment *management = koers_test_find_department (f->db.store, "Management");
  KoersKeyResult  *kr;

  g_assert_cmpuint (koers_review_dialog_get_n_objectives (review), ==, 2);
  g_assert_true (koers_review_dialog_get_objective (review) == f->committed);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_child (dialog, "title_label"))), ==, "Double monthly sign-ups");

  /* The grade is proposed from the key results' progress. */
  g_assert_cmpfloat_with_epsilon (get_grade (dialog), 0.75, 1e-9);
  /* A committed objective below 1.0 waits for its postmortem. */
  g_assert_false (koers_review_dialog_get_can_save (review));
  g_assert_true (gtk_widget_get_visible (get_child (dialog, "postmortem_error_label")));
  g_assert_false (gtk_widget_get_sensitive (get_child (dialog, "save_button")));
  g_assert_false (koers_review_dialog_save (review, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* Scored in full, it needs none, and nothing carries over. */
  gtk_range_set_value (get_kr_scale (dialog, 0), 1.0);
  koers_test_ui_iterate ();
  g_assert_cmpfloat_with_epsilon (get_grade (dialog), 1.0, 1e-9);
  g_assert_true (koers_review_dialog_get_can_save (review));
  g_assert_false (gtk_widget_get_visible (get_child (dialog, "carry_box")));

  /* The reviewer grades lower after all: the proposal stops. */
  gtk_range_set_value (GTK_RANGE (get_child (dialog, "grade_scale")), 0.8);
  gtk_range_set_value (get_kr_scale (dialog, 0), 0.5);
  koers_test_ui_iterate ();
  g_assert_cmpfloat_with_epsilon (get_grade (dialog), 0.8, 1e-9);
  g_assert_false (koers_review_dialog_get_can_save (review));
  set_text (dialog, "postmortem_view", "  We launched the campaigns a month late.  ");
  g_assert_true (koers_review_dialog_get_can_save (review));
  g_assert_true (gtk_widget_get_sensitive (get_child (dialog, "save_button")));
  set_text (dialog, "note_view", "Graded on the leads that came in.");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (get_child (dialog, "carry_check")), FALSE);
  click (dialog, "save_button");

  g_assert_cmpstr (koers_objective_get_postmortem (f->committed), ==, "We launched the campaigns a month late.");
  g_assert_cmpfloat_with_epsilon (koers_objective_get_final_grade (f->committed), 0.8, 1e-9);
  g_assert_cmpstr (koers_objective_get_review_note (f->committed), ==, "Graded on the leads that came in.");
  g_assert_cmpint (koers_objective_get_state (f->committed), ==, KOERS_OBJECTIVE_STATE_MISSED);
  kr = g_list_model_get_item (koers_objective_get_key_results (f->committed), 0);
  g_assert_cmpfloat_with_epsilon (koers_key_result_get_final_score (kr), 0.5, 1e-9);
  g_object_unref (kr);

  /* Next: the aspirational one, carried over by default. */
  g_assert_true (koers_review_dialog_get_objective (review) == f->aspirational);
  g_assert_cmpfloat_with_epsilon (get_grade (dialog), 0.3, 1e-9);
  g_assert_false (gtk_widget_get_visible (get_child (dialog, "postmortem_box")));
  g_assert_true (gtk_widget_get_visible (get_child (dialog, "carry_box")));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (get_child (dialog, "carry_check"))));
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (get_child (dialog, "carry_check"))), ==,
                   "Carry _over to Q2 2026");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (get_child (dialog, "save_button"))), ==, "_Save and Finish");
  /* Not achieved, it is never dropped: the carry-over cannot be turned off. */
  g_assert_false (gtk_widget_get_sensitive (get_child (dialog, "carry_check")));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (get_child (dialog, "carry_check")), FALSE);
  koers_test_ui_iterate ();
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (get_child (dialog, "carry_check"))));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (get_child (dialog, "department_dropdown")),
                              find_department_row (f->db.store, "Management"));
  click (dialog, "save_button");

  g_assert_cmpint (koers_objective_get_state (f->aspirational), ==, KOERS_OBJECTIVE_STATE_CARRIED_OVER);
  g_assert_cmpfloat_with_epsilon (koers_objective_get_final_grade (f->aspirational), 0.3, 1e-9);
  {
    GListModel     *objectives = koers_store_get_objectives (f->db.store);
    KoersObjective *copy = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
      {
        g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);

        if (koers_objective_get_carried_over_from_id (objective) == koers_objective_get_id (f->aspirational))
          copy = objective;
      }
    g_assert_nonnull (copy);
    g_assert_cmpstr (koers_objective_get_period (copy), ==, "2026-Q2");
    g_assert_cmpint (koers_objective_get_department_id (copy), ==, koers_department_get_id (management));
  }

  /* The last page sums up. */
  g_assert_null (koers_review_dialog_get_objective (review));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (get_child (dialog, "stack"))), ==, "done");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (get_child (dialog, "done_page"))), ==,
                   "2 of 2 objectives reviewed. 1 carried over to Q2 2026.");

  /* Stored. */
  {
    g_autoptr (KoersStore) again = koers_test_ui_db_reopen (&f->db);
    KoersObjective *committed;

    committed = koers_store_find_objective (again, koers_objective_get_id (f->committed));
    g_assert_cmpstr (koers_objective_get_postmortem (committed), ==, "We launched the campaigns a month late.");
    g_assert_cmpint (koers_objective_get_state (committed), ==, KOERS_OBJECTIVE_STATE_MISSED);
  }
}

static void
test_skip_and_back (Fixture      *f,
                    gconstpointer data)
{
  GtkWidget         *dialog = open_dialog (f, 0);
  KoersReviewDialog *review = KOERS_REVIEW_DIALOG (dialog);

  g_assert_false (gtk_widget_get_sensitive (get_child (dialog, "back_button")));
  click (dialog, "skip_button");
  g_assert_true (koers_review_dialog_get_objective (review) == f->aspirational);
  g_assert_true (gtk_widget_get_sensitive (get_child (dialog, "back_button")));
  click (dialog, "back_button");
  g_assert_true (koers_review_dialog_get_objective (review) == f->committed);
  click (dialog, "skip_button");
  click (dialog, "skip_button");

  /* Nothing written. */
  g_assert_null (koers_review_dialog_get_objective (review));
  g_assert_false (koers_objective_has_final_grade (f->committed));
  g_assert_cmpint (koers_objective_get_state (f->aspirational), ==, KOERS_OBJECTIVE_STATE_ACTIVE);
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (get_child (dialog, "done_page"))), ==,
                   "0 of 2 objectives reviewed. 0 carried over to Q2 2026.");
}

static void
test_department_and_empty (Fixture      *f,
                           gconstpointer data)
{
  KoersDepartment *sales = koers_test_find_department (f->db.store, "Sales");
  GtkWidget       *dialog = open_dialog (f, koers_department_get_id (sales));
  KoersPeriod      q3;

  g_assert_cmpuint (koers_review_dialog_get_n_objectives (KOERS_REVIEW_DIALOG (dialog)), ==, 1);
  g_assert_true (koers_review_dialog_get_objective (KOERS_REVIEW_DIALOG (dialog)) == f->aspirational);
  gtk_window_destroy (GTK_WINDOW (dialog));

  koers_period_init_quarter (&q3, 2026, 3);
  dialog = koers_review_dialog_new (f->db.store, &q3, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  koers_test_ui_iterate ();
  g_assert_cmpuint (koers_review_dialog_get_n_objectives (KOERS_REVIEW_DIALOG (dialog)), ==, 0);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (get_child (dialog, "done_page"))), ==,
                   "Nothing to Review");
  g_assert_false (gtk_widget_get_visible (get_child (dialog, "button_box")));
  click (dialog, "close_button");
  g_assert_null (koers_test_ui_find_toplevel (KOERS_TYPE_REVIEW_DIALOG));
}

#define ADD(path, func) \
  g_test_add ("/review-dialog/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  ADD ("flow", test_review_flow);
  g_test_add ("/review-dialog/error-is-text", Fixture, "koers-R&D <review>-XXXXXX", fixture_set_up,
              test_error_is_text, fixture_tear_down);
  ADD ("skip-and-back", test_skip_and_back);
  ADD ("department-and-empty", test_department_and_empty);

  return g_test_run ();
}
