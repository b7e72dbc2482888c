/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "koers-json-private.h"

/* A strict JSON reader that pulls one token at a time from a stream, for
 * files of any size: it holds a window of the text, never the whole.  It
 * checks what RFC 8259 says and what koers-json.h limits (json-glib alone
 * accepts hex numbers, wraps integers past 2^63, recurses without a depth
 * limit and cuts strings at \u0000): a break in the structure ends the
 * reading (KOERS_JSON_TOKEN_ERROR), a limit broken inside valid JSON is a
 * problem that does not stop it.  Every problem names its JSON path, the
 * structural ones their line and column too. */

/* The window; a token never needs more than a few bytes of it at once. */
#define WINDOW_SIZE (256 * 1024)
/* How much of a member name or number a message repeats. */
#define MAX_SHOWN 64
/* What a string keeps of its text: past the limit it is refused anyway. */
#define MAX_TEXT_BYTES (4 * (KOERS_JSON_MAX_TEXT_LENGTH + 1))
/* Digits a number keeps; a longer one is out of range. */
#define MAX_NUMBER_BYTES 1024
/* An object's member names are compared in a list up to this many. */
#define MAX_LISTED_KEYS 24

typedef struct
{
  gboolean    is_object;
  guint       index;   /* array: the element being read */
  char       *key;     /* object: the member being read */
  GPtrArray  *keys;    /* object: the members seen (few) */
  GHashTable *key_set; /* object: the members seen, once there are many */
} Frame;

typedef enum
{
  STATE_START, /* before the document */
  STATE_VALUE,
  STATE_OBJECT_START, /* after "{": a member or "}" */
  STATE_ARRAY_START,  /* after "[": a value or "]" */
  STATE_KEY,
  STATE_AFTER_VALUE,
  STATE_DONE,
} State;

struct _KoersJsonStream
{
  GInputStream *input;
  GPtrArray    *problems;
  GError       *read_error;

  guchar  *buf;
  gsize    len;        /* bytes in buf */
  gsize    pos;        /* the next byte to read */
  goffset  buf_offset; /* where buf starts in the file */
  gboolean eof;

  guint   line;        /* for messages: 1 on */
  goffset line_start;  /* the offset after the last line end */
  guint   column_base; /* characters of this line already dropped from buf */

  GArray  *frames; /* Frame */
  State    state;
  gboolean failed;

  GString *text; /* the last string, member name or number */
  gboolean text_has_nul;
  double   number;
  gboolean number_is_integer;
  goffset  token_offset; /* where the last token starts */
};

static void
frame_clear (Frame *frame)
{
  g_clear_pointer (&frame->key, g_free);
  g_clear_pointer (&frame->keys, g_ptr_array_unref);
  g_clear_pointer (&frame->key_set, g_hash_table_unref);
}

static KoersJsonStream *
stream_new (GInputStream *input,
            GPtrArray    *problems,
            goffset       offset)
{
  KoersJsonStream *s = g_new0 (KoersJsonStream, 1);

  s->input = g_object_ref (input);
  s->problems = problems != NULL ? g_ptr_array_ref (problems)
                                 : g_ptr_array_new_with_free_func (g_free);
  s->buf = g_malloc (WINDOW_SIZE);
  s->buf_offset = offset;
  s->line = 1;
  s->line_start = offset;
  s->frames = g_array_new (FALSE, TRUE, sizeof (Frame));
  g_array_set_clear_func (s->frames, (GDestroyNotify) frame_clear);
  s->text = g_string_sized_new (256);
  return s;
}

KoersJsonStream *
koers_json_stream_new (GInputStream *input,
                       GPtrArray    *problems)
{
  KoersJsonStream *s;

  g_return_val_if_fail (G_IS_INPUT_STREAM (input), NULL);

  s = stream_new (input, problems, 0);
  s->state = STATE_START;
  return s;
}

KoersJsonStream *
koers_json_stream_new_at_member (GInputStream *input,
                                 goffset       offset,
                                 const char   *member)
{
  KoersJsonStream *s;
  Frame            frame = { TRUE, 0, NULL, NULL, NULL };

  g_return_val_if_fail (G_IS_INPUT_STREAM (input), NULL);
  g_return_val_if_fail (member != NULL, NULL);

  s = stream_new (input, NULL, offset);
  frame.key = g_strdup (member);
  frame.keys = g_ptr_array_new_with_free_func (g_free);
  g_array_append_val (s->frames, frame);
  s->state = STATE_VALUE;
  return s;
}

