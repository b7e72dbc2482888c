/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "io/koers-json.h"
#include "store/koers-store.h"

G_BEGIN_DECLS

/* Import Data (modal): what importing a Koers JSON file would do, checked
 * without writing: per kind how much is added, updated and unchanged, the
 * conflicts by name (the database's newer copy is kept), the dismissed
 * findings and the organisation name.  Merge (the default) or Import as
 * New; Cancel writes nothing, Merge or Import writes it all in one
 * transaction and the main window shows a toast. */
#define KOERS_TYPE_IMPORT_DIALOG (koers_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KoersImportDialog, koers_import_dialog, KOERS, IMPORT_DIALOG, AdwWindow)

/* Checks file for a merge, in a thread (a company's backup takes
 * seconds: the window stays responsive meanwhile), and makes the dialog;
 * finish gives NULL with the reason when the file cannot be read or is
 * not a valid Koers file (the message names each problem by its JSON
 * path, translated).  Transient for window; the toast shows in it.  A
 * file with a local path is streamed, whatever size an export can have. */
void koers_import_dialog_new_async (GtkWindow          *window,
                                    KoersStore         *store,
                                    GFile              *file,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data);
/* (transfer none): GTK owns the window. */
GtkWidget          *koers_import_dialog_new_finish (GAsyncResult *result,
                                                    GError      **error);
KoersJsonImportMode koers_import_dialog_get_mode (KoersImportDialog *self);
/* Checks the file again for mode (in a thread, as at first). */
void koers_import_dialog_set_mode (KoersImportDialog  *self,
                                   KoersJsonImportMode mode);
/* (nullable) (transfer none): what Merge or Import would do; NULL when
 * the file cannot be imported in this mode (the dialog says why). */
KoersImportPlan *koers_import_dialog_get_plan (KoersImportDialog *self);
/* Whether a check of the file (after a change of mode, or of the
 * database) runs: the plan is NULL and the button insensitive meanwhile. */
gboolean koers_import_dialog_is_checking (KoersImportDialog *self);
/* What the Merge or Import button does: writes the plan; on success the
 * dialog closes and the main window shows a toast.  When the database
 * changed since the check, the file is checked again and nothing is
 * written (KOERS_JSON_ERROR_STALE); on any failure nothing is written. */
gboolean koers_import_dialog_apply (KoersImportDialog *self,
                                    GError           **error);

G_END_DECLS
