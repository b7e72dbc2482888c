/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-date.h"
#include "koers-enum-types.h"
#include "koers-field.h"
#include "koers-property.h"
#include "koers-list-watch.h"
#include "koers-kpi.h"
#include "koers-kpi-status.h"

struct _KoersKpi
{
  GObject parent_instance;

  gint64            id;
  char             *uuid;
  gint64            department_id;
  char             *name;
  char             *unit;
  KoersMetricKind   metric_kind;
  KoersKpiDirection direction;
  double            healthy;
  double            attention;
  KoersKpiFrequency frequency;
  int               position;
  gint64            created;
  gint64            updated;

  /* Derived from the values, cached so that notify fires only on a real
   * change. */
  double         current_value;
  char          *last_update_date;
  KoersKpiStatus status;

  GListStore *values;
  /* The values we watch (owned refs), kept in step with values so that
   * every handler is disconnected exactly once. */
  GHashTable *watched;
};

G_DEFINE_FINAL_TYPE (KoersKpi, koers_kpi, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_DEPARTMENT_ID,
  PROP_NAME,
  PROP_UNIT,
  PROP_METRIC_KIND,
  PROP_DIRECTION,
  PROP_HEALTHY,
  PROP_ATTENTION,
  PROP_FREQUENCY,
  PROP_POSITION,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_CURRENT_VALUE,
  PROP_LAST_UPDATE_DATE,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The status follows what it is judged by: the direction, the thresholds
 * and the latest value. */
static void
update_status (GObject *object)
{
  KoersKpi      *self = KOERS_KPI (object);
  KoersKpiStatus status = KOERS_KPI_STATUS_NONE;

  if (koers_kpi_get_latest_value (self) != NULL)
    status = koers_kpi_compute_status (self->direction, self->healthy, self->attention,
                                       self->current_value);

  koers_property_set_enum (object, properties[PROP_STATUS], status);
}

/* In the order of the property ids above. */
static const KoersProperty property_table[] = {
  KOERS_PROPERTY_IDENTITY (KoersKpi),
  { "department-id", KOERS_PROPERTY_ID, G_STRUCT_OFFSET (KoersKpi, department_id) },
  { "name", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersKpi, name) },
  { "unit", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersKpi, unit) },
  { "metric-kind", KOERS_PROPERTY_ENUM, G_STRUCT_OFFSET (KoersKpi, metric_kind),
    .type = koers_metric_kind_get_type, .default_value = KOERS_METRIC_KIND_NUMBER },
  { "direction", KOERS_PROPERTY_ENUM, G_STRUCT_OFFSET (KoersKpi, direction),
    .type = koers_kpi_direction_get_type, .default_value = KOERS_KPI_DIRECTION_HIGHER, .changed = update_status },
  { "healthy", KOERS_PROPERTY_DOUBLE, G_STRUCT_OFFSET (KoersKpi, healthy),
    .changed = update_status },
  { "attention", KOERS_PROPERTY_DOUBLE, G_STRUCT_OFFSET (KoersKpi, attention),
    .changed = update_status },
  { "frequency", KOERS_PROPERTY_ENUM, G_STRUCT_OFFSET (KoersKpi, frequency),
    .type = koers_kpi_frequency_get_type, .default_value = KOERS_KPI_FREQUENCY_MONTHLY },
  { "position", KOERS_PROPERTY_INT, G_STRUCT_OFFSET (KoersKpi, position) },
  KOERS_PROPERTY_TIMESTAMPS (KoersKpi),
  { "current-value", KOERS_PROPERTY_DOUBLE, G_STRUCT_OFFSET (KoersKpi, current_value),
    .read_only = TRUE },
  { "last-update-date", KOERS_PROPERTY_DATE, G_STRUCT_OFFSET (KoersKpi, last_update_date),
    .read_only = TRUE },
  { "status", KOERS_PROPERTY_ENUM, G_STRUCT_OFFSET (KoersKpi, status),
    .type = koers_kpi_status_get_type, .default_value = KOERS_KPI_STATUS_NONE, .read_only = TRUE },
};

/* current-value, last-update-date and status follow the newest value. */
static void
update_derived (KoersKpi *self)
{
  KoersKpiValue *latest = koers_kpi_get_latest_value (self);
  double         current = latest != NULL ? koers_kpi_value_get_value (latest) : 0.0;
  const char    *date = latest != NULL ? koers_kpi_value_get_date (latest) : NULL;

  g_object_freeze_notify (G_OBJECT (self));

  koers_property_set_double (G_OBJECT (self), properties[PROP_CURRENT_VALUE], current);
  koers_property_set_string (G_OBJECT (self), properties[PROP_LAST_UPDATE_DATE], date);

  update_status (G_OBJECT (self));

  g_object_thaw_notify (G_OBJECT (self));
}

