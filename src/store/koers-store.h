/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "core/koers-change.h"
#include "core/koers-checkin.h"
#include "core/koers-department.h"
#include "core/koers-format.h"
#include "core/koers-key-result.h"
#include "core/koers-kpi.h"
#include "core/koers-objective.h"
#include "core/koers-period.h"
#include "core/koers-summary.h"

G_BEGIN_DECLS

#define KOERS_STORE_ERROR (koers_store_error_quark ())

typedef enum
{
  KOERS_STORE_ERROR_OPEN,         /* cannot open or create the file */
  KOERS_STORE_ERROR_NOT_DATABASE, /* not an SQLite file */
  KOERS_STORE_ERROR_CORRUPT,      /* quick_check failed */
  KOERS_STORE_ERROR_TOO_NEW,      /* schema from a newer Koers */
  KOERS_STORE_ERROR_FOREIGN,      /* SQLite, but not a Koers database */
  KOERS_STORE_ERROR_CONSTRAINT,   /* a write broke a rule (unknown parent, …) */
  KOERS_STORE_ERROR_CONFLICT,     /* someone else saved a newer version first */
  KOERS_STORE_ERROR_FAILED,
  KOERS_STORE_ERROR_NEEDS_PASSWORD, /* the server asks for a password, or refused it */
} KoersStoreError;

GQuark koers_store_error_quark (void);

/* The latest schema version (PRAGMA user_version). */
#define KOERS_STORE_SCHEMA_VERSION 7

/* The SQLite store.  It loads the database into entity objects once at
 * open and keeps them: the lists below are the model the UI binds to.
 * Each write runs in one transaction and then updates those objects (and
 * so notifies every view that shows them); nothing is re-read.
 *
 * Errors are KOERS_STORE_ERROR, with translated messages.  After a failed
 * write the objects are as they were.
 *
 * save_*() take the store's own object, changed in place, or a copy with
 * the same id (the store's object then takes its values).  When a save of
 * the store's own object fails, the object shows the stored values again.
 *
 * Properties (read-only): "path", "schema-version", "organisation". */
#define KOERS_TYPE_STORE (koers_store_get_type ())
G_DECLARE_FINAL_TYPE (KoersStore, koers_store, KOERS, STORE, GObject)

/* $KOERS_DATABASE, else $XDG_DATA_HOME/koers/koers.db. */
char *koers_store_get_default_path (void);

/* Fills a new database before it takes its name (a demo). */
typedef gboolean (*KoersStoreFillFunc) (KoersStore *store,
                                        gpointer    user_data,
                                        GError    **error);

/* Writes a new database to path, which must not exist, whole or not at
 * all: fill (may be NULL) writes into it first. */
gboolean koers_store_create (const char        *path,
                             KoersLanguage      language,
                             KoersStoreFillFunc fill,
                             gpointer           user_data,
                             GError           **error);

/* Opens or creates path (folder 0700, file 0600).  A new database gets the
 * company level and the seed's nine departments, named in the current UI
 * language.  A corrupt, foreign or newer file is left untouched. */
KoersStore *koers_store_open (const char *path,
                              GError    **error);
/* As koers_store_open(), but the model starts with the departments and
 * KPIs only: the objectives (with their key results) of a period come in
 * with koers_store_load_period().  What the window and the command line
 * use, so that memory and start time do not grow with the number of past
 * quarters.  Objectives added through the store are in the model whatever
 * their period.  A key result read so holds a summary of its check-ins
 * and reads its full list on first use (see koers-key-result.h and
 * koers_store_load_checkins()). */
KoersStore *koers_store_open_lazy (const char *path,
                                   GError    **error);
/* As koers_store_open_lazy(), but no KPI (nor any of their values) is
 * read: koers_store_get_kpis() stays empty.  For a command that reads
 * objectives and never a KPI (the quality check): a large company's KPI
 * values were most of what such a command read. */
KoersStore *koers_store_open_without_kpis (const char *path,
                                           GError    **error);
/* As koers_store_open_lazy(), but the KPIs' values are read with the
 * periods: of the departments a period read in part holds, and of every
 * KPI with a period read whole (or its rest).  The window's store: its
 * first frame shows one department's KPIs, and reading every value of a
 * large company's KPIs was a fifth of its start. */
KoersStore *koers_store_open_for_window (const char *path,
                                         GError    **error);
