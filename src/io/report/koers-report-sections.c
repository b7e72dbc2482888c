/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>

#include "core/koers-text.h"
#include "koers-report-charts.h"
#include "koers-report-kpis.h"
#include "koers-report-capacity.h"
#include "koers-report-sections.h"
#include "koers-report-tables.h"

#define SECTION_GAP 16.0
#define TOP_RISKS 5
#define TILE_GAP 10.0
#define TILE_HEIGHT 84.0

guint
koers_report_sections_count_units (const KoersReportData *data)
{
  /* Cover, summary, alignment, capacity and appendix, each objective, and each
   * department's KPI page. */
  return 5 + data->objectives->len + koers_report_kpis_count_units (data);
}

const char *
koers_report_key_result_owner (const KoersReportKeyResult *kr)
{
  if (kr->owner != NULL)
    return kr->owner;
  if (kr->objective->owner != NULL)
    return kr->objective->owner;
  return "—";
}

const char *
koers_report_objective_owner (const KoersReportObjective *objective)
{
  return objective->owner != NULL ? objective->owner : "—";
}

static const char *
organisation_name (KoersReportLayout *layout)
{
  if (layout->data->organisation != NULL)
    return layout->data->organisation;
  return koers_report_str (layout->lang, KOERS_REPORT_STR_OUR_ORGANISATION);
}

static char *
describe_scope (KoersReportLayout *layout)
{
  const KoersReportData *data = layout->data;
  GString               *scope;

  if (data->whole_company)
    return g_strdup (koers_report_str (layout->lang, KOERS_REPORT_STR_WHOLE_COMPANY));

  scope = g_string_new (NULL);
  for (guint i = 0; i < data->departments->len; i++)
    {
      const KoersReportDepartment *dept = g_ptr_array_index (data->departments, i);
      g_autofree char             *name = koers_text_isolate (dept->name);

      if (i > 0)
        g_string_append (scope, ", ");
      g_string_append (scope, name);
    }

  return g_string_free (scope, FALSE);
}

/* A label over a value, as on the cover. */
static void
draw_fact (KoersReportLayout *layout,
           KoersReportStr     label,
           const char        *value)
{
  g_autoptr (PangoLayout) label_layout = NULL;
  g_autoptr (PangoLayout) value_layout = NULL;
  double label_w = 110.0;
  double h;

  label_layout = koers_report_layout_text (layout, KOERS_REPORT_FONT_SMALL_BOLD,
                                           koers_report_str (layout->lang, label),
                                           label_w - 8, 2, PANGO_ALIGN_LEFT);
  value_layout = koers_report_layout_text (layout, KOERS_REPORT_FONT_BODY, value,
                                           KOERS_REPORT_CONTENT_WIDTH - label_w, 4, PANGO_ALIGN_LEFT);
  h = MAX (koers_report_text_height (label_layout), koers_report_text_height (value_layout));

  koers_report_layout_draw_text (layout, label_layout, KOERS_REPORT_MARGIN_X, layout->y + 1.2,
                                 &koers_report_muted);
  koers_report_layout_draw_text (layout, value_layout, KOERS_REPORT_MARGIN_X + label_w, layout->y,
                                 &koers_report_ink);
  layout->y += h + 6.0;
  koers_report_layout_hline (layout, KOERS_REPORT_MARGIN_X,
                             KOERS_REPORT_MARGIN_X + KOERS_REPORT_CONTENT_WIDTH,
                             layout->y - 3.0, 0.5, &koers_report_rule);
  layout->y += 3.0;
}

