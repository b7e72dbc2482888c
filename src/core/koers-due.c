/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-property.h"
#include "koers-date.h"
#include "koers-department.h"
#include "koers-due.h"

struct _KoersDueItem
{
  GObject parent_instance;

  KoersDueKind    kind;
  KoersKeyResult *key_result;
  KoersObjective *objective;
  KoersKpi       *kpi;
  gint64          department_id;
  char           *owner;
  gboolean        late;
  char           *since;
  KoersPeriod     period;
  guint           n_objectives;
  /* For sorting: the department's place in the sidebar, the item's
   * place in the model. */
  guint department_index;
  guint index;
};

G_DEFINE_FINAL_TYPE (KoersDueItem, koers_due_item, G_TYPE_OBJECT)

static void
koers_due_item_finalize (GObject *object)
{
  KoersDueItem *self = KOERS_DUE_ITEM (object);

  g_clear_object (&self->key_result);
  g_clear_object (&self->objective);
  g_clear_object (&self->kpi);
  g_free (self->owner);
  g_free (self->since);

  G_OBJECT_CLASS (koers_due_item_parent_class)->finalize (object);
}

static void
koers_due_item_class_init (KoersDueItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = koers_due_item_finalize;
}

static void
koers_due_item_init (KoersDueItem *self)
{
  self->owner = g_strdup ("");
}

KOERS_DEFINE_GETTER (KoersDueItem, koers_due_item, KOERS_IS_DUE_ITEM, KoersDueKind, kind, KOERS_DUE_KIND_KEY_RESULT)
KOERS_DEFINE_GETTER (KoersDueItem, koers_due_item, KOERS_IS_DUE_ITEM, KoersKeyResult *, key_result, NULL)
KOERS_DEFINE_GETTER (KoersDueItem, koers_due_item, KOERS_IS_DUE_ITEM, KoersObjective *, objective, NULL)
KOERS_DEFINE_GETTER (KoersDueItem, koers_due_item, KOERS_IS_DUE_ITEM, KoersKpi *, kpi, NULL)
KOERS_DEFINE_GETTER (KoersDueItem, koers_due_item, KOERS_IS_DUE_ITEM, gint64, department_id, 0)
KOERS_DEFINE_GETTER (KoersDueItem, koers_due_item, KOERS_IS_DUE_ITEM, const char *, owner, "")
KOERS_DEFINE_GETTER (KoersDueItem, koers_due_item, KOERS_IS_DUE_ITEM, gboolean, late, FALSE)
KOERS_DEFINE_GETTER (KoersDueItem, koers_due_item, KOERS_IS_DUE_ITEM, const char *, since, NULL)

const KoersPeriod *
koers_due_item_get_period (KoersDueItem *self)
{
  g_return_val_if_fail (KOERS_IS_DUE_ITEM (self), NULL);
  return &self->period;
}

KOERS_DEFINE_GETTER (KoersDueItem, koers_due_item, KOERS_IS_DUE_ITEM, guint, n_objectives, 0)

void
koers_rhythm_init (KoersRhythm *self)
{
  self->checkin_day = KOERS_RHYTHM_DEFAULT_DAY;
  self->late_days = KOERS_RHYTHM_DEFAULT_LATE_DAYS;
}

gboolean
koers_rhythm_is_valid (const KoersRhythm *self)
{
  return self->checkin_day >= G_DATE_MONDAY && self->checkin_day <= G_DATE_SUNDAY &&
         self->late_days >= 1 && self->late_days <= KOERS_RHYTHM_MAX_LATE_DAYS;
}

void
koers_due_get_last_checkin_day (const KoersRhythm *rhythm,
                                const GDate       *today,
                                GDate             *out)
{
  int back;

  g_return_if_fail (rhythm != NULL && g_date_valid (today) && out != NULL);

  back = ((int) g_date_get_weekday (today) - (int) rhythm->checkin_day + 7) % 7;
  *out = *today;
  g_date_subtract_days (out, back);
}

