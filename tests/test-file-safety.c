/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "core/koers-atomic-file.h"
#include "koers-json.h"
#include "koers-store-private.h"

/* The files Koers writes (koers-atomic-file.c), what the window imports
 * (koers_json_load_file()) and the journal mode of a database it only
 * reads (issue 15). */

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  fixture->dir = g_dir_make_tmp ("koers-files-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr (GFile) dir = g_file_new_for_path (fixture->dir);
  g_autoptr (GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                    G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                    NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, g_file_info_get_name (info), NULL);

      g_unlink (path);
      g_object_unref (info);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static guint
count_files (const char *dir_path)
{
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static int
get_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, expected);
}

static void
write_file (const char *path,
            const char *text,
            int         mode)
{
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

static void
test_modes (Fixture      *fixture,
            gconstpointer data)
{
  g_autofree char *private = fixture_path (fixture, "private.csv");
  g_autofree char *fresh = fixture_path (fixture, "new.csv");
  g_autofree char *secret = fixture_path (fixture, "secret.json");
  g_autoptr (GError) error = NULL;
  mode_t old_umask = umask (022);

  /* A replaced file keeps its mode. */
  write_file (private, "old", 0600);
  g_assert_true (koers_atomic_file_set_contents (private, "new", 3, KOERS_ATOMIC_FILE_DEFAULT,
                                                 &error));
  g_assert_no_error (error);
  assert_contents (private, "new");
  g_assert_cmpint (get_mode (private), ==, 0600);

  write_file (private, "old", 0640);
  g_assert_true (koers_atomic_file_set_contents (private, "newer", 5, KOERS_ATOMIC_FILE_PRIVATE,
                                                 &error));
  g_assert_cmpint (get_mode (private), ==, 0640);

  /* A new file: the umask decides, or private. */
  g_assert_true (koers_atomic_file_set_contents (fresh, "a", 1, KOERS_ATOMIC_FILE_DEFAULT, &error));
  g_assert_cmpint (get_mode (fresh), ==, 0644);
  g_assert_true (koers_atomic_file_set_contents (secret, "b", 1, KOERS_ATOMIC_FILE_PRIVATE, &error));
  g_assert_cmpint (get_mode (secret), ==, 0600);
  g_assert_no_error (error);

  g_assert_cmpuint (count_files (fixture->dir), ==, 3);
  umask (old_umask);
}

static void
test_symlink (Fixture      *fixture,
              gconstpointer data)
{
  g_autofree char *real = fixture_path (fixture, "real.pdf");
  g_autofree char *link = fixture_path (fixture, "link.pdf");
  g_autofree char *dangling = fixture_path (fixture, "dangling.pdf");
  g_autofree char *later = fixture_path (fixture, "later.pdf");
  g_autofree char *target = NULL;
  g_autoptr (GError) error = NULL;

  write_file (real, "old", 0600);
  g_assert_cmpint (symlink ("real.pdf", link), ==, 0);
  g_assert_true (koers_atomic_file_set_contents (link, "new", 3, KOERS_ATOMIC_FILE_DEFAULT, &error));
  g_assert_no_error (error);
  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, "real.pdf");
  assert_contents (real, "new");
  g_assert_cmpint (get_mode (real), ==, 0600);

  /* A link to a file that is not there yet: the file comes, the link stays. */
  g_assert_cmpint (symlink ("later.pdf", dangling), ==, 0);
  g_assert_true (koers_atomic_file_set_contents (dangling, "x", 1, KOERS_ATOMIC_FILE_DEFAULT,
                                                 &error));
  assert_contents (later, "x");
  g_assert_true (g_file_test (dangling, G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpuint (count_files (fixture->dir), ==, 4);
}

static void
test_refused_targets (Fixture      *fixture,
                      gconstpointer data)
{
  g_autofree char *folder = fixture_path (fixture, "folder.pdf");
  g_autofree char *taken = fixture_path (fixture, "taken.db");
  g_autoptr (KoersAtomicFile) file = NULL;
  g_autoptr (GError) error = NULL;

  /* A folder or a device is not replaced by a file. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (koers_atomic_file_set_contents (folder, "x", 1, KOERS_ATOMIC_FILE_DEFAULT,
                                                  &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);
  g_assert_false (koers_atomic_file_set_contents ("/dev/null", "x", 1, KOERS_ATOMIC_FILE_DEFAULT,
                                                  &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);

  /* NO_REPLACE: a file that appears meanwhile is kept, and the
   * temporary file goes. */
  file = koers_atomic_file_new (taken, KOERS_ATOMIC_FILE_NO_REPLACE, &error);
  g_assert_no_error (error);
  write_file (taken, "theirs", 0600);
  g_assert_false (koers_atomic_file_commit (file, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST);
  g_clear_error (&error);
  g_clear_pointer (&file, koers_atomic_file_free);
  assert_contents (taken, "theirs");
  g_assert_cmpuint (count_files (fixture->dir), ==, 2);

  g_assert_null (koers_atomic_file_new (taken, KOERS_ATOMIC_FILE_NO_REPLACE, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST);
}

static void
test_sweep (Fixture      *fixture,
            gconstpointer data)
{
  static const char *const kept[] = {
    ".report.pdf.backup",
    ".report.pdf.koers-old",
    "report.pdf.tmp",
    ".report.pdf.koers-AB12c.tmp",
    ".report.pdf.koers-AB12cd.tmpx",
    ".other.pdf.koers-AB12cd.tmp",
    ".report.pdf.XYZ123",
  };
  g_autofree char *target = fixture_path (fixture, "report.pdf");
  g_autofree char *stale = fixture_path (fixture, ".report.pdf.koers-AB12cd.tmp");
  g_autofree char *stale_wal = fixture_path (fixture, ".report.pdf.koers-AB12cd.tmp-wal");
  g_autofree char *orphan_shm = fixture_path (fixture, ".report.pdf.koers-ZZ99zz.tmp-shm");
  g_autoptr (KoersAtomicFile) live = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = fixture_path (fixture, kept[i]);

      write_file (path, "mine", 0600);
    }
  write_file (stale, "half", 0600);
  write_file (stale_wal, "half", 0600);
  write_file (orphan_shm, "half", 0600);

  /* A writer that is alive (it holds its file) keeps its file. */
  live = koers_atomic_file_new (target, KOERS_ATOMIC_FILE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (koers_atomic_file_is_temporary_name (
    strrchr (koers_atomic_file_get_temporary_path (live), G_DIR_SEPARATOR) + 1, "report.pdf"));

  /* The writer's start swept what a killed one left, and only that. */
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (orphan_shm, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = fixture_path (fixture, kept[i]);

      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  koers_atomic_file_sweep (target);
  g_assert_true (g_file_test (koers_atomic_file_get_temporary_path (live), G_FILE_TEST_EXISTS));
  g_assert_true (koers_atomic_file_commit (live, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (fixture->dir), ==, G_N_ELEMENTS (kept) + 1);
}

/* What a signal's source does: the files being written go, and no
 * later write starts (the process is ending).  In a subprocess, since
 * that state stays. */
static void
test_remove_all (Fixture      *fixture,
                 gconstpointer data)
{
  if (g_test_subprocess ())
    {
      g_autofree char *target = fixture_path (fixture, "big.pdf");
      g_autofree char *db = fixture_path (fixture, "new.db");
      g_autoptr (KoersAtomicFile) file = NULL;
      g_autoptr (KoersAtomicFile) database = NULL;
      g_autofree char *wal = NULL;
      g_autoptr (GError) error = NULL;

      file = koers_atomic_file_new (target, KOERS_ATOMIC_FILE_DEFAULT, &error);
      database = koers_atomic_file_new (db, KOERS_ATOMIC_FILE_DATABASE, &error);
      g_assert_no_error (error);
      wal = g_strconcat (koers_atomic_file_get_temporary_path (database), "-wal", NULL);
      write_file (wal, "log", 0600);
      g_assert_cmpuint (count_files (fixture->dir), ==, 3);

      koers_atomic_file_remove_all ();
      g_assert_cmpuint (count_files (fixture->dir), ==, 0);
      g_assert_false (koers_atomic_file_commit (file, &error));
      g_clear_error (&error);
      g_assert_null (koers_atomic_file_new (target, KOERS_ATOMIC_FILE_DEFAULT, &error));
      g_assert_nonnull (error);
      g_assert_cmpuint (count_files (fixture->dir), ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* The window's import reads a file whole: never a device or a pipe. */
static void
test_load_special_files (Fixture      *fixture,
                         gconstpointer data)
{
  g_autofree char *fifo = fixture_path (fixture, "pipe.json");
  g_autofree char *large = fixture_path (fixture, "large.json");
  g_autofree char *small = fixture_path (fixture, "small.json");
  g_autoptr (GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr (GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr (GFile) large_file = g_file_new_for_path (large);
  g_autoptr (GFile) small_file = g_file_new_for_path (small);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  int fd;

  g_assert_null (koers_json_load_file (zero, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_nonnull (strstr (error->message, "/dev/zero"));
  g_clear_error (&error);

  /* Opening a pipe would wait for a writer: it is not opened at all. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_null (koers_json_load_file (fifo_file, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);

  fd = g_open (large, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, KOERS_JSON_MAX_FILE_SIZE + 1), ==, 0);
  close (fd);
  g_assert_null (koers_json_load_file (large_file, &error));
  g_assert_error (error, KOERS_JSON_ERROR, KOERS_JSON_ERROR_TOO_LARGE);
  g_clear_error (&error);

  write_file (small, "{}", 0600);
  bytes = koers_json_load_file (small_file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 2);
}

static char *
query_journal_mode (const char *path)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char         *mode = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return mode;
}

static void
set_journal_mode_delete (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
}

/* A file is changed only by a write: opening and reading a database in
 * rollback-journal mode leaves it so; the first write makes it WAL. */
static void
test_journal_mode (Fixture      *fixture,
                   gconstpointer data)
{
  g_autofree char *path = fixture_path (fixture, "koers.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *mode = NULL;
  g_autoptr (KoersStore) store = NULL;
  g_autoptr (GError) error = NULL;
  gsize before_len, after_len;

  store = koers_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  mode = query_journal_mode (path);
  g_assert_cmpstr (mode, ==, "wal");
  g_clear_pointer (&mode, g_free);

  set_journal_mode_delete (path);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  store = koers_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (koers_store_load_all (store, &error));
  g_clear_object (&store);
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  mode = query_journal_mode (path);
  g_assert_cmpstr (mode, ==, "delete");
  g_clear_pointer (&mode, g_free);

  store = koers_store_open (path, &error);
  g_assert_true (koers_store_set_organisation (store, "Acme", &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  mode = query_journal_mode (path);
  g_assert_cmpstr (mode, ==, "wal");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/atomic-file/modes", test_modes);
  ADD ("/atomic-file/symlink", test_symlink);
  ADD ("/atomic-file/refused-targets", test_refused_targets);
  ADD ("/atomic-file/sweep", test_sweep);
  ADD ("/atomic-file/remove-all", test_remove_all);
  ADD ("/json/load-special-files", test_load_special_files);
  ADD ("/store/journal-mode", test_journal_mode);

#undef ADD

  return g_test_run ();
}
