/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The drawing half of KoersProgressChart: plain Cairo and Pango, so that
 * it can draw onto any surface. */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "core/koers-date.h"
#include "core/koers-format.h"
#include "core/koers-scoring.h"
#include "koers-progress-chart-private.h"

/* Below these sizes the axis labels, and the legend, take more room than
 * they are worth. */
#define LABELS_MIN_WIDTH 240
#define LABELS_MIN_HEIGHT 100
#define LEGEND_MIN_WIDTH 360
#define LEGEND_MIN_HEIGHT 200

/* A check-in on the chart: x in Julian days (a day's middle), y its value. */
typedef struct
{
  double x;
  double y;
} ChartPoint;

typedef struct
{
  GdkRGBA fg;
  GdkRGBA actual;
  GdkRGBA ideal;
  GdkRGBA today;
  GdkRGBA target;
  GdkRGBA grid;
  GdkRGBA text;
} Palette;

/* Where things go: data ranges and the plot rectangle in pixels. */
typedef struct
{
  double   x0, x1;
  double   y0, y1;
  double   step; /* between horizontal grid lines, in value units */
  double   left, top, right, bottom;
  double   font_px;
  double   line_width;
  double   radius;
  gboolean labels;
  gboolean legend;
} Frame;

static double
map_x (const Frame *f,
       double       x)
{
  return f->left + (x - f->x0) / (f->x1 - f->x0) * (f->right - f->left);
}

static double
map_y (const Frame *f,
       double       y)
{
  return f->bottom - (y - f->y0) / (f->y1 - f->y0) * (f->bottom - f->top);
}

static void
set_rgba (GdkRGBA    *rgba,
          const char *spec,
          double      alpha)
{
  gdk_rgba_parse (rgba, spec);
  rgba->alpha = alpha;
}

static void
get_palette (const KoersChartParams *self,
             Palette                *p)
{
  gboolean dark = self->dark;

  p->fg = self->fg;

  /* GNOME palette: blue for what happened, orange for today and green for
   * the goal; each also has its own line style, for colour-blind eyes. */
  set_rgba (&p->actual, dark ? "#62a0ea" : "#1c71d8", 1.0);
  set_rgba (&p->today, dark ? "#ffa348" : "#c64600", 1.0);
  set_rgba (&p->target, dark ? "#57e389" : "#26a269", 1.0);
  p->ideal = p->fg;
  p->ideal.alpha *= 0.55;
  p->grid = p->fg;
  p->grid.alpha *= 0.12;
  p->text = p->fg;
  p->text.alpha *= 0.75;
}

/* The key result's points (its summary's, so the list is never read for
 * a chart). */
static GArray *
collect_points (const KoersChartParams *self)
{
  GArray                  *points = g_array_new (FALSE, FALSE, sizeof (ChartPoint));
  const KoersCheckinPoint *from;
  guint                    n = 0;

  if (self->kr == NULL)
    return points;

  from = koers_key_result_get_checkin_points (self->kr, &n);
  for (guint i = 0; i < n; i++)
    {
      ChartPoint point;

      point.x = from[i].julian_day + 0.5;
      point.y = from[i].value;
      g_array_append_val (points, point);
    }

  return points;
}

static double
nice_step (double range,
           int    max_ticks)
{
  double raw = range / MAX (max_ticks, 1);
  double magnitude = pow (10.0, floor (log10 (raw)));
  double norm = raw / magnitude;

  if (norm <= 1.0)
    return magnitude;
  if (norm <= 2.0)
    return 2.0 * magnitude;
  if (norm <= 2.5)
    return 2.5 * magnitude;
  if (norm <= 5.0)
    return 5.0 * magnitude;
  return 10.0 * magnitude;
}

static PangoLayout *
create_layout (const KoersChartParams *self,
               const Frame            *f,
               const char             *text,
               gboolean                bold)
{
  PangoLayout *layout = pango_layout_new (self->pango_context);
  g_autoptr (PangoFontDescription) desc = NULL;

  pango_layout_set_text (layout, text, -1);
  desc = pango_font_description_copy (pango_context_get_font_description (self->pango_context));
  pango_font_description_set_absolute_size (desc, f->font_px * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);

  return layout;
}

static void
get_text_size (const KoersChartParams *self,
               const Frame            *f,
               const char             *text,
               int                    *width,
               int                    *height)
{
  g_autoptr (PangoLayout) layout = create_layout (self, f, text, FALSE);

  pango_layout_get_pixel_size (layout, width, height);
}

