/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "core/koers-date.h"
#include "core/koers-quality.h"
#include "koers-csv-import.h"
#include "koers-csv.h"
#include "koers-test-io.h"
#include "store/koers-store-review.h"

#define TODAY "2026-05-10"

static KoersCsvImport *
read_text (const char *text,
           gsize       length)
{
  g_autoptr (GBytes) data = g_bytes_new (text, length);
  g_autoptr (GError) error = NULL;
  KoersCsvImport *import = koers_csv_import_new (data, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static void
plan (KoersCsvImport *import,
      KoersStore     *store)
{
  g_autoptr (GError) error = NULL;
  KoersPeriod period;
  GDate       today;

  g_assert_true (koers_period_parse ("2026-Q2", &period, NULL));
  g_assert_true (koers_date_parse (TODAY, &today));
  g_assert_true (koers_csv_import_plan (import, store, &period, &today, &error));
  g_assert_no_error (error);
}

static KoersObjective *
find_objective (KoersStore *store,
                const char *title)
{
  GListModel *objectives = koers_store_get_objectives (store);

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);

      if (g_strcmp0 (koers_objective_get_title (objective), title) == 0)
        return objective;
    }
  return NULL;
}

static KoersKeyResult *
get_key_result (KoersObjective *objective,
                guint           i)
{
  g_autoptr (KoersKeyResult) kr = g_list_model_get_item (koers_objective_get_key_results (objective), i);

  g_assert_nonnull (kr);
  return kr;
}

/* Excel's "CSV UTF-8" (a BOM), its Western "CSV" (Windows-1252) and
 * "Unicode text" (UTF-16 with a BOM) all read as the same text. */
static void
test_decode (void)
{
  static const char utf8[] = "\xef\xbb\xbf"
                             "Caf\xc3\xa9;\xe2\x82\xac";
  static const char cp1252[] = "Caf\xe9;\x80";
  static const char utf16[] = "\xff\xfe"
                              "C\0a\0f\0\xe9\0;\0\xac\x20";
  g_autoptr (GError) error = NULL;
  g_autofree char *a = koers_csv_decode (utf8, strlen (utf8), &error);
  g_autofree char *b = koers_csv_decode (cp1252, strlen (cp1252), &error);
  g_autofree char *c = koers_csv_decode (utf16, sizeof utf16 - 1, &error);
  g_autofree char *bad = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, "Café;€");
  g_assert_cmpstr (b, ==, "Café;€");
  g_assert_cmpstr (c, ==, "Café;€");

  /* An empty file is empty text, and then an import without a header. */
  g_clear_pointer (&a, g_free);
  a = koers_csv_decode (NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, "");
  {
    g_autoptr (GBytes) empty = g_bytes_new (NULL, 0);
    g_autoptr (KoersCsvImport) none = koers_csv_import_new (empty, &error);

    g_assert_null (none);
    g_assert_error (error, KOERS_CSV_ERROR, KOERS_CSV_ERROR_EMPTY);
    g_clear_error (&error);
  }

  bad = koers_csv_decode ("a\0b", 3, &error);
  g_assert_null (bad);
  g_assert_error (error, KOERS_CSV_ERROR, KOERS_CSV_ERROR_ENCODING);
}

static void
test_rows (void)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  char **row;

  g_assert_cmpint (koers_csv_guess_separator ("a;b;\"c,d,e\"\r\n1,2"), ==, ';');
  g_assert_cmpint (koers_csv_guess_separator ("a,b,c\n"), ==, ',');
  g_assert_cmpint (koers_csv_guess_separator ("a\tb\n"), ==, '\t');
  g_assert_cmpint (koers_csv_guess_separator ("one"), ==, ',');

  /* A quoted line break stays in its field and row; CRLF, LF and CR end
   * rows; an empty line is an empty row (the spreadsheet's numbering). */
  rows = koers_csv_read_rows ("h1;h2\r\n\"two\r\nlines\";\"a \"\"q\"\"\"\n\r;x\rlast;", ';', &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 5);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row[0], ==, "two\r\nlines");
  g_assert_cmpstr (row[1], ==, "a \"q\"");
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, 2)), ==, 1);
  row = g_ptr_array_index (rows, 3);
  g_assert_cmpstr (row[0], ==, "");
  g_assert_cmpstr (row[1], ==, "x");
  row = g_ptr_array_index (rows, 4);
  g_assert_cmpuint (g_strv_length (row), ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = koers_csv_read_rows ("a,b\n1,\"open\n2,3\n", ',', &error);
  g_assert_null (rows);
  g_assert_error (error, KOERS_CSV_ERROR, KOERS_CSV_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "2"));
}

