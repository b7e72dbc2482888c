/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/koers-date.h"
#include "core/koers-parse.h"
#include "core/koers-status-words.h"
#include "koers-csv-import.h"
#include "koers-csv.h"
#include "store/koers-store-import.h"

/* How many problems an error message lists before "and N more". */
#define MAX_LISTED_PROBLEMS 10

typedef struct
{
  guint              row; /* spreadsheet row */
  char              *title;
  char              *owner; /* NULL: none given */
  KoersMetricKind    kind;
  char              *unit;
  double             start;
  double             target;
  gboolean           has_current;
  double             current;
  KoersCheckinStatus checkin_status;
  char              *due; /* ISO, NULL: none given */
  KoersKeyResult    *existing;
  gboolean           changes; /* an existing one: the file changes it */
} PlanKr;

typedef struct
{
  char            *title;
  char            *level;    /* as the file names it */
  KoersDepartment *dept;     /* NULL: a new department named level */
  KoersObjective  *existing; /* one of that title in dept and period */
  char            *owner;    /* the owner every row gives, else NULL */
  gboolean         owners_differ;
  GPtrArray       *krs; /* PlanKr */
} PlanObjective;

struct _KoersCsvImport
{
  GPtrArray     *rows; /* GStrv; [0] is the header */
  char           separator;
  KoersCsvField *mapping; /* per column */
  guint          n_columns;
  KoersLanguage  language;
  gboolean       create_departments;

  /* The plan. */
  char      *period_key;
  char      *today;
  GPtrArray *objectives; /* PlanObjective */
  GPtrArray *preview;    /* KoersCsvPreviewLine */
  GPtrArray *new_departments;
  guint      n_problems;
};

static void
plan_kr_free (PlanKr *kr)
{
  g_free (kr->title);
  g_free (kr->owner);
  g_free (kr->unit);
  g_free (kr->due);
  g_clear_object (&kr->existing);
  g_free (kr);
}

static void
plan_objective_free (PlanObjective *objective)
{
  g_free (objective->title);
  g_free (objective->level);
  g_free (objective->owner);
  g_clear_object (&objective->dept);
  g_clear_object (&objective->existing);
  g_ptr_array_unref (objective->krs);
  g_free (objective);
}

static void
preview_line_free (KoersCsvPreviewLine *line)
{
  g_free (line->text);
  g_free (line);
}

/* Header words: the template's, the export's and the usual variants.
 * Compared casefolded, with "-" and "_" as spaces. */
static const struct
{
  KoersCsvField field;
  const char   *word;
  int           language; /* -1: both */
} header_words[] = {
  { KOERS_CSV_FIELD_LEVEL, "niveau", KOERS_LANGUAGE_NL },
  { KOERS_CSV_FIELD_LEVEL, "afdeling", KOERS_LANGUAGE_NL },
  { KOERS_CSV_FIELD_LEVEL, "level", KOERS_LANGUAGE_EN },
  { KOERS_CSV_FIELD_LEVEL, "department", KOERS_LANGUAGE_EN },
  { KOERS_CSV_FIELD_LEVEL, "team", -1 },
  { KOERS_CSV_FIELD_OBJECTIVE, "doelstelling", KOERS_LANGUAGE_NL },
  { KOERS_CSV_FIELD_OBJECTIVE, "objectief", KOERS_LANGUAGE_NL },
  { KOERS_CSV_FIELD_OBJECTIVE, "objective", KOERS_LANGUAGE_EN },
  { KOERS_CSV_FIELD_KEY_RESULT, "sleutelresultaat", KOERS_LANGUAGE_NL },
  { KOERS_CSV_FIELD_KEY_RESULT, "kernresultaat", KOERS_LANGUAGE_NL },
  { KOERS_CSV_FIELD_KEY_RESULT, "key result", -1 },
  { KOERS_CSV_FIELD_KEY_RESULT, "kr", -1 },
  { KOERS_CSV_FIELD_START, "start", -1 },
  { KOERS_CSV_FIELD_START, "startwaarde", KOERS_LANGUAGE_NL },
  { KOERS_CSV_FIELD_START, "beginwaarde", KOERS_LANGUAGE_NL },
  { KOERS_CSV_FIELD_START, "start value", KOERS_LANGUAGE_EN },
  { KOERS_CSV_FIELD_START, "baseline", KOERS_LANGUAGE_EN },
  { KOERS_CSV_FIELD_TARGET, "doel", KOERS_LANGUAGE_NL },
  { KOERS_CSV_FIELD_TARGET, "doelwaarde", KOERS_LANGUAGE_NL },
  { KOERS_CSV_FIELD_TARGET, "streefwaarde", KOERS_LANGUAGE_NL },
  { KOERS_CSV_FIELD_TARGET, "target", KOERS_LANGUAGE_EN },
  { KOERS_CSV_FIELD_TARGET, "target value", KOERS_LANGUAGE_EN },
  { KOERS_CSV_FIELD_CURRENT, "huidig", KOERS_LANGUAGE_NL },
  { KOERS_CSV_FIELD_CURRENT, "huidige waarde", KOERS_LANGUAGE_NL },
  { KOERS_CSV_FIELD_CURRENT, "stand", KOERS_LANGUAGE_NL },
  { KOERS_CSV_FIELD_CURRENT, "current", KOERS_LANGUAGE_EN },
  { KOERS_CSV_FIELD_CURRENT, "current value", KOERS_LANGUAGE_EN },
  { KOERS_CSV_FIELD_CURRENT, "actual", KOERS_LANGUAGE_EN },
  { KOERS_CSV_FIELD_STATUS, "status", -1 },
  { KOERS_CSV_FIELD_OWNER, "eigenaar", KOERS_LANGUAGE_NL },
  { KOERS_CSV_FIELD_OWNER, "verantwoordelijke", KOERS_LANGUAGE_NL },
  { KOERS_CSV_FIELD_OWNER, "owner", KOERS_LANGUAGE_EN },
  { KOERS_CSV_FIELD_OWNER, "responsible", KOERS_LANGUAGE_EN },
  { KOERS_CSV_FIELD_DUE, "deadline", -1 },
  { KOERS_CSV_FIELD_DUE, "einddatum", KOERS_LANGUAGE_NL },
  { KOERS_CSV_FIELD_DUE, "vervaldatum", KOERS_LANGUAGE_NL },
  { KOERS_CSV_FIELD_DUE, "due", KOERS_LANGUAGE_EN },
  { KOERS_CSV_FIELD_DUE, "due date", KOERS_LANGUAGE_EN },
};

