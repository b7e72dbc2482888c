/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-format.h"
#include "core/koers-property.h"
#include "core/koers-seed.h"
#include "core/koers-summary.h"
#include "core/koers-text.h"
#include "io/koers-templates.h"
#include "koers-editor-style.h"
#include "koers-template-picker.h"
#include "widgets/koers-a11y.h"
#include "widgets/koers-form-util.h"
#include "widgets/koers-template.h"
#include "widgets/koers-toasts.h"

typedef struct
{
  const KoersTemplate *template;
  GtkCheckButton *check;
} Entry;

typedef struct
{
  const KoersTemplateKpi *kpi;
  GtkCheckButton         *check;
} KpiEntry;

struct _KoersTemplatePicker
{
  AdwWindow parent_instance;

  KoersStore      *store;
  KoersDepartment *department;
  KoersPeriod      period;
  GArray          *entries;     /* Entry, in the order shown */
  GArray          *kpi_entries; /* KpiEntry, in the order shown */
  guint            n_groups;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkLabel        *intro_label;
  GtkBox          *groups_box;
  GtkButton       *add_button;
};

G_DEFINE_FINAL_TYPE (KoersTemplatePicker, koers_template_picker, ADW_TYPE_WINDOW)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersTemplatePicker, toast_overlay),
  KOERS_TEMPLATE_CHILD (KoersTemplatePicker, window_title),
  KOERS_TEMPLATE_CHILD (KoersTemplatePicker, intro_label),
  KOERS_TEMPLATE_CHILD (KoersTemplatePicker, groups_box),
  KOERS_TEMPLATE_CHILD (KoersTemplatePicker, add_button),
};

enum
{
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_add_button (KoersTemplatePicker *self)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->entries->len && !any; i++)
    any = gtk_check_button_get_active (g_array_index (self->entries, Entry, i).check);
  for (guint i = 0; i < self->kpi_entries->len && !any; i++)
    any = gtk_check_button_get_active (g_array_index (self->kpi_entries, KpiEntry, i).check);

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), any);
}

/* Whether the department has an objective of that title (in either
 * language) in the period already: adding it twice is seldom meant. */
static gboolean
is_in_period (KoersTemplatePicker *self,
              const KoersTemplate *template)
{
  GListModel *objectives = koers_store_get_objectives (self->store);
  const char *en = koers_template_get_title (template, KOERS_LANGUAGE_EN);
  const char *nl = koers_template_get_title (template, KOERS_LANGUAGE_NL);
  guint       n = g_list_model_get_n_items (objectives);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);
      const char *title = koers_objective_get_title (objective);

      if (koers_objective_get_department_id (objective) == koers_department_get_id (self->department) && koers_objective_in_period (objective, &self->period) && (g_strcmp0 (title, en) == 0 || g_strcmp0 (title, nl) == 0))
        return TRUE;
    }

  return FALSE;
}

/* "• Three campaigns bring 1,200 leads." over "600 → 1,200 leads" (a
 * milestone has no figures to show). */
static GtkWidget *
create_key_result (const KoersTemplate *template,
                   guint         index,
                   KoersLanguage lang)
{
  GtkWidget             *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char       *title = NULL;
  KoersTemplateKeyResult kr;

  koers_template_get_key_result (template, index, lang, &kr);
  title = g_strdup_printf ("• %s", kr.title);
  gtk_box_append (GTK_BOX (box), koers_form_new_text_label (title, "template-key-result"));

  if (kr.metric_kind != KOERS_METRIC_KIND_MILESTONE)
    {
      g_autofree char *start = koers_format_metric (lang, kr.metric_kind, NULL, kr.start);
      g_autofree char *target = koers_format_metric (lang, kr.metric_kind, kr.unit, kr.target);
      g_autofree char *values = g_strdup_printf ("%s → %s", start, target);
      GtkWidget       *label = koers_form_new_text_label (values, "dim-label");

      gtk_widget_add_css_class (label, "template-key-result");
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_set_margin_start (label, 12);
      gtk_box_append (GTK_BOX (box), label);
    }

  return box;
}

