/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the koers-json-*.c files and their tests. */

#include <string.h>

#include <json-glib/json-glib.h>

#include "koers-json.h"
#include "store/koers-store-import.h"

G_BEGIN_DECLS

/* koers-json-stream.c: a strict JSON reader that pulls one token at a
 * time from a stream, holding a window of the text, never the whole.  It
 * checks RFC 8259 strictly (json-glib alone accepts hex numbers, wraps
 * integers past 2^63, recurses without a depth limit and cuts strings at
 * \u0000) and the limits in koers-json.h.  Problems are appended as
 * translated "path: message" strings: a break in the structure (with its
 * line and column) ends the reading with KOERS_JSON_TOKEN_ERROR; a limit
 * broken inside valid JSON (a text too long, a member twice, a number out
 * of range, a NUL) is a problem that does not stop it. */
typedef enum
{
  KOERS_JSON_TOKEN_BEGIN_OBJECT,
  KOERS_JSON_TOKEN_END_OBJECT,
  KOERS_JSON_TOKEN_BEGIN_ARRAY,
  KOERS_JSON_TOKEN_END_ARRAY,
  KOERS_JSON_TOKEN_MEMBER, /* a member name: get_text() */
  KOERS_JSON_TOKEN_STRING, /* get_text() */
  KOERS_JSON_TOKEN_NUMBER, /* get_number(), get_text() as written */
  KOERS_JSON_TOKEN_TRUE,
  KOERS_JSON_TOKEN_FALSE,
  KOERS_JSON_TOKEN_NULL,
  KOERS_JSON_TOKEN_END,   /* the document is complete */
  KOERS_JSON_TOKEN_ERROR, /* not JSON from here on (a problem says why) */
} KoersJsonToken;

typedef struct _KoersJsonStream KoersJsonStream;

/* problems: where problems go (a reference is taken); NULL for a list of
 * its own. */
KoersJsonStream *koers_json_stream_new (GInputStream *input,
                                        GPtrArray    *problems);
/* Reads one member's value of the top-level object, input being at
 * offset, where that value starts (a second look at a checked file). */
KoersJsonStream *koers_json_stream_new_at_member (GInputStream *input,
                                                  goffset       offset,
                                                  const char   *member);
void             koers_json_stream_free (KoersJsonStream *s);
KoersJsonToken   koers_json_stream_next (KoersJsonStream *s);
const char      *koers_json_stream_get_text (KoersJsonStream *s);
/* The file offset of the next byte, and where the last token began. */
goffset    koers_json_stream_get_offset (KoersJsonStream *s);
goffset    koers_json_stream_get_token_offset (KoersJsonStream *s);
GPtrArray *koers_json_stream_get_problems (KoersJsonStream *s);
/* The error of a failed read of the input, if that is what ended it. */
const GError *koers_json_stream_get_read_error (KoersJsonStream *s);
/* The value that begins with token, as a node (NULL after an error). */
JsonNode *koers_json_stream_read_node (KoersJsonStream *s,
                                       KoersJsonToken   token);
/* Reads past the value that begins with token, checking it; FALSE after
 * an error. */
gboolean koers_json_stream_skip (KoersJsonStream *s,
                                 KoersJsonToken   token);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KoersJsonStream, koers_json_stream_free)

/* The whole check over text in memory: FALSE when it is not JSON (the
 * first such problem ends the check); limits broken inside valid JSON are
 * appended but do not stop it. */
gboolean koers_json_check_syntax (const char *data,
                                  gsize       length,
                                  GPtrArray  *problems);

/* koers-json-syntax.c */

/* Rewrites every number of valid JSON text in its shortest form that
 * reads back as the same double ("7.2" for json-glib's
 * "7.2000000000000002", "1200" for "1200.0"). */
char *koers_json_tidy_numbers (const char *json);

/* g_string_append_len() without a call while the buffer has room: the
 * export appends many small pieces. */
static inline void
koers_json_append_len (GString    *out,
                       const char *text,
                       gsize       length)
{
  if (G_LIKELY (out->len + length < out->allocated_len))
    {
      memcpy (out->str + out->len, text, length);
      out->len += length;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, text, (gssize) length);
}

/* The pieces the export writes JSON with, appended to out. */
/* A number in the shortest form that reads back as the same double. */
void koers_json_append_number (GString *out,
                               double   value);
/* A string in double quotes, escaped as json-glib escapes: \", \\, \b,
 * \f, \n, \r, \t, other control characters and DEL as \u00XX.  Text
 * that is not valid UTF-8 gets U+FFFD for each broken byte. */
