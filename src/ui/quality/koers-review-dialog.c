/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-format.h"
#include "core/koers-scoring.h"
#include "store/koers-store-review.h"
#include "widgets/koers-a11y.h"
#include "widgets/koers-form-util.h"
#include "widgets/koers-template.h"
#include "widgets/koers-toasts.h"
#include "koers-review-dialog.h"

/* Grades are typed on a 0.05 scale: 0.999 is 1. */
#define GRADE_EPSILON 1e-6

struct _KoersReviewDialog
{
  AdwWindow parent_instance;

  KoersStore *store;
  KoersPeriod period;
  KoersPeriod next_period;
  gint64      department_id;
  GPtrArray  *objectives;    /* KoersObjective, the ones to review */
  guint       index;         /* into objectives; == len: the last page */
  GPtrArray  *kr_scales;     /* GtkScale per key result on screen, in order */
  GPtrArray  *departments;   /* KoersDepartment behind drop-down rows 1.. */
  gboolean    grade_touched; /* the user set the grade: stop proposing one */
  gboolean    loading;       /* values set by code, not by the user */
  guint       n_saved;
  guint       n_carried;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkStack        *stack;
  GtkLabel        *department_label;
  GtkLabel        *title_label;
  GtkLabel        *facts_label;
  GtkListBox      *kr_list;
  GtkScale        *grade_scale;
  GtkLabel        *grade_hint_label;
  GtkWidget       *postmortem_box;
  GtkTextView     *postmortem_view;
  GtkWidget       *postmortem_error_label;
  GtkTextView     *note_view;
  GtkWidget       *carry_box;
  GtkCheckButton  *carry_check;
  GtkDropDown     *department_dropdown;
  AdwStatusPage   *done_page;
  GtkWidget       *close_button;
  GtkWidget       *button_box;
  GtkWidget       *back_button;
  GtkWidget       *skip_button;
  GtkWidget       *save_button;
};

G_DEFINE_FINAL_TYPE (KoersReviewDialog, koers_review_dialog, ADW_TYPE_WINDOW)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersReviewDialog, toast_overlay),
  KOERS_TEMPLATE_CHILD (KoersReviewDialog, window_title),
  KOERS_TEMPLATE_CHILD (KoersReviewDialog, stack),
  KOERS_TEMPLATE_CHILD (KoersReviewDialog, department_label),
  KOERS_TEMPLATE_CHILD (KoersReviewDialog, title_label),
  KOERS_TEMPLATE_CHILD (KoersReviewDialog, facts_label),
  KOERS_TEMPLATE_CHILD (KoersReviewDialog, kr_list),
  KOERS_TEMPLATE_CHILD (KoersReviewDialog, grade_scale),
  KOERS_TEMPLATE_CHILD (KoersReviewDialog, grade_hint_label),
  KOERS_TEMPLATE_CHILD (KoersReviewDialog, postmortem_box),
  KOERS_TEMPLATE_CHILD (KoersReviewDialog, postmortem_view),
  KOERS_TEMPLATE_CHILD (KoersReviewDialog, postmortem_error_label),
  KOERS_TEMPLATE_CHILD (KoersReviewDialog, note_view),
  KOERS_TEMPLATE_CHILD (KoersReviewDialog, carry_box),
  KOERS_TEMPLATE_CHILD (KoersReviewDialog, carry_check),
  KOERS_TEMPLATE_CHILD (KoersReviewDialog, department_dropdown),
  KOERS_TEMPLATE_CHILD (KoersReviewDialog, done_page),
  KOERS_TEMPLATE_CHILD (KoersReviewDialog, close_button),
  KOERS_TEMPLATE_CHILD (KoersReviewDialog, button_box),
  KOERS_TEMPLATE_CHILD (KoersReviewDialog, back_button),
  KOERS_TEMPLATE_CHILD (KoersReviewDialog, skip_button),
  KOERS_TEMPLATE_CHILD (KoersReviewDialog, save_button),
};

static KoersObjective *
get_current (KoersReviewDialog *self)
{
  if (self->objectives == NULL || self->index >= self->objectives->len)
    return NULL;

  return g_ptr_array_index (self->objectives, self->index);
}

static char *
get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter    start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static char *
format_score_cb (GtkScale *scale,
                 double    value,
                 gpointer  user_data)
{
  return koers_format_score (koers_format_get_language (), value, 2);
}

