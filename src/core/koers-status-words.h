/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "koers-enums.h"
#include "koers-format.h"

G_BEGIN_DECLS

/* The words of a key result's status, in one place for the window, the
 * PDF, the CSV, `koers --check` and the JSON documentation: the seed's
 * reporting template (Op schema / Behaald / Lopend) plus In gevaar and
 * Achterop; in English On track / Achieved / In progress / At risk /
 * Off track.  "Lopend" is the template's word for a key result under way
 * (its HR line, 7,2 → 8,0), see koers_score_key_result_status(). */

/* The word in lang, whatever gettext's catalogue is: for the PDF, CSV and
 * --check, which write in a language of their own. */
const char *koers_kr_status_get_word (KoersKrStatus status,
                                      KoersLanguage lang);
/* The word in the interface's language (gettext), for the window. */
const char *koers_kr_status_get_label (KoersKrStatus status);
/* Reads a status word back: either language's, any case, with or without
 * the template's coloured dot in front ("🔵 Op schema"), and the words
 * Koers's CSV once wrote ("Risico", "Achter op schema").  FALSE for
 * anything else. */
gboolean koers_kr_status_parse_word (const char    *word,
                                     KoersKrStatus *out);

G_END_DECLS
