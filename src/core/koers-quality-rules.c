/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-quality-rule.h"

/* The rules' texts.  Each explanation quotes the seed (okr-kader.txt): the
 * Dutch in its own words, the English in translation, so a team can look
 * the passage up.  Messages hold placeholders that the engine fills in
 * (see koers-quality-rule.h). */

#define NO_HINT \
  {             \
    "", ""      \
  }

/* The seed's measurability test question, shared by two rules. */
#define MEASURABLE_QUOTE_EN \
  "Test question: “Make sure key results are measurable: ‘Increase daily sign-ups by 25% by 1 May.’”"
#define MEASURABLE_QUOTE_NL \
  "Toetsvraag: “Zorg dat KRs meetbaar zijn: ‘Verhoog dagelijkse inschrijvingen met 25% tegen 1 mei.’”"

#define RESPONSIBLE_EN                                                                                 \
  "The framework’s reporting template names a “Responsible” on every line, and its guide gives " \
  "tests “to guarantee clarity, value and responsibility”. Name the person or team that answers for it."
#define RESPONSIBLE_NL                                                                                      \
  "Het rapportagesjabloon van het kader noemt op elke regel een “Verantwoordelijke”, en de gids geeft " \
  "praktische tests “om duidelijkheid, waarde en verantwoordelijkheid te garanderen”. Noem de persoon " \
  "of het team dat ervoor instaat."

#define GDPR_EN                                                                                         \
  "The framework: “Take GDPR and compliance requirements into account for metrics that use staff or " \
  "customer data.” Note why the data is needed and on which GDPR legal basis (consent, contract, "    \
  "legitimate interest…)."
#define GDPR_NL                                                                                         \
  "Het kader: “Hou rekening met GDPR- en compliancevereisten bij meetindicatoren die personeels- of " \
  "klantgegevens gebruiken.” Noteer waarom de gegevens nodig zijn en op welke GDPR-rechtsgrond "      \
  "(toestemming, overeenkomst, gerechtvaardigd belang…)."

/* Pitfall #1, both ways round, shared by its two rules. */
#define PITFALL_1_EN                                                                                      \
  "Pitfall #1, no distinction between committed and aspirational OKRs: “When a committed OKR is "       \
  "labelled aspirational, the risk of failure rises — teams take it less seriously and do not adjust "  \
  "their priorities to achieve the result.” And the other way round: “labelling an aspirational OKR " \
  "as committed causes frustration and defensiveness in teams that cannot deliver the goal.”"
#define PITFALL_1_NL                                                                                       \
  "Valkuil #1, geen onderscheid maken tussen verplichte en ambitieuze OKR’s: “Wanneer een verplichte " \
  "OKR als ambitieus wordt aangeduid, stijgt het risico op mislukking — teams nemen het minder "         \
  "serieus en passen hun prioriteiten niet aan om het resultaat te behalen.” En omgekeerd: “het "      \
  "labelen van een ambitieuze OKR als verplicht [zorgt] voor frustratie en defensiviteit bij teams "       \
  "die het doel niet kunnen waarmaken.”"

/* Pitfall #4 on capacity, shared by the three capacity rules. */
#define PITFALL_4_CAPACITY_EN                                                                                 \
  "Pitfall #4, sandbagging: “Committed OKRs must be realistic but challenging and take most of the "        \
  "available resources. Committed and aspirational OKRs together may even ask for a little more "             \
  "resources than are available — otherwise they are set too safely.” And: “Teams that meet all their " \
  "OKRs without using their full capacity show that they either hoard resources or seek too little "          \
  "challenge.”"
#define PITFALL_4_CAPACITY_NL                                                                                  \
  "Valkuil #4, sandbagging: “Verplichte OKR’s moeten realistisch maar uitdagend zijn en het merendeel "    \
  "van de beschikbare middelen vergen. De combinatie van verplichte en ambitieuze OKR’s mag zelfs iets "     \
  "méér middelen vragen dan beschikbaar — anders zijn ze te veilig opgesteld.” En: “Teams die al hun " \
  "OKR’s halen zonder hun volledige capaciteit te benutten, tonen aan dat ze ofwel middelen hamsteren, "     \
  "ofwel te weinig uitdaging zoeken.”"

