/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "report/koers-report-layout.h"

G_BEGIN_DECLS

/* Charts of the PDF report, drawn by the same code onto Cairo's SVG
 * surface and inlined in the page.  draw draws at the layout's cursor,
 * from x = KOERS_REPORT_MARGIN_X, w points wide, and moves the cursor
 * down past what it drew (it runs twice: measuring, then drawing). */
typedef void (*KoersHtmlChartDraw) (KoersReportLayout *layout,
                                    gconstpointer      item,
                                    double             w);

typedef struct
{
  KoersReportLayout *layout;
  /* Charts written so far: each one's ids get the prefix "c<n>-". */
  guint n_charts;
} KoersHtmlCharts;

/* Appends <svg role="img" aria-label="alt"> … </svg> with no XML prolog,
 * its ids renumbered in order of appearance (the same data gives the same
 * bytes) and made unique in the page. */
void koers_html_svg_append (KoersHtmlCharts   *charts,
                            GString           *out,
                            const char        *alt,
                            double             w,
                            KoersHtmlChartDraw draw,
                            gconstpointer      item);

G_END_DECLS
