/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Calendar dates travel as ISO 8601 strings ("2026-06-30") in properties,
 * in the database and in JSON; these helpers turn them into GDates. */

gboolean koers_date_parse (const char *iso,
                           GDate      *out);
char    *koers_date_format_iso (const GDate *date);
/* Today, or the date in $KOERS_TODAY (ISO) so tests and demos are repeatable. */
void  koers_date_today (GDate *out);
char *koers_date_today_iso (void);
/* Days from a to b (negative when b is before a). */
int koers_date_days_between (const GDate *a,
                             const GDate *b);
/* The local day of a created/updated stamp; FALSE for none (0 or less). */
gboolean koers_date_from_usec (gint64 usec,
                               GDate *out);
/* Microseconds since the epoch, for created/updated stamps. */
gint64 koers_now_usec (void);
char  *koers_uuid_new (void);

/* The order of check-ins and KPI values, newest first: by date (a
 * missing one last), then by creation stamp, then by id. */
int koers_date_compare_newest_first (const char *date_a,
                                     gint64      created_a,
                                     gint64      id_a,
                                     const char *date_b,
                                     gint64      created_b,
                                     gint64      id_b);

G_END_DECLS
