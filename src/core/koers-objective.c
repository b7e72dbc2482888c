/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-enum-types.h"
#include "koers-field.h"
#include "koers-property.h"
#include "koers-list-watch.h"
#include "koers-objective.h"
#include "koers-resource-request.h"
#include "koers-scoring.h"

struct _KoersObjective
{
  GObject parent_instance;

  gint64              id;
  char               *uuid;
  gint64              department_id;
  char               *title;
  char               *description;
  KoersLevel          level;
  KoersObjectiveKind  kind;
  char               *period;
  char               *owner;
  gint64              aligned_to_id;
  KoersObjectiveState state;
  gint64              carried_over_from_id;
  int                 position;
  gint64              created;
  gint64              updated;
  /* The quarterly review: "" and -1 until it happened. */
  char  *postmortem;
  double final_grade;
  char  *review_note;
  /* Put away: kept with its history, out of the period's figures. */
  gboolean archived;
  /* Capacity (schema 7, koers-resource-request.h): the effort estimate in
   * person-days (0: none) and the resource request and its answer. */
  double            effort_days;
  double            request_days;
  double            request_budget;
  char             *request_reason;
  KoersRequestState request_state;
  char             *request_note;

  /* Derived, cached so that notify fires only on a real change. */
  double score;
  guint  n_key_results;

  GListStore *key_results;
  /* The key results whose progress and weight we watch (owned refs),
   * kept in step with key_results. */
  GHashTable *watched;
};

G_DEFINE_FINAL_TYPE (KoersObjective, koers_objective, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_DEPARTMENT_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_LEVEL,
  PROP_KIND,
  PROP_PERIOD,
  PROP_OWNER,
  PROP_ALIGNED_TO_ID,
  PROP_STATE,
  PROP_CARRIED_OVER_FROM_ID,
  PROP_POSITION,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_SCORE,
  PROP_N_KEY_RESULTS,
  PROP_POSTMORTEM,
  PROP_FINAL_GRADE,
  PROP_REVIEW_NOTE,
  PROP_ARCHIVED,
  PROP_EFFORT_DAYS,
  PROP_REQUEST_DAYS,
  PROP_REQUEST_BUDGET,
  PROP_REQUEST_REASON,
  PROP_REQUEST_STATE,
  PROP_REQUEST_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of the property ids above. */
static const KoersProperty property_table[] = {
  KOERS_PROPERTY_IDENTITY (KoersObjective),
  { "department-id", KOERS_PROPERTY_ID, G_STRUCT_OFFSET (KoersObjective, department_id) },
  { "title", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersObjective, title) },
  { "description", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersObjective, description) },
  { "level", KOERS_PROPERTY_ENUM, G_STRUCT_OFFSET (KoersObjective, level),
    .type = koers_level_get_type, .default_value = KOERS_LEVEL_DEPARTMENT },
  { "kind", KOERS_PROPERTY_ENUM, G_STRUCT_OFFSET (KoersObjective, kind),
    .type = koers_objective_kind_get_type, .default_value = KOERS_OBJECTIVE_KIND_COMMITTED },
  { "period", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersObjective, period) },
  { "owner", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersObjective, owner) },
  { "aligned-to-id", KOERS_PROPERTY_ID, G_STRUCT_OFFSET (KoersObjective, aligned_to_id) },
  { "state", KOERS_PROPERTY_ENUM, G_STRUCT_OFFSET (KoersObjective, state),
    .type = koers_objective_state_get_type, .default_value = KOERS_OBJECTIVE_STATE_ACTIVE },
  { "carried-over-from-id", KOERS_PROPERTY_ID, G_STRUCT_OFFSET (KoersObjective, carried_over_from_id) },
  { "position", KOERS_PROPERTY_INT, G_STRUCT_OFFSET (KoersObjective, position) },
  KOERS_PROPERTY_TIMESTAMPS (KoersObjective),
  { "score", KOERS_PROPERTY_DOUBLE, G_STRUCT_OFFSET (KoersObjective, score),
    .minimum = 0.0, .maximum = 1.0, .default_value = 0.0, .read_only = TRUE },
  { "n-key-results", KOERS_PROPERTY_UINT, G_STRUCT_OFFSET (KoersObjective, n_key_results),
    .read_only = TRUE },
  { "postmortem", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersObjective, postmortem) },
  { "final-grade", KOERS_PROPERTY_GRADE, G_STRUCT_OFFSET (KoersObjective, final_grade) },
  { "review-note", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersObjective, review_note) },
  { "archived", KOERS_PROPERTY_BOOLEAN, G_STRUCT_OFFSET (KoersObjective, archived) },
  { "effort-days", KOERS_PROPERTY_DOUBLE, G_STRUCT_OFFSET (KoersObjective, effort_days) },
  { "request-days", KOERS_PROPERTY_DOUBLE, G_STRUCT_OFFSET (KoersObjective, request_days) },
  { "request-budget", KOERS_PROPERTY_DOUBLE, G_STRUCT_OFFSET (KoersObjective, request_budget) },
  { "request-reason", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersObjective, request_reason) },
  { "request-state", KOERS_PROPERTY_ENUM, G_STRUCT_OFFSET (KoersObjective, request_state),
    .type = koers_request_state_get_type, .default_value = KOERS_REQUEST_STATE_NONE },
  { "request-note", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersObjective, request_note) },
};

