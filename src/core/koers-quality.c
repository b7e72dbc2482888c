/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "koers-date.h"
#include "koers-department.h"
#include "koers-quality-private.h"
#include "koers-quality.h"
#include "koers-scoring.h"
#include "koers-summary.h"

/* Scores are doubles computed from values people typed: 0.9999999 is 1. */
#define SCORE_EPSILON 1e-9

struct _KoersQualityCheck
{
  const KoersQualityInput *input;
  GListStore              *findings;
  GDate                    today;
  char                    *period_key;
  GPtrArray               *departments;      /* KoersDepartment, in the model's order */
  GPtrArray               *objectives;       /* KoersObjective, all periods */
  GHashTable              *department_by_id; /* gint64 * -> borrowed from departments */
  GHashTable              *objective_by_id;  /* gint64 * -> borrowed from objectives */
};
typedef KoersQualityCheck Check;

/* What a message's placeholders say.  Numbers, dates and periods are
 * formatted per language when the message is rendered. */
typedef struct
{
  const char        *department;
  const KoersPeriod *period;
  int                n;     /* -1: unset */
  int                limit; /* -1: unset */
  const char        *word;
  const GDate       *date;
  gboolean           has_value;
  double             value;
  gboolean           has_score;
  double             score;
} Args;

#define ARGS_INIT                                          \
  {                                                        \
    NULL, NULL, -1, -1, NULL, NULL, FALSE, 0.0, FALSE, 0.0 \
  }

static void
check_clear (Check *check)
{
  g_clear_object (&check->findings);
  g_clear_pointer (&check->period_key, g_free);
  g_clear_pointer (&check->department_by_id, g_hash_table_unref);
  g_clear_pointer (&check->objective_by_id, g_hash_table_unref);
  g_clear_pointer (&check->departments, g_ptr_array_unref);
  g_clear_pointer (&check->objectives, g_ptr_array_unref);
}

static GPtrArray *
collect_items (GListModel *model)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint      n = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));

  return items;
}

static void
check_init (Check                   *check,
            const KoersQualityInput *input)
{
  check->input = input;
  check->findings = g_list_store_new (KOERS_TYPE_QUALITY_FINDING);
  check->period_key = koers_period_to_string (input->period);

  if (input->today != NULL && g_date_valid (input->today))
    check->today = *input->today;
  else
    koers_date_today (&check->today);

  check->departments = collect_items (input->departments);
  check->objectives = collect_items (input->objectives);
  check->department_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  check->objective_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < check->departments->len; i++)
    {
      KoersDepartment *dept = g_ptr_array_index (check->departments, i);
      gint64          *key = g_new (gint64, 1);

      *key = koers_department_get_id (dept);
      g_hash_table_insert (check->department_by_id, key, dept);
    }
  for (guint i = 0; i < check->objectives->len; i++)
    {
      KoersObjective *objective = g_ptr_array_index (check->objectives, i);
      gint64         *key = g_new (gint64, 1);

      *key = koers_objective_get_id (objective);
      g_hash_table_insert (check->objective_by_id, key, objective);
    }
}

static KoersDepartment *
find_department (Check *check,
                 gint64 id)
{
  return g_hash_table_lookup (check->department_by_id, &id);
}

static KoersObjective *
find_objective (Check *check,
                gint64 id)
{
  return id != 0 ? g_hash_table_lookup (check->objective_by_id, &id) : NULL;
}

/* A stable name for what a finding is about: the uuid, which survives
 * export and import; "#id" for objects never stored. */
static char *
make_subject (const char *uuid,
              gint64      id)
{
  if (uuid != NULL && *uuid != '\0')
    return g_strdup (uuid);

  return g_strdup_printf ("#%" G_GINT64_FORMAT, id);
}

