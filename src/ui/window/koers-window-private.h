/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What koers-window.c shares with koers-window-departments.c (the
 * sidebar: selecting, adding, renaming, deleting and moving departments)
 * and koers-window-data.c (export, import, the quarterly review).  The
 * window calls into them; they call nothing of koers-window.c. */

#include "koers-alignment-page.h"
#include "koers-department-row.h"
#include "koers-period-switcher.h"
#include "koers-window.h"
#include "objectives/koers-editor-pane.h"
#include "quality/koers-quality-page.h"
#include "due/koers-due-page.h"

G_BEGIN_DECLS

struct _KoersWindow
{
  AdwApplicationWindow parent_instance;

  KoersStore *store;
  GSettings  *settings;
  /* Rewrites the intranet dashboard after changes (Preferences). */
  GObject         *dashboard_publisher;
  KoersDepartment *department;
  guint            reselect_idle;

  /* The sidebar's tree (koers-window-teams.c): the store's departments in
   * tree order, and those of them shown (no teams of a collapsed
   * department). */
  GListModel *tree;
  GListModel *shown_departments;
  GtkSorter  *tree_sorter;
  GtkFilter  *tree_filter;
  GHashTable *collapsed; /* UUIDs of collapsed departments */
  char       *tree_key;  /* ids, parents and orders the tree was made for */

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *sidebar_title;
  AdwLeaflet      *leaflet;
  GtkWidget       *content_box;
  GtkListBox      *department_list;
  /* The store's departments the sidebar shows: before the first frame
   * those that fit in the window, then every one. */
  GtkSliceListModel   *department_rows;
  KoersPeriodSwitcher *period_switcher;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkWidget           *search_button;
  GtkStack            *content_stack;
  KoersEditorPane     *editor_pane;
  GtkListBox          *tools_list;
  GtkListBoxRow       *due_row;
  GtkLabel            *due_badge;
  KoersDuePage        *due_page;
  GtkListBoxRow       *quality_row;
  GtkLabel            *quality_badge;
  KoersQualityPage    *quality_page;
  GtkListBoxRow       *alignment_row;
  KoersAlignmentPage  *alignment_page;
  /* Capacity and escalations (koers-window-capacity.c). */
  GtkListBoxRow        *capacity_row;
  GtkListBoxRow        *escalations_row;
  GtkLabel             *escalations_badge;
  GtkWidget            *capacity_page;
  GtkWidget            *escalations_page;
  GtkFileChooserNative *import_chooser;
  GCancellable         *importing; /* a file chosen for Import Data is being checked */

  /* The first period, read for the first frame's departments only, and
   * those departments; NULL once the period is read whole. */
  gboolean    period_read;
  guint       n_first_rows; /* the sidebar's rows in the first frame; 0: every one */
  KoersPeriod first_period;
  GArray     *first_ids;
  guint       rest_idle;
  gboolean    first_frame_painted;
  gboolean    help_overlay_added;
  /* The quarters beside the shown one, read ahead (koers-window-prefetch.c). */
  guint          prefetch_idle;
  guint          prefetch_step;
  gulong         prefetch_paint_id;
  GdkFrameClock *prefetch_clock; /* while waiting for its frame */
  /* Sidebar rows out of view still showing the period before a switch. */
  gboolean rows_behind;
};

/* The OKR check shows instead of a department's editor. */
static inline gboolean
koers_window_is_quality_shown (KoersWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "quality") == 0;
}

/* A page of the tools list (the OKR check, the alignment) shows instead
 * of a department's editor. */
static inline gboolean
koers_window_is_tool_shown (KoersWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "editor") != 0;
}

/* Adds the OKR check's page (once); koers-window.c. */
void koers_window_add_quality_page (KoersWindow *self);
/* Shows page (added to the stack under name when it is not there yet)
 * instead of the editor, with row of the tools list selected. */
void koers_window_show_tool_page (KoersWindow   *self,
                                  GtkWidget     *page,
                                  const char    *name,
                                  GtkListBoxRow *row);

/* Capacity and escalations (koers-window-capacity.c). */

/* Binds the sidebar's rows and installs "win.show-capacity" and
 * "win.show-escalations"; from class init. */
void koers_window_capacity_class_init (GtkWidgetClass *widget_class);
/* Shows the page of row when it is the capacity or escalations row. */
gboolean koers_window_capacity_select_row (KoersWindow   *self,
                                           GtkListBoxRow *row);
void     koers_window_capacity_set_period (KoersWindow       *self,
                                           const KoersPeriod *period);
/* Follows the store: the open escalations' count on the sidebar row. */
void koers_window_capacity_bind (KoersWindow *self);

/* The window's periods (koers-window-first-frame.c). */
/* Reads period into the store.  The window's first one is read for the
 * departments of the first frame, and the rest once that frame is
 * painted; the OKR check's page comes then. */
