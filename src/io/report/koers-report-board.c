/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "core/koers-text.h"
#include "koers-report-attention.h"
#include "koers-report-sections.h"
#include "koers-report-tables.h"

/* What a board asks first, on the summary pages: each department's score
 * and status with the change since the period before, and what needs
 * attention.  Every figure links to the page it comes from. */

static const KoersReportColumn department_columns[] = {
  { KOERS_REPORT_STR_COL_DEPARTMENT, 0.34, PANGO_ALIGN_LEFT, FALSE },
  { KOERS_REPORT_STR_OBJECTIVES, 0.16, PANGO_ALIGN_RIGHT, FALSE },
  { KOERS_REPORT_STR_COL_SCORE, 0.12, PANGO_ALIGN_RIGHT, FALSE },
  { KOERS_REPORT_STR_COL_CHANGE, 0.14, PANGO_ALIGN_RIGHT, FALSE },
  { KOERS_REPORT_STR_COL_STATUS, 0.24, PANGO_ALIGN_LEFT, FALSE },
};

/* "+0,05", "−0,10", "0,00"; "—" without a score before. */
static char *
format_change (KoersLanguage                lang,
               const KoersReportDepartment *dept)
{
  g_autofree char *number = NULL;
  double           change;

  if (!dept->has_previous || dept->objectives->len == 0)
    return g_strdup ("—");

  change = round ((dept->score - dept->previous_score) * 100.0) / 100.0;
  number = koers_format_score (lang, fabs (change), 2);
  if (change > 0)
    return g_strconcat ("+", number, NULL);
  if (change < 0)
    return g_strconcat ("−", number, NULL);
  return g_steal_pointer (&number);
}

void
koers_report_board_departments (KoersReportLayout *layout)
{
  const KoersReportData *data = layout->data;
  KoersLanguage          lang = layout->lang;
  g_autoptr (KoersReportTable) table = NULL;
  g_autofree char *previous = koers_format_period (lang, &data->previous_period);
  g_autofree char *note = koers_report_str_format (lang, KOERS_REPORT_STR_CHANGE_NOTE, previous, NULL, NULL);

  table = koers_report_table_new (layout, department_columns, G_N_ELEMENTS (department_columns));
  for (guint i = 0; i < data->departments->len; i++)
    {
      const KoersReportDepartment *dept = g_ptr_array_index (data->departments, i);
      g_autofree char             *n = g_strdup_printf ("%u", dept->objectives->len);
      g_autofree char             *change = format_change (lang, dept);

      if (dept->objectives->len == 0)
        continue;
      koers_report_table_add_row (table, TRUE);
      koers_report_table_set_text (table, 0, dept->name, NULL, TRUE, dept->dest);
      koers_report_table_set_value (table, 1, n);
      koers_report_table_set_link (table, 1, dept->dest);
      koers_report_table_set_score (table, 2, dept->score);
      koers_report_table_set_link (table, 2, dept->dest);
      koers_report_table_set_value (table, 3, change);
      koers_report_table_set_link (table, 3, dept->dest);
      koers_report_table_set_status (table, 4, dept->status);
      koers_report_table_set_link (table, 4, dept->dest);
    }

  koers_report_layout_heading (layout, KOERS_REPORT_FONT_H2,
                               koers_report_str (lang, KOERS_REPORT_STR_SCORE_PER_DEPARTMENT),
                               KOERS_REPORT_DEST_DEPARTMENT_SCORES, koers_report_table_keep_height (table) + 6.0);
  layout->y += 6.0;
  koers_report_table_draw (table);
  layout->y += 4.0;
  koers_report_layout_paragraph (layout, KOERS_REPORT_FONT_CAPTION, note, &koers_report_muted, 0, 0);
}

/* A list's heading with its count (n) and then table, the list; "None."
 * instead of the table when it is empty. */
