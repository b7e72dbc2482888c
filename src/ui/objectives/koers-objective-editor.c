/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-date.h"
#include "core/koers-format.h"
#include "core/koers-property.h"
#include "core/koers-summary.h"
#include "core/koers-text.h"
#include "history/koers-history-window.h"
#include "koers-editor-style.h"
#include "koers-objective-editor.h"
#include "capacity/koers-resource-form.h"
#include "widgets/koers-a11y.h"
#include "widgets/koers-template.h"
#include "widgets/koers-widget-properties.h"
#include "widgets/koers-editor-fields.h"
#include "widgets/koers-toasts.h"

/* The seed: "if your objective does not fit on one line, it is probably
 * not sharp enough".  Past this many characters we say so. */
#define LONG_TITLE_CHARS 90

/* Positions in the quarter drop-down after Q1..Q4. */
#define WHOLE_YEAR_INDEX 4
#define CUSTOM_INDEX 5

struct _KoersObjectiveEditor
{
  AdwWindow parent_instance;

  KoersStore        *store;
  KoersObjective    *objective;
  KoersEditorSession session;
  /* The ids behind the rows of aligned_row; 0 is "None". */
  GArray *aligned_ids;

  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;
  AdwEntryRow       *title_row;
  GtkLabel          *title_hint_label;
  GtkTextView       *description_view;
  AdwComboRow       *kind_row;
  AdwEntryRow       *owner_row;
  AdwActionRow      *period_row;
  GtkDropDown       *quarter_dropdown;
  GtkSpinButton     *year_spin;
  AdwComboRow       *aligned_row;
  AdwComboRow       *state_row;
  GtkButton         *delete_button;
  GtkButton         *history_button;
  KoersResourceForm *resource_form;
};

G_DEFINE_FINAL_TYPE (KoersObjectiveEditor, koers_objective_editor, ADW_TYPE_WINDOW)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersObjectiveEditor, toast_overlay),
  KOERS_TEMPLATE_CHILD (KoersObjectiveEditor, window_title),
  KOERS_TEMPLATE_CHILD (KoersObjectiveEditor, title_row),
  KOERS_TEMPLATE_CHILD (KoersObjectiveEditor, title_hint_label),
  KOERS_TEMPLATE_CHILD (KoersObjectiveEditor, description_view),
  KOERS_TEMPLATE_CHILD (KoersObjectiveEditor, kind_row),
  KOERS_TEMPLATE_CHILD (KoersObjectiveEditor, owner_row),
  KOERS_TEMPLATE_CHILD (KoersObjectiveEditor, resource_form),
  KOERS_TEMPLATE_CHILD (KoersObjectiveEditor, period_row),
  KOERS_TEMPLATE_CHILD (KoersObjectiveEditor, quarter_dropdown),
  KOERS_TEMPLATE_CHILD (KoersObjectiveEditor, year_spin),
  KOERS_TEMPLATE_CHILD (KoersObjectiveEditor, aligned_row),
  KOERS_TEMPLATE_CHILD (KoersObjectiveEditor, state_row),
  KOERS_TEMPLATE_CHILD (KoersObjectiveEditor, delete_button),
  KOERS_TEMPLATE_CHILD (KoersObjectiveEditor, history_button),
};

KOERS_WIDGET_PROPERTY_TABLE (KoersObjectiveEditor, "objective", objective, koers_objective_get_type);

static gboolean
save (KoersObjectiveEditor *self)
{
  return koers_editor_session_save (&self->session);
}

static gboolean
is_company_objective (KoersObjectiveEditor *self)
{
  KoersDepartment *department;

  if (koers_objective_get_level (self->objective) == KOERS_LEVEL_COMPANY)
    return TRUE;

  department = koers_store_find_department (self->store,
                                            koers_objective_get_department_id (self->objective));
  return department != NULL && koers_department_get_is_company (department);
}

