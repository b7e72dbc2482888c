/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-test-ui.h"
#include "ui/checkins/koers-checkin-dialog.h"
#include "ui/data/koers-csv-import-dialog.h"
#include "ui/data/koers-export-data-dialog.h"
#include "ui/data/koers-import-dialog.h"
#include "ui/data/koers-report-dialog.h"
#include "ui/history/koers-history-window.h"
#include "ui/kpis/koers-kpi-editor.h"
#include "ui/kpis/koers-kpi-update-dialog.h"
#include "ui/objectives/koers-key-result-details.h"
#include "ui/objectives/koers-key-result-editor.h"
#include "ui/objectives/koers-objective-editor.h"
#include "ui/objectives/koers-template-picker.h"
#include "ui/quality/koers-review-dialog.h"
#include "ui/server/koers-password-dialog.h"
#include "ui/window/koers-preferences-window.h"
#include "ui/window/koers-window.h"

/* Every modal window Koers opens has the dialog role, so that Orca
 * announces it (a plain GtkWindow is not announced as one); the main
 * window stays an application window. */
static void
test_modal_windows_are_dialogs (void)
{
  const GType modal[] = {
    KOERS_TYPE_CHECKIN_DIALOG,
    KOERS_TYPE_EXPORT_DATA_DIALOG,
    KOERS_TYPE_IMPORT_DIALOG,
    KOERS_TYPE_CSV_IMPORT_DIALOG,
    KOERS_TYPE_REPORT_DIALOG,
    KOERS_TYPE_HISTORY_WINDOW,
    KOERS_TYPE_KPI_EDITOR,
    KOERS_TYPE_KPI_UPDATE_DIALOG,
    KOERS_TYPE_KEY_RESULT_DETAILS,
    KOERS_TYPE_KEY_RESULT_EDITOR,
    KOERS_TYPE_OBJECTIVE_EDITOR,
    KOERS_TYPE_TEMPLATE_PICKER,
    KOERS_TYPE_REVIEW_DIALOG,
    KOERS_TYPE_PREFERENCES_WINDOW,
    KOERS_TYPE_PASSWORD_DIALOG,
  };

  for (guint i = 0; i < G_N_ELEMENTS (modal); i++)
    {
      g_autoptr (GTypeClass) klass = g_type_class_ref (modal[i]);

      g_test_message ("%s", g_type_name (modal[i]));
      g_assert_cmpint (gtk_widget_class_get_accessible_role (GTK_WIDGET_CLASS (klass)), ==,
                       GTK_ACCESSIBLE_ROLE_DIALOG);
    }

  {
    g_autoptr (GTypeClass) klass = g_type_class_ref (KOERS_TYPE_WINDOW);

    g_assert_cmpint (gtk_widget_class_get_accessible_role (GTK_WIDGET_CLASS (klass)), !=,
                     GTK_ACCESSIBLE_ROLE_DIALOG);
  }
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add_func ("/dialog-roles/modal-windows-are-dialogs", test_modal_windows_are_dialogs);

  return g_test_run ();
}
