/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-style.h"

void
koers_style_load_once (GdkDisplay **styled_display,
                       const char  *resource)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr (GtkCssProvider) provider = NULL;

  /* One provider per display: widgets call this from init, which runs for
   * every card and row, so the common case must be a pointer comparison. */
  if (display == NULL || display == *styled_display)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, resource);
  gtk_style_context_add_provider_for_display (display,
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  *styled_display = display;
}
