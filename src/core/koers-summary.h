/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "koers-key-result.h"
#include "koers-objective.h"
#include "koers-period.h"

G_BEGIN_DECLS

/* Aggregates that views (sidebar rows, reports) compute from the model in
 * memory, never from the database. */
typedef struct
{
  guint  n_objectives;
  guint  n_key_results;
  guint  n_stale; /* key results that need a check-in */
  double score;   /* mean objective score; 0 when there are none */
} KoersSummary;

/* Whether an objective shows in a period: their date ranges overlap, so a
 * yearly company objective shows in each quarter of its year. */
gboolean koers_objective_in_period (KoersObjective    *objective,
                                    const KoersPeriod *period);
/* No check-in (or, without any, no creation) for KOERS_STALE_CHECKIN_DAYS
 * before today, and not achieved. */
gboolean koers_key_result_is_stale (KoersKeyResult *kr,
                                    const GDate    *today);
/* The rules of koers_key_result_is_stale() on the values they read: the
 * latest check-in's date (NULL: none) and the creation time (µs, 0 when
 * not stored). */
gboolean koers_summary_is_stale (double       progress,
                                 const char  *last_checkin_date,
                                 gint64       created,
                                 const GDate *today);
/* Whether the key results of an objective in state, of period (NULL:
 * unknown), wait for check-ins on today: it is active and its period has
 * begun. */
gboolean koers_summary_wants_checkins (KoersObjectiveState state,
                                       const KoersPeriod  *period,
                                       const GDate        *today);
/* A summary is built by adding its objectives (from the model, or from
 * rows the store read: both count the same) and finishing it, which
 * turns the sum of their scores into the mean. */
void koers_summary_add_objective (KoersSummary *summary,
                                  double        score,
                                  guint         n_key_results,
                                  guint         n_stale);
void koers_summary_finish (KoersSummary *summary);
/* objectives: a GListModel of KoersObjective (the store's list).
 * department_id 0 takes every department, a NULL period every period and a
 * NULL today koers_date_today().  Archived objectives do not count; stale
 * key results count only in active objectives whose period has begun. */
void koers_summarize_department (GListModel        *objectives,
                                 gint64             department_id,
                                 const KoersPeriod *period,
                                 const GDate       *today,
                                 KoersSummary      *out);

G_END_DECLS