/* As koers_store_open_lazy() (kpis) or koers_store_open_without_kpis(),
 * for a command that only reads: the file's header and schema are
 * checked (garbage, a foreign or a newer file is refused and left as it
 * is), but not every page, which took a tenth of a short report's
 * process; SQLite refuses a damaged page that the command reads. */
KoersStore *koers_store_open_to_read (const char *path,
                                      gboolean    kpis,
                                      GError    **error);
/* Reads the objectives whose period shares a day with period into the
 * model (once; in one read transaction).  Does nothing for a store opened
 * with koers_store_open(), which holds everything. */
gboolean koers_store_load_period (KoersStore        *self,
                                  const KoersPeriod *period,
                                  GError           **error);
/* As koers_store_load_period(), but only the objectives of these
 * departments (give their teams too) and the company's: for a command that
 * reports on some departments. */
gboolean koers_store_load_period_departments (KoersStore        *self,
                                              const KoersPeriod *period,
                                              const gint64      *department_ids,
                                              guint              n_department_ids,
                                              GError           **error);
/* Completes a period read with koers_store_load_period_departments() for
 * the departments in read_first (gint64 ids): the objectives of every
 * other department, after which the period counts as read, as after
 * koers_store_load_period().  The window reads the departments of its
 * first frame first, and the rest once it is painted. */
gboolean koers_store_load_period_rest (KoersStore        *self,
                                       const KoersPeriod *period,
                                       GArray            *read_first,
                                       GError           **error);
/* The sidebar's figures of a department in period on today: from the
 * model when it holds the department's objectives of the period, else
 * (a period read in part) from the database, one query for the
 * departments given to koers_store_read_department_summaries() before, or
 * for this one.  The model's figures take over once the period is read
 * whole. */
void koers_store_summarize_department (KoersStore        *self,
                                       gint64             department_id,
                                       const KoersPeriod *period,
                                       const GDate       *today,
                                       KoersSummary      *out);
/* Reads the figures of the departments in department_ids that the model
 * does not hold of period (read in part) in one query per period key. */
gboolean koers_store_read_department_summaries (KoersStore        *self,
                                                const KoersPeriod *period,
                                                const gint64      *department_ids,
                                                guint              n_department_ids,
                                                const GDate       *today,
                                                GError           **error);
/* Every period: for the commands that need the whole database. */
gboolean koers_store_load_all (KoersStore *self,
                               GError    **error);
/* A lazily opened store gives the key results it reads a summary of their
 * check-ins and reads a key result's full list on first use
 * (koers_key_result_get_checkins()).  This reads, in one query, the list
 * of every key result in the model that has not read its own: for what
 * needs them all (a report, an export). */
gboolean koers_store_load_checkins (KoersStore *self,
                                    GError    **error);

/* What a period load reads of its key results' check-ins in a lazily
 * opened store: a summary each (the window), every list at once (a
 * report, which draws them all) or nothing (the quality check, which
 * reads none; a list asked for later is still read on first use). */
typedef enum
{
  KOERS_STORE_CHECKINS_SUMMARIES,
  KOERS_STORE_CHECKINS_LISTS,
  KOERS_STORE_CHECKINS_NONE,
  /* Summaries without a sparkline's points (the quality check draws
   * none), and the full list of each key result of a committed objective
   * whose latest check-in is at risk or off track (what the quality
   * check's escalation rule reads) from the same rows, rather than one
   * query each after. */
  KOERS_STORE_CHECKINS_SUMMARIES_AT_RISK,
} KoersStoreCheckins;

/* Returns what it replaces, to put back. */
KoersStoreCheckins koers_store_set_period_checkins (KoersStore        *self,
                                                    KoersStoreCheckins what);
const char        *koers_store_get_path (KoersStore *self);
/* Is the store on the company server (a postgresql:// address) rather
 * than a file? */
gboolean koers_store_is_server (KoersStore *self);
/* May the person write the objectives, key results, check-ins and KPIs
 * of the department with that id (of objective): on a file, always; on
 * the company server, as their role lets them (an administrator every
 * department, a head theirs and its teams, a team leader their team, a
 * reader none: the server's koers_may_write (), read at opening,
 * koers-store-server-role.c).  Widgets ask these, never the server. */
