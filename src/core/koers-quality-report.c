/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "koers-date.h"
#include "koers-department.h"
#include "koers-quality-private.h"
#include "koers-quality.h"
#include "koers-status-words.h"
#include "koers-summary.h"
#include "koers-text.h"

/* The plain-text report behind `koers --check`: both languages held here,
 * like the rules, so the report's language does not depend on gettext. */

static const KoersSeedText heading_text = {
  "OKR check for {period} — errors: {errors}, warnings: {warnings}, info: {infos}",
  "OKR-controle voor {period} — fouten: {errors}, waarschuwingen: {warnings}, info: {infos}",
};
static const KoersSeedText none_text = {
  "No findings: these OKRs pass every check.",
  "Geen bevindingen: deze OKR’s doorstaan elke controle.",
};
static const KoersSeedText dismissed_text = {
  "Dismissed, not shown: {n}",
  "Genegeerd, niet getoond: {n}",
};
static const KoersSeedText statuses_text = { "Key results: ", "Sleutelresultaten: " };
static const KoersSeedText why_text = { "Why: ", "Waarom: " };
static const KoersSeedText hint_text = { "Hint: ", "Tip: " };

/* A model class's koers_…_get_id(). */
typedef gint64 (*GetIdFunc) (gpointer item);

/* The items of list by their get_id, each with a reference: a large
 * company's check has hundreds of findings, and looking each one's place
 * up in the lists was a tenth of the check. */
static GHashTable *
index_by_id (GListModel *list,
             GetIdFunc   get_id)
{
  GHashTable *index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  guint       n = list != NULL ? g_list_model_get_n_items (list) : 0;

  for (guint i = 0; i < n; i++)
    {
      GObject *item = g_list_model_get_item (list, i);
      gint64   id = get_id (item);

      g_hash_table_insert (index, g_memdup2 (&id, sizeof id), item);
    }
  return index;
}

/* Where the findings are: the departments and objectives checked. */
typedef struct
{
  GHashTable *departments;
  GHashTable *objectives;
} Places;

static gpointer
lookup_by_id (GHashTable *index,
              gint64      id)
{
  gpointer item = g_hash_table_lookup (index, &id);

  return item != NULL ? g_object_ref (item) : NULL;
}

static KoersKeyResult *
lookup_key_result (KoersObjective *objective,
                   gint64          id)
{
  GListModel *krs;
  guint       n;

  if (objective == NULL || id == 0)
    return NULL;

  krs = koers_objective_get_key_results (objective);
  n = g_list_model_get_n_items (krs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, i);

      if (koers_key_result_get_id (kr) == id)
        return g_steal_pointer (&kr);
    }

  return NULL;
}

static void
append_where (GString             *out,
              const Places        *places,
              KoersQualityFinding *finding)
{
  gint64 objective_id = koers_quality_finding_get_objective_id (finding);
  g_autoptr (KoersDepartment) dept = lookup_by_id (places->departments,
                                                   koers_quality_finding_get_department_id (finding));
  g_autoptr (KoersObjective) objective =
    objective_id != 0 ? lookup_by_id (places->objectives, objective_id) : NULL;
  g_autoptr (KoersKeyResult) kr = lookup_key_result (objective,
                                                     koers_quality_finding_get_key_result_id (finding));
  gboolean first = TRUE;

  if (dept != NULL)
    {
      koers_text_append_one_line (out, koers_department_get_name (dept));
      first = FALSE;
    }
  if (objective != NULL)
    {
      if (!first)
        g_string_append (out, " › ");
      koers_text_append_one_line (out, koers_objective_get_title (objective));
      first = FALSE;
    }
  if (kr != NULL)
    {
      if (!first)
        g_string_append (out, " › ");
      koers_text_append_one_line (out, koers_key_result_get_title (kr));
    }
}

/* "Key results: On track 3 · Achieved 1 · …", every status, in the words
 * the window, the PDF and the CSV use, for the objectives checked. */
