/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "core/koers-kpi-status.h"
#include "core/koers-period.h"
#include "core/koers-scoring.h"
#include "core/koers-seed.h"
#include "koers-templates-private.h"
#include "core/koers-date.h"
#include "koers-store-private.h"
#include "koers-test-io.h"

static const KoersLanguage languages[] = { KOERS_LANGUAGE_EN, KOERS_LANGUAGE_NL };

/* The seed's own words (okr-kader.txt, section 3 for the company and
 * section 4 per department, in its order): each template's Dutch
 * objective and key results. */
typedef struct
{
  const char *id;
  const char *title;
  const char *key_results[6]; /* NULL-terminated */
} SeedWords;

static const SeedWords seed_words[] = {
  { "company-1", "Bouw de beste online persoonlijke shoppingservice van het land.", { "Stylisten publiceren wekelijks inspiratieposts in Q2.", "Minstens 50 inactieve klanten opnieuw contacteren met gepersonaliseerde voorstellen.", "1.000 nieuwe registraties voor vroegtijdige toegang vóór einde Q2.", NULL } },
  { "company-2", "Verhoog de verkoopresultaten.", { "Conversieratio van 25% op alle leads.", "Verkoopcyclus verkorten met 20%.", "Vijf nieuwe verkooppunten openen binnen het jaar.", NULL } },
  { "company-3", "Lanceer het nieuwe product succesvol in Canada.", { "Nieuwe klanten kopen ons product in een 3:1-verhouding tegenover de concurrentie.", "Gemiddelde orderwaarde van € 250.000.", "Totale omzet van € 2 miljoen uit de nieuwe productlijn.", NULL } },
  { "operations-1", "Verbeter de IT-infrastructuur.", { "Verminder systeemstoringen met 30% in Q2.", "Leid de helft van het team op in cloud-back-up.", NULL } },
  { "operations-2", "Verlaag operationele kosten met 20%.", { "Schrap externe koffiediensten en vervang door intern beheer.", "Heronderhandel schoonmaakcontracten (van maandelijks naar driemaandelijks).", NULL } },
  { "finance-1", "Optimaliseer het jaarlijkse budgetproces.", { "Bespaar 50% op vergaderkosten door interne productie van documentatie.", "Finaliseer budgetten vóór 30 augustus.", NULL } },
  { "finance-2", "Versterk het auditproces.", { "Voer audit uit op 70% van de geïdentificeerde risico’s.", "Lever intern auditrapport af binnen 30 dagen na afronding.", NULL } },
  { "hr-1", "Bereik de hoogste medewerkerstevredenheid tot nu toe.", { "Alle leidinggevenden voeren tweerichtingsfeedback in.", "Wekelijkse personeelsenquêtes organiseren.", "Aantal interne teambuildings en events verdubbelen.", NULL } },
  { "hr-2", "Verbeter retentie van personeel.", { "Benchmark salarissen en extralegale voordelen met Belgische markt.", "Ontwikkel opleidings- en certificatieprogramma’s voor medewerkers.", NULL } },
  { "design-1", "Verhoog gebruiksvriendelijkheid van het product.", { "Verhoog “usability score” van 7 → 8,5.", "Verminder helpdesk-aanvragen met 20%.", NULL } },
  { "design-2", "Ontwerp en test een nieuwe functionaliteit.", { "Uitvoering van eerste gebruikerstest in de eerste maand van Q2.", "Lever wireframes en definitieve kleurkeuzes op.", NULL } },
  { "marketing-1", "Verdubbel maandelijkse inschrijvingen.", { "Drie online campagnes genereren 1.200 nieuwe leads.", "SEO-optimalisatie zorgt voor 800 bijkomende inschrijvingen.", "Twee extra “call-to-actions” op de landingspagina.", NULL } },
  { "marketing-2", "Maximaliseer e-mailcampagnes.", { "Inschrijvingen op nieuwsbrieven verhogen met 20%.", "Downloads van e-books via e-mails verhogen met 25%.", "Uitschrijvingsgraad verlagen tot minder dan 6%.", NULL } },
  { "sales-1", "Bereik kwartaalomzet van € 1 miljoen.", { "Eerste maand: € 300.000 omzet uit nieuw product.", "Verkoopcyclus verkorten van 2 maanden naar 21 dagen.", "Upsell realiseren bij 40% van bestaande klanten.", NULL } },
  { "sales-2", "Versterk partnernetwerk.", { "10 nieuwe wederverkopers aantrekken in Vlaanderen en Wallonië.", "95% van huidige partners behouden.", NULL } },
  { "it-1", "Versnel ontwikkelingstijd.", { "Aantal bugs per nieuwe feature verlagen van 2 naar 1,5.", "“Lead time” verkorten met 20%.", "Sprint-snelheid verhogen met 2%.", NULL } },
  { "it-2", "Verhoog beveiliging van alle systemen.", { "S2Score-audit afronden tegen eind Q3.", "Tweeledige authenticatie (2FA) implementeren voor alle gebruikers.", NULL } },
  { "customer-service-1", "Verhoog klanttevredenheid.", { "Onboardingproces verkorten naar 3 dagen.", "Klantverloop (churn) verminderen met 10% per maand.", NULL } },
  { "customer-service-2", "Breid ondersteuning uit.", { "Zelfhulpportaal reduceert tickets met 10%.", "Reactietijd op tekstberichten < 1 uur.", NULL } },
  { "management-1", "Groei van de onderneming.", { "Jaaromzet verhogen naar € 3 miljoen.", "+20% meer nieuwe leads genereren.", "12 referentie-cases publiceren vóór einde Q1.", NULL } },
  { "management-2", "Verhoog merkbekendheid bij jongeren (< 30 jaar).", { "91 socialemediaposts in Q2.", "Minstens 5.000 websitebezoeken/maand bereiken.", NULL } },
};

