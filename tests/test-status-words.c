/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/koers-status-words.h"
#include "io/koers-csv.h"
#include "koers-test-report.h"
#include "koers-test-ui.h"
#include "test-language.h"
#include "ui/objectives/koers-key-result-row.h"

/* The reporting template's words (okr-kader.txt, "OKR-Rapportagesjabloon"),
 * plus In gevaar and Achterop, by status. */
static const char *const template_nl[] = {
  [KOERS_KR_STATUS_IN_PROGRESS] = "Lopend",
  [KOERS_KR_STATUS_ON_TRACK] = "Op schema",
  [KOERS_KR_STATUS_ACHIEVED] = "Behaald",
  [KOERS_KR_STATUS_AT_RISK] = "In gevaar",
  [KOERS_KR_STATUS_OFF_TRACK] = "Achterop",
};
static const char *const template_en[] = {
  [KOERS_KR_STATUS_IN_PROGRESS] = "In progress",
  [KOERS_KR_STATUS_ON_TRACK] = "On track",
  [KOERS_KR_STATUS_ACHIEVED] = "Achieved",
  [KOERS_KR_STATUS_AT_RISK] = "At risk",
  [KOERS_KR_STATUS_OFF_TRACK] = "Off track",
};

#define N_STATUSES (KOERS_KR_STATUS_OFF_TRACK + 1)

static void
assert_parses (const char   *word,
               KoersKrStatus expected)
{
  KoersKrStatus status = N_STATUSES;

  g_assert_true (koers_kr_status_parse_word (word, &status));
  g_assert_cmpint (status, ==, expected);
}

static void
test_parse (void)
{
  KoersKrStatus status = KOERS_KR_STATUS_ACHIEVED;

  for (KoersKrStatus s = 0; s < N_STATUSES; s++)
    {
      g_autofree char *upper = g_utf8_strup (template_nl[s], -1);
      g_autofree char *padded = g_strdup_printf ("  %s\t", template_en[s]);

      g_assert_cmpstr (koers_kr_status_get_word (s, KOERS_LANGUAGE_NL), ==, template_nl[s]);
      g_assert_cmpstr (koers_kr_status_get_word (s, KOERS_LANGUAGE_EN), ==, template_en[s]);
      assert_parses (template_nl[s], s);
      assert_parses (template_en[s], s);
      assert_parses (upper, s);
      assert_parses (padded, s);
    }

  /* The template's coloured dots, and the words older CSV files wrote. */
  assert_parses ("🔵 Op schema", KOERS_KR_STATUS_ON_TRACK);
  assert_parses ("🟢 Behaald", KOERS_KR_STATUS_ACHIEVED);
  assert_parses ("🟡 Lopend", KOERS_KR_STATUS_IN_PROGRESS);
  assert_parses ("Risico", KOERS_KR_STATUS_AT_RISK);
  assert_parses ("Achter op schema", KOERS_KR_STATUS_OFF_TRACK);

  g_assert_false (koers_kr_status_parse_word ("Lopen", &status));
  g_assert_false (koers_kr_status_parse_word ("On track!", &status));
  g_assert_false (koers_kr_status_parse_word ("", &status));
  g_assert_false (koers_kr_status_parse_word ("\xff", &status));
  g_assert_false (koers_kr_status_parse_word (NULL, &status));
  g_assert_cmpint (status, ==, KOERS_KR_STATUS_ACHIEVED);
  g_assert_cmpstr (koers_kr_status_get_word (N_STATUSES, KOERS_LANGUAGE_NL), ==, "");
}

/* One key result per status in Q2 2026, seen on KOERS_TODAY, 15 May: 44
 * of 90 days gone, so about 0.49 of the way is expected. */
static const struct
{
  const char   *title;
  double        current;
  KoersKrStatus status;
} key_results[] = {
  { "Alpha leads", 60, KOERS_KR_STATUS_ON_TRACK },
  { "Bravo leads", 100, KOERS_KR_STATUS_ACHIEVED },
  { "Charlie leads", 45, KOERS_KR_STATUS_IN_PROGRESS },
  { "Delta leads", 35, KOERS_KR_STATUS_AT_RISK },
  { "Echo leads", 10, KOERS_KR_STATUS_OFF_TRACK },
};

/* The PDF's Status cell of a key result: the words in the Status column
 * (the template's column left of the owner's) on the row of its owner
 * ("Owner Alpha leads"), in the department's table (the last time the
 * owner shows; the summary's lists name owners too).  Read by place, not
 * in poppler's reading order, which follows the columns' widths. */
static char *
find_pdf_status (PopplerDocument *doc,
                 const char      *title)
{
  /* "Owner Alpha": the owner's name may wrap before its last word. */
  g_auto (GStrv) title_words = g_strsplit (title, " ", 2);
  g_autofree char *owner = g_strconcat ("Owner ", title_words[0], NULL);
  g_autofree char *words = NULL;

  for (int i = poppler_document_get_n_pages (doc) - 1; i >= 0 && words == NULL; i--)
    {
      g_autoptr (KoersTestPdfPage) page = poppler_document_get_page (doc, i);
      GList *hits = poppler_page_find_text (page, owner);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      if (hits != NULL)
        {
          /* The last hit on the page; find_text counts y from the bottom. */
          PopplerRectangle *hit = g_list_last (hits)->data;
          double            top = height - hit->y2;
          /* The Status column's words, after its symbol: between about 40
           * and 9 points left of the owner's text; two lines at most. */
          PopplerRectangle area = { hit->x1 - 42.0, top + 1.0, hit->x1 - 8.5, top + 18.0 };
          g_autofree char *text = poppler_page_get_text_for_area (page, &area);

          g_autoptr (GRegex) percentage = g_regex_new ("[0-9]+ ?%", 0, 0, NULL);
          char *cut;
          char *percent;

          words = koers_test_report_normalize (text);
          /* Poppler gives the whole line the area touches: the owner's
           * name may follow, the progress's percentage join. */
          cut = strstr (words, "Owner");
          if (cut != NULL)
            *cut = '\0';
          percent = g_regex_replace (percentage, words, -1, 0, "", 0, NULL);
          g_free (words);
          words = g_strstrip (percent);
        }
      g_list_free_full (hits, (GDestroyNotify) poppler_rectangle_free);
    }

  g_assert_nonnull (words);
  return g_steal_pointer (&words);
}

