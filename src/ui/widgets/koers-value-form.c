/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-date.h"
#include "core/koers-format.h"
#include "core/koers-parse.h"
#include "koers-form-util.h"
#include "koers-template.h"
#include "koers-toasts.h"
#include "koers-value-form.h"
#include "koers-layout.h"

struct _KoersValueForm
{
  GtkWidget parent_instance;

  KoersMetricKind kind;
  gboolean        value_touched; /* an empty value is an error once typed in */
  gboolean        filling;
  gboolean        has_earliest;
  GDate           earliest;
  GtkWidget      *extra;

  /* The dialog's buttons (koers_value_form_connect_buttons()). */
  GtkWindow             *dialog;
  GtkWidget             *save_button;
  KoersValueFormSaveFunc save_func;

  GtkWidget         *value_section;
  GtkLabel          *value_heading;
  GtkWidget         *value_box;
  GtkLabel          *prefix_label;
  GtkEntry          *value_entry;
  GtkLabel          *unit_label;
  GtkWidget         *milestone_box;
  GtkToggleButton   *not_done_button;
  GtkToggleButton   *done_button;
  GtkLabel          *value_error_label;
  GtkScrolledWindow *note_scroller;
  GtkTextView       *note_view;
  GtkEntry          *date_entry;
  GtkMenuButton     *date_button;
  GtkCalendar       *calendar;
  GtkLabel          *date_error_label;
};

G_DEFINE_FINAL_TYPE (KoersValueForm, koers_value_form, GTK_TYPE_WIDGET)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersValueForm, value_section),
  KOERS_TEMPLATE_CHILD (KoersValueForm, value_heading),
  KOERS_TEMPLATE_CHILD (KoersValueForm, value_box),
  KOERS_TEMPLATE_CHILD (KoersValueForm, prefix_label),
  KOERS_TEMPLATE_CHILD (KoersValueForm, value_entry),
  KOERS_TEMPLATE_CHILD (KoersValueForm, unit_label),
  KOERS_TEMPLATE_CHILD (KoersValueForm, milestone_box),
  KOERS_TEMPLATE_CHILD (KoersValueForm, not_done_button),
  KOERS_TEMPLATE_CHILD (KoersValueForm, done_button),
  KOERS_TEMPLATE_CHILD (KoersValueForm, value_error_label),
  KOERS_TEMPLATE_CHILD (KoersValueForm, note_scroller),
  KOERS_TEMPLATE_CHILD (KoersValueForm, note_view),
  KOERS_TEMPLATE_CHILD (KoersValueForm, date_entry),
  KOERS_TEMPLATE_CHILD (KoersValueForm, date_button),
  KOERS_TEMPLATE_CHILD (KoersValueForm, calendar),
  KOERS_TEMPLATE_CHILD (KoersValueForm, date_error_label),
};

