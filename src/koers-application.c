/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-atomic-file.h"
#include "core/koers-author.h"
#include "core/koers-format.h"
#include "core/koers-property.h"
#include "store/db/koers-db.h"
#include "store/koers-store-server.h"
#include "ui/objectives/koers-editor-style.h"
#include "ui/server/koers-password-dialog.h"
#include "ui/server/koers-server-keyring.h"
#include "ui/window/koers-database-dialog.h"
#include "ui/window/koers-preferences-window.h"
#include "koers-application.h"
#include "koers-cli.h"
#include "koers-heap.h"
#include "koers-reminders.h"
#include "koers-settings.h"
#include "ui/window/koers-window.h"

struct _KoersApplication
{
  AdwApplication parent_instance;

  KoersStore *store;
  GSettings  *settings;
  char       *running_language;
  gboolean    restart_requested;
  /* Why the database of the start could not be opened: activate explains
   * it in a dialog instead of a window.  database_given: --database. */
  char    *refused_path;
  GError  *refused_error;
  gboolean database_given;
  /* --hidden: started at login to remind, without a window. */
  gboolean        hidden;
  KoersReminders *reminders;
};

G_DEFINE_FINAL_TYPE (KoersApplication, koers_application, ADW_TYPE_APPLICATION)

/* The settings when their schema is installed; then the author follows
 * "author-name". */
static void
ensure_settings (KoersApplication *self)
{
  if (self->settings == NULL)
    self->settings = koers_settings_lookup ();
}

/* The name written into the change log of every store this process opens. */
static char *
get_author (KoersApplication *self)
{
  g_autofree char *setting = NULL;

  if (self->settings == NULL)
    return koers_author_get_name ();

  setting = g_settings_get_string (self->settings, "author-name");
  return koers_author_resolve (setting);
}

/* After a change in Preferences: every open store writes the new name. */
static void
author_changed_cb (KoersApplication *self)
{
  g_autofree char *author = get_author (self);

  if (self->store != NULL)
    koers_store_set_author (self->store, author);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (KOERS_IS_WINDOW (l->data))
      koers_store_set_author (koers_window_get_store (KOERS_WINDOW (l->data)), author);
}

/* A file's name made absolute; a server's address (postgresql://…) as
 * it is. */
static char *
canonicalize_database (const char *path)
{
  if (koers_db_is_server_uri (path))
    return g_strdup (path);
  return g_canonicalize_filename (path, NULL);
}

static int
koers_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  KoersApplication *self = KOERS_APPLICATION (application);
  g_autofree char  *path = NULL;
  g_autoptr (GError) error = NULL;

  /* The options are good and name no command: koers (KoersCommandLine)
   * parsed the same ones before it loaded this module.  A report being written when the window is told to end leaves no
   * temporary file behind. */
  koers_atomic_file_watch_signals ();

  self->database_given = g_variant_dict_lookup (options, "database", "^ay", &path);
  if (!self->database_given)
    path = koers_settings_get_default_database ();

  /* First, and without a display.  A database that cannot be used
   * (corrupt, foreign, newer, unwritable) is explained in a dialog by
   * activate, which is where someone who started Koers from the desktop
   * looks; stderr has the reason too. */
  self->store = koers_server_open_store (path, &error);
  if (self->store == NULL)
    {
      g_printerr ("koers: %s\n", error->message);
      self->refused_path = g_strdup (path);
      self->refused_error = g_steal_pointer (&error);
    }
  else
    koers_store_watch_other_writers (self->store);

  ensure_settings (self);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::author-name",
                             G_CALLBACK (author_changed_cb), self, G_CONNECT_SWAPPED);
  author_changed_cb (self);
  self->hidden = g_variant_dict_contains (options, "hidden");

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("koers: %s\n", error->message);
      return 1;
    }

  /* A second launch raises the first one's window (activate there); with
   * another database it asks the first instance to open that one in a
   * window of its own, so no two processes write one file. */
  if (g_application_get_is_remote (application))
    {
      g_autofree char *own = canonicalize_database (path);

      /* Koers runs already: it reminds by itself. */
      if (self->hidden)
        return 0;

      g_clear_object (&self->store);
      g_action_group_activate_action (G_ACTION_GROUP (application), "open-database",
                                      g_variant_new_bytestring (own));
      /* The call goes out before this process ends. */
      g_dbus_connection_flush_sync (g_application_get_dbus_connection (application), NULL, NULL);
      return 0;
    }

  self->reminders = koers_reminders_new (application, self->settings);
  koers_reminders_set_database (self->reminders, path);
  koers_reminders_set_store (self->reminders, self->store);
  koers_reminders_follow_settings (self->reminders);
  return -1;
}

