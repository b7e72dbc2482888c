/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "report/koers-report-charts.h"
#include "report/koers-report-glue.h"
#include "koers-html-private.h"

/* The alignment tree, and each department with the seed's reporting
 * template (Niveau, Doelstelling, Sleutelresultaat, Start, Doelwaarde,
 * Huidig, Status, Verantwoordelijke) and its KPIs. */

#define KPI_CHART_WIDTH 240.0
#define ALIGNMENT_DEPTH 2

static void
draw_kpi_cb (KoersReportLayout *layout,
             gconstpointer      item,
             double             w)
{
  layout->y += koers_report_chart_single (layout, koers_report_kpi_chart_fill, item, KOERS_REPORT_MARGIN_X,
                                          layout->y, w);
}

/* aligned_to_id -> GPtrArray of the report's objectives aligned to it,
 * in the report's order. */
static GHashTable *
index_supporters (const KoersReportData *data)
{
  GHashTable *index = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                             (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < data->objectives->len; i++)
    {
      KoersReportObjective *objective = g_ptr_array_index (data->objectives, i);
      GPtrArray            *list;

      if (objective->aligned_to_id == 0 || objective->level == KOERS_LEVEL_COMPANY)
        continue;
      list = g_hash_table_lookup (index, &objective->aligned_to_id);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (index, &objective->aligned_to_id, list);
        }
      g_ptr_array_add (list, objective);
    }

  return index;
}

static void
append_objective_line (KoersHtml                  *html,
                       const KoersReportObjective *objective)
{
  const char      *dept = objective->department != NULL ? objective->department->name
                                                        : objective->outside_department;
  g_autofree char *score = koers_format_score (html->lang, objective->score, 2);

  if (objective->department != NULL)
    g_string_append_printf (html->out, "<a href=\"#obj-%" G_GINT64_FORMAT "\">", objective->id);
  koers_html_append_user_text (html->out, objective->title);
  if (objective->department != NULL)
    g_string_append (html->out, "</a>");
  if (dept != NULL && objective->level != KOERS_LEVEL_COMPANY)
    {
      g_string_append (html->out, " <small>");
      koers_html_append_user_text (html->out, dept);
      g_string_append (html->out, "</small>");
    }
  g_string_append_printf (html->out, " <span class=\"score\">%s</span> ", score);
  koers_html_status (html, objective->status);
}

static void
append_supporters (KoersHtml                  *html,
                   GHashTable                 *index,
                   const KoersReportObjective *parent,
                   guint                       depth)
{
  GPtrArray *list = g_hash_table_lookup (index, &parent->id);

  if (list == NULL || depth >= ALIGNMENT_DEPTH)
    return;

  g_string_append (html->out, "<ul>\n");
  for (guint i = 0; i < list->len; i++)
    {
      const KoersReportObjective *objective = g_ptr_array_index (list, i);

      if (objective == parent)
        continue;
      g_string_append (html->out, "<li>");
      append_objective_line (html, objective);
      append_supporters (html, index, objective, depth + 1);
      g_string_append (html->out, "</li>\n");
    }
  g_string_append (html->out, "</ul>\n");
}

static void
append_root (KoersHtml                  *html,
             GHashTable                 *index,
             const KoersReportObjective *root)
{
  g_string_append (html->out, "<li class=\"root\">");
  append_objective_line (html, root);
  if (g_hash_table_contains (index, &root->id))
    append_supporters (html, index, root, root->level == KOERS_LEVEL_COMPANY ? 0 : 1);
  else
    {
      g_string_append (html->out, "<p class=\"muted\">");
      koers_html_word (html, KOERS_REPORT_STR_NO_SUPPORT);
      g_string_append (html->out, "</p>");
    }
  g_string_append (html->out, "</li>\n");
}

