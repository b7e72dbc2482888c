/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <cairo-pdf.h>

#include "core/koers-capacity.h"
#include "core/koers-department.h"
#include "core/koers-escalation.h"
#include "core/koers-resource-request.h"
#include "core/koers-seed.h"
#include "koers-report-capacity.h"
#include "koers-report-sections.h"
#include "store/koers-store-capacity.h"

#define KOERS_REPORT_DEST_CAPACITY "capacity"

typedef struct
{
  char            *name;
  KoersCapacityUse use;
} DepartmentLine;

typedef struct
{
  char             *department;
  char             *title;
  gboolean          committed;
  double            days;
  double            budget;
  char             *reason;
  KoersRequestState state;
} RequestLine;

typedef struct
{
  char *subject;
  char *reason;
  char *help;
  char *raised_by;
  GDate raised;
} EscalationLine;

struct _KoersReportCapacity
{
  GPtrArray *departments;
  GPtrArray *requests;
  GPtrArray *escalations;
};

/* The page's words, in both languages like the rest of the report. */
static const KoersSeedText heading = { "Capacity per department", "Capaciteit per afdeling" };
static const KoersSeedText requests_heading = { "Open resource requests", "Openstaande aanvragen voor middelen" };
static const KoersSeedText escalations_heading = { "Open escalations", "Openstaande escalaties" };
static const KoersSeedText no_escalations = { "No committed OKR is escalated to management.",
                                              "Geen verplichte OKR is naar het management geëscaleerd." };
static const KoersSeedText no_requests = { "No open resource requests.", "Geen openstaande aanvragen." };
static const KoersSeedText no_capacity = { "No capacity set.", "Geen capaciteit ingesteld." };
static const KoersSeedText use_words = { "{available} person-days; committed work uses {committed}, with aspirational work {total}.",
                                         "{available} persoonsdagen; verplicht werk gebruikt {committed}, met ambitieus werk {total}." };
static const KoersSeedText request_words = { "{department}: {asked}. {reason}",
                                             "{department}: {asked}. {reason}" };
static const KoersSeedText days_words = { "{n} person-days", "{n} persoonsdagen" };
static const KoersSeedText escalation_words = { "{reason}. Help asked: {help}. Escalated by {who} on {date}.",
                                                "{reason}. Gevraagde hulp: {help}. Geëscaleerd door {who} op {date}." };
static const KoersSeedText intro = {
  "The framework: committed OKRs “take most of the available resources”; with aspirational ones a team "
  "“may even ask a little more resources than are available”.",
  "Het kader: verplichte OKR’s “vergen het merendeel van de beschikbare middelen”; met ambitieuze "
  "“mag [een team] zelfs iets méér middelen vragen dan beschikbaar”.",
};

/* A sentence without its full stop, to put one of ours after it. */
static char *
keep_without_stop (const KoersReportData *data,
                   const char            *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  gsize            n = strlen (copy);

  while (n > 0 && (copy[n - 1] == '.' || copy[n - 1] == '!'))
    copy[--n] = '\0';
  return koers_report_data_keep (data, copy);
}

static gboolean
in_report (const KoersReportData *data,
           gint64                 department_id)
{
  for (guint i = 0; i < data->departments->len; i++)
    if (((KoersReportDepartment *) g_ptr_array_index (data->departments, i))->id == department_id)
      return TRUE;
  return FALSE;
}