/* xalign/yalign: 0 puts (x, y) at the text's left/top, 1 at its right/bottom. */
static void
draw_text (const KoersChartParams *self,
           cairo_t                *cr,
           const Frame            *f,
           const GdkRGBA          *color,
           const char             *text,
           double                  x,
           double                  y,
           double                  xalign,
           double                  yalign,
           gboolean                bold)
{
  g_autoptr (PangoLayout) layout = create_layout (self, f, text, bold);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_move_to (cr, round (x - xalign * width), round (y - yalign * height));
  pango_cairo_show_layout (cr, layout);
}

static char *
format_axis_value (KoersKeyResult *kr,
                   double          value,
                   double          step)
{
  KoersLanguage   lang = koers_format_get_language ();
  KoersMetricKind kind = koers_key_result_get_metric_kind (kr);
  int             decimals = step >= 1.0 ? 0 : (int) ceil (-log10 (step) - 1e-9);

  decimals = CLAMP (decimals, 0, 6);

  switch (kind)
    {
    case KOERS_METRIC_KIND_MILESTONE:
      return koers_format_metric (lang, kind, NULL, value);
    case KOERS_METRIC_KIND_PERCENTAGE:
      return koers_format_percent (lang, value, decimals);
    case KOERS_METRIC_KIND_CURRENCY:
      if (decimals == 0)
        return koers_format_money (lang, value);
      return koers_format_number (lang, value, decimals);
    case KOERS_METRIC_KIND_NUMBER:
    default:
      return koers_format_number (lang, value, decimals);
    }
}

static void
compute_ranges (const KoersChartParams *self,
                GArray                 *points,
                Frame                  *f)
{
  KoersMetricKind kind = koers_key_result_get_metric_kind (self->kr);
  double          start = koers_key_result_get_start_value (self->kr);
  double          target = koers_key_result_get_target_value (self->kr);
  double          lo, hi;
  GDate           today;

  koers_date_today (&today);

  /* x: the period, widened to every check-in. */
  if ((self->period != NULL))
    {
      f->x0 = g_date_get_julian (&self->period->start);
      f->x1 = g_date_get_julian (&self->period->end) + 1.0;
    }
  else if (points->len > 0)
    {
      f->x0 = floor (g_array_index (points, ChartPoint, 0).x);
      f->x1 = f->x0 + 1.0;
    }
  else
    {
      f->x0 = g_date_get_julian (&today) - 30.0;
      f->x1 = g_date_get_julian (&today) + 1.0;
    }
  for (guint i = 0; i < points->len; i++)
    {
      const ChartPoint *p = &g_array_index (points, ChartPoint, i);

      f->x0 = MIN (f->x0, floor (p->x));
      f->x1 = MAX (f->x1, floor (p->x) + 1.0);
    }

  /* y: start, target and every value, on round numbers. */
  if (kind == KOERS_METRIC_KIND_MILESTONE)
    {
      f->step = 1.0;
      f->y0 = 0.0;
      f->y1 = 1.0;
      return;
    }

  lo = MIN (start, target);
  hi = MAX (start, target);
  if (!isfinite (lo) || !isfinite (hi))
    lo = hi = 0.0;
  for (guint i = 0; i < points->len; i++)
    {
      lo = MIN (lo, g_array_index (points, ChartPoint, i).y);
      hi = MAX (hi, g_array_index (points, ChartPoint, i).y);
    }
  if (!(hi - lo > fabs (hi) * 1e-9) || !isfinite (hi - lo))
    {
      double pad = fabs (hi) > 0.0 && isfinite (hi) ? fabs (hi) * 0.1 : 1.0;

      lo -= pad;
      hi += pad;
    }

  f->step = nice_step (hi - lo, MAX (2, (int) ((f->bottom - f->top) / (f->font_px * 4.5))));
  f->y0 = floor (lo / f->step) * f->step;
  f->y1 = ceil (hi / f->step) * f->step;
  /* Room above the highest line for the target's label. */
  if (f->labels && f->y1 - hi < f->step * 0.3)
    f->y1 += f->step;
  if (f->y1 <= f->y0)
    f->y1 = f->y0 + f->step;
}

