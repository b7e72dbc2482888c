/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "koers-quality-private.h"

/* Word lists for the text rules, English and Dutch together: a title is
 * checked against both, because people mix them ("Release 4.1 uitrollen").
 * All entries are case-folded. */

typedef struct
{
  const char *stem;
  gboolean    prefix; /* the word starts with stem; else it is stem */
  const char *next;   /* a word that must follow ("roll" "out"), or NULL */
} Word;

/* Verbs and nouns of doing rather than achieving: the seed's "Lancering
 * van versie 4.1".  Stems catch the forms: launch/launched/launching,
 * implementeer/implementeren/implementatie, lever/leveren/levering. */
static const Word activity_words[] = {
  { "launch", TRUE, NULL },
  { "implement", TRUE, NULL },
  { "deliver", TRUE, NULL },
  { "release", TRUE, NULL },
  { "introduc", TRUE, NULL },
  { "organis", TRUE, NULL },
  { "organiz", TRUE, NULL },
  { "develop", TRUE, NULL },
  { "rollout", TRUE, NULL },
  { "roll", TRUE, "out" },
  { "run", FALSE, NULL },
  { "runs", FALSE, NULL },
  { "ship", FALSE, NULL },
  { "ships", FALSE, NULL },
  { "shipped", FALSE, NULL },
  { "lanceer", TRUE, NULL },
  { "lancer", TRUE, NULL },
  { "gelanceerd", FALSE, NULL },
  { "geïmplementeerd", FALSE, NULL },
  { "lever", TRUE, NULL },
  { "oplever", TRUE, NULL },
  { "opgeleverd", FALSE, NULL },
  { "georganiseerd", FALSE, NULL },
  { "ontwikkel", TRUE, NULL },
  { "uitrol", TRUE, NULL },
  { "uitgerold", FALSE, NULL },
  { "uitvoer", TRUE, NULL },
  { "voer", FALSE, NULL },
  { "voeren", FALSE, NULL },
};

/* Words the stems above would catch that name a thing, not an act. */
static const char *const not_activity_words[] = {
  "organisation",
  "organisations",
  "organization",
  "organizations",
  "organisatie",
  "organisaties",
  "development",
  "developments",
  "developer",
  "developers",
  "ontwikkeling",
  "ontwikkelingen",
  "ontwikkelaar",
  "ontwikkelaars",
  "leverancier",
  "leveranciers",
};

/* Words that count something, as a number would. */
static const char *const number_words[] = {
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "twenty",
  "thirty",
  "fifty",
  "hundred",
  "thousand",
  "million",
  "billion",
  "half",
  "double",
  "triple",
  "twice",
  "dozen",
  "twee",
  "drie",
  "vier",
  "vijf",
  "zes",
  "zeven",
  "acht",
  "negen",
  "tien",
  "elf",
  "twaalf",
  "twintig",
  "dertig",
  "vijftig",
  "honderd",
  "duizend",
  "miljoen",
  "miljard",
  "helft",
  "dubbel",
  "verdubbel",
  "verdubbelen",
  "verdubbeling",
  "verdrievoudig",
  "verdrievoudigen",
};

/* A day number next to a month is a date, not a quantity: the seed's
 * "Implementeer het nieuwe klantportaal vóór 30 juni" counts nothing. */
static const char *const month_words[] = {
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "januari",
  "februari",
  "maart",
  "mei",
  "juni",
  "juli",
  "augustus",
  "oktober",
  "okt",
};

/* A number after one of these is a version, not a quantity. */
static const char *const version_words[] = {
  "version",
  "versions",
  "versie",
  "versies",
  "v",
  "release",
  "build",
};

/* The seed: "“1 miljoen gebruikers” — bedoel je totaal, of actieve
 * gebruikers in 7 dagen?" */
static const char *const ambiguous_metric_words[] = {
  "user",
  "users",
  "customer",
  "customers",
  "client",
  "clients",
  "gebruiker",
  "gebruikers",
  "klant",
  "klanten",
};

/* What says which users: a kind (active, new, existing, all) or a time
 * window (per month, in 7 days). */
static const char *const metric_qualifiers[] = {
  "active",
  "inactive",
  "total",
  "new",
  "paying",
  "returning",
  "existing",
  "current",
  "unique",
  "registered",
  "all",
  "daily",
  "weekly",
  "monthly",
  "day",
  "days",
  "week",
  "weeks",
  "month",
  "months",
  "actief",
  "actieve",
  "inactieve",
  "totaal",
  "totale",
  "nieuw",
  "nieuwe",
  "betalende",
  "terugkerende",
  "bestaande",
  "huidige",
  "unieke",
  "geregistreerde",
  "alle",
  "dagelijks",
  "dagelijkse",
  "wekelijks",
  "wekelijkse",
  "maandelijks",
  "maandelijkse",
  "dag",
  "dagen",
  "weken",
  "maand",
  "maanden",
};

