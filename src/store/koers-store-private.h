/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the koers-store-*.c files and the tests; not installed, not
 * for the UI. */

#include "db/koers-db.h"

#include "core/koers-format.h"
#include "koers-store.h"
#include "koers-store-columns.h"

G_BEGIN_DECLS

/* Which KPIs a store reads when it opens: none, all with their values,
 * or all with their values read with the periods (the window's). */
typedef enum
{
  KOERS_STORE_KPIS_NONE,
  KOERS_STORE_KPIS_ALL,
  KOERS_STORE_KPIS_VALUES_WITH_PERIODS,
} KoersStoreKpis;

/* PRAGMA application_id of a Koers database: "KOER" in ASCII. */
#define KOERS_STORE_APPLICATION_ID 1263486290

/* The setting that holds the organisation name. */
#define KOERS_STORE_SETTING_ORGANISATION "organisation"

/* A link that a delete cleared (ON DELETE SET NULL), remembered so that an
 * undo can put it back. */
typedef enum
{
  KOERS_LINK_ALIGNED_TO,
  KOERS_LINK_CARRIED_OVER_FROM,
  KOERS_LINK_PARENT,
  KOERS_LINK_KPI, /* a key result's kpi_id */
} KoersLinkKind;

typedef struct
{
  KoersLinkKind kind;
  gint64        referrer_id; /* objective, department or key result that pointed */
  gint64        target_id;   /* what it pointed at */
} KoersClearedLink;

struct _KoersStore
{
  GObject parent_instance;

  char    *path;
  KoersDb *db;
  int      schema_version;
  char    *organisation;
  char    *author; /* written into the change log */
  /* Opened with koers_store_open_lazy(): objectives are read per period. */
  gboolean lazy;
  /* Opened with koers_store_open_without_kpis(): no KPI was read. */
  gboolean without_kpis;
  /* Opened with koers_store_open_for_window(): the KPIs' values are read
   * with the periods (koers_store_read_kpi_values()), of every KPI once
   * kpi_values_all, else of the departments in kpi_values_departments. */
  gboolean    kpi_values_with_periods;
  gboolean    kpi_values_all;
  GHashTable *kpi_values_departments; /* gint64 ids */
  /* department id -> GListStore of its objectives in the model;
   * objective id -> the department id it is filed under */
  GHashTable *objectives_by_department;
  GHashTable *objective_department;
  GHashTable *loaded_periods; /* period keys read into the model */
  GArray     *requested_periods;
  const char *load_departments; /* JSON array of ids while loading some */
  /* A period read for some departments only (the window's first frame,
   * koers_store_load_period_departments()): which ones, and the sidebar
   * summaries read from the database for others (koers-store-summaries.c). */
  gboolean           partial_read;
  KoersPeriod        partial_period;
  GHashTable        *partial_departments; /* gint64 ids */
  GHashTable        *summaries;           /* gint64 id -> KoersSummary of partial_period */
  GDate              summaries_today;
  KoersStoreCheckins period_checkins; /* what a lazy period load reads */ /* KoersPeriod: what load_period was asked */
  /* Other writers (koers-store-watch.c). */
  gint64   last_seq;      /* the last change the model has */
  GArray  *own_changes;   /* seq ranges this store wrote */
  gint64   txn_first_seq; /* the log's last seq when our write began */
  guint    applied_changes;
  gboolean last_save_merged; /* the last save took in others' fields */
  int      data_version;
  guint    watch_id;
  int      read_depth; /* koers_store_begin_read() nesting */
  gboolean wal;        /* the file is in WAL mode (after our first write) */
  gboolean read_began; /* the outermost one began a transaction */

  /* The company server (koers-store-server-live.c). */
  guint    listen_id;     /* the connection's socket in the main loop */
  guint    reconnect_id;  /* the next try after a lost connection, or the running one's timeout */
  guint    retry_ms;      /* the delay before that try */
  gboolean reconnecting;  /* a try is running */
  gboolean missed_notify; /* a NOTIFY came during our own transaction */
  /* Who is connected (koers-store-server-role.c). */
  int    server_role; /* KoersServerRole */
  char  *server_user;
  gint64 role_department_id;

