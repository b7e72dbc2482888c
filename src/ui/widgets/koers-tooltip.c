/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

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

/* GTK 4.8 asks where the pointer is when a visible widget's tooltip
 * changes, even out of a window (where the answer is never used): one or
 * more X round trips each.  The rows and cards made before the window's
 * first frame set hundreds, and those round trips were a good part of the
 * start (bench-scale).  It does not ask for a hidden widget, so the text
 * is set while the widget, not shown yet (no frame clock), is hidden for
 * a moment; not for a page of a stack or leaflet, which would pick
 * another visible page. */
static gboolean
is_page (GtkWidget *parent)
{
  return GTK_IS_STACK (parent) || ADW_IS_LEAFLET (parent) || ADW_IS_VIEW_STACK (parent) ||
         ADW_IS_SQUEEZER (parent);
}

void
koers_tooltip_set_now (GtkWidget  *widget,
                       const char *text)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);
  gboolean   hide = gtk_widget_get_visible (widget) && !gtk_widget_get_realized (widget) &&
                  (parent == NULL || !is_page (parent));

  /* The same text again (a sidebar row's expander at every period
   * switch): GTK 4.8 would still ask the X server where the pointer is. */
  if (is_same_text (gtk_widget_get_tooltip_text (widget), text))
    return;
  if (hide)
    gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  if (hide)
    gtk_widget_set_visible (widget, TRUE);
}

/* Sets the tooltips of widget and its descendants whose template id is in
 * tooltips; returns how many it set.  (gtk_widget_get_template_child()
 * finds only the children bound to the class.) */
static gsize
set_template_tooltips (GtkWidget                  *widget,
                       const KoersTemplateTooltip *tooltips,
                       gsize                       n_tooltips)
{
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));
  gsize       n_set = 0;

  for (gsize i = 0; id != NULL && i < n_tooltips; i++)
    if (strcmp (id, tooltips[i].id) == 0)
      {
        koers_tooltip_set_now (widget, _ (tooltips[i].text));
        n_set++;
      }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_set += set_template_tooltips (child, tooltips, n_tooltips);

  return n_set;
}

void
koers_tooltip_init_template (GtkWidget                  *widget,
                             const KoersTemplateTooltip *tooltips,
                             gsize                       n_tooltips)
{
  gsize n_set = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_set += set_template_tooltips (child, tooltips, n_tooltips);
  if (n_set != n_tooltips)
    g_critical ("%s: %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " template tooltips found",
                G_OBJECT_TYPE_NAME (widget), n_set, n_tooltips);
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
        koers_tooltip_set_now (widget, text);
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