static void
collect_escalations (KoersReportCapacity   *capacity,
                     KoersStore            *store,
                     const KoersReportData *data)
{
  g_autoptr (GPtrArray) open = koers_store_list_escalations (store, TRUE, NULL);

  for (guint i = 0; open != NULL && i < open->len; i++)
    {
      KoersEscalation *escalation = g_ptr_array_index (open, i);
      KoersObjective  *objective = koers_store_find_objective (store, koers_escalation_get_objective_id (escalation));
      KoersKeyResult  *kr = koers_escalation_get_key_result_id (escalation) != 0
                              ? koers_store_find_key_result (store, koers_escalation_get_key_result_id (escalation))
                              : NULL;
      EscalationLine  *line;
      g_autoptr (GDateTime) when = NULL;
      g_autofree char *subject = NULL;

      if (objective == NULL || !in_report (data, koers_objective_get_department_id (objective)))
        continue;
      line = g_new0 (EscalationLine, 1);
      subject = kr != NULL ? g_strdup_printf ("%s › %s", koers_objective_get_title (objective),
                                              koers_key_result_get_title (kr))
                           : g_strdup (koers_objective_get_title (objective));
      line->subject = koers_report_data_keep (data, subject);
      line->reason = keep_without_stop (data, koers_escalation_get_reason (escalation));
      line->help = keep_without_stop (data, koers_escalation_get_help (escalation));
      line->raised_by = koers_report_data_keep (data, koers_escalation_get_raised_by (escalation));
      when = g_date_time_new_from_unix_local (koers_escalation_get_raised_at (escalation) / G_USEC_PER_SEC);
      g_date_clear (&line->raised, 1);
      if (when != NULL)
        g_date_set_dmy (&line->raised, g_date_time_get_day_of_month (when), g_date_time_get_month (when),
                        g_date_time_get_year (when));
      g_ptr_array_add (capacity->escalations, line);
    }
}

KoersReportCapacity *
koers_report_capacity_collect (KoersStore            *store,
                               const KoersReportData *data)
{
  KoersReportCapacity *capacity = g_new0 (KoersReportCapacity, 1);
  g_autoptr (GPtrArray) requests = NULL;

  /* The lines' strings are the report data's. */
  capacity->departments = g_ptr_array_new_with_free_func (g_free);
  capacity->requests = g_ptr_array_new_with_free_func (g_free);
  capacity->escalations = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < data->departments->len; i++)
    {
      KoersReportDepartment *department = g_ptr_array_index (data->departments, i);
      g_autoptr (KoersCapacity) set = koers_store_get_capacity (store, department->id, &data->period);
      DepartmentLine *line = g_new0 (DepartmentLine, 1);

      line->name = department->name;
      koers_capacity_use_compute (&line->use, koers_store_get_objectives (store), department->id,
                                  &data->period, set);
      if (!line->use.has_capacity && line->use.n_objectives == 0)
        {
          g_free (line);
          continue;
        }
      g_ptr_array_add (capacity->departments, line);
    }

  requests = koers_store_list_requests (store, &data->period);
  for (guint i = 0; i < requests->len; i++)
    {
      KoersObjective  *objective = g_ptr_array_index (requests, i);
      KoersDepartment *department = koers_store_find_department (store, koers_objective_get_department_id (objective));
      RequestLine     *line;

      if (koers_objective_get_request_state (objective) != KOERS_REQUEST_STATE_REQUESTED ||
          department == NULL || !in_report (data, koers_department_get_id (department)))
        continue;
      line = g_new0 (RequestLine, 1);
      line->department = koers_report_data_keep (data, koers_department_get_name (department));
      line->title = koers_report_data_keep (data, koers_objective_get_title (objective));
      line->committed = koers_objective_get_kind (objective) == KOERS_OBJECTIVE_KIND_COMMITTED;
      line->days = koers_objective_get_request_days (objective);
      line->budget = koers_objective_get_request_budget (objective);
      line->reason = koers_report_data_keep (data, koers_objective_get_request_reason (objective));
      line->state = koers_objective_get_request_state (objective);
      g_ptr_array_add (capacity->requests, line);
    }

  collect_escalations (capacity, store, data);
  return capacity;
}

void
koers_report_capacity_free (KoersReportCapacity *capacity)
{
  if (capacity == NULL)
    return;
  g_ptr_array_unref (capacity->departments);
  g_ptr_array_unref (capacity->requests);
  g_ptr_array_unref (capacity->escalations);
  g_free (capacity);
}

