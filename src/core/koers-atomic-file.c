/* SPDX-License-Identifier: GPL-3.0-or-later */
/* renameat2() and RENAME_NOREPLACE. */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "koers-atomic-file.h"

/* A temporary file is named ".<target>.koers-XXXXXX.tmp" beside its
 * target (a rename stays on one file system), so that a sweep can tell it
 * from every file of the user's.  Its writer holds an flock() on it for
 * as long as it lives: a sweep removes only files nobody holds, that is
 * files a killed Koers left behind. */
#define TEMPORARY_INFIX ".koers-"
#define TEMPORARY_SUFFIX ".tmp"
#define MAX_SYMLINKS 40

struct _KoersAtomicFile
{
  char                *path;   /* as given, for messages */
  char                *target; /* path with its symbolic links followed */
  char                *tmp_path;
  KoersAtomicFileFlags flags;
  int                  fd;
  gboolean             committed;
};

static const char *const database_suffixes[] = { "-wal", "-shm", "-journal" };

/* The files being written, for a signal to remove. */
static GMutex     live_lock;
static GPtrArray *live_files;
static gboolean   closing;

static gboolean
set_write_error (GError    **error,
                 const char *path,
                 int         saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _ ("Could not write “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

/* Follows the symbolic links of the last component, as editors do: a
 * link stays a link, and the file it points to gets the new text.  A
 * dangling link yields the file it would point to. */
char *
koers_atomic_file_resolve (const char *path)
{
  g_autofree char *current = g_strdup (path);

  g_return_val_if_fail (path != NULL, NULL);

  for (guint i = 0; i < MAX_SYMLINKS; i++)
    {
      g_autofree char *link = g_file_read_link (current, NULL);
      g_autofree char *dir = NULL;

      if (link == NULL)
        break;

      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (link) ? g_steal_pointer (&link)
                                          : g_build_filename (dir, link, NULL);
    }

  return g_steal_pointer (&current);
}

static void
remove_files (const char *tmp_path,
              gboolean    database)
{
  g_unlink (tmp_path);
  for (guint i = 0; database && i < G_N_ELEMENTS (database_suffixes); i++)
    {
      g_autofree char *side = g_strconcat (tmp_path, database_suffixes[i], NULL);

      g_unlink (side);
    }
}

gboolean
koers_atomic_file_is_temporary_name (const char *name,
                                     const char *target_base)
{
  gsize       base_len = strlen (target_base);
  const char *p = name;

  if (p[0] != '.' || strncmp (p + 1, target_base, base_len) != 0)
    return FALSE;
  p += 1 + base_len;
  if (!g_str_has_prefix (p, TEMPORARY_INFIX))
    return FALSE;
  p += strlen (TEMPORARY_INFIX);
  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isalnum (p[i]))
      return FALSE;
  p += 6;
  if (!g_str_has_prefix (p, TEMPORARY_SUFFIX))
    return FALSE;
  p += strlen (TEMPORARY_SUFFIX);
  if (*p == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (database_suffixes); i++)
    if (strcmp (p, database_suffixes[i]) == 0)
      return TRUE;
  return FALSE;
}

/* A temporary file of ours that no living writer holds. */
static gboolean
is_abandoned (const char *tmp_path)
{
  GStatBuf st;
  gboolean abandoned = FALSE;
  int      fd;

  fd = g_open (tmp_path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid ())
    abandoned = flock (fd, LOCK_EX | LOCK_NB) == 0;
  close (fd);
  return abandoned;
}

/* Removes the temporary files a killed Koers left beside path, and only
 * those: a name of Koers's own pattern, owned by this user, not held by a
 * writer. */
void
koers_atomic_file_sweep (const char *path)
{
  g_autofree char *target = NULL;
  g_autofree char *dir_path = NULL;
  g_autofree char *base = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_return_if_fail (path != NULL);

  target = koers_atomic_file_resolve (path);
  dir_path = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *full = NULL;
      g_autofree char *main_path = NULL;
      const char      *suffix;
      GStatBuf         st;

      if (!koers_atomic_file_is_temporary_name (name, base))
        continue;

      full = g_build_filename (dir_path, name, NULL);
      suffix = g_strrstr (name, TEMPORARY_SUFFIX) + strlen (TEMPORARY_SUFFIX);
      if (*suffix == '\0')
        {
          if (is_abandoned (full))
            remove_files (full, TRUE);
          continue;
        }

      /* A database's side file whose temporary file is gone. */
      main_path = g_strndup (full, strlen (full) - strlen (suffix));
      if (g_lstat (main_path, &st) != 0 && errno == ENOENT &&
          g_lstat (full, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid ())
        g_unlink (full);
    }
}

/* A replaced file keeps its owner and mode: a private backup stays
 * private. */
static void
copy_owner_and_mode (int             fd,
                     const GStatBuf *st)
{
  GStatBuf own;

  if (fstat (fd, &own) == 0 && (own.st_uid != st->st_uid || own.st_gid != st->st_gid))
    {
      /* Only root may give a file away; the mode below still applies. */
      if (fchown (fd, st->st_uid, st->st_gid) != 0)
        g_debug ("Could not keep the owner of a replaced file: %s", g_strerror (errno));
    }
  if (fchmod (fd, st->st_mode & 0777) != 0)
    g_debug ("Could not keep the mode of a replaced file: %s", g_strerror (errno));
}

/* Called with live_lock held. */
static void
register_file_locked (KoersAtomicFile *self)
{
  if (live_files == NULL)
    live_files = g_ptr_array_new ();
  g_ptr_array_add (live_files, self);
}

/* Called with live_lock held. */
static void
unregister_file_locked (KoersAtomicFile *self)
{
  if (live_files != NULL)
    g_ptr_array_remove_fast (live_files, self);
}

KoersAtomicFile *
koers_atomic_file_new (const char          *path,
                       KoersAtomicFileFlags flags,
                       GError             **error)
{
  g_autoptr (KoersAtomicFile) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  GStatBuf         st;
  gboolean         exists;
  int              mode;
  int              saved_errno;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (KoersAtomicFile, 1);
  self->fd = -1;
  self->flags = flags;
  self->path = g_strdup (path);
  self->target = koers_atomic_file_resolve (path);

  exists = g_stat (self->target, &st) == 0;
  if (exists && !S_ISREG (st.st_mode))
    {
      g_autofree char *display = g_filename_display_name (path);

      /* A folder, a device or a pipe is not replaced by a file. */
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _ ("“%s” is not a regular file, and Koers writes only to a file: give the "
                      "name of a new file or of one to replace."),
                   display);
      return NULL;
    }
  if (exists && (flags & KOERS_ATOMIC_FILE_NO_REPLACE) != 0)
    {
      set_write_error (error, path, EEXIST);
      return NULL;
    }

  koers_atomic_file_sweep (self->target);

  dir = g_path_get_dirname (self->target);
  base = g_path_get_basename (self->target);
  self->tmp_path = g_strdup_printf ("%s%c.%s" TEMPORARY_INFIX "XXXXXX" TEMPORARY_SUFFIX,
                                    dir, G_DIR_SEPARATOR, base);
  /* 0666 lets the umask decide, as for any new file; a private or a
   * replaced file gets its mode below, never more open in between. */
  mode = exists || (flags & KOERS_ATOMIC_FILE_PRIVATE) != 0 ? 0600 : 0666;
  /* Made and listed under one hold of the lock: a signal's removal either
   * finds the file in the list or comes first, and then none is made. */
  g_mutex_lock (&live_lock);
  if (closing)
    {
      g_mutex_unlock (&live_lock);
      g_clear_pointer (&self->tmp_path, g_free);
      set_write_error (error, path, EINTR);
      return NULL;
    }
  self->fd = g_mkstemp_full (self->tmp_path, O_RDWR | O_CLOEXEC, mode);
  saved_errno = errno;
  if (self->fd >= 0)
    register_file_locked (self);
  g_mutex_unlock (&live_lock);
  if (self->fd < 0)
    {
      set_write_error (error, path, saved_errno);
      g_clear_pointer (&self->tmp_path, g_free);
      return NULL;
    }

  /* Held until the file is renamed or removed: a sweep leaves it alone. */
  if (flock (self->fd, LOCK_EX | LOCK_NB) != 0)
    g_debug ("Could not lock %s: %s", self->tmp_path, g_strerror (errno));

  if (exists)
    copy_owner_and_mode (self->fd, &st);

  return g_steal_pointer (&self);
}

