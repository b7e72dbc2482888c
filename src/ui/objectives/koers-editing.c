/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "koers-editing.h"
#include "koers-key-result-editor.h"
#include "koers-objective-editor.h"
#include "widgets/koers-editor-windows.h"
#include "widgets/koers-toasts.h"

#define OBJECTIVE_EDITOR_KEY "koers-objective-editor"
#define KEY_RESULT_EDITOR_KEY "koers-key-result-editor"

void
koers_editing_open_objective (GtkWidget      *widget,
                              KoersStore     *store,
                              KoersObjective *objective)
{
  GtkWidget *editor = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (KOERS_IS_STORE (store));
  g_return_if_fail (KOERS_IS_OBJECTIVE (objective));

  if (koers_editor_windows_lookup (G_OBJECT (objective), OBJECTIVE_EDITOR_KEY) == NULL)
    editor = koers_objective_editor_new (store, objective);
  koers_editor_windows_present (widget, G_OBJECT (objective), OBJECTIVE_EDITOR_KEY, editor);
}

void
koers_editing_open_key_result (GtkWidget      *widget,
                               KoersStore     *store,
                               KoersKeyResult *kr)
{
  GtkWidget *editor = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (KOERS_IS_STORE (store));
  g_return_if_fail (KOERS_IS_KEY_RESULT (kr));

  if (koers_editor_windows_lookup (G_OBJECT (kr), KEY_RESULT_EDITOR_KEY) == NULL)
    editor = koers_key_result_editor_new (store, kr);
  koers_editor_windows_present (widget, G_OBJECT (kr), KEY_RESULT_EDITOR_KEY, editor);
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

  kr = koers_key_result_new (_("New key result"), KOERS_METRIC_KIND_NUMBER, 0, 100, NULL);
  if (!koers_store_add_key_result (store, objective, kr, &error))
    {
      koers_toasts_show_error (widget, error);
      return FALSE;
    }

  koers_editing_open_key_result (widget, store, kr);
  return TRUE;
}
