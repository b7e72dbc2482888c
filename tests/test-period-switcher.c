/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-test-ui.h"
#include "ui/window/koers-period-switcher.h"

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static GtkWidget *
get_child (KoersPeriodSwitcher *switcher,
           const char          *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (switcher),
                                                    KOERS_TYPE_PERIOD_SWITCHER, name));
}

/* KOERS_TODAY is 2026-05-15: the switcher starts at Q2 2026. */
static void
test_starts_at_current_quarter (void)
{
  GtkWidget         *switcher = g_object_ref_sink (koers_period_switcher_new ());
  const KoersPeriod *period = koers_period_switcher_get_period (KOERS_PERIOD_SWITCHER (switcher));

  g_assert_cmpint (period->kind, ==, KOERS_PERIOD_KIND_QUARTER);
  g_assert_cmpint (period->year, ==, 2026);
  g_assert_cmpint (period->quarter, ==, 2);
  g_assert_cmpstr (koers_period_switcher_get_label (KOERS_PERIOD_SWITCHER (switcher)), ==, "Q2 2026");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (get_child (KOERS_PERIOD_SWITCHER (switcher),
                                                                          "menu_button"))),
                   ==, "Q2 2026");

  g_object_unref (switcher);
}

static void
test_previous_next (void)
{
  GtkWidget           *window = gtk_window_new ();
  GtkWidget           *switcher = koers_period_switcher_new ();
  KoersPeriodSwitcher *sw = KOERS_PERIOD_SWITCHER (switcher);
  guint                notified = 0;

  gtk_window_set_child (GTK_WINDOW (window), switcher);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (switcher, "notify::period", G_CALLBACK (notify_count_cb), &notified);

  /* Through the buttons' actions, as a click does. */
  g_assert_true (gtk_widget_activate_action (switcher, "switcher.next", NULL));
  g_assert_cmpstr (koers_period_switcher_get_label (sw), ==, "Q3 2026");
  g_assert_cmpuint (notified, ==, 1);

  g_signal_emit_by_name (get_child (sw, "next_button"), "clicked");
  g_assert_cmpstr (koers_period_switcher_get_label (sw), ==, "Q4 2026");
  koers_period_switcher_next (sw);
  g_assert_cmpstr (koers_period_switcher_get_label (sw), ==, "Q1 2027");
  g_assert_cmpint (koers_period_switcher_get_period (sw)->year, ==, 2027);

  g_signal_emit_by_name (get_child (sw, "previous_button"), "clicked");
  g_assert_cmpstr (koers_period_switcher_get_label (sw), ==, "Q4 2026");
  koers_period_switcher_previous (sw);
  koers_period_switcher_previous (sw);
  koers_period_switcher_previous (sw);
  g_assert_cmpstr (koers_period_switcher_get_label (sw), ==, "Q1 2026");
  koers_period_switcher_previous (sw);
  g_assert_cmpstr (koers_period_switcher_get_label (sw), ==, "Q4 2025");
  g_assert_cmpuint (notified, ==, 8);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_set_period (void)
{
  GtkWidget           *switcher = g_object_ref_sink (koers_period_switcher_new ());
  KoersPeriodSwitcher *sw = KOERS_PERIOD_SWITCHER (switcher);
  g_autoptr (KoersPeriod) through_property = NULL;
  KoersPeriod period;
  guint       notified = 0;

  g_signal_connect (switcher, "notify::period", G_CALLBACK (notify_count_cb), &notified);

  koers_period_init_quarter (&period, 2024, 4);
  koers_period_switcher_set_period (sw, &period);
  g_assert_cmpstr (koers_period_switcher_get_label (sw), ==, "Q4 2024");
  g_assert_cmpuint (notified, ==, 1);

  /* The same period again: no notification. */
  koers_period_switcher_set_period (sw, &period);
  g_assert_cmpuint (notified, ==, 1);

  g_object_get (switcher, "period", &through_property, NULL);
  g_assert_true (koers_period_equal (through_property, &period));

  /* A year steps by years. */
  koers_period_init_year (&period, 2026);
  g_object_set (switcher, "period", &period, NULL);
  g_assert_cmpstr (koers_period_switcher_get_label (sw), ==, "2026");
  koers_period_switcher_next (sw);
  g_assert_cmpstr (koers_period_switcher_get_label (sw), ==, "2027");
  g_assert_cmpuint (notified, ==, 3);

  g_object_unref (switcher);
}

/* The popover's year and quarter controls pick a period. */
static void
test_popover_controls (void)
{
  GtkWidget           *window = gtk_window_new ();
  GtkWidget           *switcher = koers_period_switcher_new ();
  KoersPeriodSwitcher *sw = KOERS_PERIOD_SWITCHER (switcher);

  gtk_window_set_child (GTK_WINDOW (window), switcher);
  gtk_window_present (GTK_WINDOW (window));
  koers_test_ui_iterate ();

  /* The quarter shown is the toggled one. */
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (get_child (sw, "q2_button"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (get_child (sw, "q1_button"))));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (get_child (sw, "q4_button")), TRUE);
  g_assert_cmpstr (koers_period_switcher_get_label (sw), ==, "Q4 2026");

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_child (sw, "year_spin")), 2028);
  g_assert_cmpstr (koers_period_switcher_get_label (sw), ==, "Q4 2028");

  /* "This Quarter" goes back to KOERS_TODAY's quarter. */
  g_assert_true (gtk_widget_activate_action (switcher, "switcher.current", NULL));
  g_assert_cmpstr (koers_period_switcher_get_label (sw), ==, "Q2 2026");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (get_child (sw, "year_spin"))), ==, 2026);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (get_child (sw, "q2_button"))));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_accessible_names (void)
{
  GtkWidget           *switcher = g_object_ref_sink (koers_period_switcher_new ());
  KoersPeriodSwitcher *sw = KOERS_PERIOD_SWITCHER (switcher);

  g_assert_cmpstr (gtk_widget_get_tooltip_text (get_child (sw, "previous_button")), ==, "Previous Quarter");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (get_child (sw, "next_button")), ==, "Next Quarter");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (get_child (sw, "menu_button")), ==, "Choose Period");

  g_object_unref (switcher);
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add_func ("/period-switcher/current-quarter", test_starts_at_current_quarter);
  g_test_add_func ("/period-switcher/previous-next", test_previous_next);
  g_test_add_func ("/period-switcher/set-period", test_set_period);
  g_test_add_func ("/period-switcher/popover", test_popover_controls);
  g_test_add_func ("/period-switcher/accessible", test_accessible_names);

  return g_test_run ();
}
