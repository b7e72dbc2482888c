/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

#include "io/report/koers-report.h"
#include "koers-test-store.h"

G_BEGIN_DECLS

/* Poppler 22 has no g_autoptr support: names of our own for it (a later
 * poppler's own definitions then do not clash). */
typedef PopplerDocument KoersTestPdf;
typedef PopplerPage     KoersTestPdfPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersTestPdf, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersTestPdfPage, g_object_unref)

/* Shared by the report tests: a fixture database built through the store
 * API, and checks on the PDF read back with poppler. */

typedef struct
{
  char       *dir; /* a g_dir_make_tmp folder, removed by teardown */
  char       *db_path;
  KoersStore *store;
} KoersTestReport;

/* A store in a fresh temporary folder, with the seed's departments. */
void  koers_test_report_open (KoersTestReport *fixture);
void  koers_test_report_close (KoersTestReport *fixture);
char *koers_test_report_path (KoersTestReport *fixture,
                              const char      *name);

/* The test company: objectives in both languages' words (lang), aligned,
 * with check-ins and notes, a GDPR key result, a committed objective of Q1
 * that missed, and an IT objective whose table runs over two pages. */
void koers_test_report_populate (KoersTestReport *fixture,
                                 KoersLanguage    lang);
/* Titles of every objective the fixture put in Q2 2026 (owned by the
 * fixture's strings; free the array only). */
GPtrArray *koers_test_report_q2_titles (KoersLanguage lang);

KoersObjective *koers_test_report_add_objective (KoersStore        *store,
                                                 const char        *department,
                                                 const char        *title,
                                                 KoersLevel         level,
                                                 KoersObjectiveKind kind,
                                                 const char        *period,
                                                 KoersObjective    *aligned_to);
KoersKeyResult *koers_test_report_add_key_result (KoersStore     *store,
                                                  KoersObjective *objective,
                                                  const char     *title,
                                                  KoersMetricKind kind,
                                                  double          start,
                                                  double          target,
                                                  const char     *unit);

/* Options for Q2 2026 as of 15 May 2026. */
void koers_test_report_options_q2 (KoersReportOptions *opts,
                                   KoersLanguage       lang);

PopplerDocument *koers_test_report_open_pdf (const char *path);
/* Text with every run of white space made one space, soft hyphens gone. */
char *koers_test_report_normalize (const char *text);
char *koers_test_report_page_text (PopplerDocument *doc,
                                   int              index);
char *koers_test_report_document_text (PopplerDocument *doc);
/* Every glyph poppler finds lies inside the page margins. */
void koers_test_report_assert_in_margins (PopplerDocument *doc);
/* "Page X of Y" (or "Pagina X van Y") on every page. */
void koers_test_report_assert_page_footers (PopplerDocument *doc,
                                            KoersLanguage    lang);
/* The titles of the top-level outline entries, and the children of the
 * entry named parent (NULL: none). */
GPtrArray *koers_test_report_outline_titles (PopplerDocument *doc,
                                             const char      *parent);
/* Files in dir (names), to find leftovers. */
GPtrArray *koers_test_report_list_dir (const char *dir);

G_END_DECLS