gboolean
koers_due_key_result_is_due (KoersObjective    *objective,
                             KoersKeyResult    *kr,
                             const KoersRhythm *rhythm,
                             const GDate       *today,
                             gboolean          *late)
{
  KoersPeriod period;
  GDate       checkin_day;
  GDate       since;
  const char *last;

  g_return_val_if_fail (KOERS_IS_OBJECTIVE (objective), FALSE);
  g_return_val_if_fail (KOERS_IS_KEY_RESULT (kr), FALSE);
  g_return_val_if_fail (rhythm != NULL && today != NULL, FALSE);

  if (late != NULL)
    *late = FALSE;

  if (koers_objective_get_archived (objective) ||
      koers_objective_get_state (objective) != KOERS_OBJECTIVE_STATE_ACTIVE ||
      !koers_objective_get_parsed_period (objective, &period) ||
      !koers_period_contains_date (&period, today))
    return FALSE;

  /* Achieved (a milestone done, a target reached) waits for nothing. */
  if (koers_key_result_get_progress (kr) >= 1.0)
    return FALSE;

  /* No check-in day of this period has come yet. */
  koers_due_get_last_checkin_day (rhythm, today, &checkin_day);
  if (g_date_compare (&checkin_day, &period.start) < 0)
    return FALSE;

  last = koers_key_result_get_last_checkin_date (kr);
  if (last != NULL && koers_date_parse (last, &since))
    {
      if (g_date_compare (&since, &checkin_day) >= 0)
        return FALSE;
    }
  else
    {
      GDate created;

      since = period.start;
      if (koers_date_from_usec (koers_key_result_get_created (kr), &created) &&
          g_date_compare (&created, &since) > 0)
        since = created;
    }

  if (late != NULL)
    *late = koers_date_days_between (&since, today) >= (int) rhythm->late_days;
  return TRUE;
}

static KoersDueItem *
due_item_new (KoersDueKind kind)
{
  KoersDueItem *item = g_object_new (KOERS_TYPE_DUE_ITEM, NULL);

  item->kind = kind;
  return item;
}

static guint
find_department_index (GHashTable *indexes,
                       gint64      id)
{
  gpointer value;

  if (indexes != NULL && g_hash_table_lookup_extended (indexes, &id, NULL, &value))
    return GPOINTER_TO_UINT (value);

  return G_MAXUINT;
}

/* What the collecting adds to and judges by. */
typedef struct
{
  GPtrArray         *items;
  GHashTable        *indexes; /* department id -> its place in the list */
  const KoersRhythm *rhythm;
  const GDate       *today;
} Collect;

/* Adds item in the order it was found (the sort's last key), after its
 * department's place. */
static void
add_item (Collect      *c,
          KoersDueItem *item)
{
  item->department_index = item->kind == KOERS_DUE_KIND_REVIEW
                             ? 0
                             : find_department_index (c->indexes, item->department_id);
  item->index = c->items->len;
  g_ptr_array_add (c->items, item);
}

static void
collect_key_results (Collect    *c,
                     GListModel *objectives)
{
  guint n = g_list_model_get_n_items (objectives);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *krs = koers_objective_get_key_results (objective);
      guint       n_krs = g_list_model_get_n_items (krs);

      for (guint j = 0; j < n_krs; j++)
        {
          g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, j);
          KoersDueItem *item;
          gboolean      late;
          const char   *owner;

          if (!koers_due_key_result_is_due (objective, kr, c->rhythm, c->today, &late))
            continue;

          item = due_item_new (KOERS_DUE_KIND_KEY_RESULT);
          item->key_result = g_object_ref (kr);
          item->objective = g_object_ref (objective);
          item->department_id = koers_objective_get_department_id (objective);
          owner = koers_key_result_get_owner (kr);
          if (owner == NULL || *owner == '\0')
            owner = koers_objective_get_owner (objective);
          g_free (item->owner);
          item->owner = g_strstrip (g_strdup (owner != NULL ? owner : ""));
          item->late = late;
          item->since = g_strdup (koers_key_result_get_last_checkin_date (kr));
          add_item (c, item);
        }
    }
}

static void
collect_kpis (Collect    *c,
              GListModel *kpis)
{
  guint n = g_list_model_get_n_items (kpis);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKpi) kpi = g_list_model_get_item (kpis, i);
      KoersDueItem *item;
      GDate         next;

      if (!koers_kpi_is_update_due (kpi, c->today))
        continue;

      item = due_item_new (KOERS_DUE_KIND_KPI);
      item->kpi = g_object_ref (kpi);
      item->department_id = koers_kpi_get_department_id (kpi);
      item->since = g_strdup (koers_kpi_get_last_update_date (kpi));
      /* Late: the value was due late_days ago or more (or never came). */
      item->late = !koers_kpi_get_next_update_date (kpi, &next) ||
                   koers_date_days_between (&next, c->today) >= (int) c->rhythm->late_days;
      add_item (c, item);
    }
}

