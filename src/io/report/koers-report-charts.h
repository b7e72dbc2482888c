/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "koers-report-layout.h"

G_BEGIN_DECLS

/* The key results' statuses from best to worst: the order of the status
 * bars, their legends and the dashboard's table of counts. */
#define KOERS_REPORT_N_STATUSES 5
extern const KoersKrStatus koers_report_status_order[KOERS_REPORT_N_STATUSES];

/* Horizontal bars of each department's score at the cursor, with the 0.7
 * line; each department's name links to its section (the dashboard's). */
void koers_report_chart_department_scores (KoersReportLayout *layout);

/* One part of a split bar: its count, its colour, and the symbol and word
 * of its entry in the legend. */
typedef struct
{
  guint                   count;
  const KoersReportColor *color;
  KoersKrStatus           symbol;
  const char             *label;
} KoersReportBarPart;

/* A bar split into n_parts parts (in the legend's order) after label, with
 * a legend of symbols, words and counts under it, at the cursor; the key
 * results' and the KPIs' bars look alike this way. */
void koers_report_chart_split_bar (KoersReportLayout        *layout,
                                   const char               *label,
                                   const KoersReportBarPart *parts,
                                   guint                     n_parts);

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

/* Fills box with what item's chart, w points wide, shows: a key result's
 * (koers_report_chart_fill_key_result) or a KPI's
 * (koers_report_kpi_chart_fill); its texts are the box's, for
 * koers_report_chart_box_clear(). */
typedef void (*KoersReportChartFill) (KoersReportLayout   *layout,
                                      gconstpointer        item,
                                      double               w,
                                      KoersReportChartBox *box);
void koers_report_chart_fill_key_result (KoersReportLayout   *layout,
                                         gconstpointer        item,
                                         double               w,
                                         KoersReportChartBox *box);
void koers_report_chart_box_clear (KoersReportChartBox *box);

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
/* Grows size to what item's chart (filled by fill) w points wide needs. */
void koers_report_chart_measure (KoersReportLayout    *layout,
                                 KoersReportChartFill  fill,
                                 gconstpointer         item,
                                 double                w,
                                 KoersReportChartSize *size);
/* item's chart in a row of size, at x, y, w. */
void koers_report_chart_sized (KoersReportLayout          *layout,
                               KoersReportChartFill        fill,
                               gconstpointer               item,
                               double                      x,
                               double                      y,
                               double                      w,
                               const KoersReportChartSize *size);
/* item's chart alone in the box x, y, w, as tall as it needs; returns
 * that height.  A key result's shows its check-in values over the
 * objective's period against the ideal line from start to target; a
 * KPI's, its values over the period against its thresholds. */
double koers_report_chart_single (KoersReportLayout   *layout,
                                  KoersReportChartFill fill,
                                  gconstpointer        item,
                                  double               x,
                                  double               y,
                                  double               w);
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

/* A plot's range of values: koers_report_chart_include() widens lo..hi
 * (from the fixed lines it shows) to each value that is finite;
 * koers_report_chart_fit_range() then makes it 0 to 1 where it is not
 * finite, never empty (a flat line at the bottom, or centred), and adds
 * air (a fraction) above and below. */
void koers_report_chart_include (double *lo,
                                 double *hi,
                                 double  value);
void koers_report_chart_fit_range (double  *lo,
                                   double  *hi,
                                   gboolean centre_flat,
                                   double   air);
/* Clips to the plot x, y, w, h (with room for its dots) and draws its
 * baseline; the caller restores the cairo state after the plot. */
void koers_report_chart_begin_plot (KoersReportLayout *layout,
                                    double             x,
                                    double             y,
                                    double             w,
                                    double             h);

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
