/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "koers-enums.h"

G_BEGIN_DECLS

/* A period is a quarter ("2026-Q2"), a year ("2026") or a custom range
 * ("2026-01-15/2026-03-31", ISO 8601 interval).  The string is the key
 * stored in the database and in JSON. */
typedef struct
{
  KoersPeriodKind kind;
  int             year;    /* for quarter and year */
  int             quarter; /* 1..4 for a quarter, 0 otherwise */
  GDate           start;   /* first day, inclusive */
  GDate           end;     /* last day, inclusive */
} KoersPeriod;

#define KOERS_TYPE_PERIOD (koers_period_get_type ())
GType koers_period_get_type (void) G_GNUC_CONST;

KoersPeriod *koers_period_copy (const KoersPeriod *self);
void         koers_period_free (KoersPeriod *self);

void     koers_period_init_quarter (KoersPeriod *self, int year, int quarter);
void     koers_period_init_year (KoersPeriod *self, int year);
gboolean koers_period_init_range (KoersPeriod *self, const GDate *start, const GDate *end);
/* The quarter that holds date. */
void koers_period_init_for_date (KoersPeriod *self, const GDate *date);

gboolean koers_period_parse (const char  *str,
                             KoersPeriod *out,
                             GError     **error);
char    *koers_period_to_string (const KoersPeriod *self);
gboolean koers_period_equal (const KoersPeriod *a, const KoersPeriod *b);
gboolean koers_period_contains_date (const KoersPeriod *self, const GDate *date);
/* True when the periods share at least one day: a yearly company
 * objective shows in each quarter of its year. */
gboolean koers_period_overlaps (const KoersPeriod *a, const KoersPeriod *b);
int      koers_period_n_days (const KoersPeriod *self);
/* The quarter before/after a quarter; for a year, the year before/after. */
void koers_period_previous (const KoersPeriod *self, KoersPeriod *out);
void koers_period_next (const KoersPeriod *self, KoersPeriod *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersPeriod, koers_period_free)

G_END_DECLS
