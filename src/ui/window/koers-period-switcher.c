/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-date.h"
#include "core/koers-format.h"
#include "core/koers-property.h"
#include "koers-period-switcher.h"
#include "widgets/koers-template.h"
#include "widgets/koers-tooltip.h"
#include "widgets/koers-widget-properties.h"
#include "widgets/koers-layout.h"

struct _KoersPeriodSwitcher
{
  GtkWidget parent_instance;

  KoersPeriod period;
  char       *label;
  /* Set while the popover's controls follow the period, so their signal
   * handlers do not write it back. */
  gboolean syncing;

  GtkMenuButton   *menu_button;
  GtkPopover      *popover;
  GtkSpinButton   *year_spin;
  GtkToggleButton *quarter_buttons[4];
};

G_DEFINE_FINAL_TYPE (KoersPeriodSwitcher, koers_period_switcher, GTK_TYPE_WIDGET)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  /* Offset 0: no field, but gtk_widget_get_template_child() finds them (tests). */
  { "previous_button", 0 },
  { "next_button", 0 },
  KOERS_TEMPLATE_CHILD (KoersPeriodSwitcher, menu_button),
  KOERS_TEMPLATE_CHILD (KoersPeriodSwitcher, popover),
  KOERS_TEMPLATE_CHILD (KoersPeriodSwitcher, year_spin),
  { "q1_button", G_STRUCT_OFFSET (KoersPeriodSwitcher, quarter_buttons[0]) },
  { "q2_button", G_STRUCT_OFFSET (KoersPeriodSwitcher, quarter_buttons[1]) },
  { "q3_button", G_STRUCT_OFFSET (KoersPeriodSwitcher, quarter_buttons[2]) },
  { "q4_button", G_STRUCT_OFFSET (KoersPeriodSwitcher, quarter_buttons[3]) },
};

enum
{
  PROP_0,
  PROP_PERIOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_controls (KoersPeriodSwitcher *self)
{
  g_free (self->label);
  self->label = koers_format_period (koers_format_get_language (), &self->period);
  gtk_menu_button_set_label (self->menu_button, self->label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _ ("Choose period"),
                                  -1);

  self->syncing = TRUE;
  gtk_spin_button_set_value (self->year_spin, self->period.year);
  for (guint i = 0; i < G_N_ELEMENTS (self->quarter_buttons); i++)
    gtk_toggle_button_set_active (self->quarter_buttons[i],
                                  self->period.kind == KOERS_PERIOD_KIND_QUARTER && self->period.quarter == (int) i + 1);
  self->syncing = FALSE;
}

static void
set_quarter (KoersPeriodSwitcher *self,
             int                  year,
             int                  quarter)
{
  KoersPeriod period;

  koers_period_init_quarter (&period, year, quarter);
  koers_period_switcher_set_period (self, &period);
}

static void
popover_show_cb (KoersPeriodSwitcher *self)
{
  update_controls (self);
}

static void
year_spin_value_changed_cb (KoersPeriodSwitcher *self)
{
  int year;

  if (self->syncing)
    return;

  year = gtk_spin_button_get_value_as_int (self->year_spin);
  if (self->period.kind == KOERS_PERIOD_KIND_QUARTER)
    set_quarter (self, year, self->period.quarter);
  else
    {
      KoersPeriod period;

      koers_period_init_year (&period, year);
      koers_period_switcher_set_period (self, &period);
    }
}

static void
quarter_toggled_cb (KoersPeriodSwitcher *self,
                    GtkToggleButton     *button)
{
  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (self->quarter_buttons); i++)
    {
      if (self->quarter_buttons[i] == button)
        {
          set_quarter (self, gtk_spin_button_get_value_as_int (self->year_spin), (int) i + 1);
          gtk_popover_popdown (self->popover);
          break;
        }
    }
}

static void
previous_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  koers_period_switcher_previous (KOERS_PERIOD_SWITCHER (widget));
}

static void
next_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  koers_period_switcher_next (KOERS_PERIOD_SWITCHER (widget));
}

static void
current_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KoersPeriodSwitcher *self = KOERS_PERIOD_SWITCHER (widget);
  KoersPeriod          period;
  GDate                today;

  koers_date_today (&today);
  koers_period_init_for_date (&period, &today);
  koers_period_switcher_set_period (self, &period);
  gtk_popover_popdown (self->popover);
}

