/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "koers-report-charts.h"
#include "koers-report-layout.h"

G_BEGIN_DECLS

/* KPIs next to the OKRs in the board report (the seed: "Gebruik OKR's
 * samen met KPI's in rapportering aan de raad van bestuur"): a page per
 * department with a table (value, thresholds, status, last update, trend)
 * and small charts of the period's values, and a line in the summary
 * that counts them by health. */

/* The titles of the key results of period that move each KPI: KPI id
 * (gint64) -> GPtrArray of strings, in the store's order. */
GHashTable *koers_report_kpis_index_moved_by (KoersStore        *store,
                                              const KoersPeriod *period);
/* Snapshot, on the store's thread: dept's KPIs as they stood at the
 * report's end (data's period and report date), into dept->kpis;
 * moved_by from koers_report_kpis_index_moved_by(). */
void koers_report_kpis_collect (KoersStore            *store,
                                const KoersReportData *data,
                                KoersReportDepartment *dept,
                                GHashTable            *moved_by);

/* The report's KPIs by status (counts indexed by KoersKpiStatus); the
 * number of them. */
guint koers_report_kpis_count (const KoersReportData *data,
                               guint                 *by_status);
/* Units of work the KPI pages report (one per department with KPIs). */
guint koers_report_kpis_count_units (const KoersReportData *data);

/* The summary's line: "KPIs" and each status's symbol, name and count, at
 * the cursor (nothing when the report has no KPIs). */
void koers_report_kpis_summary_line (KoersReportLayout *layout);

/* dept's KPI heading and table, when it has KPIs; outline_parent: its
 * bookmark.  FALSE when cancelled. */
gboolean koers_report_kpis_department (KoersReportLayout           *layout,
                                       const KoersReportDepartment *dept,
                                       int                          outline_parent);

/* Shared by koers-report-kpis.c and koers-report-kpi-charts.c. */

/* A KPI's health in the key results' symbols (and their colours). */
KoersKrStatus           koers_report_kpi_symbol (KoersKpiStatus status);
const KoersReportColor *koers_report_kpi_color (KoersKpiStatus status);
/* A value with its unit; "≥ 50" or "≤ 45 days". */
char *koers_report_kpi_format_value (KoersLanguage         lang,
                                     const KoersReportKpi *kpi,
                                     double                value);
char *koers_report_kpi_format_threshold (KoersLanguage         lang,
                                         const KoersReportKpi *kpi,
                                         double                threshold);

/* koers-report-kpi-charts.c: what one KPI's chart shows, for
 * koers_report_chart_single() and the rows of charts
 * (koers-report-charts.h), whose legend it draws too. */
void koers_report_kpi_chart_fill (KoersReportLayout   *layout,
                                  gconstpointer        item,
                                  double               w,
                                  KoersReportChartBox *box);

G_END_DECLS
