/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "koers-date.h"
#include "koers-period.h"

G_DEFINE_BOXED_TYPE (KoersPeriod, koers_period, koers_period_copy, koers_period_free)

/* GDate covers years 1..65535; keep periods well inside so that previous
 * and next never leave it. */
#define MIN_YEAR 1
#define MAX_YEAR 9999

KoersPeriod *
koers_period_copy (const KoersPeriod *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_memdup2 (self, sizeof *self);
}

void
koers_period_free (KoersPeriod *self)
{
  g_free (self);
}

static void
set_date (GDate *date,
          int    day,
          int    month,
          int    year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

void
koers_period_init_quarter (KoersPeriod *self,
                           int          year,
                           int          quarter)
{
  int first_month;
  int last_month;

  g_return_if_fail (self != NULL);
  g_return_if_fail (quarter >= 1 && quarter <= 4);
  g_return_if_fail (year >= MIN_YEAR && year <= MAX_YEAR);

  first_month = (quarter - 1) * 3 + 1;
  last_month = first_month + 2;

  self->kind = KOERS_PERIOD_KIND_QUARTER;
  self->year = year;
  self->quarter = quarter;
  set_date (&self->start, 1, first_month, year);
  set_date (&self->end,
            g_date_get_days_in_month ((GDateMonth) last_month, (GDateYear) year),
            last_month, year);
}

void
koers_period_init_year (KoersPeriod *self,
                        int          year)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (year >= MIN_YEAR && year <= MAX_YEAR);

  self->kind = KOERS_PERIOD_KIND_YEAR;
  self->year = year;
  self->quarter = 0;
  set_date (&self->start, 1, G_DATE_JANUARY, year);
  set_date (&self->end, 31, G_DATE_DECEMBER, year);
}

gboolean
koers_period_init_range (KoersPeriod *self,
                         const GDate *start,
                         const GDate *end)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (start == NULL || end == NULL || !g_date_valid (start) || !g_date_valid (end))
    return FALSE;
  if (g_date_compare (start, end) > 0)
    return FALSE;

  self->kind = KOERS_PERIOD_KIND_CUSTOM;
  self->year = g_date_get_year (start);
  self->quarter = 0;
  self->start = *start;
  self->end = *end;
  return TRUE;
}

void
koers_period_init_for_date (KoersPeriod *self,
                            const GDate *date)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));

  koers_period_init_quarter (self,
                             g_date_get_year (date),
                             (g_date_get_month (date) - 1) / 3 + 1);
}

/* Digits only, no sign or spaces, as g_ascii_strtoll would allow. */
static gboolean
parse_year (const char *str,
            gsize       len,
            int        *out)
{
  int year = 0;

  if (len != 4)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (str[i]))
        return FALSE;
      year = year * 10 + (str[i] - '0');
    }

  if (year < MIN_YEAR || year > MAX_YEAR)
    return FALSE;

  *out = year;
  return TRUE;
}

gboolean
koers_period_parse (const char  *str,
                    KoersPeriod *out,
                    GError     **error)
{
  KoersPeriod period = {
    0,
  };
  const char *slash;
  gsize       len;
  int         year;

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (str == NULL || *str == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _ ("No period was given"));
      return FALSE;
    }

  len = strlen (str);

  /* "2026" */
  if (len == 4 && parse_year (str, 4, &year))
    {
      koers_period_init_year (&period, year);
      *out = period;
      return TRUE;
    }

  /* "2026-Q2" (a lower-case q is accepted too) */
  if (len == 7 && str[4] == '-' && (str[5] == 'Q' || str[5] == 'q') &&
      str[6] >= '1' && str[6] <= '4' && parse_year (str, 4, &year))
    {
      koers_period_init_quarter (&period, year, str[6] - '0');
      *out = period;
      return TRUE;
    }

  /* "2026-01-15/2026-03-31"; koers_date_parse keeps years in 1..9999. */
  slash = strchr (str, '/');
  if (slash != NULL && slash - str == 10 && len == 21)
    {
      char  first[11];
      GDate start, end;

      memcpy (first, str, 10);
      first[10] = '\0';

      if (koers_date_parse (first, &start) && koers_date_parse (slash + 1, &end))
        {
          if (g_date_compare (&start, &end) > 0)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           /* Translators: a period whose end date is before its start date */
                           _ ("The period “%s” ends before it starts"), str);
              return FALSE;
            }

          koers_period_init_range (&period, &start, &end);
          *out = period;
          return TRUE;
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               /* Translators: keep the examples, they are the formats the program reads */
               _ ("“%s” is not a period; use a quarter (2026-Q2), a year (2026) "
                  "or a range (2026-01-15/2026-03-31)"),
               str);
  return FALSE;
}