  GListStore *departments; /* KoersDepartment, company first */
  GListStore *objectives;  /* KoersObjective */
  GListStore *kpis;        /* KoersKpi, by department id and position */

  /* gint64 id -> object (a reference each) */
  GHashTable *department_by_id;
  GHashTable *objective_by_id;
  GHashTable *key_result_by_id;
  GHashTable *checkin_by_id;
  /* key result id -> KoersObjective, check-in id -> KoersKeyResult */
  GHashTable *key_result_owner;
  GHashTable *checkin_owner;
  GHashTable *kpi_by_id;
  GHashTable *kpi_value_by_id;
  GHashTable *kpi_value_owner; /* value id -> KoersKpi */

  /* The KPIs a department delete took, for its undo: gint64 department id
   * -> GPtrArray of KoersKpi (with their values). */
  GHashTable *deleted_kpis;

  GArray *cleared_links; /* KoersClearedLink */

  /* Finding keys a person dismissed: char *key -> gint64 *dismissed_at
   * (µs).  One table for the store's life: callers keep the pointer. */
  GHashTable *dismissed;

  /* gint64 department id -> its open escalations (GUINT_TO_POINTER), read
   * in one query when a sidebar row first asks; NULL after any change. */
  GHashTable *department_escalations;

  /* What each key result's check-in loader holds, and what it calls
   * (koers-store-model.c hands them on, koers-store-checkins.c reads). */
  GWeakRef          *self_ref;
  KoersCheckinLoader read_checkins;
};

/* What a write puts into a row besides the object's own properties: new
 * or kept ids, stamps, order and links.  Applied to the object only after
 * COMMIT, so a failed write leaves it untouched. */
typedef struct
{
  GObject *object; /* a reference */
  gint64   id;     /* 0: SQLite chooses; set after the insert */
  char    *uuid;
  gint64   created;
  gint64   updated;
  int      order;         /* sort-order or position */
  gint64   owner_id;      /* parent department, department, objective, key result, KPI */
  gint64   aligned_to_id; /* objectives */
  gint64   carried_over_from_id;
  char    *date;        /* check-ins, KPI values */
  gboolean has_current; /* key results: current-value from the latest check-in */
  double   current_value;
  gint64   kpi_id; /* key results */
} KoersRow;

KoersRow *koers_row_new_from_object (GObject *object);
void      koers_row_free (KoersRow *row);
void      koers_row_apply (KoersRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersRow, koers_row_free)

/* The ids of the objectives of a period (?1) and, when ?2 is not NULL,
 * only of the departments in that JSON array of ids.  Written so that
 * SQLite seeks those departments' rows in the index objectives_department
 * (department_id, period, …): "period = ?1 AND (?2 IS NULL OR department_id
 * IN …)" made it walk the index entry of every objective of every period.
 * The first arm (every department) is skipped when ?2 is given, the second
 * reads nothing when it is not. */
#define KOERS_STORE_PERIOD_OBJECTIVES                          \
  "SELECT id FROM objectives WHERE ?2 IS NULL AND period = ?1" \
  " UNION ALL SELECT id FROM objectives"                       \
  " WHERE department_id IN (SELECT value FROM json_each (?2)) AND period = ?1"

/* koers-store-server-open.c: opens the company server at uri (a libpq
 * URI); koers_store_open() and its kin come here for such an address. */
KoersStore *koers_store_open_server (const char    *uri,
                                     KoersLanguage  language,
                                     gboolean       lazy,
                                     KoersStoreKpis kpis,
                                     GError       **error);

/* koers-store-server-live.c: LISTEN for others' writes on the server
 * (koers_store_watch_other_writers() comes here), reconnecting with
 * backoff after a lost connection; and the sentences of a lost
 * connection and of a write the server's roles refuse (TRUE: error set). */
void     koers_store_server_listen (KoersStore *self);
void     koers_store_server_stop_listening (KoersStore *self);
gboolean koers_store_server_explain_error (KoersStore *self,
                                           int         rc,
                                           GError    **error);
