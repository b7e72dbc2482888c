/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-property.h"
#include "koers-kpi-editing.h"
#include "koers-kpi-row.h"
#include "koers-kpi-section.h"
#include "koers-kpi-style.h"
#include "widgets/koers-a11y.h"
#include "widgets/koers-template.h"
#include "widgets/koers-widget-properties.h"
#include "widgets/koers-wrap-box.h"

struct _KoersKpiSection
{
  AdwBin parent_instance;

  KoersStore      *store;
  KoersDepartment *department;
  KoersPeriod      period;
  gboolean         has_period;

  /* One filter over the store's list of every KPI, by department. */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  char               *summary;
  gboolean            rows_bound; /* the list box's rows are made once it shows */

  GtkLabel   *summary_label;
  GtkWidget  *add_button;
  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (KoersKpiSection, koers_kpi_section, ADW_TYPE_BIN)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersKpiSection, summary_label),
  KOERS_TEMPLATE_CHILD (KoersKpiSection, add_button),
  KOERS_TEMPLATE_CHILD (KoersKpiSection, list_box),
};

static gboolean
filter_kpi_cb (gpointer item,
               gpointer user_data)
{
  KoersKpiSection *self = user_data;

  return self->department != NULL && koers_kpi_get_department_id (item) == koers_department_get_id (self->department);
}

/* A count in the header, after those before it; a count of nothing is left out. */
static void G_GNUC_PRINTF (3, 4)
  append_count (GString    *out,
                guint       count,
                const char *format,
                ...)
{
  va_list args;

  if (count == 0)
    return;

  if (out->len > 0)
    g_string_append (out, " · ");
  va_start (args, format);
  g_string_append_vprintf (out, format, args);
  va_end (args);
}

static void
update_summary (KoersKpiSection *self)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint       n = g_list_model_get_n_items (model);
  guint       by_status[KOERS_KPI_STATUS_UNHEALTHY + 1] = {
          0,
  };
  guint    n_due = 0;
  GString *out = g_string_new (NULL);
  guint    healthy, attention, unhealthy, without;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKpi) kpi = g_list_model_get_item (model, i);

      by_status[koers_kpi_get_status (kpi)]++;
      if (koers_kpi_is_update_due (kpi, NULL))
        n_due++;
    }
  healthy = by_status[KOERS_KPI_STATUS_HEALTHY];
  attention = by_status[KOERS_KPI_STATUS_NEEDS_ATTENTION];
  unhealthy = by_status[KOERS_KPI_STATUS_UNHEALTHY];
  without = by_status[KOERS_KPI_STATUS_NONE];

  /* Translators: counts in the KPI section's header, joined with " · ":
   * "5 KPIs · 3 healthy · 1 needs attention · 1 unhealthy · 2 updates due". */
  append_count (out, n, ngettext ("%u KPI", "%u KPIs", n), n);
  append_count (out, healthy, ngettext ("%u healthy", "%u healthy", healthy), healthy);
  append_count (out, attention,
                ngettext ("%u needs attention", "%u need attention", attention), attention);
  append_count (out, unhealthy, ngettext ("%u unhealthy", "%u unhealthy", unhealthy), unhealthy);
  append_count (out, without,
                ngettext ("%u without a value", "%u without a value", without), without);
  append_count (out, n_due, ngettext ("%u update due", "%u updates due", n_due), n_due);

  g_free (self->summary);
  self->summary = g_string_free (out, FALSE);
  gtk_label_set_text (self->summary_label, self->summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), *self->summary != '\0');
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  KoersKpiSection *self = user_data;

  return koers_kpi_row_new (self->store, item, self->has_period ? &self->period : NULL);
}

static void
store_changed_cb (KoersKpiSection *self)
{
  /* A KPI may have moved to another department; the filter tells the
   * list only about the items whose match changed. */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_summary (self);
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KoersKpiSection *self = KOERS_KPI_SECTION (widget);

  if (self->store == NULL || self->department == NULL)
    return;

  koers_kpi_editing_add_kpi (widget, self->store, self->department);
}

