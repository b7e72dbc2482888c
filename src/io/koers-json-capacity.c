/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/koers-capacity.h"
#include "core/koers-department.h"
#include "core/koers-escalation.h"
#include "core/koers-format.h"
#include "koers-json-capacity.h"
#include "store/koers-store-columns.h"

/* Reading. */

/* An amount of 0 or more and at most max ("days", "budget"). */
static gboolean
check_amount (KoersJsonReader           *r,
              const char                *path,
              const char                *member,
              const KoersJsonFieldValue *v,
              double                     max)
{
  g_autofree char *member_path = NULL;
  g_autofree char *limit = NULL;

  if (!v->present || (v->number >= 0.0 && v->number <= max))
    return TRUE;

  member_path = koers_json_path_member (path, member);
  if (v->number < 0.0)
    return koers_json_add_problem (r->problems, member_path, _ ("must be a number of 0 or more"));
  limit = koers_format_number (koers_format_get_language (), max, 0);
  /* Translators: %s is a number such as 1,000,000. */
  return koers_json_add_problem (r->problems, member_path, _ ("must be at most %s"), limit);
}

gboolean
koers_json_check_capacity (KoersJsonReader           *r,
                           const char                *path,
                           const KoersJsonFieldSpec  *specs,
                           guint                      n_specs,
                           const KoersJsonFieldValue *values)
{
  gboolean days = check_amount (r, path, "days", koers_json_find_value (specs, n_specs, values, "days"),
                                KOERS_CAPACITY_MAX_DAYS);
  gboolean budget = check_amount (r, path, "budget", koers_json_find_value (specs, n_specs, values, "budget"),
                                  KOERS_CAPACITY_MAX_BUDGET);

  return days && budget;
}

gboolean
koers_json_check_escalation (KoersJsonReader           *r,
                             const char                *path,
                             const KoersJsonFieldSpec  *specs,
                             guint                      n_specs,
                             const KoersJsonFieldValue *values)
{
  static const char *const   texts[] = { "reason", "help" };
  const KoersJsonFieldValue *resolved = koers_json_find_value (specs, n_specs, values, "resolved");
  const KoersJsonFieldValue *resolved_at = koers_json_find_value (specs, n_specs, values, "resolved_at");
  g_autofree char           *member_path = NULL;
  gboolean                   ok = TRUE;

  /* The database and the window refuse a blank reason or help. */
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *text = g_strdup (koers_json_value_text (koers_json_find_value (specs, n_specs, values,
                                                                                      texts[i])));

      if (g_strstrip (text)[0] == '\0')
        {
          g_autofree char *text_path = koers_json_path_member (path, texts[i]);

          ok = koers_json_add_problem (r->problems, text_path, _ ("must not be empty"));
        }
    }

  if ((resolved->present && resolved->boolean) == resolved_at->present)
    return ok;

  member_path = koers_json_path_member (path, "resolved_at");
  if (resolved_at->present)
    return koers_json_add_problem (r->problems, member_path, _ ("is set, but the escalation is not resolved"));
  return koers_json_add_problem (r->problems, member_path,
                                 _ ("is required when the escalation is resolved"));
}

/* The plan. */

static gint64
get_stamp (GObject    *object,
           const char *property)
{
  gint64 stamp = 0;

  g_object_get (object, property, &stamp, NULL);
  return stamp;
}

/* When a row last changed: a capacity's "updated"; an escalation changes
 * when it is raised and when it is resolved. */
static gint64
get_changed (GObject *object)
{
  if (KOERS_IS_CAPACITY (object))
    return get_stamp (object, "updated");
  return MAX (get_stamp (object, "raised-at"), get_stamp (object, "resolved-at"));
}

static void
decide_one (KoersImportPlan *plan,
            KoersPlanSmall  *small,
            gint64           db_owner_id)
{
  static const char *const not_compared[] = { "created", "updated", NULL };
  const KoersEntity       *entity = koers_entity_for_object (small->item->object);
  KoersPlanEntry          *entry = small->entry;
  gboolean                 same;

  if (small->match == NULL)
    {
      entry->outcome = KOERS_IMPORT_OUTCOME_ADD;
      return;
    }

  entry->db_id = small->match->id;
  entry->db_owner_id = small->match->owner_id;
  same = small->match->owner_id == db_owner_id &&
         koers_entity_equal (entity, small->item->object, small->match->object, not_compared);

  if (plan->mode == KOERS_JSON_IMPORT_ADD)
    {
      /* A department's capacity follows the file, as the department
       * does; an escalation is its objective's and refused with it. */
      if (entity == &koers_entity_escalation)
        koers_import_plan_refuse_existing (plan, entry, small->match);
      else
        entry->outcome = same ? KOERS_IMPORT_OUTCOME_UNCHANGED : KOERS_IMPORT_OUTCOME_UPDATE;
      return;
    }

  koers_import_plan_decide (plan, entry, same, get_changed (small->item->object),
                            get_changed (small->match->object),
                            koers_import_object_get_title (small->item->object));
}