static void
update_window_title (KoersObjectiveEditor *self)
{
  KoersDepartment *department;
  g_autofree char *period = NULL;
  g_autofree char *subtitle = NULL;
  KoersPeriod      parsed;

  department = koers_store_find_department (self->store,
                                            koers_objective_get_department_id (self->objective));
  if (koers_objective_get_parsed_period (self->objective, &parsed))
    period = koers_format_period (koers_format_get_language (), &parsed);

  if (department != NULL && period != NULL)
    {
      g_autofree char *name = koers_text_isolate (koers_department_get_name (department));

      subtitle = g_strdup_printf ("%s · %s", name, period);
    }
  else if (department != NULL)
    subtitle = g_strdup (koers_department_get_name (department));

  /* AdwWindowTitle is plain text. */
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
}

static void
update_title_hint (KoersObjectiveEditor *self,
                   const char           *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char      *hint = NULL;

  if (*stripped == '\0')
    hint = _ ("An objective needs a title; the last one stays saved until you type a new one.");
  else if (g_utf8_strlen (stripped, -1) > LONG_TITLE_CHARS)
    hint = _ ("Long titles are hard to remember: the OKR framework advises one line");

  gtk_label_set_text (self->title_hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title_hint_label), hint != NULL);
}

/* One level up: a team objective supports its department's or the
 * company's, a department objective the company's. */
static gboolean
may_align_to (KoersObjectiveEditor *self,
              KoersObjective       *candidate)
{
  KoersDepartment *own = koers_store_find_department (self->store,
                                                      koers_objective_get_department_id (self->objective));
  gint64           parent_id = own != NULL ? koers_department_get_parent_id (own) : 0;

  if (koers_objective_get_level (candidate) == KOERS_LEVEL_COMPANY)
    return TRUE;

  return parent_id != 0 && koers_objective_get_department_id (candidate) == parent_id &&
         koers_objective_get_level (candidate) == KOERS_LEVEL_DEPARTMENT;
}

/* "Title — Department", and what that objective supports in turn: the
 * chain up to the company. */
static char *
dup_aligned_label (KoersObjectiveEditor *self,
                   KoersObjective       *candidate)
{
  KoersDepartment *department = koers_store_find_department (self->store,
                                                             koers_objective_get_department_id (candidate));
  KoersObjective  *up = koers_store_find_objective (self->store,
                                                    koers_objective_get_aligned_to_id (candidate));
  g_autofree char *title = koers_text_isolate (koers_objective_get_title (candidate));
  g_autofree char *name = koers_text_isolate (department != NULL ? koers_department_get_name (department) : "");
  g_autofree char *up_title = NULL;

  if (up == NULL || koers_objective_get_level (candidate) == KOERS_LEVEL_COMPANY)
    /* Translators: an objective to support, with its department:
     * "Grow the company — Company". */
    return g_strdup_printf (_ ("%s — %s"), title, name);

  up_title = koers_text_isolate (koers_objective_get_title (up));
  /* Translators: an objective to support, its department and the
   * objective that one supports: "Double sign-ups — Marketing › Grow
   * the company". */
  return g_strdup_printf (_ ("%s — %s › %s"), title, name, up_title);
}

static void
fill_aligned (KoersObjectiveEditor *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *objectives = koers_store_get_objectives (self->store);
  gint64      current = koers_objective_get_aligned_to_id (self->objective);
  guint       n = g_list_model_get_n_items (objectives);
  guint       selected = 0;
  gint64      none = 0;
  KoersPeriod period;
  gboolean    has_period;

  gtk_widget_set_visible (GTK_WIDGET (self->aligned_row), !is_company_objective (self));

  g_array_set_size (self->aligned_ids, 0);
  gtk_string_list_append (names, C_ ("supports", "None"));
  g_array_append_val (self->aligned_ids, none);

  has_period = koers_objective_get_parsed_period (self->objective, &period);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersObjective) candidate = g_list_model_get_item (objectives, i);
      gint64           id = koers_objective_get_id (candidate);
      g_autofree char *label = NULL;

      if (candidate == self->objective)
        continue;
      /* Keep the current choice listed even when the period moved away
       * from it, so that looking does not change it. */
      if (id != current)
        {
          if (!may_align_to (self, candidate) || koers_objective_get_archived (candidate))
            continue;
          if (!has_period || !koers_objective_in_period (candidate, &period))
            continue;
        }

      label = dup_aligned_label (self, candidate);
      gtk_string_list_append (names, label);
      g_array_append_val (self->aligned_ids, id);
      if (id == current)
        selected = self->aligned_ids->len - 1;
    }

  adw_combo_row_set_model (self->aligned_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->aligned_row, selected);
}

