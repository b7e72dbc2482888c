/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KOERS_TYPE_COMMAND_LINE (koers_command_line_get_type ())
G_DECLARE_FINAL_TYPE (KoersCommandLine, koers_command_line, KOERS, COMMAND_LINE, GApplication)

/* koers as started: parses the options as the window would (the same
 * entries, the same --help), runs a headless command (--export-pdf, …)
 * or --version, and otherwise says that the window is wanted.  A GIO
 * application that never registers: the commands load no GTK. */
KoersCommandLine *koers_command_line_new (void);

/* After g_application_run (): TRUE when no command was given and the
 * options were good, so the window's module should start. */
gboolean koers_command_line_get_wants_window (KoersCommandLine *self);

G_END_DECLS