static double
get_grade (KoersReviewDialog *self)
{
  return gtk_range_get_value (GTK_RANGE (self->grade_scale));
}

/* Whether the objective under review is of kind and graded below 1.0:
 * a committed one then needs a post-mortem, and an aspirational one is
 * carried over (the method: aspirational objectives "blijven op de lijst
 * tot ze gerealiseerd zijn", they are never dropped). */
static gboolean
is_short_of (KoersReviewDialog *self,
             KoersObjectiveKind kind)
{
  KoersObjective *objective = get_current (self);

  return objective != NULL && koers_objective_get_kind (objective) == kind &&
         get_grade (self) < 1.0 - GRADE_EPSILON;
}

static void
update_form (KoersReviewDialog *self)
{
  g_autofree char *postmortem = get_text (self->postmortem_view);
  gboolean         required = is_short_of (self, KOERS_OBJECTIVE_KIND_COMMITTED);
  gboolean         below = get_grade (self) < 1.0 - GRADE_EPSILON;
  gboolean         must_carry = is_short_of (self, KOERS_OBJECTIVE_KIND_ASPIRATIONAL);

  gtk_widget_set_visible (self->postmortem_box, required || postmortem[0] != '\0');
  gtk_widget_set_visible (self->postmortem_error_label, required && postmortem[0] == '\0');
  gtk_widget_set_visible (self->carry_box, below);
  if (must_carry)
    gtk_check_button_set_active (self->carry_check, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->carry_check), !must_carry);
  gtk_widget_set_sensitive (GTK_WIDGET (self->department_dropdown),
                            gtk_check_button_get_active (self->carry_check));
  gtk_widget_set_sensitive (self->save_button, koers_review_dialog_get_can_save (self));
}

/* The grade follows the key results' scores (weighted as the objective's
 * score is) until the user sets it. */
static void
propose_grade (KoersReviewDialog *self)
{
  KoersObjective    *objective = get_current (self);
  GListModel        *krs;
  guint              n;
  g_autofree double *scores = NULL;
  g_autofree double *weights = NULL;

  if (objective == NULL || self->grade_touched)
    return;

  krs = koers_objective_get_key_results (objective);
  n = MIN (g_list_model_get_n_items (krs), self->kr_scales->len);
  scores = g_new0 (double, MAX (n, 1));
  weights = g_new0 (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, i);

      scores[i] = gtk_range_get_value (g_ptr_array_index (self->kr_scales, i));
      weights[i] = koers_key_result_get_weight (kr);
    }

  self->loading = TRUE;
  gtk_range_set_value (GTK_RANGE (self->grade_scale),
                       n > 0 ? koers_score_weighted_mean (scores, weights, n) : koers_objective_get_score (objective));
  self->loading = FALSE;
}

static void
kr_score_changed_cb (KoersReviewDialog *self)
{
  if (!self->loading)
    propose_grade (self);
  update_form (self);
}

static void
grade_changed_cb (KoersReviewDialog *self)
{
  if (!self->loading)
    self->grade_touched = TRUE;
  update_form (self);
}

static void
text_changed_cb (KoersReviewDialog *self)
{
  update_form (self);
}

static void
carry_toggled_cb (KoersReviewDialog *self)
{
  update_form (self);
}

static GtkWidget *
create_kr_row (KoersReviewDialog *self,
               KoersKeyResult    *kr)
{
  KoersLanguage    lang = koers_format_get_language ();
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget       *title = gtk_label_new (koers_key_result_get_title (kr));
  GtkWidget       *scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0.0, 1.0, 0.05);
  g_autofree char *progress = koers_format_score (lang, koers_key_result_get_progress (kr), 2);
  g_autofree char *facts = g_strdup_printf (_ ("Progress %s"), progress);
  g_autofree char *name = g_strdup_printf (_ ("Final score: %s"), koers_key_result_get_title (kr));
  GtkWidget       *facts_label = gtk_label_new (facts);
  double           final_score = koers_key_result_get_final_score (kr);

  koers_form_set_margins (box, 8, 12);

  gtk_label_set_use_markup (GTK_LABEL (title), FALSE);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (facts_label), 0);
  gtk_widget_add_css_class (facts_label, "dim-label");
  gtk_widget_add_css_class (facts_label, "caption");

  gtk_widget_set_name (scale, "final-score");
  gtk_scale_set_draw_value (GTK_SCALE (scale), TRUE);
  gtk_scale_set_value_pos (GTK_SCALE (scale), GTK_POS_RIGHT);
  gtk_scale_set_format_value_func (GTK_SCALE (scale), format_score_cb, NULL, NULL);
  gtk_range_set_value (GTK_RANGE (scale), final_score >= 0.0 ? final_score : koers_key_result_get_progress (kr));
  gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect_object (scale, "value-changed", G_CALLBACK (kr_score_changed_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->kr_scales, scale);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), facts_label);
  gtk_box_append (GTK_BOX (box), scale);
  return box;
}

