/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>

#include "core/koers-date.h"
#include "core/koers-text.h"
#include "koers-report-charts.h"
#include "koers-report-kpis.h"
#include "koers-report-sections.h"
#include "koers-report-tables.h"

#define CHARTS_PER_ROW 5
#define CHART_GAP 6.0
#define DEPARTMENT_GAP 10.0

/* The seed's reporting template (section 5): Niveau, Doelstelling,
 * Sleutelresultaat, Startwaarde, Doelwaarde, Status, Verantwoordelijke,
 * with the current value and its progress bar added. */
static const KoersReportColumn template_columns[] = {
  /* The key result's words get the most room: they make a row tall.
   * Niveau holds a department's longest word ("Productontwikkeling") at
   * a smaller size, Start and Target "€ 2.000.000", Status "Achieved"
   * beside its symbol. */
  { KOERS_REPORT_STR_COL_LEVEL, 0.115, PANGO_ALIGN_LEFT, TRUE },
  { KOERS_REPORT_STR_COL_OBJECTIVE, 0.135, PANGO_ALIGN_LEFT, TRUE },
  { KOERS_REPORT_STR_COL_KEY_RESULT, 0.21, PANGO_ALIGN_LEFT, FALSE },
  { KOERS_REPORT_STR_COL_START, 0.09, PANGO_ALIGN_LEFT, FALSE },
  { KOERS_REPORT_STR_COL_TARGET, 0.09, PANGO_ALIGN_LEFT, FALSE },
  { KOERS_REPORT_STR_COL_CURRENT, 0.125, PANGO_ALIGN_LEFT, FALSE },
  { KOERS_REPORT_STR_COL_STATUS, 0.10, PANGO_ALIGN_LEFT, FALSE },
  { KOERS_REPORT_STR_COL_OWNER, 0.135, PANGO_ALIGN_LEFT, FALSE, TRUE },
};

static char *
describe_objective (KoersReportLayout          *layout,
                    const KoersReportObjective *objective)
{
  g_autofree char *score = koers_format_score (layout->lang, objective->score, 2);

  return g_strdup_printf ("%s · %s %s", koers_report_kind_label (layout->lang, objective->kind),
                          koers_report_str (layout->lang, KOERS_REPORT_STR_COL_SCORE), score);
}

/* A key result due on its objective's last day says nothing the period
 * (in every page's header) does not: only other deadlines show. */
static gboolean
due_at_period_end (const KoersReportObjective *objective,
                   const char                 *due)
{
  GDate date;

  return objective->has_period && koers_date_parse (due, &date) && g_date_compare (&date, &objective->period.end) == 0;
}

static void
add_objective_rows (KoersReportLayout          *layout,
                    KoersReportTable           *table,
                    const KoersReportObjective *objective)
{
  KoersLanguage lang = layout->lang;
  /* The template's Niveau: the department or team whose objective it is. */
  const char      *level = objective->department->name;
  g_autofree char *about = describe_objective (layout, objective);

  if (objective->key_results->len == 0)
    {
      koers_report_table_add_row (table, TRUE);
      koers_report_table_set_dest (table, objective->dest);
      koers_report_table_set_text (table, 0, level, NULL, FALSE, NULL);
      koers_report_table_set_text (table, 1, objective->title, about, TRUE, NULL);
      koers_report_table_set_text (table, 2, koers_report_str (lang, KOERS_REPORT_STR_NO_KEY_RESULTS),
                                   NULL, FALSE, NULL);
      koers_report_table_set_text (table, 7, koers_report_objective_owner (objective),
                                   NULL, FALSE, NULL);
      return;
    }

  for (guint i = 0; i < objective->key_results->len; i++)
    {
      const KoersReportKeyResult *kr = g_ptr_array_index (objective->key_results, i);
      /* A word unit once, with the current value, as the charts and the
       * window show it: "20", "14", "17 storingen per maand", "0%",
       * "40%", "28% van bestaande klanten" (the start
       * and target columns are too narrow for "storingen" beside each). */
      gboolean unit_once = kr->metric_kind == KOERS_METRIC_KIND_NUMBER ||
                           kr->metric_kind == KOERS_METRIC_KIND_PERCENTAGE;
      g_autofree char *start = koers_format_metric (lang, kr->metric_kind, unit_once ? NULL : kr->unit, kr->start);
      g_autofree char *target = koers_format_metric (lang, kr->metric_kind, unit_once ? NULL : kr->unit, kr->target);
      g_autofree char *current = koers_format_metric (lang, kr->metric_kind, kr->unit, kr->current);
      g_autofree char *due_date = kr->due_date != NULL ? koers_format_date_iso (lang, kr->due_date) : NULL;
      g_autofree char *due = NULL;

      if (due_date != NULL && !due_at_period_end (objective, kr->due_date))
        due = koers_report_str_format (lang, KOERS_REPORT_STR_DUE, due_date, NULL, NULL);

      koers_report_table_add_row (table, i == 0);
      if (i == 0)
        koers_report_table_set_dest (table, objective->dest);
      koers_report_table_set_text (table, 0, level, NULL, FALSE, NULL);
      koers_report_table_set_text (table, 1, objective->title, about, TRUE, NULL);
      koers_report_table_set_text (table, 2, kr->title, due, FALSE, NULL);
      koers_report_table_set_value (table, 3, start);
      koers_report_table_set_value (table, 4, target);
      koers_report_table_set_progress (table, 5, current, kr->progress, kr->status);
      koers_report_table_set_status (table, 6, kr->status);
      koers_report_table_set_text (table, 7, koers_report_key_result_owner (kr), NULL, FALSE, NULL);
    }
}

