/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core/koers-format.h"
#include "io/koers-templates.h"
#include "koers-test-ui.h"
#include "ui/objectives/koers-editing.h"
#include "ui/objectives/koers-editor-pane.h"
#include "ui/objectives/koers-objective-editor.h"
#include "ui/objectives/koers-template-picker.h"

/* KOERS_TODAY is 2026-05-15: Q2 2026. */

typedef struct
{
  KoersTestUiDb db;
  KoersPeriod   q2;
  GPtrArray    *added; /* what "added" handed over */
  guint         n_added_signals;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  koers_test_ui_db_open (&f->db);
  koers_period_init_quarter (&f->q2, 2026, 2);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  koers_test_ui_destroy_toplevels (KOERS_TYPE_TEMPLATE_PICKER);
  koers_test_ui_destroy_toplevels (KOERS_TYPE_OBJECTIVE_EDITOR);
  koers_test_ui_destroy_toplevels (ADW_TYPE_WINDOW);
  g_clear_pointer (&f->added, g_ptr_array_unref);
  koers_format_set_language (KOERS_LANGUAGE_EN);
  koers_test_ui_db_close (&f->db);
}

static void
added_cb (KoersTemplatePicker *picker,
          GPtrArray           *objectives,
          Fixture             *f)
{
  f->n_added_signals++;
  g_clear_pointer (&f->added, g_ptr_array_unref);
  f->added = g_ptr_array_ref (objectives);
}

static KoersTemplatePicker *
open_picker (Fixture         *f,
             KoersDepartment *department)
{
  GtkWidget *picker = koers_template_picker_new (f->db.store, department, &f->q2);

  g_signal_connect (picker, "added", G_CALLBACK (added_cb), f);
  gtk_window_present (GTK_WINDOW (picker));
  gtk_test_widget_wait_for_draw (picker);
  koers_test_ui_spin (30);

  return KOERS_TEMPLATE_PICKER (picker);
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  g_autoptr (GPtrArray) labels = koers_test_ui_find_mapped (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return TRUE;

  return FALSE;
}

static GtkWidget *
get_add_button (KoersTemplatePicker *picker)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (picker), KOERS_TYPE_TEMPLATE_PICKER,
                                                    "add_button"));
}

/* The same templates, in the same order, as the library lists. */
static void
assert_offers (KoersTemplatePicker *picker,
               GPtrArray           *expected)
{
  g_autoptr (GPtrArray) ids = koers_template_picker_get_ids (picker);

  g_assert_cmpuint (ids->len, ==, expected->len);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpstr (ids->pdata[i], ==, koers_template_get_id (expected->pdata[i]));
}

static guint
count_objectives (KoersStore      *store,
                  KoersDepartment *department)
{
  GListModel *objectives = koers_store_get_objectives (store);
  guint       n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);

      if (koers_objective_get_department_id (objective) == koers_department_get_id (department))
        n++;
    }

  return n;
}

/* A seed department gets its own examples, each with its key results;
 * checking two and Add puts both in the department and period. */
