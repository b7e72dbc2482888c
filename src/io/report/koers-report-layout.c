/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>

#include "core/koers-scoring.h"
#include "core/koers-text.h"
#include "koers-report-fonts.h"
#include "koers-report-glue.h"
#include "koers-report-layout.h"

/* A calm palette: dark ink, one navy accent, and status colours after the
 * seed's reporting template (blue on track, green achieved, yellow in
 * progress), with orange and red for the two kinds of trouble. */
const KoersReportColor koers_report_ink = { 0.122, 0.161, 0.200 };
const KoersReportColor koers_report_muted = { 0.380, 0.431, 0.486 };
const KoersReportColor koers_report_rule = { 0.851, 0.871, 0.894 };
const KoersReportColor koers_report_shade = { 0.961, 0.969, 0.976 };
const KoersReportColor koers_report_accent = { 0.118, 0.306, 0.475 };
const KoersReportColor koers_report_accent_light = { 0.918, 0.941, 0.965 };
const KoersReportColor koers_report_white = { 1.0, 1.0, 1.0 };

static const KoersReportColor status_colors[] = {
  [KOERS_KR_STATUS_IN_PROGRESS] = { 0.718, 0.475, 0.122 },
  [KOERS_KR_STATUS_ON_TRACK] = { 0.169, 0.424, 0.690 },
  [KOERS_KR_STATUS_ACHIEVED] = { 0.184, 0.522, 0.353 },
  [KOERS_KR_STATUS_AT_RISK] = { 0.867, 0.420, 0.125 },
  [KOERS_KR_STATUS_OFF_TRACK] = { 0.773, 0.188, 0.188 },
};

static const KoersReportColor band_colors[] = {
  [KOERS_SCORE_BAND_RED] = { 0.773, 0.188, 0.188 },
  [KOERS_SCORE_BAND_YELLOW] = { 0.800, 0.561, 0.102 },
  [KOERS_SCORE_BAND_GREEN] = { 0.184, 0.522, 0.353 },
};

const KoersReportColor *
koers_report_status_color (KoersKrStatus status)
{
  if ((guint) status >= G_N_ELEMENTS (status_colors))
    return &koers_report_muted;
  return &status_colors[status];
}

const KoersReportColor *
koers_report_score_color (double score)
{
  return &band_colors[koers_score_get_band (score)];
}

/* What a laid-out text is found by in the cache: looked up with text
 * pointing at the caller's string, stored with its own copy after it (one
 * block).  Formatting the key as one string cost more than a lookup. */
typedef struct
{
  KoersReportFont font;
  int             width;
  int             max_lines;
  PangoAlignment  align;
  const char     *text;
} TextKey;

static guint
text_key_hash (gconstpointer p)
{
  const TextKey *key = p;

  return g_str_hash (key->text) ^ (guint) (key->font * 7919 + key->width * 31 + key->max_lines * 17 + key->align);
}

static gboolean
text_key_equal (gconstpointer a,
                gconstpointer b)
{
  const TextKey *x = a;
  const TextKey *y = b;

  return x->font == y->font && x->width == y->width && x->max_lines == y->max_lines && x->align == y->align &&
         strcmp (x->text, y->text) == 0;
}

static TextKey *
copy_text_key (const TextKey *key)
{
  gsize    length = strlen (key->text) + 1;
  TextKey *copy = g_malloc (sizeof *copy + length);

  *copy = *key;
  copy->text = memcpy (copy + 1, key->text, length);
  return copy;
}

