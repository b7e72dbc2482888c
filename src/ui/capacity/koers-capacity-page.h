/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* Capacity per department and team in a quarter: one bar (committed,
 * then aspirational effort, against what is available) with the words,
 * "Set Capacity…"; below, every resource request of the quarter with
 * Approve and Decline (each with a note) and Export CSV. */
#define KOERS_TYPE_CAPACITY_PAGE (koers_capacity_page_get_type ())
G_DECLARE_FINAL_TYPE (KoersCapacityPage, koers_capacity_page, KOERS, CAPACITY_PAGE, AdwBin)

GtkWidget *koers_capacity_page_new (KoersStore *store);
void       koers_capacity_page_set_period (KoersCapacityPage *self,
                                           const KoersPeriod *period);
/* For tests: the words of department_id's row (NULL without a row), and
 * how many requests the list shows. */
const char *koers_capacity_page_get_words (KoersCapacityPage *self,
                                           gint64             department_id);
guint       koers_capacity_page_get_n_requests (KoersCapacityPage *self);

G_END_DECLS