void
koers_json_stream_free (KoersJsonStream *s)
{
  if (s == NULL)
    return;

  g_object_unref (s->input);
  g_ptr_array_unref (s->problems);
  g_clear_error (&s->read_error);
  g_free (s->buf);
  g_array_unref (s->frames);
  g_string_free (s->text, TRUE);
  g_free (s);
}

GPtrArray *
koers_json_stream_get_problems (KoersJsonStream *s)
{
  return s->problems;
}

const GError *
koers_json_stream_get_read_error (KoersJsonStream *s)
{
  return s->read_error;
}

/* Keeps the bytes from pos on and reads more behind them; FALSE at the end
 * of the file (or a read error, kept for the caller). */
static gboolean
refill (KoersJsonStream *s)
{
  gssize n;

  if (s->eof)
    return FALSE;

  if (s->pos > 0)
    {
      /* The characters of the current line that leave the window. */
      goffset from = MAX (s->line_start, s->buf_offset) - s->buf_offset;

      for (gsize i = (gsize) from; i < s->pos; i++)
        if ((s->buf[i] & 0xc0) != 0x80)
          s->column_base++;

      memmove (s->buf, s->buf + s->pos, s->len - s->pos);
      s->len -= s->pos;
      s->buf_offset += s->pos;
      s->pos = 0;
    }

  if (s->len >= WINDOW_SIZE)
    return TRUE;

  n = g_input_stream_read (s->input, s->buf + s->len, WINDOW_SIZE - s->len, NULL,
                           s->read_error == NULL ? &s->read_error : NULL);
  if (n <= 0)
    {
      s->eof = TRUE;
      return FALSE;
    }

  s->len += (gsize) n;
  return TRUE;
}

/* At least n bytes from pos, unless the file ends first; the number there. */
static gsize
ensure (KoersJsonStream *s,
        gsize            n)
{
  while (s->len - s->pos < n && refill (s))
    ;
  return s->len - s->pos;
}

/* The byte at pos, or -1 at the end of the file. */
static inline int
peek (KoersJsonStream *s)
{
  if (G_UNLIKELY (s->pos >= s->len) && !refill (s))
    return -1;
  return s->buf[s->pos];
}

goffset
koers_json_stream_get_offset (KoersJsonStream *s)
{
  return s->buf_offset + (goffset) s->pos;
}

goffset
koers_json_stream_get_token_offset (KoersJsonStream *s)
{
  return s->token_offset;
}

