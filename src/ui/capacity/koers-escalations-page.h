/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* The Escalations list: open escalations (with "Resolve…") or resolved
 * ones (with the resolution, by whom and when), newest first. */
#define KOERS_TYPE_ESCALATIONS_PAGE (koers_escalations_page_get_type ())
G_DECLARE_FINAL_TYPE (KoersEscalationsPage, koers_escalations_page, KOERS, ESCALATIONS_PAGE, AdwBin)

GtkWidget *koers_escalations_page_new (KoersStore *store);
/* Shows the resolved ones instead of the open ones. */
void  koers_escalations_page_set_show_resolved (KoersEscalationsPage *self,
                                                gboolean              resolved);
guint koers_escalations_page_get_n_rows (KoersEscalationsPage *self);
/* The row's title and subtitle, for tests. */
const char *koers_escalations_page_get_row_title (KoersEscalationsPage *self,
                                                  guint                 index);

G_END_DECLS
