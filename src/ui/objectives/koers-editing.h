/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "core/koers-quality-rule.h"
#include "store/koers-store.h"

G_BEGIN_DECLS

/* What the editor pane, the cards, the key-result rows and the two editor
 * windows share: opening editors, deleting with undo, showing errors.
 * Toasts go to the AdwToastOverlay around widget or, for a widget in an
 * editor window, to the one in the window the editor is transient for. */

/* Loads the CSS resource into the default display, once per display:
 * *styled_display (a static of the caller's) remembers which. */
void             koers_editing_load_style           (GdkDisplay    **styled_display,
                                                     const char     *resource);
/* Loads editor.css into the display once. */
void             koers_editing_ensure_style         (void);

AdwToastOverlay *koers_editing_find_toast_overlay   (GtkWidget      *widget);
/* The message of error (already translated) in a toast; user text in it is
 * escaped, a toast title being markup. */
void             koers_editing_show_error           (GtkWidget      *widget,
                                                     const GError   *error);

/* Opens (or raises, if it is open) the editor, transient for widget's window. */
void             koers_editing_open_objective       (GtkWidget      *widget,
                                                     KoersStore     *store,
                                                     KoersObjective *objective);
void             koers_editing_open_key_result      (GtkWidget      *widget,
                                                     KoersStore     *store,
                                                     KoersKeyResult *kr);

/* Adds a key result titled "New key result" to objective and opens it. */
gboolean         koers_editing_add_key_result       (GtkWidget      *widget,
                                                     KoersStore     *store,
                                                     KoersObjective *objective);

/* Deletes, then offers "Undo" in a toast.  FALSE (and an error toast) when
 * the store refused. */
gboolean         koers_editing_delete_objective     (GtkWidget      *widget,
                                                     KoersStore     *store,
                                                     KoersObjective *objective);
gboolean         koers_editing_delete_key_result    (GtkWidget      *widget,
                                                     KoersStore     *store,
                                                     KoersKeyResult *kr);

/* Whether widget, height pixels tall, is within a screen's height of the
 * visible part of the scrolled window it is in (TRUE when in none). */
gboolean         koers_editing_is_near_view         (GtkWidget      *widget,
                                                     int             height);

typedef void (*KoersEditingLayoutFunc) (GtkWidget *widget);

/* Calls func (widget) in this frame's layout phase once the window has
 * been allocated, where widgets may be added (not from size_allocate); GDK
 * then lays out again before it paints, so nothing shows half made.  One
 * such round per frame (GDK gives up after four layouts): later requests
 * run in the next frame's update phase.  Nothing runs if widget is gone. */
void             koers_editing_defer_to_layout      (GtkWidget             *widget,
                                                     KoersEditingLayoutFunc func);

/* Lower-cased, normalised text for substring search (NULL gives ""). */
char            *koers_editing_fold_text            (const char     *text);

/* GTK 4.8 names a button with a mnemonic twice, "_Check In Check In": its
 * label property keeps the raw text and the label widget adds its own.
 * Leaves the label widget's clean name on root and every button with a
 * mnemonic label under it (call once the labels are set). */
void             koers_editing_clean_button_names   (GtkWidget      *root);

/* Status icon name and css class for a key-result status. */
const char      *koers_editing_get_status_icon      (KoersKrStatus   status);
const char      *koers_editing_get_status_css_class (KoersKrStatus   status);
/* Icon name for a quality finding's severity. */
const char      *koers_editing_get_severity_icon    (KoersQualitySeverity severity);

G_END_DECLS
