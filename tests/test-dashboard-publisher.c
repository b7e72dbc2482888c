/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "data/koers-dashboard-publisher.h"
#include "koers-test-report.h"

/* Publishing the dashboard (Preferences → Dashboard): a change through
 * another connection to the database rewrites the page within 10 s, with
 * the real 3 s wait; a reader polling the file meanwhile never sees half
 * a page; a folder that cannot be written is retried, waiting longer each
 * time, and publishing resumes once it can. */

typedef KoersTestReport Fixture;

static void
fixture_setup (Fixture      *fixture,
               gconstpointer data)
{
  koers_test_report_open (fixture);
  koers_test_report_populate (fixture, KOERS_LANGUAGE_EN);
  koers_store_watch_other_writers (fixture->store);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer data)
{
  koers_store_stop_watching (fixture->store);
  koers_test_report_close (fixture);
}

typedef struct
{
  char    *path;
  gint     stop;
  guint    reads;
  guint    partial;
  gboolean seen_page;
} Poller;

static gpointer
poll_thread (gpointer user_data)
{
  Poller *poller = user_data;

  while (!g_atomic_int_get (&poller->stop))
    {
      g_autofree char *contents = NULL;
      gsize            length;

      if (!g_file_get_contents (poller->path, &contents, &length, NULL))
        continue;
      poller->reads++;
      poller->seen_page = TRUE;
      if (!g_str_has_prefix (contents, "<!DOCTYPE html>") || !g_str_has_suffix (contents, "</html>\n"))
        poller->partial++;
    }

  return NULL;
}

static gboolean
file_contains (const char *path,
               const char *text)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, text) != NULL;
}

/* Spins the main loop until done (data) or seconds pass; the seconds
 * taken. */
static double
wait_for (gboolean (*done) (gpointer data),
          gpointer data,
          double   seconds)
{
  gint64 start = g_get_monotonic_time ();

  while (!done (data) && g_get_monotonic_time () - start < seconds * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, FALSE), g_usleep (10000);
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

typedef struct
{
  const char *path;
  const char *text;
} Expect;

static gboolean
page_has_cb (gpointer data)
{
  Expect *expect = data;

  return file_contains (expect->path, expect->text);
}

static gboolean
published_cb (gpointer data)
{
  return koers_dashboard_publisher_get_n_published (data) > 0;
}

static gboolean
two_failures_cb (gpointer data)
{
  return koers_dashboard_publisher_get_failures (data) >= 2;
}

static void
test_publish_on_change (Fixture      *fixture,
                        gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *folder = g_build_filename (fixture->dir, "intranet", NULL);
  g_autofree char *path = g_build_filename (folder, KOERS_DASHBOARD_FILE_NAME, NULL);
  g_autoptr (KoersDashboardPublisher) publisher = NULL;
  g_autoptr (KoersStore) other = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GThread) thread = NULL;
  KoersDepartment *sales;
  Poller           poller = { .path = path };
  Expect           expect = { path, "Sales and Partnerships" };
  double           seconds;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_settings_set (settings, "dashboard-folder", "^ay", folder);
  publisher = koers_dashboard_publisher_new (fixture->store, settings, NULL);

  /* At the start, what changed while Koers was closed. */
  wait_for (published_cb, publisher, 10.0);
  g_assert_cmpuint (koers_dashboard_publisher_get_n_published (publisher), ==, 1);
  g_assert_true (file_contains (path, "<bdi>Sales</bdi>"));
  g_assert_false (file_contains (path, expect.text));

  thread = g_thread_new ("poller", poll_thread, &poller);

  /* Another writer: a second connection to the same file. */
  other = koers_test_open_store (fixture->db_path);
  sales = koers_store_find_department_by_name (other, "Sales");
  g_assert_nonnull (sales);
  koers_department_set_name (sales, expect.text);
  g_assert_true (koers_store_save_department (other, sales, &error));
  g_assert_no_error (error);

  seconds = wait_for (page_has_cb, &expect, 10.0);
  g_test_message ("rewritten after %.2f s", seconds);
  g_assert_true (file_contains (path, expect.text));
  /* Not before the wait after a change (3 s). */
  g_assert_cmpfloat (seconds, >=, 2.5);
  g_assert_cmpfloat (seconds, <, 10.0);

  g_atomic_int_set (&poller.stop, TRUE);
  g_thread_join (g_steal_pointer (&thread));
  g_assert_true (poller.seen_page);
  g_assert_cmpuint (poller.reads, >, 10);
  g_assert_cmpuint (poller.partial, ==, 0);

  /* Stopped in Preferences: nothing is written any more. */
  g_settings_set (settings, "dashboard-folder", "^ay", "");
  g_assert_cmpint (g_unlink (path), ==, 0);
  koers_department_set_name (sales, "Sales");
  g_assert_true (koers_store_save_department (other, sales, &error));
  koers_dashboard_publisher_set_delays (publisher, 50, 50);
  wait_for (page_has_cb, &expect, 1.0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_retry (Fixture      *fixture,
            gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *folder = g_build_filename (fixture->dir, "share", NULL);
  g_autofree char *path = g_build_filename (folder, KOERS_DASHBOARD_FILE_NAME, NULL);
  g_autoptr (KoersDashboardPublisher) publisher = NULL;
  Expect expect = { path, "</html>" };

  /* A file where the folder should be: every write fails. */
  g_assert_true (g_file_set_contents (folder, "not a folder", -1, NULL));
  g_settings_set (settings, "dashboard-folder", "^ay", folder);
  publisher = koers_dashboard_publisher_new (fixture->store, settings, NULL);
  koers_dashboard_publisher_set_delays (publisher, 20, 50);

  wait_for (two_failures_cb, publisher, 10.0);
  g_assert_cmpuint (koers_dashboard_publisher_get_failures (publisher), >=, 2);
  g_assert_cmpuint (koers_dashboard_publisher_get_n_published (publisher), ==, 0);

  /* The share comes back: the next retry publishes. */
  g_assert_cmpint (g_unlink (folder), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  wait_for (page_has_cb, &expect, 10.0);
  g_assert_true (file_contains (path, "</html>"));
  g_assert_cmpuint (koers_dashboard_publisher_get_failures (publisher), ==, 0);
  g_assert_cmpuint (koers_dashboard_publisher_get_n_published (publisher), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dashboard-publisher/publish-on-change", Fixture, NULL, fixture_setup,
              test_publish_on_change, fixture_teardown);
  g_test_add ("/dashboard-publisher/retry", Fixture, NULL, fixture_setup, test_retry, fixture_teardown);

  return g_test_run ();
}
