/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-date.h"
#include "core/koers-format.h"
#include "core/koers-summary.h"
#include "core/koers-text.h"
#include "koers-alignment-page.h"
#include "widgets/koers-form-util.h"
#include "widgets/koers-idle.h"

struct _KoersAlignmentPage
{
  AdwBin parent_instance;

  KoersStore *store;
  KoersPeriod period;
  guint       rebuild_id;
  GPtrArray  *objectives; /* the rows' objectives, in order */
  GArray     *depths;     /* guint per row */

  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (KoersAlignmentPage, koers_alignment_page, ADW_TYPE_BIN)

/* Aligned to an objective of the period one level up (a team's to its
 * department's or the company's, a department's to the company's). */
static KoersObjective *
find_target (KoersAlignmentPage *self,
             KoersObjective     *objective)
{
  KoersObjective *target = koers_store_find_objective (self->store,
                                                       koers_objective_get_aligned_to_id (objective));

  if (target == NULL || target == objective ||
      koers_objective_get_level (target) >= koers_objective_get_level (objective) ||
      koers_objective_get_archived (target) ||
      !koers_objective_in_period (target, &self->period))
    return NULL;
  return target;
}

/* Aligned to an objective that is archived since: it supports nothing,
 * and its row says why. */
static gboolean
is_aligned_to_archived (KoersAlignmentPage *self,
                        KoersObjective     *objective)
{
  KoersObjective *target = koers_store_find_objective (self->store,
                                                       koers_objective_get_aligned_to_id (objective));

  return target != NULL && target != objective && koers_objective_get_archived (target);
}

static GtkWidget *
create_row (KoersAlignmentPage *self,
            KoersObjective     *objective,
            guint               depth)
{
  KoersDepartment *department = koers_store_find_department (self->store,
                                                             koers_objective_get_department_id (objective));
  const char      *name = department != NULL ? koers_department_get_name (department) : "";
  g_autofree char *score = koers_format_score (koers_format_get_language (),
                                               koers_objective_get_score (objective), 2);
  g_autofree char *title = koers_text_isolate (koers_objective_get_title (objective));
  g_autofree char *isolated_name = koers_text_isolate (name);
  g_autofree char *accessible = NULL;
  GtkWidget       *row = gtk_list_box_row_new ();
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget       *title_label = gtk_label_new (title);
  GtkWidget       *name_label = gtk_label_new (isolated_name);
  GtkWidget       *score_label = gtk_label_new (score);

  gtk_widget_set_margin_start (box, 12 + 24 * (int) depth);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_widget_set_hexpand (title_label, TRUE);
  if (depth == 0 && koers_objective_get_level (objective) == KOERS_LEVEL_COMPANY)
    gtk_widget_add_css_class (title_label, "heading");
  gtk_widget_add_css_class (name_label, "dim-label");
  gtk_widget_add_css_class (name_label, "caption");
  gtk_widget_add_css_class (score_label, "numeric");
  if (is_aligned_to_archived (self, objective))
    {
      GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *note_label = gtk_label_new (_ ("Aligned to an archived objective"));

      gtk_label_set_xalign (GTK_LABEL (note_label), 0);
      gtk_widget_add_css_class (note_label, "caption");
      gtk_widget_add_css_class (note_label, "warning");
      gtk_widget_set_hexpand (texts, TRUE);
      gtk_box_append (GTK_BOX (texts), title_label);
      gtk_box_append (GTK_BOX (texts), note_label);
      gtk_box_append (GTK_BOX (box), texts);
      /* Translators: an alignment row for a screen reader, of an objective
       * whose parent objective is archived: "Double sign-ups, Marketing,
       * score 0.45, aligned to an archived objective". */
      accessible = g_strdup_printf (_ ("%s, %s, score %s, aligned to an archived objective"),
                                    koers_objective_get_title (objective), name, score);
    }
  else
    {
      gtk_box_append (GTK_BOX (box), title_label);
      /* Translators: an alignment row for a screen reader: "Double sign-ups,
       * Marketing, score 0.45". */
      accessible = g_strdup_printf (_ ("%s, %s, score %s"), koers_objective_get_title (objective), name, score);
    }
  gtk_box_append (GTK_BOX (box), name_label);
  gtk_box_append (GTK_BOX (box), score_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, (int) depth + 1,
                                  -1);
  g_object_set_data (G_OBJECT (row), "objective", objective);

  return row;
}

static void
append_row (KoersAlignmentPage *self,
            KoersObjective     *objective,
            guint               depth)
{
  gtk_list_box_append (self->list, create_row (self, objective, depth));
  g_ptr_array_add (self->objectives, g_object_ref (objective));
  g_array_append_val (self->depths, depth);
}

/* objective, then what supports it, a level deeper each time. */
static void
append_tree (KoersAlignmentPage *self,
             GPtrArray          *shown,
             KoersObjective     *objective,
             guint               depth)
{
  append_row (self, objective, depth);

  for (guint i = 0; depth < 2 && i < shown->len; i++)
    {
      KoersObjective *supporter = g_ptr_array_index (shown, i);

      if (find_target (self, supporter) == objective)
        append_tree (self, shown, supporter, depth + 1);
    }
}

static void
rebuild (KoersAlignmentPage *self)
{
  GListModel *objectives = koers_store_get_objectives (self->store);
  guint       n = g_list_model_get_n_items (objectives);
  g_autoptr (GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *child;
  gboolean   any_unaligned = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->objectives, 0);
  g_array_set_size (self->depths, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);

      if (!koers_objective_get_archived (objective) &&
          koers_objective_in_period (objective, &self->period))
        g_ptr_array_add (shown, g_steal_pointer (&objective));
    }

