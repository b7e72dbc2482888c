/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "koers-date.h"
#include "koers-seed.h"

/* Section 4 of the seed, in its order.  The keys are stable: the store
 * and tests refer to departments by them. */
static const KoersSeedDepartment departments[] = {
  { "operations", "⚙️", { "Administration & Operations", "Administratie & Operations" } },
  { "finance", "💶", { "Finance", "Financiën" } },
  { "hr", "👥", { "Human Resources", "Human Resources" } },
  { "design", "🎨", { "Design & Product development", "Design & Productontwikkeling" } },
  { "marketing", "📈", { "Marketing", "Marketing" } },
  { "sales", "🧾", { "Sales", "Verkoop" } },
  { "it", "💻", { "IT & Development", "IT & Ontwikkeling" } },
  { "customer-service", "💬", { "Customer service", "Klantendienst" } },
  { "management", "🧭", { "Management", "Directie / Management" } },
};

enum {
  DEPT_OPERATIONS,
  DEPT_FINANCE,
  DEPT_HR,
  DEPT_DESIGN,
  DEPT_MARKETING,
  DEPT_SALES,
  DEPT_IT,
  DEPT_CUSTOMER_SERVICE,
  DEPT_MANAGEMENT,
};

/* The company objectives' indexes, for aligned_to. */
enum {
  COMPANY_SHOPPING_SERVICE,
  COMPANY_SALES_RESULTS,
  COMPANY_CANADA_LAUNCH,
  N_COMPANY_OBJECTIVES,
};

#define NO_TEXT { "", "" }

#define CUSTOMER_DATA_NOTE \
  { "Uses customer data: process it under the GDPR and report only totals.", \
    "Gebruikt klantgegevens: verwerk ze volgens de GDPR en rapporteer enkel totalen." }
#define STAFF_DATA_NOTE \
  { "Uses staff data: process it under the GDPR and report only anonymous totals.", \
    "Gebruikt personeelsgegevens: verwerk ze volgens de GDPR en rapporteer enkel anonieme totalen." }

/* Section 3: company-wide. */

static const KoersSeedKeyResult krs_shopping_service[] = {
  { .title = { "Stylists publish inspiration posts every week in Q2.",
               "Stylisten publiceren wekelijks inspiratieposts in Q2." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "weeks with a post", "weken met een post" },
    .start = 0, .target = 13, .demo_progress = 0.54, .due_month_day = "06-30" },
  { .title = { "Contact at least 50 inactive customers again with personalised offers.",
               "Minstens 50 inactieve klanten opnieuw contacteren met gepersonaliseerde voorstellen." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "customers", "klanten" },
    .start = 0, .target = 50, .demo_progress = 0.4,
    .uses_personal_data = TRUE, .personal_data_note = CUSTOMER_DATA_NOTE },
  { .title = { "1,000 new early-access sign-ups before the end of Q2.",
               "1.000 nieuwe registraties voor vroegtijdige toegang vóór einde Q2." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "sign-ups", "registraties" },
    .start = 0, .target = 1000, .demo_progress = 0.62, .due_month_day = "06-30" },
};

static const KoersSeedKeyResult krs_sales_results[] = {
  /* Start and target from the seed's reporting template (18% -> 25%). */
  { .title = { "A conversion rate of 25% on all leads.",
               "Conversieratio van 25% op alle leads." },
    .metric_kind = KOERS_METRIC_KIND_PERCENTAGE, .unit = NO_TEXT,
    .start = 18, .target = 25, .demo_progress = 0.57 },
  { .title = { "Shorten the sales cycle by 20%.",
               "Verkoopcyclus verkorten met 20%." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "days", "dagen" },
    .start = 60, .target = 48, .demo_progress = 0.5 },
  { .title = { "Open five new points of sale within the year.",
               "Vijf nieuwe verkooppunten openen binnen het jaar." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "points of sale", "verkooppunten" },
    .start = 0, .target = 5, .demo_progress = 0.4, .due_month_day = "12-31" },
};

static const KoersSeedKeyResult krs_canada_launch[] = {
  { .title = { "New customers buy our product over the competition's at a ratio of 3 to 1.",
               "Nieuwe klanten kopen ons product in een 3:1-verhouding tegenover de concurrentie." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "× the competition", "× de concurrentie" },
    .start = 1, .target = 3, .demo_progress = 0.35 },
  { .title = { "An average order value of €250,000.",
               "Gemiddelde orderwaarde van € 250.000." },
    .metric_kind = KOERS_METRIC_KIND_CURRENCY, .unit = NO_TEXT,
    .start = 180000, .target = 250000, .demo_progress = 0.6 },
  { .title = { "Total revenue of €2 million from the new product line.",
               "Totale omzet van € 2 miljoen uit de nieuwe productlijn." },
    .metric_kind = KOERS_METRIC_KIND_CURRENCY, .unit = NO_TEXT,
    .start = 0, .target = 2000000, .demo_progress = 0.3 },
};

