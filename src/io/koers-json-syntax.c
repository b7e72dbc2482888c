/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "koers-json-private.h"

/* A strict, iterative JSON checker that runs before json-glib sees the
 * text, and the small text helpers the import and export share. */

G_DEFINE_QUARK (koers-json-error-quark, koers_json_error)

/* How much of a member name or number a message repeats. */
#define MAX_SHOWN 64

typedef struct
{
  gboolean    is_object;
  guint       index;  /* array: the element being read */
  char       *key;    /* object: the member being read */
  GHashTable *keys;   /* object: the members seen */
} Frame;

typedef enum
{
  STATE_VALUE,
  STATE_KEY,
  STATE_AFTER_VALUE,
  STATE_DONE,
} State;

typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  GArray     *frames;
  GPtrArray  *problems;
} Checker;

static void
frame_clear (Frame *frame)
{
  g_clear_pointer (&frame->key, g_free);
  g_clear_pointer (&frame->keys, g_hash_table_unref);
}

static gboolean
is_identifier (const char *name)
{
  if (!g_ascii_isalpha (name[0]) && name[0] != '_')
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;

  return TRUE;
}

static void
append_quoted (GString    *out,
               const char *text)
{
  glong n_chars = 0;

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (++n_chars > MAX_SHOWN)
        {
          g_string_append (out, "…");
          break;
        }
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guint) (guchar) *p);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  g_string_append_c (out, '"');
}

char *
koers_json_path_member (const char *parent,
                        const char *member)
{
  GString *path = g_string_new (parent);

  if (g_utf8_validate (member, -1, NULL) && is_identifier (member) &&
      strlen (member) <= MAX_SHOWN)
    {
      g_string_append_c (path, '.');
      g_string_append (path, member);
    }
  else
    {
      g_autofree char *valid = g_utf8_make_valid (member, -1);

      g_string_append_c (path, '[');
      append_quoted (path, valid);
      g_string_append_c (path, ']');
    }

  return g_string_free (path, FALSE);
}

char *
koers_json_path_index (const char *parent,
                       guint       index)
{
  return g_strdup_printf ("%s[%u]", parent, index);
}

static char *
checker_path (Checker *c)
{
  g_autofree char *path = g_strdup ("$");

  for (guint i = 0; i < c->frames->len; i++)
    {
      Frame *frame = &g_array_index (c->frames, Frame, i);
      char *next;

      if (frame->is_object && frame->key == NULL)
        break;

      next = frame->is_object ? koers_json_path_member (path, frame->key)
                              : koers_json_path_index (path, frame->index);
      g_free (path);
      path = next;
    }

  return g_steal_pointer (&path);
}

static void
add_value_problem (Checker    *c,
                   const char *message)
{
  g_autofree char *path = checker_path (c);

  /* Translators: a problem in a JSON file: its place, then what is wrong. */
  g_ptr_array_add (c->problems, g_strdup_printf (_("%s: %s"), path, message));
}

/* Ends the check: the text is not JSON from here on. */
static gboolean
fail (Checker    *c,
      const char *message)
{
  g_autofree char *path = checker_path (c);
  guint line = 1;
  guint column = 1;

  for (const char *q = c->start; q < c->p && q < c->end; q++)
    {
      if (*q == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) *q & 0xc0) != 0x80)
        column++;
    }

  g_ptr_array_add (c->problems,
                   /* Translators: a JSON path, a line and a column number, then what is wrong. */
                   g_strdup_printf (_("%s (line %u, column %u): %s"), path, line, column, message));
  return FALSE;
}

static State
fail_state (Checker    *c,
            const char *message)
{
  fail (c, message);
  return STATE_DONE;
}

static void
skip_space (Checker *c)
{
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
    c->p++;
}