static const KoersQualityRule rules[] = {
  { KOERS_QUALITY_RULE_TOO_MANY_OBJECTIVES,
    KOERS_QUALITY_SEVERITY_WARNING,
    KOERS_QUALITY_SCOPE_DEPARTMENT,
    { "Too many objectives", "Te veel doelstellingen" },
    { "{department} has {n} objectives in {period}; the framework advises at most {limit}.",
      "{department} heeft {n} doelstellingen in {period}; het kader raadt er maximaal {limit} aan." },
    { "The framework: “At most 3 to 5 main objectives for the whole organisation” and “Focus on few "
      "but clear priorities.” Keep the objectives that matter most and plan the rest for a later quarter.",
      "Het kader: “Maximaal 3 tot 5 hoofddoelstellingen voor de hele organisatie” en “Focus op weinig "
      "maar duidelijke prioriteiten.” Houd de doelstellingen die het meest tellen en plan de rest voor "
      "een later kwartaal." },
    NO_HINT },

  { KOERS_QUALITY_RULE_TOO_FEW_COMPANY_OBJECTIVES,
    KOERS_QUALITY_SEVERITY_INFO,
    KOERS_QUALITY_SCOPE_DEPARTMENT,
    { "Too few company objectives", "Te weinig bedrijfsdoelstellingen" },
    { "Company objectives in {period}: {n}; the framework advises 3 to 5.",
      "Bedrijfsdoelstellingen in {period}: {n}; het kader raadt er 3 tot 5 aan." },
    { "The framework: “At most 3 to 5 main objectives for the whole organisation”, and “Each layer "
      "supports the next, so that strategic priorities are translated into concrete actions.” With fewer, "
      "the departments have little to align to: name the company’s main priorities for the period.",
      "Het kader: “Maximaal 3 tot 5 hoofddoelstellingen voor de hele organisatie”, en “Elke laag "
      "ondersteunt de volgende, zodat strategische prioriteiten doorvertaald worden naar concrete acties.” "
      "Met minder hebben de afdelingen weinig om op af te stemmen: benoem de hoofdprioriteiten van het "
      "bedrijf voor de periode." },
    NO_HINT },

  { KOERS_QUALITY_RULE_COMMITTED_LIKE_ASPIRATIONAL,
    KOERS_QUALITY_SEVERITY_WARNING,
    KOERS_QUALITY_SCOPE_DEPARTMENT,
    { "Committed objectives scored like aspirations", "Verplichte doelstellingen gescoord als ambities" },
    { "{department}’s committed objectives of {period} ({n}) all ended below 0.7, the level of an "
      "aspirational objective, far from the 1.0 a committed one promises.",
      "De verplichte doelstellingen van {department} in {period} ({n}) eindigden allemaal onder 0,7, het "
      "niveau van een ambitieuze doelstelling, ver van de 1,0 die een verplichte belooft." },
    { PITFALL_1_EN " Label as aspirational what cannot be promised, or adjust priorities to reach 1.0.",
      PITFALL_1_NL " Duid als ambitieus aan wat niet beloofd kan worden, of pas de prioriteiten aan om "
                   "1,0 te halen." },
    NO_HINT },

  { KOERS_QUALITY_RULE_NO_KEY_RESULTS,
    KOERS_QUALITY_SEVERITY_ERROR,
    KOERS_QUALITY_SCOPE_OBJECTIVE,
    { "No key results", "Geen sleutelresultaten" },
    { "This objective has no key results, so nobody can tell whether it was reached.",
      "Deze doelstelling heeft geen sleutelresultaten, dus niemand kan zien of ze bereikt is." },
    { "The framework: key results “show how you know the objective has been reached – quantitative and "
      "measurable within an agreed term.” Add two to five.",
      "Het kader: sleutelresultaten “tonen hoe men weet dat het doel is bereikt – kwantitatief en meetbaar "
      "binnen een afgesproken termijn.” Voeg er twee tot vijf toe." },
    NO_HINT },

  { KOERS_QUALITY_RULE_TOO_MANY_KEY_RESULTS,
    KOERS_QUALITY_SEVERITY_WARNING,
    KOERS_QUALITY_SCOPE_OBJECTIVE,
    { "Too many key results", "Te veel sleutelresultaten" },
    { "This objective has {n} key results; the framework advises at most {limit}.",
      "Deze doelstelling heeft {n} sleutelresultaten; het kader raadt er maximaal {limit} aan." },
    { "The framework: “At most 5 measurable results per objective.” More spread the effort; keep the "
      "ones that together prove the objective.",
      "Het kader: “Per doelstelling maximaal 5 meetbare resultaten.” Meer versnippert de inspanning; houd "
      "de resultaten die samen aantonen dat het doel bereikt is." },
    NO_HINT },

  { KOERS_QUALITY_RULE_SINGLE_KEY_RESULT,
    KOERS_QUALITY_SEVERITY_WARNING,
    KOERS_QUALITY_SCOPE_OBJECTIVE,
    { "Committed objective with one key result", "Verplichte doelstelling met één sleutelresultaat" },
    { "This committed objective has a single key result.",
      "Deze verplichte doelstelling heeft maar één sleutelresultaat." },
    { "Pitfall #6, test question: “Is it possible to meet all key results and still not reach the "
      "objective?” If so, add key results or rewrite them until together they guarantee the objective.",
      "Valkuil #6, toetsvraag: “Is het mogelijk om alle KRs te halen en toch het doel niet te behalen?” "
      "Zo ja, voeg extra KRs toe of herschrijf ze totdat ze samen het doel garanderen." },
    NO_HINT },

  { KOERS_QUALITY_RULE_TITLE_TOO_LONG,
    KOERS_QUALITY_SEVERITY_WARNING,
    KOERS_QUALITY_SCOPE_OBJECTIVE,
    { "Objective longer than one line", "Doelstelling langer dan één regel" },
    { "The title does not fit on one line ({n} characters; at most {limit}, without line breaks).",
      "De titel past niet op één regel ({n} tekens; maximaal {limit}, zonder regeleinde)." },
    { "Test question: “If your objective does not fit on one line, it is probably not sharp enough.”",
      "Toetsvraag: “Als je doelstelling niet op één regel past, is ze waarschijnlijk niet scherp genoeg "
      "geformuleerd.”" },
    NO_HINT },

  { KOERS_QUALITY_RULE_ALL_DUE_LAST_DAY,
    KOERS_QUALITY_SEVERITY_INFO,
    KOERS_QUALITY_SCOPE_OBJECTIVE,
    { "Everything due on the last day", "Alles op de laatste dag" },
    { "Every key result is due on {date}, the last day of the period.",
      "Elk sleutelresultaat eindigt op {date}, de laatste dag van de periode." },
    { "Test question: “Use real dates — if everything ends on the last day of the quarter, there is no "
      "realistic plan.” Give each key result the date it can really be done by.",
      "Toetsvraag: “Gebruik echte datums — als alles op de laatste dag van het kwartaal eindigt, ontbreekt "
      "er een realistisch plan.” Geef elk sleutelresultaat de datum waarop het echt klaar kan zijn." },
    NO_HINT },

  { KOERS_QUALITY_RULE_OBJECTIVE_WITHOUT_OWNER,
    KOERS_QUALITY_SEVERITY_WARNING,
    KOERS_QUALITY_SCOPE_OBJECTIVE,
    { "Objective without an owner", "Doelstelling zonder verantwoordelijke" },
    { "Nobody is responsible for this objective.",
      "Niemand is verantwoordelijk voor deze doelstelling." },
    { RESPONSIBLE_EN, RESPONSIBLE_NL },
    NO_HINT },

  { KOERS_QUALITY_RULE_NOT_ALIGNED,
    KOERS_QUALITY_SEVERITY_INFO,
    KOERS_QUALITY_SCOPE_OBJECTIVE,
    { "Supports no company objective", "Ondersteunt geen bedrijfsdoelstelling" },
    { "This objective does not support any company objective.",
      "Deze doelstelling ondersteunt geen enkele bedrijfsdoelstelling." },
    { "The framework: “Each layer supports the next, so that strategic priorities are translated into "
      "concrete actions.” Test question: “For larger organisations: use hierarchical OKRs — strategic "
      "ones at the top, with supporting team OKRs below.”",
      "Het kader: “Elke laag ondersteunt de volgende, zodat strategische prioriteiten doorvertaald worden "
      "naar concrete acties.” Toetsvraag: “Voor grotere organisaties: gebruik hiërarchische OKR’s — "
      "strategische bovenaan, met ondersteunende team-OKR’s eronder.”" },
    NO_HINT },

  { KOERS_QUALITY_RULE_ALIGNED_TO_ARCHIVED,
    KOERS_QUALITY_SEVERITY_INFO,
    KOERS_QUALITY_SCOPE_OBJECTIVE,
    { "Aligned to an archived objective", "Afgestemd op een gearchiveerde doelstelling" },
    { "This objective supports an archived objective, so it supports no company objective now.",
      "Deze doelstelling ondersteunt een gearchiveerde doelstelling, en dus nu geen enkele bedrijfsdoelstelling." },
    { "An archived objective is no longer pursued. The framework: “Each layer supports the next, so that "
      "strategic priorities are translated into concrete actions.” Align this objective to an active "
      "objective one level up.",
      "Een gearchiveerde doelstelling wordt niet meer nagestreefd. Het kader: “Elke laag ondersteunt de "
      "volgende, zodat strategische prioriteiten doorvertaald worden naar concrete acties.” Stem deze "
      "doelstelling af op een actieve doelstelling een niveau hoger." },
    NO_HINT },

  { KOERS_QUALITY_RULE_MISSED_WITHOUT_POSTMORTEM,
    KOERS_QUALITY_SEVERITY_ERROR,
    KOERS_QUALITY_SCOPE_OBJECTIVE,
    { "Missed committed objective without a postmortem", "Gemiste verplichte doelstelling zonder postmortem" },
    { "This committed objective ended at {score}, below 1.0, and has no postmortem.",
      "Deze verplichte doelstelling eindigde op {score}, onder 1,0, en heeft geen postmortem." },
    { "The framework: “A committed OKR that misses its target requires a (blameless) postmortem to improve "
      "the planning or execution process.”",
      "Het kader: “Een verplichte OKR die zijn doel niet haalt, vereist een postmortem-analyse (zonder "
      "schuldtoewijzing) om het plannings- of uitvoeringsproces te verbeteren.”" },
    NO_HINT },

  { KOERS_QUALITY_RULE_ASPIRATIONAL_LIKE_COMMITTED,
    KOERS_QUALITY_SEVERITY_INFO,
    KOERS_QUALITY_SCOPE_OBJECTIVE,
    { "Aspiration met early", "Ambitie vroeg gehaald" },
    { "This aspirational objective already scores 1.0 with more than half of its period to go.",
      "Deze ambitieuze doelstelling scoort al 1,0 terwijl meer dan de helft van de periode nog komt." },
    { PITFALL_1_EN " The framework: aspirational OKRs “deliberately exceed the capacity available per "
                   "quarter”. One met this easily was a commitment: label it committed, or aim higher.",
      PITFALL_1_NL " Het kader: ambitieuze OKR’s “overstijgen bewust de beschikbare capaciteit per "
                   "kwartaal”. Een die zo vlot gehaald wordt, was een verbintenis: duid ze als verplicht "
                   "aan, of mik hoger." },
    NO_HINT },

  { KOERS_QUALITY_RULE_BUSINESS_AS_USUAL,
    KOERS_QUALITY_SEVERITY_WARNING,
    KOERS_QUALITY_SCOPE_OBJECTIVE,
    { "Business as usual", "Alles bij het oude" },
    { "None of this objective’s key results moves: each one’s target is its start value.",
      "Geen enkel sleutelresultaat van deze doelstelling beweegt: elke doelwaarde is de startwaarde." },
    { "Pitfall #2, “business-as-usual” OKRs: “Many OKRs are written on the basis of what the team thinks "
      "it can achieve without changing anything in the way it works — instead of what the team or the "
      "customer really needs.” Keeping things as they are is a KPI to watch, not an objective.",
      "Valkuil #2, “Business-as-usual” OKR’s: “Veel OKR’s worden geschreven op basis van wat het team denkt "
      "te kunnen bereiken zonder iets te veranderen aan de huidige werking — in plaats van wat het team of "
      "de klant écht nodig heeft.” Houden wat er is, is een KPI om op te volgen, geen doelstelling." },
    NO_HINT },

  { KOERS_QUALITY_RULE_TASKS_AS_KEY_RESULTS,
    KOERS_QUALITY_SEVERITY_WARNING,
    KOERS_QUALITY_SCOPE_OBJECTIVE,
    { "Tasks instead of results", "Taken in plaats van resultaten" },
    { "Every key result of this objective is a task to tick off (a milestone); none measures an outcome.",
      "Elk sleutelresultaat van deze doelstelling is een taak om af te vinken (een mijlpaal); geen enkel "
      "meet een resultaat." },
    { "The framework: key results “show how you know the objective has been reached – quantitative and "
      "measurable”. Test question: “If your key results are worded internally (‘Launch of version 4.1’), "
      "rewrite them at the level of impact.” Keep the important activities in the plan, and measure what "
      "they should change.",
      "Het kader: sleutelresultaten “tonen hoe men weet dat het doel is bereikt – kwantitatief en "
      "meetbaar”. Toetsvraag: “Als je KRs intern geformuleerd zijn (‘Lancering van versie 4.1’), herschrijf "
      "ze dan op impactniveau.” Houd de belangrijke activiteiten in het plan, en meet wat ze moeten "
      "veranderen." },
    { "For example: “Increase sign-ups by 25% thanks to version 4.1.”",
      "Bijvoorbeeld: “Verhoog aanmeldingen met 25% dankzij versie 4.1.”" } },

  { KOERS_QUALITY_RULE_TARGET_EQUALS_START,
    KOERS_QUALITY_SEVERITY_ERROR,
    KOERS_QUALITY_SCOPE_KEY_RESULT,
    { "Target equals start", "Doelwaarde gelijk aan startwaarde" },
    { "Start and target are both {value}: there is nothing to measure.",
      "Start- en doelwaarde zijn allebei {value}: er valt niets te meten." },
    { MEASURABLE_QUOTE_EN " Set the value you start from and the value you aim for.",
      MEASURABLE_QUOTE_NL " Vul de waarde in waarvan je vertrekt en de waarde die je wilt halen." },
    NO_HINT },

  { KOERS_QUALITY_RULE_MILESTONE_WITHOUT_DATE,
    KOERS_QUALITY_SEVERITY_WARNING,
    KOERS_QUALITY_SCOPE_KEY_RESULT,
    { "Milestone without a date", "Mijlpaal zonder datum" },
    { "This milestone has no due date, so nobody can tell whether it is late.",
      "Deze mijlpaal heeft geen einddatum, dus niemand ziet of ze te laat is." },
    { MEASURABLE_QUOTE_EN " A milestone is only measurable with a date: done by when?",
      MEASURABLE_QUOTE_NL " Een mijlpaal is pas meetbaar met een datum: tegen wanneer klaar?" },
    NO_HINT },

  { KOERS_QUALITY_RULE_ACTIVITY,
    KOERS_QUALITY_SEVERITY_WARNING,
    KOERS_QUALITY_SCOPE_KEY_RESULT,
    { "Activity instead of impact", "Activiteit in plaats van impact" },
    { "This key result describes an activity (“{word}”), not the impact it should have.",
      "Dit sleutelresultaat beschrijft een activiteit (“{word}”), niet de impact die het moet hebben." },
    { "Test question: “If your key results are worded internally (‘Launch of version 4.1’), rewrite them "
      "at the level of impact.” Pitfall #5: “Can the OKR score 1.0 without delivering real customer or "
      "business value?”",
      "Toetsvraag: “Als je KRs intern geformuleerd zijn (‘Lancering van versie 4.1’), herschrijf ze dan op "
      "impactniveau.” Valkuil #5: “Kan de OKR een score van 1,0 krijgen zonder dat dit echte klant- of "
      "bedrijfswaarde oplevert?”" },
    { "For example: “Increase sign-ups by 25% thanks to version 4.1.”",
      "Bijvoorbeeld: “Verhoog aanmeldingen met 25% dankzij versie 4.1.”" } },

  { KOERS_QUALITY_RULE_AMBIGUOUS_METRIC,
    KOERS_QUALITY_SEVERITY_WARNING,
    KOERS_QUALITY_SCOPE_KEY_RESULT,
    { "Ambiguous metric", "Dubbelzinnige meetindicator" },
    { "“{word}” without saying which: total, active, new, per month…?",
      "“{word}” zonder te zeggen welke: totaal, actief, nieuw, per maand…?" },
    { "Test question: “Make metrics unambiguous: ‘1 million users’ — do you mean total, or users active in "
      "7 days?”",
      "Toetsvraag: “Maak meetindicatoren ondubbelzinnig: ‘1 miljoen gebruikers’ — bedoel je totaal, of "
      "actieve gebruikers in 7 dagen?”" },
    { "For example: “1 million users active in the last 7 days.”",
      "Bijvoorbeeld: “1 miljoen actieve gebruikers in 7 dagen.”" } },

  { KOERS_QUALITY_RULE_KEY_RESULT_WITHOUT_OWNER,
    KOERS_QUALITY_SEVERITY_INFO,
    KOERS_QUALITY_SCOPE_KEY_RESULT,
    { "Key result without an owner", "Sleutelresultaat zonder verantwoordelijke" },
    { "Nobody is responsible for this key result.",
      "Niemand is verantwoordelijk voor dit sleutelresultaat." },
    { RESPONSIBLE_EN, RESPONSIBLE_NL },
    NO_HINT },

  { KOERS_QUALITY_RULE_PERSONAL_DATA_NO_NOTE,
    KOERS_QUALITY_SEVERITY_WARNING,
    KOERS_QUALITY_SCOPE_KEY_RESULT,
    { "Personal data without a note", "Persoonsgegevens zonder toelichting" },
    { "This key result uses personal data but does not say why, or on what legal basis.",
      "Dit sleutelresultaat gebruikt persoonsgegevens maar zegt niet waarom, of op welke rechtsgrond." },
    { GDPR_EN, GDPR_NL },
    NO_HINT },

  { KOERS_QUALITY_RULE_PERSONAL_DATA_NO_BASIS,
    KOERS_QUALITY_SEVERITY_INFO,
    KOERS_QUALITY_SCOPE_KEY_RESULT,
    { "Personal data without a legal basis", "Persoonsgegevens zonder rechtsgrond" },
    { "The note on personal data does not name a legal basis.",
      "De toelichting bij de persoonsgegevens vermeldt geen rechtsgrond." },
    { GDPR_EN, GDPR_NL },
    NO_HINT },

  { KOERS_QUALITY_RULE_SANDBAGGING,
    KOERS_QUALITY_SEVERITY_WARNING,
    KOERS_QUALITY_SCOPE_DEPARTMENT,
    { "Aspirations too safe", "Te voorzichtige ambities" },
    { "{department} scored 1.0 on every aspirational objective ({n}) in {period}.",
      "{department} scoorde 1,0 op elke ambitieuze doelstelling ({n}) in {period}." },
    { "Pitfall #4, sandbagging: “Teams that meet all their OKRs without using their full capacity are "
      "either hoarding resources or not seeking enough challenge.” Pitfall #3, test question: “If you ask "
      "your customers what they really want, does your aspirational objective meet that — or exceed it?”",
      "Valkuil #4, sandbagging: “Teams die al hun OKR’s halen zonder hun volledige capaciteit te benutten, "
      "tonen aan dat ze ofwel middelen hamsteren, ofwel te weinig uitdaging zoeken.” Valkuil #3, "
      "toetsvraag: “Als je aan je klanten vraagt wat ze écht willen, voldoet jouw ambitieuze doelstelling "
      "daaraan — of overtreft ze dat?”" },
    NO_HINT },
  { KOERS_QUALITY_RULE_COMMITTED_OVER_CAPACITY,
    KOERS_QUALITY_SEVERITY_ERROR,
    KOERS_QUALITY_SCOPE_DEPARTMENT,
    { "Committed work over capacity", "Verplicht werk boven de capaciteit" },
    { "{department}’s committed objectives need {n} person-days in {period}; {limit} are available.",
      "De verplichte doelstellingen van {department} vragen {n} persoonsdagen in {period}; er zijn er {limit} beschikbaar." },
    { "The framework on committed OKRs: they “must be realistic” and teams “adjust their priorities to "
      "achieve a score of 1.0 within the agreed time”. Committed work that needs more than the capacity "
      "cannot be met: ask for resources, hand work over, or make some of it aspirational.",
      "Het kader over verplichte OKR’s: ze “moeten realistisch” zijn en teams “passen hun prioriteiten "
      "aan om een score van 1,0 te behalen binnen de afgesproken termijn”. Verplicht werk dat meer vraagt "
      "dan de capaciteit kan niet gehaald worden: vraag middelen, draag werk over of maak een deel ambitieus." },
    NO_HINT },
  { KOERS_QUALITY_RULE_TOTAL_OVER_CAPACITY,
    KOERS_QUALITY_SEVERITY_WARNING,
    KOERS_QUALITY_SCOPE_DEPARTMENT,
    { "Far more work than capacity", "Veel meer werk dan capaciteit" },
    { "{department}’s committed and aspirational objectives together need {n}% of its capacity in {period}; about {limit}% is the most.",
      "De verplichte en ambitieuze doelstellingen van {department} vragen samen {n}% van de capaciteit in {period}; ongeveer {limit}% is het maximum." },
    { PITFALL_4_CAPACITY_EN " “A little more” is not twice as much: aspirational work comes after the "
                            "committed objectives are met.",
      PITFALL_4_CAPACITY_NL " “Iets méér” is niet het dubbele: ambitieuze OKR’s “worden uitgevoerd nadat "
                            "verplichte doelen behaald zijn”." },
    NO_HINT },
  { KOERS_QUALITY_RULE_CAPACITY_UNDERUSED,
    KOERS_QUALITY_SEVERITY_INFO,
    KOERS_QUALITY_SCOPE_DEPARTMENT,
    { "Capacity far from used", "Capaciteit ver van benut" },
    { "{department}’s objectives use only {n}% of its capacity in {period}.",
      "De doelstellingen van {department} gebruiken maar {n}% van de capaciteit in {period}." },
    { PITFALL_4_CAPACITY_EN " “That is a signal for management to redistribute resources.”",
      PITFALL_4_CAPACITY_NL " “Dat is een signaal voor het management om middelen te herverdelen.”" },
    NO_HINT },
  { KOERS_QUALITY_RULE_NO_EFFORT_ESTIMATE,
    KOERS_QUALITY_SEVERITY_INFO,
    KOERS_QUALITY_SCOPE_OBJECTIVE,
    { "No effort estimate", "Geen inschatting van de inspanning" },
    { "This committed objective has no effort estimate in person-days.",
      "Deze verplichte doelstelling heeft geen inschatting van de inspanning in persoonsdagen." },
    { "The framework: “Team leaders estimate the resources needed and request them every quarter.” "
      "Without an estimate, nobody can tell whether the committed work fits the team’s capacity.",
      "Het kader: “Teamleiders schatten de benodigde middelen in en vragen deze elk kwartaal aan.” Zonder "
      "inschatting kan niemand zien of het verplichte werk binnen de capaciteit van het team past." },
    NO_HINT },
  { KOERS_QUALITY_RULE_NOT_ESCALATED,
    KOERS_QUALITY_SEVERITY_WARNING,
    KOERS_QUALITY_SCOPE_KEY_RESULT,
    { "At risk, not escalated", "In gevaar, niet geëscaleerd" },
    { "This committed key result has been at risk or off track for {n} check-ins in a row, without an escalation to management.",
      "Dit verplichte sleutelresultaat is {n} check-ins na elkaar in gevaar of niet op koers, zonder escalatie naar het management." },
    { "The framework on committed OKRs: “If this proves not feasible, it must be escalated to management "
      "in time.” And: “Every new OKR will require some degree of escalation, because priorities have to be "
      "rearranged.” Escalate it with the reason and the help you need.",
      "Het kader over verplichte OKR’s: “Als dit niet haalbaar blijkt, moet dit tijdig geëscaleerd worden "
      "naar het management.” En: “Elke nieuwe OKR zal enige mate van escalatie vereisen, omdat "
      "prioriteiten herschikt moeten worden.” Escaleer met de reden en de hulp die je nodig hebt." },
    NO_HINT },
};

