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

GtkWindow *
koers_editor_windows_lookup (GObject    *entity,
                             const char *key)
{
  g_return_val_if_fail (G_IS_OBJECT (entity), NULL);

  return g_object_get_data (entity, key);
}

void
koers_editor_windows_present (GtkWidget  *widget,
                              GObject    *entity,
                              const char *key,
                              GtkWidget  *new_editor)
{
  GtkWindow *editor;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (G_IS_OBJECT (entity));

  editor = koers_editor_windows_lookup (entity, key);
  if (editor == NULL)
    {
      GtkRoot    *root = gtk_widget_get_root (widget);
      OpenEditor *open;

      g_return_if_fail (GTK_IS_WINDOW (new_editor));

      editor = GTK_WINDOW (new_editor);
      gtk_window_set_transient_for (editor, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
      g_object_set_data (entity, key, editor);
      /* The reference keeps entity alive until the editor is gone, so the
       * notify can always clear the pointer. */
      open = g_new0 (OpenEditor, 1);
      open->entity = g_object_ref (entity);
      open->key = key;
      g_object_weak_ref (G_OBJECT (editor), forget_editor_cb, open);
    }
  else if (new_editor != NULL)
    /* Made for nothing: an editor is open already. */
    gtk_window_destroy (GTK_WINDOW (new_editor));

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
