/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-editor-windows.h"

/* What the editor's weak reference clears when the editor is gone. */
typedef struct
{
  GObject    *entity;
  const char *key;
} OpenEditor;

static void
forget_editor_cb (gpointer data,
                  GObject *where_the_editor_was)
{
  OpenEditor *open = data;

  if (g_object_get_data (open->entity, open->key) == (gpointer) where_the_editor_was)
    g_object_steal_data (open->entity, open->key);
  g_object_unref (open->entity);
  g_free (open);
}

void
koers_editor_windows_open (GtkWidget  *widget,
                           KoersStore *store,
                           GObject    *entity,
                           GType       editor_type,
                           const char *entity_property)
{
  /* A type name is a static string, as object data keys must be. */
  const char *key = g_type_name (editor_type);
  GtkWindow  *editor;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (KOERS_IS_STORE (store));
  g_return_if_fail (G_IS_OBJECT (entity));
  g_return_if_fail (g_type_is_a (editor_type, GTK_TYPE_WINDOW));

  editor = g_object_get_data (entity, key);
  if (editor == NULL)
    {
      GtkRoot    *root = gtk_widget_get_root (widget);
      OpenEditor *open;

      editor = g_object_new (editor_type, "store", store, entity_property, entity, NULL);
      gtk_window_set_transient_for (editor, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
      g_object_set_data (entity, key, editor);
      /* The reference keeps entity alive until the editor is gone, so the
       * notify can always clear the pointer. */
      open = g_new0 (OpenEditor, 1);
      open->entity = g_object_ref (entity);
      open->key = key;
      g_object_weak_ref (G_OBJECT (editor), forget_editor_cb, open);
    }

  gtk_window_present (editor);
}

void
koers_editor_windows_close (GtkWindow *editor,
                            gboolean  *closed)
{
  if (*closed)
    return;
  *closed = TRUE;
  gtk_window_destroy (editor);
}
