/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "core/koers-date.h"
#include "core/koers-format.h"
#include "core/koers-parse.h"
#include "core/koers-scoring.h"
#include "koers-checkin-dialog.h"

struct _KoersCheckinDialog
{
  AdwWindow       parent_instance;

  KoersStore     *store;
  KoersKeyResult *kr;
  KoersObjective *objective;
  KoersCheckin   *checkin;        /* being edited, or added by Save */
  gboolean        editing;
  KoersPeriod     period;
  gboolean        has_period;
  gboolean        status_touched; /* the user chose: stop suggesting one */
  gboolean        setting_status;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkLabel       *kr_title_label;
  GtkLabel       *targets_label;
  GtkLabel       *last_label;
  GtkLabel       *value_heading;
  GtkWidget      *value_box;
  GtkLabel       *prefix_label;
  GtkEntry       *value_entry;
  GtkLabel       *unit_label;
  GtkWidget      *milestone_box;
  GtkToggleButton *not_done_button;
  GtkToggleButton *done_button;
  GtkLabel       *value_error_label;
  GtkLabel       *progress_preview_label;
  GtkLabel       *score_preview_label;
  GtkDropDown    *status_dropdown;
  GtkTextView    *note_view;
  GtkEntry       *date_entry;
  GtkMenuButton  *date_button;
  GtkCalendar    *calendar;
  GtkLabel       *date_error_label;
  GtkWidget      *button_box;
  GtkWidget      *cancel_button;
  GtkWidget      *save_button;
};