/* A key result or a KPI in the grid of charts, and how to fill its box. */
typedef struct
{
  KoersReportChartFill fill;
  gconstpointer        item;
} Chart;

/* The department's key results and then its KPIs over the period: one
 * grid, in the tables' order (the tables say which objective each key
 * result belongs to), so a row of charts is never half empty between two
 * objectives, nor before the KPIs.  Each row is as tall as its charts
 * need. */
static gboolean
draw_charts (KoersReportLayout           *layout,
             const KoersReportDepartment *dept)
{
  double chart_w = (KOERS_REPORT_CONTENT_WIDTH - (CHARTS_PER_ROW - 1) * CHART_GAP) / CHARTS_PER_ROW;
  g_autoptr (GArray) charts = g_array_new (FALSE, FALSE, sizeof (Chart));
  guint n;

  for (guint i = 0; i < dept->objectives->len; i++)
    {
      const KoersReportObjective *objective = g_ptr_array_index (dept->objectives, i);

      for (guint j = 0; j < objective->key_results->len; j++)
        {
          Chart chart = { koers_report_chart_fill_key_result, g_ptr_array_index (objective->key_results, j) };

          g_array_append_val (charts, chart);
        }
    }
  for (guint i = 0; i < dept->kpis->len; i++)
    {
      Chart chart = { koers_report_kpi_chart_fill, g_ptr_array_index (dept->kpis, i) };

      g_array_append_val (charts, chart);
    }
  n = charts->len;

  for (guint i = 0; i < n; i += CHARTS_PER_ROW)
    {
      guint                end = MIN (n, i + CHARTS_PER_ROW);
      KoersReportChartSize size = { 0.0, 0.0, 0.0 };
      double               chart_h;

      for (guint k = i; k < end; k++)
        {
          const Chart *chart = &g_array_index (charts, Chart, k);

          koers_report_chart_measure (layout, chart->fill, chart->item, chart_w, &size);
        }
      chart_h = koers_report_chart_size_height (&size);
      koers_report_layout_ensure (layout, chart_h);
      for (guint k = i; k < end; k++)
        {
          const Chart *chart = &g_array_index (charts, Chart, k);
          double       x = KOERS_REPORT_MARGIN_X + (k - i) * (chart_w + CHART_GAP);

          koers_report_chart_sized (layout, chart->fill, chart->item, x, layout->y, chart_w, &size);
        }
      layout->y += chart_h + CHART_GAP;
      if (g_cancellable_is_cancelled (layout->cancellable))
        return FALSE;
    }
  /* Progress counts objectives. */
  for (guint i = 0; i < dept->objectives->len; i++)
    if (!koers_report_layout_tick (layout))
      return FALSE;

  return TRUE;
}

