/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A check-in's round trip and how soon a second client sees it
 * (build-aux/bench-server.sh), on a database file or a company server.
 *
 *   bench-second-client --database FILE-OR-URI [--repetitions N]
 *
 * Two stores open the database as the window does (lazily, this quarter
 * read); the second watches other writers.  Each repetition checks in on
 * a key result through the first (the call's wall time: the round trip)
 * and runs the main loop until the second's model holds the new value.
 * Output, values in ms:
 *   checkin-call-ms: 3.10 2.95 …
 *   second-client-ms: 41.2 38.0 …
 * The check-ins are written into the database: give it a copy. */
#include "config.h"

#include <stdlib.h>

#include "koers-date.h"
#include "koers-store.h"

/* A change that does not reach the second client this long is a failure. */
#define GIVE_UP_MS 10000

static char *database_path;
static int   repetitions = 10;

static KoersStore *
open_store (void)
{
  g_autoptr (GError) error = NULL;
  KoersPeriod quarter;
  GDate       today;
  KoersStore *store = koers_store_open_lazy (database_path, &error);

  if (store == NULL)
    g_error ("bench-second-client: %s", error->message);
  koers_date_today (&today);
  koers_period_init_for_date (&quarter, &today);
  if (!koers_store_load_period (store, &quarter, &error))
    g_error ("bench-second-client: %s", error->message);
  return store;
}

static KoersKeyResult *
find_any_key_result (KoersStore *store)
{
  GListModel *objectives = koers_store_get_objectives (store);

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *krs = koers_objective_get_key_results (objective);

      if (g_list_model_get_n_items (krs) > 0)
        return g_list_model_get_item (krs, 0);
    }
  g_error ("bench-second-client: no key result this quarter");
}

static void
print_figures (const char *name,
               GArray     *values)
{
  g_print ("%s:", name);
  for (guint i = 0; i < values->len; i++)
    g_print (" %.2f", g_array_index (values, double, i));
  g_print ("\n");
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database_path, "The database (it gets check-ins)", "FILE" },
    { "repetitions", 0, 0, G_OPTION_ARG_INT, &repetitions, "Check-ins (default 10)", "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersStore) writer = NULL;
  g_autoptr (KoersStore) reader = NULL;
  g_autoptr (KoersKeyResult) kr = NULL;
  g_autoptr (GArray) calls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 id;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || database_path == NULL ||
      repetitions < 1)
    {
      g_printerr ("usage: bench-second-client --database FILE-OR-URI [--repetitions N]\n");
      return 2;
    }

  writer = open_store ();
  reader = open_store ();
  koers_store_watch_other_writers (reader);
  kr = find_any_key_result (writer);
  id = koers_key_result_get_id (kr);

  for (int i = 0; i < repetitions; i++)
    {
      double value = koers_key_result_get_current_value (kr) + 1;
      g_autoptr (KoersCheckin) checkin = koers_checkin_new (NULL, value, KOERS_CHECKIN_STATUS_ON_TRACK, NULL);
      KoersKeyResult *theirs;
      gint64          start = g_get_monotonic_time ();
      gint64          written;
      double          ms;

      if (!koers_store_add_checkin (writer, kr, checkin, &error))
        g_error ("bench-second-client: check-in refused: %s", error->message);
      written = g_get_monotonic_time ();
      ms = (written - start) / 1000.0;
      g_array_append_val (calls, ms);

      /* The watch's own sources run; nothing else is in this loop. */
      while ((theirs = koers_store_find_key_result (reader, id)) == NULL ||
             koers_key_result_get_current_value (theirs) != value)
        {
          if (g_get_monotonic_time () - written > GIVE_UP_MS * 1000)
            g_error ("bench-second-client: the second client did not see check-in %d", i);
          g_main_context_iteration (NULL, TRUE);
        }
      ms = (g_get_monotonic_time () - written) / 1000.0;
      g_array_append_val (seen, ms);
    }

  print_figures ("checkin-call-ms", calls);
  print_figures ("second-client-ms", seen);
  return EXIT_SUCCESS;
}