static KoersWindow *
find_window_for_path (GtkApplication *application,
                      const char     *path)
{
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      KoersStore      *store;
      g_autofree char *other = NULL;

      if (!KOERS_IS_WINDOW (l->data))
        continue;
      store = koers_window_get_store (KOERS_WINDOW (l->data));
      other = canonicalize_database (koers_store_get_path (store));
      if (g_strcmp0 (other, path) == 0)
        return KOERS_WINDOW (l->data);
    }

  return NULL;
}

/* The password dialog's try: the server accepts the password. */
static gboolean
try_server_cb (const char *uri,
               gpointer    user_data,
               GError    **error)
{
  g_autoptr (KoersServerIdentity) identity = koers_store_server_test (uri, error);

  return identity != NULL;
}

static void open_database_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data);

/* The database a password was asked for, opened again once it is given. */
typedef struct
{
  GApplication *application;
  GVariant     *path;
} Asked;

static void
open_after_password_cb (gboolean      connected,
                        const GError *error,
                        gpointer      user_data)
{
  Asked *asked = user_data;

  /* Another error (the server went away) is explained by opening. */
  if (connected || error != NULL)
    open_database_action (NULL, asked->path, asked->application);
  g_object_unref (asked->application);
  g_variant_unref (asked->path);
  g_free (asked);
}

/* From a second launch: the database it was given, in the window that
 * shows it, or in a new window; one that cannot be used is explained in a
 * dialog on the window the user has. */
static void
open_database_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  const char     *path = g_variant_get_bytestring (parameter);
  g_autoptr (KoersStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *author = NULL;
  KoersWindow     *window = find_window_for_path (application, path);

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  store = koers_server_open_store (path, &error);
  if (store == NULL)
    {
      GtkWindow        *parent = gtk_application_get_active_window (application);
      AdwMessageDialog *dialog;

      if (g_error_matches (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_NEEDS_PASSWORD))
        {
          /* Asked, then opened here again with the password. */
          Asked *asked = g_new0 (Asked, 1);

          asked->application = g_object_ref (G_APPLICATION (application));
          asked->path = g_variant_ref (parameter);
          koers_password_dialog_ask (parent, path, error, try_server_cb, open_after_password_cb,
                                     asked);
          return;
        }
      dialog = koers_database_dialog_new (parent, error);

      adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  koers_store_watch_other_writers (store);
  author = get_author (KOERS_APPLICATION (application));
  koers_store_set_author (store, author);
  window = koers_window_new (application, store);
  gtk_window_present (GTK_WINDOW (window));
}

static void
verify_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (GtkWindow) window = user_data;
  g_autoptr (GError) error = NULL;
  AdwMessageDialog *dialog;

  if (koers_store_verify_finish (result, &error))
    return;

  /* The file is kept as it is; the person decides what to do with it. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _ ("The Database Is Damaged"), NULL));
  adw_message_dialog_set_body (dialog, error->message);
  adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
release_heap_cb (gpointer user_data)
{
  koers_heap_release ();
  return G_SOURCE_REMOVE;
}

/* Once the window's first frame is painted: the check of a large file
 * (start_window()), and the heap populated for the start (main.c)
 * back to the usual one, after the rest of the period (read at a higher
 * priority). */
static void
first_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  KoersStore *store = g_object_get_data (G_OBJECT (window), "koers-verify-store");

  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, window);
  if (store != NULL)
    koers_store_verify_async (koers_store_get_path (store), NULL, verify_done_cb,
                              g_object_ref (window));
  g_idle_add_full (G_PRIORITY_LOW, release_heap_cb, NULL, NULL);
}

static void
first_realize_cb (GtkWidget *window,
                  gpointer   user_data)
{
  g_signal_handlers_disconnect_by_func (window, first_realize_cb, user_data);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (first_paint_cb), window, 0);
}

/* A large database was opened without reading every page: that check
 * runs beside the window, and speaks up only when it finds damage.  It
 * starts once the window's first frame is painted (first_paint_cb()):
 * reading every page of a large file took a core of two from the
 * window's start. */
