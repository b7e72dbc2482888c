/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core/koers-capacity.h"
#include "core/koers-checkin.h"
#include "core/koers-escalation.h"
#include "core/koers-department.h"
#include "core/koers-key-result.h"
#include "core/koers-kpi.h"
#include "core/koers-kpi-value.h"
#include "core/koers-objective.h"
#include "koers-store-columns.h"

#define L KOERS_COLUMN_LOGGED
#define P (KOERS_COLUMN_LOGGED | KOERS_COLUMN_PARENT)
#define R KOERS_JSON_REQUIRED
#define O KOERS_JSON_OPTIONAL
#define NONE KOERS_JSON_NONE
#define PLAIN KOERS_JSON_PLAIN
#define NAME KOERS_JSON_NAME
#define NOTE KOERS_JSON_NOTE
#define DATE KOERS_JSON_DATE
#define PERIOD KOERS_JSON_PERIOD
#define ORDER KOERS_JSON_ORDER
#define WEIGHT KOERS_JSON_WEIGHT

/* Each table lists the columns in the order of the table's definition,
 * bookkeeping (id, uuid, stamps, version) included.  The last three
 * fields say how a JSON file holds the column (koers-store-columns.h):
 * R a file must have it, O it is written only when it holds something. */

/* Every table's bookkeeping, the same everywhere: the id and uuid come
 * first, the version last, the stamps where the table has them. */
/* clang-format off */
#define ID_COLUMNS                                          \
  { "id", "id", KOERS_COLUMN_ID, 0, NULL, NONE, 0, NULL },  \
  { "uuid", "uuid", KOERS_COLUMN_UUID, 0, NULL, PLAIN, R, NULL }
#define STAMP_COLUMNS                                                    \
  { "created", "created", KOERS_COLUMN_STAMP, 0, NULL, PLAIN, R, NULL }, \
  { "updated", "updated", KOERS_COLUMN_STAMP, 0, NULL, PLAIN, R, NULL }
#define VERSION_COLUMN { "version", NULL, KOERS_COLUMN_VERSION, 0, NULL, NONE, 0, NULL }
/* clang-format on */

static const KoersColumn department_columns[] = {
  ID_COLUMNS,
  { "name", "name", KOERS_COLUMN_TEXT, L, NULL, NAME, R, NULL },
  { "emoji", "emoji", KOERS_COLUMN_TEXT, L, NULL, PLAIN, 0, NULL },
  { "sort_order", "sort-order", KOERS_COLUMN_INT, L, NULL, ORDER, 0, NULL },
  { "parent_id", "parent-id", KOERS_COLUMN_LINK, P, "departments", PLAIN, 0, "parent" },
  { "is_company", "is-company", KOERS_COLUMN_BOOL, L, NULL, PLAIN, 0, NULL },
  STAMP_COLUMNS,
  VERSION_COLUMN,
};

static const KoersColumn objective_columns[] = {
  ID_COLUMNS,
  { "department_id", "department-id", KOERS_COLUMN_LINK, P, "departments", PLAIN, R, "department" },
  { "title", "title", KOERS_COLUMN_TEXT, L, NULL, NAME, R, NULL },
  { "description", "description", KOERS_COLUMN_TEXT, L, NULL, NOTE, 0, NULL },
  { "level", "level", KOERS_COLUMN_ENUM, L, NULL, PLAIN, R, NULL },
  { "kind", "kind", KOERS_COLUMN_ENUM, L, NULL, PLAIN, R, NULL },
  { "period", "period", KOERS_COLUMN_TEXT, L, NULL, PERIOD, R, NULL },
  { "owner", "owner", KOERS_COLUMN_TEXT, L, NULL, PLAIN, 0, NULL },
  { "aligned_to_id", "aligned-to-id", KOERS_COLUMN_LINK, L, "objectives", PLAIN, 0, "aligned_to" },
  { "state", "state", KOERS_COLUMN_ENUM, L, NULL, PLAIN, R, NULL },
  { "carried_over_from_id", "carried-over-from-id", KOERS_COLUMN_LINK, L, "objectives", PLAIN, 0, "carried_over_from" },
  { "position", "position", KOERS_COLUMN_INT, L, NULL, ORDER, 0, NULL },
  STAMP_COLUMNS,
  { "postmortem", "postmortem", KOERS_COLUMN_TEXT, L, NULL, NOTE, O, NULL },
  { "final_grade", "final-grade", KOERS_COLUMN_GRADE, L, NULL, PLAIN, O, NULL },
  { "review_note", "review-note", KOERS_COLUMN_TEXT, L, NULL, NOTE, O, NULL },
  { "archived", "archived", KOERS_COLUMN_BOOL, L, NULL, PLAIN, O, NULL },
  { "effort_days", "effort-days", KOERS_COLUMN_DOUBLE, L, NULL, PLAIN, O, NULL },
  { "request_days", "request-days", KOERS_COLUMN_DOUBLE, L, NULL, PLAIN, O, NULL },
  { "request_budget", "request-budget", KOERS_COLUMN_DOUBLE, L, NULL, PLAIN, O, NULL },
  { "request_reason", "request-reason", KOERS_COLUMN_TEXT, L, NULL, NOTE, O, NULL },
  { "request_state", "request-state", KOERS_COLUMN_ENUM, L, NULL, PLAIN, O, NULL },
  { "request_note", "request-note", KOERS_COLUMN_TEXT, L, NULL, NOTE, O, NULL },
  VERSION_COLUMN,
};