G_DEFINE_FINAL_TYPE (KoersCheckinDialog, koers_checkin_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_KEY_RESULT,
  PROP_CHECKIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The status drop-down's rows. */
static const KoersCheckinStatus statuses[] = {
  KOERS_CHECKIN_STATUS_ON_TRACK,
  KOERS_CHECKIN_STATUS_AT_RISK,
  KOERS_CHECKIN_STATUS_OFF_TRACK,
};

void
koers_checkin_dialog_ensure_style (void)
{
  static GdkDisplay *styled_display = NULL;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr (GtkCssProvider) provider = NULL;

  if (display == NULL || display == styled_display)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/koersapp/Koers/ui/checkin.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  styled_display = display;
}

static gboolean
is_milestone (KoersCheckinDialog *self)
{
  return koers_key_result_get_metric_kind (self->kr) == KOERS_METRIC_KIND_MILESTONE;
}

/* Dates as people type them: the formatted form ("15 May 2026",
 * "15 mei 2026", "15 mei"), day first with - / . ("15-5-2026") or ISO. */
static int
match_month (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  glong len = g_utf8_strlen (folded, -1);

  if (len < 3)
    return 0;

  for (int lang = KOERS_LANGUAGE_EN; lang <= KOERS_LANGUAGE_NL; lang++)
    for (int month = 1; month <= 12; month++)
      {
        g_autofree char *name = koers_format_month (lang, month);
        g_autofree char *name_folded = g_utf8_casefold (name, -1);

        /* "mei", "sep", "sept", "september" */
        if (len <= g_utf8_strlen (name_folded, -1)
            && strncmp (name_folded, folded, strlen (folded)) == 0)
          return month;
      }

  return 0;
}

static gboolean
parse_date_text (const char  *text,
                 const GDate *today,
                 GDate       *out)
{
  g_auto (GStrv) tokens = NULL;
  g_autofree char *copy = NULL;
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  guint64 day, month = 0, year;
  const char *p;

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

  if (parts->len != 2 && parts->len != 3)
    return FALSE;

  for (p = parts->pdata[0]; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  day = g_ascii_strtoull (parts->pdata[0], NULL, 10);

  if (g_ascii_isdigit (((const char *) parts->pdata[1])[0]))
    {
      for (p = parts->pdata[1]; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p))
          return FALSE;
      month = g_ascii_strtoull (parts->pdata[1], NULL, 10);
    }
  else
    month = match_month (parts->pdata[1]);

  if (parts->len == 3)
    {
      for (p = parts->pdata[2]; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p))
          return FALSE;
      year = g_ascii_strtoull (parts->pdata[2], NULL, 10);
      if (strlen (parts->pdata[2]) == 2)
        year += 2000;
      else if (strlen (parts->pdata[2]) != 4)
        return FALSE;
    }
  else
    {
      year = g_date_get_year (today);
    }

  if (day > 31 || month < 1 || month > 12 || year > 9999
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static gboolean
read_value (KoersCheckinDialog  *self,
            double              *out,
            GError             **error)
{
  if (is_milestone (self))
    {
      *out = gtk_toggle_button_get_active (self->done_button) ? 1.0 : 0.0;
      return TRUE;
    }

  return koers_parse_number (koers_format_get_language (),
                             gtk_editable_get_text (GTK_EDITABLE (self->value_entry)),
                             out, error);
}

static gboolean
read_date (KoersCheckinDialog  *self,
           GDate               *out,
           GError             **error)
{
  KoersLanguage lang = koers_format_get_language ();
  GDate today;

  koers_date_today (&today);

  if (!parse_date_text (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), &today, out))
    {
      g_autofree char *example = koers_format_date (lang, &today);

      g_set_error (error, KOERS_PARSE_ERROR, KOERS_PARSE_ERROR_INVALID,
                   /* Translators: %s is a date, "15 May 2026". */
                   _("Enter a date such as “%s”."), example);
      return FALSE;
    }

  if (g_date_compare (out, &today) > 0)
    {
      g_set_error_literal (error, KOERS_PARSE_ERROR, KOERS_PARSE_ERROR_RANGE,
                           _("The date cannot be in the future."));
      return FALSE;
    }

  if (self->has_period && g_date_compare (out, &self->period.start) < 0)
    {
      g_autofree char *start = koers_format_date (lang, &self->period.start);

      g_set_error (error, KOERS_PARSE_ERROR, KOERS_PARSE_ERROR_RANGE,
                   /* Translators: %s is a date, "1 April 2026". */
                   _("The date cannot be before the period starts on %s."), start);
      return FALSE;
    }

  return TRUE;
}

/* The value the key result will show after Save: that of its latest
 * check-in by date, the newer one on a tie, as the store decides. */
static double
predict_current_value (KoersCheckinDialog *self,
                       double              value,
                       const GDate        *date)
{
  GListModel *checkins = koers_key_result_get_checkins (self->kr);
  guint n = g_list_model_get_n_items (checkins);
  GDate best_date = *date;
  gint64 best_created = self->editing ? koers_checkin_get_created (self->checkin) : G_MAXINT64;
  double best_value = value;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersCheckin) other = g_list_model_get_item (checkins, i);
      GDate other_date;
      int cmp;

      if (other == self->checkin || !koers_date_parse (koers_checkin_get_date (other), &other_date))
        continue;

      cmp = g_date_compare (&other_date, &best_date);
      if (cmp > 0 || (cmp == 0 && koers_checkin_get_created (other) > best_created))
        {
          best_date = other_date;
          best_created = koers_checkin_get_created (other);
          best_value = koers_checkin_get_value (other);
        }
    }

  return best_value;
}

static double
get_progress_for (KoersCheckinDialog *self,
                  double              current)
{
  return koers_score_key_result_progress (koers_key_result_get_metric_kind (self->kr),
                                          koers_key_result_get_start_value (self->kr),
                                          koers_key_result_get_target_value (self->kr),
                                          current);
}