/* The seed's three company objectives, then two per department in the
 * seed's order, in its words. */
static void
test_seed_words (void)
{
  guint                       n, n_departments;
  const KoersSeedDepartment  *depts = koers_seed_get_departments (&n_departments);
  const KoersTemplate *const *all = koers_templates_get_all (&n);
  guint                       n_key_results = 0;

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (seed_words));
  g_assert_cmpuint (n, ==, 3 + 2 * n_departments);
  g_assert_null (all[n]);

  for (guint i = 0; i < n; i++)
    {
      const KoersTemplate *t = all[i];
      const SeedWords     *words = &seed_words[i];
      guint                k = 0;

      g_test_message ("template %s", words->id);
      g_assert_cmpstr (koers_template_get_id (t), ==, words->id);
      g_assert_true (koers_templates_find (words->id) == t);
      g_assert_cmpstr (koers_template_get_department_key (t), ==,
                       i < 3 ? NULL : depts[(i - 3) / 2].key);
      g_assert_cmpstr (koers_template_get_title (t, KOERS_LANGUAGE_NL), ==, words->title);

      for (; words->key_results[k] != NULL; k++)
        {
          KoersTemplateKeyResult tkr;

          g_assert_cmpuint (k, <, koers_template_get_n_key_results (t));
          g_assert_cmpstr (koers_template_get_key_result_title (t, k, KOERS_LANGUAGE_NL), ==,
                           words->key_results[k]);
          koers_template_get_key_result (t, k, KOERS_LANGUAGE_NL, &tkr);
          g_assert_cmpstr (tkr.title, ==, words->key_results[k]);
        }
      g_assert_cmpuint (koers_template_get_n_key_results (t), ==, k);
      n_key_results += k;
    }

  /* Every example key result of sections 3 and 4. */
  g_assert_cmpuint (n_key_results, ==, 9 + 42);
  g_assert_null (koers_templates_find ("no-such-template"));
  g_assert_null (koers_templates_find (NULL));
}

static void
assert_text (const char *text)
{
  g_assert_nonnull (text);
  g_assert_cmpstr (text, !=, "");
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

/* What the method asks of objectives, in both languages; every one of
 * the seed's departments has its own. */
static void
test_objectives (void)
{
  guint                       n, n_departments;
  const KoersSeedDepartment  *depts = koers_seed_get_departments (&n_departments);
  const KoersTemplate *const *all = koers_templates_get_all (&n);
  guint                       n_aligned = 0, n_aspirational = 0;

  for (guint i = 0; i < n; i++)
    {
      const KoersTemplate *t = all[i];
      const char          *dept = koers_template_get_department_key (t);
      const char          *aligned_to = koers_template_get_aligned_to (t);
      KoersObjectiveKind   kind = koers_template_get_kind (t);
      KoersPeriodKind      period_kind = koers_template_get_period_kind (t);

      g_test_message ("template %s", koers_template_get_id (t));
      for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
        {
          assert_text (koers_template_get_title (t, languages[l]));
          assert_text (koers_template_get_owner (t, languages[l]));
        }
      g_assert_true (kind == KOERS_OBJECTIVE_KIND_COMMITTED || kind == KOERS_OBJECTIVE_KIND_ASPIRATIONAL);
      g_assert_true (period_kind == KOERS_PERIOD_KIND_QUARTER || period_kind == KOERS_PERIOD_KIND_YEAR);
      if (kind == KOERS_OBJECTIVE_KIND_ASPIRATIONAL)
        n_aspirational++;

      /* The seed: at most five key results per objective. */
      g_assert_cmpuint (koers_template_get_n_key_results (t), >=, 1);
      g_assert_cmpuint (koers_template_get_n_key_results (t), <=, 5);

      /* Company objectives align to nothing; a department's to one of
       * the company's, or to nothing. */
      if (dept == NULL)
        g_assert_null (aligned_to);
      else
        {
          g_assert_cmpint (koers_seed_find_department (dept), >=, 0);
          if (aligned_to != NULL)
            {
              g_assert_nonnull (koers_templates_find (aligned_to));
              g_assert_null (koers_template_get_department_key (koers_templates_find (aligned_to)));
              n_aligned++;
            }
        }
    }
  g_assert_cmpuint (n_aligned, >=, 10);
  g_assert_cmpuint (n_aspirational, >=, 2);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr (GPtrArray) company = koers_templates_list (NULL, languages[l]);

      g_assert_cmpuint (company->len, ==, 3);
      for (guint d = 0; d < n_departments; d++)
        {
          g_autoptr (GPtrArray) list = koers_templates_list (depts[d].key, languages[l]);

          g_assert_cmpuint (list->len, >=, 1);
          g_assert_cmpuint (list->len, <=, 5);
          for (guint i = 0; i < list->len; i++)
            assert_text (koers_template_get_title (g_ptr_array_index (list, i), languages[l]));
        }
    }
}

