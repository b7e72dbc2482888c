/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "data/koers-csv-import-dialog.h"
#include "koers-test-ui.h"

/* English headers in another order, an extra column, a level the
 * database lacks. */
static const char file[] = "Objective,Key result,Level,Target,Start,Current,Notes\n"
                           "Grow,Visits,Retail,\"1,200\",0,300,x\n"
                           ",Orders,Retail,50,0,,\n";

static KoersCsvImportDialog *
open_dialog (KoersTestUiDb *db)
{
  g_autoptr (GBytes) data = g_bytes_new_static (file, strlen (file));
  g_autoptr (GError) error = NULL;
  KoersCsvImport *import = koers_csv_import_new (data, &error);
  KoersPeriod     period;
  GtkWidget      *dialog;

  g_assert_no_error (error);
  g_assert_true (koers_period_parse ("2026-Q2", &period, NULL));
  dialog = koers_csv_import_dialog_new (db->store, import, &period);
  gtk_window_present (GTK_WINDOW (dialog));
  koers_test_ui_iterate ();
  return KOERS_CSV_IMPORT_DIALOG (dialog);
}

static gboolean
preview_has (KoersCsvImportDialog *dialog,
             const char           *text)
{
  for (guint i = 0; i < koers_csv_import_dialog_get_n_preview_rows (dialog); i++)
    if (strstr (koers_csv_import_dialog_get_preview_row (dialog, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_import_button (GtkWidget *root)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  koers_test_ui_collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "_Import") == 0)
      return g_ptr_array_index (buttons, i);
  g_assert_not_reached ();
}

/* The mapping found by the headers, the preview, and Import writing it
 * all: a new department, the objective with both key results. */
static void
test_preview_and_import (void)
{
  KoersTestUiDb         db;
  KoersCsvImportDialog *dialog;
  GtkWidget            *button;
  KoersDepartment      *retail;

  koers_test_ui_db_open (&db);
  dialog = open_dialog (&db);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  g_assert_cmpint (koers_csv_import_get_field (koers_csv_import_dialog_get_import (dialog), 2), ==,
                   KOERS_CSV_FIELD_LEVEL);
  g_assert_true (preview_has (dialog, "1 objective added, 2 key results added, 1 department created"));
  g_assert_true (preview_has (dialog, "New department “Retail”"));
  g_assert_true (preview_has (dialog, "Retail · Grow: new objective (2 key results added)"));
  g_assert_true (preview_has (dialog, "Column “Notes” is not imported"));
  button = find_import_button (GTK_WIDGET (dialog));
  g_assert_true (gtk_widget_get_sensitive (button));

  g_signal_emit_by_name (button, "clicked");
  koers_test_ui_iterate ();
  g_assert_null (dialog);

  retail = koers_store_find_department_by_name (db.store, "Retail");
  g_assert_nonnull (retail);
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_department_objectives (
                      db.store, koers_department_get_id (retail))),
                    ==, 1);
  g_assert_cmpint (koers_test_query_int (db.path, "SELECT count(*) FROM key_results"), ==, 2);
  koers_test_ui_db_close (&db);
}

/* A wrong mapping shows its problems and keeps Import off; moving a
 * meaning to another column takes it from the first. */
static void
test_mapping (void)
{
  KoersTestUiDb         db;
  KoersCsvImportDialog *dialog;
  GtkWidget            *button;
  g_autoptr (GPtrArray) switches = g_ptr_array_new ();

  koers_test_ui_db_open (&db);
  dialog = open_dialog (&db);
  button = find_import_button (GTK_WIDGET (dialog));

  /* "Start" (column 4) as the target: column 3 is no longer imported. */
  koers_csv_import_dialog_set_field (dialog, 4, KOERS_CSV_FIELD_TARGET);
  koers_test_ui_iterate ();
  g_assert_cmpint (koers_csv_import_get_field (koers_csv_import_dialog_get_import (dialog), 3), ==,
                   KOERS_CSV_FIELD_NONE);
  g_assert_true (preview_has (dialog, "Column “Target” is not imported"));

  /* No objective column: a problem, and Import is off. */
  koers_csv_import_dialog_set_field (dialog, 0, KOERS_CSV_FIELD_NONE);
  koers_test_ui_iterate ();
  g_assert_true (preview_has (dialog, "No column holds the objectives"));
  g_assert_false (gtk_widget_get_sensitive (button));
  koers_csv_import_dialog_set_field (dialog, 0, KOERS_CSV_FIELD_OBJECTIVE);
  koers_csv_import_dialog_set_field (dialog, 3, KOERS_CSV_FIELD_TARGET);
  koers_csv_import_dialog_set_field (dialog, 4, KOERS_CSV_FIELD_START);
  g_assert_true (gtk_widget_get_sensitive (button));

  /* New departments switched off: the unknown level is a problem. */
  koers_test_ui_collect (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, switches);
  gtk_switch_set_active (g_ptr_array_index (switches, 0), FALSE);
  koers_test_ui_iterate ();
  g_assert_true (preview_has (dialog, "Row 2, Level: there is no department “Retail”"));
  g_assert_false (gtk_widget_get_sensitive (button));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (koers_test_query_int (db.path, "SELECT count(*) FROM objectives"), ==, 0);
  koers_test_ui_db_close (&db);
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add_func ("/csv-import-dialog/preview-and-import", test_preview_and_import);
  g_test_add_func ("/csv-import-dialog/mapping", test_mapping);

  return g_test_run ();
}