static const GEnumValue severity_values[] = {
  { KOERS_QUALITY_SEVERITY_INFO, "KOERS_QUALITY_SEVERITY_INFO", "info" },
  { KOERS_QUALITY_SEVERITY_WARNING, "KOERS_QUALITY_SEVERITY_WARNING", "warning" },
  { KOERS_QUALITY_SEVERITY_ERROR, "KOERS_QUALITY_SEVERITY_ERROR", "error" },
  { 0, NULL, NULL },
};

GType
koers_quality_severity_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType id = g_enum_register_static (g_intern_static_string ("KoersQualitySeverity"),
                                         severity_values);

      g_once_init_leave (&type_id, id);
    }

  return type_id;
}

const KoersQualityRule *
koers_quality_get_rules (guint *n_rules)
{
  if (n_rules != NULL)
    *n_rules = G_N_ELEMENTS (rules);

  return rules;
}

const KoersQualityRule *
koers_quality_find_rule (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (rules); i++)
    {
      if (g_str_equal (rules[i].id, id))
        return &rules[i];
    }

  return NULL;
}

const char *
koers_quality_rule_get_title (const KoersQualityRule *rule,
                              KoersLanguage           lang)
{
  g_return_val_if_fail (rule != NULL, "");

  return koers_seed_text_get (&rule->title, lang);
}

const char *
koers_quality_severity_get_label (KoersQualitySeverity severity,
                                  KoersLanguage        lang)
{
  static const KoersSeedText labels[] = {
    [KOERS_QUALITY_SEVERITY_INFO] = { "Info", "Info" },
    [KOERS_QUALITY_SEVERITY_WARNING] = { "Warning", "Waarschuwing" },
    [KOERS_QUALITY_SEVERITY_ERROR] = { "Error", "Fout" },
  };

  if ((guint) severity >= G_N_ELEMENTS (labels))
    return "";

  return koers_seed_text_get (&labels[severity], lang);
}

const char *
koers_quality_severity_to_string (KoersQualitySeverity severity)
{
  switch (severity)
    {
    case KOERS_QUALITY_SEVERITY_INFO:
      return "info";
    case KOERS_QUALITY_SEVERITY_WARNING:
      return "warning";
    case KOERS_QUALITY_SEVERITY_ERROR:
      return "error";
    default:
      return "";
    }
}