static void
compute_frame (const KoersChartParams *self,
               GArray                 *points,
               int                     width,
               int                     height,
               Frame                  *f)
{
  double pad;

  f->labels = !self->compact && width >= LABELS_MIN_WIDTH && height >= LABELS_MIN_HEIGHT;
  f->legend = f->labels && width >= LEGEND_MIN_WIDTH && height >= LEGEND_MIN_HEIGHT;

  /* Type and lines grow with the chart, within readable bounds. */
  f->font_px = CLAMP (MIN (width / 42.0, height / 18.0), 9.0, 15.0);
  if (self->compact)
    f->line_width = CLAMP (height / 16.0, 1.0, 2.0);
  else
    f->line_width = CLAMP (MIN (width, height) / 120.0, 1.5, 3.0);
  f->radius = f->line_width * 1.7;

  pad = f->radius + 1.0;
  f->left = pad;
  f->right = width - pad;
  f->top = pad;
  f->bottom = height - pad;

  if (f->labels)
    {
      f->top = f->font_px * (f->legend ? 3.0 : 1.6);
      f->bottom = height - f->font_px * 2.0;
      f->right = width - f->font_px;
    }

  compute_ranges (self, points, f);

  if (f->labels)
    {
      double widest = 0.0;

      for (double v = f->y0; v <= f->y1 + f->step * 0.5; v += f->step)
        {
          g_autofree char *text = format_axis_value (self->kr, v, f->step);
          int              w, h;

          get_text_size (self, f, text, &w, &h);
          widest = MAX (widest, w);
        }
      f->left = widest + f->font_px * 0.8;
    }
}

static void
draw_grid (const KoersChartParams *self,
           cairo_t                *cr,
           const Frame            *f,
           const Palette          *p)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);

  for (double v = f->y0; v <= f->y1 + f->step * 0.5; v += f->step)
    {
      double y = round (map_y (f, v)) + 0.5;

      /* Every time: a label in between sets its own colour. */
      gdk_cairo_set_source_rgba (cr, &p->grid);
      cairo_move_to (cr, f->left, y);
      cairo_line_to (cr, f->right, y);
      cairo_stroke (cr);

      if (f->labels)
        {
          g_autofree char *text = format_axis_value (self->kr, v, f->step);

          draw_text (self, cr, f, &p->text, text, f->left - f->font_px * 0.4, y, 1.0, 0.5, FALSE);
        }
    }

  cairo_restore (cr);
}

/* A month's (or year's) name under its stretch of the x axis. */
typedef struct
{
  double from;
  double to;
  int    month; /* 1..12, 0 for a year */
  int    year;
} Span;

static char *
span_label (const Span *span,
            int         form)
{
  KoersLanguage    lang = koers_format_get_language ();
  g_autofree char *name = NULL;

  if (span->month == 0)
    return g_strdup_printf ("%d", span->year);

  if (form == 0)
    return koers_format_month (lang, span->month);

  /* Abbreviated the customary way, capitalised: "Jan", "Mrt". */
  name = koers_format_month_short (lang, span->month);
  {
    g_autofree char *first = g_utf8_substring (name, 0, 1);
    g_autofree char *upper = g_utf8_strup (first, -1);

    return g_strconcat (upper, g_utf8_offset_to_pointer (name, 1), NULL);
  }
}

static GArray *
collect_spans (const Frame *f)
{
  GArray  *spans = g_array_new (FALSE, FALSE, sizeof (Span));
  gboolean by_year = (f->x1 - f->x0) > 3 * 366;
  GDate    date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) MAX (1.0, f->x0));
  g_date_set_day (&date, 1);
  if (by_year)
    g_date_set_month (&date, G_DATE_JANUARY);

  while (g_date_get_julian (&date) < f->x1 && spans->len < 400)
    {
      Span  span;
      GDate next = date;

      if (by_year)
        g_date_add_years (&next, 1);
      else
        g_date_add_months (&next, 1);

      span.from = MAX (f->x0, (double) g_date_get_julian (&date));
      span.to = MIN (f->x1, (double) g_date_get_julian (&next));
      span.month = by_year ? 0 : g_date_get_month (&date);
      span.year = g_date_get_year (&date);
      g_array_append_val (spans, span);

      date = next;
    }

  return spans;
}