/* Section 4: per department. */

static const KoersSeedKeyResult krs_it_infrastructure[] = {
  { .title = { "Reduce system outages by 30% in Q2.",
               "Verminder systeemstoringen met 30% in Q2." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "outages a month", "storingen per maand" },
    .start = 20, .target = 14, .demo_progress = 0.5, .due_month_day = "06-30" },
  { .title = { "Train half of the team in cloud backup.",
               "Leid de helft van het team op in cloud-back-up." },
    .metric_kind = KOERS_METRIC_KIND_PERCENTAGE, .unit = { "of the team", "van het team" },
    .start = 0, .target = 50, .demo_progress = 0.6 },
};

static const KoersSeedKeyResult krs_operating_costs[] = {
  { .title = { "Drop the external coffee service and manage it in-house.",
               "Schrap externe koffiediensten en vervang door intern beheer." },
    .metric_kind = KOERS_METRIC_KIND_MILESTONE, .unit = NO_TEXT,
    .start = 0, .target = 1, .demo_progress = 1.0 },
  { .title = { "Renegotiate the cleaning contracts (from monthly to quarterly).",
               "Heronderhandel schoonmaakcontracten (van maandelijks naar driemaandelijks)." },
    .metric_kind = KOERS_METRIC_KIND_MILESTONE, .unit = NO_TEXT,
    .start = 0, .target = 1, .demo_progress = 0.0 },
};

static const KoersSeedKeyResult krs_budget_process[] = {
  { .title = { "Save 50% on meeting costs by producing documentation in-house.",
               "Bespaar 50% op vergaderkosten door interne productie van documentatie." },
    .metric_kind = KOERS_METRIC_KIND_CURRENCY, .unit = { "a quarter", "per kwartaal" },
    .start = 12000, .target = 6000, .demo_progress = 0.45 },
  { .title = { "Finalise the budgets before 30 August.",
               "Finaliseer budgetten vóór 30 augustus." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "department budgets", "afdelingsbudgetten" },
    .start = 0, .target = 9, .demo_progress = 0.33, .due_month_day = "08-30" },
};

static const KoersSeedKeyResult krs_audit_process[] = {
  { .title = { "Audit 70% of the identified risks.",
               "Voer audit uit op 70% van de geïdentificeerde risico’s." },
    .metric_kind = KOERS_METRIC_KIND_PERCENTAGE, .unit = { "of the risks", "van de risico’s" },
    .start = 0, .target = 70, .demo_progress = 0.5 },
  { .title = { "Deliver the internal audit report within 30 days of completion.",
               "Lever intern auditrapport af binnen 30 dagen na afronding." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "days", "dagen" },
    .start = 60, .target = 30, .demo_progress = 0.3 },
};

static const KoersSeedKeyResult krs_employee_satisfaction[] = {
  { .title = { "All managers introduce two-way feedback.",
               "Alle leidinggevenden voeren tweerichtingsfeedback in." },
    .metric_kind = KOERS_METRIC_KIND_PERCENTAGE, .unit = { "of managers", "van de leidinggevenden" },
    .start = 0, .target = 100, .demo_progress = 0.65,
    .uses_personal_data = TRUE, .personal_data_note = STAFF_DATA_NOTE },
  { .title = { "Run a staff survey every week.",
               "Wekelijkse personeelsenquêtes organiseren." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "surveys", "enquêtes" },
    .start = 0, .target = 13, .demo_progress = 0.5,
    .uses_personal_data = TRUE, .personal_data_note = STAFF_DATA_NOTE },
  { .title = { "Double the number of internal team-building days and events.",
               "Aantal interne teambuildings en events verdubbelen." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "events", "events" },
    .start = 4, .target = 8, .demo_progress = 0.25 },
};

static const KoersSeedKeyResult krs_staff_retention[] = {
  { .title = { "Benchmark salaries and fringe benefits against the Belgian market.",
               "Benchmark salarissen en extralegale voordelen met Belgische markt." },
    .metric_kind = KOERS_METRIC_KIND_MILESTONE, .unit = NO_TEXT,
    .start = 0, .target = 1, .demo_progress = 1.0,
    .uses_personal_data = TRUE, .personal_data_note = STAFF_DATA_NOTE },
  { .title = { "Develop training and certification programmes for employees.",
               "Ontwikkel opleidings- en certificatieprogramma’s voor medewerkers." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "programmes", "programma’s" },
    .start = 0, .target = 4, .demo_progress = 0.5 },
};

