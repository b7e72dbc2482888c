/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window reads the quarters beside the one it shows ahead, after its
 * first frame and after a switch's frame, never before the first frame. */
#include "config.h"

#include "core/koers-date.h"
#include "koers-test-ui.h"
#include "ui/window/koers-department-row.h"
#include "ui/window/koers-window.h"

/* Whether the store holds the objective with that title. */
static gboolean
store_holds (KoersStore *store,
             const char *title)
{
  GListModel *objectives = koers_store_get_objectives (store);

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);

      if (g_strcmp0 (koers_objective_get_title (objective), title) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Spins until the store holds title, for at most two seconds. */
static gboolean
wait_for_objective (KoersStore *store,
                    const char *title)
{
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (!store_holds (store, title) && g_get_monotonic_time () < end)
    koers_test_ui_spin (20);
  return store_holds (store, title);
}

static void
add_objective_in (KoersTestUiDb     *db,
                  const KoersPeriod *period,
                  const char        *title)
{
  g_autofree char *key = koers_period_to_string (period);

  koers_test_add_objective (db->store, koers_store_get_company (db->store), title, key);
}

/* A new test database, without a remembered period or department; the
 * quarter of today and the one before. */
static void
open_database (KoersTestUiDb *db,
               KoersPeriod   *now,
               KoersPeriod   *before)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  GDate today;

  g_settings_reset (settings, "last-period");
  g_settings_reset (settings, "last-department");
  koers_test_ui_db_open (db);
  koers_date_today (&today);
  koers_period_init_for_date (now, &today);
  koers_period_previous (now, before);
}

static void
test_prefetch (void)
{
  KoersTestUiDb db = { 0 };
  g_autoptr (KoersStore) lazy = NULL;
  g_autoptr (GError) error = NULL;
  KoersPeriod  now, before, two_before, after;
  KoersWindow *window;

  open_database (&db, &now, &before);
  koers_period_previous (&before, &two_before);
  koers_period_next (&now, &after);
  add_objective_in (&db, &now, "Shown now");
  add_objective_in (&db, &before, "The quarter before");
  add_objective_in (&db, &two_before, "Two quarters before");
  add_objective_in (&db, &after, "The quarter after");

  lazy = koers_store_open_lazy (db.path, &error);
  g_assert_no_error (error);
  window = koers_window_new (NULL, lazy);
  /* Before the first frame: only the quarter shown. */
  g_assert_true (store_holds (lazy, "Shown now"));
  g_assert_false (store_holds (lazy, "The quarter before"));
  g_assert_false (store_holds (lazy, "The quarter after"));

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (wait_for_objective (lazy, "The quarter before"));
  g_assert_true (wait_for_objective (lazy, "The quarter after"));
  /* Only the neighbours. */
  g_assert_false (store_holds (lazy, "Two quarters before"));

  /* A switch to the quarter before: its own neighbour comes next. */
  koers_window_set_period (window, &before);
  g_assert_true (wait_for_objective (lazy, "Two quarters before"));

  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));
  koers_test_ui_db_close (&db);
}

/* The sidebar row of department, or NULL. */
static KoersDepartmentRow *
find_department_row (KoersWindow     *window,
                     KoersDepartment *department)
{
  GtkListBox    *list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (window), KOERS_TYPE_WINDOW,
                                                                     "department_list"));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (koers_department_row_get_department (KOERS_DEPARTMENT_ROW (row)) == department)
      return KOERS_DEPARTMENT_ROW (row);
  return NULL;
}

static guint
count_objectives (KoersDepartmentRow *row)
{
  return koers_department_row_get_summary (row)->n_objectives;
}

/* A period switch: the sidebar rows in view sum up the new quarter at
 * once, the rows below the window's bottom once the frame is painted,
 * and each ends up showing it. */
static void
test_rows_out_of_view (void)
{
  KoersTestUiDb db = { 0 };
  g_autoptr (KoersStore) lazy = NULL;
  g_autoptr (GError) error = NULL;
  KoersDepartment    *last = NULL;
  KoersDepartmentRow *company_row, *last_row;
  g_autofree char    *before_key = NULL;
  KoersPeriod         now, before;
  KoersWindow        *window;
  gint64              end;

  open_database (&db, &now, &before);
  for (int i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("Unit %02d", i);
      g_autoptr (KoersDepartment) dept = koers_department_new (name, NULL);

      g_assert_true (koers_store_add_department (db.store, dept, &error));
      g_assert_no_error (error);
      g_set_object (&last, dept);
    }
  add_objective_in (&db, &before, "The company's quarter before");
  before_key = koers_period_to_string (&before);
  koers_test_add_objective (db.store, last, "The last unit's quarter before", before_key);
  lazy = koers_store_open_lazy (db.path, &error);
  g_assert_no_error (error);
  g_clear_object (&last);
  last = g_object_ref (koers_store_find_department_by_name (lazy, "Unit 29"));

  window = koers_window_new (NULL, lazy);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 400);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (wait_for_objective (lazy, "The last unit's quarter before"));
  koers_test_ui_spin (100);
  company_row = find_department_row (window, koers_store_get_company (lazy));
  last_row = find_department_row (window, last);
  g_assert_nonnull (company_row);
  g_assert_nonnull (last_row);
  g_assert_cmpuint (count_objectives (company_row), ==, 0);
  g_assert_cmpuint (count_objectives (last_row), ==, 0);

  koers_window_set_period (window, &before);
  g_assert_cmpuint (count_objectives (company_row), ==, 1);
  /* Far below the window's bottom: not yet. */
  g_assert_cmpuint (count_objectives (last_row), ==, 0);

  end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (count_objectives (last_row) == 0 && g_get_monotonic_time () < end)
    koers_test_ui_spin (20);
  g_assert_cmpuint (count_objectives (last_row), ==, 1);

  /* And back: every row on the quarter shown. */
  koers_window_set_period (window, &now);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  koers_test_ui_spin (50);
  g_assert_cmpuint (count_objectives (company_row), ==, 0);
  g_assert_cmpuint (count_objectives (last_row), ==, 0);

  g_clear_object (&last);
  koers_test_ui_destroy_and_assert_finalized (GTK_WINDOW (window));
  koers_test_ui_db_close (&db);
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add_func ("/window-prefetch/neighbours", test_prefetch);
  g_test_add_func ("/window-prefetch/rows-out-of-view", test_rows_out_of_view);

  return g_test_run ();
}
