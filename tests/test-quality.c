/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "koers-test-quality.h"

static void
test_clean (KoersTestQuality *fx,
            gconstpointer     data)
{
  g_autoptr (GListModel) findings = koers_test_quality_run (fx);
  guint n = g_list_model_get_n_items (findings);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersQualityFinding) finding = g_list_model_get_item (findings, i);

      g_test_message ("unexpected: %s %s", koers_quality_finding_get_rule_id (finding),
                      koers_quality_finding_get_message (finding, KOERS_LANGUAGE_EN));
    }
  g_assert_cmpuint (n, ==, 0);
}

static void
test_rule_table (void)
{
  guint                   n;
  const KoersQualityRule *rules = koers_quality_get_rules (&n);
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (n, >=, 17);
  for (guint i = 0; i < n; i++)
    {
      const KoersQualityRule *rule = &rules[i];

      g_assert_true (g_hash_table_add (ids, (gpointer) rule->id));
      g_assert_true (koers_quality_find_rule (rule->id) == rule);
      g_assert_cmpstr (rule->title.en, !=, rule->title.nl);
      g_assert_cmpstr (rule->message.en, !=, rule->message.nl);
      g_assert_cmpstr (rule->explanation.en, !=, rule->explanation.nl);
      g_assert_cmpstr (rule->title.en, !=, "");
      g_assert_cmpstr (rule->explanation.nl, !=, "");
      /* Every explanation quotes the seed. */
      g_assert_nonnull (strstr (rule->explanation.nl, "“"));
      g_assert_nonnull (strstr (rule->explanation.en, "“"));
      g_assert_cmpstr (koers_quality_rule_get_title (rule, KOERS_LANGUAGE_NL), ==, rule->title.nl);
    }
  g_assert_null (koers_quality_find_rule ("no-such-rule"));

  g_assert_cmpstr (koers_quality_severity_get_label (KOERS_QUALITY_SEVERITY_ERROR, KOERS_LANGUAGE_NL), ==, "Fout");
  g_assert_cmpstr (koers_quality_severity_get_label (KOERS_QUALITY_SEVERITY_WARNING, KOERS_LANGUAGE_EN), ==, "Warning");
  g_assert_cmpstr (koers_quality_severity_to_string (KOERS_QUALITY_SEVERITY_INFO), ==, "info");
  g_assert_true (G_TYPE_IS_ENUM (KOERS_TYPE_QUALITY_SEVERITY));
}

static void
test_too_many_objectives (KoersTestQuality *fx,
                          gconstpointer     data)
{
  KoersQualityFinding *finding;

  /* Five in the quarter, a sixth in Q3: within the seed's limit. */
  for (guint i = 0; i < 4; i++)
    koers_test_quality_add_objective (fx, fx->marketing, "Another objective", KOERS_OBJECTIVE_KIND_ASPIRATIONAL,
                                      "2026-Q2", fx->company_objective);
  koers_test_quality_add_objective (fx, fx->marketing, "Next quarter", KOERS_OBJECTIVE_KIND_ASPIRATIONAL,
                                    "2026-Q3", fx->company_objective);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_TOO_MANY_OBJECTIVES, 0));
  }

  /* A yearly objective shows in the quarter: six. */
  koers_test_quality_add_objective (fx, fx->marketing, "All year", KOERS_OBJECTIVE_KIND_ASPIRATIONAL,
                                    "2026", fx->company_objective);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    finding = koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_TOO_MANY_OBJECTIVES, 0);
    g_assert_cmpint (koers_quality_finding_get_department_id (finding), ==,
                     koers_department_get_id (fx->marketing));
    g_assert_cmpint (koers_quality_finding_get_objective_id (finding), ==, 0);
    g_assert_cmpint (koers_quality_finding_get_severity (finding), ==, KOERS_QUALITY_SEVERITY_WARNING);
    g_assert_cmpstr (koers_quality_finding_get_message (finding, KOERS_LANGUAGE_EN), ==,
                     "IT & Marketing has 6 objectives in Q2 2026; the framework advises at most 5.");
    g_assert_cmpstr (koers_quality_finding_get_message (finding, KOERS_LANGUAGE_NL), ==,
                     "IT & Marketing heeft 6 doelstellingen in Q2 2026; het kader raadt er maximaal 5 aan.");
    g_assert_cmpstr (koers_quality_finding_get_key (finding), ==, "too-many-objectives:dept-2@2026-Q2");
    g_assert_cmpuint (koers_test_quality_count_rule (findings, KOERS_QUALITY_RULE_TOO_MANY_OBJECTIVES), ==, 1);
  }

  /* The company level too. */
  for (guint i = 0; i < 5; i++)
    koers_test_quality_add_objective (fx, fx->company, "Company goal", KOERS_OBJECTIVE_KIND_ASPIRATIONAL, "2026", NULL);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    g_assert_cmpuint (koers_test_quality_count_rule (findings, KOERS_QUALITY_RULE_TOO_MANY_OBJECTIVES), ==, 2);
    /* Department findings come first, the company's first of all. */
    finding = g_list_model_get_item (findings, 0);
    g_assert_cmpstr (koers_quality_finding_get_rule_id (finding), ==, KOERS_QUALITY_RULE_TOO_MANY_OBJECTIVES);
    g_assert_cmpint (koers_quality_finding_get_department_id (finding), ==,
                     koers_department_get_id (fx->company));
    g_object_unref (finding);
  }
}

static void
test_key_result_count (KoersTestQuality *fx,
                       gconstpointer     data)
{
  /* Five: fine; six: too many. */
  for (guint i = 0; i < 3; i++)
    koers_test_quality_add_key_result (fx, fx->objective, "Grow newsletter subscriptions by 20%",
                                       KOERS_METRIC_KIND_NUMBER, 5000, 6000, "2026-06-05");
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_TOO_MANY_KEY_RESULTS, 0));
  }
  koers_test_quality_add_key_result (fx, fx->objective, "Grow newsletter subscriptions by 20%",
                                     KOERS_METRIC_KIND_NUMBER, 5000, 6000, "2026-06-05");
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);
    KoersQualityFinding *finding = koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_TOO_MANY_KEY_RESULTS,
                                                                    koers_objective_get_id (fx->objective));

    g_assert_nonnull (strstr (koers_quality_finding_get_message (finding, KOERS_LANGUAGE_NL), "6 sleutelresultaten"));
  }
}

