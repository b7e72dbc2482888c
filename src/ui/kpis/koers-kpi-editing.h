/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* What the KPI section, its rows, the KPI editor and the update dialog
 * share: the look of a status, the words for thresholds, opening the
 * editor, adding, and deleting with undo.  Toasts go to the
 * AdwToastOverlay around widget, or in widget's window. */

/* Loads kpi.css into the display once. */
void        koers_kpi_editing_ensure_style       (void);

/* Icon name and css class ("kpi-healthy" …) for a KPI status. */
const char *koers_kpi_editing_get_status_icon    (KoersKpiStatus status);
const char *koers_kpi_editing_get_status_css_class (KoersKpiStatus status);
/* Puts the class of status on widget and takes the others off. */
void        koers_kpi_editing_set_status_class   (GtkWidget     *widget,
                                                  KoersKpiStatus status);

/* A value of kpi with its unit, in the UI language. */
char       *koers_kpi_editing_format_value       (KoersKpi      *kpi,
                                                  double         value);
/* "Healthy ≥ 40 · attention ≥ 30" (short, for a row) or "Healthy at 40
 * or more · needs attention from 30 · unhealthy below 30" (long). */
char       *koers_kpi_editing_describe_thresholds (KoersKpi     *kpi,
                                                   gboolean      longer);
/* The titles of the key results that move kpi, "A, B", or NULL. */
char       *koers_kpi_editing_dup_moved_by       (KoersStore    *store,
                                                  KoersKpi      *kpi);

/* Opens (or raises) kpi's editor, transient for widget's window. */
void        koers_kpi_editing_open_editor        (GtkWidget     *widget,
                                                  KoersStore    *store,
                                                  KoersKpi      *kpi);
/* Adds a KPI named "New KPI" to department and opens its editor; NULL
 * (and an error toast) when the store refused (transfer none). */
KoersKpi   *koers_kpi_editing_add_kpi            (GtkWidget       *widget,
                                                  KoersStore      *store,
                                                  KoersDepartment *department);
/* Deletes, then offers Undo in a toast.  FALSE (and an error toast) when
 * the store refused. */
gboolean    koers_kpi_editing_delete_kpi         (GtkWidget     *widget,
                                                  KoersStore    *store,
                                                  KoersKpi      *kpi);
gboolean    koers_kpi_editing_delete_value       (GtkWidget     *widget,
                                                  KoersStore    *store,
                                                  KoersKpiValue *value);

G_END_DECLS
