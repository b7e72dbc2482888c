/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A sidebar row's figures (objectives, score, key results that need a
 * check-in) for a department whose objectives of the period the model does
 * not hold yet.  The window's first frame reads one department's cards and
 * shows the rows of twenty more: their figures come from one query over
 * the columns they are computed from, instead of reading those
 * departments' objectives, key results and sparklines into the model (on a
 * large company that read was a third of the window's start).  Both ways
 * count through koers_summary_add_objective(), so they agree. */
#include "config.h"

#include "core/koers-enums.h"
#include "core/koers-scoring.h"
#include "koers-store-private.h"

/* One row per key result (or per objective without any), an objective's
 * rows together.  The latest check-in's day comes from the index on
 * (key_result_id, date); current_value follows the latest check-in. */
#define SUMMARY_ROWS                                                                  \
  "SELECT o.department_id, o.id, o.state, o.archived, o.period,"                      \
  " k.id, k.metric_kind, k.start_value, k.target_value, k.current_value, k.weight,"   \
  " k.created, (SELECT max (c.date) FROM checkins AS c WHERE c.key_result_id = k.id)" \
  " FROM objectives AS o LEFT JOIN key_results AS k ON k.objective_id = o.id"         \
  " WHERE o.department_id IN (SELECT value FROM json_each (?1))"                      \
  " AND o.period = ?2"                                                                \
  " ORDER BY o.id"

/* An objective being summed up from its rows. */
typedef struct
{
  gint64   id;
  gint64   department_id;
  gboolean counts;         /* not archived */
  gboolean wants_checkins; /* active, its period begun */
  GArray  *scores;
  GArray  *weights;
  guint    n_stale;
} ObjectiveRows;

void
koers_store_clear_summaries (KoersStore *self)
{
  g_clear_pointer (&self->summaries, g_hash_table_unref);
}

static KoersSummary *
find_summary (KoersStore *self,
              gint64      department_id)
{
  KoersSummary *summary = g_hash_table_lookup (self->summaries, &department_id);

  if (summary == NULL)
    {
      summary = g_new0 (KoersSummary, 1);
      g_hash_table_insert (self->summaries, g_memdup2 (&department_id, sizeof department_id), summary);
    }
  return summary;
}

/* The objective gathered so far into its department's summary. */
static void
flush_objective (KoersStore    *self,
                 ObjectiveRows *rows)
{
  if (rows->id == 0)
    return;
  if (rows->counts)
    koers_summary_add_objective (find_summary (self, rows->department_id),
                                 koers_score_weighted_mean ((double *) (gpointer) rows->scores->data,
                                                            (double *) (gpointer) rows->weights->data,
                                                            rows->scores->len),
                                 rows->scores->len, rows->n_stale);
  rows->id = 0;
  g_array_set_size (rows->scores, 0);
  g_array_set_size (rows->weights, 0);
  rows->n_stale = 0;
}

/* Starts gathering the objective of the statement's row. */
static void
begin_objective (ObjectiveRows *rows,
                 KoersDbStmt   *stmt,
                 const GDate   *today)
{
  KoersObjectiveState state = KOERS_OBJECTIVE_STATE_ACTIVE;
  KoersPeriod         period;
  gboolean            parsed = koers_period_parse (koers_store_column_text (stmt, 4), &period, NULL);

  /* Unknown: the model's default, as the model reads it. */
  koers_objective_state_from_string (koers_store_column_text (stmt, 2), &state);

  rows->id = koers_db_column_int64 (stmt, 1);
  rows->department_id = koers_db_column_int64 (stmt, 0);
  /* As koers_objective_get_archived(): the flag, or the state of old. */
  rows->counts = koers_db_column_int64 (stmt, 3) == 0 && state != KOERS_OBJECTIVE_STATE_ARCHIVED;
  rows->wants_checkins = koers_summary_wants_checkins (state, parsed ? &period : NULL, today);
}

static void
add_key_result (ObjectiveRows *rows,
                KoersDbStmt   *stmt,
                const GDate   *today)
{
  KoersMetricKind kind = KOERS_METRIC_KIND_NUMBER;
  double          progress;
  double          weight = koers_db_column_double (stmt, 10);

  koers_metric_kind_from_string (koers_store_column_text (stmt, 6), &kind);
  progress = koers_score_key_result_progress (kind, koers_db_column_double (stmt, 7),
                                              koers_db_column_double (stmt, 8),
                                              koers_db_column_double (stmt, 9));

  g_array_append_val (rows->scores, progress);
  g_array_append_val (rows->weights, weight);
  if (rows->wants_checkins &&
      koers_summary_is_stale (progress, koers_store_column_text (stmt, 12),
                              koers_db_column_int64 (stmt, 11), today))
    rows->n_stale++;
}

