/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "core/koers-date.h"
#include "koers-test-ui.h"
#include "ui/widgets/koers-progress-chart.h"

/* KOERS_TODAY is 2026-05-15, in Q2. */

/* The colours of the actual line (koers-progress-chart-draw.c). */
#define LIGHT_ACTUAL 0x1c71d8
#define DARK_ACTUAL 0x62a0ea

typedef struct
{
  guint drawn;  /* pixels with any ink */
  guint actual; /* opaque pixels in the actual line's colour */
} Ink;

static KoersKeyResult *
new_key_result (KoersMetricKind kind,
                double          start,
                double          target)
{
  return koers_key_result_new ("Three campaigns bring 1,200 leads", kind, start, target,
                               kind == KOERS_METRIC_KIND_NUMBER ? "leads" : NULL);
}

static void
add_checkin (KoersKeyResult *kr,
             const GDate    *date,
             double          value)
{
  g_autofree char *iso = koers_date_format_iso (date);
  g_autoptr (KoersCheckin) checkin = koers_checkin_new (iso, value, KOERS_CHECKIN_STATUS_ON_TRACK, NULL);
  static gint64 created = 1;

  /* Distinct creation stamps keep the order of same-day check-ins. */
  koers_checkin_set_created (checkin, created++);
  koers_key_result_add_checkin (kr, checkin);
  koers_key_result_set_current_value (kr, koers_checkin_get_value (koers_key_result_get_latest_checkin (kr)));
}

/* n check-ins from the period's start up to today, rising towards 1,000. */
static void
add_checkins (KoersKeyResult *kr,
              guint           n)
{
  GDate start, today;
  int   days;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, G_DATE_APRIL, 2026);
  koers_date_today (&today);
  days = koers_date_days_between (&start, &today);

  for (guint i = 0; i < n; i++)
    {
      GDate date = start;

      g_date_add_days (&date, n > 1 ? (guint) (days * (double) i / (n - 1)) : (guint) days);
      add_checkin (kr, &date, 100.0 + 900.0 * i / MAX (n, 1) + (i % 7) * 10.0);
    }
}

static gboolean
near (guint8 a,
      guint  b)
{
  return ABS ((int) a - (int) b) <= 24;
}

static Ink
render (GtkWidget *chart,
        int        width,
        int        height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t         *cr = cairo_create (surface);
  gboolean         dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  guint32          actual = dark ? DARK_ACTUAL : LIGHT_ACTUAL;
  const guint8    *data;
  int              stride;
  Ink              ink = { 0, 0 };

  koers_progress_chart_render (KOERS_PROGRESS_CHART (chart), cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *) (const void *) (data + y * stride + x * 4);
        guint8  a = pixel >> 24, r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        if (a == 0)
          continue;
        ink.drawn++;
        if (a == 0xff && near (r, actual >> 16) && near (g, (actual >> 8) & 0xff) && near (b, actual & 0xff))
          ink.actual++;
      }

  cairo_surface_destroy (surface);
  return ink;
}

static GtkWidget *
new_chart (KoersKeyResult *kr,
           gboolean        sparkline)
{
  KoersPeriod period;

  koers_period_init_quarter (&period, 2026, 2);
  if (sparkline)
    return g_object_ref_sink (koers_progress_chart_new_sparkline (kr, &period));
  return g_object_ref_sink (koers_progress_chart_new (kr, &period));
}

/* Every size from a row's sparkline to full screen, with 0, 1 and 1,000
 * check-ins: it draws, and the actual line shows only when there is one. */