/* The objective's score with this key result at progress (NAN: as it is). */
static double
compute_objective_score (KoersCheckinDialog *self,
                         double              progress)
{
  GListModel *krs;
  g_autofree double *scores = NULL;
  g_autofree double *weights = NULL;
  guint n;

  if (self->objective == NULL)
    return NAN;

  krs = koers_objective_get_key_results (self->objective);
  n = g_list_model_get_n_items (krs);
  scores = g_new0 (double, MAX (n, 1));
  weights = g_new0 (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, i);

      if (kr == self->kr && !isnan (progress))
        scores[i] = progress;
      else
        scores[i] = koers_key_result_get_progress (kr);
      weights[i] = koers_key_result_get_weight (kr);
    }

  return koers_score_weighted_mean (scores, weights, n);
}

static void
set_status_index (KoersCheckinDialog *self,
                  KoersCheckinStatus  status)
{
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (statuses[i] == status)
      {
        self->setting_status = TRUE;
        gtk_drop_down_set_selected (self->status_dropdown, i);
        self->setting_status = FALSE;
      }
}

static KoersCheckinStatus
get_status (KoersCheckinDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->status_dropdown);

  return i < G_N_ELEMENTS (statuses) ? statuses[i] : KOERS_CHECKIN_STATUS_ON_TRACK;
}

/* On track, at risk or off track from how far the new progress is behind
 * the ideal line on the check-in's date. */
static void
suggest_status (KoersCheckinDialog *self,
                double              progress,
                const GDate        *date)
{
  double expected = NAN;
  KoersKrStatus status;

  if (self->status_touched)
    return;

  if (self->has_period)
    expected = koers_score_expected_progress (&self->period, date);
  status = koers_score_key_result_status (progress, KOERS_CHECKIN_STATUS_NONE, expected);

  if (status == KOERS_KR_STATUS_AT_RISK)
    set_status_index (self, KOERS_CHECKIN_STATUS_AT_RISK);
  else if (status == KOERS_KR_STATUS_OFF_TRACK)
    set_status_index (self, KOERS_CHECKIN_STATUS_OFF_TRACK);
  else
    set_status_index (self, KOERS_CHECKIN_STATUS_ON_TRACK);
}

static void
show_field_error (GtkWidget    *field,
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

static void
update_preview (KoersCheckinDialog *self,
                gboolean            valid,
                double              value,
                const GDate        *date)
{
  KoersLanguage lang = koers_format_get_language ();
  double old_progress = koers_key_result_get_progress (self->kr);
  double old_score = compute_objective_score (self, NAN);
  g_autofree char *old_percent = koers_format_percent (lang, 100.0 * old_progress, 0);
  g_autofree char *old_score_text = koers_format_score (lang, old_score, 2);
  g_autofree char *progress_text = NULL;
  g_autofree char *score_text = NULL;

  if (valid)
    {
      double progress = get_progress_for (self, predict_current_value (self, value, date));
      double score = compute_objective_score (self, progress);
      g_autofree char *percent = koers_format_percent (lang, 100.0 * progress, 0);
      g_autofree char *new_score = koers_format_score (lang, score, 2);
      g_autofree char *delta = koers_format_delta (lang, score - old_score, 2);

      /* Translators: progress before → after, "58% → 70%". */
      progress_text = g_strdup_printf (_("%1$s → %2$s"), old_percent, percent);
      /* Translators: the objective score before → after and the change:
       * "0.51 → 0.55 (+0.04)". */
      score_text = g_strdup_printf (_("%1$s → %2$s (%3$s)"), old_score_text, new_score, delta);
    }
  else
    {
      progress_text = g_strdup_printf (_("%1$s → %2$s"), old_percent, "—");
      score_text = g_strdup_printf (_("%1$s → %2$s"), old_score_text, "—");
    }

  gtk_label_set_text (self->progress_preview_label, progress_text);
  gtk_label_set_text (self->score_preview_label, score_text);
  gtk_widget_set_visible (GTK_WIDGET (self->score_preview_label), self->objective != NULL);
}

static void
validate (KoersCheckinDialog *self)
{
  g_autoptr (GError) value_error = NULL;
  g_autoptr (GError) date_error = NULL;
  gboolean value_ok, date_ok;
  double value = 0.0;
  GDate date;

  if (self->kr == NULL)
    return;

  value_ok = read_value (self, &value, &value_error);
  date_ok = read_date (self, &date, &date_error);

  show_field_error (GTK_WIDGET (self->value_entry), self->value_error_label, value_error);
  show_field_error (GTK_WIDGET (self->date_entry), self->date_error_label, date_error);

  if (!date_ok)
    koers_date_today (&date);
  update_preview (self, value_ok, value, &date);
  if (value_ok)
    {
      double current = predict_current_value (self, value, &date);

      suggest_status (self, get_progress_for (self, current), &date);
    }

  gtk_widget_set_sensitive (self->save_button, value_ok && date_ok);
}

static void
value_changed_cb (KoersCheckinDialog *self)
{
  validate (self);
}

static void
date_changed_cb (KoersCheckinDialog *self)
{
  validate (self);
}

static void
status_selected_cb (KoersCheckinDialog *self)
{
  if (!self->setting_status)
    self->status_touched = TRUE;
}

static void
date_popover_show_cb (KoersCheckinDialog *self)
{
  GDate today, date;
  g_autoptr (GDateTime) datetime = NULL;

  koers_date_today (&today);
  if (!parse_date_text (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), &today, &date))
    date = today;

  datetime = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                    g_date_get_day (&date), 12, 0, 0);
  gtk_calendar_select_day (self->calendar, datetime);
}