static char *
expand (const KoersSeedText *text,
        KoersLanguage        lang,
        const char *const   *pairs)
{
  GString *out = g_string_new (koers_seed_text_get (text, lang));

  for (guint i = 0; pairs[i] != NULL && pairs[i + 1] != NULL; i += 2)
    {
      g_autofree char *key = g_strdup_printf ("{%s}", pairs[i]);

      g_string_replace (out, key, pairs[i + 1], 0);
    }
  return g_string_free (out, FALSE);
}

/* The heading of a list of lines and, when the list is empty, the words
 * that say so. */
static void
begin_lines (KoersReportLayout   *layout,
             const KoersSeedText *title,
             const KoersSeedText *none,
             guint                n)
{
  koers_report_layout_heading (layout, KOERS_REPORT_FONT_H2, koers_seed_text_get (title, layout->lang), NULL, 40.0);
  layout->y += 4.0;
  if (n == 0)
    koers_report_layout_paragraph (layout, KOERS_REPORT_FONT_SMALL, koers_seed_text_get (none, layout->lang),
                                   &koers_report_muted, 0, 8.0);
}

/* A line of those lists: its subject in bold, its words below. */
static void
draw_line (KoersReportLayout *layout,
           const char        *subject,
           const char        *words)
{
  koers_report_layout_paragraph (layout, KOERS_REPORT_FONT_SMALL_BOLD, subject, &koers_report_ink, 0, 1.0);
  koers_report_layout_paragraph (layout, KOERS_REPORT_FONT_SMALL, words, &koers_report_muted, 8.0, 6.0);
}

void
koers_report_capacity_escalations (KoersReportLayout *layout)
{
  KoersLanguage        lang = layout->lang;
  KoersReportCapacity *capacity = layout->data->capacity;

  if (capacity == NULL)
    return;

  begin_lines (layout, &escalations_heading, &no_escalations, capacity->escalations->len);
  for (guint i = 0; i < capacity->escalations->len; i++)
    {
      EscalationLine  *line = g_ptr_array_index (capacity->escalations, i);
      g_autofree char *date = g_date_valid (&line->raised) ? koers_format_date (lang, &line->raised) : g_strdup ("");
      const char      *pairs[] = { "reason", line->reason, "help", line->help, "who",
                              *line->raised_by != '\0' ? line->raised_by : "—", "date", date, NULL };
      g_autofree char *words = expand (&escalation_words, lang, pairs);

      draw_line (layout, line->subject, words);
    }
}

#define NAME_WIDTH 130.0
#define BAR_WIDTH 150.0
#define COLUMN_GAP 10.0

/* One line per department: its name, the bar of committed and total use
 * against its capacity (the mark at 100 %), and the words. */
