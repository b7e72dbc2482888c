/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "koers-editing.h"
#include "koers-key-result-editor.h"
#include "koers-objective-editor.h"
#include "widgets/koers-toasts.h"

#define OBJECTIVE_EDITOR_KEY "koers-objective-editor"
#define KEY_RESULT_EDITOR_KEY "koers-key-result-editor"

static GtkWindow *
get_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
forget_editor_cb (gpointer  data,
                  GObject  *where_the_editor_was)
{
  GObject *entity = data;

  /* Both keys: one entity is never both an objective and a key result. */
  if (g_object_get_data (entity, OBJECTIVE_EDITOR_KEY) == (gpointer) where_the_editor_was)
    g_object_steal_data (entity, OBJECTIVE_EDITOR_KEY);
  if (g_object_get_data (entity, KEY_RESULT_EDITOR_KEY) == (gpointer) where_the_editor_was)
    g_object_steal_data (entity, KEY_RESULT_EDITOR_KEY);
  g_object_unref (entity);
}

/* One editor per entity: a second request raises the open one.  new_editor
 * is NULL when the caller saw that one is open. */
static void
open_editor (GtkWidget  *widget,
             GObject    *entity,
             const char *key,
             GtkWidget  *new_editor)
{
  GtkWindow *editor = g_object_get_data (entity, key);

  if (editor == NULL)
    {
      editor = GTK_WINDOW (new_editor);
      gtk_window_set_transient_for (editor, get_window (widget));
      g_object_set_data (entity, key, editor);
      /* The reference keeps entity alive until the editor is gone, so the
       * notify can always clear the pointer. */
      g_object_weak_ref (G_OBJECT (editor), forget_editor_cb, g_object_ref (entity));
    }

  gtk_window_present (editor);
}

void
koers_editing_open_objective (GtkWidget      *widget,
                              KoersStore     *store,
                              KoersObjective *objective)
{
  GtkWidget *editor = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (KOERS_IS_STORE (store));
  g_return_if_fail (KOERS_IS_OBJECTIVE (objective));

  if (g_object_get_data (G_OBJECT (objective), OBJECTIVE_EDITOR_KEY) == NULL)
    editor = koers_objective_editor_new (store, objective);
  open_editor (widget, G_OBJECT (objective), OBJECTIVE_EDITOR_KEY, editor);
}

void
koers_editing_open_key_result (GtkWidget      *widget,
                               KoersStore     *store,
                               KoersKeyResult *kr)
{
  GtkWidget *editor = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (KOERS_IS_STORE (store));
  g_return_if_fail (KOERS_IS_KEY_RESULT (kr));

  if (g_object_get_data (G_OBJECT (kr), KEY_RESULT_EDITOR_KEY) == NULL)
    editor = koers_key_result_editor_new (store, kr);
  open_editor (widget, G_OBJECT (kr), KEY_RESULT_EDITOR_KEY, editor);
}

gboolean
koers_editing_add_key_result (GtkWidget      *widget,
                              KoersStore     *store,
                              KoersObjective *objective)
{
  g_autoptr (KoersKeyResult) kr = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (KOERS_IS_STORE (store), FALSE);
  g_return_val_if_fail (KOERS_IS_OBJECTIVE (objective), FALSE);

  kr = koers_key_result_new (_("New key result"), KOERS_METRIC_KIND_NUMBER, 0, 100, NULL);
  if (!koers_store_add_key_result (store, objective, kr, &error))
    {
      koers_toasts_show_error (widget, error);
      return FALSE;
    }

  koers_editing_open_key_result (widget, store, kr);
  return TRUE;
}