static gboolean
is_decreasing_text (const char *nl)
{
  /* The seed's words for "lower": verlaag/verlagen, verminder(en),
   * verkorten, reduceert. */
  return strstr (nl, "erlaag") != NULL || strstr (nl, "erlagen") != NULL || strstr (nl, "erminder") != NULL ||
         strstr (nl, "erkorten") != NULL || strstr (nl, "reduceert") != NULL;
}

static void
test_key_results (void)
{
  guint                       n;
  const KoersTemplate *const *all = koers_templates_get_all (&n);
  guint                       n_decreasing = 0, n_personal = 0, n_due = 0;

  for (guint i = 0; i < n; i++)
    for (guint k = 0; k < koers_template_get_n_key_results (all[i]); k++)
      {
        KoersTemplateKeyResult en, nl;
        double                 value, progress;

        koers_template_get_key_result (all[i], k, KOERS_LANGUAGE_EN, &en);
        koers_template_get_key_result (all[i], k, KOERS_LANGUAGE_NL, &nl);
        g_test_message ("key result: %s", nl.title);
        assert_text (en.title);
        assert_text (nl.title);
        g_assert_cmpstr (koers_template_get_key_result_title (all[i], k, KOERS_LANGUAGE_EN), ==, en.title);
        g_assert_nonnull (en.unit);
        g_assert_nonnull (nl.unit);
        g_assert_true (isfinite (en.start) && isfinite (en.target));
        g_assert_cmpfloat (en.start, !=, en.target);
        g_assert_cmpfloat (en.demo_progress, >=, 0.0);
        g_assert_cmpfloat (en.demo_progress, <=, 1.0);
        /* Only the texts depend on the language. */
        g_assert_cmpint (nl.metric_kind, ==, en.metric_kind);
        g_assert_cmpfloat (nl.start, ==, en.start);
        g_assert_cmpfloat (nl.target, ==, en.target);
        g_assert_cmpstr (nl.due_month_day, ==, en.due_month_day);
        g_assert_cmpstr (nl.kpi, ==, en.kpi);

        if (en.metric_kind == KOERS_METRIC_KIND_MILESTONE)
          {
            g_assert_cmpfloat (en.start, ==, 0);
            g_assert_cmpfloat (en.target, ==, 1);
            g_assert_cmpstr (en.unit, ==, "");
          }

        /* The seed's "verlaag/verminder/verkorten" go down. */
        if (is_decreasing_text (nl.title) && en.metric_kind != KOERS_METRIC_KIND_MILESTONE)
          {
            g_assert_cmpfloat (en.start, >, en.target);
            n_decreasing++;
          }

        /* The demo value lies between start and target and scores about
         * its demo progress. */
        value = koers_template_demo_value (en.metric_kind, en.start, en.target, en.demo_progress);
        g_assert_cmpfloat (value, >=, MIN (en.start, en.target));
        g_assert_cmpfloat (value, <=, MAX (en.start, en.target));
        progress = koers_score_key_result_progress (en.metric_kind, en.start, en.target, value);
        g_assert_cmpfloat_with_epsilon (progress, en.demo_progress, 0.06);

        /* The seed's GDPR advice, in both languages. */
        g_assert_cmpint (nl.uses_personal_data, ==, en.uses_personal_data);
        if (en.uses_personal_data)
          {
            assert_text (en.personal_data_note);
            assert_text (nl.personal_data_note);
            n_personal++;
          }

        if (en.due_month_day != NULL)
          {
            g_autofree char *due = koers_template_due_date (en.due_month_day, 2026);
            GDate            date;

            g_assert_nonnull (due);
            g_assert_true (koers_date_parse (due, &date));
            n_due++;
          }
      }

  g_assert_cmpuint (n_decreasing, >=, 10);
  g_assert_cmpuint (n_personal, >=, 1);
  g_assert_cmpuint (n_due, >=, 1);
}

