/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/koers-seed.h"
#include "core/koers-status-words.h"
#include "koers-report-strings.h"

/* English marked with N_() so the words are in the catalogue too (the
 * translators see them); the Dutch column is what the report prints. */
static const KoersSeedText report_texts[N_KOERS_REPORT_STRS] = {
  [KOERS_REPORT_STR_OUR_ORGANISATION] = { N_ ("Our organisation"), "Onze organisatie" },
  [KOERS_REPORT_STR_TITLE] = { N_ ("OKR report"), "OKR-rapport" },
  [KOERS_REPORT_STR_SUBTITLE] = { N_ ("Objectives and key results"), "Doelstellingen en sleutelresultaten" },
  [KOERS_REPORT_STR_PERIOD] = { N_ ("Period"), "Periode" },
  [KOERS_REPORT_STR_REPORT_DATE] = { N_ ("Report date"), "Rapportdatum" },
  [KOERS_REPORT_STR_SCOPE] = { N_ ("Scope"), "Omvang" },
  [KOERS_REPORT_STR_WHOLE_COMPANY] = { N_ ("The whole company"), "Het hele bedrijf" },
  [KOERS_REPORT_STR_CONFIDENTIAL] = {
    N_ ("Confidential — prepared for the board of directors. Do not distribute."),
    "Vertrouwelijk — opgesteld voor de raad van bestuur. Niet verspreiden." },
  [KOERS_REPORT_STR_CONFIDENTIAL_SHORT] = { N_ ("Confidential"), "Vertrouwelijk" },
  [KOERS_REPORT_STR_PAGE_X_OF_Y] = { N_ ("Page {1} of {2}"), "Pagina {1} van {2}" },
  [KOERS_REPORT_STR_GENERATED_ON] = { N_ ("Prepared with Koers on {1}"), "Opgesteld met Koers op {1}" },
  [KOERS_REPORT_STR_SUMMARY] = { N_ ("Executive summary"), "Managementsamenvatting" },
  [KOERS_REPORT_STR_OVERALL_SCORE] = { N_ ("Overall score"), "Totaalscore" },
  [KOERS_REPORT_STR_OVERALL_SCORE_NOTE] = { N_ ("Mean score of {1} and {2}"), "Gemiddelde score van {1} en {2}" },
  [KOERS_REPORT_STR_OBJECTIVES] = { N_ ("Objectives"), "Doelstellingen" },
  [KOERS_REPORT_STR_KEY_RESULTS] = { N_ ("Key results"), "Sleutelresultaten" },
  [KOERS_REPORT_STR_COMMITTED] = { N_ ("Committed objectives"), "Verplichte doelstellingen" },
  [KOERS_REPORT_STR_COMMITTED_LINE] = { N_ ("{1} achieved · {2} missed · {3} still open"), "{1} behaald · {2} gemist · {3} nog lopend" },
  [KOERS_REPORT_STR_ASPIRATIONAL] = { N_ ("Aspirational objectives"), "Ambitieuze doelstellingen" },
  [KOERS_REPORT_STR_ASPIRATIONAL_LINE] = { N_ ("Average score {1} against the goal of {2} ({3})"), "Gemiddelde score {1} tegenover het streefcijfer {2} ({3})" },
  [KOERS_REPORT_STR_ASPIRATIONAL_NONE] = { N_ ("No aspirational objectives in this period."), "Geen ambitieuze doelstellingen in deze periode." },
  [KOERS_REPORT_STR_EXPECTED_NOTE] = { N_ ("Statuses compare each key result’s progress with the progress expected on {1}."), "De status vergelijkt de voortgang van elk sleutelresultaat met de verwachte voortgang op {1}." },
  [KOERS_REPORT_STR_TOP_RISKS] = { N_ ("Top risks"), "Belangrijkste risico’s" },
  [KOERS_REPORT_STR_NO_RISKS] = { N_ ("No key result is at risk or off track."), "Geen enkel sleutelresultaat is in gevaar of loopt achter." },
  [KOERS_REPORT_STR_SCORE_PER_DEPARTMENT] = { N_ ("Score per department"), "Score per afdeling" },
  [KOERS_REPORT_STR_GOAL_LINE] = { N_ ("goal {1}"), "streefcijfer {1}" },
  [KOERS_REPORT_STR_ALIGNMENT] = { N_ ("Alignment"), "Afstemming" },
  [KOERS_REPORT_STR_ALIGNMENT_INTRO] = { N_ ("How team objectives support their department’s, and department objectives the company’s."), "Hoe teamdoelstellingen die van hun afdeling ondersteunen, en afdelingsdoelstellingen die van het bedrijf." },
  [KOERS_REPORT_STR_NO_SUPPORT] = { N_ ("No objective supports this objective yet."), "Nog geen doelstelling ondersteunt deze doelstelling." },
  [KOERS_REPORT_STR_NOT_ALIGNED] = { N_ ("Not aligned to an objective one level up"), "Niet afgestemd op een doelstelling een niveau hoger" },
  [KOERS_REPORT_STR_ALIGNED_TO_ARCHIVED] = { N_ ("{1} (aligned to an archived objective)"), "{1} (afgestemd op een gearchiveerde doelstelling)" },
  [KOERS_REPORT_STR_DEPARTMENTS] = { N_ ("Departments"), "Afdelingen" },
  [KOERS_REPORT_STR_DEPARTMENT_LINE] = { N_ ("{1} · {2} · score {3}"), "{1} · {2} · score {3}" },
  [KOERS_REPORT_STR_NO_OBJECTIVES] = { N_ ("No objectives in this period."), "Geen doelstellingen in deze periode." },
  [KOERS_REPORT_STR_COL_LEVEL] = { N_ ("Level"), "Niveau" },
  [KOERS_REPORT_STR_COL_OBJECTIVE] = { N_ ("Objective"), "Doelstelling" },
  [KOERS_REPORT_STR_COL_KEY_RESULT] = { N_ ("Key result"), "Sleutelresultaat" },
  /* Headers never break inside a word: the table sets all its headers a
   * size smaller until each word fits its column. */
  [KOERS_REPORT_STR_COL_START] = { N_ ("Start"), "Startwaarde" },
  [KOERS_REPORT_STR_COL_TARGET] = { N_ ("Target"), "Doelwaarde" },
  [KOERS_REPORT_STR_COL_CURRENT] = { N_ ("Current"), "Huidig" },
  [KOERS_REPORT_STR_COL_STATUS] = { N_ ("Status"), "Status" },
  [KOERS_REPORT_STR_COL_OWNER] = { N_ ("Owner"), "Verantwoordelijke" },
  [KOERS_REPORT_STR_COL_DEPARTMENT] = { N_ ("Department"), "Afdeling" },
  [KOERS_REPORT_STR_COL_PROGRESS] = { N_ ("Progress"), "Voortgang" },
  [KOERS_REPORT_STR_COL_NOTE] = { N_ ("Note"), "Toelichting" },
  [KOERS_REPORT_STR_COL_SCORE] = { N_ ("Score"), "Score" },
  [KOERS_REPORT_STR_TRENDS] = { N_ ("Key results over the period"), "Verloop van de sleutelresultaten" },
  [KOERS_REPORT_STR_NO_KEY_RESULTS] = { N_ ("No key results yet."), "Nog geen sleutelresultaten." },
  [KOERS_REPORT_STR_NO_CHECKINS] = { N_ ("No check-ins yet"), "Nog geen check-ins" },
  [KOERS_REPORT_STR_DUE] = { N_ ("due {1}"), "deadline {1}" },
  [KOERS_REPORT_STR_CONTINUED] = { N_ ("(continued)"), "(vervolg)" },
  [KOERS_REPORT_STR_APPENDIX] = { N_ ("Appendix"), "Bijlage" },
  [KOERS_REPORT_STR_MISSED] = { N_ ("Committed objectives that were missed"), "Verplichte doelstellingen die niet gehaald werden" },
  [KOERS_REPORT_STR_MISSED_INTRO] = { N_ ("Committed objectives whose period has ended with a score below 1.0. Each one calls for a blameless post-mortem to improve planning or execution."), "Verplichte doelstellingen waarvan de periode voorbij is met een score onder 1,0. Elk ervan vraagt een postmortem-analyse zonder schuldtoewijzing om de planning of de uitvoering te verbeteren." },
  [KOERS_REPORT_STR_NO_MISSED] = { N_ ("No committed objective was missed."), "Geen enkele verplichte doelstelling werd gemist." },
  [KOERS_REPORT_STR_GDPR] = { N_ ("Key results that use personal data (GDPR)"), "Sleutelresultaten met persoonsgegevens (GDPR)" },
  [KOERS_REPORT_STR_GDPR_INTRO] = { N_ ("These measurements use staff or customer data: keep them within the GDPR and the organisation’s compliance rules."), "Deze metingen gebruiken personeels- of klantgegevens: hou rekening met de GDPR- en compliancevereisten van de organisatie." },
  [KOERS_REPORT_STR_NO_GDPR] = { N_ ("No key result uses personal data."), "Geen enkel sleutelresultaat gebruikt persoonsgegevens." },
  [KOERS_REPORT_STR_NO_NOTE] = { N_ ("No note"), "Geen toelichting" },
  [KOERS_REPORT_STR_SCORING] = { N_ ("How scores are computed"), "Hoe de scores berekend worden" },
  [KOERS_REPORT_STR_SCORING_PROGRESS] = { N_ ("A key result’s progress is (current − start) ÷ (target − start), limited to 0–1, so it also works for values that should go down, such as churn. A milestone counts 1 when done and 0 before."), "De voortgang van een sleutelresultaat is (huidig − start) ÷ (doel − start), begrensd tot 0–1, zodat ze ook werkt voor waarden die moeten dalen, zoals klantverloop. Een mijlpaal telt 1 als ze voltooid is en 0 daarvoor." },
  [KOERS_REPORT_STR_SCORING_OBJECTIVE] = { N_ ("An objective’s score is the weighted mean of its key results’ progress. A department’s score and the overall score are the mean of their objectives’ scores."), "De score van een doelstelling is het gewogen gemiddelde van de voortgang van haar sleutelresultaten. De score van een afdeling en de totaalscore zijn het gemiddelde van de scores van hun doelstellingen." },
  [KOERS_REPORT_STR_SCORING_BANDS] = { N_ ("Scores read in three bands: below 0.35 red, from 0.35 yellow, from 0.65 green."), "Scores vallen in drie zones: onder 0,35 rood, vanaf 0,35 geel, vanaf 0,65 groen." },
  [KOERS_REPORT_STR_SCORING_SUCCESS] = { N_ ("A committed objective succeeds only at 1.0; an aspirational objective succeeds from 0.7."), "Een verplichte doelstelling is pas geslaagd bij 1,0; een ambitieuze doelstelling vanaf 0,7." },
  [KOERS_REPORT_STR_SCORING_STATUS] = { N_ ("A key result is achieved when its progress reaches 1. Otherwise it shows the status of its latest check-in, when one was given. Otherwise its progress is compared with the progress expected on the report date, which grows evenly over the period: on track when not behind (so also before the period starts), in progress (under way) when less than 0.1 behind while the period runs, at risk when up to 0.2 behind, off track beyond that."), "Een sleutelresultaat is behaald wanneer de voortgang 1 bereikt. Anders toont het de status van de laatste check-in, als die er een gaf. Anders wordt de voortgang vergeleken met de verwachte voortgang op de rapportdatum, die gelijkmatig groeit over de periode: op schema als het niet achterloopt (dus ook voor de periode begint), lopend bij een achterstand van minder dan 0,1 zolang de periode loopt, in gevaar bij een achterstand tot 0,2, achterop daarboven." },
  [KOERS_REPORT_STR_SUBJECT] = { N_ ("Objectives and key results, {1}"), "Doelstellingen en sleutelresultaten, {1}" },
  [KOERS_REPORT_STR_CHART_IDEAL] = { N_ ("Ideal"), "Ideaal" },
  [KOERS_REPORT_STR_CHART_CHECKINS] = { N_ ("Check-ins"), "Check-ins" },
  [KOERS_REPORT_STR_NOW] = { N_ ("now {1}"), "nu {1}" },
  /* The seed: "Gebruik OKR's samen met KPI's in rapportering aan de raad
   * van bestuur". */
  [KOERS_REPORT_STR_KPIS] = { N_ ("KPIs"), "KPI’s" },
  [KOERS_REPORT_STR_KPI_HEADING] = { N_ ("{1}: KPIs"), "{1}: KPI’s" },
  [KOERS_REPORT_STR_KPI_INTRO] = { N_ ("Key performance indicators: the health metrics that keep running next to the objectives, as they stood on {1}."), "Kritieke prestatie-indicatoren: de gezondheidsmetingen die naast de doelstellingen doorlopen, zoals ze er op {1} voor stonden." },
  [KOERS_REPORT_STR_COL_KPI] = { N_ ("KPI"), "KPI" },
  [KOERS_REPORT_STR_COL_HEALTHY] = { N_ ("Healthy"), "Gezond" },
  [KOERS_REPORT_STR_COL_ATTENTION] = { N_ ("Attention"), "Aandacht" },
  [KOERS_REPORT_STR_COL_LAST_UPDATE] = { N_ ("Last update"), "Laatste meting" },
  [KOERS_REPORT_STR_COL_TREND] = { N_ ("Trend"), "Trend" },
  [KOERS_REPORT_STR_KPI_TRENDS] = { N_ ("KPIs over the period"), "Verloop van de KPI’s" },
  [KOERS_REPORT_STR_KPI_NO_VALUES] = { N_ ("No values in this period"), "Geen metingen in deze periode" },
  [KOERS_REPORT_STR_KPI_MOVED_BY] = { N_ ("moved by: {1}"), "beïnvloed door: {1}" },
  [KOERS_REPORT_STR_KPI_UPDATE_DUE] = { N_ ("update due"), "meting achterstallig" },
  [KOERS_REPORT_STR_TREND_BETTER] = { N_ ("better"), "beter" },
  [KOERS_REPORT_STR_TREND_WORSE] = { N_ ("worse"), "slechter" },
  [KOERS_REPORT_STR_TREND_UNCHANGED] = { N_ ("unchanged"), "onveranderd" },
  [KOERS_REPORT_STR_TREND_ONE_VALUE] = { N_ ("one value"), "één meting" },
  [KOERS_REPORT_STR_CHART_VALUES] = { N_ ("Values"), "Metingen" },
  [KOERS_REPORT_STR_CHART_HEALTHY] = { N_ ("Healthy threshold"), "Drempel gezond" },
  [KOERS_REPORT_STR_CHART_ATTENTION] = { N_ ("Attention threshold"), "Drempel aandacht" },
  [KOERS_REPORT_STR_KPI_SUMMARY_NOTE] = { N_ ("KPI health from each KPI’s latest value in the period and its thresholds; trends compare the period’s first and last values."), "De gezondheid van een KPI volgt uit de laatste meting in de periode en de drempels; de trend vergelijkt de eerste en de laatste meting van de periode." },
  [KOERS_REPORT_STR_ATTENTION] = { N_ ("Needs attention"), "Aandacht nodig" },
  [KOERS_REPORT_STR_ATTENTION_COMMITTED] = { N_ ("Committed objectives at risk or off track ({1})"), "Verplichte doelstellingen in gevaar of achterop ({1})" },
  [KOERS_REPORT_STR_ATTENTION_STALE] = { N_ ("Key results without a check-in for {1} days ({2})"), "Sleutelresultaten zonder check-in sinds {1} dagen ({2})" },
  [KOERS_REPORT_STR_ATTENTION_NO_KEY_RESULTS] = { N_ ("Objectives without key results ({1})"), "Doelstellingen zonder sleutelresultaten ({1})" },
  [KOERS_REPORT_STR_ATTENTION_NO_OKRS] = { N_ ("Departments without OKRs in this period ({1})"), "Afdelingen zonder OKR's in deze periode ({1})" },
  [KOERS_REPORT_STR_ATTENTION_NONE] = { N_ ("None."), "Geen." },
  [KOERS_REPORT_STR_ATTENTION_NO_SECTION] = { N_ ("{1} (no section in this report)"), "{1} (geen hoofdstuk in dit rapport)" },
  [KOERS_REPORT_STR_COL_LAST_CHECKIN] = { N_ ("Last check-in"), "Laatste check-in" },
  [KOERS_REPORT_STR_NEVER_CHECKED_IN] = { N_ ("Never"), "Nooit" },
  [KOERS_REPORT_STR_DAYS_AGO] = { N_ ("{1} days ago"), "{1} dagen geleden" },
  [KOERS_REPORT_STR_COL_CHANGE] = { N_ ("Change"), "Verschil" },
  [KOERS_REPORT_STR_CHANGE_NOTE] = { N_ ("Change: the score against that of {1}; — where there was none."), "Verschil: de score tegenover die van {1}; — waar er geen was." },
  [KOERS_REPORT_STR_TRENDS_ALL] = { N_ ("Key results and KPIs over the period"), "Verloop van de sleutelresultaten en KPI’s" },
};

