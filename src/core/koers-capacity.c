/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "koers-capacity.h"
#include "koers-objective.h"
#include "koers-parse.h"
#include "koers-property.h"

struct _KoersCapacity
{
  GObject parent_instance;

  gint64 id;
  char  *uuid;
  gint64 department_id;
  char  *period;
  double days;
  double budget;
  gint64 created;
  gint64 updated;
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_DEPARTMENT_ID,
  PROP_PERIOD,
  PROP_DAYS,
  PROP_BUDGET,
  PROP_CREATED,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of the property ids above. */
static const KoersProperty property_table[] = {
  KOERS_PROPERTY_IDENTITY (KoersCapacity),
  { "department-id", KOERS_PROPERTY_ID, G_STRUCT_OFFSET (KoersCapacity, department_id) },
  { "period", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersCapacity, period) },
  { "days", KOERS_PROPERTY_DOUBLE, G_STRUCT_OFFSET (KoersCapacity, days) },
  { "budget", KOERS_PROPERTY_DOUBLE, G_STRUCT_OFFSET (KoersCapacity, budget) },
  KOERS_PROPERTY_TIMESTAMPS (KoersCapacity),
};

KOERS_DEFINE_MODEL_TYPE (KoersCapacity, koers_capacity)

KoersCapacity *
koers_capacity_new (gint64      department_id,
                    const char *period,
                    double      days,
                    double      budget)
{
  return g_object_new (KOERS_TYPE_CAPACITY, "department-id", department_id, "period", period,
                       "days", days, "budget", budget, NULL);
}

KOERS_DEFINE_GETTER (KoersCapacity, koers_capacity, KOERS_IS_CAPACITY, gint64, id, 0)
KOERS_DEFINE_GETTER (KoersCapacity, koers_capacity, KOERS_IS_CAPACITY, const char *, uuid, NULL)
KOERS_DEFINE_GETTER (KoersCapacity, koers_capacity, KOERS_IS_CAPACITY, gint64, department_id, 0)
KOERS_DEFINE_GETTER (KoersCapacity, koers_capacity, KOERS_IS_CAPACITY, const char *, period, NULL)
KOERS_DEFINE_GETTER (KoersCapacity, koers_capacity, KOERS_IS_CAPACITY, double, days, 0.0)
KOERS_DEFINE_GETTER (KoersCapacity, koers_capacity, KOERS_IS_CAPACITY, double, budget, 0.0)

void
koers_capacity_use_compute (KoersCapacityUse  *use,
                            GListModel        *objectives,
                            gint64             department_id,
                            const KoersPeriod *period,
                            KoersCapacity     *capacity)
{
  g_autofree char *key = koers_period_to_string (period);
  guint            n = g_list_model_get_n_items (objectives);

  memset (use, 0, sizeof *use);
  if (capacity != NULL)
    {
      use->has_capacity = TRUE;
      use->available = capacity->days;
      use->budget = capacity->budget;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);
      double effort = koers_objective_get_effort_days (objective);

      if (koers_objective_get_department_id (objective) != department_id ||
          koers_objective_get_archived (objective) ||
          g_strcmp0 (koers_objective_get_period (objective), key) != 0)
        continue;

      use->n_objectives++;
      if (koers_objective_get_kind (objective) == KOERS_OBJECTIVE_KIND_COMMITTED)
        {
          use->committed += effort;
          if (effort <= 0.0)
            use->n_unestimated++;
        }
      else
        use->aspirational += effort;

      switch (koers_objective_get_request_state (objective))
        {
        case KOERS_REQUEST_STATE_APPROVED:
          use->available += koers_objective_get_request_days (objective);
          use->budget += koers_objective_get_request_budget (objective);
          use->n_requests++;
          break;
        case KOERS_REQUEST_STATE_REQUESTED:
          use->requested += koers_objective_get_request_days (objective);
          use->n_requests++;
          break;
        case KOERS_REQUEST_STATE_DECLINED:
          use->n_requests++;
          break;
        case KOERS_REQUEST_STATE_NONE:
        default:
          break;
        }
    }
}

double
koers_capacity_use_get_committed_share (const KoersCapacityUse *use)
{
  return use->available > 0.0 ? use->committed / use->available : 0.0;
}

double
koers_capacity_use_get_total_share (const KoersCapacityUse *use)
{
  return use->available > 0.0 ? (use->committed + use->aspirational) / use->available : 0.0;
}

char *
koers_capacity_use_describe (const KoersCapacityUse *use)
{
  KoersLanguage    lang = koers_format_get_language ();
  g_autofree char *committed = NULL;
  g_autofree char *total = NULL;

  if (!use->has_capacity || use->available <= 0.0)
    {
      g_autofree char *days = koers_format_number (lang, use->committed + use->aspirational, 1);

      /* Translators: %s is a number of person-days. */
      return g_strdup_printf (_ ("No capacity set for this quarter; the objectives need %s person-days."),
                              days);
    }

  committed = koers_format_percent (lang, 100.0 * koers_capacity_use_get_committed_share (use), 0);
  total = koers_format_percent (lang, 100.0 * koers_capacity_use_get_total_share (use), 0);
  /* Translators: both %s are percentages, "85%" and "118%". */
  return g_strdup_printf (_ ("Committed work uses %s of capacity; with aspirational work %s."),
                          committed, total);
}

double
koers_capacity_fte_to_days (double fte,
                            double days_per_fte)
{
  return fte * (days_per_fte > 0.0 ? days_per_fte : KOERS_CAPACITY_DEFAULT_DAYS_PER_FTE);
}

gboolean
koers_capacity_parse_amount (const char *text,
                             double      max,
                             double     *out,
                             GError    **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr (GError) local = NULL;
  double value;

  if (*stripped == '\0')
    {
      *out = 0.0;
      return TRUE;
    }
  if (!koers_parse_number (koers_format_get_language (), stripped, &value, &local) &&
      g_error_matches (local, KOERS_PARSE_ERROR, KOERS_PARSE_ERROR_RANGE))
    value = G_MAXDOUBLE; /* said below, with the limit */
  else if (local != NULL)
    {
      g_set_error (error, KOERS_PARSE_ERROR, KOERS_PARSE_ERROR_INVALID,
                   _ ("Not a number: %s"), local->message);
      return FALSE;
    }
  if (value < 0.0)
    {
      g_set_error_literal (error, KOERS_PARSE_ERROR, KOERS_PARSE_ERROR_RANGE,
                           _ ("Must be 0 or more"));
      return FALSE;
    }
  if (value > max)
    {
      g_autofree char *limit = koers_format_number (koers_format_get_language (), max, 0);

      g_set_error (error, KOERS_PARSE_ERROR, KOERS_PARSE_ERROR_RANGE,
                   _ ("Too large: at most %s"), limit);
      return FALSE;
    }
  *out = value;
  return TRUE;
}