static void
test_known_shapes (void)
{
  KoersTemplateKeyResult kr;
  g_autofree char       *due = NULL;

  /* "Verkoopcyclus verkorten van 2 maanden naar 21 dagen": 60 -> 21 days. */
  koers_template_get_key_result (koers_templates_find ("sales-1"), 1, KOERS_LANGUAGE_NL, &kr);
  g_assert_true (g_str_has_prefix (kr.title, "Verkoopcyclus verkorten van 2 maanden"));
  g_assert_cmpfloat (kr.start, ==, 60);
  g_assert_cmpfloat (kr.target, ==, 21);
  g_assert_cmpstr (kr.unit, ==, "dagen");
  koers_template_get_key_result (koers_templates_find ("sales-1"), 1, KOERS_LANGUAGE_EN, &kr);
  g_assert_cmpstr (kr.unit, ==, "days");

  /* "Finaliseer budgetten vóór 30 augustus." */
  koers_template_get_key_result (koers_templates_find ("finance-1"), 1, KOERS_LANGUAGE_NL, &kr);
  g_assert_true (g_str_has_prefix (kr.title, "Finaliseer budgetten"));
  due = koers_template_due_date (kr.due_month_day, 2026);
  g_assert_cmpstr (due, ==, "2026-08-30");

  /* The reporting template's conversion rate: 18% -> 25%. */
  koers_template_get_key_result (koers_templates_find ("company-2"), 0, KOERS_LANGUAGE_EN, &kr);
  g_assert_cmpint (kr.metric_kind, ==, KOERS_METRIC_KIND_PERCENTAGE);
  g_assert_cmpfloat (kr.start, ==, 18);
  g_assert_cmpfloat (kr.target, ==, 25);
}

static void
test_demo_value_and_due_date (void)
{
  g_autofree char *due = koers_template_due_date ("08-30", 2031);
  g_autofree char *leap = koers_template_due_date ("02-29", 2028);
  g_autofree char *no_leap = koers_template_due_date ("02-29", 2027);

  /* A milestone is done or not. */
  g_assert_cmpfloat (koers_template_demo_value (KOERS_METRIC_KIND_MILESTONE, 0, 1, 1.0), ==, 1);
  g_assert_cmpfloat (koers_template_demo_value (KOERS_METRIC_KIND_MILESTONE, 0, 1, 0.99), ==, 0);
  /* Tenths over a narrow range, whole units over a wide one, downwards too. */
  g_assert_cmpfloat (koers_template_demo_value (KOERS_METRIC_KIND_NUMBER, 7, 8.5, 0.4), ==, 7.6);
  g_assert_cmpfloat (koers_template_demo_value (KOERS_METRIC_KIND_NUMBER, 0, 13, 0.54), ==, 7);
  g_assert_cmpfloat (koers_template_demo_value (KOERS_METRIC_KIND_NUMBER, 60, 48, 0.5), ==, 54);
  g_assert_cmpfloat (koers_template_demo_value (KOERS_METRIC_KIND_CURRENCY, 180000, 250000, 0.6),
                     ==, 222000);

  g_assert_cmpstr (due, ==, "2031-08-30");
  g_assert_cmpstr (leap, ==, "2028-02-29");
  g_assert_null (no_leap);
  g_assert_null (koers_template_due_date (NULL, 2026));
}

static void
test_list (void)
{
  g_autoptr (GPtrArray) company = koers_templates_list (NULL, KOERS_LANGUAGE_EN);
  g_autoptr (GPtrArray) finance_nl = koers_templates_list ("finance", KOERS_LANGUAGE_NL);
  g_autoptr (GPtrArray) finance_en = koers_templates_list ("finance", KOERS_LANGUAGE_EN);
  g_autoptr (GPtrArray) none = koers_templates_list ("no-such-department", KOERS_LANGUAGE_EN);

  g_assert_cmpuint (company->len, ==, 3);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (finance_nl->len, ==, 2);
  g_assert_cmpuint (finance_en->len, ==, 2);

  /* Sorted by title in the language asked. */
  g_assert_cmpstr (koers_template_get_title (g_ptr_array_index (finance_nl, 0), KOERS_LANGUAGE_NL),
                   ==, "Optimaliseer het jaarlijkse budgetproces.");
  g_assert_cmpstr (koers_template_get_title (g_ptr_array_index (finance_nl, 1), KOERS_LANGUAGE_NL),
                   ==, "Versterk het auditproces.");
  for (guint i = 0; i + 1 < finance_en->len; i++)
    g_assert_cmpint (g_utf8_collate (koers_template_get_title (g_ptr_array_index (finance_en, i),
                                                               KOERS_LANGUAGE_EN),
                                     koers_template_get_title (g_ptr_array_index (finance_en, i + 1),
                                                               KOERS_LANGUAGE_EN)),
                     <, 0);
}

