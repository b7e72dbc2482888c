/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef void (*KoersIdleFunc) (gpointer data);

/* Runs func (data) once from the main loop at priority, however often it
 * is queued before then: many changes in a row (a period read in, a
 * field's own change handler) make one update.  *source_id is the pending
 * source, 0 when none; the owner clears it with g_clear_handle_id() and
 * g_source_remove() when it goes. */
void koers_idle_queue (guint        *source_id,
                       int           priority,
                       KoersIdleFunc func,
                       gpointer      data);

/* Runs func (data) once delay_ms after the last of a burst of calls for
 * *source_id: a check that reads a whole period waits for typing or an
 * import to pause.  *source_id as for koers_idle_queue(). */
void koers_idle_queue_after_pause (guint        *source_id,
                                   guint         delay_ms,
                                   KoersIdleFunc func,
                                   gpointer      data);

G_END_DECLS
