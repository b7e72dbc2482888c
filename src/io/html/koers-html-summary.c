/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "report/koers-report-charts.h"
#include "koers-html-private.h"

/* What the summary and "needs attention" show: the PDF summary's figures
 * and lists, as text, tables and the same charts. */

#define TOP_RISK_CHARTS 5
#define SMALL_CHART_WIDTH 240.0

typedef struct
{
  const char  *label;
  const guint *counts;
} StatusBar;

static void
draw_status_bar_cb (KoersReportLayout *layout,
                    gconstpointer      item,
                    double             w)
{
  const StatusBar *bar = item;

  koers_report_chart_status_bar (layout, bar->label, bar->counts);
}

static void
draw_department_scores_cb (KoersReportLayout *layout,
                           gconstpointer      item,
                           double             w)
{
  koers_report_chart_department_scores (layout);
}

static void
draw_key_result_cb (KoersReportLayout *layout,
                    gconstpointer      item,
                    double             w)
{
  layout->y += koers_report_chart_single (layout, koers_report_chart_fill_key_result, item, KOERS_REPORT_MARGIN_X,
                                          layout->y, w);
}

static void
append_tile (KoersHtml     *html,
             KoersReportStr label,
             const char    *figure,
             const char    *note)
{
  g_string_append (html->out, "<div class=\"tile\"><p class=\"label\">");
  koers_html_word (html, label);
  g_string_append (html->out, "</p><p class=\"figure\">");
  koers_html_append_text (html->out, figure);
  g_string_append (html->out, "</p><p>");
  koers_html_append_text (html->out, note);
  g_string_append (html->out, "</p></div>\n");
}

static void
append_tiles (KoersHtml               *html,
              const KoersReportTotals *totals)
{
  KoersLanguage    lang = html->lang;
  guint            n_committed = totals->committed_achieved + totals->committed_missed + totals->committed_open;
  g_autofree char *score = koers_format_score (lang, totals->score, 2);
  g_autofree char *n_objectives = koers_report_count_format (lang, KOERS_REPORT_COUNT_OBJECTIVES,
                                                             html->data->objectives->len);
  g_autofree char *n_krs = koers_report_count_format (lang, KOERS_REPORT_COUNT_KEY_RESULTS,
                                                      html->data->n_key_results);
  g_autofree char *score_note = koers_report_str_format (lang, KOERS_REPORT_STR_OVERALL_SCORE_NOTE,
                                                         n_objectives, n_krs, NULL);
  g_autofree char *achieved = koers_format_number (lang, totals->committed_achieved, 0);
  g_autofree char *missed = koers_format_number (lang, totals->committed_missed, 0);
  g_autofree char *open = koers_format_number (lang, totals->committed_open, 0);
  g_autofree char *all = koers_format_number (lang, n_committed, 0);
  g_autofree char *committed = g_strdup_printf ("%s / %s", achieved, all);
  g_autofree char *committed_note = koers_report_str_format (lang, KOERS_REPORT_STR_COMMITTED_LINE,
                                                             achieved, missed, open);
  g_autofree char *aspirational = koers_format_score (lang, totals->aspirational_mean, 2);
  g_autofree char *goal = koers_format_score (lang, 0.7, 1);
  g_autofree char *n_aspirational = koers_report_count_format (lang, KOERS_REPORT_COUNT_OBJECTIVES,
                                                               totals->n_aspirational);
  g_autofree char *aspirational_note = NULL;

  if (totals->n_aspirational > 0)
    aspirational_note = koers_report_str_format (lang, KOERS_REPORT_STR_ASPIRATIONAL_LINE, aspirational,
                                                 goal, n_aspirational);
  else
    aspirational_note = g_strdup (koers_report_str (lang, KOERS_REPORT_STR_ASPIRATIONAL_NONE));

  g_string_append (html->out, "<div class=\"tiles\">\n");
  append_tile (html, KOERS_REPORT_STR_OVERALL_SCORE, score, score_note);
  append_tile (html, KOERS_REPORT_STR_COMMITTED, committed, committed_note);
  append_tile (html, KOERS_REPORT_STR_ASPIRATIONAL, totals->n_aspirational > 0 ? aspirational : "—",
               aspirational_note);
  g_string_append (html->out, "</div>\n");
}

/* "Achieved 3, On track 5, …": a status chart's alt text. */
static char *
describe_counts (KoersLanguage lang,
                 const guint  *counts)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (koers_report_status_order); i++)
    {
      g_autofree char *n = koers_format_number (lang, counts[koers_report_status_order[i]], 0);

      g_string_append_printf (text, "%s%s %s", i > 0 ? ", " : "",
                              koers_report_status_label (lang, koers_report_status_order[i]), n);
    }
  return g_string_free (text, FALSE);
}