static void
show_done (KoersReviewDialog *self)
{
  KoersLanguage    lang = koers_format_get_language ();
  g_autofree char *period = koers_format_period (lang, &self->period);
  g_autofree char *next = koers_format_period (lang, &self->next_period);
  g_autofree char *description = NULL;

  if (self->objectives->len == 0)
    {
      adw_status_page_set_title (self->done_page, _ ("Nothing to Review"));
      description = g_strdup_printf (_ ("No objective ends in %s."), period);
    }
  else
    {
      g_autofree char *reviewed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u of %u objective reviewed.",
                                                                "%u of %u objectives reviewed.",
                                                                self->objectives->len),
                                                   self->n_saved, self->objectives->len);
      g_autofree char *carried = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u carried over to %s.",
                                                               "%u carried over to %s.",
                                                               self->n_carried),
                                                  self->n_carried, next);

      description = g_strconcat (reviewed, " ", carried, NULL);
    }

  adw_status_page_set_description (self->done_page, description);
  adw_window_title_set_subtitle (self->window_title, period);
  gtk_widget_set_visible (self->button_box, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "done");
}

static void
set_text (GtkTextView *view,
          const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static void
show_objective (KoersReviewDialog *self)
{
  KoersLanguage    lang = koers_format_get_language ();
  KoersObjective  *objective = get_current (self);
  KoersDepartment *dept;
  GListModel      *krs;
  GtkWidget       *child;
  g_autofree char *score = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *next = NULL;
  g_autofree char *carry_label = NULL;
  guint            n;

  if (objective == NULL)
    {
      show_done (self);
      return;
    }

  self->loading = TRUE;

  dept = koers_store_find_department (self->store, koers_objective_get_department_id (objective));
  gtk_label_set_text (self->department_label, dept != NULL ? koers_department_get_name (dept) : "");
  gtk_label_set_text (self->title_label, koers_objective_get_title (objective));
  score = koers_format_score (lang, koers_objective_get_score (objective), 2);
  facts = g_strdup_printf (_ ("%s · score %s"),
                           koers_objective_kind_get_label (koers_objective_get_kind (objective)), score);
  gtk_label_set_text (self->facts_label, facts);
  gtk_label_set_text (self->grade_hint_label,
                      koers_objective_get_kind (objective) == KOERS_OBJECTIVE_KIND_COMMITTED
                        ? _ ("A committed objective succeeds only at 1.0.")
                        : _ ("An aspirational objective counts as a success from 0.7; it stays on the list until it is realised."));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->kr_list))) != NULL)
    gtk_list_box_remove (self->kr_list, child);
  g_ptr_array_set_size (self->kr_scales, 0);

  krs = koers_objective_get_key_results (objective);
  n = g_list_model_get_n_items (krs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, i);

      gtk_list_box_append (self->kr_list, create_kr_row (self, kr));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->kr_list), n > 0);

  self->grade_touched = koers_objective_has_final_grade (objective);
  if (self->grade_touched)
    gtk_range_set_value (GTK_RANGE (self->grade_scale), koers_objective_get_final_grade (objective));
  else
    propose_grade (self);

  set_text (self->postmortem_view, koers_objective_get_postmortem (objective));
  set_text (self->note_view, koers_objective_get_review_note (objective));

  next = koers_format_period (lang, &self->next_period);
  carry_label = g_strdup_printf (_ ("Carry _over to %s"), next);
  gtk_check_button_set_label (self->carry_check, carry_label);
  gtk_check_button_set_active (self->carry_check,
                               koers_objective_get_kind (objective) == KOERS_OBJECTIVE_KIND_ASPIRATIONAL);
  gtk_drop_down_set_selected (self->department_dropdown, 0);

  self->loading = FALSE;

  subtitle = g_strdup_printf (_ ("Objective %u of %u"), self->index + 1, self->objectives->len);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_set_sensitive (self->back_button, self->index > 0);
  gtk_button_set_label (GTK_BUTTON (self->save_button),
                        self->index + 1 == self->objectives->len ? _ ("_Save and Finish") : _ ("_Save and Continue"));
  gtk_stack_set_visible_child_name (self->stack, "objective");
  update_form (self);
}

