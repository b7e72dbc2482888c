/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-date.h"
#include "core/koers-format.h"
#include "core/koers-property.h"
#include "core/koers-quality.h"
#include "core/koers-text.h"
#include "store/koers-store-review.h"
#include "widgets/koers-form-util.h"
#include "widgets/koers-idle.h"
#include "widgets/koers-template.h"
#include "widgets/koers-toasts.h"
#include "widgets/koers-widget-properties.h"
#include "koers-quality-mark.h"
#include "koers-quality-page.h"

/* The key of the finding a Dismiss or Restore button acts on. */
#define FINDING_KEY "koers-finding-key"

struct _KoersQualityPage
{
  AdwBin parent_instance;

  KoersStore *store;
  KoersPeriod period;
  gboolean    show_dismissed;
  GListModel *findings;
  guint       n_open;     /* the findings not dismissed */
  gboolean    rows_stale; /* findings changed while the page was not on screen */
  guint       refresh_id; /* a check waiting for writes to pause */

  AdwToastOverlay *toast_overlay;
  GtkLabel        *heading_label;
  GtkLabel        *summary_label;
  GtkCheckButton  *show_dismissed_button;
  AdwStatusPage   *empty_page;
  GtkBox          *groups_box;
};

G_DEFINE_FINAL_TYPE (KoersQualityPage, koers_quality_page, ADW_TYPE_BIN)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersQualityPage, toast_overlay),
  KOERS_TEMPLATE_CHILD (KoersQualityPage, heading_label),
  KOERS_TEMPLATE_CHILD (KoersQualityPage, summary_label),
  KOERS_TEMPLATE_CHILD (KoersQualityPage, show_dismissed_button),
  KOERS_TEMPLATE_CHILD (KoersQualityPage, empty_page),
  KOERS_TEMPLATE_CHILD (KoersQualityPage, groups_box),
};

#define STORE_CHANGE_DELAY_MS 300

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SHOW_DISMISSED,
  PROP_N_OPEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of the property ids above; the page sets the last two
 * (koers_quality_page_set_show_dismissed(), the check). */
static const KoersProperty property_table[] = {
  KOERS_PROPERTY_CONSTRUCT_OBJECT ("store", KoersQualityPage, store, koers_store_get_type),
  { "show-dismissed", KOERS_PROPERTY_BOOLEAN, G_STRUCT_OFFSET (KoersQualityPage, show_dismissed),
    .read_only = TRUE },
  { "n-open", KOERS_PROPERTY_UINT, G_STRUCT_OFFSET (KoersQualityPage, n_open), .read_only = TRUE },
};

static void refresh (KoersQualityPage *self);

/* Where a finding points: the period for a department finding, else the
 * objective and key result titles. */
static char *
describe_where (KoersQualityPage    *self,
                KoersQualityFinding *finding,
                KoersLanguage        lang)
{
  KoersObjective  *objective = koers_store_find_objective (self->store,
                                                           koers_quality_finding_get_objective_id (finding));
  KoersKeyResult  *kr = koers_store_find_key_result (self->store,
                                                     koers_quality_finding_get_key_result_id (finding));
  g_autofree char *objective_title = NULL;
  g_autofree char *kr_title = NULL;

  if (objective == NULL)
    return koers_format_period (lang, &self->period);
  if (kr == NULL)
    return g_strdup (koers_objective_get_title (objective));

  objective_title = koers_text_isolate (koers_objective_get_title (objective));
  kr_title = koers_text_isolate (koers_key_result_get_title (kr));
  return g_strdup_printf ("%s › %s", objective_title, kr_title);
}

static void
undo_dismiss_cb (AdwToast         *toast,
                 KoersQualityPage *self)
{
  const char *key = g_object_get_data (G_OBJECT (toast), FINDING_KEY);
  g_autoptr (GError) error = NULL;

  if (self->store != NULL && !koers_store_undismiss_finding (self->store, key, &error))
    koers_toasts_show_error (GTK_WIDGET (self->toast_overlay), error);
  else
    refresh (self);
}

