/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-layout.h"

gboolean
koers_layout_is_near_view (GtkWidget *widget,
                           int        height)
{
  GtkWidget       *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0);
  graphene_point_t point;
  int              view_height;

  if (scrolled == NULL || !gtk_widget_compute_point (widget, scrolled, &origin, &point))
    return TRUE;

  view_height = gtk_widget_get_height (scrolled);
  return point.y + height >= -view_height && point.y <= 2 * view_height;
}

typedef struct
{
  GWeakRef        widget;
  KoersLayoutFunc func;
} LayoutRequest;

typedef struct
{
  gint64     round_frame; /* the frame whose round has run, or -1 */
  gulong     handler_id;
  GPtrArray *requests; /* LayoutRequest */
} LayoutRounds;

static void
layout_request_free (gpointer data)
{
  LayoutRequest *request = data;

  g_weak_ref_clear (&request->widget);
  g_free (request);
}

static void
layout_rounds_free (gpointer data)
{
  LayoutRounds *rounds = data;

  g_ptr_array_unref (rounds->requests);
  g_free (rounds);
}

static void
run_layout_round_cb (GdkFrameClock *clock,
                     LayoutRounds  *rounds)
{
  g_autoptr (GPtrArray) requests = rounds->requests;

  g_signal_handler_disconnect (clock, rounds->handler_id);
  rounds->handler_id = 0;
  rounds->round_frame = gdk_frame_clock_get_frame_counter (clock);
  rounds->requests = g_ptr_array_new_with_free_func (layout_request_free);

  for (guint i = 0; i < requests->len; i++)
    {
      LayoutRequest *request = g_ptr_array_index (requests, i);
      g_autoptr (GtkWidget) widget = g_weak_ref_get (&request->widget);

      if (widget != NULL)
        request->func (widget);
    }
}

static gboolean
run_in_update_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  KoersLayoutFunc func = (KoersLayoutFunc) user_data;

  func (widget);
  return G_SOURCE_REMOVE;
}

void
koers_layout_defer (GtkWidget      *widget,
                    KoersLayoutFunc func)
{
  static GQuark  rounds_quark;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  LayoutRounds  *rounds;
  LayoutRequest *request;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  if (clock == NULL)
    return;

  if (rounds_quark == 0)
    rounds_quark = g_quark_from_static_string ("koers-layout-rounds");

  rounds = g_object_get_qdata (G_OBJECT (clock), rounds_quark);
  if (rounds == NULL)
    {
      rounds = g_new0 (LayoutRounds, 1);
      rounds->round_frame = -1;
      rounds->requests = g_ptr_array_new_with_free_func (layout_request_free);
      g_object_set_qdata_full (G_OBJECT (clock), rounds_quark, rounds, layout_rounds_free);
    }

  if (rounds->round_frame == gdk_frame_clock_get_frame_counter (clock))
    {
      gtk_widget_add_tick_callback (widget, run_in_update_cb, (gpointer) func, NULL);
      return;
    }

  request = g_new0 (LayoutRequest, 1);
  g_weak_ref_init (&request->widget, widget);
  request->func = func;
  g_ptr_array_add (rounds->requests, request);

  /* Handlers connected while "layout" is being emitted wait for its next
   * emission, which asking for the layout phase again brings. */
  if (rounds->handler_id == 0)
    {
      rounds->handler_id = g_signal_connect (clock, "layout", G_CALLBACK (run_layout_round_cb), rounds);
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
    }
}

void
koers_layout_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}
