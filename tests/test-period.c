/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "core/koers-date.h"
#include "core/koers-period.h"

static void
assert_date (const GDate *date,
             const char  *iso)
{
  g_autofree char *str = koers_date_format_iso (date);

  g_assert_cmpstr (str, ==, iso);
}

static void
assert_period_string (const KoersPeriod *period,
                      const char        *expected)
{
  g_autofree char *str = koers_period_to_string (period);

  g_assert_cmpstr (str, ==, expected);
}

static void
test_parse_quarter (void)
{
  g_autoptr (GError) error = NULL;
  KoersPeriod period;

  g_assert_true (koers_period_parse ("2026-Q2", &period, &error));
  g_assert_no_error (error);
  g_assert_cmpint (period.kind, ==, KOERS_PERIOD_KIND_QUARTER);
  g_assert_cmpint (period.year, ==, 2026);
  g_assert_cmpint (period.quarter, ==, 2);
  assert_date (&period.start, "2026-04-01");
  assert_date (&period.end, "2026-06-30");
  g_assert_cmpint (koers_period_n_days (&period), ==, 91);
  assert_period_string (&period, "2026-Q2");

  g_assert_true (koers_period_parse ("2028-Q1", &period, NULL));
  assert_date (&period.end, "2028-03-31");
  g_assert_cmpint (koers_period_n_days (&period), ==, 91); /* leap year */
  g_assert_true (koers_period_parse ("2026-Q4", &period, NULL));
  assert_date (&period.start, "2026-10-01");
  assert_date (&period.end, "2026-12-31");
}

static void
test_parse_year (void)
{
  KoersPeriod period;

  g_assert_true (koers_period_parse ("2026", &period, NULL));
  g_assert_cmpint (period.kind, ==, KOERS_PERIOD_KIND_YEAR);
  g_assert_cmpint (period.year, ==, 2026);
  g_assert_cmpint (period.quarter, ==, 0);
  assert_date (&period.start, "2026-01-01");
  assert_date (&period.end, "2026-12-31");
  g_assert_cmpint (koers_period_n_days (&period), ==, 365);
  assert_period_string (&period, "2026");
}

static void
test_parse_range (void)
{
  KoersPeriod period;

  g_assert_true (koers_period_parse ("2026-01-15/2026-03-31", &period, NULL));
  g_assert_cmpint (period.kind, ==, KOERS_PERIOD_KIND_CUSTOM);
  assert_date (&period.start, "2026-01-15");
  assert_date (&period.end, "2026-03-31");
  g_assert_cmpint (koers_period_n_days (&period), ==, 17 + 28 + 31);
  assert_period_string (&period, "2026-01-15/2026-03-31");

  /* One day is a valid range. */
  g_assert_true (koers_period_parse ("2026-05-15/2026-05-15", &period, NULL));
  g_assert_cmpint (koers_period_n_days (&period), ==, 1);
}

