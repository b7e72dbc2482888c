/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "koers-password-dialog.h"
#include "koers-server-keyring.h"
#include "store/koers-store-server.h"
#include "widgets/koers-a11y.h"
#include "widgets/koers-template.h"

struct _KoersPasswordDialog
{
  AdwMessageDialog parent_instance;

  char                 *uri;
  KoersPasswordTryFunc  try_func;
  KoersPasswordDoneFunc done;
  gpointer              user_data;

  AdwPasswordEntryRow *password_row;
  GtkCheckButton      *remember_check;
};

G_DEFINE_FINAL_TYPE (KoersPasswordDialog, koers_password_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersPasswordDialog, password_row),
  KOERS_TEMPLATE_CHILD (KoersPasswordDialog, remember_check),
};

static void
password_changed_cb (KoersPasswordDialog *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "connect", password[0] != '\0');
}

static void
entry_activated_cb (KoersPasswordDialog *self)
{
  if (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), "connect"))
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "connect");
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  /* The connection works without it: the next start asks again. */
  if (!koers_server_keyring_store_finish (result, &error))
    g_message ("The password could not be kept in the keyring: %s", error->message);
}

static void
koers_password_dialog_response (AdwMessageDialog *dialog,
                                const char       *response)
{
  KoersPasswordDialog *self = KOERS_PASSWORD_DIALOG (dialog);
  g_autoptr (GError) error = NULL;
  g_autofree char *password = NULL;

  if (!g_str_equal (response, "connect"))
    {
      self->done (FALSE, NULL, self->user_data);
      return;
    }

  password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
  koers_store_server_set_password (self->uri, password);
  if (self->try_func (self->uri, self->user_data, &error))
    {
      if (gtk_check_button_get_active (self->remember_check))
        koers_server_keyring_store_async (self->uri, password, stored_cb, NULL);
      self->done (TRUE, NULL, self->user_data);
      return;
    }
  koers_store_server_set_password (self->uri, NULL);
  if (g_error_matches (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_NEEDS_PASSWORD))
    {
      /* This one closes after the response: a new one asks again. */
      koers_password_dialog_ask (gtk_window_get_transient_for (GTK_WINDOW (self)), self->uri, error,
                                 self->try_func, self->done, self->user_data);
      return;
    }
  self->done (FALSE, error, self->user_data);
}

static void
koers_password_dialog_finalize (GObject *object)
{
  KoersPasswordDialog *self = KOERS_PASSWORD_DIALOG (object);

  g_free (self->uri);

  G_OBJECT_CLASS (koers_password_dialog_parent_class)->finalize (object);
}

static const KoersTemplateCallback template_callbacks[] = {
  KOERS_TEMPLATE_CALLBACK (password_changed_cb),
  KOERS_TEMPLATE_CALLBACK (entry_activated_cb),
};

static void
koers_password_dialog_class_init (KoersPasswordDialogClass *klass)
{
  GObjectClass          *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass        *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->finalize = koers_password_dialog_finalize;
  dialog_class->response = koers_password_dialog_response;

  koers_template_init_class (widget_class, "server/koers-password-dialog.ui", KOERS_TEMPLATE_DIALOG,
                             KOERS_TEMPLATE_TABLE (template_children), KOERS_TEMPLATE_TABLE (template_callbacks));
}

static void
koers_password_dialog_init (KoersPasswordDialog *self)
{
  koers_a11y_init_role (GTK_WIDGET (self));
  gtk_widget_init_template (GTK_WIDGET (self));
}

KoersPasswordDialog *
koers_password_dialog_ask (GtkWindow            *parent,
                           const char           *uri,
                           const GError         *why,
                           KoersPasswordTryFunc  try_func,
                           KoersPasswordDoneFunc done,
                           gpointer              user_data)
{
  KoersPasswordDialog *self;
  KoersServerAddress   address;
  g_autofree char     *body = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (uri != NULL && try_func != NULL && done != NULL, NULL);

  self = g_object_new (KOERS_TYPE_PASSWORD_DIALOG, "transient-for", parent, NULL);
  self->uri = g_strdup (uri);
  self->try_func = try_func;
  self->done = done;
  self->user_data = user_data;

  koers_server_address_parse (uri, &address);
  if (address.user != NULL && address.user[0] != '\0')
    /* Translators: %1$s is the server's sentence ("The server … asks for
     * your password."), %2$s a user name on that server. */
    body = g_strdup_printf (_ ("%1$s You connect as “%2$s”."), why != NULL ? why->message : "",
                            address.user);
  else
    body = g_strdup (why != NULL ? why->message : "");
  koers_server_address_clear (&address);
  /* The body is not markup: the address and the name are as typed. */
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
  return self;
}

void
koers_password_dialog_connect (KoersPasswordDialog *self,
                               const char          *password,
                               gboolean             remember)
{
  g_return_if_fail (KOERS_IS_PASSWORD_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
  gtk_check_button_set_active (self->remember_check, remember);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "connect");
}
