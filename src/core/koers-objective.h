/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "koers-enums.h"
#include "koers-key-result.h"
#include "koers-period.h"

G_BEGIN_DECLS

#define KOERS_TYPE_OBJECTIVE (koers_objective_get_type ())
G_DECLARE_FINAL_TYPE (KoersObjective, koers_objective, KOERS, OBJECTIVE, GObject)

/* Properties: id, uuid, department-id, title, description, level, kind,
 * period (string key, see KoersPeriod), owner, aligned-to-id (0: none),
 * state, carried-over-from-id (0: none), position, created, updated;
 * read-only: score (weighted mean of the key results' progress, follows
 * them), n-key-results.  The quarterly review adds postmortem,
 * final-grade (0..1; -1: not graded) and review-note.  archived: put
 * away with its key results, check-ins and history, out of the period's
 * counts, scores, quality checks and reports (see
 * koers_store_set_objective_archived()).  get_archived() is TRUE as well
 * for the state "archived", which older files use for it. */
KoersObjective    *koers_objective_new (const char        *title,
                                        KoersLevel         level,
                                        KoersObjectiveKind kind,
                                        const char        *period);
gint64             koers_objective_get_id (KoersObjective *self);
void               koers_objective_set_id (KoersObjective *self, gint64 id);
const char        *koers_objective_get_uuid (KoersObjective *self);
void               koers_objective_set_uuid (KoersObjective *self, const char *uuid);
gint64             koers_objective_get_department_id (KoersObjective *self);
void               koers_objective_set_department_id (KoersObjective *self, gint64 id);
const char        *koers_objective_get_title (KoersObjective *self);
void               koers_objective_set_title (KoersObjective *self, const char *title);
const char        *koers_objective_get_description (KoersObjective *self);
void               koers_objective_set_description (KoersObjective *self, const char *description);
KoersLevel         koers_objective_get_level (KoersObjective *self);
void               koers_objective_set_level (KoersObjective *self, KoersLevel level);
KoersObjectiveKind koers_objective_get_kind (KoersObjective *self);
void               koers_objective_set_kind (KoersObjective *self, KoersObjectiveKind kind);
const char        *koers_objective_get_period (KoersObjective *self);
void               koers_objective_set_period (KoersObjective *self, const char *period);
/* The parsed period; FALSE when the stored key does not parse. */
gboolean            koers_objective_get_parsed_period (KoersObjective *self, KoersPeriod *out);
const char         *koers_objective_get_owner (KoersObjective *self);
void                koers_objective_set_owner (KoersObjective *self, const char *owner);
gint64              koers_objective_get_aligned_to_id (KoersObjective *self);
void                koers_objective_set_aligned_to_id (KoersObjective *self, gint64 id);
KoersObjectiveState koers_objective_get_state (KoersObjective *self);
void                koers_objective_set_state (KoersObjective *self, KoersObjectiveState state);
gint64              koers_objective_get_carried_over_from_id (KoersObjective *self);
void                koers_objective_set_carried_over_from_id (KoersObjective *self, gint64 id);
int                 koers_objective_get_position (KoersObjective *self);
void                koers_objective_set_position (KoersObjective *self, int position);
gint64              koers_objective_get_created (KoersObjective *self);
void                koers_objective_set_created (KoersObjective *self, gint64 usec);
gint64              koers_objective_get_updated (KoersObjective *self);
void                koers_objective_set_updated (KoersObjective *self, gint64 usec);

/* Key results sorted by position (a GListStore of KoersKeyResult). */
GListModel *koers_objective_get_key_results (KoersObjective *self);
/* The store calls these after writing; they keep position order and
 * recompute the score. */
void koers_objective_insert_key_result (KoersObjective *self, KoersKeyResult *kr);
/* Inserts n key results in their order (a store's read): in one step when
 * the objective has none yet, so that its score is computed once. */
void koers_objective_insert_key_results (KoersObjective  *self,
                                         KoersKeyResult **krs,
                                         guint            n);
void koers_objective_remove_key_result (KoersObjective *self, KoersKeyResult *kr);
/* Re-sorts after positions changed. */
void   koers_objective_sort_key_results (KoersObjective *self);
double koers_objective_get_score (KoersObjective *self);

/* The quarterly review.  A committed objective that missed needs a
 * postmortem (the seed: "vereist een postmortem-analyse"). */
const char *koers_objective_get_postmortem (KoersObjective *self);
void        koers_objective_set_postmortem (KoersObjective *self, const char *postmortem);
/* -1 when not graded; a value below 0 sets "not graded". */
double      koers_objective_get_final_grade (KoersObjective *self);
void        koers_objective_set_final_grade (KoersObjective *self, double grade);
gboolean    koers_objective_has_final_grade (KoersObjective *self);
const char *koers_objective_get_review_note (KoersObjective *self);
void        koers_objective_set_review_note (KoersObjective *self, const char *note);

gboolean koers_objective_get_archived (KoersObjective *self);
void     koers_objective_set_archived (KoersObjective *self, gboolean archived);

/* Capacity (koers-resource-request.h): the effort estimate in person-days
 * (0: none), the resource request (extra person-days, budget in euro, a
 * reason) and management's answer with its note.  Set them with
 * g_object_set(): "effort-days", "request-days", "request-budget",
 * "request-reason", "request-state", "request-note". */
double            koers_objective_get_effort_days (KoersObjective *self);
double            koers_objective_get_request_days (KoersObjective *self);
double            koers_objective_get_request_budget (KoersObjective *self);
const char       *koers_objective_get_request_reason (KoersObjective *self);
KoersRequestState koers_objective_get_request_state (KoersObjective *self);
const char       *koers_objective_get_request_note (KoersObjective *self);

G_END_DECLS
