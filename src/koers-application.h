/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

#define KOERS_TYPE_APPLICATION (koers_application_get_type ())
G_DECLARE_FINAL_TYPE (KoersApplication, koers_application, KOERS, APPLICATION, AdwApplication)

/* Applies the GSettings "language" key (when not "system") to LANGUAGE
 * and the formatting language; call before gettext is used.  Returns the
 * key's value ("system", "nl" or "en"). */
char *koers_application_apply_language (void);
/* Puts LANGUAGE back as it was before apply_language(), for a restart. */
void koers_application_restore_environment (void);

KoersApplication *koers_application_new (const char *running_language);
/* TRUE after app.restart: main() starts the program again once the
 * application has gone. */
gboolean koers_application_get_restart_requested (KoersApplication *self);

G_END_DECLS