static void
back_clicked_cb (KoersReviewDialog *self)
{
  if (self->index == 0)
    return;

  self->index--;
  show_objective (self);
}

static void
skip_clicked_cb (KoersReviewDialog *self)
{
  koers_review_dialog_skip (self);
}

static void
save_clicked_cb (KoersReviewDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (!koers_review_dialog_save (self, &error))
    koers_toasts_show_error (GTK_WIDGET (self->toast_overlay), error);
}

static void
close_clicked_cb (KoersReviewDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Objectives that end in the period: a yearly one is reviewed at the end
 * of its year, not every quarter. */
static void
collect_objectives (KoersReviewDialog *self)
{
  GListModel *objectives = koers_store_get_objectives (self->store);
  guint       n = g_list_model_get_n_items (objectives);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);
      KoersObjectiveState state = koers_objective_get_state (objective);
      KoersPeriod         own;

      if (koers_objective_get_archived (objective) || state == KOERS_OBJECTIVE_STATE_CARRIED_OVER)
        continue;
      if (self->department_id != 0 && koers_objective_get_department_id (objective) != self->department_id)
        continue;
      if (!koers_objective_get_parsed_period (objective, &own) ||
          !koers_period_overlaps (&own, &self->period) ||
          g_date_compare (&own.end, &self->period.end) > 0)
        continue;

      g_ptr_array_add (self->objectives, g_steal_pointer (&objective));
    }
}

static void
fill_departments (KoersReviewDialog *self)
{
  GListModel *departments = koers_store_get_departments (self->store);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (departments);

  gtk_string_list_append (names, _ ("Same department"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i);

      gtk_string_list_append (names, koers_department_get_name (dept));
      g_ptr_array_add (self->departments, g_steal_pointer (&dept));
    }

  gtk_drop_down_set_model (self->department_dropdown, G_LIST_MODEL (names));
}

static void
koers_review_dialog_dispose (GObject *object)
{
  KoersReviewDialog *self = KOERS_REVIEW_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KOERS_TYPE_REVIEW_DIALOG);
  g_clear_pointer (&self->objectives, g_ptr_array_unref);
  g_clear_pointer (&self->departments, g_ptr_array_unref);
  g_clear_pointer (&self->kr_scales, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (koers_review_dialog_parent_class)->dispose (object);
}

static const KoersTemplateCallback template_callbacks[] = {
  KOERS_TEMPLATE_CALLBACK (carry_toggled_cb),
  KOERS_TEMPLATE_CALLBACK (back_clicked_cb),
  KOERS_TEMPLATE_CALLBACK (skip_clicked_cb),
  KOERS_TEMPLATE_CALLBACK (save_clicked_cb),
  KOERS_TEMPLATE_CALLBACK (close_clicked_cb),
};

KOERS_DEFINE_TEMPLATE_CLASS_INIT (KoersReviewDialog, koers_review_dialog, "quality/koers-review-dialog.ui", KOERS_TEMPLATE_DIALOG, KOERS_TEMPLATE_TABLE (template_callbacks))

static void
koers_review_dialog_init (KoersReviewDialog *self)
{
  koers_a11y_init_role (GTK_WIDGET (self));
  gtk_widget_init_template (GTK_WIDGET (self));

  self->objectives = g_ptr_array_new_with_free_func (g_object_unref);
  self->departments = g_ptr_array_new_with_free_func (g_object_unref);
  self->kr_scales = g_ptr_array_new ();

  gtk_scale_set_format_value_func (self->grade_scale, format_score_cb, NULL, NULL);
  g_signal_connect_swapped (self->grade_scale, "value-changed", G_CALLBACK (grade_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->postmortem_view), "changed",
                            G_CALLBACK (text_changed_cb), self);
}

