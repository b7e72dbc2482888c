/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/koers-seed.h"
#include "koers-json-private.h"
#include "store/koers-store-review.h"

/* The import's judgement, before anything is written: which database
 * entity each item of the file is (matching), what becomes of it
 * (outcome), and whether the result would hold together (links, the
 * company level, circles). */

void
koers_import_plan_add_problem (KoersImportPlan *plan,
                               const char      *path,
                               const char      *format,
                               ...)
{
  va_list args;

  va_start (args, format);
  koers_json_add_problem_valist (plan->problems, path, format, args);
  va_end (args);
}

/* The problem of one member of an item: "$.objectives[2].aligned_to: …". */
G_GNUC_PRINTF (4, 5)
static void
add_member_problem (KoersImportPlan *plan,
                    KoersImportItem *item,
                    const char      *member,
                    const char      *format,
                    ...)
{
  g_autofree char *path = koers_json_path_member (item->path, member);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  koers_import_plan_add_problem (plan, path, "%s", message);
}

static void
index_stored (KoersImportPlan *plan)
{
  GListModel *depts = koers_store_get_departments (plan->store);
  GListModel *objectives = koers_store_get_objectives (plan->store);
  GListModel *kpis = koers_store_get_kpis (plan->store);

  for (guint i = 0; i < KOERS_IMPORT_N_KINDS; i++)
    plan->stored[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  plan->checkin_owner = g_hash_table_new (NULL, NULL);
  plan->kpi_value_owner = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      KoersKpi *kpi = g_list_model_get_item (kpis, i);
      GListModel *values = koers_kpi_get_values (kpi);

      g_hash_table_insert (plan->stored[KOERS_IMPORT_KPIS],
                           g_ascii_strdown (koers_kpi_get_uuid (kpi), -1), kpi);

      for (guint j = 0; j < g_list_model_get_n_items (values); j++)
        {
          KoersKpiValue *value = g_list_model_get_item (values, j);

          g_hash_table_insert (plan->stored[KOERS_IMPORT_KPI_VALUES],
                               g_ascii_strdown (koers_kpi_value_get_uuid (value), -1), value);
          g_hash_table_insert (plan->kpi_value_owner, value, kpi);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (depts); i++)
    {
      KoersDepartment *dept = g_list_model_get_item (depts, i);

      g_hash_table_insert (plan->stored[KOERS_IMPORT_DEPARTMENTS],
                           g_ascii_strdown (koers_department_get_uuid (dept), -1), dept);
    }

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      KoersObjective *objective = g_list_model_get_item (objectives, i);
      GListModel *krs = koers_objective_get_key_results (objective);

      g_hash_table_insert (plan->stored[KOERS_IMPORT_OBJECTIVES],
                           g_ascii_strdown (koers_objective_get_uuid (objective), -1), objective);

      for (guint j = 0; j < g_list_model_get_n_items (krs); j++)
        {
          KoersKeyResult *kr = g_list_model_get_item (krs, j);
          GListModel *checkins = koers_key_result_get_checkins (kr);

          g_hash_table_insert (plan->stored[KOERS_IMPORT_KEY_RESULTS],
                               g_ascii_strdown (koers_key_result_get_uuid (kr), -1), kr);

          for (guint k = 0; k < g_list_model_get_n_items (checkins); k++)
            {
              KoersCheckin *checkin = g_list_model_get_item (checkins, k);

              g_hash_table_insert (plan->stored[KOERS_IMPORT_CHECKINS],
                                   g_ascii_strdown (koers_checkin_get_uuid (checkin), -1), checkin);
              g_hash_table_insert (plan->checkin_owner, checkin, kr);
            }
        }
    }
}

