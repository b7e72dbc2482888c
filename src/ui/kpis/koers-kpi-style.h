/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* The look and words of KPIs, shared by the section, its rows and
 * sparklines, the editor and the update dialog: kpi.css, a status's icon
 * and class, values with their unit, thresholds in words. */

/* Loads kpi.css into the display once. */
void koers_kpi_style_ensure (void);

/* Icon name and css class ("kpi-healthy" …) for a KPI status. */
const char *koers_kpi_style_get_status_icon (KoersKpiStatus status);
const char *koers_kpi_style_get_status_css_class (KoersKpiStatus status);
/* Puts the class of status on widget and takes the others off. */
void koers_kpi_style_set_status_class (GtkWidget     *widget,
                                       KoersKpiStatus status);

/* A value of kpi with its unit, in the UI language (koers_format_kpi_value()). */
char *koers_kpi_style_format_value (KoersKpi *kpi,
                                    double    value);
/* "Healthy ≥ 40 · attention ≥ 30" (short, for a row) or "Healthy at 40
 * or more · needs attention from 30 · unhealthy below 30" (long). */
char *koers_kpi_style_describe_thresholds (KoersKpi *kpi,
                                           gboolean  longer);
/* The titles of the key results that move kpi, "A, B", or NULL. */
char *koers_kpi_style_dup_moved_by (KoersStore *store,
                                    KoersKpi   *kpi);

G_END_DECLS
