/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "core/koers-format.h"
#include "store/koers-store.h"

G_BEGIN_DECLS

/* The seed's example OKRs as templates: the three company-wide objectives
 * and two per department, each with its key results, in English and
 * Dutch.  They ship as JSON in a GResource (src/io/templates.json), the
 * one place the app holds them: the template picker and --create-demo
 * both build on them; test-templates checks them against the seed's own
 * Dutch words. */

typedef struct _KoersTemplate KoersTemplate;

/* All templates, company first, in the seed's order; owned by the
 * library (transfer none).  Loaded on first use. */
const KoersTemplate *const *koers_templates_get_all (guint *n_templates);
/* The templates of a department, by the seed's key ("finance",
 * "customer-service" …); NULL for the company level.  A new array of
 * borrowed pointers, sorted by title in lang. */
GPtrArray           *koers_templates_list (const char   *department_key,
                                           KoersLanguage lang);
const KoersTemplate *koers_templates_find (const char *id);
/* The seed department a store department is, by its name in either
 * language ("Financiën" and "Finance" both give "finance"), or NULL. */
const char *koers_templates_get_department_key (KoersStore      *store,
                                                KoersDepartment *dept);

/* "finance-1"; the department key is NULL for the company level. */
const char        *koers_template_get_id (const KoersTemplate *self);
const char        *koers_template_get_department_key (const KoersTemplate *self);
const char        *koers_template_get_title (const KoersTemplate *self,
                                             KoersLanguage        lang);
const char        *koers_template_get_owner (const KoersTemplate *self,
                                             KoersLanguage        lang);
KoersObjectiveKind koers_template_get_kind (const KoersTemplate *self);
/* KOERS_PERIOD_KIND_QUARTER or _YEAR. */
KoersPeriodKind koers_template_get_period_kind (const KoersTemplate *self);
/* The id of the company template it supports, or NULL. */
const char *koers_template_get_aligned_to (const KoersTemplate *self);
guint       koers_template_get_n_key_results (const KoersTemplate *self);
const char *koers_template_get_key_result_title (const KoersTemplate *self,
                                                 guint                index,
                                                 KoersLanguage        lang);

/* Everything about a key result of a template, texts in one language
 * (borrowed, valid as long as the program runs): for a preview in the UI,
 * or a demo that builds on the templates. */
typedef struct
{
  const char     *title;
  KoersMetricKind metric_kind;
  const char     *unit;
  double          start;
  double          target;
  double          demo_progress; /* 0..1: how far along a demo shows it */
  const char     *due_month_day; /* "MM-DD" or NULL */
  gboolean        uses_personal_data;
  const char     *personal_data_note;
  const char     *kpi; /* the key of the KPI template it moves, or NULL */
} KoersTemplateKeyResult;

void koers_template_get_key_result (const KoersTemplate    *self,
                                    guint                   index,
                                    KoersLanguage           lang,
                                    KoersTemplateKeyResult *out);

/* Adds the template's objective with its key results (current value at
 * the start, due dates in the period's year) to dept in period, in one
 * write.  When the template supports a company template and dept's period
 * holds an objective made from it (the same title in either language, at
 * the company level), the new objective is aligned to it.  Returns the
 * store's new objective (transfer none). */
KoersObjective *koers_template_instantiate (const KoersTemplate *self,
                                            KoersStore          *store,
                                            KoersDepartment     *dept,
                                            const char          *period,
                                            KoersLanguage        lang,
                                            GError             **error);

/* Every template, into the company level and the store's departments
 * that are the seed's (by name, see koers_templates_get_department_key;
 * templates of a missing department are left out), in the quarter or year
 * of today, department objectives aligned to the company's: ONE write.
 * demo_values: current values from the templates' demo progress, as
 * koers_template_demo_value() (koers-templates-private.h) rounds them;
 * else at the start.  This is what --create-demo builds its objectives
 * from.  Returns the number of objectives added, or -1 with error set. */
int koers_templates_instantiate_all (KoersStore   *store,
                                     KoersLanguage lang,
                                     const GDate  *today,
                                     gboolean      demo_values,
                                     GError      **error);

/* The seed's KPIs as templates (the "kpis" of templates.json): a few
 * health metrics per department, in English and Dutch. */
typedef struct _KoersTemplateKpi KoersTemplateKpi;

/* Everything about a KPI template, texts in one language (borrowed, valid
 * as long as the program runs).  demo_*: the history a demo database
 * shows, from demo_start to demo_end in multiples of demo_step, its last
 * value older than the frequency when demo_overdue. */
typedef struct
{
  const char       *key;
  const char       *department_key;
  const char       *name;
  KoersMetricKind   metric_kind;
  const char       *unit;
  KoersKpiDirection direction;
  double            healthy;
  double            attention;
  KoersKpiFrequency frequency;
  double            demo_start;
  double            demo_end;
  double            demo_step;
  gboolean          demo_overdue;
} KoersTemplateKpiInfo;

/* All KPI templates in the seed's order (transfer none). */
const KoersTemplateKpi *const *koers_templates_get_kpis (guint *n_kpis);
/* The KPI templates of a department by key (NULL: the company level's,
 * which has none today): a new array of borrowed pointers, sorted by name
 * in lang. */
GPtrArray              *koers_templates_list_kpis (const char   *department_key,
                                                   KoersLanguage lang);
const KoersTemplateKpi *koers_templates_find_kpi (const char *key);

const char *koers_template_kpi_get_key (const KoersTemplateKpi *self);
const char *koers_template_kpi_get_name (const KoersTemplateKpi *self,
                                         KoersLanguage           lang);
void        koers_template_kpi_get_info (const KoersTemplateKpi *self,
                                         KoersLanguage           lang,
                                         KoersTemplateKpiInfo   *out);
/* Whether dept has a KPI of this name (in either language) already. */
gboolean koers_template_kpi_is_in_department (const KoersTemplateKpi *self,
                                              KoersStore             *store,
                                              KoersDepartment        *dept);
/* A new KPI without values for dept, not in a store (transfer full). */
KoersKpi *koers_template_kpi_build (const KoersTemplateKpi *self,
                                    KoersDepartment        *dept,
                                    KoersLanguage           lang);
/* Adds the KPI (no values yet) to dept.  Returns the store's new KPI
 * (transfer none), or NULL with error set. */
KoersKpi *koers_template_kpi_instantiate (const KoersTemplateKpi *self,
                                          KoersStore             *store,
                                          KoersDepartment        *dept,
                                          KoersLanguage           lang,
                                          GError                **error);

G_END_DECLS
