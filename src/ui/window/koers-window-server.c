/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "koers-window-private.h"
#include "store/koers-store-server.h"

/* The window on the company server: the sidebar's title says which
 * server is open, and a banner says while its connection is lost (the
 * window stays readable; the store reconnects by itself and catches up;
 * a toast says when it is back).  What the person's role may not do is
 * disabled (the store says what it may: koers_store_may_write_*()), and
 * a bar above the department's OKRs says why. */

#define LOST_BAR "koers-lost-bar"
#define ROLE_BAR "koers-role-bar"

/* Sidebar and import actions: an administrator's. */
static const char *const manage_actions[] = {
  "add-department",
  "add-team",
  "rename-department",
  "delete-department",
  "move-department-up",
  "move-department-down",
  "move-department-to",
  "import-data",
  "import-csv",
};

/* The editing actions of cards and rows (installed by the window's
 * class): off for a role that writes nothing. */
static const char *const editing_actions[] = {
  "win.edit-objective",
  "win.archive-objective",
  "win.new-key-result",
  "win.edit-key-result",
  "win.delete-key-result",
  "win.check-in",
  "win.escalate-objective",
  "win.escalate-key-result",
};

static void
set_action_enabled (KoersWindow *self,
                    const char  *name,
                    gboolean     enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (G_IS_SIMPLE_ACTION (action))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* Why the person may not change what the window shows; NULL when they
 * may. */
static char *
describe_limit (KoersWindow *self)
{
  KoersServerRole  role = koers_store_get_server_role (self->store);
  KoersDepartment *own = koers_store_find_department (self->store,
                                                      koers_store_get_role_department_id (self->store));
  const char      *name = own != NULL ? koers_department_get_name (own) : "";

  switch (role)
    {
    case KOERS_SERVER_ROLE_READER:
      return g_strdup (_ ("You are a reader on this server: you see every OKR and change none."));
    case KOERS_SERVER_ROLE_NONE:
      return g_strdup (_ ("Your user has no role in Koers on this server, so you change "
                          "nothing: ask a Koers administrator for one."));
    case KOERS_SERVER_ROLE_HEAD:
    case KOERS_SERVER_ROLE_LEADER:
      if (self->department == NULL ||
          koers_store_may_write_department (self->store, koers_department_get_id (self->department)))
        return NULL;
      return role == KOERS_SERVER_ROLE_HEAD
               /* Translators: %s is a department's name. */
               ? g_strdup_printf (_ ("As head of %s you change that department and its teams; "
                                     "this one you only read."),
                                  name)
               /* Translators: %s is a team's name. */
               : g_strdup_printf (_ ("As team leader of %s you change that team; this one you "
                                     "only read."),
                                  name);
    case KOERS_SERVER_ROLE_ADMIN:
    default:
      return NULL;
    }
}

/* A bar above the department's OKRs (below the search bar), hidden
 * until show_bar() gives it a sentence. */
static GtkInfoBar *
add_bar (KoersWindow   *self,
         const char    *key,
         GtkMessageType type)
{
  GtkWidget *bar = gtk_info_bar_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_info_bar_add_child (GTK_INFO_BAR (bar), label);
  gtk_info_bar_set_message_type (GTK_INFO_BAR (bar), type);
  gtk_widget_set_visible (bar, FALSE);
  g_object_set_data (G_OBJECT (bar), "label", label);
  g_object_set_data (G_OBJECT (self), key, bar);
  gtk_box_insert_child_after (GTK_BOX (self->content_box), bar,
                              gtk_widget_get_prev_sibling (GTK_WIDGET (self->content_stack)));
  return GTK_INFO_BAR (bar);
}

/* Shows text in bar, or hides it (NULL). */
static void
show_bar (GtkInfoBar *bar,
          const char *text)
{
  gtk_label_set_text (g_object_get_data (G_OBJECT (bar), "label"), text != NULL ? text : "");
  gtk_info_bar_set_revealed (bar, text != NULL);
  gtk_widget_set_visible (GTK_WIDGET (bar), text != NULL);
}

void
koers_window_server_update_role (KoersWindow *self)
{
  GtkInfoBar      *bar = g_object_get_data (G_OBJECT (self), ROLE_BAR);
  g_autofree char *limit = NULL;
  gboolean         writes;

  if (bar == NULL)
    return;
  limit = describe_limit (self);
  writes = self->department != NULL &&
           koers_store_may_write_department (self->store, koers_department_get_id (self->department));
  set_action_enabled (self, "add-objective", writes);
  set_action_enabled (self, "add-key-result", writes);
  set_action_enabled (self, "quarterly-review", writes);
  show_bar (bar, limit);
}

/* The sentence a bar shows; NULL when it is hidden (or not there). */
static const char *
get_bar_text (KoersWindow *self,
              const char  *key)
{
  GtkInfoBar *bar = g_object_get_data (G_OBJECT (self), key);

  if (bar == NULL || !gtk_widget_get_visible (GTK_WIDGET (bar)))
    return NULL;
  return gtk_label_get_text (g_object_get_data (G_OBJECT (bar), "label"));
}

const char *
koers_window_server_get_role_notice (KoersWindow *self)
{
  return get_bar_text (self, ROLE_BAR);
}

const char *
koers_window_server_get_connection_notice (KoersWindow *self)
{
  return get_bar_text (self, LOST_BAR);
}

/* What the role never does off, what it may do on, and the bar's words. */
static void
apply_role (KoersWindow *self)
{
  KoersServerRole role = koers_store_get_server_role (self->store);
  gboolean        manages = koers_store_may_manage_departments (self->store);

  for (guint i = 0; i < G_N_ELEMENTS (manage_actions); i++)
    set_action_enabled (self, manage_actions[i], manages);
  for (guint i = 0; i < G_N_ELEMENTS (editing_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), editing_actions[i],
                                   role != KOERS_SERVER_ROLE_READER && role != KOERS_SERVER_ROLE_NONE);
  koers_window_server_update_role (self);
}

/* The bar that says what the role may not change, and what it never does. */
static void
bind_role (KoersWindow *self)
{
  add_bar (self, ROLE_BAR, GTK_MESSAGE_INFO);
  apply_role (self);
}

static void
connection_changed_cb (KoersStore  *store,
                       KoersWindow *self)
{
  GtkInfoBar *bar = g_object_get_data (G_OBJECT (self), LOST_BAR);
  gboolean    was_lost = gtk_widget_get_visible (GTK_WIDGET (bar));
  gboolean    lost = !koers_store_get_connected (store);

  show_bar (bar, lost ? _ ("The connection to the server is lost. Koers connects again by "
                           "itself; until then, what you see may be out of date and "
                           "changes are not saved.")
                      : NULL);
  if (lost || !was_lost)
    return;
  /* The role is read again on reconnecting: it may have changed. */
  apply_role (self);
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
  add_bar (self, LOST_BAR, GTK_MESSAGE_WARNING);
  g_signal_connect_object (self->store, "connection-changed", G_CALLBACK (connection_changed_cb),
                           self, 0);
  bind_role (self);
}
