/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-cli.h"
#include "koers-command-line.h"

struct _KoersCommandLine
{
  GApplication parent_instance;

  gboolean options_parsed;
  gboolean wants_window;
};

G_DEFINE_FINAL_TYPE (KoersCommandLine, koers_command_line, G_TYPE_APPLICATION)

static int
koers_command_line_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  KoersCommandLine *self = KOERS_COMMAND_LINE (application);
  int               status;

  self->options_parsed = TRUE;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("koers %s\n", PACKAGE_VERSION);
      return 0;
    }

  status = koers_cli_handle_options (options);
  if (status >= 0)
    return status;

  /* Not -1: this application never registers; the window's does. */
  self->wants_window = TRUE;
  return 0;
}

/* GLib ends with 1 when it cannot parse the options (an unknown one, a
 * missing argument), before handle-local-options; the README promises 2
 * for a mistake in the options, 1 for work that failed. */
static gboolean
koers_command_line_local_command_line (GApplication *application,
                                       char       ***arguments,
                                       int          *exit_status)
{
  KoersCommandLine  *self = KOERS_COMMAND_LINE (application);
  GApplicationClass *parent_class = G_APPLICATION_CLASS (koers_command_line_parent_class);

  self->options_parsed = FALSE;
  self->wants_window = FALSE;
  if (!parent_class->local_command_line (application, arguments, exit_status))
    return FALSE;

  if (!self->options_parsed && *exit_status != 0)
    *exit_status = koers_cli_report_bad_options ();

  return TRUE;
}

static void
koers_command_line_class_init (KoersCommandLineClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->local_command_line = koers_command_line_local_command_line;
  app_class->handle_local_options = koers_command_line_handle_local_options;
}

static void
koers_command_line_init (KoersCommandLine *self)
{
  koers_cli_add_options (G_APPLICATION (self));
}

KoersCommandLine *
koers_command_line_new (void)
{
  return g_object_new (KOERS_TYPE_COMMAND_LINE,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

gboolean
koers_command_line_get_wants_window (KoersCommandLine *self)
{
  g_return_val_if_fail (KOERS_IS_COMMAND_LINE (self), FALSE);

  return self->wants_window;
}
