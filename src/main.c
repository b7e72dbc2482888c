/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "koers-application.h"

/* Replaces this process by a new one with the same arguments.  Done after
 * the application has released its D-Bus name, so the new process becomes
 * the primary instance instead of handing its arguments to this one. */
static void
restart (char *argv[])
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);

  koers_application_restore_environment ();

  if (self_exe != NULL)
    execv (self_exe, argv);
  execvp (argv[0], argv);

  g_printerr (_("Could not restart Koers: %s\n"), g_strerror (errno));
}

/* KOERS_BENCH_FIRST_FRAME (build-aux/bench-scale): when set, Koers prints
 * the microseconds from the start of its process to the end of its first
 * window's first frame ("after-paint"), and the peak RSS by then, then
 * quits.  The value, when it is a real-time stamp (g_get_real_time, in µs)
 * taken just before the process was started, is the start; otherwise
 * ("1") the start comes from /proc/self/stat (in clock ticks, 10 ms).
 * tests/bench/bench-minimal-window.c measures the same way. */
static gint64
bench_elapsed_us (const char *start)
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
bench_after_paint_cb (GdkFrameClock *clock,
                      GApplication  *app)
{
  gint64 elapsed = bench_elapsed_us (g_getenv ("KOERS_BENCH_FIRST_FRAME"));
  g_autofree char *status = NULL;
  const char *hwm;

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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KoersApplication) app = NULL;
  g_autofree char *language = NULL;
  const char *localedir;
  gboolean restart_requested;
  int status;

  setlocale (LC_ALL, "");
  /* Before gettext: the chosen language goes into LANGUAGE. */
  language = koers_application_apply_language ();
  /* KOERS_LOCALEDIR points an uninstalled build at its own catalogues
   * (<builddir>/po), as the end-to-end test does; unset, the installed
   * ones are used. */
  localedir = g_getenv ("KOERS_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = koers_application_new (language);
  if (g_getenv ("KOERS_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (app, "window-added", G_CALLBACK (bench_window_added_cb), NULL);
  status = g_application_run (G_APPLICATION (app), argc, argv);
  restart_requested = koers_application_get_restart_requested (app);
  g_clear_object (&app);

  if (restart_requested)
    {
      restart (argv);
      return 1;
    }

  return status;
}
