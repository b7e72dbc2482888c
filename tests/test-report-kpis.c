/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "core/koers-date.h"
#include "core/koers-kpi-status.h"
#include "io/koers-demo.h"
#include "koers-test-report.h"

/* KPIs in the board report, read back with poppler: a KPI page per
 * department with every KPI, the values as they stood at the report's
 * end, the summary's health counts, in both languages. */

typedef KoersTestReport Fixture;

static void
fixture_setup (Fixture      *fixture,
               gconstpointer data)
{
  koers_test_report_open (fixture);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer data)
{
  koers_test_report_close (fixture);
}

/* Replaces the fixture's store with the demo database in lang. */
static void
open_demo (Fixture      *fixture,
           KoersLanguage lang)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = koers_test_report_path (fixture, "demo.db");

  g_assert_true (koers_demo_create (path, lang, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->store);
  fixture->store = koers_store_open (path, &error);
  g_assert_no_error (error);
}

static char *
write_report (Fixture                  *fixture,
              const KoersReportOptions *opts,
              const char               *name)
{
  g_autoptr (GError) error = NULL;
  char *path = koers_test_report_path (fixture, name);

  g_assert_true (koers_report_write_pdf (fixture->store, opts, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
assert_has_text (const char *text,
                 const char *wanted)
{
  g_autofree char *normal = koers_test_report_normalize (wanted);

  if (strstr (text, normal) == NULL)
    g_error ("the report lacks “%s”", normal);
}

/* The page whose text holds wanted, from 0; -1 when none does. */
static int
find_page (PopplerDocument *doc,
           const char      *wanted)
{
  g_autofree char *normal = koers_test_report_normalize (wanted);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *text = koers_test_report_page_text (doc, i);

      if (strstr (text, normal) != NULL)
        return i;
    }
  return -1;
}

/* Every outline title, at any depth. */
static void
collect_outline (PopplerIndexIter *iter,
                 GPtrArray        *out)
{
  do
    {
      PopplerAction    *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = poppler_index_iter_get_child (iter);

      g_ptr_array_add (out, g_strdup (action->any.title));
      poppler_action_free (action);
      if (child != NULL)
        {
          collect_outline (child, out);
          poppler_index_iter_free (child);
        }
    }
  while (poppler_index_iter_next (iter));
}

static guint
count_title (PopplerDocument *doc,
             const char      *title)
{
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  PopplerIndexIter *iter = poppler_index_iter_new (doc);
  guint             n = 0;

  g_assert_nonnull (iter);
  collect_outline (iter, titles);
  poppler_index_iter_free (iter);
  for (guint i = 0; i < titles->len; i++)
    if (g_strcmp0 (g_ptr_array_index (titles, i), title) == 0)
      n++;
  return n;
}

static void
check_demo (Fixture      *fixture,
            KoersLanguage lang)
{
  KoersReportOptions opts;
  g_autofree char   *path = NULL;
  g_autoptr (KoersTestPdf) doc = NULL;
  g_autofree char *text = NULL;
  GListModel      *kpis;
  GListModel      *departments;
  guint            by_status[KOERS_KPI_STATUS_UNHEALTHY + 1] = {
               0,
  };
  guint              n_departments = 0;
  const char        *heading_suffix = lang == KOERS_LANGUAGE_NL ? ": KPI’s" : ": KPIs";
  static const char *labels[2][4] = {
    { "No value yet", "Healthy", "Needs attention", "Unhealthy" },
    { "Nog geen meting", "Gezond", "Aandacht nodig", "Ongezond" },
  };
  GDate end;

  open_demo (fixture, lang);
  koers_test_report_options_q2 (&opts, lang);
  end = opts.generated;
  path = write_report (fixture, &opts, "kpis.pdf");
  doc = koers_test_report_open_pdf (path);
  text = koers_test_report_document_text (doc);

  kpis = koers_store_get_kpis (fixture->store);
  g_assert_cmpuint (g_list_model_get_n_items (kpis), ==, 13);

  /* Each department with KPIs has its KPI page, and every KPI is on it. */
  departments = koers_store_get_departments (fixture->store);
  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i);
      g_autoptr (GPtrArray) dept_kpis = koers_store_list_department_kpis (fixture->store, dept);
      g_autofree char *heading = NULL;
      g_autofree char *page_text = NULL;
      int              page;

      if (dept_kpis->len == 0)
        continue;

      n_departments++;
      heading = g_strconcat (koers_department_get_name (dept), heading_suffix, NULL);
      page = find_page (doc, heading);
      if (page < 0)
        g_error ("no KPI page “%s”", heading);
      page_text = koers_test_report_page_text (doc, page);
      for (guint j = 0; j < dept_kpis->len; j++)
        {
          KoersKpi      *kpi = g_ptr_array_index (dept_kpis, j);
          KoersKpiValue *value = koers_kpi_find_value_on (kpi, &end);
          KoersKpiStatus status = KOERS_KPI_STATUS_NONE;

          assert_has_text (page_text, koers_kpi_get_name (kpi));
          if (value != NULL)
            status = koers_kpi_compute_status (koers_kpi_get_direction (kpi), koers_kpi_get_healthy (kpi),
                                               koers_kpi_get_attention (kpi), koers_kpi_value_get_value (value));
          by_status[status]++;
        }
    }
  g_assert_cmpuint (n_departments, ==, 9);
  g_assert_cmpuint (count_title (doc, lang == KOERS_LANGUAGE_NL ? "KPI’s" : "KPIs"), ==, n_departments);

  /* The columns, and the summary's line with the counts. */
  assert_has_text (text, lang == KOERS_LANGUAGE_NL ? "Laatste meting" : "Last update");
  assert_has_text (text, "Trend");
  for (KoersKpiStatus s = KOERS_KPI_STATUS_NONE; s <= KOERS_KPI_STATUS_UNHEALTHY; s++)
    {
      g_autofree char *count = g_strdup_printf ("%s %u", labels[lang == KOERS_LANGUAGE_NL][s], by_status[s]);
      g_autofree char *summary = koers_test_report_page_text (doc, 1);

      assert_has_text (summary, count);
    }
  /* The demo has them in every state but "no value". */
  g_assert_cmpuint (by_status[KOERS_KPI_STATUS_HEALTHY], >, 0);
  g_assert_cmpuint (by_status[KOERS_KPI_STATUS_NEEDS_ATTENTION], >, 0);
  g_assert_cmpuint (by_status[KOERS_KPI_STATUS_UNHEALTHY], >, 0);

  koers_test_report_assert_in_margins (doc);
  koers_test_report_assert_page_footers (doc, lang);
}

