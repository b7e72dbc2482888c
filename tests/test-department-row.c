/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-test-ui.h"
#include "ui/widgets/koers-emoji-image.h"
#include "ui/window/koers-department-row.h"

static GtkWidget *
get_child (GtkWidget  *row,
           const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (row, KOERS_TYPE_DEPARTMENT_ROW, name));
}

static const char *
get_emoji (GtkWidget *row)
{
  return koers_emoji_image_get_emoji (KOERS_EMOJI_IMAGE (get_child (row, "emoji_image")));
}

static const char *
get_label (GtkWidget  *row,
           const char *name)
{
  return gtk_label_get_text (GTK_LABEL (get_child (row, name)));
}

/* The store keeps what it adds: the results are borrowed from it. */
static KoersObjective *
add_objective (KoersStore      *store,
               KoersDepartment *dept,
               const char      *title,
               const char      *period)
{
  g_autoptr (KoersObjective) objective = koers_objective_new (title, KOERS_LEVEL_DEPARTMENT,
                                                              KOERS_OBJECTIVE_KIND_COMMITTED, period);
  g_autoptr (GError) error = NULL;

  koers_objective_set_department_id (objective, koers_department_get_id (dept));
  g_assert_true (koers_store_add_objective (store, objective, &error));
  g_assert_no_error (error);

  return objective;
}