static void
test_department_add (Fixture      *f,
                     gconstpointer data)
{
  KoersDepartment *marketing = koers_test_find_department (f->db.store, "Marketing");
  g_autoptr (GPtrArray) expected = koers_templates_list ("marketing", KOERS_LANGUAGE_EN);
  KoersTemplatePicker *picker = open_picker (f, marketing);
  const KoersTemplate *first = expected->pdata[0];
  const KoersTemplate *second = expected->pdata[1];
  g_autoptr (KoersStore) again = NULL;

  g_assert_cmpstr (koers_templates_get_department_key (f->db.store, marketing), ==, "marketing");
  g_assert_cmpuint (expected->len, >=, 2);
  assert_offers (picker, expected);
  g_assert_cmpuint (koers_template_picker_get_n_groups (picker), ==, 1);
  g_assert_true (has_label (GTK_WIDGET (picker), koers_template_get_title (first, KOERS_LANGUAGE_EN)));
  /* It fits a phone. */
  {
    int min;

    gtk_widget_measure (GTK_WIDGET (picker), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    g_assert_cmpint (min, <=, 360);
  }
  for (guint i = 0; i < koers_template_get_n_key_results (first); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("• %s",
                                                 koers_template_get_key_result_title (first, i, KOERS_LANGUAGE_EN));

      g_assert_true (has_label (GTK_WIDGET (picker), prefix));
    }

  /* Nothing checked, nothing to add. */
  g_assert_false (gtk_widget_get_sensitive (get_add_button (picker)));
  g_assert_true (koers_template_picker_set_checked (picker, koers_template_get_id (first), TRUE));
  g_assert_true (gtk_widget_get_sensitive (get_add_button (picker)));
  g_assert_true (koers_template_picker_set_checked (picker, koers_template_get_id (second), TRUE));
  g_assert_false (koers_template_picker_set_checked (picker, "finance-1", TRUE));

  g_signal_emit_by_name (get_add_button (picker), "clicked");
  koers_test_ui_spin (30);

  g_assert_null (koers_test_ui_find_toplevel (KOERS_TYPE_TEMPLATE_PICKER));
  g_assert_cmpuint (f->n_added_signals, ==, 1);
  g_assert_cmpuint (f->added->len, ==, 2);
  g_assert_cmpuint (count_objectives (f->db.store, marketing), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      KoersObjective *objective = f->added->pdata[i];
      const KoersTemplate *template = i == 0 ? first : second;

      g_assert_cmpstr (koers_objective_get_title (objective), ==, koers_template_get_title (template, KOERS_LANGUAGE_EN));
      g_assert_cmpstr (koers_objective_get_period (objective), ==, "2026-Q2");
      g_assert_cmpint (koers_objective_get_department_id (objective), ==, koers_department_get_id (marketing));
      g_assert_cmpuint (g_list_model_get_n_items (koers_objective_get_key_results (objective)), ==,
                        koers_template_get_n_key_results (template));
    }

  /* In the file, as a restart reads it. */
  again = koers_test_ui_db_reopen (&f->db);
  g_assert_cmpuint (count_objectives (again, koers_store_find_department (again, koers_department_get_id (marketing))),
                    ==, 2);
}

/* Cancel (and Escape) write nothing, whatever was checked. */
static void
test_cancel (Fixture      *f,
             gconstpointer data)
{
  KoersDepartment     *sales = koers_test_find_department (f->db.store, "Sales");
  KoersTemplatePicker *picker = open_picker (f, sales);
  g_autoptr (GPtrArray) ids = koers_template_picker_get_ids (picker);
  GtkWidget *cancel;
  g_autoptr (KoersStore) again = NULL;

  g_assert_cmpuint (ids->len, >, 0);
  for (guint i = 0; i < ids->len; i++)
    koers_template_picker_set_checked (picker, ids->pdata[i], TRUE);

  cancel = koers_test_ui_find_button (GTK_WIDGET (picker), "Cancel");
  g_assert_nonnull (cancel);
  g_signal_emit_by_name (cancel, "clicked");
  koers_test_ui_spin (30);

  g_assert_null (koers_test_ui_find_toplevel (KOERS_TYPE_TEMPLATE_PICKER));
  g_assert_cmpuint (f->n_added_signals, ==, 0);
  g_assert_cmpuint (count_objectives (f->db.store, sales), ==, 0);
  again = koers_test_ui_db_reopen (&f->db);
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_objectives (again)), ==, 0);

  picker = open_picker (f, sales);
  koers_template_picker_set_checked (picker, ids->pdata[0], TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (picker), "window.close", NULL));
  koers_test_ui_spin (30);
  g_assert_null (koers_test_ui_find_toplevel (KOERS_TYPE_TEMPLATE_PICKER));
  g_assert_cmpuint (count_objectives (f->db.store, sales), ==, 0);
}

/* The company gets the company-wide examples; a department the seed does
 * not know gets all of them, by department. */
static void
test_company_and_own_department (Fixture      *f,
                                 gconstpointer data)
{
  g_autoptr (GPtrArray) company = koers_templates_list (NULL, KOERS_LANGUAGE_EN);
  g_autoptr (KoersDepartment) legal = koers_department_new ("Legal & Compliance", NULL);
  g_autoptr (GPtrArray) ids = NULL;
  KoersTemplatePicker *picker;
  guint                n_all;

  picker = open_picker (f, koers_store_get_company (f->db.store));
  assert_offers (picker, company);
  g_assert_cmpuint (koers_template_picker_get_n_groups (picker), ==, 1);
  gtk_window_destroy (GTK_WINDOW (picker));

  g_assert_true (koers_store_add_department (f->db.store, legal, NULL));
  g_assert_null (koers_templates_get_department_key (f->db.store, legal));
  picker = open_picker (f, legal);
  koers_templates_get_all (&n_all);
  ids = koers_template_picker_get_ids (picker);
  g_assert_cmpuint (ids->len, ==, n_all);
  /* The company's first, then each seed department's: a group each. */
  g_assert_cmpuint (koers_template_picker_get_n_groups (picker), >, 2);
  for (guint i = 0; i < company->len; i++)
    g_assert_cmpstr (ids->pdata[i], ==, koers_template_get_id (company->pdata[i]));
  g_assert_true (has_label (GTK_WIDGET (picker), "Whole Company"));
  g_assert_true (has_label (GTK_WIDGET (picker), "Marketing"));

  /* Added to Legal, not to the department the template came from. */
  koers_template_picker_set_checked (picker, "marketing-1", TRUE);
  g_signal_emit_by_name (get_add_button (picker), "clicked");
  koers_test_ui_spin (30);
  g_assert_cmpuint (count_objectives (f->db.store, legal), ==, 1);
  g_assert_cmpuint (count_objectives (f->db.store, koers_test_find_department (f->db.store, "Marketing")), ==, 0);
}

