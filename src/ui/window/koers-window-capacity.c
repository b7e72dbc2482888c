/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "capacity/koers-capacity-page.h"
#include "capacity/koers-escalations-page.h"
#include "koers-window-private.h"
#include "store/koers-store-capacity.h"

/* The sidebar's Capacity and Escalations rows and their pages, made when
 * first shown (issue #18). */

static void
show_capacity (KoersWindow *self)
{
  /* The figures add up every objective of the period. */
  koers_window_read_whole_period (self);
  if (self->capacity_page == NULL)
    {
      self->capacity_page = koers_capacity_page_new (self->store);
      koers_capacity_page_set_period (KOERS_CAPACITY_PAGE (self->capacity_page),
                                      koers_period_switcher_get_period (self->period_switcher));
    }
  koers_window_show_tool_page (self, self->capacity_page, "capacity", self->capacity_row);
}

static void
show_escalations (KoersWindow *self)
{
  koers_window_read_whole_period (self);
  if (self->escalations_page == NULL)
    self->escalations_page = koers_escalations_page_new (self->store);
  koers_window_show_tool_page (self, self->escalations_page, "escalations", self->escalations_row);
}

gboolean
koers_window_capacity_select_row (KoersWindow   *self,
                                  GtkListBoxRow *row)
{
  if (row == self->capacity_row)
    show_capacity (self);
  else if (row == self->escalations_row)
    show_escalations (self);
  else
    return FALSE;
  return TRUE;
}

void
koers_window_capacity_set_period (KoersWindow       *self,
                                  const KoersPeriod *period)
{
  if (self->capacity_page != NULL)
    koers_capacity_page_set_period (KOERS_CAPACITY_PAGE (self->capacity_page), period);
}

static void
update_badge_cb (KoersWindow *self)
{
  g_autoptr (GPtrArray) open = koers_store_list_escalations (self->store, TRUE, NULL);
  guint            n = open != NULL ? open->len : 0;
  g_autofree char *description = g_strdup_printf (ngettext ("%u open escalation", "%u open escalations", n), n);

  koers_window_set_badge (self->escalations_badge, self->escalations_row, n, description);
}

void
koers_window_capacity_bind (KoersWindow *self)
{
  g_signal_connect_object (self->store, "changed", G_CALLBACK (update_badge_cb), self,
                           G_CONNECT_SWAPPED);
  update_badge_cb (self);
}

static void
show_capacity_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  show_capacity (KOERS_WINDOW (widget));
}

static void
show_escalations_action_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  show_escalations (KOERS_WINDOW (widget));
}

void
koers_window_capacity_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, capacity_row);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, escalations_row);
  gtk_widget_class_bind_template_child (widget_class, KoersWindow, escalations_badge);
  gtk_widget_class_install_action (widget_class, "win.show-capacity", NULL, show_capacity_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-escalations", NULL, show_escalations_action_cb);
}
