/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/koers-date.h"
#include "core/koers-format.h"
#include "core/koers-parse.h"
#include "core/koers-text.h"
#include "koers-form-util.h"

static int
match_month (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  glong            len = g_utf8_strlen (folded, -1);

  if (len < 3)
    return 0;

  for (int lang = KOERS_LANGUAGE_EN; lang <= KOERS_LANGUAGE_NL; lang++)
    for (int month = 1; month <= 12; month++)
      {
        g_autofree char *name = koers_format_month (lang, month);
        g_autofree char *name_folded = g_utf8_casefold (name, -1);

        /* "mei", "sep", "sept", "september" */
        if (len <= g_utf8_strlen (name_folded, -1) && strncmp (name_folded, folded, strlen (folded)) == 0)
          return month;
      }

  return 0;
}

static gboolean
is_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

gboolean
koers_form_parse_date (const char  *text,
                       const GDate *today,
                       GDate       *out)
{
  g_auto (GStrv) tokens = NULL;
  g_autofree char *copy = NULL;
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  guint64 day, month, year;

  g_date_clear (out, 1);
  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  if (koers_date_parse (copy, out))
    return TRUE;

  tokens = g_strsplit_set (copy, " -/.,", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (tokens[i][0] != '\0')
      g_ptr_array_add (parts, tokens[i]);

  if ((parts->len != 2 && parts->len != 3) || !is_digits (parts->pdata[0]))
    return FALSE;
  day = g_ascii_strtoull (parts->pdata[0], NULL, 10);

  if (g_ascii_isdigit (((const char *) parts->pdata[1])[0]))
    {
      if (!is_digits (parts->pdata[1]))
        return FALSE;
      month = g_ascii_strtoull (parts->pdata[1], NULL, 10);
    }
  else
    month = match_month (parts->pdata[1]);

  if (parts->len == 3)
    {
      gsize len = strlen (parts->pdata[2]);

      if (!is_digits (parts->pdata[2]) || (len != 2 && len != 4))
        return FALSE;
      year = g_ascii_strtoull (parts->pdata[2], NULL, 10);
      if (len == 2)
        year += 2000;
    }
  else
    year = g_date_get_year (today);

  if (day < 1 || day > 31 || month < 1 || month > 12 || year < 1 || year > 9999 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

gboolean
koers_form_read_date (GtkEditable *entry,
                      GDate       *out,
                      GError     **error)
{
  GDate today;

  koers_date_today (&today);

  if (!koers_form_parse_date (gtk_editable_get_text (entry), &today, out))
    {
      g_autofree char *example = koers_format_date (koers_format_get_language (), &today);

      g_set_error (error, KOERS_PARSE_ERROR, KOERS_PARSE_ERROR_INVALID,
                   /* Translators: %s is a date, "15 May 2026". */
                   _ ("Enter a date such as “%s”."), example);
      return FALSE;
    }

  if (g_date_compare (out, &today) > 0)
    {
      g_set_error_literal (error, KOERS_PARSE_ERROR, KOERS_PARSE_ERROR_RANGE,
                           _ ("The date cannot be in the future."));
      return FALSE;
    }

  return TRUE;
}

void
koers_form_show_field_error (GtkWidget    *field,
                             GtkLabel     *label,
                             const GError *error)
{
  gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
  gtk_label_set_text (label, error != NULL ? error->message : "");

  if (error != NULL)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               error != NULL ? GTK_ACCESSIBLE_INVALID_TRUE
                                             : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

void
koers_form_sync_calendar (GtkCalendar *calendar,
                          GtkEditable *entry)
{
  g_autoptr (GDateTime) datetime = NULL;
  GDate today, date;

  koers_date_today (&today);
  if (!koers_form_parse_date (gtk_editable_get_text (entry), &today, &date))
    date = today;

  datetime = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                    g_date_get_day (&date), 12, 0, 0);
  gtk_calendar_select_day (calendar, datetime);
}

void
koers_form_take_calendar_day (GtkCalendar   *calendar,
                              GtkEditable   *entry,
                              GtkMenuButton *button)
{
  g_autoptr (GDateTime) datetime = gtk_calendar_get_date (calendar);
  g_autofree char *text = NULL;
  GDate            date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (datetime),
                  g_date_time_get_month (datetime), g_date_time_get_year (datetime));
  text = koers_format_date (koers_format_get_language (), &date);
  gtk_editable_set_text (entry, text);
  gtk_menu_button_popdown (button);
}

char *
koers_form_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter    start, end;
  char          *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

void
koers_form_add_save_shortcut (GtkTextView    *view,
                              GtkShortcutFunc func,
                              gpointer        user_data)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutTrigger *trigger;

  /* Capture phase: the text view would take Ctrl+Enter as a new line. */
  trigger = gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"
                                               "|<Control>ISO_Enter");
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (trigger,
                                                          gtk_callback_action_new (func,
                                                                                   user_data,
                                                                                   NULL)));
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (view), controller);
}

