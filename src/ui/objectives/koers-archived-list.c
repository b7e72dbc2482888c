/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-summary.h"
#include "core/koers-text.h"
#include "objectives/koers-archived-list.h"
#include "widgets/koers-deleting.h"
#include "widgets/koers-form-util.h"
#include "widgets/koers-idle.h"
#include "widgets/koers-template.h"
#include "widgets/koers-toasts.h"
#include "widgets/koers-widget-properties.h"

#define OBJECTIVE_KEY "koers-archived-objective"

struct _KoersArchivedList
{
  AdwBin parent_instance;

  KoersStore      *store;
  KoersDepartment *department;
  KoersPeriod      period;
  gboolean         has_period;

  GtkLabel   *count_label;
  GtkListBox *list;
  /* The rows in the list, to take out again. */
  GPtrArray *rows;
  /* The pending rebuild: a burst of store changes makes one. */
  guint rebuild_id;
};

G_DEFINE_FINAL_TYPE (KoersArchivedList, koers_archived_list, ADW_TYPE_BIN)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersArchivedList, count_label),
  KOERS_TEMPLATE_CHILD (KoersArchivedList, list),
};

static KoersObjective *
get_row_objective (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), OBJECTIVE_KEY);
}

static void
restore_clicked_cb (GtkButton         *button,
                    KoersArchivedList *self)
{
  g_autoptr (KoersObjective) objective = g_object_ref (get_row_objective (GTK_WIDGET (button)));
  g_autoptr (GError) error = NULL;

  /* The store's change rebuilds the list, and this button goes with it. */
  if (!koers_store_set_objective_archived (self->store, objective, FALSE, &error))
    koers_toasts_show_error (GTK_WIDGET (self), error);
}

char *
koers_archived_list_describe_deletion (KoersObjective *objective)
{
  GListModel      *krs;
  GString         *text;
  g_autofree char *title = NULL;
  guint            n;

  g_return_val_if_fail (KOERS_IS_OBJECTIVE (objective), NULL);

  krs = koers_objective_get_key_results (objective);
  n = g_list_model_get_n_items (krs);
  title = koers_text_isolate (koers_objective_get_title (objective));
  text = g_string_new (NULL);
  if (n == 0)
    g_string_append_printf (text, _ ("The objective “%s” will be deleted. This cannot be undone."), title);
  else
    g_string_append_printf (text,
                            /* Translators: %s is the objective's title, %u how many key results it has. */
                            ngettext ("The objective “%s” and its %u key result will be deleted. This cannot be undone.",
                                      "The objective “%s” and its %u key results will be deleted. This cannot be undone.",
                                      n),
                            title, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, i);
      g_autofree char *kr_title = koers_text_isolate (koers_key_result_get_title (kr));

      g_string_append_printf (text, "\n• %s", kr_title);
    }

  return g_string_free (text, FALSE);
}

static void
delete_for_good (KoersArchivedList *self,
                 KoersObjective    *objective)
{
  if (self->store != NULL)
    koers_deleting_delete_objective_for_good (GTK_WIDGET (self), self->store, objective);
}

static void
delete_clicked_cb (GtkButton         *button,
                   KoersArchivedList *self)
{
  KoersObjective  *objective = get_row_objective (GTK_WIDGET (button));
  g_autofree char *body = koers_archived_list_describe_deletion (objective);
  GtkRoot         *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* The list may be rebuilt (or gone) while the dialog is open. */
  koers_deleting_confirm (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _ ("Delete Objective for Good?"),
                          body, self, G_OBJECT (objective), (KoersDeletingConfirmFunc) delete_for_good);
}

static GtkWidget *
add_button (KoersArchivedList *self,
            GtkWidget         *row,
            KoersObjective    *objective,
            const char        *label,
            const char        *name,
            GCallback          clicked)
{
  GtkWidget *button = koers_form_add_row_button (ADW_ACTION_ROW (row), label, name, clicked, self);

  g_object_set_data_full (G_OBJECT (button), OBJECTIVE_KEY, g_object_ref (objective), g_object_unref);
  return button;
}

