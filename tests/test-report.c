/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "io/report/koers-report-fonts.h"
#include "koers-test-report.h"

/* The PDF report, read back with poppler: content in both languages,
 * metadata, outline, links, margins, page footers, tables over pages,
 * hostile text, and what failures and cancellation leave behind. */

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

static char *
write_report (Fixture                  *fixture,
              const KoersReportOptions *opts,
              const char               *name)
{
  g_autoptr (GError) error = NULL;
  char *path = koers_test_report_path (fixture, name);

  g_assert_true (koers_report_write_pdf (fixture->store, opts, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* KOERS_TEST_KEEP_PDF=folder keeps a copy of each report to look at. */
  if (g_getenv ("KOERS_TEST_KEEP_PDF") != NULL)
    {
      g_autofree char *contents = NULL;
      g_autofree char *copy = NULL;
      gsize            length;

      copy = g_strdup_printf ("%s/%s-%s", g_getenv ("KOERS_TEST_KEEP_PDF"),
                              g_test_get_path () + strlen ("/report/"), name);
      g_strdelimit (copy + strlen (g_getenv ("KOERS_TEST_KEEP_PDF")) + 1, "/", '-');
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (copy, contents, length, NULL));
    }

  return path;
}

static gboolean
contains (GPtrArray  *strings,
          const char *wanted)
{
  for (guint i = 0; i < strings->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (strings, i), wanted) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
assert_has_text (const char *text,
                 const char *wanted)
{
  g_autofree char *normal = koers_test_report_normalize (wanted);

  if (strstr (text, normal) == NULL)
    g_error ("the report lacks “%s”", normal);
}

static void
assert_lacks_text (const char *text,
                   const char *unwanted)
{
  if (strstr (text, unwanted) != NULL)
    g_error ("the report has “%s”", unwanted);
}

/* A count meets its noun in the language's singular and plural: one
 * aspirational objective with one key result, then two with two. */
static void
test_plurals (Fixture      *fixture,
              gconstpointer data)
{
  for (guint n = 1; n <= 2; n++)
    {
      g_autofree char *title = g_strdup_printf ("Aspiration %u", n);
      KoersObjective  *objective = koers_test_report_add_objective (fixture->store, "Marketing", title,
                                                                    KOERS_LEVEL_DEPARTMENT,
                                                                    KOERS_OBJECTIVE_KIND_ASPIRATIONAL,
                                                                    "2026-Q2", NULL);

      koers_test_report_add_key_result (fixture->store, objective, "Leads", KOERS_METRIC_KIND_NUMBER, 0, 100, "leads");

      for (KoersLanguage lang = KOERS_LANGUAGE_EN; lang <= KOERS_LANGUAGE_NL; lang++)
        {
          static const char *const expected[2][2][3] = {
            { { "Mean score of 1 objective and 1 key result", "(1 objective)", "1 objective · 1 key result · score" },
              { "Gemiddelde score van 1 doelstelling en 1 sleutelresultaat", "(1 doelstelling)",
                "1 doelstelling · 1 sleutelresultaat · score" } },
            { { "Mean score of 2 objectives and 2 key results", "(2 objectives)", "2 objectives · 2 key results · score" },
              { "Gemiddelde score van 2 doelstellingen en 2 sleutelresultaten", "(2 doelstellingen)",
                "2 doelstellingen · 2 sleutelresultaten · score" } },
          };
          KoersReportOptions opts;
          g_autofree char   *name = g_strdup_printf ("plural-%u-%s.pdf", n, lang == KOERS_LANGUAGE_NL ? "nl" : "en");
          g_autofree char   *path = NULL;
          g_autoptr (KoersTestPdf) doc = NULL;
          g_autofree char *raw = NULL;
          g_autofree char *text = NULL;

          koers_test_report_options_q2 (&opts, lang);
          path = write_report (fixture, &opts, name);
          doc = koers_test_report_open_pdf (path);
          raw = koers_test_report_document_text (doc);
          text = koers_test_report_normalize (raw);
          for (guint i = 0; i < 3; i++)
            assert_has_text (text, expected[n - 1][lang][i]);
        }
    }
}

/* Internal links on the summary page lead to destinations that exist. */
static void
assert_summary_links (PopplerDocument *doc)
{
  g_autoptr (KoersTestPdfPage) page = poppler_document_get_page (doc, 1);
  GList *mappings = poppler_page_get_link_mapping (page);
  guint  n_links = 0;
  guint  n_onwards = 0;

  for (GList *l = mappings; l != NULL; l = l->next)
    {
      PopplerLinkMapping *mapping = l->data;
      PopplerDest        *dest;

      if (mapping->action->type != POPPLER_ACTION_GOTO_DEST)
        continue;
      dest = mapping->action->goto_dest.dest;
      g_assert_nonnull (dest);
      if (dest->type == POPPLER_DEST_NAMED)
        {
          PopplerDest *found = poppler_document_find_dest (doc, dest->named_dest);

          /* The tiles' figures lead to the summary's own lists; the
           * rest onwards, to the departments' pages. */
          g_assert_nonnull (found);
          g_assert_cmpint (found->page_num, >=, 2);
          if (found->page_num > 2)
            n_onwards++;
          poppler_dest_free (found);
        }
      n_links++;
    }
  poppler_page_free_link_mapping (mappings);

  /* Links per department in the table, and per risk. */
  g_assert_cmpuint (n_links, >=, 5);
  g_assert_cmpuint (n_onwards, >=, 5);
}

static void
check_content (Fixture      *fixture,
               KoersLanguage lang)
{
  KoersReportOptions opts;
  g_autofree char   *path = NULL;
  g_autoptr (KoersTestPdf) doc = NULL;
  g_autoptr (GPtrArray) titles = koers_test_report_q2_titles (lang);
  g_autoptr (GPtrArray) outline = NULL;
  g_autoptr (GPtrArray) departments = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *subject = NULL;
  gboolean         nl = lang == KOERS_LANGUAGE_NL;
  int              n_pages;

  koers_test_report_populate (fixture, lang);
  koers_test_report_options_q2 (&opts, lang);
  path = write_report (fixture, &opts, "report.pdf");
  doc = koers_test_report_open_pdf (path);
  text = koers_test_report_document_text (doc);

  /* Every objective of the quarter, and not the one of Q1. */
  for (guint i = 0; i < titles->len; i++)
    assert_has_text (text, g_ptr_array_index (titles, i));
  assert_lacks_text (text, nl ? "Finaliseer de budgetten" : "Finalise the budgets");

  /* Cover, summary, alignment, five departments (the IT one over a few
   * pages) and the appendix, departments sharing pages where they fit. */
  n_pages = poppler_document_get_n_pages (doc);
  g_assert_cmpint (n_pages, >=, 7);
  g_assert_cmpint (n_pages, <=, 20);

  title = poppler_document_get_title (doc);
  author = poppler_document_get_author (doc);
  subject = poppler_document_get_subject (doc);
  creator = poppler_document_get_creator (doc);
  g_assert_nonnull (strstr (title, nl ? "OKR-rapport Q2 2026" : "OKR report Q2 2026"));
  g_assert_cmpstr (author, ==, "Koers Test NV");
  g_assert_nonnull (strstr (subject, nl ? "Doelstellingen en sleutelresultaten" : "Objectives and key results"));
  g_assert_true (g_str_has_prefix (creator, "Koers "));
  g_assert_cmpint (poppler_document_get_creation_date (doc), >, 0);

  outline = koers_test_report_outline_titles (doc, NULL);
  g_assert_true (contains (outline, nl ? "Managementsamenvatting" : "Executive summary"));
  g_assert_true (contains (outline, nl ? "Afstemming" : "Alignment"));
  g_assert_true (contains (outline, nl ? "Bijlage" : "Appendix"));
  departments = koers_test_report_outline_titles (doc, nl ? "Afdelingen" : "Departments");
  g_assert_cmpuint (departments->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (departments, 0), ==,
                   koers_department_get_name (koers_store_get_company (fixture->store)));
  g_assert_true (contains (departments, nl ? "Verkoop" : "Sales"));
  g_assert_true (contains (departments, nl ? "IT & Ontwikkeling" : "IT & Development"));
  g_assert_false (contains (departments, nl ? "Financiën" : "Finance"));

  assert_summary_links (doc);
  koers_test_report_assert_in_margins (doc);
  koers_test_report_assert_page_footers (doc, lang);

  /* The report's own words follow the options, not the process (which
   * runs in English here). */
  if (nl)
    {
      assert_has_text (text, "Managementsamenvatting");
      assert_has_text (text, "Op schema");
      assert_has_text (text, "Vertrouwelijk");
      assert_has_text (text, "€ 180.000");
      assert_lacks_text (text, "Executive summary");
      assert_lacks_text (text, "On track");
    }
  else
    {
      assert_has_text (text, "Executive summary");
      assert_has_text (text, "On track");
      assert_has_text (text, "Confidential");
      assert_has_text (text, "€180,000");
      assert_lacks_text (text, "Managementsamenvatting");
    }

  /* The top risks carry their latest notes; the GDPR key result its own. */
  assert_has_text (text, nl ? "Twee grote klanten stelden hun bestellingen uit." : "Two large customers postponed their orders.");
  assert_has_text (text, nl ? "Nog geen budget goedgekeurd." : "No budget approved yet.");
  assert_has_text (text, nl ? "Anonieme antwoorden, gerapporteerd per team van minstens vijf mensen." : "Anonymous answers, reported per team of at least five people.");
}

static void
test_content_en (Fixture      *fixture,
                 gconstpointer data)
{
  check_content (fixture, KOERS_LANGUAGE_EN);
}

static void
test_content_nl (Fixture      *fixture,
                 gconstpointer data)
{
  check_content (fixture, KOERS_LANGUAGE_NL);
}

static void
test_without_notes (Fixture      *fixture,
                    gconstpointer data)
{
  KoersReportOptions opts;
  g_autofree char   *path = NULL;
  g_autoptr (KoersTestPdf) doc = NULL;
  g_autofree char *text = NULL;

  koers_test_report_populate (fixture, KOERS_LANGUAGE_EN);
  koers_test_report_options_q2 (&opts, KOERS_LANGUAGE_EN);
  opts.include_notes = FALSE;
  opts.organisation = "Board Copy Ltd";
  path = write_report (fixture, &opts, "report.pdf");
  doc = koers_test_report_open_pdf (path);
  text = koers_test_report_document_text (doc);

  assert_lacks_text (text, "Two large customers postponed");
  assert_lacks_text (text, "No budget approved yet");
  /* Notes about personal data are compliance, not check-in notes. */
  assert_has_text (text, "Anonymous answers, reported per team");
  /* The organisation given in the options wins over the store's. */
  assert_has_text (text, "Board Copy Ltd");
  assert_lacks_text (text, "Koers Test NV");
}

static void
test_table_breaks (Fixture      *fixture,
                   gconstpointer data)
{
  KoersReportOptions opts;
  g_autofree char   *path = NULL;
  g_autoptr (KoersTestPdf) doc = NULL;
  guint table_pages = 0;
  guint continued = 0;

  koers_test_report_populate (fixture, KOERS_LANGUAGE_EN);
  koers_test_report_options_q2 (&opts, KOERS_LANGUAGE_EN);
  path = write_report (fixture, &opts, "report.pdf");
  doc = koers_test_report_open_pdf (path);

  /* The forty security key results: their table goes on over a page, with
   * the header again and the objective marked as continued. */
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *text = koers_test_report_page_text (doc, i);
      const char      *level = strstr (text, "Level");

      /* The template's table, under its header (the summary's lists name
       * these key results too, and have an Owner column, but no Level). */
      if (level == NULL || strstr (level, "passes the security audit") == NULL || strstr (text, "Owner") == NULL)
        continue;
      g_assert_nonnull (strstr (text, "Key result"));
      g_assert_nonnull (strstr (text, "Target"));
      g_assert_nonnull (strstr (text, "Make all systems more secure"));
      table_pages++;
      if (strstr (text, "(continued)") != NULL)
        continued++;
    }
  g_assert_cmpuint (table_pages, >=, 2);
  g_assert_cmpuint (continued, ==, table_pages - 1);
}

static void
test_year_appendix (Fixture      *fixture,
                    gconstpointer data)
{
  KoersReportOptions opts;
  KoersPeriod        year;
  g_autofree char   *path = NULL;
  g_autoptr (KoersTestPdf) doc = NULL;
  g_autofree char *text = NULL;
  const char      *missed, *gdpr, *budgets, *note;

  koers_test_report_populate (fixture, KOERS_LANGUAGE_EN);
  koers_test_report_options_q2 (&opts, KOERS_LANGUAGE_EN);
  koers_period_init_year (&year, 2026);
  opts.period = year;
  path = write_report (fixture, &opts, "year.pdf");
  doc = koers_test_report_open_pdf (path);
  text = koers_test_report_document_text (doc);

  /* Q1's committed objective ended below 1: listed as missed, in the
   * appendix, before the personal data. */
  missed = strstr (text, "Committed objectives that were missed");
  gdpr = strstr (text, "Key results that use personal data (GDPR)");
  g_assert_nonnull (missed);
  g_assert_nonnull (gdpr);
  budgets = strstr (missed, "Finalise the budgets before 31 March");
  g_assert_nonnull (budgets);
  g_assert_true (budgets < gdpr);
  note = strstr (gdpr, "Anonymous answers");
  g_assert_nonnull (note);
  assert_has_text (text, "How scores are computed");
  assert_has_text (text, "2026");
  koers_test_report_assert_in_margins (doc);
}

/* The English report of Q2 2026 on these departments, read back. */
static PopplerDocument *
write_departments_report (Fixture    *fixture,
                          gint64     *ids,
                          guint       n_ids,
                          const char *name)
{
  KoersReportOptions opts;
  g_autofree char   *path = NULL;

  koers_test_report_options_q2 (&opts, KOERS_LANGUAGE_EN);
  opts.department_ids = ids;
  opts.n_department_ids = n_ids;
  path = write_report (fixture, &opts, name);
  return koers_test_report_open_pdf (path);
}

static void
test_department_subset (Fixture      *fixture,
                        gconstpointer data)
{
  KoersDepartment *sales;
  gint64           ids[1];
  g_autoptr (KoersTestPdf) doc = NULL;
  g_autoptr (GPtrArray) departments = NULL;
  g_autofree char *text = NULL;

  koers_test_report_populate (fixture, KOERS_LANGUAGE_EN);
  sales = koers_store_find_department_by_name (fixture->store, "Sales");
  ids[0] = koers_department_get_id (sales);
  doc = write_departments_report (fixture, ids, 1, "sales.pdf");
  text = koers_test_report_document_text (doc);

  assert_has_text (text, "Reach quarterly revenue of €1 million");
  assert_lacks_text (text, "Make all systems more secure");
  assert_lacks_text (text, "Keep our customers longer");
  /* The company objective it supports shows on the alignment page; the
   * one it does not support stays out. */
  assert_has_text (text, "Grow the company");
  assert_lacks_text (text, "Raise brand awareness");
  assert_has_text (text, "Sales");
  departments = koers_test_report_outline_titles (doc, "Departments");
  g_assert_cmpuint (departments->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (departments, 0), ==, "Sales");
  koers_test_report_assert_page_footers (doc, KOERS_LANGUAGE_EN);
}

/* The text of the alignment page (the first page with its intro). */
static char *
dup_alignment_text (PopplerDocument *doc)
{
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autofree char *text = koers_test_report_page_text (doc, i);
      char            *start = strstr (text, "How team objectives support");
      char            *next;

      if (start == NULL)
        continue;
      /* The departments may follow on the same page: up to the first
       * one's line ("1 objective · 0 key results · score 0.00"). */
      next = strstr (start, " · score ");
      if (next != NULL)
        *next = '\0';
      /* The summary's lists may end on the same page, above it. */
      return g_strdup (start);
    }

  g_error ("the report has no alignment page");
  return NULL;
}