/* An archived objective is out of the check: its findings go with it. */
static void
test_archived (KoersTestQuality *fx,
               gconstpointer     data)
{
  g_autoptr (GListModel) before = NULL;
  g_autoptr (GListModel) after = NULL;

  koers_objective_remove_key_result (fx->objective, fx->kr1);
  koers_objective_remove_key_result (fx->objective, fx->kr2);
  before = koers_test_quality_run (fx);
  koers_test_quality_assert_fires (before, KOERS_QUALITY_RULE_NO_KEY_RESULTS, koers_objective_get_id (fx->objective));

  koers_objective_set_archived (fx->objective, TRUE);
  after = koers_test_quality_run (fx);
  g_assert_null (koers_test_quality_find (after, KOERS_QUALITY_RULE_NO_KEY_RESULTS, 0));
  for (guint i = 0; i < g_list_model_get_n_items (after); i++)
    {
      g_autoptr (KoersQualityFinding) finding = g_list_model_get_item (after, i);

      g_assert_cmpint (koers_quality_finding_get_objective_id (finding), !=, koers_objective_get_id (fx->objective));
    }
}

static void
test_no_key_results (KoersTestQuality *fx,
                     gconstpointer     data)
{
  g_autoptr (GListModel) findings = NULL;
  KoersQualityFinding *finding;

  koers_objective_remove_key_result (fx->objective, fx->kr1);
  koers_objective_remove_key_result (fx->objective, fx->kr2);
  findings = koers_test_quality_run (fx);
  finding = koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_NO_KEY_RESULTS, koers_objective_get_id (fx->objective));
  g_assert_cmpint (koers_quality_finding_get_severity (finding), ==, KOERS_QUALITY_SEVERITY_ERROR);
  /* No key results is not also "one key result". */
  g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_SINGLE_KEY_RESULT, 0));
}

static void
test_single_key_result (KoersTestQuality *fx,
                        gconstpointer     data)
{
  koers_objective_remove_key_result (fx->objective, fx->kr2);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);
    KoersQualityFinding *finding = koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_SINGLE_KEY_RESULT,
                                                                    koers_objective_get_id (fx->objective));

    /* The explanation asks the seed's test question. */
    g_assert_nonnull (strstr (koers_quality_finding_get_explanation (finding, KOERS_LANGUAGE_NL),
                              "Is het mogelijk om alle KRs te halen en toch het doel niet te behalen?"));
    g_assert_nonnull (strstr (koers_quality_finding_get_explanation (finding, KOERS_LANGUAGE_EN),
                              "Is it possible to meet all key results and still not reach the objective?"));
  }

  /* Aspirational: no such demand. */
  koers_objective_set_kind (fx->objective, KOERS_OBJECTIVE_KIND_ASPIRATIONAL);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_SINGLE_KEY_RESULT, 0));
  }
}

static void
test_title_length (KoersTestQuality *fx,
                   gconstpointer     data)
{
  g_autofree char *e89 = g_strnfill (89, 'e');
  g_autofree char *ninety = g_strconcat (e89, "é", NULL);
  g_autofree char *long_title = g_strconcat ("Én ", ninety, NULL);

  /* 90 characters (91 bytes) is one line. */
  koers_objective_set_title (fx->objective, ninety);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_TITLE_TOO_LONG, 0));
  }

  koers_objective_set_title (fx->objective, long_title);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);
    KoersQualityFinding *finding = koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_TITLE_TOO_LONG,
                                                                    koers_objective_get_id (fx->objective));

    g_assert_nonnull (strstr (koers_quality_finding_get_message (finding, KOERS_LANGUAGE_EN), "93 characters"));
    g_assert_nonnull (strstr (koers_quality_finding_get_message (finding, KOERS_LANGUAGE_NL), "93 tekens"));
  }

  koers_objective_set_title (fx->objective, "Short,\nbut on two lines");
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_TITLE_TOO_LONG, koers_objective_get_id (fx->objective));
  }

  /* A trailing line break is not a second line. */
  koers_objective_set_title (fx->objective, "Short and sharp\n");
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_TITLE_TOO_LONG, 0));
  }
}

static void
test_measurable (KoersTestQuality *fx,
                 gconstpointer     data)
{
  KoersQualityFinding *finding;

  koers_key_result_set_target_value (fx->kr1, 18);
  koers_key_result_set_metric_kind (fx->kr2, KOERS_METRIC_KIND_MILESTONE);
  koers_key_result_set_start_value (fx->kr2, 0);
  koers_key_result_set_target_value (fx->kr2, 1);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    finding = koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_TARGET_EQUALS_START, koers_key_result_get_id (fx->kr1));
    g_assert_cmpint (koers_quality_finding_get_severity (finding), ==, KOERS_QUALITY_SEVERITY_ERROR);
    g_assert_cmpint (koers_quality_finding_get_key_result_id (finding), ==, koers_key_result_get_id (fx->kr1));
    g_assert_cmpint (koers_quality_finding_get_objective_id (finding), ==, koers_objective_get_id (fx->objective));
    g_assert_cmpstr (koers_quality_finding_get_message (finding, KOERS_LANGUAGE_NL), ==,
                     "Start- en doelwaarde zijn allebei 18: er valt niets te meten.");
    /* A dated milestone is measurable. */
    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_MILESTONE_WITHOUT_DATE, 0));
    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_TARGET_EQUALS_START, koers_key_result_get_id (fx->kr2)));
  }

  koers_key_result_set_due_date (fx->kr2, NULL);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_MILESTONE_WITHOUT_DATE, koers_key_result_get_id (fx->kr2));
    /* A number without a date is not this rule's business. */
    koers_key_result_set_due_date (fx->kr1, NULL);
    g_clear_object (&findings);
    findings = koers_test_quality_run (fx);
    g_assert_cmpuint (koers_test_quality_count_rule (findings, KOERS_QUALITY_RULE_MILESTONE_WITHOUT_DATE), ==, 1);
  }
}