const char *
koers_csv_field_get_label (KoersCsvField field)
{
  switch (field)
    {
    case KOERS_CSV_FIELD_LEVEL:
      return C_ ("CSV column", "Level");
    case KOERS_CSV_FIELD_OBJECTIVE:
      return C_ ("CSV column", "Objective");
    case KOERS_CSV_FIELD_KEY_RESULT:
      return C_ ("CSV column", "Key result");
    case KOERS_CSV_FIELD_START:
      return C_ ("CSV column", "Start");
    case KOERS_CSV_FIELD_TARGET:
      return C_ ("CSV column", "Target");
    case KOERS_CSV_FIELD_CURRENT:
      return C_ ("CSV column", "Current");
    case KOERS_CSV_FIELD_STATUS:
      return C_ ("CSV column", "Status");
    case KOERS_CSV_FIELD_OWNER:
      return C_ ("CSV column", "Owner");
    case KOERS_CSV_FIELD_DUE:
      return C_ ("CSV column", "Due date");
    case KOERS_CSV_FIELD_NONE:
    case KOERS_CSV_N_FIELDS:
    default:
      return C_ ("CSV column", "Not imported");
    }
}

/* Casefolded, trimmed, "-" and "_" as spaces, runs of spaces as one. */
static char *
fold_words (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString         *out = g_string_new (NULL);
  gboolean         space = FALSE;

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '-' || *p == '_' || *p == '\t')
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

static KoersCsvField
find_header_word (const char    *words,
                  KoersLanguage *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (header_words); i++)
    if (strcmp (words, header_words[i].word) == 0)
      {
        if (language != NULL && header_words[i].language >= 0)
          *language = header_words[i].language;
        return header_words[i].field;
      }
  return KOERS_CSV_FIELD_NONE;
}

KoersCsvField
koers_csv_field_from_header (const char    *header,
                             KoersLanguage *language)
{
  g_autofree char *words = NULL;
  KoersCsvField    field;
  char            *open;

  g_return_val_if_fail (header != NULL, KOERS_CSV_FIELD_NONE);

  words = fold_words (header);
  /* "Status:" and "Doel *" as forms mark a required field. */
  while (words[0] != '\0' && strchr (":* ", words[strlen (words) - 1]) != NULL)
    words[strlen (words) - 1] = '\0';

  field = find_header_word (words, language);
  if (field != KOERS_CSV_FIELD_NONE)
    return field;

  /* "Sleutelresultaat (Key Result)": either name will do. */
  open = strchr (words, '(');
  if (open != NULL && g_str_has_suffix (open, ")"))
    {
      g_autofree char *inner = g_strndup (open + 1, strlen (open) - 2);
      g_autofree char *outer = g_strndup (words, open - words);

      g_strstrip (outer);
      g_strstrip (inner);
      field = find_header_word (outer, language);
      if (field == KOERS_CSV_FIELD_NONE)
        field = find_header_word (inner, language);
    }
  return field;
}

gboolean
koers_csv_parse_status (const char    *word,
                        KoersKrStatus *status)
{
  /* Variants people write in their own sheets, beyond the template's and
   * the export's words (koers_kr_status_parse_word()). */
  static const struct
  {
    const char   *word;
    KoersKrStatus status;
  } variants[] = {
    { "op koers", KOERS_KR_STATUS_ON_TRACK },
    { "gehaald", KOERS_KR_STATUS_ACHIEVED },
    { "done", KOERS_KR_STATUS_ACHIEVED },
    { "in uitvoering", KOERS_KR_STATUS_IN_PROGRESS },
    { "achterstand", KOERS_KR_STATUS_OFF_TRACK },
  };
  g_autofree char *folded = NULL;

  g_return_val_if_fail (status != NULL, FALSE);

  if (word == NULL)
    return FALSE;
  if (koers_kr_status_parse_word (word, status))
    return TRUE;

  folded = fold_words (word);
  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    if (strcmp (folded, variants[i].word) == 0)
      {
        *status = variants[i].status;
        return TRUE;
      }

  /* The catalogue's word, for a language added later. */
  for (KoersKrStatus s = KOERS_KR_STATUS_IN_PROGRESS; s <= KOERS_KR_STATUS_OFF_TRACK; s++)
    {
      g_autofree char *label = fold_words (koers_kr_status_get_label (s));

      if (strcmp (folded, label) == 0)
        {
          *status = s;
          return TRUE;
        }
    }
  return FALSE;
}

static KoersCsvImport *
import_new_from_rows (GPtrArray *rows,
                      char       separator)
{
  KoersCsvImport    *self = g_new0 (KoersCsvImport, 1);
  const char *const *header = g_ptr_array_index (rows, 0);
  gboolean           has_language = FALSE;

  self->rows = rows;
  self->separator = separator;
  self->n_columns = g_strv_length ((char **) header);
  self->mapping = g_new0 (KoersCsvField, self->n_columns);
  self->language = koers_format_get_language ();
  self->create_departments = TRUE;
  self->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) preview_line_free);
  self->objectives = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_objective_free);
  /* NULL-terminated: koers_csv_import_get_new_departments() hands out
   * pdata as a strv. */
  self->new_departments = g_ptr_array_new_null_terminated (0, g_free, TRUE);

  /* A row may be longer than the header (a stray separator): only
   * headed columns count. */
  for (guint i = 0; i < self->n_columns; i++)
    {
      KoersLanguage language = (KoersLanguage) -1;
      KoersCsvField field = koers_csv_field_from_header (header[i], &language);
      gboolean      taken = FALSE;

      for (guint j = 0; j < i; j++)
        taken |= field != KOERS_CSV_FIELD_NONE && self->mapping[j] == field;
      /* The first column of a meaning wins; a second is listed as not
       * imported, for the person to choose. */
      self->mapping[i] = taken ? KOERS_CSV_FIELD_NONE : field;
      if (!has_language && (int) language >= 0)
        {
          self->language = language;
          has_language = TRUE;
        }
    }

  return self;
}

