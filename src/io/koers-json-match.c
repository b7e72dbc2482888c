/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/koers-capacity.h"
#include "core/koers-escalation.h"
#include "core/koers-seed.h"
#include "koers-json-capacity.h"
#include "koers-json-private.h"
#include "store/koers-store-columns.h"

/* The import kinds and the store's batch kinds are listed in one order. */
KoersBatchKind
koers_import_kind_to_batch (KoersImportKind kind)
{
  return (KoersBatchKind) kind;
}

/* The import's judgement, before anything is written: which database row
 * each entity of the file is (matching), what becomes of it (outcome),
 * and whether the result would hold together (links, the company level,
 * circles).  Objectives, key results and check-ins are judged as they are
 * read, against their row looked up by uuid; what depends on the whole
 * file (the departments, found by name too, and the links) once it is
 * read. */

/* The problem of one member of an entity: "$.objectives[2].aligned_to: …". */
G_GNUC_PRINTF (4, 5)
static void
add_member_problem (KoersImportPlan *plan,
                    KoersPlanEntry  *entry,
                    const char      *member,
                    const char      *format,
                    ...)
{
  g_autofree char *path = koers_import_kind_path (entry->kind, entry->index);
  g_autofree char *member_path = koers_json_path_member (path, member);
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  koers_json_add_problem (plan->problems, member_path, "%s", message);
}

void
koers_import_plan_keep_db_error (KoersImportPlan *plan,
                                 GError          *error)
{
  if (plan->db_error == NULL)
    plan->db_error = error;
  else
    g_error_free (error);
}

static KoersStoredRow *
find_row (KoersImportPlan *plan,
          KoersImportKind  kind,
          const char      *uuid)
{
  GError         *error = NULL;
  KoersStoredRow *row;

  if (uuid == NULL || plan->db_error != NULL)
    return NULL;

  row = koers_store_import_find (plan->import, koers_import_kind_to_batch (kind), uuid, &error);
  if (error != NULL)
    koers_import_plan_keep_db_error (plan, error);
  return row;
}

static gboolean
row_exists (KoersImportPlan *plan,
            KoersImportKind  kind,
            const char      *uuid)
{
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  if (uuid == NULL || plan->db_error != NULL)
    return FALSE;

  if (!koers_store_import_find_id (plan->import, koers_import_kind_to_batch (kind), uuid, &id,
                                   &error))
    {
      koers_import_plan_keep_db_error (plan, g_steal_pointer (&error));
      return FALSE;
    }
  return id != 0;
}

KoersPlanEntry *
koers_import_plan_find_entry (KoersImportPlan *plan,
                              KoersImportKind  kind,
                              const char      *uuid)
{
  KoersPlanEntry *entry = uuid != NULL ? g_hash_table_lookup (plan->by_uuid, uuid) : NULL;

  return entry != NULL && entry->kind == kind ? entry : NULL;
}

gboolean
koers_import_outcome_is_written (guint8 outcome)
{
  return outcome == KOERS_IMPORT_OUTCOME_ADD || outcome == KOERS_IMPORT_OUTCOME_UPDATE;
}

const char *
koers_import_object_get_title (GObject *object)
{
  if (KOERS_IS_DEPARTMENT (object))
    return koers_department_get_name (KOERS_DEPARTMENT (object));
  if (KOERS_IS_OBJECTIVE (object))
    return koers_objective_get_title (KOERS_OBJECTIVE (object));
  if (KOERS_IS_KEY_RESULT (object))
    return koers_key_result_get_title (KOERS_KEY_RESULT (object));
  if (KOERS_IS_KPI (object))
    return koers_kpi_get_name (KOERS_KPI (object));
  if (KOERS_IS_KPI_VALUE (object))
    return koers_kpi_value_get_date (KOERS_KPI_VALUE (object));
  if (KOERS_IS_CAPACITY (object))
    return koers_capacity_get_period (KOERS_CAPACITY (object));
  if (KOERS_IS_ESCALATION (object))
    return koers_escalation_get_reason (KOERS_ESCALATION (object));
  return koers_checkin_get_date (KOERS_CHECKIN (object));
}

/* Every entity has its "updated" stamp. */
static gint64
get_updated (GObject *object)
{
  gint64 updated = 0;

  g_object_get (object, "updated", &updated, NULL);
  return updated;
}

/* Links by uuid: objectives, key results, check-ins and KPIs match by
 * uuid alone, so a link of the file points where the row's does when the
 * uuids are the same (or both are none). */