void koers_json_append_string (GString    *out,
                               const char *text);
/* A stamp without quotes (see koers_json_format_stamp()). */
void koers_json_append_stamp (GString *out,
                              gint64   usec);
#define KOERS_JSON_STAMP_LENGTH 27
/* JSON text (the change log's fields) without spaces, its strings and
 * numbers written as above; FALSE (and out unchanged) when json is not
 * JSON. */
gboolean koers_json_append_compact (GString    *out,
                                    const char *json);

/* Reading escapes, for the streaming reader and the compacting one: the
 * character a one-letter escape after a backslash stands for (\" \\ \/
 * \b \f \n \r \t), or -1; the value of the four hexadecimal digits
 * at p of a \u escape, or -1. */
int koers_json_unescape (int letter);
int koers_json_parse_hex4 (const char *p);

/* JSON paths: "$", "$.objectives[3]", "$[\"odd key\"]". */
char *koers_json_path_member (const char *parent,
                              const char *member);
char *koers_json_path_index (const char *parent,
                             guint       index);

/* Stamps: "2026-05-15T09:30:00.123456Z", always UTC and six decimals, so
 * that a round trip keeps every microsecond. */
char *koers_json_format_stamp (gint64 usec);
/* Reads ISO 8601 "YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)". */
gboolean koers_json_parse_stamp (const char *text,
                                 gint64     *usec);

/* Joins the first KOERS_JSON_MAX_PROBLEMS_SHOWN problems, one a line, and
 * says how many more there are. */
void koers_json_set_problems_error (GError   **error,
                                    int        code,
                                    GPtrArray *problems);

/* koers-json-read.c: the document, read from a stream and checked member
 * by member, handed over one entity at a time as a detached object that
 * holds the file's values. */

/* Limits on the lists of a file. */
#define KOERS_JSON_MAX_DEPARTMENTS 10000
#define KOERS_JSON_MAX_OBJECTIVES 100000
#define KOERS_JSON_MAX_KEY_RESULTS 1000 /* per objective */
#define KOERS_JSON_MAX_CHECKINS 10000   /* per key result */
#define KOERS_JSON_MAX_DISMISSED 100000
#define KOERS_JSON_MAX_KPIS 10000
#define KOERS_JSON_MAX_KPI_VALUES 10000 /* per KPI */
#define KOERS_JSON_MAX_CAPACITIES 1000  /* per department */
#define KOERS_JSON_MAX_ESCALATIONS 1000 /* per objective */
#define KOERS_JSON_MAX_CHANGES 10000000
#define KOERS_JSON_MAX_CHANGE_FIELDS 100 /* per change */
/* A change's key, a field name and a dismissed finding's key. */
#define KOERS_JSON_MAX_KEY_LENGTH 200

typedef enum
{
  KOERS_IMPORT_OUTCOME_ADD,
  KOERS_IMPORT_OUTCOME_UPDATE,
  KOERS_IMPORT_OUTCOME_UNCHANGED,
  KOERS_IMPORT_OUTCOME_CONFLICT,
} KoersImportOutcome;

/* One entity of the file, as read. */
typedef struct
{
  KoersImportKind kind;
  char           *path;            /* "$.objectives[3]" */
  GObject        *object;          /* new, not the store's: the file's values */
  char           *uuid;            /* lower case */
  char           *owner_uuid;      /* parent (or NULL), department, objective, key result, KPI */
  char           *aligned_uuid;    /* objectives, or NULL */
  char           *carried_uuid;    /* objectives, or NULL */
  char           *kpi_uuid;        /* key results: the KPI it moves, or NULL */
  char           *key_result_uuid; /* escalations: the key result, or NULL */
  guint           index[3];        /* its place: in its list, its owner's, its owner's owner's */
} KoersImportItem;

/* A dismissed quality finding of the file. */
typedef struct
{
  char  *path; /* "$.dismissed_findings[2]" */
  char  *key;
  gint64 dismissed_at; /* µs since the epoch */
} KoersImportDismissal;

/* An entry of the change log of the file. */
typedef struct
{
  char  *path; /* "$.changes[2]" */
  char  *key;
  gint64 at; /* µs since the epoch */
  char  *author;
  char  *entity;
  char  *uuid;   /* lower case */
  char  *parent; /* lower case, or NULL */
  char  *op;
  char  *fields; /* compact JSON */
} KoersImportChange;

void koers_import_item_free (KoersImportItem *item);
void koers_import_dismissal_free (KoersImportDismissal *dismissal);
void koers_import_change_free (KoersImportChange *change);

