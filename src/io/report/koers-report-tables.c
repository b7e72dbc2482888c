/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "koers-report-tables.h"
#include "koers-report-glue.h"

#define PAD_X 4.0
#define PAD_Y 2.0
#define SUB_GAP 1.5
#define SYMBOL_SIZE 6.5
#define BAR_HEIGHT 3.5
/* A cell never grows past this many lines, so a row always fits a page. */
#define MAX_CELL_LINES 14
#define MAX_SUB_LINES 4
#define STATUS_LINES 3
#define PROGRESS_LINES 3

typedef enum
{
  CELL_EMPTY,
  CELL_TEXT,
  CELL_VALUE,
  CELL_STATUS,
  CELL_PROGRESS,
  CELL_SCORE,
} CellKind;

typedef struct
{
  CellKind      kind;
  char         *text;
  char         *sub;
  char         *link;
  gboolean      bold;
  double        value;
  KoersKrStatus status;
  /* Laid out once, when measured, and drawn from there. */
  PangoLayout *main_layout;
  PangoLayout *sub_layout;
  PangoLayout *continued_layout;
} Cell;

typedef struct
{
  Cell    *cells;
  gboolean group_start;
  char    *dest; /* a link target at the row, or NULL */
} Row;

/* Where a column stands on the page and the sizes of its text: one size
 * per column for values and one for other text, chosen over all of the
 * table's rows before it is drawn. */
typedef struct
{
  double          x;
  double          w;
  KoersReportFont value_font;
  guint           text_size; /* 0 the table's size, 1 and 2 smaller */
} ColumnPlace;

struct _KoersReportTable
{
  KoersReportLayout *layout;
  KoersReportColumn *columns;
  guint              n_columns;
  ColumnPlace       *place; /* n_columns */
  GArray            *rows;
  /* One size for the header row, chosen with the columns' sizes. */
  KoersReportFont head_font;
  gboolean        fonts_chosen;
  /* How far down the page an odd group's shade is laid (draw_row). */
  double shaded_to;
};

static void
row_clear (gpointer p)
{
  Row *row = p;

  for (guint i = 0; row->cells != NULL && row->cells[i].kind != (CellKind) -1; i++)
    {
      Cell *cell = &row->cells[i];

      g_free (cell->text);
      g_free (cell->sub);
      g_free (cell->link);
      g_clear_object (&cell->main_layout);
      g_clear_object (&cell->sub_layout);
      g_clear_object (&cell->continued_layout);
    }
  g_free (row->cells);
  g_free (row->dest);
}

KoersReportTable *
koers_report_table_new (KoersReportLayout       *layout,
                        const KoersReportColumn *columns,
                        guint                    n_columns)
{
  KoersReportTable *table = g_new0 (KoersReportTable, 1);
  double            x = KOERS_REPORT_MARGIN_X;

  table->layout = layout;
  table->columns = g_memdup2 (columns, sizeof *columns * n_columns);
  table->n_columns = n_columns;
  table->place = g_new0 (ColumnPlace, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      table->place[i].x = x;
      table->place[i].w = columns[i].width * KOERS_REPORT_CONTENT_WIDTH;
      x += table->place[i].w;
    }
  table->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (table->rows, row_clear);

  return table;
}

void
koers_report_table_free (KoersReportTable *table)
{
  if (table == NULL)
    return;

  g_array_unref (table->rows);
  g_free (table->columns);
  g_free (table->place);
  g_free (table);
}

void
koers_report_table_add_row (KoersReportTable *table,
                            gboolean          group_start)
{
  Row row = {
    0,
  };

  /* One cell more, as the end marker row_clear stops at. */
  row.cells = g_new0 (Cell, table->n_columns + 1);
  row.cells[table->n_columns].kind = (CellKind) -1;
  row.group_start = group_start || table->rows->len == 0;
  g_array_append_val (table->rows, row);
}

static Cell *
last_cell (KoersReportTable *table,
           guint             column)
{
  Row *row;

  g_return_val_if_fail (table->rows->len > 0, NULL);
  g_return_val_if_fail (column < table->n_columns, NULL);

  row = &g_array_index (table->rows, Row, table->rows->len - 1);
  return &row->cells[column];
}

