/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "io/report/koers-report.h"

G_BEGIN_DECLS

/* Print…: the board report through GtkPrintOperation (the system's print
 * dialog, its preview and printers), each page drawn by the report's own
 * code (koers-report-pages.h).  Reads the model now; a failure shows a
 * message dialog over parent. */
void koers_report_print (GtkWindow                *parent,
                         KoersStore               *store,
                         const KoersReportOptions *opts);

G_END_DECLS
