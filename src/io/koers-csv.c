/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/koers-atomic-file.h"
#include "core/koers-date.h"
#include "core/koers-scoring.h"
#include "core/koers-status-words.h"
#include "koers-csv.h"

enum
{
  COLUMN_LEVEL,
  COLUMN_OBJECTIVE,
  COLUMN_KEY_RESULT,
  COLUMN_START,
  COLUMN_TARGET,
  COLUMN_CURRENT,
  COLUMN_STATUS,
  COLUMN_OWNER,
  N_COLUMNS
};

/* The English source (marked for the catalogue) and the seed's own Dutch
 * words ("Niveau Doelstelling Sleutelresultaat Startwaarde Doelwaarde
 * Status Verantwoordelijke"), for a Dutch file from a session whose
 * catalogue is English. */
static const struct
{
  const char *source;
  const char *dutch;
} columns[N_COLUMNS] = {
  { NC_ ("CSV column", "Level"), "Niveau" },
  { NC_ ("CSV column", "Objective"), "Doelstelling" },
  { NC_ ("CSV column", "Key result"), "Sleutelresultaat" },
  { NC_ ("CSV column", "Start"), "Startwaarde" },
  { NC_ ("CSV column", "Target"), "Doelwaarde" },
  { NC_ ("CSV column", "Current"), "Huidige waarde" },
  { NC_ ("CSV column", "Status"), "Status" },
  { NC_ ("CSV column", "Owner"), "Verantwoordelijke" },
};

/* The catalogue speaks the interface's language, which need not be
 * lang: English is the source itself; Dutch is the catalogue's when it
 * has a translation, else the built-in word. */
static const char *
get_column_title (KoersLanguage lang,
                  guint         column)
{
  const char *translated;

  if (lang != KOERS_LANGUAGE_NL)
    return columns[column].source;

  translated = g_dpgettext2 (GETTEXT_PACKAGE, "CSV column", columns[column].source);
  return g_strcmp0 (translated, columns[column].source) != 0 ? translated : columns[column].dutch;
}

/* A number as koers-format writes it ("-1.200", "+21,5%", "-€ 250"): a
 * spreadsheet reads it as a number, not a formula, so it stays as it is. */
static gboolean
is_number (const char *field)
{
  const char *p = field;
  gboolean    digits = FALSE;

  if (*p == '-' || *p == '+')
    p++;
  if (g_str_has_prefix (p, "€"))
    {
      p += strlen ("€");
      if (*p == ' ')
        p++;
    }
  for (; g_ascii_isdigit (*p) || *p == '.' || *p == ','; p++)
    digits |= g_ascii_isdigit (*p);
  if (*p == '%')
    p++;

  return digits && *p == '\0';
}

gboolean
koers_csv_needs_formula_guard (const char *field)
{
  return field != NULL && field[0] != '\0' && strchr ("=+-@\t\r", field[0]) != NULL &&
         !is_number (field);
}

void
koers_csv_append_field (GString    *out,
                        const char *field)
{
  const char *guard;

  if (field == NULL)
    return;

  /* OWASP's advice against formula injection: a spreadsheet shows text
   * after a quote as text, so "=HYPERLINK(…)" in a title cannot run. */
  guard = koers_csv_needs_formula_guard (field) ? "'" : "";

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, guard);
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  g_string_append (out, guard);
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
koers_csv_append_row (GString           *out,
                      const char *const *fields,
                      guint              n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      koers_csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

static KoersKrStatus
get_status (KoersObjective *objective,
            KoersKeyResult *kr,
            const GDate    *today)
{
  KoersPeriod period;
  gboolean    has_period = koers_objective_get_parsed_period (objective, &period);

  return koers_key_result_get_status (kr, has_period ? &period : NULL, today);
}

static void
append_objective (GString        *out,
                  KoersStore     *store,
                  KoersObjective *objective,
                  KoersLanguage   lang,
                  const GDate    *today)
{
  KoersDepartment *dept =
    koers_store_find_department (store, koers_objective_get_department_id (objective));
  GListModel *krs = koers_objective_get_key_results (objective);
  guint       n = g_list_model_get_n_items (krs);
  const char *level = dept != NULL ? koers_department_get_name (dept) : "";

  if (n == 0)
    {
      const char *fields[N_COLUMNS] = {
        level,
        koers_objective_get_title (objective),
        "",
        "",
        "",
        "",
        "",
        koers_objective_get_owner (objective),
      };

      koers_csv_append_row (out, fields, N_COLUMNS);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, i);
      KoersMetricKind  kind = koers_key_result_get_metric_kind (kr);
      const char      *unit = koers_key_result_get_unit (kr);
      const char      *owner = koers_key_result_get_owner (kr);
      g_autofree char *start = koers_format_metric (lang, kind, unit,
                                                    koers_key_result_get_start_value (kr));
      g_autofree char *target = koers_format_metric (lang, kind, unit,
                                                     koers_key_result_get_target_value (kr));
      g_autofree char *current = koers_format_metric (lang, kind, unit,
                                                      koers_key_result_get_current_value (kr));
      const char      *fields[N_COLUMNS] = {
             level,
             koers_objective_get_title (objective),
             koers_key_result_get_title (kr),
             start,
             target,
             current,
             koers_kr_status_get_word (get_status (objective, kr, today), lang),
        owner != NULL && owner[0] != '\0' ? owner : koers_objective_get_owner (objective),
      };

      koers_csv_append_row (out, fields, N_COLUMNS);
    }
}

char *
koers_csv_export_to_string (KoersStore              *store,
                            const KoersExportFilter *filter,
                            KoersLanguage            lang,
                            const GDate             *today,
                            GError                 **error)
{
  g_autoptr (GPtrArray) objectives = NULL;
  const char *header[N_COLUMNS];
  GString    *out;
  GDate       now;

  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  objectives = koers_export_filter_select_objectives (filter, store, error);
  if (objectives == NULL)
    return NULL;

  if (today == NULL)
    {
      koers_date_today (&now);
      today = &now;
    }

  for (guint i = 0; i < N_COLUMNS; i++)
    header[i] = get_column_title (lang, i);

  out = g_string_new (NULL);
  koers_csv_append_row (out, header, N_COLUMNS);
  for (guint i = 0; i < objectives->len; i++)
    {
      KoersObjective *objective = g_ptr_array_index (objectives, i);

      /* The template's sheet is the period's work: archived objectives
       * are out of it (a JSON export keeps them). */
      if (!koers_objective_get_archived (objective))
        append_objective (out, store, objective, lang, today);
    }

  return g_string_free (out, FALSE);
}

gboolean
koers_csv_export (KoersStore              *store,
                  const KoersExportFilter *filter,
                  KoersLanguage            lang,
                  const char              *path,
                  GError                 **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  text = koers_csv_export_to_string (store, filter, lang, NULL, error);
  if (text == NULL)
    return FALSE;

  return koers_atomic_file_set_contents (path, text, strlen (text), KOERS_ATOMIC_FILE_DEFAULT,
                                         error);
}