static void
test_activity (KoersTestQuality *fx,
               gconstpointer     data)
{
  koers_key_result_set_title (fx->kr1, "Lancering van versie 4.1");
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);
    KoersQualityFinding *finding = koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_ACTIVITY,
                                                                    koers_key_result_get_id (fx->kr1));

    g_assert_cmpstr (koers_quality_finding_get_message (finding, KOERS_LANGUAGE_NL), ==,
                     "Dit sleutelresultaat beschrijft een activiteit (“Lancering”), niet de impact die het moet hebben.");
    /* The seed's rewrite as the hint. */
    g_assert_cmpstr (koers_quality_finding_get_hint (finding, KOERS_LANGUAGE_NL), ==,
                     "Bijvoorbeeld: “Verhoog aanmeldingen met 25% dankzij versie 4.1.”");
    g_assert_cmpstr (koers_quality_finding_get_hint (finding, KOERS_LANGUAGE_EN), ==,
                     "For example: “Increase sign-ups by 25% thanks to version 4.1.”");
    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_ACTIVITY, koers_key_result_get_id (fx->kr2)));
  }
}

static void
test_last_day (KoersTestQuality *fx,
               gconstpointer     data)
{
  koers_key_result_set_due_date (fx->kr1, "2026-06-30");
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    /* One real date is a plan. */
    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_ALL_DUE_LAST_DAY, 0));
  }

  koers_key_result_set_due_date (fx->kr2, "2026-06-30");
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);
    KoersQualityFinding *finding = koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_ALL_DUE_LAST_DAY,
                                                                    koers_objective_get_id (fx->objective));

    g_assert_nonnull (strstr (koers_quality_finding_get_message (finding, KOERS_LANGUAGE_NL), "30 juni 2026"));
    g_assert_nonnull (strstr (koers_quality_finding_get_message (finding, KOERS_LANGUAGE_EN), "30 June 2026"));
    g_assert_nonnull (strstr (koers_quality_finding_get_explanation (finding, KOERS_LANGUAGE_NL),
                              "Gebruik echte datums"));
  }

  /* Undated key results are not "due on the last day". */
  koers_key_result_set_due_date (fx->kr1, NULL);
  koers_key_result_set_due_date (fx->kr2, NULL);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_ALL_DUE_LAST_DAY, 0));
  }
}

static void
test_ambiguous_metric (KoersTestQuality *fx,
                       gconstpointer     data)
{
  koers_key_result_set_title (fx->kr2, "1 miljoen klanten");
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);
    KoersQualityFinding *finding = koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_AMBIGUOUS_METRIC,
                                                                    koers_key_result_get_id (fx->kr2));

    g_assert_nonnull (strstr (koers_quality_finding_get_message (finding, KOERS_LANGUAGE_NL), "“klanten”"));
    g_assert_nonnull (strstr (koers_quality_finding_get_explanation (finding, KOERS_LANGUAGE_NL),
                              "bedoel je totaal, of actieve gebruikers in 7 dagen?"));
  }
  koers_key_result_set_title (fx->kr2, "1 miljoen actieve klanten per maand");
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_AMBIGUOUS_METRIC, 0));
  }
}

static void
test_owner (KoersTestQuality *fx,
            gconstpointer     data)
{
  koers_objective_set_owner (fx->objective, "  ");
  koers_key_result_set_owner (fx->kr2, NULL);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_OBJECTIVE_WITHOUT_OWNER, koers_objective_get_id (fx->objective));
    koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_KEY_RESULT_WITHOUT_OWNER, koers_key_result_get_id (fx->kr2));
    g_assert_cmpuint (koers_test_quality_count_rule (findings, KOERS_QUALITY_RULE_KEY_RESULT_WITHOUT_OWNER), ==, 1);
    g_assert_cmpuint (koers_test_quality_count_rule (findings, KOERS_QUALITY_RULE_OBJECTIVE_WITHOUT_OWNER), ==, 1);
  }
}

static void
test_alignment (KoersTestQuality *fx,
                gconstpointer     data)
{
  KoersObjective *team;
  KoersObjective *loop;

  /* Through a department objective to the company: fine. */
  team = koers_test_quality_add_objective (fx, fx->marketing, "Team objective", KOERS_OBJECTIVE_KIND_ASPIRATIONAL,
                                           "2026-Q2", fx->objective);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_NOT_ALIGNED, 0));
  }

  koers_objective_set_aligned_to_id (fx->objective, 0);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);
    KoersQualityFinding *finding = koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_NOT_ALIGNED,
                                                                    koers_objective_get_id (fx->objective));

    g_assert_cmpint (koers_quality_finding_get_severity (finding), ==, KOERS_QUALITY_SEVERITY_INFO);
    /* The team objective's chain ends nowhere as well. */
    koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_NOT_ALIGNED, koers_objective_get_id (team));
    /* Company objectives support themselves. */
    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_NOT_ALIGNED, koers_objective_get_id (fx->company_objective)));
  }

  /* A link to an objective that is gone, and a loop: no hang, a finding. */
  koers_objective_set_aligned_to_id (fx->objective, 9999);
  loop = koers_test_quality_add_objective (fx, fx->marketing, "Loop", KOERS_OBJECTIVE_KIND_ASPIRATIONAL, "2026-Q2", team);
  koers_objective_set_aligned_to_id (team, koers_objective_get_id (loop));
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_NOT_ALIGNED, koers_objective_get_id (fx->objective));
    koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_NOT_ALIGNED, koers_objective_get_id (team));
    koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_NOT_ALIGNED, koers_objective_get_id (loop));
  }
}

/* An archived objective supports nothing: what is aligned to it, directly
 * or through a team's chain, is not aligned, and says why. */
