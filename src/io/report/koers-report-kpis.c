/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "core/koers-date.h"
#include "core/koers-kpi-status.h"
#include "core/koers-summary.h"
#include "core/koers-text.h"
#include "koers-report-kpis.h"
#include "koers-report-tables.h"

/* The order of the summary's bar and legend: good news first. */
static const KoersKpiStatus status_order[] = {
  KOERS_KPI_STATUS_HEALTHY,
  KOERS_KPI_STATUS_NEEDS_ATTENTION,
  KOERS_KPI_STATUS_UNHEALTHY,
  KOERS_KPI_STATUS_NONE,
};

/* Snapshot */

static void
kpi_free (gpointer p)
{
  KoersReportKpi *kpi = p;

  g_ptr_array_unref (kpi->values);
  g_ptr_array_unref (kpi->moved_by);
  g_free (kpi);
}

static KoersReportKpiValue *
collect_value (const KoersReportData *data,
               KoersKpiValue         *value,
               const GDate           *date)
{
  KoersReportKpiValue *out = g_new0 (KoersReportKpiValue, 1);
  g_autofree char     *note = g_strdup (koers_kpi_value_get_note (value));

  out->date = koers_report_data_keep (data, koers_kpi_value_get_date (value));
  out->gdate = *date;
  out->value = koers_kpi_value_get_value (value);
  /* Empty and whitespace-only notes read as none. */
  if (note != NULL && *g_strstrip (note) != '\0')
    out->note = koers_report_data_keep (data, note);

  return out;
}

/* The last day the report looks at: its period's end, or the report date
 * when that comes first (a report in the middle of a quarter). */
static void
get_report_end (const KoersReportData *data,
                GDate                 *out)
{
  *out = data->period.end;
  if (g_date_compare (&data->generated, out) < 0)
    *out = data->generated;
}

GHashTable *
koers_report_kpis_index_moved_by (KoersStore        *store,
                                  const KoersPeriod *period)
{
  GListModel *objectives = koers_store_get_objectives (store);
  GHashTable *index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);

  /* Once for all KPIs: asking the store per KPI walks every key result
   * each time, which a large organisation's hundreds of KPIs feel. */
  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *krs = koers_objective_get_key_results (objective);

      /* Only what the report is about: key results of the period, not of
       * archived objectives. */
      if (koers_objective_get_archived (objective) || !koers_objective_in_period (objective, period))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (krs); j++)
        {
          g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, j);
          gint64     kpi_id = koers_key_result_get_kpi_id (kr);
          GPtrArray *titles;

          if (kpi_id == 0)
            continue;
          titles = g_hash_table_lookup (index, &kpi_id);
          if (titles == NULL)
            {
              titles = g_ptr_array_new_with_free_func (g_free);
              g_hash_table_insert (index, g_memdup2 (&kpi_id, sizeof kpi_id), titles);
            }
          g_ptr_array_add (titles, g_strdup (koers_key_result_get_title (kr)));
        }
    }

  return index;
}

