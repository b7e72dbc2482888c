/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/koers-date.h"
#include "core/koers-kpi-status.h"
#include "core/koers-period.h"
#include "koers-json-capacity.h"
#include "koers-json-fields.h"

/* The entities of a file, each read against its table (the reading itself
 * is in koers-json-fields.c), into detached objects that hold the file's
 * values. */

static const char *
change_entity_name (int value)
{
  static const char *const names[] = {
    "department",
    "objective",
    "key_result",
    "checkin",
    "kpi",
    "kpi_value",
    /* Schema 7; resource requests are an objective's columns, so their
     * history is the objective's. */
    "capacity",
    "escalation",
  };

  return value >= 0 && value < (int) G_N_ELEMENTS (names) ? names[value] : NULL;
}

gboolean
koers_json_change_entity_known (const char *entity)
{
  for (int i = 0; change_entity_name (i) != NULL; i++)
    if (g_strcmp0 (change_entity_name (i), entity) == 0)
      return TRUE;
  return FALSE;
}

static const char *
change_op_name (int value)
{
  return value >= KOERS_CHANGE_INSERT && value <= KOERS_CHANGE_DELETE
           ? koers_change_operation_to_string ((KoersChangeOperation) value)
           : NULL;
}

enum
{
  TOP_FORMAT,
  TOP_VERSION,
  TOP_EXPORTED,
  TOP_ORGANISATION,
  TOP_DEPARTMENTS,
  TOP_OBJECTIVES,
  TOP_DISMISSED_FINDINGS,
  TOP_KPIS,
  TOP_CHANGES
};
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

enum
{
  CH_KEY,
  CH_AT,
  CH_AUTHOR,
  CH_ENTITY,
  CH_UUID,
  CH_PARENT,
  CH_OP,
  CH_FIELDS
};
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

