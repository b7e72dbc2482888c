/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* The objective editor's "Capacity" group: the effort estimate in
 * person-days and the resource request (extra person-days, budget, a
 * reason), saved as typed.  What does not parse (not a number, negative,
 * too large) gets its message under the group and is not written. */
#define KOERS_TYPE_RESOURCE_FORM (koers_resource_form_get_type ())
G_DECLARE_FINAL_TYPE (KoersResourceForm, koers_resource_form, KOERS, RESOURCE_FORM, AdwPreferencesGroup)

/* Shows and edits objective, saving through store. */
void koers_resource_form_set_objective (KoersResourceForm *self,
                                        KoersStore        *store,
                                        KoersObjective    *objective);
/* Refills the fields from the objective (after a change elsewhere). */
void koers_resource_form_fill (KoersResourceForm *self);

G_END_DECLS
