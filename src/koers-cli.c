/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib/gi18n.h>

#include "core/koers-atomic-file.h"
#include "core/koers-author.h"
#include "core/koers-date.h"
#include "core/koers-due.h"
#include "core/koers-format.h"
#include "core/koers-period.h"
#include "core/koers-quality.h"
#include "core/koers-text.h"
#include "io/koers-csv-import.h"
#include "io/koers-csv.h"
#include "io/koers-export-filter.h"
#include "io/koers-json.h"
#include "io/html/koers-html.h"
#include "io/report/koers-report.h"
#include "io/koers-demo.h"
#include "store/koers-store-review.h"
#include "store/koers-store-rhythm.h"
#include "store/koers-store-server.h"
#include "koers-settings.h"
#include "koers-cli.h"
#include "koers-heap.h"

#define EXIT_FAILED 1
#define EXIT_USAGE 2

/* What a command reads besides its own argument.  An option a command
 * does not read is refused rather than ignored: a silently ignored
 * --period would produce a file the user did not ask for. */
typedef enum
{
  MODIFIER_DATABASE = 1 << 0,
  MODIFIER_PERIOD = 1 << 1,
  MODIFIER_DEPARTMENTS = 1 << 2,
  MODIFIER_LANGUAGE = 1 << 3,
  MODIFIER_MERGE = 1 << 4,
  MODIFIER_DRY_RUN = 1 << 5,
  MODIFIER_OWNER = 1 << 6,
  MODIFIER_ROLE = 1 << 7,
  MODIFIER_DEPARTMENT = 1 << 8,
} Modifiers;

typedef struct
{
  const char *target;   /* the command's FILE, NULL for a flag */
  const char *database; /* --database, for a command that opens it itself */
  KoersStore *store;    /* open when the command reads the database */
  gboolean    has_period;
  KoersPeriod period;         /* the current quarter when not given */
  char       *period_key;     /* NULL when not given */
  char      **departments;    /* names as given, NULL for the whole company */
  GArray     *department_ids; /* theirs and their teams', as the sidebar
                               * orders them; NULL for the whole company */
  KoersLanguage language;
  gboolean      has_language; /* given with --language */
  gboolean      merge;
  gboolean      dry_run;
  gboolean      only_reads; /* the store was opened to read (writes nothing) */
  char         *owner;      /* --owner, NULL when not given */
  char         *role;       /* --role, NULL when not given */
  char         *department; /* --department, NULL when not given */
} Invocation;

typedef int (*CommandFunc) (Invocation *invocation,
                            GError    **error);

/* What a command reads of a database before it runs. */
typedef enum
{
  SCOPE_PERIOD, /* the objectives of the command's period, with only
                 * their latest check-ins (the check's status line) and the
                 * lists the escalation rule reads, without the KPIs (the
                 * quality check reads none) */
  SCOPE_ALL,    /* every objective */
  SCOPE_OWN,    /* the command reads what it needs itself */
} Scope;

typedef struct
{
  const char *name; /* the long option */
  GOptionArg  arg;  /* G_OPTION_ARG_FILENAME or G_OPTION_ARG_NONE */
  const char *description;
  const char *arg_description;
  Modifiers   modifiers;
  CommandFunc run;
  Scope       scope;
  /* A command that only reads refuses a database that is not there,
   * rather than create an empty one from a typo. */
  gboolean creates_database;
  /* --due ends with 1 when something is due, so its errors end with 2. */
  gboolean errors_exit_usage;
  /* The command opens --database itself (a server, not a file). */
  gboolean opens_server;
  /* The command lays out text (a PDF): the fonts are made ready while it
   * opens the database (koers_report_warm_fonts()). */
  gboolean draws_text;
  /* The heap the command typically touches, populated at once when it
   * starts (koers_heap_populate()); 0: none.  Measured: the board report
   * of 204 key results 4 % faster with 8 MiB, a large company's
   * department check 12 % with 4 MiB (the demo's unchanged). */
  guint heap_mib;
} Command;

static int run_export_pdf (Invocation *invocation, GError **error);
static int run_export_html (Invocation *invocation, GError **error);
static int run_export_json (Invocation *invocation, GError **error);
static int run_export_csv (Invocation *invocation, GError **error);
static int run_import_json (Invocation *invocation, GError **error);
static int run_import_csv (Invocation *invocation, GError **error);
static int run_check (Invocation *invocation, GError **error);
static int run_create_demo (Invocation *invocation, GError **error);
static int run_due (Invocation *invocation, GError **error);
static int run_server_setup (Invocation *invocation, GError **error);
static int run_grant (Invocation *invocation, GError **error);
static int run_revoke (Invocation *invocation, GError **error);

