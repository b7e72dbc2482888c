/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "core/koers-date.h"
#include "core/koers-format-kpi.h"
#include "koers-report-charts.h"
#include "koers-report-kpis.h"

/* The small charts of a department's KPI page: a KPI's values over the
 * period against its thresholds. */

/* A KPI's health in the key results' symbols and colours, so that the
 * report has one visual language: achieved (disc with a tick, green),
 * at risk (triangle, orange), off track (diamond, red), and the open ring
 * for no value. */
KoersKrStatus
koers_report_kpi_symbol (KoersKpiStatus status)
{
  switch (status)
    {
    case KOERS_KPI_STATUS_HEALTHY:
      return KOERS_KR_STATUS_ACHIEVED;
    case KOERS_KPI_STATUS_NEEDS_ATTENTION:
      return KOERS_KR_STATUS_AT_RISK;
    case KOERS_KPI_STATUS_UNHEALTHY:
      return KOERS_KR_STATUS_OFF_TRACK;
    case KOERS_KPI_STATUS_NONE:
    default:
      return KOERS_KR_STATUS_IN_PROGRESS;
    }
}

/* The colour of the symbol, so that bar, legend and line agree. */
const KoersReportColor *
koers_report_kpi_color (KoersKpiStatus status)
{
  return koers_report_status_color (koers_report_kpi_symbol (status));
}

/* A value with its unit, as the window's KPI rows write it. */
char *
koers_report_kpi_format_value (KoersLanguage         lang,
                               const KoersReportKpi *kpi,
                               double                value)
{
  return koers_format_kpi_value (lang, kpi->metric_kind, kpi->unit, value);
}

/* "≥ 50" (higher is better) or "≤ 45 days". */
char *
koers_report_kpi_format_threshold (KoersLanguage         lang,
                                   const KoersReportKpi *kpi,
                                   double                threshold)
{
  g_autofree char *value = koers_report_kpi_format_value (lang, kpi, threshold);

  return g_strdup_printf ("%s %s", kpi->direction == KOERS_KPI_DIRECTION_HIGHER ? "≥" : "≤", value);
}

/* The period's values against the two thresholds: healthy dashed in the
 * healthy colour, attention dotted in the attention colour. */
static void
draw_plot (KoersReportLayout *layout,
           gconstpointer      item,
           double             x,
           double             y,
           double             w,
           double             h)
{
  const KoersReportKpi   *kpi = item;
  static const double     dashed[] = { 3.0, 2.0 };
  static const double     dotted[] = { 1.0, 1.6 };
  const KoersPeriod      *period = &layout->data->period;
  const KoersReportColor *line_color = koers_report_kpi_color (kpi->status);
  int                     n_days = koers_date_days_between (&period->start, &period->end);
  cairo_t                *cr = koers_report_layout_get_cairo (layout);
  double                  lo = MIN (kpi->healthy, kpi->attention);
  double                  hi = MAX (kpi->healthy, kpi->attention);
  gboolean                first = TRUE;

  for (guint i = 0; i < kpi->values->len; i++)
    koers_report_chart_include (&lo, &hi, ((const KoersReportKpiValue *) g_ptr_array_index (kpi->values, i))->value);
  koers_report_chart_fit_range (&lo, &hi, TRUE, 0.12);

  koers_report_chart_begin_plot (layout, x, y, w, h);
  koers_report_chart_stroke_hline (cr, x, x + w, koers_report_chart_value_y (kpi->healthy, lo, hi, y, h),
                                   koers_report_status_color (KOERS_KR_STATUS_ACHIEVED), dashed, G_N_ELEMENTS (dashed));
  if (kpi->attention != kpi->healthy)
    koers_report_chart_stroke_hline (cr, x, x + w, koers_report_chart_value_y (kpi->attention, lo, hi, y, h),
                                     koers_report_status_color (KOERS_KR_STATUS_AT_RISK), dotted, G_N_ELEMENTS (dotted));

  cairo_new_path (cr);
  cairo_set_source_rgb (cr, line_color->r, line_color->g, line_color->b);
  cairo_set_line_width (cr, 1.4);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < kpi->values->len; i++)
    {
      const KoersReportKpiValue *value = g_ptr_array_index (kpi->values, i);
      double                     v = value->value;

      if (i == 0 && kpi->has_before)
        {
          /* The line comes in from the left edge at where the KPI stood
           * as the period began: on the way to the first value in it, or
           * level when there is none. */
          if (kpi->values->len > 1)
            {
              const KoersReportKpiValue *next = g_ptr_array_index (kpi->values, 1);
              int                        span = koers_date_days_between (&value->gdate, &next->gdate);

              if (span > 0)
                v += (next->value - v) * koers_date_days_between (&value->gdate, &period->start) / span;
            }
          cairo_move_to (cr, x, koers_report_chart_value_y (v, lo, hi, y, h));
          if (kpi->values->len == 1)
            cairo_line_to (cr, koers_report_chart_date_x (&layout->data->generated, &period->start, n_days, x, w),
                           koers_report_chart_value_y (v, lo, hi, y, h));
          first = FALSE;
          continue;
        }

      if (first)
        cairo_move_to (cr, koers_report_chart_date_x (&value->gdate, &period->start, n_days, x, w), koers_report_chart_value_y (v, lo, hi, y, h));
      else
        cairo_line_to (cr, koers_report_chart_date_x (&value->gdate, &period->start, n_days, x, w), koers_report_chart_value_y (v, lo, hi, y, h));
      first = FALSE;
    }
  koers_report_stroke (cr);

  /* A dot per value, the latest larger: the others in one path, stroked
   * once with round caps (koers_report_add_dot). */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = kpi->has_before ? 1 : 0; i < kpi->values->len; i++)
    {
      const KoersReportKpiValue *value = g_ptr_array_index (kpi->values, i);
      gboolean                   latest = i + 1 == kpi->values->len;

      if (latest)
        {
          cairo_set_line_width (cr, 2.8);
          koers_report_stroke (cr);
        }
      koers_report_add_dot (cr, koers_report_chart_date_x (&value->gdate, &period->start, n_days, x, w),
                            koers_report_chart_value_y (value->value, lo, hi, y, h));
      if (latest)
        {
          cairo_set_line_width (cr, 4.6);
          koers_report_stroke (cr);
        }
    }

  cairo_restore (cr);
}