KoersReportLayout *
koers_report_layout_new (const KoersReportData *data)
{
  KoersReportLayout *self = g_new0 (KoersReportLayout, 1);
  g_autofree char   *period = koers_format_period (data->language, &data->period);
  g_autofree char   *date = koers_format_date (data->language, &data->generated);
  g_autofree char   *organisation = NULL;

  self->data = data;
  self->lang = data->language;
  self->text_cache = g_hash_table_new_full (text_key_hash, text_key_equal, g_free, g_object_unref);
  self->glyphs = koers_report_glyphs_new ();

  /* The map a command warmed while it opened the database, else this
   * thread's own (a Pango font map serves one thread at a time). */
  self->font_map = koers_report_fonts_take_warm_map ();
  if (self->font_map == NULL)
    self->font_map = g_object_ref (pango_cairo_font_map_get_default ());
  self->pango = pango_font_map_create_context (self->font_map);
  koers_report_fonts_set_up_context (self->pango);

  self->no_hyphens = pango_attr_list_new ();
#if PANGO_VERSION_CHECK(1, 44, 0)
  pango_attr_list_insert (self->no_hyphens, pango_attr_insert_hyphens_new (FALSE));
#endif

  for (guint i = 0; i < N_KOERS_REPORT_FONTS; i++)
    self->fonts[i] = koers_report_font_description_new (i);

  /* On every page after the organisation's name: an RLO in that name must
   * not turn the report's title around. */
  organisation = koers_text_isolate (data->organisation != NULL
                                       ? data->organisation
                                       : koers_report_str (self->lang, KOERS_REPORT_STR_OUR_ORGANISATION));
  self->header_text = g_strdup_printf ("%s  ·  %s %s", organisation,
                                       koers_report_str (self->lang, KOERS_REPORT_STR_TITLE),
                                       period != NULL ? period : "");
  self->footer_text = koers_report_str_format (self->lang, KOERS_REPORT_STR_GENERATED_ON,
                                               date, NULL, NULL);

  return self;
}

void
koers_report_layout_free (KoersReportLayout *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < N_KOERS_REPORT_FONTS; i++)
    pango_font_description_free (self->fonts[i]);
  g_clear_object (&self->pango);
  g_clear_pointer (&self->no_hyphens, pango_attr_list_unref);
  g_clear_pointer (&self->text_cache, g_hash_table_unref);
  g_clear_pointer (&self->glyphs, koers_report_glyphs_free);
  g_clear_object (&self->font_map);
  g_free (self->header_text);
  g_free (self->footer_text);
  g_free (self);
}

cairo_t *
koers_report_layout_get_cairo (KoersReportLayout *self)
{
  if (self->cairo != NULL)
    koers_report_glyphs_flush (self->glyphs, self->cairo);
  return self->cairo;
}

void
koers_report_layout_release_cairo (KoersReportLayout *self)
{
  koers_report_layout_get_cairo (self);
  g_clear_pointer (&self->cairo, cairo_destroy);
}

void
koers_report_layout_begin_pass (KoersReportLayout *self,
                                cairo_surface_t   *surface,
                                int                n_pages)
{
  self->surface = surface;
  self->cairo = surface != NULL ? cairo_create (surface) : NULL;
  self->drawing = surface != NULL;
  self->only_page = 0;
  self->pass = surface != NULL ? 1 : 0;
  self->page = 0;
  self->key_result_legend_page = 0;
  self->kpi_legend_page = 0;
  self->n_pages = n_pages;
  self->page_open = FALSE;
  self->y = KOERS_REPORT_BODY_TOP;
  self->done_units = 0;
}

void
koers_report_layout_begin_page_pass (KoersReportLayout *self,
                                     cairo_t           *cr,
                                     int                n_pages,
                                     int                page)
{
  koers_report_layout_begin_pass (self, NULL, n_pages);
  self->cairo = cairo_reference (cr);
  self->only_page = page;
  self->pass = 1;
}

void
koers_report_layout_end_pass (KoersReportLayout *self)
{
  if (self->page_open)
    koers_report_layout_finish_page (self);
  koers_report_layout_release_cairo (self);
  self->surface = NULL;
}

/* The most letters in a row in text: a word that long may be hyphenated. */
static guint
longest_letter_run (const char *text)
{
  guint longest = 0;
  guint run = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      /* Not MAX (longest, ++run): the macro would count the letter twice. */
      if (g_unichar_isalpha (g_utf8_get_char (p)))
        {
          run++;
          longest = MAX (longest, run);
        }
      else
        run = 0;
    }

  return longest;
}

