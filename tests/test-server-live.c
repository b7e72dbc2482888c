/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-store-private.h"
#include "koers-test-proxy.h"
#include "koers-test-server.h"
#include "koers-test-store.h"

/* Two clients on one company server (suite server, under
 * run-with-postgresql.sh): a change by one shows in the other within a
 * second (LISTEN/NOTIFY in the main loop); two edits of one key result
 * give the second the conflict message, and the first's value stays; a
 * connection cut mid-edit (pg_terminate_backend) gives a clear sentence,
 * writes nothing, and the store reconnects by itself and catches up;
 * trying to reach a server that does not answer never stops the main
 * loop. */

typedef struct
{
  char       *uri;
  KoersStore *a;
  KoersStore *b;
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  f->uri = koers_test_server_new_database ();
  if (f->uri == NULL)
    return;
  f->a = koers_test_open_store (f->uri);
  f->b = koers_test_open_store (f->uri);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  if (f->uri != NULL)
    koers_test_server_drop_database (f->uri);
  g_clear_pointer (&f->uri, g_free);
}

static gboolean
needs_server (Fixture *f)
{
  if (f->uri != NULL)
    return FALSE;
  g_test_skip ("needs a server: KOERS_TEST_DATABASE (run-with-postgresql.sh)");
  return TRUE;
}

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until condition holds or timeout_ms pass; the time
 * it took in ms, or -1 when it never held. */