static const KoersSeedKeyResult krs_usability[] = {
  { .title = { "Raise the usability score from 7 to 8.5.",
               "Verhoog “usability score” van 7 → 8,5." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "out of 10", "op 10" },
    .start = 7, .target = 8.5, .demo_progress = 0.4 },
  { .title = { "Reduce helpdesk requests by 20%.",
               "Verminder helpdesk-aanvragen met 20%." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "requests a month", "aanvragen per maand" },
    .start = 500, .target = 400, .demo_progress = 0.3 },
};

static const KoersSeedKeyResult krs_new_feature[] = {
  { .title = { "Run the first user test in the first month of Q2.",
               "Uitvoering van eerste gebruikerstest in de eerste maand van Q2." },
    .metric_kind = KOERS_METRIC_KIND_MILESTONE, .unit = NO_TEXT,
    .start = 0, .target = 1, .demo_progress = 1.0, .due_month_day = "04-30" },
  { .title = { "Deliver the wireframes and the final colour choices.",
               "Lever wireframes en definitieve kleurkeuzes op." },
    .metric_kind = KOERS_METRIC_KIND_MILESTONE, .unit = NO_TEXT,
    .start = 0, .target = 1, .demo_progress = 0.0 },
};

static const KoersSeedKeyResult krs_monthly_signups[] = {
  /* Start and target from the seed's reporting template (600 -> 1.200,
   * achieved). */
  { .title = { "Three online campaigns generate 1,200 new leads.",
               "Drie online campagnes genereren 1.200 nieuwe leads." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "leads", "leads" },
    .start = 600, .target = 1200, .demo_progress = 1.0 },
  { .title = { "SEO work brings 800 additional sign-ups.",
               "SEO-optimalisatie zorgt voor 800 bijkomende inschrijvingen." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "sign-ups", "inschrijvingen" },
    .start = 0, .target = 800, .demo_progress = 0.45 },
  { .title = { "Two extra calls to action on the landing page.",
               "Twee extra “call-to-actions” op de landingspagina." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "calls to action", "call-to-actions" },
    .start = 0, .target = 2, .demo_progress = 0.5 },
};

static const KoersSeedKeyResult krs_email_campaigns[] = {
  { .title = { "Grow newsletter subscriptions by 20%.",
               "Inschrijvingen op nieuwsbrieven verhogen met 20%." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "subscribers", "abonnees" },
    .start = 5000, .target = 6000, .demo_progress = 0.5,
    .uses_personal_data = TRUE, .personal_data_note = CUSTOMER_DATA_NOTE },
  { .title = { "Increase e-book downloads from emails by 25%.",
               "Downloads van e-books via e-mails verhogen met 25%." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "downloads a month", "downloads per maand" },
    .start = 400, .target = 500, .demo_progress = 0.6 },
  { .title = { "Bring the unsubscribe rate below 6%.",
               "Uitschrijvingsgraad verlagen tot minder dan 6%." },
    .metric_kind = KOERS_METRIC_KIND_PERCENTAGE, .unit = NO_TEXT,
    .start = 9, .target = 6, .demo_progress = 0.4 },
};

static const KoersSeedKeyResult krs_quarterly_revenue[] = {
  { .title = { "First month: €300,000 revenue from the new product.",
               "Eerste maand: € 300.000 omzet uit nieuw product." },
    .metric_kind = KOERS_METRIC_KIND_CURRENCY, .unit = NO_TEXT,
    .start = 0, .target = 300000, .demo_progress = 0.8 },
  { .title = { "Shorten the sales cycle from 2 months to 21 days.",
               "Verkoopcyclus verkorten van 2 maanden naar 21 dagen." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "days", "dagen" },
    .start = 60, .target = 21, .demo_progress = 0.4 },
  { .title = { "Upsell to 40% of existing customers.",
               "Upsell realiseren bij 40% van bestaande klanten." },
    .metric_kind = KOERS_METRIC_KIND_PERCENTAGE, .unit = { "of existing customers", "van bestaande klanten" },
    .start = 0, .target = 40, .demo_progress = 0.5,
    .uses_personal_data = TRUE, .personal_data_note = CUSTOMER_DATA_NOTE },
};

