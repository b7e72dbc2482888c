/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/koers-date.h"
#include "core/koers-kpi-status.h"
#include "core/koers-period.h"
#include "koers-json-fields.h"

/* The entities of a file, each read against its table (the reading itself
 * is in koers-json-fields.c), into detached objects that hold the file's
 * values. */

static const char *
level_name (int value)
{
  return koers_level_to_string ((KoersLevel) value);
}

static const char *
objective_kind_name (int value)
{
  return koers_objective_kind_to_string ((KoersObjectiveKind) value);
}

static const char *
objective_state_name (int value)
{
  return koers_objective_state_to_string ((KoersObjectiveState) value);
}

static const char *
metric_kind_name (int value)
{
  return koers_metric_kind_to_string ((KoersMetricKind) value);
}

static const char *
checkin_status_name (int value)
{
  return koers_checkin_status_to_string ((KoersCheckinStatus) value);
}

static const char *
kpi_direction_name (int value)
{
  return koers_kpi_direction_to_string ((KoersKpiDirection) value);
}

static const char *
kpi_frequency_name (int value)
{
  return koers_kpi_frequency_to_string ((KoersKpiFrequency) value);
}

static const char *
change_entity_name (int value)
{
  static const char * const names[] = {
    "department", "objective", "key_result", "checkin", "kpi", "kpi_value",
  };

  return value >= 0 && value < (int) G_N_ELEMENTS (names) ? names[value] : NULL;
}

static const char *
change_op_name (int value)
{
  return value >= KOERS_CHANGE_INSERT && value <= KOERS_CHANGE_DELETE
    ? koers_change_operation_to_string ((KoersChangeOperation) value) : NULL;
}

enum { TOP_FORMAT, TOP_VERSION, TOP_EXPORTED, TOP_ORGANISATION, TOP_DEPARTMENTS, TOP_OBJECTIVES,
       TOP_DISMISSED_FINDINGS, TOP_KPIS, TOP_CHANGES };
static const KoersJsonFieldSpec top_fields[] = {
  { "format", KOERS_JSON_FIELD_TEXT, TRUE, NULL },
  { "version", KOERS_JSON_FIELD_VERSION, TRUE, NULL },
  { "exported", KOERS_JSON_FIELD_STAMP, FALSE, NULL },
  { "organisation", KOERS_JSON_FIELD_TEXT, FALSE, NULL },
  { "departments", KOERS_JSON_FIELD_LIST, TRUE, NULL },
  { "objectives", KOERS_JSON_FIELD_LIST, TRUE, NULL },
  { "dismissed_findings", KOERS_JSON_FIELD_LIST, FALSE, NULL },
  { "kpis", KOERS_JSON_FIELD_LIST, FALSE, NULL },
  { "changes", KOERS_JSON_FIELD_LIST, FALSE, NULL },
};

enum { CH_KEY, CH_AT, CH_AUTHOR, CH_ENTITY, CH_UUID, CH_PARENT, CH_OP, CH_FIELDS };
static const KoersJsonFieldSpec change_fields[] = {
  { "key", KOERS_JSON_FIELD_KEY, TRUE, NULL },
  { "at", KOERS_JSON_FIELD_STAMP, TRUE, NULL },
  { "author", KOERS_JSON_FIELD_TEXT, FALSE, NULL },
  { "entity", KOERS_JSON_FIELD_ENUM, TRUE, change_entity_name },
  { "uuid", KOERS_JSON_FIELD_UUID, TRUE, NULL },
  { "parent", KOERS_JSON_FIELD_LINK, FALSE, NULL },
  { "op", KOERS_JSON_FIELD_ENUM, TRUE, change_op_name },
  { "fields", KOERS_JSON_FIELD_CHANGES, TRUE, NULL },
};

enum { DF_KEY, DF_DISMISSED };
static const KoersJsonFieldSpec dismissal_fields[] = {
  { "key", KOERS_JSON_FIELD_NAME, TRUE, NULL },
  { "dismissed", KOERS_JSON_FIELD_STAMP, TRUE, NULL },
};

enum { D_UUID, D_NAME, D_EMOJI, D_SORT_ORDER, D_PARENT, D_IS_COMPANY, D_CREATED, D_UPDATED };
static const KoersJsonFieldSpec department_fields[] = {
  { "uuid", KOERS_JSON_FIELD_UUID, TRUE, NULL },
  { "name", KOERS_JSON_FIELD_NAME, TRUE, NULL },
  { "emoji", KOERS_JSON_FIELD_TEXT, FALSE, NULL },
  { "sort_order", KOERS_JSON_FIELD_ORDER, FALSE, NULL },
  { "parent", KOERS_JSON_FIELD_LINK, FALSE, NULL },
  { "is_company", KOERS_JSON_FIELD_BOOL, FALSE, NULL },
  { "created", KOERS_JSON_FIELD_STAMP, TRUE, NULL },
  { "updated", KOERS_JSON_FIELD_STAMP, TRUE, NULL },
};

enum { O_UUID, O_DEPARTMENT, O_TITLE, O_DESCRIPTION, O_LEVEL, O_KIND, O_PERIOD, O_OWNER,
       O_ALIGNED_TO, O_STATE, O_CARRIED_OVER_FROM, O_POSITION, O_CREATED, O_UPDATED,
       O_KEY_RESULTS, O_POSTMORTEM, O_FINAL_GRADE, O_REVIEW_NOTE };
