/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "core/koers-date.h"
#include "core/koers-kpi-status.h"
#include "core/koers-scoring.h"
#include "core/koers-seed.h"
#include "koers-demo-capacity.h"
#include "koers-demo-private.h"
#include "koers-templates-private.h"
#include "store/koers-store.h"

/* A demo database: the templates (the seed's example OKRs and KPIs, see
 * koers-templates.h) as a company would have them
 * halfway through a quarter, with the history of weekly check-ins that
 * makes scores, statuses, trends and stale key results worth looking at;
 * and next to them the seed's KPIs with a year or a quarter of history,
 * healthy, needing attention, unhealthy and overdue ones among them.
 * Everything random comes from GRands seeded with today's date, so a
 * fixed KOERS_TODAY gives the same database. */

static const KoersSeedText organisation_name = {
  "Example Company Ltd", "Voorbeeldbedrijf nv"
};

/* What people write at a check-in, by how it goes. */
static const KoersSeedText going_well_notes[] = {
  { "Good progress this week.", "Goede vooruitgang deze week." },
  { "Discussed in the management meeting; no change of plan.",
    "Besproken op het managementoverleg; het plan blijft." },
  { "Back on track after last week's dip.", "Terug op schema na de dip van vorige week." },
};

static const KoersSeedText at_risk_notes[] = {
  { "Waiting for the supplier's figures.", "Wachten op de cijfers van de leverancier." },
  { "Slower than planned: half the team was on holiday.",
    "Trager dan gepland: de helft van het team was met vakantie." },
};

static const KoersSeedText behind_notes[] = {
  { "Behind plan: we need extra people to get there. Escalated to management.",
    "Achter op schema: we hebben extra mensen nodig. Geëscaleerd naar het management." },
  { "Behind plan: priorities shifted to a customer escalation.",
    "Achter op schema: de prioriteiten verschoven naar een klantescalatie." },
};

/* What people write with a KPI value, now and then. */
static const KoersSeedText kpi_notes[] = {
  { "Figure from the monthly dashboard.", "Cijfer uit het maandelijkse dashboard." },
  { "Checked with the team lead.", "Nagekeken met de teamleider." },
  { "One-off effect; see the minutes of the team meeting.",
    "Eenmalig effect; zie het verslag van het teamoverleg." },
};

static const KoersSeedText kpi_unhealthy_note = {
  "Outside the healthy range: escalated to management.",
  "Buiten de gezonde marge: geëscaleerd naar het management."
};

/* How many values the demo gives a KPI: a quarter of weeks, a year and a
 * month of months, a year and a quarter of quarters. */
#define DEMO_N_WEEKLY_VALUES 13
#define DEMO_N_MONTHLY_VALUES 13
#define DEMO_N_QUARTERLY_VALUES 5