/* koers-store-server-role.c: reads who the store is connected as. */
gboolean koers_store_server_read_role (KoersStore *self,
                                       GError    **error);
/* Emits KoersStore::connection-changed. */
void koers_store_emit_connection_changed (KoersStore *self);

/* Opens path; with create_only a file that exists is refused.  language
 * names the company and departments of a new database. */
KoersStore *koers_store_open_full (const char   *path,
                                   KoersLanguage language,
                                   gboolean      create_only,
                                   gboolean      lazy,
                                   GError      **error);

/* koers-store-sql.c: statements and transactions. */
KoersDbStmt *koers_store_prepare (KoersStore *self,
                                  const char *sql,
                                  GError    **error);
/* "SELECT <the entity's columns> <rest>": rows for koers_entity_read_row(). */
KoersDbStmt *koers_store_prepare_select (KoersStore        *self,
                                         const KoersEntity *entity,
                                         const char        *rest,
                                         GError           **error);
gboolean     koers_store_step_done (KoersStore  *self,
                                    KoersDbStmt *stmt,
                                    GError     **error);
/* koers_store_prepare_select() of a load: for a period key, "<rest>" is
 * in_period, whose ?1 and ?2 are bound to the key and the departments the
 * store loads (KOERS_STORE_PERIOD_OBJECTIVES); for NULL (all), it is all. */
KoersDbStmt *koers_store_prepare_load (KoersStore        *self,
                                       const KoersEntity *entity,
                                       const char        *period,
                                       const char        *in_period,
                                       const char        *all,
                                       GError           **error);
/* After a loop over koers_db_step()'s rows: TRUE when rc, its last
 * answer, says they ran out; else FALSE with the error rc gives. */
gboolean koers_store_rows_ended (KoersStore *self,
                                 int         rc,
                                 GError    **error);
/* Every row of a koers_store_prepare_select() statement, read into a new
 * object of the entity's type; NULL with error set when a step fails. */
GPtrArray *koers_store_read_objects (KoersStore        *self,
                                     const KoersEntity *entity,
                                     KoersDbStmt       *stmt,
                                     GError           **error);
gboolean   koers_store_exec (KoersStore *self,
                             const char *sql,
                             GError    **error);
/* The settings table: read gives the value of key ("" when it has none),
 * newly allocated, or NULL on an error; write sets it, in the caller's
 * transaction. */
char    *koers_store_read_setting (KoersStore *self,
                                   const char *key,
                                   GError    **error);
gboolean koers_store_write_setting (KoersStore *self,
                                    const char *key,
                                    const char *value,
                                    GError    **error);
/* A user action that writes settings: the key and value pairs after
 * error, up to a NULL key, in one transaction, rolled back when one
 * fails. */
gboolean    koers_store_save_settings (KoersStore *self,
                                       GError    **error,
                                       const char *first_key,
                                       ...) G_GNUC_NULL_TERMINATED;
void        koers_store_bind_text (KoersDbStmt *stmt,
                                   int          index,
                                   const char  *text);
void        koers_store_bind_link (KoersDbStmt *stmt,
                                   int          index,
                                   gint64       id);
const char *koers_store_column_text (KoersDbStmt *stmt,
                                     int          column);
/* A translated message for SQLite's result code rc (extended codes too)
 * that names the database at path and what to do; never SQLite's text. */
void koers_store_set_sqlite_error (GError    **error,
                                   int         rc,
                                   const char *path);
void koers_store_set_db_error (KoersStore *self,
                               int         rc,
                               GError    **error);
/* FALSE, with the error a row that belongs to nothing gives. */
gboolean koers_store_set_orphan_error (KoersStore *self,
                                       GError    **error);
gboolean koers_store_begin (KoersStore *self,
                            GError    **error);
/* Rolls back when the commit fails. */
gboolean koers_store_commit (KoersStore *self,
                             GError    **error);
void     koers_store_rollback (KoersStore *self);
/* A user action that is one statement: koers_store_begin_write() begins
 * the transaction and prepares sql for the caller to bind (NULL, with
 * nothing left open, when either fails); koers_store_end_write() runs it
 * and commits, or rolls back. */
