/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the widget tests: a display (or exit 77, which meson counts
 * as skipped), a store in a temporary folder, a main-loop spin. */

#include <stdlib.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "core/koers-period.h"
#include "core/koers-summary.h"
#include "store/koers-store.h"

typedef struct
{
  char       *dir;
  char       *path;
  KoersStore *store;
} KoersUiTestDb;

static inline void
koers_ui_test_init (int    *argc,
                    char ***argv)
{
  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the widget tests (run them under Xvfb).\n");
      exit (77);
    }

  adw_init ();
}

/* In a new folder named after template (NULL: "koers-ui-XXXXXX"). */
static inline void
koers_ui_test_db_open_in (KoersUiTestDb *db,
                          const char    *template)
{
  g_autoptr(GError) error = NULL;

  db->dir = g_dir_make_tmp (template != NULL ? template : "koers-ui-XXXXXX", &error);
  g_assert_no_error (error);
  db->path = g_build_filename (db->dir, "koers.db", NULL);
  db->store = koers_store_open (db->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db->store);
}

static inline void
koers_ui_test_db_open (KoersUiTestDb *db)
{
  koers_ui_test_db_open_in (db, NULL);
}

/* Makes every later insert or update of table fail (a trigger), as a full
 * disk or a broken file would, through a connection of its own. */
static inline void
koers_ui_test_refuse_writes (KoersUiTestDb *db,
                             const char    *table)
{
  g_autofree char *sql = g_strdup_printf (
    "CREATE TRIGGER refuse_insert BEFORE INSERT ON %s BEGIN SELECT RAISE (ABORT, 'no'); END;"
    "CREATE TRIGGER refuse_update BEFORE UPDATE ON %s BEGIN SELECT RAISE (ABORT, 'no'); END;",
    table, table);
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (db->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
}

static inline void
koers_ui_test_db_close (KoersUiTestDb *db)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&db->store);

  dir = g_dir_open (db->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (db->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (db->dir);

  g_clear_pointer (&db->dir, g_free);
  g_clear_pointer (&db->path, g_free);
}

static inline KoersDepartment *
koers_ui_test_find_department (KoersStore *store,
                               const char *name)
{
  KoersDepartment *dept = koers_store_find_department_by_name (store, name);

  g_assert_nonnull (dept);
  return dept;
}

/* Runs what is pending in the main loop (activations are asynchronous). */
static inline void
koers_ui_test_spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}