/* current_value is not logged: it follows the latest check-in, which the
 * log holds itself. */
static const KoersColumn key_result_columns[] = {
  ID_COLUMNS,
  { "objective_id", "objective-id", KOERS_COLUMN_LINK, P, "objectives", NONE, 0, NULL },
  { "title", "title", KOERS_COLUMN_TEXT, L, NULL, NAME, R, NULL },
  { "metric_kind", "metric-kind", KOERS_COLUMN_ENUM, L, NULL, PLAIN, R, NULL },
  { "unit", "unit", KOERS_COLUMN_TEXT, L, NULL, PLAIN, 0, NULL },
  { "start_value", "start-value", KOERS_COLUMN_DOUBLE, L, NULL, PLAIN, R, "start" },
  { "target_value", "target-value", KOERS_COLUMN_DOUBLE, L, NULL, PLAIN, R, "target" },
  { "current_value", "current-value", KOERS_COLUMN_DOUBLE, 0, NULL, PLAIN, R, "current" },
  { "due_date", "due-date", KOERS_COLUMN_TEXT, L, NULL, DATE, 0, NULL },
  { "owner", "owner", KOERS_COLUMN_TEXT, L, NULL, PLAIN, 0, NULL },
  { "weight", "weight", KOERS_COLUMN_DOUBLE, L, NULL, WEIGHT, 0, NULL },
  { "uses_personal_data", "uses-personal-data", KOERS_COLUMN_BOOL, L, NULL, PLAIN, 0, NULL },
  { "personal_data_note", "personal-data-note", KOERS_COLUMN_TEXT, L, NULL, NOTE, 0, NULL },
  { "position", "position", KOERS_COLUMN_INT, L, NULL, ORDER, 0, NULL },
  STAMP_COLUMNS,
  { "final_score", "final-score", KOERS_COLUMN_GRADE, L, NULL, PLAIN, O, NULL },
  { "final_note", "final-note", KOERS_COLUMN_TEXT, L, NULL, NOTE, O, NULL },
  { "kpi_id", "kpi-id", KOERS_COLUMN_LINK, L, "kpis", PLAIN, O, "kpi" },
  VERSION_COLUMN,
};

static const KoersColumn checkin_columns[] = {
  ID_COLUMNS,
  { "key_result_id", "key-result-id", KOERS_COLUMN_LINK, P, "key_results", NONE, 0, NULL },
  { "date", "date", KOERS_COLUMN_TEXT, L, NULL, DATE, R, NULL },
  { "value", "value", KOERS_COLUMN_DOUBLE, L, NULL, PLAIN, R, NULL },
  { "status", "status", KOERS_COLUMN_ENUM, L, NULL, PLAIN, 0, NULL },
  { "note", "note", KOERS_COLUMN_TEXT, L, NULL, NOTE, 0, NULL },
  { "author", "author", KOERS_COLUMN_TEXT, L, NULL, PLAIN, 0, NULL },
  STAMP_COLUMNS,
  VERSION_COLUMN,
};