static GtkWidget *
create_row (KoersTemplatePicker *self,
            const KoersTemplate *template,
            KoersLanguage lang)
{
  const char      *title = koers_template_get_title (template, lang);
  const char      *owner = koers_template_get_owner (template, lang);
  guint            n_key_results = koers_template_get_n_key_results (template);
  GtkWidget       *row = gtk_list_box_row_new ();
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget       *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget       *check = gtk_check_button_new ();
  GtkWidget       *title_label = koers_form_new_text_label (title, "heading");
  g_autofree char *meta = NULL;
  g_autofree char *count = NULL;
  Entry            entry = { template, GTK_CHECK_BUTTON (check) };

  count = g_strdup_printf (ngettext ("%u key result", "%u key results", n_key_results), n_key_results);
  if (owner != NULL && *owner != '\0')
    meta = g_strdup_printf ("%s · %s · %s", koers_objective_kind_get_label (koers_template_get_kind (template)),
                            owner, count);
  else
    meta = g_strdup_printf ("%s · %s", koers_objective_kind_get_label (koers_template_get_kind (template)), count);

  gtk_widget_set_valign (check, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, meta, -1);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_add_button), self);

  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (text_box), title_label);
  gtk_box_append (GTK_BOX (text_box), koers_form_new_text_label (meta, "dim-label"));
  if (is_in_period (self, template))
    gtk_box_append (GTK_BOX (text_box), koers_form_new_text_label (_ ("Already added in this period"), "warning"));
  for (guint i = 0; i < n_key_results; i++)
    gtk_box_append (GTK_BOX (text_box), create_key_result (template, i, lang));

  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), text_box);
  gtk_widget_add_css_class (box, "template-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "koers-check", check);

  g_array_append_val (self->entries, entry);
  return row;
}

static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row)
{
  GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "koers-check");

  /* The whole row is the check box's target, not only the box. */
  gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

static void
add_group (KoersTemplatePicker *self,
           const char          *heading,
           GPtrArray           *templates,
           KoersLanguage        lang)
{
  GtkWidget *group;
  GtkWidget *list;

  if (templates->len == 0)
    return;

  group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  if (heading != NULL)
    {
      GtkWidget *label = koers_form_new_text_label (heading, "heading");

      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      gtk_box_append (GTK_BOX (group), label);
    }
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Templates"), -1);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  g_signal_connect (list, "row-activated", G_CALLBACK (row_activated_cb), NULL);
  for (guint i = 0; i < templates->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), create_row (self, templates->pdata[i], lang));

  gtk_box_append (GTK_BOX (group), list);
  gtk_box_append (self->groups_box, group);
  self->n_groups++;
}

/* The department's KPI templates, a group of their own after the
 * objectives (not counted in n_groups, which counts departments). */