static void
get_period_or_today (KoersObjectiveEditor *self,
                     KoersPeriod          *period)
{
  GDate today;

  if (!koers_objective_get_parsed_period (self->objective, period))
    {
      koers_date_today (&today);
      koers_period_init_for_date (period, &today);
    }
}

/* Once: replacing a drop-down's model from its own notify handler would
 * free the selection that is notifying. */
static void
setup_period_choices (KoersObjectiveEditor *self)
{
  g_autoptr (GtkStringList) choices = NULL;
  KoersPeriod period;

  choices = gtk_string_list_new ((const char *const[]){
    C_ ("quarter", "Q1"), C_ ("quarter", "Q2"), C_ ("quarter", "Q3"), C_ ("quarter", "Q4"),
    _ ("Whole year"), NULL });

  /* Dates set elsewhere (an import) are shown, and kept until changed here. */
  get_period_or_today (self, &period);
  if (period.kind == KOERS_PERIOD_KIND_CUSTOM)
    gtk_string_list_append (choices, _ ("Custom dates"));

  gtk_drop_down_set_model (self->quarter_dropdown, G_LIST_MODEL (choices));
}

static void
fill_period (KoersObjectiveEditor *self)
{
  GListModel *choices = gtk_drop_down_get_model (self->quarter_dropdown);
  KoersPeriod period;
  guint       selected;
  int         year;

  get_period_or_today (self, &period);

  switch (period.kind)
    {
    case KOERS_PERIOD_KIND_QUARTER:
      selected = (guint) CLAMP (period.quarter, 1, 4) - 1;
      year = period.year;
      break;
    case KOERS_PERIOD_KIND_YEAR:
      selected = WHOLE_YEAR_INDEX;
      year = period.year;
      break;
    case KOERS_PERIOD_KIND_CUSTOM:
    default:
      selected = MIN (CUSTOM_INDEX, g_list_model_get_n_items (choices) - 1);
      year = g_date_get_year (&period.start);
      break;
    }

  gtk_drop_down_set_selected (self->quarter_dropdown, selected);
  gtk_spin_button_set_value (self->year_spin, year);
}

static void
fill_text_view (KoersObjectiveEditor *self)
{
  const char *description = koers_objective_get_description (self->objective);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            description != NULL ? description : "", -1);
}

static void
fill (KoersObjectiveEditor *self)
{
  const char *owner = koers_objective_get_owner (self->objective);

  self->session.updating = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), koers_objective_get_title (self->objective));
  update_title_hint (self, koers_objective_get_title (self->objective));
  fill_text_view (self);
  adw_combo_row_set_selected (self->kind_row, koers_objective_get_kind (self->objective));
  gtk_editable_set_text (GTK_EDITABLE (self->owner_row), owner != NULL ? owner : "");
  fill_period (self);
  fill_aligned (self);
  adw_combo_row_set_selected (self->state_row, koers_objective_get_state (self->objective));
  update_window_title (self);
  koers_resource_form_fill (self->resource_form);
  koers_editor_session_filled (&self->session);

  self->session.updating = FALSE;
}

static void
title_changed_cb (KoersObjectiveEditor *self)
{
  const char      *text = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *old = NULL;

  if (self->session.updating)
    return;

  update_title_hint (self, text);

  /* Emptying the field to retype it is no reason to lose the saved title. */
  if (*stripped == '\0')
    return;

  old = g_strdup (koers_objective_get_title (self->objective));
  koers_objective_set_title (self->objective, stripped);
  if (!save (self))
    {
      koers_objective_set_title (self->objective, old);
      self->session.updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), old);
      self->session.updating = FALSE;
      update_title_hint (self, old);
    }
}