static void
test_headers (void)
{
  static const struct
  {
    const char   *header;
    KoersCsvField field;
    int           language;
  } cases[] = {
    { "Niveau", KOERS_CSV_FIELD_LEVEL, KOERS_LANGUAGE_NL },
    { "Level", KOERS_CSV_FIELD_LEVEL, KOERS_LANGUAGE_EN },
    { "DOELSTELLING", KOERS_CSV_FIELD_OBJECTIVE, KOERS_LANGUAGE_NL },
    { "Sleutelresultaat (Key Result)", KOERS_CSV_FIELD_KEY_RESULT, KOERS_LANGUAGE_NL },
    { "Key-Result", KOERS_CSV_FIELD_KEY_RESULT, -1 },
    { " Doel ", KOERS_CSV_FIELD_TARGET, KOERS_LANGUAGE_NL },
    { "Doelwaarde", KOERS_CSV_FIELD_TARGET, KOERS_LANGUAGE_NL },
    { "Huidig", KOERS_CSV_FIELD_CURRENT, KOERS_LANGUAGE_NL },
    { "Huidige waarde", KOERS_CSV_FIELD_CURRENT, KOERS_LANGUAGE_NL },
    { "Eigenaar", KOERS_CSV_FIELD_OWNER, KOERS_LANGUAGE_NL },
    { "Verantwoordelijke:", KOERS_CSV_FIELD_OWNER, KOERS_LANGUAGE_NL },
    { "Due", KOERS_CSV_FIELD_DUE, KOERS_LANGUAGE_EN },
    { "Deadline", KOERS_CSV_FIELD_DUE, -1 },
    { "Status", KOERS_CSV_FIELD_STATUS, -1 },
    { "Opmerking", KOERS_CSV_FIELD_NONE, -1 },
    { "", KOERS_CSV_FIELD_NONE, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KoersLanguage language = (KoersLanguage) -1;

      g_assert_cmpint (koers_csv_field_from_header (cases[i].header, &language), ==,
                       cases[i].field);
      g_assert_cmpint ((int) language, ==, cases[i].language);
    }
}

static void
test_status_words (void)
{
  static const struct
  {
    const char   *word;
    KoersKrStatus status;
  } cases[] = {
    { "Op schema", KOERS_KR_STATUS_ON_TRACK },
    { "on track", KOERS_KR_STATUS_ON_TRACK },
    { "Behaald", KOERS_KR_STATUS_ACHIEVED },
    { "ACHIEVED", KOERS_KR_STATUS_ACHIEVED },
    { "Lopend", KOERS_KR_STATUS_IN_PROGRESS },
    { "In progress", KOERS_KR_STATUS_IN_PROGRESS },
    { "Risico", KOERS_KR_STATUS_AT_RISK },
    { "At risk", KOERS_KR_STATUS_AT_RISK },
    { "Achter op schema", KOERS_KR_STATUS_OFF_TRACK },
    { "Off track", KOERS_KR_STATUS_OFF_TRACK },
  };
  KoersKrStatus status;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (koers_csv_parse_status (cases[i].word, &status));
      g_assert_cmpint (status, ==, cases[i].status);
    }
  g_assert_false (koers_csv_parse_status ("prima", &status));
  g_assert_false (koers_csv_parse_status ("", &status));
}

/* Dutch Excel: semicolons, a BOM, CRLF, merged-cell blanks, an empty row,
 * an extra column, headers in another order, six key results. */
static const char dutch_file[] =
  "\xef\xbb\xbf"
  "Doelstelling;Niveau;Sleutelresultaat;Doel;Start;Huidig;Status;Verantwoordelijke;Opmerking\r\n"
  "Omzet groeit;Verkoop;Omzet naar 250k;€ 250.000;€ 100.000;€ 150.000;Op schema;An;x\r\n"
  ";;Nieuwe klanten;50 klanten;0;20;Risico;An;\r\n"
  "\r\n"
  ";;Marge;25 %;20 %;;;An;\r\n"
  "Merk sterker;;NPS;45;30;8,5;Lopend;Bo;\r\n"
  ";;KR 2;10;0;;;Bo;\r\n;;KR 3;10;0;;;Bo;\r\n;;KR 4;10;0;;;Bo;\r\n"
  ";;KR 5;10;0;;;Bo;\r\n;;KR 6;10;0;;;Cas;\r\n";

