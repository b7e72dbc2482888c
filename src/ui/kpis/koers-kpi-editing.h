/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* Opening the KPI editor from the section and its rows, and adding a KPI:
 * one editor per KPI, transient for the window of the widget that asked.
 * Deleting is koers_deleting_delete(). */

/* Opens (or raises) kpi's editor, transient for widget's window. */
void koers_kpi_editing_open_editor (GtkWidget  *widget,
                                    KoersStore *store,
                                    KoersKpi   *kpi);
/* Adds a KPI named "New KPI" to department and opens its editor; NULL
 * (and an error toast) when the store refused (transfer none). */
KoersKpi *koers_kpi_editing_add_kpi (GtkWidget       *widget,
                                     KoersStore      *store,
                                     KoersDepartment *department);
G_END_DECLS
