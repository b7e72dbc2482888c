/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <pango/pangofc-font.h>

#include "core/koers-atomic-file.h"
#include "core/koers-property.h"
#include "koers-emoji-image.h"

struct _KoersEmojiImage
{
  GtkWidget parent_instance;

  char *emoji;
  /* What is shown, made when first measured: the kept picture of a colour
   * emoji, or else the layout a label would draw. */
  gboolean              prepared;
  PangoFontDescription *font; /* the font it was made in */
  GdkTexture           *picture;
  PangoLayout          *layout;
  int                   width; /* logical pixels */
  int                   height;
};

G_DEFINE_FINAL_TYPE (KoersEmojiImage, koers_emoji_image, GTK_TYPE_WIDGET)

/* Set through koers_emoji_image_set_emoji(), which shows it anew. */
static const KoersProperty property_table[] = {
  { "emoji", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersEmojiImage, emoji), .read_only = TRUE },
};

enum
{
  PROP_EMOJI = 1,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The pictures made in this process, by text, font and scale (see
 * lookup_picture()); NULL for text that is no colour emoji. */
static GHashTable *pictures;

/* The fonts' files that draw text, when every one is a colour font: the
 * picture depends on them (an updated emoji font draws anew).  NULL when
 * some part of the text is drawn by a font without colour glyphs, which
 * takes the foreground colour. */
static GString *
describe_colour_fonts (PangoContext *context,
                       const char   *text)
{
  g_autoptr (PangoAttrList) attrs = pango_attr_list_new ();
  g_autoptr (GString) files = g_string_new (NULL);
  GList   *items = pango_itemize (context, text, 0, (int) strlen (text), attrs, NULL);
  gboolean colour = items != NULL;

  for (GList *l = items; l != NULL && colour; l = l->next)
    {
      PangoItem *item = l->data;
      FcPattern *pattern;
      FcBool     has_colour = FcFalse;
      FcChar8   *file = NULL;
      GStatBuf   info;

      colour = PANGO_IS_FC_FONT (item->analysis.font) &&
               (pattern = pango_fc_font_get_pattern (PANGO_FC_FONT (item->analysis.font))) != NULL &&
               FcPatternGetBool (pattern, FC_COLOR, 0, &has_colour) == FcResultMatch && has_colour &&
               FcPatternGetString (pattern, FC_FILE, 0, &file) == FcResultMatch &&
               g_stat ((const char *) file, &info) == 0;
      if (colour)
        g_string_append_printf (files, "%s:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ";", (const char *) file,
                                (gint64) info.st_size, (gint64) info.st_mtime);
    }
  g_list_free_full (items, (GDestroyNotify) pango_item_free);

  return colour ? g_steal_pointer (&files) : NULL;
}

/* Where the picture is kept: the name says what it shows, in which font,
 * size and scale (key), drawn from which font files. */
static char *
describe_picture (const char *key,
                  const char *fonts)
{
  g_autofree char *both = g_strconcat (key, "\n", fonts, NULL);
  g_autofree char *name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, both, -1);

  return g_strconcat (name, ".png", NULL);
}

static char *
build_cache_path (const char *name)
{
  return g_build_filename (g_get_user_cache_dir (), "koers", "emoji", name, NULL);
}

static GdkTexture *
draw_picture (PangoLayout *layout,
              int          scale)
{
  PangoRectangle   logical;
  cairo_surface_t *surface;
  cairo_t         *cr;
  g_autoptr (GBytes) pixels = NULL;
  int width, height, stride;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  width = MAX (logical.width, 1) * scale;
  height = MAX (logical.height, 1) * scale;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_move_to (cr, -logical.x, -logical.y);
  pango_cairo_show_layout (cr, layout);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  stride = cairo_image_surface_get_stride (surface);
  pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) stride * height,
                                       (GDestroyNotify) cairo_surface_destroy, surface);

  /* Cairo's ARGB32 is GDK's default memory format. */
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, pixels, stride);
}

/* Written as every file of Koers is (koers-atomic-file.c): another Koers
 * reading the folder meanwhile sees the whole file or none.  A cache that
 * cannot be written is no error: the picture is made again. */
static void
keep_picture (GdkTexture *picture,
              const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr (GBytes) png = gdk_texture_save_to_png_bytes (picture);
  gsize       size;
  const char *data = g_bytes_get_data (png, &size);

  if (g_mkdir_with_parents (folder, 0700) == 0)
    koers_atomic_file_set_contents (path, data, size, KOERS_ATOMIC_FILE_DEFAULT, NULL);
}

/* The pictures' table holds NULL for text that is no colour emoji. */
static void
unref_picture (gpointer picture)
{
  if (picture != NULL)
    g_object_unref (picture);
}

/* The kept picture of a colour emoji, NULL for other text.  Within the
 * process a picture (or that there is none) is found by text, font and
 * scale alone: a department switch asks again for the heading's. */
static GdkTexture *
lookup_picture (KoersEmojiImage *self)
{
  PangoContext    *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  int              scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  g_autofree char *font = pango_font_description_to_string (pango_context_get_font_description (context));
  g_autofree char *key = g_strdup_printf ("%s\n%s\n%d", self->emoji, font, scale);
  g_autoptr (GString) fonts = NULL;
  g_autofree char *path = NULL;
  GdkTexture      *picture = NULL;

  if (pictures == NULL)
    pictures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_picture);
  if (g_hash_table_lookup_extended (pictures, key, NULL, (gpointer *) &picture))
    return picture != NULL ? g_object_ref (picture) : NULL;

  if ((fonts = describe_colour_fonts (context, self->emoji)) != NULL)
    {
      g_autofree char *name = describe_picture (key, fonts->str);

      path = build_cache_path (name);
      /* A damaged or foreign file under the name is drawn again over. */
      picture = gdk_texture_new_from_filename (path, NULL);
      if (picture == NULL)
        {
          g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->emoji);

          picture = draw_picture (layout, scale);
          keep_picture (picture, path);
        }
    }
  g_hash_table_insert (pictures, g_steal_pointer (&key), picture != NULL ? g_object_ref (picture) : NULL);

  return picture;
}