/* The heading over the grid, and the legends of what it holds. */
static void
draw_charts_heading (KoersReportLayout           *layout,
                     const KoersReportDepartment *dept)
{
  KoersLanguage  lang = layout->lang;
  gboolean       krs = dept->n_key_results > 0;
  gboolean       kpis = dept->kpis->len > 0;
  KoersReportStr title = krs && kpis ? KOERS_REPORT_STR_TRENDS_ALL : krs ? KOERS_REPORT_STR_TRENDS
                                                                         : KOERS_REPORT_STR_KPI_TRENDS;
  double         x = KOERS_REPORT_MARGIN_X;
  double         legend_h = 0.0;

  if (!krs && !kpis)
    return;
  layout->y += 6.0;
  koers_report_layout_heading (layout, KOERS_REPORT_FONT_H3, koers_report_str (lang, title), NULL,
                               koers_report_chart_key_result_height (layout) + 20.0);
  layout->y += 3.0;
  /* Both legends on one line, once a page: the charts further down the
   * page read as the first ones did. */
  if (krs && layout->key_result_legend_page != layout->page)
    {
      x = koers_report_chart_legend (layout, KOERS_REPORT_LEGEND_KEY_RESULTS, x, &legend_h) + 14.0;
      layout->key_result_legend_page = layout->page;
    }
  if (kpis && layout->kpi_legend_page != layout->page)
    {
      koers_report_chart_legend (layout, KOERS_REPORT_LEGEND_KPIS, x, &legend_h);
      layout->kpi_legend_page = layout->page;
    }
  if (legend_h > 0.0)
    layout->y += legend_h + 6.0;
}

/* A department's heading: its name, and its line ("2 objectives · 5 key
 * results · score 0.64") on the name's baseline at the right when both
 * fit on one line, else under it. */
typedef struct
{
  PangoLayout *name;
  PangoLayout *beside; /* NULL: the line goes under the name */
  PangoLayout *below;
} Heading;

static void
heading_clear (Heading *heading)
{
  g_clear_object (&heading->name);
  g_clear_object (&heading->beside);
  g_clear_object (&heading->below);
}

/* Lays the heading out; returns its height with the space under it. */
static double
heading_measure (KoersReportLayout           *layout,
                 const KoersReportDepartment *dept,
                 KoersReportFont              font,
                 const char                  *line,
                 Heading                     *heading)
{
  double room;

  heading->name = koers_report_layout_text (layout, font, dept->name, KOERS_REPORT_CONTENT_WIDTH, 4, PANGO_ALIGN_LEFT);
  room = KOERS_REPORT_CONTENT_WIDTH - koers_report_text_width (heading->name) - 18.0;
  if (pango_layout_get_line_count (heading->name) == 1 && room > 0.0)
    heading->beside = koers_report_layout_text (layout, KOERS_REPORT_FONT_BODY, line, room, 1, PANGO_ALIGN_LEFT);
  if (heading->beside != NULL &&
      (pango_layout_is_ellipsized (heading->beside) || koers_report_text_breaks_word (heading->beside)))
    g_clear_object (&heading->beside);
  if (heading->beside != NULL)
    return koers_report_text_height (heading->name) + 4.0;

  heading->below = koers_report_layout_text (layout, KOERS_REPORT_FONT_BODY, line, KOERS_REPORT_CONTENT_WIDTH, 0,
                                             PANGO_ALIGN_LEFT);
  return koers_report_text_height (heading->name) + 2.0 + koers_report_text_height (heading->below) + 6.0;
}

/* Draws the heading measured, at the cursor, with keep points of what
 * follows on its page. */
