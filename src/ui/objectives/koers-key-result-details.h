/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* A key result's history: the progress chart over its period and every
 * check-in, newest first, each of which can be edited or deleted (with
 * undo in a toast).  A modal window, transient for the app window. */
#define KOERS_TYPE_KEY_RESULT_DETAILS (koers_key_result_details_get_type ())
G_DECLARE_FINAL_TYPE (KoersKeyResultDetails, koers_key_result_details, KOERS, KEY_RESULT_DETAILS, AdwWindow)

GtkWidget *koers_key_result_details_new (KoersStore     *store,
                                         KoersKeyResult *kr);
/* Opens the history of kr transient for widget's window, or raises it
 * when it is already open.  Returns the window (transfer none). */
GtkWidget *koers_key_result_details_present (GtkWidget      *widget,
                                             KoersStore     *store,
                                             KoersKeyResult *kr);

KoersKeyResult *koers_key_result_details_get_key_result (KoersKeyResultDetails *self);
/* (transfer none) */
GtkWidget *koers_key_result_details_get_chart (KoersKeyResultDetails *self);
/* Deletes checkin and offers "Undo" in a toast.  FALSE (and an error
 * toast) when the store refused. */
gboolean koers_key_result_details_delete_checkin (KoersKeyResultDetails *self,
                                                  KoersCheckin          *checkin);
/* What the latest toast's "Undo" does: puts back the check-in deleted
 * last, if its toast is still showing.  FALSE when there is nothing to
 * undo or the store refused. */
gboolean koers_key_result_details_undo (KoersKeyResultDetails *self);

G_END_DECLS
