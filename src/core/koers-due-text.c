/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-date.h"
#include "koers-department.h"
#include "koers-due.h"
#include "koers-seed.h"
#include "koers-text.h"

/* The text of `koers --due`, in both languages (see koers-due.h).  Counts
 * take the form of their number: one, or other (both languages have those
 * two). */

typedef struct
{
  KoersSeedText one;
  KoersSeedText other;
} PluralText;

static const KoersSeedText weekday_texts[] = {
  { "Monday", "maandag" },
  { "Tuesday", "dinsdag" },
  { "Wednesday", "woensdag" },
  { "Thursday", "donderdag" },
  { "Friday", "vrijdag" },
  { "Saturday", "zaterdag" },
  { "Sunday", "zondag" },
};

static const KoersSeedText heading_text = {
  "Due since the check-in day, {day}: {counts}",
  "Te doen sinds de check-indag, {day}: {counts}",
};
static const KoersSeedText nothing_text = {
  "Nothing is due since the check-in day, {day}.",
  "Niets te doen sinds de check-indag, {day}.",
};
static const PluralText key_results_text = {
  { "{n} key result waits for a check-in", "{n} sleutelresultaat wacht op een check-in" },
  { "{n} key results wait for a check-in", "{n} sleutelresultaten wachten op een check-in" },
};
static const PluralText kpis_text = {
  { "{n} KPI waits for a new value", "{n} KPI wacht op een nieuwe waarde" },
  { "{n} KPIs wait for a new value", "{n} KPI’s wachten op een nieuwe waarde" },
};
static const PluralText review_text = {
  { "Quarterly review of {period}: {n} objective waits for its review",
    "Kwartaalreview van {period}: {n} doelstelling wacht op haar review" },
  { "Quarterly review of {period}: {n} objectives wait for their review",
    "Kwartaalreview van {period}: {n} doelstellingen wachten op hun review" },
};
static const KoersSeedText review_count_text = { "the quarterly review", "de kwartaalreview" };
static const KoersSeedText no_owner_text = { "no owner", "geen eigenaar" };
static const KoersSeedText key_result_text = { "Key result: ", "Sleutelresultaat: " };
static const KoersSeedText objective_text = { "objective: ", "doelstelling: " };
static const KoersSeedText kpi_text = { "KPI: ", "KPI: " };
static const KoersSeedText last_checkin_text = { "last check-in {date}", "laatste check-in {date}" };
static const KoersSeedText no_checkin_text = { "no check-in yet", "nog geen check-in" };
static const KoersSeedText last_value_text = { "last value {date}", "laatste waarde {date}" };
static const KoersSeedText no_value_text = { "no value yet", "nog geen waarde" };
static const KoersSeedText late_text = { "late", "te laat" };

