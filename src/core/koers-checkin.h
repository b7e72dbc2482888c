/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "koers-enums.h"

G_BEGIN_DECLS

#define KOERS_TYPE_CHECKIN (koers_checkin_get_type ())
G_DECLARE_FINAL_TYPE (KoersCheckin, koers_checkin, KOERS, CHECKIN, GObject)

KoersCheckin      *koers_checkin_new (const char        *date_iso,
                                      double             value,
                                      KoersCheckinStatus status,
                                      const char        *note);
gint64             koers_checkin_get_id (KoersCheckin *self);
void               koers_checkin_set_id (KoersCheckin *self, gint64 id);
const char        *koers_checkin_get_uuid (KoersCheckin *self);
void               koers_checkin_set_uuid (KoersCheckin *self, const char *uuid);
gint64             koers_checkin_get_key_result_id (KoersCheckin *self);
void               koers_checkin_set_key_result_id (KoersCheckin *self, gint64 id);
const char        *koers_checkin_get_date (KoersCheckin *self);
void               koers_checkin_set_date (KoersCheckin *self, const char *date_iso);
double             koers_checkin_get_value (KoersCheckin *self);
void               koers_checkin_set_value (KoersCheckin *self, double value);
KoersCheckinStatus koers_checkin_get_status (KoersCheckin *self);
void               koers_checkin_set_status (KoersCheckin *self, KoersCheckinStatus status);
/* At risk or off track: what the escalation rule counts. */
gboolean           koers_checkin_is_at_risk (KoersCheckin *self);
const char        *koers_checkin_get_note (KoersCheckin *self);
void               koers_checkin_set_note (KoersCheckin *self, const char *note);
const char        *koers_checkin_get_author (KoersCheckin *self);
void               koers_checkin_set_author (KoersCheckin *self, const char *author);
gint64             koers_checkin_get_created (KoersCheckin *self);
void               koers_checkin_set_created (KoersCheckin *self, gint64 usec);
gint64             koers_checkin_get_updated (KoersCheckin *self);
void               koers_checkin_set_updated (KoersCheckin *self, gint64 usec);

/* Newest first by date, then by creation time: a GCompareDataFunc. */
int koers_checkin_compare_newest_first (gconstpointer a,
                                        gconstpointer b,
                                        gpointer      user_data);

G_END_DECLS
