/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core/koers-key-result.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_defaults (void)
{
  g_autoptr (KoersKeyResult) kr = koers_key_result_new ("Sales cycle", KOERS_METRIC_KIND_NUMBER, 60, 21, "days");

  g_assert_cmpstr (koers_key_result_get_title (kr), ==, "Sales cycle");
  g_assert_cmpint (koers_key_result_get_metric_kind (kr), ==, KOERS_METRIC_KIND_NUMBER);
  g_assert_cmpfloat (koers_key_result_get_start_value (kr), ==, 60);
  g_assert_cmpfloat (koers_key_result_get_target_value (kr), ==, 21);
  /* A new key result stands at its start. */
  g_assert_cmpfloat (koers_key_result_get_current_value (kr), ==, 60);
  g_assert_cmpfloat (koers_key_result_get_progress (kr), ==, 0.0);
  g_assert_cmpstr (koers_key_result_get_unit (kr), ==, "days");
  g_assert_cmpfloat (koers_key_result_get_weight (kr), ==, 1.0);
  g_assert_null (koers_key_result_get_due_date (kr));
  g_assert_cmpstr (koers_key_result_get_owner (kr), ==, "");
  g_assert_cmpstr (koers_key_result_get_personal_data_note (kr), ==, "");
  g_assert_false (koers_key_result_get_uses_personal_data (kr));
  g_assert_null (koers_key_result_get_last_checkin_date (kr));
  g_assert_null (koers_key_result_get_latest_checkin (kr));
  g_assert_cmpuint (g_list_model_get_n_items (koers_key_result_get_checkins (kr)), ==, 0);
}

static void
test_progress_follows (void)
{
  g_autoptr (KoersKeyResult) kr = koers_key_result_new ("Sales cycle", KOERS_METRIC_KIND_NUMBER, 60, 21, "days");
  guint  count = 0;
  double progress = -1;

  g_signal_connect (kr, "notify::progress", G_CALLBACK (count_notify_cb), &count);

  koers_key_result_set_current_value (kr, 40.5);
  g_assert_cmpuint (count, ==, 1);
  g_object_get (kr, "progress", &progress, NULL);
  g_assert_cmpfloat_with_epsilon (progress, 0.5, 1e-9);

  /* No change, no notification. */
  koers_key_result_set_current_value (kr, 40.5);
  g_assert_cmpuint (count, ==, 1);

  koers_key_result_set_target_value (kr, 40.5);
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpfloat (koers_key_result_get_progress (kr), ==, 1.0);

  koers_key_result_set_start_value (kr, 20);
  g_assert_cmpfloat (koers_key_result_get_progress (kr), ==, 1.0);
  g_assert_cmpuint (count, ==, 2); /* still 1.0 */

  /* A milestone reads current as done (1) or not. */
  koers_key_result_set_metric_kind (kr, KOERS_METRIC_KIND_MILESTONE);
  g_assert_cmpfloat (koers_key_result_get_progress (kr), ==, 1.0);
  koers_key_result_set_current_value (kr, 0);
  g_assert_cmpfloat (koers_key_result_get_progress (kr), ==, 0.0);
  g_assert_cmpuint (count, ==, 3);

  /* Weight does not move progress. */
  koers_key_result_set_weight (kr, 3);
  g_assert_cmpuint (count, ==, 3);
}

static void
test_due_date (void)
{
  g_autoptr (KoersKeyResult) kr = koers_key_result_new ("x", KOERS_METRIC_KIND_NUMBER, 0, 1, NULL);
  guint count = 0;

  g_signal_connect (kr, "notify::due-date", G_CALLBACK (count_notify_cb), &count);

  koers_key_result_set_due_date (kr, "2026-06-30");
  g_assert_cmpstr (koers_key_result_get_due_date (kr), ==, "2026-06-30");
  /* "" is no date, like NULL. */
  koers_key_result_set_due_date (kr, "");
  g_assert_null (koers_key_result_get_due_date (kr));
  koers_key_result_set_due_date (kr, NULL);
  g_assert_cmpuint (count, ==, 2);
}