static gboolean
same_link (const char *a,
           const char *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_ascii_strcasecmp (a, b) == 0;
}

static void
add_conflict (KoersImportPlan *plan,
              KoersPlanEntry  *entry,
              const char      *title)
{
  g_autofree char *path = koers_import_kind_path (entry->kind, entry->index);

  g_ptr_array_add (plan->kind_conflicts[entry->kind], g_strdup_printf ("%s “%s”", path, title));
}

/* Equal in every column of the entity's table but the "updated" stamp
 * (what a newer copy differs in) and what is named here; links are
 * compared as the uuids they point at. */
static const char *const not_compared[] = { "updated", NULL };

/* The links too (those an entity does not have are none on both
 * sides); the owner's only with owner (an objective's department is
 * compared once the departments are matched). */
static gboolean
same_row (const KoersEntity *entity,
          KoersImportItem   *item,
          KoersStoredRow    *row,
          gboolean           owner)
{
  return koers_entity_equal (entity, item->object, row->object, not_compared) &&
         (!owner || same_link (item->owner_uuid, row->owner_uuid)) &&
         same_link (item->aligned_uuid, row->aligned_uuid) &&
         same_link (item->carried_uuid, row->carried_uuid) &&
         same_link (item->kpi_uuid, row->kpi_uuid);
}
/* Plain import: what the database has is a problem. */
static void
refuse_existing (KoersImportPlan *plan,
                 KoersPlanEntry  *entry,
                 KoersStoredRow  *row)
{
  add_member_problem (plan, entry, "uuid",
                      _ ("“%s” is already in the database; merge the file to update it"),
                      koers_import_object_get_title (row->object));
  plan->n_exists++;
  entry->outcome = KOERS_IMPORT_OUTCOME_UNCHANGED;
}

/* Newer in the file: updated; else the database's copy is kept. */
static void
decide (KoersImportPlan *plan,
        KoersPlanEntry  *entry,
        gboolean         same,
        gint64           updated,
        gint64           db_updated,
        const char      *title)
{
  if (same)
    entry->outcome = KOERS_IMPORT_OUTCOME_UNCHANGED;
  else if (updated > db_updated)
    entry->outcome = KOERS_IMPORT_OUTCOME_UPDATE;
  else
    {
      entry->outcome = KOERS_IMPORT_OUTCOME_CONFLICT;
      if (title != NULL)
        add_conflict (plan, entry, title);
    }
}

void
koers_import_plan_refuse_existing (KoersImportPlan *plan,
                                   KoersPlanEntry  *entry,
                                   KoersStoredRow  *row)
{
  refuse_existing (plan, entry, row);
}

void
koers_import_plan_decide (KoersImportPlan *plan,
                          KoersPlanEntry  *entry,
                          gboolean         same,
                          gint64           updated,
                          gint64           db_updated,
                          const char      *title)
{
  decide (plan, entry, same, updated, db_updated, title);
}