static void
check_duplicates (KoersImportPlan *plan)
{
  plan->by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  plan->is_item = g_hash_table_new (NULL, NULL);

  for (guint kind = 0; kind < KOERS_IMPORT_N_KINDS; kind++)
    {
      GPtrArray *items = plan->doc.items[kind];

      for (guint i = 0; i < items->len; i++)
        {
          KoersImportItem *item = g_ptr_array_index (items, i);
          KoersImportItem *first = g_hash_table_lookup (plan->by_uuid, item->uuid);

          g_hash_table_add (plan->is_item, item);

          if (first != NULL)
            {
              add_member_problem (plan, item, "uuid", _("the uuid %s is also used at %s"),
                                  item->uuid, first->path);
              continue;
            }
          g_hash_table_insert (plan->by_uuid, item->uuid, item);
        }
    }
}

static KoersImportItem *
find_item (KoersImportPlan *plan,
           KoersImportKind  kind,
           const char      *uuid)
{
  KoersImportItem *item = uuid != NULL ? g_hash_table_lookup (plan->by_uuid, uuid) : NULL;

  return item != NULL && item->kind == kind ? item : NULL;
}

/* The seed department a name belongs to, in either language, or -1: a
 * Dutch export finds "Financiën" in an English database's "Finance". */
static int
find_seed_department (const char *name)
{
  guint n;
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
  int seed_a;

  if (g_strcmp0 (fa, fb) == 0)
    return TRUE;

  seed_a = find_seed_department (a);
  return seed_a >= 0 && seed_a == find_seed_department (b);
}

/* Departments: by uuid, then the company level to the company level,
 * then by name; a database department that the file names by uuid is not
 * matched by name to another. */
static void
match_departments (KoersImportPlan *plan)
{
  GPtrArray *items = plan->doc.items[KOERS_IMPORT_DEPARTMENTS];
  g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);
  GListModel *depts = koers_store_get_departments (plan->store);

  for (guint i = 0; i < items->len; i++)
    {
      KoersImportItem *item = g_ptr_array_index (items, i);
      GObject *stored = g_hash_table_lookup (plan->stored[KOERS_IMPORT_DEPARTMENTS], item->uuid);

      if (stored != NULL)
        {
          item->match = g_object_ref (stored);
          g_hash_table_add (taken, stored);
        }
    }

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < items->len; i++)
      {
        KoersImportItem *item = g_ptr_array_index (items, i);
        KoersDepartment *dept = KOERS_DEPARTMENT (item->object);
        gboolean company = koers_department_get_is_company (dept);

        if (item->match != NULL || (pass == 0) != company)
          continue;

        for (guint j = 0; j < g_list_model_get_n_items (depts); j++)
          {
            g_autoptr(KoersDepartment) other = g_list_model_get_item (depts, j);
            g_autofree char *other_uuid = g_ascii_strdown (koers_department_get_uuid (other), -1);

            if (g_hash_table_contains (taken, other) ||
                g_hash_table_contains (plan->by_uuid, other_uuid) ||
                koers_department_get_is_company (other) != company)
              continue;

            if (company ||
                same_department_name (koers_department_get_name (dept),
                                      koers_department_get_name (other)))
              {
                item->match = G_OBJECT (g_object_ref (other));
                g_hash_table_add (taken, other);
                break;
              }
          }
      }
}

static void
match_by_uuid (KoersImportPlan *plan,
               KoersImportKind  kind)
{
  GPtrArray *items = plan->doc.items[kind];

  for (guint i = 0; i < items->len; i++)
    {
      KoersImportItem *item = g_ptr_array_index (items, i);
      GObject *stored = g_hash_table_lookup (plan->stored[kind], item->uuid);

      if (stored != NULL)
        item->match = g_object_ref (stored);
    }
}

gboolean
koers_import_item_is_written (KoersImportItem *item)
{
  return item->outcome == KOERS_IMPORT_OUTCOME_ADD || item->outcome == KOERS_IMPORT_OUTCOME_UPDATE;
}

const char *
koers_import_plan_effective_uuid (KoersImportPlan *plan,
                                  KoersImportKind  kind,
                                  const char      *uuid)
{
  KoersImportItem *item = find_item (plan, kind, uuid);

  if (kind == KOERS_IMPORT_DEPARTMENTS && item != NULL && item->match != NULL &&
      !koers_import_item_is_written (item))
    return koers_department_get_uuid (KOERS_DEPARTMENT (item->match));

  return uuid;
}