static void
start_window (KoersStore *store,
              GtkWindow  *window)
{
  if (koers_store_needs_verify (koers_store_get_path (store)))
    g_object_set_data_full (G_OBJECT (window), "koers-verify-store", g_object_ref (store),
                            g_object_unref);
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    first_realize_cb (GTK_WIDGET (window), NULL);
  else
    g_signal_connect_after (window, "realize", G_CALLBACK (first_realize_cb), NULL);
}

/* The person chose another database, or a new one, in the dialog of a
 * refused start: it becomes the one the next start opens too, unless this
 * start was given one with --database. */
static void
database_chosen_cb (KoersStore *store,
                    const char *path,
                    gpointer    user_data)
{
  KoersApplication *self = KOERS_APPLICATION (user_data);
  GtkWindow        *window;

  self->store = g_object_ref (store);
  koers_store_watch_other_writers (store);
  author_changed_cb (self);
  /* A server's address is Preferences' to remember (use-server). */
  if (!self->database_given && self->settings != NULL && !koers_store_is_server (store))
    {
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);

      g_settings_set (self->settings, "database-path", "^ay", absolute);
    }

  window = GTK_WINDOW (koers_window_new (GTK_APPLICATION (self), store));
  start_window (store, window);
  gtk_window_present (window);
}

/* The start's server asked for a password: the password dialog's try
 * opens it as the start's store. */
static gboolean
open_start_store_cb (const char *uri,
                     gpointer    user_data,
                     GError    **error)
{
  KoersApplication *self = KOERS_APPLICATION (user_data);

  self->store = koers_store_open_for_window (uri, error);
  return self->store != NULL;
}

static void
start_after_password_cb (gboolean      connected,
                         const GError *error,
                         gpointer      user_data)
{
  KoersApplication *self = KOERS_APPLICATION (user_data);

  if (connected)
    {
      g_autoptr (KoersStore) store = g_steal_pointer (&self->store);

      database_chosen_cb (store, self->refused_path, self);
    }
  else if (error != NULL)
    koers_database_dialog_rescue (GTK_APPLICATION (self), self->refused_path, error,
                                  database_chosen_cb, self);
  /* Cancel: no window, so the application ends. */
  g_application_release (G_APPLICATION (self));
}

