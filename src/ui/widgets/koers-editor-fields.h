/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "widgets/koers-editor-session.h"

G_BEGIN_DECLS

/* The plain fields of an editor, from a table: each widget writes one
 * property of the session's entity and saves as it changes; when the
 * store refuses, the old value goes back into the entity and the widget. */

typedef enum
{
  KOERS_EDITOR_FIELD_TEXT,          /* AdwEntryRow, a string; empty is NULL */
  KOERS_EDITOR_FIELD_REQUIRED_TEXT, /* AdwEntryRow, kept while empty */
  KOERS_EDITOR_FIELD_NUMBER,        /* GtkSpinButton, a double */
  KOERS_EDITOR_FIELD_CHOICE,        /* AdwComboRow, an enum in position order */
} KoersEditorFieldKind;

typedef struct
{
  gsize                widget_offset; /* the widget's field in the editor's struct */
  const char          *property;      /* the entity's */
  KoersEditorFieldKind kind;
} KoersEditorField;

/* Connects the n_fields widgets of fields (a static table) in the editor
 * of session, after koers_editor_session_setup(). */
void koers_editor_session_connect_fields (KoersEditorSession     *session,
                                          const KoersEditorField *fields,
                                          guint                   n_fields);

/* Sets a spin button's value without saving it. */
void koers_editor_session_set_spin (KoersEditorSession *session,
                                    GtkSpinButton      *spin,
                                    double              value);

G_END_DECLS