/* A new command is a row here and a run_*() function. */
static const Command commands[] = {
  {
    "export-pdf",
    G_OPTION_ARG_FILENAME,
    N_ ("Write the OKR report of a period as a PDF to FILE and exit"),
    N_ ("FILE"),
    MODIFIER_DATABASE | MODIFIER_PERIOD | MODIFIER_DEPARTMENTS | MODIFIER_LANGUAGE,
    run_export_pdf,
    SCOPE_OWN,
    .draws_text = TRUE,
    .heap_mib = 8,
  },
  {
    "export-html",
    G_OPTION_ARG_FILENAME,
    N_ ("Write the OKR dashboard of a period as one HTML page to FILE and exit"),
    N_ ("FILE"),
    MODIFIER_DATABASE | MODIFIER_PERIOD | MODIFIER_DEPARTMENTS | MODIFIER_LANGUAGE,
    run_export_html,
    SCOPE_OWN,
  },
  {
    "export-json",
    G_OPTION_ARG_FILENAME,
    N_ ("Export objectives, key results and check-ins as JSON to FILE and exit"),
    N_ ("FILE"),
    MODIFIER_DATABASE | MODIFIER_PERIOD | MODIFIER_DEPARTMENTS,
    run_export_json,
    SCOPE_OWN,
  },
  {
    "import-json",
    G_OPTION_ARG_FILENAME,
    N_ ("Import a JSON file made by --export-json into the database and exit"),
    N_ ("FILE"),
    MODIFIER_DATABASE | MODIFIER_MERGE,
    run_import_json,
    /* The import looks rows up itself, in its write transaction. */
    SCOPE_OWN,
    TRUE,
  },
  {
    "export-csv",
    G_OPTION_ARG_FILENAME,
    N_ ("Export the key results as CSV (the reporting template) to FILE and exit"),
    N_ ("FILE"),
    MODIFIER_DATABASE | MODIFIER_PERIOD | MODIFIER_DEPARTMENTS | MODIFIER_LANGUAGE,
    run_export_csv,
    SCOPE_OWN,
  },
  {
    "import-csv",
    G_OPTION_ARG_FILENAME,
    N_ ("Import key results from a spreadsheet’s CSV (the reporting template) into the "
        "database and exit"),
    N_ ("FILE"),
    MODIFIER_DATABASE | MODIFIER_PERIOD | MODIFIER_LANGUAGE | MODIFIER_DRY_RUN,
    run_import_csv,
    /* The import reads the period it writes into itself. */
    SCOPE_OWN,
    TRUE,
  },
  {
    "check",
    G_OPTION_ARG_NONE,
    N_ ("Check a period’s OKRs for quality, print the findings and exit"),
    NULL,
    MODIFIER_DATABASE | MODIFIER_PERIOD | MODIFIER_DEPARTMENTS | MODIFIER_LANGUAGE,
    run_check,
    SCOPE_PERIOD,
    .heap_mib = 4,
  },
  {
    "create-demo",
    G_OPTION_ARG_FILENAME,
    N_ ("Write a demo database with example OKRs to FILE and exit"),
    N_ ("FILE"),
    MODIFIER_LANGUAGE,
    run_create_demo,
    SCOPE_OWN,
  },
  {
    "due",
    G_OPTION_ARG_NONE,
    N_ ("Print the key results, KPIs and reviews that wait for a check-in and exit "
        "(status 1 when something is due)"),
    NULL,
    MODIFIER_DATABASE | MODIFIER_LANGUAGE | MODIFIER_OWNER,
    run_due,
    /* This quarter's objectives and the KPIs: run_due() reads them. */
    SCOPE_OWN,
    FALSE,
    TRUE,
  },
  {
    "server-setup",
    G_OPTION_ARG_NONE,
    N_ ("Set up an empty PostgreSQL database given with --database (schema, roles, "
        "policies) as the company server and exit"),
    NULL,
    MODIFIER_DATABASE,
    run_server_setup,
    SCOPE_OWN,
    TRUE,
    FALSE,
    TRUE,
  },
  {
    "grant",
    G_OPTION_ARG_FILENAME,
    N_ ("On the company server given with --database: give PERSON the --role (and "
        "--department) and exit"),
    N_ ("PERSON"),
    MODIFIER_DATABASE | MODIFIER_ROLE | MODIFIER_DEPARTMENT,
    run_grant,
    SCOPE_OWN,
    TRUE,
    FALSE,
    TRUE,
  },
  {
    "revoke",
    G_OPTION_ARG_FILENAME,
    N_ ("On the company server given with --database: take PERSON’s role away and exit"),
    N_ ("PERSON"),
    MODIFIER_DATABASE,
    run_revoke,
    SCOPE_OWN,
    TRUE,
    FALSE,
    TRUE,
  },
};

