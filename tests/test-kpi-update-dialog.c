/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The KPI update dialog: invalid input blocks Save, Cancel and Escape
 * write nothing, Save (and Enter) write one value, and the preview says
 * the status the value would give. */
#include "config.h"

#include "koers-test-ui.h"
#include "ui/kpis/koers-kpi-update-dialog.h"

typedef struct
{
  KoersTestUiDb         db;
  KoersKpi             *kpi;
  GtkWindow            *parent;
  KoersKpiUpdateDialog *dialog;
  GtkWidget            *value_entry;
  GtkWidget            *date_entry;
} Fixture;

static GtkWidget *
entry_of (GtkWidget  *root,
          const char *heading)
{
  g_autoptr (GPtrArray) labels = koers_test_ui_find_mapped (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (labels->pdata[i]), heading) == 0)
      return gtk_label_get_mnemonic_widget (labels->pdata[i]);

  return NULL;
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  KoersDepartment *service;

  koers_test_ui_db_open (&f->db);
  service = koers_test_find_department (f->db.store, "Customer service");
  f->kpi = koers_test_add_kpi (f->db.store, service, "Net Promoter Score",
                               KOERS_KPI_DIRECTION_HIGHER, 50, 40);
  koers_test_add_kpi_value (f->db.store, f->kpi, "2026-04-01", 41);
  koers_test_add_kpi_value (f->db.store, f->kpi, "2026-05-01", 44);

  f->parent = koers_test_ui_window_new (gtk_label_new ("parent"), 800, 600);
  f->dialog = KOERS_KPI_UPDATE_DIALOG (koers_kpi_update_dialog_present (GTK_WIDGET (f->parent),
                                                                        f->db.store, f->kpi));
  g_object_ref (f->dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->dialog));
  koers_test_ui_spin (50);

  f->value_entry = entry_of (GTK_WIDGET (f->dialog), "New _Value");
  f->date_entry = entry_of (GTK_WIDGET (f->dialog), "_Date");
  g_assert_true (GTK_IS_ENTRY (f->value_entry));
  g_assert_true (GTK_IS_ENTRY (f->date_entry));
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  /* Ours is the last reference, also after the dialog closed itself. */
  gtk_window_destroy (GTK_WINDOW (f->dialog));
  koers_test_ui_spin (20);
  g_assert_finalize_object (g_steal_pointer (&f->dialog));
  koers_test_ui_destroy_and_assert_finalized (f->parent);
  koers_test_ui_db_close (&f->db);
}

static void
type (GtkWidget  *entry,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  koers_test_ui_iterate ();
}

static guint
count_stored_values (Fixture *f)
{
  g_autoptr (KoersStore) again = koers_test_ui_db_reopen (&f->db);
  KoersKpi *kpi = koers_store_find_kpi (again, koers_kpi_get_id (f->kpi));

  return g_list_model_get_n_items (koers_kpi_get_values (kpi));
}

static void
test_shows_current (Fixture      *f,
                    gconstpointer data)
{
  /* The current value, in the field to start from, and today's date. */
  g_assert_nonnull (koers_test_ui_find_label (GTK_WIDGET (f->dialog), "Now 44 since 1 May 2026", FALSE));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->value_entry)), ==, "44");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->date_entry)), ==, "15 May 2026");
  g_assert_true (koers_kpi_update_dialog_get_can_save (f->dialog));
  g_assert_cmpint (koers_kpi_update_dialog_get_preview_status (f->dialog), ==,
                   KOERS_KPI_STATUS_NEEDS_ATTENTION);
}

