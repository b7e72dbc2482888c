/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "core/koers-enums.h"
#include "core/koers-format.h"

G_BEGIN_DECLS

/* The report's own words, in English and Dutch side by side.  The report
 * speaks the language its options ask for, which need not be the language
 * of the user interface (gettext's), so these do not go through gettext at
 * run time; a table is also safe to read from the report's worker thread. */
typedef enum
{
  KOERS_REPORT_STR_OUR_ORGANISATION,
  KOERS_REPORT_STR_TITLE,
  KOERS_REPORT_STR_SUBTITLE,
  KOERS_REPORT_STR_PERIOD,
  KOERS_REPORT_STR_REPORT_DATE,
  KOERS_REPORT_STR_SCOPE,
  KOERS_REPORT_STR_WHOLE_COMPANY,
  KOERS_REPORT_STR_CONFIDENTIAL,
  KOERS_REPORT_STR_CONFIDENTIAL_SHORT,
  KOERS_REPORT_STR_PAGE_X_OF_Y,
  KOERS_REPORT_STR_GENERATED_ON,
  KOERS_REPORT_STR_SUMMARY,
  KOERS_REPORT_STR_OVERALL_SCORE,
  KOERS_REPORT_STR_OVERALL_SCORE_NOTE,
  KOERS_REPORT_STR_OBJECTIVES,
  KOERS_REPORT_STR_KEY_RESULTS,
  KOERS_REPORT_STR_COMMITTED,
  KOERS_REPORT_STR_COMMITTED_LINE,
  KOERS_REPORT_STR_ASPIRATIONAL,
  KOERS_REPORT_STR_ASPIRATIONAL_LINE,
  KOERS_REPORT_STR_ASPIRATIONAL_NONE,
  KOERS_REPORT_STR_EXPECTED_NOTE,
  KOERS_REPORT_STR_TOP_RISKS,
  KOERS_REPORT_STR_NO_RISKS,
  KOERS_REPORT_STR_SCORE_PER_DEPARTMENT,
  KOERS_REPORT_STR_GOAL_LINE,
  KOERS_REPORT_STR_ALIGNMENT,
  KOERS_REPORT_STR_ALIGNMENT_INTRO,
  KOERS_REPORT_STR_NO_SUPPORT,
  KOERS_REPORT_STR_NOT_ALIGNED,
  KOERS_REPORT_STR_ALIGNED_TO_ARCHIVED,
  KOERS_REPORT_STR_DEPARTMENTS,
  KOERS_REPORT_STR_DEPARTMENT_LINE,
  KOERS_REPORT_STR_NO_OBJECTIVES,
  KOERS_REPORT_STR_COL_LEVEL,
  KOERS_REPORT_STR_COL_OBJECTIVE,
  KOERS_REPORT_STR_COL_KEY_RESULT,
  KOERS_REPORT_STR_COL_START,
  KOERS_REPORT_STR_COL_TARGET,
  KOERS_REPORT_STR_COL_CURRENT,
  KOERS_REPORT_STR_COL_STATUS,
  KOERS_REPORT_STR_COL_OWNER,
  KOERS_REPORT_STR_COL_DEPARTMENT,
  KOERS_REPORT_STR_COL_PROGRESS,
  KOERS_REPORT_STR_COL_NOTE,
  KOERS_REPORT_STR_COL_SCORE,
  KOERS_REPORT_STR_TRENDS,
  KOERS_REPORT_STR_NO_KEY_RESULTS,
  KOERS_REPORT_STR_NO_CHECKINS,
  KOERS_REPORT_STR_DUE,
  KOERS_REPORT_STR_CONTINUED,
  KOERS_REPORT_STR_APPENDIX,
  KOERS_REPORT_STR_MISSED,
  KOERS_REPORT_STR_MISSED_INTRO,
  KOERS_REPORT_STR_NO_MISSED,
  KOERS_REPORT_STR_GDPR,
  KOERS_REPORT_STR_GDPR_INTRO,
  KOERS_REPORT_STR_NO_GDPR,
  KOERS_REPORT_STR_NO_NOTE,
  KOERS_REPORT_STR_SCORING,
  KOERS_REPORT_STR_SCORING_PROGRESS,
  KOERS_REPORT_STR_SCORING_OBJECTIVE,
  KOERS_REPORT_STR_SCORING_BANDS,
  KOERS_REPORT_STR_SCORING_SUCCESS,
  KOERS_REPORT_STR_SCORING_STATUS,
  KOERS_REPORT_STR_SUBJECT,
  KOERS_REPORT_STR_CHART_IDEAL,
  KOERS_REPORT_STR_CHART_CHECKINS,
  KOERS_REPORT_STR_NOW,
  /* KPIs (koers-report-kpis.c) */
  KOERS_REPORT_STR_KPIS,
  KOERS_REPORT_STR_KPI_HEADING,
  KOERS_REPORT_STR_KPI_INTRO,
  KOERS_REPORT_STR_COL_KPI,
  KOERS_REPORT_STR_COL_HEALTHY,
  KOERS_REPORT_STR_COL_ATTENTION,
  KOERS_REPORT_STR_COL_LAST_UPDATE,
  KOERS_REPORT_STR_COL_TREND,
  KOERS_REPORT_STR_KPI_TRENDS,
  KOERS_REPORT_STR_KPI_NO_VALUES,
  KOERS_REPORT_STR_KPI_MOVED_BY,
  KOERS_REPORT_STR_KPI_UPDATE_DUE,
  KOERS_REPORT_STR_TREND_BETTER,
  KOERS_REPORT_STR_TREND_WORSE,
  KOERS_REPORT_STR_TREND_UNCHANGED,
  KOERS_REPORT_STR_TREND_ONE_VALUE,
  KOERS_REPORT_STR_CHART_VALUES,
  KOERS_REPORT_STR_CHART_HEALTHY,
  KOERS_REPORT_STR_CHART_ATTENTION,
  KOERS_REPORT_STR_KPI_SUMMARY_NOTE,
  /* The board's first questions (koers-report-board.c) */
  KOERS_REPORT_STR_ATTENTION,
  KOERS_REPORT_STR_ATTENTION_COMMITTED,
  KOERS_REPORT_STR_ATTENTION_STALE,
  KOERS_REPORT_STR_ATTENTION_NO_KEY_RESULTS,
  KOERS_REPORT_STR_ATTENTION_NO_OKRS,
  KOERS_REPORT_STR_ATTENTION_NONE,
  KOERS_REPORT_STR_ATTENTION_NO_SECTION,
  KOERS_REPORT_STR_COL_LAST_CHECKIN,
  KOERS_REPORT_STR_NEVER_CHECKED_IN,
  KOERS_REPORT_STR_DAYS_AGO,
  KOERS_REPORT_STR_COL_CHANGE,
  KOERS_REPORT_STR_CHANGE_NOTE,
  KOERS_REPORT_STR_TRENDS_ALL,
  N_KOERS_REPORT_STRS
} KoersReportStr;

