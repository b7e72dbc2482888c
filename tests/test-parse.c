/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "core/koers-parse.h"

typedef struct
{
  const char *text;
  double      value;
} Good;

typedef struct
{
  const char *text;
  int         code;
} Bad;

static void
check_good (KoersLanguage lang, const Good *cases, gsize n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr (GError) error = NULL;
      double value = -12345.678;

      if (!koers_parse_number (lang, cases[i].text, &value, &error))
        g_error ("“%s” (%s) should parse: %s", cases[i].text,
                 koers_language_to_string (lang), error->message);
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (value, cases[i].value, 1e-9);
    }
}

static void
check_bad (KoersLanguage lang, const Bad *cases, gsize n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr (GError) error = NULL;
      double value = 42;

      if (koers_parse_number (lang, cases[i].text, &value, &error))
        g_error ("“%s” (%s) should not parse, gave %g", cases[i].text,
                 koers_language_to_string (lang), value);
      g_assert_error (error, KOERS_PARSE_ERROR, cases[i].code);
      g_assert_nonnull (error->message);
      g_assert_cmpstr (error->message, !=, "");
      /* A failed parse leaves the output alone. */
      g_assert_cmpfloat (value, ==, 42);
    }
}

static void
test_parse_dutch (void)
{
  static const Good good[] = {
    { "1.200", 1200 },
    { "8,5", 8.5 },
    { "€ 250.000", 250000 },
    { "€250.000", 250000 },
    { "250.000 €", 250000 },
    { "EUR 1.000,50", 1000.5 },
    { "25%", 25 },
    { "25 %", 25 },
    { "-3", -3 },
    { "−3,25", -3.25 },
    { "0", 0 },
    { "0,125", 0.125 },
    { "1.200.000", 1200000 },
    { "  42  ", 42 },
    { "1 200", 1200 },
    { "1\u00a0200,5", 1200.5 },
    { "999", 999 },
    { "7,", 7 },
  };
  static const Bad bad[] = {
    { "", KOERS_PARSE_ERROR_EMPTY },
    { "   ", KOERS_PARSE_ERROR_EMPTY },
    { "12,3,4", KOERS_PARSE_ERROR_SEPARATOR },
    { "abc", KOERS_PARSE_ERROR_INVALID },
    { "1e400", KOERS_PARSE_ERROR_INVALID },
    { "NaN", KOERS_PARSE_ERROR_INVALID },
    { "inf", KOERS_PARSE_ERROR_INVALID },
    { "8.5", KOERS_PARSE_ERROR_SEPARATOR },
    { "1.20", KOERS_PARSE_ERROR_SEPARATOR },
    { "1200.000", KOERS_PARSE_ERROR_SEPARATOR },
    { "1,200.5", KOERS_PARSE_ERROR_SEPARATOR },
    { ".200", KOERS_PARSE_ERROR_SEPARATOR },
    { "%25", KOERS_PARSE_ERROR_INVALID },
    { "25%%", KOERS_PARSE_ERROR_INVALID },
    { "25 % x", KOERS_PARSE_ERROR_INVALID },
    { "€", KOERS_PARSE_ERROR_INVALID },
    { "-", KOERS_PARSE_ERROR_INVALID },
    { "1-2", KOERS_PARSE_ERROR_INVALID },
    { "10000000000000000", KOERS_PARSE_ERROR_RANGE },
    { "1 200.000", KOERS_PARSE_ERROR_SEPARATOR },
  };

  check_good (KOERS_LANGUAGE_NL, good, G_N_ELEMENTS (good));
  check_bad (KOERS_LANGUAGE_NL, bad, G_N_ELEMENTS (bad));
}

static void
test_parse_english (void)
{
  static const Good good[] = {
    { "1,200", 1200 },
    { "8.5", 8.5 },
    { "€250,000", 250000 },
    { "€ 250,000", 250000 },
    { "25%", 25 },
    { "25 %", 25 },
    { "-3", -3 },
    { "1,200,000.75", 1200000.75 },
    { "0.125", 0.125 },
    { "+7", 7 },
    { "250000", 250000 },
  };
  static const Bad bad[] = {
    { "", KOERS_PARSE_ERROR_EMPTY },
    { "12,3,4", KOERS_PARSE_ERROR_SEPARATOR },
    { "abc", KOERS_PARSE_ERROR_INVALID },
    { "1e400", KOERS_PARSE_ERROR_INVALID },
    { "NaN", KOERS_PARSE_ERROR_INVALID },
    { "8,5", KOERS_PARSE_ERROR_SEPARATOR },
    { "1.200.000", KOERS_PARSE_ERROR_SEPARATOR },
    { "1.2.3", KOERS_PARSE_ERROR_SEPARATOR },
    { "12a", KOERS_PARSE_ERROR_INVALID },
    { "0x10", KOERS_PARSE_ERROR_INVALID },
  };

  check_good (KOERS_LANGUAGE_EN, good, G_N_ELEMENTS (good));
  check_bad (KOERS_LANGUAGE_EN, bad, G_N_ELEMENTS (bad));
}

/* Found by tests/fuzz/fuzz-parse.c: a cut UTF-8 sequence at the end made
 * the symbol scan step past the terminating NUL. */
static void
test_parse_not_utf8 (void)
{
  static const Bad bad[] = {
    { "ti\xf4l", KOERS_PARSE_ERROR_INVALID },
    { "12\xe2\x82", KOERS_PARSE_ERROR_INVALID },
    { "\xff", KOERS_PARSE_ERROR_INVALID },
  };

  check_bad (KOERS_LANGUAGE_NL, bad, G_N_ELEMENTS (bad));
  check_bad (KOERS_LANGUAGE_EN, bad, G_N_ELEMENTS (bad));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/parse/dutch", test_parse_dutch);
  g_test_add_func ("/parse/not-utf8", test_parse_not_utf8);
  g_test_add_func ("/parse/english", test_parse_english);
  return g_test_run ();
}
