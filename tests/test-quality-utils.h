/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the quality tests: a small model in memory, checks over it,
 * and ways to look for findings. */

#include <string.h>

#include "core/koers-date.h"
#include "core/koers-department.h"
#include "core/koers-quality.h"

/* A small company checked in 2026-Q2 on 15 May (KOERS_TODAY): the
 * company level with one yearly objective, and Marketing with one
 * objective that supports it.  As set up, nothing is wrong with them;
 * each test breaks one thing and looks for the finding. */
typedef struct
{
  GListStore *departments;
  GListStore *objectives;
  KoersDepartment *company;
  KoersDepartment *marketing;
  KoersObjective *company_objective;
  KoersObjective *objective;
  KoersKeyResult *kr1;
  KoersKeyResult *kr2;
  KoersPeriod period;
  gint64 next_id;
} Fixture;

static inline KoersDepartment *
add_department (Fixture    *fx,
                const char *name,
                gboolean    is_company)
{
  g_autoptr(KoersDepartment) dept = koers_department_new (name, NULL);
  g_autofree char *uuid = g_strdup_printf ("dept-%" G_GINT64_FORMAT, fx->next_id);

  koers_department_set_id (dept, fx->next_id++);
  koers_department_set_uuid (dept, uuid);
  koers_department_set_is_company (dept, is_company);
  g_list_store_append (fx->departments, dept);
  return dept;
}

static inline KoersKeyResult *
add_key_result (Fixture        *fx,
                KoersObjective *objective,
                const char     *title,
                KoersMetricKind kind,
                double          start,
                double          target,
                const char     *due)
{
  g_autoptr(KoersKeyResult) kr = koers_key_result_new (title, kind, start, target, NULL);
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

/* An objective with two sound key results. */
static inline KoersObjective *
add_objective (Fixture            *fx,
               KoersDepartment    *dept,
               const char         *title,
               KoersObjectiveKind  kind,
               const char         *period,
               KoersObjective     *aligned_to)
{
  g_autoptr(KoersObjective) objective = NULL;
  g_autofree char *uuid = g_strdup_printf ("obj-%" G_GINT64_FORMAT, fx->next_id);
  KoersLevel level = koers_department_get_is_company (dept) ? KOERS_LEVEL_COMPANY : KOERS_LEVEL_DEPARTMENT;

  objective = koers_objective_new (title, level, kind, period);
  koers_objective_set_id (objective, fx->next_id++);
  koers_objective_set_uuid (objective, uuid);
  koers_objective_set_department_id (objective, koers_department_get_id (dept));
  koers_objective_set_owner (objective, "Marketing team");
  if (aligned_to != NULL)
    koers_objective_set_aligned_to_id (objective, koers_objective_get_id (aligned_to));
  g_list_store_append (fx->objectives, objective);

  add_key_result (fx, objective, "Raise the conversion rate from 18% to 25%",
                  KOERS_METRIC_KIND_PERCENTAGE, 18, 25, "2026-06-12");
  add_key_result (fx, objective, "Cut the sales cycle from 60 to 48 days",
                  KOERS_METRIC_KIND_NUMBER, 60, 48, "2026-05-29");
  return objective;
}

static inline KoersKeyResult *
get_kr (KoersObjective *objective,
        guint           index)
{
  g_autoptr(KoersKeyResult) kr = g_list_model_get_item (koers_objective_get_key_results (objective), index);

  return kr;  /* the objective holds a reference */
}

static inline void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->next_id = 1;
  fx->departments = g_list_store_new (KOERS_TYPE_DEPARTMENT);
  fx->objectives = g_list_store_new (KOERS_TYPE_OBJECTIVE);
  fx->company = add_department (fx, "Example Company", TRUE);
  fx->marketing = add_department (fx, "IT & Marketing", FALSE);
  fx->company_objective = add_objective (fx, fx->company, "Double monthly sign-ups",
                                         KOERS_OBJECTIVE_KIND_ASPIRATIONAL, "2026", NULL);
  fx->objective = add_objective (fx, fx->marketing, "Make our email campaigns count",
                                 KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2", fx->company_objective);
  fx->kr1 = get_kr (fx->objective, 0);
  fx->kr2 = get_kr (fx->objective, 1);
  g_assert_true (koers_period_parse ("2026-Q2", &fx->period, NULL));
}

static inline void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->departments);
  g_clear_object (&fx->objectives);
}

static inline GListModel *
run_full (Fixture                   *fx,
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

static inline GListModel *
run (Fixture *fx)
{
  return run_full (fx, NULL, NULL, NULL, NULL, NULL);
}

/* (transfer none) (nullable): the finding of rule about subject_id, an
 * objective or key result id (0: any). */
static inline KoersQualityFinding *
find (GListModel *findings,
      const char *rule_id,
      gint64      subject_id)
{
  guint n = g_list_model_get_n_items (findings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KoersQualityFinding) finding = g_list_model_get_item (findings, i);

      if (!g_str_equal (koers_quality_finding_get_rule_id (finding), rule_id))
        continue;
      if (subject_id == 0 ||
          koers_quality_finding_get_key_result_id (finding) == subject_id ||
          (koers_quality_finding_get_key_result_id (finding) == 0 &&
           koers_quality_finding_get_objective_id (finding) == subject_id))
        return finding;  /* the list holds a reference */
    }

  return NULL;
}

static inline guint
count_rule (GListModel *findings,
            const char *rule_id)
{
  guint n = g_list_model_get_n_items (findings);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KoersQualityFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (koers_quality_finding_get_rule_id (finding), rule_id))
        count++;
    }

  return count;
}

/* Both languages say something, and not the same thing; nothing is left
 * unfilled. */
static inline void
assert_bilingual (KoersQualityFinding *finding)
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

static inline KoersQualityFinding *
assert_fires (GListModel *findings,
              const char *rule_id,
              gint64      subject_id)
{
  KoersQualityFinding *finding = find (findings, rule_id, subject_id);

  if (finding == NULL)
    g_error ("expected %s about %" G_GINT64_FORMAT, rule_id, subject_id);
  assert_bilingual (finding);
  return finding;
}

static inline void
set_all_current (KoersObjective *objective,
                 double          fraction)
{
  GListModel *krs = koers_objective_get_key_results (objective);

  for (guint i = 0; i < g_list_model_get_n_items (krs); i++)
    {
      g_autoptr(KoersKeyResult) kr = g_list_model_get_item (krs, i);
      double start = koers_key_result_get_start_value (kr);

      koers_key_result_set_current_value (kr, start + (koers_key_result_get_target_value (kr) - start) * fraction);
    }
}

