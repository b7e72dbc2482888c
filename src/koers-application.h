/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

#define KOERS_TYPE_APPLICATION (koers_application_get_type ())
G_DECLARE_FINAL_TYPE (KoersApplication, koers_application, KOERS, APPLICATION, AdwApplication)

KoersApplication *koers_application_new (const char *running_language);
/* TRUE after app.restart: main() starts the program again once the
 * application has gone. */
gboolean koers_application_get_restart_requested (KoersApplication *self);

G_END_DECLS