enum
{
  PROP_0,
  PROP_EXTRA,
  PROP_NOTE_DESCRIPTION,
  PROP_NOTE_HEIGHT,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static gboolean
is_milestone (KoersValueForm *self)
{
  return self->kind == KOERS_METRIC_KIND_MILESTONE;
}

static void
value_changed_cb (KoersValueForm *self)
{
  if (!self->filling)
    self->value_touched = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
field_changed_cb (KoersValueForm *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
date_popover_show_cb (KoersValueForm *self)
{
  koers_form_sync_calendar (self->calendar, GTK_EDITABLE (self->date_entry));
}

static void
calendar_day_selected_cb (KoersValueForm *self)
{
  koers_form_take_calendar_day (self->calendar, GTK_EDITABLE (self->date_entry), self->date_button);
}

void
koers_value_form_set_metric (KoersValueForm *self,
                             KoersMetricKind kind,
                             const char     *unit)
{
  g_return_if_fail (KOERS_IS_VALUE_FORM (self));

  self->kind = kind;
  gtk_widget_set_visible (self->value_box, !is_milestone (self));
  gtk_widget_set_visible (self->milestone_box, is_milestone (self));

  gtk_widget_set_visible (GTK_WIDGET (self->prefix_label), kind == KOERS_METRIC_KIND_CURRENCY);
  gtk_label_set_text (self->prefix_label, "€");
  if (kind == KOERS_METRIC_KIND_PERCENTAGE)
    unit = "%";
  gtk_widget_set_visible (GTK_WIDGET (self->unit_label),
                          kind != KOERS_METRIC_KIND_CURRENCY && unit != NULL && *unit != '\0');
  gtk_label_set_text (self->unit_label, unit != NULL ? unit : "");
}

void
koers_value_form_set_value (KoersValueForm *self,
                            double          value)
{
  g_autofree char *text = NULL;

  g_return_if_fail (KOERS_IS_VALUE_FORM (self));

  self->filling = TRUE;
  if (is_milestone (self))
    {
      GtkToggleButton *active = value >= 1.0 ? self->done_button : self->not_done_button;

      gtk_label_set_text_with_mnemonic (self->value_heading, _ ("_Result"));
      gtk_toggle_button_set_active (active, TRUE);
      gtk_label_set_mnemonic_widget (self->value_heading, GTK_WIDGET (active));
    }
  else
    {
      /* Enough decimals that saving unchanged does not round the value. */
      text = koers_format_number (koers_format_get_language (), value, 6);
      gtk_editable_set_text (GTK_EDITABLE (self->value_entry), text);
    }
  self->filling = FALSE;
  self->value_touched = FALSE;
}

gboolean
koers_value_form_read_value (KoersValueForm *self,
                             double         *out,
                             GError        **error)
{
  g_return_val_if_fail (KOERS_IS_VALUE_FORM (self), FALSE);

  if (is_milestone (self))
    {
      *out = gtk_toggle_button_get_active (self->done_button) ? 1.0 : 0.0;
      return TRUE;
    }

  return koers_parse_number (koers_format_get_language (),
                             gtk_editable_get_text (GTK_EDITABLE (self->value_entry)),
                             out, error);
}

void
koers_value_form_set_date (KoersValueForm *self,
                           const GDate    *date)
{
  g_autofree char *text = NULL;

  g_return_if_fail (KOERS_IS_VALUE_FORM (self));

  text = koers_format_date (koers_format_get_language (), date);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), text);
}

void
koers_value_form_set_earliest_date (KoersValueForm *self,
                                    const GDate    *earliest)
{
  g_return_if_fail (KOERS_IS_VALUE_FORM (self));

  self->has_earliest = earliest != NULL;
  if (earliest != NULL)
    self->earliest = *earliest;
}

gboolean
koers_value_form_read_date (KoersValueForm *self,
                            GDate          *out,
                            GError        **error)
{
  g_return_val_if_fail (KOERS_IS_VALUE_FORM (self), FALSE);

  if (!koers_form_read_date (GTK_EDITABLE (self->date_entry), out, error))
    return FALSE;

  if (self->has_earliest && g_date_compare (out, &self->earliest) < 0)
    {
      g_autofree char *start = koers_format_date (koers_format_get_language (), &self->earliest);

      g_set_error (error, KOERS_PARSE_ERROR, KOERS_PARSE_ERROR_RANGE,
                   /* Translators: %s is a date, "1 April 2026". */
                   _ ("The date cannot be before the period starts on %s."), start);
      return FALSE;
    }

  return TRUE;
}

gboolean
koers_value_form_check (KoersValueForm *self,
                        double         *value,
                        gboolean       *value_ok,
                        GDate          *date)
{
  g_autoptr (GError) value_error = NULL;
  g_autoptr (GError) date_error = NULL;
  gboolean date_ok;

  g_return_val_if_fail (KOERS_IS_VALUE_FORM (self), FALSE);

  *value = 0.0;
  *value_ok = koers_value_form_read_value (self, value, &value_error);
  date_ok = koers_value_form_read_date (self, date, &date_error);

  /* An empty field is not wrong before the user has typed in it. */
  if (!*value_ok && !self->value_touched && g_error_matches (value_error, KOERS_PARSE_ERROR, KOERS_PARSE_ERROR_EMPTY))
    g_clear_error (&value_error);

  koers_form_show_field_error (GTK_WIDGET (self->value_entry), self->value_error_label,
                               value_error);
  koers_form_show_field_error (GTK_WIDGET (self->date_entry), self->date_error_label,
                               date_error);

  if (!date_ok)
    koers_date_today (date);
  return *value_ok && date_ok;
}

void
koers_value_form_set_note (KoersValueForm *self,
                           const char     *note)
{
  g_return_if_fail (KOERS_IS_VALUE_FORM (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view),
                            note != NULL ? note : "", -1);
}

char *
koers_value_form_dup_note (KoersValueForm *self)
{
  g_return_val_if_fail (KOERS_IS_VALUE_FORM (self), NULL);

  return koers_form_dup_text (self->note_view);
}

gboolean
koers_value_form_read (KoersValueForm *self,
                       double         *value,
                       char          **iso_date,
                       char          **note,
                       GError        **error)
{
  GDate date;

  g_return_val_if_fail (KOERS_IS_VALUE_FORM (self), FALSE);
  g_return_val_if_fail (iso_date != NULL && note != NULL, FALSE);

  if (!koers_value_form_read_value (self, value, error) || !koers_value_form_read_date (self, &date, error))
    return FALSE;

  *iso_date = koers_date_format_iso (&date);
  *note = koers_value_form_dup_note (self);
  return TRUE;
}

void
koers_value_form_focus_value (KoersValueForm *self)
{
  GtkRoot *root;

  g_return_if_fail (KOERS_IS_VALUE_FORM (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (!GTK_IS_WINDOW (root))
    return;

  if (is_milestone (self))
    gtk_window_set_focus (GTK_WINDOW (root),
                          GTK_WIDGET (gtk_toggle_button_get_active (self->done_button)
                                        ? self->done_button
                                        : self->not_done_button));
  else
    {
      gtk_window_set_focus (GTK_WINDOW (root), GTK_WIDGET (self->value_entry));
      gtk_editable_select_region (GTK_EDITABLE (self->value_entry), 0, -1);
    }
}

static void
save_clicked_cb (KoersValueForm *self)
{
  g_autoptr (GError) error = NULL;

  if (!gtk_widget_get_sensitive (self->save_button))
    return;

  if (!self->save_func (self->dialog, &error))
    koers_toasts_show_error (GTK_WIDGET (self), error);
}

static gboolean
save_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  save_clicked_cb (user_data);
  return TRUE;
}

void
koers_value_form_connect_buttons (KoersValueForm        *self,
                                  GtkWindow             *dialog,
                                  GtkWidget             *box,
                                  GtkWidget             *cancel,
                                  GtkWidget             *save,
                                  KoersValueFormSaveFunc func)
{
  g_return_if_fail (KOERS_IS_VALUE_FORM (self));
  g_return_if_fail (GTK_IS_WINDOW (dialog));
  g_return_if_fail (func != NULL);

  /* The form is the dialog's child: the dialog outlives it, no ref. */
  self->dialog = dialog;
  self->save_button = save;
  self->save_func = func;

  koers_form_order_buttons (dialog, box, cancel, save);
  g_signal_connect_object (save, "clicked", G_CALLBACK (save_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cancel, "clicked", G_CALLBACK (gtk_window_close), dialog,
                           G_CONNECT_SWAPPED);
  koers_form_add_save_shortcut (self->note_view, save_shortcut_cb, self);
}

/* The dialog's part goes between the value and the note, in the tab
 * order too. */
static void
set_extra (KoersValueForm *self,
           GtkWidget      *extra)
{
  if (self->extra == extra)
    return;

  g_clear_pointer (&self->extra, gtk_widget_unparent);
  self->extra = extra;
  if (extra != NULL)
    gtk_widget_insert_after (extra, GTK_WIDGET (self), self->value_section);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTRA]);
}

static void
koers_value_form_dispose (GObject *object)
{
  KoersValueForm *self = KOERS_VALUE_FORM (object);

  g_clear_pointer (&self->extra, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOERS_TYPE_VALUE_FORM);
  koers_layout_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (koers_value_form_parent_class)->dispose (object);
}

static void
koers_value_form_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KoersValueForm *self = KOERS_VALUE_FORM (object);