static const KoersColumn kpi_columns[] = {
  ID_COLUMNS,
  { "department_id", "department-id", KOERS_COLUMN_LINK, P, "departments", PLAIN, R, "department" },
  { "name", "name", KOERS_COLUMN_TEXT, L, NULL, NAME, R, NULL },
  { "unit", "unit", KOERS_COLUMN_TEXT, L, NULL, PLAIN, 0, NULL },
  { "metric_kind", "metric-kind", KOERS_COLUMN_ENUM, L, NULL, PLAIN, R, NULL },
  { "direction", "direction", KOERS_COLUMN_ENUM, L, NULL, PLAIN, R, NULL },
  { "healthy", "healthy", KOERS_COLUMN_DOUBLE, L, NULL, PLAIN, R, NULL },
  { "attention", "attention", KOERS_COLUMN_DOUBLE, L, NULL, PLAIN, R, NULL },
  { "frequency", "frequency", KOERS_COLUMN_ENUM, L, NULL, PLAIN, R, NULL },
  { "position", "position", KOERS_COLUMN_INT, L, NULL, ORDER, 0, NULL },
  STAMP_COLUMNS,
  VERSION_COLUMN,
};

static const KoersColumn kpi_value_columns[] = {
  ID_COLUMNS,
  { "kpi_id", "kpi-id", KOERS_COLUMN_LINK, P, "kpis", NONE, 0, NULL },
  { "date", "date", KOERS_COLUMN_TEXT, L, NULL, DATE, R, NULL },
  { "value", "value", KOERS_COLUMN_DOUBLE, L, NULL, PLAIN, R, NULL },
  { "note", "note", KOERS_COLUMN_TEXT, L, NULL, NOTE, 0, NULL },
  STAMP_COLUMNS,
  VERSION_COLUMN,
};

/* Schema 7: capacity per department and quarter, escalations of an
 * objective or key result (koers-store-capacity.c,
 * koers-store-escalations.c).  Their own store files read and write
 * them; the tables here give their change-log triggers and how a JSON
 * file holds them: a capacity in its department's list, an escalation in
 * its objective's. */
static const KoersColumn capacity_columns[] = {
  ID_COLUMNS,
  { "department_id", "department-id", KOERS_COLUMN_LINK, P, "departments", NONE, 0, NULL },
  { "period", "period", KOERS_COLUMN_TEXT, L, NULL, PERIOD, R, NULL },
  { "days", "days", KOERS_COLUMN_DOUBLE, L, NULL, PLAIN, R, NULL },
  { "budget", "budget", KOERS_COLUMN_DOUBLE, L, NULL, PLAIN, 0, NULL },
  STAMP_COLUMNS,
  VERSION_COLUMN,
};

static const KoersColumn escalation_columns[] = {
  ID_COLUMNS,
  { "objective_id", "objective-id", KOERS_COLUMN_LINK, P, "objectives", NONE, 0, NULL },
  { "key_result_id", "key-result-id", KOERS_COLUMN_LINK, L, "key_results", PLAIN, O, "key_result" },
  { "reason", "reason", KOERS_COLUMN_TEXT, L, NULL, NOTE, R, NULL },
  { "help", "help", KOERS_COLUMN_TEXT, L, NULL, NOTE, R, NULL },
  { "raised_by", "raised-by", KOERS_COLUMN_TEXT, L, NULL, PLAIN, 0, NULL },
  { "raised_at", "raised-at", KOERS_COLUMN_STAMP, 0, NULL, PLAIN, R, NULL },
  { "resolved", "resolved", KOERS_COLUMN_BOOL, L, NULL, PLAIN, 0, NULL },
  { "resolution", "resolution", KOERS_COLUMN_TEXT, L, NULL, NOTE, O, NULL },
  { "resolved_by", "resolved-by", KOERS_COLUMN_TEXT, L, NULL, PLAIN, O, NULL },
  { "resolved_at", "resolved-at", KOERS_COLUMN_STAMP, 0, NULL, PLAIN, O, NULL },
  VERSION_COLUMN,
};

#undef L
#undef P
#undef R
#undef O
#undef NONE
#undef PLAIN
#undef NAME
#undef NOTE
#undef DATE
#undef PERIOD
#undef ORDER
#undef WEIGHT
#undef ID_COLUMNS
#undef STAMP_COLUMNS
#undef VERSION_COLUMN

#define ENTITY(name, table, entity, get_type, columns)                  \
  G_STATIC_ASSERT (G_N_ELEMENTS (columns) <= KOERS_ENTITY_MAX_COLUMNS); \
  const KoersEntity name = { table, entity, get_type, columns, G_N_ELEMENTS (columns) }

