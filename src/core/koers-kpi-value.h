/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One measurement of a KPI: its value on a date, with a note.
 * Properties: id, uuid, kpi-id, date (ISO or NULL), value, note, created,
 * updated. */
#define KOERS_TYPE_KPI_VALUE (koers_kpi_value_get_type ())
G_DECLARE_FINAL_TYPE (KoersKpiValue, koers_kpi_value, KOERS, KPI_VALUE, GObject)

KoersKpiValue *koers_kpi_value_new (const char *date_iso,
                                    double      value,
                                    const char *note);
gint64         koers_kpi_value_get_id (KoersKpiValue *self);
void           koers_kpi_value_set_id (KoersKpiValue *self, gint64 id);
const char    *koers_kpi_value_get_uuid (KoersKpiValue *self);
void           koers_kpi_value_set_uuid (KoersKpiValue *self, const char *uuid);
gint64         koers_kpi_value_get_kpi_id (KoersKpiValue *self);
void           koers_kpi_value_set_kpi_id (KoersKpiValue *self, gint64 id);
const char    *koers_kpi_value_get_date (KoersKpiValue *self);
void           koers_kpi_value_set_date (KoersKpiValue *self, const char *date_iso);
double         koers_kpi_value_get_value (KoersKpiValue *self);
void           koers_kpi_value_set_value (KoersKpiValue *self, double value);
const char    *koers_kpi_value_get_note (KoersKpiValue *self);
void           koers_kpi_value_set_note (KoersKpiValue *self, const char *note);
gint64         koers_kpi_value_get_created (KoersKpiValue *self);
void           koers_kpi_value_set_created (KoersKpiValue *self, gint64 usec);
gint64         koers_kpi_value_get_updated (KoersKpiValue *self);
void           koers_kpi_value_set_updated (KoersKpiValue *self, gint64 usec);

/* Newest first by date, then by creation time, then id: a
 * GCompareDataFunc, the order of koers_kpi_get_values(). */
int koers_kpi_value_compare_newest_first (gconstpointer a,
                                          gconstpointer b,
                                          gpointer      user_data);

G_END_DECLS
