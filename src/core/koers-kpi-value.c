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
  KOERS_PROPERTY_IDENTITY (KoersKpiValue),
  { "kpi-id", KOERS_PROPERTY_ID, G_STRUCT_OFFSET (KoersKpiValue, kpi_id) },
  { "date", KOERS_PROPERTY_DATE, G_STRUCT_OFFSET (KoersKpiValue, date) },
  { "value", KOERS_PROPERTY_DOUBLE, G_STRUCT_OFFSET (KoersKpiValue, value) },
  { "note", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersKpiValue, note) },
  KOERS_PROPERTY_TIMESTAMPS (KoersKpiValue),
};

KOERS_DEFINE_MODEL_TYPE (KoersKpiValue, koers_kpi_value)

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

KOERS_DEFINE_RECORD_ACCESSORS (KoersKpiValue, koers_kpi_value, KOERS_IS_KPI_VALUE)
KOERS_DEFINE_ACCESSORS (KoersKpiValue, koers_kpi_value, KOERS_IS_KPI_VALUE, int64, gint64, kpi_id, PROP_KPI_ID, 0)
KOERS_DEFINE_ACCESSORS (KoersKpiValue, koers_kpi_value, KOERS_IS_KPI_VALUE, string, const char *, date, PROP_DATE, NULL)
KOERS_DEFINE_ACCESSORS (KoersKpiValue, koers_kpi_value, KOERS_IS_KPI_VALUE, double, double, value, PROP_VALUE, 0.0)
KOERS_DEFINE_ACCESSORS (KoersKpiValue, koers_kpi_value, KOERS_IS_KPI_VALUE, string, const char *, note, PROP_NOTE, NULL)

int
koers_kpi_value_compare_newest_first (gconstpointer a,
                                      gconstpointer b,
                                      gpointer      user_data)
{
  KoersKpiValue *va = (KoersKpiValue *) a;
  KoersKpiValue *vb = (KoersKpiValue *) b;

  return koers_date_compare_newest_first (va->date, va->created, va->id, vb->date, vb->created, vb->id);
}
