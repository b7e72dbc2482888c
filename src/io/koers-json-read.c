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

enum { TOP_FORMAT, TOP_VERSION, TOP_EXPORTED, TOP_ORGANISATION, TOP_DEPARTMENTS, TOP_OBJECTIVES,
       TOP_DISMISSED_FINDINGS, TOP_KPIS };
static const KoersJsonFieldSpec top_fields[] = {
  { "format", KOERS_JSON_FIELD_TEXT, TRUE, NULL },
  { "version", KOERS_JSON_FIELD_VERSION, TRUE, NULL },
  { "exported", KOERS_JSON_FIELD_STAMP, FALSE, NULL },
  { "organisation", KOERS_JSON_FIELD_TEXT, FALSE, NULL },
  { "departments", KOERS_JSON_FIELD_LIST, TRUE, NULL },
  { "objectives", KOERS_JSON_FIELD_LIST, TRUE, NULL },
  { "dismissed_findings", KOERS_JSON_FIELD_LIST, FALSE, NULL },
  { "kpis", KOERS_JSON_FIELD_LIST, FALSE, NULL },
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
  { "description", KOERS_JSON_FIELD_TEXT, FALSE, NULL },
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
  { "postmortem", KOERS_JSON_FIELD_TEXT, FALSE, NULL },
  { "final_grade", KOERS_JSON_FIELD_GRADE, FALSE, NULL },
  { "review_note", KOERS_JSON_FIELD_TEXT, FALSE, NULL },
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
  { "personal_data_note", KOERS_JSON_FIELD_TEXT, FALSE, NULL },
  { "position", KOERS_JSON_FIELD_ORDER, FALSE, NULL },
  { "created", KOERS_JSON_FIELD_STAMP, TRUE, NULL },
  { "updated", KOERS_JSON_FIELD_STAMP, TRUE, NULL },
  { "checkins", KOERS_JSON_FIELD_LIST, FALSE, NULL },
  { "final_score", KOERS_JSON_FIELD_GRADE, FALSE, NULL },
  { "final_note", KOERS_JSON_FIELD_TEXT, FALSE, NULL },
  { "kpi", KOERS_JSON_FIELD_LINK, FALSE, NULL },
};

enum { C_UUID, C_DATE, C_VALUE, C_STATUS, C_NOTE, C_AUTHOR, C_CREATED, C_UPDATED };
static const KoersJsonFieldSpec checkin_fields[] = {
  { "uuid", KOERS_JSON_FIELD_UUID, TRUE, NULL },
  { "date", KOERS_JSON_FIELD_DATE, TRUE, NULL },
  { "value", KOERS_JSON_FIELD_NUMBER, TRUE, NULL },
  { "status", KOERS_JSON_FIELD_ENUM, FALSE, checkin_status_name },
  { "note", KOERS_JSON_FIELD_TEXT, FALSE, NULL },
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
  { "note", KOERS_JSON_FIELD_TEXT, FALSE, NULL },
  { "created", KOERS_JSON_FIELD_STAMP, TRUE, NULL },
  { "updated", KOERS_JSON_FIELD_STAMP, TRUE, NULL },
};

static void
item_free (KoersImportItem *item)
{
  g_free (item->path);
  g_clear_object (&item->object);
  g_free (item->uuid);
  g_free (item->owner_uuid);
  g_free (item->aligned_uuid);
  g_free (item->carried_uuid);
  g_free (item->kpi_uuid);
  g_clear_object (&item->match);
  g_free (item);
}

static void
dismissal_free (KoersImportDismissal *dismissal)
{
  g_free (dismissal->path);
  g_free (dismissal->key);
  g_free (dismissal);
}

void
koers_json_document_init (KoersJsonDocument *doc)
{
  for (guint i = 0; i < KOERS_IMPORT_N_KINDS; i++)
    doc->items[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  doc->dismissals = g_ptr_array_new_with_free_func ((GDestroyNotify) dismissal_free);
  doc->organisation = NULL;
}

void
koers_json_document_clear (KoersJsonDocument *doc)
{
  for (guint i = 0; i < KOERS_IMPORT_N_KINDS; i++)
    g_clear_pointer (&doc->items[i], g_ptr_array_unref);
  g_clear_pointer (&doc->dismissals, g_ptr_array_unref);
  g_clear_pointer (&doc->organisation, g_free);
}

static KoersImportItem *
new_item (KoersImportKind  kind,
          const char      *path,
          gpointer         object,
          const char      *uuid,
          const char      *owner_uuid)
{
  KoersImportItem *item = g_new0 (KoersImportItem, 1);

  item->kind = kind;
  item->path = g_strdup (path);
  item->object = object;
  item->uuid = g_strdup (uuid);
  item->owner_uuid = g_strdup (owner_uuid);
  return item;
}

/* Every entity reader: the item at path (index in its list), and the
 * uuid of what holds it (NULL for a top-level list or a wrong owner). */
typedef void (*ReadItemFunc) (KoersJsonReader *r,
                              const char      *path,
                              JsonNode        *node,
                              guint            index,
                              const char      *owner_uuid);

/* Reads each element of list when there are at most max of them. */
static void
read_list (KoersJsonReader *r,
           const char      *list_path,
           JsonArray       *list,
           guint            max,
           ReadItemFunc     read_item,
           const char      *owner_uuid)
{
  if (!koers_json_check_list_length (r, list_path, list, max))
    return;

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      g_autofree char *item_path = koers_json_path_index (list_path, i);

      read_item (r, item_path, json_array_get_element (list, i), i, owner_uuid);
    }
}

