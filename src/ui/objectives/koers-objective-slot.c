/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core/koers-property.h"
#include "koers-objective-slot.h"
#include "widgets/koers-layout.h"

/* A card's height before it exists: its header, and a row per key result
 * (measured with the default font; only items out of view use it). */
#define ESTIMATED_HEADER_HEIGHT 96
#define ESTIMATED_ROW_HEIGHT 88
/* Enough for the cards near the view of one list, and some more. */
#define MAX_POOLED_CARDS 32

struct _KoersObjectiveSlot
{
  GtkWidget parent_instance;

  KoersStore        *store;
  KoersQualityMarks *marks;
  KoersObjective    *objective;
  GtkWidget         *card;
  gboolean           card_pending;
  GPtrArray         *pool; /* of KoersObjectiveCard, shared */
};

G_DEFINE_FINAL_TYPE (KoersObjectiveSlot, koers_objective_slot, GTK_TYPE_WIDGET)

static void
make_card (GtkWidget *widget)
{
  KoersObjectiveSlot *self = KOERS_OBJECTIVE_SLOT (widget);

  self->card_pending = FALSE;
  if (self->card != NULL || self->objective == NULL)
    return;

  /* Near the view: with its key results at once.  Rebound later, far
   * away, the card waits for them until it comes near again. */
  if (self->pool != NULL && self->pool->len > 0)
    {
      /* The pool's reference becomes the slot's. */
      self->card = g_ptr_array_steal_index_fast (self->pool, self->pool->len - 1);
      /* Its rows at once, as for a new card. */
      koers_objective_card_set_lazy_rows (KOERS_OBJECTIVE_CARD (self->card), FALSE);
    }
  else
    {
      self->card = g_object_ref_sink (koers_objective_card_new (self->store));
      koers_objective_card_set_quality_marks (KOERS_OBJECTIVE_CARD (self->card), self->marks);
    }
  /* Bound in the window: its tooltips then wait for the frame. */
  gtk_widget_set_parent (self->card, widget);
  g_object_unref (self->card);
  koers_objective_card_set_objective (KOERS_OBJECTIVE_CARD (self->card), self->objective);
  koers_objective_card_set_lazy_rows (KOERS_OBJECTIVE_CARD (self->card), TRUE);
}

static GtkSizeRequestMode
koers_objective_slot_get_request_mode (GtkWidget *widget)
{
  KoersObjectiveSlot *self = KOERS_OBJECTIVE_SLOT (widget);

  return self->card != NULL ? gtk_widget_get_request_mode (self->card)
                            : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
koers_objective_slot_measure (GtkWidget     *widget,
                              GtkOrientation orientation,
                              int            for_size,
                              int           *minimum,
                              int           *natural,
                              int           *minimum_baseline,
                              int           *natural_baseline)
{
  KoersObjectiveSlot *self = KOERS_OBJECTIVE_SLOT (widget);
  guint               n_key_results;

  if (self->card != NULL)
    {
      gtk_widget_measure (self->card, orientation, for_size, minimum, natural,
                          minimum_baseline, natural_baseline);
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL || self->objective == NULL)
    return;

  n_key_results = g_list_model_get_n_items (koers_objective_get_key_results (self->objective));
  *minimum = *natural = ESTIMATED_HEADER_HEIGHT + (int) n_key_results * ESTIMATED_ROW_HEIGHT;
}

static void
koers_objective_slot_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  KoersObjectiveSlot *self = KOERS_OBJECTIVE_SLOT (widget);

  if (self->card != NULL)
    {
      gtk_widget_allocate (self->card, width, height, baseline, NULL);
      return;
    }

  /* Widgets may not be added while being allocated. */
  if (self->objective != NULL && !self->card_pending && koers_layout_is_near_view (widget, height))
    {
      self->card_pending = TRUE;
      koers_layout_defer (widget, make_card);
    }
}

static void
koers_objective_slot_dispose (GObject *object)
{
  KoersObjectiveSlot *self = KOERS_OBJECTIVE_SLOT (object);

  /* Still bound: the next slot rebinds it in the window, where its
   * tooltips wait for the frame. */
  if (self->card != NULL && self->pool != NULL && self->pool->len < MAX_POOLED_CARDS)
    g_ptr_array_add (self->pool, g_object_ref (self->card));
  g_clear_pointer (&self->card, gtk_widget_unparent);
  g_clear_pointer (&self->pool, g_ptr_array_unref);
  g_clear_object (&self->objective);
  g_clear_object (&self->marks);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (koers_objective_slot_parent_class)->dispose (object);
}

static void
koers_objective_slot_class_init (KoersObjectiveSlotClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koers_objective_slot_dispose;
  widget_class->get_request_mode = koers_objective_slot_get_request_mode;
  widget_class->measure = koers_objective_slot_measure;
  widget_class->size_allocate = koers_objective_slot_size_allocate;
}

static void
koers_objective_slot_init (KoersObjectiveSlot *self)
{
}

GtkWidget *
koers_objective_slot_new (KoersStore        *store,
                          KoersQualityMarks *marks)
{
  KoersObjectiveSlot *self;

  g_return_val_if_fail (store == NULL || KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (marks == NULL || KOERS_IS_QUALITY_MARKS (marks), NULL);

  self = g_object_new (KOERS_TYPE_OBJECTIVE_SLOT, NULL);
  if (store != NULL)
    self->store = g_object_ref (store);
  if (marks != NULL)
    self->marks = g_object_ref (marks);

  return GTK_WIDGET (self);
}

KOERS_DEFINE_GETTER (KoersObjectiveSlot, koers_objective_slot, KOERS_IS_OBJECTIVE_SLOT, KoersObjective *, objective, NULL)

void
koers_objective_slot_set_objective (KoersObjectiveSlot *self,
                                    KoersObjective     *objective)
{
  g_return_if_fail (KOERS_IS_OBJECTIVE_SLOT (self));
  g_return_if_fail (objective == NULL || KOERS_IS_OBJECTIVE (objective));

  if (!g_set_object (&self->objective, objective))
    return;

  /* A made card stays and follows the slot: binding it is cheap.  An
   * unbound slot is being let go or rebound next: its card keeps its
   * objective until then (unbound here, out of the window, each changed
   * tooltip would cost a round trip to the display server). */
  if (self->card != NULL && objective != NULL)
    koers_objective_card_set_objective (KOERS_OBJECTIVE_CARD (self->card), objective);
  else
    gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
koers_objective_slot_set_card_pool (KoersObjectiveSlot *self,
                                    GPtrArray          *pool)
{
  g_return_if_fail (KOERS_IS_OBJECTIVE_SLOT (self));

  if (pool != NULL)
    g_ptr_array_ref (pool);
  g_clear_pointer (&self->pool, g_ptr_array_unref);
  self->pool = pool;
}

KoersObjectiveCard *
koers_objective_slot_get_card (KoersObjectiveSlot *self)
{
  g_return_val_if_fail (KOERS_IS_OBJECTIVE_SLOT (self), NULL);

  return self->card != NULL ? KOERS_OBJECTIVE_CARD (self->card) : NULL;
}