/* The store's departments are the seed's by name, in either language. */
static void
test_department_keys (KoersTestDir *fixture,
                      gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersDepartment) custom = koers_department_new ("Legal", "");

  g_assert_cmpstr (koers_templates_get_department_key (store, koers_test_find_department (store, "Finance")),
                   ==, "finance");
  g_assert_cmpstr (koers_templates_get_department_key (store, koers_test_find_department (store,
                                                                                          "Customer service")),
                   ==, "customer-service");
  g_assert_null (koers_templates_get_department_key (store, koers_store_get_company (store)));

  /* Every department a new database starts with is the templates'. */
  {
    guint                      n;
    const KoersSeedDepartment *depts = koers_seed_get_departments (&n);

    for (guint i = 0; i < n; i++)
      g_assert_cmpstr (koers_templates_get_department_key (
                         store, koers_test_find_department (store, koers_seed_department_get_name (
                                                                     &depts[i], KOERS_LANGUAGE_EN))),
                       ==, depts[i].key);
  }

  g_assert_true (koers_store_add_department (store, custom, &error));
  g_assert_null (koers_templates_get_department_key (store, custom));

  koers_department_set_name (custom, "FINANCIËN");
  g_assert_cmpstr (koers_templates_get_department_key (store, custom), ==, "finance");
}

static void
test_instantiate (KoersTestDir *fixture,
                  gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  KoersDepartment *marketing = koers_test_find_department (store, "Marketing");
  KoersObjective  *company, *objective;
  KoersKeyResult  *kr;
  guint            changed = 0;

  g_signal_connect (store, "changed", G_CALLBACK (koers_test_count_cb), &changed);

  /* In Dutch, into an English database: the texts are the template's. */
  company = koers_template_instantiate (koers_templates_find ("company-1"), store,
                                        koers_store_get_company (store), "2026", KOERS_LANGUAGE_NL,
                                        &error);
  g_assert_no_error (error);
  g_assert_cmpint (koers_objective_get_level (company), ==, KOERS_LEVEL_COMPANY);
  g_assert_cmpstr (koers_objective_get_period (company), ==, "2026");
  g_assert_cmpuint (changed, ==, 1);

  /* marketing-1 supports company-1: aligned, since 2026 covers Q2. */
  objective = koers_template_instantiate (koers_templates_find ("marketing-1"), store, marketing,
                                          "2026-Q2", KOERS_LANGUAGE_NL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_true (koers_store_find_objective (store, koers_objective_get_id (objective)) == objective);
  g_assert_cmpstr (koers_objective_get_title (objective), ==, "Verdubbel maandelijkse inschrijvingen.");
  g_assert_cmpstr (koers_objective_get_owner (objective), ==, "Marketingteam");
  g_assert_cmpint (koers_objective_get_level (objective), ==, KOERS_LEVEL_DEPARTMENT);
  g_assert_cmpint (koers_objective_get_kind (objective), ==, KOERS_OBJECTIVE_KIND_ASPIRATIONAL);
  g_assert_cmpint (koers_objective_get_department_id (objective), ==, koers_department_get_id (marketing));
  g_assert_cmpint (koers_objective_get_aligned_to_id (objective), ==, koers_objective_get_id (company));
  g_assert_cmpuint (g_list_model_get_n_items (koers_objective_get_key_results (objective)), ==, 3);

  kr = koers_test_first_key_result (objective);
  g_assert_cmpstr (koers_key_result_get_title (kr), ==,
                   koers_template_get_key_result_title (koers_templates_find ("marketing-1"), 0,
                                                        KOERS_LANGUAGE_NL));
  g_assert_cmpfloat (koers_key_result_get_current_value (kr), ==, koers_key_result_get_start_value (kr));
  g_assert_cmpint (koers_key_result_get_id (kr), >, 0);

  /* Not aligned where the company has no such objective in the period. */
  objective = koers_template_instantiate (koers_templates_find ("marketing-1"), store, marketing,
                                          "2027-Q1", KOERS_LANGUAGE_EN, &error);
  g_assert_no_error (error);
  g_assert_cmpint (koers_objective_get_aligned_to_id (objective), ==, 0);
  g_assert_cmpstr (koers_objective_get_title (objective), ==, "Double monthly sign-ups.");

  g_assert_null (koers_template_instantiate (koers_templates_find ("marketing-1"), store, marketing,
                                             "2026-Q7", KOERS_LANGUAGE_EN, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (changed, ==, 3);
}

/* Due dates fall in the period's year. */
static void
test_instantiate_due_dates (KoersTestDir *fixture,
                            gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  KoersObjective *objective;

  /* finance-1: "Finaliseer budgetten vóór 30 augustus". */
  objective = koers_template_instantiate (koers_templates_find ("finance-1"), store,
                                          koers_test_find_department (store, "Finance"), "2031-Q3",
                                          KOERS_LANGUAGE_EN, &error);
  g_assert_no_error (error);
  {
    g_autoptr (KoersKeyResult) kr = g_list_model_get_item (koers_objective_get_key_results (objective), 1);

    g_assert_cmpstr (koers_key_result_get_due_date (kr), ==, "2031-08-30");
  }
}

static void
test_instantiate_all (KoersTestDir *fixture,
                      gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  GListModel                 *objectives = koers_store_get_objectives (store);
  guint                       n;
  const KoersTemplate *const *all = koers_templates_get_all (&n);
  guint                       changed = 0;
  GDate                       today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_MAY, 2026);
  g_signal_connect (store, "changed", G_CALLBACK (koers_test_count_cb), &changed);

  g_assert_cmpint (koers_templates_instantiate_all (store, KOERS_LANGUAGE_EN, &today, TRUE, &error),
                   ==, 21);
  g_assert_no_error (error);
  /* One write. */
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, 21);

  for (guint i = 0; i < n; i++)
    {
      const KoersTemplate *t = all[i];
      const char          *aligned_to = koers_template_get_aligned_to (t);
      KoersObjective      *objective = koers_test_find_objective (store, koers_template_get_title (t, KOERS_LANGUAGE_EN));
      GListModel          *krs = koers_objective_get_key_results (objective);

      g_assert_cmpstr (koers_objective_get_period (objective), ==,
                       koers_template_get_period_kind (t) == KOERS_PERIOD_KIND_YEAR ? "2026" : "2026-Q2");
      g_assert_cmpuint (g_list_model_get_n_items (krs), ==, koers_template_get_n_key_results (t));
      for (guint k = 0; k < koers_template_get_n_key_results (t); k++)
        {
          g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, k);
          KoersTemplateKeyResult tkr;

          koers_template_get_key_result (t, k, KOERS_LANGUAGE_EN, &tkr);
          g_assert_cmpstr (koers_key_result_get_title (kr), ==, tkr.title);
          g_assert_cmpfloat (koers_key_result_get_current_value (kr), ==,
                             koers_template_demo_value (tkr.metric_kind, tkr.start, tkr.target,
                                                        tkr.demo_progress));
          g_assert_cmpint (koers_key_result_get_uses_personal_data (kr), ==, tkr.uses_personal_data);
        }

      if (aligned_to == NULL)
        g_assert_cmpint (koers_objective_get_aligned_to_id (objective), ==, 0);
      else
        g_assert_cmpint (koers_objective_get_aligned_to_id (objective), ==,
                         koers_objective_get_id (koers_test_find_objective (
                           store, koers_template_get_title (koers_templates_find (aligned_to),
                                                            KOERS_LANGUAGE_EN))));
    }

  /* Stored as shown. */
  {
    g_autofree char *before = koers_test_export_text (store);
    g_autofree char *after = NULL;

    g_clear_object (&store);
    store = koers_test_open_store (fixture->path);
    after = koers_test_export_text (store);
    g_assert_cmpstr (before, ==, after);
  }
}

