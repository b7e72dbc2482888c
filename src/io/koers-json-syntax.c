/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "koers-json-private.h"

/* The small text helpers the import and export share: JSON paths, stamps,
 * numbers and strings as the files write them.  The strict reader is
 * koers-json-stream.c. */

/* clang-format would read the dashed name as a subtraction. */
/* clang-format off */
G_DEFINE_QUARK (koers-json-error-quark, koers_json_error)
/* clang-format on */

/* How much of a member name a path repeats. */
#define MAX_SHOWN 64

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
        koers_json_append_len (out, p, g_utf8_next_char (p) - p);
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

void
koers_json_append_number (GString *out,
                          double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == floor (value) && fabs (value) < 1e16)
    {
      /* Whole: its digits ("%.0f", without the cost of printf). */
      gint64  whole = (gint64) value;
      guint64 magnitude = whole < 0 ? (guint64) -whole : (guint64) whole;
      char   *p = buf + sizeof buf;

      do
        {
          *--p = (char) ('0' + magnitude % 10);
          magnitude /= 10;
        }
      while (magnitude > 0);
      if (whole < 0 || (whole == 0 && signbit (value)))
        *--p = '-';
      koers_json_append_len (out, p, buf + sizeof buf - p);
      return;
    }

  /* Few decimals, as most values have ("7.2", "1234.56"): the digits of
   * the smallest power of ten that makes it whole, if that reads back
   * exactly (a quotient of two exact doubles is rounded correctly, as
   * strtod rounds).  That is the text "%.15g" writes: the fixed form,
   * since 1e-4 <= |value| < 1e15. */
  if (fabs (value) >= 1e-4 && fabs (value) < 1e15)
    {
      static const double powers[] = { 1e1, 1e2, 1e3, 1e4, 1e5, 1e6 };

      for (guint k = 0; k < G_N_ELEMENTS (powers); k++)
        {
          double scaled = nearbyint (value * powers[k]);

          if (fabs (scaled) < 9007199254740992.0 && scaled / powers[k] == value)
            {
              guint64 magnitude = (guint64) fabs (scaled);
              guint   n_decimals = k + 1;
              char   *p = buf + sizeof buf;

              for (guint i = 0; i < n_decimals; i++)
                {
                  *--p = (char) ('0' + magnitude % 10);
                  magnitude /= 10;
                }
              *--p = '.';
              do
                {
                  *--p = (char) ('0' + magnitude % 10);
                  magnitude /= 10;
                }
              while (magnitude > 0);
              if (value < 0)
                *--p = '-';
              koers_json_append_len (out, p, buf + sizeof buf - p);
              return;
            }
        }
    }

  /* The shortest "%.Ng" that reads back as value.  When one of 15 digits
   * or fewer does, "%.15g" is that one (a double is within half an ulp,
   * far below half a unit of the 15th digit, of the decimal it came from,
   * and %g drops the trailing zeros); else 16 or 17 digits. */
  if (fabs (value) >= DBL_MIN)
    {
      g_ascii_formatd (buf, sizeof buf, "%.15g", value);
      if (g_ascii_strtod (buf, NULL) != value)
        {
          g_ascii_formatd (buf, sizeof buf, "%.16g", value);
          if (g_ascii_strtod (buf, NULL) != value)
            g_ascii_formatd (buf, sizeof buf, "%.17g", value);
        }
    }
  else
    {
      /* Subnormal: fewer digits than 53 bits give; tried one by one. */
      for (int precision = 1; precision <= 17; precision++)
        {
          char format[8];

          g_snprintf (format, sizeof format, "%%.%dg", precision);
          g_ascii_formatd (buf, sizeof buf, format, value);
          if (g_ascii_strtod (buf, NULL) == value)
            break;
        }
    }

  g_string_append (out, buf);
}

char *
koers_json_tidy_numbers (const char *json)
{
  GString    *out = g_string_sized_new (strlen (json));
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
          koers_json_append_len (out, p, q - p);
          p = q;
        }
      else if (*p == '-' || g_ascii_isdigit (*p))
        {
          char  *end = NULL;
          double value = g_ascii_strtod (p, &end);

          if (end == p)
            {
              g_string_append_c (out, *p++);
              continue;
            }
          koers_json_append_number (out, value);
          p = end;
        }
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

/* The days since 1970-01-01 as a proleptic Gregorian date (H. Hinnant's
 * civil_from_days). */
static void
civil_from_days (gint64 days,
                 int   *year,
                 int   *month,
                 int   *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  gint64 d = doy - (153 * mp + 2) / 5 + 1;
  gint64 m = mp < 10 ? mp + 3 : mp - 9;

  *year = (int) (yoe + era * 400 + (m <= 2));
  *month = (int) m;
  *day = (int) d;
}

