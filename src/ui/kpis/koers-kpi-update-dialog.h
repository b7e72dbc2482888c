/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* A modal window to enter a new value of a KPI, as the check-in dialog
 * does for a key result: the value (read in the UI language), a note and
 * a date (today; not in the future), with the current value and the
 * status the new value would give.  Save writes one value; Cancel and
 * Escape write nothing; Enter saves. */
#define KOERS_TYPE_KPI_UPDATE_DIALOG (koers_kpi_update_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KoersKpiUpdateDialog, koers_kpi_update_dialog, KOERS, KPI_UPDATE_DIALOG, AdwWindow)

GtkWidget *koers_kpi_update_dialog_new (KoersStore *store,
                                        KoersKpi   *kpi);
/* Creates a dialog, transient for widget's window, and presents it
 * (transfer none). */
GtkWidget *koers_kpi_update_dialog_present (GtkWidget  *widget,
                                            KoersStore *store,
                                            KoersKpi   *kpi);
/* (nullable): the value Save added. */
KoersKpiValue *koers_kpi_update_dialog_get_value (KoersKpiUpdateDialog *self);
/* Whether every field holds a valid value (Save is sensitive). */
gboolean koers_kpi_update_dialog_get_can_save (KoersKpiUpdateDialog *self);
/* The KPI's status after Save as the fields stand (NONE while invalid). */
KoersKpiStatus koers_kpi_update_dialog_get_preview_status (KoersKpiUpdateDialog *self);
/* What Save does: writes through the store, then closes the window.
 * FALSE (and error set, the window open) when a field is invalid or the
 * store refused. */
gboolean koers_kpi_update_dialog_save (KoersKpiUpdateDialog *self,
                                       GError              **error);

G_END_DECLS