static char *
render (const KoersSeedText *text,
        KoersLanguage        lang,
        const Args          *args)
{
  g_autofree char *n = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *period = NULL;
  g_autofree char *date = NULL;
  g_autofree char *value = NULL;
  g_autofree char *score = NULL;
  const char      *pairs[32];
  guint            i = 0;

#define ADD_PAIR(name, val) \
  G_STMT_START              \
  {                         \
    pairs[i++] = (name);    \
    pairs[i++] = (val);     \
  }                         \
  G_STMT_END

  if (args->department != NULL)
    ADD_PAIR ("department", args->department);
  if (args->word != NULL)
    ADD_PAIR ("word", args->word);
  if (args->n >= 0)
    ADD_PAIR ("n", (n = koers_format_number (lang, args->n, 0)));
  if (args->limit >= 0)
    ADD_PAIR ("limit", (limit = koers_format_number (lang, args->limit, 0)));
  if (args->period != NULL)
    ADD_PAIR ("period", (period = koers_format_period (lang, args->period)));
  if (args->date != NULL)
    ADD_PAIR ("date", (date = koers_format_date (lang, args->date)));
  if (args->has_value)
    ADD_PAIR ("value", (value = koers_format_number (lang, args->value, 2)));
  if (args->has_score)
    ADD_PAIR ("score", (score = koers_format_score (lang, args->score, 2)));
  pairs[i] = NULL;

#undef ADD_PAIR

  return koers_quality_text_expand (koers_seed_text_get (text, lang), pairs);
}

static void
add_finding (Check      *check,
             const char *rule_id,
             gint64      department_id,
             gint64      objective_id,
             gint64      key_result_id,
             const char *subject,
             const Args *args)
{
  const KoersQualityRule *rule = koers_quality_find_rule (rule_id);
  g_autofree char        *key = NULL;
  g_autofree char        *message_en = NULL;
  g_autofree char        *message_nl = NULL;
  g_autoptr (KoersQualityFinding) finding = NULL;
  gboolean dismissed;

  g_return_if_fail (rule != NULL);

  key = g_strconcat (rule_id, ":", subject, NULL);
  dismissed = check->input->dismissed != NULL &&
              g_hash_table_contains (check->input->dismissed, key);
  if (dismissed && !check->input->include_dismissed)
    return;

  message_en = render (&rule->message, KOERS_LANGUAGE_EN, args);
  message_nl = render (&rule->message, KOERS_LANGUAGE_NL, args);
  finding = koers_quality_finding_new (rule, key, department_id, objective_id, key_result_id,
                                       message_en, message_nl);
  koers_quality_finding_set_dismissed (finding, dismissed);
  g_list_store_append (check->findings, finding);
}

static gboolean
objective_has_postmortem (Check          *check,
                          KoersObjective *objective)
{
  if (check->input->has_postmortem != NULL)
    return check->input->has_postmortem (objective, check->input->user_data);

  return !koers_quality_text_is_blank (koers_objective_get_postmortem (objective));
}

static double
objective_get_grade (Check          *check,
                     KoersObjective *objective)
{
  double grade;

  if (check->input->get_final_grade != NULL &&
      check->input->get_final_grade (objective, &grade, check->input->user_data))
    return grade;

  /* The review's grade stands over the computed score. */
  if (koers_objective_has_final_grade (objective))
    return koers_objective_get_final_grade (objective);

  return koers_objective_get_score (objective);
}

static gboolean
objective_is_company (Check          *check,
                      KoersObjective *objective)
{
  KoersDepartment *dept = find_department (check, koers_objective_get_department_id (objective));

  if (koers_objective_get_level (objective) == KOERS_LEVEL_COMPANY)
    return TRUE;

  return dept != NULL && koers_department_get_is_company (dept);
}

typedef enum
{
  CHAIN_SUPPORTS_COMPANY,
  CHAIN_ENDS_NOWHERE,
  CHAIN_ENDS_ARCHIVED,
} Chain;

/* Follows aligned-to up to a company objective: a team objective may
 * support a department objective that supports the company.  An archived
 * objective on the way supports nothing any more: the chain ends there. */
static Chain
follow_chain (Check          *check,
              KoersObjective *objective)
{
  KoersObjective *current = objective;

  /* More steps than objectives means a cycle. */
  for (guint steps = 0; steps <= check->objectives->len; steps++)
    {
      KoersObjective *target = find_objective (check, koers_objective_get_aligned_to_id (current));

      if (target == NULL)
        return CHAIN_ENDS_NOWHERE;
      if (koers_objective_get_archived (target))
        return CHAIN_ENDS_ARCHIVED;
      if (objective_is_company (check, target))
        return CHAIN_SUPPORTS_COMPANY;
      current = target;
    }

  return CHAIN_ENDS_NOWHERE;
}

