/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "koers-export-filter.h"
#include "store/koers-store.h"

G_BEGIN_DECLS

/* Koers's JSON exchange format (docs/json-format.md): a whole database or
 * a part of it, with uuids, ISO 8601 dates and stamps, and links by uuid.
 * Export reads the model (the store's lists), import validates the whole
 * file before one transaction writes it. */

#define KOERS_JSON_FORMAT "koers"
#define KOERS_JSON_FORMAT_VERSION 2
/* The oldest version an import reads: 1, without the change log. */
#define KOERS_JSON_FORMAT_VERSION_MIN 1

/* Limits an import enforces (besides the file size). */
/* A file is read as a stream, so its size does not matter to memory: the
 * limit is far beyond any export (a company of 6,000 objectives and
 * 300,000 check-ins writes about 140 MB) and only refuses the absurd. */
#define KOERS_JSON_MAX_IMPORT_SIZE (G_GINT64_CONSTANT (4) * 1024 * 1024 * 1024)
/* Text a caller holds in memory (koers_json_import_plan_from_data()). */
#define KOERS_JSON_MAX_FILE_SIZE (64 * 1024 * 1024)
#define KOERS_JSON_MAX_DEPTH 32
#define KOERS_JSON_MAX_TEXT_LENGTH 10000 /* characters, in any string */
#define KOERS_JSON_MAX_ABS_NUMBER 1e15
#define KOERS_JSON_MAX_PROBLEMS_SHOWN 5

#define KOERS_JSON_ERROR (koers_json_error_quark ())

typedef enum
{
  KOERS_JSON_ERROR_TOO_LARGE, /* the file is larger than the limit */
  KOERS_JSON_ERROR_SYNTAX,    /* not (strict) JSON, or beyond a limit */
  KOERS_JSON_ERROR_INVALID,   /* JSON, but not a valid Koers file */
  KOERS_JSON_ERROR_EXISTS,    /* plain import of something the database has */
  KOERS_JSON_ERROR_STALE,     /* the database changed between plan and apply */
} KoersJsonError;

GQuark koers_json_error_quark (void);

/* Export.  exported_usec: the "exported" stamp, microseconds since the
 * epoch; 0 means now (tests pass a fixed one).  The text is pretty
 * printed, UTF-8, ends with a newline, and the same database gives the
 * same text (order by department, period, position, uuid; not by ids). */
char *koers_json_export_to_string (KoersStore              *store,
                                   const KoersExportFilter *filter,
                                   gint64                   exported_usec,
                                   GError                 **error);
/* Writes atomically: a temporary file renamed over path, never a half
 * file at path. */
gboolean koers_json_export (KoersStore              *store,
                            const KoersExportFilter *filter,
                            const char              *path,
                            GError                 **error);

/* The whole of a regular file of at most KOERS_JSON_MAX_FILE_SIZE, for
 * koers_json_import_plan_from_data(); a device or a pipe is refused
 * without reading it. */
GBytes *koers_json_load_file (GFile   *file,
                              GError **error);

/* Import.
 *   ADD (plain import): for restoring a backup or filling a database.
 *     Objectives, key results, check-ins, KPIs and KPI values must be
 *     new: a uuid the database already has makes the import fail
 *     (KOERS_JSON_ERROR_EXISTS).
 *     The file's departments replace the matching ones (same uuid, else the
 *     company level for the company level, else the same name, also the
 *     seed's name in the other language), uuid and stamps included, so an
 *     export imported into a new database exports the same again.
 *   MERGE: same uuid (departments matched as above): the file's copy
 *     replaces the database's when its "updated" stamp is newer; a new
 *     uuid is added; nothing is deleted.  Where the database's copy is as
 *     new or newer and differs, it is kept and counted as a conflict.
 * In both, the organisation name is taken when the database has none,
 * and the file's dismissed quality findings join the database's (a
 * union; a finding dismissed in both keeps the earlier time). */
typedef enum
{
  KOERS_JSON_IMPORT_ADD,
  KOERS_JSON_IMPORT_MERGE,
} KoersJsonImportMode;

