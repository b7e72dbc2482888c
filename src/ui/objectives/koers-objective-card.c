/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-format.h"
#include "core/koers-property.h"
#include "core/koers-scoring.h"
#include "core/koers-text.h"
#include "koers-editor-style.h"
#include "koers-key-result-row.h"
#include "koers-objective-card.h"
#include "quality/koers-quality-mark.h"
#include "store/koers-store-capacity.h"
#include "widgets/koers-layout.h"
#include "widgets/koers-template.h"
#include "widgets/koers-tooltip.h"
#include "widgets/koers-widget-actions.h"
#include "widgets/koers-widget-properties.h"
#include "widgets/koers-wrap-box.h"

/* The seed: at most five key results per objective. */
#define MAX_ADVISED_KEY_RESULTS 5

struct _KoersObjectiveCard
{
  AdwBin parent_instance;

  KoersStore     *store;
  KoersObjective *objective;

  GtkLabel         *title_label;
  KoersQualityMark *quality_mark;
  GtkLabel         *escalation_label;
  GtkLabel         *kind_label;
  GtkLabel         *state_label;
  GtkWidget        *owner_box;
  GtkLabel         *owner_label;
  GtkLabel         *supports_label;
  GtkWidget        *score_box;
  GtkLabel         *score_label;
  GtkLevelBar      *score_bar;
  GtkLabel         *hint_label;
  GtkWidget        *empty_label;
  GtkListBox       *key_results_list;
  GtkWidget        *actions_squeezer;
  GtkMenuButton    *actions_menu_button;

  /* The rows of key_results_list, reused from one objective to the next:
   * the list view rebinds cards often while scrolling, and binding must
   * not build widgets. */
  GPtrArray *rows;
  /* In the pane, rows are only made once the card comes near the visible
   * part of the list: GTK 4.8's list view keeps some 200 cards alive. */
  gboolean lazy_rows;
  gboolean rows_wanted;
  gboolean rows_pending;
};

G_DEFINE_FINAL_TYPE (KoersObjectiveCard, koers_objective_card, ADW_TYPE_BIN)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersObjectiveCard, title_label),
  KOERS_TEMPLATE_CHILD (KoersObjectiveCard, quality_mark),
  KOERS_TEMPLATE_CHILD (KoersObjectiveCard, escalation_label),
  KOERS_TEMPLATE_CHILD (KoersObjectiveCard, kind_label),
  KOERS_TEMPLATE_CHILD (KoersObjectiveCard, state_label),
  KOERS_TEMPLATE_CHILD (KoersObjectiveCard, owner_box),
  KOERS_TEMPLATE_CHILD (KoersObjectiveCard, owner_label),
  KOERS_TEMPLATE_CHILD (KoersObjectiveCard, supports_label),
  KOERS_TEMPLATE_CHILD (KoersObjectiveCard, score_box),
  KOERS_TEMPLATE_CHILD (KoersObjectiveCard, score_label),
  KOERS_TEMPLATE_CHILD (KoersObjectiveCard, score_bar),
  KOERS_TEMPLATE_CHILD (KoersObjectiveCard, hint_label),
  KOERS_TEMPLATE_CHILD (KoersObjectiveCard, empty_label),
  KOERS_TEMPLATE_CHILD (KoersObjectiveCard, key_results_list),
  KOERS_TEMPLATE_CHILD (KoersObjectiveCard, actions_squeezer),
  KOERS_TEMPLATE_CHILD (KoersObjectiveCard, actions_menu_button),
};

