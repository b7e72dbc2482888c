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

/* A table and its number of rows, as the functions below take them. */
#define KOERS_TEMPLATE_TABLE(table) (table), G_N_ELEMENTS (table)

/* What a class's widgets are besides their template. */
typedef enum
{
  /* A modal window: a dialog to screen readers (its instance init then
   * calls koers_a11y_init_role()). */
  KOERS_TEMPLATE_DIALOG = 1 << 0,
  /* Escape closes the window ("window.close"), writing nothing. */
  KOERS_TEMPLATE_ESCAPE_CLOSES = 1 << 1,
} KoersTemplateFlags;

/* From class init: sets the template from resource (a path below the
 * application's "/io/github/koersapp/Koers/ui/"), binds the n_children
 * children to their fields and the n_callbacks handlers by name (either
 * table may be NULL with 0), and makes the class what flags say. */
void koers_template_init_class (GtkWidgetClass              *widget_class,
                                const char                  *resource,
                                KoersTemplateFlags           flags,
                                const KoersTemplateChild    *children,
                                gsize                        n_children,
                                const KoersTemplateCallback *callbacks,
                                gsize                        n_callbacks);

/* The class_init of a widget class that sets nothing but its dispose
 * (prefix##_dispose) and its template: resource and flags as above, the
 * class's template_children table, and after them its callbacks table
 * (KOERS_TEMPLATE_TABLE (template_callbacks)) or NULL, 0.  Stands after
 * the dispose and the tables, as KOERS_DEFINE_MODEL_TYPE stands after a
 * model class's property table. */
#define KOERS_DEFINE_TEMPLATE_CLASS_INIT(Type, prefix, resource, flags, ...)           \
  static void prefix##_class_init (Type##Class *klass)                                 \
  {                                                                                    \
    G_OBJECT_CLASS (klass)->dispose = prefix##_dispose;                                \
    koers_template_init_class (GTK_WIDGET_CLASS (klass), (resource), (flags),          \
                               KOERS_TEMPLATE_TABLE (template_children), __VA_ARGS__); \
  }

G_END_DECLS
