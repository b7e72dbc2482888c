/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-capacity.h"
#include "core/koers-resource-request.h"
#include "koers-resource-form.h"
#include "widgets/koers-template.h"

struct _KoersResourceForm
{
  AdwPreferencesGroup parent_instance;

  KoersStore     *store;
  KoersObjective *objective;
  gboolean        updating;

  AdwEntryRow  *effort_row;
  AdwEntryRow  *days_row;
  AdwEntryRow  *budget_row;
  AdwEntryRow  *reason_row;
  AdwActionRow *state_row;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (KoersResourceForm, koers_resource_form, ADW_TYPE_PREFERENCES_GROUP)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersResourceForm, effort_row),
  KOERS_TEMPLATE_CHILD (KoersResourceForm, days_row),
  KOERS_TEMPLATE_CHILD (KoersResourceForm, budget_row),
  KOERS_TEMPLATE_CHILD (KoersResourceForm, reason_row),
  KOERS_TEMPLATE_CHILD (KoersResourceForm, state_row),
  KOERS_TEMPLATE_CHILD (KoersResourceForm, error_label),
};

static void
show_error (KoersResourceForm *self,
            AdwEntryRow       *row,
            const char        *message)
{
  AdwEntryRow *rows[] = { self->effort_row, self->days_row, self->budget_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i] != row)
      gtk_widget_remove_css_class (GTK_WIDGET (rows[i]), "error");

  if (message == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
      return;
    }

  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  {
    /* Translators: "Effort (person-days): Must be 0 or more". */
    g_autofree char *text = g_strdup_printf (_ ("%s: %s"),
                                             adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                             message);

    gtk_label_set_text (self->error_label, text);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static char *
format_amount (double value)
{
  if (value <= 0.0)
    return g_strdup ("");
  return koers_format_number (koers_format_get_language (), value, 2);
}

static void
update_state_row (KoersResourceForm *self)
{
  KoersRequestState state = koers_objective_get_request_state (self->objective);
  const char       *note = koers_objective_get_request_note (self->objective);

  gtk_widget_set_visible (GTK_WIDGET (self->state_row), state == KOERS_REQUEST_STATE_APPROVED ||
                                                          state == KOERS_REQUEST_STATE_DECLINED);
  adw_action_row_set_subtitle (self->state_row, note != NULL && *note != '\0'
                                                  ? note
                                                  : koers_request_state_get_label (state));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->state_row),
                                 koers_request_state_get_label (state));
}

void
koers_resource_form_fill (KoersResourceForm *self)
{
  g_autofree char *effort = NULL;
  g_autofree char *days = NULL;
  g_autofree char *budget = NULL;

  g_return_if_fail (KOERS_IS_RESOURCE_FORM (self));
  if (self->objective == NULL)
    return;

  effort = format_amount (koers_objective_get_effort_days (self->objective));
  days = format_amount (koers_objective_get_request_days (self->objective));
  budget = format_amount (koers_objective_get_request_budget (self->objective));

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->effort_row), effort);
  gtk_editable_set_text (GTK_EDITABLE (self->days_row), days);
  gtk_editable_set_text (GTK_EDITABLE (self->budget_row), budget);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row),
                         koers_objective_get_request_reason (self->objective));
  update_state_row (self);
  self->updating = FALSE;
  show_error (self, NULL, NULL);
}

/* Writes what the fields hold, or says what is wrong and writes nothing. */
static void
field_changed_cb (KoersResourceForm *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char  *reason = NULL;
  double            effort, days, budget;
  double            old_effort, old_days, old_budget;
  g_autofree char  *old_reason = NULL;
  KoersRequestState old_state, state;

  if (self->updating || self->objective == NULL)
    return;

  if (!koers_capacity_parse_amount (gtk_editable_get_text (GTK_EDITABLE (self->effort_row)),
                                    KOERS_RESOURCE_MAX_DAYS, &effort, &error))
    return show_error (self, self->effort_row, error->message);
  if (!koers_capacity_parse_amount (gtk_editable_get_text (GTK_EDITABLE (self->days_row)),
                                    KOERS_RESOURCE_MAX_DAYS, &days, &error))
    return show_error (self, self->days_row, error->message);
  if (!koers_capacity_parse_amount (gtk_editable_get_text (GTK_EDITABLE (self->budget_row)),
                                    KOERS_RESOURCE_MAX_BUDGET, &budget, &error))
    return show_error (self, self->budget_row, error->message);
  show_error (self, NULL, NULL);

  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
  old_effort = koers_objective_get_effort_days (self->objective);
  old_days = koers_objective_get_request_days (self->objective);
  old_budget = koers_objective_get_request_budget (self->objective);
  old_reason = g_strdup (koers_objective_get_request_reason (self->objective));
  old_state = koers_objective_get_request_state (self->objective);
  if (effort == old_effort && days == old_days && budget == old_budget &&
      g_strcmp0 (reason, old_reason) == 0)
    return;

  /* A changed request is a new question for management. */
  state = days > 0.0 || budget > 0.0 || *reason != '\0' ? KOERS_REQUEST_STATE_REQUESTED
                                                        : KOERS_REQUEST_STATE_NONE;
  if (days == old_days && budget == old_budget && g_strcmp0 (reason, old_reason) == 0)
    state = old_state;

  g_object_set (self->objective, "effort-days", effort, "request-days", days, "request-budget", budget,
                "request-reason", reason, "request-state", state, NULL);
  if (!koers_store_save_objective (self->store, self->objective, &error))
    {
      g_object_set (self->objective, "effort-days", old_effort, "request-days", old_days,
                    "request-budget", old_budget, "request-reason", old_reason,
                    "request-state", old_state, NULL);
      show_error (self, self->effort_row, error->message);
      return;
    }
  update_state_row (self);
}

void
koers_resource_form_set_objective (KoersResourceForm *self,
                                   KoersStore        *store,
                                   KoersObjective    *objective)
{
  g_return_if_fail (KOERS_IS_RESOURCE_FORM (self));

  g_set_object (&self->store, store);
  g_set_object (&self->objective, objective);
  koers_resource_form_fill (self);
}

static void
koers_resource_form_dispose (GObject *object)
{
  KoersResourceForm *self = KOERS_RESOURCE_FORM (object);

  g_clear_object (&self->store);
  g_clear_object (&self->objective);

  G_OBJECT_CLASS (koers_resource_form_parent_class)->dispose (object);
}

KOERS_DEFINE_TEMPLATE_CLASS_INIT (KoersResourceForm, koers_resource_form, "capacity/koers-resource-form.ui", 0, NULL, 0)

static void
koers_resource_form_init (KoersResourceForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->effort_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->days_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->budget_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (self->reason_row, "changed", G_CALLBACK (field_changed_cb), self);
}