/* Whether a line starts where the text allows no break: Pango breaks a
 * word that has no room on a line of its own even when wrapping by words
 * ("5,464 subscribe" over "rs", the no-break space holding value and unit
 * together), without running out of the box. */
static gboolean
starts_line_inside_word (PangoLayout *layout)
{
  const char         *text = pango_layout_get_text (layout);
  const PangoLogAttr *attrs;
  int                 n_attrs;
  GSList             *lines = pango_layout_get_lines_readonly (layout);

  if (lines == NULL || lines->next == NULL)
    return FALSE;
  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  for (GSList *l = lines->next; l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      glong            offset = g_utf8_pointer_to_offset (text, text + line->start_index);

      if (offset > 0 && offset < n_attrs && !attrs[offset].is_line_break)
        return TRUE;
    }

  return FALSE;
}

gboolean
koers_report_text_breaks_word (PangoLayout *layout)
{
  if (g_object_get_data (G_OBJECT (layout), "koers-long-word") != NULL)
    return FALSE;
  return pango_layout_get_wrap (layout) != PANGO_WRAP_WORD || starts_line_inside_word (layout);
}

/* Enough for the biggest reports' text without letting it grow unbounded. */
#define TEXT_CACHE_MAX 60000

PangoLayout *
koers_report_layout_text (KoersReportLayout *self,
                          KoersReportFont    font,
                          const char        *text,
                          double             width,
                          int                max_lines,
                          PangoAlignment     align)
{
  int              pango_width = (int) floor (MAX (width, 1.0) * PANGO_SCALE);
  TextKey          key = { font, pango_width, max_lines, align, text != NULL ? text : "" };
  g_autofree char *glued = NULL;
  PangoLayout     *layout;

  text = key.text;
  layout = g_hash_table_lookup (self->text_cache, &key);
  if (layout != NULL)
    return g_object_ref (layout);

  glued = koers_report_glue_text (text);
  layout = pango_layout_new (self->pango);
  pango_layout_set_font_description (layout, self->fonts[font]);
  /* Words break only between words, and never with a hyphen Pango adds:
   * "Marketingteam" is a name, not "Marketingtea-" over "m". */
  pango_layout_set_attributes (layout, self->no_hyphens);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, pango_width);
  pango_layout_set_alignment (layout, align);
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, glued != NULL ? glued : text, -1);
  /* Only a word longer than the whole line (a 200-letter "word", a web
   * address) breaks inside, rather than run out of its box: a long
   * compound ("gebruiksvriendelijkheid") with a hyphen, anything else
   * (a name, an amount) without one, and the table then tries a smaller
   * size (koers_report_text_breaks_word). */
  {
    PangoRectangle logical;

    pango_layout_get_extents (layout, NULL, &logical);
    if (logical.x + logical.width > pango_width + PANGO_SCALE / 2)
      {
        pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
        if (longest_letter_run (glued != NULL ? glued : text) >= KOERS_REPORT_HYPHENATE_LETTERS)
          {
            pango_layout_set_attributes (layout, NULL);
            g_object_set_data (G_OBJECT (layout), "koers-long-word", GINT_TO_POINTER (TRUE));
          }
      }
  }

  /* Nothing changes a layout once made, so it can be shared. */
  if (g_hash_table_size (self->text_cache) < TEXT_CACHE_MAX)
    g_hash_table_insert (self->text_cache, copy_text_key (&key), g_object_ref (layout));

  return layout;
}

double
koers_report_text_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

double
koers_report_text_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

static void
set_color (cairo_t                *cr,
           const KoersReportColor *color)
{
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
}

void
koers_report_layout_draw_text (KoersReportLayout      *self,
                               PangoLayout            *layout,
                               double                  x,
                               double                  y,
                               const KoersReportColor *color)
{
  if (!self->drawing)
    return;

  koers_report_glyphs_add_layout (self->glyphs, self->cairo, layout, x, y, color);
}

