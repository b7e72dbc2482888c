/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For build-aux/bench-scale: after the application's first window paints
 * its first frame, prints the microseconds since the process started
 * ("first-frame-us") and the peak RSS by then ("first-frame-vmhwm-kib"),
 * then quits.  Koers (KOERS_BENCH_FIRST_FRAME set) and the benchmark's
 * minimal reference window measure through this one function. */
void koers_bench_watch_first_frame (GtkApplication *app);

G_END_DECLS
