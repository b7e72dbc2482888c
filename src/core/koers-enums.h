/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The three levels of the seed ("van strategie naar uitvoering"). */
typedef enum
{
  KOERS_LEVEL_COMPANY,
  KOERS_LEVEL_DEPARTMENT,
  KOERS_LEVEL_TEAM,
} KoersLevel;

typedef enum
{
  KOERS_OBJECTIVE_KIND_COMMITTED,
  KOERS_OBJECTIVE_KIND_ASPIRATIONAL,
} KoersObjectiveKind;

typedef enum
{
  KOERS_OBJECTIVE_STATE_ACTIVE,
  KOERS_OBJECTIVE_STATE_ACHIEVED,
  KOERS_OBJECTIVE_STATE_MISSED,
  KOERS_OBJECTIVE_STATE_CARRIED_OVER,
  KOERS_OBJECTIVE_STATE_ARCHIVED,
} KoersObjectiveState;

typedef enum
{
  KOERS_METRIC_KIND_NUMBER,
  KOERS_METRIC_KIND_PERCENTAGE,
  KOERS_METRIC_KIND_CURRENCY,
  KOERS_METRIC_KIND_MILESTONE,
} KoersMetricKind;

/* What a person says at a check-in. NONE: no status was given. */
typedef enum
{
  KOERS_CHECKIN_STATUS_NONE,
  KOERS_CHECKIN_STATUS_ON_TRACK,
  KOERS_CHECKIN_STATUS_AT_RISK,
  KOERS_CHECKIN_STATUS_OFF_TRACK,
} KoersCheckinStatus;

/* The status a key result shows: the seed's reporting template
 * (op schema / behaald / lopend) plus at risk and off track.  Its words
 * are in koers-status-words.h. */
typedef enum
{
  KOERS_KR_STATUS_IN_PROGRESS,
  KOERS_KR_STATUS_ON_TRACK,
  KOERS_KR_STATUS_ACHIEVED,
  KOERS_KR_STATUS_AT_RISK,
  KOERS_KR_STATUS_OFF_TRACK,
} KoersKrStatus;

/* Google's colour bands for a 0.0–1.0 score. */
typedef enum
{
  KOERS_SCORE_BAND_RED,
  KOERS_SCORE_BAND_YELLOW,
  KOERS_SCORE_BAND_GREEN,
} KoersScoreBand;

typedef enum
{
  KOERS_PERIOD_KIND_QUARTER,
  KOERS_PERIOD_KIND_YEAR,
  KOERS_PERIOD_KIND_CUSTOM,
} KoersPeriodKind;

/* Which way a KPI is healthy: revenue grows, response times shrink. */
typedef enum
{
  KOERS_KPI_DIRECTION_HIGHER,
  KOERS_KPI_DIRECTION_LOWER,
} KoersKpiDirection;

/* How often a KPI gets a new value. */
typedef enum
{
  KOERS_KPI_FREQUENCY_WEEKLY,
  KOERS_KPI_FREQUENCY_MONTHLY,
  KOERS_KPI_FREQUENCY_QUARTERLY,
} KoersKpiFrequency;

/* A KPI's health, from its latest value and its thresholds (see
 * koers-kpi-status.h).  NONE: it has no value yet. */
typedef enum
{
  KOERS_KPI_STATUS_NONE,
  KOERS_KPI_STATUS_HEALTHY,
  KOERS_KPI_STATUS_NEEDS_ATTENTION,
  KOERS_KPI_STATUS_UNHEALTHY,
} KoersKpiStatus;

/* A resource request of an objective (koers-resource-request.h): none
 * asked, asked and waiting, or management's answer. */
typedef enum
{
  KOERS_REQUEST_STATE_NONE,
  KOERS_REQUEST_STATE_REQUESTED,
  KOERS_REQUEST_STATE_APPROVED,
  KOERS_REQUEST_STATE_DECLINED,
} KoersRequestState;

/* Stable string forms, used in the database and in JSON. */
const char *koers_level_to_string (KoersLevel level);
gboolean    koers_level_from_string (const char *str, KoersLevel *out);
const char *koers_objective_kind_to_string (KoersObjectiveKind kind);
gboolean    koers_objective_kind_from_string (const char *str, KoersObjectiveKind *out);
const char *koers_objective_state_to_string (KoersObjectiveState state);
gboolean    koers_objective_state_from_string (const char *str, KoersObjectiveState *out);
const char *koers_metric_kind_to_string (KoersMetricKind kind);
gboolean    koers_metric_kind_from_string (const char *str, KoersMetricKind *out);
const char *koers_checkin_status_to_string (KoersCheckinStatus status);
gboolean    koers_checkin_status_from_string (const char *str, KoersCheckinStatus *out);
/* "higher", "lower"; "weekly", "monthly", "quarterly"; "none", "healthy",
 * "needs-attention", "unhealthy". */
const char *koers_kpi_direction_to_string (KoersKpiDirection direction);
gboolean    koers_kpi_direction_from_string (const char *str, KoersKpiDirection *out);
const char *koers_kpi_frequency_to_string (KoersKpiFrequency frequency);
gboolean    koers_kpi_frequency_from_string (const char *str, KoersKpiFrequency *out);
const char *koers_kpi_status_to_string (KoersKpiStatus status);
gboolean    koers_kpi_status_from_string (const char *str, KoersKpiStatus *out);

/* Translated, human forms ("Committed", "Verplicht"). */
const char *koers_level_get_label (KoersLevel level);
const char *koers_objective_kind_get_label (KoersObjectiveKind kind);
const char *koers_objective_state_get_label (KoersObjectiveState state);
const char *koers_metric_kind_get_label (KoersMetricKind kind);
const char *koers_checkin_status_get_label (KoersCheckinStatus status);
/* "Higher is better", "Weekly", "Healthy", "Needs attention" … */
const char *koers_kpi_direction_get_label (KoersKpiDirection direction);
const char *koers_kpi_frequency_get_label (KoersKpiFrequency frequency);
const char *koers_kpi_status_get_label (KoersKpiStatus status);

G_END_DECLS