static KoersCheckin *
new_checkin (const char *date,
             double      value,
             gint64      created)
{
  KoersCheckin *checkin = koers_checkin_new (date, value, KOERS_CHECKIN_STATUS_NONE, "");

  koers_checkin_set_created (checkin, created);
  return checkin;
}

static const char *
checkin_date_at (KoersKeyResult *kr,
                 guint           position)
{
  g_autoptr (KoersCheckin) checkin = g_list_model_get_item (koers_key_result_get_checkins (kr), position);

  /* The list keeps a reference: the string outlives this one. */
  return koers_checkin_get_date (checkin);
}

static void
test_checkin_order (void)
{
  g_autoptr (KoersKeyResult) kr = koers_key_result_new ("Leads", KOERS_METRIC_KIND_NUMBER, 0, 1200, "leads");
  g_autoptr (KoersCheckin) april = new_checkin ("2026-04-10", 300, 1);
  g_autoptr (KoersCheckin) may = new_checkin ("2026-05-01", 500, 2);
  g_autoptr (KoersCheckin) may_later = new_checkin ("2026-05-01", 550, 3);
  g_autoptr (KoersCheckin) march = new_checkin ("2026-03-20", 100, 4);
  GListModel *checkins = koers_key_result_get_checkins (kr);
  guint       count = 0;

  g_signal_connect (kr, "notify::last-checkin-date", G_CALLBACK (count_notify_cb), &count);

  koers_key_result_add_checkin (kr, april);
  g_assert_cmpstr (koers_key_result_get_last_checkin_date (kr), ==, "2026-04-10");
  koers_key_result_add_checkin (kr, may);
  koers_key_result_add_checkin (kr, march);
  koers_key_result_add_checkin (kr, may_later);
  /* Adding twice does not duplicate. */
  koers_key_result_add_checkin (kr, may);

  g_assert_cmpuint (g_list_model_get_n_items (checkins), ==, 4);
  /* Newest first: by date, then by creation. */
  g_assert_true (koers_key_result_get_latest_checkin (kr) == may_later);
  g_assert_cmpstr (checkin_date_at (kr, 1), ==, "2026-05-01");
  g_assert_cmpstr (checkin_date_at (kr, 2), ==, "2026-04-10");
  g_assert_cmpstr (checkin_date_at (kr, 3), ==, "2026-03-20");
  g_assert_cmpstr (koers_key_result_get_last_checkin_date (kr), ==, "2026-05-01");
  g_assert_cmpuint (count, ==, 2);

  /* A check-in edited in place moves to where it belongs. */
  koers_checkin_set_date (march, "2026-05-10");
  g_assert_true (koers_key_result_get_latest_checkin (kr) == march);
  g_assert_cmpstr (koers_key_result_get_last_checkin_date (kr), ==, "2026-05-10");
  g_assert_cmpuint (count, ==, 3);

  koers_key_result_remove_checkin (kr, march);
  g_assert_cmpuint (g_list_model_get_n_items (checkins), ==, 3);
  g_assert_cmpstr (koers_key_result_get_last_checkin_date (kr), ==, "2026-05-01");

  /* A removed check-in is no longer watched, a kept one is. */
  g_assert_cmpuint (g_signal_handler_find (march, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, kr), ==, 0);
  g_assert_cmpuint (g_signal_handler_find (may, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, kr), !=, 0);
  koers_checkin_set_date (march, "2027-01-01");
  g_assert_cmpstr (koers_key_result_get_last_checkin_date (kr), ==, "2026-05-01");

  koers_key_result_remove_checkin (kr, may_later);
  koers_key_result_remove_checkin (kr, may);
  koers_key_result_remove_checkin (kr, april);
  g_assert_null (koers_key_result_get_last_checkin_date (kr));
  g_assert_null (koers_key_result_get_latest_checkin (kr));
}

