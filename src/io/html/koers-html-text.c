/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/koers-seed.h"
#include "koers-html-text.h"

static gboolean
is_hidden_control (gunichar c)
{
  /* Tab and newline are white space in HTML; everything else below the
   * space, DEL and the C1 range are errors in an HTML document. */
  if (c == '\t' || c == '\n')
    return FALSE;
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c ||
         (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
}

/* The entity that writes c in HTML text and attribute values, NULL where
 * c stands for itself. */
static const char *
get_entity (gunichar c)
{
  static const struct
  {
    gunichar    c;
    const char *entity;
  } entities[] = {
    { '&', "&amp;" },
    { '<', "&lt;" },
    { '>', "&gt;" },
    { '"', "&quot;" },
    { '\'', "&#39;" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (entities[i].c == c)
      return entities[i].entity;
  return NULL;
}

void
koers_html_append_text (GString    *out,
                        const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar    c = g_utf8_get_char (p);
      const char *entity = get_entity (c);

      if (c == '\r')
        continue;
      if (entity != NULL)
        g_string_append (out, entity);
      else if (is_hidden_control (c))
        g_string_append_printf (out, "[U+%04X]", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
}

void
koers_html_append_user_text (GString    *out,
                             const char *text)
{
  g_string_append (out, "<bdi>");
  koers_html_append_text (out, text);
  g_string_append (out, "</bdi>");
}

/* English marked with N_() so that the words are in the catalogue (the
 * translators see them); the Dutch column is what the page prints. */
static const KoersSeedText html_texts[N_KOERS_HTML_STRS] = {
  [KOERS_HTML_STR_TITLE] = { N_ ("OKR dashboard"), "OKR-dashboard" },
  [KOERS_HTML_STR_DATA_AS_OF] = { N_ ("Data as of {1}"), "Gegevens van {1}" },
  [KOERS_HTML_STR_NO_DATA_TIME] = { N_ ("Data as of {1} (no changes recorded)"),
                                    "Gegevens van {1} (geen wijzigingen opgetekend)" },
  [KOERS_HTML_STR_CONTENTS] = { N_ ("Contents"), "Inhoud" },
  [KOERS_HTML_STR_NEEDS_ATTENTION] = { N_ ("Needs attention"), "Vraagt aandacht" },
  [KOERS_HTML_STR_STATUS_COUNTS] = { N_ ("Objectives and key results by status"),
                                     "Doelstellingen en sleutelresultaten per status" },
  [KOERS_HTML_STR_NO_ATTENTION_KPIS] = { N_ ("Every KPI is healthy and up to date."),
                                         "Elke KPI is gezond en bijgewerkt." },
  [KOERS_HTML_STR_KPIS_ATTENTION] = { N_ ("KPIs that need attention"), "KPI’s die aandacht vragen" },
  [KOERS_HTML_STR_CHART_STATUS_ALT] = { N_ ("Bar chart of {1} by status: {2}"),
                                        "Staafdiagram van {1} per status: {2}" },
  [KOERS_HTML_STR_CHART_SCORES_ALT] = { N_ ("Bar chart of the score per department against the goal of {1}: {2}"),
                                        "Staafdiagram van de score per afdeling tegenover het streefcijfer {1}: {2}" },
  [KOERS_HTML_STR_CHART_KR_ALT] = { N_ ("Line chart of “{1}”: check-ins against the ideal line; {2}"),
                                    "Lijndiagram van ‘{1}’: check-ins tegenover de ideale lijn; {2}" },
  [KOERS_HTML_STR_CHART_KPI_ALT] = { N_ ("Line chart of the KPI “{1}” over the period; now {2}, {3}"),
                                     "Lijndiagram van de KPI ‘{1}’ over de periode; nu {2}, {3}" },
  [KOERS_HTML_STR_COUNT] = { N_ ("Number"), "Aantal" },
  [KOERS_HTML_STR_NO_VALUE] = { N_ ("no value yet"), "nog geen waarde" },
};

const char *
koers_html_str (KoersLanguage lang,
                KoersHtmlStr  id)
{
  g_return_val_if_fail ((guint) id < N_KOERS_HTML_STRS, "");

  return koers_seed_text_get (&html_texts[id], lang);
}
