/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "core/koers-date.h"
#include "core/koers-scoring.h"
#include "core/koers-summary.h"
#include "koers-report-capacity.h"
#include "koers-report-data.h"
#include "koers-report-kpis.h"

static void
key_result_free (gpointer p)
{
  KoersReportKeyResult *kr = p;

  g_ptr_array_unref (kr->checkins);
  g_free (kr);
}

static void
objective_free (gpointer p)
{
  KoersReportObjective *objective = p;

  g_ptr_array_unref (objective->key_results);
  g_free (objective);
}

static void
department_free (gpointer p)
{
  KoersReportDepartment *dept = p;

  g_ptr_array_unref (dept->objectives);
  g_clear_pointer (&dept->kpis, g_ptr_array_unref);
  g_free (dept);
}

void
koers_report_data_free (KoersReportData *data)
{
  if (data == NULL)
    return;

  g_clear_pointer (&data->objective_by_id, g_hash_table_unref);
  g_clear_pointer (&data->objectives, g_ptr_array_unref);
  g_clear_pointer (&data->extra_objectives, g_ptr_array_unref);
  g_clear_pointer (&data->departments, g_ptr_array_unref);
  koers_report_capacity_free (data->capacity);
  g_clear_pointer (&data->without_okrs, g_ptr_array_unref);
  g_clear_pointer (&data->left_out, g_ptr_array_unref);
  g_string_chunk_free (data->strings);
  g_free (data);
}

char *
koers_report_data_keep (const KoersReportData *data,
                        const char            *text)
{
  return text != NULL ? g_string_chunk_insert_const (data->strings, text) : NULL;
}

/* Empty and whitespace-only strings read as "not given". */
static char *
keep_text (const KoersReportData *data,
           const char            *text)
{
  if (text == NULL)
    return NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return koers_report_data_keep (data, text);
    }

  return NULL;
}

/* A PDF destination name, "objective-12". */
static char *
keep_dest (const KoersReportData *data,
           const char            *kind,
           gint64                 id)
{
  g_autofree char *dest = g_strdup_printf ("%s-%" G_GINT64_FORMAT, kind, id);

  return koers_report_data_keep (data, dest);
}

static KoersReportCheckin *
collect_checkin (const KoersReportData *data,
                 KoersCheckin          *checkin)
{
  KoersReportCheckin *out = g_new0 (KoersReportCheckin, 1);

  out->date = koers_report_data_keep (data, koers_checkin_get_date (checkin));
  if (!koers_date_parse (out->date, &out->gdate))
    g_date_clear (&out->gdate, 1);
  out->value = koers_checkin_get_value (checkin);
  out->status = koers_checkin_get_status (checkin);
  out->note = keep_text (data, koers_checkin_get_note (checkin));

  return out;
}

static KoersReportKeyResult *
collect_key_result (const KoersReportData *data,
                    KoersReportObjective  *objective,
                    KoersKeyResult        *kr,
                    const GDate           *today)
{
  KoersReportKeyResult *out = g_new0 (KoersReportKeyResult, 1);
  GListModel           *checkins = koers_key_result_get_checkins (kr);
  guint                 n = g_list_model_get_n_items (checkins);

  out->id = koers_key_result_get_id (kr);
  out->objective = objective;
  out->title = koers_report_data_keep (data, koers_key_result_get_title (kr));
  out->owner = keep_text (data, koers_key_result_get_owner (kr));
  out->unit = koers_report_data_keep (data, koers_key_result_get_unit (kr));
  out->metric_kind = koers_key_result_get_metric_kind (kr);
  out->start = koers_key_result_get_start_value (kr);
  out->target = koers_key_result_get_target_value (kr);
  out->current = koers_key_result_get_current_value (kr);
  out->progress = koers_key_result_get_progress (kr);
  out->due_date = koers_report_data_keep (data, koers_key_result_get_due_date (kr));
  out->uses_personal_data = koers_key_result_get_uses_personal_data (kr);
  out->personal_data_note = keep_text (data, koers_key_result_get_personal_data_note (kr));

  /* The model keeps them newest first; a chart wants them in time order. */
  out->checkins = g_ptr_array_new_full (n, g_free);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr (KoersCheckin) checkin = g_list_model_get_item (checkins, i - 1);

      g_ptr_array_add (out->checkins, collect_checkin (data, checkin));
    }
  if (n > 0)
    out->latest = g_ptr_array_index (out->checkins, n - 1);

  /* As the key result rows in the window do: expected progress over the
   * objective's period, unknown without one. */
  out->expected = objective->has_period
                    ? koers_score_expected_progress (&objective->period, today)
                    : NAN;
  out->status = koers_key_result_get_status (kr, objective->has_period ? &objective->period : NULL,
                                             today);

  return out;
}

