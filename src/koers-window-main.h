/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The name main() looks up in the window's module. */
#define KOERS_WINDOW_MAIN_SYMBOL "koers_window_main"

/* The window's part of koers, in a module of its own so that the
 * headless commands start without GTK: runs the application with the
 * options koers has checked.  Returns the exit status; *restart_requested
 * says that main() should start koers again (a new language). */
typedef int (*KoersWindowMainFunc) (int         argc,
                                    char      **argv,
                                    const char *language,
                                    gboolean   *restart_requested);

int koers_window_main (int         argc,
                       char      **argv,
                       const char *language,
                       gboolean   *restart_requested);

G_END_DECLS
