/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "core/koers-due.h"
#include "store/koers-store.h"

G_BEGIN_DECLS

/* The Due list: the key results that wait for a check-in since the last
 * check-in day, the KPIs whose new value is due and, in the quarter's last
 * two weeks, the quarterly review; grouped by department and owner, each
 * with its button (Check In, Update, Start Review).  It follows the store:
 * after a check-in its row leaves at once.  Property "n-due" (read-only):
 * how many items it shows. */
#define KOERS_TYPE_DUE_PAGE (koers_due_page_get_type ())
G_DECLARE_FINAL_TYPE (KoersDuePage, koers_due_page, KOERS, DUE_PAGE, AdwBin)

GtkWidget *koers_due_page_new (KoersStore *store);
guint      koers_due_page_get_n_due (KoersDuePage *self);
/* Reads the rhythm and today again (a new day, Preferences). */
void koers_due_page_refresh (KoersDuePage *self);

/* "7 key results wait for a check-in", and the KPIs and the review when
 * there are: the page's summary and the reminder's text. */
char *koers_due_describe_counts (const KoersDueCounts *counts);
/* "Monday", translated; day 1..7 (GDateWeekday). */
const char *koers_due_get_weekday_name (GDateWeekday day);

G_END_DECLS