/* A value edited in place may move, or change what the KPI shows. */
static void
sort_values (KoersKpi *self)
{
  if (!koers_list_sort_if_unsorted (self->values, koers_kpi_value_compare_newest_first))
    update_derived (self);
}

/* What moves a value in the list or changes what the KPI shows: its
 * date, created, id or value. */
static void
value_changed_cb (KoersKpi      *self,
                  GParamSpec    *pspec,
                  KoersKpiValue *value)
{
  const char *name = pspec->name;

  if (g_str_equal (name, "date") || g_str_equal (name, "created") ||
      g_str_equal (name, "id") || g_str_equal (name, "value"))
    sort_values (self);
}

/* One "notify" handler a value rather than one a property: a company has
 * thousands of values, each connected at open. */
static const char *const watched_signals[] = { "notify", NULL };

/* Whoever changes the list, connect to what arrived and disconnect from
 * what left. */
static void
values_changed_cb (KoersKpi   *self,
                   guint       position,
                   guint       removed,
                   guint       added,
                   GListModel *model)
{
  koers_list_watch_sync (self->watched, model, watched_signals, G_CALLBACK (value_changed_cb),
                         self);

  update_derived (self);
}

static void
koers_kpi_dispose (GObject *object)
{
  KoersKpi *self = (KoersKpi *) object;

  koers_list_watch_clear_list (&self->values, &self->watched, G_CALLBACK (values_changed_cb),
                               G_CALLBACK (value_changed_cb), self);

  G_OBJECT_CLASS (koers_kpi_parent_class)->dispose (object);
}

static void
koers_kpi_class_init (KoersKpiClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = koers_kpi_dispose;
  koers_property_install_model (object_class, property_table, N_PROPS - 1, properties);
}

static void
koers_kpi_init (KoersKpi *self)
{
  koers_property_init_defaults (G_OBJECT (self));

  self->values = koers_list_watch_new_list (KOERS_TYPE_KPI_VALUE, &self->watched,
                                            G_CALLBACK (values_changed_cb), self);
}

KoersKpi *
koers_kpi_new (const char       *name,
               KoersMetricKind   metric_kind,
               const char       *unit,
               KoersKpiDirection direction,
               double            healthy,
               double            attention,
               KoersKpiFrequency frequency)
{
  return g_object_new (KOERS_TYPE_KPI,
                       "name", name,
                       "metric-kind", metric_kind,
                       "unit", unit,
                       "direction", direction,
                       "healthy", healthy,
                       "attention", attention,
                       "frequency", frequency,
                       NULL);
}

KOERS_DEFINE_RECORD_ACCESSORS (KoersKpi, koers_kpi, KOERS_IS_KPI)
KOERS_DEFINE_ACCESSORS (KoersKpi, koers_kpi, KOERS_IS_KPI, int64, gint64, department_id, PROP_DEPARTMENT_ID, 0)
KOERS_DEFINE_ACCESSORS (KoersKpi, koers_kpi, KOERS_IS_KPI, string, const char *, name, PROP_NAME, NULL)
KOERS_DEFINE_ACCESSORS (KoersKpi, koers_kpi, KOERS_IS_KPI, string, const char *, unit, PROP_UNIT, NULL)
KOERS_DEFINE_ACCESSORS (KoersKpi, koers_kpi, KOERS_IS_KPI, enum, KoersMetricKind, metric_kind, PROP_METRIC_KIND, KOERS_METRIC_KIND_NUMBER)
KOERS_DEFINE_ACCESSORS (KoersKpi, koers_kpi, KOERS_IS_KPI, enum, KoersKpiDirection, direction, PROP_DIRECTION, KOERS_KPI_DIRECTION_HIGHER)
KOERS_DEFINE_ACCESSORS (KoersKpi, koers_kpi, KOERS_IS_KPI, double, double, healthy, PROP_HEALTHY, 0.0)
KOERS_DEFINE_ACCESSORS (KoersKpi, koers_kpi, KOERS_IS_KPI, double, double, attention, PROP_ATTENTION, 0.0)
KOERS_DEFINE_ACCESSORS (KoersKpi, koers_kpi, KOERS_IS_KPI, enum, KoersKpiFrequency, frequency, PROP_FREQUENCY, KOERS_KPI_FREQUENCY_MONTHLY)
KOERS_DEFINE_ACCESSORS (KoersKpi, koers_kpi, KOERS_IS_KPI, int, int, position, PROP_POSITION, 0)

GListModel *
koers_kpi_get_values (KoersKpi *self)
{
  g_return_val_if_fail (KOERS_IS_KPI (self), NULL);

  return G_LIST_MODEL (self->values);
}

