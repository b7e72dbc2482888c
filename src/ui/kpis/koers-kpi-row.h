/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "core/koers-period.h"
#include "store/koers-store.h"

G_BEGIN_DECLS

/* A KPI in the KPI section: its name, current value, thresholds, status
 * (colour, icon and words), a trend sparkline over the period, a mark
 * when an update is due, the key results that move it, and buttons to
 * enter a new value and to edit it.  Activating it opens the editor.  It
 * follows the KPI and the store by itself. */
#define KOERS_TYPE_KPI_ROW (koers_kpi_row_get_type ())
G_DECLARE_FINAL_TYPE (KoersKpiRow, koers_kpi_row, KOERS, KPI_ROW, GtkListBoxRow)

/* period may be NULL: the trend shows the last values. */
GtkWidget     *koers_kpi_row_new (KoersStore        *store,
                                  KoersKpi          *kpi,
                                  const KoersPeriod *period);
KoersKpi      *koers_kpi_row_get_kpi (KoersKpiRow *self);
void           koers_kpi_row_set_period (KoersKpiRow       *self,
                                         const KoersPeriod *period);
KoersKpiStatus koers_kpi_row_get_status (KoersKpiRow *self);

G_END_DECLS
