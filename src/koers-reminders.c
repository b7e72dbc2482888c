/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/koers-date.h"
#include "koers-reminders.h"
#include "store/koers-store-rhythm.h"
#include "ui/due/koers-due-page.h"

#define PORTAL_BUS_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH "/org/freedesktop/portal/desktop"
#define PORTAL_BACKGROUND "org.freedesktop.portal.Background"
#define PORTAL_REQUEST "org.freedesktop.portal.Request"
#define HOUR_SECONDS 3600

static gboolean use_portal (void);

struct _KoersReminders
{
  GObject parent_instance;

  GApplication *application; /* weak: the application owns this */
  GSettings    *settings;
  char         *database;
  KoersStore   *store; /* the application's, when it has one */
  guint         timer;
  char         *last_day; /* without settings */
  guint         response_id;
  gboolean      holding; /* the application stays without a window */
};

G_DEFINE_FINAL_TYPE (KoersReminders, koers_reminders, G_TYPE_OBJECT)

static void
koers_reminders_dispose (GObject *object)
{
  KoersReminders *self = KOERS_REMINDERS (object);

  g_clear_handle_id (&self->timer, g_source_remove);
  if (self->response_id != 0 && self->application != NULL &&
      g_application_get_dbus_connection (self->application) != NULL)
    g_dbus_connection_signal_unsubscribe (g_application_get_dbus_connection (self->application),
                                          self->response_id);
  self->response_id = 0;
  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->database, g_free);
  g_clear_pointer (&self->last_day, g_free);

  G_OBJECT_CLASS (koers_reminders_parent_class)->dispose (object);
}

static void
koers_reminders_class_init (KoersRemindersClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = koers_reminders_dispose;
}

static void
koers_reminders_init (KoersReminders *self)
{
}

KoersReminders *
koers_reminders_new (GApplication *application,
                     GSettings    *settings)
{
  KoersReminders *self = g_object_new (KOERS_TYPE_REMINDERS, NULL);

  g_set_weak_pointer (&self->application, application);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  return self;
}

void
koers_reminders_set_database (KoersReminders *self,
                              const char     *path)
{
  g_return_if_fail (KOERS_IS_REMINDERS (self));

  g_free (self->database);
  self->database = g_strdup (path);
}

void
koers_reminders_set_store (KoersReminders *self,
                           KoersStore     *store)
{
  g_return_if_fail (KOERS_IS_REMINDERS (self));

  g_set_object (&self->store, store);
}

/* The application's store (a second connection's reads would look like
 * another writer to it), else a connection of its own; today's quarter. */
static gboolean
count_due (KoersReminders *self,
           KoersDueCounts *counts,
           gboolean       *checkin_day,
           GError        **error)
{
  g_autoptr (KoersStore) store = NULL;
  g_autoptr (GPtrArray) items = NULL;
  KoersRhythm rhythm;
  KoersPeriod quarter;
  GDate       today;

  if (self->store != NULL)
    store = g_object_ref (self->store);
  else if (self->database == NULL || !g_file_test (self->database, G_FILE_TEST_EXISTS))
    return FALSE;
  else
    store = koers_store_open_lazy (self->database, error);
  if (store == NULL)
    return FALSE;

  koers_date_today (&today);
  koers_period_init_for_date (&quarter, &today);
  if (!koers_store_read_rhythm (store, &rhythm, error) ||
      !koers_store_load_period (store, &quarter, error))
    return FALSE;

  items = koers_store_collect_due (store, &rhythm, &today);
  koers_due_count (items, counts);
  *checkin_day = g_date_get_weekday (&today) == rhythm.checkin_day;
  return TRUE;
}

static char *
get_last_day (KoersReminders *self)
{
  if (self->settings != NULL)
    return g_settings_get_string (self->settings, "last-reminder");

  return g_strdup (self->last_day != NULL ? self->last_day : "");
}

static void
set_last_day (KoersReminders *self,
              const char     *day)
{
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-reminder", day);
  g_free (self->last_day);
  self->last_day = g_strdup (day);
}

/* Outside a sandbox GLib sends to org.gtk.Notifications or
 * org.freedesktop.Notifications, and warns when neither answers: ask the
 * bus first (a session without a notification server, as in tests). */
