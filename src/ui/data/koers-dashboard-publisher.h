/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* Publishing the intranet dashboard (Preferences → Dashboard): while the
 * setting "dashboard-folder" names a folder, the page of the current
 * quarter, the whole company, in the interface's language, is rewritten
 * there as index.html a few seconds after each change to the store (this
 * window's or another process's, which the store notices), through a
 * temporary file renamed over it.  A failure shows a toast with its reason
 * near toast_widget and is retried later, waiting longer each time. */
#define KOERS_TYPE_DASHBOARD_PUBLISHER (koers_dashboard_publisher_get_type ())
G_DECLARE_FINAL_TYPE (KoersDashboardPublisher, koers_dashboard_publisher, KOERS, DASHBOARD_PUBLISHER, GObject)

#define KOERS_DASHBOARD_FILE_NAME "index.html"

/* toast_widget (weak, may be NULL): where failures show. */
KoersDashboardPublisher *koers_dashboard_publisher_new (KoersStore *store,
                                                        GSettings  *settings,
                                                        GtkWidget  *toast_widget);

/* The wait after a change, and the first wait after a failure (doubled
 * after each further one, up to 64 times); tests shorten them. */
void koers_dashboard_publisher_set_delays (KoersDashboardPublisher *self,
                                           guint                    debounce_ms,
                                           guint                    retry_ms);
/* Failures since the last page written. */
guint koers_dashboard_publisher_get_failures (KoersDashboardPublisher *self);
/* Pages written since it started. */
guint koers_dashboard_publisher_get_n_published (KoersDashboardPublisher *self);

G_END_DECLS
