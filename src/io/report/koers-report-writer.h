/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* The PDF's second thread.  The layout draws each page into a recording
 * surface and goes on with the next page while the writer replays the
 * finished one onto the PDF surface: Cairo's analysis, its text and number
 * output and the compression are half of a report's time, and now run
 * beside the layout instead of after it.
 *
 * What must reach the PDF surface itself (links, destinations, outline
 * entries) is queued in order with the pages.  Links carry their area:
 * Cairo 1.16 cannot copy a recording surface that holds tags. */
typedef struct _KoersReportWriter KoersReportWriter;

KoersReportWriter *koers_report_writer_new (cairo_surface_t *pdf);

/* A link or a destination (a Cairo tag and its attributes) of the page
 * added next. */
void koers_report_writer_add_tag     (KoersReportWriter *self,
                                      const char        *tag_name,
                                      const char        *attributes);
/* Returns the entry's id for its children's parent (0: the root). */
int  koers_report_writer_add_outline (KoersReportWriter *self,
                                      int                parent,
                                      const char        *title,
                                      const char        *attributes,
                                      gboolean           open);
/* Takes the page.  Waits while several pages are still to be written, so
 * that a long report does not hold every page in memory. */
void koers_report_writer_add_page    (KoersReportWriter *self,
                                      cairo_surface_t   *recording);
/* Writes what is queued, stops the thread and frees the writer. */
void koers_report_writer_finish      (KoersReportWriter *self);

G_END_DECLS
