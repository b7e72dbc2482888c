/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KOERS_CSV_ERROR (koers_csv_error_quark ())

typedef enum
{
  KOERS_CSV_ERROR_ENCODING, /* neither UTF-8, UTF-16 nor Windows-1252 */
  KOERS_CSV_ERROR_SYNTAX,   /* a quoted field that is never closed */
  KOERS_CSV_ERROR_EMPTY,    /* no header row */
  KOERS_CSV_ERROR_COLUMNS,  /* the header lacks a column the import needs */
  KOERS_CSV_ERROR_ROWS,     /* rows with problems: nothing was written */
  KOERS_CSV_ERROR_FILE,     /* not a regular file, or too large */
} KoersCsvError;

GQuark koers_csv_error_quark (void);

/* The largest file an import reads (a spreadsheet of OKRs is kilobytes). */
#define KOERS_CSV_MAX_FILE_SIZE (32 * 1024 * 1024)

/* Text as spreadsheets save it, to UTF-8: a UTF-8 or UTF-16 byte order
 * mark says the encoding; text without one is UTF-8 when it is valid
 * UTF-8 and otherwise Windows-1252 (what Excel writes for "CSV" in a
 * Western European locale).  NUL bytes are refused. */
char *koers_csv_decode (const char *data,
                        gsize       length,
                        GError    **error);

/* The separator of the header line: ';' (Dutch Excel and LibreOffice),
 * '\t' or ',' (the default), whichever occurs most outside quotes. */
char koers_csv_guess_separator (const char *text);

/* Rows of fields (a GPtrArray of GStrv), as a spreadsheet shows them: the
 * header is row 1, so rows->pdata[i] is the spreadsheet's row i + 1, also
 * when a quoted field holds line breaks.  Lenient where spreadsheets
 * differ (CRLF, LF or CR line ends, a quote inside an unquoted field, text
 * after a closing quote), strict only where data would be lost: a quoted
 * field that is never closed is an error naming its row. */
GPtrArray *koers_csv_read_rows (const char *text,
                                char        separator,
                                GError    **error);

/* The whole of a regular file, at most KOERS_CSV_MAX_FILE_SIZE bytes (a
 * pipe or a device is refused before it is opened). */
GBytes *koers_csv_load_file (GFile   *file,
                             GError **error);

G_END_DECLS