static const KoersSeedText level_texts[] = {
  [KOERS_LEVEL_COMPANY] = { NC_ ("level", "Company"), "Bedrijf" },
  [KOERS_LEVEL_DEPARTMENT] = { NC_ ("level", "Department"), "Afdeling" },
  [KOERS_LEVEL_TEAM] = { NC_ ("level", "Team"), "Team" },
};

static const KoersSeedText kind_texts[] = {
  [KOERS_OBJECTIVE_KIND_COMMITTED] = { NC_ ("objective kind", "Committed"), "Verplicht" },
  [KOERS_OBJECTIVE_KIND_ASPIRATIONAL] = { NC_ ("objective kind", "Aspirational"), "Ambitieus" },
};

static const KoersSeedText kpi_status_texts[] = {
  [KOERS_KPI_STATUS_NONE] = { NC_ ("KPI status", "No value yet"), "Nog geen meting" },
  [KOERS_KPI_STATUS_HEALTHY] = { NC_ ("KPI status", "Healthy"), "Gezond" },
  [KOERS_KPI_STATUS_NEEDS_ATTENTION] = { NC_ ("KPI status", "Needs attention"), "Aandacht nodig" },
  [KOERS_KPI_STATUS_UNHEALTHY] = { NC_ ("KPI status", "Unhealthy"), "Ongezond" },
};

