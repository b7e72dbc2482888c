/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <cairo-svg.h>

#include "koers-html-svg.h"
#include "koers-html-text.h"

#define CHART_PAD 4.0

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The name in an attribute value starting at p, up to its quote. */
static char *
read_name (const char *p)
{
  const char *end = strpbrk (p, "\")");

  return end != NULL ? g_strndup (p, end - p) : NULL;
}

/* Cairo numbers ids with counters that live as long as the process
 * (surface ids): give them names by order of appearance instead. */
static GHashTable *
name_ids (const char *svg,
          guint       chart)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint       n = 0;

  for (const char *p = strstr (svg, " id=\""); p != NULL; p = strstr (p + 1, " id=\""))
    {
      char *id = read_name (p + 5);

      if (id == NULL || g_hash_table_contains (names, id))
        {
          g_free (id);
          continue;
        }
      g_hash_table_insert (names, id, g_strdup_printf ("c%u-%u", chart, ++n));
    }

  return names;
}

static void
append_renamed (GString    *out,
                const char *svg,
                GHashTable *names)
{
  static const char *const refs[] = { " id=\"", "href=\"#", "url(#" };
  const char              *p = svg;

  while (*p != '\0')
    {
      const char *next = NULL;
      gsize       ref_len = 0;

      for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
        {
          const char *hit = strstr (p, refs[i]);

          if (hit != NULL && (next == NULL || hit < next))
            {
              next = hit;
              ref_len = strlen (refs[i]);
            }
        }
      if (next == NULL)
        {
          g_string_append (out, p);
          return;
        }

      g_string_append_len (out, p, next + ref_len - p);
      p = next + ref_len;
      {
        g_autofree char *name = read_name (p);
        const char      *renamed = name != NULL ? g_hash_table_lookup (names, name) : NULL;

        if (renamed != NULL)
          {
            g_string_append (out, renamed);
            p += strlen (name);
          }
      }
    }
}

static void
run_pass (KoersReportLayout *layout,
          cairo_surface_t   *surface,
          double             w,
          KoersHtmlChartDraw draw,
          gconstpointer      item)
{
  layout->surface = surface;
  layout->cairo = surface != NULL ? cairo_create (surface) : NULL;
  layout->drawing = surface != NULL;
  layout->pass = surface != NULL ? 1 : 0;
  layout->endless = TRUE;
  layout->page_open = TRUE;
  layout->y = 0.0;
  if (layout->cairo != NULL)
    cairo_translate (layout->cairo, CHART_PAD - KOERS_REPORT_MARGIN_X, CHART_PAD);

  draw (layout, item, w);

  koers_report_layout_release_cairo (layout);
  layout->surface = NULL;
  layout->drawing = FALSE;
}

void
koers_html_svg_append (KoersHtmlCharts   *charts,
                       GString           *out,
                       const char        *alt,
                       double             w,
                       KoersHtmlChartDraw draw,
                       gconstpointer      item)
{
  KoersReportLayout *layout = charts->layout;
  g_autoptr (GString) svg = g_string_new (NULL);
  g_autoptr (GHashTable) names = NULL;
  cairo_surface_t *surface;
  double           width = w + 2 * CHART_PAD;
  double           height;
  const char      *body;

  run_pass (layout, NULL, w, draw, item);
  height = layout->y + 2 * CHART_PAD;

  surface = cairo_svg_surface_create_for_stream (write_cb, svg, width, height);
  cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
  run_pass (layout, surface, w, draw, item);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  charts->n_charts++;
  /* Cairo's own <svg> tag, and the prolog before it, give way to one that
   * scales with the page and says what the chart shows. */
  body = strstr (svg->str, "<svg");
  body = body != NULL ? strchr (body, '>') : NULL;
  if (body == NULL)
    return;
  body++;

  names = name_ids (body, charts->n_charts);
  g_string_append_printf (out,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                          "xmlns:xlink=\"http://www.w3.org/1999/xlink\" class=\"chart\" "
                          "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"",
                          (int) (width + 0.999), (int) (height + 0.999));
  koers_html_append_text (out, alt);
  g_string_append (out, "\"><title>");
  koers_html_append_text (out, alt);
  g_string_append (out, "</title>");
  append_renamed (out, body, names);
  /* Cairo ends with a newline after </svg>. */
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
}