static void
read_checkin (KoersJsonReader *r,
              const char      *path,
              JsonNode        *node,
              guint            index,
              const char      *kr_uuid)
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

  g_ptr_array_add (r->doc->items[KOERS_IMPORT_CHECKINS],
                   new_item (KOERS_IMPORT_CHECKINS, path, checkin, v[C_UUID].text, kr_uuid));

out:
  koers_json_clear_values (v, G_N_ELEMENTS (v));
}

static void
read_key_result (KoersJsonReader *r,
                 const char      *path,
                 JsonNode        *node,
                 guint            index,
                 const char      *objective_uuid)
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

      item = new_item (KOERS_IMPORT_KEY_RESULTS, path, kr, v[K_UUID].text, objective_uuid);
      item->kpi_uuid = g_strdup (v[K_KPI].present ? v[K_KPI].text : NULL);
      g_ptr_array_add (r->doc->items[KOERS_IMPORT_KEY_RESULTS], item);
    }

  /* Check-ins are read even when the key result is wrong: one run
   * reports as much as it can. */
  if (v[K_CHECKINS].present)
    {
      g_autofree char *list_path = koers_json_path_member (path, "checkins");

      read_list (r, list_path, v[K_CHECKINS].list, KOERS_JSON_MAX_CHECKINS, read_checkin,
                 ok ? v[K_UUID].text : NULL);
    }

  koers_json_clear_values (v, G_N_ELEMENTS (v));
}

static void
read_objective (KoersJsonReader *r,
                const char      *path,
                JsonNode        *node,
                guint            index,
                const char      *owner_uuid)
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
                       v[O_DEPARTMENT].text);
      item->aligned_uuid = g_strdup (v[O_ALIGNED_TO].present ? v[O_ALIGNED_TO].text : NULL);
      item->carried_uuid = g_strdup (v[O_CARRIED_OVER_FROM].present ? v[O_CARRIED_OVER_FROM].text
                                                                    : NULL);
      g_ptr_array_add (r->doc->items[KOERS_IMPORT_OBJECTIVES], item);
    }

  if (v[O_KEY_RESULTS].present)
    {
      g_autofree char *list_path = koers_json_path_member (path, "key_results");

      read_list (r, list_path, v[O_KEY_RESULTS].list, KOERS_JSON_MAX_KEY_RESULTS, read_key_result,
                 ok ? v[O_UUID].text : NULL);
    }

  koers_json_clear_values (v, G_N_ELEMENTS (v));
}

static void
read_department (KoersJsonReader *r,
                 const char      *path,
                 JsonNode        *node,
                 guint            index,
                 const char      *owner_uuid)
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

  g_ptr_array_add (r->doc->items[KOERS_IMPORT_DEPARTMENTS],
                   new_item (KOERS_IMPORT_DEPARTMENTS, path, dept, v[D_UUID].text,
                             v[D_PARENT].present ? v[D_PARENT].text : NULL));

out:
  koers_json_clear_values (v, G_N_ELEMENTS (v));
}

static void
read_kpi_value (KoersJsonReader *r,
                const char      *path,
                JsonNode        *node,
                guint            index,
                const char      *kpi_uuid)
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

  g_ptr_array_add (r->doc->items[KOERS_IMPORT_KPI_VALUES],
                   new_item (KOERS_IMPORT_KPI_VALUES, path, value, v[V_UUID].text, kpi_uuid));

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
          const char      *owner_uuid)
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

      g_ptr_array_add (r->doc->items[KOERS_IMPORT_KPIS],
                       new_item (KOERS_IMPORT_KPIS, path, kpi, v[P_UUID].text,
                                 v[P_DEPARTMENT].text));
    }

  /* Values are read even when the KPI is wrong: one run reports as much
   * as it can. */
  if (v[P_VALUES].present)
    {
      g_autofree char *list_path = koers_json_path_member (path, "values");

      read_list (r, list_path, v[P_VALUES].list, KOERS_JSON_MAX_KPI_VALUES, read_kpi_value,
                 ok ? v[P_UUID].text : NULL);
    }

  koers_json_clear_values (v, G_N_ELEMENTS (v));
}

