/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/koers-atomic-file.h"
#include "core/koers-date.h"
#include "koers-html-private.h"
#include "koers-io-resources.h"

#define CSS_RESOURCE "/io/github/koersapp/Koers/io/html/koers-dashboard.css"

/* Shapes in the order of KoersKrStatus, after the PDF's symbols: a grey
 * print or a colour-blind reader still tells them apart. */
static const char *const status_shapes[] = {
  [KOERS_KR_STATUS_IN_PROGRESS] = "◐",
  [KOERS_KR_STATUS_ON_TRACK] = "●",
  [KOERS_KR_STATUS_ACHIEVED] = "✔",
  [KOERS_KR_STATUS_AT_RISK] = "▲",
  [KOERS_KR_STATUS_OFF_TRACK] = "✖",
};

static const char *const kpi_shapes[] = {
  [KOERS_KPI_STATUS_NONE] = "○",
  [KOERS_KPI_STATUS_HEALTHY] = "●",
  [KOERS_KPI_STATUS_NEEDS_ATTENTION] = "▲",
  [KOERS_KPI_STATUS_UNHEALTHY] = "✖",
};

void
koers_html_heading (KoersHtml  *html,
                    int         level,
                    const char *id,
                    const char *text)
{
  g_string_append_printf (html->out, "<h%d", level);
  if (id != NULL)
    g_string_append_printf (html->out, " id=\"%s\"", id);
  g_string_append_c (html->out, '>');
  koers_html_append_user_text (html->out, text);
  g_string_append_printf (html->out, "</h%d>\n", level);
}

void
koers_html_word (KoersHtml     *html,
                 KoersReportStr id)
{
  koers_html_append_text (html->out, koers_report_str (html->lang, id));
}

/* A status as its shape and its word, in the class the style sheet colours
 * (prefix and the status's number). */
static void
append_status (KoersHtml  *html,
               const char *prefix,
               int         status,
               const char *shape,
               const char *label)
{
  g_string_append_printf (html->out, "<span class=\"st %s%d\"><span aria-hidden=\"true\">%s</span> ",
                          prefix, status, shape);
  koers_html_append_text (html->out, label);
  g_string_append (html->out, "</span>");
}

void
koers_html_status (KoersHtml    *html,
                   KoersKrStatus status)
{
  KoersKrStatus shown = (guint) status < G_N_ELEMENTS (status_shapes) ? status : KOERS_KR_STATUS_IN_PROGRESS;

  append_status (html, "st", shown, status_shapes[shown], koers_report_status_label (html->lang, shown));
}

void
koers_html_kpi_status (KoersHtml     *html,
                       KoersKpiStatus status)
{
  KoersKpiStatus shown = (guint) status < G_N_ELEMENTS (kpi_shapes) ? status : KOERS_KPI_STATUS_NONE;

  append_status (html, "kst", shown, kpi_shapes[shown], koers_report_kpi_status_label (html->lang, shown));
}

void
koers_html_column_heads (KoersHtml            *html,
                         const KoersReportStr *columns,
                         guint                 n_columns)
{
  g_string_append (html->out, "<thead><tr>");
  for (guint i = 0; i < n_columns; i++)
    {
      g_string_append (html->out, "<th scope=\"col\">");
      koers_html_word (html, columns[i]);
      g_string_append (html->out, "</th>");
    }
  g_string_append (html->out, "</tr></thead>\n");
}

void
koers_html_open_table (KoersHtml            *html,
                       const char           *klass,
                       const char           *caption,
                       const KoersReportStr *columns,
                       guint                 n_columns)
{
  g_string_append_printf (html->out, "<table class=\"%s\"><caption>", klass);
  koers_html_append_text (html->out, caption);
  g_string_append (html->out, "</caption>\n");
  koers_html_column_heads (html, columns, n_columns);
}

void
koers_html_open_cell (KoersHtml     *html,
                      KoersReportStr column,
                      const char    *klass)
{
  g_string_append (html->out, "<td");
  if (klass != NULL)
    g_string_append_printf (html->out, " class=\"%s\"", klass);
  g_string_append (html->out, " data-label=\"");
  koers_html_word (html, column);
  g_string_append (html->out, "\">");
}

void
koers_html_figure (KoersHtml         *html,
                   const char        *alt,
                   double             w,
                   KoersHtmlChartDraw draw,
                   gconstpointer      item)
{
  g_string_append (html->out, "<figure>");
  koers_html_svg_append (&html->charts, html->out, alt, w, draw, item);
  g_string_append (html->out, "</figure>\n");
}

/* "Data as of 30 June 2026, 14:05": the last change the file records. */
static void
append_data_time (KoersHtml  *html,
                  KoersStore *store)
{
  gint64           usec = 0;
  g_autofree char *when = NULL;
  g_autofree char *line = NULL;
  g_autofree char *iso = NULL;

  if (!koers_store_get_last_change_time (store, &usec, NULL))
    usec = 0;

  if (usec > 0)
    {
      g_autoptr (GDateTime) time = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);
      g_autofree char *date = NULL;
      g_autofree char *clock = g_date_time_format (time, "%H:%M");
      GDate            day;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (time), g_date_time_get_month (time),
                      g_date_time_get_year (time));
      date = koers_format_date (html->lang, &day);
      when = g_strdup_printf ("%s, %s", date, clock);
      iso = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");
      line = koers_report_text_expand (koers_html_str (html->lang, KOERS_HTML_STR_DATA_AS_OF), when,
                                       NULL, NULL);
    }
  else
    {
      when = koers_format_date (html->lang, &html->data->generated);
      iso = koers_date_format_iso (&html->data->generated);
      line = koers_report_text_expand (koers_html_str (html->lang, KOERS_HTML_STR_NO_DATA_TIME), when,
                                       NULL, NULL);
    }

  g_string_append_printf (html->out, "<p class=\"asof\"><time datetime=\"%s\">", iso);
  koers_html_append_text (html->out, line);
  g_string_append (html->out, "</time></p>\n");
}

