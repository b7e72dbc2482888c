/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "koers-toasts.h"

static AdwToastOverlay *
find_overlay_below (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *found = find_overlay_below (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

AdwToastOverlay *
koers_toasts_find_overlay (GtkWidget *widget)
{
  GtkWidget *ancestor;
  GtkRoot   *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  ancestor = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (ancestor != NULL)
    return ADW_TOAST_OVERLAY (ancestor);

  /* A window shows its own toasts somewhere inside. */
  if (GTK_IS_WINDOW (widget))
    return find_overlay_below (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    return find_overlay_below (GTK_WIDGET (root));

  return NULL;
}

void
koers_toasts_add (GtkWidget *widget,
                  AdwToast  *toast)
{
  AdwToastOverlay *overlay = koers_toasts_find_overlay (widget);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, toast);
  else
    g_object_unref (toast);
}

void
koers_toasts_show_error (GtkWidget    *widget,
                         const GError *error)
{
  g_autofree char *escaped = NULL;
  AdwToast        *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  /* Messages can quote what a user typed. */
  escaped = g_markup_escape_text (error->message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  koers_toasts_add (widget, toast);
}

/* The toast holds what to put back until it is gone. */
typedef struct
{
  KoersToastsUndoFunc undo;
  gpointer            data;
  GDestroyNotify      data_free;
  GtkWidget          *overlay; /* weak: where a failed undo's error goes */
} UndoEntry;

static void
undo_entry_free (gpointer  data,
                 GClosure *closure)
{
  UndoEntry *entry = data;

  if (entry->data_free != NULL)
    entry->data_free (entry->data);
  g_clear_weak_pointer (&entry->overlay);
  g_free (entry);
}

static void
undo_clicked_cb (AdwToast  *toast,
                 UndoEntry *entry)
{
  g_autoptr (GError) error = NULL;

  if (!entry->undo (entry->data, &error) && entry->overlay != NULL)
    koers_toasts_show_error (entry->overlay, error);
}

void
koers_toasts_offer_undo (GtkWidget          *widget,
                         const char         *title,
                         KoersToastsUndoFunc undo,
                         gpointer            data,
                         GDestroyNotify      data_free)
{
  AdwToastOverlay *overlay;
  UndoEntry       *entry;
  AdwToast        *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (undo != NULL);

  entry = g_new0 (UndoEntry, 1);
  entry->undo = undo;
  entry->data = data;
  entry->data_free = data_free;

  overlay = koers_toasts_find_overlay (widget);
  if (overlay == NULL)
    {
      undo_entry_free (entry, NULL);
      return;
    }

  g_set_weak_pointer (&entry->overlay, GTK_WIDGET (overlay));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), entry,
                         undo_entry_free, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}

static void
show_uri_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      /* Translators: %s is the system's reason. */
      g_autoptr (GError) shown = g_error_new (error->domain, error->code,
                                              _ ("Could not open the file: %s"), error->message);

      koers_toasts_show_error (GTK_WIDGET (source), shown);
    }
}

static void
open_file_cb (AdwToast *toast,
              gpointer  user_data)
{
  GtkWindow  *window = GTK_WINDOW (user_data);
  const char *uri = g_object_get_data (G_OBJECT (toast), "koers-open-uri");

  /* gtk_show_uri_full goes through the OpenURI portal in a sandbox; its
   * task keeps the window until the callback. */
  gtk_show_uri_full (window, uri, GDK_CURRENT_TIME, NULL, show_uri_done_cb, NULL);
}

void
koers_toasts_offer_open (GtkWindow  *window,
                         const char *title,
                         GFile      *file)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _ ("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "koers-open-uri", g_file_get_uri (file), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_file_cb), window, 0);
  koers_toasts_add (GTK_WIDGET (window), toast);
}
