/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-change-text.h"
#include "core/koers-property.h"
#include "core/koers-text.h"
#include "koers-history-window.h"
#include "widgets/koers-a11y.h"
#include "widgets/koers-idle.h"
#include "widgets/koers-template.h"
#include "widgets/koers-widget-properties.h"

/* Rows built at a time: a key result with years of weekly check-ins has
 * hundreds of changes, and nobody reads them all at once. */
#define PAGE_SIZE 100

typedef struct
{
  KoersMetricKind kind;
  char           *unit;
} Metric;

struct _KoersHistoryWindow
{
  AdwWindow parent_instance;

  KoersStore *store;
  /* The objective or key result whose history this is. */
  GObject *subject;
  char    *uuid;

  /* KoersChange, newest first. */
  GPtrArray *changes;
  guint      n_shown;
  /* A reload after the store's writes, once their burst is over. */
  guint reload_source;
  /* The day the last group shows, and that group. */
  char      *last_day;
  GtkWidget *last_group;

  /* What the changes link to, by uuid: names and metrics of what the
   * model holds now, else as the log last had them, else as their own
   * log says (looked up once; NULL: removed). */
  GHashTable *model_names;
  GHashTable *log_names;
  GHashTable *linked_names;
  GHashTable *model_metrics;
  GHashTable *log_metrics;

  AdwWindowTitle *window_title;
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  GtkBox         *days_box;
  GtkButton      *more_button;
};

G_DEFINE_FINAL_TYPE (KoersHistoryWindow, koers_history_window, ADW_TYPE_WINDOW)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersHistoryWindow, window_title),
  KOERS_TEMPLATE_CHILD (KoersHistoryWindow, stack),
  KOERS_TEMPLATE_CHILD (KoersHistoryWindow, empty_page),
  KOERS_TEMPLATE_CHILD (KoersHistoryWindow, days_box),
  KOERS_TEMPLATE_CHILD (KoersHistoryWindow, more_button),
};

static void
metric_free (gpointer data)
{
  Metric *metric = data;

  g_free (metric->unit);
  g_free (metric);
}

static void
put_metric (GHashTable     *table,
            const char     *uuid,
            KoersMetricKind kind,
            const char     *unit)
{
  Metric *metric = g_new0 (Metric, 1);

  metric->kind = kind;
  metric->unit = g_strdup (unit);
  g_hash_table_replace (table, g_strdup (uuid), metric);
}

static void
put_name (GHashTable *table,
          const char *uuid,
          const char *name)
{
  if (uuid != NULL && name != NULL)
    g_hash_table_replace (table, g_strdup (uuid), g_strdup (name));
}

/* A key result's name and metric, under uuid. */
static void
index_key_result (KoersHistoryWindow *self,
                  const char         *uuid,
                  KoersKeyResult     *kr)
{
  put_name (self->model_names, uuid, koers_key_result_get_title (kr));
  put_metric (self->model_metrics, uuid, koers_key_result_get_metric_kind (kr),
              koers_key_result_get_unit (kr));
}