static const struct
{
  const char *name;
  Modifiers   modifier;
} modifier_names[] = {
  { "database", MODIFIER_DATABASE },
  { "period", MODIFIER_PERIOD },
  { "departments", MODIFIER_DEPARTMENTS },
  { "language", MODIFIER_LANGUAGE },
  { "merge", MODIFIER_MERGE },
  { "dry-run", MODIFIER_DRY_RUN },
  { "owner", MODIFIER_OWNER },
  { "role", MODIFIER_ROLE },
  { "department", MODIFIER_DEPARTMENT },
};

/* The options of the program itself, before the commands in --help. */
static const GOptionEntry application_entries[] = {
  {
    .long_name = "database",
    .short_name = 'd',
    .arg = G_OPTION_ARG_FILENAME,
    .description = N_ ("Open the database FILE instead of the default one"),
    .arg_description = N_ ("FILE"),
  },
  {
    .long_name = "hidden",
    .arg = G_OPTION_ARG_NONE,
    .description = N_ ("Start without a window and remind of the check-ins that are due"),
  },
  {
    .long_name = "version",
    .arg = G_OPTION_ARG_NONE,
    .description = N_ ("Show the version and exit"),
  },
  { NULL }
};

/* --database is the application's own option: the window opens it too. */
static const GOptionEntry modifier_entries[] = {
  {
    .long_name = "period",
    .arg = G_OPTION_ARG_STRING,
    .description = N_ ("With a command: the period, as 2026-Q2, 2026 or 2026-01-15/2026-03-31 "
                       "(default: this quarter; JSON and CSV: all)"),
    .arg_description = N_ ("PERIOD"),
  },
  {
    .long_name = "departments",
    .arg = G_OPTION_ARG_STRING_ARRAY,
    .description = N_ ("With a command: only these departments, by name, separated by commas"),
    .arg_description = N_ ("NAME,…"),
  },
  {
    .long_name = "language",
    .arg = G_OPTION_ARG_STRING,
    .description = N_ ("With a command: the language to write in (default: the interface’s)"),
    .arg_description = "nl|en",
  },
  {
    .long_name = "merge",
    .arg = G_OPTION_ARG_NONE,
    .description = N_ ("With --import-json: update from the file where it is newer, "
                       "instead of only adding"),
  },
  {
    .long_name = "dry-run",
    .arg = G_OPTION_ARG_NONE,
    .description = N_ ("With --import-csv: print what the import would do, and write nothing"),
  },
  {
    .long_name = "owner",
    .arg = G_OPTION_ARG_STRING,
    .description = N_ ("With --due: only what this person owns"),
    .arg_description = N_ ("NAME"),
  },
  {
    .long_name = "role",
    .arg = G_OPTION_ARG_STRING,
    .description = N_ ("With --grant: what the person may do"),
    .arg_description = "admin|head|leader|reader",
  },
  {
    .long_name = "department",
    .arg = G_OPTION_ARG_STRING,
    .description = N_ ("With --grant: the department a head or team leader leads"),
    .arg_description = N_ ("NAME"),
  },
  { NULL }
};

void
koers_cli_add_options (GApplication *application)
{
  g_return_if_fail (G_IS_APPLICATION (application));

  g_application_add_main_option_entries (application, application_entries);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      /* GApplication copies the entry; the strings are static. */
      const GOptionEntry entries[] = {
        {
          .long_name = commands[i].name,
          .arg = commands[i].arg,
          .description = commands[i].description,
          .arg_description = commands[i].arg_description,
        },
        { NULL }
      };

      g_application_add_main_option_entries (application, entries);
    }

  g_application_add_main_option_entries (application, modifier_entries);
  g_application_set_option_context_summary (application,
                                            _ ("Set, track and report objectives and key results."));
  g_application_set_option_context_description (
    application,
    _ ("Without a command, Koers opens its window. Examples:\n"
       "  koers --export-pdf report.pdf --period 2026-Q2 --language en\n"
       "  koers --export-csv sales.csv --departments Sales,Marketing\n"
       "  koers --check --period 2026-Q2"));
}

static void
print_usage_error (const char *message)
{
  g_printerr ("koers: %s\n", message);
  koers_cli_report_bad_options ();
}

static char *
format_option (const char *name)
{
  return g_strconcat ("--", name, NULL);
}

/* Makes sure at most one command is given and that every modifier given
 * is one it reads.  Returns the command (or NULL for none) and sets
 * *status to EXIT_USAGE on a mistake. */