static const KoersSeedKeyResult krs_partner_network[] = {
  { .title = { "Attract 10 new resellers in Flanders and Wallonia.",
               "10 nieuwe wederverkopers aantrekken in Vlaanderen en Wallonië." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "resellers", "wederverkopers" },
    .start = 0, .target = 10, .demo_progress = 0.3 },
  { .title = { "Keep 95% of the current partners.",
               "95% van huidige partners behouden." },
    .metric_kind = KOERS_METRIC_KIND_PERCENTAGE, .unit = { "of partners kept", "van de partners behouden" },
    .start = 88, .target = 95, .demo_progress = 0.7 },
};

static const KoersSeedKeyResult krs_development_time[] = {
  { .title = { "Bring the number of bugs per new feature down from 2 to 1.5.",
               "Aantal bugs per nieuwe feature verlagen van 2 naar 1,5." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "bugs per feature", "bugs per feature" },
    .start = 2, .target = 1.5, .demo_progress = 0.4 },
  { .title = { "Shorten the lead time by 20%.",
               "“Lead time” verkorten met 20%." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "days", "dagen" },
    .start = 10, .target = 8, .demo_progress = 0.5 },
  { .title = { "Increase sprint velocity by 2%.",
               "Sprint-snelheid verhogen met 2%." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "story points per sprint", "storypoints per sprint" },
    .start = 50, .target = 51, .demo_progress = 1.0 },
};

static const KoersSeedKeyResult krs_security[] = {
  { .title = { "Complete the S2Score audit by the end of Q3.",
               "S2Score-audit afronden tegen eind Q3." },
    .metric_kind = KOERS_METRIC_KIND_MILESTONE, .unit = NO_TEXT,
    .start = 0, .target = 1, .demo_progress = 0.0, .due_month_day = "09-30" },
  { .title = { "Roll out two-factor authentication (2FA) for all users.",
               "Tweeledige authenticatie (2FA) implementeren voor alle gebruikers." },
    .metric_kind = KOERS_METRIC_KIND_PERCENTAGE, .unit = { "of users", "van de gebruikers" },
    .start = 0, .target = 100, .demo_progress = 0.35 },
};

static const KoersSeedKeyResult krs_customer_satisfaction[] = {
  { .title = { "Shorten onboarding to 3 days.",
               "Onboardingproces verkorten naar 3 dagen." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "days", "dagen" },
    .start = 7, .target = 3, .demo_progress = 0.5 },
  /* 10% fewer customers lost: a monthly churn of 5% down to 4.5%. */
  { .title = { "Reduce customer churn by 10% a month.",
               "Klantverloop (churn) verminderen met 10% per maand." },
    .metric_kind = KOERS_METRIC_KIND_PERCENTAGE, .unit = { "a month", "per maand" },
    .start = 5, .target = 4.5, .demo_progress = 0.2,
    .uses_personal_data = TRUE, .personal_data_note = CUSTOMER_DATA_NOTE,
    .kpi = "customer-churn" },
};

static const KoersSeedKeyResult krs_support[] = {
  { .title = { "The self-help portal cuts tickets by 10%.",
               "Zelfhulpportaal reduceert tickets met 10%." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "tickets a month", "tickets per maand" },
    .start = 800, .target = 720, .demo_progress = 0.5 },
  { .title = { "Reply to text messages within 1 hour.",
               "Reactietijd op tekstberichten < 1 uur." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "hours", "uur" },
    .start = 4, .target = 1, .demo_progress = 0.6 },
};

static const KoersSeedKeyResult krs_company_growth[] = {
  { .title = { "Raise annual revenue to €3 million.",
               "Jaaromzet verhogen naar € 3 miljoen." },
    .metric_kind = KOERS_METRIC_KIND_CURRENCY, .unit = NO_TEXT,
    .start = 2000000, .target = 3000000, .demo_progress = 0.35 },
  { .title = { "Generate 20% more new leads.",
               "+20% meer nieuwe leads genereren." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "leads", "leads" },
    .start = 1000, .target = 1200, .demo_progress = 0.5 },
  { .title = { "Publish 12 reference cases before the end of Q1.",
               "12 referentie-cases publiceren vóór einde Q1." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "reference cases", "referentie-cases" },
    .start = 0, .target = 12, .demo_progress = 1.0, .due_month_day = "03-31" },
};

static const KoersSeedKeyResult krs_brand_awareness[] = {
  { .title = { "91 social media posts in Q2.",
               "91 socialemediaposts in Q2." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "posts", "posts" },
    .start = 0, .target = 91, .demo_progress = 0.45, .due_month_day = "06-30" },
  { .title = { "Reach at least 5,000 website visits a month.",
               "Minstens 5.000 websitebezoeken/maand bereiken." },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "visits a month", "bezoeken per maand" },
    .start = 3000, .target = 5000, .demo_progress = 0.5, .kpi = "website-visits" },
};

