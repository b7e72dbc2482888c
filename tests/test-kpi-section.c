/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The KPI section: it lists the selected department's KPIs, follows store
 * writes without rebuilding its rows, and shows status, trend, update due
 * and the key results that move a KPI. */
#include "config.h"

#include "koers-test-ui.h"
#include "ui/kpis/koers-kpi-editor.h"
#include "ui/kpis/koers-kpi-row.h"
#include "ui/kpis/koers-kpi-section.h"
#include "ui/kpis/koers-kpi-sparkline.h"

typedef struct
{
  KoersTestUiDb    db;
  KoersDepartment *sales;
  KoersDepartment *finance;
  KoersKpi        *revenue;
  KoersKpi        *margin;
  KoersKpi        *dso;
  GtkWidget       *section;
  GtkWindow       *window;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  KoersPeriod period;

  koers_test_ui_db_open (&f->db);
  f->sales = koers_test_find_department (f->db.store, "Sales");
  f->finance = koers_test_find_department (f->db.store, "Finance");

  f->revenue = koers_test_add_kpi (f->db.store, f->sales, "Monthly revenue",
                                   KOERS_KPI_DIRECTION_HIGHER, 300, 250);
  koers_test_add_kpi_value (f->db.store, f->revenue, "2026-03-01", 260);
  koers_test_add_kpi_value (f->db.store, f->revenue, "2026-04-01", 280);
  koers_test_add_kpi_value (f->db.store, f->revenue, "2026-05-01", 310);
  f->margin = koers_test_add_kpi (f->db.store, f->sales, "Gross margin",
                                  KOERS_KPI_DIRECTION_HIGHER, 40, 30);
  f->dso = koers_test_add_kpi (f->db.store, f->finance, "Days sales outstanding",
                               KOERS_KPI_DIRECTION_LOWER, 45, 60);
  koers_test_add_kpi_value (f->db.store, f->dso, "2026-05-01", 50);

  f->section = koers_kpi_section_new ();
  koers_kpi_section_set_store (KOERS_KPI_SECTION (f->section), f->db.store);
  koers_kpi_section_set_department (KOERS_KPI_SECTION (f->section), f->sales);
  g_assert_true (koers_period_parse ("2026-Q2", &period, NULL));
  koers_kpi_section_set_period (KOERS_KPI_SECTION (f->section), &period);
  f->window = koers_test_ui_window_new (f->section, 900, 700);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  koers_test_ui_destroy_toplevels (KOERS_TYPE_KPI_EDITOR);
  gtk_window_destroy (f->window);
  koers_test_ui_iterate ();
  koers_test_ui_db_close (&f->db);
}

static GPtrArray *
find_rows (Fixture *f)
{
  return koers_test_ui_find_mapped (f->section, KOERS_TYPE_KPI_ROW);
}

static KoersKpiRow *
find_row (Fixture  *f,
          KoersKpi *kpi)
{
  g_autoptr (GPtrArray) rows = find_rows (f);

  for (guint i = 0; i < rows->len; i++)
    if (koers_kpi_row_get_kpi (rows->pdata[i]) == kpi)
      return rows->pdata[i];

  return NULL;
}

static void
test_lists_department (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr (GPtrArray) rows = find_rows (f);
  GListModel *model = koers_kpi_section_get_model (KOERS_KPI_SECTION (f->section));

  /* Sales's two, in their order; not Finance's. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_true (koers_kpi_row_get_kpi (rows->pdata[0]) == f->revenue);
  g_assert_true (koers_kpi_row_get_kpi (rows->pdata[1]) == f->margin);
  g_assert_nonnull (koers_test_ui_find_label (f->section, "Monthly revenue", FALSE));
  g_assert_null (koers_test_ui_find_label (f->section, "Days sales outstanding", FALSE));

  /* The current value and the status, in words. */
  g_assert_nonnull (koers_test_ui_find_label (f->section, "310", FALSE));
  g_assert_nonnull (koers_test_ui_find_label (f->section, "Healthy", FALSE));
  g_assert_nonnull (koers_test_ui_find_label (f->section, "Healthy ≥ 300 · attention ≥ 250", FALSE));
  g_assert_cmpint (koers_kpi_row_get_status (find_row (f, f->revenue)), ==, KOERS_KPI_STATUS_HEALTHY);
  g_assert_cmpstr (koers_kpi_section_get_summary (KOERS_KPI_SECTION (f->section)), ==,
                   "2 KPIs · 1 healthy · 1 without a value · 1 update due");

  koers_kpi_section_set_department (KOERS_KPI_SECTION (f->section), f->finance);
  koers_test_ui_spin (50);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = find_rows (f);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (koers_kpi_row_get_kpi (rows->pdata[0]) == f->dso);
  g_assert_nonnull (koers_test_ui_find_label (f->section, "Needs attention", FALSE));
  g_assert_nonnull (koers_test_ui_find_label (f->section, "Days sales outstanding", FALSE));
}