static void
test_aligned_to_archived (KoersTestQuality *fx,
                          gconstpointer     data)
{
  KoersObjective *team = koers_test_quality_add_objective (fx, fx->marketing, "Team objective",
                                                           KOERS_OBJECTIVE_KIND_ASPIRATIONAL, "2026-Q2", fx->objective);

  koers_objective_set_archived (fx->company_objective, TRUE);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);
    KoersQualityFinding *finding = koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_ALIGNED_TO_ARCHIVED,
                                                                    koers_objective_get_id (fx->objective));

    g_assert_cmpstr (koers_quality_finding_get_title (finding, KOERS_LANGUAGE_EN), ==, "Aligned to an archived objective");
    g_assert_cmpstr (koers_quality_finding_get_title (finding, KOERS_LANGUAGE_NL), ==,
                     "Afgestemd op een gearchiveerde doelstelling");
    koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_ALIGNED_TO_ARCHIVED, koers_objective_get_id (team));
    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_NOT_ALIGNED, 0));
  }

  /* The department objective archived: only the team's chain breaks. */
  koers_objective_set_archived (fx->company_objective, FALSE);
  koers_objective_set_archived (fx->objective, TRUE);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_ALIGNED_TO_ARCHIVED, koers_objective_get_id (team));
    g_assert_cmpuint (koers_test_quality_count_rule (findings, KOERS_QUALITY_RULE_ALIGNED_TO_ARCHIVED), ==, 1);
  }

  /* Restored: supported again. */
  koers_objective_set_archived (fx->objective, FALSE);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_ALIGNED_TO_ARCHIVED, 0));
    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_NOT_ALIGNED, 0));
  }
}

static void
test_personal_data (KoersTestQuality *fx,
                    gconstpointer     data)
{
  koers_key_result_set_uses_personal_data (fx->kr1, TRUE);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_PERSONAL_DATA_NO_NOTE, koers_key_result_get_id (fx->kr1));
    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_PERSONAL_DATA_NO_BASIS, 0));
  }

  koers_key_result_set_personal_data_note (fx->kr1, "Uses customer data: report only totals.");
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_PERSONAL_DATA_NO_NOTE, 0));
    koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_PERSONAL_DATA_NO_BASIS, koers_key_result_get_id (fx->kr1));
  }

  koers_key_result_set_personal_data_note (fx->kr1, "Klantgegevens voor de upsell; rechtsgrond: gerechtvaardigd belang.");
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_PERSONAL_DATA_NO_NOTE, 0));
    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_PERSONAL_DATA_NO_BASIS, 0));
  }

  /* A note without the flag: nothing to check. */
  koers_key_result_set_uses_personal_data (fx->kr1, FALSE);
  koers_key_result_set_personal_data_note (fx->kr1, "");
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_PERSONAL_DATA_NO_NOTE, 0));
  }
}

static gboolean
grade_one_cb (KoersObjective *objective,
              double         *grade,
              gpointer        user_data)
{
  *grade = 1.0;
  return TRUE;
}

static void
test_sandbagging (KoersTestQuality *fx,
                  gconstpointer     data)
{
  KoersObjective *a = koers_test_quality_add_objective (fx, fx->marketing, "Bold one", KOERS_OBJECTIVE_KIND_ASPIRATIONAL,
                                                        "2026-Q1", fx->company_objective);
  KoersObjective *b = koers_test_quality_add_objective (fx, fx->marketing, "Bold two", KOERS_OBJECTIVE_KIND_ASPIRATIONAL,
                                                        "2026-Q1", fx->company_objective);
  KoersObjective *committed = koers_test_quality_add_objective (fx, fx->marketing, "Must do", KOERS_OBJECTIVE_KIND_COMMITTED,
                                                                "2026-Q1", fx->company_objective);

  koers_test_quality_set_all_current (a, 1.0);
  koers_test_quality_set_all_current (b, 0.6);
  koers_test_quality_set_all_current (committed, 1.0);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_SANDBAGGING, 0));
  }

  /* A final grade from the review counts over the score. */
  {
    g_autoptr (GListModel) findings = koers_test_quality_run_full (fx, NULL, NULL, NULL, grade_one_cb, NULL);
    KoersQualityFinding *finding = koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_SANDBAGGING, 0);

    g_assert_cmpstr (koers_quality_finding_get_key (finding), ==, "sandbagging:dept-2@2026-Q1");
  }

  /* Or the objective's own final grade. */
  koers_objective_set_final_grade (b, 1.0);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_SANDBAGGING, 0);
  }
  koers_objective_set_final_grade (b, -1.0);

  koers_test_quality_set_all_current (b, 1.0);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);
    KoersQualityFinding *finding = koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_SANDBAGGING, 0);

    g_assert_cmpint (koers_quality_finding_get_department_id (finding), ==, koers_department_get_id (fx->marketing));
    g_assert_cmpstr (koers_quality_finding_get_message (finding, KOERS_LANGUAGE_EN), ==,
                     "IT & Marketing scored 1.0 on every aspirational objective (2) in Q1 2026.");
    g_assert_cmpstr (koers_quality_finding_get_message (finding, KOERS_LANGUAGE_NL), ==,
                     "IT & Marketing scoorde 1,0 op elke ambitieuze doelstelling (2) in Q1 2026.");
    g_assert_nonnull (strstr (koers_quality_finding_get_explanation (finding, KOERS_LANGUAGE_NL), "hamsteren"));
    /* Only the quarter after: checking Q3 says nothing about Q1. */
    {
      KoersPeriod q3;
      g_autoptr (GListModel) later = NULL;

      koers_period_init_quarter (&q3, 2026, 3);
      later = koers_test_quality_run_full (fx, &q3, NULL, NULL, NULL, NULL);
      g_assert_null (koers_test_quality_find (later, KOERS_QUALITY_RULE_SANDBAGGING, 0));
    }
  }

  /* Committed objectives at 1.0 are what they are for. */
  koers_objective_set_kind (a, KOERS_OBJECTIVE_KIND_COMMITTED);
  koers_objective_set_kind (b, KOERS_OBJECTIVE_KIND_COMMITTED);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_SANDBAGGING, 0));
  }
}