static void
test_import (KoersTestStore *fixture,
             gconstpointer   data)
{
  g_autoptr (KoersCsvImport) import = read_text (dutch_file, strlen (dutch_file));
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;
  KoersObjective  *sales, *brand;
  KoersKeyResult  *kr;
  GPtrArray       *preview;
  gboolean         noted = FALSE;

  g_assert_cmpint (koers_csv_import_get_separator (import), ==, ';');
  g_assert_cmpint (koers_csv_import_get_language (import), ==, KOERS_LANGUAGE_NL);
  g_assert_cmpint (koers_csv_import_get_field (import, 0), ==, KOERS_CSV_FIELD_OBJECTIVE);
  g_assert_cmpint (koers_csv_import_get_field (import, 8), ==, KOERS_CSV_FIELD_NONE);

  plan (import, fixture->store);
  g_assert_cmpuint (koers_csv_import_get_n_problems (import), ==, 0);
  g_assert_cmpstr (koers_csv_import_get_new_departments (import)[0], ==, "Verkoop");
  g_assert_null (koers_csv_import_get_new_departments (import)[1]);
  preview = koers_csv_import_get_preview (import);
  for (guint i = 0; i < preview->len; i++)
    {
      KoersCsvPreviewLine *line = g_ptr_array_index (preview, i);

      noted |= line->kind == KOERS_CSV_PREVIEW_NOTE && strstr (line->text, "Opmerking") != NULL;
    }
  g_assert_true (noted);
  summary = koers_csv_import_describe (import);
  g_assert_nonnull (strstr (summary, "2 objectives added"));
  g_assert_nonnull (strstr (summary, "9 key results added"));

  fixture->changed = 0;
  g_assert_true (koers_csv_import_apply (import, fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, 1);

  sales = find_objective (fixture->store, "Omzet groeit");
  brand = find_objective (fixture->store, "Merk sterker");
  g_assert_nonnull (sales);
  g_assert_nonnull (brand);
  g_assert_cmpstr (koers_objective_get_period (sales), ==, "2026-Q2");
  g_assert_cmpstr (koers_objective_get_owner (sales), ==, "An");
  g_assert_cmpuint (g_list_model_get_n_items (koers_objective_get_key_results (sales)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (koers_objective_get_key_results (brand)), ==, 6);
  g_assert_cmpint (koers_objective_get_department_id (sales), ==,
                   koers_objective_get_department_id (brand));

  kr = get_key_result (sales, 0);
  g_assert_cmpint (koers_key_result_get_metric_kind (kr), ==, KOERS_METRIC_KIND_CURRENCY);
  g_assert_cmpfloat (koers_key_result_get_start_value (kr), ==, 100000);
  g_assert_cmpfloat (koers_key_result_get_target_value (kr), ==, 250000);
  g_assert_cmpfloat (koers_key_result_get_current_value (kr), ==, 150000);
  g_assert_cmpstr (koers_key_result_get_owner (kr), ==, "");
  kr = get_key_result (sales, 1);
  g_assert_cmpint (koers_key_result_get_metric_kind (kr), ==, KOERS_METRIC_KIND_NUMBER);
  g_assert_cmpstr (koers_key_result_get_unit (kr), ==, "klanten");
  kr = get_key_result (sales, 2);
  g_assert_cmpint (koers_key_result_get_metric_kind (kr), ==, KOERS_METRIC_KIND_PERCENTAGE);
  g_assert_cmpfloat (koers_key_result_get_current_value (kr), ==, 20);
  kr = get_key_result (brand, 0);
  g_assert_cmpfloat (koers_key_result_get_current_value (kr), ==, 8.5);
  /* Owners differ in this objective: each key result keeps its own. */
  g_assert_cmpstr (koers_objective_get_owner (brand), ==, "");
  g_assert_cmpstr (koers_key_result_get_owner (get_key_result (brand, 5)), ==, "Cas");

  /* Current values are first check-ins, dated today, with the status. */
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM checkins"), ==, 3);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM checkins "
                                                         "WHERE date = '" TODAY "' AND status = 'at-risk'"),
                   ==, 1);
  /* Through the change log. */
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM changes "
                                                         "WHERE entity = 'key_result' AND op = 'insert'"),
                   ==, 9);
}

/* The same file again adds nothing; a new current value and a new key
 * result update what is there. */
