/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "koers-report-data.h"
#include "koers-report-glyphs.h"
#include "koers-report-strings.h"

G_BEGIN_DECLS

/* Page geometry in PDF points: A4 portrait, 2 cm side margins.  Every mark
 * stays inside the margins: the header and footer sit just inside them,
 * the body between the two. */
#define KOERS_REPORT_PAGE_WIDTH 595.276
#define KOERS_REPORT_PAGE_HEIGHT 841.890
#define KOERS_REPORT_MARGIN_X 56.693
#define KOERS_REPORT_MARGIN_TOP 42.520
#define KOERS_REPORT_MARGIN_BOTTOM 42.520
#define KOERS_REPORT_CONTENT_WIDTH (KOERS_REPORT_PAGE_WIDTH - 2 * KOERS_REPORT_MARGIN_X)
#define KOERS_REPORT_BODY_TOP (KOERS_REPORT_MARGIN_TOP + 28.0)
#define KOERS_REPORT_BODY_BOTTOM (KOERS_REPORT_PAGE_HEIGHT - KOERS_REPORT_MARGIN_BOTTOM - 24.0)
#define KOERS_REPORT_BODY_HEIGHT (KOERS_REPORT_BODY_BOTTOM - KOERS_REPORT_BODY_TOP)

#define KOERS_REPORT_FONT_FAMILY "Cantarell, DejaVu Sans, sans"

typedef enum
{
  KOERS_REPORT_FONT_COVER_TITLE,
  KOERS_REPORT_FONT_COVER_SUBTITLE,
  KOERS_REPORT_FONT_FIGURE,
  KOERS_REPORT_FONT_H1,
  KOERS_REPORT_FONT_H2,
  KOERS_REPORT_FONT_H3,
  KOERS_REPORT_FONT_BODY,
  KOERS_REPORT_FONT_BODY_BOLD,
  KOERS_REPORT_FONT_SMALL,
  KOERS_REPORT_FONT_SMALL_BOLD,
  KOERS_REPORT_FONT_TABLE,
  KOERS_REPORT_FONT_TABLE_BOLD,
  KOERS_REPORT_FONT_CAPTION,
  KOERS_REPORT_FONT_TINY,
  /* Table headers, when a word does not fit its column at TABLE_BOLD. */
  KOERS_REPORT_FONT_HEAD_SMALL,
  KOERS_REPORT_FONT_HEAD_SMALLER,
  KOERS_REPORT_FONT_HEAD_SMALLEST,
  /* Table text a size or two smaller, in a column whose words do not fit
   * at TABLE (every row of the column then uses it). */
  KOERS_REPORT_FONT_CAPTION_BOLD,
  KOERS_REPORT_FONT_TINY_BOLD,
  N_KOERS_REPORT_FONTS
} KoersReportFont;

extern const KoersReportColor koers_report_ink;
extern const KoersReportColor koers_report_muted;
extern const KoersReportColor koers_report_rule;
extern const KoersReportColor koers_report_shade;
extern const KoersReportColor koers_report_accent;
extern const KoersReportColor koers_report_accent_light;
extern const KoersReportColor koers_report_white;

const KoersReportColor *koers_report_status_color (KoersKrStatus status);
const KoersReportColor *koers_report_score_color (double score);

/* The layout cursor.  The report is laid out twice with the same code:
 * first without a surface, only measuring, to count the pages; then on the
 * PDF surface, when "page X of Y" can be written.  Drawing helpers do
 * nothing in the first pass. */
typedef struct
{
  const KoersReportData *data;
  KoersLanguage          lang;
  PangoFontMap          *font_map;
  PangoContext          *pango;
  PangoFontDescription  *fonts[N_KOERS_REPORT_FONTS];
  PangoAttrList         *no_hyphens;

  cairo_surface_t *surface; /* the PDF; NULL while measuring or printing */
  /* NULL while measuring.  Text waits in glyphs to be drawn with the next
   * text in its font and colour: anything else is drawn on the cairo_t
   * koers_report_layout_get_cairo() returns, which draws that text first. */
  cairo_t           *cairo;
  KoersReportGlyphs *glyphs;
  gboolean           drawing;   /* on cairo, on this page */
  int                only_page; /* > 0: draw that page alone (printing) */
  int                page;      /* the current page, from 1 */
  int                n_pages;   /* known in the drawing pass */
  gboolean           page_open;
  gboolean           link_open;
  double             y; /* the cursor, in points from the top */
  /* One canvas without pages (the dashboard's SVG charts): ensure never
   * breaks a page there. */
  gboolean endless;
  /* The pages the charts' legends were last drawn on: once a page. */
  int key_result_legend_page;
  int kpi_legend_page;

  /* Laid-out text by font, width, lines, alignment and text: the drawing
   * pass reuses what the measuring pass shaped, and repeated words
   * (statuses, months, units) are shaped once. */
  GHashTable *text_cache;

  char *header_text;
  char *footer_text;

  GCancellable           *cancellable;
  gboolean                cancelled;
  KoersReportProgressFunc progress;
  gpointer                progress_data;
  guint                   pass; /* 0 measuring, 1 drawing */
  guint                   n_units;
  guint                   done_units;
} KoersReportLayout;

KoersReportLayout *koers_report_layout_new (const KoersReportData *data);
void               koers_report_layout_free (KoersReportLayout *self);

/* Starts a pass: surface NULL measures. */
/* The cairo_t to draw on, once the text waiting for it is drawn (NULL
 * while measuring); releasing it draws that text and lets it go. */
cairo_t *koers_report_layout_get_cairo (KoersReportLayout *self);
void     koers_report_layout_release_cairo (KoersReportLayout *self);
void     koers_report_layout_begin_pass (KoersReportLayout *self,
                                         cairo_surface_t   *surface,
                                         int                n_pages);