static void
calendar_day_selected_cb (KoersCheckinDialog *self)
{
  g_autoptr (GDateTime) datetime = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (datetime),
                  g_date_time_get_month (datetime), g_date_time_get_year (datetime));
  text = koers_format_date (koers_format_get_language (), &date);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), text);
  gtk_menu_button_popdown (self->date_button);
}

static char *
dup_note (KoersCheckinDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

gboolean
koers_checkin_dialog_save (KoersCheckinDialog  *self,
                           GError             **error)
{
  g_autofree char *note = NULL;
  g_autofree char *iso = NULL;
  KoersCheckinStatus status;
  double value;
  GDate date;

  g_return_val_if_fail (KOERS_IS_CHECKIN_DIALOG (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!read_value (self, &value, error) || !read_date (self, &date, error))
    return FALSE;

  note = dup_note (self);
  iso = koers_date_format_iso (&date);
  status = get_status (self);

  if (!self->editing)
    {
      g_autoptr (KoersCheckin) checkin = koers_checkin_new (iso, value, status, note);

      if (!koers_store_add_checkin (self->store, self->kr, checkin, error))
        return FALSE;
      g_set_object (&self->checkin, checkin);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKIN]);
    }
  else
    {
      g_autofree char *old_date = g_strdup (koers_checkin_get_date (self->checkin));
      g_autofree char *old_note = g_strdup (koers_checkin_get_note (self->checkin));
      double old_value = koers_checkin_get_value (self->checkin);
      KoersCheckinStatus old_status = koers_checkin_get_status (self->checkin);

      /* The store writes what the object holds; on failure put it back. */
      g_object_freeze_notify (G_OBJECT (self->checkin));
      koers_checkin_set_date (self->checkin, iso);
      koers_checkin_set_value (self->checkin, value);
      koers_checkin_set_status (self->checkin, status);
      koers_checkin_set_note (self->checkin, note);
      g_object_thaw_notify (G_OBJECT (self->checkin));

      if (!koers_store_save_checkin (self->store, self->checkin, error))
        {
          g_object_freeze_notify (G_OBJECT (self->checkin));
          koers_checkin_set_date (self->checkin, old_date);
          koers_checkin_set_value (self->checkin, old_value);
          koers_checkin_set_status (self->checkin, old_status);
          koers_checkin_set_note (self->checkin, old_note);
          g_object_thaw_notify (G_OBJECT (self->checkin));
          return FALSE;
        }
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_clicked_cb (KoersCheckinDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (!gtk_widget_get_sensitive (self->save_button))
    return;

  if (!koers_checkin_dialog_save (self, &error))
    {
      /* A toast title is markup; the message may quote user text. */
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
cancel_clicked_cb (KoersCheckinDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
save_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  KoersCheckinDialog *self = KOERS_CHECKIN_DIALOG (user_data);

  save_clicked_cb (self);
  return TRUE;
}

static void
setup_note_shortcut (KoersCheckinDialog *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutTrigger *trigger;

  /* Capture phase: the text view would take Ctrl+Enter as a new line. */
  trigger = gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"
                                               "|<Control>ISO_Enter");
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (trigger,
                                                          gtk_callback_action_new (save_shortcut_cb,
                                                                                   self, NULL)));
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), controller);
}

