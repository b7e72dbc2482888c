/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reference for Koers's first frame (build-aux/bench-scale): the
 * smallest libadwaita application window, a header bar and a label, at
 * Koers's default size.  Prints the microseconds from the start of the
 * process to the end of its first frame (GdkFrameClock "after-paint") and
 * the peak RSS by then, then quits: the same figures, measured by the
 * same code (src/koers-bench-hook.c), as Koers prints with
 * KOERS_BENCH_FIRST_FRAME. */
#include "config.h"

#include <adwaita.h>

#include "koers-bench-hook.h"

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Koers");

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Koers");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* An application id of its own: it registers on the session bus as
   * Koers does, without meeting a running Koers. */
  g_autoptr (AdwApplication) app = adw_application_new (APP_ID ".BenchMinimalWindow",
                                                        G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  koers_bench_watch_first_frame (GTK_APPLICATION (app));

  return g_application_run (G_APPLICATION (app), argc, argv);
}
