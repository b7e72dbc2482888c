/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include "io/report/koers-report-writer.h"
#include "koers-test-report.h"

/* KoersReportWriter, the PDF's second thread, read back with poppler: the
 * pages in the order added, each page's links and destinations on that
 * page, nested outline entries under the right parent, and more pages
 * than it holds back at once. */

#define WIDTH  595.0
#define HEIGHT 842.0

static cairo_surface_t *
draw_page (const char *text)
{
  cairo_rectangle_t extents = { 0, 0, WIDTH, HEIGHT };
  cairo_surface_t  *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t          *cr = cairo_create (recording);

  cairo_select_font_face (cr, "sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 20);
  cairo_move_to (cr, 100, 100);
  cairo_show_text (cr, text);
  cairo_destroy (cr);
  return recording;
}

static char *
write_pdf (guint n_pages)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("koers-writer-XXXXXX", &error);
  char              *path = g_build_filename (dir, "writer.pdf", NULL);
  cairo_surface_t   *pdf = cairo_pdf_surface_create (path, WIDTH, HEIGHT);
  KoersReportWriter *writer = koers_report_writer_new (pdf);
  int                chapter, section;

  g_assert_no_error (error);
  for (guint i = 1; i <= n_pages; i++)
    {
      g_autofree char *text = g_strdup_printf ("Page %u", i);
      g_autofree char *dest = g_strdup_printf ("name='page-%u' x=50 y=60", i);

      koers_report_writer_add_tag (writer, CAIRO_TAG_DEST, dest);
      /* The first page links to the last, over its text. */
      if (i == 1)
        {
          g_autofree char *link = g_strdup_printf ("rect=[90 80 120 30] dest='page-%u'", n_pages);

          koers_report_writer_add_tag (writer, CAIRO_TAG_LINK, link);
        }
      koers_report_writer_add_page (writer, draw_page (text));
    }
  chapter = koers_report_writer_add_outline (writer, 0, "Chapter", "dest='page-1'", TRUE);
  section = koers_report_writer_add_outline (writer, chapter, "Section", "dest='page-2'", FALSE);
  g_assert_cmpint (section, >, chapter);
  koers_report_writer_add_outline (writer, 0, "Appendix", "dest='page-3'", FALSE);
  koers_report_writer_finish (writer);

  cairo_surface_finish (pdf);
  g_assert_cmpint (cairo_surface_status (pdf), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (pdf);
  return path;
}

static void
remove_pdf (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_pages_in_order (void)
{
  /* More pages than the writer holds back: the layout waits, and nothing
   * is lost or reordered. */
  g_autofree char *path = write_pdf (23);
  g_autoptr (KoersTestPdf) doc = koers_test_report_open_pdf (path);

  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 23);
  for (int i = 0; i < 23; i++)
    {
      g_autoptr (KoersTestPdfPage) page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree char *expected = g_strdup_printf ("Page %d", i + 1);

      g_assert_cmpstr (g_strstrip (text), ==, expected);
    }
  remove_pdf (path);
}

static void
test_link_and_dest (void)
{
  g_autofree char *path = write_pdf (3);
  g_autoptr (KoersTestPdf) doc = koers_test_report_open_pdf (path);
  g_autoptr (KoersTestPdfPage) first = poppler_document_get_page (doc, 0);
  g_autoptr (KoersTestPdfPage) second = poppler_document_get_page (doc, 1);
  GList *links = poppler_page_get_link_mapping (first);
  GList *none = poppler_page_get_link_mapping (second);
  PopplerLinkMapping *mapping;
  PopplerDest        *dest;

  /* One link, on the first page only, where the tag said. */
  g_assert_cmpuint (g_list_length (links), ==, 1);
  g_assert_null (none);
  mapping = links->data;
  g_assert_cmpfloat_with_epsilon (mapping->area.x1, 90.0, 0.5);
  g_assert_cmpfloat_with_epsilon (mapping->area.x2, 210.0, 0.5);
  /* PDF space: y from the bottom. */
  g_assert_cmpfloat_with_epsilon (mapping->area.y2, HEIGHT - 80.0, 0.5);
  g_assert_cmpfloat_with_epsilon (mapping->area.y1, HEIGHT - 110.0, 0.5);

  /* It leads to the destination on the last page. */
  g_assert_cmpint (mapping->action->type, ==, POPPLER_ACTION_GOTO_DEST);
  dest = mapping->action->goto_dest.dest;
  if (dest->type == POPPLER_DEST_NAMED)
    dest = poppler_document_find_dest (doc, dest->named_dest);
  else
    dest = poppler_dest_copy (dest);
  g_assert_nonnull (dest);
  g_assert_cmpint (dest->page_num, ==, 3);
  poppler_dest_free (dest);

  poppler_page_free_link_mapping (links);
  remove_pdf (path);
}

static void
test_outline_nesting (void)
{
  g_autofree char *path = write_pdf (3);
  g_autoptr (KoersTestPdf) doc = koers_test_report_open_pdf (path);
  PopplerIndexIter *iter = poppler_index_iter_new (doc);
  PopplerIndexIter *child;
  PopplerAction    *action;

  g_assert_nonnull (iter);
  action = poppler_index_iter_get_action (iter);
  g_assert_cmpstr (action->any.title, ==, "Chapter");
  poppler_action_free (action);

  /* "Section" under "Chapter", not beside it. */
  child = poppler_index_iter_get_child (iter);
  g_assert_nonnull (child);
  action = poppler_index_iter_get_action (child);
  g_assert_cmpstr (action->any.title, ==, "Section");
  poppler_action_free (action);
  g_assert_false (poppler_index_iter_next (child));
  poppler_index_iter_free (child);

  g_assert_true (poppler_index_iter_next (iter));
  action = poppler_index_iter_get_action (iter);
  g_assert_cmpstr (action->any.title, ==, "Appendix");
  poppler_action_free (action);
  g_assert_false (poppler_index_iter_next (iter));
  poppler_index_iter_free (iter);

  remove_pdf (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-writer/pages-in-order", test_pages_in_order);
  g_test_add_func ("/report-writer/link-and-dest", test_link_and_dest);
  g_test_add_func ("/report-writer/outline-nesting", test_outline_nesting);

  return g_test_run ();
}