gboolean koers_window_load_period (KoersWindow       *self,
                                   const KoersPeriod *period,
                                   GError           **error);
/* Reads the rest of the first period, when it is still to come, and adds
 * the OKR check's page: now. */
void koers_window_read_whole_period (KoersWindow *self);
/* Limits the sidebar to the rows that fit in the window until its first
 * frame is painted (before the first period is read). */
void koers_window_limit_first_rows (KoersWindow *self);
void koers_window_dispose_first_frame (KoersWindow *self);
/* Reads the quarters before and after the one shown in an idle, once the
 * first frame is painted (koers-window-prefetch.c). */
void koers_window_prefetch_neighbours (KoersWindow *self);
void koers_window_dispose_prefetch (KoersWindow *self);

/* The sidebar (koers-window-departments.c). */
/* Shows department in the editor pane and remembers it for the next start. */
void koers_window_set_department (KoersWindow     *self,
                                  KoersDepartment *department);
/* Selects the current department's row again, or the company's when the
 * department is gone. */
void koers_window_reselect_department (KoersWindow *self);
void koers_window_focus_department_row (KoersWindow     *self,
                                        KoersDepartment *department);
/* The department's index in the store's list (company at 0), or -1. */
int koers_window_find_department_index (KoersWindow     *self,
                                        KoersDepartment *department);
/* A sidebar action: what it does to the department its "x" parameter
 * names by id. */
typedef struct
{
  const char *name;
  void (*func) (KoersWindow     *self,
                KoersDepartment *department);
} KoersDepartmentAction;
/* Adds win.NAME for each of the n_actions of actions (a static table):
 * it runs func on the department named, when the store still has it. */
void koers_window_add_department_actions (KoersWindow                 *self,
                                          const KoersDepartmentAction *actions,
                                          guint                        n_actions);
/* Fills the sidebar from the store's departments and follows them: the
 * company's row at first, the others with koers_window_show_department_rows(). */
void koers_window_bind_departments (KoersWindow *self);
/* Shows the first n_rows departments in the sidebar (G_MAXUINT: all). */
void koers_window_show_department_rows (KoersWindow *self,
                                        guint        n_rows);
void koers_window_dispose_departments (KoersWindow *self);
/* Hands the sidebar's rows the period; with defer, only those in view,
 * and the others with koers_window_catch_up_rows() once the switch's frame
 * is painted: each row sums up its department's quarter, and the 61 rows
 * of a large company were a good part of a period switch. */
void koers_window_set_rows_period (KoersWindow       *self,
                                   const KoersPeriod *period,
                                   gboolean           defer);
void koers_window_catch_up_rows (KoersWindow *self);
/* Adds the department actions and the sidebar's keyboard shortcuts. */
void koers_window_init_departments (KoersWindow *self);
/* The sidebar's tree (koers-window-teams.c). */
/* Makes the tree and the list of shown departments (owned by the window). */
GListModel *koers_window_create_department_tree (KoersWindow *self);
void        koers_window_dispose_department_tree (KoersWindow *self);
gboolean    koers_window_get_teams_expanded (KoersWindow     *self,
                                             KoersDepartment *department);
/* Shows or hides department's teams, and remembers it. */
void koers_window_set_teams_expanded (KoersWindow     *self,
                                      KoersDepartment *department,
                                      gboolean         expanded);
int  koers_window_find_sibling_index (KoersWindow     *self,
                                      KoersDepartment *department,
                                      int              delta);
/* Adds win.expand-teams and win.collapse-teams. */
void koers_window_init_teams (KoersWindow *self);
/* The Due list (koers-window-due.c): its page (once, with the whole
 * period), showing it, and win.show-due. */
void koers_window_add_due_page (KoersWindow *self);
void koers_window_show_due (KoersWindow *self);
void koers_window_class_init_due (GtkWidgetClass *widget_class);
/* A tools row's badge: the count n (hidden at 0), and what it counts as
 * the badge's tooltip and the row's description to a screen reader. */
void koers_window_set_badge (GtkLabel      *badge,
                             GtkListBoxRow *row,
                             guint          n,
                             const char    *description);
/* Adds export, import and the quarterly review (koers-window-data.c). */
void koers_window_init_data (KoersWindow *self);
void koers_window_dispose_data (KoersWindow *self);

/* koers-window-server.c: which server is open, its lost connection, and
 * what the person's role may not do (update_role after the department
 * changed).  The notice is the bar's sentence, NULL when it is hidden. */
void        koers_window_server_bind (KoersWindow *self);
void        koers_window_server_update_role (KoersWindow *self);
const char *koers_window_server_get_role_notice (KoersWindow *self);
const char *koers_window_server_get_connection_notice (KoersWindow *self);

G_END_DECLS