KoersDbStmt *koers_store_begin_write (KoersStore *self,
                                      const char *sql,
                                      GError    **error);
gboolean     koers_store_end_write (KoersStore  *self,
                                    KoersDbStmt *stmt,
                                    GError     **error);
gint64       koers_store_query_last_seq (KoersStore *self);
/* The changes first+1 … last are this store's own: catch-up skips them. */
void     koers_store_note_own_changes (KoersStore *self,
                                       gint64      first,
                                       gint64      last);
gboolean koers_store_is_own_change (KoersStore *self,
                                    gint64      seq);
/* Forgets the own changes up to seq: the model has caught up to there. */
void koers_store_forget_own_changes (KoersStore *self,
                                     gint64      seq);
/* One snapshot for every read until end_read (nests; inside a write
 * transaction it adds nothing). */
/* koers-store-load.c: reads the values of the KPIs of the departments
 * given (NULL: of every KPI) that a store opened for the window has not
 * read yet; nothing for another store (it read them all when it opened). */
gboolean koers_store_read_kpi_values (KoersStore   *self,
                                      const gint64 *department_ids,
                                      guint         n_department_ids,
                                      GError      **error);
/* Whether the model holds the values of kpi. */
gboolean koers_store_has_kpi_values (KoersStore *self,
                                     KoersKpi   *kpi);
/* koers-store-load.c: the period keys the database holds that share a day
 * with period, of the departments in ids (a JSON array) or (NULL) of all. */
GPtrArray *koers_store_list_period_keys (KoersStore        *self,
                                         const KoersPeriod *period,
                                         const char        *ids,
                                         GError           **error);
/* koers-store-load.c: whether the model holds the objectives of the
 * department in the period (every period of a store that is not lazy). */
gboolean koers_store_is_department_read (KoersStore        *self,
                                         const KoersPeriod *period,
                                         gint64             department_id);
/* koers-store-summaries.c: forgets the summaries read (the period they
 * were read for is read whole, or the store closes). */
void koers_store_clear_summaries (KoersStore *self);

gboolean koers_store_begin_read (KoersStore *self,
                                 GError    **error);
void     koers_store_end_read (KoersStore *self);
gboolean koers_store_insert_row (KoersStore *self,
                                 KoersRow   *row,
                                 GError    **error);
/* Writes the columns update says of the row's object (the row's id,
 * stamps, order and links as the row says) over the stored row with that
 * id. */
gboolean koers_store_update_row (KoersStore *self,
                                 KoersRow   *row,
                                 KoersUpdate update,
                                 GError    **error);
/* Binds the row to a statement of koers_entity_get_insert_sql() (insert)
 * or koers_entity_get_update_sql (update): for a statement prepared
 * once and used for many rows. */
void koers_store_bind_row (KoersRow    *row,
                           KoersDbStmt *stmt,
                           gboolean     insert,
                           KoersUpdate  update);
/* Sets the key result's current-value to its latest check-in's value in
 * the database; has_current is FALSE when it has none. */
gboolean koers_store_sync_current_value (KoersStore *self,
                                         gint64      key_result_id,
                                         gboolean   *has_current,
                                         double     *current_value,
                                         GError    **error);

/* koers-store-util.c: the steps the writes share. */
/* The first step of a write to a stored object (of type: a department,
 * objective, key result, check-in, KPI or KPI value; the caller's copy
 * or the store's own): the store's own object with its id, or NULL with
 * the error that it is not in this database. */
gpointer koers_store_find_own (KoersStore *self,
                               gpointer    object,
                               GType       type,
                               GError    **error);
/* Before an insert of a key result, check-in, KPI or KPI value: TRUE when
 * object is not stored yet (fresh: an add, the object not in the store;
 * else a restore, which brings back an id the store no longer has). */
gboolean koers_store_check_not_stored (KoersStore *self,
                                       gpointer    object,
                                       gboolean    fresh,
                                       GError    **error);
