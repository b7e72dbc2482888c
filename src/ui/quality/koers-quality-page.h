/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "core/koers-period.h"
#include "store/koers-store.h"

G_BEGIN_DECLS

/* "Check OKRs": the quality findings for one period, grouped by
 * department, each with the seed's explanation and a Dismiss button (a
 * dismissed finding stays dismissed in the database; "Show dismissed"
 * brings them back to restore).  Follows the store: any change rechecks. */
#define KOERS_TYPE_QUALITY_PAGE (koers_quality_page_get_type ())
G_DECLARE_FINAL_TYPE (KoersQualityPage, koers_quality_page, KOERS, QUALITY_PAGE, AdwBin)

GtkWidget *koers_quality_page_new (KoersStore *store);
/* The period checked; the current quarter until set. */
void     koers_quality_page_set_period (KoersQualityPage  *self,
                                        const KoersPeriod *period);
gboolean koers_quality_page_get_show_dismissed (KoersQualityPage *self);
void     koers_quality_page_set_show_dismissed (KoersQualityPage *self,
                                                gboolean          show_dismissed);
/* The findings shown (KoersQualityFinding), dismissed ones only when
 * shown.  Transfer none; replaced at every recheck. */
GListModel *koers_quality_page_get_findings (KoersQualityPage *self);
/* Findings that are not dismissed (the count a sidebar badge shows). */
guint koers_quality_page_get_n_open (KoersQualityPage *self);

G_END_DECLS
