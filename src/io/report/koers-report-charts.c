/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "core/koers-date.h"
#include "koers-report-charts.h"

#define BAR_ROW_HEIGHT 17.0
#define BAR_HEIGHT 9.0
#define LABEL_WIDTH 150.0
#define VALUE_WIDTH 34.0
#define ASPIRATIONAL_GOAL 0.7

const KoersKrStatus koers_report_status_order[KOERS_REPORT_N_STATUSES] = {
  KOERS_KR_STATUS_ACHIEVED,
  KOERS_KR_STATUS_ON_TRACK,
  KOERS_KR_STATUS_IN_PROGRESS,
  KOERS_KR_STATUS_AT_RISK,
  KOERS_KR_STATUS_OFF_TRACK,
};

static void
dashed_vline (KoersReportLayout      *layout,
              double                  x,
              double                  y1,
              double                  y2,
              const KoersReportColor *color)
{
  static const double dashes[] = { 2.0, 2.0 };
  cairo_t            *cr = koers_report_layout_get_cairo (layout);

  if (!layout->drawing)
    return;

  cairo_save (cr);
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
  cairo_set_line_width (cr, 0.8);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, x, y1);
  cairo_line_to (cr, x, y2);
  koers_report_stroke (cr);
  cairo_restore (cr);
}

void
koers_report_chart_department_scores (KoersReportLayout *layout)
{
  const KoersReportData *data = layout->data;
  double                 bar_x = KOERS_REPORT_MARGIN_X + LABEL_WIDTH + 8.0;
  double                 bar_w = KOERS_REPORT_CONTENT_WIDTH - LABEL_WIDTH - 8.0 - VALUE_WIDTH - 6.0;
  double                 goal_x = bar_x + bar_w * ASPIRATIONAL_GOAL;
  g_autofree char       *goal = koers_format_score (layout->lang, ASPIRATIONAL_GOAL, 1);
  g_autofree char       *goal_text = koers_report_str_format (layout->lang, KOERS_REPORT_STR_GOAL_LINE,
                                                              goal, NULL, NULL);
  g_autoptr (PangoLayout) goal_layout = NULL;
  double goal_h;

  goal_layout = koers_report_layout_text (layout, KOERS_REPORT_FONT_CAPTION, goal_text, 80, 1,
                                          PANGO_ALIGN_CENTER);
  goal_h = koers_report_text_height (goal_layout);

  /* The label of the goal line, above the first bar. */
  koers_report_layout_ensure (layout, goal_h + 2 + BAR_ROW_HEIGHT * MIN (data->departments->len, 3));
  koers_report_layout_draw_text (layout, goal_layout, goal_x - 40, layout->y, &koers_report_muted);
  layout->y += goal_h + 2;

  for (guint i = 0; i < data->departments->len; i++)
    {
      const KoersReportDepartment *dept = g_ptr_array_index (data->departments, i);
      g_autoptr (PangoLayout) name = NULL;
      g_autoptr (PangoLayout) value = NULL;
      g_autofree char *score = NULL;
      double           y, text_y;

      if (dept->objectives->len == 0)
        continue;

      if (koers_report_layout_ensure (layout, BAR_ROW_HEIGHT))
        {
          koers_report_layout_draw_text (layout, goal_layout, goal_x - 40, layout->y, &koers_report_muted);
          layout->y += goal_h + 2;
        }
      y = layout->y;

      name = koers_report_layout_text (layout, KOERS_REPORT_FONT_SMALL, dept->name, LABEL_WIDTH, 1,
                                       PANGO_ALIGN_RIGHT);
      text_y = y + (BAR_ROW_HEIGHT - koers_report_text_height (name)) / 2;
      koers_report_layout_begin_link (layout, dept->dest);
      koers_report_layout_draw_text (layout, name, KOERS_REPORT_MARGIN_X, text_y, &koers_report_ink);
      koers_report_layout_end_link (layout);

      koers_report_layout_fill_rect (layout, bar_x, y + (BAR_ROW_HEIGHT - BAR_HEIGHT) / 2,
                                     bar_w, BAR_HEIGHT, &koers_report_shade);
      koers_report_layout_fill_rect (layout, bar_x, y + (BAR_ROW_HEIGHT - BAR_HEIGHT) / 2,
                                     bar_w * CLAMP (dept->score, 0.0, 1.0), BAR_HEIGHT,
                                     koers_report_score_color (dept->score));
      dashed_vline (layout, goal_x, y, y + BAR_ROW_HEIGHT, &koers_report_ink);

      score = koers_format_score (layout->lang, dept->score, 2);
      value = koers_report_layout_text (layout, KOERS_REPORT_FONT_SMALL_BOLD, score, VALUE_WIDTH, 1,
                                        PANGO_ALIGN_RIGHT);
      koers_report_layout_draw_text (layout, value,
                                     KOERS_REPORT_MARGIN_X + KOERS_REPORT_CONTENT_WIDTH - VALUE_WIDTH,
                                     text_y, &koers_report_ink);
      layout->y += BAR_ROW_HEIGHT;
    }
}

