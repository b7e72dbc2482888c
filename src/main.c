/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "koers-application.h"
#include "koers-bench-hook.h"
#include "koers-cli.h"

/* Replaces this process by a new one with the same arguments.  Done after
 * the application has released its D-Bus name, so the new process becomes
 * the primary instance instead of handing its arguments to this one. */
static void
restart (char *argv[])
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);

  koers_application_restore_environment ();

  if (self_exe != NULL)
    execv (self_exe, argv);
  execvp (argv[0], argv);

  g_printerr (_ ("Could not restart Koers: %s\n"), g_strerror (errno));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (KoersApplication) app = NULL;
  g_autofree char *language = NULL;
  const char      *localedir;
  gboolean         restart_requested;
  int              status;

  setlocale (LC_ALL, "");
  /* Before gettext: the chosen language goes into LANGUAGE. */
  language = koers_application_apply_language ();
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
  app = koers_application_new (language);
  if (g_getenv ("KOERS_BENCH_FIRST_FRAME") != NULL)
    koers_bench_watch_first_frame (GTK_APPLICATION (app));
  status = g_application_run (G_APPLICATION (app), argc, argv);
  restart_requested = koers_application_get_restart_requested (app);
  g_clear_object (&app);

  if (restart_requested)
    {
      restart (argv);
      return 1;
    }

  return status;
}
