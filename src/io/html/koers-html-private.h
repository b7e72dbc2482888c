/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "koers-html-svg.h"
#include "koers-html-text.h"
#include "koers-html.h"
#include "report/koers-report-data.h"
#include "report/koers-report-kpis.h"

G_BEGIN_DECLS

/* The page being written. */
typedef struct
{
  const KoersReportData *data;
  KoersLanguage          lang;
  GString               *out;
  KoersHtmlCharts        charts;
} KoersHtml;

/* Sections, in koers-html-summary.c and koers-html-departments.c. */
void koers_html_section_summary (KoersHtml *html);
void koers_html_section_attention (KoersHtml *html);
void koers_html_section_alignment (KoersHtml *html);
void koers_html_section_departments (KoersHtml *html);

/* Shared pieces (koers-html.c). */
void koers_html_heading (KoersHtml  *html,
                         int         level,
                         const char *id,
                         const char *text);
/* A report word (not user text) as HTML text. */
void koers_html_word (KoersHtml     *html,
                      KoersReportStr id);
/* The status as a shape and a word: colour is never the only sign. */
void koers_html_status (KoersHtml    *html,
                        KoersKrStatus status);
void koers_html_kpi_status (KoersHtml     *html,
                            KoersKpiStatus status);
/* <th scope="col"> for each word. */
void koers_html_column_heads (KoersHtml            *html,
                              const KoersReportStr *columns,
                              guint                 n_columns);
/* <table class="klass"> with its caption (report text, not user text)
 * and its column heads. */
void koers_html_open_table (KoersHtml            *html,
                            const char           *klass,
                            const char           *caption,
                            const KoersReportStr *columns,
                            guint                 n_columns);
/* <td data-label="column">: the label stacks the cells on a phone. */
void koers_html_open_cell (KoersHtml     *html,
                           KoersReportStr column,
                           const char    *klass);
/* A chart in a <figure>, its caption the alt text. */
void koers_html_figure (KoersHtml         *html,
                        const char        *alt,
                        double             w,
                        KoersHtmlChartDraw draw,
                        gconstpointer      item);

G_END_DECLS
