/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-date.h"
#include "core/koers-text.h"
#include "koers-escalations-page.h"
#include "store/koers-store-capacity.h"
#include "widgets/koers-form-dialog.h"
#include "widgets/koers-form-util.h"
#include "widgets/koers-template.h"

struct _KoersEscalationsPage
{
  AdwBin parent_instance;

  KoersStore *store;
  GPtrArray  *rows; /* AdwActionRow, in the list's order */

  GtkToggleButton *open_button;
  GtkToggleButton *resolved_button;
  GtkListBox      *list;
  GtkLabel        *empty_label;
};

G_DEFINE_FINAL_TYPE (KoersEscalationsPage, koers_escalations_page, ADW_TYPE_BIN)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersEscalationsPage, open_button),
  KOERS_TEMPLATE_CHILD (KoersEscalationsPage, resolved_button),
  KOERS_TEMPLATE_CHILD (KoersEscalationsPage, list),
  KOERS_TEMPLATE_CHILD (KoersEscalationsPage, empty_label),
};

static void rebuild (KoersEscalationsPage *self);

static char *
format_stamp (gint64 usec)
{
  g_autoptr (GDateTime) when = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);
  GDate date;

  if (when == NULL)
    return g_strdup ("");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (when), g_date_time_get_month (when),
                  g_date_time_get_year (when));
  return koers_format_date (koers_format_get_language (), &date);
}

/* "Win ten accounts › Signed contracts" */
static char *
describe_subject (KoersEscalationsPage *self,
                  KoersEscalation      *escalation)
{
  KoersObjective *objective = koers_store_find_objective (self->store,
                                                          koers_escalation_get_objective_id (escalation));
  KoersKeyResult *kr = koers_escalation_get_key_result_id (escalation) != 0
                         ? koers_store_find_key_result (self->store, koers_escalation_get_key_result_id (escalation))
                         : NULL;
  const char     *objective_title = objective != NULL ? koers_objective_get_title (objective) : "?";

  if (kr != NULL)
    return g_strdup_printf ("%s › %s", objective_title, koers_key_result_get_title (kr));
  return g_strdup (objective_title);
}

typedef struct
{
  KoersEscalationsPage *page;
  gint64                id;
  AdwEntryRow          *note_row;
} ResolveData;

static void
resolve_data_free (ResolveData *data)
{
  g_object_unref (data->page);
  g_free (data);
}

static gboolean
resolve_escalation (ResolveData *data,
                    GError     **error)
{
  return koers_store_resolve_escalation (data->page->store, data->id,
                                         gtk_editable_get_text (GTK_EDITABLE (data->note_row)), error);
}

static void
note_changed_cb (AdwEntryRow      *row,
                 AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  adw_message_dialog_set_response_enabled (dialog, "resolve", *text != '\0');
}

static void
resolve_clicked_cb (GtkButton            *button,
                    KoersEscalationsPage *self)
{
  AdwMessageDialog *dialog;
  GtkListBox       *list = koers_form_dialog_new_list ();
  ResolveData      *data = g_new0 (ResolveData, 1);

  data->page = g_object_ref (self);
  data->id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "escalation-id"));
  data->note_row = koers_form_dialog_add_entry (list, _ ("How it was resolved"), NULL);

  dialog = koers_form_dialog_new (GTK_WIDGET (self), _ ("Resolve Escalation"), NULL, GTK_WIDGET (list),
                                  "resolve", _ ("_Resolve"), ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "resolve", FALSE);
  g_signal_connect (data->note_row, "changed", G_CALLBACK (note_changed_cb), dialog);
  koers_form_dialog_present (dialog, "resolve", GTK_WIDGET (self),
                             (KoersFormDialogFunc) resolve_escalation, data,
                             (GDestroyNotify) resolve_data_free);
}