static void
append_head (KoersHtml  *html,
             const char *organisation,
             const char *period)
{
  g_autoptr (GBytes) css = g_resource_lookup_data (koers_io_get_resource (), CSS_RESOURCE,
                                                   G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  GString *out = html->out;

  g_string_append_printf (out,
                          "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                          "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
                          "<meta name=\"color-scheme\" content=\"light dark\">\n"
                          "<meta name=\"generator\" content=\"Koers\">\n<title>",
                          html->lang == KOERS_LANGUAGE_NL ? "nl" : "en");
  koers_html_append_text (out, organisation);
  g_string_append (out, " · ");
  koers_html_append_text (out, koers_html_str (html->lang, KOERS_HTML_STR_TITLE));
  g_string_append (out, " · ");
  koers_html_append_text (out, period);
  g_string_append (out, "</title>\n<style>\n");
  if (css != NULL)
    g_string_append_len (out, g_bytes_get_data (css, NULL), g_bytes_get_size (css));
  g_string_append (out, "</style>\n</head>\n<body>\n");
}

static void
append_nav_item (KoersHtml  *html,
                 const char *id,
                 const char *text)
{
  g_string_append_printf (html->out, "<li><a href=\"#%s\">", id);
  koers_html_append_text (html->out, text);
  g_string_append (html->out, "</a></li>");
}

static void
append_header (KoersHtml  *html,
               KoersStore *store,
               const char *organisation,
               const char *period)
{
  const KoersReportData *data = html->data;
  GString               *out = html->out;

  g_string_append (out, "<header>\n<p class=\"org\">");
  koers_html_append_user_text (out, organisation);
  g_string_append (out, "</p>\n<h1>");
  koers_html_append_text (out, koers_html_str (html->lang, KOERS_HTML_STR_TITLE));
  g_string_append (out, " <span class=\"period\">");
  koers_html_append_text (out, period);
  g_string_append (out, "</span></h1>\n<p class=\"scope\">");
  if (data->whole_company)
    koers_html_word (html, KOERS_REPORT_STR_WHOLE_COMPANY);
  for (guint i = 0; !data->whole_company && i < data->departments->len; i++)
    {
      const KoersReportDepartment *dept = g_ptr_array_index (data->departments, i);

      if (i > 0)
        g_string_append (out, ", ");
      koers_html_append_user_text (out, dept->name);
    }
  g_string_append (out, "</p>\n");
  append_data_time (html, store);
  g_string_append (out, "</header>\n<nav aria-label=\"");
  koers_html_append_text (out, koers_html_str (html->lang, KOERS_HTML_STR_CONTENTS));
  g_string_append (out, "\"><ul>");
  append_nav_item (html, "summary", koers_report_str (html->lang, KOERS_REPORT_STR_SUMMARY));
  append_nav_item (html, "attention", koers_html_str (html->lang, KOERS_HTML_STR_NEEDS_ATTENTION));
  append_nav_item (html, "alignment", koers_report_str (html->lang, KOERS_REPORT_STR_ALIGNMENT));
  append_nav_item (html, "departments", koers_report_str (html->lang, KOERS_REPORT_STR_DEPARTMENTS));
  g_string_append (out, "</ul></nav>\n");
}

static GBytes *
render_data (KoersStore            *store,
             const KoersReportData *data)
{
  KoersHtml        html = { 0 };
  g_autofree char *period = koers_format_period (data->language, &data->period);
  const char      *organisation = data->organisation != NULL
                                    ? data->organisation
                                    : koers_report_str (data->language, KOERS_REPORT_STR_OUR_ORGANISATION);
  g_autofree char *footer = NULL;
  g_autofree char *date = koers_format_date (data->language, &data->generated);
  GString         *out = g_string_sized_new (64 * 1024);

  html.data = data;
  html.lang = data->language;
  html.out = out;
  html.charts.layout = koers_report_layout_new (data);

  append_head (&html, organisation, period != NULL ? period : "");
  append_header (&html, store, organisation, period != NULL ? period : "");
  g_string_append (out, "<main>\n");
  koers_html_section_summary (&html);
  koers_html_section_attention (&html);
  koers_html_section_alignment (&html);
  koers_html_section_departments (&html);
  g_string_append (out, "</main>\n<footer><p>");
  footer = koers_report_str_format (html.lang, KOERS_REPORT_STR_EXPECTED_NOTE, date, NULL, NULL);
  koers_html_append_text (out, footer);
  g_string_append (out, "</p></footer>\n</body>\n</html>\n");

  koers_report_layout_free (html.charts.layout);
  return g_string_free_to_bytes (out);
}

GBytes *
koers_html_render (KoersStore               *store,
                   const KoersReportOptions *opts,
                   GError                  **error)
{
  g_autoptr (KoersReportData) data = NULL;

  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (opts != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!koers_report_load_model (store, opts, error))
    return NULL;
  data = koers_report_data_collect (store, opts);
  return render_data (store, data);
}

gboolean
koers_html_write (KoersStore               *store,
                  const KoersReportOptions *opts,
                  const char               *path,
                  GError                  **error)
{
  g_autoptr (GBytes) page = NULL;
  gsize         length;
  gconstpointer bytes;

  g_return_val_if_fail (path != NULL, FALSE);

  page = koers_html_render (store, opts, error);
  if (page == NULL)
    return FALSE;
  bytes = g_bytes_get_data (page, &length);
  return koers_atomic_file_set_contents (path, bytes, length, KOERS_ATOMIC_FILE_DEFAULT, error);
}
