/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "core/koers-date.h"
#include "core/koers-summary.h"
#include "io/koers-demo.h"
#include "io/report/koers-report-attention.h"
#include "io/report/koers-report-data.h"
#include "io/report/koers-report-glue.h"
#include "io/report/koers-report-layout.h"
#include "io/report/koers-report-pages.h"
#include "koers-test-report.h"

/* The board pack, second edition: the demo's report read back with
 * poppler as a board member would read it (words whole, amounts and
 * units on one line, headers findable, no table header alone at a page
 * end, no page left mostly empty, at most 16 pages (the limit) whatever the date the
 * demo is made on), and the
 * needs-attention lists against a database made to hold each case. */

#define MAX_PAGES 16
/* Points: A4 body, as koers-report-layout.h has it. */
#define BODY_TOP 70.6
#define BODY_BOTTOM 775.3
#define FOOTER_TOP 778.0

typedef struct
{
  KoersTestReport report;
} Fixture;

static void
fixture_setup (Fixture      *fixture,
               gconstpointer user_data)
{
  koers_test_report_open (&fixture->report);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer user_data)
{
  koers_test_report_close (&fixture->report);
}

/* The demo in lang, its store and its Q2 report (written to pdf_path). */
static KoersStore *
write_demo_report (Fixture      *fixture,
                   KoersLanguage lang,
                   char        **pdf_path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char   *db = koers_test_report_path (&fixture->report, lang == KOERS_LANGUAGE_NL ? "demo-nl.db" : "demo-en.db");
  KoersReportOptions opts;
  KoersStore        *store;

  g_assert_true (koers_demo_create (db, lang, &error));
  g_assert_no_error (error);
  store = koers_store_open_lazy (db, &error);
  g_assert_no_error (error);

  koers_test_report_options_q2 (&opts, lang);
  *pdf_path = koers_test_report_path (&fixture->report, lang == KOERS_LANGUAGE_NL ? "demo-nl.pdf" : "demo-en.pdf");
  g_assert_true (koers_report_write_pdf (store, &opts, *pdf_path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  return store;
}

/* Whole in the text: word as it is, never its first part ending in a
 * hyphen or a soft hyphen. */
static void
assert_word_whole (const char *text,
                   const char *word)
{
  const char *p;

  if (strstr (text, word) == NULL)
    g_error ("“%s” is not whole in the report", word);

  for (p = g_utf8_next_char (word); *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *head = g_regex_escape_string (word, p - word);
      g_autofree char *tail = g_regex_escape_string (p, -1);
      /* "Marketingtea-" over "m", or a soft hyphen between the parts. */
      g_autofree char *pattern = g_strconcat (head, "(-\\s+|\u00AD\\s*)", tail, NULL);

      if (g_regex_match_simple (pattern, text, 0, 0))
        g_error ("“%s” is broken after “%s”", word, head);
    }
}

/* The raw text of every page (soft hyphens kept), no-break spaces made
 * plain. */
static char *
raw_text (PopplerDocument *doc)
{
  GString *all = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr (KoersTestPdfPage) page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);

      for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c == 0x00A0 || c == 0x202F)
            g_string_append_c (all, ' ');
          else
            g_string_append_unichar (all, c);
        }
      g_string_append_c (all, '\n');
    }

  return g_string_free (all, FALSE);
}

static void
check_words (KoersStore      *store,
             KoersLanguage    lang,
             PopplerDocument *doc)
{
  g_autofree char *raw = raw_text (doc);
  g_autofree char *text = koers_test_report_document_text (doc);
  GListModel      *objectives = koers_store_get_objectives (store);
  KoersPeriod      q2;
  guint            n_amounts = 0;

  koers_period_init_quarter (&q2, 2026, 2);
  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *krs = koers_objective_get_key_results (objective);

      if (!koers_objective_in_period (objective, &q2) || koers_objective_get_archived (objective))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (krs); j++)
        {
          g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, j);
          const char *owner = koers_key_result_get_owner (kr);
          const char *unit = koers_key_result_get_unit (kr);

          /* Names and units: every word whole. */
          for (guint w = 0; w < 2; w++)
            {
              g_auto (GStrv) words = g_strsplit (w == 0 ? (owner != NULL ? owner : "") : (unit != NULL ? unit : ""), " ", -1);

              for (guint k = 0; words[k] != NULL; k++)
                if (g_utf8_strlen (words[k], -1) > 1)
                  assert_word_whole (raw, words[k]);
            }
          /* Amounts: "€ 250.000" on one line, the sign beside the number. */
          if (koers_key_result_get_metric_kind (kr) == KOERS_METRIC_KIND_CURRENCY)
            {
              g_autofree char *target = koers_format_metric (lang, KOERS_METRIC_KIND_CURRENCY, unit,
                                                             koers_key_result_get_target_value (kr));
              g_autofree char *normal = koers_test_report_normalize (target);

              if (strstr (text, normal) == NULL)
                g_error ("the amount “%s” is not on one line", normal);
              n_amounts++;
            }
        }
    }
  /* The demo has amounts, so the check above checked something. */
  g_assert_cmpuint (n_amounts, >, 0);
}

