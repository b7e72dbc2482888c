/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "io/report/koers-report-pages.h"
#include "koers-report-print.h"

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  KoersReportPages *pages = user_data;

  gtk_print_operation_set_n_pages (operation, koers_report_pages_get_n_pages (pages));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              gpointer           user_data)
{
  KoersReportPages *pages = user_data;

  koers_report_pages_draw (pages, gtk_print_context_get_cairo_context (context), page,
                           gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  GtkWidget *dialog;

  /* Plain text: the message may quote a department's name. */
  dialog = adw_message_dialog_new (parent, _ ("Could Not Print the Report"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
done_cb (GtkPrintOperation      *operation,
         GtkPrintOperationResult result,
         gpointer                user_data)
{
  GtkWindow *parent = user_data;
  g_autoptr (GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL && parent != NULL)
        show_error (parent, error);
    }
}

void
koers_report_print (GtkWindow                *parent,
                    KoersStore               *store,
                    const KoersReportOptions *opts)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autoptr (GtkPageSetup) setup = NULL;
  g_autoptr (GtkPaperSize) a4 = NULL;
  KoersReportPages *pages;

  g_return_if_fail (KOERS_IS_STORE (store));
  g_return_if_fail (opts != NULL);

  pages = koers_report_pages_new (store, opts, &error);
  if (pages == NULL)
    {
      if (parent != NULL)
        show_error (parent, error);
      return;
    }

  operation = gtk_print_operation_new ();
  /* The report is A4 portrait: the printer's page is proposed as such. */
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, _ ("OKR report"));
  gtk_print_operation_set_allow_async (operation, TRUE);
  /* The report has its own margins: the whole sheet is its page. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);

  g_object_set_data_full (G_OBJECT (operation), "koers-report-pages", pages,
                          (GDestroyNotify) koers_report_pages_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), pages);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), pages);
  if (parent != NULL)
    g_signal_connect_object (operation, "done", G_CALLBACK (done_cb), parent, 0);

  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (error != NULL && parent != NULL)
    show_error (parent, error);
}
