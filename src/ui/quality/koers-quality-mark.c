/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-format.h"
#include "core/koers-quality.h"
#include "core/koers-text.h"
#include "store/koers-store-review.h"
#include "koers-quality-mark.h"
#include "widgets/koers-form-util.h"
#include "widgets/koers-toasts.h"
#include "widgets/koers-widget-properties.h"

/* The finding key a Dismiss button or an Undo toast acts on. */
#define FINDING_KEY "koers-finding-key"
#define FINDING_STORE "koers-finding-store"

struct _KoersQualityMark
{
  AdwBin parent_instance;

  KoersQualityMarks *marks;
  KoersObjective    *objective;
  char              *text;

  GtkWidget *button;
  GtkWidget *icon;
  GtkWidget *label;
  GtkWidget *popover;
  GtkWidget *scrolled;
};

G_DEFINE_FINAL_TYPE (KoersQualityMark, koers_quality_mark, ADW_TYPE_BIN)

static const char *const severity_classes[] = { "accent", "warning", "error" };

static GPtrArray *
get_findings (KoersQualityMark *self)
{
  if (self->marks == NULL || self->objective == NULL)
    return NULL;

  return koers_quality_marks_get_findings (self->marks, koers_objective_get_id (self->objective));
}

static void
undo_dismiss_cb (AdwToast        *toast,
                 AdwToastOverlay *overlay)
{
  KoersStore *store = g_object_get_data (G_OBJECT (toast), FINDING_STORE);
  const char *key = g_object_get_data (G_OBJECT (toast), FINDING_KEY);
  g_autoptr (GError) error = NULL;

  if (!koers_store_undismiss_finding (store, key, &error))
    koers_toasts_show_error (GTK_WIDGET (overlay), error);
}

