/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "core/koers-atomic-file.h"
#include "core/koers-date.h"
#include "koers-report-capacity.h"
#include "koers-report.h"
#include "koers-report-data.h"
#include "koers-report-layout.h"
#include "koers-report-private.h"
#include "koers-report-sections.h"

void
koers_report_options_init (KoersReportOptions *opts,
                           const KoersPeriod  *period)
{
  g_return_if_fail (opts != NULL);
  g_return_if_fail (period != NULL);

  *opts = (KoersReportOptions){
    0,
  };
  opts->period = *period;
  opts->language = koers_format_get_language ();
  opts->include_notes = TRUE;
  g_date_clear (&opts->generated, 1);
}

/* Cairo hands over the PDF in small pieces: gather them, and write in
 * big blocks. */
#define SINK_BUFFER_SIZE (64 * 1024)

typedef struct
{
  int     fd;
  int     saved_errno;
  guint8 *buffer;
  gsize   used;
} Sink;

static gboolean
sink_flush (Sink *sink)
{
  const guint8 *data = sink->buffer;
  gsize         length = sink->used;

  while (length > 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          sink->saved_errno = errno;
          return FALSE;
        }
      data += written;
      length -= (gsize) written;
    }
  sink->used = 0;

  return TRUE;
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      gsize chunk = MIN (length, SINK_BUFFER_SIZE - sink->used);

      memcpy (sink->buffer + sink->used, data, chunk);
      sink->used += chunk;
      data += chunk;
      length -= (unsigned int) chunk;
      if (sink->used == SINK_BUFFER_SIZE && !sink_flush (sink))
        return CAIRO_STATUS_WRITE_ERROR;
    }

  return CAIRO_STATUS_SUCCESS;
}

/* The sink's failure as the report's error (EIO when it kept no errno). */
static void
set_write_error (GError    **error,
                 const char *path,
                 const Sink *sink)
{
  int              saved_errno = sink->saved_errno != 0 ? sink->saved_errno : EIO;
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               /* Translators: the first %s is a file name, the second the system's reason. */
               _ ("Could not write the report to “%s”: %s"), name, g_strerror (saved_errno));
}

static char *
format_create_date (const GDate *generated)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) when = NULL;

  /* The time of day of the export when the report is dated today, else
   * noon of the date the report carries. */
  if (g_date_time_get_year (now) == g_date_get_year (generated) &&
      g_date_time_get_month (now) == g_date_get_month (generated) &&
      g_date_time_get_day_of_month (now) == g_date_get_day (generated))
    when = g_date_time_ref (now);
  else
    when = g_date_time_new_local (g_date_get_year (generated), g_date_get_month (generated),
                                  g_date_get_day (generated), 12, 0, 0);

  return g_date_time_format (when, "%Y-%m-%dT%H:%M:%S%:z");
}

static void
set_metadata (cairo_surface_t       *surface,
              const KoersReportData *data)
{
  KoersLanguage    lang = data->language;
  g_autofree char *period = koers_format_period (lang, &data->period);
  g_autofree char *subject = koers_report_str_format (lang, KOERS_REPORT_STR_SUBJECT, period, NULL, NULL);
  g_autofree char *created = format_create_date (&data->generated);
  g_autofree char *creator = g_strdup_printf ("Koers %s", PACKAGE_VERSION);
  const char      *organisation = data->organisation != NULL
                                    ? data->organisation
                                    : koers_report_str (lang, KOERS_REPORT_STR_OUR_ORGANISATION);
  g_autofree char *title = g_strdup_printf ("%s %s — %s", koers_report_str (lang, KOERS_REPORT_STR_TITLE),
                                            period, organisation);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, organisation);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, "OKR");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
}

/* The report's parts in order; a new part (a capacity page, the
 * escalations) is one more line here. */
static gboolean (*const sections[]) (KoersReportLayout *layout) = {
  koers_report_section_cover,
  koers_report_section_summary,
  koers_report_section_alignment,
  koers_report_section_capacity,
  koers_report_section_departments,
  koers_report_section_appendix,
};

gboolean
koers_report_run_sections (KoersReportLayout *layout)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (!sections[i](layout))
      return FALSE;

  return TRUE;
}

