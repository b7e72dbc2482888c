/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The value, note and date form of the check-in and KPI update dialogs:
 * numbers the reader's way, an empty value wrong only once typed in, a
 * milestone's two buttons, the period's first day as the earliest date,
 * the dialog's part between value and note, and freed with its window. */
#include "config.h"

#include "core/koers-date.h"
#include "core/koers-format.h"
#include "core/koers-parse.h"
#include "koers-test-ui.h"
#include "ui/widgets/koers-value-form.h"

typedef struct
{
  GtkWindow      *window;
  KoersValueForm *form;
  guint           n_changed;
} Fixture;

static void
count_changed_cb (Fixture *f)
{
  f->n_changed++;
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  f->form = KOERS_VALUE_FORM (koers_value_form_new ());
  g_signal_connect_swapped (f->form, "changed", G_CALLBACK (count_changed_cb), f);
  f->window = koers_test_ui_window_new (GTK_WIDGET (f->form), 480, 600);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  koers_format_set_language (KOERS_LANGUAGE_EN);
  koers_test_ui_assert_finalized_with (f->window, f->form);
}

static GtkWidget *
get_child (Fixture    *f,
           const char *name)
{
  GtkWidget *child = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->form),
                                                                KOERS_TYPE_VALUE_FORM, name));

  g_assert_nonnull (child);
  return child;
}

static const char *
get_text (Fixture    *f,
          const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (get_child (f, name)));
}

static void
set_text (Fixture    *f,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_child (f, name)), text);
}

static gboolean
check (Fixture  *f,
       double   *value,
       gboolean *value_ok,
       GDate    *date)
{
  return koers_value_form_check (f->form, value, value_ok, date);
}

static void
test_number (Fixture      *f,
             gconstpointer data)
{
  double   value = 0.0;
  gboolean value_ok = FALSE;
  GDate    date;

  koers_value_form_set_metric (f->form, KOERS_METRIC_KIND_CURRENCY, NULL);
  koers_value_form_set_value (f->form, 1150.5);
  g_assert_cmpstr (get_text (f, "value_entry"), ==, "1,150.5");
  g_assert_true (gtk_widget_get_visible (get_child (f, "prefix_label")));
  g_assert_false (gtk_widget_get_visible (get_child (f, "unit_label")));
  g_assert_false (gtk_widget_get_visible (get_child (f, "milestone_box")));

  koers_format_set_language (KOERS_LANGUAGE_NL);
  set_text (f, "value_entry", "1.200,25");
  g_assert_true (koers_value_form_read_value (f->form, &value, NULL));
  g_assert_cmpfloat (value, ==, 1200.25);

  set_text (f, "value_entry", "abc");
  g_assert_false (check (f, &value, &value_ok, &date));
  g_assert_false (value_ok);
  g_assert_true (gtk_widget_get_visible (get_child (f, "value_error_label")));
  g_assert_true (gtk_widget_has_css_class (get_child (f, "value_entry"), "error"));

  koers_value_form_set_metric (f->form, KOERS_METRIC_KIND_PERCENTAGE, "ignored");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_child (f, "unit_label"))), ==, "%");
  g_assert_false (gtk_widget_get_visible (get_child (f, "prefix_label")));
}

static void
test_empty_until_typed (Fixture      *f,
                        gconstpointer data)
{
  double   value;
  gboolean value_ok = TRUE;
  GDate    date;

  /* A KPI without values: the field starts empty and says nothing. */
  g_assert_false (check (f, &value, &value_ok, &date));
  g_assert_false (value_ok);
  g_assert_false (gtk_widget_get_visible (get_child (f, "value_error_label")));

  set_text (f, "value_entry", "5");
  check (f, &value, &value_ok, &date);
  g_assert_true (value_ok);
  g_assert_cmpfloat (value, ==, 5.0);
  set_text (f, "value_entry", "");
  g_assert_false (check (f, &value, &value_ok, &date));
  g_assert_true (gtk_widget_get_visible (get_child (f, "value_error_label")));
}

static void
test_milestone (Fixture      *f,
                gconstpointer data)
{
  GtkLabel *heading = GTK_LABEL (get_child (f, "value_heading"));
  double    value = -1.0;

  koers_value_form_set_metric (f->form, KOERS_METRIC_KIND_MILESTONE, NULL);
  koers_value_form_set_value (f->form, 1.0);
  g_assert_false (gtk_widget_get_visible (get_child (f, "value_box")));
  g_assert_true (gtk_widget_get_visible (get_child (f, "milestone_box")));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (get_child (f, "done_button"))));
  g_assert_cmpstr (gtk_label_get_label (heading), ==, "_Result");
  g_assert_true (gtk_label_get_mnemonic_widget (heading) == get_child (f, "done_button"));
  g_assert_true (koers_value_form_read_value (f->form, &value, NULL));
  g_assert_cmpfloat (value, ==, 1.0);

  f->n_changed = 0;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (get_child (f, "not_done_button")), TRUE);
  g_assert_cmpuint (f->n_changed, >, 0);
  g_assert_true (koers_value_form_read_value (f->form, &value, NULL));
  g_assert_cmpfloat (value, ==, 0.0);
}

