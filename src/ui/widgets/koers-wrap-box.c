/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core/koers-property.h"
#include "koers-wrap-box.h"
#include "koers-layout.h"

struct _KoersWrapBox
{
  GtkWidget parent_instance;

  int   spacing;
  int   line_spacing;
  guint n_lines;
};

static void koers_wrap_box_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KoersWrapBox, koers_wrap_box, GTK_TYPE_WIDGET, G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, koers_wrap_box_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

static void set_spacing_cb (GObject      *object,
                            GParamSpec   *pspec,
                            const GValue *value);

/* Either spacing, once changed, lays the children out again. */
static const KoersProperty property_table[] = {
  { "spacing", KOERS_PROPERTY_INT, G_STRUCT_OFFSET (KoersWrapBox, spacing), .set = set_spacing_cb },
  { "line-spacing", KOERS_PROPERTY_INT, G_STRUCT_OFFSET (KoersWrapBox, line_spacing), .set = set_spacing_cb },
};

typedef struct
{
  GtkWidget *child;
  int        min_width;
  int        nat_width;
  gboolean   expand;
  /* Set by break_lines: */
  int   width;
  guint line;
} Item;

typedef struct
{
  guint start;
  guint end;
  int   min_height;
  int   nat_height;
} Line;

static GArray *
collect_items (KoersWrapBox *self)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Item item = { child, 0, 0, FALSE, 0, 0 };

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1,
                          &item.min_width, &item.nat_width, NULL, NULL);
      item.expand = gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
      g_array_append_val (items, item);
    }

  return items;
}

/* Gives the items of one line their widths: natural ones, what is left
 * shared by those that expand; a child alone on a line too narrow for it
 * shrinks, down to its minimum. */
static void
finish_line (KoersWrapBox *self,
             GArray       *items,
             Line         *line,
             int           width)
{
  int   used = 0;
  int   extra;
  guint n_expand = 0;

  for (guint i = line->start; i < line->end; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      item->width = item->nat_width;
      if (line->end - line->start == 1)
        item->width = MAX (item->min_width, MIN (item->nat_width, width));
      used += item->width + (i > line->start ? self->spacing : 0);
      n_expand += item->expand ? 1 : 0;
    }

  extra = width - used;
  for (guint i = line->start; i < line->end && extra > 0 && n_expand > 0; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      int   share;

      if (!item->expand)
        continue;
      share = extra / (int) n_expand;
      item->width += share;
      extra -= share;
      n_expand--;
    }

  line->min_height = 0;
  line->nat_height = 0;
  for (guint i = line->start; i < line->end; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      int   min_height;
      int   nat_height;

      gtk_widget_measure (item->child, GTK_ORIENTATION_VERTICAL, item->width,
                          &min_height, &nat_height, NULL, NULL);
      line->min_height = MAX (line->min_height, min_height);
      line->nat_height = MAX (line->nat_height, nat_height);
    }
}

/* A new line starts where the next child's natural width does not fit. */
static GArray *
break_lines (KoersWrapBox *self,
             GArray       *items,
             int           width)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  Line    line = { 0, 0, 0, 0 };
  int     used = 0;

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      if (i > line.start && used + self->spacing + item->nat_width > width)
        {
          line.end = i;
          finish_line (self, items, &line, width);
          g_array_append_val (lines, line);
          line.start = i;
          used = 0;
        }

      used += (i > line.start ? self->spacing : 0) + item->nat_width;
      item->line = lines->len;
    }

  if (items->len > 0)
    {
      line.end = items->len;
      finish_line (self, items, &line, width);
      g_array_append_val (lines, line);
    }

  return lines;
}

static int
get_natural_width (KoersWrapBox *self,
                   GArray       *items)
{
  int width = 0;

  for (guint i = 0; i < items->len; i++)
    width += g_array_index (items, Item, i).nat_width + (i > 0 ? self->spacing : 0);

  return width;
}

