/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "koers-enum-types.h"
#include "koers-field.h"
#include "koers-property.h"
#include "koers-key-result.h"
#include "koers-key-result-private.h"
#include "koers-scoring.h"

G_DEFINE_FINAL_TYPE (KoersKeyResult, koers_key_result, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_OBJECTIVE_ID,
  PROP_TITLE,
  PROP_METRIC_KIND,
  PROP_UNIT,
  PROP_START_VALUE,
  PROP_TARGET_VALUE,
  PROP_CURRENT_VALUE,
  PROP_DUE_DATE,
  PROP_OWNER,
  PROP_WEIGHT,
  PROP_USES_PERSONAL_DATA,
  PROP_PERSONAL_DATA_NOTE,
  PROP_POSITION,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_PROGRESS,
  PROP_LAST_CHECKIN_DATE,
  PROP_FINAL_SCORE,
  PROP_FINAL_NOTE,
  PROP_KPI_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The progress follows what it is computed from: the metric kind and the
 * start, target and current value. */
static void
update_progress (GObject *object)
{
  KoersKeyResult *self = KOERS_KEY_RESULT (object);
  double          progress = koers_score_key_result_progress (self->metric_kind,
                                                              self->start_value,
                                                              self->target_value,
                                                              self->current_value);

  koers_property_set_double (object, properties[PROP_PROGRESS], progress);
}

/* In the order of the property ids above. */
static const KoersProperty property_table[] = {
  KOERS_PROPERTY_IDENTITY (KoersKeyResult),
  { "objective-id", KOERS_PROPERTY_ID, G_STRUCT_OFFSET (KoersKeyResult, objective_id) },
  { "title", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersKeyResult, title) },
  { "metric-kind", KOERS_PROPERTY_ENUM, G_STRUCT_OFFSET (KoersKeyResult, metric_kind),
    .type = koers_metric_kind_get_type, .default_value = KOERS_METRIC_KIND_NUMBER, .changed = update_progress },
  { "unit", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersKeyResult, unit) },
  { "start-value", KOERS_PROPERTY_DOUBLE, G_STRUCT_OFFSET (KoersKeyResult, start_value),
    .changed = update_progress },
  { "target-value", KOERS_PROPERTY_DOUBLE, G_STRUCT_OFFSET (KoersKeyResult, target_value),
    .changed = update_progress },
  { "current-value", KOERS_PROPERTY_DOUBLE, G_STRUCT_OFFSET (KoersKeyResult, current_value),
    .changed = update_progress },
  { "due-date", KOERS_PROPERTY_DATE, G_STRUCT_OFFSET (KoersKeyResult, due_date) },
  { "owner", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersKeyResult, owner) },
  { "weight", KOERS_PROPERTY_DOUBLE, G_STRUCT_OFFSET (KoersKeyResult, weight),
    .minimum = 0.0, .maximum = G_MAXDOUBLE, .default_value = 1.0 },
  { "uses-personal-data", KOERS_PROPERTY_BOOLEAN, G_STRUCT_OFFSET (KoersKeyResult, uses_personal_data) },
  { "personal-data-note", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersKeyResult, personal_data_note) },
  { "position", KOERS_PROPERTY_INT, G_STRUCT_OFFSET (KoersKeyResult, position) },
  KOERS_PROPERTY_TIMESTAMPS (KoersKeyResult),
  { "progress", KOERS_PROPERTY_DOUBLE, G_STRUCT_OFFSET (KoersKeyResult, progress),
    .minimum = 0.0, .maximum = 1.0, .default_value = 0.0, .read_only = TRUE },
  { "last-checkin-date", KOERS_PROPERTY_DATE, G_STRUCT_OFFSET (KoersKeyResult, last_checkin_date),
    .read_only = TRUE },
  { "final-score", KOERS_PROPERTY_GRADE, G_STRUCT_OFFSET (KoersKeyResult, final_score) },
  { "final-note", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersKeyResult, final_note) },
  { "kpi-id", KOERS_PROPERTY_ID, G_STRUCT_OFFSET (KoersKeyResult, kpi_id) },
};