static int
hex_value (char ch)
{
  if (ch >= '0' && ch <= '9')
    return ch - '0';
  if (ch >= 'a' && ch <= 'f')
    return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F')
    return ch - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Checker *c,
           gunichar *out)
{
  gunichar value = 0;

  if (c->end - c->p < 4)
    return FALSE;

  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (c->p[i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + (gunichar) digit;
    }

  c->p += 4;
  *out = value;
  return TRUE;
}

/* At a '"'.  With out, the decoded text goes there (member names). */
static gboolean
scan_string (Checker *c,
             GString *out)
{
  gsize n_chars = 0;
  gboolean has_nul = FALSE;

  c->p++;

  for (;;)
    {
      guchar ch;

      if (c->p >= c->end)
        return fail (c, _("the text has no closing quote"));

      ch = (guchar) *c->p;

      if (ch == '"')
        {
          c->p++;
          break;
        }

      if (ch == '\\')
        {
          gunichar unichar;

          c->p++;
          if (c->p >= c->end)
            return fail (c, _("the text has no closing quote"));

          switch (*c->p)
            {
            case '"': unichar = '"'; c->p++; break;
            case '\\': unichar = '\\'; c->p++; break;
            case '/': unichar = '/'; c->p++; break;
            case 'b': unichar = '\b'; c->p++; break;
            case 'f': unichar = '\f'; c->p++; break;
            case 'n': unichar = '\n'; c->p++; break;
            case 'r': unichar = '\r'; c->p++; break;
            case 't': unichar = '\t'; c->p++; break;
            case 'u':
              c->p++;
              if (!read_hex4 (c, &unichar))
                return fail (c, _("a \\u escape needs four hexadecimal digits"));
              if (unichar >= 0xd800 && unichar <= 0xdbff)
                {
                  gunichar low;

                  if (c->end - c->p < 2 || c->p[0] != '\\' || c->p[1] != 'u')
                    return fail (c, _("a \\u escape of half a character (a lone surrogate)"));
                  c->p += 2;
                  if (!read_hex4 (c, &low) || low < 0xdc00 || low > 0xdfff)
                    return fail (c, _("a \\u escape of half a character (a lone surrogate)"));
                  unichar = 0x10000 + ((unichar - 0xd800) << 10) + (low - 0xdc00);
                }
              else if (unichar >= 0xdc00 && unichar <= 0xdfff)
                return fail (c, _("a \\u escape of half a character (a lone surrogate)"));
              break;
            default:
              return fail (c, _("an unknown escape after a backslash"));
            }

          if (unichar == 0)
            has_nul = TRUE;
          if (out != NULL)
            g_string_append_unichar (out, unichar);
          n_chars++;
          continue;
        }

      if (ch < 0x20)
        return fail (c, _("a control character in text (write it as an escape)"));

      if (ch < 0x80)
        {
          if (out != NULL)
            g_string_append_c (out, (char) ch);
          c->p++;
        }
      else
        {
          gunichar unichar = g_utf8_get_char_validated (c->p, c->end - c->p);
          const char *next;

          if (unichar == (gunichar) -1 || unichar == (gunichar) -2)
            return fail (c, _("the text is not valid UTF-8"));

          next = g_utf8_next_char (c->p);
          if (out != NULL)
            g_string_append_len (out, c->p, next - c->p);
          c->p = next;
        }
      n_chars++;
    }

  /* json-glib would cut the text there. */
  if (has_nul)
    add_value_problem (c, _("the text holds a NUL character (\\u0000)"));

  if (n_chars > KOERS_JSON_MAX_TEXT_LENGTH)
    {
      g_autofree char *message =
        g_strdup_printf (_("the text is longer than %d characters"), KOERS_JSON_MAX_TEXT_LENGTH);

      add_value_problem (c, message);
    }

  return TRUE;
}

static gboolean
scan_digits (Checker *c)
{
  const char *first = c->p;

  while (c->p < c->end && g_ascii_isdigit (*c->p))
    c->p++;

  return c->p > first;
}

static gboolean
scan_number (Checker *c)
{
  const char *first = c->p;
  g_autofree char *token = NULL;
  double value;

  if (*c->p == '-')
    c->p++;

  if (c->p < c->end && *c->p == '0')
    c->p++;
  else if (!scan_digits (c))
    return fail (c, _("not a valid number"));

  if (c->p < c->end && *c->p == '.')
    {
      c->p++;
      if (!scan_digits (c))
        return fail (c, _("not a valid number"));
    }

  if (c->p < c->end && (*c->p == 'e' || *c->p == 'E'))
    {
      c->p++;
      if (c->p < c->end && (*c->p == '+' || *c->p == '-'))
        c->p++;
      if (!scan_digits (c))
        return fail (c, _("not a valid number"));
    }

  token = g_strndup (first, c->p - first);
  value = g_ascii_strtod (token, NULL);

  /* Also catches integers that json-glib would wrap around 2^63. */
  if (!isfinite (value) || fabs (value) > KOERS_JSON_MAX_ABS_NUMBER)
    {
      g_autofree char *message = NULL;

      if (strlen (token) > MAX_SHOWN)
        strcpy (token + MAX_SHOWN - 3, "...");
      message = g_strdup_printf (_("the number %s is out of range (at most 10^15 either way)"),
                                 token);
      add_value_problem (c, message);
    }

  return TRUE;
}

static gboolean
scan_literal (Checker *c)
{
  static const char * const literals[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize len = strlen (literals[i]);

      if ((gsize) (c->end - c->p) >= len && memcmp (c->p, literals[i], len) == 0)
        {
          c->p += len;
          return TRUE;
        }
    }

  return fail (c, _("expected a value (text, a number, an object, a list, true, false or null)"));
}

static gboolean
push (Checker  *c,
      gboolean  is_object)
{
  Frame frame = { is_object, 0, NULL, NULL };

  if (c->frames->len >= KOERS_JSON_MAX_DEPTH)
    {
      g_autofree char *message =
        g_strdup_printf (_("nested more than %d levels deep"), KOERS_JSON_MAX_DEPTH);

      return fail (c, message);
    }

  if (is_object)
    frame.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  c->p++;
  g_array_append_val (c->frames, frame);
  return TRUE;
}

static void
pop (Checker *c)
{
  c->p++;
  g_array_set_size (c->frames, c->frames->len - 1);
}

static State
read_value (Checker *c)
{
  skip_space (c);

  if (c->p >= c->end)
    return fail_state (c, _("the file ends where a value should be"));

  switch (*c->p)
    {
    case '{':
      if (!push (c, TRUE))
        return STATE_DONE;
      skip_space (c);
      if (c->p < c->end && *c->p == '}')
        {
          pop (c);
          return STATE_AFTER_VALUE;
        }
      return STATE_KEY;

    case '[':
      if (!push (c, FALSE))
        return STATE_DONE;
      skip_space (c);
      if (c->p < c->end && *c->p == ']')
        {
          pop (c);
          return STATE_AFTER_VALUE;
        }
      return STATE_VALUE;

    case '"':
      return scan_string (c, NULL) ? STATE_AFTER_VALUE : STATE_DONE;

    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return scan_number (c) ? STATE_AFTER_VALUE : STATE_DONE;

    default:
      return scan_literal (c) ? STATE_AFTER_VALUE : STATE_DONE;
    }
}

static State
read_key (Checker *c)
{
  Frame *frame = &g_array_index (c->frames, Frame, c->frames->len - 1);
  g_autoptr(GString) key = g_string_new (NULL);

  skip_space (c);
  if (c->p >= c->end)
    return fail_state (c, _("the file ends inside an object (a “}” is missing)"));
  if (*c->p != '"')
    return fail_state (c, _("expected a member name in double quotes"));

  if (!scan_string (c, key))
    return STATE_DONE;

  g_free (frame->key);
  frame->key = g_strdup (key->str);
  if (!g_hash_table_add (frame->keys, g_strdup (key->str)))
    add_value_problem (c, _("the member appears twice in the same object"));

  skip_space (c);
  if (c->p >= c->end || *c->p != ':')
    return fail_state (c, _("expected “:” after the member name"));

  c->p++;
  return STATE_VALUE;
}

static State
read_after_value (Checker *c)
{
  Frame *frame;

  skip_space (c);

  if (c->frames->len == 0)
    {
      if (c->p < c->end)
        fail (c, _("there is more text after the end of the JSON value"));
      return STATE_DONE;
    }

  frame = &g_array_index (c->frames, Frame, c->frames->len - 1);

  if (c->p >= c->end)
    return fail_state (c, frame->is_object
                            ? _("the file ends inside an object (a “}” is missing)")
                            : _("the file ends inside a list (a “]” is missing)"));

  if (*c->p == ',')
    {
      c->p++;
      if (frame->is_object)
        {
          g_clear_pointer (&frame->key, g_free);
          return STATE_KEY;
        }
      frame->index++;
      return STATE_VALUE;
    }

  if (frame->is_object && *c->p == '}')
    {
      pop (c);
      return STATE_AFTER_VALUE;
    }

  if (!frame->is_object && *c->p == ']')
    {
      pop (c);
      return STATE_AFTER_VALUE;
    }

  return fail_state (c, frame->is_object ? _("expected “,” or “}”")
                                         : _("expected “,” or “]”"));
}

gboolean
koers_json_check_syntax (const char *data,
                         gsize       length,
                         GPtrArray  *problems)
{
  Checker c = { data, data, data + length, NULL, problems };
  guint n_before = problems->len;
  State state = STATE_VALUE;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  c.frames = g_array_new (FALSE, TRUE, sizeof (Frame));
  g_array_set_clear_func (c.frames, (GDestroyNotify) frame_clear);

  /* A byte order mark, as some Windows editors write. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    c.p += 3;

  skip_space (&c);
  if (c.p >= c.end)
    {
      g_ptr_array_add (problems, g_strdup_printf (_("%s: %s"), "$", _("the file is empty")));
      g_array_unref (c.frames);
      return FALSE;
    }

  while (state != STATE_DONE)
    {
      switch (state)
        {
        case STATE_VALUE:
          state = read_value (&c);
          break;
        case STATE_KEY:
          state = read_key (&c);
          break;
        case STATE_AFTER_VALUE:
          state = read_after_value (&c);
          break;
        case STATE_DONE:
        default:
          g_assert_not_reached ();
        }
    }

  /* A structural problem stops the loop with frames or text left. */
  ok = c.frames->len == 0 && c.p >= c.end;
  g_array_unref (c.frames);

  g_assert (ok || problems->len > n_before);
  return ok;
}

static void
append_shortest (GString *out,
                 double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == floor (value) && fabs (value) < 1e16)
    {
      g_ascii_formatd (buf, sizeof buf, "%.0f", value);
      g_string_append (out, buf);
      return;
    }

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  g_string_append (out, buf);
}

