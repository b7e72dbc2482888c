/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "koers-format.h"
#include "koers-seed.h"

G_BEGIN_DECLS

/* The OKR quality checks: each one a pitfall ("valkuil") or test question
 * ("toetsvraag") of the seed (okr-kader.txt).  Every text is held in both
 * languages, like the seed data, so `koers --check` can print in either
 * language whatever gettext's catalogue is. */

typedef enum
{
  KOERS_QUALITY_SEVERITY_INFO,
  KOERS_QUALITY_SEVERITY_WARNING,
  KOERS_QUALITY_SEVERITY_ERROR,
} KoersQualitySeverity;

#define KOERS_TYPE_QUALITY_SEVERITY (koers_quality_severity_get_type ())
GType koers_quality_severity_get_type (void) G_GNUC_CONST;

/* What a finding is about. */
typedef enum
{
  KOERS_QUALITY_SCOPE_DEPARTMENT,
  KOERS_QUALITY_SCOPE_OBJECTIVE,
  KOERS_QUALITY_SCOPE_KEY_RESULT,
} KoersQualityScope;

/* The seed's numbers. */
#define KOERS_QUALITY_MAX_OBJECTIVES 5 /* "Maximaal 3 tot 5 hoofddoelstellingen" */
#define KOERS_QUALITY_MIN_COMPANY_OBJECTIVES 3
#define KOERS_QUALITY_MAX_KEY_RESULTS 5  /* "Per doelstelling maximaal 5 meetbare resultaten" */
#define KOERS_QUALITY_MAX_TITLE_CHARS 90 /* "niet op één regel past" */

typedef struct
{
  const char          *id; /* stable, ASCII: "too-many-objectives" */
  KoersQualitySeverity severity;
  KoersQualityScope    scope;
  KoersSeedText        title; /* short name: "Too many objectives" */
  /* What is wrong, with placeholders the engine fills in: {n}, {limit},
   * {department}, {period}, {word}, {date}. */
  KoersSeedText message;
  /* Why, quoting the seed's own pitfall or test question. */
  KoersSeedText explanation;
  /* A rewrite to follow, or "" (the seed's "Verhoog aanmeldingen met 25%
   * dankzij versie 4.1"). */
  KoersSeedText hint;
} KoersQualityRule;

/* Rule ids. */
#define KOERS_QUALITY_RULE_TOO_MANY_OBJECTIVES "too-many-objectives"
#define KOERS_QUALITY_RULE_TOO_MANY_KEY_RESULTS "too-many-key-results"
#define KOERS_QUALITY_RULE_NO_KEY_RESULTS "no-key-results"
#define KOERS_QUALITY_RULE_SINGLE_KEY_RESULT "committed-single-key-result"
#define KOERS_QUALITY_RULE_TITLE_TOO_LONG "objective-title-too-long"
#define KOERS_QUALITY_RULE_TARGET_EQUALS_START "key-result-target-equals-start"
#define KOERS_QUALITY_RULE_MILESTONE_WITHOUT_DATE "milestone-without-due-date"
#define KOERS_QUALITY_RULE_ACTIVITY "key-result-is-activity"
#define KOERS_QUALITY_RULE_ALL_DUE_LAST_DAY "all-due-on-last-day"
#define KOERS_QUALITY_RULE_AMBIGUOUS_METRIC "ambiguous-metric"
#define KOERS_QUALITY_RULE_OBJECTIVE_WITHOUT_OWNER "objective-without-owner"
#define KOERS_QUALITY_RULE_KEY_RESULT_WITHOUT_OWNER "key-result-without-owner"
#define KOERS_QUALITY_RULE_NOT_ALIGNED "not-aligned"
#define KOERS_QUALITY_RULE_ALIGNED_TO_ARCHIVED "aligned-to-archived"
#define KOERS_QUALITY_RULE_PERSONAL_DATA_NO_NOTE "personal-data-without-note"
#define KOERS_QUALITY_RULE_PERSONAL_DATA_NO_BASIS "personal-data-without-legal-basis"
#define KOERS_QUALITY_RULE_SANDBAGGING "sandbagging"
#define KOERS_QUALITY_RULE_MISSED_WITHOUT_POSTMORTEM "committed-missed-without-postmortem"
#define KOERS_QUALITY_RULE_COMMITTED_LIKE_ASPIRATIONAL "committed-scores-like-aspirational"
#define KOERS_QUALITY_RULE_ASPIRATIONAL_LIKE_COMMITTED "aspirational-met-early"
#define KOERS_QUALITY_RULE_BUSINESS_AS_USUAL "business-as-usual"
#define KOERS_QUALITY_RULE_TASKS_AS_KEY_RESULTS "tasks-as-key-results"
#define KOERS_QUALITY_RULE_TOO_FEW_COMPANY_OBJECTIVES "too-few-company-objectives"
#define KOERS_QUALITY_RULE_COMMITTED_OVER_CAPACITY "committed-over-capacity"
#define KOERS_QUALITY_RULE_TOTAL_OVER_CAPACITY "total-over-capacity"
#define KOERS_QUALITY_RULE_CAPACITY_UNDERUSED "capacity-underused"
#define KOERS_QUALITY_RULE_NO_EFFORT_ESTIMATE "committed-without-effort"
#define KOERS_QUALITY_RULE_NOT_ESCALATED "at-risk-not-escalated"

/* Capacity: committed and aspirational work together may ask "iets méér
 * middelen … dan beschikbaar", about 120 %; under half is far below. */
#define KOERS_QUALITY_MAX_TOTAL_CAPACITY_PERCENT 120
#define KOERS_QUALITY_MIN_CAPACITY_PERCENT 50
/* Check-ins in a row at risk or off track before an escalation is due. */
#define KOERS_QUALITY_CHECKINS_BEFORE_ESCALATION 2

/* All rules, in the order the report lists them. */
const KoersQualityRule *koers_quality_get_rules (guint *n_rules);
/* (nullable): the rule with that id. */
const KoersQualityRule *koers_quality_find_rule (const char *id);
const char             *koers_quality_rule_get_title (const KoersQualityRule *rule,
                                                      KoersLanguage           lang);

/* "Error"/"Fout", "Warning"/"Waarschuwing", "Info"/"Info". */
const char *koers_quality_severity_get_label (KoersQualitySeverity severity,
                                              KoersLanguage        lang);
/* "error", "warning", "info": for the CLI and for logs. */
const char *koers_quality_severity_to_string (KoersQualitySeverity severity);

G_END_DECLS