gboolean
koers_report_section_cover (KoersReportLayout *layout)
{
  const KoersReportData *data = layout->data;
  g_autofree char       *period = koers_format_period (layout->lang, &data->period);
  g_autofree char       *date = koers_format_date (layout->lang, &data->generated);
  g_autofree char       *scope = describe_scope (layout);
  g_autoptr (PangoLayout) org = NULL;
  g_autoptr (PangoLayout) title = NULL;
  g_autoptr (PangoLayout) subtitle = NULL;
  g_autoptr (PangoLayout) period_layout = NULL;
  g_autoptr (PangoLayout) confidential = NULL;
  double pad = 28.0;
  double inner = KOERS_REPORT_CONTENT_WIDTH - 2 * pad;
  double block_h;
  double y;

  koers_report_layout_new_page (layout, FALSE);

  org = koers_report_layout_text (layout, KOERS_REPORT_FONT_H2, organisation_name (layout), inner, 3,
                                  PANGO_ALIGN_LEFT);
  title = koers_report_layout_text (layout, KOERS_REPORT_FONT_COVER_TITLE,
                                    koers_report_str (layout->lang, KOERS_REPORT_STR_TITLE),
                                    inner, 2, PANGO_ALIGN_LEFT);
  subtitle = koers_report_layout_text (layout, KOERS_REPORT_FONT_COVER_SUBTITLE,
                                       koers_report_str (layout->lang, KOERS_REPORT_STR_SUBTITLE),
                                       inner, 2, PANGO_ALIGN_LEFT);
  period_layout = koers_report_layout_text (layout, KOERS_REPORT_FONT_FIGURE, period, inner, 2,
                                            PANGO_ALIGN_LEFT);

  /* The navy block: who, what, when. */
  block_h = 110.0 + koers_report_text_height (org) + koers_report_text_height (title) +
            koers_report_text_height (subtitle) + koers_report_text_height (period_layout);
  y = layout->y + 60.0;
  koers_report_layout_fill_rect (layout, KOERS_REPORT_MARGIN_X, y, KOERS_REPORT_CONTENT_WIDTH, block_h,
                                 &koers_report_accent);
  y += pad + 8.0;
  koers_report_layout_draw_text (layout, org, KOERS_REPORT_MARGIN_X + pad, y, &koers_report_accent_light);
  y += koers_report_text_height (org) + 22.0;
  koers_report_layout_draw_text (layout, title, KOERS_REPORT_MARGIN_X + pad, y, &koers_report_white);
  y += koers_report_text_height (title) + 4.0;
  koers_report_layout_draw_text (layout, subtitle, KOERS_REPORT_MARGIN_X + pad, y,
                                 &koers_report_accent_light);
  y += koers_report_text_height (subtitle) + 18.0;
  koers_report_layout_hline (layout, KOERS_REPORT_MARGIN_X + pad, KOERS_REPORT_MARGIN_X + pad + 48,
                             y, 2.0, &koers_report_white);
  y += 12.0;
  koers_report_layout_draw_text (layout, period_layout, KOERS_REPORT_MARGIN_X + pad, y,
                                 &koers_report_white);

  layout->y += 60.0 + block_h + 36.0;
  draw_fact (layout, KOERS_REPORT_STR_PERIOD, period);
  draw_fact (layout, KOERS_REPORT_STR_REPORT_DATE, date);
  draw_fact (layout, KOERS_REPORT_STR_SCOPE, scope);

  /* The confidentiality line closes the page, above the footer. */
  confidential = koers_report_layout_text (layout, KOERS_REPORT_FONT_SMALL_BOLD,
                                           koers_report_str (layout->lang, KOERS_REPORT_STR_CONFIDENTIAL),
                                           KOERS_REPORT_CONTENT_WIDTH, 3, PANGO_ALIGN_LEFT);
  y = MAX (layout->y + 12.0, KOERS_REPORT_BODY_BOTTOM - koers_report_text_height (confidential) - 4.0);
  koers_report_layout_fill_rect (layout, KOERS_REPORT_MARGIN_X, y - 10.0, 3.0,
                                 koers_report_text_height (confidential) + 10.0, &koers_report_accent);
  koers_report_layout_draw_text (layout, confidential, KOERS_REPORT_MARGIN_X + 10.0, y - 5.0,
                                 &koers_report_accent);

  return koers_report_layout_tick (layout);
}