static void
fill_header (KoersCheckinDialog *self)
{
  KoersLanguage lang = koers_format_get_language ();
  KoersMetricKind kind = koers_key_result_get_metric_kind (self->kr);
  const char *unit = koers_key_result_get_unit (self->kr);
  KoersCheckin *latest = koers_key_result_get_latest_checkin (self->kr);
  g_autofree char *current = koers_format_metric (lang, kind, unit,
                                                  koers_key_result_get_current_value (self->kr));
  g_autofree char *targets = NULL;
  g_autofree char *last = NULL;

  gtk_label_set_text (self->kr_title_label, koers_key_result_get_title (self->kr));

  if (kind == KOERS_METRIC_KIND_MILESTONE)
    targets = g_strdup (_("Milestone"));
  else
    {
      /* A plain unit ("leads") once, after the target, as in the row. */
      const char *start_unit = kind == KOERS_METRIC_KIND_NUMBER ? NULL : unit;
      g_autofree char *start = koers_format_metric (lang, kind, start_unit,
                                                    koers_key_result_get_start_value (self->kr));
      g_autofree char *target = koers_format_metric (lang, kind, unit,
                                                     koers_key_result_get_target_value (self->kr));

      /* Translators: "Start 600 · target 1,200 leads". */
      targets = g_strdup_printf (_("Start %1$s · target %2$s"), start, target);
    }
  gtk_label_set_text (self->targets_label, targets);

  if (latest != NULL)
    {
      g_autofree char *date = koers_format_date_iso (lang, koers_checkin_get_date (latest));

      /* Translators: %1$s is a value, %2$s a date: "Last check-in: 850 leads on 2 May 2026". */
      last = g_strdup_printf (_("Last check-in: %1$s on %2$s"), current, date != NULL ? date : "?");
    }
  else
    {
      /* Translators: %s is a value. */
      last = g_strdup_printf (_("No check-ins yet; the value is %s"), current);
    }
  gtk_label_set_text (self->last_label, last);
}

static void
fill_value (KoersCheckinDialog *self,
            double              value)
{
  KoersLanguage lang = koers_format_get_language ();
  KoersMetricKind kind = koers_key_result_get_metric_kind (self->kr);
  const char *unit = koers_key_result_get_unit (self->kr);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->value_box, kind != KOERS_METRIC_KIND_MILESTONE);
  gtk_widget_set_visible (self->milestone_box, kind == KOERS_METRIC_KIND_MILESTONE);

  if (kind == KOERS_METRIC_KIND_MILESTONE)
    {
      gtk_label_set_text_with_mnemonic (self->value_heading, _("_Result"));
      GtkToggleButton *active = value >= 1.0 ? self->done_button : self->not_done_button;

      gtk_toggle_button_set_active (active, TRUE);
      gtk_label_set_mnemonic_widget (self->value_heading, GTK_WIDGET (active));
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->prefix_label), kind == KOERS_METRIC_KIND_CURRENCY);
  gtk_label_set_text (self->prefix_label, "€");
  if (kind == KOERS_METRIC_KIND_PERCENTAGE)
    unit = "%";
  gtk_widget_set_visible (GTK_WIDGET (self->unit_label),
                          kind != KOERS_METRIC_KIND_CURRENCY && unit != NULL && *unit != '\0');
  gtk_label_set_text (self->unit_label, unit != NULL ? unit : "");

  /* Enough decimals that saving unchanged does not round the value. */
  text = koers_format_number (lang, value, 6);
  gtk_editable_set_text (GTK_EDITABLE (self->value_entry), text);
}

