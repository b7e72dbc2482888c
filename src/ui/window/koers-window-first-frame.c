/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's first frame shows the sidebar rows that fit in the window
 * and one department's cards, so the sidebar holds those rows, the first
 * period is read for that department (and those above it) first, the
 * rows' figures come from one query (koers_store_read_department_summaries()),
 * and the rest of the period is read once that frame is painted.  On a
 * large company (61 departments and teams) reading the whole quarter and
 * making every row before the first frame was most of the window's start;
 * reading the quarter of the twenty-odd departments whose rows fit was
 * still a third of it. */
#include "config.h"

#include "core/koers-date.h"
#include "koers-window-private.h"
#include "widgets/koers-toasts.h"

static void
add_department_id (GArray *ids,
                   gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return;

  g_array_append_val (ids, id);
}

/* The department remembered from the last run (restore_department()
 * selects it next), or NULL; its index among the sidebar's rows (teams
 * under their department), or the last row when it is not shown. */
static KoersDepartment *
find_remembered_department (KoersWindow *self,
                            guint       *index)
{
  g_autofree char *uuid = g_settings_get_string (self->settings, "last-department");
  GListModel      *departments = koers_store_get_departments (self->store);
  guint            n = g_list_model_get_n_items (departments);
  guint            n_shown = g_list_model_get_n_items (self->shown_departments);

  for (guint i = 0; uuid[0] != '\0' && i < n; i++)
    {
      g_autoptr (KoersDepartment) item = g_list_model_get_item (departments, i);

      if (g_strcmp0 (koers_department_get_uuid (item), uuid) == 0)
        {
          *index = n_shown > 0 ? n_shown - 1 : 0;
          for (guint j = 0; j < n_shown; j++)
            {
              g_autoptr (KoersDepartment) shown = g_list_model_get_item (self->shown_departments, j);

              if (shown == item)
                {
                  *index = j;
                  break;
                }
            }
          return item;
        }
    }

  return NULL;
}

/* The height of what shares the sidebar's column with the departments'
 * list (its header bar above, the tools' rows below), at their natural
 * height. */
static int
measure_around_list (KoersWindow *self)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->department_list), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *column = scrolled != NULL ? gtk_widget_get_parent (scrolled) : NULL;
  int        around = 0;

  for (GtkWidget *child = column != NULL ? gtk_widget_get_first_child (column) : NULL; child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int natural = 0;

      if (child == scrolled || !gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
      around += natural;
    }
  return around;
}

/* How many sidebar rows the list's part of the window's height holds,
 * from the height of the first row (the company's, made by then): the
 * rows are alike.  One more for a row cut off at the bottom, and one for
 * a row a little lower than the first.  Each row made before the first
 * frame costs it about a hundredth: the rows below the tools wait. */
static guint
count_rows_in_view (KoersWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->department_list, 0);
  int            width, height;
  int            row_height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (row != NULL)
    gtk_widget_measure (GTK_WIDGET (row), GTK_ORIENTATION_VERTICAL, -1, NULL, &row_height, NULL, NULL);
  height -= measure_around_list (self);

  return (guint) MAX (height, 1) / (guint) MAX (row_height, 1) + 2;
}

void
koers_window_limit_first_rows (KoersWindow *self)
{
  GListModel *departments = self->shown_departments;
  guint       n = g_list_model_get_n_items (departments);
  guint       n_rows, remembered = 0;

  /* Maximized, to a height not known yet: every row. */
  if (gtk_window_is_maximized (GTK_WINDOW (self)))
    n_rows = n;
  else
    n_rows = MIN (count_rows_in_view (self), n);
  /* The remembered department's row is selected next. */
  if (find_remembered_department (self, &remembered) != NULL)
    n_rows = MAX (n_rows, remembered + 1);

  self->n_first_rows = n_rows < n ? n_rows : 0;
  koers_window_show_department_rows (self, self->n_first_rows > 0 ? self->n_first_rows : G_MAXUINT);
}

/* The department whose cards the first frame shows (the remembered one,
 * selected next) and those above it (a team's cards say which objective
 * of its department they support); NULL when every row fits, and the
 * whole period is read at once. */
static GArray *
list_first_departments (KoersWindow *self)
{
  g_autoptr (GArray) ids = NULL;
  KoersDepartment *dept;
  guint            n = g_list_model_get_n_items (self->shown_departments);
  guint            remembered = 0;

  if (self->n_first_rows == 0)
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* At most one step per department: a loop in the parents ends too. */
  dept = find_remembered_department (self, &remembered);
  for (guint i = 0; dept != NULL && i < n; i++)
    {
      add_department_id (ids, koers_department_get_id (dept));
      dept = koers_store_find_department (self->store, koers_department_get_parent_id (dept));
    }

  return g_steal_pointer (&ids);
}