void
koers_import_plan_judge_item (KoersImportPlan *plan,
                              KoersImportItem *item,
                              KoersPlanEntry  *entry,
                              KoersStoredRow  *row)
{
  if (row == NULL)
    {
      entry->outcome = KOERS_IMPORT_OUTCOME_ADD;
      return;
    }

  entry->db_id = row->id;
  entry->db_owner_id = row->owner_id;

  if (plan->mode == KOERS_JSON_IMPORT_ADD)
    {
      refuse_existing (plan, entry, row);
      return;
    }

  switch (item->kind)
    {
    case KOERS_IMPORT_OBJECTIVES:
      {
        KoersPlanObjective *info = &g_array_index (plan->objectives, KoersPlanObjective,
                                                   entry->info);

        /* Decided once the departments are matched. */
        info->rest_equal = same_row (&koers_entity_objective, item, row, FALSE);
        info->db_department_id = row->owner_id;
        info->db_aligned_uuid = row->aligned_uuid != NULL
                                  ? g_string_chunk_insert_const (plan->strings, row->aligned_uuid)
                                  : NULL;
        info->db_carried_uuid = row->carried_uuid != NULL
                                  ? g_string_chunk_insert_const (plan->strings, row->carried_uuid)
                                  : NULL;
        info->updated = get_updated (item->object);
        info->db_updated = get_updated (row->object);
        info->title = g_strdup (koers_import_object_get_title (item->object));
      }
      break;

    case KOERS_IMPORT_KEY_RESULTS:
      decide (plan, entry, same_row (&koers_entity_key_result, item, row, TRUE), get_updated (item->object),
              get_updated (row->object), koers_import_object_get_title (item->object));
      break;

    case KOERS_IMPORT_CHECKINS:
      decide (plan, entry, same_row (&koers_entity_checkin, item, row, TRUE), get_updated (item->object),
              get_updated (row->object), koers_import_object_get_title (item->object));
      break;

    case KOERS_IMPORT_DEPARTMENTS:
    case KOERS_IMPORT_KPIS:
    case KOERS_IMPORT_KPI_VALUES:
    case KOERS_IMPORT_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* Departments. */

/* The seed department a name belongs to, in either language, or -1: a
 * Dutch export finds "Financiën" in an English database's "Finance". */
static int
find_seed_department (const char *name)
{
  guint                      n;
  const KoersSeedDepartment *depts = koers_seed_get_departments (&n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (name, depts[i].name.en) == 0 || g_strcmp0 (name, depts[i].name.nl) == 0)
      return (int) i;

  return -1;
}

static gboolean
same_department_name (const char *a,
                      const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);
  int              seed_a;

  if (g_strcmp0 (fa, fb) == 0)
    return TRUE;

  seed_a = find_seed_department (a);
  return seed_a >= 0 && seed_a == find_seed_department (b);
}

static KoersStoredRow *
find_db_department (KoersImportPlan *plan,
                    const char      *uuid)
{
  if (uuid == NULL)
    return NULL;

  for (guint i = 0; i < plan->db_departments->len; i++)
    {
      KoersStoredRow *row = g_ptr_array_index (plan->db_departments, i);

      if (g_ascii_strcasecmp (koers_department_get_uuid (KOERS_DEPARTMENT (row->object)), uuid) == 0)
        return row;
    }
  return NULL;
}

static KoersStoredRow *
find_db_department_by_id (KoersImportPlan *plan,
                          gint64           id)
{
  for (guint i = 0; id != 0 && i < plan->db_departments->len; i++)
    {
      KoersStoredRow *row = g_ptr_array_index (plan->db_departments, i);

      if (row->id == id)
        return row;
    }
  return NULL;
}

static KoersPlanSmall *
find_small (KoersImportPlan *plan,
            KoersImportKind  kind,
            const char      *uuid)
{
  KoersPlanEntry *entry = koers_import_plan_find_entry (plan, kind, uuid);
  GPtrArray      *small = plan->small[kind];

  if (entry == NULL)
    return NULL;

  for (guint i = 0; i < small->len; i++)
    {
      KoersPlanSmall *s = g_ptr_array_index (small, i);

      if (s->entry == entry)
        return s;
    }
  return NULL;
}

/* A department of the result, as a number: a database row's id, or for
 * one the file adds, below 0; 0 for none. */
static gint64
department_node (KoersImportPlan *plan,
                 const char      *uuid)
{
  KoersPlanSmall *small = find_small (plan, KOERS_IMPORT_DEPARTMENTS, uuid);
  KoersStoredRow *row;

  if (small != NULL)
    {
      if (small->match != NULL)
        return small->match->id;
      return -1 - (gint64) small->entry->index[0];
    }

  row = find_db_department (plan, uuid);
  return row != NULL ? row->id : 0;
}

/* The file's department that writes the node, if one does. */
static KoersPlanSmall *
department_writer (KoersImportPlan *plan,
                   gint64           node)
{
  GPtrArray *depts = plan->small[KOERS_IMPORT_DEPARTMENTS];

  for (guint i = 0; i < depts->len; i++)
    {
      KoersPlanSmall *small = g_ptr_array_index (depts, i);

      if (node < 0 ? small->entry->index[0] == (guint) (-1 - node)
                   : (small->match != NULL && small->match->id == node &&
                      koers_import_outcome_is_written (small->entry->outcome)))
        return small;
    }
  return NULL;
}

const char *
koers_import_plan_effective_department (KoersImportPlan *plan,
                                        const char      *uuid)
{
  KoersPlanSmall *small = find_small (plan, KOERS_IMPORT_DEPARTMENTS, uuid);

  if (small != NULL && small->match != NULL &&
      !koers_import_outcome_is_written (small->entry->outcome))
    return koers_department_get_uuid (KOERS_DEPARTMENT (small->match->object));

  return uuid;
}

/* By uuid, then the company level to the company level, then by name; a
 * database department that the file names by uuid is not matched by name
 * to another. */
static void
match_departments (KoersImportPlan *plan)
{
  GPtrArray *items = plan->small[KOERS_IMPORT_DEPARTMENTS];
  g_autoptr (GHashTable) taken = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      KoersPlanSmall *small = g_ptr_array_index (items, i);
      KoersStoredRow *row = find_db_department (plan, small->item->uuid);

      if (row != NULL)
        {
          small->match = row;
          g_hash_table_add (taken, row);
        }
    }

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < items->len; i++)
      {
        KoersPlanSmall  *small = g_ptr_array_index (items, i);
        KoersDepartment *dept = KOERS_DEPARTMENT (small->item->object);
        gboolean         company = koers_department_get_is_company (dept);

        if (small->match != NULL || (pass == 0) != company)
          continue;

        for (guint j = 0; j < plan->db_departments->len; j++)
          {
            KoersStoredRow  *row = g_ptr_array_index (plan->db_departments, j);
            KoersDepartment *other = KOERS_DEPARTMENT (row->object);
            g_autofree char *other_uuid = g_ascii_strdown (koers_department_get_uuid (other), -1);

            if (g_hash_table_contains (taken, row) ||
                g_hash_table_contains (plan->by_uuid, other_uuid) ||
                koers_department_get_is_company (other) != company)
              continue;

            if (company ||
                same_department_name (koers_department_get_name (dept),
                                      koers_department_get_name (other)))
              {
                small->match = row;
                g_hash_table_add (taken, row);
                break;
              }
          }
      }

  /* The matches are not the plan's own (db_departments keeps them). */
}

