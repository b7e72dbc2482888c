/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "core/koers-format.h"
#include "core/koers-period.h"
#include "store/koers-store.h"

G_BEGIN_DECLS

/* The Export Report window (modal): the period, the scope (the whole
 * company or chosen departments), the language and whether to include
 * check-in notes; then a file chooser, a progress bar while the PDF is
 * written (Cancel stops it and leaves no file), and a toast with Open in
 * the main window when it is done.  A failure shows a message dialog. */
#define KOERS_TYPE_REPORT_DIALOG (koers_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KoersReportDialog, koers_report_dialog, KOERS, REPORT_DIALOG, AdwWindow)

/* Takes the window's store, period and department, transient for it;
 * the toast shows in it. */
GtkWidget *koers_report_dialog_new (GtkWindow         *window,
                                    KoersStore        *store,
                                    const KoersPeriod *period,
                                    KoersDepartment   *department);

/* The same window for the intranet dashboard (Export Dashboard): the same
 * choices, an HTML page instead of the PDF. */
GtkWidget *koers_report_dialog_new_dashboard (GtkWindow         *window,
                                              KoersStore        *store,
                                              const KoersPeriod *period,
                                              KoersDepartment   *department);

/* The report's settings as the dialog shows them. */
void koers_report_dialog_get_period (KoersReportDialog *self,
                                     KoersPeriod       *out);
/* Selects period in the period list (added to it when missing). */
void          koers_report_dialog_set_period (KoersReportDialog *self,
                                              const KoersPeriod *period);
KoersLanguage koers_report_dialog_get_language (KoersReportDialog *self);
void          koers_report_dialog_set_language (KoersReportDialog *self,
                                                KoersLanguage      language);
gboolean      koers_report_dialog_get_whole_company (KoersReportDialog *self);
/* Ticks or clears a department's check row; ticking one switches the
 * scope to chosen departments. */
void koers_report_dialog_set_department_chosen (KoersReportDialog *self,
                                                KoersDepartment   *department,
                                                gboolean           chosen);
/* The chosen departments' ids in the sidebar's order (empty for the whole
 * company); new array of gint64. */
GArray *koers_report_dialog_get_department_ids (KoersReportDialog *self);
/* The name the file chooser proposes, in the report's language:
 * "OKR report 2026-Q2.pdf", "OKR-rapport 2026-Q2.pdf". */
char *koers_report_dialog_get_suggested_name (KoersReportDialog *self);
/* TRUE while a report is being written. */
gboolean koers_report_dialog_get_busy (KoersReportDialog *self);

/* What accepting the file chooser does: writes the report to file in the
 * background, with progress.  On success the dialog closes and the main
 * window shows a toast; on failure a message dialog shows over the dialog.
 * Tests call it to bypass the native chooser. */
void koers_report_dialog_export_to (KoersReportDialog *self,
                                    GFile             *file);

/* Print… uses the same window and choices: in print mode its title is
 * Print Report and its button Print…, which closes it and opens the
 * system's print dialog (koers-report-print.h) over the main window. */
void     koers_report_dialog_set_print_mode (KoersReportDialog *self,
                                             gboolean           print_mode);
gboolean koers_report_dialog_get_print_mode (KoersReportDialog *self);
/* What Print… does; tests call it. */
void koers_report_dialog_print (KoersReportDialog *self);

G_END_DECLS