static const KoersJsonFieldSpec objective_fields[] = {
  { "uuid", KOERS_JSON_FIELD_UUID, TRUE, NULL },
  { "department", KOERS_JSON_FIELD_UUID, TRUE, NULL },
  { "title", KOERS_JSON_FIELD_NAME, TRUE, NULL },
  { "description", KOERS_JSON_FIELD_NOTE, FALSE, NULL },
  { "level", KOERS_JSON_FIELD_ENUM, TRUE, level_name },
  { "kind", KOERS_JSON_FIELD_ENUM, TRUE, objective_kind_name },
  { "period", KOERS_JSON_FIELD_PERIOD, TRUE, NULL },
  { "owner", KOERS_JSON_FIELD_TEXT, FALSE, NULL },
  { "aligned_to", KOERS_JSON_FIELD_LINK, FALSE, NULL },
  { "state", KOERS_JSON_FIELD_ENUM, TRUE, objective_state_name },
  { "carried_over_from", KOERS_JSON_FIELD_LINK, FALSE, NULL },
  { "position", KOERS_JSON_FIELD_ORDER, FALSE, NULL },
  { "created", KOERS_JSON_FIELD_STAMP, TRUE, NULL },
  { "updated", KOERS_JSON_FIELD_STAMP, TRUE, NULL },
  { "key_results", KOERS_JSON_FIELD_LIST, FALSE, NULL },
  { "postmortem", KOERS_JSON_FIELD_NOTE, FALSE, NULL },
  { "final_grade", KOERS_JSON_FIELD_GRADE, FALSE, NULL },
  { "review_note", KOERS_JSON_FIELD_NOTE, FALSE, NULL },
};

enum { K_UUID, K_TITLE, K_METRIC_KIND, K_UNIT, K_START, K_TARGET, K_CURRENT, K_DUE_DATE, K_OWNER,
       K_WEIGHT, K_USES_PERSONAL_DATA, K_PERSONAL_DATA_NOTE, K_POSITION, K_CREATED, K_UPDATED,
       K_CHECKINS, K_FINAL_SCORE, K_FINAL_NOTE, K_KPI };
static const KoersJsonFieldSpec key_result_fields[] = {
  { "uuid", KOERS_JSON_FIELD_UUID, TRUE, NULL },
  { "title", KOERS_JSON_FIELD_NAME, TRUE, NULL },
  { "metric_kind", KOERS_JSON_FIELD_ENUM, TRUE, metric_kind_name },
  { "unit", KOERS_JSON_FIELD_TEXT, FALSE, NULL },
  { "start", KOERS_JSON_FIELD_NUMBER, TRUE, NULL },
  { "target", KOERS_JSON_FIELD_NUMBER, TRUE, NULL },
  { "current", KOERS_JSON_FIELD_NUMBER, TRUE, NULL },
  { "due_date", KOERS_JSON_FIELD_OPTIONAL_DATE, FALSE, NULL },
  { "owner", KOERS_JSON_FIELD_TEXT, FALSE, NULL },
  { "weight", KOERS_JSON_FIELD_WEIGHT, FALSE, NULL },
  { "uses_personal_data", KOERS_JSON_FIELD_BOOL, FALSE, NULL },
  { "personal_data_note", KOERS_JSON_FIELD_NOTE, FALSE, NULL },
  { "position", KOERS_JSON_FIELD_ORDER, FALSE, NULL },
  { "created", KOERS_JSON_FIELD_STAMP, TRUE, NULL },
  { "updated", KOERS_JSON_FIELD_STAMP, TRUE, NULL },
  { "checkins", KOERS_JSON_FIELD_LIST, FALSE, NULL },
  { "final_score", KOERS_JSON_FIELD_GRADE, FALSE, NULL },
  { "final_note", KOERS_JSON_FIELD_NOTE, FALSE, NULL },
  { "kpi", KOERS_JSON_FIELD_LINK, FALSE, NULL },
};

enum { C_UUID, C_DATE, C_VALUE, C_STATUS, C_NOTE, C_AUTHOR, C_CREATED, C_UPDATED };
static const KoersJsonFieldSpec checkin_fields[] = {
  { "uuid", KOERS_JSON_FIELD_UUID, TRUE, NULL },
  { "date", KOERS_JSON_FIELD_DATE, TRUE, NULL },
  { "value", KOERS_JSON_FIELD_NUMBER, TRUE, NULL },
  { "status", KOERS_JSON_FIELD_ENUM, FALSE, checkin_status_name },
  { "note", KOERS_JSON_FIELD_NOTE, FALSE, NULL },
  { "author", KOERS_JSON_FIELD_TEXT, FALSE, NULL },
  { "created", KOERS_JSON_FIELD_STAMP, TRUE, NULL },
  { "updated", KOERS_JSON_FIELD_STAMP, TRUE, NULL },
};

enum { P_UUID, P_DEPARTMENT, P_NAME, P_UNIT, P_METRIC_KIND, P_DIRECTION, P_HEALTHY, P_ATTENTION,
       P_FREQUENCY, P_POSITION, P_CREATED, P_UPDATED, P_VALUES };