static gboolean
is_blank_row (char **cells)
{
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (cells[i]));

      if (text[0] != '\0')
        return FALSE;
    }
  return TRUE;
}

KoersCsvImport *
koers_csv_import_new (GBytes  *data,
                      GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  gsize       length;
  const char *bytes;
  char        separator;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_bytes_get_data (data, &length);
  text = koers_csv_decode (bytes, length, error);
  if (text == NULL)
    return NULL;

  separator = koers_csv_guess_separator (text);
  rows = koers_csv_read_rows (text, separator, error);
  if (rows == NULL)
    return NULL;

  if (rows->len == 0 || is_blank_row (g_ptr_array_index (rows, 0)))
    {
      g_set_error_literal (error, KOERS_CSV_ERROR, KOERS_CSV_ERROR_EMPTY,
                           _ ("The file is empty: its first row should name the columns, "
                              "such as Objective, Key result, Start and Target"));
      return NULL;
    }

  return import_new_from_rows (g_steal_pointer (&rows), separator);
}

KoersCsvImport *
koers_csv_import_new_for_file (GFile   *file,
                               GError **error)
{
  g_autoptr (GBytes) data = koers_csv_load_file (file, error);

  return data != NULL ? koers_csv_import_new (data, error) : NULL;
}

void
koers_csv_import_free (KoersCsvImport *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->rows);
  g_free (self->mapping);
  g_free (self->period_key);
  g_free (self->today);
  g_ptr_array_unref (self->objectives);
  g_ptr_array_unref (self->preview);
  g_ptr_array_unref (self->new_departments);
  g_free (self);
}

guint
koers_csv_import_get_n_columns (KoersCsvImport *self)
{
  return self->n_columns;
}

const char *
koers_csv_import_get_header (KoersCsvImport *self,
                             guint           column)
{
  g_return_val_if_fail (column < self->n_columns, NULL);

  return ((char **) g_ptr_array_index (self->rows, 0))[column];
}

KoersCsvField
koers_csv_import_get_field (KoersCsvImport *self,
                            guint           column)
{
  g_return_val_if_fail (column < self->n_columns, KOERS_CSV_FIELD_NONE);

  return self->mapping[column];
}

void
koers_csv_import_set_field (KoersCsvImport *self,
                            guint           column,
                            KoersCsvField   field)
{
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (field < KOERS_CSV_N_FIELDS);

  for (guint i = 0; i < self->n_columns; i++)
    if (field != KOERS_CSV_FIELD_NONE && self->mapping[i] == field)
      self->mapping[i] = KOERS_CSV_FIELD_NONE;
  self->mapping[column] = field;
}

char
koers_csv_import_get_separator (KoersCsvImport *self)
{
  return self->separator;
}

guint
koers_csv_import_get_n_rows (KoersCsvImport *self)
{
  return self->rows->len - 1;
}

KoersLanguage
koers_csv_import_get_language (KoersCsvImport *self)
{
  return self->language;
}

void
koers_csv_import_set_language (KoersCsvImport *self,
                               KoersLanguage   language)
{
  self->language = language;
}

void
koers_csv_import_set_create_departments (KoersCsvImport *self,
                                         gboolean        create)
{
  self->create_departments = create;
}

GPtrArray *
koers_csv_import_get_preview (KoersCsvImport *self)
{
  return self->preview;
}

guint
koers_csv_import_get_n_problems (KoersCsvImport *self)
{
  return self->n_problems;
}

const char *const *
koers_csv_import_get_new_departments (KoersCsvImport *self)
{
  static const char *const none[] = { NULL };

  /* An empty array may not have allocated its NULL end yet. */
  if (self->new_departments->len == 0)
    return none;
  return (const char *const *) self->new_departments->pdata;
}

static void
add_line (KoersCsvImport     *self,
          KoersCsvPreviewKind kind,
          char               *text)
{
  KoersCsvPreviewLine *line = g_new0 (KoersCsvPreviewLine, 1);

  line->kind = kind;
  line->text = text;
  if (kind == KOERS_CSV_PREVIEW_PROBLEM)
    /* Problems first, in the order of the rows. */
    g_ptr_array_insert (self->preview, self->n_problems++, line);
  else
    g_ptr_array_add (self->preview, line);
}

static int
find_column (KoersCsvImport *self,
             KoersCsvField   field)
{
  for (guint i = 0; i < self->n_columns; i++)
    if (self->mapping[i] == field)
      return (int) i;
  return -1;
}

/* The column's header as the file has it, for messages ("Doel"). */
static const char *
get_column_name (KoersCsvImport *self,
                 KoersCsvField   field)
{
  int column = find_column (self, field);

  return column >= 0 ? koers_csv_import_get_header (self, column) : koers_csv_field_get_label (field);
}

G_GNUC_PRINTF (4, 5)
static void
add_problem (KoersCsvImport *self,
             guint           row,
             KoersCsvField   field,
             const char     *format,
             ...)
{
  g_autofree char *reason = NULL;
  va_list          args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  add_line (self, KOERS_CSV_PREVIEW_PROBLEM,
            /* Translators: "Row 14, Doel: “veel” is not a number": a
             * spreadsheet row, the column's header in the file, the problem. */
            g_strdup_printf (_ ("Row %u, %s: %s"), row, get_column_name (self, field), reason));
}

/* A cell, trimmed, without the quote --export-csv puts before text a
 * spreadsheet would run as a formula; "" when the column is not there. */
static char *
read_cell (KoersCsvImport *self,
           char          **cells,
           KoersCsvField   field)
{
  int   column = find_column (self, field);
  char *text;

  if (column < 0 || (guint) column >= g_strv_length (cells))
    return g_strdup ("");

  text = g_strstrip (g_strdup (cells[column]));
  if (text[0] == '\'' && koers_csv_needs_formula_guard (text + 1))
    memmove (text, text + 1, strlen (text));
  return text;
}