static void
draw_x_axis (const KoersChartParams *self,
             cairo_t                *cr,
             const Frame            *f,
             const Palette          *p)
{
  g_autoptr (GArray) spans = collect_spans (f);
  int   form = 0;
  guint every = 1;

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  gdk_cairo_set_source_rgba (cr, &p->grid);

  /* Boundaries between months. */
  for (guint i = 1; i < spans->len; i++)
    {
      double x = round (map_x (f, g_array_index (spans, Span, i).from)) + 0.5;

      cairo_move_to (cr, x, f->top);
      cairo_line_to (cr, x, f->bottom);
      cairo_stroke (cr);
    }

  /* Full names if they fit, else short ones, else every other one. */
  for (form = 0; form < 2; form++)
    {
      gboolean fits = TRUE;

      for (guint i = 0; i < spans->len && fits; i++)
        {
          const Span      *span = &g_array_index (spans, Span, i);
          g_autofree char *text = span_label (span, form);
          int              w, h;

          get_text_size (self, f, text, &w, &h);
          fits = w + f->font_px * 0.5 <= map_x (f, span->to) - map_x (f, span->from) || span->to - span->from < 7; /* partial months at the edges do not count */
        }
      if (fits)
        break;
    }
  if (form == 2)
    {
      double slot = spans->len > 0 ? (f->right - f->left) / spans->len : 1.0;

      form = 1;
      every = (guint) ceil (f->font_px * 3.0 / MAX (slot, 1.0));
    }

  for (guint i = 0; i < spans->len; i++)
    {
      const Span      *span = &g_array_index (spans, Span, i);
      g_autofree char *text = NULL;
      int              w, h;
      double           x;

      if (i % every != 0)
        continue;

      text = span_label (span, form);
      get_text_size (self, f, text, &w, &h);
      /* A sliver of a month at an edge gets no label of its own. */
      if (map_x (f, span->to) - map_x (f, span->from) < w * 0.6)
        continue;

      x = (map_x (f, span->from) + map_x (f, span->to)) / 2.0;
      x = CLAMP (x, f->left + w / 2.0, f->right - w / 2.0);
      draw_text (self, cr, f, &p->text, text, x, f->bottom + f->font_px * 0.4, 0.5, 0.0, FALSE);
    }

  cairo_restore (cr);
}

static void
set_dash (cairo_t *cr,
          double   on,
          double   off)
{
  double dashes[] = { on, off };

  cairo_set_dash (cr, dashes, 2, 0.0);
}

static void
set_dash_dot (cairo_t *cr,
              double   unit)
{
  double dashes[] = { unit * 6.0, unit * 2.0, unit * 0.5, unit * 2.0 };

  cairo_set_dash (cr, dashes, 4, 0.0);
}

static void
stroke_target (cairo_t *cr,
               double   width)
{
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  set_dash_dot (cr, width);
  cairo_stroke (cr);
}

static void
stroke_ideal (cairo_t *cr,
              double   width)
{
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  set_dash (cr, width * 4.0, width * 3.0);
  cairo_stroke (cr);
}

static void
stroke_today (cairo_t *cr,
              double   width)
{
  /* Zero-length dashes with round caps are dots. */
  cairo_set_line_width (cr, width * 1.3);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  set_dash (cr, 0.0, width * 3.0);
  cairo_stroke (cr);
}

static gboolean
has_ideal (const KoersChartParams *self)
{
  return self->period != NULL && koers_key_result_get_metric_kind (self->kr) != KOERS_METRIC_KIND_MILESTONE;
}

/* Today's x in Julian days, if the chart's range holds it. */
static gboolean
get_today_x (const Frame *f,
             double      *out)
{
  GDate  today;
  double x;

  koers_date_today (&today);
  x = g_date_get_julian (&today) + 0.5;
  if (out != NULL)
    *out = x;

  return x >= f->x0 && x <= f->x1;
}

static void
draw_target (const KoersChartParams *self,
             cairo_t                *cr,
             const Frame            *f,
             const Palette          *p)
{
  KoersLanguage lang = koers_format_get_language ();
  double        target = koers_key_result_get_target_value (self->kr);
  double        y = map_y (f, target);

  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, &p->target);
  cairo_move_to (cr, f->left, y);
  cairo_line_to (cr, f->right, y);
  stroke_target (cr, MAX (1.0, f->line_width * 0.8));

  /* A milestone's target is "Done", which the axis already says. */
  if (f->labels && koers_key_result_get_metric_kind (self->kr) != KOERS_METRIC_KIND_MILESTONE)
    {
      KoersMetricKind  kind = koers_key_result_get_metric_kind (self->kr);
      const char      *unit = koers_key_result_get_unit (self->kr);
      g_autofree char *value = koers_format_metric (lang, kind, unit, target);
      /* Translators: the label of the target line in the chart; %s is a value. */
      g_autofree char *text = g_strdup_printf (_ ("Target %s"), value);
      /* Above the line, unless that leaves the plot. */
      gboolean below = y - f->font_px * 1.6 < f->top;

      draw_text (self, cr, f, &p->target, text, f->right - f->font_px * 0.3,
                 below ? y + f->font_px * 0.3 : y - f->font_px * 0.3,
                 1.0, below ? 0.0 : 1.0, TRUE);
    }

  cairo_restore (cr);
}

