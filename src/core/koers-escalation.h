/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A committed objective or key result at risk, escalated to management
 * (the method: a committed OKR at risk must "tijdig geëscaleerd worden
 * naar het management"): why, what help is asked, who raised it and when;
 * then, once resolved, how, by whom and when.  key-result-id is 0 when it
 * is about the objective as a whole.  Properties: id, uuid, objective-id,
 * key-result-id, reason, help, raised-by, raised-at, resolved,
 * resolution, resolved-by, resolved-at (µs since the epoch; 0 unset). */
#define KOERS_TYPE_ESCALATION (koers_escalation_get_type ())
G_DECLARE_FINAL_TYPE (KoersEscalation, koers_escalation, KOERS, ESCALATION, GObject)

KoersEscalation *koers_escalation_new (gint64      objective_id,
                                       gint64      key_result_id,
                                       const char *reason,
                                       const char *help);
gint64           koers_escalation_get_id (KoersEscalation *self);
const char      *koers_escalation_get_uuid (KoersEscalation *self);
gint64           koers_escalation_get_objective_id (KoersEscalation *self);
gint64           koers_escalation_get_key_result_id (KoersEscalation *self);
const char      *koers_escalation_get_reason (KoersEscalation *self);
const char      *koers_escalation_get_help (KoersEscalation *self);
const char      *koers_escalation_get_raised_by (KoersEscalation *self);
gint64           koers_escalation_get_raised_at (KoersEscalation *self);
gboolean         koers_escalation_get_resolved (KoersEscalation *self);
const char      *koers_escalation_get_resolution (KoersEscalation *self);
const char      *koers_escalation_get_resolved_by (KoersEscalation *self);
gint64           koers_escalation_get_resolved_at (KoersEscalation *self);

/* The reason and the help asked must not be blank: a translated message
 * when one is. */
gboolean koers_escalation_validate (const char *reason,
                                    const char *help,
                                    GError    **error);

G_END_DECLS