static void
test_invalid_blocks_save (Fixture      *f,
                          gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  type (f->value_entry, "abc");
  g_assert_false (koers_kpi_update_dialog_get_can_save (f->dialog));
  g_assert_true (gtk_widget_has_css_class (f->value_entry, "error"));
  g_assert_cmpint (koers_kpi_update_dialog_get_preview_status (f->dialog), ==, KOERS_KPI_STATUS_NONE);

  /* English reads 12,5 as a misplaced thousands separator. */
  type (f->value_entry, "12,5");
  g_assert_false (koers_kpi_update_dialog_get_can_save (f->dialog));
  type (f->value_entry, "");
  g_assert_false (koers_kpi_update_dialog_get_can_save (f->dialog));

  type (f->value_entry, "1,200.5");
  g_assert_true (koers_kpi_update_dialog_get_can_save (f->dialog));
  g_assert_false (gtk_widget_has_css_class (f->value_entry, "error"));

  /* Not in the future, and a date at all. */
  type (f->date_entry, "16 May 2026");
  g_assert_false (koers_kpi_update_dialog_get_can_save (f->dialog));
  g_assert_nonnull (koers_test_ui_find_label (GTK_WIDGET (f->dialog), "The date cannot be in the future.", FALSE));
  type (f->date_entry, "someday");
  g_assert_false (koers_kpi_update_dialog_get_can_save (f->dialog));
  g_assert_false (koers_kpi_update_dialog_save (f->dialog, &error));
  g_assert_nonnull (error);

  g_assert_cmpuint (g_list_model_get_n_items (koers_kpi_get_values (f->kpi)), ==, 2);
  g_assert_cmpuint (count_stored_values (f), ==, 2);
}

static void
test_cancel_writes_nothing (Fixture      *f,
                            gconstpointer data)
{
  GtkWidget *cancel = koers_test_ui_find_button (GTK_WIDGET (f->dialog), "Cancel");

  type (f->value_entry, "60");
  g_assert_nonnull (cancel);
  g_signal_emit_by_name (cancel, "clicked");
  koers_test_ui_spin (50);

  g_assert_null (koers_test_ui_find_toplevel (KOERS_TYPE_KPI_UPDATE_DIALOG));
  g_assert_cmpuint (g_list_model_get_n_items (koers_kpi_get_values (f->kpi)), ==, 2);
  g_assert_cmpfloat (koers_kpi_get_current_value (f->kpi), ==, 44);
  g_assert_cmpuint (count_stored_values (f), ==, 2);
}

static void
test_escape_writes_nothing (Fixture      *f,
                            gconstpointer data)
{
  type (f->value_entry, "60");
  /* What the Escape binding runs. */
  gtk_widget_activate_action (GTK_WIDGET (f->dialog), "window.close", NULL);
  koers_test_ui_spin (50);

  g_assert_null (koers_test_ui_find_toplevel (KOERS_TYPE_KPI_UPDATE_DIALOG));
  g_assert_cmpuint (count_stored_values (f), ==, 2);
  g_assert_cmpint (koers_kpi_get_status (f->kpi), ==, KOERS_KPI_STATUS_NEEDS_ATTENTION);
}

static void
test_save (Fixture      *f,
           gconstpointer data)
{
  GtkWidget   *save = koers_test_ui_find_button (GTK_WIDGET (f->dialog), "Save");
  GtkTextView *note = NULL;
  g_autoptr (GPtrArray) views = koers_test_ui_find_mapped (GTK_WIDGET (f->dialog), GTK_TYPE_TEXT_VIEW);
  KoersKpiValue *value;

  g_assert_cmpint (koers_kpi_get_status (f->kpi), ==, KOERS_KPI_STATUS_NEEDS_ATTENTION);
  type (f->value_entry, "52");
  g_assert_cmpint (koers_kpi_update_dialog_get_preview_status (f->dialog), ==, KOERS_KPI_STATUS_HEALTHY);
  g_assert_cmpuint (views->len, ==, 1);
  note = views->pdata[0];
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (note), "  After the new onboarding  ", -1);
  type (f->date_entry, "14-5-2026");

  g_signal_emit_by_name (save, "clicked");
  koers_test_ui_spin (50);

  /* One value, the status it gives, the dialog gone. */
  g_assert_null (koers_test_ui_find_toplevel (KOERS_TYPE_KPI_UPDATE_DIALOG));
  value = koers_kpi_update_dialog_get_value (f->dialog);
  g_assert_nonnull (value);
  g_assert_true (koers_kpi_get_latest_value (f->kpi) == value);
  g_assert_cmpstr (koers_kpi_value_get_date (value), ==, "2026-05-14");
  g_assert_cmpfloat (koers_kpi_value_get_value (value), ==, 52);
  g_assert_cmpstr (koers_kpi_value_get_note (value), ==, "After the new onboarding");
  g_assert_cmpuint (g_list_model_get_n_items (koers_kpi_get_values (f->kpi)), ==, 3);
  g_assert_cmpint (koers_kpi_get_status (f->kpi), ==, KOERS_KPI_STATUS_HEALTHY);
  g_assert_cmpuint (count_stored_values (f), ==, 3);
}