static KoersKeyResult *
add_key_result (KoersStore     *store,
                KoersObjective *objective,
                double          target)
{
  g_autoptr (KoersKeyResult) kr = koers_key_result_new ("Leads", KOERS_METRIC_KIND_NUMBER,
                                                        0, target, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (koers_store_add_key_result (store, objective, kr, &error));
  g_assert_no_error (error);

  return kr;
}

static void
add_checkin (KoersStore     *store,
             KoersKeyResult *kr,
             const char     *date,
             double          value)
{
  g_autoptr (KoersCheckin) checkin = koers_checkin_new (date, value, KOERS_CHECKIN_STATUS_NONE, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (koers_store_add_checkin (store, kr, checkin, &error));
  g_assert_no_error (error);
}

static void
test_empty (void)
{
  KoersTestUiDb    db = { 0 };
  KoersDepartment *dept;
  GtkWidget       *row;

  koers_test_ui_db_open (&db);
  dept = koers_test_find_department (db.store, "Marketing");
  row = g_object_ref_sink (koers_department_row_new (db.store, dept));

  g_assert_true (koers_department_row_get_department (KOERS_DEPARTMENT_ROW (row)) == dept);
  g_assert_cmpstr (get_label (row, "name_label"), ==, KOERS_TEST_ISOLATED ("Marketing"));
  g_assert_cmpstr (get_emoji (row), ==, koers_department_get_emoji (dept));
  g_assert_cmpstr (get_label (row, "count_label"), ==, "No objectives");
  g_assert_cmpstr (koers_department_row_get_details (KOERS_DEPARTMENT_ROW (row)), ==, "No objectives");
  g_assert_false (gtk_widget_get_visible (get_child (row, "score_bar")));
  g_assert_false (gtk_widget_get_visible (get_child (row, "stale_image")));

  g_object_unref (row);
  koers_test_ui_db_close (&db);
}

/* The count, the score and the check-in mark follow store writes, and the
 * row object stays the same (no rebuild). */
static void
test_updates_after_write (void)
{
  KoersTestUiDb       db = { 0 };
  KoersDepartment    *dept;
  KoersDepartment    *other;
  KoersObjective     *objective;
  KoersKeyResult     *kr;
  GtkWidget          *row;
  const KoersSummary *summary;
  g_autoptr (GError) error = NULL;

  koers_test_ui_db_open (&db);
  dept = koers_test_find_department (db.store, "Marketing");
  other = koers_test_find_department (db.store, "Sales");
  row = g_object_ref_sink (koers_department_row_new (db.store, dept));
  summary = koers_department_row_get_summary (KOERS_DEPARTMENT_ROW (row));

  objective = add_objective (db.store, dept, "Double monthly sign-ups", "2026-Q2");
  g_assert_cmpuint (summary->n_objectives, ==, 1);
  g_assert_cmpstr (get_label (row, "count_label"), ==, "1 objective");
  g_assert_true (gtk_widget_get_visible (get_child (row, "score_bar")));
  g_assert_cmpfloat (gtk_level_bar_get_value (GTK_LEVEL_BAR (get_child (row, "score_bar"))), ==, 0.0);

  kr = add_key_result (db.store, objective, 1200);
  koers_key_result_set_current_value (kr, 600);
  g_assert_true (koers_store_save_key_result (db.store, kr, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (summary->score, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (GTK_LEVEL_BAR (get_child (row, "score_bar"))),
                                  0.5, 1e-9);
  g_assert_cmpstr (koers_department_row_get_details (KOERS_DEPARTMENT_ROW (row)), ==,
                   "1 objective, score 0.50");

  /* Last check-in more than 14 days before KOERS_TODAY (2026-05-15). */
  add_checkin (db.store, kr, "2026-04-01", 900);
  g_assert_cmpuint (summary->n_stale, ==, 1);
  g_assert_true (gtk_widget_get_visible (get_child (row, "stale_image")));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (get_child (row, "stale_image")), ==,
                   "1 key result needs a check-in");
  g_assert_cmpfloat_with_epsilon (summary->score, 0.75, 1e-9);
  g_assert_cmpstr (koers_department_row_get_details (KOERS_DEPARTMENT_ROW (row)), ==,
                   "1 objective, score 0.75, 1 key result needs a check-in");

  add_checkin (db.store, kr, "2026-05-14", 1200);
  g_assert_cmpuint (summary->n_stale, ==, 0);
  g_assert_false (gtk_widget_get_visible (get_child (row, "stale_image")));
  g_assert_cmpfloat_with_epsilon (summary->score, 1.0, 1e-9);

  /* Another department's objective does not count here. */
  add_objective (db.store, other, "Reach € 1 million", "2026-Q2");
  g_assert_cmpuint (summary->n_objectives, ==, 1);

  add_objective (db.store, dept, "Get the most out of e-mail campaigns", "2026-Q2");
  g_assert_cmpstr (get_label (row, "count_label"), ==, "2 objectives");
  g_assert_cmpfloat_with_epsilon (summary->score, 0.5, 1e-9);

  /* Archived (it has check-ins): out of the count and the score. */
  g_assert_true (koers_store_set_objective_archived (db.store, objective, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (get_label (row, "count_label"), ==, "1 objective");
  g_assert_cmpfloat (summary->score, ==, 0.0);

  g_object_unref (row);
  koers_test_ui_db_close (&db);
}

static void
test_period (void)
{
  KoersTestUiDb    db = { 0 };
  KoersDepartment *dept;
  GtkWidget       *row;
  KoersPeriod      period;

  koers_test_ui_db_open (&db);
  dept = koers_test_find_department (db.store, "Finance");
  row = g_object_ref_sink (koers_department_row_new (db.store, dept));

  add_objective (db.store, dept, "Optimise the yearly budget process", "2026-Q2");
  add_objective (db.store, dept, "Strengthen the audit process", "2026-Q3");
  add_objective (db.store, dept, "A yearly objective", "2026");

  /* KOERS_TODAY's quarter, Q2 2026: one quarterly and the yearly one. */
  g_assert_cmpstr (get_label (row, "count_label"), ==, "2 objectives");

  koers_period_init_quarter (&period, 2026, 3);
  koers_department_row_set_period (KOERS_DEPARTMENT_ROW (row), &period);
  g_assert_cmpstr (get_label (row, "count_label"), ==, "2 objectives");

  koers_period_init_quarter (&period, 2027, 1);
  koers_department_row_set_period (KOERS_DEPARTMENT_ROW (row), &period);
  g_assert_cmpstr (get_label (row, "count_label"), ==, "No objectives");
  g_assert_false (gtk_widget_get_visible (get_child (row, "score_bar")));

  koers_period_init_year (&period, 2026);
  koers_department_row_set_period (KOERS_DEPARTMENT_ROW (row), &period);
  g_assert_cmpstr (get_label (row, "count_label"), ==, "3 objectives");

  g_object_unref (row);
  koers_test_ui_db_close (&db);
}

/* User text is shown as it is, never as markup. */
static void
test_rename (void)
{
  KoersTestUiDb    db = { 0 };
  KoersDepartment *dept;
  GtkWidget       *row;
  g_autoptr (GError) error = NULL;

  koers_test_ui_db_open (&db);
  dept = koers_test_find_department (db.store, "Marketing");
  row = g_object_ref_sink (koers_department_row_new (db.store, dept));

  koers_department_set_name (dept, "R&D <b>Lab</b>");
  koers_department_set_emoji (dept, "🧪");
  g_assert_true (koers_store_save_department (db.store, dept, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (get_label (row, "name_label"), ==, KOERS_TEST_ISOLATED ("R&D <b>Lab</b>"));
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (get_child (row, "name_label"))));
  g_assert_cmpstr (get_emoji (row), ==, "🧪");
  /* An ellipsized name can be read in full in the tooltip. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==,
                   KOERS_TEST_ISOLATED ("R&D <b>Lab</b>") "\nNo objectives");

  /* A right-to-left override in the name ends with the name: the emoji
   * and the counts beside it keep their order. */
  koers_department_set_name (dept, "\u202eSales");
  g_assert_true (koers_store_save_department (db.store, dept, &error));
  g_assert_cmpstr (get_label (row, "name_label"), ==, "\u2068\u200e\u202eSales\u2069");

  g_object_unref (row);
  koers_test_ui_db_close (&db);
}

static guint
count_menu_items (GMenuModel *model)
{
  guint n = 0;

  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      n += section != NULL ? count_menu_items (section) : 1;
    }

  return n;
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *name = NULL;

          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
              g_strcmp0 (name, action) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

/* The company can be renamed but not moved or deleted. */
static void
test_menu (void)
{
  KoersTestUiDb db = { 0 };
  GtkWidget    *company_row;
  GtkWidget    *row;
  GMenuModel   *menu;

  koers_test_ui_db_open (&db);
  company_row = g_object_ref_sink (koers_department_row_new (db.store, koers_store_get_company (db.store)));
  row = g_object_ref_sink (koers_department_row_new (db.store,
                                                     koers_test_find_department (db.store, "Sales")));

  /* Made on first use: none until then. */
  g_assert_null (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (get_child (company_row, "menu_button"))));
  menu = koers_department_row_get_menu (KOERS_DEPARTMENT_ROW (company_row));
  g_assert_true (menu == gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (get_child (company_row, "menu_button"))));
  g_assert_cmpuint (count_menu_items (menu), ==, 1);
  g_assert_true (gtk_widget_has_css_class (company_row, "company"));

  /* A department adds teams; a team moves to another department. */
  menu = koers_department_row_get_menu (KOERS_DEPARTMENT_ROW (row));
  g_assert_cmpuint (count_menu_items (menu), ==, 5);
  g_assert_true (menu_has_action (menu, "win.add-team"));
  g_assert_false (gtk_widget_has_css_class (row, "company"));
  g_object_unref (row);

  row = g_object_ref_sink (koers_department_row_new (db.store,
                                                     koers_test_add_team (db.store, koers_test_find_department (db.store, "Sales"),
                                                                          "Key Accounts")));
  menu = koers_department_row_get_menu (KOERS_DEPARTMENT_ROW (row));
  g_assert_cmpuint (count_menu_items (menu), ==, 5);
  g_assert_false (menu_has_action (menu, "win.add-team"));

  g_object_unref (row);
  g_object_unref (company_row);
  koers_test_ui_db_close (&db);
}

/* A lazily opened store (as the window has) reads its period after the
 * rows exist: they count what came in. */
static void
test_counts_period_read_in (void)
{
  KoersTestUiDb db = { 0 };
  g_autoptr (KoersStore) lazy = NULL;
  g_autoptr (GError) error = NULL;
  KoersPeriod q2;
  GtkWidget  *row;

  koers_test_ui_db_open (&db);
  add_objective (db.store, koers_test_find_department (db.store, "Marketing"),
                 "Double monthly sign-ups", "2026-Q2");
  add_objective (db.store, koers_test_find_department (db.store, "Marketing"),
                 "Get the most out of e-mail campaigns", "2026-Q2");

  lazy = koers_store_open_lazy (db.path, &error);
  g_assert_no_error (error);
  koers_period_init_quarter (&q2, 2026, 2);
  row = g_object_ref_sink (koers_department_row_new (lazy, koers_test_find_department (lazy, "Marketing")));
  koers_department_row_set_period (KOERS_DEPARTMENT_ROW (row), &q2);
  g_assert_cmpstr (get_label (row, "count_label"), ==, "No objectives");

  g_assert_true (koers_store_load_period (lazy, &q2, &error));
  koers_test_ui_iterate ();
  g_assert_cmpstr (get_label (row, "count_label"), ==, "2 objectives");

  g_object_unref (row);
  koers_test_ui_db_close (&db);
}

/* A department's row shows its teams' roll-up with its own figures, also
 * when their objectives come in with a period read later; a team's row
 * is indented and has no expander. */
static void
test_rollup_period_read_in (void)
{
  KoersTestUiDb db = { 0 };
  g_autoptr (KoersStore) lazy = NULL;
  g_autoptr (GError) error = NULL;
  KoersDepartment *marketing;
  KoersDepartment *growth;
  KoersPeriod      q2;
  GtkWidget       *row;
  GtkWidget       *team_row;

  koers_test_ui_db_open (&db);
  marketing = koers_test_find_department (db.store, "Marketing");
  growth = koers_test_add_team (db.store, marketing, "Growth");
  add_objective (db.store, marketing, "Double monthly sign-ups", "2026-Q2");
  add_objective (db.store, growth, "Win two partners", "2026-Q2");
  add_objective (db.store, growth, "Launch the referral programme", "2026-Q2");

  lazy = koers_store_open_lazy (db.path, &error);
  g_assert_no_error (error);
  koers_period_init_quarter (&q2, 2026, 2);
  row = g_object_ref_sink (koers_department_row_new (lazy, koers_test_find_department (lazy, "Marketing")));
  team_row = g_object_ref_sink (koers_department_row_new (lazy, koers_test_find_department (lazy, "Growth")));
  koers_department_row_set_period (KOERS_DEPARTMENT_ROW (row), &q2);
  koers_department_row_set_period (KOERS_DEPARTMENT_ROW (team_row), &q2);
  g_assert_true (gtk_widget_get_visible (get_child (row, "rollup_label")));
  g_assert_true (gtk_widget_get_visible (get_child (row, "expander_button")));
  g_assert_false (gtk_widget_get_visible (get_child (team_row, "expander_button")));
  g_assert_false (gtk_widget_get_visible (get_child (team_row, "rollup_label")));
  g_assert_cmpint (gtk_widget_get_margin_start (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (team_row))), >,
                   gtk_widget_get_margin_start (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))));
  g_assert_cmpstr (get_label (row, "rollup_label"), ==, "With teams: 0 objectives, score 0.00");

  /* Only the team's objectives first, as the window's first frame may:
   * the department's own figures come from the database meanwhile. */
  g_assert_true (koers_store_load_period_departments (lazy, &q2,
                                                      (gint64[]){ koers_department_get_id (growth) }, 1,
                                                      &error));
  g_assert_no_error (error);
  koers_test_ui_iterate ();
  g_assert_cmpstr (get_label (row, "count_label"), ==, "1 objective");
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_department_objectives (
                      lazy, koers_department_get_id (koers_test_find_department (lazy, "Marketing")))),
                    ==, 0);
  g_assert_cmpstr (get_label (row, "rollup_label"), ==, "With teams: 3 objectives, score 0.00");
  g_assert_cmpstr (get_label (team_row, "count_label"), ==, "2 objectives");

  g_assert_true (koers_store_load_period (lazy, &q2, &error));
  koers_test_ui_iterate ();
  g_assert_cmpstr (get_label (row, "count_label"), ==, "1 objective");
  g_assert_cmpuint (koers_department_row_get_rollup (KOERS_DEPARTMENT_ROW (row))->n_objectives, ==, 3);
  g_assert_cmpstr (get_label (row, "rollup_label"), ==, "With teams: 3 objectives, score 0.00");

  g_object_unref (team_row);
  g_object_unref (row);
  koers_test_ui_db_close (&db);
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add_func ("/department-row/empty", test_empty);
  g_test_add_func ("/department-row/updates-after-write", test_updates_after_write);
  g_test_add_func ("/department-row/period", test_period);
  g_test_add_func ("/department-row/counts-period-read-in", test_counts_period_read_in);
  g_test_add_func ("/department-row/rename", test_rename);
  g_test_add_func ("/department-row/menu", test_menu);
  g_test_add_func ("/department-row/rollup-period-read-in", test_rollup_period_read_in);

  return g_test_run ();
}
