/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "koers-csv-import.h"

/* libFuzzer target: the spreadsheet import (issue 17).  The input is a
 * CSV file as saved; it is decoded, split into rows, mapped by its
 * headers and planned into one period of a database made once (planning
 * reads, never writes).  A refused file must say why; an accepted one
 * must give a preview whose problem count matches its problem lines and
 * a describable plan.  Run by build-aux/run-fuzz.sh. */

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static KoersStore *
get_store (void)
{
  static KoersStore *store;

  if (store == NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("koers-fuzz-csv-XXXXXX", &error);
      g_autofree char *path = NULL;

      g_assert_no_error (error);
      path = g_build_filename (dir, "koers.db", NULL);
      store = koers_store_open (path, &error);
      g_assert_no_error (error);
    }
  return store;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersCsvImport) import = koers_csv_import_new (bytes, &error);
  g_autofree char *summary = NULL;
  GPtrArray       *preview;
  guint            problems = 0;
  KoersPeriod      period;
  GDate            today;

  if (import == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == KOERS_CSV_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert_true (koers_period_parse ("2026-Q2", &period, NULL));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 10, G_DATE_MAY, 2026);
  g_assert_true (koers_csv_import_plan (import, get_store (), &period, &today, &error));
  g_assert_no_error (error);

  preview = koers_csv_import_get_preview (import);
  for (guint i = 0; i < preview->len; i++)
    {
      KoersCsvPreviewLine *line = g_ptr_array_index (preview, i);

      g_assert_true (g_utf8_validate (line->text, -1, NULL));
      problems += line->kind == KOERS_CSV_PREVIEW_PROBLEM;
    }
  g_assert_cmpuint (problems, ==, koers_csv_import_get_n_problems (import));
  summary = koers_csv_import_describe (import);
  g_assert_nonnull (summary);
  return 0;
}