static gboolean
has_postmortem_cb (KoersObjective *objective,
                   gpointer        user_data)
{
  return koers_objective_get_id (objective) == *(gint64 *) user_data;
}

static void
test_postmortem (KoersTestQuality *fx,
                 gconstpointer     data)
{
  KoersPeriod     q1;
  KoersObjective *missed = koers_test_quality_add_objective (fx, fx->marketing, "Ship on time", KOERS_OBJECTIVE_KIND_COMMITTED,
                                                             "2026-Q1", fx->company_objective);
  KoersObjective *bold = koers_test_quality_add_objective (fx, fx->marketing, "Dream big", KOERS_OBJECTIVE_KIND_ASPIRATIONAL,
                                                           "2026-Q1", fx->company_objective);
  gint64          none = 0;
  gint64          missed_id = koers_objective_get_id (missed);

  koers_period_init_quarter (&q1, 2026, 1);
  koers_test_quality_set_all_current (missed, 0.5);
  koers_test_quality_set_all_current (bold, 0.5);
  /* Q2 is still running (today is 15 May): a committed one below 1.0 is
   * not missed yet. */
  koers_test_quality_set_all_current (fx->objective, 0.2);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run_full (fx, &q1, NULL, has_postmortem_cb, NULL, &none);
    KoersQualityFinding *finding = koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_MISSED_WITHOUT_POSTMORTEM, missed_id);
    g_autoptr (GListModel) current = koers_test_quality_run (fx);

    g_assert_cmpint (koers_quality_finding_get_severity (finding), ==, KOERS_QUALITY_SEVERITY_ERROR);
    g_assert_nonnull (strstr (koers_quality_finding_get_message (finding, KOERS_LANGUAGE_NL), "0,50"));
    g_assert_nonnull (strstr (koers_quality_finding_get_message (finding, KOERS_LANGUAGE_EN), "0.50"));
    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_MISSED_WITHOUT_POSTMORTEM, koers_objective_get_id (bold)));
    g_assert_null (koers_test_quality_find (current, KOERS_QUALITY_RULE_MISSED_WITHOUT_POSTMORTEM, 0));
  }

  /* With a postmortem: done. */
  {
    g_autoptr (GListModel) findings = koers_test_quality_run_full (fx, &q1, NULL, has_postmortem_cb, NULL, &missed_id);

    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_MISSED_WITHOUT_POSTMORTEM, 0));
  }

  /* The objective's own postmortem property, when no callback says. */
  koers_objective_set_postmortem (missed, "  ");
  {
    g_autoptr (GListModel) findings = koers_test_quality_run_full (fx, &q1, NULL, NULL, NULL, NULL);

    koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_MISSED_WITHOUT_POSTMORTEM, missed_id);
  }
  koers_objective_set_postmortem (missed, "The supplier slipped; we planned without a buffer.");
  {
    g_autoptr (GListModel) findings = koers_test_quality_run_full (fx, &q1, NULL, NULL, NULL, NULL);

    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_MISSED_WITHOUT_POSTMORTEM, 0));
  }
  koers_objective_set_postmortem (missed, NULL);

  /* A final grade of 1.0 from the review: not missed. */
  koers_objective_set_final_grade (missed, 1.0);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run_full (fx, &q1, NULL, NULL, NULL, NULL);

    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_MISSED_WITHOUT_POSTMORTEM, 0));
  }
  koers_objective_set_final_grade (missed, -1.0);

  /* Achieved after all: nothing to analyse. */
  koers_test_quality_set_all_current (missed, 1.0);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run_full (fx, &q1, NULL, has_postmortem_cb, NULL, &none);

    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_MISSED_WITHOUT_POSTMORTEM, 0));
  }
}

static void
test_dismissal (KoersTestQuality *fx,
                gconstpointer     data)
{
  g_autoptr (GHashTable) dismissed = koers_quality_dismissed_new ();
  g_autofree char     *key = NULL;
  KoersQualitySeverity worst = KOERS_QUALITY_SEVERITY_INFO;

  koers_key_result_set_target_value (fx->kr1, 18);
  koers_objective_set_owner (fx->objective, "");
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);
    KoersQualityFinding *finding = koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_TARGET_EQUALS_START,
                                                                    koers_key_result_get_id (fx->kr1));

    key = g_strdup (koers_quality_finding_get_key (finding));
    g_assert_cmpstr (key, ==, "key-result-target-equals-start:kr-7");
    g_assert_false (koers_quality_finding_get_dismissed (finding));
    g_assert_cmpuint (koers_quality_count_for_objective (findings, koers_objective_get_id (fx->objective), &worst), ==, 2);
    g_assert_cmpint (worst, ==, KOERS_QUALITY_SEVERITY_ERROR);
  }

  g_hash_table_add (dismissed, g_strdup (key));
  {
    g_autoptr (GListModel) findings = koers_test_quality_run_full (fx, NULL, dismissed, NULL, NULL, NULL);

    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_TARGET_EQUALS_START, 0));
    /* Only that one. */
    koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_OBJECTIVE_WITHOUT_OWNER, koers_objective_get_id (fx->objective));
    g_assert_cmpuint (koers_quality_count_for_objective (findings, koers_objective_get_id (fx->objective), &worst), ==, 1);
    g_assert_cmpint (worst, ==, KOERS_QUALITY_SEVERITY_WARNING);
  }

  /* Asked for, a dismissed finding comes back marked. */
  {
    KoersQualityInput input;
    g_autoptr (GListModel) findings = NULL;
    KoersQualityFinding *finding;

    koers_quality_input_init (&input, G_LIST_MODEL (fx->departments), G_LIST_MODEL (fx->objectives), &fx->period);
    input.dismissed = dismissed;
    input.include_dismissed = TRUE;
    findings = koers_quality_check (&input);
    finding = koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_TARGET_EQUALS_START, koers_key_result_get_id (fx->kr1));
    g_assert_true (koers_quality_finding_get_dismissed (finding));
    g_assert_cmpuint (koers_quality_count_for_objective (findings, koers_objective_get_id (fx->objective), NULL), ==, 1);
  }

  /* A dismissal is about one subject: the same problem elsewhere shows. */
  koers_key_result_set_target_value (fx->kr2, 60);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run_full (fx, NULL, dismissed, NULL, NULL, NULL);

    koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_TARGET_EQUALS_START, koers_key_result_get_id (fx->kr2));
  }
}

