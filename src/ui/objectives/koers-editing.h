/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* Opening the objective and key-result editors from the editor pane, the
 * cards and the key-result rows: one editor per entity, transient for the
 * window of the widget that asked. */

/* Opens (or raises, if it is open) the editor, transient for widget's window. */
void     koers_editing_open_objective   (GtkWidget      *widget,
                                         KoersStore     *store,
                                         KoersObjective *objective);
void     koers_editing_open_key_result  (GtkWidget      *widget,
                                         KoersStore     *store,
                                         KoersKeyResult *kr);

/* Adds a key result titled "New key result" to objective and opens it;
 * FALSE (and an error toast) when the store refused. */
gboolean koers_editing_add_key_result   (GtkWidget      *widget,
                                         KoersStore     *store,
                                         KoersObjective *objective);

G_END_DECLS
