/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "koers-format.h"
#include "koers-objective.h"
#include "koers-period.h"
#include "koers-quality-finding.h"
#include "koers-quality-rule.h"

G_BEGIN_DECLS

/* The OKR quality check: runs every rule of koers-quality-rule.h over the
 * model in memory (the store's lists) for one period.  Pure: no I/O, no
 * GTK. */

/* TRUE when the objective has a postmortem. */
typedef gboolean (*KoersQualityPostmortemFunc) (KoersObjective *objective,
                                                gpointer        user_data);
/* TRUE, with *grade (0..1), when a review gave the objective a final grade. */
typedef gboolean (*KoersQualityGradeFunc) (KoersObjective *objective,
                                           double         *grade,
                                           gpointer        user_data);

typedef struct _KoersQualityInput
{
  /* KoersDepartment items (nullable): their order orders the findings,
   * and they name departments in messages. */
  GListModel *departments;
  /* KoersObjective items, all periods: the rules also look at the
   * previous period and at objectives aligned to in other periods. */
  GListModel *objectives;
  /* The period checked: objectives whose period overlaps it. */
  const KoersPeriod *period;
  /* Only these departments' findings (n_department_ids 0: every
   * department's); the other objectives still count as what these align
   * to. */
  const gint64 *department_ids;
  guint         n_department_ids;
  /* NULL: koers_date_today(). */
  const GDate *today;
  /* Finding keys (char *) a person dismissed; nullable. */
  GHashTable *dismissed;
  /* Also return dismissed findings, with their dismissed property set. */
  gboolean include_dismissed;
  /* NULL: the objective's own "postmortem" and "final-grade" properties
   * (a blank postmortem is none; without a final grade, the score). */
  KoersQualityPostmortemFunc has_postmortem;
  KoersQualityGradeFunc      get_final_grade;
  gpointer                   user_data;
  /* Capacity (koers-quality-capacity.c): gint64 * department id ->
   * KoersCapacity of the period checked; NULL: no capacity checks. */
  GHashTable *capacities;
  /* The uuids (char *) of objectives and key results with an escalation;
   * NULL: the escalation check does not run. */
  GHashTable *escalated;
} KoersQualityInput;

/* Zeroes input and sets the three fields every check needs. */
void koers_quality_input_init (KoersQualityInput *input,
                               GListModel        *departments,
                               GListModel        *objectives,
                               const KoersPeriod *period);

/* Whether input's findings include department_id's. */
gboolean koers_quality_input_asks_for (const KoersQualityInput *input,
                                       gint64                   department_id);

/* (transfer full): a GListModel of KoersQualityFinding, ordered by
 * department, then objective and key result, as the lists order them;
 * department findings come before their objectives'. */
GListModel *koers_quality_check (const KoersQualityInput *input);

/* How many findings a check gave: those open by severity, and those
 * dismissed. */
typedef struct
{
  guint by_severity[KOERS_QUALITY_SEVERITY_ERROR + 1];
  guint n_dismissed;
} KoersQualityCounts;

/* The counts of findings, a GListModel of KoersQualityFinding. */
KoersQualityCounts koers_quality_count (GListModel *findings);

/* A set for KoersQualityInput.dismissed (keys are g_free'd). */
GHashTable *koers_quality_dismissed_new (void);

/* Findings about objective_id (and its key results) that are not
 * dismissed; *worst (nullable) gets the highest severity when there is
 * any. */
guint koers_quality_count_for_objective (GListModel           *findings,
                                         gint64                objective_id,
                                         KoersQualitySeverity *worst);

typedef enum
{
  KOERS_QUALITY_REPORT_DEFAULT = 0,
  /* Also print each finding's explanation and hint. */
  KOERS_QUALITY_REPORT_EXPLAIN = 1 << 0,
} KoersQualityReportFlags;

/* Runs the check and appends a plain-text report to out, in lang: a
 * heading with the counts, a line with how many key results have each
 * status (koers-status-words.h), then one block per finding (severity, rule id,
 * where: department › objective › key result, message).  Returns TRUE
 * when any error-severity finding stands (is not dismissed): `koers
 * --check` exits non-zero then. */
gboolean koers_quality_print_report (const KoersQualityInput *input,
                                     KoersLanguage            lang,
                                     KoersQualityReportFlags  flags,
                                     GString                 *out);

G_END_DECLS
