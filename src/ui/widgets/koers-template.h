/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A widget class's template bindings as data: a class lists the children
 * it keeps (beside its instance struct) and the handlers its .ui names in
 * tables, bound by one call, instead of a call per child and handler. */

/* A child of the template kept in the field at offset of the instance
 * struct (KOERS_TEMPLATE_CHILD: the field named as the child's id in the
 * .ui); offset 0 keeps it in no field, for gtk_widget_get_template_child(). */
typedef struct
{
  const char *id;
  gssize      offset;
} KoersTemplateChild;

#define KOERS_TEMPLATE_CHILD(Struct, member) \
  {                                          \
#member, G_STRUCT_OFFSET(Struct, member) \
  }

/* A function the template names as a signal handler. */
typedef struct
{
  const char *name;
  GCallback   callback;
} KoersTemplateCallback;

#define KOERS_TEMPLATE_CALLBACK(callback) \
  {                                       \
#callback, G_CALLBACK(callback)       \
  }

/* From class init, after the template is set: binds the n_children
 * children to their fields and the n_callbacks handlers by name (either
 * table may be NULL with 0). */
void koers_template_bind (GtkWidgetClass              *widget_class,
                          const KoersTemplateChild    *children,
                          gsize                        n_children,
                          const KoersTemplateCallback *callbacks,
                          gsize                        n_callbacks);

G_END_DECLS
