/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "core/koers-period.h"
#include "store/koers-store.h"

G_BEGIN_DECLS

/* The quality check's findings about objectives, for the marks on the
 * editor pane's cards.  One check of the whole period (every department:
 * switching department needs no new check) runs when the period changes
 * (in an idle) or the store does; a burst of store changes (a title typed
 * letter by letter) gives one check, once it pauses for 300 ms.
 * Dismissed findings are left out.  "changed" tells the cards to look
 * again. */
#define KOERS_TYPE_QUALITY_MARKS (koers_quality_marks_get_type ())
G_DECLARE_FINAL_TYPE (KoersQualityMarks, koers_quality_marks, KOERS, QUALITY_MARKS, GObject)

KoersQualityMarks *koers_quality_marks_new (void);
void               koers_quality_marks_set_store (KoersQualityMarks *self,
                                                  KoersStore        *store);
KoersStore        *koers_quality_marks_get_store (KoersQualityMarks *self);
/* NULL: no period, no findings. */
void koers_quality_marks_set_period (KoersQualityMarks *self,
                                     const KoersPeriod *period);
/* The findings about objective_id and its key results, in the check's
 * order (transfer none: valid until "changed"), or NULL for none. */
GPtrArray *koers_quality_marks_get_findings (KoersQualityMarks *self,
                                             gint64             objective_id);
/* Checks in the next idle, not after the pause: after a change that was
 * made through a mark (a Dismiss), which must show at once. */
void koers_quality_marks_check_soon (KoersQualityMarks *self);
/* Runs a pending check now (tests, and whoever needs the marks at once). */
void koers_quality_marks_flush (KoersQualityMarks *self);
/* How many checks have run: one per burst of changes, not one per card. */
guint koers_quality_marks_get_n_checks (KoersQualityMarks *self);

G_END_DECLS