static void
add_kpi_group (KoersTemplatePicker *self,
               const char          *key,
               KoersLanguage        lang)
{
  g_autoptr (GPtrArray) kpis = koers_templates_list_kpis (key, lang);
  GtkWidget *group, *label, *list;

  if (kpis->len == 0)
    return;

  group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  label = koers_form_new_text_label (_ ("KPIs"), "heading");
  list = gtk_list_box_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  g_signal_connect (list, "row-activated", G_CALLBACK (row_activated_cb), NULL);

  for (guint i = 0; i < kpis->len; i++)
    {
      KoersTemplateKpiInfo info;
      GtkWidget           *row = gtk_list_box_row_new ();
      GtkWidget           *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget           *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget           *check = gtk_check_button_new ();
      KpiEntry             entry = { kpis->pdata[i], GTK_CHECK_BUTTON (check) };
      g_autofree char     *healthy = NULL;
      g_autofree char     *meta = NULL;

      koers_template_kpi_get_info (entry.kpi, lang, &info);
      healthy = koers_format_metric (lang, info.metric_kind, info.unit, info.healthy);
      /* Translators: "Monthly · healthy at 5,000 visits a month". */
      meta = g_strdup_printf (_ ("%s · healthy at %s"), koers_kpi_frequency_get_label (info.frequency), healthy);

      gtk_widget_set_valign (check, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, info.name,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, meta, -1);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_add_button), self);
      gtk_widget_set_hexpand (text_box, TRUE);
      gtk_box_append (GTK_BOX (text_box), koers_form_new_text_label (info.name, "heading"));
      gtk_box_append (GTK_BOX (text_box), koers_form_new_text_label (meta, "dim-label"));
      if (koers_template_kpi_is_in_department (entry.kpi, self->store, self->department))
        gtk_box_append (GTK_BOX (text_box), koers_form_new_text_label (_ ("Already in this department"), "warning"));

      gtk_box_append (GTK_BOX (box), check);
      gtk_box_append (GTK_BOX (box), text_box);
      gtk_widget_add_css_class (box, "template-row");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data (G_OBJECT (row), "koers-check", check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_array_append_val (self->kpi_entries, entry);
    }

  gtk_box_append (GTK_BOX (group), label);
  gtk_box_append (GTK_BOX (group), list);
  gtk_box_append (self->groups_box, group);
}

static void
fill (KoersTemplatePicker *self)
{
  KoersLanguage    lang = koers_format_get_language ();
  g_autofree char *name = koers_text_isolate (koers_department_get_name (self->department));
  const char      *key = koers_templates_get_department_key (self->store, self->department);
  g_autofree char *period = koers_format_period (lang, &self->period);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", name, period);
  g_autofree char *intro = NULL;
  const char      *first;

  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (koers_department_get_is_company (self->department))
    {
      g_autoptr (GPtrArray) templates = koers_templates_list (NULL, lang);

      first = _ ("The framework’s example objectives for the whole company.");
      add_group (self, NULL, templates, lang);
    }
  else if (key != NULL)
    {
      g_autoptr (GPtrArray) templates = koers_templates_list (key, lang);

      first = _ ("The framework’s example objectives for this department.");
      add_group (self, NULL, templates, lang);
      add_kpi_group (self, key, lang);
    }
  else
    {
      const KoersSeedDepartment *departments;
      g_autoptr (GPtrArray) company = koers_templates_list (NULL, lang);
      guint n;

      /* A department of its own: every example, by the seed's department. */
      first = _ ("The framework has no examples for this department: here are all of them, by department.");
      add_group (self, _ ("Whole Company"), company, lang);
      departments = koers_seed_get_departments (&n);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (GPtrArray) templates = koers_templates_list (departments[i].key, lang);

          add_group (self, koers_seed_department_get_name (&departments[i], lang), templates, lang);
        }
    }

  /* Translators: after a first sentence; %s is a department, %s a period. */
  intro = g_strdup_printf (_ ("%s Check the ones to start from: they are added to %s in %s with their key results, "
                              "for you to edit."),
                           first, name, period);
  gtk_label_set_text (self->intro_label, intro);
}