static KoersReportKpi *
collect_kpi (KoersStore            *store,
             const KoersReportData *data,
             KoersReportDepartment *dept,
             KoersKpi              *kpi,
             const GDate           *end,
             GHashTable            *moved_by)
{
  KoersReportKpi *out = g_new0 (KoersReportKpi, 1);
  GListModel     *values = koers_kpi_get_values (kpi);
  guint           n = g_list_model_get_n_items (values);
  KoersKpiValue  *latest = koers_kpi_find_value_on (kpi, end);
  GDate           latest_date;

  out->id = koers_kpi_get_id (kpi);
  out->department = dept;
  out->name = koers_report_data_keep (data, koers_kpi_get_name (kpi));
  out->unit = koers_report_data_keep (data, koers_kpi_get_unit (kpi));
  out->metric_kind = koers_kpi_get_metric_kind (kpi);
  out->direction = koers_kpi_get_direction (kpi);
  out->healthy = koers_kpi_get_healthy (kpi);
  out->attention = koers_kpi_get_attention (kpi);
  out->frequency = koers_kpi_get_frequency (kpi);
  out->status = KOERS_KPI_STATUS_NONE;

  if (latest != NULL && koers_date_parse (koers_kpi_value_get_date (latest), &latest_date))
    {
      out->has_value = TRUE;
      out->current = koers_kpi_value_get_value (latest);
      out->last_update = koers_report_data_keep (data, koers_kpi_value_get_date (latest));
      out->status = koers_kpi_compute_status (out->direction, out->healthy, out->attention, out->current);
      out->update_due = koers_kpi_compute_update_due (out->frequency, &latest_date, end);
    }
  else
    out->update_due = koers_kpi_compute_update_due (out->frequency, NULL, end);

  /* The model keeps them newest first: the period's values up to the
   * report's end, then the one before the period; a chart wants them in
   * time order. */
  out->values = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKpiValue) value = g_list_model_get_item (values, i);
      GDate date;

      if (!koers_date_parse (koers_kpi_value_get_date (value), &date) || g_date_compare (&date, end) > 0)
        continue;
      if (g_date_compare (&date, &data->period.start) < 0)
        {
          g_ptr_array_add (out->values, collect_value (data, value, &date));
          out->has_before = TRUE;
          break;
        }
      g_ptr_array_add (out->values, collect_value (data, value, &date));
    }
  for (guint i = 0; i < out->values->len / 2; i++)
    {
      gpointer *pdata = out->values->pdata;
      gpointer  swap = pdata[i];

      pdata[i] = pdata[out->values->len - 1 - i];
      pdata[out->values->len - 1 - i] = swap;
    }

  out->moved_by = g_ptr_array_new ();
  {
    gint64     id = koers_kpi_get_id (kpi);
    GPtrArray *titles = g_hash_table_lookup (moved_by, &id);

    for (guint i = 0; titles != NULL && i < titles->len; i++)
      g_ptr_array_add (out->moved_by, koers_report_data_keep (data, g_ptr_array_index (titles, i)));
  }

  return out;
}

void
koers_report_kpis_collect (KoersStore            *store,
                           const KoersReportData *data,
                           KoersReportDepartment *dept,
                           GHashTable            *moved_by)
{
  KoersDepartment *department = koers_store_find_department (store, dept->id);
  g_autoptr (GPtrArray) kpis = NULL;
  GDate end;

  dept->kpis = g_ptr_array_new_with_free_func (kpi_free);
  if (department == NULL)
    return;

  get_report_end (data, &end);
  kpis = koers_store_list_department_kpis (store, department);
  for (guint i = 0; i < kpis->len; i++)
    g_ptr_array_add (dept->kpis, collect_kpi (store, data, dept, g_ptr_array_index (kpis, i), &end,
                                              moved_by));
}

guint
koers_report_kpis_count (const KoersReportData *data,
                         guint                 *by_status)
{
  guint n = 0;

  memset (by_status, 0, sizeof (guint) * (KOERS_KPI_STATUS_UNHEALTHY + 1));
  for (guint i = 0; i < data->departments->len; i++)
    {
      const KoersReportDepartment *dept = g_ptr_array_index (data->departments, i);

      for (guint j = 0; j < dept->kpis->len; j++)
        {
          const KoersReportKpi *kpi = g_ptr_array_index (dept->kpis, j);

          by_status[kpi->status]++;
          n++;
        }
    }

  return n;
}

guint
koers_report_kpis_count_units (const KoersReportData *data)
{
  guint n = 0;

  for (guint i = 0; i < data->departments->len; i++)
    if (((KoersReportDepartment *) g_ptr_array_index (data->departments, i))->kpis->len > 0)
      n++;

  return n;
}

/* Words */

/* The change over the period, from its first value (or the one before
 * it) to its last, with the better side in words. */
