/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the KPI widget tests, on top of koers-editor-test.h: KPIs and their
 * values in the store, and ways to find what a user would see. */

#include "koers-editor-test.h"

/* A KPI of department in the store (borrowed). */
static inline KoersKpi *
koers_kpi_test_add_kpi (KoersStore        *store,
                        KoersDepartment   *department,
                        const char        *name,
                        KoersKpiDirection  direction,
                        double             healthy,
                        double             attention)
{
  g_autoptr (GError) error = NULL;
  KoersKpi *kpi = koers_kpi_new (name, KOERS_METRIC_KIND_NUMBER, NULL, direction, healthy, attention,
                                 KOERS_KPI_FREQUENCY_MONTHLY);

  koers_kpi_set_department_id (kpi, koers_department_get_id (department));
  koers_store_add_kpi (store, kpi, &error);
  g_assert_no_error (error);

  g_object_unref (kpi);
  return kpi;
}

static inline KoersKpiValue *
koers_kpi_test_add_value (KoersStore *store,
                          KoersKpi   *kpi,
                          const char *date,
                          double      value)
{
  g_autoptr (GError) error = NULL;
  KoersKpiValue *kpi_value = koers_kpi_value_new (date, value, NULL);

  koers_store_add_kpi_value (store, kpi, kpi_value, &error);
  g_assert_no_error (error);

  g_object_unref (kpi_value);
  return kpi_value;
}

/* The first mapped label under root whose text is text (or, with
 * prefix, starts with it). */
static inline GtkLabel *
koers_kpi_test_find_label (GtkWidget  *root,
                           const char *text,
                           gboolean    prefix)
{
  g_autoptr (GPtrArray) labels = koers_editor_test_find_mapped (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      const char *label = gtk_label_get_text (labels->pdata[i]);

      if (prefix ? g_str_has_prefix (label, text) : g_str_equal (label, text))
        return labels->pdata[i];
    }

  return NULL;
}

/* The entry row titled title under root. */
static inline AdwEntryRow *
koers_kpi_test_find_entry_row (GtkWidget  *root,
                               const char *title)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  koers_editor_test_collect (root, ADW_TYPE_ENTRY_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (rows->pdata[i]), title))
      return rows->pdata[i];

  return NULL;
}

static inline AdwComboRow *
koers_kpi_test_find_combo_row (GtkWidget  *root,
                               const char *title)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  koers_editor_test_collect (root, ADW_TYPE_COMBO_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (rows->pdata[i]), title))
      return rows->pdata[i];

  return NULL;
}

/* Clicks the toast's Undo under root (the toast overlay's window). */
static inline void
koers_kpi_test_click_undo (GtkWidget *root)
{
  GtkWidget *undo;

  koers_editor_test_spin (100);
  undo = koers_editor_test_find_button (root, "Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  koers_editor_test_spin (50);
}
