/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core/koers-period.h"
#include "core/koers-seed.h"
#include "test-io-utils.h"

static const KoersLanguage languages[] = { KOERS_LANGUAGE_EN, KOERS_LANGUAGE_NL };

/* templates.json was made once from koers-seed.c: they must agree. */
static void
test_match_seed (void)
{
  guint n_seed, n;
  const KoersSeedObjective *seed = koers_seed_get_objectives (&n_seed);
  const KoersSeedDepartment *depts = koers_seed_get_departments (NULL);
  const KoersTemplate * const *all = koers_templates_get_all (&n);

  g_assert_cmpuint (n, ==, n_seed);
  g_assert_cmpuint (n, ==, 21);
  g_assert_null (all[n]);

  for (guint i = 0; i < n; i++)
    {
      const KoersTemplate *t = all[i];
      const KoersSeedObjective *o = &seed[i];

      g_assert_cmpstr (koers_template_get_department_key (t), ==,
                       o->department < 0 ? NULL : depts[o->department].key);
      g_assert_cmpint (koers_template_get_kind (t), ==, o->kind);
      g_assert_cmpint (koers_template_get_period_kind (t), ==, o->period_kind);
      g_assert_cmpuint (koers_template_get_n_key_results (t), ==, o->n_key_results);
      g_assert_true (koers_templates_find (koers_template_get_id (t)) == t);

      if (o->aligned_to < 0)
        g_assert_null (koers_template_get_aligned_to (t));
      else
        g_assert_cmpstr (koers_template_get_aligned_to (t), ==,
                         koers_template_get_id (all[o->aligned_to]));

      for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
        {
          KoersLanguage lang = languages[l];

          g_assert_cmpstr (koers_template_get_title (t, lang), ==, koers_seed_text_get (&o->title, lang));
          g_assert_cmpstr (koers_template_get_owner (t, lang), ==, koers_seed_text_get (&o->owner, lang));
          g_assert_cmpstr (koers_template_get_title (t, lang), !=, "");
          for (guint k = 0; k < o->n_key_results; k++)
            {
              const KoersSeedKeyResult *skr = &o->key_results[k];
              KoersTemplateKeyResult tkr;

              g_assert_cmpstr (koers_template_get_key_result_title (t, k, lang), ==,
                               koers_seed_text_get (&skr->title, lang));
              koers_template_get_key_result (t, k, lang, &tkr);
              g_assert_cmpstr (tkr.title, ==, koers_seed_text_get (&skr->title, lang));
              g_assert_cmpstr (tkr.unit, ==, koers_seed_text_get (&skr->unit, lang));
              g_assert_cmpint (tkr.metric_kind, ==, skr->metric_kind);
              g_assert_cmpfloat (tkr.start, ==, skr->start);
              g_assert_cmpfloat (tkr.target, ==, skr->target);
              g_assert_cmpfloat (tkr.demo_progress, ==, skr->demo_progress);
              g_assert_cmpstr (tkr.due_month_day, ==, skr->due_month_day);
              g_assert_cmpint (tkr.uses_personal_data, ==, skr->uses_personal_data);
              g_assert_cmpstr (tkr.personal_data_note, ==,
                               koers_seed_text_get (&skr->personal_data_note, lang));
            }
        }
    }

  g_assert_cmpstr (koers_template_get_title (koers_templates_find ("finance-1"), KOERS_LANGUAGE_NL),
                   ==, "Optimaliseer het jaarlijkse budgetproces.");
  g_assert_null (koers_templates_find ("no-such-template"));
}

static void
test_list (void)
{
  g_autoptr(GPtrArray) company = koers_templates_list (NULL, KOERS_LANGUAGE_EN);
  g_autoptr(GPtrArray) finance_nl = koers_templates_list ("finance", KOERS_LANGUAGE_NL);
  g_autoptr(GPtrArray) finance_en = koers_templates_list ("finance", KOERS_LANGUAGE_EN);
  g_autoptr(GPtrArray) none = koers_templates_list ("no-such-department", KOERS_LANGUAGE_EN);

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
                                                               KOERS_LANGUAGE_EN)), <, 0);
}

/* The store's departments are the seed's by name, in either language. */
static void
test_department_keys (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(KoersStore) store = open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersDepartment) custom = koers_department_new ("Legal", "");

  g_assert_cmpstr (koers_templates_get_department_key (store, find_department_named (store, "Finance")),
                   ==, "finance");
  g_assert_cmpstr (koers_templates_get_department_key (store, find_department_named (store,
                                                                                    "Customer service")),
                   ==, "customer-service");
  g_assert_null (koers_templates_get_department_key (store, koers_store_get_company (store)));

  g_assert_true (koers_store_add_department (store, custom, &error));
  g_assert_null (koers_templates_get_department_key (store, custom));

  koers_department_set_name (custom, "FINANCIËN");
  g_assert_cmpstr (koers_templates_get_department_key (store, custom), ==, "finance");
}