/* In the quarter's last two weeks: the quarter's objectives (those that
 * end in it, as the review dialog takes them) not graded yet. */
static void
collect_review (Collect    *c,
                GListModel *objectives)
{
  const GDate  *today = c->today;
  KoersPeriod   quarter;
  KoersDueItem *item;
  guint         n_open = 0;
  guint         n = g_list_model_get_n_items (objectives);

  koers_period_init_for_date (&quarter, today);
  if (koers_date_days_between (today, &quarter.end) >= KOERS_DUE_REVIEW_DAYS)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);
      KoersPeriod period;

      if (koers_objective_get_archived (objective) ||
          koers_objective_has_final_grade (objective) ||
          !koers_objective_get_parsed_period (objective, &period) ||
          !koers_period_contains_date (&quarter, &period.end))
        continue;
      n_open++;
    }

  if (n_open == 0)
    return;

  item = due_item_new (KOERS_DUE_KIND_REVIEW);
  item->period = quarter;
  item->n_objectives = n_open;
  /* Sorted first: the review is the whole company's. */
  add_item (c, item);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const KoersDueItem *x = *(KoersDueItem *const *) a;
  const KoersDueItem *y = *(KoersDueItem *const *) b;
  int                 cmp;

  /* The review first: it is the company's. */
  if ((x->kind == KOERS_DUE_KIND_REVIEW) != (y->kind == KOERS_DUE_KIND_REVIEW))
    return x->kind == KOERS_DUE_KIND_REVIEW ? -1 : 1;
  if (x->department_index != y->department_index)
    return x->department_index < y->department_index ? -1 : 1;
  /* A department's key results by owner, then its KPIs (they have none). */
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  cmp = g_utf8_collate (x->owner, y->owner);
  if (cmp != 0)
    return cmp;
  return x->index < y->index ? -1 : (x->index > y->index);
}

GPtrArray *
koers_due_collect (GListModel        *departments,
                   GListModel        *objectives,
                   GListModel        *kpis,
                   const KoersRhythm *rhythm,
                   const GDate       *today)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) indexes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  Collect c = { items, indexes, rhythm, today };

  g_return_val_if_fail (rhythm != NULL && today != NULL && g_date_valid (today), NULL);

  for (guint i = 0; departments != NULL && i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i);

      g_hash_table_insert (indexes, g_memdup2 (&(gint64){ koers_department_get_id (dept) }, sizeof (gint64)),
                           GUINT_TO_POINTER (i));
    }

  if (objectives != NULL)
    {
      collect_review (&c, objectives);
      collect_key_results (&c, objectives);
    }
  if (kpis != NULL)
    collect_kpis (&c, kpis);

  g_ptr_array_sort (items, compare_items);
  return g_steal_pointer (&items);
}

void
koers_due_filter_owner (GPtrArray  *items,
                        const char *owner)
{
  g_autofree char *wanted = g_utf8_casefold (owner, -1);

  g_return_if_fail (items != NULL && owner != NULL);

  for (guint i = items->len; i > 0; i--)
    {
      KoersDueItem    *item = g_ptr_array_index (items, i - 1);
      g_autofree char *own = g_utf8_casefold (item->owner, -1);

      if (item->kind == KOERS_DUE_KIND_REVIEW || g_strcmp0 (own, wanted) != 0)
        g_ptr_array_remove_index (items, i - 1);
    }
}

void
koers_due_count (GPtrArray      *items,
                 KoersDueCounts *out)
{
  *out = (KoersDueCounts){ 0 };

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      KoersDueItem *item = g_ptr_array_index (items, i);

      if (item->kind == KOERS_DUE_KIND_KEY_RESULT)
        out->n_key_results++;
      else if (item->kind == KOERS_DUE_KIND_KPI)
        out->n_kpis++;
      else
        out->n_reviews++;
      if (item->late)
        out->n_late++;
    }
}