static const KoersJsonFieldSpec kpi_fields[] = {
  { "uuid", KOERS_JSON_FIELD_UUID, TRUE, NULL },
  { "department", KOERS_JSON_FIELD_UUID, TRUE, NULL },
  { "name", KOERS_JSON_FIELD_NAME, TRUE, NULL },
  { "unit", KOERS_JSON_FIELD_TEXT, FALSE, NULL },
  { "metric_kind", KOERS_JSON_FIELD_ENUM, TRUE, metric_kind_name },
  { "direction", KOERS_JSON_FIELD_ENUM, TRUE, kpi_direction_name },
  { "healthy", KOERS_JSON_FIELD_NUMBER, TRUE, NULL },
  { "attention", KOERS_JSON_FIELD_NUMBER, TRUE, NULL },
  { "frequency", KOERS_JSON_FIELD_ENUM, TRUE, kpi_frequency_name },
  { "position", KOERS_JSON_FIELD_ORDER, FALSE, NULL },
  { "created", KOERS_JSON_FIELD_STAMP, TRUE, NULL },
  { "updated", KOERS_JSON_FIELD_STAMP, TRUE, NULL },
  { "values", KOERS_JSON_FIELD_LIST, FALSE, NULL },
};

enum { V_UUID, V_DATE, V_VALUE, V_NOTE, V_CREATED, V_UPDATED };
static const KoersJsonFieldSpec kpi_value_fields[] = {
  { "uuid", KOERS_JSON_FIELD_UUID, TRUE, NULL },
  { "date", KOERS_JSON_FIELD_DATE, TRUE, NULL },
  { "value", KOERS_JSON_FIELD_NUMBER, TRUE, NULL },
  { "note", KOERS_JSON_FIELD_NOTE, FALSE, NULL },
  { "created", KOERS_JSON_FIELD_STAMP, TRUE, NULL },
  { "updated", KOERS_JSON_FIELD_STAMP, TRUE, NULL },
};

void
koers_import_item_free (KoersImportItem *item)
{
  if (item == NULL)
    return;

  g_free (item->path);
  g_clear_object (&item->object);
  g_free (item->uuid);
  g_free (item->owner_uuid);
  g_free (item->aligned_uuid);
  g_free (item->carried_uuid);
  g_free (item->kpi_uuid);
  g_free (item);
}

void
koers_import_dismissal_free (KoersImportDismissal *dismissal)
{
  if (dismissal == NULL)
    return;

  g_free (dismissal->path);
  g_free (dismissal->key);
  g_free (dismissal);
}

void
koers_import_change_free (KoersImportChange *change)
{
  if (change == NULL)
    return;

  g_free (change->path);
  g_free (change->key);
  g_free (change->author);
  g_free (change->entity);
  g_free (change->uuid);
  g_free (change->parent);
  g_free (change->op);
  g_free (change->fields);
  g_free (change);
}

void
koers_json_header_clear (KoersJsonHeader *header)
{
  g_clear_pointer (&header->organisation, g_free);
}

