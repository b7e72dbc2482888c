/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "koers-accessors.h"
#include "koers-enums.h"

G_BEGIN_DECLS

#define KOERS_TYPE_CHECKIN (koers_checkin_get_type ())
G_DECLARE_FINAL_TYPE (KoersCheckin, koers_checkin, KOERS, CHECKIN, GObject)

KoersCheckin *koers_checkin_new (const char        *date_iso,
                                 double             value,
                                 KoersCheckinStatus status,
                                 const char        *note);
KOERS_DECLARE_RECORD_ACCESSORS (KoersCheckin, koers_checkin)
KOERS_DECLARE_ACCESSORS (KoersCheckin, koers_checkin, gint64, key_result_id)
KOERS_DECLARE_ACCESSORS (KoersCheckin, koers_checkin, const char *, date)
KOERS_DECLARE_ACCESSORS (KoersCheckin, koers_checkin, double, value)
KOERS_DECLARE_ACCESSORS (KoersCheckin, koers_checkin, KoersCheckinStatus, status)
/* At risk or off track: what the escalation rule counts. */
gboolean koers_checkin_is_at_risk (KoersCheckin *self);
KOERS_DECLARE_ACCESSORS (KoersCheckin, koers_checkin, const char *, note)
KOERS_DECLARE_ACCESSORS (KoersCheckin, koers_checkin, const char *, author)

/* Newest first by date, then by creation time: a GCompareDataFunc. */
int koers_checkin_compare_newest_first (gconstpointer a,
                                        gconstpointer b,
                                        gpointer      user_data);

G_END_DECLS
