/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "koers-enums.h"
#include "koers-objective.h"

G_BEGIN_DECLS

/* An objective's resource request (the method: teams "mogen zelfs iets
 * méér middelen vragen dan beschikbaar" for aspirational work): extra
 * person-days, a budget in euro and a short reason, held by the objective
 * itself (koers_objective_get_request_days() …), answered by management
 * with approve or decline and a note. */

/* The largest effort or request in person-days, and budget in euro, that
 * the editor takes: more is a typing error (a budget of 10^16). */
#define KOERS_RESOURCE_MAX_DAYS 1e6
#define KOERS_RESOURCE_MAX_BUDGET 1e12

/* TRUE when the objective asks for days, budget or states a reason. */
gboolean koers_resource_request_is_asked (KoersObjective *objective);

/* "none", "requested", "approved", "declined": the database's and JSON's. */
const char *koers_request_state_to_string (KoersRequestState state);

/* "Requested", "Approved", "Declined", "" for none, translated. */
const char *koers_request_state_get_label (KoersRequestState state);

/* "12 person-days and € 25.000" (either may be missing), in the
 * interface language. */
char *koers_resource_request_describe (KoersObjective *objective);

G_END_DECLS