/* The last row's cell in column, made of kind and showing text (taken);
 * NULL, with text freed, where there is no such cell. */
static Cell *
set_last_cell (KoersReportTable *table,
               guint             column,
               CellKind          kind,
               char             *text)
{
  Cell *cell = last_cell (table, column);

  if (cell == NULL)
    {
      g_free (text);
      return NULL;
    }

  cell->kind = kind;
  g_free (cell->text);
  cell->text = text;
  return cell;
}

static void
replace_str (char      **field,
             const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

void
koers_report_table_set_text (KoersReportTable *table,
                             guint             column,
                             const char       *text,
                             const char       *sub,
                             gboolean          bold,
                             const char       *link)
{
  Cell *cell = set_last_cell (table, column, CELL_TEXT, g_strdup (text));

  if (cell == NULL)
    return;

  replace_str (&cell->sub, sub);
  cell->bold = bold;
  replace_str (&cell->link, link);
}

void
koers_report_table_set_value (KoersReportTable *table,
                              guint             column,
                              const char       *text)
{
  set_last_cell (table, column, CELL_VALUE, g_strdup (text));
}

void
koers_report_table_set_dest (KoersReportTable *table,
                             const char       *dest)
{
  g_return_if_fail (table->rows->len > 0);

  replace_str (&g_array_index (table->rows, Row, table->rows->len - 1).dest, dest);
}

void
koers_report_table_set_link (KoersReportTable *table,
                             guint             column,
                             const char       *link)
{
  Cell *cell = last_cell (table, column);

  g_return_if_fail (cell != NULL);

  replace_str (&cell->link, link);
}

void
koers_report_table_set_status (KoersReportTable *table,
                               guint             column,
                               KoersKrStatus     status)
{
  koers_report_table_set_status_label (table, column, status,
                                       koers_report_status_label (table->layout->lang, status));
}

void
koers_report_table_set_status_label (KoersReportTable *table,
                                     guint             column,
                                     KoersKrStatus     symbol,
                                     const char       *label)
{
  Cell *cell = set_last_cell (table, column, CELL_STATUS, g_strdup (label));

  if (cell != NULL)
    cell->status = symbol;
}

void
koers_report_table_set_progress (KoersReportTable *table,
                                 guint             column,
                                 const char       *text,
                                 double            fraction,
                                 KoersKrStatus     status)
{
  Cell *cell = set_last_cell (table, column, CELL_PROGRESS, g_strdup (text));

  if (cell == NULL)
    return;

  cell->value = isnan (fraction) ? 0.0 : CLAMP (fraction, 0.0, 1.0);
  cell->status = status;
  g_free (cell->sub);
  cell->sub = koers_format_percent (table->layout->lang, round (cell->value * 100.0), 0);
}

void
koers_report_table_set_score (KoersReportTable *table,
                              guint             column,
                              double            score)
{
  Cell *cell = set_last_cell (table, column, CELL_SCORE,
                              koers_format_score (table->layout->lang, score, 2));

  if (cell != NULL)
    cell->value = score;
}

/* Whether text set in font fits width without a word broken inside (or
 * cut off), on at most max_lines lines.  Laid out as measure_cell lays the
 * cell out (at most cap lines), so the size that fits is shaped once and
 * drawn from the cache. */
static gboolean
fits (KoersReportLayout *layout,
      KoersReportFont    font,
      const char        *text,
      double             width,
      int                cap,
      int                max_lines,
      PangoAlignment     align)
{
  g_autoptr (PangoLayout) fitted = koers_report_layout_text (layout, font, text, width, cap, align);

  return !koers_report_text_breaks_word (fitted) && !pango_layout_is_ellipsized (fitted) &&
         pango_layout_get_line_count (fitted) <= max_lines;
}

/* Names break no word at all, however long. */
static gboolean
fits_whole (KoersReportLayout *layout,
            KoersReportFont    font,
            const char        *text,
            double             width,
            PangoAlignment     align)
{
  g_autoptr (PangoLayout) fitted = koers_report_layout_text (layout, font, text, width, MAX_CELL_LINES, align);

  return pango_layout_get_wrap (fitted) == PANGO_WRAP_WORD && !pango_layout_is_ellipsized (fitted);
}

/* The size of a column of values: the table's size when every value fits
 * on one line, else a size smaller, and only then wrapped (a number reads
 * badly broken in two, "€2,000,00" over "0"); the same for every row, so
 * the column reads as one. */
/* Whether every value of the column fits its width in font on at most
 * lines lines, no word broken. */
static gboolean
values_fit (KoersReportTable *table,
            guint             column,
            KoersReportFont   font,
            int               lines)
{
  double inner = table->place[column].w - 2 * PAD_X;

  for (guint r = 0; r < table->rows->len; r++)
    {
      Cell *cell = &g_array_index (table->rows, Row, r).cells[column];

      if ((cell->kind == CELL_VALUE || cell->kind == CELL_PROGRESS) &&
          !fits (table->layout, font, cell->text, inner, cell->kind == CELL_PROGRESS ? PROGRESS_LINES : MAX_CELL_LINES,
                 lines, table->columns[column].align))
        return FALSE;
    }

  return TRUE;
}

static KoersReportFont
choose_value_font (KoersReportTable *table,
                   guint             column)
{
  static const struct
  {
    KoersReportFont font;
    int             lines;
  } choices[] = {
    { KOERS_REPORT_FONT_TABLE, 1 },
    { KOERS_REPORT_FONT_CAPTION, 1 },
    { KOERS_REPORT_FONT_TABLE, 3 },
    { KOERS_REPORT_FONT_CAPTION, 3 },
    { KOERS_REPORT_FONT_TINY, 3 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
    if (values_fit (table, column, choices[c].font, choices[c].lines))
      return choices[c].font;

  return KOERS_REPORT_FONT_TINY;
}

/* The header row's size: the largest at which no header breaks a word. */
static KoersReportFont
choose_head_font (KoersReportTable *table)
{
  static const KoersReportFont sizes[] = {
    KOERS_REPORT_FONT_TABLE_BOLD,
    KOERS_REPORT_FONT_HEAD_SMALL,
    KOERS_REPORT_FONT_HEAD_SMALLER,
  };
  KoersReportLayout *layout = table->layout;

  for (guint f = 0; f < G_N_ELEMENTS (sizes); f++)
    {
      gboolean all = TRUE;

      for (guint i = 0; i < table->n_columns && all; i++)
        {
          /* Not even a long word breaks in a header: it is what a reader
           * searches for. */
          g_autoptr (PangoLayout) head = koers_report_layout_text (layout, sizes[f],
                                                                   koers_report_str (layout->lang, table->columns[i].title),
                                                                   table->place[i].w - 2 * PAD_X, 0, table->columns[i].align);

          all = pango_layout_get_wrap (head) == PANGO_WRAP_WORD && pango_layout_get_line_count (head) <= 2;
        }
      if (all)
        return sizes[f];
    }

  return KOERS_REPORT_FONT_HEAD_SMALLEST;
}

/* Text cells by size (0..2) and weight. */
static KoersReportFont
text_font (guint    size,
           gboolean bold)
{
  static const KoersReportFont fonts[][2] = {
    { KOERS_REPORT_FONT_TABLE, KOERS_REPORT_FONT_TABLE_BOLD },
    { KOERS_REPORT_FONT_CAPTION, KOERS_REPORT_FONT_CAPTION_BOLD },
    { KOERS_REPORT_FONT_TINY, KOERS_REPORT_FONT_TINY_BOLD },
  };

  return fonts[MIN (size, G_N_ELEMENTS (fonts) - 1)][bold ? 1 : 0];
}

/* The size of a column's text: the table's, else a size or two smaller,
 * the largest at which no cell breaks a name or a short word. */
static guint
choose_text_size (KoersReportTable *table,
                  guint             column)
{
  double inner = table->place[column].w - 2 * PAD_X;

  for (guint size = 0; size < 3; size++)
    {
      gboolean all = TRUE;

      for (guint r = 0; r < table->rows->len && all; r++)
        {
          Cell  *cell = &g_array_index (table->rows, Row, r).cells[column];
          double w = cell->kind == CELL_STATUS ? inner - SYMBOL_SIZE - 3.5 : inner;

          if (cell->kind == CELL_TEXT && table->columns[column].names)
            all = fits_whole (table->layout, text_font (size, cell->bold), cell->text, w,
                              table->columns[column].align);
          else if (cell->kind == CELL_TEXT)
            all = fits (table->layout, text_font (size, cell->bold), cell->text, w, MAX_CELL_LINES, MAX_CELL_LINES,
                        table->columns[column].align);
          else if (cell->kind == CELL_STATUS)
            all = fits (table->layout, text_font (size, FALSE), cell->text, w, STATUS_LINES, STATUS_LINES,
                        PANGO_ALIGN_LEFT);
        }
      if (all)
        return size;
    }

  return 2;
}

/* The width of the widest word of text in font. */
static double
widest_word (KoersReportLayout *layout,
             KoersReportFont    font,
             const char        *text)
{
  g_auto (GStrv) words = g_strsplit (text != NULL ? text : "", " ", -1);
  double widest = 0.0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr (PangoLayout) word = NULL;

      if (*words[i] == '\0')
        continue;
      word = koers_report_layout_text (layout, font, words[i], KOERS_REPORT_CONTENT_WIDTH, 1, PANGO_ALIGN_LEFT);
      widest = MAX (widest, koers_report_text_width (word));
    }

  return widest;
}

/* Whether a column holds names or values, whose words never break. */
static gboolean
keeps_words_whole (KoersReportTable *table,
                   guint             column)
{
  if (table->columns[column].names)
    return TRUE;
  for (guint r = 0; r < table->rows->len; r++)
    {
      CellKind kind = g_array_index (table->rows, Row, r).cells[column].kind;

      if (kind == CELL_VALUE || kind == CELL_PROGRESS)
        return TRUE;
    }

  return FALSE;
}

/* The widest word a column must hold whole: a name at the smallest text
 * size, a value with its unit (glued by no-break spaces, as drawn) at the
 * caption size, the smallest a value column takes before it wraps. */
static double
widest_whole_word (KoersReportTable *table,
                   guint             column)
{
  double need = 0.0;

  for (guint r = 0; r < table->rows->len; r++)
    {
      Cell *cell = &g_array_index (table->rows, Row, r).cells[column];

      if (table->columns[column].names && cell->kind == CELL_TEXT)
        {
          need = MAX (need, widest_word (table->layout, text_font (2, cell->bold), cell->text));
        }
      else if (cell->kind == CELL_VALUE || cell->kind == CELL_PROGRESS)
        {
          g_autofree char *glued = koers_report_glue_text (cell->text);

          need = MAX (need, widest_word (table->layout, KOERS_REPORT_FONT_CAPTION,
                                         glued != NULL ? glued : cell->text));
        }
    }

  return need;
}

/* A column of names or values as wide as its longest word needs ("5,464
 * subscribers" is one word: never "subscrib" over "ers"), the room taken
 * from the widest column of other text. */
static void
widen_whole_word_columns (KoersReportTable *table)
{
  for (guint c = 0; c < table->n_columns; c++)
    {
      guint  widest = c;
      double x = KOERS_REPORT_MARGIN_X;
      double need;

      /* Values that fit at the table's size on one line need no more (and
       * the check is what choose_value_font() asks first, so it costs
       * nothing more: the layouts are cached). */
      if (!keeps_words_whole (table, c) ||
          (!table->columns[c].names && values_fit (table, c, KOERS_REPORT_FONT_TABLE, 1)))
        continue;
      need = ceil (widest_whole_word (table, c)) + 2 * PAD_X + 1.0;
      if (need <= table->place[c].w)
        continue;
      for (guint i = 0; i < table->n_columns; i++)
        if (!keeps_words_whole (table, i) && (widest == c || table->place[i].w > table->place[widest].w))
          widest = i;
      if (widest == c)
        continue;
      need = MIN (need - table->place[c].w, table->place[widest].w / 3);
      table->place[c].w += need;
      table->place[widest].w -= need;
      for (guint i = 0; i < table->n_columns; i++)
        {
          table->place[i].x = x;
          x += table->place[i].w;
        }
    }
}

static void
choose_fonts (KoersReportTable *table)
{
  if (table->fonts_chosen)
    return;

  widen_whole_word_columns (table);

  for (guint i = 0; i < table->n_columns; i++)
    {
      table->place[i].value_font = choose_value_font (table, i);
      table->place[i].text_size = choose_text_size (table, i);
    }
  table->head_font = choose_head_font (table);
  table->fonts_chosen = TRUE;
}

/* Lays the cell out (once) and returns its height without padding. */
static double
measure_cell (KoersReportTable *table,
              Cell             *cell,
              guint             column,
              gboolean          continued)
{
  KoersReportLayout *layout = table->layout;
  double             inner = table->place[column].w - 2 * PAD_X;
  PangoAlignment     align = table->columns[column].align;
  double             height;

  switch (cell->kind)
    {
    case CELL_EMPTY:
      return 0.0;

    case CELL_STATUS:
      if (cell->main_layout == NULL)
        cell->main_layout = koers_report_layout_text (layout, text_font (table->place[column].text_size, FALSE), cell->text,
                                                      inner - SYMBOL_SIZE - 3.5, STATUS_LINES, PANGO_ALIGN_LEFT);
      return MAX (koers_report_text_height (cell->main_layout), SYMBOL_SIZE);

    case CELL_PROGRESS:
      if (cell->main_layout == NULL)
        {
          cell->main_layout = koers_report_layout_text (layout, table->place[column].value_font, cell->text,
                                                        inner, PROGRESS_LINES, align);
          cell->sub_layout = koers_report_layout_text (layout, KOERS_REPORT_FONT_CAPTION, cell->sub,
                                                       inner, 1, PANGO_ALIGN_RIGHT);
        }
      return koers_report_text_height (cell->main_layout) + 2.5 +
             koers_report_text_height (cell->sub_layout);

    case CELL_VALUE:
      if (cell->main_layout == NULL)
        cell->main_layout = koers_report_layout_text (layout, table->place[column].value_font, cell->text,
                                                      inner, MAX_CELL_LINES, align);
      return koers_report_text_height (cell->main_layout);

    case CELL_SCORE:
      if (cell->main_layout == NULL)
        cell->main_layout = koers_report_layout_text (layout, KOERS_REPORT_FONT_TABLE_BOLD, cell->text,
                                                      inner, 1, align);
      return koers_report_text_height (cell->main_layout);

    case CELL_TEXT:
    default:
      if (cell->main_layout == NULL)
        cell->main_layout = koers_report_layout_text (layout, text_font (table->place[column].text_size, cell->bold),
                                                      cell->text, inner, MAX_CELL_LINES, align);
      height = koers_report_text_height (cell->main_layout);
      if (continued)
        {
          if (cell->continued_layout == NULL)
            cell->continued_layout =
              koers_report_layout_text (layout, KOERS_REPORT_FONT_CAPTION,
                                        koers_report_str (layout->lang, KOERS_REPORT_STR_CONTINUED),
                                        inner, 1, align);
          height += SUB_GAP + koers_report_text_height (cell->continued_layout);
        }
      else if (cell->sub != NULL && *cell->sub != '\0')
        {
          if (cell->sub_layout == NULL)
            cell->sub_layout = koers_report_layout_text (layout, KOERS_REPORT_FONT_CAPTION, cell->sub,
                                                         inner, MAX_SUB_LINES, align);
          height += SUB_GAP + koers_report_text_height (cell->sub_layout);
        }
      return height;
    }
}

/* Whether a group column's cell shows: at the start of its group, or as the
 * first row on a page. */
static gboolean
cell_shows (KoersReportTable *table,
            Row              *row,
            guint             column,
            gboolean          first_on_page)
{
  return !table->columns[column].group || row->group_start || first_on_page;
}

/* The height of a row's own cells: a group column's cell spans its
 * group's rows (koers_report_table_span below), so it does not count. */
static double
measure_row (KoersReportTable *table,
             Row              *row,
             gboolean          first_on_page)
{
  double height = 0.0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      if (table->columns[i].group || !cell_shows (table, row, i, first_on_page))
        continue;
      height = MAX (height, measure_cell (table, &row->cells[i], i, FALSE));
    }

  return MAX (height, 8.0) + 2 * PAD_Y;
}

/* The group columns' cells run down over their group's rows, as a
 * spanning cell would: a long objective title beside short key results
 * takes no room of its own.  The rows of a group on one page are as tall
 * as their own cells, and the group's last row there grows when the
 * spanning cells need more.  Span tracks a group on the page. */
typedef struct
{
  double need; /* the spanning cells' height with padding, 0 for none */
  double used; /* the group's rows on this page so far */
} Span;

/* Starts a span at row (the start of its group, or the first row on a
 * page, where the group's cells show again, "continued"). */
static void
span_begin (KoersReportTable *table,
            Row              *row,
            gboolean          first_on_page,
            Span             *span)
{
  gboolean continued = first_on_page && !row->group_start;

  span->need = 0.0;
  span->used = 0.0;
  for (guint i = 0; i < table->n_columns; i++)
    if (table->columns[i].group)
      span->need = MAX (span->need, measure_cell (table, &row->cells[i], i, continued) + 2 * PAD_Y);
}

/* Whether row r is its group's last. */
static gboolean
ends_group (KoersReportTable *table,
            guint             r)
{
  return r + 1 >= table->rows->len || g_array_index (table->rows, Row, r + 1).group_start;
}

/* The room row r needs on its page: its own cells, or what its group's
 * spanning cells still need when the group ends (or the page breaks)
 * after it, whichever is more. */
static double
row_need (KoersReportTable *table,
          guint             r,
          gboolean          first_on_page,
          Span             *span,
          double           *own)
{
  Row *row = &g_array_index (table->rows, Row, r);

  if (row->group_start || first_on_page)
    span_begin (table, row, first_on_page, span);
  *own = measure_row (table, row, first_on_page);

  return MAX (*own, span->need - span->used);
}

static void
draw_cell (KoersReportTable *table,
           Cell             *cell,
           guint             column,
           double            top,
           gboolean          continued)
{
  KoersReportLayout *layout = table->layout;
  double             x = table->place[column].x + PAD_X;
  double             y = top + PAD_Y;
  double             inner = table->place[column].w - 2 * PAD_X;
  double             text_h;

  /* Any cell may link: a text's own words, a score, a change. */
  if (cell->kind != CELL_TEXT)
    koers_report_layout_begin_link (layout, cell->link);

  switch (cell->kind)
    {
    case CELL_EMPTY:
      break;

    case CELL_STATUS:
      text_h = koers_report_text_height (cell->main_layout);
      koers_report_layout_status_symbol (layout, cell->status, x + SYMBOL_SIZE / 2,
                                         y + MIN (text_h, 12.0) / 2, SYMBOL_SIZE);
      koers_report_layout_draw_text (layout, cell->main_layout, x + SYMBOL_SIZE + 3.5, y,
                                     &koers_report_ink);
      break;

    case CELL_PROGRESS:
      {
        double sub_w = koers_report_text_width (cell->sub_layout);
        double bar_y;

        text_h = koers_report_text_height (cell->main_layout);
        koers_report_layout_draw_text (layout, cell->main_layout, x, y, &koers_report_ink);
        /* Under the value: the bar, and the percentage right-aligned after it. */
        bar_y = y + text_h + 2.5;
        koers_report_layout_draw_text (layout, cell->sub_layout, x, bar_y, &koers_report_muted);
        koers_report_layout_progress_bar (layout, x,
                                          bar_y + (koers_report_text_height (cell->sub_layout) - BAR_HEIGHT) / 2,
                                          MAX (inner - sub_w - 3.0, 6.0), BAR_HEIGHT, cell->value,
                                          koers_report_status_color (cell->status));
      }
      break;

    case CELL_SCORE:
      koers_report_layout_draw_text (layout, cell->main_layout, x, y,
                                     koers_report_score_color (cell->value));
      break;

    case CELL_VALUE:
      koers_report_layout_draw_text (layout, cell->main_layout, x, y, &koers_report_ink);
      break;

    case CELL_TEXT:
    default:
      koers_report_layout_begin_link (layout, cell->link);
      koers_report_layout_draw_text (layout, cell->main_layout, x, y,
                                     cell->link != NULL ? &koers_report_accent : &koers_report_ink);
      koers_report_layout_end_link (layout);
      y += koers_report_text_height (cell->main_layout) + SUB_GAP;
      if (continued && cell->continued_layout != NULL)
        koers_report_layout_draw_text (layout, cell->continued_layout, x, y, &koers_report_muted);
      else if (!continued && cell->sub_layout != NULL)
        koers_report_layout_draw_text (layout, cell->sub_layout, x, y, &koers_report_muted);
      break;
    }

  if (cell->kind != CELL_TEXT)
    koers_report_layout_end_link (layout);
}

static double
draw_header (KoersReportTable *table)
{
  KoersReportLayout *layout = table->layout;
  g_autoptr (GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double height = 0.0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      PangoLayout *text = koers_report_layout_text (layout, table->head_font,
                                                    koers_report_str (layout->lang, table->columns[i].title),
                                                    table->place[i].w - 2 * PAD_X, 0,
                                                    table->columns[i].align);

      g_ptr_array_add (layouts, text);
      height = MAX (height, koers_report_text_height (text));
    }
  height += 2 * PAD_Y;

  koers_report_layout_fill_rect (layout, KOERS_REPORT_MARGIN_X, layout->y,
                                 KOERS_REPORT_CONTENT_WIDTH, height, &koers_report_accent);
  for (guint i = 0; i < table->n_columns; i++)
    koers_report_layout_draw_text (layout, g_ptr_array_index (layouts, i),
                                   table->place[i].x + PAD_X, layout->y + PAD_Y, &koers_report_white);

  layout->y += height;
  return height;
}

static double
measure_header (KoersReportTable *table)
{
  KoersReportLayout *layout = table->layout;
  double             height = 0.0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      g_autoptr (PangoLayout) text = koers_report_layout_text (layout, table->head_font,
                                                               koers_report_str (layout->lang, table->columns[i].title),
                                                               table->place[i].w - 2 * PAD_X, 0,
                                                               table->columns[i].align);

      height = MAX (height, koers_report_text_height (text));
    }

  return height + 2 * PAD_Y;
}

