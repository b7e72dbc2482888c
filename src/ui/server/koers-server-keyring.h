/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* The company server's passwords in the desktop's keyring (libsecret's
 * Secret Service, or its portal in a sandbox), one per server address
 * without a password in it.  ~/.pgpass and PGPASSWORD keep working: the
 * keyring is asked only when libpq had no password. */

/* Saves password for uri; done gets FALSE with a (libsecret) error when
 * there is no keyring to keep it. */
void     koers_server_keyring_store_async (const char         *uri,
                                           const char         *password,
                                           GAsyncReadyCallback done,
                                           gpointer            user_data);
gboolean koers_server_keyring_store_finish (GAsyncResult *result,
                                            GError      **error);
/* The keyring's password for uri, handed to the store for this process
 * (koers_store_server_set_password()); FALSE when it has none (or there
 * is no keyring). */
gboolean koers_server_keyring_restore (const char *uri);

/* koers_store_open_for_window(), and when the server asks for a password that
 * the keyring holds, again with it. */
KoersStore *koers_server_open_store (const char *path,
                                     GError    **error);

G_END_DECLS