void     koers_store_apply_rows (GPtrArray *rows);
/* A set of gint64 ids (keys freed with it). */
GHashTable *koers_store_new_id_set (void);
GHashTable *koers_store_new_id_set_with (gint64 id);
void        koers_store_add_to_id_set (GHashTable *set,
                                       gint64      id);
/* A row that goes in as new: no id (SQLite chooses), a uuid when it has
 * none, created and updated at stamp. */
void koers_row_make_fresh (KoersRow *row,
                           gint64    stamp);
/* Runs sql with id bound to ?1, inside the caller's transaction. */
gboolean koers_store_run_with_id (KoersStore *self,
                                  const char *sql,
                                  gint64      id,
                                  GError    **error);
/* As above in a transaction of its own: a delete whose rest goes with
 * ON DELETE CASCADE and SET NULL. */
gboolean koers_store_delete_by_id (KoersStore *self,
                                   const char *sql,
                                   gint64      id,
                                   GError    **error);
/* Runs thread in a worker with a copy of text (a path or an address) as
 * its task data: the body of an _async() that only waits on a file or a
 * server, source_tag that function. */
void koers_store_run_text_task (const char         *text,
                                gpointer            source_tag,
                                GTaskThreadFunc     thread,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data);
/* Moves order[old_index] (order: the objects of one list, in its order)
 * to *new_index (at most the last; *new_index says where it went), then
 * writes index i as the position or sort order of order[i] where it
 * differs, in one transaction, and sets it on the objects. */
gboolean koers_store_move_in_order (KoersStore *self,
                                    GPtrArray  *order,
                                    guint       old_index,
                                    guint      *new_index,
                                    GError    **error);
/* A save's values into the store's own object (koers_entity_copy() of
 * the columns an UPDATE writes); the stamp, order and owner the write
 * decided are the caller's to set after. */
void koers_store_copy_saved (GObject *to,
                             GObject *from);
/* The start of a save of saved (own, the store's object, or a copy of
 * it): the transaction begins, other processes' newer fields are merged
 * into saved when merge says so (koers_store_merge_newer()), and the row
 * to write is saved's under own's id, stamped after own's last update;
 * the caller sets the owner and order the write decides.  NULL, with
 * nothing left open, when it fails. */
KoersRow *koers_store_begin_save (KoersStore *self,
                                  GObject    *own,
                                  GObject    *saved,
                                  gboolean    merge,
                                  GError    **error);
/* The end of a save begun with koers_store_begin_save(): the row over the
 * stored one (KOERS_UPDATE_SAVE) and COMMIT, or ROLLBACK when either
 * fails; then own takes what was written (koers_store_take_saved_row()). */
gboolean koers_store_end_save (KoersStore *self,
                               GObject    *own,
                               GObject    *saved,
                               KoersRow   *row,
                               GError    **error);
/* After a save failed, before or in its transaction: FALSE.  The caller
 * may have changed the store's own object (own is saved): it shows what
 * is stored again. */
gboolean koers_store_save_failed (KoersStore *self,
                                  gpointer    own,
                                  gpointer    saved);
/* After a save's COMMIT: own, the store's object, takes what saved (the
 * caller's copy, or own itself) wrote, and both the save's stamp. */
void koers_store_take_saved (GObject *own,
                             GObject *saved,
                             gint64   stamp);
/* The same in one notification, with the owner and the order the write
 * decided (row's owner_id and order, where the entity has them). */
void koers_store_take_saved_row (GObject        *own,
                                 GObject        *saved,
                                 const KoersRow *row);

/* koers-store-watch.c */

/* Inside a write transaction, before object (what a save writes over
 * the row of uuid) is written: takes in the fields other processes
 * changed since the model last caught up and this save did not; FALSE
 * (KOERS_STORE_ERROR_CONFLICT) when both changed the same field. */
gboolean koers_store_merge_newer (KoersStore *self,
                                  GObject    *object,
                                  const char *uuid,
                                  GError    **error);

/* koers-store-schema.c */
const char *koers_store_schema_get_ddl (int version);
/* Checks an existing file without writing to it (not even a side file).
 * thorough: read every page too, when the file is small enough. */
gboolean koers_store_check_file (const char *path,
                                 gboolean    thorough,
                                 GError    **error);