static void
draw_list (KoersReportLayout *layout,
           KoersReportStr     title,
           const char        *a1,
           guint              n,
           KoersReportTable  *table)
{
  double           keep = koers_report_table_keep_height (table);
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *text = a1 != NULL ? koers_report_str_format (layout->lang, title, a1, count, NULL)
                                     : koers_report_str_format (layout->lang, title, count, NULL, NULL);

  layout->y += 8.0;
  if (n == 0)
    {
      /* "None." on the heading's line: an empty list takes one line. */
      g_autoptr (PangoLayout) head = koers_report_layout_text (layout, KOERS_REPORT_FONT_H3, text,
                                                               KOERS_REPORT_CONTENT_WIDTH, 4, PANGO_ALIGN_LEFT);
      double room = KOERS_REPORT_CONTENT_WIDTH - koers_report_text_width (head) - 8.0;
      g_autoptr (PangoLayout) none = koers_report_layout_text (layout, KOERS_REPORT_FONT_SMALL,
                                                               koers_report_str (layout->lang, KOERS_REPORT_STR_ATTENTION_NONE),
                                                               MAX (room, 1.0), 1, PANGO_ALIGN_LEFT);
      double top;

      if (pango_layout_get_line_count (head) == 1 && !pango_layout_is_ellipsized (none))
        {
          koers_report_layout_heading (layout, KOERS_REPORT_FONT_H3, text, NULL, 0.0);
          top = layout->y - koers_report_text_height (head);
          koers_report_layout_draw_text (layout, none, KOERS_REPORT_MARGIN_X + KOERS_REPORT_CONTENT_WIDTH - room,
                                         top + (double) (pango_layout_get_baseline (head) - pango_layout_get_baseline (none)) / PANGO_SCALE,
                                         &koers_report_muted);
          return;
        }
    }
  koers_report_layout_heading (layout, KOERS_REPORT_FONT_H3, text, NULL, n > 0 ? keep : 12.0);
  layout->y += 3.0;
  if (n == 0)
    koers_report_layout_paragraph (layout, KOERS_REPORT_FONT_SMALL,
                                   koers_report_str (layout->lang, KOERS_REPORT_STR_ATTENTION_NONE),
                                   &koers_report_muted, 0, 0);
  else
    koers_report_table_draw (table);
}

/* A row of the objective lists: its department, title and owner, linked. */
static void
add_objective_row (KoersReportTable           *table,
                   const KoersReportObjective *objective)
{
  koers_report_table_add_row (table, TRUE);
  koers_report_table_set_text (table, 0, objective->department->name, NULL, FALSE, objective->department->dest);
  koers_report_table_set_text (table, 1, objective->title, NULL, FALSE, objective->dest);
  koers_report_table_set_text (table, 2, koers_report_objective_owner (objective), NULL, FALSE, NULL);
}

static void
draw_committed (KoersReportLayout *layout,
                GPtrArray         *objectives)
{
  static const KoersReportColumn columns[] = {
    { KOERS_REPORT_STR_COL_DEPARTMENT, 0.22, PANGO_ALIGN_LEFT, FALSE },
    { KOERS_REPORT_STR_COL_OBJECTIVE, 0.42, PANGO_ALIGN_LEFT, FALSE },
    { KOERS_REPORT_STR_COL_OWNER, 0.14, PANGO_ALIGN_LEFT, FALSE, TRUE },
    { KOERS_REPORT_STR_COL_STATUS, 0.13, PANGO_ALIGN_LEFT, FALSE },
    { KOERS_REPORT_STR_COL_SCORE, 0.09, PANGO_ALIGN_RIGHT, FALSE },
  };
  g_autoptr (KoersReportTable) table = koers_report_table_new (layout, columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < objectives->len; i++)
    {
      const KoersReportObjective *objective = g_ptr_array_index (objectives, i);

      add_objective_row (table, objective);
      koers_report_table_set_status (table, 3, objective->status);
      koers_report_table_set_score (table, 4, objective->score);
      koers_report_table_set_link (table, 4, objective->dest);
    }
  draw_list (layout, KOERS_REPORT_STR_ATTENTION_COMMITTED, NULL, objectives->len, table);
}

