/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/koers-store.h"

G_BEGIN_DECLS

/* The resource requests of a quarter (koers_store_list_requests()) as CSV
 * for management: department, objective, kind, effort, requested
 * person-days, budget in euro, reason, answer, note.  Numbers are written
 * with a point and no grouping, the headings in the interface language. */
char    *koers_capacity_requests_to_csv (KoersStore *store,
                                         GPtrArray  *objectives);
gboolean koers_capacity_requests_export (KoersStore *store,
                                         GPtrArray  *objectives,
                                         GFile      *file,
                                         GError    **error);

G_END_DECLS
