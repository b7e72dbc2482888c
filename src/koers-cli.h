/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The headless commands (--export-pdf, --export-json, --import-json,
 * --export-csv, --check, --create-demo) with their modifiers (--period,
 * --departments, --language, --merge; --database is the application's).
 * They run in handle-local-options, before the application registers on
 * D-Bus and before GTK is initialised, so they need no display. */

/* Adds the commands' and modifiers' option entries to application. */
void koers_cli_add_options    (GApplication *application);

/* Runs the command the parsed options name.  Returns -1 when there is
 * none (the application starts as usual), else the exit status: 0 done,
 * 1 failed, 2 bad usage.  Messages go to stdout and stderr, translated. */
int  koers_cli_handle_options (GVariantDict *options);

G_END_DECLS
