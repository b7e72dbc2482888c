/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "checkins/koers-checkin-dialog.h"
#include "koers-test-ui.h"
#include "quality/koers-review-dialog.h"
#include "store/koers-store-rhythm.h"
#include "ui/due/koers-due-page.h"

/* KOERS_TODAY is 2026-05-15, a Friday; the last check-in day (Monday, by
 * default) was 11 May. */

typedef struct
{
  KoersTestUiDb   db;
  KoersObjective *objective; /* Sales, Q2 2026, owner Anna */
  KoersKeyResult *revenue;   /* Anna's, no check-in */
  KoersKeyResult *leads;     /* Bert's, checked in on 12 May */
  GtkWindow      *window;
  GtkWidget      *page;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  koers_test_ui_db_open (&f->db);
  f->objective = koers_test_add_objective (f->db.store, koers_test_find_department (f->db.store, "Sales"),
                                           "Grow revenue", "2026-Q2");
  koers_objective_set_owner (f->objective, "Anna");
  g_assert_true (koers_store_save_objective (f->db.store, f->objective, &error));
  f->revenue = koers_test_add_key_result (f->db.store, f->objective, "Revenue", 0, 100, 10);
  f->leads = koers_test_add_key_result (f->db.store, f->objective, "Leads", 0, 100, 10);
  koers_key_result_set_owner (f->leads, "Bert");
  g_assert_true (koers_store_save_key_result (f->db.store, f->leads, &error));
  koers_test_add_checkin (f->db.store, f->leads, "2026-05-12", 20, KOERS_CHECKIN_STATUS_NONE, NULL);

  f->page = koers_due_page_new (f->db.store);
  f->window = koers_test_ui_window_new (f->page, 900, 700);
  koers_test_ui_iterate ();
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  koers_test_ui_finalize_toplevels (KOERS_TYPE_CHECKIN_DIALOG);
  koers_test_ui_finalize_toplevels (KOERS_TYPE_REVIEW_DIALOG);
  koers_test_ui_assert_finalized_with (f->window, f->page);
  g_setenv ("KOERS_TODAY", "2026-05-15", TRUE);
  koers_test_ui_db_close (&f->db);
}

static guint
count_rows (GtkWidget *root)
{
  g_autoptr (GPtrArray) rows = koers_test_ui_find_mapped (root, ADW_TYPE_ACTION_ROW);

  return rows->len;
}

