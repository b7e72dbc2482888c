/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-property.h"
#include "koers-import-dialog.h"
#include "widgets/koers-a11y.h"
#include "widgets/koers-form-util.h"
#include "widgets/koers-template.h"
#include "widgets/koers-toasts.h"

struct _KoersImportDialog
{
  AdwWindow parent_instance;

  GtkWindow          *window; /* weak: the toast goes there */
  KoersStore         *store;
  char               *file_name; /* for display */
  GFile              *file;      /* checked again when the mode changes */
  KoersJsonImportMode mode;
  KoersImportPlan    *plan;     /* NULL when the mode cannot import the file */
  GCancellable       *checking; /* a check of the file runs (in a thread) */
  GPtrArray          *rows;     /* rows added to the groups, removed on update */

  AdwWindowTitle      *window_title;
  GtkWidget           *import_button;
  GtkCheckButton      *merge_check;
  GtkCheckButton      *add_check;
  AdwPreferencesGroup *problem_group;
  GtkLabel            *problem_label;
  AdwPreferencesGroup *summary_group;
  AdwPreferencesGroup *conflicts_group;
  AdwPreferencesGroup *details_group;
};

G_DEFINE_FINAL_TYPE (KoersImportDialog, koers_import_dialog, ADW_TYPE_WINDOW)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  /* Offset 0: no field, but gtk_widget_get_template_child() finds it (tests). */
  { "cancel_button", 0 },
  KOERS_TEMPLATE_CHILD (KoersImportDialog, window_title),
  KOERS_TEMPLATE_CHILD (KoersImportDialog, import_button),
  KOERS_TEMPLATE_CHILD (KoersImportDialog, merge_check),
  KOERS_TEMPLATE_CHILD (KoersImportDialog, add_check),
  KOERS_TEMPLATE_CHILD (KoersImportDialog, problem_group),
  KOERS_TEMPLATE_CHILD (KoersImportDialog, problem_label),
  KOERS_TEMPLATE_CHILD (KoersImportDialog, summary_group),
  KOERS_TEMPLATE_CHILD (KoersImportDialog, conflicts_group),
  KOERS_TEMPLATE_CHILD (KoersImportDialog, details_group),
};

/* The heading of each kind's row, in the order of KoersImportKind. */
static const char *const kind_labels[KOERS_IMPORT_N_KINDS] = {
  [KOERS_IMPORT_DEPARTMENTS] = N_ ("Departments"),
  [KOERS_IMPORT_OBJECTIVES] = N_ ("Objectives"),
  [KOERS_IMPORT_KEY_RESULTS] = N_ ("Key results"),
  [KOERS_IMPORT_CHECKINS] = N_ ("Check-ins"),
  [KOERS_IMPORT_KPIS] = N_ ("KPIs"),
  [KOERS_IMPORT_KPI_VALUES] = N_ ("KPI values"),
  [KOERS_IMPORT_CAPACITIES] = N_ ("Capacities"),
  [KOERS_IMPORT_ESCALATIONS] = N_ ("Escalations"),
};

/* "3 added, 1 updated, 12 unchanged", without the parts that are 0;
 * NULL when the file has none of the kind. */
static char *
describe_counts (const KoersImportCounts *counts)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (counts->added > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u added", "%u added", counts->added),
                                             counts->added));
  if (counts->updated > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u updated", "%u updated", counts->updated),
                                             counts->updated));
  if (counts->unchanged > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u unchanged", "%u unchanged", counts->unchanged),
                                             counts->unchanged));
  if (counts->conflicts > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u conflict", "%u conflicts", counts->conflicts),
                                             counts->conflicts));
  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between "3 added", "1 updated", … */
  return g_strjoinv (_ (", "), (char **) parts->pdata);
}

static void
add_row (KoersImportDialog   *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Conflicts quote titles from the file: never markup. */
  koers_form_set_plain_title (row, title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);

  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (KoersImportDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static gboolean
plan_changes_anything (KoersImportPlan *plan)
{
  KoersImportCounts totals;

  koers_import_plan_get_totals (plan, &totals);
  return totals.added > 0 || totals.updated > 0 || koers_import_plan_get_n_dismissals (plan) > 0 || koers_import_plan_sets_organisation (plan);
}

static void
show_plan (KoersImportDialog *self)
{
  const char *const *conflicts = koers_import_plan_get_conflicts (self->plan);
  g_autofree char   *summary = NULL;
  guint              n_dismissals = koers_import_plan_get_n_dismissals (self->plan);
  guint              n_conflicts = 0;

  for (guint kind = 0; kind < KOERS_IMPORT_N_KINDS; kind++)
    {
      KoersImportCounts counts;
      g_autofree char  *subtitle = NULL;

      koers_import_plan_get_counts (self->plan, kind, &counts);
      subtitle = describe_counts (&counts);
      if (subtitle != NULL)
        add_row (self, self->details_group, _ (kind_labels[kind]), subtitle);
    }

  if (n_dismissals > 0)
    {
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%u added", "%u added", n_dismissals),
                                                   n_dismissals);

      add_row (self, self->details_group, _ ("Dismissed findings"), subtitle);
    }
  if (koers_import_plan_sets_organisation (self->plan))
    add_row (self, self->details_group, _ ("Organisation name"), _ ("Taken from the file"));

  if (plan_changes_anything (self->plan))
    summary = koers_import_plan_describe (self->plan);
  else
    summary = g_strdup (_ ("Nothing to import: this database has all of it already."));
  adw_preferences_group_set_description (self->summary_group, summary);

  for (; conflicts != NULL && conflicts[n_conflicts] != NULL; n_conflicts++)
    add_row (self, self->conflicts_group, conflicts[n_conflicts], NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), n_conflicts > 0);
}

