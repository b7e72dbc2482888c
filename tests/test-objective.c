/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core/koers-objective.h"

typedef struct
{
  guint  count;
  double last_score;
} ScoreWatch;

static void
score_notify_cb (KoersObjective *objective,
                 GParamSpec     *pspec,
                 ScoreWatch     *watch)
{
  watch->count++;
  /* The new value is in place when notify fires. */
  g_object_get (objective, "score", &watch->last_score, NULL);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static KoersKeyResult *
new_kr (const char *title,
        double      start,
        double      target,
        int         position)
{
  KoersKeyResult *kr = koers_key_result_new (title, KOERS_METRIC_KIND_NUMBER, start, target, NULL);

  koers_key_result_set_position (kr, position);
  return kr;
}

static void
test_defaults (void)
{
  g_autoptr (KoersObjective) objective = g_object_new (KOERS_TYPE_OBJECTIVE, NULL);
  KoersPeriod period;

  g_assert_cmpint (koers_objective_get_level (objective), ==, KOERS_LEVEL_DEPARTMENT);
  g_assert_cmpint (koers_objective_get_kind (objective), ==, KOERS_OBJECTIVE_KIND_COMMITTED);
  g_assert_cmpint (koers_objective_get_state (objective), ==, KOERS_OBJECTIVE_STATE_ACTIVE);
  g_assert_cmpstr (koers_objective_get_title (objective), ==, "");
  g_assert_cmpstr (koers_objective_get_description (objective), ==, "");
  g_assert_cmpstr (koers_objective_get_period (objective), ==, "");
  g_assert_cmpstr (koers_objective_get_owner (objective), ==, "");
  g_assert_cmpint (koers_objective_get_aligned_to_id (objective), ==, 0);
  g_assert_cmpint (koers_objective_get_carried_over_from_id (objective), ==, 0);
  g_assert_cmpfloat (koers_objective_get_score (objective), ==, 0.0);
  g_assert_false (koers_objective_get_parsed_period (objective, &period));
}

static void
test_new_and_period (void)
{
  g_autoptr (KoersObjective) objective = koers_objective_new ("Increase sales results",
                                                              KOERS_LEVEL_COMPANY,
                                                              KOERS_OBJECTIVE_KIND_ASPIRATIONAL,
                                                              "2026");
  KoersPeriod        period;
  KoersLevel         level;
  KoersObjectiveKind kind;

  g_object_get (objective, "level", &level, "kind", &kind, NULL);
  g_assert_cmpint (level, ==, KOERS_LEVEL_COMPANY);
  g_assert_cmpint (kind, ==, KOERS_OBJECTIVE_KIND_ASPIRATIONAL);
  g_assert_true (koers_objective_get_parsed_period (objective, &period));
  g_assert_cmpint (period.kind, ==, KOERS_PERIOD_KIND_YEAR);

  koers_objective_set_period (objective, "2026-Q5");
  g_assert_false (koers_objective_get_parsed_period (objective, &period));
}

static void
test_score_follows_key_results (void)
{
  g_autoptr (KoersObjective) objective = koers_objective_new ("Grow", KOERS_LEVEL_DEPARTMENT,
                                                              KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2");
  g_autoptr (KoersKeyResult) leads = new_kr ("Leads", 0, 100, 0);
  g_autoptr (KoersKeyResult) cycle = new_kr ("Sales cycle", 60, 20, 1);
  ScoreWatch watch = { 0, -1 };
  guint      n_count = 0;
  guint      n_krs = 0;

  g_signal_connect (objective, "notify::score", G_CALLBACK (score_notify_cb), &watch);
  g_signal_connect (objective, "notify::n-key-results", G_CALLBACK (count_notify_cb), &n_count);

  koers_key_result_set_current_value (leads, 50);
  koers_objective_insert_key_result (objective, leads);
  g_assert_cmpuint (watch.count, ==, 1);
  g_assert_cmpfloat_with_epsilon (watch.last_score, 0.5, 1e-9);
  g_assert_cmpuint (n_count, ==, 1);

  koers_objective_insert_key_result (objective, cycle);
  g_assert_cmpfloat_with_epsilon (watch.last_score, 0.25, 1e-9);
  g_object_get (objective, "n-key-results", &n_krs, NULL);
  g_assert_cmpuint (n_krs, ==, 2);

  /* Set current-value on a key result: the score follows. */
  koers_key_result_set_current_value (cycle, 40);
  g_assert_cmpuint (watch.count, ==, 3);
  g_assert_cmpfloat_with_epsilon (watch.last_score, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (koers_objective_get_score (objective), 0.5, 1e-9);

  koers_key_result_set_current_value (leads, 100);
  g_assert_cmpfloat_with_epsilon (watch.last_score, 0.75, 1e-9);

  /* Weights too: (1 * 1 + 3 * 0.5) / 4. */
  koers_key_result_set_weight (cycle, 3);
  g_assert_cmpfloat_with_epsilon (watch.last_score, 2.5 / 4.0, 1e-9);
  koers_key_result_set_weight (leads, 0);
  g_assert_cmpfloat_with_epsilon (watch.last_score, 0.5, 1e-9);

  /* A change that does not move the score does not notify. */
  watch.count = 0;
  koers_key_result_set_title (cycle, "Shorter sales cycle");
  koers_key_result_set_current_value (leads, 90);
  g_assert_cmpuint (watch.count, ==, 0);

  /* Removed key results no longer count, nor are they watched. */
  koers_objective_remove_key_result (objective, cycle);
  g_assert_cmpuint (watch.count, ==, 1);
  g_assert_cmpfloat (watch.last_score, ==, 0.0); /* leads weighs 0 */
  g_assert_cmpuint (g_signal_handler_find (cycle, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, objective), ==, 0);
  koers_key_result_set_current_value (cycle, 20);
  g_assert_cmpuint (watch.count, ==, 1);

  koers_objective_remove_key_result (objective, leads);
  g_assert_cmpfloat (koers_objective_get_score (objective), ==, 0.0);
  g_object_get (objective, "n-key-results", &n_krs, NULL);
  g_assert_cmpuint (n_krs, ==, 0);
}

static const char *
title_at (KoersObjective *objective,
          guint           position)
{
  g_autoptr (KoersKeyResult) kr = g_list_model_get_item (koers_objective_get_key_results (objective), position);

  return koers_key_result_get_title (kr);
}

static void
test_position_order (void)
{
  g_autoptr (KoersObjective) objective = koers_objective_new ("x", KOERS_LEVEL_TEAM,
                                                              KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2");
  g_autoptr (KoersKeyResult) a = new_kr ("a", 0, 1, 2);
  g_autoptr (KoersKeyResult) b = new_kr ("b", 0, 1, 0);
  g_autoptr (KoersKeyResult) c = new_kr ("c", 0, 1, 1);
  guint changes = 0;

  koers_objective_insert_key_result (objective, a);
  koers_objective_insert_key_result (objective, b);
  koers_objective_insert_key_result (objective, c);
  koers_objective_insert_key_result (objective, c); /* no duplicate */

  g_assert_cmpuint (g_list_model_get_n_items (koers_objective_get_key_results (objective)), ==, 3);
  g_assert_cmpstr (title_at (objective, 0), ==, "b");
  g_assert_cmpstr (title_at (objective, 1), ==, "c");
  g_assert_cmpstr (title_at (objective, 2), ==, "a");

  g_signal_connect (koers_objective_get_key_results (objective), "items-changed",
                    G_CALLBACK (items_changed_cb), &changes);

  /* Already sorted: no items-changed, views keep their rows. */
  koers_objective_sort_key_results (objective);
  g_assert_cmpuint (changes, ==, 0);

  koers_key_result_set_position (a, 0);
  koers_key_result_set_position (b, 1);
  koers_key_result_set_position (c, 2);
  koers_objective_sort_key_results (objective);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpstr (title_at (objective, 0), ==, "a");
  g_assert_cmpstr (title_at (objective, 1), ==, "b");
  g_assert_cmpstr (title_at (objective, 2), ==, "c");
}

static void
test_key_result_outlives_objective (void)
{
  g_autoptr (KoersKeyResult) kr = new_kr ("kept", 0, 10, 0);
  KoersObjective *objective = koers_objective_new ("gone", KOERS_LEVEL_TEAM,
                                                   KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2");

  koers_objective_insert_key_result (objective, kr);
  g_assert_cmpuint (g_signal_handler_find (kr, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, objective), !=, 0);

  g_object_add_weak_pointer (G_OBJECT (objective), (gpointer *) &objective);
  g_object_unref (objective);
  g_assert_null (objective);

  /* Only the caller's reference is left, and no handler. */
  g_assert_cmpuint (G_OBJECT (kr)->ref_count, ==, 1);
  g_assert_cmpuint (g_signal_handlers_disconnect_matched (kr, G_SIGNAL_MATCH_ID,
                                                          g_signal_lookup ("notify", G_TYPE_OBJECT),
                                                          0, NULL, NULL, NULL),
                    ==, 0);
  koers_key_result_set_current_value (kr, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/objective/defaults", test_defaults);
  g_test_add_func ("/objective/new-and-period", test_new_and_period);
  g_test_add_func ("/objective/score-follows-key-results", test_score_follows_key_results);
  g_test_add_func ("/objective/position-order", test_position_order);
  g_test_add_func ("/objective/key-result-outlives-objective", test_key_result_outlives_objective);

  return g_test_run ();
}
