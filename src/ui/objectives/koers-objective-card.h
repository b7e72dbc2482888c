/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/koers-store.h"
#include "quality/koers-quality-marks.h"

G_BEGIN_DECLS

/* One objective in the editor pane: title, kind, owner, alignment, score
 * and its key results.  The list view recycles cards: set-objective NULL
 * disconnects from the previous objective. */
#define KOERS_TYPE_OBJECTIVE_CARD (koers_objective_card_get_type ())
G_DECLARE_FINAL_TYPE (KoersObjectiveCard, koers_objective_card, KOERS, OBJECTIVE_CARD, AdwBin)

GtkWidget      *koers_objective_card_new (KoersStore *store);
KoersStore     *koers_objective_card_get_store (KoersObjectiveCard *self);
KoersObjective *koers_objective_card_get_objective (KoersObjectiveCard *self);
void            koers_objective_card_set_objective (KoersObjectiveCard *self,
                                                    KoersObjective     *objective);
/* In a long list: once rebound, make the key-result rows only when the
 * card comes near the visible part again (the row widgets are kept). */
void koers_objective_card_set_lazy_rows (KoersObjectiveCard *self,
                                         gboolean            lazy);
/* Where the card's quality mark finds its findings (NULL: no mark). */
void koers_objective_card_set_quality_marks (KoersObjectiveCard *self,
                                             KoersQualityMarks  *marks);

G_END_DECLS