/* An archived objective supports nothing: what is aligned to it shows
 * as unaligned, and says why. */
static gboolean
is_aligned_to_archived (KoersStore     *store,
                        KoersObjective *objective)
{
  KoersObjective *target = koers_store_find_objective (store, koers_objective_get_aligned_to_id (objective));

  return target != NULL && koers_objective_get_archived (target);
}

static KoersReportObjective *
collect_objective (const KoersReportData *data,
                   KoersObjective        *objective,
                   const GDate           *today)
{
  KoersReportObjective *out = g_new0 (KoersReportObjective, 1);
  GListModel           *krs = koers_objective_get_key_results (objective);
  guint                 n = g_list_model_get_n_items (krs);
  double                expected;

  out->id = koers_objective_get_id (objective);
  out->title = koers_report_data_keep (data, koers_objective_get_title (objective));
  out->owner = keep_text (data, koers_objective_get_owner (objective));
  out->level = koers_objective_get_level (objective);
  out->kind = koers_objective_get_kind (objective);
  out->state = koers_objective_get_state (objective);
  out->has_period = koers_objective_get_parsed_period (objective, &out->period);
  out->aligned_to_id = koers_objective_get_aligned_to_id (objective);
  out->score = koers_objective_get_score (objective);
  out->dest = keep_dest (data, "objective", out->id);

  out->key_results = g_ptr_array_new_full (n, key_result_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, i);

      g_ptr_array_add (out->key_results, collect_key_result (data, out, kr, today));
    }

  expected = out->has_period ? koers_score_expected_progress (&out->period, today) : NAN;
  out->status = n > 0 ? koers_score_key_result_status (out->score, KOERS_CHECKIN_STATUS_NONE, expected)
                      : KOERS_KR_STATUS_IN_PROGRESS;

  return out;
}

/* An objective of the period before counts towards its department's
 * score then (objectives spanning both periods count in both, as they do
 * in the history of a department's score). */
static void
add_previous_score (GHashTable        *dept_by_id,
                    KoersObjective    *objective,
                    const KoersPeriod *previous)
{
  gint64                 dept_id = koers_objective_get_department_id (objective);
  KoersReportDepartment *dept = g_hash_table_lookup (dept_by_id, &dept_id);

  if (dept == NULL || !koers_objective_in_period (objective, previous))
    return;

  /* A running mean: n_previous is kept in previous_score's company. */
  dept->previous_score = (dept->previous_score * dept->n_previous + koers_objective_get_score (objective)) /
                         (dept->n_previous + 1);
  dept->n_previous++;
  dept->has_previous = TRUE;
}

static gboolean
wants_department (const KoersReportOptions *opts,
                  gint64                    id)
{
  if (opts->department_ids == NULL || opts->n_department_ids == 0)
    return TRUE;

  for (guint i = 0; i < opts->n_department_ids; i++)
    {
      if (opts->department_ids[i] == id)
        return TRUE;
    }

  return FALSE;
}

/* The position a department sorts by: a team's is its department's, and
 * it comes after the department (rank 1) in the store's order. */
typedef struct
{
  guint root;
  guint rank;
  guint own;
} SortKey;

static int
compare_keys_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  GHashTable    *keys = user_data;
  const SortKey *ka = g_hash_table_lookup (keys, *(gpointer const *) a);
  const SortKey *kb = g_hash_table_lookup (keys, *(gpointer const *) b);

  if (ka->root != kb->root)
    return ka->root < kb->root ? -1 : 1;
  if (ka->rank != kb->rank)
    return ka->rank < kb->rank ? -1 : 1;
  return ka->own < kb->own ? -1 : ka->own > kb->own;
}

/* Each team right after its department (the store lists teams last), so
 * a board reads a department and its teams together. */
static void
order_teams (GPtrArray  *departments,
             GHashTable *dept_by_id)
{
  g_autoptr (GHashTable) keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr (GHashTable) position = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < departments->len; i++)
    g_hash_table_insert (position, g_ptr_array_index (departments, i), GUINT_TO_POINTER (i));
  for (guint i = 0; i < departments->len; i++)
    {
      KoersReportDepartment *dept = g_ptr_array_index (departments, i);
      KoersReportDepartment *parent = dept->parent_id != 0 ? g_hash_table_lookup (dept_by_id, &dept->parent_id) : NULL;
      SortKey               *key = g_new (SortKey, 1);

      key->root = parent != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (position, parent)) : i;
      key->rank = parent != NULL ? 1 : 0;
      key->own = i;
      g_hash_table_insert (keys, dept, key);
    }
  g_ptr_array_sort_with_data (departments, compare_keys_cb, keys);
}