void
koers_report_chart_split_bar (KoersReportLayout        *layout,
                              const char               *label,
                              const KoersReportBarPart *parts,
                              guint                     n_parts)
{
  double label_w = 96.0;
  double bar_x = KOERS_REPORT_MARGIN_X + label_w + 8.0;
  double bar_w = KOERS_REPORT_CONTENT_WIDTH - label_w - 8.0;
  double bar_h = 12.0;
  g_autoptr (PangoLayout) name = NULL;
  double legend_x = bar_x;
  double legend_h = 0.0;
  double x = bar_x;
  guint  total = 0;
  double y;

  for (guint i = 0; i < n_parts; i++)
    total += parts[i].count;

  koers_report_layout_ensure (layout, bar_h + 18.0);
  y = layout->y;

  name = koers_report_layout_text (layout, KOERS_REPORT_FONT_SMALL_BOLD, label, label_w, 1,
                                   PANGO_ALIGN_LEFT);
  koers_report_layout_draw_text (layout, name, KOERS_REPORT_MARGIN_X,
                                 y + (bar_h - koers_report_text_height (name)) / 2, &koers_report_ink);

  if (total == 0)
    koers_report_layout_fill_rounded (layout, bar_x, y, bar_w, bar_h, 2.0, &koers_report_shade);

  /* Segments in the order of the legend, white gaps between them. */
  for (guint i = 0; i < n_parts && total > 0; i++)
    {
      guint  count = parts[i].count;
      double w = bar_w * count / total;
      g_autoptr (PangoLayout) number = NULL;
      g_autofree char *text = NULL;

      if (count == 0)
        continue;

      koers_report_layout_fill_rect (layout, x, y, MAX (w - 1.0, 0.5), bar_h, parts[i].color);
      text = g_strdup_printf ("%u", count);
      number = koers_report_layout_text (layout, KOERS_REPORT_FONT_CAPTION, text, MAX (w - 2.0, 1.0), 1,
                                         PANGO_ALIGN_CENTER);
      if (koers_report_text_width (number) + 4.0 < w)
        koers_report_layout_draw_text (layout, number, x + 1.0,
                                       y + (bar_h - koers_report_text_height (number)) / 2,
                                       &koers_report_white);
      x += w;
    }

  /* The legend says the same in words and shapes, for grey prints. */
  y += bar_h + 4.0;
  for (guint i = 0; i < n_parts; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s %u", parts[i].label, parts[i].count);
      g_autoptr (PangoLayout) item = koers_report_layout_text (layout, KOERS_REPORT_FONT_CAPTION, text,
                                                               bar_w / n_parts - 12.0, 1, PANGO_ALIGN_LEFT);
      double h = koers_report_text_height (item);

      koers_report_layout_status_symbol (layout, parts[i].symbol, legend_x + 3.0, y + h / 2, 5.5);
      koers_report_layout_draw_text (layout, item, legend_x + 9.0, y, &koers_report_muted);
      legend_x += bar_w / n_parts;
      legend_h = MAX (legend_h, h);
    }

  layout->y = y + legend_h;
}