static void
test_lists_and_follows (Fixture      *f,
                        gconstpointer data)
{
  KoersDuePage       *page = KOERS_DUE_PAGE (f->page);
  KoersCheckinDialog *dialog;
  GtkWidget          *button;
  g_autoptr (GError) error = NULL;

  /* Leads was checked in after Monday: only Revenue waits. */
  g_assert_cmpuint (koers_due_page_get_n_due (page), ==, 1);
  g_assert_cmpuint (count_rows (f->page), ==, 1);
  g_assert_nonnull (koers_test_ui_find_label (f->page, "Sales · Anna", FALSE));
  g_assert_true (koers_test_ui_has_label_containing (f->page, "1 key result waits for a check-in"));
  g_assert_true (koers_test_ui_has_label_containing (f->page, "Monday 11 May 2026"));

  /* Check In opens the check-in dialog on that key result. */
  button = koers_test_ui_find_button (f->page, "Check In");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  koers_test_ui_spin (50);
  dialog = KOERS_CHECKIN_DIALOG (koers_test_ui_find_toplevel (KOERS_TYPE_CHECKIN_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (koers_checkin_dialog_get_key_result (dialog) == f->revenue);

  /* Saving it takes the row away at once. */
  g_assert_true (koers_checkin_dialog_save (dialog, &error));
  g_assert_no_error (error);
  koers_test_ui_iterate ();
  g_assert_cmpuint (koers_due_page_get_n_due (page), ==, 0);
  g_assert_cmpuint (count_rows (f->page), ==, 0);
  g_assert_true (koers_test_ui_has_label_containing (f->page, "Nothing Is Due"));
}

static void
test_groups_and_rhythm (Fixture      *f,
                        gconstpointer data)
{
  KoersDuePage *page = KOERS_DUE_PAGE (f->page);
  KoersRhythm   rhythm = { G_DATE_THURSDAY, 2 };
  guint         notified = 0;
  g_autoptr (GError) error = NULL;

  g_signal_connect_swapped (page, "notify::n-due", G_CALLBACK (g_atomic_int_inc), &notified);

  /* Thursday 14 May: Bert's check-in of the 12th is before it; late
   * after 2 days. */
  g_assert_true (koers_store_write_rhythm (f->db.store, &rhythm, &error));
  koers_test_ui_iterate ();
  g_assert_cmpuint (koers_due_page_get_n_due (page), ==, 2);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_nonnull (koers_test_ui_find_label (f->page, "Sales · Anna", FALSE));
  g_assert_nonnull (koers_test_ui_find_label (f->page, "Sales · Bert", FALSE));
  g_assert_nonnull (koers_test_ui_find_label (f->page, "Late", FALSE));
  g_assert_true (koers_test_ui_has_label_containing (f->page, "Thursday 14 May 2026"));
  g_assert_true (koers_test_ui_has_label_containing (f->page, "2 key results wait for a check-in"));

  /* An achieved key result leaves. */
  koers_test_add_checkin (f->db.store, f->leads, "2026-05-13", 100, KOERS_CHECKIN_STATUS_NONE, NULL);
  koers_test_ui_iterate ();
  g_assert_cmpuint (koers_due_page_get_n_due (page), ==, 1);
  g_assert_null (koers_test_ui_find_label (f->page, "Sales · Bert", FALSE));
}

static void
test_review (Fixture      *f,
             gconstpointer data)
{
  KoersDuePage *page = KOERS_DUE_PAGE (f->page);
  GtkWidget    *button;

  /* The quarter's last two weeks: the review joins the list. */
  g_setenv ("KOERS_TODAY", "2026-06-20", TRUE);
  koers_due_page_refresh (page);
  koers_test_ui_iterate ();
  g_assert_cmpuint (koers_due_page_get_n_due (page), ==, 3);
  g_assert_true (koers_test_ui_has_label_containing (f->page, "Quarterly review of Q2 2026"));
  g_assert_true (koers_test_ui_has_label_containing (f->page, "1 objective waits for its review"));

  button = koers_test_ui_find_button (f->page, "Start Review");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  koers_test_ui_spin (50);
  g_assert_nonnull (koers_test_ui_find_toplevel (KOERS_TYPE_REVIEW_DIALOG));
}

/* At scale (more than 300 objectives loaded) a burst of writes refreshes
 * the list once, a little after the write, not during it. */
static void
test_throttled_at_scale (Fixture      *f,
                         gconstpointer data)
{
  KoersDuePage    *page = KOERS_DUE_PAGE (f->page);
  KoersDepartment *marketing = koers_test_find_department (f->db.store, "Marketing");
  guint            notified = 0;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *title = g_strdup_printf ("Objective %u", i);

      koers_test_add_objective (f->db.store, marketing, title, "2026-Q2");
    }
  koers_test_ui_spin (600);
  g_assert_cmpuint (koers_due_page_get_n_due (page), ==, 1);
  g_signal_connect_swapped (page, "notify::n-due", G_CALLBACK (g_atomic_int_inc), &notified);

  /* Revenue checked in, and two more writes: the list waits for the burst. */
  koers_test_add_checkin (f->db.store, f->revenue, "2026-05-13", 30, KOERS_CHECKIN_STATUS_NONE, NULL);
  koers_test_add_checkin (f->db.store, f->leads, "2026-05-13", 40, KOERS_CHECKIN_STATUS_NONE, NULL);
  koers_test_add_objective (f->db.store, marketing, "One more", "2026-Q2");
  koers_test_ui_iterate ();
  g_assert_cmpuint (koers_due_page_get_n_due (page), ==, 1);
  g_assert_cmpuint (notified, ==, 0);

  koers_test_ui_spin (800);
  g_assert_cmpuint (koers_due_page_get_n_due (page), ==, 0);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (koers_test_ui_has_label_containing (f->page, "Nothing Is Due"));
}

#define ADD(path, func) \
  g_test_add ("/due-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  ADD ("lists-and-follows", test_lists_and_follows);
  ADD ("groups-and-rhythm", test_groups_and_rhythm);
  ADD ("review", test_review);
  ADD ("throttled-at-scale", test_throttled_at_scale);

  return g_test_run ();
}