static void
draw_header (KoersReportLayout *self)
{
  g_autoptr (PangoLayout) right = NULL;
  g_autoptr (PangoLayout) left = NULL;
  double right_width;
  double y = KOERS_REPORT_MARGIN_TOP;

  right = koers_report_layout_text (self, KOERS_REPORT_FONT_SMALL_BOLD,
                                    koers_report_str (self->lang, KOERS_REPORT_STR_CONFIDENTIAL_SHORT),
                                    KOERS_REPORT_CONTENT_WIDTH / 3, 1, PANGO_ALIGN_RIGHT);
  right_width = koers_report_text_width (right);
  left = koers_report_layout_text (self, KOERS_REPORT_FONT_SMALL, self->header_text,
                                   KOERS_REPORT_CONTENT_WIDTH - right_width - 12, 1, PANGO_ALIGN_LEFT);

  koers_report_layout_draw_text (self, left, KOERS_REPORT_MARGIN_X, y, &koers_report_muted);
  koers_report_layout_draw_text (self, right,
                                 KOERS_REPORT_MARGIN_X + KOERS_REPORT_CONTENT_WIDTH * 2 / 3,
                                 y, &koers_report_accent);
  koers_report_layout_hline (self, KOERS_REPORT_MARGIN_X,
                             KOERS_REPORT_MARGIN_X + KOERS_REPORT_CONTENT_WIDTH,
                             y + 15.5, 0.6, &koers_report_rule);
}

static void
draw_footer (KoersReportLayout *self)
{
  g_autofree char *page_x = NULL;
  g_autofree char *number = NULL;
  g_autofree char *total = NULL;
  g_autoptr (PangoLayout) left = NULL;
  g_autoptr (PangoLayout) right = NULL;
  double y = KOERS_REPORT_BODY_BOTTOM + 14.0;

  number = g_strdup_printf ("%d", self->page);
  total = g_strdup_printf ("%d", MAX (self->n_pages, self->page));
  page_x = koers_report_str_format (self->lang, KOERS_REPORT_STR_PAGE_X_OF_Y, number, total, NULL);

  koers_report_layout_hline (self, KOERS_REPORT_MARGIN_X,
                             KOERS_REPORT_MARGIN_X + KOERS_REPORT_CONTENT_WIDTH,
                             y - 5.0, 0.6, &koers_report_rule);
  right = koers_report_layout_text (self, KOERS_REPORT_FONT_SMALL, page_x,
                                    KOERS_REPORT_CONTENT_WIDTH / 3, 1, PANGO_ALIGN_RIGHT);
  left = koers_report_layout_text (self, KOERS_REPORT_FONT_SMALL, self->footer_text,
                                   KOERS_REPORT_CONTENT_WIDTH * 2 / 3 - 12, 1, PANGO_ALIGN_LEFT);
  koers_report_layout_draw_text (self, left, KOERS_REPORT_MARGIN_X, y, &koers_report_muted);
  koers_report_layout_draw_text (self, right,
                                 KOERS_REPORT_MARGIN_X + KOERS_REPORT_CONTENT_WIDTH * 2 / 3,
                                 y, &koers_report_muted);
}

/* Clips to the rectangle from (x1, y1) to (x2, y2) widened to whole
 * points.  Cairo's PDF surface writes a clip only for an operation that
 * reaches outside it, judged by the operation's extents rounded out to
 * whole points: a clip edge between two whole points made every row
 * shade and rule that ends at the margin write the clip again, and the
 * graphics state after it (colours, line styles) afresh, twice. */
void
koers_report_clip_whole_points (cairo_t *cr,
                                double   x1,
                                double   y1,
                                double   x2,
                                double   y2)
{
  x1 = floor (x1);
  y1 = floor (y1);
  cairo_rectangle (cr, x1, y1, ceil (x2) - x1, ceil (y2) - y1);
  cairo_clip (cr);
}