static void
test_instantiate (StoreFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr(KoersStore) store = open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  KoersDepartment *marketing = find_department_named (store, "Marketing");
  KoersObjective *company, *objective;
  KoersKeyResult *kr;
  guint changed = 0;

  g_signal_connect (store, "changed", G_CALLBACK (count_cb), &changed);

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

  kr = first_key_result (objective);
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
test_instantiate_due_dates (StoreFixture  *fixture,
                            gconstpointer  data)
{
  g_autoptr(KoersStore) store = open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  KoersObjective *objective;

  /* finance-1: "Finaliseer budgetten vóór 30 augustus". */
  objective = koers_template_instantiate (koers_templates_find ("finance-1"), store,
                                          find_department_named (store, "Finance"), "2031-Q3",
                                          KOERS_LANGUAGE_EN, &error);
  g_assert_no_error (error);
  {
    g_autoptr(KoersKeyResult) kr = g_list_model_get_item (koers_objective_get_key_results (objective), 1);

    g_assert_cmpstr (koers_key_result_get_due_date (kr), ==, "2031-08-30");
  }
}

static void
test_instantiate_all (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(KoersStore) store = open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  GListModel *objectives = koers_store_get_objectives (store);
  guint n_seed;
  const KoersSeedObjective *seed = koers_seed_get_objectives (&n_seed);
  guint changed = 0;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_MAY, 2026);
  g_signal_connect (store, "changed", G_CALLBACK (count_cb), &changed);

  g_assert_cmpint (koers_templates_instantiate_all (store, KOERS_LANGUAGE_EN, &today, TRUE, &error),
                   ==, 21);
  g_assert_no_error (error);
  /* One write. */
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, 21);

  for (guint i = 0; i < n_seed; i++)
    {
      KoersObjective *objective = find_objective_titled (store, seed[i].title.en);
      GListModel *krs = koers_objective_get_key_results (objective);

      g_assert_cmpstr (koers_objective_get_period (objective), ==,
                       seed[i].period_kind == KOERS_PERIOD_KIND_YEAR ? "2026" : "2026-Q2");
      g_assert_cmpuint (g_list_model_get_n_items (krs), ==, seed[i].n_key_results);
      for (guint k = 0; k < seed[i].n_key_results; k++)
        {
          g_autoptr(KoersKeyResult) kr = g_list_model_get_item (krs, k);

          g_assert_cmpstr (koers_key_result_get_title (kr), ==, seed[i].key_results[k].title.en);
          g_assert_cmpfloat (koers_key_result_get_current_value (kr), ==,
                             koers_seed_key_result_get_demo_value (&seed[i].key_results[k]));
          g_assert_cmpint (koers_key_result_get_uses_personal_data (kr), ==,
                           seed[i].key_results[k].uses_personal_data);
        }

      if (seed[i].aligned_to < 0)
        g_assert_cmpint (koers_objective_get_aligned_to_id (objective), ==, 0);
      else
        g_assert_cmpint (koers_objective_get_aligned_to_id (objective), ==,
                         koers_objective_get_id (find_objective_titled (
                           store, seed[seed[i].aligned_to].title.en)));
    }

  /* Stored as shown. */
  {
    g_autofree char *before = export_text (store);
    g_autofree char *after = NULL;

    g_clear_object (&store);
    store = open_store (fixture->path);
    after = export_text (store);
    g_assert_cmpstr (before, ==, after);
  }
}

/* Into a Dutch database in Dutch: the departments are found by their
 * Dutch names. */
static void
test_instantiate_all_dutch (StoreFixture  *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KoersStore) store = koers_store_open_full (fixture->path, KOERS_LANGUAGE_NL, FALSE, FALSE, &error);
  KoersObjective *objective;
  GDate today;

  g_assert_no_error (error);
  koers_date_today (&today);
  g_assert_cmpint (koers_templates_instantiate_all (store, KOERS_LANGUAGE_NL, &today, FALSE, &error),
                   ==, 21);
  g_assert_no_error (error);

  objective = find_objective_titled (store, "Bereik kwartaalomzet van € 1 miljoen.");
  g_assert_cmpint (koers_objective_get_department_id (objective), ==,
                   koers_department_get_id (find_department_named (store, "Verkoop")));
  g_assert_cmpfloat (koers_key_result_get_current_value (first_key_result (objective)), ==,
                     koers_key_result_get_start_value (first_key_result (objective)));
}

/* The KPI templates are the seed's, demo history included; the two key
 * results that move one name it. */
