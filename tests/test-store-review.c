/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "core/koers-date.h"
#include "koers-store-private.h"
#include "koers-store-review.h"
#include "koers-test-store.h"

/* The first department after the company. */
static KoersDepartment *
get_department (KoersStore *store,
                guint       index)
{
  g_autoptr (KoersDepartment) dept = g_list_model_get_item (koers_store_get_departments (store), index + 1);

  g_assert_nonnull (dept);
  return dept; /* the store holds it */
}

static KoersKeyResult *
get_kr (KoersObjective *objective,
        guint           index)
{
  g_autoptr (KoersKeyResult) kr = g_list_model_get_item (koers_objective_get_key_results (objective), index);

  g_assert_nonnull (kr);
  return kr; /* the objective holds it */
}

/* An objective in period with two key results: a number 0 -> 100 at 40
 * (a check-in), due 20 May, and a milestone that is done. */
static KoersObjective *
add_objective (KoersStore        *store,
               KoersDepartment   *dept,
               KoersObjectiveKind kind,
               const char        *period)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersObjective) objective = koers_objective_new ("Double monthly sign-ups", KOERS_LEVEL_DEPARTMENT,
                                                              kind, period);
  g_autoptr (KoersKeyResult) number = koers_key_result_new ("SEO brings 100 sign-ups", KOERS_METRIC_KIND_NUMBER,
                                                            0, 100, "sign-ups");
  g_autoptr (KoersKeyResult) milestone = koers_key_result_new ("Two calls to action", KOERS_METRIC_KIND_MILESTONE,
                                                               0, 1, NULL);
  g_autoptr (KoersCheckin) checkin = koers_checkin_new ("2026-05-10", 40, KOERS_CHECKIN_STATUS_ON_TRACK, "Halfway");

  koers_objective_set_department_id (objective, koers_department_get_id (dept));
  koers_objective_set_owner (objective, "Marketing team");
  g_assert_true (koers_store_add_objective (store, objective, &error));
  g_assert_no_error (error);

  koers_key_result_set_due_date (number, "2026-05-20");
  koers_key_result_set_owner (number, "SEO lead");
  koers_key_result_set_uses_personal_data (number, TRUE);
  koers_key_result_set_personal_data_note (number, "Consent at sign-up");
  g_assert_true (koers_store_add_key_result (store, objective, number, &error));
  g_assert_no_error (error);
  g_assert_true (koers_store_add_checkin (store, number, checkin, &error));
  g_assert_no_error (error);

  koers_key_result_set_due_date (milestone, "2026-06-30");
  koers_key_result_set_current_value (milestone, 1);
  g_assert_true (koers_store_add_key_result (store, objective, milestone, &error));
  g_assert_no_error (error);

  return objective; /* the store holds it */
}

static KoersObjective *
find_carried_copy (KoersStore     *store,
                   KoersObjective *original)
{
  GListModel *objectives = koers_store_get_objectives (store);

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);

      if (koers_objective_get_carried_over_from_id (objective) == koers_objective_get_id (original))
        return objective;
    }

  return NULL;
}

