/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "koers-accessors.h"
#include "koers-enums.h"
#include "koers-kpi-value.h"
#include "koers-period.h"

G_BEGIN_DECLS

/* A key performance indicator: a health metric of a department (or of the
 * company level) that keeps running, next to the OKRs that change things
 * (the seed: "Gebruik OKR's samen met KPI's in rapportering aan de raad
 * van bestuur").  It belongs to no period; a period shows the values
 * measured in it.
 *
 * Properties: id, uuid, department-id, name, unit, metric-kind, direction,
 * healthy and attention (the thresholds, see koers-kpi-status.h),
 * frequency, position, created, updated; read-only, following the values:
 * current-value (the latest value; 0 when there is none), last-update-date
 * (its date, ISO, or NULL) and status (from the latest value and the
 * thresholds; NONE without a value). */
#define KOERS_TYPE_KPI (koers_kpi_get_type ())
G_DECLARE_FINAL_TYPE (KoersKpi, koers_kpi, KOERS, KPI, GObject)

KoersKpi *koers_kpi_new (const char       *name,
                         KoersMetricKind   metric_kind,
                         const char       *unit,
                         KoersKpiDirection direction,
                         double            healthy,
                         double            attention,
                         KoersKpiFrequency frequency);
KOERS_DECLARE_RECORD_ACCESSORS (KoersKpi, koers_kpi)
KOERS_DECLARE_ACCESSORS (KoersKpi, koers_kpi, gint64, department_id)
KOERS_DECLARE_ACCESSORS (KoersKpi, koers_kpi, const char *, name)
KOERS_DECLARE_ACCESSORS (KoersKpi, koers_kpi, const char *, unit)
KOERS_DECLARE_ACCESSORS (KoersKpi, koers_kpi, KoersMetricKind, metric_kind)
KOERS_DECLARE_ACCESSORS (KoersKpi, koers_kpi, KoersKpiDirection, direction)
KOERS_DECLARE_ACCESSORS (KoersKpi, koers_kpi, double, healthy)
KOERS_DECLARE_ACCESSORS (KoersKpi, koers_kpi, double, attention)
KOERS_DECLARE_ACCESSORS (KoersKpi, koers_kpi, KoersKpiFrequency, frequency)
KOERS_DECLARE_ACCESSORS (KoersKpi, koers_kpi, int, position)

/* The history, newest first (a GListStore of KoersKpiValue owned by the
 * KPI; it stays sorted when a value's date changes). */
GListModel *koers_kpi_get_values (KoersKpi *self);
/* The store calls these after writing. */
void koers_kpi_add_value (KoersKpi *self, KoersKpiValue *value);
void koers_kpi_remove_value (KoersKpi *self, KoersKpiValue *value);
/* Puts values (newest first, as the list keeps them) into a KPI that has
 * none, in one step: one at a time, each watched again, cost time
 * quadratic in their number. */
void koers_kpi_splice_values (KoersKpi *self, GPtrArray *newest_first);
/* (transfer none) (nullable): the first of get_values. */
KoersKpiValue *koers_kpi_get_latest_value (KoersKpi *self);
double         koers_kpi_get_current_value (KoersKpi *self);
const char    *koers_kpi_get_last_update_date (KoersKpi *self);
KoersKpiStatus koers_kpi_get_status (KoersKpi *self);

/* What the thresholds say about any value (NONE when not finite). */
KoersKpiStatus koers_kpi_get_status_for_value (KoersKpi *self, double value);
/* A new value is due on today (NULL: koers_date_today()): there is none
 * yet, or the last is a week, month or quarter old (the frequency). */
gboolean koers_kpi_is_update_due (KoersKpi *self, const GDate *today);
/* When the next value is due; FALSE (out untouched) without a value. */
gboolean koers_kpi_get_next_update_date (KoersKpi *self, GDate *out);
/* (transfer none) (nullable): the newest value dated on or before date:
 * what the KPI stood at then (at a period's end, for a report). */
KoersKpiValue *koers_kpi_find_value_on (KoersKpi *self, const GDate *date);
/* The values dated within period, OLDEST first, as a trend line draws
 * them (a new array of references). */
GPtrArray *koers_kpi_list_values_in_period (KoersKpi *self, const KoersPeriod *period);

G_END_DECLS
