/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A widget's own action that asks the window to act on the object the
 * widget shows: "card.edit" activates "win.edit-objective" with the
 * objective's id (the window action's parameter type is "x"). */
typedef struct
{
  const char *action;        /* the widget's, "card.edit" */
  const char *window_action; /* "win.edit-objective" */
} KoersForwardAction;

/* Installs the n_actions actions of table on widget_class (a static
 * table: the class keeps it).  The object is the field at entity_offset of
 * the instance struct, an object with an "id" property; while it is NULL
 * the actions do nothing. */
void koers_widget_class_install_forward_actions (GtkWidgetClass           *widget_class,
                                                 gsize                     entity_offset,
                                                 const KoersForwardAction *table,
                                                 guint                     n_actions);

G_END_DECLS
