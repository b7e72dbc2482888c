/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "koers-report-layout.h"

G_BEGIN_DECLS

/* Tables that break across pages, with the header row repeated on every
 * page they reach.  Rows come in groups (an objective and its key
 * results): cells of a "group" column show on the first row of a group,
 * and again on the first row of a new page so no row is orphaned from its
 * objective. */

typedef struct
{
  KoersReportStr title;
  double         width; /* a share of the body width; shares add up to 1 */
  PangoAlignment align;
  gboolean       group;
  /* The cells hold names ("Contentverantwoordelijke"): a word never
   * breaks, and the column widens for its longest word (at the smallest
   * size), taking the room from the widest other column. */
  gboolean names;
} KoersReportColumn;

typedef struct _KoersReportTable KoersReportTable;

KoersReportTable *koers_report_table_new (KoersReportLayout       *layout,
                                          const KoersReportColumn *columns,
                                          guint                    n_columns);
void              koers_report_table_free (KoersReportTable *table);

/* Starts a row; group_start begins a new group (the first row always
 * does).  The cells are then set by column index; unset cells are empty. */
void koers_report_table_add_row (KoersReportTable *table,
                                 gboolean          group_start);
/* Text, with an optional second, smaller and muted line (sub may be
 * NULL); link: a destination the cell's text links to (nullable). */
void koers_report_table_set_text (KoersReportTable *table,
                                  guint             column,
                                  const char       *text,
                                  const char       *sub,
                                  gboolean          bold,
                                  const char       *link);
/* A value (a number with its unit): set one size smaller rather than
 * broken when it does not fit on one line. */
void koers_report_table_set_value (KoersReportTable *table,
                                   guint             column,
                                   const char       *text);
/* Makes the row a link target (an objective's place in the report). */
void koers_report_table_set_dest (KoersReportTable *table,
                                  const char       *dest);
/* Makes the cell (set before, of any kind) link to a destination. */
void koers_report_table_set_link (KoersReportTable *table,
                                  guint             column,
                                  const char       *link);
void koers_report_table_set_status (KoersReportTable *table,
                                    guint             column,
                                    KoersKrStatus     status);
/* A status symbol (the shape and colour of symbol) with label beside it:
 * a KPI's health in the symbols the key results use. */
void koers_report_table_set_status_label (KoersReportTable *table,
                                          guint             column,
                                          KoersKrStatus     symbol,
                                          const char       *label);
/* A value over a progress bar with its percentage. */
void koers_report_table_set_progress (KoersReportTable *table,
                                      guint             column,
                                      const char       *text,
                                      double            fraction,
                                      KoersKrStatus     status);
/* A 0..1 score in its band's colour. */
void koers_report_table_set_score (KoersReportTable *table,
                                   guint             column,
                                   double            score);

/* The height of the header and the first two rows (all of a table too
 * short to break): what a heading above the table keeps on its page. */
double koers_report_table_keep_height (KoersReportTable *table);

/* Draws at the cursor and moves it below the table.  It breaks across
 * pages only with two rows or more before the break and its header and
 * three rows or more after it; else it starts on a new page. */
void koers_report_table_draw (KoersReportTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersReportTable, koers_report_table_free)

G_END_DECLS
