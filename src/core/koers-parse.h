/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "koers-format.h"

G_BEGIN_DECLS

#define KOERS_PARSE_ERROR (koers_parse_error_quark ())

typedef enum
{
  KOERS_PARSE_ERROR_EMPTY,
  KOERS_PARSE_ERROR_INVALID,   /* not a number at all */
  KOERS_PARSE_ERROR_SEPARATOR, /* a separator in the wrong place or twice */
  KOERS_PARSE_ERROR_RANGE,     /* too large, or not finite */
} KoersParseError;

GQuark koers_parse_error_quark (void);

/* Reads a value as people type it, the reverse of koers-format:
 *   nl: "1.200"  "8,5"  "€ 250.000"  "25%"  "25 %"  "-3"
 *   en: "1,200"  "8.5"  "€250,000"   "25%"  "25 %"  "-3"
 * A euro sign or "EUR" may stand before or after the number, a percent
 * sign after it; thousands separators must group by three.  The error
 * says, in the UI language, what is wrong. */
gboolean koers_parse_number (KoersLanguage lang,
                             const char   *text,
                             double       *out,
                             GError      **error);

G_END_DECLS