/* What the reader hands over, in file order: an objective before its key
 * results, a key result before its check-ins, a KPI before its values.
 * Each function takes the thing it gets; any may be NULL (then it is
 * checked and dropped). */
typedef struct
{
  void (*item) (KoersImportItem *item,
                gpointer         user_data);
  void (*dismissal) (KoersImportDismissal *dismissal,
                     gpointer              user_data);
  void (*change) (KoersImportChange *change,
                  gpointer           user_data);
} KoersJsonReadFuncs;

typedef enum
{
  KOERS_JSON_READ_ALL = 0,
  /* Departments, KPIs (with their values) and dismissed findings are
   * read past without a look (a second reading that has them already). */
  KOERS_JSON_READ_SKIP_SMALL = 1 << 0,
  /* The change log likewise. */
  KOERS_JSON_READ_SKIP_CHANGES = 1 << 1,
} KoersJsonReadFlags;

typedef struct
{
  int     version;        /* 0 until read */
  char   *organisation;   /* NULL when the file has none */
  goffset changes_offset; /* where the change log's list starts, or -1 */
} KoersJsonHeader;

void koers_json_header_clear (KoersJsonHeader *header);

/* Reads the whole document from s.  Problems with the JSON itself are the
 * stream's (koers_json_stream_get_problems()); the others go to problems,
 * each a translated "path: message".  FALSE when it is not JSON, or not a
 * Koers file of a version this Koers reads (nothing else is said then). */
gboolean koers_json_read_stream (KoersJsonStream          *s,
                                 KoersJsonReadFlags        flags,
                                 const KoersJsonReadFuncs *funcs,
                                 gpointer                  user_data,
                                 KoersJsonHeader          *header,
                                 GPtrArray                *problems);
/* The change log's list alone: s from koers_json_stream_new_at_member(). */
/* Whether a file's change log may hold entries of entity (a log row's
 * "entity"): the format's entities, capacities and escalations. */
gboolean koers_json_change_entity_known (const char *entity);
gboolean koers_json_read_changes (KoersJsonStream          *s,
                                  const KoersJsonReadFuncs *funcs,
                                  gpointer                  user_data,
                                  GPtrArray                *problems);
/* "an object", "\"abc\"", "12": what a message says was found. */
char *koers_json_describe_node (JsonNode *node);
/* A value as compact JSON (a change's fields), numbers and strings as the
 * export writes them. */
void koers_json_append_node (GString  *out,
                             JsonNode *node);

/* koers-json-import.c and koers-json-match.c: the plan.  A first reading
 * of the file checks all of it, matches each entity to the database's
 * (by uuid, departments also by name) and decides what becomes of it,
 * keeping only that much per entity (departments and KPIs, few, whole); a
 * second reading writes what was decided. */

/* What the plan keeps of one entity. */
typedef struct
{
  const char *uuid;        /* interned, lower case */
  const char *owner_uuid;  /* interned: parent, department, objective, key result, KPI */
  gint64      db_id;       /* the database row it matches, 0 for none */
  gint64      db_owner_id; /* that row's owner */
  gint64      id;          /* its row once written (or db_id) */
  guint       index[3];    /* its place in the file (koers_import_kind_path()) */
  int         info;        /* objectives: index into plan->objectives; key results: into
                            * plan->kpi_links, or -1 */
  guint8 kind;             /* KoersImportKind */
  guint8 outcome;          /* KoersImportOutcome */
} KoersPlanEntry;

/* An objective: what is decided once the departments are matched. */
typedef struct
{
  KoersPlanEntry *entry;
  const char     *aligned_uuid; /* interned, or NULL */
  const char     *carried_uuid;
  const char     *db_aligned_uuid; /* the matched row's */
  const char     *db_carried_uuid;
  char           *title; /* the file's, for a conflict */
  gint64          db_department_id;
  gint64          updated;
  gint64          db_updated;
  gboolean        rest_equal; /* the same content, but for the department */
} KoersPlanObjective;

/* A key result's KPI, checked once the whole file is read. */
typedef struct
{
  KoersPlanEntry *entry;
  const char     *kpi_uuid; /* interned */
} KoersPlanKpiLink;

/* Departments, KPIs and KPI values: kept whole. */
typedef struct
{
  KoersImportItem *item;
  KoersPlanEntry  *entry;
  KoersStoredRow  *match; /* the database's row, or NULL */
} KoersPlanSmall;

struct _KoersImportPlan
{
  KoersStore         *store;
  KoersJsonImportMode mode;
  GBytes             *data; /* from data: the text */
  GFile              *file; /* from a file: it, open as input */
  GFileInputStream   *input;
  gint64              file_size;
  gint64              file_mtime;
  gboolean            applied;
  gulong              changed_id; /* the store's "changed": this process wrote */
  gboolean            stale;

