/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The small forms that a page asks in a message dialog (a capacity, the
 * answer to a request, how an escalation was resolved): a boxed list of
 * entry rows, Cancel, and one response that writes through the store. */

/* Writes what the form holds; FALSE with error set when the store
 * refused. */
typedef gboolean (*KoersFormDialogFunc) (gpointer data,
                                         GError **error);

/* A list for entry rows, as a dialog's form shows them: boxed, nothing
 * selectable. */
GtkListBox *koers_form_dialog_new_list (void);
/* Appends to list an entry row titled title holding text (NULL: empty). */
AdwEntryRow *koers_form_dialog_add_entry (GtkListBox *list,
                                          const char *title,
                                          const char *text);
/* A modal message dialog over widget's window, showing extra under
 * heading and body (NULL: none), with Cancel (also Escape) and the
 * response id labelled label, of appearance.  (transfer none: the dialog
 * is a toplevel.) */
AdwMessageDialog *koers_form_dialog_new (GtkWidget            *widget,
                                         const char           *heading,
                                         const char           *body,
                                         GtkWidget            *extra,
                                         const char           *id,
                                         const char           *label,
                                         AdwResponseAppearance appearance);
/* Presents dialog; its response id (a static string) calls func (data),
 * whose error shows as a toast near widget.  data_free frees data with
 * the dialog. */
void koers_form_dialog_present (AdwMessageDialog   *dialog,
                                const char         *id,
                                GtkWidget          *widget,
                                KoersFormDialogFunc func,
                                gpointer            data,
                                GDestroyNotify      data_free);

G_END_DECLS
