/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "core/koers-seed.h"
#include "core/koers-period.h"
#include "koers-demo.h"
#include "koers-templates.h"
#include "store/koers-store.h"

G_BEGIN_DECLS

/* Shared by the demo's files: koers-demo.c (the templates' OKRs, the
 * KPIs) and koers-demo-teams.c (the teams and their objectives). */

typedef struct
{
  GRand *rand;
  /* Its own generator, so the KPIs leave the check-ins as they were. */
  GRand        *kpi_rand;
  KoersLanguage language;
  GDate         today;
  KoersPeriod   quarter;
  KoersPeriod   year;
  char         *quarter_key;
  char         *year_key;
  GHashTable   *kpi_ids; /* KPI template key -> the store's KPI id */
} Demo;

const char *koers_demo_text (Demo                *demo,
                             const KoersSeedText *text);
/* A key result as the seed describes it, in period, with its due date
 * and its history of check-ins up to today. */
KoersKeyResult *koers_demo_build_key_result (Demo                         *demo,
                                             const KoersTemplateKeyResult *seed,
                                             const KoersPeriod            *period,
                                             const char                   *owner,
                                             guint                         position);
/* The teams of two departments, each with objectives aligned to its
 * department's (objective_ids: template id -> the store's objective id,
 * gint64 *). */
gboolean koers_demo_add_teams (Demo       *demo,
                               KoersStore *store,
                               GHashTable *objective_ids,
                               GError    **error);

G_END_DECLS
