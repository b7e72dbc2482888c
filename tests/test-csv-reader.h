/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the CSV test and the CSV fuzz target. */

#include <glib.h>

/* A strict RFC 4180 reader, to read back what the writer wrote: rows of
 * fields (a GPtrArray of GStrv), or NULL when the text breaks the rules. */
static inline GPtrArray *
read_csv (const char *text)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++;; p++)
            {
              if (*p == '\0')
                return NULL;
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
        }
      else
        {
          while (*p != '\0' && *p != ',' && *p != '\r' && *p != '\n')
            {
              if (*p == '"')
                return NULL;
              g_string_append_c (field, *p++);
            }
        }

      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);

      if (*p == ',')
        p++;
      else if (p[0] == '\r' && p[1] == '\n')
        {
          p += 2;
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
        }
      else
        return NULL; /* a bare LF or CR, or text after a closing quote */
    }

  if (fields->len > 0)
    return NULL; /* the last row has no CRLF */

  return g_steal_pointer (&rows);
}