static char *
expand (const char *template,
        const char *key,
        const char *value)
{
  g_autoptr (GString) text = g_string_new (template);

  g_string_replace (text, key, value, 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
expand_count (const PluralText *text,
              guint             n,
              KoersLanguage     lang)
{
  g_autofree char *number = g_strdup_printf ("%u", n);

  return expand (koers_seed_text_get (n == 1 ? &text->one : &text->other, lang), "{n}", number);
}

static char *
format_day (const KoersRhythm *rhythm,
            const GDate       *today,
            KoersLanguage      lang)
{
  GDate            day;
  g_autofree char *date = NULL;

  koers_due_get_last_checkin_day (rhythm, today, &day);
  date = koers_format_date (lang, &day);
  return g_strdup_printf ("%s %s", koers_seed_text_get (&weekday_texts[g_date_get_weekday (&day) - 1], lang),
                          date);
}

static const char *
find_department_name (GListModel *departments,
                      gint64      id)
{
  for (guint i = 0; departments != NULL && i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (departments, i);

      if (koers_department_get_id (dept) == id)
        return koers_department_get_name (dept);
    }

  return "";
}

static void
append_since (GString             *out,
              const char          *since,
              const KoersSeedText *dated,
              const KoersSeedText *none,
              KoersLanguage        lang)
{
  g_autofree char *date = since != NULL ? koers_format_date_iso (lang, since) : NULL;

  g_string_append (out, " · ");
  if (date != NULL)
    {
      g_autofree char *text = expand (koers_seed_text_get (dated, lang), "{date}", date);

      g_string_append (out, text);
    }
  else
    g_string_append (out, koers_seed_text_get (none, lang));
}

static void
append_item (GString      *out,
             KoersDueItem *item,
             KoersLanguage lang)
{
  g_string_append (out, "  ");
  if (koers_due_item_get_kind (item) == KOERS_DUE_KIND_KEY_RESULT)
    {
      g_string_append (out, koers_seed_text_get (&key_result_text, lang));
      koers_text_append_one_line (out, koers_key_result_get_title (koers_due_item_get_key_result (item)));
      g_string_append_printf (out, " (%s", koers_seed_text_get (&objective_text, lang));
      koers_text_append_one_line (out, koers_objective_get_title (koers_due_item_get_objective (item)));
      g_string_append_c (out, ')');
      append_since (out, koers_due_item_get_since (item), &last_checkin_text, &no_checkin_text, lang);
    }
  else
    {
      g_string_append (out, koers_seed_text_get (&kpi_text, lang));
      koers_text_append_one_line (out, koers_kpi_get_name (koers_due_item_get_kpi (item)));
      append_since (out, koers_due_item_get_since (item), &last_value_text, &no_value_text, lang);
    }
  if (koers_due_item_get_late (item))
    g_string_append_printf (out, " · %s", koers_seed_text_get (&late_text, lang));
  g_string_append_c (out, '\n');
}

static char *
format_counts (const KoersDueCounts *counts,
               KoersLanguage         lang)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (counts->n_key_results > 0)
    g_ptr_array_add (parts, expand_count (&key_results_text, counts->n_key_results, lang));
  if (counts->n_kpis > 0)
    g_ptr_array_add (parts, expand_count (&kpis_text, counts->n_kpis, lang));
  if (counts->n_reviews > 0)
    g_ptr_array_add (parts, g_strdup (koers_seed_text_get (&review_count_text, lang)));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv ("; ", (char **) parts->pdata);
}

void
koers_due_print (GPtrArray         *items,
                 GListModel        *departments,
                 const KoersRhythm *rhythm,
                 const GDate       *today,
                 KoersLanguage      lang,
                 GString           *out)
{
  g_autofree char *day = NULL;
  KoersDueCounts   counts;
  gint64           department_id = -1;
  const char      *owner = NULL;

  g_return_if_fail (items != NULL && rhythm != NULL && today != NULL && out != NULL);

  day = format_day (rhythm, today, lang);
  if (items->len == 0)
    {
      g_autofree char *line = expand (koers_seed_text_get (&nothing_text, lang), "{day}", day);

      g_string_append_printf (out, "%s\n", line);
      return;
    }

  koers_due_count (items, &counts);
  {
    g_autofree char *count_text = format_counts (&counts, lang);
    g_autofree char *half = expand (koers_seed_text_get (&heading_text, lang), "{day}", day);
    g_autofree char *line = expand (half, "{counts}", count_text);

    g_string_append_printf (out, "%s\n", line);
  }

  for (guint i = 0; i < items->len; i++)
    {
      KoersDueItem *item = g_ptr_array_index (items, i);

      if (koers_due_item_get_kind (item) == KOERS_DUE_KIND_REVIEW)
        {
          g_autofree char *period = koers_format_period (lang, koers_due_item_get_period (item));
          g_autofree char *half = expand_count (&review_text, koers_due_item_get_n_objectives (item), lang);
          g_autofree char *line = expand (half, "{period}", period);

          g_string_append_printf (out, "\n%s\n", line);
          continue;
        }

      if (koers_due_item_get_department_id (item) != department_id ||
          g_strcmp0 (koers_due_item_get_owner (item), owner) != 0)
        {
          department_id = koers_due_item_get_department_id (item);
          owner = koers_due_item_get_owner (item);
          g_string_append_c (out, '\n');
          koers_text_append_one_line (out, find_department_name (departments, department_id));
          g_string_append (out, " — ");
          koers_text_append_one_line (out, *owner != '\0' ? owner : koers_seed_text_get (&no_owner_text, lang));
          g_string_append_c (out, '\n');
        }
      append_item (out, item, lang);
    }
}
