/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "core/koers-format.h"

G_BEGIN_DECLS

/* Appends text (a user's: a name, a title, a note) to out as HTML text:
 * & < > " ' escaped, so that it is never markup; bidi embedding,
 * override and isolate controls (U+202A..U+202E, U+2066..U+2069) and
 * other control characters written as a visible "[U+202E]", so that a
 * hostile name shows what it holds instead of turning the page around.
 * Invalid UTF-8 becomes U+FFFD. */
void koers_html_append_text (GString    *out,
                             const char *text);
/* The same, wrapped in <bdi>…</bdi>: a right-to-left name stays inside
 * its own box. */
void koers_html_append_user_text (GString    *out,
                                  const char *text);

/* The dashboard's own words (those the PDF report has are taken from
 * koers-report-strings.h), in English and Dutch: the page speaks the
 * language it is written in, whatever the interface's. */
typedef enum
{
  KOERS_HTML_STR_TITLE,
  KOERS_HTML_STR_DATA_AS_OF,
  KOERS_HTML_STR_NO_DATA_TIME,
  KOERS_HTML_STR_CONTENTS,
  KOERS_HTML_STR_NEEDS_ATTENTION,
  KOERS_HTML_STR_STATUS_COUNTS,
  KOERS_HTML_STR_NO_ATTENTION_KPIS,
  KOERS_HTML_STR_KPIS_ATTENTION,
  KOERS_HTML_STR_CHART_STATUS_ALT,
  KOERS_HTML_STR_CHART_SCORES_ALT,
  KOERS_HTML_STR_CHART_KR_ALT,
  KOERS_HTML_STR_CHART_KPI_ALT,
  KOERS_HTML_STR_COUNT,
  KOERS_HTML_STR_NO_VALUE,
  N_KOERS_HTML_STRS
} KoersHtmlStr;

const char *koers_html_str (KoersLanguage lang,
                            KoersHtmlStr  id);

G_END_DECLS
