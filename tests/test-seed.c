/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "core/koers-date.h"
#include "core/koers-scoring.h"
#include "core/koers-seed.h"

static gboolean
is_decreasing_text (const char *nl)
{
  /* The seed's words for "lower": verlaag/verlagen, verminder(en),
   * verkorten, reduceert. */
  return strstr (nl, "erlaag") != NULL || strstr (nl, "erlagen") != NULL || strstr (nl, "erminder") != NULL ||
         strstr (nl, "erkorten") != NULL || strstr (nl, "reduceert") != NULL;
}

static void
assert_text (const KoersSeedText *text)
{
  g_assert_nonnull (text->en);
  g_assert_nonnull (text->nl);
  g_assert_cmpstr (text->en, !=, "");
  g_assert_cmpstr (text->nl, !=, "");
  g_assert_true (g_utf8_validate (text->en, -1, NULL));
  g_assert_true (g_utf8_validate (text->nl, -1, NULL));
}

static void
test_departments (void)
{
  static const char *const emoji[] = { "⚙️", "💶", "👥", "🎨", "📈", "🧾", "💻", "💬", "🧭" };
  guint n = 0;
  const KoersSeedDepartment *departments = koers_seed_get_departments (&n);

  g_assert_cmpuint (n, ==, 9);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (emoji));

  for (guint i = 0; i < n; i++)
    {
      assert_text (&departments[i].name);
      g_assert_cmpstr (departments[i].emoji, ==, emoji[i]);
      g_assert_cmpint (koers_seed_find_department (departments[i].key), ==, (int) i);
      for (guint j = 0; j < i; j++)
        {
          g_assert_cmpstr (departments[i].key, !=, departments[j].key);
          g_assert_cmpstr (departments[i].name.en, !=, departments[j].name.en);
          g_assert_cmpstr (departments[i].name.nl, !=, departments[j].name.nl);
        }
    }

  g_assert_cmpstr (koers_seed_department_get_name (&departments[1], KOERS_LANGUAGE_EN), ==, "Finance");
  g_assert_cmpstr (koers_seed_department_get_name (&departments[1], KOERS_LANGUAGE_NL), ==, "Financiën");
  g_assert_cmpstr (koers_seed_department_get_name (&departments[5], KOERS_LANGUAGE_NL), ==, "Verkoop");
  g_assert_cmpstr (koers_seed_department_get_name (&departments[6], KOERS_LANGUAGE_EN), ==, "IT & Development");
  g_assert_cmpint (koers_seed_find_department ("nonsense"), ==, -1);
  g_assert_cmpint (koers_seed_find_department (NULL), ==, -1);
}

static void
test_objectives (void)
{
  guint n_departments = 0;
  guint n = 0;
  const KoersSeedObjective *objectives = koers_seed_get_objectives (&n);
  guint n_company = koers_seed_get_n_company_objectives ();
  g_autofree guint *per_department = NULL;
  guint n_key_results = 0;

  koers_seed_get_departments (&n_departments);
  per_department = g_new0 (guint, n_departments);

  /* Section 3 has three company objectives, section 4 two per department. */
  g_assert_cmpuint (n_company, ==, 3);
  g_assert_cmpuint (n, ==, n_company + 2 * n_departments);

  for (guint i = 0; i < n; i++)
    {
      const KoersSeedObjective *o = &objectives[i];

      g_test_message ("objective %u: %s", i, o->title.nl);
      assert_text (&o->title);
      assert_text (&o->owner);
      g_assert_true (o->kind == KOERS_OBJECTIVE_KIND_COMMITTED || o->kind == KOERS_OBJECTIVE_KIND_ASPIRATIONAL);
      g_assert_true (o->period_kind == KOERS_PERIOD_KIND_QUARTER || o->period_kind == KOERS_PERIOD_KIND_YEAR);

      /* Company objectives first, then departments in order. */
      if (i < n_company)
        {
          g_assert_cmpint (o->department, ==, -1);
          g_assert_cmpint (o->aligned_to, ==, -1);
        }
      else
        {
          g_assert_cmpint (o->department, >=, 0);
          g_assert_cmpint (o->department, <, (int) n_departments);
          g_assert_cmpint (o->department, >=, objectives[i - 1].department);
          per_department[o->department]++;
          /* Aligned to a company objective, or to nothing. */
          g_assert_cmpint (o->aligned_to, >=, -1);
          g_assert_cmpint (o->aligned_to, <, (int) n_company);
        }

      /* The seed: at most five key results per objective. */
      g_assert_cmpuint (o->n_key_results, >=, 1);
      g_assert_cmpuint (o->n_key_results, <=, 5);
      n_key_results += o->n_key_results;
    }

  for (guint d = 0; d < n_departments; d++)
    {
      g_assert_cmpuint (per_department[d], >=, 1);
      g_assert_cmpuint (per_department[d], <=, 5);
    }

  /* Every example key result of sections 3 and 4. */
  g_assert_cmpuint (n_key_results, ==, 9 + 42);
}

