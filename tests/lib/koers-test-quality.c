/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "core/koers-date.h"
#include "koers-test-quality.h"

KoersDepartment *
koers_test_quality_add_department (KoersTestQuality *fx,
                                   const char       *name,
                                   gboolean          is_company)
{
  g_autoptr (KoersDepartment) dept = koers_department_new (name, NULL);
  g_autofree char *uuid = g_strdup_printf ("dept-%" G_GINT64_FORMAT, fx->next_id);

  koers_department_set_id (dept, fx->next_id++);
  koers_department_set_uuid (dept, uuid);
  koers_department_set_is_company (dept, is_company);
  g_list_store_append (fx->departments, dept);
  return dept;
}

KoersKeyResult *
koers_test_quality_add_key_result (KoersTestQuality *fx,
                                   KoersObjective   *objective,
                                   const char       *title,
                                   KoersMetricKind   kind,
                                   double            start,
                                   double            target,
                                   const char       *due)
{
  g_autoptr (KoersKeyResult) kr = koers_key_result_new (title, kind, start, target, NULL);
  g_autofree char *uuid = g_strdup_printf ("kr-%" G_GINT64_FORMAT, fx->next_id);

  koers_key_result_set_id (kr, fx->next_id++);
  koers_key_result_set_uuid (kr, uuid);
  koers_key_result_set_objective_id (kr, koers_objective_get_id (objective));
  koers_key_result_set_owner (kr, "Marketing lead");
  koers_key_result_set_due_date (kr, due);
  koers_key_result_set_position (kr, (int) g_list_model_get_n_items (koers_objective_get_key_results (objective)));
  koers_objective_insert_key_result (objective, kr);
  return kr;
}

KoersObjective *
koers_test_quality_add_objective (KoersTestQuality  *fx,
                                  KoersDepartment   *dept,
                                  const char        *title,
                                  KoersObjectiveKind kind,
                                  const char        *period,
                                  KoersObjective    *aligned_to)
{
  g_autoptr (KoersObjective) objective = NULL;
  g_autofree char *uuid = g_strdup_printf ("obj-%" G_GINT64_FORMAT, fx->next_id);
  KoersLevel       level = koers_department_get_is_company (dept) ? KOERS_LEVEL_COMPANY : KOERS_LEVEL_DEPARTMENT;

  objective = koers_objective_new (title, level, kind, period);
  koers_objective_set_id (objective, fx->next_id++);
  koers_objective_set_uuid (objective, uuid);
  koers_objective_set_department_id (objective, koers_department_get_id (dept));
  koers_objective_set_owner (objective, "Marketing team");
  if (aligned_to != NULL)
    koers_objective_set_aligned_to_id (objective, koers_objective_get_id (aligned_to));
  g_list_store_append (fx->objectives, objective);

  koers_test_quality_add_key_result (fx, objective, "Raise the conversion rate from 18% to 25%",
                                     KOERS_METRIC_KIND_PERCENTAGE, 18, 25, "2026-06-12");
  koers_test_quality_add_key_result (fx, objective, "Cut the sales cycle from 60 to 48 days",
                                     KOERS_METRIC_KIND_NUMBER, 60, 48, "2026-05-29");
  return objective;
}

KoersKeyResult *
koers_test_quality_get_key_result (KoersObjective *objective,
                                   guint           index)
{
  g_autoptr (KoersKeyResult) kr = g_list_model_get_item (koers_objective_get_key_results (objective), index);

  return kr; /* the objective holds a reference */
}