static void
dismiss_clicked_cb (GtkButton        *button,
                    KoersQualityMark *self)
{
  g_autofree char *key = g_strdup (g_object_get_data (G_OBJECT (button), FINDING_KEY));
  KoersStore      *store = self->marks != NULL ? koers_quality_marks_get_store (self->marks) : NULL;
  AdwToastOverlay *overlay;
  g_autoptr (GError) error = NULL;
  AdwToast *toast;

  if (store == NULL)
    return;

  /* A new check, in an idle after this handler, rebuilds the popover
   * without this button. */
  if (!koers_store_dismiss_finding (store, key, &error))
    {
      koers_toasts_show_error (GTK_WIDGET (self), error);
      return;
    }
  koers_quality_marks_check_soon (self->marks);

  overlay = koers_toasts_find_overlay (GTK_WIDGET (self));
  if (overlay == NULL)
    return;

  toast = adw_toast_new (_ ("Finding dismissed"));
  adw_toast_set_button_label (toast, _ ("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), FINDING_KEY, g_steal_pointer (&key), g_free);
  g_object_set_data_full (G_OBJECT (toast), FINDING_STORE, g_object_ref (store), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_dismiss_cb), overlay, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}

static GtkWidget *
create_wrapped_label (const char *text,
                      const char *css_class)
{
  GtkWidget *label = koers_form_new_text_label (text, css_class);

  /* A popover's width. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  return label;
}

const char *
koers_quality_mark_get_severity_icon (KoersQualitySeverity severity)
{
  switch (severity)
    {
    case KOERS_QUALITY_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case KOERS_QUALITY_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case KOERS_QUALITY_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

const char *
koers_quality_mark_get_severity_css_class (KoersQualitySeverity severity)
{
  g_return_val_if_fail (severity < G_N_ELEMENTS (severity_classes), severity_classes[0]);

  return severity_classes[severity];
}

static GtkWidget *
create_finding_box (KoersQualityMark    *self,
                    KoersQualityFinding *finding,
                    KoersLanguage        lang)
{
  KoersQualitySeverity severity = koers_quality_finding_get_severity (finding);
  const char          *message = koers_quality_finding_get_message (finding, lang);
  const char          *hint = koers_quality_finding_get_hint (finding, lang);
  gint64               kr_id = koers_quality_finding_get_key_result_id (finding);
  KoersStore          *store = koers_quality_marks_get_store (self->marks);
  GtkWidget           *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget           *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget           *icon = gtk_image_new_from_icon_name (koers_quality_mark_get_severity_icon (severity));
  GtkWidget           *severity_label = gtk_label_new (koers_quality_severity_get_label (severity, lang));
  GtkWidget           *rule_label = create_wrapped_label (koers_quality_finding_get_title (finding, lang), "dim-label");
  GtkWidget           *button = gtk_button_new_with_mnemonic (_ ("_Dismiss"));
  g_autofree char     *button_name = NULL;

  gtk_widget_add_css_class (box, "quality-finding");

  /* The severity in words next to its icon: colour is never all. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  koers_quality_severity_get_label (severity, lang), -1);
  gtk_widget_add_css_class (icon, severity_classes[severity]);
  gtk_widget_add_css_class (severity_label, severity_classes[severity]);
  gtk_widget_add_css_class (severity_label, "heading");
  gtk_widget_set_hexpand (rule_label, TRUE);
  gtk_box_append (GTK_BOX (heading), icon);
  gtk_box_append (GTK_BOX (heading), severity_label);
  gtk_box_append (GTK_BOX (heading), rule_label);
  gtk_box_append (GTK_BOX (box), heading);

  if (kr_id != 0 && store != NULL && koers_store_find_key_result (store, kr_id) != NULL)
    {
      /* Translators: which key result a finding is about. */
      g_autofree char *title = koers_text_isolate (koers_key_result_get_title (koers_store_find_key_result (store, kr_id)));
      g_autofree char *where = g_strdup_printf (_ ("Key result: %s"), title);

      gtk_box_append (GTK_BOX (box), create_wrapped_label (where, "caption-heading"));
    }

  gtk_box_append (GTK_BOX (box), create_wrapped_label (message, NULL));
  gtk_box_append (GTK_BOX (box),
                  create_wrapped_label (koers_quality_finding_get_explanation (finding, lang), "dim-label"));
  if (hint != NULL && *hint != '\0')
    gtk_box_append (GTK_BOX (box), create_wrapped_label (hint, "caption"));

  /* "Dismiss: <message>": which of the listed findings it dismisses. */
  button_name = g_strdup_printf (_ ("Dismiss: %s"), message);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, button_name, -1);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), FINDING_KEY,
                          g_strdup (koers_quality_finding_get_key (finding)), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (dismiss_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

static void
fill_popover (KoersQualityMark *self)
{
  GPtrArray    *findings = get_findings (self);
  KoersLanguage lang = koers_format_get_language ();
  GtkWidget    *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_widget_add_css_class (box, "quality-findings");
  /* The worst first; within a severity, the check's order. */
  for (int severity = KOERS_QUALITY_SEVERITY_ERROR; severity >= KOERS_QUALITY_SEVERITY_INFO; severity--)
    for (guint i = 0; findings != NULL && i < findings->len; i++)
      if ((int) koers_quality_finding_get_severity (findings->pdata[i]) == severity)
        gtk_box_append (GTK_BOX (box), create_finding_box (self, findings->pdata[i], lang));

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), box);
}

/* Made when it first opens: a card that is only scrolled past makes none. */
static void
ensure_popover (KoersQualityMark *self)
{
  if (self->popover != NULL)
    return;

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (self->scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scrolled), 440);
  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), self->scrolled);
  gtk_widget_add_css_class (self->popover, "quality-popover");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), self->popover);
}

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  KoersQualityMark *self = KOERS_QUALITY_MARK (user_data);

  /* Filled as it opens, with the findings of now. */
  ensure_popover (self);
  fill_popover (self);
}