void
koers_report_layout_new_page (KoersReportLayout *self,
                              gboolean           with_header)
{
  double   top = with_header ? KOERS_REPORT_BODY_TOP : KOERS_REPORT_MARGIN_TOP;
  cairo_t *cr;

  if (self->page_open)
    koers_report_layout_finish_page (self);

  self->page++;
  self->page_open = TRUE;
  self->y = top;
  if (self->only_page > 0)
    self->drawing = self->page == self->only_page;

  if (!self->drawing)
    return;

  /* Cairo's PDF surface first records a page, then keeps the union of the
   * areas of what it can draw natively; a page-sized paper rectangle
   * first makes that union one rectangle for the rest of the page,
   * instead of a region of hundreds of small ones merged at every
   * operation. */
  cr = koers_report_layout_get_cairo (self);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
  cairo_paint (cr);
  cairo_restore (cr);

  if (with_header)
    draw_header (self);

  /* Whatever a bug might draw, it stays inside the body. */
  cr = koers_report_layout_get_cairo (self);
  cairo_save (cr);
  koers_report_clip_whole_points (cr, KOERS_REPORT_MARGIN_X, top,
                                  KOERS_REPORT_MARGIN_X + KOERS_REPORT_CONTENT_WIDTH, KOERS_REPORT_BODY_BOTTOM);
}

void
koers_report_layout_finish_page (KoersReportLayout *self)
{
  if (!self->page_open)
    return;

  self->page_open = FALSE;
  if (!self->drawing)
    return;

  cairo_restore (koers_report_layout_get_cairo (self));
  draw_footer (self);
  /* A printed page is shown by the print operation. */
  if (self->surface != NULL)
    cairo_show_page (koers_report_layout_get_cairo (self));
}

void
koers_report_layout_begin_section (KoersReportLayout *self)
{
  /* A part starts on the page the part before ends on when a quarter of
   * the page is left: a board pack reads on, and pages stay full. */
  if (self->page_open && self->page > 1 &&
      KOERS_REPORT_BODY_BOTTOM - self->y >= 0.2 * KOERS_REPORT_BODY_HEIGHT)
    {
      self->y += 18.0;
      return;
    }
  koers_report_layout_new_page (self, TRUE);
}

gboolean
koers_report_layout_ensure (KoersReportLayout *self,
                            double             height)
{
  if (self->endless)
    return FALSE;
  if (!self->page_open)
    {
      koers_report_layout_new_page (self, TRUE);
      return TRUE;
    }

  /* At the top of a page a new page would not help: the caller caps what
   * it draws at a page's height. */
  if (self->y + height > KOERS_REPORT_BODY_BOTTOM + 0.01 && self->y > KOERS_REPORT_BODY_TOP + 0.01)
    {
      koers_report_layout_new_page (self, TRUE);
      return TRUE;
    }

  return FALSE;
}

void
koers_report_layout_skip (KoersReportLayout *self,
                          double             height)
{
  /* Space never carries over to the top of the next page. */
  self->y = MIN (self->y + height, KOERS_REPORT_BODY_BOTTOM);
}

gboolean
koers_report_layout_tick (KoersReportLayout *self)
{
  if (self->cancelled || g_cancellable_is_cancelled (self->cancellable))
    {
      self->cancelled = TRUE;
      return FALSE;
    }

  self->done_units = MIN (self->done_units + 1, self->n_units);
  if (self->progress != NULL && self->n_units > 0)
    {
      /* Both passes take about as long as each other. */
      double fraction = (self->pass + (double) self->done_units / self->n_units) / 2.0;

      self->progress (MIN (fraction, 1.0), self->progress_data);
    }

  return TRUE;
}

