/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "core/koers-department.h"
#include "core/koers-period.h"
#include "core/koers-summary.h"
#include "store/koers-store.h"

G_BEGIN_DECLS

/* A sidebar row: emoji, name, the number of objectives in the period, the
 * period's score and a mark when key results need a check-in.  It follows
 * the department's name and emoji and recomputes its summary
 * (koers_store_summarize_department()) on the store's "changed" signal,
 * on set_period() and on update_summary().
 *
 * Its menu (and drag and drop) activate the window actions
 * win.rename-department, win.move-department-up, win.move-department-down,
 * win.delete-department, win.add-team, win.expand-teams,
 * win.collapse-teams (parameter: the department id, "x") and
 * win.move-department-to ("(xu)": id, new index). */
#define KOERS_TYPE_DEPARTMENT_ROW (koers_department_row_get_type ())
G_DECLARE_FINAL_TYPE (KoersDepartmentRow, koers_department_row, KOERS, DEPARTMENT_ROW, GtkListBoxRow)

GtkWidget          *koers_department_row_new (KoersStore      *store,
                                              KoersDepartment *department);
KoersDepartment    *koers_department_row_get_department (KoersDepartmentRow *self);
void                koers_department_row_set_period (KoersDepartmentRow *self,
                                                     const KoersPeriod  *period);
const KoersSummary *koers_department_row_get_summary (KoersDepartmentRow *self);
/* Sums up again, now: after the store read figures its lists do not show
 * (a period read in part, with the summaries of the rows in view). */
void koers_department_row_update_summary (KoersDepartmentRow *self);
/* What the row tells assistive technologies and its tooltip, such as
 * "2 objectives, score 0.45". */
const char *koers_department_row_get_details (KoersDepartmentRow *self);
/* The row's menu, made on first use (or when it first opens). */
GMenuModel *koers_department_row_get_menu (KoersDepartmentRow *self);
/* Whether its teams show: the expander's direction and the row's
 * expanded state (get: FALSE without teams).  A department row with teams
 * shows their roll-up with its own objectives (get_rollup). */
void                koers_department_row_set_expanded (KoersDepartmentRow *self,
                                                       gboolean            expanded);
gboolean            koers_department_row_get_expanded (KoersDepartmentRow *self);
const KoersSummary *koers_department_row_get_rollup (KoersDepartmentRow *self);
/* Opens the row's menu (context menu key, right click). */
void koers_department_row_popup_menu (KoersDepartmentRow *self);

G_END_DECLS
