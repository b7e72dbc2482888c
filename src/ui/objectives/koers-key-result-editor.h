/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* A modal window that edits one key result; every change is saved at once. */
#define KOERS_TYPE_KEY_RESULT_EDITOR (koers_key_result_editor_get_type ())
G_DECLARE_FINAL_TYPE (KoersKeyResultEditor, koers_key_result_editor, KOERS, KEY_RESULT_EDITOR, AdwWindow)

GtkWidget      *koers_key_result_editor_new (KoersStore     *store,
                                             KoersKeyResult *kr);
KoersKeyResult *koers_key_result_editor_get_key_result (KoersKeyResultEditor *self);

G_END_DECLS
