/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "core/koers-seed.h"
#include "io/report/koers-report-layout.h"
#include "koers-test-report.h"

typedef struct
{
  const char *en;
  const char *nl;
} Text;

#define T(lang, text) ((lang) == KOERS_LANGUAGE_NL ? (text).nl : (text).en)

static const Text grow = { "Grow the company", "Groei van de onderneming" };
static const Text brand = {
  "Raise brand awareness among young people (< 30 years)",
  "Verhoog merkbekendheid bij jongeren (< 30 jaar)"
};
static const Text revenue = { "Reach quarterly revenue of €1 million", "Bereik kwartaalomzet van € 1 miljoen" };
static const Text satisfaction = {
  "Reach our highest staff satisfaction yet",
  "Bereik de hoogste medewerkerstevredenheid tot nu toe"
};
static const Text budgets = { "Finalise the budgets before 31 March", "Finaliseer de budgetten vóór 31 maart" };
static const Text security = { "Make all systems more secure", "Verhoog beveiliging van alle systemen" };
static const Text churn = { "Keep our customers longer", "Behoud onze klanten langer" };
static const Text postponed = {
  "Two large customers postponed their orders.",
  "Twee grote klanten stelden hun bestellingen uit."
};
static const Text no_budget = { "No budget approved yet.", "Nog geen budget goedgekeurd." };
static const Text survey_note = {
  "Anonymous answers, reported per team of at least five people.",
  "Anonieme antwoorden, gerapporteerd per team van minstens vijf mensen."
};

void
koers_test_report_open (KoersTestReport *fixture)
{
  fixture->dir = koers_test_make_tmp_dir ("koers-report-XXXXXX");
  fixture->db_path = g_build_filename (fixture->dir, "koers.db", NULL);
  fixture->store = koers_test_open_store (fixture->db_path);
}

void
koers_test_report_close (KoersTestReport *fixture)
{
  g_clear_object (&fixture->store);
  if (fixture->dir != NULL)
    koers_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->db_path, g_free);
}

