/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "koers-checkin.h"
#include "koers-enums.h"
#include "koers-period.h"

G_BEGIN_DECLS

#define KOERS_TYPE_KEY_RESULT (koers_key_result_get_type ())
G_DECLARE_FINAL_TYPE (KoersKeyResult, koers_key_result, KOERS, KEY_RESULT, GObject)

/* Properties: id, uuid, objective-id, title, metric-kind, unit, start-value,
 * target-value, current-value, due-date (ISO or NULL), owner, weight,
 * uses-personal-data, personal-data-note, position, created, updated;
 * read-only: progress (0..1, follows start/target/current/metric-kind),
 * last-checkin-date (ISO or NULL, follows the check-ins).  The quarterly
 * review adds final-score (0..1; -1: not scored) and final-note; KPIs add
 * kpi-id, the KPI the key result moves (0: none; "raise NPS from 40 to
 * 55"). */
KoersKeyResult  *koers_key_result_new                    (const char     *title,
                                                          KoersMetricKind metric_kind,
                                                          double          start_value,
                                                          double          target_value,
                                                          const char     *unit);
gint64           koers_key_result_get_id                 (KoersKeyResult *self);
void             koers_key_result_set_id                 (KoersKeyResult *self, gint64 id);
const char      *koers_key_result_get_uuid               (KoersKeyResult *self);
void             koers_key_result_set_uuid               (KoersKeyResult *self, const char *uuid);
gint64           koers_key_result_get_objective_id       (KoersKeyResult *self);
void             koers_key_result_set_objective_id       (KoersKeyResult *self, gint64 id);
const char      *koers_key_result_get_title              (KoersKeyResult *self);
void             koers_key_result_set_title              (KoersKeyResult *self, const char *title);
KoersMetricKind  koers_key_result_get_metric_kind        (KoersKeyResult *self);
void             koers_key_result_set_metric_kind        (KoersKeyResult *self, KoersMetricKind kind);
const char      *koers_key_result_get_unit               (KoersKeyResult *self);
void             koers_key_result_set_unit               (KoersKeyResult *self, const char *unit);
double           koers_key_result_get_start_value        (KoersKeyResult *self);
void             koers_key_result_set_start_value        (KoersKeyResult *self, double value);
double           koers_key_result_get_target_value       (KoersKeyResult *self);
void             koers_key_result_set_target_value       (KoersKeyResult *self, double value);
double           koers_key_result_get_current_value      (KoersKeyResult *self);
void             koers_key_result_set_current_value      (KoersKeyResult *self, double value);
const char      *koers_key_result_get_due_date           (KoersKeyResult *self);
void             koers_key_result_set_due_date           (KoersKeyResult *self, const char *date_iso);
const char      *koers_key_result_get_owner              (KoersKeyResult *self);
void             koers_key_result_set_owner              (KoersKeyResult *self, const char *owner);
double           koers_key_result_get_weight             (KoersKeyResult *self);
void             koers_key_result_set_weight             (KoersKeyResult *self, double weight);
gboolean         koers_key_result_get_uses_personal_data (KoersKeyResult *self);
void             koers_key_result_set_uses_personal_data (KoersKeyResult *self, gboolean uses);
const char      *koers_key_result_get_personal_data_note (KoersKeyResult *self);
void             koers_key_result_set_personal_data_note (KoersKeyResult *self, const char *note);
int              koers_key_result_get_position           (KoersKeyResult *self);
void             koers_key_result_set_position           (KoersKeyResult *self, int position);
gint64           koers_key_result_get_created            (KoersKeyResult *self);
void             koers_key_result_set_created            (KoersKeyResult *self, gint64 usec);
gint64           koers_key_result_get_updated            (KoersKeyResult *self);
void             koers_key_result_set_updated            (KoersKeyResult *self, gint64 usec);

double           koers_key_result_get_progress           (KoersKeyResult *self);
/* The status the window, the CSV and the report show: achieved, the
 * latest check-in's own status, or progress against what the period
 * (nullable: unknown) expects by today.  See koers_score_key_result_status(). */
KoersKrStatus    koers_key_result_get_status             (KoersKeyResult    *self,
                                                          const KoersPeriod *period,
                                                          const GDate       *today);
/* Check-ins, newest first (a GListStore of KoersCheckin owned by the key result). */
GListModel      *koers_key_result_get_checkins           (KoersKeyResult *self);
/* Keeps the list sorted; the store calls these after writing. */
void             koers_key_result_add_checkin            (KoersKeyResult *self, KoersCheckin *checkin);
void             koers_key_result_remove_checkin         (KoersKeyResult *self, KoersCheckin *checkin);
/* (transfer none) (nullable): the first of get_checkins, not a new reference. */
KoersCheckin    *koers_key_result_get_latest_checkin     (KoersKeyResult *self);
const char      *koers_key_result_get_last_checkin_date  (KoersKeyResult *self);

/* The quarterly review's score; -1 when not scored, and a value below 0
 * sets "not scored". */
double           koers_key_result_get_final_score        (KoersKeyResult *self);
void             koers_key_result_set_final_score        (KoersKeyResult *self, double score);
const char      *koers_key_result_get_final_note         (KoersKeyResult *self);
void             koers_key_result_set_final_note         (KoersKeyResult *self, const char *note);

gint64           koers_key_result_get_kpi_id             (KoersKeyResult *self);
void             koers_key_result_set_kpi_id             (KoersKeyResult *self, gint64 kpi_id);

/* Puts check-ins (newest first, as the list keeps them) into a key result
 * that has none, in one step: loading stays linear in their number. */
void koers_key_result_splice_checkins (KoersKeyResult *self,
                                       GPtrArray      *newest_first);

G_END_DECLS