/* No table header is the last thing on its page: under each header row
 * there is text before the footer. */
static void
check_headers_not_alone (PopplerDocument *doc,
                         const char      *header_word)
{
  guint n_found = 0;

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr (KoersTestPdfPage) page = poppler_document_get_page (doc, i);
      GList *hits = poppler_page_find_text (page, header_word);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      for (GList *l = hits; l != NULL; l = l->next)
        {
          PopplerRectangle *hit = l->data;
          /* find_text's rectangles count y from the bottom. */
          PopplerRectangle below = { 0, hit->y1 - 14.0, width, height - FOOTER_TOP };
          g_autofree char *under = NULL;

          if (below.y1 <= below.y2)
            g_error ("page %d ends with a table header", i + 1);
          /* get_text_for_area counts from the top. */
          below = (PopplerRectangle){ 0, height - hit->y1 + 14.0, width, FOOTER_TOP - 2.0 };
          under = poppler_page_get_text_for_area (page, &below);
          g_strstrip (under);
          if (*under == '\0')
            g_error ("page %d ends with a table header (“%s”)", i + 1, header_word);
          n_found++;
        }
      g_list_free_full (hits, (GDestroyNotify) poppler_rectangle_free);
    }
  g_assert_cmpuint (n_found, >, 0);
}

/* Renders each page at 36 dpi: the share of inked pixels in the body and
 * how far down the body it is filled.  The cover and the last page may be
 * short; every other page is a third full or more. */