static int
compare_position (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  int pa = koers_key_result_get_position ((KoersKeyResult *) a);
  int pb = koers_key_result_get_position ((KoersKeyResult *) b);

  if (pa != pb)
    return pa < pb ? -1 : 1;

  /* Equal positions (not stored yet): keep a stable order by id. */
  {
    gint64 ia = koers_key_result_get_id ((KoersKeyResult *) a);
    gint64 ib = koers_key_result_get_id ((KoersKeyResult *) b);

    return (ia > ib) - (ia < ib);
  }
}

static void
update_score (KoersObjective *self)
{
  GListModel        *model = G_LIST_MODEL (self->key_results);
  guint              n = g_list_model_get_n_items (model);
  g_autofree double *scores = g_new0 (double, MAX (n, 1));
  g_autofree double *weights = g_new0 (double, MAX (n, 1));
  double             score;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (model, i);

      scores[i] = koers_key_result_get_progress (kr);
      weights[i] = koers_key_result_get_weight (kr);
    }

  score = koers_score_weighted_mean (scores, weights, n);

  g_object_freeze_notify (G_OBJECT (self));
  koers_property_set_double (G_OBJECT (self), properties[PROP_SCORE], score);
  koers_property_set_uint (G_OBJECT (self), properties[PROP_N_KEY_RESULTS], n);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
key_result_changed_cb (KoersObjective *self,
                       GParamSpec     *pspec,
                       KoersKeyResult *kr)
{
  update_score (self);
}

/* What changes the objective's score. */
static const char *const watched_signals[] = { "notify::progress", "notify::weight", NULL };

/* Whoever changes the list, connect to what arrived and disconnect from
 * what left, then recompute. */
static void
key_results_changed_cb (KoersObjective *self,
                        guint           position,
                        guint           removed,
                        guint           added,
                        GListModel     *model)
{
  koers_list_watch_sync (self->watched, model, watched_signals, G_CALLBACK (key_result_changed_cb),
                         self);

  update_score (self);
}

static void
koers_objective_dispose (GObject *object)
{
  KoersObjective *self = (KoersObjective *) object;

  koers_list_watch_clear_list (&self->key_results, &self->watched,
                               G_CALLBACK (key_results_changed_cb),
                               G_CALLBACK (key_result_changed_cb), self);

  G_OBJECT_CLASS (koers_objective_parent_class)->dispose (object);
}

static void
koers_objective_class_init (KoersObjectiveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = koers_objective_dispose;
  koers_property_install_model (object_class, property_table, N_PROPS - 1, properties);
}

