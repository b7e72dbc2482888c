/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-csv.h"
#include "koers-store-private.h"
#include "koers-test-io.h"
#include "test-csv-reader.h"

typedef struct
{
  const char *field;
  const char *written;
} FieldCase;

/* Writes each field alone (as the case says) and all as one row; returns
 * the row read back, one cell per case. */
static char **
write_fields (const FieldCase *cases,
              guint            n,
              GString         *row)
{
  g_autofree const char **fields = g_new0 (const char *, n + 1);
  g_autoptr (GPtrArray) rows = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GString) out = g_string_new (NULL);

      koers_csv_append_field (out, cases[i].field);
      g_assert_cmpstr (out->str, ==, cases[i].written);
      fields[i] = cases[i].field;
    }

  koers_csv_append_row (row, fields, n);
  rows = read_csv (row->str);
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, 1);
  return g_strdupv (g_ptr_array_index (rows, 0));
}

static void
test_quoting (void)
{
  static const FieldCase cases[] = {
    { "plain", "plain" },
    { "", "" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "\"", "\"\"\"\"" },
    { "line\nbreak", "\"line\nbreak\"" },
    { "carriage\rreturn", "\"carriage\rreturn\"" },
    { "crlf\r\nend", "\"crlf\r\nend\"" },
    { "€ 250.000 — ünïcødé 🚀", "€ 250.000 — ünïcødé 🚀" },
    { " spaces kept ", " spaces kept " },
    { "semi;colon", "semi;colon" },
  };
  g_autoptr (GString) row = g_string_new (NULL);
  g_auto (GStrv) read = write_fields (cases, G_N_ELEMENTS (cases), row);

  g_assert_true (g_str_has_suffix (row->str, "🚀, spaces kept ,semi;colon\r\n"));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (read[i], ==, cases[i].field);
  g_assert_null (read[G_N_ELEMENTS (cases)]);
}

/* OWASP: a text cell that a spreadsheet would read as a formula gets a
 * leading quote; numbers as koers-format writes them stay numbers. */
static void
test_formula_guard (void)
{
  static const FieldCase cases[] = {
    { "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
    { "=1+1", "'=1+1" },
    { "+31 2 555 0101", "'+31 2 555 0101" },
    { "-5 leads", "'-5 leads" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "\tcmd", "'\tcmd" },
    { "\rcmd", "\"'\rcmd\"" },
    { "=a,b", "\"'=a,b\"" },
    { "=", "'=" },
    { "-", "'-" },
    { "+20% more leads", "'+20% more leads" },
    /* Numbers. */
    { "-3", "-3" },
    { "-1.200", "-1.200" },
    { "-21,5%", "\"-21,5%\"" },
    { "+20%", "+20%" },
    { "-€ 250.000", "-€ 250.000" },
    { "-€1,000.50", "\"-€1,000.50\"" },
    /* Not at the start: nothing to guard. */
    { "a=b", "a=b" },
    { "Sales @ HQ", "Sales @ HQ" },
    { "", "" },
  };
  g_autoptr (GString) row = g_string_new (NULL);
  g_auto (GStrv) read = write_fields (cases, G_N_ELEMENTS (cases), row);

  /* Read back: the cell as it was, after the quote when it got one. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean guarded = cases[i].written[0] == '\'' ||
                         g_str_has_prefix (cases[i].written, "\"'");

      g_assert_cmpstr (read[i] + (guarded ? 1 : 0), ==, cases[i].field);
      g_assert_cmpint (koers_csv_needs_formula_guard (cases[i].field), ==, guarded);
    }
}

static KoersObjective *
add_objective (KoersStore      *store,
               KoersDepartment *dept,
               const char      *title,
               const char      *owner)
{
  g_autoptr (GError) error = NULL;
  KoersObjective *objective = koers_objective_new (title, KOERS_LEVEL_DEPARTMENT,
                                                   KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2");

  koers_objective_set_department_id (objective, koers_department_get_id (dept));
  koers_objective_set_owner (objective, owner);
  g_assert_true (koers_store_add_objective (store, objective, &error));
  g_assert_no_error (error);
  g_object_unref (objective);
  return objective;
}

static void
add_key_result (KoersStore     *store,
                KoersObjective *objective,
                const char     *title,
                KoersMetricKind kind,
                double          start,
                double          target,
                double          current,
                const char     *unit,
                const char     *owner)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersKeyResult) kr = koers_key_result_new (title, kind, start, target, unit);

  koers_key_result_set_current_value (kr, current);
  koers_key_result_set_owner (kr, owner);
  g_assert_true (koers_store_add_key_result (store, objective, kr, &error));
  g_assert_no_error (error);
}

/* The seed's reporting template: its three rows, in both languages. */
static void
test_report_rows (KoersTestDir *fixture,
                  gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  g_autofree char *en = NULL;
  g_autofree char *nl = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  KoersObjective *sales, *leads, *empty;
  GDate           today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_MAY, 2026);

  sales = add_objective (store, koers_store_get_company (store), "Increase sales", "Sales director");
  add_key_result (store, sales, "Conversion rate 25%", KOERS_METRIC_KIND_PERCENTAGE, 18, 25, 21.5,
                  "", "");
  leads = add_objective (store, koers_test_find_department (store, "Marketing"),
                         "Double leads, \"fast\"", "Marketing team");
  add_key_result (store, leads, "+1,200 leads", KOERS_METRIC_KIND_NUMBER, 600, 1200, 1200, "leads",
                  "Ann\nPeeters");
  empty = add_objective (store, koers_test_find_department (store, "Human Resources"), "Satisfaction",
                         "HR manager");

  en = koers_csv_export_to_string (store, NULL, KOERS_LANGUAGE_EN, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (en, ==,
                   "Level,Objective,Key result,Start,Target,Current,Status,Owner\r\n"
                   "Company,Increase sales,Conversion rate 25%,18%,25%,21.5%,On track,Sales director\r\n"
                   "Human Resources,Satisfaction,,,,,,HR manager\r\n"
                   "Marketing,\"Double leads, \"\"fast\"\"\",\"'+1,200 leads\",600 leads,\"1,200 leads\","
                   "\"1,200 leads\",Achieved,\"Ann\nPeeters\"\r\n");

  /* Departments in the sidebar's order (the seed's: HR before
   * Marketing), not by when they were added. */

  /* A Dutch file from an English session: the seed's own words. */
  nl = koers_csv_export_to_string (store, NULL, KOERS_LANGUAGE_NL, &today, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (nl, "Niveau,Doelstelling,Sleutelresultaat,Startwaarde,Doelwaarde,"
                                       "Huidige waarde,Status,Verantwoordelijke\r\n"));
  g_assert_nonnull (strstr (nl, "\r\nCompany,Increase sales,Conversion rate 25%,18%,25%,\"21,5%\",Op schema,"
                                "Sales director\r\n"));
  g_assert_nonnull (strstr (nl, ",600 leads,1.200 leads,1.200 leads,Behaald,"));

  rows = read_csv (nl);
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, 4);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, i)), ==, 8);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 3))[1], ==, "Double leads, \"fast\"");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 3))[7], ==, "Ann\nPeeters");
  (void) empty;
}

