/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* More for the editor-pane tests, on top of koers-ui-test.h: objectives
 * and key results in the store, a window like the app's (with a toast
 * overlay), and ways to find the widgets a user would see. */

#include <string.h>

#include "koers-ui-test.h"

static inline KoersObjective *
koers_editor_test_add_objective (KoersStore *store,
                                 KoersDepartment *department,
                                 const char *title,
                                 const char *period)
{
  g_autoptr (GError) error = NULL;
  KoersLevel level =
      koers_department_get_is_company (department) ? KOERS_LEVEL_COMPANY : KOERS_LEVEL_DEPARTMENT;
  KoersObjective *objective =
      koers_objective_new (title, level, KOERS_OBJECTIVE_KIND_COMMITTED, period);

  koers_objective_set_department_id (objective, koers_department_get_id (department));
  koers_store_add_objective (store, objective, &error);
  g_assert_no_error (error);

  /* The store holds it; the caller borrows. */
  g_object_unref (objective);
  return objective;
}

static inline KoersKeyResult *
koers_editor_test_add_key_result (KoersStore *store,
                                  KoersObjective *objective,
                                  const char *title,
                                  double start,
                                  double target,
                                  double current)
{
  g_autoptr (GError) error = NULL;
  KoersKeyResult *kr =
      koers_key_result_new (title, KOERS_METRIC_KIND_NUMBER, start, target, "leads");

  koers_key_result_set_current_value (kr, current);
  koers_store_add_key_result (store, objective, kr, &error);
  g_assert_no_error (error);

  g_object_unref (kr);
  return kr;
}

/* A second connection to the same file: what a restart would read. */
static inline KoersStore *
koers_editor_test_reopen (KoersUiTestDb *db)
{
  g_autoptr (GError) error = NULL;
  KoersStore *again = koers_store_open (db->path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (again);
  return again;
}

static inline void
koers_editor_test_iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop for ms milliseconds: long enough for a frame. */
static inline void
koers_editor_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  koers_editor_test_iterate ();
}

/* A window as the app has one: an AdwToastOverlay around child. */
static inline GtkWindow *
koers_editor_test_window_new (GtkWidget *child, int width, int height)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), child);
  adw_window_set_content (ADW_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  koers_editor_test_spin (50);

  return GTK_WINDOW (window);
}

static inline void
koers_editor_test_collect (GtkWidget *widget, GType type, GPtrArray *out)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    koers_editor_test_collect (child, type, out);
}

/* A label under root whose text (markup parsed) holds text. */
static inline gboolean
koers_editor_test_has_label_containing (GtkWidget *root, const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  koers_editor_test_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (labels->pdata[i]), text) != NULL)
      return TRUE;

  return FALSE;
}

/* Widgets of type under root that are mapped: on screen, not recycled. */
static inline GPtrArray *
koers_editor_test_find_mapped (GtkWidget *root, GType type)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();
  GPtrArray *mapped = g_ptr_array_new ();

  koers_editor_test_collect (root, type, all);
  for (guint i = 0; i < all->len; i++)
    if (gtk_widget_get_mapped (all->pdata[i]))
      g_ptr_array_add (mapped, all->pdata[i]);

  return mapped;
}

/* The first mapped button whose label, without its mnemonic mark, is label. */
static inline GtkWidget *
koers_editor_test_find_button (GtkWidget *root, const char *label)
{
  g_autoptr (GPtrArray) buttons = koers_editor_test_find_mapped (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    {
      const char *text = gtk_button_get_label (buttons->pdata[i]);
      if (text == NULL)
        continue;
      if (g_str_equal (text, label) || (text[0] == '_' && g_str_equal (text + 1, label)))
        return buttons->pdata[i];
    }

  return NULL;
}

/* A window of type that is open (borrowed), or NULL. */
static inline GtkWindow *
koers_editor_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);
  GtkWindow *found = NULL;

  for (guint i = 0; i < n && found == NULL; i++)
    {
      GtkWindow *window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
      g_object_unref (window);
    }

  return found;
}

static inline void
koers_editor_test_destroy_toplevels (GType type)
{
  GtkWindow *window;

  while ((window = koers_editor_test_find_toplevel (type)) != NULL)
    gtk_window_destroy (window);
  koers_editor_test_iterate ();
}