/* The string in lang (never NULL). */
const char *koers_report_str (KoersLanguage  lang,
                              KoersReportStr id);
/* The string with "{1}", "{2}", "{3}" replaced by a1..a3 (NULL leaves the
 * placeholder out).  Placeholders instead of printf formats, so the order
 * of the words may differ between languages. */
char *koers_report_str_format (KoersLanguage  lang,
                               KoersReportStr id,
                               const char    *a1,
                               const char    *a2,
                               const char    *a3);
/* The same for any text with those placeholders (the dashboard's words). */
char *koers_report_text_expand (const char *text,
                                const char *a1,
                                const char *a2,
                                const char *a3);

const char *koers_report_level_label (KoersLanguage lang,
                                      KoersLevel    level);
const char *koers_report_kind_label (KoersLanguage      lang,
                                     KoersObjectiveKind kind);
/* What the report counts. */
typedef enum
{
  KOERS_REPORT_COUNT_OBJECTIVES,
  KOERS_REPORT_COUNT_KEY_RESULTS,
} KoersReportCount;

/* n with its noun in lang, singular for 1: "1 objective", "2
 * doelstellingen", the number as koers-format writes it. */
char *koers_report_count_format (KoersLanguage    lang,
                                 KoersReportCount what,
                                 guint            n);

const char *koers_report_status_label (KoersLanguage lang,
                                       KoersKrStatus status);
/* "Healthy", "Gezond" … and "Monthly", "Maandelijks" … */
const char *koers_report_kpi_status_label (KoersLanguage  lang,
                                           KoersKpiStatus status);
const char *koers_report_kpi_frequency_label (KoersLanguage     lang,
                                              KoersKpiFrequency frequency);

G_END_DECLS