static void
test_checkin_outlives_key_result (void)
{
  g_autoptr (KoersCheckin) checkin = new_checkin ("2026-05-01", 1, 1);
  KoersKeyResult *kr = koers_key_result_new ("x", KOERS_METRIC_KIND_NUMBER, 0, 1, NULL);

  koers_key_result_add_checkin (kr, checkin);
  g_object_add_weak_pointer (G_OBJECT (kr), (gpointer *) &kr);
  g_object_unref (kr);
  g_assert_null (kr);

  /* No handler from the finalized key result may remain. */
  koers_checkin_set_date (checkin, "2026-05-02");
  g_assert_cmpuint (g_signal_handlers_disconnect_matched (checkin, G_SIGNAL_MATCH_ID,
                                                          g_signal_lookup ("notify", G_TYPE_OBJECT),
                                                          0, NULL, NULL, NULL),
                    ==, 0);
}

static void
test_checkin_entity (void)
{
  g_autoptr (KoersCheckin) checkin = koers_checkin_new ("2026-05-15", 8.5, KOERS_CHECKIN_STATUS_AT_RISK, NULL);
  KoersCheckinStatus status;
  g_autofree char   *date = NULL;

  g_assert_cmpstr (koers_checkin_get_note (checkin), ==, "");
  g_assert_cmpstr (koers_checkin_get_author (checkin), ==, "");
  g_assert_cmpfloat (koers_checkin_get_value (checkin), ==, 8.5);
  g_object_get (checkin, "status", &status, "date", &date, NULL);
  g_assert_cmpint (status, ==, KOERS_CHECKIN_STATUS_AT_RISK);
  g_assert_cmpstr (date, ==, "2026-05-15");
}

/* A loader as the store installs one: counts its calls and hands out
 * copies of what "the database" holds. */
typedef struct
{
  GPtrArray *stored; /* newest first */
  guint      n_calls;
  guint      n_destroyed;
  gboolean   gone; /* the store went away */
} FakeStore;

static GPtrArray *
fake_loader (KoersKeyResult *kr,
             gpointer        user_data,
             GError        **error)
{
  FakeStore *store = user_data;
  GPtrArray *copy;

  store->n_calls++;
  if (store->gone)
    return NULL;

  copy = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < store->stored->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (store->stored, i)));
  return copy;
}

static void
fake_destroy (gpointer user_data)
{
  ((FakeStore *) user_data)->n_destroyed++;
}

static KoersCheckin *
stored_checkin (const char *date,
                double      value,
                gint64      id)
{
  KoersCheckin *checkin = new_checkin (date, value, id);

  koers_checkin_set_id (checkin, id);
  return checkin;
}

/* Three check-ins, newest first, and the summary the store would read. */
static void
fake_store_init (FakeStore      *store,
                 KoersKeyResult *kr)
{
  KoersCheckinPoint points[3];

  store->stored = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (store->stored, stored_checkin ("2026-05-20", 30, 3));
  g_ptr_array_add (store->stored, stored_checkin ("2026-05-01", 20, 2));
  g_ptr_array_add (store->stored, stored_checkin ("2026-04-10", 10, 1));
  for (guint i = 0; i < 3; i++)
    {
      KoersCheckin *checkin = g_ptr_array_index (store->stored, 2 - i);

      g_assert_true (koers_checkin_point_init (&points[i], koers_checkin_get_date (checkin),
                                               koers_checkin_get_value (checkin)));
    }

  koers_key_result_set_checkin_loader (kr, fake_loader, store, fake_destroy);
  koers_key_result_set_checkin_summary (kr, 3, g_ptr_array_index (store->stored, 0),
                                        "2026-04-10", points, 3);
}

