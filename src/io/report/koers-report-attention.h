/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "koers-report-data.h"

G_BEGIN_DECLS

/* What a board asks first: the lists of "needs attention" on the summary
 * pages, from the report's data alone (no Cairo, no store), so any output
 * that shows the same story (the PDF, an HTML dashboard) reads them here. */

/* Days without a check-in after which a key result needs attention. */
#define KOERS_REPORT_STALE_DAYS 14

typedef struct
{
  /* Committed objectives at risk or off track (KoersReportObjective). */
  GPtrArray *committed_in_trouble;
  /* Key results not achieved, without a check-in for STALE_DAYS days by
   * the report date (KoersReportKeyResult); one never checked in counts
   * once its period has run that long. */
  GPtrArray *stale_key_results;
  /* Objectives without key results (KoersReportObjective). */
  GPtrArray *without_key_results;
  /* Departments without objectives in the period (KoersReportDepartment). */
  GPtrArray *departments_without_okrs;
} KoersReportAttention;

/* The lists point into data (not owned); free with
 * koers_report_attention_free before data. */
KoersReportAttention *koers_report_attention_collect (const KoersReportData *data);
void                  koers_report_attention_free (KoersReportAttention *attention);
/* Everything in the four lists. */
guint koers_report_attention_count (const KoersReportAttention *attention);

/* Days since kr's newest check-in on the report date; -1 without one. */
int koers_report_key_result_days_silent (const KoersReportData      *data,
                                         const KoersReportKeyResult *kr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersReportAttention, koers_report_attention_free)

G_END_DECLS
