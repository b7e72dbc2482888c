/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "koers-chooser.h"

typedef struct
{
  KoersChooserFileFunc func;
  gpointer             owner;
} ChooserReply;

static void
free_reply (gpointer  data,
            GClosure *closure)
{
  g_free (data);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     ChooserReply    *reply)
{
  g_autoptr (GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    reply->func (reply->owner, file);
}

void
koers_chooser_clear (GtkFileChooserNative **slot)
{
  g_return_if_fail (slot != NULL);

  if (*slot != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (*slot));
  g_clear_object (slot);
}

void
koers_chooser_show (GtkFileChooserNative **slot,
                    GtkFileChooserNative  *chooser,
                    KoersChooserFileFunc   func,
                    gpointer               owner)
{
  ChooserReply *reply = g_new (ChooserReply, 1);

  g_return_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (chooser));

  koers_chooser_clear (slot);
  *slot = chooser;

  reply->func = func;
  reply->owner = owner;
  /* The owner clears the slot in its dispose, which destroys the chooser
   * with this handler before the owner goes. */
  g_signal_connect_data (chooser, "response", G_CALLBACK (chooser_response_cb), reply, free_reply, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
koers_chooser_show_error (GtkWindow    *parent,
                          const char   *heading,
                          const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (error != NULL);

  /* The body is plain text (body-use-markup is off). */
  dialog = adw_message_dialog_new (parent, heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