KoersReportData *
koers_report_data_collect (KoersStore               *store,
                           const KoersReportOptions *opts)
{
  KoersReportData *data = g_new0 (KoersReportData, 1);
  g_autoptr (GHashTable) dept_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GPtrArray) all_departments = g_ptr_array_new_with_free_func (department_free);
  GListModel *departments = koers_store_get_departments (store);
  GListModel *objectives = koers_store_get_objectives (store);
  g_autoptr (GHashTable) moved_by = koers_report_kpis_index_moved_by (store, &opts->period);
  guint n;

  data->strings = g_string_chunk_new (4096);
  data->language = opts->language;
  data->include_notes = opts->include_notes;
  data->organisation = keep_text (data, opts->organisation != NULL ? opts->organisation
                                                                   : koers_store_get_organisation (store));
  data->period = opts->period;
  if (g_date_valid (&opts->generated))
    data->generated = opts->generated;
  else
    koers_date_today (&data->generated);
  data->whole_company = opts->department_ids == NULL || opts->n_department_ids == 0;
  koers_period_previous (&opts->period, &data->previous_period);
  data->without_okrs = g_ptr_array_new ();
  data->left_out = g_ptr_array_new_with_free_func (department_free);
  data->objectives = g_ptr_array_new_with_free_func (objective_free);
  data->extra_objectives = g_ptr_array_new_with_free_func (objective_free);
  data->objective_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  n = g_list_model_get_n_items (departments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i);
      KoersReportDepartment *out;

      if (!wants_department (opts, koers_department_get_id (dept)))
        continue;

      out = g_new0 (KoersReportDepartment, 1);
      out->id = koers_department_get_id (dept);
      out->name = koers_report_data_keep (data, koers_department_get_name (dept));
      out->is_company = koers_department_get_is_company (dept);
      out->parent_id = koers_department_get_parent_id (dept);
      out->objectives = g_ptr_array_new ();
      out->dest = keep_dest (data, "department", out->id);
      koers_report_kpis_collect (store, data, out, moved_by);
      g_ptr_array_add (all_departments, out);
      g_hash_table_insert (dept_by_id, &out->id, out);
    }

  order_teams (all_departments, dept_by_id);

  n = g_list_model_get_n_items (objectives);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);
      KoersReportDepartment *dept;
      KoersReportObjective  *out;
      gint64                 dept_id;

      if (koers_objective_get_archived (objective))
        continue;
      add_previous_score (dept_by_id, objective, &data->previous_period);
      if (!koers_objective_in_period (objective, &opts->period))
        continue;
      dept_id = koers_objective_get_department_id (objective);
      dept = g_hash_table_lookup (dept_by_id, &dept_id);
      if (dept == NULL)
        {
          /* Outside the report, but a selected department's or team's
           * objective may support it: keep company and department
           * objectives for the alignment page (a team objective aligns
           * to its department's). */
          if (koers_objective_get_level (objective) == KOERS_LEVEL_TEAM)
            continue;
          KoersDepartment *outside = koers_store_find_department (store, dept_id);

          out = collect_objective (data, objective, &data->generated);
          out->outside_department = koers_report_data_keep (data, outside != NULL ? koers_department_get_name (outside) : "");
          g_ptr_array_add (data->extra_objectives, out);
        }
      else
        {
          out = collect_objective (data, objective, &data->generated);
          out->department = dept;
          g_ptr_array_add (dept->objectives, out);
        }
      out->aligned_to_archived = is_aligned_to_archived (store, objective);
      g_hash_table_insert (data->objective_by_id, &out->id, out);
    }

  /* Department order, and the departments' own figures. */
  data->departments = g_ptr_array_new_with_free_func (department_free);
  for (guint i = 0; i < all_departments->len; i++)
    {
      KoersReportDepartment *dept = g_ptr_array_index (all_departments, i);
      double                 sum = 0.0;

      /* A whole-company report leaves out departments with nothing to
       * show (no objectives, no KPIs); a department asked for by name
       * gets its (empty) section. */
      if (dept->objectives->len == 0 && !dept->is_company)
        g_ptr_array_add (data->without_okrs, dept);
      if (dept->objectives->len == 0 && dept->kpis->len == 0 && data->whole_company)
        continue;

      for (guint j = 0; j < dept->objectives->len; j++)
        {
          KoersReportObjective *objective = g_ptr_array_index (dept->objectives, j);

          g_ptr_array_add (data->objectives, objective);
          sum += objective->score;
          dept->n_key_results += objective->key_results->len;
        }
      dept->score = dept->objectives->len > 0 ? sum / dept->objectives->len : 0.0;
      dept->status = koers_score_key_result_status (dept->score, KOERS_CHECKIN_STATUS_NONE,
                                                    koers_score_expected_progress (&data->period, &data->generated));
      dept->in_report = TRUE;
      data->n_key_results += dept->n_key_results;

      g_ptr_array_add (data->departments, g_ptr_array_steal_index (all_departments, i));
      i--;
    }
  /* The rest are named in the summary's "needs attention". */
  while (all_departments->len > 0)
    g_ptr_array_add (data->left_out, g_ptr_array_steal_index (all_departments, 0));

  data->capacity = koers_report_capacity_collect (store, data);
  return data;
}

