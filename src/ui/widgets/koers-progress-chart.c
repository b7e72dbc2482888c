/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "core/koers-date.h"
#include "core/koers-format.h"
#include "core/koers-property.h"
#include "core/koers-scoring.h"
#include "koers-progress-chart-private.h"
#include "koers-progress-chart.h"
#include "koers-tooltip.h"
#include "koers-widget-properties.h"

struct _KoersProgressChart
{
  GtkDrawingArea parent_instance;

  KoersKeyResult *kr; /* watched: its notify and checkins-changed */
  KoersPeriod     period;
  gboolean        has_period;
  gboolean        compact;
};

G_DEFINE_FINAL_TYPE (KoersProgressChart, koers_progress_chart, GTK_TYPE_DRAWING_AREA)

enum
{
  PROP_0,
  PROP_KEY_RESULT,
  PROP_PERIOD,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
koers_progress_chart_render (KoersProgressChart *self,
                             cairo_t            *cr,
                             int                 width,
                             int                 height)
{
  KoersChartParams params = { 0 };

  g_return_if_fail (KOERS_IS_PROGRESS_CHART (self));
  g_return_if_fail (cr != NULL);

  params.kr = self->kr;
  params.period = self->has_period ? &self->period : NULL;
  params.compact = self->compact;
  params.pango_context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  params.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  /* gtk_widget_get_color() comes with 4.10; this is its 4.8 form. */
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &params.fg);

  koers_progress_chart_draw (&params, cr, width, height);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  koers_progress_chart_render (KOERS_PROGRESS_CHART (area), cr, width, height);
}

char *
koers_progress_chart_dup_summary (KoersProgressChart *self)
{
  KoersLanguage    lang = koers_format_get_language ();
  KoersMetricKind  kind;
  const char      *unit;
  g_autofree char *start = NULL;
  g_autofree char *target = NULL;
  GString         *out;
  guint            n;

  g_return_val_if_fail (KOERS_IS_PROGRESS_CHART (self), NULL);

  if (self->kr == NULL)
    return g_strdup ("");

  kind = koers_key_result_get_metric_kind (self->kr);
  unit = koers_key_result_get_unit (self->kr);
  start = koers_format_metric (lang, kind, unit, koers_key_result_get_start_value (self->kr));
  target = koers_format_metric (lang, kind, unit, koers_key_result_get_target_value (self->kr));
  n = koers_key_result_get_n_checkins (self->kr);
  out = g_string_new (NULL);

  if (n == 0)
    {
      /* Translators: %1$s is the start value, %2$s the target. */
      g_string_append_printf (out, _ ("No check-ins yet; from %1$s to %2$s."), start, target);
    }
  else
    {
      KoersCheckin    *latest = koers_key_result_get_latest_checkin (self->kr);
      g_autofree char *first_date =
        koers_format_date_iso (lang, koers_key_result_get_first_checkin_date (self->kr));
      g_autofree char *last_date = koers_format_date_iso (lang, koers_checkin_get_date (latest));
      double           progress = koers_key_result_get_progress (self->kr);
      g_autofree char *value = koers_format_metric (lang, kind, unit,
                                                    koers_checkin_get_value (latest));
      g_autofree char *percent = koers_format_percent (lang, 100.0 * progress, 0);

      if (n == 1)
        /* Translators: %s is a date. */
        g_string_append_printf (out, _ ("One check-in, on %s."),
                                last_date != NULL ? last_date : "?");
      else
        g_string_append_printf (out,
                                /* Translators: %1$u is a number of check-ins,
                                 * %2$s and %3$s dates. */
                                ngettext ("%1$u check-in from %2$s to %3$s.",
                                          "%1$u check-ins from %2$s to %3$s.", n),
                                n, first_date != NULL ? first_date : "?",
                                last_date != NULL ? last_date : "?");
      g_string_append_c (out, ' ');
      if (kind == KOERS_METRIC_KIND_MILESTONE)
        /* Translators: %s is "Done" or "Not done". */
        g_string_append_printf (out, _ ("Latest: %s."), value);
      else
        /* Translators: %1$s is the latest value, %2$s a percentage, %3$s
         * the start value, %4$s the target. */
        g_string_append_printf (out, _ ("Latest value %1$s, %2$s of the way from %3$s to %4$s."),
                                value, percent, start, target);
    }

  if (self->has_period && kind != KOERS_METRIC_KIND_MILESTONE)
    {
      GDate            today;
      g_autofree char *expected = NULL;

      koers_date_today (&today);
      if (koers_period_contains_date (&self->period, &today))
        {
          double ideal = koers_score_expected_progress (&self->period, &today);

          expected = koers_format_percent (lang, 100.0 * ideal, 0);
          g_string_append_c (out, ' ');
          /* Translators: %s is a percentage. */
          g_string_append_printf (out, _ ("The ideal line expects %s by today."), expected);
        }
    }

  return g_string_free (out, FALSE);
}