#define KEY_RESULTS(array) array, G_N_ELEMENTS (array)

#define OWNER_MANAGING_DIRECTOR { "Managing director", "Algemeen directeur" }
#define OWNER_SALES_DIRECTOR { "Sales director", "Commercieel directeur" }

static const KoersSeedObjective objectives[] = {
  /* Company: the strategic level, over the year. */
  { -1, { "Build the best online personal shopping service in the country.",
          "Bouw de beste online persoonlijke shoppingservice van het land." },
    KOERS_OBJECTIVE_KIND_ASPIRATIONAL, KOERS_PERIOD_KIND_YEAR, OWNER_MANAGING_DIRECTOR,
    -1, KEY_RESULTS (krs_shopping_service) },
  { -1, { "Increase sales results.",
          "Verhoog de verkoopresultaten." },
    KOERS_OBJECTIVE_KIND_COMMITTED, KOERS_PERIOD_KIND_YEAR, OWNER_SALES_DIRECTOR,
    -1, KEY_RESULTS (krs_sales_results) },
  { -1, { "Launch the new product successfully in Canada.",
          "Lanceer het nieuwe product succesvol in Canada." },
    KOERS_OBJECTIVE_KIND_ASPIRATIONAL, KOERS_PERIOD_KIND_YEAR, OWNER_MANAGING_DIRECTOR,
    -1, KEY_RESULTS (krs_canada_launch) },

  /* Departments: over the quarter, unless a key result names a later date. */
  { DEPT_OPERATIONS, { "Improve the IT infrastructure.",
                       "Verbeter de IT-infrastructuur." },
    KOERS_OBJECTIVE_KIND_COMMITTED, KOERS_PERIOD_KIND_QUARTER,
    { "Operations manager", "Operationeel manager" },
    -1, KEY_RESULTS (krs_it_infrastructure) },
  { DEPT_OPERATIONS, { "Cut operating costs by 20%.",
                       "Verlaag operationele kosten met 20%." },
    KOERS_OBJECTIVE_KIND_COMMITTED, KOERS_PERIOD_KIND_QUARTER,
    { "Operations manager", "Operationeel manager" },
    -1, KEY_RESULTS (krs_operating_costs) },

  { DEPT_FINANCE, { "Streamline the annual budget process.",
                    "Optimaliseer het jaarlijkse budgetproces." },
    KOERS_OBJECTIVE_KIND_COMMITTED, KOERS_PERIOD_KIND_YEAR,
    { "Finance director", "Financieel directeur" },
    -1, KEY_RESULTS (krs_budget_process) },
  { DEPT_FINANCE, { "Strengthen the audit process.",
                    "Versterk het auditproces." },
    KOERS_OBJECTIVE_KIND_COMMITTED, KOERS_PERIOD_KIND_QUARTER,
    { "Finance director", "Financieel directeur" },
    -1, KEY_RESULTS (krs_audit_process) },

  { DEPT_HR, { "Reach our highest employee satisfaction yet.",
               "Bereik de hoogste medewerkerstevredenheid tot nu toe." },
    KOERS_OBJECTIVE_KIND_ASPIRATIONAL, KOERS_PERIOD_KIND_QUARTER,
    { "HR manager", "HR-manager" },
    -1, KEY_RESULTS (krs_employee_satisfaction) },
  { DEPT_HR, { "Improve staff retention.",
               "Verbeter retentie van personeel." },
    KOERS_OBJECTIVE_KIND_COMMITTED, KOERS_PERIOD_KIND_QUARTER,
    { "HR manager", "HR-manager" },
    -1, KEY_RESULTS (krs_staff_retention) },

  { DEPT_DESIGN, { "Make the product easier to use.",
                   "Verhoog gebruiksvriendelijkheid van het product." },
    KOERS_OBJECTIVE_KIND_COMMITTED, KOERS_PERIOD_KIND_QUARTER,
    { "Product manager", "Productmanager" },
    COMPANY_SHOPPING_SERVICE, KEY_RESULTS (krs_usability) },
  { DEPT_DESIGN, { "Design and test a new feature.",
                   "Ontwerp en test een nieuwe functionaliteit." },
    KOERS_OBJECTIVE_KIND_ASPIRATIONAL, KOERS_PERIOD_KIND_QUARTER,
    { "Product manager", "Productmanager" },
    COMPANY_CANADA_LAUNCH, KEY_RESULTS (krs_new_feature) },

  { DEPT_MARKETING, { "Double monthly sign-ups.",
                      "Verdubbel maandelijkse inschrijvingen." },
    KOERS_OBJECTIVE_KIND_ASPIRATIONAL, KOERS_PERIOD_KIND_QUARTER,
    { "Marketing team", "Marketingteam" },
    COMPANY_SHOPPING_SERVICE, KEY_RESULTS (krs_monthly_signups) },
  { DEPT_MARKETING, { "Get the most out of email campaigns.",
                      "Maximaliseer e-mailcampagnes." },
    KOERS_OBJECTIVE_KIND_COMMITTED, KOERS_PERIOD_KIND_QUARTER,
    { "Marketing team", "Marketingteam" },
    COMPANY_SALES_RESULTS, KEY_RESULTS (krs_email_campaigns) },

  { DEPT_SALES, { "Reach quarterly revenue of €1 million.",
                  "Bereik kwartaalomzet van € 1 miljoen." },
    KOERS_OBJECTIVE_KIND_COMMITTED, KOERS_PERIOD_KIND_QUARTER, OWNER_SALES_DIRECTOR,
    COMPANY_SALES_RESULTS, KEY_RESULTS (krs_quarterly_revenue) },
  { DEPT_SALES, { "Strengthen the partner network.",
                  "Versterk partnernetwerk." },
    KOERS_OBJECTIVE_KIND_COMMITTED, KOERS_PERIOD_KIND_QUARTER, OWNER_SALES_DIRECTOR,
    COMPANY_SALES_RESULTS, KEY_RESULTS (krs_partner_network) },

  { DEPT_IT, { "Speed up development.",
               "Versnel ontwikkelingstijd." },
    KOERS_OBJECTIVE_KIND_COMMITTED, KOERS_PERIOD_KIND_QUARTER,
    { "IT manager", "IT-manager" },
    COMPANY_CANADA_LAUNCH, KEY_RESULTS (krs_development_time) },
  { DEPT_IT, { "Make all systems more secure.",
               "Verhoog beveiliging van alle systemen." },
    KOERS_OBJECTIVE_KIND_COMMITTED, KOERS_PERIOD_KIND_YEAR,
    { "IT manager", "IT-manager" },
    -1, KEY_RESULTS (krs_security) },

  { DEPT_CUSTOMER_SERVICE, { "Increase customer satisfaction.",
                             "Verhoog klanttevredenheid." },
    KOERS_OBJECTIVE_KIND_COMMITTED, KOERS_PERIOD_KIND_QUARTER,
    { "Customer service manager", "Manager klantendienst" },
    COMPANY_SHOPPING_SERVICE, KEY_RESULTS (krs_customer_satisfaction) },
  { DEPT_CUSTOMER_SERVICE, { "Extend our support.",
                             "Breid ondersteuning uit." },
    KOERS_OBJECTIVE_KIND_COMMITTED, KOERS_PERIOD_KIND_QUARTER,
    { "Customer service manager", "Manager klantendienst" },
    COMPANY_SHOPPING_SERVICE, KEY_RESULTS (krs_support) },

  { DEPT_MANAGEMENT, { "Grow the company.",
                       "Groei van de onderneming." },
    KOERS_OBJECTIVE_KIND_COMMITTED, KOERS_PERIOD_KIND_YEAR, OWNER_MANAGING_DIRECTOR,
    COMPANY_SALES_RESULTS, KEY_RESULTS (krs_company_growth) },
  { DEPT_MANAGEMENT, { "Raise brand awareness among young people (under 30).",
                       "Verhoog merkbekendheid bij jongeren (< 30 jaar)." },
    KOERS_OBJECTIVE_KIND_ASPIRATIONAL, KOERS_PERIOD_KIND_QUARTER, OWNER_MANAGING_DIRECTOR,
    COMPANY_SHOPPING_SERVICE, KEY_RESULTS (krs_brand_awareness) },
};

