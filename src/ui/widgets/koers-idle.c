/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-idle.h"

typedef struct
{
  guint        *source_id;
  KoersIdleFunc func;
  gpointer      data;
} QueuedUpdate;

static gboolean
run_queued_update_cb (gpointer user_data)
{
  QueuedUpdate *update = user_data;

  /* Cleared first, so that func may queue the next update. */
  *update->source_id = 0;
  update->func (update->data);
  return G_SOURCE_REMOVE;
}

static QueuedUpdate *
new_update (guint        *source_id,
            KoersIdleFunc func,
            gpointer      data)
{
  QueuedUpdate *update = g_new (QueuedUpdate, 1);

  update->source_id = source_id;
  update->func = func;
  update->data = data;
  return update;
}

void
koers_idle_queue (guint        *source_id,
                  int           priority,
                  KoersIdleFunc func,
                  gpointer      data)
{
  g_return_if_fail (source_id != NULL);
  g_return_if_fail (func != NULL);

  if (*source_id != 0)
    return;

  *source_id = g_idle_add_full (priority, run_queued_update_cb, new_update (source_id, func, data), g_free);
}

void
koers_idle_queue_after_pause (guint        *source_id,
                              guint         delay_ms,
                              KoersIdleFunc func,
                              gpointer      data)
{
  g_return_if_fail (source_id != NULL);
  g_return_if_fail (func != NULL);

  g_clear_handle_id (source_id, g_source_remove);
  *source_id = g_timeout_add_full (G_PRIORITY_DEFAULT, delay_ms, run_queued_update_cb,
                                   new_update (source_id, func, data), g_free);
}