static char *
stream_path (KoersJsonStream *s)
{
  g_autofree char *path = g_strdup ("$");

  for (guint i = 0; i < s->frames->len; i++)
    {
      Frame *frame = &g_array_index (s->frames, Frame, i);
      char  *next;

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
add_value_problem (KoersJsonStream *s,
                   const char      *message)
{
  g_autofree char *path = stream_path (s);

  /* Translators: a problem in a JSON file: its place, then what is wrong. */
  g_ptr_array_add (s->problems, g_strdup_printf (_ ("%s: %s"), path, message));
}

/* Ends the reading with problem (taken), the last one. */
static KoersJsonToken
stop (KoersJsonStream *s,
      char            *problem)
{
  g_ptr_array_add (s->problems, problem);
  s->failed = TRUE;
  s->state = STATE_DONE;
  return KOERS_JSON_TOKEN_ERROR;
}

/* Ends the reading: the text is not JSON from here on. */
static KoersJsonToken
fail (KoersJsonStream *s,
      const char      *message)
{
  g_autofree char *path = stream_path (s);
  guint            column = s->column_base + 1;
  goffset          from = MAX (s->line_start, s->buf_offset) - s->buf_offset;

  for (gsize i = (gsize) from; i < s->pos && i < s->len; i++)
    if ((s->buf[i] & 0xc0) != 0x80)
      column++;

  return stop (s,
               /* Translators: a JSON path, a line and a column number, then what is wrong. */
               g_strdup_printf (_ ("%s (line %u, column %u): %s"), path, s->line, column, message));
}

/* UTF-16 (and UTF-32), as Windows tools save "Unicode" text: a byte order
 * mark FF FE or FE FF, or a NUL byte among the first two, which JSON
 * in UTF-8 never has (RFC 8259 §8.1 reads the encoding the same way). */
static gboolean
is_wide_text (KoersJsonStream *s)
{
  const guchar *p;

  if (ensure (s, 2) < 2)
    return FALSE;
  p = s->buf + s->pos;
  if ((p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe && p[1] == 0xff))
    return TRUE;
  return p[0] == '\0' || p[1] == '\0';
}

static void
skip_space (KoersJsonStream *s)
{
  for (;;)
    {
      int ch = peek (s);

      if (ch == '\n')
        {
          s->pos++;
          s->line++;
          s->line_start = koers_json_stream_get_offset (s);
          s->column_base = 0;
        }
      else if (ch == ' ' || ch == '\t' || ch == '\r')
        s->pos++;
      else
        return;
    }
}

static gboolean
read_hex4 (KoersJsonStream *s,
           gunichar        *out)
{
  int value = ensure (s, 4) < 4 ? -1 : koers_json_parse_hex4 ((const char *) s->buf + s->pos);

  if (value < 0)
    return FALSE;

  s->pos += 4;
  *out = (gunichar) value;
  return TRUE;
}

static void
keep_text (KoersJsonStream *s,
           const guchar    *bytes,
           gsize            n)
{
  if (s->text->len + n <= MAX_TEXT_BYTES)
    g_string_append_len (s->text, (const char *) bytes, n);
}

/* At a '"': the decoded text goes to s->text (its start, for a long one).
 * FALSE after fail(). */
static gboolean
scan_string (KoersJsonStream *s)
{
  gsize n_chars = 0;

  g_string_truncate (s->text, 0);
  s->text_has_nul = FALSE;
  s->pos++;

  for (;;)
    {
      int   ch = peek (s);
      gsize start;

      if (ch < 0)
        {
          fail (s, _ ("the text has no closing quote"));
          return FALSE;
        }

      if (ch == '"')
        {
          s->pos++;
          break;
        }

      if (ch == '\\')
        {
          gunichar unichar;
          char     utf8[6];

          s->pos++;
          ch = peek (s);
          if (ch < 0)
            {
              fail (s, _ ("the text has no closing quote"));
              return FALSE;
            }

          if (ch != 'u')
            {
              int simple = koers_json_unescape (ch);

              if (simple < 0)
                {
                  fail (s, _ ("an unknown escape after a backslash"));
                  return FALSE;
                }
              unichar = (gunichar) simple;
              s->pos++;
            }
          else
            {
              s->pos++;
              if (!read_hex4 (s, &unichar))
                {
                  fail (s, _ ("a \\u escape needs four hexadecimal digits"));
                  return FALSE;
                }
              if (unichar >= 0xd800 && unichar <= 0xdbff)
                {
                  gunichar low;

                  if (ensure (s, 2) < 2 || s->buf[s->pos] != '\\' || s->buf[s->pos + 1] != 'u')
                    {
                      fail (s, _ ("a \\u escape of half a character (a lone surrogate)"));
                      return FALSE;
                    }
                  s->pos += 2;
                  if (!read_hex4 (s, &low) || low < 0xdc00 || low > 0xdfff)
                    {
                      fail (s, _ ("a \\u escape of half a character (a lone surrogate)"));
                      return FALSE;
                    }
                  unichar = 0x10000 + ((unichar - 0xd800) << 10) + (low - 0xdc00);
                }
              else if (unichar >= 0xdc00 && unichar <= 0xdfff)
                {
                  fail (s, _ ("a \\u escape of half a character (a lone surrogate)"));
                  return FALSE;
                }
            }

          if (unichar == 0)
            s->text_has_nul = TRUE;
          keep_text (s, (const guchar *) utf8, g_unichar_to_utf8 (unichar, utf8));
          n_chars++;
          continue;
        }

      if (ch < 0x20)
        {
          fail (s, _ ("a control character in text (write it as an escape)"));
          return FALSE;
        }

      if (ch < 0x80)
        {
          /* A run of plain ASCII at once. */
          start = s->pos;
          while (s->pos < s->len)
            {
              guchar c = s->buf[s->pos];

              if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\')
                break;
              s->pos++;
            }
          keep_text (s, s->buf + start, s->pos - start);
          n_chars += s->pos - start;
        }
      else
        {
          gsize    available = ensure (s, 4);
          gunichar unichar =
            g_utf8_get_char_validated ((const char *) s->buf + s->pos, (gssize) MIN (available, 4));
          gsize width;

          if (unichar == (gunichar) -1 || unichar == (gunichar) -2)
            {
              fail (s, _ ("the text is not valid UTF-8"));
              return FALSE;
            }

          width = (gsize) (g_utf8_next_char ((const char *) s->buf + s->pos) -
                           ((const char *) s->buf + s->pos));
          keep_text (s, s->buf + s->pos, width);
          s->pos += width;
          n_chars++;
        }
    }

  /* json-glib would cut the text there. */
  if (s->text_has_nul)
    add_value_problem (s, _ ("the text holds a NUL character (\\u0000)"));

  if (n_chars > KOERS_JSON_MAX_TEXT_LENGTH)
    {
      g_autofree char *message =
        g_strdup_printf (_ ("the text is longer than %d characters"), KOERS_JSON_MAX_TEXT_LENGTH);

      add_value_problem (s, message);
    }

  return TRUE;
}

static gboolean
scan_digits (KoersJsonStream *s)
{
  gboolean any = FALSE;
  int      ch;

  while ((ch = peek (s)) >= '0' && ch <= '9')
    {
      if (s->text->len < MAX_NUMBER_BYTES)
        g_string_append_c (s->text, (char) ch);
      s->pos++;
      any = TRUE;
    }

  return any;
}

static gboolean
take_char (KoersJsonStream *s,
           int              ch)
{
  if (peek (s) != ch)
    return FALSE;
  g_string_append_c (s->text, (char) ch);
  s->pos++;
  return TRUE;
}

/* FALSE after fail(). */
static gboolean
scan_number (KoersJsonStream *s)
{
  gboolean too_long;

  g_string_truncate (s->text, 0);
  s->number_is_integer = TRUE;

  take_char (s, '-');

  if (!take_char (s, '0') && !scan_digits (s))
    {
      fail (s, _ ("not a valid number"));
      return FALSE;
    }

  if (take_char (s, '.'))
    {
      s->number_is_integer = FALSE;
      if (!scan_digits (s))
        {
          fail (s, _ ("not a valid number"));
          return FALSE;
        }
    }

  if (take_char (s, 'e') || take_char (s, 'E'))
    {
      s->number_is_integer = FALSE;
      if (!take_char (s, '+'))
        take_char (s, '-');
      if (!scan_digits (s))
        {
          fail (s, _ ("not a valid number"));
          return FALSE;
        }
    }

  too_long = s->text->len >= MAX_NUMBER_BYTES;
  s->number = g_ascii_strtod (s->text->str, NULL);

  /* Also catches integers that json-glib would wrap around 2^63. */
  if (too_long || !isfinite (s->number) || fabs (s->number) > KOERS_JSON_MAX_ABS_NUMBER)
    {
      g_autofree char *token = g_strdup (s->text->str);
      g_autofree char *message = NULL;

      if (strlen (token) > MAX_SHOWN)
        strcpy (token + MAX_SHOWN - 3, "...");
      message = g_strdup_printf (_ ("the number %s is out of range (at most 10^15 either way)"),
                                 token);
      add_value_problem (s, message);
      if (!isfinite (s->number))
        s->number = 0;
    }

  return TRUE;
}

static KoersJsonToken
scan_literal (KoersJsonStream *s)
{
  static const struct
  {
    const char    *text;
    KoersJsonToken token;
  } literals[] = {
    { "true", KOERS_JSON_TOKEN_TRUE },
    { "false", KOERS_JSON_TOKEN_FALSE },
    { "null", KOERS_JSON_TOKEN_NULL },
  };
  gsize available = ensure (s, 5);

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize len = strlen (literals[i].text);

      if (available >= len && memcmp (s->buf + s->pos, literals[i].text, len) == 0)
        {
          s->pos += len;
          return literals[i].token;
        }
    }

  return fail (s, _ ("expected a value (text, a number, an object, a list, true, false or null)"));
}

/* FALSE after fail(). */
static gboolean
push (KoersJsonStream *s,
      gboolean         is_object)
{
  Frame frame = { is_object, 0, NULL, NULL, NULL };

  if (s->frames->len >= KOERS_JSON_MAX_DEPTH)
    {
      g_autofree char *message =
        g_strdup_printf (_ ("nested more than %d levels deep"), KOERS_JSON_MAX_DEPTH);

      fail (s, message);
      return FALSE;
    }

  if (is_object)
    frame.keys = g_ptr_array_new_with_free_func (g_free);

  s->pos++;
  g_array_append_val (s->frames, frame);
  return TRUE;
}

static void
pop (KoersJsonStream *s)
{
  s->pos++;
  g_array_set_size (s->frames, s->frames->len - 1);
}

/* Just after a '{' or '[': TRUE, past its closer, when it is empty. */
static gboolean
read_empty_end (KoersJsonStream *s,
                int              closer)
{
  skip_space (s);
  if (peek (s) != closer)
    return FALSE;

  s->token_offset = koers_json_stream_get_offset (s);
  pop (s);
  s->state = STATE_AFTER_VALUE;
  return TRUE;
}

static Frame *
top_frame (KoersJsonStream *s)
{
  return &g_array_index (s->frames, Frame, s->frames->len - 1);
}

/* Whether the object had the member already; remembers it. */
static gboolean
seen_key (Frame      *frame,
          const char *key)
{
  if (frame->key_set != NULL)
    return !g_hash_table_add (frame->key_set, g_strdup (key));

  for (guint i = 0; i < frame->keys->len; i++)
    if (strcmp (g_ptr_array_index (frame->keys, i), key) == 0)
      return TRUE;

  g_ptr_array_add (frame->keys, g_strdup (key));
  if (frame->keys->len > MAX_LISTED_KEYS)
    {
      frame->key_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < frame->keys->len; i++)
        g_hash_table_add (frame->key_set, g_strdup (g_ptr_array_index (frame->keys, i)));
    }
  return FALSE;
}

