/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real KoersWindow on a big database (build-aux/bench-scale): how long
 * a department switch in the sidebar, a period switch and a check-in take
 * to show, in milliseconds from the change to a painted frame.
 *
 *   bench-scale-window --database FILE [--repetitions N]
 *
 * Each repetition starts from a quiet window (no frame for 500 ms, so the
 * quality marks' 300 ms delay has passed) and prints two figures:
 *   next    the end of the first frame painted after the change: the
 *           change is made synchronously, so that frame shows it;
 *   settled the end of the last frame of the burst that follows (frames
 *           less than QUIET_MS apart): rows built over several frames,
 *           and the quality marks' idle, end there.
 * The check-in is written into FILE: give it a copy.  Output, one line
 * per figure, values in ms in the order they were measured:
 *   department-switch-next-ms: 12.1 10.3 …
 * Not a test: run it under a display with GSETTINGS_SCHEMA_DIR pointing at
 * the build's data folder. */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include <adwaita.h>

#include "ui/objectives/koers-editor-style.h"
#include "ui/objectives/koers-key-result-row.h"
#include "ui/window/koers-department-row.h"
#include "ui/window/koers-window.h"

/* A gap without frames this long ends a burst. */
#define QUIET_MS 100
/* The window counts as quiet after this long without a frame. */
#define SETTLE_MS 500
/* A change that brings no frame at all within this long is a failure. */
#define NO_FRAME_MS 10000

typedef struct
{
  guint64 n_frames;
  gint64  last_frame_end; /* monotonic µs */
  gint64  last_frame_cpu; /* the process's CPU time then, µs */
} FrameLog;

typedef struct
{
  const char *name;
  GArray     *next; /* double ms */
  GArray     *settled;
  GArray     *cpu; /* double ms: the process's CPU time to the next frame */
} Figure;

static FrameLog frame_log;
static char    *database_path;
static int      repetitions = 10;
static int      exit_status = EXIT_FAILURE;

/* Less moved by other processes on a shared machine than the wall time. */
static gint64
get_cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static void
after_paint_cb (GdkFrameClock *clock,
                FrameLog      *log)
{
  log->n_frames++;
  log->last_frame_end = g_get_monotonic_time ();
  log->last_frame_cpu = get_cpu_time ();
}

static gboolean
flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the flag is set or ms milliseconds passed. */
static void
spin_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Until no frame came for SETTLE_MS (at most ten times as long: an
 * endless animation would not end it). */
static void
settle (void)
{
  gint64 give_up = g_get_monotonic_time () + SETTLE_MS * 10 * 1000;

  do
    spin_ms (SETTLE_MS / 5);
  while (g_get_monotonic_time () - frame_log.last_frame_end < SETTLE_MS * 1000 &&
         g_get_monotonic_time () < give_up);
}

static Figure *
figure_new (const char *name)
{
  Figure *figure = g_new0 (Figure, 1);

  figure->name = name;
  figure->next = g_array_new (FALSE, FALSE, sizeof (double));
  figure->settled = g_array_new (FALSE, FALSE, sizeof (double));
  figure->cpu = g_array_new (FALSE, FALSE, sizeof (double));

  return figure;
}

static void
figure_print_and_free (Figure *figure)
{
  GArray     *arrays[] = { figure->next, figure->settled, figure->cpu };
  const char *suffixes[] = { "next", "settled", "cpu" };

  for (guint a = 0; a < G_N_ELEMENTS (arrays); a++)
    {
      g_print ("%s-%s-ms:", figure->name, suffixes[a]);
      for (guint i = 0; i < arrays[a]->len; i++)
        g_print (" %.2f", g_array_index (arrays[a], double, i));
      g_print ("\n");
      g_array_unref (arrays[a]);
    }
  g_free (figure);
}

typedef void (*ChangeFunc) (KoersWindow *window, gpointer data);

/* Makes the change from a quiet window and records when its frames ended. */
static gboolean
measure (Figure      *figure,
         KoersWindow *window,
         ChangeFunc   change,
         gpointer     data)
{
  guint64 before;
  gint64  start, deadline, cpu_start;
  double  next, cpu;

  settle ();
  before = frame_log.n_frames;
  start = g_get_monotonic_time ();
  cpu_start = get_cpu_time ();
  change (window, data);

  deadline = start + NO_FRAME_MS * 1000;
  while (frame_log.n_frames == before && g_get_monotonic_time () < deadline)
    spin_ms (1);
  if (frame_log.n_frames == before)
    {
      g_printerr ("bench-scale-window: %s brought no frame in %d ms\n", figure->name, NO_FRAME_MS);
      return FALSE;
    }
  next = (frame_log.last_frame_end - start) / 1000.0;
  cpu = (frame_log.last_frame_cpu - cpu_start) / 1000.0;

  /* The rest of the burst. */
  while (g_get_monotonic_time () - frame_log.last_frame_end < QUIET_MS * 1000)
    spin_ms (QUIET_MS / 10);

  g_array_append_val (figure->next, next);
  g_array_append_val (figure->cpu, cpu);
  next = (frame_log.last_frame_end - start) / 1000.0;
  g_array_append_val (figure->settled, next);

  return TRUE;
}

static gpointer
get_child (KoersWindow *window,
           const char  *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (window), KOERS_TYPE_WINDOW, name);
}

