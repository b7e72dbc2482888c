/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Temporary folders for the tests. */

#include <glib.h>

G_BEGIN_DECLS

/* A new folder under the system's temporary folder (g_dir_make_tmp). */
char *koers_test_make_tmp_dir (const char *template_name);
/* Removes path and all under it, also what a test made read-only; a
 * symbolic link is removed, not followed. */
void koers_test_remove_tree (const char *path);

G_END_DECLS