/* The names and metrics of what the store holds now. */
static void
index_model (KoersHistoryWindow *self)
{
  GListModel *departments = koers_store_get_departments (self->store);
  GListModel *objectives = koers_store_get_objectives (self->store);
  GListModel *kpis = koers_store_get_kpis (self->store);

  g_hash_table_remove_all (self->model_names);
  g_hash_table_remove_all (self->model_metrics);

  for (guint i = 0, n = g_list_model_get_n_items (departments); i < n; i++)
    {
      g_autoptr (KoersDepartment) department = g_list_model_get_item (departments, i);

      put_name (self->model_names, koers_department_get_uuid (department),
                koers_department_get_name (department));
    }

  for (guint i = 0, n = g_list_model_get_n_items (kpis); i < n; i++)
    {
      g_autoptr (KoersKpi) kpi = g_list_model_get_item (kpis, i);

      put_name (self->model_names, koers_kpi_get_uuid (kpi), koers_kpi_get_name (kpi));
      put_metric (self->model_metrics, koers_kpi_get_uuid (kpi),
                  koers_kpi_get_metric_kind (kpi), koers_kpi_get_unit (kpi));
    }

  for (guint i = 0, n = g_list_model_get_n_items (objectives); i < n; i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *krs = koers_objective_get_key_results (objective);

      put_name (self->model_names, koers_objective_get_uuid (objective),
                koers_objective_get_title (objective));
      for (guint j = 0, m = g_list_model_get_n_items (krs); j < m; j++)
        {
          g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, j);

          index_key_result (self, koers_key_result_get_uuid (kr), kr);
        }
    }

  /* The subject itself, even when the model does not hold it (any more). */
  if (KOERS_IS_OBJECTIVE (self->subject))
    {
      put_name (self->model_names, self->uuid, koers_objective_get_title (KOERS_OBJECTIVE (self->subject)));
    }
  else if (KOERS_IS_KEY_RESULT (self->subject))
    {
      KoersKeyResult *kr = KOERS_KEY_RESULT (self->subject);
      GListModel     *checkins = koers_key_result_get_checkins (kr);

      index_key_result (self, self->uuid, kr);
      /* A check-in's "name" is its date. */
      for (guint i = 0, n = g_list_model_get_n_items (checkins); i < n; i++)
        {
          g_autoptr (KoersCheckin) checkin = g_list_model_get_item (checkins, i);

          put_name (self->model_names, koers_checkin_get_uuid (checkin),
                    koers_checkin_get_date (checkin));
        }
    }
}

static const char *
get_any_value (KoersChange *change,
               const char  *column)
{
  int index = koers_change_find_field (change, column);

  if (index < 0)
    return NULL;
  if (koers_change_get_field_new (change, (guint) index) != NULL)
    return koers_change_get_field_new (change, (guint) index);
  return koers_change_get_field_old (change, (guint) index);
}

/* The name a change gives its entity, if any: a title, a name, a date. */
static const char *
get_change_name (KoersChange *change)
{
  const char *name = get_any_value (change, "title");

  if (name == NULL)
    name = get_any_value (change, "name");
  if (name == NULL)
    name = get_any_value (change, "date");
  return name;
}

/* Names and metrics as the log last had them (changes: oldest first). */
static void
index_log (KoersHistoryWindow *self,
           GPtrArray          *changes)
{
  g_autoptr (GHashTable) units = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_remove_all (self->log_names);
  g_hash_table_remove_all (self->log_metrics);

  for (guint i = 0; i < changes->len; i++)
    {
      KoersChange    *change = g_ptr_array_index (changes, i);
      const char     *uuid = koers_change_get_uuid (change);
      const char     *kind_text = get_any_value (change, "metric_kind");
      KoersMetricKind kind;

      put_name (self->log_names, uuid, get_change_name (change));

      if (koers_metric_kind_from_string (kind_text, &kind) ||
          koers_change_find_field (change, "unit") >= 0)
        {
          Metric     *known = g_hash_table_lookup (self->log_metrics, uuid);
          int         unit_index = koers_change_find_field (change, "unit");
          const char *unit = known != NULL ? known->unit : NULL;

          if (kind_text == NULL)
            kind = known != NULL ? known->kind : KOERS_METRIC_KIND_NUMBER;
          if (unit_index >= 0)
            unit = get_any_value (change, "unit");
          /* put_metric copies unit before it replaces known. */
          put_metric (self->log_metrics, uuid, kind, unit);
        }
    }
}

/* What the log of uuid itself says its name is; NULL when it was removed
 * or the log does not know it. */
static char *
lookup_own_log (KoersHistoryWindow *self,
                const char         *uuid)
{
  g_autoptr (GPtrArray) changes = koers_store_list_changes (self->store, uuid, NULL);
  const char *name = NULL;

  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      KoersChange *change = g_ptr_array_index (changes, i);
      const char  *own;

      if (g_strcmp0 (koers_change_get_uuid (change), uuid) != 0)
        continue;
      if (koers_change_get_operation (change) == KOERS_CHANGE_DELETE)
        {
          name = NULL;
          continue;
        }
      own = get_change_name (change);
      if (own != NULL)
        name = own;
    }

  return g_strdup (name);
}