static const Command *
find_command (GVariantDict *options,
              int          *status)
{
  const Command *command = NULL;

  *status = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (!g_variant_dict_contains (options, commands[i].name))
        continue;

      if (command != NULL)
        {
          g_autofree char *first = format_option (command->name);
          g_autofree char *second = format_option (commands[i].name);
          g_autofree char *message = NULL;

          /* Translators: both %s are options, such as --export-pdf. */
          message = g_strdup_printf (_ ("Give one command at a time, not both %s and %s"),
                                     first, second);

          print_usage_error (message);
          *status = EXIT_USAGE;
          return NULL;
        }
      command = &commands[i];
    }

  for (guint i = 0; i < G_N_ELEMENTS (modifier_names); i++)
    {
      g_autofree char *modifier = NULL;
      g_autofree char *message = NULL;

      if (!g_variant_dict_contains (options, modifier_names[i].name))
        continue;
      /* The window reads --database on its own. */
      if (command == NULL && modifier_names[i].modifier == MODIFIER_DATABASE)
        continue;
      if (command != NULL && (command->modifiers & modifier_names[i].modifier) != 0)
        continue;

      modifier = format_option (modifier_names[i].name);
      if (command == NULL)
        {
          /* Translators: %s is an option, such as --period. */
          message = g_strdup_printf (_ ("%s needs a command, such as --export-pdf"), modifier);
        }
      else
        {
          g_autofree char *name = format_option (command->name);

          /* Translators: both %s are options: "--merge does not apply to --export-pdf". */
          message = g_strdup_printf (_ ("%s does not apply to %s"), modifier, name);
        }
      print_usage_error (message);
      *status = EXIT_USAGE;
      return NULL;
    }

  return command;
}

/* --departments a,b --departments c: every name, trimmed. */
static char **
split_departments (const char *const *values)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_auto (GStrv) parts = g_strsplit (values[i], ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          g_strstrip (parts[j]);
          if (parts[j][0] != '\0')
            g_strv_builder_add (builder, parts[j]);
        }
    }

  return g_strv_builder_end (builder);
}

static char *
list_department_names (KoersStore *store)
{
  GListModel *departments = koers_store_get_departments (store);
  g_autoptr (GString) list = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i);

      if (list->len > 0)
        g_string_append (list, ", ");
      /* Quoted: names may hold spaces and "&". */
      g_string_append_printf (list, "“%s”", koers_department_get_name (dept));
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* Reads the modifiers into invocation.  FALSE (after a message) on a
 * mistake the user made. */
static gboolean
read_modifiers (GVariantDict *options,
                Invocation   *invocation)
{
  const char *language = NULL;
  g_auto (GStrv) departments = NULL;

  invocation->language = koers_format_get_language ();
  if (g_variant_dict_lookup (options, "language", "&s", &language))
    {
      invocation->has_language = TRUE;
      if (g_ascii_strcasecmp (language, "nl") == 0)
        invocation->language = KOERS_LANGUAGE_NL;
      else if (g_ascii_strcasecmp (language, "en") == 0)
        invocation->language = KOERS_LANGUAGE_EN;
      else
        {
          g_autofree char *message =
            /* Translators: %s is what the user typed after --language. */
            g_strdup_printf (_ ("“%s” is not a language Koers writes; use nl or en"), language);

          print_usage_error (message);
          return FALSE;
        }
    }

  if (g_variant_dict_lookup (options, "period", "s", &invocation->period_key))
    {
      g_autoptr (GError) error = NULL;

      if (!koers_period_parse (invocation->period_key, &invocation->period, &error))
        {
          print_usage_error (error->message);
          return FALSE;
        }
      invocation->has_period = TRUE;
      /* The canonical key ("2026-q2" becomes "2026-Q2") for the filters. */
      g_free (invocation->period_key);
      invocation->period_key = koers_period_to_string (&invocation->period);
    }
  else
    {
      GDate today;

      koers_date_today (&today);
      koers_period_init_for_date (&invocation->period, &today);
    }

  if (g_variant_dict_lookup (options, "departments", "^as", &departments))
    {
      invocation->departments = split_departments ((const char *const *) departments);
      if (invocation->departments[0] == NULL)
        {
          print_usage_error (_ ("--departments needs at least one department name"));
          return FALSE;
        }
    }

  invocation->merge = g_variant_dict_contains (options, "merge");
  invocation->dry_run = g_variant_dict_contains (options, "dry-run");
  g_variant_dict_lookup (options, "role", "s", &invocation->role);
  g_variant_dict_lookup (options, "department", "s", &invocation->department);
  if (g_variant_dict_lookup (options, "owner", "s", &invocation->owner))
    {
      g_strstrip (invocation->owner);
      if (invocation->owner[0] == '\0')
        {
          print_usage_error (_ ("--owner needs a name"));
          return FALSE;
        }
    }

  return TRUE;
}

/* Every name given must be a department: the message lists the ones
 * there are, since a typo is the likely cause. */
static gboolean
check_departments (Invocation *invocation)
{
  for (guint i = 0; invocation->departments != NULL && invocation->departments[i] != NULL; i++)
    {
      const char      *name = invocation->departments[i];
      g_autofree char *names = NULL;
      g_autofree char *message = NULL;

      if (koers_store_find_department_by_name (invocation->store, name) != NULL)
        continue;

      names = list_department_names (invocation->store);
      /* Translators: the first %s is a name the user gave, the second a list of names. */
      message = g_strdup_printf (_ ("There is no department called “%s”. The departments are: %s"),
                                 name, names);
      /* No pointer to --help: the list is what helps. */
      g_printerr ("koers: %s\n", message);
      return FALSE;
    }

  return TRUE;
}