static gboolean
is_milestone_word (const char *text,
                   gboolean    done)
{
  /* The English and Dutch words of koers_format_metric(), and the
   * catalogue's. */
  const char *words[] = { done ? "done" : "not done", done ? "voltooid" : "niet voltooid",
                          done ? _ ("Done") : _ ("Not done") };
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autofree char *word = g_utf8_casefold (words[i], -1);

      if (strcmp (folded, word) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A value with what it says of the key result's unit: "€ 250.000" money,
 * "25 %" a percentage, "Done" a milestone, "8,5" a number; words after
 * the number are the unit ("120 customers", "25% of the team"). */
static gboolean
parse_value (KoersLanguage    language,
             const char      *text,
             double          *value,
             KoersMetricKind *kind,
             char           **unit,
             GError         **error)
{
  g_autofree char *number = NULL;
  g_autofree char *folded = NULL;
  const char      *space;

  *unit = NULL;
  if (is_milestone_word (text, TRUE) || is_milestone_word (text, FALSE))
    {
      *kind = KOERS_METRIC_KIND_MILESTONE;
      *value = is_milestone_word (text, TRUE) ? 1.0 : 0.0;
      return TRUE;
    }

  if (koers_parse_number (language, text, value, NULL))
    number = g_strdup (text);
  else
    {
      /* The shortest start that is a number; the rest is the unit
       * ("1 × the competition", "€ 12.000 per kwartaal"). */
      for (space = strchr (text, ' '); space != NULL; space = strchr (space + 1, ' '))
        {
          g_free (number);
          number = g_strndup (text, space - text);
          if (koers_parse_number (language, number, value, NULL))
            break;
        }
      if (space == NULL)
        return koers_parse_number (language, text, value, error);
      *unit = g_strstrip (g_strdup (space + 1));
    }

  folded = g_utf8_casefold (number, -1);
  if (strstr (number, "€") != NULL || g_str_has_prefix (folded, "eur") ||
      g_str_has_suffix (folded, "eur"))
    *kind = KOERS_METRIC_KIND_CURRENCY;
  else if (strchr (number, '%') != NULL)
    *kind = KOERS_METRIC_KIND_PERCENTAGE;
  else
    *kind = KOERS_METRIC_KIND_NUMBER;
  return TRUE;
}

/* ISO ("2026-06-30"), or day, month and year as the language writes them
 * ("30-6-2026", "30/06/2026"; English "6/30/2026"). */
static char *
parse_due (KoersLanguage language,
           const char   *text)
{
  GDate date;
  guint a, b, year;
  char  sep1, sep2, rest;

  if (koers_date_parse (text, &date))
    return koers_date_format_iso (&date);

  if (sscanf (text, "%u%c%u%c%u%c", &a, &sep1, &b, &sep2, &year, &rest) != 5 || sep1 != sep2 ||
      strchr ("-/.", sep1) == NULL || a > 31 || b > 31 || year < 1900 || year > 9999)
    return NULL;

  g_date_clear (&date, 1);
  if (language == KOERS_LANGUAGE_EN && sep1 == '/')
    {
      if (!g_date_valid_dmy (b, a, year))
        return NULL;
      g_date_set_dmy (&date, b, a, year);
    }
  else
    {
      if (!g_date_valid_dmy (a, b, year))
        return NULL;
      g_date_set_dmy (&date, a, b, year);
    }
  return koers_date_format_iso (&date);
}

static gboolean
same_words (const char *a,
            const char *b)
{
  g_autofree char *fa = fold_words (a);
  g_autofree char *fb = fold_words (b);

  return strcmp (fa, fb) == 0;
}

/* The department a level names: by name, or the company by a word for
 * it ("Bedrijf", "Company"). */
static KoersDepartment *
find_department (KoersStore *store,
                 const char *name)
{
  static const char *const company_words[] = { "bedrijf", "onderneming", "organisatie",
                                               "company", "organisation", "organization" };
  KoersDepartment         *dept = koers_store_find_department_by_name (store, name);

  if (dept != NULL)
    return g_object_ref (dept);

  for (guint i = 0; i < G_N_ELEMENTS (company_words); i++)
    if (same_words (name, company_words[i]) && koers_store_get_company (store) != NULL)
      return g_object_ref (koers_store_get_company (store));
  return NULL;
}

static KoersObjective *
find_existing_objective (KoersStore      *store,
                         KoersDepartment *dept,
                         const char      *period_key,
                         const char      *title)
{
  GListModel *objectives = koers_store_get_department_objectives (store, koers_department_get_id (dept));

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);

      if (g_strcmp0 (koers_objective_get_period (objective), period_key) == 0 &&
          same_words (koers_objective_get_title (objective), title))
        return g_steal_pointer (&objective);
    }
  return NULL;
}

static KoersKeyResult *
find_existing_key_result (KoersObjective *objective,
                          const char     *title)
{
  GListModel *krs = koers_objective_get_key_results (objective);

  for (guint i = 0; i < g_list_model_get_n_items (krs); i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, i);

      if (same_words (koers_key_result_get_title (kr), title))
        return g_steal_pointer (&kr);
    }
  return NULL;
}

static PlanObjective *
find_plan_objective (KoersCsvImport *self,
                     const char     *level,
                     const char     *title)
{
  for (guint i = 0; i < self->objectives->len; i++)
    {
      PlanObjective *objective = g_ptr_array_index (self->objectives, i);

      if (same_words (objective->level, level) && same_words (objective->title, title))
        return objective;
    }
  return NULL;
}

static PlanObjective *
add_plan_objective (KoersCsvImport *self,
                    KoersStore     *store,
                    guint           row,
                    const char     *level,
                    const char     *title)
{
  PlanObjective *objective = g_new0 (PlanObjective, 1);

  objective->level = g_strdup (level);
  objective->title = g_strdup (title);
  objective->krs = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_kr_free);
  objective->dept = find_department (store, level);
  if (objective->dept != NULL)
    objective->existing = find_existing_objective (store, objective->dept, self->period_key, title);
  else if (!self->create_departments)
    add_problem (self, row, KOERS_CSV_FIELD_LEVEL,
                 /* Translators: %s is a department name from the file. */
                 _ ("there is no department “%s”"), level);
  else
    {
      gboolean known = FALSE;

      for (guint i = 0; i < self->new_departments->len; i++)
        known |= same_words (g_ptr_array_index (self->new_departments, i), level);
      if (!known)
        g_ptr_array_add (self->new_departments, g_strdup (level));
    }

  g_ptr_array_add (self->objectives, objective);
  return objective;
}

