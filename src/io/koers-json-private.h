/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the koers-json-*.c files and their tests. */

#include <json-glib/json-glib.h>

#include "koers-json.h"

G_BEGIN_DECLS

/* koers-json-syntax.c */

/* Checks data against RFC 8259 strictly (json-glib alone accepts hex
 * numbers, wraps integers past 2^63, recurses without a depth limit and
 * cuts strings at \u0000) and against the limits in koers-json.h.
 * Problems are appended to problems as translated "path: message"
 * strings.  Returns FALSE when the text is not JSON at all (the first
 * such problem ends the check); limits broken inside valid JSON are
 * appended but do not stop it. */
gboolean koers_json_check_syntax   (const char *data,
                                    gsize       length,
                                    GPtrArray  *problems);

/* Rewrites every number of valid JSON text in its shortest form that
 * reads back as the same double ("7.2" for json-glib's
 * "7.2000000000000002", "1200" for "1200.0"). */
char    *koers_json_tidy_numbers   (const char *json);

/* JSON paths: "$", "$.objectives[3]", "$[\"odd key\"]". */
char    *koers_json_path_member    (const char *parent,
                                    const char *member);
char    *koers_json_path_index     (const char *parent,
                                    guint       index);

/* Stamps: "2026-05-15T09:30:00.123456Z", always UTC and six decimals, so
 * that a round trip keeps every microsecond. */
char    *koers_json_format_stamp   (gint64      usec);
/* Reads ISO 8601 "YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)". */
gboolean koers_json_parse_stamp    (const char *text,
                                    gint64     *usec);

/* Joins the first KOERS_JSON_MAX_PROBLEMS_SHOWN problems, one a line, and
 * says how many more there are. */
void     koers_json_set_problems_error (GError   **error,
                                        int        code,
                                        GPtrArray *problems);

/* koers-json-read.c: the document, checked member by member, as detached
 * entity objects that hold the file's values. */

/* Limits on the lists of a file. */
#define KOERS_JSON_MAX_DEPARTMENTS      10000
#define KOERS_JSON_MAX_OBJECTIVES       100000
#define KOERS_JSON_MAX_KEY_RESULTS      1000      /* per objective */
#define KOERS_JSON_MAX_CHECKINS         10000     /* per key result */
#define KOERS_JSON_MAX_DISMISSED        100000
#define KOERS_JSON_MAX_KPIS             10000
#define KOERS_JSON_MAX_KPI_VALUES       10000     /* per KPI */

typedef enum
{
  KOERS_IMPORT_OUTCOME_ADD,
  KOERS_IMPORT_OUTCOME_UPDATE,
  KOERS_IMPORT_OUTCOME_UNCHANGED,
  KOERS_IMPORT_OUTCOME_CONFLICT,
} KoersImportOutcome;

typedef struct
{
  KoersImportKind    kind;
  char              *path;          /* "$.objectives[3]" */
  GObject           *object;        /* new, not the store's: the file's values */
  char              *uuid;          /* lower case */
  char              *owner_uuid;    /* parent (or NULL), department, objective, key result, KPI */
  char              *aligned_uuid;  /* objectives, or NULL */
  char              *carried_uuid;  /* objectives, or NULL */
  char              *kpi_uuid;      /* key results: the KPI it moves, or NULL */
  GObject           *match;         /* the store's copy, or NULL */
  KoersImportOutcome outcome;
} KoersImportItem;

/* A dismissed quality finding of the file. */
typedef struct
{
  char   *path;          /* "$.dismissed_findings[2]" */
  char   *key;
  gint64  dismissed_at;  /* µs since the epoch */
} KoersImportDismissal;

typedef struct
{
  GPtrArray *items[KOERS_IMPORT_N_KINDS];  /* KoersImportItem, in file order */
  GPtrArray *dismissals;                   /* KoersImportDismissal, in file order */
  char      *organisation;                 /* NULL when the file has none */
} KoersJsonDocument;

void     koers_json_document_init  (KoersJsonDocument *doc);
void     koers_json_document_clear (KoersJsonDocument *doc);
/* Appends a translated problem for each thing wrong; items are made only
 * of well-formed entries.  FALSE when the file is not a Koers file of a
 * version this Koers reads (nothing else is checked then). */
gboolean koers_json_read_document  (JsonNode          *root,
                                    KoersJsonDocument *doc,
                                    GPtrArray         *problems);
/* "an object", "\"abc\"", "12": what a message says was found. */
char    *koers_json_describe_node  (JsonNode          *node);

/* koers-json-import.c and koers-json-match.c: the plan. */
struct _KoersImportPlan
{
  KoersStore          *store;
  gulong               changed_id;
  gboolean             stale;
  gboolean             applied;
  KoersJsonImportMode  mode;
  KoersJsonDocument    doc;
  GHashTable          *by_uuid;                   /* uuid -> KoersImportItem */
  GHashTable          *is_item;                   /* every KoersImportItem */
  GHashTable          *stored[KOERS_IMPORT_N_KINDS]; /* uuid -> GObject (a reference) */
  GHashTable          *checkin_owner;             /* stored check-in -> its key result */
  GHashTable          *kpi_value_owner;           /* stored KPI value -> its KPI */
  GHashTable          *writer;                    /* store object -> item that writes it */
  char                *organisation;              /* to set, or NULL */
  GPtrArray           *dismissals;                /* KoersImportDismissal to write (borrowed) */
  KoersImportCounts    counts[KOERS_IMPORT_N_KINDS];
  GPtrArray           *conflicts;                 /* NULL-terminated */
  GPtrArray           *problems;
  guint                n_exists;                  /* problems that are uuids the db has */
};

/* koers-json-fields.c: appends the translated "path: message" to
 * problems; the readers and the plan word their problems alike. */
G_GNUC_PRINTF (3, 0)
void        koers_json_add_problem_valist    (GPtrArray       *problems,
                                              const char      *path,
                                              const char      *format,
                                              va_list          args);
G_GNUC_PRINTF (3, 4)
void        koers_import_plan_add_problem    (KoersImportPlan *plan,
                                              const char      *path,
                                              const char      *format,
                                              ...);
/* Matches, decides outcomes and checks links; problems go to
 * plan->problems. */
void        koers_import_plan_match          (KoersImportPlan *plan);
gboolean    koers_import_item_is_written     (KoersImportItem *item);
/* The uuid a link ends up with in the database: a department matched by
 * name keeps its own uuid unless the file's copy is written. */
const char *koers_import_plan_effective_uuid (KoersImportPlan *plan,
                                              KoersImportKind  kind,
                                              const char      *uuid);
/* A title, name or date to show an entity by. */
const char *koers_import_object_get_title    (GObject         *object);

G_END_DECLS