GtkWidget *
koers_form_add_department_check (AdwPreferencesGroup *group,
                                 KoersStore          *store,
                                 KoersDepartment     *dept,
                                 gboolean             active,
                                 GCallback            changed_cb,
                                 gpointer             data)
{
  KoersDepartment *parent = koers_store_find_department (store,
                                                         koers_department_get_parent_id (dept));
  const char      *name = koers_department_get_name (dept);
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *check = gtk_check_button_new ();

  /* Names are what people typed: never markup. */
  koers_form_set_plain_title (row, name);
  if (parent != NULL)
    {
      /* Translators: the subtitle of a team's row; %s is its department. */
      g_autofree char *parent_name = koers_text_isolate (koers_department_get_name (parent));
      g_autofree char *subtitle = g_strdup_printf (_ ("Team of %s"), parent_name);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  g_signal_connect_object (check, "notify::active", changed_cb, data, G_CONNECT_SWAPPED);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  adw_preferences_group_add (group, row);
  return check;
}

void
koers_department_checks_init (KoersDepartmentChecks *checks)
{
  checks->checks = g_ptr_array_new ();
  checks->departments = g_ptr_array_new_with_free_func (g_object_unref);
}

void
koers_department_checks_fill (KoersDepartmentChecks *checks,
                              AdwPreferencesGroup   *group,
                              KoersStore            *store,
                              KoersDepartment       *selected,
                              GCallback              changed_cb,
                              gpointer               data)
{
  GListModel *departments = koers_store_get_departments (store);

  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      KoersDepartment *dept = g_list_model_get_item (departments, i);
      gboolean         active = selected != NULL && koers_department_get_id (selected) == koers_department_get_id (dept);

      g_ptr_array_add (checks->checks,
                       koers_form_add_department_check (group, store, dept, active, changed_cb, data));
      g_ptr_array_add (checks->departments, dept);
    }
}

void
koers_department_checks_set_chosen (KoersDepartmentChecks *checks,
                                    KoersDepartment       *department,
                                    gboolean               chosen)
{
  for (guint i = 0; i < checks->departments->len; i++)
    if (koers_department_get_id (g_ptr_array_index (checks->departments, i)) == koers_department_get_id (department))
      gtk_check_button_set_active (g_ptr_array_index (checks->checks, i), chosen);
}

GPtrArray *
koers_department_checks_list_chosen (KoersDepartmentChecks *checks)
{
  GPtrArray *chosen = g_ptr_array_new ();

  for (guint i = 0; i < checks->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks->checks, i)))
      g_ptr_array_add (chosen, g_ptr_array_index (checks->departments, i));
  return chosen;
}

void
koers_department_checks_clear (KoersDepartmentChecks *checks)
{
  g_clear_pointer (&checks->checks, g_ptr_array_unref);
  g_clear_pointer (&checks->departments, g_ptr_array_unref);
}

GtkWidget *
koers_form_add_row_button (AdwActionRow *row,
                           const char   *label,
                           const char   *name,
                           GCallback     clicked,
                           gpointer      data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect (button, "clicked", clicked, data);
  adw_action_row_add_suffix (row, button);
  return button;
}

GtkWidget *
koers_form_new_text_label (const char *text,
                           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

void
koers_form_set_margins (GtkWidget *widget,
                        int        vertical,
                        int        horizontal)
{
  gtk_widget_set_margin_top (widget, vertical);
  gtk_widget_set_margin_bottom (widget, vertical);
  gtk_widget_set_margin_start (widget, horizontal);
  gtk_widget_set_margin_end (widget, horizontal);
}

void
koers_form_set_plain_title (gpointer    row,
                            const char *text)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
}

gboolean
koers_form_any_check_active (GPtrArray *checks)
{
  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      return TRUE;

  return FALSE;
}

GtkFileChooserNative *
koers_form_new_save_chooser (GtkWindow  *parent,
                             const char *title,
                             const char *filter_name,
                             const char *mime_type,
                             const char *suffix,
                             GFile      *folder,
                             const char *name)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GFile) start = NULL;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _ ("_Export"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (folder != NULL)
    start = g_object_ref (folder);
  else if (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS) != NULL)
    start = g_file_new_for_path (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS));
  /* A folder that is gone is no reason to fail: the chooser picks one. */
  if (start != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), start, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  return chooser;
}

void
koers_form_set_parent (GtkWindow *dialog,
                       GtkWidget *widget)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
}

GtkWidget *
koers_form_present (GtkWindow *dialog,
                    GtkWidget *widget)
{
  koers_form_set_parent (dialog, widget);
  gtk_window_present (dialog);
  return GTK_WIDGET (dialog);
}

void
koers_form_order_buttons (GtkWindow *window,
                          GtkWidget *box,
                          GtkWidget *cancel,
                          GtkWidget *save)
{
  GtkTextDirection direction = gtk_widget_get_default_direction ();

  /* Save is the box's first child, for the tab order; shown after Cancel. */
  gtk_widget_set_direction (box,
                            direction == GTK_TEXT_DIR_RTL ? GTK_TEXT_DIR_LTR : GTK_TEXT_DIR_RTL);
  /* The start of a reversed box is the window's end. */
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_widget_set_direction (cancel, direction);
  gtk_widget_set_direction (save, direction);
  gtk_window_set_default_widget (window, save);
}
