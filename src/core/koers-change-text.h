/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "koers-change.h"
#include "koers-enums.h"

G_BEGIN_DECLS

/* The change log in words, in the language of the user interface
 * (gettext and koers_format_get_language()):
 *   "Anna Peeters changed the target from 10 to 12"
 *   "Anna Peeters checked in 8.5 — on track"
 *   "Jan added the key result “Reduce churn to 3%”"
 * with values formatted by what the column holds (the key result's
 * metric kind, dates, the translated words of enums, Yes/No), and the
 * fields of a larger change as "Label: old → new" lines.
 *
 * What the change itself does not say is asked through the callbacks of
 * a KoersChangeTextContext (each may be NULL). */
typedef struct
{
  /* The name of what uuid is, as a new string, or NULL when it is not
   * known (any more): the title of an "objective" or "key_result", the
   * name of a "department" or "kpi", the ISO date of a "checkin" or
   * "kpi_value". */
  char *(*get_name) (const char *entity,
                     const char *uuid,
                     gpointer    user_data);
  /* The metric kind and unit (a new string or NULL) of a "key_result" or
   * "kpi"; FALSE when not known. */
  gboolean (*get_metric) (const char      *entity,
                          const char      *uuid,
                          KoersMetricKind *kind,
                          char           **unit,
                          gpointer         user_data);
  gpointer user_data;
  /* The entity whose history is shown, or NULL: its own changes do not
   * repeat its name ("changed the target", not "changed the target of the
   * key result “…”"). */
  const char *subject_uuid;
} KoersChangeTextContext;

/* One sentence: who did what.  context may be NULL. */
char *koers_change_text_describe (KoersChange                  *change,
                                  const KoersChangeTextContext *context);
/* The details the sentence leaves out, one line each ("Target value:
 * 10 → 12", "Note: “…”"); an empty vector when the sentence says it all. */
GStrv koers_change_text_list_details (KoersChange                  *change,
                                      const KoersChangeTextContext *context);
/* The author, or "Someone" when the change has none. */
const char *koers_change_text_get_author (KoersChange *change);

/* The label of a column in the details ("Target value"); the column name
 * itself when it is not known. */
const char *koers_change_text_get_field_label (const char *entity,
                                               const char *column);
/* A column's value as the details show it (NULL: "none").  old: the value
 * is from before the change (so the metric kind of before is used when the
 * change altered it). */
char *koers_change_text_format_value (KoersChange                  *change,
                                      const KoersChangeTextContext *context,
                                      const char                   *column,
                                      const char                   *value,
                                      gboolean                      old);

/* at: µs since the epoch (UTC), shown in local time.
 * "4 December 2026, 15:02", "4 December 2026", "15:02". */
char *koers_change_text_format_time (gint64 at);
char *koers_change_text_format_day (gint64 at);
char *koers_change_text_format_clock (gint64 at);

G_END_DECLS
