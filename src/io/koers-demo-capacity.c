/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core/koers-department.h"
#include "core/koers-seed.h"
#include "koers-demo-capacity.h"
#include "store/koers-store-capacity.h"

/* Person-days a committed and an aspirational demo objective take. */
#define COMMITTED_DAYS 24.0
#define ASPIRATIONAL_DAYS 14.0

static const KoersSeedText request_reason = {
  "A second developer for the integration, which the team cannot staff this quarter",
  "Een tweede ontwikkelaar voor de integratie, die het team dit kwartaal niet kan bemannen",
};
static const KoersSeedText escalation_reason = {
  "Two check-ins in a row behind: the supplier delivers six weeks late",
  "Twee check-ins na elkaar achter: de leverancier levert zes weken te laat",
};
static const KoersSeedText escalation_help = {
  "Agree on a second supplier, or move the deadline to the end of next quarter",
  "Beslis over een tweede leverancier, of schuif de deadline naar het einde van volgend kwartaal",
};
static const KoersSeedText escalated_by = { "Sarah Peeters", "Sarah Peeters" };

static gboolean
set_effort (KoersStore     *store,
            KoersObjective *objective,
            gboolean        ask,
            KoersLanguage   language,
            GError        **error)
{
  gboolean committed = koers_objective_get_kind (objective) == KOERS_OBJECTIVE_KIND_COMMITTED;

  g_object_set (objective, "effort-days", committed ? COMMITTED_DAYS : ASPIRATIONAL_DAYS, NULL);
  if (ask)
    g_object_set (objective, "request-days", 10.0, "request-budget", 15000.0, "request-reason",
                  koers_seed_text_get (&request_reason, language), "request-state",
                  KOERS_REQUEST_STATE_REQUESTED, NULL);
  return koers_store_save_objective (store, objective, error);
}

gboolean
koers_demo_add_capacity (KoersStore        *store,
                         KoersLanguage      language,
                         const KoersPeriod *quarter,
                         GError           **error)
{
  GListModel      *departments = koers_store_get_departments (store);
  g_autofree char *key = koers_period_to_string (quarter);
  gboolean         over_done = FALSE;
  gboolean         asked = FALSE;
  KoersObjective  *to_escalate = NULL;

  for (guint d = 0; d < g_list_model_get_n_items (departments); d++)
    {
      g_autoptr (KoersDepartment) department = g_list_model_get_item (departments, d);
      GListModel *objectives = koers_store_get_department_objectives (store, koers_department_get_id (department));
      double      committed = 0, total = 0, days;
      guint       n = objectives != NULL ? g_list_model_get_n_items (objectives) : 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);
          gboolean is_committed;

          is_committed = koers_objective_get_kind (objective) == KOERS_OBJECTIVE_KIND_COMMITTED;
          if (g_strcmp0 (koers_objective_get_period (objective), key) != 0)
            {
              /* The year's objectives have an estimate too, outside the quarter's capacity. */
              if (!set_effort (store, objective, FALSE, language, error))
                return FALSE;
              continue;
            }
          if (!set_effort (store, objective, !asked && !is_committed && !koers_department_get_is_company (department),
                           language, error))
            return FALSE;
          asked = asked || koers_objective_get_request_days (objective) > 0;
          committed += is_committed ? COMMITTED_DAYS : 0;
          total += is_committed ? COMMITTED_DAYS : ASPIRATIONAL_DAYS;
          if (is_committed && to_escalate == NULL && !koers_department_get_is_company (department) &&
              g_list_model_get_n_items (koers_objective_get_key_results (objective)) > 0)
            to_escalate = objective;
        }
      if (total <= 0)
        continue;

      /* The first department with committed work is over capacity; the
       * others have about 85 % of it committed. */
      if (!over_done && committed > 0 && !koers_department_get_is_company (department))
        {
          days = committed * 0.8;
          over_done = TRUE;
        }
      else
        days = MAX (committed / 0.85, total / 1.1);
      if (!koers_store_set_capacity (store, koers_department_get_id (department), quarter, (double) (int) days,
                                     5000.0 * (int) (days / 10), error))
        return FALSE;
    }

  if (to_escalate != NULL)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (koers_objective_get_key_results (to_escalate), 0);
      g_autofree char *author = g_strdup (koers_store_get_author (store));
      gboolean         done;

      koers_store_set_author (store, koers_seed_text_get (&escalated_by, language));
      done = koers_store_escalate (store, to_escalate, kr, koers_seed_text_get (&escalation_reason, language),
                                   koers_seed_text_get (&escalation_help, language), NULL, error);
      koers_store_set_author (store, author);
      if (!done)
        return FALSE;
    }
  return TRUE;
}