static void
assert_points (KoersKeyResult *kr,
               const double   *values,
               guint           n_values)
{
  guint                    n = 0;
  const KoersCheckinPoint *points = koers_key_result_get_checkin_points (kr, &n);
  GDate                    date;

  g_assert_cmpuint (n, ==, n_values);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat (points[i].value, ==, values[i]);
  /* Oldest first, as days. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 10, G_DATE_APRIL, 2026);
  g_assert_cmpuint (points[0].julian_day, ==, g_date_get_julian (&date));
}

static void
test_checkin_summary (void)
{
  g_autoptr (KoersKeyResult) kr = koers_key_result_new ("Leads", KOERS_METRIC_KIND_NUMBER, 0, 100, NULL);
  FakeStore    store = { 0 };
  const double three[] = { 10, 20, 30 };
  guint        changed = 0;
  guint        dated = 0;

  /* A new key result has its list: empty and read. */
  g_assert_true (koers_key_result_get_checkins_loaded (kr));
  g_assert_cmpuint (koers_key_result_get_n_checkins (kr), ==, 0);

  g_signal_connect (kr, "checkins-changed", G_CALLBACK (count_notify_cb), &changed);
  g_signal_connect (kr, "notify::last-checkin-date", G_CALLBACK (count_notify_cb), &dated);
  fake_store_init (&store, kr);

  /* The summary answers; nothing is read. */
  g_assert_false (koers_key_result_get_checkins_loaded (kr));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (dated, ==, 1);
  g_assert_cmpuint (koers_key_result_get_n_checkins (kr), ==, 3);
  g_assert_true (koers_key_result_get_latest_checkin (kr) == g_ptr_array_index (store.stored, 0));
  g_assert_cmpstr (koers_key_result_get_last_checkin_date (kr), ==, "2026-05-20");
  g_assert_cmpstr (koers_key_result_get_first_checkin_date (kr), ==, "2026-04-10");
  assert_points (kr, three, 3);
  g_assert_cmpuint (g_list_model_get_n_items (koers_key_result_peek_checkins (kr)), ==, 0);
  g_assert_cmpuint (store.n_calls, ==, 0);

  /* The list on first use, once. */
  g_assert_cmpuint (g_list_model_get_n_items (koers_key_result_get_checkins (kr)), ==, 3);
  g_assert_cmpuint (store.n_calls, ==, 1);
  g_assert_true (koers_key_result_get_checkins_loaded (kr));
  g_assert_cmpuint (g_list_model_get_n_items (koers_key_result_get_checkins (kr)), ==, 3);
  g_assert_cmpuint (store.n_calls, ==, 1);

  /* Then the list is the truth: a late summary changes nothing. */
  koers_key_result_set_checkin_summary (kr, 9, NULL, NULL, NULL, 0);
  g_assert_cmpuint (koers_key_result_get_n_checkins (kr), ==, 3);

  g_object_unref (g_steal_pointer (&kr));
  g_assert_cmpuint (store.n_destroyed, ==, 1);
  g_ptr_array_unref (store.stored);
}

static void
test_checkin_summary_follows_list (void)
{
  g_autoptr (KoersKeyResult) kr = koers_key_result_new ("Leads", KOERS_METRIC_KIND_NUMBER, 0, 100, NULL);
  g_autoptr (KoersCheckin) june = stored_checkin ("2026-06-01", 40, 4);
  g_autoptr (KoersCheckin) copy = stored_checkin ("2026-05-01", 25, 2);
  FakeStore    store = { 0 };
  const double four[] = { 10, 20, 30, 40 };
  const double edited[] = { 10, 25, 30, 40 };
  guint        changed = 0;

  fake_store_init (&store, kr);
  g_signal_connect (kr, "checkins-changed", G_CALLBACK (count_notify_cb), &changed);

  /* Adding reads the list first, then keeps it sorted. */
  koers_key_result_add_checkin (kr, june);
  g_assert_cmpuint (store.n_calls, ==, 1);
  g_assert_cmpuint (koers_key_result_get_n_checkins (kr), ==, 4);
  g_assert_true (koers_key_result_get_latest_checkin (kr) == june);
  g_assert_cmpstr (koers_key_result_get_last_checkin_date (kr), ==, "2026-06-01");
  g_assert_cmpstr (koers_key_result_get_first_checkin_date (kr), ==, "2026-04-10");
  assert_points (kr, four, 4);
  g_assert_cmpuint (changed, >=, 1);

  /* An older check-in edited in place: one signal on the key result. */
  changed = 0;
  koers_checkin_set_value (g_ptr_array_index (store.stored, 1), 25);
  g_assert_cmpuint (changed, ==, 1);
  assert_points (kr, edited, 4);

  /* A copy with a listed id takes that check-in's place. */
  koers_key_result_add_checkin (kr, copy);
  g_assert_cmpuint (koers_key_result_get_n_checkins (kr), ==, 4);
  koers_key_result_remove_checkin (kr, copy);
  g_assert_cmpuint (koers_key_result_get_n_checkins (kr), ==, 3);
  g_assert_cmpstr (koers_key_result_get_first_checkin_date (kr), ==, "2026-04-10");

  g_clear_object (&kr);
  g_ptr_array_unref (store.stored);
}

