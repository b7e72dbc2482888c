/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* "Escalate to management": a committed objective, or one of its key
 * results, with why it is at risk and the help asked.  Escalating writes
 * through koers_store_escalate(); the response stays disabled until both
 * texts say something, and a refusal shows under the fields. */
#define KOERS_TYPE_ESCALATE_DIALOG (koers_escalate_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KoersEscalateDialog, koers_escalate_dialog, KOERS, ESCALATE_DIALOG, AdwMessageDialog)

/* kr (nullable): the key result chosen first; NULL is the objective. */
GtkWidget *koers_escalate_dialog_new (GtkWindow      *parent,
                                      KoersStore     *store,
                                      KoersObjective *objective,
                                      KoersKeyResult *kr);
/* What the dialog would do, for tests: fill and escalate now. */
void     koers_escalate_dialog_set_texts (KoersEscalateDialog *self,
                                          const char          *reason,
                                          const char          *help);
gboolean koers_escalate_dialog_escalate (KoersEscalateDialog *self,
                                         GError             **error);

G_END_DECLS