static void
test_finding_properties (KoersTestQuality *fx,
                         gconstpointer     data)
{
  g_autoptr (GListModel) findings = NULL;
  KoersQualityFinding *finding;
  g_autofree char     *message = NULL;
  g_autofree char     *rule_id = NULL;
  KoersQualitySeverity severity;
  gint64               kr_id;

  koers_key_result_set_target_value (fx->kr1, 18);
  findings = koers_test_quality_run (fx);
  finding = koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_TARGET_EQUALS_START, koers_key_result_get_id (fx->kr1));

  koers_format_set_language (KOERS_LANGUAGE_NL);
  g_object_get (finding, "message", &message, "rule-id", &rule_id, "severity", &severity,
                "key-result-id", &kr_id, NULL);
  g_assert_cmpstr (message, ==, koers_quality_finding_get_message (finding, KOERS_LANGUAGE_NL));
  g_assert_cmpstr (rule_id, ==, KOERS_QUALITY_RULE_TARGET_EQUALS_START);
  g_assert_cmpint (severity, ==, KOERS_QUALITY_SEVERITY_ERROR);
  g_assert_cmpint (kr_id, ==, koers_key_result_get_id (fx->kr1));
  koers_format_set_language (KOERS_LANGUAGE_EN);

  g_object_set (finding, "dismissed", TRUE, NULL);
  g_assert_true (koers_quality_finding_get_dismissed (finding));
}

/* `koers --check --departments`: only the departments asked for are
 * checked; the company's objectives still count as what they align to. */
static void
test_only_departments (KoersTestQuality *fx,
                       gconstpointer     data)
{
  KoersDepartment  *sales = koers_test_quality_add_department (fx, "Sales", FALSE);
  KoersObjective   *sales_objective = koers_test_quality_add_objective (fx, sales, "Sell more",
                                                                        KOERS_OBJECTIVE_KIND_ASPIRATIONAL,
                                                                        "2026-Q2", fx->company_objective);
  gint64            only[] = { koers_department_get_id (fx->marketing) };
  KoersQualityInput input;
  g_autoptr (GListModel) findings = NULL;

  koers_objective_set_owner (fx->objective, "");
  koers_objective_set_owner (sales_objective, "");
  koers_objective_set_owner (fx->company_objective, "");

  koers_quality_input_init (&input, G_LIST_MODEL (fx->departments), G_LIST_MODEL (fx->objectives), &fx->period);
  input.department_ids = only;
  input.n_department_ids = G_N_ELEMENTS (only);
  findings = koers_quality_check (&input);

  koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_OBJECTIVE_WITHOUT_OWNER,
                                   koers_objective_get_id (fx->objective));
  /* Aligned to the company's objective, which is not checked itself. */
  g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_NOT_ALIGNED, 0));
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 1);
}

/* One model that breaks every rule: each fires, and says so in both
 * languages. */
/* Valkuil #1 both ways: committed objectives that all ended below 0.7
 * the quarter before; an aspiration met with half its quarter to go. */
static void
test_pitfall_1 (KoersTestQuality *fx,
                gconstpointer     data)
{
  KoersObjective *missed = koers_test_quality_add_objective (fx, fx->marketing, "Must do", KOERS_OBJECTIVE_KIND_COMMITTED,
                                                             "2026-Q1", fx->company_objective);
  KoersObjective *early = koers_test_quality_add_objective (fx, fx->marketing, "Bold", KOERS_OBJECTIVE_KIND_ASPIRATIONAL,
                                                            "2026-Q2", fx->company_objective);

  koers_test_quality_set_all_current (missed, 0.4);
  koers_test_quality_set_all_current (early, 0.9);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);
    KoersQualityFinding *finding = koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_COMMITTED_LIKE_ASPIRATIONAL, 0);

    g_assert_cmpint (koers_quality_finding_get_department_id (finding), ==, koers_department_get_id (fx->marketing));
    g_assert_cmpstr (koers_quality_finding_get_message (finding, KOERS_LANGUAGE_EN), ==,
                     "IT & Marketing’s committed objectives of Q1 2026 (1) all ended below 0.7, the level of an "
                     "aspirational objective, far from the 1.0 a committed one promises.");
    g_assert_nonnull (strstr (koers_quality_finding_get_explanation (finding, KOERS_LANGUAGE_NL), "Valkuil #1"));
    g_assert_nonnull (strstr (koers_quality_finding_get_explanation (finding, KOERS_LANGUAGE_EN), "Pitfall #1"));
    /* 0.9 of the way: not met yet. */
    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_ASPIRATIONAL_LIKE_COMMITTED, 0));
  }

  /* One committed objective of Q1 met: they are not all aspirations. */
  koers_test_quality_set_all_current (koers_test_quality_add_objective (fx, fx->marketing, "Done", KOERS_OBJECTIVE_KIND_COMMITTED,
                                                                        "2026-Q1", fx->company_objective),
                                      1.0);
  koers_test_quality_set_all_current (early, 1.0);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);
    KoersQualityFinding *finding = koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_ASPIRATIONAL_LIKE_COMMITTED,
                                                                    koers_objective_get_id (early));

    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_COMMITTED_LIKE_ASPIRATIONAL, 0));
    g_assert_nonnull (strstr (koers_quality_finding_get_explanation (finding, KOERS_LANGUAGE_NL),
                              "overstijgen bewust de beschikbare capaciteit"));
  }

  /* Committed, 1.0 early is what it is for. */
  koers_objective_set_kind (early, KOERS_OBJECTIVE_KIND_COMMITTED);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_ASPIRATIONAL_LIKE_COMMITTED, 0));
  }
}