static void
test_update (KoersTestStore *fixture,
             gconstpointer   data)
{
  static const char again[] = "Level,Objective,Key result,Start,Target,Current\n"
                              "Verkoop,omzet GROEIT,Omzet naar 250k,€100000,€250000,€175000\n"
                              "Verkoop,Omzet groeit,Nieuw,0,5,\n";
  g_autoptr (KoersCsvImport) first = read_text (dutch_file, strlen (dutch_file));
  g_autoptr (KoersCsvImport) same = read_text (dutch_file, strlen (dutch_file));
  g_autoptr (KoersCsvImport) update = read_text (again, strlen (again));
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;
  KoersObjective  *sales;

  plan (first, fixture->store);
  g_assert_true (koers_csv_import_apply (first, fixture->store, &error));
  g_assert_no_error (error);

  plan (same, fixture->store);
  g_clear_pointer (&summary, g_free);
  summary = koers_csv_import_describe (same);
  g_assert_cmpstr (summary, ==, "0 objectives added, no key results added or updated");
  g_assert_null (koers_csv_import_get_new_departments (same)[0]);

  g_assert_cmpint (koers_csv_import_get_language (update), ==, KOERS_LANGUAGE_EN);
  plan (update, fixture->store);
  g_clear_pointer (&summary, g_free);
  summary = koers_csv_import_describe (update);
  g_assert_cmpstr (summary, ==, "0 objectives added, 1 objective updated, 1 key result added, "
                                "1 key result updated");
  g_assert_true (koers_csv_import_apply (update, fixture->store, &error));
  g_assert_no_error (error);

  sales = find_objective (fixture->store, "Omzet groeit");
  g_assert_cmpuint (g_list_model_get_n_items (koers_objective_get_key_results (sales)), ==, 4);
  g_assert_cmpfloat (koers_key_result_get_current_value (get_key_result (sales, 0)), ==, 175000);
  g_assert_cmpstr (koers_key_result_get_title (get_key_result (sales, 3)), ==, "Nieuw");
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM objectives"), ==, 2);
  g_assert_cmpint (koers_test_store_count_rows (fixture, "SELECT count(*) FROM checkins"), ==, 4);
}

static GBytes *
read_file_bytes (const char *path)
{
  char *contents;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}

/* Every problem names its row and column, and a refused file writes
 * nothing: the database stays byte for byte the same. */
static void
test_problems (KoersTestStore *fixture,
               gconstpointer   data)
{
  static const char bad[] = "Niveau;Doelstelling;Sleutelresultaat;Start;Doel;Status;Deadline\n"
                            "Verkoop;Groei;Goed;0;10;Op schema;30-6-2026\n"
                            ";;Slecht;0;veel;;\n"
                            ";;Geen doel;0;;;\n"
                            ";;Raar;0;5;prima;\n"
                            ";;Laat;0;5;;31-2-2026\n"
                            "Marketing;;Wees;0;5;;\n";
  g_autoptr (KoersCsvImport) import = read_text (bad, strlen (bad));
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  GPtrArray  *preview;
  const char *expected[] = {
    "Row 3, Doel: “veel” is not a number",
    "Row 4, Doel: a key result needs a target value",
    "Row 5, Status: “prima” is not a status",
    "Row 6, Deadline: “31-2-2026” is not a date",
    "Row 7, Doelstelling: empty",
  };

  plan (import, fixture->store);
  preview = koers_csv_import_get_preview (import);
  g_assert_cmpuint (koers_csv_import_get_n_problems (import), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      KoersCsvPreviewLine *line = g_ptr_array_index (preview, i);

      g_assert_cmpint (line->kind, ==, KOERS_CSV_PREVIEW_PROBLEM);
      g_assert_true (g_str_has_prefix (line->text, expected[i]));
    }

  g_clear_object (&fixture->store);
  before = read_file_bytes (fixture->files.path);
  fixture->store = koers_store_open (fixture->files.path, &error);
  g_assert_no_error (error);
  plan (import, fixture->store);
  g_assert_false (koers_csv_import_apply (import, fixture->store, &error));
  g_assert_error (error, KOERS_CSV_ERROR, KOERS_CSV_ERROR_ROWS);
  g_assert_nonnull (strstr (error->message, "Row 3, Doel"));
  g_clear_object (&fixture->store);
  after = read_file_bytes (fixture->files.path);
  g_assert_true (g_bytes_equal (before, after));
}

/* --export-csv, then an import into a new database, gives the same
 * objectives and key results (the period and check-in history aside,
 * which the CSV does not hold). */