static void
add_clicked_cb (KoersTemplatePicker *self)
{
  KoersLanguage    lang = koers_format_get_language ();
  g_autofree char *period = koers_period_to_string (&self->period);
  g_autoptr (GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < self->entries->len && error == NULL; i++)
    {
      Entry          *entry = &g_array_index (self->entries, Entry, i);
      KoersObjective *objective;

      if (!gtk_check_button_get_active (entry->check))
        continue;

      objective = koers_template_instantiate (entry->template, self->store, self->department, period, lang, &error);
      if (objective == NULL)
        break;

      g_ptr_array_add (added, g_object_ref (objective));
      /* Should a later one fail, this one is not added twice. */
      gtk_check_button_set_active (entry->check, FALSE);
    }

  /* The KPIs after the objectives; one the department has is left out. */
  for (guint i = 0; i < self->kpi_entries->len && error == NULL; i++)
    {
      KpiEntry *entry = &g_array_index (self->kpi_entries, KpiEntry, i);

      if (!gtk_check_button_get_active (entry->check))
        continue;

      if (!koers_template_kpi_is_in_department (entry->kpi, self->store, self->department) &&
          koers_template_kpi_instantiate (entry->kpi, self->store, self->department, lang, &error) == NULL)
        break;

      gtk_check_button_set_active (entry->check, FALSE);
    }

  g_object_ref (self);
  if (added->len > 0)
    g_signal_emit (self, signals[ADDED], 0, added);

  if (error != NULL)
    koers_toasts_show_error (GTK_WIDGET (self->toast_overlay), error);
  else
    gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
koers_template_picker_dispose (GObject *object)
{
  KoersTemplatePicker *self = KOERS_TEMPLATE_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KOERS_TYPE_TEMPLATE_PICKER);
  g_clear_object (&self->department);
  g_clear_object (&self->store);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->kpi_entries, g_array_unref);

  G_OBJECT_CLASS (koers_template_picker_parent_class)->dispose (object);
}

static void
koers_template_picker_class_init (KoersTemplatePickerClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koers_template_picker_dispose;

  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);

  koers_template_init_class (widget_class, "objectives/koers-template-picker.ui", KOERS_TEMPLATE_DIALOG | KOERS_TEMPLATE_ESCAPE_CLOSES,
                             KOERS_TEMPLATE_TABLE (template_children), NULL, 0);
}

static void
koers_template_picker_init (KoersTemplatePicker *self)
{
  koers_a11y_init_role (GTK_WIDGET (self));
  koers_editor_style_ensure ();
  gtk_widget_init_template (GTK_WIDGET (self));
  koers_a11y_clean_button_names (GTK_WIDGET (self));

  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  self->kpi_entries = g_array_new (FALSE, TRUE, sizeof (KpiEntry));
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
}

GtkWidget *
koers_template_picker_new (KoersStore        *store,
                           KoersDepartment   *department,
                           const KoersPeriod *period)
{
  KoersTemplatePicker *self;

  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (KOERS_IS_DEPARTMENT (department), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  self = g_object_new (KOERS_TYPE_TEMPLATE_PICKER, NULL);
  self->store = g_object_ref (store);
  self->department = g_object_ref (department);
  self->period = *period;
  fill (self);

  return GTK_WIDGET (self);
}

GPtrArray *
koers_template_picker_get_ids (KoersTemplatePicker *self)
{
  GPtrArray *ids;

  g_return_val_if_fail (KOERS_IS_TEMPLATE_PICKER (self), NULL);

  ids = g_ptr_array_new ();
  for (guint i = 0; i < self->entries->len; i++)
    g_ptr_array_add (ids, (gpointer) koers_template_get_id (g_array_index (self->entries, Entry, i).template));

  return ids;
}

gboolean
koers_template_picker_set_checked (KoersTemplatePicker *self,
                                   const char          *id,
                                   gboolean             checked)
{
  g_return_val_if_fail (KOERS_IS_TEMPLATE_PICKER (self), FALSE);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (g_strcmp0 (koers_template_get_id (entry->template), id) == 0)
        {
          gtk_check_button_set_active (entry->check, checked);
          return TRUE;
        }
    }

  for (guint i = 0; i < self->kpi_entries->len; i++)
    {
      KpiEntry *entry = &g_array_index (self->kpi_entries, KpiEntry, i);

      if (g_strcmp0 (koers_template_kpi_get_key (entry->kpi), id) == 0)
        {
          gtk_check_button_set_active (entry->check, checked);
          return TRUE;
        }
    }

  return FALSE;
}

KOERS_DEFINE_GETTER (KoersTemplatePicker, koers_template_picker, KOERS_IS_TEMPLATE_PICKER, guint, n_groups, 0)