static void
init_filter (Invocation        *invocation,
             KoersExportFilter *filter,
             const char        *periods[2])
{
  periods[0] = invocation->period_key;
  periods[1] = NULL;

  filter->periods = invocation->has_period ? periods : NULL;
  filter->departments = (const char *const *) invocation->departments;
}

/* The ids of the departments named with --departments and of their
 * teams, in the sidebar's order, into invocation->department_ids. */
static gboolean
select_department_ids (Invocation *invocation,
                       GError    **error)
{
  const char       *periods[2];
  KoersExportFilter filter;
  g_autoptr (GHashTable) selected = NULL;
  GListModel *departments = koers_store_get_departments (invocation->store);

  if (invocation->departments == NULL)
    return TRUE;

  init_filter (invocation, &filter, periods);
  selected = koers_export_filter_select_departments (&filter, invocation->store, error);
  if (selected == NULL)
    return FALSE;

  invocation->department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i);
      gint64 id = koers_department_get_id (dept);

      if (g_hash_table_contains (selected, &id))
        g_array_append_val (invocation->department_ids, id);
    }

  return TRUE;
}

/* What the command reads of the database before it runs: its period (of
 * the departments asked for), or everything (the report and the exports
 * read what they need). */
static gboolean
load_scope (Invocation *invocation,
            Scope       scope,
            GError    **error)
{
  GArray *ids = invocation->department_ids;

  if (scope == SCOPE_ALL)
    return koers_store_load_all (invocation->store, error);
  if (scope == SCOPE_PERIOD)
    koers_store_set_period_checkins (invocation->store, KOERS_STORE_CHECKINS_SUMMARIES_AT_RISK);
  if (scope == SCOPE_PERIOD && ids != NULL)
    return koers_store_load_period_departments (invocation->store, &invocation->period,
                                                (const gint64 *) (gpointer) ids->data, ids->len,
                                                error);
  if (scope == SCOPE_PERIOD)
    return koers_store_load_period (invocation->store, &invocation->period, error);
  return TRUE;
}

/* The report's options from --period, --departments and --language. */
static void
init_report_options (Invocation         *invocation,
                     KoersReportOptions *opts)
{
  GArray *ids = invocation->department_ids;

  koers_report_options_init (opts, &invocation->period);
  opts->language = invocation->language;

  /* In the sidebar's order, so the report's sections follow it. */
  if (ids != NULL)
    {
      opts->department_ids = (const gint64 *) (gpointer) ids->data;
      opts->n_department_ids = ids->len;
    }
}

/* Prints one line of a command's result (FORMAT is translated, so the
 * line is formatted before GLib's print handler escapes it). */
static int print_line (const char *format,
                       ...) G_GNUC_PRINTF (1, 2);

static int
print_line (const char *format,
            ...)
{
  g_autofree char *line = NULL;
  va_list          args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  g_print ("%s\n", line);
  return 0;
}

static int
run_export_pdf (Invocation *invocation,
                GError    **error)
{
  KoersReportOptions opts;
  g_autofree char   *name = g_filename_display_name (invocation->target);

  init_report_options (invocation, &opts);
  if (!koers_report_write_pdf (invocation->store, &opts, invocation->target,
                               NULL, NULL, NULL, error))
    return EXIT_FAILED;

  /* Translators: %s is a file name. */
  return print_line (_ ("Report written to %s"), name);
}

static int
run_export_html (Invocation *invocation,
                 GError    **error)
{
  KoersReportOptions opts;
  g_autofree char   *name = g_filename_display_name (invocation->target);

  init_report_options (invocation, &opts);
  if (!koers_html_write (invocation->store, &opts, invocation->target, error))
    return EXIT_FAILED;

  /* Translators: %s is a file name. */
  return print_line (_ ("Dashboard written to %s"), name);
}

static int
run_export_json (Invocation *invocation,
                 GError    **error)
{
  g_autofree char  *name = g_filename_display_name (invocation->target);
  const char       *periods[2];
  KoersExportFilter filter;

  init_filter (invocation, &filter, periods);
  if (!koers_json_export (invocation->store, &filter, invocation->target, error))
    return EXIT_FAILED;

  /* Translators: %s is a file name. */
  return print_line (_ ("JSON export written to %s"), name);
}

static int
run_export_csv (Invocation *invocation,
                GError    **error)
{
  g_autofree char  *name = g_filename_display_name (invocation->target);
  const char       *periods[2];
  KoersExportFilter filter;

  init_filter (invocation, &filter, periods);
  if (!koers_csv_export (invocation->store, &filter, invocation->language,
                         invocation->target, error))
    return EXIT_FAILED;

  /* Translators: %s is a file name. */
  return print_line (_ ("CSV export written to %s"), name);
}