static void
assert_silent (KoersTestQuality *fx,
               const char       *rule_id)
{
  g_autoptr (GListModel) findings = koers_test_quality_run (fx);

  g_assert_null (koers_test_quality_find (findings, rule_id, 0));
}

/* The rule fires on the fixture's objective, quoting the seed's quote. */
static void
assert_fires_quoting (KoersTestQuality *fx,
                      const char       *rule_id,
                      const char       *quote)
{
  g_autoptr (GListModel) findings = koers_test_quality_run (fx);
  KoersQualityFinding *finding = koers_test_quality_assert_fires (findings, rule_id,
                                                                  koers_objective_get_id (fx->objective));

  g_assert_nonnull (strstr (koers_quality_finding_get_explanation (finding, KOERS_LANGUAGE_NL), quote));
}

/* Valkuil #2: nothing moves. */
static void
test_business_as_usual (KoersTestQuality *fx,
                        gconstpointer     data)
{
  assert_silent (fx, KOERS_QUALITY_RULE_BUSINESS_AS_USUAL);

  /* One key result that stays where it is: still an objective that moves. */
  koers_key_result_set_target_value (fx->kr1, koers_key_result_get_start_value (fx->kr1));
  assert_silent (fx, KOERS_QUALITY_RULE_BUSINESS_AS_USUAL);

  koers_key_result_set_target_value (fx->kr2, koers_key_result_get_start_value (fx->kr2));
  assert_fires_quoting (fx, KOERS_QUALITY_RULE_BUSINESS_AS_USUAL, "zonder iets te veranderen aan de huidige werking");
}

/* Key results that are all tasks to tick off; one milestone among them
 * can be the outcome itself. */
static void
test_tasks (KoersTestQuality *fx,
            gconstpointer     data)
{
  koers_key_result_set_metric_kind (fx->kr1, KOERS_METRIC_KIND_MILESTONE);
  assert_silent (fx, KOERS_QUALITY_RULE_TASKS_AS_KEY_RESULTS);

  koers_key_result_set_metric_kind (fx->kr2, KOERS_METRIC_KIND_MILESTONE);
  assert_fires_quoting (fx, KOERS_QUALITY_RULE_TASKS_AS_KEY_RESULTS, "herschrijf ze dan op impactniveau");
}

/* The company's 3 to 5: too few as well as too many. */
static void
test_too_few_company_objectives (KoersTestQuality *fx,
                                 gconstpointer     data)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fx->objectives));

  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);

    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_TOO_FEW_COMPANY_OBJECTIVES, 0));
  }

  /* The fixture's last objective is the company's third. */
  g_list_store_remove (fx->objectives, n - 1);
  {
    g_autoptr (GListModel) findings = koers_test_quality_run (fx);
    KoersQualityFinding *finding = koers_test_quality_assert_fires (findings, KOERS_QUALITY_RULE_TOO_FEW_COMPANY_OBJECTIVES, 0);

    g_assert_cmpint (koers_quality_finding_get_department_id (finding), ==, koers_department_get_id (fx->company));
    g_assert_cmpstr (koers_quality_finding_get_message (finding, KOERS_LANGUAGE_EN), ==,
                     "Company objectives in Q2 2026: 2; the framework advises 3 to 5.");
    g_assert_cmpstr (koers_quality_finding_get_message (finding, KOERS_LANGUAGE_NL), ==,
                     "Bedrijfsdoelstellingen in Q2 2026: 2; het kader raadt er 3 tot 5 aan.");
  }

  /* A period without any objective yet says nothing. */
  {
    KoersPeriod later;
    g_autoptr (GListModel) findings = NULL;

    koers_period_init_quarter (&later, 2030, 1);
    findings = koers_test_quality_run_full (fx, &later, NULL, NULL, NULL, NULL);
    g_assert_null (koers_test_quality_find (findings, KOERS_QUALITY_RULE_TOO_FEW_COMPANY_OBJECTIVES, 0));
  }
}