/* The summaries of the departments in ids (a JSON array) from their
 * objectives of one period key. */
static gboolean
read_summaries_of_key (KoersStore  *self,
                       const char  *ids,
                       const char  *key,
                       const GDate *today,
                       GError     **error)
{
  g_autoptr (KoersDbStmt) stmt = koers_store_prepare (self, SUMMARY_ROWS, error);
  ObjectiveRows rows = { 0 };
  int           rc;

  if (stmt == NULL)
    return FALSE;
  koers_store_bind_text (stmt, 1, ids);
  koers_store_bind_text (stmt, 2, key);

  rows.scores = g_array_new (FALSE, FALSE, sizeof (double));
  rows.weights = g_array_new (FALSE, FALSE, sizeof (double));
  while ((rc = koers_db_step (stmt)) == KOERS_DB_ROW)
    {
      if (koers_db_column_int64 (stmt, 1) != rows.id)
        {
          flush_objective (self, &rows);
          begin_objective (&rows, stmt, today);
        }
      /* An objective without key results: one row, its key result NULL. */
      if (koers_db_column_type (stmt, 5) != KOERS_DB_NULL)
        add_key_result (&rows, stmt, today);
    }
  flush_objective (self, &rows);
  g_array_unref (rows.scores);
  g_array_unref (rows.weights);

  return koers_store_rows_ended (self, rc, error);
}

static gboolean
read_summaries (KoersStore        *self,
                const KoersPeriod *period,
                const char        *ids,
                const GDate       *today,
                GError           **error)
{
  g_autoptr (GPtrArray) keys = koers_store_list_period_keys (self, period, ids, error);

  if (keys == NULL)
    return FALSE;
  for (guint i = 0; i < keys->len; i++)
    if (!read_summaries_of_key (self, ids, g_ptr_array_index (keys, i), today, error))
      return FALSE;
  return TRUE;
}

gboolean
koers_store_read_department_summaries (KoersStore        *self,
                                       const KoersPeriod *period,
                                       const gint64      *department_ids,
                                       guint              n_department_ids,
                                       const GDate       *today,
                                       GError           **error)
{
  g_autoptr (GString) ids = g_string_new ("[");
  gboolean ok;

  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  g_return_val_if_fail (period != NULL && today != NULL, FALSE);

  /* Only while the period is read in part: then it is theirs. */
  if (!self->partial_read || !koers_period_equal (&self->partial_period, period))
    return TRUE;
  /* Summaries of another period or day are of no use any more. */
  if (self->summaries != NULL && g_date_compare (&self->summaries_today, today) != 0)
    koers_store_clear_summaries (self);
  if (self->summaries == NULL)
    self->summaries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->summaries_today = *today;

  for (guint i = 0; i < n_department_ids; i++)
    {
      if (koers_store_is_department_read (self, period, department_ids[i]) ||
          g_hash_table_contains (self->summaries, &department_ids[i]))
        continue;
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 1 ? "," : "", department_ids[i]);
      /* Read: a department without objectives in the period too. */
      find_summary (self, department_ids[i]);
    }
  if (ids->len == 1)
    return TRUE;
  g_string_append_c (ids, ']');

  if (!koers_store_begin_read (self, error))
    return FALSE;
  ok = read_summaries (self, period, ids->str, today, error);
  koers_store_end_read (self);
  if (!ok)
    koers_store_clear_summaries (self);
  return ok;
}

void
koers_store_summarize_department (KoersStore        *self,
                                  gint64             department_id,
                                  const KoersPeriod *period,
                                  const GDate       *today,
                                  KoersSummary      *out)
{
  KoersSummary *read;

  g_return_if_fail (KOERS_IS_STORE (self));
  g_return_if_fail (today != NULL && out != NULL);

  if (period != NULL && !koers_store_is_department_read (self, period, department_id) &&
      self->partial_read && koers_period_equal (&self->partial_period, period))
    {
      /* One query, when no summary was read for it. */
      if (self->summaries == NULL || !g_hash_table_contains (self->summaries, &department_id))
        koers_store_read_department_summaries (self, period, &department_id, 1, today, NULL);
      read = self->summaries != NULL ? g_hash_table_lookup (self->summaries, &department_id) : NULL;
      if (read != NULL)
        {
          *out = *read;
          koers_summary_finish (out);
          return;
        }
    }

  koers_summarize_department (koers_store_get_department_objectives (self, department_id),
                              department_id, period, today, out);
}