static void
koers_period_switcher_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  KoersPeriodSwitcher *self = KOERS_PERIOD_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      g_value_set_boxed (value, &self->period);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koers_period_switcher_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  KoersPeriodSwitcher *self = KOERS_PERIOD_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      if (g_value_get_boxed (value) != NULL)
        koers_period_switcher_set_period (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koers_period_switcher_dispose (GObject *object)
{
  KoersPeriodSwitcher *self = KOERS_PERIOD_SWITCHER (object);

  /* A plain GtkWidget: its children are unparented by hand. */
  koers_layout_unparent_children (GTK_WIDGET (object));
  gtk_widget_dispose_template (GTK_WIDGET (object), KOERS_TYPE_PERIOD_SWITCHER);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (koers_period_switcher_parent_class)->dispose (object);
}

static const KoersTemplateCallback template_callbacks[] = {
  KOERS_TEMPLATE_CALLBACK (popover_show_cb),
  KOERS_TEMPLATE_CALLBACK (year_spin_value_changed_cb),
  KOERS_TEMPLATE_CALLBACK (quarter_toggled_cb),
};

static void
koers_period_switcher_class_init (KoersPeriodSwitcherClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = koers_period_switcher_get_property;
  object_class->set_property = koers_period_switcher_set_property;
  object_class->dispose = koers_period_switcher_dispose;

  properties[PROP_PERIOD] =
    g_param_spec_boxed ("period", NULL, NULL,
                        KOERS_TYPE_PERIOD,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  koers_template_init_class (widget_class, "window/koers-period-switcher.ui", 0,
                             KOERS_TEMPLATE_TABLE (template_children), KOERS_TEMPLATE_TABLE (template_callbacks));

  gtk_widget_class_install_action (widget_class, "switcher.previous", NULL, previous_action_cb);
  gtk_widget_class_install_action (widget_class, "switcher.next", NULL, next_action_cb);
  gtk_widget_class_install_action (widget_class, "switcher.current", NULL, current_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "periodswitcher");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static const KoersTemplateTooltip template_tooltips[] = {
  { "previous_button", N_ ("Previous Quarter") },
  { "menu_button", N_ ("Choose Period") },
  { "next_button", N_ ("Next Quarter") },
};

static void
koers_period_switcher_init (KoersPeriodSwitcher *self)
{
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));
  koers_tooltip_init_template (GTK_WIDGET (self), template_tooltips, G_N_ELEMENTS (template_tooltips));

  koers_date_today (&today);
  koers_period_init_for_date (&self->period, &today);
  update_controls (self);
}

GtkWidget *
koers_period_switcher_new (void)
{
  return g_object_new (KOERS_TYPE_PERIOD_SWITCHER, NULL);
}

const KoersPeriod *
koers_period_switcher_get_period (KoersPeriodSwitcher *self)
{
  g_return_val_if_fail (KOERS_IS_PERIOD_SWITCHER (self), NULL);

  return &self->period;
}

void
koers_period_switcher_set_period (KoersPeriodSwitcher *self,
                                  const KoersPeriod   *period)
{
  g_return_if_fail (KOERS_IS_PERIOD_SWITCHER (self));

  if (!koers_widget_replace_period (&self->period, period))
    return;

  update_controls (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
}

/* step: koers_period_previous() or koers_period_next(). */
static void
step_period (KoersPeriodSwitcher *self,
             void (*step) (const KoersPeriod *self, KoersPeriod *out))
{
  KoersPeriod period;

  g_return_if_fail (KOERS_IS_PERIOD_SWITCHER (self));

  step (&self->period, &period);
  koers_period_switcher_set_period (self, &period);
}

void
koers_period_switcher_previous (KoersPeriodSwitcher *self)
{
  step_period (self, koers_period_previous);
}

void
koers_period_switcher_next (KoersPeriodSwitcher *self)
{
  step_period (self, koers_period_next);
}

KOERS_DEFINE_GETTER (KoersPeriodSwitcher, koers_period_switcher, KOERS_IS_PERIOD_SWITCHER, const char *, label, NULL)