/* The CSV's Status column (the seventh) of the row of title. */
static char *
find_csv_status (const char *csv,
                 const char *title)
{
  g_auto (GStrv) lines = g_strsplit (csv, "\r\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], ",", -1);

      if (g_strv_length (fields) == 8 && g_str_equal (fields[2], title))
        return g_strdup (fields[6]);
    }

  g_assert_not_reached ();
}

static char *
run_check (const char   *db_path,
           KoersLanguage lang)
{
  const char *argv[] = {
    KOERS_EXE, "--check", "--database", db_path, "--period", "2026-Q2",
    "--language", lang == KOERS_LANGUAGE_NL ? "nl" : "en", NULL
  };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int   status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  return out;
}

static void
test_everywhere (void)
{
  KoersTestUiDb   db = { 0 };
  KoersObjective *objective;
  KoersKeyResult *krs[N_STATUSES];

  koers_test_ui_db_open (&db);
  objective = koers_test_add_objective (db.store, koers_test_find_department (db.store, "Marketing"),
                                        "Double monthly sign-ups", "2026-Q2");
  for (guint i = 0; i < G_N_ELEMENTS (key_results); i++)
    {
      KoersKeyResult  *kr = koers_test_add_key_result (db.store, objective, key_results[i].title,
                                                       0, 100, key_results[i].current);
      g_autofree char *owner = g_strconcat ("Owner ", key_results[i].title, NULL);
      g_autoptr (GError) error = NULL;

      koers_key_result_set_owner (kr, owner);
      g_assert_true (koers_store_save_key_result (db.store, kr, &error));
      g_assert_no_error (error);
      krs[i] = kr;
    }

  for (KoersLanguage lang = KOERS_LANGUAGE_EN; lang <= KOERS_LANGUAGE_NL; lang++)
    {
      const char *const *expected = lang == KOERS_LANGUAGE_NL ? template_nl : template_en;
      g_autofree char   *pdf_path = g_build_filename (db.dir, "report.pdf", NULL);
      g_autoptr (KoersTestPdf) doc = NULL;
      g_autofree char   *csv = NULL;
      g_autofree char   *check = NULL;
      KoersReportOptions opts;
      g_autoptr (GError) error = NULL;

      /* The window speaks the catalogue's language. */
      use_language (lang);

      koers_test_report_options_q2 (&opts, lang);
      g_assert_true (koers_report_write_pdf (db.store, &opts, pdf_path, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      doc = koers_test_report_open_pdf (pdf_path);

      csv = koers_csv_export_to_string (db.store, NULL, lang, NULL, &error);
      g_assert_no_error (error);

      check = run_check (db.path, lang);

      for (guint i = 0; i < G_N_ELEMENTS (key_results); i++)
        {
          KoersKrStatus status = key_results[i].status;
          const char   *word = expected[status];
          g_autoptr (GtkWidget) row = GTK_WIDGET (g_object_ref_sink (koers_key_result_row_new (db.store, objective, krs[i])));
          GtkWidget       *label = (GtkWidget *) gtk_widget_get_template_child (row, KOERS_TYPE_KEY_RESULT_ROW,
                                                                                "status_label");
          g_autofree char *pdf_row = find_pdf_status (doc, key_results[i].title);
          g_autofree char *csv_word = find_csv_status (csv, key_results[i].title);
          g_autofree char *check_count = g_strdup_printf ("%s 1", word);
          KoersKrStatus    parsed;

          g_test_message ("%s: %s", key_results[i].title, word);
          g_assert_cmpint (koers_key_result_row_get_status (KOERS_KEY_RESULT_ROW (row)), ==, status);
          g_assert_cmpstr (koers_kr_status_get_word (status, lang), ==, word);
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, word);
          g_assert_cmpstr (pdf_row, ==, word);
          g_assert_cmpstr (csv_word, ==, word);
          g_assert_nonnull (strstr (check, check_count));
          g_assert_true (koers_kr_status_parse_word (csv_word, &parsed));
          g_assert_cmpint (parsed, ==, status);
        }
    }

  use_language (KOERS_LANGUAGE_EN);
  koers_test_ui_db_close (&db);
}

int
main (int   argc,
      char *argv[])
{
  use_catalogue (TEST_LOCALEDIR, "Key result", "Sleutelresultaat");
  use_language (KOERS_LANGUAGE_NL);
  g_assert_cmpstr (koers_kr_status_get_label (KOERS_KR_STATUS_IN_PROGRESS), ==, "Lopend");
  use_language (KOERS_LANGUAGE_EN);

  koers_test_ui_init (&argc, &argv);

  g_test_add_func ("/status-words/parse", test_parse);
  g_test_add_func ("/status-words/everywhere", test_everywhere);

  return g_test_run ();
}