/* Into a Dutch database in Dutch: the departments are found by their
 * Dutch names. */
static void
test_instantiate_all_dutch (KoersTestDir *fixture,
                            gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersStore) store = koers_store_open_full (fixture->path, KOERS_LANGUAGE_NL, FALSE, FALSE, &error);
  KoersObjective *objective;
  GDate           today;

  g_assert_no_error (error);
  koers_date_today (&today);
  g_assert_cmpint (koers_templates_instantiate_all (store, KOERS_LANGUAGE_NL, &today, FALSE, &error),
                   ==, 21);
  g_assert_no_error (error);

  objective = koers_test_find_objective (store, "Bereik kwartaalomzet van € 1 miljoen.");
  g_assert_cmpint (koers_objective_get_department_id (objective), ==,
                   koers_department_get_id (koers_test_find_department (store, "Verkoop")));
  g_assert_cmpfloat (koers_key_result_get_current_value (koers_test_first_key_result (objective)), ==,
                     koers_key_result_get_start_value (koers_test_first_key_result (objective)));
}

/* The KPI templates, by department in the seed's order: every department
 * has its health metrics, the seed's examples among them ("5.000
 * websitebezoeken/maand", churn). */
static const struct
{
  const char *key;
  const char *department;
} seed_kpis[] = {
  { "operating-costs", "operations" },
  { "days-sales-outstanding", "finance" },
  { "staff-turnover", "hr" },
  { "sick-days", "hr" },
  { "usability-score", "design" },
  { "website-visits", "marketing" },
  { "monthly-revenue", "sales" },
  { "uptime", "it" },
  { "open-incidents", "it" },
  { "nps", "customer-service" },
  { "first-response-time", "customer-service" },
  { "customer-churn", "customer-service" },
  { "revenue-run-rate", "management" },
};

