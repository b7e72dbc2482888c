/* SPDX-License-Identifier: GPL-3.0-or-later */
/* On the virtual machines Koers runs on (firecracker with a paravirtual
 * MMU), a page fault costs about 11 µs: touching a new page of heap costs
 * as much as reading a hundred rows.  The window's start touches some
 * 4,000 new pages of heap and 1,600 of image buffers, a department's
 * check 700 more on a large company than on the demo.  The kernel
 * populates pages for MADV_POPULATE_WRITE at under 1 µs each, so the
 * arena is grown by what the start will use and populated in one call;
 * on a machine whose faults are cheap this costs a few milliseconds.
 *
 * glibc serves a block this large from a mapping of its own (unmapped
 * when freed), so the mmap threshold goes up first, and freed memory stays
 * in the arena (the trim threshold) until koers_heap_release(). */
#include "config.h"

#include "koers-heap.h"

#ifdef __GLIBC__
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

/* glibc's defaults (M_MMAP_THRESHOLD, M_TRIM_THRESHOLD). */
#define DEFAULT_THRESHOLD (128 * 1024)

void
koers_heap_populate (gsize bytes)
{
#if defined(__GLIBC__) && defined(MADV_POPULATE_WRITE)
  gsize   page = (gsize) sysconf (_SC_PAGESIZE);
  guint8 *block;
  guint8 *start;

  if (bytes < 2 * page)
    return;
  mallopt (M_MMAP_THRESHOLD, (int) MIN (bytes * 2, (gsize) G_MAXINT / 2));
  mallopt (M_TRIM_THRESHOLD, (int) MIN (bytes * 4, (gsize) G_MAXINT / 2));

  block = malloc (bytes);
  if (block == NULL)
    return;
  start = (guint8 *) (((guintptr) block + page - 1) & ~(guintptr) (page - 1));
  /* An older kernel (before 5.14) says EINVAL: the pages come one by one. */
  (void) madvise (start, bytes - page, MADV_POPULATE_WRITE);
  free (block);
#endif
}

void
koers_heap_release (void)
{
#ifdef __GLIBC__
  mallopt (M_MMAP_THRESHOLD, DEFAULT_THRESHOLD);
  mallopt (M_TRIM_THRESHOLD, DEFAULT_THRESHOLD);
  malloc_trim (0);
#endif
}