static int
run_import_json (Invocation *invocation,
                 GError    **error)
{
  g_autoptr (KoersImportPlan) plan = NULL;
  g_autofree char    *summary = NULL;
  g_autofree char    *name = NULL;
  const char *const  *conflicts;
  KoersJsonImportMode mode = invocation->merge ? KOERS_JSON_IMPORT_MERGE : KOERS_JSON_IMPORT_ADD;

  /* Checked and written in one write transaction: a concurrent writer
   * waits, and a merge never writes over what it made newer. */
  plan = koers_json_import_run (invocation->store, invocation->target, mode, error);
  if (plan == NULL)
    return EXIT_FAILED;

  summary = koers_import_plan_describe (plan);

  name = g_filename_display_name (invocation->target);
  /* Translators: the first %s is a file name, the second says what changed,
   * such as "3 added, 1 updated, 12 unchanged". */
  print_line (_ ("Imported %s: %s"), name, summary);

  conflicts = koers_import_plan_get_conflicts (plan);
  for (guint i = 0; conflicts != NULL && conflicts[i] != NULL; i++)
    /* Translators: %s names an item in the file, such as $.objectives[2] “Title”. */
    print_line (_ ("Kept the database’s newer copy of %s"), conflicts[i]);

  return 0;
}

/* The preview, a line each: + added, ~ updated, ! a problem. */
static void
print_csv_preview (KoersCsvImport *import)
{
  static const char *const marks[] = {
    [KOERS_CSV_PREVIEW_ADD] = "+",
    [KOERS_CSV_PREVIEW_UPDATE] = "~",
    [KOERS_CSV_PREVIEW_PROBLEM] = "!",
    [KOERS_CSV_PREVIEW_NOTE] = " ",
  };
  GPtrArray *preview = koers_csv_import_get_preview (import);

  for (guint i = 0; i < preview->len; i++)
    {
      KoersCsvPreviewLine *line = g_ptr_array_index (preview, i);

      g_print ("%s %s\n", marks[line->kind], line->text);
    }
}

static int
run_import_csv (Invocation *invocation,
                GError    **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (invocation->target);
  g_autoptr (KoersCsvImport) import = NULL;
  g_autofree char *name = g_filename_display_name (invocation->target);
  g_autofree char *summary = NULL;

  import = koers_csv_import_new_for_file (file, error);
  if (import == NULL)
    return EXIT_FAILED;
  if (invocation->has_language)
    koers_csv_import_set_language (import, invocation->language);

  if (!koers_csv_import_plan (import, invocation->store, &invocation->period, NULL, error))
    return EXIT_FAILED;
  summary = koers_csv_import_describe (import);

  if (invocation->dry_run)
    {
      print_csv_preview (import);
      if (koers_csv_import_get_n_problems (import) > 0)
        return EXIT_FAILED;
      /* Translators: the first %s is a file name, the second says what
       * would change, such as "2 objectives added, 7 key results added". */
      return print_line (_ ("Dry run of %s, nothing written: %s"), name, summary);
    }

  if (!koers_csv_import_apply (import, invocation->store, error))
    return EXIT_FAILED;

  /* Translators: the first %s is a file name, the second says what changed,
   * such as "2 objectives added, 7 key results added". */
  return print_line (_ ("Imported %s: %s"), name, summary);
}

static int
run_check (Invocation *invocation,
           GError    **error)
{
  KoersQualityInput input;
  g_autoptr (GString) report = g_string_new (NULL);
  gboolean errors_stand;

  koers_store_init_quality_input (invocation->store, &input, &invocation->period);
  if (invocation->department_ids != NULL)
    {
      input.department_ids = (const gint64 *) (gpointer) invocation->department_ids->data;
      input.n_department_ids = invocation->department_ids->len;
    }
  errors_stand = koers_quality_print_report (&input, invocation->language,
                                             KOERS_QUALITY_REPORT_DEFAULT, report);
  g_print ("%s", report->str);
  if (report->len > 0 && report->str[report->len - 1] != '\n')
    g_print ("\n");

  return errors_stand ? EXIT_FAILED : 0;
}

static int
run_create_demo (Invocation *invocation,
                 GError    **error)
{
  g_autofree char *name = g_filename_display_name (invocation->target);

  if (!koers_demo_create (invocation->target, invocation->language, error))
    return EXIT_FAILED;

  /* Translators: %s is a file name. */
  return print_line (_ ("Demo database written to %s"), name);
}

/* What waits for a check-in today (this quarter's key results, the KPIs,
 * the quarterly review), for a script: 0 nothing, 1 something, 2 an
 * error. */