char *
koers_import_kind_path (KoersImportKind  kind,
                        const guint     *index)
{
  switch (kind)
    {
    case KOERS_IMPORT_DEPARTMENTS:
      return g_strdup_printf ("$.departments[%u]", index[0]);
    case KOERS_IMPORT_OBJECTIVES:
      return g_strdup_printf ("$.objectives[%u]", index[0]);
    case KOERS_IMPORT_KEY_RESULTS:
      return g_strdup_printf ("$.objectives[%u].key_results[%u]", index[1], index[0]);
    case KOERS_IMPORT_CHECKINS:
      return g_strdup_printf ("$.objectives[%u].key_results[%u].checkins[%u]", index[2], index[1],
                              index[0]);
    case KOERS_IMPORT_KPIS:
      return g_strdup_printf ("$.kpis[%u]", index[0]);
    case KOERS_IMPORT_KPI_VALUES:
      return g_strdup_printf ("$.kpis[%u].values[%u]", index[1], index[0]);
    case KOERS_IMPORT_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static KoersImportItem *
new_item (KoersImportKind  kind,
          const char      *path,
          gpointer         object,
          const char      *uuid,
          const char      *owner_uuid,
          guint            index,
          const guint     *owner_index)
{
  KoersImportItem *item = g_new0 (KoersImportItem, 1);

  item->kind = kind;
  item->path = g_strdup (path);
  item->object = object;
  item->uuid = g_strdup (uuid);
  item->owner_uuid = g_strdup (owner_uuid);
  item->index[0] = index;
  if (owner_index != NULL)
    {
      item->index[1] = owner_index[0];
      item->index[2] = owner_index[1];
    }
  return item;
}

static void
emit_item (KoersJsonReader *r,
           KoersImportItem *item)
{
  if (r->funcs->item != NULL)
    r->funcs->item (item, r->user_data);
  else
    koers_import_item_free (item);
}

/* Every entity reader: the item at path (index in its list), and the
 * uuid of what holds it (NULL for a top-level list or a wrong owner). */
typedef void (*ReadItemFunc) (KoersJsonReader *r,
                              const char      *path,
                              JsonNode        *node,
                              guint            index,
                              const char      *owner_uuid,
                              const guint     *owner_index);

/* Reads each element of list when there are at most max of them. */
static void
read_list (KoersJsonReader *r,
           const char      *list_path,
           JsonArray       *list,
           guint            max,
           ReadItemFunc     read_item,
           const char      *owner_uuid,
           const guint     *owner_index)
{
  if (!koers_json_check_list_length (r, list_path, list, max))
    return;

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      g_autofree char *item_path = koers_json_path_index (list_path, i);

      read_item (r, item_path, json_array_get_element (list, i), i, owner_uuid, owner_index);
    }
}

static void
read_checkin (KoersJsonReader *r,
              const char      *path,
              JsonNode        *node,
              guint            index,
              const char      *kr_uuid,
              const guint     *owner_index)
{
  KoersJsonFieldValue v[G_N_ELEMENTS (checkin_fields)];
  KoersCheckin *checkin;

  if (!koers_json_read_object (r, path, node, checkin_fields, G_N_ELEMENTS (checkin_fields), v))
    goto out;

  checkin = koers_checkin_new (v[C_DATE].text, v[C_VALUE].number,
                               v[C_STATUS].present ? (KoersCheckinStatus) v[C_STATUS].enum_value
                                                   : KOERS_CHECKIN_STATUS_NONE,
                               koers_json_value_text (&v[C_NOTE]));
  koers_checkin_set_uuid (checkin, v[C_UUID].text);
  koers_checkin_set_author (checkin, koers_json_value_text (&v[C_AUTHOR]));
  koers_checkin_set_created (checkin, v[C_CREATED].integer);
  koers_checkin_set_updated (checkin, v[C_UPDATED].integer);

  emit_item (r, new_item (KOERS_IMPORT_CHECKINS, path, checkin, v[C_UUID].text, kr_uuid, index,
                         owner_index));

out:
  koers_json_clear_values (v, G_N_ELEMENTS (v));
}

static void
read_key_result (KoersJsonReader *r,
                 const char      *path,
                 JsonNode        *node,
                 guint            index,
                 const char      *objective_uuid,
                 const guint     *owner_index)
{
  KoersJsonFieldValue v[G_N_ELEMENTS (key_result_fields)];
  KoersImportItem *item;
  KoersKeyResult *kr;
  gboolean ok;

  ok = koers_json_read_object (r, path, node, key_result_fields, G_N_ELEMENTS (key_result_fields),
                               v);

  if (ok)
    {
      kr = koers_key_result_new (v[K_TITLE].text, (KoersMetricKind) v[K_METRIC_KIND].enum_value,
                                 v[K_START].number, v[K_TARGET].number,
                                 koers_json_value_text (&v[K_UNIT]));
      g_object_freeze_notify (G_OBJECT (kr));
      koers_key_result_set_uuid (kr, v[K_UUID].text);
      koers_key_result_set_current_value (kr, v[K_CURRENT].number);
      koers_key_result_set_due_date (kr, v[K_DUE_DATE].present ? v[K_DUE_DATE].text : NULL);
      koers_key_result_set_owner (kr, koers_json_value_text (&v[K_OWNER]));
      koers_key_result_set_weight (kr, v[K_WEIGHT].present ? v[K_WEIGHT].number : 1.0);
      koers_key_result_set_uses_personal_data (kr, v[K_USES_PERSONAL_DATA].present &&
                                                   v[K_USES_PERSONAL_DATA].boolean);
      koers_key_result_set_personal_data_note (kr,
                                               koers_json_value_text (&v[K_PERSONAL_DATA_NOTE]));
      koers_key_result_set_position (kr, v[K_POSITION].present ? (int) v[K_POSITION].integer
                                                               : (int) index);
      koers_key_result_set_created (kr, v[K_CREATED].integer);
      koers_key_result_set_updated (kr, v[K_UPDATED].integer);
      koers_key_result_set_final_score (kr, v[K_FINAL_SCORE].present ? v[K_FINAL_SCORE].number
                                                                     : -1.0);
      koers_key_result_set_final_note (kr, koers_json_value_text (&v[K_FINAL_NOTE]));
      g_object_thaw_notify (G_OBJECT (kr));

      item = new_item (KOERS_IMPORT_KEY_RESULTS, path, kr, v[K_UUID].text, objective_uuid, index,
                       owner_index);
      item->kpi_uuid = g_strdup (v[K_KPI].present ? v[K_KPI].text : NULL);
      emit_item (r, item);
    }

  /* Check-ins are read even when the key result is wrong: one run
   * reports as much as it can. */
  if (v[K_CHECKINS].present)
    {
      g_autofree char *list_path = koers_json_path_member (path, "checkins");

      guint here[2] = { index, owner_index != NULL ? owner_index[0] : 0 };

      read_list (r, list_path, v[K_CHECKINS].list, KOERS_JSON_MAX_CHECKINS, read_checkin,
                 ok ? v[K_UUID].text : NULL, here);
    }

  koers_json_clear_values (v, G_N_ELEMENTS (v));
}

static void
read_objective (KoersJsonReader *r,
                const char      *path,
                JsonNode        *node,
                guint            index,
                const char      *owner_uuid,
                const guint     *owner_index)
{
  KoersJsonFieldValue v[G_N_ELEMENTS (objective_fields)];
  KoersObjective *objective;
  gboolean ok;

  ok = koers_json_read_object (r, path, node, objective_fields, G_N_ELEMENTS (objective_fields), v);

  if (ok)
    {
      KoersImportItem *item;

      objective = koers_objective_new (v[O_TITLE].text, (KoersLevel) v[O_LEVEL].enum_value,
                                       (KoersObjectiveKind) v[O_KIND].enum_value, v[O_PERIOD].text);
      g_object_freeze_notify (G_OBJECT (objective));
      koers_objective_set_uuid (objective, v[O_UUID].text);
      koers_objective_set_description (objective, koers_json_value_text (&v[O_DESCRIPTION]));
      koers_objective_set_owner (objective, koers_json_value_text (&v[O_OWNER]));
      koers_objective_set_state (objective, (KoersObjectiveState) v[O_STATE].enum_value);
      koers_objective_set_position (objective, v[O_POSITION].present ? (int) v[O_POSITION].integer
                                                                     : (int) index);
      koers_objective_set_created (objective, v[O_CREATED].integer);
      koers_objective_set_updated (objective, v[O_UPDATED].integer);
      koers_objective_set_postmortem (objective, koers_json_value_text (&v[O_POSTMORTEM]));
      koers_objective_set_final_grade (objective, v[O_FINAL_GRADE].present ? v[O_FINAL_GRADE].number
                                                                          : -1.0);
      koers_objective_set_review_note (objective, koers_json_value_text (&v[O_REVIEW_NOTE]));
      g_object_thaw_notify (G_OBJECT (objective));

      item = new_item (KOERS_IMPORT_OBJECTIVES, path, objective, v[O_UUID].text,
                       v[O_DEPARTMENT].text, index, NULL);
      item->aligned_uuid = g_strdup (v[O_ALIGNED_TO].present ? v[O_ALIGNED_TO].text : NULL);
      item->carried_uuid = g_strdup (v[O_CARRIED_OVER_FROM].present ? v[O_CARRIED_OVER_FROM].text
                                                                    : NULL);
      emit_item (r, item);
    }

  if (v[O_KEY_RESULTS].present)
    {
      g_autofree char *list_path = koers_json_path_member (path, "key_results");

      guint here[2] = { index, 0 };

      read_list (r, list_path, v[O_KEY_RESULTS].list, KOERS_JSON_MAX_KEY_RESULTS, read_key_result,
                 ok ? v[O_UUID].text : NULL, here);
    }

  koers_json_clear_values (v, G_N_ELEMENTS (v));
}

static void
read_department (KoersJsonReader *r,
                 const char      *path,
                 JsonNode        *node,
                 guint            index,
                 const char      *owner_uuid,
                 const guint     *owner_index)
{
  KoersJsonFieldValue v[G_N_ELEMENTS (department_fields)];
  KoersDepartment *dept;

  if (!koers_json_read_object (r, path, node, department_fields,
                               G_N_ELEMENTS (department_fields), v))
    goto out;

  dept = koers_department_new (v[D_NAME].text, koers_json_value_text (&v[D_EMOJI]));
  g_object_freeze_notify (G_OBJECT (dept));
  koers_department_set_uuid (dept, v[D_UUID].text);
  koers_department_set_sort_order (dept, v[D_SORT_ORDER].present ? (int) v[D_SORT_ORDER].integer
                                                                 : (int) index);
  koers_department_set_is_company (dept, v[D_IS_COMPANY].present && v[D_IS_COMPANY].boolean);
  koers_department_set_created (dept, v[D_CREATED].integer);
  koers_department_set_updated (dept, v[D_UPDATED].integer);
  g_object_thaw_notify (G_OBJECT (dept));

  emit_item (r, new_item (KOERS_IMPORT_DEPARTMENTS, path, dept, v[D_UUID].text,
                         v[D_PARENT].present ? v[D_PARENT].text : NULL, index, NULL));

out:
  koers_json_clear_values (v, G_N_ELEMENTS (v));
}

static void
read_kpi_value (KoersJsonReader *r,
                const char      *path,
                JsonNode        *node,
                guint            index,
                const char      *kpi_uuid,
                const guint     *owner_index)
{
  KoersJsonFieldValue v[G_N_ELEMENTS (kpi_value_fields)];
  KoersKpiValue *value;

  if (!koers_json_read_object (r, path, node, kpi_value_fields, G_N_ELEMENTS (kpi_value_fields), v))
    goto out;

  value = koers_kpi_value_new (v[V_DATE].text, v[V_VALUE].number,
                               koers_json_value_text (&v[V_NOTE]));
  g_object_freeze_notify (G_OBJECT (value));
  koers_kpi_value_set_uuid (value, v[V_UUID].text);
  koers_kpi_value_set_created (value, v[V_CREATED].integer);
  koers_kpi_value_set_updated (value, v[V_UPDATED].integer);
  g_object_thaw_notify (G_OBJECT (value));

  emit_item (r, new_item (KOERS_IMPORT_KPI_VALUES, path, value, v[V_UUID].text, kpi_uuid, index,
                         owner_index));

out:
  koers_json_clear_values (v, G_N_ELEMENTS (v));
}

/* The thresholds must lie the way koers-kpi-status.h says. */
static gboolean
check_thresholds (KoersJsonReader     *r,
                  const char          *path,
                  KoersJsonFieldValue *v)
{
  KoersKpiDirection direction = (KoersKpiDirection) v[P_DIRECTION].enum_value;
  g_autofree char *member_path = NULL;

  if (koers_kpi_check_thresholds (direction, v[P_HEALTHY].number, v[P_ATTENTION].number))
    return TRUE;

  member_path = koers_json_path_member (path, "attention");
  if (direction == KOERS_KPI_DIRECTION_LOWER)
    return koers_json_add_problem (r, member_path,
                                   _("must not be below “healthy” when the direction is “lower”"));
  return koers_json_add_problem (r, member_path,
                                 _("must not be above “healthy” when the direction is “higher”"));
}

static void
read_kpi (KoersJsonReader *r,
          const char      *path,
          JsonNode        *node,
          guint            index,
          const char      *owner_uuid,
          const guint     *owner_index)
{
  KoersJsonFieldValue v[G_N_ELEMENTS (kpi_fields)];
  KoersKpi *kpi;
  gboolean ok;

  ok = koers_json_read_object (r, path, node, kpi_fields, G_N_ELEMENTS (kpi_fields), v) &&
       check_thresholds (r, path, v);

  if (ok)
    {
      kpi = koers_kpi_new (v[P_NAME].text, (KoersMetricKind) v[P_METRIC_KIND].enum_value,
                           koers_json_value_text (&v[P_UNIT]),
                           (KoersKpiDirection) v[P_DIRECTION].enum_value, v[P_HEALTHY].number,
                           v[P_ATTENTION].number, (KoersKpiFrequency) v[P_FREQUENCY].enum_value);
      g_object_freeze_notify (G_OBJECT (kpi));
      koers_kpi_set_uuid (kpi, v[P_UUID].text);
      koers_kpi_set_position (kpi, v[P_POSITION].present ? (int) v[P_POSITION].integer
                                                         : (int) index);
      koers_kpi_set_created (kpi, v[P_CREATED].integer);
      koers_kpi_set_updated (kpi, v[P_UPDATED].integer);
      g_object_thaw_notify (G_OBJECT (kpi));

      emit_item (r, new_item (KOERS_IMPORT_KPIS, path, kpi, v[P_UUID].text,
                             v[P_DEPARTMENT].text, index, NULL));
    }

  /* Values are read even when the KPI is wrong: one run reports as much
   * as it can. */
  if (v[P_VALUES].present)
    {
      g_autofree char *list_path = koers_json_path_member (path, "values");

      guint here[2] = { index, 0 };

      read_list (r, list_path, v[P_VALUES].list, KOERS_JSON_MAX_KPI_VALUES, read_kpi_value,
                 ok ? v[P_UUID].text : NULL, here);
    }

  koers_json_clear_values (v, G_N_ELEMENTS (v));
}

static void
read_dismissal (KoersJsonReader *r,
                const char      *path,
                JsonNode        *node,
                guint            index,
                const char      *owner_uuid,
                const guint     *owner_index)
{
  KoersJsonFieldValue v[G_N_ELEMENTS (dismissal_fields)];
  KoersImportDismissal *dismissal;

  if (koers_json_read_object (r, path, node, dismissal_fields, G_N_ELEMENTS (dismissal_fields), v))
    {
      dismissal = g_new0 (KoersImportDismissal, 1);
      dismissal->path = g_strdup (path);
      dismissal->key = g_strdup (v[DF_KEY].text);
      dismissal->dismissed_at = v[DF_DISMISSED].integer;
      if (r->funcs->dismissal != NULL)
        r->funcs->dismissal (dismissal, r->user_data);
      else
        koers_import_dismissal_free (dismissal);
    }

  koers_json_clear_values (v, G_N_ELEMENTS (v));
}

static void
read_change (KoersJsonReader *r,
             const char      *path,
             JsonNode        *node,
             guint            index,
             const char      *owner_uuid,
             const guint     *owner_index)
{
  KoersJsonFieldValue v[G_N_ELEMENTS (change_fields)];
  KoersImportChange *change;
  GString *fields;

  if (!koers_json_read_object (r, path, node, change_fields, G_N_ELEMENTS (change_fields), v))
    goto out;

  if (r->funcs->change == NULL)
    goto out;

  change = g_new0 (KoersImportChange, 1);
  change->path = g_strdup (path);
  change->key = g_strdup (v[CH_KEY].text);
  change->at = v[CH_AT].integer;
  change->author = g_strdup (koers_json_value_text (&v[CH_AUTHOR]));
  change->entity = g_strdup (change_entity_name (v[CH_ENTITY].enum_value));
  change->uuid = g_strdup (v[CH_UUID].text);
  change->parent = g_strdup (v[CH_PARENT].present ? v[CH_PARENT].text : NULL);
  change->op = g_strdup (change_op_name (v[CH_OP].enum_value));
  fields = g_string_new (NULL);
  koers_json_append_node (fields, json_object_get_member (json_node_get_object (node), "fields"));
  change->fields = g_string_free (fields, FALSE);
  r->funcs->change (change, r->user_data);

out:
  koers_json_clear_values (v, G_N_ELEMENTS (v));
}

/* The version: a problem (and FALSE) unless this Koers reads it. */
static gboolean
check_version (KoersJsonReader *r,
               JsonNode        *version,
               int             *out)
{
  g_autofree char *found = koers_json_describe_node (version);
  double number;

  if (!koers_json_node_is_number (version) ||
      json_node_get_double (version) != floor (json_node_get_double (version)))
    return koers_json_add_problem (r, "$.version", _("expected a whole number, found %s"), found);

  number = json_node_get_double (version);
  if (number > KOERS_JSON_FORMAT_VERSION)
    return koers_json_add_problem (r, "$.version",
                                   _("the file is from a newer Koers (format version %s); this Koers reads "
                                     "version %d"),
                                   found, KOERS_JSON_FORMAT_VERSION);

  if (number < KOERS_JSON_FORMAT_VERSION_MIN)
    return koers_json_add_problem (r, "$.version",
                                   _("unknown format version %s; this Koers reads versions %d to %d"),
                                   found, KOERS_JSON_FORMAT_VERSION_MIN, KOERS_JSON_FORMAT_VERSION);

  *out = (int) number;
  return TRUE;
}

static gboolean
check_format (KoersJsonReader *r,
              JsonNode        *format)
{
  g_autofree char *found = NULL;

  if (koers_json_node_is_string (format) &&
      strcmp (json_node_get_string (format), KOERS_JSON_FORMAT) == 0)
    return TRUE;

  found = koers_json_describe_node (format);
  return koers_json_add_problem (r, "$.format",
                                 _("this is not a Koers file (expected \"%s\", found %s)"),
                                 KOERS_JSON_FORMAT, found);
}

/* A value that begins with token, as a node; a list or an object only as
 * what it is (it is read past, checked, not kept: it may be large). */
static JsonNode *
read_small_node (KoersJsonStream *s,
                 KoersJsonToken   token)
{
  JsonNode *node;

  if (token != KOERS_JSON_TOKEN_BEGIN_OBJECT && token != KOERS_JSON_TOKEN_BEGIN_ARRAY)
    return koers_json_stream_read_node (s, token);

  if (!koers_json_stream_skip (s, token))
    return NULL;

  if (token == KOERS_JSON_TOKEN_BEGIN_OBJECT)
    {
      node = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (node, json_object_new ());
    }
  else
    {
      node = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (node, json_array_new ());
    }
  return node;
}

/* The elements of a top-level list, each read as a node of its own;
 * FALSE when the JSON breaks. */
static gboolean
read_stream_list (KoersJsonReader *r,
                  KoersJsonStream *s,
                  const char      *list_path,
                  KoersJsonToken   token,
                  guint            max,
                  ReadItemFunc     read_item,
                  gboolean         skip)
{
  guint index = 0;

  if (token != KOERS_JSON_TOKEN_BEGIN_ARRAY)
    {
      g_autoptr(JsonNode) node = read_small_node (s, token);
      g_autofree char *found = NULL;

      if (node == NULL)
        return FALSE;
      found = koers_json_describe_node (node);
      koers_json_add_problem (r, list_path, _("expected a list, found %s"), found);
      return TRUE;
    }

  if (skip)
    return koers_json_stream_skip (s, token);

  for (;;)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *item_path = NULL;

      token = koers_json_stream_next (s);
      if (token == KOERS_JSON_TOKEN_END_ARRAY)
        return TRUE;
      if (token == KOERS_JSON_TOKEN_ERROR || token == KOERS_JSON_TOKEN_END)
        return FALSE;

      if (index == max)
        koers_json_add_problem (r, list_path, _("more than %u entries"), max);

      if (index >= max)
        {
          /* Checked as JSON, not read. */
          if (!koers_json_stream_skip (s, token))
            return FALSE;
          index++;
          continue;
        }

      node = koers_json_stream_read_node (s, token);
      if (node == NULL)
        return FALSE;

      item_path = koers_json_path_index (list_path, index);
      read_item (r, item_path, node, index, NULL, NULL);
      index++;
    }
}