GtkWidget *
koers_review_dialog_new (KoersStore        *store,
                         const KoersPeriod *period,
                         gint64             department_id)
{
  KoersReviewDialog *self;

  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  self = g_object_new (KOERS_TYPE_REVIEW_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->period = *period;
  koers_period_next (period, &self->next_period);
  self->department_id = department_id;

  /* The store read earlier reviews at open and keeps them: the form shows
   * them as they are. */
  collect_objectives (self);
  fill_departments (self);
  show_objective (self);

  return GTK_WIDGET (self);
}

guint
koers_review_dialog_get_n_objectives (KoersReviewDialog *self)
{
  g_return_val_if_fail (KOERS_IS_REVIEW_DIALOG (self), 0);

  return self->objectives->len;
}

KoersObjective *
koers_review_dialog_get_objective (KoersReviewDialog *self)
{
  g_return_val_if_fail (KOERS_IS_REVIEW_DIALOG (self), NULL);

  return get_current (self);
}

gboolean
koers_review_dialog_get_can_save (KoersReviewDialog *self)
{
  g_autofree char *postmortem = NULL;

  g_return_val_if_fail (KOERS_IS_REVIEW_DIALOG (self), FALSE);

  if (get_current (self) == NULL)
    return FALSE;

  postmortem = get_text (self->postmortem_view);
  return !is_short_of (self, KOERS_OBJECTIVE_KIND_COMMITTED) || postmortem[0] != '\0';
}

gboolean
koers_review_dialog_save (KoersReviewDialog *self,
                          GError           **error)
{
  KoersObjective  *objective;
  GListModel      *krs;
  g_autofree char *postmortem = NULL;
  g_autofree char *note = NULL;
  double           grade;
  gboolean         carry;
  guint            n;

  g_return_val_if_fail (KOERS_IS_REVIEW_DIALOG (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  objective = get_current (self);
  if (objective == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _ ("There is no objective to review"));
      return FALSE;
    }
  if (!koers_review_dialog_get_can_save (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _ ("A committed objective that missed its target needs a postmortem"));
      return FALSE;
    }

  grade = get_grade (self);
  carry = is_short_of (self, KOERS_OBJECTIVE_KIND_ASPIRATIONAL) ||
          (gtk_widget_get_visible (self->carry_box) && gtk_check_button_get_active (self->carry_check));
  postmortem = get_text (self->postmortem_view);
  note = get_text (self->note_view);
  krs = koers_objective_get_key_results (objective);
  n = MIN (g_list_model_get_n_items (krs), self->kr_scales->len);

  g_object_freeze_notify (G_OBJECT (objective));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, i);

      koers_key_result_set_final_score (kr, gtk_range_get_value (g_ptr_array_index (self->kr_scales, i)));
    }
  koers_objective_set_final_grade (objective, grade);
  koers_objective_set_postmortem (objective, postmortem);
  koers_objective_set_review_note (objective, note);
  /* Carried over, it is not achieved yet: the carry-over marks it. */
  koers_objective_set_state (objective, !carry && koers_score_is_success (koers_objective_get_kind (objective), grade)
                                          ? KOERS_OBJECTIVE_STATE_ACHIEVED
                                          : KOERS_OBJECTIVE_STATE_MISSED);
  g_object_thaw_notify (G_OBJECT (objective));

  if (!koers_store_save_review (self->store, objective, error))
    return FALSE;

  if (carry)
    {
      guint            selected = gtk_drop_down_get_selected (self->department_dropdown);
      KoersDepartment *dept = selected > 0 && selected <= self->departments->len
                                ? g_ptr_array_index (self->departments, selected - 1)
                                : NULL;

      if (!koers_store_carry_over_objective (self->store, objective, &self->next_period, dept, NULL, error))
        return FALSE;
      self->n_carried++;
    }

  self->n_saved++;
  self->index++;
  show_objective (self);
  return TRUE;
}

void
koers_review_dialog_skip (KoersReviewDialog *self)
{
  g_return_if_fail (KOERS_IS_REVIEW_DIALOG (self));

  if (get_current (self) == NULL)
    return;

  self->index++;
  show_objective (self);
}
