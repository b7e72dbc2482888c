/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "report/koers-report.h"

G_BEGIN_DECLS

/* The intranet dashboard: the board report's story (summary, what needs
 * attention, alignment, each department's reporting-template table, KPIs)
 * as one self-contained UTF-8 HTML page: inline CSS (light, dark, print),
 * the report's charts as inline SVG, no script, nothing loaded from
 * anywhere.  The same data gives the same bytes: the page says "data as
 * of" the store's last change, not when it was written. */

/* The page for opts (its period, departments and language; generated,
 * the day statuses are measured on, as the report's).  Loads what it
 * shows into a lazily opened store first.  Call it on the store's thread. */
GBytes *koers_html_render (KoersStore               *store,
                           const KoersReportOptions *opts,
                           GError                  **error);

/* Renders and writes to path through a temporary file renamed over it:
 * a reader sees the old page or the new one, never a part.  Errors are
 * translated (G_IO_ERROR, G_FILE_ERROR or the store's). */
gboolean koers_html_write (KoersStore               *store,
                           const KoersReportOptions *opts,
                           const char               *path,
                           GError                  **error);

G_END_DECLS