/* Three levels: a team objective aligned to its department's objective
 * shows under it, under the company objective, and not as unaligned;
 * also in a report of the team alone, where the department's objective
 * is outside the report. */
static void
test_three_levels (Fixture      *fixture,
                   gconstpointer data)
{
  KoersStore        *store = fixture->store;
  KoersDepartment   *marketing = koers_store_find_department_by_name (store, "Marketing");
  KoersDepartment   *growth = koers_test_add_team (store, marketing, "Growth");
  KoersObjective    *company;
  KoersObjective    *department;
  gint64             ids[1] = { koers_department_get_id (growth) };
  KoersReportOptions opts;
  g_autofree char   *path = NULL;
  g_autoptr (KoersTestPdf) doc = NULL;
  g_autoptr (KoersTestPdf) team_doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *team_text = NULL;
  const char      *unaligned;

  company = koers_test_report_add_objective (store, NULL, "Be the best-known salon brand",
                                             KOERS_LEVEL_COMPANY, KOERS_OBJECTIVE_KIND_COMMITTED,
                                             "2026-Q2", NULL);
  department = koers_test_report_add_objective (store, "Marketing", "Double monthly sign-ups",
                                                KOERS_LEVEL_DEPARTMENT, KOERS_OBJECTIVE_KIND_COMMITTED,
                                                "2026-Q2", company);
  koers_test_report_add_objective (store, "Growth", "Win two referral partners",
                                   KOERS_LEVEL_TEAM, KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2", department);
  koers_test_report_add_objective (store, "Growth", "Tidy the shared drive",
                                   KOERS_LEVEL_TEAM, KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2", NULL);

  koers_test_report_options_q2 (&opts, KOERS_LANGUAGE_EN);
  path = write_report (fixture, &opts, "teams.pdf");
  doc = koers_test_report_open_pdf (path);
  text = dup_alignment_text (doc);
  /* Company, department, team, in that order; then the unaligned one. */
  g_assert_nonnull (strstr (text, "Be the best-known salon brand"));
  g_assert_true (strstr (text, "Be the best-known salon brand") < strstr (text, "Double monthly sign-ups"));
  g_assert_true (strstr (text, "Double monthly sign-ups") < strstr (text, "Win two referral partners"));
  unaligned = strstr (text, "Not aligned to an objective one level up");
  g_assert_nonnull (unaligned);
  g_assert_true (strstr (text, "Win two referral partners") < unaligned);
  g_assert_null (strstr (unaligned, "Win two referral partners"));
  g_assert_null (strstr (unaligned, "Double monthly sign-ups"));
  g_assert_nonnull (strstr (unaligned, "Tidy the shared drive"));

  /* The team alone: its department's objective and the company's come
   * along for the alignment, and the team objective is still aligned. */
  team_doc = write_departments_report (fixture, ids, 1, "growth.pdf");
  team_text = dup_alignment_text (team_doc);
  g_assert_true (strstr (team_text, "Be the best-known salon brand") < strstr (team_text, "Double monthly sign-ups"));
  g_assert_true (strstr (team_text, "Marketing") != NULL);
  g_assert_true (strstr (team_text, "Double monthly sign-ups") < strstr (team_text, "Win two referral partners"));
  unaligned = strstr (team_text, "Not aligned to an objective one level up");
  g_assert_nonnull (unaligned);
  g_assert_null (strstr (unaligned, "Win two referral partners"));
  g_assert_nonnull (strstr (unaligned, "Tidy the shared drive"));
}

/* An archived objective supports nothing: a department objective aligned
 * to it is unaligned and says why, and its team's objective, aligned to
 * it, still shows under it. */
static void
test_aligned_to_archived (Fixture      *fixture,
                          gconstpointer data)
{
  KoersStore     *store = fixture->store;
  KoersObjective *company;
  KoersObjective *department;
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersTestPdf) doc = NULL;
  g_autofree char   *path = NULL;
  g_autofree char   *text = NULL;
  KoersReportOptions opts;
  const char        *unaligned;

  company = koers_test_report_add_objective (store, NULL, "Open a shop in Ghent", KOERS_LEVEL_COMPANY,
                                             KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2", NULL);
  department = koers_test_report_add_objective (store, "Marketing", "Make Ghent know us",
                                                KOERS_LEVEL_DEPARTMENT, KOERS_OBJECTIVE_KIND_COMMITTED,
                                                "2026-Q2", company);
  koers_test_report_add_objective (store, "Sales", "Sign the Ghent lease", KOERS_LEVEL_DEPARTMENT,
                                   KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2", company);
  g_assert_true (koers_store_set_objective_archived (store, company, TRUE, &error));
  g_assert_no_error (error);

  koers_test_report_options_q2 (&opts, KOERS_LANGUAGE_EN);
  path = write_report (fixture, &opts, "archived-parent.pdf");
  doc = koers_test_report_open_pdf (path);
  text = dup_alignment_text (doc);
  g_assert_null (strstr (text, "Open a shop in Ghent"));
  unaligned = strstr (text, "Not aligned to an objective one level up");
  g_assert_nonnull (unaligned);
  g_assert_nonnull (strstr (unaligned, "Make Ghent know us (aligned to an archived objective)"));
  g_assert_nonnull (strstr (unaligned, "Sign the Ghent lease (aligned to an archived objective)"));
  g_assert_true (koers_objective_get_aligned_to_id (department) == koers_objective_get_id (company));
}

/* An archived objective is out of the board report. */
static void
test_archived_left_out (Fixture      *fixture,
                        gconstpointer data)
{
  g_autoptr (KoersTestPdf) doc = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  GListModel      *objectives;
  KoersObjective  *archived = NULL;

  koers_test_report_populate (fixture, KOERS_LANGUAGE_EN);
  objectives = koers_store_get_objectives (fixture->store);
  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);

      if (g_str_equal (koers_objective_get_title (objective), "Keep our customers longer"))
        archived = objective;
    }
  g_assert_nonnull (archived);
  g_assert_true (koers_store_set_objective_archived (fixture->store, archived, TRUE, &error));
  g_assert_no_error (error);

  doc = write_departments_report (fixture, NULL, 0, "archived.pdf");
  text = koers_test_report_document_text (doc);
  assert_lacks_text (text, "Keep our customers longer");
  assert_has_text (text, "Make all systems more secure");
}

static GPtrArray *
read_hostile_titles (void)
{
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "data", "report", "hostile-titles.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  g_file_get_contents (file, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] != '\0' && *lines[i] != '#')
        g_ptr_array_add (titles, g_strdup (lines[i]));
    }
  g_assert_cmpuint (titles->len, >=, 5);

  return titles;
}