void
koers_report_chart_status_bar (KoersReportLayout *layout,
                               const char        *label,
                               const guint       *counts)
{
  KoersReportBarPart parts[KOERS_REPORT_N_STATUSES];

  for (guint i = 0; i < KOERS_REPORT_N_STATUSES; i++)
    {
      KoersKrStatus status = koers_report_status_order[i];

      parts[i] = (KoersReportBarPart){ counts[status], koers_report_status_color (status), status,
                                       koers_report_status_label (layout->lang, status) };
    }
  koers_report_chart_split_bar (layout, label, parts, G_N_ELEMENTS (parts));
}

double
koers_report_chart_key_result_height (KoersReportLayout *layout)
{
  /* Title (two lines), values line, plot, note (two lines). */
  KoersReportChartSize size = { 2 * 9.5 - 1.0, 9.0, layout->data->include_notes ? 2 * 8.5 + 2.0 : 0.0 };

  return koers_report_chart_size_height (&size);
}

double
koers_report_chart_date_x (const GDate *date,
                           const GDate *start,
                           int          n_days,
                           double       x,
                           double       w)
{
  int days = koers_date_days_between (start, date);

  return x + w * CLAMP ((double) days / MAX (n_days, 1), 0.0, 1.0);
}

double
koers_report_chart_value_y (double value,
                            double lo,
                            double hi,
                            double y,
                            double h)
{
  if (!isfinite (value))
    value = lo;
  return y + h - h * CLAMP ((value - lo) / (hi - lo), 0.0, 1.0);
}

void
koers_report_chart_include (double *lo,
                            double *hi,
                            double  value)
{
  if (isfinite (value))
    {
      *lo = MIN (*lo, value);
      *hi = MAX (*hi, value);
    }
}

void
koers_report_chart_fit_range (double  *lo,
                              double  *hi,
                              gboolean centre_flat,
                              double   air)
{
  if (!isfinite (*lo) || !isfinite (*hi))
    {
      *lo = 0.0;
      *hi = 1.0;
    }
  if (*hi - *lo < 1e-9 && centre_flat)
    {
      *lo -= 1.0;
      *hi += 1.0;
    }
  else if (*hi - *lo < 1e-9)
    *hi = *lo + 1.0;
  *lo -= (*hi - *lo) * air;
  *hi += (*hi - *lo) * air;
}

void
koers_report_chart_begin_plot (KoersReportLayout *layout,
                               double             x,
                               double             y,
                               double             w,
                               double             h)
{
  cairo_save (koers_report_layout_get_cairo (layout));
  koers_report_clip_whole_points (koers_report_layout_get_cairo (layout), x - 3, y - 3, x + w + 3, y + h + 3);
  koers_report_layout_hline (layout, x, x + w, y + h, 0.6, &koers_report_rule);
}

static void
draw_month_ticks (KoersReportLayout *layout,
                  const KoersPeriod *period,
                  int                n_days,
                  double             x,
                  double             y,
                  double             w)
{
  int months = (g_date_get_year (&period->end) - g_date_get_year (&period->start)) * 12 +
               (int) g_date_get_month (&period->end) - (int) g_date_get_month (&period->start) + 1;
  int   step = months <= 4 ? 1 : months <= 13 ? 3
                                              : 12;
  GDate tick;

  if (months < 1)
    return;

  g_date_clear (&tick, 1);
  g_date_set_dmy (&tick, 1, g_date_get_month (&period->start), g_date_get_year (&period->start));
  for (int i = 0; i < months; i += step)
    {
      g_autoptr (PangoLayout) label = NULL;
      int              month = g_date_get_month (&tick);
      g_autofree char *name = koers_format_month_short (layout->lang, month);
      double           tx = koers_report_chart_date_x (&tick, &period->start, n_days, x, w);

      label = koers_report_layout_text (layout, KOERS_REPORT_FONT_CAPTION, name, 24.0, 1,
                                        PANGO_ALIGN_LEFT);
      if (tx + koers_report_text_width (label) <= x + w)
        koers_report_layout_draw_text (layout, label, tx + 1.0, y + 1.5, &koers_report_muted);
      g_date_add_months (&tick, step);
    }
}

void
koers_report_chart_month_ticks (KoersReportLayout *layout,
                                const KoersPeriod *period,
                                int                n_days,
                                double             x,
                                double             y,
                                double             w)
{
  draw_month_ticks (layout, period, n_days, x, y, w);
}

