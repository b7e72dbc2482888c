/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-date.h"
#include "core/koers-format.h"
#include "core/koers-property.h"
#include "koers-kpi-editing.h"
#include "koers-kpi-row.h"
#include "koers-kpi-sparkline.h"
#include "koers-kpi-style.h"
#include "koers-kpi-update-dialog.h"
#include "widgets/koers-a11y.h"
#include "widgets/koers-template.h"
#include "widgets/koers-widget-properties.h"
#include "widgets/koers-wrap-box.h"

struct _KoersKpiRow
{
  GtkListBoxRow parent_instance;

  KoersStore *store;
  KoersKpi   *kpi;

  GtkLabel          *name_label;
  GtkWidget         *status_box;
  GtkImage          *status_icon;
  GtkLabel          *status_label;
  GtkLabel          *value_label;
  GtkLabel          *thresholds_label;
  GtkLabel          *meta_label;
  GtkWidget         *due_box;
  GtkLabel          *moved_by_label;
  KoersKpiSparkline *sparkline;
  GtkWidget         *update_button;
};

G_DEFINE_FINAL_TYPE (KoersKpiRow, koers_kpi_row, GTK_TYPE_LIST_BOX_ROW)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersKpiRow, name_label),
  KOERS_TEMPLATE_CHILD (KoersKpiRow, status_box),
  KOERS_TEMPLATE_CHILD (KoersKpiRow, status_icon),
  KOERS_TEMPLATE_CHILD (KoersKpiRow, status_label),
  KOERS_TEMPLATE_CHILD (KoersKpiRow, value_label),
  KOERS_TEMPLATE_CHILD (KoersKpiRow, thresholds_label),
  KOERS_TEMPLATE_CHILD (KoersKpiRow, meta_label),
  KOERS_TEMPLATE_CHILD (KoersKpiRow, due_box),
  KOERS_TEMPLATE_CHILD (KoersKpiRow, moved_by_label),
  KOERS_TEMPLATE_CHILD (KoersKpiRow, sparkline),
  KOERS_TEMPLATE_CHILD (KoersKpiRow, update_button),
};

KOERS_WIDGET_PROPERTY_TABLE (KoersKpiRow, "kpi", kpi, koers_kpi_get_type);

static void
update_moved_by (KoersKpiRow *self)
{
  g_autofree char *titles = koers_kpi_style_dup_moved_by (self->store, self->kpi);
  g_autofree char *text = NULL;

  /* The other side of the link a key result's editor sets. */
  if (titles != NULL)
    /* Translators: %s lists key results, "Raise NPS from 40 to 50". */
    text = g_strdup_printf (_ ("Moved by: %s"), titles);
  gtk_label_set_text (self->moved_by_label, text != NULL ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->moved_by_label), text);
  gtk_widget_set_visible (GTK_WIDGET (self->moved_by_label), text != NULL);
}

static void
update_row (KoersKpiRow *self)
{
  KoersLanguage    lang = koers_format_get_language ();
  KoersKpiStatus   status = koers_kpi_get_status (self->kpi);
  const char      *name = koers_kpi_get_name (self->kpi);
  const char      *last = koers_kpi_get_last_update_date (self->kpi);
  const char      *frequency = koers_kpi_frequency_get_label (koers_kpi_get_frequency (self->kpi));
  g_autofree char *value = NULL;
  g_autofree char *thresholds = koers_kpi_style_describe_thresholds (self->kpi, FALSE);
  g_autofree char *thresholds_long = koers_kpi_style_describe_thresholds (self->kpi, TRUE);
  g_autofree char *last_date = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *description = NULL;
  gboolean         due = koers_kpi_is_update_due (self->kpi, NULL);
  GDate            next;

  gtk_label_set_text (self->name_label, name);

  if (last != NULL)
    value = koers_kpi_style_format_value (self->kpi, koers_kpi_get_current_value (self->kpi));
  else
    value = g_strdup ("—");
  gtk_label_set_text (self->value_label, value);

  gtk_label_set_text (self->thresholds_label, thresholds);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->thresholds_label), thresholds_long);

  gtk_label_set_text (self->status_label, koers_kpi_status_get_label (status));
  gtk_image_set_from_icon_name (self->status_icon, koers_kpi_style_get_status_icon (status));
  /* On the row, so the status pill takes the colour. */
  koers_kpi_style_set_status_class (GTK_WIDGET (self), status);

  if (last != NULL)
    last_date = koers_format_date_iso (lang, last);
  if (last_date != NULL)
    /* Translators: "Monthly · updated 1 May 2026". */
    meta = g_strdup_printf (_ ("%1$s · updated %2$s"), frequency, last_date);
  else
    meta = g_strdup_printf ("%s · %s", frequency, koers_kpi_status_get_label (KOERS_KPI_STATUS_NONE));
  gtk_label_set_text (self->meta_label, meta);

  gtk_widget_set_visible (self->due_box, due);
  if (due && koers_kpi_get_next_update_date (self->kpi, &next))
    {
      g_autofree char *next_text = koers_format_date (lang, &next);
      g_autofree char *tip = g_strdup_printf (_ ("A new value was due on %s"), next_text);

      gtk_widget_set_tooltip_text (self->due_box, tip);
    }
  else
    gtk_widget_set_tooltip_text (self->due_box, due ? _ ("The KPI has no value yet") : NULL);
  gtk_widget_set_tooltip_text (self->update_button, due ? _ ("Update Due: Enter a New Value")
                                                        : _ ("Enter a New Value"));

  /* A screen reader hears the row's name, then what it stands at. */
  description = g_strdup_printf ("%s · %s%s%s", value, koers_kpi_status_get_label (status),
                                 due ? " · " : "", due ? _ ("Update due") : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
kpi_notify_cb (KoersKpiRow *self,
               GParamSpec  *pspec)
{
  /* Stamps and the position change nothing shown. */
  if (g_str_equal (pspec->name, "updated") || g_str_equal (pspec->name, "created") || g_str_equal (pspec->name, "position"))
    return;

  update_row (self);
}

static void
store_changed_cb (KoersKpiRow *self)
{
  /* A key result's kpi-id is set in the key result's editor. */
  if (self->kpi != NULL)
    update_moved_by (self);
}

static void
update_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KoersKpiRow *self = KOERS_KPI_ROW (widget);

  koers_kpi_update_dialog_present (widget, self->store, self->kpi);
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KoersKpiRow *self = KOERS_KPI_ROW (widget);

  koers_kpi_editing_open_editor (widget, self->store, self->kpi);
}

