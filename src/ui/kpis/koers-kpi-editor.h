/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* A modal window that edits one KPI: name, unit, metric kind, direction,
 * the healthy and attention thresholds, the update frequency, and its
 * values (delete with undo).  Every change is saved at once, as in the
 * key-result editor; thresholds only once they are numbers in the order
 * koers_kpi_check_thresholds() asks, with the reason under them until
 * then.  Delete KPI deletes with an undo toast in the parent window. */
#define KOERS_TYPE_KPI_EDITOR (koers_kpi_editor_get_type ())
G_DECLARE_FINAL_TYPE (KoersKpiEditor, koers_kpi_editor, KOERS, KPI_EDITOR, AdwWindow)

KoersKpi *koers_kpi_editor_get_kpi (KoersKpiEditor *self);
/* (nullable): why the thresholds are not saved, as shown; NULL when they
 * are fine. */
const char *koers_kpi_editor_get_threshold_error (KoersKpiEditor *self);

G_END_DECLS
