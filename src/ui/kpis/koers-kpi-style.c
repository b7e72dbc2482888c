/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-format-kpi.h"
#include "core/koers-format.h"
#include "core/koers-text.h"
#include "koers-kpi-style.h"
#include "widgets/koers-style.h"

void
koers_kpi_style_ensure (void)
{
  static GdkDisplay *styled_display = NULL;

  koers_style_load_once (&styled_display, "/io/github/koersapp/Koers/ui/kpis/kpi.css");
}

const char *
koers_kpi_style_get_status_icon (KoersKpiStatus status)
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
koers_kpi_style_get_status_css_class (KoersKpiStatus status)
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
koers_kpi_style_set_status_class (GtkWidget     *widget,
                                  KoersKpiStatus status)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (KoersKpiStatus s = KOERS_KPI_STATUS_NONE; s <= KOERS_KPI_STATUS_UNHEALTHY; s++)
    {
      if (s == status)
        gtk_widget_add_css_class (widget, koers_kpi_style_get_status_css_class (s));
      else
        gtk_widget_remove_css_class (widget, koers_kpi_style_get_status_css_class (s));
    }
}

char *
koers_kpi_style_format_value (KoersKpi *kpi,
                              double    value)
{
  g_return_val_if_fail (KOERS_IS_KPI (kpi), NULL);

  return koers_format_kpi_value (koers_format_get_language (), koers_kpi_get_metric_kind (kpi),
                                 koers_kpi_get_unit (kpi), value);
}

char *
koers_kpi_style_describe_thresholds (KoersKpi *kpi,
                                     gboolean  longer)
{
  gboolean         higher;
  g_autofree char *healthy = NULL;
  g_autofree char *attention = NULL;

  g_return_val_if_fail (KOERS_IS_KPI (kpi), NULL);

  higher = koers_kpi_get_direction (kpi) == KOERS_KPI_DIRECTION_HIGHER;
  healthy = koers_kpi_style_format_value (kpi, koers_kpi_get_healthy (kpi));
  attention = koers_kpi_style_format_value (kpi, koers_kpi_get_attention (kpi));

  if (!longer)
    {
      if (koers_kpi_get_healthy (kpi) == koers_kpi_get_attention (kpi))
        /* Translators: a pass/fail threshold, "Healthy ≥ 40". */
        return g_strdup_printf (higher ? _ ("Healthy ≥ %s") : _ ("Healthy ≤ %s"), healthy);
      return g_strdup_printf (higher
                                /* Translators: the two thresholds, short: "Healthy ≥ 40 · attention ≥ 30". */
                                ? _ ("Healthy ≥ %1$s · attention ≥ %2$s")
                                /* Translators: "Healthy ≤ 4 days · attention ≤ 8 days". */
                                : _ ("Healthy ≤ %1$s · attention ≤ %2$s"),
                              healthy, attention);
    }

  if (koers_kpi_get_healthy (kpi) == koers_kpi_get_attention (kpi))
    return g_strdup_printf (higher
                              /* Translators: %s is a value, "40". */
                              ? _ ("Healthy at %s or more, unhealthy below.")
                              : _ ("Healthy at %s or less, unhealthy above."),
                            healthy);

  return g_strdup_printf (higher
                            /* Translators: %1$s and %2$s are values: "Healthy at 40 or
                             * more, needs attention from 30, unhealthy below 30." */
                            ? _ ("Healthy at %1$s or more, needs attention from %2$s, unhealthy below %2$s.")
                            : _ ("Healthy at %1$s or less, needs attention up to %2$s, unhealthy above %2$s."),
                          healthy, attention);
}

char *
koers_kpi_style_dup_moved_by (KoersStore *store,
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
      g_autofree char *title = koers_text_isolate (koers_key_result_get_title (g_ptr_array_index (krs, i)));

      if (i > 0)
        /* Translators: between the titles of the key results that move a KPI. */
        g_string_append (out, C_ ("list separator", ", "));
      g_string_append (out, title);
    }

  return g_string_free (out, FALSE);
}