/* Lays the report out twice (count, then draw) into fd. */
static gboolean
render (const KoersReportData  *data,
        Sink                   *sink,
        KoersReportProgressFunc progress,
        gpointer                progress_data,
        GCancellable           *cancellable,
        GError                **error)
{
  KoersReportLayout *layout = koers_report_layout_new (data);
  cairo_surface_t   *surface;
  cairo_status_t     status;
  gboolean           completed;
  int                n_pages;

  layout->cancellable = cancellable;
  layout->progress = progress;
  layout->progress_data = progress_data;
  layout->n_units = koers_report_sections_count_units (data);

  koers_report_layout_begin_pass (layout, NULL, 0);
  completed = koers_report_run_sections (layout);
  koers_report_layout_end_pass (layout);
  n_pages = layout->page;

  /* Only a cancellation stops a pass early. */
  if (!completed || g_cancellable_is_cancelled (cancellable))
    {
      koers_report_layout_free (layout);
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return FALSE;
    }

  surface = cairo_pdf_surface_create_for_stream (write_cb, sink, KOERS_REPORT_PAGE_WIDTH,
                                                 KOERS_REPORT_PAGE_HEIGHT);
  set_metadata (surface, data);

  koers_report_layout_begin_pass (layout, surface, n_pages);
  completed = koers_report_run_sections (layout);
  koers_report_layout_end_pass (layout);
  /* The same code laid out the same data: the pages must agree. */
  g_warn_if_fail (!completed || layout->page == n_pages);
  koers_report_layout_free (layout);

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!completed)
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      if (sink->saved_errno == 0)
        sink->saved_errno = EIO;
      return FALSE;
    }

  return TRUE;
}

/* The report's errors are GIO's, as GIO's own writers would give. */
static gboolean
propagate_file_error (GError **error,
                      GError  *file_error)
{
  if (file_error->domain == G_FILE_ERROR)
    {
      file_error->domain = G_IO_ERROR;
      file_error->code = g_io_error_from_file_error (file_error->code);
    }
  g_propagate_error (error, file_error);
  return FALSE;
}