typedef struct
{
  double x;
  double y;
} ChartPoint;

/* A KoersReportChartBox's plot: item is the key result. */
static void
draw_plot (KoersReportLayout *layout,
           gconstpointer      item,
           double             x,
           double             y,
           double             w,
           double             h)
{
  const KoersReportKeyResult *kr = item;
  static const double         dashes[] = { 3.0, 2.0 };
  const KoersReportObjective *objective = kr->objective;
  const KoersPeriod          *period = objective->has_period ? &objective->period : &layout->data->period;
  const KoersReportColor     *line_color = koers_report_status_color (kr->status);
  cairo_t                    *cr = koers_report_layout_get_cairo (layout);
  int                         n_days = koers_date_days_between (&period->start, &period->end);
  double                      lo = MIN (kr->start, kr->target);
  double                      hi = MAX (kr->start, kr->target);
  GDate                       due;
  double                      due_x;
  g_autofree ChartPoint      *points = g_new (ChartPoint, kr->checkins->len);
  guint                       n_points = 0;

  if (kr->metric_kind == KOERS_METRIC_KIND_MILESTONE)
    {
      lo = 0.0;
      hi = 1.0;
    }
  for (guint i = 0; i < kr->checkins->len; i++)
    koers_report_chart_include (&lo, &hi, ((const KoersReportCheckin *) g_ptr_array_index (kr->checkins, i))->value);
  koers_report_chart_fit_range (&lo, &hi, FALSE, 0.08);

  /* Baseline and the report date. */
  koers_report_chart_begin_plot (layout, x, y, w, h);
  if (g_date_compare (&layout->data->generated, &period->start) >= 0 &&
      g_date_compare (&layout->data->generated, &period->end) <= 0)
    dashed_vline (layout, koers_report_chart_date_x (&layout->data->generated, &period->start, n_days, x, w),
                  y, y + h, &koers_report_rule);

  /* The ideal line: start to target by the due date (else the period's
   * end), then level. */
  if (kr->due_date != NULL && koers_date_parse (kr->due_date, &due) &&
      g_date_compare (&due, &period->start) > 0 && g_date_compare (&due, &period->end) < 0)
    due_x = koers_report_chart_date_x (&due, &period->start, n_days, x, w);
  else
    due_x = x + w;
  cairo_set_source_rgb (cr, koers_report_muted.r, koers_report_muted.g, koers_report_muted.b);
  cairo_set_line_width (cr, 0.8);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, x, koers_report_chart_value_y (kr->start, lo, hi, y, h));
  cairo_line_to (cr, due_x, koers_report_chart_value_y (kr->target, lo, hi, y, h));
  cairo_line_to (cr, x + w, koers_report_chart_value_y (kr->target, lo, hi, y, h));
  koers_report_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* The check-ins, as a line with a dot per check-in. */
  for (guint i = 0; i < kr->checkins->len; i++)
    {
      const KoersReportCheckin *checkin = g_ptr_array_index (kr->checkins, i);

      if (!g_date_valid (&checkin->gdate))
        continue;
      points[n_points].x = koers_report_chart_date_x (&checkin->gdate, &period->start, n_days, x, w);
      points[n_points].y = koers_report_chart_value_y (checkin->value, lo, hi, y, h);
      n_points++;
    }
  cairo_set_source_rgb (cr, line_color->r, line_color->g, line_color->b);
  cairo_set_line_width (cr, 1.4);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < n_points; i++)
    {
      if (i == 0)
        cairo_move_to (cr, points[i].x, points[i].y);
      else
        cairo_line_to (cr, points[i].x, points[i].y);
    }
  koers_report_stroke (cr);
  for (guint i = 0; i < n_points; i++)
    koers_report_add_dot (cr, points[i].x, points[i].y);
  /* The dots in one path, stroked once: one PDF operator, not one each. */
  cairo_set_line_width (cr, 3.0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  koers_report_stroke (cr);

  cairo_restore (cr);
}

