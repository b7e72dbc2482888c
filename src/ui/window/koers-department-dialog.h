/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "core/koers-department.h"
#include "store/koers-store.h"

G_BEGIN_DECLS

/* Asks for a department's name and emoji: for a new department (department
 * NULL, response "save" labelled "Add") or to rename one.  A new one may be
 * a team: "Team of" offers the departments of store (a team's parent is a
 * department); a team's own dialog offers them to move it.  The caller
 * handles the "response" signal and reads the fields on "save". */
#define KOERS_TYPE_DEPARTMENT_DIALOG (koers_department_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KoersDepartmentDialog, koers_department_dialog, KOERS, DEPARTMENT_DIALOG, AdwMessageDialog)

GtkWidget       *koers_department_dialog_new (GtkWindow       *parent,
                                              KoersStore      *store,
                                              KoersDepartment *department);
KoersDepartment *koers_department_dialog_get_department (KoersDepartmentDialog *self);
/* Trimmed; newly allocated. */
char *koers_department_dialog_dup_name (KoersDepartmentDialog *self);
char *koers_department_dialog_dup_emoji (KoersDepartmentDialog *self);
void  koers_department_dialog_set_name (KoersDepartmentDialog *self,
                                        const char            *name);
/* The chosen parent: a department's id, 0 for none (a department). */
gint64 koers_department_dialog_get_parent_id (KoersDepartmentDialog *self);
/* Chooses parent_id when it is offered; FALSE when it is not. */
gboolean koers_department_dialog_set_parent_id (KoersDepartmentDialog *self,
                                                gint64                 parent_id);

G_END_DECLS
