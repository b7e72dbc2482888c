/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <time.h>

#include <glib/gi18n-lib.h>

#include "core/koers-change-text.h"
#include "core/koers-format.h"
#include "test-language.h"

/* The history in words, in English and in Dutch (the catalogue of this
 * build, TEST_LOCALEDIR), from changes built by hand. */

#define KR_CHURN "11111111-1111-4111-8111-111111111111"
#define KR_REVENUE "22222222-2222-4222-8222-222222222222"
#define KR_LAUNCH "33333333-3333-4333-8333-333333333333"
#define KR_GONE "44444444-4444-4444-8444-444444444444"
#define OBJECTIVE "55555555-5555-4555-8555-555555555555"
#define COMPANY_OBJECTIVE "66666666-6666-4666-8666-666666666666"
#define CHECKIN "77777777-7777-4777-8777-777777777777"

/* 4 December 2026, 14:02 UTC: 15:02 in Brussels (TZ is CET-1 below). */
static gint64
test_time (void)
{
  g_autoptr (GDateTime) time = g_date_time_new_utc (2026, 12, 4, 14, 2, 0);

  return g_date_time_to_unix (time) * G_USEC_PER_SEC;
}

static char *
get_name (const char *entity,
          const char *uuid,
          gpointer    user_data)
{
  if (g_str_equal (uuid, KR_CHURN))
    return g_strdup ("Reduce churn to 3%");
  if (g_str_equal (uuid, KR_REVENUE))
    return g_strdup ("Reach €1 million revenue");
  if (g_str_equal (uuid, OBJECTIVE))
    return g_strdup ("Keep our customers");
  if (g_str_equal (uuid, COMPANY_OBJECTIVE))
    return g_strdup ("Grow the company");
  if (g_str_equal (uuid, CHECKIN))
    return g_strdup ("2026-03-03");
  return NULL;
}

static gboolean
get_metric (const char      *entity,
            const char      *uuid,
            KoersMetricKind *kind,
            char           **unit,
            gpointer         user_data)
{
  g_assert_cmpstr (entity, ==, "key_result");

  if (g_str_equal (uuid, KR_CHURN))
    *kind = KOERS_METRIC_KIND_PERCENTAGE, *unit = g_strdup ("%");
  else if (g_str_equal (uuid, KR_REVENUE))
    *kind = KOERS_METRIC_KIND_CURRENCY, *unit = NULL;
  else if (g_str_equal (uuid, KR_LAUNCH))
    *kind = KOERS_METRIC_KIND_MILESTONE, *unit = NULL;
  else
    return FALSE;
  return TRUE;
}

static KoersChangeTextContext
context_for (const char *subject)
{
  return (KoersChangeTextContext){
    .get_name = get_name,
    .get_metric = get_metric,
    .subject_uuid = subject,
  };
}

static KoersChange *
change_new (const char          *author,
            const char          *entity,
            const char          *uuid,
            const char          *parent,
            KoersChangeOperation operation)
{
  return koers_change_new (1, "key", test_time (), author, entity, uuid, parent, operation, NULL);
}