static void
test_sizes (void)
{
  const guint counts[] = { 0, 1, 1000 };
  const struct
  {
    int      width, height;
    gboolean sparkline;
  } sizes[] = {
    { 72, 20, TRUE },
    { 120, 40, FALSE },
    { 300, 160, FALSE },
    { 640, 300, FALSE },
    { 1600, 900, FALSE },
  };

  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    {
      g_autoptr (KoersKeyResult) kr = new_key_result (KOERS_METRIC_KIND_NUMBER, 0, 1200);

      add_checkins (kr, counts[c]);
      g_assert_cmpuint (g_list_model_get_n_items (koers_key_result_get_checkins (kr)), ==, counts[c]);

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autoptr (GtkWidget) chart = new_chart (kr, sizes[s].sparkline);
          Ink ink = render (chart, sizes[s].width, sizes[s].height);

          g_test_message ("%u check-ins at %dx%d: %u drawn, %u actual", counts[c],
                          sizes[s].width, sizes[s].height, ink.drawn, ink.actual);
          /* The ideal line at least. */
          g_assert_cmpuint (ink.drawn, >, 0);
          g_assert_cmpuint (ink.drawn, <, (guint) (sizes[s].width * sizes[s].height));
          if (counts[c] == 0)
            g_assert_cmpuint (ink.actual, ==, 0);
          else
            g_assert_cmpuint (ink.actual, >, 0);
        }
    }
}

/* Dark style, lighter line colours. */
static void
test_dark (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr (KoersKeyResult) kr = new_key_result (KOERS_METRIC_KIND_NUMBER, 0, 1200);
  g_autoptr (GtkWidget) chart = NULL;
  Ink light, dark;

  add_checkins (kr, 6);
  chart = new_chart (kr, FALSE);

  light = render (chart, 640, 300);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));
  dark = render (chart, 640, 300);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);

  g_assert_cmpuint (light.actual, >, 0);
  g_assert_cmpuint (dark.actual, >, 0);
}

/* Odd key results draw without warnings (G_DEBUG=fatal-warnings). */
static void
test_unusual (void)
{
  struct
  {
    KoersMetricKind kind;
    double          start, target;
    double          values[3];
  } cases[] = {
    { KOERS_METRIC_KIND_NUMBER, 10, 5, { 9, 7, 11 } },        /* decreasing: churn */
    { KOERS_METRIC_KIND_NUMBER, 5, 5, { 5, 5, 5 } },          /* start is target, flat */
    { KOERS_METRIC_KIND_PERCENTAGE, 18, 25, { -4, 40, 22 } }, /* outside the range */
    { KOERS_METRIC_KIND_CURRENCY, 0, 2e6, { 1e5, 9e5, 1.5e6 } },
    { KOERS_METRIC_KIND_MILESTONE, 0, 1, { 0, 0, 1 } },
    { KOERS_METRIC_KIND_NUMBER, 0, 1e15, { 1, 1e14, 9e14 } }, /* the largest a user can type */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KoersKeyResult) kr = new_key_result (cases[i].kind, cases[i].start, cases[i].target);
      g_autoptr (GtkWidget) chart = NULL;
      g_autoptr (GtkWidget) no_period = NULL;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 2, G_DATE_APRIL, 2026);
      for (guint v = 0; v < 3; v++)
        {
          add_checkin (kr, &date, cases[i].values[v]);
          g_date_add_days (&date, 14);
        }

      chart = new_chart (kr, FALSE);
      g_assert_cmpuint (render (chart, 640, 300).actual, >, 0);
      g_assert_cmpuint (render (chart, 120, 40).drawn, >, 0);

      /* Without a period: the range follows the check-ins. */
      no_period = g_object_ref_sink (koers_progress_chart_new (kr, NULL));
      g_assert_null (koers_progress_chart_get_period (KOERS_PROGRESS_CHART (no_period)));
      g_assert_cmpuint (render (no_period, 640, 300).actual, >, 0);
    }
}

