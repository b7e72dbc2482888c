/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* A modal window that edits one objective; every change is saved at once. */
#define KOERS_TYPE_OBJECTIVE_EDITOR (koers_objective_editor_get_type ())
G_DECLARE_FINAL_TYPE (KoersObjectiveEditor, koers_objective_editor, KOERS, OBJECTIVE_EDITOR, AdwWindow)

GtkWidget      *koers_objective_editor_new (KoersStore     *store,
                                            KoersObjective *objective);
KoersObjective *koers_objective_editor_get_objective (KoersObjectiveEditor *self);

G_END_DECLS