gboolean koers_store_use_wal (KoersStore *self,
                              GError    **error);
gboolean koers_store_configure (KoersStore *self,
                                gboolean    new_file,
                                GError    **error);
/* Creates the schema of a new file (one transaction) or migrates an older
 * one (one transaction per version), then ensures the company exists. */
gboolean koers_store_prepare_schema (KoersStore   *self,
                                     KoersLanguage language,
                                     GError      **error);

/* koers-store-load.c */
/* Everything, the review columns and the dismissed findings included. */
gboolean koers_store_load (KoersStore *self,
                           GError    **error);
gboolean koers_store_load_period_key (KoersStore *self,
                                      const char *period,
                                      GError    **error);
/* Whether a lazy store read period whole (exactly), or one that shares a
 * day with it: a period it showed holds what it writes even when it was
 * empty then. */
gboolean koers_store_was_requested (KoersStore        *self,
                                    const KoersPeriod *period,
                                    gboolean           exactly);
/* Refills self->dismissed from the database. */
gboolean koers_store_load_dismissed (KoersStore *self,
                                     GError    **error);
/* Puts the stored row back into an object a failed save had changed. */
void koers_store_reload_object (KoersStore *self,
                                GObject    *object);

/* koers-store-checkins.c: check-ins on demand. */
/* The check-ins of the key results a period load just read (period NULL:
 * all): a lazy store gives each a summary, a whole one its list. */
gboolean koers_store_load_period_checkins (KoersStore *self,
                                           const char *period,
                                           GError    **error);
/* Reads the summary of a key result whose list is not read again (another
 * process changed its check-ins). */
gboolean koers_store_refresh_checkin_summary (KoersStore     *self,
                                              KoersKeyResult *kr,
                                              GError        **error);
/* A KoersCheckinLoader: one key result's list, read from the store. */
GPtrArray *koers_store_read_checkin_list (KoersKeyResult *kr,
                                          gpointer        user_data,
                                          GError        **error);
/* Reads the lists of the objective's key results: before a delete, so
 * that its undo can write them back. */
void koers_store_read_checkins_of (KoersObjective *objective);

/* koers-store.c */
void koers_store_emit_changed (KoersStore *self);

/* koers-store-model.c: the in-memory side. */
/* Every key result the indexes take in reads its check-ins with read. */
void koers_store_init_checkin_loader (KoersStore        *self,
                                      KoersCheckinLoader read);
void koers_store_clear_checkin_loader (KoersStore *self);
int  koers_store_compare_departments (gconstpointer a,
                                      gconstpointer b,
                                      gpointer      user_data);
int  koers_store_compare_objectives (gconstpointer a,
                                     gconstpointer b,
                                     gpointer      user_data);
/* ORDER BY department_id, position, id. */
int koers_store_compare_kpis (gconstpointer a,
                              gconstpointer b,
                              gpointer      user_data);
/* Takes object (a department, objective, key result, check-in, KPI or
 * KPI value) and what it holds into the indexes by id; owner is what
 * holds it (the objective of a key result, the key result of a check-in,
 * the KPI of a value), or NULL for the others. */
void koers_store_index (KoersStore *self,
                        gpointer    object,
                        gpointer    owner);
/* Lets object and what it holds go from the indexes. */
void koers_store_unindex (KoersStore *self,
                          gpointer    object);
/* The owner the indexes hold child (a key result, check-in or KPI value)
 * under: its objective, key result or KPI; NULL when it is not indexed. */
gpointer koers_store_get_owner (KoersStore *self,
                                gpointer    child);
/* In memory, after COMMIT: keep indexes a department, objective or KPI
 * (with what it holds) and puts it into its sorted list; forget
 * unindexes it and takes it out of the list. */
void koers_store_keep (KoersStore *self,
                       gpointer    object);
void koers_store_forget (KoersStore *self,
                         gpointer    object);
/* The owner in the indexes that child (a key result, check-in or KPI
 * value) links to, by its objective-id, key-result-id or kpi-id; NULL
 * when the indexes do not hold it. */
