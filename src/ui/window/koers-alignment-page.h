/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "core/koers-period.h"
#include "store/koers-store.h"

G_BEGIN_DECLS

/* "Alignment": the period's objectives as a tree, company → departments →
 * teams (each objective under the one it supports, one level up), with
 * their scores, then those aligned to none.  Activating an objective's
 * row activates win.show-objective with its id ("x").  Follows the store. */
#define KOERS_TYPE_ALIGNMENT_PAGE (koers_alignment_page_get_type ())
G_DECLARE_FINAL_TYPE (KoersAlignmentPage, koers_alignment_page, KOERS, ALIGNMENT_PAGE, AdwBin)

GtkWidget *koers_alignment_page_new (KoersStore *store);
void       koers_alignment_page_set_period (KoersAlignmentPage *self,
                                            const KoersPeriod  *period);
/* The rows' objectives in order, and their depth (0 company, 1, 2; the
 * unaligned at 0): for tests and assistive technology checks. */
guint           koers_alignment_page_get_n_rows (KoersAlignmentPage *self);
KoersObjective *koers_alignment_page_get_row_objective (KoersAlignmentPage *self,
                                                        guint               index,
                                                        guint              *depth);

G_END_DECLS