static void
note_owner (PlanObjective *objective,
            const char    *owner)
{
  if (owner[0] == '\0' || (objective->owner != NULL && strcmp (objective->owner, owner) != 0))
    objective->owners_differ = TRUE;
  else if (objective->owner == NULL)
    objective->owner = g_strdup (owner);
}

/* A value cell into *value (0 for an empty one); FALSE after a problem. */
static gboolean
read_value (KoersCsvImport  *self,
            char           **cells,
            guint            row,
            KoersCsvField    field,
            gboolean        *given,
            double          *value,
            KoersMetricKind *kind,
            char           **unit)
{
  g_autofree char *text = read_cell (self, cells, field);
  g_autoptr (GError) error = NULL;

  *given = FALSE;
  *value = 0;
  *kind = KOERS_METRIC_KIND_NUMBER;
  *unit = NULL;
  /* "—" is how the export writes a value that is not a number. */
  if (text[0] == '\0' || strcmp (text, "—") == 0)
    return TRUE;

  if (!parse_value (self->language, text, value, kind, unit, &error))
    {
      add_problem (self, row, field, "%s", error->message);
      return FALSE;
    }
  *given = TRUE;
  return TRUE;
}

static KoersCheckinStatus
get_checkin_status (KoersKrStatus status)
{
  switch (status)
    {
    case KOERS_KR_STATUS_ON_TRACK:
      return KOERS_CHECKIN_STATUS_ON_TRACK;
    case KOERS_KR_STATUS_AT_RISK:
      return KOERS_CHECKIN_STATUS_AT_RISK;
    case KOERS_KR_STATUS_OFF_TRACK:
      return KOERS_CHECKIN_STATUS_OFF_TRACK;
    case KOERS_KR_STATUS_IN_PROGRESS:
    case KOERS_KR_STATUS_ACHIEVED:
    default:
      /* Achieved follows from the values, in progress says nothing. */
      return KOERS_CHECKIN_STATUS_NONE;
    }
}

/* The values of a key result row into kr; FALSE after a problem. */
static gboolean
read_key_result (KoersCsvImport *self,
                 char          **cells,
                 PlanKr         *kr)
{
  g_autofree char *status = read_cell (self, cells, KOERS_CSV_FIELD_STATUS);
  g_autofree char *due = read_cell (self, cells, KOERS_CSV_FIELD_DUE);
  g_autofree char *start_unit = NULL;
  g_autofree char *current_unit = NULL;
  KoersMetricKind  start_kind, current_kind;
  gboolean         given, ok = TRUE;
  KoersKrStatus    kr_status;

  ok &= read_value (self, cells, kr->row, KOERS_CSV_FIELD_START, &given, &kr->start, &start_kind,
                    &start_unit);
  ok &= read_value (self, cells, kr->row, KOERS_CSV_FIELD_TARGET, &given, &kr->target, &kr->kind,
                    &kr->unit);
  if (ok && !given)
    {
      add_problem (self, kr->row, KOERS_CSV_FIELD_TARGET, "%s",
                   _ ("a key result needs a target value"));
      ok = FALSE;
    }
  ok &= read_value (self, cells, kr->row, KOERS_CSV_FIELD_CURRENT, &kr->has_current, &kr->current,
                    &current_kind, &current_unit);

  /* The kind and unit show on any of the three ("0" to "€ 250.000"). */
  if (kr->kind == KOERS_METRIC_KIND_NUMBER)
    kr->kind = start_kind != KOERS_METRIC_KIND_NUMBER ? start_kind : current_kind;
  if (kr->unit == NULL)
    kr->unit = g_strdup (start_unit != NULL ? start_unit : current_unit);

  if (status[0] != '\0' && !koers_csv_parse_status (status, &kr_status))
    {
      add_problem (self, kr->row, KOERS_CSV_FIELD_STATUS,
                   /* Translators: %s is the status as the file has it. */
                   _ ("“%s” is not a status: use On track, Achieved, In progress, At risk or "
                      "Off track"),
                   status);
      ok = FALSE;
    }
  else if (status[0] != '\0')
    kr->checkin_status = get_checkin_status (kr_status);

  if (due[0] != '\0')
    {
      kr->due = parse_due (self->language, due);
      if (kr->due == NULL)
        {
          add_problem (self, kr->row, KOERS_CSV_FIELD_DUE,
                       /* Translators: %s is the date as the file has it. */
                       _ ("“%s” is not a date such as 2026-06-30"), due);
          ok = FALSE;
        }
    }

  return ok;
}

typedef struct
{
  char          *level;
  PlanObjective *objective;
} Above;

static void
plan_row (KoersCsvImport *self,
          KoersStore     *store,
          char          **cells,
          guint           row,
          Above          *above)
{
  g_autofree char *level = read_cell (self, cells, KOERS_CSV_FIELD_LEVEL);
  g_autofree char *title = read_cell (self, cells, KOERS_CSV_FIELD_OBJECTIVE);
  g_autofree char *kr_title = read_cell (self, cells, KOERS_CSV_FIELD_KEY_RESULT);
  g_autofree char *owner = read_cell (self, cells, KOERS_CSV_FIELD_OWNER);
  PlanObjective   *objective;
  PlanKr          *kr;

  /* Merged cells in a spreadsheet save as blanks below the first: the
   * level and objective above apply. */
  if (level[0] == '\0')
    {
      g_free (level);
      level = g_strdup (above->level != NULL ? above->level
                        : koers_store_get_company (store) != NULL
                          ? koers_department_get_name (koers_store_get_company (store))
                          : "");
    }

  if (title[0] == '\0')
    {
      if (above->objective == NULL || !same_words (above->objective->level, level))
        {
          add_problem (self, row, KOERS_CSV_FIELD_OBJECTIVE, "%s",
                       _ ("empty, and there is no objective above it at this level"));
          return;
        }
      objective = above->objective;
    }
  else
    {
      objective = find_plan_objective (self, level, title);
      if (objective == NULL)
        objective = add_plan_objective (self, store, row, level, title);
    }

  g_free (above->level);
  above->level = g_strdup (level);
  above->objective = objective;
  note_owner (objective, owner);

  if (kr_title[0] == '\0')
    {
      g_autofree char *target = read_cell (self, cells, KOERS_CSV_FIELD_TARGET);

      /* A row of the objective alone (--export-csv writes one for an
       * objective without key results); values need a key result. */
      if (target[0] != '\0')
        add_problem (self, row, KOERS_CSV_FIELD_KEY_RESULT, "%s",
                     _ ("empty, but the row has a target value"));
      return;
    }

  for (guint i = 0; i < objective->krs->len; i++)
    {
      PlanKr *other = g_ptr_array_index (objective->krs, i);

      if (same_words (other->title, kr_title))
        {
          add_problem (self, row, KOERS_CSV_FIELD_KEY_RESULT,
                       /* Translators: %s is a key result's title, %u a row number. */
                       _ ("“%s” is this objective’s key result on row %u already"), kr_title,
                       other->row);
          return;
        }
    }

  kr = g_new0 (PlanKr, 1);
  kr->row = row;
  kr->title = g_steal_pointer (&kr_title);
  kr->owner = g_steal_pointer (&owner);
  if (!read_key_result (self, cells, kr))
    {
      plan_kr_free (kr);
      return;
    }
  if (objective->existing != NULL)
    kr->existing = find_existing_key_result (objective->existing, kr->title);
  g_ptr_array_add (objective->krs, kr);
}