  KoersStoreImport *import;   /* the lookups, while planning */
  GError           *db_error; /* the first failed lookup */

  KoersJsonHeader  header;
  KoersJsonStream *stream_reader; /* while reading */
  GStringChunk    *strings;       /* the uuids */
  GPtrArray       *entry_blocks;  /* KoersPlanEntry[], allocated so many at a time */
  guint            n_in_block;
  GHashTable      *by_uuid;                      /* uuid -> KoersPlanEntry, the first with it */
  GPtrArray       *stream;                       /* KoersPlanEntry: objectives, key results,
                                                  * check-ins, in file order */
  GArray           *objectives;                  /* KoersPlanObjective */
  GArray           *kpi_links;                   /* KoersPlanKpiLink */
  GPtrArray        *small[KOERS_IMPORT_N_KINDS]; /* KoersPlanSmall, for the kept kinds */
  GPtrArray        *db_departments;              /* KoersStoredRow */
  GHashTable       *db_objective_links;          /* uuid -> "aligned\ncarried" of rows not in the file */
  GPtrArray        *all_dismissals;              /* KoersImportDismissal, in file order */
  GPtrArray        *dismissals;                  /* the ones to write (borrowed) */
  char             *organisation;                /* to set, or NULL */
  guint             n_changes;                   /* in the file */
  guint             n_new_changes;               /* of those, the ones the database lacks */
  KoersImportCounts counts[KOERS_IMPORT_N_KINDS];
  GPtrArray        *kind_conflicts[KOERS_IMPORT_N_KINDS];
  GPtrArray        *conflicts;     /* NULL-terminated */
  GPtrArray        *read_problems; /* the file's own (reading, uuids twice) */
  GPtrArray        *problems;      /* against the database */
  guint             n_exists;      /* problems that are uuids the db has */

  /* While writing. */
  KoersStoreImport *writer;
  guint             next_stream;
  gint64            objective_id;
  gint64            key_result_id;
  GArray           *links; /* objective infos with links to write */
  GHashTable       *ids;   /* "kind:uuid" -> row id, looked up once */
  GError           *write_error;
};

/* Paths of the entities of a file, from their place. */
char *koers_import_kind_path (KoersImportKind kind,
                              const guint    *index);
/* The store's kind for an import's. */
KoersBatchKind koers_import_kind_to_batch (KoersImportKind kind);
gboolean       koers_import_outcome_is_written (guint8 outcome);
/* A title, name or date to show an entity by. */
const char *koers_import_object_get_title (GObject *object);
/* koers-json-match.c: deciding each entity as it is read (objectives,
 * key results, check-ins) and the rest once the file is read. */
void koers_import_plan_judge_item (KoersImportPlan *plan,
                                   KoersImportItem *item,
                                   KoersPlanEntry  *entry,
                                   KoersStoredRow  *row);
void koers_import_plan_finish (KoersImportPlan *plan);
/* koers-json-import.c: the file was changed while it was being imported
 * (KOERS_JSON_ERROR_STALE).  Returns FALSE, for "return …". */
gboolean koers_json_set_file_changed_error (GError **error);
/* A failed lookup: the first is kept (error is taken), and the plan fails
 * with it. */
void koers_import_plan_keep_db_error (KoersImportPlan *plan,
                                      GError          *error);
/* For koers-json-capacity.c: a plain import refuses what the database
 * has; a merge keeps the newer copy (a conflict when the database's is
 * newer and differs). */
void koers_import_plan_refuse_existing (KoersImportPlan *plan,
                                        KoersPlanEntry  *entry,
                                        KoersStoredRow  *row);
void koers_import_plan_decide (KoersImportPlan *plan,
                               KoersPlanEntry  *entry,
                               gboolean         same,
                               gint64           updated,
                               gint64           db_updated,
                               const char      *title);
/* The uuid a department link ends up with in the database: one matched by
 * name keeps its own uuid unless the file's copy is written. */
const char     *koers_import_plan_effective_department (KoersImportPlan *plan,
                                                        const char      *uuid);
KoersPlanEntry *koers_import_plan_find_entry (KoersImportPlan *plan,
                                              KoersImportKind  kind,
                                              const char      *uuid);

/* koers-json-load.c: the error for a file to import that is a folder, a
 * device or a pipe; name is its name as the user sees it. */
void koers_json_set_not_regular (GError    **error,
                                 const char *name);

G_END_DECLS