/* A tile of the summary: label, big figure, a line of explanation. */
static void
draw_tile (KoersReportLayout      *layout,
           double                  x,
           double                  w,
           const char             *label,
           const char             *figure,
           const KoersReportColor *figure_color,
           const char             *note,
           const char             *link)
{
  g_autoptr (PangoLayout) label_layout = NULL;
  g_autoptr (PangoLayout) figure_layout = NULL;
  g_autoptr (PangoLayout) note_layout = NULL;
  double pad = 9.0;
  double y = layout->y;

  koers_report_layout_fill_rounded (layout, x, y, w, TILE_HEIGHT, 4.0, &koers_report_accent_light);
  label_layout = koers_report_layout_text (layout, KOERS_REPORT_FONT_SMALL_BOLD, label, w - 2 * pad, 1,
                                           PANGO_ALIGN_LEFT);
  figure_layout = koers_report_layout_text (layout, KOERS_REPORT_FONT_FIGURE, figure, w - 2 * pad, 1,
                                            PANGO_ALIGN_LEFT);
  note_layout = koers_report_layout_text (layout, KOERS_REPORT_FONT_CAPTION, note, w - 2 * pad, 3,
                                          PANGO_ALIGN_LEFT);

  y += pad;
  koers_report_layout_draw_text (layout, label_layout, x + pad, y, &koers_report_accent);
  y += koers_report_text_height (label_layout) + 2.0;
  /* The figure links to where it comes from. */
  koers_report_layout_begin_link (layout, link);
  koers_report_layout_draw_text (layout, figure_layout, x + pad, y, figure_color);
  koers_report_layout_end_link (layout);
  y += koers_report_text_height (figure_layout) + 1.0;
  koers_report_layout_draw_text (layout, note_layout, x + pad, y, &koers_report_ink);
}

static void
draw_tiles (KoersReportLayout       *layout,
            const KoersReportTotals *totals)
{
  KoersLanguage          lang = layout->lang;
  const KoersReportData *data = layout->data;
  double                 w = (KOERS_REPORT_CONTENT_WIDTH - 2 * TILE_GAP) / 3;
  double                 x = KOERS_REPORT_MARGIN_X;
  guint                  n_committed = totals->committed_achieved + totals->committed_missed + totals->committed_open;
  g_autofree char       *score = koers_format_score (lang, totals->score, 2);
  g_autofree char       *n_objectives = koers_report_count_format (lang, KOERS_REPORT_COUNT_OBJECTIVES,
                                                                   data->objectives->len);
  g_autofree char       *n_krs = koers_report_count_format (lang, KOERS_REPORT_COUNT_KEY_RESULTS,
                                                            data->n_key_results);
  g_autofree char       *score_note = NULL;
  g_autofree char       *achieved = g_strdup_printf ("%u", totals->committed_achieved);
  g_autofree char       *missed = g_strdup_printf ("%u", totals->committed_missed);
  g_autofree char       *open = g_strdup_printf ("%u", totals->committed_open);
  g_autofree char       *committed_figure = g_strdup_printf ("%u / %u", totals->committed_achieved, n_committed);
  g_autofree char       *committed_note = NULL;
  g_autofree char       *aspirational = koers_format_score (lang, totals->aspirational_mean, 2);
  g_autofree char       *goal = koers_format_score (lang, 0.7, 1);
  g_autofree char       *n_aspirational = koers_report_count_format (lang, KOERS_REPORT_COUNT_OBJECTIVES,
                                                                     totals->n_aspirational);
  g_autofree char       *aspirational_note = NULL;
  gboolean               aspirational_ok = totals->aspirational_mean >= 0.7 - 1e-9;

  score_note = koers_report_str_format (lang, KOERS_REPORT_STR_OVERALL_SCORE_NOTE, n_objectives, n_krs, NULL);
  committed_note = koers_report_str_format (lang, KOERS_REPORT_STR_COMMITTED_LINE, achieved, missed, open);
  if (totals->n_aspirational > 0)
    aspirational_note = koers_report_str_format (lang, KOERS_REPORT_STR_ASPIRATIONAL_LINE,
                                                 aspirational, goal, n_aspirational);
  else
    aspirational_note = g_strdup (koers_report_str (lang, KOERS_REPORT_STR_ASPIRATIONAL_NONE));

  koers_report_layout_ensure (layout, TILE_HEIGHT);
  draw_tile (layout, x, w, koers_report_str (lang, KOERS_REPORT_STR_OVERALL_SCORE), score,
             koers_report_score_color (totals->score), score_note, KOERS_REPORT_DEST_DEPARTMENT_SCORES);
  x += w + TILE_GAP;
  draw_tile (layout, x, w, koers_report_str (lang, KOERS_REPORT_STR_COMMITTED), committed_figure,
             totals->committed_missed > 0 ? koers_report_status_color (KOERS_KR_STATUS_OFF_TRACK)
                                          : &koers_report_ink,
             committed_note, KOERS_REPORT_DEST_ATTENTION);
  x += w + TILE_GAP;
  draw_tile (layout, x, w, koers_report_str (lang, KOERS_REPORT_STR_ASPIRATIONAL),
             totals->n_aspirational > 0 ? aspirational : "—",
             totals->n_aspirational == 0 ? &koers_report_muted
             : aspirational_ok           ? koers_report_status_color (KOERS_KR_STATUS_ACHIEVED)
                                         : koers_report_status_color (KOERS_KR_STATUS_AT_RISK),
             aspirational_note, KOERS_REPORT_DEST_DEPARTMENT_SCORES);
  layout->y += TILE_HEIGHT;
}

