/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "core/koers-date.h"
#include "core/koers-period.h"
#include "core/koers-seed.h"
#include "core/koers-date.h"
#include "core/koers-scoring.h"
#include "core/koers-status-words.h"
#include "io/koers-demo.h"
#include "io/koers-templates.h"
#include "koers-test-store.h"

/* The demo database: the seed's OKRs in the current quarter, aligned, with
 * a believable history of check-ins; repeatable; never over a file. */

#define DEMO_N_TEAMS 4

/* What the demo writes when a key result goes well, in both languages. */
static const char *const going_well[] = {
  "Good progress this week.",
  "Discussed in the management meeting; no change of plan.",
  "Back on track after last week's dip.",
  "Goede vooruitgang deze week.",
  "Besproken op het managementoverleg; het plan blijft.",
  "Terug op schema na de dip van vorige week.",
};

static gboolean
create_demo (const char   *path,
             KoersLanguage language)
{
  g_autoptr (GError) error = NULL;
  gboolean ret;

  ret = koers_demo_create (path, language, &error);
  g_assert_no_error (error);
  return ret;
}

static const KoersTemplate *
find_template (const char   *title,
               KoersLanguage language)
{
  guint                       n;
  const KoersTemplate *const *all = koers_templates_get_all (&n);

  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (koers_template_get_title (all[i], language), title) == 0)
        return all[i];
    }

  g_error ("“%s” is not a template", title);
  return NULL;
}