static void
koers_objective_init (KoersObjective *self)
{
  koers_property_init_defaults (G_OBJECT (self));

  self->key_results = koers_list_watch_new_list (KOERS_TYPE_KEY_RESULT, &self->watched,
                                                 G_CALLBACK (key_results_changed_cb), self);
}

KoersObjective *
koers_objective_new (const char        *title,
                     KoersLevel         level,
                     KoersObjectiveKind kind,
                     const char        *period)
{
  return g_object_new (KOERS_TYPE_OBJECTIVE,
                       "title", title,
                       "level", level,
                       "kind", kind,
                       "period", period,
                       NULL);
}

KOERS_DEFINE_RECORD_ACCESSORS (KoersObjective, koers_objective, KOERS_IS_OBJECTIVE)
KOERS_DEFINE_ACCESSORS (KoersObjective, koers_objective, KOERS_IS_OBJECTIVE, int64, gint64, department_id, PROP_DEPARTMENT_ID, 0)
KOERS_DEFINE_ACCESSORS (KoersObjective, koers_objective, KOERS_IS_OBJECTIVE, string, const char *, title, PROP_TITLE, NULL)
KOERS_DEFINE_ACCESSORS (KoersObjective, koers_objective, KOERS_IS_OBJECTIVE, string, const char *, description, PROP_DESCRIPTION, NULL)
KOERS_DEFINE_ACCESSORS (KoersObjective, koers_objective, KOERS_IS_OBJECTIVE, enum, KoersLevel, level, PROP_LEVEL, 0)
KOERS_DEFINE_ACCESSORS (KoersObjective, koers_objective, KOERS_IS_OBJECTIVE, enum, KoersObjectiveKind, kind, PROP_KIND, 0)
KOERS_DEFINE_ACCESSORS (KoersObjective, koers_objective, KOERS_IS_OBJECTIVE, string, const char *, period, PROP_PERIOD, NULL)
KOERS_DEFINE_ACCESSORS (KoersObjective, koers_objective, KOERS_IS_OBJECTIVE, string, const char *, owner, PROP_OWNER, NULL)
KOERS_DEFINE_ACCESSORS (KoersObjective, koers_objective, KOERS_IS_OBJECTIVE, int64, gint64, aligned_to_id, PROP_ALIGNED_TO_ID, 0)
KOERS_DEFINE_ACCESSORS (KoersObjective, koers_objective, KOERS_IS_OBJECTIVE, enum, KoersObjectiveState, state, PROP_STATE, 0)
KOERS_DEFINE_ACCESSORS (KoersObjective, koers_objective, KOERS_IS_OBJECTIVE, int64, gint64, carried_over_from_id, PROP_CARRIED_OVER_FROM_ID, 0)
KOERS_DEFINE_ACCESSORS (KoersObjective, koers_objective, KOERS_IS_OBJECTIVE, int, int, position, PROP_POSITION, 0)

