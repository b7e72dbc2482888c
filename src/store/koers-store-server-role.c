/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "koers-store-private.h"
#include "koers-store-server.h"

/* Who the store is connected as on the company server, so that the
 * window can show what the person may do before the server refuses it.
 * The server decides (row-level security); this mirrors its
 * koers_may_write () from the people table, read once at opening.  The
 * passwords a person typed live here for the process's life, one per
 * address, so that every connection to it (a second window, a
 * reconnect) uses them. */

/* The login name, the Koers role, the department id and name of a head
 * or leader, and whether the person owns the schema (or bypasses its
 * row-level security, as a superuser does). */
static const char role_sql[] =
  "SELECT session_user, p.role, p.department_id, d.name,"
  " coalesce ((SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = session_user), false)"
  " OR pg_has_role (session_user, (SELECT relowner FROM pg_class"
  " WHERE oid = to_regclass ('objectives')), 'USAGE')"
  " FROM (SELECT 1) AS one LEFT JOIN people AS p ON p.name = session_user"
  " LEFT JOIN departments AS d ON d.id = p.department_id";

static int
read_identity (KoersDb             *db,
               KoersServerIdentity *identity,
               gint64              *department_id)
{
  g_autoptr (KoersDbStmt) stmt = NULL;
  int rc = koers_db_prepare (db, role_sql, &stmt);

  if (rc == KOERS_DB_OK)
    rc = koers_db_step (stmt);
  if (rc != KOERS_DB_ROW)
    return rc;
  identity->user = g_strdup (koers_db_column_text (stmt, 0));
  identity->department = g_strdup (koers_db_column_text (stmt, 3));
  *department_id = koers_db_column_int64 (stmt, 2);
  if (koers_db_column_int (stmt, 4) != 0)
    identity->role = KOERS_SERVER_ROLE_ADMIN;
  else if (!koers_server_role_from_string (koers_db_column_text (stmt, 1), &identity->role))
    identity->role = KOERS_SERVER_ROLE_NONE;
  if (identity->role != KOERS_SERVER_ROLE_HEAD && identity->role != KOERS_SERVER_ROLE_LEADER)
    {
      g_clear_pointer (&identity->department, g_free);
      *department_id = 0;
    }
  return KOERS_DB_OK;
}

gboolean
koers_store_server_read_role (KoersStore *self,
                              GError    **error)
{
  KoersServerIdentity identity = { 0 };
  gint64              department_id = 0;
  int                 rc = read_identity (self->db, &identity, &department_id);

  if (rc != KOERS_DB_OK)
    return koers_store_server_set_error (error, self->db, rc, self->path);
  g_free (self->server_user);
  self->server_user = g_steal_pointer (&identity.user);
  self->server_role = identity.role;
  self->role_department_id = department_id;
  g_free (identity.department);
  return TRUE;
}

KoersServerRole
koers_store_get_server_role (KoersStore *self)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), KOERS_SERVER_ROLE_NONE);

  return koers_store_is_server (self) ? (KoersServerRole) self->server_role
                                      : KOERS_SERVER_ROLE_ADMIN;
}

const char *
koers_store_get_server_user (KoersStore *self)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), NULL);

  return koers_store_is_server (self) ? self->server_user : NULL;
}

gint64
koers_store_get_role_department_id (KoersStore *self)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), 0);

  return koers_store_is_server (self) ? self->role_department_id : 0;
}

gboolean
koers_store_may_write_department (KoersStore *self,
                                  gint64      department_id)
{
  KoersDepartment *department;

  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);

  switch (koers_store_get_server_role (self))
    {
    case KOERS_SERVER_ROLE_ADMIN:
      return TRUE;
    case KOERS_SERVER_ROLE_LEADER:
      return department_id != 0 && department_id == self->role_department_id;
    case KOERS_SERVER_ROLE_HEAD:
      if (department_id == 0)
        return FALSE;
      if (department_id == self->role_department_id)
        return TRUE;
      /* Its teams: the departments whose parent it is. */
      department = koers_store_find_department (self, department_id);
      return department != NULL && koers_department_get_parent_id (department) == self->role_department_id;
    case KOERS_SERVER_ROLE_READER:
    case KOERS_SERVER_ROLE_NONE:
    default:
      return FALSE;
    }
}

gboolean
koers_store_may_write_objective (KoersStore     *self,
                                 KoersObjective *objective)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  g_return_val_if_fail (KOERS_IS_OBJECTIVE (objective), FALSE);

  return koers_store_may_write_department (self, koers_objective_get_department_id (objective));
}

gboolean
koers_store_may_manage_departments (KoersStore *self)
{
  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);

  return koers_store_get_server_role (self) == KOERS_SERVER_ROLE_ADMIN;
}

/* Passwords typed for an address: uri -> password. */
static GMutex      passwords_lock;
static GHashTable *passwords;