static void
test_create (KoersTestDir *fixture,
             gconstpointer data)
{
  g_autoptr (KoersStore) store = NULL;
  g_autoptr (GHashTable) due_dates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel                 *objectives;
  guint                       n_templates, n_template_krs = 0, n_krs = 0, n_checkins = 0;
  guint                       n_aspirational = 0, n_aligned = 0, n_personal = 0, n_notes = 0;
  guint                       n_achieved = 0, n_open = 0;
  guint                       n_at_risk = 0, n_on_track = 0, n_none = 0, n_on_last_day = 0;
  const KoersTemplate *const *templates = koers_templates_get_all (&n_templates);
  const KoersSeedDepartment  *seed_departments = koers_seed_get_departments (NULL);
  GDate                       today, quarter_start;
  KoersPeriod                 quarter;

  koers_date_today (&today);
  koers_period_init_for_date (&quarter, &today);
  quarter_start = quarter.start;

  g_assert_true (create_demo (fixture->path, KOERS_LANGUAGE_EN));
  store = koers_test_open_store (fixture->path);

  /* The company, the seed's nine departments, four teams. */
  g_assert_cmpuint (g_list_model_get_n_items (koers_store_get_departments (store)), ==, 10 + DEMO_N_TEAMS);
  g_assert_cmpstr (koers_store_get_organisation (store), ==, "Example Company Ltd");

  /* The templates' objectives first, then the teams' (test_teams). */
  objectives = koers_store_get_objectives (store);
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, n_templates + DEMO_N_TEAMS);
  for (guint i = 0; i < n_templates; i++)
    n_template_krs += koers_template_get_n_key_results (templates[i]);

  for (guint i = 0; i < n_templates; i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);
      const char      *title = koers_objective_get_title (objective);
      KoersDepartment *dept = koers_store_find_department (store,
                                                           koers_objective_get_department_id (objective));
      GListModel      *krs = koers_objective_get_key_results (objective);
      const KoersTemplate *template = find_template (title, KOERS_LANGUAGE_EN);
      const char *dept_key = koers_template_get_department_key (template);
      const char *aligned_to = koers_template_get_aligned_to (template);
      KoersPeriod period;

      g_assert_nonnull (dept);
      g_assert_cmpstr (koers_objective_get_owner (objective), ==,
                       koers_template_get_owner (template, KOERS_LANGUAGE_EN));
      g_assert_cmpint (koers_objective_get_kind (objective), ==, koers_template_get_kind (template));
      g_assert_true (koers_objective_get_parsed_period (objective, &period));
      g_assert_true (koers_period_contains_date (&period, &today));
      g_assert_cmpint (period.kind, ==, koers_template_get_period_kind (template));

      if (dept_key == NULL)
        {
          g_assert_true (koers_department_get_is_company (dept));
          g_assert_cmpint (koers_objective_get_level (objective), ==, KOERS_LEVEL_COMPANY);
        }
      else
        g_assert_cmpstr (koers_department_get_name (dept), ==,
                         koers_seed_department_get_name (
                           &seed_departments[koers_seed_find_department (dept_key)],
                           KOERS_LANGUAGE_EN));

      /* Department objectives point at the company objective the template names. */
      if (aligned_to != NULL)
        {
          KoersObjective *target = koers_store_find_objective (
            store, koers_objective_get_aligned_to_id (objective));

          g_assert_nonnull (target);
          g_assert_cmpstr (koers_objective_get_title (target), ==,
                           koers_template_get_title (koers_templates_find (aligned_to),
                                                     KOERS_LANGUAGE_EN));
          g_assert_cmpint (koers_objective_get_level (target), ==, KOERS_LEVEL_COMPANY);
          n_aligned++;
        }
      else
        g_assert_cmpint (koers_objective_get_aligned_to_id (objective), ==, 0);

      if (koers_template_get_kind (template) == KOERS_OBJECTIVE_KIND_ASPIRATIONAL)
        n_aspirational++;

      g_assert_cmpuint (g_list_model_get_n_items (krs), ==, koers_template_get_n_key_results (template));
      for (guint j = 0; j < koers_template_get_n_key_results (template); j++)
        {
          g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, j);
          KoersTemplateKeyResult kr_template;
          GListModel            *checkins = koers_key_result_get_checkins (kr);
          guint                  n = g_list_model_get_n_items (checkins);
          g_autoptr (KoersCheckin) latest = NULL;
          const char *due = koers_key_result_get_due_date (kr);
          GDate       due_date;

          koers_template_get_key_result (template, j, KOERS_LANGUAGE_EN, &kr_template);
          n_krs++;
          g_assert_cmpstr (koers_key_result_get_title (kr), ==, kr_template.title);
          g_assert_cmpfloat (koers_key_result_get_start_value (kr), ==, kr_template.start);
          g_assert_cmpfloat (koers_key_result_get_target_value (kr), ==, kr_template.target);
          g_assert_cmpstr (koers_key_result_get_owner (kr), !=, "");

          /* Real due dates, inside the period. */
          g_assert_nonnull (due);
          g_assert_true (koers_date_parse (due, &due_date));
          g_assert_true (koers_period_contains_date (&period, &due_date));
          g_hash_table_add (due_dates, g_strdup (due));
          if (g_date_compare (&due_date, &period.end) == 0)
            n_on_last_day++;

          if (koers_key_result_get_uses_personal_data (kr))
            {
              g_assert_cmpstr (koers_key_result_get_personal_data_note (kr), !=, "");
              n_personal++;
            }

          /* Check-ins from the quarter's start to today, about weekly,
           * ending between start and target. */
          g_assert_cmpuint (n, >=, 1);
          latest = g_list_model_get_item (checkins, 0);
          g_assert_cmpfloat (koers_checkin_get_value (latest), >=,
                             MIN (kr_template.start, kr_template.target));
          g_assert_cmpfloat (koers_checkin_get_value (latest), <=,
                             MAX (kr_template.start, kr_template.target));
          if (koers_key_result_get_progress (kr) >= 1.0)
            n_achieved++;
          else
            n_open++;
          g_assert_cmpfloat (koers_key_result_get_current_value (kr), ==,
                             koers_checkin_get_value (latest));

          for (guint k = 0; k < n; k++)
            {
              g_autoptr (KoersCheckin) checkin = g_list_model_get_item (checkins, k);
              GDate date;

              g_assert_true (koers_date_parse (koers_checkin_get_date (checkin), &date));
              g_assert_cmpint (g_date_compare (&date, &quarter_start), >=, 0);
              g_assert_cmpint (g_date_compare (&date, &today), <=, 0);
              g_assert_cmpstr (koers_checkin_get_author (checkin), !=, "");

              if (k + 1 < n)
                {
                  g_autoptr (KoersCheckin) older = g_list_model_get_item (checkins, k + 1);
                  GDate older_date;
                  int   gap;

                  g_assert_true (koers_date_parse (koers_checkin_get_date (older), &older_date));
                  gap = koers_date_days_between (&older_date, &date);
                  g_assert_cmpint (gap, >=, 6);
                  g_assert_cmpint (gap, <=, 8);
                }

              if (koers_checkin_get_note (checkin)[0] != '\0')
                n_notes++;
              switch (koers_checkin_get_status (checkin))
                {
                case KOERS_CHECKIN_STATUS_ON_TRACK:
                  n_on_track++;
                  break;
                case KOERS_CHECKIN_STATUS_AT_RISK:
                case KOERS_CHECKIN_STATUS_OFF_TRACK:
                  n_at_risk++;
                  break;
                case KOERS_CHECKIN_STATUS_NONE:
                default:
                  n_none++;
                  break;
                }
              n_checkins++;
            }
        }
    }

  g_assert_cmpuint (n_krs, ==, n_template_krs);
  g_assert_cmpuint (n_aligned, >=, 10);
  g_assert_cmpuint (n_aspirational, >=, 2);
  g_assert_cmpuint (n_personal, >=, 1);
  /* A demo shows key results done and key results still to do. */
  g_assert_cmpuint (n_achieved, >=, 1);
  g_assert_cmpuint (n_open, >, n_achieved);
  /* About seven weeks into Q2 2026: weekly check-ins for each. */
  g_assert_cmpuint (n_checkins, >=, n_krs * 4);
  g_assert_cmpuint (n_notes, >=, 5);
  g_assert_cmpuint (n_on_track, >=, 1);
  g_assert_cmpuint (n_at_risk, >=, 1);
  g_assert_cmpuint (n_none, >=, 1);
  /* Spread, not all on the last day. */
  g_assert_cmpuint (g_hash_table_size (due_dates), >=, 8);
  g_assert_cmpuint (n_on_last_day, <, n_krs / 2);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM checkins c"
                                                        " JOIN key_results k ON k.id = c.key_result_id"
                                                        " JOIN objectives o ON o.id = k.objective_id"
                                                        " WHERE o.level != 'team'"),
                   ==, n_checkins);
}