static GtkWidget *
make_row (KoersEscalationsPage *self,
          KoersEscalation      *escalation)
{
  GtkWidget       *row = adw_action_row_new ();
  g_autofree char *title = describe_subject (self, escalation);
  g_autofree char *raised = format_stamp (koers_escalation_get_raised_at (escalation));
  g_autofree char *subtitle = NULL;

  if (koers_escalation_get_resolved (escalation))
    {
      g_autofree char *resolved = format_stamp (koers_escalation_get_resolved_at (escalation));

      /* Translators: reason; help asked; resolution; who resolved it, on a date. */
      subtitle = g_strdup_printf (_ ("%s — asked: %s\nResolved: %s (%s, %s)"),
                                  koers_escalation_get_reason (escalation),
                                  koers_escalation_get_help (escalation),
                                  koers_escalation_get_resolution (escalation),
                                  koers_escalation_get_resolved_by (escalation), resolved);
    }
  else
    /* Translators: reason; help asked; who escalated it, on a date. */
    subtitle = g_strdup_printf (_ ("%s — asked: %s\nEscalated by %s on %s"),
                                koers_escalation_get_reason (escalation),
                                koers_escalation_get_help (escalation),
                                koers_escalation_get_raised_by (escalation), raised);

  koers_form_set_plain_title (row, title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (!koers_escalation_get_resolved (escalation))
    {
      GtkWidget *button = koers_form_add_row_button (ADW_ACTION_ROW (row), _ ("Resolve…"), NULL,
                                                     G_CALLBACK (resolve_clicked_cb), self);

      g_object_set_data (G_OBJECT (button), "escalation-id",
                         GSIZE_TO_POINTER ((gsize) koers_escalation_get_id (escalation)));
    }
  return row;
}

static void
rebuild (KoersEscalationsPage *self)
{
  gboolean resolved = gtk_toggle_button_get_active (self->resolved_button);
  g_autoptr (GPtrArray) escalations = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->rows, 0);

  escalations = koers_store_list_escalations (self->store, !resolved, NULL);
  for (guint i = 0; escalations != NULL && i < escalations->len; i++)
    {
      KoersEscalation *escalation = g_ptr_array_index (escalations, i);
      GtkWidget       *row;

      if (koers_escalation_get_resolved (escalation) != resolved)
        continue;
      row = make_row (self, escalation);
      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->list), self->rows->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), self->rows->len == 0);
  gtk_label_set_text (self->empty_label, resolved ? _ ("No escalation has been resolved yet.")
                                                  : _ ("No open escalations. Escalate a committed objective "
                                                       "or key result at risk from its card or its row."));
}

void
koers_escalations_page_set_show_resolved (KoersEscalationsPage *self,
                                          gboolean              resolved)
{
  g_return_if_fail (KOERS_IS_ESCALATIONS_PAGE (self));

  gtk_toggle_button_set_active (resolved ? self->resolved_button : self->open_button, TRUE);
}

guint
koers_escalations_page_get_n_rows (KoersEscalationsPage *self)
{
  g_return_val_if_fail (KOERS_IS_ESCALATIONS_PAGE (self), 0);

  return self->rows->len;
}

const char *
koers_escalations_page_get_row_title (KoersEscalationsPage *self,
                                      guint                 index)
{
  g_return_val_if_fail (KOERS_IS_ESCALATIONS_PAGE (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (g_ptr_array_index (self->rows, index)));
}

static void
koers_escalations_page_dispose (GObject *object)
{
  KoersEscalationsPage *self = KOERS_ESCALATIONS_PAGE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (koers_escalations_page_parent_class)->dispose (object);
}

KOERS_DEFINE_TEMPLATE_CLASS_INIT (KoersEscalationsPage, koers_escalations_page, "capacity/koers-escalations-page.ui", 0, NULL, 0)

static void
koers_escalations_page_init (KoersEscalationsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  g_signal_connect_swapped (self->resolved_button, "toggled", G_CALLBACK (rebuild), self);
}

GtkWidget *
koers_escalations_page_new (KoersStore *store)
{
  KoersEscalationsPage *self = g_object_new (KOERS_TYPE_ESCALATIONS_PAGE, NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
  return GTK_WIDGET (self);
}