gboolean koers_store_may_write_department (KoersStore *self,
                                           gint64      department_id);
gboolean koers_store_may_write_objective (KoersStore     *self,
                                          KoersObjective *objective);
/* May the person add, rename, move and delete departments and import
 * (an administrator; always on a file). */
gboolean koers_store_may_manage_departments (KoersStore *self);
/* FALSE while the server's connection is lost (the store reconnects by
 * itself, and says so with ::connection-changed); TRUE for a file. */
gboolean koers_store_get_connected (KoersStore *self);

/* A large file is opened without reading every page (that takes time in
 * proportion to its size); needs_verify says so, and verify reads it all
 * (PRAGMA quick_check on a read-only connection of its own; any thread):
 * KOERS_STORE_ERROR_CORRUPT when it is damaged. */
gboolean koers_store_needs_verify (const char *path);
gboolean koers_store_verify (const char *path,
                             GError    **error);
void     koers_store_verify_async (const char         *path,
                                   GCancellable       *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data);
gboolean koers_store_verify_finish (GAsyncResult *result,
                                    GError      **error);
int      koers_store_get_schema_version (KoersStore *self);

/* Organisation name (for reports); settings kept in the database. */
const char *koers_store_get_organisation (KoersStore *self);
gboolean    koers_store_set_organisation (KoersStore *self,
                                          const char *name,
                                          GError    **error);

/* KoersDepartment items, company first, then by sort-order. */
GListModel *koers_store_get_departments (KoersStore *self);
/* All KoersObjective items, by department, period and position. */
GListModel *koers_store_get_objectives (KoersStore *self);

/* The objectives of one department that the model holds (any order): a
 * department's summary reads these, not every objective. */
GListModel      *koers_store_get_department_objectives (KoersStore *self,
                                                        gint64      department_id);
KoersDepartment *koers_store_get_company (KoersStore *self);
KoersDepartment *koers_store_find_department (KoersStore *self, gint64 id);
KoersDepartment *koers_store_find_department_by_name (KoersStore *self, const char *name);
KoersObjective  *koers_store_find_objective (KoersStore *self, gint64 id);
KoersKeyResult  *koers_store_find_key_result (KoersStore *self, gint64 id);
/* The objective a key result belongs to. */
KoersObjective *koers_store_get_key_result_objective (KoersStore *self, KoersKeyResult *kr);

/* Whether a department has teams (departments whose parent it is). */
gboolean koers_store_has_teams (KoersStore *self, gint64 department_id);
/* Departments.  add: sets id, uuid (if unset), stamps, sort-order (last).
 * A team's parent (add and save) is a department: not the company, not a
 * team; a department with teams stays a department. */
gboolean koers_store_add_department (KoersStore *self, KoersDepartment *dept, GError **error);
/* Writes the object's current properties (name, emoji, parent). */
gboolean koers_store_save_department (KoersStore *self, KoersDepartment *dept, GError **error);
/* Moves dept to position new_index in koers_store_get_departments() (the
 * company keeps index 0: 0 counts as 1, past the end as last); renumbers
 * sort-order in one transaction. */
gboolean koers_store_move_department (KoersStore *self, KoersDepartment *dept, guint new_index, GError **error);
/* Deletes the department with its objectives, key results and check-ins,
 * and its KPIs with their values.  Its teams move to the top level,
 * objectives elsewhere lose their alignment to its objectives and key
 * results elsewhere their link to its KPIs; a restore links them back.
 * The company cannot be deleted. */
gboolean koers_store_delete_department (KoersStore *self, KoersDepartment *dept, GError **error);
/* Undo of a delete: writes dept back with the same ids and uuids, and
 * every objective it held (with their key results and check-ins).  The
 * KPIs the delete took (the store keeps them) come back with it. */
gboolean koers_store_restore_department (KoersStore *self, KoersDepartment *dept, GPtrArray *objectives, GError **error);
/* Objectives of a department, for restore after delete (new array, refs). */
GPtrArray *koers_store_list_department_objectives (KoersStore *self, KoersDepartment *dept);

/* Objectives.  add: department-id must be set; sets id, uuid, stamps,
 * position (last in its department and period).  Key results (and their
 * check-ins) the objective already holds are added with it.  delete
 * clears alignments and carried-over-from links to it elsewhere; restore
 * puts them back.  add, save and restore write every property, the
 * quarterly review's included (postmortem, final-grade, review-note; a
 * key result's final-score, final-note), so an undo loses nothing. */