PangoLayout *
koers_report_chart_title (KoersReportLayout *layout,
                          const char        *text,
                          double             w)
{
  return koers_report_layout_text (layout, KOERS_REPORT_FONT_TABLE_BOLD, text, w - 2 * KOERS_REPORT_CHART_PAD - 9.0,
                                   KOERS_REPORT_CHART_TITLE_LINES, PANGO_ALIGN_LEFT);
}

/* Two lines at most of caption across a box of width w. */
static PangoLayout *
caption_text (KoersReportLayout *layout,
              const char        *text,
              double             w)
{
  return koers_report_layout_text (layout, KOERS_REPORT_FONT_CAPTION, text, w - 2 * KOERS_REPORT_CHART_PAD, 2,
                                   PANGO_ALIGN_LEFT);
}

PangoLayout *
koers_report_chart_note (KoersReportLayout *layout,
                         const char        *text,
                         double             w)
{
  if (!layout->data->include_notes || text == NULL)
    return NULL;
  return caption_text (layout, text, w);
}

/* "600 → 1,200 leads · now 900": a plain unit once, after the target, as
 * the key result rows in the window show it; two lines at most. */
static PangoLayout *
key_result_values (KoersReportLayout          *layout,
                   const KoersReportKeyResult *kr,
                   double                      w)
{
  gboolean         unit_once = kr->metric_kind == KOERS_METRIC_KIND_NUMBER || kr->metric_kind == KOERS_METRIC_KIND_PERCENTAGE;
  g_autofree char *start = koers_format_metric (layout->lang, kr->metric_kind, unit_once ? NULL : kr->unit, kr->start);
  g_autofree char *target = koers_format_metric (layout->lang, kr->metric_kind, kr->unit, kr->target);
  g_autofree char *current = koers_format_metric (layout->lang, kr->metric_kind, unit_once ? NULL : kr->unit,
                                                  kr->current);
  g_autofree char *now = koers_report_str_format (layout->lang, KOERS_REPORT_STR_NOW, current, NULL, NULL);
  g_autofree char *text = g_strdup_printf ("%s → %s  ·  %s", start, target, now);

  return caption_text (layout, text, w);
}

static PangoLayout *
key_result_note (KoersReportLayout          *layout,
                 const KoersReportKeyResult *kr,
                 double                      w)
{
  return koers_report_chart_note (layout, kr->latest != NULL ? kr->latest->note : NULL, w);
}

void
koers_report_chart_size_grow (KoersReportChartSize *size,
                              PangoLayout          *title,
                              PangoLayout          *values,
                              PangoLayout          *note)
{
  size->title = MAX (size->title, koers_report_text_height (title));
  size->values = MAX (size->values, koers_report_text_height (values));
  if (note != NULL)
    size->note = MAX (size->note, koers_report_text_height (note) + 2.0);
}

void
koers_report_chart_box_clear (KoersReportChartBox *box)
{
  g_clear_object (&box->title);
  g_clear_object (&box->values);
  g_clear_object (&box->note);
}

void
koers_report_chart_measure (KoersReportLayout    *layout,
                            KoersReportChartFill  fill,
                            gconstpointer         item,
                            double                w,
                            KoersReportChartSize *size)
{
  KoersReportChartBox box;

  fill (layout, item, w, &box);
  koers_report_chart_size_grow (size, box.title, box.values, box.note);
  koers_report_chart_box_clear (&box);
}

double
koers_report_chart_size_height (const KoersReportChartSize *size)
{
  return KOERS_REPORT_CHART_PAD * 2 + size->title + 1.0 + size->values + 2.0 + KOERS_REPORT_CHART_PLOT_HEIGHT +
         KOERS_REPORT_CHART_TICKS_HEIGHT + size->note;
}

double
koers_report_chart_single (KoersReportLayout   *layout,
                           KoersReportChartFill fill,
                           gconstpointer        item,
                           double               x,
                           double               y,
                           double               w)
{
  KoersReportChartSize size = { 0.0, 0.0, 0.0 };

  koers_report_chart_measure (layout, fill, item, w, &size);
  koers_report_chart_sized (layout, fill, item, x, y, w, &size);
  return koers_report_chart_size_height (&size);
}

