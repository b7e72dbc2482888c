/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every file Koers writes (reports, exports, new databases) goes through
 * here: it is written to a temporary file beside its target and renamed
 * over it when whole, so a reader, a crash or a kill sees the old file or
 * the new one, never a part. */

typedef enum
{
  KOERS_ATOMIC_FILE_DEFAULT = 0,
  /* A new file is readable by its owner only (0600): it holds notes. */
  KOERS_ATOMIC_FILE_PRIVATE = 1 << 0,
  /* The target must not exist: commit refuses a file that appeared. */
  KOERS_ATOMIC_FILE_NO_REPLACE = 1 << 1,
  /* An SQLite file: its -wal, -shm and -journal go with it. */
  KOERS_ATOMIC_FILE_DATABASE = 1 << 2,
} KoersAtomicFileFlags;

typedef struct _KoersAtomicFile KoersAtomicFile;

KoersAtomicFile *koers_atomic_file_new (const char          *path,
                                        KoersAtomicFileFlags flags,
                                        GError             **error);
int              koers_atomic_file_get_fd (KoersAtomicFile *self);
const char      *koers_atomic_file_get_temporary_path (KoersAtomicFile *self);
gboolean         koers_atomic_file_commit (KoersAtomicFile *self,
                                           GError         **error);
void             koers_atomic_file_free (KoersAtomicFile *self);

gboolean koers_atomic_file_set_contents (const char          *path,
                                         const char          *contents,
                                         gsize                length,
                                         KoersAtomicFileFlags flags,
                                         GError             **error);

char    *koers_atomic_file_resolve (const char *path);
gboolean koers_atomic_file_is_temporary_name (const char *name,
                                              const char *target_base);
void     koers_atomic_file_sweep (const char *path);
void     koers_atomic_file_remove_all (void);
void     koers_atomic_file_watch_signals (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersAtomicFile, koers_atomic_file_free)

G_END_DECLS
