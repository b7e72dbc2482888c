/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* Deleting an objective, a key result, a KPI or a KPI value, then offering
 * "Undo" in a toast near widget (the card, the row, the editor's parent
 * window).  FALSE (and an error toast) when the store refused. */
gboolean koers_deleting_delete (GtkWidget  *widget,
                                KoersStore *store,
                                GObject    *item);
/* The same from item's editor window: the toast goes to the window the
 * editor belongs to, as the editor is to close (the caller closes it on
 * TRUE). */
gboolean koers_deleting_delete_from_editor (GtkWindow  *editor,
                                            KoersStore *store,
                                            GObject    *item);

G_END_DECLS
