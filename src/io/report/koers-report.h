/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "core/koers-format.h"
#include "core/koers-period.h"
#include "store/koers-store.h"

G_BEGIN_DECLS

/* The board-meeting report: an A4 PDF with a cover, an executive summary,
 * the alignment of department objectives to company objectives, one section
 * per department and an appendix.  It reads only the model (the store's
 * lists and the entities' getters), and it is written in the language the
 * options ask for, whatever the language of the user interface. */

typedef struct
{
  /* The period the report covers: objectives whose period overlaps it. */
  KoersPeriod period;
  /* Departments to report on (ids), or NULL (or n 0) for the whole
   * company: every department, the company level included. */
  const gint64 *department_ids;
  guint         n_department_ids;
  KoersLanguage language;
  /* Show check-in notes (the latest note of each risk, chart captions). */
  gboolean include_notes;
  /* The name on the cover; NULL takes the store's organisation. */
  const char *organisation;
  /* The report date: statuses compare progress with what was expected on
   * that day.  An invalid (cleared) date means today (koers_date_today). */
  GDate generated;
} KoersReportOptions;

/* Defaults: the given period, the whole company, the UI language
 * (koers_format_get_language), notes included, today. */
void koers_report_options_init (KoersReportOptions *opts,
                                const KoersPeriod  *period);

/* fraction: 0..1.  Called on the thread that writes the report (see the
 * async variant for one that arrives on the caller's main context). */
typedef void (*KoersReportProgressFunc) (double   fraction,
                                         gpointer user_data);

/* Writes the report to path.  The PDF is written to a temporary file in the
 * same folder and renamed over path at the end, so a failure or a
 * cancellation leaves no file (and no half file) at path.  Reads the
 * model, so call it on the thread that owns the store.  Errors are
 * G_IO_ERROR with translated messages (G_IO_ERROR_CANCELLED on cancel). */
gboolean koers_report_write_pdf (KoersStore               *store,
                                 const KoersReportOptions *opts,
                                 const char               *path,
                                 KoersReportProgressFunc   progress,
                                 gpointer                  progress_data,
                                 GCancellable             *cancellable,
                                 GError                  **error);

/* Makes the fonts of the next report this process writes ready, in a
 * thread of its own: fontconfig's configuration, Pango's font sets and
 * metrics of each of the report's fonts, Cairo's glyphs of the letters and
 * signs it writes most.  A command that writes a report calls it before it
 * opens the database; the report's layout then takes that font map,
 * waiting for it if it is not ready yet: about a tenth of a small
 * report's time, spent beside the database's opening instead of after. */
void koers_report_warm_fonts (void);

/* For a dialog: takes a snapshot of the model now, on the calling thread,
 * then lays out and writes the PDF in a GTask thread.  progress is called on
 * the thread-default main context of the caller (may be NULL);
 * progress_data is freed with progress_destroy when the task is done. */
void     koers_report_write_pdf_async (KoersStore               *store,
                                       const KoersReportOptions *opts,
                                       const char               *path,
                                       KoersReportProgressFunc   progress,
                                       gpointer                  progress_data,
                                       GDestroyNotify            progress_destroy,
                                       GCancellable             *cancellable,
                                       GAsyncReadyCallback       callback,
                                       gpointer                  user_data);
gboolean koers_report_write_pdf_finish (KoersStore   *store,
                                        GAsyncResult *result,
                                        GError      **error);

/* Reads what the report of opts shows into a lazily opened store (its
 * period, its departments, every check-in of them), as
 * koers_report_write_pdf() does first: for other writers of the same
 * story (the HTML dashboard). */
gboolean koers_report_load_model (KoersStore               *store,
                                  const KoersReportOptions *opts,
                                  GError                  **error);

G_END_DECLS