static char *
strip_breaks (const char *text)
{
  GString *out = g_string_new (NULL);

  /* Pango marks a word broken over two lines with a hyphen. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != '-' && c != 0x2010)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static void
test_hostile_text (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr (GPtrArray) titles = read_hostile_titles ();
  KoersStore      *store = fixture->store;
  KoersDepartment *sales = koers_store_find_department_by_name (store, "Sales");
  g_autoptr (GError) error = NULL;
  KoersReportOptions opts;
  KoersObjective    *first = NULL;
  g_autofree char   *path = NULL;
  g_autoptr (KoersTestPdf) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *word = NULL;

  g_assert_true (koers_store_set_organisation (store, "<span foreground='red'>Evil</span> & Co", &error));
  g_assert_no_error (error);
  koers_department_set_name (sales, "R&D <dev> & \"Sales\"");
  g_assert_true (koers_store_save_department (store, sales, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < titles->len; i++)
    {
      const char     *title = g_ptr_array_index (titles, i);
      KoersObjective *objective;
      KoersKeyResult *kr;

      objective = koers_test_report_add_objective (store, i % 2 == 0 ? "R&D <dev> & \"Sales\"" : NULL, title,
                                                   i % 2 == 0 ? KOERS_LEVEL_DEPARTMENT : KOERS_LEVEL_COMPANY,
                                                   KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2",
                                                   i % 2 == 0 ? first : NULL);
      if (first == NULL && i % 2 == 1)
        first = objective;
      /* The same text as key result, unit, owner and note. */
      kr = koers_test_report_add_key_result (store, objective, title, KOERS_METRIC_KIND_NUMBER, 0, 10, title);
      koers_key_result_set_owner (kr, title);
      g_assert_true (koers_store_save_key_result (store, kr, &error));
      g_assert_no_error (error);
      koers_test_add_checkin (store, kr, "2026-05-01", 2, KOERS_CHECKIN_STATUS_OFF_TRACK, title);
    }

  koers_test_report_options_q2 (&opts, KOERS_LANGUAGE_EN);
  path = write_report (fixture, &opts, "hostile.pdf");
  doc = koers_test_report_open_pdf (path);
  text = koers_test_report_document_text (doc);

  /* Markup is printed, not obeyed. */
  assert_has_text (text, "<b>&amp; bold</b> & <i>co</i>");
  assert_has_text (text, "<span foreground='red'>Evil</span> & Co");
  assert_has_text (text, "R&D <dev> & \"Sales\"");
  assert_has_text (text, "Launch the rocket");
  /* The 200-character word is there whole, broken over lines inside the
   * margins. */
  word = strip_breaks (g_ptr_array_index (titles, 2));
  g_assert_cmpuint (strlen (word), ==, 200);
  flat = strip_breaks (text);
  g_assert_nonnull (strstr (flat, word));
  koers_test_report_assert_in_margins (doc);
  koers_test_report_assert_page_footers (doc, KOERS_LANGUAGE_EN);
}