static void
test_kpis_match_seed (void)
{
  guint n_seed, n;
  const KoersSeedKpi *seed = koers_seed_get_kpis (&n_seed);
  const KoersSeedDepartment *depts = koers_seed_get_departments (NULL);
  const KoersTemplateKpi * const *all = koers_templates_get_kpis (&n);
  guint n_links = 0;

  g_assert_cmpuint (n, ==, n_seed);
  g_assert_cmpuint (n, ==, 13);
  g_assert_null (all[n]);

  for (guint i = 0; i < n; i++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      {
        KoersTemplateKpiInfo info;

        koers_template_kpi_get_info (all[i], languages[l], &info);
        g_assert_cmpstr (info.key, ==, seed[i].key);
        g_assert_cmpstr (koers_template_kpi_get_key (all[i]), ==, seed[i].key);
        g_assert_true (koers_templates_find_kpi (seed[i].key) == all[i]);
        g_assert_cmpstr (info.department_key, ==, depts[seed[i].department].key);
        g_assert_cmpstr (info.name, ==, koers_seed_kpi_get_name (&seed[i], languages[l]));
        g_assert_cmpstr (koers_template_kpi_get_name (all[i], languages[l]), ==, info.name);
        g_assert_cmpstr (info.unit, ==, koers_seed_text_get (&seed[i].unit, languages[l]));
        g_assert_cmpint (info.metric_kind, ==, seed[i].metric_kind);
        g_assert_cmpint (info.direction, ==, seed[i].direction);
        g_assert_cmpint (info.frequency, ==, seed[i].frequency);
        g_assert_cmpfloat (info.healthy, ==, seed[i].healthy);
        g_assert_cmpfloat (info.attention, ==, seed[i].attention);
        g_assert_cmpfloat (info.demo_start, ==, seed[i].demo_start);
        g_assert_cmpfloat (info.demo_end, ==, seed[i].demo_end);
        g_assert_cmpfloat (info.demo_step, ==, seed[i].demo_step);
        g_assert_cmpint (info.demo_overdue, ==, seed[i].demo_overdue);
      }

  g_assert_null (koers_templates_find_kpi ("no-such-kpi"));

  {
    guint n_objectives;
    const KoersSeedObjective *objectives = koers_seed_get_objectives (&n_objectives);
    const KoersTemplate * const *templates = koers_templates_get_all (NULL);

    for (guint i = 0; i < n_objectives; i++)
      for (guint k = 0; k < objectives[i].n_key_results; k++)
        {
          KoersTemplateKeyResult tkr;

          koers_template_get_key_result (templates[i], k, KOERS_LANGUAGE_EN, &tkr);
          g_assert_cmpstr (tkr.kpi, ==, objectives[i].key_results[k].kpi);
          if (tkr.kpi != NULL)
            {
              g_assert_nonnull (koers_templates_find_kpi (tkr.kpi));
              n_links++;
            }
        }
  }
  g_assert_cmpuint (n_links, ==, 2);
}

static void
test_list_kpis (void)
{
  g_autoptr(GPtrArray) it = koers_templates_list_kpis ("it", KOERS_LANGUAGE_NL);
  g_autoptr(GPtrArray) service = koers_templates_list_kpis ("customer-service", KOERS_LANGUAGE_EN);
  g_autoptr(GPtrArray) company = koers_templates_list_kpis (NULL, KOERS_LANGUAGE_EN);

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
                                                                  KOERS_LANGUAGE_EN)), <, 0);
}

static void
test_instantiate_kpi (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(KoersStore) store = open_store (fixture->path);
  g_autoptr(GError) error = NULL;
  KoersDepartment *it = find_department_named (store, "IT & Development");
  KoersDepartment *finance = find_department_named (store, "Finance");
  const KoersTemplateKpi *uptime = koers_templates_find_kpi ("uptime");
  KoersKpi *kpi;
  guint changed = 0;

  g_signal_connect (store, "changed", G_CALLBACK (count_cb), &changed);
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
  store = open_store (fixture->path);
  g_assert_true (koers_template_kpi_is_in_department (uptime, store,
                                                      find_department_named (store, "IT & Development")));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/templates/match-seed", test_match_seed);
  g_test_add_func ("/templates/list", test_list);
  g_test_add_func ("/templates/kpis-match-seed", test_kpis_match_seed);
  g_test_add_func ("/templates/list-kpis", test_list_kpis);
  g_test_add ("/templates/instantiate-kpi", StoreFixture, NULL, store_fixture_setup,
              test_instantiate_kpi, store_fixture_teardown);
  g_test_add ("/templates/department-keys", StoreFixture, NULL, store_fixture_setup,
              test_department_keys, store_fixture_teardown);
  g_test_add ("/templates/instantiate", StoreFixture, NULL, store_fixture_setup, test_instantiate,
              store_fixture_teardown);
  g_test_add ("/templates/instantiate-due-dates", StoreFixture, NULL, store_fixture_setup,
              test_instantiate_due_dates, store_fixture_teardown);
  g_test_add ("/templates/instantiate-all", StoreFixture, NULL, store_fixture_setup,
              test_instantiate_all, store_fixture_teardown);
  g_test_add ("/templates/instantiate-all-dutch", StoreFixture, NULL, store_fixture_setup,
              test_instantiate_all_dutch, store_fixture_teardown);

  return g_test_run ();
}