static void
test_every_rule (KoersTestQuality *fx,
                 gconstpointer     data)
{
  KoersPeriod             q1;
  KoersObjective         *lonely;
  KoersObjective         *empty;
  guint                   n_rules;
  const KoersQualityRule *rules = koers_quality_get_rules (&n_rules);
  g_autoptr (GListStore) all = g_list_store_new (KOERS_TYPE_QUALITY_FINDING);

  for (guint i = 0; i < 5; i++)
    koers_test_quality_add_objective (fx, fx->marketing, "More", KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2", fx->company_objective);
  for (guint i = 0; i < 4; i++)
    koers_test_quality_add_key_result (fx, fx->objective, "Grow newsletter subscriptions by 20%",
                                       KOERS_METRIC_KIND_NUMBER, 5000, 6000, "2026-06-05");
  koers_objective_set_title (fx->objective, "Line one\nline two");
  koers_objective_set_owner (fx->objective, "");
  koers_key_result_set_title (fx->kr1, "Launch version 4.1");
  koers_key_result_set_target_value (fx->kr1, 18);
  koers_key_result_set_owner (fx->kr1, "");
  koers_key_result_set_uses_personal_data (fx->kr1, TRUE);
  koers_key_result_set_title (fx->kr2, "Reach 1 million users");
  koers_key_result_set_uses_personal_data (fx->kr2, TRUE);
  koers_key_result_set_personal_data_note (fx->kr2, "Needed for the count.");

  lonely = koers_test_quality_add_objective (fx, fx->marketing, "Lonely", KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2", NULL);
  koers_objective_remove_key_result (lonely, koers_test_quality_get_key_result (lonely, 1));
  koers_key_result_set_metric_kind (koers_test_quality_get_key_result (lonely, 0), KOERS_METRIC_KIND_MILESTONE);
  koers_key_result_set_due_date (koers_test_quality_get_key_result (lonely, 0), NULL);
  empty = koers_test_quality_add_objective (fx, fx->marketing, "Empty", KOERS_OBJECTIVE_KIND_ASPIRATIONAL, "2026-Q2", fx->company_objective);
  koers_objective_remove_key_result (empty, koers_test_quality_get_key_result (empty, 1));
  koers_objective_remove_key_result (empty, koers_test_quality_get_key_result (empty, 0));
  {
    KoersObjective *late = koers_test_quality_add_objective (fx, fx->marketing, "Late", KOERS_OBJECTIVE_KIND_ASPIRATIONAL,
                                                             "2026-Q2", fx->company_objective);

    koers_key_result_set_due_date (koers_test_quality_get_key_result (late, 0), "2026-06-30");
    koers_key_result_set_due_date (koers_test_quality_get_key_result (late, 1), "2026-06-30");
  }
  {
    KoersObjective *easy = koers_test_quality_add_objective (fx, fx->marketing, "Easy", KOERS_OBJECTIVE_KIND_ASPIRATIONAL,
                                                             "2026-Q1", fx->company_objective);
    KoersObjective *missed = koers_test_quality_add_objective (fx, fx->marketing, "Missed", KOERS_OBJECTIVE_KIND_COMMITTED,
                                                               "2026-Q1", fx->company_objective);

    koers_test_quality_set_all_current (easy, 1.0);
    koers_test_quality_set_all_current (missed, 0.3);
  }

  {
    KoersObjective *keep = koers_test_quality_add_objective (fx, fx->marketing, "Keep", KOERS_OBJECTIVE_KIND_COMMITTED,
                                                             "2026-Q2", fx->company_objective);
    KoersObjective *tasks = koers_test_quality_add_objective (fx, fx->marketing, "Tasks", KOERS_OBJECTIVE_KIND_COMMITTED,
                                                              "2026-Q2", fx->company_objective);
    KoersObjective *early = koers_test_quality_add_objective (fx, fx->marketing, "Early", KOERS_OBJECTIVE_KIND_ASPIRATIONAL,
                                                              "2026-Q2", fx->company_objective);

    for (guint i = 0; i < 2; i++)
      {
        KoersKeyResult *kr = koers_test_quality_get_key_result (keep, i);

        koers_key_result_set_target_value (kr, koers_key_result_get_start_value (kr));
        koers_key_result_set_metric_kind (koers_test_quality_get_key_result (tasks, i), KOERS_METRIC_KIND_MILESTONE);
      }
    koers_test_quality_set_all_current (early, 1.0);
    /* Aligned to an objective that was archived since. */
    KoersObjective *gone = koers_test_quality_add_objective (fx, fx->marketing, "Gone", KOERS_OBJECTIVE_KIND_COMMITTED,
                                                             "2026-Q2", fx->company_objective);

    koers_test_quality_add_objective (fx, fx->marketing, "Orphan", KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2", gone);
    koers_objective_set_archived (gone, TRUE);
    /* Next year: a department's objective, none of the company's yet. */
    koers_test_quality_add_objective (fx, fx->marketing, "Next year", KOERS_OBJECTIVE_KIND_COMMITTED, "2027-Q1", NULL);
  }

  koers_period_init_quarter (&q1, 2026, 1);
  {
    KoersPeriod next_year;
    g_autoptr (GListModel) q2_findings = koers_test_quality_run (fx);
    g_autoptr (GListModel) q1_findings = koers_test_quality_run_full (fx, &q1, NULL, NULL, NULL, NULL);
    g_autoptr (GListModel) next_findings = NULL;
    GListModel *lists[3] = { q2_findings, q1_findings, NULL };

    koers_period_init_quarter (&next_year, 2027, 1);
    next_findings = koers_test_quality_run_full (fx, &next_year, NULL, NULL, NULL, NULL);
    lists[2] = next_findings;

    for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
      for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
        {
          g_autoptr (KoersQualityFinding) finding = g_list_model_get_item (lists[l], i);

          koers_test_quality_assert_bilingual (finding);
          g_list_store_append (all, finding);
        }
  }

  for (guint i = 0; i < n_rules; i++)
    {
      /* The capacity and escalation rules need capacities and escalations
       * in the input: tests/test-quality-capacity.c makes each fire. */
      static const char *const capacity_rules[] = {
        KOERS_QUALITY_RULE_COMMITTED_OVER_CAPACITY, KOERS_QUALITY_RULE_TOTAL_OVER_CAPACITY,
        KOERS_QUALITY_RULE_CAPACITY_UNDERUSED, KOERS_QUALITY_RULE_NO_EFFORT_ESTIMATE,
        KOERS_QUALITY_RULE_NOT_ESCALATED, NULL
      };

      if (g_strv_contains (capacity_rules, rules[i].id))
        continue;
      if (koers_test_quality_find (G_LIST_MODEL (all), rules[i].id, 0) == NULL)
        g_error ("rule %s never fired", rules[i].id);
    }
}

#define ADD(path, func) \
  g_test_add ("/quality/" path, KoersTestQuality, NULL, koers_test_quality_set_up, func, koers_test_quality_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quality/rule-table", test_rule_table);
  ADD ("archived", test_archived);
  ADD ("clean", test_clean);
  ADD ("only-departments", test_only_departments);
  ADD ("too-many-objectives", test_too_many_objectives);
  ADD ("key-result-count", test_key_result_count);
  ADD ("no-key-results", test_no_key_results);
  ADD ("single-key-result", test_single_key_result);
  ADD ("title-length", test_title_length);
  ADD ("measurable", test_measurable);
  ADD ("activity", test_activity);
  ADD ("last-day", test_last_day);
  ADD ("ambiguous-metric", test_ambiguous_metric);
  ADD ("owner", test_owner);
  ADD ("alignment", test_alignment);
  ADD ("aligned-to-archived", test_aligned_to_archived);
  ADD ("personal-data", test_personal_data);
  ADD ("sandbagging", test_sandbagging);
  ADD ("pitfall-1", test_pitfall_1);
  ADD ("business-as-usual", test_business_as_usual);
  ADD ("tasks-as-key-results", test_tasks);
  ADD ("too-few-company-objectives", test_too_few_company_objectives);
  ADD ("postmortem", test_postmortem);
  ADD ("dismissal", test_dismissal);
  ADD ("finding-properties", test_finding_properties);
  ADD ("every-rule", test_every_rule);

  return g_test_run ();
}
