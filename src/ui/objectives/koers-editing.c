/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "capacity/koers-escalate-dialog.h"
#include "checkins/koers-checkin-dialog.h"
#include "koers-editing.h"
#include "koers-key-result-editor.h"
#include "koers-objective-editor.h"
#include "widgets/koers-deleting.h"
#include "widgets/koers-editor-windows.h"
#include "widgets/koers-toasts.h"

#define EDITING_STORE_KEY "koers-editing-store"

void
koers_editing_open_objective (GtkWidget      *widget,
                              KoersStore     *store,
                              KoersObjective *objective)
{
  koers_editor_windows_open (widget, store, G_OBJECT (objective), KOERS_TYPE_OBJECTIVE_EDITOR, "objective");
}

void
koers_editing_open_key_result (GtkWidget      *widget,
                               KoersStore     *store,
                               KoersKeyResult *kr)
{
  koers_editor_windows_open (widget, store, G_OBJECT (kr), KOERS_TYPE_KEY_RESULT_EDITOR, "key-result");
}

gboolean
koers_editing_add_key_result (GtkWidget      *widget,
                              KoersStore     *store,
                              KoersObjective *objective)
{
  g_autoptr (KoersKeyResult) kr = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (KOERS_IS_STORE (store), FALSE);
  g_return_val_if_fail (KOERS_IS_OBJECTIVE (objective), FALSE);

  kr = koers_key_result_new (_ ("New key result"), KOERS_METRIC_KIND_NUMBER, 0, 100, NULL);
  if (!koers_store_add_key_result (store, objective, kr, &error))
    {
      koers_toasts_show_error (widget, error);
      return FALSE;
    }

  koers_editing_open_key_result (widget, store, kr);
  return TRUE;
}

const char *const koers_editing_action_names[] = {
  "edit-objective",
  "archive-objective",
  "new-key-result",
  "edit-key-result",
  "delete-key-result",
  "check-in",
  "escalate-objective",
  "escalate-key-result",
  NULL
};

void
koers_editing_activate (GtkWidget  *widget,
                        KoersStore *store,
                        const char *name,
                        gint64      id)
{
  g_autoptr (KoersObjective) objective = NULL;
  g_autoptr (KoersKeyResult) kr = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (KOERS_IS_STORE (store));
  g_return_if_fail (name != NULL);

  /* Held: deleting lets the store's reference go, and with it the card
   * or row that asked. */
  if (g_str_has_suffix (name, "-objective") || g_str_equal (name, "new-key-result"))
    g_set_object (&objective, koers_store_find_objective (store, id));
  else
    g_set_object (&kr, koers_store_find_key_result (store, id));
  if (objective == NULL && kr == NULL)
    return;

  if (g_str_equal (name, "edit-objective"))
    koers_editing_open_objective (widget, store, objective);
  else if (g_str_equal (name, "archive-objective"))
    koers_deleting_delete (widget, store, G_OBJECT (objective));
  else if (g_str_equal (name, "new-key-result"))
    koers_editing_add_key_result (widget, store, objective);
  else if (g_str_equal (name, "edit-key-result"))
    koers_editing_open_key_result (widget, store, kr);
  else if (g_str_equal (name, "delete-key-result"))
    koers_deleting_delete (widget, store, G_OBJECT (kr));
  else if (g_str_equal (name, "check-in"))
    koers_checkin_dialog_present (widget, store, kr, NULL);
  else if (g_str_has_prefix (name, "escalate-"))
    gtk_window_present (GTK_WINDOW (koers_escalate_dialog_new (
      GTK_WINDOW (gtk_widget_get_root (widget)), store,
      objective != NULL ? objective : koers_store_get_key_result_objective (store, kr), kr)));
  else
    g_critical ("No editing action “%s”", name);
}

static void
group_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkWidget *window = user_data;

  koers_editing_activate (window, g_object_get_data (G_OBJECT (window), EDITING_STORE_KEY),
                          g_action_get_name (G_ACTION (action)), g_variant_get_int64 (parameter));
}

void
koers_editing_insert_actions (GtkWidget  *window,
                              KoersStore *store)
{
  g_autoptr (GSimpleActionGroup) group = NULL;

  g_return_if_fail (GTK_IS_WIDGET (window));
  g_return_if_fail (KOERS_IS_STORE (store));

  /* The actions are activated through window only, so window outlives
   * each activation and can hold the store for them. */
  g_object_set_data_full (G_OBJECT (window), EDITING_STORE_KEY, g_object_ref (store), g_object_unref);
  group = g_simple_action_group_new ();

  for (guint i = 0; koers_editing_action_names[i] != NULL; i++)
    {
      g_autoptr (GSimpleAction) action = g_simple_action_new (koers_editing_action_names[i],
                                                              G_VARIANT_TYPE_INT64);

      g_signal_connect (action, "activate", G_CALLBACK (group_action_cb), window);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
    }

  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (group));
}