void
koers_html_section_alignment (KoersHtml *html)
{
  const KoersReportData *data = html->data;
  g_autoptr (GHashTable) index = index_supporters (data);
  gboolean any_loose = FALSE;

  g_string_append (html->out, "<section aria-labelledby=\"alignment\">\n");
  koers_html_heading (html, 2, "alignment", koers_report_str (html->lang, KOERS_REPORT_STR_ALIGNMENT));
  g_string_append (html->out, "<p>");
  koers_html_word (html, KOERS_REPORT_STR_ALIGNMENT_INTRO);
  g_string_append (html->out, "</p>\n<ul class=\"tree\">\n");

  /* The company's objectives (those outside the report only when the
   * report supports them), then department objectives aligned to none
   * that teams support. */
  for (guint l = 0; l < 2; l++)
    {
      GPtrArray *list = l == 0 ? data->objectives : data->extra_objectives;

      for (guint i = 0; i < list->len; i++)
        {
          const KoersReportObjective *objective = g_ptr_array_index (list, i);

          if (objective->level != KOERS_LEVEL_COMPANY)
            continue;
          if (l == 1 && !g_hash_table_contains (index, &objective->id))
            continue;
          append_root (html, index, objective);
        }
    }
  for (guint i = 0; i < data->objectives->len; i++)
    {
      const KoersReportObjective *objective = g_ptr_array_index (data->objectives, i);

      if (objective->level == KOERS_LEVEL_DEPARTMENT && !koers_report_objective_is_aligned (data, objective) &&
          g_hash_table_contains (index, &objective->id))
        append_root (html, index, objective);
    }
  g_string_append (html->out, "</ul>\n");

  for (guint i = 0; i < data->objectives->len; i++)
    {
      const KoersReportObjective *objective = g_ptr_array_index (data->objectives, i);

      if (objective->level == KOERS_LEVEL_COMPANY || koers_report_objective_is_aligned (data, objective))
        continue;
      if (objective->level == KOERS_LEVEL_DEPARTMENT && g_hash_table_contains (index, &objective->id))
        continue;
      if (!any_loose)
        {
          koers_html_heading (html, 3, NULL, koers_report_str (html->lang, KOERS_REPORT_STR_NOT_ALIGNED));
          g_string_append (html->out, "<ul class=\"loose\">\n");
        }
      any_loose = TRUE;
      g_string_append (html->out, "<li>");
      append_objective_line (html, objective);
      g_string_append (html->out, "</li>\n");
    }
  if (any_loose)
    g_string_append (html->out, "</ul>\n");
  g_string_append (html->out, "</section>\n");
}

static void
append_value_cell (KoersHtml                  *html,
                   KoersReportStr              column,
                   const KoersReportKeyResult *kr,
                   double                      value)
{
  g_autofree char *text = koers_format_metric (html->lang, kr->metric_kind, kr->unit, value);
  /* "100% van de leidinggevenden" wraps between its words, never inside
   * "€ 250.000" or "17 storingen": a nowrap cell pushed the template's
   * last columns out of a 1280 px screen. */
  g_autofree char *glued = koers_report_glue_text (text);

  koers_html_open_cell (html, column, "val");
  koers_html_append_user_text (html->out, glued != NULL ? glued : text);
  g_string_append (html->out, "</td>");
}

static void
append_key_result_cells (KoersHtml                  *html,
                         const KoersReportKeyResult *kr)
{
  koers_html_open_cell (html, KOERS_REPORT_STR_COL_KEY_RESULT, NULL);
  koers_html_append_user_text (html->out, kr->title);
  g_string_append (html->out, "</td>");
  append_value_cell (html, KOERS_REPORT_STR_COL_START, kr, kr->start);
  append_value_cell (html, KOERS_REPORT_STR_COL_TARGET, kr, kr->target);
  append_value_cell (html, KOERS_REPORT_STR_COL_CURRENT, kr, kr->current);
  koers_html_open_cell (html, KOERS_REPORT_STR_COL_STATUS, NULL);
  koers_html_status (html, kr->status);
  g_string_append (html->out, "</td>");
  koers_html_open_cell (html, KOERS_REPORT_STR_COL_OWNER, NULL);
  koers_html_append_user_text (html->out, kr->owner != NULL              ? kr->owner
                                          : kr->objective->owner != NULL ? kr->objective->owner
                                                                         : "—");
  g_string_append (html->out, "</td>");
}

