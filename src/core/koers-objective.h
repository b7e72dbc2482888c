/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "koers-accessors.h"
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
KoersObjective *koers_objective_new (const char        *title,
                                     KoersLevel         level,
                                     KoersObjectiveKind kind,
                                     const char        *period);
KOERS_DECLARE_RECORD_ACCESSORS (KoersObjective, koers_objective)
KOERS_DECLARE_ACCESSORS (KoersObjective, koers_objective, gint64, department_id)
KOERS_DECLARE_ACCESSORS (KoersObjective, koers_objective, const char *, title)
KOERS_DECLARE_ACCESSORS (KoersObjective, koers_objective, const char *, description)
KOERS_DECLARE_ACCESSORS (KoersObjective, koers_objective, KoersLevel, level)
KOERS_DECLARE_ACCESSORS (KoersObjective, koers_objective, KoersObjectiveKind, kind)
KOERS_DECLARE_ACCESSORS (KoersObjective, koers_objective, const char *, period)
/* The parsed period; FALSE when the stored key does not parse. */
gboolean koers_objective_get_parsed_period (KoersObjective *self, KoersPeriod *out);
KOERS_DECLARE_ACCESSORS (KoersObjective, koers_objective, const char *, owner)
KOERS_DECLARE_ACCESSORS (KoersObjective, koers_objective, gint64, aligned_to_id)
KOERS_DECLARE_ACCESSORS (KoersObjective, koers_objective, KoersObjectiveState, state)
KOERS_DECLARE_ACCESSORS (KoersObjective, koers_objective, gint64, carried_over_from_id)
KOERS_DECLARE_ACCESSORS (KoersObjective, koers_objective, int, position)

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
KOERS_DECLARE_ACCESSORS (KoersObjective, koers_objective, const char *, postmortem)
/* -1 when not graded; a value below 0 sets "not graded". */
KOERS_DECLARE_ACCESSORS (KoersObjective, koers_objective, double, final_grade)
gboolean koers_objective_has_final_grade (KoersObjective *self);
KOERS_DECLARE_ACCESSORS (KoersObjective, koers_objective, const char *, review_note)

KOERS_DECLARE_ACCESSORS (KoersObjective, koers_objective, gboolean, archived)

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