/* Notes agree with the status they sit on: no "Good progress this week."
 * on a key result that is at risk or off track after that check-in. */
static void
test_notes_agree (KoersTestDir *fixture,
                  gconstpointer data)
{
  g_autoptr (KoersStore) store = NULL;
  GListModel *objectives;
  guint       n_going_well = 0;

  g_assert_true (create_demo (fixture->path, KOERS_LANGUAGE_EN));
  store = koers_test_open_store (fixture->path);
  objectives = koers_store_get_objectives (store);

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *krs = koers_objective_get_key_results (objective);
      KoersPeriod period;

      g_assert_true (koers_objective_get_parsed_period (objective, &period));
      for (guint j = 0; j < g_list_model_get_n_items (krs); j++)
        {
          g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, j);
          GListModel *checkins = koers_key_result_get_checkins (kr);

          for (guint k = 0; k < g_list_model_get_n_items (checkins); k++)
            {
              g_autoptr (KoersCheckin) checkin = g_list_model_get_item (checkins, k);
              const char   *note = koers_checkin_get_note (checkin);
              GDate         date;
              double        progress;
              KoersKrStatus status;

              if (note == NULL || !g_strv_contains (going_well, note))
                continue;

              n_going_well++;
              g_assert_true (koers_date_parse (koers_checkin_get_date (checkin), &date));
              progress = koers_score_key_result_progress (koers_key_result_get_metric_kind (kr),
                                                          koers_key_result_get_start_value (kr),
                                                          koers_key_result_get_target_value (kr),
                                                          koers_checkin_get_value (checkin));
              status = koers_score_key_result_status (progress, koers_checkin_get_status (checkin),
                                                      koers_score_expected_progress (&period, &date));
              if (status == KOERS_KR_STATUS_AT_RISK || status == KOERS_KR_STATUS_OFF_TRACK)
                g_error ("“%s” on %s of “%s”, which is %s then", note, koers_checkin_get_date (checkin),
                         koers_key_result_get_title (kr), koers_kr_status_get_word (status, KOERS_LANGUAGE_EN));
            }
        }
    }

  g_assert_cmpuint (n_going_well, >, 0);
}

