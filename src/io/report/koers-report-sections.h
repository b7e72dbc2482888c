/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "koers-report-layout.h"

G_BEGIN_DECLS

/* The report's parts, in order.  Each starts on a new page and reports
 * its progress through koers_report_layout_tick(); each returns FALSE when
 * the work was cancelled. */

#define KOERS_REPORT_DEST_SUMMARY "summary"
#define KOERS_REPORT_DEST_ALIGNMENT "alignment"
#define KOERS_REPORT_DEST_APPENDIX "appendix"
#define KOERS_REPORT_DEST_ATTENTION "attention"
#define KOERS_REPORT_DEST_DEPARTMENT_SCORES "department-scores"

/* How many units of work the parts report, for the progress fraction. */
guint koers_report_sections_count_units (const KoersReportData *data);

/* koers-report-sections.c */
gboolean koers_report_section_cover (KoersReportLayout *layout);
gboolean koers_report_section_summary (KoersReportLayout *layout);
gboolean koers_report_section_alignment (KoersReportLayout *layout);

/* koers-report-board.c: parts of the summary.  Each department's score,
 * status and change since the period before; the needs-attention lists. */
void koers_report_board_departments (KoersReportLayout *layout);
void koers_report_board_attention (KoersReportLayout *layout);

/* koers-report-departments.c */
gboolean koers_report_section_departments (KoersReportLayout *layout);
gboolean koers_report_section_appendix (KoersReportLayout *layout);

/* The owner to show for a key result: its own, else its objective's. */
const char *koers_report_key_result_owner (const KoersReportKeyResult *kr);
/* The objective's owner, or "—". */
const char *koers_report_objective_owner (const KoersReportObjective *objective);

G_END_DECLS