static void
setup (KoersCheckinDialog *self)
{
  KoersLanguage lang = koers_format_get_language ();
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);
  g_autofree char *date_text = NULL;
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (model, koers_checkin_status_get_label (statuses[i]));
  self->setting_status = TRUE;
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (model));
  self->setting_status = FALSE;

  self->objective = koers_store_get_key_result_objective (self->store, self->kr);
  if (self->objective != NULL)
    {
      g_object_ref (self->objective);
      self->has_period = koers_objective_get_parsed_period (self->objective, &self->period);
    }

  fill_header (self);

  if (self->editing)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Check-In"));
      adw_window_title_set_title (self->window_title, _("Edit Check-In"));
      fill_value (self, koers_checkin_get_value (self->checkin));
      if (!koers_date_parse (koers_checkin_get_date (self->checkin), &date))
        koers_date_today (&date);
      if (koers_checkin_get_note (self->checkin) != NULL)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view),
                                  koers_checkin_get_note (self->checkin), -1);
      if (koers_checkin_get_status (self->checkin) != KOERS_CHECKIN_STATUS_NONE)
        {
          set_status_index (self, koers_checkin_get_status (self->checkin));
          self->status_touched = TRUE;
        }
    }
  else
    {
      fill_value (self, koers_key_result_get_current_value (self->kr));
      koers_date_today (&date);
    }

  date_text = koers_format_date (lang, &date);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date_text);

  validate (self);

  if (is_milestone (self))
    gtk_window_set_focus (GTK_WINDOW (self),
                          GTK_WIDGET (gtk_toggle_button_get_active (self->done_button)
                                      ? self->done_button : self->not_done_button));
  else
    {
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->value_entry));
      gtk_editable_select_region (GTK_EDITABLE (self->value_entry), 0, -1);
    }
}

static void
koers_checkin_dialog_constructed (GObject *object)
{
  KoersCheckinDialog *self = KOERS_CHECKIN_DIALOG (object);

  G_OBJECT_CLASS (koers_checkin_dialog_parent_class)->constructed (object);

  g_return_if_fail (KOERS_IS_STORE (self->store));
  g_return_if_fail (KOERS_IS_KEY_RESULT (self->kr));

  self->editing = self->checkin != NULL;
  setup (self);
}

static void
koers_checkin_dialog_dispose (GObject *object)
{
  KoersCheckinDialog *self = KOERS_CHECKIN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KOERS_TYPE_CHECKIN_DIALOG);
  g_clear_object (&self->checkin);
  g_clear_object (&self->objective);
  g_clear_object (&self->kr);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (koers_checkin_dialog_parent_class)->dispose (object);
}

