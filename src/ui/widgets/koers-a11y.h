/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 names a button with a mnemonic twice, "_Check In Check In": its
 * label property keeps the raw text and the label widget adds its own.
 * Leaves the label widget's clean name on root and every button with a
 * mnemonic label under it (call once the labels are set). */
void koers_a11y_clean_button_names (GtkWidget *root);

/* Gives a widget, from its instance init, the accessible role its class
 * sets, so that a modal window is a dialog to AT-SPI whatever happens
 * before it is shown (see the .c for the GTK 4.8 behaviour it works
 * around). */
void koers_a11y_init_role (GtkWidget *widget);

G_END_DECLS
