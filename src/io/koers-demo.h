/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "core/koers-format.h"

G_BEGIN_DECLS

/* Writes a NEW demo database at path (refused when the file exists): the
 * company level and the seed's departments with the templates' OKRs
 * (koers-templates.h) in language, in the current quarter (and year) of
 * koers_date_today(), department objectives aligned to the company's, and weekly check-ins
 * from the quarter's start up to today; and the KPI templates with their
 * history up to today (weekly ones a quarter back, monthly ones a year),
 * the churn and website-visits key results linked to theirs.  The same
 * KOERS_TODAY gives the same content (ids, values, dates, texts; uuids
 * and stamps differ). */
gboolean koers_demo_create (const char   *path,
                            KoersLanguage language,
                            GError      **error);

G_END_DECLS
