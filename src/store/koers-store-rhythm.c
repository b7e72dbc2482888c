/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/koers-date.h"
#include "koers-store-private.h"
#include "koers-store-rhythm.h"

#define SETTING_CHECKIN_DAY "checkin-day"
#define SETTING_LATE_DAYS "checkin-late-days"

/* An unsigned number in [min, max], else fallback ("" included). */
static guint
parse_setting (const char *text,
               guint       min,
               guint       max,
               guint       fallback)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, min, max, &value, NULL))
    return fallback;

  return (guint) value;
}

gboolean
koers_store_read_rhythm (KoersStore  *self,
                         KoersRhythm *out,
                         GError     **error)
{
  g_autofree char *day = NULL;
  g_autofree char *late = NULL;

  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  koers_rhythm_init (out);
  day = koers_store_read_setting (self, SETTING_CHECKIN_DAY, error);
  if (day == NULL)
    return FALSE;
  late = koers_store_read_setting (self, SETTING_LATE_DAYS, error);
  if (late == NULL)
    return FALSE;

  out->checkin_day = parse_setting (day, G_DATE_MONDAY, G_DATE_SUNDAY, KOERS_RHYTHM_DEFAULT_DAY);
  out->late_days = parse_setting (late, 1, KOERS_RHYTHM_MAX_LATE_DAYS, KOERS_RHYTHM_DEFAULT_LATE_DAYS);
  return TRUE;
}

gboolean
koers_store_write_rhythm (KoersStore        *self,
                          const KoersRhythm *rhythm,
                          GError           **error)
{
  g_autofree char *day = NULL;
  g_autofree char *late = NULL;

  g_return_val_if_fail (KOERS_IS_STORE (self), FALSE);
  g_return_val_if_fail (rhythm != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!koers_rhythm_is_valid (rhythm))
    {
      g_set_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT,
                   /* Translators: %u is the largest number of days allowed. */
                   g_dngettext (GETTEXT_PACKAGE, "A key result counts as late after 1 to %u day",
                                "A key result counts as late after 1 to %u days", KOERS_RHYTHM_MAX_LATE_DAYS),
                   KOERS_RHYTHM_MAX_LATE_DAYS);
      return FALSE;
    }

  day = g_strdup_printf ("%u", (guint) rhythm->checkin_day);
  late = g_strdup_printf ("%u", rhythm->late_days);

  if (!koers_store_save_settings (self, error, SETTING_CHECKIN_DAY, day, SETTING_LATE_DAYS, late,
                                  NULL))
    return FALSE;

  koers_store_emit_changed (self);
  return TRUE;
}

GPtrArray *
koers_store_collect_due (KoersStore        *self,
                         const KoersRhythm *rhythm,
                         const GDate       *today)
{
  GDate now;

  g_return_val_if_fail (KOERS_IS_STORE (self), NULL);

  if (today != NULL && g_date_valid (today))
    now = *today;
  else
    koers_date_today (&now);

  return koers_due_collect (koers_store_get_departments (self), koers_store_get_objectives (self),
                            koers_store_get_kpis (self), rhythm, &now);
}