static void
draw_stale (KoersReportLayout *layout,
            GPtrArray         *key_results)
{
  static const KoersReportColumn columns[] = {
    { KOERS_REPORT_STR_COL_DEPARTMENT, 0.22, PANGO_ALIGN_LEFT, FALSE },
    { KOERS_REPORT_STR_COL_KEY_RESULT, 0.42, PANGO_ALIGN_LEFT, FALSE },
    { KOERS_REPORT_STR_COL_OWNER, 0.14, PANGO_ALIGN_LEFT, FALSE, TRUE },
    { KOERS_REPORT_STR_COL_LAST_CHECKIN, 0.22, PANGO_ALIGN_LEFT, FALSE },
  };
  const KoersReportData *data = layout->data;
  KoersLanguage          lang = layout->lang;
  g_autoptr (KoersReportTable) table = koers_report_table_new (layout, columns, G_N_ELEMENTS (columns));
  g_autofree char *days = g_strdup_printf ("%d", KOERS_REPORT_STALE_DAYS);

  for (guint i = 0; i < key_results->len; i++)
    {
      const KoersReportKeyResult *kr = g_ptr_array_index (key_results, i);
      int                         silent = koers_report_key_result_days_silent (data, kr);
      g_autofree char            *when = NULL;
      g_autofree char            *ago = NULL;

      if (silent >= 0)
        {
          g_autofree char *n = g_strdup_printf ("%d", silent);

          when = koers_format_date (lang, &kr->latest->gdate);
          ago = koers_report_str_format (lang, KOERS_REPORT_STR_DAYS_AGO, n, NULL, NULL);
        }
      koers_report_table_add_row (table, TRUE);
      koers_report_table_set_text (table, 0, kr->objective->department->name, NULL, FALSE,
                                   kr->objective->department->dest);
      koers_report_table_set_text (table, 1, kr->title, kr->objective->title, FALSE, kr->objective->dest);
      koers_report_table_set_text (table, 2, koers_report_key_result_owner (kr), NULL, FALSE, NULL);
      koers_report_table_set_text (table, 3,
                                   when != NULL ? when : koers_report_str (lang, KOERS_REPORT_STR_NEVER_CHECKED_IN),
                                   ago, FALSE, NULL);
    }
  draw_list (layout, KOERS_REPORT_STR_ATTENTION_STALE, days, key_results->len, table);
}

static void
draw_without_key_results (KoersReportLayout *layout,
                          GPtrArray         *objectives)
{
  static const KoersReportColumn columns[] = {
    { KOERS_REPORT_STR_COL_DEPARTMENT, 0.22, PANGO_ALIGN_LEFT, FALSE },
    { KOERS_REPORT_STR_COL_OBJECTIVE, 0.56, PANGO_ALIGN_LEFT, FALSE },
    { KOERS_REPORT_STR_COL_OWNER, 0.22, PANGO_ALIGN_LEFT, FALSE, TRUE },
  };
  g_autoptr (KoersReportTable) table = koers_report_table_new (layout, columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < objectives->len; i++)
    {
      const KoersReportObjective *objective = g_ptr_array_index (objectives, i);

      add_objective_row (table, objective);
    }
  draw_list (layout, KOERS_REPORT_STR_ATTENTION_NO_KEY_RESULTS, NULL, objectives->len, table);
}

static void
draw_without_okrs (KoersReportLayout *layout,
                   GPtrArray         *departments)
{
  static const KoersReportColumn columns[] = {
    { KOERS_REPORT_STR_COL_DEPARTMENT, 1.0, PANGO_ALIGN_LEFT, FALSE },
  };
  g_autoptr (KoersReportTable) table = koers_report_table_new (layout, columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < departments->len; i++)
    {
      const KoersReportDepartment *dept = g_ptr_array_index (departments, i);
      g_autofree char             *name = koers_text_isolate (dept->name);
      g_autofree char             *text = dept->in_report ? g_strdup (name)
                                                          : koers_report_str_format (layout->lang,
                                                                                     KOERS_REPORT_STR_ATTENTION_NO_SECTION,
                                                                                     name, NULL, NULL);

      koers_report_table_add_row (table, TRUE);
      koers_report_table_set_text (table, 0, text, NULL, FALSE, dept->in_report ? dept->dest : NULL);
    }
  draw_list (layout, KOERS_REPORT_STR_ATTENTION_NO_OKRS, NULL, departments->len, table);
}

void
koers_report_board_attention (KoersReportLayout *layout)
{
  g_autoptr (KoersReportAttention) attention = koers_report_attention_collect (layout->data);

  koers_report_layout_heading (layout, KOERS_REPORT_FONT_H2,
                               koers_report_str (layout->lang, KOERS_REPORT_STR_ATTENTION),
                               KOERS_REPORT_DEST_ATTENTION, 60.0);
  draw_committed (layout, attention->committed_in_trouble);
  draw_stale (layout, attention->stale_key_results);
  draw_without_key_results (layout, attention->without_key_results);
  draw_without_okrs (layout, attention->departments_without_okrs);
}
