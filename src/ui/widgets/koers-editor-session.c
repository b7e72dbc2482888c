/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-editor-session.h"
#include "widgets/koers-deleting.h"
#include "widgets/koers-editor-windows.h"
#include "widgets/koers-toasts.h"

static gint64
get_entity_int64 (KoersEditorSession *session,
                  const char         *property)
{
  gint64 value = 0;

  g_object_get (session->entity, property, &value, NULL);
  return value;
}

void
koers_editor_session_setup (KoersEditorSession      *session,
                            const KoersEditorEntity *kind,
                            GtkWindow               *editor,
                            KoersStore              *store,
                            GObject                 *entity,
                            AdwToastOverlay         *toast_overlay)
{
  g_return_if_fail (GTK_IS_WINDOW (editor));
  g_return_if_fail (KOERS_IS_STORE (store));
  g_return_if_fail (G_IS_OBJECT (entity));

  /* A fresh session: nothing saving, closed or queued. */
  *session = (KoersEditorSession){
    .kind = kind,
    .editor = editor,
    .store = store,
    .entity = entity,
    .toast_overlay = toast_overlay,
  };
}

/* Not from inside a field's own change handler. */
static void
queue_refill (KoersEditorSession *session)
{
  koers_idle_queue (&session->refill_id, G_PRIORITY_DEFAULT_IDLE, session->kind->fill, session->editor);
}

void
koers_editor_session_filled (KoersEditorSession *session)
{
  session->shown_updated = get_entity_int64 (session, "updated");
}

gboolean
koers_editor_session_save (KoersEditorSession *session)
{
  g_autoptr (GError) error = NULL;
  gboolean saved;

  session->saving = TRUE;
  saved = session->kind->save (session->store, session->entity, &error);
  session->saving = FALSE;
  if (saved)
    {
      /* Someone else changed other fields meanwhile: both are kept, and
       * the fields show theirs too. */
      if (koers_store_get_last_save_merged (session->store))
        queue_refill (session);
      koers_editor_session_filled (session);
      return TRUE;
    }

  koers_toasts_show_error (GTK_WIDGET (session->toast_overlay), error);

  /* Someone else saved first: the entity holds their values now; the
   * fields show them, and typing again keeps mine. */
  if (g_error_matches (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONFLICT))
    {
      queue_refill (session);
      return TRUE;
    }
  return FALSE;
}

gboolean
koers_editor_session_store_changed (KoersEditorSession *session)
{
  if (session->closed)
    return FALSE;

  /* Deleted (here, in the pane, by an undo elsewhere): nothing left to edit. */
  if (session->kind->find (session->store, get_entity_int64 (session, "id")) != (gpointer) session->entity)
    {
      koers_editor_windows_close (session->editor, &session->closed);
      return FALSE;
    }

  /* Changed elsewhere (another window, the command line): show the new
   * values; every field saves as it is typed, so nothing of mine is lost. */
  if (session->saving || get_entity_int64 (session, "updated") == session->shown_updated)
    return FALSE;

  queue_refill (session);
  return TRUE;
}

static void
delete_clicked_cb (KoersEditorSession *session)
{
  g_autoptr (GtkWindow) editor = g_object_ref (session->editor);

  /* The undo toast goes to the main window: this one closes. */
  if (koers_deleting_delete_from_editor (editor, session->store, session->entity))
    koers_editor_windows_close (editor, &session->closed);
}

void
koers_editor_session_connect_delete (KoersEditorSession *session,
                                     GtkButton          *button)
{
  /* The session lives in the editor, and the button in its template. */
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (delete_clicked_cb), session);
}

void
koers_editor_session_dispose (KoersEditorSession *session)
{
  g_clear_handle_id (&session->refill_id, g_source_remove);
}
