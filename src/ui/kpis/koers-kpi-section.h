/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "core/koers-department.h"
#include "core/koers-period.h"
#include "store/koers-store.h"

G_BEGIN_DECLS

/* The KPIs of one department, next to its objectives in the editor pane:
 * a row per KPI (KoersKpiRow), an "Add KPI" button and a line that counts
 * them by health.  The list is a filter over the store's list of every
 * KPI: switching department re-runs the filter, and a store write touches
 * only the rows of what changed.  It installs kpi-section.add. */
#define KOERS_TYPE_KPI_SECTION (koers_kpi_section_get_type ())
G_DECLARE_FINAL_TYPE (KoersKpiSection, koers_kpi_section, KOERS, KPI_SECTION, AdwBin)

GtkWidget *koers_kpi_section_new (void);
void       koers_kpi_section_set_store (KoersKpiSection *self,
                                        KoersStore      *store);
void       koers_kpi_section_set_department (KoersKpiSection *self,
                                             KoersDepartment *department);
/* The period the trends show; NULL: the last values. */
void koers_kpi_section_set_period (KoersKpiSection   *self,
                                   const KoersPeriod *period);
/* The department's KPIs as shown, in order (transfer none). */
GListModel *koers_kpi_section_get_model (KoersKpiSection *self);
/* "5 KPIs · 3 healthy · …", as the section shows it. */
const char *koers_kpi_section_get_summary (KoersKpiSection *self);

G_END_DECLS