void
koers_report_layout_paragraph (KoersReportLayout      *self,
                               KoersReportFont         font,
                               const char             *text,
                               const KoersReportColor *color,
                               double                  indent,
                               double                  space_after)
{
  g_autoptr (PangoLayout) layout = NULL;
  PangoLayoutIter *iter;
  double           consumed = 0.0;
  double           total;

  layout = koers_report_layout_text (self, font, text, KOERS_REPORT_CONTENT_WIDTH - indent, 0,
                                     PANGO_ALIGN_LEFT);
  total = koers_report_text_height (layout);

  /* Keep at least two lines together at the bottom of a page. */
  koers_report_layout_ensure (self, MIN (total, 2.4 * koers_report_font_get_size (font)));

  /* Line by line, so a paragraph longer than what is left of the page
   * goes on on the next one (and text is never drawn twice, clipped). */
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle   logical;
      double           top, bottom, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

      if (self->y + (bottom - consumed) > KOERS_REPORT_BODY_BOTTOM + 0.01 && top > consumed)
        {
          self->y += top - consumed;
          koers_report_layout_new_page (self, TRUE);
          consumed = top;
        }

      if (self->drawing)
        {
          koers_report_glyphs_add_line (self->glyphs, self->cairo, line,
                                        KOERS_REPORT_MARGIN_X + indent + (double) logical.x / PANGO_SCALE,
                                        self->y + baseline - consumed, color);
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  self->y += total - consumed;
  koers_report_layout_skip (self, space_after);
}

void
koers_report_layout_heading (KoersReportLayout *self,
                             KoersReportFont    font,
                             const char        *text,
                             const char        *dest,
                             double             keep_with)
{
  g_autoptr (PangoLayout) layout = NULL;
  double height;

  layout = koers_report_layout_text (self, font, text, KOERS_REPORT_CONTENT_WIDTH, 4,
                                     PANGO_ALIGN_LEFT);
  height = koers_report_text_height (layout);
  koers_report_layout_ensure (self, height + keep_with);

  if (dest != NULL)
    koers_report_layout_add_dest (self, dest, self->y);
  koers_report_layout_draw_text (self, layout, KOERS_REPORT_MARGIN_X, self->y,
                                 font == KOERS_REPORT_FONT_H1 ? &koers_report_accent : &koers_report_ink);
  self->y += height;
}

/* The cairo_t to fill a shape w by h points in color on, its colour set;
 * NULL when nothing is drawn. */
static cairo_t *
begin_fill (KoersReportLayout      *self,
            double                  w,
            double                  h,
            const KoersReportColor *color)
{
  cairo_t *cr;

  if (!self->drawing || w <= 0 || h <= 0)
    return NULL;

  cr = koers_report_layout_get_cairo (self);
  set_color (cr, color);
  return cr;
}

void
koers_report_layout_fill_rect (KoersReportLayout      *self,
                               double                  x,
                               double                  y,
                               double                  w,
                               double                  h,
                               const KoersReportColor *color)
{
  cairo_t *cr = begin_fill (self, w, h, color);

  if (cr == NULL)
    return;

  cairo_new_path (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
}

void
koers_report_fill_rounded_on (cairo_t *cr,
                              double   x,
                              double   y,
                              double   w,
                              double   h,
                              double   radius)
{
  double r = MIN (radius, MIN (w, h) / 2);

  /* The inner rectangle stroked with round joins, as wide as the corners'
   * radius: the same shape as four arcs and four sides, in a tenth of the
   * numbers a PDF writes for them (a bar whose ends are half circles is a
   * line with round caps). */
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_width (cr, 2 * r);
  if (r <= 0.0)
    {
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);
    }
  else if (w - 2 * r < 0.01 || h - 2 * r < 0.01)
    {
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_move_to (cr, x + r, y + r);
      cairo_line_to (cr, x + w - r, y + h - r);
      koers_report_stroke (cr);
    }
  else
    {
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_rectangle (cr, x + r, y + r, w - 2 * r, h - 2 * r);
      cairo_fill_preserve (cr);
      koers_report_stroke (cr);
    }
  cairo_restore (cr);
}

void
koers_report_stroke (cairo_t *cr)
{
  double tolerance;

  /* On a PDF, Cairo finds a stroke's extents (for the page's analysis and
   * its clip) by stroking it into a polygon as fine as the tolerance, but
   * writes the path and the line style itself: a coarser tolerance there
   * changes no mark on the page, and took a sixth off the report's page
   * output (dots and bars have round caps and joins, the costliest to
   * approximate).  Elsewhere the tolerance is how finely it is drawn. */
  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_PDF)
    {
      cairo_stroke (cr);
      return;
    }
  tolerance = cairo_get_tolerance (cr);
  cairo_set_tolerance (cr, 1.0);
  cairo_stroke (cr);
  cairo_set_tolerance (cr, tolerance);
}

