/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "core/koers-enums.h"

G_BEGIN_DECLS

#define KOERS_TYPE_VALUE_FORM (koers_value_form_get_type ())

G_DECLARE_FINAL_TYPE (KoersValueForm, koers_value_form, KOERS, VALUE_FORM, GtkWidget)

/* The new value, a note and its date, as the check-in and KPI update
 * dialogs ask them: a number typed the reader's way (or Done / Not Done
 * for a milestone), the date typed or picked, and what is wrong with
 * either under it.  "changed" follows the value and the date; "extra"
 * is the dialog's own part, shown between the value and the note. */

GtkWidget *koers_value_form_new (void);
/* Shows the field that fits kind, with the unit (or €, %) beside it. */
void koers_value_form_set_metric (KoersValueForm *self,
                                  KoersMetricKind kind,
                                  const char     *unit);
/* Fills the value in; filling is not typing: an empty value is no error
 * until the user typed in the field. */
void     koers_value_form_set_value (KoersValueForm *self,
                                     double          value);
gboolean koers_value_form_read_value (KoersValueForm *self,
                                      double         *out,
                                      GError        **error);
void     koers_value_form_set_date (KoersValueForm *self,
                                    const GDate    *date);
/* A date before earliest (NULL: none) is an error: the period's start. */
void     koers_value_form_set_earliest_date (KoersValueForm *self,
                                             const GDate    *earliest);
gboolean koers_value_form_read_date (KoersValueForm *self,
                                     GDate          *out,
                                     GError        **error);
/* Reads both fields and shows under each what is wrong with it.  value
 * and *value_ok: the value read; date: the date read, or today.  TRUE
 * when both can be saved. */
gboolean koers_value_form_check (KoersValueForm *self,
                                 double         *value,
                                 gboolean       *value_ok,
                                 GDate          *date);
void     koers_value_form_set_note (KoersValueForm *self,
                                    const char     *note);
/* The note, stripped; NULL when empty. */
char *koers_value_form_dup_note (KoersValueForm *self);
/* What Save writes: the value, the date in ISO 8601 and the note (NULL
 * when empty), newly allocated.  FALSE (and error set, nothing returned)
 * when the value or the date is invalid. */
gboolean koers_value_form_read (KoersValueForm *self,
                                double         *value,
                                char          **iso_date,
                                char          **note,
                                GError        **error);
/* Focuses the value (the chosen button of a milestone), its text selected. */
void koers_value_form_focus_value (KoersValueForm *self);
/* Saves what the dialog around the form holds; FALSE with error set
 * when it cannot. */
typedef gboolean (*KoersValueFormSaveFunc) (gpointer dialog,
                                            GError **error);
/* The end of the dialog around the form, as the check-in and KPI update
 * dialogs share it: cancel closes dialog; save (or Ctrl+Enter in the
 * note) calls func while save is sensitive and shows its error as a toast
 * (on the overlay around the form); the buttons in box are ordered as
 * koers_form_order_buttons() says. */
void koers_value_form_connect_buttons (KoersValueForm        *self,
                                       GtkWindow             *dialog,
                                       GtkWidget             *box,
                                       GtkWidget             *cancel,
                                       GtkWidget             *save,
                                       KoersValueFormSaveFunc func);

G_END_DECLS
