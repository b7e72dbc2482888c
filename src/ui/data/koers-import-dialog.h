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

/* Reads and checks file for a merge; NULL with the reason when it cannot
 * be read or is not a valid Koers file (the message names each problem
 * by its JSON path, translated).  Transient for window; the toast shows
 * in it. */
GtkWidget          *koers_import_dialog_new      (GtkWindow            *window,
                                                  KoersStore           *store,
                                                  GFile                *file,
                                                  GError              **error);
KoersJsonImportMode koers_import_dialog_get_mode (KoersImportDialog    *self);
/* Checks the file again for mode. */
void                koers_import_dialog_set_mode (KoersImportDialog    *self,
                                                  KoersJsonImportMode   mode);
/* (nullable) (transfer none): what Merge or Import would do; NULL when
 * the file cannot be imported in this mode (the dialog says why). */
KoersImportPlan    *koers_import_dialog_get_plan (KoersImportDialog    *self);
/* What the Merge or Import button does: writes the plan; on success the
 * dialog closes and the main window shows a toast.  When the database
 * changed since the check, the file is checked again and nothing is
 * written (KOERS_JSON_ERROR_STALE); on any failure nothing is written. */
gboolean            koers_import_dialog_apply    (KoersImportDialog    *self,
                                                  GError              **error);

G_END_DECLS
