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

G_DEFINE_FINAL_TYPE (KoersCheckin, koers_checkin, G_TYPE_OBJECT)

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
  { "id", KOERS_PROPERTY_ID, G_STRUCT_OFFSET (KoersCheckin, id) },
  { "uuid", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersCheckin, uuid) },
  { "key-result-id", KOERS_PROPERTY_ID, G_STRUCT_OFFSET (KoersCheckin, key_result_id) },
  { "date", KOERS_PROPERTY_DATE, G_STRUCT_OFFSET (KoersCheckin, date) },
  { "value", KOERS_PROPERTY_DOUBLE, G_STRUCT_OFFSET (KoersCheckin, value) },
  { "status", KOERS_PROPERTY_ENUM, G_STRUCT_OFFSET (KoersCheckin, status),
    .type = koers_checkin_status_get_type, .default_value = KOERS_CHECKIN_STATUS_NONE },
  { "note", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersCheckin, note) },
  { "author", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersCheckin, author) },
  { "created", KOERS_PROPERTY_INT64, G_STRUCT_OFFSET (KoersCheckin, created) },
  { "updated", KOERS_PROPERTY_INT64, G_STRUCT_OFFSET (KoersCheckin, updated) },
};

static void
koers_checkin_class_init (KoersCheckinClass *klass)
{
  koers_property_install_model (G_OBJECT_CLASS (klass), property_table, N_PROPS - 1, properties);
}

static void
koers_checkin_init (KoersCheckin *self)
{
  koers_property_init_defaults (G_OBJECT (self));
}

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

KOERS_DEFINE_GETTER (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, gint64, id, 0)
KOERS_DEFINE_SETTER (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, int64, gint64, id, PROP_ID)
KOERS_DEFINE_GETTER (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, const char *, uuid, NULL)
KOERS_DEFINE_SETTER (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, string, const char *, uuid, PROP_UUID)
KOERS_DEFINE_GETTER (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, gint64, key_result_id, 0)
KOERS_DEFINE_SETTER (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, int64, gint64, key_result_id, PROP_KEY_RESULT_ID)
KOERS_DEFINE_GETTER (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, const char *, date, NULL)
KOERS_DEFINE_SETTER (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, string, const char *, date, PROP_DATE)
KOERS_DEFINE_GETTER (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, double, value, 0)
KOERS_DEFINE_SETTER (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, double, double, value, PROP_VALUE)
KOERS_DEFINE_GETTER (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, KoersCheckinStatus, status, 0)
KOERS_DEFINE_SETTER (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, enum, KoersCheckinStatus, status, PROP_STATUS)
KOERS_DEFINE_GETTER (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, const char *, note, NULL)
KOERS_DEFINE_SETTER (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, string, const char *, note, PROP_NOTE)
KOERS_DEFINE_GETTER (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, const char *, author, NULL)
KOERS_DEFINE_SETTER (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, string, const char *, author, PROP_AUTHOR)
KOERS_DEFINE_GETTER (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, gint64, created, 0)
KOERS_DEFINE_SETTER (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, int64, gint64, created, PROP_CREATED)
KOERS_DEFINE_GETTER (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, gint64, updated, 0)
KOERS_DEFINE_SETTER (KoersCheckin, koers_checkin, KOERS_IS_CHECKIN, int64, gint64, updated, PROP_UPDATED)

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