/* The owner every row of the objective gives goes on the objective; else
 * each key result keeps its own. */
static const char *
get_objective_owner (PlanObjective *objective)
{
  return objective->owners_differ ? NULL : objective->owner;
}

static const char *
get_key_result_owner (PlanObjective *objective,
                      PlanKr        *kr)
{
  return get_objective_owner (objective) != NULL ? "" : kr->owner;
}

static gboolean
key_result_changes (PlanObjective *objective,
                    PlanKr        *kr)
{
  KoersKeyResult *old = kr->existing;

  return koers_key_result_get_metric_kind (old) != kr->kind ||
         g_strcmp0 (koers_key_result_get_unit (old) != NULL ? koers_key_result_get_unit (old) : "",
                    kr->unit != NULL ? kr->unit : "") != 0 ||
         koers_key_result_get_start_value (old) != kr->start ||
         koers_key_result_get_target_value (old) != kr->target ||
         g_strcmp0 (koers_key_result_get_owner (old) != NULL ? koers_key_result_get_owner (old) : "",
                    get_key_result_owner (objective, kr)) != 0 ||
         (kr->due != NULL && g_strcmp0 (koers_key_result_get_due_date (old), kr->due) != 0) ||
         (kr->has_current && koers_key_result_get_current_value (old) != kr->current);
}

static gboolean
objective_changes (PlanObjective *objective)
{
  const char *owner = get_objective_owner (objective);

  return owner != NULL && g_strcmp0 (koers_objective_get_owner (objective->existing), owner) != 0;
}

static char *
join_counts (guint added,
             guint updated,
             guint unchanged)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_null_terminated (3, g_free, TRUE);

  if (added > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u key result added",
                                                       "%u key results added", added),
                                             added));
  if (updated > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u key result updated",
                                                       "%u key results updated", updated),
                                             updated));
  if (unchanged > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u key result unchanged",
                                                       "%u key results unchanged", unchanged),
                                             unchanged));
  return g_strjoinv (", ", (char **) parts->pdata);
}

/* The preview's lines for the objectives and departments of the plan. */
static void
describe_plan (KoersCsvImport *self)
{
  for (guint i = 0; i < self->new_departments->len; i++)
    add_line (self, KOERS_CSV_PREVIEW_ADD,
              /* Translators: %s is a department name from the file. */
              g_strdup_printf (_ ("New department “%s”"),
                               (char *) g_ptr_array_index (self->new_departments, i)));

  for (guint i = 0; i < self->objectives->len; i++)
    {
      PlanObjective   *objective = g_ptr_array_index (self->objectives, i);
      guint            added = 0, updated = 0, unchanged = 0;
      g_autofree char *counts = NULL;

      for (guint k = 0; k < objective->krs->len; k++)
        {
          PlanKr *kr = g_ptr_array_index (objective->krs, k);

          if (kr->existing == NULL)
            added++;
          else if ((kr->changes = key_result_changes (objective, kr)))
            updated++;
          else
            unchanged++;
        }
      counts = join_counts (added, updated, unchanged);

      if (objective->existing == NULL)
        add_line (self, KOERS_CSV_PREVIEW_ADD,
                  /* Translators: a level, an objective, then "3 key results added". */
                  g_strdup_printf (_ ("%s · %s: new objective (%s)"), objective->level,
                                   objective->title, counts[0] != '\0' ? counts : _ ("no key results")));
      else if (added + updated > 0 || objective_changes (objective))
        add_line (self, KOERS_CSV_PREVIEW_UPDATE,
                  /* Translators: a level, an objective, then "1 key result updated". */
                  g_strdup_printf (_ ("%s · %s: updates the objective there (%s)"),
                                   objective->level, objective->title, counts));
      else
        add_line (self, KOERS_CSV_PREVIEW_NOTE,
                  /* Translators: a level and an objective. */
                  g_strdup_printf (_ ("%s · %s: already there as in the file"), objective->level,
                                   objective->title));
    }

  for (guint i = 0; i < self->n_columns; i++)
    if (self->mapping[i] == KOERS_CSV_FIELD_NONE)
      add_line (self, KOERS_CSV_PREVIEW_NOTE,
                /* Translators: %s is a column's header in the file. */
                g_strdup_printf (_ ("Column “%s” is not imported"),
                                 koers_csv_import_get_header (self, i)));
}

