/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "koers-objective-card.h"

G_BEGIN_DECLS

/* A list-view item that holds an objective card, made only once the item
 * comes near the visible part of the list.  GTK 4.8's list view keeps
 * some 200 items alive whatever their size; without this, switching to a
 * department with 300 objectives would build 200 full cards.  Until then
 * it asks for about the height the card will have. */
#define KOERS_TYPE_OBJECTIVE_SLOT (koers_objective_slot_get_type ())
G_DECLARE_FINAL_TYPE (KoersObjectiveSlot, koers_objective_slot, KOERS, OBJECTIVE_SLOT, GtkWidget)

/* marks (nullable): for the card's quality mark. */
GtkWidget      *koers_objective_slot_new (KoersStore        *store,
                                          KoersQualityMarks *marks);
KoersObjective *koers_objective_slot_get_objective (KoersObjectiveSlot *self);
void            koers_objective_slot_set_objective (KoersObjectiveSlot *self,
                                                    KoersObjective     *objective);
/* Cards of slots gone (GTK 4.8's list view makes new items for a new
 * list rather than rebind the old ones): a switch rebinds them instead
 * of building cards and key-result rows from their templates again.
 * Shared by the slots of one list; NULL: none. */
void koers_objective_slot_set_card_pool (KoersObjectiveSlot *self,
                                         GPtrArray          *pool);
/* The card, or NULL while it is not made yet. */
KoersObjectiveCard *koers_objective_slot_get_card (KoersObjectiveSlot *self);

G_END_DECLS
