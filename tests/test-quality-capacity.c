/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "core/koers-capacity.h"
#include "core/koers-checkin.h"
#include "koers-test-quality.h"

/* The capacity and escalation rules (koers-quality-capacity.c), each
 * firing on a case made to break it and silent on one that does not. */

typedef struct
{
  KoersTestQuality base;
  GHashTable      *capacities; /* gint64 * -> KoersCapacity */
  GHashTable      *escalated;  /* uuids */
} Fixture;

static void
set_up (Fixture      *fx,
        gconstpointer data)
{
  koers_test_quality_set_up (&fx->base, data);
  fx->capacities = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  fx->escalated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
tear_down (Fixture      *fx,
           gconstpointer data)
{
  g_hash_table_unref (fx->capacities);
  g_hash_table_unref (fx->escalated);
  koers_test_quality_tear_down (&fx->base, data);
}

static void
set_capacity (Fixture *fx,
              double   days)
{
  gint64 id = koers_department_get_id (fx->base.marketing);

  g_hash_table_insert (fx->capacities, g_memdup2 (&id, sizeof id),
                       koers_capacity_new (id, "2026-Q2", days, 0));
}

static GListModel *
run (Fixture *fx)
{
  KoersQualityInput input;

  koers_quality_input_init (&input, G_LIST_MODEL (fx->base.departments),
                            G_LIST_MODEL (fx->base.objectives), &fx->base.period);
  input.capacities = fx->capacities;
  input.escalated = fx->escalated;
  return koers_quality_check (&input);
}

static KoersObjective *
add_aspirational (Fixture *fx,
                  double   effort)
{
  KoersObjective *objective = koers_test_quality_add_objective (&fx->base, fx->base.marketing,
                                                                "Reach 50.000 newsletter readers",
                                                                KOERS_OBJECTIVE_KIND_ASPIRATIONAL,
                                                                "2026-Q2", fx->base.company_objective);

  g_object_set (objective, "effort-days", effort, NULL);
  return objective;
}

static void
test_committed_over_capacity (Fixture      *fx,
                              gconstpointer data)
{
  g_autoptr (GListModel) over = NULL;
  g_autoptr (GListModel) fits = NULL;
  KoersQualityFinding *finding;

  set_capacity (fx, 40);
  g_object_set (fx->base.objective, "effort-days", 50.0, NULL);
  over = run (fx);
  finding = koers_test_quality_assert_fires (over, KOERS_QUALITY_RULE_COMMITTED_OVER_CAPACITY, 0);
  g_assert_cmpint (koers_quality_finding_get_severity (finding), ==, KOERS_QUALITY_SEVERITY_ERROR);
  g_assert_nonnull (strstr (koers_quality_finding_get_message (finding, KOERS_LANGUAGE_EN), "50"));
  g_assert_nonnull (strstr (koers_quality_finding_get_message (finding, KOERS_LANGUAGE_NL), "40"));

  g_object_set (fx->base.objective, "effort-days", 38.0, NULL);
  fits = run (fx);
  g_assert_null (koers_test_quality_find (fits, KOERS_QUALITY_RULE_COMMITTED_OVER_CAPACITY, 0));
  g_assert_null (koers_test_quality_find (fits, KOERS_QUALITY_RULE_TOTAL_OVER_CAPACITY, 0));
  g_assert_null (koers_test_quality_find (fits, KOERS_QUALITY_RULE_CAPACITY_UNDERUSED, 0));
}

static void
test_total_over_capacity (Fixture      *fx,
                          gconstpointer data)
{
  g_autoptr (GListModel) a_little = NULL;
  g_autoptr (GListModel) too_much = NULL;
  KoersObjective *aspirational;

  set_capacity (fx, 100);
  g_object_set (fx->base.objective, "effort-days", 80.0, NULL);
  /* 118 %: "iets méér" is allowed. */
  aspirational = add_aspirational (fx, 38);
  a_little = run (fx);
  g_assert_null (koers_test_quality_find (a_little, KOERS_QUALITY_RULE_TOTAL_OVER_CAPACITY, 0));

  g_object_set (aspirational, "effort-days", 70.0, NULL);
  too_much = run (fx);
  koers_test_quality_assert_fires (too_much, KOERS_QUALITY_RULE_TOTAL_OVER_CAPACITY, 0);
  g_assert_null (koers_test_quality_find (too_much, KOERS_QUALITY_RULE_COMMITTED_OVER_CAPACITY, 0));
}

static void
test_underused (Fixture      *fx,
                gconstpointer data)
{
  g_autoptr (GListModel) low = NULL;
  g_autoptr (GListModel) used = NULL;

  set_capacity (fx, 100);
  g_object_set (fx->base.objective, "effort-days", 20.0, NULL);
  low = run (fx);
  koers_test_quality_assert_fires (low, KOERS_QUALITY_RULE_CAPACITY_UNDERUSED, 0);

  g_object_set (fx->base.objective, "effort-days", 90.0, NULL);
  used = run (fx);
  g_assert_null (koers_test_quality_find (used, KOERS_QUALITY_RULE_CAPACITY_UNDERUSED, 0));
}

static void
test_no_effort (Fixture      *fx,
                gconstpointer data)
{
  g_autoptr (GListModel) without = NULL;
  g_autoptr (GListModel) with = NULL;
  g_autoptr (GListModel) no_capacity_kept = NULL;
  gint64 id = koers_objective_get_id (fx->base.objective);

  set_capacity (fx, 100);
  without = run (fx);
  koers_test_quality_assert_fires (without, KOERS_QUALITY_RULE_NO_EFFORT_ESTIMATE, id);
  /* No aspirational one is asked for an estimate. */
  add_aspirational (fx, 0);
  g_object_set (fx->base.objective, "effort-days", 70.0, NULL);
  with = run (fx);
  g_assert_cmpuint (koers_test_quality_count_rule (with, KOERS_QUALITY_RULE_NO_EFFORT_ESTIMATE), ==, 0);

  /* A database that keeps no capacity hears nothing about it. */
  g_object_set (fx->base.objective, "effort-days", 0.0, NULL);
  g_hash_table_remove_all (fx->capacities);
  no_capacity_kept = run (fx);
  g_assert_cmpuint (koers_test_quality_count_rule (no_capacity_kept, KOERS_QUALITY_RULE_NO_EFFORT_ESTIMATE), ==, 0);
}

static void
add_checkin (KoersKeyResult    *kr,
             const char        *date,
             KoersCheckinStatus status)
{
  g_autoptr (KoersCheckin) checkin = koers_checkin_new (date, 10, status, "");

  koers_key_result_add_checkin (kr, checkin);
}

static void
test_not_escalated (Fixture      *fx,
                    gconstpointer data)
{
  g_autoptr (GListModel) once = NULL;
  g_autoptr (GListModel) twice = NULL;
  g_autoptr (GListModel) escalated = NULL;
  KoersKeyResult *kr = fx->base.kr1;

  add_checkin (kr, "2026-04-10", KOERS_CHECKIN_STATUS_ON_TRACK);
  add_checkin (kr, "2026-04-24", KOERS_CHECKIN_STATUS_AT_RISK);
  once = run (fx);
  g_assert_null (koers_test_quality_find (once, KOERS_QUALITY_RULE_NOT_ESCALATED, 0));

  add_checkin (kr, "2026-05-08", KOERS_CHECKIN_STATUS_OFF_TRACK);
  twice = run (fx);
  koers_test_quality_assert_fires (twice, KOERS_QUALITY_RULE_NOT_ESCALATED, koers_key_result_get_id (kr));

  g_hash_table_add (fx->escalated, g_strdup (koers_key_result_get_uuid (kr)));
  escalated = run (fx);
  g_assert_null (koers_test_quality_find (escalated, KOERS_QUALITY_RULE_NOT_ESCALATED, 0));
}

static void
test_use_words (void)
{
  g_autoptr (KoersCapacity) capacity = koers_capacity_new (1, "2026-Q2", 100, 5000);
  g_autoptr (GListStore) objectives = g_list_store_new (KOERS_TYPE_OBJECTIVE);
  g_autoptr (KoersObjective) committed = koers_objective_new ("A", KOERS_LEVEL_DEPARTMENT,
                                                              KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2");
  g_autoptr (KoersObjective) aspirational = koers_objective_new ("B", KOERS_LEVEL_DEPARTMENT,
                                                                 KOERS_OBJECTIVE_KIND_ASPIRATIONAL, "2026-Q2");
  g_autoptr (KoersObjective) archived = koers_objective_new ("C", KOERS_LEVEL_DEPARTMENT,
                                                             KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2");
  g_autofree char *words = NULL;
  KoersPeriod      period;
  KoersCapacityUse use;

  g_assert_true (koers_period_parse ("2026-Q2", &period, NULL));
  g_object_set (committed, "department-id", (gint64) 1, "effort-days", 85.0, NULL);
  g_object_set (aspirational, "department-id", (gint64) 1, "effort-days", 33.0, NULL);
  g_object_set (archived, "department-id", (gint64) 1, "effort-days", 500.0, "archived", TRUE, NULL);
  g_list_store_append (objectives, committed);
  g_list_store_append (objectives, aspirational);
  g_list_store_append (objectives, archived);

  koers_format_set_language (KOERS_LANGUAGE_EN);
  koers_capacity_use_compute (&use, G_LIST_MODEL (objectives), 1, &period, capacity);
  words = koers_capacity_use_describe (&use);
  g_assert_cmpstr (words, ==, "Committed work uses 85% of capacity; with aspirational work 118%.");
  g_assert_cmpuint (use.n_objectives, ==, 2);

  /* An approved request adds its days. */
  g_object_set (committed, "request-days", 20.0, "request-state", KOERS_REQUEST_STATE_APPROVED, NULL);
  koers_capacity_use_compute (&use, G_LIST_MODEL (objectives), 1, &period, capacity);
  g_assert_cmpfloat (use.available, ==, 120.0);
  g_assert_cmpfloat (koers_capacity_fte_to_days (2.5, 60), ==, 150.0);
}

static void
test_parse_amount (void)
{
  g_autoptr (GError) error = NULL;
  double value = -1;

  koers_format_set_language (KOERS_LANGUAGE_NL);
  g_assert_true (koers_capacity_parse_amount ("8,5", 1e6, &value, NULL));
  g_assert_cmpfloat (value, ==, 8.5);
  g_assert_true (koers_capacity_parse_amount (" ", 1e6, &value, NULL));
  g_assert_cmpfloat (value, ==, 0.0);
  g_assert_false (koers_capacity_parse_amount ("-3", 1e6, &value, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (koers_capacity_parse_amount ("veel", 1e6, &value, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (koers_capacity_parse_amount ("10000000000000000", 1e12, &value, &error));
  g_assert_nonnull (error);
  koers_format_set_language (KOERS_LANGUAGE_EN);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)
  ADD ("/quality-capacity/committed-over", test_committed_over_capacity);
  ADD ("/quality-capacity/total-over", test_total_over_capacity);
  ADD ("/quality-capacity/underused", test_underused);
  ADD ("/quality-capacity/no-effort", test_no_effort);
  ADD ("/quality-capacity/not-escalated", test_not_escalated);
#undef ADD
  g_test_add_func ("/quality-capacity/use-words", test_use_words);
  g_test_add_func ("/quality-capacity/parse-amount", test_parse_amount);

  return g_test_run ();
}
