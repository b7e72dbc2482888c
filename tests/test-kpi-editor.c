/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The KPI editor: saves at once, thresholds only when valid and in order
 * (with the reason shown), deletes the KPI and its values with undo. */
#include "config.h"

#include "koers-test-ui.h"
#include "ui/objectives/koers-editing.h"
#include "ui/objectives/koers-key-result-editor.h"
#include "ui/objectives/koers-key-result-row.h"
#include "ui/kpis/koers-kpi-editing.h"
#include "ui/kpis/koers-kpi-editor.h"

typedef struct
{
  KoersTestUiDb   db;
  KoersKpi       *kpi;
  GtkWindow      *parent;
  KoersKpiEditor *editor;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  KoersDepartment *sales;

  koers_test_ui_db_open (&f->db);
  sales = koers_test_find_department (f->db.store, "Sales");
  f->kpi = koers_test_add_kpi (f->db.store, sales, "Net Promoter Score",
                               KOERS_KPI_DIRECTION_HIGHER, 50, 40);
  koers_test_add_kpi_value (f->db.store, f->kpi, "2026-03-01", 38);
  koers_test_add_kpi_value (f->db.store, f->kpi, "2026-04-01", 44);

  f->parent = koers_test_ui_window_new (gtk_label_new ("parent"), 800, 600);
  koers_kpi_editing_open_editor (GTK_WIDGET (f->parent), f->db.store, f->kpi);
  f->editor = KOERS_KPI_EDITOR (koers_test_ui_find_toplevel (KOERS_TYPE_KPI_EDITOR));
  g_assert_nonnull (f->editor);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->editor));
  koers_test_ui_spin (50);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  koers_test_ui_finalize_toplevels (KOERS_TYPE_KPI_EDITOR);
  gtk_window_destroy (f->parent);
  koers_test_ui_iterate ();
  koers_test_ui_db_close (&f->db);
}

static void
set_row_text (Fixture    *f,
              const char *title,
              const char *text)
{
  AdwEntryRow *row = koers_test_ui_find_entry_row (GTK_WIDGET (f->editor), title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  koers_test_ui_iterate ();
}

/* What a restart would read. */
static void
assert_stored (Fixture          *f,
               KoersKpiDirection direction,
               double            healthy,
               double            attention)
{
  g_autoptr (KoersStore) again = koers_test_ui_db_reopen (&f->db);
  KoersKpi *kpi = koers_store_find_kpi (again, koers_kpi_get_id (f->kpi));

  g_assert_nonnull (kpi);
  g_assert_cmpint (koers_kpi_get_direction (kpi), ==, direction);
  g_assert_cmpfloat (koers_kpi_get_healthy (kpi), ==, healthy);
  g_assert_cmpfloat (koers_kpi_get_attention (kpi), ==, attention);
}

static void
test_fields (Fixture      *f,
             gconstpointer data)
{
  AdwEntryRow *healthy = koers_test_ui_find_entry_row (GTK_WIDGET (f->editor), "Healthy threshold");
  AdwComboRow *frequency = koers_test_ui_find_combo_row (GTK_WIDGET (f->editor), "New value every");

  /* Filled from the KPI. */
  g_assert_nonnull (healthy);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (healthy)), ==, "50");
  g_assert_null (koers_kpi_editor_get_threshold_error (f->editor));

  /* Saved at once; an emptied name keeps the saved one. */
  set_row_text (f, "Name", "NPS");
  g_assert_cmpstr (koers_kpi_get_name (f->kpi), ==, "NPS");
  set_row_text (f, "Name", "");
  g_assert_cmpstr (koers_kpi_get_name (f->kpi), ==, "NPS");
  set_row_text (f, "Unit, such as “visits” or “days”", "points");
  g_assert_cmpstr (koers_kpi_get_unit (f->kpi), ==, "points");

  adw_combo_row_set_selected (frequency, KOERS_KPI_FREQUENCY_QUARTERLY);
  koers_test_ui_iterate ();
  g_assert_cmpint (koers_kpi_get_frequency (f->kpi), ==, KOERS_KPI_FREQUENCY_QUARTERLY);

  {
    g_autoptr (KoersStore) again = koers_test_ui_db_reopen (&f->db);
    KoersKpi *kpi = koers_store_find_kpi (again, koers_kpi_get_id (f->kpi));

    g_assert_cmpstr (koers_kpi_get_name (kpi), ==, "NPS");
    g_assert_cmpstr (koers_kpi_get_unit (kpi), ==, "points");
    g_assert_cmpint (koers_kpi_get_frequency (kpi), ==, KOERS_KPI_FREQUENCY_QUARTERLY);
  }
}

