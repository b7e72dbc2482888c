/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "koers-csv-reader.h"
#include "store/koers-store.h"

G_BEGIN_DECLS

/* Import of the method's reporting template from a spreadsheet's CSV
 * (docs/csv-format.md): one row per key result, objectives and levels
 * repeated or left blank below the row that names them.
 *
 *   1. koers_csv_import_new(): reads the file and finds each column's
 *      meaning by its header (either language, any order);
 *   2. koers_csv_import_set_field() corrects that (the window's mapping);
 *   3. koers_csv_import_plan(): what would be added, what matches an
 *      existing objective or key result (by title, in that department and
 *      period) and is updated, and what is wrong, by row and column;
 *   4. koers_csv_import_apply(): writes that plan in ONE store batch (one
 *      transaction, with the change log), or nothing when a row has a
 *      problem. */

/* The meaning of a column. */
typedef enum
{
  KOERS_CSV_FIELD_NONE, /* not imported */
  KOERS_CSV_FIELD_LEVEL,
  KOERS_CSV_FIELD_OBJECTIVE,
  KOERS_CSV_FIELD_KEY_RESULT,
  KOERS_CSV_FIELD_START,
  KOERS_CSV_FIELD_TARGET,
  KOERS_CSV_FIELD_CURRENT,
  KOERS_CSV_FIELD_STATUS,
  KOERS_CSV_FIELD_OWNER,
  KOERS_CSV_FIELD_DUE,
  KOERS_CSV_N_FIELDS
} KoersCsvField;

/* Its name in the interface's language ("Not imported" for NONE). */
const char *koers_csv_field_get_label (KoersCsvField field);
/* The meaning of a header ("Doel", "Key Result", "Huidige waarde",
 * "Sleutelresultaat (Key Result)"), NONE when unknown.  *language (may be
 * NULL) is set when the header is a word of one language only. */
KoersCsvField koers_csv_field_from_header (const char    *header,
                                           KoersLanguage *language);

/* A status word of the template or of --export-csv, in Dutch or English
 * and any case ("Op schema", "behaald", "At risk"); FALSE when it is none.
 * The one place that reads status words (see docs/csv-format.md). */
gboolean koers_csv_parse_status (const char    *word,
                                 KoersKrStatus *status);

typedef enum
{
  KOERS_CSV_PREVIEW_ADD,     /* a new department, objective or key result */
  KOERS_CSV_PREVIEW_UPDATE,  /* an existing objective it updates */
  KOERS_CSV_PREVIEW_PROBLEM, /* a row or column that stops the import */
  KOERS_CSV_PREVIEW_NOTE,    /* a column that is not imported */
} KoersCsvPreviewKind;

typedef struct
{
  KoersCsvPreviewKind kind;
  char               *text; /* one line, translated */
} KoersCsvPreviewLine;

typedef struct _KoersCsvImport KoersCsvImport;

/* data: the file's bytes as saved (see koers_csv_decode()).  NULL with an
 * error when it is not CSV text or has no header row. */
KoersCsvImport *koers_csv_import_new (GBytes  *data,
                                      GError **error);
KoersCsvImport *koers_csv_import_new_for_file (GFile   *file,
                                               GError **error);
void            koers_csv_import_free (KoersCsvImport *self);

guint         koers_csv_import_get_n_columns (KoersCsvImport *self);
const char   *koers_csv_import_get_header (KoersCsvImport *self,
                                           guint           column);
KoersCsvField koers_csv_import_get_field (KoersCsvImport *self,
                                          guint           column);
/* Gives column that meaning; a column that had it before is no longer
 * imported (each meaning belongs to one column). */
void koers_csv_import_set_field (KoersCsvImport *self,
                                 guint           column,
                                 KoersCsvField   field);
/* The separator found: ',' ';' or '\t'. */
char koers_csv_import_get_separator (KoersCsvImport *self);
/* The rows below the header, empty ones included. */
guint koers_csv_import_get_n_rows (KoersCsvImport *self);

/* How numbers are written ("8,5" or "8.5"): guessed from the headers'
 * language, else the interface's. */
KoersLanguage koers_csv_import_get_language (KoersCsvImport *self);
void          koers_csv_import_set_language (KoersCsvImport *self,
                                             KoersLanguage   language);
/* Whether a level the database does not have becomes a new department
 * (the default) or a problem of its rows. */
void koers_csv_import_set_create_departments (KoersCsvImport *self,
                                              gboolean        create);

/* Plans the import into period (its objectives are read first when the
 * store loads by period); today: the date of the check-ins made from
 * current values (NULL: koers_date_today()).  FALSE only when the
 * database cannot be read; problems in the file are in the preview. */
gboolean koers_csv_import_plan (KoersCsvImport    *self,
                                KoersStore        *store,
                                const KoersPeriod *period,
                                const GDate       *today,
                                GError           **error);
/* The plan's lines (KoersCsvPreviewLine), problems first: owned by self. */
GPtrArray *koers_csv_import_get_preview (KoersCsvImport *self);
guint      koers_csv_import_get_n_problems (KoersCsvImport *self);
/* The names of the departments the plan creates (NULL-terminated). */
const char *const *koers_csv_import_get_new_departments (KoersCsvImport *self);
/* "2 objectives and 7 key results added, 1 objective updated" */
char *koers_csv_import_describe (KoersCsvImport *self);
/* Writes the plan in one transaction.  KOERS_CSV_ERROR_ROWS (listing the
 * first problems) when it has any, and then nothing is written. */
gboolean koers_csv_import_apply (KoersCsvImport *self,
                                 KoersStore     *store,
                                 GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersCsvImport, koers_csv_import_free)

G_END_DECLS
