/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Loads the CSS resource into the default display, once per display:
 * *styled_display (a static of the caller's) remembers which. */
void koers_style_load_once (GdkDisplay **styled_display,
                            const char  *resource);

G_END_DECLS
