/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The fixture and helpers of the write tests (test-store-crud.c,
 * test-store-key-results.c): an open store on a fresh file, counting its
 * "changed" signal. */

#include "koers-store-private.h"
#include "test-store-utils.h"

typedef struct
{
  StoreFixture files;
  KoersStore *store;
  guint changed;
} Fixture;

static inline void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  store_fixture_setup (&fixture->files, data);
  fixture->store = open_store (fixture->files.path);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (count_cb), &fixture->changed);
}

static inline void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->store);
  store_fixture_teardown (&fixture->files, data);
}

/* A row count in the file, through another connection. */
static inline gint64
count_rows (Fixture    *fixture,
            const char *sql)
{
  return query_int (fixture->files.path, sql);
}

static inline KoersDepartment *
get_department (Fixture    *fixture,
                const char *name)
{
  KoersDepartment *dept = koers_store_find_department_by_name (fixture->store, name);

  g_assert_nonnull (dept);
  return dept;
}

/* Adds an objective (with one key result with two check-ins when full). */
static inline KoersObjective *
add_objective (Fixture    *fixture,
               const char *department,
               const char *title,
               const char *period,
               gboolean    full)
{
  g_autoptr(GError) error = NULL;
  KoersObjective *objective;
  guint before = fixture->changed;

  objective = koers_objective_new (title, KOERS_LEVEL_DEPARTMENT,
                                   KOERS_OBJECTIVE_KIND_COMMITTED, period);
  koers_objective_set_department_id (objective,
                                     koers_department_get_id (get_department (fixture, department)));
  if (full)
    {
      g_autoptr(KoersKeyResult) kr = koers_key_result_new ("Leads", KOERS_METRIC_KIND_NUMBER,
                                                           600, 1200, "leads");
      g_autoptr(KoersCheckin) first = koers_checkin_new ("2026-04-10", 700,
                                                         KOERS_CHECKIN_STATUS_ON_TRACK, NULL);
      g_autoptr(KoersCheckin) second = koers_checkin_new ("2026-05-01", 850,
                                                          KOERS_CHECKIN_STATUS_AT_RISK, "Slow");

      koers_key_result_add_checkin (kr, first);
      koers_key_result_add_checkin (kr, second);
      koers_objective_insert_key_result (objective, kr);
    }

  g_assert_true (koers_store_add_objective (fixture->store, objective, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, before + 1);
  return objective;
}

static inline KoersKeyResult *
add_key_result (Fixture        *fixture,
                KoersObjective *objective,
                const char     *title)
{
  g_autoptr(GError) error = NULL;
  KoersKeyResult *kr = koers_key_result_new (title, KOERS_METRIC_KIND_NUMBER, 0, 100, "points");

  g_assert_true (koers_store_add_key_result (fixture->store, objective, kr, &error));
  g_assert_no_error (error);
  return kr;
}

static inline KoersCheckin *
add_checkin (Fixture        *fixture,
             KoersKeyResult *kr,
             const char     *date,
             double          value)
{
  g_autoptr(GError) error = NULL;
  KoersCheckin *checkin = koers_checkin_new (date, value, KOERS_CHECKIN_STATUS_NONE, NULL);
  guint before = fixture->changed;

  g_assert_true (koers_store_add_checkin (fixture->store, kr, checkin, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, before + 1);
  return checkin;
}

static inline void
assert_objectives_sorted (Fixture *fixture)
{
  GListModel *model = koers_store_get_objectives (fixture->store);

  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KoersObjective) a = g_list_model_get_item (model, i - 1);
      g_autoptr(KoersObjective) b = g_list_model_get_item (model, i);

      g_assert_cmpint (koers_store_compare_objectives (a, b, NULL), <, 0);
    }
}

static inline guint
n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}