enum
{
  DF_KEY,
  DF_DISMISSED
};
static const KoersJsonFieldSpec dismissal_fields[] = {
  { "key", KOERS_JSON_FIELD_NAME, TRUE, NULL },
  { "dismissed", KOERS_JSON_FIELD_STAMP, TRUE, NULL },
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
  g_free (item->key_result_uuid);
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
koers_import_kind_path (KoersImportKind kind,
                        const guint    *index)
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
    case KOERS_IMPORT_CAPACITIES:
      return g_strdup_printf ("$.departments[%u].capacities[%u]", index[1], index[0]);
    case KOERS_IMPORT_ESCALATIONS:
      return g_strdup_printf ("$.objectives[%u].escalations[%u]", index[1], index[0]);
    case KOERS_IMPORT_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static KoersImportItem *
new_item (KoersImportKind kind,
          const char     *path,
          gpointer        object,
          const char     *uuid,
          const char     *owner_uuid,
          guint           index,
          const guint    *owner_index)
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

/* Every reader of a top-level list's element: the item at path (index in
 * its list); the owner's uuid and place are NULL there. */
typedef void (*ReadItemFunc) (KoersJsonReader *r,
                              gconstpointer    data,
                              const char      *path,
                              JsonNode        *node,
                              guint            index);

/* How a file holds an entity: its members come from the entity's column
 * table (koers-store-columns.c); what the table cannot say is here. */
typedef struct _EntityFormat EntityFormat;
struct _EntityFormat
{
  const KoersEntity  *entity;
  KoersImportKind     kind;
  const char         *list; /* the member that holds what it owns, or NULL */
  guint               max_list;
  const EntityFormat *child; /* what that list holds */
  /* Checks across members, after each member is read. */
  gboolean (*check) (KoersJsonReader           *r,
                     const char                *path,
                     const KoersJsonFieldSpec  *specs,
                     guint                      n_specs,
                     const KoersJsonFieldValue *values);
  /* A second list (schema 7: a department's capacities, an objective's
   * escalations), or NULL. */
  const char         *list2;
  guint               max_list2;
  const EntityFormat *child2;
};

/* The members of an entity, once per process: specs[i] is column[i]'s,
 * or, for column[i] == -1, the list's (-2: the second list's). */
typedef struct
{
  KoersJsonFieldSpec specs[KOERS_JSON_MAX_FIELDS];
  int                column[KOERS_JSON_MAX_FIELDS];
  guint              n;
} EntitySpecs;

static KoersJsonFieldType
get_field_type (const KoersColumn *column)
{
  gboolean required = (column->json_flags & KOERS_JSON_REQUIRED) != 0;

  switch (column->json)
    {
    case KOERS_JSON_NAME:
      return KOERS_JSON_FIELD_NAME;
    case KOERS_JSON_NOTE:
      return KOERS_JSON_FIELD_NOTE;
    case KOERS_JSON_DATE:
      return required ? KOERS_JSON_FIELD_DATE : KOERS_JSON_FIELD_OPTIONAL_DATE;
    case KOERS_JSON_PERIOD:
      return KOERS_JSON_FIELD_PERIOD;
    case KOERS_JSON_ORDER:
      return KOERS_JSON_FIELD_ORDER;
    case KOERS_JSON_WEIGHT:
      return KOERS_JSON_FIELD_WEIGHT;
    case KOERS_JSON_PLAIN:
      break;
    case KOERS_JSON_NONE:
    default:
      g_assert_not_reached ();
    }

  switch (column->kind)
    {
    case KOERS_COLUMN_UUID:
      return KOERS_JSON_FIELD_UUID;
    case KOERS_COLUMN_LINK:
      return required ? KOERS_JSON_FIELD_UUID : KOERS_JSON_FIELD_LINK;
    case KOERS_COLUMN_TEXT:
      return KOERS_JSON_FIELD_TEXT;
    case KOERS_COLUMN_INT:
      return KOERS_JSON_FIELD_INTEGER;
    case KOERS_COLUMN_STAMP:
      return KOERS_JSON_FIELD_STAMP;
    case KOERS_COLUMN_DOUBLE:
      return KOERS_JSON_FIELD_NUMBER;
    case KOERS_COLUMN_BOOL:
      return KOERS_JSON_FIELD_BOOL;
    case KOERS_COLUMN_ENUM:
      return KOERS_JSON_FIELD_ENUM;
    case KOERS_COLUMN_GRADE:
      return KOERS_JSON_FIELD_GRADE;
    case KOERS_COLUMN_ID:
    case KOERS_COLUMN_VERSION:
    default:
      g_assert_not_reached ();
    }
}

static EntitySpecs *
build_specs (const EntityFormat *format)
{
  const KoersEntity *entity = format->entity;
  EntitySpecs       *specs = g_new0 (EntitySpecs, 1);

  for (guint i = 0; i < entity->n_columns; i++)
    {
      const KoersColumn  *column = &entity->columns[i];
      KoersJsonFieldSpec *spec = &specs->specs[specs->n];

      if (column->json == KOERS_JSON_NONE)
        continue;
      spec->name = koers_column_get_json_name (column);
      spec->type = get_field_type (column);
      spec->required = (column->json_flags & KOERS_JSON_REQUIRED) != 0;
      if (column->kind == KOERS_COLUMN_ENUM)
        spec->enum_class = G_PARAM_SPEC_ENUM (koers_entity_get_pspec (entity, i))->enum_class;
      specs->column[specs->n++] = (int) i;
    }

  if (format->list != NULL)
    {
      specs->specs[specs->n].name = format->list;
      specs->specs[specs->n].type = KOERS_JSON_FIELD_LIST;
      specs->column[specs->n++] = -1;
    }
  if (format->list2 != NULL)
    {
      specs->specs[specs->n].name = format->list2;
      specs->specs[specs->n].type = KOERS_JSON_FIELD_LIST;
      specs->column[specs->n++] = -2;
    }

  g_assert (specs->n <= KOERS_JSON_MAX_FIELDS);
  return specs;
}

static const EntitySpecs *
get_specs (const EntityFormat *format)
{
  static GHashTable *cache; /* format -> EntitySpecs, for the life of the process */
  static GMutex      lock;
  EntitySpecs       *specs;

  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new (NULL, NULL);
  specs = g_hash_table_lookup (cache, format);
  if (specs == NULL)
    {
      specs = build_specs (format);
      g_hash_table_insert (cache, (gpointer) format, specs);
    }
  g_mutex_unlock (&lock);
  return specs;
}

const KoersJsonFieldValue *
koers_json_find_value (const KoersJsonFieldSpec  *specs,
                       guint                      n_specs,
                       const KoersJsonFieldValue *values,
                       const char                *name)
{
  for (guint i = 0; i < n_specs; i++)
    if (strcmp (specs[i].name, name) == 0)
      return &values[i];
  g_return_val_if_reached (NULL);
}

/* Where an item keeps the uuid a link points at: a link to the owner as
 * the owner; the others are matched by koers-json-match.c, which knows
 * each. */
static char **
get_link_slot (KoersImportItem   *item,
               const KoersColumn *column)
{
  if (column->flags & KOERS_COLUMN_PARENT)
    return &item->owner_uuid;
  if (strcmp (column->column, "aligned_to_id") == 0)
    return &item->aligned_uuid;
  if (strcmp (column->column, "carried_over_from_id") == 0)
    return &item->carried_uuid;
  if (strcmp (column->column, "kpi_id") == 0)
    return &item->kpi_uuid;
  if (strcmp (column->column, "key_result_id") == 0)
    return &item->key_result_uuid;
  g_return_val_if_reached (NULL);
}

/* A member's value for its property.  One the file left out is the
 * property's default (a weight of 1, not graded, false), but for an order,
 * which is the row's index in its list, and text, which is "" (a date:
 * none). */
static void
get_property_value (const KoersColumn         *column,
                    GParamSpec                *pspec,
                    const KoersJsonFieldValue *v,
                    guint                      index,
                    GValue                    *value)
{
  g_value_init (value, pspec->value_type);
  switch (column->kind)
    {
    case KOERS_COLUMN_UUID:
    case KOERS_COLUMN_TEXT:
      if (column->json == KOERS_JSON_DATE)
        g_value_set_string (value, v->present ? v->text : NULL);
      else
        g_value_set_string (value, koers_json_value_text (v));
      return;
    case KOERS_COLUMN_INT:
      if (v->present || column->json == KOERS_JSON_ORDER)
        g_value_set_int (value, v->present ? (int) v->integer : (int) index);
      break;
    case KOERS_COLUMN_STAMP:
      if (v->present)
        g_value_set_int64 (value, v->integer);
      break;
    case KOERS_COLUMN_DOUBLE:
    case KOERS_COLUMN_GRADE:
      if (v->present)
        g_value_set_double (value, v->number);
      break;
    case KOERS_COLUMN_BOOL:
      if (v->present)
        g_value_set_boolean (value, v->boolean);
      break;
    case KOERS_COLUMN_ENUM:
      if (v->present)
        g_value_set_enum (value, v->enum_value);
      break;
    case KOERS_COLUMN_ID:
    case KOERS_COLUMN_LINK:
    case KOERS_COLUMN_VERSION:
    default:
      g_assert_not_reached ();
    }

  if (!v->present && column->json != KOERS_JSON_ORDER)
    g_param_value_set_default (pspec, value);
}

/* The file's values as a new object, and the uuids it links to. */
static void
fill_item (KoersImportItem           *item,
           const KoersEntity         *entity,
           const EntitySpecs         *specs,
           const KoersJsonFieldValue *v)
{
  const char *names[KOERS_JSON_MAX_FIELDS];
  GValue      values[KOERS_JSON_MAX_FIELDS] = { G_VALUE_INIT };
  guint       n = 0;

  item->object = koers_entity_new_object (entity);
  for (guint i = 0; i < specs->n; i++)
    {
      const KoersColumn *column;
      GParamSpec        *pspec;

      if (specs->column[i] < 0)
        continue;
      column = &entity->columns[specs->column[i]];
      if (column->kind == KOERS_COLUMN_LINK)
        {
          *get_link_slot (item, column) = g_strdup (v[i].present ? v[i].text : NULL);
          continue;
        }
      if (column->kind == KOERS_COLUMN_UUID)
        item->uuid = g_strdup (v[i].text);
      pspec = koers_entity_get_pspec (entity, specs->column[i]);
      names[n] = pspec->name;
      get_property_value (column, pspec, &v[i], item->index[0], &values[n]);
      n++;
    }

  g_object_setv (item->object, n, names, values);
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);
}

