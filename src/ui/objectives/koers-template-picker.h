/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "core/koers-period.h"
#include "store/koers-store.h"

G_BEGIN_DECLS

/* "Start from a Template": a modal window listing the seed's example
 * objectives for a department (the company-wide ones for the company;
 * every department's, grouped, for a department the seed does not know),
 * in the interface language, each with its key results.  The person
 * checks one or more and clicks Add: they are added to the department in
 * the period, and "added" hands the new objectives (a GPtrArray of
 * KoersObjective) to whoever opened it.  A seed department is offered
 * its KPI templates too, in a group of their own; checked ones are added
 * to it on Add (unless it has one of that name).  Cancel writes nothing. */
#define KOERS_TYPE_TEMPLATE_PICKER (koers_template_picker_get_type ())
G_DECLARE_FINAL_TYPE (KoersTemplatePicker, koers_template_picker, KOERS, TEMPLATE_PICKER, AdwWindow)

GtkWidget *koers_template_picker_new (KoersStore        *store,
                                      KoersDepartment   *department,
                                      const KoersPeriod *period);
/* The ids of the templates on offer, in the order shown (tests). */
GPtrArray *koers_template_picker_get_ids (KoersTemplatePicker *self);
/* Checks or unchecks the template with that id, or the KPI template with
 * that key ("nps"); FALSE when not on offer. */
gboolean koers_template_picker_set_checked (KoersTemplatePicker *self,
                                            const char          *id,
                                            gboolean             checked);
/* How many groups (by department) the list has. */
guint koers_template_picker_get_n_groups (KoersTemplatePicker *self);

G_END_DECLS
