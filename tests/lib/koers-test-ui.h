/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the widget tests: a display (or exit 77, which meson counts as
 * skipped), a store in a temporary folder, main-loop spins, a window like
 * the app's, and ways to find what a user would see. */

#include <adwaita.h>

#include "core/koers-period.h"
#include "core/koers-summary.h"
#include "koers-test-store.h"

G_BEGIN_DECLS

/* User text as the window shows it among other text: in a bidi isolate
 * (U+2068 … U+2069, see koers_text_isolate()). */
#define KOERS_TEST_ISOLATED(text) "\u2068" text "\u2069"

typedef struct
{
  char       *dir;
  char       *path;
  KoersStore *store;
} KoersTestUiDb;

/* g_test_init(), then GTK and libadwaita; exits 77 without a display. */
void koers_test_ui_init (int    *argc,
                         char ***argv);
/* A store on a new file in a new temporary folder. */
void koers_test_ui_db_open (KoersTestUiDb *db);
/* The same in a new folder named after template (NULL: "koers-ui-XXXXXX"). */
void koers_test_ui_db_open_in (KoersTestUiDb *db,
                               const char *template);
/* Makes every later insert or update of table fail (a trigger), as a full
 * disk or a broken file would, through a connection of its own. */
void koers_test_ui_refuse_writes (KoersTestUiDb *db,
                                  const char    *table);
/* A label under root whose text (markup parsed) holds text. */
gboolean koers_test_ui_has_label_containing (GtkWidget  *root,
                                             const char *text);
/* Closes the store and removes the folder. */
void koers_test_ui_db_close (KoersTestUiDb *db);
/* A second connection to the same file: what a restart would read. */
KoersStore *koers_test_ui_db_reopen (KoersTestUiDb *db);

/* Runs what is pending in the main loop (activations are asynchronous). */
void koers_test_ui_iterate (void);
/* Runs the main loop for ms milliseconds: long enough for a frame. */
void koers_test_ui_spin (guint ms);

/* A window as the app has one, presented and drawn: an AdwToastOverlay
 * around child. */
GtkWindow *koers_test_ui_window_new (GtkWidget *child,
                                     int        width,
                                     int        height);
/* Adds widget and everything under it that is a type to out. */
void koers_test_ui_collect (GtkWidget *widget,
                            GType      type,
                            GPtrArray *out);
/* Widgets of type under root that are mapped: on screen, not recycled
 * (a new array of borrowed widgets). */
GPtrArray *koers_test_ui_find_mapped (GtkWidget *root,
                                      GType      type);
/* The first mapped button whose label, without its mnemonic mark, is label. */
GtkWidget *koers_test_ui_find_button (GtkWidget  *root,
                                      const char *label);
/* The first mapped label under root whose text is text (or, with prefix,
 * starts with it). */
GtkLabel *koers_test_ui_find_label (GtkWidget  *root,
                                    const char *text,
                                    gboolean    prefix);
/* The entry row, or combo row, titled title under root. */
AdwEntryRow *koers_test_ui_find_entry_row (GtkWidget  *root,
                                           const char *title);
AdwComboRow *koers_test_ui_find_combo_row (GtkWidget  *root,
                                           const char *title);
/* A window of type that is open (borrowed), or NULL. */
GtkWindow *koers_test_ui_find_toplevel (GType type);
void       koers_test_ui_destroy_toplevels (GType type);
/* Clicks the toast's Undo under root (the toast overlay's window). */
void koers_test_ui_click_undo (GtkWidget *root);

/* Destroys window, runs the main loop, and asserts that this took the
 * last reference: nothing keeps the window, or what it shows, alive. */
void koers_test_ui_destroy_and_assert_finalized (GtkWindow *window);
/* The same for every open window of type (a test's teardown). */
void koers_test_ui_finalize_toplevels (GType type);
/* Destroys window and asserts that widget, which it showed, is
 * finalized with it (the caller holds no reference). */
void koers_test_ui_assert_finalized_with (GtkWindow *window,
                                          gpointer   widget);

G_END_DECLS
