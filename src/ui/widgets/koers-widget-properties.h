/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "core/koers-property.h"
#include "store/koers-store.h"
#include "widgets/koers-template.h"

G_BEGIN_DECLS

/* Defines property_table for a widget that shows one object of the store:
 * the construct-only properties "store" (the field store) and name (the
 * field member, an object of type_func's type), in that order. */
#define KOERS_WIDGET_PROPERTY_TABLE(Struct, name, member, type_func)                \
  static const KoersProperty property_table[] = {                                   \
    KOERS_PROPERTY_CONSTRUCT_OBJECT ("store", Struct, store, koers_store_get_type), \
    KOERS_PROPERTY_CONSTRUCT_OBJECT (name, Struct, member, type_func),              \
  }

/* The class_init of a widget class that shows one object (its properties
 * KOERS_WIDGET_PROPERTY_TABLE's) and sets nothing else but its
 * constructed (prefix##_constructed), its dispose (prefix##_dispose) and
 * its template: the arguments after prefix are those of
 * KOERS_DEFINE_TEMPLATE_CLASS_INIT (koers-template.h). */
#define KOERS_DEFINE_SHOWING_CLASS_INIT(Type, prefix, resource, flags, ...)                             \
  static void prefix##_class_init (Type##Class *klass)                                                  \
  {                                                                                                     \
    G_OBJECT_CLASS (klass)->constructed = prefix##_constructed;                                         \
    G_OBJECT_CLASS (klass)->dispose = prefix##_dispose;                                                 \
    koers_property_install_all (G_OBJECT_CLASS (klass), property_table, G_N_ELEMENTS (property_table)); \
    koers_template_init_class (GTK_WIDGET_CLASS (klass), (resource), (flags),                           \
                               KOERS_TEMPLATE_TABLE (template_children), __VA_ARGS__);                  \
  }

/* A new widget of type (transfer floating) that shows object: a class
 * whose properties KOERS_WIDGET_PROPERTY_TABLE defines, with name its
 * second.  Checks store and that object is of the property's type. */
GtkWidget *koers_widget_new_showing (GType       type,
                                     KoersStore *store,
                                     const char *name,
                                     gpointer    object);

/* The end of the dispose of a widget whose properties come from a
 * KoersProperty table (its store and the object it shows): drops the
 * children of type's template, then the widget's handlers on the objects
 * the table holds and the objects themselves. */
void koers_widget_dispose_properties (GtkWidget           *widget,
                                      GType                type,
                                      const KoersProperty *table,
                                      guint                n_properties);

/* Makes *field (an object pointer of self) hold object, a new reference
 * (NULL: none), and follows it: self's handlers on the old object go, and
 * signal on the new one calls callback, swapped, on self.  FALSE when
 * *field held object already. */
gboolean koers_widget_follow (gpointer    self,
                              gpointer    field,
                              gpointer    object,
                              const char *signal,
                              GCallback   callback);
/* For a dispose: drops self's handlers on *field and the reference. */
void koers_widget_unfollow (gpointer self,
                            gpointer field);

/* koers_widget_follow() for an objective and its key results, as a card,
 * a row and an editor follow the objective they belong to: signal on the
 * new objective calls callback, and its key results' items-changed calls
 * key_results_changed, both swapped on self. */
gboolean koers_widget_follow_objective (gpointer         self,
                                        KoersObjective **field,
                                        KoersObjective  *objective,
                                        const char      *signal,
                                        GCallback        callback,
                                        GCallback        key_results_changed);
/* For a dispose: drops self's handlers on *field and its key results, and
 * the reference. */
void koers_widget_unfollow_objective (gpointer         self,
                                      KoersObjective **field);

/* Copies period (NULL: none) into *field and *has_field.  FALSE when they
 * held it already. */
gboolean koers_widget_set_period (KoersPeriod       *field,
                                  gboolean          *has_field,
                                  const KoersPeriod *period);
/* The same for a field that always holds a period: copies period (not
 * NULL) into *field.  FALSE when it held it already. */
gboolean koers_widget_replace_period (KoersPeriod       *field,
                                      const KoersPeriod *period);

G_END_DECLS
