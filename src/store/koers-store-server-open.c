/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "koers-store-private.h"
#include "koers-store-server.h"

/* Opening the company server: the store as on a file, over a libpq
 * connection.  The schema is --server-setup's (an empty one gets the
 * seed's departments, as a new file does: koers_store_prepare_schema()). */

static gboolean
has_schema (KoersStore *self,
            const char *uri,
            GError    **error)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  int rc = koers_db_prepare (self->db, "SELECT to_regclass ('changes') IS NOT NULL", &stmt);

  if (rc == KOERS_DB_OK)
    rc = koers_db_step (stmt);
  if (rc != KOERS_DB_ROW)
    return koers_store_server_set_error (error, self->db, rc, uri);
  if (koers_db_column_int (stmt, 0) == 0)
    {
      g_autofree char *display = koers_store_server_display_uri (uri);

      g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FOREIGN,
                   /* Translators: %s is a connection address, postgresql://host/database. */
                   _ ("The database “%s” has no Koers schema yet: its owner sets it up with "
                      "koers --server-setup."),
                   display);
      return FALSE;
    }
  return TRUE;
}

KoersStore *
koers_store_open_server (const char   *uri,
                         KoersLanguage language,
                         gboolean      lazy,
                         gboolean      kpis,
                         GError      **error)
{
  g_autoptr (KoersStore) self = g_object_new (KOERS_TYPE_STORE, NULL);
  int rc;

  self->path = g_strdup (uri);
  self->lazy = lazy;
  self->without_kpis = !kpis;

  rc = koers_db_open_postgresql (uri, &self->db);
  if (rc != KOERS_DB_OK)
    {
      koers_store_server_set_error (error, self->db, rc, uri);
      return NULL;
    }

  if (!has_schema (self, uri, error) ||
      !koers_store_configure (self, FALSE, error) ||
      !koers_store_prepare_schema (self, language, error) ||
      !koers_store_load (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
koers_store_is_server (KoersStore *self)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);

  return self->db != NULL && koers_db_get_engine (self->db) == KOERS_DB_ENGINE_POSTGRESQL;
}
