/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include "db/koers-db.h"
#include <unistd.h>

#include "koers-store-private.h"

/* SQLite's own messages ("database is locked", "UNIQUE constraint failed:
 * kpis.uuid") are English and name tables; people get a translated
 * sentence that names their file and what to do instead.  The code picks
 * the sentence, SQLite's text is never shown. */

/* clang-format would read the dashed name as a subtraction. */
/* clang-format off */
G_DEFINE_QUARK (koers-store-error-quark, koers_store_error)
/* clang-format on */

/* Only a file written with foreign keys off can hold an orphan. */
gboolean
koers_store_set_orphan_error (KoersStore *self,
                              GError    **error)
{
  g_autofree char *display = g_filename_display_name (self->path);

  g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CORRUPT,
               _ ("The database “%s” is damaged: it holds rows that belong to nothing"),
               display);
  return FALSE;
}

/* SQLite cannot create its journal (-wal, -shm, -journal) beside the
 * database in a folder it may not write; the folder is what to change. */
static gboolean
is_folder_read_only (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  return g_file_test (folder, G_FILE_TEST_IS_DIR) && g_access (folder, W_OK) != 0;
}

void
koers_store_set_sqlite_error (GError    **error,
                              int         rc,
                              const char *path)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *folder_display = g_filename_display_name (folder);

  switch (rc & 0xff)
    {
    case KOERS_DB_BUSY:
    case KOERS_DB_LOCKED:
      g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED,
                   _ ("The database “%s” is in use by another program that holds it locked. "
                      "Wait until it is done, or close it, and try again."),
                   display);
      return;

    case KOERS_DB_READONLY:
    case KOERS_DB_CANTOPEN:
    case KOERS_DB_PERM:
    case KOERS_DB_AUTH:
      if (rc == KOERS_DB_READONLY_DIRECTORY || is_folder_read_only (path))
        g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_OPEN,
                     _ ("The folder “%s” that holds the database “%s” is read-only, and Koers "
                        "needs to write beside the database. Move the database to a folder you "
                        "may write to, or ask for write access."),
                     folder_display, display);
      else if ((rc & 0xff) == KOERS_DB_CANTOPEN)
        g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_OPEN,
                     _ ("Koers cannot open the database “%s”. Check that the file exists and "
                        "that you may read and write it."),
                     display);
      else
        g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_OPEN,
                     _ ("The database “%s” is read-only, and Koers needs to write to it. "
                        "Ask for write access, or open a copy of your own."),
                     display);
      return;

    case KOERS_DB_FULL:
      g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED,
                   _ ("The disk that holds the database “%s” is full; the change was not saved. "
                      "Make room on the disk and try again."),
                   display);
      return;

    case KOERS_DB_CONSTRAINT:
      if (rc == KOERS_DB_CONSTRAINT_UNIQUE || rc == KOERS_DB_CONSTRAINT_PRIMARYKEY)
        g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                     _ ("The database “%s” already holds an item with the same identifier; "
                        "the change was not saved. Reload and try again, or merge the file "
                        "instead of adding it."),
                     display);
      else if (rc == KOERS_DB_CONSTRAINT_FOREIGNKEY)
        g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                     _ ("The change refers to an item that is no longer in the database “%s”; "
                        "it was not saved. Reload and try again."),
                     display);
      else
        g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                     _ ("The change does not fit the rules of the database “%s”; it was not "
                        "saved. Check the values and try again."),
                     display);
      return;

    case KOERS_DB_CORRUPT:
      g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CORRUPT,
                   _ ("The database “%s” is damaged; Koers left it unchanged. Restore it from "
                      "a backup, or import a JSON export into a new database."),
                   display);
      return;

    case KOERS_DB_NOTADB:
      g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_NOT_DATABASE,
                   _ ("“%s” is not a database file; Koers left it unchanged. Choose a Koers "
                      "database, or give a new file name to start one."),
                   display);
      return;

    case KOERS_DB_IOERR:
      g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED,
                   _ ("The disk reported an error while Koers read or wrote the database "
                      "“%s”. Check the disk (and the network, for a shared folder) and try "
                      "again."),
                   display);
      return;

    case KOERS_DB_NOMEM:
      g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED,
                   _ ("There was not enough memory to use the database “%s”. Close other "
                      "programs and try again."),
                   display);
      return;

    default:
      g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED,
                   /* Translators: %d is SQLite's result code, for a bug report. */
                   _ ("Koers could not use the database “%s” (SQLite error %d). Try again; "
                      "when it happens again, report it with this number."),
                   display, rc);
      return;
    }
}

void
koers_store_set_db_error (KoersStore *self,
                          int         rc,
                          GError    **error)
{
  if (koers_store_is_server (self) && koers_store_server_explain_error (self, rc, error))
    return;
  koers_store_set_sqlite_error (error, rc, self->path);
}