int
koers_atomic_file_get_fd (KoersAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->fd;
}

const char *
koers_atomic_file_get_temporary_path (KoersAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->tmp_path;
}

/* Puts the temporary file in the target's place; with NO_REPLACE only
 * when there is still no file there (another process may have made one
 * meanwhile). */
static int
move_into_place (KoersAtomicFile *self)
{
  if ((self->flags & KOERS_ATOMIC_FILE_NO_REPLACE) == 0)
    return g_rename (self->tmp_path, self->target) == 0 ? 0 : errno;

  if (renameat2 (AT_FDCWD, self->tmp_path, AT_FDCWD, self->target, RENAME_NOREPLACE) == 0)
    return 0;
  if (errno != EINVAL && errno != ENOSYS)
    return errno;

  /* A file system without RENAME_NOREPLACE: link() refuses a name too. */
  if (link (self->tmp_path, self->target) != 0)
    return errno;
  g_unlink (self->tmp_path);
  return 0;
}

/* The rename itself on disk too, so that after a crash the name holds
 * the new file. */
static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int              fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  if (fsync (fd) != 0)
    g_debug ("Could not sync the folder %s: %s", dir, g_strerror (errno));
  close (fd);
}

gboolean
koers_atomic_file_commit (KoersAtomicFile *self,
                          GError         **error)
{
  int saved_errno;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);

  /* On disk before it takes the name: a crash leaves the old file or the
   * new one, never a part. */
  if (fsync (self->fd) != 0)
    return set_write_error (error, self->path, errno);

  /* Not while a signal is removing the temporary files. */
  g_mutex_lock (&live_lock);
  saved_errno = closing ? EINTR : move_into_place (self);
  if (saved_errno == 0)
    {
      self->committed = TRUE;
      unregister_file_locked (self);
    }
  g_mutex_unlock (&live_lock);

  if (saved_errno != 0)
    return set_write_error (error, self->path, saved_errno);

  sync_folder (self->target);
  return TRUE;
}

