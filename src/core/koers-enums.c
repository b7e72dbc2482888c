/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "koers-enums.h"

/* The stable strings below are stored in databases and JSON files: never
 * change one, only add. */

static const char *const level_strings[] = { "company", "department", "team" };
static const char *const kind_strings[] = { "committed", "aspirational" };
static const char *const state_strings[] = {
  "active",
  "achieved",
  "missed",
  "carried-over",
  "archived",
};
static const char *const metric_strings[] = { "number", "percentage", "currency", "milestone" };
static const char *const checkin_strings[] = { "none", "on-track", "at-risk", "off-track" };
static const char *const kpi_direction_strings[] = { "higher", "lower" };
static const char *const kpi_frequency_strings[] = { "weekly", "monthly", "quarterly" };
static const char *const kpi_status_strings[] = { "none", "healthy", "needs-attention", "unhealthy" };

static const char *
lookup_string (const char *const *table,
               guint              n,
               int                value)
{
  if (value < 0 || (guint) value >= n)
    return NULL;
  return table[value];
}

static gboolean
lookup_value (const char *const *table,
              guint              n,
              const char        *str,
              int               *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (table[i], str) == 0)
        {
          if (out != NULL)
            *out = (int) i;
          return TRUE;
        }
    }
  return FALSE;
}

#define DEFINE_STRING_PAIR(prefix, Type, table)                      \
  const char *prefix##_to_string (Type value)                        \
  {                                                                  \
    return lookup_string (table, G_N_ELEMENTS (table), (int) value); \
  }                                                                  \
  gboolean prefix##_from_string (const char *str, Type *out)         \
  {                                                                  \
    int v;                                                           \
    if (!lookup_value (table, G_N_ELEMENTS (table), str, &v))        \
      return FALSE;                                                  \
    if (out != NULL)                                                 \
      *out = (Type) v;                                               \
    return TRUE;                                                     \
  }

DEFINE_STRING_PAIR (koers_level, KoersLevel, level_strings)
DEFINE_STRING_PAIR (koers_objective_kind, KoersObjectiveKind, kind_strings)
DEFINE_STRING_PAIR (koers_objective_state, KoersObjectiveState, state_strings)
DEFINE_STRING_PAIR (koers_metric_kind, KoersMetricKind, metric_strings)
DEFINE_STRING_PAIR (koers_checkin_status, KoersCheckinStatus, checkin_strings)
DEFINE_STRING_PAIR (koers_kpi_direction, KoersKpiDirection, kpi_direction_strings)
DEFINE_STRING_PAIR (koers_kpi_frequency, KoersKpiFrequency, kpi_frequency_strings)
DEFINE_STRING_PAIR (koers_kpi_status, KoersKpiStatus, kpi_status_strings)

/* A label in the enum's order, translated in the table's context (the
 * NC_ marks carry it for xgettext). */
static const char *
lookup_label (const char        *context,
              const char *const *labels,
              guint              n,
              int                value)
{
  const char *label = lookup_string (labels, n, value);

  return label != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, context, label) : "";
}

/* The labels, in the enum's order. */
static const char *const level_labels[] = { NC_ ("level", "Company"), NC_ ("level", "Department"), NC_ ("level", "Team") };
static const char *const objective_kind_labels[] = { NC_ ("objective kind", "Committed"), NC_ ("objective kind", "Aspirational") };
static const char *const objective_state_labels[] = { NC_ ("objective state", "Active"), NC_ ("objective state", "Achieved"), NC_ ("objective state", "Missed"), NC_ ("objective state", "Carried over"), NC_ ("objective state", "Archived") };
static const char *const metric_kind_labels[] = { NC_ ("metric kind", "Number"), NC_ ("metric kind", "Percentage"), NC_ ("metric kind", "Currency"), NC_ ("metric kind", "Milestone") };
static const char *const checkin_status_labels[] = { NC_ ("check-in status", "No status"), NC_ ("check-in status", "On track"), NC_ ("check-in status", "At risk"), NC_ ("check-in status", "Off track") };
static const char *const kpi_direction_labels[] = { NC_ ("KPI direction", "Higher is better"), NC_ ("KPI direction", "Lower is better") };
static const char *const kpi_frequency_labels[] = { NC_ ("KPI frequency", "Weekly"), NC_ ("KPI frequency", "Monthly"), NC_ ("KPI frequency", "Quarterly") };
static const char *const kpi_status_labels[] = { NC_ ("KPI status", "No value yet"), NC_ ("KPI status", "Healthy"), NC_ ("KPI status", "Needs attention"), NC_ ("KPI status", "Unhealthy") };

#define DEFINE_LABEL(prefix, Type, context, table)                           \
  const char *prefix##_get_label (Type value)                                \
  {                                                                          \
    return lookup_label (context, table, G_N_ELEMENTS (table), (int) value); \
  }

DEFINE_LABEL (koers_level, KoersLevel, "level", level_labels)
DEFINE_LABEL (koers_objective_kind, KoersObjectiveKind, "objective kind", objective_kind_labels)
DEFINE_LABEL (koers_objective_state, KoersObjectiveState, "objective state", objective_state_labels)
DEFINE_LABEL (koers_metric_kind, KoersMetricKind, "metric kind", metric_kind_labels)
DEFINE_LABEL (koers_checkin_status, KoersCheckinStatus, "check-in status", checkin_status_labels)
DEFINE_LABEL (koers_kpi_direction, KoersKpiDirection, "KPI direction", kpi_direction_labels)
DEFINE_LABEL (koers_kpi_frequency, KoersKpiFrequency, "KPI frequency", kpi_frequency_labels)
DEFINE_LABEL (koers_kpi_status, KoersKpiStatus, "KPI status", kpi_status_labels)
