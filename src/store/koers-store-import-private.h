/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by koers-store-import.c (the SQL) and koers-store-import-apply.c
 * (the objects after COMMIT). */

#include "koers-store-import.h"
#include "koers-store-private.h"

G_BEGIN_DECLS

typedef struct
{
  KoersBatchKind kind;
  GObject       *object;   /* the batch's own */
  GObject       *existing; /* the store's with that uuid, or NULL: added */
  char          *uuid;
  char          *owner_uuid; /* parent, department, objective, key result or KPI */
  char          *aligned_uuid;
  char          *carried_uuid;
  char          *replaces_uuid;
  char          *kpi_uuid; /* key results */
  gint64         id;
  gint64         owner_id;
  gint64         aligned_id;
  gint64         carried_id;
  gint64         kpi_id;
  gint64         row_id; /* the row a plan found, or 0 */
} KoersBatchEntry;

typedef struct
{
  char  *key;
  gint64 dismissed_at;
} KoersBatchDismissal;

struct _KoersStoreBatch
{
  GPtrArray *entries[KOERS_BATCH_N_KINDS];
  GPtrArray *dismissals; /* KoersBatchDismissal */
  char      *organisation;
};

/* What one write needs to find: the store's entities by uuid (keys are
 * copies: an update may change an object's uuid), and the batch's. */
typedef struct
{
  KoersStore      *store;
  KoersStoreBatch *batch;
  GHashTable      *stored[KOERS_BATCH_N_KINDS];  /* uuid -> GObject (a reference) */
  GHashTable      *batched[KOERS_BATCH_N_KINDS]; /* uuid -> KoersBatchEntry (borrowed) */
  GHashTable      *synced;                       /* key result id -> KoersSyncedValue */
} KoersBatchWrite;

typedef struct
{
  gboolean has_current;
  double   current_value;
} KoersSyncedValue;

/* For koers-store-import-capacity.c: the import's store, and a note
 * that it wrote a row. */
KoersStore *koers_store_import_get_store (KoersStoreImport *self);
void        koers_store_import_mark_written (KoersStoreImport *self);

/* After COMMIT: the objects, the lists and the indexes. */
void koers_store_apply_batch_write (KoersBatchWrite *w);

/* After COMMIT: the objects of the model whose rows were written (ids in
 * objective_ids) take the database's state, in place; the ones the model
 * did not hold come in when it holds their period. */
void koers_store_refresh_objectives (KoersStore *store,
                                     GHashTable *objective_ids);

G_END_DECLS
