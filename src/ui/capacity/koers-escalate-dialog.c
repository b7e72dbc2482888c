/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-escalation.h"
#include "core/koers-text.h"
#include "koers-escalate-dialog.h"
#include "store/koers-store-capacity.h"
#include "widgets/koers-a11y.h"
#include "widgets/koers-template.h"
#include "widgets/koers-toasts.h"

struct _KoersEscalateDialog
{
  AdwMessageDialog parent_instance;

  KoersStore     *store;
  KoersObjective *objective;
  GPtrArray      *key_results; /* the rows of about_row after the first */

  AdwComboRow *about_row;
  AdwEntryRow *reason_row;
  AdwEntryRow *help_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (KoersEscalateDialog, koers_escalate_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersEscalateDialog, about_row),
  KOERS_TEMPLATE_CHILD (KoersEscalateDialog, reason_row),
  KOERS_TEMPLATE_CHILD (KoersEscalateDialog, help_row),
  KOERS_TEMPLATE_CHILD (KoersEscalateDialog, error_label),
};

static void
text_changed_cb (KoersEscalateDialog *self)
{
  gboolean valid = koers_escalation_validate (gtk_editable_get_text (GTK_EDITABLE (self->reason_row)),
                                              gtk_editable_get_text (GTK_EDITABLE (self->help_row)),
                                              NULL);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "escalate", valid);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

void
koers_escalate_dialog_set_texts (KoersEscalateDialog *self,
                                 const char          *reason,
                                 const char          *help)
{
  g_return_if_fail (KOERS_IS_ESCALATE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), reason);
  gtk_editable_set_text (GTK_EDITABLE (self->help_row), help);
}

gboolean
koers_escalate_dialog_escalate (KoersEscalateDialog *self,
                                GError             **error)
{
  guint           selected = adw_combo_row_get_selected (self->about_row);
  KoersKeyResult *kr = NULL;

  g_return_val_if_fail (KOERS_IS_ESCALATE_DIALOG (self), FALSE);

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->key_results->len)
    kr = g_ptr_array_index (self->key_results, selected - 1);
  return koers_store_escalate (self->store, self->objective, kr,
                               gtk_editable_get_text (GTK_EDITABLE (self->reason_row)),
                               gtk_editable_get_text (GTK_EDITABLE (self->help_row)), NULL, error);
}

static void
response_cb (KoersEscalateDialog *self,
             const char          *response)
{
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "escalate"))
    return;
  if (!koers_escalate_dialog_escalate (self, &error))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

      /* The message dialog closes after a response: say it where the
       * window that opened it can be seen. */
      koers_toasts_show_error (parent != NULL ? GTK_WIDGET (parent) : GTK_WIDGET (self), error);
    }
}

static void
koers_escalate_dialog_dispose (GObject *object)
{
  KoersEscalateDialog *self = KOERS_ESCALATE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->objective);
  g_clear_pointer (&self->key_results, g_ptr_array_unref);

  G_OBJECT_CLASS (koers_escalate_dialog_parent_class)->dispose (object);
}

static const KoersTemplateCallback template_callbacks[] = {
  KOERS_TEMPLATE_CALLBACK (text_changed_cb),
};

KOERS_DEFINE_TEMPLATE_CLASS_INIT (KoersEscalateDialog, koers_escalate_dialog, "capacity/koers-escalate-dialog.ui", 0, KOERS_TEMPLATE_TABLE (template_callbacks))

static void
koers_escalate_dialog_init (KoersEscalateDialog *self)
{
  koers_a11y_init_role (GTK_WIDGET (self));
  gtk_widget_init_template (GTK_WIDGET (self));
  self->key_results = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
}

GtkWidget *
koers_escalate_dialog_new (GtkWindow      *parent,
                           KoersStore     *store,
                           KoersObjective *objective,
                           KoersKeyResult *kr)
{
  KoersEscalateDialog *self;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *krs;

  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (KOERS_IS_OBJECTIVE (objective), NULL);

  self = g_object_new (KOERS_TYPE_ESCALATE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->objective = g_object_ref (objective);

  krs = koers_objective_get_key_results (objective);
  gtk_string_list_append (names, _ ("The objective as a whole"));
  for (guint i = 0; i < g_list_model_get_n_items (krs); i++)
    {
      g_autoptr (KoersKeyResult) item = g_list_model_get_item (krs, i);
      g_autofree char *title = koers_text_isolate (koers_key_result_get_title (item));

      gtk_string_list_append (names, title);
      g_ptr_array_add (self->key_results, g_object_ref (item));
    }
  adw_combo_row_set_model (self->about_row, G_LIST_MODEL (names));
  for (guint i = 0; kr != NULL && i < self->key_results->len; i++)
    if (g_ptr_array_index (self->key_results, i) == kr)
      adw_combo_row_set_selected (self->about_row, i + 1);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), koers_objective_get_title (objective));
  return GTK_WIDGET (self);
}