gboolean
koers_objective_get_parsed_period (KoersObjective *self,
                                   KoersPeriod    *out)
{
  g_return_val_if_fail (KOERS_IS_OBJECTIVE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return koers_period_parse (self->period, out, NULL);
}

GListModel *
koers_objective_get_key_results (KoersObjective *self)
{
  g_return_val_if_fail (KOERS_IS_OBJECTIVE (self), NULL);

  return G_LIST_MODEL (self->key_results);
}

void
koers_objective_insert_key_result (KoersObjective *self,
                                   KoersKeyResult *kr)
{
  g_return_if_fail (KOERS_IS_OBJECTIVE (self));
  g_return_if_fail (KOERS_IS_KEY_RESULT (kr));

  if (g_list_store_find (self->key_results, kr, NULL))
    {
      koers_objective_sort_key_results (self);
      return;
    }

  g_list_store_insert_sorted (self->key_results, kr, compare_position, NULL);
}

void
koers_objective_insert_key_results (KoersObjective  *self,
                                    KoersKeyResult **krs,
                                    guint            n)
{
  gboolean in_order = TRUE;

  g_return_if_fail (KOERS_IS_OBJECTIVE (self));

  for (guint i = 1; in_order && i < n; i++)
    in_order = compare_position (krs[i - 1], krs[i], NULL) < 0;
  if (!in_order || g_list_model_get_n_items (G_LIST_MODEL (self->key_results)) > 0)
    {
      for (guint i = 0; i < n; i++)
        koers_objective_insert_key_result (self, krs[i]);
      return;
    }

  g_list_store_splice (self->key_results, 0, 0, (gpointer *) krs, n);
}

void
koers_objective_remove_key_result (KoersObjective *self,
                                   KoersKeyResult *kr)
{
  guint position;

  g_return_if_fail (KOERS_IS_OBJECTIVE (self));
  g_return_if_fail (KOERS_IS_KEY_RESULT (kr));

  if (g_list_store_find (self->key_results, kr, &position))
    g_list_store_remove (self->key_results, position);
}

void
koers_objective_sort_key_results (KoersObjective *self)
{
  GListModel *model;
  guint       n;

  g_return_if_fail (KOERS_IS_OBJECTIVE (self));

  model = G_LIST_MODEL (self->key_results);
  n = g_list_model_get_n_items (model);

  /* Sorting emits items-changed for the whole list, which makes views
   * rebuild their rows: skip it when nothing moves. */
  for (guint i = 1; i < n; i++)
    {
      g_autoptr (KoersKeyResult) a = g_list_model_get_item (model, i - 1);
      g_autoptr (KoersKeyResult) b = g_list_model_get_item (model, i);

      if (compare_position (a, b, NULL) > 0)
        {
          g_list_store_sort (self->key_results, compare_position, NULL);
          return;
        }
    }
}

KOERS_DEFINE_GETTER (KoersObjective, koers_objective, KOERS_IS_OBJECTIVE, double, score, 0.0)
KOERS_DEFINE_ACCESSORS (KoersObjective, koers_objective, KOERS_IS_OBJECTIVE, string, const char *, postmortem, PROP_POSTMORTEM, NULL)
KOERS_DEFINE_ACCESSORS (KoersObjective, koers_objective, KOERS_IS_OBJECTIVE, double, double, final_grade, PROP_FINAL_GRADE, -1.0)
gboolean
koers_objective_has_final_grade (KoersObjective *self)
{
  g_return_val_if_fail (KOERS_IS_OBJECTIVE (self), FALSE);

  return self->final_grade >= 0.0;
}

KOERS_DEFINE_ACCESSORS (KoersObjective, koers_objective, KOERS_IS_OBJECTIVE, string, const char *, review_note, PROP_REVIEW_NOTE, NULL)

gboolean
koers_objective_get_archived (KoersObjective *self)
{
  g_return_val_if_fail (KOERS_IS_OBJECTIVE (self), FALSE);

  /* Before schema 6 "archived" was a state (losing the one it had); a
   * file from then may still say so. */
  return self->archived || self->state == KOERS_OBJECTIVE_STATE_ARCHIVED;
}

KOERS_DEFINE_SETTER (KoersObjective, koers_objective, KOERS_IS_OBJECTIVE, boolean, gboolean, archived, PROP_ARCHIVED)
KOERS_DEFINE_GETTER (KoersObjective, koers_objective, KOERS_IS_OBJECTIVE, double, effort_days, 0.0)
KOERS_DEFINE_GETTER (KoersObjective, koers_objective, KOERS_IS_OBJECTIVE, double, request_days, 0.0)
KOERS_DEFINE_GETTER (KoersObjective, koers_objective, KOERS_IS_OBJECTIVE, double, request_budget, 0.0)
KOERS_DEFINE_GETTER (KoersObjective, koers_objective, KOERS_IS_OBJECTIVE, const char *, request_reason, NULL)
KOERS_DEFINE_GETTER (KoersObjective, koers_objective, KOERS_IS_OBJECTIVE, KoersRequestState, request_state, KOERS_REQUEST_STATE_NONE)
KOERS_DEFINE_GETTER (KoersObjective, koers_objective, KOERS_IS_OBJECTIVE, const char *, request_note, NULL)
