/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "koers-report-data.h"
#include "koers-report-layout.h"

G_BEGIN_DECLS

/* The board report's capacity (issue #18): a page with each department's
 * capacity against its committed and aspirational effort and the open
 * resource requests, and the open escalations in the executive summary.
 * What they show is read at collect time (KoersReportData.capacity). */
typedef struct _KoersReportCapacity KoersReportCapacity;

KoersReportCapacity *koers_report_capacity_collect (KoersStore            *store,
                                                    const KoersReportData *data);
void                 koers_report_capacity_free (KoersReportCapacity *capacity);

/* The summary's "Open escalations", at the cursor. */
void koers_report_capacity_escalations (KoersReportLayout *layout);
/* The capacity page. */
gboolean koers_report_section_capacity (KoersReportLayout *layout);

G_END_DECLS
