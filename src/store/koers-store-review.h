/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "core/koers-period.h"
#include "core/koers-quality.h"
#include "koers-store.h"

G_BEGIN_DECLS

/* The quarterly review and the quality check's memory (schema 3):
 * postmortems, final grades and notes, dismissed findings, carrying an
 * objective over to the next quarter and handing it to another
 * department.  Every write is one transaction and ends with "changed". */

/* koers_store_open() reads the review (postmortem, final-grade,
 * review-note; final-score, final-note) and the dismissed findings with
 * everything else, and every write (add, save, restore, import) keeps the
 * objects and the file the same: there is nothing to load later. */

/* Writes the objective's postmortem, final-grade, review-note and state,
 * and every key result's final-score and final-note, as the objects hold
 * them now.  On failure the objects get the stored values back. */
gboolean koers_store_save_review (KoersStore     *self,
                                  KoersObjective *objective,
                                  GError        **error);

/* Finding keys (see KoersQualityFinding) a person dismissed: a set, for
 * KoersQualityInput.dismissed (transfer none; changes with the calls
 * below). */
GHashTable *koers_store_get_dismissed_findings (KoersStore *self);
/* When key was dismissed (µs since the epoch), 0 when it is not. */
gint64 koers_store_get_finding_dismissed_at (KoersStore *self,
                                             const char *key);
/* Dismissing twice keeps the first time. */
gboolean koers_store_dismiss_finding (KoersStore *self,
                                      const char *key,
                                      GError    **error);
/* Shows the finding again. */
gboolean koers_store_undismiss_finding (KoersStore *self,
                                        const char *key,
                                        GError    **error);

/* Fills input for a check of period over the store's lists, with the
 * store's dismissed findings. */
void koers_store_init_quality_input (KoersStore        *self,
                                     KoersQualityInput *input,
                                     const KoersPeriod *period);

/* The seed: "Ambitieuze OKR’s blijven op de lijst tot ze gerealiseerd
 * zijn".  Makes a copy of objective in period (NULL: the period after its
 * own) and department (NULL: its own), linked by carried-over-from, with
 * the key results not yet achieved, each starting from its current value
 * and due as far into the new period as it was into the old one.  The
 * original keeps everything and gets state carried-over.  Refused for an
 * objective that is achieved, archived or carried over already.
 * *copy (nullable) gets the new objective (transfer none: the store's). */
gboolean koers_store_carry_over_objective (KoersStore        *self,
                                           KoersObjective    *objective,
                                           const KoersPeriod *period,
                                           KoersDepartment   *department,
                                           KoersObjective   **copy,
                                           GError           **error);

/* The seed: "Het is goed om een ambitieuze OKR over te dragen aan een
 * ander team met meer expertise of capaciteit."  Moves objective, with
 * its key results and check-ins, to department (last in its list there);
 * its level follows the department (company, department, or team when
 * the department has a parent). */
gboolean koers_store_hand_over_objective (KoersStore      *self,
                                          KoersObjective  *objective,
                                          KoersDepartment *department,
                                          GError         **error);

G_END_DECLS
