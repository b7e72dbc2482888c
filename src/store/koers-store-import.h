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

/* The kinds of entity a batch writes, owners first. */
typedef enum
{
  KOERS_BATCH_DEPARTMENT,
  KOERS_BATCH_OBJECTIVE,
  KOERS_BATCH_KEY_RESULT,
  KOERS_BATCH_CHECKIN,
  KOERS_BATCH_KPI,
  KOERS_BATCH_KPI_VALUE,
  KOERS_BATCH_N_KINDS
} KoersBatchKind;

KoersStoreBatch *koers_store_batch_new (void);
void             koers_store_batch_free (KoersStoreBatch *self);
gboolean         koers_store_batch_is_empty (KoersStoreBatch *self);

/* dept: uuid, name, emoji, sort-order, is-company, created and updated are
 * written.  parent_uuid: NULL for none.  replaces_uuid: an existing
 * department that takes dept's uuid and values (one matched by name), or
 * NULL. */
void koers_store_batch_put_department (KoersStoreBatch *self,
                                       KoersDepartment *dept,
                                       const char      *parent_uuid,
                                       const char      *replaces_uuid);
void koers_store_batch_put_objective (KoersStoreBatch *self,
                                      KoersObjective  *objective,
                                      const char      *department_uuid,
                                      const char      *aligned_to_uuid,
                                      const char      *carried_over_from_uuid);
/* Any kind of entity with the uuid of its owner (NULL for none): a key
 * result, check-in, KPI (uuid, name, unit, metric kind, direction,
 * thresholds, frequency, position and stamps are written) or KPI value.
 * The object carries none of its own key results, check-ins or values:
 * those are entries of their own.  A key result with check-ins gets its
 * latest check-in's value as current-value, as every write of the store
 * does. */
void koers_store_batch_put (KoersStoreBatch *self,
                            KoersBatchKind   kind,
                            gpointer         object,
                            const char      *owner_uuid);
/* A key result with the KPI it moves (kpi_uuid: of the batch or the
 * database, NULL for none; kr's own kpi-id is not looked at). */
void koers_store_batch_put_key_result_with_kpi (KoersStoreBatch *self,
                                                KoersKeyResult  *kr,
                                                const char      *objective_uuid,
                                                const char      *kpi_uuid);
/* A quality finding a person dismissed (koers-store-review.h), with when
 * (µs since the epoch): added, or given the earlier time of the two when
 * the database has it already.  Dismissals are never removed. */
void koers_store_batch_put_dismissed_finding (KoersStoreBatch *self,
                                              const char      *key,
                                              gint64           dismissed_at);
/* The database row the entity put last of that kind writes (an update of
 * that row, whatever uuid it has), as a plan found it; without it, the
 * row with the entity's uuid (or replaces_uuid) in the model is updated,
 * else a row is added. */
void koers_store_batch_set_last_row (KoersStoreBatch *self,
                                     KoersBatchKind   kind,
                                     gint64           row_id);
/* NULL (the default) leaves the organisation name as it is. */
void koers_store_batch_set_organisation (KoersStoreBatch *self,
                                         const char      *name);

gboolean koers_store_write_batch (KoersStore      *store,
                                  KoersStoreBatch *batch,
                                  GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersStoreBatch, koers_store_batch_free)

/* An import of any size (koers-json-import.c): its plan looks rows up by
 * uuid inside one transaction, then the same transaction writes the
 * departments and KPIs (a batch, they are few) and streams the objectives,
 * key results, check-ins and change log entries, one row at a time.
 *
 * write: the write transaction (BEGIN IMMEDIATE: another writer waits or
 * fails here, never halfway); else a read snapshot, for a plan that is
 * only shown.  Freeing an import that was not committed rolls it back:
 * nothing of it is in the file. */
typedef struct _KoersStoreImport KoersStoreImport;

KoersStoreImport *koers_store_import_begin (KoersStore *store,
                                            gboolean    write,
                                            GError    **error);
void              koers_store_import_free (KoersStoreImport *self);

/* A row of the database as a new object (not the model's), with the
 * uuids of what it links to. */
typedef struct
{
  GObject *object;
  gint64   id;
  gint64   owner_id; /* parent (0: none), department, objective, key result, KPI */
  char    *owner_uuid;
  char    *aligned_uuid; /* objectives */
  char    *carried_uuid; /* objectives */
  char    *kpi_uuid;     /* key results */
} KoersStoredRow;

void koers_stored_row_free (KoersStoredRow *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersStoredRow, koers_stored_row_free)

/* The row of that kind with that uuid (any case), or NULL: none, or an
 * error (then set). */
KoersStoredRow *koers_store_import_find (KoersStoreImport *self,
                                         KoersBatchKind    kind,
                                         const char       *uuid,
                                         GError          **error);
/* koers-store-import-capacity.c: capacities and escalations (schema 7).
 * A capacity is found by uuid, else as the department's for the period;
 * an escalation by uuid.  NULL: none, or an error (then set). */
KoersStoredRow *koers_store_import_find_capacity (KoersStoreImport *self,
                                                  const char       *uuid,
                                                  gint64            department_id,
                                                  const char       *period,
                                                  GError          **error);
KoersStoredRow *koers_store_import_find_escalation (KoersStoreImport *self,
                                                    const char       *uuid,
                                                    GError          **error);
/* Writes a KoersCapacity or KoersEscalation (its links set to rows of
 * this database) as the row row_id, or as a new row (row_id 0). */
gboolean koers_store_import_put_row (KoersStoreImport *self,
                                     GObject          *object,
                                     gint64            row_id,
                                     GError          **error);
