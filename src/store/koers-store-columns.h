/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "db/koers-db.h"
#include <glib-object.h>

#include "koers-store.h"

G_BEGIN_DECLS

/* One description per entity: which database column holds which property
 * of the entity object, and as what.  The SELECT lists, the reading of a
 * row into an object, the change log's triggers and the version column
 * come from these tables, so a new field is a property, a row here and a
 * migration.  Not for the UI: the store's own. */

typedef enum
{
  KOERS_COLUMN_ID,      /* INTEGER PRIMARY KEY; gint64 property "id" */
  KOERS_COLUMN_UUID,    /* TEXT, the entity's identity everywhere */
  KOERS_COLUMN_TEXT,    /* TEXT, NULL allowed */
  KOERS_COLUMN_INT,     /* INTEGER, int property */
  KOERS_COLUMN_STAMP,   /* INTEGER µs, gint64 property; not logged */
  KOERS_COLUMN_DOUBLE,  /* REAL */
  KOERS_COLUMN_BOOL,    /* INTEGER 0/1 */
  KOERS_COLUMN_ENUM,    /* TEXT: the GEnum nick (koers-enums.c's strings) */
  KOERS_COLUMN_GRADE,   /* REAL or NULL; the property's -1 is NULL */
  KOERS_COLUMN_LINK,    /* INTEGER id of a row of link_table or NULL (0) */
  KOERS_COLUMN_VERSION, /* INTEGER, the row version; not logged */
} KoersColumnKind;

typedef enum
{
  KOERS_COLUMN_LOGGED = 1 << 0, /* written into the change log */
  KOERS_COLUMN_PARENT = 1 << 1, /* the link to the owner (the change's parent) */
} KoersColumnFlags;

/* How a column stands in a JSON file (src/io/koers-json-*.c, described
 * in docs/json-format.md).  The export writes the members in table order,
 * the stamps last; the reader checks each member by its form. */
typedef enum
{
  KOERS_JSON_NONE,   /* not in a file: the id, the version, the owner whose list holds it */
  KOERS_JSON_PLAIN,  /* as the kind: text ("" when empty), a number, true or false, the
                      * enum's nick, a stamp, a uuid; a link as the uuid it points at */
  KOERS_JSON_NAME,   /* text that is not blank */
  KOERS_JSON_NOTE,   /* text that may hold line breaks and tabs */
  KOERS_JSON_DATE,   /* "2026-06-30"; null when empty unless required */
  KOERS_JSON_PERIOD, /* "2026-Q2", "2026", "2026-01-15/2026-03-31" */
  KOERS_JSON_ORDER,  /* a whole number 0…1,000,000; left out, the row's index in its list */
  KOERS_JSON_WEIGHT, /* a number of 0 or more; left out, 1 */
} KoersJsonForm;

typedef enum
{
  KOERS_JSON_REQUIRED = 1 << 0, /* a file must hold it */
  KOERS_JSON_OPTIONAL = 1 << 1, /* written only when it holds something (a grade, a text, a link) */
} KoersJsonFlags;

typedef struct
{
  const char      *column;
  const char      *property;
  KoersColumnKind  kind;
  KoersColumnFlags flags;
  const char      *link_table; /* for KOERS_COLUMN_LINK */
  KoersJsonForm    json;
  KoersJsonFlags   json_flags;
  const char      *json_name; /* the member's name where it is not the column's */
} KoersColumn;

/* The column's member name in a JSON file. */
static inline const char *
koers_column_get_json_name (const KoersColumn *column)
{
  return column->json_name != NULL ? column->json_name : column->column;
}

/* No entity has more columns (checked where the tables are). */
#define KOERS_ENTITY_MAX_COLUMNS 32

typedef struct
{
  const char *table;        /* "key_results" */
  const char *entity;       /* "key_result", as the change log names it */
  GType (*get_type) (void); /* the object type of a row */
  const KoersColumn *columns;
  guint              n_columns;
} KoersEntity;

extern const KoersEntity koers_entity_department;
extern const KoersEntity koers_entity_objective;
extern const KoersEntity koers_entity_key_result;
extern const KoersEntity koers_entity_checkin;
extern const KoersEntity koers_entity_kpi;
extern const KoersEntity koers_entity_kpi_value;
/* Schema 7, kept by their own store files and not among
 * koers_entity_get_all()'s: only their log triggers come from here. */
extern const KoersEntity koers_entity_capacity;
extern const KoersEntity koers_entity_escalation;