/* Draws row at the cursor, height tall.  The shade of an odd group is
 * laid under the spanning cells first (span_height from the top), so a
 * later row of the group never covers their text. */
static void
draw_row (KoersReportTable *table,
          Row              *row,
          guint             index,
          guint             group,
          double            height,
          double            span_height,
          gboolean          first_on_page)
{
  KoersReportLayout *layout = table->layout;
  double             top = layout->y;
  double             shade_from = MAX (top, table->shaded_to);
  double             shade_to = MAX (top + height, top + span_height);

  if (row->dest != NULL)
    koers_report_layout_add_dest (layout, row->dest, top);
  if (group % 2 == 1 && shade_to > shade_from)
    koers_report_layout_fill_rect (layout, KOERS_REPORT_MARGIN_X, shade_from,
                                   KOERS_REPORT_CONTENT_WIDTH, shade_to - shade_from, &koers_report_shade);
  table->shaded_to = MAX (table->shaded_to, shade_to);
  if (row->group_start && index > 0 && !first_on_page)
    koers_report_layout_hline (layout, KOERS_REPORT_MARGIN_X,
                               KOERS_REPORT_MARGIN_X + KOERS_REPORT_CONTENT_WIDTH,
                               top, 0.6, &koers_report_rule);

  for (guint i = 0; i < table->n_columns; i++)
    {
      if (cell_shows (table, row, i, first_on_page))
        draw_cell (table, &row->cells[i], i, top,
                   first_on_page && !row->group_start && table->columns[i].group);
    }

  layout->y += height;
}

