/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Check-ins on demand: a lazily opened store reads a period's key results
 * with a summary of their check-ins and a key result's full list only
 * when asked; other processes' check-ins reach both kinds. */
#include "config.h"

#include "koers-store-private.h"
#include "koers-test-store.h"

static const char *const dates[] = { "2026-04-10", "2026-05-01", "2026-05-20" };

/* An objective of 2026-Q2 with two key results, each with the three
 * check-ins above (values 10, 20, 30). */
static void
fill_database (const char *path)
{
  g_autoptr (KoersStore) store = koers_test_open_store (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersDepartment) dept = g_list_model_get_item (koers_store_get_departments (store), 1);
  g_autoptr (KoersObjective) objective = koers_objective_new ("Grow", KOERS_LEVEL_DEPARTMENT,
                                                              KOERS_OBJECTIVE_KIND_COMMITTED,
                                                              "2026-Q2");

  koers_objective_set_department_id (objective, koers_department_get_id (dept));
  for (guint k = 0; k < 2; k++)
    {
      g_autoptr (KoersKeyResult) kr = koers_key_result_new (k == 0 ? "Leads" : "Deals",
                                                            KOERS_METRIC_KIND_NUMBER, 0, 100, NULL);

      koers_objective_insert_key_result (objective, kr);
    }
  g_assert_true (koers_store_add_objective (store, objective, &error));
  g_assert_no_error (error);

  for (guint k = 0; k < 2; k++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (koers_objective_get_key_results (objective), k);

      for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
        {
          g_autoptr (KoersCheckin) checkin = koers_checkin_new (dates[i], 10.0 * (i + 1),
                                                                KOERS_CHECKIN_STATUS_NONE, "");

          g_assert_true (koers_store_add_checkin (store, kr, checkin, &error));
          g_assert_no_error (error);
        }
    }
}

static KoersStore *
open_window (const char *path)
{
  g_autoptr (GError) error = NULL;
  KoersStore *window = koers_store_open_lazy (path, &error);
  KoersPeriod q2;

  g_assert_no_error (error);
  koers_period_init_quarter (&q2, 2026, 2);
  g_assert_true (koers_store_load_period (window, &q2, &error));
  g_assert_no_error (error);
  return window;
}

/* (transfer none) */
static KoersKeyResult *
key_result_at (KoersStore *store,
               guint       index)
{
  g_autoptr (KoersObjective) objective = g_list_model_get_item (koers_store_get_objectives (store), 0);
  g_autoptr (KoersKeyResult) kr = g_list_model_get_item (koers_objective_get_key_results (objective),
                                                         index);

  return kr; /* the objective holds a reference */
}

static void
test_period_reads_summaries (KoersTestDir *fixture,
                             gconstpointer data)
{
  g_autoptr (KoersStore) window = NULL;
  KoersKeyResult          *kr;
  KoersCheckin            *latest;
  const KoersCheckinPoint *points;
  GListModel              *list;
  guint                    n_points = 0;

  fill_database (fixture->path);
  window = open_window (fixture->path);
  kr = key_result_at (window, 0);

  /* No check-in objects but each key result's latest. */
  g_assert_cmpuint (g_hash_table_size (window->checkin_by_id), ==, 0);
  g_assert_false (koers_key_result_get_checkins_loaded (kr));
  g_assert_cmpuint (koers_key_result_get_n_checkins (kr), ==, 3);
  latest = koers_key_result_get_latest_checkin (kr);
  g_assert_nonnull (latest);
  g_assert_cmpfloat (koers_checkin_get_value (latest), ==, 30);
  g_assert_cmpstr (koers_key_result_get_last_checkin_date (kr), ==, "2026-05-20");
  g_assert_cmpstr (koers_key_result_get_first_checkin_date (kr), ==, "2026-04-10");
  points = koers_key_result_get_checkin_points (kr, &n_points);
  g_assert_cmpuint (n_points, ==, 3);
  g_assert_cmpfloat (points[0].value, ==, 10);
  g_assert_cmpfloat (points[2].value, ==, 30);
  g_assert_cmpuint (points[0].julian_day, <, points[1].julian_day);

  /* Asked for, the list comes, indexed as a period's load indexes it. */
  list = koers_key_result_get_checkins (kr);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_true (koers_key_result_get_checkins_loaded (kr));
  g_assert_cmpuint (g_hash_table_size (window->checkin_by_id), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (KoersCheckin) checkin = g_list_model_get_item (list, i);

      g_assert_true (koers_store_find_checkin (window, koers_checkin_get_id (checkin)) == checkin);
      g_assert_true (koers_store_get_checkin_key_result (window, checkin) == kr);
    }
  g_assert_false (koers_key_result_get_checkins_loaded (key_result_at (window, 1)));

  /* A report reads every list in one go. */
  g_assert_true (koers_store_load_checkins (window, NULL));
  g_assert_true (koers_key_result_get_checkins_loaded (key_result_at (window, 1)));
  g_assert_cmpuint (g_hash_table_size (window->checkin_by_id), ==, 6);
}