/* The entities in the order a database holds them (owners first). */
const KoersEntity *const *koers_entity_get_all (guint *n_entities);
const KoersEntity        *koers_entity_find (const char *entity);
/* The link to the entity's owner (KOERS_COLUMN_PARENT), NULL for none. */
const KoersColumn *koers_entity_get_parent (const KoersEntity *entity);
/* Its column of its place in a list (position, sort_order), or NULL. */
const KoersColumn *koers_entity_get_order (const KoersEntity *entity);
const KoersEntity *koers_entity_for_object (GObject *object);
/* A new, empty object of the entity's type (full reference). */
GObject *koers_entity_new_object (const KoersEntity *entity);

/* "id, uuid, …" in table order, for SELECT; prefix ("o.") may be NULL.
 * Owned by the entity's cache; lives as long as the process. */
const char *koers_entity_get_select_list (const KoersEntity *entity);

/* Reads a row whose columns are in koers_entity_get_select_list()'s
 * order, starting at first_column, into object's properties (all set
 * before any notification goes out; an unknown enum string is the
 * property's default); returns the row's version. */
gint64 koers_entity_read_row (const KoersEntity *entity,
                              KoersDbStmt       *stmt,
                              int                first_column,
                              GObject           *object);

/* Copies every column's property from one object to another, in one
 * notification: all but the id and the columns named in except (SQL
 * names, NULL-terminated; NULL for none). */
void koers_entity_copy (const KoersEntity *entity,
                        GObject           *to,
                        GObject           *from,
                        const char *const *except);

/* Every column's value but the version's (left as G_VALUE_INIT): from an
 * object's properties, or from a row whose columns are in
 * koers_entity_get_select_list()'s order from first_column on (text is
 * borrowed from the statement until it moves on).  values holds
 * entity->n_columns; koers_entity_clear_values() unsets them. */
void koers_entity_get_values (const KoersEntity *entity,
                              GObject           *object,
                              GValue            *values);
void koers_entity_read_values (const KoersEntity *entity,
                               KoersDbStmt       *stmt,
                               int                first_column,
                               GValue            *values);
void koers_entity_clear_values (const KoersEntity *entity,
                                GValue            *values);
/* The GParamSpec of a column's property (NULL for the version). */
GParamSpec *koers_entity_get_pspec (const KoersEntity *entity,
                                    guint              column);

/* TRUE when a and b hold the same value in every column but the id, the
 * uuid, the links (each side's own ids: compare what they point at) and
 * the columns named in except. */
gboolean koers_entity_equal (const KoersEntity *entity,
                             GObject           *a,
                             GObject           *b,
                             const char *const *except);

/* "INSERT INTO t (…) VALUES (?1, …)": every column in table order but
 * the version (a new row's is 1); parameter i + 1 is column i. */
const char *koers_entity_get_insert_sql (const KoersEntity *entity);

typedef enum
{
  KOERS_UPDATE_SAVE,  /* a save: not the uuid and creation time, which are the row's for life */
  KOERS_UPDATE_WHOLE, /* an import: the file's row over the stored one, uuid and created too */
} KoersUpdate;

/* "UPDATE t SET … WHERE id = ?1": the columns update says (never the id
 * or the version, which its trigger raises), in table order from ?2 on. */
const char *koers_entity_get_update_sql (const KoersEntity *entity,
                                         KoersUpdate        update);

/* TRUE for the columns koers_entity_get_update_sql() writes. */
gboolean koers_entity_column_is_updated (const KoersColumn *column,
                                         KoersUpdate        update);

/* Binds the object's value of a column to a parameter: text, numbers,
 * an enum as its nick, a boolean as 0/1, a grade below 0 and a link of 0
 * as NULL. */
void koers_entity_bind_column (const KoersColumn *column,
                               KoersDbStmt       *stmt,
                               int                index,
                               GObject           *object);

/* The DDL of the triggers that write the change log for this entity's
 * table: after insert, update (of a logged column) and delete.  A
 * migration that adds a logged column drops and recreates them. */
char *koers_entity_get_log_triggers_ddl (const KoersEntity *entity);

/* The objectives of the departments (in that order), each followed by its
 * key results and each of those by its check-ins, as rows: row() gets a
 * row's values (koers_entity_read_values(): text lives until it returns)
 * and returns TRUE to take it, FALSE to pass over it and what it owns, or
 * FALSE with error set to stop; row_end() comes after what a taken row
 * owns.  In one read snapshot; the model is not touched. */
typedef struct
{
  gboolean (*row) (const KoersEntity *entity,
                   const GValue      *values,
                   gpointer           user_data,
                   GError           **error);
  gboolean (*row_end) (const KoersEntity *entity,
                       gpointer           user_data,
                       GError           **error);
} KoersStoreRowFuncs;

gboolean koers_store_foreach_objective_row (KoersStore               *self,
                                            const gint64             *department_ids,
                                            guint                     n_department_ids,
                                            const KoersStoreRowFuncs *funcs,
                                            gpointer                  user_data,
                                            GError                  **error);

G_END_DECLS
