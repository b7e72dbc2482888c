/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "core/koers-author.h"
#include "store/koers-store-rhythm.h"
#include "koers-preferences-window.h"
#include "koers-window.h"
#include "server/koers-server-page.h"
#include "store/koers-store-capacity.h"
#include "widgets/koers-a11y.h"
#include "widgets/koers-chooser.h"
#include "widgets/koers-template.h"
#include "widgets/koers-widget-properties.h"

struct _KoersPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  KoersStore *store;
  GSettings  *settings;
  char       *running_language;
  AdwToast   *restart_toast;

  AdwEntryRow          *organisation_row;
  AdwEntryRow          *days_per_fte_row;
  AdwPreferencesGroup  *author_group;
  AdwEntryRow          *author_row;
  AdwComboRow          *language_row;
  AdwComboRow          *checkin_day_row;
  GtkSpinButton        *late_spin;
  GtkSwitch            *remind_switch;
  AdwActionRow         *dashboard_row;
  GtkWidget            *dashboard_clear_button;
  GtkFileChooserNative *dashboard_chooser;
};

G_DEFINE_FINAL_TYPE (KoersPreferencesWindow, koers_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The children of the template that the fields above hold. */
static const KoersTemplateChild template_children[] = {
  KOERS_TEMPLATE_CHILD (KoersPreferencesWindow, organisation_row),
  KOERS_TEMPLATE_CHILD (KoersPreferencesWindow, author_group),
  KOERS_TEMPLATE_CHILD (KoersPreferencesWindow, author_row),
  KOERS_TEMPLATE_CHILD (KoersPreferencesWindow, language_row),
  KOERS_TEMPLATE_CHILD (KoersPreferencesWindow, checkin_day_row),
  KOERS_TEMPLATE_CHILD (KoersPreferencesWindow, late_spin),
  KOERS_TEMPLATE_CHILD (KoersPreferencesWindow, remind_switch),
  KOERS_TEMPLATE_CHILD (KoersPreferencesWindow, days_per_fte_row),
  KOERS_TEMPLATE_CHILD (KoersPreferencesWindow, dashboard_row),
  KOERS_TEMPLATE_CHILD (KoersPreferencesWindow, dashboard_clear_button),
};

/* The rows of the language combo, in the order of the .ui file. */
static const char *const language_nicks[] = { "system", "nl", "en" };

static gboolean
language_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (language_nicks); i++)
    {
      if (g_str_equal (nick, language_nicks[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
language_set_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (language_nicks))
    return NULL;

  return g_variant_new_string (language_nicks[selected]);
}

static void
restart_toast_dismissed_cb (KoersPreferencesWindow *self)
{
  g_clear_object (&self->restart_toast);
}

static void
language_selected_cb (KoersPreferencesWindow *self)
{
  guint    selected = adw_combo_row_get_selected (self->language_row);
  gboolean changed;

  changed = selected < G_N_ELEMENTS (language_nicks) && g_strcmp0 (language_nicks[selected], self->running_language) != 0;

  if (changed && self->restart_toast == NULL)
    {
      self->restart_toast = adw_toast_new (_ ("Restart Koers to use the new language"));
      g_object_ref (self->restart_toast);
      adw_toast_set_button_label (self->restart_toast, _ ("_Restart Now"));
      adw_toast_set_action_name (self->restart_toast, "app.restart");
      adw_toast_set_timeout (self->restart_toast, 0);
      g_signal_connect_object (self->restart_toast, "dismissed",
                               G_CALLBACK (restart_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), self->restart_toast);
    }
  else if (!changed && self->restart_toast != NULL)
    {
      adw_toast_dismiss (self->restart_toast);
    }
}

static void
organisation_apply_cb (KoersPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->organisation_row))));
  g_autoptr (GError) error = NULL;

  if (!koers_store_set_organisation (self->store, name, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
      gtk_editable_set_text (GTK_EDITABLE (self->organisation_row),
                             koers_store_get_organisation (self->store));
      return;
    }

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_ ("Organisation name saved")));
}

