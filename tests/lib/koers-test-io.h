/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the JSON, CSV and template tests: a database with a bit of
 * everything in it, its export as text, and a fingerprint of its files. */

#include "io/koers-json.h"
#include "io/koers-templates.h"
#include "koers-test-store.h"

G_BEGIN_DECLS

/* The stamp tests pass so that exports compare as text. */
#define KOERS_TEST_EXPORTED_USEC G_GINT64_CONSTANT (1778841000123456)

/* The seed's templates (demo values), a team, check-ins, a carried-over
 * objective with its quarterly review (a grade of 0 among them),
 * dismissed quality findings, an organisation name, texts with quotes,
 * commas, line breaks and non-ASCII, and numbers that are not whole. */
void koers_test_populate_store (KoersStore *store);
/* The database file and its side files, as one string: equal strings
 * mean byte-identical files. */
char *koers_test_fingerprint_database (const char *path);
/* The whole export, the change log included. */
char *koers_test_export_full_text (KoersStore *store);
/* What an export says of the data, without the change log: every write,
 * an import's too, adds to the log, so two databases with the same data
 * have logs of their own. */
char *koers_test_strip_changes (const char *text);
/* The export without the change log. */
char *koers_test_export_text (KoersStore *store);

G_END_DECLS
