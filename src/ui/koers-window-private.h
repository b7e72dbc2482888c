/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What koers-window.c shares with koers-window-departments.c (adding,
 * renaming, deleting and moving departments). */

#include "koers-department-row.h"
#include "koers-editor-pane.h"
#include "koers-period-switcher.h"
#include "koers-window.h"

G_BEGIN_DECLS

struct _KoersWindow
{
  AdwApplicationWindow parent_instance;

  KoersStore *store;
  GSettings *settings;
  KoersDepartment *department;
  guint reselect_idle;

  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkWidget *content_box;
  GtkListBox *department_list;
  KoersPeriodSwitcher *period_switcher;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  KoersEditorPane *editor_pane;
};

void                koers_window_show_error            (KoersWindow     *self,
                                                        const GError    *error);
KoersDepartmentRow *koers_window_find_row              (KoersWindow     *self,
                                                        gint64           department_id);
void                koers_window_reselect_department   (KoersWindow     *self);
void                koers_window_focus_department_row  (KoersWindow     *self,
                                                        KoersDepartment *department);
/* Adds the department actions and the sidebar's keyboard shortcuts. */
void                koers_window_init_departments      (KoersWindow     *self);

G_END_DECLS
