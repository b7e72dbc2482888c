/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "koers-templates.h"

G_BEGIN_DECLS

/* Shared by koers-templates.c (which reads templates.json),
 * koers-template-kpis.c and koers-demo.c. */

typedef struct
{
  char *en;
  char *nl;
} KoersTemplateText;

/* The info in one language is info with name and unit taken from the
 * texts. */
struct _KoersTemplateKpi
{
  KoersTemplateKpiInfo info; /* name and unit NULL */
  KoersTemplateText    name;
  KoersTemplateText    unit;
};

/* The text in lang; "" when missing. */
static inline const char *
koers_template_text_get (const KoersTemplateText *text,
                         KoersLanguage            lang)
{
  const char *str = lang == KOERS_LANGUAGE_NL ? text->nl : text->en;

  return str != NULL ? str : "";
}

/* The value a demo shows for a key result that has come progress (0..1)
 * of the way from start to target, rounded to what the range makes
 * sensible: whole units over wide ranges ("42 leads"), one decimal over
 * narrow ones ("7,6 op 10"); 1 or 0 for a milestone. */
double koers_template_demo_value (KoersMetricKind metric_kind,
                                  double          start,
                                  double          target,
                                  double          progress);
/* A template's due date ("MM-DD", as in templates.json) in year as ISO
 * 8601; NULL when month_day is NULL or no day of that year. */
char *koers_template_due_date (const char *month_day,
                               int         year);

G_END_DECLS