static void
demo_clear (Demo *demo)
{
  g_clear_pointer (&demo->rand, g_rand_free);
  g_clear_pointer (&demo->kpi_rand, g_rand_free);
  g_clear_pointer (&demo->kpi_ids, g_hash_table_unref);
  g_clear_pointer (&demo->quarter_key, g_free);
  g_clear_pointer (&demo->year_key, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Demo, demo_clear)

const char *
koers_demo_text (Demo                *demo,
                 const KoersSeedText *text)
{
  return koers_seed_text_get (text, demo->language);
}

/* Weekends are no due dates: back to the Friday before. */
static void
move_to_weekday (GDate *date)
{
  GDateWeekday weekday = g_date_get_weekday (date);

  if (weekday == G_DATE_SATURDAY)
    g_date_subtract_days (date, 1);
  else if (weekday == G_DATE_SUNDAY)
    g_date_subtract_days (date, 2);
}

/* The seed's own date when it falls in the period; otherwise a Friday-ish
 * day in the last weeks of the quarter (or of a later quarter of the
 * year), so not everything ends on the last day. */
static char *
pick_due_date (Demo                         *demo,
               const KoersTemplateKeyResult *seed,
               const KoersPeriod            *period)
{
  g_autofree char *seed_date = koers_template_due_date (seed->due_month_day, period->year);
  KoersPeriod      quarter;
  GDate            date;

  if (seed_date != NULL && koers_date_parse (seed_date, &date) &&
      koers_period_contains_date (period, &date))
    return g_steal_pointer (&seed_date);

  if (period->kind == KOERS_PERIOD_KIND_YEAR)
    koers_period_init_quarter (&quarter, period->year,
                               g_rand_int_range (demo->rand, demo->quarter.quarter, 5));
  else
    quarter = *period;

  date = quarter.end;
  g_date_subtract_days (&date, 7 * g_rand_int_range (demo->rand, 0, 6));
  move_to_weekday (&date);

  return koers_date_format_iso (&date);
}

/* Like koers_template_demo_value(): whole units over wide
 * ranges, one decimal over narrow ones; and round figures over very wide
 * ones (revenue in tens of thousands, not to the euro). */
static double
round_value (const KoersTemplateKeyResult *seed,
             double                        value)
{
  double range = fabs (seed->target - seed->start);

  if (range >= 10000.0)
    {
      double step = pow (10.0, floor (log10 (range)) - 2.0);

      return round (value / step) * step;
    }

  /* Counted things (2 calls to action, 5 points of sale) come in whole
   * units; scores and rates such as 7 -> 8.5 in tenths. */
  if (range >= 10.0 ||
      (seed->metric_kind == KOERS_METRIC_KIND_NUMBER &&
       seed->start == floor (seed->start) && seed->target == floor (seed->target)))
    return round (value);

  return round (value * 10.0) / 10.0;
}

static KoersCheckinStatus
pick_status (Demo                         *demo,
             const KoersTemplateKeyResult *seed,
             const KoersPeriod            *period,
             const GDate                  *date,
             double                        value)
{
  double progress = koers_score_key_result_progress (seed->metric_kind, seed->start,
                                                     seed->target, value);
  double expected = koers_score_expected_progress (period, date);

  /* Now and then people check in without saying how it goes. */
  if (g_rand_double (demo->rand) < 0.12)
    return KOERS_CHECKIN_STATUS_NONE;

  if (seed->metric_kind == KOERS_METRIC_KIND_MILESTONE)
    {
      if (progress >= 1.0 || expected < 0.6)
        return KOERS_CHECKIN_STATUS_ON_TRACK;
      return KOERS_CHECKIN_STATUS_AT_RISK;
    }

  if (progress >= expected - 0.05)
    return KOERS_CHECKIN_STATUS_ON_TRACK;
  if (progress >= expected - KOERS_SCORE_AT_RISK_MARGIN)
    return KOERS_CHECKIN_STATUS_AT_RISK;
  return KOERS_CHECKIN_STATUS_OFF_TRACK;
}

/* A note that says what the key result shows after the check-in (the
 * status said, else the one its progress gives), so that "Good progress
 * this week" never sits on a key result that is off track. */
static const char *
pick_note (Demo                         *demo,
           const KoersTemplateKeyResult *seed,
           const KoersPeriod            *period,
           const GDate                  *date,
           double                        value,
           KoersCheckinStatus            said)
{
  double               progress = koers_score_key_result_progress (seed->metric_kind, seed->start, seed->target, value);
  KoersKrStatus        status = koers_score_key_result_status (progress, said,
                                                               koers_score_expected_progress (period, date));
  const KoersSeedText *notes = going_well_notes;
  guint                n = G_N_ELEMENTS (going_well_notes);

  if (status == KOERS_KR_STATUS_AT_RISK)
    {
      notes = at_risk_notes;
      n = G_N_ELEMENTS (at_risk_notes);
    }
  else if (status == KOERS_KR_STATUS_OFF_TRACK)
    {
      notes = behind_notes;
      n = G_N_ELEMENTS (behind_notes);
    }

  return koers_demo_text (demo, &notes[g_rand_int_range (demo->rand, 0, n)]);
}

/* "Good progress this week" weeks ago reads false on a key result that is
 * at risk or off track today (a milestone still at 0 %, say): such a key
 * result keeps its worried notes only. */
static void
forget_good_news (Demo              *demo,
                  KoersKeyResult    *kr,
                  const KoersPeriod *period)
{
  KoersKrStatus status = koers_key_result_get_status (kr, period, &demo->today);
  GListModel   *checkins = koers_key_result_get_checkins (kr);

  if (status != KOERS_KR_STATUS_AT_RISK && status != KOERS_KR_STATUS_OFF_TRACK)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (checkins); i++)
    {
      g_autoptr (KoersCheckin) checkin = g_list_model_get_item (checkins, i);
      const char *note = koers_checkin_get_note (checkin);

      for (guint j = 0; note != NULL && j < G_N_ELEMENTS (going_well_notes); j++)
        {
          if (g_strcmp0 (note, koers_demo_text (demo, &going_well_notes[j])) == 0)
            {
              koers_checkin_set_note (checkin, NULL);
              break;
            }
        }
    }
}