static void
update_summary (KoersProgressChart *self)
{
  g_autofree char *summary = koers_progress_chart_dup_summary (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
  if (self->compact)
    koers_tooltip_set_text (GTK_WIDGET (self), summary);
}

static void
data_changed_cb (KoersProgressChart *self)
{
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
koers_progress_chart_set_key_result (KoersProgressChart *self,
                                     KoersKeyResult     *kr)
{
  g_return_if_fail (KOERS_IS_PROGRESS_CHART (self));
  g_return_if_fail (kr == NULL || KOERS_IS_KEY_RESULT (kr));

  /* The key result's summary says when its check-ins changed, also an
   * older one edited in place: no handler per check-in. */
  if (!koers_widget_follow (self, &self->kr, kr, "notify", G_CALLBACK (data_changed_cb)))
    return;
  if (kr != NULL)
    g_signal_connect_swapped (kr, "checkins-changed", G_CALLBACK (data_changed_cb), self);

  data_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY_RESULT]);
}

KoersKeyResult *
koers_progress_chart_get_key_result (KoersProgressChart *self)
{
  g_return_val_if_fail (KOERS_IS_PROGRESS_CHART (self), NULL);

  return self->kr;
}

void
koers_progress_chart_set_period (KoersProgressChart *self,
                                 const KoersPeriod  *period)
{
  g_return_if_fail (KOERS_IS_PROGRESS_CHART (self));

  if (period == NULL && !self->has_period)
    return;
  if (period != NULL && self->has_period && koers_period_equal (period, &self->period))
    return;

  self->has_period = period != NULL && g_date_valid (&period->start) && g_date_valid (&period->end);
  if (self->has_period)
    self->period = *period;

  data_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

const KoersPeriod *
koers_progress_chart_get_period (KoersProgressChart *self)
{
  g_return_val_if_fail (KOERS_IS_PROGRESS_CHART (self), NULL);

  return self->has_period ? &self->period : NULL;
}

KOERS_DEFINE_GETTER (KoersProgressChart, koers_progress_chart, KOERS_IS_PROGRESS_CHART, gboolean, compact, FALSE)

static void
koers_progress_chart_css_changed (GtkWidget         *widget,
                                  GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (koers_progress_chart_parent_class)->css_changed (widget, change);

  /* Light, dark or high contrast: the colours come from the style. */
  gtk_widget_queue_draw (widget);
}

static void
koers_progress_chart_constructed (GObject *object)
{
  KoersProgressChart *self = KOERS_PROGRESS_CHART (object);

  G_OBJECT_CLASS (koers_progress_chart_parent_class)->constructed (object);

  if (self->compact)
    {
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self), 72);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 20);
      gtk_widget_add_css_class (GTK_WIDGET (self), "sparkline");
    }
  else
    {
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self), 120);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 40);
      gtk_widget_add_css_class (GTK_WIDGET (self), "progress-chart");
    }
  update_summary (self);
}

static void
koers_progress_chart_dispose (GObject *object)
{
  KoersProgressChart *self = KOERS_PROGRESS_CHART (object);

  koers_widget_unfollow (self, &self->kr);

  G_OBJECT_CLASS (koers_progress_chart_parent_class)->dispose (object);
}

static void
set_key_result (GObject      *object,
                GParamSpec   *pspec,
                const GValue *value)
{
  koers_progress_chart_set_key_result (KOERS_PROGRESS_CHART (object), g_value_get_object (value));
}

/* NULL without a period, not the unset field. */
static void
get_period (GObject *object,
            GValue  *value)
{
  g_value_set_boxed (value, koers_progress_chart_get_period (KOERS_PROGRESS_CHART (object)));
}

static void
set_period (GObject      *object,
            GParamSpec   *pspec,
            const GValue *value)
{
  koers_progress_chart_set_period (KOERS_PROGRESS_CHART (object), g_value_get_boxed (value));
}

/* In the order of the property ids above. */
static const KoersProperty property_table[] = {
  { "key-result", KOERS_PROPERTY_OBJECT, G_STRUCT_OFFSET (KoersProgressChart, kr),
    .type = koers_key_result_get_type, .set = set_key_result },
  { "period", KOERS_PROPERTY_BOXED, 0, .type = koers_period_get_type, .set = set_period,
    .get = get_period },
  { "compact", KOERS_PROPERTY_BOOLEAN, G_STRUCT_OFFSET (KoersProgressChart, compact),
    .construct_only = TRUE },
};

static void
koers_progress_chart_class_init (KoersProgressChartClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = koers_progress_chart_constructed;
  object_class->dispose = koers_progress_chart_dispose;
  widget_class->css_changed = koers_progress_chart_css_changed;

  koers_property_install (object_class, property_table, N_PROPS - 1, properties);

  gtk_widget_class_set_css_name (widget_class, "progresschart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
koers_progress_chart_init (KoersProgressChart *self)
{
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Progress chart"),
                                  -1);
}

/* The full chart and the sparkline differ only in how much they draw. */
static GtkWidget *
progress_chart_new (KoersKeyResult    *kr,
                    const KoersPeriod *period,
                    gboolean           compact)
{
  g_return_val_if_fail (kr == NULL || KOERS_IS_KEY_RESULT (kr), NULL);

  return g_object_new (KOERS_TYPE_PROGRESS_CHART,
                       "compact", compact,
                       "key-result", kr,
                       "period", period,
                       NULL);
}

GtkWidget *
koers_progress_chart_new (KoersKeyResult    *kr,
                          const KoersPeriod *period)
{
  return progress_chart_new (kr, period, FALSE);
}

GtkWidget *
koers_progress_chart_new_sparkline (KoersKeyResult    *kr,
                                    const KoersPeriod *period)
{
  return progress_chart_new (kr, period, TRUE);
}