/* "now 44 · Healthy ≥ 50", or without the threshold when that does not
 * fit on two lines (the table has it too). */
static PangoLayout *
kpi_caption (KoersReportLayout    *layout,
             const KoersReportKpi *kpi,
             double                w)
{
  KoersLanguage    lang = layout->lang;
  double           inner = w - 2 * KOERS_REPORT_CHART_PAD;
  g_autofree char *healthy = koers_report_kpi_format_threshold (lang, kpi, kpi->healthy);
  g_autofree char *current = kpi->has_value ? koers_report_kpi_format_value (lang, kpi, kpi->current) : g_strdup ("—");
  g_autofree char *now = koers_report_str_format (lang, KOERS_REPORT_STR_NOW, current, NULL, NULL);
  g_autofree char *text = g_strdup_printf ("%s  ·  %s %s", now, koers_report_str (lang, KOERS_REPORT_STR_COL_HEALTHY),
                                           healthy);
  PangoLayout     *caption = koers_report_layout_text (layout, KOERS_REPORT_FONT_CAPTION, text, inner, 2,
                                                       PANGO_ALIGN_LEFT);

  if (pango_layout_is_ellipsized (caption))
    {
      g_object_unref (caption);
      caption = koers_report_layout_text (layout, KOERS_REPORT_FONT_CAPTION, now, inner, 2, PANGO_ALIGN_LEFT);
    }
  return caption;
}

/* The newest note of the period: what is behind the line. */
static PangoLayout *
kpi_note (KoersReportLayout    *layout,
          const KoersReportKpi *kpi,
          double                w)
{
  for (guint i = kpi->values->len; i > (kpi->has_before ? 1u : 0u); i--)
    {
      const KoersReportKpiValue *value = g_ptr_array_index (kpi->values, i - 1);

      if (value->note != NULL)
        return koers_report_chart_note (layout, value->note, w);
    }
  return NULL;
}

void
koers_report_kpi_chart_fill (KoersReportLayout   *layout,
                             gconstpointer        item,
                             double               w,
                             KoersReportChartBox *box)
{
  const KoersReportKpi *kpi = item;
  PangoLayout          *title = koers_report_chart_title (layout, kpi->name, w);
  PangoLayout          *caption = kpi_caption (layout, kpi, w);
  PangoLayout          *note = kpi_note (layout, kpi, w);

  *box = (KoersReportChartBox){
    .symbol = koers_report_kpi_symbol (kpi->status),
    .title = title,
    .values = caption,
    .note = note,
    .period = &layout->data->period,
    .empty = kpi->values->len == 0 ? koers_report_str (layout->lang, KOERS_REPORT_STR_KPI_NO_VALUES) : NULL,
    .plot = draw_plot,
    .item = kpi,
  };
}