static void
test_dates (Fixture      *f,
            gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GDate    start, date, today;
  double   value;
  gboolean value_ok;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, G_DATE_APRIL, 2026);
  koers_value_form_set_value (f->form, 1);
  koers_value_form_set_date (f->form, &start);
  g_assert_cmpstr (get_text (f, "date_entry"), ==, "1 April 2026");

  koers_value_form_set_earliest_date (f->form, &start);
  set_text (f, "date_entry", "31 March 2026");
  g_assert_false (koers_value_form_read_date (f->form, &date, &error));
  g_assert_error (error, KOERS_PARSE_ERROR, KOERS_PARSE_ERROR_RANGE);

  /* The preview goes on with today; Save does not. */
  g_assert_false (check (f, &value, &value_ok, &date));
  g_assert_true (value_ok);
  koers_date_today (&today);
  g_assert_cmpint (g_date_compare (&date, &today), ==, 0);
  g_assert_true (gtk_widget_get_visible (get_child (f, "date_error_label")));

  koers_value_form_set_earliest_date (f->form, NULL);
  g_assert_true (check (f, &value, &value_ok, &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 31);
  g_assert_false (gtk_widget_get_visible (get_child (f, "date_error_label")));

  f->n_changed = 0;
  set_text (f, "date_entry", "2 May 2026");
  g_assert_cmpuint (f->n_changed, >, 0);
}

static void
test_note_and_extra (Fixture      *f,
                     gconstpointer data)
{
  GtkWidget         *extra = gtk_label_new ("preview");
  GtkWidget         *value_section = get_child (f, "value_section");
  GtkScrolledWindow *scroller;
  g_autofree char   *note = NULL;
  g_autofree char   *empty = NULL;

  g_object_set (f->form, "extra", extra, "note-height", 96, NULL);
  g_assert_true (gtk_widget_get_prev_sibling (extra) == value_section);
  g_assert_true (gtk_widget_is_ancestor (get_child (f, "note_view"),
                                         gtk_widget_get_next_sibling (extra)));
  scroller = GTK_SCROLLED_WINDOW (get_child (f, "note_scroller"));
  g_assert_cmpint (gtk_scrolled_window_get_min_content_height (scroller), ==, 96);

  koers_value_form_set_note (f->form, "  Two new leads  \n");
  note = koers_value_form_dup_note (f->form);
  g_assert_cmpstr (note, ==, "Two new leads");
  koers_value_form_set_note (f->form, " ");
  empty = koers_value_form_dup_note (f->form);
  g_assert_null (empty);
}

static void
test_read (Fixture      *f,
           gconstpointer data)
{
  GDate            date;
  double           value = 0;
  g_autofree char *iso = NULL;
  g_autofree char *note = NULL;
  g_autoptr (GError) error = NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 3, G_DATE_MAY, 2026);
  koers_value_form_set_value (f->form, 42);
  koers_value_form_set_date (f->form, &date);
  koers_value_form_set_note (f->form, " Closed two deals ");
  g_assert_true (koers_value_form_read (f->form, &value, &iso, &note, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (value, ==, 42);
  g_assert_cmpstr (iso, ==, "2026-05-03");
  g_assert_cmpstr (note, ==, "Closed two deals");
  g_clear_pointer (&iso, g_free);
  g_clear_pointer (&note, g_free);

  /* An invalid date: FALSE with its error, and nothing returned. */
  set_text (f, "date_entry", "not a date");
  g_assert_false (koers_value_form_read (f->form, &value, &iso, &note, &error));
  g_assert_nonnull (error);
  g_assert_null (iso);
  g_assert_null (note);
}

static void
test_focus (Fixture      *f,
            gconstpointer data)
{
  GtkWidget *entry = get_child (f, "value_entry");
  GtkWidget *focus;
  int        start, end;

  koers_value_form_set_value (f->form, 42);
  koers_value_form_focus_value (f->form);
  focus = gtk_window_get_focus (f->window);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (entry), &start, &end));
  g_assert_cmpint (end - start, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add ("/value-form/number", Fixture, NULL, fixture_set_up, test_number, fixture_tear_down);
  g_test_add ("/value-form/empty-until-typed", Fixture, NULL, fixture_set_up,
              test_empty_until_typed, fixture_tear_down);
  g_test_add ("/value-form/milestone", Fixture, NULL, fixture_set_up, test_milestone,
              fixture_tear_down);
  g_test_add ("/value-form/dates", Fixture, NULL, fixture_set_up, test_dates, fixture_tear_down);
  g_test_add ("/value-form/note-and-extra", Fixture, NULL, fixture_set_up, test_note_and_extra,
              fixture_tear_down);
  g_test_add ("/value-form/read", Fixture, NULL, fixture_set_up, test_read, fixture_tear_down);
  g_test_add ("/value-form/focus", Fixture, NULL, fixture_set_up, test_focus, fixture_tear_down);

  return g_test_run ();
}
