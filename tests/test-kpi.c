/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "core/koers-date.h"
#include "core/koers-enum-types.h"
#include "core/koers-key-result.h"
#include "core/koers-kpi.h"
#include "core/koers-kpi-status.h"

/* KPIs in the model: the enums, the status from the thresholds in both
 * directions, when an update is due, and a KPI object that follows its
 * history. */

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
set_date (GDate      *date,
          const char *iso)
{
  g_assert_true (koers_date_parse (iso, date));
}

static void
test_enums (void)
{
  static const char *const directions[] = { "higher", "lower" };
  static const char *const frequencies[] = { "weekly", "monthly", "quarterly" };
  static const char *const statuses[] = { "none", "healthy", "needs-attention", "unhealthy" };
  KoersKpiDirection        direction = KOERS_KPI_DIRECTION_HIGHER;
  KoersKpiFrequency        frequency = KOERS_KPI_FREQUENCY_WEEKLY;
  KoersKpiStatus           status = KOERS_KPI_STATUS_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (directions); i++)
    {
      g_assert_cmpstr (koers_kpi_direction_to_string (i), ==, directions[i]);
      g_assert_true (koers_kpi_direction_from_string (directions[i], &direction));
      g_assert_cmpint (direction, ==, i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (frequencies); i++)
    {
      g_assert_cmpstr (koers_kpi_frequency_to_string (i), ==, frequencies[i]);
      g_assert_true (koers_kpi_frequency_from_string (frequencies[i], &frequency));
      g_assert_cmpint (frequency, ==, i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_assert_cmpstr (koers_kpi_status_to_string (i), ==, statuses[i]);
      g_assert_true (koers_kpi_status_from_string (statuses[i], &status));
      g_assert_cmpint (status, ==, i);
    }

  g_assert_null (koers_kpi_direction_to_string (2));
  g_assert_null (koers_kpi_frequency_to_string (3));
  g_assert_false (koers_kpi_direction_from_string ("up", NULL));
  g_assert_false (koers_kpi_direction_from_string ("Higher", NULL));
  g_assert_false (koers_kpi_frequency_from_string ("daily", NULL));
  g_assert_false (koers_kpi_frequency_from_string (NULL, NULL));

  /* LANGUAGE=en in the test environment. */
  g_assert_cmpstr (koers_kpi_direction_get_label (KOERS_KPI_DIRECTION_HIGHER), ==, "Higher is better");
  g_assert_cmpstr (koers_kpi_direction_get_label (KOERS_KPI_DIRECTION_LOWER), ==, "Lower is better");
  g_assert_cmpstr (koers_kpi_frequency_get_label (KOERS_KPI_FREQUENCY_WEEKLY), ==, "Weekly");
  g_assert_cmpstr (koers_kpi_frequency_get_label (KOERS_KPI_FREQUENCY_MONTHLY), ==, "Monthly");
  g_assert_cmpstr (koers_kpi_frequency_get_label (KOERS_KPI_FREQUENCY_QUARTERLY), ==, "Quarterly");
  g_assert_cmpstr (koers_kpi_status_get_label (KOERS_KPI_STATUS_HEALTHY), ==, "Healthy");
  g_assert_cmpstr (koers_kpi_status_get_label (KOERS_KPI_STATUS_NEEDS_ATTENTION), ==, "Needs attention");
  g_assert_cmpstr (koers_kpi_status_get_label (KOERS_KPI_STATUS_UNHEALTHY), ==, "Unhealthy");
  g_assert_cmpstr (koers_kpi_status_get_label (KOERS_KPI_STATUS_NONE), ==, "No value yet");
  g_assert_cmpstr (koers_kpi_status_get_label (42), ==, "");

  /* GTypes for properties and GtkDropDowns. */
  g_assert_true (G_TYPE_IS_ENUM (KOERS_TYPE_KPI_DIRECTION));
  g_assert_true (G_TYPE_IS_ENUM (KOERS_TYPE_KPI_FREQUENCY));
  g_assert_true (G_TYPE_IS_ENUM (KOERS_TYPE_KPI_STATUS));
}

/* NPS: healthy from 50, needs attention from 40. */
static void
test_status_higher (void)
{
  const KoersKpiDirection d = KOERS_KPI_DIRECTION_HIGHER;

  g_assert_cmpint (koers_kpi_compute_status (d, 50, 40, 72), ==, KOERS_KPI_STATUS_HEALTHY);
  g_assert_cmpint (koers_kpi_compute_status (d, 50, 40, 50), ==, KOERS_KPI_STATUS_HEALTHY);
  g_assert_cmpint (koers_kpi_compute_status (d, 50, 40, 49.999), ==, KOERS_KPI_STATUS_NEEDS_ATTENTION);
  g_assert_cmpint (koers_kpi_compute_status (d, 50, 40, 40), ==, KOERS_KPI_STATUS_NEEDS_ATTENTION);
  g_assert_cmpint (koers_kpi_compute_status (d, 50, 40, 39.999), ==, KOERS_KPI_STATUS_UNHEALTHY);
  g_assert_cmpint (koers_kpi_compute_status (d, 50, 40, -100), ==, KOERS_KPI_STATUS_UNHEALTHY);

  /* Equal thresholds: pass or fail, never "needs attention". */
  g_assert_cmpint (koers_kpi_compute_status (d, 99.9, 99.9, 99.9), ==, KOERS_KPI_STATUS_HEALTHY);
  g_assert_cmpint (koers_kpi_compute_status (d, 99.9, 99.9, 99.89), ==, KOERS_KPI_STATUS_UNHEALTHY);

  /* Negative thresholds (a margin in percent). */
  g_assert_cmpint (koers_kpi_compute_status (d, -2, -5, -3), ==, KOERS_KPI_STATUS_NEEDS_ATTENTION);
  g_assert_cmpint (koers_kpi_compute_status (d, -2, -5, -6), ==, KOERS_KPI_STATUS_UNHEALTHY);

  /* No number, no status. */
  g_assert_cmpint (koers_kpi_compute_status (d, 50, 40, NAN), ==, KOERS_KPI_STATUS_NONE);
  g_assert_cmpint (koers_kpi_compute_status (d, 50, 40, INFINITY), ==, KOERS_KPI_STATUS_NONE);
}

/* First response time in hours: healthy up to 4, needs attention up to 8. */
static void
test_status_lower (void)
{
  const KoersKpiDirection d = KOERS_KPI_DIRECTION_LOWER;

  g_assert_cmpint (koers_kpi_compute_status (d, 4, 8, 0), ==, KOERS_KPI_STATUS_HEALTHY);
  g_assert_cmpint (koers_kpi_compute_status (d, 4, 8, 4), ==, KOERS_KPI_STATUS_HEALTHY);
  g_assert_cmpint (koers_kpi_compute_status (d, 4, 8, 4.001), ==, KOERS_KPI_STATUS_NEEDS_ATTENTION);
  g_assert_cmpint (koers_kpi_compute_status (d, 4, 8, 8), ==, KOERS_KPI_STATUS_NEEDS_ATTENTION);
  g_assert_cmpint (koers_kpi_compute_status (d, 4, 8, 8.001), ==, KOERS_KPI_STATUS_UNHEALTHY);
  g_assert_cmpint (koers_kpi_compute_status (d, 4, 8, 1e9), ==, KOERS_KPI_STATUS_UNHEALTHY);

  /* The same value, the other direction. */
  g_assert_cmpint (koers_kpi_compute_status (KOERS_KPI_DIRECTION_HIGHER, 8, 4, 6), ==,
                   KOERS_KPI_STATUS_NEEDS_ATTENTION);
  g_assert_cmpint (koers_kpi_compute_status (KOERS_KPI_DIRECTION_HIGHER, 8, 4, 0), ==,
                   KOERS_KPI_STATUS_UNHEALTHY);
  g_assert_cmpint (koers_kpi_compute_status (d, 4, 8, 0), ==, KOERS_KPI_STATUS_HEALTHY);

  g_assert_cmpint (koers_kpi_compute_status (d, 4, 4, 4), ==, KOERS_KPI_STATUS_HEALTHY);
  g_assert_cmpint (koers_kpi_compute_status (d, 4, 4, 4.5), ==, KOERS_KPI_STATUS_UNHEALTHY);
  g_assert_cmpint (koers_kpi_compute_status (d, 4, 8, NAN), ==, KOERS_KPI_STATUS_NONE);
}

static void
test_thresholds (void)
{
  g_assert_true (koers_kpi_check_thresholds (KOERS_KPI_DIRECTION_HIGHER, 50, 40));
  g_assert_true (koers_kpi_check_thresholds (KOERS_KPI_DIRECTION_HIGHER, 50, 50));
  g_assert_false (koers_kpi_check_thresholds (KOERS_KPI_DIRECTION_HIGHER, 40, 50));
  g_assert_true (koers_kpi_check_thresholds (KOERS_KPI_DIRECTION_LOWER, 4, 8));
  g_assert_true (koers_kpi_check_thresholds (KOERS_KPI_DIRECTION_LOWER, 4, 4));
  g_assert_false (koers_kpi_check_thresholds (KOERS_KPI_DIRECTION_LOWER, 8, 4));
  g_assert_false (koers_kpi_check_thresholds (KOERS_KPI_DIRECTION_HIGHER, NAN, 40));
  g_assert_false (koers_kpi_check_thresholds (KOERS_KPI_DIRECTION_HIGHER, 50, -INFINITY));
  g_assert_false (koers_kpi_check_thresholds (KOERS_KPI_DIRECTION_LOWER, INFINITY, INFINITY));
  g_assert_false (koers_kpi_check_thresholds (7, 1, 1));
}

static void
assert_next_update (KoersKpiFrequency frequency,
                    const char       *last,
                    const char       *expected)
{
  GDate            last_date, next;
  g_autofree char *iso = NULL;

  set_date (&last_date, last);
  koers_kpi_compute_next_update (frequency, &last_date, &next);
  iso = koers_date_format_iso (&next);
  g_assert_cmpstr (iso, ==, expected);
}

static void
assert_due (KoersKpiFrequency frequency,
            const char       *last,
            const char       *today,
            gboolean          expected)
{
  GDate last_date, today_date;

  set_date (&last_date, last);
  set_date (&today_date, today);
  g_assert_cmpint (koers_kpi_compute_update_due (frequency, &last_date, &today_date), ==, expected);
}

static void
test_update_due (void)
{
  GDate today, invalid;

  assert_next_update (KOERS_KPI_FREQUENCY_WEEKLY, "2026-05-08", "2026-05-15");
  assert_next_update (KOERS_KPI_FREQUENCY_WEEKLY, "2026-12-29", "2027-01-05");
  assert_next_update (KOERS_KPI_FREQUENCY_MONTHLY, "2026-04-01", "2026-05-01");
  /* A month after 31 January is the end of February. */
  assert_next_update (KOERS_KPI_FREQUENCY_MONTHLY, "2026-01-31", "2026-02-28");
  assert_next_update (KOERS_KPI_FREQUENCY_MONTHLY, "2028-01-31", "2028-02-29");
  assert_next_update (KOERS_KPI_FREQUENCY_QUARTERLY, "2026-02-15", "2026-05-15");
  assert_next_update (KOERS_KPI_FREQUENCY_QUARTERLY, "2025-11-30", "2026-02-28");

  /* Due on the day itself, not the day before. */
  assert_due (KOERS_KPI_FREQUENCY_WEEKLY, "2026-05-08", "2026-05-14", FALSE);
  assert_due (KOERS_KPI_FREQUENCY_WEEKLY, "2026-05-08", "2026-05-15", TRUE);
  assert_due (KOERS_KPI_FREQUENCY_WEEKLY, "2026-05-08", "2026-06-15", TRUE);
  assert_due (KOERS_KPI_FREQUENCY_MONTHLY, "2026-04-15", "2026-05-14", FALSE);
  assert_due (KOERS_KPI_FREQUENCY_MONTHLY, "2026-04-15", "2026-05-15", TRUE);
  assert_due (KOERS_KPI_FREQUENCY_QUARTERLY, "2026-02-15", "2026-05-14", FALSE);
  assert_due (KOERS_KPI_FREQUENCY_QUARTERLY, "2026-02-15", "2026-05-15", TRUE);
  /* A value dated in the future is not due. */
  assert_due (KOERS_KPI_FREQUENCY_WEEKLY, "2026-06-01", "2026-05-15", FALSE);

  /* No value yet: due. */
  set_date (&today, "2026-05-15");
  g_date_clear (&invalid, 1);
  g_assert_true (koers_kpi_compute_update_due (KOERS_KPI_FREQUENCY_QUARTERLY, NULL, &today));
  g_assert_true (koers_kpi_compute_update_due (KOERS_KPI_FREQUENCY_WEEKLY, &invalid, &today));
}

static KoersKpi *
new_nps (void)
{
  return koers_kpi_new ("NPS", KOERS_METRIC_KIND_NUMBER, "", KOERS_KPI_DIRECTION_HIGHER, 50, 40,
                        KOERS_KPI_FREQUENCY_MONTHLY);
}

static KoersKpiValue *
add_value (KoersKpi   *kpi,
           const char *date,
           double      number)
{
  g_autoptr (KoersKpiValue) value = koers_kpi_value_new (date, number, NULL);

  koers_kpi_add_value (kpi, value);
  return value;
}

static void
test_defaults (void)
{
  g_autoptr (KoersKpi) kpi = new_nps ();
  g_autoptr (KoersKpiValue) value = koers_kpi_value_new ("2026-05-01", 42, NULL);
  KoersKpiStatus status = -1;
  double         healthy = 0;

  g_assert_cmpstr (koers_kpi_get_name (kpi), ==, "NPS");
  g_assert_cmpstr (koers_kpi_get_uuid (kpi), ==, "");
  g_assert_cmpstr (koers_kpi_get_unit (kpi), ==, "");
  g_assert_cmpint (koers_kpi_get_metric_kind (kpi), ==, KOERS_METRIC_KIND_NUMBER);
  g_assert_cmpint (koers_kpi_get_direction (kpi), ==, KOERS_KPI_DIRECTION_HIGHER);
  g_assert_cmpfloat (koers_kpi_get_healthy (kpi), ==, 50);
  g_assert_cmpfloat (koers_kpi_get_attention (kpi), ==, 40);
  g_assert_cmpint (koers_kpi_get_frequency (kpi), ==, KOERS_KPI_FREQUENCY_MONTHLY);
  g_assert_cmpint (koers_kpi_get_id (kpi), ==, 0);
  g_assert_cmpint (koers_kpi_get_department_id (kpi), ==, 0);

  /* Without a value: no status, no date, and an update is due. */
  g_assert_cmpint (koers_kpi_get_status (kpi), ==, KOERS_KPI_STATUS_NONE);
  g_assert_null (koers_kpi_get_last_update_date (kpi));
  g_assert_null (koers_kpi_get_latest_value (kpi));
  g_assert_cmpfloat (koers_kpi_get_current_value (kpi), ==, 0);
  g_assert_true (koers_kpi_is_update_due (kpi, NULL));

  /* The properties, through GObject. */
  koers_kpi_set_unit (kpi, NULL);
  g_assert_cmpstr (koers_kpi_get_unit (kpi), ==, "");
  g_object_set (kpi, "healthy", 55.0, "department-id", (gint64) 7, NULL);
  g_object_get (kpi, "healthy", &healthy, "status", &status, NULL);
  g_assert_cmpfloat (healthy, ==, 55);
  g_assert_cmpint (status, ==, KOERS_KPI_STATUS_NONE);
  g_assert_cmpint (koers_kpi_get_department_id (kpi), ==, 7);

  g_assert_cmpstr (koers_kpi_value_get_date (value), ==, "2026-05-01");
  g_assert_cmpfloat (koers_kpi_value_get_value (value), ==, 42);
  g_assert_cmpstr (koers_kpi_value_get_note (value), ==, "");
  koers_kpi_value_set_date (value, "");
  g_assert_null (koers_kpi_value_get_date (value));
}

static void
test_values_follow (void)
{
  g_autoptr (KoersKpi) kpi = new_nps ();
  guint          n_status = 0, n_current = 0, n_date = 0;
  KoersKpiValue *april, *may, *march;
  GListModel    *values = koers_kpi_get_values (kpi);

  g_signal_connect (kpi, "notify::status", G_CALLBACK (count_notify_cb), &n_status);
  g_signal_connect (kpi, "notify::current-value", G_CALLBACK (count_notify_cb), &n_current);
  g_signal_connect (kpi, "notify::last-update-date", G_CALLBACK (count_notify_cb), &n_date);

  april = add_value (kpi, "2026-04-01", 45);
  g_assert_cmpint (koers_kpi_get_status (kpi), ==, KOERS_KPI_STATUS_NEEDS_ATTENTION);
  g_assert_cmpfloat (koers_kpi_get_current_value (kpi), ==, 45);
  g_assert_cmpstr (koers_kpi_get_last_update_date (kpi), ==, "2026-04-01");
  g_assert_cmpuint (n_status, ==, 1);
  g_assert_cmpuint (n_current, ==, 1);
  g_assert_cmpuint (n_date, ==, 1);

  /* Older values go behind: what the KPI shows stays. */
  march = add_value (kpi, "2026-03-01", 30);
  g_assert_cmpuint (g_list_model_get_n_items (values), ==, 2);
  g_assert_true (koers_kpi_get_latest_value (kpi) == april);
  g_assert_cmpuint (n_status, ==, 1);
  g_assert_cmpuint (n_current, ==, 1);

  may = add_value (kpi, "2026-05-01", 52);
  g_assert_true (koers_kpi_get_latest_value (kpi) == may);
  g_assert_cmpint (koers_kpi_get_status (kpi), ==, KOERS_KPI_STATUS_HEALTHY);
  g_assert_cmpstr (koers_kpi_get_last_update_date (kpi), ==, "2026-05-01");
  g_assert_cmpuint (n_status, ==, 2);

  /* Newest first. */
  {
    g_autoptr (KoersKpiValue) first = g_list_model_get_item (values, 0);
    g_autoptr (KoersKpiValue) last = g_list_model_get_item (values, 2);

    g_assert_true (first == may);
    g_assert_true (last == march);
  }

  /* Edited in place: the latest value's number, then a date that moves
   * the March value to the front. */
  koers_kpi_value_set_value (may, 38);
  g_assert_cmpint (koers_kpi_get_status (kpi), ==, KOERS_KPI_STATUS_UNHEALTHY);
  g_assert_cmpfloat (koers_kpi_get_current_value (kpi), ==, 38);

  koers_kpi_value_set_date (march, "2026-05-10");
  g_assert_true (koers_kpi_get_latest_value (kpi) == march);
  g_assert_cmpfloat (koers_kpi_get_current_value (kpi), ==, 30);
  g_assert_cmpstr (koers_kpi_get_last_update_date (kpi), ==, "2026-05-10");

  /* The thresholds and the direction judge the same value again. */
  koers_kpi_set_healthy (kpi, 30);
  koers_kpi_set_attention (kpi, 20);
  g_assert_cmpint (koers_kpi_get_status (kpi), ==, KOERS_KPI_STATUS_HEALTHY);
  koers_kpi_set_direction (kpi, KOERS_KPI_DIRECTION_LOWER);
  koers_kpi_set_attention (kpi, 40);
  g_assert_cmpint (koers_kpi_get_status (kpi), ==, KOERS_KPI_STATUS_HEALTHY);
  koers_kpi_set_healthy (kpi, 25);
  g_assert_cmpint (koers_kpi_get_status (kpi), ==, KOERS_KPI_STATUS_NEEDS_ATTENTION);
  g_assert_cmpint (koers_kpi_get_status_for_value (kpi, 41), ==, KOERS_KPI_STATUS_UNHEALTHY);

  /* Removing all: back to nothing. */
  g_object_ref (april);
  koers_kpi_remove_value (kpi, march);
  g_assert_true (koers_kpi_get_latest_value (kpi) == may);
  koers_kpi_remove_value (kpi, may);
  koers_kpi_remove_value (kpi, april);
  g_assert_cmpuint (g_list_model_get_n_items (values), ==, 0);
  g_assert_cmpint (koers_kpi_get_status (kpi), ==, KOERS_KPI_STATUS_NONE);
  g_assert_null (koers_kpi_get_last_update_date (kpi));
  g_assert_cmpfloat (koers_kpi_get_current_value (kpi), ==, 0);

  /* A removed value no longer moves the KPI. */
  koers_kpi_value_set_value (april, 99);
  g_assert_cmpfloat (koers_kpi_get_current_value (kpi), ==, 0);
  g_object_unref (april);
}

/* Two values of one day: the later entered is the newer. */
static void
test_same_day (void)
{
  g_autoptr (KoersKpi) kpi = new_nps ();
  KoersKpiValue *first = add_value (kpi, "2026-05-01", 41);
  KoersKpiValue *second;

  koers_kpi_value_set_created (first, 100);
  second = add_value (kpi, "2026-05-01", 51);
  koers_kpi_value_set_created (second, 200);
  g_assert_true (koers_kpi_get_latest_value (kpi) == second);
  g_assert_cmpint (koers_kpi_get_status (kpi), ==, KOERS_KPI_STATUS_HEALTHY);

  koers_kpi_value_set_created (first, 300);
  g_assert_true (koers_kpi_get_latest_value (kpi) == first);
  g_assert_cmpint (koers_kpi_get_status (kpi), ==, KOERS_KPI_STATUS_NEEDS_ATTENTION);
}

static void
test_periods (void)
{
  g_autoptr (KoersKpi) kpi = koers_kpi_new ("Uptime", KOERS_METRIC_KIND_PERCENTAGE, "",
                                            KOERS_KPI_DIRECTION_HIGHER, 99.9, 99.5,
                                            KOERS_KPI_FREQUENCY_WEEKLY);
  g_autoptr (GPtrArray) q2 = NULL;
  g_autoptr (GPtrArray) q3 = NULL;
  KoersPeriod period;
  GDate       date;

  add_value (kpi, "2026-03-31", 99.1);
  add_value (kpi, "2026-06-30", 99.95);
  add_value (kpi, "2026-04-01", 99.7);
  add_value (kpi, "2026-07-01", 99.99);
  add_value (kpi, "2026-05-15", 99.8);

  /* The quarter's own values, first and last day included, oldest first. */
  koers_period_init_quarter (&period, 2026, 2);
  q2 = koers_kpi_list_values_in_period (kpi, &period);
  g_assert_cmpuint (q2->len, ==, 3);
  g_assert_cmpstr (koers_kpi_value_get_date (g_ptr_array_index (q2, 0)), ==, "2026-04-01");
  g_assert_cmpstr (koers_kpi_value_get_date (g_ptr_array_index (q2, 1)), ==, "2026-05-15");
  g_assert_cmpstr (koers_kpi_value_get_date (g_ptr_array_index (q2, 2)), ==, "2026-06-30");

  koers_period_init_quarter (&period, 2026, 4);
  q3 = koers_kpi_list_values_in_period (kpi, &period);
  g_assert_cmpuint (q3->len, ==, 0);

  /* Where it stood on a day: the newest value not after it. */
  set_date (&date, "2026-06-29");
  g_assert_cmpfloat (koers_kpi_value_get_value (koers_kpi_find_value_on (kpi, &date)), ==, 99.8);
  set_date (&date, "2026-06-30");
  g_assert_cmpfloat (koers_kpi_value_get_value (koers_kpi_find_value_on (kpi, &date)), ==, 99.95);
  set_date (&date, "2026-03-30");
  g_assert_null (koers_kpi_find_value_on (kpi, &date));
}

/* KOERS_TODAY is 2026-05-15 in the tests. */
static void
test_kpi_update_due (void)
{
  g_autoptr (KoersKpi) kpi = koers_kpi_new ("Open incidents", KOERS_METRIC_KIND_NUMBER, "incidents",
                                            KOERS_KPI_DIRECTION_LOWER, 10, 20,
                                            KOERS_KPI_FREQUENCY_WEEKLY);
  KoersKpiValue   *value;
  GDate            next, today;
  g_autofree char *iso = NULL;

  g_assert_false (koers_kpi_get_next_update_date (kpi, &next));

  value = add_value (kpi, "2026-05-08", 12);
  g_assert_true (koers_kpi_is_update_due (kpi, NULL));
  g_assert_true (koers_kpi_get_next_update_date (kpi, &next));
  iso = koers_date_format_iso (&next);
  g_assert_cmpstr (iso, ==, "2026-05-15");

  koers_kpi_value_set_date (value, "2026-05-09");
  g_assert_false (koers_kpi_is_update_due (kpi, NULL));

  set_date (&today, "2026-05-16");
  g_assert_true (koers_kpi_is_update_due (kpi, &today));

  /* Monthly: a week-old value is fine. */
  koers_kpi_set_frequency (kpi, KOERS_KPI_FREQUENCY_MONTHLY);
  g_assert_false (koers_kpi_is_update_due (kpi, &today));
}

static void
test_key_result_kpi (void)
{
  g_autoptr (KoersKeyResult) kr = koers_key_result_new ("Raise NPS from 40 to 55",
                                                        KOERS_METRIC_KIND_NUMBER, 40, 55, "");
  guint  count = 0;
  gint64 id = -1;

  g_assert_cmpint (koers_key_result_get_kpi_id (kr), ==, 0);
  g_signal_connect (kr, "notify::kpi-id", G_CALLBACK (count_notify_cb), &count);

  koers_key_result_set_kpi_id (kr, 12);
  koers_key_result_set_kpi_id (kr, 12);
  g_assert_cmpuint (count, ==, 1);
  g_object_get (kr, "kpi-id", &id, NULL);
  g_assert_cmpint (id, ==, 12);

  g_object_set (kr, "kpi-id", (gint64) 0, NULL);
  g_assert_cmpint (koers_key_result_get_kpi_id (kr), ==, 0);
  g_assert_cmpuint (count, ==, 2);
}

/* Loading hands values over in one step; they are watched as if added. */
static void
test_splice_values (void)
{
  g_autoptr (KoersKpi) kpi = new_nps ();
  g_autoptr (GPtrArray) newest_first = g_ptr_array_new_with_free_func (g_object_unref);
  KoersKpiValue *march;

  g_ptr_array_add (newest_first, koers_kpi_value_new ("2026-05-01", 45, NULL));
  g_ptr_array_add (newest_first, koers_kpi_value_new ("2026-04-01", 42, NULL));
  g_ptr_array_add (newest_first, koers_kpi_value_new ("2026-03-01", 38, NULL));
  march = g_ptr_array_index (newest_first, 2);
  koers_kpi_splice_values (kpi, newest_first);

  g_assert_cmpuint (g_list_model_get_n_items (koers_kpi_get_values (kpi)), ==, 3);
  g_assert_true (koers_kpi_get_latest_value (kpi) == g_ptr_array_index (newest_first, 0));

  /* A spliced value edited in place still moves. */
  koers_kpi_value_set_date (march, "2026-06-01");
  g_assert_true (koers_kpi_get_latest_value (kpi) == march);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kpi/enums", test_enums);
  g_test_add_func ("/kpi/splice-values", test_splice_values);
  g_test_add_func ("/kpi/status/higher", test_status_higher);
  g_test_add_func ("/kpi/status/lower", test_status_lower);
  g_test_add_func ("/kpi/thresholds", test_thresholds);
  g_test_add_func ("/kpi/update-due", test_update_due);
  g_test_add_func ("/kpi/defaults", test_defaults);
  g_test_add_func ("/kpi/values-follow", test_values_follow);
  g_test_add_func ("/kpi/same-day", test_same_day);
  g_test_add_func ("/kpi/periods", test_periods);
  g_test_add_func ("/kpi/kpi-update-due", test_kpi_update_due);
  g_test_add_func ("/kpi/key-result", test_key_result_kpi);

  return g_test_run ();
}
