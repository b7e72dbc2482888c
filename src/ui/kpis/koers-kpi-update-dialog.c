/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-date.h"
#include "core/koers-format.h"
#include "core/koers-property.h"
#include "koers-kpi-style.h"
#include "koers-kpi-update-dialog.h"
#include "widgets/koers-a11y.h"
#include "widgets/koers-template.h"
#include "widgets/koers-widget-properties.h"
#include "widgets/koers-form-util.h"
#include "widgets/koers-value-form.h"

struct _KoersKpiUpdateDialog
{
  AdwWindow parent_instance;

  KoersStore    *store;
  KoersKpi      *kpi;
  KoersKpiValue *value; /* added by Save */
  KoersKpiStatus preview_status;

  GtkLabel       *name_label;
  GtkLabel       *thresholds_label;
  GtkLabel       *last_label;
  KoersValueForm *value_form;
  GtkWidget      *old_status_box;
  GtkImage       *old_status_icon;
  GtkLabel       *old_status_label;
  GtkWidget      *new_status_box;
  GtkImage       *new_status_icon;
  GtkLabel       *new_status_label;
  GtkLabel       *preview_note_label;
  GtkWidget      *button_box;
  GtkWidget      *cancel_button;
  GtkWidget      *save_button;
};

G_DEFINE_FINAL_TYPE (KoersKpiUpdateDialog, koers_kpi_update_dialog, ADW_TYPE_WINDOW)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersKpiUpdateDialog, name_label),
  KOERS_TEMPLATE_CHILD (KoersKpiUpdateDialog, thresholds_label),
  KOERS_TEMPLATE_CHILD (KoersKpiUpdateDialog, last_label),
  KOERS_TEMPLATE_CHILD (KoersKpiUpdateDialog, value_form),
  KOERS_TEMPLATE_CHILD (KoersKpiUpdateDialog, old_status_box),
  KOERS_TEMPLATE_CHILD (KoersKpiUpdateDialog, old_status_icon),
  KOERS_TEMPLATE_CHILD (KoersKpiUpdateDialog, old_status_label),
  KOERS_TEMPLATE_CHILD (KoersKpiUpdateDialog, new_status_box),
  KOERS_TEMPLATE_CHILD (KoersKpiUpdateDialog, new_status_icon),
  KOERS_TEMPLATE_CHILD (KoersKpiUpdateDialog, new_status_label),
  KOERS_TEMPLATE_CHILD (KoersKpiUpdateDialog, preview_note_label),
  KOERS_TEMPLATE_CHILD (KoersKpiUpdateDialog, button_box),
  KOERS_TEMPLATE_CHILD (KoersKpiUpdateDialog, cancel_button),
  KOERS_TEMPLATE_CHILD (KoersKpiUpdateDialog, save_button),
};

KOERS_WIDGET_PROPERTY_TABLE (KoersKpiUpdateDialog, "kpi", kpi, koers_kpi_get_type);

/* Whether a value on date becomes the latest, as the store orders them:
 * by date, and a new one after the others of the same day. */
static gboolean
becomes_latest (KoersKpiUpdateDialog *self,
                const GDate          *date,
                GDate                *latest_date)
{
  KoersKpiValue *latest = koers_kpi_get_latest_value (self->kpi);

  if (latest == NULL || !koers_date_parse (koers_kpi_value_get_date (latest), latest_date))
    return TRUE;

  return g_date_compare (date, latest_date) >= 0;
}

static void
show_status (GtkWidget     *box,
             GtkImage      *icon,
             GtkLabel      *label,
             KoersKpiStatus status,
             gboolean       known)
{
  gtk_image_set_from_icon_name (icon, known ? koers_kpi_style_get_status_icon (status)
                                            : "content-loading-symbolic");
  gtk_label_set_text (label, known ? koers_kpi_status_get_label (status) : "—");
  koers_kpi_style_set_status_class (box, known ? status : KOERS_KPI_STATUS_NONE);
}

