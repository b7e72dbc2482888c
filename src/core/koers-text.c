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
  gsize len;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p += len)
    {
      gunichar ch = read_char (p, &len);

      if (ch == (gunichar) -1)
        g_string_append_printf (out, "\\x%02x", (guint) (guchar) *p);
      else if (is_control (ch) && ch != '\n' && ch != '\t')
        g_string_append_printf (out, "\\u%04x", (guint) ch);
      else
        g_string_append_len (out, p, len);
    }

  return g_string_free (out, FALSE);
}
