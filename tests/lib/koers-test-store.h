/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests that use a store: a database in a temporary folder,
 * objectives, key results, check-ins and KPIs put in through the store,
 * and a second, raw SQLite connection that shows what really is on disk. */

#include <sqlite3.h>

#include "store/koers-store.h"
#include "koers-test-files.h"

G_BEGIN_DECLS

/* A test's temporary folder and the database path in it. */
typedef struct
{
  char *dir;  /* the test's temporary folder */
  char *path; /* dir/data/koers.db: the store makes "data" */
} KoersTestDir;

/* g_test_add() setup and teardown: the folder, made and removed. */
void koers_test_dir_setup (KoersTestDir *fixture,
                           gconstpointer data);
void koers_test_dir_teardown (KoersTestDir *fixture,
                              gconstpointer data);

/* An open store on a fresh file, counting its "changed" signal. */
typedef struct
{
  KoersTestDir files;
  KoersStore  *store;
  guint        changed;
} KoersTestStore;

void koers_test_store_setup (KoersTestStore *fixture,
                             gconstpointer   data);
void koers_test_store_teardown (KoersTestStore *fixture,
                                gconstpointer   data);
/* On the test server (suite server): skips the test, saying why (a raw
 * SQLite connection, a file's own behaviour), and TRUE. */
gboolean koers_test_store_skip_on_server (KoersTestStore *fixture,
                                          const char     *why);
/* A row count in the file, through another connection. */
gint64 koers_test_store_count_rows (KoersTestStore *fixture,
                                    const char     *sql);
/* An objective of department (a name) in the store, with one key result
 * with two check-ins when full; each call is one "changed". */
KoersObjective *koers_test_store_add_objective (KoersTestStore *fixture,
                                                const char     *department,
                                                const char     *title,
                                                const char     *period,
                                                gboolean        full);
/* (transfer full) A key result of 0 to 100 points. */
KoersKeyResult *koers_test_store_add_key_result (KoersTestStore *fixture,
                                                 KoersObjective *objective,
                                                 const char     *title);
/* (transfer full) A check-in without a status; one "changed". */
KoersCheckin *koers_test_store_add_checkin (KoersTestStore *fixture,
                                            KoersKeyResult *kr,
                                            const char     *date,
                                            double          value);
/* The store's objectives are in its sort order. */
void koers_test_store_assert_objectives_sorted (KoersTestStore *fixture);

/* Opens path; the test fails when it cannot. */
KoersStore *koers_test_open_store (const char *path);
/* The department named name (borrowed); the test fails without one. */
KoersDepartment *koers_test_find_department (KoersStore *store,
                                             const char *name);
/* The objective titled title (borrowed); the test fails without one. */
KoersObjective *koers_test_find_objective (KoersStore *store,
                                           const char *title);
/* The objective's first key result (borrowed). */
KoersKeyResult *koers_test_first_key_result (KoersObjective *objective);
/* An objective of department in period, committed, at the department's
 * level (borrowed: the store holds it). */
KoersObjective *koers_test_add_objective (KoersStore      *store,
                                          KoersDepartment *department,
                                          const char      *title,
                                          const char      *period);
/* A number key result in leads (borrowed). */
KoersKeyResult *koers_test_add_key_result (KoersStore     *store,
                                           KoersObjective *objective,
                                           const char     *title,
                                           double          start,
                                           double          target,
                                           double          current);
/* A check-in of kr (borrowed: the key result holds it). */
KoersCheckin *koers_test_add_checkin (KoersStore        *store,
                                      KoersKeyResult    *kr,
                                      const char        *date,
                                      double             value,
                                      KoersCheckinStatus status,
                                      const char        *note);
/* A monthly number KPI of department (borrowed). */
KoersKpi *koers_test_add_kpi (KoersStore       *store,
                              KoersDepartment  *department,
                              const char       *name,
                              KoersKpiDirection direction,
                              double            healthy,
                              double            attention);
/* A value of kpi on date (borrowed). */
KoersKpiValue *koers_test_add_kpi_value (KoersStore *store,
                                         KoersKpi   *kpi,
                                         const char *date,
                                         double      value);
/* A team of parent, added to store (which keeps it). */
KoersDepartment *koers_test_add_team (KoersStore      *store,
                                      KoersDepartment *parent,
                                      const char      *name);
guint            koers_test_n_items (GListModel *model);
/* A "changed" handler: counts into *count. */
void koers_test_count_cb (KoersStore *store,
                          guint      *count);

/* A raw connection to path (the test fails when it cannot open it). */
sqlite3 *koers_test_open_raw (const char *path);
/* Runs sql on path; the test fails on an error. */
void koers_test_exec_raw (const char *path,
                          const char *sql);
/* The first column of the first row, as an integer (-1: no row). */
gint64 koers_test_query_int (const char *path,
                             const char *sql);
/* The same as text (NULL: no row). */
char *koers_test_query_text (const char *path,
                             const char *sql);
/* No -wal, -shm or -journal file beside path. */
void koers_test_assert_no_side_files (const char *path);

G_END_DECLS
