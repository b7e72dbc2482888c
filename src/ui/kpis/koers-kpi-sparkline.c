/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "core/koers-date.h"
#include "core/koers-format.h"
#include "koers-kpi-sparkline.h"
#include "koers-kpi-style.h"
#include "widgets/koers-widget-properties.h"

/* Without a period (or with too few values in it): this many of the last. */
#define RECENT_VALUES 8
#define PAD 4.0

struct _KoersKpiSparkline
{
  GtkDrawingArea parent_instance;

  KoersKpi   *kpi;
  KoersPeriod period;
  gboolean    has_period;
};

G_DEFINE_FINAL_TYPE (KoersKpiSparkline, koers_kpi_sparkline, GTK_TYPE_DRAWING_AREA)

static gboolean
value_date (KoersKpiValue *value,
            GDate         *out)
{
  return koers_date_parse (koers_kpi_value_get_date (value), out);
}

/* The last RECENT_VALUES values dated on or before end, oldest first. */
static GPtrArray *
list_recent (KoersKpi    *kpi,
             const GDate *end)
{
  GListModel *values = koers_kpi_get_values (kpi);
  guint       n = g_list_model_get_n_items (values);
  GPtrArray  *points = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n && points->len < RECENT_VALUES; i++)
    {
      g_autoptr (KoersKpiValue) value = g_list_model_get_item (values, i);
      GDate date;

      if (value_date (value, &date) && g_date_compare (&date, end) <= 0)
        g_ptr_array_insert (points, 0, g_steal_pointer (&value));
    }

  return points;
}

GPtrArray *
koers_kpi_sparkline_list_points (KoersKpiSparkline *self)
{
  GPtrArray  *points;
  GListModel *values;
  guint       n;
  GDate       end;

  g_return_val_if_fail (KOERS_IS_KPI_SPARKLINE (self), NULL);

  if (self->kpi == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  if (!self->has_period)
    {
      koers_date_today (&end);
      return list_recent (self->kpi, &end);
    }

  points = koers_kpi_list_values_in_period (self->kpi, &self->period);
  g_ptr_array_set_free_func (points, g_object_unref);

  /* The line comes in from the value before the period: where the KPI
   * stood when the period began. */
  values = koers_kpi_get_values (self->kpi);
  n = g_list_model_get_n_items (values);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKpiValue) value = g_list_model_get_item (values, i);
      GDate date;

      if (value_date (value, &date) && g_date_compare (&date, &self->period.start) < 0)
        {
          g_ptr_array_insert (points, 0, g_steal_pointer (&value));
          break;
        }
    }

  if (points->len >= 2)
    return points;

  /* A quarterly KPI in a quarter: a line needs more than one point. */
  g_ptr_array_unref (points);
  return list_recent (self->kpi, &self->period.end);
}

void
koers_kpi_sparkline_render (KoersKpiSparkline *self,
                            cairo_t           *cr,
                            int                width,
                            int                height)
{
  static const double dashes[] = { 3.0, 2.0 };
  g_autoptr (GPtrArray) points = NULL;
  GdkRGBA  color;
  GDate    first, date;
  double   lo, hi, healthy, span_days;
  double   w = width - 2 * PAD;
  double   h = height - 2 * PAD;
  gboolean by_date;

  g_return_if_fail (KOERS_IS_KPI_SPARKLINE (self));

  if (self->kpi == NULL || w <= 0 || h <= 0)
    return;

  points = koers_kpi_sparkline_list_points (self);
  /* gtk_widget_get_color() comes with 4.10; this is its 4.8 form. */
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);

  healthy = koers_kpi_get_healthy (self->kpi);
  lo = hi = healthy;
  for (guint i = 0; i < points->len; i++)
    {
      double v = koers_kpi_value_get_value (g_ptr_array_index (points, i));

      if (isfinite (v))
        {
          lo = MIN (lo, v);
          hi = MAX (hi, v);
        }
    }
  if (!isfinite (lo) || !isfinite (hi))
    return;
  if (hi - lo < 1e-9)
    {
      lo -= 1.0;
      hi += 1.0;
    }

  /* x by date when the dates differ, else by position. */
  span_days = 0.0;
  by_date = points->len >= 2 && value_date (g_ptr_array_index (points, 0), &first) && value_date (g_ptr_array_index (points, points->len - 1), &date) && (span_days = koers_date_days_between (&first, &date)) > 0;

#define Y_OF(v) (PAD + h - h * ((v) -lo) / (hi - lo))

  /* The healthy threshold. */
  cairo_save (cr);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha * 0.45);
  cairo_set_line_width (cr, 1.0);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, PAD, round (Y_OF (healthy)) + 0.5);
  cairo_line_to (cr, PAD + w, round (Y_OF (healthy)) + 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);

  if (points->len == 0)
    return;

  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, 1.6);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < points->len; i++)
        {
          KoersKpiValue *value = g_ptr_array_index (points, i);
          double         v = koers_kpi_value_get_value (value);
          double         x, y;

          if (!isfinite (v))
            continue;

          if (points->len == 1)
            x = PAD + w;
          else if (by_date && value_date (value, &date))
            x = PAD + w * koers_date_days_between (&first, &date) / span_days;
          else
            x = PAD + w * i / (points->len - 1);
          y = Y_OF (v);

          if (pass == 0)
            {
              if (i == 0)
                cairo_move_to (cr, x, y);
              else
                cairo_line_to (cr, x, y);
            }
          else
            {
              /* The latest value, where the KPI stands, is the big dot. */
              cairo_new_sub_path (cr);
              cairo_arc (cr, x, y, i + 1 == points->len ? 3.0 : 1.5, 0, 2 * G_PI);
              cairo_fill (cr);
            }
        }
      if (pass == 0)
        cairo_stroke (cr);
    }

