/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/koers-format.h"
#include "koers-kpi-editing.h"
#include "koers-kpi-editor.h"
#include "widgets/koers-style.h"
#include "widgets/koers-toasts.h"

#define KPI_EDITOR_KEY "koers-kpi-editor"

void
koers_kpi_editing_ensure_style (void)
{
  static GdkDisplay *styled_display = NULL;

  koers_style_load_once (&styled_display, "/io/github/koersapp/Koers/ui/kpis/kpi.css");
}

const char *
koers_kpi_editing_get_status_icon (KoersKpiStatus status)
{
  switch (status)
    {
    case KOERS_KPI_STATUS_HEALTHY:
      return "emblem-ok-symbolic";
    case KOERS_KPI_STATUS_NEEDS_ATTENTION:
      return "dialog-warning-symbolic";
    case KOERS_KPI_STATUS_UNHEALTHY:
      return "dialog-error-symbolic";
    case KOERS_KPI_STATUS_NONE:
    default:
      return "content-loading-symbolic";
    }
}

const char *
koers_kpi_editing_get_status_css_class (KoersKpiStatus status)
{
  switch (status)
    {
    case KOERS_KPI_STATUS_HEALTHY:
      return "kpi-healthy";
    case KOERS_KPI_STATUS_NEEDS_ATTENTION:
      return "kpi-needs-attention";
    case KOERS_KPI_STATUS_UNHEALTHY:
      return "kpi-unhealthy";
    case KOERS_KPI_STATUS_NONE:
    default:
      return "kpi-no-value";
    }
}

void
koers_kpi_editing_set_status_class (GtkWidget      *widget,
                                    KoersKpiStatus  status)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (KoersKpiStatus s = KOERS_KPI_STATUS_NONE; s <= KOERS_KPI_STATUS_UNHEALTHY; s++)
    {
      if (s == status)
        gtk_widget_add_css_class (widget, koers_kpi_editing_get_status_css_class (s));
      else
        gtk_widget_remove_css_class (widget, koers_kpi_editing_get_status_css_class (s));
    }
}

char *
koers_kpi_editing_format_value (KoersKpi *kpi,
                                double    value)
{
  KoersLanguage lang = koers_format_get_language ();
  g_autofree char *text = NULL;
  g_autofree char *short_percent = NULL;
  g_autofree char *precise = NULL;

  g_return_val_if_fail (KOERS_IS_KPI (kpi), NULL);

  text = koers_format_metric (lang, koers_kpi_get_metric_kind (kpi), koers_kpi_get_unit (kpi), value);
  if (koers_kpi_get_metric_kind (kpi) != KOERS_METRIC_KIND_PERCENTAGE)
    return g_steal_pointer (&text);

  /* Percentages come with one decimal, which makes an uptime of 99.95%
   * "100%": a health metric near its threshold needs the digits. */
  short_percent = koers_format_percent (lang, value, 1);
  precise = koers_format_percent (lang, value, 3);
  if (g_str_has_prefix (text, short_percent))
    return g_strconcat (precise, text + strlen (short_percent), NULL);

  return g_steal_pointer (&text);
}

char *
koers_kpi_editing_describe_thresholds (KoersKpi *kpi,
                                       gboolean  longer)
{
  gboolean higher;
  g_autofree char *healthy = NULL;
  g_autofree char *attention = NULL;

  g_return_val_if_fail (KOERS_IS_KPI (kpi), NULL);

  higher = koers_kpi_get_direction (kpi) == KOERS_KPI_DIRECTION_HIGHER;
  healthy = koers_kpi_editing_format_value (kpi, koers_kpi_get_healthy (kpi));
  attention = koers_kpi_editing_format_value (kpi, koers_kpi_get_attention (kpi));

  if (!longer)
    {
      if (koers_kpi_get_healthy (kpi) == koers_kpi_get_attention (kpi))
        /* Translators: a pass/fail threshold, "Healthy ≥ 40". */
        return g_strdup_printf (higher ? _("Healthy ≥ %s") : _("Healthy ≤ %s"), healthy);
      return g_strdup_printf (higher
                              /* Translators: the two thresholds, short: "Healthy ≥ 40 · attention ≥ 30". */
                              ? _("Healthy ≥ %1$s · attention ≥ %2$s")
                              /* Translators: "Healthy ≤ 4 days · attention ≤ 8 days". */
                              : _("Healthy ≤ %1$s · attention ≤ %2$s"),
                              healthy, attention);
    }

  if (koers_kpi_get_healthy (kpi) == koers_kpi_get_attention (kpi))
    return g_strdup_printf (higher
                            /* Translators: %s is a value, "40". */
                            ? _("Healthy at %s or more, unhealthy below.")
                            : _("Healthy at %s or less, unhealthy above."),
                            healthy);

  return g_strdup_printf (higher
                          /* Translators: %1$s and %2$s are values: "Healthy at 40 or
                           * more, needs attention from 30, unhealthy below 30." */
                          ? _("Healthy at %1$s or more, needs attention from %2$s, unhealthy below %2$s.")
                          : _("Healthy at %1$s or less, needs attention up to %2$s, unhealthy above %2$s."),
                          healthy, attention);
}

