/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core/koers-date.h"

static void
test_parse (void)
{
  GDate            date;
  g_autofree char *iso = NULL;

  g_assert_true (koers_date_parse ("2026-06-30", &date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2026);
  g_assert_cmpint (g_date_get_month (&date), ==, 6);
  g_assert_cmpint (g_date_get_day (&date), ==, 30);

  iso = koers_date_format_iso (&date);
  g_assert_cmpstr (iso, ==, "2026-06-30");

  g_assert_true (koers_date_parse ("2028-02-29", &date));
}

static void
test_parse_bad (void)
{
  static const char *const bad[] = {
    "",
    "2026",
    "2026-6-30",
    "2026-06-31",
    "2026-13-01",
    "2027-02-29",
    "30/06/2026",
    "2026-06-30x",
    " 2026-06-30",
    "2026-0a-10",
    "abcd-ef-gh",
  };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("parsing “%s”", bad[i]);
      g_assert_false (koers_date_parse (bad[i], &date));
      g_assert_false (g_date_valid (&date));
    }

  g_assert_false (koers_date_parse (NULL, &date));
}

static void
test_format_invalid (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_null (koers_date_format_iso (&date));
  g_assert_null (koers_date_format_iso (NULL));
}

static void
test_today_override (void)
{
  g_autofree char *today = NULL;
  GDate            date;

  /* tests/meson.build sets KOERS_TODAY=2026-05-15. */
  g_assert_cmpstr (g_getenv ("KOERS_TODAY"), ==, "2026-05-15");
  today = koers_date_today_iso ();
  g_assert_cmpstr (today, ==, "2026-05-15");

  g_setenv ("KOERS_TODAY", "2027-01-02", TRUE);
  koers_date_today (&date);
  g_assert_cmpint (g_date_get_year (&date), ==, 2027);
  g_assert_cmpint (g_date_get_day (&date), ==, 2);

  /* A bad override is ignored: the real date, which is valid. */
  g_setenv ("KOERS_TODAY", "not a date", TRUE);
  koers_date_today (&date);
  g_assert_true (g_date_valid (&date));
  g_assert_cmpint (g_date_get_year (&date), >=, 2024);

  g_setenv ("KOERS_TODAY", "2026-05-15", TRUE);
}

static void
test_days_between (void)
{
  GDate a, b;

  koers_date_parse ("2026-05-15", &a);
  koers_date_parse ("2026-06-01", &b);
  g_assert_cmpint (koers_date_days_between (&a, &b), ==, 17);
  g_assert_cmpint (koers_date_days_between (&b, &a), ==, -17);
  g_assert_cmpint (koers_date_days_between (&a, &a), ==, 0);

  /* Across a year end and a leap day. */
  koers_date_parse ("2027-12-31", &a);
  koers_date_parse ("2028-03-01", &b);
  g_assert_cmpint (koers_date_days_between (&a, &b), ==, 31 + 29 + 1);
}

static void
test_uuid_and_now (void)
{
  g_autofree char *a = koers_uuid_new ();
  g_autofree char *b = koers_uuid_new ();
  gint64           now = koers_now_usec ();

  g_assert_true (g_uuid_string_is_valid (a));
  g_assert_true (g_uuid_string_is_valid (b));
  g_assert_cmpstr (a, !=, b);

  /* After 2020-01-01, in microseconds. */
  g_assert_cmpint (now, >, G_GINT64_CONSTANT (1577836800) * G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse", test_parse);
  g_test_add_func ("/date/parse-bad", test_parse_bad);
  g_test_add_func ("/date/format-invalid", test_format_invalid);
  g_test_add_func ("/date/today-override", test_today_override);
  g_test_add_func ("/date/days-between", test_days_between);
  g_test_add_func ("/date/uuid-and-now", test_uuid_and_now);

  return g_test_run ();
}
