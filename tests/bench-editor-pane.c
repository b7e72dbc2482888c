/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How the editor pane copes with a big department: 300 objectives with 3
 * key results each.  Prints the time to the first frame, to switch
 * department and period, and the frame times while scrolling through the
 * whole list.  Not a test: run it by hand under a display, e.g.
 *   KOERS_TODAY=2026-05-15 GSK_RENDERER=cairo xvfb-run -a tests/bench-editor-pane */
#include "config.h"

#include <stdlib.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "store/koers-store.h"
#include "ui/objectives/koers-editor-pane.h"
#include "ui/objectives/koers-objective-card.h"

#define N_OBJECTIVES 300
#ifndef N_KEY_RESULTS
#define N_KEY_RESULTS 3
#endif

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Until the next frame is painted; the milliseconds it took. */
static double
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64         start = g_get_monotonic_time ();
  gboolean       painted = FALSE;
  gulong         id;

  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);

  return n;
}

static guint
count_cards (GtkWidget *widget)
{
  guint n = g_type_is_a (G_OBJECT_TYPE (widget), KOERS_TYPE_OBJECTIVE_CARD) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_cards (child);

  return n;
}

static void
fill_department (KoersStore      *store,
                 KoersDepartment *department,
                 const char      *period)
{
  for (int i = 0; i < N_OBJECTIVES; i++)
    {
      g_autofree char *title = g_strdup_printf ("Objective %d of %s: double monthly sign-ups",
                                                i + 1, koers_department_get_name (department));
      g_autoptr (KoersObjective) objective = koers_objective_new (title, KOERS_LEVEL_DEPARTMENT,
                                                                  KOERS_OBJECTIVE_KIND_COMMITTED, period);
      g_autoptr (GError) error = NULL;

      koers_objective_set_department_id (objective, koers_department_get_id (department));
      koers_objective_set_owner (objective, "Marketing team");
      if (!koers_store_add_objective (store, objective, &error))
        g_error ("%s", error->message);

      for (int k = 0; k < N_KEY_RESULTS; k++)
        {
          g_autofree char *kr_title = g_strdup_printf ("Key result %d: 1,200 new leads", k + 1);
          g_autoptr (KoersKeyResult) kr = koers_key_result_new (kr_title, KOERS_METRIC_KIND_NUMBER,
                                                                0, 1200, "leads");

          koers_key_result_set_current_value (kr, (i * 37 + k * 300) % 1200);
          koers_key_result_set_due_date (kr, "2026-06-30");
          if (!koers_store_add_key_result (store, objective, kr, &error))
            g_error ("%s", error->message);
        }
    }
}

