/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "db/koers-db.h"

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