/* Starts a pass that draws page (from 1) alone into cr, in the report's
 * points (the caller scales cr), and lays out the rest without drawing:
 * how a page reaches a printer, drawn by the same code as the PDF. */
void koers_report_layout_begin_page_pass (KoersReportLayout *self,
                                          cairo_t           *cr,
                                          int                n_pages,
                                          int                page);
void koers_report_layout_end_pass (KoersReportLayout *self);

/* Pages.  with_header FALSE for the cover. */
void koers_report_layout_new_page (KoersReportLayout *self,
                                   gboolean           with_header);
void koers_report_layout_finish_page (KoersReportLayout *self);
/* Where a part of the report starts: on a new page, or on this one after
 * a gap when a fifth of it is still free (never on the cover). */
void koers_report_layout_begin_section (KoersReportLayout *self);
/* Starts a new page when less than height is left; TRUE when it did. */
gboolean koers_report_layout_ensure (KoersReportLayout *self,
                                     double             height);
void     koers_report_layout_skip (KoersReportLayout *self,
                                   double             height);

/* Progress and cancellation: one unit of work done; FALSE once cancelled. */
gboolean koers_report_layout_tick (KoersReportLayout *self);

/* Text.  User text goes in as text, never as markup.  max_lines > 0 ends
 * longer text with an ellipsis.  Lines break between words, never with
 * an added hyphen; only a word longer than width breaks inside.  Spaces
 * that must not break (koers-report-glue.h) become no-break spaces. */
PangoLayout *koers_report_layout_text (KoersReportLayout *self,
                                       KoersReportFont    font,
                                       const char        *text,
                                       double             width,
                                       int                max_lines,
                                       PangoAlignment     align);
/* Words of more than about 14 letters may be hyphenated at a line's end;
 * shorter words, names, units and amounts never break. */
#define KOERS_REPORT_HYPHENATE_LETTERS 15
/* Whether layout had to break a word that may not break (a short word, a
 * name, an amount), as it does when no line is wide enough for it. */
gboolean koers_report_text_breaks_word (PangoLayout *layout);
double   koers_report_text_height (PangoLayout *layout);
double   koers_report_text_width (PangoLayout *layout);
void     koers_report_layout_draw_text (KoersReportLayout      *self,
                                        PangoLayout            *layout,
                                        double                  x,
                                        double                  y,
                                        const KoersReportColor *color);
/* A paragraph across the body width at the cursor, split between pages
 * line by line; moves the cursor past it and space_after. */
void koers_report_layout_paragraph (KoersReportLayout      *self,
                                    KoersReportFont         font,
                                    const char             *text,
                                    const KoersReportColor *color,
                                    double                  indent,
                                    double                  space_after);
/* A heading that keeps at least keep_with points of what follows on its
 * page.  dest (nullable) makes it a link target. */
void koers_report_layout_heading (KoersReportLayout *self,
                                  KoersReportFont    font,
                                  const char        *text,
                                  const char        *dest,
                                  double             keep_with);

/* Shapes. */
void koers_report_layout_fill_rect (KoersReportLayout      *self,
                                    double                  x,
                                    double                  y,
                                    double                  w,
                                    double                  h,
                                    const KoersReportColor *color);
void koers_report_layout_fill_rounded (KoersReportLayout      *self,
                                       double                  x,
                                       double                  y,
                                       double                  w,
                                       double                  h,
                                       double                  radius,
                                       const KoersReportColor *color);
/* The same on any cairo_t (the dashboard's charts, a printer's page). */
void koers_report_fill_rounded_on (cairo_t *cr,
                                   double   x,
                                   double   y,
                                   double   w,
                                   double   h,
                                   double   radius);
/* Clips to the rectangle from (x1, y1) to (x2, y2) widened to whole
 * points, where Cairo's PDF surface need not write it again for every
 * operation that ends at its edge. */
void koers_report_clip_whole_points (cairo_t *cr,
                                     double   x1,
                                     double   y1,
                                     double   x2,
                                     double   y2);
/* cairo_stroke(), with the extents of the stroke worked out coarsely on a
 * PDF (where the path is written as it is). */
void koers_report_stroke (cairo_t *cr);
/* Adds a disc at (cx, cy) to cr's path, drawn by a stroke with round caps
 * as wide as the disc. */
void koers_report_add_dot (cairo_t *cr,
                           double   cx,
                           double   cy);
void koers_report_layout_hline (KoersReportLayout      *self,
                                double                  x1,
                                double                  x2,
                                double                  y,
                                double                  width,
                                const KoersReportColor *color);
/* The status symbol: a shape per status, so that it reads without colour. */
void koers_report_layout_status_symbol (KoersReportLayout *self,
                                        KoersKrStatus      status,
                                        double             cx,
                                        double             cy,
                                        double             size);
/* A progress bar: track and fill, fraction 0..1. */
void koers_report_layout_progress_bar (KoersReportLayout      *self,
                                       double                  x,
                                       double                  y,
                                       double                  w,
                                       double                  h,
                                       double                  fraction,
                                       const KoersReportColor *color);

/* Links inside the document: the marks drawn between begin and end link
 * to dest. */
void koers_report_layout_begin_link (KoersReportLayout *self,
                                     const char        *dest);
void koers_report_layout_end_link (KoersReportLayout *self);
void koers_report_layout_add_dest (KoersReportLayout *self,
                                   const char        *name,
                                   double             y);
/* An outline (bookmark) entry; returns its id (0 while measuring). */
int koers_report_layout_add_outline (KoersReportLayout *self,
                                     int                parent,
                                     const char        *title,
                                     const char        *dest,
                                     gboolean           open);

G_END_DECLS
