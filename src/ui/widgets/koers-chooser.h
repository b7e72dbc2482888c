/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The file choosers of the export, report and preferences windows.  GTK
 * does not keep a native dialog alive while it is shown, so its owner
 * keeps it in a slot until the next one or its dispose. */

/* Called with the owner and the file chosen, when the user accepts. */
typedef void (*KoersChooserFileFunc) (gpointer owner,
                                      GFile   *file);

/* Puts chooser (taken) in *slot in place of the one there, and shows it;
 * on Accept, func (owner, file). */
void koers_chooser_show (GtkFileChooserNative **slot,
                         GtkFileChooserNative  *chooser,
                         KoersChooserFileFunc   func,
                         gpointer               owner);

/* Destroys and drops the chooser in *slot, if any (from a dispose). */
void koers_chooser_clear (GtkFileChooserNative **slot);

/* Says, in a message dialog over parent, that a file could not be
 * written: heading, and the error's message as plain text (it may quote
 * a file name). */
void koers_chooser_show_error (GtkWindow    *parent,
                               const char   *heading,
                               const GError *error);

G_END_DECLS
