/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "koers-capacity.h"
#include "koers-checkin.h"
#include "koers-quality-private.h"

/* The capacity and escalation rules (the method's pitfall 4 and "tijdig
 * geëscaleerd worden naar het management"): they run only when the input
 * holds capacities or escalations (KoersQualityInput.capacities,
 * .escalated). */

static int
to_int (double value)
{
  return (int) CLAMP (round (value), 0, G_MAXINT);
}

void
koers_quality_check_capacity (KoersQualityCheck *check,
                              gint64             department_id,
                              const char        *department,
                              const char        *subject)
{
  const KoersQualityInput *input = koers_quality_check_get_input (check);
  KoersCapacity           *capacity;
  KoersCapacityUse         use;
  double                   total;

  if (input->capacities == NULL || input->objectives == NULL)
    return;
  capacity = g_hash_table_lookup (input->capacities, &department_id);
  if (capacity == NULL)
    return;

  koers_capacity_use_compute (&use, input->objectives, department_id, input->period, capacity);
  if (use.available <= 0.0 || use.n_objectives == 0)
    return;

  total = 100.0 * koers_capacity_use_get_total_share (&use);
  if (use.committed > use.available)
    koers_quality_check_add (check, KOERS_QUALITY_RULE_COMMITTED_OVER_CAPACITY, department_id, 0, 0,
                             subject, department, to_int (ceil (use.committed)),
                             to_int (floor (use.available)));
  else if (total > KOERS_QUALITY_MAX_TOTAL_CAPACITY_PERCENT)
    koers_quality_check_add (check, KOERS_QUALITY_RULE_TOTAL_OVER_CAPACITY, department_id, 0, 0,
                             subject, department, to_int (total),
                             KOERS_QUALITY_MAX_TOTAL_CAPACITY_PERCENT);
  else if (total < KOERS_QUALITY_MIN_CAPACITY_PERCENT && use.n_unestimated == 0)
    koers_quality_check_add (check, KOERS_QUALITY_RULE_CAPACITY_UNDERUSED, department_id, 0, 0,
                             subject, department, to_int (total), -1);
}

void
koers_quality_check_effort (KoersQualityCheck *check,
                            KoersObjective    *objective,
                            const char        *subject)
{
  const KoersQualityInput *input = koers_quality_check_get_input (check);
  gint64                   department_id = koers_objective_get_department_id (objective);

  /* Only where the department keeps a capacity for the period: without
   * one an estimate has nothing to be measured against, and a database
   * without capacity would be all findings. */
  if (input->capacities == NULL || !g_hash_table_contains (input->capacities, &department_id))
    return;
  if (koers_objective_get_kind (objective) != KOERS_OBJECTIVE_KIND_COMMITTED ||
      koers_objective_get_effort_days (objective) > 0.0)
    return;

  koers_quality_check_add (check, KOERS_QUALITY_RULE_NO_EFFORT_ESTIMATE, department_id,
                           koers_objective_get_id (objective), 0, subject, NULL, -1, -1);
}

void
koers_quality_check_escalation (KoersQualityCheck *check,
                                KoersObjective    *objective,
                                KoersKeyResult    *kr)
{
  const KoersQualityInput *input = koers_quality_check_get_input (check);
  KoersCheckin            *latest;
  GListModel              *checkins;
  guint                    n_in_a_row = 0;

  if (input->escalated == NULL ||
      koers_objective_get_kind (objective) != KOERS_OBJECTIVE_KIND_COMMITTED ||
      g_hash_table_contains (input->escalated, koers_key_result_get_uuid (kr)) ||
      g_hash_table_contains (input->escalated, koers_objective_get_uuid (objective)))
    return;

  /* The latest is held without reading the list: read it only when that
   * one is at risk. */
  latest = koers_key_result_get_latest_checkin (kr);
  if (latest == NULL || !koers_checkin_is_at_risk (latest))
    return;

  checkins = koers_key_result_get_checkins (kr);
  for (guint i = 0; i < g_list_model_get_n_items (checkins) &&
                    n_in_a_row < KOERS_QUALITY_CHECKINS_BEFORE_ESCALATION;
       i++)
    {
      g_autoptr (KoersCheckin) checkin = g_list_model_get_item (checkins, i);

      if (!koers_checkin_is_at_risk (checkin))
        break;
      n_in_a_row++;
    }

  if (n_in_a_row >= KOERS_QUALITY_CHECKINS_BEFORE_ESCALATION)
    {
      const char      *uuid = koers_key_result_get_uuid (kr);
      g_autofree char *subject = *uuid != '\0' ? g_strdup (uuid)
                                               : g_strdup_printf ("#%" G_GINT64_FORMAT,
                                                                  koers_key_result_get_id (kr));

      koers_quality_check_add (check, KOERS_QUALITY_RULE_NOT_ESCALATED,
                               koers_objective_get_department_id (objective),
                               koers_objective_get_id (objective), koers_key_result_get_id (kr),
                               subject, NULL, (int) n_in_a_row, -1);
    }
}
