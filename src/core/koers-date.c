/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "koers-date.h"

/* Strict "YYYY-MM-DD": g_date_set_parse() would accept far more (and
 * depends on the locale), which is not what a stored key should do. */
gboolean
koers_date_parse (const char *iso,
                  GDate      *out)
{
  guint year, month, day;

  g_return_val_if_fail (out != NULL, FALSE);

  g_date_clear (out, 1);

  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        continue;
      if (!g_ascii_isdigit (iso[i]))
        return FALSE;
    }

  year = (guint) g_ascii_strtoull (iso, NULL, 10);
  month = (guint) g_ascii_strtoull (iso + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (iso + 8, NULL, 10);

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

char *
koers_date_format_iso (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

void
koers_date_today (GDate *out)
{
  const char *fixed = g_getenv ("KOERS_TODAY");
  g_autoptr (GDateTime) now = NULL;

  g_return_if_fail (out != NULL);

  if (fixed != NULL && *fixed != '\0' && koers_date_parse (fixed, out))
    return;

  now = g_date_time_new_now_local ();
  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

char *
koers_date_today_iso (void)
{
  GDate today;

  koers_date_today (&today);
  return koers_date_format_iso (&today);
}

int
koers_date_days_between (const GDate *a,
                         const GDate *b)
{
  g_return_val_if_fail (a != NULL && g_date_valid (a), 0);
  g_return_val_if_fail (b != NULL && g_date_valid (b), 0);

  return g_date_days_between (a, b);
}

gint64
koers_now_usec (void)
{
  return g_get_real_time ();
}

char *
koers_uuid_new (void)
{
  return g_uuid_string_random ();
}

gboolean
koers_date_from_usec (gint64 usec,
                      GDate *out)
{
  g_autoptr (GDateTime) dt = NULL;

  if (usec <= 0)
    return FALSE;

  dt = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);
  if (dt == NULL)
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  (GDateDay) g_date_time_get_day_of_month (dt),
                  (GDateMonth) g_date_time_get_month (dt),
                  (GDateYear) g_date_time_get_year (dt));
  return TRUE;
}

int
koers_date_compare_newest_first (const char *date_a,
                                 gint64      created_a,
                                 gint64      id_a,
                                 const char *date_b,
                                 gint64      created_b,
                                 gint64      id_b)
{
  int cmp;

  /* ISO dates sort as strings; a missing date sorts last. */
  if (date_a == NULL || date_b == NULL)
    cmp = (date_a == NULL) - (date_b == NULL);
  else
    cmp = -strcmp (date_a, date_b);

  if (cmp != 0)
    return cmp;

  if (created_a != created_b)
    return created_a > created_b ? -1 : 1;

  /* Same day and same stamp (not stored yet): the later id is newer. */
  if (id_a != id_b)
    return id_a > id_b ? -1 : 1;

  return 0;
}
