/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "koers-window-private.h"
#include "widgets/koers-tooltip.h"

/* The Due list in the window: its row in the sidebar's tools list (with a
 * count), its page in the content stack and win.show-due, which the
 * reminder's notification opens (app.show-due). */

void
koers_window_set_badge (GtkLabel      *badge,
                        GtkListBoxRow *row,
                        guint          n,
                        const char    *description)
{
  g_autofree char *count = g_strdup_printf ("%u", n);

  gtk_label_set_text (badge, count);
  gtk_widget_set_visible (GTK_WIDGET (badge), n > 0);
  koers_tooltip_set_now (GTK_WIDGET (badge), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static void
n_due_changed_cb (KoersWindow *self)
{
  guint            n_due = koers_due_page_get_n_due (self->due_page);
  g_autofree char *description = g_strdup_printf (ngettext ("%u item due", "%u items due", n_due), n_due);

  koers_window_set_badge (self->due_badge, self->due_row, n_due, description);
}

void
koers_window_add_due_page (KoersWindow *self)
{
  if (self->due_page != NULL)
    return;

  self->due_page = KOERS_DUE_PAGE (koers_due_page_new (self->store));
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->due_page), "due");
  g_signal_connect_object (self->due_page, "notify::n-due",
                           G_CALLBACK (n_due_changed_cb), self, G_CONNECT_SWAPPED);
  n_due_changed_cb (self);
}

void
koers_window_show_due (KoersWindow *self)
{
  /* The page comes with the whole period (koers-window-first-frame.c). */
  koers_window_read_whole_period (self);
  /* Today may have moved on since the list was made. */
  koers_due_page_refresh (self->due_page);

  koers_window_show_tool_page (self, GTK_WIDGET (self->due_page), "due", self->due_row);
}

static void
show_due_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KoersWindow *self = KOERS_WINDOW (widget);

  koers_window_show_due (self);
  /* Narrow: from the sidebar to the page. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

void
koers_window_class_init_due (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-due", NULL, show_due_action_cb);
}