#undef Y_OF
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  koers_kpi_sparkline_render (KOERS_KPI_SPARKLINE (area), cr, width, height);
}

char *
koers_kpi_sparkline_dup_summary (KoersKpiSparkline *self)
{
  KoersLanguage lang = koers_format_get_language ();
  g_autoptr (GPtrArray) points = NULL;
  KoersKpiValue   *first, *last;
  g_autofree char *first_date = NULL;
  g_autofree char *last_date = NULL;
  g_autofree char *first_value = NULL;
  g_autofree char *last_value = NULL;
  double           change;
  const char      *trend;

  g_return_val_if_fail (KOERS_IS_KPI_SPARKLINE (self), NULL);

  if (self->kpi == NULL)
    return g_strdup ("");

  points = koers_kpi_sparkline_list_points (self);
  if (points->len == 0)
    return g_strdup (_ ("No values yet."));

  first = g_ptr_array_index (points, 0);
  last = g_ptr_array_index (points, points->len - 1);
  first_date = koers_format_date_iso (lang, koers_kpi_value_get_date (first));
  last_date = koers_format_date_iso (lang, koers_kpi_value_get_date (last));
  first_value = koers_kpi_style_format_value (self->kpi, koers_kpi_value_get_value (first));
  last_value = koers_kpi_style_format_value (self->kpi, koers_kpi_value_get_value (last));

  if (points->len == 1)
    /* Translators: %1$s is a value, %2$s a date. */
    return g_strdup_printf (_ ("One value: %1$s on %2$s."), last_value, last_date != NULL ? last_date : "?");

  change = koers_kpi_value_get_value (last) - koers_kpi_value_get_value (first);
  if (koers_kpi_get_direction (self->kpi) == KOERS_KPI_DIRECTION_LOWER)
    change = -change;
  if (fabs (change) < 1e-9)
    trend = _ ("unchanged");
  else if (change > 0)
    trend = _ ("better");
  else
    trend = _ ("worse");

  return g_strdup_printf (ngettext ("%1$u value from %2$s to %3$s: %4$s → %5$s, %6$s.",
                                    /* Translators: "5 values from 1 January 2026 to 1 May
                                     * 2026: 38 → 42, better." */
                                    "%1$u values from %2$s to %3$s: %4$s → %5$s, %6$s.",
                                    points->len),
                          points->len, first_date != NULL ? first_date : "?",
                          last_date != NULL ? last_date : "?", first_value, last_value, trend);
}

static void
update (KoersKpiSparkline *self)
{
  g_autofree char *summary = koers_kpi_sparkline_dup_summary (self);

  koers_kpi_style_set_status_class (GTK_WIDGET (self),
                                    self->kpi != NULL ? koers_kpi_get_status (self->kpi)
                                                      : KOERS_KPI_STATUS_NONE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
disconnect_kpi (KoersKpiSparkline *self)
{
  if (self->kpi == NULL)
    return;

  g_signal_handlers_disconnect_by_data (koers_kpi_get_values (self->kpi), self);
  g_signal_handlers_disconnect_by_data (self->kpi, self);
  g_clear_object (&self->kpi);
}

void
koers_kpi_sparkline_set_kpi (KoersKpiSparkline *self,
                             KoersKpi          *kpi)
{
  g_return_if_fail (KOERS_IS_KPI_SPARKLINE (self));
  g_return_if_fail (kpi == NULL || KOERS_IS_KPI (kpi));

  if (self->kpi == kpi)
    return;

  disconnect_kpi (self);
  if (kpi != NULL)
    {
      self->kpi = g_object_ref (kpi);
      /* The values themselves (a changed date keeps the list sorted, so
       * items-changed covers it), and what the line is drawn against. */
      g_signal_connect_swapped (koers_kpi_get_values (kpi), "items-changed", G_CALLBACK (update), self);
      g_signal_connect_swapped (kpi, "notify::current-value", G_CALLBACK (update), self);
      g_signal_connect_swapped (kpi, "notify::status", G_CALLBACK (update), self);
      g_signal_connect_swapped (kpi, "notify::healthy", G_CALLBACK (update), self);
      g_signal_connect_swapped (kpi, "notify::direction", G_CALLBACK (update), self);
      g_signal_connect_swapped (kpi, "notify::unit", G_CALLBACK (update), self);
      g_signal_connect_swapped (kpi, "notify::metric-kind", G_CALLBACK (update), self);
    }
  update (self);
}

void
koers_kpi_sparkline_set_period (KoersKpiSparkline *self,
                                const KoersPeriod *period)
{
  g_return_if_fail (KOERS_IS_KPI_SPARKLINE (self));

  if (koers_widget_set_period (&self->period, &self->has_period, period))
    update (self);
}

static void
koers_kpi_sparkline_dispose (GObject *object)
{
  KoersKpiSparkline *self = KOERS_KPI_SPARKLINE (object);

  disconnect_kpi (self);

  G_OBJECT_CLASS (koers_kpi_sparkline_parent_class)->dispose (object);
}

static void
koers_kpi_sparkline_class_init (KoersKpiSparklineClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koers_kpi_sparkline_dispose;

  gtk_widget_class_set_css_name (widget_class, "kpisparkline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
koers_kpi_sparkline_init (KoersKpiSparkline *self)
{
  koers_kpi_style_ensure ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self), 112);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 36);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Trend"),
                                  -1);
}
