/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* One editor window per entity (an objective, a key result, a KPI): a
 * second request raises the open one.  The editor's type names the kind
 * of editor, so one entity could have editors of two kinds. */

/* Presents the editor of editor_type open on entity or, when there is
 * none, a new one made with store and entity (its construct properties
 * "store" and entity_property), transient for widget's window. */
void koers_editor_windows_open (GtkWidget  *widget,
                                KoersStore *store,
                                GObject    *entity,
                                GType       editor_type,
                                const char *entity_property);
/* Destroys editor once, *closed saying whether it was: the store's
 * "changed" during a delete from the editor may have closed it already. */
void koers_editor_windows_close (GtkWindow *editor,
                                 gboolean  *closed);

G_END_DECLS
