/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The app's GSettings, or NULL when the schema is not installed (a build
 * run by hand); shared by the window and the headless commands. */
GSettings *koers_settings_lookup (void);

/* The database a start without --database opens: $KOERS_DATABASE, else the
 * company server when Preferences chose it (use-server, server-uri), else
 * the file the person chose when the default could not be used, else the
 * store's default path. */
char *koers_settings_get_default_database (void);

G_END_DECLS