/* A report reads every list with the period; the quality check none. */
static void
test_period_checkins_modes (KoersTestDir *fixture,
                            gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  KoersPeriod q2;

  fill_database (fixture->path);
  koers_period_init_quarter (&q2, 2026, 2);

  {
    g_autoptr (KoersStore) report = koers_store_open_lazy (fixture->path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (koers_store_set_period_checkins (report, KOERS_STORE_CHECKINS_LISTS), ==,
                     KOERS_STORE_CHECKINS_SUMMARIES);
    g_assert_true (koers_store_load_period (report, &q2, &error));
    g_assert_no_error (error);
    for (guint k = 0; k < 2; k++)
      {
        KoersKeyResult *kr = key_result_at (report, k);

        g_assert_true (koers_key_result_get_checkins_loaded (kr));
        g_assert_cmpuint (g_list_model_get_n_items (koers_key_result_peek_checkins (kr)), ==, 3);
        g_assert_cmpfloat (koers_checkin_get_value (koers_key_result_get_latest_checkin (kr)), ==, 30);
      }
    g_assert_cmpuint (g_hash_table_size (report->checkin_by_id), ==, 6);
  }

  {
    g_autoptr (KoersStore) check = koers_store_open_lazy (fixture->path, &error);
    KoersKeyResult *kr;

    g_assert_no_error (error);
    koers_store_set_period_checkins (check, KOERS_STORE_CHECKINS_NONE);
    g_assert_true (koers_store_load_period (check, &q2, &error));
    g_assert_no_error (error);
    kr = key_result_at (check, 0);
    g_assert_false (koers_key_result_get_checkins_loaded (kr));
    g_assert_cmpuint (g_hash_table_size (check->checkin_by_id), ==, 0);
    /* Asked for after all, the list still comes. */
    g_assert_cmpuint (g_list_model_get_n_items (koers_key_result_get_checkins (kr)), ==, 3);
  }
}

static void
count_changes_cb (guint *count)
{
  (*count)++;
}

static void
test_other_writer (KoersTestDir *fixture,
                   gconstpointer data)
{
  g_autoptr (KoersStore) window = NULL;
  g_autoptr (KoersStore) other = NULL;
  g_autoptr (GError) error = NULL;
  KoersKeyResult *unread, *read;
  guint           changed = 0;

  fill_database (fixture->path);
  window = open_window (fixture->path);
  unread = key_result_at (window, 0);
  read = key_result_at (window, 1);
  g_assert_cmpuint (g_list_model_get_n_items (koers_key_result_get_checkins (read)), ==, 3);
  g_signal_connect_swapped (unread, "checkins-changed", G_CALLBACK (count_changes_cb), &changed);

  other = koers_test_open_store (fixture->path);
  for (guint k = 0; k < 2; k++)
    {
      KoersKeyResult *theirs = key_result_at (other, k);
      g_autoptr (KoersCheckin) june = koers_checkin_new ("2026-06-02", 45, KOERS_CHECKIN_STATUS_NONE, "");

      g_assert_true (koers_store_add_checkin (other, theirs, june, &error));
      g_assert_no_error (error);
    }

  g_assert_true (koers_store_catch_up (window, &error));
  g_assert_no_error (error);

  /* Not read: its summary is, again, and says so. */
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (koers_key_result_get_checkins_loaded (unread));
  g_assert_cmpuint (koers_key_result_get_n_checkins (unread), ==, 4);
  g_assert_cmpstr (koers_key_result_get_last_checkin_date (unread), ==, "2026-06-02");
  g_assert_cmpfloat (koers_key_result_get_current_value (unread), ==, 45);
  /* Read: the new check-in is in its list, in place. */
  g_assert_cmpuint (g_list_model_get_n_items (koers_key_result_peek_checkins (read)), ==, 4);
  g_assert_cmpstr (koers_key_result_get_last_checkin_date (read), ==, "2026-06-02");
  g_assert_nonnull (koers_store_find_checkin (window,
                                              koers_checkin_get_id (koers_key_result_get_latest_checkin (read))));

  /* A delete elsewhere: the summary goes back. */
  {
    KoersKeyResult *theirs = key_result_at (other, 0);

    g_assert_true (koers_store_delete_checkin (other, koers_key_result_get_latest_checkin (theirs),
                                               &error));
    g_assert_no_error (error);
  }
  g_assert_true (koers_store_catch_up (window, &error));
  g_assert_false (koers_key_result_get_checkins_loaded (unread));
  g_assert_cmpuint (koers_key_result_get_n_checkins (unread), ==, 3);
  g_assert_cmpstr (koers_key_result_get_last_checkin_date (unread), ==, "2026-05-20");
}

/* Writes on a key result whose list is not read: a new check-in joins the
 * list once, and a delete's undo writes every check-in back. */
static void
test_writes_on_unread (KoersTestDir *fixture,
                       gconstpointer data)
{
  g_autoptr (KoersStore) window = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersCheckin) june = koers_checkin_new ("2026-06-02", 45, KOERS_CHECKIN_STATUS_NONE, "");
  g_autoptr (KoersObjective) objective = NULL;
  g_autoptr (KoersKeyResult) deals = NULL;

  fill_database (fixture->path);
  window = open_window (fixture->path);

  g_assert_true (koers_store_add_checkin (window, key_result_at (window, 0), june, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (koers_key_result_peek_checkins (key_result_at (window, 0))),
                    ==, 4);
  g_assert_true (koers_key_result_get_latest_checkin (key_result_at (window, 0)) == june);

  objective = g_list_model_get_item (koers_store_get_objectives (window), 0);
  deals = g_object_ref (key_result_at (window, 1));
  g_assert_false (koers_key_result_get_checkins_loaded (deals));
  g_assert_true (koers_store_delete_key_result (window, deals, &error));
  g_assert_no_error (error);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM checkins"), ==, 4);
  g_assert_true (koers_store_restore_key_result (window, objective, deals, &error));
  g_assert_no_error (error);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM checkins"), ==, 7);
}

/* The window reads the departments of its first frame, then the rest of
 * the period: each objective once, the first ones' summaries not read
 * again, and then the period counts as read. */
static void
test_period_in_two_steps (KoersTestDir *fixture,
                          gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersDepartment) first = NULL;
  g_autoptr (KoersStore) window = NULL;
  guint       changed = 0;
  GListModel *objectives;
  KoersPeriod q2;
  gint64      first_id;
  g_autoptr (GArray) read_first = g_array_new (FALSE, FALSE, sizeof (gint64));

  fill_database (fixture->path);
  {
    g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
    g_autoptr (KoersDepartment) dept = g_list_model_get_item (koers_store_get_departments (store), 2);
    g_autoptr (KoersObjective) other = koers_objective_new ("Hire", KOERS_LEVEL_DEPARTMENT,
                                                            KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2");

    koers_objective_set_department_id (other, koers_department_get_id (dept));
    g_assert_true (koers_store_add_objective (store, other, &error));
    g_assert_no_error (error);
  }

  window = koers_store_open_lazy (fixture->path, &error);
  g_assert_no_error (error);
  objectives = koers_store_get_objectives (window);
  koers_period_init_quarter (&q2, 2026, 2);
  first = g_list_model_get_item (koers_store_get_departments (window), 1);
  first_id = koers_department_get_id (first);
  g_array_append_val (read_first, first_id);

  g_assert_true (koers_store_load_period_departments (window, &q2, &first_id, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, 1);
  g_assert_cmpuint (koers_key_result_get_n_checkins (key_result_at (window, 0)), ==, 3);
  g_signal_connect_swapped (key_result_at (window, 0), "checkins-changed",
                            G_CALLBACK (count_changes_cb), &changed);

  g_assert_true (koers_store_load_period_rest (window, &q2, read_first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, 2);
  g_assert_cmpuint (changed, ==, 0);

  g_signal_connect_swapped (objectives, "items-changed", G_CALLBACK (count_changes_cb), &changed);
  g_assert_true (koers_store_load_period (window, &q2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, 2);
}

/* Check-ins of one day: the summary orders them as the full list does
 * (by creation, then id), whatever order the rows come in, and its latest
 * is the one made last. */
static void
test_summary_same_day (KoersTestDir *fixture,
                       gconstpointer data)
{
  g_autoptr (KoersStore) window = NULL;
  g_autoptr (KoersCheckin) last_made = NULL;
  sqlite3                 *db = NULL;
  KoersKeyResult          *kr;
  const KoersCheckinPoint *points;
  GListModel              *list;
  guint                    n_points = 0;

  fill_database (fixture->path);
  /* Key result 1's check-ins (values 10, 20, 30) on one day, made in the
   * order 20, 30, 10: against their ids. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE checkins SET date = '2026-05-20',"
                                 " created = CASE value WHEN 20 THEN 100 WHEN 30 THEN 200 ELSE 300 END"
                                 " WHERE key_result_id = (SELECT min (key_result_id) FROM checkins)",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  window = open_window (fixture->path);
  kr = key_result_at (window, 0);
  g_assert_false (koers_key_result_get_checkins_loaded (kr));
  g_assert_cmpfloat (koers_checkin_get_value (koers_key_result_get_latest_checkin (kr)), ==, 10);
  points = koers_key_result_get_checkin_points (kr, &n_points);
  g_assert_cmpuint (n_points, ==, 3);
  g_assert_cmpfloat (points[0].value, ==, 20);
  g_assert_cmpfloat (points[1].value, ==, 30);
  g_assert_cmpfloat (points[2].value, ==, 10);
  g_assert_cmpstr (koers_key_result_get_first_checkin_date (kr), ==, "2026-05-20");

  /* The full list, newest first, agrees. */
  list = koers_key_result_get_checkins (kr);
  last_made = g_list_model_get_item (list, 0);
  g_assert_cmpfloat (koers_checkin_get_value (last_made), ==, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, KoersTestDir, NULL, koers_test_dir_setup, func, koers_test_dir_teardown)
  ADD ("/store-checkins/period-reads-summaries", test_period_reads_summaries);
  ADD ("/store-checkins/period-checkins-modes", test_period_checkins_modes);
  ADD ("/store-checkins/other-writer", test_other_writer);
  ADD ("/store-checkins/writes-on-unread", test_writes_on_unread);
  ADD ("/store-checkins/period-in-two-steps", test_period_in_two_steps);
  ADD ("/store-checkins/summary-same-day", test_summary_same_day);
#undef ADD

  return g_test_run ();
}