static void
dismiss_clicked_cb (GtkButton        *button,
                    KoersQualityPage *self)
{
  g_autofree char *key = g_strdup (g_object_get_data (G_OBJECT (button), FINDING_KEY));
  g_autoptr (GError) error = NULL;
  AdwToast *toast;

  /* What the person did here shows at once (the list is rebuilt, this
   * button included); other writes wait for a pause. */
  if (!koers_store_dismiss_finding (self->store, key, &error))
    {
      koers_toasts_show_error (GTK_WIDGET (self->toast_overlay), error);
      return;
    }
  refresh (self);

  toast = adw_toast_new (_ ("Finding dismissed"));
  adw_toast_set_button_label (toast, _ ("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), FINDING_KEY, g_steal_pointer (&key), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_dismiss_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
restore_clicked_cb (GtkButton        *button,
                    KoersQualityPage *self)
{
  g_autofree char *key = g_strdup (g_object_get_data (G_OBJECT (button), FINDING_KEY));
  g_autoptr (GError) error = NULL;

  if (!koers_store_undismiss_finding (self->store, key, &error))
    koers_toasts_show_error (GTK_WIDGET (self->toast_overlay), error);
  else
    refresh (self);
}

static GtkWidget *
create_finding_row (KoersQualityPage    *self,
                    KoersQualityFinding *finding)
{
  KoersLanguage        lang = koers_format_get_language ();
  KoersQualitySeverity severity = koers_quality_finding_get_severity (finding);
  gboolean             dismissed = koers_quality_finding_get_dismissed (finding);
  const char          *message = koers_quality_finding_get_message (finding, lang);
  const char          *hint = koers_quality_finding_get_hint (finding, lang);
  g_autofree char     *where = describe_where (self, finding, lang);
  g_autofree char     *subtitle = g_strdup_printf ("%s · %s", koers_quality_finding_get_title (finding, lang), where);
  g_autofree char     *explanation = NULL;
  g_autofree char     *button_name = NULL;
  GtkWidget           *row = adw_expander_row_new ();
  GtkWidget           *icon = gtk_image_new_from_icon_name (koers_quality_mark_get_severity_icon (severity));
  GtkWidget           *button;
  GtkWidget           *label;

  /* Titles people typed are not markup. */
  koers_form_set_plain_title (row, message);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  if (dismissed)
    gtk_widget_add_css_class (row, "dim-label");

  gtk_widget_add_css_class (icon, koers_quality_mark_get_severity_css_class (severity));
  gtk_widget_set_tooltip_text (icon, koers_quality_severity_get_label (severity, lang));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  koers_quality_severity_get_label (severity, lang), -1);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);

  button = gtk_button_new_with_mnemonic (dismissed ? _ ("_Restore") : _ ("_Dismiss"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  button_name = g_strdup_printf (dismissed ? _ ("Restore: %s") : _ ("Dismiss: %s"), message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, button_name, -1);
  g_object_set_data_full (G_OBJECT (button), FINDING_KEY,
                          g_strdup (koers_quality_finding_get_key (finding)), g_free);
  g_signal_connect_object (button, "clicked",
                           G_CALLBACK (dismissed ? restore_clicked_cb : dismiss_clicked_cb), self, 0);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);

  explanation = hint[0] != '\0'
                  ? g_strdup_printf ("%s\n\n%s", koers_quality_finding_get_explanation (finding, lang), hint)
                  : g_strdup (koers_quality_finding_get_explanation (finding, lang));
  label = gtk_label_new (explanation);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  koers_form_set_margins (label, 12, 12);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), label);

  return row;
}

static GtkWidget *
create_group (KoersQualityPage *self,
              gint64            department_id,
              GtkWidget       **list_out)
{
  KoersDepartment *dept = koers_store_find_department (self->store, department_id);
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget       *heading = gtk_label_new (dept != NULL ? koers_department_get_name (dept) : "");
  GtkWidget       *list = gtk_list_box_new ();

  gtk_label_set_use_markup (GTK_LABEL (heading), FALSE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), list);
  *list_out = list;
  return box;
}

static void
update_summary (KoersQualityPage *self,
                guint             n_errors,
                guint             n_warnings,
                guint             n_infos,
                guint             n_dismissed)
{
  KoersLanguage    lang = koers_format_get_language ();
  g_autofree char *period = koers_format_period (lang, &self->period);
  g_autofree char *heading = g_strdup_printf (_ ("OKR Check, %s"), period);
  g_autofree char *errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", n_errors), n_errors);
  g_autofree char *warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", n_warnings),
                                               n_warnings);
  g_autofree char *infos = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", n_infos), n_infos);
  g_autofree char *dismissed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dismissed", "%u dismissed",
                                                             n_dismissed),
                                                n_dismissed);
  g_autofree char *summary = g_strjoin (" · ", errors, warnings, infos, dismissed, NULL);

  gtk_label_set_text (self->heading_label, heading);
  gtk_label_set_text (self->summary_label, summary);
}

/* The rows of the findings shown, one group per department (the check
 * orders findings by department). */
static void
build_rows (KoersQualityPage *self)
{
  GtkWidget *child;
  GtkWidget *list = NULL;
  gint64     group_department = -1;
  guint      n = self->findings != NULL ? g_list_model_get_n_items (self->findings) : 0;

  self->rows_stale = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersQualityFinding) finding = g_list_model_get_item (self->findings, i);
      gint64 department_id = koers_quality_finding_get_department_id (finding);

      if (department_id != group_department)
        {
          gtk_box_append (self->groups_box, create_group (self, department_id, &list));
          group_department = department_id;
        }
      gtk_list_box_append (GTK_LIST_BOX (list), create_finding_row (self, finding));
    }
}