void
koers_report_add_dot (cairo_t *cr,
                      double   cx,
                      double   cy)
{
  /* A line of no length with round caps is a disc (PDF 1.7, 8.5.3.2):
   * four numbers in the PDF where an arc writes twenty-six. */
  cairo_move_to (cr, cx, cy);
  cairo_line_to (cr, cx, cy);
}

void
koers_report_layout_fill_rounded (KoersReportLayout      *self,
                                  double                  x,
                                  double                  y,
                                  double                  w,
                                  double                  h,
                                  double                  radius,
                                  const KoersReportColor *color)
{
  cairo_t *cr = begin_fill (self, w, h, color);

  if (cr != NULL)
    koers_report_fill_rounded_on (cr, x, y, w, h, radius);
}

void
koers_report_layout_hline (KoersReportLayout      *self,
                           double                  x1,
                           double                  x2,
                           double                  y,
                           double                  width,
                           const KoersReportColor *color)
{
  cairo_t *cr;

  if (!self->drawing)
    return;

  /* A thin filled rectangle, not a stroked line: the same mark, but the
   * PDF then needs no stroke style (width, caps, joins, dashes) written
   * again after every clip, which cost more than the rule itself. */
  cr = koers_report_layout_get_cairo (self);
  set_color (cr, color);
  cairo_rectangle (cr, x1, y - width / 2, x2 - x1, width);
  cairo_fill (cr);
}

void
koers_report_layout_status_symbol (KoersReportLayout *self,
                                   KoersKrStatus      status,
                                   double             cx,
                                   double             cy,
                                   double             size)
{
  cairo_t *cr = koers_report_layout_get_cairo (self);
  double   r = size / 2;

  if (!self->drawing)
    return;
  cairo_save (cr);
  /* A text drawn before leaves a current point an arc would join. */
  cairo_new_path (cr);
  set_color (cr, koers_report_status_color (status));
  cairo_set_line_width (cr, size * 0.16);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* Each status has its own shape, so a grey print still tells them apart:
   * ring, disc, disc with a tick, triangle, diamond. */
  switch (status)
    {
    case KOERS_KR_STATUS_IN_PROGRESS:
      cairo_arc (cr, cx, cy, r * 0.85, 0, 2 * G_PI);
      koers_report_stroke (cr);
      break;

    case KOERS_KR_STATUS_ON_TRACK:
      cairo_set_line_width (cr, size);
      koers_report_add_dot (cr, cx, cy);
      koers_report_stroke (cr);
      break;

    case KOERS_KR_STATUS_ACHIEVED:
      cairo_set_line_width (cr, size);
      koers_report_add_dot (cr, cx, cy);
      koers_report_stroke (cr);
      cairo_set_line_width (cr, size * 0.16);
      set_color (cr, &koers_report_white);
      cairo_move_to (cr, cx - r * 0.45, cy + r * 0.02);
      cairo_line_to (cr, cx - r * 0.1, cy + r * 0.38);
      cairo_line_to (cr, cx + r * 0.48, cy - r * 0.36);
      koers_report_stroke (cr);
      break;

    case KOERS_KR_STATUS_AT_RISK:
      cairo_move_to (cr, cx, cy - r);
      cairo_line_to (cr, cx + r * 1.05, cy + r * 0.85);
      cairo_line_to (cr, cx - r * 1.05, cy + r * 0.85);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;

    case KOERS_KR_STATUS_OFF_TRACK:
    default:
      cairo_move_to (cr, cx, cy - r * 1.1);
      cairo_line_to (cr, cx + r * 1.1, cy);
      cairo_line_to (cr, cx, cy + r * 1.1);
      cairo_line_to (cr, cx - r * 1.1, cy);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    }

  cairo_restore (cr);
}

/* The part left of x_end of a bar whose ends are half circles (w > h), as
 * one path: cut by a clip instead, the PDF wrote a new graphics state for
 * every bar, and the colours and line styles again after it. */
