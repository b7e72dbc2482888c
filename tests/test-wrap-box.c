/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-test-ui.h"
#include "ui/widgets/koers-wrap-box.h"

typedef struct
{
  GtkWidget *box;
  GtkWidget *children[3];
} Fixture;

/* Three fixed-size children: 100, 60 and 80 wide, 20, 30 and 10 high. */
static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  const int widths[] = { 100, 60, 80 };
  const int heights[] = { 20, 30, 10 };

  f->box = g_object_ref_sink (koers_wrap_box_new (10, 5));
  for (guint i = 0; i < G_N_ELEMENTS (f->children); i++)
    {
      f->children[i] = gtk_drawing_area_new ();
      gtk_widget_set_size_request (f->children[i], widths[i], heights[i]);
      koers_wrap_box_append (KOERS_WRAP_BOX (f->box), f->children[i]);
    }
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_object_unref (f->box);
}

static void
measure (GtkWidget     *widget,
         GtkOrientation orientation,
         int            for_size,
         int           *min,
         int           *nat)
{
  gtk_widget_measure (widget, orientation, for_size, min, nat, NULL, NULL);
}

/* As a parent does: measure, then allocate. */
static void
allocate (GtkWidget *widget,
          int        width,
          int        height)
{
  int min, nat;

  measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat);
  measure (widget, GTK_ORIENTATION_VERTICAL, width, &min, &nat);
  gtk_widget_allocate (widget, width, height, -1, NULL);
}

static void
get_x_width (GtkWidget *child,
             int       *x,
             int       *width)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (child, gtk_widget_get_parent (child), &bounds));
  *x = (int) bounds.origin.x;
  *width = (int) bounds.size.width;
}

/* At its narrowest, a child a line; at ease, one line. */
static void
test_measure (Fixture      *f,
              gconstpointer data)
{
  int min, nat;

  g_assert_cmpint (gtk_widget_get_request_mode (f->box), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);
  measure (f->box, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat);
  g_assert_cmpint (min, ==, 100);
  g_assert_cmpint (nat, ==, 100 + 10 + 60 + 10 + 80);

  measure (f->box, GTK_ORIENTATION_VERTICAL, 260, &min, &nat);
  g_assert_cmpint (min, ==, 30);
  /* 100 + 60 fit in 170, the 80 goes below. */
  measure (f->box, GTK_ORIENTATION_VERTICAL, 170, &min, &nat);
  g_assert_cmpint (min, ==, 30 + 5 + 10);
  measure (f->box, GTK_ORIENTATION_VERTICAL, 100, &min, &nat);
  g_assert_cmpint (min, ==, 20 + 5 + 30 + 5 + 10);
  measure (f->box, GTK_ORIENTATION_VERTICAL, -1, &min, &nat);
  g_assert_cmpint (min, ==, 30);

  /* Hidden children take no room. */
  gtk_widget_set_visible (f->children[1], FALSE);
  measure (f->box, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat);
  g_assert_cmpint (nat, ==, 100 + 10 + 80);
  measure (f->box, GTK_ORIENTATION_VERTICAL, 190, &min, &nat);
  g_assert_cmpint (min, ==, 20);
}

/* Lines in order, an expanding child takes what its line leaves over, and
 * right to left mirrors. */
static void
test_allocate (Fixture      *f,
               gconstpointer data)
{
  int x, width;

  gtk_widget_set_hexpand (f->children[2], TRUE);
  allocate (f->box, 400, 100);
  g_assert_cmpuint (koers_wrap_box_get_n_lines (KOERS_WRAP_BOX (f->box)), ==, 1);
  get_x_width (f->children[1], &x, &width);
  g_assert_cmpint (x, ==, 110);
  get_x_width (f->children[2], &x, &width);
  g_assert_cmpint (x, ==, 180);
  g_assert_cmpint (width, ==, 400 - 180);

  allocate (f->box, 170, 100);
  g_assert_cmpuint (koers_wrap_box_get_n_lines (KOERS_WRAP_BOX (f->box)), ==, 2);
  get_x_width (f->children[2], &x, &width);
  g_assert_cmpint (x, ==, 0);
  g_assert_cmpint (width, ==, 170);

  gtk_widget_set_direction (f->box, GTK_TEXT_DIR_RTL);
  allocate (f->box, 400, 100);
  get_x_width (f->children[0], &x, &width);
  g_assert_cmpint (x, ==, 300);
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add ("/wrap-box/measure", Fixture, NULL, fixture_set_up, test_measure, fixture_tear_down);
  g_test_add ("/wrap-box/allocate", Fixture, NULL, fixture_set_up, test_allocate, fixture_tear_down);

  return g_test_run ();
}
