/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "koers-kpi-editing.h"
#include "koers-kpi-editor.h"
#include "widgets/koers-editor-windows.h"
#include "widgets/koers-toasts.h"

void
koers_kpi_editing_open_editor (GtkWidget  *widget,
                               KoersStore *store,
                               KoersKpi   *kpi)
{
  koers_editor_windows_open (widget, store, G_OBJECT (kpi), KOERS_TYPE_KPI_EDITOR, "kpi");
}

KoersKpi *
koers_kpi_editing_add_kpi (GtkWidget       *widget,
                           KoersStore      *store,
                           KoersDepartment *department)
{
  g_autoptr (KoersKpi) kpi = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (KOERS_IS_DEPARTMENT (department), NULL);

  /* Thresholds that pass koers_kpi_check_thresholds(); the editor opens
   * on it at once to set the real ones. */
  kpi = koers_kpi_new (_ ("New KPI"), KOERS_METRIC_KIND_NUMBER, NULL, KOERS_KPI_DIRECTION_HIGHER,
                       100.0, 80.0, KOERS_KPI_FREQUENCY_MONTHLY);
  koers_kpi_set_department_id (kpi, koers_department_get_id (department));
  if (!koers_store_add_kpi (store, kpi, &error))
    {
      koers_toasts_show_error (widget, error);
      return NULL;
    }

  koers_kpi_editing_open_editor (widget, store, kpi);
  return kpi;
}
