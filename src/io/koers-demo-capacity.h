/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "core/koers-format.h"
#include "core/koers-period.h"
#include "store/koers-store.h"

G_BEGIN_DECLS

/* The demo's capacity (issue #18): every department's capacity in quarter,
 * an effort for each of its objectives, one department over capacity, a
 * resource request, and an escalation of a committed key result. */
gboolean koers_demo_add_capacity (KoersStore        *store,
                                  KoersLanguage      language,
                                  const KoersPeriod *quarter,
                                  GError           **error);

G_END_DECLS