/* Check-in dates: about weekly from the quarter's first days up to today.
 * A few key results stopped checking in three weeks ago (stale). */
static GArray *
pick_checkin_dates (Demo *demo)
{
  GArray *dates = g_array_new (FALSE, FALSE, sizeof (GDate));
  GDate   last_day = demo->today;
  GDate   date = demo->quarter.start;

  if (g_rand_double (demo->rand) < 0.1)
    g_date_subtract_days (&last_day, 20);

  g_date_add_days (&date, g_rand_int_range (demo->rand, 0, 4));
  while (g_date_compare (&date, &last_day) <= 0)
    {
      g_array_append_val (dates, date);
      g_date_add_days (&date, g_rand_int_range (demo->rand, 6, 9));
    }

  /* Early in a quarter, or a stale one: still one check-in to show. */
  if (dates->len == 0)
    {
      date = demo->quarter.start;
      if (g_date_compare (&date, &demo->today) > 0)
        date = demo->today;
      g_array_append_val (dates, date);
    }

  return dates;
}

/* The seed's demo_progress says how well a key result goes, not where it
 * stands: measured against the progress expected by today it gives a
 * company with some key results ahead, most on track, a few behind, and
 * what was due before today mostly done, whatever the date. */
static double
demo_progress_today (Demo                         *demo,
                     const KoersTemplateKeyResult *seed,
                     KoersKeyResult               *kr,
                     const KoersPeriod            *period)
{
  double      expected = koers_score_expected_progress (period, &demo->today);
  const char *due_iso = koers_key_result_get_due_date (kr);
  GDate       due;

  if (due_iso != NULL && koers_date_parse (due_iso, &due) &&
      g_date_compare (&due, &demo->today) < 0)
    return seed->demo_progress >= 0.5 ? 1.0 : seed->demo_progress;

  return CLAMP (expected * (0.55 + 0.8 * seed->demo_progress), 0.0, 1.0);
}

