/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdint.h>

#include "core/koers-date.h"
#include "core/koers-format.h"
#include "core/koers-parse.h"
#include "core/koers-period.h"
#include "core/koers-text.h"

/* libFuzzer target: what people type and files bring, through the number,
 * period and date parsers and the terminal escape.  A parser either reads
 * a value (finite; a period that writes back to a key reading the same
 * period) or says why (an error of its own domain), never both or neither;
 * escaped text is valid UTF-8 without control characters.  Run by
 * build-aux/run-fuzz.sh. */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A warning or critical is a bug the fuzzer should report. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
check_number (KoersLanguage lang,
              const char   *text)
{
  g_autoptr (GError) error = NULL;
  double value = NAN;

  if (koers_parse_number (lang, text, &value, &error))
    {
      g_autofree char *written = NULL;
      double           again = NAN;

      g_assert_no_error (error);
      g_assert_true (isfinite (value));
      /* What Koers writes, it reads. */
      written = koers_format_number (lang, value, 2);
      if (!koers_parse_number (lang, written, &again, NULL))
        g_error ("“%s” (from “%s”) does not read back", written, text);
    }
  else
    g_assert_true (error != NULL && error->domain == KOERS_PARSE_ERROR);
}

static void
check_period (const char *text)
{
  g_autoptr (GError) error = NULL;
  KoersPeriod period;

  if (koers_period_parse (text, &period, &error))
    {
      g_autofree char *key = koers_period_to_string (&period);
      KoersPeriod      again;

      g_assert_no_error (error);
      g_assert_true (g_date_valid (&period.start) && g_date_valid (&period.end));
      g_assert_cmpint (g_date_compare (&period.start, &period.end), <=, 0);
      g_assert_true (koers_period_parse (key, &again, NULL));
      g_assert_true (koers_period_equal (&period, &again));
    }
  else
    g_assert_nonnull (error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *escaped = koers_text_escape_controls (text);
  GDate            date;

  check_number (KOERS_LANGUAGE_NL, text);
  check_number (KOERS_LANGUAGE_EN, text);
  check_period (text);
  if (koers_date_parse (text, &date))
    g_assert_true (g_date_valid (&date));

  g_assert_true (g_utf8_validate (escaped, -1, NULL));
  g_assert_cmpuint (koers_text_find_control (escaped, TRUE), ==, 0);

  return 0;
}