/* A name with a right-to-left override (U+202E) reads reversed, but the
 * words printed after it do not: the running header after the
 * organisation, the department list after a department. */
static void
test_bidi_isolates (Fixture      *fixture,
                    gconstpointer data)
{
  KoersStore *store = fixture->store;
  g_autoptr (GError) error = NULL;
  gint64 ids[2];
  g_autoptr (KoersTestPdf) doc = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) words = NULL;
  g_autofree char *packed = NULL;

  koers_test_report_populate (fixture, KOERS_LANGUAGE_EN);
  g_assert_true (koers_store_set_organisation (store, "\u202e"
                                                      "Acme",
                                               &error));
  g_assert_no_error (error);
  ids[0] = koers_department_get_id (koers_store_find_department_by_name (store, "Sales"));
  ids[1] = koers_department_get_id (koers_store_find_department_by_name (store, "Marketing"));
  koers_department_set_name (koers_store_find_department_by_name (store, "Sales"), "\u202e"
                                                                                   "Sales");
  koers_department_set_name (koers_store_find_department_by_name (store, "Marketing"), "\u202e"
                                                                                       "Marketing");
  doc = write_departments_report (fixture, ids, 2, "bidi.pdf");
  text = koers_test_report_document_text (doc);
  /* poppler breaks reversed words with spaces of its own. */
  packed = g_strjoinv ("", (char **) (words = g_strsplit (text, " ", -1)));

  /* The names themselves read as their override says. */
  assert_has_text (packed, "emcA");
  assert_has_text (packed, "gnitekraM");
  /* Not dragged along: the running header after the organisation, the
   * second department of the scope after the first. */
  assert_lacks_text (packed, "62022Q");
  assert_has_text (packed, "OKRreportQ22026");
  assert_lacks_text (packed, "selaS,gnitekraM");
  assert_has_text (packed, "gnitekraM,selaS");
}

