/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "koers-window-private.h"
#include "store/koers-store-server.h"

/* The window on the company server: the sidebar's title says which
 * server is open, and a toast that stays says when its connection is
 * lost (the window stays readable; the store reconnects by itself and
 * catches up), until it is back. */

#define LOST_TOAST "koers-lost-toast"

static void
connection_changed_cb (KoersStore  *store,
                       KoersWindow *self)
{
  AdwToast *lost = g_object_get_data (G_OBJECT (self), LOST_TOAST);

  if (!koers_store_get_connected (store))
    {
      if (lost != NULL)
        return;
      lost = adw_toast_new (_ ("The connection to the server is lost. Koers connects again by "
                               "itself; until then, what you see may be out of date and "
                               "changes are not saved."));
      adw_toast_set_timeout (lost, 0);
      adw_toast_set_priority (lost, ADW_TOAST_PRIORITY_HIGH);
      g_object_set_data_full (G_OBJECT (self), LOST_TOAST, g_object_ref (lost), g_object_unref);
      adw_toast_overlay_add_toast (self->toast_overlay, lost);
      return;
    }
  if (lost == NULL)
    return;
  adw_toast_dismiss (lost);
  g_object_set_data (G_OBJECT (self), LOST_TOAST, NULL);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_ ("Connected to the server again.")));
}

void
koers_window_server_bind (KoersWindow *self)
{
  g_autofree char *display = NULL;
  g_autofree char *subtitle = NULL;
  const char      *address;

  if (!koers_store_is_server (self->store))
    return;

  display = koers_store_server_display_uri (koers_store_get_path (self->store));
  address = strstr (display, "://") != NULL ? strstr (display, "://") + 3 : display;
  /* Translators: %s is the server and database, server.example.com/koers. */
  subtitle = g_strdup_printf (_ ("Server %s"), address);
  adw_window_title_set_subtitle (self->sidebar_title, subtitle);
  g_signal_connect_object (self->store, "connection-changed", G_CALLBACK (connection_changed_cb),
                           self, 0);
}
