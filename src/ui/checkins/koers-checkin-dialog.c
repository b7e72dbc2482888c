/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-date.h"
#include "core/koers-property.h"
#include "koers-checkin-dialog-private.h"
#include "widgets/koers-a11y.h"
#include "widgets/koers-template.h"
#include "widgets/koers-widget-properties.h"
#include "widgets/koers-form-util.h"
#include "widgets/koers-style.h"

G_DEFINE_FINAL_TYPE (KoersCheckinDialog, koers_checkin_dialog, ADW_TYPE_WINDOW)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersCheckinDialog, window_title),
  KOERS_TEMPLATE_CHILD (KoersCheckinDialog, kr_title_label),
  KOERS_TEMPLATE_CHILD (KoersCheckinDialog, targets_label),
  KOERS_TEMPLATE_CHILD (KoersCheckinDialog, last_label),
  KOERS_TEMPLATE_CHILD (KoersCheckinDialog, value_form),
  KOERS_TEMPLATE_CHILD (KoersCheckinDialog, progress_preview_label),
  KOERS_TEMPLATE_CHILD (KoersCheckinDialog, score_preview_label),
  KOERS_TEMPLATE_CHILD (KoersCheckinDialog, status_dropdown),
  KOERS_TEMPLATE_CHILD (KoersCheckinDialog, button_box),
  KOERS_TEMPLATE_CHILD (KoersCheckinDialog, cancel_button),
  KOERS_TEMPLATE_CHILD (KoersCheckinDialog, save_button),
};