static gboolean
objective_in_scope (Check          *check,
                    KoersObjective *objective)
{
  return !koers_objective_get_archived (objective) &&
         koers_objective_in_period (objective, check->input->period);
}

/* Department rules. */

static guint
check_too_many_objectives (Check      *check,
                           gint64      department_id,
                           const char *name,
                           const char *subject)
{
  guint n = 0;

  for (guint i = 0; i < check->objectives->len; i++)
    {
      KoersObjective *objective = g_ptr_array_index (check->objectives, i);

      /* A carried-over original lives on in its copy: count it once. */
      if (koers_objective_get_department_id (objective) == department_id &&
          objective_in_scope (check, objective) &&
          koers_objective_get_state (objective) != KOERS_OBJECTIVE_STATE_CARRIED_OVER)
        n++;
    }

  if (n > KOERS_QUALITY_MAX_OBJECTIVES)
    {
      g_autofree char *where = g_strconcat (subject, "@", check->period_key, NULL);
      Args             args = ARGS_INIT;

      args.department = name;
      args.period = check->input->period;
      args.n = (int) n;
      args.limit = KOERS_QUALITY_MAX_OBJECTIVES;
      add_finding (check, KOERS_QUALITY_RULE_TOO_MANY_OBJECTIVES, department_id, 0, 0, where, &args);
    }

  return n;
}

/* The objectives of department_id and kind that ended in the period before
 * the checked one (*previous): how many, how many graded 1.0 (*n_met) and
 * how many below 0.7 (*n_low).  Only objectives that ended before the
 * checked period count: a yearly one still running says nothing yet; nor
 * does one without key results, which measured nothing (a rule of its own). */
static guint
count_previous (Check             *check,
                gint64             department_id,
                KoersObjectiveKind kind,
                KoersPeriod       *previous,
                guint             *n_met,
                guint             *n_low)
{
  guint n = 0;

  *n_met = *n_low = 0;
  koers_period_previous (check->input->period, previous);

  for (guint i = 0; i < check->objectives->len; i++)
    {
      KoersObjective *objective = g_ptr_array_index (check->objectives, i);
      KoersPeriod     own;
      double          grade;

      if (koers_objective_get_department_id (objective) != department_id ||
          koers_objective_get_kind (objective) != kind ||
          koers_objective_get_archived (objective) ||
          g_list_model_get_n_items (koers_objective_get_key_results (objective)) == 0 ||
          !koers_objective_get_parsed_period (objective, &own) ||
          !koers_period_overlaps (&own, previous) ||
          g_date_compare (&own.end, &check->input->period->start) >= 0)
        continue;

      n++;
      grade = objective_get_grade (check, objective);
      if (grade >= 1.0 - SCORE_EPSILON)
        (*n_met)++;
      if (grade < 0.7 - SCORE_EPSILON)
        (*n_low)++;
    }

  return n;
}

static void
add_previous_finding (Check             *check,
                      const char        *rule_id,
                      gint64             department_id,
                      const char        *name,
                      const char        *subject,
                      const KoersPeriod *previous,
                      guint              n)
{
  g_autofree char *previous_key = koers_period_to_string (previous);
  g_autofree char *where = g_strconcat (subject, "@", previous_key, NULL);
  Args             args = ARGS_INIT;

  args.department = name;
  args.period = previous;
  args.n = (int) n;
  add_finding (check, rule_id, department_id, 0, 0, where, &args);
}

/* Valkuil #4: every aspirational objective of the period before scored
 * 1.0.  Valkuil #1: every committed one of it ended below 0.7, where an
 * aspirational one counts as a success: they read as aspirations. */
