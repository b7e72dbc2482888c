/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-list-watch.h"

GHashTable *
koers_list_watch_new (void)
{
  return g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
}

static void
unwatch_item (gpointer  item,
              GCallback callback,
              gpointer  owner)
{
  g_signal_handlers_disconnect_by_func (item, callback, owner);
}

/* Whoever changes the list, this connects to what arrived and
 * disconnects from what left. */
void
koers_list_watch_sync (GHashTable        *watched,
                       GListModel        *model,
                       const char *const *signals,
                       GCallback          callback,
                       gpointer           owner)
{
  g_autoptr (GHashTable) present = g_hash_table_new (NULL, NULL);
  guint          n = g_list_model_get_n_items (model);
  GHashTableIter iter;
  gpointer       key;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      g_hash_table_add (present, item);
      if (!g_hash_table_contains (watched, item))
        {
          /* A plain closure: an object closure costs twice as much to make
           * and to drop, for thousands of KPI values and check-ins at open,
           * and the owner disconnects from every watched item when it goes
           * (koers_list_watch_clear()). */
          for (guint j = 0; signals[j] != NULL; j++)
            g_signal_connect_data (item, signals[j], callback, owner, NULL, G_CONNECT_SWAPPED);
          g_hash_table_add (watched, g_object_ref (item));
        }
    }

  g_hash_table_iter_init (&iter, watched);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_hash_table_contains (present, key))
        {
          unwatch_item (key, callback, owner);
          g_hash_table_iter_remove (&iter);
        }
    }
}

void
koers_list_watch_clear (GHashTable **watched,
                        GCallback    callback,
                        gpointer     owner)
{
  GHashTableIter iter;
  gpointer       key;

  if (*watched == NULL)
    return;

  g_hash_table_iter_init (&iter, *watched);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    unwatch_item (key, callback, owner);
  g_clear_pointer (watched, g_hash_table_unref);
}

GListStore *
koers_list_watch_new_list (GType        item_type,
                           GHashTable **watched,
                           GCallback    changed,
                           gpointer     owner)
{
  GListStore *list = g_list_store_new (item_type);

  *watched = koers_list_watch_new ();
  g_signal_connect_swapped (list, "items-changed", changed, owner);
  return list;
}

void
koers_list_watch_clear_list (GListStore **list,
                             GHashTable **watched,
                             GCallback    changed,
                             GCallback    callback,
                             gpointer     owner)
{
  if (*list != NULL)
    g_signal_handlers_disconnect_by_func (*list, changed, owner);

  koers_list_watch_clear (watched, callback, owner);

  g_clear_object (list);
}

static gboolean
is_sorted (GListModel      *model,
           GCompareDataFunc compare)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 1; i < n; i++)
    {
      g_autoptr (GObject) a = g_list_model_get_item (model, i - 1);
      g_autoptr (GObject) b = g_list_model_get_item (model, i);

      if (compare (a, b, NULL) > 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
koers_list_sort_if_unsorted (GListStore      *list,
                             GCompareDataFunc compare)
{
  if (is_sorted (G_LIST_MODEL (list), compare))
    return FALSE;
  g_list_store_sort (list, compare, NULL);
  return TRUE;
}