char *
koers_test_report_path (KoersTestReport *fixture,
                        const char      *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

KoersObjective *
koers_test_report_add_objective (KoersStore        *store,
                                 const char        *department,
                                 const char        *title,
                                 KoersLevel         level,
                                 KoersObjectiveKind kind,
                                 const char        *period,
                                 KoersObjective    *aligned_to)
{
  KoersDepartment *dept = department != NULL ? koers_store_find_department_by_name (store, department)
                                             : koers_store_get_company (store);
  g_autoptr (KoersObjective) objective = koers_objective_new (title, level, kind, period);
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (dept);
  koers_objective_set_department_id (objective, koers_department_get_id (dept));
  koers_objective_set_owner (objective, level == KOERS_LEVEL_COMPANY ? "CEO" : "Team lead");
  if (aligned_to != NULL)
    koers_objective_set_aligned_to_id (objective, koers_objective_get_id (aligned_to));
  g_assert_true (koers_store_add_objective (store, objective, &error));
  g_assert_no_error (error);

  /* The store holds it; callers get the store's object. */
  return objective;
}

KoersKeyResult *
koers_test_report_add_key_result (KoersStore     *store,
                                  KoersObjective *objective,
                                  const char     *title,
                                  KoersMetricKind kind,
                                  double          start,
                                  double          target,
                                  const char     *unit)
{
  g_autoptr (KoersKeyResult) kr = koers_key_result_new (title, kind, start, target, unit);
  g_autoptr (GError) error = NULL;

  koers_key_result_set_current_value (kr, start);
  g_assert_true (koers_store_add_key_result (store, objective, kr, &error));
  g_assert_no_error (error);

  return kr;
}

/* The seed's department names in lang, so a Dutch report also has Dutch
 * department names (the store names them in the test's language, English). */
static void
name_departments (KoersStore   *store,
                  KoersLanguage lang)
{
  const KoersSeedDepartment *seed;
  guint                      n;

  if (lang == KOERS_LANGUAGE_EN)
    return;

  seed = koers_seed_get_departments (&n);
  for (guint i = 0; i < n; i++)
    {
      KoersDepartment *dept = koers_store_find_department_by_name (store, seed[i].name.en);
      g_autoptr (GError) error = NULL;

      g_assert_nonnull (dept);
      koers_department_set_name (dept, seed[i].name.nl);
      g_assert_true (koers_store_save_department (store, dept, &error));
      g_assert_no_error (error);
    }
}

static const char *
dept (KoersLanguage lang,
      const char   *key)
{
  int                        index = koers_seed_find_department (key);
  const KoersSeedDepartment *seed = koers_seed_get_departments (NULL);

  g_assert_cmpint (index, >=, 0);
  return koers_seed_department_get_name (&seed[index], lang);
}

void
koers_test_report_populate (KoersTestReport *fixture,
                            KoersLanguage    lang)
{
  KoersStore *store = fixture->store;
  g_autoptr (GError) error = NULL;
  KoersObjective *c1, *c2, *o;
  KoersKeyResult *kr;

  g_assert_true (koers_store_set_organisation (store, "Koers Test NV", &error));
  g_assert_no_error (error);
  name_departments (store, lang);

  c1 = koers_test_report_add_objective (store, NULL, T (lang, grow), KOERS_LEVEL_COMPANY,
                                        KOERS_OBJECTIVE_KIND_COMMITTED, "2026", NULL);
  kr = koers_test_report_add_key_result (store, c1, "Raise yearly revenue to €3 million", KOERS_METRIC_KIND_CURRENCY,
                                         1800000, 3000000, "€");
  koers_test_add_checkin (store, kr, "2026-04-01", 2000000, KOERS_CHECKIN_STATUS_ON_TRACK, NULL);
  koers_test_add_checkin (store, kr, "2026-05-01", 2200000, KOERS_CHECKIN_STATUS_NONE, NULL);
  koers_test_report_add_key_result (store, c1, "Publish 12 reference cases", KOERS_METRIC_KIND_NUMBER, 0, 12, "cases");

  c2 = koers_test_report_add_objective (store, NULL, T (lang, brand), KOERS_LEVEL_COMPANY,
                                        KOERS_OBJECTIVE_KIND_ASPIRATIONAL, "2026", NULL);
  kr = koers_test_report_add_key_result (store, c2, "91 social media posts in Q2", KOERS_METRIC_KIND_NUMBER, 0, 91, "posts");
  koers_test_add_checkin (store, kr, "2026-05-04", 40, KOERS_CHECKIN_STATUS_NONE, NULL);

  o = koers_test_report_add_objective (store, dept (lang, "sales"), T (lang, revenue), KOERS_LEVEL_DEPARTMENT,
                                       KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2", c1);
  kr = koers_test_report_add_key_result (store, o, "First month: €300,000 revenue from the new product",
                                         KOERS_METRIC_KIND_CURRENCY, 0, 300000, "€");
  koers_test_add_checkin (store, kr, "2026-04-15", 120000, KOERS_CHECKIN_STATUS_ON_TRACK, "Good start.");
  koers_test_add_checkin (store, kr, "2026-05-10", 180000, KOERS_CHECKIN_STATUS_ON_TRACK, NULL);
  kr = koers_test_report_add_key_result (store, o, "Upsell to 40% of existing customers", KOERS_METRIC_KIND_PERCENTAGE,
                                         0, 40, "%");
  koers_test_add_checkin (store, kr, "2026-05-08", 8, KOERS_CHECKIN_STATUS_AT_RISK, T (lang, postponed));

  o = koers_test_report_add_objective (store, dept (lang, "hr"), T (lang, satisfaction), KOERS_LEVEL_DEPARTMENT,
                                       KOERS_OBJECTIVE_KIND_ASPIRATIONAL, "2026-Q2", c1);
  kr = koers_test_report_add_key_result (store, o, "Weekly staff surveys", KOERS_METRIC_KIND_NUMBER, 0, 12, "surveys");
  koers_key_result_set_uses_personal_data (kr, TRUE);
  koers_key_result_set_personal_data_note (kr, T (lang, survey_note));
  g_assert_true (koers_store_save_key_result (store, kr, &error));
  g_assert_no_error (error);
  koers_test_add_checkin (store, kr, "2026-05-01", 5, KOERS_CHECKIN_STATUS_NONE, NULL);
  kr = koers_test_report_add_key_result (store, o, "Double the internal team events", KOERS_METRIC_KIND_NUMBER, 2, 4, "events");
  koers_test_add_checkin (store, kr, "2026-05-12", 2, KOERS_CHECKIN_STATUS_OFF_TRACK, T (lang, no_budget));

  /* Q1, committed, ended below 1: the appendix's missed list. */
  o = koers_test_report_add_objective (store, dept (lang, "finance"), T (lang, budgets), KOERS_LEVEL_DEPARTMENT,
                                       KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q1", NULL);
  koers_test_report_add_key_result (store, o, "Budgets approved by the board", KOERS_METRIC_KIND_MILESTONE, 0, 1, NULL);
  kr = koers_test_report_add_key_result (store, o, "Save 50% on meeting costs", KOERS_METRIC_KIND_PERCENTAGE, 0, 50, "%");
  koers_test_add_checkin (store, kr, "2026-03-20", 25, KOERS_CHECKIN_STATUS_NONE, NULL);

  /* Forty key results: a table that runs over a page. */
  o = koers_test_report_add_objective (store, dept (lang, "it"), T (lang, security), KOERS_LEVEL_DEPARTMENT,
                                       KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2", NULL);
  for (int i = 1; i <= 40; i++)
    {
      g_autofree char *title = g_strdup_printf ("System %d passes the security audit", i);

      kr = koers_test_report_add_key_result (store, o, title, KOERS_METRIC_KIND_MILESTONE, 0, 1, NULL);
      if (i % 2 == 0)
        koers_test_add_checkin (store, kr, "2026-05-02", 1, KOERS_CHECKIN_STATUS_NONE, NULL);
    }

  /* A value that should go down, and no alignment. */
  o = koers_test_report_add_objective (store, dept (lang, "customer-service"), T (lang, churn), KOERS_LEVEL_DEPARTMENT,
                                       KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2", NULL);
  kr = koers_test_report_add_key_result (store, o, "Monthly churn", KOERS_METRIC_KIND_PERCENTAGE, 10, 5, "%");
  koers_test_add_checkin (store, kr, "2026-04-20", 9, KOERS_CHECKIN_STATUS_NONE, NULL);
  koers_test_add_checkin (store, kr, "2026-05-11", 8, KOERS_CHECKIN_STATUS_NONE, NULL);
}

GPtrArray *
koers_test_report_q2_titles (KoersLanguage lang)
{
  GPtrArray *titles = g_ptr_array_new ();

  g_ptr_array_add (titles, (gpointer) T (lang, grow));
  g_ptr_array_add (titles, (gpointer) T (lang, brand));
  g_ptr_array_add (titles, (gpointer) T (lang, revenue));
  g_ptr_array_add (titles, (gpointer) T (lang, satisfaction));
  g_ptr_array_add (titles, (gpointer) T (lang, security));
  g_ptr_array_add (titles, (gpointer) T (lang, churn));

  return titles;
}

void
koers_test_report_options_q2 (KoersReportOptions *opts,
                              KoersLanguage       lang)
{
  KoersPeriod q2;

  koers_period_init_quarter (&q2, 2026, 2);
  koers_report_options_init (opts, &q2);
  opts->language = lang;
  g_date_clear (&opts->generated, 1);
  g_date_set_dmy (&opts->generated, 15, G_DATE_MAY, 2026);
}

PopplerDocument *
koers_test_report_open_pdf (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *doc;

  g_assert_no_error (error);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);

  return doc;
}

char *
koers_test_report_normalize (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x00AD)
        continue;
      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

char *
koers_test_report_page_text (PopplerDocument *doc,
                             int              index)
{
  g_autoptr (KoersTestPdfPage) page = poppler_document_get_page (doc, index);
  g_autofree char *text = NULL;

  g_assert_nonnull (page);
  text = poppler_page_get_text (page);
  return koers_test_report_normalize (text != NULL ? text : "");
}

char *
koers_test_report_document_text (PopplerDocument *doc)
{
  GString *all = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *text = koers_test_report_page_text (doc, i);

      g_string_append (all, text);
      g_string_append_c (all, '\n');
    }

  return g_string_free (all, FALSE);
}

void
koers_test_report_assert_in_margins (PopplerDocument *doc)
{
  /* Poppler's glyph boxes use the font's whole height, a little more than
   * the line box Pango lays out: allow for that. */
  const double slack = 1.5;

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr (KoersTestPdfPage) page = poppler_document_get_page (doc, i);
      g_autofree char  *text = poppler_page_get_text (page);
      PopplerRectangle *rects = NULL;
      guint             n_rects = 0;
      const char       *p = text;
      double            width, height;

      poppler_page_get_size (page, &width, &height);
      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      for (guint j = 0; j < n_rects && p != NULL && *p != '\0'; j++, p = g_utf8_next_char (p))
        {
          PopplerRectangle *r = &rects[j];

          /* White space gets made-up boxes (line ends); only ink counts. */
          if (g_unichar_isspace (g_utf8_get_char (p)))
            continue;

          if (r->x1 < KOERS_REPORT_MARGIN_X - slack ||
              r->x2 > width - KOERS_REPORT_MARGIN_X + slack ||
              r->y1 < KOERS_REPORT_MARGIN_TOP - slack ||
              r->y2 > height - KOERS_REPORT_MARGIN_BOTTOM + slack)
            g_error ("page %d: “%.20s” at %.1f,%.1f–%.1f,%.1f is outside the margins",
                     i + 1, p, r->x1, r->y1, r->x2, r->y2);
        }
      g_free (rects);
    }
}

void
koers_test_report_assert_page_footers (PopplerDocument *doc,
                                       KoersLanguage    lang)
{
  int n = poppler_document_get_n_pages (doc);

  for (int i = 0; i < n; i++)
    {
      g_autofree char *text = koers_test_report_page_text (doc, i);
      g_autofree char *footer = lang == KOERS_LANGUAGE_NL ? g_strdup_printf ("Pagina %d van %d", i + 1, n)
                                                          : g_strdup_printf ("Page %d of %d", i + 1, n);

      if (strstr (text, footer) == NULL)
        g_error ("page %d has no “%s”", i + 1, footer);
    }
}

GPtrArray *
koers_test_report_outline_titles (PopplerDocument *doc,
                                  const char      *parent)
{
  GPtrArray        *titles = g_ptr_array_new_with_free_func (g_free);
  PopplerIndexIter *iter = poppler_index_iter_new (doc);

  if (iter == NULL)
    return titles;

  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      const char    *title = action->any.title;

      if (parent == NULL)
        g_ptr_array_add (titles, g_strdup (title));
      else if (g_strcmp0 (title, parent) == 0)
        {
          PopplerIndexIter *child = poppler_index_iter_get_child (iter);

          do
            {
              PopplerAction *child_action;

              if (child == NULL)
                break;
              child_action = poppler_index_iter_get_action (child);
              g_ptr_array_add (titles, g_strdup (child_action->any.title));
              poppler_action_free (child_action);
            }
          while (poppler_index_iter_next (child));
          g_clear_pointer (&child, poppler_index_iter_free);
        }
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));
  poppler_index_iter_free (iter);

  return titles;
}

GPtrArray *
koers_test_report_list_dir (const char *path)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));

  return names;
}