static void
check_previous_period (Check      *check,
                       gint64      department_id,
                       const char *name,
                       const char *subject)
{
  KoersPeriod previous;
  guint       n_met, n_low;
  guint       n = count_previous (check, department_id, KOERS_OBJECTIVE_KIND_ASPIRATIONAL, &previous,
                                  &n_met, &n_low);

  if (n > 0 && n_met == n)
    add_previous_finding (check, KOERS_QUALITY_RULE_SANDBAGGING, department_id, name, subject, &previous, n);

  n = count_previous (check, department_id, KOERS_OBJECTIVE_KIND_COMMITTED, &previous, &n_met, &n_low);
  if (n > 0 && n_low == n)
    add_previous_finding (check, KOERS_QUALITY_RULE_COMMITTED_LIKE_ASPIRATIONAL, department_id, name,
                          subject, &previous, n);
}

/* "Maximaal 3 tot 5 hoofddoelstellingen voor de hele organisatie": the
 * company level with fewer, once the period has any objectives at all (a
 * new, empty database is not yet a finding). */
static void
check_too_few_company_objectives (Check      *check,
                                  gint64      department_id,
                                  const char *name,
                                  const char *subject,
                                  guint       n)
{
  KoersDepartment *dept = find_department (check, department_id);
  gboolean         any = FALSE;

  if (dept == NULL || !koers_department_get_is_company (dept) || n >= KOERS_QUALITY_MIN_COMPANY_OBJECTIVES)
    return;

  for (guint i = 0; i < check->objectives->len && !any; i++)
    any = objective_in_scope (check, g_ptr_array_index (check->objectives, i));

  if (any)
    {
      g_autofree char *where = g_strconcat (subject, "@", check->period_key, NULL);
      Args             args = ARGS_INIT;

      args.department = name;
      args.period = check->input->period;
      args.n = (int) n;
      add_finding (check, KOERS_QUALITY_RULE_TOO_FEW_COMPANY_OBJECTIVES, department_id, 0, 0, where, &args);
    }
}

/* Key result rules. */

static void
check_key_result (Check          *check,
                  KoersObjective *objective,
                  KoersKeyResult *kr)
{
  gint64           department_id = koers_objective_get_department_id (objective);
  gint64           objective_id = koers_objective_get_id (objective);
  gint64           kr_id = koers_key_result_get_id (kr);
  g_autofree char *subject = make_subject (koers_key_result_get_uuid (kr), kr_id);
  g_autofree char *activity = NULL;
  g_autofree char *ambiguous = NULL;
  const char      *title = koers_key_result_get_title (kr);
  const char      *due = koers_key_result_get_due_date (kr);

  if (koers_key_result_get_metric_kind (kr) == KOERS_METRIC_KIND_MILESTONE)
    {
      if (due == NULL || *due == '\0')
        {
          Args args = ARGS_INIT;

          add_finding (check, KOERS_QUALITY_RULE_MILESTONE_WITHOUT_DATE,
                       department_id, objective_id, kr_id, subject, &args);
        }
    }
  else if (fabs (koers_key_result_get_target_value (kr) - koers_key_result_get_start_value (kr)) < SCORE_EPSILON)
    {
      Args args = ARGS_INIT;

      args.has_value = TRUE;
      args.value = koers_key_result_get_start_value (kr);
      add_finding (check, KOERS_QUALITY_RULE_TARGET_EQUALS_START,
                   department_id, objective_id, kr_id, subject, &args);
    }

  koers_quality_text_read_key_result (title, koers_key_result_get_unit (kr), &activity, &ambiguous);
  if (activity != NULL)
    {
      Args args = ARGS_INIT;

      args.word = activity;
      add_finding (check, KOERS_QUALITY_RULE_ACTIVITY, department_id, objective_id, kr_id, subject, &args);
    }

  if (ambiguous != NULL)
    {
      Args args = ARGS_INIT;

      args.word = ambiguous;
      add_finding (check, KOERS_QUALITY_RULE_AMBIGUOUS_METRIC,
                   department_id, objective_id, kr_id, subject, &args);
    }

  if (koers_quality_text_is_blank (koers_key_result_get_owner (kr)))
    {
      Args args = ARGS_INIT;

      add_finding (check, KOERS_QUALITY_RULE_KEY_RESULT_WITHOUT_OWNER,
                   department_id, objective_id, kr_id, subject, &args);
    }

  if (koers_key_result_get_uses_personal_data (kr))
    {
      const char *note = koers_key_result_get_personal_data_note (kr);
      Args        args = ARGS_INIT;

      if (koers_quality_text_is_blank (note))
        add_finding (check, KOERS_QUALITY_RULE_PERSONAL_DATA_NO_NOTE,
                     department_id, objective_id, kr_id, subject, &args);
      else if (!koers_quality_text_names_legal_basis (note))
        add_finding (check, KOERS_QUALITY_RULE_PERSONAL_DATA_NO_BASIS,
                     department_id, objective_id, kr_id, subject, &args);
    }
}