/* The departments of the first frame's rows and their teams (a row sums
 * up its teams too): the figures those rows show are read in one query. */
static gboolean
read_first_summaries (KoersWindow       *self,
                      const KoersPeriod *period,
                      GError           **error)
{
  GListModel *departments = koers_store_get_departments (self->store);
  guint       n = g_list_model_get_n_items (departments);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GDate today;

  for (guint i = 0; i < self->n_first_rows; i++)
    {
      g_autoptr (KoersDepartment) item = g_list_model_get_item (self->shown_departments, i);

      add_department_id (ids, koers_department_get_id (item));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersDepartment) team = g_list_model_get_item (departments, i);
      gint64 parent_id = koers_department_get_parent_id (team);

      for (guint j = 0; parent_id != 0 && j < ids->len; j++)
        if (g_array_index (ids, gint64, j) == parent_id)
          {
            add_department_id (ids, koers_department_get_id (team));
            break;
          }
    }

  koers_date_today (&today);
  if (!koers_store_read_department_summaries (self->store, period, (gint64 *) (gpointer) ids->data,
                                              ids->len, &today, error))
    return FALSE;

  /* The rows made before the read summed up lists that were empty. */
  for (guint i = 0; i < self->n_first_rows; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->department_list, (int) i);

      if (row != NULL)
        koers_department_row_update_summary (KOERS_DEPARTMENT_ROW (row));
    }
  return TRUE;
}

/* The Keyboard Shortcuts window (win.show-help-overlay), as GtkApplication
 * gives an application's windows, but after the first frame: GtkApplication
 * builds it from its template as the window joins the application. */
static void
add_help_overlay (KoersWindow *self)
{
  g_autoptr (GtkBuilder) builder = NULL;

  if (self->help_overlay_added || gtk_window_get_application (GTK_WINDOW (self)) == NULL)
    return;

  self->help_overlay_added = TRUE;
  builder = gtk_builder_new_from_resource ("/io/github/koersapp/Koers/ui/gtk/help-overlay.ui");
  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                           GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

void
koers_window_read_whole_period (KoersWindow *self)
{
  g_autoptr (GArray) ids = g_steal_pointer (&self->first_ids);
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&self->rest_idle, g_source_remove);
  if (ids != NULL)
    {
      if (!koers_store_load_period_rest (self->store, &self->first_period, ids, &error))
        koers_toasts_show_error (GTK_WIDGET (self->toast_overlay), error);
      /* The checks read the whole period: again, now that it is there. */
      koers_quality_marks_check_soon (koers_editor_pane_get_quality_marks (self->editor_pane));
    }
  /* After the read: each new row sums up its department once. */
  if (self->n_first_rows > 0)
    {
      self->n_first_rows = 0;
      koers_window_show_department_rows (self, G_MAXUINT);
    }

  koers_window_add_quality_page (self);
  koers_window_add_due_page (self);
  add_help_overlay (self);
}

static gboolean
read_rest_cb (gpointer user_data)
{
  KoersWindow *self = user_data;

  self->rest_idle = 0;
  koers_window_read_whole_period (self);
  return G_SOURCE_REMOVE;
}

/* Once the frame is out, and before the checks (idle) that read the
 * whole period. */
static void
first_frame_painted_cb (GdkFrameClock *clock,
                        KoersWindow   *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, self);
  self->first_frame_painted = TRUE;
  if (self->rest_idle == 0)
    self->rest_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, read_rest_cb, self, NULL);
  koers_window_prefetch_neighbours (self);
}

static void
first_realize_cb (KoersWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, first_realize_cb, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (first_frame_painted_cb), self, 0);
}

gboolean
koers_window_load_period (KoersWindow       *self,
                          const KoersPeriod *period,
                          GError           **error)
{
  g_autoptr (GArray) ids = NULL;

  /* Another period before the first frame: the first one is read whole
   * when it is shown again. */
  g_clear_pointer (&self->first_ids, g_array_unref);
  if (self->period_read || gtk_widget_get_realized (GTK_WIDGET (self)))
    return koers_store_load_period (self->store, period, error);

  self->period_read = TRUE;
  g_signal_connect_after (self, "realize", G_CALLBACK (first_realize_cb), NULL);
  ids = list_first_departments (self);
  if (ids == NULL)
    return koers_store_load_period (self->store, period, error);

  if (!koers_store_load_period_departments (self->store, period, (gint64 *) (gpointer) ids->data,
                                            ids->len, error) ||
      !read_first_summaries (self, period, error))
    return FALSE;

  self->first_ids = g_steal_pointer (&ids);
  self->first_period = *period;
  return TRUE;
}

void
koers_window_dispose_first_frame (KoersWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, first_realize_cb, NULL);
  g_clear_handle_id (&self->rest_idle, g_source_remove);
  g_clear_pointer (&self->first_ids, g_array_unref);
}