enum
{
  PROP_0,
  PROP_STORE,
  PROP_OBJECTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const band_classes[] = { "score-red", "score-yellow", "score-green" };

static void
update_title (KoersObjectiveCard *self)
{
  const char *title = koers_objective_get_title (self->objective);

  /* Plain text: a title is never markup.  It wraps, so all of it shows. */
  gtk_label_set_text (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
}

static void
update_kind (KoersObjectiveCard *self)
{
  KoersObjectiveKind kind = koers_objective_get_kind (self->objective);
  GtkWidget         *badge = GTK_WIDGET (self->kind_label);
  gboolean           committed = kind == KOERS_OBJECTIVE_KIND_COMMITTED;

  gtk_label_set_text (self->kind_label, koers_objective_kind_get_label (kind));
  koers_tooltip_set_text (badge,
                          committed
                            ? _ ("Committed: it succeeds only at a score of 1.0")
                            : _ ("Aspirational: a score of 0.7 is a success"));
  if (committed)
    {
      gtk_widget_remove_css_class (badge, "aspirational");
      gtk_widget_add_css_class (badge, "committed");
    }
  else
    {
      gtk_widget_remove_css_class (badge, "committed");
      gtk_widget_add_css_class (badge, "aspirational");
    }
}

static void
update_state (KoersObjectiveCard *self)
{
  KoersObjectiveState state = koers_objective_get_state (self->objective);

  gtk_label_set_text (self->state_label, koers_objective_state_get_label (state));
  gtk_widget_set_visible (GTK_WIDGET (self->state_label), state != KOERS_OBJECTIVE_STATE_ACTIVE);
}

static void
update_owner (KoersObjectiveCard *self)
{
  const char      *owner = koers_objective_get_owner (self->objective);
  gboolean         has_owner = owner != NULL && *owner != '\0';
  g_autofree char *accessible = NULL;

  gtk_widget_set_visible (self->owner_box, has_owner);
  gtk_label_set_text (self->owner_label, has_owner ? owner : "");
  if (has_owner)
    {
      accessible = g_strdup_printf (_ ("Owner: %s"), owner);
      koers_tooltip_set_text (self->owner_box, accessible);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->owner_label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
    }
}

static void
update_supports (KoersObjectiveCard *self)
{
  gint64           aligned_id = koers_objective_get_aligned_to_id (self->objective);
  KoersObjective  *aligned = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;

  if (aligned_id != 0 && self->store != NULL)
    aligned = koers_store_find_objective (self->store, aligned_id);

  if (aligned == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->supports_label), FALSE);
      return;
    }

  /* Translators: %s is the title of the company objective this one serves. */
  title = koers_text_isolate (koers_objective_get_title (aligned));
  text = g_strdup_printf (_ ("Supports: %s"), title);
  gtk_label_set_text (self->supports_label, text);
  koers_tooltip_set_text (GTK_WIDGET (self->supports_label), text);
  gtk_widget_set_visible (GTK_WIDGET (self->supports_label), TRUE);
}

static void
update_score (KoersObjectiveCard *self)
{
  double           score = koers_objective_get_score (self->objective);
  KoersScoreBand   band = koers_score_get_band (score);
  g_autofree char *text = koers_format_score (koers_format_get_language (), score, 1);

  gtk_label_set_text (self->score_label, text);
  gtk_level_bar_set_value (self->score_bar, CLAMP (score, 0.0, 1.0));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);

  for (guint i = 0; i < G_N_ELEMENTS (band_classes); i++)
    {
      if (i == (guint) band)
        gtk_widget_add_css_class (self->score_box, band_classes[i]);
      else
        gtk_widget_remove_css_class (self->score_box, band_classes[i]);
    }
}

static void
update_key_result_count (KoersObjectiveCard *self)
{
  guint n = g_list_model_get_n_items (koers_objective_get_key_results (self->objective));

  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), n > MAX_ADVISED_KEY_RESULTS);
}

/* What a change of each of the objective's properties updates. */
static const struct
{
  const char *property;
  void (*update) (KoersObjectiveCard *self);
} property_updates[] = {
  { "title", update_title },
  { "kind", update_kind },
  { "state", update_state },
  { "owner", update_owner },
  { "aligned-to-id", update_supports },
  { "score", update_score },
  { "n-key-results", update_key_result_count },
};

static void
objective_notify_cb (KoersObjectiveCard *self,
                     GParamSpec         *pspec,
                     KoersObjective     *objective)
{
  const char *name = g_param_spec_get_name (pspec);

  /* One handler for every property: a card is recycled often, and one
   * handler is one disconnect. */
  for (guint i = 0; i < G_N_ELEMENTS (property_updates); i++)
    if (g_str_equal (name, property_updates[i].property))
      {
        property_updates[i].update (self);
        return;
      }
}

/* The mark of an open escalation (the method: a committed OKR at risk is
 * "tijdig geëscaleerd … naar het management"), and the menu's item. */
static void
update_escalation (KoersObjectiveCard *self)
{
  gboolean committed = self->objective != NULL &&
                       koers_objective_get_kind (self->objective) == KOERS_OBJECTIVE_KIND_COMMITTED;
  gboolean open = committed && self->store != NULL &&
                  koers_store_count_open_escalations (self->store, koers_objective_get_id (self->objective), 0) > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->escalation_label), open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.escalate",
                                 committed && self->store != NULL &&
                                   koers_store_may_write_objective (self->store, self->objective));
}

static void
store_changed_cb (KoersObjectiveCard *self)
{
  /* The objective this one supports may have been renamed or deleted. */
  if (self->objective != NULL)
    update_supports (self);
  update_escalation (self);
}

