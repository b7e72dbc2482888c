/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "koers-format.h"
#include "koers-kpi.h"
#include "koers-objective.h"

G_BEGIN_DECLS

/* The check-in rhythm (the seed: "wekelijkse check-ins", "driemaandelijkse
 * review"): a weekly check-in day, and the days without a check-in after
 * which a due key result counts as late.  A company's rhythm, kept in its
 * database (koers_store_read_rhythm()). */
typedef struct
{
  GDateWeekday checkin_day;
  guint        late_days;
} KoersRhythm;

#define KOERS_RHYTHM_DEFAULT_DAY G_DATE_MONDAY
#define KOERS_RHYTHM_DEFAULT_LATE_DAYS 7
#define KOERS_RHYTHM_MAX_LATE_DAYS 60
/* The quarter's last two weeks ask for the quarterly review. */
#define KOERS_DUE_REVIEW_DAYS 14

void koers_rhythm_init (KoersRhythm *self);
/* Whether day and late_days are in range (1..7, 1..KOERS_RHYTHM_MAX_LATE_DAYS). */
gboolean koers_rhythm_is_valid (const KoersRhythm *self);

/* The latest check-in day on or before today (today itself on that day). */
void koers_due_get_last_checkin_day (const KoersRhythm *rhythm,
                                     const GDate       *today,
                                     GDate             *out);

/* Whether kr (of objective) waits for a check-in on today: its objective is
 * active, not archived, and runs today; a check-in day of that period has
 * passed (on or before today) without a check-in since; and it is not
 * achieved (progress 1: a milestone done, a target reached).  *late (may be
 * NULL): due, and rhythm->late_days or more without a check-in (counted
 * from the period's start or the key result's creation when it has none). */
gboolean koers_due_key_result_is_due (KoersObjective    *objective,
                                      KoersKeyResult    *kr,
                                      const KoersRhythm *rhythm,
                                      const GDate       *today,
                                      gboolean          *late);

typedef enum
{
  KOERS_DUE_KIND_KEY_RESULT,
  KOERS_DUE_KIND_KPI,
  KOERS_DUE_KIND_REVIEW,
} KoersDueKind;

/* One thing that is due: a key result's check-in, a KPI's new value, or
 * the quarterly review of the quarter that ends soon. */
#define KOERS_TYPE_DUE_ITEM (koers_due_item_get_type ())
G_DECLARE_FINAL_TYPE (KoersDueItem, koers_due_item, KOERS, DUE_ITEM, GObject)

KoersDueKind koers_due_item_get_kind (KoersDueItem *self);
/* (nullable): the key result and its objective; the KPI. */
KoersKeyResult *koers_due_item_get_key_result (KoersDueItem *self);
KoersObjective *koers_due_item_get_objective (KoersDueItem *self);
KoersKpi       *koers_due_item_get_kpi (KoersDueItem *self);
/* 0: the company (the review, company objectives and KPIs). */
gint64 koers_due_item_get_department_id (KoersDueItem *self);
/* The key result's owner, else its objective's; "" when none. */
const char *koers_due_item_get_owner (KoersDueItem *self);
gboolean    koers_due_item_get_late (KoersDueItem *self);
/* The last check-in or value (ISO), NULL when there is none. */
const char *koers_due_item_get_since (KoersDueItem *self);
/* The review: its quarter, and how many objectives wait for it. */
const KoersPeriod *koers_due_item_get_period (KoersDueItem *self);
guint              koers_due_item_get_n_objectives (KoersDueItem *self);

/* Everything due on today, as new KoersDueItems: the review first, then by
 * department in the order of departments (KoersDepartment, as the sidebar
 * has them), key results (by owner) before KPIs.  objectives and kpis may
 * be NULL. */
GPtrArray *koers_due_collect (GListModel        *departments,
                              GListModel        *objectives,
                              GListModel        *kpis,
                              const KoersRhythm *rhythm,
                              const GDate       *today);

/* Keeps the items owner owns (compared without case); the review, which
 * is everyone's, goes. */
void koers_due_filter_owner (GPtrArray  *items,
                             const char *owner);

typedef struct
{
  guint n_key_results;
  guint n_kpis;
  guint n_reviews;
  guint n_late;
} KoersDueCounts;

void koers_due_count (GPtrArray *items, KoersDueCounts *out);

/* `koers --due`: what is due, grouped by department and owner, in lang;
 * items from koers_due_collect().  Both languages are held here, like the
 * OKR check's report, so the text does not depend on gettext. */
void koers_due_print (GPtrArray         *items,
                      GListModel        *departments,
                      const KoersRhythm *rhythm,
                      const GDate       *today,
                      KoersLanguage      lang,
                      GString           *out);

G_END_DECLS
