/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "koers-enums.h"

G_BEGIN_DECLS

/* Pure functions about KPIs: no objects, no I/O.
 *
 * A KPI has two thresholds.  Higher is better:
 *   value >= healthy              healthy
 *   attention <= value < healthy  needs attention
 *   value < attention             unhealthy
 * Lower is better, mirrored:
 *   value <= healthy              healthy
 *   healthy < value <= attention  needs attention
 *   value > attention             unhealthy
 * A threshold itself counts as the better side.  attention == healthy is a
 * plain pass/fail threshold (no "needs attention" band).  The attention
 * threshold lies on the worse side of the healthy one: at or below it when
 * higher is better, at or above it when lower is better. */

/* NONE for a value that is not a finite number. */
KoersKpiStatus koers_kpi_compute_status (KoersKpiDirection direction,
                                         double            healthy,
                                         double            attention,
                                         double            value);

/* Whether the thresholds are finite and in the order above. */
gboolean koers_kpi_check_thresholds (KoersKpiDirection direction,
                                     double            healthy,
                                     double            attention);

/* The day a new value is due after one on last_update: 7 days, 1 month or
 * 3 months later (a month from 31 January is 28 or 29 February). */
void koers_kpi_compute_next_update (KoersKpiFrequency frequency,
                                    const GDate      *last_update,
                                    GDate            *out);

/* TRUE when a new value is due on today: there is none yet (last_update
 * NULL or invalid), or today is on or after koers_kpi_compute_next_update(). */
gboolean koers_kpi_compute_update_due (KoersKpiFrequency frequency,
                                       const GDate      *last_update,
                                       const GDate      *today);

G_END_DECLS
