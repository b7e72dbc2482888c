/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "koers-test-ui.h"
#include "ui/window/koers-database-dialog.h"

/* A new database beside one that cannot be used gets a name no file has:
 * the old file is never written over. */
static void
test_free_path (void)
{
  g_autofree char *dir = g_dir_make_tmp ("koers-database-dialog-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "koers.db", NULL);
  g_autofree char *second = g_build_filename (dir, "koers (2).db", NULL);
  g_autofree char *third = g_build_filename (dir, "koers (3).db", NULL);
  g_autofree char *plain = g_build_filename (dir, "data", NULL);
  g_autofree char *plain_second = g_build_filename (dir, "data (2)", NULL);
  g_autofree char *link = g_build_filename (dir, "gone.db", NULL);
  g_autofree char *link_second = g_build_filename (dir, "gone (2).db", NULL);
  g_autofree char *link_third = g_build_filename (dir, "gone (3).db", NULL);
  g_autofree char *found = NULL;

  g_assert_true (g_file_set_contents (db, "x", -1, NULL));
  found = koers_database_dialog_find_free_path (db);
  g_assert_cmpstr (found, ==, second);
  g_clear_pointer (&found, g_free);

  g_assert_true (g_file_set_contents (second, "x", -1, NULL));
  found = koers_database_dialog_find_free_path (db);
  g_assert_cmpstr (found, ==, third);
  g_clear_pointer (&found, g_free);

  found = koers_database_dialog_find_free_path (plain);
  g_assert_cmpstr (found, ==, plain_second);
  g_clear_pointer (&found, g_free);

  /* A link to nowhere counts as taken: writing there would follow it. */
  g_assert_cmpint (symlink ("/nonexistent/koers.db", link_second), ==, 0);
  found = koers_database_dialog_find_free_path (link);
  g_assert_cmpstr (found, ==, link_third);

  g_unlink (link_second);
  g_unlink (second);
  g_unlink (db);
  g_rmdir (dir);
}

/* The explanation is the store's message, and the window is named by the
 * heading, as a screen reader announces it. */
static void
test_dialog (void)
{
  g_autoptr (GError) error = g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_FAILED,
                                                  "“koers.db” is not a database file");
  AdwMessageDialog *dialog = koers_database_dialog_new (NULL, error);

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Open Database");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Cannot Open Database");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, error->message);
  g_assert_false (adw_message_dialog_get_body_use_markup (dialog));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (dialog)), ==,
                   GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  koers_test_ui_init (&argc, &argv);

  g_test_add_func ("/database-dialog/free-path", test_free_path);
  g_test_add_func ("/database-dialog/dialog", test_dialog);

  return g_test_run ();
}