ENTITY (koers_entity_department, "departments", "department", koers_department_get_type, department_columns);
ENTITY (koers_entity_objective, "objectives", "objective", koers_objective_get_type, objective_columns);
ENTITY (koers_entity_key_result, "key_results", "key_result", koers_key_result_get_type, key_result_columns);
ENTITY (koers_entity_checkin, "checkins", "checkin", koers_checkin_get_type, checkin_columns);
ENTITY (koers_entity_kpi, "kpis", "kpi", koers_kpi_get_type, kpi_columns);
ENTITY (koers_entity_kpi_value, "kpi_values", "kpi_value", koers_kpi_value_get_type, kpi_value_columns);
ENTITY (koers_entity_capacity, "capacities", "capacity", koers_capacity_get_type, capacity_columns);
ENTITY (koers_entity_escalation, "escalations", "escalation", koers_escalation_get_type, escalation_columns);

static const KoersEntity *const all_entities[] = {
  &koers_entity_department,
  &koers_entity_objective,
  &koers_entity_kpi,
  &koers_entity_key_result,
  &koers_entity_checkin,
  &koers_entity_kpi_value,
};

/* The same and schema 7's, kept by their own store files (koers-store-
 * capacity.c, koers-store-escalations.c); a JSON file holds them too. */
static const KoersEntity *const any_entities[] = {
  &koers_entity_department,
  &koers_entity_objective,
  &koers_entity_kpi,
  &koers_entity_key_result,
  &koers_entity_checkin,
  &koers_entity_kpi_value,
  &koers_entity_capacity,
  &koers_entity_escalation,
};

const KoersEntity *const *
koers_entity_get_all (guint *n_entities)
{
  *n_entities = G_N_ELEMENTS (all_entities);
  return all_entities;
}

const KoersColumn *
koers_entity_get_parent (const KoersEntity *entity)
{
  for (guint i = 0; i < entity->n_columns; i++)
    if (entity->columns[i].flags & KOERS_COLUMN_PARENT)
      return &entity->columns[i];
  return NULL;
}

const KoersColumn *
koers_entity_get_order (const KoersEntity *entity)
{
  for (guint i = 0; i < entity->n_columns; i++)
    if (entity->columns[i].json == KOERS_JSON_ORDER)
      return &entity->columns[i];
  return NULL;
}

const KoersEntity *
koers_entity_find (const char *entity)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_entities); i++)
    if (g_strcmp0 (all_entities[i]->entity, entity) == 0)
      return all_entities[i];
  return NULL;
}

const KoersEntity *
koers_entity_for_object (GObject *object)
{
  for (guint i = 0; i < G_N_ELEMENTS (any_entities); i++)
    if (G_TYPE_CHECK_INSTANCE_TYPE (object, any_entities[i]->get_type ()))
      return any_entities[i];
  return NULL;
}

GObject *
koers_entity_new_object (const KoersEntity *entity)
{
  return g_object_new (entity->get_type (), NULL);
}

typedef char *(*BuildSql) (const KoersEntity *entity);

/* SQL text built once per entity and kind, kept for the process's life
 * (the tables are static; any thread may ask). */
static const char *
get_cached_sql (const KoersEntity *entity,
                BuildSql           build)
{
  static GHashTable *cache; /* "entity:build" -> char* */
  static GMutex      lock;
  g_autofree char   *key = g_strdup_printf ("%p:%p", (gpointer) entity, (gpointer) build);
  const char        *sql;

  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sql = g_hash_table_lookup (cache, key);
  if (sql == NULL)
    {
      sql = build (entity);
      g_hash_table_insert (cache, g_steal_pointer (&key), (gpointer) sql);
    }
  g_mutex_unlock (&lock);
  return sql;
}

static char *
build_select_list (const KoersEntity *entity)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < entity->n_columns; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? ", " : "", entity->columns[i].column);
  return g_string_free (s, FALSE);
}

const char *
koers_entity_get_select_list (const KoersEntity *entity)
{
  return get_cached_sql (entity, build_select_list);
}

