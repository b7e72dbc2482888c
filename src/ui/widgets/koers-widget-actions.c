/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-widget-actions.h"

/* What a class installed, kept on its type: one callback serves every
 * forwarding action of every class. */
typedef struct
{
  gsize                     entity_offset;
  const KoersForwardAction *table;
  guint                     n_actions;
} ForwardActions;

/* clang-format would read the dashed name as a subtraction. */
/* clang-format off */
static G_DEFINE_QUARK (koers-forward-actions, forward_actions)
/* clang-format on */

static void
forward_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const ForwardActions *actions = NULL;
  GObject              *entity;
  gint64                id = 0;

  /* A subclass finds the table of the class that installed the action. */
  for (GType type = G_OBJECT_TYPE (widget); actions == NULL && type != 0; type = g_type_parent (type))
    actions = g_type_get_qdata (type, forward_actions_quark ());
  g_return_if_fail (actions != NULL);

  entity = *(GObject **) (gpointer) ((guint8 *) widget + actions->entity_offset);
  if (entity == NULL)
    return;
  g_object_get (entity, "id", &id, NULL);

  for (guint i = 0; i < actions->n_actions; i++)
    if (g_str_equal (actions->table[i].action, action_name))
      gtk_widget_activate_action (widget, actions->table[i].window_action, "x", id);
}

void
koers_widget_class_install_forward_actions (GtkWidgetClass           *widget_class,
                                            gsize                     entity_offset,
                                            const KoersForwardAction *table,
                                            guint                     n_actions)
{
  ForwardActions actions = { entity_offset, table, n_actions };

  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));
  g_return_if_fail (table != NULL);

  /* Kept as long as the class, that is for good. */
  g_type_set_qdata (G_TYPE_FROM_CLASS (widget_class), forward_actions_quark (),
                    g_memdup2 (&actions, sizeof actions));

  for (guint i = 0; i < n_actions; i++)
    gtk_widget_class_install_action (widget_class, table[i].action, NULL, forward_action_cb);
}