char *
koers_kpi_editing_dup_moved_by (KoersStore *store,
                                KoersKpi   *kpi)
{
  g_autoptr (GPtrArray) krs = NULL;
  GString *out;

  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (KOERS_IS_KPI (kpi), NULL);

  krs = koers_store_list_kpi_key_results (store, kpi);
  if (krs == NULL || krs->len == 0)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < krs->len; i++)
    {
      if (i > 0)
        /* Translators: between the titles of the key results that move a KPI. */
        g_string_append (out, C_("list separator", ", "));
      g_string_append (out, koers_key_result_get_title (g_ptr_array_index (krs, i)));
    }

  return g_string_free (out, FALSE);
}

static GtkWindow *
get_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
forget_editor_cb (gpointer  data,
                  GObject  *where_the_editor_was)
{
  GObject *kpi = data;

  if (g_object_get_data (kpi, KPI_EDITOR_KEY) == (gpointer) where_the_editor_was)
    g_object_steal_data (kpi, KPI_EDITOR_KEY);
  g_object_unref (kpi);
}

void
koers_kpi_editing_open_editor (GtkWidget  *widget,
                               KoersStore *store,
                               KoersKpi   *kpi)
{
  GtkWindow *editor;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (KOERS_IS_STORE (store));
  g_return_if_fail (KOERS_IS_KPI (kpi));

  /* One editor per KPI: a second request raises the open one. */
  editor = g_object_get_data (G_OBJECT (kpi), KPI_EDITOR_KEY);
  if (editor == NULL)
    {
      editor = GTK_WINDOW (koers_kpi_editor_new (store, kpi));
      gtk_window_set_transient_for (editor, get_window (widget));
      g_object_set_data (G_OBJECT (kpi), KPI_EDITOR_KEY, editor);
      /* The reference keeps the KPI alive until the editor is gone, so the
       * notify can always clear the pointer. */
      g_object_weak_ref (G_OBJECT (editor), forget_editor_cb, g_object_ref (kpi));
    }

  gtk_window_present (editor);
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
  kpi = koers_kpi_new (_("New KPI"), KOERS_METRIC_KIND_NUMBER, NULL, KOERS_KPI_DIRECTION_HIGHER,
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

/* What Undo writes back: the KPI, or one value of it. */
typedef struct
{
  KoersStore    *store;
  KoersKpi      *kpi;
  KoersKpiValue *value; /* NULL when the KPI itself was deleted */
} Deleted;

static void
deleted_free (gpointer data)
{
  Deleted *deleted = data;

  g_clear_object (&deleted->store);
  g_clear_object (&deleted->kpi);
  g_clear_object (&deleted->value);
  g_free (deleted);
}

static gboolean
restore_cb (gpointer   data,
            GError   **error)
{
  Deleted *deleted = data;

  if (deleted->value != NULL)
    return koers_store_restore_kpi_value (deleted->store, deleted->kpi, deleted->value, error);

  return koers_store_restore_kpi (deleted->store, deleted->kpi, error);
}

gboolean
koers_kpi_editing_delete_kpi (GtkWidget  *widget,
                              KoersStore *store,
                              KoersKpi   *kpi)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  Deleted *entry;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (KOERS_IS_STORE (store), FALSE);
  g_return_val_if_fail (KOERS_IS_KPI (kpi), FALSE);

  /* Keep it: the store lets go of it when it deletes, the undo needs it. */
  entry = g_new0 (Deleted, 1);
  entry->store = g_object_ref (store);
  entry->kpi = g_object_ref (kpi);

  if (!koers_store_delete_kpi (store, kpi, &error))
    {
      koers_toasts_show_error (widget, error);
      deleted_free (entry);
      return FALSE;
    }

  /* A toast title is markup; the name is user text. */
  message = g_markup_printf_escaped (_("“%s” deleted"), koers_kpi_get_name (kpi));
  koers_toasts_offer_undo (widget, message, restore_cb, entry, deleted_free);
  return TRUE;
}

gboolean
koers_kpi_editing_delete_value (GtkWidget     *widget,
                                KoersStore    *store,
                                KoersKpiValue *value)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;
  KoersKpi *kpi;
  Deleted *entry;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (KOERS_IS_STORE (store), FALSE);
  g_return_val_if_fail (KOERS_IS_KPI_VALUE (value), FALSE);

  kpi = koers_store_get_kpi_value_kpi (store, value);
  if (kpi == NULL)
    return FALSE;

  entry = g_new0 (Deleted, 1);
  entry->store = g_object_ref (store);
  entry->kpi = g_object_ref (kpi);
  entry->value = g_object_ref (value);

  if (!koers_store_delete_kpi_value (store, value, &error))
    {
      koers_toasts_show_error (widget, error);
      deleted_free (entry);
      return FALSE;
    }

  date = koers_format_date_iso (koers_format_get_language (), koers_kpi_value_get_date (value));
  /* Translators: %s is a date, "1 May 2026". */
  message = g_markup_printf_escaped (_("Value of %s deleted"), date != NULL ? date : "?");
  koers_toasts_offer_undo (widget, message, restore_cb, entry, deleted_free);
  return TRUE;
}