static KoersJsonToken
read_value (KoersJsonStream *s)
{
  int ch;

  skip_space (s);
  s->token_offset = koers_json_stream_get_offset (s);
  ch = peek (s);

  switch (ch)
    {
    case -1:
      return fail (s, _ ("the file ends where a value should be"));

    case '{':
      if (!push (s, TRUE))
        return KOERS_JSON_TOKEN_ERROR;
      s->state = STATE_OBJECT_START;
      return KOERS_JSON_TOKEN_BEGIN_OBJECT;

    case '[':
      if (!push (s, FALSE))
        return KOERS_JSON_TOKEN_ERROR;
      s->state = STATE_ARRAY_START;
      return KOERS_JSON_TOKEN_BEGIN_ARRAY;

    case '"':
      if (!scan_string (s))
        return KOERS_JSON_TOKEN_ERROR;
      s->state = STATE_AFTER_VALUE;
      return KOERS_JSON_TOKEN_STRING;

    case '-':
    case '0' ... '9':
      if (!scan_number (s))
        return KOERS_JSON_TOKEN_ERROR;
      s->state = STATE_AFTER_VALUE;
      return KOERS_JSON_TOKEN_NUMBER;

    default:
      {
        KoersJsonToken token = scan_literal (s);

        if (token != KOERS_JSON_TOKEN_ERROR)
          s->state = STATE_AFTER_VALUE;
        return token;
      }
    }
}

