/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the quality tests: a small model in memory, checks over it, and
 * ways to look for findings. */

#include "core/koers-department.h"
#include "core/koers-quality.h"

G_BEGIN_DECLS

/* A small company checked in 2026-Q2 on 15 May (KOERS_TODAY): the
 * company level with three yearly objectives, and Marketing with one
 * objective that supports it.  As set up, nothing is wrong with them;
 * each test breaks one thing and looks for the finding. */
typedef struct
{
  GListStore      *departments;
  GListStore      *objectives;
  KoersDepartment *company;
  KoersDepartment *marketing;
  KoersObjective  *company_objective;
  KoersObjective  *objective;
  KoersKeyResult  *kr1;
  KoersKeyResult  *kr2;
  KoersPeriod      period;
  gint64           next_id;
} KoersTestQuality;

/* g_test_add() setup and teardown. */
void koers_test_quality_set_up (KoersTestQuality *fx,
                                gconstpointer     data);
void koers_test_quality_tear_down (KoersTestQuality *fx,
                                   gconstpointer     data);
/* (transfer none) A department with an id and a uuid. */
KoersDepartment *koers_test_quality_add_department (KoersTestQuality *fx,
                                                    const char       *name,
                                                    gboolean          is_company);
/* (transfer none) A key result owned by Marketing's lead, due on due. */
KoersKeyResult *koers_test_quality_add_key_result (KoersTestQuality *fx,
                                                   KoersObjective   *objective,
                                                   const char       *title,
                                                   KoersMetricKind   kind,
                                                   double            start,
                                                   double            target,
                                                   const char       *due);
/* (transfer none) An objective with two sound key results. */
KoersObjective *koers_test_quality_add_objective (KoersTestQuality  *fx,
                                                  KoersDepartment   *dept,
                                                  const char        *title,
                                                  KoersObjectiveKind kind,
                                                  const char        *period,
                                                  KoersObjective    *aligned_to);
/* (transfer none) The objective's key result at index. */
KoersKeyResult *koers_test_quality_get_key_result (KoersObjective *objective,
                                                   guint           index);
/* The findings (new) of the check over the model in period (NULL: the
 * fixture's), with what the optional arguments give. */
GListModel *koers_test_quality_run_full (KoersTestQuality          *fx,
                                         const KoersPeriod         *period,
                                         GHashTable                *dismissed,
                                         KoersQualityPostmortemFunc postmortem,
                                         KoersQualityGradeFunc      grade,
                                         gpointer                   user_data);
GListModel *koers_test_quality_run (KoersTestQuality *fx);
/* (transfer none) (nullable): the finding of rule about subject_id, an
 * objective or key result id (0: any). */
KoersQualityFinding *koers_test_quality_find (GListModel *findings,
                                              const char *rule_id,
                                              gint64      subject_id);
guint                koers_test_quality_count_rule (GListModel *findings,
                                                    const char *rule_id);
/* Both languages say something, and not the same thing; nothing is left
 * unfilled. */
void koers_test_quality_assert_bilingual (KoersQualityFinding *finding);
/* (transfer none) The finding of rule about subject_id; the test fails
 * without it or when it is not bilingual. */
KoersQualityFinding *koers_test_quality_assert_fires (GListModel *findings,
                                                      const char *rule_id,
                                                      gint64      subject_id);
/* Every key result of objective at fraction of the way to its target. */
void koers_test_quality_set_all_current (KoersObjective *objective,
                                         double          fraction);

G_END_DECLS
