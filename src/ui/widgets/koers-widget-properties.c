/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-widget-properties.h"

void
koers_widget_dispose_properties (GtkWidget           *widget,
                                 GType                type,
                                 const KoersProperty *table,
                                 guint                n_properties)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_dispose_template (widget, type);
  koers_property_clear (G_OBJECT (widget), table, n_properties);
}