static void
add_checkins (Demo                         *demo,
              KoersKeyResult               *kr,
              const KoersTemplateKeyResult *seed,
              const KoersPeriod            *period,
              const char                   *author)
{
  g_autoptr (GArray) dates = pick_checkin_dates (demo);
  GDate *first = &g_array_index (dates, GDate, 0);
  double end_progress = demo_progress_today (demo, seed, kr, period);
  double start_progress = 0.0;
  GDate  due;

  /* A yearly objective was already under way when the quarter began. */
  if (period->kind == KOERS_PERIOD_KIND_YEAR)
    {
      int before = koers_date_days_between (&period->start, first);
      int until_today = koers_date_days_between (&period->start, &demo->today);

      if (until_today > 0)
        start_progress = end_progress * CLAMP ((double) before / until_today, 0.0, 1.0);
    }

  /* Done before the quarter began: it stays done. */
  if (koers_key_result_get_due_date (kr) != NULL &&
      koers_date_parse (koers_key_result_get_due_date (kr), &due) &&
      g_date_compare (&due, first) < 0)
    start_progress = end_progress;

  for (guint i = 0; i < dates->len; i++)
    {
      const GDate     *date = &g_array_index (dates, GDate, i);
      g_autofree char *iso = koers_date_format_iso (date);
      g_autoptr (KoersCheckin) checkin = NULL;
      gboolean           last = i + 1 == dates->len;
      double             fraction = (double) (i + 1) / dates->len;
      double             progress;
      double             value;
      KoersCheckinStatus status;
      const char        *note = NULL;

      if (last && seed->metric_kind == KOERS_METRIC_KIND_MILESTONE)
        value = end_progress >= 1.0 ? 1.0 : 0.0;
      else if (last)
        value = round_value (seed, seed->start + (seed->target - seed->start) * end_progress);
      else if (seed->metric_kind == KOERS_METRIC_KIND_MILESTONE)
        value = start_progress >= 1.0 ? 1.0 : 0.0;
      else
        {
          /* Toward the demo value, with the ups and downs of real data:
           * at most a little under half a week's step either way. */
          double step = (end_progress - start_progress) / dates->len;

          progress = start_progress + (end_progress - start_progress) * fraction;
          progress += g_rand_double_range (demo->rand, -0.45, 0.45) * step;
          progress = CLAMP (progress, 0.0, 1.0);
          value = round_value (seed, seed->start + (seed->target - seed->start) * progress);
        }

      status = pick_status (demo, seed, period, date, value);
      if ((last && status == KOERS_CHECKIN_STATUS_OFF_TRACK) || g_rand_double (demo->rand) < 0.15)
        note = pick_note (demo, seed, period, date, value, status);

      checkin = koers_checkin_new (iso, value, status, note);
      koers_checkin_set_author (checkin, author);
      koers_key_result_add_checkin (kr, checkin);
    }

  forget_good_news (demo, kr, period);
}

/* The store's department a template's department key stands for (NULL:
 * the company level). */
static KoersDepartment *
find_department (KoersStore *store,
                 const char *key)
{
  GListModel *depts = koers_store_get_departments (store);
  guint       n = g_list_model_get_n_items (depts);

  if (key == NULL)
    return koers_store_get_company (store);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (depts, i);

      if (g_strcmp0 (koers_templates_get_department_key (store, dept), key) == 0)
        return dept;
    }

  return NULL;
}

static KoersObjective *
build_objective (Demo *demo,
                 const KoersTemplate *template,
                 gint64 department_id,
                 gint64 aligned_to_id)
{
  const KoersPeriod *period = koers_template_get_period_kind (template) == KOERS_PERIOD_KIND_YEAR
                                ? &demo->year
                                : &demo->quarter;
  const char        *owner = koers_template_get_owner (template, demo->language);
  guint              n_key_results = koers_template_get_n_key_results (template);
  KoersObjective    *objective;

  objective = koers_objective_new (koers_template_get_title (template, demo->language),
                                   koers_template_get_department_key (template) == NULL
                                     ? KOERS_LEVEL_COMPANY
                                     : KOERS_LEVEL_DEPARTMENT,
                                   koers_template_get_kind (template),
                                   period == &demo->year ? demo->year_key : demo->quarter_key);
  koers_objective_set_department_id (objective, department_id);
  koers_objective_set_owner (objective, owner);
  koers_objective_set_aligned_to_id (objective, aligned_to_id);

  for (guint i = 0; i < n_key_results; i++)
    {
      KoersTemplateKeyResult kr_seed;
      g_autoptr (KoersKeyResult) kr = NULL;

      koers_template_get_key_result (template, i, demo->language, &kr_seed);
      kr = koers_demo_build_key_result (demo, &kr_seed, period, owner, i);
      koers_objective_insert_key_result (objective, kr);
    }

  return objective;
}
/* The quarter a text names ("in Q2", "eind Q3"), or 0. */
static int
find_named_quarter (const char  *text,
                    const char **where)
{
  for (const char *p = strchr (text, 'Q'); p != NULL; p = strchr (p + 1, 'Q'))
    {
      gboolean starts_word = p == text || !g_ascii_isalnum (p[-1]);

      if (starts_word && p[1] >= '1' && p[1] <= '4' && !g_ascii_isalnum (p[2]))
        {
          if (where != NULL)
            *where = p;
          return p[1] - '0';
        }
    }

  return 0;
}