char *
koers_period_to_string (const KoersPeriod *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->kind)
    {
    case KOERS_PERIOD_KIND_QUARTER:
      return g_strdup_printf ("%04d-Q%d", self->year, self->quarter);
    case KOERS_PERIOD_KIND_YEAR:
      return g_strdup_printf ("%04d", self->year);
    case KOERS_PERIOD_KIND_CUSTOM:
      {
        g_autofree char *start = koers_date_format_iso (&self->start);
        g_autofree char *end = koers_date_format_iso (&self->end);

        if (start == NULL || end == NULL)
          return NULL;
        return g_strconcat (start, "/", end, NULL);
      }
    default:
      return NULL;
    }
}

static gboolean
dates_equal (const GDate *a,
             const GDate *b)
{
  if (!g_date_valid (a) || !g_date_valid (b))
    return g_date_valid (a) == g_date_valid (b);
  return g_date_compare (a, b) == 0;
}

gboolean
koers_period_equal (const KoersPeriod *a,
                    const KoersPeriod *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return a->kind == b->kind &&
         dates_equal (&a->start, &b->start) &&
         dates_equal (&a->end, &b->end);
}

gboolean
koers_period_contains_date (const KoersPeriod *self,
                            const GDate       *date)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (date == NULL || !g_date_valid (date) ||
      !g_date_valid (&self->start) || !g_date_valid (&self->end))
    return FALSE;

  return g_date_compare (date, &self->start) >= 0 &&
         g_date_compare (date, &self->end) <= 0;
}

gboolean
koers_period_overlaps (const KoersPeriod *a,
                       const KoersPeriod *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (!g_date_valid (&a->start) || !g_date_valid (&a->end) ||
      !g_date_valid (&b->start) || !g_date_valid (&b->end))
    return FALSE;

  return g_date_compare (&a->start, &b->end) <= 0 &&
         g_date_compare (&b->start, &a->end) <= 0;
}

int
koers_period_n_days (const KoersPeriod *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (!g_date_valid (&self->start) || !g_date_valid (&self->end))
    return 0;

  return g_date_days_between (&self->start, &self->end) + 1;
}

/* A custom range moves by its own length, so that stepping through
 * "sprints" keeps working. */
static void
shift_range (const KoersPeriod *self,
             int                direction,
             KoersPeriod       *out)
{
  int   n_days = koers_period_n_days (self);
  GDate start = self->start;
  GDate end = self->end;

  if (direction < 0)
    {
      g_date_subtract_days (&start, (guint) n_days);
      g_date_subtract_days (&end, (guint) n_days);
    }
  else
    {
      g_date_add_days (&start, (guint) n_days);
      g_date_add_days (&end, (guint) n_days);
    }

  koers_period_init_range (out, &start, &end);
}

/* One step back (direction < 0) or forward: a quarter or a year to its
 * neighbour, a custom range by its own length, never past the years a
 * period may have (there it stays where it is). */
static void
step_period (const KoersPeriod *self,
             int                direction,
             KoersPeriod       *out)
{
  KoersPeriod result;
  int         year = direction < 0 ? MAX (self->year - 1, MIN_YEAR) : MIN (self->year + 1, MAX_YEAR);

  switch (self->kind)
    {
    case KOERS_PERIOD_KIND_QUARTER:
      if (self->quarter + direction >= 1 && self->quarter + direction <= 4)
        koers_period_init_quarter (&result, self->year, self->quarter + direction);
      else
        koers_period_init_quarter (&result, year, direction < 0 ? 4 : 1);
      break;
    case KOERS_PERIOD_KIND_YEAR:
      koers_period_init_year (&result, year);
      break;
    case KOERS_PERIOD_KIND_CUSTOM:
    default:
      if (direction < 0
            ? g_date_get_julian (&self->start) <= (guint32) koers_period_n_days (self)
            : g_date_get_year (&self->end) >= MAX_YEAR)
        result = *self;
      else
        shift_range (self, direction, &result);
      break;
    }

  *out = result;
}

void
koers_period_previous (const KoersPeriod *self,
                       KoersPeriod       *out)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);

  step_period (self, -1, out);
}

void
koers_period_next (const KoersPeriod *self,
                   KoersPeriod       *out)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);

  step_period (self, 1, out);
}