static gboolean
same_department (KoersImportPlan *plan,
                 KoersPlanSmall  *small)
{
  /* The company is matched to the company already; the creation time
   * below. */
  static const char *const not_here[] = { "updated", "is_company", "created", NULL };
  KoersDepartment         *a = KOERS_DEPARTMENT (small->item->object);
  KoersDepartment         *b = KOERS_DEPARTMENT (small->match->object);

  return koers_entity_equal (&koers_entity_department, G_OBJECT (a), G_OBJECT (b), not_here) &&
         department_node (plan, small->item->owner_uuid) == small->match->owner_id &&
         /* Two databases each made their own "Finance": only the same
          * department has one creation time. */
         (!same_link (small->item->uuid, koers_department_get_uuid (b)) ||
          koers_department_get_created (a) == koers_department_get_created (b));
}
static gboolean
same_kpi (KoersImportPlan *plan,
          KoersPlanSmall  *small)
{
  return department_node (plan, small->item->owner_uuid) == small->match->owner_id &&
         koers_entity_equal (&koers_entity_kpi, small->item->object, small->match->object,
                             not_compared);
}
static void
decide_small (KoersImportPlan *plan,
              KoersImportKind  kind)
{
  GPtrArray *items = plan->small[kind];

  for (guint i = 0; i < items->len; i++)
    {
      KoersPlanSmall *small = g_ptr_array_index (items, i);
      KoersPlanEntry *entry = small->entry;
      gboolean        same;

      if (kind != KOERS_IMPORT_DEPARTMENTS)
        small->match = find_row (plan, kind, small->item->uuid);

      if (small->match == NULL)
        {
          entry->outcome = KOERS_IMPORT_OUTCOME_ADD;
          continue;
        }

      entry->db_id = small->match->id;
      entry->db_owner_id = small->match->owner_id;

      if (kind == KOERS_IMPORT_DEPARTMENTS)
        same = same_department (plan, small);
      else if (kind == KOERS_IMPORT_KPIS)
        same = same_kpi (plan, small);
      else
        same = same_row (&koers_entity_kpi_value, small->item, small->match, TRUE);

      if (plan->mode == KOERS_JSON_IMPORT_ADD)
        {
          if (kind != KOERS_IMPORT_DEPARTMENTS)
            refuse_existing (plan, entry, small->match);
          else if (same && same_link (small->item->uuid, koers_department_get_uuid (KOERS_DEPARTMENT (small->match->object))) &&
                   get_updated (small->item->object) == get_updated (small->match->object))
            entry->outcome = KOERS_IMPORT_OUTCOME_UNCHANGED;
          else
            entry->outcome = KOERS_IMPORT_OUTCOME_UPDATE;
          continue;
        }

      decide (plan, entry, same, get_updated (small->item->object),
              get_updated (small->match->object), koers_import_object_get_title (small->item->object));
    }
}