void
koers_report_chart_box (KoersReportLayout          *layout,
                        const KoersReportChartBox  *box,
                        const KoersReportChartSize *size,
                        double                      x,
                        double                      y,
                        double                      w)
{
  double pad = KOERS_REPORT_CHART_PAD;
  double plot_h = KOERS_REPORT_CHART_PLOT_HEIGHT;
  double inner = w - 2 * pad;
  int    n_days = koers_date_days_between (&box->period->start, &box->period->end);
  double cy = y + pad;

  koers_report_layout_fill_rounded (layout, x, y, w, koers_report_chart_size_height (size), 3.0,
                                    &koers_report_shade);
  koers_report_layout_status_symbol (layout, box->symbol, x + pad + 3.0, cy + 4.5, 6.0);
  koers_report_layout_draw_text (layout, box->title, x + pad + 9.0, cy, &koers_report_ink);
  cy += size->title + 1.0;
  koers_report_layout_draw_text (layout, box->values, x + pad, cy, &koers_report_muted);
  cy += size->values + 2.0;

  if (layout->drawing)
    box->plot (layout, box->item, x + pad, cy, inner, plot_h);
  if (box->empty != NULL)
    {
      g_autoptr (PangoLayout) none = koers_report_layout_text (layout, KOERS_REPORT_FONT_CAPTION, box->empty, inner, 1,
                                                               PANGO_ALIGN_CENTER);

      koers_report_layout_draw_text (layout, none, x + pad, cy + plot_h / 2 - 4.0, &koers_report_muted);
    }
  cy += plot_h;
  if (n_days > 0)
    draw_month_ticks (layout, box->period, n_days, x + pad, cy, inner);
  cy += KOERS_REPORT_CHART_TICKS_HEIGHT;

  if (box->note != NULL)
    koers_report_layout_draw_text (layout, box->note, x + pad, cy + 2.0, &koers_report_ink);
}

void
koers_report_chart_sized (KoersReportLayout          *layout,
                          KoersReportChartFill        fill,
                          gconstpointer               item,
                          double                      x,
                          double                      y,
                          double                      w,
                          const KoersReportChartSize *size)
{
  KoersReportChartBox box;

  fill (layout, item, w, &box);
  koers_report_chart_box (layout, &box, size, x, y, w);
  koers_report_chart_box_clear (&box);
}

void
koers_report_chart_fill_key_result (KoersReportLayout   *layout,
                                    gconstpointer        item,
                                    double               w,
                                    KoersReportChartBox *box)
{
  const KoersReportKeyResult *kr = item;
  PangoLayout                *title = koers_report_chart_title (layout, kr->title, w);
  PangoLayout                *values = key_result_values (layout, kr, w);
  PangoLayout                *note = key_result_note (layout, kr, w);

  *box = (KoersReportChartBox){
    .symbol = kr->status,
    .title = title,
    .values = values,
    .note = note,
    .period = kr->objective->has_period ? &kr->objective->period : &layout->data->period,
    .empty = kr->checkins->len == 0 ? koers_report_str (layout->lang, KOERS_REPORT_STR_NO_CHECKINS) : NULL,
    .plot = draw_plot,
    .item = kr,
  };
}

void
koers_report_chart_stroke_hline (cairo_t                *cr,
                                 double                  x1,
                                 double                  x2,
                                 double                  y,
                                 const KoersReportColor *color,
                                 const double           *dashes,
                                 int                     n_dashes)
{
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
  cairo_set_line_width (cr, 0.8);
  cairo_set_dash (cr, dashes, n_dashes, 0);
  cairo_move_to (cr, x1, y);
  cairo_line_to (cr, x2, y);
  koers_report_stroke (cr);
  cairo_restore (cr);
}

typedef enum
{
  LEGEND_VALUES, /* key results' check-ins, KPIs' values */
  LEGEND_IDEAL,
  LEGEND_REPORT_DATE,
  LEGEND_HEALTHY,
  LEGEND_ATTENTION,
} LegendSample;

typedef struct
{
  LegendSample   sample;
  KoersReportStr name;
} LegendItem;

