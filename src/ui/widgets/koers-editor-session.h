/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/koers-store.h"
#include "widgets/koers-idle.h"

G_BEGIN_DECLS

/* What an editor window that saves one entity (an objective, a key
 * result) as its fields are typed shares with the others: the save with
 * its conflict and merge handling, refilling the fields when another
 * writer changed the entity, closing when the entity is gone, and the
 * Delete button.  An editor holds one in its instance struct. */

typedef gboolean (*KoersEditorSaveFunc) (KoersStore *store,
                                         gpointer    entity,
                                         GError    **error);
typedef gpointer (*KoersEditorFindFunc) (KoersStore *store,
                                         gint64      id);

/* What differs from one kind of entity to the next: a static table. */
typedef struct
{
  KoersEditorSaveFunc save; /* koers_store_save_objective() */
  KoersEditorFindFunc find; /* koers_store_find_objective() */
  KoersIdleFunc       fill; /* fills the editor's fields from the entity */
} KoersEditorEntity;

typedef struct
{
  const KoersEditorEntity *kind;
  GtkWindow               *editor;
  KoersStore              *store;  /* the editor's */
  GObject                 *entity; /* the editor's; has "id" and "updated" */
  AdwToastOverlay         *toast_overlay;

  /* Set while the fields are filled from the entity, so that their
   * change signals do not write back. */
  gboolean updating;
  gboolean closed;
  gboolean saving;        /* "changed" comes from our own save */
  gint64   shown_updated; /* the entity's "updated" the fields show */
  guint    refill_id;
} KoersEditorSession;

/* From the editor's constructed, once store, entity and the template's
 * toast overlay are there; kind's fill is called with the editor. */
void koers_editor_session_setup (KoersEditorSession      *session,
                                 const KoersEditorEntity *kind,
                                 GtkWindow               *editor,
                                 KoersStore              *store,
                                 GObject                 *entity,
                                 AdwToastOverlay         *toast_overlay);

/* Saves the entity.  Returns TRUE when it was saved, or when another
 * writer saved first (the entity then holds their values and the fields
 * are refilled; typing again keeps mine); FALSE, with the error shown as
 * a toast, when the editor should put the old value back. */
gboolean koers_editor_session_save (KoersEditorSession *session);

/* The end of fill: the fields show the entity as it is now. */
void koers_editor_session_filled (KoersEditorSession *session);

/* For the store's "changed": closes the editor when its entity is gone,
 * and queues a refill when another writer changed it.  Returns whether it
 * queued one. */
gboolean koers_editor_session_store_changed (KoersEditorSession *session);

/* Makes button the Delete button: it deletes the entity (undo in the
 * main window) and closes the editor. */
void koers_editor_session_connect_delete (KoersEditorSession *session,
                                          GtkButton          *button);

/* From the editor's dispose. */
void koers_editor_session_dispose (KoersEditorSession *session);

G_END_DECLS
