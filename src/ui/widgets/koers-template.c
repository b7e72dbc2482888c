/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-template.h"

void
koers_template_bind (GtkWidgetClass              *widget_class,
                     const KoersTemplateChild    *children,
                     gsize                        n_children,
                     const KoersTemplateCallback *callbacks,
                     gsize                        n_callbacks)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));
  g_return_if_fail (children != NULL || n_children == 0);
  g_return_if_fail (callbacks != NULL || n_callbacks == 0);

  for (gsize i = 0; i < n_children; i++)
    gtk_widget_class_bind_template_child_full (widget_class, children[i].id, FALSE,
                                               children[i].offset);
  for (gsize i = 0; i < n_callbacks; i++)
    gtk_widget_class_bind_template_callback_full (widget_class, callbacks[i].name,
                                                  callbacks[i].callback);
}
