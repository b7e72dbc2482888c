/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "koers-enums.h"
#include "koers-period.h"

G_BEGIN_DECLS

/* One place that turns numbers, money, percentages, dates and periods into
 * text, for the UI, the PDF, CSV and messages.  It does not use setlocale:
 * Debian does not generate nl_BE by default, so the rules are built in.
 *   nl: "€ 250.000"  "8,5"  "25%"  "30 juni 2026"  "Q2 2026"
 *   en: "€250,000"   "8.5"  "25%"  "30 June 2026"  "Q2 2026" */
typedef enum
{
  KOERS_LANGUAGE_EN,
  KOERS_LANGUAGE_NL,
} KoersLanguage;

/* The language of the user interface: set by the application, else taken
 * from the environment the way gettext does (LANGUAGE, LC_ALL, LC_MESSAGES,
 * LANG). */
KoersLanguage koers_format_get_language (void);
void          koers_format_set_language (KoersLanguage language);
KoersLanguage koers_language_from_string (const char *code); /* "nl", "nl_BE.UTF-8", "en" … */
const char   *koers_language_to_string (KoersLanguage language);

/* Grouped thousands, at most max_decimals decimals, trailing zeros dropped. */
char *koers_format_number (KoersLanguage lang, double value, int max_decimals);
/* Euro amounts: whole euros unless there are cents. */
char *koers_format_money (KoersLanguage lang, double value);
/* value is already in percent: 25 -> "25%". */
char *koers_format_percent (KoersLanguage lang, double value, int max_decimals);
/* A key result's value with its unit, by metric kind: milestone 0/1 gives
 * "Not done"/"Done" (translated). */
char *koers_format_metric (KoersLanguage lang, KoersMetricKind kind, const char *unit, double value);
/* A score with fixed decimals: 0.7 -> "0,70" (nl) with decimals 2. */
char *koers_format_score (KoersLanguage lang, double score, int decimals);
/* A signed change: "+0,12", "−0,05". */
char *koers_format_delta (KoersLanguage lang, double delta, int decimals);
char *koers_format_date (KoersLanguage lang, const GDate *date);
/* ISO in, formatted out; NULL or bad input gives NULL. */
char *koers_format_date_iso (KoersLanguage lang, const char *iso);
char *koers_format_month (KoersLanguage lang, int month); /* 1..12 */
/* "Mar" / "mrt": the short form for chart axes. */
char *koers_format_month_short (KoersLanguage lang, int month);
/* "Q2 2026", "2026", "15 januari 2026 – 31 maart 2026". */
char *koers_format_period (KoersLanguage lang, const KoersPeriod *period);

G_END_DECLS
