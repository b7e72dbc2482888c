/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "koers-csv-reader.h"

/* clang-format would read the dashed name as a subtraction. */
/* clang-format off */
G_DEFINE_QUARK (koers-csv-error-quark, koers_csv_error)
/* clang-format on */

static char *
convert (const char *data,
         gsize       length,
         const char *from,
         GError    **error)
{
  g_autoptr (GError) local = NULL;
  char *text = g_convert (data, length, "UTF-8", from, NULL, NULL, &local);

  if (text == NULL)
    g_set_error_literal (error, KOERS_CSV_ERROR, KOERS_CSV_ERROR_ENCODING,
                         _ ("The file is not UTF-8, UTF-16 or Windows-1252 text: save it from "
                            "the spreadsheet as CSV (UTF-8) and try again"));
  return text;
}

char *
koers_csv_decode (const char *data,
                  gsize       length,
                  GError    **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* g_strndup (NULL, 0) is NULL, not "". */
  if (length == 0)
    return g_strdup ("");

  if (length >= 2 && (guchar) data[0] == 0xff && (guchar) data[1] == 0xfe)
    text = convert (data + 2, length - 2, "UTF-16LE", error);
  else if (length >= 2 && (guchar) data[0] == 0xfe && (guchar) data[1] == 0xff)
    text = convert (data + 2, length - 2, "UTF-16BE", error);
  else
    {
      if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
        {
          data += 3;
          length -= 3;
        }
      /* g_strndup() would stop at a NUL and lose the rest without a
       * word: such a file is not text a spreadsheet saved. */
      if (memchr (data, '\0', length) != NULL)
        {
          g_set_error_literal (error, KOERS_CSV_ERROR, KOERS_CSV_ERROR_ENCODING,
                               _ ("The file holds binary data, not text: save it from the "
                                  "spreadsheet as CSV and try again"));
          return NULL;
        }
      if (g_utf8_validate_len (data, length, NULL))
        text = g_strndup (data, length);
      else
        /* Every byte is a character in Windows-1252 but five; a file
         * that has one of those is not text a spreadsheet wrote. */
        text = convert (data, length, "WINDOWS-1252", error);
    }

  return g_steal_pointer (&text);
}

char
koers_csv_guess_separator (const char *text)
{
  static const char candidates[] = { ';', '\t', ',' };
  guint             counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean          quoted = FALSE;
  guint             best = G_N_ELEMENTS (candidates) - 1;

  g_return_val_if_fail (text != NULL, ',');

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted)
        for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
          counts[i] += *p == candidates[i];
    }

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > counts[best])
      best = i;

  return candidates[best];
}

/* Ends the current row: *row gets a NULL end and joins rows. */
static void
end_row (GPtrArray *rows,
         GPtrArray *fields)
{
  g_ptr_array_add (fields, NULL);
  g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
}

GPtrArray *
koers_csv_read_rows (const char *text,
                     char        separator,
                     GError    **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) field = g_string_new (NULL);
  const char *p = text;

  g_return_val_if_fail (text != NULL, NULL);

  while (*p != '\0')
    {
      if (*p == '"')
        {
          guint row = rows->len + 1;

          for (p++;; p++)
            {
              if (*p == '\0')
                {
                  g_set_error (error, KOERS_CSV_ERROR, KOERS_CSV_ERROR_SYNTAX,
                               /* Translators: %u is a spreadsheet row number. */
                               _ ("Row %u: a field opens a quote (\") that is never closed"),
                               row);
                  return NULL;
                }
              if (*p == '"' && p[1] == '"')
                p++;
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              g_string_append_c (field, *p);
            }
        }

      /* Unquoted text, or what follows a closing quote: kept as it is. */
      while (*p != '\0' && *p != separator && *p != '\r' && *p != '\n')
        g_string_append_c (field, *p++);

      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);

      if (*p == separator)
        {
          p++;
          /* A separator at the very end still opens one (empty) field. */
          if (*p == '\0')
            g_ptr_array_add (fields, g_strdup (""));
          continue;
        }
      if (*p == '\r')
        p++;
      if (*p == '\n')
        p++;
      end_row (rows, fields);
    }

  if (fields->len > 0)
    end_row (rows, fields);

  return g_steal_pointer (&rows);
}

GBytes *
koers_csv_load_file (GFile   *file,
                     GError **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autofree char *name = NULL;
  char            *contents = NULL;
  gsize            length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  /* Asked before it is opened: opening a pipe waits for a writer. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, KOERS_CSV_ERROR, KOERS_CSV_ERROR_FILE,
                   /* Translators: %s is a file name. */
                   _ ("“%s” is not a regular file: choose a CSV file saved from a spreadsheet"),
                   name);
      return NULL;
    }
  if (g_file_info_get_size (info) > KOERS_CSV_MAX_FILE_SIZE)
    {
      g_set_error (error, KOERS_CSV_ERROR, KOERS_CSV_ERROR_FILE,
                   /* Translators: %s is a file name, %d a number of megabytes. */
                   _ ("“%s” is larger than %d MB, too large for a spreadsheet of OKRs"), name,
                   KOERS_CSV_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  return g_bytes_new_take (contents, length);
}
