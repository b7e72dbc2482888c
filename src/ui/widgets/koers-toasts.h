/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The one place toasts are made: errors and "Undo".  Toasts go to the
 * AdwToastOverlay around widget or, for a window (an editor, a dialog),
 * to the first one inside it. */

AdwToastOverlay *koers_toasts_find_overlay (GtkWidget *widget);
/* Shows toast (transfer full) near widget; drops it when there is no
 * overlay. */
void koers_toasts_add (GtkWidget *widget,
                       AdwToast  *toast);
/* The message of error (already translated) in a high-priority toast;
 * user text in it is escaped, a toast title being markup. */
void koers_toasts_show_error (GtkWidget    *widget,
                              const GError *error);

/* A toast titled title (markup) near window with an Open button that
 * shows file in the system's application for it. */
void koers_toasts_offer_open (GtkWindow  *window,
                              const char *title,
                              GFile      *file);

/* Puts back what was deleted; FALSE (and error) when the store refused. */
typedef gboolean (*KoersToastsUndoFunc) (gpointer data,
                                         GError **error);

/* A toast titled title (markup) with an Undo button that calls undo
 * (data); a failed undo shows its error in a toast.  data_free frees data
 * when the toast is gone. */
void koers_toasts_offer_undo (GtkWidget          *widget,
                              const char         *title,
                              KoersToastsUndoFunc undo,
                              gpointer            data,
                              GDestroyNotify      data_free);

G_END_DECLS