static void
test_parse_bad (void)
{
  static const char *const bad[] = {
    "",
    "Q2",
    "2026-Q0",
    "2026-Q5",
    "2026Q2",
    "26-Q2",
    "2026-Q2 ",
    "20266",
    "-2026",
    "+202",
    "2026-02-30/2026-03-01",
    "2026-03-01/2026-02-01",
    "2026-01-01/",
    "/2026-01-01",
    "2026-01-01/2026-03-31/2026-06-30",
    "Q2 2026",
    "0000",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      KoersPeriod period = { .year = 1234 };

      g_test_message ("parsing “%s”", bad[i]);
      g_assert_false (koers_period_parse (bad[i], &period, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_nonnull (error->message);
      g_assert_cmpstr (error->message, !=, "");
      /* out is left alone on failure. */
      g_assert_cmpint (period.year, ==, 1234);
    }

  {
    g_autoptr (GError) error = NULL;
    KoersPeriod period;

    g_assert_false (koers_period_parse (NULL, &period, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  }

  /* The message names the bad input and, ending before it starts, says so. */
  {
    g_autoptr (GError) error = NULL;
    KoersPeriod period;

    g_assert_false (koers_period_parse ("2026-03-01/2026-02-01", &period, &error));
    g_assert_nonnull (strstr (error->message, "2026-03-01/2026-02-01"));
    g_assert_nonnull (strstr (error->message, "ends before it starts"));
  }
}

static void
test_previous_next (void)
{
  KoersPeriod period, other;

  koers_period_init_quarter (&period, 2026, 1);
  koers_period_previous (&period, &other);
  assert_period_string (&other, "2025-Q4");
  assert_date (&other.start, "2025-10-01");
  koers_period_next (&other, &other); /* in place */
  assert_period_string (&other, "2026-Q1");

  koers_period_init_quarter (&period, 2026, 4);
  koers_period_next (&period, &other);
  assert_period_string (&other, "2027-Q1");
  koers_period_previous (&period, &other);
  assert_period_string (&other, "2026-Q3");

  koers_period_init_year (&period, 2026);
  koers_period_next (&period, &other);
  assert_period_string (&other, "2027");
  koers_period_previous (&period, &other);
  assert_period_string (&other, "2025");

  /* A custom range steps by its own length. */
  g_assert_true (koers_period_parse ("2026-01-01/2026-01-14", &period, NULL));
  koers_period_next (&period, &other);
  assert_period_string (&other, "2026-01-15/2026-01-28");
  koers_period_previous (&period, &other);
  assert_period_string (&other, "2025-12-18/2025-12-31");
}

static void
test_overlaps (void)
{
  KoersPeriod year, q2, q1_next_year, range, other_range;

  koers_period_init_year (&year, 2026);
  koers_period_init_quarter (&q2, 2026, 2);
  koers_period_init_quarter (&q1_next_year, 2027, 1);
  g_assert_true (koers_period_parse ("2026-06-30/2026-07-10", &range, NULL));
  g_assert_true (koers_period_parse ("2026-07-01/2026-07-10", &other_range, NULL));

  /* A yearly objective shows in each quarter of its year, and back. */
  g_assert_true (koers_period_overlaps (&year, &q2));
  g_assert_true (koers_period_overlaps (&q2, &year));
  g_assert_false (koers_period_overlaps (&year, &q1_next_year));
  g_assert_false (koers_period_overlaps (&q1_next_year, &year));

  /* Sharing only the last day counts. */
  g_assert_true (koers_period_overlaps (&range, &q2));
  g_assert_false (koers_period_overlaps (&other_range, &q2));
  g_assert_true (koers_period_overlaps (&q2, &q2));
}

static void
test_contains_and_for_date (void)
{
  KoersPeriod period;
  GDate       date;

  koers_date_parse ("2026-05-15", &date);
  koers_period_init_for_date (&period, &date);
  assert_period_string (&period, "2026-Q2");
  g_assert_true (koers_period_contains_date (&period, &date));

  koers_date_parse ("2026-07-01", &date);
  g_assert_false (koers_period_contains_date (&period, &date));
  koers_date_parse ("2026-06-30", &date);
  g_assert_true (koers_period_contains_date (&period, &date));
  koers_date_parse ("2026-04-01", &date);
  g_assert_true (koers_period_contains_date (&period, &date));

  koers_date_parse ("2026-12-31", &date);
  koers_period_init_for_date (&period, &date);
  assert_period_string (&period, "2026-Q4");
}

static void
test_equal_copy_boxed (void)
{
  KoersPeriod a, b;
  g_autoptr (KoersPeriod) copy = NULL;
  GValue       value = G_VALUE_INIT;
  KoersPeriod *boxed;

  koers_period_init_quarter (&a, 2026, 2);
  g_assert_true (koers_period_parse ("2026-Q2", &b, NULL));
  g_assert_true (koers_period_equal (&a, &b));

  /* The same days as a custom range is not the same period. */
  g_assert_true (koers_period_parse ("2026-04-01/2026-06-30", &b, NULL));
  g_assert_false (koers_period_equal (&a, &b));

  copy = koers_period_copy (&a);
  g_assert_true (koers_period_equal (&a, copy));

  g_assert_true (G_TYPE_IS_BOXED (KOERS_TYPE_PERIOD));
  g_value_init (&value, KOERS_TYPE_PERIOD);
  g_value_set_boxed (&value, &a);
  boxed = g_value_get_boxed (&value);
  g_assert_true (boxed != &a);
  g_assert_true (koers_period_equal (boxed, &a));
  g_value_unset (&value);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/period/parse-quarter", test_parse_quarter);
  g_test_add_func ("/period/parse-year", test_parse_year);
  g_test_add_func ("/period/parse-range", test_parse_range);
  g_test_add_func ("/period/parse-bad", test_parse_bad);
  g_test_add_func ("/period/previous-next", test_previous_next);
  g_test_add_func ("/period/overlaps", test_overlaps);
  g_test_add_func ("/period/contains-and-for-date", test_contains_and_for_date);
  g_test_add_func ("/period/equal-copy-boxed", test_equal_copy_boxed);

  return g_test_run ();
}