static void
read_dismissal (KoersJsonReader *r,
                const char      *path,
                JsonNode        *node,
                guint            index,
                const char      *owner_uuid)
{
  KoersJsonFieldValue v[G_N_ELEMENTS (dismissal_fields)];
  KoersImportDismissal *dismissal;

  if (koers_json_read_object (r, path, node, dismissal_fields, G_N_ELEMENTS (dismissal_fields), v))
    {
      dismissal = g_new0 (KoersImportDismissal, 1);
      dismissal->path = g_strdup (path);
      dismissal->key = g_strdup (v[DF_KEY].text);
      dismissal->dismissed_at = v[DF_DISMISSED].integer;
      g_ptr_array_add (r->doc->dismissals, dismissal);
    }

  koers_json_clear_values (v, G_N_ELEMENTS (v));
}

/* format and version first: a file of another kind or version is not
 * read any further. */
static gboolean
check_format (KoersJsonReader *r,
              JsonObject      *object)
{
  JsonNode *format = json_object_get_member (object, "format");
  JsonNode *version = json_object_get_member (object, "version");
  g_autofree char *found = NULL;

  if (format == NULL)
    {
      koers_json_add_problem (r, "$.format", _("missing: this is not a Koers file"));
      return FALSE;
    }

  if (!koers_json_node_is_string (format) ||
      strcmp (json_node_get_string (format), KOERS_JSON_FORMAT) != 0)
    {
      found = koers_json_describe_node (format);
      koers_json_add_problem (r, "$.format",
                              _("this is not a Koers file (expected \"%s\", found %s)"),
                              KOERS_JSON_FORMAT, found);
      return FALSE;
    }

  if (version == NULL)
    {
      koers_json_add_problem (r, "$.version", _("missing (it is required)"));
      return FALSE;
    }

  found = koers_json_describe_node (version);
  if (!koers_json_node_is_number (version) ||
      json_node_get_double (version) != floor (json_node_get_double (version)))
    {
      koers_json_add_problem (r, "$.version", _("expected a whole number, found %s"), found);
      return FALSE;
    }

  if (json_node_get_double (version) > KOERS_JSON_FORMAT_VERSION)
    {
      koers_json_add_problem (r, "$.version",
                              _("the file is from a newer Koers (format version %s); this Koers reads "
                     "version %d"),
                              found, KOERS_JSON_FORMAT_VERSION);
      return FALSE;
    }

  if (json_node_get_double (version) != KOERS_JSON_FORMAT_VERSION)
    {
      koers_json_add_problem (r, "$.version",
                              _("unknown format version %s; this Koers reads version %d"),
                              found, KOERS_JSON_FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}

gboolean
koers_json_read_document (JsonNode          *root,
                          KoersJsonDocument *doc,
                          GPtrArray         *problems)
{
  KoersJsonReader r = { problems, doc };
  KoersJsonFieldValue v[G_N_ELEMENTS (top_fields)];

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autofree char *found = koers_json_describe_node (root);

      koers_json_add_problem (&r, "$", _("expected an object, found %s"), found);
      return FALSE;
    }

  if (!check_format (&r, json_node_get_object (root)))
    return FALSE;

  koers_json_read_object (&r, "$", root, top_fields, G_N_ELEMENTS (top_fields), v);

  if (v[TOP_ORGANISATION].present)
    doc->organisation = g_strdup (v[TOP_ORGANISATION].text);

  if (v[TOP_DEPARTMENTS].present)
    read_list (&r, "$.departments", v[TOP_DEPARTMENTS].list, KOERS_JSON_MAX_DEPARTMENTS,
               read_department, NULL);

  if (v[TOP_OBJECTIVES].present)
    read_list (&r, "$.objectives", v[TOP_OBJECTIVES].list, KOERS_JSON_MAX_OBJECTIVES,
               read_objective, NULL);

  if (v[TOP_KPIS].present)
    read_list (&r, "$.kpis", v[TOP_KPIS].list, KOERS_JSON_MAX_KPIS,
               read_kpi, NULL);

  if (v[TOP_DISMISSED_FINDINGS].present)
    read_list (&r, "$.dismissed_findings", v[TOP_DISMISSED_FINDINGS].list, KOERS_JSON_MAX_DISMISSED,
               read_dismissal, NULL);

  koers_json_clear_values (v, G_N_ELEMENTS (v));
  return TRUE;
}
