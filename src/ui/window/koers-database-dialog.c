/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/koers-format.h"
#include "koers-database-dialog.h"

typedef struct
{
  GtkApplication         *application;
  char                   *path;
  GError                 *error;
  KoersDatabaseChosenFunc chosen;
  gpointer                user_data;
} Rescue;

static void show_problem (Rescue       *rescue,
                          const GError *error);

AdwMessageDialog *
koers_database_dialog_new (GtkWindow    *parent,
                           const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _ ("Cannot Open Database"), NULL));
  /* A screen reader names a window by its title; the heading is not one. */
  gtk_window_set_title (GTK_WINDOW (dialog), _ ("Cannot Open Database"));
  adw_message_dialog_set_body (dialog, error->message);

  return dialog;
}

char *
koers_database_dialog_find_free_path (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  const char      *dot = strrchr (base, '.');
  g_autofree char *stem = g_strndup (base, dot != NULL && dot != base ? (gsize) (dot - base)
                                                                      : strlen (base));
  const char      *extension = base + strlen (stem);

  for (guint n = 2;; n++)
    {
      g_autofree char *name = g_strdup_printf ("%s (%u)%s", stem, n, extension);
      g_autofree char *candidate = g_build_filename (folder, name, NULL);

      /* A dangling link is taken too: writing there would follow it. */
      if (!g_file_test (candidate, G_FILE_TEST_EXISTS) &&
          !g_file_test (candidate, G_FILE_TEST_IS_SYMLINK))
        return g_steal_pointer (&candidate);
    }
}

static void
rescue_free (Rescue *rescue)
{
  g_application_release (G_APPLICATION (rescue->application));
  g_object_unref (rescue->application);
  g_free (rescue->path);
  g_clear_error (&rescue->error);
  g_free (rescue);
}

/* The store opened at path, or why it could not be (error), explained
 * again with the same choices. */
static void
finish (Rescue       *rescue,
        KoersStore   *store,
        const char   *path,
        const GError *error)
{
  if (store == NULL)
    {
      show_problem (rescue, error);
      return;
    }

  rescue->chosen (store, path, rescue->user_data);
  rescue_free (rescue);
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  Rescue          *rescue)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *path = NULL;
  g_autoptr (KoersStore) store = NULL;
  g_autoptr (GError) error = NULL;

  g_object_unref (chooser);

  if (response != GTK_RESPONSE_ACCEPT || file == NULL || (path = g_file_get_path (file)) == NULL)
    {
      show_problem (rescue, rescue->error);
      return;
    }

  /* The file chosen may be no better: then that one is explained. */
  store = koers_store_open_for_window (path, &error);
  finish (rescue, store, path, error);
}

static void
choose_file (Rescue *rescue)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_ ("Open Database"), NULL, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _ ("_Open"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), rescue);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
start_new (Rescue *rescue)
{
  g_autofree char *path = koers_database_dialog_find_free_path (rescue->path);
  g_autoptr (KoersStore) store = NULL;
  g_autoptr (GError) error = NULL;

  /* Created under a name of its own and never over a file: the old one
   * stays as it is, for whoever can repair it. */
  if (koers_store_create (path, koers_format_get_language (), NULL, NULL, &error))
    store = koers_store_open_for_window (path, &error);
  finish (rescue, store, path, error);
}

static void
problem_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Rescue           *rescue)
{
  if (g_str_equal (response, "open"))
    choose_file (rescue);
  else if (g_str_equal (response, "new"))
    start_new (rescue);
  else
    rescue_free (rescue);
}

static void
show_problem (Rescue       *rescue,
              const GError *error)
{
  AdwMessageDialog *dialog = koers_database_dialog_new (NULL, error);

  adw_message_dialog_add_responses (dialog,
                                    "quit", _ ("_Quit"),
                                    "open", _ ("_Open Another File…"),
                                    "new", _ ("_Start a New Database"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "new", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "new");
  adw_message_dialog_set_close_response (dialog, "quit");
  gtk_window_set_application (GTK_WINDOW (dialog), rescue->application);
  g_signal_connect (dialog, "response", G_CALLBACK (problem_response_cb), rescue);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
koers_database_dialog_rescue (GtkApplication         *application,
                              const char             *path,
                              const GError           *error,
                              KoersDatabaseChosenFunc chosen,
                              gpointer                user_data)
{
  Rescue *rescue = g_new0 (Rescue, 1);

  /* Held while no window is open: between the dialog and the file chooser. */
  g_application_hold (G_APPLICATION (application));
  rescue->application = g_object_ref (application);
  rescue->path = g_strdup (path);
  rescue->error = g_error_copy (error);
  rescue->chosen = chosen;
  rescue->user_data = user_data;
  show_problem (rescue, error);
}