static void
test_demo_en (Fixture      *fixture,
              gconstpointer data)
{
  check_demo (fixture, KOERS_LANGUAGE_EN);
}

static void
test_demo_nl (Fixture      *fixture,
              gconstpointer data)
{
  check_demo (fixture, KOERS_LANGUAGE_NL);
}

static KoersKpi *
add_kpi (KoersStore       *store,
         const char       *department,
         const char       *name,
         KoersKpiDirection direction,
         double            healthy,
         double            attention)
{
  g_autoptr (GError) error = NULL;
  KoersDepartment *dept = koers_store_find_department_by_name (store, department);
  KoersKpi        *kpi = koers_kpi_new (name, KOERS_METRIC_KIND_NUMBER, "leads", direction, healthy, attention,
                                        KOERS_KPI_FREQUENCY_MONTHLY);

  g_assert_nonnull (dept);
  koers_kpi_set_department_id (kpi, koers_department_get_id (dept));
  g_assert_true (koers_store_add_kpi (store, kpi, &error));
  g_assert_no_error (error);
  g_object_unref (kpi);
  return kpi;
}

static void
add_value (KoersStore *store,
           KoersKpi   *kpi,
           const char *date,
           double      number,
           const char *note)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersKpiValue) value = koers_kpi_value_new (date, number, note);

  g_assert_true (koers_store_add_kpi_value (store, kpi, value, &error));
  g_assert_no_error (error);
}

