/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-property.h"
#include "core/koers-text.h"
#include "koers-department-dialog.h"
#include "widgets/koers-a11y.h"
#include "widgets/koers-template.h"

struct _KoersDepartmentDialog
{
  AdwMessageDialog parent_instance;

  KoersDepartment *department;
  /* The ids behind the rows of parent_row; 0 is "None". */
  GArray *parent_ids;

  AdwEntryRow *name_row;
  AdwComboRow *parent_row;
  AdwEntryRow *emoji_row;
};

G_DEFINE_FINAL_TYPE (KoersDepartmentDialog, koers_department_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersDepartmentDialog, name_row),
  KOERS_TEMPLATE_CHILD (KoersDepartmentDialog, parent_row),
  KOERS_TEMPLATE_CHILD (KoersDepartmentDialog, emoji_row),
};

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

/* A new one is a team once it has a parent: the heading says which. */
static void
parent_selected_cb (KoersDepartmentDialog *self)
{
  if (self->department != NULL)
    return;

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self),
                                  koers_department_dialog_get_parent_id (self) != 0
                                    ? _ ("New Team")
                                    : _ ("New Department"));
}

/* The departments a team may belong to (not the company, not a team),
 * after "None" for a new one.  A department keeps its level: its own
 * dialog has no parent to choose. */
static void
fill_parents (KoersDepartmentDialog *self,
              KoersStore            *store)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *departments = koers_store_get_departments (store);
  guint       n = g_list_model_get_n_items (departments);
  gint64      none = 0;

  if (self->department != NULL && koers_department_get_parent_id (self->department) == 0)
    return;

  if (self->department == NULL)
    {
      gtk_string_list_append (names, C_ ("team of", "None (a department)"));
      g_array_append_val (self->parent_ids, none);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i);
      gint64           id = koers_department_get_id (dept);
      g_autofree char *name = NULL;

      if (koers_department_get_is_company (dept) || koers_department_get_parent_id (dept) != 0)
        continue;

      name = koers_text_isolate (koers_department_get_name (dept));
      gtk_string_list_append (names, name);
      g_array_append_val (self->parent_ids, id);
    }

  adw_combo_row_set_model (self->parent_row, G_LIST_MODEL (names));
  gtk_widget_set_visible (GTK_WIDGET (self->parent_row), self->parent_ids->len > 1);
  if (self->department != NULL)
    koers_department_dialog_set_parent_id (self, koers_department_get_parent_id (self->department));
  g_signal_connect_swapped (self->parent_row, "notify::selected",
                            G_CALLBACK (parent_selected_cb), self);
}

static void
koers_department_dialog_dispose (GObject *object)
{
  KoersDepartmentDialog *self = KOERS_DEPARTMENT_DIALOG (object);

  g_clear_object (&self->department);
  g_clear_pointer (&self->parent_ids, g_array_unref);

  G_OBJECT_CLASS (koers_department_dialog_parent_class)->dispose (object);
}

static const KoersTemplateCallback template_callbacks[] = {
  KOERS_TEMPLATE_CALLBACK (name_changed_cb),
  KOERS_TEMPLATE_CALLBACK (entry_activated_cb),
};

KOERS_DEFINE_TEMPLATE_CLASS_INIT (KoersDepartmentDialog, koers_department_dialog, "window/koers-department-dialog.ui", 0, KOERS_TEMPLATE_TABLE (template_callbacks))

static void
koers_department_dialog_init (KoersDepartmentDialog *self)
{
  koers_a11y_init_role (GTK_WIDGET (self));
  gtk_widget_init_template (GTK_WIDGET (self));
  self->parent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

GtkWidget *
koers_department_dialog_new (GtkWindow       *parent,
                             KoersStore      *store,
                             KoersDepartment *department)
{
  KoersDepartmentDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (department == NULL || KOERS_IS_DEPARTMENT (department), NULL);

  self = g_object_new (KOERS_TYPE_DEPARTMENT_DIALOG,
                       "transient-for", parent,
                       NULL);

  if (department != NULL)
    {
      const char *emoji = koers_department_get_emoji (department);

      gboolean is_team = koers_department_get_parent_id (department) != 0;

      self->department = g_object_ref (department);
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self),
                                      is_team ? _ ("Edit Team") : _ ("Rename Department"));
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "save",
                                             is_team ? _ ("_Save") : _ ("_Rename"));
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

  fill_parents (self, store);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return GTK_WIDGET (self);
}

KOERS_DEFINE_GETTER (KoersDepartmentDialog, koers_department_dialog, KOERS_IS_DEPARTMENT_DIALOG, KoersDepartment *, department, NULL)

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

gint64
koers_department_dialog_get_parent_id (KoersDepartmentDialog *self)
{
  guint selected;

  g_return_val_if_fail (KOERS_IS_DEPARTMENT_DIALOG (self), 0);

  selected = adw_combo_row_get_selected (self->parent_row);
  /* parent_ids is gone once the dialog is disposed. */
  if (self->parent_ids == NULL || selected >= self->parent_ids->len)
    return 0;
  return g_array_index (self->parent_ids, gint64, selected);
}

gboolean
koers_department_dialog_set_parent_id (KoersDepartmentDialog *self,
                                       gint64                 parent_id)
{
  g_return_val_if_fail (KOERS_IS_DEPARTMENT_DIALOG (self), FALSE);

  for (guint i = 0; i < self->parent_ids->len; i++)
    {
      if (g_array_index (self->parent_ids, gint64, i) == parent_id)
        {
          adw_combo_row_set_selected (self->parent_row, i);
          return TRUE;
        }
    }

  return FALSE;
}
