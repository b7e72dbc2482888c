/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-template.h"

void
koers_template_init_class (GtkWidgetClass              *widget_class,
                           const char                  *resource,
                           KoersTemplateFlags           flags,
                           const KoersTemplateChild    *children,
                           gsize                        n_children,
                           const KoersTemplateCallback *callbacks,
                           gsize                        n_callbacks)
{
  g_autofree char *path = g_strconcat ("/io/github/koersapp/Koers/ui/", resource, NULL);

  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));
  g_return_if_fail (children != NULL || n_children == 0);
  g_return_if_fail (callbacks != NULL || n_callbacks == 0);

  gtk_widget_class_set_template_from_resource (widget_class, path);
  for (gsize i = 0; i < n_children; i++)
    gtk_widget_class_bind_template_child_full (widget_class, children[i].id, FALSE,
                                               children[i].offset);
  for (gsize i = 0; i < n_callbacks; i++)
    gtk_widget_class_bind_template_callback_full (widget_class, callbacks[i].name,
                                                  callbacks[i].callback);
  /* A modal window is a dialog to a screen reader (announced, its title
   * as its name); GtkWindow's own role is a plain window, and a modal
   * AdwWindow's a "filler". */
  if (flags & KOERS_TEMPLATE_DIALOG)
    gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  if (flags & KOERS_TEMPLATE_ESCAPE_CLOSES)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}
