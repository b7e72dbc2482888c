/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "core/koers-enums.h"

G_BEGIN_DECLS

/* The look of objectives and key results: editor.css, and a key-result
 * status's icon and css class. */

/* Loads editor.css into the display once. */
void        koers_editor_style_ensure (void);
const char *koers_editor_style_get_status_icon (KoersKrStatus status);
const char *koers_editor_style_get_status_css_class (KoersKrStatus status);

G_END_DECLS
