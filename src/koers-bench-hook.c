/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "koers-bench-hook.h"

/* KOERS_BENCH_FIRST_FRAME (build-aux/bench-scale): when set, Koers prints
 * the microseconds from the start of its process to the end of its first
 * window's first frame ("after-paint"), and the peak RSS by then, then
 * quits.  The value, when it is a real-time stamp (g_get_real_time, in µs)
 * taken just before the process was started, is the start; otherwise
 * ("1") the start comes from /proc/self/stat (in clock ticks, 10 ms).
 * tests/bench/bench-minimal-window.c measures through the same code. */
static gint64
bench_elapsed_us (const char *start)
{
  g_autofree char *stat = NULL;
  const char      *field;
  guint64          ticks;
  struct timespec  now;

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

  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000 - (gint64) (ticks * G_USEC_PER_SEC / (guint64) sysconf (_SC_CLK_TCK));
}

static void
bench_after_paint_cb (GdkFrameClock *clock,
                      GApplication  *app)
{
  gint64           elapsed = bench_elapsed_us (g_getenv ("KOERS_BENCH_FIRST_FRAME"));
  g_autofree char *status = NULL;
  const char      *hwm;

  g_signal_handlers_disconnect_by_func (clock, bench_after_paint_cb, app);
  g_print ("first-frame-us: %" G_GINT64_FORMAT "\n", elapsed);
  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (hwm = strstr (status, "VmHWM:")) != NULL)
    g_print ("first-frame-vmhwm-kib: %" G_GINT64_FORMAT "\n",
             g_ascii_strtoll (hwm + strlen ("VmHWM:"), NULL, 10));
  fflush (stdout);
  g_application_quit (app);
}

static void
bench_realize_cb (GtkWidget    *window,
                  GApplication *app)
{
  g_signal_handlers_disconnect_by_func (window, bench_realize_cb, app);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (bench_after_paint_cb), app);
}

static void
bench_window_added_cb (GtkApplication *app,
                       GtkWindow      *window)
{
  g_signal_handlers_disconnect_by_func (app, bench_window_added_cb, NULL);
  g_signal_connect_after (window, "realize", G_CALLBACK (bench_realize_cb), app);
}

void
koers_bench_watch_first_frame (GtkApplication *app)
{
  g_signal_connect (app, "window-added", G_CALLBACK (bench_window_added_cb), NULL);
}
