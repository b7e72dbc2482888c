/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What koers-checkin-dialog.c shares with koers-checkin-dialog-fields.c
 * (checking the fields, the preview, the suggested status). */

#include "koers-checkin-dialog.h"
#include "widgets/koers-value-form.h"

G_BEGIN_DECLS

struct _KoersCheckinDialog
{
  AdwWindow parent_instance;

  KoersStore     *store;
  KoersKeyResult *kr;
  KoersObjective *objective;
  KoersCheckin   *checkin; /* being edited, or added by Save */
  gboolean        editing;
  KoersPeriod     period;
  gboolean        has_period;
  gboolean        status_touched; /* the user chose: stop suggesting one */
  gboolean        setting_status;

  AdwWindowTitle *window_title;
  GtkLabel       *kr_title_label;
  GtkLabel       *targets_label;
  GtkLabel       *last_label;
  KoersValueForm *value_form;
  GtkLabel       *progress_preview_label;
  GtkLabel       *score_preview_label;
  GtkDropDown    *status_dropdown;
  GtkWidget      *button_box;
  GtkWidget      *cancel_button;
  GtkWidget      *save_button;
};

/* Fills the status drop-down's model; the status chosen stays unset. */
void koers_checkin_dialog_fill_statuses (KoersCheckinDialog *self);
/* Selects status without counting as the user's choice. */
void               koers_checkin_dialog_set_status (KoersCheckinDialog *self,
                                                    KoersCheckinStatus  status);
KoersCheckinStatus koers_checkin_dialog_get_status (KoersCheckinDialog *self);
/* Checks the fields, shows their errors, updates the preview, suggests a
 * status and sets whether Save is sensitive. */
void koers_checkin_dialog_validate (KoersCheckinDialog *self);
/* The key result's title, targets and last check-in. */
void koers_checkin_dialog_fill_header (KoersCheckinDialog *self);

G_END_DECLS