static void
forget_prepared (KoersEmojiImage *self)
{
  self->prepared = FALSE;
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_object (&self->picture);
  g_clear_object (&self->layout);
}

/* Another emoji or scale: made anew. */
static void
show_changed_emoji (KoersEmojiImage *self)
{
  forget_prepared (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
prepare (KoersEmojiImage *self)
{
  int scale;

  if (self->prepared)
    return;
  self->prepared = TRUE;
  self->font = pango_font_description_copy (pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self))));
  if (self->emoji == NULL || *self->emoji == '\0')
    {
      self->width = self->height = 0;
      return;
    }

  scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  if ((self->picture = lookup_picture (self)) != NULL)
    {
      self->width = gdk_texture_get_width (self->picture) / scale;
      self->height = gdk_texture_get_height (self->picture) / scale;
      return;
    }

  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->emoji);
  pango_layout_get_pixel_size (self->layout, &self->width, &self->height);
}

static void
koers_emoji_image_measure (GtkWidget     *widget,
                           GtkOrientation orientation,
                           int            for_size,
                           int           *minimum,
                           int           *natural,
                           int           *minimum_baseline,
                           int           *natural_baseline)
{
  KoersEmojiImage *self = KOERS_EMOJI_IMAGE (widget);

  prepare (self);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = self->height;
  else if (self->picture != NULL)
    *minimum = *natural = self->width; /* a colour emoji is wider than two letters */
  else
    {
      /* Text, or none: two characters wide at the least, as the label it
       * replaces, so that the names of rows with and without an emoji
       * stand in one column. */
      PangoContext     *context = gtk_widget_get_pango_context (widget);
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
      int               two_chars = PANGO_PIXELS (2 * pango_font_metrics_get_approximate_char_width (metrics));

      pango_font_metrics_unref (metrics);
      *minimum = *natural = MAX (self->width, two_chars);
    }
}

static void
koers_emoji_image_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  KoersEmojiImage *self = KOERS_EMOJI_IMAGE (widget);
  graphene_point_t at;

  prepare (self);
  at.x = (gtk_widget_get_width (widget) - self->width) / 2.0f;
  at.y = (gtk_widget_get_height (widget) - self->height) / 2.0f;
  if (self->picture != NULL)
    gtk_snapshot_append_texture (snapshot, self->picture,
                                 &GRAPHENE_RECT_INIT (at.x, at.y, self->width, self->height));
  else if (self->layout != NULL)
    {
      GdkRGBA color;

      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &at);
      gtk_snapshot_append_layout (snapshot, self->layout, &color);
      gtk_snapshot_restore (snapshot);
    }
}

/* Another font or size: made anew; another colour: drawn anew (a row's
 * hover and selection change its style, not its font). */
static void
koers_emoji_image_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  KoersEmojiImage      *self = KOERS_EMOJI_IMAGE (widget);
  PangoFontDescription *font;

  GTK_WIDGET_CLASS (koers_emoji_image_parent_class)->css_changed (widget, change);
  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (self->prepared && !pango_font_description_equal (self->font, font))
    show_changed_emoji (self);
  else
    gtk_widget_queue_draw (widget);
}

static void
koers_emoji_image_finalize (GObject *object)
{
  KoersEmojiImage *self = KOERS_EMOJI_IMAGE (object);

  forget_prepared (self);
  koers_property_clear (object, property_table, G_N_ELEMENTS (property_table));

  G_OBJECT_CLASS (koers_emoji_image_parent_class)->finalize (object);
}

static void
koers_emoji_image_class_init (KoersEmojiImageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = koers_emoji_image_finalize;
  widget_class->measure = koers_emoji_image_measure;
  widget_class->snapshot = koers_emoji_image_snapshot;
  widget_class->css_changed = koers_emoji_image_css_changed;

  koers_property_install (object_class, property_table, G_N_ELEMENTS (property_table), properties);

  /* Beside the name, which is what a screen reader reads. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
  gtk_widget_class_set_css_name (widget_class, "emoji");
}

static void
koers_emoji_image_init (KoersEmojiImage *self)
{
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (show_changed_emoji), NULL);
}

GtkWidget *
koers_emoji_image_new (void)
{
  return g_object_new (KOERS_TYPE_EMOJI_IMAGE, NULL);
}

const char *
koers_emoji_image_get_emoji (KoersEmojiImage *self)
{
  g_return_val_if_fail (KOERS_IS_EMOJI_IMAGE (self), NULL);

  return self->emoji;
}

void
koers_emoji_image_set_emoji (KoersEmojiImage *self,
                             const char      *emoji)
{
  g_return_if_fail (KOERS_IS_EMOJI_IMAGE (self));

  if (koers_property_set_string (G_OBJECT (self), properties[PROP_EMOJI], emoji))
    show_changed_emoji (self);
}

gboolean
koers_emoji_image_is_picture (KoersEmojiImage *self)
{
  g_return_val_if_fail (KOERS_IS_EMOJI_IMAGE (self), FALSE);

  prepare (self);
  return self->picture != NULL;
}

void
koers_emoji_image_forget_pictures (void)
{
  g_clear_pointer (&pictures, g_hash_table_unref);
}
