/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <gmodule.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "koers-cli.h"
#include "koers-command-line.h"
#include "koers-heap.h"
#include "koers-settings.h"
#include "koers-window-main.h"

#define WINDOW_MODULE "koers-window.so"
#define WINDOW_START_HEAP (32 * 1024 * 1024)

/* Replaces this process by a new one with the same arguments.  Done after
 * the application has released its D-Bus name, so the new process becomes
 * the primary instance instead of handing its arguments to this one. */
static void
restart (char *argv[])
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);

  koers_settings_restore_environment ();

  if (self_exe != NULL)
    execv (self_exe, argv);
  execvp (argv[0], argv);

  g_printerr (_ ("Could not restart Koers: %s\n"), g_strerror (errno));
}

/* An uninstalled build (the tests, meson devenv) has the module beside
 * koers; an installed one in its own folder. */
static char *
find_window_module (void)
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);

  if (self_exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self_exe);
      g_autofree char *beside = g_build_filename (dir, WINDOW_MODULE, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&beside);
    }

  return g_build_filename (KOERS_MODULEDIR, WINDOW_MODULE, NULL);
}

/* The window, GTK and libadwaita are loaded only here: a headless
 * command never pays for linking them (a third of its start). */
static int
run_window (int         argc,
            char       *argv[],
            const char *language)
{
  g_autofree char    *path = find_window_module ();
  GModule            *module;
  KoersWindowMainFunc window_main = NULL;
  gboolean            restart_requested = FALSE;
  int                 status;

  /* What the window's start touches of new heap (its objects, the first
   * frame's image buffers): 32 MiB measured a tenth less from exec to the
   * first frame on a large company (koers-heap.c). */
  koers_heap_populate (WINDOW_START_HEAP);
  /* Local: the module takes the model, the store and the files from
   * this program, and gives nothing back but its entry point. */
  module = g_module_open (path, G_MODULE_BIND_LOCAL);
  if (module == NULL ||
      !g_module_symbol (module, KOERS_WINDOW_MAIN_SYMBOL, (gpointer *) &window_main))
    {
      /* Translators: %s says why, from the system (a file name and a reason). */
      g_printerr (_ ("koers: Could not load the window: %s\n"), g_module_error ());
      return 1;
    }

  status = window_main (argc, argv, language, &restart_requested);
  if (restart_requested)
    {
      restart (argv);
      return 1;
    }

  /* Never closed: the types the module registered stay in use until exit. */
  return status;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (KoersCommandLine) command_line = NULL;
  g_autofree char *language = NULL;
  const char      *localedir;
  int              status;

  setlocale (LC_ALL, "");
  /* Before gettext: the chosen language goes into LANGUAGE. */
  language = koers_settings_apply_language ();
  /* KOERS_LOCALEDIR points an uninstalled build at its own catalogues
   * (<builddir>/po), as the end-to-end test does; unset, the installed
   * ones are used. */
  localedir = g_getenv ("KOERS_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  koers_cli_install_print_handlers ();
  command_line = koers_command_line_new ();
  status = g_application_run (G_APPLICATION (command_line), argc, argv);
  if (!koers_command_line_get_wants_window (command_line))
    return status;

  g_clear_object (&command_line);
  return run_window (argc, argv, language);
}
