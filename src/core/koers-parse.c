/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "koers-parse.h"

/* clang-format would read the dashed name as a subtraction. */
/* clang-format off */
G_DEFINE_QUARK (koers-parse-error-quark, koers_parse_error)
/* clang-format on */

/* Largest magnitude accepted: beyond this a double no longer holds whole
 * euros exactly, and nobody's key result needs it. */
#define KOERS_PARSE_MAX 1e15

static gboolean
is_space (gunichar c)
{
  /* Spaces people (and spreadsheets) put around symbols and between groups. */
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009 || c == '\t';
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!is_space (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Strips spaces, one currency marker (before or after) and one percent sign
 * (after).  Returns a newly allocated core, or NULL when symbols are out of
 * place. */
static char *
strip_symbols (const char *text)
{
  g_autofree char *s = g_strdup (text);
  char            *p;
  gboolean         seen_euro = FALSE;
  gboolean         seen_percent = FALSE;
  GString         *core = g_string_new (NULL);

  g_strstrip (s);

  /* A leading currency marker. */
  p = s;
  if (g_str_has_prefix (p, "€"))
    {
      p += strlen ("€");
      seen_euro = TRUE;
    }
  else if (g_ascii_strncasecmp (p, "EUR", 3) == 0)
    {
      p += 3;
      seen_euro = TRUE;
    }

  for (; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '%' && !seen_percent && !seen_euro)
        {
          seen_percent = TRUE;
          continue;
        }
      if (seen_percent && !is_space (c))
        {
          g_string_free (core, TRUE);
          return NULL;
        }
      if (c == 0x20AC /* € */ && !seen_euro)
        {
          seen_euro = TRUE;
          continue;
        }
      if (c == 0x2212) /* minus sign */
        c = '-';
      g_string_append_unichar (core, c);
    }

  /* A trailing "EUR". */
  if (!seen_euro && core->len >= 3 && g_ascii_strcasecmp (core->str + core->len - 3, "EUR") == 0)
    g_string_truncate (core, core->len - 3);

  return g_string_free (core, FALSE);
}

gboolean
koers_parse_number (KoersLanguage lang,
                    const char   *text,
                    double       *out,
                    GError      **error)
{
  const char       decimal = lang == KOERS_LANGUAGE_NL ? ',' : '.';
  const char       group = lang == KOERS_LANGUAGE_NL ? '.' : ',';
  g_autofree char *core = NULL;
  g_autoptr (GString) digits = g_string_new (NULL);
  const char *p;
  gboolean    negative = FALSE;
  gboolean    seen_decimal = FALSE;
  gboolean    seen_group = FALSE;
  gboolean    space_grouping = FALSE;
  int         since_group = -1; /* digits since the last group separator; -1: none yet */
  int         n_int_digits = 0;
  int         n_digits = 0;
  double      value;

  g_return_val_if_fail (out != NULL, FALSE);

  if (is_blank (text))
    {
      g_set_error_literal (error, KOERS_PARSE_ERROR, KOERS_PARSE_ERROR_EMPTY,
                           _ ("Enter a value"));
      return FALSE;
    }

  /* The symbol scan walks characters: a cut sequence would take it past
   * the end (found by tests/fuzz/fuzz-parse.c). */
  if (!g_utf8_validate (text, -1, NULL))
    goto invalid;

  core = strip_symbols (text);
  if (core == NULL)
    goto invalid;
  g_strstrip (core);

  p = core;
  if (*p == '-' || *p == '+')
    {
      negative = *p == '-';
      p++;
      while (is_space (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
    }

  if (*p == '\0')
    goto invalid;

  for (; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        {
          g_string_append_c (digits, (char) c);
          n_digits++;
          if (!seen_decimal)
            n_int_digits++;
          if (since_group >= 0 && !seen_decimal)
            since_group++;
          continue;
        }

      if (c == (gunichar) decimal)
        {
          if (seen_decimal)
            goto separator;
          /* Groups before the decimal mark must be complete. */
          if (since_group >= 0 && since_group != 3)
            goto separator;
          seen_decimal = TRUE;
          g_string_append_c (digits, '.');
          continue;
        }

      if (c == (gunichar) group || (is_space (c) && n_int_digits > 0))
        {
          if (is_space (c))
            {
              if (seen_group && !space_grouping)
                goto separator;
              space_grouping = TRUE;
            }
          else if (space_grouping)
            goto separator;

          if (seen_decimal || n_int_digits == 0)
            goto separator;
          /* The first group has 1–3 digits, every later group exactly 3. */
          if (since_group < 0 ? n_int_digits > 3 : since_group != 3)
            goto separator;
          seen_group = TRUE;
          since_group = 0;
          continue;
        }

      /* The other language's decimal mark: say so rather than "invalid". */
      if (c == ',' || c == '.')
        goto separator;

      goto invalid;
    }

  if (n_digits == 0)
    goto invalid;
  if (since_group >= 0 && !seen_decimal && since_group != 3)
    goto separator;
  if (since_group >= 0 && seen_decimal && since_group != 3)
    goto separator;

  value = g_ascii_strtod (digits->str, NULL);
  if (!isfinite (value) || fabs (value) > KOERS_PARSE_MAX)
    {
      g_set_error_literal (error, KOERS_PARSE_ERROR, KOERS_PARSE_ERROR_RANGE,
                           _ ("This number is too large"));
      return FALSE;
    }

  *out = negative ? -value : value;
  return TRUE;

separator:
  if (lang == KOERS_LANGUAGE_NL)
    g_set_error_literal (error, KOERS_PARSE_ERROR, KOERS_PARSE_ERROR_SEPARATOR,
                         _ ("Write a number such as 1.200 or 8,5: a point groups thousands, a comma marks decimals"));
  else
    g_set_error_literal (error, KOERS_PARSE_ERROR, KOERS_PARSE_ERROR_SEPARATOR,
                         _ ("Write a number such as 1,200 or 8.5: a comma groups thousands, a point marks decimals"));
  return FALSE;

invalid:
  g_set_error (error, KOERS_PARSE_ERROR, KOERS_PARSE_ERROR_INVALID,
               _ ("“%s” is not a number"), text);
  return FALSE;
}
