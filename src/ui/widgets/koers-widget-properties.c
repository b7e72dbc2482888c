/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-widget-properties.h"

GtkWidget *
koers_widget_new_showing (GType       type,
                          KoersStore *store,
                          const char *name,
                          gpointer    object)
{
  g_autoptr (GTypeClass) klass = g_type_class_ref (type);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), name);

  g_return_val_if_fail (g_type_is_a (type, GTK_TYPE_WIDGET), NULL);
  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (pspec != NULL, NULL);
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (object, pspec->value_type), NULL);

  return g_object_new (type, "store", store, name, object, NULL);
}

void
koers_widget_dispose_properties (GtkWidget           *widget,
                                 GType                type,
                                 const KoersProperty *table,
                                 guint                n_properties)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_dispose_template (widget, type);
  for (guint i = 0; i < n_properties; i++)
    if (table[i].kind == KOERS_PROPERTY_OBJECT)
      koers_widget_unfollow (widget, (guint8 *) widget + table[i].offset);
  koers_property_clear (G_OBJECT (widget), table, n_properties);
}

gboolean
koers_widget_follow (gpointer    self,
                     gpointer    field,
                     gpointer    object,
                     const char *signal,
                     GCallback   callback)
{
  GObject **held = field;

  g_return_val_if_fail (object == NULL || G_IS_OBJECT (object), FALSE);

  if (*held == object)
    return FALSE;

  koers_widget_unfollow (self, field);
  if (object != NULL)
    {
      *held = g_object_ref (object);
      g_signal_connect_swapped (object, signal, callback, self);
    }
  return TRUE;
}

void
koers_widget_unfollow (gpointer self,
                       gpointer field)
{
  GObject **held = field;

  if (*held != NULL)
    g_signal_handlers_disconnect_by_data (*held, self);
  g_clear_object (held);
}

gboolean
koers_widget_follow_objective (gpointer         self,
                               KoersObjective **field,
                               KoersObjective  *objective,
                               const char      *signal,
                               GCallback        callback,
                               GCallback        key_results_changed)
{
  g_return_val_if_fail (objective == NULL || KOERS_IS_OBJECTIVE (objective), FALSE);

  if (*field == objective)
    return FALSE;

  koers_widget_unfollow_objective (self, field);
  if (!koers_widget_follow (self, field, objective, signal, callback))
    return TRUE;
  g_signal_connect_swapped (koers_objective_get_key_results (objective), "items-changed",
                            key_results_changed, self);
  return TRUE;
}

void
koers_widget_unfollow_objective (gpointer         self,
                                 KoersObjective **field)
{
  if (*field != NULL)
    g_signal_handlers_disconnect_by_data (koers_objective_get_key_results (*field), self);
  koers_widget_unfollow (self, field);
}

gboolean
koers_widget_set_period (KoersPeriod       *field,
                         gboolean          *has_field,
                         const KoersPeriod *period)
{
  if (period == NULL)
    {
      if (!*has_field)
        return FALSE;
      *has_field = FALSE;
      return TRUE;
    }

  if (*has_field && koers_period_equal (field, period))
    return FALSE;
  *field = *period;
  *has_field = TRUE;
  return TRUE;
}

gboolean
koers_widget_replace_period (KoersPeriod       *field,
                             const KoersPeriod *period)
{
  g_return_val_if_fail (period != NULL, FALSE);

  if (koers_period_equal (field, period))
    return FALSE;
  *field = *period;
  return TRUE;
}
