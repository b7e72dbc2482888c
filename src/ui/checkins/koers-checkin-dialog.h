/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* A modal window to check in on a key result: a new value (or done / not
 * done for a milestone), a status, a note and a date, with a preview of the
 * new progress and objective score.  Save writes one check-in; Cancel and
 * Escape write nothing.  The same window edits an existing check-in. */
#define KOERS_TYPE_CHECKIN_DIALOG (koers_checkin_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KoersCheckinDialog, koers_checkin_dialog, KOERS, CHECKIN_DIALOG, AdwWindow)

GtkWidget *koers_checkin_dialog_new (KoersStore     *store,
                                     KoersKeyResult *kr);
/* Edit mode: Save writes the changes to checkin (one of kr's). */
GtkWidget *koers_checkin_dialog_new_for_checkin (KoersStore     *store,
                                                 KoersKeyResult *kr,
                                                 KoersCheckin   *checkin);
/* Creates a dialog, transient for widget's window, and presents it.
 * checkin NULL: a new check-in.  Returns the dialog (transfer none). */
GtkWidget *koers_checkin_dialog_present (GtkWidget      *widget,
                                         KoersStore     *store,
                                         KoersKeyResult *kr,
                                         KoersCheckin   *checkin);

KoersKeyResult *koers_checkin_dialog_get_key_result (KoersCheckinDialog *self);
/* (nullable): the check-in being edited, or the one Save added. */
KoersCheckin *koers_checkin_dialog_get_checkin (KoersCheckinDialog *self);
/* Whether every field holds a valid value (Save is sensitive). */
gboolean koers_checkin_dialog_get_can_save (KoersCheckinDialog *self);
/* What Save does: writes through the store, then closes the window.  FALSE
 * (and error set, the window open) when a field is invalid or the store
 * refused. */
gboolean koers_checkin_dialog_save (KoersCheckinDialog *self,
                                    GError            **error);

/* kr's start and target values as the dialog's header and the history's
 * show them (transfer full, both): a plain number's unit ("leads") after
 * the target alone when unit_on_target, else after neither; any other
 * kind's unit after both. */
void koers_checkin_dialog_format_range (KoersLanguage   lang,
                                        KoersKeyResult *kr,
                                        gboolean        unit_on_target,
                                        char          **start,
                                        char          **target);

/* Loads checkin.css (the dialog's and the history's rules) into the
 * display, once. */
void koers_checkin_dialog_ensure_style (void);

G_END_DECLS
