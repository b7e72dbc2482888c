/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-date.h"
#include "koers-field.h"
#include "koers-property.h"
#include "koers-kpi-value.h"

struct _KoersKpiValue
{
  GObject parent_instance;

  gint64 id;
  char  *uuid;
  gint64 kpi_id;
  char  *date;
  double value;
  char  *note;
  gint64 created;
  gint64 updated;
};

G_DEFINE_FINAL_TYPE (KoersKpiValue, koers_kpi_value, G_TYPE_OBJECT)

enum
{
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

/* In the order of the property ids above. */
static const KoersProperty property_table[] = {
  { "id", KOERS_PROPERTY_ID, G_STRUCT_OFFSET (KoersKpiValue, id) },
  { "uuid", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersKpiValue, uuid) },
  { "kpi-id", KOERS_PROPERTY_ID, G_STRUCT_OFFSET (KoersKpiValue, kpi_id) },
  { "date", KOERS_PROPERTY_DATE, G_STRUCT_OFFSET (KoersKpiValue, date) },
  { "value", KOERS_PROPERTY_DOUBLE, G_STRUCT_OFFSET (KoersKpiValue, value) },
  { "note", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersKpiValue, note) },
  { "created", KOERS_PROPERTY_INT64, G_STRUCT_OFFSET (KoersKpiValue, created) },
  { "updated", KOERS_PROPERTY_INT64, G_STRUCT_OFFSET (KoersKpiValue, updated) },
};

static void
koers_kpi_value_class_init (KoersKpiValueClass *klass)
{
  koers_property_install_model (G_OBJECT_CLASS (klass), property_table, N_PROPS - 1, properties);
}

static void
koers_kpi_value_init (KoersKpiValue *self)
{
  koers_property_init_defaults (G_OBJECT (self));
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

  koers_property_set_int64 (G_OBJECT (self), properties[PROP_ID], id);
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

  koers_property_set_string (G_OBJECT (self), properties[PROP_UUID], uuid);
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

  koers_property_set_int64 (G_OBJECT (self), properties[PROP_KPI_ID], kpi_id);
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

  koers_property_set_string (G_OBJECT (self), properties[PROP_DATE], date);
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

  koers_property_set_double (G_OBJECT (self), properties[PROP_VALUE], value);
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

  koers_property_set_string (G_OBJECT (self), properties[PROP_NOTE], note);
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

  koers_property_set_int64 (G_OBJECT (self), properties[PROP_CREATED], created);
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

  koers_property_set_int64 (G_OBJECT (self), properties[PROP_UPDATED], updated);
}

int
koers_kpi_value_compare_newest_first (gconstpointer a,
                                      gconstpointer b,
                                      gpointer      user_data)
{
  KoersKpiValue *va = (KoersKpiValue *) a;
  KoersKpiValue *vb = (KoersKpiValue *) b;

  return koers_date_compare_newest_first (va->date, va->created, va->id, vb->date, vb->created, vb->id);
}