/* Objective rules. */

static gboolean
all_due_on (GListModel  *key_results,
            const GDate *last_day)
{
  guint n = g_list_model_get_n_items (key_results);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (key_results, i);
      GDate due;

      if (!koers_date_parse (koers_key_result_get_due_date (kr), &due) ||
          g_date_compare (&due, last_day) != 0)
        return FALSE;
    }

  return n > 0;
}

/* Valkuil #2: no key result moves (each target is its start); and key
 * results that are all tasks to tick off (milestones), not outcomes. */
static void
check_key_result_kinds (Check          *check,
                        KoersObjective *objective,
                        const char     *subject)
{
  GListModel *key_results = koers_objective_get_key_results (objective);
  guint       n = g_list_model_get_n_items (key_results);
  guint       n_milestones = 0;
  guint       n_still = 0;
  Args        args = ARGS_INIT;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (key_results, i);

      if (koers_key_result_get_metric_kind (kr) == KOERS_METRIC_KIND_MILESTONE)
        n_milestones++;
      else if (fabs (koers_key_result_get_target_value (kr) - koers_key_result_get_start_value (kr)) < SCORE_EPSILON)
        n_still++;
    }

  if (n > 0 && n_still == n)
    add_finding (check, KOERS_QUALITY_RULE_BUSINESS_AS_USUAL, koers_objective_get_department_id (objective),
                 koers_objective_get_id (objective), 0, subject, &args);
  /* One milestone can be the outcome itself ("the portal is live"). */
  if (n >= 2 && n_milestones == n)
    add_finding (check, KOERS_QUALITY_RULE_TASKS_AS_KEY_RESULTS, koers_objective_get_department_id (objective),
                 koers_objective_get_id (objective), 0, subject, &args);
}