/* GDPR article 6's legal bases, and the words for "legal basis". */
static const char *const legal_basis_phrases[] = {
  "legal basis",
  "lawful basis",
  "legal ground",
  "consent",
  "contract",
  "legitimate interest",
  "legal obligation",
  "vital interest",
  "public interest",
  "public task",
  "article 6",
  "art. 6",
  "art 6",
  "rechtsgrond",
  "grondslag",
  "toestemming",
  "overeenkomst",
  "gerechtvaardigd belang",
  "gerechtvaardigde belang",
  "wettelijke verplichting",
  "vitaal belang",
  "vitale belang",
  "algemeen belang",
  "artikel 6",
};

typedef struct
{
  const char *start; /* in the text as written */
  gsize       len;
  char       *fold;
  gboolean    numeric;
  gboolean    hyphen_after; /* "two-factor": part of a compound */
} Token;

static void
token_clear (gpointer data)
{
  Token *token = data;

  g_clear_pointer (&token->fold, g_free);
}

/* Case-folded and composed, so "geïmplementeerd" typed either way
 * matches.  Most words are ASCII, where lower case is all the folding
 * there is: normalising each word of a company's titles cost more than
 * the rest of its check. */
static char *
fold_word (const char *start,
           gsize       len)
{
  g_autofree char *folded = NULL;

  for (gsize i = 0; i < len; i++)
    if ((guchar) start[i] >= 0x80)
      {
        folded = g_utf8_casefold (start, (gssize) len);
        return g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);
      }

  return g_ascii_strdown (start, (gssize) len);
}

/* The character at p: ASCII, most of every title, without the UTF-8
 * decoder and Unicode's tables. */
static inline gunichar
read_char (const char *p)
{
  return (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);
}

static inline gboolean
is_alnum (gunichar c)
{
  return c < 0x80 ? g_ascii_isalnum ((char) c) : g_unichar_isalnum (c);
}

/* Words are runs of letters and digits; a '.' or ',' between two digits
 * stays inside ("1.200", "4,5"), so a number is one token. */
static GArray *
tokenize (const char *text)
{
  GArray     *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  const char *p = text;
  const char *start = NULL;
  gunichar    prev = 0;

  g_array_set_clear_func (tokens, token_clear);

  if (text == NULL)
    return tokens;

  for (;;)
    {
      gunichar c = read_char (p);
      gboolean inside;

      if (c == 0)
        inside = FALSE;
      else if (is_alnum (c))
        inside = TRUE;
      else if ((c == '.' || c == ',') && start != NULL && g_unichar_isdigit (prev))
        inside = g_unichar_isdigit (read_char (g_utf8_next_char (p)));
      else
        inside = FALSE;

      if (inside && start == NULL)
        start = p;
      else if (!inside && start != NULL)
        {
          Token token = { start, (gsize) (p - start), NULL, TRUE, FALSE };

          token.fold = fold_word (start, token.len);
          for (const char *q = token.fold; *q != '\0'; q = g_utf8_next_char (q))
            {
              gunichar d = read_char (q);

              if (!g_unichar_isdigit (d) && d != '.' && d != ',')
                {
                  token.numeric = FALSE;
                  break;
                }
            }
          token.hyphen_after = c == '-' && is_alnum (read_char (g_utf8_next_char (p)));
          g_array_append_val (tokens, token);
          start = NULL;
        }

      if (c == 0)
        break;

      prev = c;
      p = g_utf8_next_char (p);
    }

  return tokens;
}

/* A list as a set, made on first use (from any thread): a company's
 * check looks up every word of thousands of titles, and walking the lists
 * word by word was most of its text rules. */
static gboolean
in_list (const char        *word,
         const char *const *list,
         gsize              n,
         GHashTable       **set)
{
  if (g_once_init_enter (set))
    {
      GHashTable *made = g_hash_table_new (g_str_hash, g_str_equal);

      for (gsize i = 0; i < n; i++)
        g_hash_table_add (made, (gpointer) list[i]);
      g_once_init_leave (set, made);
    }

  return g_hash_table_contains (*set, word);
}

static GHashTable *number_words_set, *month_words_set, *version_words_set;
static GHashTable *not_activity_words_set, *metric_qualifiers_set, *ambiguous_metric_words_set;

#define IN_LIST(word, list) in_list ((word), (list), G_N_ELEMENTS (list), &list##_set)