void
koers_store_server_set_password (const char *uri,
                                 const char *password)
{
  g_return_if_fail (uri != NULL);

  g_mutex_lock (&passwords_lock);
  if (passwords == NULL)
    passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (password != NULL)
    g_hash_table_replace (passwords, g_strdup (uri), g_strdup (password));
  else
    g_hash_table_remove (passwords, uri);
  g_mutex_unlock (&passwords_lock);
}

char *
koers_store_server_dup_password (const char *uri)
{
  char *password = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

  g_mutex_lock (&passwords_lock);
  if (passwords != NULL)
    password = g_strdup (g_hash_table_lookup (passwords, uri));
  g_mutex_unlock (&passwords_lock);
  return password;
}

/* The address. */

gboolean
koers_server_address_parse (const char         *uri,
                            KoersServerAddress *address)
{
  g_autoptr (GHashTable) parts = NULL;

  g_return_val_if_fail (address != NULL, FALSE);

  memset (address, 0, sizeof *address);
  if (!koers_db_is_server_uri (uri) || (parts = koers_db_parse_postgresql_conninfo (uri)) == NULL)
    return FALSE;
  address->host = g_strdup (g_hash_table_lookup (parts, "host"));
  address->port = g_strdup (g_hash_table_lookup (parts, "port"));
  address->dbname = g_strdup (g_hash_table_lookup (parts, "dbname"));
  address->user = g_strdup (g_hash_table_lookup (parts, "user"));
  address->sslmode = g_strdup (g_hash_table_lookup (parts, "sslmode"));
  return TRUE;
}

static gboolean
is_set (const char *part)
{
  return part != NULL && part[0] != '\0';
}

char *
koers_server_address_to_uri (const KoersServerAddress *address)
{
  GString *uri = g_string_new ("postgresql://");

  g_return_val_if_fail (address != NULL, NULL);

  if (is_set (address->user))
    {
      g_string_append_uri_escaped (uri, address->user, NULL, TRUE);
      g_string_append_c (uri, '@');
    }
  if (is_set (address->host))
    {
      /* An IPv6 address goes in brackets. */
      gboolean ipv6 = strchr (address->host, ':') != NULL;

      g_string_append (uri, ipv6 ? "[" : "");
      g_string_append_uri_escaped (uri, address->host, ipv6 ? ":" : NULL, TRUE);
      g_string_append (uri, ipv6 ? "]" : "");
    }
  if (is_set (address->port))
    g_string_append_printf (uri, ":%s", address->port);
  g_string_append_c (uri, '/');
  if (is_set (address->dbname))
    g_string_append_uri_escaped (uri, address->dbname, NULL, TRUE);
  if (is_set (address->sslmode))
    {
      g_string_append (uri, "?sslmode=");
      g_string_append_uri_escaped (uri, address->sslmode, NULL, TRUE);
    }
  return g_string_free (uri, FALSE);
}

void
koers_server_address_clear (KoersServerAddress *address)
{
  g_clear_pointer (&address->host, g_free);
  g_clear_pointer (&address->port, g_free);
  g_clear_pointer (&address->dbname, g_free);
  g_clear_pointer (&address->user, g_free);
  g_clear_pointer (&address->sslmode, g_free);
}

/* Test connection. */

void
koers_server_identity_free (KoersServerIdentity *identity)
{
  if (identity == NULL)
    return;
  g_free (identity->user);
  g_free (identity->department);
  g_free (identity);
}

KoersServerIdentity *
koers_store_server_test (const char *uri,
                         GError    **error)
{
  g_autoptr (KoersDb) db = koers_store_server_connect (uri, error);
  g_autoptr (KoersServerIdentity) identity = g_new0 (KoersServerIdentity, 1);
  gint64 department_id = 0;
  int    rc;

  if (db == NULL || !koers_store_server_check_schema (db, uri, error))
    return NULL;
  rc = read_identity (db, identity, &department_id);
  if (rc != KOERS_DB_OK)
    {
      koers_store_server_set_error (error, db, rc, uri);
      return NULL;
    }
  return g_steal_pointer (&identity);
}

static void
test_thread (GTask        *task,
             gpointer      source,
             gpointer      uri,
             GCancellable *cancellable)
{
  GError              *error = NULL;
  KoersServerIdentity *identity = koers_store_server_test (uri, &error);

  if (identity != NULL)
    g_task_return_pointer (task, identity, (GDestroyNotify) koers_server_identity_free);
  else
    g_task_return_error (task, error);
}

void
koers_store_server_test_async (const char         *uri,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  koers_store_run_text_task (uri, koers_store_server_test_async, test_thread, cancellable,
                             callback, user_data);
}

KoersServerIdentity *
koers_store_server_test_finish (GAsyncResult *result,
                                GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