  switch (prop_id)
    {
    case PROP_EXTRA:
      g_value_set_object (value, self->extra);
      break;
    case PROP_NOTE_HEIGHT:
      g_value_set_int (value, gtk_scrolled_window_get_min_content_height (self->note_scroller));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koers_value_form_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KoersValueForm *self = KOERS_VALUE_FORM (object);

  switch (prop_id)
    {
    case PROP_EXTRA:
      set_extra (self, g_value_get_object (value));
      break;
    case PROP_NOTE_DESCRIPTION:
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_view),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      g_value_get_string (value), -1);
      break;
    case PROP_NOTE_HEIGHT:
      gtk_scrolled_window_set_min_content_height (self->note_scroller, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static const KoersTemplateCallback template_callbacks[] = {
  KOERS_TEMPLATE_CALLBACK (value_changed_cb),
  KOERS_TEMPLATE_CALLBACK (field_changed_cb),
  KOERS_TEMPLATE_CALLBACK (date_popover_show_cb),
  KOERS_TEMPLATE_CALLBACK (calendar_day_selected_cb),
};

static void
koers_value_form_class_init (KoersValueFormClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koers_value_form_dispose;
  object_class->get_property = koers_value_form_get_property;
  object_class->set_property = koers_value_form_set_property;

  properties[PROP_EXTRA] =
    g_param_spec_object ("extra", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What the note is for, to a screen reader. */
  properties[PROP_NOTE_DESCRIPTION] =
    g_param_spec_string ("note-description", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE_HEIGHT] =
    g_param_spec_int ("note-height", NULL, NULL, -1, G_MAXINT, 72,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KoersValueForm::changed:
   *
   * The value or the date changed, typed or filled in.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  /* A group (a panel) to screen readers, as the boxes it took over. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  koers_template_init_class (widget_class, "widgets/koers-value-form.ui", 0,
                             KOERS_TEMPLATE_TABLE (template_children), KOERS_TEMPLATE_TABLE (template_callbacks));
}

static void
koers_value_form_init (KoersValueForm *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 18);
  self->kind = KOERS_METRIC_KIND_NUMBER;
}

GtkWidget *
koers_value_form_new (void)
{
  return g_object_new (KOERS_TYPE_VALUE_FORM, NULL);
}