/* The quarter a text names ("in Q2", "einde Q1"), or 0. */
static int
find_named_quarter (const char *text)
{
  g_autoptr (GMatchInfo) match = NULL;
  g_autoptr (GRegex) regex = g_regex_new ("\\bQ([1-4])\\b", 0, 0, NULL);

  if (!g_regex_match (regex, text, 0, &match))
    return 0;
  return g_ascii_digit_value (g_match_info_fetch (match, 1)[0]);
}

/* Texts, periods, due dates and notes agree, whatever the day: a quarter's
 * objective names no other quarter; a year's key result that names a
 * quarter is due in it; every due date lies in its period; a key result
 * at risk or off track today carries no note that says it goes well. */
static void
check_reads_true (const char   *path,
                  const char   *today_iso,
                  KoersLanguage language)
{
  g_autoptr (KoersStore) store = NULL;
  GListModel *objectives;
  GDate       today;
  guint       n_named = 0, n_worried = 0;

  g_setenv ("KOERS_TODAY", today_iso, TRUE);
  g_assert_true (create_demo (path, language));
  g_setenv ("KOERS_TODAY", "2026-05-15", TRUE);
  g_assert_true (koers_date_parse (today_iso, &today));
  store = koers_test_open_store (path);
  objectives = koers_store_get_objectives (store);

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *krs = koers_objective_get_key_results (objective);
      KoersPeriod period;
      int         named = find_named_quarter (koers_objective_get_title (objective));

      g_assert_true (koers_objective_get_parsed_period (objective, &period));
      if (named != 0 && (period.kind != KOERS_PERIOD_KIND_QUARTER || named != period.quarter))
        g_error ("%s: “%s” sits in %s", today_iso, koers_objective_get_title (objective),
                 koers_objective_get_period (objective));

      for (guint j = 0; j < g_list_model_get_n_items (krs); j++)
        {
          g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, j);
          const char   *title = koers_key_result_get_title (kr);
          GListModel   *checkins = koers_key_result_get_checkins (kr);
          KoersKrStatus status = koers_key_result_get_status (kr, &period, &today);
          KoersPeriod   named_quarter;
          GDate         due;

          g_assert_true (koers_date_parse (koers_key_result_get_due_date (kr), &due));
          if (!koers_period_contains_date (&period, &due))
            g_error ("%s: “%s” is due %s, outside %s", today_iso, title,
                     koers_key_result_get_due_date (kr), koers_objective_get_period (objective));

          named = find_named_quarter (title);
          if (named != 0)
            {
              n_named++;
              koers_period_init_quarter (&named_quarter, period.year, named);
              if ((period.kind == KOERS_PERIOD_KIND_QUARTER && named != period.quarter) ||
                  !koers_period_contains_date (&named_quarter, &due))
                g_error ("%s: “%s” in %s is due %s", today_iso, title, koers_objective_get_period (objective),
                         koers_key_result_get_due_date (kr));
            }

          if (status != KOERS_KR_STATUS_AT_RISK && status != KOERS_KR_STATUS_OFF_TRACK)
            continue;
          n_worried++;
          for (guint k = 0; k < g_list_model_get_n_items (checkins); k++)
            {
              g_autoptr (KoersCheckin) checkin = g_list_model_get_item (checkins, k);

              if (g_strv_contains (going_well, koers_checkin_get_note (checkin)))
                g_error ("%s: “%s” on “%s”, %s today", today_iso, koers_checkin_get_note (checkin), title,
                         koers_kr_status_get_word (status, KOERS_LANGUAGE_EN));
            }
        }
    }

  /* The seed's quarter words are there to be checked, and so are key
   * results that go badly. */
  g_assert_cmpuint (n_named, >=, 5);
  g_assert_cmpuint (n_worried, >=, 1);
}