/* A member name and its ":"; ERROR after fail(). */
static KoersJsonToken
read_key (KoersJsonStream *s)
{
  Frame *frame = top_frame (s);
  int    ch;

  skip_space (s);
  ch = peek (s);
  if (ch < 0)
    return fail (s, _ ("the file ends inside an object (a “}” is missing)"));
  if (ch != '"')
    return fail (s, _ ("expected a member name in double quotes"));

  if (!scan_string (s))
    return KOERS_JSON_TOKEN_ERROR;

  frame = top_frame (s);
  g_free (frame->key);
  frame->key = g_strdup (s->text->str);
  if (seen_key (frame, s->text->str))
    add_value_problem (s, _ ("the member appears twice in the same object"));

  skip_space (s);
  if (peek (s) != ':')
    return fail (s, _ ("expected “:” after the member name"));

  s->pos++;
  s->state = STATE_VALUE;
  return KOERS_JSON_TOKEN_MEMBER;
}

KoersJsonToken
koers_json_stream_next (KoersJsonStream *s)
{
  for (;;)
    {
      switch (s->state)
        {
        case STATE_START:
          /* A byte order mark, as some Windows editors write. */
          if (ensure (s, 3) >= 3 && memcmp (s->buf, "\xef\xbb\xbf", 3) == 0)
            s->pos += 3;

          if (is_wide_text (s))
            /* Translators: a problem in a JSON file: its place, then what is wrong. */
            return stop (s, g_strdup_printf (_ ("%s: %s"), "$",
                                             _ ("this file is UTF-16 text; save it as UTF-8 and import it again")));

          skip_space (s);
          if (peek (s) < 0)
            /* Translators: a problem in a JSON file: its place, then what is wrong. */
            return stop (s, g_strdup_printf (_ ("%s: %s"), "$", _ ("the file is empty")));
          s->state = STATE_VALUE;
          break;

        case STATE_VALUE:
          return read_value (s);

        case STATE_OBJECT_START:
          if (read_empty_end (s, '}'))
            return KOERS_JSON_TOKEN_END_OBJECT;
          s->state = STATE_KEY;
          break;

        case STATE_ARRAY_START:
          if (read_empty_end (s, ']'))
            return KOERS_JSON_TOKEN_END_ARRAY;
          s->state = STATE_VALUE;
          break;

        case STATE_KEY:
          return read_key (s);

        case STATE_AFTER_VALUE:
          {
            Frame *frame;
            int    ch;

            skip_space (s);
            ch = peek (s);

            if (s->frames->len == 0)
              {
                if (ch >= 0)
                  return fail (s, _ ("there is more text after the end of the JSON value"));
                s->state = STATE_DONE;
                return KOERS_JSON_TOKEN_END;
              }

            frame = top_frame (s);

            if (ch < 0)
              return fail (s, frame->is_object
                                ? _ ("the file ends inside an object (a “}” is missing)")
                                : _ ("the file ends inside a list (a “]” is missing)"));

            if (ch == ',')
              {
                s->pos++;
                if (frame->is_object)
                  {
                    g_clear_pointer (&frame->key, g_free);
                    s->state = STATE_KEY;
                  }
                else
                  {
                    frame->index++;
                    s->state = STATE_VALUE;
                  }
                break;
              }

            if ((frame->is_object && ch == '}') || (!frame->is_object && ch == ']'))
              {
                gboolean is_object = frame->is_object;

                s->token_offset = koers_json_stream_get_offset (s);
                pop (s);
                return is_object ? KOERS_JSON_TOKEN_END_OBJECT : KOERS_JSON_TOKEN_END_ARRAY;
              }

            return fail (s, frame->is_object ? _ ("expected “,” or “}”") : _ ("expected “,” or “]”"));
          }

        case STATE_DONE:
        default:
          return s->failed ? KOERS_JSON_TOKEN_ERROR : KOERS_JSON_TOKEN_END;
        }
    }
}