/* Shows what importing the file in the mode would do, or why it cannot. */
static void
show_check (KoersImportDialog *self,
            const GError      *error)
{
  gboolean merge = self->mode == KOERS_JSON_IMPORT_MERGE;

  clear_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_group), self->plan == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_group), self->plan != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->details_group), self->plan != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), FALSE);
  if (self->plan == NULL)
    {
      gboolean exists = g_error_matches (error, KOERS_JSON_ERROR, KOERS_JSON_ERROR_EXISTS);

      adw_preferences_group_set_title (self->problem_group,
                                       merge ? _ ("Cannot Merge") : _ ("Cannot Import as New"));
      adw_preferences_group_set_description (self->problem_group,
                                             exists
                                               ? _ ("This database already has what the file holds. Merge the "
                                                    "file to update it, or import it into a new database.")
                                               : NULL);
      gtk_label_set_text (self->problem_label, error->message);
    }
  else
    {
      show_plan (self);
    }

  gtk_button_set_label (GTK_BUTTON (self->import_button), merge ? _ ("_Merge") : _ ("_Import"));
  gtk_widget_set_sensitive (self->import_button,
                            self->plan != NULL && plan_changes_anything (self->plan));
}

static void
plan_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (KoersImportDialog) self = user_data;
  g_autoptr (KoersImportPlan) plan = NULL;
  g_autoptr (GError) error = NULL;

  plan = koers_json_import_plan_file_finish (KOERS_STORE (source), result, &error);
  /* A newer check (another mode) or the dialog closed: not this one's
   * result to show. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  g_clear_object (&self->checking);
  self->plan = g_steal_pointer (&plan);
  show_check (self, error);
}

/* Checks the file again for the mode (from the file itself, in a thread:
 * a company's backup takes seconds) and shows what importing would do. */
static void
check_file (KoersImportDialog *self)
{
  gboolean merge = self->mode == KOERS_JSON_IMPORT_MERGE;

  if (self->checking != NULL)
    g_cancellable_cancel (self->checking);
  g_clear_object (&self->checking);
  g_clear_pointer (&self->plan, koers_import_plan_free);
  clear_rows (self);

  gtk_widget_set_visible (GTK_WIDGET (self->problem_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->details_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_group), TRUE);
  adw_preferences_group_set_description (self->summary_group, _ ("Checking the file…"));
  gtk_button_set_label (GTK_BUTTON (self->import_button), merge ? _ ("_Merge") : _ ("_Import"));
  gtk_widget_set_sensitive (self->import_button, FALSE);

  self->checking = g_cancellable_new ();
  koers_json_import_plan_file_async (self->store, self->file, self->mode, self->checking,
                                     plan_ready_cb, g_object_ref (self));
}

static void
mode_toggled_cb (KoersImportDialog *self)
{
  KoersJsonImportMode mode = gtk_check_button_get_active (self->add_check)
                               ? KOERS_JSON_IMPORT_ADD
                               : KOERS_JSON_IMPORT_MERGE;

  /* Both radio buttons notify: act once. */
  if (self->file != NULL && mode != self->mode)
    {
      self->mode = mode;
      check_file (self);
    }
}

static void
show_message (KoersImportDialog *self,
              const char        *heading,
              const char        *body)
{
  GtkWidget *dialog;

  /* Plain text (no markup): the body quotes the file. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_clicked_cb (KoersImportDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (koers_import_dialog_apply (self, &error))
    return;

  if (g_error_matches (error, KOERS_JSON_ERROR, KOERS_JSON_ERROR_STALE))
    show_message (self, _ ("The Database Changed"),
                  _ ("The file was checked again. Look at what changes, then import again."));
  else
    show_message (self, _ ("Could Not Import"), error->message);
}

static void
koers_import_dialog_dispose (GObject *object)
{
  KoersImportDialog *self = KOERS_IMPORT_DIALOG (object);

  g_clear_weak_pointer (&self->window);
  if (self->checking != NULL)
    g_cancellable_cancel (self->checking);
  g_clear_object (&self->checking);
  /* The plan follows the store's "changed" until freed. */
  g_clear_pointer (&self->plan, koers_import_plan_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOERS_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (koers_import_dialog_parent_class)->dispose (object);
}

static void
koers_import_dialog_finalize (GObject *object)
{
  KoersImportDialog *self = KOERS_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->file_name);

  G_OBJECT_CLASS (koers_import_dialog_parent_class)->finalize (object);
}