gboolean koers_store_add_objective (KoersStore *self, KoersObjective *objective, GError **error);
gboolean koers_store_save_objective (KoersStore *self, KoersObjective *objective, GError **error);
/* Deleting for good is only for an objective without check-ins (one with
 * check-ins is archived: KOERS_STORE_ERROR_CONSTRAINT). */
gboolean koers_store_delete_objective (KoersStore *self, KoersObjective *objective, GError **error);
/* Archive (the "delete" a person uses) and its undo or restore: one save
 * of the archived flag, logged as any edit.  The objective stays in the
 * model with its key results and check-ins; what reads the period's
 * figures (counts, scores, quality checks, the PDF, CSV, --check) passes
 * over archived objectives, a JSON export keeps them. */
gboolean koers_store_set_objective_archived (KoersStore *self, KoersObjective *objective, gboolean archived, GError **error);
/* The check-ins of the objective's key results, counted in the database. */
gboolean koers_store_count_objective_checkins (KoersStore *self, KoersObjective *objective, guint *n_checkins, GError **error);
/* Undo: back with the same id and uuid, key results and check-ins included. */
gboolean koers_store_restore_objective (KoersStore *self, KoersObjective *objective, GError **error);

/* Key results of an objective.  add: also writes the check-ins the key
 * result holds.  save: a changed objective-id moves it to the end of that
 * objective.  move: new_index within its objective. */
gboolean koers_store_add_key_result (KoersStore *self, KoersObjective *objective, KoersKeyResult *kr, GError **error);
gboolean koers_store_save_key_result (KoersStore *self, KoersKeyResult *kr, GError **error);
gboolean koers_store_move_key_result (KoersStore *self, KoersKeyResult *kr, guint new_index, GError **error);
gboolean koers_store_delete_key_result (KoersStore *self, KoersKeyResult *kr, GError **error);
gboolean koers_store_restore_key_result (KoersStore *self, KoersObjective *objective, KoersKeyResult *kr, GError **error);

/* Check-ins.  After each of these the key result's current-value is that
 * of its latest check-in by date (unchanged when none is left).  add: a
 * check-in without a date is today's. */
gboolean koers_store_add_checkin (KoersStore *self, KoersKeyResult *kr, KoersCheckin *checkin, GError **error);
gboolean koers_store_save_checkin (KoersStore *self, KoersCheckin *checkin, GError **error);
gboolean koers_store_delete_checkin (KoersStore *self, KoersCheckin *checkin, GError **error);
gboolean koers_store_restore_checkin (KoersStore *self, KoersKeyResult *kr, KoersCheckin *checkin, GError **error);

/* KPIs (see koers-kpi.h).  koers_store_get_kpis(): every KoersKpi, by
 * department id, then position (views filter by department).
 * add: department-id must be set; sets id, uuid, stamps, position (last
 * in its department); values the KPI already holds are added with it.
 * save: writes name, unit, metric kind, direction, thresholds, frequency,
 * position and department (a changed department-id moves it to the end
 * of that department).  The thresholds must be finite and in the order of
 * koers_kpi_check_thresholds() (KOERS_STORE_ERROR_CONSTRAINT otherwise).
 * move: new_index among its department's KPIs.  delete: its values go
 * with it and key results that moved it lose the link (kpi-id 0); restore
 * (the undo) puts the KPI back with the same id, its values and those
 * links. */
GListModel *koers_store_get_kpis (KoersStore *self);
KoersKpi   *koers_store_find_kpi (KoersStore *self, gint64 id);
/* A department's KPIs by position (new array, refs). */
GPtrArray *koers_store_list_department_kpis (KoersStore *self, KoersDepartment *dept);
/* The key results that move a KPI (kpi-id), the other side of the link
 * (new array, refs), in the order of koers_store_get_objectives(); not
 * those of archived objectives. */
GPtrArray *koers_store_list_kpi_key_results (KoersStore *self, KoersKpi *kpi);
gboolean   koers_store_add_kpi (KoersStore *self, KoersKpi *kpi, GError **error);
gboolean   koers_store_save_kpi (KoersStore *self, KoersKpi *kpi, GError **error);
gboolean   koers_store_move_kpi (KoersStore *self, KoersKpi *kpi, guint new_index, GError **error);
gboolean   koers_store_delete_kpi (KoersStore *self, KoersKpi *kpi, GError **error);
gboolean   koers_store_restore_kpi (KoersStore *self, KoersKpi *kpi, GError **error);