static void
test_kpis (void)
{
  guint                          n, n_departments;
  const KoersSeedDepartment     *depts = koers_seed_get_departments (&n_departments);
  const KoersTemplateKpi *const *all = koers_templates_get_kpis (&n);
  guint                          by_status[4] = { 0 };
  guint                          n_overdue = 0;

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (seed_kpis));
  g_assert_null (all[n]);

  for (guint i = 0; i < n; i++)
    {
      KoersTemplateKpiInfo en, nl;

      koers_template_kpi_get_info (all[i], KOERS_LANGUAGE_EN, &en);
      koers_template_kpi_get_info (all[i], KOERS_LANGUAGE_NL, &nl);
      g_test_message ("KPI %s", en.key);
      g_assert_cmpstr (en.key, ==, seed_kpis[i].key);
      g_assert_cmpstr (koers_template_kpi_get_key (all[i]), ==, en.key);
      g_assert_true (koers_templates_find_kpi (en.key) == all[i]);
      g_assert_cmpstr (en.department_key, ==, seed_kpis[i].department);
      g_assert_cmpint (koers_seed_find_department (en.department_key), >=, 0);

      assert_text (en.name);
      assert_text (nl.name);
      g_assert_cmpstr (koers_template_kpi_get_name (all[i], KOERS_LANGUAGE_EN), ==, en.name);
      g_assert_cmpstr (koers_template_kpi_get_name (all[i], KOERS_LANGUAGE_NL), ==, nl.name);
      g_assert_nonnull (en.unit);
      g_assert_nonnull (nl.unit);
      /* Only the texts depend on the language. */
      g_assert_cmpstr (nl.key, ==, en.key);
      g_assert_cmpint (nl.metric_kind, ==, en.metric_kind);
      g_assert_cmpfloat (nl.healthy, ==, en.healthy);
      g_assert_cmpfloat (nl.demo_end, ==, en.demo_end);

      g_assert_true (koers_kpi_check_thresholds (en.direction, en.healthy, en.attention));
      g_assert_cmpfloat (en.demo_step, >, 0);
      by_status[koers_kpi_compute_status (en.direction, en.healthy, en.attention, en.demo_end)]++;
      if (en.demo_overdue)
        n_overdue++;
    }

  /* The demo shows every status, and an update that is due. */
  g_assert_cmpuint (by_status[KOERS_KPI_STATUS_HEALTHY], >, 0);
  g_assert_cmpuint (by_status[KOERS_KPI_STATUS_NEEDS_ATTENTION], >, 0);
  g_assert_cmpuint (by_status[KOERS_KPI_STATUS_UNHEALTHY], >, 0);
  g_assert_cmpuint (n_overdue, >=, 1);

  for (guint d = 0; d < n_departments; d++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      {
        g_autoptr (GPtrArray) list = koers_templates_list_kpis (depts[d].key, languages[l]);

        g_assert_cmpuint (list->len, >=, 1);
      }

  g_assert_cmpstr (koers_template_kpi_get_name (koers_templates_find_kpi ("website-visits"),
                                                KOERS_LANGUAGE_NL),
                   ==, "Websitebezoeken");
  {
    KoersTemplateKpiInfo nps;

    koers_template_kpi_get_info (koers_templates_find_kpi ("nps"), KOERS_LANGUAGE_EN, &nps);
    g_assert_cmpfloat (nps.healthy, ==, 50);
    g_assert_cmpfloat (nps.attention, ==, 40);
  }
  g_assert_null (koers_templates_find_kpi ("no-such-kpi"));
  g_assert_null (koers_templates_find_kpi (NULL));
}

/* The two key results the seed words as KPIs name theirs. */
static void
test_kpi_links (void)
{
  guint                       n, n_links = 0;
  const KoersTemplate *const *all = koers_templates_get_all (&n);
  KoersTemplateKeyResult      kr;

  for (guint i = 0; i < n; i++)
    for (guint k = 0; k < koers_template_get_n_key_results (all[i]); k++)
      {
        koers_template_get_key_result (all[i], k, KOERS_LANGUAGE_EN, &kr);
        if (kr.kpi == NULL)
          continue;
        g_assert_nonnull (koers_templates_find_kpi (kr.kpi));
        n_links++;
      }
  g_assert_cmpuint (n_links, ==, 2);

  /* "Minstens 5.000 websitebezoeken/maand bereiken." */
  koers_template_get_key_result (koers_templates_find ("management-2"), 1, KOERS_LANGUAGE_NL, &kr);
  g_assert_cmpstr (kr.kpi, ==, "website-visits");
  /* "Klantverloop (churn) verminderen met 10% per maand." */
  koers_template_get_key_result (koers_templates_find ("customer-service-1"), 1, KOERS_LANGUAGE_NL, &kr);
  g_assert_cmpstr (kr.kpi, ==, "customer-churn");
}

