/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "db/koers-db.h"
#include "koers-store-server.h"
#include "koers-test-server.h"

static KoersDb *
connect_to (const char *uri)
{
  KoersDb *db = NULL;
  int      rc = koers_db_open_postgresql (uri, &db);

  if (rc != KOERS_DB_OK)
    g_error ("%s: %d %s", uri, rc, db != NULL ? koers_db_errmsg (db) : "");
  return db;
}

/* The schema a URI of ours names. */
static char *
get_schema (const char *uri)
{
  const char *at = strstr (uri, "search_path%3D");

  g_assert_nonnull (at);
  return g_strdup (at + strlen ("search_path%3D"));
}

char *
koers_test_server_new_database (void)
{
  static guint counter;
  const char  *base = g_getenv ("KOERS_TEST_DATABASE");
  g_autoptr (GError) error = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *create = NULL;
  char            *uri;

  if (base == NULL || base[0] == '\0')
    return NULL;
  schema = g_strdup_printf ("koers_test_%d_%u", (int) getpid (), ++counter);
  create = g_strdup_printf ("CREATE SCHEMA %s", schema);
  koers_test_server_exec (base, create);
  uri = g_strdup_printf ("%s%coptions=-csearch_path%%3D%s", base, strchr (base, '?') ? '&' : '?',
                         schema);
  if (!koers_store_server_setup (uri, &error))
    g_error ("%s: %s", uri, error->message);
  return uri;
}

void
koers_test_server_drop_database (const char *uri)
{
  g_autofree char *schema = get_schema (uri);
  g_autofree char *drop = g_strdup_printf ("DROP SCHEMA %s CASCADE", schema);

  koers_test_server_exec (g_getenv ("KOERS_TEST_DATABASE"), drop);
}

void
koers_test_server_exec (const char *uri,
                        const char *sql)
{
  g_autoptr (KoersDb) db = connect_to (uri);
  int rc = koers_db_exec (db, sql);

  if (rc != KOERS_DB_OK)
    g_error ("%s: %d %s", sql, rc, koers_db_errmsg (db));
}

static KoersDbStmt *
query_first_row (KoersDb    *db,
                 const char *sql,
                 gboolean   *has_row)
{
  KoersDbStmt *stmt = NULL;
  int          rc;

  g_assert_cmpint (koers_db_prepare (db, sql, &stmt), ==, KOERS_DB_OK);
  rc = koers_db_step (stmt);
  if (rc != KOERS_DB_ROW && rc != KOERS_DB_DONE)
    g_error ("%s: %d %s", sql, rc, koers_db_errmsg (db));
  *has_row = rc == KOERS_DB_ROW;
  return stmt;
}

gint64
koers_test_server_query_int (const char *uri,
                             const char *sql)
{
  g_autoptr (KoersDb) db = connect_to (uri);
  gboolean has_row;
  g_autoptr (KoersDbStmt) stmt = query_first_row (db, sql, &has_row);

  return has_row ? koers_db_column_int64 (stmt, 0) : -1;
}

char *
koers_test_server_query_text (const char *uri,
                              const char *sql)
{
  g_autoptr (KoersDb) db = connect_to (uri);
  gboolean has_row;
  g_autoptr (KoersDbStmt) stmt = query_first_row (db, sql, &has_row);

  return has_row ? g_strdup (koers_db_column_text (stmt, 0)) : NULL;
}