static char *
build_insert_sql (const KoersEntity *entity)
{
  GString *s = g_string_new (NULL);
  guint    n = 0;

  g_string_append_printf (s, "INSERT INTO %s (", entity->table);
  for (guint i = 0; i < entity->n_columns; i++)
    if (entity->columns[i].kind != KOERS_COLUMN_VERSION)
      g_string_append_printf (s, "%s%s", n++ > 0 ? ", " : "", entity->columns[i].column);
  g_string_append (s, ") VALUES (");
  for (guint i = 1; i <= n; i++)
    g_string_append_printf (s, "%s?%u", i > 1 ? ", " : "", i);
  g_string_append (s, ")");
  return g_string_free (s, FALSE);
}

const char *
koers_entity_get_insert_sql (const KoersEntity *entity)
{
  return get_cached_sql (entity, build_insert_sql);
}

gboolean
koers_entity_column_is_updated (const KoersColumn *column,
                                KoersUpdate        update)
{
  if (column->kind == KOERS_COLUMN_ID || column->kind == KOERS_COLUMN_VERSION)
    return FALSE;
  if (update == KOERS_UPDATE_WHOLE)
    return TRUE;
  return column->kind != KOERS_COLUMN_UUID && !g_str_equal (column->column, "created");
}

static char *
build_update_sql (const KoersEntity *entity,
                  KoersUpdate        update)
{
  GString *s = g_string_new (NULL);
  guint    n = 1;

  g_string_append_printf (s, "UPDATE %s SET ", entity->table);
  for (guint i = 0; i < entity->n_columns; i++)
    if (koers_entity_column_is_updated (&entity->columns[i], update))
      {
        n++;
        g_string_append_printf (s, "%s%s = ?%u", n > 2 ? ", " : "", entity->columns[i].column, n);
      }
  g_string_append (s, " WHERE id = ?1");
  return g_string_free (s, FALSE);
}

static char *
build_save_sql (const KoersEntity *entity)
{
  return build_update_sql (entity, KOERS_UPDATE_SAVE);
}

static char *
build_whole_sql (const KoersEntity *entity)
{
  return build_update_sql (entity, KOERS_UPDATE_WHOLE);
}

const char *
koers_entity_get_update_sql (const KoersEntity *entity,
                             KoersUpdate        update)
{
  return get_cached_sql (entity, update == KOERS_UPDATE_WHOLE ? build_whole_sql : build_save_sql);
}

void
koers_entity_bind_column (const KoersColumn *column,
                          KoersDbStmt       *stmt,
                          int                index,
                          GObject           *object)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), column->property);
  g_auto (GValue) value = G_VALUE_INIT;
  GEnumValue *nick;

  g_return_if_fail (pspec != NULL);

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, column->property, &value);

  switch (column->kind)
    {
    case KOERS_COLUMN_ID:
    case KOERS_COLUMN_LINK:
      if (g_value_get_int64 (&value) == 0)
        koers_db_bind_null (stmt, index);
      else
        koers_db_bind_int64 (stmt, index, g_value_get_int64 (&value));
      break;
    case KOERS_COLUMN_STAMP:
      koers_db_bind_int64 (stmt, index, g_value_get_int64 (&value));
      break;
    case KOERS_COLUMN_INT:
      koers_db_bind_int (stmt, index, g_value_get_int (&value));
      break;
    case KOERS_COLUMN_BOOL:
      koers_db_bind_int (stmt, index, g_value_get_boolean (&value) ? 1 : 0);
      break;
    case KOERS_COLUMN_DOUBLE:
      koers_db_bind_double (stmt, index, g_value_get_double (&value));
      break;
    case KOERS_COLUMN_GRADE:
      if (g_value_get_double (&value) < 0.0)
        koers_db_bind_null (stmt, index);
      else
        koers_db_bind_double (stmt, index, g_value_get_double (&value));
      break;
    case KOERS_COLUMN_ENUM:
      nick = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class, g_value_get_enum (&value));
      if (nick != NULL)
        koers_db_bind_text (stmt, index, nick->value_nick);
      else
        koers_db_bind_null (stmt, index);
      break;
    case KOERS_COLUMN_UUID:
    case KOERS_COLUMN_TEXT:
      if (g_value_get_string (&value) == NULL)
        koers_db_bind_null (stmt, index);
      else
        koers_db_bind_text (stmt, index, g_value_get_string (&value));
      break;
    case KOERS_COLUMN_VERSION:
    default:
      break;
    }
}

/* The param specs of an entity's columns (NULL for the version), looked
 * up once per process: the reader runs for every row of a load and an
 * export, so the look-up after the first takes no lock. */