/* Each legend's entries, and how wide a name may be. */
static const struct
{
  LegendItem items[3];
  int        max_width;
} legends[] = {
  [KOERS_REPORT_LEGEND_KEY_RESULTS] = { { { LEGEND_VALUES, KOERS_REPORT_STR_CHART_CHECKINS },
                                          { LEGEND_IDEAL, KOERS_REPORT_STR_CHART_IDEAL },
                                          { LEGEND_REPORT_DATE, KOERS_REPORT_STR_REPORT_DATE } },
                                        120 },
  [KOERS_REPORT_LEGEND_KPIS] = { { { LEGEND_VALUES, KOERS_REPORT_STR_CHART_VALUES },
                                   { LEGEND_HEALTHY, KOERS_REPORT_STR_CHART_HEALTHY },
                                   { LEGEND_ATTENTION, KOERS_REPORT_STR_CHART_ATTENTION } },
                                 140 },
};

/* A sample of the mark, 14 points wide from x, beside a name at y that is
 * height tall: the lines and dates as the charts draw them. */
static void
draw_legend_sample (cairo_t     *cr,
                    LegendSample sample,
                    double       x,
                    double       y,
                    double       height)
{
  static const double dashed[] = { 3.0, 2.0 };
  static const double dotted[] = { 1.0, 1.6 };
  double              mid = y + height / 2;

  switch (sample)
    {
    case LEGEND_VALUES:
      cairo_save (cr);
      cairo_new_path (cr);
      cairo_set_source_rgb (cr, koers_report_ink.r, koers_report_ink.g, koers_report_ink.b);
      cairo_set_line_width (cr, 1.4);
      cairo_move_to (cr, x, mid);
      cairo_line_to (cr, x + 14, mid);
      koers_report_stroke (cr);
      cairo_set_line_width (cr, 3.0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      koers_report_add_dot (cr, x + 7, mid);
      koers_report_stroke (cr);
      cairo_restore (cr);
      break;

    case LEGEND_IDEAL:
      koers_report_chart_stroke_hline (cr, x, x + 14, mid, &koers_report_muted, dashed, G_N_ELEMENTS (dashed));
      break;

    case LEGEND_REPORT_DATE:
      cairo_save (cr);
      cairo_new_path (cr);
      cairo_set_source_rgb (cr, koers_report_muted.r, koers_report_muted.g, koers_report_muted.b);
      cairo_set_line_width (cr, 0.8);
      cairo_set_dash (cr, dashed + 1, 1, 0);
      cairo_move_to (cr, x + 7, y - 1);
      cairo_line_to (cr, x + 7, y + height + 1);
      koers_report_stroke (cr);
      cairo_restore (cr);
      break;

    case LEGEND_HEALTHY:
      koers_report_chart_stroke_hline (cr, x, x + 14, mid, koers_report_status_color (KOERS_KR_STATUS_ACHIEVED),
                                       dashed, G_N_ELEMENTS (dashed));
      break;

    case LEGEND_ATTENTION:
    default:
      koers_report_chart_stroke_hline (cr, x, x + 14, mid, koers_report_status_color (KOERS_KR_STATUS_AT_RISK),
                                       dotted, G_N_ELEMENTS (dotted));
      break;
    }
}

double
koers_report_chart_legend (KoersReportLayout *layout,
                           KoersReportLegend  legend,
                           double             x,
                           double            *height)
{
  double h = 0.0;

  g_return_val_if_fail (legend < G_N_ELEMENTS (legends), x);

  for (guint i = 0; i < G_N_ELEMENTS (legends[legend].items); i++)
    {
      const LegendItem *item = &legends[legend].items[i];
      g_autoptr (PangoLayout) text = koers_report_layout_text (layout, KOERS_REPORT_FONT_CAPTION,
                                                               koers_report_str (layout->lang, item->name),
                                                               legends[legend].max_width, 1, PANGO_ALIGN_LEFT);

      h = koers_report_text_height (text);
      if (layout->drawing)
        draw_legend_sample (koers_report_layout_get_cairo (layout), item->sample, x, layout->y, h);
      koers_report_layout_draw_text (layout, text, x + 18, layout->y, &koers_report_muted);
      x += 18 + koers_report_text_width (text) + 16;
    }

  *height = MAX (*height, h);
  return x;
}
