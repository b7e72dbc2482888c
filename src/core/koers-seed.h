/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "koers-format.h"

G_BEGIN_DECLS

/* The seed (okr-kader.txt) as data: its nine departments, which a new
 * database starts with, and the text type that holds a text in both
 * languages, not through gettext, so that a database or a report can be
 * made in either language whatever the session's catalogue is.  The
 * seed's example OKRs and KPIs are the templates (src/io/templates.json,
 * read by src/io/koers-templates.c). */

typedef struct
{
  const char *en;
  const char *nl;
} KoersSeedText;

/* The text in lang; "" for a NULL text or a missing translation. */
const char *koers_seed_text_get (const KoersSeedText *text,
                                 KoersLanguage        lang);

typedef struct
{
  const char   *key; /* stable, ASCII: "finance", "customer-service" … */
  const char   *emoji;
  KoersSeedText name; /* { "Finance", "Financiën" } */
} KoersSeedDepartment;

/* The nine departments, in the seed's order. */
const KoersSeedDepartment *koers_seed_get_departments (guint *n_departments);
const char                *koers_seed_department_get_name (const KoersSeedDepartment *department,
                                                           KoersLanguage              lang);
/* Index of the department with that key, or -1. */
int koers_seed_find_department (const char *key);

G_END_DECLS