static void
append_objective_rows (KoersHtml                  *html,
                       const KoersReportObjective *objective)
{
  guint            n = MAX (objective->key_results->len, 1);
  g_autofree char *score = koers_format_score (html->lang, objective->score, 2);
  GString         *out = html->out;

  g_string_append_printf (out, "<tbody id=\"obj-%" G_GINT64_FORMAT "\">\n<tr", objective->id);
  if (objective->key_results->len > 0)
    g_string_append_printf (out, " id=\"kr-%" G_GINT64_FORMAT "\"",
                            ((KoersReportKeyResult *) g_ptr_array_index (objective->key_results, 0))->id);
  g_string_append (out, "><td");
  if (n > 1)
    g_string_append_printf (out, " rowspan=\"%u\"", n);
  g_string_append (out, " data-label=\"");
  koers_html_word (html, KOERS_REPORT_STR_COL_LEVEL);
  g_string_append (out, "\">");
  /* The template's Niveau: the department or team whose objective it is. */
  koers_html_append_user_text (out, objective->department->name);
  g_string_append (out, "</td><th scope=\"rowgroup\"");
  if (n > 1)
    g_string_append_printf (out, " rowspan=\"%u\"", n);
  g_string_append (out, " data-label=\"");
  koers_html_word (html, KOERS_REPORT_STR_COL_OBJECTIVE);
  g_string_append (out, "\">");
  koers_html_append_user_text (out, objective->title);
  g_string_append_printf (out, " <span class=\"score\">%s</span></th>", score);

  if (objective->key_results->len == 0)
    {
      koers_html_open_cell (html, KOERS_REPORT_STR_COL_KEY_RESULT, "muted");
      koers_html_word (html, KOERS_REPORT_STR_NO_KEY_RESULTS);
      g_string_append (out, "</td><td></td><td></td><td></td>");
      koers_html_open_cell (html, KOERS_REPORT_STR_COL_STATUS, NULL);
      koers_html_status (html, objective->status);
      g_string_append (out, "</td>");
      koers_html_open_cell (html, KOERS_REPORT_STR_COL_OWNER, NULL);
      koers_html_append_user_text (out, objective->owner != NULL ? objective->owner : "—");
      g_string_append (out, "</td></tr>\n</tbody>\n");
      return;
    }

  for (guint i = 0; i < objective->key_results->len; i++)
    {
      const KoersReportKeyResult *kr = g_ptr_array_index (objective->key_results, i);

      if (i > 0)
        g_string_append_printf (out, "<tr id=\"kr-%" G_GINT64_FORMAT "\">", kr->id);
      append_key_result_cells (html, kr);
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n");
}

static void
append_template_table (KoersHtml                   *html,
                       const KoersReportDepartment *dept)
{
  static const KoersReportStr columns[] = {
    KOERS_REPORT_STR_COL_LEVEL,
    KOERS_REPORT_STR_COL_OBJECTIVE,
    KOERS_REPORT_STR_COL_KEY_RESULT,
    KOERS_REPORT_STR_COL_START,
    KOERS_REPORT_STR_COL_TARGET,
    KOERS_REPORT_STR_COL_CURRENT,
    KOERS_REPORT_STR_COL_STATUS,
    KOERS_REPORT_STR_COL_OWNER,
  };
  /* The department's name is its section's heading, just above. */
  koers_html_open_table (html, "stack template", koers_report_str (html->lang, KOERS_REPORT_STR_SUBTITLE), columns,
                         G_N_ELEMENTS (columns));
  for (guint i = 0; i < dept->objectives->len; i++)
    append_objective_rows (html, g_ptr_array_index (dept->objectives, i));
  g_string_append (html->out, "</table>\n");
}

static void
append_kpis (KoersHtml                   *html,
             const KoersReportDepartment *dept)
{
  static const KoersReportStr columns[] = {
    KOERS_REPORT_STR_COL_KPI,
    KOERS_REPORT_STR_COL_CURRENT,
    KOERS_REPORT_STR_COL_HEALTHY,
    KOERS_REPORT_STR_COL_ATTENTION,
    KOERS_REPORT_STR_COL_STATUS,
    KOERS_REPORT_STR_COL_LAST_UPDATE,
  };
  GString *out = html->out;

  if (dept->kpis->len == 0)
    return;

  /* One heading, "KPIs"; the table is named by it and the department's
   * heading ("Sales KPIs") rather than a caption saying it again. */
  g_string_append_printf (out, "<h4 id=\"dept-%" G_GINT64_FORMAT "-kpis\">", dept->id);
  koers_html_word (html, KOERS_REPORT_STR_KPIS);
  g_string_append_printf (out,
                          "</h4>\n<table class=\"stack\" aria-labelledby=\"dept-%" G_GINT64_FORMAT
                          " dept-%" G_GINT64_FORMAT "-kpis\">\n",
                          dept->id, dept->id);
  koers_html_column_heads (html, columns, G_N_ELEMENTS (columns));
  g_string_append (out, "<tbody>\n");
  for (guint i = 0; i < dept->kpis->len; i++)
    {
      const KoersReportKpi *kpi = g_ptr_array_index (dept->kpis, i);
      g_autofree char      *current = kpi->has_value ? koers_report_kpi_format_value (html->lang, kpi, kpi->current)
                                                     : g_strdup ("—");
      g_autofree char      *healthy = koers_report_kpi_format_threshold (html->lang, kpi, kpi->healthy);
      g_autofree char      *attention = koers_report_kpi_format_threshold (html->lang, kpi, kpi->attention);
      g_autofree char      *updated = kpi->last_update != NULL ? koers_format_date_iso (html->lang, kpi->last_update)
                                                               : NULL;

      g_string_append_printf (out, "<tr id=\"kpi-%" G_GINT64_FORMAT "\"><th scope=\"row\" data-label=\"", kpi->id);
      koers_html_word (html, KOERS_REPORT_STR_COL_KPI);
      g_string_append (out, "\">");
      koers_html_append_user_text (out, kpi->name);
      g_string_append (out, "</th>");
      koers_html_open_cell (html, KOERS_REPORT_STR_COL_CURRENT, "num");
      koers_html_append_user_text (out, current);
      g_string_append (out, "</td>");
      koers_html_open_cell (html, KOERS_REPORT_STR_COL_HEALTHY, "num");
      koers_html_append_user_text (out, healthy);
      g_string_append (out, "</td>");
      koers_html_open_cell (html, KOERS_REPORT_STR_COL_ATTENTION, "num");
      koers_html_append_user_text (out, attention);
      g_string_append (out, "</td>");
      koers_html_open_cell (html, KOERS_REPORT_STR_COL_STATUS, NULL);
      koers_html_kpi_status (html, kpi->status);
      if (kpi->update_due)
        {
          g_string_append (out, " <small>");
          koers_html_word (html, KOERS_REPORT_STR_KPI_UPDATE_DUE);
          g_string_append (out, "</small>");
        }
      g_string_append (out, "</td>");
      koers_html_open_cell (html, KOERS_REPORT_STR_COL_LAST_UPDATE, NULL);
      koers_html_append_text (out, updated != NULL ? updated : "—");
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</tbody></table>\n<div class=\"charts\">\n");
  for (guint i = 0; i < dept->kpis->len; i++)
    {
      const KoersReportKpi *kpi = g_ptr_array_index (dept->kpis, i);
      g_autofree char      *current = kpi->has_value ? koers_report_kpi_format_value (html->lang, kpi, kpi->current)
                                                     : g_strdup (koers_html_str (html->lang, KOERS_HTML_STR_NO_VALUE));
      g_autofree char      *alt = koers_report_text_expand (koers_html_str (html->lang, KOERS_HTML_STR_CHART_KPI_ALT),
                                                            kpi->name, current,
                                                            koers_report_kpi_status_label (html->lang, kpi->status));

      koers_html_figure (html, alt, KPI_CHART_WIDTH, draw_kpi_cb, kpi);
    }
  g_string_append (out, "</div>\n");
}

void
koers_html_section_departments (KoersHtml *html)
{
  const KoersReportData *data = html->data;

  g_string_append (html->out, "<section aria-labelledby=\"departments\">\n");
  koers_html_heading (html, 2, "departments", koers_report_str (html->lang, KOERS_REPORT_STR_DEPARTMENTS));
  for (guint i = 0; i < data->departments->len; i++)
    {
      const KoersReportDepartment *dept = g_ptr_array_index (data->departments, i);
      g_autofree char             *id = g_strdup_printf ("dept-%" G_GINT64_FORMAT, dept->id);
      g_autofree char             *n_objectives = koers_report_count_format (html->lang, KOERS_REPORT_COUNT_OBJECTIVES,
                                                                             dept->objectives->len);
      g_autofree char             *n_krs = koers_report_count_format (html->lang, KOERS_REPORT_COUNT_KEY_RESULTS,
                                                                      dept->n_key_results);
      g_autofree char             *score = koers_format_score (html->lang, dept->score, 2);
      g_autofree char             *line = koers_report_str_format (html->lang, KOERS_REPORT_STR_DEPARTMENT_LINE,
                                                                   n_objectives, n_krs, score);

      g_string_append_printf (html->out, "<section class=\"dept\" aria-labelledby=\"%s\">\n", id);
      koers_html_heading (html, 3, id, dept->name);
      g_string_append (html->out, "<p class=\"muted\">");
      koers_html_append_text (html->out, line);
      g_string_append (html->out, "</p>\n");
      if (dept->objectives->len > 0)
        append_template_table (html, dept);
      else
        {
          g_string_append (html->out, "<p>");
          koers_html_word (html, KOERS_REPORT_STR_NO_OBJECTIVES);
          g_string_append (html->out, "</p>\n");
        }
      append_kpis (html, dept);
      g_string_append (html->out, "</section>\n");
    }
  g_string_append (html->out, "</section>\n");
}