static void
test_empty (Fixture      *f,
            gconstpointer data)
{
  KoersDepartment *hr = koers_test_find_department (f->db.store, "Human Resources");

  koers_kpi_section_set_department (KOERS_KPI_SECTION (f->section), hr);
  koers_test_ui_spin (50);

  g_assert_cmpuint (g_list_model_get_n_items (koers_kpi_section_get_model (KOERS_KPI_SECTION (f->section))),
                    ==, 0);
  g_assert_nonnull (koers_test_ui_find_label (f->section, "No KPIs Yet", FALSE));
  g_assert_cmpstr (koers_kpi_section_get_summary (KOERS_KPI_SECTION (f->section)), ==, "");
}

static void
test_follows_store (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  KoersKpiRow *revenue_row = find_row (f, f->revenue);
  KoersKpiRow *margin_row = find_row (f, f->margin);
  KoersKpi    *leads;

  g_assert_nonnull (revenue_row);
  g_object_add_weak_pointer (G_OBJECT (revenue_row), (gpointer *) &revenue_row);
  g_object_add_weak_pointer (G_OBJECT (margin_row), (gpointer *) &margin_row);

  /* A new value: the same row shows the new value and status. */
  koers_test_add_kpi_value (f->db.store, f->revenue, "2026-05-10", 240);
  koers_test_ui_spin (50);
  g_assert_nonnull (revenue_row);
  g_assert_true (find_row (f, f->revenue) == revenue_row);
  g_assert_cmpint (koers_kpi_row_get_status (revenue_row), ==, KOERS_KPI_STATUS_UNHEALTHY);
  g_assert_nonnull (koers_test_ui_find_label (GTK_WIDGET (revenue_row), "240", FALSE));
  g_assert_nonnull (koers_test_ui_find_label (GTK_WIDGET (revenue_row), "Unhealthy", FALSE));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (revenue_row), "kpi-unhealthy"));

  /* A new KPI in the department: a row more, the others kept. */
  leads = koers_test_add_kpi (f->db.store, f->sales, "Qualified leads",
                              KOERS_KPI_DIRECTION_HIGHER, 100, 80);
  koers_test_ui_spin (50);
  rows = find_rows (f);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_true (koers_kpi_row_get_kpi (rows->pdata[2]) == leads);
  g_assert_nonnull (revenue_row);
  g_assert_nonnull (margin_row);

  /* Renamed: the row says so. */
  koers_kpi_set_name (f->margin, "Gross margin after discounts");
  koers_store_save_kpi (f->db.store, f->margin, &error);
  g_assert_no_error (error);
  koers_test_ui_spin (50);
  g_assert_nonnull (koers_test_ui_find_label (f->section, "Gross margin after discounts", FALSE));

  /* Moved to Finance: it leaves this list. */
  koers_kpi_set_department_id (leads, koers_department_get_id (f->finance));
  koers_store_save_kpi (f->db.store, leads, &error);
  g_assert_no_error (error);
  koers_test_ui_spin (50);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = find_rows (f);
  g_assert_cmpuint (rows->len, ==, 2);

  /* Deleted: its row goes, the others stay. */
  koers_store_delete_kpi (f->db.store, f->margin, &error);
  g_assert_no_error (error);
  koers_test_ui_spin (50);
  g_assert_null (margin_row);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = find_rows (f);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_nonnull (revenue_row);
  g_object_remove_weak_pointer (G_OBJECT (revenue_row), (gpointer *) &revenue_row);
}

static void
test_moved_by_and_due (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  KoersObjective *objective = koers_test_add_objective (f->db.store, f->sales,
                                                        "Grow revenue", "2026-Q2");
  KoersKeyResult *kr = koers_test_add_key_result (f->db.store, objective,
                                                  "Win ten new accounts", 0, 10, 2);
  GtkWidget      *due_label;

  g_assert_null (koers_test_ui_find_label (f->section, "Moved by:", TRUE));

  koers_key_result_set_kpi_id (kr, koers_kpi_get_id (f->revenue));
  koers_store_save_key_result (f->db.store, kr, &error);
  g_assert_no_error (error);
  koers_test_ui_spin (50);
  g_assert_nonnull (koers_test_ui_find_label (GTK_WIDGET (find_row (f, f->revenue)),
                                              "Moved by: " KOERS_TEST_ISOLATED ("Win ten new accounts"), FALSE));

  /* Archived, its objective moves the KPI no more; restored, it does. */
  g_assert_true (koers_store_set_objective_archived (f->db.store, objective, TRUE, &error));
  g_assert_no_error (error);
  koers_test_ui_spin (50);
  g_assert_null (koers_test_ui_find_label (GTK_WIDGET (find_row (f, f->revenue)), "Moved by:", TRUE));
  g_assert_true (koers_store_set_objective_archived (f->db.store, objective, FALSE, &error));
  g_assert_no_error (error);
  koers_test_ui_spin (50);
  g_assert_nonnull (koers_test_ui_find_label (GTK_WIDGET (find_row (f, f->revenue)),
                                              "Moved by: " KOERS_TEST_ISOLATED ("Win ten new accounts"), FALSE));

  /* Gross margin has no value: an update is due; revenue's is of this month. */
  due_label = GTK_WIDGET (koers_test_ui_find_label (GTK_WIDGET (find_row (f, f->margin)), "Update due", FALSE));
  g_assert_nonnull (due_label);
  g_assert_null (koers_test_ui_find_label (GTK_WIDGET (find_row (f, f->revenue)), "Update due", FALSE));

  /* A value makes it go. */
  koers_test_add_kpi_value (f->db.store, f->margin, "2026-05-14", 35);
  koers_test_ui_spin (50);
  g_assert_false (gtk_widget_get_mapped (due_label));
  g_assert_nonnull (koers_test_ui_find_label (GTK_WIDGET (find_row (f, f->margin)), "Needs attention", FALSE));
}