static GParamSpec **
build_pspecs (const KoersEntity *entity)
{
  /* The class stays: the object types are never unloaded. */
  GObjectClass *klass = g_type_class_ref (entity->get_type ());
  GParamSpec  **pspecs = g_new0 (GParamSpec *, entity->n_columns);

  for (guint i = 0; i < entity->n_columns; i++)
    if (entity->columns[i].kind != KOERS_COLUMN_VERSION)
      {
        pspecs[i] = g_object_class_find_property (klass, entity->columns[i].property);
        g_assert (pspecs[i] != NULL);
      }
  return pspecs;
}

static GParamSpec **
get_pspecs (const KoersEntity *entity)
{
  static GParamSpec **cache[G_N_ELEMENTS (any_entities)];
  guint               i;

  for (i = 0; i < G_N_ELEMENTS (any_entities); i++)
    if (any_entities[i] == entity)
      break;
  g_assert (i < G_N_ELEMENTS (any_entities));

  if (g_once_init_enter (&cache[i]))
    g_once_init_leave (&cache[i], build_pspecs (entity));
  return cache[i];
}

/* The enum value of a stored nick; an unknown or missing one is the
 * property's default rather than a failed open. */
static int
read_enum (GParamSpec *pspec,
           const char *nick)
{
  GParamSpecEnum *spec = G_PARAM_SPEC_ENUM (pspec);
  GEnumValue     *value = nick != NULL ? g_enum_get_value_by_nick (spec->enum_class, nick) : NULL;

  return value != NULL ? value->value : spec->default_value;
}

/* A column of the current row as the property's value.  Text is not
 * copied: the setter copies it before the statement moves on. */
static void
read_column (const KoersColumn *column,
             GParamSpec        *pspec,
             KoersDbStmt       *stmt,
             int                c,
             GValue            *value)
{
  g_value_init (value, pspec->value_type);
  switch (column->kind)
    {
    case KOERS_COLUMN_ID:
    case KOERS_COLUMN_STAMP:
    case KOERS_COLUMN_LINK:
      g_value_set_int64 (value, koers_db_column_int64 (stmt, c));
      break;
    case KOERS_COLUMN_INT:
      g_value_set_int (value, koers_db_column_int (stmt, c));
      break;
    case KOERS_COLUMN_BOOL:
      g_value_set_boolean (value, koers_db_column_int (stmt, c) != 0);
      break;
    case KOERS_COLUMN_DOUBLE:
      g_value_set_double (value, koers_db_column_double (stmt, c));
      break;
    case KOERS_COLUMN_GRADE:
      g_value_set_double (value, koers_db_column_type (stmt, c) == KOERS_DB_NULL
                                   ? -1.0
                                   : koers_db_column_double (stmt, c));
      break;
    case KOERS_COLUMN_ENUM:
      g_value_set_enum (value, read_enum (pspec, koers_db_column_text (stmt, c)));
      break;
    case KOERS_COLUMN_UUID:
    case KOERS_COLUMN_TEXT:
      g_value_set_static_string (value, koers_db_column_text (stmt, c));
      break;
    case KOERS_COLUMN_VERSION:
    default:
      g_assert_not_reached ();
    }
}

gint64
koers_entity_read_row (const KoersEntity *entity,
                       KoersDbStmt       *stmt,
                       int                first_column,
                       GObject           *object)
{
  GParamSpec **pspecs = get_pspecs (entity);
  const char  *names[KOERS_ENTITY_MAX_COLUMNS];
  GValue       values[KOERS_ENTITY_MAX_COLUMNS] = { G_VALUE_INIT };
  guint        n = 0;
  gint64       version = 0;

  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (object, entity->get_type ()), 0);

  for (guint i = 0; i < entity->n_columns; i++)
    {
      const KoersColumn *column = &entity->columns[i];
      int                c = first_column + (int) i;

      if (column->kind == KOERS_COLUMN_VERSION)
        {
          version = koers_db_column_int64 (stmt, c);
          continue;
        }
      names[n] = pspecs[i]->name;
      read_column (column, pspecs[i], stmt, c, &values[n]);
      n++;
    }

  /* One call: the object's notifications go out once, after every
   * property holds the row's value. */
  g_object_setv (object, n, names, values);
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);

  return version;
}

