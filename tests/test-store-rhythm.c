/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-test-store.h"
#include "store/koers-store-rhythm.h"

/* The check-in rhythm in the database's settings. */

static void
test_defaults_and_write (KoersTestStore *f,
                         gconstpointer   data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersStore) again = NULL;
  KoersRhythm rhythm;
  KoersRhythm wednesday = { G_DATE_WEDNESDAY, 10 };

  g_assert_true (koers_store_read_rhythm (f->store, &rhythm, &error));
  g_assert_cmpint (rhythm.checkin_day, ==, G_DATE_MONDAY);
  g_assert_cmpuint (rhythm.late_days, ==, 7);

  f->changed = 0;
  g_assert_true (koers_store_write_rhythm (f->store, &wednesday, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changed, ==, 1);
  g_assert_true (koers_store_read_rhythm (f->store, &rhythm, &error));
  g_assert_cmpint (rhythm.checkin_day, ==, G_DATE_WEDNESDAY);
  g_assert_cmpuint (rhythm.late_days, ==, 10);

  /* Kept in the file, for everyone who opens it. */
  again = koers_store_open (f->files.path, &error);
  g_assert_no_error (error);
  g_assert_true (koers_store_read_rhythm (again, &rhythm, &error));
  g_assert_cmpint (rhythm.checkin_day, ==, G_DATE_WEDNESDAY);
  g_assert_cmpuint (rhythm.late_days, ==, 10);
}

static void
test_refused (KoersTestStore *f,
              gconstpointer   data)
{
  g_autoptr (GError) error = NULL;
  KoersRhythm rhythm;
  KoersRhythm bad = { G_DATE_FRIDAY, 0 };

  f->changed = 0;
  g_assert_false (koers_store_write_rhythm (f->store, &bad, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "A key result counts as late after 1 to 60 days");
  g_assert_cmpuint (f->changed, ==, 0);
  g_assert_cmpint (koers_test_store_count_rows (f, "SELECT COUNT(*) FROM settings WHERE key LIKE 'checkin-%'"), ==, 0);
  g_clear_error (&error);

  bad.late_days = 7;
  bad.checkin_day = G_DATE_BAD_WEEKDAY;
  g_assert_false (koers_store_write_rhythm (f->store, &bad, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);

  /* A value out of range in the file (another program) reads as the default. */
  koers_test_exec_raw (f->files.path, "INSERT INTO settings (key, value) VALUES ('checkin-day', '9'), "
                                      "('checkin-late-days', 'soon')");
  g_assert_true (koers_store_read_rhythm (f->store, &rhythm, NULL));
  g_assert_cmpint (rhythm.checkin_day, ==, G_DATE_MONDAY);
  g_assert_cmpuint (rhythm.late_days, ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-rhythm/defaults-and-write", KoersTestStore, NULL, koers_test_store_setup,
              test_defaults_and_write, koers_test_store_teardown);
  g_test_add ("/store-rhythm/refused", KoersTestStore, NULL, koers_test_store_setup, test_refused,
              koers_test_store_teardown);

  return g_test_run ();
}