static void
koers_kpi_row_constructed (GObject *object)
{
  KoersKpiRow *self = KOERS_KPI_ROW (object);
  gboolean     writable;

  G_OBJECT_CLASS (koers_kpi_row_parent_class)->constructed (object);

  g_return_if_fail (KOERS_IS_STORE (self->store));
  g_return_if_fail (KOERS_IS_KPI (self->kpi));

  koers_kpi_sparkline_set_kpi (self->sparkline, self->kpi);
  update_row (self);
  update_moved_by (self);
  /* A role on the company server may not write every department. */
  writable = koers_store_may_write_department (self->store, koers_kpi_get_department_id (self->kpi));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kpi-row.update", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kpi-row.edit", writable);

  g_signal_connect_object (self->kpi, "notify", G_CALLBACK (kpi_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
koers_kpi_row_dispose (GObject *object)
{
  KoersKpiRow *self = KOERS_KPI_ROW (object);

  koers_widget_dispose_properties (GTK_WIDGET (self), KOERS_TYPE_KPI_ROW, property_table,
                                   G_N_ELEMENTS (property_table));

  G_OBJECT_CLASS (koers_kpi_row_parent_class)->dispose (object);
}

static void
koers_kpi_row_class_init (KoersKpiRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = koers_kpi_row_constructed;
  object_class->dispose = koers_kpi_row_dispose;

  koers_property_install_all (object_class, property_table, G_N_ELEMENTS (property_table));

  g_type_ensure (KOERS_TYPE_WRAP_BOX);
  g_type_ensure (KOERS_TYPE_KPI_SPARKLINE);
  koers_template_init_class (widget_class, "kpis/koers-kpi-row.ui", 0,
                             KOERS_TEMPLATE_TABLE (template_children), NULL, 0);

  gtk_widget_class_install_action (widget_class, "kpi-row.update", NULL, update_action_cb);
  gtk_widget_class_install_action (widget_class, "kpi-row.edit", NULL, edit_action_cb);
}

static void
koers_kpi_row_init (KoersKpiRow *self)
{
  koers_kpi_style_ensure ();
  gtk_widget_init_template (GTK_WIDGET (self));
  koers_a11y_clean_button_names (GTK_WIDGET (self));
}

GtkWidget *
koers_kpi_row_new (KoersStore        *store,
                   KoersKpi          *kpi,
                   const KoersPeriod *period)
{
  GtkWidget *row = koers_widget_new_showing (KOERS_TYPE_KPI_ROW, store, "kpi", kpi);

  g_return_val_if_fail (row != NULL, NULL);

  koers_kpi_sparkline_set_period (KOERS_KPI_ROW (row)->sparkline, period);
  return row;
}

KOERS_DEFINE_GETTER (KoersKpiRow, koers_kpi_row, KOERS_IS_KPI_ROW, KoersKpi *, kpi, NULL)

void
koers_kpi_row_set_period (KoersKpiRow       *self,
                          const KoersPeriod *period)
{
  g_return_if_fail (KOERS_IS_KPI_ROW (self));

  koers_kpi_sparkline_set_period (self->sparkline, period);
}

KoersKpiStatus
koers_kpi_row_get_status (KoersKpiRow *self)
{
  g_return_val_if_fail (KOERS_IS_KPI_ROW (self), KOERS_KPI_STATUS_NONE);

  return koers_kpi_get_status (self->kpi);
}
