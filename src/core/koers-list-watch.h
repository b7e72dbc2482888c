/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Private to core: an object that owns a GListStore and listens to the
 * items in it (a key result to its check-ins, a KPI to its values, an
 * objective to its key results). */

#include <gio/gio.h>

G_BEGIN_DECLS

/* A set of watched items, a reference each. */
GHashTable *koers_list_watch_new (void);

/* Connects callback (swapped: owner first) to each of the NULL-terminated
 * signals of every item of model not watched yet, and disconnects from
 * the watched items that are no longer in it. */
void koers_list_watch_sync (GHashTable        *watched,
                            GListModel        *model,
                            const char *const *signals,
                            GCallback          callback,
                            gpointer           owner);

/* Sorts list by compare unless it is sorted already; returns whether it
 * did (its items-changed then tells the owner). */
gboolean koers_list_sort_if_unsorted (GListStore      *list,
                                      GCompareDataFunc compare);

/* Disconnects from every watched item and frees the set; for dispose. */
void koers_list_watch_clear (GHashTable **watched,
                             GCallback    callback,
                             gpointer     owner);

/* The owner's list of item_type: its items-changed calls changed
 * (swapped: owner first), which keeps *watched, a new set, with
 * koers_list_watch_sync(). */
GListStore *koers_list_watch_new_list (GType        item_type,
                                       GHashTable **watched,
                                       GCallback    changed,
                                       gpointer     owner);

/* For dispose: the list no longer calls changed, the watched items no
 * longer callback, and both go. */
void koers_list_watch_clear_list (GListStore **list,
                                  GHashTable **watched,
                                  GCallback    changed,
                                  GCallback    callback,
                                  gpointer     owner);

G_END_DECLS
