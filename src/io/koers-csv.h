/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "core/koers-format.h"
#include "koers-export-filter.h"
#include "store/koers-store.h"

G_BEGIN_DECLS

/* The seed's reporting template as CSV: one row per key result (an
 * objective without key results gets one row of its own) with the columns
 * Level (the department), Objective, Key result, Start, Target, Current,
 * Status, Owner (the key result's, else the objective's).  The header row
 * and the values are in lang (values through koers-format, the status as
 * koers_kr_status_get_word() says it), whatever the interface language.
 * RFC 4180: UTF-8, fields with , " CR or LF quoted, quotes doubled, CRLF
 * line ends.  A text field that starts with = + - @ tab or CR gets a
 * leading ' (a spreadsheet would run it as a formula); numbers do not. */

/* today: for the status (expected progress); NULL is koers_date_today(). */
char *koers_csv_export_to_string (KoersStore              *store,
                                  const KoersExportFilter *filter,
                                  KoersLanguage            lang,
                                  const GDate             *today,
                                  GError                 **error);
/* Writes atomically (a temporary file renamed over path). */
gboolean koers_csv_export (KoersStore              *store,
                           const KoersExportFilter *filter,
                           KoersLanguage            lang,
                           const char              *path,
                           GError                 **error);

/* TRUE when field starts with a character that makes a spreadsheet read a
 * formula (= + - @ tab CR) and is not a number. */
gboolean koers_csv_needs_formula_guard (const char *field);
/* One field, quoted when it must be, with a ' before a formula. */
void koers_csv_append_field (GString    *out,
                             const char *field);
/* n fields separated by commas, then CRLF. */
void koers_csv_append_row (GString           *out,
                           const char *const *fields,
                           guint              n);

G_END_DECLS