/* The description says in words what the chart shows, and follows. */
static void
test_summary (void)
{
  g_autoptr (KoersKeyResult) kr = new_key_result (KOERS_METRIC_KIND_NUMBER, 0, 1200);
  g_autoptr (GtkWidget) chart = new_chart (kr, FALSE);
  g_autofree char *empty = koers_progress_chart_dup_summary (KOERS_PROGRESS_CHART (chart));
  g_autofree char *one = NULL;
  g_autofree char *three = NULL;
  GDate            date;

  g_assert_true (g_str_has_prefix (empty, "No check-ins yet; from 0 leads to 1,200 leads."));
  g_assert_nonnull (strstr (empty, "The ideal line expects 49% by today."));

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 10, G_DATE_APRIL, 2026);
  add_checkin (kr, &date, 300);
  one = koers_progress_chart_dup_summary (KOERS_PROGRESS_CHART (chart));
  g_assert_true (g_str_has_prefix (one, "One check-in, on 10 April 2026. "
                                        "Latest value 300 leads, 25% of the way from 0 leads to 1,200 leads."));

  g_date_set_dmy (&date, 1, G_DATE_MAY, 2026);
  add_checkin (kr, &date, 450);
  g_date_set_dmy (&date, 14, G_DATE_MAY, 2026);
  add_checkin (kr, &date, 600);
  three = koers_progress_chart_dup_summary (KOERS_PROGRESS_CHART (chart));
  g_assert_true (g_str_has_prefix (three, "3 check-ins from 10 April 2026 to 14 May 2026. "
                                          "Latest value 600 leads, 50% of the way"));

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)), ==, GTK_ACCESSIBLE_ROLE_IMG);
}

/* The properties read back what was set; without a period, "period" is
 * NULL. */
static void
test_properties (void)
{
  g_autoptr (KoersKeyResult) kr = new_key_result (KOERS_METRIC_KIND_NUMBER, 0, 1200);
  g_autoptr (GtkWidget) chart = g_object_ref_sink (koers_progress_chart_new_sparkline (kr, NULL));
  g_autoptr (KoersKeyResult) read_kr = NULL;
  g_autoptr (KoersPeriod) read_period = NULL;
  KoersPeriod period;
  gboolean    compact = FALSE;

  g_object_get (chart, "key-result", &read_kr, "period", &read_period, "compact", &compact, NULL);
  g_assert_true (read_kr == kr);
  g_assert_null (read_period);
  g_assert_true (compact);

  koers_period_init_quarter (&period, 2026, 2);
  g_object_set (chart, "period", &period, "key-result", NULL, NULL);
  g_object_get (chart, "period", &read_period, NULL);
  g_assert_nonnull (read_period);
  g_assert_true (koers_period_equal (read_period, &period));
  g_assert_null (koers_progress_chart_get_key_result (KOERS_PROGRESS_CHART (chart)));
}

/* On screen, in a window: drawn by GTK, without warnings, also when the
 * data changes while it is shown.  No timing is asserted. */
static void
test_in_window (void)
{
  g_autoptr (KoersKeyResult) kr = new_key_result (KOERS_METRIC_KIND_NUMBER, 0, 1200);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *chart = new_chart (kr, FALSE);
  GtkWidget *sparkline = new_chart (kr, TRUE);

  add_checkins (kr, 1000);
  gtk_widget_set_vexpand (chart, TRUE);
  gtk_box_append (GTK_BOX (box), chart);
  gtk_box_append (GTK_BOX (box), sparkline);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 500);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  g_assert_cmpint (gtk_widget_get_width (chart), >, 100);
  g_assert_cmpint (gtk_widget_get_width (sparkline), >, 0);

  /* Changes redraw: a new check-in, an edited one, a new period. */
  {
    GDate       date;
    KoersPeriod year;

    koers_date_today (&date);
    add_checkin (kr, &date, 1250);
    koers_checkin_set_value (koers_key_result_get_latest_checkin (kr), 1300);
    koers_period_init_year (&year, 2026);
    koers_progress_chart_set_period (KOERS_PROGRESS_CHART (chart), &year);
    g_assert_true (koers_period_equal (koers_progress_chart_get_period (KOERS_PROGRESS_CHART (chart)), &year));
    gtk_test_widget_wait_for_draw (window);
  }

  gtk_window_set_default_size (GTK_WINDOW (window), 120, 80);
  gtk_test_widget_wait_for_draw (window);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (chart);
  g_object_unref (sparkline);
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add_func ("/progress-chart/sizes", test_sizes);
  g_test_add_func ("/progress-chart/dark", test_dark);
  g_test_add_func ("/progress-chart/unusual", test_unusual);
  g_test_add_func ("/progress-chart/summary", test_summary);
  g_test_add_func ("/progress-chart/properties", test_properties);
  g_test_add_func ("/progress-chart/in-window", test_in_window);

  return g_test_run ();
}