/* A table goes on over a page break only with its header and at least
 * three rows on the next page, and leaves at least two before the break
 * (never a header alone, nor one orphaned row); else it moves whole. */
#define MIN_ROWS_AFTER_BREAK 3
#define MIN_ROWS_BEFORE_BREAK 2
#define MIN_ROWS_TO_BREAK (MIN_ROWS_BEFORE_BREAK + MIN_ROWS_AFTER_BREAK)

/* The height of rows from..to-1 drawn on one page after row from-1
 * (first_on_page: at the top), span the group going on at from; a group
 * cut off at to ends there. */
static double
measure_rows (KoersReportTable *table,
              guint             from,
              guint             to,
              gboolean          first_on_page,
              Span              span)
{
  double height = 0.0;

  for (guint r = from; r < to; r++)
    {
      double own;
      double need = row_need (table, r, first_on_page && r == from, &span, &own);
      double h = r + 1 == to || ends_group (table, r) ? need : own;

      span.used += h;
      height += h;
    }

  return height;
}

double
koers_report_table_keep_height (KoersReportTable *table)
{
  Span  span = { 0.0, 0.0 };
  guint n = table->rows->len;

  choose_fonts (table);
  /* A table too short to break moves whole. */
  if (n >= MIN_ROWS_TO_BREAK)
    n = MIN_ROWS_BEFORE_BREAK;

  return measure_header (table) + measure_rows (table, 0, n, TRUE, span);
}

