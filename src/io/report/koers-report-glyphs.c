/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-report-glyphs.h"

struct _KoersReportGlyphs
{
  GArray              *glyphs; /* of cairo_glyph_t, waiting */
  cairo_scaled_font_t *font;   /* theirs */
  KoersReportColor     color;  /* theirs */
};

KoersReportGlyphs *
koers_report_glyphs_new (void)
{
  KoersReportGlyphs *self = g_new0 (KoersReportGlyphs, 1);

  self->glyphs = g_array_sized_new (FALSE, FALSE, sizeof (cairo_glyph_t), 256);
  return self;
}

void
koers_report_glyphs_free (KoersReportGlyphs *self)
{
  g_array_unref (self->glyphs);
  g_clear_pointer (&self->font, cairo_scaled_font_destroy);
  g_free (self);
}

void
koers_report_glyphs_flush (KoersReportGlyphs *self,
                           cairo_t           *cr)
{
  if (self->glyphs->len == 0)
    return;

  cairo_set_source_rgb (cr, self->color.r, self->color.g, self->color.b);
  cairo_set_scaled_font (cr, self->font);
  cairo_show_glyphs (cr, (cairo_glyph_t *) (gpointer) self->glyphs->data, (int) self->glyphs->len);
  g_array_set_size (self->glyphs, 0);
  g_clear_pointer (&self->font, cairo_scaled_font_destroy);
}

/* Characters whose glyph the PDF's character map (made from the font's)
 * gives back as themselves: the Latin scripts, punctuation, currency
 * signs, arrows and the like. */
static gboolean
is_plain_char (gunichar c)
{
  return (c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c < 0x250) || (c >= 0x2010 && c < 0x2028) ||
         (c >= 0x2030 && c < 0x205F) || (c >= 0x20A0 && c < 0x20D0) || (c >= 0x2190 && c < 0x2200) ||
         c == 0x2212 || c == 0x2248 || c == 0x2264 || c == 0x2265;
}

/* Whether a run can go out as bare glyphs: left to right, each character
 * a plain one drawn by a glyph of its own, so that a reader copying the
 * text gets it back.  Anything else (a ligature, a mark, a missing glyph,
 * right-to-left text, another script) goes out as Pango draws it, with
 * the clusters that map its glyphs to its text. */
static gboolean
run_is_plain (const char     *text,
              PangoGlyphItem *run)
{
  const PangoItem  *item = run->item;
  PangoGlyphString *glyphs = run->glyphs;
  const char       *start = text + item->offset;
  const char       *p = start;

  if ((item->analysis.level & 1) != 0 || glyphs->num_glyphs != item->num_chars)
    return FALSE;

  for (int i = 0; i < glyphs->num_glyphs; i++, p = g_utf8_next_char (p))
    {
      PangoGlyph glyph = glyphs->glyphs[i].glyph;

      if (glyph == PANGO_GLYPH_EMPTY || (glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0 ||
          glyphs->log_clusters[i] != p - start || !is_plain_char (g_utf8_get_char (p)))
        return FALSE;
    }

  return p == start + item->length;
}

static void
add_run (KoersReportGlyphs      *self,
         cairo_t                *cr,
         const char             *text,
         PangoGlyphItem         *run,
         double                  x,
         double                  y,
         const KoersReportColor *color)
{
  PangoGlyphString    *glyphs = run->glyphs;
  cairo_scaled_font_t *font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font));
  int                  x_position = 0;

  if (font == NULL || !run_is_plain (text, run))
    {
      koers_report_glyphs_flush (self, cr);
      cairo_set_source_rgb (cr, color->r, color->g, color->b);
      cairo_move_to (cr, x, y);
      pango_cairo_show_glyph_item (cr, text, run);
      return;
    }

  if (self->glyphs->len > 0 && (font != self->font || color->r != self->color.r ||
                                color->g != self->color.g || color->b != self->color.b))
    koers_report_glyphs_flush (self, cr);
  if (self->glyphs->len == 0)
    {
      self->font = cairo_scaled_font_reference (font);
      self->color = *color;
    }

  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      const PangoGlyphInfo *info = &glyphs->glyphs[i];
      cairo_glyph_t         glyph = {
                .index = info->glyph,
                .x = x + (double) (x_position + info->geometry.x_offset) / PANGO_SCALE,
                .y = y + (double) info->geometry.y_offset / PANGO_SCALE,
      };

      g_array_append_val (self->glyphs, glyph);
      x_position += info->geometry.width;
    }
}

void
koers_report_glyphs_add_line (KoersReportGlyphs      *self,
                              cairo_t                *cr,
                              PangoLayoutLine        *line,
                              double                  x,
                              double                  y,
                              const KoersReportColor *color)
{
  const char *text = pango_layout_get_text (line->layout);

  /* The runs stand in visual order, each as wide as its glyphs. */
  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;

      add_run (self, cr, text, run, x, y, color);
      x += (double) pango_glyph_string_get_width (run->glyphs) / PANGO_SCALE;
    }
}

void
koers_report_glyphs_add_layout (KoersReportGlyphs      *self,
                                cairo_t                *cr,
                                PangoLayout            *layout,
                                double                  x,
                                double                  y,
                                const KoersReportColor *color)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      koers_report_glyphs_add_line (self, cr, pango_layout_iter_get_line_readonly (iter),
                                    x + (double) logical.x / PANGO_SCALE,
                                    y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE, color);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}
