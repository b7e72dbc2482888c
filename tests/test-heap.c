/* SPDX-License-Identifier: GPL-3.0-or-later */
/* koers_heap_populate(): what a start touches of new heap after it costs
 * no page fault per page; koers_heap_release() gives it back. */
#define _GNU_SOURCE /* RUSAGE_THREAD */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "koers-heap.h"

#define MIB (1024 * 1024)

static long
count_minor_faults (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_THREAD, &usage), ==, 0);
  return usage.ru_minflt;
}

/* Touches n blocks of 64 KiB, as a start's many small objects would;
 * the faults it took. */
static long
touch_blocks (guint8 **blocks,
              guint    n)
{
  long before = count_minor_faults ();

  for (guint i = 0; i < n; i++)
    {
      blocks[i] = malloc (64 * 1024);
      g_assert_nonnull (blocks[i]);
      memset (blocks[i], 1, 64 * 1024);
    }
  return count_minor_faults () - before;
}

static gpointer
populated_thread (gpointer data)
{
  guint8 *blocks[64];
  long    faults;

  /* A thread of its own: a fresh arena, as a command's thread has. */
  koers_heap_populate (8 * MIB);
  faults = touch_blocks (blocks, G_N_ELEMENTS (blocks)); /* 4 MiB: 1,024 pages */
  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    free (blocks[i]);
  koers_heap_release ();

  return GSIZE_TO_POINTER ((gsize) faults);
}

static gpointer
plain_thread (gpointer data)
{
  guint8 *blocks[64];
  long    faults = touch_blocks (blocks, G_N_ELEMENTS (blocks));

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    free (blocks[i]);
  return GSIZE_TO_POINTER ((gsize) faults);
}

static void
test_populate (void)
{
  gsize plain, populated;

#if defined(__SANITIZE_ADDRESS__) || !defined(__GLIBC__)
  g_test_skip ("glibc's malloc only (a sanitizer has its own)");
  return;
#endif
  plain = GPOINTER_TO_SIZE (g_thread_join (g_thread_new ("plain", plain_thread, NULL)));
  populated = GPOINTER_TO_SIZE (g_thread_join (g_thread_new ("populated", populated_thread, NULL)));

  g_test_message ("faults touching 4 MiB: %zu without, %zu after populating", plain, populated);
  /* Without: about one a page. */
  g_assert_cmpuint (plain, >=, 512);
  g_assert_cmpuint (populated, <, plain / 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/heap/populate", test_populate);

  return g_test_run ();
}