static GtkSizeRequestMode
koers_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
koers_wrap_box_measure (GtkWidget     *widget,
                        GtkOrientation orientation,
                        int            for_size,
                        int           *minimum,
                        int           *natural,
                        int           *minimum_baseline,
                        int           *natural_baseline)
{
  KoersWrapBox *self = KOERS_WRAP_BOX (widget);
  g_autoptr (GArray) items = collect_items (self);
  g_autoptr (GArray) lines = NULL;
  int min = 0;
  int nat = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* At the narrowest, one child a line; at ease, all on one. */
      for (guint i = 0; i < items->len; i++)
        min = MAX (min, g_array_index (items, Item, i).min_width);
      *minimum = min;
      *natural = get_natural_width (self, items);
      return;
    }

  /* For no width in particular: the natural one, all on one line. */
  if (for_size < 0)
    for_size = get_natural_width (self, items);

  lines = break_lines (self, items, MAX (for_size, 0));
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);

      min += line->min_height + (i > 0 ? self->line_spacing : 0);
      nat += line->nat_height + (i > 0 ? self->line_spacing : 0);
    }
  *minimum = min;
  *natural = nat;
}

static void
koers_wrap_box_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  KoersWrapBox *self = KOERS_WRAP_BOX (widget);
  g_autoptr (GArray) items = collect_items (self);
  g_autoptr (GArray) lines = break_lines (self, items, width);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  gboolean natural_fits;
  int      total = 0;
  int      y = 0;

  for (guint i = 0; i < lines->len; i++)
    total += g_array_index (lines, Line, i).nat_height + (i > 0 ? self->line_spacing : 0);
  natural_fits = total <= height;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      int   line_height = natural_fits ? line->nat_height : line->min_height;
      int   x = 0;

      for (guint j = line->start; j < line->end; j++)
        {
          Item         *item = &g_array_index (items, Item, j);
          GtkAllocation allocation = { rtl ? width - x - item->width : x, y, item->width, line_height };

          gtk_widget_size_allocate (item->child, &allocation, -1);
          x += item->width + self->spacing;
        }
      y += line_height + self->line_spacing;
    }

  self->n_lines = lines->len;
}

static void
koers_wrap_box_dispose (GObject *object)
{
  koers_layout_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (koers_wrap_box_parent_class)->dispose (object);
}

static void
set_spacing_cb (GObject      *object,
                GParamSpec   *pspec,
                const GValue *value)
{
  if (koers_property_store (object, pspec, value))
    gtk_widget_queue_resize (GTK_WIDGET (object));
}

static void
koers_wrap_box_buildable_add_child (GtkBuildable *buildable,
                                    GtkBuilder   *builder,
                                    GObject      *child,
                                    const char   *type)
{
  if (GTK_IS_WIDGET (child))
    koers_wrap_box_append (KOERS_WRAP_BOX (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
koers_wrap_box_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = koers_wrap_box_buildable_add_child;
}

static void
koers_wrap_box_class_init (KoersWrapBoxClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = koers_wrap_box_dispose;
  widget_class->get_request_mode = koers_wrap_box_get_request_mode;
  widget_class->measure = koers_wrap_box_measure;
  widget_class->size_allocate = koers_wrap_box_size_allocate;

  koers_property_install_all (object_class, property_table, G_N_ELEMENTS (property_table));

  gtk_widget_class_set_css_name (widget_class, "wrapbox");
}

static void
koers_wrap_box_init (KoersWrapBox *self)
{
}

GtkWidget *
koers_wrap_box_new (int spacing,
                    int line_spacing)
{
  return g_object_new (KOERS_TYPE_WRAP_BOX,
                       "spacing", spacing,
                       "line-spacing", line_spacing,
                       NULL);
}

void
koers_wrap_box_append (KoersWrapBox *self,
                       GtkWidget    *child)
{
  g_return_if_fail (KOERS_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}

KOERS_DEFINE_GETTER (KoersWrapBox, koers_wrap_box, KOERS_IS_WRAP_BOX, guint, n_lines, 0)
