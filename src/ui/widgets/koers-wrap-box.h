/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Lays its children out left to right at their natural widths and starts
 * a new line when the next one does not fit, so a row of a card can be
 * one line on a desktop and stack on a phone (GTK 4.8 has no wrap box).
 * Children that expand horizontally share what is left of their line.
 * Children are added in .ui files as <child> or with append. */
#define KOERS_TYPE_WRAP_BOX (koers_wrap_box_get_type ())
G_DECLARE_FINAL_TYPE (KoersWrapBox, koers_wrap_box, KOERS, WRAP_BOX, GtkWidget)

GtkWidget *koers_wrap_box_new (int spacing,
                               int line_spacing);
void       koers_wrap_box_append (KoersWrapBox *self,
                                  GtkWidget    *child);
/* How many lines the last allocation used (for tests). */
guint koers_wrap_box_get_n_lines (KoersWrapBox *self);

G_END_DECLS
