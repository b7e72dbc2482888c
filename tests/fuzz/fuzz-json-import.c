/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>

#include <glib/gstdio.h>

#include "koers-json-private.h"

/* libFuzzer target: any bytes through the strict syntax check, the reader
 * and the merge planner against a database with content; what plans is
 * then written into a new database of its own, so that every input runs
 * the same way.  Built with clang only (tests/fuzz/meson.build); run by
 * build-aux/run-fuzz.sh. */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static KoersStore *store;
static char       *dir;

static void
remove_dir (void)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_clear_object (&store);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *fixture = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (KoersImportPlan) plan = NULL;
  gsize length;

  /* A warning or critical is a bug the fuzzer should report. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_setenv ("KOERS_TODAY", "2026-05-15", TRUE);

  dir = g_dir_make_tmp ("koers-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (remove_dir);

  path = g_build_filename (dir, "koers.db", NULL);
  store = koers_store_open (path, &error);
  g_assert_no_error (error);

  /* Something for references and matches to meet. */
  fixture = g_build_filename (KOERS_FUZZ_SRCDIR, "corpus", "minimal.json", NULL);
  if (g_file_get_contents (fixture, &contents, &length, NULL))
    {
      plan = koers_json_import_plan_from_data (store, contents, length, KOERS_JSON_IMPORT_ADD,
                                               &error);
      g_assert_no_error (error);
      g_assert_true (koers_json_import_apply (plan, &error));
    }

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersImportPlan) plan = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  koers_json_check_syntax ((const char *) data, size, problems);

  plan = koers_json_import_plan_from_data (store, (const char *) data, size,
                                           KOERS_JSON_IMPORT_MERGE, &error);
  g_assert ((plan == NULL) == (error != NULL));
  if (plan == NULL)
    return 0;

  /* Valid: write it, into a new database so the next input starts from
   * the same state. */
  {
    g_autofree char *path = g_build_filename (dir, "apply.db", NULL);
    g_autoptr (KoersStore) fresh = koers_store_open (path, &error);
    g_autoptr (KoersImportPlan) fresh_plan = NULL;
    g_autofree char *exported = NULL;

    g_assert_no_error (error);
    fresh_plan = koers_json_import_plan_from_data (fresh, (const char *) data, size,
                                                   KOERS_JSON_IMPORT_ADD, &error);
    /* A plain import may refuse only what the database has. */
    if (fresh_plan != NULL)
      {
        if (!koers_json_import_apply (fresh_plan, &error))
          g_error ("A checked file did not write: %s", error->message);
        exported = koers_json_export_to_string (fresh, NULL, 1, &error);
        g_assert_no_error (error);
      }
    g_clear_pointer (&fresh_plan, koers_import_plan_free);
    g_clear_object (&fresh);

    {
      static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

          g_unlink (name);
        }
    }
  }

  return 0;
}