static void
draw_ideal (const KoersChartParams *self,
            cairo_t                *cr,
            const Frame            *f,
            const Palette          *p)
{
  double x0, x1;

  if (!has_ideal (self))
    return;

  /* From the middle of the first day (0) to that of the last (1), where
   * the check-ins' points sit, as koers_score_expected_progress() says. */
  x0 = g_date_get_julian (&self->period->start) + 0.5;
  x1 = g_date_get_julian (&self->period->end) + 0.5;

  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, &p->ideal);
  cairo_move_to (cr, map_x (f, x0), map_y (f, koers_key_result_get_start_value (self->kr)));
  cairo_line_to (cr, map_x (f, x1), map_y (f, koers_key_result_get_target_value (self->kr)));
  stroke_ideal (cr, MAX (1.0, f->line_width * (self->compact ? 0.7 : 0.8)));
  cairo_restore (cr);
}

static void
draw_today (const KoersChartParams *self,
            cairo_t                *cr,
            const Frame            *f,
            const Palette          *p)
{
  double x;

  if (!get_today_x (f, &x))
    return;

  x = round (map_x (f, x)) + 0.5;

  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, &p->today);
  cairo_move_to (cr, x, f->top);
  cairo_line_to (cr, x, f->bottom);
  stroke_today (cr, f->line_width);

  /* With a legend, the legend names the line. */
  if (f->labels && !f->legend)
    {
      int w, h;
      /* Translators: the label of the line that marks today in the chart. */
      const char *text = _ ("Today");
      gboolean    left;

      get_text_size (self, f, text, &w, &h);
      left = x + f->font_px * 0.3 + w > f->right;
      draw_text (self, cr, f, &p->today, text,
                 left ? x - f->font_px * 0.3 : x + f->font_px * 0.3,
                 f->top - f->font_px * 0.1, left ? 1.0 : 0.0, 1.0, FALSE);
    }

  cairo_restore (cr);
}

static void
draw_actual (const KoersChartParams *self,
             cairo_t                *cr,
             const Frame            *f,
             const Palette          *p,
             GArray                 *points)
{
  gboolean milestone = koers_key_result_get_metric_kind (self->kr) == KOERS_METRIC_KIND_MILESTONE;
  double   prev_y = 0.0;
  gboolean all_points;

  if (points->len == 0)
    return;

  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, &p->actual);
  cairo_set_line_width (cr, f->line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* The line starts at the start value on the first day of the period, so
   * that a single check-in still shows a direction. */
  if ((self->period != NULL) && g_array_index (points, ChartPoint, 0).x > f->x0 + 0.5)
    {
      prev_y = koers_key_result_get_start_value (self->kr);
      if (milestone)
        prev_y = 0.0;
      cairo_move_to (cr, map_x (f, f->x0 + 0.5), map_y (f, prev_y));
    }
  else
    {
      prev_y = g_array_index (points, ChartPoint, 0).y;
      cairo_move_to (cr, map_x (f, g_array_index (points, ChartPoint, 0).x), map_y (f, prev_y));
    }

  for (guint i = 0; i < points->len; i++)
    {
      const ChartPoint *pt = &g_array_index (points, ChartPoint, i);

      /* A milestone is done or not: steps, not slopes. */
      if (milestone)
        cairo_line_to (cr, map_x (f, pt->x), map_y (f, prev_y));
      cairo_line_to (cr, map_x (f, pt->x), map_y (f, pt->y));
      prev_y = pt->y;
    }
  cairo_stroke (cr);

  /* Round points while they stand apart; the latest one always. */
  all_points = TRUE;
  for (guint i = 1; i < points->len && all_points; i++)
    {
      const ChartPoint *a = &g_array_index (points, ChartPoint, i - 1);
      const ChartPoint *b = &g_array_index (points, ChartPoint, i);

      all_points = hypot (map_x (f, b->x) - map_x (f, a->x),
                          map_y (f, b->y) - map_y (f, a->y)) >= f->radius * 2.5;
    }
  for (guint i = all_points ? 0 : points->len - 1; i < points->len; i++)
    {
      const ChartPoint *pt = &g_array_index (points, ChartPoint, i);

      cairo_new_sub_path (cr);
      cairo_arc (cr, map_x (f, pt->x), map_y (f, pt->y), f->radius, 0, 2 * G_PI);
    }
  cairo_fill (cr);

  cairo_restore (cr);
}

