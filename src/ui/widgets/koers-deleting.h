/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* Deleting a key result, a KPI or a KPI value, or archiving an objective
 * (kept with its history, see koers_store_set_objective_archived()), then
 * offering "Undo" in a toast near widget (the card, the row, the editor's
 * parent window).  FALSE (and an error toast) when the store refused. */
gboolean koers_deleting_delete (GtkWidget  *widget,
                                KoersStore *store,
                                GObject    *item);
/* Deletes an objective for good (the store refuses one with check-ins),
 * with the same toast; the caller asked for confirmation first. */
gboolean koers_deleting_delete_objective_for_good (GtkWidget      *widget,
                                                   KoersStore     *store,
                                                   KoersObjective *objective);
/* The same from item's editor window: the toast goes to the window the
 * editor belongs to, as the editor is to close (the caller closes it on
 * TRUE). */
gboolean koers_deleting_delete_from_editor (GtkWindow  *editor,
                                            KoersStore *store,
                                            GObject    *item);

typedef void (*KoersDeletingConfirmFunc) (gpointer owner,
                                          gpointer item);

/* Asks before a delete that Undo cannot take back whole: a modal message
 * dialog over parent (NULL: none) with heading and body (plain text),
 * Cancel (the default, also Escape) and a destructive Delete, which calls
 * func (owner, item) unless owner is gone by then.  The dialog holds a
 * reference to item while it is open. */
void koers_deleting_confirm (GtkWindow               *parent,
                             const char              *heading,
                             const char              *body,
                             gpointer                 owner,
                             GObject                 *item,
                             KoersDeletingConfirmFunc func);

G_END_DECLS