static void
test_round_trip (KoersTestStore *fixture,
                 gconstpointer   data)
{
  g_autoptr (KoersCsvImport) import = read_text (dutch_file, strlen (dutch_file));
  g_autoptr (GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *again = NULL;
  g_autofree char *other_path = g_build_filename (fixture->files.dir, "other.db", NULL);
  g_autoptr (KoersStore) other = NULL;
  g_autoptr (KoersCsvImport) back = NULL;
  GDate today;

  g_assert_true (koers_date_parse (TODAY, &today));
  plan (import, fixture->store);
  g_assert_true (koers_csv_import_apply (import, fixture->store, &error));
  g_assert_no_error (error);

  for (KoersLanguage lang = KOERS_LANGUAGE_EN; lang <= KOERS_LANGUAGE_NL; lang++)
    {
      exported = koers_csv_export_to_string (fixture->store, NULL, lang, &today, &error);
      g_assert_no_error (error);

      g_clear_object (&other);
      g_remove (other_path);
      other = koers_store_open (other_path, &error);
      g_assert_no_error (error);
      g_clear_pointer (&back, koers_csv_import_free);
      back = read_text (exported, strlen (exported));
      plan (back, other);
      g_assert_cmpuint (koers_csv_import_get_n_problems (back), ==, 0);
      g_assert_true (koers_csv_import_apply (back, other, &error));
      g_assert_no_error (error);

      /* The same table again, written from the new database. */
      again = koers_csv_export_to_string (other, NULL, lang, &today, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (again, ==, exported);
      g_clear_pointer (&exported, g_free);
      g_clear_pointer (&again, g_free);
    }
}

/* The quality check names an objective with more than five key results. */
static void
test_quality (KoersTestStore *fixture,
              gconstpointer   data)
{
  g_autoptr (KoersCsvImport) import = read_text (dutch_file, strlen (dutch_file));
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) report = g_string_new (NULL);
  KoersQualityInput input;
  KoersPeriod       period;

  plan (import, fixture->store);
  g_assert_true (koers_csv_import_apply (import, fixture->store, &error));
  g_assert_true (koers_period_parse ("2026-Q2", &period, NULL));
  koers_store_init_quality_input (fixture->store, &input, &period);
  koers_quality_print_report (&input, KOERS_LANGUAGE_EN, KOERS_QUALITY_REPORT_DEFAULT, report);
  g_assert_nonnull (strstr (report->str, "Merk sterker"));
  g_assert_nonnull (strstr (report->str, "6 key results"));
}

/* A level the database lacks is a problem when new ones are not wanted. */
static void
test_no_new_departments (KoersTestStore *fixture,
                         gconstpointer   data)
{
  g_autoptr (KoersCsvImport) import = read_text (dutch_file, strlen (dutch_file));

  koers_csv_import_set_create_departments (import, FALSE);
  plan (import, fixture->store);
  /* Once for each objective at that level (rows 2 and 6). */
  g_assert_cmpuint (koers_csv_import_get_n_problems (import), ==, 2);
  g_assert_cmpstr (((KoersCsvPreviewLine *) g_ptr_array_index (koers_csv_import_get_preview (import), 0))->text,
                   ==, "Row 2, Niveau: there is no department “Verkoop”");

  /* Mapped by hand: the first column is not imported, so no objectives. */
  koers_csv_import_set_field (import, 1, KOERS_CSV_FIELD_OBJECTIVE);
  g_assert_cmpint (koers_csv_import_get_field (import, 0), ==, KOERS_CSV_FIELD_NONE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-import/decode", test_decode);
  g_test_add_func ("/csv-import/rows", test_rows);
  g_test_add_func ("/csv-import/headers", test_headers);
  g_test_add_func ("/csv-import/status-words", test_status_words);
  g_test_add ("/csv-import/import", KoersTestStore, NULL, koers_test_store_setup, test_import,
              koers_test_store_teardown);
  g_test_add ("/csv-import/update", KoersTestStore, NULL, koers_test_store_setup, test_update,
              koers_test_store_teardown);
  g_test_add ("/csv-import/problems", KoersTestStore, NULL, koers_test_store_setup, test_problems,
              koers_test_store_teardown);
  g_test_add ("/csv-import/round-trip", KoersTestStore, NULL, koers_test_store_setup,
              test_round_trip, koers_test_store_teardown);
  g_test_add ("/csv-import/quality", KoersTestStore, NULL, koers_test_store_setup, test_quality,
              koers_test_store_teardown);
  g_test_add ("/csv-import/no-new-departments", KoersTestStore, NULL, koers_test_store_setup,
              test_no_new_departments, koers_test_store_teardown);

  return g_test_run ();
}