static void
check_objective (Check          *check,
                 KoersObjective *objective)
{
  gint64           department_id = koers_objective_get_department_id (objective);
  gint64           objective_id = koers_objective_get_id (objective);
  g_autofree char *subject = make_subject (koers_objective_get_uuid (objective), objective_id);
  g_autofree char *title = g_strstrip (g_strdup (koers_objective_get_title (objective)));
  GListModel      *key_results = koers_objective_get_key_results (objective);
  guint            n_krs = g_list_model_get_n_items (key_results);
  glong            title_chars = g_utf8_strlen (title, -1);
  KoersPeriod      own;
  gboolean         has_own = koers_objective_get_parsed_period (objective, &own);

  if (n_krs == 0)
    {
      Args args = ARGS_INIT;

      add_finding (check, KOERS_QUALITY_RULE_NO_KEY_RESULTS, department_id, objective_id, 0, subject, &args);
    }
  else if (n_krs > KOERS_QUALITY_MAX_KEY_RESULTS)
    {
      Args args = ARGS_INIT;

      args.n = (int) n_krs;
      args.limit = KOERS_QUALITY_MAX_KEY_RESULTS;
      add_finding (check, KOERS_QUALITY_RULE_TOO_MANY_KEY_RESULTS,
                   department_id, objective_id, 0, subject, &args);
    }
  else if (n_krs == 1 && koers_objective_get_kind (objective) == KOERS_OBJECTIVE_KIND_COMMITTED)
    {
      Args args = ARGS_INIT;

      add_finding (check, KOERS_QUALITY_RULE_SINGLE_KEY_RESULT,
                   department_id, objective_id, 0, subject, &args);
    }

  if (title_chars > KOERS_QUALITY_MAX_TITLE_CHARS || strpbrk (title, "\r\n") != NULL)
    {
      Args args = ARGS_INIT;

      args.n = (int) MIN (title_chars, G_MAXINT);
      args.limit = KOERS_QUALITY_MAX_TITLE_CHARS;
      add_finding (check, KOERS_QUALITY_RULE_TITLE_TOO_LONG, department_id, objective_id, 0, subject, &args);
    }

  if (has_own && all_due_on (key_results, &own.end))
    {
      Args args = ARGS_INIT;

      args.date = &own.end;
      add_finding (check, KOERS_QUALITY_RULE_ALL_DUE_LAST_DAY, department_id, objective_id, 0, subject, &args);
    }

  check_key_result_kinds (check, objective, subject);

  /* Valkuil #1 the other way round: an aspiration met with half the
   * period to go was within reach, a commitment. */
  if (koers_objective_get_kind (objective) == KOERS_OBJECTIVE_KIND_ASPIRATIONAL && has_own && n_krs > 0 &&
      koers_objective_get_score (objective) >= 1.0 - SCORE_EPSILON &&
      koers_score_expected_progress (&own, &check->today) < 0.5)
    {
      Args args = ARGS_INIT;

      add_finding (check, KOERS_QUALITY_RULE_ASPIRATIONAL_LIKE_COMMITTED,
                   department_id, objective_id, 0, subject, &args);
    }

  if (koers_quality_text_is_blank (koers_objective_get_owner (objective)))
    {
      Args args = ARGS_INIT;

      add_finding (check, KOERS_QUALITY_RULE_OBJECTIVE_WITHOUT_OWNER,
                   department_id, objective_id, 0, subject, &args);
    }

  if (!objective_is_company (check, objective))
    {
      Chain chain = follow_chain (check, objective);
      Args  args = ARGS_INIT;

      if (chain != CHAIN_SUPPORTS_COMPANY)
        add_finding (check, chain == CHAIN_ENDS_ARCHIVED ? KOERS_QUALITY_RULE_ALIGNED_TO_ARCHIVED : KOERS_QUALITY_RULE_NOT_ALIGNED,
                     department_id, objective_id, 0, subject, &args);
    }

  /* "Een verplichte OKR die zijn doel niet haalt, vereist een
   * postmortem-analyse": once its period is over. */
  if (koers_objective_get_kind (objective) == KOERS_OBJECTIVE_KIND_COMMITTED &&
      koers_objective_get_state (objective) != KOERS_OBJECTIVE_STATE_ACHIEVED &&
      has_own && g_date_compare (&own.end, &check->today) < 0)
    {
      double grade = objective_get_grade (check, objective);

      if (grade < 1.0 - SCORE_EPSILON && !objective_has_postmortem (check, objective))
        {
          Args args = ARGS_INIT;

          args.has_score = TRUE;
          args.score = grade;
          add_finding (check, KOERS_QUALITY_RULE_MISSED_WITHOUT_POSTMORTEM,
                       department_id, objective_id, 0, subject, &args);
        }
    }

  koers_quality_check_effort (check, objective, subject);

  for (guint i = 0; i < n_krs; i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (key_results, i);

      check_key_result (check, objective, kr);
      koers_quality_check_escalation (check, objective, kr);
    }
}

static void
check_department (Check           *check,
                  gint64           department_id,
                  KoersDepartment *dept)
{
  const char      *name = dept != NULL ? koers_department_get_name (dept) : "";
  g_autofree char *subject = make_subject (dept != NULL ? koers_department_get_uuid (dept) : NULL,
                                           department_id);

  check_too_few_company_objectives (check, department_id, name, subject,
                                    check_too_many_objectives (check, department_id, name, subject));
  check_previous_period (check, department_id, name, subject);
  koers_quality_check_capacity (check, department_id, name, subject);

  for (guint i = 0; i < check->objectives->len; i++)
    {
      KoersObjective *objective = g_ptr_array_index (check->objectives, i);

      if (koers_objective_get_department_id (objective) == department_id &&
          objective_in_scope (check, objective))
        check_objective (check, objective);
    }
}