static const KoersSeedText kpi_frequency_texts[] = {
  [KOERS_KPI_FREQUENCY_WEEKLY] = { NC_ ("KPI frequency", "Weekly"), "Wekelijks" },
  [KOERS_KPI_FREQUENCY_MONTHLY] = { NC_ ("KPI frequency", "Monthly"), "Maandelijks" },
  [KOERS_KPI_FREQUENCY_QUARTERLY] = { NC_ ("KPI frequency", "Quarterly"), "Driemaandelijks" },
};

/* A count and its noun, one and more ("1 objective", "2 objectives"): the
 * report's own ngettext, for both languages' rule (one is singular). */
static const struct
{
  KoersSeedText one;
  KoersSeedText other;
} count_texts[] = {
  [KOERS_REPORT_COUNT_OBJECTIVES] = { { N_ ("{1} objective"), "{1} doelstelling" },
                                      { N_ ("{1} objectives"), "{1} doelstellingen" } },
  [KOERS_REPORT_COUNT_KEY_RESULTS] = { { N_ ("{1} key result"), "{1} sleutelresultaat" },
                                       { N_ ("{1} key results"), "{1} sleutelresultaten" } },
};

/* The label of an enum's value from its table of texts: "" for a value
 * past the table's end. */
static const char *
pick_label (const KoersSeedText *texts,
            guint                n_texts,
            guint                index,
            KoersLanguage        lang)
{
  return index < n_texts ? koers_seed_text_get (&texts[index], lang) : "";
}

