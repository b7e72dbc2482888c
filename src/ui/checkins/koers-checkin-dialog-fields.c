/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The check-in dialog's own fields: the progress and score preview, and
 * the suggested status (the value, note and date are a KoersValueForm). */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "core/koers-date.h"
#include "core/koers-format.h"
#include "core/koers-scoring.h"
#include "koers-checkin-dialog-private.h"

/* The status drop-down's rows. */
static const KoersCheckinStatus statuses[] = {
  KOERS_CHECKIN_STATUS_ON_TRACK,
  KOERS_CHECKIN_STATUS_AT_RISK,
  KOERS_CHECKIN_STATUS_OFF_TRACK,
};

/* The value the key result will show after Save: that of its latest
 * check-in by date, the newer one on a tie, as the store decides. */
static double
predict_current_value (KoersCheckinDialog *self,
                       double              value,
                       const GDate        *date)
{
  GListModel *checkins = koers_key_result_get_checkins (self->kr);
  guint       n = g_list_model_get_n_items (checkins);
  GDate       best_date = *date;
  gint64      best_created = self->editing ? koers_checkin_get_created (self->checkin) : G_MAXINT64;
  double      best_value = value;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersCheckin) other = g_list_model_get_item (checkins, i);
      GDate other_date;
      int   cmp;

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
  GListModel        *krs;
  g_autofree double *scores = NULL;
  g_autofree double *weights = NULL;
  guint              n;

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

void
koers_checkin_dialog_set_status (KoersCheckinDialog *self,
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

KoersCheckinStatus
koers_checkin_dialog_get_status (KoersCheckinDialog *self)
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
  double        expected = NAN;
  KoersKrStatus status;

  if (self->status_touched)
    return;

  if (self->has_period)
    expected = koers_score_expected_progress (&self->period, date);
  status = koers_score_key_result_status (progress, KOERS_CHECKIN_STATUS_NONE, expected);

  if (status == KOERS_KR_STATUS_AT_RISK)
    koers_checkin_dialog_set_status (self, KOERS_CHECKIN_STATUS_AT_RISK);
  else if (status == KOERS_KR_STATUS_OFF_TRACK)
    koers_checkin_dialog_set_status (self, KOERS_CHECKIN_STATUS_OFF_TRACK);
  else
    koers_checkin_dialog_set_status (self, KOERS_CHECKIN_STATUS_ON_TRACK);
}

static void
update_preview (KoersCheckinDialog *self,
                gboolean            valid,
                double              value,
                const GDate        *date)
{
  KoersLanguage    lang = koers_format_get_language ();
  double           old_progress = koers_key_result_get_progress (self->kr);
  double           old_score = compute_objective_score (self, NAN);
  g_autofree char *old_percent = koers_format_percent (lang, 100.0 * old_progress, 0);
  g_autofree char *old_score_text = koers_format_score (lang, old_score, 2);
  g_autofree char *progress_text = NULL;
  g_autofree char *score_text = NULL;

  if (valid)
    {
      double           progress = get_progress_for (self, predict_current_value (self, value, date));
      double           score = compute_objective_score (self, progress);
      g_autofree char *percent = koers_format_percent (lang, 100.0 * progress, 0);
      g_autofree char *new_score = koers_format_score (lang, score, 2);
      g_autofree char *delta = koers_format_delta (lang, score - old_score, 2);

      /* Translators: progress before → after, "58% → 70%". */
      progress_text = g_strdup_printf (_ ("%1$s → %2$s"), old_percent, percent);
      /* Translators: the objective score before → after and the change:
       * "0.51 → 0.55 (+0.04)". */
      score_text = g_strdup_printf (_ ("%1$s → %2$s (%3$s)"), old_score_text, new_score, delta);
    }
  else
    {
      progress_text = g_strdup_printf (_ ("%1$s → %2$s"), old_percent, "—");
      score_text = g_strdup_printf (_ ("%1$s → %2$s"), old_score_text, "—");
    }

  gtk_label_set_text (self->progress_preview_label, progress_text);
  gtk_label_set_text (self->score_preview_label, score_text);
  gtk_widget_set_visible (GTK_WIDGET (self->score_preview_label), self->objective != NULL);
}

void
koers_checkin_dialog_validate (KoersCheckinDialog *self)
{
  gboolean can_save, value_ok;
  double   value;
  GDate    date;

  if (self->kr == NULL)
    return;

  can_save = koers_value_form_check (self->value_form, &value, &value_ok, &date);
  update_preview (self, value_ok, value, &date);
  if (value_ok)
    {
      double current = predict_current_value (self, value, &date);

      suggest_status (self, get_progress_for (self, current), &date);
    }

  gtk_widget_set_sensitive (self->save_button, can_save);
}

void
koers_checkin_dialog_format_range (KoersLanguage   lang,
                                   KoersKeyResult *kr,
                                   gboolean        unit_on_target,
                                   char          **start,
                                   char          **target)
{
  KoersMetricKind kind = koers_key_result_get_metric_kind (kr);
  const char     *unit = koers_key_result_get_unit (kr);
  const char     *bare_unit = kind == KOERS_METRIC_KIND_NUMBER ? NULL : unit;

  *start = koers_format_metric (lang, kind, bare_unit, koers_key_result_get_start_value (kr));
  *target = koers_format_metric (lang, kind, unit_on_target ? unit : bare_unit,
                                 koers_key_result_get_target_value (kr));
}

void
koers_checkin_dialog_fill_header (KoersCheckinDialog *self)
{
  KoersLanguage    lang = koers_format_get_language ();
  KoersMetricKind  kind = koers_key_result_get_metric_kind (self->kr);
  const char      *unit = koers_key_result_get_unit (self->kr);
  KoersCheckin    *latest = koers_key_result_get_latest_checkin (self->kr);
  g_autofree char *current = koers_format_metric (lang, kind, unit,
                                                  koers_key_result_get_current_value (self->kr));
  g_autofree char *targets = NULL;
  g_autofree char *last = NULL;

  gtk_label_set_text (self->kr_title_label, koers_key_result_get_title (self->kr));

  if (kind == KOERS_METRIC_KIND_MILESTONE)
    targets = g_strdup (_ ("Milestone"));
  else
    {
      g_autofree char *start = NULL;
      g_autofree char *target = NULL;

      /* A plain unit ("leads") once, after the target, as in the row. */
      koers_checkin_dialog_format_range (lang, self->kr, TRUE, &start, &target);
      /* Translators: "Start 600 · target 1,200 leads". */
      targets = g_strdup_printf (_ ("Start %1$s · target %2$s"), start, target);
    }
  gtk_label_set_text (self->targets_label, targets);

  if (latest != NULL)
    {
      g_autofree char *date = koers_format_date_iso (lang, koers_checkin_get_date (latest));

      /* Translators: %1$s is a value, %2$s a date: "Last check-in: 850 leads on 2 May 2026". */
      last = g_strdup_printf (_ ("Last check-in: %1$s on %2$s"), current, date != NULL ? date : "?");
    }
  else
    {
      /* Translators: %s is a value. */
      last = g_strdup_printf (_ ("No check-ins yet; the value is %s"), current);
    }
  gtk_label_set_text (self->last_label, last);
}

void
koers_checkin_dialog_fill_statuses (KoersCheckinDialog *self)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (model, koers_checkin_status_get_label (statuses[i]));
  self->setting_status = TRUE;
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (model));
  self->setting_status = FALSE;
}