static void
test_key_results (void)
{
  guint n = 0;
  const KoersSeedObjective *objectives = koers_seed_get_objectives (&n);
  guint n_decreasing = 0;

  for (guint i = 0; i < n; i++)
    {
      for (guint k = 0; k < objectives[i].n_key_results; k++)
        {
          const KoersSeedKeyResult *kr = &objectives[i].key_results[k];
          double value = koers_seed_key_result_get_demo_value (kr);
          double progress;

          g_test_message ("key result: %s", kr->title.nl);
          assert_text (&kr->title);
          g_assert_nonnull (kr->unit.en);
          g_assert_nonnull (kr->unit.nl);
          g_assert_true (isfinite (kr->start) && isfinite (kr->target));
          g_assert_cmpfloat (kr->start, !=, kr->target);
          g_assert_cmpfloat (kr->demo_progress, >=, 0.0);
          g_assert_cmpfloat (kr->demo_progress, <=, 1.0);

          if (kr->metric_kind == KOERS_METRIC_KIND_MILESTONE)
            {
              g_assert_cmpfloat (kr->start, ==, 0);
              g_assert_cmpfloat (kr->target, ==, 1);
              g_assert_cmpstr (kr->unit.en, ==, "");
            }

          /* The seed's "verlaag/verminder/verkorten" go down. */
          if (is_decreasing_text (kr->title.nl) && kr->metric_kind != KOERS_METRIC_KIND_MILESTONE)
            {
              g_assert_cmpfloat (kr->start, >, kr->target);
              n_decreasing++;
            }

          /* The demo value lies between start and target and scores
           * about its demo progress. */
          g_assert_cmpfloat (value, >=, MIN (kr->start, kr->target));
          g_assert_cmpfloat (value, <=, MAX (kr->start, kr->target));
          progress = koers_score_key_result_progress (kr->metric_kind, kr->start, kr->target, value);
          g_assert_cmpfloat_with_epsilon (progress, kr->demo_progress, 0.06);

          if (kr->uses_personal_data)
            assert_text (&kr->personal_data_note);

          if (kr->due_month_day != NULL)
            {
              g_autofree char *due = koers_seed_key_result_get_due_date (kr, 2026);
              GDate date;

              g_assert_nonnull (due);
              g_assert_true (koers_date_parse (due, &date));
            }
        }
    }

  g_assert_cmpuint (n_decreasing, >=, 10);
}

static void
test_known_shapes (void)
{
  guint n = 0;
  const KoersSeedObjective *objectives = koers_seed_get_objectives (&n);
  const KoersSeedKeyResult *cycle = NULL;
  g_autofree char *due = NULL;

  /* "Verkoopcyclus verkorten van 2 maanden naar 21 dagen": 60 -> 21 days. */
  for (guint i = 0; i < n; i++)
    for (guint k = 0; k < objectives[i].n_key_results; k++)
      if (g_str_has_prefix (objectives[i].key_results[k].title.nl, "Verkoopcyclus verkorten van 2 maanden"))
        cycle = &objectives[i].key_results[k];

  g_assert_nonnull (cycle);
  g_assert_cmpfloat (cycle->start, ==, 60);
  g_assert_cmpfloat (cycle->target, ==, 21);
  g_assert_cmpstr (koers_seed_text_get (&cycle->unit, KOERS_LANGUAGE_NL), ==, "dagen");
  g_assert_cmpstr (koers_seed_text_get (&cycle->unit, KOERS_LANGUAGE_EN), ==, "days");

  /* Verbatim Dutch from the seed. */
  g_assert_cmpstr (objectives[0].title.nl, ==, "Bouw de beste online persoonlijke shoppingservice van het land.");
  g_assert_cmpstr (objectives[1].key_results[0].title.nl, ==, "Conversieratio van 25% op alle leads.");

  /* "Finaliseer budgetten vóór 30 augustus." */
  for (guint i = 0; i < n; i++)
    for (guint k = 0; k < objectives[i].n_key_results; k++)
      if (g_str_has_prefix (objectives[i].key_results[k].title.nl, "Finaliseer budgetten"))
        due = koers_seed_key_result_get_due_date (&objectives[i].key_results[k], 2026);
  g_assert_cmpstr (due, ==, "2026-08-30");

  g_assert_cmpstr (koers_seed_text_get (NULL, KOERS_LANGUAGE_NL), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/seed/departments", test_departments);
  g_test_add_func ("/seed/objectives", test_objectives);
  g_test_add_func ("/seed/key-results", test_key_results);
  g_test_add_func ("/seed/known-shapes", test_known_shapes);

  return g_test_run ();
}
