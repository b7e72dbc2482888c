/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* The dialog that says why a database cannot be used: error is the
 * store's message, which names the file.  Callers add the responses. */
AdwMessageDialog *koers_database_dialog_new (GtkWindow    *parent,
                                             const GError *error);

/* Called with the store the person chose (path is its file) once they
 * opened another file or started a new database. */
typedef void (*KoersDatabaseChosenFunc) (KoersStore *store,
                                         const char *path,
                                         gpointer    user_data);

/* The start of the window without a usable database (path, refused with
 * error): a dialog explains it and offers to open another file, to start
 * a new database beside path (path itself is never written), or to quit.
 * chosen gets the store; on Quit the application ends without a window. */
void koers_database_dialog_rescue (GtkApplication         *application,
                                   const char             *path,
                                   const GError           *error,
                                   KoersDatabaseChosenFunc chosen,
                                   gpointer                user_data);

/* A name in path's folder that no file has: "koers (2).db" for
 * "koers.db", then (3), and so on. */
char *koers_database_dialog_find_free_path (const char *path);

G_END_DECLS
