/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "core/koers-format.h"
#include "koers-report-glue.h"

#define NBSP "\u00A0"

static gboolean
is_currency (gunichar c)
{
  return c == 0x20AC || c == '$' || c == 0x00A3;
}

/* The word that ends at end (exclusive): its start (end when none). */
static const char *
word_start (const char *start,
            const char *end)
{
  while (end > start && g_ascii_isalpha (end[-1]))
    end--;
  return end;
}

/* Whether the word before end names a month, in full or short, in either
 * of the report's languages (as koers-format writes dates). */
static gboolean
month_before (const char *start,
              const char *end)
{
  const char *word = word_start (start, end);

  if (word == end)
    return FALSE;
  for (KoersLanguage lang = KOERS_LANGUAGE_EN; lang <= KOERS_LANGUAGE_NL; lang++)
    for (int month = 1; month <= 12; month++)
      {
        g_autofree char *full = koers_format_month (lang, month);
        g_autofree char *brief = koers_format_month_short (lang, month);

        if ((strlen (full) == (gsize) (end - word) && g_ascii_strncasecmp (word, full, end - word) == 0) ||
            (strlen (brief) == (gsize) (end - word) && g_ascii_strncasecmp (word, brief, end - word) == 0))
          return TRUE;
      }

  return FALSE;
}

/* Whether the word that ends at end (exclusive) is one of words. */
static gboolean
word_before_is (const char        *start,
                const char        *end,
                const char *const *words,
                guint              n_words)
{
  const char *p = word_start (start, end);

  if (p == end)
    return FALSE;
  for (guint i = 0; i < n_words; i++)
    if (strlen (words[i]) == (gsize) (end - p) && g_ascii_strncasecmp (p, words[i], end - p) == 0)
      return TRUE;

  return FALSE;
}

static const char *const per_word[] = { "per" };

/* Whether the space at space joins what is around it. */
static gboolean
joins (const char *text,
       const char *space)
{
  const char *before;
  const char *after = space + 1;
  gunichar    prev, next;

  if (space == text || *after == '\0' || *after == ' ')
    return FALSE;
  before = g_utf8_find_prev_char (text, space);
  prev = g_utf8_get_char (before);
  next = g_utf8_get_char (after);

  /* "€ 250.000", "−€ 1.000" */
  if (is_currency (prev) && (g_unichar_isdigit (next) || next == '-' || next == 0x2212))
    return TRUE;
  /* "€ 9.990" over "per kwartaal": a rate may break before its "per" in
   * a narrow column, rather than inside "kwartaal". */
  if (g_unichar_isdigit (prev) && g_ascii_strncasecmp (after, "per ", 4) == 0)
    return FALSE;
  /* "250.000 euro", "8,5 %", "30 juni", "3 ×": a number and what it counts. */
  if (g_unichar_isdigit (prev) && !g_unichar_isdigit (next) && (g_unichar_isalpha (next) || g_unichar_ispunct (next) || next == 0x00D7 || next == '%'))
    return next != '(' && next != '-' && next != 0x2013 && next != 0x2014;
  /* "juni 2026", "June 30" */
  if (g_unichar_isdigit (next) && month_before (text, space))
    return TRUE;
  /* "30 juni 2026" in English order: "June 30, 2026" */
  if (g_unichar_isdigit (next) && prev == ',' && before > text &&
      g_unichar_isdigit (g_utf8_get_char (g_utf8_find_prev_char (text, before))))
    return TRUE;
  /* "per maand": a rate reads as one. */
  if (word_before_is (text, space, per_word, 1))
    return TRUE;

  return FALSE;
}

char *
koers_report_glue_text (const char *text)
{
  GString *out = NULL;
  gsize    copied = 0;

  if (text == NULL)
    return NULL;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != ' ' || !joins (text, p))
        continue;
      if (out == NULL)
        out = g_string_sized_new (strlen (text) + 8);
      g_string_append_len (out, text + copied, (p - text) - copied);
      g_string_append (out, NBSP);
      copied = (p - text) + 1;
    }

  if (out == NULL)
    return NULL;
  g_string_append (out, text + copied);

  return g_string_free (out, FALSE);
}