static void
describe_trend (KoersLanguage         lang,
                const KoersReportKpi *kpi,
                char                **text,
                const char          **word)
{
  const KoersReportKpiValue *first, *last;
  g_autofree char           *size = NULL;
  double                     change;

  if (kpi->values->len == 0)
    {
      *text = g_strdup ("—");
      *word = koers_report_str (lang, KOERS_REPORT_STR_KPI_NO_VALUES);
      return;
    }
  if (kpi->values->len == 1)
    {
      *text = g_strdup ("—");
      *word = koers_report_str (lang, KOERS_REPORT_STR_TREND_ONE_VALUE);
      return;
    }

  first = g_ptr_array_index (kpi->values, 0);
  last = g_ptr_array_index (kpi->values, kpi->values->len - 1);
  change = last->value - first->value;
  size = koers_report_kpi_format_value (lang, kpi, fabs (change));

  if (fabs (change) < 1e-9)
    {
      *text = g_strdup ("=");
      *word = koers_report_str (lang, KOERS_REPORT_STR_TREND_UNCHANGED);
      return;
    }

  /* U+2212, the minus the format module uses for deltas. */
  *text = g_strdup_printf ("%s%s", change > 0 ? "+" : "−", size);
  if ((change > 0) == (kpi->direction == KOERS_KPI_DIRECTION_HIGHER))
    *word = koers_report_str (lang, KOERS_REPORT_STR_TREND_BETTER);
  else
    *word = koers_report_str (lang, KOERS_REPORT_STR_TREND_WORSE);
}

static char *
describe_kpi (KoersLanguage         lang,
              const KoersReportKpi *kpi)
{
  GString *out = g_string_new (koers_report_kpi_frequency_label (lang, kpi->frequency));

  if (kpi->moved_by->len > 0)
    {
      GString         *titles = g_string_new (NULL);
      g_autofree char *line = NULL;

      for (guint i = 0; i < kpi->moved_by->len; i++)
        {
          if (i > 0)
            g_string_append (titles, "; ");
          g_string_append (titles, g_ptr_array_index (kpi->moved_by, i));
        }
      line = koers_report_str_format (lang, KOERS_REPORT_STR_KPI_MOVED_BY, titles->str, NULL, NULL);
      g_string_append_printf (out, " · %s", line);
      g_string_free (titles, TRUE);
    }

  return g_string_free (out, FALSE);
}

/* Summary */

void
koers_report_kpis_summary_line (KoersReportLayout *layout)
{
  guint              counts[KOERS_KPI_STATUS_UNHEALTHY + 1];
  guint              total = koers_report_kpis_count (layout->data, counts);
  KoersReportBarPart parts[G_N_ELEMENTS (status_order)];
  double             label_w = 96.0;

  if (total == 0)
    return;

  /* Drawn as the objectives' and key results' bars above it are, with the
   * KPI words: one look for the whole summary. */
  for (guint i = 0; i < G_N_ELEMENTS (status_order); i++)
    {
      KoersKpiStatus status = status_order[i];

      parts[i] = (KoersReportBarPart){ counts[status], koers_report_kpi_color (status),
                                       koers_report_kpi_symbol (status),
                                       koers_report_kpi_status_label (layout->lang, status) };
    }
  layout->y += 8.0;
  koers_report_chart_split_bar (layout, koers_report_str (layout->lang, KOERS_REPORT_STR_KPIS), parts,
                                G_N_ELEMENTS (parts));

  layout->y += 4.0;
  koers_report_layout_paragraph (layout, KOERS_REPORT_FONT_CAPTION,
                                 koers_report_str (layout->lang, KOERS_REPORT_STR_KPI_SUMMARY_NOTE),
                                 &koers_report_muted, label_w + 8.0, 0);
}

/* The page */

static const KoersReportColumn kpi_columns[] = {
  { KOERS_REPORT_STR_COL_KPI, 0.22, PANGO_ALIGN_LEFT, FALSE },
  { KOERS_REPORT_STR_COL_CURRENT, 0.13, PANGO_ALIGN_LEFT, FALSE },
  { KOERS_REPORT_STR_COL_HEALTHY, 0.12, PANGO_ALIGN_LEFT, FALSE },
  { KOERS_REPORT_STR_COL_ATTENTION, 0.12, PANGO_ALIGN_LEFT, FALSE },
  { KOERS_REPORT_STR_COL_STATUS, 0.14, PANGO_ALIGN_LEFT, FALSE },
  /* "30 september 2026" on one line. */
  { KOERS_REPORT_STR_COL_LAST_UPDATE, 0.14, PANGO_ALIGN_LEFT, FALSE },
  { KOERS_REPORT_STR_COL_TREND, 0.13, PANGO_ALIGN_LEFT, FALSE },
};