const char *
koers_json_stream_get_text (KoersJsonStream *s)
{
  return s->text->str;
}

/* The value that begins with token, as a node (NULL after an error). */
JsonNode *
koers_json_stream_read_node (KoersJsonStream *s,
                             KoersJsonToken   token)
{
  g_autoptr (GPtrArray) stack = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  JsonNode *root = NULL;

  for (;;)
    {
      JsonNode *node = NULL;
      gboolean  opens = FALSE;

      switch (token)
        {
        case KOERS_JSON_TOKEN_BEGIN_OBJECT:
          node = json_node_new (JSON_NODE_OBJECT);
          json_node_take_object (node, json_object_new ());
          opens = TRUE;
          break;
        case KOERS_JSON_TOKEN_BEGIN_ARRAY:
          node = json_node_new (JSON_NODE_ARRAY);
          json_node_take_array (node, json_array_new ());
          opens = TRUE;
          break;
        case KOERS_JSON_TOKEN_STRING:
          node = json_node_init_string (json_node_alloc (), s->text->str);
          break;
        case KOERS_JSON_TOKEN_NUMBER:
          if (s->number_is_integer && fabs (s->number) < 9007199254740992.0)
            node = json_node_init_int (json_node_alloc (), (gint64) s->number);
          else
            node = json_node_init_double (json_node_alloc (), s->number);
          break;
        case KOERS_JSON_TOKEN_TRUE:
        case KOERS_JSON_TOKEN_FALSE:
          node = json_node_init_boolean (json_node_alloc (), token == KOERS_JSON_TOKEN_TRUE);
          break;
        case KOERS_JSON_TOKEN_NULL:
          node = json_node_init_null (json_node_alloc ());
          break;
        case KOERS_JSON_TOKEN_MEMBER:
          g_ptr_array_add (names, g_strdup (s->text->str));
          token = koers_json_stream_next (s);
          continue;
        case KOERS_JSON_TOKEN_END_OBJECT:
        case KOERS_JSON_TOKEN_END_ARRAY:
          node = g_ptr_array_steal_index (stack, stack->len - 1);
          break;
        case KOERS_JSON_TOKEN_END:
        case KOERS_JSON_TOKEN_ERROR:
        default:
          return NULL;
        }

      if (opens)
        {
          g_ptr_array_add (stack, node);
          token = koers_json_stream_next (s);
          continue;
        }

      /* A complete value: into its parent, or the result. */
      if (stack->len == 0)
        {
          root = node;
          break;
        }
      else
        {
          JsonNode *parent = g_ptr_array_index (stack, stack->len - 1);

          if (JSON_NODE_HOLDS_OBJECT (parent))
            {
              char *name = g_ptr_array_steal_index (names, names->len - 1);

              json_object_set_member (json_node_get_object (parent), name, node);
              g_free (name);
            }
          else
            json_array_add_element (json_node_get_array (parent), node);
        }

      token = koers_json_stream_next (s);
    }

  return root;
}

