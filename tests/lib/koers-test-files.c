/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "koers-test-files.h"

char *
koers_test_make_tmp_dir (const char *template_name)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp (template_name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

void
koers_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr (GDir) dir = NULL;
      const char *name;

      /* Tests make folders unwritable to see a write fail. */
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          koers_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}