static void
test_empty_store (Fixture      *fixture,
                  gconstpointer data)
{
  KoersReportOptions opts;
  g_autofree char   *path = NULL;
  g_autoptr (KoersTestPdf) doc = NULL;
  g_autofree char *text = NULL;

  koers_test_report_options_q2 (&opts, KOERS_LANGUAGE_NL);
  path = write_report (fixture, &opts, "empty.pdf");
  doc = koers_test_report_open_pdf (path);
  text = koers_test_report_document_text (doc);

  /* Cover, summary (with the needs-attention lists), then alignment and
   * appendix on one page, each short; no department sections. */
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 3);
  assert_has_text (text, "Onze organisatie");
  assert_has_text (text, "Geen enkel sleutelresultaat is in gevaar of loopt achter.");
  koers_test_report_assert_in_margins (doc);
  koers_test_report_assert_page_footers (doc, KOERS_LANGUAGE_NL);
}

static guint
count_files (const char *dir)
{
  g_autoptr (GPtrArray) names = koers_test_report_list_dir (dir);

  return names->len;
}

static void
assert_no_leftovers (const char *dir,
                     guint       expected)
{
  g_autoptr (GPtrArray) names = koers_test_report_list_dir (dir);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (strstr (name, ".pdf.") != NULL)
        g_error ("a temporary file was left behind: %s", name);
    }
  g_assert_cmpuint (names->len, ==, expected);
}