/* Objectives: now that the departments are known. */
static void
decide_objectives (KoersImportPlan *plan)
{
  for (guint i = 0; i < plan->objectives->len; i++)
    {
      KoersPlanObjective *info = &g_array_index (plan->objectives, KoersPlanObjective, i);
      KoersPlanEntry     *entry = info->entry;
      gboolean            same;

      if (entry->db_id == 0 || plan->mode == KOERS_JSON_IMPORT_ADD)
        continue;

      same = info->rest_equal &&
             department_node (plan, entry->owner_uuid) == info->db_department_id;
      decide (plan, entry, same, info->updated, info->db_updated, info->title);
    }
}

static void
check_reference (KoersImportPlan *plan,
                 KoersPlanEntry  *entry,
                 const char      *member,
                 KoersImportKind  kind,
                 const char      *uuid)
{
  gboolean found;

  if (uuid == NULL)
    return;

  if (kind == KOERS_IMPORT_DEPARTMENTS)
    found = find_small (plan, kind, uuid) != NULL || find_db_department (plan, uuid) != NULL;
  else
    found = koers_import_plan_find_entry (plan, kind, uuid) != NULL ||
            row_exists (plan, kind, uuid);

  if (!found)
    add_member_problem (plan, entry, member, _ ("%s is neither in the file nor in the database"),
                        uuid);
}

static gboolean
department_is_company (KoersImportPlan *plan,
                       gint64           node)
{
  KoersPlanSmall *small = department_writer (plan, node);
  KoersStoredRow *row;

  if (small != NULL)
    return koers_department_get_is_company (KOERS_DEPARTMENT (small->item->object));
  row = find_db_department_by_id (plan, node);
  return row != NULL && koers_department_get_is_company (KOERS_DEPARTMENT (row->object));
}

/* Where a department's parent is in the result. */
static gint64
department_parent (KoersImportPlan *plan,
                   gint64           node)
{
  KoersPlanSmall *small = department_writer (plan, node);
  KoersStoredRow *row;

  if (small != NULL)
    return department_node (plan, small->item->owner_uuid);
  row = find_db_department_by_id (plan, node);
  return row != NULL ? row->owner_id : 0;
}

static gboolean
department_makes_circle (KoersImportPlan *plan,
                         gint64           start)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (gint64 node = start; node != 0; node = department_parent (plan, node))
    {
      if (g_hash_table_contains (seen, &node))
        return node == start;
      g_hash_table_add (seen, g_memdup2 (&node, sizeof node));
    }

  return FALSE;
}

static void
check_departments (KoersImportPlan *plan)
{
  GPtrArray      *items = plan->small[KOERS_IMPORT_DEPARTMENTS];
  KoersPlanSmall *company = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      KoersPlanSmall *small = g_ptr_array_index (items, i);
      KoersPlanEntry *entry = small->entry;
      gboolean        is_company = koers_department_get_is_company (KOERS_DEPARTMENT (small->item->object));
      gint64          parent;

      if (is_company && company != NULL)
        {
          g_autofree char *first = koers_import_kind_path (KOERS_IMPORT_DEPARTMENTS,
                                                           company->entry->index);

          add_member_problem (plan, entry, "is_company",
                              _ ("there is only one company level, and %s is it already"), first);
        }
      else if (is_company)
        company = small;

      if (small->match != NULL &&
          is_company != koers_department_get_is_company (KOERS_DEPARTMENT (small->match->object)))
        {
          add_member_problem (plan, entry, "is_company", "%s",
                              is_company ? _ ("this uuid is a department in the database, not "
                                              "the company level")
                                         : _ ("this uuid is the company level in the database"));
        }

      check_reference (plan, entry, "parent", KOERS_IMPORT_DEPARTMENTS, small->item->owner_uuid);
      parent = department_node (plan, small->item->owner_uuid);
      if (parent == 0)
        continue;

      if (is_company)
        {
          add_member_problem (plan, entry, "parent", _ ("the company level cannot have a parent"));
        }
      else if (department_is_company (plan, parent))
        {
          add_member_problem (plan, entry, "parent",
                              _ ("a department cannot be placed under the company level (leave "
                                 "the parent empty)"));
        }
      else if (koers_import_outcome_is_written (entry->outcome) &&
               department_makes_circle (plan, department_node (plan, small->item->uuid)))
        {
          add_member_problem (plan, entry, "parent", _ ("the parents make a circle of departments"));
        }
    }
}