static void
test_list_kpis (void)
{
  g_autoptr (GPtrArray) it = koers_templates_list_kpis ("it", KOERS_LANGUAGE_NL);
  g_autoptr (GPtrArray) service = koers_templates_list_kpis ("customer-service", KOERS_LANGUAGE_EN);
  g_autoptr (GPtrArray) company = koers_templates_list_kpis (NULL, KOERS_LANGUAGE_EN);

  g_assert_cmpuint (company->len, ==, 0);
  /* Sorted by name in the language asked: B before O in Dutch. */
  g_assert_cmpuint (it->len, ==, 2);
  g_assert_cmpstr (koers_template_kpi_get_name (g_ptr_array_index (it, 0), KOERS_LANGUAGE_NL), ==,
                   "Beschikbaarheid (uptime)");
  g_assert_cmpstr (koers_template_kpi_get_name (g_ptr_array_index (it, 1), KOERS_LANGUAGE_NL), ==,
                   "Openstaande incidenten");
  g_assert_cmpuint (service->len, ==, 3);
  for (guint i = 0; i + 1 < service->len; i++)
    g_assert_cmpint (g_utf8_collate (koers_template_kpi_get_name (g_ptr_array_index (service, i),
                                                                  KOERS_LANGUAGE_EN),
                                     koers_template_kpi_get_name (g_ptr_array_index (service, i + 1),
                                                                  KOERS_LANGUAGE_EN)),
                     <, 0);
}

static void
test_instantiate_kpi (KoersTestDir *fixture,
                      gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  KoersDepartment        *it = koers_test_find_department (store, "IT & Development");
  KoersDepartment        *finance = koers_test_find_department (store, "Finance");
  const KoersTemplateKpi *uptime = koers_templates_find_kpi ("uptime");
  KoersKpi               *kpi;
  guint                   changed = 0;

  g_signal_connect (store, "changed", G_CALLBACK (koers_test_count_cb), &changed);
  g_assert_false (koers_template_kpi_is_in_department (uptime, store, it));

  /* In Dutch, into an English database. */
  kpi = koers_template_kpi_instantiate (uptime, store, it, KOERS_LANGUAGE_NL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kpi);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (koers_store_find_kpi (store, koers_kpi_get_id (kpi)) == kpi);
  g_assert_cmpstr (koers_kpi_get_name (kpi), ==, "Beschikbaarheid (uptime)");
  g_assert_cmpint (koers_kpi_get_department_id (kpi), ==, koers_department_get_id (it));
  g_assert_cmpint (koers_kpi_get_metric_kind (kpi), ==, KOERS_METRIC_KIND_PERCENTAGE);
  g_assert_cmpint (koers_kpi_get_direction (kpi), ==, KOERS_KPI_DIRECTION_HIGHER);
  g_assert_cmpint (koers_kpi_get_frequency (kpi), ==, KOERS_KPI_FREQUENCY_WEEKLY);
  g_assert_cmpfloat (koers_kpi_get_healthy (kpi), ==, 99.9);
  g_assert_cmpfloat (koers_kpi_get_attention (kpi), ==, 99.5);
  g_assert_cmpuint (g_list_model_get_n_items (koers_kpi_get_values (kpi)), ==, 0);

  /* Present by its name in either language, in that department only. */
  g_assert_true (koers_template_kpi_is_in_department (uptime, store, it));
  g_assert_false (koers_template_kpi_is_in_department (uptime, store, finance));
  g_assert_false (koers_template_kpi_is_in_department (koers_templates_find_kpi ("open-incidents"),
                                                       store, it));

  /* And it is stored. */
  g_clear_object (&store);
  store = koers_test_open_store (fixture->path);
  g_assert_true (koers_template_kpi_is_in_department (uptime, store,
                                                      koers_test_find_department (store, "IT & Development")));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/templates/seed-words", test_seed_words);
  g_test_add_func ("/templates/objectives", test_objectives);
  g_test_add_func ("/templates/key-results", test_key_results);
  g_test_add_func ("/templates/known-shapes", test_known_shapes);
  g_test_add_func ("/templates/demo-value-and-due-date", test_demo_value_and_due_date);
  g_test_add_func ("/templates/list", test_list);
  g_test_add_func ("/templates/kpis", test_kpis);
  g_test_add_func ("/templates/kpi-links", test_kpi_links);
  g_test_add_func ("/templates/list-kpis", test_list_kpis);
  g_test_add ("/templates/instantiate-kpi", KoersTestDir, NULL, koers_test_dir_setup,
              test_instantiate_kpi, koers_test_dir_teardown);
  g_test_add ("/templates/department-keys", KoersTestDir, NULL, koers_test_dir_setup,
              test_department_keys, koers_test_dir_teardown);
  g_test_add ("/templates/instantiate", KoersTestDir, NULL, koers_test_dir_setup, test_instantiate,
              koers_test_dir_teardown);
  g_test_add ("/templates/instantiate-due-dates", KoersTestDir, NULL, koers_test_dir_setup,
              test_instantiate_due_dates, koers_test_dir_teardown);
  g_test_add ("/templates/instantiate-all", KoersTestDir, NULL, koers_test_dir_setup,
              test_instantiate_all, koers_test_dir_teardown);
  g_test_add ("/templates/instantiate-all-dutch", KoersTestDir, NULL, koers_test_dir_setup,
              test_instantiate_all_dutch, koers_test_dir_teardown);

  return g_test_run ();
}