static void
append_status_chart (KoersHtml     *html,
                     KoersReportStr label,
                     const guint   *counts)
{
  StatusBar        bar = { koers_report_str (html->lang, label), counts };
  g_autofree char *list = describe_counts (html->lang, counts);
  g_autofree char *alt = koers_report_text_expand (koers_html_str (html->lang, KOERS_HTML_STR_CHART_STATUS_ALT),
                                                   bar.label, list, NULL);

  koers_html_figure (html, alt, KOERS_REPORT_CONTENT_WIDTH, draw_status_bar_cb, &bar);
}

/* The same counts as a table: status, objectives, key results. */
static void
append_status_table (KoersHtml               *html,
                     const KoersReportTotals *totals)
{
  static const KoersReportStr columns[] = {
    KOERS_REPORT_STR_COL_STATUS,
    KOERS_REPORT_STR_OBJECTIVES,
    KOERS_REPORT_STR_KEY_RESULTS,
  };

  koers_html_open_table (html, "counts", koers_html_str (html->lang, KOERS_HTML_STR_STATUS_COUNTS), columns,
                         G_N_ELEMENTS (columns));
  g_string_append (html->out, "<tbody>\n");
  for (guint i = 0; i < G_N_ELEMENTS (koers_report_status_order); i++)
    {
      KoersKrStatus    status = koers_report_status_order[i];
      g_autofree char *objectives = koers_format_number (html->lang, totals->objectives_by_status[status], 0);
      g_autofree char *krs = koers_format_number (html->lang, totals->key_results_by_status[status], 0);

      g_string_append (html->out, "<tr><th scope=\"row\">");
      koers_html_status (html, status);
      g_string_append (html->out, "</th>");
      koers_html_open_cell (html, KOERS_REPORT_STR_OBJECTIVES, "num");
      g_string_append_printf (html->out, "%s</td>", objectives);
      koers_html_open_cell (html, KOERS_REPORT_STR_KEY_RESULTS, "num");
      g_string_append_printf (html->out, "%s</td></tr>\n", krs);
    }
  g_string_append (html->out, "</tbody></table>\n");
}

static void
append_kpi_line (KoersHtml *html)
{
  static const KoersKpiStatus order[] = {
    KOERS_KPI_STATUS_HEALTHY,
    KOERS_KPI_STATUS_NEEDS_ATTENTION,
    KOERS_KPI_STATUS_UNHEALTHY,
    KOERS_KPI_STATUS_NONE,
  };
  guint counts[KOERS_KPI_STATUS_UNHEALTHY + 1];

  if (koers_report_kpis_count (html->data, counts) == 0)
    return;

  g_string_append (html->out, "<p class=\"kpis\"><strong>");
  koers_html_word (html, KOERS_REPORT_STR_KPIS);
  g_string_append (html->out, "</strong>");
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *n = koers_format_number (html->lang, counts[order[i]], 0);

      g_string_append (html->out, " ");
      koers_html_kpi_status (html, order[i]);
      g_string_append_printf (html->out, " %s", n);
    }
  g_string_append (html->out, "</p>\n");
}

static void
append_department_scores (KoersHtml *html)
{
  const KoersReportData *data = html->data;
  g_autofree char       *goal = koers_format_score (html->lang, 0.7, 1);
  g_autoptr (GString) list = g_string_new (NULL);
  g_autofree char *alt = NULL;

  for (guint i = 0; i < data->departments->len; i++)
    {
      const KoersReportDepartment *dept = g_ptr_array_index (data->departments, i);
      g_autofree char             *score = NULL;

      if (dept->objectives->len == 0)
        continue;
      score = koers_format_score (html->lang, dept->score, 2);
      g_string_append_printf (list, "%s%s %s", list->len > 0 ? "; " : "", dept->name, score);
    }
  if (list->len == 0)
    return;

  koers_html_heading (html, 3, NULL, koers_report_str (html->lang, KOERS_REPORT_STR_SCORE_PER_DEPARTMENT));
  alt = koers_report_text_expand (koers_html_str (html->lang, KOERS_HTML_STR_CHART_SCORES_ALT), goal,
                                  list->str, NULL);
  koers_html_figure (html, alt, KOERS_REPORT_CONTENT_WIDTH, draw_department_scores_cb, NULL);
}

