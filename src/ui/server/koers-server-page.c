/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "koers-password-dialog.h"
#include "koers-server-page.h"
#include "store/koers-store-server.h"
#include "widgets/koers-template.h"

struct _KoersServerPage
{
  AdwPreferencesPage parent_instance;

  KoersStore   *store;
  GSettings    *settings;
  char         *local_path;
  GCancellable *testing;

  AdwActionRow        *local_row;
  GtkCheckButton      *local_check;
  GtkCheckButton      *server_check;
  AdwPreferencesGroup *server_group;
  AdwEntryRow         *host_row;
  AdwEntryRow         *port_row;
  AdwEntryRow         *dbname_row;
  AdwEntryRow         *user_row;
  AdwComboRow         *tls_row;
  AdwActionRow        *test_row;
  GtkSpinner          *test_spinner;
  GtkWidget           *test_button;
  GtkWidget           *open_button;
};

G_DEFINE_FINAL_TYPE (KoersServerPage, koers_server_page, ADW_TYPE_PREFERENCES_PAGE)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersServerPage, local_row),
  KOERS_TEMPLATE_CHILD (KoersServerPage, local_check),
  KOERS_TEMPLATE_CHILD (KoersServerPage, server_check),
  KOERS_TEMPLATE_CHILD (KoersServerPage, server_group),
  KOERS_TEMPLATE_CHILD (KoersServerPage, host_row),
  KOERS_TEMPLATE_CHILD (KoersServerPage, port_row),
  KOERS_TEMPLATE_CHILD (KoersServerPage, dbname_row),
  KOERS_TEMPLATE_CHILD (KoersServerPage, user_row),
  KOERS_TEMPLATE_CHILD (KoersServerPage, tls_row),
  KOERS_TEMPLATE_CHILD (KoersServerPage, test_row),
  KOERS_TEMPLATE_CHILD (KoersServerPage, test_spinner),
  KOERS_TEMPLATE_CHILD (KoersServerPage, test_button),
  KOERS_TEMPLATE_CHILD (KoersServerPage, open_button),
};

