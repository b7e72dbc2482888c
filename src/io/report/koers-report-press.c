/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-report-press.h"

/* Pages laid out ahead of the one being written: enough to keep both
 * threads busy, few enough that memory stays flat on a long report. */
#define MAX_PAGES_AHEAD 3

/* A tag (its name) or an outline entry (its title). */
typedef struct
{
  const char               *tag_name;
  char                     *title;
  char                     *attributes;
  int                       parent, id;
  cairo_pdf_outline_flags_t flags;
} Mark;

typedef struct
{
  cairo_surface_t *recording; /* NULL: no page, only marks (the end) */
  GArray          *marks;     /* of Mark */
} Page;

struct _KoersReportPress
{
  cairo_surface_t *pdf;
  cairo_t         *pdf_cr;
  double           width, height;
  GThread         *thread;

  /* The page being drawn (the report's thread). */
  Page    *page;
  cairo_t *page_cr;
  int      n_outlines;

  /* Pages handed over, oldest first; the end is a page of NULL. */
  GMutex mutex;
  GCond  cond;
  GQueue pages;

  /* The press's thread: cairo's outline ids by the report's. */
  GArray *outline_ids;
};

static void
mark_clear (gpointer data)
{
  Mark *mark = data;

  g_free (mark->attributes);
  g_free (mark->title);
}

static Page *
page_new (KoersReportPress *self,
          gboolean          with_recording)
{
  Page *page = g_new0 (Page, 1);

  if (with_recording)
    {
      cairo_rectangle_t extents = { 0, 0, self->width, self->height };

      page->recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
    }
  page->marks = g_array_new (FALSE, TRUE, sizeof (Mark));
  g_array_set_clear_func (page->marks, mark_clear);
  return page;
}

static void
page_free (Page *page)
{
  g_clear_pointer (&page->recording, cairo_surface_destroy);
  g_array_unref (page->marks);
  g_free (page);
}

static void
apply_marks (KoersReportPress *self,
             Page             *page,
             gboolean          on_page)
{
  for (guint i = 0; i < page->marks->len; i++)
    {
      Mark *mark = &g_array_index (page->marks, Mark, i);
      int   parent = CAIRO_PDF_OUTLINE_ROOT;
      int   id;

      if (mark->tag_name != NULL)
        {
          if (on_page)
            {
              cairo_tag_begin (self->pdf_cr, mark->tag_name, mark->attributes);
              cairo_tag_end (self->pdf_cr, mark->tag_name);
            }
          continue;
        }

      if ((guint) mark->parent < self->outline_ids->len)
        parent = g_array_index (self->outline_ids, int, mark->parent);
      id = cairo_pdf_surface_add_outline (self->pdf, parent, mark->title, mark->attributes, mark->flags);
      g_array_set_size (self->outline_ids, MAX (self->outline_ids->len, (guint) mark->id + 1));
      g_array_index (self->outline_ids, int, mark->id) = id;
    }
}

static void
write_page (KoersReportPress *self,
            Page             *page)
{
  cairo_set_source_surface (self->pdf_cr, page->recording, 0, 0);
  cairo_paint (self->pdf_cr);
  /* Lets the recording go with its page. */
  cairo_set_source_rgb (self->pdf_cr, 0, 0, 0);
  apply_marks (self, page, TRUE);
  cairo_show_page (self->pdf_cr);
}

static gpointer
press_thread (gpointer data)
{
  KoersReportPress *self = data;

  for (;;)
    {
      Page    *page;
      gboolean last;

      g_mutex_lock (&self->mutex);
      while (g_queue_is_empty (&self->pages))
        g_cond_wait (&self->cond, &self->mutex);
      page = g_queue_pop_head (&self->pages);
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->mutex);

      last = page->recording == NULL;
      if (last)
        apply_marks (self, page, FALSE);
      else
        write_page (self, page);
      page_free (page);
      if (last)
        return NULL;
    }
}

KoersReportPress *
koers_report_press_new (cairo_surface_t *pdf,
                        double           width,
                        double           height)
{
  KoersReportPress *self = g_new0 (KoersReportPress, 1);
  int               root = CAIRO_PDF_OUTLINE_ROOT;

  self->pdf = cairo_surface_reference (pdf);
  self->pdf_cr = cairo_create (pdf);
  self->width = width;
  self->height = height;
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  g_queue_init (&self->pages);
  self->outline_ids = g_array_new (FALSE, TRUE, sizeof (int));
  g_array_append_val (self->outline_ids, root);

  self->page = page_new (self, TRUE);
  self->page_cr = cairo_create (self->page->recording);
  self->thread = g_thread_new ("koers-press", press_thread, self);
  return self;
}

cairo_t *
koers_report_press_get_page (KoersReportPress *self)
{
  return self->page_cr;
}

static void
hand_over (KoersReportPress *self,
           Page             *page)
{
  g_mutex_lock (&self->mutex);
  while (page->recording != NULL && self->pages.length >= MAX_PAGES_AHEAD)
    g_cond_wait (&self->cond, &self->mutex);
  g_queue_push_tail (&self->pages, page);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
}

void
koers_report_press_next_page (KoersReportPress *self)
{
  g_clear_pointer (&self->page_cr, cairo_destroy);
  hand_over (self, g_steal_pointer (&self->page));

  self->page = page_new (self, TRUE);
  self->page_cr = cairo_create (self->page->recording);
}

void
koers_report_press_add_tag (KoersReportPress *self,
                            const char       *tag_name,
                            const char       *attributes)
{
  Mark mark = { .tag_name = g_intern_string (tag_name), .attributes = g_strdup (attributes) };

  g_array_append_val (self->page->marks, mark);
}

int
koers_report_press_add_outline (KoersReportPress         *self,
                                int                       parent,
                                const char               *title,
                                const char               *attributes,
                                cairo_pdf_outline_flags_t flags)
{
  Mark mark = {
    .title = g_strdup (title),
    .attributes = g_strdup (attributes),
    .parent = parent,
    .id = ++self->n_outlines,
    .flags = flags,
  };

  g_array_append_val (self->page->marks, mark);
  return mark.id;
}

void
koers_report_press_finish (KoersReportPress *self)
{
  Page *end = page_new (self, FALSE);

  /* The page not handed over keeps nothing but its outline entries. */
  g_clear_pointer (&self->page_cr, cairo_destroy);
  g_array_append_vals (end->marks, self->page->marks->data, self->page->marks->len);
  g_array_set_clear_func (self->page->marks, NULL);
  g_clear_pointer (&self->page, page_free);
  hand_over (self, end);
  g_thread_join (self->thread);

  g_queue_clear (&self->pages);
  g_array_unref (self->outline_ids);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  cairo_destroy (self->pdf_cr);
  cairo_surface_destroy (self->pdf);
  g_free (self);
}