static gboolean
fits_on_page (KoersReportLayout *layout,
              double             height)
{
  return layout->y + height <= KOERS_REPORT_BODY_BOTTOM + 0.01;
}

void
koers_report_table_draw (KoersReportTable *table)
{
  KoersReportLayout *layout = table->layout;
  guint              n = table->rows->len;
  double             header_h;
  gboolean           need_header = TRUE;
  guint              group = 0;
  guint              page_first = 0;
  Span               span = { 0.0, 0.0 };

  choose_fonts (table);
  header_h = measure_header (table);

  /* Whole here, or its header and three rows here and three or more on the
   * next page; else the whole table starts on a new page. */
  if (layout->page_open && !fits_on_page (layout, header_h + measure_rows (table, 0, n, TRUE, span)))
    {
      guint  k = 0;
      double used = header_h;

      while (k < n)
        {
          double own;
          double h = row_need (table, k, k == 0, &span, &own);

          if (!fits_on_page (layout, used + h))
            break;
          h = ends_group (table, k) ? h : own;
          span.used += h;
          used += h;
          k++;
        }
      /* Too few rows fit here, or the break would leave fewer than three
       * for the next page and moving it up would leave fewer than two
       * here. */
      if (k < MIN_ROWS_BEFORE_BREAK || (n - k < MIN_ROWS_AFTER_BREAK && n < MIN_ROWS_TO_BREAK))
        koers_report_layout_new_page (layout, TRUE);
    }

  span = (Span){ 0.0, 0.0 };
  for (guint r = 0; r < n; r++)
    {
      Row   *row = &g_array_index (table->rows, Row, r);
      double need = 0.0, own = 0.0;

      if (row->group_start && r > 0)
        group++;

      if (!need_header)
        {
          /* What the group's spanning cells still need on this page if it
           * breaks before this row. */
          double rest = MAX (span.need - span.used, 0.0);
          Span   before = span;

          need = row_need (table, r, FALSE, &span, &own);
          /* A break here, when this row does not fit, or when the rest does
           * not fit and fewer than three rows would be left for the next
           * page (while this page keeps two). */
          if (!fits_on_page (layout, need) ||
              (n - r <= MIN_ROWS_AFTER_BREAK && r - page_first >= MIN_ROWS_BEFORE_BREAK &&
               !fits_on_page (layout, measure_rows (table, r, n, FALSE, before))))
            {
              /* The page ends under the spanning cells. */
              if (group % 2 == 1 && rest > 0.0)
                koers_report_layout_fill_rect (layout, KOERS_REPORT_MARGIN_X, MAX (layout->y, table->shaded_to),
                                               KOERS_REPORT_CONTENT_WIDTH,
                                               layout->y + rest - MAX (layout->y, table->shaded_to),
                                               &koers_report_shade);
              layout->y += rest;
              koers_report_layout_new_page (layout, TRUE);
              need_header = TRUE;
            }
        }

      if (need_header)
        {
          need = row_need (table, r, TRUE, &span, &own);
          koers_report_layout_ensure (layout, header_h + need);
          draw_header (table);
          table->shaded_to = 0.0;
          need_header = FALSE;
          page_first = r;
        }

      {
        double   h = ends_group (table, r) ? need : own;
        gboolean starts = row->group_start || page_first == r;

        draw_row (table, row, r, group, h, starts ? span.need : 0.0, page_first == r);
        span.used += h;
      }
    }

  koers_report_layout_hline (layout, KOERS_REPORT_MARGIN_X,
                             KOERS_REPORT_MARGIN_X + KOERS_REPORT_CONTENT_WIDTH,
                             layout->y, 0.8, &koers_report_accent);
}
