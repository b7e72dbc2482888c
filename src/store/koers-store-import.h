/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "koers-store.h"

G_BEGIN_DECLS

/* A bulk write, for JSON import and templates: entities that bring their
 * own uuids and stamps, written in ONE transaction.  An entity whose uuid
 * the database already has updates that row (every column, the stamps
 * included); any other is added.  Links go by uuid, to an entity of the
 * batch or of the database, so a batch may hold a whole tree.  Nothing is
 * deleted.
 *
 * The objects put are new ones, not the store's, and carry no children
 * (key results, check-ins and KPI values are put on their own, naming
 * their parent by uuid).  Every column is written, the review's (postmortem, final grade
 * and note, final score and note) included.  After a successful write an added object becomes the store's
 * own (as with koers_store_add_objective()); for an updated one the
 * store's object takes its values.  A failed write changes nothing, in the
 * file or in memory.  "changed" is emitted once. */
typedef struct _KoersStoreBatch KoersStoreBatch;

KoersStoreBatch *koers_store_batch_new              (void);
void             koers_store_batch_free             (KoersStoreBatch *self);
gboolean         koers_store_batch_is_empty         (KoersStoreBatch *self);

/* dept: uuid, name, emoji, sort-order, is-company, created and updated are
 * written.  parent_uuid: NULL for none.  replaces_uuid: an existing
 * department that takes dept's uuid and values (one matched by name), or
 * NULL. */
void             koers_store_batch_put_department   (KoersStoreBatch *self,
                                                     KoersDepartment *dept,
                                                     const char      *parent_uuid,
                                                     const char      *replaces_uuid);
void             koers_store_batch_put_objective    (KoersStoreBatch *self,
                                                     KoersObjective  *objective,
                                                     const char      *department_uuid,
                                                     const char      *aligned_to_uuid,
                                                     const char      *carried_over_from_uuid);
/* A key result with check-ins gets its latest check-in's value as
 * current-value, as every write of the store does. */
void             koers_store_batch_put_key_result   (KoersStoreBatch *self,
                                                     KoersKeyResult  *kr,
                                                     const char      *objective_uuid);
/* The same, with the KPI the key result moves (kpi_uuid: of the batch or
 * the database, NULL for none; kr's own kpi-id is not looked at). */
void             koers_store_batch_put_key_result_with_kpi (KoersStoreBatch *self,
                                                            KoersKeyResult  *kr,
                                                            const char      *objective_uuid,
                                                            const char      *kpi_uuid);
void             koers_store_batch_put_checkin      (KoersStoreBatch *self,
                                                     KoersCheckin    *checkin,
                                                     const char      *key_result_uuid);
/* kpi: uuid, name, unit, metric kind, direction, thresholds, frequency,
 * position and stamps are written; it carries no values. */
void             koers_store_batch_put_kpi          (KoersStoreBatch *self,
                                                     KoersKpi        *kpi,
                                                     const char      *department_uuid);
void             koers_store_batch_put_kpi_value    (KoersStoreBatch *self,
                                                     KoersKpiValue   *value,
                                                     const char      *kpi_uuid);
/* A quality finding a person dismissed (koers-store-review.h), with when
 * (µs since the epoch): added, or given the earlier time of the two when
 * the database has it already.  Dismissals are never removed. */
void             koers_store_batch_put_dismissed_finding (KoersStoreBatch *self,
                                                          const char      *key,
                                                          gint64           dismissed_at);
/* NULL (the default) leaves the organisation name as it is. */
void             koers_store_batch_set_organisation (KoersStoreBatch *self,
                                                     const char      *name);

gboolean         koers_store_write_batch            (KoersStore      *store,
                                                     KoersStoreBatch *batch,
                                                     GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersStoreBatch, koers_store_batch_free)

G_END_DECLS
