/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-tooltip.h"

typedef struct
{
  char *text;
  char *description;
} PendingTooltip;

/* Per frame clock: the widgets waiting for its next frame. */
typedef struct
{
  GdkFrameClock *clock; /* not owned: the rounds live on it */
  gulong         handler_id;
  guint          idle_id;
  GPtrArray     *widgets; /* owned refs */
} TooltipRound;

static GQuark pending_quark;
static GQuark round_quark;

static void
pending_tooltip_free (gpointer data)
{
  PendingTooltip *pending = data;

  g_free (pending->text);
  g_free (pending->description);
  g_free (pending);
}

static gboolean
is_same_text (const char *a,
              const char *b)
{
  /* GTK keeps "" as no tooltip. */
  if (a != NULL && *a == '\0')
    a = NULL;
  if (b != NULL && *b == '\0')
    b = NULL;

  return g_strcmp0 (a, b) == 0;
}

static void
apply_pending (GtkWidget *widget)
{
  PendingTooltip *pending = g_object_steal_qdata (G_OBJECT (widget), pending_quark);

  if (pending == NULL)
    return;

  if (!is_same_text (gtk_widget_get_tooltip_text (widget), pending->text))
    gtk_widget_set_tooltip_text (widget, pending->text);
  if (pending->description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, pending->description,
                                    -1);
  pending_tooltip_free (pending);
}

/* The window is gone: what waited for its frame is set now. */
static void
tooltip_round_free (gpointer data)
{
  TooltipRound *round = data;

  g_clear_handle_id (&round->idle_id, g_source_remove);
  for (guint i = 0; i < round->widgets->len; i++)
    apply_pending (g_ptr_array_index (round->widgets, i));
  g_ptr_array_unref (round->widgets);
  g_free (round);
}

static gboolean
apply_round_cb (gpointer user_data)
{
  TooltipRound *round = user_data;
  g_autoptr (GPtrArray) widgets = round->widgets;

  round->idle_id = 0;
  round->widgets = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < widgets->len; i++)
    apply_pending (g_ptr_array_index (widgets, i));

  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                TooltipRound  *round)
{
  g_clear_signal_handler (&round->handler_id, clock);
  /* An idle: input waiting since the frame comes first. */
  if (round->idle_id == 0)
    round->idle_id = g_idle_add (apply_round_cb, round);
}

void
koers_tooltip_set_text_full (GtkWidget  *widget,
                             const char *text,
                             const char *description)
{
  GdkFrameClock  *clock;
  PendingTooltip *pending;
  TooltipRound   *round;
  gboolean        queued;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (pending_quark == 0)
    {
      pending_quark = g_quark_from_static_string ("koers-tooltip-pending");
      round_quark = g_quark_from_static_string ("koers-tooltip-round");
    }

  queued = g_object_get_qdata (G_OBJECT (widget), pending_quark) != NULL;
  clock = gtk_widget_get_frame_clock (widget);
  if (clock == NULL)
    {
      /* Not in a window: no pointer to ask about. */
      g_object_set_qdata (G_OBJECT (widget), pending_quark, NULL);
      if (!is_same_text (gtk_widget_get_tooltip_text (widget), text))
        gtk_widget_set_tooltip_text (widget, text);
      if (description != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                        -1);
      return;
    }

  /* Now, and again once GTK has replaced it with the tooltip. */
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  if (!queued && is_same_text (gtk_widget_get_tooltip_text (widget), text))
    return;

  pending = g_new0 (PendingTooltip, 1);
  pending->text = g_strdup (text);
  pending->description = g_strdup (description);
  g_object_set_qdata_full (G_OBJECT (widget), pending_quark, pending, pending_tooltip_free);
  if (queued)
    return;

  round = g_object_get_qdata (G_OBJECT (clock), round_quark);
  if (round == NULL)
    {
      round = g_new0 (TooltipRound, 1);
      round->clock = clock;
      round->widgets = g_ptr_array_new_with_free_func (g_object_unref);
      g_object_set_qdata_full (G_OBJECT (clock), round_quark, round, tooltip_round_free);
    }
  g_ptr_array_add (round->widgets, g_object_ref (widget));

  if (round->handler_id == 0 && round->idle_id == 0)
    {
      round->handler_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), round);
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
    }
}

void
koers_tooltip_set_text (GtkWidget  *widget,
                        const char *text)
{
  koers_tooltip_set_text_full (widget, text, NULL);
}

const char *
koers_tooltip_get_text (GtkWidget *widget)
{
  PendingTooltip *pending;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  pending = pending_quark != 0 ? g_object_get_qdata (G_OBJECT (widget), pending_quark) : NULL;

  return pending != NULL ? pending->text : gtk_widget_get_tooltip_text (widget);
}