static gint64
get_db_id (KoersImportPlan *plan,
           KoersImportKind  kind,
           const char      *uuid)
{
  KoersPlanEntry *entry = koers_import_plan_find_entry (plan, kind, uuid);

  return entry != NULL ? entry->db_id : 0;
}

/* A department's name as the file gives it. */
static const char *
get_file_department_name (KoersImportPlan *plan,
                          const char      *uuid)
{
  GPtrArray *depts = plan->small[KOERS_IMPORT_DEPARTMENTS];

  for (guint i = 0; i < depts->len; i++)
    {
      KoersPlanSmall *small = g_ptr_array_index (depts, i);

      if (g_strcmp0 (small->entry->uuid, uuid) == 0)
        return koers_department_get_name (KOERS_DEPARTMENT (small->item->object));
    }
  return uuid;
}

/* A department has one capacity a period: a second one in the file is
 * the file's mistake, named as such rather than left to the database's
 * constraint. */
static gboolean
check_one_per_period (KoersImportPlan *plan,
                      guint            index)
{
  GPtrArray      *items = plan->small[KOERS_IMPORT_CAPACITIES];
  KoersPlanSmall *small = g_ptr_array_index (items, index);
  const char     *period = koers_capacity_get_period (KOERS_CAPACITY (small->item->object));

  for (guint i = 0; i < index; i++)
    {
      KoersPlanSmall  *other = g_ptr_array_index (items, i);
      g_autofree char *path = NULL;
      g_autofree char *member = NULL;
      g_autofree char *when = NULL;
      KoersPeriod      parsed;

      if (g_strcmp0 (other->entry->owner_uuid, small->entry->owner_uuid) != 0 ||
          g_strcmp0 (koers_capacity_get_period (KOERS_CAPACITY (other->item->object)), period) != 0)
        continue;
      path = koers_import_kind_path (KOERS_IMPORT_CAPACITIES, small->entry->index);
      member = koers_json_path_member (path, "period");
      when = koers_period_parse (period, &parsed, NULL) ? koers_format_period (koers_format_get_language (), &parsed)
                                                        : g_strdup (period);
      koers_json_add_problem (plan->problems, member,
                              /* Translators: the first %s is a department's name, the second a period
                               * such as Q2 2026. */
                              _ ("a second capacity of %s for %s: a department has one capacity a period"),
                              get_file_department_name (plan, small->entry->owner_uuid), when);
      return FALSE;
    }
  return TRUE;
}

static void
decide_capacities (KoersImportPlan *plan)
{
  GPtrArray *items = plan->small[KOERS_IMPORT_CAPACITIES];

  for (guint i = 0; i < items->len && plan->db_error == NULL; i++)
    {
      KoersPlanSmall *small = g_ptr_array_index (items, i);
      gint64          dept_id = get_db_id (plan, KOERS_IMPORT_DEPARTMENTS, small->entry->owner_uuid);
      GError         *error = NULL;

      if (!check_one_per_period (plan, i))
        continue;

      small->match = koers_store_import_find_capacity (
        plan->import, small->item->uuid, dept_id,
        koers_capacity_get_period (KOERS_CAPACITY (small->item->object)), &error);
      if (error != NULL)
        koers_import_plan_keep_db_error (plan, error);
      decide_one (plan, small, dept_id);
    }
}

static void
decide_escalations (KoersImportPlan *plan)
{
  GPtrArray *items = plan->small[KOERS_IMPORT_ESCALATIONS];

  for (guint i = 0; i < items->len && plan->db_error == NULL; i++)
    {
      KoersPlanSmall *small = g_ptr_array_index (items, i);
      const char     *objective = small->entry->owner_uuid;
      const char     *kr = small->item->key_result_uuid;
      KoersPlanEntry *kr_entry = koers_import_plan_find_entry (plan, KOERS_IMPORT_KEY_RESULTS, kr);
      GError         *error = NULL;

      /* The key result must be one of its objective's in the file. */
      if (kr != NULL && (kr_entry == NULL || g_strcmp0 (kr_entry->owner_uuid, objective) != 0))
        {
          g_autofree char *path = koers_import_kind_path (KOERS_IMPORT_ESCALATIONS,
                                                          small->entry->index);
          g_autofree char *member = koers_json_path_member (path, "key_result");

          koers_json_add_problem (plan->problems, member,
                                  _ ("%s is not a key result of this objective"), kr);
          continue;
        }

      small->match = koers_store_import_find_escalation (plan->import, small->item->uuid, &error);
      if (error != NULL)
        koers_import_plan_keep_db_error (plan, error);
      decide_one (plan, small, get_db_id (plan, KOERS_IMPORT_OBJECTIVES, objective));
    }
}

void
koers_json_plan_decide_capacity (KoersImportPlan *plan)
{
  decide_capacities (plan);
  decide_escalations (plan);
}

