/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "io/koers-csv-import.h"
#include "store/koers-store.h"

G_BEGIN_DECLS

/* Import Spreadsheet (modal): the columns of a CSV file and what each
 * holds (corrected with a drop-down per column), whether missing levels
 * become departments and how numbers are written, and the preview: what
 * is added, what is updated and every problem by row and column.  Import
 * is possible only without problems and writes it all in one
 * transaction; Cancel writes nothing. */
#define KOERS_TYPE_CSV_IMPORT_DIALOG (koers_csv_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KoersCsvImportDialog, koers_csv_import_dialog, KOERS, CSV_IMPORT_DIALOG, AdwWindow)

/* import: (transfer full) a file read with koers_csv_import_new();
 * period: the one it goes into (the window's). */
GtkWidget      *koers_csv_import_dialog_new (KoersStore        *store,
                                             KoersCsvImport    *import,
                                             const KoersPeriod *period);
KoersCsvImport *koers_csv_import_dialog_get_import (KoersCsvImportDialog *self);
/* What the drop-down of column shows and sets (as a person choosing). */
void koers_csv_import_dialog_set_field (KoersCsvImportDialog *self,
                                        guint                 column,
                                        KoersCsvField         field);
/* The preview's rows as shown (AdwActionRow titles), for tests. */
guint       koers_csv_import_dialog_get_n_preview_rows (KoersCsvImportDialog *self);
const char *koers_csv_import_dialog_get_preview_row (KoersCsvImportDialog *self,
                                                     guint                 i);

G_END_DECLS
