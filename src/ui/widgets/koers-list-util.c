/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-list-util.h"

guint
koers_list_model_find (GListModel *model,
                       gpointer    item)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (model), G_MAXUINT);

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr (GObject) held = g_list_model_get_item (model, i);

      if (held == item)
        return i;
    }
  return G_MAXUINT;
}
