/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "koers-report-layout.h"

G_BEGIN_DECLS

/* Shared by koers-report.c (the PDF) and koers-report-pages.c (pages for
 * a printer): the same model reads and the same parts in the same order. */

/* Reads the period's objectives (and the period before) into a lazily
 * opened store. */
gboolean koers_report_load_objectives (KoersStore               *store,
                                       const KoersReportOptions *opts,
                                       GError                  **error);
/* Every part of the report, in order; FALSE when cancelled. */
gboolean koers_report_run_sections (KoersReportLayout *layout);

G_END_DECLS