GParamSpec *
koers_entity_get_pspec (const KoersEntity *entity,
                        guint              column)
{
  g_return_val_if_fail (column < entity->n_columns, NULL);
  return get_pspecs (entity)[column];
}

void
koers_entity_get_values (const KoersEntity *entity,
                         GObject           *object,
                         GValue            *values)
{
  GParamSpec **pspecs = get_pspecs (entity);

  for (guint i = 0; i < entity->n_columns; i++)
    if (pspecs[i] != NULL)
      {
        g_value_init (&values[i], pspecs[i]->value_type);
        g_object_get_property (object, pspecs[i]->name, &values[i]);
      }
}

void
koers_entity_read_values (const KoersEntity *entity,
                          KoersDbStmt       *stmt,
                          int                first_column,
                          GValue            *values)
{
  GParamSpec **pspecs = get_pspecs (entity);

  for (guint i = 0; i < entity->n_columns; i++)
    if (pspecs[i] != NULL)
      read_column (&entity->columns[i], pspecs[i], stmt, first_column + (int) i, &values[i]);
}

void
koers_entity_clear_values (const KoersEntity *entity,
                           GValue            *values)
{
  for (guint i = 0; i < entity->n_columns; i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);
}

static gboolean
is_named (const char *const *names,
          const char        *column)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_equal (names[i], column))
      return TRUE;
  return FALSE;
}

void
koers_entity_copy (const KoersEntity *entity,
                   GObject           *to,
                   GObject           *from,
                   const char *const *except)
{
  GParamSpec **pspecs = get_pspecs (entity);
  const char  *names[KOERS_ENTITY_MAX_COLUMNS];
  GValue       values[KOERS_ENTITY_MAX_COLUMNS] = { G_VALUE_INIT };
  guint        n = 0;

  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (to, entity->get_type ()));
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (from, entity->get_type ()));

  for (guint i = 0; i < entity->n_columns; i++)
    {
      const KoersColumn *column = &entity->columns[i];

      if (column->kind == KOERS_COLUMN_ID || column->kind == KOERS_COLUMN_VERSION ||
          is_named (except, column->column))
        continue;
      names[n] = pspecs[i]->name;
      g_value_init (&values[n], pspecs[i]->value_type);
      g_object_get_property (from, names[n], &values[n]);
      n++;
    }

  g_object_setv (to, n, names, values);
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);
}

/* Equal as the database would store them: a grade below 0 is NULL. */
static gboolean
same_value (const KoersColumn *column,
            const GValue      *a,
            const GValue      *b)
{
  switch (column->kind)
    {
    case KOERS_COLUMN_STAMP:
      return g_value_get_int64 (a) == g_value_get_int64 (b);
    case KOERS_COLUMN_INT:
      return g_value_get_int (a) == g_value_get_int (b);
    case KOERS_COLUMN_BOOL:
      return !g_value_get_boolean (a) == !g_value_get_boolean (b);
    case KOERS_COLUMN_DOUBLE:
      return g_value_get_double (a) == g_value_get_double (b);
    case KOERS_COLUMN_GRADE:
      return g_value_get_double (a) == g_value_get_double (b) ||
             (g_value_get_double (a) < 0.0 && g_value_get_double (b) < 0.0);
    case KOERS_COLUMN_ENUM:
      return g_value_get_enum (a) == g_value_get_enum (b);
    case KOERS_COLUMN_TEXT:
      return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
    case KOERS_COLUMN_ID:
    case KOERS_COLUMN_UUID:
    case KOERS_COLUMN_LINK:
    case KOERS_COLUMN_VERSION:
    default:
      g_assert_not_reached ();
    }
}

gboolean
koers_entity_equal (const KoersEntity *entity,
                    GObject           *a,
                    GObject           *b,
                    const char *const *except)
{
  GParamSpec **pspecs = get_pspecs (entity);

  for (guint i = 0; i < entity->n_columns; i++)
    {
      const KoersColumn *column = &entity->columns[i];
      g_auto (GValue) va = G_VALUE_INIT;
      g_auto (GValue) vb = G_VALUE_INIT;

      if (column->kind == KOERS_COLUMN_ID || column->kind == KOERS_COLUMN_UUID ||
          column->kind == KOERS_COLUMN_LINK || column->kind == KOERS_COLUMN_VERSION ||
          is_named (except, column->column))
        continue;

      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (a, pspecs[i]->name, &va);
      g_object_get_property (b, pspecs[i]->name, &vb);
      if (!same_value (column, &va, &vb))
        return FALSE;
    }
  return TRUE;
}