/* The seed's examples were written in one quarter ("in Q2", "in the first
 * month of Q2"); a quarter's objective of the demo sits in today's quarter,
 * so its key results name that one, and their due dates move along by
 * whole quarters (the last day of a month stays the last day).  A year's
 * objective keeps both: "by the end of Q3" is a date within its year. */
static void
move_to_quarter (const KoersTemplateKeyResult *seed,
                 const KoersPeriod            *period,
                 char                        **title,
                 char                        **due_month_day)
{
  const char *where = NULL;
  int         named = find_named_quarter (seed->title, &where);
  GDate       date;

  *title = g_strdup (seed->title);
  *due_month_day = g_strdup (seed->due_month_day);
  if (named == 0 || period->kind != KOERS_PERIOD_KIND_QUARTER || named == period->quarter)
    return;

  (*title)[where - seed->title + 1] = (char) ('0' + period->quarter);

  if (seed->due_month_day != NULL)
    {
      g_autofree char *iso = koers_template_due_date (seed->due_month_day, period->year);
      gboolean         last_of_month;

      if (iso == NULL || !koers_date_parse (iso, &date))
        return;
      last_of_month = g_date_is_last_of_month (&date);
      if (period->quarter > named)
        g_date_add_months (&date, 3 * (period->quarter - named));
      else
        g_date_subtract_months (&date, 3 * (named - period->quarter));
      if (last_of_month)
        g_date_set_day (&date, g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date)));
      g_free (*due_month_day);
      *due_month_day = g_strdup_printf ("%02d-%02d", g_date_get_month (&date), g_date_get_day (&date));
    }
}

KoersKeyResult *
koers_demo_build_key_result (Demo                         *demo,
                             const KoersTemplateKeyResult *seed,
                             const KoersPeriod            *period,
                             const char                   *owner,
                             guint                         position)
{
  KoersTemplateKeyResult moved = *seed;
  g_autofree char       *title = NULL;
  g_autofree char       *due_month_day = NULL;
  g_autofree char       *due = NULL;
  KoersKeyResult        *kr;
  gpointer               kpi_id;

  move_to_quarter (seed, period, &title, &due_month_day);
  moved.title = title;
  moved.due_month_day = due_month_day;

  due = pick_due_date (demo, &moved, period);
  kr = koers_key_result_new (moved.title, moved.metric_kind, moved.start, moved.target, moved.unit);
  koers_key_result_set_position (kr, position);
  koers_key_result_set_owner (kr, owner);
  koers_key_result_set_due_date (kr, due);
  koers_key_result_set_uses_personal_data (kr, moved.uses_personal_data);
  koers_key_result_set_personal_data_note (kr, moved.personal_data_note);
  if (moved.kpi != NULL && demo->kpi_ids != NULL &&
      g_hash_table_lookup_extended (demo->kpi_ids, moved.kpi, NULL, &kpi_id))
    koers_key_result_set_kpi_id (kr, *(gint64 *) kpi_id);
  add_checkins (demo, kr, &moved, period, owner);

  return kr;
}