static void
draw_department (KoersReportLayout *layout,
                 DepartmentLine    *line)
{
  KoersLanguage    lang = layout->lang;
  double           committed = koers_capacity_use_get_committed_share (&line->use);
  double           total = koers_capacity_use_get_total_share (&line->use);
  double           scale = MAX (1.0, total);
  double           words_x = KOERS_REPORT_MARGIN_X + NAME_WIDTH + BAR_WIDTH + 2 * COLUMN_GAP;
  double           bar_x = KOERS_REPORT_MARGIN_X + NAME_WIDTH + COLUMN_GAP;
  g_autofree char *words = NULL;
  g_autoptr (PangoLayout) name = NULL;
  g_autoptr (PangoLayout) text = NULL;
  double h;

  if (line->use.has_capacity && line->use.available > 0.0)
    {
      g_autofree char *available = koers_format_number (lang, line->use.available, 1);
      g_autofree char *c = koers_format_percent (lang, 100.0 * committed, 0);
      g_autofree char *t = koers_format_percent (lang, 100.0 * total, 0);
      const char      *pairs[] = { "available", available, "committed", c, "total", t, NULL };

      words = expand (&use_words, lang, pairs);
    }
  else
    words = g_strdup (koers_seed_text_get (&no_capacity, lang));

  name = koers_report_layout_text (layout, KOERS_REPORT_FONT_SMALL_BOLD, line->name, NAME_WIDTH, 2, PANGO_ALIGN_LEFT);
  text = koers_report_layout_text (layout, KOERS_REPORT_FONT_CAPTION, words,
                                   KOERS_REPORT_MARGIN_X + KOERS_REPORT_CONTENT_WIDTH - words_x, 3, PANGO_ALIGN_LEFT);
  h = MAX (koers_report_text_height (name), koers_report_text_height (text));
  koers_report_layout_ensure (layout, h + 6.0);
  koers_report_layout_draw_text (layout, name, KOERS_REPORT_MARGIN_X, layout->y, &koers_report_ink);
  if (line->use.has_capacity && line->use.available > 0.0)
    {
      double bar_y = layout->y + 1.5;

      koers_report_layout_progress_bar (layout, bar_x, bar_y, BAR_WIDTH, 8.0, MIN (1.0, total / scale),
                                        &koers_report_accent_light);
      koers_report_layout_progress_bar (layout, bar_x, bar_y, BAR_WIDTH, 8.0, MIN (1.0, committed / scale),
                                        &koers_report_accent);
      koers_report_layout_fill_rect (layout, bar_x + BAR_WIDTH / scale - 1.0, bar_y - 2.0, 2.0, 12.0,
                                     &koers_report_ink);
    }
  koers_report_layout_draw_text (layout, text, words_x, layout->y, &koers_report_muted);
  layout->y += h + 3.0;
  koers_report_layout_hline (layout, KOERS_REPORT_MARGIN_X, KOERS_REPORT_MARGIN_X + KOERS_REPORT_CONTENT_WIDTH,
                             layout->y, 0.4, &koers_report_rule);
  layout->y += 4.0;
}

gboolean
koers_report_section_capacity (KoersReportLayout *layout)
{
  KoersLanguage        lang = layout->lang;
  KoersReportCapacity *capacity = layout->data->capacity;

  if (capacity == NULL || (capacity->departments->len == 0 && capacity->requests->len == 0))
    return koers_report_layout_tick (layout);

  koers_report_layout_begin_section (layout);
  koers_report_layout_add_outline (layout, CAIRO_PDF_OUTLINE_ROOT, koers_seed_text_get (&heading, lang),
                                   KOERS_REPORT_DEST_CAPACITY, FALSE);
  koers_report_layout_heading (layout, KOERS_REPORT_FONT_H1, koers_seed_text_get (&heading, lang),
                               KOERS_REPORT_DEST_CAPACITY, 60.0);
  koers_report_layout_paragraph (layout, KOERS_REPORT_FONT_SMALL, koers_seed_text_get (&intro, lang),
                                 &koers_report_muted, 0, 12.0);
  for (guint i = 0; i < capacity->departments->len; i++)
    draw_department (layout, g_ptr_array_index (capacity->departments, i));

  layout->y += 8.0;
  begin_lines (layout, &requests_heading, &no_requests, capacity->requests->len);
  for (guint i = 0; i < capacity->requests->len; i++)
    {
      RequestLine     *line = g_ptr_array_index (capacity->requests, i);
      g_autofree char *days = NULL;
      g_autofree char *money = line->budget > 0.0 ? koers_format_money (lang, line->budget) : NULL;
      g_autofree char *asked = NULL;
      g_autofree char *words = NULL;

      if (line->days > 0.0)
        {
          g_autofree char *n = koers_format_number (lang, line->days, 1);
          const char      *pairs[] = { "n", n, NULL };

          days = expand (&days_words, lang, pairs);
        }
      asked = days != NULL && money != NULL ? g_strdup_printf ("%s, %s", days, money)
                                            : g_strdup (days != NULL ? days : money != NULL ? money
                                                                                            : "—");
      {
        const char *pairs[] = { "department", line->department, "asked", asked, "reason", line->reason, NULL };

        words = expand (&request_words, lang, pairs);
      }
      draw_line (layout, line->title, words);
    }
  return koers_report_layout_tick (layout);
}