/* Behind schedule: at risk, then off track; a check-in's own status wins. */
static void
test_status (KoersTestDir *fixture,
             gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  KoersObjective  *objective;
  GDate            today;

  /* Halfway through Q2 2026: expected progress about 0.5. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_MAY, 2026);

  objective = add_objective (store, koers_test_find_department (store, "Sales"), "Sell", "");
  add_key_result (store, objective, "A little behind", KOERS_METRIC_KIND_NUMBER, 0, 100, 35, "", "");
  add_key_result (store, objective, "Under way", KOERS_METRIC_KIND_NUMBER, 0, 100, 45, "", "");
  add_key_result (store, objective, "Far behind", KOERS_METRIC_KIND_NUMBER, 0, 100, 5, "", "");
  add_key_result (store, objective, "Said on track", KOERS_METRIC_KIND_NUMBER, 0, 100, 10, "", "");
  {
    g_autoptr (KoersKeyResult) kr = g_list_model_get_item (koers_objective_get_key_results (objective), 3);

    koers_test_add_checkin (store, kr, "2026-05-14", 10, KOERS_CHECKIN_STATUS_ON_TRACK, "");
  }

  text = koers_csv_export_to_string (store, NULL, KOERS_LANGUAGE_EN, &today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Sell,A little behind,0,100,35,At risk,\r\n"));
  g_assert_nonnull (strstr (text, "Sell,Under way,0,100,45,In progress,\r\n"));
  g_assert_nonnull (strstr (text, "Sell,Far behind,0,100,5,Off track,\r\n"));
  g_assert_nonnull (strstr (text, "Sell,Said on track,0,100,10,On track,\r\n"));
  g_assert_true (g_utf8_validate (text, -1, NULL));

  /* Archived, the objective is out of the sheet. */
  g_assert_true (koers_store_set_objective_archived (store, objective, TRUE, &error));
  g_clear_pointer (&text, g_free);
  text = koers_csv_export_to_string (store, NULL, KOERS_LANGUAGE_EN, &today, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (text, "Sell,"));
  g_assert_nonnull (strstr (text, "\r\n"));
}

static void
test_filter_and_file (KoersTestDir *fixture,
                      gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  g_autofree char *csv_path = g_build_filename (fixture->dir, "report.csv", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  const char *const marketing[] = { "Marketing", NULL };
  const char *const nowhere[] = { "Nowhere", NULL };
  KoersExportFilter filter = { NULL, marketing };

  koers_test_populate_store (store);

  expected = koers_csv_export_to_string (store, &filter, KOERS_LANGUAGE_EN, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (koers_csv_export (store, &filter, KOERS_LANGUAGE_EN, csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);

  /* Marketing's two objectives (3 key results each) and the team's two
   * (1 key result, and none). */
  rows = read_csv (written);
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, 1 + 3 + 3 + 1 + 1);
  for (guint i = 1; i < rows->len; i++)
    {
      const char *level = ((char **) g_ptr_array_index (rows, i))[0];

      g_assert_true (g_strcmp0 (level, "Marketing") == 0 || g_strcmp0 (level, "Growth team") == 0);
    }

  filter.departments = nowhere;
  g_assert_false (koers_csv_export (store, &filter, KOERS_LANGUAGE_EN, csv_path, &error));
  g_assert_error (error, KOERS_EXPORT_FILTER_ERROR, KOERS_EXPORT_FILTER_ERROR_DEPARTMENT);
  g_clear_pointer (&written, g_free);
  g_assert_true (g_file_get_contents (csv_path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/formula-guard", test_formula_guard);
  g_test_add ("/csv/report-rows", KoersTestDir, NULL, koers_test_dir_setup, test_report_rows,
              koers_test_dir_teardown);
  g_test_add ("/csv/status", KoersTestDir, NULL, koers_test_dir_setup, test_status,
              koers_test_dir_teardown);
  g_test_add ("/csv/filter-and-file", KoersTestDir, NULL, koers_test_dir_setup,
              test_filter_and_file, koers_test_dir_teardown);

  return g_test_run ();
}