static void
refresh (KoersQualityPage *self)
{
  KoersQualityInput input;
  g_autoptr (GListModel) all = NULL;
  GListStore *shown = g_list_store_new (KOERS_TYPE_QUALITY_FINDING);

  KoersQualityCounts counts;
  guint              n;

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  if (self->store == NULL)
    {
      g_set_object (&self->findings, G_LIST_MODEL (shown));
      g_object_unref (shown);
      build_rows (self);
      return;
    }

  koers_store_init_quality_input (self->store, &input, &self->period);
  input.include_dismissed = TRUE;
  all = koers_quality_check (&input);
  counts = koers_quality_count (all);
  n = g_list_model_get_n_items (all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersQualityFinding) finding = g_list_model_get_item (all, i);

      if (self->show_dismissed || !koers_quality_finding_get_dismissed (finding))
        g_list_store_append (shown, finding);
    }

  g_clear_object (&self->findings);
  self->findings = G_LIST_MODEL (shown);

  /* The check is quick, the rows are not: a page kept out of sight (the
   * window's, for its count of open findings) builds them when shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    build_rows (self);
  else
    self->rows_stale = TRUE;

  update_summary (self, counts.by_severity[KOERS_QUALITY_SEVERITY_ERROR],
                  counts.by_severity[KOERS_QUALITY_SEVERITY_WARNING],
                  counts.by_severity[KOERS_QUALITY_SEVERITY_INFO], counts.n_dismissed);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), g_list_model_get_n_items (self->findings) == 0);
  self->n_open = 0;
  for (guint i = 0; i < G_N_ELEMENTS (counts.by_severity); i++)
    self->n_open += counts.by_severity[i];
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OPEN]);
}

/* The check reads the whole period: once when a burst of writes (typing
 * a title, another process's import) pauses, not in the frame that shows
 * the write. */
static void
store_changed_cb (KoersQualityPage *self)
{
  koers_idle_queue_after_pause (&self->refresh_id, STORE_CHANGE_DELAY_MS, (KoersIdleFunc) refresh, self);
}

static void
show_dismissed_toggled_cb (KoersQualityPage *self)
{
  koers_quality_page_set_show_dismissed (self, gtk_check_button_get_active (self->show_dismissed_button));
}

static void
koers_quality_page_map (GtkWidget *widget)
{
  KoersQualityPage *self = KOERS_QUALITY_PAGE (widget);

  if (self->rows_stale)
    build_rows (self);

  GTK_WIDGET_CLASS (koers_quality_page_parent_class)->map (widget);
}

static void
koers_quality_page_constructed (GObject *object)
{
  KoersQualityPage *self = KOERS_QUALITY_PAGE (object);

  G_OBJECT_CLASS (koers_quality_page_parent_class)->constructed (object);

  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  refresh (self);
}

static void
koers_quality_page_dispose (GObject *object)
{
  KoersQualityPage *self = KOERS_QUALITY_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* The bin's child is a template child: let the bin let go of it first,
   * or it would unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KOERS_TYPE_QUALITY_PAGE);
  g_clear_object (&self->findings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (koers_quality_page_parent_class)->dispose (object);
}

static const KoersTemplateCallback template_callbacks[] = {
  KOERS_TEMPLATE_CALLBACK (show_dismissed_toggled_cb),
};

static void
koers_quality_page_class_init (KoersQualityPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = koers_quality_page_constructed;
  object_class->dispose = koers_quality_page_dispose;
  widget_class->map = koers_quality_page_map;

  koers_property_install (object_class, property_table, N_PROPS - 1, properties);

  koers_template_init_class (widget_class, "quality/koers-quality-page.ui", 0,
                             KOERS_TEMPLATE_TABLE (template_children), KOERS_TEMPLATE_TABLE (template_callbacks));
}

static void
koers_quality_page_init (KoersQualityPage *self)
{
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));

  koers_date_today (&today);
  koers_period_init_for_date (&self->period, &today);
}

GtkWidget *
koers_quality_page_new (KoersStore *store)
{
  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);

  return g_object_new (KOERS_TYPE_QUALITY_PAGE, "store", store, NULL);
}

void
koers_quality_page_set_period (KoersQualityPage  *self,
                               const KoersPeriod *period)
{
  g_return_if_fail (KOERS_IS_QUALITY_PAGE (self));

  if (!koers_widget_replace_period (&self->period, period))
    return;

  /* After the frame that shows the new period: the check of a whole
   * period is not what the person waits for first. */
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  koers_idle_queue (&self->refresh_id, G_PRIORITY_LOW, (KoersIdleFunc) refresh, self);
}

KOERS_DEFINE_GETTER (KoersQualityPage, koers_quality_page, KOERS_IS_QUALITY_PAGE, gboolean, show_dismissed, FALSE)

void
koers_quality_page_set_show_dismissed (KoersQualityPage *self,
                                       gboolean          show_dismissed)
{
  g_return_if_fail (KOERS_IS_QUALITY_PAGE (self));

  show_dismissed = !!show_dismissed;
  if (self->show_dismissed == show_dismissed)
    return;

  self->show_dismissed = show_dismissed;
  gtk_check_button_set_active (self->show_dismissed_button, show_dismissed);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_DISMISSED]);
}

KOERS_DEFINE_GETTER (KoersQualityPage, koers_quality_page, KOERS_IS_QUALITY_PAGE, GListModel *, findings, NULL)

guint
koers_quality_page_get_n_open (KoersQualityPage *self)
{
  g_return_val_if_fail (KOERS_IS_QUALITY_PAGE (self), 0);

  return self->n_open;
}