typedef enum
{
  LINK_ALIGNED_TO,
  LINK_CARRIED_OVER_FROM,
} LinkKind;

/* Where an objective's link points in the result: the file's link when the
 * file writes it, else the database's. */
static const char *
objective_follow (KoersImportPlan *plan,
                  const char      *uuid,
                  LinkKind         link)
{
  KoersPlanEntry *entry = koers_import_plan_find_entry (plan, KOERS_IMPORT_OBJECTIVES, uuid);
  const char     *links;
  char           *joined;

  if (entry != NULL)
    {
      KoersPlanObjective *info = &g_array_index (plan->objectives, KoersPlanObjective, entry->info);

      if (koers_import_outcome_is_written (entry->outcome))
        return link == LINK_ALIGNED_TO ? info->aligned_uuid : info->carried_uuid;
      return link == LINK_ALIGNED_TO ? info->db_aligned_uuid : info->db_carried_uuid;
    }

  /* A row the file does not hold: its links, looked up once. */
  links = g_hash_table_lookup (plan->db_objective_links, uuid);
  if (links == NULL)
    {
      g_autoptr (KoersStoredRow) row = find_row (plan, KOERS_IMPORT_OBJECTIVES, uuid);

      joined = g_strdup_printf ("%s\n%s",
                                row != NULL && row->aligned_uuid != NULL ? row->aligned_uuid : "",
                                row != NULL && row->carried_uuid != NULL ? row->carried_uuid : "");
      g_hash_table_insert (plan->db_objective_links, g_strdup (uuid), joined);
      links = joined;
    }

  if (link == LINK_ALIGNED_TO)
    {
      const char      *end = strchr (links, '\n');
      g_autofree char *aligned = g_strndup (links, end - links);

      return aligned[0] != '\0' ? g_string_chunk_insert_const (plan->strings, aligned) : NULL;
    }
  links = strchr (links, '\n') + 1;
  return links[0] != '\0' ? g_string_chunk_insert_const (plan->strings, links) : NULL;
}

static gboolean
objective_makes_circle (KoersImportPlan *plan,
                        const char      *start,
                        LinkKind         link)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (const char *uuid = start; uuid != NULL; uuid = objective_follow (plan, uuid, link))
    {
      if (!g_hash_table_add (seen, (gpointer) uuid))
        return strcmp (uuid, start) == 0;
    }

  return FALSE;
}

static void
check_objectives (KoersImportPlan *plan)
{
  for (guint i = 0; i < plan->objectives->len; i++)
    {
      KoersPlanObjective *info = &g_array_index (plan->objectives, KoersPlanObjective, i);
      KoersPlanEntry     *entry = info->entry;

      check_reference (plan, entry, "department", KOERS_IMPORT_DEPARTMENTS, entry->owner_uuid);
      check_reference (plan, entry, "aligned_to", KOERS_IMPORT_OBJECTIVES, info->aligned_uuid);
      check_reference (plan, entry, "carried_over_from", KOERS_IMPORT_OBJECTIVES,
                       info->carried_uuid);

      if (!koers_import_outcome_is_written (entry->outcome))
        continue;

      if (info->aligned_uuid != NULL &&
          objective_makes_circle (plan, entry->uuid, LINK_ALIGNED_TO))
        {
          add_member_problem (plan, entry, "aligned_to",
                              _ ("the alignment makes a circle of objectives"));
        }

      if (info->carried_uuid != NULL &&
          objective_makes_circle (plan, entry->uuid, LINK_CARRIED_OVER_FROM))
        {
          add_member_problem (plan, entry, "carried_over_from",
                              _ ("“carried over from” makes a circle of objectives"));
        }
    }
}

/* A key result's KPI and a KPI's department: in the file or the
 * database. */
static void
check_kpi_links (KoersImportPlan *plan)
{
  GPtrArray *kpis = plan->small[KOERS_IMPORT_KPIS];

  for (guint i = 0; i < kpis->len; i++)
    {
      KoersPlanSmall *small = g_ptr_array_index (kpis, i);

      check_reference (plan, small->entry, "department", KOERS_IMPORT_DEPARTMENTS,
                       small->item->owner_uuid);
    }

  for (guint i = 0; i < plan->kpi_links->len; i++)
    {
      KoersPlanKpiLink *link = &g_array_index (plan->kpi_links, KoersPlanKpiLink, i);

      check_reference (plan, link->entry, "kpi", KOERS_IMPORT_KPIS, link->kpi_uuid);
    }
}

