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

KOERS_DEFINE_GETTER (KoersKpiValue, koers_kpi_value, KOERS_IS_KPI_VALUE, gint64, id, 0)
KOERS_DEFINE_SETTER (KoersKpiValue, koers_kpi_value, KOERS_IS_KPI_VALUE, int64, gint64, id, PROP_ID)
KOERS_DEFINE_GETTER (KoersKpiValue, koers_kpi_value, KOERS_IS_KPI_VALUE, const char *, uuid, NULL)
KOERS_DEFINE_SETTER (KoersKpiValue, koers_kpi_value, KOERS_IS_KPI_VALUE, string, const char *, uuid, PROP_UUID)
KOERS_DEFINE_GETTER (KoersKpiValue, koers_kpi_value, KOERS_IS_KPI_VALUE, gint64, kpi_id, 0)
KOERS_DEFINE_SETTER (KoersKpiValue, koers_kpi_value, KOERS_IS_KPI_VALUE, int64, gint64, kpi_id, PROP_KPI_ID)
KOERS_DEFINE_GETTER (KoersKpiValue, koers_kpi_value, KOERS_IS_KPI_VALUE, const char *, date, NULL)
KOERS_DEFINE_SETTER (KoersKpiValue, koers_kpi_value, KOERS_IS_KPI_VALUE, string, const char *, date, PROP_DATE)
KOERS_DEFINE_GETTER (KoersKpiValue, koers_kpi_value, KOERS_IS_KPI_VALUE, double, value, 0.0)
KOERS_DEFINE_SETTER (KoersKpiValue, koers_kpi_value, KOERS_IS_KPI_VALUE, double, double, value, PROP_VALUE)
KOERS_DEFINE_GETTER (KoersKpiValue, koers_kpi_value, KOERS_IS_KPI_VALUE, const char *, note, NULL)
KOERS_DEFINE_SETTER (KoersKpiValue, koers_kpi_value, KOERS_IS_KPI_VALUE, string, const char *, note, PROP_NOTE)
KOERS_DEFINE_GETTER (KoersKpiValue, koers_kpi_value, KOERS_IS_KPI_VALUE, gint64, created, 0)
KOERS_DEFINE_SETTER (KoersKpiValue, koers_kpi_value, KOERS_IS_KPI_VALUE, int64, gint64, created, PROP_CREATED)
KOERS_DEFINE_GETTER (KoersKpiValue, koers_kpi_value, KOERS_IS_KPI_VALUE, gint64, updated, 0)
KOERS_DEFINE_SETTER (KoersKpiValue, koers_kpi_value, KOERS_IS_KPI_VALUE, int64, gint64, updated, PROP_UPDATED)

int
koers_kpi_value_compare_newest_first (gconstpointer a,
                                      gconstpointer b,
                                      gpointer      user_data)
{
  KoersKpiValue *va = (KoersKpiValue *) a;
  KoersKpiValue *vb = (KoersKpiValue *) b;

  return koers_date_compare_newest_first (va->date, va->created, va->id, vb->date, vb->created, vb->id);
}
