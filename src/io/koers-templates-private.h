/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "koers-templates.h"

G_BEGIN_DECLS

/* Shared by koers-templates.c (which reads templates.json) and
 * koers-template-kpis.c. */

typedef struct
{
  char *en;
  char *nl;
} KoersTemplateText;

struct _KoersTemplateKpi
{
  char              *key;
  char              *department_key;
  KoersTemplateText  name;
  KoersMetricKind    metric_kind;
  KoersTemplateText  unit;
  KoersKpiDirection  direction;
  double             healthy;
  double             attention;
  KoersKpiFrequency  frequency;
  double             demo_start;
  double             demo_end;
  double             demo_step;
  gboolean           demo_overdue;
};

/* The text in lang; "" when missing. */
static inline const char *
koers_template_text_get (const KoersTemplateText *text,
                         KoersLanguage            lang)
{
  const char *str = lang == KOERS_LANGUAGE_NL ? text->nl : text->en;

  return str != NULL ? str : "";
}

G_END_DECLS