/* Healthy and attention thresholds in the order koers-kpi-status.h asks;
 * the demo values are chosen so that most KPIs are healthy or need
 * attention and one is unhealthy. */
static const KoersSeedKpi kpis[] = {
  { .key = "operating-costs", .department = DEPT_OPERATIONS,
    .name = { "Operating costs a month", "Operationele kosten per maand" },
    .metric_kind = KOERS_METRIC_KIND_CURRENCY, .unit = NO_TEXT,
    .direction = KOERS_KPI_DIRECTION_LOWER, .healthy = 85000, .attention = 95000,
    .frequency = KOERS_KPI_FREQUENCY_MONTHLY,
    .demo_start = 92000, .demo_end = 84000, .demo_step = 500 },
  { .key = "days-sales-outstanding", .department = DEPT_FINANCE,
    .name = { "Days sales outstanding (DSO)", "Gemiddelde betaaltermijn van klanten (DSO)" },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "days", "dagen" },
    .direction = KOERS_KPI_DIRECTION_LOWER, .healthy = 45, .attention = 60,
    .frequency = KOERS_KPI_FREQUENCY_MONTHLY,
    .demo_start = 58, .demo_end = 49, .demo_step = 1, .demo_overdue = TRUE },
  { .key = "staff-turnover", .department = DEPT_HR,
    .name = { "Staff turnover", "Personeelsverloop" },
    .metric_kind = KOERS_METRIC_KIND_PERCENTAGE, .unit = { "a year", "per jaar" },
    .direction = KOERS_KPI_DIRECTION_LOWER, .healthy = 10, .attention = 15,
    .frequency = KOERS_KPI_FREQUENCY_QUARTERLY,
    .demo_start = 14, .demo_end = 11.5, .demo_step = 0.1 },
  { .key = "sick-days", .department = DEPT_HR,
    .name = { "Sick days per employee", "Ziektedagen per medewerker" },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "days a month", "dagen per maand" },
    .direction = KOERS_KPI_DIRECTION_LOWER, .healthy = 1.5, .attention = 2,
    .frequency = KOERS_KPI_FREQUENCY_MONTHLY,
    .demo_start = 1.7, .demo_end = 1.2, .demo_step = 0.1 },
  { .key = "usability-score", .department = DEPT_DESIGN,
    .name = { "Usability score", "Usability score" },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "out of 10", "op 10" },
    .direction = KOERS_KPI_DIRECTION_HIGHER, .healthy = 8, .attention = 7,
    .frequency = KOERS_KPI_FREQUENCY_QUARTERLY,
    .demo_start = 7, .demo_end = 7.6, .demo_step = 0.1 },
  /* The seed: "Minstens 5.000 websitebezoeken/maand bereiken". */
  { .key = "website-visits", .department = DEPT_MARKETING,
    .name = { "Website visits", "Websitebezoeken" },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "visits a month", "bezoeken per maand" },
    .direction = KOERS_KPI_DIRECTION_HIGHER, .healthy = 5000, .attention = 4000,
    .frequency = KOERS_KPI_FREQUENCY_MONTHLY,
    .demo_start = 3200, .demo_end = 4300, .demo_step = 10 },
  { .key = "monthly-revenue", .department = DEPT_SALES,
    .name = { "Monthly revenue", "Maandomzet" },
    .metric_kind = KOERS_METRIC_KIND_CURRENCY, .unit = NO_TEXT,
    .direction = KOERS_KPI_DIRECTION_HIGHER, .healthy = 330000, .attention = 280000,
    .frequency = KOERS_KPI_FREQUENCY_MONTHLY,
    .demo_start = 270000, .demo_end = 340000, .demo_step = 1000 },
  { .key = "uptime", .department = DEPT_IT,
    .name = { "Uptime", "Beschikbaarheid (uptime)" },
    .metric_kind = KOERS_METRIC_KIND_PERCENTAGE, .unit = NO_TEXT,
    .direction = KOERS_KPI_DIRECTION_HIGHER, .healthy = 99.9, .attention = 99.5,
    .frequency = KOERS_KPI_FREQUENCY_WEEKLY,
    .demo_start = 99.7, .demo_end = 99.95, .demo_step = 0.01 },
  { .key = "open-incidents", .department = DEPT_IT,
    .name = { "Open incidents", "Openstaande incidenten" },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "incidents", "incidenten" },
    .direction = KOERS_KPI_DIRECTION_LOWER, .healthy = 10, .attention = 20,
    .frequency = KOERS_KPI_FREQUENCY_WEEKLY,
    .demo_start = 16, .demo_end = 24, .demo_step = 1 },
  { .key = "nps", .department = DEPT_CUSTOMER_SERVICE,
    .name = { "Net Promoter Score (NPS)", "Net Promoter Score (NPS)" },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = NO_TEXT,
    .direction = KOERS_KPI_DIRECTION_HIGHER, .healthy = 50, .attention = 40,
    .frequency = KOERS_KPI_FREQUENCY_MONTHLY,
    .demo_start = 36, .demo_end = 44, .demo_step = 1 },
  { .key = "first-response-time", .department = DEPT_CUSTOMER_SERVICE,
    .name = { "First response time", "Eerste reactietijd" },
    .metric_kind = KOERS_METRIC_KIND_NUMBER, .unit = { "hours", "uur" },
    .direction = KOERS_KPI_DIRECTION_LOWER, .healthy = 4, .attention = 8,
    .frequency = KOERS_KPI_FREQUENCY_WEEKLY,
    .demo_start = 9, .demo_end = 5.5, .demo_step = 0.1 },
  /* The seed: "Klantverloop (churn) verminderen met 10% per maand". */
  { .key = "customer-churn", .department = DEPT_CUSTOMER_SERVICE,
    .name = { "Customer churn", "Klantverloop (churn)" },
    .metric_kind = KOERS_METRIC_KIND_PERCENTAGE, .unit = { "a month", "per maand" },
    .direction = KOERS_KPI_DIRECTION_LOWER, .healthy = 4.5, .attention = 5.5,
    .frequency = KOERS_KPI_FREQUENCY_MONTHLY,
    .demo_start = 5.3, .demo_end = 4.9, .demo_step = 0.1 },
  /* The seed: "Jaaromzet verhogen naar € 3 miljoen" is the change; the
   * run-rate is the health that goes on. */
  { .key = "revenue-run-rate", .department = DEPT_MANAGEMENT,
    .name = { "Annual revenue run-rate", "Jaaromzet (run-rate)" },
    .metric_kind = KOERS_METRIC_KIND_CURRENCY, .unit = NO_TEXT,
    .direction = KOERS_KPI_DIRECTION_HIGHER, .healthy = 2500000, .attention = 2200000,
    .frequency = KOERS_KPI_FREQUENCY_MONTHLY,
    .demo_start = 2300000, .demo_end = 2650000, .demo_step = 10000 },
};

