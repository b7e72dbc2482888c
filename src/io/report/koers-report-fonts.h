/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "koers-report-layout.h"

G_BEGIN_DECLS

/* The report's fonts: each KoersReportFont's description, and a Pango
 * context set up as the report measures and draws (72 dpi, unhinted). */
PangoFontDescription *koers_report_font_description_new (KoersReportFont font);
/* In points. */
double koers_report_font_get_size (KoersReportFont font);
void   koers_report_fonts_set_up_context (PangoContext *context);

/* The font map koers_report_warm_fonts() made ready, waiting for it when
 * it is still at work; NULL when none was made (or it was taken). */
PangoFontMap *koers_report_fonts_take_warm_map (void);

G_END_DECLS
