/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "koers-department-dialog.h"
#include "widgets/koers-a11y.h"

struct _KoersDepartmentDialog
{
  AdwMessageDialog parent_instance;

  KoersDepartment *department;

  AdwEntryRow *name_row;
  AdwEntryRow *emoji_row;
};

G_DEFINE_FINAL_TYPE (KoersDepartmentDialog, koers_department_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
dup_trimmed (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

static void
name_changed_cb (KoersDepartmentDialog *self)
{
  g_autofree char *name = dup_trimmed (GTK_EDITABLE (self->name_row));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", name[0] != '\0');
}

static void
entry_activated_cb (KoersDepartmentDialog *self)
{
  if (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), "save"))
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "save");
}

static void
koers_department_dialog_dispose (GObject *object)
{
  KoersDepartmentDialog *self = KOERS_DEPARTMENT_DIALOG (object);

  g_clear_object (&self->department);

  G_OBJECT_CLASS (koers_department_dialog_parent_class)->dispose (object);
}

static void
koers_department_dialog_class_init (KoersDepartmentDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koers_department_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/koersapp/Koers/ui/window/koers-department-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KoersDepartmentDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, KoersDepartmentDialog, emoji_row);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
}

static void
koers_department_dialog_init (KoersDepartmentDialog *self)
{
  koers_a11y_init_role (GTK_WIDGET (self));
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
koers_department_dialog_new (GtkWindow       *parent,
                             KoersDepartment *department)
{
  KoersDepartmentDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (department == NULL || KOERS_IS_DEPARTMENT (department), NULL);

  self = g_object_new (KOERS_TYPE_DEPARTMENT_DIALOG,
                       "transient-for", parent,
                       NULL);

  if (department != NULL)
    {
      const char *emoji = koers_department_get_emoji (department);

      self->department = g_object_ref (department);
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _ ("Rename Department"));
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "save", _ ("_Rename"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                             koers_department_get_name (department));
      gtk_editable_set_text (GTK_EDITABLE (self->emoji_row), emoji != NULL ? emoji : "");
    }
  else
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _ ("New Department"));
      /* A neutral default the user can replace with any emoji (Ctrl+.). */
      gtk_editable_set_text (GTK_EDITABLE (self->emoji_row), "👥");
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return GTK_WIDGET (self);
}

KoersDepartment *
koers_department_dialog_get_department (KoersDepartmentDialog *self)
{
  g_return_val_if_fail (KOERS_IS_DEPARTMENT_DIALOG (self), NULL);

  return self->department;
}

char *
koers_department_dialog_dup_name (KoersDepartmentDialog *self)
{
  g_return_val_if_fail (KOERS_IS_DEPARTMENT_DIALOG (self), NULL);

  return dup_trimmed (GTK_EDITABLE (self->name_row));
}

char *
koers_department_dialog_dup_emoji (KoersDepartmentDialog *self)
{
  g_return_val_if_fail (KOERS_IS_DEPARTMENT_DIALOG (self), NULL);

  return dup_trimmed (GTK_EDITABLE (self->emoji_row));
}

void
koers_department_dialog_set_name (KoersDepartmentDialog *self,
                                  const char            *name)
{
  g_return_if_fail (KOERS_IS_DEPARTMENT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
}