/* KPI values (the history).  add: a value without a date is today's.  The
 * KPI's current-value, last-update-date and status follow by themselves. */
KoersKpiValue *koers_store_find_kpi_value (KoersStore *self, gint64 id);
KoersKpi      *koers_store_get_kpi_value_kpi (KoersStore *self, KoersKpiValue *value);
gboolean       koers_store_add_kpi_value (KoersStore *self, KoersKpi *kpi, KoersKpiValue *value, GError **error);
gboolean       koers_store_save_kpi_value (KoersStore *self, KoersKpiValue *value, GError **error);
gboolean       koers_store_delete_kpi_value (KoersStore *self, KoersKpiValue *value, GError **error);
gboolean       koers_store_restore_kpi_value (KoersStore *self, KoersKpi *kpi, KoersKpiValue *value, GError **error);

/* Key results write kpi-id as well: it must be 0 or a KPI of this store
 * (any department's). */

/* The change log (schema 5).  Every write adds, in its own transaction,
 * one KoersChange per row it inserted, updated or deleted (cascades
 * included), with this process's author and the time of the write. */

/* The person written into the change log for this store's writes (the
 * name from Preferences); "" until set. */
void        koers_store_set_author (KoersStore *self, const char *author);
const char *koers_store_get_author (KoersStore *self);

/* The history of one entity (objective, key result, department, KPI, …)
 * and of what belongs to it directly (an objective's key results, a key
 * result's check-ins, a KPI's values): KoersChange items, oldest first
 * (new array of references). */
GPtrArray *koers_store_list_changes (KoersStore *self,
                                     const char *uuid,
                                     GError    **error);

/* Every change with a seq after after_seq, oldest first, read in one read
 * transaction.  func returns FALSE (with error set) to stop. */
typedef gboolean (*KoersStoreChangeFunc) (KoersChange *change,
                                          gpointer     user_data,
                                          GError     **error);
gboolean koers_store_foreach_change (KoersStore          *self,
                                     gint64               after_seq,
                                     KoersStoreChangeFunc func,
                                     gpointer             user_data,
                                     GError             **error);

/* Objectives straight from the database, for exports of any size: those
 * of the given periods (an objective is taken when its period shares a
 * day with one of them; none given: every period) and departments (in
 * the order given; none given: every department in the sidebar's order),
 * each with its key results and their check-ins, read in one read
 * transaction and handed over one at a time as new objects the store does
 * not keep, so memory stays flat however large the database is.  Within a
 * department: by period, then position.  func returns FALSE (with error
 * set) to stop. */
typedef gboolean (*KoersStoreObjectiveFunc) (KoersObjective *objective,
                                             gpointer        user_data,
                                             GError        **error);
gboolean koers_store_foreach_objective (KoersStore             *self,
                                        const KoersPeriod      *periods,
                                        guint                   n_periods,
                                        const gint64           *department_ids,
                                        guint                   n_department_ids,
                                        KoersStoreObjectiveFunc func,
                                        gpointer                user_data,
                                        GError                **error);

/* Other writers: another process may write the same file.  While
 * watching, the store notices their commits (PRAGMA data_version on a
 * short main-loop timer) and applies them from the change log to the
 * model in place, then emits "changed".  catch_up does that at once. */
void     koers_store_watch_other_writers (KoersStore *self);
void     koers_store_stop_watching (KoersStore *self);
gboolean koers_store_catch_up (KoersStore *self,
                               GError    **error);
/* TRUE when the last successful save of an objective or key result took
 * in fields another process had changed (an editor shows them then). */
gboolean koers_store_get_last_save_merged (KoersStore *self);

/* The time of the last write to the file, by this process or another,
 * in microseconds since 1970 (UTC); 0 when the change log is empty. */
gboolean koers_store_get_last_change_time (KoersStore *self,
                                           gint64     *out_usec,
                                           GError    **error);

/* Signals:
 *   changed ()  after every successful write, once; views that aggregate
 *               (sidebar counts and scores) recompute from memory. */

G_END_DECLS