/* The day of the newest value: today for a weekly KPI, the first of the
 * month or quarter for the others; one interval (and a week) earlier
 * when the seed says the KPI is overdue. */
static void
pick_last_kpi_date (Demo                       *demo,
                    const KoersTemplateKpiInfo *seed,
                    GDate                      *out)
{
  KoersPeriod quarter;

  switch (seed->frequency)
    {
    case KOERS_KPI_FREQUENCY_WEEKLY:
      *out = demo->today;
      if (seed->demo_overdue)
        g_date_subtract_days (out, 7 * 2 + 3);
      break;
    case KOERS_KPI_FREQUENCY_QUARTERLY:
      koers_period_init_for_date (&quarter, &demo->today);
      *out = quarter.start;
      if (seed->demo_overdue)
        g_date_subtract_months (out, 3);
      break;
    case KOERS_KPI_FREQUENCY_MONTHLY:
    default:
      g_date_clear (out, 1);
      g_date_set_dmy (out, 1, g_date_get_month (&demo->today), g_date_get_year (&demo->today));
      if (seed->demo_overdue)
        g_date_subtract_months (out, 1);
      break;
    }
}

/* A multiple of step, without the binary noise of one (99.95, not
 * 99.950000000000003). */
static double
round_to_step (double value,
               double step)
{
  int    decimals = MAX (0, (int) -floor (log10 (step) + 1e-9));
  double scale = pow (10.0, decimals);

  value = round (value / step) * step;
  return round (value * scale) / scale;
}

static KoersKpi *
build_kpi (Demo *demo,
           const KoersTemplateKpi *template,
           KoersDepartment *dept)
{
  KoersTemplateKpiInfo        info;
  const KoersTemplateKpiInfo *seed = &info;
  KoersKpi                   *kpi;
  GDate                       date;
  guint                       n;

  koers_template_kpi_get_info (template, demo->language, &info);
  kpi = koers_template_kpi_build (template, dept, demo->language);

  switch (seed->frequency)
    {
    case KOERS_KPI_FREQUENCY_WEEKLY:
      n = DEMO_N_WEEKLY_VALUES;
      break;
    case KOERS_KPI_FREQUENCY_QUARTERLY:
      n = DEMO_N_QUARTERLY_VALUES;
      break;
    case KOERS_KPI_FREQUENCY_MONTHLY:
    default:
      n = DEMO_N_MONTHLY_VALUES;
      break;
    }

  /* Newest first, walking back; the newest is the seed's end value, so
   * that its status is the one the seed chose. */
  pick_last_kpi_date (demo, seed, &date);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKpiValue) value = NULL;
      g_autofree char *iso = koers_date_format_iso (&date);
      double           fraction = (double) (n - 1 - i) / (n - 1);
      double           step = fabs (seed->demo_end - seed->demo_start) / (n - 1);
      double           number = seed->demo_start + (seed->demo_end - seed->demo_start) * fraction;
      const char      *note = NULL;

      if (i > 0)
        number += g_rand_double_range (demo->kpi_rand, -0.6, 0.6) * step;
      number = round_to_step (number, seed->demo_step);
      if (seed->metric_kind == KOERS_METRIC_KIND_PERCENTAGE)
        number = CLAMP (number, 0.0, 100.0);

      if (i == 0 && koers_kpi_compute_status (seed->direction, seed->healthy, seed->attention,
                                              number) == KOERS_KPI_STATUS_UNHEALTHY)
        note = koers_demo_text (demo, &kpi_unhealthy_note);
      else if (g_rand_double (demo->kpi_rand) < 0.12)
        note = koers_demo_text (demo, &kpi_notes[g_rand_int_range (demo->kpi_rand, 0,
                                                                   G_N_ELEMENTS (kpi_notes))]);

      value = koers_kpi_value_new (iso, number, note);
      koers_kpi_add_value (kpi, value);

      if (seed->frequency == KOERS_KPI_FREQUENCY_WEEKLY)
        g_date_subtract_days (&date, 7);
      else
        g_date_subtract_months (&date, seed->frequency == KOERS_KPI_FREQUENCY_QUARTERLY ? 3 : 1);
    }

  return kpi;
}