static GtkWidget *
create_row (KoersArchivedList *self,
            KoersObjective    *objective)
{
  GtkWidget       *row = adw_action_row_new ();
  g_autofree char *title = koers_text_isolate (koers_objective_get_title (objective));
  g_autofree char *restore_name = NULL;
  guint            n_krs = g_list_model_get_n_items (koers_objective_get_key_results (objective));
  guint            n_checkins = 0;
  g_autofree char *subtitle = NULL;
  g_autoptr (GError) error = NULL;

  /* A title is what someone typed, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), koers_objective_get_title (objective));
  if (!koers_store_count_objective_checkins (self->store, objective, &n_checkins, &error))
    {
      g_warning ("Cannot count check-ins: %s", error->message);
      n_checkins = G_MAXUINT; /* unknown: not offered for deletion */
    }
  subtitle = g_strdup_printf (ngettext ("Kept with %u key result", "Kept with %u key results", n_krs), n_krs);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* Translators: an accessible name; %s is the objective's title. */
  restore_name = g_strdup_printf (_ ("Restore “%s”"), title);
  add_button (self, row, objective, _ ("_Restore"), restore_name, G_CALLBACK (restore_clicked_cb));

  /* Its check-ins are its history: such an objective stays archived. */
  if (n_checkins == 0)
    {
      /* Translators: an accessible name; %s is the objective's title. */
      g_autofree char *delete_name = g_strdup_printf (_ ("Delete “%s” for good"), title);
      GtkWidget *delete = add_button (self, row, objective, _ ("_Delete…"), delete_name,
                                      G_CALLBACK (delete_clicked_cb));

      gtk_widget_add_css_class (delete, "destructive-action");
    }

  return row;
}

static gboolean
is_listed (KoersArchivedList *self,
           KoersObjective    *objective)
{
  return koers_objective_get_archived (objective) &&
         koers_objective_get_department_id (objective) == koers_department_get_id (self->department) &&
         koers_objective_in_period (objective, &self->period);
}

/* Archived objectives are few, and change by one click: the rows are
 * made again on every change. */
static void
rebuild (KoersArchivedList *self)
{
  GListModel      *objectives;
  guint            n;
  g_autofree char *count = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (self->store != NULL && self->department != NULL && self->has_period)
    {
      objectives = koers_store_get_objectives (self->store);
      n = g_list_model_get_n_items (objectives);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);
          GtkWidget *row;

          if (!is_listed (self, objective))
            continue;
          row = create_row (self, objective);
          gtk_list_box_append (self->list, row);
          g_ptr_array_add (self->rows, row);
        }
    }

  count = g_strdup_printf (ngettext ("%u archived objective", "%u archived objectives", self->rows->len),
                           self->rows->len);
  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);
}

/* Every store change (a check-in anywhere, a period read in) would
 * rescan all loaded objectives: once, from the main loop, is enough. */
static void
queue_rebuild (KoersArchivedList *self)
{
  koers_idle_queue (&self->rebuild_id, G_PRIORITY_DEFAULT_IDLE, (KoersIdleFunc) rebuild, self);
}

static void
koers_archived_list_dispose (GObject *object)
{
  KoersArchivedList *self = KOERS_ARCHIVED_LIST (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  koers_widget_unfollow (self, &self->store);
  g_clear_object (&self->department);

  gtk_widget_dispose_template (GTK_WIDGET (self), KOERS_TYPE_ARCHIVED_LIST);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (koers_archived_list_parent_class)->dispose (object);
}

KOERS_DEFINE_TEMPLATE_CLASS_INIT (KoersArchivedList, koers_archived_list, "objectives/koers-archived-list.ui", 0, NULL, 0)

static void
koers_archived_list_init (KoersArchivedList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

GtkWidget *
koers_archived_list_new (void)
{
  return g_object_new (KOERS_TYPE_ARCHIVED_LIST, NULL);
}

void
koers_archived_list_set_store (KoersArchivedList *self,
                               KoersStore        *store)
{
  g_return_if_fail (KOERS_IS_ARCHIVED_LIST (self));
  g_return_if_fail (store == NULL || KOERS_IS_STORE (store));

  if (koers_widget_follow (self, &self->store, store, "changed", G_CALLBACK (queue_rebuild)))
    queue_rebuild (self);
}

void
koers_archived_list_set_department (KoersArchivedList *self,
                                    KoersDepartment   *department)
{
  g_return_if_fail (KOERS_IS_ARCHIVED_LIST (self));

  if (g_set_object (&self->department, department))
    queue_rebuild (self);
}

void
koers_archived_list_set_period (KoersArchivedList *self,
                                const KoersPeriod *period)
{
  g_return_if_fail (KOERS_IS_ARCHIVED_LIST (self));

  if (koers_widget_set_period (&self->period, &self->has_period, period))
    queue_rebuild (self);
}

guint
koers_archived_list_get_n_objectives (KoersArchivedList *self)
{
  g_return_val_if_fail (KOERS_IS_ARCHIVED_LIST (self), 0);

  return self->rows->len;
}