  for (guint i = 0; i < shown->len; i++)
    {
      KoersObjective *objective = g_ptr_array_index (shown, i);

      if (koers_objective_get_level (objective) == KOERS_LEVEL_COMPANY)
        append_tree (self, shown, objective, 0);
    }

  /* The rest stands alone: what it supports is not one level up, or it
   * supports nothing.  A department objective brings its teams' along. */
  for (guint level = KOERS_LEVEL_DEPARTMENT; level <= KOERS_LEVEL_TEAM; level++)
    {
      for (guint i = 0; i < shown->len; i++)
        {
          KoersObjective *objective = g_ptr_array_index (shown, i);

          if (koers_objective_get_level (objective) != level || find_target (self, objective) != NULL)
            continue;

          if (!any_unaligned)
            {
              GtkWidget *heading = gtk_label_new (_ ("Not aligned to an objective one level up"));
              GtkWidget *row = gtk_list_box_row_new ();

              gtk_label_set_xalign (GTK_LABEL (heading), 0);
              gtk_widget_add_css_class (heading, "heading");
              gtk_widget_set_margin_top (heading, 18);
              gtk_widget_set_margin_bottom (heading, 6);
              gtk_widget_set_margin_start (heading, 12);
              gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), heading);
              gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
              gtk_widget_set_focusable (row, FALSE);
              gtk_list_box_append (self->list, row);
              any_unaligned = TRUE;
            }
          append_tree (self, shown, objective, level == KOERS_LEVEL_DEPARTMENT ? 1 : 2);
        }
    }
}

static void
queue_rebuild (KoersAlignmentPage *self)
{
  koers_idle_queue (&self->rebuild_id, G_PRIORITY_DEFAULT_IDLE, (KoersIdleFunc) rebuild, self);
}

static void
row_activated_cb (KoersAlignmentPage *self,
                  GtkListBoxRow      *row)
{
  KoersObjective *objective = g_object_get_data (G_OBJECT (row), "objective");

  if (objective != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-objective", "x",
                                koers_objective_get_id (objective));
}

static void
koers_alignment_page_dispose (GObject *object)
{
  KoersAlignmentPage *self = KOERS_ALIGNMENT_PAGE (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_pointer (&self->objectives, g_ptr_array_unref);
  g_clear_pointer (&self->depths, g_array_unref);

  G_OBJECT_CLASS (koers_alignment_page_parent_class)->dispose (object);
}

static void
koers_alignment_page_class_init (KoersAlignmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = koers_alignment_page_dispose;
}

static void
koers_alignment_page_init (KoersAlignmentPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = gtk_label_new (_ ("Alignment"));
  GtkWidget *intro = gtk_label_new (_ ("How team objectives support their department’s, and department objectives the company’s."));
  GDate      today;

  self->objectives = g_ptr_array_new_with_free_func (g_object_unref);
  self->depths = g_array_new (FALSE, FALSE, sizeof (guint));
  koers_date_today (&today);
  koers_period_init_for_date (&self->period, &today);

  gtk_widget_add_css_class (title, "title-1");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_widget_add_css_class (intro, "dim-label");
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Alignment"),
                                  -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);

  koers_form_set_margins (box, 24, 12);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), intro);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_bin_set_child (ADW_BIN (self), scrolled);
}

GtkWidget *
koers_alignment_page_new (KoersStore *store)
{
  KoersAlignmentPage *self;

  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);

  self = g_object_new (KOERS_TYPE_ALIGNMENT_PAGE, NULL);
  self->store = g_object_ref (store);
  /* Writes, and periods read in (items-changed without a write). */
  g_signal_connect_object (store, "changed", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (koers_store_get_objectives (store), "items-changed",
                           G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);

  return GTK_WIDGET (self);
}

void
koers_alignment_page_set_period (KoersAlignmentPage *self,
                                 const KoersPeriod  *period)
{
  g_return_if_fail (KOERS_IS_ALIGNMENT_PAGE (self));
  g_return_if_fail (period != NULL);

  self->period = *period;
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self);
}

guint
koers_alignment_page_get_n_rows (KoersAlignmentPage *self)
{
  g_return_val_if_fail (KOERS_IS_ALIGNMENT_PAGE (self), 0);

  return self->objectives->len;
}

KoersObjective *
koers_alignment_page_get_row_objective (KoersAlignmentPage *self,
                                        guint               index,
                                        guint              *depth)
{
  g_return_val_if_fail (KOERS_IS_ALIGNMENT_PAGE (self), NULL);
  g_return_val_if_fail (index < self->objectives->len, NULL);

  if (depth != NULL)
    *depth = g_array_index (self->depths, guint, index);
  return g_ptr_array_index (self->objectives, index);
}