static void
add_kpi_row (KoersReportLayout    *layout,
             KoersReportTable     *table,
             const KoersReportKpi *kpi)
{
  KoersLanguage    lang = layout->lang;
  g_autofree char *about = describe_kpi (lang, kpi);
  g_autofree char *current = kpi->has_value ? koers_report_kpi_format_value (lang, kpi, kpi->current) : g_strdup ("—");
  g_autofree char *healthy = koers_report_kpi_format_threshold (lang, kpi, kpi->healthy);
  g_autofree char *attention = koers_report_kpi_format_threshold (lang, kpi, kpi->attention);
  g_autofree char *last = kpi->last_update != NULL ? koers_format_date_iso (lang, kpi->last_update) : NULL;
  g_autofree char *trend = NULL;
  const char      *trend_word = NULL;

  describe_trend (lang, kpi, &trend, &trend_word);

  koers_report_table_add_row (table, TRUE);
  koers_report_table_set_text (table, 0, kpi->name, about, TRUE, NULL);
  koers_report_table_set_value (table, 1, current);
  koers_report_table_set_value (table, 2, healthy);
  koers_report_table_set_value (table, 3, attention);
  koers_report_table_set_status_label (table, 4, koers_report_kpi_symbol (kpi->status),
                                       koers_report_kpi_status_label (lang, kpi->status));
  koers_report_table_set_text (table, 5, last != NULL ? last : "—",
                               kpi->update_due ? koers_report_str (lang, KOERS_REPORT_STR_KPI_UPDATE_DUE) : NULL,
                               FALSE, NULL);
  koers_report_table_set_text (table, 6, trend, trend_word, FALSE, NULL);
}

static const KoersReportDepartment *
first_with_kpis (const KoersReportData *data)
{
  for (guint i = 0; i < data->departments->len; i++)
    {
      const KoersReportDepartment *dept = g_ptr_array_index (data->departments, i);

      if (dept->kpis->len > 0)
        return dept;
    }
  return NULL;
}

gboolean
koers_report_kpis_department (KoersReportLayout           *layout,
                              const KoersReportDepartment *dept,
                              int                          outline_parent)
{
  KoersLanguage lang = layout->lang;
  g_autoptr (KoersReportTable) table = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *dest = NULL;
  g_autofree char *date = NULL;
  g_autofree char *intro = NULL;
  guint            n = dept->kpis->len;
  GDate            end;

  if (n == 0)
    return TRUE;

  /* Right after the department's key results, on the same page when the
   * heading and the table's first rows fit there; their charts follow in
   * the department's grid of charts (koers-report-departments.c). */
  layout->y += 6.0;

  name = koers_text_isolate (dept->name);
  heading = koers_report_str_format (lang, KOERS_REPORT_STR_KPI_HEADING, name, NULL, NULL);
  dest = g_strdup_printf ("%s-kpis", dept->dest);
  koers_report_layout_add_outline (layout, outline_parent, koers_report_str (lang, KOERS_REPORT_STR_KPIS),
                                   dest, FALSE);
  table = koers_report_table_new (layout, kpi_columns, G_N_ELEMENTS (kpi_columns));
  for (guint i = 0; i < n; i++)
    add_kpi_row (layout, table, g_ptr_array_index (dept->kpis, i));
  koers_report_layout_heading (layout, KOERS_REPORT_FONT_H2, heading, dest,
                               koers_report_table_keep_height (table) + 30.0);
  layout->y += 2.0;

  /* What a KPI is, and the date they stand on, once: under the first
   * department's KPIs. */
  if (dept == first_with_kpis (layout->data))
    {
      get_report_end (layout->data, &end);
      date = koers_format_date (lang, &end);
      intro = koers_report_str_format (lang, KOERS_REPORT_STR_KPI_INTRO, date, NULL, NULL);
      koers_report_layout_paragraph (layout, KOERS_REPORT_FONT_SMALL, intro, &koers_report_muted, 0, 6.0);
    }
  else
    layout->y += 4.0;

  koers_report_table_draw (table);
  if (layout->cancelled || g_cancellable_is_cancelled (layout->cancellable))
    return FALSE;

  return koers_report_layout_tick (layout);
}
