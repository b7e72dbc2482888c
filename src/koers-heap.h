/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Makes the calling thread's malloc arena bytes larger at once, its pages
 * populated in one call, and keeps large blocks and freed memory in it
 * until koers_heap_release(): what a start or a short command touches of
 * new heap then costs no page fault per page (see koers-heap.c). */
void koers_heap_populate (gsize bytes);
/* Back to glibc's usual thresholds: freed memory is given back again. */
void koers_heap_release (void);

G_END_DECLS
