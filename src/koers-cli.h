/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The headless commands (--export-pdf, --export-json, --import-json,
 * --export-csv, --check, --create-demo) with their modifiers (--period,
 * --departments, --language, --merge; --database is the application's).
 * They run in handle-local-options, before the application registers on
 * D-Bus and before GTK is initialised, so they need no display. */

/* Adds every option of koers (--database, --hidden, --version, the
 * commands and their modifiers) and the --help text to application: the
 * command line and the window parse the same options. */
void koers_cli_add_options (GApplication *application);

/* Runs the command the parsed options name.  Returns -1 when there is
 * none (the application starts as usual), else the exit status: 0 done,
 * 1 failed, 2 bad usage.  Messages go to stdout and stderr, translated. */
int koers_cli_handle_options (GVariantDict *options);

/* Routes g_print() and g_printerr(), which carry everything Koers prints
 * (GLib's option errors and --help too), through an escape: control
 * characters that came from a file, a database or the command line reach
 * the terminal as \u001b, never raw. */
void koers_cli_install_print_handlers (void);

/* After GLib refused the options (and said why): the pointer to --help,
 * and the exit status for a mistake in the options, 2. */
int koers_cli_report_bad_options (void);

G_END_DECLS