static gint64
wait_until (Condition condition,
            gpointer  data,
            gint64    timeout_ms)
{
  gint64 start = g_get_monotonic_time ();

  while (!condition (data))
    {
      gint64 elapsed = (g_get_monotonic_time () - start) / 1000;

      if (elapsed > timeout_ms)
        return -1;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  return (g_get_monotonic_time () - start) / 1000;
}

typedef struct
{
  KoersStore *store;
  gint64      id;
  const char *title; /* NULL: only that it is there */
} Looking;

static gboolean
has_objective_cb (gpointer data)
{
  Looking        *looking = data;
  KoersObjective *objective = koers_store_find_objective (looking->store, looking->id);

  return objective != NULL &&
         (looking->title == NULL || g_strcmp0 (koers_objective_get_title (objective), looking->title) == 0);
}

static gboolean
flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
connected_cb (gpointer data)
{
  return koers_store_get_connected (data);
}

static void
test_live (Fixture      *f,
           gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  KoersObjective *objective;
  Looking         looking;
  gint64          ms;

  if (needs_server (f))
    return;
  koers_store_watch_other_writers (f->a);

  objective = koers_test_add_objective (f->b, koers_test_find_department (f->b, "Sales"),
                                        "Win the north", "2026-Q2");
  looking = (Looking){ f->a, koers_objective_get_id (objective), NULL };
  ms = wait_until (has_objective_cb, &looking, 5000);
  g_test_message ("a new objective reached the other client in %" G_GINT64_FORMAT " ms", ms);
  g_assert_cmpint (ms, >=, 0);
  g_assert_cmpint (ms, <=, 1000);

  koers_objective_set_title (objective, "Win the north and the east");
  g_assert_true (koers_store_save_objective (f->b, objective, &error));
  g_assert_no_error (error);
  looking.title = "Win the north and the east";
  ms = wait_until (has_objective_cb, &looking, 5000);
  g_test_message ("a changed title reached the other client in %" G_GINT64_FORMAT " ms", ms);
  g_assert_cmpint (ms, >=, 0);
  g_assert_cmpint (ms, <=, 1000);
}

static void
test_conflict (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *stored = NULL;
  KoersObjective  *objective;
  KoersKeyResult  *mine;
  KoersKeyResult  *theirs;

  if (needs_server (f))
    return;
  objective = koers_test_add_objective (f->a, koers_test_find_department (f->a, "Sales"),
                                        "Grow", "2026-Q2");
  mine = koers_test_add_key_result (f->a, objective, "Leads", 0, 100, 0);
  g_assert_true (koers_store_catch_up (f->b, &error));
  g_assert_no_error (error);
  theirs = koers_store_find_key_result (f->b, koers_key_result_get_id (mine));
  g_assert_nonnull (theirs);
  g_assert_true (theirs != mine);

  /* Both edit the same key result; the first save wins. */
  koers_key_result_set_title (mine, "Qualified leads");
  koers_key_result_set_title (theirs, "Signed leads");
  g_assert_true (koers_store_save_key_result (f->a, mine, &error));
  g_assert_no_error (error);
  g_assert_false (koers_store_save_key_result (f->b, theirs, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "after you opened it"));

  /* No lost update: the server has the first, and the second client was
   * shown it. */
  stored = koers_test_query_text (f->uri, "SELECT title FROM key_results WHERE title LIKE '%leads'");
  g_assert_cmpstr (stored, ==, "Qualified leads");
  g_assert_cmpstr (koers_key_result_get_title (theirs), ==, "Qualified leads");
}

static void
count_cb (KoersStore *store,
          guint      *count)
{
  (*count)++;
}

static void
test_connection_cut (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *terminate = NULL;
  g_autofree char *stored = NULL;
  KoersObjective  *objective;
  KoersObjective  *other;
  Looking          looking;
  guint            changes = 0;
  gint64           pid;
  gint64           ms;

  if (needs_server (f))
    return;
  objective = koers_test_add_objective (f->a, koers_test_find_department (f->a, "Sales"),
                                        "Keep", "2026-Q2");
  other = koers_test_add_objective (f->b, koers_test_find_department (f->b, "Finance"),
                                    "Budget", "2026-Q2");
  koers_store_watch_other_writers (f->a);
  g_signal_connect (f->a, "connection-changed", G_CALLBACK (count_cb), &changes);

  pid = koers_test_server_query_int (f->uri, "SELECT pid FROM pg_stat_activity"
                                             " WHERE query LIKE 'LISTEN%'");
  g_assert_cmpint (pid, >, 0);
  terminate = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT ")", pid);
  koers_test_server_exec (f->uri, terminate);

  /* Mid-edit: the save is refused with a sentence, and writes nothing. */
  koers_objective_set_title (objective, "Keep offline");
  g_assert_false (koers_store_save_objective (f->a, objective, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "connection to the server"));
  g_assert_nonnull (strstr (error->message, "not saved"));
  g_clear_error (&error);
  g_assert_false (koers_store_get_connected (f->a));
  g_assert_cmpuint (changes, ==, 1);
  stored = koers_test_query_text (f->uri, "SELECT title FROM objectives WHERE title LIKE 'Keep%'");
  g_assert_cmpstr (stored, ==, "Keep");

  /* Meanwhile the other client writes. */
  koers_objective_set_title (other, "Budget 2026");
  g_assert_true (koers_store_save_objective (f->b, other, &error));
  g_assert_no_error (error);

  /* Back by itself, with what it missed. */
  ms = wait_until (connected_cb, f->a, 10000);
  g_test_message ("reconnected after %" G_GINT64_FORMAT " ms", ms);
  g_assert_cmpint (ms, >=, 0);
  g_assert_cmpuint (changes, ==, 2);
  looking = (Looking){ f->a, koers_objective_get_id (other), "Budget 2026" };
  g_assert_cmpint (wait_until (has_objective_cb, &looking, 1000), >=, 0);

  /* And the edit, made again, is saved. */
  koers_objective_set_title (objective, "Keep online");
  g_assert_true (koers_store_save_objective (f->a, objective, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, g_free);
  stored = koers_test_query_text (f->uri, "SELECT title FROM objectives WHERE title LIKE 'Keep%'");
  g_assert_cmpstr (stored, ==, "Keep online");
}

static gboolean
disconnected_cb (gpointer data)
{
  return !koers_store_get_connected (data);
}

typedef struct
{
  gint64 last;    /* monotonic µs of the last tick */
  gint64 max_gap; /* µs */
  guint  n;
} Ticks;

static gboolean
tick_cb (gpointer data)
{
  Ticks *ticks = data;
  gint64 now = g_get_monotonic_time ();

  ticks->max_gap = MAX (ticks->max_gap, now - ticks->last);
  ticks->last = now;
  ticks->n++;
  return G_SOURCE_CONTINUE;
}

/* The window must keep drawing while the server is away: a try to
 * connect again waits for its socket in the main loop, never inside
 * libpq.  A server that takes the connection and never answers (the
 * proxy, holding) would keep a blocking PQreset for as long as the
 * proxy holds it (3 s here; for ever on a real dead host). */
static void
test_reconnect_does_not_block (Fixture      *f,
                               gconstpointer data)
{
  g_autoptr (KoersTestProxy) proxy = NULL;
  g_autoptr (KoersStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = NULL;
  KoersObjective  *other;
  Looking          looking;
  Ticks            ticks = { 0 };
  gboolean         done = FALSE;
  guint            tick_id;
  gint64           ms;

  if (needs_server (f))
    return;
  proxy = koers_test_proxy_new ();
  /* The test server's schema, reached through the proxy. */
  uri = g_strdup_printf ("postgresql://127.0.0.1:%d%s", koers_test_proxy_get_port (proxy),
                         strchr (f->uri, '?'));
  store = koers_test_open_store (uri);
  koers_store_watch_other_writers (store);

  koers_test_proxy_hold (proxy, 3000);
  g_assert_cmpint (wait_until (disconnected_cb, store, 5000), >=, 0);

  /* Two seconds of a lost connection: tries start after 250 and 750 ms
   * and hang on the silent server. */
  ticks.last = g_get_monotonic_time ();
  tick_id = g_timeout_add (10, tick_cb, &ticks);
  g_timeout_add (2000, flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick_id);
  tick_cb (&ticks);
  g_test_message ("%u main loop ticks in 2 s while reconnecting, longest gap %" G_GINT64_FORMAT " ms, "
                  "%u tries held",
                  ticks.n, ticks.max_gap / 1000, koers_test_proxy_get_n_held (proxy));
  g_assert_cmpuint (koers_test_proxy_get_n_held (proxy), >=, 1);
  g_assert_false (koers_store_get_connected (store));
  /* 10 ms ticks; a loaded machine may delay one, a blocked loop by 3 s. */
  g_assert_cmpint (ticks.max_gap, <, 1000 * 1000);

  /* Meanwhile another client writes; once the server answers again the
   * store is back by itself, with that change. */
  other = koers_test_add_objective (f->b, koers_test_find_department (f->b, "Finance"),
                                    "Written while away", "2026-Q2");
  koers_test_proxy_forward (proxy);
  ms = wait_until (connected_cb, store, 20000);
  g_test_message ("reconnected %" G_GINT64_FORMAT " ms after the server answered again", ms);
  g_assert_cmpint (ms, >=, 0);
  looking = (Looking){ store, koers_objective_get_id (other), "Written while away" };
  g_assert_cmpint (wait_until (has_objective_cb, &looking, 2000), >=, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/server-live/change-visible", test_live);
  ADD ("/server-live/conflict", test_conflict);
  ADD ("/server-live/connection-cut", test_connection_cut);
  ADD ("/server-live/reconnect-does-not-block", test_reconnect_does_not_block);
#undef ADD

  return g_test_run ();
}
