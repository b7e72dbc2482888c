/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "core/koers-kpi.h"
#include "core/koers-period.h"

G_BEGIN_DECLS

/* A KPI's trend, small, for its row: the values of the period (with the
 * one before it, where the line comes from) as a line with points, the
 * latest one larger, and the healthy threshold as a dashed line.  It draws
 * in its css colour, which the status sets, so light, dark and high
 * contrast follow.  Its accessible description says the trend in words. */
#define KOERS_TYPE_KPI_SPARKLINE (koers_kpi_sparkline_get_type ())
G_DECLARE_FINAL_TYPE (KoersKpiSparkline, koers_kpi_sparkline, KOERS, KPI_SPARKLINE, GtkDrawingArea)

/* period may be NULL: the last values up to today. */
void koers_kpi_sparkline_set_kpi (KoersKpiSparkline *self,
                                  KoersKpi          *kpi);
void koers_kpi_sparkline_set_period (KoersKpiSparkline *self,
                                     const KoersPeriod *period);

/* The values it draws, oldest first (a new array of references). */
GPtrArray *koers_kpi_sparkline_list_points (KoersKpiSparkline *self);
/* What the widget draws, at width × height onto cr. */
void koers_kpi_sparkline_render (KoersKpiSparkline *self,
                                 cairo_t           *cr,
                                 int                width,
                                 int                height);
/* The accessible description, in words. */
char *koers_kpi_sparkline_dup_summary (KoersKpiSparkline *self);

G_END_DECLS