static void
draw_top_risks (KoersReportLayout *layout)
{
  const KoersReportData *data = layout->data;
  g_autoptr (GPtrArray) risks = koers_report_data_list_risks (data);
  static const KoersReportColumn with_notes[] = {
    { KOERS_REPORT_STR_COL_KEY_RESULT, 0.29, PANGO_ALIGN_LEFT, FALSE },
    { KOERS_REPORT_STR_COL_DEPARTMENT, 0.17, PANGO_ALIGN_LEFT, FALSE },
    { KOERS_REPORT_STR_COL_STATUS, 0.12, PANGO_ALIGN_LEFT, FALSE },
    { KOERS_REPORT_STR_COL_PROGRESS, 0.15, PANGO_ALIGN_LEFT, FALSE },
    { KOERS_REPORT_STR_COL_NOTE, 0.27, PANGO_ALIGN_LEFT, FALSE },
  };
  g_autoptr (KoersReportTable) table = NULL;
  guint             n_columns = data->include_notes ? G_N_ELEMENTS (with_notes) : G_N_ELEMENTS (with_notes) - 1;
  KoersReportColumn columns[G_N_ELEMENTS (with_notes)];

  koers_report_layout_heading (layout, KOERS_REPORT_FONT_H2,
                               koers_report_str (layout->lang, KOERS_REPORT_STR_TOP_RISKS), NULL, 40.0);
  layout->y += 6.0;

  if (risks->len == 0)
    {
      koers_report_layout_paragraph (layout, KOERS_REPORT_FONT_BODY,
                                     koers_report_str (layout->lang, KOERS_REPORT_STR_NO_RISKS),
                                     &koers_report_ink, 0, 0);
      return;
    }

  memcpy (columns, with_notes, sizeof with_notes);
  if (!data->include_notes)
    {
      /* Without notes the key result takes the note's room. */
      columns[0].width += with_notes[4].width;
    }

  table = koers_report_table_new (layout, columns, n_columns);
  for (guint i = 0; i < MIN (risks->len, TOP_RISKS); i++)
    {
      const KoersReportKeyResult *kr = g_ptr_array_index (risks, i);
      g_autofree char            *current = koers_format_metric (layout->lang, kr->metric_kind, kr->unit, kr->current);

      koers_report_table_add_row (table, TRUE);
      koers_report_table_set_text (table, 0, kr->title, kr->objective->title, FALSE, kr->objective->dest);
      koers_report_table_set_text (table, 1, kr->objective->department->name, NULL, FALSE, NULL);
      koers_report_table_set_status (table, 2, kr->status);
      koers_report_table_set_progress (table, 3, current, kr->progress, kr->status);
      if (data->include_notes)
        {
          g_autofree char *when = kr->latest != NULL ? koers_format_date_iso (layout->lang, kr->latest->date) : NULL;

          if (kr->latest != NULL && kr->latest->note != NULL)
            koers_report_table_set_text (table, 4, kr->latest->note, when, FALSE, NULL);
          else
            koers_report_table_set_text (table, 4, koers_report_str (layout->lang, KOERS_REPORT_STR_NO_NOTE),
                                         when, FALSE, NULL);
        }
    }
  koers_report_table_draw (table);
}