static gboolean
write_data (const KoersReportData  *data,
            const char             *path,
            KoersReportProgressFunc progress,
            gpointer                progress_data,
            GCancellable           *cancellable,
            GError                **error)
{
  g_autoptr (KoersAtomicFile) file = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree guint8 *buffer = g_malloc (SINK_BUFFER_SIZE);
  Sink               sink = { -1, 0, buffer, 0 };

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Written beside the target and renamed over it when whole: a reader
   * never sees half a report, and a failure leaves nothing. */
  file = koers_atomic_file_new (path, KOERS_ATOMIC_FILE_DEFAULT, &local_error);
  if (file == NULL)
    return propagate_file_error (error, g_steal_pointer (&local_error));
  sink.fd = koers_atomic_file_get_fd (file);

  if (progress != NULL)
    progress (0.0, progress_data);

  if (!render (data, &sink, progress, progress_data, cancellable, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_write_error (error, path, &sink);
      return FALSE;
    }
  if (!sink_flush (&sink))
    {
      set_write_error (error, path, &sink);
      return FALSE;
    }
  if (!koers_atomic_file_commit (file, &local_error))
    return propagate_file_error (error, g_steal_pointer (&local_error));

  if (progress != NULL)
    progress (1.0, progress_data);

  return TRUE;
}

static gboolean
load_period (KoersStore               *store,
             const KoersReportOptions *opts,
             const KoersPeriod        *period,
             GError                  **error)
{
  if (opts->n_department_ids > 0)
    return koers_store_load_period_departments (store, period, opts->department_ids,
                                                opts->n_department_ids, error);
  return koers_store_load_period (store, period, error);
}

/* A lazily opened store reads the period's objectives now: only those of
 * the report's departments (and the company's) when it names some. */
gboolean
koers_report_load_model (KoersStore               *store,
                         const KoersReportOptions *opts,
                         GError                  **error)
{
  KoersStoreCheckins before;
  KoersPeriod        previous;
  gboolean           ok;

  g_return_val_if_fail (KOERS_IS_STORE (store), FALSE);
  g_return_val_if_fail (opts != NULL, FALSE);

  /* Its charts and notes read every check-in: with the period, in one
   * query, not a summary first nor one query per key result. */
  before = koers_store_set_period_checkins (store, KOERS_STORE_CHECKINS_LISTS);
  ok = load_period (store, opts, &opts->period, error);
  koers_store_set_period_checkins (store, before);
  /* Those of a period read before, and those with none. */
  ok = ok && koers_store_load_checkins (store, error);

  /* The period before, for each department's change since then: its
   * objectives' scores, read after the check-in lists so it reads none. */
  koers_period_previous (&opts->period, &previous);
  return ok && load_period (store, opts, &previous, error);
}

gboolean
koers_report_write_pdf (KoersStore               *store,
                        const KoersReportOptions *opts,
                        const char               *path,
                        KoersReportProgressFunc   progress,
                        gpointer                  progress_data,
                        GCancellable             *cancellable,
                        GError                  **error)
{
  g_autoptr (KoersReportData) data = NULL;

  g_return_val_if_fail (KOERS_IS_STORE (store), FALSE);
  g_return_val_if_fail (opts != NULL, FALSE);
  g_return_val_if_fail (g_date_valid (&opts->period.start) && g_date_valid (&opts->period.end), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!koers_report_load_model (store, opts, error))
    return FALSE;
  data = koers_report_data_collect (store, opts);
  return write_data (data, path, progress, progress_data, cancellable, error);
}

/* The progress callback of the async variant, shared by the worker and
 * the main-context sources that carry each fraction over. */
typedef struct
{
  KoersReportProgressFunc func;
  gpointer                data;
  GDestroyNotify          destroy;
  GMainContext           *context;
  double                  last_sent;
} Progress;

/* What the last reference to a Progress (a g_atomic_rc_box) lets go. */
static void
progress_clear (gpointer p)
{
  Progress *progress = p;

  if (progress->destroy != NULL)
    progress->destroy (progress->data);
  g_main_context_unref (progress->context);
}

typedef struct
{
  Progress *progress;
  double    fraction;
} ProgressUpdate;

static void
progress_update_free (gpointer p)
{
  ProgressUpdate *update = p;

  g_atomic_rc_box_release_full (update->progress, progress_clear);
  g_free (update);
}

static gboolean
deliver_progress_cb (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  update->progress->func (update->fraction, update->progress->data);
  return G_SOURCE_REMOVE;
}

static void
forward_progress_cb (double   fraction,
                     gpointer user_data)
{
  Progress       *progress = user_data;
  ProgressUpdate *update;
  GSource        *source;

  /* Every percent is plenty for a progress bar. */
  if (fraction < 1.0 && fraction > 0.0 && fraction - progress->last_sent < 0.01)
    return;
  progress->last_sent = fraction;

  update = g_new (ProgressUpdate, 1);
  update->progress = g_atomic_rc_box_acquire (progress);
  update->fraction = fraction;
  /* An idle source, not g_main_context_invoke(): that runs the callback
   * right here, in the worker, whenever the context is free to take. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_progress_cb, update, progress_update_free);
  g_source_set_static_name (source, "[koers] report progress");
  g_source_attach (source, progress->context);
  g_source_unref (source);
}

typedef struct
{
  KoersReportData *data;
  char            *path;
  Progress        *progress;
} WriteTask;

static void
write_task_free (gpointer p)
{
  WriteTask *task = p;

  koers_report_data_free (task->data);
  g_free (task->path);
  if (task->progress != NULL)
    g_atomic_rc_box_release_full (task->progress, progress_clear);
  g_free (task);
}

static void
write_thread_cb (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  WriteTask *write = task_data;
  GError    *error = NULL;

  if (write_data (write->data, write->path,
                  write->progress != NULL ? forward_progress_cb : NULL, write->progress,
                  cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
koers_report_write_pdf_async (KoersStore               *store,
                              const KoersReportOptions *opts,
                              const char               *path,
                              KoersReportProgressFunc   progress,
                              gpointer                  progress_data,
                              GDestroyNotify            progress_destroy,
                              GCancellable             *cancellable,
                              GAsyncReadyCallback       callback,
                              gpointer                  user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) load_error = NULL;
  WriteTask *write;

  g_return_if_fail (KOERS_IS_STORE (store));
  g_return_if_fail (opts != NULL);
  g_return_if_fail (g_date_valid (&opts->period.start) && g_date_valid (&opts->period.end));
  g_return_if_fail (path != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, koers_report_write_pdf_async);
  if (!koers_report_load_model (store, opts, &load_error))
    {
      g_task_return_error (task, g_steal_pointer (&load_error));
      return;
    }

  write = g_new0 (WriteTask, 1);
  /* The snapshot is taken here, on the store's thread; the worker only
   * reads the copy. */
  write->data = koers_report_data_collect (store, opts);
  write->path = g_strdup (path);
  if (progress != NULL)
    {
      write->progress = g_atomic_rc_box_new0 (Progress);
      write->progress->func = progress;
      write->progress->data = progress_data;
      write->progress->destroy = progress_destroy;
      write->progress->context = g_main_context_ref_thread_default ();
    }
  else if (progress_destroy != NULL)
    {
      progress_destroy (progress_data);
    }

  g_task_set_task_data (task, write, write_task_free);
  g_task_run_in_thread (task, write_thread_cb);
}

gboolean
koers_report_write_pdf_finish (KoersStore   *store,
                               GAsyncResult *result,
                               GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == koers_report_write_pdf_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
