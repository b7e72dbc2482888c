/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-test-quality.h"

/* The plain-text report behind `koers --check`. */

static void
test_report (KoersTestQuality *fx,
             gconstpointer     data)
{
  KoersQualityInput input;
  g_autoptr (GHashTable) dismissed = koers_quality_dismissed_new ();
  g_autoptr (GString) en = g_string_new (NULL);
  g_autoptr (GString) nl = g_string_new (NULL);
  g_autoptr (GString) explained = g_string_new (NULL);
  g_autoptr (GString) after = g_string_new (NULL);

  koers_quality_input_init (&input, G_LIST_MODEL (fx->departments), G_LIST_MODEL (fx->objectives), &fx->period);
  input.dismissed = dismissed;

  /* Clean: no error, and the report says so. */
  g_assert_false (koers_quality_print_report (&input, KOERS_LANGUAGE_EN, KOERS_QUALITY_REPORT_DEFAULT, en));
  g_assert_nonnull (strstr (en->str, "OKR check for Q2 2026 — errors: 0, warnings: 0, info: 0"));
  g_assert_nonnull (strstr (en->str, "No findings"));
  g_string_truncate (en, 0);

  koers_objective_remove_key_result (fx->objective, fx->kr1);
  koers_objective_remove_key_result (fx->objective, fx->kr2);
  koers_objective_set_title (fx->objective, "Twee\nregels");
  g_assert_true (koers_quality_print_report (&input, KOERS_LANGUAGE_EN, KOERS_QUALITY_REPORT_DEFAULT, en));
  g_assert_true (koers_quality_print_report (&input, KOERS_LANGUAGE_NL, KOERS_QUALITY_REPORT_DEFAULT, nl));
  g_assert_true (koers_quality_print_report (&input, KOERS_LANGUAGE_NL, KOERS_QUALITY_REPORT_EXPLAIN, explained));

  g_assert_nonnull (strstr (en->str, "errors: 1, warnings: 1, info: 0"));
  g_assert_nonnull (strstr (en->str, "\nerror    no-key-results\n"));
  g_assert_nonnull (strstr (en->str, "\nwarning  objective-title-too-long\n"));
  /* Where, on one line. */
  g_assert_nonnull (strstr (en->str, "IT & Marketing › Twee regels\n"));
  g_assert_nonnull (strstr (en->str, "This objective has no key results"));
  g_assert_nonnull (strstr (nl->str, "OKR-controle voor Q2 2026 — fouten: 1, waarschuwingen: 1, info: 0"));
  g_assert_nonnull (strstr (nl->str, "Deze doelstelling heeft geen sleutelresultaten"));
  g_assert_null (strstr (nl->str, "This objective"));
  g_assert_null (strstr (nl->str, "Waarom: "));
  g_assert_nonnull (strstr (explained->str, "Waarom: Toetsvraag: “Als je doelstelling niet op één regel past"));

  /* Dismissed, the error no longer stands. */
  g_hash_table_add (dismissed, g_strdup_printf ("no-key-results:%s", koers_objective_get_uuid (fx->objective)));
  g_assert_false (koers_quality_print_report (&input, KOERS_LANGUAGE_EN, KOERS_QUALITY_REPORT_DEFAULT, after));
  g_assert_nonnull (strstr (after->str, "errors: 0, warnings: 1, info: 0"));
  g_assert_nonnull (strstr (after->str, "Dismissed, not shown: 1"));
  g_assert_null (strstr (after->str, "no-key-results"));
}

#define ADD(path, func) \
  g_test_add ("/quality-report/" path, KoersTestQuality, NULL, koers_test_quality_set_up, func, koers_test_quality_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("report", test_report);

  return g_test_run ();
}
