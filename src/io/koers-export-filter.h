/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/koers-store.h"

G_BEGIN_DECLS

#define KOERS_EXPORT_FILTER_ERROR (koers_export_filter_error_quark ())

typedef enum
{
  KOERS_EXPORT_FILTER_ERROR_PERIOD,     /* a period key that does not parse */
  KOERS_EXPORT_FILTER_ERROR_DEPARTMENT, /* no department with that name */
} KoersExportFilterError;

GQuark koers_export_filter_error_quark (void);

/* What an export (JSON, CSV, report) holds.  NULL or an empty list takes
 * everything.
 *   periods:     period keys ("2026-Q2", "2026", "2026-01-15/2026-03-31");
 *                an objective is taken when its period shares a day with
 *                one of them, as the window shows it (a yearly company
 *                objective belongs to each of its quarters).
 *   departments: department names (exact, else ignoring case); a
 *                department brings its teams. */
typedef struct
{
  const char *const *periods;
  const char *const *departments;
} KoersExportFilter;

/* The objectives the filter takes, in the window's order: departments as
 * the sidebar lists them (the company first), then period and position
 * (new array of references).  Errors are KOERS_EXPORT_FILTER_ERROR, translated. */
GPtrArray *koers_export_filter_select_objectives (const KoersExportFilter *filter,
                                                  KoersStore              *store,
                                                  GError                 **error);

/* The filter's periods, parsed (new array of KoersPeriod, empty for
 * every period); KOERS_EXPORT_FILTER_ERROR_PERIOD names one that does not
 * parse. */
GArray *koers_export_filter_parse_periods (const KoersExportFilter *filter,
                                           GError                 **error);

/* The department ids the filter takes (a set of gint64), or NULL for all. */
GHashTable *koers_export_filter_select_departments (const KoersExportFilter *filter,
                                                    KoersStore              *store,
                                                    GError                 **error);

G_END_DECLS