static void
test_reads_true (KoersTestDir *fixture,
                 gconstpointer data)
{
  static const char *const days[] = { "2026-02-10", "2026-05-15", "2026-08-20", "2026-12-05" };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *name = g_strdup_printf ("reads-true-%u.db", i);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      check_reads_true (path, days[i], i % 2 == 0 ? KOERS_LANGUAGE_NL : KOERS_LANGUAGE_EN);
    }
}

/* The method's three levels: two departments with teams, and each team
 * with an objective aligned to one of its own department's objectives. */
static void
test_teams (KoersTestDir *fixture,
            gconstpointer data)
{
  g_autoptr (KoersStore) store = NULL;
  g_autoptr (GHashTable) with_teams = g_hash_table_new (g_direct_hash, g_direct_equal);
  GListModel *departments;
  GListModel *objectives;
  guint       n_teams = 0, n_aligned = 0;

  g_assert_true (create_demo (fixture->path, KOERS_LANGUAGE_NL));
  store = koers_test_open_store (fixture->path);
  departments = koers_store_get_departments (store);
  objectives = koers_store_get_objectives (store);

  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr (KoersDepartment) team = g_list_model_get_item (departments, i);
      gint64           parent_id = koers_department_get_parent_id (team);
      KoersDepartment *parent = koers_store_find_department (store, parent_id);
      guint            n_own = 0;

      if (parent_id == 0)
        continue;
      n_teams++;
      g_assert_nonnull (parent);
      g_assert_false (koers_department_get_is_company (parent));
      g_hash_table_add (with_teams, GSIZE_TO_POINTER ((gsize) parent_id));

      for (guint j = 0; j < g_list_model_get_n_items (objectives); j++)
        {
          g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, j);
          KoersObjective *target;

          if (koers_objective_get_department_id (objective) != koers_department_get_id (team))
            continue;
          n_own++;
          g_assert_cmpint (koers_objective_get_level (objective), ==, KOERS_LEVEL_TEAM);
          g_assert_cmpuint (g_list_model_get_n_items (koers_objective_get_key_results (objective)), >=, 2);
          target = koers_store_find_objective (store, koers_objective_get_aligned_to_id (objective));
          g_assert_nonnull (target);
          g_assert_cmpint (koers_objective_get_department_id (target), ==, parent_id);
          g_assert_cmpint (koers_objective_get_level (target), ==, KOERS_LEVEL_DEPARTMENT);
          /* And that one supports the company. */
          g_assert_nonnull (koers_store_find_objective (store, koers_objective_get_aligned_to_id (target)));
          n_aligned++;
        }
      g_assert_cmpuint (n_own, >=, 1);
    }

  g_assert_cmpuint (g_hash_table_size (with_teams), >=, 2);
  g_assert_cmpuint (n_teams, ==, DEMO_N_TEAMS);
  g_assert_cmpuint (n_aligned, >=, n_teams);
  g_assert_nonnull (koers_store_find_department_by_name (store, "Campagnes"));
  g_assert_nonnull (koers_store_find_department_by_name (store, "Mobiel"));
}

static void
test_dutch (KoersTestDir *fixture,
            gconstpointer data)
{
  g_autoptr (KoersStore) store = NULL;
  g_autoptr (KoersObjective) first = NULL;
  const KoersTemplate *template;

  /* The interface language (English here) does not matter. */
  g_assert_true (create_demo (fixture->path, KOERS_LANGUAGE_NL));
  store = koers_test_open_store (fixture->path);

  g_assert_cmpstr (koers_department_get_name (koers_store_get_company (store)), ==, "Bedrijf");
  g_assert_nonnull (koers_store_find_department_by_name (store, "Financiën"));
  g_assert_cmpstr (koers_store_get_organisation (store), ==, "Voorbeeldbedrijf nv");

  first = g_list_model_get_item (koers_store_get_objectives (store), 0);
  template = find_template (koers_objective_get_title (first), KOERS_LANGUAGE_NL);
  g_assert_cmpstr (koers_objective_get_owner (first), ==,
                   koers_template_get_owner (template, KOERS_LANGUAGE_NL));
}

