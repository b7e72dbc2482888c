/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-a11y.h"

void
koers_a11y_clean_button_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  /* The label widget names the button through labelled-by already. */
  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)) && gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    koers_a11y_clean_button_names (child);
}

/* GTK 4.8.3 makes every widget's AT context in GtkWidget's own instance
 * init, while the instance still has GtkWidget's class: the context starts
 * with the generic "widget" role.  Mapping a window puts its class's role
 * (dialog) back just before the context goes on the bus, but anything that
 * puts it on the bus earlier skips that.  Moving the focus in a dialog
 * before it is shown can: the focused widget's context goes on the bus
 * with a reference to its parent's, and so on up to the window's (seen in
 * the Check In, Edit Check-In, Update KPI and New Department dialogs,
 * which focus a field in their constructed).  AT-SPI then shows the
 * dialog as a "filler", which Orca does not announce.  The role of the
 * instance is the one the context keeps, whenever it is realized. */
void
koers_a11y_init_role (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set (widget, "accessible-role",
                gtk_widget_class_get_accessible_role (GTK_WIDGET_GET_CLASS (widget)), NULL);
}
