/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The store tests on the company server: with KOERS_TEST_DATABASE set to
 * a libpq URI (tests/run-with-postgresql.sh), each test's store opens a
 * fresh schema on that server, set up by koers --server-setup's code,
 * instead of a file. */

#include <glib.h>

G_BEGIN_DECLS

/* A URI of a new, set-up schema on the test server; NULL without
 * KOERS_TEST_DATABASE. */
char *koers_test_server_new_database (void);
/* Drops the schema of uri (from koers_test_server_new_database()). */
void koers_test_server_drop_database (const char *uri);
/* Runs sql (SQLite's dialect) on uri; the test fails on an error. */
void koers_test_server_exec (const char *uri,
                             const char *sql);
/* The first column of the first row as an integer (-1: no row) or as
 * text (NULL: no row). */
gint64 koers_test_server_query_int (const char *uri,
                                    const char *sql);
char  *koers_test_server_query_text (const char *uri,
                                     const char *sql);

G_END_DECLS
