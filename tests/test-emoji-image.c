/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A department's emoji drawn once and kept (koers-emoji-image.c). */
#include "config.h"

#include <glib/gstdio.h>

#include "koers-test-ui.h"
#include "ui/widgets/koers-emoji-image.h"

static char *cache_dir;

static void
measure (GtkWidget *widget,
         int       *width,
         int       *height)
{
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, width, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, NULL, height, NULL, NULL);
}

/* The pictures in the cache folder. */
static GPtrArray *
list_kept (void)
{
  g_autofree char *folder = g_build_filename (cache_dir, "koers", "emoji", NULL);
  GPtrArray       *paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (paths, g_build_filename (folder, name, NULL));

  return paths;
}

static GtkWidget *
new_emoji (const char *emoji)
{
  GtkWidget *image = g_object_ref_sink (koers_emoji_image_new ());

  koers_emoji_image_set_emoji (KOERS_EMOJI_IMAGE (image), emoji);
  return image;
}

/* Whether the picture holds colour: some pixel neither grey nor clear. */
static gboolean
has_colour (GtkWidget *image)
{
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  int width, height;

  measure (image, &width, &height);
  gtk_widget_allocate (image, width, height, -1, NULL);
  /* What the widget draws (out of a window, so called directly). */
  GTK_WIDGET_GET_CLASS (image)->snapshot (image, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  /* The picture is one texture, drawn as is. */
  while (node != NULL && gsk_render_node_get_node_type (node) == GSK_CONTAINER_NODE)
    {
      GskRenderNode *child = gsk_render_node_ref (gsk_container_node_get_child (node, 0));

      gsk_render_node_unref (node);
      node = child;
    }
  g_assert_nonnull (node);
  g_assert_cmpint (gsk_render_node_get_node_type (node), ==, GSK_TEXTURE_NODE);

  {
    GdkTexture        *texture = gsk_texture_node_get_texture (node);
    int                w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
    g_autofree guchar *pixels = g_malloc ((gsize) w * h * 4);

    gdk_texture_download (texture, pixels, (gsize) w * 4);
    for (int i = 0; i < w * h; i++)
      {
        const guchar *p = pixels + (gsize) i * 4;

        if (p[3] > 128 && (ABS (p[0] - p[1]) > 40 || ABS (p[1] - p[2]) > 40))
          return TRUE;
      }
  }
  return FALSE;
}

/* A colour emoji becomes a picture, in colour, kept in the cache folder. */
static void
test_picture (void)
{
  GtkWidget *image = new_emoji ("💶");
  g_autoptr (GPtrArray) kept = NULL;
  int width, height;

  koers_emoji_image_forget_pictures ();
  measure (image, &width, &height);
  g_assert_true (koers_emoji_image_is_picture (KOERS_EMOJI_IMAGE (image)));
  g_assert_cmpint (width, >, 8);
  g_assert_cmpint (height, >, 8);
  g_assert_true (has_colour (image));
  {
    /* As wide as the label with two characters' width it replaced, at
     * the least: names beside an emoji or none stand in one column. */
    GtkWidget *label = g_object_ref_sink (gtk_label_new (""));
    int        label_width, label_height;

    gtk_label_set_width_chars (GTK_LABEL (label), 2);
    measure (label, &label_width, &label_height);
    g_assert_cmpint (width, >=, label_width);
    g_object_unref (label);
  }

  kept = list_kept ();
  g_assert_cmpuint (kept->len, ==, 1);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (kept, 0), ".png"));

  g_object_unref (image);
}

/* The file a picture is kept in: the one that is new in after. */
static const char *
find_new (GPtrArray *before,
          GPtrArray *after)
{
  for (guint i = 0; i < after->len; i++)
    if (!g_ptr_array_find_with_equal_func (before, g_ptr_array_index (after, i), g_str_equal, NULL))
      return g_ptr_array_index (after, i);
  return NULL;
}

/* The next process (here: the memory forgotten) reads the file: same size,
 * no second file; a damaged file is drawn again over. */
