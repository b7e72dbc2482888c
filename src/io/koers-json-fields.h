/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Reading a parsed JSON file member by member against a table per entity
 * (koers-json-fields.c); the tables and the entities are in
 * koers-json-read.c.  Every problem names its JSON path; reading goes on
 * after a problem so that one run reports as much as it can. */

#include "koers-json-private.h"
#include "store/koers-store-columns.h"

G_BEGIN_DECLS

typedef const char *(*KoersJsonEnumNameFunc) (int value);

typedef enum
{
  KOERS_JSON_FIELD_TEXT, /* a string; absent or null is "" */
  KOERS_JSON_FIELD_NAME, /* a string that is not blank */
  KOERS_JSON_FIELD_UUID,
  KOERS_JSON_FIELD_LINK, /* a uuid or null */
  KOERS_JSON_FIELD_NUMBER,
  KOERS_JSON_FIELD_WEIGHT, /* a number >= 0 */
  KOERS_JSON_FIELD_ORDER,  /* a whole number 0..KOERS_JSON_MAX_ORDER */
  KOERS_JSON_FIELD_BOOL,
  KOERS_JSON_FIELD_DATE,
  KOERS_JSON_FIELD_OPTIONAL_DATE, /* a date or null */
  KOERS_JSON_FIELD_STAMP,
  KOERS_JSON_FIELD_PERIOD,
  KOERS_JSON_FIELD_ENUM,
  KOERS_JSON_FIELD_LIST,
  KOERS_JSON_FIELD_VERSION, /* a whole number */
  KOERS_JSON_FIELD_GRADE,   /* a number from 0 to 1, or null (not graded) */
  KOERS_JSON_FIELD_KEY,     /* a NAME of at most KOERS_JSON_MAX_KEY_LENGTH characters */
  KOERS_JSON_FIELD_CHANGES, /* a change's fields: an object, member -> [old, new] */
  KOERS_JSON_FIELD_NOTE,    /* TEXT that may hold line breaks and tabs */
  KOERS_JSON_FIELD_INTEGER, /* a whole number an int holds */
} KoersJsonFieldType;

#define KOERS_JSON_MAX_ORDER 1000000

typedef struct
{
  const char           *name;
  KoersJsonFieldType    type;
  gboolean              required;
  KoersJsonEnumNameFunc enum_name;
  GEnumClass           *enum_class; /* or this: the values are its nicks */
} KoersJsonFieldSpec;

typedef struct
{
  gboolean    present; /* given (not null) and valid */
  const char *text;    /* borrowed from the node, or owned below */
  char       *owned;   /* uuids in lower case, periods in their canonical form */
  double      number;
  gint64      integer;
  gboolean    boolean;
  int         enum_value;
  JsonArray  *list;
  JsonObject *object; /* KOERS_JSON_FIELD_CHANGES */
} KoersJsonFieldValue;

typedef struct
{
  GPtrArray                *problems;
  const KoersJsonReadFuncs *funcs;
  gpointer                  user_data;
} KoersJsonReader;

/* The most members an entity has: its columns and its list. */
#define KOERS_JSON_MAX_FIELDS (KOERS_ENTITY_MAX_COLUMNS + 1)

/* Appends the translated "path: message" to problems (a reader's, or the
 * import plan's: the readers and the plan word their problems alike).
 * Returns FALSE, for "return koers_json_add_problem (…)". */
G_GNUC_PRINTF (3, 4)
gboolean koers_json_add_problem (GPtrArray  *problems,
                                 const char *path,
                                 const char *format,
                                 ...);
gboolean koers_json_node_is_number (JsonNode *node);
gboolean koers_json_node_is_string (JsonNode *node);
/* Checks node (an object) against specs, filling values (n_specs of
 * them); FALSE when it is not an object or a member is wrong. */
gboolean koers_json_read_object (KoersJsonReader          *r,
                                 const char               *path,
                                 JsonNode                 *node,
                                 const KoersJsonFieldSpec *specs,
                                 guint                     n_specs,
                                 KoersJsonFieldValue      *values);
void     koers_json_clear_values (KoersJsonFieldValue *values,
                                  guint                n);
/* The text of a member, "" when it was absent or null. */
const char *koers_json_value_text (const KoersJsonFieldValue *value);
/* Checks one member (node) against spec, filling value when it is valid. */
gboolean koers_json_read_member (KoersJsonReader          *r,
                                 const char               *path,
                                 const KoersJsonFieldSpec *spec,
                                 JsonNode                 *node,
                                 KoersJsonFieldValue      *value);
/* FALSE (and a problem) when list has more than max entries. */
/* koers-json-read.c: the value of the member name of specs. */
const KoersJsonFieldValue *koers_json_find_value (const KoersJsonFieldSpec  *specs,
                                                  guint                      n_specs,
                                                  const KoersJsonFieldValue *values,
                                                  const char                *name);
gboolean                   koers_json_check_list_length (KoersJsonReader *r,
                                                         const char      *path,
                                                         JsonArray       *list,
                                                         guint            max);

G_END_DECLS