void
koers_html_section_summary (KoersHtml *html)
{
  KoersReportTotals totals;

  koers_report_data_get_totals (html->data, &totals);

  g_string_append (html->out, "<section aria-labelledby=\"summary\">\n");
  koers_html_heading (html, 2, "summary", koers_report_str (html->lang, KOERS_REPORT_STR_SUMMARY));
  append_tiles (html, &totals);
  g_string_append (html->out, "<div class=\"split\"><div>\n");
  append_status_table (html, &totals);
  append_kpi_line (html);
  g_string_append (html->out, "</div><div>\n");
  append_status_chart (html, KOERS_REPORT_STR_OBJECTIVES, totals.objectives_by_status);
  append_status_chart (html, KOERS_REPORT_STR_KEY_RESULTS, totals.key_results_by_status);
  g_string_append (html->out, "</div></div>\n");
  append_department_scores (html);
  g_string_append (html->out, "</section>\n");
}

/* "600 → 1.200 leads, now 900, At risk": a key result chart's alt text. */
static char *
describe_key_result (KoersLanguage               lang,
                     const KoersReportKeyResult *kr)
{
  g_autofree char *start = koers_format_metric (lang, kr->metric_kind, kr->unit, kr->start);
  g_autofree char *target = koers_format_metric (lang, kr->metric_kind, kr->unit, kr->target);
  g_autofree char *current = koers_format_metric (lang, kr->metric_kind, kr->unit, kr->current);
  g_autofree char *now = koers_report_str_format (lang, KOERS_REPORT_STR_NOW, current, NULL, NULL);
  g_autofree char *values = g_strdup_printf ("%s → %s, %s, %s", start, target, now,
                                             koers_report_status_label (lang, kr->status));

  return koers_report_text_expand (koers_html_str (lang, KOERS_HTML_STR_CHART_KR_ALT), kr->title, values,
                                   NULL);
}

