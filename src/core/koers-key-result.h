/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "koers-accessors.h"
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
 * last-checkin-date (ISO or NULL, follows the check-ins).  Signal:
 * checkins-changed (see below).  The quarterly
 * review adds final-score (0..1; -1: not scored) and final-note; KPIs add
 * kpi-id, the KPI the key result moves (0: none; "raise NPS from 40 to
 * 55"). */
KoersKeyResult *koers_key_result_new (const char     *title,
                                      KoersMetricKind metric_kind,
                                      double          start_value,
                                      double          target_value,
                                      const char     *unit);
KOERS_DECLARE_RECORD_ACCESSORS (KoersKeyResult, koers_key_result)
KOERS_DECLARE_ACCESSORS (KoersKeyResult, koers_key_result, gint64, objective_id)
KOERS_DECLARE_ACCESSORS (KoersKeyResult, koers_key_result, const char *, title)
KOERS_DECLARE_ACCESSORS (KoersKeyResult, koers_key_result, KoersMetricKind, metric_kind)
KOERS_DECLARE_ACCESSORS (KoersKeyResult, koers_key_result, const char *, unit)
KOERS_DECLARE_ACCESSORS (KoersKeyResult, koers_key_result, double, start_value)
KOERS_DECLARE_ACCESSORS (KoersKeyResult, koers_key_result, double, target_value)
KOERS_DECLARE_ACCESSORS (KoersKeyResult, koers_key_result, double, current_value)
KOERS_DECLARE_ACCESSORS (KoersKeyResult, koers_key_result, const char *, due_date)
KOERS_DECLARE_ACCESSORS (KoersKeyResult, koers_key_result, const char *, owner)
KOERS_DECLARE_ACCESSORS (KoersKeyResult, koers_key_result, double, weight)
KOERS_DECLARE_ACCESSORS (KoersKeyResult, koers_key_result, gboolean, uses_personal_data)
KOERS_DECLARE_ACCESSORS (KoersKeyResult, koers_key_result, const char *, personal_data_note)
KOERS_DECLARE_ACCESSORS (KoersKeyResult, koers_key_result, int, position)

double koers_key_result_get_progress (KoersKeyResult *self);
/* The status the window, the CSV and the report show: achieved, the
 * latest check-in's own status, or progress against what the period
 * (nullable: unknown) expects by today.  See koers_score_key_result_status(). */
KoersKrStatus koers_key_result_get_status (KoersKeyResult    *self,
                                           const KoersPeriod *period,
                                           const GDate       *today);

/* Check-ins.  A key result holds either its full list of check-ins or,
 * until something needs that list, a summary of it that the store read
 * (how many, the latest, the first date, a sparkline's points): a period
 * of a large company has tens of thousands of check-ins, and rows show
 * only these.  The getters below answer in both states; the list, once
 * read, is the truth and they follow it.  "checkins-changed" fires when
 * any of them may have changed (the list, or a check-in in it edited), so
 * a view need not watch every check-in. */

/* One check-in as a sparkline draws it. */
typedef struct
{
  guint32 julian_day; /* g_date_get_julian() of its date */
  double  value;
} KoersCheckinPoint;

/* FALSE (point untouched) for a date that does not parse or a value that
 * is not finite: nothing to draw. */
gboolean koers_checkin_point_init (KoersCheckinPoint *point,
                                   const char        *date_iso,
                                   double             value);

/* Returns the key result's check-ins, newest first (owned references,
 * free function set), or NULL: with error set when reading failed,
 * without when there is nothing to read from any more. */
typedef GPtrArray *(*KoersCheckinLoader) (KoersKeyResult *kr,
                                          gpointer        user_data,
                                          GError        **error);

/* Check-ins, newest first (a GListStore of KoersCheckin owned by the key
 * result).  Reads the full list through the loader on first use. */
GListModel *koers_key_result_get_checkins (KoersKeyResult *self);
/* The list as it stands, never read: empty while only a summary is held.
 * For the store's own bookkeeping. */
GListModel *koers_key_result_peek_checkins (KoersKeyResult *self);
gboolean    koers_key_result_get_checkins_loaded (KoersKeyResult *self);
/* Keep the list sorted (reading it first); the store calls these after
 * writing.  A check-in with the id of one in the list takes its place. */
void  koers_key_result_add_checkin (KoersKeyResult *self, KoersCheckin *checkin);
void  koers_key_result_remove_checkin (KoersKeyResult *self, KoersCheckin *checkin);
guint koers_key_result_get_n_checkins (KoersKeyResult *self);
/* (transfer none) (nullable): the newest check-in, not a new reference. */
KoersCheckin *koers_key_result_get_latest_checkin (KoersKeyResult *self);
const char   *koers_key_result_get_last_checkin_date (KoersKeyResult *self);
const char   *koers_key_result_get_first_checkin_date (KoersKeyResult *self);
/* (transfer none): oldest first; valid until the check-ins change. */
const KoersCheckinPoint *koers_key_result_get_checkin_points (KoersKeyResult *self,
                                                              guint          *n_points);

/* The store's side.  The loader's data is the loader's business: hold it
 * weakly (a key result may outlive its store); destroy runs when another
 * loader replaces it or the key result goes. */
void koers_key_result_set_checkin_loader (KoersKeyResult    *self,
                                          KoersCheckinLoader loader,
                                          gpointer           user_data,
                                          GDestroyNotify     destroy);
/* Holds this summary instead of a list (points oldest first, copied;
 * latest referenced).  Does nothing once the list is read: then the list
 * is the truth. */
void koers_key_result_set_checkin_summary (KoersKeyResult          *self,
                                           guint                    n_checkins,
                                           KoersCheckin            *latest,
                                           const char              *first_date,
                                           const KoersCheckinPoint *points,
                                           guint                    n_points);

/* The quarterly review's score; -1 when not scored, and a value below 0
 * sets "not scored". */
KOERS_DECLARE_ACCESSORS (KoersKeyResult, koers_key_result, double, final_score)
KOERS_DECLARE_ACCESSORS (KoersKeyResult, koers_key_result, const char *, final_note)

KOERS_DECLARE_ACCESSORS (KoersKeyResult, koers_key_result, gint64, kpi_id)

/* Puts check-ins (newest first, as the list keeps them) into a key result
 * whose list holds none yet, in one step (loading stays linear in their
 * number); from then on the list is read. */
void koers_key_result_splice_checkins (KoersKeyResult *self,
                                       GPtrArray      *newest_first);

G_END_DECLS
