/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "koers-date.h"
#include "koers-format.h"

/* Shown for values that are not numbers (NaN, infinity). */
#define NOT_A_NUMBER "—"
/* Between the two dates of a custom period. */
#define RANGE_DASH " – "
/* A true minus sign, for signed changes. */
#define MINUS_SIGN "−"

/* Beyond this, doubles no longer hold every integer and rounding by
 * scaling loses digits, so larger values are shown without decimals. */
#define MAX_EXACT 1e15

static gboolean      language_set;
static KoersLanguage language_override;

static const char *const month_names[2][12] = {
  [KOERS_LANGUAGE_EN] = {
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
  },
  [KOERS_LANGUAGE_NL] = {
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
  },
};

static KoersLanguage
normalize_language (KoersLanguage lang)
{
  return lang == KOERS_LANGUAGE_NL ? KOERS_LANGUAGE_NL : KOERS_LANGUAGE_EN;
}

static gboolean
is_c_locale (const char *locale)
{
  return locale == NULL || *locale == '\0' ||
         g_str_equal (locale, "C") || g_str_equal (locale, "POSIX");
}

KoersLanguage
koers_format_get_language (void)
{
  const char *locale;
  const char *language;

  if (language_set)
    return language_override;

  /* As gettext decides: the first non-empty of LC_ALL, LC_MESSAGES and
   * LANG is the locale; LANGUAGE wins over it, except in the plain C
   * locale, where gettext ignores LANGUAGE (so "LANGUAGE=nl LC_ALL=C"
   * shows English text and must format English too). */
  locale = g_getenv ("LC_ALL");
  if (locale == NULL || *locale == '\0')
    locale = g_getenv ("LC_MESSAGES");
  if (locale == NULL || *locale == '\0')
    locale = g_getenv ("LANG");

  language = g_getenv ("LANGUAGE");
  if (language != NULL && *language != '\0' && !is_c_locale (locale))
    {
      g_auto (GStrv) entries = g_strsplit (language, ":", 2);

      return koers_language_from_string (entries[0]);
    }

  return koers_language_from_string (locale);
}

void
koers_format_set_language (KoersLanguage language)
{
  language_override = normalize_language (language);
  language_set = TRUE;
}

KoersLanguage
koers_language_from_string (const char *code)
{
  if (code != NULL && g_ascii_strncasecmp (code, "nl", 2) == 0)
    return KOERS_LANGUAGE_NL;

  return KOERS_LANGUAGE_EN;
}

const char *
koers_language_to_string (KoersLanguage language)
{
  return normalize_language (language) == KOERS_LANGUAGE_NL ? "nl" : "en";
}

static char
get_group_separator (KoersLanguage lang)
{
  return normalize_language (lang) == KOERS_LANGUAGE_NL ? '.' : ',';
}

static char
get_decimal_separator (KoersLanguage lang)
{
  return normalize_language (lang) == KOERS_LANGUAGE_NL ? ',' : '.';
}

/* The absolute value of value, rounded half away from zero to decimals
 * digits, with grouped thousands.  keep_zeros keeps trailing zeros (for
 * scores, "0,70"); is_zero tells whether it rounded to zero, so that the
 * caller does not write "-0". */
static char *
format_unsigned (KoersLanguage lang,
                 double        value,
                 int           decimals,
                 gboolean      keep_zeros,
                 gboolean     *is_zero)
{
  char        buffer[G_ASCII_DTOSTR_BUF_SIZE + 64];
  char        format[16];
  GString    *out;
  const char *dot;
  gsize       int_len;
  double      scale;

  decimals = CLAMP (decimals, 0, 9);
  value = fabs (value);

  if (value >= MAX_EXACT)
    decimals = 0;

  scale = pow (10.0, decimals);
  value = round (value * scale) / scale;

  /* g_ascii_formatd, not printf: printf's decimal point follows
   * LC_NUMERIC. */
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, value);

  if (is_zero != NULL)
    *is_zero = (value == 0.0);

  dot = strchr (buffer, '.');
  int_len = dot != NULL ? (gsize) (dot - buffer) : strlen (buffer);

  out = g_string_new (NULL);
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append_c (out, get_group_separator (lang));
      g_string_append_c (out, buffer[i]);
    }

  if (dot != NULL)
    {
      g_autofree char *fraction = g_strdup (dot + 1);
      gsize            len = strlen (fraction);

      if (!keep_zeros)
        {
          while (len > 0 && fraction[len - 1] == '0')
            fraction[--len] = '\0';
        }

      if (len > 0)
        {
          g_string_append_c (out, get_decimal_separator (lang));
          g_string_append (out, fraction);
        }
    }

  return g_string_free (out, FALSE);
}

/* Which signs a number shows is the caller's: a plain number only its
 * minus, a change also its plus.  Zero never has a sign. */
static char *
format_with_signs (KoersLanguage lang,
                   double        value,
                   int           decimals,
                   gboolean      keep_zeros,
                   const char   *minus,
                   const char   *plus)
{
  g_autofree char *digits = NULL;
  gboolean         is_zero;

  if (!isfinite (value))
    return g_strdup (NOT_A_NUMBER);

  digits = format_unsigned (lang, value, decimals, keep_zeros, &is_zero);

  if (is_zero || (value > 0 && plus == NULL))
    return g_steal_pointer (&digits);

  return g_strconcat (value < 0 ? minus : plus, digits, NULL);
}

static char *
format_signed (KoersLanguage lang,
               double        value,
               int           decimals,
               gboolean      keep_zeros)
{
  return format_with_signs (lang, value, decimals, keep_zeros, "-", NULL);
}

char *
koers_format_number (KoersLanguage lang,
                     double        value,
                     int           max_decimals)
{
  return format_signed (lang, value, max_decimals, FALSE);
}