static void
append_risks (KoersHtml *html)
{
  static const KoersReportStr columns[] = {
    KOERS_REPORT_STR_COL_KEY_RESULT,
    KOERS_REPORT_STR_COL_DEPARTMENT,
    KOERS_REPORT_STR_COL_STATUS,
    KOERS_REPORT_STR_COL_PROGRESS,
    KOERS_REPORT_STR_COL_NOTE,
  };
  g_autoptr (GPtrArray) risks = koers_report_data_list_risks (html->data);
  GString *out = html->out;

  koers_html_heading (html, 3, "top-risks", koers_report_str (html->lang, KOERS_REPORT_STR_TOP_RISKS));
  if (risks->len == 0)
    {
      g_string_append (out, "<p>");
      koers_html_word (html, KOERS_REPORT_STR_NO_RISKS);
      g_string_append (out, "</p>\n");
      return;
    }

  /* Named by its heading: a caption would say the same again. */
  g_string_append (out, "<table class=\"stack\" aria-labelledby=\"top-risks\">\n");
  koers_html_column_heads (html, columns, html->data->include_notes ? 5 : 4);
  g_string_append (out, "<tbody>\n");
  for (guint i = 0; i < risks->len; i++)
    {
      const KoersReportKeyResult *kr = g_ptr_array_index (risks, i);
      g_autofree char            *current = koers_format_metric (html->lang, kr->metric_kind, kr->unit, kr->current);
      g_autofree char            *percent = koers_format_percent (html->lang, CLAMP (kr->progress, 0, 1) * 100, 0);

      g_string_append_printf (out, "<tr><th scope=\"row\" data-label=\"");
      koers_html_word (html, KOERS_REPORT_STR_COL_KEY_RESULT);
      g_string_append_printf (out, "\"><a href=\"#kr-%" G_GINT64_FORMAT "\">", kr->id);
      koers_html_append_user_text (out, kr->title);
      g_string_append (out, "</a><br><small>");
      koers_html_append_user_text (out, kr->objective->title);
      g_string_append (out, "</small></th>");
      koers_html_open_cell (html, KOERS_REPORT_STR_COL_DEPARTMENT, NULL);
      koers_html_append_user_text (out, kr->objective->department->name);
      g_string_append (out, "</td>");
      koers_html_open_cell (html, KOERS_REPORT_STR_COL_STATUS, NULL);
      koers_html_status (html, kr->status);
      g_string_append (out, "</td>");
      koers_html_open_cell (html, KOERS_REPORT_STR_COL_PROGRESS, NULL);
      koers_html_append_user_text (out, current);
      g_string_append_printf (out, " <small>(%s)</small></td>", percent);
      if (html->data->include_notes)
        {
          koers_html_open_cell (html, KOERS_REPORT_STR_COL_NOTE, NULL);
          if (kr->latest != NULL && kr->latest->note != NULL)
            koers_html_append_user_text (out, kr->latest->note);
          else
            koers_html_word (html, KOERS_REPORT_STR_NO_NOTE);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody></table>\n<div class=\"charts\">\n");
  for (guint i = 0; i < MIN (risks->len, TOP_RISK_CHARTS); i++)
    {
      const KoersReportKeyResult *kr = g_ptr_array_index (risks, i);
      g_autofree char            *alt = describe_key_result (html->lang, kr);

      koers_html_figure (html, alt, SMALL_CHART_WIDTH, draw_key_result_cb, kr);
    }
  g_string_append (out, "</div>\n");
}

static void
append_missed (KoersHtml *html)
{
  const KoersReportData *data = html->data;
  gboolean               any = FALSE;

  koers_html_heading (html, 3, NULL, koers_report_str (html->lang, KOERS_REPORT_STR_MISSED));
  for (guint i = 0; i < data->objectives->len; i++)
    {
      const KoersReportObjective *objective = g_ptr_array_index (data->objectives, i);
      g_autofree char            *score = NULL;

      if (!koers_report_objective_is_missed (data, objective))
        continue;
      if (!any)
        g_string_append (html->out, "<ul class=\"missed\">\n");
      any = TRUE;
      score = koers_format_score (html->lang, objective->score, 2);
      g_string_append_printf (html->out, "<li><a href=\"#obj-%" G_GINT64_FORMAT "\">", objective->id);
      koers_html_append_user_text (html->out, objective->title);
      g_string_append (html->out, "</a> · ");
      koers_html_append_user_text (html->out, objective->department->name);
      g_string_append_printf (html->out, " · %s</li>\n", score);
    }
  if (any)
    g_string_append (html->out, "</ul>\n");
  else
    {
      g_string_append (html->out, "<p>");
      koers_html_word (html, KOERS_REPORT_STR_NO_MISSED);
      g_string_append (html->out, "</p>\n");
    }
}

static void
append_kpis_attention (KoersHtml *html)
{
  const KoersReportData *data = html->data;
  gboolean               any = FALSE;

  if (koers_report_kpis_count_units (data) == 0)
    return;

  koers_html_heading (html, 3, NULL, koers_html_str (html->lang, KOERS_HTML_STR_KPIS_ATTENTION));
  for (guint i = 0; i < data->departments->len; i++)
    {
      const KoersReportDepartment *dept = g_ptr_array_index (data->departments, i);

      for (guint j = 0; j < dept->kpis->len; j++)
        {
          const KoersReportKpi *kpi = g_ptr_array_index (dept->kpis, j);

          if (kpi->status != KOERS_KPI_STATUS_NEEDS_ATTENTION && kpi->status != KOERS_KPI_STATUS_UNHEALTHY &&
              !kpi->update_due)
            continue;
          if (!any)
            g_string_append (html->out, "<ul class=\"kpi-attention\">\n");
          any = TRUE;
          g_string_append_printf (html->out, "<li><a href=\"#kpi-%" G_GINT64_FORMAT "\">", kpi->id);
          koers_html_append_user_text (html->out, kpi->name);
          g_string_append (html->out, "</a> · ");
          koers_html_append_user_text (html->out, dept->name);
          g_string_append (html->out, " · ");
          koers_html_kpi_status (html, kpi->status);
          if (kpi->update_due)
            {
              g_string_append (html->out, " · ");
              koers_html_word (html, KOERS_REPORT_STR_KPI_UPDATE_DUE);
            }
          g_string_append (html->out, "</li>\n");
        }
    }
  if (any)
    g_string_append (html->out, "</ul>\n");
  else
    {
      g_string_append (html->out, "<p>");
      koers_html_append_text (html->out, koers_html_str (html->lang, KOERS_HTML_STR_NO_ATTENTION_KPIS));
      g_string_append (html->out, "</p>\n");
    }
}

void
koers_html_section_attention (KoersHtml *html)
{
  g_string_append (html->out, "<section aria-labelledby=\"attention\">\n");
  koers_html_heading (html, 2, "attention", koers_html_str (html->lang, KOERS_HTML_STR_NEEDS_ATTENTION));
  append_risks (html);
  append_missed (html);
  append_kpis_attention (html);
  g_string_append (html->out, "</section>\n");
}