/* In Dutch, the Dutch texts: shown and added. */
static void
test_dutch (Fixture      *f,
            gconstpointer data)
{
  KoersDepartment *finance = koers_test_find_department (f->db.store, "Finance");
  g_autoptr (GPtrArray) expected = koers_templates_list ("finance", KOERS_LANGUAGE_NL);
  const KoersTemplate *first = expected->pdata[0];
  KoersTemplatePicker *picker;

  koers_format_set_language (KOERS_LANGUAGE_NL);
  picker = open_picker (f, finance);
  assert_offers (picker, expected);
  g_assert_true (has_label (GTK_WIDGET (picker), koers_template_get_title (first, KOERS_LANGUAGE_NL)));
  g_assert_false (has_label (GTK_WIDGET (picker), koers_template_get_title (first, KOERS_LANGUAGE_EN)));

  koers_template_picker_set_checked (picker, koers_template_get_id (first), TRUE);
  g_signal_emit_by_name (get_add_button (picker), "clicked");
  koers_test_ui_spin (30);
  g_assert_cmpuint (f->added->len, ==, 1);
  g_assert_cmpstr (koers_objective_get_title (f->added->pdata[0]), ==,
                   koers_template_get_title (first, KOERS_LANGUAGE_NL));

  /* Offered again, it says it is there already. */
  picker = open_picker (f, finance);
  g_assert_true (has_label (GTK_WIDGET (picker), "Already added in this period"));
}

/* The pane offers it in its empty state and in the Add menu; one added
 * objective opens in its editor. */
static void
test_from_pane (Fixture      *f,
                gconstpointer data)
{
  KoersDepartment     *hr = koers_test_find_department (f->db.store, "Human Resources");
  GtkWidget           *pane = koers_editor_pane_new ();
  GtkWindow           *window;
  KoersTemplatePicker *picker;
  g_autoptr (GPtrArray) ids = NULL;
  KoersObjectiveEditor *editor;
  GtkWidget            *button;

  koers_editor_pane_set_store (KOERS_EDITOR_PANE (pane), f->db.store);
  koers_editor_pane_set_department (KOERS_EDITOR_PANE (pane), hr);
  koers_editor_pane_set_period (KOERS_EDITOR_PANE (pane), &f->q2);
  window = koers_test_ui_window_new (pane, 800, 700);
  /* The cards and rows ask the window to edit, delete and check in. */
  koers_editing_insert_actions (GTK_WIDGET (window), f->db.store);

  button = koers_test_ui_find_button (pane, "Start from a _Template…");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "editor.add-from-template");
  {
    AdwSplitButton *split = ADW_SPLIT_BUTTON (gtk_widget_get_template_child (pane, KOERS_TYPE_EDITOR_PANE,
                                                                             "add_button"));
    GMenuModel     *menu = adw_split_button_get_menu_model (split);
    gboolean        found = FALSE;

    for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
      {
        GMenuModel *section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

        for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
          {
            g_autofree char *action = NULL;

            g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action);
            found |= g_strcmp0 (action, "editor.add-from-template") == 0;
          }
        g_clear_object (&section);
      }
    g_assert_true (found);
  }

  g_signal_emit_by_name (button, "clicked");
  koers_test_ui_spin (50);
  picker = KOERS_TEMPLATE_PICKER (koers_test_ui_find_toplevel (KOERS_TYPE_TEMPLATE_PICKER));
  g_assert_nonnull (picker);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (picker)) == window);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (picker)));
  ids = koers_template_picker_get_ids (picker);
  koers_template_picker_set_checked (picker, ids->pdata[0], TRUE);
  g_signal_emit_by_name (get_add_button (picker), "clicked");
  koers_test_ui_spin (50);

  g_assert_cmpuint (count_objectives (f->db.store, hr), ==, 1);
  editor = KOERS_OBJECTIVE_EDITOR (koers_test_ui_find_toplevel (KOERS_TYPE_OBJECTIVE_EDITOR));
  g_assert_nonnull (editor);
  g_assert_cmpstr (koers_objective_get_title (koers_objective_editor_get_objective (editor)), ==,
                   koers_template_get_title (koers_templates_find (ids->pdata[0]), KOERS_LANGUAGE_EN));

  /* Without a period there is nothing to add to. */
  koers_test_ui_destroy_toplevels (KOERS_TYPE_OBJECTIVE_EDITOR);
  koers_editor_pane_set_period (KOERS_EDITOR_PANE (pane), NULL);
  gtk_widget_activate_action (pane, "editor.add-from-template", NULL);
  koers_test_ui_spin (30);
  g_assert_null (koers_test_ui_find_toplevel (KOERS_TYPE_TEMPLATE_PICKER));

  gtk_window_destroy (window);
}