static void read_entity (KoersJsonReader    *r,
                         const EntityFormat *format,
                         const char         *path,
                         JsonNode           *node,
                         guint               index,
                         const char         *owner_uuid,
                         const guint        *owner_index);

/* Reads each element of list (of child entities) when there are at most
 * max of them. */
static void
read_list (KoersJsonReader    *r,
           const char         *list_path,
           JsonArray          *list,
           const EntityFormat *child,
           guint               max,
           const char         *owner_uuid,
           const guint        *owner_index)
{
  if (!koers_json_check_list_length (r, list_path, list, max))
    return;

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      g_autofree char *item_path = koers_json_path_index (list_path, i);

      read_entity (r, child, item_path, json_array_get_element (list, i), i, owner_uuid,
                   owner_index);
    }
}

/* An entity of the file, then what its list holds (read even when the
 * entity is wrong: one run reports as much as it can). */
static void
read_entity (KoersJsonReader    *r,
             const EntityFormat *format,
             const char         *path,
             JsonNode           *node,
             guint               index,
             const char         *owner_uuid,
             const guint        *owner_index)
{
  const EntitySpecs  *specs = get_specs (format);
  KoersJsonFieldValue v[KOERS_JSON_MAX_FIELDS];
  const char         *uuid = NULL;
  gboolean            ok;

  ok = koers_json_read_object (r, path, node, specs->specs, specs->n, v) &&
       (format->check == NULL || format->check (r, path, specs->specs, specs->n, v));

  if (ok)
    {
      KoersImportItem *item = new_item (format->kind, path, NULL, NULL, owner_uuid, index,
                                        owner_index);

      fill_item (item, format->entity, specs, v);
      uuid = koers_json_find_value (specs->specs, specs->n, v, "uuid")->text;
      emit_item (r, item);
    }

  for (guint i = 0; i < specs->n; i++)
    if (specs->column[i] < 0 && v[i].present)
      {
        gboolean         second = specs->column[i] == -2;
        g_autofree char *list_path = koers_json_path_member (path, second ? format->list2
                                                                          : format->list);
        guint            here[2] = { index, owner_index != NULL ? owner_index[0] : 0 };

        read_list (r, list_path, v[i].list, second ? format->child2 : format->child,
                   second ? format->max_list2 : format->max_list, uuid, here);
      }

  koers_json_clear_values (v, specs->n);
}