static void
test_as_of_report_end (Fixture      *fixture,
                       gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  KoersReportOptions opts;
  g_autofree char   *path = NULL;
  g_autoptr (KoersTestPdf) doc = NULL;
  g_autofree char *page = NULL;
  KoersKpi        *leads;
  KoersObjective  *objective;
  KoersKeyResult  *kr;
  int              index;

  /* Human Resources has no objectives: its KPIs alone earn it a section. */
  leads = add_kpi (fixture->store, "Human Resources", "Qualified candidates", KOERS_KPI_DIRECTION_HIGHER, 100, 80);
  add_value (fixture->store, leads, "2026-03-01", 70, NULL);
  add_value (fixture->store, leads, "2026-04-01", 90, "Two fairs in April");
  add_value (fixture->store, leads, "2026-05-01", 105, NULL);
  /* After the report date: not in this report. */
  add_value (fixture->store, leads, "2026-06-01", 40, "Summer dip");
  add_kpi (fixture->store, "Human Resources", "Offer acceptance", KOERS_KPI_DIRECTION_HIGHER, 50, 50);

  objective = koers_test_report_add_objective (fixture->store, "Sales", "Hire a bigger team", KOERS_LEVEL_DEPARTMENT,
                                               KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2", NULL);
  kr = koers_test_report_add_key_result (fixture->store, objective, "Open five roles", KOERS_METRIC_KIND_NUMBER, 0, 5, NULL);
  koers_key_result_set_kpi_id (kr, koers_kpi_get_id (leads));
  g_assert_true (koers_store_save_key_result (fixture->store, kr, &error));
  g_assert_no_error (error);

  koers_test_report_options_q2 (&opts, KOERS_LANGUAGE_EN);
  path = write_report (fixture, &opts, "as-of.pdf");
  doc = koers_test_report_open_pdf (path);
  index = find_page (doc, "Human Resources: KPIs");
  g_assert_cmpint (index, >=, 0);
  page = koers_test_report_page_text (doc, index);

  assert_has_text (page, "No objectives in this period.");
  /* 105 on 1 May, not June's 40: healthy, 35 better than before April. */
  assert_has_text (page, "Qualified candidates");
  assert_has_text (page, "moved by: Open five roles");
  assert_has_text (page, "105 leads");
  assert_has_text (page, "≥ 100 leads");
  assert_has_text (page, "≥ 80 leads");
  assert_has_text (page, "1 May 2026");
  {
    g_autofree char *summary = koers_test_report_page_text (doc, 1);

    assert_has_text (summary, "Healthy 1");
    assert_has_text (summary, "No value yet 1");
    assert_has_text (summary, "Unhealthy 0");
  }
  /* The trend and its word under it (poppler may read the row's other
   * cells in between). */
  assert_has_text (page, "+35 leads");
  g_assert_nonnull (strstr (strstr (page, "+35 leads"), "better"));
  assert_has_text (page, "now 105 leads");
  g_assert_null (strstr (page, "Summer dip"));
  assert_has_text (page, "Two fairs in April");
  /* No value at all: due, and said so. */
  assert_has_text (page, "Offer acceptance");
  assert_has_text (page, "≥ 50 leads");
  assert_has_text (page, "No value yet");
  assert_has_text (page, "update due");
  assert_has_text (page, "No values in this period");
}

static void
test_no_kpis (Fixture      *fixture,
              gconstpointer data)
{
  KoersReportOptions opts;
  g_autofree char   *path = NULL;
  g_autoptr (KoersTestPdf) doc = NULL;
  g_autofree char *text = NULL;

  koers_test_report_populate (fixture, KOERS_LANGUAGE_EN);
  koers_test_report_options_q2 (&opts, KOERS_LANGUAGE_EN);
  path = write_report (fixture, &opts, "none.pdf");
  doc = koers_test_report_open_pdf (path);
  text = koers_test_report_document_text (doc);

  /* Without KPIs the report is as it was: no line, no pages. */
  g_assert_null (strstr (text, "KPI"));
  g_assert_cmpuint (count_title (doc, "KPIs"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report-kpis/demo-en", Fixture, NULL, fixture_setup, test_demo_en, fixture_teardown);
  g_test_add ("/report-kpis/demo-nl", Fixture, NULL, fixture_setup, test_demo_nl, fixture_teardown);
  g_test_add ("/report-kpis/as-of-report-end", Fixture, NULL, fixture_setup, test_as_of_report_end,
              fixture_teardown);
  g_test_add ("/report-kpis/no-kpis", Fixture, NULL, fixture_setup, test_no_kpis, fixture_teardown);

  return g_test_run ();
}
