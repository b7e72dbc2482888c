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

gint64
koers_checkin_get_id (KoersCheckin *self)
{
  g_return_val_if_fail (KOERS_IS_CHECKIN (self), 0);

  return self->id;
}

void
koers_checkin_set_id (KoersCheckin *self,
                      gint64        id)
{
  g_return_if_fail (KOERS_IS_CHECKIN (self));

  koers_property_set_int64 (G_OBJECT (self), properties[PROP_ID], id);
}

const char *
koers_checkin_get_uuid (KoersCheckin *self)
{
  g_return_val_if_fail (KOERS_IS_CHECKIN (self), NULL);

  return self->uuid;
}

void
koers_checkin_set_uuid (KoersCheckin *self,
                        const char   *uuid)
{
  g_return_if_fail (KOERS_IS_CHECKIN (self));

  koers_property_set_string (G_OBJECT (self), properties[PROP_UUID], uuid);
}

gint64
koers_checkin_get_key_result_id (KoersCheckin *self)
{
  g_return_val_if_fail (KOERS_IS_CHECKIN (self), 0);

  return self->key_result_id;
}

void
koers_checkin_set_key_result_id (KoersCheckin *self,
                                 gint64        key_result_id)
{
  g_return_if_fail (KOERS_IS_CHECKIN (self));

  koers_property_set_int64 (G_OBJECT (self), properties[PROP_KEY_RESULT_ID], key_result_id);
}

const char *
koers_checkin_get_date (KoersCheckin *self)
{
  g_return_val_if_fail (KOERS_IS_CHECKIN (self), NULL);

  return self->date;
}

void
koers_checkin_set_date (KoersCheckin *self,
                        const char   *date)
{
  g_return_if_fail (KOERS_IS_CHECKIN (self));

  koers_property_set_string (G_OBJECT (self), properties[PROP_DATE], date);
}

double
koers_checkin_get_value (KoersCheckin *self)
{
  g_return_val_if_fail (KOERS_IS_CHECKIN (self), 0);

  return self->value;
}

void
koers_checkin_set_value (KoersCheckin *self,
                         double        value)
{
  g_return_if_fail (KOERS_IS_CHECKIN (self));

  koers_property_set_double (G_OBJECT (self), properties[PROP_VALUE], value);
}

KoersCheckinStatus
koers_checkin_get_status (KoersCheckin *self)
{
  g_return_val_if_fail (KOERS_IS_CHECKIN (self), 0);

  return self->status;
}

void
koers_checkin_set_status (KoersCheckin      *self,
                          KoersCheckinStatus status)
{
  g_return_if_fail (KOERS_IS_CHECKIN (self));

  koers_property_set_enum (G_OBJECT (self), properties[PROP_STATUS], status);
}

const char *
koers_checkin_get_note (KoersCheckin *self)
{
  g_return_val_if_fail (KOERS_IS_CHECKIN (self), NULL);

  return self->note;
}

void
koers_checkin_set_note (KoersCheckin *self,
                        const char   *note)
{
  g_return_if_fail (KOERS_IS_CHECKIN (self));

  koers_property_set_string (G_OBJECT (self), properties[PROP_NOTE], note);
}

const char *
koers_checkin_get_author (KoersCheckin *self)
{
  g_return_val_if_fail (KOERS_IS_CHECKIN (self), NULL);

  return self->author;
}

void
koers_checkin_set_author (KoersCheckin *self,
                          const char   *author)
{
  g_return_if_fail (KOERS_IS_CHECKIN (self));

  koers_property_set_string (G_OBJECT (self), properties[PROP_AUTHOR], author);
}

gint64
koers_checkin_get_created (KoersCheckin *self)
{
  g_return_val_if_fail (KOERS_IS_CHECKIN (self), 0);

  return self->created;
}

void
koers_checkin_set_created (KoersCheckin *self,
                           gint64        created)
{
  g_return_if_fail (KOERS_IS_CHECKIN (self));

  koers_property_set_int64 (G_OBJECT (self), properties[PROP_CREATED], created);
}

gint64
koers_checkin_get_updated (KoersCheckin *self)
{
  g_return_val_if_fail (KOERS_IS_CHECKIN (self), 0);

  return self->updated;
}

void
koers_checkin_set_updated (KoersCheckin *self,
                           gint64        updated)
{
  g_return_if_fail (KOERS_IS_CHECKIN (self));

  koers_property_set_int64 (G_OBJECT (self), properties[PROP_UPDATED], updated);
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