static guint
count_kpis (KoersStore      *store,
            KoersDepartment *department,
            const char      *name)
{
  GListModel *kpis = koers_store_get_kpis (store);
  guint       n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr (KoersKpi) kpi = g_list_model_get_item (kpis, i);

      if (koers_kpi_get_department_id (kpi) == koers_department_get_id (department) &&
          (name == NULL || g_strcmp0 (koers_kpi_get_name (kpi), name) == 0))
        n++;
    }

  return n;
}

/* A seed department is offered its KPI templates as well; checked ones
 * are added to it, one it has already is not added twice. */
static void
test_kpis (Fixture      *f,
           gconstpointer data)
{
  KoersDepartment *service = koers_test_find_department (f->db.store, "Customer service");
  g_autoptr (GPtrArray) kpis = koers_templates_list_kpis ("customer-service", KOERS_LANGUAGE_EN);
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersStore) again = NULL;
  KoersTemplatePicker *picker;

  g_assert_cmpuint (kpis->len, ==, 3);
  g_assert_nonnull (koers_template_kpi_instantiate (koers_templates_find_kpi ("nps"), f->db.store, service,
                                                    KOERS_LANGUAGE_EN, &error));
  g_assert_no_error (error);

  picker = open_picker (f, service);
  g_assert_true (has_label (GTK_WIDGET (picker), "KPIs"));
  for (guint i = 0; i < kpis->len; i++)
    g_assert_true (has_label (GTK_WIDGET (picker), koers_template_kpi_get_name (kpis->pdata[i], KOERS_LANGUAGE_EN)));
  g_assert_true (has_label (GTK_WIDGET (picker), "Already in this department"));
  /* The objective groups are still one. */
  g_assert_cmpuint (koers_template_picker_get_n_groups (picker), ==, 1);

  /* KPIs alone are something to add. */
  g_assert_false (gtk_widget_get_sensitive (get_add_button (picker)));
  g_assert_true (koers_template_picker_set_checked (picker, "customer-churn", TRUE));
  g_assert_true (gtk_widget_get_sensitive (get_add_button (picker)));
  g_assert_true (koers_template_picker_set_checked (picker, "nps", TRUE));
  g_assert_false (koers_template_picker_set_checked (picker, "uptime", TRUE));
  g_signal_emit_by_name (get_add_button (picker), "clicked");
  koers_test_ui_spin (30);

  g_assert_null (koers_test_ui_find_toplevel (KOERS_TYPE_TEMPLATE_PICKER));
  g_assert_cmpuint (f->n_added_signals, ==, 0);
  g_assert_cmpuint (count_objectives (f->db.store, service), ==, 0);
  g_assert_cmpuint (count_kpis (f->db.store, service, NULL), ==, 2);
  g_assert_cmpuint (count_kpis (f->db.store, service, "Net Promoter Score (NPS)"), ==, 1);
  g_assert_cmpuint (count_kpis (f->db.store, service, "Customer churn"), ==, 1);

  again = koers_test_ui_db_reopen (&f->db);
  g_assert_cmpuint (count_kpis (again, koers_store_find_department (again, koers_department_get_id (service)), NULL),
                    ==, 2);

  /* The company level has no KPI templates: no such group. */
  picker = open_picker (f, koers_store_get_company (f->db.store));
  g_assert_false (has_label (GTK_WIDGET (picker), "KPIs"));
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add ("/template-picker/department-add", Fixture, NULL, fixture_set_up, test_department_add,
              fixture_tear_down);
  g_test_add ("/template-picker/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/template-picker/company-and-own-department", Fixture, NULL, fixture_set_up,
              test_company_and_own_department, fixture_tear_down);
  g_test_add ("/template-picker/dutch", Fixture, NULL, fixture_set_up, test_dutch, fixture_tear_down);
  g_test_add ("/template-picker/kpis", Fixture, NULL, fixture_set_up, test_kpis, fixture_tear_down);
  g_test_add ("/template-picker/from-pane", Fixture, NULL, fixture_set_up, test_from_pane, fixture_tear_down);

  return g_test_run ();
}
