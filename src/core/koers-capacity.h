/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "koers-format.h"
#include "koers-period.h"

G_BEGIN_DECLS

/* What a department or team has in a quarter (the method: "Teamleiders
 * schatten de benodigde middelen in en vragen deze elk kwartaal aan"):
 * person-days and a budget in euro.  One per department and period.
 * Properties: id, uuid, department-id, period ("2026-Q3"), days, budget,
 * created, updated. */
#define KOERS_TYPE_CAPACITY (koers_capacity_get_type ())
G_DECLARE_FINAL_TYPE (KoersCapacity, koers_capacity, KOERS, CAPACITY, GObject)

/* Person-days in a full-time year's quarter, the days-per-FTE setting's
 * default. */
#define KOERS_CAPACITY_DEFAULT_DAYS_PER_FTE 60.0
/* The largest capacity one can enter: more is a typing error. */
#define KOERS_CAPACITY_MAX_DAYS 1e6
#define KOERS_CAPACITY_MAX_BUDGET 1e12

KoersCapacity *koers_capacity_new (gint64      department_id,
                                   const char *period,
                                   double      days,
                                   double      budget);
gint64         koers_capacity_get_id (KoersCapacity *self);
const char    *koers_capacity_get_uuid (KoersCapacity *self);
gint64         koers_capacity_get_department_id (KoersCapacity *self);
const char    *koers_capacity_get_period (KoersCapacity *self);
double         koers_capacity_get_days (KoersCapacity *self);
double         koers_capacity_get_budget (KoersCapacity *self);

/* How a department's effort stands against its capacity in a period. */
typedef struct
{
  gboolean has_capacity;  /* a capacity is set for the department and period */
  double   available;     /* person-days: the capacity plus approved requests */
  double   budget;        /* euro: the capacity's plus approved requests' */
  double   committed;     /* the effort of its committed objectives */
  double   aspirational;  /* the effort of its aspirational objectives */
  double   requested;     /* person-days asked in requests not answered yet */
  guint    n_objectives;  /* active objectives in the period */
  guint    n_unestimated; /* committed objectives without an effort */
  guint    n_requests;    /* objectives with a resource request */
} KoersCapacityUse;

/* Adds up the objectives (KoersObjective items; archived ones do not
 * count) of department_id whose period is period; capacity (nullable) is
 * the department's for the period. */
void koers_capacity_use_compute (KoersCapacityUse  *use,
                                 GListModel        *objectives,
                                 gint64             department_id,
                                 const KoersPeriod *period,
                                 KoersCapacity     *capacity);

/* Committed and committed + aspirational effort as a share of what is
 * available (1.0 is all of it); 0 without a capacity. */
double koers_capacity_use_get_committed_share (const KoersCapacityUse *use);
double koers_capacity_use_get_total_share (const KoersCapacityUse *use);

/* The words next to the bar, in the interface language: "Committed work
 * uses 85% of capacity; with aspirational work 118%." */
char *koers_capacity_use_describe (const KoersCapacityUse *use);

/* Person-days for a number of FTE, and back. */
double koers_capacity_fte_to_days (double fte,
                                   double days_per_fte);

/* Reads a number of person-days, a budget or an effort as typed in the
 * interface language: empty is 0; negative, not a number or above max
 * is refused with a translated message (what) naming the field. */
gboolean koers_capacity_parse_amount (const char *text,
                                      double      max,
                                      double     *out,
                                      GError    **error);

G_END_DECLS
