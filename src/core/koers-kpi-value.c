/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "koers-field.h"
#include "koers-kpi-value.h"

struct _KoersKpiValue
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  gint64 kpi_id;
  char *date;
  double value;
  char *note;
  gint64 created;
  gint64 updated;
};

G_DEFINE_FINAL_TYPE (KoersKpiValue, koers_kpi_value, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_KPI_ID,
  PROP_DATE,
  PROP_VALUE,
  PROP_NOTE,
  PROP_CREATED,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
koers_kpi_value_finalize (GObject *object)
{
  KoersKpiValue *self = (KoersKpiValue *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (koers_kpi_value_parent_class)->finalize (object);
}

static void
koers_kpi_value_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KoersKpiValue *self = KOERS_KPI_VALUE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_KPI_ID:
      g_value_set_int64 (value, self->kpi_id);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_CREATED:
      g_value_set_int64 (value, self->created);
      break;
    case PROP_UPDATED:
      g_value_set_int64 (value, self->updated);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koers_kpi_value_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KoersKpiValue *self = KOERS_KPI_VALUE (object);

  switch (prop_id)
    {
    case PROP_ID:
      koers_kpi_value_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_UUID:
      koers_kpi_value_set_uuid (self, g_value_get_string (value));
      break;
    case PROP_KPI_ID:
      koers_kpi_value_set_kpi_id (self, g_value_get_int64 (value));
      break;
    case PROP_DATE:
      koers_kpi_value_set_date (self, g_value_get_string (value));
      break;
    case PROP_VALUE:
      koers_kpi_value_set_value (self, g_value_get_double (value));
      break;
    case PROP_NOTE:
      koers_kpi_value_set_note (self, g_value_get_string (value));
      break;
    case PROP_CREATED:
      koers_kpi_value_set_created (self, g_value_get_int64 (value));
      break;
    case PROP_UPDATED:
      koers_kpi_value_set_updated (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koers_kpi_value_class_init (KoersKpiValueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = koers_kpi_value_finalize;
  object_class->get_property = koers_kpi_value_get_property;
  object_class->set_property = koers_kpi_value_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, "", flags);
  properties[PROP_KPI_ID] =
    g_param_spec_int64 ("kpi-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, flags);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, "", flags);
  properties[PROP_CREATED] =
    g_param_spec_int64 ("created", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_UPDATED] =
    g_param_spec_int64 ("updated", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
koers_kpi_value_init (KoersKpiValue *self)
{
  self->uuid = g_strdup ("");
  self->note = g_strdup ("");
}

KoersKpiValue *
koers_kpi_value_new (const char *date_iso,
                     double      value,
                     const char *note)
{
  return g_object_new (KOERS_TYPE_KPI_VALUE,
                       "date", date_iso,
                       "value", value,
                       "note", note,
                       NULL);
}

gint64
koers_kpi_value_get_id (KoersKpiValue *self)
{
  g_return_val_if_fail (KOERS_IS_KPI_VALUE (self), 0);

  return self->id;
}

void
koers_kpi_value_set_id (KoersKpiValue *self,
                        gint64         id)
{
  g_return_if_fail (KOERS_IS_KPI_VALUE (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
koers_kpi_value_get_uuid (KoersKpiValue *self)
{
  g_return_val_if_fail (KOERS_IS_KPI_VALUE (self), NULL);

  return self->uuid;
}

void
koers_kpi_value_set_uuid (KoersKpiValue *self,
                          const char    *uuid)
{
  g_return_if_fail (KOERS_IS_KPI_VALUE (self));

  if (koers_field_set_string (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

gint64
koers_kpi_value_get_kpi_id (KoersKpiValue *self)
{
  g_return_val_if_fail (KOERS_IS_KPI_VALUE (self), 0);

  return self->kpi_id;
}

void
koers_kpi_value_set_kpi_id (KoersKpiValue *self,
                            gint64         kpi_id)
{
  g_return_if_fail (KOERS_IS_KPI_VALUE (self));

  if (self->kpi_id == kpi_id)
    return;

  self->kpi_id = kpi_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KPI_ID]);
}

const char *
koers_kpi_value_get_date (KoersKpiValue *self)
{
  g_return_val_if_fail (KOERS_IS_KPI_VALUE (self), NULL);

  return self->date;
}

void
koers_kpi_value_set_date (KoersKpiValue *self,
                          const char    *date)
{
  g_return_if_fail (KOERS_IS_KPI_VALUE (self));

  if (koers_field_set_date (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

double
koers_kpi_value_get_value (KoersKpiValue *self)
{
  g_return_val_if_fail (KOERS_IS_KPI_VALUE (self), 0.0);

  return self->value;
}

void
koers_kpi_value_set_value (KoersKpiValue *self,
                           double         value)
{
  g_return_if_fail (KOERS_IS_KPI_VALUE (self));

  if (self->value == value)
    return;

  self->value = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

const char *
koers_kpi_value_get_note (KoersKpiValue *self)
{
  g_return_val_if_fail (KOERS_IS_KPI_VALUE (self), NULL);

  return self->note;
}

void
koers_kpi_value_set_note (KoersKpiValue *self,
                          const char    *note)
{
  g_return_if_fail (KOERS_IS_KPI_VALUE (self));

  if (koers_field_set_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

gint64
koers_kpi_value_get_created (KoersKpiValue *self)
{
  g_return_val_if_fail (KOERS_IS_KPI_VALUE (self), 0);

  return self->created;
}

void
koers_kpi_value_set_created (KoersKpiValue *self,
                             gint64         created)
{
  g_return_if_fail (KOERS_IS_KPI_VALUE (self));

  if (self->created == created)
    return;

  self->created = created;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

gint64
koers_kpi_value_get_updated (KoersKpiValue *self)
{
  g_return_val_if_fail (KOERS_IS_KPI_VALUE (self), 0);

  return self->updated;
}

void
koers_kpi_value_set_updated (KoersKpiValue *self,
                             gint64         updated)
{
  g_return_if_fail (KOERS_IS_KPI_VALUE (self));

  if (self->updated == updated)
    return;

  self->updated = updated;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
}

int
koers_kpi_value_compare_newest_first (gconstpointer a,
                                      gconstpointer b,
                                      gpointer      user_data)
{
  KoersKpiValue *va = (KoersKpiValue *) a;
  KoersKpiValue *vb = (KoersKpiValue *) b;
  int cmp;

  /* ISO dates sort as strings; a missing date sorts last. */
  if (va->date == NULL || vb->date == NULL)
    cmp = (va->date == NULL) - (vb->date == NULL);
  else
    cmp = -strcmp (va->date, vb->date);

  if (cmp != 0)
    return cmp;

  if (va->created != vb->created)
    return va->created > vb->created ? -1 : 1;

  /* Same day and same stamp (not stored yet): the later id is newer. */
  if (va->id != vb->id)
    return va->id > vb->id ? -1 : 1;

  return 0;
}