static void
fill_days_per_fte (KoersPreferencesWindow *self)
{
  g_autofree char *days = koers_format_number (koers_format_get_language (),
                                               koers_store_get_days_per_fte (self->store), 2);

  gtk_editable_set_text (GTK_EDITABLE (self->days_per_fte_row), days);
}

/* The capacity's FTE (koers-store-capacity.h): a setting of the database. */
static void
days_per_fte_apply_cb (KoersPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;
  double days = 0;

  if (!koers_capacity_parse_amount (gtk_editable_get_text (GTK_EDITABLE (self->days_per_fte_row)), 366,
                                    &days, &error) ||
      !koers_store_set_days_per_fte (self->store, days, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
      fill_days_per_fte (self);
      return;
    }
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_ ("Person-days per FTE saved")));
}

static void
author_apply_cb (KoersPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->author_row))));

  /* The application hands it to the store (changed::author-name). */
  g_settings_set_string (self->settings, "author-name", name);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (*name != '\0' ? _ ("Your name is saved")
                                                                 : _ ("Your account’s name is used")));
}

/* The check-in day and late-after days: the database's, written at once. */
static void
rhythm_changed_cb (KoersPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;
  KoersRhythm rhythm = {
    .checkin_day = (GDateWeekday) (adw_combo_row_get_selected (self->checkin_day_row) + 1),
    .late_days = (guint) gtk_spin_button_get_value_as_int (self->late_spin),
  };

  if (!koers_store_write_rhythm (self->store, &rhythm, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
    }
}

static void
init_rhythm (KoersPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;
  KoersRhythm rhythm;

  if (!koers_store_read_rhythm (self->store, &rhythm, &error))
    koers_rhythm_init (&rhythm);

  adw_combo_row_set_selected (self->checkin_day_row, rhythm.checkin_day - 1);
  gtk_spin_button_set_value (self->late_spin, rhythm.late_days);
  /* After the stored values, so that showing them writes nothing. */
  g_signal_connect_object (self->checkin_day_row, "notify::selected",
                           G_CALLBACK (rhythm_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->late_spin, "value-changed",
                           G_CALLBACK (rhythm_changed_cb), self, G_CONNECT_SWAPPED);

  /* The application asks for the autostart when it changes. */
  g_settings_bind (self->settings, "remind-when-closed", self->remind_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

/* Preferences → Dashboard: the folder the dashboard is published to
 * (koers-dashboard-publisher.c does the publishing). */
static void
update_dashboard_row (KoersPreferencesWindow *self)
{
  g_autofree char *folder = NULL;
  g_autofree char *shown = NULL;
  gboolean         set;

  g_settings_get (self->settings, "dashboard-folder", "^ay", &folder);
  set = folder != NULL && folder[0] != '\0';
  shown = set ? g_filename_display_name (folder) : g_strdup (_ ("Not published"));
  /* The row does not read its subtitle as markup (use-markup off). */
  adw_action_row_set_subtitle (self->dashboard_row, shown);
  gtk_widget_set_sensitive (self->dashboard_clear_button, set);
}

static void
dashboard_folder_chosen_cb (gpointer owner,
                            GFile   *file)
{
  KoersPreferencesWindow *self = KOERS_PREFERENCES_WINDOW (owner);
  g_autofree char        *path = g_file_get_path (file);

  if (path != NULL)
    g_settings_set (self->settings, "dashboard-folder", "^ay", path);
  else
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      adw_toast_new (_ ("Koers can only publish to a folder on this computer "
                                                        "or a mounted share.")));
}

static void
dashboard_choose_cb (KoersPreferencesWindow *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_ ("Dashboard Folder"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                                               _ ("_Select"), _ ("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  koers_chooser_show (&self->dashboard_chooser, chooser, dashboard_folder_chosen_cb, self);
}

static void
dashboard_clear_cb (KoersPreferencesWindow *self)
{
  g_settings_set (self->settings, "dashboard-folder", "^ay", "");
}

/* Preferences → Database chose another database: it opens in a window of
 * its own (the application's open-database), which takes the place of
 * the window these preferences belong to. */
static void
server_open_cb (KoersPreferencesWindow *self,
                const char             *path)
{
  GApplication *application = g_application_get_default ();
  GtkWindow    *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (application == NULL || !GTK_IS_APPLICATION (application))
    return;
  g_action_group_activate_action (G_ACTION_GROUP (application), "open-database",
                                  g_variant_new_bytestring (path));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL; l = l->next)
    if (KOERS_IS_WINDOW (l->data) && l->data != parent &&
        g_strcmp0 (koers_store_get_path (koers_window_get_store (l->data)), path) == 0)
      {
        gtk_window_close (GTK_WINDOW (self));
        if (parent != NULL)
          gtk_window_close (parent);
        return;
      }
}

static void
koers_preferences_window_dispose (GObject *object)
{
  KoersPreferencesWindow *self = KOERS_PREFERENCES_WINDOW (object);

  koers_chooser_clear (&self->dashboard_chooser);

  koers_widget_unfollow (self, &self->restart_toast);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->running_language, g_free);

  G_OBJECT_CLASS (koers_preferences_window_parent_class)->dispose (object);
}

static const KoersTemplateCallback template_callbacks[] = {
  KOERS_TEMPLATE_CALLBACK (organisation_apply_cb),
  KOERS_TEMPLATE_CALLBACK (days_per_fte_apply_cb),
  KOERS_TEMPLATE_CALLBACK (author_apply_cb),
  KOERS_TEMPLATE_CALLBACK (dashboard_choose_cb),
  KOERS_TEMPLATE_CALLBACK (dashboard_clear_cb),
};

KOERS_DEFINE_TEMPLATE_CLASS_INIT (KoersPreferencesWindow, koers_preferences_window, "window/koers-preferences-window.ui", KOERS_TEMPLATE_DIALOG, KOERS_TEMPLATE_TABLE (template_callbacks))

static void
koers_preferences_window_init (KoersPreferencesWindow *self)
{
  koers_a11y_init_role (GTK_WIDGET (self));
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
koers_preferences_window_new (GtkWindow  *parent,
                              KoersStore *store,
                              GSettings  *settings,
                              const char *running_language)
{
  KoersPreferencesWindow *self;
  const char             *organisation;
  g_autofree char        *author = NULL;
  g_autofree char        *account = NULL;
  g_autofree char        *escaped = NULL;
  g_autofree char        *description = NULL;
  GtkWidget              *server_page;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (KOERS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->running_language = g_strdup (running_language != NULL ? running_language : "system");

  organisation = koers_store_get_organisation (store);
  gtk_editable_set_text (GTK_EDITABLE (self->organisation_row),
                         organisation != NULL ? organisation : "");
  /* After the initial text, so the apply button only shows for edits. */
  adw_entry_row_set_show_apply_button (self->organisation_row, TRUE);
  fill_days_per_fte (self);
  adw_entry_row_set_show_apply_button (self->days_per_fte_row, TRUE);

  author = g_settings_get_string (settings, "author-name");
  gtk_editable_set_text (GTK_EDITABLE (self->author_row), author);
  adw_entry_row_set_show_apply_button (self->author_row, TRUE);
  account = koers_author_get_account_name ();
  escaped = g_markup_escape_text (account, -1);
  /* Translators: %s is the name of the user's account, such as “Anna Peeters”. */
  description = g_strdup_printf (_ ("Written into the history of each change you make. "
                                    "Left empty, the name of your account is used: %s."),
                                 escaped);
  /* The description is markup. */
  adw_preferences_group_set_description (self->author_group, description);

  g_settings_bind_with_mapping (settings, "language",
                                self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                language_get_mapping, language_set_mapping,
                                NULL, NULL);
  g_signal_connect_object (self->language_row, "notify::selected",
                           G_CALLBACK (language_selected_cb), self, G_CONNECT_SWAPPED);
  language_selected_cb (self);
  init_rhythm (self);

  g_signal_connect_object (settings, "changed::dashboard-folder", G_CALLBACK (update_dashboard_row), self,
                           G_CONNECT_SWAPPED);
  update_dashboard_row (self);

  server_page = koers_server_page_new (store, settings);
  g_signal_connect_object (server_page, "open", G_CALLBACK (server_open_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (server_page));

  return GTK_WIDGET (self);
}