/* The value of a column as the change log writes it: a link as the uuid
 * of what it points at, so the log means the same in any database. */
static void
append_log_value (GString           *s,
                  const KoersColumn *column,
                  const char        *row)
{
  if (column->kind == KOERS_COLUMN_LINK)
    g_string_append_printf (s, "(SELECT uuid FROM %s WHERE id = %s.%s)",
                            column->link_table, row, column->column);
  else
    g_string_append_printf (s, "%s.%s", row, column->column);
}

/* INSERT INTO changes … for one trigger: old and new are "OLD"/"NEW" or
 * NULL where the row has no such side. */
static void
append_log_insert (GString           *s,
                   const KoersEntity *entity,
                   const char        *op,
                   const char        *old_row,
                   const char        *new_row)
{
  const char        *row = new_row != NULL ? new_row : old_row;
  const KoersColumn *parent = koers_entity_get_parent (entity);
  gboolean           first = TRUE;

  g_string_append_printf (s,
                          "  INSERT INTO changes (at, author, entity, uuid, parent, op, version, fields)\n"
                          "  SELECT CASE WHEN c.at > 0 THEN c.at"
                          " ELSE CAST ((julianday ('now') - 2440587.5) * 86400000000.0 AS INTEGER) END,"
                          " c.author, '%s', %s.uuid, ",
                          entity->entity, row);
  if (parent != NULL)
    append_log_value (s, parent, row);
  else
    g_string_append (s, "NULL");
  /* An update's NEW.version is the old one when the version trigger
   * raises it afterwards. */
  if (old_row != NULL && new_row != NULL)
    g_string_append_printf (s, ", '%s', max (NEW.version, OLD.version + 1),\n", op);
  else
    g_string_append_printf (s, ", '%s', %s.version,\n", op, row);
  g_string_append (s, "    (SELECT json_group_object (name, json_array (o, n)) FROM (\n");

  for (guint i = 0; i < entity->n_columns; i++)
    {
      const KoersColumn *column = &entity->columns[i];

      if (!(column->flags & KOERS_COLUMN_LOGGED))
        continue;

      g_string_append_printf (s, "      %sSELECT '%s' AS name, ",
                              first ? "" : "UNION ALL ", column->column);
      if (old_row != NULL)
        append_log_value (s, column, old_row);
      else
        g_string_append (s, "NULL");
      g_string_append (s, " AS o, ");
      if (new_row != NULL)
        append_log_value (s, column, new_row);
      else
        g_string_append (s, "NULL");
      g_string_append (s, " AS n\n");
      first = FALSE;
    }

  g_string_append (s, "    ) WHERE o IS NOT n)\n"
                      "  FROM change_context AS c WHERE c.id = 1;\n");
}

char *
koers_entity_get_log_triggers_ddl (const KoersEntity *entity)
{
  GString *s = g_string_new (NULL);
  gboolean first = TRUE;

  g_string_append_printf (s, "CREATE TRIGGER %s_log_insert AFTER INSERT ON %s BEGIN\n",
                          entity->table, entity->table);
  append_log_insert (s, entity, "insert", NULL, "NEW");
  g_string_append (s, "END;\n");

  /* An update that changes only bookkeeping (stamps, the version, a
   * key result's current value) is not a change anyone reads. */
  g_string_append_printf (s, "CREATE TRIGGER %s_log_update AFTER UPDATE ON %s WHEN ",
                          entity->table, entity->table);
  for (guint i = 0; i < entity->n_columns; i++)
    {
      const KoersColumn *column = &entity->columns[i];

      if (!(column->flags & KOERS_COLUMN_LOGGED))
        continue;
      g_string_append_printf (s, "%sNEW.%s IS NOT OLD.%s", first ? "" : " OR ",
                              column->column, column->column);
      first = FALSE;
    }
  g_string_append (s, " BEGIN\n");
  append_log_insert (s, entity, "update", "OLD", "NEW");
  g_string_append (s, "END;\n");

  g_string_append_printf (s, "CREATE TRIGGER %s_log_delete AFTER DELETE ON %s BEGIN\n",
                          entity->table, entity->table);
  append_log_insert (s, entity, "delete", "OLD", NULL);
  g_string_append (s, "END;\n");

  return g_string_free (s, FALSE);
}
