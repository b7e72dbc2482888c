/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window reads the quarters beside the one it shows ahead, after its
 * first frame and after a switch's frame, never before the first frame. */
#include "config.h"

#include "core/koers-date.h"
#include "koers-test-ui.h"
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

static void
test_prefetch (void)
{
  KoersTestUiDb db = { 0 };
  g_autoptr (KoersStore) lazy = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  KoersPeriod  now, before, two_before, after;
  KoersWindow *window;
  GDate        today;

  g_settings_reset (settings, "last-period");
  g_settings_reset (settings, "last-department");
  koers_test_ui_db_open (&db);
  koers_date_today (&today);
  koers_period_init_for_date (&now, &today);
  koers_period_previous (&now, &before);
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

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add_func ("/window-prefetch/neighbours", test_prefetch);

  return g_test_run ();
}