static void
select_row (KoersWindow *window,
            gpointer     row)
{
  gtk_list_box_select_row (get_child (window, "department_list"), row);
}

static void
activate_action (KoersWindow *window,
                 gpointer     name)
{
  gtk_widget_activate_action (GTK_WIDGET (window), name, NULL);
}

static KoersKeyResultRow *
find_key_result_row (GtkWidget *root)
{
  if (KOERS_IS_KEY_RESULT_ROW (root) && gtk_widget_get_mapped (root) &&
      koers_key_result_row_get_key_result (KOERS_KEY_RESULT_ROW (root)) != NULL)
    return KOERS_KEY_RESULT_ROW (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      KoersKeyResultRow *found = find_key_result_row (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  KoersKeyResult *kr;
  double          value;
} CheckinChange;

static void
add_checkin (KoersWindow *window,
             gpointer     data)
{
  CheckinChange *change = data;
  g_autoptr (KoersCheckin) checkin = koers_checkin_new (NULL, change->value,
                                                        KOERS_CHECKIN_STATUS_ON_TRACK, NULL);
  g_autoptr (GError) error = NULL;

  if (!koers_store_add_checkin (koers_window_get_store (window), change->kr, checkin, &error))
    g_error ("bench-scale-window: check-in refused: %s", error->message);
}

static gboolean
run (KoersWindow *window)
{
  GtkListBox *list = get_child (window, "department_list");
  Figure     *departments = figure_new ("department-switch");
  Figure     *periods = figure_new ("period-switch");
  Figure     *checkins = figure_new ("checkin");
  gboolean    ok = TRUE;
  int         n_rows = 0;

  while (gtk_list_box_get_row_at_index (list, n_rows) != NULL)
    n_rows++;
  if (n_rows < 3)
    {
      g_printerr ("bench-scale-window: only %d departments in the sidebar\n", n_rows);
      return FALSE;
    }
  g_print ("sidebar-rows: %d\n", n_rows);

  /* Every other department in turn (row 0 is the company, shown first). */
  for (int i = 0; ok && i < repetitions; i++)
    {
      GtkListBoxRow   *row = gtk_list_box_get_row_at_index (list, 1 + (i * 7) % (n_rows - 1));
      KoersDepartment *dept = koers_department_row_get_department (KOERS_DEPARTMENT_ROW (row));

      if (koers_window_get_department (window) == dept)
        row = gtk_list_box_get_row_at_index (list, 1 + (i * 7 + 1) % (n_rows - 1));
      dept = koers_department_row_get_department (KOERS_DEPARTMENT_ROW (row));
      ok = measure (departments, window, select_row, row);
      if (ok && koers_window_get_department (window) != dept)
        {
          g_printerr ("bench-scale-window: the window did not switch to %s\n",
                      koers_department_get_name (dept));
          ok = FALSE;
        }
    }

  /* To the quarter before and back, each a switch. */
  for (int i = 0; ok && i < repetitions; i++)
    {
      KoersPeriod before = *koers_window_get_period (window);

      ok = measure (periods, window, activate_action,
                    (gpointer) (i % 2 == 0 ? "win.previous-period" : "win.next-period"));
      if (ok && koers_period_equal (&before, koers_window_get_period (window)))
        {
          g_printerr ("bench-scale-window: the period did not change\n");
          ok = FALSE;
        }
    }
  /* An odd count leaves the quarter before: back to this one. */
  if (ok && repetitions % 2 == 1)
    {
      activate_action (window, (gpointer) "win.next-period");
      settle ();
    }

  /* A check-in on a key result the window shows. */
  for (int i = 0; ok && i < repetitions; i++)
    {
      KoersKeyResultRow *row = find_key_result_row (get_child (window, "editor_pane"));
      CheckinChange      change;

      if (row == NULL)
        {
          g_printerr ("bench-scale-window: no key result shown in %s\n",
                      koers_department_get_name (koers_window_get_department (window)));
          ok = FALSE;
          break;
        }
      change.kr = koers_key_result_row_get_key_result (row);
      change.value = koers_key_result_get_current_value (change.kr) + 1;
      ok = measure (checkins, window, add_checkin, &change);
      if (ok && koers_key_result_get_current_value (change.kr) != change.value)
        {
          g_printerr ("bench-scale-window: the key result did not take the check-in's value\n");
          ok = FALSE;
        }
    }

  figure_print_and_free (departments);
  figure_print_and_free (periods);
  figure_print_and_free (checkins);

  return ok;
}

static void
activate_cb (GApplication *app)
{
  g_autoptr (KoersStore) store = NULL;
  g_autoptr (GError) error = NULL;
  KoersWindow *window;
  gint64       start;

  g_application_hold (app);
  koers_editor_style_ensure ();

  start = g_get_monotonic_time ();
  /* As the application opens it: the window loads the periods it shows. */
  store = koers_store_open_lazy (database_path, &error);
  if (store == NULL)
    {
      g_printerr ("bench-scale-window: %s\n", error->message);
      g_application_release (app);
      return;
    }
  g_print ("open-store-ms: %.1f\n", (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  window = koers_window_new (GTK_APPLICATION (app), store);
  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), &frame_log);
  gtk_window_present (GTK_WINDOW (window));
  while (frame_log.n_frames == 0)
    g_main_context_iteration (NULL, TRUE);
  g_print ("window-first-frame-ms: %.1f\n", (frame_log.last_frame_end - start) / 1000.0);

  if (run (window))
    exit_status = EXIT_SUCCESS;

  gtk_window_destroy (GTK_WINDOW (window));
  g_application_release (app);
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database_path, "The database (it gets check-ins)", "FILE" },
    { "repetitions", 0, 0, G_OPTION_ARG_INT, &repetitions, "Changes of each kind (default 10)", "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AdwApplication) app = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || database_path == NULL ||
      repetitions < 1)
    {
      g_printerr ("usage: bench-scale-window --database FILE [--repetitions N]\n");
      return 2;
    }

  /* Non-unique, with Koers's resource path: its style.css loads as in the app. */
  app = g_object_new (ADW_TYPE_APPLICATION,
                      "application-id", APP_ID ".BenchScaleWindow",
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", "/io/github/koersapp/Koers",
                      NULL);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  g_application_run (G_APPLICATION (app), 1, argv);

  return exit_status;
}