static void
koers_application_activate (GApplication *application)
{
  KoersApplication *self = KOERS_APPLICATION (application);
  GtkWindow        *window;

  if (self->store == NULL &&
      g_error_matches (self->refused_error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_NEEDS_PASSWORD))
    {
      g_autoptr (GError) error = g_steal_pointer (&self->refused_error);
      KoersPasswordDialog *dialog;

      /* Held while no window is open. */
      g_application_hold (application);
      dialog = koers_password_dialog_ask (NULL, self->refused_path, error, open_start_store_cb,
                                          start_after_password_cb, self);
      gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (application));
      return;
    }

  if (self->store == NULL && self->refused_error != NULL)
    {
      g_autoptr (GError) error = g_steal_pointer (&self->refused_error);

      koers_database_dialog_rescue (GTK_APPLICATION (application), self->refused_path, error,
                                    database_chosen_cb, self);
      return;
    }

  if (self->hidden)
    {
      /* The first activation only: later ones (a launch, the
       * notification) open the window. */
      self->hidden = FALSE;
      if (self->reminders != NULL && self->store != NULL)
        koers_reminders_run_hidden (self->reminders);
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window == NULL)
    {
      /* Once the window's first frame is out. */
      if (self->reminders != NULL)
        koers_reminders_start (self->reminders, 3);
      window = GTK_WINDOW (koers_window_new (GTK_APPLICATION (application), self->store));
      start_window (self->store, window);
    }

  gtk_window_present (window);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  g_autoptr (GList) windows = g_list_copy (gtk_application_get_windows (application));

  /* Closing (rather than only quitting) lets each window save its state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));

  g_application_quit (G_APPLICATION (application));
}

static void
restart_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  KoersApplication *self = KOERS_APPLICATION (user_data);

  self->restart_requested = TRUE;
  quit_action (NULL, NULL, self);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  KoersApplication *self = KOERS_APPLICATION (user_data);
  GtkWindow        *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget        *preferences;

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  /* The database of the window it was asked from (Preferences may have
   * opened another since the start). */
  preferences = koers_preferences_window_new (parent,
                                              KOERS_IS_WINDOW (parent)
                                                ? koers_window_get_store (KOERS_WINDOW (parent))
                                                : self->store,
                                              self->settings,
                                              self->running_language);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication  *application = GTK_APPLICATION (user_data);
  GtkWindow       *parent = gtk_application_get_active_window (application);
  g_autofree char *issue_url = g_strconcat (PACKAGE_WEBSITE, "/issues", NULL);
  g_autofree char *release_notes = NULL;
  GtkWidget       *about;

  release_notes = g_markup_printf_escaped ("<p>%s</p><ul><li>%s</li><li>%s</li><li>%s</li></ul>",
                                           _ ("The first release of Koers."),
                                           _ ("Objectives and key results for the company and each department, by quarter"),
                                           _ ("Check-ins, scores and a mark for key results that need one"),
                                           _ ("Dutch and English, chosen in Preferences"));

  /* Not adw_show_about_window (): AdwAboutWindow keeps GtkWindow's role,
   * so a screen reader would not announce it as the dialog it is. */
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                        "transient-for", parent,
                        "application-name", "Koers",
                        "application-icon", APP_ID,
                        "developer-name", _ ("The Koers developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _ ("Set, track and report objectives and key results"),
                        "website", PACKAGE_WEBSITE,
                        "issue-url", issue_url,
                        "copyright", _ ("© 2026 The Koers developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your name(s), one per line, as credits. */
                        "translator-credits", _ ("translator-credits"),
                        "release-notes-version", PACKAGE_VERSION,
                        "release-notes", release_notes,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* The reminder's action: the window, on its Due list. */
static void
show_due_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GApplication *application = G_APPLICATION (user_data);
  GtkWindow    *window;

  g_application_activate (application);
  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (KOERS_IS_WINDOW (window))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-due", NULL);
}

static const GActionEntry app_entries[] = {
  { .name = "quit", .activate = quit_action },
  { .name = "restart", .activate = restart_action },
  { .name = "preferences", .activate = preferences_action },
  { .name = "about", .activate = about_action },
  { .name = "show-due", .activate = show_due_action },
  { .name = "open-database", .activate = open_database_action, .parameter_type = "ay" },
};

static void
koers_application_startup (GApplication *application)
{
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.add-objective", { "<Control>n", NULL } },
    { "win.add-key-result", { "<Control><Shift>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.export-report", { "<Control>e", NULL } },
    { "win.print-report", { "<Control>p", NULL } },
    { "win.export-data", { "<Control><Shift>e", NULL } },
    { "win.import-data", { "<Control>o", NULL } },
    { "win.check-okrs", { "F7", NULL } },
    { "win.previous-period", { "<Control>Page_Up", NULL } },
    { "win.next-period", { "<Control>Page_Down", NULL } },
    /* As GtkApplication sets it; the window adds the overlay after its first frame. */
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (koers_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_entries,
                                   G_N_ELEMENTS (app_entries), application);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                           accels[i].action, accels[i].accels);

  /* style.css loads by itself (AdwApplication); editor.css is the pane's. */
  koers_editor_style_ensure ();
}

static void
koers_application_dispose (GObject *object)
{
  KoersApplication *self = KOERS_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->reminders);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (koers_application_parent_class)->dispose (object);
}

static void
koers_application_finalize (GObject *object)
{
  KoersApplication *self = KOERS_APPLICATION (object);

  g_free (self->running_language);
  g_free (self->refused_path);
  g_clear_error (&self->refused_error);

  G_OBJECT_CLASS (koers_application_parent_class)->finalize (object);
}

static void
koers_application_class_init (KoersApplicationClass *klass)
{
  GObjectClass      *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = koers_application_dispose;
  object_class->finalize = koers_application_finalize;
  app_class->handle_local_options = koers_application_handle_local_options;
  app_class->startup = koers_application_startup;
  app_class->activate = koers_application_activate;
}

static void
koers_application_init (KoersApplication *self)
{
  koers_cli_add_options (G_APPLICATION (self));
}

KoersApplication *
koers_application_new (const char *running_language)
{
  KoersApplication *self;

  self = g_object_new (KOERS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/koersapp/Koers",
                       NULL);
  self->running_language = g_strdup (running_language != NULL ? running_language : "system");

  return self;
}

KOERS_DEFINE_GETTER (KoersApplication, koers_application, KOERS_IS_APPLICATION, gboolean, restart_requested, FALSE)