gpointer koers_store_find_owner (KoersStore *self,
                                 gpointer    child);
/* A key result, check-in or KPI value goes into its owner's list (the
 * objective, key result or KPI; a check-in or value already there is
 * re-sorted) and the indexes. */
void koers_store_keep_child (KoersStore *self,
                             gpointer    child,
                             gpointer    owner);
/* A key result, check-in or KPI value leaves the indexes and its owner's
 * list (owner: NULL when none holds it). */
void koers_store_forget_child (KoersStore *self,
                               gpointer    child,
                               gpointer    owner);
/* The store's own object with object's id, of object's kind (a copy or
 * the store's object itself), or NULL. */
gpointer        koers_store_find_stored (KoersStore *self,
                                         gpointer    object);
KoersCheckin   *koers_store_find_checkin (KoersStore *self,
                                          gint64      id);
KoersKeyResult *koers_store_get_checkin_key_result (KoersStore   *self,
                                                    KoersCheckin *checkin);
/* Keeps the objective list sorted after an objective's keys changed. */
void koers_store_resort_objective (KoersStore     *self,
                                   KoersObjective *objective);
void koers_store_resort_kpi (KoersStore *self,
                             KoersKpi   *kpi);

/* koers-store-objectives.c: the next position among the objectives of a
 * department and period. */
int koers_store_next_objective_position (KoersStore *self,
                                         gint64      department_id,
                                         const char *period);

/* koers-store-owned.c: deleting and undoing the delete of what a
 * department owns, an objective or a KPI (own: the store's object).
 * delete_sql deletes the row whose id is ?1; still_there and
 * no_department are the errors when the object cannot come back. */
gboolean koers_store_delete_owned (KoersStore *self,
                                   GObject    *own,
                                   const char *delete_sql,
                                   GError    **error);
gboolean koers_store_restore_owned (KoersStore *self,
                                    GObject    *object,
                                    const char *still_there,
                                    const char *no_department,
                                    GError    **error);

/* koers-store-links.c: the links a delete clears and an undo restores.
 * objective_ids and kpi_ids (sets of gint64, or NULL) are what goes or
 * comes back, department_id the department (or 0). */
void     koers_store_collect_links (KoersStore *self,
                                    GHashTable *objective_ids,
                                    GHashTable *kpi_ids,
                                    gint64      department_id,
                                    GArray     *out);
void     koers_store_clear_links (KoersStore *self,
                                  GArray     *links);
gboolean koers_store_relink (KoersStore *self,
                             GHashTable *objective_ids,
                             GHashTable *kpi_ids,
                             gint64      department_id,
                             GArray     *out,
                             GError    **error);
void     koers_store_apply_relinks (KoersStore *self,
                                    GArray     *links);
/* Writes an objective with its key results and check-ins.  fresh: new ids,
 * stamps and positions (add); else the same ids (restore).  Rows to apply
 * after COMMIT are appended to pending. */
gboolean koers_store_insert_objective_tree (KoersStore     *self,
                                            KoersObjective *objective,
                                            KoersRow       *row,
                                            gboolean        fresh,
                                            GHashTable     *restoring,
                                            GPtrArray      *pending,
                                            GError        **error);
gboolean koers_store_insert_key_result_tree (KoersStore     *self,
                                             KoersKeyResult *kr,
                                             KoersRow       *row,
                                             gboolean        fresh,
                                             GPtrArray      *pending,
                                             GError        **error);
/* A KPI with its values, as the trees above. */
gboolean koers_store_insert_kpi_tree (KoersStore *self,
                                      KoersKpi   *kpi,
                                      KoersRow   *row,
                                      gboolean    fresh,
                                      GPtrArray  *pending,
                                      GError    **error);
/* A new object (any of the six kinds) with what it holds, in a
 * transaction of its own: row is its row (taken), fresh as above; after
 * COMMIT the rows are applied to the objects, which the caller then puts
 * into the model. */
gboolean koers_store_write_tree (KoersStore *self,
                                 GObject    *object,
                                 KoersRow   *row,
                                 gboolean    fresh,
                                 GError    **error);

G_END_DECLS
