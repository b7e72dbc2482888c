/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "koers-report-color.h"

G_BEGIN_DECLS

/* The report's text, handed to Cairo in as few calls as it takes: the
 * glyphs of consecutive texts in one font and colour become one
 * cairo_show_glyphs().  On a PDF, Cairo's cost is mostly per call (it
 * records, analyses and writes each one), and half of a report's text
 * calls followed one in the same font and colour.  What is pending is
 * drawn by koers_report_glyphs_flush(), which must come before anything
 * else is drawn on the same cairo_t. */
typedef struct _KoersReportGlyphs KoersReportGlyphs;

KoersReportGlyphs *koers_report_glyphs_new (void);
void               koers_report_glyphs_free (KoersReportGlyphs *self);

/* A layout with its top left corner at (x, y). */
void koers_report_glyphs_add_layout (KoersReportGlyphs      *self,
                                     cairo_t                *cr,
                                     PangoLayout            *layout,
                                     double                  x,
                                     double                  y,
                                     const KoersReportColor *color);
/* A line of a layout, its baseline starting at (x, y). */
void koers_report_glyphs_add_line (KoersReportGlyphs      *self,
                                   cairo_t                *cr,
                                   PangoLayoutLine        *line,
                                   double                  x,
                                   double                  y,
                                   const KoersReportColor *color);
void koers_report_glyphs_flush (KoersReportGlyphs *self,
                                cairo_t           *cr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersReportGlyphs, koers_report_glyphs_free)

G_END_DECLS
