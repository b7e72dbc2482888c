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

/* The small charts of key results and KPIs: a title of up to four lines,
 * a line or two of values, the plot with its months, and a note.  A row
 * of them is as tall as its tallest title, values and note need. */
#define KOERS_REPORT_CHART_PAD 5.0
#define KOERS_REPORT_CHART_TITLE_LINES 4
#define KOERS_REPORT_CHART_PLOT_HEIGHT 24.0
#define KOERS_REPORT_CHART_TICKS_HEIGHT 10.0

typedef struct
{
  double title;  /* points */
  double values; /* points */
  double note;   /* 0 without notes in the row */
} KoersReportChartSize;

void   koers_report_chart_size_grow (KoersReportChartSize *size,
                                     PangoLayout          *title,
                                     PangoLayout          *values,
                                     PangoLayout          *note);
double koers_report_chart_size_height (const KoersReportChartSize *size);

/* What a small chart shows; its plot drawn by plot into x, y, w, h. */
typedef struct
{
  KoersKrStatus      symbol;
  PangoLayout       *title;
  PangoLayout       *values;
  PangoLayout       *note; /* nullable */
  const KoersPeriod *period;
  const char        *empty; /* over the plot when it has nothing to draw */
  void (*plot) (KoersReportLayout *layout, gconstpointer item, double x, double y, double w, double h);
  gconstpointer item;
} KoersReportChartBox;

/* A chart's title and note (NULL without notes), w wide. */
PangoLayout *koers_report_chart_title (KoersReportLayout *layout,
                                       const char        *text,
                                       double             w);
PangoLayout *koers_report_chart_note (KoersReportLayout *layout,
                                      const char        *text,
                                      double             w);
/* Draws box in a row of size at x, y, w. */
void koers_report_chart_box (KoersReportLayout          *layout,
                             const KoersReportChartBox  *box,
                             const KoersReportChartSize *size,
                             double                      x,
                             double                      y,
                             double                      w);

/* The height of a typical key result chart (two lines of title, one of
 * values, a note): what a heading keeps with it. */
double koers_report_chart_key_result_height (KoersReportLayout *layout);
/* One key result: its check-in values over the objective's period against
 * the ideal line from start to target, in the box x, y, w, as tall as it
 * needs; returns that height. */
double koers_report_chart_key_result (KoersReportLayout          *layout,
                                      const KoersReportKeyResult *kr,
                                      double                      x,
                                      double                      y,
                                      double                      w);
/* Grows size to what kr's chart w points wide needs. */
void koers_report_chart_key_result_measure (KoersReportLayout          *layout,
                                            const KoersReportKeyResult *kr,
                                            double                      w,
                                            KoersReportChartSize       *size);
/* kr's chart in a row of size. */
void koers_report_chart_key_result_sized (KoersReportLayout          *layout,
                                          const KoersReportKeyResult *kr,
                                          double                      x,
                                          double                      y,
                                          double                      w,
                                          const KoersReportChartSize *size);
/* Month names under a plot of w points from x that spans period
 * (n_days long), with their tops at y. */
void koers_report_chart_month_ticks (KoersReportLayout *layout,
                                     const KoersPeriod *period,
                                     int                n_days,
                                     double             x,
                                     double             y,
                                     double             w);
/* Where date stands on a plot from x, w wide, of the n_days from start
 * on (clamped to it); where value stands on a plot from y, h tall, of
 * the values lo to hi (a value that is not finite stands at lo). */
double koers_report_chart_date_x (const GDate *date,
                                  const GDate *start,
                                  int          n_days,
                                  double       x,
                                  double       w);
double koers_report_chart_value_y (double value,
                                   double lo,
                                   double hi,
                                   double y,
                                   double h);

/* A horizontal line from x1 to x2 at y, 0.8 points wide, in color and
 * with dashes (n_dashes of them; 0 for a solid line). */
void koers_report_chart_stroke_hline (cairo_t                *cr,
                                      double                  x1,
                                      double                  x2,
                                      double                  y,
                                      const KoersReportColor *color,
                                      const double           *dashes,
                                      int                     n_dashes);

typedef enum
{
  KOERS_REPORT_LEGEND_KEY_RESULTS, /* check-ins, ideal line, report date */
  KOERS_REPORT_LEGEND_KPIS,        /* values, healthy and attention lines */
} KoersReportLegend;

/* The legend the key result or KPI charts share, from x on the cursor's
 * line; grows height to its own, returns the x after it. */
double koers_report_chart_legend (KoersReportLayout *layout,
                                  KoersReportLegend  legend,
                                  double             x,
                                  double            *height);

G_END_DECLS
