/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-format.h"
#include "core/koers-text.h"
#include "koers-toasts.h"
#include "widgets/koers-deleting.h"

/* What Undo writes back: item and, for a key result or a KPI value, the
 * owner it goes back into.  Both are kept alive here: the store lets go of
 * them when it deletes. */
typedef struct
{
  KoersStore *store;
  GObject    *owner; /* NULL for an objective or a KPI */
  GObject    *item;
  gboolean    archived; /* an objective archived, not deleted */
} Deleted;

static void
deleted_free (gpointer data)
{
  Deleted *deleted = data;

  g_clear_object (&deleted->store);
  g_clear_object (&deleted->owner);
  g_clear_object (&deleted->item);
  g_free (deleted);
}

static gboolean
is_deletable (GObject *item)
{
  return KOERS_IS_OBJECTIVE (item) || KOERS_IS_KEY_RESULT (item) || KOERS_IS_KPI (item) || KOERS_IS_KPI_VALUE (item);
}

static GObject *
find_owner (KoersStore *store,
            GObject    *item)
{
  if (KOERS_IS_KEY_RESULT (item))
    return G_OBJECT (koers_store_get_key_result_objective (store, KOERS_KEY_RESULT (item)));
  if (KOERS_IS_KPI_VALUE (item))
    return G_OBJECT (koers_store_get_kpi_value_kpi (store, KOERS_KPI_VALUE (item)));

  return NULL;
}

static gboolean
delete_item (Deleted *deleted,
             GError **error)
{
  if (deleted->archived)
    return koers_store_set_objective_archived (deleted->store, KOERS_OBJECTIVE (deleted->item), TRUE, error);
  if (KOERS_IS_OBJECTIVE (deleted->item))
    return koers_store_delete_objective (deleted->store, KOERS_OBJECTIVE (deleted->item), error);
  if (KOERS_IS_KEY_RESULT (deleted->item))
    return koers_store_delete_key_result (deleted->store, KOERS_KEY_RESULT (deleted->item), error);
  if (KOERS_IS_KPI (deleted->item))
    return koers_store_delete_kpi (deleted->store, KOERS_KPI (deleted->item), error);

  return koers_store_delete_kpi_value (deleted->store, KOERS_KPI_VALUE (deleted->item), error);
}

static gboolean
restore_cb (gpointer data,
            GError **error)
{
  Deleted *deleted = data;

  if (deleted->archived)
    return koers_store_set_objective_archived (deleted->store, KOERS_OBJECTIVE (deleted->item), FALSE, error);
  if (KOERS_IS_OBJECTIVE (deleted->item))
    return koers_store_restore_objective (deleted->store, KOERS_OBJECTIVE (deleted->item), error);
  if (KOERS_IS_KEY_RESULT (deleted->item))
    return koers_store_restore_key_result (deleted->store, KOERS_OBJECTIVE (deleted->owner),
                                           KOERS_KEY_RESULT (deleted->item), error);
  if (KOERS_IS_KPI (deleted->item))
    return koers_store_restore_kpi (deleted->store, KOERS_KPI (deleted->item), error);

  return koers_store_restore_kpi_value (deleted->store, KOERS_KPI (deleted->owner),
                                        KOERS_KPI_VALUE (deleted->item), error);
}

/* The toast's title, markup: the names in it are user text. */
static char *
describe (GObject *item,
          gboolean archived)
{
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;

  if (KOERS_IS_OBJECTIVE (item))
    name = koers_text_isolate (koers_objective_get_title (KOERS_OBJECTIVE (item)));
  else if (KOERS_IS_KEY_RESULT (item))
    name = koers_text_isolate (koers_key_result_get_title (KOERS_KEY_RESULT (item)));
  else if (KOERS_IS_KPI (item))
    name = koers_text_isolate (koers_kpi_get_name (KOERS_KPI (item)));
  if (name != NULL && archived)
    return g_markup_printf_escaped (_ ("“%s” archived"), name);
  if (name != NULL)
    return g_markup_printf_escaped (_ ("“%s” deleted"), name);

  date = koers_format_date_iso (koers_format_get_language (),
                                koers_kpi_value_get_date (KOERS_KPI_VALUE (item)));
  /* Translators: %s is a date, "1 May 2026". */
  return g_markup_printf_escaped (_ ("Value of %s deleted"), date != NULL ? date : "?");
}

