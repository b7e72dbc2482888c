/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Tooltips that follow the frame.  GTK 4.8 asks the display server where
 * the pointer is whenever a shown widget's tooltip changes: a round trip
 * under X11.  A department or period switch changes a hundred or more
 * (the sidebar's counts, the rows' sparklines), which took longer than
 * the frame's own work; no tooltip shows before the pointer rests on a
 * widget, so they are set once the frame that shows the change is out. */

/* Sets widget's tooltip to text (NULL or "": none) after the next frame
 * of its window, or now when it has no window.  A later call before then
 * replaces an earlier one.  description, if not NULL, is set as the
 * accessible description afterwards (GTK replaces it with the tooltip). */
void koers_tooltip_set_text_full (GtkWidget  *widget,
                                  const char *text,
                                  const char *description);

void koers_tooltip_set_text (GtkWidget  *widget,
                             const char *text);

/* gtk_widget_set_tooltip_text(), without asking the display server where
 * the pointer is while the widget is not shown yet (a template's init, the
 * window before its first frame). */
void koers_tooltip_set_now (GtkWidget  *widget,
                            const char *text);

/* A tooltip of a template's child, by its id (each id once in the
 * template); text untranslated (N_). */
typedef struct
{
  const char *id;
  const char *text;
} KoersTemplateTooltip;

/* Sets the tooltips of a template's children, just after
 * gtk_widget_init_template(), as koers_tooltip_set_now() does: in the
 * template (tooltip-text) each cost X round trips, for every row and card
 * made before the first frame. */
void koers_tooltip_init_template (GtkWidget                  *widget,
                                  const KoersTemplateTooltip *tooltips,
                                  gsize                       n_tooltips);

/* The text koers_tooltip_set_text() last gave widget, set or waiting. */
const char *koers_tooltip_get_text (GtkWidget *widget);

G_END_DECLS
