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

/* Set at once, the widget still shown afterwards; a stack's page is not
 * hidden for it (the stack would show another page). */
static void
test_set_now (void)
{
  GtkWidget *box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  GtkWidget *label = gtk_label_new ("x");
  GtkWidget *stack = g_object_ref_sink (gtk_stack_new ());
  GtkWidget *first = gtk_label_new ("first");
  GtkWidget *second = gtk_label_new ("second");
  guint      notified = 0;

  gtk_box_append (GTK_BOX (box), label);
  koers_tooltip_set_now (label, "Score 0.50");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (label), ==, "Score 0.50");
  g_assert_true (gtk_widget_get_visible (label));
  koers_tooltip_set_now (label, NULL);
  g_assert_null (gtk_widget_get_tooltip_text (label));

  gtk_stack_add_named (GTK_STACK (stack), first, "first");
  gtk_stack_add_named (GTK_STACK (stack), second, "second");
  gtk_stack_set_visible_child (GTK_STACK (stack), second);
  g_signal_connect_swapped (stack, "notify::visible-child", G_CALLBACK (g_atomic_int_inc), &notified);
  koers_tooltip_set_now (second, "Second page");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (second), ==, "Second page");
  g_assert_true (gtk_stack_get_visible_child (GTK_STACK (stack)) == second);
  g_assert_cmpuint (notified, ==, 0);

  g_object_unref (stack);
  g_object_unref (box);
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add_func ("/tooltip/without-window", test_without_window);
  g_test_add_func ("/tooltip/after-frame", test_after_frame);
  g_test_add_func ("/tooltip/set-now", test_set_now);

  return g_test_run ();
}
