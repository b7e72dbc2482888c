/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Private to koers-key-result.c and koers-key-result-checkins.c: the
 * key result's fields, and how its check-ins part plugs into it. */

#include "koers-key-result.h"

G_BEGIN_DECLS

struct _KoersKeyResult
{
  GObject parent_instance;

  gint64          id;
  char           *uuid;
  gint64          objective_id;
  char           *title;
  KoersMetricKind metric_kind;
  char           *unit;
  double          start_value;
  double          target_value;
  double          current_value;
  char           *due_date;
  char           *owner;
  double          weight;
  gboolean        uses_personal_data;
  char           *personal_data_note;
  int             position;
  gint64          created;
  gint64          updated;
  /* The quarterly review: -1 and "" until it happened. */
  double final_score;
  char  *final_note;
  gint64 kpi_id;

  /* Derived, cached so that notify fires only on a real change. */
  double progress;
  char  *last_checkin_date;

  GListStore *checkins;
  /* The check-ins we watch (owned refs), kept in step with checkins so
   * that every handler is disconnected exactly once. */
  GHashTable *watched;
  /* FALSE while the key result holds the summary below instead of its
   * list (checkins then stays empty); a new key result has its (empty)
   * list. */
  gboolean      checkins_loaded;
  gboolean      loading;
  guint         n_checkins;
  KoersCheckin *summary_latest;
  char         *first_checkin_date;
  /* KoersCheckinPoint, oldest first; with the list read, NULL until
   * asked for (a report that reads every list never draws them). */
  GArray            *points;
  KoersCheckinLoader loader;
  gpointer           loader_data;
  GDestroyNotify     loader_destroy;
};

/* koers-key-result-checkins.c */
void koers_key_result_init_checkins (KoersKeyResult *self);
void koers_key_result_dispose_checkins (KoersKeyResult *self);
void koers_key_result_finalize_checkins (KoersKeyResult *self);

/* koers-key-result.c: notifies when the date differs. */
void koers_key_result_update_last_checkin_date (KoersKeyResult *self,
                                                const char     *date);
void koers_key_result_emit_checkins_changed (KoersKeyResult *self);

G_END_DECLS