const char *
koers_report_str (KoersLanguage  lang,
                  KoersReportStr id)
{
  g_return_val_if_fail (id < N_KOERS_REPORT_STRS, "");

  return koers_seed_text_get (&report_texts[id], lang);
}

/* One pass, so an argument that itself holds "{2}" stays as it is. */
static char *
expand_text (const char        *p,
             const char *const *args)
{
  GString *out = g_string_new (NULL);

  while (*p != '\0')
    {
      if (p[0] == '{' && p[1] >= '1' && p[1] <= '3' && p[2] == '}')
        {
          const char *arg = args[p[1] - '1'];

          if (arg != NULL)
            g_string_append (out, arg);
          p += 3;
          continue;
        }
      g_string_append_c (out, *p);
      p++;
    }

  return g_string_free (out, FALSE);
}

char *
koers_report_str_format (KoersLanguage  lang,
                         KoersReportStr id,
                         const char    *a1,
                         const char    *a2,
                         const char    *a3)
{
  const char *args[] = { a1, a2, a3 };

  return expand_text (koers_report_str (lang, id), args);
}

const char *
koers_report_level_label (KoersLanguage lang,
                          KoersLevel    level)
{
  return pick_label (level_texts, G_N_ELEMENTS (level_texts), level, lang);
}

