/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "koers-store-private.h"
#include "koers-store-server.h"

/* Opening the company server: the store as on a file, over a libpq
 * connection.  The schema is --server-setup's (an empty one gets the
 * seed's departments, as a new file does: koers_store_prepare_schema()). */

KoersStore *
koers_store_open_server (const char    *uri,
                         KoersLanguage  language,
                         gboolean       lazy,
                         KoersStoreKpis kpis,
                         GError       **error)
{
  g_autoptr (KoersStore) self = g_object_new (KOERS_TYPE_STORE, NULL);

  self->path = g_strdup (uri);
  self->lazy = lazy;
  self->without_kpis = kpis == KOERS_STORE_KPIS_NONE;
  self->kpi_values_with_periods = kpis == KOERS_STORE_KPIS_VALUES_WITH_PERIODS;

  self->db = koers_store_server_connect (uri, error);
  if (self->db == NULL ||
      !koers_store_server_check_schema (self->db, uri, error) ||
      !koers_store_configure (self, FALSE, error) ||
      !koers_store_prepare_schema (self, language, error) ||
      !koers_store_load (self, error) ||
      !koers_store_server_read_role (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
koers_store_is_server (KoersStore *self)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);

  return self->db != NULL && koers_db_get_engine (self->db) == KOERS_DB_ENGINE_POSTGRESQL;
}