static char *
get_name_cb (const char *entity,
             const char *uuid,
             gpointer    user_data)
{
  KoersHistoryWindow *self = user_data;
  const char         *name;
  gpointer            found;

  if ((name = g_hash_table_lookup (self->model_names, uuid)) != NULL ||
      (name = g_hash_table_lookup (self->log_names, uuid)) != NULL)
    return g_strdup (name);

  if (g_strcmp0 (entity, "checkin") == 0 || g_strcmp0 (entity, "kpi_value") == 0)
    return NULL;

  if (!g_hash_table_lookup_extended (self->linked_names, uuid, NULL, &found))
    {
      found = lookup_own_log (self, uuid);
      g_hash_table_insert (self->linked_names, g_strdup (uuid), found);
    }
  return g_strdup (found);
}

static gboolean
get_metric_cb (const char      *entity,
               const char      *uuid,
               KoersMetricKind *kind,
               char           **unit,
               gpointer         user_data)
{
  KoersHistoryWindow *self = user_data;
  Metric             *metric = g_hash_table_lookup (self->model_metrics, uuid);

  if (metric == NULL)
    metric = g_hash_table_lookup (self->log_metrics, uuid);
  if (metric == NULL)
    return FALSE;

  *kind = metric->kind;
  *unit = g_strdup (metric->unit);
  return TRUE;
}

static void
add_row (KoersHistoryWindow *self,
         KoersChange        *change)
{
  KoersChangeTextContext context = {
    .get_name = get_name_cb,
    .get_metric = get_metric_cb,
    .user_data = self,
    .subject_uuid = self->uuid,
  };
  gint64           at = koers_change_get_at (change);
  g_autofree char *day = koers_change_text_format_day (at);
  g_autofree char *clock = koers_change_text_format_clock (at);
  g_autofree char *sentence = koers_change_text_describe (change, &context);
  g_autofree char *details = NULL;
  g_autofree char *description = NULL;
  g_auto (GStrv) lines = koers_change_text_list_details (change, &context);
  GtkWidget *row;
  GtkWidget *time_label;

  if (self->last_group == NULL || g_strcmp0 (day, self->last_day) != 0)
    {
      self->last_group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->last_group), day);
      gtk_box_append (self->days_box, self->last_group);
      g_free (self->last_day);
      self->last_day = g_steal_pointer (&day);
    }

  row = adw_action_row_new ();
  /* Names, titles and notes are what people typed: not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sentence);
  if (lines[0] != NULL)
    {
      details = g_strjoinv ("\n", lines);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
    }

  time_label = gtk_label_new (clock);
  gtk_widget_add_css_class (time_label, "dim-label");
  gtk_widget_add_css_class (time_label, "numeric");
  gtk_widget_set_valign (time_label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (time_label, 12);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), time_label);

  /* A screen reader hears when as well as what. */
  description = details != NULL ? g_strconcat (clock, "\n", details, NULL) : g_strdup (clock);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->last_group), row);
}

static void
show_more (KoersHistoryWindow *self,
           guint               n)
{
  guint end = MIN (self->n_shown + n, self->changes->len);

  for (guint i = self->n_shown; i < end; i++)
    add_row (self, g_ptr_array_index (self->changes, i));
  self->n_shown = end;

  gtk_widget_set_visible (GTK_WIDGET (self->more_button), self->n_shown < self->changes->len);
}

static void
more_clicked_cb (KoersHistoryWindow *self)
{
  show_more (self, PAGE_SIZE);
}

static void
clear_rows (KoersHistoryWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->days_box))) != NULL)
    gtk_box_remove (self->days_box, child);

  self->last_group = NULL;
  g_clear_pointer (&self->last_day, g_free);
  self->n_shown = 0;
}