static void
heading_draw (KoersReportLayout           *layout,
              const KoersReportDepartment *dept,
              KoersReportFont              font,
              const char                  *line,
              const Heading               *heading,
              double                       keep)
{
  double name_h = koers_report_text_height (heading->name);
  double top;

  if (heading->beside == NULL)
    {
      koers_report_layout_heading (layout, font, dept->name, dept->dest,
                                   2.0 + koers_report_text_height (heading->below) + 6.0 + keep);
      layout->y += 2.0;
      koers_report_layout_paragraph (layout, KOERS_REPORT_FONT_BODY, line, &koers_report_muted, 0, 6.0);
      return;
    }

  koers_report_layout_heading (layout, font, dept->name, dept->dest, 4.0 + keep);
  top = layout->y - name_h;
  koers_report_layout_draw_text (layout, heading->beside,
                                 KOERS_REPORT_MARGIN_X + KOERS_REPORT_CONTENT_WIDTH -
                                   koers_report_text_width (heading->beside),
                                 top + (double) (pango_layout_get_baseline (heading->name) -
                                                 pango_layout_get_baseline (heading->beside)) /
                                         PANGO_SCALE,
                                 &koers_report_muted);
  layout->y += 4.0;
}

/* A team (its department in the report before it) is a part of its
 * department's section: a smaller heading, its bookmark under the
 * department's, and no second legend for its charts. */
static gboolean
draw_department (KoersReportLayout           *layout,
                 const KoersReportDepartment *dept,
                 int                          outline_parent,
                 gboolean                     first,
                 gboolean                     team,
                 int                         *outline_out)
{
  KoersLanguage lang = layout->lang;
  g_autoptr (KoersReportTable) table = NULL;
  g_autofree char *n_objectives = koers_report_count_format (lang, KOERS_REPORT_COUNT_OBJECTIVES,
                                                             dept->objectives->len);
  g_autofree char *n_krs = koers_report_count_format (lang, KOERS_REPORT_COUNT_KEY_RESULTS,
                                                      dept->n_key_results);
  g_autofree char *score = koers_format_score (lang, dept->score, 2);
  g_autofree char *line = NULL;
  KoersReportFont  font = team ? KOERS_REPORT_FONT_H2 : KOERS_REPORT_FONT_H1;
  Heading          heading = { NULL, NULL, NULL };
  double           keep = 0.0;
  int              outline;

  line = dept->objectives->len == 0
           ? g_strdup (koers_report_str (lang, KOERS_REPORT_STR_NO_OBJECTIVES))
           : koers_report_str_format (lang, KOERS_REPORT_STR_DEPARTMENT_LINE, n_objectives, n_krs, score);
  /* A department follows the one before on its page when its heading,
   * line and the table's first rows fit there. */
  if (dept->objectives->len > 0)
    {
      table = koers_report_table_new (layout, template_columns, G_N_ELEMENTS (template_columns));
      for (guint i = 0; i < dept->objectives->len; i++)
        add_objective_rows (layout, table, g_ptr_array_index (dept->objectives, i));
      keep = koers_report_table_keep_height (table);
    }
  if (first)
    koers_report_layout_begin_section (layout);
  else if (layout->y > KOERS_REPORT_BODY_TOP + 0.01)
    layout->y += DEPARTMENT_GAP;
  koers_report_layout_ensure (layout, heading_measure (layout, dept, font, line, &heading) + keep);
  outline = koers_report_layout_add_outline (layout, outline_parent, dept->name, dept->dest, FALSE);
  *outline_out = outline;
  heading_draw (layout, dept, font, line, &heading, keep);
  heading_clear (&heading);

  if (dept->objectives->len > 0)
    {
      koers_report_table_draw (table);
      g_clear_pointer (&table, koers_report_table_free);
      if (layout->cancelled || g_cancellable_is_cancelled (layout->cancellable))
        return FALSE;
    }

  /* The KPIs next to the OKRs, as the seed asks of board reporting; then
   * the charts of both. */
  if (!koers_report_kpis_department (layout, dept, outline))
    return FALSE;
  draw_charts_heading (layout, dept);
  return draw_charts (layout, dept);
}

gboolean
koers_report_section_departments (KoersReportLayout *layout)
{
  const KoersReportData *data = layout->data;
  int                    parent = 0;
  gint64                 last_id = 0;
  int                    last_outline = 0;

  for (guint i = 0; i < data->departments->len; i++)
    {
      const KoersReportDepartment *dept = g_ptr_array_index (data->departments, i);
      /* Teams come right after their department (koers-report-data.c). */
      gboolean team = dept->parent_id != 0 && dept->parent_id == last_id;
      int      outline = 0;

      /* The "Departments" bookmark opens on the first department. */
      if (i == 0)
        parent = koers_report_layout_add_outline (layout, CAIRO_PDF_OUTLINE_ROOT,
                                                  koers_report_str (layout->lang, KOERS_REPORT_STR_DEPARTMENTS),
                                                  dept->dest, TRUE);
      if (!draw_department (layout, dept, team ? last_outline : parent, i == 0, team, &outline))
        return FALSE;
      if (!team)
        {
          last_id = dept->id;
          last_outline = outline;
        }
    }

  return TRUE;
}

