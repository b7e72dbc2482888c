/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "core/koers-date.h"
#include "core/koers-format.h"

typedef struct
{
  double      value;
  int         decimals;
  const char *nl;
  const char *en;
} NumberCase;

static void
test_number (void)
{
  static const NumberCase cases[] = {
    { 0, 2, "0", "0" },
    { 1200, 2, "1.200", "1,200" },
    { 1200000, 2, "1.200.000", "1,200,000" },
    { 999, 0, "999", "999" },
    { 8.5, 2, "8,5", "8.5" },
    { -3, 2, "-3", "-3" },
    { -1234.5, 1, "-1.234,5", "-1,234.5" },
    { 0.125, 2, "0,13", "0.13" }, /* half away from zero */
    { 0.125, 3, "0,125", "0.125" },
    { 0.125, 0, "0", "0" },
    { 2.0, 2, "2", "2" }, /* trailing zeros dropped */
    { 1.10, 2, "1,1", "1.1" },
    { 999999.999, 2, "1.000.000", "1,000,000" },
    { -0.001, 2, "0", "0" }, /* no "-0" */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *nl = koers_format_number (KOERS_LANGUAGE_NL, cases[i].value, cases[i].decimals);
      g_autofree char *en = koers_format_number (KOERS_LANGUAGE_EN, cases[i].value, cases[i].decimals);

      g_test_message ("number %g with %d decimals", cases[i].value, cases[i].decimals);
      g_assert_cmpstr (nl, ==, cases[i].nl);
      g_assert_cmpstr (en, ==, cases[i].en);
    }
}

static void
test_not_a_number (void)
{
  g_autofree char *number = koers_format_number (KOERS_LANGUAGE_EN, NAN, 2);
  g_autofree char *money = koers_format_money (KOERS_LANGUAGE_NL, INFINITY);
  g_autofree char *percent = koers_format_percent (KOERS_LANGUAGE_NL, -INFINITY, 0);
  g_autofree char *delta = koers_format_delta (KOERS_LANGUAGE_EN, NAN, 2);
  g_autofree char *score = koers_format_score (KOERS_LANGUAGE_EN, NAN, 2);
  g_autofree char *metric = koers_format_metric (KOERS_LANGUAGE_EN, KOERS_METRIC_KIND_NUMBER, "days", NAN);

  g_assert_cmpstr (number, ==, "—");
  g_assert_cmpstr (money, ==, "—");
  g_assert_cmpstr (percent, ==, "—");
  g_assert_cmpstr (delta, ==, "—");
  g_assert_cmpstr (score, ==, "—");
  g_assert_cmpstr (metric, ==, "—");
}

