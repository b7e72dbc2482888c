/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core/koers-property.h"
#include "core/koers-quality.h"
#include "store/koers-store-review.h"
#include "koers-quality-marks.h"
#include "widgets/koers-idle.h"
#include "widgets/koers-widget-properties.h"

struct _KoersQualityMarks
{
  GObject parent_instance;

  KoersStore *store;
  KoersPeriod period;
  gboolean    has_period;

  /* objective id (gint64 *) -> GPtrArray of KoersQualityFinding */
  GHashTable *by_objective;
  guint       idle_id;
  guint       n_checks;
};

G_DEFINE_FINAL_TYPE (KoersQualityMarks, koers_quality_marks, G_TYPE_OBJECT)

#define STORE_CHANGE_DELAY_MS 300

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
check (KoersQualityMarks *self)
{
  KoersQualityInput input;
  g_autoptr (GListModel) findings = NULL;
  guint n;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_hash_table_remove_all (self->by_objective);

  if (self->store != NULL && self->has_period)
    {
      koers_store_init_quality_input (self->store, &input, &self->period);
      findings = koers_quality_check (&input);
      self->n_checks++;

      n = g_list_model_get_n_items (findings);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (KoersQualityFinding) finding = g_list_model_get_item (findings, i);
          gint64     objective_id = koers_quality_finding_get_objective_id (finding);
          GPtrArray *list;

          /* Department findings have no card to sit on: the quality page
           * shows them. */
          if (objective_id == 0 || koers_quality_finding_get_dismissed (finding))
            continue;

          list = g_hash_table_lookup (self->by_objective, &objective_id);
          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (self->by_objective, g_memdup2 (&objective_id, sizeof objective_id), list);
            }
          g_ptr_array_add (list, g_object_ref (finding));
        }
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
schedule_check (KoersQualityMarks *self)
{
  koers_idle_queue (&self->idle_id, G_PRIORITY_DEFAULT_IDLE, (KoersIdleFunc) check, self);
}

/* A check of a big period takes a while (some 80 ms for 600 objectives):
 * not after every letter of a title being typed, but once typing pauses. */
static void
store_changed_cb (KoersQualityMarks *self)
{
  koers_idle_queue_after_pause (&self->idle_id, STORE_CHANGE_DELAY_MS, (KoersIdleFunc) check, self);
}

static void
koers_quality_marks_dispose (GObject *object)
{
  KoersQualityMarks *self = KOERS_QUALITY_MARKS (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  koers_widget_unfollow (self, &self->store);
  g_clear_pointer (&self->by_objective, g_hash_table_unref);

  G_OBJECT_CLASS (koers_quality_marks_parent_class)->dispose (object);
}

static void
koers_quality_marks_class_init (KoersQualityMarksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = koers_quality_marks_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
koers_quality_marks_init (KoersQualityMarks *self)
{
  self->by_objective = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
}

KoersQualityMarks *
koers_quality_marks_new (void)
{
  return g_object_new (KOERS_TYPE_QUALITY_MARKS, NULL);
}

void
koers_quality_marks_set_store (KoersQualityMarks *self,
                               KoersStore        *store)
{
  g_return_if_fail (KOERS_IS_QUALITY_MARKS (self));
  g_return_if_fail (store == NULL || KOERS_IS_STORE (store));

  if (koers_widget_follow (self, &self->store, store, "changed", G_CALLBACK (store_changed_cb)))
    schedule_check (self);
}

KOERS_DEFINE_GETTER (KoersQualityMarks, koers_quality_marks, KOERS_IS_QUALITY_MARKS, KoersStore *, store, NULL)

void
koers_quality_marks_set_period (KoersQualityMarks *self,
                                const KoersPeriod *period)
{
  g_return_if_fail (KOERS_IS_QUALITY_MARKS (self));

  if (koers_widget_set_period (&self->period, &self->has_period, period))
    schedule_check (self);
}

GPtrArray *
koers_quality_marks_get_findings (KoersQualityMarks *self,
                                  gint64             objective_id)
{
  g_return_val_if_fail (KOERS_IS_QUALITY_MARKS (self), NULL);

  return g_hash_table_lookup (self->by_objective, &objective_id);
}

void
koers_quality_marks_flush (KoersQualityMarks *self)
{
  g_return_if_fail (KOERS_IS_QUALITY_MARKS (self));

  if (self->idle_id != 0)
    check (self);
}

KOERS_DEFINE_GETTER (KoersQualityMarks, koers_quality_marks, KOERS_IS_QUALITY_MARKS, guint, n_checks, 0)

void
koers_quality_marks_check_soon (KoersQualityMarks *self)
{
  g_return_if_fail (KOERS_IS_QUALITY_MARKS (self));

  g_clear_handle_id (&self->idle_id, g_source_remove);
  schedule_check (self);
}