/* Writing. */

static gboolean
put (KoersImportPlan  *plan,
     KoersStoreImport *writer,
     KoersPlanSmall   *small,
     GError          **error)
{
  gint64 row_id = small->entry->outcome == KOERS_IMPORT_OUTCOME_UPDATE ? small->entry->db_id : 0;

  return koers_store_import_put_row (writer, small->item->object, row_id, error);
}

/* The row of an entity of the file or the database: one the plan
 * counted on is there, else the file changed meanwhile. */
static gboolean
find_id (KoersStoreImport *writer,
         KoersBatchKind    kind,
         const char       *uuid,
         gint64           *id,
         GError          **error)
{
  if (!koers_store_import_find_id (writer, kind, uuid, id, error))
    return FALSE;
  return *id != 0 || koers_json_set_file_changed_error (error);
}

gboolean
koers_json_plan_write_capacity (KoersImportPlan  *plan,
                                KoersStoreImport *writer,
                                GError          **error)
{
  GPtrArray *capacities = plan->small[KOERS_IMPORT_CAPACITIES];
  GPtrArray *escalations = plan->small[KOERS_IMPORT_ESCALATIONS];

  for (guint i = 0; i < capacities->len; i++)
    {
      KoersPlanSmall *small = g_ptr_array_index (capacities, i);
      const char     *dept = koers_import_plan_effective_department (plan, small->entry->owner_uuid);
      gint64          dept_id = 0;

      if (!koers_import_outcome_is_written (small->entry->outcome))
        continue;
      if (!find_id (writer, KOERS_BATCH_DEPARTMENT, dept, &dept_id, error))
        return FALSE;
      g_object_set (small->item->object, "department-id", dept_id, NULL);
      if (!put (plan, writer, small, error))
        return FALSE;
    }

  for (guint i = 0; i < escalations->len; i++)
    {
      KoersPlanSmall *small = g_ptr_array_index (escalations, i);
      const char     *kr = small->item->key_result_uuid;
      gint64          objective_id = 0;
      gint64          kr_id = 0;

      if (!koers_import_outcome_is_written (small->entry->outcome))
        continue;
      if (!find_id (writer, KOERS_BATCH_OBJECTIVE, small->entry->owner_uuid, &objective_id, error) ||
          (kr != NULL && !find_id (writer, KOERS_BATCH_KEY_RESULT, kr, &kr_id, error)))
        return FALSE;
      g_object_set (small->item->object, "objective-id", objective_id, "key-result-id", kr_id, NULL);
      if (!put (plan, writer, small, error))
        return FALSE;
    }

  return TRUE;
}

/* The export. */

static GPtrArray *
get_group (GHashTable *groups,
           gint64      id)
{
  GPtrArray *group = g_hash_table_lookup (groups, &id);

  if (group == NULL)
    {
      group = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (groups, g_memdup2 (&id, sizeof id), group);
    }
  return group;
}

static GHashTable *
new_groups (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                (GDestroyNotify) g_ptr_array_unref);
}

static gboolean
in_periods (const char        *key,
            const KoersPeriod *periods,
            guint              n_periods)
{
  KoersPeriod own;

  if (n_periods == 0)
    return TRUE;
  if (!koers_period_parse (key, &own, NULL))
    return FALSE;
  for (guint i = 0; i < n_periods; i++)
    if (koers_period_overlaps (&own, &periods[i]))
      return TRUE;
  return FALSE;
}

GHashTable *
koers_json_group_capacities (KoersStore        *store,
                             const KoersPeriod *periods,
                             guint              n_periods,
                             GHashTable        *dept_ids,
                             GError           **error)
{
  g_autoptr (GPtrArray) all = koers_store_list_capacities (store, NULL, error);
  GHashTable *groups;

  if (all == NULL)
    return NULL;

  groups = new_groups ();
  for (guint i = 0; i < all->len; i++)
    {
      KoersCapacity *capacity = g_ptr_array_index (all, i);
      gint64         dept_id = koers_capacity_get_department_id (capacity);

      if ((dept_ids == NULL || g_hash_table_contains (dept_ids, &dept_id)) &&
          in_periods (koers_capacity_get_period (capacity), periods, n_periods))
        g_ptr_array_add (get_group (groups, dept_id), g_object_ref (capacity));
    }
  return groups;
}

GHashTable *
koers_json_group_escalations (KoersStore *store,
                              GError    **error)
{
  g_autoptr (GPtrArray) all = koers_store_list_escalations (store, FALSE, error);
  GHashTable *groups;

  if (all == NULL)
    return NULL;

  /* The store lists the newest first. */
  groups = new_groups ();
  for (guint i = all->len; i > 0; i--)
    {
      KoersEscalation *escalation = g_ptr_array_index (all, i - 1);

      g_ptr_array_add (get_group (groups, koers_escalation_get_objective_id (escalation)),
                       g_object_ref (escalation));
    }
  return groups;
}