static char *
put_digits (char  *p,
            gint64 value,
            int    n_digits)
{
  for (int i = n_digits - 1; i >= 0; i--)
    {
      p[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  return p + n_digits;
}

/* The range GDateTime has: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z. */
#define MIN_STAMP_SECONDS G_GINT64_CONSTANT (-62135596800)
#define MAX_STAMP_SECONDS G_GINT64_CONSTANT (253402300799)

void
koers_json_append_stamp (GString *out,
                         gint64   usec)
{
  char   buf[KOERS_JSON_STAMP_LENGTH + 1];
  gint64 secs = usec / G_USEC_PER_SEC;
  gint64 frac = usec % G_USEC_PER_SEC;
  gint64 days, rest;
  int    year, month, day;
  char  *p = buf;

  if (frac < 0)
    {
      frac += G_USEC_PER_SEC;
      secs--;
    }

  /* Out of range: the epoch, as g_date_time_new_from_unix_utc() has none. */
  if (secs < MIN_STAMP_SECONDS || secs > MAX_STAMP_SECONDS)
    secs = 0;

  days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
  rest = secs - days * 86400;
  civil_from_days (days, &year, &month, &day);

  p = put_digits (p, year, 4);
  *p++ = '-';
  p = put_digits (p, month, 2);
  *p++ = '-';
  p = put_digits (p, day, 2);
  *p++ = 'T';
  p = put_digits (p, rest / 3600, 2);
  *p++ = ':';
  p = put_digits (p, rest / 60 % 60, 2);
  *p++ = ':';
  p = put_digits (p, rest % 60, 2);
  *p++ = '.';
  p = put_digits (p, frac, 6);
  *p++ = 'Z';

  koers_json_append_len (out, buf, p - buf);
}

char *
koers_json_format_stamp (gint64 usec)
{
  GString *out = g_string_sized_new (KOERS_JSON_STAMP_LENGTH + 1);

  koers_json_append_stamp (out, usec);
  return g_string_free (out, FALSE);
}

static const char hex_digits[] = "0123456789abcdef";

/* As json-glib writes them: the short escapes where JSON has them, other
 * control characters (and DEL) as \u00XX, everything else as it is. */
static void
append_escaped (GString    *out,
                const char *text,
                gsize       length)
{
  const char *p = text;
  const char *end = text + length;
  const char *run = p;

  for (; p < end; p++)
    {
      guchar      ch = (guchar) *p;
      const char *escape = NULL;
      char        unicode[7];

      if (ch >= 0x20 && ch != '"' && ch != '\\' && ch != 0x7f)
        continue;

      switch (ch)
        {
        case '"':
          escape = "\\\"";
          break;
        case '\\':
          escape = "\\\\";
          break;
        case '\b':
          escape = "\\b";
          break;
        case '\t':
          escape = "\\t";
          break;
        case '\n':
          escape = "\\n";
          break;
        case '\f':
          escape = "\\f";
          break;
        case '\r':
          escape = "\\r";
          break;
        default:
          unicode[0] = '\\';
          unicode[1] = 'u';
          unicode[2] = '0';
          unicode[3] = '0';
          unicode[4] = hex_digits[ch >> 4];
          unicode[5] = hex_digits[ch & 0xf];
          unicode[6] = '\0';
          escape = unicode;
          break;
        }

      koers_json_append_len (out, run, p - run);
      g_string_append (out, escape);
      run = p + 1;
    }

  koers_json_append_len (out, run, p - run);
}

void
koers_json_append_string (GString    *out,
                          const char *text)
{
  const char *p;

  if (text == NULL)
    text = "";

  /* Plain ASCII (most of what a database holds) in one pass. */
  for (p = text; *p != '\0'; p++)
    {
      guchar ch = (guchar) *p;

      if (ch < 0x20 || ch >= 0x7f || ch == '"' || ch == '\\')
        break;
    }

  g_string_append_c (out, '"');
  koers_json_append_len (out, text, p - text);
  if (*p != '\0')
    {
      gsize length = strlen (p);

      if (G_LIKELY (g_utf8_validate_len (p, length, NULL)))
        append_escaped (out, p, length);
      else
        {
          /* What the file says must be UTF-8: a broken byte becomes U+FFFD. */
          g_autofree char *valid = g_utf8_make_valid (p, length);

          append_escaped (out, valid, strlen (valid));
        }
    }
  g_string_append_c (out, '"');
}

/* The compact form of a small JSON text (the change log's fields): a
 * recursive reader over text that is JSON already. */
typedef struct
{
  const char *p;
  const char *end;
  GString    *out;
  guint       depth;
} Compact;

static void
compact_skip_space (Compact *c)
{
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
    c->p++;
}

static gboolean compact_value (Compact *c);

int
koers_json_unescape (int letter)
{
  switch (letter)
    {
    case '"':
    case '\\':
    case '/':
      return letter;
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    default:
      return -1;
    }
}

int
koers_json_parse_hex4 (const char *p)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* A string token, decoded then written again. */
static gboolean
compact_string (Compact *c)
{
  g_autoptr (GString) text = NULL;
  const char *q;

  /* Most texts need no decoding: copied as they are. */
  for (q = c->p + 1; q < c->end; q++)
    {
      guchar ch = (guchar) *q;

      if (ch == '"' || ch == '\\' || ch < 0x20 || ch == 0x7f)
        break;
    }
  if (q < c->end && *q == '"' && g_utf8_validate_len (c->p + 1, q - c->p - 1, NULL))
    {
      koers_json_append_len (c->out, c->p, q + 1 - c->p);
      c->p = q + 1;
      return TRUE;
    }

  text = g_string_new (NULL);
  for (q = c->p + 1; q < c->end && *q != '"'; q++)
    {
      gunichar unichar;
      int      simple;
      int      high;

      if ((guchar) *q < 0x20)
        return FALSE;
      if (*q != '\\')
        {
          g_string_append_c (text, *q);
          continue;
        }
      if (++q >= c->end)
        return FALSE;
      simple = koers_json_unescape (*q);
      if (simple >= 0)
        {
          g_string_append_c (text, (char) simple);
          continue;
        }
      if (*q != 'u')
        return FALSE;

      high = c->end - q > 4 ? koers_json_parse_hex4 (q + 1) : -1;
      if (high <= 0)
        return FALSE;
      q += 4;
      unichar = (gunichar) high;
      if (high >= 0xd800 && high <= 0xdbff)
        {
          int low = c->end - q > 6 && q[1] == '\\' && q[2] == 'u' ? koers_json_parse_hex4 (q + 3) : -1;

          if (low < 0xdc00 || low > 0xdfff)
            return FALSE;
          q += 6;
          unichar = 0x10000 + (((gunichar) high - 0xd800) << 10) + ((gunichar) low - 0xdc00);
        }
      else if (high >= 0xdc00 && high <= 0xdfff)
        return FALSE;
      g_string_append_unichar (text, unichar);
    }
  if (q >= c->end)
    return FALSE;
  c->p = q + 1;

  koers_json_append_string (c->out, text->str);
  return TRUE;
}

static gboolean
compact_value (Compact *c)
{
  compact_skip_space (c);
  if (c->p >= c->end || c->depth > KOERS_JSON_MAX_DEPTH)
    return FALSE;

  switch (*c->p)
    {
    case '{':
    case '[':
      {
        gboolean is_object = *c->p == '{';
        char     close = is_object ? '}' : ']';
        gboolean first = TRUE;

        g_string_append_c (c->out, *c->p);
        c->p++;
        c->depth++;
        compact_skip_space (c);
        if (c->p < c->end && *c->p == close)
          {
            c->p++;
            c->depth--;
            g_string_append_c (c->out, close);
            return TRUE;
          }

        for (;;)
          {
            if (!first)
              g_string_append_c (c->out, ',');
            first = FALSE;

            if (is_object)
              {
                compact_skip_space (c);
                if (c->p >= c->end || *c->p != '"' || !compact_string (c))
                  return FALSE;
                compact_skip_space (c);
                if (c->p >= c->end || *c->p != ':')
                  return FALSE;
                c->p++;
                g_string_append_c (c->out, ':');
              }

            if (!compact_value (c))
              return FALSE;

            compact_skip_space (c);
            if (c->p < c->end && *c->p == ',')
              {
                c->p++;
                continue;
              }
            if (c->p < c->end && *c->p == close)
              {
                c->p++;
                c->depth--;
                g_string_append_c (c->out, close);
                return TRUE;
              }
            return FALSE;
          }
      }

    case '"':
      return compact_string (c);

    case '-':
    case '0' ... '9':
      {
        char  *number_end = NULL;
        double value = g_ascii_strtod (c->p, &number_end);

        if (number_end == NULL || number_end == c->p || number_end > c->end || !isfinite (value))
          return FALSE;
        c->p = number_end;
        koers_json_append_number (c->out, value);
        return TRUE;
      }

    default:
      {
        static const char *const literals[] = { "true", "false", "null" };

        for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
          {
            gsize len = strlen (literals[i]);

            if ((gsize) (c->end - c->p) >= len && memcmp (c->p, literals[i], len) == 0)
              {
                c->p += len;
                g_string_append (c->out, literals[i]);
                return TRUE;
              }
          }
        return FALSE;
      }
    }
}

gboolean
koers_json_append_compact (GString    *out,
                           const char *json)
{
  Compact c = { json, json + strlen (json), out, 0 };
  gsize   before = out->len;

  if (compact_value (&c))
    {
      compact_skip_space (&c);
      if (c.p == c.end)
        return TRUE;
    }

  g_string_truncate (out, before);
  return FALSE;
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
  g_autoptr (GTimeZone) tz = NULL;
  g_autoptr (GDateTime) dt = NULL;
  int         year, month, day, hour, minute, second;
  gint64      fraction = 0;
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
  g_autoptr (GString) message = g_string_new (NULL);
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

void
koers_json_append_node (GString  *out,
                        JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr (GList) members = json_object_get_members (object);

        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            if (l != members)
              g_string_append_c (out, ',');
            koers_json_append_string (out, l->data);
            g_string_append_c (out, ':');
            koers_json_append_node (out, json_object_get_member (object, l->data));
          }
        g_string_append_c (out, '}');
      }
      return;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            koers_json_append_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      return;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      return;

    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      koers_json_append_number (out, json_node_get_double (node));
      break;
    case G_TYPE_STRING:
    default:
      koers_json_append_string (out, json_node_get_string (node));
      break;
    }
}
