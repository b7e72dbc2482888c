/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include <gio/gio.h>

#include "db/koers-db.h"
#include "koers-store.h"

G_BEGIN_DECLS

/* The company server's schema (PostgreSQL), made from the column tables:
 * the entities' tables, the change log with its triggers (a row's
 * version rises with every update; every write logs its fields with the
 * database user as author and NOTIFYs KOERS_SERVER_CHANNEL), the roles
 * koers_admin, koers_head, koers_leader and koers_reader, and the
 * row-level security that lets a head write their department and its
 * teams, a leader their team, a reader nothing.  For the current schema
 * (search_path) of an empty database; run in one transaction. */
char *koers_store_server_get_setup_sql (void);
/* The part of it that lets the store's SQLite-dialect statements run
 * (koers-store-server-compat.c): SQLite's JSON functions, the settings
 * tables. */
const char *koers_store_server_get_compat_sql (void);

/* The channel the change log's trigger notifies, with the change's seq
 * as payload. */
#define KOERS_SERVER_CHANNEL "koers_changes"

typedef enum
{
  KOERS_SERVER_ROLE_ADMIN,
  KOERS_SERVER_ROLE_HEAD,
  KOERS_SERVER_ROLE_LEADER,
  KOERS_SERVER_ROLE_READER,
  /* Logged in, but without a Koers role: the server lets them write
   * nothing (not a word of --grant). */
  KOERS_SERVER_ROLE_NONE,
} KoersServerRole;

/* "admin", "head", "leader", "reader"; FALSE for another word. */
gboolean    koers_server_role_from_string (const char      *word,
                                           KoersServerRole *role);
const char *koers_server_role_to_string (KoersServerRole role);

/* uri without a password in it, to show. */
char *koers_store_server_display_uri (const char *uri);
/* Sets a translated KOERS_STORE_ERROR for the server at uri that answered
 * rc (a refused password, no connection, …); FALSE. */
gboolean koers_store_server_set_error (GError    **error,
                                       KoersDb    *db,
                                       int         rc,
                                       const char *uri);

/* Connects to the server at uri (with the password set for it, if any);
 * NULL and a translated KOERS_STORE_ERROR when uri is no server's address
 * or the server cannot be reached or refuses. */
KoersDb *koers_store_server_connect (const char *uri,
                                     GError    **error);
/* Does the database hold a Koers schema?  FALSE with a translated
 * KOERS_STORE_ERROR_FOREIGN (or the server's error) when not. */
gboolean koers_store_server_check_schema (KoersDb    *db,
                                          const char *uri,
                                          GError    **error);

G_END_DECLS

G_BEGIN_DECLS

/* koers --server-setup: connects to uri (a libpq URI) and sets up the
 * schema, the roles and the policies (koers_store_server_get_setup_sql())
 * in one transaction.  A database that holds a Koers schema already, a
 * URI that is not a server's, or a server that refuses, gives a
 * translated KOERS_STORE_ERROR and changes nothing. */
gboolean koers_store_server_setup (const char *uri,
                                   GError    **error);

G_END_DECLS

G_BEGIN_DECLS

/* koers --grant: person (a login role, made when it is not there yet)
 * gets role ("admin", "head", "leader", "reader"); a head or leader for
 * the department of that name.  --revoke takes every Koers role away.
 * As an administrator (the owner); in one transaction; a translated
 * KOERS_STORE_ERROR that changes nothing on a mistake. */
gboolean koers_store_server_grant (const char *uri,
                                   const char *person,
                                   const char *role,
                                   const char *department,
                                   GError    **error);
gboolean koers_store_server_revoke (const char *uri,
                                    const char *person,
                                    GError    **error);

G_END_DECLS

G_BEGIN_DECLS

/* Who the store is connected as (koers-store-server-role.c), read from
 * the server's people table when it opens: the widgets ask these and
 * never the server.  A file's store is its one person's: an
 * administrator, who may write everything.  The owner of the schema (or
 * a superuser) is an administrator too.  The user is the server's login
 * name (NULL for a file); the department that of a head or a leader (0
 * otherwise).  What the role lets them write: koers_store_may_write_*()
 * in koers-store.h. */
KoersServerRole koers_store_get_server_role (KoersStore *self);
const char     *koers_store_get_server_user (KoersStore *self);
gint64          koers_store_get_role_department_id (KoersStore *self);
/* The password for uri that this process uses when it connects there
 * (the window's password dialog, or the keyring), instead of ~/.pgpass
 * and PGPASSWORD; NULL forgets it.  Reconnects use it too. */
void  koers_store_server_set_password (const char *uri,
                                       const char *password);
char *koers_store_server_dup_password (const char *uri);

/* A server's address in its parts, as Preferences shows them; NULL or
 * empty parts are libpq's defaults. */
typedef struct
{
  char *host;
  char *port;
  char *dbname;
  char *user;
  char *sslmode; /* disable, prefer, require, verify-full, … */
} KoersServerAddress;

/* FALSE when uri is no libpq address. */
gboolean koers_server_address_parse (const char         *uri,
                                     KoersServerAddress *address);
/* postgresql://user@host:port/dbname?sslmode=…, each part escaped. */
char *koers_server_address_to_uri (const KoersServerAddress *address);
void  koers_server_address_clear (KoersServerAddress *address);

/* What "Test connection" learned: the server's login name, its Koers
 * role, and the department of a head or leader (NULL otherwise). */
typedef struct
{
  char           *user;
  KoersServerRole role;
  char           *department;
} KoersServerIdentity;

void koers_server_identity_free (KoersServerIdentity *identity);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersServerIdentity, koers_server_identity_free)

/* Connects to uri in a thread (with its password, if one was set),
 * checks it holds a Koers schema and reads who the person is there;
 * a translated KOERS_STORE_ERROR otherwise (KOERS_STORE_ERROR_NEEDS_PASSWORD
 * when the server asks for one).  Nothing is written. */
KoersServerIdentity *koers_store_server_test (const char *uri,
                                              GError    **error);
void                 koers_store_server_test_async (const char         *uri,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
KoersServerIdentity *koers_store_server_test_finish (GAsyncResult *result,
                                                     GError      **error);

G_END_DECLS