gboolean
koers_report_section_summary (KoersReportLayout *layout)
{
  KoersLanguage     lang = layout->lang;
  KoersReportTotals totals;
  g_autofree char  *date = koers_format_date (lang, &layout->data->generated);
  g_autofree char  *expected = koers_report_str_format (lang, KOERS_REPORT_STR_EXPECTED_NOTE, date, NULL, NULL);

  koers_report_data_get_totals (layout->data, &totals);

  koers_report_layout_new_page (layout, TRUE);
  koers_report_layout_add_outline (layout, CAIRO_PDF_OUTLINE_ROOT,
                                   koers_report_str (lang, KOERS_REPORT_STR_SUMMARY),
                                   KOERS_REPORT_DEST_SUMMARY, FALSE);
  koers_report_layout_heading (layout, KOERS_REPORT_FONT_H1, koers_report_str (lang, KOERS_REPORT_STR_SUMMARY),
                               KOERS_REPORT_DEST_SUMMARY, TILE_HEIGHT);
  layout->y += 12.0;

  draw_tiles (layout, &totals);
  layout->y += SECTION_GAP;

  koers_report_chart_status_bar (layout, koers_report_str (lang, KOERS_REPORT_STR_OBJECTIVES),
                                 totals.objectives_by_status);
  layout->y += 8.0;
  koers_report_chart_status_bar (layout, koers_report_str (lang, KOERS_REPORT_STR_KEY_RESULTS),
                                 totals.key_results_by_status);
  koers_report_kpis_summary_line (layout);
  layout->y += 6.0;
  koers_report_layout_paragraph (layout, KOERS_REPORT_FONT_CAPTION, expected, &koers_report_muted, 0, SECTION_GAP);

  if (layout->data->objectives->len > 0)
    {
      koers_report_board_departments (layout);
      layout->y += SECTION_GAP;
    }
  koers_report_board_attention (layout);
  layout->y += SECTION_GAP;

  draw_top_risks (layout);
  koers_report_capacity_escalations (layout);

  return koers_report_layout_tick (layout);
}

/* The title, and why it supports nothing when its parent is archived. */
static char *
dup_alignment_title (KoersReportLayout          *layout,
                     const KoersReportObjective *objective)
{
  if (objective->aligned_to_archived)
    return koers_report_str_format (layout->lang, KOERS_REPORT_STR_ALIGNED_TO_ARCHIVED, objective->title,
                                    NULL, NULL);

  return g_strdup (objective->title);
}

static void
draw_supporting_row (KoersReportLayout          *layout,
                     const KoersReportObjective *objective,
                     double                      indent)
{
  g_autoptr (PangoLayout) dept = NULL;
  g_autoptr (PangoLayout) title = NULL;
  g_autoptr (PangoLayout) score = NULL;
  g_autofree char *score_text = koers_format_score (layout->lang, objective->score, 2);
  g_autofree char *title_text = NULL;
  double           dept_w = 110.0;
  double           score_w = 34.0;
  double           x = KOERS_REPORT_MARGIN_X + indent;
  double           title_w = KOERS_REPORT_CONTENT_WIDTH - indent - dept_w - score_w - 12.0;
  double           h;

  dept = koers_report_layout_text (layout, KOERS_REPORT_FONT_SMALL_BOLD,
                                   objective->department != NULL           ? objective->department->name
                                   : objective->outside_department != NULL ? objective->outside_department
                                                                           : "",
                                   dept_w - 8.0, 2, PANGO_ALIGN_LEFT);
  title_text = dup_alignment_title (layout, objective);
  title = koers_report_layout_text (layout, KOERS_REPORT_FONT_SMALL, title_text, title_w, 4,
                                    PANGO_ALIGN_LEFT);
  score = koers_report_layout_text (layout, KOERS_REPORT_FONT_SMALL_BOLD, score_text, score_w, 1,
                                    PANGO_ALIGN_RIGHT);
  h = MAX (koers_report_text_height (dept), koers_report_text_height (title)) + 5.0;

  koers_report_layout_ensure (layout, h);
  koers_report_layout_draw_text (layout, dept, x, layout->y, &koers_report_muted);
  koers_report_layout_begin_link (layout, objective->department != NULL ? objective->dest : NULL);
  koers_report_layout_draw_text (layout, title, x + dept_w, layout->y, &koers_report_ink);
  koers_report_layout_end_link (layout);
  koers_report_layout_draw_text (layout, score, KOERS_REPORT_MARGIN_X + KOERS_REPORT_CONTENT_WIDTH - score_w,
                                 layout->y, koers_report_score_color (objective->score));
  layout->y += h;
}

