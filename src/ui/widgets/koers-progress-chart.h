/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "core/koers-key-result.h"
#include "core/koers-period.h"

G_BEGIN_DECLS

/* A key result's progress over its period, drawn with Cairo: the actual
 * values (solid line, round points), the ideal line from start to target
 * (dashed), today (dotted, vertical) and the target (dash-dot, labelled).
 * Shapes and line styles tell the series apart, not only colour, and the
 * colours follow the light or dark style.  It scales from a sparkline in a
 * key-result row to full screen; axis labels and the legend go when there
 * is no room for them.  Its accessible description says in words what it
 * shows. */
#define KOERS_TYPE_PROGRESS_CHART (koers_progress_chart_get_type ())
G_DECLARE_FINAL_TYPE (KoersProgressChart, koers_progress_chart, KOERS, PROGRESS_CHART, GtkDrawingArea)

/* period may be NULL: the range then follows the check-ins and there is no
 * ideal line. */
GtkWidget *koers_progress_chart_new (KoersKeyResult    *kr,
                                     const KoersPeriod *period);
/* The small variant for key-result rows: no labels, no legend. */
GtkWidget *koers_progress_chart_new_sparkline (KoersKeyResult    *kr,
                                               const KoersPeriod *period);

KoersKeyResult *koers_progress_chart_get_key_result (KoersProgressChart *self);
void            koers_progress_chart_set_key_result (KoersProgressChart *self,
                                                     KoersKeyResult     *kr);
/* (nullable) (transfer none) */
const KoersPeriod *koers_progress_chart_get_period (KoersProgressChart *self);
void               koers_progress_chart_set_period (KoersProgressChart *self,
                                                    const KoersPeriod  *period);
gboolean           koers_progress_chart_get_compact (KoersProgressChart *self);

/* What the widget draws, at width × height onto cr (tests render it onto
 * an image surface). */
void koers_progress_chart_render (KoersProgressChart *self,
                                  cairo_t            *cr,
                                  int                 width,
                                  int                 height);
/* The accessible description, in words. */
char *koers_progress_chart_dup_summary (KoersProgressChart *self);

G_END_DECLS