/* The rows an objective gives a listing (none, or one of its own, or one
 * per key result); returns how many. */
typedef guint (*ListingRows) (KoersReportLayout          *layout,
                              KoersReportTable           *table,
                              const KoersReportObjective *objective);

/* A table of the whole company's objectives or key results: its heading,
 * a muted line on what it lists, and the table, or the line that says
 * there is nothing to list. */
typedef struct
{
  KoersReportStr           title;
  KoersReportStr           intro;
  KoersReportStr           none;
  const KoersReportColumn *columns;
  guint                    n_columns;
  ListingRows              add_rows;
} Listing;

static void
draw_listing (KoersReportLayout *layout,
              const Listing     *listing)
{
  const KoersReportData *data = layout->data;
  g_autoptr (KoersReportTable) table = NULL;
  guint n = 0;

  koers_report_layout_heading (layout, KOERS_REPORT_FONT_H2, koers_report_str (layout->lang, listing->title),
                               NULL, 50.0);
  layout->y += 4.0;
  koers_report_layout_paragraph (layout, KOERS_REPORT_FONT_SMALL, koers_report_str (layout->lang, listing->intro),
                                 &koers_report_muted, 0, 6.0);
  table = koers_report_table_new (layout, listing->columns, listing->n_columns);

  for (guint i = 0; i < data->objectives->len; i++)
    n += listing->add_rows (layout, table, g_ptr_array_index (data->objectives, i));

  if (n > 0)
    koers_report_table_draw (table);
  else
    koers_report_layout_paragraph (layout, KOERS_REPORT_FONT_BODY,
                                   koers_report_str (layout->lang, listing->none), &koers_report_ink, 0, 0);
}

static guint
add_missed_row (KoersReportLayout          *layout,
                KoersReportTable           *table,
                const KoersReportObjective *objective)
{
  g_autofree char *period = NULL;

  if (!koers_report_objective_is_missed (layout->data, objective))
    return 0;

  period = koers_format_period (layout->lang, &objective->period);
  koers_report_table_add_row (table, TRUE);
  koers_report_table_set_text (table, 0, objective->department->name, NULL, FALSE, NULL);
  koers_report_table_set_text (table, 1, objective->title, NULL, FALSE, objective->dest);
  koers_report_table_set_text (table, 2, period, NULL, FALSE, NULL);
  koers_report_table_set_text (table, 3, koers_report_objective_owner (objective), NULL, FALSE, NULL);
  koers_report_table_set_score (table, 4, objective->score);
  return 1;
}

static const KoersReportColumn missed_columns[] = {
  { KOERS_REPORT_STR_COL_DEPARTMENT, 0.20, PANGO_ALIGN_LEFT, FALSE },
  { KOERS_REPORT_STR_COL_OBJECTIVE, 0.46, PANGO_ALIGN_LEFT, FALSE },
  { KOERS_REPORT_STR_PERIOD, 0.14, PANGO_ALIGN_LEFT, FALSE },
  { KOERS_REPORT_STR_COL_OWNER, 0.12, PANGO_ALIGN_LEFT, FALSE, TRUE },
  { KOERS_REPORT_STR_COL_SCORE, 0.08, PANGO_ALIGN_RIGHT, FALSE },
};