char *
koers_json_tidy_numbers (const char *json)
{
  GString *out = g_string_sized_new (strlen (json));
  const char *p = json;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          const char *q = p + 1;

          while (*q != '\0' && *q != '"')
            q += (*q == '\\' && q[1] != '\0') ? 2 : 1;
          if (*q == '"')
            q++;
          g_string_append_len (out, p, q - p);
          p = q;
        }
      else if (*p == '-' || g_ascii_isdigit (*p))
        {
          char *end = NULL;
          double value = g_ascii_strtod (p, &end);

          if (end == p)
            {
              g_string_append_c (out, *p++);
              continue;
            }
          append_shortest (out, value);
          p = end;
        }
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

char *
koers_json_format_stamp (gint64 usec)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *seconds = NULL;
  gint64 secs = usec / G_USEC_PER_SEC;
  gint64 frac = usec % G_USEC_PER_SEC;

  if (frac < 0)
    {
      frac += G_USEC_PER_SEC;
      secs--;
    }

  dt = g_date_time_new_from_unix_utc (secs);
  if (dt == NULL)
    dt = g_date_time_new_from_unix_utc (0);

  seconds = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
  return g_strdup_printf ("%s.%06dZ", seconds, (int) frac);
}

static gboolean
read_fixed (const char *text,
            guint       n_digits,
            int        *out)
{
  int value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }

  *out = value;
  return TRUE;
}