static void
sync_rows (KoersObjectiveCard *self)
{
  GListModel *key_results = NULL;
  guint       n = 0;
  guint       shown = 0;

  if (self->objective != NULL)
    {
      key_results = koers_objective_get_key_results (self->objective);
      n = g_list_model_get_n_items (key_results);
    }

  if (self->objective != NULL && (!self->lazy_rows || self->rows_wanted))
    {
      for (; shown < n; shown++)
        {
          g_autoptr (KoersKeyResult) kr = g_list_model_get_item (key_results, shown);
          GtkWidget *row;

          if (shown == self->rows->len)
            {
              row = koers_key_result_row_new (self->store, NULL, NULL);
              gtk_list_box_append (self->key_results_list, row);
              g_ptr_array_add (self->rows, row);
            }
          row = g_ptr_array_index (self->rows, shown);
          koers_key_result_row_bind (KOERS_KEY_RESULT_ROW (row), self->objective, kr);
          gtk_widget_set_visible (row, TRUE);
        }
    }

  for (guint i = shown; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      koers_key_result_row_bind (KOERS_KEY_RESULT_ROW (row), NULL, NULL);
      gtk_widget_set_visible (row, FALSE);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->key_results_list), shown > 0);
  gtk_widget_set_visible (self->empty_label, self->objective != NULL && n == 0);
}

static void
key_results_changed_cb (KoersObjectiveCard *self)
{
  sync_rows (self);
}

static void
make_rows (GtkWidget *widget)
{
  KoersObjectiveCard *self = KOERS_OBJECTIVE_CARD (widget);

  self->rows_pending = FALSE;
  self->rows_wanted = TRUE;
  sync_rows (self);
}

/* The card lays out its child itself (AdwBin would use a layout manager,
 * and then size_allocate below would not run). */
static void
koers_objective_card_measure (GtkWidget     *widget,
                              GtkOrientation orientation,
                              int            for_size,
                              int           *minimum,
                              int           *natural,
                              int           *minimum_baseline,
                              int           *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural,
                        minimum_baseline, natural_baseline);
}

static GtkSizeRequestMode
koers_objective_card_get_request_mode (GtkWidget *widget)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  return child != NULL ? gtk_widget_get_request_mode (child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
koers_objective_card_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  KoersObjectiveCard *self = KOERS_OBJECTIVE_CARD (widget);
  GtkWidget          *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);

  /* Children may not change while being allocated. */
  if (self->lazy_rows && !self->rows_wanted && !self->rows_pending && self->objective != NULL && koers_layout_is_near_view (widget, height))
    {
      self->rows_pending = TRUE;
      koers_layout_defer (widget, make_rows);
    }
}

/* The card's actions, which the window carries out on its objective. */
static const KoersForwardAction card_actions[] = {
  { "card.edit", "win.edit-objective" },
  { "card.add-key-result", "win.new-key-result" },
  { "card.archive", "win.archive-objective" },
  { "card.escalate", "win.escalate-objective" },
};

/* The narrow layout's menu gets its items when first opened: a popover
 * menu per card would be built for every card the list keeps alive. */
static void
create_actions_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  g_autoptr (GtkBuilder) builder = NULL;

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;

  builder = gtk_builder_new_from_resource ("/io/github/koersapp/Koers/ui/objectives/koers-objective-card-menu.ui");
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (gtk_builder_get_object (builder, "card_menu")));
}

static void
update_actions (KoersObjectiveCard *self)
{
  /* A role on the company server may not write every department. */
  gboolean enabled = self->objective != NULL && self->store != NULL &&
                     koers_store_may_write_objective (self->store, self->objective);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.edit", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.add-key-result", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.archive", enabled);
  update_escalation (self);
}

static void
set_store (GObject      *object,
           GParamSpec   *pspec,
           const GValue *value)
{
  KoersObjectiveCard *self = KOERS_OBJECTIVE_CARD (object);

  if (koers_property_store (object, pspec, value) && self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                             G_CONNECT_SWAPPED);
  update_actions (self);
}

/* In the order of the property ids above; the card sets the objective
 * (koers_objective_card_set_objective()). */
static const KoersProperty property_table[] = {
  { "store", KOERS_PROPERTY_OBJECT, G_STRUCT_OFFSET (KoersObjectiveCard, store),
    .type = koers_store_get_type, .construct_only = TRUE, .set = set_store },
  { "objective", KOERS_PROPERTY_OBJECT, G_STRUCT_OFFSET (KoersObjectiveCard, objective),
    .type = koers_objective_get_type, .read_only = TRUE },
};

