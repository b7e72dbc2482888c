/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "koers-text.h"

static gboolean
is_control (gunichar ch)
{
  return ch < 0x20 || (ch >= 0x7f && ch <= 0x9f);
}

/* The character at p, or -1 for a byte that does not start valid UTF-8
 * (then *len is 1). */
static gunichar
read_char (const char *p,
           gsize      *len)
{
  gunichar ch = g_utf8_get_char_validated (p, -1);

  if (ch == (gunichar) -1 || ch == (gunichar) -2)
    {
      *len = 1;
      return (gunichar) -1;
    }

  *len = g_utf8_next_char (p) - p;
  return ch;
}

gunichar
koers_text_find_control (const char *text,
                         gboolean    multi_line)
{
  gsize len;

  for (const char *p = text; p != NULL && *p != '\0'; p += len)
    {
      gunichar ch = read_char (p, &len);

      if (ch == (gunichar) -1 || !is_control (ch))
        continue;
      /* Line ends from another system (CRLF) are line ends too. */
      if (multi_line && (ch == '\n' || ch == '\t' || (ch == '\r' && p[1] == '\n')))
        continue;
      return ch;
    }

  return 0;
}

char *
koers_text_escape_controls (const char *text)
{
  GString *out;
  gsize    len;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p += len)
    {
      gunichar ch;

      /* Printable ASCII, most of any text, in one run. */
      for (len = 0; p[len] >= 0x20 && p[len] < 0x7f; len++)
        ;
      if (len > 0)
        {
          g_string_append_len (out, p, (gssize) len);
          continue;
        }

      ch = read_char (p, &len);
      if (ch == (gunichar) -1)
        g_string_append_printf (out, "\\x%02x", (guint) (guchar) *p);
      else if (is_control (ch) && ch != '\n' && ch != '\t')
        g_string_append_printf (out, "\\u%04x", (guint) ch);
      else
        g_string_append_len (out, p, (gssize) len);
    }

  return g_string_free (out, FALSE);
}

#define FSI 0x2068
#define PDI 0x2069

static gboolean
is_isolate_start (gunichar ch)
{
  /* LRI, RLI, FSI */
  return ch >= 0x2066 && ch <= 0x2068;
}

/* TRUE when text opens an isolate with its first character and closes
 * that one with its last. */
static gboolean
is_one_isolate (const char *text)
{
  int depth = 0;

  if (!is_isolate_start (g_utf8_get_char (text)))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (is_isolate_start (ch))
        depth++;
      else if (ch == PDI && --depth == 0)
        return *g_utf8_next_char (p) == '\0';
    }

  return FALSE;
}

/* TRUE when an embedding or override (LRE, RLE, PDF, LRO, RLO) comes
 * before the first letter.  Pango takes the direction of a line from its
 * first strong character, isolates or not, and counts these as strong: an
 * RLO there would make the whole line right-to-left. */
static gboolean
starts_with_override (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch >= 0x202a && ch <= 0x202e)
        return TRUE;
      if (g_unichar_isalpha (ch))
        return FALSE;
    }

  return FALSE;
}

char *
koers_text_isolate (const char *text)
{
  g_autofree char *valid = NULL;
  GString         *out;
  int              depth = 0;

  if (text == NULL || text[0] == '\0')
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  if (is_one_isolate (valid))
    return g_steal_pointer (&valid);

  out = g_string_sized_new (strlen (valid) + 6);
  g_string_append_unichar (out, FSI);
  /* A LEFT-TO-RIGHT MARK first: the isolate's direction is what the
   * Unicode algorithm gives it (the letters after an override are not
   * right-to-left of their own), and Pango no longer turns the line. */
  if (starts_with_override (valid))
    g_string_append_unichar (out, 0x200e);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (is_isolate_start (ch))
        depth++;
      else if (ch == PDI && depth-- == 0)
        {
          depth = 0;
          continue;
        }
      g_string_append_unichar (out, ch);
    }
  g_string_append_unichar (out, PDI);

  return g_string_free (out, FALSE);
}

void
koers_text_append_one_line (GString    *out,
                            const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    g_string_append_c (out, (*p == '\n' || *p == '\r' || *p == '\t') ? ' ' : *p);
}