enum
{
  PROP_0,
  PROP_STORE,
  PROP_KEY_RESULT,
  PROP_CHECKIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of the property ids above. */
static const KoersProperty property_table[] = {
  KOERS_PROPERTY_CONSTRUCT_OBJECT ("store", KoersCheckinDialog, store, koers_store_get_type),
  KOERS_PROPERTY_CONSTRUCT_OBJECT ("key-result", KoersCheckinDialog, kr, koers_key_result_get_type),
  /* Set at construction for edit mode; after Save, the check-in written. */
  KOERS_PROPERTY_CONSTRUCT_OBJECT ("checkin", KoersCheckinDialog, checkin, koers_checkin_get_type),
};

void
koers_checkin_dialog_ensure_style (void)
{
  static GdkDisplay *styled_display = NULL;

  koers_style_load_once (&styled_display, "/io/github/koersapp/Koers/ui/checkins/checkin.css");
}

static void
form_changed_cb (KoersCheckinDialog *self)
{
  koers_checkin_dialog_validate (self);
}

static void
status_selected_cb (KoersCheckinDialog *self)
{
  if (!self->setting_status)
    self->status_touched = TRUE;
}

/* Sets the check-in's fields with one notification each at the end. */
static void
set_fields (KoersCheckin      *checkin,
            const char        *date,
            double             value,
            KoersCheckinStatus status,
            const char        *note)
{
  g_object_freeze_notify (G_OBJECT (checkin));
  koers_checkin_set_date (checkin, date);
  koers_checkin_set_value (checkin, value);
  koers_checkin_set_status (checkin, status);
  koers_checkin_set_note (checkin, note);
  g_object_thaw_notify (G_OBJECT (checkin));
}

gboolean
koers_checkin_dialog_save (KoersCheckinDialog *self,
                           GError            **error)
{
  g_autofree char   *note = NULL;
  g_autofree char   *iso = NULL;
  KoersCheckinStatus status;
  double             value;

  g_return_val_if_fail (KOERS_IS_CHECKIN_DIALOG (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!koers_value_form_read (self->value_form, &value, &iso, &note, error))
    return FALSE;

  status = koers_checkin_dialog_get_status (self);

  if (!self->editing)
    {
      g_autoptr (KoersCheckin) checkin = koers_checkin_new (iso, value, status, note);

      if (!koers_store_add_checkin (self->store, self->kr, checkin, error))
        return FALSE;
      g_set_object (&self->checkin, checkin);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKIN]);
    }
  else
    {
      g_autofree char   *old_date = g_strdup (koers_checkin_get_date (self->checkin));
      g_autofree char   *old_note = g_strdup (koers_checkin_get_note (self->checkin));
      double             old_value = koers_checkin_get_value (self->checkin);
      KoersCheckinStatus old_status = koers_checkin_get_status (self->checkin);

      /* The store writes what the object holds; on failure put it back. */
      set_fields (self->checkin, iso, value, status, note);
      if (!koers_store_save_checkin (self->store, self->checkin, error))
        {
          set_fields (self->checkin, old_date, old_value, old_status, old_note);
          return FALSE;
        }
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
setup (KoersCheckinDialog *self)
{
  GDate date;

  koers_checkin_dialog_fill_statuses (self);

  self->objective = koers_store_get_key_result_objective (self->store, self->kr);
  if (self->objective != NULL)
    {
      g_object_ref (self->objective);
      self->has_period = koers_objective_get_parsed_period (self->objective, &self->period);
    }
  koers_value_form_set_earliest_date (self->value_form, self->has_period ? &self->period.start : NULL);
  koers_value_form_set_metric (self->value_form, koers_key_result_get_metric_kind (self->kr),
                               koers_key_result_get_unit (self->kr));

  koers_checkin_dialog_fill_header (self);

  if (self->editing)
    {
      gtk_window_set_title (GTK_WINDOW (self), _ ("Edit Check-In"));
      adw_window_title_set_title (self->window_title, _ ("Edit Check-In"));
      koers_value_form_set_value (self->value_form, koers_checkin_get_value (self->checkin));
      if (!koers_date_parse (koers_checkin_get_date (self->checkin), &date))
        koers_date_today (&date);
      if (koers_checkin_get_note (self->checkin) != NULL)
        koers_value_form_set_note (self->value_form, koers_checkin_get_note (self->checkin));
      if (koers_checkin_get_status (self->checkin) != KOERS_CHECKIN_STATUS_NONE)
        {
          koers_checkin_dialog_set_status (self, koers_checkin_get_status (self->checkin));
          self->status_touched = TRUE;
        }
    }
  else
    {
      koers_value_form_set_value (self->value_form, koers_key_result_get_current_value (self->kr));
      koers_date_today (&date);
    }

  koers_value_form_set_date (self->value_form, &date);

  koers_checkin_dialog_validate (self);
  koers_value_form_focus_value (self->value_form);
}

static void
koers_checkin_dialog_constructed (GObject *object)
{
  KoersCheckinDialog *self = KOERS_CHECKIN_DIALOG (object);

  G_OBJECT_CLASS (koers_checkin_dialog_parent_class)->constructed (object);

  g_return_if_fail (KOERS_IS_STORE (self->store));
  g_return_if_fail (KOERS_IS_KEY_RESULT (self->kr));

  self->editing = self->checkin != NULL;
  setup (self);
}

static void
koers_checkin_dialog_dispose (GObject *object)
{
  KoersCheckinDialog *self = KOERS_CHECKIN_DIALOG (object);

  koers_widget_dispose_properties (GTK_WIDGET (self), KOERS_TYPE_CHECKIN_DIALOG, property_table,
                                   G_N_ELEMENTS (property_table));
  g_clear_object (&self->objective);

  G_OBJECT_CLASS (koers_checkin_dialog_parent_class)->dispose (object);
}

static const KoersTemplateCallback template_callbacks[] = {
  KOERS_TEMPLATE_CALLBACK (form_changed_cb),
};

static void
koers_checkin_dialog_class_init (KoersCheckinDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = koers_checkin_dialog_constructed;
  object_class->dispose = koers_checkin_dialog_dispose;

  koers_property_install (object_class, property_table, N_PROPS - 1, properties);

  koers_template_init_class (widget_class, "checkins/koers-checkin-dialog.ui", KOERS_TEMPLATE_DIALOG | KOERS_TEMPLATE_ESCAPE_CLOSES,
                             KOERS_TEMPLATE_TABLE (template_children), KOERS_TEMPLATE_TABLE (template_callbacks));
}

static void
koers_checkin_dialog_init (KoersCheckinDialog *self)
{
  koers_a11y_init_role (GTK_WIDGET (self));
  koers_checkin_dialog_ensure_style ();
  g_type_ensure (KOERS_TYPE_VALUE_FORM);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->status_dropdown, "notify::selected",
                            G_CALLBACK (status_selected_cb), self);
  koers_value_form_connect_buttons (self->value_form, GTK_WINDOW (self), self->button_box,
                                    self->cancel_button, self->save_button,
                                    (KoersValueFormSaveFunc) koers_checkin_dialog_save);
}

GtkWidget *
koers_checkin_dialog_new (KoersStore     *store,
                          KoersKeyResult *kr)
{
  return koers_widget_new_showing (KOERS_TYPE_CHECKIN_DIALOG, store, "key-result", kr);
}

GtkWidget *
koers_checkin_dialog_new_for_checkin (KoersStore     *store,
                                      KoersKeyResult *kr,
                                      KoersCheckin   *checkin)
{
  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (KOERS_IS_KEY_RESULT (kr), NULL);
  g_return_val_if_fail (KOERS_IS_CHECKIN (checkin), NULL);

  return g_object_new (KOERS_TYPE_CHECKIN_DIALOG,
                       "store", store,
                       "key-result", kr,
                       "checkin", checkin,
                       NULL);
}

GtkWidget *
koers_checkin_dialog_present (GtkWidget      *widget,
                              KoersStore     *store,
                              KoersKeyResult *kr,
                              KoersCheckin   *checkin)
{
  GtkWidget *dialog;

  g_return_val_if_fail (widget == NULL || GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (KOERS_IS_KEY_RESULT (kr), NULL);

  if (checkin != NULL)
    dialog = koers_checkin_dialog_new_for_checkin (store, kr, checkin);
  else
    dialog = koers_checkin_dialog_new (store, kr);
  return koers_form_present (GTK_WINDOW (dialog), widget);
}

KoersKeyResult *
koers_checkin_dialog_get_key_result (KoersCheckinDialog *self)
{
  g_return_val_if_fail (KOERS_IS_CHECKIN_DIALOG (self), NULL);

  return self->kr;
}

KOERS_DEFINE_GETTER (KoersCheckinDialog, koers_checkin_dialog, KOERS_IS_CHECKIN_DIALOG, KoersCheckin *, checkin, NULL)

gboolean
koers_checkin_dialog_get_can_save (KoersCheckinDialog *self)
{
  g_return_val_if_fail (KOERS_IS_CHECKIN_DIALOG (self), FALSE);

  return gtk_widget_get_sensitive (self->save_button);
}
