/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* What the dialogs share.  KoersValueForm (the check-in and KPI update
 * dialogs' fields): reading a typed date, showing a field's error, the
 * date entry's calendar popover, and the note and its Ctrl+Enter.  The
 * export and report dialogs: the department check-list and the save
 * chooser. */

/* Dates as people type them: the formatted form ("15 May 2026",
 * "15 mei 2026", "15 mei"), day first with - / . ("15-5-2026") or ISO.
 * Without a year, today's. */
gboolean koers_form_parse_date (const char  *text,
                                const GDate *today,
                                GDate       *out);
/* entry's date, or an error (KOERS_PARSE_ERROR) when it cannot be read or
 * lies after today. */
gboolean koers_form_read_date (GtkEditable *entry,
                               GDate       *out,
                               GError     **error);
/* Shows error's message in label and marks field invalid; error NULL
 * clears both. */
void koers_form_show_field_error (GtkWidget    *field,
                                  GtkLabel     *label,
                                  const GError *error);
/* For the popover opening: selects entry's date (or today) in calendar. */
void koers_form_sync_calendar (GtkCalendar *calendar,
                               GtkEditable *entry);
/* For a day picked: writes calendar's date into entry, closes the popover. */
void koers_form_take_calendar_day (GtkCalendar   *calendar,
                                   GtkEditable   *entry,
                                   GtkMenuButton *button);
/* The text view's text, stripped; NULL when empty. */
char *koers_form_dup_text (GtkTextView *view);
/* Ctrl+Enter in view calls func (the view would take it as a new line). */
void koers_form_add_save_shortcut (GtkTextView    *view,
                                   GtkShortcutFunc func,
                                   gpointer        user_data);
/* Makes dialog transient for widget's window, when widget (or NULL) has one. */
void koers_form_set_parent (GtkWindow *dialog,
                            GtkWidget *widget);
/* koers_form_set_parent(), then presents dialog.  Returns dialog
 * (transfer none), for a _present() function to return. */
GtkWidget *koers_form_present (GtkWindow *dialog,
                               GtkWidget *widget);
/* Cancel and Save at the end of a dialog: save, the first child of box
 * and the window's default, comes first in the tab order after the
 * fields, and still shows after cancel. */
void koers_form_order_buttons (GtkWindow *window,
                               GtkWidget *box,
                               GtkWidget *cancel,
                               GtkWidget *save);
/* Adds to group a row with a check button for dept (a team's row says
 * whose), active or not; then changed_cb (swapped, on data) follows the
 * check.  Returns the check button (transfer none). */
GtkWidget *koers_form_add_department_check (AdwPreferencesGroup *group,
                                            KoersStore          *store,
                                            KoersDepartment     *dept,
                                            gboolean             active,
                                            GCallback            changed_cb,
                                            gpointer             data);
/* The rows of a "Chosen departments" scope (the export and report
 * dialogs): a check per department of the store. */
typedef struct
{
  GPtrArray *checks;      /* GtkCheckButton per row */
  GPtrArray *departments; /* the KoersDepartment of each row */
} KoersDepartmentChecks;

/* For an instance init: no rows yet. */
void koers_department_checks_init (KoersDepartmentChecks *checks);
/* Adds to group a row per department of store (koers_form_add_department_check()),
 * selected's (nullable) ticked, and keeps them in checks. */
void koers_department_checks_fill (KoersDepartmentChecks *checks,
                                   AdwPreferencesGroup   *group,
                                   KoersStore            *store,
                                   KoersDepartment       *selected,
                                   GCallback              changed_cb,
                                   gpointer               data);
/* Ticks, or clears, the row of the department with department's id. */
void koers_department_checks_set_chosen (KoersDepartmentChecks *checks,
                                         KoersDepartment       *department,
                                         gboolean               chosen);
/* (transfer container): the departments whose rows are ticked, in order. */
GPtrArray *koers_department_checks_list_chosen (KoersDepartmentChecks *checks);
/* Frees what checks holds, for a finalize (the rows are the group's). */
void koers_department_checks_clear (KoersDepartmentChecks *checks);

/* Adds at the end of row a button labelled label (with a mnemonic),
 * centred on the row, named name to a screen reader (NULL: its label);
 * clicked is connected to it with data.  Returns the button (transfer
 * none). */
GtkWidget *koers_form_add_row_button (AdwActionRow *row,
                                      const char   *label,
                                      const char   *name,
                                      GCallback     clicked,
                                      gpointer      data);
/* A label for text that people typed or rules wrote: never markup,
 * start-aligned, wrapped (inside a long word too, for a phone), with
 * css_class (NULL: none). */
GtkWidget *koers_form_new_text_label (const char *text,
                                      const char *css_class);
/* The same margin above and below widget, and another at either side. */
void koers_form_set_margins (GtkWidget *widget,
                             int        vertical,
                             int        horizontal);
/* Sets row's (an AdwPreferencesRow) title to text shown as it is, never
 * as markup: titles people typed or read from a file. */
void koers_form_set_plain_title (gpointer    row,
                                 const char *text);
/* Whether any of checks (GtkCheckButton) is active. */
gboolean koers_form_any_check_active (GPtrArray *checks);
/* A modal save chooser for parent with one filter, proposing name in
 * folder, or in Documents when folder is NULL. */
GtkFileChooserNative *koers_form_new_save_chooser (GtkWindow  *parent,
                                                   const char *title,
                                                   const char *filter_name,
                                                   const char *mime_type,
                                                   const char *suffix,
                                                   GFile      *folder,
                                                   const char *name);

G_END_DECLS
