/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/koers-store.h"

G_BEGIN_DECLS

/* The main window: the departments in a sidebar, the period switcher and
 * the editor pane of the selected department.  Window size, the last
 * department and the last period are kept in GSettings. */
#define KOERS_TYPE_WINDOW (koers_window_get_type ())
G_DECLARE_FINAL_TYPE (KoersWindow, koers_window, KOERS, WINDOW, AdwApplicationWindow)

/* application may be NULL (tests). */
KoersWindow       *koers_window_new (GtkApplication *application,
                                     KoersStore     *store);
KoersStore        *koers_window_get_store (KoersWindow *self);
KoersDepartment   *koers_window_get_department (KoersWindow *self);
void               koers_window_select_department (KoersWindow     *self,
                                                   KoersDepartment *department);
const KoersPeriod *koers_window_get_period (KoersWindow *self);
void               koers_window_set_period (KoersWindow       *self,
                                            const KoersPeriod *period);
/* What choosing a file for Import Data does: checks file in a thread (the
 * window stays responsive) and then opens the import dialog over the
 * window, or shows a message dialog with what is wrong with the file;
 * nothing is written before the dialog's Merge or Import.  Tests call it
 * to bypass the native chooser, and wait while is_importing(). */
void     koers_window_import_file (KoersWindow *self,
                                   GFile       *file);
gboolean koers_window_is_importing (KoersWindow *self);

G_END_DECLS
