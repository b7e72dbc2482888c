/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tooltips set after the frame (koers_tooltip_set_text()). */
#include "config.h"

#include "koers-test-ui.h"
#include "ui/widgets/koers-tooltip.h"

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Out of a window there is no frame to wait for: set at once. */
static void
test_without_window (void)
{
  GtkWidget *label = g_object_ref_sink (gtk_label_new ("x"));

  koers_tooltip_set_text (label, "Score 0.50");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (label), ==, "Score 0.50");
  koers_tooltip_set_text (label, "");
  g_assert_null (gtk_widget_get_tooltip_text (label));

  g_object_unref (label);
}

/* In a window: after its next frame, the last text given. */
static void
test_after_frame (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *label = gtk_label_new ("x");
  gboolean   painted = FALSE;
  gulong     id;

  gtk_window_set_child (GTK_WINDOW (window), label);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  koers_tooltip_set_text (label, "first");
  koers_tooltip_set_text (label, "second");
  g_assert_null (gtk_widget_get_tooltip_text (label));
  g_assert_cmpstr (koers_tooltip_get_text (label), ==, "second");

  id = g_signal_connect (gtk_widget_get_frame_clock (label), "after-paint",
                         G_CALLBACK (after_paint_cb), &painted);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (label), id);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (label), ==, "second");

  /* A window destroyed first still leaves the text set. */
  koers_tooltip_set_text (label, "third");
  g_object_ref (label);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpstr (koers_tooltip_get_text (label), ==, "third");
  g_object_unref (label);
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add_func ("/tooltip/without-window", test_without_window);
  g_test_add_func ("/tooltip/after-frame", test_after_frame);

  return g_test_run ();
}