/* One legend entry: a short sample of the line style, then its name. */
static double
draw_legend_item (const KoersChartParams *self,
                  cairo_t                *cr,
                  const Frame            *f,
                  const GdkRGBA          *color,
                  const char             *name,
                  int                     style,
                  double                  x,
                  gboolean                measure_only)
{
  double sample = f->font_px * 2.2;
  double cy = f->font_px * 0.9;
  int    w, h;

  get_text_size (self, f, name, &w, &h);
  if (measure_only)
    return sample + f->font_px * 0.4 + w + f->font_px * 1.2;

  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, color);
  switch (style)
    {
    case 0: /* actual */
      cairo_move_to (cr, x, cy);
      cairo_line_to (cr, x + sample, cy);
      cairo_set_line_width (cr, f->line_width);
      cairo_stroke (cr);
      cairo_arc (cr, x + sample / 2.0, cy, f->radius, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case 1: /* ideal */
      cairo_move_to (cr, x, cy);
      cairo_line_to (cr, x + sample, cy);
      stroke_ideal (cr, MAX (1.0, f->line_width * 0.8));
      break;
    case 2: /* today */
      cairo_move_to (cr, x + sample / 2.0, cy - f->font_px * 0.6);
      cairo_line_to (cr, x + sample / 2.0, cy + f->font_px * 0.6);
      stroke_today (cr, f->line_width);
      break;
    case 3: /* target */
    default:
      cairo_move_to (cr, x, cy);
      cairo_line_to (cr, x + sample, cy);
      stroke_target (cr, MAX (1.0, f->line_width * 0.8));
      break;
    }
  cairo_restore (cr);

  draw_text (self, cr, f, color, name, x + sample + f->font_px * 0.4, cy, 0.0, 0.5, FALSE);

  return sample + f->font_px * 0.4 + w + f->font_px * 1.2;
}

static void
draw_legend (const KoersChartParams *self,
             cairo_t                *cr,
             const Frame            *f,
             const Palette          *p,
             guint                   n_points)
{
  const char *names[] = {
    /* Translators: legend of the progress chart. */
    C_ ("chart legend", "Actual"),
    C_ ("chart legend", "Ideal"),
    C_ ("chart legend", "Today"),
    C_ ("chart legend", "Target"),
  };
  const GdkRGBA *colors[] = { &p->actual, &p->ideal, &p->today, &p->target };
  /* Only what the chart shows. */
  gboolean shown[] = { n_points > 0, has_ideal (self), get_today_x (f, NULL), TRUE };
  double   total = 0.0;
  double   x = f->left;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (shown[i])
      total += draw_legend_item (self, cr, f, colors[i], names[i], i, 0.0, TRUE);
  if (total > f->right - f->left + f->font_px)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (shown[i])
      x += draw_legend_item (self, cr, f, colors[i], names[i], i, x, FALSE);
}

void
koers_progress_chart_draw (const KoersChartParams *self,
                           cairo_t                *cr,
                           int                     width,
                           int                     height)
{
  g_autoptr (GArray) points = NULL;
  Palette palette;
  Frame   frame;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  if (self->kr == NULL || width < 8 || height < 8)
    return;

  points = collect_points (self);
  get_palette (self, &palette);
  compute_frame (self, points, width, height, &frame);
  if (frame.right - frame.left < 4.0 || frame.bottom - frame.top < 4.0)
    return;

  cairo_save (cr);

  if (!self->compact)
    draw_grid (self, cr, &frame, &palette);
  if (frame.labels)
    draw_x_axis (self, cr, &frame, &palette);
  if (frame.legend)
    draw_legend (self, cr, &frame, &palette, points->len);

  if (!self->compact)
    draw_target (self, cr, &frame, &palette);
  draw_ideal (self, cr, &frame, &palette);
  if (!self->compact)
    draw_today (self, cr, &frame, &palette);
  draw_actual (self, cr, &frame, &palette, points);

  if (points->len == 0 && frame.labels)
    draw_text (self, cr, &frame, &palette.text, _ ("No check-ins yet"),
               (frame.left + frame.right) / 2.0, (frame.top + frame.bottom) / 2.0,
               0.5, 0.5, FALSE);

  cairo_restore (cr);
}
