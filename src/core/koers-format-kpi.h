/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "koers-enums.h"
#include "koers-format.h"

G_BEGIN_DECLS

/* A KPI's value with its unit, as koers_format_metric() writes it, but a
 * percentage with the digits a health metric near its threshold needs:
 * one decimal would make an uptime of 99.95% "100%".  The window's KPI
 * rows and the board report both show values this way. */
char *koers_format_kpi_value (KoersLanguage   lang,
                              KoersMetricKind kind,
                              const char     *unit,
                              double          value);

G_END_DECLS
