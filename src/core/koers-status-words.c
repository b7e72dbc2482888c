/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "koers-seed.h"
#include "koers-status-words.h"

#define STATUS_CONTEXT "key result status"

/* English marked for the catalogue (po/nl.po must give the same Dutch, a
 * test holds them together); the Dutch is the reporting template's. */
static const KoersSeedText words[] = {
  [KOERS_KR_STATUS_IN_PROGRESS] = { NC_ ("key result status", "In progress"), "Lopend" },
  [KOERS_KR_STATUS_ON_TRACK] = { NC_ ("key result status", "On track"), "Op schema" },
  [KOERS_KR_STATUS_ACHIEVED] = { NC_ ("key result status", "Achieved"), "Behaald" },
  [KOERS_KR_STATUS_AT_RISK] = { NC_ ("key result status", "At risk"), "In gevaar" },
  [KOERS_KR_STATUS_OFF_TRACK] = { NC_ ("key result status", "Off track"), "Achterop" },
};

/* What earlier versions' CSV files say, so that they still read (NULL:
 * the word never changed). */
static const char *const old_words[G_N_ELEMENTS (words)] = {
  [KOERS_KR_STATUS_AT_RISK] = "Risico",
  [KOERS_KR_STATUS_OFF_TRACK] = "Achter op schema",
};

const char *
koers_kr_status_get_word (KoersKrStatus status,
                          KoersLanguage lang)
{
  if ((guint) status >= G_N_ELEMENTS (words))
    return "";

  return koers_seed_text_get (&words[status], lang);
}

const char *
koers_kr_status_get_label (KoersKrStatus status)
{
  if ((guint) status >= G_N_ELEMENTS (words))
    return "";

  return g_dpgettext2 (GETTEXT_PACKAGE, STATUS_CONTEXT, words[status].en);
}

static gboolean
equal_folded (const char *folded,
              const char *word)
{
  g_autofree char *other = g_utf8_casefold (word, -1);

  return strcmp (folded, other) == 0;
}

gboolean
koers_kr_status_parse_word (const char    *word,
                            KoersKrStatus *out)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;
  const char      *p;

  if (word == NULL || !g_utf8_validate (word, -1, NULL))
    return FALSE;

  /* The template writes a coloured dot before the word: skip whatever
   * comes before the first letter. */
  p = word;
  while (*p != '\0' && !g_unichar_isalpha (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  trimmed = g_strstrip (g_strdup (p));
  folded = g_utf8_casefold (trimmed, -1);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      if (equal_folded (folded, words[i].en) || equal_folded (folded, words[i].nl) ||
          (old_words[i] != NULL && equal_folded (folded, old_words[i])))
        {
          if (out != NULL)
            *out = (KoersKrStatus) i;
          return TRUE;
        }
    }

  return FALSE;
}