enum
{
  CHECKINS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
koers_key_result_update_last_checkin_date (KoersKeyResult *self,
                                           const char     *date)
{
  koers_property_set_string (G_OBJECT (self), properties[PROP_LAST_CHECKIN_DATE], date);
}

void
koers_key_result_emit_checkins_changed (KoersKeyResult *self)
{
  g_signal_emit (self, signals[CHECKINS_CHANGED], 0);
}

static void
koers_key_result_dispose (GObject *object)
{
  koers_key_result_dispose_checkins (KOERS_KEY_RESULT (object));

  G_OBJECT_CLASS (koers_key_result_parent_class)->dispose (object);
}

static void
koers_key_result_finalize (GObject *object)
{
  KoersKeyResult *self = (KoersKeyResult *) object;

  koers_property_clear (object, property_table, G_N_ELEMENTS (property_table));
  koers_key_result_finalize_checkins (self);

  G_OBJECT_CLASS (koers_key_result_parent_class)->finalize (object);
}

static void
koers_key_result_class_init (KoersKeyResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = koers_key_result_dispose;
  koers_property_install_model (object_class, property_table, N_PROPS - 1, properties);
  object_class->finalize = koers_key_result_finalize; /* after: it frees the check-ins too */

  /* The number of check-ins, the latest, the first date or the points may
   * have changed (koers-key-result.h). */
  signals[CHECKINS_CHANGED] =
    g_signal_new ("checkins-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
koers_key_result_init (KoersKeyResult *self)
{
  koers_property_init_defaults (G_OBJECT (self));
  self->progress = koers_score_key_result_progress (self->metric_kind, 0.0, 0.0, 0.0);

  koers_key_result_init_checkins (self);
}

KoersKeyResult *
koers_key_result_new (const char     *title,
                      KoersMetricKind metric_kind,
                      double          start_value,
                      double          target_value,
                      const char     *unit)
{
  return g_object_new (KOERS_TYPE_KEY_RESULT,
                       "title", title,
                       "metric-kind", metric_kind,
                       "start-value", start_value,
                       "target-value", target_value,
                       "current-value", start_value,
                       "unit", unit,
                       NULL);
}

KOERS_DEFINE_RECORD_ACCESSORS (KoersKeyResult, koers_key_result, KOERS_IS_KEY_RESULT)
KOERS_DEFINE_ACCESSORS (KoersKeyResult, koers_key_result, KOERS_IS_KEY_RESULT, int64, gint64, objective_id, PROP_OBJECTIVE_ID, 0)
KOERS_DEFINE_ACCESSORS (KoersKeyResult, koers_key_result, KOERS_IS_KEY_RESULT, string, const char *, title, PROP_TITLE, NULL)
KOERS_DEFINE_ACCESSORS (KoersKeyResult, koers_key_result, KOERS_IS_KEY_RESULT, enum, KoersMetricKind, metric_kind, PROP_METRIC_KIND, 0)
KOERS_DEFINE_ACCESSORS (KoersKeyResult, koers_key_result, KOERS_IS_KEY_RESULT, string, const char *, unit, PROP_UNIT, NULL)
KOERS_DEFINE_ACCESSORS (KoersKeyResult, koers_key_result, KOERS_IS_KEY_RESULT, double, double, start_value, PROP_START_VALUE, 0)
KOERS_DEFINE_ACCESSORS (KoersKeyResult, koers_key_result, KOERS_IS_KEY_RESULT, double, double, target_value, PROP_TARGET_VALUE, 0)
KOERS_DEFINE_ACCESSORS (KoersKeyResult, koers_key_result, KOERS_IS_KEY_RESULT, double, double, current_value, PROP_CURRENT_VALUE, 0)

KOERS_DEFINE_ACCESSORS (KoersKeyResult, koers_key_result, KOERS_IS_KEY_RESULT, string, const char *, due_date, PROP_DUE_DATE, NULL)
KOERS_DEFINE_ACCESSORS (KoersKeyResult, koers_key_result, KOERS_IS_KEY_RESULT, string, const char *, owner, PROP_OWNER, NULL)
KOERS_DEFINE_ACCESSORS (KoersKeyResult, koers_key_result, KOERS_IS_KEY_RESULT, double, double, weight, PROP_WEIGHT, 0)
KOERS_DEFINE_ACCESSORS (KoersKeyResult, koers_key_result, KOERS_IS_KEY_RESULT, boolean, gboolean, uses_personal_data, PROP_USES_PERSONAL_DATA, FALSE)
KOERS_DEFINE_ACCESSORS (KoersKeyResult, koers_key_result, KOERS_IS_KEY_RESULT, string, const char *, personal_data_note, PROP_PERSONAL_DATA_NOTE, NULL)
KOERS_DEFINE_ACCESSORS (KoersKeyResult, koers_key_result, KOERS_IS_KEY_RESULT, int, int, position, PROP_POSITION, 0)
KOERS_DEFINE_GETTER (KoersKeyResult, koers_key_result, KOERS_IS_KEY_RESULT, double, progress, 0.0)

KoersKrStatus
koers_key_result_get_status (KoersKeyResult    *self,
                             const KoersPeriod *period,
                             const GDate       *today)
{
  KoersCheckin *latest;
  double        expected;

  g_return_val_if_fail (KOERS_IS_KEY_RESULT (self), KOERS_KR_STATUS_IN_PROGRESS);
  g_return_val_if_fail (today != NULL, KOERS_KR_STATUS_IN_PROGRESS);

  latest = koers_key_result_get_latest_checkin (self);
  expected = period != NULL ? koers_score_expected_progress (period, today) : NAN;

  return koers_score_key_result_status (self->progress,
                                        latest != NULL ? koers_checkin_get_status (latest)
                                                       : KOERS_CHECKIN_STATUS_NONE,
                                        expected);
}

KOERS_DEFINE_GETTER (KoersKeyResult, koers_key_result, KOERS_IS_KEY_RESULT, const char *, last_checkin_date, NULL)
KOERS_DEFINE_ACCESSORS (KoersKeyResult, koers_key_result, KOERS_IS_KEY_RESULT, double, double, final_score, PROP_FINAL_SCORE, -1.0)
KOERS_DEFINE_ACCESSORS (KoersKeyResult, koers_key_result, KOERS_IS_KEY_RESULT, string, const char *, final_note, PROP_FINAL_NOTE, NULL)
KOERS_DEFINE_ACCESSORS (KoersKeyResult, koers_key_result, KOERS_IS_KEY_RESULT, int64, gint64, kpi_id, PROP_KPI_ID, 0)
