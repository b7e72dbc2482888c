/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Making widgets lazily, as they come near the view (the cards and their
 * key-result rows of a long list). */

/* Whether widget, height pixels tall, is within a screen's height of the
 * visible part of the scrolled window it is in (TRUE when in none). */
gboolean koers_layout_is_near_view (GtkWidget *widget,
                                    int        height);

typedef void (*KoersLayoutFunc) (GtkWidget *widget);

/* Calls func (widget) in this frame's layout phase once the window has
 * been allocated, where widgets may be added (not from size_allocate); GDK
 * then lays out again before it paints, so nothing shows half made.  One
 * such round per frame (GDK gives up after four layouts): later requests
 * run in the next frame's update phase.  Nothing runs if widget is gone. */
void koers_layout_defer (GtkWidget      *widget,
                         KoersLayoutFunc func);

/* For the dispose of a widget that lays out its children itself: they
 * are unparented (a plain GtkWidget does not). */
void koers_layout_unparent_children (GtkWidget *widget);

G_END_DECLS
