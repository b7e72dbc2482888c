/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The quarters beside the one shown are read ahead, in an idle once the
 * first frame is painted and after each switch: a switch to the previous
 * or next quarter then finds it in the store.  Reading a quarter of a
 * large company from the database took about 150 ms, several frames, on
 * the first visit.  One quarter per idle, so input waiting in between
 * comes first. */
#include "config.h"

#include "koers-window-private.h"

static gboolean
prefetch_cb (gpointer user_data)
{
  KoersWindow       *self = user_data;
  const KoersPeriod *shown = koers_period_switcher_get_period (self->period_switcher);
  KoersPeriod        neighbour;

  g_autoptr (GError) error = NULL;

  if (self->prefetch_step == 0)
    koers_period_previous (shown, &neighbour);
  else
    koers_period_next (shown, &neighbour);

  /* A period read already costs one small query. */
  if (!koers_store_load_period (self->store, &neighbour, &error))
    /* The switch itself reads it again and says what went wrong. */
    g_debug ("Could not read a neighbouring period ahead: %s", error->message);

  if (++self->prefetch_step < 2)
    return G_SOURCE_CONTINUE;

  self->prefetch_idle = 0;
  return G_SOURCE_REMOVE;
}

/* GDK drops a frame clock's handlers with its surface (a window hidden
 * and shown again has a new clock). */
static void
stop_waiting (KoersWindow *self)
{
  if (self->prefetch_clock != NULL &&
      g_signal_handler_is_connected (self->prefetch_clock, self->prefetch_paint_id))
    g_signal_handler_disconnect (self->prefetch_clock, self->prefetch_paint_id);
  self->prefetch_paint_id = 0;
  g_clear_object (&self->prefetch_clock);
}

/* After the frame that shows the switch: an idle added before it could
 * run while the frame clock waits for its time, and delay that frame.
 * The sidebar's rows out of view take the new period then too. */
static void
after_paint_cb (GdkFrameClock *clock,
                KoersWindow   *self)
{
  stop_waiting (self);
  koers_window_catch_up_rows (self);
  self->prefetch_step = 0;
  if (self->prefetch_idle == 0)
    self->prefetch_idle = g_idle_add_full (G_PRIORITY_LOW, prefetch_cb, self, NULL);
}

void
koers_window_prefetch_neighbours (KoersWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  /* Not before the first frame: it would wait for the reads. */
  if (!self->first_frame_painted || self->store == NULL || clock == NULL)
    return;

  /* A switch while reading ahead: the new neighbours after its frame. */
  g_clear_handle_id (&self->prefetch_idle, g_source_remove);
  if (self->prefetch_clock == clock &&
      g_signal_handler_is_connected (clock, self->prefetch_paint_id))
    return;

  stop_waiting (self);
  self->prefetch_clock = g_object_ref (clock);
  self->prefetch_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
}

void
koers_window_dispose_prefetch (KoersWindow *self)
{
  g_clear_handle_id (&self->prefetch_idle, g_source_remove);
  stop_waiting (self);
}
