/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Asks for the company server's password when libpq has none (no
 * ~/.pgpass line, no PGPASSWORD) or the server refused it, with
 * "Remember in Keyring".  Connect hands the password to the store for
 * this process and calls try; while the server refuses it, the dialog
 * asks again and says so.  Once try succeeds the password goes to the
 * keyring, if asked, and done is called with TRUE; Cancel calls done
 * with FALSE and no error, another error (the server is gone) with it. */
#define KOERS_TYPE_PASSWORD_DIALOG (koers_password_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KoersPasswordDialog, koers_password_dialog, KOERS, PASSWORD_DIALOG, AdwMessageDialog)

/* Connects to uri with the password the store now has; FALSE with a
 * KOERS_STORE_ERROR (KOERS_STORE_ERROR_NEEDS_PASSWORD to ask again). */
typedef gboolean (*KoersPasswordTryFunc) (const char *uri,
                                          gpointer    user_data,
                                          GError    **error);
typedef void (*KoersPasswordDoneFunc) (gboolean      connected,
                                       const GError *error,
                                       gpointer      user_data);

/* why: the store's KOERS_STORE_ERROR_NEEDS_PASSWORD, whose sentence the
 * dialog shows.  Returns the dialog, presented. */
KoersPasswordDialog *koers_password_dialog_ask (GtkWindow            *parent,
                                                const char           *uri,
                                                const GError         *why,
                                                KoersPasswordTryFunc  try_func,
                                                KoersPasswordDoneFunc done,
                                                gpointer              user_data);

/* For tests: type password, tick "Remember in Keyring", and connect. */
void koers_password_dialog_connect (KoersPasswordDialog *self,
                                    const char          *password,
                                    gboolean             remember);

G_END_DECLS
