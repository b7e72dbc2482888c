/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "core/koers-period.h"
#include "store/koers-store.h"

G_BEGIN_DECLS

typedef enum
{
  KOERS_EXPORT_DATA_FORMAT_JSON, /* Koers's exchange format, for backup and merge */
  KOERS_EXPORT_DATA_FORMAT_CSV,  /* the report template's columns, for a spreadsheet */
} KoersExportDataFormat;

/* Export Data (JSON) and Export CSV (modal): what to export (all periods
 * or the window's period; all departments or chosen ones), then a file
 * chooser; the file is written at once and the main window shows a toast.
 * A failure shows a message dialog and leaves no file.  The CSV is in the
 * interface's language. */
#define KOERS_TYPE_EXPORT_DATA_DIALOG (koers_export_data_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KoersExportDataDialog, koers_export_data_dialog, KOERS, EXPORT_DATA_DIALOG, AdwWindow)

/* Takes the window's store, period and department, transient for it. */
GtkWidget            *koers_export_data_dialog_new (GtkWindow            *window,
                                                    KoersStore           *store,
                                                    const KoersPeriod    *period,
                                                    KoersDepartment      *department,
                                                    KoersExportDataFormat format);
KoersExportDataFormat koers_export_data_dialog_get_format (KoersExportDataDialog *self);
/* FALSE: only the window's period. */
gboolean koers_export_data_dialog_get_all_periods (KoersExportDataDialog *self);
void     koers_export_data_dialog_set_all_periods (KoersExportDataDialog *self,
                                                   gboolean               all_periods);
gboolean koers_export_data_dialog_get_all_departments (KoersExportDataDialog *self);
/* Ticks or clears a department's check row; ticking one switches to
 * chosen departments. */
void koers_export_data_dialog_set_department_chosen (KoersExportDataDialog *self,
                                                     KoersDepartment       *department,
                                                     gboolean               chosen);
/* The name the file chooser proposes: "koers-export-2026-Q2.json",
 * "koers-export-2026-05-15.json" for all periods, "OKR report 2026-Q2.csv". */
char *koers_export_data_dialog_get_suggested_name (KoersExportDataDialog *self);

/* What accepting the file chooser does: writes file; on success the
 * dialog closes and the main window shows a toast, on failure a message
 * dialog shows over the dialog (and FALSE).  Tests call it to bypass the
 * native chooser. */
gboolean koers_export_data_dialog_export_to (KoersExportDataDialog *self,
                                             GFile                 *file);

G_END_DECLS