static void
fill_bar_part (cairo_t *cr,
               double   x,
               double   y,
               double   w,
               double   h,
               double   x_end)
{
  double r = h / 2;
  double cy = y + r;
  double left = x + r;
  double right = x + w - r;

  cairo_new_path (cr);
  if (x_end <= left)
    {
      /* Within the left end: its circle left of the chord at x_end. */
      double a = acos (CLAMP ((x_end - left) / r, -1.0, 1.0));

      cairo_arc (cr, left, cy, r, a, 2 * G_PI - a);
    }
  else
    {
      cairo_arc (cr, left, cy, r, G_PI / 2, 3 * G_PI / 2);
      if (x_end <= right)
        {
          cairo_line_to (cr, x_end, y);
          cairo_line_to (cr, x_end, y + h);
        }
      else
        {
          double b = acos (CLAMP ((x_end - right) / r, -1.0, 1.0));

          cairo_arc (cr, right, cy, r, -G_PI / 2, -b);
          cairo_arc (cr, right, cy, r, b, G_PI / 2);
        }
    }
  cairo_close_path (cr);
  cairo_fill (cr);
}

void
koers_report_layout_progress_bar (KoersReportLayout      *self,
                                  double                  x,
                                  double                  y,
                                  double                  w,
                                  double                  h,
                                  double                  fraction,
                                  const KoersReportColor *color)
{
  cairo_t *cr;

  if (!self->drawing)
    return;

  if (isnan (fraction))
    fraction = 0.0;
  fraction = CLAMP (fraction, 0.0, 1.0);

  koers_report_layout_fill_rounded (self, x, y, w, h, h / 2, &koers_report_rule);
  if (fraction <= 0.0)
    return;
  if (w <= h)
    {
      cr = koers_report_layout_get_cairo (self);
      cairo_save (cr);
      cairo_rectangle (cr, x, y, w * fraction, h);
      cairo_clip (cr);
      koers_report_layout_fill_rounded (self, x, y, w, h, h / 2, color);
      cairo_restore (cr);
      return;
    }
  cr = koers_report_layout_get_cairo (self);
  set_color (cr, color);
  fill_bar_part (cr, x, y, w, h, x + w * fraction);
}

void
koers_report_layout_begin_link (KoersReportLayout *self,
                                const char        *dest)
{
  g_autofree char *attributes = NULL;

  /* A NULL dest makes begin and end no-ops, so callers need not check;
   * a printed page has no links. */
  if (!self->drawing || self->surface == NULL || dest == NULL)
    return;

  g_return_if_fail (!self->link_open);

  attributes = g_strdup_printf ("dest='%s'", dest);
  cairo_tag_begin (koers_report_layout_get_cairo (self), CAIRO_TAG_LINK, attributes);
  self->link_open = TRUE;
}

void
koers_report_layout_end_link (KoersReportLayout *self)
{
  if (!self->link_open)
    return;

  cairo_tag_end (koers_report_layout_get_cairo (self), CAIRO_TAG_LINK);
  self->link_open = FALSE;
}

void
koers_report_layout_add_dest (KoersReportLayout *self,
                              const char        *name,
                              double             y)
{
  g_autofree char *attributes = NULL;
  cairo_t         *cr;

  if (!self->drawing || self->surface == NULL)
    return;

  /* The C locale's decimal point: cairo parses these numbers. */
  attributes = g_strdup_printf ("name='%s' x=%d y=%d", name,
                                (int) KOERS_REPORT_MARGIN_X, (int) MAX (y - 6.0, 0.0));
  cr = koers_report_layout_get_cairo (self);
  cairo_tag_begin (cr, CAIRO_TAG_DEST, attributes);
  cairo_tag_end (cr, CAIRO_TAG_DEST);
}

int
koers_report_layout_add_outline (KoersReportLayout *self,
                                 int                parent,
                                 const char        *title,
                                 const char        *dest,
                                 gboolean           open)
{
  g_autofree char *attributes = NULL;

  if (!self->drawing || self->surface == NULL)
    return 0;

  attributes = g_strdup_printf ("dest='%s'", dest);
  return cairo_pdf_surface_add_outline (self->surface, parent, title, attributes,
                                        open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
}
