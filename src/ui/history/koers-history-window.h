/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* A modal window (accessible role dialog) with the history of an
 * objective (and its key results) or a key result (and its check-ins):
 * who changed what and when, newest first, grouped by day, read from the
 * store's change log.  It follows the store's writes while open (once
 * the main loop is idle again). */
#define KOERS_TYPE_HISTORY_WINDOW (koers_history_window_get_type ())
G_DECLARE_FINAL_TYPE (KoersHistoryWindow, koers_history_window, KOERS, HISTORY_WINDOW, AdwWindow)

/* subject: the objective or the key result whose history it shows. */
GtkWidget *koers_history_window_new (GtkWindow  *parent,
                                     KoersStore *store,
                                     GObject    *subject);
/* The uuid whose history is shown. */
const char *koers_history_window_get_uuid (KoersHistoryWindow *self);
/* How many changes the window lists (the first page of them, or more
 * after "Show Older Changes"). */
guint koers_history_window_get_n_shown (KoersHistoryWindow *self);

G_END_DECLS
