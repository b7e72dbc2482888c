/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One editor window per entity (an objective, a key result, a KPI): a
 * second request raises the open one.  key names the kind of editor, so
 * one entity could have editors of two kinds. */

/* The editor open on entity under key, or NULL. */
GtkWindow *koers_editor_windows_lookup (GObject    *entity,
                                        const char *key);
/* Presents the editor open on entity under key or, when there is none,
 * new_editor (made by the caller when the lookup found none), transient
 * for widget's window.  key must be a static string. */
void koers_editor_windows_present (GtkWidget  *widget,
                                   GObject    *entity,
                                   const char *key,
                                   GtkWidget  *new_editor);
/* Destroys editor once, *closed saying whether it was: the store's
 * "changed" during a delete from the editor may have closed it already. */
void koers_editor_windows_close (GtkWindow *editor,
                                 gboolean  *closed);

G_END_DECLS
