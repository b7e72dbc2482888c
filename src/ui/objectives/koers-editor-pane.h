/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "core/koers-department.h"
#include "core/koers-period.h"
#include "store/koers-store.h"
#include "quality/koers-quality-marks.h"

G_BEGIN_DECLS

/* The right-hand pane: the objective cards of one department and period.
 * It installs the actions editor.add-objective, editor.add-from-template
 * (the seed's examples, see KoersTemplatePicker), editor.add-key-result
 * (on the focused objective) and editor.delete (the focused item); the
 * window binds the accelerators.  Undo toasts go to the nearest
 * AdwToastOverlay ancestor. */
#define KOERS_TYPE_EDITOR_PANE (koers_editor_pane_get_type ())
G_DECLARE_FINAL_TYPE (KoersEditorPane, koers_editor_pane, KOERS, EDITOR_PANE, AdwBin)

GtkWidget *koers_editor_pane_new (void);
void       koers_editor_pane_set_store (KoersEditorPane *self,
                                        KoersStore      *store);
void       koers_editor_pane_set_department (KoersEditorPane *self,
                                             KoersDepartment *department);
void       koers_editor_pane_set_period (KoersEditorPane   *self,
                                         const KoersPeriod *period);
/* Filters by objective title, key-result title and owner; NULL or "" shows all. */
void koers_editor_pane_set_search_text (KoersEditorPane *self,
                                        const char      *text);
/* The quality findings behind the cards' marks (transfer none). */
KoersQualityMarks *koers_editor_pane_get_quality_marks (KoersEditorPane *self);

G_END_DECLS
