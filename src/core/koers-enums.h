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

/* The words of each enum above, as koers-enums.c defines them:
 * prefix_to_string() and prefix_from_string(), the stable string forms
 * used in the database and in JSON ("higher", "lower"; "weekly",
 * "monthly", "quarterly"; "none", "healthy", "needs-attention",
 * "unhealthy" …), and prefix_get_label(), the translated, human form
 * ("Committed", "Verplicht"; "Higher is better", "Needs attention" …). */
#define KOERS_DECLARE_ENUM_WORDS(prefix, Type)                   \
  const char *prefix##_to_string (Type value);                   \
  gboolean    prefix##_from_string (const char *str, Type *out); \
  const char *prefix##_get_label (Type value);

KOERS_DECLARE_ENUM_WORDS (koers_level, KoersLevel)
KOERS_DECLARE_ENUM_WORDS (koers_objective_kind, KoersObjectiveKind)
KOERS_DECLARE_ENUM_WORDS (koers_objective_state, KoersObjectiveState)
KOERS_DECLARE_ENUM_WORDS (koers_metric_kind, KoersMetricKind)
KOERS_DECLARE_ENUM_WORDS (koers_checkin_status, KoersCheckinStatus)
KOERS_DECLARE_ENUM_WORDS (koers_kpi_direction, KoersKpiDirection)
KOERS_DECLARE_ENUM_WORDS (koers_kpi_frequency, KoersKpiFrequency)
KOERS_DECLARE_ENUM_WORDS (koers_kpi_status, KoersKpiStatus)

G_END_DECLS
