/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a statement written in SQLite's dialect becomes on PostgreSQL. */
typedef struct
{
  char    *sql;          /* the PostgreSQL text; NULL: nothing to run */
  int      n_params;     /* the highest $N it uses */
  gboolean returning_id; /* " RETURNING id" was added: the row's id */
  /* n_params types for PQexecParams: 0 (the server infers it) for a
   * parameter the text uses, text for one it skips (a statement may be
   * bound more than it reads; PostgreSQL needs a type for each). */
  unsigned int *param_types;
} KoersDbPgStatement;

/* Translates one statement (or, for exec, several): ?N and ? become $N,
 * BEGIN IMMEDIATE a plain BEGIN, INSERT OR IGNORE an ON CONFLICT DO
 * NOTHING, an INSERT into a table with an id column returns that id,
 * the column types of DDL become PostgreSQL's (INTEGER PRIMARY KEY an
 * identity), and a PRAGMA nothing.  Text in quotes is left as it is. */
void koers_db_dialect_to_postgresql (const char         *sql,
                                     KoersDbPgStatement *out);
void koers_db_pg_statement_clear (KoersDbPgStatement *statement);

G_END_DECLS