const char *
koers_seed_text_get (const KoersSeedText *text,
                     KoersLanguage        lang)
{
  const char *str;

  if (text == NULL)
    return "";

  str = lang == KOERS_LANGUAGE_NL ? text->nl : text->en;
  return str != NULL ? str : "";
}

const KoersSeedDepartment *
koers_seed_get_departments (guint *n_departments)
{
  if (n_departments != NULL)
    *n_departments = G_N_ELEMENTS (departments);

  return departments;
}

const char *
koers_seed_department_get_name (const KoersSeedDepartment *department,
                                KoersLanguage              lang)
{
  g_return_val_if_fail (department != NULL, "");

  return koers_seed_text_get (&department->name, lang);
}

int
koers_seed_find_department (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (departments); i++)
    {
      if (g_str_equal (departments[i].key, key))
        return (int) i;
    }

  return -1;
}

const KoersSeedObjective *
koers_seed_get_objectives (guint *n_objectives)
{
  if (n_objectives != NULL)
    *n_objectives = G_N_ELEMENTS (objectives);

  return objectives;
}

guint
koers_seed_get_n_company_objectives (void)
{
  return N_COMPANY_OBJECTIVES;
}

double
koers_seed_key_result_get_demo_value (const KoersSeedKeyResult *kr)
{
  double value;

  g_return_val_if_fail (kr != NULL, 0.0);

  if (kr->metric_kind == KOERS_METRIC_KIND_MILESTONE)
    return kr->demo_progress >= 1.0 ? 1.0 : 0.0;

  value = kr->start + (kr->target - kr->start) * kr->demo_progress;

  /* Whole units over wide ranges ("42 leads"), one decimal over narrow
   * ones ("7,6 op 10"). */
  if (fabs (kr->target - kr->start) >= 10.0)
    return round (value);

  return round (value * 10.0) / 10.0;
}

char *
koers_seed_key_result_get_due_date (const KoersSeedKeyResult *kr,
                                    int                       year)
{
  g_autofree char *iso = NULL;
  GDate date;

  g_return_val_if_fail (kr != NULL, NULL);

  if (kr->due_month_day == NULL)
    return NULL;

  iso = g_strdup_printf ("%04d-%s", year, kr->due_month_day);
  if (!koers_date_parse (iso, &date))
    return NULL;

  return g_steal_pointer (&iso);
}

const KoersSeedKpi *
koers_seed_get_kpis (guint *n_kpis)
{
  if (n_kpis != NULL)
    *n_kpis = G_N_ELEMENTS (kpis);

  return kpis;
}

int
koers_seed_find_kpi (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (kpis); i++)
    {
      if (g_str_equal (kpis[i].key, key))
        return (int) i;
    }

  return -1;
}

const char *
koers_seed_kpi_get_name (const KoersSeedKpi *kpi,
                         KoersLanguage       lang)
{
  g_return_val_if_fail (kpi != NULL, "");

  return koers_seed_text_get (&kpi->name, lang);
}