gboolean
koers_csv_import_plan (KoersCsvImport    *self,
                       KoersStore        *store,
                       const KoersPeriod *period,
                       const GDate       *today,
                       GError           **error)
{
  Above above = { NULL, NULL };
  GDate now;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (KOERS_IS_STORE (store), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The objectives it may match must be in the model. */
  if (!koers_store_load_period (store, period, error))
    return FALSE;

  g_ptr_array_set_size (self->objectives, 0);
  g_ptr_array_set_size (self->preview, 0);
  g_ptr_array_set_size (self->new_departments, 0);
  self->n_problems = 0;
  g_free (self->period_key);
  self->period_key = koers_period_to_string (period);
  if (today == NULL)
    {
      koers_date_today (&now);
      today = &now;
    }
  g_free (self->today);
  self->today = koers_date_format_iso (today);

  if (find_column (self, KOERS_CSV_FIELD_OBJECTIVE) < 0)
    add_line (self, KOERS_CSV_PREVIEW_PROBLEM,
              g_strdup (_ ("No column holds the objectives: choose which one does")));
  else if (find_column (self, KOERS_CSV_FIELD_KEY_RESULT) >= 0 &&
           find_column (self, KOERS_CSV_FIELD_TARGET) < 0)
    add_line (self, KOERS_CSV_PREVIEW_PROBLEM,
              g_strdup (_ ("No column holds the key results’ target values: choose which one does")));
  else
    for (guint i = 1; i < self->rows->len; i++)
      {
        char **cells = g_ptr_array_index (self->rows, i);

        if (!is_blank_row (cells))
          plan_row (self, store, cells, i + 1, &above);
      }
  g_free (above.level);

  describe_plan (self);
  return TRUE;
}

char *
koers_csv_import_describe (KoersCsvImport *self)
{
  guint added = 0, updated = 0, krs_added = 0, krs_updated = 0;
  g_autoptr (GPtrArray) parts = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  char *krs;

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->objectives->len; i++)
    {
      PlanObjective *objective = g_ptr_array_index (self->objectives, i);
      guint          changed = 0;

      for (guint k = 0; k < objective->krs->len; k++)
        {
          PlanKr *kr = g_ptr_array_index (objective->krs, k);

          krs_added += kr->existing == NULL;
          krs_updated += kr->existing != NULL && kr->changes;
          changed += kr->existing == NULL || kr->changes;
        }
      added += objective->existing == NULL;
      updated += objective->existing != NULL && (changed > 0 || objective_changes (objective));
    }

  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u objective added",
                                                     "%u objectives added", added),
                                           added));
  if (updated > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u objective updated",
                                                       "%u objectives updated", updated),
                                             updated));
  krs = join_counts (krs_added, krs_updated, 0);
  if (krs[0] == '\0')
    {
      g_free (krs);
      krs = g_strdup (_ ("no key results added or updated"));
    }
  g_ptr_array_add (parts, krs);
  if (self->new_departments->len > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u department created",
                                                       "%u departments created",
                                                       self->new_departments->len),
                                             self->new_departments->len));
  return g_strjoinv (", ", (char **) parts->pdata);
}

typedef struct
{
  KoersCsvImport   *self;
  KoersStore       *store;
  KoersStoreBatch  *batch;
  KoersStoreImport *read;
  gint64            now;
  GHashTable       *positions; /* department uuid → next objective position */
} Apply;

static void
put_checkin (Apply      *apply,
             PlanKr     *kr,
             const char *kr_uuid)
{
  g_autoptr (KoersCheckin) checkin =
    koers_checkin_new (apply->self->today, kr->current, kr->checkin_status, NULL);
  g_autofree char *uuid = koers_uuid_new ();

  koers_checkin_set_uuid (checkin, uuid);
  koers_checkin_set_author (checkin, koers_store_get_author (apply->store));
  koers_checkin_set_created (checkin, apply->now);
  koers_checkin_set_updated (checkin, apply->now);
  koers_store_batch_put (apply->batch, KOERS_BATCH_CHECKIN, checkin, kr_uuid);
}

static void
set_key_result_values (KoersKeyResult *target,
                       PlanObjective  *objective,
                       PlanKr         *kr)
{
  koers_key_result_set_metric_kind (target, kr->kind);
  koers_key_result_set_unit (target, kr->unit != NULL ? kr->unit : "");
  koers_key_result_set_start_value (target, kr->start);
  koers_key_result_set_target_value (target, kr->target);
  koers_key_result_set_owner (target, get_key_result_owner (objective, kr));
  if (kr->due != NULL)
    koers_key_result_set_due_date (target, kr->due);
}

/* A key result of the plan into the batch: a new one, or the database's
 * row with the file's values. */
static gboolean
put_key_result (Apply         *apply,
                PlanObjective *objective,
                PlanKr        *kr,
                const char    *objective_uuid,
                int            position,
                GError       **error)
{
  g_autoptr (KoersStoredRow) row = NULL;
  g_autoptr (KoersKeyResult) fresh = NULL;
  g_autofree char *uuid = NULL;

  if (kr->existing == NULL)
    {
      fresh = koers_key_result_new (kr->title, kr->kind, kr->start, kr->target, kr->unit);
      uuid = koers_uuid_new ();
      koers_key_result_set_uuid (fresh, uuid);
      koers_key_result_set_position (fresh, position);
      koers_key_result_set_created (fresh, apply->now);
      koers_key_result_set_current_value (fresh, kr->start);
      set_key_result_values (fresh, objective, kr);
      koers_key_result_set_updated (fresh, apply->now);
      koers_store_batch_put (apply->batch, KOERS_BATCH_KEY_RESULT, fresh, objective_uuid);
      if (kr->has_current)
        put_checkin (apply, kr, uuid);
      return TRUE;
    }

  if (!kr->changes)
    return TRUE;

  /* The stored row with all its columns (and its KPI), not the model's
   * object, which the batch must not change before it commits. */
  row = koers_store_import_find (apply->read, KOERS_BATCH_KEY_RESULT,
                                 koers_key_result_get_uuid (kr->existing), error);
  if (row == NULL)
    return error == NULL || *error == NULL;
  set_key_result_values (KOERS_KEY_RESULT (row->object), objective, kr);
  koers_key_result_set_updated (KOERS_KEY_RESULT (row->object), apply->now);
  koers_store_batch_put_key_result_with_kpi (apply->batch, KOERS_KEY_RESULT (row->object),
                                             objective_uuid, row->kpi_uuid);
  if (kr->has_current && koers_key_result_get_current_value (kr->existing) != kr->current)
    put_checkin (apply, kr, koers_key_result_get_uuid (kr->existing));
  return TRUE;
}

