/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Typesetting the board report: text with no-break spaces where a line
 * must not break, so "€ 250.000", "30 juni 2026", "8,5 %" and a value with
 * its unit ("12 downloads per maand") stay on one line.  The spaces it
 * joins: after a currency sign before a number, between a number and the
 * word or sign after it, between a month's name and a number, and after
 * "per".  NULL when nothing changes (the caller keeps text). */
char *koers_report_glue_text (const char *text);

G_END_DECLS
