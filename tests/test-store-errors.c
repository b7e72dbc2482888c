/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "koers-store-private.h"
#include "koers-test-store.h"
#include "test-language.h"

/* SQLite's result codes as sentences that name the user's file and what to
 * do, in English and in Dutch (this build's catalogue, TEST_LOCALEDIR),
 * never with SQLite's own English ("database is locked"). */

#define DB_PATH "/home/anna/Documenten/okr.db"

static const struct
{
  int             rc;
  KoersStoreError code;
  const char     *english; /* a word the English sentence holds */
} results[] = {
  { SQLITE_BUSY, KOERS_STORE_ERROR_FAILED, "in use by another program" },
  { SQLITE_LOCKED, KOERS_STORE_ERROR_FAILED, "in use by another program" },
  { SQLITE_BUSY_SNAPSHOT, KOERS_STORE_ERROR_FAILED, "in use by another program" },
  { SQLITE_READONLY, KOERS_STORE_ERROR_OPEN, "read-only" },
  { SQLITE_READONLY_DIRECTORY, KOERS_STORE_ERROR_OPEN, "The folder “/home/anna/Documenten”" },
  { SQLITE_CANTOPEN, KOERS_STORE_ERROR_OPEN, "cannot open" },
  { SQLITE_FULL, KOERS_STORE_ERROR_FAILED, "is full" },
  { SQLITE_CONSTRAINT_UNIQUE, KOERS_STORE_ERROR_CONSTRAINT, "same identifier" },
  { SQLITE_CONSTRAINT_PRIMARYKEY, KOERS_STORE_ERROR_CONSTRAINT, "same identifier" },
  { SQLITE_CONSTRAINT_FOREIGNKEY, KOERS_STORE_ERROR_CONSTRAINT, "no longer in the database" },
  { SQLITE_CONSTRAINT_CHECK, KOERS_STORE_ERROR_CONSTRAINT, "rules" },
  { SQLITE_CORRUPT, KOERS_STORE_ERROR_CORRUPT, "damaged" },
  { SQLITE_NOTADB, KOERS_STORE_ERROR_NOT_DATABASE, "not a database file" },
  { SQLITE_IOERR_WRITE, KOERS_STORE_ERROR_FAILED, "disk reported an error" },
  { SQLITE_NOMEM, KOERS_STORE_ERROR_FAILED, "memory" },
  { SQLITE_ERROR, KOERS_STORE_ERROR_FAILED, "SQLite error 1" },
};

static char *
describe (int rc,
          int expected_code)
{
  g_autoptr (GError) error = NULL;

  koers_store_set_sqlite_error (&error, rc, DB_PATH);
  g_assert_error (error, KOERS_STORE_ERROR, expected_code);
  /* The user's file, never SQLite's own text. */
  g_assert_nonnull (strstr (error->message, "“" DB_PATH "”"));
  g_assert_null (strstr (error->message, sqlite3_errstr (rc)));
  g_assert_null (strstr (error->message, "SQLITE_"));
  return g_strdup (error->message);
}

static void
test_sentences (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_autofree char *english = NULL;
      g_autofree char *dutch = NULL;

      use_language (KOERS_LANGUAGE_EN);
      english = describe (results[i].rc, results[i].code);
      if (strstr (english, results[i].english) == NULL)
        g_error ("rc %d: “%s” lacks “%s”", results[i].rc, english, results[i].english);

      use_language (KOERS_LANGUAGE_NL);
      dutch = describe (results[i].rc, results[i].code);
      g_assert_cmpstr (dutch, !=, english);
      g_assert_null (strstr (dutch, results[i].english));
      g_assert_null (strstr (dutch, "database is locked"));
    }
  use_language (KOERS_LANGUAGE_EN);
}

/* A real constraint from SQLite, through the store. */
static void
test_real_constraint (KoersTestDir *fixture,
                      gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersStore) store = koers_store_open (fixture->path, &error);

  g_assert_no_error (error);
  g_assert_false (koers_store_exec (store, "INSERT INTO departments SELECT * FROM departments",
                                    &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_null (strstr (error->message, "constraint failed"));
  g_assert_null (strstr (error->message, "departments."));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-errors/sentences", test_sentences);
  g_test_add ("/store-errors/real-constraint", KoersTestDir, NULL, koers_test_dir_setup,
              test_real_constraint, koers_test_dir_teardown);

  return g_test_run ();
}
