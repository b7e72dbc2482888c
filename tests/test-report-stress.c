/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "koers-test-report.h"

/* A big company: 500 objectives over the company level and the nine
 * departments, three key results each with check-ins.  Every objective
 * is in the PDF, every page has its footer, nothing leaves the margins. */

#define N_OBJECTIVES 500

static void
test_stress (void)
{
  KoersTestReport fixture = {
    0,
  };
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (KoersTestPdf) doc = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char   *path = NULL;
  g_autofree char   *text = NULL;
  GListModel        *departments;
  KoersReportOptions opts;
  guint              n_departments;
  gint64             start;
  int                n_pages;

  koers_test_report_open (&fixture);
  departments = koers_store_get_departments (fixture.store);
  n_departments = g_list_model_get_n_items (departments);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_OBJECTIVES; i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i % n_departments);
      gboolean        company = koers_department_get_is_company (dept);
      char           *title = g_strdup_printf ("Objective %03u of %s: make the quarter count for everyone involved",
                                               i + 1, koers_department_get_name (dept));
      KoersObjective *objective;

      objective = koers_test_report_add_objective (fixture.store, company ? NULL : koers_department_get_name (dept), title,
                                                   company ? KOERS_LEVEL_COMPANY : KOERS_LEVEL_DEPARTMENT,
                                                   i % 3 == 0 ? KOERS_OBJECTIVE_KIND_ASPIRATIONAL
                                                              : KOERS_OBJECTIVE_KIND_COMMITTED,
                                                   "2026-Q2", NULL);
      g_ptr_array_add (titles, title);

      for (guint k = 0; k < 3; k++)
        {
          g_autofree char *kr_title = g_strdup_printf ("Key result %u of objective %03u", k + 1, i + 1);
          KoersKeyResult  *kr = koers_test_report_add_key_result (fixture.store, objective, kr_title,
                                                                  KOERS_METRIC_KIND_NUMBER, 0, 100, "points");

          koers_test_add_checkin (fixture.store, kr, "2026-04-15", (i * 7 + k * 13) % 60,
                                  KOERS_CHECKIN_STATUS_NONE, NULL);
          koers_test_add_checkin (fixture.store, kr, "2026-05-10", (i * 7 + k * 13) % 100,
                                  k == 2 ? KOERS_CHECKIN_STATUS_AT_RISK : KOERS_CHECKIN_STATUS_NONE,
                                  k == 2 ? "Waiting for the supplier." : NULL);
        }
    }
  g_test_message ("filled the store in %.2f s", (g_get_monotonic_time () - start) / 1e6);

  koers_test_report_options_q2 (&opts, KOERS_LANGUAGE_EN);
  path = koers_test_report_path (&fixture, "stress.pdf");
  start = g_get_monotonic_time ();
  g_assert_true (koers_report_write_pdf (fixture.store, &opts, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("wrote the report in %.2f s", (g_get_monotonic_time () - start) / 1e6);

  doc = koers_test_report_open_pdf (path);
  text = koers_test_report_document_text (doc);
  for (guint i = 0; i < titles->len; i++)
    {
      g_autofree char *wanted = koers_test_report_normalize (g_ptr_array_index (titles, i));

      if (strstr (text, wanted) == NULL)
        g_error ("objective %u is missing: %s", i + 1, wanted);
    }

  /* About a page per two objectives (table and charts), and the rest. */
  n_pages = poppler_document_get_n_pages (doc);
  g_test_message ("%d pages", n_pages);
  g_assert_cmpint (n_pages, >=, N_OBJECTIVES / 4);
  g_assert_cmpint (n_pages, <=, N_OBJECTIVES * 2);
  koers_test_report_assert_page_footers (doc, KOERS_LANGUAGE_EN);
  koers_test_report_assert_in_margins (doc);

  koers_test_report_close (&fixture);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/stress", test_stress);

  return g_test_run ();
}