static void
test_thresholds (Fixture      *f,
                 gconstpointer data)
{
  AdwEntryRow *healthy = koers_test_ui_find_entry_row (GTK_WIDGET (f->editor), "Healthy threshold");
  AdwEntryRow *attention = koers_test_ui_find_entry_row (GTK_WIDGET (f->editor), "Needs attention threshold");
  AdwComboRow *direction = koers_test_ui_find_combo_row (GTK_WIDGET (f->editor), "Direction");
  GtkLabel    *shown;

  /* Higher is better: attention above healthy is out of order. */
  set_row_text (f, "Healthy threshold", "30");
  g_assert_cmpstr (koers_kpi_editor_get_threshold_error (f->editor), ==,
                   "When higher is better, needs attention starts at or below the healthy threshold (30).");
  shown = koers_test_ui_find_label (GTK_WIDGET (f->editor), "When higher is better", TRUE);
  g_assert_nonnull (shown);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (attention), "error"));
  g_assert_cmpfloat (koers_kpi_get_healthy (f->kpi), ==, 50);
  assert_stored (f, KOERS_KPI_DIRECTION_HIGHER, 50, 40);

  /* In order again: saved, the message gone. */
  set_row_text (f, "Needs attention threshold", "20");
  g_assert_null (koers_kpi_editor_get_threshold_error (f->editor));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shown)));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (attention), "error"));
  g_assert_cmpfloat (koers_kpi_get_healthy (f->kpi), ==, 30);
  g_assert_cmpfloat (koers_kpi_get_attention (f->kpi), ==, 20);
  assert_stored (f, KOERS_KPI_DIRECTION_HIGHER, 30, 20);

  /* Not a number: the parser's reason, on the field. */
  set_row_text (f, "Healthy threshold", "abc");
  g_assert_nonnull (koers_kpi_editor_get_threshold_error (f->editor));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (healthy), "error"));
  g_assert_cmpfloat (koers_kpi_get_healthy (f->kpi), ==, 30);
  set_row_text (f, "Healthy threshold", "1,234.5");
  g_assert_null (koers_kpi_editor_get_threshold_error (f->editor));
  g_assert_cmpfloat (koers_kpi_get_healthy (f->kpi), ==, 1234.5);

  /* Lower is better turns the order round: 1,234.5 then 20 is wrong, and
   * the direction waits for thresholds that fit it. */
  adw_combo_row_set_selected (direction, KOERS_KPI_DIRECTION_LOWER);
  koers_test_ui_iterate ();
  g_assert_cmpstr (koers_kpi_editor_get_threshold_error (f->editor), ==,
                   "When lower is better, needs attention starts at or above the healthy threshold (1,234.5).");
  g_assert_cmpint (koers_kpi_get_direction (f->kpi), ==, KOERS_KPI_DIRECTION_HIGHER);
  set_row_text (f, "Healthy threshold", "10");
  g_assert_null (koers_kpi_editor_get_threshold_error (f->editor));
  g_assert_cmpint (koers_kpi_get_direction (f->kpi), ==, KOERS_KPI_DIRECTION_LOWER);
  assert_stored (f, KOERS_KPI_DIRECTION_LOWER, 10, 20);

  /* The status follows: 44 is above both, so unhealthy now. */
  g_assert_cmpint (koers_kpi_get_status (f->kpi), ==, KOERS_KPI_STATUS_UNHEALTHY);
}

static void
test_delete_with_undo (Fixture      *f,
                       gconstpointer data)
{
  gint64 id = koers_kpi_get_id (f->kpi);
  g_autoptr (KoersKpi) kept = g_object_ref (f->kpi);
  GtkWidget *button = koers_test_ui_find_button (GTK_WIDGET (f->editor), "Delete KPI");

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  koers_test_ui_spin (50);

  /* Gone, the editor closed, the undo in the parent window. */
  g_assert_null (koers_store_find_kpi (f->db.store, id));
  g_assert_null (koers_test_ui_find_toplevel (KOERS_TYPE_KPI_EDITOR));

  koers_test_ui_click_undo (GTK_WIDGET (f->parent));
  g_assert_true (koers_store_find_kpi (f->db.store, id) == kept);
  g_assert_cmpuint (g_list_model_get_n_items (koers_kpi_get_values (kept)), ==, 2);
  {
    g_autoptr (KoersStore) again = koers_test_ui_db_reopen (&f->db);

    g_assert_nonnull (koers_store_find_kpi (again, id));
  }
}