/* Reads past the value that begins with token, checking it as it goes;
 * FALSE after an error. */
gboolean
koers_json_stream_skip (KoersJsonStream *s,
                        KoersJsonToken   token)
{
  guint depth = 0;

  for (;;)
    {
      switch (token)
        {
        case KOERS_JSON_TOKEN_BEGIN_OBJECT:
        case KOERS_JSON_TOKEN_BEGIN_ARRAY:
          depth++;
          break;
        case KOERS_JSON_TOKEN_END_OBJECT:
        case KOERS_JSON_TOKEN_END_ARRAY:
          depth--;
          break;
        case KOERS_JSON_TOKEN_MEMBER:
          token = koers_json_stream_next (s);
          continue;
        case KOERS_JSON_TOKEN_END:
        case KOERS_JSON_TOKEN_ERROR:
          return FALSE;
        case KOERS_JSON_TOKEN_STRING:
        case KOERS_JSON_TOKEN_NUMBER:
        case KOERS_JSON_TOKEN_TRUE:
        case KOERS_JSON_TOKEN_FALSE:
        case KOERS_JSON_TOKEN_NULL:
        default:
          break;
        }

      if (depth == 0)
        return TRUE;
      token = koers_json_stream_next (s);
    }
}

gboolean
koers_json_check_syntax (const char *data,
                         gsize       length,
                         GPtrArray  *problems)
{
  g_autoptr (GInputStream) input = g_memory_input_stream_new_from_data (data, (gssize) length,
                                                                        NULL);
  KoersJsonStream *s = koers_json_stream_new (input, problems);
  KoersJsonToken   token;
  gboolean         ok;

  do
    token = koers_json_stream_next (s);
  while (token != KOERS_JSON_TOKEN_END && token != KOERS_JSON_TOKEN_ERROR);

  ok = token == KOERS_JSON_TOKEN_END;
  koers_json_stream_free (s);
  return ok;
}
