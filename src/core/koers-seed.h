/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "koers-enums.h"
#include "koers-format.h"

G_BEGIN_DECLS

/* The seed (okr-kader.txt) as data: its nine departments and all its
 * example OKRs (the three company-wide objectives of section 3 and every
 * department's objectives of section 4).  Every text is held in both
 * languages, not through gettext, so that a demo database can be built in
 * either language whatever the session's catalogue is.  The Dutch texts
 * are the seed's own words. */

typedef struct
{
  const char *en;
  const char *nl;
} KoersSeedText;

/* The text in lang; "" for a NULL text or a missing translation. */
const char *koers_seed_text_get (const KoersSeedText *text,
                                 KoersLanguage        lang);

typedef struct
{
  const char   *key;    /* stable, ASCII: "finance", "customer-service" … */
  const char   *emoji;
  KoersSeedText name;   /* { "Finance", "Financiën" } */
} KoersSeedDepartment;

typedef struct
{
  KoersSeedText   title;
  KoersMetricKind metric_kind;
  /* Shown after the value: "days"/"dagen"; "" when the kind says it all
   * (a bare percentage, euros, a milestone). */
  KoersSeedText   unit;
  /* target < start for the seed's "verlaag/verminder/verkorten".  A
   * milestone goes from 0 to 1. */
  double          start;
  double          target;
  /* How far along the demo database shows it, 0..1. */
  double          demo_progress;
  /* "MM-DD" when the seed names a date ("vóór 30 augustus"), else NULL. */
  const char     *due_month_day;
  /* The seed's GDPR advice: the measurement uses staff or customer data. */
  gboolean        uses_personal_data;
  KoersSeedText   personal_data_note;
  /* The key of the seed KPI it moves (koers_seed_find_kpi()), or NULL. */
  const char     *kpi;
} KoersSeedKeyResult;

typedef struct
{
  /* Index into koers_seed_get_departments(), or -1 for the company level. */
  int                       department;
  KoersSeedText             title;
  KoersObjectiveKind        kind;
  /* KOERS_PERIOD_KIND_YEAR or _QUARTER: the demo puts it in the current
   * year or quarter. */
  KoersPeriodKind           period_kind;
  KoersSeedText             owner;
  /* For a department objective: the index (into koers_seed_get_objectives(),
   * whose first entries are the company objectives) of the company
   * objective it supports; -1 when none.  Always -1 for company ones. */
  int                       aligned_to;
  const KoersSeedKeyResult *key_results;
  guint                     n_key_results;
} KoersSeedObjective;

/* KPIs next to the OKRs (the seed: "Gebruik OKR's samen met KPI's in
 * rapportering aan de raad van bestuur"): the health metrics that keep
 * running, a few per department, taken from the seed's examples where it
 * has them ("5.000 websitebezoeken/maand", churn, outages). */
typedef struct
{
  const char        *key;         /* stable, ASCII: "nps", "website-visits" … */
  /* Index into koers_seed_get_departments(), or -1 for the company level. */
  int                department;
  KoersSeedText      name;
  KoersMetricKind    metric_kind;
  KoersSeedText      unit;        /* "" when the kind says it all */
  KoersKpiDirection  direction;
  double             healthy;     /* the thresholds, see koers-kpi-status.h */
  double             attention;
  KoersKpiFrequency  frequency;
  /* The demo's history goes from demo_start to demo_end (with some
   * noise), each value rounded to a multiple of demo_step. */
  double             demo_start;
  double             demo_end;
  double             demo_step;
  /* The demo's last value is older than the frequency: an update is due. */
  gboolean           demo_overdue;
} KoersSeedKpi;

/* The nine departments, in the seed's order. */
const KoersSeedDepartment *koers_seed_get_departments      (guint *n_departments);
const char                *koers_seed_department_get_name  (const KoersSeedDepartment *department,
                                                            KoersLanguage              lang);
/* Index of the department with that key, or -1. */
int                        koers_seed_find_department      (const char *key);

/* All objectives: the company's first (department -1), then each
 * department's, in the seed's order. */
const KoersSeedObjective  *koers_seed_get_objectives       (guint *n_objectives);
/* How many of those are company objectives (they come first). */
guint                      koers_seed_get_n_company_objectives (void);

/* The seed's KPIs, by department in the seed's order. */
const KoersSeedKpi        *koers_seed_get_kpis             (guint *n_kpis);
/* Index of the KPI with that key, or -1. */
int                        koers_seed_find_kpi             (const char *key);
const char                *koers_seed_kpi_get_name         (const KoersSeedKpi *kpi,
                                                            KoersLanguage       lang);

/* The value the demo database shows: start + (target - start) × progress,
 * rounded to what the unit makes sensible; 1 or 0 for a milestone. */
double                     koers_seed_key_result_get_demo_value (const KoersSeedKeyResult *kr);
/* The due date in year as ISO 8601, or NULL when the seed names none. */
char                      *koers_seed_key_result_get_due_date   (const KoersSeedKeyResult *kr,
                                                                 int                       year);

G_END_DECLS