static void
reload (KoersHistoryWindow *self)
{
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (GError) error = NULL;
  guint wanted = MAX (self->n_shown, PAGE_SIZE);

  clear_rows (self);
  g_ptr_array_set_size (self->changes, 0);
  g_hash_table_remove_all (self->linked_names);

  changes = koers_store_list_changes (self->store, self->uuid, &error);
  if (changes == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_status_page_set_title (self->empty_page, _ ("Could Not Read the History"));
      /* The description is markup. */
      adw_status_page_set_description (self->empty_page, escaped);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  index_model (self);
  index_log (self, changes);

  /* Newest first. */
  for (guint i = changes->len; i > 0; i--)
    g_ptr_array_add (self->changes, g_object_ref (g_ptr_array_index (changes, i - 1)));

  show_more (self, wanted);
  gtk_stack_set_visible_child_name (self->stack, self->changes->len > 0 ? "list" : "empty");
}

static void
store_changed_cb (KoersHistoryWindow *self)
{
  koers_idle_queue (&self->reload_source, G_PRIORITY_DEFAULT_IDLE, (KoersIdleFunc) reload, self);
}

static void
koers_history_window_dispose (GObject *object)
{
  KoersHistoryWindow *self = KOERS_HISTORY_WINDOW (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);

  koers_widget_unfollow (self, &self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOERS_TYPE_HISTORY_WINDOW);
  self->last_group = NULL;
  g_clear_object (&self->subject);
  if (self->changes != NULL)
    g_ptr_array_set_size (self->changes, 0);
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->last_day, g_free);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->model_names, g_hash_table_unref);
  g_clear_pointer (&self->log_names, g_hash_table_unref);
  g_clear_pointer (&self->linked_names, g_hash_table_unref);
  g_clear_pointer (&self->model_metrics, g_hash_table_unref);
  g_clear_pointer (&self->log_metrics, g_hash_table_unref);

  G_OBJECT_CLASS (koers_history_window_parent_class)->dispose (object);
}

KOERS_DEFINE_TEMPLATE_CLASS_INIT (KoersHistoryWindow, koers_history_window, "history/koers-history-window.ui", KOERS_TEMPLATE_DIALOG | KOERS_TEMPLATE_ESCAPE_CLOSES, NULL, 0)

static void
koers_history_window_init (KoersHistoryWindow *self)
{
  koers_a11y_init_role (GTK_WIDGET (self));
  gtk_widget_init_template (GTK_WIDGET (self));

  self->changes = g_ptr_array_new_with_free_func (g_object_unref);
  self->model_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->log_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->linked_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->model_metrics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, metric_free);
  self->log_metrics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, metric_free);

  g_signal_connect_swapped (self->more_button, "clicked", G_CALLBACK (more_clicked_cb), self);
}

GtkWidget *
koers_history_window_new (GtkWindow  *parent,
                          KoersStore *store,
                          GObject    *subject)
{
  KoersHistoryWindow *self;
  g_autofree char    *title = NULL;
  g_autofree char    *isolated = NULL;
  g_autofree char    *window_title = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (KOERS_IS_OBJECTIVE (subject) || KOERS_IS_KEY_RESULT (subject), NULL);

  self = g_object_new (KOERS_TYPE_HISTORY_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->subject = g_object_ref (subject);
  /* Both kinds of subject have these properties. */
  g_object_get (subject, "uuid", &self->uuid, "title", &title, NULL);

  /* Translators: the title of the history window, as window lists and
   * screen readers name it: History of “Reduce churn to 3%”. */
  isolated = koers_text_isolate (title);
  window_title = g_strdup_printf (_ ("History of “%s”"), isolated);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, window_title,
                                  -1);
  /* AdwWindowTitle is plain text. */
  adw_window_title_set_subtitle (self->window_title, title != NULL ? title : "");

  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);

  return GTK_WIDGET (self);
}

KOERS_DEFINE_GETTER (KoersHistoryWindow, koers_history_window, KOERS_IS_HISTORY_WINDOW, const char *, uuid, NULL)

KOERS_DEFINE_GETTER (KoersHistoryWindow, koers_history_window, KOERS_IS_HISTORY_WINDOW, guint, n_shown, 0)
