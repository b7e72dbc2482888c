/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "koers-accessors.h"

G_BEGIN_DECLS

/* One measurement of a KPI: its value on a date, with a note.
 * Properties: id, uuid, kpi-id, date (ISO or NULL), value, note, created,
 * updated. */
#define KOERS_TYPE_KPI_VALUE (koers_kpi_value_get_type ())
G_DECLARE_FINAL_TYPE (KoersKpiValue, koers_kpi_value, KOERS, KPI_VALUE, GObject)

KoersKpiValue *koers_kpi_value_new (const char *date_iso,
                                    double      value,
                                    const char *note);
KOERS_DECLARE_RECORD_ACCESSORS (KoersKpiValue, koers_kpi_value)
KOERS_DECLARE_ACCESSORS (KoersKpiValue, koers_kpi_value, gint64, kpi_id)
KOERS_DECLARE_ACCESSORS (KoersKpiValue, koers_kpi_value, const char *, date)
KOERS_DECLARE_ACCESSORS (KoersKpiValue, koers_kpi_value, double, value)
KOERS_DECLARE_ACCESSORS (KoersKpiValue, koers_kpi_value, const char *, note)

/* Newest first by date, then by creation time, then id: a
 * GCompareDataFunc, the order of koers_kpi_get_values(). */
int koers_kpi_value_compare_newest_first (gconstpointer a,
                                          gconstpointer b,
                                          gpointer      user_data);

G_END_DECLS
