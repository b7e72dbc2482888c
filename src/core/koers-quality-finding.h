/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "koers-format.h"
#include "koers-quality-rule.h"

G_BEGIN_DECLS

/* One thing a quality rule found: about a department (in a period), an
 * objective or a key result.  The message is held in both languages.
 *
 * Properties (read-only unless noted): rule-id, severity, department-id,
 * objective-id (0: a department finding), key-result-id (0: none), key,
 * dismissed (read-write); title, message, explanation and hint in the UI
 * language (koers_format_get_language()). */
#define KOERS_TYPE_QUALITY_FINDING (koers_quality_finding_get_type ())
G_DECLARE_FINAL_TYPE (KoersQualityFinding, koers_quality_finding, KOERS, QUALITY_FINDING, GObject)

KoersQualityFinding *koers_quality_finding_new (const KoersQualityRule *rule,
                                                const char             *key,
                                                gint64                  department_id,
                                                gint64                  objective_id,
                                                gint64                  key_result_id,
                                                const char             *message_en,
                                                const char             *message_nl);
const char          *koers_quality_finding_get_rule_id (KoersQualityFinding *self);
KoersQualitySeverity koers_quality_finding_get_severity (KoersQualityFinding *self);
/* "rule-id:subject", stable across runs: what a dismissal stores. */
const char *koers_quality_finding_get_key (KoersQualityFinding *self);
gint64      koers_quality_finding_get_department_id (KoersQualityFinding *self);
gint64      koers_quality_finding_get_objective_id (KoersQualityFinding *self);
gint64      koers_quality_finding_get_key_result_id (KoersQualityFinding *self);
const char *koers_quality_finding_get_title (KoersQualityFinding *self,
                                             KoersLanguage        lang);
const char *koers_quality_finding_get_message (KoersQualityFinding *self,
                                               KoersLanguage        lang);
const char *koers_quality_finding_get_explanation (KoersQualityFinding *self,
                                                   KoersLanguage        lang);
/* "" when the rule has no rewrite to suggest. */
const char *koers_quality_finding_get_hint (KoersQualityFinding *self,
                                            KoersLanguage        lang);
gboolean    koers_quality_finding_get_dismissed (KoersQualityFinding *self);
void        koers_quality_finding_set_dismissed (KoersQualityFinding *self,
                                                 gboolean             dismissed);

G_END_DECLS
