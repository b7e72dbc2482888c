/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "core/koers-period.h"
#include "store/koers-store.h"

G_BEGIN_DECLS

/* The guided quarterly review: one objective at a time, of those that end
 * in a period (and, if given, of one department).  For each: final scores
 * of the key results and a final grade (proposed from the scores), a
 * note, a blameless postmortem for a committed objective below 1.0 (Save
 * waits for it), and carrying the objective over to the next period,
 * optionally to another department.  Save writes and moves on; Skip moves
 * on; the last page sums up. */
#define KOERS_TYPE_REVIEW_DIALOG (koers_review_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KoersReviewDialog, koers_review_dialog, KOERS, REVIEW_DIALOG, AdwWindow)

/* department_id 0: every department. */
GtkWidget *koers_review_dialog_new (KoersStore        *store,
                                    const KoersPeriod *period,
                                    gint64             department_id);
/* How many objectives the review goes through. */
guint koers_review_dialog_get_n_objectives (KoersReviewDialog *self);
/* (nullable) (transfer none): the objective on screen; NULL on the last
 * page. */
KoersObjective *koers_review_dialog_get_objective (KoersReviewDialog *self);
/* Whether Save may run: a committed objective graded below 1.0 needs a
 * postmortem. */
gboolean koers_review_dialog_get_can_save (KoersReviewDialog *self);
/* What Save does: writes the review (and the carry-over), then shows the
 * next objective.  FALSE, with error, when it may not or the store
 * refused; the objective stays on screen. */
gboolean koers_review_dialog_save (KoersReviewDialog *self,
                                   GError           **error);
/* What Skip does: the next objective, nothing written. */
void koers_review_dialog_skip (KoersReviewDialog *self);

G_END_DECLS