static void
check_ink (PopplerDocument *doc)
{
  int n = poppler_document_get_n_pages (doc);

  for (int i = 0; i < n; i++)
    {
      g_autoptr (KoersTestPdfPage) page = poppler_document_get_page (doc, i);
      double           scale = 0.5;
      double           width, height;
      cairo_surface_t *surface;
      cairo_t         *cr;
      int              w, h, stride, top, bottom, lowest = -1;
      guint            inked = 0;
      const guint8    *pixels;
      double           ink, fill;

      poppler_page_get_size (page, &width, &height);
      w = (int) ceil (width * scale);
      h = (int) ceil (height * scale);
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      poppler_page_render_for_printing (page, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      pixels = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      top = (int) (BODY_TOP * scale) + 1;
      bottom = (int) (BODY_BOTTOM * scale) - 1;
      for (int y = top; y < bottom; y++)
        {
          const guint32 *row = (const guint32 *) (gconstpointer) (pixels + y * stride);

          for (int x = 0; x < w; x++)
            {
              guint32 p = row[x];
              int     grey = (((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff)) / 3;

              if (grey < 235)
                {
                  inked++;
                  lowest = y;
                }
            }
        }
      cairo_surface_destroy (surface);

      ink = (double) inked / ((double) w * (bottom - top));
      fill = lowest < 0 ? 0.0 : (double) (lowest - top) / (bottom - top);
      g_test_message ("page %d: ink %.3f, filled %.2f", i + 1, ink, fill);
      if (i == 0 || i == n - 1)
        continue;
      if (ink < 0.03)
        g_error ("page %d: only %.1f %% of its body is inked", i + 1, ink * 100);
      if (fill < 1.0 / 3)
        g_error ("page %d is only %.0f %% full", i + 1, fill * 100);
    }
}

/* Each team right after its department (the store lists teams last),
 * and the demo has teams, so the order was checked. */
static void
check_team_order (KoersStore   *store,
                  KoersLanguage lang)
{
  KoersReportOptions opts;
  g_autoptr (KoersReportData) data = NULL;
  gint64 department = 0;
  guint  n_teams = 0;

  koers_test_report_options_q2 (&opts, lang);
  data = koers_report_data_collect (store, &opts);
  for (guint i = 0; i < data->departments->len; i++)
    {
      const KoersReportDepartment *dept = g_ptr_array_index (data->departments, i);

      if (dept->parent_id == 0)
        {
          department = dept->id;
          continue;
        }
      g_assert_cmpint (dept->parent_id, ==, department);
      n_teams++;
    }
  g_assert_cmpuint (n_teams, >=, 2);
}

static void
check_demo (Fixture      *fixture,
            KoersLanguage lang)
{
  g_autofree char *path = NULL;
  g_autoptr (KoersStore) store = write_demo_report (fixture, lang, &path);
  g_autoptr (KoersTestPdf) doc = koers_test_report_open_pdf (path);
  g_autofree char *text = koers_test_report_document_text (doc);
  g_autofree char *raw = raw_text (doc);
  const char      *owner = lang == KOERS_LANGUAGE_NL ? "Verantwoordelijke" : "Owner";

  g_test_message ("%d pages", poppler_document_get_n_pages (doc));
  check_team_order (store, lang);
  g_assert_cmpint (poppler_document_get_n_pages (doc), <=, MAX_PAGES);

  /* The header is one word a search finds (no soft hyphen inside). */
  g_assert_nonnull (strstr (raw, owner));
  check_words (store, lang, doc);
  check_headers_not_alone (doc, lang == KOERS_LANGUAGE_NL ? "Startwaarde" : "Start");
  check_ink (doc);
  /* The summary's lists. */
  g_assert_nonnull (strstr (text, lang == KOERS_LANGUAGE_NL ? "Aandacht nodig" : "Needs attention"));
}

static void
test_demo_nl (Fixture      *fixture,
              gconstpointer user_data)
{
  check_demo (fixture, KOERS_LANGUAGE_NL);
}

static void
test_demo_en (Fixture      *fixture,
              gconstpointer user_data)
{
  check_demo (fixture, KOERS_LANGUAGE_EN);
}

/* The demo is made relative to today, and its report's lists and
 * sections grow through a quarter: made and reported on a day in each
 * quarter (and the last weeks of one), in both languages, it keeps to
 * MAX_PAGES with no page left mostly empty. */
static void
test_quarters (Fixture      *fixture,
               gconstpointer user_data)
{
  static const char *const days[] = { "2026-02-15", "2026-03-30", "2026-05-15", "2026-08-15",
                                      "2026-09-29", "2026-11-15", "2026-12-06" };
  g_autofree char         *saved = g_strdup (g_getenv ("KOERS_TODAY"));

  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    for (KoersLanguage lang = KOERS_LANGUAGE_EN; lang <= KOERS_LANGUAGE_NL; lang++)
      {
        g_autoptr (GError) error = NULL;
        g_autofree char *name = g_strdup_printf ("demo-%s-%d", days[d], (int) lang);
        g_autofree char *db = koers_test_report_path (&fixture->report, name);
        g_autofree char *pdf = g_strconcat (db, ".pdf", NULL);
        g_autoptr (KoersStore) store = NULL;
        g_autoptr (KoersTestPdf) doc = NULL;
        KoersReportOptions opts;
        KoersPeriod        quarter;
        GDate              today;

        g_setenv ("KOERS_TODAY", days[d], TRUE);
        koers_date_today (&today);
        g_assert_true (koers_demo_create (db, lang, &error));
        g_assert_no_error (error);
        store = koers_store_open_lazy (db, &error);
        g_assert_no_error (error);

        koers_period_init_quarter (&quarter, g_date_get_year (&today), (g_date_get_month (&today) - 1) / 3 + 1);
        koers_report_options_init (&opts, &quarter);
        opts.language = lang;
        opts.generated = today;
        g_assert_true (koers_report_write_pdf (store, &opts, pdf, NULL, NULL, NULL, &error));
        g_assert_no_error (error);

        doc = koers_test_report_open_pdf (pdf);
        g_test_message ("%s, %s: %d pages", days[d], lang == KOERS_LANGUAGE_NL ? "nl" : "en",
                        poppler_document_get_n_pages (doc));
        if (poppler_document_get_n_pages (doc) > MAX_PAGES)
          g_error ("the demo made on %s has %d pages in %s", days[d], poppler_document_get_n_pages (doc),
                   lang == KOERS_LANGUAGE_NL ? "Dutch" : "English");
        check_ink (doc);
      }

  if (saved != NULL)
    g_setenv ("KOERS_TODAY", saved, TRUE);
  else
    g_unsetenv ("KOERS_TODAY");
}

static gboolean
has_title (GPtrArray  *list,
           const char *title,
           gboolean    key_results)
{
  for (guint i = 0; i < list->len; i++)
    {
      const char *t = key_results ? ((KoersReportKeyResult *) g_ptr_array_index (list, i))->title
                                  : ((KoersReportObjective *) g_ptr_array_index (list, i))->title;

      if (g_strcmp0 (t, title) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A database with one of each case, and one of each near miss. */
static void
test_attention (Fixture      *fixture,
                gconstpointer user_data)
{
  KoersStore        *store = fixture->report.store;
  KoersReportOptions opts;
  KoersObjective    *in_trouble, *fine, *aspirational, *checked;
  KoersKeyResult    *kr;
  g_autoptr (KoersReportData) data = NULL;
  g_autoptr (KoersReportAttention) attention = NULL;
  double previous;

  /* Committed and behind: its key result barely moved by mid-May. */
  in_trouble = koers_test_report_add_objective (store, "Sales", "Committed and behind", KOERS_LEVEL_DEPARTMENT,
                                                KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2", NULL);
  kr = koers_test_report_add_key_result (store, in_trouble, "Silent key result", KOERS_METRIC_KIND_NUMBER, 0, 100, NULL);
  koers_test_add_checkin (store, kr, "2026-04-20", 2, KOERS_CHECKIN_STATUS_NONE, NULL);
  /* Committed and on its way, checked in this week. */
  fine = koers_test_report_add_objective (store, "Sales", "Committed and fine", KOERS_LEVEL_DEPARTMENT,
                                          KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2", NULL);
  kr = koers_test_report_add_key_result (store, fine, "Fresh key result", KOERS_METRIC_KIND_NUMBER, 0, 100, NULL);
  koers_test_add_checkin (store, kr, "2026-05-12", 60, KOERS_CHECKIN_STATUS_NONE, NULL);
  /* Aspirational and behind: not on the committed list; checked in 14
   * days before the report date: on the silent list. */
  aspirational = koers_test_report_add_objective (store, "Marketing", "Aspirational and behind", KOERS_LEVEL_DEPARTMENT,
                                                  KOERS_OBJECTIVE_KIND_ASPIRATIONAL, "2026-Q2", NULL);
  kr = koers_test_report_add_key_result (store, aspirational, "Fourteen days silent", KOERS_METRIC_KIND_NUMBER, 0, 100, NULL);
  koers_test_add_checkin (store, kr, "2026-05-01", 3, KOERS_CHECKIN_STATUS_NONE, NULL);
  kr = koers_test_report_add_key_result (store, aspirational, "Thirteen days silent", KOERS_METRIC_KIND_NUMBER, 0, 100, NULL);
  koers_test_add_checkin (store, kr, "2026-05-02", 3, KOERS_CHECKIN_STATUS_NONE, NULL);
  koers_test_report_add_key_result (store, aspirational, "Never checked in", KOERS_METRIC_KIND_NUMBER, 0, 100, NULL);
  /* No key results at all. */
  koers_test_report_add_objective (store, "Finance", "Nothing to measure yet", KOERS_LEVEL_DEPARTMENT,
                                   KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2", NULL);
  /* Sales in Q1, for the change since then. */
  checked = koers_test_report_add_objective (store, "Sales", "Last quarter", KOERS_LEVEL_DEPARTMENT,
                                             KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q1", NULL);
  kr = koers_test_report_add_key_result (store, checked, "Done last quarter", KOERS_METRIC_KIND_NUMBER, 0, 10, NULL);
  koers_test_add_checkin (store, kr, "2026-03-20", 10, KOERS_CHECKIN_STATUS_NONE, NULL);
  previous = koers_objective_get_score (checked);

  koers_test_report_options_q2 (&opts, KOERS_LANGUAGE_EN);
  data = koers_report_data_collect (store, &opts);
  attention = koers_report_attention_collect (data);

  g_assert_cmpuint (attention->committed_in_trouble->len, ==, 1);
  g_assert_true (has_title (attention->committed_in_trouble, "Committed and behind", FALSE));

  g_assert_true (has_title (attention->stale_key_results, "Silent key result", TRUE));
  g_assert_true (has_title (attention->stale_key_results, "Fourteen days silent", TRUE));
  g_assert_true (has_title (attention->stale_key_results, "Never checked in", TRUE));
  g_assert_false (has_title (attention->stale_key_results, "Thirteen days silent", TRUE));
  g_assert_false (has_title (attention->stale_key_results, "Fresh key result", TRUE));
  g_assert_cmpuint (attention->stale_key_results->len, ==, 3);

  g_assert_cmpuint (attention->without_key_results->len, ==, 1);
  g_assert_true (has_title (attention->without_key_results, "Nothing to measure yet", FALSE));

  /* Every one of the seed's departments but these three has no OKRs. */
  g_assert_cmpuint (attention->departments_without_okrs->len, >, 0);
  for (guint i = 0; i < attention->departments_without_okrs->len; i++)
    {
      const KoersReportDepartment *dept = g_ptr_array_index (attention->departments_without_okrs, i);

      g_assert_false (dept->is_company);
      g_assert_cmpstr (dept->name, !=, "Sales");
      g_assert_cmpstr (dept->name, !=, "Marketing");
      g_assert_cmpstr (dept->name, !=, "Finance");
    }
  g_assert_cmpuint (koers_report_attention_count (attention), ==,
                    1 + 3 + 1 + attention->departments_without_okrs->len);

  /* Sales: the change since Q1 comes from Q1's score. */
  for (guint i = 0; i < data->departments->len; i++)
    {
      const KoersReportDepartment *dept = g_ptr_array_index (data->departments, i);

      if (g_strcmp0 (dept->name, "Sales") == 0)
        {
          g_assert_true (dept->has_previous);
          g_assert_cmpfloat_with_epsilon (dept->previous_score, previous, 1e-9);
        }
      if (g_strcmp0 (dept->name, "Marketing") == 0)
        g_assert_false (dept->has_previous);
    }
}

/* The share of dark pixels of an RGB24 image. */
static double
dark_share (cairo_surface_t *surface)
{
  int           w = cairo_image_surface_get_width (surface);
  int           h = cairo_image_surface_get_height (surface);
  int           stride = cairo_image_surface_get_stride (surface);
  const guint8 *pixels;
  guint         dark = 0;

  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = ((const guint32 *) (gconstpointer) (pixels + y * stride))[x];

        if ((((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff)) / 3 < 235)
          dark++;
      }

  return (double) dark / ((double) w * h);
}

static cairo_surface_t *
white_page (double    scale,
            cairo_t **cr)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (595.276 * scale),
                                                         (int) ceil (841.890 * scale));

  *cr = cairo_create (surface);
  cairo_set_source_rgb (*cr, 1, 1, 1);
  cairo_paint (*cr);
  return surface;
}

/* Print…'s pages are the PDF's: as many, and each drawn the same. */
static void
test_pages (Fixture      *fixture,
            gconstpointer user_data)
{
  g_autofree char *path = NULL;
  g_autoptr (KoersStore) store = write_demo_report (fixture, KOERS_LANGUAGE_NL, &path);
  g_autoptr (KoersTestPdf) doc = koers_test_report_open_pdf (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersReportPages) pages = NULL;
  KoersReportOptions opts;
  double             scale = 0.5;

  koers_test_report_options_q2 (&opts, KOERS_LANGUAGE_NL);
  pages = koers_report_pages_new (store, &opts, &error);
  g_assert_no_error (error);
  g_assert_cmpint (koers_report_pages_get_n_pages (pages), ==, poppler_document_get_n_pages (doc));

  for (int i = 0; i < koers_report_pages_get_n_pages (pages); i += 3)
    {
      g_autoptr (KoersTestPdfPage) page = poppler_document_get_page (doc, i);
      cairo_t         *cr;
      cairo_surface_t *printed = white_page (scale, &cr);
      cairo_surface_t *pdf;
      double           a, b;

      koers_report_pages_draw (pages, cr, i, 595.276 * scale, 841.890 * scale);
      cairo_destroy (cr);
      pdf = white_page (scale, &cr);
      cairo_scale (cr, scale, scale);
      poppler_page_render_for_printing (page, cr);
      cairo_destroy (cr);

      a = dark_share (printed);
      b = dark_share (pdf);
      g_test_message ("page %d: printed %.4f, PDF %.4f", i + 1, a, b);
      g_assert_cmpfloat (a, >, 0.01);
      g_assert_cmpfloat (fabs (a - b), <, 0.1 * b);
      cairo_surface_destroy (printed);
      cairo_surface_destroy (pdf);
    }
}

/* Where the report's text may not break. */
static void
test_glue (void)
{
  static const struct
  {
    const char *in;
    const char *out; /* NULL: unchanged */
  } cases[] = {
    { "omzet van € 250.000 halen", "omzet van €\u00A0250.000\u00A0halen" },
    { "12 downloads per maand", "12\u00A0downloads per\u00A0maand" },
    /* A rate breaks before its "per" rather than inside its unit. */
    { "€ 9.990 per kwartaal", "€\u00A09.990 per\u00A0kwartaal" },
    { "klaar tegen 30 juni 2026.", "klaar tegen 30\u00A0juni\u00A02026." },
    { "by June 30, 2026", "by June\u00A030,\u00A02026" },
    { "groei van 8,5 %.", "groei van 8,5\u00A0%." },
    { "−€ 1.000", "−€\u00A01.000" },
    { "Marketingteam", NULL },
    { "Algemeen directeur", NULL },
    { "Q2 - 2026 (3 - 4)", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *glued = koers_report_glue_text (cases[i].in);

      g_assert_cmpstr (glued, ==, cases[i].out);
    }
}

/* Where a word may break inside: only one of 15 letters or more, with a
 * hyphen; a shorter one ("subscribers", 11 letters: counted once a
 * letter, not twice) and a value glued to its unit never, so the table
 * takes a smaller size instead ("5,464 subscrib" over "ers" came from
 * counting each letter twice). */
static void
test_short_words (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_autofree char *path = NULL;
  g_autoptr (KoersStore) store = write_demo_report (fixture, KOERS_LANGUAGE_EN, &path);
  KoersReportOptions opts;
  KoersReportData   *data;
  KoersReportLayout *layout;
  static const struct
  {
    const char *text;
    gboolean    may_break;
  } cases[] = {
    { "5,464 subscribers", FALSE },
    { "subscriptions", FALSE },
    { "Marketingteam", FALSE },
    { "gebruiksvriendelijkheidsonderzoek", TRUE },
  };

  koers_test_report_options_q2 (&opts, KOERS_LANGUAGE_EN);
  data = koers_report_data_collect (store, &opts);
  layout = koers_report_layout_new (data);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* 30 points: narrower than each of them at the table's size. */
      g_autoptr (PangoLayout) text = koers_report_layout_text (layout, KOERS_REPORT_FONT_TABLE, cases[i].text, 30.0, 3,
                                                               PANGO_ALIGN_LEFT);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (koers_report_text_breaks_word (text), ==, !cases[i].may_break);
    }
  koers_report_layout_free (layout);
  koers_report_data_free (data);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report-board/demo-nl", Fixture, NULL, fixture_setup, test_demo_nl, fixture_teardown);
  g_test_add ("/report-board/demo-en", Fixture, NULL, fixture_setup, test_demo_en, fixture_teardown);
  g_test_add ("/report-board/quarters", Fixture, NULL, fixture_setup, test_quarters, fixture_teardown);
  g_test_add_func ("/report-board/glue", test_glue);
  g_test_add ("/report-board/short-words", Fixture, NULL, fixture_setup, test_short_words, fixture_teardown);
  g_test_add ("/report-board/pages", Fixture, NULL, fixture_setup, test_pages, fixture_teardown);
  g_test_add ("/report-board/attention", Fixture, NULL, fixture_setup, test_attention, fixture_teardown);

  return g_test_run ();
}