enum
{
  SIGNAL_OPEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* libpq's sslmode of each row of the TLS combo, in the .ui's order. */
static const char *const tls_modes[] = { "prefer", "require", "verify-full", "disable" };

static char *
dup_field (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

char *
koers_server_page_get_uri (KoersServerPage *self)
{
  guint              tls = adw_combo_row_get_selected (self->tls_row);
  g_autofree char   *host = dup_field (self->host_row);
  g_autofree char   *port = dup_field (self->port_row);
  g_autofree char   *dbname = dup_field (self->dbname_row);
  g_autofree char   *user = dup_field (self->user_row);
  KoersServerAddress address = {
    .host = host,
    .port = port,
    .dbname = dbname,
    .user = user,
    /* libpq's own default needs no word in the address. */
    .sslmode = tls > 0 && tls < G_N_ELEMENTS (tls_modes) ? (char *) tls_modes[tls] : NULL,
  };

  g_return_val_if_fail (KOERS_IS_SERVER_PAGE (self), NULL);

  return koers_server_address_to_uri (&address);
}

static gboolean
is_server_chosen (KoersServerPage *self)
{
  return gtk_check_button_get_active (self->server_check);
}

/* A port is a number; empty is libpq's default (5432). */
static gboolean
is_port_valid (KoersServerPage *self)
{
  g_autofree char *port = dup_field (self->port_row);

  for (const char *p = port; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return strlen (port) <= 5;
}

static char *
get_target (KoersServerPage *self)
{
  return is_server_chosen (self) ? koers_server_page_get_uri (self) : g_strdup (self->local_path);
}

static void
update_state (KoersServerPage *self)
{
  g_autofree char *target = NULL;
  gboolean         server = is_server_chosen (self);

  /* Not while the template builds the page. */
  if (self->store == NULL)
    return;
  target = get_target (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_group), server);
  gtk_widget_set_sensitive (self->test_button, server && self->testing == NULL);
  gtk_widget_set_sensitive (self->open_button,
                            self->testing == NULL && (!server || is_port_valid (self)) &&
                              g_strcmp0 (target, koers_store_get_path (self->store)) != 0);
}

static void
show_result (KoersServerPage *self,
             const char      *sentence)
{
  adw_action_row_set_subtitle (self->test_row, sentence);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->test_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, sentence, -1);
}

static void
choice_toggled_cb (KoersServerPage *self)
{
  update_state (self);
}

static void
fields_changed_cb (KoersServerPage *self)
{
  if (self->store == NULL)
    return;
  /* An earlier test said nothing about the new address. */
  if (self->testing == NULL)
    show_result (self, _ ("Not tested yet"));
  update_state (self);
}

/* The sentence "Test" shows: who the person is on the server, and what
 * that lets them do. */
static char *
describe_identity (const KoersServerIdentity *identity)
{
  switch (identity->role)
    {
    case KOERS_SERVER_ROLE_ADMIN:
      /* Translators: %s is the user name on the server. */
      return g_strdup_printf (_ ("Connected as “%s”, an administrator: you may change "
                                 "everything."),
                              identity->user);
    case KOERS_SERVER_ROLE_HEAD:
      /* Translators: %1$s is the user name on the server, %2$s a department. */
      return g_strdup_printf (_ ("Connected as “%1$s”, head of %2$s: you may change that "
                                 "department and its teams."),
                              identity->user, identity->department);
    case KOERS_SERVER_ROLE_LEADER:
      /* Translators: %1$s is the user name on the server, %2$s a team. */
      return g_strdup_printf (_ ("Connected as “%1$s”, team leader of %2$s: you may change "
                                 "that team."),
                              identity->user, identity->department);
    case KOERS_SERVER_ROLE_READER:
      /* Translators: %s is the user name on the server. */
      return g_strdup_printf (_ ("Connected as “%s”, a reader: you see everything and change "
                                 "nothing."),
                              identity->user);
    case KOERS_SERVER_ROLE_NONE:
    default:
      /* Translators: %s is the user name on the server. */
      return g_strdup_printf (_ ("Connected as “%s”, but without a role in Koers: ask a Koers "
                                 "administrator for one."),
                              identity->user);
    }
}

static gboolean
test_with_password (const char *uri,
                    gpointer    user_data,
                    GError    **error)
{
  g_autoptr (KoersServerIdentity) identity = koers_store_server_test (uri, error);

  if (identity == NULL)
    return FALSE;
  g_object_set_data_full (G_OBJECT (user_data), "koers-identity", describe_identity (identity),
                          g_free);
  return TRUE;
}

static void
save_choice (KoersServerPage *self,
             const char      *uri)
{
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "use-server", uri != NULL);
  if (uri != NULL)
    g_settings_set_string (self->settings, "server-uri", uri);
  g_settings_apply (self->settings);
}

/* After the test: for Open, the database opens once it connects. */
static void
finish_test (KoersServerPage *self,
             const char      *sentence,
             gboolean         connected,
             gboolean         opening)
{
  g_autofree char *uri = koers_server_page_get_uri (self);

  g_clear_object (&self->testing);
  gtk_spinner_stop (self->test_spinner);
  show_result (self, sentence);
  update_state (self);
  if (connected && opening)
    {
      save_choice (self, uri);
      g_signal_emit (self, signals[SIGNAL_OPEN], 0, uri);
    }
}

static void
password_done_cb (gboolean      connected,
                  const GError *error,
                  gpointer      user_data)
{
  g_autoptr (KoersServerPage) self = user_data;
  gboolean opening = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "koers-opening"));

  if (connected)
    finish_test (self, g_object_get_data (G_OBJECT (self), "koers-identity"), TRUE, opening);
  else
    finish_test (self, error != NULL ? error->message : _ ("Not connected: no password was given."),
                 FALSE, FALSE);
}

static void
tested_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (KoersServerPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersServerIdentity) identity = koers_store_server_test_finish (result, &error);
  gboolean         opening = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "koers-opening"));
  g_autofree char *sentence = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_error_matches (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_NEEDS_PASSWORD))
    {
      g_autofree char *uri = koers_server_page_get_uri (self);

      koers_password_dialog_ask (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), uri, error,
                                 test_with_password, password_done_cb, g_object_ref (self));
      return;
    }
  sentence = identity != NULL ? describe_identity (identity) : g_strdup (error->message);
  finish_test (self, sentence, identity != NULL, opening);
}

