/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "core/koers-capacity.h"
#include "core/koers-escalation.h"
#include "core/koers-period.h"
#include "core/koers-quality.h"
#include "core/koers-resource-request.h"
#include "koers-store.h"

G_BEGIN_DECLS

/* Capacity, resource requests and escalations (schema 7).  Read straight
 * from the file on each call (a few rows per department and quarter);
 * every write is one transaction, logged, and ends with "changed". */

/* The setting that holds the person-days of one FTE in a quarter. */
#define KOERS_STORE_SETTING_DAYS_PER_FTE "days-per-fte"

/* koers-store-capacity.c */

/* (transfer full) (element-type KoersCapacity): the capacities of period
 * (NULL: every period), by department and period. */
GPtrArray *koers_store_list_capacities (KoersStore        *self,
                                        const KoersPeriod *period,
                                        GError           **error);
/* (transfer full) (nullable): department_id's capacity in period. */
KoersCapacity *koers_store_get_capacity (KoersStore        *self,
                                         gint64             department_id,
                                         const KoersPeriod *period);
/* Sets it (days, budget of 0 or more and not above the maxima of
 * koers-capacity.h); anything else is refused and nothing is written. */
gboolean koers_store_set_capacity (KoersStore        *self,
                                   gint64             department_id,
                                   const KoersPeriod *period,
                                   double             days,
                                   double             budget,
                                   GError           **error);
/* The days-per-FTE setting (KOERS_CAPACITY_DEFAULT_DAYS_PER_FTE when it
 * holds nothing usable). */
double   koers_store_get_days_per_fte (KoersStore *self);
gboolean koers_store_set_days_per_fte (KoersStore *self,
                                       double      days,
                                       GError    **error);
/* Management's answer to an objective's request: approved or declined
 * (or requested again), with a note. */
gboolean koers_store_answer_request (KoersStore       *self,
                                     KoersObjective   *objective,
                                     KoersRequestState state,
                                     const char       *note,
                                     GError          **error);
/* (transfer full) (element-type KoersObjective): the objectives of period
 * with a resource request, by department and position. */
GPtrArray *koers_store_list_requests (KoersStore        *self,
                                      const KoersPeriod *period);

/* Sets input's capacities (of period) and escalated uuids, held by the
 * store until the next call: koers_store_init_quality_input() calls it. */
void koers_store_init_quality_capacity (KoersStore        *self,
                                        KoersQualityInput *input,
                                        const KoersPeriod *period);

/* koers-store-escalations.c */

/* (transfer full) (element-type KoersEscalation): newest first; only the
 * open ones with open_only. */
GPtrArray *koers_store_list_escalations (KoersStore *self,
                                         gboolean    open_only,
                                         GError    **error);
/* Escalates a committed objective, or one of its key results (kr
 * nullable), recording the store's author and now.  A blank reason or
 * help, or an aspirational objective, is refused and writes nothing.
 * *escalation (nullable) gets the new row (transfer full). */
gboolean koers_store_escalate (KoersStore       *self,
                               KoersObjective   *objective,
                               KoersKeyResult   *kr,
                               const char       *reason,
                               const char       *help,
                               KoersEscalation **escalation,
                               GError          **error);
/* Marks it resolved with the note, the store's author and now. */
gboolean koers_store_resolve_escalation (KoersStore *self,
                                         gint64      escalation_id,
                                         const char *resolution,
                                         GError    **error);
/* Open escalations of the objective (kr_id 0) or of the key result. */
guint koers_store_count_open_escalations (KoersStore *self,
                                          gint64      objective_id,
                                          gint64      kr_id);
/* Open escalations of any objective of the department. */
guint koers_store_count_department_escalations (KoersStore *self,
                                                gint64      department_id);
/* (transfer full): a set of the uuids (char *) of the objectives and key
 * results with an escalation, open or resolved, for the quality check. */
GHashTable *koers_store_get_escalated_uuids (KoersStore *self);

G_END_DECLS
