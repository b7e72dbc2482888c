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

/* Applies the GSettings "language" key (when not "system") to LANGUAGE
 * and the formatting language; call before gettext is used.  Returns the
 * key's value ("system", "nl" or "en"). */
char *koers_settings_apply_language (void);
/* Puts LANGUAGE back as it was before apply_language(), for a restart. */
void koers_settings_restore_environment (void);

G_END_DECLS
