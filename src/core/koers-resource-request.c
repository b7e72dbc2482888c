/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "koers-enum-types.h"
#include "koers-format.h"
#include "koers-resource-request.h"

gboolean
koers_resource_request_is_asked (KoersObjective *objective)
{
  const char *reason;

  g_return_val_if_fail (KOERS_IS_OBJECTIVE (objective), FALSE);

  reason = koers_objective_get_request_reason (objective);
  return koers_objective_get_request_days (objective) > 0.0 ||
         koers_objective_get_request_budget (objective) > 0.0 ||
         (reason != NULL && *reason != '\0');
}

const char *
koers_request_state_to_string (KoersRequestState state)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (KOERS_TYPE_REQUEST_STATE);
  GEnumValue *value = g_enum_get_value (klass, state);

  return value != NULL ? value->value_nick : "none";
}

const char *
koers_request_state_get_label (KoersRequestState state)
{
  switch (state)
    {
    case KOERS_REQUEST_STATE_REQUESTED:
      return _ ("Requested");
    case KOERS_REQUEST_STATE_APPROVED:
      return _ ("Approved");
    case KOERS_REQUEST_STATE_DECLINED:
      return _ ("Declined");
    case KOERS_REQUEST_STATE_NONE:
    default:
      return "";
    }
}

char *
koers_resource_request_describe (KoersObjective *objective)
{
  KoersLanguage    lang = koers_format_get_language ();
  double           days = koers_objective_get_request_days (objective);
  double           budget = koers_objective_get_request_budget (objective);
  g_autofree char *days_text = NULL;
  g_autofree char *budget_text = NULL;

  if (days > 0.0)
    {
      g_autofree char *number = koers_format_number (lang, days, 1);

      /* Translators: %s is a number; person-days of work. */
      days_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person-day", "%s person-days",
                                                days == 1.0 ? 1 : 2),
                                   number);
    }
  if (budget > 0.0)
    budget_text = koers_format_money (lang, budget);

  if (days_text != NULL && budget_text != NULL)
    /* Translators: "12 person-days and € 25.000". */
    return g_strdup_printf (_ ("%s and %s"), days_text, budget_text);
  if (days_text != NULL)
    return g_steal_pointer (&days_text);
  if (budget_text != NULL)
    return g_steal_pointer (&budget_text);
  return g_strdup (_ ("Nothing asked"));
}