gboolean
koers_json_parse_stamp (const char *text,
                        gint64     *usec)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) dt = NULL;
  int year, month, day, hour, minute, second;
  gint64 fraction = 0;
  const char *p;

  g_return_val_if_fail (usec != NULL, FALSE);

  if (text == NULL || strlen (text) < 20 ||
      !read_fixed (text, 4, &year) || text[4] != '-' ||
      !read_fixed (text + 5, 2, &month) || text[7] != '-' ||
      !read_fixed (text + 8, 2, &day) || text[10] != 'T' ||
      !read_fixed (text + 11, 2, &hour) || text[13] != ':' ||
      !read_fixed (text + 14, 2, &minute) || text[16] != ':' ||
      !read_fixed (text + 17, 2, &second))
    return FALSE;

  p = text + 19;
  if (*p == '.')
    {
      guint n_digits = 0;

      for (p++; g_ascii_isdigit (*p); p++, n_digits++)
        {
          if (n_digits < 6)
            fraction = fraction * 10 + (*p - '0');
        }
      if (n_digits == 0 || n_digits > 9)
        return FALSE;
      for (; n_digits < 6; n_digits++)
        fraction *= 10;
    }

  if (strcmp (p, "Z") == 0)
    tz = g_time_zone_new_utc ();
  else if (strlen (p) == 6 && (p[0] == '+' || p[0] == '-') && g_ascii_isdigit (p[1]) &&
           g_ascii_isdigit (p[2]) && p[3] == ':' && g_ascii_isdigit (p[4]) &&
           g_ascii_isdigit (p[5]))
    tz = g_time_zone_new_identifier (p);
  if (tz == NULL)
    return FALSE;

  /* g_date_time_new() checks the ranges (no 30 February, no 24:00). */
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 ||
      minute > 59 || second > 59)
    return FALSE;

  dt = g_date_time_new (tz, year, month, day, hour, minute, second);
  if (dt == NULL || g_date_time_get_day_of_month (dt) != day)
    return FALSE;

  *usec = g_date_time_to_unix (dt) * G_USEC_PER_SEC + fraction;
  return TRUE;
}

void
koers_json_set_problems_error (GError   **error,
                               int        code,
                               GPtrArray *problems)
{
  g_autoptr(GString) message = g_string_new (NULL);
  guint shown = MIN (problems->len, KOERS_JSON_MAX_PROBLEMS_SHOWN);

  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        g_string_append_c (message, '\n');
      g_string_append (message, g_ptr_array_index (problems, i));
    }

  if (problems->len > shown)
    {
      guint more = problems->len - shown;

      g_string_append_c (message, '\n');
      g_string_append_printf (message,
                              ngettext ("…and %u more problem", "…and %u more problems", more),
                              more);
    }

  g_set_error_literal (error, KOERS_JSON_ERROR, code, message->str);
}
