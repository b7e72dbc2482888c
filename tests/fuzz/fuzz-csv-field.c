/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "koers-csv.h"
#include "../test-csv-reader.h"

/* libFuzzer target: the CSV writer's quoting and formula guard.  The input
 * is cut at NUL bytes into the fields of one row; the row is written and
 * read back by a strict RFC 4180 reader.  It must read back as one row of
 * the same fields, each behind a ' when (and only when) it starts with a
 * formula character and is no number, and no cell may start with a
 * formula character unless it is a number.  Run by build-aux/run-fuzz.sh. */

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define MAX_FIELDS 64

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GPtrArray) fields = g_ptr_array_new ();
  g_autoptr (GString) row = g_string_new (NULL);
  g_autoptr (GPtrArray) rows = NULL;
  char **cells;

  /* A field ends at a NUL; the input ends the last one. */
  for (const char *p = (const char *) data, *end = p + size;
       p <= end && fields->len < MAX_FIELDS;)
    {
      const char *nul = memchr (p, '\0', end - p);
      const char *stop = nul != NULL ? nul : end;

      g_ptr_array_add (fields, g_strndup (p, stop - p));
      p = stop + 1;
    }
  g_ptr_array_set_free_func (fields, g_free);

  koers_csv_append_row (row, (const char *const *) fields->pdata, fields->len);
  rows = read_csv (row->str);
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, 1);
  cells = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (g_strv_length (cells), ==, fields->len);

  for (guint i = 0; i < fields->len; i++)
    {
      const char *field = fields->pdata[i];
      const char *cell = cells[i];

      if (koers_csv_needs_formula_guard (field))
        {
          g_assert_cmpint (cell[0], ==, '\'');
          g_assert_cmpstr (cell + 1, ==, field);
        }
      else
        g_assert_cmpstr (cell, ==, field);

      if (cell[0] != '\0' && strchr ("=+-@\t\r", cell[0]) != NULL)
        g_assert_false (koers_csv_needs_formula_guard (cell));
    }

  return 0;
}
