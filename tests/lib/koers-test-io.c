/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "core/koers-date.h"
#include "store/koers-store-review.h"
#include "koers-test-io.h"

/* A check-in by someone whose name needs escaping in JSON. */
static void
add_checkin_by_anne (KoersStore        *store,
                     KoersKeyResult    *kr,
                     const char        *date,
                     double             value,
                     KoersCheckinStatus status,
                     const char        *note)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersCheckin) checkin = koers_checkin_new (date, value, status, note);

  koers_checkin_set_author (checkin, "Anne “QA” Peeters");
  koers_store_add_checkin (store, kr, checkin, &error);
  g_assert_no_error (error);
}

void
koers_test_populate_store (KoersStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersDepartment) team = koers_department_new ("Growth team", "🚀");
  g_autoptr (KoersObjective) carried = NULL;
  g_autoptr (KoersKeyResult) kr = NULL;
  KoersDepartment *marketing = koers_test_find_department (store, "Marketing");
  KoersObjective  *objective;
  GDate            today;
  int              n;

  koers_date_today (&today);

  g_assert_true (koers_store_set_organisation (store, "Acme “Koers”, NV", &error));
  g_assert_no_error (error);

  koers_department_set_parent_id (team, koers_department_get_id (marketing));
  g_assert_true (koers_store_add_department (store, team, &error));
  g_assert_no_error (error);

  n = koers_templates_instantiate_all (store, KOERS_LANGUAGE_EN, &today, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 21);

  objective = koers_test_find_objective (store, "Double monthly sign-ups.");
  add_checkin_by_anne (store, koers_test_first_key_result (objective), "2026-04-10", 300.5, KOERS_CHECKIN_STATUS_ON_TRACK,
                       "First week, \"good\" start,\nnext line");
  add_checkin_by_anne (store, koers_test_first_key_result (objective), "2026-05-08", 640.25, KOERS_CHECKIN_STATUS_AT_RISK,
                       "Ça va — 7,2 × “quotes”");

  /* From the previous quarter, carried over into this one, in the team. */
  carried = koers_objective_new ("Launch the referral programme, \"v2\"", KOERS_LEVEL_TEAM,
                                 KOERS_OBJECTIVE_KIND_ASPIRATIONAL, "2026-Q1");
  koers_objective_set_department_id (carried, koers_department_get_id (team));
  koers_objective_set_description (carried, "Line one,\r\nline two; ünïcødé 🚀");
  koers_objective_set_owner (carried, "Growth lead");
  koers_objective_set_state (carried, KOERS_OBJECTIVE_STATE_CARRIED_OVER);
  kr = koers_key_result_new ("Referral share", KOERS_METRIC_KIND_PERCENTAGE, 0.1, 7.2, "");
  koers_key_result_set_current_value (kr, 3.3);
  koers_key_result_set_weight (kr, 0.7);
  koers_key_result_set_due_date (kr, "2026-03-31");
  koers_objective_insert_key_result (carried, kr);
  g_assert_true (koers_store_add_objective (store, carried, &error));
  g_assert_no_error (error);

  /* Its review: a grade, a postmortem, notes, and a score of 0. */
  koers_objective_set_postmortem (carried, "Blameless: the \"v1\" data was late,\nso we started in March.");
  koers_objective_set_final_grade (carried, 0.45);
  koers_objective_set_review_note (carried, "Ça va — 0,45 × “quotes”");
  koers_key_result_set_final_score (kr, 0);
  koers_key_result_set_final_note (kr, "Nothing measured yet");
  g_assert_true (koers_store_save_review (store, carried, &error));
  g_assert_no_error (error);

  /* Two findings a person dismissed: an objective's, a department's. */
  {
    g_autofree char *objective_key = g_strconcat ("not-aligned:", koers_objective_get_uuid (carried), NULL);
    g_autofree char *department_key = g_strconcat ("too-many-objectives:", koers_department_get_uuid (marketing),
                                                   "@2026-Q2", NULL);

    g_assert_true (koers_store_dismiss_finding (store, objective_key, &error));
    g_assert_no_error (error);
    g_assert_true (koers_store_dismiss_finding (store, department_key, &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr (KoersObjective) next = koers_objective_new ("Launch the referral programme, \"v2\"",
                                                           KOERS_LEVEL_TEAM,
                                                           KOERS_OBJECTIVE_KIND_ASPIRATIONAL,
                                                           "2026-Q2");

    koers_objective_set_department_id (next, koers_department_get_id (team));
    koers_objective_set_carried_over_from_id (next, koers_objective_get_id (carried));
    koers_objective_set_aligned_to_id (next, koers_objective_get_id (
                                               koers_test_find_objective (store, "Increase sales results.")));
    g_assert_true (koers_store_add_objective (store, next, &error));
    g_assert_no_error (error);
  }
}

char *
koers_test_fingerprint_database (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *data = NULL;
      gsize            length = 0;

      g_checksum_update (checksum, (const guchar *) suffixes[i], -1);
      if (g_file_get_contents (name, &data, &length, NULL))
        {
          g_checksum_update (checksum, (const guchar *) "+", 1);
          g_checksum_update (checksum, (const guchar *) data, (gssize) length);
        }
    }

  return g_strdup (g_checksum_get_string (checksum));
}

char *
koers_test_export_full_text (KoersStore *store)
{
  g_autoptr (GError) error = NULL;
  char *text = koers_json_export_to_string (store, NULL, KOERS_TEST_EXPORTED_USEC, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

char *
koers_test_strip_changes (const char *text)
{
  const char *changes = strstr (text, ",\n  \"changes\" : [");

  g_assert_nonnull (changes);
  g_assert_true (g_str_has_suffix (text, "]\n}\n"));
  return g_strdup_printf ("%.*s\n}\n", (int) (changes - text), text);
}

char *
koers_test_export_text (KoersStore *store)
{
  g_autofree char *text = koers_test_export_full_text (store);

  return koers_test_strip_changes (text);
}
