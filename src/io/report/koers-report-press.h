/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo-pdf.h>
#include <glib.h>

G_BEGIN_DECLS

/* Writes a report's pages into its PDF on a thread of its own.  The report
 * draws each page on a recording of its own; the press paints finished
 * pages into the PDF, with their links, destinations and outline entries,
 * while the next page is laid out.  Cairo spends about half of a report's
 * time turning a page into PDF, so on two cores the two halves overlap.
 *
 * Links are rectangles given here, not tags around what is drawn: Cairo
 * 1.16 cannot replay tags from a recording into a PDF. */
typedef struct _KoersReportPress KoersReportPress;

KoersReportPress *koers_report_press_new (cairo_surface_t *pdf,
                                          double           width,
                                          double           height);

/* The page being drawn: a cairo_t on its recording, owned by the press. */
cairo_t *koers_report_press_get_page (KoersReportPress *self);
/* Hands the page over to be written, and starts the next. */
void koers_report_press_next_page (KoersReportPress *self);

/* A tag with nothing in it, on the page being drawn: a link (its
 * attributes give its rectangle) or a destination. */
void koers_report_press_add_tag (KoersReportPress *self,
                                 const char       *tag_name,
                                 const char       *attributes);
/* As cairo_pdf_surface_add_outline(), and the id it will give. */
int koers_report_press_add_outline (KoersReportPress         *self,
                                    int                       parent,
                                    const char               *title,
                                    const char               *attributes,
                                    cairo_pdf_outline_flags_t flags);

/* Waits for every page handed over to be written, and lets the press go
 * (a page drawn but not handed over is dropped). */
void koers_report_press_finish (KoersReportPress *self);

G_END_DECLS
