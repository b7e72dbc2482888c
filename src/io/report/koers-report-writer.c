/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>

#include "koers-report-writer.h"

/* Pages drawn but not yet written before the layout waits: enough to keep
 * both threads busy, few enough to keep memory flat. */
#define MAX_PENDING_PAGES 4

typedef enum
{
  ITEM_PAGE,
  ITEM_TAG,
  ITEM_OUTLINE,
  ITEM_END,
} ItemKind;

typedef struct
{
  ItemKind         kind;
  cairo_surface_t *page;
  const char      *tag_name;   /* CAIRO_TAG_LINK or CAIRO_TAG_DEST */
  char            *text;       /* an outline entry's title */
  char            *attributes; /* a tag's or an outline entry's */
  int              parent;
  gboolean         open;
} Item;

struct _KoersReportWriter
{
  cairo_surface_t *pdf;
  cairo_t         *cr;
  GThread         *thread;
  GAsyncQueue     *queue;
  /* Cairo's outline ids by ours: the same order, so the same ids, but
   * looked up rather than assumed. */
  GArray          *outline_ids;
  int              n_outlines;
  /* The links and destinations of the page to be written next: Cairo
   * drops a tag on a page that has nothing drawn on it yet. */
  GPtrArray       *page_tags;

  GMutex mutex;
  GCond  written;
  guint  pending_pages;
};

static void
free_item (Item *item)
{
  g_clear_pointer (&item->page, cairo_surface_destroy);
  g_free (item->text);
  g_free (item->attributes);
  g_free (item);
}

static void
write_page (KoersReportWriter *self,
            cairo_surface_t   *page)
{
  cairo_set_source_surface (self->cr, page, 0, 0);
  cairo_paint (self->cr);
  cairo_set_source_rgb (self->cr, 0, 0, 0);
  for (guint i = 0; i < self->page_tags->len; i++)
    {
      const Item *tag = g_ptr_array_index (self->page_tags, i);

      cairo_tag_begin (self->cr, tag->tag_name, tag->attributes);
      cairo_tag_end (self->cr, tag->tag_name);
    }
  g_ptr_array_set_size (self->page_tags, 0);
  cairo_show_page (self->cr);

  g_mutex_lock (&self->mutex);
  self->pending_pages--;
  g_cond_signal (&self->written);
  g_mutex_unlock (&self->mutex);
}

static void
write_outline (KoersReportWriter *self,
               const Item        *item)
{
  int parent = g_array_index (self->outline_ids, int, item->parent);
  int id = cairo_pdf_surface_add_outline (self->pdf, parent, item->text, item->attributes,
                                          item->open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);

  g_array_append_val (self->outline_ids, id);
}

static gpointer
run_writer (gpointer data)
{
  KoersReportWriter *self = data;

  for (;;)
    {
      Item    *item = g_async_queue_pop (self->queue);
      gboolean end = item->kind == ITEM_END;

      switch (item->kind)
        {
        case ITEM_PAGE:
          write_page (self, item->page);
          break;

        case ITEM_TAG:
          g_ptr_array_add (self->page_tags, g_steal_pointer (&item));
          break;

        case ITEM_OUTLINE:
          write_outline (self, item);
          break;

        case ITEM_END:
        default:
          break;
        }
      g_clear_pointer (&item, free_item);
      if (end)
        return NULL;
    }
}

KoersReportWriter *
koers_report_writer_new (cairo_surface_t *pdf)
{
  KoersReportWriter *self = g_new0 (KoersReportWriter, 1);
  int                root = CAIRO_PDF_OUTLINE_ROOT;

  self->pdf = cairo_surface_reference (pdf);
  self->cr = cairo_create (pdf);
  self->queue = g_async_queue_new ();
  self->outline_ids = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_append_val (self->outline_ids, root);
  self->page_tags = g_ptr_array_new_with_free_func ((GDestroyNotify) free_item);
  g_mutex_init (&self->mutex);
  g_cond_init (&self->written);
  self->thread = g_thread_new ("koers-pdf-writer", run_writer, self);
  return self;
}

static void
push (KoersReportWriter *self,
      Item              *item)
{
  g_async_queue_push (self->queue, item);
}

void
koers_report_writer_add_tag (KoersReportWriter *self,
                             const char        *tag_name,
                             const char        *attributes)
{
  Item *item = g_new0 (Item, 1);

  item->kind = ITEM_TAG;
  item->tag_name = tag_name;
  item->attributes = g_strdup (attributes);
  push (self, item);
}

int
koers_report_writer_add_outline (KoersReportWriter *self,
                                 int                parent,
                                 const char        *title,
                                 const char        *attributes,
                                 gboolean           open)
{
  Item *item = g_new0 (Item, 1);

  g_return_val_if_fail (parent >= 0 && parent <= self->n_outlines, 0);

  item->kind = ITEM_OUTLINE;
  item->parent = parent;
  item->text = g_strdup (title);
  item->attributes = g_strdup (attributes);
  item->open = open;
  push (self, item);
  return ++self->n_outlines;
}

void
koers_report_writer_add_page (KoersReportWriter *self,
                              cairo_surface_t   *recording)
{
  Item *item = g_new0 (Item, 1);

  g_mutex_lock (&self->mutex);
  while (self->pending_pages >= MAX_PENDING_PAGES)
    g_cond_wait (&self->written, &self->mutex);
  self->pending_pages++;
  g_mutex_unlock (&self->mutex);

  item->kind = ITEM_PAGE;
  item->page = recording;
  push (self, item);
}

void
koers_report_writer_finish (KoersReportWriter *self)
{
  Item *end = g_new0 (Item, 1);

  end->kind = ITEM_END;
  push (self, end);
  g_thread_join (self->thread);

  cairo_destroy (self->cr);
  cairo_surface_destroy (self->pdf);
  g_async_queue_unref (self->queue);
  g_array_unref (self->outline_ids);
  g_ptr_array_unref (self->page_tags);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->written);
  g_free (self);
}
