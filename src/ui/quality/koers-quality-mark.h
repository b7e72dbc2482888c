/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "core/koers-quality-rule.h"
#include "koers-quality-marks.h"

G_BEGIN_DECLS

/* The mark on an objective card when the quality check found something
 * about the objective or its key results: the worst severity as an icon
 * and in words, with the count.  It opens a popover that lists each
 * finding (message, explanation, hint) with a Dismiss button.  Hidden
 * when there is nothing to say. */
#define KOERS_TYPE_QUALITY_MARK (koers_quality_mark_get_type ())
G_DECLARE_FINAL_TYPE (KoersQualityMark, koers_quality_mark, KOERS, QUALITY_MARK, AdwBin)

GtkWidget *koers_quality_mark_new (void);
void       koers_quality_mark_set_marks (KoersQualityMark  *self,
                                         KoersQualityMarks *marks);
void       koers_quality_mark_set_objective (KoersQualityMark *self,
                                             KoersObjective   *objective);
/* What the mark says ("Warning (2)"), "" when hidden. */
const char *koers_quality_mark_get_text (KoersQualityMark *self);
/* The popover (made when first asked for; filled when it opens). */
GtkPopover *koers_quality_mark_get_popover (KoersQualityMark *self);
void        koers_quality_mark_popup (KoersQualityMark *self);

/* The icon and css class ("error", "warning", "accent") of a severity,
 * for every place that shows one. */
const char *koers_quality_mark_get_severity_icon (KoersQualitySeverity severity);
const char *koers_quality_mark_get_severity_css_class (KoersQualitySeverity severity);

G_END_DECLS