/* The thresholds must lie the way koers-kpi-status.h says. */
static gboolean
check_thresholds (KoersJsonReader           *r,
                  const char                *path,
                  const KoersJsonFieldSpec  *specs,
                  guint                      n_specs,
                  const KoersJsonFieldValue *v)
{
  KoersKpiDirection direction = koers_json_find_value (specs, n_specs, v, "direction")->enum_value;
  double            healthy = koers_json_find_value (specs, n_specs, v, "healthy")->number;
  double            attention = koers_json_find_value (specs, n_specs, v, "attention")->number;
  g_autofree char  *member_path = NULL;

  if (koers_kpi_check_thresholds (direction, healthy, attention))
    return TRUE;

  member_path = koers_json_path_member (path, "attention");
  if (direction == KOERS_KPI_DIRECTION_LOWER)
    return koers_json_add_problem (r->problems, member_path,
                                   _ ("must not be below “healthy” when the direction is “lower”"));
  return koers_json_add_problem (r->problems, member_path,
                                 _ ("must not be above “healthy” when the direction is “higher”"));
}

static const EntityFormat checkin_format = {
  &koers_entity_checkin,
  KOERS_IMPORT_CHECKINS,
  NULL,
  0,
  NULL,
  NULL,
  NULL,
  0,
  NULL,
};
static const EntityFormat capacity_format = {
  &koers_entity_capacity,
  KOERS_IMPORT_CAPACITIES,
  NULL,
  0,
  NULL,
  koers_json_check_capacity,
  NULL,
  0,
  NULL,
};
static const EntityFormat escalation_format = {
  &koers_entity_escalation,
  KOERS_IMPORT_ESCALATIONS,
  NULL,
  0,
  NULL,
  koers_json_check_escalation,
  NULL,
  0,
  NULL,
};
static const EntityFormat key_result_format = {
  &koers_entity_key_result,
  KOERS_IMPORT_KEY_RESULTS,
  "checkins",
  KOERS_JSON_MAX_CHECKINS,
  &checkin_format,
  NULL,
  NULL,
  0,
  NULL,
};
static const EntityFormat objective_format = {
  &koers_entity_objective,
  KOERS_IMPORT_OBJECTIVES,
  "key_results",
  KOERS_JSON_MAX_KEY_RESULTS,
  &key_result_format,
  NULL,
  "escalations",
  KOERS_JSON_MAX_ESCALATIONS,
  &escalation_format,
};
static const EntityFormat department_format = {
  &koers_entity_department,
  KOERS_IMPORT_DEPARTMENTS,
  NULL,
  0,
  NULL,
  NULL,
  "capacities",
  KOERS_JSON_MAX_CAPACITIES,
  &capacity_format,
};
static const EntityFormat kpi_value_format = {
  &koers_entity_kpi_value,
  KOERS_IMPORT_KPI_VALUES,
  NULL,
  0,
  NULL,
  NULL,
  NULL,
  0,
  NULL,
};
static const EntityFormat kpi_format = {
  &koers_entity_kpi,
  KOERS_IMPORT_KPIS,
  "values",
  KOERS_JSON_MAX_KPI_VALUES,
  &kpi_value_format,
  check_thresholds,
  NULL,
  0,
  NULL,
};