typedef enum
{
  KOERS_IMPORT_DEPARTMENTS,
  KOERS_IMPORT_OBJECTIVES,
  KOERS_IMPORT_KEY_RESULTS,
  KOERS_IMPORT_CHECKINS,
  KOERS_IMPORT_KPIS,
  KOERS_IMPORT_KPI_VALUES,
  KOERS_IMPORT_CAPACITIES,  /* schema 7: in a department's list */
  KOERS_IMPORT_ESCALATIONS, /* schema 7: in an objective's list */
  KOERS_IMPORT_N_KINDS,
} KoersImportKind;

typedef struct
{
  guint added;
  guint updated;
  guint unchanged;
  guint conflicts; /* kept: the database's copy is newer and differs */
} KoersImportCounts;

/* What an import would do, computed without writing (a dry run). */
typedef struct _KoersImportPlan KoersImportPlan;

/* Reads and validates the whole file; NULL with KOERS_JSON_ERROR (or a
 * G_FILE_ERROR) when anything is wrong.  The message names each problem by
 * its JSON path ("$.objectives[3].key_results[1].target: expected a
 * number, found "abc""), the first KOERS_JSON_MAX_PROBLEMS_SHOWN of them,
 * one a line, translated. */
KoersImportPlan *koers_json_import_plan (KoersStore         *store,
                                         const char         *path,
                                         KoersJsonImportMode mode,
                                         GError            **error);
KoersImportPlan *koers_json_import_plan_from_data (KoersStore         *store,
                                                   const char         *data,
                                                   gsize               length,
                                                   KoersJsonImportMode mode,
                                                   GError            **error);
/* As koers_json_import_plan(), for a window: file is read in a thread of
 * its own, on a connection of its own to store's database, so that the
 * main loop runs on while a large file is checked.  A file with a local
 * path (what the document portal gives too) is streamed, up to
 * KOERS_JSON_MAX_IMPORT_SIZE; one without is read whole, up to
 * KOERS_JSON_MAX_FILE_SIZE (koers_json_load_file()).  A folder, a device
 * or a pipe is refused without reading it.  Cancelling drops the plan
 * (G_IO_ERROR_CANCELLED). */
void             koers_json_import_plan_file_async (KoersStore         *store,
                                                    GFile              *file,
                                                    KoersJsonImportMode mode,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
KoersImportPlan *koers_json_import_plan_file_finish (KoersStore   *store,
                                                     GAsyncResult *result,
                                                     GError      **error);
/* Writes what the plan says in one transaction; on any error nothing is
 * written.  Fails with KOERS_JSON_ERROR_STALE when the store changed since
 * the plan was made.  A plan is applied once. */
gboolean koers_json_import_apply (KoersImportPlan *plan,
                                  GError         **error);

void koers_import_plan_get_counts (KoersImportPlan   *plan,
                                   KoersImportKind    kind,
                                   KoersImportCounts *out);
/* The sum over all kinds. */
void koers_import_plan_get_totals (KoersImportPlan   *plan,
                                   KoersImportCounts *out);
/* The conflicts, as "$.objectives[2] “Title”", in file order. */
const char *const *koers_import_plan_get_conflicts (KoersImportPlan *plan);
/* How many dismissed quality findings applying adds to the database's
 * (or dates earlier: a finding dismissed in both keeps the first time). */
guint koers_import_plan_get_n_dismissals (KoersImportPlan *plan);
/* Whether applying sets the organisation name. */
gboolean koers_import_plan_sets_organisation (KoersImportPlan *plan);
/* "3 added, 1 updated, 12 unchanged, 1 conflict", translated. */
char *koers_import_plan_describe (KoersImportPlan *plan);
void  koers_import_plan_free (KoersImportPlan *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersImportPlan, koers_import_plan_free)

/* How many entries of the file's change log applying adds (the others the
 * database has: the same key). */
guint koers_import_plan_get_n_changes (KoersImportPlan *plan);

/* Plan and write in one write transaction (the CLI's --import-json FILE
 * [--merge]): no other writer comes in between, so a merge never writes
 * over what another process made newer meanwhile.  The plan that was
 * written, for its summary; NULL with error when nothing was written. */
KoersImportPlan *koers_json_import_run (KoersStore         *store,
                                        const char         *path,
                                        KoersJsonImportMode mode,
                                        GError            **error);
/* The same; totals may be NULL. */
gboolean koers_json_import (KoersStore         *store,
                            const char         *path,
                            KoersJsonImportMode mode,
                            KoersImportCounts  *totals,
                            GError            **error);

G_END_DECLS