char *
koers_format_money (KoersLanguage lang,
                    double        value)
{
  g_autofree char *digits = NULL;
  gboolean         is_zero;
  double           cents;
  const char      *sign;

  if (!isfinite (value))
    return g_strdup (NOT_A_NUMBER);

  /* Cents that round away are no cents: 1000.001 is "€1,000". */
  cents = round (fabs (value) * 100.0);
  if (fabs (value) < MAX_EXACT && fmod (cents, 100.0) != 0.0)
    digits = format_unsigned (lang, value, 2, TRUE, &is_zero);
  else
    digits = format_unsigned (lang, value, 0, FALSE, &is_zero);

  sign = (value < 0 && !is_zero) ? "-" : "";

  if (normalize_language (lang) == KOERS_LANGUAGE_NL)
    return g_strconcat (sign, "€ ", digits, NULL);

  return g_strconcat (sign, "€", digits, NULL);
}

char *
koers_format_percent (KoersLanguage lang,
                      double        value,
                      int           max_decimals)
{
  g_autofree char *number = NULL;

  if (!isfinite (value))
    return g_strdup (NOT_A_NUMBER);

  number = format_signed (lang, value, max_decimals, FALSE);
  return g_strconcat (number, "%", NULL);
}

static const char *
get_milestone_label (KoersLanguage lang,
                     gboolean      done)
{
  const char *source = done ? "Done" : "Not done";
  const char *translated;

  if (normalize_language (lang) == KOERS_LANGUAGE_EN)
    return source;

  /* The catalogue speaks the language of the user interface, which may
   * not be the one asked for (a Dutch report from an English session):
   * fall back to the built-in Dutch words when gettext has none. */
  translated = done ? _ ("Done") : _ ("Not done");
  if (g_strcmp0 (translated, source) != 0)
    return translated;

  return done ? "Voltooid" : "Niet voltooid";
}

static gboolean
unit_is (const char *unit,
         const char *a,
         const char *b)
{
  return unit == NULL || *unit == '\0' ||
         g_strcmp0 (unit, a) == 0 || g_strcmp0 (unit, b) == 0;
}

char *
koers_format_metric (KoersLanguage   lang,
                     KoersMetricKind kind,
                     const char     *unit,
                     double          value)
{
  g_autofree char *text = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (unit != NULL ? unit : ""));

  switch (kind)
    {
    case KOERS_METRIC_KIND_MILESTONE:
      if (isnan (value))
        return g_strdup (NOT_A_NUMBER);
      return g_strdup (get_milestone_label (lang, value >= 1.0));

    case KOERS_METRIC_KIND_PERCENTAGE:
      text = koers_format_percent (lang, value, 1);
      if (unit_is (stripped, "%", "percent"))
        return g_steal_pointer (&text);
      break;

    case KOERS_METRIC_KIND_CURRENCY:
      text = koers_format_money (lang, value);
      if (unit_is (stripped, "€", "EUR"))
        return g_steal_pointer (&text);
      break;

    case KOERS_METRIC_KIND_NUMBER:
    default:
      text = koers_format_number (lang, value, 2);
      if (*stripped == '\0')
        return g_steal_pointer (&text);
      break;
    }

  if (!isfinite (value))
    return g_steal_pointer (&text);

  return g_strconcat (text, " ", stripped, NULL);
}

char *
koers_format_score (KoersLanguage lang,
                    double        score,
                    int           decimals)
{
  return format_signed (lang, score, decimals, TRUE);
}

char *
koers_format_delta (KoersLanguage lang,
                    double        delta,
                    int           decimals)
{
  return format_with_signs (lang, delta, decimals, TRUE, MINUS_SIGN, "+");
}

/* Chart axes: the customary short forms, not the first three letters
 * (Dutch writes "mrt" for maart). */
static const char *const short_month_names[2][12] = {
  { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" },
  { "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec" },
};

static char *
format_month_from (const char *const names[2][12],
                   KoersLanguage     lang,
                   int               month)
{
  if (month < 1 || month > 12)
    return NULL;

  return g_strdup (names[normalize_language (lang)][month - 1]);
}

char *
koers_format_month (KoersLanguage lang,
                    int           month)
{
  return format_month_from (month_names, lang, month);
}

char *
koers_format_month_short (KoersLanguage lang,
                          int           month)
{
  return format_month_from (short_month_names, lang, month);
}

char *
koers_format_date (KoersLanguage lang,
                   const GDate  *date)
{
  g_autofree char *month = NULL;

  if (date == NULL || !g_date_valid (date))
    return NULL;

  month = koers_format_month (lang, g_date_get_month (date));

  /* Both languages write the day first and no leading zero: "30 June 2026". */
  return g_strdup_printf ("%u %s %u",
                          (guint) g_date_get_day (date),
                          month,
                          (guint) g_date_get_year (date));
}

char *
koers_format_date_iso (KoersLanguage lang,
                       const char   *iso)
{
  GDate date;

  if (!koers_date_parse (iso, &date))
    return NULL;

  return koers_format_date (lang, &date);
}

char *
koers_format_period (KoersLanguage      lang,
                     const KoersPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  switch (period->kind)
    {
    case KOERS_PERIOD_KIND_QUARTER:
      return g_strdup_printf ("Q%d %d", period->quarter, period->year);

    case KOERS_PERIOD_KIND_YEAR:
      return g_strdup_printf ("%d", period->year);

    case KOERS_PERIOD_KIND_CUSTOM:
      {
        g_autofree char *start = koers_format_date (lang, &period->start);
        g_autofree char *end = koers_format_date (lang, &period->end);

        if (start == NULL || end == NULL)
          return NULL;
        return g_strconcat (start, RANGE_DASH, end, NULL);
      }

    default:
      return NULL;
    }
}