static int
run_due (Invocation *invocation,
         GError    **error)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  KoersPeriod quarter;
  KoersRhythm rhythm;
  GDate       today;

  koers_date_today (&today);
  koers_period_init_for_date (&quarter, &today);
  if (!koers_store_read_rhythm (invocation->store, &rhythm, error) ||
      !koers_store_load_period (invocation->store, &quarter, error))
    return EXIT_USAGE;

  items = koers_store_collect_due (invocation->store, &rhythm, &today);
  if (invocation->owner != NULL)
    koers_due_filter_owner (items, invocation->owner);
  koers_due_print (items, koers_store_get_departments (invocation->store), &rhythm, &today,
                   invocation->language, text);
  g_print ("%s", text->str);

  return items->len > 0 ? 1 : 0;
}

/* The store of a command that only read, kept to the end of the process:
 * freeing a large company's objects one by one was a tenth of a
 * department's check, and the process ends right after (git's UNLEAK()
 * does the same).  It stays reachable from here, so a leak checker does
 * not count it; its connection wrote nothing and has nothing to finish. */
static KoersStore *read_store_kept;

static void
invocation_clear (Invocation *invocation)
{
  if (invocation->only_reads && invocation->store != NULL && read_store_kept == NULL)
    read_store_kept = g_steal_pointer (&invocation->store);
  g_clear_object (&invocation->store);
  g_clear_pointer (&invocation->period_key, g_free);
  g_clear_pointer (&invocation->departments, g_strfreev);
  g_clear_pointer (&invocation->department_ids, g_array_unref);
  g_clear_pointer (&invocation->owner, g_free);
  g_clear_pointer (&invocation->role, g_free);
  g_clear_pointer (&invocation->department, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Invocation, invocation_clear)

typedef struct
{
  const Command *command;
  Invocation    *invocation;
  char          *database; /* NULL when the command reads none */
  int            status;
  int            done; /* atomic */
} Execution;

static void
execution_clear (Execution *execution)
{
  g_clear_pointer (&execution->database, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Execution, execution_clear)

/* Opens the command's database and reads what it needs. */
static int
open_database (Execution *execution,
               GError   **error)
{
  Invocation      *invocation = execution->invocation;
  g_autofree char *author = NULL;

  /* A dry run writes nothing, not even a new database. */
  if ((!execution->command->creates_database || invocation->dry_run) &&
      !koers_db_is_server_uri (execution->database) &&
      !g_file_test (execution->database, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (execution->database);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   /* Translators: %s is a file name. */
                   _ ("There is no database “%s”; check the name given with --database. "
                      "Nothing was created"),
                   display);
      return EXIT_FAILED;
    }

  /* Only what the command needs (see load_scope()).  A command that
   * writes nothing leaves the check of every page to SQLite. */
  invocation->only_reads = !execution->command->creates_database;
  if (invocation->only_reads)
    invocation->store = koers_store_open_to_read (execution->database,
                                                  execution->command->scope != SCOPE_PERIOD, error);
  else if (execution->command->scope == SCOPE_PERIOD)
    invocation->store = koers_store_open_without_kpis (execution->database, error);
  else
    invocation->store = koers_store_open_lazy (execution->database, error);
  if (invocation->store == NULL)
    return EXIT_FAILED;

  /* What the command writes (an import) carries the name from
   * Preferences, as the window's writes do. */
  author = koers_author_get_name ();
  koers_store_set_author (invocation->store, author);

  if (!check_departments (invocation))
    return EXIT_USAGE;
  if (!select_department_ids (invocation, error))
    return EXIT_FAILED;

  if (!load_scope (invocation, execution->command->scope, error))
    return EXIT_FAILED;
  return 0;
}

/* A command's thread gets a malloc arena of its own, which glibc shrinks
 * with madvise() whenever its free top passes the trim threshold (128 KiB).
 * Each shrink flushes the TLB of every CPU the process runs on: a
 * whole-company report made and freed its objects in a rhythm that spent
 * a tenth of its time there.  A command is short; what it frees it may
 * keep until it exits. */
static void
keep_freed_memory (void)
{
#ifdef __GLIBC__
  mallopt (M_TRIM_THRESHOLD, 256 * 1024 * 1024);
#endif
}

static gpointer
execute_thread_cb (gpointer user_data)
{
  Execution *execution = user_data;
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (GError) error = NULL;
  int status = 0;

  /* What the command attaches to a main context (GSettings, GTask) stays
   * in this thread, apart from the signal sources of the main one. */
  g_main_context_push_thread_default (context);

  koers_heap_populate ((gsize) execution->command->heap_mib << 20);
  /* The populating set a trim threshold for its own size: a large report
   * frees more than that in its rhythm. */
  keep_freed_memory ();
  execution->invocation->database = execution->database;
  if (execution->database != NULL && !execution->command->opens_server)
    status = open_database (execution, &error);
  if (status == EXIT_FAILED && execution->command->errors_exit_usage)
    status = EXIT_USAGE;
  if (status == 0)
    status = execution->command->run (execution->invocation, &error);
  if (status != 0 && error != NULL)
    g_printerr ("koers: %s\n", error->message);

  g_main_context_pop_thread_default (context);
  execution->status = status;
  g_atomic_int_set (&execution->done, 1);
  g_main_context_wakeup (NULL);
  return NULL;
}

/* The command runs in a thread while this one runs the main context, so
 * that SIGINT and SIGTERM (GLib's signal sources) can remove a file half
 * written before the process ends. */
static int
execute_in_thread (Execution *execution)
{
  GThread *thread;

  koers_atomic_file_watch_signals ();

  /* Beside the command's opening of the database, its fonts get ready. */
  if (execution->command->draws_text)
    koers_report_warm_fonts ();
  thread = g_thread_new ("koers-command", execute_thread_cb, execution);
  while (!g_atomic_int_get (&execution->done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);

  return execution->status;
}

int
koers_cli_handle_options (GVariantDict *options)
{
  g_auto (Invocation) invocation = {
    0,
  };
  g_auto (Execution) execution = {
    0,
  };
  g_autofree char *target = NULL;
  const Command   *command;
  int              status;

  g_return_val_if_fail (options != NULL, EXIT_FAILED);

  command = find_command (options, &status);
  if (command == NULL)
    return status != 0 ? status : -1;

  if (!read_modifiers (options, &invocation))
    return EXIT_USAGE;

  if (command->arg == G_OPTION_ARG_FILENAME)
    {
      g_variant_dict_lookup (options, command->name, "^ay", &target);
      if (target == NULL || target[0] == '\0')
        {
          g_autofree char *name = format_option (command->name);
          /* Translators: %s is an option, such as --export-pdf. */
          g_autofree char *message = g_strdup_printf (_ ("%s needs a file name"), name);

          print_usage_error (message);
          return EXIT_USAGE;
        }
      invocation.target = target;
    }

  execution.command = command;
  execution.invocation = &invocation;
  if ((command->modifiers & MODIFIER_DATABASE) != 0 &&
      !g_variant_dict_lookup (options, "database", "^ay", &execution.database))
    execution.database = koers_settings_get_default_database ();

  return execute_in_thread (&execution);
}

static int
run_server_setup (Invocation *invocation,
                  GError    **error)
{
  g_autoptr (KoersStore) store = NULL;

  if (!koers_store_server_setup (invocation->database, error))
    return EXIT_FAILED;
  /* The company level and the seed's departments now, as the one who set
   * it up: the heads are granted their department next (--grant
   * --department), and a reader may be the first to open it. */
  store = koers_store_open_without_kpis (invocation->database, error);
  if (store == NULL)
    return EXIT_FAILED;
  g_print ("%s\n", _ ("The server is set up: the Koers schema, its roles and their policies."));
  return 0;
}

static int
run_grant (Invocation *invocation,
           GError    **error)
{
  if (!koers_store_server_grant (invocation->database, invocation->target,
                                 invocation->role != NULL ? invocation->role : "",
                                 invocation->department, error))
    return EXIT_FAILED;
  /* Translators: %1$s is a user name, %2$s a role word (admin, head, leader, reader). */
  g_print (_ ("%1$s now has the role %2$s.\n"), invocation->target, invocation->role);
  return 0;
}

static int
run_revoke (Invocation *invocation,
            GError    **error)
{
  if (!koers_store_server_revoke (invocation->database, invocation->target, error))
    return EXIT_FAILED;
  /* Translators: %s is a user name. */
  g_print (_ ("%s has no role in Koers any more.\n"), invocation->target);
  return 0;
}

/* As GLib prints: in the console's character set (C locale: ASCII, with
 * "?" for what it cannot show), flushed at once. */
static void
print_escaped (FILE       *stream,
               const char *text)
{
  g_autofree char *escaped = koers_text_escape_controls (text);
  g_autofree char *converted = NULL;
  const char      *charset;

  if (!g_get_console_charset (&charset))
    converted = g_convert_with_fallback (escaped, -1, charset, "UTF-8", "?", NULL, NULL, NULL);

  fputs (converted != NULL ? converted : escaped, stream);
  fflush (stream);
}

static void
print_stdout_cb (const char *text)
{
  print_escaped (stdout, text);
}

static void
print_stderr_cb (const char *text)
{
  print_escaped (stderr, text);
}

void
koers_cli_install_print_handlers (void)
{
  g_set_print_handler (print_stdout_cb);
  g_set_printerr_handler (print_stderr_cb);
}

int
koers_cli_report_bad_options (void)
{
  g_printerr ("%s\n", _ ("Run “koers --help” to see the options."));
  return EXIT_USAGE;
}