const char *
koers_report_kind_label (KoersLanguage      lang,
                         KoersObjectiveKind kind)
{
  return pick_label (kind_texts, G_N_ELEMENTS (kind_texts), kind, lang);
}

/* The one vocabulary of koers-status-words.c, so the report says what the
 * window and the CSV say. */
const char *
koers_report_status_label (KoersLanguage lang,
                           KoersKrStatus status)
{
  return koers_kr_status_get_word (status, lang);
}

const char *
koers_report_kpi_status_label (KoersLanguage  lang,
                               KoersKpiStatus status)
{
  return pick_label (kpi_status_texts, G_N_ELEMENTS (kpi_status_texts), status, lang);
}

const char *
koers_report_kpi_frequency_label (KoersLanguage     lang,
                                  KoersKpiFrequency frequency)
{
  return pick_label (kpi_frequency_texts, G_N_ELEMENTS (kpi_frequency_texts), frequency, lang);
}

char *
koers_report_count_format (KoersLanguage    lang,
                           KoersReportCount what,
                           guint            n)
{
  g_autofree char *number = NULL;
  const char      *args[] = { NULL, NULL, NULL };

  g_return_val_if_fail ((guint) what < G_N_ELEMENTS (count_texts), g_strdup (""));

  number = koers_format_number (lang, n, 0);
  args[0] = number;
  return expand_text (koers_seed_text_get (n == 1 ? &count_texts[what].one : &count_texts[what].other, lang), args);
}

char *
koers_report_text_expand (const char *text,
                          const char *a1,
                          const char *a2,
                          const char *a3)
{
  const char *args[] = { a1, a2, a3 };

  g_return_val_if_fail (text != NULL, g_strdup (""));

  return expand_text (text, args);
}
