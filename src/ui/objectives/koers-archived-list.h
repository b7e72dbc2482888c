/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "core/koers-department.h"
#include "core/koers-period.h"
#include "store/koers-store.h"

G_BEGIN_DECLS

/* "Archived" under the objective cards: the archived objectives of one
 * department and period, each with Restore (one click) and, for one
 * without check-ins, Delete for good after a confirmation that names what
 * goes.  Hidden while there are none.  Toasts go to the nearest
 * AdwToastOverlay ancestor. */
#define KOERS_TYPE_ARCHIVED_LIST (koers_archived_list_get_type ())
G_DECLARE_FINAL_TYPE (KoersArchivedList, koers_archived_list, KOERS, ARCHIVED_LIST, AdwBin)

GtkWidget *koers_archived_list_new (void);
void       koers_archived_list_set_store (KoersArchivedList *self,
                                          KoersStore        *store);
void       koers_archived_list_set_department (KoersArchivedList *self,
                                               KoersDepartment   *department);
void       koers_archived_list_set_period (KoersArchivedList *self,
                                           const KoersPeriod *period);
/* How many it lists. */
guint koers_archived_list_get_n_objectives (KoersArchivedList *self);

/* The confirmation's body: what a delete for good takes with it (the
 * objective and its key results, by name).  For the dialog and its test. */
char *koers_archived_list_describe_deletion (KoersObjective *objective);

G_END_DECLS
