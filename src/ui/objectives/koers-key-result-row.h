/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* A key result inside an objective card: values, progress, status (colour,
 * icon and words), owner, due date, a mark when a check-in is due, and
 * buttons to check in and to reorder.  Activating it opens the editor. */
#define KOERS_TYPE_KEY_RESULT_ROW (koers_key_result_row_get_type ())
G_DECLARE_FINAL_TYPE (KoersKeyResultRow, koers_key_result_row, KOERS, KEY_RESULT_ROW, GtkListBoxRow)

/* objective and kr may be NULL: a row to bind later. */
GtkWidget *koers_key_result_row_new (KoersStore     *store,
                                     KoersObjective *objective,
                                     KoersKeyResult *kr);
/* Shows kr (of objective) instead: cards reuse their rows.  NULL, NULL
 * lets go of the key result. */
void            koers_key_result_row_bind (KoersKeyResultRow *self,
                                           KoersObjective    *objective,
                                           KoersKeyResult    *kr);
KoersKeyResult *koers_key_result_row_get_key_result (KoersKeyResultRow *self);
KoersKrStatus   koers_key_result_row_get_status (KoersKeyResultRow *self);

G_END_DECLS
