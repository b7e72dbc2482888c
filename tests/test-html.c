/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "io/html/koers-html-text.h"
#include "io/html/koers-html.h"
#include "koers-test-report.h"

/* The intranet dashboard: one self-contained page in either language,
 * the same bytes for the same data, hostile text shown literally, ids
 * unique, and a failed write that leaves nothing. */

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
render (Fixture      *fixture,
        KoersLanguage lang)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) page = NULL;
  KoersReportOptions opts;
  gsize              length;
  const char        *bytes;

  koers_test_report_options_q2 (&opts, lang);
  page = koers_html_render (fixture->store, &opts, &error);
  g_assert_no_error (error);
  g_assert_nonnull (page);
  bytes = g_bytes_get_data (page, &length);
  g_assert_true (g_utf8_validate (bytes, length, NULL));
  g_assert_cmpuint (strlen (bytes), ==, length);
  return g_strndup (bytes, length);
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
assert_self_contained (const char *page)
{
  g_assert_true (g_str_has_prefix (page, "<!DOCTYPE html>\n<html lang=\""));
  g_assert_true (g_str_has_suffix (page, "</html>\n"));
  g_assert_nonnull (strstr (page, "Content-Security-Policy\" content=\"default-src 'none';"));
  g_assert_nonnull (strstr (page, "@media (prefers-color-scheme:dark)"));
  g_assert_nonnull (strstr (page, "@media print"));
  g_assert_null (strstr (page, "<script"));
  g_assert_null (strstr (page, "<?xml"));
  g_assert_null (strstr (page, "src="));
  g_assert_null (strstr (page, "href=\"http"));
  g_assert_null (strstr (page, "url(http"));
  g_assert_null (strstr (page, "@import"));
  g_assert_null (strstr (page, "<image"));
  /* Every chart says what it shows. */
  g_assert_cmpuint (count (page, "<svg "), >, 3);
  g_assert_cmpuint (count (page, "<svg "), ==, count (page, "role=\"img\" aria-label=\""));
  g_assert_cmpuint (count (page, "<svg "), ==, count (page, "</svg>"));
}

/* Every id="…" once. */
static void
assert_unique_ids (const char *page)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (const char *p = strstr (page, " id=\""); p != NULL; p = strstr (p + 1, " id=\""))
    {
      const char *end = strchr (p + 5, '"');
      char       *id = g_strndup (p + 5, end - p - 5);

      if (g_hash_table_contains (seen, id))
        g_error ("id “%s” twice", id);
      g_hash_table_add (seen, id);
    }
  g_assert_cmpuint (g_hash_table_size (seen), >, 20);
}

static void
test_english (Fixture      *fixture,
              gconstpointer data)
{
  g_autofree char *page = NULL;

  koers_test_report_populate (fixture, KOERS_LANGUAGE_EN);
  page = render (fixture, KOERS_LANGUAGE_EN);
  assert_self_contained (page);
  assert_unique_ids (page);
  g_assert_nonnull (strstr (page, "<html lang=\"en\">"));
  g_assert_nonnull (strstr (page, "<h2 id=\"summary\"><bdi>Executive summary</bdi></h2>"));
  g_assert_nonnull (strstr (page, "<th scope=\"col\">Level</th><th scope=\"col\">Objective</th>"
                                  "<th scope=\"col\">Key result</th><th scope=\"col\">Start</th>"
                                  "<th scope=\"col\">Target</th><th scope=\"col\">Current</th>"
                                  "<th scope=\"col\">Status</th><th scope=\"col\">Owner</th>"));
  g_assert_nonnull (strstr (page, "<bdi>IT &amp; Development</bdi>"));
  /* The template's Level names the department or team, not the level. */
  g_assert_nonnull (strstr (page, "data-label=\"Level\"><bdi>IT &amp; Development</bdi>"));
  g_assert_null (strstr (page, "data-label=\"Level\">Department<"));
  g_assert_nonnull (strstr (page, "Top risks"));
  g_assert_nonnull (strstr (page, "Alignment"));
  /* A status is a shape and a word, never a colour alone. */
  g_assert_nonnull (strstr (page, "<span aria-hidden=\"true\">▲</span> At risk</span>"));
  /* KOERS_TODAY is the report date; the data time comes from the log. */
  g_assert_nonnull (strstr (page, "Data as of "));
}