static void
update_preview (KoersKpiUpdateDialog *self,
                gboolean              valid,
                double                value,
                const GDate          *date)
{
  KoersKpiStatus   old_status = koers_kpi_get_status (self->kpi);
  g_autofree char *note = NULL;
  GDate            latest_date;

  show_status (self->old_status_box, self->old_status_icon, self->old_status_label, old_status, TRUE);

  self->preview_status = KOERS_KPI_STATUS_NONE;
  if (valid)
    {
      if (becomes_latest (self, date, &latest_date))
        {
          self->preview_status = koers_kpi_get_status_for_value (self->kpi, value);
        }
      else
        {
          g_autofree char *when = koers_format_date (koers_format_get_language (), &latest_date);

          /* An older value goes into the history; the KPI still stands at
           * its latest one. */
          self->preview_status = old_status;
          /* Translators: %s is a date. */
          note = g_strdup_printf (_ ("The value of %s stays the current one: this date is older."), when);
        }
    }

  show_status (self->new_status_box, self->new_status_icon, self->new_status_label,
               self->preview_status, valid);
  gtk_label_set_text (self->preview_note_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->preview_note_label), note != NULL);
}

static void
validate (KoersKpiUpdateDialog *self)
{
  gboolean can_save, value_ok;
  double   value;
  GDate    date;

  if (self->kpi == NULL)
    return;

  can_save = koers_value_form_check (self->value_form, &value, &value_ok, &date);
  update_preview (self, value_ok, value, &date);
  gtk_widget_set_sensitive (self->save_button, can_save);
}

static void
form_changed_cb (KoersKpiUpdateDialog *self)
{
  validate (self);
}

