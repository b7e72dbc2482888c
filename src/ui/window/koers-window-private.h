/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What koers-window.c shares with koers-window-departments.c (adding,
 * renaming, deleting and moving departments) and koers-window-data.c
 * (export, import, the quarterly review). */

#include "koers-department-row.h"
#include "koers-period-switcher.h"
#include "koers-window.h"
#include "objectives/koers-editor-pane.h"
#include "quality/koers-quality-page.h"

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
  GtkWidget *search_button;
  GtkStack *content_stack;
  KoersEditorPane *editor_pane;
  GtkListBox *tools_list;
  GtkListBoxRow *quality_row;
  GtkLabel *quality_badge;
  KoersQualityPage *quality_page;
  GtkFileChooserNative *import_chooser;
};

KoersDepartmentRow *koers_window_find_row              (KoersWindow     *self,
                                                        gint64           department_id);
void                koers_window_reselect_department   (KoersWindow     *self);
void                koers_window_focus_department_row  (KoersWindow     *self,
                                                        KoersDepartment *department);
/* Adds the department actions and the sidebar's keyboard shortcuts. */
void                koers_window_init_departments      (KoersWindow     *self);
/* Adds export, import and the quarterly review (koers-window-data.c). */
void                koers_window_init_data             (KoersWindow     *self);
void                koers_window_dispose_data          (KoersWindow     *self);

G_END_DECLS