static void
test_kept_file (void)
{
  g_autoptr (GPtrArray) before = list_kept ();
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget  *first = new_emoji ("📈");
  GtkWidget  *second;
  const char *path;
  int         w1, h1, w2, h2;

  koers_emoji_image_forget_pictures ();
  measure (first, &w1, &h1);
  after = list_kept ();
  g_assert_cmpuint (after->len, ==, before->len + 1);
  path = find_new (before, after);
  g_assert_nonnull (path);

  koers_emoji_image_forget_pictures ();
  second = new_emoji ("📈");
  measure (second, &w2, &h2);
  g_assert_true (koers_emoji_image_is_picture (KOERS_EMOJI_IMAGE (second)));
  g_assert_cmpint (w2, ==, w1);
  g_assert_cmpint (h2, ==, h1);
  again = list_kept ();
  g_assert_cmpuint (again->len, ==, after->len);
  g_object_unref (second);

  /* Damaged: not a PNG any more. */
  g_assert_true (g_file_set_contents (path, "not a picture", -1, NULL));
  koers_emoji_image_forget_pictures ();
  second = new_emoji ("📈");
  measure (second, &w2, &h2);
  g_assert_true (koers_emoji_image_is_picture (KOERS_EMOJI_IMAGE (second)));
  g_assert_cmpint (w2, ==, w1);
  g_assert_true (has_colour (second));
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, w1);

  g_object_unref (first);
  g_object_unref (second);
}

/* Text that is no colour emoji is drawn as a label, in the foreground
 * colour, and kept nowhere; no emoji takes two characters' width, as
 * the label with two characters' width it replaced. */
static void
test_text (void)
{
  GtkWidget *text = new_emoji ("AB");
  GtkWidget *none = new_emoji (NULL);
  GtkWidget *label = g_object_ref_sink (gtk_label_new ("AB"));
  g_autoptr (GPtrArray) before = list_kept ();
  g_autoptr (GPtrArray) after = NULL;
  int width, height, label_width, label_height;

  measure (text, &width, &height);
  measure (label, &label_width, &label_height);
  g_assert_false (koers_emoji_image_is_picture (KOERS_EMOJI_IMAGE (text)));
  /* As wide and high as a label, but for the label's rounding up. */
  g_assert_cmpint (ABS (width - label_width), <=, 2);
  g_assert_cmpint (ABS (height - label_height), <=, 2);
  after = list_kept ();
  g_assert_cmpuint (after->len, ==, before->len);

  measure (none, &width, &height);
  g_assert_false (koers_emoji_image_is_picture (KOERS_EMOJI_IMAGE (none)));
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, ==, 0);
  gtk_label_set_width_chars (GTK_LABEL (label), 2);
  gtk_label_set_text (GTK_LABEL (label), "");
  measure (label, &label_width, &label_height);
  g_assert_cmpint (ABS (width - label_width), <=, 2);

  g_object_unref (text);
  g_object_unref (none);
  g_object_unref (label);
}

/* Another emoji: another picture, and the property says which. */
static void
test_change (void)
{
  GtkWidget *image = new_emoji ("💶");
  int        width, height;

  measure (image, &width, &height);
  koers_emoji_image_set_emoji (KOERS_EMOJI_IMAGE (image), "🧭");
  g_assert_cmpstr (koers_emoji_image_get_emoji (KOERS_EMOJI_IMAGE (image)), ==, "🧭");
  measure (image, &width, &height);
  g_assert_true (koers_emoji_image_is_picture (KOERS_EMOJI_IMAGE (image)));
  g_assert_true (has_colour (image));

  g_object_unref (image);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  /* Before GLib reads it: the pictures go to a folder of the test's own. */
  cache_dir = g_dir_make_tmp ("koers-emoji-XXXXXX", NULL);
  g_setenv ("XDG_CACHE_HOME", cache_dir, TRUE);
  koers_test_ui_init (&argc, &argv);

  g_test_add_func ("/emoji-image/picture", test_picture);
  g_test_add_func ("/emoji-image/kept-file", test_kept_file);
  g_test_add_func ("/emoji-image/text", test_text);
  g_test_add_func ("/emoji-image/change", test_change);

  result = g_test_run ();
  koers_test_remove_tree (cache_dir);
  g_free (cache_dir);
  return result;
}
