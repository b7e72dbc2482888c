/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "koers-report.h"

G_BEGIN_DECLS

/* The board report as pages to draw one at a time into any cairo_t (a
 * printer's, a preview's), by the same code that writes the PDF: what
 * Print… uses.  Reads the model when made (call it on the store's
 * thread); drawing reads only that snapshot. */
typedef struct _KoersReportPages KoersReportPages;

KoersReportPages *koers_report_pages_new (KoersStore               *store,
                                          const KoersReportOptions *opts,
                                          GError                  **error);
void              koers_report_pages_free (KoersReportPages *pages);

int koers_report_pages_get_n_pages (KoersReportPages *pages);
/* Draws page (from 0) into cr, the A4 page scaled to fit width × height
 * (in cr's units) and centred. */
void koers_report_pages_draw (KoersReportPages *pages,
                              cairo_t          *cr,
                              int               page,
                              double            width,
                              double            height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersReportPages, koers_report_pages_free)

G_END_DECLS