static void
description_changed_cb (KoersObjectiveEditor *self)
{
  GtkTextBuffer   *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter      start, end;
  g_autofree char *text = NULL;
  g_autofree char *old = NULL;

  if (self->session.updating)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  old = g_strdup (koers_objective_get_description (self->objective));
  koers_objective_set_description (self->objective, *text != '\0' ? text : NULL);
  if (!save (self))
    {
      koers_objective_set_description (self->objective, old);
      self->session.updating = TRUE;
      fill_text_view (self);
      self->session.updating = FALSE;
    }
}

static void
aligned_selected_cb (KoersObjectiveEditor *self)
{
  guint  selected = adw_combo_row_get_selected (self->aligned_row);
  gint64 old;

  if (self->session.updating || selected >= self->aligned_ids->len)
    return;

  old = koers_objective_get_aligned_to_id (self->objective);
  koers_objective_set_aligned_to_id (self->objective, g_array_index (self->aligned_ids, gint64, selected));
  if (!save (self))
    {
      koers_objective_set_aligned_to_id (self->objective, old);
      /* Select the old row again; the list stays (see setup_period_choices). */
      for (guint i = 0; i < self->aligned_ids->len; i++)
        if (g_array_index (self->aligned_ids, gint64, i) == old)
          {
            self->session.updating = TRUE;
            adw_combo_row_set_selected (self->aligned_row, i);
            self->session.updating = FALSE;
          }
    }
}

static void
period_changed_cb (KoersObjectiveEditor *self)
{
  guint            selected = gtk_drop_down_get_selected (self->quarter_dropdown);
  int              year = gtk_spin_button_get_value_as_int (self->year_spin);
  g_autofree char *old = NULL;
  g_autofree char *key = NULL;
  KoersPeriod      period;

  if (self->session.updating)
    return;

  if (selected < WHOLE_YEAR_INDEX)
    koers_period_init_quarter (&period, year, (int) selected + 1);
  else if (selected == WHOLE_YEAR_INDEX)
    koers_period_init_year (&period, year);
  else
    return; /* "Custom dates" keeps what is stored. */

  key = koers_period_to_string (&period);
  old = g_strdup (koers_objective_get_period (self->objective));
  if (g_strcmp0 (key, old) == 0)
    return;

  koers_objective_set_period (self->objective, key);
  if (!save (self))
    koers_objective_set_period (self->objective, old);

  /* Refill either way: on success the company objectives on offer change
   * with the period; on failure the picker goes back. */
  self->session.updating = TRUE;
  fill_period (self);
  fill_aligned (self);
  self->session.updating = FALSE;
  update_window_title (self);
}

static void
history_clicked_cb (KoersObjectiveEditor *self)
{
  GtkWidget *history = koers_history_window_new (GTK_WINDOW (self), self->store, G_OBJECT (self->objective));

  gtk_window_present (GTK_WINDOW (history));
}

static void
store_changed_cb (KoersObjectiveEditor *self)
{
  g_autofree char *typed = NULL;

  if (!koers_editor_session_store_changed (&self->session))
    return;

  /* A title being retyped (empty, so not saved yet) is the only edit not
   * saved; say that it was replaced. */
  typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  if (*typed == '\0')
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_ ("This objective was changed elsewhere; "
                                                   "its new values are shown")));
}

static void
setup_choice_models (KoersObjectiveEditor *self)
{
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) states = gtk_string_list_new (NULL);

  /* In enum order, so that the position is the value. */
  gtk_string_list_append (kinds, koers_objective_kind_get_label (KOERS_OBJECTIVE_KIND_COMMITTED));
  gtk_string_list_append (kinds, koers_objective_kind_get_label (KOERS_OBJECTIVE_KIND_ASPIRATIONAL));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  /* Archiving is the card's action, kept apart from the state. */
  for (KoersObjectiveState s = KOERS_OBJECTIVE_STATE_ACTIVE; s < KOERS_OBJECTIVE_STATE_ARCHIVED; s++)
    gtk_string_list_append (states, koers_objective_state_get_label (s));
  adw_combo_row_set_model (self->state_row, G_LIST_MODEL (states));
}