/* Everything but uuids and stamps. */
static char *
dump_content (const char *path)
{
  static const char *const queries[] = {
    "SELECT id, name, emoji, sort_order, parent_id, is_company FROM departments ORDER BY id",
    "SELECT id, department_id, title, description, level, kind, period, owner, aligned_to_id,"
    " state, carried_over_from_id, position FROM objectives ORDER BY id",
    "SELECT id, objective_id, title, metric_kind, unit, start_value, target_value, current_value,"
    " due_date, owner, weight, uses_personal_data, personal_data_note, position"
    " FROM key_results ORDER BY id",
    "SELECT id, key_result_id, date, value, status, note, author FROM checkins ORDER BY id",
    "SELECT key, value FROM settings ORDER BY key",
  };
  sqlite3 *db = koers_test_open_raw (path);
  GString *dump = g_string_new (NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (dump, "%s|", sqlite3_column_text (stmt, c));
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

static void
test_deterministic (KoersTestDir *fixture,
                    gconstpointer data)
{
  g_autofree char *second_path = g_build_filename (fixture->dir, "second.db", NULL);
  g_autofree char *third_path = g_build_filename (fixture->dir, "third.db", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  g_assert_true (create_demo (fixture->path, KOERS_LANGUAGE_EN));
  g_assert_true (create_demo (second_path, KOERS_LANGUAGE_EN));
  first = dump_content (fixture->path);
  second = dump_content (second_path);
  g_assert_cmpuint (strlen (first), >, 10000);
  g_assert_cmpstr (first, ==, second);

  /* Another day, another history: the third quarter. */
  g_setenv ("KOERS_TODAY", "2026-08-20", TRUE);
  g_assert_true (create_demo (third_path, KOERS_LANGUAGE_EN));
  g_setenv ("KOERS_TODAY", "2026-05-15", TRUE);
  third = dump_content (third_path);
  g_assert_cmpstr (first, !=, third);
  g_assert_nonnull (strstr (third, "|2026-Q3|"));
  g_assert_null (strstr (third, "|2026-Q2|"));
}

/* On the quarter's first day there is little history, but no check-in
 * from the future and still one for each key result. */
static void
test_first_day (KoersTestDir *fixture,
                gconstpointer data)
{
  g_setenv ("KOERS_TODAY", "2026-04-01", TRUE);
  g_assert_true (create_demo (fixture->path, KOERS_LANGUAGE_EN));
  g_setenv ("KOERS_TODAY", "2026-05-15", TRUE);

  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM checkins"
                                                        " WHERE date > '2026-04-01'"),
                   ==, 0);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM key_results k WHERE NOT EXISTS"
                                                        " (SELECT 1 FROM checkins c"
                                                        "  WHERE c.key_result_id = k.id)"),
                   ==, 0);
}

