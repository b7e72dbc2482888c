/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reference for Koers's first frame (build-aux/bench-scale): the
 * smallest libadwaita application window, a header bar and a label, at
 * Koers's default size.  Prints the microseconds from the start of the
 * process to the end of its first frame (GdkFrameClock "after-paint") and
 * the peak RSS by then, then quits: the same figures, measured the same
 * way, as Koers prints with KOERS_BENCH_FIRST_FRAME (src/main.c).
 *
 * KOERS_BENCH_FIRST_FRAME, when it is a real-time stamp (g_get_real_time,
 * in µs) taken just before the process was started, is the start;
 * otherwise the start comes from /proc/self/stat (in clock ticks, 10 ms). */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <adwaita.h>

static gint64
elapsed_us (const char *start)
{
  g_autofree char *stat = NULL;
  const char *field;
  guint64 ticks;
  struct timespec now;

  /* A real-time stamp (after 2001); "1" or "yes" just switch it on. */
  if (start != NULL && g_ascii_strtoll (start, NULL, 10) > G_GINT64_CONSTANT (1000000000000000))
    return g_get_real_time () - g_ascii_strtoll (start, NULL, 10);

  /* Field 22, starttime; the name (field 2) may hold spaces. */
  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (field = strrchr (stat, ')')) == NULL)
    return -1;
  for (int i = 2; i < 22 && field != NULL; i++)
    field = strchr (field + 1, ' ');
  if (field == NULL)
    return -1;
  ticks = g_ascii_strtoull (field + 1, NULL, 10);
  clock_gettime (CLOCK_BOOTTIME, &now);

  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000
         - (gint64) (ticks * G_USEC_PER_SEC / (guint64) sysconf (_SC_CLK_TCK));
}

static void
after_paint_cb (GdkFrameClock *clock,
                GApplication  *app)
{
  gint64 elapsed = elapsed_us (g_getenv ("KOERS_BENCH_FIRST_FRAME"));
  g_autofree char *status = NULL;
  const char *hwm;

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, app);
  g_print ("first-frame-us: %" G_GINT64_FORMAT "\n", elapsed);
  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (hwm = strstr (status, "VmHWM:")) != NULL)
    g_print ("first-frame-vmhwm-kib: %" G_GINT64_FORMAT "\n",
             g_ascii_strtoll (hwm + strlen ("VmHWM:"), NULL, 10));
  fflush (stdout);
  g_application_quit (app);
}

static void
realize_cb (GtkWidget    *window,
            GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), app);
}

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
  g_signal_connect_after (window, "realize", G_CALLBACK (realize_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* An application id of its own: it registers on the session bus as
   * Koers does, without meeting a running Koers. */
  g_autoptr(AdwApplication) app = adw_application_new (APP_ID ".BenchMinimalWindow",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
