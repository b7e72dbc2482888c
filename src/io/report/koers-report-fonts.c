/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-report-fonts.h"
#include "koers-report.h"

static const struct
{
  double      size;
  PangoWeight weight;
} font_specs[N_KOERS_REPORT_FONTS] = {
  [KOERS_REPORT_FONT_COVER_TITLE] = { 34.0, PANGO_WEIGHT_BOLD },
  [KOERS_REPORT_FONT_COVER_SUBTITLE] = { 15.0, PANGO_WEIGHT_NORMAL },
  [KOERS_REPORT_FONT_FIGURE] = { 24.0, PANGO_WEIGHT_BOLD },
  [KOERS_REPORT_FONT_H1] = { 18.0, PANGO_WEIGHT_BOLD },
  [KOERS_REPORT_FONT_H2] = { 12.5, PANGO_WEIGHT_BOLD },
  [KOERS_REPORT_FONT_H3] = { 10.0, PANGO_WEIGHT_BOLD },
  [KOERS_REPORT_FONT_BODY] = { 9.5, PANGO_WEIGHT_NORMAL },
  [KOERS_REPORT_FONT_BODY_BOLD] = { 9.5, PANGO_WEIGHT_BOLD },
  [KOERS_REPORT_FONT_SMALL] = { 8.0, PANGO_WEIGHT_NORMAL },
  [KOERS_REPORT_FONT_SMALL_BOLD] = { 8.0, PANGO_WEIGHT_BOLD },
  [KOERS_REPORT_FONT_TABLE] = { 7.5, PANGO_WEIGHT_NORMAL },
  [KOERS_REPORT_FONT_TABLE_BOLD] = { 7.5, PANGO_WEIGHT_BOLD },
  [KOERS_REPORT_FONT_CAPTION] = { 7.0, PANGO_WEIGHT_NORMAL },
  [KOERS_REPORT_FONT_TINY] = { 6.3, PANGO_WEIGHT_NORMAL },
  [KOERS_REPORT_FONT_HEAD_SMALL] = { 7.0, PANGO_WEIGHT_BOLD },
  [KOERS_REPORT_FONT_HEAD_SMALLER] = { 6.5, PANGO_WEIGHT_BOLD },
  [KOERS_REPORT_FONT_HEAD_SMALLEST] = { 6.0, PANGO_WEIGHT_BOLD },
  [KOERS_REPORT_FONT_CAPTION_BOLD] = { 7.0, PANGO_WEIGHT_BOLD },
  [KOERS_REPORT_FONT_TINY_BOLD] = { 6.3, PANGO_WEIGHT_BOLD },
};

PangoFontDescription *
koers_report_font_description_new (KoersReportFont font)
{
  PangoFontDescription *description = pango_font_description_new ();

  pango_font_description_set_family (description, KOERS_REPORT_FONT_FAMILY);
  pango_font_description_set_weight (description, font_specs[font].weight);
  pango_font_description_set_absolute_size (description, font_specs[font].size * PANGO_SCALE);
  return description;
}

double
koers_report_font_get_size (KoersReportFont font)
{
  return font_specs[font].size;
}

void
koers_report_fonts_set_up_context (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Metrics unhinted and at 72 dpi, as on a PDF surface, so the measuring
   * pass and the drawing pass break lines in the same places. */
  pango_cairo_context_set_resolution (context, 72.0);
  /* Glyphs where the font puts them: positions rounded to whole points
   * made Cairo correct nearly every glyph in the PDF's text operators,
   * most of the time a page took to write. */
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
}

/* The font map warmed for the next report, handed from the thread that
 * warms it to the one that lays out the report: used by one thread at a
 * time, as a Pango font map must be. */
static GMutex        warm_mutex;
static GCond         warm_done;
static gboolean      warming;
static PangoFontMap *warm_map;
/* Set when the report asks for the map: warming stops after the font at
 * hand, and the report loads the rest as it needs them.  Waiting for the
 * whole set (40 ms on the build machine, most of it a font set a size)
 * kept the command idle for 11 ms. */
static gint warm_wanted;

/* Every font of the report, laid out once: Pango's font sets and metrics
 * are then ready (a tenth of a small report's time, now spent while the
 * database opens).  One digit each, not a sample of the alphabet: the
 * command waits for this thread, and most of a sample's glyphs (27 M of
 * 117 M instructions here) were never drawn in that font; those that are
 * get loaded when first drawn, for 8 M. */
static gpointer
warm_fonts_thread (gpointer data)
{
  PangoFontMap *map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (map); /* no autoptr in Pango 1.50 */
  g_autoptr (PangoLayout) layout = NULL;

  koers_report_fonts_set_up_context (context);
  layout = pango_layout_new (context);
  pango_layout_set_text (layout, "0", -1);
  for (guint i = 0; i < N_KOERS_REPORT_FONTS && !g_atomic_int_get (&warm_wanted); i++)
    {
      PangoFontDescription *description = koers_report_font_description_new (i);

      pango_layout_set_font_description (layout, description);
      pango_layout_get_extents (layout, NULL, NULL);
      pango_font_description_free (description);
    }
  g_clear_object (&layout);
  g_object_unref (context);

  g_mutex_lock (&warm_mutex);
  g_clear_object (&warm_map);
  warm_map = map;
  warming = FALSE;
  g_cond_broadcast (&warm_done);
  g_mutex_unlock (&warm_mutex);
  return NULL;
}

void
koers_report_warm_fonts (void)
{
  g_mutex_lock (&warm_mutex);
  if (warming)
    {
      g_mutex_unlock (&warm_mutex);
      return;
    }
  warming = TRUE;
  g_atomic_int_set (&warm_wanted, FALSE);
  g_mutex_unlock (&warm_mutex);

  g_thread_unref (g_thread_new ("koers-fonts", warm_fonts_thread, NULL));
}

PangoFontMap *
koers_report_fonts_take_warm_map (void)
{
  PangoFontMap *map;

  g_atomic_int_set (&warm_wanted, TRUE);
  g_mutex_lock (&warm_mutex);
  while (warming)
    g_cond_wait (&warm_done, &warm_mutex);
  map = g_steal_pointer (&warm_map);
  g_mutex_unlock (&warm_mutex);
  return map;
}
