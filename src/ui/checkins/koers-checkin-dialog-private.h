/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What koers-checkin-dialog.c shares with koers-checkin-dialog-fields.c
 * (reading and checking the fields, the preview, the suggested status). */

#include "koers-checkin-dialog.h"

G_BEGIN_DECLS

struct _KoersCheckinDialog
{
  AdwWindow       parent_instance;

  KoersStore     *store;
  KoersKeyResult *kr;
  KoersObjective *objective;
  KoersCheckin   *checkin;        /* being edited, or added by Save */
  gboolean        editing;
  KoersPeriod     period;
  gboolean        has_period;
  gboolean        status_touched; /* the user chose: stop suggesting one */
  gboolean        setting_status;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkLabel       *kr_title_label;
  GtkLabel       *targets_label;
  GtkLabel       *last_label;
  GtkLabel       *value_heading;
  GtkWidget      *value_box;
  GtkLabel       *prefix_label;
  GtkEntry       *value_entry;
  GtkLabel       *unit_label;
  GtkWidget      *milestone_box;
  GtkToggleButton *not_done_button;
  GtkToggleButton *done_button;
  GtkLabel       *value_error_label;
  GtkLabel       *progress_preview_label;
  GtkLabel       *score_preview_label;
  GtkDropDown    *status_dropdown;
  GtkTextView    *note_view;
  GtkEntry       *date_entry;
  GtkMenuButton  *date_button;
  GtkCalendar    *calendar;
  GtkLabel       *date_error_label;
  GtkWidget      *button_box;
  GtkWidget      *cancel_button;
  GtkWidget      *save_button;
};

gboolean           koers_checkin_dialog_is_milestone  (KoersCheckinDialog  *self);
gboolean           koers_checkin_dialog_read_value    (KoersCheckinDialog  *self,
                                                       double              *out,
                                                       GError             **error);
gboolean           koers_checkin_dialog_read_date     (KoersCheckinDialog  *self,
                                                       GDate               *out,
                                                       GError             **error);
/* Fills the status drop-down's model; the status chosen stays unset. */
void               koers_checkin_dialog_fill_statuses (KoersCheckinDialog  *self);
/* Selects status without counting as the user's choice. */
void               koers_checkin_dialog_set_status    (KoersCheckinDialog  *self,
                                                       KoersCheckinStatus   status);
KoersCheckinStatus koers_checkin_dialog_get_status    (KoersCheckinDialog  *self);
/* Checks the fields, shows their errors, updates the preview, suggests a
 * status and sets whether Save is sensitive. */
void               koers_checkin_dialog_validate      (KoersCheckinDialog  *self);
/* The key result's title, targets and last check-in. */
void               koers_checkin_dialog_fill_header   (KoersCheckinDialog  *self);
/* Shows the value field that fits the metric, holding value. */
void               koers_checkin_dialog_fill_value    (KoersCheckinDialog  *self,
                                                       double               value);

G_END_DECLS