/* A node of the result: the store's object, or the item that adds one. */
static gpointer
node_for_uuid (KoersImportPlan *plan,
               KoersImportKind  kind,
               const char      *uuid)
{
  KoersImportItem *item = find_item (plan, kind, uuid);

  if (item != NULL)
    return item->match != NULL ? (gpointer) item->match : (gpointer) item;

  return uuid != NULL ? g_hash_table_lookup (plan->stored[kind], uuid) : NULL;
}

/* Whether a link of the file points where the stored one does. */
static gboolean
same_target (KoersImportPlan *plan,
             KoersImportKind  kind,
             const char      *uuid,
             gpointer         stored)
{
  return node_for_uuid (plan, kind, uuid) == stored;
}

static gboolean
same_uuid (const char *a,
           const char *b)
{
  return g_ascii_strcasecmp (a, b) == 0;
}

/* Equal in everything but the "updated" stamp (and the uuid, for a
 * department matched by name). */
static gboolean
same_content (KoersImportPlan *plan,
              KoersImportItem *item)
{
  switch (item->kind)
    {
    case KOERS_IMPORT_DEPARTMENTS:
      {
        KoersDepartment *a = KOERS_DEPARTMENT (item->object);
        KoersDepartment *b = KOERS_DEPARTMENT (item->match);

        return g_strcmp0 (koers_department_get_name (a), koers_department_get_name (b)) == 0 &&
               g_strcmp0 (koers_department_get_emoji (a), koers_department_get_emoji (b)) == 0 &&
               koers_department_get_sort_order (a) == koers_department_get_sort_order (b) &&
               same_target (plan, KOERS_IMPORT_DEPARTMENTS, item->owner_uuid,
                            koers_store_find_department (plan->store,
                                                         koers_department_get_parent_id (b))) &&
               /* Two databases each made their own "Finance": only the
                * same department has one creation time. */
               (!same_uuid (item->uuid, koers_department_get_uuid (b)) ||
                koers_department_get_created (a) == koers_department_get_created (b));
      }
    case KOERS_IMPORT_OBJECTIVES:
      {
        KoersObjective *a = KOERS_OBJECTIVE (item->object);
        KoersObjective *b = KOERS_OBJECTIVE (item->match);

        return same_target (plan, KOERS_IMPORT_DEPARTMENTS, item->owner_uuid,
                            koers_store_find_department (plan->store,
                                                         koers_objective_get_department_id (b))) &&
               g_strcmp0 (koers_objective_get_title (a), koers_objective_get_title (b)) == 0 &&
               g_strcmp0 (koers_objective_get_description (a),
                          koers_objective_get_description (b)) == 0 &&
               koers_objective_get_level (a) == koers_objective_get_level (b) &&
               koers_objective_get_kind (a) == koers_objective_get_kind (b) &&
               g_strcmp0 (koers_objective_get_period (a), koers_objective_get_period (b)) == 0 &&
               g_strcmp0 (koers_objective_get_owner (a), koers_objective_get_owner (b)) == 0 &&
               same_target (plan, KOERS_IMPORT_OBJECTIVES, item->aligned_uuid,
                            koers_store_find_objective (plan->store,
                                                        koers_objective_get_aligned_to_id (b))) &&
               koers_objective_get_state (a) == koers_objective_get_state (b) &&
               same_target (plan, KOERS_IMPORT_OBJECTIVES, item->carried_uuid,
                            koers_store_find_objective (
                              plan->store, koers_objective_get_carried_over_from_id (b))) &&
               koers_objective_get_position (a) == koers_objective_get_position (b) &&
               g_strcmp0 (koers_objective_get_postmortem (a),
                          koers_objective_get_postmortem (b)) == 0 &&
               koers_objective_get_final_grade (a) == koers_objective_get_final_grade (b) &&
               g_strcmp0 (koers_objective_get_review_note (a),
                          koers_objective_get_review_note (b)) == 0 &&
               koers_objective_get_created (a) == koers_objective_get_created (b);
      }
    case KOERS_IMPORT_KEY_RESULTS:
      {
        KoersKeyResult *a = KOERS_KEY_RESULT (item->object);
        KoersKeyResult *b = KOERS_KEY_RESULT (item->match);

        return same_target (plan, KOERS_IMPORT_OBJECTIVES, item->owner_uuid,
                            koers_store_get_key_result_objective (plan->store, b)) &&
               g_strcmp0 (koers_key_result_get_title (a), koers_key_result_get_title (b)) == 0 &&
               koers_key_result_get_metric_kind (a) == koers_key_result_get_metric_kind (b) &&
               g_strcmp0 (koers_key_result_get_unit (a), koers_key_result_get_unit (b)) == 0 &&
               koers_key_result_get_start_value (a) == koers_key_result_get_start_value (b) &&
               koers_key_result_get_target_value (a) == koers_key_result_get_target_value (b) &&
               koers_key_result_get_current_value (a) == koers_key_result_get_current_value (b) &&
               g_strcmp0 (koers_key_result_get_due_date (a),
                          koers_key_result_get_due_date (b)) == 0 &&
               g_strcmp0 (koers_key_result_get_owner (a), koers_key_result_get_owner (b)) == 0 &&
               koers_key_result_get_weight (a) == koers_key_result_get_weight (b) &&
               koers_key_result_get_uses_personal_data (a) ==
                 koers_key_result_get_uses_personal_data (b) &&
               g_strcmp0 (koers_key_result_get_personal_data_note (a),
                          koers_key_result_get_personal_data_note (b)) == 0 &&
               koers_key_result_get_position (a) == koers_key_result_get_position (b) &&
               same_target (plan, KOERS_IMPORT_KPIS, item->kpi_uuid,
                            koers_store_find_kpi (plan->store, koers_key_result_get_kpi_id (b))) &&
               koers_key_result_get_final_score (a) == koers_key_result_get_final_score (b) &&
               g_strcmp0 (koers_key_result_get_final_note (a),
                          koers_key_result_get_final_note (b)) == 0 &&
               koers_key_result_get_created (a) == koers_key_result_get_created (b);
      }
    case KOERS_IMPORT_CHECKINS:
      {
        KoersCheckin *a = KOERS_CHECKIN (item->object);
        KoersCheckin *b = KOERS_CHECKIN (item->match);

        return same_target (plan, KOERS_IMPORT_KEY_RESULTS, item->owner_uuid,
                            g_hash_table_lookup (plan->checkin_owner, b)) &&
               g_strcmp0 (koers_checkin_get_date (a), koers_checkin_get_date (b)) == 0 &&
               koers_checkin_get_value (a) == koers_checkin_get_value (b) &&
               koers_checkin_get_status (a) == koers_checkin_get_status (b) &&
               g_strcmp0 (koers_checkin_get_note (a), koers_checkin_get_note (b)) == 0 &&
               g_strcmp0 (koers_checkin_get_author (a), koers_checkin_get_author (b)) == 0 &&
               koers_checkin_get_created (a) == koers_checkin_get_created (b);
      }
    case KOERS_IMPORT_KPIS:
      {
        KoersKpi *a = KOERS_KPI (item->object);
        KoersKpi *b = KOERS_KPI (item->match);

        return same_target (plan, KOERS_IMPORT_DEPARTMENTS, item->owner_uuid,
                            koers_store_find_department (plan->store,
                                                         koers_kpi_get_department_id (b))) &&
               g_strcmp0 (koers_kpi_get_name (a), koers_kpi_get_name (b)) == 0 &&
               g_strcmp0 (koers_kpi_get_unit (a), koers_kpi_get_unit (b)) == 0 &&
               koers_kpi_get_metric_kind (a) == koers_kpi_get_metric_kind (b) &&
               koers_kpi_get_direction (a) == koers_kpi_get_direction (b) &&
               koers_kpi_get_healthy (a) == koers_kpi_get_healthy (b) &&
               koers_kpi_get_attention (a) == koers_kpi_get_attention (b) &&
               koers_kpi_get_frequency (a) == koers_kpi_get_frequency (b) &&
               koers_kpi_get_position (a) == koers_kpi_get_position (b) &&
               koers_kpi_get_created (a) == koers_kpi_get_created (b);
      }
    case KOERS_IMPORT_KPI_VALUES:
      {
        KoersKpiValue *a = KOERS_KPI_VALUE (item->object);
        KoersKpiValue *b = KOERS_KPI_VALUE (item->match);

        return same_target (plan, KOERS_IMPORT_KPIS, item->owner_uuid,
                            g_hash_table_lookup (plan->kpi_value_owner, b)) &&
               g_strcmp0 (koers_kpi_value_get_date (a), koers_kpi_value_get_date (b)) == 0 &&
               koers_kpi_value_get_value (a) == koers_kpi_value_get_value (b) &&
               g_strcmp0 (koers_kpi_value_get_note (a), koers_kpi_value_get_note (b)) == 0 &&
               koers_kpi_value_get_created (a) == koers_kpi_value_get_created (b);
      }
    case KOERS_IMPORT_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static gint64
get_updated (GObject *object)
{
  if (KOERS_IS_DEPARTMENT (object))
    return koers_department_get_updated (KOERS_DEPARTMENT (object));
  if (KOERS_IS_OBJECTIVE (object))
    return koers_objective_get_updated (KOERS_OBJECTIVE (object));
  if (KOERS_IS_KEY_RESULT (object))
    return koers_key_result_get_updated (KOERS_KEY_RESULT (object));
  if (KOERS_IS_KPI (object))
    return koers_kpi_get_updated (KOERS_KPI (object));
  if (KOERS_IS_KPI_VALUE (object))
    return koers_kpi_value_get_updated (KOERS_KPI_VALUE (object));
  return koers_checkin_get_updated (KOERS_CHECKIN (object));
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
  return koers_checkin_get_date (KOERS_CHECKIN (object));
}

static gboolean
is_identical (KoersImportPlan *plan,
              KoersImportItem *item)
{
  const char *stored_uuid = koers_department_get_uuid (KOERS_DEPARTMENT (item->match));

  return same_uuid (item->uuid, stored_uuid) && same_content (plan, item) &&
         get_updated (item->object) == get_updated (item->match);
}

/* Departments first: the others compare department uuids through
 * effective_uuid(), which needs their outcome. */
static void
decide_outcomes (KoersImportPlan *plan)
{
  for (guint kind = 0; kind < KOERS_IMPORT_N_KINDS; kind++)
    {
      GPtrArray *items = plan->doc.items[kind];

      for (guint i = 0; i < items->len; i++)
        {
          KoersImportItem *item = g_ptr_array_index (items, i);

          if (item->match == NULL)
            item->outcome = KOERS_IMPORT_OUTCOME_ADD;
          else if (plan->mode == KOERS_JSON_IMPORT_ADD)
            {
              if (kind == KOERS_IMPORT_DEPARTMENTS)
                item->outcome = is_identical (plan, item) ? KOERS_IMPORT_OUTCOME_UNCHANGED
                                                          : KOERS_IMPORT_OUTCOME_UPDATE;
              else
                {
                  add_member_problem (plan, item, "uuid",
                                      _("“%s” is already in the database; merge the file to "
                                        "update it"),
                                      koers_import_object_get_title (item->match));
                  plan->n_exists++;
                  item->outcome = KOERS_IMPORT_OUTCOME_UNCHANGED;
                }
            }
          else if (same_content (plan, item))
            item->outcome = KOERS_IMPORT_OUTCOME_UNCHANGED;
          else if (get_updated (item->object) > get_updated (item->match))
            item->outcome = KOERS_IMPORT_OUTCOME_UPDATE;
          else
            item->outcome = KOERS_IMPORT_OUTCOME_CONFLICT;

          if (item->match != NULL && koers_import_item_is_written (item))
            g_hash_table_insert (plan->writer, item->match, item);
        }
    }
}

static KoersImportItem *
node_get_item (KoersImportPlan *plan,
               gpointer         node)
{
  KoersImportItem *item = g_hash_table_lookup (plan->writer, node);

  if (item != NULL)
    return item;

  /* An added item is its own node. */
  return g_hash_table_contains (plan->is_item, node) ? node : NULL;
}

typedef enum
{
  LINK_PARENT,
  LINK_ALIGNED_TO,
  LINK_CARRIED_OVER_FROM,
} LinkKind;

/* Where a node's link points in the result. */
static gpointer
node_follow (KoersImportPlan *plan,
             gpointer         node,
             LinkKind         link)
{
  KoersImportItem *item = node_get_item (plan, node);

  if (item != NULL)
    switch (link)
      {
      case LINK_PARENT:
        return node_for_uuid (plan, KOERS_IMPORT_DEPARTMENTS, item->owner_uuid);
      case LINK_ALIGNED_TO:
        return node_for_uuid (plan, KOERS_IMPORT_OBJECTIVES, item->aligned_uuid);
      case LINK_CARRIED_OVER_FROM:
      default:
        return node_for_uuid (plan, KOERS_IMPORT_OBJECTIVES, item->carried_uuid);
      }

  switch (link)
    {
    case LINK_PARENT:
      return koers_store_find_department (plan->store, koers_department_get_parent_id (node));
    case LINK_ALIGNED_TO:
      return koers_store_find_objective (plan->store, koers_objective_get_aligned_to_id (node));
    case LINK_CARRIED_OVER_FROM:
    default:
      return koers_store_find_objective (plan->store,
                                         koers_objective_get_carried_over_from_id (node));
    }
}

static gboolean
makes_circle (KoersImportPlan *plan,
              KoersImportItem *item,
              LinkKind         link)
{
  gpointer start = item->match != NULL ? (gpointer) item->match : (gpointer) item;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (gpointer node = start; node != NULL; node = node_follow (plan, node, link))
    {
      if (!g_hash_table_add (seen, node))
        return node == start;
    }

  return FALSE;
}

static gboolean
node_is_company (KoersImportPlan *plan,
                 gpointer         node)
{
  KoersImportItem *item = node_get_item (plan, node);

  if (item != NULL)
    return koers_department_get_is_company (KOERS_DEPARTMENT (item->object));
  return koers_department_get_is_company (node);
}

static void
check_reference (KoersImportPlan *plan,
                 KoersImportItem *item,
                 const char      *member,
                 KoersImportKind  kind,
                 const char      *uuid)
{
  if (uuid == NULL || node_for_uuid (plan, kind, uuid) != NULL)
    return;

  add_member_problem (plan, item, member, _("%s is neither in the file nor in the database"),
                      uuid);
}

static void
check_departments (KoersImportPlan *plan)
{
  GPtrArray *items = plan->doc.items[KOERS_IMPORT_DEPARTMENTS];
  KoersImportItem *company = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      KoersImportItem *item = g_ptr_array_index (items, i);
      gboolean is_company = koers_department_get_is_company (KOERS_DEPARTMENT (item->object));
      gpointer parent;

      if (is_company && company != NULL)
        {
          add_member_problem (plan, item, "is_company",
                              _("there is only one company level, and %s is it already"),
                              company->path);
        }
      else if (is_company)
        company = item;

      if (item->match != NULL &&
          is_company != koers_department_get_is_company (KOERS_DEPARTMENT (item->match)))
        {
          add_member_problem (plan, item, "is_company", "%s",
                              is_company ? _("this uuid is a department in the database, not "
                                             "the company level")
                                         : _("this uuid is the company level in the database"));
        }

      check_reference (plan, item, "parent", KOERS_IMPORT_DEPARTMENTS, item->owner_uuid);
      parent = node_for_uuid (plan, KOERS_IMPORT_DEPARTMENTS, item->owner_uuid);
      if (parent == NULL)
        continue;

      if (is_company)
        {
          add_member_problem (plan, item, "parent", _("the company level cannot have a parent"));
        }
      else if (node_is_company (plan, parent))
        {
          add_member_problem (plan, item, "parent",
                              _("a department cannot be placed under the company level (leave "
                                "the parent empty)"));
        }
      else if (koers_import_item_is_written (item) && makes_circle (plan, item, LINK_PARENT))
        {
          add_member_problem (plan, item, "parent", _("the parents make a circle of departments"));
        }
    }
}

static void
check_objectives (KoersImportPlan *plan)
{
  GPtrArray *items = plan->doc.items[KOERS_IMPORT_OBJECTIVES];

  for (guint i = 0; i < items->len; i++)
    {
      KoersImportItem *item = g_ptr_array_index (items, i);

      check_reference (plan, item, "department", KOERS_IMPORT_DEPARTMENTS, item->owner_uuid);
      check_reference (plan, item, "aligned_to", KOERS_IMPORT_OBJECTIVES, item->aligned_uuid);
      check_reference (plan, item, "carried_over_from", KOERS_IMPORT_OBJECTIVES,
                       item->carried_uuid);

      if (!koers_import_item_is_written (item))
        continue;

      if (item->aligned_uuid != NULL && makes_circle (plan, item, LINK_ALIGNED_TO))
        {
          add_member_problem (plan, item, "aligned_to",
                              _("the alignment makes a circle of objectives"));
        }

      if (item->carried_uuid != NULL && makes_circle (plan, item, LINK_CARRIED_OVER_FROM))
        {
          add_member_problem (plan, item, "carried_over_from",
                              _("“carried over from” makes a circle of objectives"));
        }
    }
}

/* A key result's KPI and a KPI's department: in the file or the
 * database. */
static void
check_kpi_links (KoersImportPlan *plan)
{
  GPtrArray *krs = plan->doc.items[KOERS_IMPORT_KEY_RESULTS];
  GPtrArray *kpis = plan->doc.items[KOERS_IMPORT_KPIS];

  for (guint i = 0; i < kpis->len; i++)
    {
      KoersImportItem *item = g_ptr_array_index (kpis, i);

      check_reference (plan, item, "department", KOERS_IMPORT_DEPARTMENTS, item->owner_uuid);
    }

  for (guint i = 0; i < krs->len; i++)
    {
      KoersImportItem *item = g_ptr_array_index (krs, i);

      check_reference (plan, item, "kpi", KOERS_IMPORT_KPIS, item->kpi_uuid);
    }
}

/* Dismissed findings are a set: the file's join the database's.  Written
 * are the ones the database lacks, or has with a later time. */
static void
match_dismissals (KoersImportPlan *plan)
{
  GPtrArray *dismissals = plan->doc.dismissals;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  plan->dismissals = g_ptr_array_new ();

  for (guint i = 0; i < dismissals->len; i++)
    {
      KoersImportDismissal *dismissal = g_ptr_array_index (dismissals, i);
      KoersImportDismissal *first = g_hash_table_lookup (seen, dismissal->key);
      gint64 *stored;

      if (first != NULL)
        {
          g_autofree char *path = koers_json_path_member (dismissal->path, "key");

          koers_import_plan_add_problem (plan, path, _("the key %s is also used at %s"),
                                         dismissal->key, first->path);
          continue;
        }
      g_hash_table_insert (seen, dismissal->key, dismissal);

      stored = g_hash_table_lookup (koers_store_get_dismissed_findings (plan->store), dismissal->key);
      if (stored == NULL || dismissal->dismissed_at < *stored)
        g_ptr_array_add (plan->dismissals, dismissal);
    }
}

void
koers_import_plan_match (KoersImportPlan *plan)
{
  check_duplicates (plan);
  index_stored (plan);
  match_departments (plan);
  for (guint kind = KOERS_IMPORT_OBJECTIVES; kind < KOERS_IMPORT_N_KINDS; kind++)
    match_by_uuid (plan, kind);
  decide_outcomes (plan);
  check_departments (plan);
  check_objectives (plan);
  check_kpi_links (plan);
  match_dismissals (plan);
}