static void
test_refuses_existing (KoersTestDir *fixture,
                       gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersStore) store = NULL;

  /* Not over somebody's file… */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path, "my notes", -1, NULL));
  g_assert_false (koers_demo_create (fixture->path, KOERS_LANGUAGE_EN, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_OPEN);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (fixture->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "my notes");

  /* …and not over a Koers database either. */
  g_unlink (fixture->path);
  store = koers_test_open_store (fixture->path);
  g_clear_object (&store);
  g_assert_false (koers_demo_create (fixture->path, KOERS_LANGUAGE_EN, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_OPEN);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM objectives"), ==, 0);
}

/* The demo: the seed's KPIs with their history, and two key results
 * that move one. */
static void
test_kpis (KoersTestDir *fixture,
           gconstpointer data)
{
  g_autoptr (KoersStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) departments = g_hash_table_new (NULL, NULL);
  guint                          n_templates;
  const KoersTemplateKpi *const *templates = koers_templates_get_kpis (&n_templates);
  GListModel                    *kpis;
  guint                          by_status[4] = { 0 };
  guint                          n_due = 0, n_notes = 0;
  GDate                          today;
  g_autofree char               *today_iso = NULL;

  koers_date_today (&today);
  today_iso = koers_date_format_iso (&today);

  g_assert_true (koers_demo_create (fixture->path, KOERS_LANGUAGE_NL, &error));
  g_assert_no_error (error);
  store = koers_test_open_store (fixture->path);
  kpis = koers_store_get_kpis (store);
  g_assert_cmpuint (g_list_model_get_n_items (kpis), ==, n_templates);

  for (guint i = 0; i < n_templates; i++)
    {
      g_autoptr (KoersKpi) kpi = g_list_model_get_item (kpis, i);
      KoersDepartment     *dept = koers_store_find_department (store, koers_kpi_get_department_id (kpi));
      GListModel          *values = koers_kpi_get_values (kpi);
      KoersTemplateKpiInfo info = { 0 };
      guint                expected;

      for (guint j = 0; j < n_templates; j++)
        if (g_strcmp0 (koers_template_kpi_get_name (templates[j], KOERS_LANGUAGE_NL),
                       koers_kpi_get_name (kpi)) == 0)
          koers_template_kpi_get_info (templates[j], KOERS_LANGUAGE_NL, &info);
      g_assert_nonnull (info.key);
      g_assert_nonnull (dept);
      g_hash_table_add (departments, dept);
      g_assert_cmpfloat (koers_kpi_get_healthy (kpi), ==, info.healthy);
      g_assert_cmpint (koers_kpi_get_direction (kpi), ==, info.direction);

      expected = info.frequency == KOERS_KPI_FREQUENCY_QUARTERLY ? 5 : 13;
      g_assert_cmpuint (g_list_model_get_n_items (values), ==, expected);
      g_assert_cmpstr (koers_kpi_get_last_update_date (kpi), <=, today_iso);
      g_assert_cmpfloat (koers_kpi_get_current_value (kpi), ==, info.demo_end);
      by_status[koers_kpi_get_status (kpi)]++;
      if (koers_kpi_is_update_due (kpi, NULL))
        {
          g_assert_true (info.demo_overdue);
          n_due++;
        }

      for (guint k = 0; k < g_list_model_get_n_items (values); k++)
        {
          g_autoptr (KoersKpiValue) value = g_list_model_get_item (values, k);

          if (koers_kpi_value_get_note (value)[0] != '\0')
            n_notes++;
        }
    }

  /* Every seed department has one; every status and an overdue one show. */
  g_assert_cmpuint (g_hash_table_size (departments), ==, 9);
  g_assert_cmpuint (by_status[KOERS_KPI_STATUS_HEALTHY], >, 0);
  g_assert_cmpuint (by_status[KOERS_KPI_STATUS_NEEDS_ATTENTION], >, 0);
  g_assert_cmpuint (by_status[KOERS_KPI_STATUS_UNHEALTHY], >, 0);
  g_assert_cmpuint (n_due, >=, 1);
  g_assert_cmpuint (n_notes, >, 0);

  /* Churn and website visits: key results that move a KPI. */
  {
    GListModel *objectives = koers_store_get_objectives (store);
    guint       n_linked = 0;

    for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
      {
        g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);
        GListModel *krs = koers_objective_get_key_results (objective);

        for (guint j = 0; j < g_list_model_get_n_items (krs); j++)
          {
            g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, j);
            KoersKpi *kpi = koers_store_find_kpi (store, koers_key_result_get_kpi_id (kr));

            if (kpi == NULL)
              continue;
            n_linked++;
            g_assert_true (g_str_equal (koers_kpi_get_name (kpi), "Websitebezoeken") ||
                           g_str_equal (koers_kpi_get_name (kpi), "Klantverloop (churn)"));
          }
      }
    g_assert_cmpuint (n_linked, ==, 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, KoersTestDir, NULL, koers_test_dir_setup, func, koers_test_dir_teardown)

  ADD ("/demo/create", test_create);
  ADD ("/demo/dutch", test_dutch);
  ADD ("/demo/notes-agree", test_notes_agree);
  ADD ("/demo/reads-true", test_reads_true);
  ADD ("/demo/teams", test_teams);
  ADD ("/demo/deterministic", test_deterministic);
  ADD ("/demo/first-day", test_first_day);
  ADD ("/demo/refuses-existing", test_refuses_existing);
  ADD ("/demo/kpis", test_kpis);

#undef ADD

  return g_test_run ();
}