/* The fields that save as they are typed; the others have handlers above. */
static const KoersEditorField editor_fields[] = {
  { G_STRUCT_OFFSET (KoersObjectiveEditor, owner_row), "owner", KOERS_EDITOR_FIELD_TEXT },
  { G_STRUCT_OFFSET (KoersObjectiveEditor, kind_row), "kind", KOERS_EDITOR_FIELD_CHOICE },
  { G_STRUCT_OFFSET (KoersObjectiveEditor, state_row), "state", KOERS_EDITOR_FIELD_CHOICE },
};

static const KoersEditorEntity editor_entity = {
  (KoersEditorSaveFunc) koers_store_save_objective,
  (KoersEditorFindFunc) koers_store_find_objective,
  (KoersIdleFunc) fill,
};

static void
koers_objective_editor_constructed (GObject *object)
{
  KoersObjectiveEditor *self = KOERS_OBJECTIVE_EDITOR (object);

  G_OBJECT_CLASS (koers_objective_editor_parent_class)->constructed (object);

  g_return_if_fail (KOERS_IS_STORE (self->store));
  g_return_if_fail (KOERS_IS_OBJECTIVE (self->objective));

  koers_editor_session_setup (&self->session, &editor_entity, GTK_WINDOW (self), self->store,
                              G_OBJECT (self->objective), self->toast_overlay);
  setup_choice_models (self);
  setup_period_choices (self);
  koers_resource_form_set_objective (self->resource_form, self->store, self->objective);
  fill (self);

  koers_editor_session_connect_fields (&self->session, editor_fields, G_N_ELEMENTS (editor_fields));
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (title_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->description_view), "changed",
                            G_CALLBACK (description_changed_cb), self);
  g_signal_connect_swapped (self->aligned_row, "notify::selected",
                            G_CALLBACK (aligned_selected_cb), self);
  g_signal_connect_swapped (self->quarter_dropdown, "notify::selected",
                            G_CALLBACK (period_changed_cb), self);
  g_signal_connect_swapped (self->year_spin, "value-changed", G_CALLBACK (period_changed_cb), self);
  koers_editor_session_connect_delete (&self->session, self->delete_button);
  g_signal_connect_swapped (self->history_button, "clicked", G_CALLBACK (history_clicked_cb), self);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
koers_objective_editor_dispose (GObject *object)
{
  KoersObjectiveEditor *self = KOERS_OBJECTIVE_EDITOR (object);

  koers_editor_session_dispose (&self->session);
  koers_widget_dispose_properties (GTK_WIDGET (self), KOERS_TYPE_OBJECTIVE_EDITOR, property_table,
                                   G_N_ELEMENTS (property_table));
  g_clear_pointer (&self->aligned_ids, g_array_unref);

  G_OBJECT_CLASS (koers_objective_editor_parent_class)->dispose (object);
}

KOERS_DEFINE_SHOWING_CLASS_INIT (KoersObjectiveEditor, koers_objective_editor, "objectives/koers-objective-editor.ui", KOERS_TEMPLATE_DIALOG | KOERS_TEMPLATE_ESCAPE_CLOSES, NULL, 0)

static void
koers_objective_editor_init (KoersObjectiveEditor *self)
{
  koers_a11y_init_role (GTK_WIDGET (self));
  koers_editor_style_ensure ();
  g_type_ensure (KOERS_TYPE_RESOURCE_FORM);
  gtk_widget_init_template (GTK_WIDGET (self));
  koers_a11y_clean_button_names (GTK_WIDGET (self));
  self->aligned_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

GtkWidget *
koers_objective_editor_new (KoersStore     *store,
                            KoersObjective *objective)
{
  return koers_widget_new_showing (KOERS_TYPE_OBJECTIVE_EDITOR, store, "objective", objective);
}

KOERS_DEFINE_GETTER (KoersObjectiveEditor, koers_objective_editor, KOERS_IS_OBJECTIVE_EDITOR, KoersObjective *, objective, NULL)