gboolean
koers_json_read_stream (KoersJsonStream          *s,
                        KoersJsonReadFlags        flags,
                        const KoersJsonReadFuncs *funcs,
                        gpointer                  user_data,
                        KoersJsonHeader          *header,
                        GPtrArray                *problems)
{
  g_autoptr(GPtrArray) format_problems = g_ptr_array_new_with_free_func (g_free);
  KoersJsonReader r = { problems, funcs, user_data };
  KoersJsonReader header_reader = { format_problems, funcs, user_data };
  gboolean seen[G_N_ELEMENTS (top_fields)] = { FALSE, };
  gboolean is_koers = TRUE;
  gboolean changes_seen = FALSE;
  KoersJsonToken token;

  header->version = 0;
  header->changes_offset = -1;

  token = koers_json_stream_next (s);
  if (token == KOERS_JSON_TOKEN_ERROR)
    return FALSE;

  if (token != KOERS_JSON_TOKEN_BEGIN_OBJECT)
    {
      g_autoptr(JsonNode) root = read_small_node (s, token);
      g_autofree char *found = NULL;

      if (root == NULL || koers_json_stream_next (s) != KOERS_JSON_TOKEN_END)
        return FALSE;
      found = koers_json_describe_node (root);
      koers_json_add_problem (&r, "$", _("expected an object, found %s"), found);
      return FALSE;
    }

  for (;;)
    {
      g_autofree char *name = NULL;
      g_autofree char *member_path = NULL;
      guint field;

      token = koers_json_stream_next (s);
      if (token == KOERS_JSON_TOKEN_END_OBJECT)
        break;
      if (token != KOERS_JSON_TOKEN_MEMBER)
        return FALSE;

      name = g_strdup (koers_json_stream_get_text (s));
      member_path = koers_json_path_member ("$", name);
      for (field = 0; field < G_N_ELEMENTS (top_fields); field++)
        if (strcmp (top_fields[field].name, name) == 0)
          break;

      token = koers_json_stream_next (s);
      if (token == KOERS_JSON_TOKEN_ERROR || token == KOERS_JSON_TOKEN_END)
        return FALSE;

      /* Another kind of file, or another version: only checked as JSON
       * from here on. */
      if (!is_koers)
        {
          if (!koers_json_stream_skip (s, token))
            return FALSE;
          continue;
        }

      if (field < G_N_ELEMENTS (top_fields))
        seen[field] = TRUE;

      switch (field)
        {
        case TOP_FORMAT:
        case TOP_VERSION:
        case TOP_EXPORTED:
        case TOP_ORGANISATION:
          {
            g_autoptr(JsonNode) node = read_small_node (s, token);
            KoersJsonFieldValue value;

            if (node == NULL)
              return FALSE;

            if (field == TOP_FORMAT)
              is_koers = check_format (&header_reader, node);
            else if (field == TOP_VERSION)
              is_koers = check_version (&header_reader, node, &header->version);
            else if (koers_json_read_member (&r, member_path, &top_fields[field], node, &value) &&
                     field == TOP_ORGANISATION && value.present)
              {
                g_free (header->organisation);
                header->organisation = g_strdup (value.text);
              }
            if (field != TOP_FORMAT && field != TOP_VERSION)
              koers_json_clear_values (&value, 1);
          }
          break;

        case TOP_DEPARTMENTS:
          if (!read_stream_list (&r, s, member_path, token, KOERS_JSON_MAX_DEPARTMENTS,
                                 read_department, flags & KOERS_JSON_READ_SKIP_SMALL))
            return FALSE;
          break;

        case TOP_OBJECTIVES:
          if (!read_stream_list (&r, s, member_path, token, KOERS_JSON_MAX_OBJECTIVES,
                                 read_objective, FALSE))
            return FALSE;
          break;

        case TOP_KPIS:
          if (!read_stream_list (&r, s, member_path, token, KOERS_JSON_MAX_KPIS, read_kpi,
                                 flags & KOERS_JSON_READ_SKIP_SMALL))
            return FALSE;
          break;

        case TOP_DISMISSED_FINDINGS:
          if (!read_stream_list (&r, s, member_path, token, KOERS_JSON_MAX_DISMISSED,
                                 read_dismissal, flags & KOERS_JSON_READ_SKIP_SMALL))
            return FALSE;
          break;

        case TOP_CHANGES:
          changes_seen = TRUE;
          header->changes_offset = koers_json_stream_get_token_offset (s);
          if (!read_stream_list (&r, s, member_path, token, KOERS_JSON_MAX_CHANGES, read_change,
                                 flags & KOERS_JSON_READ_SKIP_CHANGES))
            return FALSE;
          break;

        default:
          koers_json_add_problem (&r, member_path, _("unknown member"));
          if (!koers_json_stream_skip (s, token))
            return FALSE;
          break;
        }
    }

  /* Nothing after the document, and all of it JSON. */
  if (koers_json_stream_next (s) != KOERS_JSON_TOKEN_END)
    return FALSE;

  if (is_koers && !seen[TOP_FORMAT])
    {
      koers_json_add_problem (&header_reader, "$.format", _("missing: this is not a Koers file"));
      is_koers = FALSE;
    }
  else if (is_koers && !seen[TOP_VERSION])
    {
      koers_json_add_problem (&header_reader, "$.version", _("missing (it is required)"));
      is_koers = FALSE;
    }

  /* format and version first: a file of another kind or version is not
   * read any further, whatever else it holds. */
  if (!is_koers)
    {
      g_ptr_array_set_size (problems, 0);
      g_ptr_array_extend_and_steal (problems, g_steal_pointer (&format_problems));
      return FALSE;
    }

  /* The change log came with version 2. */
  if (changes_seen && header->version < 2)
    koers_json_add_problem (&r, "$.changes", _("unknown member"));

  for (guint i = 0; i < G_N_ELEMENTS (top_fields); i++)
    {
      if (top_fields[i].required && !seen[i])
        {
          g_autofree char *member_path = koers_json_path_member ("$", top_fields[i].name);

          koers_json_add_problem (&r, member_path, _("missing (it is required)"));
        }
    }

  return TRUE;
}

gboolean
koers_json_read_changes (KoersJsonStream          *s,
                         const KoersJsonReadFuncs *funcs,
                         gpointer                  user_data,
                         GPtrArray                *problems)
{
  KoersJsonReader r = { problems, funcs, user_data };
  KoersJsonToken token = koers_json_stream_next (s);

  return read_stream_list (&r, s, "$.changes", token, KOERS_JSON_MAX_CHANGES, read_change, FALSE);
}
