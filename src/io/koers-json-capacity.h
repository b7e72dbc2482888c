/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "koers-json-fields.h"
#include "koers-json-private.h"
#include "store/koers-store-capacity.h"

G_BEGIN_DECLS

/* Capacities and escalations (schema 7) in a JSON file: a department
 * lists its capacities per quarter, an objective its escalations (and
 * those of its key results, by the key result's uuid).  Kept whole by the
 * plan, as departments and KPIs are: there are few. */

/* The reader's checks across members: a capacity's days and budget lie
 * within koers-capacity.h's limits; a resolved escalation says when. */
gboolean koers_json_check_capacity (KoersJsonReader           *r,
                                    const char                *path,
                                    const KoersJsonFieldSpec  *specs,
                                    guint                      n_specs,
                                    const KoersJsonFieldValue *values);
gboolean koers_json_check_escalation (KoersJsonReader           *r,
                                      const char                *path,
                                      const KoersJsonFieldSpec  *specs,
                                      guint                      n_specs,
                                      const KoersJsonFieldValue *values);

/* The plan, once departments are matched: each one's database row and
 * outcome (a newer copy wins on merge, as for the other entities). */
void koers_json_plan_decide_capacity (KoersImportPlan *plan);

/* Writes what the plan decided, through its writer, once the objectives
 * and key results have their rows. */
gboolean koers_json_plan_write_capacity (KoersImportPlan  *plan,
                                         KoersStoreImport *writer,
                                         GError          **error);

G_END_DECLS

G_BEGIN_DECLS

/* The export: capacities by department id (gint64 key -> GPtrArray of
 * KoersCapacity, by period) of the departments in dept_ids (NULL: all)
 * and of the periods that share a day with one of periods (none: all);
 * escalations by objective id (-> GPtrArray of KoersEscalation, oldest
 * first).  NULL on error. */
GHashTable *koers_json_group_capacities (KoersStore        *store,
                                         const KoersPeriod *periods,
                                         guint              n_periods,
                                         GHashTable        *dept_ids,
                                         GError           **error);
GHashTable *koers_json_group_escalations (KoersStore *store,
                                          GError    **error);

G_END_DECLS