static void
test_dutch (Fixture      *fixture,
            gconstpointer data)
{
  g_autofree char *page = NULL;

  koers_test_report_populate (fixture, KOERS_LANGUAGE_NL);
  page = render (fixture, KOERS_LANGUAGE_NL);
  assert_self_contained (page);
  g_assert_nonnull (strstr (page, "<html lang=\"nl\">"));
  g_assert_nonnull (strstr (page, "<th scope=\"col\">Niveau</th><th scope=\"col\">Doelstelling</th>"));
  /* Searchable: no soft hyphen inside the header. */
  g_assert_nonnull (strstr (page, "<th scope=\"col\">Verantwoordelijke</th>"));
  g_assert_null (strstr (page, "\u00AD"));
  g_assert_nonnull (strstr (page, "Gegevens van "));
  g_assert_nonnull (strstr (page, "Managementsamenvatting"));
  g_assert_null (strstr (page, "Executive summary"));
}

static void
test_identical (Fixture      *fixture,
                gconstpointer data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *path = koers_test_report_path (fixture, "dashboard.html");
  g_autofree char *written = NULL;
  g_autoptr (GError) error = NULL;
  KoersReportOptions opts;

  koers_test_report_populate (fixture, KOERS_LANGUAGE_EN);
  first = render (fixture, KOERS_LANGUAGE_EN);
  second = render (fixture, KOERS_LANGUAGE_EN);
  g_assert_cmpstr (first, ==, second);

  koers_test_report_options_q2 (&opts, KOERS_LANGUAGE_EN);
  g_assert_true (koers_html_write (fixture->store, &opts, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, first);
}

static void
test_hostile (Fixture      *fixture,
              gconstpointer data)
{
  static const char hostile[] = "<script>alert('x')</script> & \"Q\" \u202Eevil\u2066 \x01";
  g_autoptr (KoersDepartment) dept = koers_department_new (hostile, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *page = NULL;

  koers_test_report_populate (fixture, KOERS_LANGUAGE_EN);
  g_assert_true (koers_store_add_department (fixture->store, dept, &error));
  g_assert_no_error (error);
  koers_test_report_add_objective (fixture->store, hostile, hostile, KOERS_LEVEL_DEPARTMENT,
                                   KOERS_OBJECTIVE_KIND_COMMITTED, "2026-Q2", NULL);

  page = render (fixture, KOERS_LANGUAGE_EN);
  assert_self_contained (page);
  g_assert_null (strstr (page, "<script>"));
  g_assert_null (strstr (page, "\u202E"));
  g_assert_null (strstr (page, "\u2066"));
  g_assert_null (strstr (page, "\x01"));
  g_assert_cmpuint (count (page, "<bdi>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Q&quot; "
                                 "[U+202E]evil[U+2066] [U+0001]</bdi>"),
                    >=, 3);
  /* In attributes (a chart's alt text) it is escaped the same way. */
  g_assert_nonnull (strstr (page, "aria-label=\"Bar chart of the score per department against the goal of 0.7: "));
}

static void
test_escape (void)
{
  g_autoptr (GString) out = g_string_new (NULL);

  koers_html_append_text (out, "a&b<c>d\"e'f\u202Dg\u2069h\r\n\ti\u00E9");
  g_assert_cmpstr (out->str, ==, "a&amp;b&lt;c&gt;d&quot;e&#39;f[U+202D]g[U+2069]h\n\ti\u00E9");
  g_string_truncate (out, 0);
  koers_html_append_user_text (out, "bad \xff utf");
  g_assert_cmpstr (out->str, ==, "<bdi>bad \uFFFD utf</bdi>");
  g_string_truncate (out, 0);
  koers_html_append_text (out, NULL);
  g_assert_cmpstr (out->str, ==, "");
}

static void
test_write_fails (Fixture      *fixture,
                  gconstpointer data)
{
  g_autofree char *folder = koers_test_report_path (fixture, "missing");
  g_autofree char *path = g_build_filename (folder, "dashboard.html", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) files = NULL;
  KoersReportOptions opts;

  koers_test_report_populate (fixture, KOERS_LANGUAGE_EN);
  koers_test_report_options_q2 (&opts, KOERS_LANGUAGE_EN);
  g_assert_false (koers_html_write (fixture->store, &opts, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  files = koers_test_report_list_dir (fixture->dir);
  for (guint i = 0; i < files->len; i++)
    g_assert_false (g_str_has_suffix (g_ptr_array_index (files, i), ".html"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/html/escape", test_escape);
  g_test_add ("/html/english", Fixture, NULL, fixture_setup, test_english, fixture_teardown);
  g_test_add ("/html/dutch", Fixture, NULL, fixture_setup, test_dutch, fixture_teardown);
  g_test_add ("/html/identical", Fixture, NULL, fixture_setup, test_identical, fixture_teardown);
  g_test_add ("/html/hostile", Fixture, NULL, fixture_setup, test_hostile, fixture_teardown);
  g_test_add ("/html/write-fails", Fixture, NULL, fixture_setup, test_write_fails, fixture_teardown);

  return g_test_run ();
}