static void
test_unwritable (Fixture      *fixture,
                 gconstpointer data)
{
  KoersReportOptions opts;
  g_autoptr (GError) error = NULL;
  g_autofree char *missing = koers_test_report_path (fixture, "no-such-folder/report.pdf");
  g_autofree char *folder = koers_test_report_path (fixture, "a-folder.pdf");
  g_autofree char *locked_dir = koers_test_report_path (fixture, "locked");
  g_autofree char *locked = g_build_filename (locked_dir, "report.pdf", NULL);
  guint            n_files;

  koers_test_report_populate (fixture, KOERS_LANGUAGE_EN);
  koers_test_report_options_q2 (&opts, KOERS_LANGUAGE_EN);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (locked_dir, 0700), ==, 0);
  n_files = count_files (fixture->dir);

  /* A folder that does not exist: nothing is written anywhere. */
  g_assert_false (koers_report_write_pdf (fixture->store, &opts, missing, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "report.pdf"));
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* The target is a folder: the rename at the end fails, and the whole
   * written temporary file goes. */
  g_assert_false (koers_report_write_pdf (fixture->store, &opts, folder, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_clear_error (&error);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  assert_no_leftovers (fixture->dir, n_files);

  /* A folder without write permission (root writes anyway: then skip). */
  g_assert_cmpint (g_chmod (locked_dir, 0500), ==, 0);
  if (access (locked_dir, W_OK) == 0)
    {
      g_test_message ("running as root: the read-only folder case does not apply");
    }
  else
    {
      g_assert_false (koers_report_write_pdf (fixture->store, &opts, locked, NULL, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      g_assert_false (g_file_test (locked, G_FILE_TEST_EXISTS));
    }
  g_chmod (locked_dir, 0700);
  assert_no_leftovers (locked_dir, 0);
}

typedef struct
{
  GCancellable *cancellable;
  double        cancel_at;
  GArray       *fractions;
  GThread      *thread;
  gboolean      wrong_thread;
} ProgressLog;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  ProgressLog *log = user_data;

  g_array_append_val (log->fractions, fraction);
  if (log->thread != NULL && g_thread_self () != log->thread)
    log->wrong_thread = TRUE;
  if (log->cancellable != NULL && fraction >= log->cancel_at)
    g_cancellable_cancel (log->cancellable);
}

static void
test_progress (Fixture      *fixture,
               gconstpointer data)
{
  KoersReportOptions opts;
  ProgressLog        log = {
           0,
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *path = koers_test_report_path (fixture, "report.pdf");

  koers_test_report_populate (fixture, KOERS_LANGUAGE_EN);
  koers_test_report_options_q2 (&opts, KOERS_LANGUAGE_EN);
  log.fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_assert_true (koers_report_write_pdf (fixture->store, &opts, path, progress_cb, &log, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (log.fractions->len, >, 10);
  g_assert_cmpfloat (g_array_index (log.fractions, double, 0), ==, 0.0);
  g_assert_cmpfloat (g_array_index (log.fractions, double, log.fractions->len - 1), ==, 1.0);
  for (guint i = 1; i < log.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (log.fractions, double, i), >=,
                       g_array_index (log.fractions, double, i - 1));
  g_array_unref (log.fractions);
}

static void
check_cancel_at (Fixture *fixture,
                 double   cancel_at)
{
  KoersReportOptions opts;
  ProgressLog        log = {
           0,
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *path = koers_test_report_path (fixture, "report.pdf");
  g_autofree char *contents = NULL;
  guint            n_files;

  koers_test_report_options_q2 (&opts, KOERS_LANGUAGE_EN);
  /* An older report at the target stays as it was. */
  g_assert_true (g_file_set_contents (path, "old report", -1, NULL));
  n_files = count_files (fixture->dir);

  log.cancellable = g_cancellable_new ();
  log.cancel_at = cancel_at;
  log.fractions = g_array_new (FALSE, FALSE, sizeof (double));
  if (cancel_at <= 0.0)
    g_cancellable_cancel (log.cancellable);
  g_assert_false (koers_report_write_pdf (fixture->store, &opts, path, progress_cb, &log,
                                          log.cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old report");
  assert_no_leftovers (fixture->dir, n_files);
  g_array_unref (log.fractions);
  g_object_unref (log.cancellable);
  g_unlink (path);
}

static void
test_cancel (Fixture      *fixture,
             gconstpointer data)
{
  koers_test_report_populate (fixture, KOERS_LANGUAGE_EN);

  check_cancel_at (fixture, 0.0); /* before it starts */
  check_cancel_at (fixture, 0.1); /* while counting pages */
  check_cancel_at (fixture, 0.8); /* while writing the PDF */

  /* Cancelled at the start, no file is made at a new name either. */
  {
    KoersReportOptions opts;
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();
    g_autoptr (GError) error = NULL;
    g_autofree char *path = koers_test_report_path (fixture, "new.pdf");

    koers_test_report_options_q2 (&opts, KOERS_LANGUAGE_EN);
    g_cancellable_cancel (cancellable);
    g_assert_false (koers_report_write_pdf (fixture->store, &opts, path, NULL, NULL, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
}

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
} AsyncResult;

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncResult *async = user_data;

  async->ok = koers_report_write_pdf_finish (KOERS_STORE (source), result, &async->error);
  g_main_loop_quit (async->loop);
}

static void
test_async (Fixture      *fixture,
            gconstpointer data)
{
  KoersReportOptions opts;
  ProgressLog        log = {
           0,
  };
  AsyncResult async = {
    0,
  };
  g_autofree char *path = koers_test_report_path (fixture, "async.pdf");
  g_autoptr (KoersTestPdf) doc = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *author = NULL;

  koers_test_report_populate (fixture, KOERS_LANGUAGE_NL);
  koers_test_report_options_q2 (&opts, KOERS_LANGUAGE_NL);
  log.fractions = g_array_new (FALSE, FALSE, sizeof (double));
  log.thread = g_thread_self ();
  async.loop = g_main_loop_new (NULL, FALSE);

  koers_report_write_pdf_async (fixture->store, &opts, path, progress_cb, &log, NULL, NULL,
                                write_done_cb, &async);
  /* The snapshot is taken: editing now does not reach the report. */
  koers_store_set_organisation (fixture->store, "Changed Later BV", NULL);
  g_main_loop_run (async.loop);
  g_assert_no_error (async.error);
  g_assert_true (async.ok);

  /* Progress arrived on this thread, through its main context. */
  g_assert_cmpuint (log.fractions->len, >, 0);
  g_assert_false (log.wrong_thread);
  doc = koers_test_report_open_pdf (path);
  author = poppler_document_get_author (doc);
  g_assert_cmpstr (author, ==, "Koers Test NV");
  koers_test_report_assert_page_footers (doc, KOERS_LANGUAGE_NL);
  g_unlink (path);

  /* Cancelled while it runs: an error and no file. */
  g_cancellable_cancel (cancellable);
  koers_report_write_pdf_async (fixture->store, &opts, path, NULL, NULL, NULL, cancellable,
                                write_done_cb, &async);
  g_main_loop_run (async.loop);
  g_assert_false (async.ok);
  g_assert_error (async.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&async.error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_main_loop_unref (async.loop);
  g_array_unref (log.fractions);
}

/* A command warms the report's fonts in a thread of their own while it
 * opens the database; the report then lays out in that font map, page for
 * page and word for word as in a map of its own. */
static void
test_warm_fonts (Fixture      *fixture,
                 gconstpointer data)
{
  KoersReportOptions opts;
  g_autofree char   *cold_path = NULL;
  g_autofree char   *warm_path = NULL;
  g_autoptr (KoersTestPdf) cold = NULL;
  g_autoptr (KoersTestPdf) warm = NULL;
  g_autofree char *cold_text = NULL;
  g_autofree char *warm_text = NULL;
  PangoFontMap    *left = NULL;

  koers_test_report_populate (fixture, KOERS_LANGUAGE_NL);
  koers_test_report_options_q2 (&opts, KOERS_LANGUAGE_NL);
  cold_path = write_report (fixture, &opts, "cold.pdf");

  koers_report_warm_fonts ();
  warm_path = write_report (fixture, &opts, "warm.pdf");
  /* The report took the warmed map: none is left for the next one. */
  left = koers_report_fonts_take_warm_map ();
  g_assert_null (left);

  cold = koers_test_report_open_pdf (cold_path);
  warm = koers_test_report_open_pdf (warm_path);
  g_assert_cmpint (poppler_document_get_n_pages (warm), ==, poppler_document_get_n_pages (cold));
  cold_text = koers_test_report_document_text (cold);
  warm_text = koers_test_report_document_text (warm);
  g_assert_cmpstr (warm_text, ==, cold_text);

  /* Warmed and not taken, the map waits for the next report. */
  koers_report_warm_fonts ();
  left = koers_report_fonts_take_warm_map ();
  g_assert_true (PANGO_IS_FONT_MAP (left));
  g_object_unref (left);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/report/content/en", test_content_en);
  ADD ("/report/content/nl", test_content_nl);
  ADD ("/report/plurals", test_plurals);
  ADD ("/report/without-notes", test_without_notes);
  ADD ("/report/table-breaks", test_table_breaks);
  ADD ("/report/year-appendix", test_year_appendix);
  ADD ("/report/department-subset", test_department_subset);
  ADD ("/report/three-levels", test_three_levels);
  ADD ("/report/aligned-to-archived", test_aligned_to_archived);
  ADD ("/report/archived-left-out", test_archived_left_out);
  ADD ("/report/hostile-text", test_hostile_text);
  ADD ("/report/bidi-isolates", test_bidi_isolates);
  ADD ("/report/empty-store", test_empty_store);
  ADD ("/report/unwritable", test_unwritable);
  ADD ("/report/progress", test_progress);
  ADD ("/report/cancel", test_cancel);
  ADD ("/report/async", test_async);
  ADD ("/report/warm-fonts", test_warm_fonts);
#undef ADD

  return g_test_run ();
}