const KoersQualityInput *
koers_quality_check_get_input (KoersQualityCheck *check)
{
  return check->input;
}

void
koers_quality_check_add (KoersQualityCheck *check,
                         const char        *rule_id,
                         gint64             department_id,
                         gint64             objective_id,
                         gint64             key_result_id,
                         const char        *subject,
                         const char        *department,
                         int                n,
                         int                limit)
{
  Args args = ARGS_INIT;

  args.department = department;
  args.period = check->input->period;
  args.n = n;
  args.limit = limit;
  add_finding (check, rule_id, department_id, objective_id, key_result_id, subject, &args);
}

gboolean
koers_quality_input_asks_for (const KoersQualityInput *input,
                              gint64                   department_id)
{
  g_return_val_if_fail (input != NULL, FALSE);

  if (input->n_department_ids == 0)
    return TRUE;

  for (guint i = 0; i < input->n_department_ids; i++)
    if (input->department_ids[i] == department_id)
      return TRUE;

  return FALSE;
}

void
koers_quality_input_init (KoersQualityInput *input,
                          GListModel        *departments,
                          GListModel        *objectives,
                          const KoersPeriod *period)
{
  g_return_if_fail (input != NULL);

  memset (input, 0, sizeof *input);
  input->departments = departments;
  input->objectives = objectives;
  input->period = period;
}

KoersQualityCounts
koers_quality_count (GListModel *findings)
{
  KoersQualityCounts counts = {
    { 0 },
  };

  g_return_val_if_fail (G_IS_LIST_MODEL (findings), counts);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr (KoersQualityFinding) finding = g_list_model_get_item (findings, i);

      if (koers_quality_finding_get_dismissed (finding))
        counts.n_dismissed++;
      else
        counts.by_severity[koers_quality_finding_get_severity (finding)]++;
    }

  return counts;
}

GListModel *
koers_quality_check (const KoersQualityInput *input)
{
  Check check = {
    0,
  };
  g_autoptr (GHashTable) seen = NULL;
  g_autoptr (GArray) order = NULL;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (input->period != NULL, NULL);
  g_return_val_if_fail (input->objectives == NULL || G_IS_LIST_MODEL (input->objectives), NULL);
  g_return_val_if_fail (input->departments == NULL || G_IS_LIST_MODEL (input->departments), NULL);

  check_init (&check, input);

  /* The departments' order, then any department only an objective names
   * (a caller that passes no departments). */
  seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  order = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < check.departments->len + check.objectives->len; i++)
    {
      gint64 id;

      if (i < check.departments->len)
        id = koers_department_get_id (g_ptr_array_index (check.departments, i));
      else
        id = koers_objective_get_department_id (g_ptr_array_index (check.objectives,
                                                                   i - check.departments->len));

      if (!g_hash_table_contains (seen, &id))
        {
          g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
          g_array_append_val (order, id);
        }
    }

  for (guint i = 0; i < order->len; i++)
    {
      gint64 id = g_array_index (order, gint64, i);

      if (koers_quality_input_asks_for (input, id))
        check_department (&check, id, find_department (&check, id));
    }

  {
    GListModel *result = G_LIST_MODEL (g_steal_pointer (&check.findings));

    check_clear (&check);
    return result;
  }
}

GHashTable *
koers_quality_dismissed_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

guint
koers_quality_count_for_objective (GListModel           *findings,
                                   gint64                objective_id,
                                   KoersQualitySeverity *worst)
{
  guint                n_items;
  guint                count = 0;
  KoersQualitySeverity max = KOERS_QUALITY_SEVERITY_INFO;

  g_return_val_if_fail (G_IS_LIST_MODEL (findings), 0);

  n_items = g_list_model_get_n_items (findings);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (KoersQualityFinding) finding = g_list_model_get_item (findings, i);

      if (koers_quality_finding_get_dismissed (finding) ||
          koers_quality_finding_get_objective_id (finding) != objective_id)
        continue;

      count++;
      max = MAX (max, koers_quality_finding_get_severity (finding));
    }

  if (worst != NULL && count > 0)
    *worst = max;

  return count;
}