gboolean
koers_kpi_update_dialog_save (KoersKpiUpdateDialog *self,
                              GError              **error)
{
  g_autoptr (KoersKpiValue) value = NULL;
  g_autofree char *note = NULL;
  g_autofree char *iso = NULL;
  double           number;

  g_return_val_if_fail (KOERS_IS_KPI_UPDATE_DIALOG (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!koers_value_form_read (self->value_form, &number, &iso, &note, error))
    return FALSE;

  value = koers_kpi_value_new (iso, number, note);
  if (!koers_store_add_kpi_value (self->store, self->kpi, value, error))
    return FALSE;

  g_set_object (&self->value, value);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
setup (KoersKpiUpdateDialog *self)
{
  KoersLanguage    lang = koers_format_get_language ();
  KoersKpiValue   *latest = koers_kpi_get_latest_value (self->kpi);
  g_autofree char *thresholds = koers_kpi_style_describe_thresholds (self->kpi, TRUE);
  g_autofree char *last = NULL;
  GDate            today;

  gtk_label_set_text (self->name_label, koers_kpi_get_name (self->kpi));
  gtk_label_set_text (self->thresholds_label, thresholds);

  if (latest != NULL)
    {
      g_autofree char *current = koers_kpi_style_format_value (self->kpi, koers_kpi_value_get_value (latest));
      g_autofree char *date = koers_format_date_iso (lang, koers_kpi_value_get_date (latest));

      /* Translators: %1$s is a value, %2$s a date: "Now 42 since 1 May 2026". */
      last = g_strdup_printf (_ ("Now %1$s since %2$s"), current, date != NULL ? date : "?");
    }
  else
    last = g_strdup (_ ("No values yet: this is the first."));
  gtk_label_set_text (self->last_label, last);

  koers_value_form_set_metric (self->value_form, koers_kpi_get_metric_kind (self->kpi),
                               koers_kpi_get_unit (self->kpi));
  if (latest != NULL)
    koers_value_form_set_value (self->value_form, koers_kpi_value_get_value (latest));
  koers_date_today (&today);
  koers_value_form_set_date (self->value_form, &today);

  validate (self);
  koers_value_form_focus_value (self->value_form);
}

static void
koers_kpi_update_dialog_constructed (GObject *object)
{
  KoersKpiUpdateDialog *self = KOERS_KPI_UPDATE_DIALOG (object);

  G_OBJECT_CLASS (koers_kpi_update_dialog_parent_class)->constructed (object);

  g_return_if_fail (KOERS_IS_STORE (self->store));
  g_return_if_fail (KOERS_IS_KPI (self->kpi));

  setup (self);
}

static void
koers_kpi_update_dialog_dispose (GObject *object)
{
  KoersKpiUpdateDialog *self = KOERS_KPI_UPDATE_DIALOG (object);

  koers_widget_dispose_properties (GTK_WIDGET (self), KOERS_TYPE_KPI_UPDATE_DIALOG, property_table,
                                   G_N_ELEMENTS (property_table));

  G_OBJECT_CLASS (koers_kpi_update_dialog_parent_class)->dispose (object);
}

static void
koers_kpi_update_dialog_finalize (GObject *object)
{
  KoersKpiUpdateDialog *self = KOERS_KPI_UPDATE_DIALOG (object);

  /* Kept past the destroy that Save ends with, for the caller to read. */
  g_clear_object (&self->value);

  G_OBJECT_CLASS (koers_kpi_update_dialog_parent_class)->finalize (object);
}

static const KoersTemplateCallback template_callbacks[] = {
  KOERS_TEMPLATE_CALLBACK (form_changed_cb),
};

static void
koers_kpi_update_dialog_class_init (KoersKpiUpdateDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = koers_kpi_update_dialog_constructed;
  object_class->dispose = koers_kpi_update_dialog_dispose;
  object_class->finalize = koers_kpi_update_dialog_finalize;

  koers_property_install_all (object_class, property_table, G_N_ELEMENTS (property_table));

  koers_template_init_class (widget_class, "kpis/koers-kpi-update-dialog.ui", KOERS_TEMPLATE_DIALOG | KOERS_TEMPLATE_ESCAPE_CLOSES,
                             KOERS_TEMPLATE_TABLE (template_children), KOERS_TEMPLATE_TABLE (template_callbacks));
}

static void
koers_kpi_update_dialog_init (KoersKpiUpdateDialog *self)
{
  koers_a11y_init_role (GTK_WIDGET (self));
  koers_kpi_style_ensure ();
  g_type_ensure (KOERS_TYPE_VALUE_FORM);
  gtk_widget_init_template (GTK_WIDGET (self));

  koers_value_form_connect_buttons (self->value_form, GTK_WINDOW (self), self->button_box,
                                    self->cancel_button, self->save_button,
                                    (KoersValueFormSaveFunc) koers_kpi_update_dialog_save);
}

GtkWidget *
koers_kpi_update_dialog_new (KoersStore *store,
                             KoersKpi   *kpi)
{
  return koers_widget_new_showing (KOERS_TYPE_KPI_UPDATE_DIALOG, store, "kpi", kpi);
}

GtkWidget *
koers_kpi_update_dialog_present (GtkWidget  *widget,
                                 KoersStore *store,
                                 KoersKpi   *kpi)
{
  g_return_val_if_fail (widget == NULL || GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (KOERS_IS_KPI (kpi), NULL);

  return koers_form_present (GTK_WINDOW (koers_kpi_update_dialog_new (store, kpi)), widget);
}

KOERS_DEFINE_GETTER (KoersKpiUpdateDialog, koers_kpi_update_dialog, KOERS_IS_KPI_UPDATE_DIALOG, KoersKpiValue *, value, NULL)

gboolean
koers_kpi_update_dialog_get_can_save (KoersKpiUpdateDialog *self)
{
  g_return_val_if_fail (KOERS_IS_KPI_UPDATE_DIALOG (self), FALSE);

  return gtk_widget_get_sensitive (self->save_button);
}

KOERS_DEFINE_GETTER (KoersKpiUpdateDialog, koers_kpi_update_dialog, KOERS_IS_KPI_UPDATE_DIALOG, KoersKpiStatus, preview_status, KOERS_KPI_STATUS_NONE)
