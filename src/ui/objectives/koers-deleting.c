/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "koers-deleting.h"
#include "widgets/koers-toasts.h"

/* What Undo writes back: the objective, or one key result of it. */
typedef struct
{
  KoersStore     *store;
  KoersObjective *objective;
  KoersKeyResult *kr; /* NULL when the objective was deleted */
} Deleted;

static void
deleted_free (gpointer data)
{
  Deleted *deleted = data;

  g_clear_object (&deleted->store);
  g_clear_object (&deleted->objective);
  g_clear_object (&deleted->kr);
  g_free (deleted);
}

static gboolean
restore_cb (gpointer   data,
            GError   **error)
{
  Deleted *deleted = data;

  if (deleted->kr != NULL)
    return koers_store_restore_key_result (deleted->store, deleted->objective, deleted->kr, error);

  return koers_store_restore_objective (deleted->store, deleted->objective, error);
}

static void
offer_undo (GtkWidget  *widget,
            const char *title,
            Deleted    *deleted)
{
  /* A toast title is markup; the title is user text. */
  g_autofree char *message = g_markup_printf_escaped (_("“%s” deleted"), title);

  koers_toasts_offer_undo (widget, message, restore_cb, deleted, deleted_free);
}

gboolean
koers_deleting_delete_objective (GtkWidget      *widget,
                                 KoersStore     *store,
                                 KoersObjective *objective)
{
  g_autoptr (GError) error = NULL;
  Deleted *deleted;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (KOERS_IS_STORE (store), FALSE);
  g_return_val_if_fail (KOERS_IS_OBJECTIVE (objective), FALSE);

  /* Keep it alive: the store drops its reference when it deletes. */
  deleted = g_new0 (Deleted, 1);
  deleted->store = g_object_ref (store);
  deleted->objective = g_object_ref (objective);

  if (!koers_store_delete_objective (store, objective, &error))
    {
      koers_toasts_show_error (widget, error);
      deleted_free (deleted);
      return FALSE;
    }

  offer_undo (widget, koers_objective_get_title (deleted->objective), deleted);
  return TRUE;
}

gboolean
koers_deleting_delete_key_result (GtkWidget      *widget,
                                  KoersStore     *store,
                                  KoersKeyResult *kr)
{
  g_autoptr (GError) error = NULL;
  KoersObjective *objective;
  Deleted *deleted;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (KOERS_IS_STORE (store), FALSE);
  g_return_val_if_fail (KOERS_IS_KEY_RESULT (kr), FALSE);

  objective = koers_store_get_key_result_objective (store, kr);
  if (objective == NULL)
    return FALSE;

  deleted = g_new0 (Deleted, 1);
  deleted->store = g_object_ref (store);
  deleted->objective = g_object_ref (objective);
  deleted->kr = g_object_ref (kr);

  if (!koers_store_delete_key_result (store, kr, &error))
    {
      koers_toasts_show_error (widget, error);
      deleted_free (deleted);
      return FALSE;
    }

  offer_undo (widget, koers_key_result_get_title (kr), deleted);
  return TRUE;
}
