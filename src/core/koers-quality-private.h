/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the koers-quality*.c files and tests/test-quality.c. */

#include <glib.h>

#include "koers-quality.h"

G_BEGIN_DECLS

/* koers-quality-text.c: heuristics on what people write, in English and
 * Dutch.  Text is compared case-folded, word by word. */

/* (nullable): the word, as written, that makes a title read as an activity
 * ("Launch", "implementeren", "Lever … op") when the title holds no
 * quantity; NULL when it names a number or no activity. */
char *koers_quality_text_find_activity (const char *title);
/* (nullable): "users", "klanten" … as written, when title and unit name
 * one without a qualifier (active, total, per month, in 7 days …). */
char *koers_quality_text_find_ambiguous_metric (const char *title,
                                                const char *unit);
/* Both of the above for a key result, its title read once: a large
 * company's check reads thousands of titles. */
void koers_quality_text_read_key_result (const char *title,
                                         const char *unit,
                                         char      **activity,
                                         char      **ambiguous);
/* A number that counts something: "25%", "1.200", "€ 2 miljoen", "five";
 * not a version ("versie 4.1"), not a day of a month ("vóór 30 juni"), not
 * part of a word ("2FA", "Q2", "two-factor"). */
gboolean koers_quality_text_has_quantity (const char *text);
/* Whether a note names a GDPR legal basis (consent, contract, legitimate
 * interest … toestemming, overeenkomst, gerechtvaardigd belang …). */
gboolean koers_quality_text_names_legal_basis (const char *note);
/* Only white space, or NULL. */
gboolean koers_quality_text_is_blank (const char *text);

/* Replaces {name} by the value of name in pairs (name, value, …, NULL);
 * unknown names stay as they are. */
char *koers_quality_text_expand (const char        *template_text,
                                 const char *const *pairs);

/* koers-quality.c's check in progress, for the rules kept in files of
 * their own (koers-quality-capacity.c). */
typedef struct _KoersQualityCheck KoersQualityCheck;
const KoersQualityInput          *koers_quality_check_get_input (KoersQualityCheck *check);
/* Adds a finding of rule_id: {department} is department, {period} the
 * period checked, {n} and {limit} the numbers (-1: not used). */
void koers_quality_check_add (KoersQualityCheck *check,
                              const char        *rule_id,
                              gint64             department_id,
                              gint64             objective_id,
                              gint64             key_result_id,
                              const char        *subject,
                              const char        *department,
                              int                n,
                              int                limit);

/* koers-quality-capacity.c: capacity against effort (the department's),
 * an effort estimate (a committed objective's) and escalation (a committed
 * key result's). */
void koers_quality_check_capacity (KoersQualityCheck *check,
                                   gint64             department_id,
                                   const char        *department,
                                   const char        *subject);
void koers_quality_check_effort (KoersQualityCheck *check,
                                 KoersObjective    *objective,
                                 const char        *subject);
void koers_quality_check_escalation (KoersQualityCheck *check,
                                     KoersObjective    *objective,
                                     KoersKeyResult    *kr);

G_END_DECLS
