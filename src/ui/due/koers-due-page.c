/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "checkins/koers-checkin-dialog.h"
#include "core/koers-date.h"
#include "core/koers-property.h"
#include "koers-due-page.h"
#include "kpis/koers-kpi-update-dialog.h"
#include "quality/koers-review-dialog.h"
#include "store/koers-store-rhythm.h"
#include "widgets/koers-form-util.h"
#include "widgets/koers-template.h"
#include "widgets/koers-toasts.h"

struct _KoersDuePage
{
  AdwBin parent_instance;

  KoersStore *store;
  GPtrArray  *items;
  KoersRhythm rhythm;
  GDate       today;
  /* The rows are made while the page is on screen only: off screen it
   * counts (the sidebar's badge) and names nothing twice in the
   * accessibility tree. */
  gboolean rows_stale;
  /* Writes come in bursts (a merge, another process's commit, a check-in
   * a second): at scale a refresh costs more than a frame, so it waits
   * for the burst to end (koers_due_page_schedule_refresh()). */
  guint refresh_source;

  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  AdwStatusPage   *empty_page;
  GtkLabel        *summary_label;
  GtkBox          *groups_box;
};

G_DEFINE_FINAL_TYPE (KoersDuePage, koers_due_page, ADW_TYPE_BIN)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersDuePage, toast_overlay),
  KOERS_TEMPLATE_CHILD (KoersDuePage, stack),
  KOERS_TEMPLATE_CHILD (KoersDuePage, empty_page),
  KOERS_TEMPLATE_CHILD (KoersDuePage, summary_label),
  KOERS_TEMPLATE_CHILD (KoersDuePage, groups_box),
};

enum
{
  PROP_0,
  PROP_N_DUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const weekday_names[] = {
  N_ ("Monday"),
  N_ ("Tuesday"),
  N_ ("Wednesday"),
  N_ ("Thursday"),
  N_ ("Friday"),
  N_ ("Saturday"),
  N_ ("Sunday"),
};

const char *
koers_due_get_weekday_name (GDateWeekday day)
{
  g_return_val_if_fail (day >= G_DATE_MONDAY && day <= G_DATE_SUNDAY, "");

  return _ (weekday_names[day - 1]);
}

char *
koers_due_describe_counts (const KoersDueCounts *counts)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (counts->n_key_results > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u key result waits for a check-in",
                                                       "%u key results wait for a check-in",
                                                       counts->n_key_results),
                                             counts->n_key_results));
  if (counts->n_kpis > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u KPI waits for a new value",
                                                       "%u KPIs wait for a new value", counts->n_kpis),
                                             counts->n_kpis));
  if (counts->n_reviews > 0)
    g_ptr_array_add (parts, g_strdup (_ ("The quarterly review is due")));
  g_ptr_array_add (parts, NULL);

  /* Translators: between the parts of "3 key results wait for a check-in; 1 KPI waits …". */
  return g_strjoinv (_ ("; "), (char **) parts->pdata);
}