static void
start_test (KoersServerPage *self,
            gboolean         opening)
{
  g_autofree char *uri = NULL;

  if (self->testing != NULL)
    return;
  if (!is_port_valid (self))
    {
      show_result (self, _ ("The port is a number, such as 5432."));
      return;
    }
  uri = koers_server_page_get_uri (self);
  g_object_set_data (G_OBJECT (self), "koers-opening", GINT_TO_POINTER (opening));
  self->testing = g_cancellable_new ();
  gtk_spinner_start (self->test_spinner);
  show_result (self, _ ("Connecting…"));
  update_state (self);
  koers_store_server_test_async (uri, self->testing, tested_cb, g_object_ref (self));
}

static void
test_clicked_cb (KoersServerPage *self)
{
  start_test (self, FALSE);
}

static void
open_clicked_cb (KoersServerPage *self)
{
  if (is_server_chosen (self))
    {
      start_test (self, TRUE);
      return;
    }
  save_choice (self, NULL);
  g_signal_emit (self, signals[SIGNAL_OPEN], 0, self->local_path);
}

/* The fields show the server open now, else the one Preferences last
 * set. */
static void
fill_fields (KoersServerPage *self)
{
  g_autofree char   *saved = g_settings_get_string (self->settings, "server-uri");
  const char        *uri = koers_store_is_server (self->store) ? koers_store_get_path (self->store) : saved;
  KoersServerAddress address;

  if (koers_server_address_parse (uri, &address))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->host_row), address.host != NULL ? address.host : "");
      gtk_editable_set_text (GTK_EDITABLE (self->port_row), address.port != NULL ? address.port : "");
      gtk_editable_set_text (GTK_EDITABLE (self->dbname_row), address.dbname != NULL ? address.dbname : "");
      gtk_editable_set_text (GTK_EDITABLE (self->user_row), address.user != NULL ? address.user : "");
      for (guint i = 0; i < G_N_ELEMENTS (tls_modes); i++)
        if (g_strcmp0 (address.sslmode, tls_modes[i]) == 0)
          adw_combo_row_set_selected (self->tls_row, i);
    }
  koers_server_address_clear (&address);
}

static void
koers_server_page_dispose (GObject *object)
{
  KoersServerPage *self = KOERS_SERVER_PAGE (object);

  if (self->testing != NULL)
    g_cancellable_cancel (self->testing);
  g_clear_object (&self->testing);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->local_path, g_free);

  G_OBJECT_CLASS (koers_server_page_parent_class)->dispose (object);
}

static const KoersTemplateCallback template_callbacks[] = {
  KOERS_TEMPLATE_CALLBACK (choice_toggled_cb),
  KOERS_TEMPLATE_CALLBACK (fields_changed_cb),
  KOERS_TEMPLATE_CALLBACK (test_clicked_cb),
  KOERS_TEMPLATE_CALLBACK (open_clicked_cb),
};

static void
koers_server_page_class_init (KoersServerPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koers_server_page_dispose;

  /**
   * KoersServerPage::open:
   * @path: the file's path or the server's address
   *
   * The person chose another database with Open; the choice is saved.
   */
  signals[SIGNAL_OPEN] = g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  koers_template_init_class (widget_class, "server/koers-server-page.ui", 0,
                             KOERS_TEMPLATE_TABLE (template_children), KOERS_TEMPLATE_TABLE (template_callbacks));
}

static void
koers_server_page_init (KoersServerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
koers_server_page_new (KoersStore *store,
                       GSettings  *settings)
{
  KoersServerPage *self;
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (KOERS_TYPE_SERVER_PAGE, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);

  /* The file: the one open now, else the one chosen before the server. */
  if (!koers_store_is_server (store))
    path = g_strdup (koers_store_get_path (store));
  else
    g_settings_get (settings, "database-path", "^ay", &path);
  if (path == NULL || path[0] == '\0')
    {
      g_free (path);
      path = koers_store_get_default_path ();
    }
  self->local_path = g_canonicalize_filename (path, NULL);
  shown = g_filename_display_name (self->local_path);
  adw_action_row_set_subtitle (self->local_row, shown);

  fill_fields (self);
  gtk_check_button_set_active (koers_store_is_server (store) ? self->server_check : self->local_check,
                               TRUE);
  show_result (self, _ ("Not tested yet"));
  update_state (self);
  return GTK_WIDGET (self);
}