/* The store went away: the key result keeps what its summary says. */
static void
test_checkin_summary_without_store (void)
{
  g_autoptr (KoersKeyResult) kr = koers_key_result_new ("Leads", KOERS_METRIC_KIND_NUMBER, 0, 100, NULL);
  FakeStore store = { 0 };

  fake_store_init (&store, kr);
  store.gone = TRUE;
  g_assert_cmpuint (g_list_model_get_n_items (koers_key_result_get_checkins (kr)), ==, 0);
  g_assert_false (koers_key_result_get_checkins_loaded (kr));
  g_assert_cmpuint (koers_key_result_get_n_checkins (kr), ==, 3);

  g_clear_object (&kr);
  g_ptr_array_unref (store.stored);
}

/* One status for the window, the CSV and the report: achieved at full
 * progress, else the latest check-in's own word, else progress against
 * what the period expects by today. */
static void
test_status (void)
{
  g_autoptr (KoersKeyResult) kr = koers_key_result_new ("Leads", KOERS_METRIC_KIND_NUMBER, 0, 100, "");
  g_autoptr (KoersCheckin) checkin = koers_checkin_new ("2026-05-10", 60, KOERS_CHECKIN_STATUS_AT_RISK, "");
  KoersPeriod q2;
  GDate       today;

  g_assert_true (koers_period_parse ("2026-Q2", &q2, NULL));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 16, G_DATE_MAY, 2026); /* about half-way */

  /* No period: nothing to compare against. */
  koers_key_result_set_current_value (kr, 10);
  g_assert_cmpint (koers_key_result_get_status (kr, NULL, &today), ==, KOERS_KR_STATUS_IN_PROGRESS);

  /* Far behind half-way, a little behind, ahead. */
  g_assert_cmpint (koers_key_result_get_status (kr, &q2, &today), ==, KOERS_KR_STATUS_OFF_TRACK);
  koers_key_result_set_current_value (kr, 40);
  g_assert_cmpint (koers_key_result_get_status (kr, &q2, &today), ==, KOERS_KR_STATUS_AT_RISK);
  /* Under way: less than a tenth behind the straight line. */
  koers_key_result_set_current_value (kr, 45);
  g_assert_cmpint (koers_key_result_get_status (kr, &q2, &today), ==, KOERS_KR_STATUS_IN_PROGRESS);
  koers_key_result_set_current_value (kr, 60);
  g_assert_cmpint (koers_key_result_get_status (kr, &q2, &today), ==, KOERS_KR_STATUS_ON_TRACK);

  /* The latest check-in's own status wins over the arithmetic... */
  koers_key_result_add_checkin (kr, checkin);
  g_assert_cmpint (koers_key_result_get_status (kr, &q2, &today), ==, KOERS_KR_STATUS_AT_RISK);

  /* ...but not over reaching the target. */
  koers_key_result_set_current_value (kr, 100);
  g_assert_cmpint (koers_key_result_get_status (kr, &q2, &today), ==, KOERS_KR_STATUS_ACHIEVED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/key-result/defaults", test_defaults);
  g_test_add_func ("/key-result/progress-follows", test_progress_follows);
  g_test_add_func ("/key-result/due-date", test_due_date);
  g_test_add_func ("/key-result/checkin-order", test_checkin_order);
  g_test_add_func ("/key-result/checkin-outlives-key-result", test_checkin_outlives_key_result);
  g_test_add_func ("/key-result/checkin-entity", test_checkin_entity);
  g_test_add_func ("/key-result/status", test_status);
  g_test_add_func ("/key-result/checkin-summary", test_checkin_summary);
  g_test_add_func ("/key-result/checkin-summary-follows-list", test_checkin_summary_follows_list);
  g_test_add_func ("/key-result/checkin-summary-without-store", test_checkin_summary_without_store);

  return g_test_run ();
}
