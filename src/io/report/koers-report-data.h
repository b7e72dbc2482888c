/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "koers-report.h"

G_BEGIN_DECLS

/* A snapshot of the part of the model the report shows, in plain structs
 * that nothing changes after collection.  It is taken on the thread that
 * owns the store, so the layout can run in a worker thread while the user
 * goes on editing. */

typedef struct _KoersReportDepartment KoersReportDepartment;
typedef struct _KoersReportObjective  KoersReportObjective;

typedef struct
{
  char              *date; /* ISO */
  GDate              gdate;
  double             value;
  KoersCheckinStatus status;
  char              *note;
} KoersReportCheckin;

typedef struct
{
  gint64                id;
  KoersReportObjective *objective; /* the one that holds it */
  char                 *title;
  char                 *owner;
  char                 *unit;
  KoersMetricKind       metric_kind;
  double                start;
  double                target;
  double                current;
  double                progress;
  double                expected; /* on the report date */
  KoersKrStatus         status;
  char                 *due_date; /* ISO or NULL */
  gboolean              uses_personal_data;
  char                 *personal_data_note;
  /* KoersReportCheckin, oldest first (the order a chart draws them). */
  GPtrArray *checkins;
  /* The newest check-in, or NULL. */
  KoersReportCheckin *latest;
} KoersReportKeyResult;

struct _KoersReportObjective
{
  gint64                 id;
  KoersReportDepartment *department;
  char                  *title;
  char                  *owner;
  KoersLevel             level;
  KoersObjectiveKind     kind;
  KoersObjectiveState    state;
  KoersPeriod            period;
  gboolean               has_period;
  gint64                 aligned_to_id;
  /* Aligned to an objective that is archived: so to none. */
  gboolean aligned_to_archived;
  double   score;
  /* The objective's own status: its score against expected progress. */
  KoersKrStatus status;
  GPtrArray    *key_results; /* KoersReportKeyResult */
  char         *dest;        /* PDF destination name */
  /* Outside the report's departments (department NULL): its department's
   * name, for the alignment page. */
  char *outside_department;
};

/* One value of a KPI. */
typedef struct
{
  char  *date; /* ISO */
  GDate  gdate;
  double value;
  char  *note;
} KoersReportKpiValue;

/* A KPI as it stood at the report's end (the period's end, or the report
 * date when that comes first): see koers-report-kpis.h. */
typedef struct
{
  gint64                 id;
  KoersReportDepartment *department;
  char                  *name;
  char                  *unit;
  KoersMetricKind        metric_kind;
  KoersKpiDirection      direction;
  double                 healthy;
  double                 attention;
  KoersKpiFrequency      frequency;
  gboolean               has_value;
  double                 current;     /* the latest value by then */
  char                  *last_update; /* its date, ISO, or NULL */
  KoersKpiStatus         status;      /* of current; NONE without a value */
  gboolean               update_due;  /* on the report's end */
  /* KoersReportKpiValue of the period, oldest first, after the one before
   * the period (where its line comes from), if any. */
  GPtrArray *values;
  gboolean   has_before; /* values[0] is that one */
  /* Titles of the key results in the period that move it. */
  GPtrArray *moved_by;
} KoersReportKpi;

struct _KoersReportDepartment
{
  gint64   id;
  char    *name;
  gboolean is_company;
  /* A team's department, else 0. */
  gint64     parent_id;
  GPtrArray *objectives; /* KoersReportObjective, not owned */
  GPtrArray *kpis;       /* KoersReportKpi, owned */
  double     score;
  guint      n_key_results;
  char      *dest;
  /* Its mean score against what was expected by the report date. */
  KoersKrStatus status;
  /* The mean score of its objectives in the period before (the quarter
   * before a quarter), when it had any. */
  gboolean has_previous;
  double   previous_score;
  guint    n_previous;
  /* Whether the report has a section for it (a whole-company report
   * leaves out a department with neither objectives nor KPIs). */
  gboolean in_report;
};

typedef struct
{
  KoersLanguage language;
  gboolean      include_notes;
  char         *organisation;
  KoersPeriod   period;
  GDate         generated;
  gboolean      whole_company;
  /* Departments in the report, company first, in the store's order, each
   * team right after its department. */
  GPtrArray *departments; /* KoersReportDepartment, owned */
  /* Every objective in the report, in department order. */
  GPtrArray *objectives; /* KoersReportObjective, owned */
  /* Company objectives in the period, for alignment, also when the company
   * level itself is not in the report: id -> KoersReportObjective (owned
   * by objectives or by extra_objectives). */
  GHashTable *objective_by_id;
  GPtrArray  *extra_objectives;
  guint       n_key_results;
  /* Capacity, requests and escalations (koers-report-capacity.c). */
  struct _KoersReportCapacity *capacity;
  /* The period before, for the change since then. */
  KoersPeriod previous_period;
  /* Departments (not the company level) with no objectives in the
   * period, in the store's order; those without a section of their own
   * (in_report FALSE) are owned here. */
  GPtrArray *without_okrs;
  GPtrArray *left_out;
  /* The strings of every record above (and of its KPIs), freed with the
   * data: a whole company's report holds hundreds of thousands, many of
   * them alike (dates, owners, units). */
  GStringChunk *strings;
} KoersReportData;

KoersReportData *koers_report_data_collect (KoersStore               *store,
                                            const KoersReportOptions *opts);
void             koers_report_data_free (KoersReportData *data);
/* text kept in data->strings (equal texts share one copy), or NULL for
 * NULL: how a record of the snapshot holds a string. */
char *koers_report_data_keep (const KoersReportData *data,
                              const char            *text);

/* Derived figures for the summary. */
typedef struct
{
  double score;
  guint  objectives_by_status[KOERS_KR_STATUS_OFF_TRACK + 1];
  guint  key_results_by_status[KOERS_KR_STATUS_OFF_TRACK + 1];
  guint  committed_achieved;
  guint  committed_missed;
  guint  committed_open;
  guint  n_aspirational;
  double aspirational_mean;
} KoersReportTotals;

void koers_report_data_get_totals (const KoersReportData *data,
                                   KoersReportTotals     *out);
/* At-risk and off-track key results, worst first (not owned). */
GPtrArray *koers_report_data_list_risks (const KoersReportData *data);
/* Committed objectives whose period has ended with a score below 1. */
gboolean koers_report_objective_is_missed (const KoersReportData      *data,
                                           const KoersReportObjective *objective);

/* Aligned: to an objective the report knows (in it, or one it supports
 * outside it), one level up. */
gboolean koers_report_objective_is_aligned (const KoersReportData      *data,
                                            const KoersReportObjective *objective);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersReportData, koers_report_data_free)

G_END_DECLS
