/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "core/koers-date.h"
#include "core/koers-scoring.h"
#include "io/report/koers-report.h"
#include "io/report/koers-report-strings.h"
#include "io/koers-demo.h"

/* Writes the board report of a demo company with about 200 key results N
 * times and prints the median wall time and the peak RSS.  --csv writes
 * the same rows in the reporting template's columns, for a peer (LibreOffice)
 * to turn into a PDF in build-aux/bench-report.sh.
 *
 *   bench-report [--runs N] [--csv FILE] [--output PDF] [--language nl] */

static int   runs = 10;
static char *csv_path = NULL;
static char *output_path = NULL;
static char *language = NULL;
static char *keep_database = NULL;

static const GOptionEntry entries[] = {
  { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "How many times to write the report", "N" },
  { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_path, "Also write the rows as CSV", "FILE" },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path, "Keep the last PDF here", "PDF" },
  { "language", 0, 0, G_OPTION_ARG_STRING, &language, "Report language (en, nl)", "LANG" },
  { "keep-database", 0, 0, G_OPTION_ARG_FILENAME, &keep_database,
    "Write the benchmark database here (a new file) and keep it, so `koers --export-pdf` can be timed on it", "FILE" },
  { NULL }
};

G_NORETURN static void
die (const char *what,
     GError     *error)
{
  g_printerr ("bench-report: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

/* The demo has the seed's ~50 key results; three more copies of each of
 * the quarter's objectives, check-ins included, make ~200. */
static void
grow_demo (KoersStore *store,
           guint       copies)
{
  GListModel *objectives = koers_store_get_objectives (store);
  g_autoptr (GPtrArray) originals = g_ptr_array_new_with_free_func (g_object_unref);
  GError *error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    g_ptr_array_add (originals, g_list_model_get_item (objectives, i));

  for (guint c = 2; c < copies + 2; c++)
    {
      for (guint i = 0; i < originals->len; i++)
        {
          KoersObjective  *original = g_ptr_array_index (originals, i);
          GListModel      *krs = koers_objective_get_key_results (original);
          g_autofree char *title = g_strdup_printf ("%s (%u)", koers_objective_get_title (original), c);
          g_autoptr (KoersObjective) copy = koers_objective_new (title, koers_objective_get_level (original),
                                                                 koers_objective_get_kind (original),
                                                                 koers_objective_get_period (original));

          koers_objective_set_department_id (copy, koers_objective_get_department_id (original));
          koers_objective_set_owner (copy, koers_objective_get_owner (original));
          koers_objective_set_aligned_to_id (copy, koers_objective_get_aligned_to_id (original));
          if (!koers_store_add_objective (store, copy, &error))
            die ("adding an objective", error);

          for (guint k = 0; k < g_list_model_get_n_items (krs); k++)
            {
              g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, k);
              GListModel *checkins = koers_key_result_get_checkins (kr);
              g_autoptr (KoersKeyResult) kr_copy = NULL;

              kr_copy = koers_key_result_new (koers_key_result_get_title (kr), koers_key_result_get_metric_kind (kr),
                                              koers_key_result_get_start_value (kr),
                                              koers_key_result_get_target_value (kr),
                                              koers_key_result_get_unit (kr));
              koers_key_result_set_owner (kr_copy, koers_key_result_get_owner (kr));
              koers_key_result_set_due_date (kr_copy, koers_key_result_get_due_date (kr));
              koers_key_result_set_current_value (kr_copy, koers_key_result_get_start_value (kr));
              if (!koers_store_add_key_result (store, copy, kr_copy, &error))
                die ("adding a key result", error);
              for (guint j = 0; j < g_list_model_get_n_items (checkins); j++)
                {
                  g_autoptr (KoersCheckin) checkin = g_list_model_get_item (checkins, j);
                  g_autoptr (KoersCheckin) checkin_copy = NULL;

                  checkin_copy = koers_checkin_new (koers_checkin_get_date (checkin),
                                                    koers_checkin_get_value (checkin),
                                                    koers_checkin_get_status (checkin),
                                                    koers_checkin_get_note (checkin));
                  if (!koers_store_add_checkin (store, kr_copy, checkin_copy, &error))
                    die ("adding a check-in", error);
                }
            }
        }
    }
}

static void
csv_field (GString    *out,
           const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* The reporting template's rows, as the report's department tables show
 * them. */
static guint
write_csv (KoersStore        *store,
           const KoersPeriod *period,
           KoersLanguage      lang,
           const char        *path)
{
  static const KoersReportStr columns[] = {
    KOERS_REPORT_STR_COL_LEVEL,
    KOERS_REPORT_STR_COL_OBJECTIVE,
    KOERS_REPORT_STR_COL_KEY_RESULT,
    KOERS_REPORT_STR_COL_START,
    KOERS_REPORT_STR_COL_TARGET,
    KOERS_REPORT_STR_COL_CURRENT,
    KOERS_REPORT_STR_COL_STATUS,
    KOERS_REPORT_STR_COL_OWNER,
  };
  GListModel *objectives = koers_store_get_objectives (store);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  GDate today;
  guint n_rows = 0;

  koers_date_today (&today);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *label = g_strdup (koers_report_str (lang, columns[i]));

      if (i > 0)
        g_string_append_c (out, ',');
      csv_field (out, label);
    }
  g_string_append_c (out, '\n');

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);
      GListModel *krs = koers_objective_get_key_results (objective);
      KoersPeriod own;
      double      expected;

      if (!koers_objective_get_parsed_period (objective, &own) || !koers_period_overlaps (&own, period))
        continue;
      expected = koers_score_expected_progress (&own, &today);

      for (guint k = 0; k < g_list_model_get_n_items (krs); k++)
        {
          g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, k);
          KoersCheckin    *latest = koers_key_result_get_latest_checkin (kr);
          KoersMetricKind  kind = koers_key_result_get_metric_kind (kr);
          const char      *unit = koers_key_result_get_unit (kr);
          g_autofree char *start = koers_format_metric (lang, kind, unit, koers_key_result_get_start_value (kr));
          g_autofree char *target = koers_format_metric (lang, kind, unit, koers_key_result_get_target_value (kr));
          g_autofree char *current = koers_format_metric (lang, kind, unit, koers_key_result_get_current_value (kr));
          KoersKrStatus    status = koers_score_key_result_status (koers_key_result_get_progress (kr),
                                                                latest != NULL ? koers_checkin_get_status (latest)
                                                                                  : KOERS_CHECKIN_STATUS_NONE,
                                                                   expected);

          csv_field (out, koers_report_level_label (lang, koers_objective_get_level (objective)));
          g_string_append_c (out, ',');
          csv_field (out, koers_objective_get_title (objective));
          g_string_append_c (out, ',');
          csv_field (out, koers_key_result_get_title (kr));
          g_string_append_c (out, ',');
          csv_field (out, start);
          g_string_append_c (out, ',');
          csv_field (out, target);
          g_string_append_c (out, ',');
          csv_field (out, current);
          g_string_append_c (out, ',');
          csv_field (out, koers_report_status_label (lang, status));
          g_string_append_c (out, ',');
          csv_field (out, koers_key_result_get_owner (kr) != NULL ? koers_key_result_get_owner (kr)
                                                                  : koers_objective_get_owner (objective));
          g_string_append_c (out, '\n');
          n_rows++;
        }
    }

  if (!g_file_set_contents (path, out->str, out->len, &error))
    die ("writing the CSV", error);

  return n_rows;
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1
                            : 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("— time the PDF report");
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersStore) store = NULL;
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char   *dir = NULL;
  g_autofree char   *db_path = NULL;
  g_autofree char   *pdf_path = NULL;
  KoersLanguage      lang;
  KoersReportOptions opts;
  KoersPeriod        period;
  struct rusage      usage;
  GDate              today;
  guint              n_key_results = 0;
  GListModel        *objectives;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  runs = MAX (runs, 1);
  lang = language != NULL ? koers_language_from_string (language) : KOERS_LANGUAGE_EN;

  /* The same demo every time: the demo follows KOERS_TODAY. */
  g_setenv ("KOERS_TODAY", "2026-05-15", FALSE);
  dir = g_dir_make_tmp ("koers-bench-report-XXXXXX", &error);
  if (dir == NULL)
    die ("temporary folder", error);
  db_path = keep_database != NULL ? g_strdup (keep_database) : g_build_filename (dir, "demo.db", NULL);
  if (!koers_demo_create (db_path, lang, &error))
    die ("demo database", error);
  store = koers_store_open (db_path, &error);
  if (store == NULL)
    die ("opening the demo", error);
  grow_demo (store, 3);

  koers_date_today (&today);
  koers_period_init_for_date (&period, &today);
  objectives = koers_store_get_objectives (store);
  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);
      KoersPeriod own;

      if (koers_objective_get_parsed_period (objective, &own) && koers_period_overlaps (&own, &period))
        n_key_results += g_list_model_get_n_items (koers_objective_get_key_results (objective));
    }

  koers_report_options_init (&opts, &period);
  opts.language = lang;
  pdf_path = output_path != NULL ? g_strdup (output_path) : g_build_filename (dir, "report.pdf", NULL);

  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_seconds ();
      double seconds;

      if (!koers_report_write_pdf (store, &opts, pdf_path, NULL, NULL, NULL, &error))
        die ("writing the report", error);
      seconds = (g_get_monotonic_time () - start) / 1e6;
      g_array_append_val (times, seconds);
      seconds = cpu_seconds () - cpu_start;
      g_array_append_val (cpu_times, seconds);
    }
  g_array_sort (times, compare_doubles);
  g_array_sort (cpu_times, compare_doubles);
  getrusage (RUSAGE_SELF, &usage);

  g_print ("key_results %u\n", n_key_results);
  g_print ("runs %d\n", runs);
  g_print ("median_seconds %.3f\n", g_array_index (times, double, times->len / 2));
  g_print ("min_seconds %.3f\n", g_array_index (times, double, 0));
  /* CPU time says the same on a busy machine, where wall time does not. */
  g_print ("median_cpu_seconds %.3f\n", g_array_index (cpu_times, double, cpu_times->len / 2));
  g_print ("peak_rss_mib %.1f\n", usage.ru_maxrss / 1024.0);

  if (csv_path != NULL)
    g_print ("csv_rows %u\n", write_csv (store, &period, lang, csv_path));

  g_clear_object (&store);
  if (keep_database == NULL)
    g_unlink (db_path);
  if (output_path == NULL)
    g_unlink (pdf_path);
  {
    /* The WAL files go with the last connection; anything else is ours. */
    g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);

        g_unlink (child);
      }
  }
  g_rmdir (dir);

  return 0;
}
