/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KOERS_TYPE_EMOJI_IMAGE (koers_emoji_image_get_type ())

/* Shows a department's emoji as a label would, in the widget's font.  A
 * colour emoji is drawn once into a picture that is kept, in memory and
 * in the user's cache folder: the emoji font stores its glyphs as large
 * PNG images that FreeType decodes again for every measure and draw (five
 * decodes an emoji, about 2 ms, for each sidebar row at start-up).  Text
 * that is not a colour emoji is drawn as a label draws it, in the
 * foreground colour. */
G_DECLARE_FINAL_TYPE (KoersEmojiImage, koers_emoji_image, KOERS, EMOJI_IMAGE, GtkWidget)

GtkWidget *koers_emoji_image_new (void);

const char *koers_emoji_image_get_emoji (KoersEmojiImage *self);
void        koers_emoji_image_set_emoji (KoersEmojiImage *self,
                                         const char      *emoji);

/* Whether what it shows is a kept picture of a colour emoji (tests). */
gboolean koers_emoji_image_is_picture (KoersEmojiImage *self);

/* Forgets the pictures this process keeps in memory; those in the cache
 * folder stay (tests: the next widget reads its picture from the file). */
void koers_emoji_image_forget_pictures (void);

G_END_DECLS