static void
assert_describe (KoersChange                  *change,
                 const KoersChangeTextContext *context,
                 const char                   *expected)
{
  g_autofree char *text = koers_change_text_describe (change, context);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_details (KoersChange                  *change,
                const KoersChangeTextContext *context,
                const char *const            *expected)
{
  g_auto (GStrv) lines = koers_change_text_list_details (change, context);

  g_assert_nonnull (lines);
  for (guint i = 0; expected[i] != NULL || lines[i] != NULL; i++)
    {
      g_assert_nonnull (lines[i]);
      g_assert_cmpstr (lines[i], ==, expected[i]);
    }
}

/* The brief's examples, in both languages. */
static void
test_examples (void)
{
  KoersChangeTextContext kr = context_for (KR_CHURN);
  KoersChangeTextContext objective = context_for (OBJECTIVE);
  g_autoptr (KoersChange) target = change_new ("Anna Peeters", "key_result", KR_CHURN, OBJECTIVE,
                                               KOERS_CHANGE_UPDATE);
  g_autoptr (KoersChange) checkin = change_new ("Anna Peeters", "checkin", CHECKIN, KR_CHURN,
                                                KOERS_CHANGE_INSERT);
  g_autoptr (KoersChange) added = change_new ("Jan", "key_result", KR_CHURN, OBJECTIVE,
                                              KOERS_CHANGE_INSERT);
  g_autoptr (KoersChange) removed = change_new ("", "checkin", CHECKIN, KR_CHURN, KOERS_CHANGE_DELETE);

  koers_change_add_field (target, "target_value", "10.0", "12.0");
  koers_change_add_field (checkin, "key_result_id", NULL, KR_CHURN);
  koers_change_add_field (checkin, "date", NULL, "2026-12-04");
  koers_change_add_field (checkin, "value", NULL, "8.5");
  koers_change_add_field (checkin, "status", NULL, "on-track");
  koers_change_add_field (checkin, "note", NULL, NULL);
  koers_change_add_field (added, "objective_id", NULL, OBJECTIVE);
  koers_change_add_field (added, "title", NULL, "Reduce churn to 3%");
  koers_change_add_field (added, "metric_kind", NULL, "percentage");
  koers_change_add_field (removed, "date", "2026-03-03", NULL);
  koers_change_add_field (removed, "value", "2.0", NULL);

  use_language (KOERS_LANGUAGE_EN);
  assert_describe (target, &kr, "Anna Peeters changed the target from 10% to 12%");
  assert_describe (checkin, &kr, "Anna Peeters checked in 8.5% — on track");
  assert_describe (added, &objective, "Jan added the key result “Reduce churn to 3%”");
  assert_describe (removed, &kr, "Someone removed the check-in of 3 March 2026");
  /* In the objective's history, a key result's changes name it. */
  assert_describe (target, &objective,
                   "Anna Peeters changed the target of the key result “Reduce churn to 3%” from 10% to 12%");
  assert_describe (checkin, &objective,
                   "Anna Peeters checked in 8.5% on the key result “Reduce churn to 3%” — on track");
  assert_describe (removed, &objective,
                   "Someone removed the check-in of 3 March 2026 for the key result “Reduce churn to 3%”");
  /* The sentence says it all. */
  assert_details (target, &kr, (const char *[]){ NULL });
  assert_details (checkin, &kr, (const char *[]){ NULL });

  use_language (KOERS_LANGUAGE_NL);
  assert_describe (target, &kr, "Anna Peeters wijzigde de doelwaarde van 10% naar 12%");
  assert_describe (checkin, &kr, "Anna Peeters deed een check-in van 8,5% — op schema");
  assert_describe (added, &objective, "Jan voegde het sleutelresultaat “Reduce churn to 3%” toe");
  assert_describe (removed, &kr, "Iemand verwijderde de check-in van 3 maart 2026");
  assert_describe (target, &objective,
                   "Anna Peeters wijzigde de doelwaarde van het sleutelresultaat “Reduce churn to 3%” "
                   "van 10% naar 12%");
  use_language (KOERS_LANGUAGE_EN);
}

/* Values by what the column holds: money, milestones, dates, enums,
 * periods, positions, Yes/No, links. */
static void
test_values (void)
{
  KoersChangeTextContext revenue = context_for (KR_REVENUE);
  KoersChangeTextContext objective = context_for (OBJECTIVE);
  KoersChangeTextContext launch = context_for (KR_LAUNCH);
  g_autoptr (KoersChange) money = change_new ("Anna", "key_result", KR_REVENUE, OBJECTIVE,
                                              KOERS_CHANGE_UPDATE);
  g_autoptr (KoersChange) due = change_new ("Anna", "key_result", KR_REVENUE, OBJECTIVE,
                                            KOERS_CHANGE_UPDATE);
  g_autoptr (KoersChange) no_due = change_new ("Anna", "key_result", KR_REVENUE, OBJECTIVE,
                                               KOERS_CHANGE_UPDATE);
  g_autoptr (KoersChange) owner = change_new ("Anna", "key_result", KR_REVENUE, OBJECTIVE,
                                              KOERS_CHANGE_UPDATE);
  g_autoptr (KoersChange) state = change_new ("Anna", "objective", OBJECTIVE, NULL,
                                              KOERS_CHANGE_UPDATE);
  g_autoptr (KoersChange) milestone = change_new ("Anna", "checkin", CHECKIN, KR_LAUNCH,
                                                  KOERS_CHANGE_INSERT);
  g_autoptr (KoersChange) aligned = change_new ("Anna", "objective", OBJECTIVE, NULL,
                                                KOERS_CHANGE_UPDATE);
  g_autoptr (KoersChange) several = change_new ("Anna", "objective", OBJECTIVE, NULL,
                                                KOERS_CHANGE_UPDATE);
  g_autoptr (KoersChange) archived = change_new ("Anna", "objective", OBJECTIVE, NULL,
                                                 KOERS_CHANGE_UPDATE);

  koers_change_add_field (archived, "archived", "0", "1");
  koers_change_add_field (money, "target_value", "250000.0", "1000000.5");
  koers_change_add_field (due, "due_date", NULL, "2026-06-30");
  koers_change_add_field (no_due, "due_date", "2026-06-30", NULL);
  koers_change_add_field (owner, "owner", "", "Anna & Jan");
  koers_change_add_field (state, "state", "active", "achieved");
  koers_change_add_field (milestone, "value", NULL, "1.0");
  koers_change_add_field (milestone, "status", NULL, "none");
  koers_change_add_field (aligned, "aligned_to_id", COMPANY_OBJECTIVE, "99999999-9999-4999-8999-999999999999");
  koers_change_add_field (several, "period", "2026-Q2", "2026");
  koers_change_add_field (several, "position", "0", "1");
  koers_change_add_field (several, "kind", "committed", "aspirational");
  koers_change_add_field (several, "final_grade", NULL, "0.7");

  use_language (KOERS_LANGUAGE_EN);
  assert_describe (money, &revenue, "Anna changed the target from €250,000 to €1,000,000.50");
  assert_describe (due, &revenue, "Anna set the due date to 30 June 2026");
  assert_describe (no_due, &revenue, "Anna cleared the due date");
  /* Empty text is no text. */
  assert_describe (owner, &revenue, "Anna set the owner to “Anna & Jan”");
  assert_describe (state, &objective, "Anna changed the state from Active to Achieved");
  assert_describe (archived, &objective, "Anna changed whether it is archived from No to Yes");
  assert_describe (milestone, &launch, "Anna checked in Done");
  assert_describe (aligned, &objective,
                   "Anna changed the objective it supports from “Grow the company” to a removed objective");
  assert_describe (several, &objective, "Anna changed this objective");
  assert_details (several, &objective, (const char *[]){ "Period: Q2 2026 → 2026", "Position: 1 → 2", "Kind: Committed → Aspirational", "Final grade: none → 0.70", NULL });
  assert_describe (several, &revenue, "Anna changed the objective “Keep our customers”");

  use_language (KOERS_LANGUAGE_NL);
  assert_describe (money, &revenue, "Anna wijzigde de doelwaarde van € 250.000 naar € 1.000.000,50");
  assert_describe (due, &revenue, "Anna zette de deadline op 30 juni 2026");
  assert_describe (no_due, &revenue, "Anna wiste de deadline");
  assert_describe (state, &objective, "Anna wijzigde de status van Actief naar Behaald");
  assert_describe (archived, &objective, "Anna wijzigde of ze gearchiveerd is van Nee naar Ja");
  assert_describe (milestone, &launch, "Anna deed een check-in van Voltooid");
  assert_describe (several, &objective, "Anna wijzigde deze doelstelling");
  assert_details (several, &objective, (const char *[]){ "Periode: Q2 2026 → 2026", "Positie: 1 → 2", "Soort: Verplicht → Ambitieus", "Eindscore: geen → 0,70", NULL });
  use_language (KOERS_LANGUAGE_EN);
}

/* A change of the metric kind formats the old value the old way; booleans
 * read Yes/No; long text is named in the sentence and shown below it. */
static void
test_details (void)
{
  KoersChangeTextContext kr = context_for (KR_GONE);
  g_autoptr (KoersChange) metric = change_new ("Anna", "key_result", KR_GONE, OBJECTIVE,
                                               KOERS_CHANGE_UPDATE);
  g_autoptr (KoersChange) description = change_new ("Anna", "objective", OBJECTIVE, NULL,
                                                    KOERS_CHANGE_UPDATE);
  g_autoptr (KoersChange) checkin = change_new ("Anna", "checkin", CHECKIN, KR_GONE,
                                                KOERS_CHANGE_INSERT);
  g_autoptr (KoersChange) edit = change_new ("Anna", "checkin", CHECKIN, KR_GONE,
                                             KOERS_CHANGE_UPDATE);
  KoersChangeTextContext objective = context_for (OBJECTIVE);
  g_autofree char       *long_text = g_strnfill (200, 'x');

  koers_change_add_field (metric, "metric_kind", "number", "currency");
  koers_change_add_field (metric, "target_value", "10.0", "20.0");
  koers_change_add_field (metric, "uses_personal_data", "0", "1");
  koers_change_add_field (description, "description", "Old\ntext", long_text);
  koers_change_add_field (checkin, "date", NULL, "2026-11-30");
  koers_change_add_field (checkin, "value", NULL, "4");
  koers_change_add_field (checkin, "status", NULL, "at-risk");
  koers_change_add_field (checkin, "note", NULL, "Slow start");
  koers_change_add_field (edit, "value", "4", "5");

  use_language (KOERS_LANGUAGE_EN);
  assert_describe (metric, &kr, "Anna changed this key result");
  assert_details (metric, &kr, (const char *[]){ "Measured as: Number → Currency", "Target value: 10 → €20", "Uses personal data: No → Yes", NULL });
  assert_describe (description, &objective, "Anna changed the description");
  {
    g_auto (GStrv) lines = koers_change_text_list_details (description, &objective);

    g_assert_cmpuint (g_strv_length (lines), ==, 1);
    g_assert_true (g_str_has_prefix (lines[0], "Description: “Old text” → “xxx"));
    g_assert_true (g_str_has_suffix (lines[0], "x…”"));
  }
  /* A key result nobody knows any more, back-dated, with a note. */
  assert_describe (checkin, &kr, "Anna checked in 4 — at risk");
  assert_details (checkin, &kr, (const char *[]){ "Date: 30 November 2026", "Note: “Slow start”", NULL });
  assert_describe (checkin, &objective, "Anna checked in 4 on a removed key result — at risk");
  /* The date of a check-in the change does not hold comes from the caller. */
  assert_describe (edit, &kr, "Anna changed the value of the check-in of 3 March 2026 from 4 to 5");

  use_language (KOERS_LANGUAGE_NL);
  assert_details (metric, &kr, (const char *[]){ "Gemeten als: Getal → Bedrag", "Doelwaarde: 10 → € 20", "Gebruikt persoonsgegevens: Nee → Ja", NULL });
  assert_describe (checkin, &objective,
                   "Anna deed een check-in van 4 op een verwijderd sleutelresultaat — in gevaar");
  use_language (KOERS_LANGUAGE_EN);
}

static void
test_time_and_author (void)
{
  g_autoptr (KoersChange) blank = change_new ("  ", "objective", OBJECTIVE, NULL, KOERS_CHANGE_INSERT);
  g_autoptr (KoersChange) none = koers_change_new (1, "k", test_time (), NULL, "objective", OBJECTIVE,
                                                   NULL, KOERS_CHANGE_DELETE, NULL);
  g_autofree char *en = NULL;
  g_autofree char *nl = NULL;
  g_autofree char *day = NULL;
  g_autofree char *clock = NULL;

  use_language (KOERS_LANGUAGE_EN);
  en = koers_change_text_format_time (test_time ());
  day = koers_change_text_format_day (test_time ());
  clock = koers_change_text_format_clock (test_time ());
  g_assert_cmpstr (en, ==, "4 December 2026, 15:02");
  g_assert_cmpstr (day, ==, "4 December 2026");
  g_assert_cmpstr (clock, ==, "15:02");
  g_assert_cmpstr (koers_change_text_get_author (blank), ==, "Someone");
  g_assert_cmpstr (koers_change_text_get_author (none), ==, "Someone");
  assert_describe (none, NULL, "Someone removed a removed objective");
  g_assert_cmpstr (koers_change_text_get_field_label ("key_result", "target_value"), ==, "Target value");
  g_assert_cmpstr (koers_change_text_get_field_label ("key_result", "no_such_column"), ==, "no_such_column");

  use_language (KOERS_LANGUAGE_NL);
  nl = koers_change_text_format_time (test_time ());
  g_assert_cmpstr (nl, ==, "4 december 2026, 15:02");
  g_assert_cmpstr (koers_change_text_get_author (blank), ==, "Iemand");
  g_assert_cmpstr (koers_change_text_get_field_label ("key_result", "target_value"), ==, "Doelwaarde");
  use_language (KOERS_LANGUAGE_EN);
}

int
main (int   argc,
      char *argv[])
{
  /* Brussels in winter, without depending on tzdata. */
  g_setenv ("TZ", "CET-1", TRUE);
  tzset ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/change-text/examples", test_examples);
  g_test_add_func ("/change-text/values", test_values);
  g_test_add_func ("/change-text/details", test_details);
  g_test_add_func ("/change-text/time-and-author", test_time_and_author);

  return g_test_run ();
}