void
koers_atomic_file_free (KoersAtomicFile *self)
{
  if (self == NULL)
    return;

  g_mutex_lock (&live_lock);
  unregister_file_locked (self);
  if (!self->committed && self->tmp_path != NULL)
    remove_files (self->tmp_path, (self->flags & KOERS_ATOMIC_FILE_DATABASE) != 0);
  g_mutex_unlock (&live_lock);

  /* Closed after the removal: the lock keeps a sweep away until then. */
  if (self->fd >= 0)
    close (self->fd);

  g_free (self->path);
  g_free (self->target);
  g_free (self->tmp_path);
  g_free (self);
}

gboolean
koers_atomic_file_set_contents (const char          *path,
                                const char          *contents,
                                gsize                length,
                                KoersAtomicFileFlags flags,
                                GError             **error)
{
  g_autoptr (KoersAtomicFile) file = koers_atomic_file_new (path, flags, error);
  gsize written = 0;

  if (file == NULL)
    return FALSE;

  while (written < length)
    {
      gssize n = write (file->fd, contents + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return set_write_error (error, path, errno);
      written += n;
    }

  return koers_atomic_file_commit (file, error);
}

/* From the signal's source: no half file stays behind.  Later writes are
 * refused, since the process is about to end. */
void
koers_atomic_file_remove_all (void)
{
  g_mutex_lock (&live_lock);
  closing = TRUE;
  for (guint i = 0; live_files != NULL && i < live_files->len; i++)
    {
      KoersAtomicFile *file = g_ptr_array_index (live_files, i);

      remove_files (file->tmp_path, (file->flags & KOERS_ATOMIC_FILE_DATABASE) != 0);
    }
  g_mutex_unlock (&live_lock);
}

static gboolean
signal_cb (gpointer user_data)
{
  int              signum = GPOINTER_TO_INT (user_data);
  struct sigaction action = { 0 };

  koers_atomic_file_remove_all ();

  /* Then end as the signal would have: the caller sees which one. */
  action.sa_handler = SIG_DFL;
  sigemptyset (&action.sa_mask);
  sigaction (signum, &action, NULL);
  raise (signum);

  return G_SOURCE_REMOVE;
}

/* SIGINT and SIGTERM remove the temporary files before the process ends;
 * the main context must run for that (the command line runs its command
 * in a thread). */
void
koers_atomic_file_watch_signals (void)
{
  static gsize watching = 0;

  if (g_once_init_enter (&watching))
    {
      g_unix_signal_add (SIGINT, signal_cb, GINT_TO_POINTER (SIGINT));
      g_unix_signal_add (SIGTERM, signal_cb, GINT_TO_POINTER (SIGTERM));
      g_once_init_leave (&watching, 1);
    }
}
