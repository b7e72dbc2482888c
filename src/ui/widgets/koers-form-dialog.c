/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "koers-form-dialog.h"
#include "koers-toasts.h"

GtkListBox *
koers_form_dialog_new_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return GTK_LIST_BOX (list);
}

AdwEntryRow *
koers_form_dialog_add_entry (GtkListBox *list,
                             const char *title,
                             const char *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_list_box_append (list, GTK_WIDGET (row));
  return row;
}

AdwMessageDialog *
koers_form_dialog_new (GtkWidget            *widget,
                       const char           *heading,
                       const char           *body,
                       GtkWidget            *extra,
                       const char           *id,
                       const char           *label,
                       AdwResponseAppearance appearance)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), id, label, NULL);
  adw_message_dialog_set_response_appearance (dialog, id, appearance);
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_extra_child (dialog, extra);
  return dialog;
}

/* What the dialog's response runs, freed with the dialog. */
typedef struct
{
  const char         *id;
  GtkWidget          *widget;
  KoersFormDialogFunc func;
  gpointer            data;
  GDestroyNotify      data_free;
} Response;

static void
response_cb (AdwMessageDialog *dialog,
             const char       *id,
             Response         *response)
{
  g_autoptr (GError) error = NULL;

  if (g_str_equal (id, response->id) && !response->func (response->data, &error))
    koers_toasts_show_error (response->widget, error);
}

static void
free_response (Response *response)
{
  if (response->data_free != NULL)
    response->data_free (response->data);
  g_object_unref (response->widget);
  g_free (response);
}

void
koers_form_dialog_present (AdwMessageDialog   *dialog,
                           const char         *id,
                           GtkWidget          *widget,
                           KoersFormDialogFunc func,
                           gpointer            data,
                           GDestroyNotify      data_free)
{
  Response *response = g_new0 (Response, 1);

  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  response->id = id;
  response->widget = g_object_ref (widget);
  response->func = func;
  response->data = data;
  response->data_free = data_free;
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), response,
                         (GClosureNotify) free_response, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