static gboolean reaches_report (const KoersReportData      *data,
                                const KoersReportObjective *objective,
                                guint                       depth);

/* Whether an objective of the report, within the two levels below,
 * supports objective. */
static gboolean
is_supported_in_report (const KoersReportData      *data,
                        const KoersReportObjective *objective,
                        guint                       depth)
{
  for (guint l = 0; l < 2 && depth < 2; l++)
    {
      GPtrArray *list = l == 0 ? data->objectives : data->extra_objectives;

      for (guint i = 0; i < list->len; i++)
        {
          const KoersReportObjective *other = g_ptr_array_index (list, i);

          if (other->aligned_to_id == objective->id && other != objective &&
              reaches_report (data, other, depth + 1))
            return TRUE;
        }
    }

  return FALSE;
}

/* An objective outside the report shows on the alignment page only for
 * what the report holds. */
static gboolean
reaches_report (const KoersReportData      *data,
                const KoersReportObjective *objective,
                guint                       depth)
{
  return objective->department != NULL || is_supported_in_report (data, objective, depth);
}

static gboolean
draw_supporters (KoersReportLayout          *layout,
                 const KoersReportObjective *parent,
                 double                      indent,
                 guint                       depth)
{
  const KoersReportData *data = layout->data;
  gboolean               any = FALSE;

  for (guint l = 0; l < 2 && depth < 2; l++)
    {
      GPtrArray *list = l == 0 ? data->objectives : data->extra_objectives;

      for (guint i = 0; i < list->len; i++)
        {
          const KoersReportObjective *objective = g_ptr_array_index (list, i);

          if (objective->aligned_to_id != parent->id || objective->level == KOERS_LEVEL_COMPANY ||
              objective == parent || !reaches_report (data, objective, depth + 1))
            continue;
          draw_supporting_row (layout, objective, indent);
          draw_supporters (layout, objective, indent + 14.0, depth + 1);
          any = TRUE;
        }
    }

  return any;
}

/* A company objective (or a department objective aligned to none that
 * teams in the report support) and what supports it. */
static void
draw_root_objective (KoersReportLayout          *layout,
                     const KoersReportObjective *root)
{
  g_autoptr (PangoLayout) title = NULL;
  g_autoptr (PangoLayout) score = NULL;
  g_autofree char *score_text = koers_format_score (layout->lang, root->score, 2);
  g_autofree char *heading = NULL;
  g_autofree char *root_title = dup_alignment_title (layout, root);
  double           score_w = 40.0;
  double           top, h;

  /* A department's objective says whose it is. */
  heading = root->level == KOERS_LEVEL_COMPANY
              ? g_strdup (root_title)
              : g_strdup_printf ("%s: %s",
                                 root->department != NULL ? root->department->name
                                                          : root->outside_department,
                                 root_title);
  title = koers_report_layout_text (layout, KOERS_REPORT_FONT_H3, heading,
                                    KOERS_REPORT_CONTENT_WIDTH - score_w - 20.0, 4, PANGO_ALIGN_LEFT);
  score = koers_report_layout_text (layout, KOERS_REPORT_FONT_H3, score_text, score_w, 1, PANGO_ALIGN_RIGHT);
  h = koers_report_text_height (title) + 8.0;

  /* The objective and at least its first supporter on one page. */
  koers_report_layout_ensure (layout, h + 20.0);
  top = layout->y;
  koers_report_layout_fill_rect (layout, KOERS_REPORT_MARGIN_X, top, KOERS_REPORT_CONTENT_WIDTH, h,
                                 &koers_report_accent_light);
  koers_report_layout_fill_rect (layout, KOERS_REPORT_MARGIN_X, top, 3.0, h, &koers_report_accent);
  koers_report_layout_begin_link (layout, root->department != NULL ? root->dest : NULL);
  koers_report_layout_draw_text (layout, title, KOERS_REPORT_MARGIN_X + 10.0, top + 4.0, &koers_report_ink);
  koers_report_layout_end_link (layout);
  koers_report_layout_draw_text (layout, score,
                                 KOERS_REPORT_MARGIN_X + KOERS_REPORT_CONTENT_WIDTH - score_w - 6.0,
                                 top + 4.0, koers_report_score_color (root->score));
  layout->y += h + 5.0;

  if (!draw_supporters (layout, root, 10.0, root->level == KOERS_LEVEL_COMPANY ? 0 : 1))
    koers_report_layout_paragraph (layout, KOERS_REPORT_FONT_SMALL,
                                   koers_report_str (layout->lang, KOERS_REPORT_STR_NO_SUPPORT),
                                   &koers_report_muted, 10.0, 0);
  layout->y += 12.0;
}