static gboolean
has_notification_server (KoersReminders *self)
{
  GDBusConnection *connection = g_application_get_dbus_connection (self->application);
  const char      *names[] = { "org.gtk.Notifications", "org.freedesktop.Notifications" };
  g_autoptr (GVariant) activatable = NULL;
  g_autofree const char **list = NULL;

  if (use_portal ())
    return TRUE;
  if (connection == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (GVariant) reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                                "org.freedesktop.DBus", "NameHasOwner",
                                                                g_variant_new ("(s)", names[i]), G_VARIANT_TYPE ("(b)"),
                                                                G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
      gboolean has_owner = FALSE;

      if (reply != NULL)
        g_variant_get (reply, "(b)", &has_owner);
      if (has_owner)
        return TRUE;
    }

  activatable = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                             "org.freedesktop.DBus", "ListActivatableNames", NULL,
                                             G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (activatable == NULL)
    return FALSE;
  g_variant_get (activatable, "(^a&s)", &list);
  return g_strv_contains (list, "org.freedesktop.Notifications");
}

static void
send_notification (KoersReminders       *self,
                   const KoersDueCounts *counts)
{
  g_autoptr (GNotification) notification = NULL;
  g_autofree char *body = koers_due_describe_counts (counts);
  guint            n = counts->n_key_results + counts->n_kpis + counts->n_reviews;
  g_autofree char *title = g_strdup_printf (ngettext ("%u item is due", "%u items are due", n), n);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action (notification, "app.show-due");
  g_notification_add_button (notification, _ ("Show Due"), "app.show-due");
  g_application_send_notification (self->application, "due", notification);
}

gboolean
koers_reminders_check (KoersReminders *self,
                       gboolean        any_day)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *today = koers_date_today_iso ();
  g_autofree char *last = NULL;
  KoersDueCounts   counts;
  gboolean         checkin_day = FALSE;

  g_return_val_if_fail (KOERS_IS_REMINDERS (self), FALSE);

  if (self->application == NULL)
    return FALSE;

  last = get_last_day (self);
  if (g_strcmp0 (last, today) == 0)
    return FALSE;

  if (!count_due (self, &counts, &checkin_day, &error))
    {
      if (error != NULL)
        g_message ("koers: %s", error->message);
      return FALSE;
    }
  if (!any_day && !checkin_day)
    return FALSE;
  if (counts.n_key_results + counts.n_kpis + counts.n_reviews == 0 || !has_notification_server (self))
    return FALSE;

  send_notification (self, &counts);
  set_last_day (self, today);
  return TRUE;
}

static gboolean
hourly_cb (gpointer user_data)
{
  koers_reminders_check (KOERS_REMINDERS (user_data), FALSE);
  return G_SOURCE_CONTINUE;
}

static gboolean
first_check_cb (gpointer user_data)
{
  KoersReminders *self = KOERS_REMINDERS (user_data);

  koers_reminders_check (self, TRUE);
  self->timer = g_timeout_add_seconds (HOUR_SECONDS, hourly_cb, self);
  return G_SOURCE_REMOVE;
}

void
koers_reminders_start (KoersReminders *self,
                       guint           delay_seconds)
{
  g_return_if_fail (KOERS_IS_REMINDERS (self));

  if (self->timer != 0)
    return;
  self->timer = g_timeout_add_seconds (delay_seconds, first_check_cb, self);
}

/* The autostart: the Background portal inside a sandbox (or when
 * KOERS_BACKGROUND_PORTAL=1, for a test with a mocked portal), an XDG
 * autostart entry outside. */

static gboolean
use_portal (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) ||
         g_strcmp0 (g_getenv ("KOERS_BACKGROUND_PORTAL"), "1") == 0;
}

char *
koers_reminders_get_autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

static char *
get_executable (void)
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);

  return self_exe != NULL ? g_steal_pointer (&self_exe) : g_strdup ("koers");
}

static gboolean
write_autostart_file (gboolean enabled,
                      GError **error)
{
  g_autofree char *path = koers_reminders_get_autostart_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *exe = get_executable ();
  g_autofree char *quoted = g_shell_quote (exe);
  g_autofree char *contents = NULL;

  if (!enabled)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", path,
                       g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", folder,
                   g_strerror (errno));
      return FALSE;
    }

  contents = g_strdup_printf ("[Desktop Entry]\n"
                              "Type=Application\n"
                              "Name=Koers\n"
                              "Comment=%s\n"
                              "Exec=%s --hidden\n"
                              "Icon=" APP_ID "\n"
                              "NoDisplay=true\n"
                              "X-GNOME-Autostart-enabled=true\n",
                              _ ("Reminds you of the check-ins that are due"), quoted);
  return g_file_set_contents (path, contents, -1, error);
}