static void
checkin_clicked_cb (GtkButton *button,
                    gpointer   user_data)
{
  KoersDuePage *self = KOERS_DUE_PAGE (user_data);
  KoersDueItem *item = g_object_get_data (G_OBJECT (button), "koers-due-item");

  switch (koers_due_item_get_kind (item))
    {
    case KOERS_DUE_KIND_KEY_RESULT:
      koers_checkin_dialog_present (GTK_WIDGET (self), self->store, koers_due_item_get_key_result (item), NULL);
      break;
    case KOERS_DUE_KIND_KPI:
      koers_kpi_update_dialog_present (GTK_WIDGET (self), self->store, koers_due_item_get_kpi (item));
      break;
    case KOERS_DUE_KIND_REVIEW:
      koers_form_present (GTK_WINDOW (koers_review_dialog_new (self->store, koers_due_item_get_period (item), 0)),
                          GTK_WIDGET (self));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* "Objective · last check-in 4 May 2026" */
static char *
describe_since (KoersDueItem *item)
{
  const char      *since = koers_due_item_get_since (item);
  g_autofree char *date = since != NULL ? koers_format_date_iso (koers_format_get_language (), since) : NULL;
  gboolean         kpi = koers_due_item_get_kind (item) == KOERS_DUE_KIND_KPI;

  if (date == NULL)
    return g_strdup (kpi ? _ ("No value yet") : _ ("No check-in yet"));

  /* Translators: %s is a date, such as “4 May 2026”. */
  return g_strdup_printf (kpi ? _ ("Last value %s") : _ ("Last check-in %s"), date);
}

static GtkWidget *
create_row (KoersDuePage *self,
            KoersDueItem *item)
{
  AdwActionRow    *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget       *button;
  g_autofree char *since = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;
  const char      *title;
  const char      *label;

  /* Titles are what people typed, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  switch (koers_due_item_get_kind (item))
    {
    case KOERS_DUE_KIND_KEY_RESULT:
      title = koers_key_result_get_title (koers_due_item_get_key_result (item));
      since = describe_since (item);
      subtitle = g_strdup_printf ("%s · %s", koers_objective_get_title (koers_due_item_get_objective (item)), since);
      label = _ ("_Check In");
      /* Translators: a button's accessible name; %s is a key result. */
      name = g_strdup_printf (_ ("Check in on %s"), title);
      break;
    case KOERS_DUE_KIND_KPI:
      title = koers_kpi_get_name (koers_due_item_get_kpi (item));
      subtitle = describe_since (item);
      label = _ ("_Update");
      /* Translators: a button's accessible name; %s is a KPI. */
      name = g_strdup_printf (_ ("Enter a new value of %s"), title);
      break;
    default:
      {
        guint            n = koers_due_item_get_n_objectives (item);
        g_autofree char *period = koers_format_period (koers_format_get_language (), koers_due_item_get_period (item));

        /* Translators: %s is a quarter, such as “Q2 2026”. */
        name = g_strdup_printf (_ ("Quarterly review of %s"), period);
        title = name;
        subtitle = g_strdup_printf (ngettext ("%u objective waits for its review",
                                              "%u objectives wait for their review", n),
                                    n);
        label = _ ("_Start Review");
      }
      break;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);

  if (koers_due_item_get_late (item))
    {
      GtkWidget *late = gtk_label_new (_ ("Late"));

      gtk_widget_set_valign (late, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (late, "warning");
      adw_action_row_add_suffix (row, late);
    }

  button = gtk_button_new_with_mnemonic (label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (button), "koers-due-item", g_object_ref (item), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (checkin_clicked_cb), self, 0);
  adw_action_row_add_suffix (row, button);

  return GTK_WIDGET (row);
}

static const char *
find_department_name (KoersDuePage *self,
                      gint64        id)
{
  KoersDepartment *dept = koers_store_find_department (self->store, id);

  return dept != NULL ? koers_department_get_name (dept) : "";
}

/* A heading ("Sales · Anna Peeters") and the boxed list after it. */
static GtkListBox *
add_group (KoersDuePage *self,
           KoersDueItem *item)
{
  const char      *owner = koers_due_item_get_owner (item);
  g_autofree char *heading = NULL;
  GtkWidget       *label;
  GtkWidget       *list;

  if (koers_due_item_get_kind (item) == KOERS_DUE_KIND_REVIEW)
    heading = g_strdup (_ ("Quarterly Review"));
  else
    heading = g_strdup_printf ("%s · %s", find_department_name (self, koers_due_item_get_department_id (item)),
                               *owner != '\0' ? owner : _ ("No owner"));

  label = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (self->groups_box, label);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  gtk_box_append (self->groups_box, list);

  return GTK_LIST_BOX (list);
}

static gboolean
same_group (KoersDueItem *a,
            KoersDueItem *b)
{
  return a != NULL && koers_due_item_get_kind (a) != KOERS_DUE_KIND_REVIEW &&
         koers_due_item_get_kind (b) != KOERS_DUE_KIND_REVIEW &&
         koers_due_item_get_department_id (a) == koers_due_item_get_department_id (b) &&
         g_strcmp0 (koers_due_item_get_owner (a), koers_due_item_get_owner (b)) == 0;
}

static void
show_items (KoersDuePage      *self,
            const KoersRhythm *rhythm,
            const GDate       *today)
{
  GtkWidget       *child;
  GtkListBox      *list = NULL;
  KoersDueItem    *previous = NULL;
  KoersDueCounts   counts;
  GDate            day;
  g_autofree char *date = NULL;
  g_autofree char *counts_text = NULL;
  g_autofree char *summary = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);

  koers_due_get_last_checkin_day (rhythm, today, &day);
  date = koers_format_date (koers_format_get_language (), &day);
  koers_due_count (self->items, &counts);
  counts_text = koers_due_describe_counts (&counts);
  /* Translators: the first %s is a weekday, the second a date: “Monday 11 May 2026”. */
  summary = g_strdup_printf (_ ("Since the check-in day, %s %s"), koers_due_get_weekday_name (g_date_get_weekday (&day)),
                             date);

  if (self->items->len == 0)
    {
      adw_status_page_set_description (self->empty_page, summary);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  {
    g_autofree char *text = g_strdup_printf ("%s: %s", summary, counts_text);

    gtk_label_set_text (self->summary_label, text);
  }

  for (guint i = 0; i < self->items->len; i++)
    {
      KoersDueItem *item = g_ptr_array_index (self->items, i);

      if (list == NULL || !same_group (previous, item))
        list = add_group (self, item);
      gtk_list_box_append (list, create_row (self, item));
      previous = item;
    }
  gtk_stack_set_visible_child_name (self->stack, "list");
}

void
koers_due_page_refresh (KoersDuePage *self)
{
  g_autoptr (GError) error = NULL;
  KoersRhythm rhythm;
  KoersPeriod quarter;
  GDate       today;
  guint       before;

  g_return_if_fail (KOERS_IS_DUE_PAGE (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  koers_date_today (&today);
  koers_period_init_for_date (&quarter, &today);
  /* Today's quarter, whichever period the window shows (once). */
  if (!koers_store_load_period (self->store, &quarter, &error) ||
      !koers_store_read_rhythm (self->store, &rhythm, &error))
    {
      koers_toasts_show_error (GTK_WIDGET (self->toast_overlay), error);
      koers_rhythm_init (&rhythm);
    }

  before = self->items != NULL ? self->items->len : G_MAXUINT;
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = koers_store_collect_due (self->store, &rhythm, &today);
  self->rhythm = rhythm;
  self->today = today;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    show_items (self, &self->rhythm, &self->today);
  else
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
        gtk_box_remove (self->groups_box, child);
      self->rows_stale = TRUE;
    }

  if (before != self->items->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DUE]);
}

static gboolean
refresh_cb (gpointer user_data)
{
  KoersDuePage *self = user_data;

  self->refresh_source = 0;
  koers_due_page_refresh (self);
  return G_SOURCE_REMOVE;
}

/* A refresh walks the quarter's key results and, on screen, makes every
 * row again.  With a small company (the demo has a few dozen objectives)
 * it fits in a millisecond and follows each write at once.  At scale (750
 * objectives a quarter, bench-scale's company) it costs more than a frame:
 * it runs once, REFRESH_DELAY_MS after the write that starts a burst, so
 * the frame that shows the write is not held up and a burst (a merge,
 * another process's commits) costs one refresh.  Counted, not timed, so a
 * slow machine does not change what happens. */
#define REFRESH_AT_ONCE_MAX_OBJECTIVES 300
#define REFRESH_DELAY_MS 400

static void
koers_due_page_schedule_refresh (KoersDuePage *self)
{
  if (g_list_model_get_n_items (koers_store_get_objectives (self->store)) <= REFRESH_AT_ONCE_MAX_OBJECTIVES)
    {
      koers_due_page_refresh (self);
      return;
    }
  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add_full (G_PRIORITY_LOW, REFRESH_DELAY_MS, refresh_cb, self, NULL);
}

guint
koers_due_page_get_n_due (KoersDuePage *self)
{
  g_return_val_if_fail (KOERS_IS_DUE_PAGE (self), 0);

  return self->items != NULL ? self->items->len : 0;
}

/* The n-due property's value: the page counts its items. */
static void
get_n_due (GObject *object,
           GValue  *value)
{
  g_value_set_uint (value, koers_due_page_get_n_due (KOERS_DUE_PAGE (object)));
}

static const KoersProperty property_table[] = {
  { "n-due", KOERS_PROPERTY_UINT, 0, .read_only = TRUE, .get = get_n_due },
};

static void
koers_due_page_map (GtkWidget *widget)
{
  KoersDuePage *self = KOERS_DUE_PAGE (widget);

  if (self->rows_stale && self->items != NULL)
    {
      self->rows_stale = FALSE;
      show_items (self, &self->rhythm, &self->today);
    }

  GTK_WIDGET_CLASS (koers_due_page_parent_class)->map (widget);
}

static void
koers_due_page_dispose (GObject *object)
{
  KoersDuePage *self = KOERS_DUE_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (koers_due_page_parent_class)->dispose (object);
}

static void
koers_due_page_class_init (KoersDuePageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koers_due_page_dispose;
  widget_class->map = koers_due_page_map;

  koers_property_install (object_class, property_table, N_PROPS - 1, properties);

  koers_template_init_class (widget_class, "due/koers-due-page.ui", 0,
                             KOERS_TEMPLATE_TABLE (template_children), NULL, 0);
}

static void
koers_due_page_init (KoersDuePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
koers_due_page_new (KoersStore *store)
{
  KoersDuePage *self;

  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);

  self = g_object_new (KOERS_TYPE_DUE_PAGE, NULL);
  self->store = g_object_ref (store);
  /* Every write (a check-in, a value, a review, the rhythm) and other
   * processes' writes: the list follows at once. */
  g_signal_connect_object (store, "changed", G_CALLBACK (koers_due_page_schedule_refresh), self, G_CONNECT_SWAPPED);
  koers_due_page_refresh (self);

  return GTK_WIDGET (self);
}
