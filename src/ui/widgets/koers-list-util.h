/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The position of item in model, compared by pointer, or G_MAXUINT when
 * model does not hold it.  (GTK 4.8's filter and sort models have no
 * find of their own; g_list_store_find() serves a GListStore only.) */
guint koers_list_model_find (GListModel *model,
                             gpointer    item);

G_END_DECLS
