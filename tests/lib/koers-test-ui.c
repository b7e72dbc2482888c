/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <stdlib.h>

#include "koers-test-ui.h"

void
koers_test_ui_init (int    *argc,
                    char ***argv)
{
  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the widget tests (run them under Xvfb).\n");
      exit (77);
    }

  adw_init ();
}

void
koers_test_ui_db_open_in (KoersTestUiDb *db,
                          const char *template)
{
  db->dir = koers_test_make_tmp_dir (template != NULL ? template : "koers-ui-XXXXXX");
  db->path = g_build_filename (db->dir, "koers.db", NULL);
  db->store = koers_test_open_store (db->path);
}

void
koers_test_ui_db_open (KoersTestUiDb *db)
{
  koers_test_ui_db_open_in (db, NULL);
}

void
koers_test_ui_refuse_writes (KoersTestUiDb *db,
                             const char    *table)
{
  g_autofree char *sql = g_strdup_printf (
    "CREATE TRIGGER refuse_insert BEFORE INSERT ON %s BEGIN SELECT RAISE (ABORT, 'no'); END;"
    "CREATE TRIGGER refuse_update BEFORE UPDATE ON %s BEGIN SELECT RAISE (ABORT, 'no'); END;",
    table, table);

  koers_test_exec_raw (db->path, sql);
}

gboolean
koers_test_ui_has_label_containing (GtkWidget  *root,
                                    const char *text)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  koers_test_ui_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (labels->pdata[i]), text) != NULL)
      return TRUE;

  return FALSE;
}

void
koers_test_ui_db_close (KoersTestUiDb *db)
{
  g_clear_object (&db->store);
  koers_test_remove_tree (db->dir);
  g_clear_pointer (&db->dir, g_free);
  g_clear_pointer (&db->path, g_free);
}

void
koers_test_ui_iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

KoersStore *
koers_test_ui_db_reopen (KoersTestUiDb *db)
{
  return koers_test_open_store (db->path);
}

void
koers_test_ui_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  koers_test_ui_iterate ();
}

GtkWindow *
koers_test_ui_window_new (GtkWidget *child,
                          int        width,
                          int        height)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), child);
  adw_window_set_content (ADW_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  koers_test_ui_spin (50);

  return GTK_WINDOW (window);
}

void
koers_test_ui_collect (GtkWidget *widget,
                       GType      type,
                       GPtrArray *out)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    koers_test_ui_collect (child, type, out);
}

GPtrArray *
koers_test_ui_find_mapped (GtkWidget *root,
                           GType      type)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();
  GPtrArray *mapped = g_ptr_array_new ();

  koers_test_ui_collect (root, type, all);
  for (guint i = 0; i < all->len; i++)
    if (gtk_widget_get_mapped (all->pdata[i]))
      g_ptr_array_add (mapped, all->pdata[i]);

  return mapped;
}

GtkWidget *
koers_test_ui_find_button (GtkWidget  *root,
                           const char *label)
{
  g_autoptr (GPtrArray) buttons = koers_test_ui_find_mapped (root, GTK_TYPE_BUTTON);

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

GtkWindow *
koers_test_ui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint       n = g_list_model_get_n_items (toplevels);
  GtkWindow  *found = NULL;

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

void
koers_test_ui_destroy_toplevels (GType type)
{
  GtkWindow *window;

  while ((window = koers_test_ui_find_toplevel (type)) != NULL)
    gtk_window_destroy (window);
  koers_test_ui_iterate ();
}

GtkLabel *
koers_test_ui_find_label (GtkWidget  *root,
                          const char *text,
                          gboolean    prefix)
{
  g_autoptr (GPtrArray) labels = koers_test_ui_find_mapped (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      const char *label = gtk_label_get_text (labels->pdata[i]);

      if (prefix ? g_str_has_prefix (label, text) : g_str_equal (label, text))
        return labels->pdata[i];
    }

  return NULL;
}

/* The first preferences row of type under root titled title. */
static gpointer
find_row_titled (GtkWidget  *root,
                 GType       type,
                 const char *title)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  koers_test_ui_collect (root, type, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (rows->pdata[i]), title))
      return rows->pdata[i];

  return NULL;
}

AdwEntryRow *
koers_test_ui_find_entry_row (GtkWidget  *root,
                              const char *title)
{
  return find_row_titled (root, ADW_TYPE_ENTRY_ROW, title);
}

AdwComboRow *
koers_test_ui_find_combo_row (GtkWidget  *root,
                              const char *title)
{
  return find_row_titled (root, ADW_TYPE_COMBO_ROW, title);
}

void
koers_test_ui_click_undo (GtkWidget *root)
{
  GtkWidget *undo;

  koers_test_ui_spin (100);
  undo = koers_test_ui_find_button (root, "Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  koers_test_ui_spin (50);
}

void
koers_test_ui_destroy_and_assert_finalized (GtkWindow *window)
{
  koers_test_ui_assert_finalized_with (window, window);
}

void
koers_test_ui_assert_finalized_with (GtkWindow *window,
                                     gpointer   widget)
{
  g_object_ref (widget);
  gtk_window_destroy (window);
  /* Some references go in idles and frame callbacks after the destroy. */
  koers_test_ui_spin (20);
  g_assert_finalize_object (widget);
}

void
koers_test_ui_finalize_toplevels (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr (GPtrArray) windows = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWindow *window = g_list_model_get_item (toplevels, i); /* our reference */

      if (g_type_is_a (G_OBJECT_TYPE (window), type))
        g_ptr_array_add (windows, window);
      else
        g_object_unref (window);
    }

  for (guint i = 0; i < windows->len; i++)
    gtk_window_destroy (windows->pdata[i]);
  koers_test_ui_spin (20);
  for (guint i = 0; i < windows->len; i++)
    g_assert_finalize_object (windows->pdata[i]);
}