static gboolean
tokens_have_quantity (GArray *tokens)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);
      Token *before = i > 0 ? &g_array_index (tokens, Token, i - 1) : NULL;
      Token *after = i + 1 < tokens->len ? &g_array_index (tokens, Token, i + 1) : NULL;

      if (IN_LIST (token->fold, number_words) && !token->hyphen_after)
        return TRUE;

      if (!token->numeric)
        continue;
      if (before != NULL && IN_LIST (before->fold, version_words))
        continue;
      if ((before != NULL && IN_LIST (before->fold, month_words)) ||
          (after != NULL && IN_LIST (after->fold, month_words)))
        continue;

      return TRUE;
    }

  return FALSE;
}

gboolean
koers_quality_text_has_quantity (const char *text)
{
  g_autoptr (GArray) tokens = tokenize (text);

  return tokens_have_quantity (tokens);
}

static gboolean
word_matches (const Word *word,
              GArray     *tokens,
              guint       index)
{
  Token *token = &g_array_index (tokens, Token, index);

  /* Most words differ at once. */
  if (token->fold[0] != word->stem[0])
    return FALSE;
  if (word->prefix ? !g_str_has_prefix (token->fold, word->stem)
                   : !g_str_equal (token->fold, word->stem))
    return FALSE;

  if (word->next != NULL)
    {
      if (index + 1 >= tokens->len)
        return FALSE;
      return g_str_equal (g_array_index (tokens, Token, index + 1).fold, word->next);
    }

  return TRUE;
}

static char *
find_activity (GArray *tokens)
{
  if (tokens_have_quantity (tokens))
    return NULL;

  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);

      if (IN_LIST (token->fold, not_activity_words))
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (activity_words); j++)
        {
          if (word_matches (&activity_words[j], tokens, i))
            {
              /* "Roll out", not "Roll". */
              Token *last = activity_words[j].next != NULL ? &g_array_index (tokens, Token, i + 1) : token;

              return g_strndup (token->start, (gsize) (last->start + last->len - token->start));
            }
        }
    }

  return NULL;
}

char *
koers_quality_text_find_activity (const char *title)
{
  g_autoptr (GArray) tokens = tokenize (title);

  return find_activity (tokens);
}

/* The ambiguous word of the title's tokens and then the unit's, unless
 * one of them qualifies it. */
static char *
find_ambiguous_metric (GArray *title_tokens,
                       GArray *unit_tokens)
{
  GArray *parts[] = { title_tokens, unit_tokens };
  Token  *found = NULL;

  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    for (guint i = 0; i < parts[p]->len; i++)
      {
        Token *token = &g_array_index (parts[p], Token, i);

        if (IN_LIST (token->fold, metric_qualifiers))
          return NULL;
        if (found == NULL && IN_LIST (token->fold, ambiguous_metric_words))
          found = token;
      }

  return found != NULL ? g_strndup (found->start, found->len) : NULL;
}

char *
koers_quality_text_find_ambiguous_metric (const char *title,
                                          const char *unit)
{
  g_autoptr (GArray) title_tokens = tokenize (title);
  g_autoptr (GArray) unit_tokens = tokenize (unit);

  return find_ambiguous_metric (title_tokens, unit_tokens);
}

void
koers_quality_text_read_key_result (const char *title,
                                    const char *unit,
                                    char      **activity,
                                    char      **ambiguous)
{
  g_autoptr (GArray) title_tokens = tokenize (title);
  g_autoptr (GArray) unit_tokens = tokenize (unit);

  *activity = find_activity (title_tokens);
  *ambiguous = find_ambiguous_metric (title_tokens, unit_tokens);
}

gboolean
koers_quality_text_names_legal_basis (const char *note)
{
  g_autofree char *fold = NULL;

  if (note == NULL)
    return FALSE;

  {
    g_autofree char *folded = g_utf8_casefold (note, -1);

    fold = g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  }
  for (guint i = 0; i < G_N_ELEMENTS (legal_basis_phrases); i++)
    {
      if (strstr (fold, legal_basis_phrases[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

gboolean
koers_quality_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

char *
koers_quality_text_expand (const char        *template_text,
                           const char *const *pairs)
{
  GString    *out = g_string_new (NULL);
  const char *p = template_text != NULL ? template_text : "";

  while (*p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close;
      const char *value = NULL;

      if (open == NULL || (close = strchr (open, '}')) == NULL)
        {
          g_string_append (out, p);
          break;
        }

      g_string_append_len (out, p, open - p);

      for (guint i = 0; pairs != NULL && pairs[i] != NULL && pairs[i + 1] != NULL; i += 2)
        {
          if (strlen (pairs[i]) == (gsize) (close - open - 1) &&
              strncmp (pairs[i], open + 1, close - open - 1) == 0)
            {
              value = pairs[i + 1];
              break;
            }
        }

      if (value != NULL)
        g_string_append (out, value);
      else
        g_string_append_len (out, open, close - open + 1);

      p = close + 1;
    }

  return g_string_free (out, FALSE);
}