static gboolean
remove_item (GtkWidget  *widget,
             KoersStore *store,
             GObject    *item,
             gboolean    for_good)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  Deleted         *deleted;
  GObject         *owner;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (KOERS_IS_STORE (store), FALSE);
  g_return_val_if_fail (is_deletable (item), FALSE);

  owner = find_owner (store, item);
  if ((KOERS_IS_KEY_RESULT (item) || KOERS_IS_KPI_VALUE (item)) && owner == NULL)
    return FALSE;

  deleted = g_new0 (Deleted, 1);
  deleted->store = g_object_ref (store);
  deleted->owner = owner != NULL ? g_object_ref (owner) : NULL;
  deleted->item = g_object_ref (item);
  /* The method keeps objectives ("worden niet verwijderd"): the everyday
   * delete archives one. */
  deleted->archived = KOERS_IS_OBJECTIVE (item) && !for_good;

  if (!delete_item (deleted, &error))
    {
      koers_toasts_show_error (widget, error);
      deleted_free (deleted);
      return FALSE;
    }

  message = describe (deleted->item, deleted->archived);
  koers_toasts_offer_undo (widget, message, restore_cb, deleted, deleted_free);
  return TRUE;
}

gboolean
koers_deleting_delete (GtkWidget  *widget,
                       KoersStore *store,
                       GObject    *item)
{
  return remove_item (widget, store, item, FALSE);
}

gboolean
koers_deleting_delete_objective_for_good (GtkWidget      *widget,
                                          KoersStore     *store,
                                          KoersObjective *objective)
{
  g_return_val_if_fail (KOERS_IS_OBJECTIVE (objective), FALSE);

  return remove_item (widget, store, G_OBJECT (objective), TRUE);
}

gboolean
koers_deleting_delete_from_editor (GtkWindow  *editor,
                                   KoersStore *store,
                                   GObject    *item)
{
  GtkWindow *parent = gtk_window_get_transient_for (editor);
  /* The editor may let go of item as the store's change reaches it. */
  g_autoptr (GObject) kept = g_object_ref (item);

  return koers_deleting_delete (parent != NULL ? GTK_WIDGET (parent) : GTK_WIDGET (editor),
                                store, kept);
}

/* What Delete does, held by the dialog. */
typedef struct
{
  KoersDeletingConfirmFunc func;
  GObject                 *item;
} Confirm;

static void
free_confirm (Confirm *confirm)
{
  g_object_unref (confirm->item);
  g_free (confirm);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          owner)
{
  Confirm *confirm = g_object_get_data (G_OBJECT (dialog), "koers-deleting-confirm");

  if (g_str_equal (response, "delete"))
    confirm->func (owner, confirm->item);
}

void
koers_deleting_confirm (GtkWindow               *parent,
                        const char              *heading,
                        const char              *body,
                        gpointer                 owner,
                        GObject                 *item,
                        KoersDeletingConfirmFunc func)
{
  AdwMessageDialog *dialog;
  Confirm          *confirm;

  g_return_if_fail (G_IS_OBJECT (owner));
  g_return_if_fail (G_IS_OBJECT (item));
  g_return_if_fail (func != NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "delete", _ ("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  confirm = g_new (Confirm, 1);
  confirm->func = func;
  confirm->item = g_object_ref (item);
  g_object_set_data_full (G_OBJECT (dialog), "koers-deleting-confirm", confirm,
                          (GDestroyNotify) free_confirm);
  /* The owner (a list that may be rebuilt, the window) may go first. */
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), owner, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
