/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-checkin.h"
#include "koers-date.h"
#include "koers-enum-types.h"
#include "koers-field.h"
#include "koers-property.h"

struct _KoersCheckin
{
  GObject parent_instance;

  gint64             id;
  char              *uuid;
  gint64             key_result_id;
  char              *date;
  double             value;
  KoersCheckinStatus status;
  char              *note;
  char              *author;
  gint64             created;
  gint64             updated;
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_KEY_RESULT_ID,
  PROP_DATE,
  PROP_VALUE,
  PROP_STATUS,
  PROP_NOTE,
  PROP_AUTHOR,
  PROP_CREATED,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of the property ids above. */
static const KoersProperty property_table[] = {
  KOERS_PROPERTY_IDENTITY (KoersCheckin),
  { "key-result-id", KOERS_PROPERTY_ID, G_STRUCT_OFFSET (KoersCheckin, key_result_id) },
  { "date", KOERS_PROPERTY_DATE, G_STRUCT_OFFSET (KoersCheckin, date) },
  { "value", KOERS_PROPERTY_DOUBLE, G_STRUCT_OFFSET (KoersCheckin, value) },
  { "status", KOERS_PROPERTY_ENUM, G_STRUCT_OFFSET (KoersCheckin, status),
    .type = koers_checkin_status_get_type, .default_value = KOERS_CHECKIN_STATUS_NONE },
  { "note", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersCheckin, note) },
  { "author", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersCheckin, author) },
  KOERS_PROPERTY_TIMESTAMPS (KoersCheckin),
};

KOERS_DEFINE_MODEL_TYPE (KoersCheckin, koers_checkin)

KoersCheckin *
koers_checkin_new (const char        *date_iso,
                   double             value,
                   KoersCheckinStatus status,
                   const char        *note)
{
  return g_object_new (KOERS_TYPE_CHECKIN,
                       "date", date_iso,
                       "value", value,
                       "status", status,
                       "note", note,
                       NULL);
}

KOERS_DEFINE_RECORD_ACCESSORS (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN)
KOERS_DEFINE_ACCESSORS (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, int64, gint64, key_result_id, PROP_KEY_RESULT_ID, 0)
KOERS_DEFINE_ACCESSORS (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, string, const char *, date, PROP_DATE, NULL)
KOERS_DEFINE_ACCESSORS (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, double, double, value, PROP_VALUE, 0)
KOERS_DEFINE_ACCESSORS (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, enum, KoersCheckinStatus, status, PROP_STATUS, 0)
KOERS_DEFINE_ACCESSORS (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, string, const char *, note, PROP_NOTE, NULL)
KOERS_DEFINE_ACCESSORS (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, string, const char *, author, PROP_AUTHOR, NULL)

gboolean
koers_checkin_is_at_risk (KoersCheckin *self)
{
  g_return_val_if_fail (KOERS_IS_CHECKIN (self), FALSE);

  return self->status == KOERS_CHECKIN_STATUS_AT_RISK || self->status == KOERS_CHECKIN_STATUS_OFF_TRACK;
}

int
koers_checkin_compare_newest_first (gconstpointer a,
                                    gconstpointer b,
                                    gpointer      user_data)
{
  KoersCheckin *ca = (KoersCheckin *) a;
  KoersCheckin *cb = (KoersCheckin *) b;

  return koers_date_compare_newest_first (ca->date, ca->created, ca->id, cb->date, cb->created, cb->id);
}
