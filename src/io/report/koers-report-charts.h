/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "koers-report-layout.h"

G_BEGIN_DECLS

/* Horizontal bars of each department's score at the cursor, with the 0.7
 * line; each department's name links to its section (the dashboard's). */
void koers_report_chart_department_scores (KoersReportLayout *layout);

/* A bar split by status (counts indexed by KoersKrStatus) with a legend of
 * symbols and counts, at the cursor. */
void koers_report_chart_status_bar (KoersReportLayout *layout,
                                    const char        *label,
                                    const guint       *counts);

/* The height of one key result chart. */
double koers_report_chart_key_result_height (KoersReportLayout *layout);
/* One key result: its check-in values over the objective's period against
 * the ideal line from start to target, in the box x, y, w. */
void koers_report_chart_key_result (KoersReportLayout          *layout,
                                    const KoersReportKeyResult *kr,
                                    double                      x,
                                    double                      y,
                                    double                      w);
/* Month names under a plot of w points from x that spans period
 * (n_days long), with their tops at y. */
void koers_report_chart_month_ticks (KoersReportLayout *layout,
                                     const KoersPeriod *period,
                                     int                n_days,
                                     double             x,
                                     double             y,
                                     double             w);
/* The legend the key result charts share, at the cursor. */
void koers_report_chart_key_result_legend (KoersReportLayout *layout);

G_END_DECLS
