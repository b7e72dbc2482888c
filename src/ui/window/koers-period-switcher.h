/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "core/koers-period.h"

G_BEGIN_DECLS

/* The title of the content page: previous/next quarter and a popover to
 * pick a year and quarter.  The "period" property (a KoersPeriod) notifies
 * on every change. */
#define KOERS_TYPE_PERIOD_SWITCHER (koers_period_switcher_get_type ())
G_DECLARE_FINAL_TYPE (KoersPeriodSwitcher, koers_period_switcher, KOERS, PERIOD_SWITCHER, GtkWidget)

GtkWidget         *koers_period_switcher_new (void);
const KoersPeriod *koers_period_switcher_get_period (KoersPeriodSwitcher *self);
void               koers_period_switcher_set_period (KoersPeriodSwitcher *self,
                                                     const KoersPeriod   *period);
void               koers_period_switcher_previous (KoersPeriodSwitcher *self);
void               koers_period_switcher_next (KoersPeriodSwitcher *self);
/* The text shown, such as "Q2 2026". */
const char *koers_period_switcher_get_label (KoersPeriodSwitcher *self);

G_END_DECLS
