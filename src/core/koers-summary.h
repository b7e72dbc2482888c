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
