/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's first period: its first frame shows the sidebar rows that
 * fit in the window and one department's cards, so the period is read for
 * those departments first and for the others once that frame is painted.
 * On a large company (61 departments and teams) reading the whole quarter
 * before the first frame was most of the window's start. */
#include "config.h"

#include "koers-window-private.h"
#include "widgets/koers-toasts.h"

/* A sidebar row is at least this high (two lines and their margins), so
 * no more rows than the window's height over it are in the first frame. */
#define MIN_ROW_HEIGHT 40

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
 * selects it next) and the departments above it: a team's cards say
 * which objective of its department they support. */
static void
add_remembered_department (KoersWindow *self,
                           GArray      *ids)
{
  g_autofree char *uuid = g_settings_get_string (self->settings, "last-department");
  GListModel      *departments = koers_store_get_departments (self->store);
  guint            n = g_list_model_get_n_items (departments);
  KoersDepartment *dept = NULL;

  for (guint i = 0; uuid[0] != '\0' && i < n && dept == NULL; i++)
    {
      g_autoptr (KoersDepartment) item = g_list_model_get_item (departments, i);

      if (g_strcmp0 (koers_department_get_uuid (item), uuid) == 0)
        dept = item;
    }

  /* At most one step per department: a loop in the parents ends too. */
  for (guint i = 0; dept != NULL && i < n; i++)
    {
      add_department_id (ids, koers_department_get_id (dept));
      dept = koers_store_find_department (self->store, koers_department_get_parent_id (dept));
    }
}

/* The departments of the first frame, or NULL when that is every one (or
 * the window is maximized, to a height not known yet). */
static GArray *
list_first_departments (KoersWindow *self)
{
  /* In the sidebar's order: teams under their department, none of a
   * collapsed one. */
  GListModel *departments = self->shown_departments;
  guint       n = g_list_model_get_n_items (departments);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int   width, height;
  guint n_rows;

  if (gtk_window_is_maximized (GTK_WINDOW (self)))
    return NULL;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  n_rows = (guint) MAX (height, 1) / MIN_ROW_HEIGHT + 1;
  if (n_rows >= g_list_model_get_n_items (koers_store_get_departments (self->store)))
    return NULL;

  for (guint i = 0; i < MIN (n_rows, n); i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i);

      add_department_id (ids, koers_department_get_id (dept));
    }
  add_remembered_department (self, ids);

  return g_steal_pointer (&ids);
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

  koers_window_add_quality_page (self);
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
  if (self->rest_idle == 0)
    self->rest_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, read_rest_cb, self, NULL);
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
                                            ids->len, error))
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