static void
test_enter_saves (Fixture      *f,
                  gconstpointer data)
{
  type (f->value_entry, "38");
  g_assert_cmpint (koers_kpi_update_dialog_get_preview_status (f->dialog), ==, KOERS_KPI_STATUS_UNHEALTHY);

  /* Enter in the value field activates the default button, Save. */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (f->value_entry)), "activate");
  /* A button's activation clicks after a short press animation. */
  koers_test_ui_spin (400);

  g_assert_null (koers_test_ui_find_toplevel (KOERS_TYPE_KPI_UPDATE_DIALOG));
  g_assert_cmpuint (g_list_model_get_n_items (koers_kpi_get_values (f->kpi)), ==, 3);
  g_assert_cmpint (koers_kpi_get_status (f->kpi), ==, KOERS_KPI_STATUS_UNHEALTHY);
  g_assert_cmpstr (koers_kpi_get_last_update_date (f->kpi), ==, "2026-05-15");
}

static void
test_older_date (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  /* Before the latest value: it goes in the history; the status stays. */
  type (f->value_entry, "60");
  type (f->date_entry, "15 April 2026");
  g_assert_true (koers_kpi_update_dialog_get_can_save (f->dialog));
  g_assert_cmpint (koers_kpi_update_dialog_get_preview_status (f->dialog), ==,
                   KOERS_KPI_STATUS_NEEDS_ATTENTION);
  g_assert_nonnull (koers_test_ui_find_label (GTK_WIDGET (f->dialog), "The value of 1 May 2026 stays", TRUE));

  g_assert_true (koers_kpi_update_dialog_save (f->dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (koers_kpi_get_values (f->kpi)), ==, 3);
  g_assert_cmpfloat (koers_kpi_get_current_value (f->kpi), ==, 44);
  g_assert_cmpint (koers_kpi_get_status (f->kpi), ==, KOERS_KPI_STATUS_NEEDS_ATTENTION);
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add ("/kpi-update-dialog/shows-current", Fixture, NULL, fixture_set_up, test_shows_current,
              fixture_tear_down);
  g_test_add ("/kpi-update-dialog/invalid-blocks-save", Fixture, NULL, fixture_set_up,
              test_invalid_blocks_save, fixture_tear_down);
  g_test_add ("/kpi-update-dialog/cancel-writes-nothing", Fixture, NULL, fixture_set_up,
              test_cancel_writes_nothing, fixture_tear_down);
  g_test_add ("/kpi-update-dialog/escape-writes-nothing", Fixture, NULL, fixture_set_up,
              test_escape_writes_nothing, fixture_tear_down);
  g_test_add ("/kpi-update-dialog/save", Fixture, NULL, fixture_set_up, test_save, fixture_tear_down);
  g_test_add ("/kpi-update-dialog/enter-saves", Fixture, NULL, fixture_set_up, test_enter_saves,
              fixture_tear_down);
  g_test_add ("/kpi-update-dialog/older-date", Fixture, NULL, fixture_set_up, test_older_date,
              fixture_tear_down);

  return g_test_run ();
}