static void
test_money (void)
{
  static const struct
  {
    double      value;
    const char *nl;
    const char *en;
  } cases[] = {
    { 250000, "€ 250.000", "€250,000" },
    { 1000000.5, "€ 1.000.000,50", "€1,000,000.50" },
    { 2000000, "€ 2.000.000", "€2,000,000" },
    { 19.99, "€ 19,99", "€19.99" },
    { 0, "€ 0", "€0" },
    { 1000.001, "€ 1.000", "€1,000" },
    { -250, "-€ 250", "-€250" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *nl = koers_format_money (KOERS_LANGUAGE_NL, cases[i].value);
      g_autofree char *en = koers_format_money (KOERS_LANGUAGE_EN, cases[i].value);

      g_assert_cmpstr (nl, ==, cases[i].nl);
      g_assert_cmpstr (en, ==, cases[i].en);
    }
}

static void
test_percent (void)
{
  g_autofree char *a = koers_format_percent (KOERS_LANGUAGE_NL, 25, 0);
  g_autofree char *b = koers_format_percent (KOERS_LANGUAGE_EN, 25, 0);
  g_autofree char *c = koers_format_percent (KOERS_LANGUAGE_NL, 12.5, 1);
  g_autofree char *d = koers_format_percent (KOERS_LANGUAGE_EN, 12.5, 1);
  g_autofree char *e = koers_format_percent (KOERS_LANGUAGE_EN, 12.5, 0);

  g_assert_cmpstr (a, ==, "25%");
  g_assert_cmpstr (b, ==, "25%");
  g_assert_cmpstr (c, ==, "12,5%");
  g_assert_cmpstr (d, ==, "12.5%");
  g_assert_cmpstr (e, ==, "13%");
}

static void
test_metric (void)
{
  static const struct
  {
    KoersLanguage   lang;
    KoersMetricKind kind;
    const char     *unit;
    double          value;
    const char     *expected;
  } cases[] = {
    { KOERS_LANGUAGE_NL, KOERS_METRIC_KIND_NUMBER, "dagen", 21, "21 dagen" },
    { KOERS_LANGUAGE_EN, KOERS_METRIC_KIND_NUMBER, "days", 21, "21 days" },
    { KOERS_LANGUAGE_NL, KOERS_METRIC_KIND_NUMBER, "", 8.5, "8,5" },
    { KOERS_LANGUAGE_NL, KOERS_METRIC_KIND_NUMBER, NULL, 1200, "1.200" },
    { KOERS_LANGUAGE_NL, KOERS_METRIC_KIND_PERCENTAGE, "%", 25, "25%" },
    { KOERS_LANGUAGE_EN, KOERS_METRIC_KIND_PERCENTAGE, "", 22.5, "22.5%" },
    { KOERS_LANGUAGE_NL, KOERS_METRIC_KIND_PERCENTAGE, "van het team", 30, "30% van het team" },
    { KOERS_LANGUAGE_NL, KOERS_METRIC_KIND_CURRENCY, "€", 250000, "€ 250.000" },
    { KOERS_LANGUAGE_EN, KOERS_METRIC_KIND_CURRENCY, "", 300000, "€300,000" },
    { KOERS_LANGUAGE_NL, KOERS_METRIC_KIND_CURRENCY, "per kwartaal", 6000, "€ 6.000 per kwartaal" },
    { KOERS_LANGUAGE_EN, KOERS_METRIC_KIND_MILESTONE, NULL, 1, "Done" },
    { KOERS_LANGUAGE_EN, KOERS_METRIC_KIND_MILESTONE, "whatever", 0, "Not done" },
    { KOERS_LANGUAGE_NL, KOERS_METRIC_KIND_MILESTONE, NULL, 1, "Voltooid" },
    { KOERS_LANGUAGE_NL, KOERS_METRIC_KIND_MILESTONE, NULL, 0, "Niet voltooid" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = koers_format_metric (cases[i].lang, cases[i].kind, cases[i].unit, cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_score_and_delta (void)
{
  g_autofree char *s1 = koers_format_score (KOERS_LANGUAGE_NL, 0.7, 2);
  g_autofree char *s2 = koers_format_score (KOERS_LANGUAGE_EN, 0.7, 2);
  g_autofree char *s3 = koers_format_score (KOERS_LANGUAGE_EN, 1, 1);
  g_autofree char *d1 = koers_format_delta (KOERS_LANGUAGE_NL, 0.12, 2);
  g_autofree char *d2 = koers_format_delta (KOERS_LANGUAGE_NL, -0.05, 2);
  g_autofree char *d3 = koers_format_delta (KOERS_LANGUAGE_EN, 0.1, 2);
  g_autofree char *d4 = koers_format_delta (KOERS_LANGUAGE_EN, 0.001, 2);
  g_autofree char *d5 = koers_format_delta (KOERS_LANGUAGE_EN, -1500, 0);

  g_assert_cmpstr (s1, ==, "0,70");
  g_assert_cmpstr (s2, ==, "0.70");
  g_assert_cmpstr (s3, ==, "1.0");
  g_assert_cmpstr (d1, ==, "+0,12");
  g_assert_cmpstr (d2, ==, "−0,05");
  g_assert_cmpstr (d3, ==, "+0.10");
  g_assert_cmpstr (d4, ==, "0.00"); /* no change, no sign */
  g_assert_cmpstr (d5, ==, "−1,500");
}

static void
test_dates (void)
{
  GDate            date;
  g_autofree char *nl = NULL;
  g_autofree char *en = NULL;
  g_autofree char *nl_iso = koers_format_date_iso (KOERS_LANGUAGE_NL, "2026-01-05");
  g_autofree char *bad = koers_format_date_iso (KOERS_LANGUAGE_NL, "2026-02-30");
  g_autofree char *none = koers_format_date_iso (KOERS_LANGUAGE_EN, NULL);

  koers_date_parse ("2026-06-30", &date);
  nl = koers_format_date (KOERS_LANGUAGE_NL, &date);
  en = koers_format_date (KOERS_LANGUAGE_EN, &date);

  g_assert_cmpstr (nl, ==, "30 juni 2026");
  g_assert_cmpstr (en, ==, "30 June 2026");
  g_assert_cmpstr (nl_iso, ==, "5 januari 2026");
  g_assert_null (bad);
  g_assert_null (none);
}

static void
test_months (void)
{
  static const char *const nl[] = {
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
  };
  static const char *const en[] = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  };

  for (int m = 1; m <= 12; m++)
    {
      g_autofree char *a = koers_format_month (KOERS_LANGUAGE_NL, m);
      g_autofree char *b = koers_format_month (KOERS_LANGUAGE_EN, m);

      g_assert_cmpstr (a, ==, nl[m - 1]);
      g_assert_cmpstr (b, ==, en[m - 1]);
    }

  g_assert_null (koers_format_month (KOERS_LANGUAGE_EN, 0));
  g_assert_null (koers_format_month (KOERS_LANGUAGE_EN, 13));
}

static void
test_months_short (void)
{
  static const struct
  {
    int         month;
    const char *nl;
    const char *en;
  } cases[] = {
    { 1, "jan", "Jan" },
    { 3, "mrt", "Mar" },
    { 5, "mei", "May" },
    { 6, "jun", "Jun" },
    { 10, "okt", "Oct" },
    { 12, "dec", "Dec" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *a = koers_format_month_short (KOERS_LANGUAGE_NL, cases[i].month);
      g_autofree char *b = koers_format_month_short (KOERS_LANGUAGE_EN, cases[i].month);

      g_assert_cmpstr (a, ==, cases[i].nl);
      g_assert_cmpstr (b, ==, cases[i].en);
    }

  g_assert_null (koers_format_month_short (KOERS_LANGUAGE_NL, 0));
  g_assert_null (koers_format_month_short (KOERS_LANGUAGE_NL, 13));
}

static void
test_periods (void)
{
  KoersPeriod      period;
  g_autofree char *q_nl = NULL;
  g_autofree char *q_en = NULL;
  g_autofree char *y_nl = NULL;
  g_autofree char *r_nl = NULL;
  g_autofree char *r_en = NULL;

  koers_period_parse ("2026-Q2", &period, NULL);
  q_nl = koers_format_period (KOERS_LANGUAGE_NL, &period);
  q_en = koers_format_period (KOERS_LANGUAGE_EN, &period);
  koers_period_parse ("2026", &period, NULL);
  y_nl = koers_format_period (KOERS_LANGUAGE_NL, &period);
  koers_period_parse ("2026-01-15/2026-03-31", &period, NULL);
  r_nl = koers_format_period (KOERS_LANGUAGE_NL, &period);
  r_en = koers_format_period (KOERS_LANGUAGE_EN, &period);

  g_assert_cmpstr (q_nl, ==, "Q2 2026");
  g_assert_cmpstr (q_en, ==, "Q2 2026");
  g_assert_cmpstr (y_nl, ==, "2026");
  g_assert_cmpstr (r_nl, ==, "15 januari 2026 – 31 maart 2026");
  g_assert_cmpstr (r_en, ==, "15 January 2026 – 31 March 2026");
}

static void
test_language_from_string (void)
{
  g_assert_cmpint (koers_language_from_string ("nl"), ==, KOERS_LANGUAGE_NL);
  g_assert_cmpint (koers_language_from_string ("nl_BE.UTF-8"), ==, KOERS_LANGUAGE_NL);
  g_assert_cmpint (koers_language_from_string ("NL"), ==, KOERS_LANGUAGE_NL);
  g_assert_cmpint (koers_language_from_string ("en"), ==, KOERS_LANGUAGE_EN);
  g_assert_cmpint (koers_language_from_string ("fr_BE"), ==, KOERS_LANGUAGE_EN);
  g_assert_cmpint (koers_language_from_string (""), ==, KOERS_LANGUAGE_EN);
  g_assert_cmpint (koers_language_from_string (NULL), ==, KOERS_LANGUAGE_EN);
  g_assert_cmpstr (koers_language_to_string (KOERS_LANGUAGE_NL), ==, "nl");
  g_assert_cmpstr (koers_language_to_string (KOERS_LANGUAGE_EN), ==, "en");
}

/* The environment is read at each call until the application sets a
 * language: run this in a subprocess, set_language sticks. */
static void
test_language_from_environment (void)
{
  if (g_test_subprocess ())
    {
      g_unsetenv ("LC_MESSAGES");
      g_unsetenv ("LANG");

      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      g_setenv ("LANGUAGE", "nl_BE:en", TRUE);
      g_assert_cmpint (koers_format_get_language (), ==, KOERS_LANGUAGE_NL);

      g_setenv ("LANGUAGE", "en:nl", TRUE);
      g_assert_cmpint (koers_format_get_language (), ==, KOERS_LANGUAGE_EN);

      /* gettext ignores LANGUAGE in the C locale; so do we. */
      g_setenv ("LANGUAGE", "nl", TRUE);
      g_setenv ("LC_ALL", "C", TRUE);
      g_assert_cmpint (koers_format_get_language (), ==, KOERS_LANGUAGE_EN);

      g_unsetenv ("LANGUAGE");
      g_setenv ("LC_ALL", "nl_BE.UTF-8", TRUE);
      g_assert_cmpint (koers_format_get_language (), ==, KOERS_LANGUAGE_NL);

      g_unsetenv ("LC_ALL");
      g_setenv ("LC_MESSAGES", "nl_NL.UTF-8", TRUE);
      g_setenv ("LANG", "en_GB.UTF-8", TRUE);
      g_assert_cmpint (koers_format_get_language (), ==, KOERS_LANGUAGE_NL);

      g_unsetenv ("LC_MESSAGES");
      g_assert_cmpint (koers_format_get_language (), ==, KOERS_LANGUAGE_EN);

      /* The application's choice wins over the environment. */
      koers_format_set_language (KOERS_LANGUAGE_NL);
      g_assert_cmpint (koers_format_get_language (), ==, KOERS_LANGUAGE_NL);
      koers_format_set_language (KOERS_LANGUAGE_EN);
      g_assert_cmpint (koers_format_get_language (), ==, KOERS_LANGUAGE_EN);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/number", test_number);
  g_test_add_func ("/format/not-a-number", test_not_a_number);
  g_test_add_func ("/format/money", test_money);
  g_test_add_func ("/format/percent", test_percent);
  g_test_add_func ("/format/metric", test_metric);
  g_test_add_func ("/format/score-and-delta", test_score_and_delta);
  g_test_add_func ("/format/dates", test_dates);
  g_test_add_func ("/format/months", test_months);
  g_test_add_func ("/format/months-short", test_months_short);
  g_test_add_func ("/format/periods", test_periods);
  g_test_add_func ("/format/language-from-string", test_language_from_string);
  g_test_add_func ("/format/language-from-environment", test_language_from_environment);

  return g_test_run ();
}
