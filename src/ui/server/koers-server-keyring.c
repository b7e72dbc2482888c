/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libsecret/secret.h>

#include "koers-server-keyring.h"
#include "store/koers-store-server.h"

/* One item per address: the label says what it is in the keyring's own
 * window (Seahorse); the attribute finds it again.  The address is
 * stored as shown (koers_store_server_display_uri()), never with a
 * password in it. */
static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.koersapp.Koers.Server",
    SECRET_SCHEMA_NONE,
    {
      { "address", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

void
koers_server_keyring_store_async (const char         *uri,
                                  const char         *password,
                                  GAsyncReadyCallback done,
                                  gpointer            user_data)
{
  g_autofree char *address = koers_store_server_display_uri (uri);
  g_autofree char *label = g_strdup_printf ("Koers: %s", address);

  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, password, NULL, done,
                         user_data, "address", address, NULL);
}

gboolean
koers_server_keyring_store_finish (GAsyncResult *result,
                                   GError      **error)
{
  return secret_password_store_finish (result, error);
}

gboolean
koers_server_keyring_restore (const char *uri)
{
  g_autofree char *address = koers_store_server_display_uri (uri);
  g_autoptr (GError) error = NULL;
  char *password = secret_password_lookup_sync (get_schema (), NULL, &error, "address", address,
                                                NULL);

  if (password == NULL)
    {
      if (error != NULL)
        g_debug ("No keyring for the server's password: %s", error->message);
      return FALSE;
    }
  koers_store_server_set_password (uri, password);
  secret_password_free (password);
  return TRUE;
}

KoersStore *
koers_server_open_store (const char *path,
                         GError    **error)
{
  g_autoptr (GError) own = NULL;
  g_autofree char *typed = NULL;
  KoersStore      *store = koers_store_open_for_window (path, &own);

  if (store != NULL)
    return store;
  /* A password typed in this process, and refused, is not replaced by
   * the keyring's: the person is asked again. */
  typed = koers_store_server_dup_password (path);
  if (g_error_matches (own, KOERS_STORE_ERROR, KOERS_STORE_ERROR_NEEDS_PASSWORD) &&
      typed == NULL && koers_server_keyring_restore (path))
    {
      g_clear_error (&own);
      store = koers_store_open_for_window (path, &own);
    }
  if (store == NULL)
    g_propagate_error (error, g_steal_pointer (&own));
  return store;
}
