/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "core/koers-date.h"
#include "core/koers-seed.h"
#include "koers-store-review.h"
#include "koers-store-private.h"
#include "koers-test-store.h"

/* KPIs in the store: add, save, move, delete and restore of KPIs and their
 * values; the key result's link and what deletes do to it (ON DELETE SET
 * NULL, and back on undo); a department that takes its KPIs along; the
 * migration of a schema 3 file.  The demo's KPIs: test-demo. */

/* (transfer none): the objective holds it. */
static KoersKeyResult *
first_key_result (KoersObjective *objective)
{
  g_autoptr (KoersKeyResult) kr = g_list_model_get_item (koers_objective_get_key_results (objective), 0);

  g_assert_nonnull (kr);
  return kr;
}

static KoersKpi *
add_kpi (KoersTestStore *fixture,
         const char     *department,
         const char     *name,
         guint           n_values)
{
  g_autoptr (GError) error = NULL;
  KoersKpi *kpi;
  guint     before = fixture->changed;

  kpi = koers_kpi_new (name, KOERS_METRIC_KIND_NUMBER, "", KOERS_KPI_DIRECTION_HIGHER, 50, 40,
                       KOERS_KPI_FREQUENCY_MONTHLY);
  koers_kpi_set_department_id (kpi, koers_department_get_id (koers_test_find_department (fixture->store, department)));

  for (guint i = 0; i < n_values; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-%02u-01", i + 1);
      g_autoptr (KoersKpiValue) value = koers_kpi_value_new (date, 38 + 3 * i, "");

      koers_kpi_add_value (kpi, value);
    }

  g_assert_true (koers_store_add_kpi (fixture->store, kpi, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, before + 1);
  return kpi;
}

static gint64
kpi_id_of_key_result (KoersTestStore *fixture,
                      KoersKeyResult *kr)
{
  g_autofree char *sql = g_strdup_printf ("SELECT ifnull (kpi_id, 0) FROM key_results WHERE id = %" G_GINT64_FORMAT, koers_key_result_get_id (kr));

  return koers_test_store_count_rows (fixture, sql);
}

static void
test_add_save (KoersTestStore *fixture,
               gconstpointer   data)
{
  g_autoptr (KoersKpi) nps = add_kpi (fixture, "Customer service", "NPS", 3);
  g_autoptr (KoersKpi) response = add_kpi (fixture, "Customer service", "First response time", 0);
  g_autoptr (KoersKpi) copy = NULL;
  g_autoptr (KoersStore) reopened = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  KoersDepartment *service = koers_test_find_department (fixture->store, "Customer service");
  KoersDepartment *sales = koers_test_find_department (fixture->store, "Sales");
  KoersKpi        *stored;
  gint64           created;
  guint            changed;

  g_assert_cmpint (koers_kpi_get_id (nps), >, 0);
  g_assert_cmpuint (strlen (koers_kpi_get_uuid (nps)), ==, 36);
  created = koers_kpi_get_created (nps);
  g_assert_cmpint (created, >, 0);
  g_assert_cmpint (koers_kpi_get_updated (nps), ==, created);
  g_assert_cmpint (koers_kpi_get_position (nps), ==, 0);
  g_assert_cmpint (koers_kpi_get_position (response), ==, 1);
  g_assert_true (koers_store_find_kpi (fixture->store, koers_kpi_get_id (nps)) == nps);
  g_assert_cmpuint (koers_test_n_items (koers_store_get_kpis (fixture->store)), ==, 2);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM kpis"), ==, 2);

  /* Its values went in with it, with ids, uuids and the KPI's stamps. */
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM kpi_values"), ==, 3);
  g_assert_cmpfloat (koers_kpi_get_current_value (nps), ==, 44);
  g_assert_cmpint (koers_kpi_get_status (nps), ==, KOERS_KPI_STATUS_NEEDS_ATTENTION);
  {
    KoersKpiValue *latest = koers_kpi_get_latest_value (nps);

    g_assert_cmpint (koers_kpi_value_get_id (latest), >, 0);
    g_assert_cmpint (koers_kpi_value_get_kpi_id (latest), ==, koers_kpi_get_id (nps));
    g_assert_cmpuint (strlen (koers_kpi_value_get_uuid (latest)), ==, 36);
    g_assert_true (koers_store_find_kpi_value (fixture->store, koers_kpi_value_get_id (latest)) ==
                   latest);
    g_assert_true (koers_store_get_kpi_value_kpi (fixture->store, latest) == nps);
  }

  /* Adding it twice is refused. */
  changed = fixture->changed;
  g_assert_false (koers_store_add_kpi (fixture->store, nps, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->changed, ==, changed);

  /* Saved in place. */
  koers_kpi_set_name (nps, "Net Promoter Score");
  koers_kpi_set_healthy (nps, 40);
  koers_kpi_set_attention (nps, 30);
  koers_kpi_set_frequency (nps, KOERS_KPI_FREQUENCY_QUARTERLY);
  g_assert_true (koers_store_save_kpi (fixture->store, nps, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, changed + 1);
  g_assert_cmpint (koers_kpi_get_updated (nps), >, created);
  g_assert_cmpint (koers_kpi_get_status (nps), ==, KOERS_KPI_STATUS_HEALTHY);

  /* From a copy: the store's object takes the values. */
  copy = koers_kpi_new ("Net Promoter Score", KOERS_METRIC_KIND_NUMBER, "points",
                        KOERS_KPI_DIRECTION_LOWER, 10, 20, KOERS_KPI_FREQUENCY_WEEKLY);
  koers_kpi_set_id (copy, koers_kpi_get_id (nps));
  koers_kpi_set_department_id (copy, koers_department_get_id (service));
  g_assert_true (koers_store_save_kpi (fixture->store, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (koers_kpi_get_unit (nps), ==, "points");
  g_assert_cmpint (koers_kpi_get_direction (nps), ==, KOERS_KPI_DIRECTION_LOWER);
  g_assert_cmpint (koers_kpi_get_frequency (nps), ==, KOERS_KPI_FREQUENCY_WEEKLY);
  g_assert_cmpint (koers_kpi_get_status (nps), ==, KOERS_KPI_STATUS_UNHEALTHY);
  g_assert_cmpint (koers_kpi_get_position (nps), ==, 0);

  /* Thresholds the wrong way round are refused, and the store's object
   * shows what is stored again. */
  changed = fixture->changed;
  koers_kpi_set_attention (nps, 5);
  g_assert_false (koers_store_save_kpi (fixture->store, nps, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpfloat (koers_kpi_get_attention (nps), ==, 20);
  koers_kpi_set_healthy (nps, NAN);
  g_assert_false (koers_store_save_kpi (fixture->store, nps, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpfloat (koers_kpi_get_healthy (nps), ==, 10);
  koers_kpi_set_name (nps, "  ");
  g_assert_false (koers_store_save_kpi (fixture->store, nps, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpstr (koers_kpi_get_name (nps), ==, "Net Promoter Score");
  koers_kpi_set_department_id (nps, 9999);
  g_assert_false (koers_store_save_kpi (fixture->store, nps, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (koers_kpi_get_department_id (nps), ==, koers_department_get_id (service));
  g_assert_cmpuint (fixture->changed, ==, changed);

  /* Another department: last there. */
  koers_kpi_set_department_id (response, koers_department_get_id (sales));
  g_assert_true (koers_store_save_kpi (fixture->store, response, &error));
  g_assert_no_error (error);
  g_assert_cmpint (koers_kpi_get_position (response), ==, 0);
  list = koers_store_list_department_kpis (fixture->store, sales);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (g_ptr_array_index (list, 0) == response);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* All of it is in the file. */
  g_clear_object (&fixture->store);
  reopened = koers_test_open_store (fixture->files.path);
  g_assert_cmpuint (koers_test_n_items (koers_store_get_kpis (reopened)), ==, 2);
  stored = koers_store_find_kpi (reopened, koers_kpi_get_id (nps));
  g_assert_cmpstr (koers_kpi_get_name (stored), ==, "Net Promoter Score");
  g_assert_cmpstr (koers_kpi_get_uuid (stored), ==, koers_kpi_get_uuid (nps));
  g_assert_cmpstr (koers_kpi_get_unit (stored), ==, "points");
  g_assert_cmpint (koers_kpi_get_direction (stored), ==, KOERS_KPI_DIRECTION_LOWER);
  g_assert_cmpfloat (koers_kpi_get_healthy (stored), ==, 10);
  g_assert_cmpfloat (koers_kpi_get_attention (stored), ==, 20);
  g_assert_cmpint (koers_kpi_get_frequency (stored), ==, KOERS_KPI_FREQUENCY_WEEKLY);
  g_assert_cmpint (koers_kpi_get_created (stored), ==, created);
  g_assert_cmpint (koers_kpi_get_updated (stored), ==, koers_kpi_get_updated (nps));
  g_assert_cmpuint (koers_test_n_items (koers_kpi_get_values (stored)), ==, 3);
  g_assert_cmpfloat (koers_kpi_get_current_value (stored), ==, 44);
  g_assert_cmpstr (koers_kpi_get_last_update_date (stored), ==, "2026-03-01");
  g_assert_cmpint (koers_kpi_get_department_id (koers_store_find_kpi (reopened,
                                                                      koers_kpi_get_id (response))),
                   ==, koers_kpi_get_department_id (response));
}

static void
test_move (KoersTestStore *fixture,
           gconstpointer   data)
{
  g_autoptr (KoersKpi) a = add_kpi (fixture, "IT & Development", "Uptime", 0);
  g_autoptr (KoersKpi) b = add_kpi (fixture, "IT & Development", "Open incidents", 0);
  g_autoptr (KoersKpi) c = add_kpi (fixture, "IT & Development", "Lead time", 0);
  g_autoptr (KoersKpi) other = add_kpi (fixture, "Finance", "DSO", 0);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  KoersDepartment *it = koers_test_find_department (fixture->store, "IT & Development");
  guint            changed = fixture->changed;

  g_assert_true (koers_store_move_kpi (fixture->store, c, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, changed + 1);
  list = koers_store_list_department_kpis (fixture->store, it);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_true (g_ptr_array_index (list, 0) == c);
  g_assert_true (g_ptr_array_index (list, 1) == a);
  g_assert_true (g_ptr_array_index (list, 2) == b);
  g_assert_cmpint (koers_kpi_get_position (b), ==, 2);
  g_assert_cmpint (koers_kpi_get_position (other), ==, 0);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT position FROM kpis WHERE name = 'Lead time'"), ==, 0);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT position FROM kpis WHERE name = 'Open incidents'"),
                   ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Past the end is last. */
  g_assert_true (koers_store_move_kpi (fixture->store, c, 99, &error));
  list = koers_store_list_department_kpis (fixture->store, it);
  g_assert_true (g_ptr_array_index (list, 2) == c);

  /* The store's list stays sorted. */
  for (guint i = 1; i < koers_test_n_items (koers_store_get_kpis (fixture->store)); i++)
    {
      g_autoptr (KoersKpi) x = g_list_model_get_item (koers_store_get_kpis (fixture->store), i - 1);
      g_autoptr (KoersKpi) y = g_list_model_get_item (koers_store_get_kpis (fixture->store), i);

      g_assert_cmpint (koers_store_compare_kpis (x, y, NULL), <, 0);
    }
}

static void
test_values (KoersTestStore *fixture,
             gconstpointer   data)
{
  g_autoptr (KoersKpi) kpi = add_kpi (fixture, "Marketing", "Website visits", 0);
  g_autoptr (KoersKpiValue) today = koers_kpi_value_new (NULL, 4300, "After the campaign");
  g_autoptr (KoersKpiValue) april = koers_kpi_value_new ("2026-04-01", 3900, NULL);
  g_autoptr (KoersKpiValue) bad = koers_kpi_value_new ("2026-04-31", 1, NULL);
  g_autoptr (KoersKpiValue) copy = NULL;
  g_autoptr (GError) error = NULL;
  guint  changed = fixture->changed;
  gint64 id;

  koers_kpi_set_healthy (kpi, 5000);
  koers_kpi_set_attention (kpi, 4000);
  g_assert_true (koers_store_save_kpi (fixture->store, kpi, &error));
  changed++;

  /* No date: today's (KOERS_TODAY). */
  g_assert_true (koers_store_add_kpi_value (fixture->store, kpi, today, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, changed + 1);
  g_assert_cmpstr (koers_kpi_value_get_date (today), ==, "2026-05-15");
  g_assert_cmpint (koers_kpi_value_get_kpi_id (today), ==, koers_kpi_get_id (kpi));
  g_assert_cmpint (koers_kpi_value_get_created (today), >, 0);
  g_assert_cmpint (koers_kpi_get_status (kpi), ==, KOERS_KPI_STATUS_NEEDS_ATTENTION);
  g_assert_cmpfloat (koers_kpi_get_current_value (kpi), ==, 4300);

  g_assert_true (koers_store_add_kpi_value (fixture->store, kpi, april, &error));
  g_assert_true (koers_kpi_get_latest_value (kpi) == today);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM kpi_values"), ==, 2);

  /* A day that does not exist, or no number, is refused. */
  changed = fixture->changed;
  g_assert_false (koers_store_add_kpi_value (fixture->store, kpi, bad, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  koers_kpi_value_set_date (bad, "2026-04-30");
  koers_kpi_value_set_value (bad, NAN);
  g_assert_false (koers_store_add_kpi_value (fixture->store, kpi, bad, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->changed, ==, changed);
  g_assert_cmpuint (koers_test_n_items (koers_kpi_get_values (kpi)), ==, 2);

  /* Saved in place: a later date moves April to the front. */
  koers_kpi_value_set_date (april, "2026-05-20");
  koers_kpi_value_set_value (april, 5100);
  g_assert_true (koers_store_save_kpi_value (fixture->store, april, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, changed + 1);
  g_assert_true (koers_kpi_get_latest_value (kpi) == april);
  g_assert_cmpint (koers_kpi_get_status (kpi), ==, KOERS_KPI_STATUS_HEALTHY);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT value FROM kpi_values WHERE date = '2026-05-20'"),
                   ==, 5100);

  /* A save without a date is refused and shows the stored one again. */
  koers_kpi_value_set_date (april, NULL);
  g_assert_false (koers_store_save_kpi_value (fixture->store, april, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpstr (koers_kpi_value_get_date (april), ==, "2026-05-20");

  /* From a copy. */
  copy = koers_kpi_value_new ("2026-05-14", 4400, "Corrected");
  koers_kpi_value_set_id (copy, koers_kpi_value_get_id (today));
  g_assert_true (koers_store_save_kpi_value (fixture->store, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (koers_kpi_value_get_note (today), ==, "Corrected");
  g_assert_cmpfloat (koers_kpi_value_get_value (today), ==, 4400);

  /* Delete and undo. */
  changed = fixture->changed;
  id = koers_kpi_value_get_id (april);
  g_assert_true (koers_store_delete_kpi_value (fixture->store, april, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, changed + 1);
  g_assert_null (koers_store_find_kpi_value (fixture->store, id));
  g_assert_true (koers_kpi_get_latest_value (kpi) == today);
  g_assert_cmpint (koers_kpi_get_status (kpi), ==, KOERS_KPI_STATUS_NEEDS_ATTENTION);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM kpi_values"), ==, 1);
  g_assert_false (koers_store_delete_kpi_value (fixture->store, april, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_true (koers_store_restore_kpi_value (fixture->store, kpi, april, &error));
  g_assert_no_error (error);
  g_assert_cmpint (koers_kpi_value_get_id (april), ==, id);
  g_assert_true (koers_kpi_get_latest_value (kpi) == april);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM kpi_values"), ==, 2);
  g_assert_false (koers_store_restore_kpi_value (fixture->store, kpi, april, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
}

static void
test_key_result_link (KoersTestStore *fixture,
                      gconstpointer   data)
{
  g_autoptr (KoersKpi) nps = add_kpi (fixture, "Customer service", "NPS", 2);
  g_autoptr (KoersObjective) objective = koers_test_store_add_objective (fixture, "Customer service",
                                                                         "Increase customer satisfaction.",
                                                                         "2026-Q2", TRUE);
  g_autoptr (KoersObjective) linked = NULL;
  g_autoptr (KoersKeyResult) raise = NULL;
  g_autoptr (KoersStore) reopened = NULL;
  g_autoptr (GPtrArray) krs = NULL;
  g_autoptr (GError) error = NULL;
  KoersKeyResult *kr = first_key_result (objective);
  gint64          kpi_id = koers_kpi_get_id (nps);
  KoersKeyResult *stored;
  guint           changed;

  /* Saved with a link. */
  koers_key_result_set_kpi_id (kr, kpi_id);
  g_assert_true (koers_store_save_key_result (fixture->store, kr, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kpi_id_of_key_result (fixture, kr), ==, kpi_id);

  /* Added with one, in a new objective. */
  linked = koers_objective_new ("Raise NPS", KOERS_LEVEL_DEPARTMENT, KOERS_OBJECTIVE_KIND_COMMITTED,
                                "2026-Q2");
  koers_objective_set_department_id (linked, koers_kpi_get_department_id (nps));
  raise = koers_key_result_new ("Raise NPS from 40 to 55", KOERS_METRIC_KIND_NUMBER, 40, 55, "");
  koers_key_result_set_kpi_id (raise, kpi_id);
  koers_objective_insert_key_result (linked, raise);
  g_assert_true (koers_store_add_objective (fixture->store, linked, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kpi_id_of_key_result (fixture, raise), ==, kpi_id);

  /* The other side of the link. */
  krs = koers_store_list_kpi_key_results (fixture->store, nps);
  g_assert_cmpuint (krs->len, ==, 2);
  g_assert_true (g_ptr_array_find (krs, kr, NULL));
  g_assert_true (g_ptr_array_find (krs, raise, NULL));
  g_clear_pointer (&krs, g_ptr_array_unref);

  /* An archived objective's key result keeps its link, but moves the KPI
   * no more: not listed until the objective is restored. */
  g_assert_true (koers_store_set_objective_archived (fixture->store, linked, TRUE, &error));
  g_assert_no_error (error);
  krs = koers_store_list_kpi_key_results (fixture->store, nps);
  g_assert_cmpuint (krs->len, ==, 1);
  g_assert_true (g_ptr_array_find (krs, kr, NULL));
  g_assert_cmpint (koers_key_result_get_kpi_id (raise), ==, kpi_id);
  g_clear_pointer (&krs, g_ptr_array_unref);
  g_assert_true (koers_store_set_objective_archived (fixture->store, linked, FALSE, &error));
  g_assert_no_error (error);
  krs = koers_store_list_kpi_key_results (fixture->store, nps);
  g_assert_cmpuint (krs->len, ==, 2);
  g_clear_pointer (&krs, g_ptr_array_unref);

  /* A link to nothing is refused, and the file keeps the old one. */
  changed = fixture->changed;
  koers_key_result_set_kpi_id (kr, 4242);
  g_assert_false (koers_store_save_key_result (fixture->store, kr, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (koers_key_result_get_kpi_id (kr), ==, kpi_id);
  {
    g_autoptr (KoersObjective) bad = koers_objective_new ("Bad link", KOERS_LEVEL_DEPARTMENT,
                                                          KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2");
    g_autoptr (KoersKeyResult) bad_kr = koers_key_result_new ("Nowhere", KOERS_METRIC_KIND_NUMBER,
                                                              0, 1, "");

    koers_objective_set_department_id (bad, koers_kpi_get_department_id (nps));
    koers_key_result_set_kpi_id (bad_kr, 4242);
    koers_objective_insert_key_result (bad, bad_kr);
    g_assert_false (koers_store_add_objective (fixture->store, bad, &error));
    g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
    g_assert_cmpint (koers_objective_get_id (bad), ==, 0);
  }
  g_assert_cmpuint (fixture->changed, ==, changed);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM objectives"), ==, 2);

  /* Deleting the KPI: values go, links are cleared (SET NULL). */
  g_assert_true (koers_store_delete_kpi (fixture->store, nps, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, changed + 1);
  g_assert_null (koers_store_find_kpi (fixture->store, kpi_id));
  g_assert_cmpuint (koers_test_n_items (koers_store_get_kpis (fixture->store)), ==, 0);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM kpis"), ==, 0);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM kpi_values"), ==, 0);
  g_assert_cmpint (koers_key_result_get_kpi_id (kr), ==, 0);
  g_assert_cmpint (koers_key_result_get_kpi_id (raise), ==, 0);
  g_assert_cmpint (kpi_id_of_key_result (fixture, kr), ==, 0);
  g_assert_cmpint (kpi_id_of_key_result (fixture, raise), ==, 0);
  /* The object keeps its history, for the undo. */
  g_assert_cmpuint (koers_test_n_items (koers_kpi_get_values (nps)), ==, 2);

  /* Undo: the KPI, its values and both links are back. */
  g_assert_true (koers_store_restore_kpi (fixture->store, nps, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, changed + 2);
  g_assert_true (koers_store_find_kpi (fixture->store, kpi_id) == nps);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM kpi_values"), ==, 2);
  g_assert_cmpint (koers_key_result_get_kpi_id (kr), ==, kpi_id);
  g_assert_cmpint (koers_key_result_get_kpi_id (raise), ==, kpi_id);
  g_assert_cmpint (kpi_id_of_key_result (fixture, kr), ==, kpi_id);
  g_assert_cmpint (kpi_id_of_key_result (fixture, raise), ==, kpi_id);
  g_assert_false (koers_store_restore_kpi (fixture->store, nps, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* A key result linked anew after the delete keeps its new link. */
  g_assert_true (koers_store_delete_kpi (fixture->store, nps, &error));
  {
    g_autoptr (KoersKpi) other = add_kpi (fixture, "Customer service", "Churn", 1);

    koers_key_result_set_kpi_id (raise, koers_kpi_get_id (other));
    g_assert_true (koers_store_save_key_result (fixture->store, raise, &error));
    g_assert_no_error (error);
    g_assert_true (koers_store_restore_kpi (fixture->store, nps, &error));
    g_assert_no_error (error);
    g_assert_cmpint (koers_key_result_get_kpi_id (raise), ==, koers_kpi_get_id (other));
    g_assert_cmpint (koers_key_result_get_kpi_id (kr), ==, kpi_id);
  }

  /* A key result deleted with its link comes back without it when the
   * KPI is gone for good. */
  g_object_ref (kr);
  g_assert_true (koers_store_delete_key_result (fixture->store, kr, &error));
  g_assert_true (koers_store_delete_kpi (fixture->store, nps, &error));
  g_assert_cmpint (koers_key_result_get_kpi_id (kr), ==, kpi_id);
  g_assert_true (koers_store_restore_key_result (fixture->store, objective, kr, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kpi_id_of_key_result (fixture, kr), ==, 0);
  g_assert_cmpint (koers_key_result_get_kpi_id (kr), ==, 0);
  g_object_unref (kr);

  g_clear_object (&fixture->store);
  reopened = koers_test_open_store (fixture->files.path);
  stored = koers_store_find_key_result (reopened, koers_key_result_get_id (raise));
  g_assert_cmpint (koers_key_result_get_kpi_id (stored), !=, 0);
  g_assert_nonnull (koers_store_find_kpi (reopened, koers_key_result_get_kpi_id (stored)));
}

/* A department takes its KPIs along, and its undo brings them back with
 * their values and the links other departments had to them. */
static void
test_department_cascade (KoersTestStore *fixture,
                         gconstpointer   data)
{
  g_autoptr (KoersKpi) visits = add_kpi (fixture, "Marketing", "Website visits", 4);
  g_autoptr (KoersKpi) revenue = add_kpi (fixture, "Sales", "Monthly revenue", 1);
  g_autoptr (KoersObjective) sales_objective = koers_test_store_add_objective (fixture, "Sales", "Sell more",
                                                                               "2026-Q2", TRUE);
  g_autoptr (KoersObjective) marketing_objective = koers_test_store_add_objective (fixture, "Marketing",
                                                                                   "Be seen", "2026-Q2", TRUE);
  g_autoptr (GPtrArray) objectives = NULL;
  g_autoptr (GError) error = NULL;
  KoersDepartment *marketing = g_object_ref (koers_test_find_department (fixture->store, "Marketing"));
  KoersKeyResult  *outside = first_key_result (sales_objective);
  KoersKeyResult  *inside = first_key_result (marketing_objective);
  gint64           visits_id = koers_kpi_get_id (visits);
  guint            changed;

  koers_key_result_set_kpi_id (outside, visits_id);
  koers_key_result_set_kpi_id (inside, visits_id);
  g_assert_true (koers_store_save_key_result (fixture->store, outside, &error));
  g_assert_true (koers_store_save_key_result (fixture->store, inside, &error));
  g_assert_no_error (error);
  changed = fixture->changed;

  objectives = koers_store_list_department_objectives (fixture->store, marketing);
  g_assert_true (koers_store_delete_department (fixture->store, marketing, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, changed + 1);
  g_assert_null (koers_store_find_kpi (fixture->store, visits_id));
  g_assert_cmpuint (koers_test_n_items (koers_store_get_kpis (fixture->store)), ==, 1);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM kpis"), ==, 1);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM kpi_values"), ==, 1);
  g_assert_null (koers_store_find_kpi_value (fixture->store,
                                             koers_kpi_value_get_id (koers_kpi_get_latest_value (visits))));
  g_assert_cmpint (koers_key_result_get_kpi_id (outside), ==, 0);
  g_assert_cmpint (kpi_id_of_key_result (fixture, outside), ==, 0);
  /* What went along keeps its link, for the undo. */
  g_assert_cmpint (koers_key_result_get_kpi_id (inside), ==, visits_id);

  /* A KPI of a deleted department cannot come back on its own. */
  g_assert_false (koers_store_restore_kpi (fixture->store, visits, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (koers_store_restore_department (fixture->store, marketing, objectives, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, changed + 2);
  g_assert_true (koers_store_find_kpi (fixture->store, visits_id) == visits);
  g_assert_cmpuint (koers_test_n_items (koers_store_get_kpis (fixture->store)), ==, 2);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM kpi_values"), ==, 5);
  g_assert_cmpuint (koers_test_n_items (koers_kpi_get_values (visits)), ==, 4);
  g_assert_nonnull (koers_store_find_kpi_value (fixture->store,
                                                koers_kpi_value_get_id (koers_kpi_get_latest_value (visits))));
  g_assert_cmpint (koers_key_result_get_kpi_id (outside), ==, visits_id);
  g_assert_cmpint (kpi_id_of_key_result (fixture, outside), ==, visits_id);
  g_assert_cmpint (kpi_id_of_key_result (fixture, inside), ==, visits_id);
  g_assert_cmpint (koers_kpi_get_status (revenue), ==, KOERS_KPI_STATUS_UNHEALTHY);

  /* Deleted again: the undo still has them. */
  g_clear_pointer (&objectives, g_ptr_array_unref);
  objectives = koers_store_list_department_objectives (fixture->store, marketing);
  g_assert_true (koers_store_delete_department (fixture->store, marketing, &error));
  g_assert_true (koers_store_restore_department (fixture->store, marketing, objectives, &error));
  g_assert_no_error (error);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM kpis"), ==, 2);
  g_object_unref (marketing);
}

/* Carrying an objective over keeps the KPI its key results move. */
static void
test_carry_over (KoersTestStore *fixture,
                 gconstpointer   data)
{
  g_autoptr (KoersKpi) churn = add_kpi (fixture, "Customer service", "Churn", 0);
  g_autoptr (KoersObjective) objective = koers_test_store_add_objective (fixture, "Customer service", "Keep customers",
                                                                         "2026-Q1", TRUE);
  g_autoptr (GError) error = NULL;
  KoersObjective *copy = NULL;
  KoersKeyResult *kr = first_key_result (objective);

  koers_key_result_set_kpi_id (kr, koers_kpi_get_id (churn));
  g_assert_true (koers_store_save_key_result (fixture->store, kr, &error));
  g_assert_true (koers_store_carry_over_objective (fixture->store, objective, NULL, NULL, &copy,
                                                   &error));
  g_assert_no_error (error);
  g_assert_cmpint (koers_key_result_get_kpi_id (first_key_result (copy)), ==,
                   koers_kpi_get_id (churn));
  g_assert_cmpint (kpi_id_of_key_result (fixture, first_key_result (copy)), ==,
                   koers_kpi_get_id (churn));
}

/* A file as schema 3 left it opens with its data and takes KPIs. */
static void
test_migrate_v3 (KoersTestDir *fixture,
                 gconstpointer data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *setup = NULL;
  g_autoptr (KoersStore) store = NULL;
  g_autoptr (KoersKpi) kpi = NULL;
  g_autoptr (GError) error = NULL;
  KoersKeyResult *kr;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  setup = g_strdup_printf ("PRAGMA application_id = %d;\n%s%s%s"
                           "PRAGMA user_version = 3;\n"
                           "INSERT INTO departments (id, uuid, name, is_company, created, updated)"
                           " VALUES (1, 'c', 'Bedrijf', 1, 1, 1), (2, 'd', 'Klantendienst', 0, 1, 1);\n"
                           "INSERT INTO objectives (id, uuid, department_id, title, level, kind, period,"
                           " state, created, updated, final_grade)"
                           " VALUES (10, 'o', 2, 'Verhoog klanttevredenheid.', 'department',"
                           " 'committed', '2026-Q1', 'active', 1, 1, 0.5);\n"
                           "INSERT INTO key_results (id, uuid, objective_id, title, metric_kind, start_value,"
                           " target_value, current_value, created, updated, final_score)"
                           " VALUES (20, 'k', 10, 'Churn omlaag', 'percentage', 5, 4.5, 4.8, 1, 1, 0.3);\n"
                           "INSERT INTO checkins (id, uuid, key_result_id, date, value, status, created, updated)"
                           " VALUES (30, 'ch', 20, '2026-03-01', 4.8, 'on-track', 1, 1);\n"
                           "INSERT INTO dismissed_findings (key, dismissed_at) VALUES ('not-aligned:o', 5);\n",
                           KOERS_STORE_APPLICATION_ID, koers_store_schema_get_ddl (1),
                           koers_store_schema_get_ddl (2), koers_store_schema_get_ddl (3));
  koers_test_exec_raw (fixture->path, setup);
  g_assert_cmpint (koers_test_query_int (fixture->path, "PRAGMA user_version"), ==, 3);

  store = koers_test_open_store (fixture->path);
  g_assert_cmpint (koers_store_get_schema_version (store), ==, KOERS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (koers_test_query_int (fixture->path, "PRAGMA user_version"), ==, KOERS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (koers_test_query_int (fixture->path, "PRAGMA foreign_key_check"), ==, -1);

  /* Everything is still there, and nothing moves a KPI yet. */
  kr = koers_store_find_key_result (store, 20);
  g_assert_nonnull (kr);
  g_assert_cmpfloat (koers_key_result_get_current_value (kr), ==, 4.8);
  g_assert_cmpfloat (koers_key_result_get_final_score (kr), ==, 0.3);
  g_assert_cmpint (koers_key_result_get_kpi_id (kr), ==, 0);
  g_assert_cmpfloat (koers_objective_get_final_grade (koers_store_find_objective (store, 10)), ==, 0.5);
  g_assert_cmpuint (g_list_model_get_n_items (koers_key_result_get_checkins (kr)), ==, 1);
  g_assert_true (g_hash_table_contains (koers_store_get_dismissed_findings (store), "not-aligned:o"));
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_kpis (store)), ==, 0);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM pragma_table_info('key_results')"
                                                        " WHERE name = 'kpi_id'"),
                   ==, 1);

  /* The new tables take a KPI and the key result a link. */
  kpi = koers_kpi_new ("Klantverloop", KOERS_METRIC_KIND_PERCENTAGE, "per maand",
                       KOERS_KPI_DIRECTION_LOWER, 4.5, 5.5, KOERS_KPI_FREQUENCY_MONTHLY);
  koers_kpi_set_department_id (kpi, 2);
  g_assert_true (koers_store_add_kpi (store, kpi, &error));
  g_assert_no_error (error);
  koers_key_result_set_kpi_id (kr, koers_kpi_get_id (kpi));
  g_assert_true (koers_store_save_key_result (store, kr, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT kpi_id FROM key_results WHERE id = 20"), ==,
                   koers_kpi_get_id (kpi));
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM checkins"), ==, 1);

  /* And it opens again as it is. */
  store = koers_test_open_store (fixture->path);
  g_assert_cmpint (koers_key_result_get_kpi_id (koers_store_find_key_result (store, 20)), ==,
                   koers_kpi_get_id (kpi));
}

/* A command that reads no KPI (the quality check) opens the store without
 * them, and reads one department's objectives of a period with their key
 * results and check-ins, and no other department's. */
static void
test_open_without_kpis (KoersTestStore *fixture,
                        gconstpointer   data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersKpi) kpi = add_kpi (fixture, "Finance", "Cash", 2);
  g_autoptr (KoersObjective) budget = koers_test_store_add_objective (fixture, "Finance", "Budget", "2026-Q2", TRUE);
  g_autoptr (KoersObjective) sell = koers_test_store_add_objective (fixture, "Sales", "Sell", "2026-Q2", TRUE);
  g_autoptr (KoersStore) check = NULL;
  g_autoptr (KoersStore) lazy = NULL;
  gint64      finance = koers_department_get_id (koers_test_find_department (fixture->store, "Finance"));
  KoersPeriod q2;

  koers_period_init_quarter (&q2, 2026, 2);

  check = koers_store_open_without_kpis (fixture->files.path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_kpis (check)), ==, 0);
  g_assert_cmpuint (g_hash_table_size (check->kpi_by_id), ==, 0);
  g_assert_cmpuint (g_hash_table_size (check->kpi_value_by_id), ==, 0);
  /* The departments are all there, for --departments to find. */
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_departments (check)), ==,
                    g_list_model_get_n_items (koers_store_get_departments (fixture->store)));

  koers_store_set_period_checkins (check, KOERS_STORE_CHECKINS_LISTS);
  g_assert_true (koers_store_load_period_departments (check, &q2, &finance, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_objectives (check)), ==, 1);
  g_assert_nonnull (koers_store_find_objective (check, koers_objective_get_id (budget)));
  g_assert_null (koers_store_find_objective (check, koers_objective_get_id (sell)));
  g_assert_cmpuint (g_hash_table_size (check->key_result_by_id), ==, 1);
  g_assert_cmpuint (g_hash_table_size (check->checkin_by_id), ==, 2);
  g_assert_true (koers_key_result_get_checkins_loaded (koers_test_first_key_result (
    koers_store_find_objective (check, koers_objective_get_id (budget)))));

  /* The rest of the period comes after, as the window reads it. */
  g_assert_true (koers_store_load_period (check, &q2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_objectives (check)), ==, 2);
  g_assert_cmpuint (g_hash_table_size (check->checkin_by_id), ==, 4);

  /* Every other store reads them. */
  lazy = koers_store_open_lazy (fixture->files.path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_kpis (lazy)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (koers_kpi_get_values (koers_store_find_kpi (lazy, koers_kpi_get_id (kpi)))),
                    ==, 2);
}

static guint
count_values (KoersStore *store,
              KoersKpi   *kpi)
{
  return g_list_model_get_n_items (koers_kpi_get_values (koers_store_find_kpi (store, koers_kpi_get_id (kpi))));
}

/* The window's store reads the KPIs when it opens and their values with
 * the periods: of the departments a period read in part holds (and the
 * company's), of every KPI once the period is read whole.  A value
 * another process adds to a KPI whose values are not read yet arrives
 * with them, once. */
static void
test_values_with_periods (KoersTestStore *fixture,
                          gconstpointer   data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersKpi) cash = add_kpi (fixture, "Finance", "Cash", 2);
  g_autoptr (KoersKpi) leads = add_kpi (fixture, "Sales", "Leads", 3);
  g_autoptr (KoersKpiValue) late = koers_kpi_value_new ("2026-05-01", 51, "");
  g_autoptr (KoersStore) window = NULL;
  g_autoptr (GArray) read_first = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64      finance = koers_department_get_id (koers_test_find_department (fixture->store, "Finance"));
  KoersPeriod q2;

  koers_period_init_quarter (&q2, 2026, 2);
  g_array_append_val (read_first, finance);

  window = koers_store_open_for_window (fixture->files.path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_kpis (window)), ==, 2);
  g_assert_cmpuint (count_values (window, cash), ==, 0);
  g_assert_cmpuint (count_values (window, leads), ==, 0);

  g_assert_true (koers_store_load_period_departments (window, &q2, &finance, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_values (window, cash), ==, 2);
  g_assert_cmpuint (count_values (window, leads), ==, 0);

  /* Another process adds a value to Sales' KPI meanwhile. */
  g_assert_true (koers_store_add_kpi_value (fixture->store, leads, late, &error));
  g_assert_no_error (error);
  g_assert_true (koers_store_catch_up (window, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_values (window, leads), ==, 0);

  g_assert_true (koers_store_load_period_rest (window, &q2, read_first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_values (window, cash), ==, 2);
  g_assert_cmpuint (count_values (window, leads), ==, 4);
  g_assert_cmpfloat (koers_kpi_value_get_value (koers_kpi_get_latest_value (koers_store_find_kpi (window, koers_kpi_get_id (leads)))),
                     ==, 51);

  /* From now on every value arrives as it is written. */
  {
    g_autoptr (KoersKpiValue) later = koers_kpi_value_new ("2026-06-01", 52, "");

    g_assert_true (koers_store_add_kpi_value (fixture->store, cash, later, &error));
    g_assert_no_error (error);
    g_assert_true (koers_store_catch_up (window, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count_values (window, cash), ==, 3);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store-kpis/" path, KoersTestStore, NULL, koers_test_store_setup, func, koers_test_store_teardown)
  ADD ("add-save", test_add_save);
  ADD ("move", test_move);
  ADD ("values", test_values);
  ADD ("key-result-link", test_key_result_link);
  ADD ("department-cascade", test_department_cascade);
  ADD ("carry-over", test_carry_over);
  ADD ("open-without-kpis", test_open_without_kpis);
  ADD ("values-with-periods", test_values_with_periods);
#undef ADD
  g_test_add ("/store-kpis/migrate-v3", KoersTestDir, NULL, koers_test_dir_setup, test_migrate_v3,
              koers_test_dir_teardown);

  return g_test_run ();
}