void
koers_test_quality_set_up (KoersTestQuality *fx,
                           gconstpointer     data)
{
  fx->next_id = 1;
  fx->departments = g_list_store_new (KOERS_TYPE_DEPARTMENT);
  fx->objectives = g_list_store_new (KOERS_TYPE_OBJECTIVE);
  fx->company = koers_test_quality_add_department (fx, "Example Company", TRUE);
  fx->marketing = koers_test_quality_add_department (fx, "IT & Marketing", FALSE);
  fx->company_objective = koers_test_quality_add_objective (fx, fx->company, "Double monthly sign-ups",
                                                            KOERS_OBJECTIVE_KIND_ASPIRATIONAL, "2026", NULL);
  fx->objective = koers_test_quality_add_objective (fx, fx->marketing, "Make our email campaigns count",
                                                    KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2", fx->company_objective);
  fx->kr1 = koers_test_quality_get_key_result (fx->objective, 0);
  fx->kr2 = koers_test_quality_get_key_result (fx->objective, 1);
  /* The seed's "3 tot 5 hoofddoelstellingen" for the company,
   * after the others so that their ids stay as they were. */
  koers_test_quality_add_objective (fx, fx->company, "Grow sales in Belgium", KOERS_OBJECTIVE_KIND_COMMITTED,
                                    "2026", NULL);
  koers_test_quality_add_objective (fx, fx->company, "Win customers in Canada", KOERS_OBJECTIVE_KIND_COMMITTED,
                                    "2026", NULL);
  g_assert_true (koers_period_parse ("2026-Q2", &fx->period, NULL));
}

void
koers_test_quality_tear_down (KoersTestQuality *fx,
                              gconstpointer     data)
{
  g_clear_object (&fx->departments);
  g_clear_object (&fx->objectives);
}

GListModel *
koers_test_quality_run_full (KoersTestQuality          *fx,
                             const KoersPeriod         *period,
                             GHashTable                *dismissed,
                             KoersQualityPostmortemFunc postmortem,
                             KoersQualityGradeFunc      grade,
                             gpointer                   user_data)
{
  KoersQualityInput input;

  koers_quality_input_init (&input, G_LIST_MODEL (fx->departments), G_LIST_MODEL (fx->objectives),
                            period != NULL ? period : &fx->period);
  input.dismissed = dismissed;
  input.has_postmortem = postmortem;
  input.get_final_grade = grade;
  input.user_data = user_data;
  return koers_quality_check (&input);
}

GListModel *
koers_test_quality_run (KoersTestQuality *fx)
{
  return koers_test_quality_run_full (fx, NULL, NULL, NULL, NULL, NULL);
}

KoersQualityFinding *
koers_test_quality_find (GListModel *findings,
                         const char *rule_id,
                         gint64      subject_id)
{
  guint n = g_list_model_get_n_items (findings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersQualityFinding) finding = g_list_model_get_item (findings, i);

      if (!g_str_equal (koers_quality_finding_get_rule_id (finding), rule_id))
        continue;
      if (subject_id == 0 ||
          koers_quality_finding_get_key_result_id (finding) == subject_id ||
          (koers_quality_finding_get_key_result_id (finding) == 0 &&
           koers_quality_finding_get_objective_id (finding) == subject_id))
        return finding; /* the list holds a reference */
    }

  return NULL;
}

guint
koers_test_quality_count_rule (GListModel *findings,
                               const char *rule_id)
{
  guint n = g_list_model_get_n_items (findings);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersQualityFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (koers_quality_finding_get_rule_id (finding), rule_id))
        count++;
    }

  return count;
}

void
koers_test_quality_assert_bilingual (KoersQualityFinding *finding)
{
  const char *en = koers_quality_finding_get_message (finding, KOERS_LANGUAGE_EN);
  const char *nl = koers_quality_finding_get_message (finding, KOERS_LANGUAGE_NL);

  g_assert_cmpstr (en, !=, "");
  g_assert_cmpstr (nl, !=, "");
  g_assert_cmpstr (en, !=, nl);
  g_assert_null (strchr (en, '{'));
  g_assert_null (strchr (nl, '{'));
  g_assert_cmpstr (koers_quality_finding_get_explanation (finding, KOERS_LANGUAGE_EN), !=,
                   koers_quality_finding_get_explanation (finding, KOERS_LANGUAGE_NL));
  g_assert_cmpstr (koers_quality_finding_get_explanation (finding, KOERS_LANGUAGE_NL), !=, "");
}

KoersQualityFinding *
koers_test_quality_assert_fires (GListModel *findings,
                                 const char *rule_id,
                                 gint64      subject_id)
{
  KoersQualityFinding *finding = koers_test_quality_find (findings, rule_id, subject_id);

  if (finding == NULL)
    g_error ("expected %s about %" G_GINT64_FORMAT, rule_id, subject_id);
  koers_test_quality_assert_bilingual (finding);
  return finding;
}

void
koers_test_quality_set_all_current (KoersObjective *objective,
                                    double          fraction)
{
  GListModel *krs = koers_objective_get_key_results (objective);

  for (guint i = 0; i < g_list_model_get_n_items (krs); i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, i);
      double start = koers_key_result_get_start_value (kr);

      koers_key_result_set_current_value (kr, start + (koers_key_result_get_target_value (kr) - start) * fraction);
    }
}