/* A top-level list's entity: data is its EntityFormat. */
static void
read_top_entity (KoersJsonReader *r,
                 gconstpointer    data,
                 const char      *path,
                 JsonNode        *node,
                 guint            index)
{
  read_entity (r, data, path, node, index, NULL, NULL);
}

static void
read_dismissal (KoersJsonReader *r,
                gconstpointer    data,
                const char      *path,
                JsonNode        *node,
                guint            index)
{
  KoersJsonFieldValue   v[G_N_ELEMENTS (dismissal_fields)];
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
             gconstpointer    data,
             const char      *path,
             JsonNode        *node,
             guint            index)
{
  KoersJsonFieldValue v[G_N_ELEMENTS (change_fields)];
  KoersImportChange  *change;
  GString            *fields;

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
  double           number;

  if (!koers_json_node_is_number (version) ||
      json_node_get_double (version) != floor (json_node_get_double (version)))
    return koers_json_add_problem (r->problems, "$.version", _ ("expected a whole number, found %s"), found);

  number = json_node_get_double (version);
  if (number > KOERS_JSON_FORMAT_VERSION)
    return koers_json_add_problem (r->problems, "$.version",
                                   _ ("the file is from a newer Koers (format version %s); this Koers reads "
                                      "version %d"),
                                   found, KOERS_JSON_FORMAT_VERSION);

  if (number < KOERS_JSON_FORMAT_VERSION_MIN)
    return koers_json_add_problem (r->problems, "$.version",
                                   _ ("unknown format version %s; this Koers reads versions %d to %d"),
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
  return koers_json_add_problem (r->problems, "$.format",
                                 _ ("this is not a Koers file (expected \"%s\", found %s)"),
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
                  gconstpointer    data,
                  gboolean         skip)
{
  guint index = 0;

  if (token != KOERS_JSON_TOKEN_BEGIN_ARRAY)
    {
      g_autoptr (JsonNode) node = read_small_node (s, token);
      g_autofree char *found = NULL;

      if (node == NULL)
        return FALSE;
      found = koers_json_describe_node (node);
      koers_json_add_problem (r->problems, list_path, _ ("expected a list, found %s"), found);
      return TRUE;
    }

  if (skip)
    return koers_json_stream_skip (s, token);

  for (;;)
    {
      g_autoptr (JsonNode) node = NULL;
      g_autofree char *item_path = NULL;

      token = koers_json_stream_next (s);
      if (token == KOERS_JSON_TOKEN_END_ARRAY)
        return TRUE;
      if (token == KOERS_JSON_TOKEN_ERROR || token == KOERS_JSON_TOKEN_END)
        return FALSE;

      if (index == max)
        koers_json_add_problem (r->problems, list_path, _ ("more than %u entries"), max);

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
      read_item (r, data, item_path, node, index);
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
  g_autoptr (GPtrArray) format_problems = g_ptr_array_new_with_free_func (g_free);
  KoersJsonReader r = { problems, funcs, user_data };
  KoersJsonReader header_reader = { format_problems, funcs, user_data };
  gboolean        seen[G_N_ELEMENTS (top_fields)] = {
           FALSE,
  };
  gboolean       is_koers = TRUE;
  gboolean       changes_seen = FALSE;
  KoersJsonToken token;

  header->version = 0;
  header->changes_offset = -1;

  token = koers_json_stream_next (s);
  if (token == KOERS_JSON_TOKEN_ERROR)
    return FALSE;

  if (token != KOERS_JSON_TOKEN_BEGIN_OBJECT)
    {
      g_autoptr (JsonNode) root = read_small_node (s, token);
      g_autofree char *found = NULL;

      if (root == NULL || koers_json_stream_next (s) != KOERS_JSON_TOKEN_END)
        return FALSE;
      found = koers_json_describe_node (root);
      koers_json_add_problem (r.problems, "$", _ ("expected an object, found %s"), found);
      return FALSE;
    }

  for (;;)
    {
      g_autofree char *name = NULL;
      g_autofree char *member_path = NULL;
      guint            field;

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
            g_autoptr (JsonNode) node = read_small_node (s, token);
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
                                 read_top_entity, &department_format,
                                 flags & KOERS_JSON_READ_SKIP_SMALL))
            return FALSE;
          break;

        case TOP_OBJECTIVES:
          if (!read_stream_list (&r, s, member_path, token, KOERS_JSON_MAX_OBJECTIVES,
                                 read_top_entity, &objective_format, FALSE))
            return FALSE;
          break;

        case TOP_KPIS:
          if (!read_stream_list (&r, s, member_path, token, KOERS_JSON_MAX_KPIS, read_top_entity,
                                 &kpi_format, flags & KOERS_JSON_READ_SKIP_SMALL))
            return FALSE;
          break;

        case TOP_DISMISSED_FINDINGS:
          if (!read_stream_list (&r, s, member_path, token, KOERS_JSON_MAX_DISMISSED,
                                 read_dismissal, NULL, flags & KOERS_JSON_READ_SKIP_SMALL))
            return FALSE;
          break;

        case TOP_CHANGES:
          changes_seen = TRUE;
          header->changes_offset = koers_json_stream_get_token_offset (s);
          if (!read_stream_list (&r, s, member_path, token, KOERS_JSON_MAX_CHANGES, read_change,
                                 NULL, flags & KOERS_JSON_READ_SKIP_CHANGES))
            return FALSE;
          break;

        default:
          koers_json_add_problem (r.problems, member_path, _ ("unknown member"));
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
      koers_json_add_problem (header_reader.problems, "$.format", _ ("missing: this is not a Koers file"));
      is_koers = FALSE;
    }
  else if (is_koers && !seen[TOP_VERSION])
    {
      koers_json_add_problem (header_reader.problems, "$.version", _ ("missing (it is required)"));
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
    koers_json_add_problem (r.problems, "$.changes", _ ("unknown member"));

  for (guint i = 0; i < G_N_ELEMENTS (top_fields); i++)
    {
      if (top_fields[i].required && !seen[i])
        {
          g_autofree char *member_path = koers_json_path_member ("$", top_fields[i].name);

          koers_json_add_problem (r.problems, member_path, _ ("missing (it is required)"));
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
  KoersJsonToken  token = koers_json_stream_next (s);

  return read_stream_list (&r, s, "$.changes", token, KOERS_JSON_MAX_CHANGES, read_change, NULL,
                           FALSE);
}
