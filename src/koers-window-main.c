/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-application.h"
#include "koers-bench-hook.h"
#include "koers-window-main.h"

int
koers_window_main (int         argc,
                   char      **argv,
                   const char *language,
                   gboolean   *restart_requested)
{
  g_autoptr (KoersApplication) app = koers_application_new (language);
  int status;

  if (g_getenv ("KOERS_BENCH_FIRST_FRAME") != NULL)
    koers_bench_watch_first_frame (GTK_APPLICATION (app));
  status = g_application_run (G_APPLICATION (app), argc, argv);
  *restart_requested = koers_application_get_restart_requested (app);

  return status;
}