static guint
add_personal_data_rows (KoersReportLayout          *layout,
                        KoersReportTable           *table,
                        const KoersReportObjective *objective)
{
  guint n = 0;

  for (guint j = 0; j < objective->key_results->len; j++)
    {
      const KoersReportKeyResult *kr = g_ptr_array_index (objective->key_results, j);

      if (!kr->uses_personal_data)
        continue;

      koers_report_table_add_row (table, TRUE);
      koers_report_table_set_text (table, 0, objective->department->name, NULL, FALSE, NULL);
      /* The key result links to its objective's row, which names it. */
      koers_report_table_set_text (table, 1, kr->title, NULL, FALSE, objective->dest);
      koers_report_table_set_text (table, 2, koers_report_key_result_owner (kr), NULL, FALSE, NULL);
      koers_report_table_set_text (table, 3,
                                   kr->personal_data_note != NULL
                                     ? kr->personal_data_note
                                     : koers_report_str (layout->lang, KOERS_REPORT_STR_NO_NOTE),
                                   NULL, FALSE, NULL);
      n++;
    }
  return n;
}

static const KoersReportColumn personal_data_columns[] = {
  { KOERS_REPORT_STR_COL_DEPARTMENT, 0.16, PANGO_ALIGN_LEFT, FALSE },
  { KOERS_REPORT_STR_COL_KEY_RESULT, 0.30, PANGO_ALIGN_LEFT, FALSE },
  { KOERS_REPORT_STR_COL_OWNER, 0.14, PANGO_ALIGN_LEFT, FALSE, TRUE },
  { KOERS_REPORT_STR_COL_NOTE, 0.40, PANGO_ALIGN_LEFT, FALSE },
};

/* The appendix's listings, in their order. */
static const Listing listings[] = {
  { KOERS_REPORT_STR_MISSED, KOERS_REPORT_STR_MISSED_INTRO, KOERS_REPORT_STR_NO_MISSED, missed_columns,
    G_N_ELEMENTS (missed_columns), add_missed_row },
  { KOERS_REPORT_STR_GDPR, KOERS_REPORT_STR_GDPR_INTRO, KOERS_REPORT_STR_NO_GDPR, personal_data_columns,
    G_N_ELEMENTS (personal_data_columns), add_personal_data_rows },
};

static void
draw_scoring (KoersReportLayout *layout)
{
  static const KoersReportStr rules[] = {
    KOERS_REPORT_STR_SCORING_PROGRESS,
    KOERS_REPORT_STR_SCORING_OBJECTIVE,
    KOERS_REPORT_STR_SCORING_BANDS,
    KOERS_REPORT_STR_SCORING_SUCCESS,
    KOERS_REPORT_STR_SCORING_STATUS,
  };

  koers_report_layout_heading (layout, KOERS_REPORT_FONT_H2,
                               koers_report_str (layout->lang, KOERS_REPORT_STR_SCORING), NULL, 50.0);
  layout->y += 3.0;

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr (PangoLayout) number = NULL;
      g_autofree char *label = g_strdup_printf ("%u.", i + 1);

      /* The number sits beside the rule's first line. */
      number = koers_report_layout_text (layout, KOERS_REPORT_FONT_SMALL_BOLD, label, 14.0, 1,
                                         PANGO_ALIGN_LEFT);
      koers_report_layout_ensure (layout, 24.0);
      koers_report_layout_draw_text (layout, number, KOERS_REPORT_MARGIN_X, layout->y, &koers_report_accent);
      koers_report_layout_paragraph (layout, KOERS_REPORT_FONT_SMALL,
                                     koers_report_str (layout->lang, rules[i]),
                                     &koers_report_ink, 16.0, 2.5);
    }
}

gboolean
koers_report_section_appendix (KoersReportLayout *layout)
{
  koers_report_layout_begin_section (layout);
  koers_report_layout_add_outline (layout, CAIRO_PDF_OUTLINE_ROOT,
                                   koers_report_str (layout->lang, KOERS_REPORT_STR_APPENDIX),
                                   KOERS_REPORT_DEST_APPENDIX, FALSE);
  koers_report_layout_heading (layout, KOERS_REPORT_FONT_H1,
                               koers_report_str (layout->lang, KOERS_REPORT_STR_APPENDIX),
                               KOERS_REPORT_DEST_APPENDIX, 60.0);
  layout->y += 6.0;

  for (guint i = 0; i < G_N_ELEMENTS (listings); i++)
    {
      draw_listing (layout, &listings[i]);
      layout->y += 6.0;
    }
  draw_scoring (layout);

  return koers_report_layout_tick (layout);
}