gboolean
koers_report_objective_is_missed (const KoersReportData      *data,
                                  const KoersReportObjective *objective)
{
  if (objective->kind != KOERS_OBJECTIVE_KIND_COMMITTED)
    return FALSE;
  if (objective->state == KOERS_OBJECTIVE_STATE_MISSED)
    return TRUE;
  if (objective->state == KOERS_OBJECTIVE_STATE_ACHIEVED)
    return FALSE;
  if (!objective->has_period || g_date_compare (&objective->period.end, &data->generated) >= 0)
    return FALSE;

  return !koers_score_is_success (objective->kind, objective->score);
}

void
koers_report_data_get_totals (const KoersReportData *data,
                              KoersReportTotals     *out)
{
  double score_sum = 0.0;
  double aspirational_sum = 0.0;

  *out = (KoersReportTotals){
    0,
  };

  for (guint i = 0; i < data->objectives->len; i++)
    {
      const KoersReportObjective *objective = g_ptr_array_index (data->objectives, i);

      score_sum += objective->score;
      out->objectives_by_status[objective->status]++;

      for (guint j = 0; j < objective->key_results->len; j++)
        {
          const KoersReportKeyResult *kr = g_ptr_array_index (objective->key_results, j);

          out->key_results_by_status[kr->status]++;
        }

      if (objective->kind == KOERS_OBJECTIVE_KIND_ASPIRATIONAL)
        {
          out->n_aspirational++;
          aspirational_sum += objective->score;
        }
      else if (objective->state == KOERS_OBJECTIVE_STATE_ACHIEVED ||
               koers_score_is_success (objective->kind, objective->score))
        out->committed_achieved++;
      else if (koers_report_objective_is_missed (data, objective))
        out->committed_missed++;
      else
        out->committed_open++;
    }

  if (data->objectives->len > 0)
    out->score = score_sum / data->objectives->len;
  if (out->n_aspirational > 0)
    out->aspirational_mean = aspirational_sum / out->n_aspirational;
}

static double
risk_gap (const KoersReportKeyResult *kr)
{
  return isnan (kr->expected) ? 0.0 : kr->expected - kr->progress;
}

static int
compare_risks (gconstpointer a,
               gconstpointer b)
{
  const KoersReportKeyResult *x = *(KoersReportKeyResult *const *) a;
  const KoersReportKeyResult *y = *(KoersReportKeyResult *const *) b;
  double                      gx, gy;

  /* Off track before at risk, then the furthest behind first. */
  if (x->status != y->status)
    return x->status == KOERS_KR_STATUS_OFF_TRACK ? -1 : 1;

  gx = risk_gap (x);
  gy = risk_gap (y);
  if (gx != gy)
    return gx > gy ? -1 : 1;

  return x->progress < y->progress ? -1 : x->progress > y->progress ? 1
                                                                    : 0;
}

GPtrArray *
koers_report_data_list_risks (const KoersReportData *data)
{
  GPtrArray *risks = g_ptr_array_new ();

  for (guint i = 0; i < data->objectives->len; i++)
    {
      const KoersReportObjective *objective = g_ptr_array_index (data->objectives, i);

      for (guint j = 0; j < objective->key_results->len; j++)
        {
          KoersReportKeyResult *kr = g_ptr_array_index (objective->key_results, j);

          if (kr->status == KOERS_KR_STATUS_AT_RISK || kr->status == KOERS_KR_STATUS_OFF_TRACK)
            g_ptr_array_add (risks, kr);
        }
    }

  /* g_ptr_array_sort is stable (a merge sort), so equal risks keep the
   * report's order. */
  g_ptr_array_sort (risks, compare_risks);

  return risks;
}

gboolean
koers_report_objective_is_aligned (const KoersReportData      *data,
                                   const KoersReportObjective *objective)
{
  const KoersReportObjective *target;

  if (objective->aligned_to_id == 0)
    return FALSE;
  target = g_hash_table_lookup (data->objective_by_id, &objective->aligned_to_id);
  return target != NULL && target->level < objective->level;
}
