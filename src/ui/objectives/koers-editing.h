/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* Opening the objective and key-result editors from the editor pane, the
 * cards and the key-result rows: one editor per entity, transient for the
 * window of the widget that asked. */

/* Opens (or raises, if it is open) the editor, transient for widget's window. */
void koers_editing_open_objective (GtkWidget      *widget,
                                   KoersStore     *store,
                                   KoersObjective *objective);
void koers_editing_open_key_result (GtkWidget      *widget,
                                    KoersStore     *store,
                                    KoersKeyResult *kr);

/* Adds a key result titled "New key result" to objective and opens it;
 * FALSE (and an error toast) when the store refused. */
gboolean koers_editing_add_key_result (GtkWidget      *widget,
                                       KoersStore     *store,
                                       KoersObjective *objective);

/* The editing actions, each with the id of its objective or key result
 * ("x"): "edit-objective", "archive-objective", "new-key-result" (adds one
 * to the objective and opens it), "edit-key-result", "delete-key-result",
 * "check-in" (the key result's check-in dialog).  KoersWindow installs
 * them as "win.…"; cards and rows activate them and need not know who
 * opens editors.  NULL-terminated. */
extern const char *const koers_editing_action_names[];

/* Runs action name (one of koers_editing_action_names) on the objective
 * or key result with id; editors are transient for widget's window and
 * toasts go near widget.  Does nothing when id is not in store. */
void koers_editing_activate (GtkWidget  *widget,
                             KoersStore *store,
                             const char *name,
                             gint64      id);

/* Gives window, when it is not a KoersWindow (a widget test's), the same
 * actions as its group "win". */
void koers_editing_insert_actions (GtkWidget  *window,
                                   KoersStore *store);

G_END_DECLS