static void
update (KoersQualityMark *self)
{
  GPtrArray           *findings = get_findings (self);
  KoersLanguage        lang = koers_format_get_language ();
  KoersQualitySeverity worst = KOERS_QUALITY_SEVERITY_INFO;
  const char          *severity;
  g_autofree char     *name = NULL;

  g_clear_pointer (&self->text, g_free);

  if (findings == NULL || findings->len == 0)
    {
      if (self->popover != NULL && gtk_widget_get_visible (self->popover))
        gtk_popover_popdown (GTK_POPOVER (self->popover));
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  for (guint i = 0; i < findings->len; i++)
    worst = MAX (worst, koers_quality_finding_get_severity (findings->pdata[i]));
  severity = koers_quality_severity_get_label (worst, lang);

  if (findings->len == 1)
    self->text = g_strdup (severity);
  else
    /* Translators: the worst severity and how many findings: "Warning (3)". */
    self->text = g_strdup_printf (_ ("%s (%u)"), severity, findings->len);

  gtk_label_set_text (GTK_LABEL (self->label), self->text);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), koers_quality_mark_get_severity_icon (worst));
  for (guint i = 0; i < G_N_ELEMENTS (severity_classes); i++)
    {
      if (i == (guint) worst)
        gtk_widget_add_css_class (self->button, severity_classes[i]);
      else
        gtk_widget_remove_css_class (self->button, severity_classes[i]);
    }

  /* Translators: %u findings of the OKR check, %s the worst severity. */
  name = g_strdup_printf (ngettext ("OKR check: %u finding, worst: %s",
                                    "OKR check: %u findings, worst: %s", findings->len),
                          findings->len, severity);
  gtk_widget_set_tooltip_text (self->button, name);
  /* The menu button's toggle takes its name from the menu button. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  if (self->popover != NULL && gtk_widget_get_visible (self->popover))
    fill_popover (self);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

static void
koers_quality_mark_dispose (GObject *object)
{
  KoersQualityMark *self = KOERS_QUALITY_MARK (object);

  koers_widget_unfollow (self, &self->marks);
  g_clear_object (&self->objective);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (koers_quality_mark_parent_class)->dispose (object);
}

static void
koers_quality_mark_class_init (KoersQualityMarkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = koers_quality_mark_dispose;
}

static void
koers_quality_mark_init (KoersQualityMark *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  self->icon = gtk_image_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  self->label = gtk_label_new (NULL);
  gtk_box_append (GTK_BOX (content), self->icon);
  gtk_box_append (GTK_BOX (content), self->label);

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->button), content);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->button), create_popup_cb, self, NULL);
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->button, "quality-mark");
  gtk_widget_add_css_class (self->button, "flat");
  adw_bin_set_child (ADW_BIN (self), self->button);

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
koers_quality_mark_new (void)
{
  return g_object_new (KOERS_TYPE_QUALITY_MARK, NULL);
}

void
koers_quality_mark_set_marks (KoersQualityMark  *self,
                              KoersQualityMarks *marks)
{
  g_return_if_fail (KOERS_IS_QUALITY_MARK (self));
  g_return_if_fail (marks == NULL || KOERS_IS_QUALITY_MARKS (marks));

  if (koers_widget_follow (self, &self->marks, marks, "changed", G_CALLBACK (update)))
    update (self);
}

void
koers_quality_mark_set_objective (KoersQualityMark *self,
                                  KoersObjective   *objective)
{
  g_return_if_fail (KOERS_IS_QUALITY_MARK (self));
  g_return_if_fail (objective == NULL || KOERS_IS_OBJECTIVE (objective));

  if (g_set_object (&self->objective, objective))
    update (self);
}

const char *
koers_quality_mark_get_text (KoersQualityMark *self)
{
  g_return_val_if_fail (KOERS_IS_QUALITY_MARK (self), NULL);

  return self->text != NULL ? self->text : "";
}

GtkPopover *
koers_quality_mark_get_popover (KoersQualityMark *self)
{
  g_return_val_if_fail (KOERS_IS_QUALITY_MARK (self), NULL);

  ensure_popover (self);
  return GTK_POPOVER (self->popover);
}

void
koers_quality_mark_popup (KoersQualityMark *self)
{
  g_return_if_fail (KOERS_IS_QUALITY_MARK (self));

  gtk_menu_button_popup (GTK_MENU_BUTTON (self->button));
}