/* A department objective aligned to no company objective that teams in
 * the report support: their tree starts there. */
static gboolean
is_department_root (const KoersReportData      *data,
                    const KoersReportObjective *objective)
{
  return objective->level == KOERS_LEVEL_DEPARTMENT && !koers_report_objective_is_aligned (data, objective) &&
         is_supported_in_report (data, objective, 1);
}

gboolean
koers_report_section_alignment (KoersReportLayout *layout)
{
  const KoersReportData *data = layout->data;
  KoersLanguage          lang = layout->lang;
  GPtrArray             *lists[] = { data->objectives, data->extra_objectives };
  gboolean               any_unaligned = FALSE;

  koers_report_layout_begin_section (layout);
  koers_report_layout_add_outline (layout, CAIRO_PDF_OUTLINE_ROOT,
                                   koers_report_str (lang, KOERS_REPORT_STR_ALIGNMENT),
                                   KOERS_REPORT_DEST_ALIGNMENT, FALSE);
  koers_report_layout_heading (layout, KOERS_REPORT_FONT_H1, koers_report_str (lang, KOERS_REPORT_STR_ALIGNMENT),
                               KOERS_REPORT_DEST_ALIGNMENT, 60.0);
  layout->y += 4.0;
  koers_report_layout_paragraph (layout, KOERS_REPORT_FONT_BODY,
                                 koers_report_str (lang, KOERS_REPORT_STR_ALIGNMENT_INTRO),
                                 &koers_report_muted, 0, 14.0);

  /* The company's objectives, then departments' aligned to none that
   * their teams support.  Outside the report's departments an objective
   * shows only when one of them supports it. */
  for (guint root_level = 0; root_level < 2; root_level++)
    {
      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        {
          for (guint i = 0; i < lists[l]->len; i++)
            {
              const KoersReportObjective *objective = g_ptr_array_index (lists[l], i);

              if (root_level == 0 && (objective->level != KOERS_LEVEL_COMPANY ||
                                      (l == 1 && !is_supported_in_report (data, objective, 0))))
                continue;
              if (root_level == 1 && !is_department_root (data, objective))
                continue;

              draw_root_objective (layout, objective);
            }
        }
    }

  for (guint i = 0; i < data->objectives->len; i++)
    {
      const KoersReportObjective *objective = g_ptr_array_index (data->objectives, i);

      if (objective->level == KOERS_LEVEL_COMPANY || koers_report_objective_is_aligned (data, objective))
        continue;

      if (!any_unaligned)
        {
          koers_report_layout_heading (layout, KOERS_REPORT_FONT_H3,
                                       koers_report_str (lang, KOERS_REPORT_STR_NOT_ALIGNED), NULL, 20.0);
          layout->y += 6.0;
          any_unaligned = TRUE;
        }
      draw_supporting_row (layout, objective, 0.0);
    }

  return koers_report_layout_tick (layout);
}