static void
portal_response_cb (GDBusConnection *connection,
                    const char      *sender,
                    const char      *object_path,
                    const char      *interface,
                    const char      *signal,
                    GVariant        *parameters,
                    gpointer         user_data)
{
  KoersReminders *self = KOERS_REMINDERS (user_data);
  g_autoptr (GVariant) results = NULL;
  guint32  response = 2;
  gboolean autostart = FALSE;

  g_dbus_connection_signal_unsubscribe (connection, self->response_id);
  self->response_id = 0;

  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  g_variant_lookup (results, "autostart", "b", &autostart);
  /* Refused: the switch shows that it is off. */
  if ((response != 0 || !autostart) && self->settings != NULL &&
      g_settings_get_boolean (self->settings, "remind-when-closed"))
    {
      g_message ("koers: the Background portal did not allow Koers to start at login");
      g_settings_set_boolean (self->settings, "remind-when-closed", FALSE);
    }
}

static void
request_background_done_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    g_message ("koers: the Background portal: %s", error->message);
}

static void
request_background (KoersReminders *self,
                    gboolean        enabled)
{
  GDBusConnection *connection = g_application_get_dbus_connection (self->application);
  g_autofree char *token = g_strdup_printf ("koers%u", g_random_int ());
  g_autofree char *sender = NULL;
  g_autofree char *request_path = NULL;
  const char      *commandline[] = { "koers", "--hidden", NULL };
  GVariantBuilder  options;

  if (connection == NULL)
    return;

  /* The request's path is known before the call, so no Response is missed. */
  sender = g_strdup (g_dbus_connection_get_unique_name (connection) + 1);
  g_strdelimit (sender, ".", '_');
  request_path = g_strconcat (PORTAL_OBJECT_PATH "/request/", sender, "/", token, NULL);
  if (self->response_id != 0)
    g_dbus_connection_signal_unsubscribe (connection, self->response_id);
  self->response_id = g_dbus_connection_signal_subscribe (connection, PORTAL_BUS_NAME, PORTAL_REQUEST, "Response",
                                                          request_path, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                                          portal_response_cb, self, NULL);
  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_ ("Remind you of the check-ins that are due")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (enabled));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));

  g_dbus_connection_call (connection, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH, PORTAL_BACKGROUND,
                          "RequestBackground", g_variant_new ("(sa{sv})", "", &options),
                          G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                          request_background_done_cb, NULL);
}

void
koers_reminders_set_autostart (KoersReminders *self,
                               gboolean        enabled)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (KOERS_IS_REMINDERS (self));

  if (use_portal ())
    {
      if (self->application != NULL)
        request_background (self, enabled);
      return;
    }

  if (!write_autostart_file (enabled, &error))
    g_message ("koers: %s", error->message);
}

static void
set_holding (KoersReminders *self,
             gboolean        hold)
{
  if (self->application == NULL || hold == self->holding)
    return;

  self->holding = hold;
  if (hold)
    g_application_hold (self->application);
  else
    g_application_release (self->application);
}

static void
remind_changed_cb (KoersReminders *self)
{
  gboolean enabled = g_settings_get_boolean (self->settings, "remind-when-closed");

  koers_reminders_set_autostart (self, enabled);
  set_holding (self, enabled);
}

void
koers_reminders_follow_settings (KoersReminders *self)
{
  g_return_if_fail (KOERS_IS_REMINDERS (self));

  if (self->settings == NULL)
    return;

  g_signal_connect_object (self->settings, "changed::remind-when-closed",
                           G_CALLBACK (remind_changed_cb), self, G_CONNECT_SWAPPED);
  set_holding (self, g_settings_get_boolean (self->settings, "remind-when-closed"));
}

void
koers_reminders_run_hidden (KoersReminders *self)
{
  g_return_if_fail (KOERS_IS_REMINDERS (self));

  set_holding (self, TRUE);
  koers_reminders_start (self, 0);
}
