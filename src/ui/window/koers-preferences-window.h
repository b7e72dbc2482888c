/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* Language (GSettings "language", applied at the next start, with a
 * "Restart Now" toast that activates app.restart), the organisation name
 * kept in the database, and the name written into the history (GSettings
 * "author-name"; empty: the account's name). */
#define KOERS_TYPE_PREFERENCES_WINDOW (koers_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (KoersPreferencesWindow, koers_preferences_window, KOERS, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* running_language: the "language" value in effect since start ("system",
 * "nl" or "en"), to tell whether a restart is needed. */
GtkWidget *koers_preferences_window_new (GtkWindow  *parent,
                                         KoersStore *store,
                                         GSettings  *settings,
                                         const char *running_language);

G_END_DECLS