static void
append_statuses (GString                 *out,
                 const KoersQualityInput *input,
                 KoersLanguage            lang)
{
  static const KoersKrStatus order[] = {
    KOERS_KR_STATUS_ON_TRACK,
    KOERS_KR_STATUS_ACHIEVED,
    KOERS_KR_STATUS_IN_PROGRESS,
    KOERS_KR_STATUS_AT_RISK,
    KOERS_KR_STATUS_OFF_TRACK,
  };
  guint counts[KOERS_KR_STATUS_OFF_TRACK + 1] = {
    0,
  };
  guint n = input->objectives != NULL ? g_list_model_get_n_items (input->objectives) : 0;
  GDate today;

  if (input->today != NULL && g_date_valid (input->today))
    today = *input->today;
  else
    koers_date_today (&today);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (input->objectives, i);
      GListModel *krs = koers_objective_get_key_results (objective);
      guint       n_krs = g_list_model_get_n_items (krs);
      KoersPeriod own;
      gboolean    has_own = koers_objective_get_parsed_period (objective, &own);

      if (koers_objective_get_archived (objective) ||
          !koers_objective_in_period (objective, input->period) ||
          !koers_quality_input_asks_for (input, koers_objective_get_department_id (objective)))
        continue;

      for (guint j = 0; j < n_krs; j++)
        {
          g_autoptr (KoersKeyResult) kr = g_list_model_get_item (krs, j);

          counts[koers_key_result_get_status (kr, has_own ? &own : NULL, &today)]++;
        }
    }

  g_string_append (out, koers_seed_text_get (&statuses_text, lang));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_string_append_printf (out, "%s%s %u", i > 0 ? " · " : "",
                            koers_kr_status_get_word (order[i], lang), counts[order[i]]);
  g_string_append_c (out, '\n');
}

gboolean
koers_quality_print_report (const KoersQualityInput *input,
                            KoersLanguage            lang,
                            KoersQualityReportFlags  flags,
                            GString                 *out)
{
  KoersQualityInput all;
  g_autoptr (GListModel) findings = NULL;
  KoersQualityCounts counts;
  guint              n_dismissed;
  guint              n_items;
  Places             places;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (input->period != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  /* Dismissed findings too, to count them. */
  all = *input;
  all.include_dismissed = TRUE;
  findings = koers_quality_check (&all);
  n_items = g_list_model_get_n_items (findings);
  counts = koers_quality_count (findings);
  n_dismissed = counts.n_dismissed;

  {
    g_autofree char *period = koers_format_period (lang, input->period);
    g_autofree char *errors = g_strdup_printf ("%u", counts.by_severity[KOERS_QUALITY_SEVERITY_ERROR]);
    g_autofree char *warnings = g_strdup_printf ("%u", counts.by_severity[KOERS_QUALITY_SEVERITY_WARNING]);
    g_autofree char *infos = g_strdup_printf ("%u", counts.by_severity[KOERS_QUALITY_SEVERITY_INFO]);
    const char      *pairs[] = {
           "period", period, "errors", errors, "warnings", warnings, "infos", infos, NULL
    };
    g_autofree char *heading = koers_quality_text_expand (koers_seed_text_get (&heading_text, lang), pairs);

    g_string_append_printf (out, "%s\n", heading);
  }
  append_statuses (out, input, lang);

  if (n_dismissed > 0)
    {
      g_autofree char *n = g_strdup_printf ("%u", n_dismissed);
      const char      *pairs[] = { "n", n, NULL };
      g_autofree char *line = koers_quality_text_expand (koers_seed_text_get (&dismissed_text, lang), pairs);

      g_string_append_printf (out, "%s\n", line);
    }

  if (n_items == n_dismissed)
    g_string_append_printf (out, "\n%s\n", koers_seed_text_get (&none_text, lang));

  places.departments = index_by_id (input->departments, (GetIdFunc) koers_department_get_id);
  places.objectives = index_by_id (input->objectives, (GetIdFunc) koers_objective_get_id);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (KoersQualityFinding) finding = g_list_model_get_item (findings, i);
      const char *hint;

      if (koers_quality_finding_get_dismissed (finding))
        continue;

      g_string_append_printf (out, "\n%-8s %s\n         ",
                              koers_quality_severity_to_string (koers_quality_finding_get_severity (finding)),
                              koers_quality_finding_get_rule_id (finding));
      append_where (out, &places, finding);
      g_string_append (out, "\n         ");
      koers_text_append_one_line (out, koers_quality_finding_get_message (finding, lang));
      g_string_append_c (out, '\n');

      if ((flags & KOERS_QUALITY_REPORT_EXPLAIN) == 0)
        continue;

      g_string_append_printf (out, "         %s%s\n",
                              koers_seed_text_get (&why_text, lang),
                              koers_quality_finding_get_explanation (finding, lang));
      hint = koers_quality_finding_get_hint (finding, lang);
      if (hint[0] != '\0')
        g_string_append_printf (out, "         %s%s\n", koers_seed_text_get (&hint_text, lang), hint);
    }
  g_hash_table_unref (places.departments);
  g_hash_table_unref (places.objectives);

  return counts.by_severity[KOERS_QUALITY_SEVERITY_ERROR] > 0;
}