static void
test_values (Fixture      *f,
             gconstpointer data)
{
  GListModel *values = koers_kpi_get_values (f->kpi);
  g_autoptr (GPtrArray) buttons = koers_test_ui_find_mapped (GTK_WIDGET (f->editor), GTK_TYPE_BUTTON);
  GtkWidget *delete_button = NULL;

  /* The history, newest first, each value with the status it has. */
  g_assert_nonnull (koers_test_ui_find_label (GTK_WIDGET (f->editor), "44 — Needs attention", FALSE));
  g_assert_nonnull (koers_test_ui_find_label (GTK_WIDGET (f->editor), "38 — Unhealthy", FALSE));

  for (guint i = 0; i < buttons->len && delete_button == NULL; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), "Delete Value") == 0)
      delete_button = buttons->pdata[i];
  g_assert_nonnull (delete_button);

  /* The newest goes: the KPI stands at the older one. */
  g_signal_emit_by_name (delete_button, "clicked");
  koers_test_ui_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (values), ==, 1);
  g_assert_cmpfloat (koers_kpi_get_current_value (f->kpi), ==, 38);
  g_assert_null (koers_test_ui_find_label (GTK_WIDGET (f->editor), "44 — Needs attention", FALSE));

  koers_test_ui_click_undo (GTK_WIDGET (f->editor));
  g_assert_cmpuint (g_list_model_get_n_items (values), ==, 2);
  g_assert_cmpfloat (koers_kpi_get_current_value (f->kpi), ==, 44);
  g_assert_nonnull (koers_test_ui_find_label (GTK_WIDGET (f->editor), "44 — Needs attention", FALSE));
}

static const char *
moved_by (Fixture *f)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  koers_test_ui_collect (GTK_WIDGET (f->editor), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (rows->pdata[i]), "Moved by"))
      return adw_action_row_get_subtitle (rows->pdata[i]);

  g_assert_not_reached ();
}

/* The link, set in the key result's editor, shows on both sides. */
static void
test_link_from_key_result (Fixture      *f,
                           gconstpointer data)
{
  KoersDepartment *sales = koers_test_find_department (f->db.store, "Sales");
  KoersObjective  *objective = koers_test_add_objective (f->db.store, sales, "Delight customers", "2026-Q2");
  KoersKeyResult  *kr = koers_test_add_key_result (f->db.store, objective, "Call every churned customer",
                                                   0, 40, 5);
  GtkWindow       *kr_editor;
  AdwComboRow     *row;
  GListModel      *names;

  g_assert_false (g_str_has_prefix (moved_by (f), "Call every"));

  koers_editing_open_key_result (GTK_WIDGET (f->parent), f->db.store, kr);
  kr_editor = koers_test_ui_find_toplevel (KOERS_TYPE_KEY_RESULT_EDITOR);
  g_assert_nonnull (kr_editor);
  row = koers_test_ui_find_combo_row (GTK_WIDGET (kr_editor), "Moves KPI");
  g_assert_nonnull (row);

  /* None, then the department's KPIs. */
  names = adw_combo_row_get_model (row);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==, "Net Promoter Score");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  adw_combo_row_set_selected (row, 1);
  koers_test_ui_iterate ();
  g_assert_cmpint (koers_key_result_get_kpi_id (kr), ==, koers_kpi_get_id (f->kpi));
  g_assert_cmpstr (moved_by (f), ==, KOERS_TEST_ISOLATED ("Call every churned customer"));
  {
    /* The key result's row in its card says which KPI it moves. */
    GtkWidget *list = gtk_list_box_new ();
    GtkWindow *window;

    gtk_list_box_append (GTK_LIST_BOX (list), koers_key_result_row_new (f->db.store, objective, kr));
    window = koers_test_ui_window_new (list, 600, 300);
    g_assert_nonnull (koers_test_ui_find_label (list, "KPI: " KOERS_TEST_ISOLATED ("Net Promoter Score"), FALSE));
    gtk_window_destroy (window);
  }
  {
    g_autoptr (KoersStore) again = koers_test_ui_db_reopen (&f->db);

    g_assert_cmpint (koers_key_result_get_kpi_id (koers_store_find_key_result (again, koers_key_result_get_id (kr))),
                     ==, koers_kpi_get_id (f->kpi));
  }

  adw_combo_row_set_selected (row, 0);
  koers_test_ui_iterate ();
  g_assert_cmpint (koers_key_result_get_kpi_id (kr), ==, 0);
  g_assert_false (g_str_has_prefix (moved_by (f), "Call every"));

  gtk_window_destroy (kr_editor);
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add ("/kpi-editor/fields", Fixture, NULL, fixture_set_up, test_fields, fixture_tear_down);
  g_test_add ("/kpi-editor/thresholds", Fixture, NULL, fixture_set_up, test_thresholds, fixture_tear_down);
  g_test_add ("/kpi-editor/delete-with-undo", Fixture, NULL, fixture_set_up, test_delete_with_undo,
              fixture_tear_down);
  g_test_add ("/kpi-editor/values", Fixture, NULL, fixture_set_up, test_values, fixture_tear_down);
  g_test_add ("/kpi-editor/link-from-key-result", Fixture, NULL, fixture_set_up, test_link_from_key_result,
              fixture_tear_down);

  return g_test_run ();
}
