/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "koers-format-kpi.h"

char *
koers_format_kpi_value (KoersLanguage   lang,
                        KoersMetricKind kind,
                        const char     *unit,
                        double          value)
{
  g_autofree char *text = koers_format_metric (lang, kind, unit, value);
  g_autofree char *short_percent = NULL;
  g_autofree char *precise = NULL;

  if (kind != KOERS_METRIC_KIND_PERCENTAGE)
    return g_steal_pointer (&text);

  short_percent = koers_format_percent (lang, value, 1);
  precise = koers_format_percent (lang, value, 3);
  if (g_str_has_prefix (text, short_percent))
    return g_strconcat (precise, text + strlen (short_percent), NULL);

  return g_steal_pointer (&text);
}