static gboolean
add_kpis (Demo       *demo,
          KoersStore *store,
          GError    **error)
{
  guint                          n_kpis;
  const KoersTemplateKpi *const *kpis = koers_templates_get_kpis (&n_kpis);

  demo->kpi_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < n_kpis; i++)
    {
      KoersTemplateKpiInfo info;
      g_autoptr (KoersKpi) kpi = NULL;
      KoersDepartment *dept;

      koers_template_kpi_get_info (kpis[i], demo->language, &info);
      dept = find_department (store, info.department_key);
      g_return_val_if_fail (dept != NULL, FALSE);

      kpi = build_kpi (demo, kpis[i], dept);
      if (!koers_store_add_kpi (store, kpi, error))
        return FALSE;

      g_hash_table_insert (demo->kpi_ids, (gpointer) info.key,
                           g_memdup2 (&(gint64){ koers_kpi_get_id (kpi) }, sizeof (gint64)));
    }

  return TRUE;
}

static gboolean
fill_store (KoersStore   *store,
            KoersLanguage language,
            GError      **error)
{
  g_auto (Demo) demo = { 0 };
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  guint                       n_templates;
  const KoersTemplate *const *templates = koers_templates_get_all (&n_templates);

  demo.language = language;
  koers_date_today (&demo.today);
  demo.rand = g_rand_new_with_seed (g_date_get_julian (&demo.today));
  demo.kpi_rand = g_rand_new_with_seed (g_date_get_julian (&demo.today) ^ 0x4b5049u);
  koers_period_init_for_date (&demo.quarter, &demo.today);
  koers_period_init_year (&demo.year, g_date_get_year (&demo.today));
  demo.quarter_key = koers_period_to_string (&demo.quarter);
  demo.year_key = koers_period_to_string (&demo.year);

  if (!koers_store_set_organisation (store, koers_demo_text (&demo, &organisation_name), error))
    return FALSE;

  /* KPIs first: key results point at them. */
  if (!add_kpis (&demo, store, error))
    return FALSE;

  for (guint i = 0; i < n_templates; i++)
    {
      const KoersTemplate *template = templates[i];
      const char *aligned_to = koers_template_get_aligned_to (template);
      gint64     *aligned_to_id = aligned_to != NULL ? g_hash_table_lookup (ids, aligned_to) : NULL;
      g_autoptr (KoersObjective) objective = NULL;
      KoersDepartment *dept;

      dept = find_department (store, koers_template_get_department_key (template));
      g_return_val_if_fail (dept != NULL, FALSE);

      /* Company templates come first, so these ids are known. */
      objective = build_objective (&demo, template, koers_department_get_id (dept),
                                   aligned_to_id != NULL ? *aligned_to_id : 0);
      if (!koers_store_add_objective (store, objective, error))
        return FALSE;

      g_hash_table_insert (ids, (gpointer) koers_template_get_id (template),
                           g_memdup2 (&(gint64){ koers_objective_get_id (objective) },
                                      sizeof (gint64)));
    }

  if (!koers_demo_add_teams (&demo, store, ids, error))
    return FALSE;
  return koers_demo_add_capacity (store, language, &demo.quarter, error);
}

typedef struct
{
  KoersLanguage language;
} FillData;

static gboolean
fill_cb (KoersStore *store,
         gpointer    user_data,
         GError    **error)
{
  FillData *data = user_data;

  return fill_store (store, data->language, error);
}

gboolean
koers_demo_create (const char   *path,
                   KoersLanguage language,
                   GError      **error)
{
  FillData data = { language };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The demo takes its name only when whole: half a demo is no demo. */
  return koers_store_create (path, language, fill_cb, &data, error);
}