static void
update_actions (KoersKpiSection *self)
{
  /* A role on the company server may not write every department. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kpi-section.add",
                                 self->store != NULL && self->department != NULL &&
                                   koers_store_may_write_department (self->store,
                                                                     koers_department_get_id (self->department)));
}

static GtkWidget *
create_placeholder (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_ ("No KPIs Yet"));
  GtkWidget *text = gtk_label_new (_ ("A KPI follows the health of the department, such as revenue, "
                                      "customer satisfaction or downtime, with thresholds for "
                                      "healthy and needs attention."));

  gtk_widget_add_css_class (box, "placeholder");
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (text, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), text);

  return box;
}

/* The rows when the section first shows: the window's editor pane has it
 * on a page of its own, so a department's KPI rows made while its
 * objectives show were work before the window's first frame that nobody
 * saw. */
static void
koers_kpi_section_map (GtkWidget *widget)
{
  KoersKpiSection *self = KOERS_KPI_SECTION (widget);

  if (!self->rows_bound)
    {
      self->rows_bound = TRUE;
      gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->filtered), create_row_cb, self, NULL);
    }

  GTK_WIDGET_CLASS (koers_kpi_section_parent_class)->map (widget);
}

static void
koers_kpi_section_dispose (GObject *object)
{
  KoersKpiSection *self = KOERS_KPI_SECTION (object);

  koers_widget_unfollow (self, &self->store);
  koers_widget_unfollow (self, &self->filtered);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOERS_TYPE_KPI_SECTION);
  g_clear_object (&self->filter);
  g_clear_object (&self->department);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (koers_kpi_section_parent_class)->dispose (object);
}

static void
koers_kpi_section_class_init (KoersKpiSectionClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koers_kpi_section_dispose;
  widget_class->map = koers_kpi_section_map;

  g_type_ensure (KOERS_TYPE_WRAP_BOX);
  koers_template_init_class (widget_class, "kpis/koers-kpi-section.ui", 0,
                             KOERS_TEMPLATE_TABLE (template_children), NULL, 0);

  gtk_widget_class_install_action (widget_class, "kpi-section.add", NULL, add_action_cb);
}

static void
koers_kpi_section_init (KoersKpiSection *self)
{
  koers_kpi_style_ensure ();
  gtk_widget_init_template (GTK_WIDGET (self));
  koers_a11y_clean_button_names (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_kpi_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_summary), self);
  gtk_list_box_set_placeholder (self->list_box, create_placeholder ());

  update_summary (self);
  update_actions (self);
}

GtkWidget *
koers_kpi_section_new (void)
{
  return g_object_new (KOERS_TYPE_KPI_SECTION, NULL);
}

void
koers_kpi_section_set_store (KoersKpiSection *self,
                             KoersStore      *store)
{
  g_return_if_fail (KOERS_IS_KPI_SECTION (self));
  g_return_if_fail (store == NULL || KOERS_IS_STORE (store));

  if (self->store == store)
    return;

  /* Rows of the old store go before the new store's come. */
  gtk_filter_list_model_set_model (self->filtered, NULL);
  koers_widget_follow (self, &self->store, store, "changed", G_CALLBACK (store_changed_cb));
  if (store != NULL)
    gtk_filter_list_model_set_model (self->filtered, koers_store_get_kpis (store));

  update_summary (self);
  update_actions (self);
}

void
koers_kpi_section_set_department (KoersKpiSection *self,
                                  KoersDepartment *department)
{
  g_return_if_fail (KOERS_IS_KPI_SECTION (self));
  g_return_if_fail (department == NULL || KOERS_IS_DEPARTMENT (department));

  if (!g_set_object (&self->department, department))
    return;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_summary (self);
  update_actions (self);
}

void
koers_kpi_section_set_period (KoersKpiSection   *self,
                              const KoersPeriod *period)
{
  g_return_if_fail (KOERS_IS_KPI_SECTION (self));

  if (!koers_widget_set_period (&self->period, &self->has_period, period))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (KOERS_IS_KPI_ROW (child))
        koers_kpi_row_set_period (KOERS_KPI_ROW (child), period);
    }
}

GListModel *
koers_kpi_section_get_model (KoersKpiSection *self)
{
  g_return_val_if_fail (KOERS_IS_KPI_SECTION (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

KOERS_DEFINE_GETTER (KoersKpiSection, koers_kpi_section, KOERS_IS_KPI_SECTION, const char *, summary, NULL)