static void
koers_checkin_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  KoersCheckinDialog *self = KOERS_CHECKIN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_KEY_RESULT:
      g_value_set_object (value, self->kr);
      break;
    case PROP_CHECKIN:
      g_value_set_object (value, self->checkin);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koers_checkin_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  KoersCheckinDialog *self = KOERS_CHECKIN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_KEY_RESULT:
      self->kr = g_value_dup_object (value);
      break;
    case PROP_CHECKIN:
      self->checkin = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koers_checkin_dialog_class_init (KoersCheckinDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = koers_checkin_dialog_constructed;
  object_class->dispose = koers_checkin_dialog_dispose;
  object_class->get_property = koers_checkin_dialog_get_property;
  object_class->set_property = koers_checkin_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KOERS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY_RESULT] =
    g_param_spec_object ("key-result", NULL, NULL, KOERS_TYPE_KEY_RESULT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Set at construction for edit mode; after Save, the check-in written. */
  properties[PROP_CHECKIN] =
    g_param_spec_object ("checkin", NULL, NULL, KOERS_TYPE_CHECKIN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/koersapp/Koers/ui/koers-checkin-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, kr_title_label);
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, targets_label);
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, last_label);
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, value_heading);
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, value_box);
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, prefix_label);
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, value_entry);
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, unit_label);
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, milestone_box);
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, not_done_button);
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, value_error_label);
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, progress_preview_label);
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, score_preview_label);
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, note_view);
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, date_error_label);
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, button_box);
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, KoersCheckinDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);

  /* Escape writes nothing, like Cancel. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
koers_checkin_dialog_init (KoersCheckinDialog *self)
{
  koers_checkin_dialog_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Save is the box's first child, for the tab order; shown after Cancel. */
  gtk_widget_set_direction (self->button_box,
                            gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL
                            ? GTK_TEXT_DIR_LTR : GTK_TEXT_DIR_RTL);
  /* The start of a reversed box is the window's end. */
  gtk_widget_set_halign (self->button_box, GTK_ALIGN_START);
  gtk_widget_set_direction (self->cancel_button, gtk_widget_get_default_direction ());
  gtk_widget_set_direction (self->save_button, gtk_widget_get_default_direction ());
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected",
                            G_CALLBACK (status_selected_cb), self);
  setup_note_shortcut (self);
}

GtkWidget *
koers_checkin_dialog_new (KoersStore     *store,
                          KoersKeyResult *kr)
{
  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (KOERS_IS_KEY_RESULT (kr), NULL);

  return g_object_new (KOERS_TYPE_CHECKIN_DIALOG,
                       "store", store,
                       "key-result", kr,
                       NULL);
}

GtkWidget *
koers_checkin_dialog_new_for_checkin (KoersStore     *store,
                                      KoersKeyResult *kr,
                                      KoersCheckin   *checkin)
{
  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (KOERS_IS_KEY_RESULT (kr), NULL);
  g_return_val_if_fail (KOERS_IS_CHECKIN (checkin), NULL);

  return g_object_new (KOERS_TYPE_CHECKIN_DIALOG,
                       "store", store,
                       "key-result", kr,
                       "checkin", checkin,
                       NULL);
}

GtkWidget *
koers_checkin_dialog_present (GtkWidget      *widget,
                              KoersStore     *store,
                              KoersKeyResult *kr,
                              KoersCheckin   *checkin)
{
  GtkWidget *dialog;
  GtkRoot *root;

  g_return_val_if_fail (widget == NULL || GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (KOERS_IS_KEY_RESULT (kr), NULL);

  if (checkin != NULL)
    dialog = koers_checkin_dialog_new_for_checkin (store, kr, checkin);
  else
    dialog = koers_checkin_dialog_new (store, kr);

  root = widget != NULL ? gtk_widget_get_root (widget) : NULL;
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));

  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

KoersKeyResult *
koers_checkin_dialog_get_key_result (KoersCheckinDialog *self)
{
  g_return_val_if_fail (KOERS_IS_CHECKIN_DIALOG (self), NULL);

  return self->kr;
}

KoersCheckin *
koers_checkin_dialog_get_checkin (KoersCheckinDialog *self)
{
  g_return_val_if_fail (KOERS_IS_CHECKIN_DIALOG (self), NULL);

  return self->checkin;
}

gboolean
koers_checkin_dialog_get_can_save (KoersCheckinDialog *self)
{
  g_return_val_if_fail (KOERS_IS_CHECKIN_DIALOG (self), FALSE);

  return gtk_widget_get_sensitive (self->save_button);
}