static void
remove_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_unlink (file);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (KoersStore) store = NULL;
  KoersDepartment   *marketing;
  KoersDepartment   *sales;
  GtkWidget         *window;
  GtkWidget         *overlay;
  GtkWidget         *pane;
  GtkScrolledWindow *scrolled;
  GtkAdjustment     *adjustment;
  KoersPeriod        q2, q3;
  gint64             start;
  double             ms, total = 0, worst = 0;
  guint              frames = 0;

  if (!gtk_init_check ())
    {
      g_printerr ("No display.\n");
      return 77;
    }
  adw_init ();

  dir = g_dir_make_tmp ("koers-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "koers.db", NULL);
  store = koers_store_open (path, &error);
  g_assert_no_error (error);
  marketing = koers_store_find_department_by_name (store, "Marketing");
  sales = koers_store_find_department_by_name (store, "Sales");
  g_assert_nonnull (marketing);
  g_assert_nonnull (sales);

  start = g_get_monotonic_time ();
  fill_department (store, marketing, "2026-Q2");
  fill_department (store, sales, "2026-Q2");
  g_print ("fill store (%d objectives, %d key results): %.0f ms\n",
           2 * N_OBJECTIVES, 2 * N_OBJECTIVES * N_KEY_RESULTS,
           (g_get_monotonic_time () - start) / 1000.0);

  koers_period_init_quarter (&q2, 2026, 2);
  koers_period_init_quarter (&q3, 2026, 3);

  start = g_get_monotonic_time ();
  pane = koers_editor_pane_new ();
  koers_editor_pane_set_store (KOERS_EDITOR_PANE (pane), store);
  koers_editor_pane_set_department (KOERS_EDITOR_PANE (pane), marketing);
  koers_editor_pane_set_period (KOERS_EDITOR_PANE (pane), &q2);
  window = adw_window_new ();
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), pane);
  adw_window_set_content (ADW_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  g_print ("first frame, %d cards in the department: %.1f ms\n", N_OBJECTIVES,
           (g_get_monotonic_time () - start) / 1000.0);

  /* The first frame must show whole cards, not empty slots. */
  g_print ("cards made by the first frame: %u (%u widgets in the pane)\n",
           count_cards (pane), count_widgets (pane));

  /* Settle (fonts, icons) before timing switches. */
  for (int i = 0; i < 5; i++)
    wait_for_frame (window);

  /* A full redraw with nothing changed: what drawing alone costs here. */
  for (int i = 0; i < 20; i++)
    total += wait_for_frame (window);
  g_print ("redraw, nothing changed: mean %.1f ms\n", total / 20);
  total = 0;

  start = g_get_monotonic_time ();
  koers_editor_pane_set_department (KOERS_EDITOR_PANE (pane), sales);
  g_print ("switch department, rebinding the cards: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  wait_for_frame (window);
  g_print ("switch department (300 -> 300 cards), to the next frame: %.1f ms\n",
           (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  koers_editor_pane_set_period (KOERS_EDITOR_PANE (pane), &q3);
  wait_for_frame (window);
  g_print ("switch period (300 -> empty): %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  koers_editor_pane_set_period (KOERS_EDITOR_PANE (pane), &q2);
  wait_for_frame (window);
  g_print ("switch period (empty -> 300): %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  koers_editor_pane_set_search_text (KOERS_EDITOR_PANE (pane), "objective 27");
  wait_for_frame (window);
  g_print ("search (300 -> 11 cards): %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  koers_editor_pane_set_search_text (KOERS_EDITOR_PANE (pane), NULL);
  wait_for_frame (window);

  /* Scroll the whole list a third of a page at a time, a frame each. */
  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (gtk_widget_get_first_child (
                                                             GTK_WIDGET (gtk_widget_get_template_child (pane, KOERS_TYPE_EDITOR_PANE, "list_view"))),
                                                           GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  while (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) < gtk_adjustment_get_upper (adjustment) - 1)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) / 3);
      ms = wait_for_frame (window);
      total += ms;
      worst = MAX (worst, ms);
      frames++;
      if (frames > 100000)
        break;
    }
  g_print ("scroll to the end: %u frames, mean %.1f ms, worst %.1f ms\n",
           frames, frames > 0 ? total / frames : 0.0, worst);

  /* The cards' quality marks: one check of the period per store change. */
  {
    KoersQualityMarks *marks = koers_editor_pane_get_quality_marks (KOERS_EDITOR_PANE (pane));
    g_autoptr (GError) save_error = NULL;
    g_autoptr (KoersObjective) first = g_list_model_get_item (koers_store_get_objectives (store), 0);
    guint checks = koers_quality_marks_get_n_checks (marks);

    g_assert_true (koers_store_save_objective (store, first, &save_error));
    start = g_get_monotonic_time ();
    koers_quality_marks_flush (marks);
    g_print ("quality check for the marks (%d objectives): %.1f ms, %u check(s)\n", 2 * N_OBJECTIVES,
             (g_get_monotonic_time () - start) / 1000.0, koers_quality_marks_get_n_checks (marks) - checks);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  remove_dir (dir);

  return EXIT_SUCCESS;
}
