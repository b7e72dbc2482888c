/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-demo-private.h"

/* The method's third level in the demo: two departments with two teams
 * each, and a team objective per team that supports one of its
 * department's objectives (team → department → company).  Quarter
 * objectives, so they sit with their departments' in today's quarter. */

typedef struct
{
  KoersSeedText   title;
  KoersMetricKind metric_kind;
  KoersSeedText   unit;
  double          start;
  double          target;
  double          demo_progress;
} DemoTeamKeyResult;

typedef struct
{
  const char        *department_key; /* the seed's department it belongs to */
  const char        *emoji;
  KoersSeedText      name;
  KoersSeedText      owner;
  const char        *aligned_to; /* the department template it supports */
  KoersObjectiveKind kind;
  KoersSeedText      objective;
  DemoTeamKeyResult  key_results[2];
} DemoTeam;

/* clang-format off */
static const DemoTeam teams[] = {
  { "marketing", "✍️", { "Content", "Content" },
    { "Content lead", "Contentverantwoordelijke" },
    "marketing-1", KOERS_OBJECTIVE_KIND_COMMITTED,
    { "Publish content that brings in sign-ups.", "Publiceer content die inschrijvingen oplevert." },
    { { { "Publish 24 articles and buying guides.", "24 artikels en koopgidsen publiceren." },
        KOERS_METRIC_KIND_NUMBER, { "articles", "artikels" }, 0, 24, 0.55 },
      { { "Raise organic search visits from 8,000 to 12,000 a month.",
          "Organische zoekbezoeken verhogen van 8.000 naar 12.000 per maand." },
        KOERS_METRIC_KIND_NUMBER, { "visits a month", "bezoeken per maand" }, 8000, 12000, 0.5 } } },
  { "marketing", "📣", { "Campaigns", "Campagnes" },
    { "Campaign manager", "Campagnemanager" },
    "marketing-2", KOERS_OBJECTIVE_KIND_COMMITTED,
    { "Make every email campaign count.", "Laat elke e-mailcampagne renderen." },
    { { { "Raise the open rate of our campaigns from 22% to 30%.",
          "Openingsratio van onze campagnes verhogen van 22% naar 30%." },
        KOERS_METRIC_KIND_PERCENTAGE, { "", "" }, 22, 30, 0.6 },
      { { "Send six campaigns to a segment of their own.", "Zes campagnes naar een eigen segment versturen." },
        KOERS_METRIC_KIND_NUMBER, { "campaigns", "campagnes" }, 0, 6, 0.45 } } },
  { "it", "🧱", { "Platform", "Platform" },
    { "Platform lead", "Platformverantwoordelijke" },
    "it-1", KOERS_OBJECTIVE_KIND_COMMITTED,
    { "Make releases fast and safe.", "Maak releases snel en veilig." },
    { { { "Cut the time of a release from 45 to 15 minutes.",
          "Doorlooptijd van een release verkorten van 45 naar 15 minuten." },
        KOERS_METRIC_KIND_NUMBER, { "minutes", "minuten" }, 45, 15, 0.5 },
      { { "Automated tests cover 80% of the code.", "Geautomatiseerde tests dekken 80% van de code." },
        KOERS_METRIC_KIND_PERCENTAGE, { "", "" }, 55, 80, 0.4 } } },
  { "it", "📱", { "Mobile", "Mobiel" },
    { "Mobile lead", "Verantwoordelijke mobiel" },
    "it-1", KOERS_OBJECTIVE_KIND_ASPIRATIONAL,
    { "Ship app updates in half the time.", "Breng app-updates in de helft van de tijd uit." },
    { { { "A new app version every two weeks instead of every six.",
          "Om de twee weken een nieuwe app-versie in plaats van om de zes." },
        KOERS_METRIC_KIND_NUMBER, { "weeks between versions", "weken tussen versies" }, 6, 2, 0.5 },
      { { "Raise crash-free sessions from 97% to 99.5%.", "Sessies zonder crash verhogen van 97% naar 99,5%." },
        KOERS_METRIC_KIND_PERCENTAGE, { "", "" }, 97, 99.5, 0.35 } } },
};
/* clang-format on */

/* The store's department for a seed key (the demo made them all). */
static KoersDepartment *
find_seed_department (Demo       *demo,
                      KoersStore *store,
                      const char *key)
{
  const KoersSeedDepartment *seed = koers_seed_get_departments (NULL);
  int                        index = koers_seed_find_department (key);

  g_return_val_if_fail (index >= 0, NULL);
  return koers_store_find_department_by_name (store, koers_seed_department_get_name (&seed[index],
                                                                                     demo->language));
}

static KoersObjective *
build_team_objective (Demo           *demo,
                      const DemoTeam *team,
                      gint64          team_id,
                      gint64          aligned_to_id)
{
  const char     *owner = koers_demo_text (demo, &team->owner);
  KoersObjective *objective = koers_objective_new (koers_demo_text (demo, &team->objective), KOERS_LEVEL_TEAM,
                                                   team->kind, demo->quarter_key);

  koers_objective_set_department_id (objective, team_id);
  koers_objective_set_owner (objective, owner);
  koers_objective_set_aligned_to_id (objective, aligned_to_id);

  for (guint i = 0; i < G_N_ELEMENTS (team->key_results); i++)
    {
      const DemoTeamKeyResult *seed = &team->key_results[i];
      KoersTemplateKeyResult   kr_seed = {
          .title = koers_demo_text (demo, &seed->title),
          .metric_kind = seed->metric_kind,
          .unit = koers_demo_text (demo, &seed->unit),
          .start = seed->start,
          .target = seed->target,
          .demo_progress = seed->demo_progress,
          .personal_data_note = "",
      };
      g_autoptr (KoersKeyResult) kr = koers_demo_build_key_result (demo, &kr_seed, &demo->quarter, owner, i);

      koers_objective_insert_key_result (objective, kr);
    }

  return objective;
}

gboolean
koers_demo_add_teams (Demo       *demo,
                      KoersStore *store,
                      GHashTable *objective_ids,
                      GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (teams); i++)
    {
      const DemoTeam  *team = &teams[i];
      KoersDepartment *department = find_seed_department (demo, store, team->department_key);
      gint64          *aligned_to_id = g_hash_table_lookup (objective_ids, team->aligned_to);
      g_autoptr (KoersDepartment) added = NULL;
      g_autoptr (KoersObjective) objective = NULL;

      g_return_val_if_fail (department != NULL && aligned_to_id != NULL, FALSE);

      added = koers_department_new (koers_demo_text (demo, &team->name), team->emoji);
      koers_department_set_parent_id (added, koers_department_get_id (department));
      if (!koers_store_add_department (store, added, error))
        return FALSE;

      objective = build_team_objective (demo, team, koers_department_get_id (added), *aligned_to_id);
      if (!koers_store_add_objective (store, objective, error))
        return FALSE;
    }

  return TRUE;
}