static void
koers_objective_card_dispose (GObject *object)
{
  KoersObjectiveCard *self = KOERS_OBJECTIVE_CARD (object);

  koers_objective_card_set_objective (self, NULL);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOERS_TYPE_OBJECTIVE_CARD);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (koers_objective_card_parent_class)->dispose (object);
}

static void
koers_objective_card_class_init (KoersObjectiveCardClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (KOERS_TYPE_WRAP_BOX);
  g_type_ensure (KOERS_TYPE_QUALITY_MARK);

  object_class->dispose = koers_objective_card_dispose;
  widget_class->get_request_mode = koers_objective_card_get_request_mode;
  widget_class->measure = koers_objective_card_measure;
  widget_class->size_allocate = koers_objective_card_size_allocate;

  koers_property_install (object_class, property_table, N_PROPS - 1, properties);

  koers_template_init_class (widget_class, "objectives/koers-objective-card.ui", 0,
                             KOERS_TEMPLATE_TABLE (template_children), NULL, 0);

  koers_widget_class_install_forward_actions (widget_class, G_STRUCT_OFFSET (KoersObjectiveCard, objective),
                                              card_actions, G_N_ELEMENTS (card_actions));

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "objectivecard");
}

static const KoersTemplateTooltip template_tooltips[] = {
  { "escalation_label", N_ ("Escalated to management, not resolved yet") },
  { "edit_button", N_ ("Edit Objective") },
  { "add_key_result_button", N_ ("Add Key Result") },
  { "escalate_button", N_ ("Escalate to Management…") },
  { "archive_button", N_ ("Archive Objective") },
  { "actions_menu_button", N_ ("Objective Menu") },
};

static void
koers_objective_card_init (KoersObjectiveCard *self)
{
  koers_editor_style_ensure ();
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  koers_tooltip_init_template (GTK_WIDGET (self), template_tooltips, G_N_ELEMENTS (template_tooltips));

  /* The band classes colour the bar; GTK's own offsets would fight them. */
  gtk_level_bar_remove_offset_value (self->score_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->score_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->score_bar, GTK_LEVEL_BAR_OFFSET_FULL);

  self->rows = g_ptr_array_new ();
  gtk_menu_button_set_create_popup_func (self->actions_menu_button, create_actions_menu_cb, NULL, NULL);

  update_actions (self);
}

GtkWidget *
koers_objective_card_new (KoersStore *store)
{
  g_return_val_if_fail (store == NULL || KOERS_IS_STORE (store), NULL);

  return g_object_new (KOERS_TYPE_OBJECTIVE_CARD, "store", store, NULL);
}

KOERS_DEFINE_GETTER (KoersObjectiveCard, koers_objective_card, KOERS_IS_OBJECTIVE_CARD, KoersStore *, store, NULL)

KOERS_DEFINE_GETTER (KoersObjectiveCard, koers_objective_card, KOERS_IS_OBJECTIVE_CARD, KoersObjective *, objective, NULL)

void
koers_objective_card_set_objective (KoersObjectiveCard *self,
                                    KoersObjective     *objective)
{
  g_return_if_fail (KOERS_IS_OBJECTIVE_CARD (self));
  g_return_if_fail (objective == NULL || KOERS_IS_OBJECTIVE (objective));

  if (!koers_widget_follow_objective (self, &self->objective, objective, "notify",
                                      G_CALLBACK (objective_notify_cb), G_CALLBACK (key_results_changed_cb)))
    return;

  /* A recycled card may now be far from the view: its rows wait until
   * it comes near again. */
  if (self->lazy_rows)
    self->rows_wanted = FALSE;

  if (objective != NULL)
    {
      update_title (self);
      update_kind (self);
      update_state (self);
      update_owner (self);
      update_supports (self);
      update_score (self);
      update_key_result_count (self);
    }

  koers_quality_mark_set_objective (self->quality_mark, objective);
  sync_rows (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OBJECTIVE]);
}

void
koers_objective_card_set_lazy_rows (KoersObjectiveCard *self,
                                    gboolean            lazy)
{
  g_return_if_fail (KOERS_IS_OBJECTIVE_CARD (self));

  /* Rows made so far stay: this card is near the view now. */
  self->lazy_rows = !!lazy;
  self->rows_wanted = TRUE;
}

void
koers_objective_card_set_quality_marks (KoersObjectiveCard *self,
                                        KoersQualityMarks  *marks)
{
  g_return_if_fail (KOERS_IS_OBJECTIVE_CARD (self));
  g_return_if_fail (marks == NULL || KOERS_IS_QUALITY_MARKS (marks));

  koers_quality_mark_set_marks (self->quality_mark, marks);
}