static const KoersTemplateCallback template_callbacks[] = {
  KOERS_TEMPLATE_CALLBACK (import_clicked_cb),
  KOERS_TEMPLATE_CALLBACK (mode_toggled_cb),
};

static void
koers_import_dialog_class_init (KoersImportDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koers_import_dialog_dispose;
  object_class->finalize = koers_import_dialog_finalize;

  koers_template_init_class (widget_class, "data/koers-import-dialog.ui", KOERS_TEMPLATE_DIALOG | KOERS_TEMPLATE_ESCAPE_CLOSES,
                             KOERS_TEMPLATE_TABLE (template_children), KOERS_TEMPLATE_TABLE (template_callbacks));
}

static void
koers_import_dialog_init (KoersImportDialog *self)
{
  koers_a11y_init_role (GTK_WIDGET (self));
  self->mode = KOERS_JSON_IMPORT_MERGE;
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
first_plan_ready_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GFile             *file = g_task_get_task_data (task);
  GtkWindow         *window;
  KoersImportDialog *self;
  g_autoptr (KoersImportPlan) plan = NULL;
  g_autofree char *basename = NULL;
  GError          *error = NULL;

  /* A merge never refuses what the database has: what fails here is the
   * file itself, and no dialog opens for it. */
  plan = koers_json_import_plan_file_finish (KOERS_STORE (source), result, &error);
  if (plan == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  window = g_task_get_source_object (task);
  /* GTK owns a window: no reference to drop here. */
  self = g_object_new (KOERS_TYPE_IMPORT_DIALOG,
                       "transient-for", window,
                       NULL);
  g_set_weak_pointer (&self->window, window);
  self->store = g_object_ref (KOERS_STORE (source));
  self->file = g_object_ref (file);
  basename = g_file_get_basename (file);
  self->file_name = g_filename_display_name (basename);
  adw_window_title_set_subtitle (self->window_title, self->file_name);

  self->plan = g_steal_pointer (&plan);
  show_check (self, NULL);

  g_task_return_pointer (task, self, NULL);
}

void
koers_import_dialog_new_async (GtkWindow          *window,
                               KoersStore         *store,
                               GFile              *file,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  GTask *task;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (KOERS_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (window, cancellable, callback, user_data);
  g_task_set_source_tag (task, koers_import_dialog_new_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  koers_json_import_plan_file_async (store, file, KOERS_JSON_IMPORT_MERGE, cancellable,
                                     first_plan_ready_cb, task);
}

GtkWidget *
koers_import_dialog_new_finish (GAsyncResult *result,
                                GError      **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

KOERS_DEFINE_GETTER (KoersImportDialog, koers_import_dialog, KOERS_IS_IMPORT_DIALOG, KoersJsonImportMode, mode, KOERS_JSON_IMPORT_MERGE)

void
koers_import_dialog_set_mode (KoersImportDialog  *self,
                              KoersJsonImportMode mode)
{
  g_return_if_fail (KOERS_IS_IMPORT_DIALOG (self));

  /* The radio buttons' notify does the rest. */
  gtk_check_button_set_active (mode == KOERS_JSON_IMPORT_ADD ? self->add_check : self->merge_check, TRUE);
}

KOERS_DEFINE_GETTER (KoersImportDialog, koers_import_dialog, KOERS_IS_IMPORT_DIALOG, KoersImportPlan *, plan, NULL)

gboolean
koers_import_dialog_is_checking (KoersImportDialog *self)
{
  g_return_val_if_fail (KOERS_IS_IMPORT_DIALOG (self), FALSE);

  return self->checking != NULL;
}

gboolean
koers_import_dialog_apply (KoersImportDialog *self,
                           GError           **error)
{
  g_autofree char *summary = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (KOERS_IS_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->checking != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                           _ ("The file is still being checked"));
      return FALSE;
    }
  if (self->plan == NULL)
    {
      g_set_error_literal (error, KOERS_JSON_ERROR, KOERS_JSON_ERROR_INVALID,
                           gtk_label_get_text (self->problem_label));
      return FALSE;
    }

  summary = koers_import_plan_describe (self->plan);
  if (!koers_json_import_apply (self->plan, error))
    {
      /* A plan is applied once, and a stale one never: check again. */
      check_file (self);
      return FALSE;
    }

  if (self->window != NULL)
    {
      AdwToast *toast;

      /* Toast titles are markup; the file name is not. */
      escaped = g_markup_escape_text (self->file_name, -1);
      /* Translators: the first %s is a file name, the second says what changed,
       * such as "3 added, 1 updated, 12 unchanged". */
      title = g_strdup_printf (_ ("Imported %s: %s"), escaped, summary);
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 8);
      koers_toasts_add (GTK_WIDGET (self->window), toast);
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
