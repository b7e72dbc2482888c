/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* Deleting an objective or a key result, then offering "Undo" in a toast
 * near widget (the card, the row, the editor's parent window).  FALSE
 * (and an error toast) when the store refused. */
gboolean koers_deleting_delete_objective  (GtkWidget      *widget,
                                           KoersStore     *store,
                                           KoersObjective *objective);
gboolean koers_deleting_delete_key_result (GtkWidget      *widget,
                                           KoersStore     *store,
                                           KoersKeyResult *kr);

G_END_DECLS
