/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-report-data.h"
#include "koers-report-layout.h"
#include "koers-report-pages.h"
#include "koers-report-private.h"
#include "koers-report-sections.h"

struct _KoersReportPages
{
  KoersReportData   *data;
  KoersReportLayout *layout;
  int                n_pages;
};

KoersReportPages *
koers_report_pages_new (KoersStore               *store,
                        const KoersReportOptions *opts,
                        GError                  **error)
{
  KoersReportPages *pages;

  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (opts != NULL, NULL);

  if (!koers_report_load_model (store, opts, error))
    return NULL;

  pages = g_new0 (KoersReportPages, 1);
  pages->data = koers_report_data_collect (store, opts);
  pages->layout = koers_report_layout_new (pages->data);
  pages->layout->n_units = koers_report_sections_count_units (pages->data);

  /* The measuring pass counts the pages, as for the PDF. */
  koers_report_layout_begin_pass (pages->layout, NULL, 0);
  koers_report_run_sections (pages->layout);
  koers_report_layout_end_pass (pages->layout);
  pages->n_pages = pages->layout->page;

  return pages;
}

void
koers_report_pages_free (KoersReportPages *pages)
{
  if (pages == NULL)
    return;

  koers_report_layout_free (pages->layout);
  koers_report_data_free (pages->data);
  g_free (pages);
}

int
koers_report_pages_get_n_pages (KoersReportPages *pages)
{
  g_return_val_if_fail (pages != NULL, 0);

  return pages->n_pages;
}

void
koers_report_pages_draw (KoersReportPages *pages,
                         cairo_t          *cr,
                         int               page,
                         double            width,
                         double            height)
{
  double scale;

  g_return_if_fail (pages != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page >= 0 && page < pages->n_pages);

  scale = MIN (width / KOERS_REPORT_PAGE_WIDTH, height / KOERS_REPORT_PAGE_HEIGHT);

  cairo_save (cr);
  cairo_translate (cr, (width - KOERS_REPORT_PAGE_WIDTH * scale) / 2,
                   (height - KOERS_REPORT_PAGE_HEIGHT * scale) / 2);
  cairo_scale (cr, scale, scale);
  /* The whole report is laid out again, drawing only this page: the
   * layout of a page depends on every page before it. */
  koers_report_layout_begin_page_pass (pages->layout, cr, pages->n_pages, page + 1);
  koers_report_run_sections (pages->layout);
  koers_report_layout_end_pass (pages->layout);
  cairo_restore (cr);
}
