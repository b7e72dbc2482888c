/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "core/koers-quality-private.h"

/* The word heuristics behind the text rules, in English and Dutch, on the
 * seed's own examples. */

static void
test_activity (void)
{
  static const char *const activities[] = {
    "Launch of version 4.1",
    "Lancering van versie 4.1",
    /* The seed's own team-level example: a date is not a quantity. */
    "Implementeer het nieuwe klantportaal vóór 30 juni.",
    "Lever wireframes en definitieve kleurkeuzes op.",
    "Wekelijkse personeelsenquêtes organiseren.",
    "Roll out two-factor authentication",
    "Tweeledige authenticatie (2FA) implementeren voor alle gebruikers.",
    "Deliver the new onboarding flow",
    "Release the mobile app",
    "Organise a customer day",
    "Run a staff survey every week.",
    "All managers introduce two-way feedback.",
    "Uitvoering van eerste gebruikerstest in de eerste maand van Q2.",
  };
  static const char *const impacts[] = {
    "Verhoog aanmeldingen met 25% dankzij versie 4.1",
    "Increase sign-ups by 25% thanks to version 4.1",
    "Deliver the internal audit report within 30 days",
    "Lever intern auditrapport af binnen 30 dagen na afronding.",
    "Launch in five new markets",
    "Reduce helpdesk requests by 20%",
    "Development time per feature under 3 days",
  };

  for (guint i = 0; i < G_N_ELEMENTS (activities); i++)
    {
      g_autofree char *word = koers_quality_text_find_activity (activities[i]);

      if (word == NULL)
        g_error ("not seen as an activity: %s", activities[i]);
      g_assert_nonnull (strstr (activities[i], word));
    }
  {
    g_autofree char *word = koers_quality_text_find_activity ("Roll out 2FA");

    g_assert_cmpstr (word, ==, "Roll out");
  }
  for (guint i = 0; i < G_N_ELEMENTS (impacts); i++)
    {
      g_autofree char *word = koers_quality_text_find_activity (impacts[i]);

      if (word != NULL)
        g_error ("seen as an activity (%s): %s", word, impacts[i]);
    }
}

static void
test_quantity (void)
{
  g_assert_true (koers_quality_text_has_quantity ("€ 2 miljoen omzet"));
  g_assert_true (koers_quality_text_has_quantity ("1.200 leads"));
  g_assert_true (koers_quality_text_has_quantity ("Five new points of sale"));
  g_assert_true (koers_quality_text_has_quantity ("Conversieratio van 25%"));
  g_assert_false (koers_quality_text_has_quantity ("Lancering van versie 4.1"));
  g_assert_false (koers_quality_text_has_quantity ("2FA voor iedereen in Q2"));
  g_assert_false (koers_quality_text_has_quantity ("vóór 30 juni"));
  g_assert_false (koers_quality_text_has_quantity ("by June 30"));
  g_assert_false (koers_quality_text_has_quantity ("two-factor login"));
  g_assert_false (koers_quality_text_has_quantity (""));
  g_assert_false (koers_quality_text_has_quantity (NULL));
}

static void
test_ambiguous_metric (void)
{
  g_autofree char *users = koers_quality_text_find_ambiguous_metric ("Reach 1 million users", NULL);
  g_autofree char *gebruikers = koers_quality_text_find_ambiguous_metric ("1 miljoen gebruikers", NULL);
  g_autofree char *from_unit = koers_quality_text_find_ambiguous_metric ("Grow to 500", "Customers");
  g_autofree char *active_nl = koers_quality_text_find_ambiguous_metric ("1 miljoen actieve gebruikers in 7 dagen", NULL);
  g_autofree char *active_en = koers_quality_text_find_ambiguous_metric ("1 million users active in 7 days", NULL);
  g_autofree char *per_month = koers_quality_text_find_ambiguous_metric ("500 new", "customers per month");
  g_autofree char *satisfaction = koers_quality_text_find_ambiguous_metric ("Verhoog klanttevredenheid", NULL);
  g_autofree char *existing = koers_quality_text_find_ambiguous_metric ("Upsell realiseren bij 40% van bestaande klanten.", NULL);

  g_assert_cmpstr (users, ==, "users");
  g_assert_cmpstr (gebruikers, ==, "gebruikers");
  g_assert_cmpstr (from_unit, ==, "Customers");
  g_assert_null (active_nl);
  g_assert_null (active_en);
  g_assert_null (per_month);
  g_assert_null (satisfaction);
  g_assert_null (existing);
}

static void
test_legal_basis (void)
{
  g_assert_true (koers_quality_text_names_legal_basis ("With the CONSENT of each customer"));
  g_assert_true (koers_quality_text_names_legal_basis ("Toestemming van elke medewerker"));
  g_assert_false (koers_quality_text_names_legal_basis ("Process it under the GDPR."));
  g_assert_false (koers_quality_text_names_legal_basis (NULL));
}

static void
test_blank (void)
{
  g_assert_true (koers_quality_text_is_blank (NULL));
  g_assert_true (koers_quality_text_is_blank (" \t\n"));
  g_assert_false (koers_quality_text_is_blank (" x "));
}

static void
test_expand (void)
{
  const char      *pairs[] = { "n", "6", "department", "R&D {x}", NULL };
  g_autofree char *a = koers_quality_text_expand ("{department} has {n}; {unknown} {", pairs);
  g_autofree char *b = koers_quality_text_expand ("", pairs);

  /* Values are not expanded again. */
  g_assert_cmpstr (a, ==, "R&D {x} has 6; {unknown} {");
  g_assert_cmpstr (b, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quality-text/activity", test_activity);
  g_test_add_func ("/quality-text/quantity", test_quantity);
  g_test_add_func ("/quality-text/ambiguous-metric", test_ambiguous_metric);
  g_test_add_func ("/quality-text/legal-basis", test_legal_basis);
  g_test_add_func ("/quality-text/blank", test_blank);
  g_test_add_func ("/quality-text/expand", test_expand);

  return g_test_run ();
}