static void
test_migration (KoersTestDir *fixture,
                gconstpointer data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *setup = NULL;
  g_autoptr (KoersStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  KoersObjective  *objective;
  KoersKeyResult  *kr;

  /* A database as Koers with schema 2 left it. */
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  setup = g_strdup_printf ("PRAGMA application_id = %d;\n%s%s"
                           "PRAGMA user_version = 2;\n"
                           "INSERT INTO departments (id, uuid, name, is_company, created, updated)"
                           " VALUES (1, 'c', 'Voorbeeldbedrijf', 1, 1, 1), (2, 'd', 'Verkoop', 0, 1, 1);\n"
                           "INSERT INTO objectives (id, uuid, department_id, title, level, kind, period,"
                           " state, created, updated)"
                           " VALUES (10, 'o', 2, 'Versterk partnernetwerk.', '%s', '%s', '2026-Q1', '%s', 1, 1);\n"
                           "INSERT INTO key_results (id, uuid, objective_id, title, metric_kind, start_value,"
                           " target_value, current_value, created, updated, uses_personal_data,"
                           " personal_data_note)"
                           " VALUES (20, 'k', 10, '10 nieuwe wederverkopers', '%s', 0, 10, 4, 1, 1, 1, 'Toestemming');\n"
                           "INSERT INTO checkins (id, uuid, key_result_id, date, value, status, created, updated)"
                           " VALUES (30, 'ch', 20, '2026-03-01', 4, '%s', 1, 1);\n",
                           KOERS_STORE_APPLICATION_ID,
                           koers_store_schema_get_ddl (1), koers_store_schema_get_ddl (2),
                           koers_level_to_string (KOERS_LEVEL_DEPARTMENT),
                           koers_objective_kind_to_string (KOERS_OBJECTIVE_KIND_COMMITTED),
                           koers_objective_state_to_string (KOERS_OBJECTIVE_STATE_ACTIVE),
                           koers_metric_kind_to_string (KOERS_METRIC_KIND_NUMBER),
                           koers_checkin_status_to_string (KOERS_CHECKIN_STATUS_ON_TRACK));
  koers_test_exec_raw (fixture->path, setup);
  g_assert_cmpint (koers_test_query_int (fixture->path, "PRAGMA user_version"), ==, 2);

  store = koers_test_open_store (fixture->path);
  g_assert_cmpint (koers_store_get_schema_version (store), ==, KOERS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (KOERS_STORE_SCHEMA_VERSION, >=, 3);

  /* Everything is still there. */
  objective = koers_store_find_objective (store, 10);
  g_assert_nonnull (objective);
  g_assert_cmpstr (koers_objective_get_title (objective), ==, "Versterk partnernetwerk.");
  g_assert_cmpint (koers_objective_get_department_id (objective), ==, 2);
  kr = koers_store_find_key_result (store, 20);
  g_assert_nonnull (kr);
  g_assert_cmpfloat (koers_key_result_get_current_value (kr), ==, 4);
  g_assert_cmpstr (koers_key_result_get_personal_data_note (kr), ==, "Toestemming");
  g_assert_cmpuint (g_list_model_get_n_items (koers_key_result_get_checkins (kr)), ==, 1);

  /* With nothing reviewed yet. */
  g_assert_cmpstr (koers_objective_get_postmortem (objective), ==, "");
  g_assert_false (koers_objective_has_final_grade (objective));
  g_assert_cmpfloat (koers_key_result_get_final_score (kr), ==, -1.0);
  g_assert_cmpuint (g_hash_table_size (koers_store_get_dismissed_findings (store)), ==, 0);

  /* And the new columns take a review. */
  koers_objective_set_postmortem (objective, "Te laat gestart.");
  koers_key_result_set_final_score (kr, 0.4);
  g_assert_true (koers_store_save_review (store, objective, &error));
  g_assert_no_error (error);
  g_assert_true (koers_store_dismiss_finding (store, "not-aligned:o", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (koers_test_query_int (fixture->path, "PRAGMA user_version"), ==, KOERS_STORE_SCHEMA_VERSION);
  title = koers_test_query_text (fixture->path, "SELECT postmortem FROM objectives WHERE id = 10");
  g_assert_cmpstr (title, ==, "Te laat gestart.");
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM checkins"), ==, 1);

  /* The migrated file opens with its review in the objects. */
  store = koers_test_open_store (fixture->path);
  g_assert_cmpstr (koers_objective_get_postmortem (koers_store_find_objective (store, 10)), ==,
                   "Te laat gestart.");
  g_assert_cmpfloat (koers_key_result_get_final_score (koers_store_find_key_result (store, 20)), ==, 0.4);
  g_assert_cmpint (koers_store_get_finding_dismissed_at (store, "not-aligned:o"), >, 0);
}

static void
test_carry_over (KoersTestDir *fixture,
                 gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  KoersDepartment *marketing = get_department (store, 4);
  KoersDepartment *sales = get_department (store, 5);
  KoersObjective  *original = add_objective (store, marketing, KOERS_OBJECTIVE_KIND_ASPIRATIONAL, "2026-Q2");
  KoersObjective  *copy = NULL;
  KoersKeyResult  *kr;
  gint64           original_id = koers_objective_get_id (original);
  gint64           copy_id;
  guint            n_objectives = g_list_model_get_n_items (koers_store_get_objectives (store));
  guint            changed = 0;

  g_signal_connect (store, "changed", G_CALLBACK (koers_test_count_cb), &changed);
  g_assert_cmpfloat_with_epsilon (koers_objective_get_score (original), 0.7, 1e-9);

  g_assert_true (koers_store_carry_over_objective (store, original, NULL, NULL, &copy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_nonnull (copy);
  copy_id = koers_objective_get_id (copy);
  g_assert_cmpint (copy_id, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_objectives (store)), ==, n_objectives + 1);
  g_assert_true (koers_store_find_objective (store, copy_id) == copy);

  /* The copy: next quarter, linked, the unfinished key result only,
   * starting where it got to. */
  g_assert_cmpstr (koers_objective_get_period (copy), ==, "2026-Q3");
  g_assert_cmpint (koers_objective_get_carried_over_from_id (copy), ==, original_id);
  g_assert_cmpint (koers_objective_get_department_id (copy), ==, koers_department_get_id (marketing));
  g_assert_cmpint (koers_objective_get_kind (copy), ==, KOERS_OBJECTIVE_KIND_ASPIRATIONAL);
  g_assert_cmpint (koers_objective_get_state (copy), ==, KOERS_OBJECTIVE_STATE_ACTIVE);
  g_assert_cmpstr (koers_objective_get_owner (copy), ==, "Marketing team");
  g_assert_cmpuint (g_list_model_get_n_items (koers_objective_get_key_results (copy)), ==, 1);
  kr = get_kr (copy, 0);
  g_assert_cmpstr (koers_key_result_get_title (kr), ==, "SEO brings 100 sign-ups");
  g_assert_cmpfloat (koers_key_result_get_start_value (kr), ==, 40);
  g_assert_cmpfloat (koers_key_result_get_current_value (kr), ==, 40);
  g_assert_cmpfloat (koers_key_result_get_target_value (kr), ==, 100);
  g_assert_true (koers_store_find_key_result (store, koers_key_result_get_id (kr)) == kr);
  /* 49 days into Q2 -> 49 days into Q3. */
  g_assert_cmpstr (koers_key_result_get_due_date (kr), ==, "2026-08-19");
  g_assert_true (koers_key_result_get_uses_personal_data (kr));
  g_assert_cmpstr (koers_key_result_get_owner (kr), ==, "SEO lead");
  g_assert_cmpuint (g_list_model_get_n_items (koers_key_result_get_checkins (kr)), ==, 0);

  /* The original: all its history, marked carried over. */
  g_assert_cmpint (koers_objective_get_state (original), ==, KOERS_OBJECTIVE_STATE_CARRIED_OVER);
  g_assert_cmpuint (g_list_model_get_n_items (koers_objective_get_key_results (original)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (koers_key_result_get_checkins (get_kr (original, 0))), ==, 1);

  /* Once only. */
  g_assert_false (koers_store_carry_over_objective (store, original, NULL, NULL, NULL, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpuint (changed, ==, 1);

  /* Not backwards in time. */
  {
    KoersPeriod q1;

    koers_period_init_quarter (&q1, 2026, 1);
    g_assert_false (koers_store_carry_over_objective (store, copy, &q1, NULL, NULL, &error));
    g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
  }

  /* To another department, in a chosen period: handed over on the way. */
  {
    KoersPeriod     q4;
    KoersObjective *handed = NULL;

    koers_period_init_quarter (&q4, 2026, 4);
    g_assert_true (koers_store_carry_over_objective (store, copy, &q4, sales, &handed, &error));
    g_assert_no_error (error);
    g_assert_cmpint (koers_objective_get_department_id (handed), ==, koers_department_get_id (sales));
    g_assert_cmpstr (koers_objective_get_period (handed), ==, "2026-Q4");
    g_assert_cmpint (koers_objective_get_carried_over_from_id (handed), ==, copy_id);
    /* Due as far into Q4 as into Q3: 19 November. */
    g_assert_cmpstr (koers_key_result_get_due_date (get_kr (handed, 0)), ==, "2026-11-19");
  }

  /* An achieved one needs no carrying over. */
  {
    KoersObjective *done = add_objective (store, marketing, KOERS_OBJECTIVE_KIND_ASPIRATIONAL, "2026-Q2");
    KoersKeyResult *number = get_kr (done, 0);
    g_autoptr (KoersCheckin) full = koers_checkin_new ("2026-05-12", 100, KOERS_CHECKIN_STATUS_NONE, NULL);

    g_assert_true (koers_store_add_checkin (store, number, full, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat (koers_objective_get_score (done), ==, 1.0);
    g_assert_false (koers_store_carry_over_objective (store, done, NULL, NULL, NULL, &error));
    g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
  }

  g_clear_object (&store);

  /* Stored, link and history included. */
  store = koers_test_open_store (fixture->path);
  original = koers_store_find_objective (store, original_id);
  copy = koers_store_find_objective (store, copy_id);
  g_assert_nonnull (original);
  g_assert_nonnull (copy);
  g_assert_true (find_carried_copy (store, original) == copy);
  g_assert_cmpint (koers_objective_get_state (original), ==, KOERS_OBJECTIVE_STATE_CARRIED_OVER);
  g_assert_cmpint (koers_objective_get_state (copy), ==, KOERS_OBJECTIVE_STATE_CARRIED_OVER);
  g_assert_cmpuint (g_list_model_get_n_items (koers_key_result_get_checkins (get_kr (original, 0))), ==, 1);
  g_assert_cmpfloat (koers_key_result_get_start_value (get_kr (copy, 0)), ==, 40);
}

static void
test_review (KoersTestDir *fixture,
             gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  KoersDepartment  *sales = get_department (store, 5);
  KoersObjective   *objective = add_objective (store, sales, KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q1");
  KoersKeyResult   *kr = get_kr (objective, 0);
  gint64            objective_id = koers_objective_get_id (objective);
  gint64            kr_id = koers_key_result_get_id (kr);
  KoersPeriod       q1;
  KoersQualityInput input;
  guint             changed = 0;

  koers_period_init_quarter (&q1, 2026, 1);
  g_signal_connect (store, "changed", G_CALLBACK (koers_test_count_cb), &changed);

  /* Q1 is over and the committed objective stands at 0.7. */
  koers_store_init_quality_input (store, &input, &q1);
  {
    g_autoptr (GListModel) findings = koers_quality_check (&input);
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
      {
        g_autoptr (KoersQualityFinding) finding = g_list_model_get_item (findings, i);

        if (koers_quality_finding_get_objective_id (finding) == objective_id &&
            g_str_equal (koers_quality_finding_get_rule_id (finding), KOERS_QUALITY_RULE_MISSED_WITHOUT_POSTMORTEM))
          found = TRUE;
      }
    g_assert_true (found);
  }

  koers_objective_set_postmortem (objective, "We planned without a buffer for the supplier.");
  koers_objective_set_final_grade (objective, 0.6);
  koers_objective_set_review_note (objective, "Graded down: the calls to action went live late.");
  koers_objective_set_state (objective, KOERS_OBJECTIVE_STATE_MISSED);
  koers_key_result_set_final_score (kr, 0.4);
  koers_key_result_set_final_note (kr, "40 of 100");
  g_assert_true (koers_store_save_review (store, objective, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);

  /* The postmortem answers the finding. */
  {
    g_autoptr (GListModel) findings = koers_quality_check (&input);

    for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
      {
        g_autoptr (KoersQualityFinding) finding = g_list_model_get_item (findings, i);

        g_assert_cmpstr (koers_quality_finding_get_rule_id (finding), !=, KOERS_QUALITY_RULE_MISSED_WITHOUT_POSTMORTEM);
      }
  }

  /* Only the store's own objects. */
  {
    g_autoptr (KoersObjective) stranger = koers_objective_new ("Elsewhere", KOERS_LEVEL_DEPARTMENT,
                                                               KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q1");

    g_assert_false (koers_store_save_review (store, stranger, &error));
    g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED);
    g_clear_error (&error);
  }

  g_clear_object (&store);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT final_grade * 10 FROM objectives WHERE postmortem IS NOT NULL"),
                   ==, 6);

  /* Read back: at open, with nothing else to call. */
  store = koers_test_open_store (fixture->path);
  objective = koers_store_find_objective (store, objective_id);
  kr = koers_store_find_key_result (store, kr_id);
  g_assert_cmpstr (koers_objective_get_postmortem (objective), ==, "We planned without a buffer for the supplier.");
  g_assert_cmpfloat (koers_objective_get_final_grade (objective), ==, 0.6);
  g_assert_cmpstr (koers_objective_get_review_note (objective), ==, "Graded down: the calls to action went live late.");
  g_assert_cmpint (koers_objective_get_state (objective), ==, KOERS_OBJECTIVE_STATE_MISSED);
  g_assert_cmpfloat (koers_key_result_get_final_score (kr), ==, 0.4);
  g_assert_cmpstr (koers_key_result_get_final_note (kr), ==, "40 of 100");
  g_assert_cmpfloat (koers_key_result_get_final_score (get_kr (objective, 1)), ==, -1.0);

  /* Ungraded again: NULL in the database. */
  koers_objective_set_final_grade (objective, -1);
  g_assert_true (koers_store_save_review (store, objective, &error));
  g_assert_no_error (error);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM objectives WHERE final_grade IS NOT NULL"), ==, 0);
}

static void
test_review_properties (void)
{
  g_autoptr (KoersObjective) objective = koers_objective_new ("O", KOERS_LEVEL_DEPARTMENT,
                                                              KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2");
  g_autoptr (KoersKeyResult) kr = koers_key_result_new ("K", KOERS_METRIC_KIND_NUMBER, 0, 1, NULL);
  double           grade;
  g_autofree char *postmortem = NULL;

  g_assert_cmpfloat (koers_objective_get_final_grade (objective), ==, -1.0);
  koers_objective_set_final_grade (objective, 1.5);
  g_assert_cmpfloat (koers_objective_get_final_grade (objective), ==, 1.0);
  koers_objective_set_final_grade (objective, -0.2);
  g_assert_false (koers_objective_has_final_grade (objective));
  g_object_set (objective, "final-grade", 0.3, "postmortem", "Why", NULL);
  g_object_get (objective, "final-grade", &grade, "postmortem", &postmortem, NULL);
  g_assert_cmpfloat (grade, ==, 0.3);
  g_assert_cmpstr (postmortem, ==, "Why");
  koers_objective_set_review_note (objective, NULL);
  g_assert_cmpstr (koers_objective_get_review_note (objective), ==, "");

  g_assert_cmpfloat (koers_key_result_get_final_score (kr), ==, -1.0);
  koers_key_result_set_final_score (kr, 0.25);
  g_assert_cmpfloat (koers_key_result_get_final_score (kr), ==, 0.25);
  koers_key_result_set_final_note (kr, "note");
  g_assert_cmpstr (koers_key_result_get_final_note (kr), ==, "note");
}

static void
test_dismissal (KoersTestDir *fixture,
                gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  KoersDepartment  *sales = get_department (store, 5);
  KoersObjective   *objective = add_objective (store, sales, KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2");
  g_autofree char  *key = g_strconcat (KOERS_QUALITY_RULE_NOT_ALIGNED, ":", koers_objective_get_uuid (objective), NULL);
  GHashTable       *dismissed = koers_store_get_dismissed_findings (store);
  KoersPeriod       q2;
  KoersQualityInput input;
  gint64            at;
  guint             changed = 0;

  koers_period_init_quarter (&q2, 2026, 2);
  g_signal_connect (store, "changed", G_CALLBACK (koers_test_count_cb), &changed);

  koers_store_init_quality_input (store, &input, &q2);
  {
    g_autoptr (GListModel) findings = koers_quality_check (&input);
    guint    n = g_list_model_get_n_items (findings);
    gboolean found = FALSE;

    for (guint i = 0; i < n; i++)
      {
        g_autoptr (KoersQualityFinding) finding = g_list_model_get_item (findings, i);

        found |= g_str_equal (koers_quality_finding_get_key (finding), key);
      }
    g_assert_true (found);
  }

  g_assert_true (koers_store_dismiss_finding (store, key, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  at = koers_store_get_finding_dismissed_at (store, key);
  g_assert_cmpint (at, >, 0);
  g_assert_true (g_hash_table_contains (dismissed, key));

  /* Twice: the first time stays. */
  g_assert_true (koers_store_dismiss_finding (store, key, &error));
  g_assert_cmpint (koers_store_get_finding_dismissed_at (store, key), ==, at);

  {
    g_autoptr (GListModel) findings = koers_quality_check (&input);

    for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
      {
        g_autoptr (KoersQualityFinding) finding = g_list_model_get_item (findings, i);

        g_assert_cmpstr (koers_quality_finding_get_key (finding), !=, key);
      }
  }

  g_assert_false (koers_store_dismiss_finding (store, "", &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_clear_object (&store);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT dismissed_at FROM dismissed_findings"), ==, at);

  /* Still dismissed after reopening; then shown again. */
  store = koers_test_open_store (fixture->path);
  g_assert_cmpint (koers_store_get_finding_dismissed_at (store, key), ==, at);
  g_assert_true (koers_store_undismiss_finding (store, key, &error));
  g_assert_no_error (error);
  g_assert_cmpint (koers_store_get_finding_dismissed_at (store, key), ==, 0);
  g_clear_object (&store);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM dismissed_findings"), ==, 0);
}

static void
test_hand_over (KoersTestDir *fixture,
                gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  KoersDepartment *marketing = get_department (store, 4);
  KoersDepartment *it = get_department (store, 6);
  KoersObjective  *objective = add_objective (store, marketing, KOERS_OBJECTIVE_KIND_ASPIRATIONAL, "2026-Q2");
  KoersObjective  *already = add_objective (store, it, KOERS_OBJECTIVE_KIND_ASPIRATIONAL, "2026-Q2");
  gint64           id = koers_objective_get_id (objective);
  gint64           company_id = koers_department_get_id (koers_store_get_company (store));
  g_autofree char *sql = NULL;

  g_assert_true (koers_store_hand_over_objective (store, objective, it, &error));
  g_assert_no_error (error);
  g_assert_cmpint (koers_objective_get_department_id (objective), ==, koers_department_get_id (it));
  g_assert_cmpint (koers_objective_get_level (objective), ==, KOERS_LEVEL_DEPARTMENT);
  /* After what the department had. */
  g_assert_cmpint (koers_objective_get_position (objective), >, koers_objective_get_position (already));
  g_assert_cmpuint (g_list_model_get_n_items (koers_key_result_get_checkins (get_kr (objective, 0))), ==, 1);

  /* To the company: the strategic level. */
  g_assert_true (koers_store_hand_over_objective (store, objective, koers_store_get_company (store), &error));
  g_assert_no_error (error);
  g_assert_cmpint (koers_objective_get_level (objective), ==, KOERS_LEVEL_COMPANY);

  g_clear_object (&store);
  sql = g_strdup_printf ("SELECT department_id FROM objectives WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (koers_test_query_int (fixture->path, sql), ==, company_id);
}

/* A review on objective and its first key result, through the store. */
static void
review_objective (KoersStore     *store,
                  KoersObjective *objective,
                  const char     *postmortem)
{
  g_autoptr (GError) error = NULL;
  KoersKeyResult *kr = get_kr (objective, 0);

  koers_objective_set_postmortem (objective, postmortem);
  koers_objective_set_final_grade (objective, 0.6);
  koers_objective_set_review_note (objective, "Graded down: “late”");
  koers_key_result_set_final_score (kr, 0.4);
  koers_key_result_set_final_note (kr, "40 of 100");
  g_assert_true (koers_store_save_review (store, objective, &error));
  g_assert_no_error (error);
}

static void
assert_reviewed (KoersObjective *objective,
                 const char     *postmortem)
{
  KoersKeyResult *kr = get_kr (objective, 0);

  g_assert_cmpstr (koers_objective_get_postmortem (objective), ==, postmortem);
  g_assert_cmpfloat (koers_objective_get_final_grade (objective), ==, 0.6);
  g_assert_cmpstr (koers_objective_get_review_note (objective), ==, "Graded down: “late”");
  g_assert_cmpfloat (koers_key_result_get_final_score (kr), ==, 0.4);
  g_assert_cmpstr (koers_key_result_get_final_note (kr), ==, "40 of 100");
  g_assert_cmpfloat (koers_key_result_get_final_score (get_kr (objective, 1)), ==, -1.0);
}

/* What the file says about one objective's review (and its scored key
 * result, and its carried-over-from link), as one string. */
static char *
query_review (const char *path,
              gint64      objective_id)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT o.postmortem || '|' || o.final_grade || '|' || o.review_note || '|'"
                     " || k.final_score || '|' || k.final_note || '|' || ifnull (o.carried_over_from_id, 0)"
                     " FROM objectives o JOIN key_results k ON k.objective_id = o.id"
                     " WHERE o.id = %" G_GINT64_FORMAT " AND k.final_score IS NOT NULL",
                     objective_id);

  return koers_test_query_text (path, sql);
}

static void
assert_review_stored (const char *path,
                      gint64      objective_id,
                      const char *expected)
{
  g_autofree char *stored = query_review (path, objective_id);

  g_assert_cmpstr (stored, ==, expected);
}

/* Undo of a delete brings the review back, in the objects and the file,
 * and the carried-over-from link both ways. */
static void
test_undo_keeps_review (KoersTestDir *fixture,
                        gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersObjective) original = NULL;
  g_autoptr (KoersObjective) copy = NULL;
  g_autoptr (KoersKeyResult) kr = NULL;
  g_autoptr (KoersDepartment) marketing = NULL;
  g_autoptr (GPtrArray) objectives = NULL;
  KoersObjective  *carried = NULL;
  g_autofree char *expected_original = NULL;
  g_autofree char *expected_copy = NULL;
  gint64           original_id, copy_id, kr_id;

  marketing = g_object_ref (get_department (store, 4));
  original = g_object_ref (add_objective (store, marketing, KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q1"));
  review_objective (store, original, "No buffer for the supplier.");
  g_assert_true (koers_store_carry_over_objective (store, original, NULL, NULL, &carried, &error));
  g_assert_no_error (error);
  copy = g_object_ref (carried);
  /* The copy starts without a review; it gets one of its own. */
  g_assert_false (koers_objective_has_final_grade (copy));
  g_assert_cmpstr (koers_objective_get_postmortem (copy), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (koers_objective_get_key_results (copy)), ==, 1);
  {
    g_autoptr (KoersKeyResult) extra = koers_key_result_new ("Unscored", KOERS_METRIC_KIND_NUMBER, 0, 5, NULL);

    g_assert_true (koers_store_add_key_result (store, copy, extra, &error));
    g_assert_no_error (error);
  }
  review_objective (store, copy, "Carried: still short.");

  original_id = koers_objective_get_id (original);
  copy_id = koers_objective_get_id (copy);
  expected_original = g_strdup ("No buffer for the supplier.|0.6|Graded down: “late”|0.4|40 of 100|0");
  expected_copy = g_strdup_printf ("Carried: still short.|0.6|Graded down: “late”|0.4|40 of 100|%" G_GINT64_FORMAT,
                                   original_id);
  assert_review_stored (fixture->path, original_id, expected_original);
  assert_review_stored (fixture->path, copy_id, expected_copy);

  /* Only an objective without check-ins can be deleted for good. */
  {
    g_autoptr (KoersCheckin) checkin = g_list_model_get_item (koers_key_result_get_checkins (get_kr (original, 0)), 0);

    g_assert_false (koers_store_delete_objective (store, original, &error));
    g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
    g_assert_true (koers_store_delete_checkin (store, checkin, &error));
    g_assert_no_error (error);
  }

  /* The original goes: the copy loses its link; the undo brings both back. */
  g_assert_true (koers_store_delete_objective (store, original, &error));
  g_assert_no_error (error);
  g_assert_cmpint (koers_objective_get_carried_over_from_id (copy), ==, 0);
  g_assert_null (query_review (fixture->path, original_id));
  g_assert_true (koers_store_restore_objective (store, original, &error));
  g_assert_no_error (error);
  assert_reviewed (original, "No buffer for the supplier.");
  g_assert_cmpint (koers_objective_get_state (original), ==, KOERS_OBJECTIVE_STATE_CARRIED_OVER);
  g_assert_cmpint (koers_objective_get_carried_over_from_id (copy), ==, original_id);
  assert_review_stored (fixture->path, original_id, expected_original);
  assert_review_stored (fixture->path, copy_id, expected_copy);

  /* The copy goes and comes back: its own link and review with it. */
  g_assert_true (koers_store_delete_objective (store, copy, &error));
  g_assert_no_error (error);
  g_assert_true (koers_store_restore_objective (store, copy, &error));
  g_assert_no_error (error);
  assert_reviewed (copy, "Carried: still short.");
  g_assert_cmpint (koers_objective_get_carried_over_from_id (copy), ==, original_id);
  assert_review_stored (fixture->path, copy_id, expected_copy);

  /* A key result on its own. */
  kr = g_object_ref (get_kr (original, 0));
  kr_id = koers_key_result_get_id (kr);
  g_assert_true (koers_store_delete_key_result (store, kr, &error));
  g_assert_no_error (error);
  g_assert_null (query_review (fixture->path, original_id));
  g_assert_true (koers_store_restore_key_result (store, original, kr, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (koers_key_result_get_final_score (kr), ==, 0.4);
  assert_review_stored (fixture->path, original_id, expected_original);

  /* The whole department: both objectives, and the link between them. */
  objectives = koers_store_list_department_objectives (store, marketing);
  g_assert_cmpuint (objectives->len, ==, 2);
  g_assert_true (koers_store_delete_department (store, marketing, &error));
  g_assert_no_error (error);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM objectives WHERE postmortem IS NOT NULL"), ==, 0);
  g_assert_true (koers_store_restore_department (store, marketing, objectives, &error));
  g_assert_no_error (error);
  assert_review_stored (fixture->path, original_id, expected_original);
  assert_review_stored (fixture->path, copy_id, expected_copy);

  /* And what was written is what the next open shows. */
  g_clear_object (&store);
  store = koers_test_open_store (fixture->path);
  assert_reviewed (koers_store_find_objective (store, original_id), "No buffer for the supplier.");
  assert_reviewed (koers_store_find_objective (store, copy_id), "Carried: still short.");
  g_assert_cmpint (koers_objective_get_carried_over_from_id (koers_store_find_objective (store, copy_id)), ==,
                   original_id);
  g_assert_cmpfloat (koers_key_result_get_final_score (koers_store_find_key_result (store, kr_id)), ==, 0.4);
}

/* add and save write the review too; a failed save shows the stored one
 * again. */
static void
test_save_writes_review (KoersTestDir *fixture,
                         gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersObjective) added = NULL;
  g_autoptr (KoersKeyResult) added_kr = NULL;
  g_autoptr (KoersObjective) copy = NULL;
  KoersDepartment *sales = get_department (store, 5);
  KoersObjective  *objective = add_objective (store, sales, KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q1");
  KoersKeyResult  *kr = get_kr (objective, 0);
  gint64           id = koers_objective_get_id (objective);
  g_autofree char *sql = NULL;
  g_autofree char *text = NULL;

  /* save_objective and save_key_result, on the store's own objects. */
  koers_objective_set_postmortem (objective, "Saved with the objective");
  koers_objective_set_final_grade (objective, 0.25);
  koers_objective_set_review_note (objective, "Note");
  g_assert_true (koers_store_save_objective (store, objective, &error));
  g_assert_no_error (error);
  koers_key_result_set_final_score (kr, 0.75);
  koers_key_result_set_final_note (kr, "Scored");
  g_assert_true (koers_store_save_key_result (store, kr, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT postmortem || '|' || ifnull (final_grade, 'none') || '|' || review_note"
                         " FROM objectives WHERE id = %" G_GINT64_FORMAT,
                         id);
  text = koers_test_query_text (fixture->path, sql);
  g_assert_cmpstr (text, ==, "Saved with the objective|0.25|Note");
  g_clear_pointer (&text, g_free);
  text = koers_test_query_text (fixture->path, "SELECT final_score || '|' || final_note FROM key_results"
                                               " WHERE final_score IS NOT NULL");
  g_assert_cmpstr (text, ==, "0.75|Scored");
  g_clear_pointer (&text, g_free);

  /* From a copy with the same id: the store's object takes its review. */
  copy = koers_objective_new ("Copied", KOERS_LEVEL_DEPARTMENT, KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q1");
  koers_objective_set_id (copy, id);
  koers_objective_set_department_id (copy, koers_department_get_id (sales));
  koers_objective_set_postmortem (copy, "From the copy");
  g_assert_true (koers_store_save_objective (store, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (koers_objective_get_postmortem (objective), ==, "From the copy");
  g_assert_false (koers_objective_has_final_grade (objective));
  g_assert_cmpstr (koers_objective_get_review_note (objective), ==, "");
  text = koers_test_query_text (fixture->path, sql);
  g_assert_cmpstr (text, ==, "From the copy|none|");
  g_clear_pointer (&text, g_free);

  /* A failed save puts the stored review back into the object. */
  koers_test_exec_raw (fixture->path,
                       "CREATE TRIGGER boom BEFORE UPDATE ON objectives WHEN NEW.title = 'Boom'"
                       " BEGIN SELECT RAISE (ABORT, 'boom'); END;"
                       "CREATE TRIGGER boom_kr BEFORE UPDATE ON key_results WHEN NEW.title = 'Boom'"
                       " BEGIN SELECT RAISE (ABORT, 'boom'); END");
  koers_objective_set_title (objective, "Boom");
  koers_objective_set_postmortem (objective, "Lost");
  koers_objective_set_final_grade (objective, 0.9);
  g_assert_false (koers_store_save_objective (store, objective, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpstr (koers_objective_get_title (objective), ==, "Copied");
  g_assert_cmpstr (koers_objective_get_postmortem (objective), ==, "From the copy");
  g_assert_false (koers_objective_has_final_grade (objective));
  koers_key_result_set_title (kr, "Boom");
  koers_key_result_set_final_score (kr, 0.1);
  koers_key_result_set_final_note (kr, "Lost too");
  g_assert_false (koers_store_save_key_result (store, kr, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpfloat (koers_key_result_get_final_score (kr), ==, 0.75);
  g_assert_cmpstr (koers_key_result_get_final_note (kr), ==, "Scored");

  /* add: an objective (with a key result) that holds a review already;
   * 0 is a grade, not "none". */
  added = koers_objective_new ("Brought in reviewed", KOERS_LEVEL_DEPARTMENT, KOERS_OBJECTIVE_KIND_COMMITTED,
                               "2026-Q1");
  koers_objective_set_department_id (added, koers_department_get_id (sales));
  koers_objective_set_postmortem (added, "Came with it");
  koers_objective_set_final_grade (added, 0);
  added_kr = koers_key_result_new ("Reviewed", KOERS_METRIC_KIND_NUMBER, 0, 10, NULL);
  koers_key_result_set_final_score (added_kr, 0);
  koers_key_result_set_final_note (added_kr, "Zero, not none");
  koers_objective_insert_key_result (added, added_kr);
  g_assert_true (koers_store_add_objective (store, added, &error));
  g_assert_no_error (error);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM objectives WHERE postmortem = 'Came with it'"
                                                        " AND final_grade = 0"),
                   ==, 1);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM key_results WHERE final_note = 'Zero, not none'"
                                                        " AND final_score = 0"),
                   ==, 1);
  {
    g_autoptr (KoersKeyResult) single = koers_key_result_new ("Single", KOERS_METRIC_KIND_NUMBER, 0, 10, NULL);

    koers_key_result_set_final_score (single, 1);
    g_assert_true (koers_store_add_key_result (store, added, single, &error));
    g_assert_no_error (error);
    g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM key_results WHERE final_score = 1"), ==, 1);
  }

  id = koers_objective_get_id (added);
  g_clear_object (&store);
  store = koers_test_open_store (fixture->path);
  objective = koers_store_find_objective (store, id);
  g_assert_cmpstr (koers_objective_get_postmortem (objective), ==, "Came with it");
  g_assert_true (koers_objective_has_final_grade (objective));
  g_assert_cmpfloat (koers_objective_get_final_grade (objective), ==, 0);
  g_assert_cmpfloat (koers_key_result_get_final_score (get_kr (objective, 0)), ==, 0);
  g_assert_cmpfloat (koers_key_result_get_final_score (get_kr (objective, 1)), ==, 1);
}

#define ADD(path, func) \
  g_test_add ("/store-review/" path, KoersTestDir, NULL, koers_test_dir_setup, func, koers_test_dir_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-review/properties", test_review_properties);
  ADD ("migration", test_migration);
  ADD ("carry-over", test_carry_over);
  ADD ("review", test_review);
  ADD ("dismissal", test_dismissal);
  ADD ("hand-over", test_hand_over);
  ADD ("undo-keeps-review", test_undo_keeps_review);
  ADD ("save-writes-review", test_save_writes_review);

  return g_test_run ();
}