static void
test_sparkline (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (GPtrArray) sparklines = koers_test_ui_find_mapped (GTK_WIDGET (find_row (f, f->revenue)),
                                                                KOERS_TYPE_KPI_SPARKLINE);
  g_autoptr (GPtrArray) points = NULL;
  g_autofree char *summary = NULL;
  cairo_surface_t *surface;
  cairo_t         *cr;
  guchar          *pixels;
  gboolean         drawn = FALSE;

  g_assert_cmpuint (sparklines->len, ==, 1);
  /* The period's two values and the one before it, oldest first. */
  points = koers_kpi_sparkline_list_points (sparklines->pdata[0]);
  g_assert_cmpuint (points->len, ==, 3);
  g_assert_cmpstr (koers_kpi_value_get_date (points->pdata[0]), ==, "2026-03-01");
  g_assert_cmpstr (koers_kpi_value_get_date (points->pdata[2]), ==, "2026-05-01");

  summary = koers_kpi_sparkline_dup_summary (sparklines->pdata[0]);
  g_assert_cmpstr (summary, ==, "3 values from 1 March 2026 to 1 May 2026: 260 → 310, better.");

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 120, 40);
  cr = cairo_create (surface);
  koers_kpi_sparkline_render (sparklines->pdata[0], cr, 120, 40);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  for (int i = 0; i < 120 * 40 * 4 && !drawn; i++)
    drawn = pixels[i] != 0;
  cairo_surface_destroy (surface);
  g_assert_true (drawn);
}

static void
test_add (Fixture      *f,
          gconstpointer data)
{
  GListModel *model = koers_kpi_section_get_model (KOERS_KPI_SECTION (f->section));
  GtkWindow  *editor;
  g_autoptr (KoersKpi) added = NULL;

  g_assert_true (gtk_widget_activate_action (f->section, "kpi-section.add", NULL));
  koers_test_ui_spin (100);

  /* Added to the department, last, and open in its editor. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  added = g_list_model_get_item (model, 2);
  g_assert_cmpstr (koers_kpi_get_name (added), ==, "New KPI");
  g_assert_cmpint (koers_kpi_get_department_id (added), ==, koers_department_get_id (f->sales));
  editor = koers_test_ui_find_toplevel (KOERS_TYPE_KPI_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (koers_kpi_editor_get_kpi (KOERS_KPI_EDITOR (editor)) == added);

  /* Without a department there is nothing to add to. */
  koers_test_ui_destroy_toplevels (KOERS_TYPE_KPI_EDITOR);
  koers_kpi_section_set_department (KOERS_KPI_SECTION (f->section), NULL);
  koers_test_ui_spin (50);
  g_assert_false (gtk_widget_get_sensitive (koers_test_ui_find_button (f->section, "Add KPI")));
  gtk_widget_activate_action (f->section, "kpi-section.add", NULL);
  koers_test_ui_spin (50);
  g_assert_null (koers_test_ui_find_toplevel (KOERS_TYPE_KPI_EDITOR));
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_kpis (f->db.store)), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add ("/kpi-section/lists-department", Fixture, NULL, fixture_set_up, test_lists_department,
              fixture_tear_down);
  g_test_add ("/kpi-section/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/kpi-section/follows-store", Fixture, NULL, fixture_set_up, test_follows_store,
              fixture_tear_down);
  g_test_add ("/kpi-section/moved-by-and-due", Fixture, NULL, fixture_set_up, test_moved_by_and_due,
              fixture_tear_down);
  g_test_add ("/kpi-section/sparkline", Fixture, NULL, fixture_set_up, test_sparkline, fixture_tear_down);
  g_test_add ("/kpi-section/add", Fixture, NULL, fixture_set_up, test_add, fixture_tear_down);

  return g_test_run ();
}