/* Dismissed findings are a set: the file's join the database's.  Written
 * are the ones the database lacks, or has with a later time. */
static void
match_dismissals (KoersImportPlan *plan)
{
  GPtrArray *dismissals = plan->all_dismissals;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < dismissals->len; i++)
    {
      KoersImportDismissal *dismissal = g_ptr_array_index (dismissals, i);
      KoersImportDismissal *first = g_hash_table_lookup (seen, dismissal->key);
      g_autoptr (GError) error = NULL;
      gboolean found = FALSE;
      gint64   stored = 0;

      if (first != NULL)
        {
          g_autofree char *path = koers_json_path_member (dismissal->path, "key");

          koers_json_add_problem (plan->problems, path, _ ("the key %s is also used at %s"),
                                  dismissal->key, first->path);
          continue;
        }
      g_hash_table_insert (seen, dismissal->key, dismissal);

      if (plan->db_error == NULL &&
          !koers_store_import_find_dismissal (plan->import, dismissal->key, &found, &stored, &error))
        koers_import_plan_keep_db_error (plan, g_steal_pointer (&error));

      if (!found || dismissal->dismissed_at < stored)
        g_ptr_array_add (plan->dismissals, dismissal);
    }
}

static void
count_outcome (KoersImportCounts *counts,
               guint8             outcome)
{
  if (outcome == KOERS_IMPORT_OUTCOME_ADD)
    counts->added++;
  else if (outcome == KOERS_IMPORT_OUTCOME_UPDATE)
    counts->updated++;
  else if (outcome == KOERS_IMPORT_OUTCOME_UNCHANGED)
    counts->unchanged++;
  else
    counts->conflicts++;
}

static void
count_outcomes (KoersImportPlan *plan)
{
  for (guint i = 0; i < plan->stream->len; i++)
    {
      KoersPlanEntry *entry = g_ptr_array_index (plan->stream, i);

      count_outcome (&plan->counts[entry->kind], entry->outcome);
    }

  for (guint kind = 0; kind < KOERS_IMPORT_N_KINDS; kind++)
    for (guint i = 0; plan->small[kind] != NULL && i < plan->small[kind]->len; i++)
      {
        KoersPlanSmall *small = g_ptr_array_index (plan->small[kind], i);

        count_outcome (&plan->counts[kind], small->entry->outcome);
      }

  /* By kind, then in file order. */
  plan->conflicts = g_ptr_array_new_with_free_func (g_free);
  for (guint kind = 0; kind < KOERS_IMPORT_N_KINDS; kind++)
    {
      GPtrArray *conflicts = plan->kind_conflicts[kind];

      for (guint i = 0; i < conflicts->len; i++)
        g_ptr_array_add (plan->conflicts, g_strdup (g_ptr_array_index (conflicts, i)));
    }
  g_ptr_array_add (plan->conflicts, NULL);
}

void
koers_import_plan_finish (KoersImportPlan *plan)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *organisation = NULL;

  plan->db_departments = koers_store_import_list_departments (plan->import, &error);
  if (plan->db_departments == NULL)
    {
      koers_import_plan_keep_db_error (plan, g_steal_pointer (&error));
      return;
    }

  match_departments (plan);
  /* Departments first: the others compare department links through
   * them. */
  decide_small (plan, KOERS_IMPORT_DEPARTMENTS);
  decide_small (plan, KOERS_IMPORT_KPIS);
  decide_small (plan, KOERS_IMPORT_KPI_VALUES);
  decide_objectives (plan);
  koers_json_plan_decide_capacity (plan);

  /* Conflicts of objectives, by their place in the file. */
  check_departments (plan);
  check_objectives (plan);
  check_kpi_links (plan);
  match_dismissals (plan);

  organisation = koers_store_import_get_organisation (plan->import, &error);
  if (organisation == NULL)
    koers_import_plan_keep_db_error (plan, g_steal_pointer (&error));
  else if (organisation[0] == '\0' && plan->header.organisation != NULL &&
           plan->header.organisation[0] != '\0')
    plan->organisation = g_strdup (plan->header.organisation);

  count_outcomes (plan);
}
