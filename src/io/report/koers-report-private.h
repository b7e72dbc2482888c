/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "koers-report-layout.h"

G_BEGIN_DECLS

/* Shared by koers-report.c (the PDF) and koers-report-pages.c (pages for
 * a printer): the same parts in the same order, after the same model
 * reads (koers_report_load_model()). */

/* Every part of the report, in order; FALSE when cancelled. */
gboolean koers_report_run_sections (KoersReportLayout *layout);

G_END_DECLS