static int
take_position (Apply           *apply,
               KoersDepartment *dept,
               const char      *dept_uuid)
{
  gpointer value;
  int      position = 0;

  if (g_hash_table_lookup_extended (apply->positions, dept_uuid, NULL, &value))
    position = GPOINTER_TO_INT (value);
  else if (dept != NULL)
    {
      GListModel *objectives =
        koers_store_get_department_objectives (apply->store, koers_department_get_id (dept));

      for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
        {
          g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);

          if (g_strcmp0 (koers_objective_get_period (objective), apply->self->period_key) == 0)
            position = MAX (position, koers_objective_get_position (objective) + 1);
        }
    }
  g_hash_table_insert (apply->positions, g_strdup (dept_uuid), GINT_TO_POINTER (position + 1));
  return position;
}

static gboolean
put_objective (Apply         *apply,
               PlanObjective *objective,
               GHashTable    *new_uuids,
               GError       **error)
{
  g_autoptr (KoersObjective) fresh = NULL;
  g_autoptr (KoersStoredRow) row = NULL;
  g_autofree char *uuid = NULL;
  const char      *dept_uuid;
  int              position = 0;

  dept_uuid = objective->dept != NULL ? koers_department_get_uuid (objective->dept)
                                      : g_hash_table_lookup (new_uuids, objective->level);

  if (objective->existing == NULL)
    {
      /* A department this import adds (no object yet): the department level. */
      KoersLevel level = objective->dept != NULL ? koers_department_get_level (objective->dept)
                                                 : KOERS_LEVEL_DEPARTMENT;

      fresh = koers_objective_new (objective->title, level, KOERS_OBJECTIVE_KIND_COMMITTED,
                                   apply->self->period_key);
      uuid = koers_uuid_new ();
      koers_objective_set_uuid (fresh, uuid);
      koers_objective_set_owner (fresh, get_objective_owner (objective));
      koers_objective_set_position (fresh, take_position (apply, objective->dept, dept_uuid));
      koers_objective_set_created (fresh, apply->now);
      koers_objective_set_updated (fresh, apply->now);
      koers_store_batch_put_objective (apply->batch, fresh, dept_uuid, NULL, NULL);
    }
  else
    {
      GListModel *krs = koers_objective_get_key_results (objective->existing);

      uuid = g_strdup (koers_objective_get_uuid (objective->existing));
      /* New key results go after the ones there. */
      for (guint i = 0; i < g_list_model_get_n_items (krs); i++)
        {
          g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, i);

          position = MAX (position, koers_key_result_get_position (kr) + 1);
        }

      if (objective_changes (objective))
        {
          row = koers_store_import_find (apply->read, KOERS_BATCH_OBJECTIVE, uuid, error);
          if (row == NULL)
            return error == NULL || *error == NULL;
          koers_objective_set_owner (KOERS_OBJECTIVE (row->object), get_objective_owner (objective));
          koers_objective_set_updated (KOERS_OBJECTIVE (row->object), apply->now);
          /* Its alignment and carry-over stay: the file does not hold them. */
          koers_store_batch_put_objective (apply->batch, KOERS_OBJECTIVE (row->object),
                                           row->owner_uuid, row->aligned_uuid, row->carried_uuid);
        }
    }

  for (guint k = 0; k < objective->krs->len; k++)
    {
      PlanKr *kr = g_ptr_array_index (objective->krs, k);

      if (!put_key_result (apply, objective, kr, uuid, position, error))
        return FALSE;
      position += kr->existing == NULL;
    }
  return TRUE;
}

static void
put_departments (Apply      *apply,
                 GHashTable *new_uuids)
{
  GListModel *departments = koers_store_get_departments (apply->store);
  int         sort_order = 0;

  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i);

      sort_order = MAX (sort_order, koers_department_get_sort_order (dept) + 1);
    }

  for (guint i = 0; i < apply->self->new_departments->len; i++)
    {
      const char *name = g_ptr_array_index (apply->self->new_departments, i);
      g_autoptr (KoersDepartment) dept = koers_department_new (name, NULL);
      char *uuid = koers_uuid_new ();

      koers_department_set_uuid (dept, uuid);
      koers_department_set_sort_order (dept, sort_order++);
      koers_department_set_created (dept, apply->now);
      koers_department_set_updated (dept, apply->now);
      koers_store_batch_put_department (apply->batch, dept, NULL, NULL);
      g_hash_table_insert (new_uuids, (gpointer) name, uuid);
    }
}

static void
set_rows_error (KoersCsvImport *self,
                GError        **error)
{
  g_autoptr (GString) text = g_string_new (NULL);

  g_string_append_printf (text,
                          ngettext ("The file has %u problem; nothing was imported:",
                                    "The file has %u problems; nothing was imported:",
                                    self->n_problems),
                          self->n_problems);
  for (guint i = 0; i < MIN (self->n_problems, MAX_LISTED_PROBLEMS); i++)
    {
      KoersCsvPreviewLine *line = g_ptr_array_index (self->preview, i);

      g_string_append_printf (text, "\n%s", line->text);
    }
  if (self->n_problems > MAX_LISTED_PROBLEMS)
    {
      guint more = self->n_problems - MAX_LISTED_PROBLEMS;

      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("and %u more", "and %u more", more), more);
    }
  g_set_error_literal (error, KOERS_CSV_ERROR, KOERS_CSV_ERROR_ROWS, text->str);
}

gboolean
koers_csv_import_apply (KoersCsvImport *self,
                        KoersStore     *store,
                        GError        **error)
{
  g_autoptr (KoersStoreBatch) batch = koers_store_batch_new ();
  g_autoptr (GHashTable) new_uuids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr (GHashTable) positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Apply apply = { self, store, batch, NULL, koers_now_usec (), positions };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (KOERS_IS_STORE (store), FALSE);
  g_return_val_if_fail (self->period_key != NULL, FALSE); /* planned first */
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->n_problems > 0)
    {
      set_rows_error (self, error);
      return FALSE;
    }

  apply.read = koers_store_import_begin (store, FALSE, error);
  if (apply.read == NULL)
    return FALSE;

  put_departments (&apply, new_uuids);
  for (guint i = 0; i < self->objectives->len; i++)
    if (!put_objective (&apply, g_ptr_array_index (self->objectives, i), new_uuids, error))
      {
        koers_store_import_free (apply.read);
        return FALSE;
      }
  /* The read snapshot ends before the write transaction begins. */
  koers_store_import_free (apply.read);

  if (koers_store_batch_is_empty (batch))
    return TRUE;
  return koers_store_write_batch (store, batch, error);
}
