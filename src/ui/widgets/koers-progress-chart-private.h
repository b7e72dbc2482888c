/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "core/koers-key-result.h"
#include "core/koers-period.h"

G_BEGIN_DECLS

/* What KoersProgressChart hands to its drawing code. */
typedef struct
{
  KoersKeyResult    *kr;
  const KoersPeriod *period;        /* nullable: no ideal line */
  gboolean           compact;       /* sparkline: no labels, no legend */
  PangoContext      *pango_context; /* for the labels' font */
  GdkRGBA            fg;            /* the widget's text colour */
  gboolean           dark;          /* dark style: lighter line colours */
} KoersChartParams;

void koers_progress_chart_draw (const KoersChartParams *params,
                                cairo_t                *cr,
                                int                     width,
                                int                     height);

G_END_DECLS