/* Every department (KoersStoredRow), company first, then by sort order. */
GPtrArray *koers_store_import_list_departments (KoersStoreImport *self,
                                                GError          **error);
/* When key was dismissed: *found FALSE when it was not. */
gboolean koers_store_import_find_dismissal (KoersStoreImport *self,
                                            const char       *key,
                                            gboolean         *found,
                                            gint64           *dismissed_at,
                                            GError          **error);
/* The organisation name, "" when there is none; NULL on error. */
char *koers_store_import_get_organisation (KoersStoreImport *self,
                                           GError          **error);
/* Whether the change log holds an entry with key. */
gboolean koers_store_import_has_change (KoersStoreImport *self,
                                        const char       *key,
                                        gboolean         *has,
                                        GError          **error);

/* Writing (write imports only).  The batch: departments, KPIs, KPI values,
 * dismissals and the organisation name; objectives, key results and
 * check-ins go one at a time after it. */
gboolean koers_store_import_write_batch (KoersStoreImport *self,
                                         KoersStoreBatch  *batch,
                                         GError          **error);
/* The row id of an entity of the batch or the database, 0 for none. */
gboolean koers_store_import_find_id (KoersStoreImport *self,
                                     KoersBatchKind    kind,
                                     const char       *uuid,
                                     gint64           *id,
                                     GError          **error);
/* row_id: the row it updates, 0 to add one.  Every column is written,
 * the links to other objectives as none (link_objective() sets them once
 * every objective has its row).  *id: its row. */
gboolean koers_store_import_put_objective (KoersStoreImport *self,
                                           KoersObjective   *objective,
                                           gint64            row_id,
                                           gint64            department_id,
                                           gint64           *id,
                                           GError          **error);
gboolean koers_store_import_link_objective (KoersStoreImport *self,
                                            gint64            id,
                                            gint64            aligned_to_id,
                                            gint64            carried_over_from_id,
                                            GError          **error);
/* old_objective_id: where an updated key result was (0: a new one). */
gboolean koers_store_import_put_key_result (KoersStoreImport *self,
                                            KoersKeyResult   *kr,
                                            gint64            row_id,
                                            gint64            objective_id,
                                            gint64            kpi_id,
                                            gint64            old_objective_id,
                                            gint64           *id,
                                            GError          **error);
/* old_key_result_id: where an updated check-in was (0: a new one). */
gboolean koers_store_import_put_checkin (KoersStoreImport *self,
                                         KoersCheckin     *checkin,
                                         gint64            row_id,
                                         gint64            key_result_id,
                                         gint64            old_key_result_id,
                                         gint64           *id,
                                         GError          **error);
/* An entry of another database's change log, as its file holds it. */
typedef struct
{
  const char *key;
  gint64      at; /* µs since the epoch */
  const char *author;
  const char *entity;
  const char *uuid;
  const char *parent;
  const char *op;
  const char *fields; /* JSON */
} KoersStoreLogEntry;

/* Adds entry to the change log, unless this one has its key (*added says
 * which). */
gboolean koers_store_import_put_change (KoersStoreImport         *self,
                                        const KoersStoreLogEntry *entry,
                                        gboolean                 *added,
                                        GError                  **error);
/* Key results take their latest check-in's value, the transaction
 * commits, and the model shows what was written: departments and KPIs,
 * and the objectives it holds (or, for a store that loads by period, of
 * the periods it loaded).  "changed" is emitted once. */
gboolean koers_store_import_commit (KoersStoreImport *self,
                                    GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersStoreImport, koers_store_import_free)

/* Reads for exports of any size (koers-json-export.c), straight from the
 * database and never through the model, which may hold only some periods.
 *
 * A snapshot: every read until end_snapshot (these, and
 * koers_store_foreach_objective() and koers_store_foreach_change() called
 * in between) sees one state of the database, however many other
 * processes commit meanwhile.  Nests. */
gboolean koers_store_begin_snapshot (KoersStore *store,
                                     GError    **error);
void     koers_store_end_snapshot (KoersStore *store);

typedef struct
{
  gint64 id;
  gint64 department_id;
  gint64 aligned_to_id;        /* 0: none */
  gint64 carried_over_from_id; /* 0: none */
  char  *uuid;
  char  *period;
} KoersObjectiveRef;

/* Every objective's id, uuid, department, period and links, without key
 * results (one row each: cheap), by id.  New array; clearing it frees the
 * strings. */
GArray *koers_store_list_objective_refs (KoersStore *store,
                                         GError    **error);

/* The change log as rows, for exports of the whole log: as
 * koers_store_foreach_change() (after after_seq, oldest first, in one
 * read transaction), without making a KoersChange of each or parsing its
 * fields: the texts are borrowed for the call only. */
typedef struct
{
  gint64      seq;
  const char *key;
  gint64      at;
  const char *author;
  const char *entity;
  const char *uuid;
  const char *parent; /* NULL for none */
  const char *op;
  const char *fields; /* the log's JSON object */
} KoersChangeRow;

typedef gboolean (*KoersStoreChangeRowFunc) (const KoersChangeRow *row,
                                             gpointer              user_data,
                                             GError              **error);

gboolean koers_store_foreach_change_row (KoersStore             *store,
                                         gint64                  after_seq,
                                         KoersStoreChangeRowFunc func,
                                         gpointer                user_data,
                                         GError                **error);

/* One (objective id, KPI id) pair per key result that moves a KPI. */
typedef struct
{
  gint64 objective_id;
  gint64 kpi_id;
} KoersKeyResultKpi;

GArray *koers_store_list_key_result_kpis (KoersStore *store,
                                          GError    **error);

G_END_DECLS