void
koers_kpi_add_value (KoersKpi      *self,
                     KoersKpiValue *value)
{
  g_return_if_fail (KOERS_IS_KPI (self));
  g_return_if_fail (KOERS_IS_KPI_VALUE (value));

  /* Already there: it may have to move. */
  if (g_list_store_find (self->values, value, NULL))
    {
      sort_values (self);
      return;
    }

  g_list_store_insert_sorted (self->values, value, koers_kpi_value_compare_newest_first, NULL);
}

void
koers_kpi_splice_values (KoersKpi  *self,
                         GPtrArray *newest_first)
{
  g_return_if_fail (KOERS_IS_KPI (self));
  g_return_if_fail (g_list_model_get_n_items (G_LIST_MODEL (self->values)) == 0);

  g_list_store_splice (self->values, 0, 0, newest_first->pdata, newest_first->len);
}

void
koers_kpi_remove_value (KoersKpi      *self,
                        KoersKpiValue *value)
{
  guint position;

  g_return_if_fail (KOERS_IS_KPI (self));
  g_return_if_fail (KOERS_IS_KPI_VALUE (value));

  if (g_list_store_find (self->values, value, &position))
    g_list_store_remove (self->values, position);
}

/* Returns: (transfer none) (nullable): the list holds a reference. */
KoersKpiValue *
koers_kpi_get_latest_value (KoersKpi *self)
{
  g_autoptr (KoersKpiValue) latest = NULL;

  g_return_val_if_fail (KOERS_IS_KPI (self), NULL);

  latest = g_list_model_get_item (G_LIST_MODEL (self->values), 0);
  return latest;
}

KOERS_DEFINE_GETTER (KoersKpi, koers_kpi, KOERS_IS_KPI, double, current_value, 0.0)
KOERS_DEFINE_GETTER (KoersKpi, koers_kpi, KOERS_IS_KPI, const char *, last_update_date, NULL)
KOERS_DEFINE_GETTER (KoersKpi, koers_kpi, KOERS_IS_KPI, KoersKpiStatus, status, KOERS_KPI_STATUS_NONE)

KoersKpiStatus
koers_kpi_get_status_for_value (KoersKpi *self,
                                double    value)
{
  g_return_val_if_fail (KOERS_IS_KPI (self), KOERS_KPI_STATUS_NONE);

  return koers_kpi_compute_status (self->direction, self->healthy, self->attention, value);
}

gboolean
koers_kpi_is_update_due (KoersKpi    *self,
                         const GDate *today)
{
  GDate last;
  GDate now;

  g_return_val_if_fail (KOERS_IS_KPI (self), FALSE);

  if (today == NULL)
    {
      koers_date_today (&now);
      today = &now;
    }

  if (!koers_date_parse (self->last_update_date, &last))
    return TRUE;

  return koers_kpi_compute_update_due (self->frequency, &last, today);
}

gboolean
koers_kpi_get_next_update_date (KoersKpi *self,
                                GDate    *out)
{
  GDate last;

  g_return_val_if_fail (KOERS_IS_KPI (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!koers_date_parse (self->last_update_date, &last))
    return FALSE;

  koers_kpi_compute_next_update (self->frequency, &last, out);
  return TRUE;
}

/* Returns: (transfer none) (nullable). */
KoersKpiValue *
koers_kpi_find_value_on (KoersKpi    *self,
                         const GDate *date)
{
  GListModel      *model;
  g_autofree char *iso = NULL;
  guint            n;

  g_return_val_if_fail (KOERS_IS_KPI (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  iso = koers_date_format_iso (date);
  model = G_LIST_MODEL (self->values);
  n = g_list_model_get_n_items (model);

  /* Newest first: the first one not after date. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKpiValue) value = g_list_model_get_item (model, i);
      const char *value_date = koers_kpi_value_get_date (value);

      if (value_date != NULL && g_strcmp0 (value_date, iso) <= 0)
        return value;
    }

  return NULL;
}

GPtrArray *
koers_kpi_list_values_in_period (KoersKpi          *self,
                                 const KoersPeriod *period)
{
  GPtrArray  *ret = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model;
  guint       n;

  g_return_val_if_fail (KOERS_IS_KPI (self), ret);
  g_return_val_if_fail (period != NULL, ret);

  model = G_LIST_MODEL (self->values);
  n = g_list_model_get_n_items (model);

  for (guint i = n; i > 0; i--)
    {
      KoersKpiValue *value = g_list_model_get_item (model, i - 1);
      GDate          date;

      if (koers_date_parse (koers_kpi_value_get_date (value), &date) &&
          koers_period_contains_date (period, &date))
        g_ptr_array_add (ret, value);
      else
        g_object_unref (value);
    }

  return ret;
}
