/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "koers-json-private.h"
#include "store/koers-store-review.h"
#include "koers-store-private.h"
#include "koers-test-io.h"

/* Malformed files: each is refused with the problem named by its JSON
 * path, and the database file stays byte for byte what it was. */

#define LAB "11111111-1111-4111-8111-111111111111"
#define TEAM "11111111-1111-4111-8111-222222222222"
#define OBJ1 "22222222-2222-4222-8222-000000000001"
#define OBJ2 "22222222-2222-4222-8222-000000000002"
#define KR1 "33333333-3333-4333-8333-000000000001"

typedef enum
{
  EDIT_REPLACE,     /* the first `from` in minimal.json becomes `to` */
  EDIT_REPLACE_ALL, /* every `from` becomes `to` */
  EDIT_WHOLE,       /* `to` is the whole file */
  EDIT_TRUNCATE,    /* the first half of minimal.json */
  EDIT_DEEP,        /* `to` nested very deep as the organisation */
  EDIT_LONG_NOTE,   /* a 10 MB check-in note */
  EDIT_MANY,        /* many problems at once */
} Edit;

typedef struct
{
  const char *name;
  Edit        edit;
  const char *from;
  const char *to;
  int         code;
  const char *message; /* a part of the error message */
} Case;

static const Case cases[] = {
  { "truncated", EDIT_TRUNCATE, NULL, NULL, KOERS_JSON_ERROR_SYNTAX,
    "$.objectives[0].key_results[0] (line 57, column 37): "
    "the file ends inside an object (a “}” is missing)" },
  { "empty", EDIT_WHOLE, NULL, "  \n", KOERS_JSON_ERROR_SYNTAX, "$: the file is empty" },
  { "not-json", EDIT_WHOLE, NULL, "hello", KOERS_JSON_ERROR_SYNTAX,
    "$ (line 1, column 1): expected a value" },
  { "top-level-list", EDIT_WHOLE, NULL, "[1, 2]", KOERS_JSON_ERROR_INVALID,
    "$: expected an object, found a list" },
  { "trailing-text", EDIT_WHOLE, NULL, "{} {}", KOERS_JSON_ERROR_SYNTAX,
    "there is more text after the end" },
  { "trailing-comma", EDIT_REPLACE, "\"Good start\",", "\"Good start\",,", KOERS_JSON_ERROR_SYNTAX,
    "$.objectives[0].key_results[0].checkins[0] (line 67, column 37): expected a member name" },
  { "wrong-format", EDIT_REPLACE, "\"koers\"", "\"kurs\"", KOERS_JSON_ERROR_INVALID,
    "$.format: this is not a Koers file (expected \"koers\", found \"kurs\")" },
  { "missing-format", EDIT_REPLACE, "\"format\" : \"koers\",", "", KOERS_JSON_ERROR_INVALID,
    "$.format: missing: this is not a Koers file" },
  { "newer-version", EDIT_REPLACE, "\"version\" : 1", "\"version\" : 3", KOERS_JSON_ERROR_INVALID,
    "$.version: the file is from a newer Koers (format version 3)" },
  { "unknown-version", EDIT_REPLACE, "\"version\" : 1", "\"version\" : 0", KOERS_JSON_ERROR_INVALID,
    "$.version: unknown format version 0" },
  { "version-as-text", EDIT_REPLACE, "\"version\" : 1", "\"version\" : \"1\"",
    KOERS_JSON_ERROR_INVALID, "$.version: expected a whole number, found \"1\"" },
  { "number-as-text", EDIT_REPLACE, "\"target\" : 12", "\"target\" : \"abc\"",
    KOERS_JSON_ERROR_INVALID,
    "$.objectives[0].key_results[0].target: expected a number, found \"abc\"" },
  { "number-1e400", EDIT_REPLACE, "\"target\" : 12", "\"target\" : 1e400", KOERS_JSON_ERROR_SYNTAX,
    "$.objectives[0].key_results[0].target: the number 1e400 is out of range" },
  { "number-huge-integer", EDIT_REPLACE, "\"start\" : 0", "\"start\" : 123456789012345678901234567890",
    KOERS_JSON_ERROR_SYNTAX, "$.objectives[0].key_results[0].start: the number 1234567890" },
  { "number-over-limit", EDIT_REPLACE, "\"value\" : 4", "\"value\" : -1.5e15",
    KOERS_JSON_ERROR_SYNTAX,
    "$.objectives[0].key_results[0].checkins[0].value: the number -1.5e15 is out of range" },
  { "number-nan", EDIT_REPLACE, "\"current\" : 4", "\"current\" : NaN", KOERS_JSON_ERROR_SYNTAX,
    "$.objectives[0].key_results[0].current (line 52, column 23): expected a value" },
  { "number-hex", EDIT_REPLACE, "\"current\" : 4", "\"current\" : 0x10", KOERS_JSON_ERROR_SYNTAX,
    "$.objectives[0].key_results[0].current (line 52, column 24): expected “,” or “}”" },
  { "number-leading-zero", EDIT_REPLACE, "\"current\" : 4", "\"current\" : 04",
    KOERS_JSON_ERROR_SYNTAX, "expected “,” or “}”" },
  { "deep-nesting", EDIT_DEEP, NULL, "[", KOERS_JSON_ERROR_SYNTAX,
    "$.organisation[0][0][0]" },
  { "deep-nesting-objects", EDIT_DEEP, NULL, "{\"a\":", KOERS_JSON_ERROR_SYNTAX,
    "nested more than 32 levels deep" },
  { "string-10mb", EDIT_LONG_NOTE, NULL, NULL, KOERS_JSON_ERROR_SYNTAX,
    "$.objectives[0].key_results[0].checkins[0].note: the text is longer than 10000 characters" },
  { "invalid-utf8", EDIT_REPLACE, "Prototypes shipped", "Prototypes \xc3\x28 shipped",
    KOERS_JSON_ERROR_SYNTAX,
    "$.objectives[0].key_results[0].title (line 47, column 33): the text is not valid UTF-8" },
  { "invalid-utf8-overlong", EDIT_REPLACE, "Lab lead\"", "Lab \xc0\xaf lead\"",
    KOERS_JSON_ERROR_SYNTAX, "$.objectives[0].owner" },
  { "nul-escape", EDIT_REPLACE, "Open the design lab", "Open the\\u0000 design lab",
    KOERS_JSON_ERROR_SYNTAX, "$.objectives[0].title: the text holds a NUL character" },
  { "lone-surrogate", EDIT_REPLACE, "Open the design lab", "Open \\ud800 lab",
    KOERS_JSON_ERROR_SYNTAX, "$.objectives[0].title (line 32, column 29): a \\u escape of half" },
  { "raw-control-character", EDIT_REPLACE, "A place to try things", "A place\tto try",
    KOERS_JSON_ERROR_SYNTAX, "$.objectives[0].description (line 33, column 31): a control character" },
  { "duplicate-member", EDIT_REPLACE, "\"title\" : \"Open the design lab\",",
    "\"title\" : \"Open the design lab\", \"title\" : \"Again\",", KOERS_JSON_ERROR_SYNTAX,
    "$.objectives[0].title: the member appears twice" },
  { "unknown-member", EDIT_REPLACE, "\"title\" : \"Open the design lab\"",
    "\"titel\" : \"Open the design lab\"", KOERS_JSON_ERROR_INVALID,
    "$.objectives[0].titel: unknown member" },
  { "missing-title", EDIT_REPLACE, "\"title\" : \"Open the design lab\",", "",
    KOERS_JSON_ERROR_INVALID, "$.objectives[0].title: missing (it is required)" },
  { "blank-title", EDIT_REPLACE, "\"Open the design lab\"", "\"   \"", KOERS_JSON_ERROR_INVALID,
    "$.objectives[0].title: must not be empty" },
  { "title-as-number", EDIT_REPLACE, "\"Open the design lab\"", "42", KOERS_JSON_ERROR_INVALID,
    "$.objectives[0].title: expected text, found 42" },
  { "unknown-level", EDIT_REPLACE, "\"level\" : \"department\"", "\"level\" : \"division\"",
    KOERS_JSON_ERROR_INVALID,
    "$.objectives[0].level: expected one of \"company\", \"department\", \"team\", found \"division\"" },
  { "unknown-status", EDIT_REPLACE, "\"on-track\"", "\"green\"", KOERS_JSON_ERROR_INVALID,
    "$.objectives[0].key_results[0].checkins[0].status: expected one of" },
  { "invalid-date", EDIT_REPLACE, "\"2026-06-30\"", "\"2026-02-30\"", KOERS_JSON_ERROR_INVALID,
    "$.objectives[0].key_results[0].due_date: "
    "expected a date such as 2026-06-30 or null, found \"2026-02-30\"" },
  { "invalid-period", EDIT_REPLACE, "\"2026-Q2\"", "\"2026-Q5\"", KOERS_JSON_ERROR_INVALID,
    "$.objectives[0].period: expected a period" },
  { "invalid-stamp", EDIT_REPLACE, "\"2026-01-05T09:00:00.000001Z\"", "\"yesterday\"",
    KOERS_JSON_ERROR_INVALID, "$.departments[0].created: expected a time stamp" },
  { "invalid-uuid", EDIT_REPLACE, "\"" OBJ1 "\"", "\"not-a-uuid\"", KOERS_JSON_ERROR_INVALID,
    "$.objectives[0].uuid: expected a uuid, found \"not-a-uuid\"" },
  { "negative-weight", EDIT_REPLACE, "\"weight\" : 1,", "\"weight\" : -1,", KOERS_JSON_ERROR_INVALID,
    "$.objectives[0].key_results[0].weight: expected a number of 0 or more, found -1" },
  { "fractional-position", EDIT_REPLACE, "\"position\" : 0", "\"position\" : 2.5",
    KOERS_JSON_ERROR_INVALID, "$.objectives[0].position: expected a whole number from 0 to 1000000" },
  { "bool-as-text", EDIT_REPLACE, "\"is_company\" : false", "\"is_company\" : \"no\"",
    KOERS_JSON_ERROR_INVALID, "$.departments[0].is_company: expected true or false, found \"no\"" },
  { "list-as-object", EDIT_REPLACE, "\"checkins\" : [\n          ]", "\"checkins\" : {}",
    KOERS_JSON_ERROR_INVALID, "$.objectives[1].key_results[0].checkins: expected a list, found an object" },
  { "departments-null", EDIT_REPLACE, "\"departments\" : [", "\"departments\" : null, \"x\" : [",
    KOERS_JSON_ERROR_INVALID, "$.departments: expected a list, found null" },
  { "duplicate-uuid", EDIT_REPLACE, "\"" OBJ2 "\"", "\"" OBJ1 "\"", KOERS_JSON_ERROR_INVALID,
    "$.objectives[1].uuid: the uuid " OBJ1 " is also used at $.objectives[0]" },
  { "duplicate-uuid-across-kinds", EDIT_REPLACE, "\"" KR1 "\"", "\"" LAB "\"",
    KOERS_JSON_ERROR_INVALID,
    "$.objectives[0].key_results[0].uuid: the uuid " LAB " is also used at $.departments[0]" },
  { "dangling-department", EDIT_REPLACE, "\"department\" : \"" LAB "\"",
    "\"department\" : \"99999999-9999-4999-8999-999999999999\"", KOERS_JSON_ERROR_INVALID,
    "$.objectives[0].department: "
    "99999999-9999-4999-8999-999999999999 is neither in the file nor in the database" },
  { "dangling-alignment", EDIT_REPLACE, "\"aligned_to\" : \"" OBJ1 "\"",
    "\"aligned_to\" : \"99999999-9999-4999-8999-999999999999\"", KOERS_JSON_ERROR_INVALID,
    "$.objectives[1].aligned_to: 99999999-9999-4999-8999-999999999999 is neither" },
  { "reference-to-wrong-kind", EDIT_REPLACE, "\"aligned_to\" : \"" OBJ1 "\"",
    "\"aligned_to\" : \"" KR1 "\"", KOERS_JSON_ERROR_INVALID,
    "$.objectives[1].aligned_to: " KR1 " is neither" },
  { "alignment-cycle", EDIT_REPLACE, "\"aligned_to\" : null", "\"aligned_to\" : \"" OBJ2 "\"",
    KOERS_JSON_ERROR_INVALID, "$.objectives[0].aligned_to: the alignment makes a circle" },
  { "self-alignment", EDIT_REPLACE, "\"aligned_to\" : null", "\"aligned_to\" : \"" OBJ1 "\"",
    KOERS_JSON_ERROR_INVALID, "$.objectives[0].aligned_to: the alignment makes a circle" },
  { "carried-over-cycle", EDIT_REPLACE, "\"carried_over_from\" : null",
    "\"carried_over_from\" : \"" OBJ1 "\"", KOERS_JSON_ERROR_INVALID,
    "$.objectives[0].carried_over_from: “carried over from” makes a circle" },
  { "parent-cycle", EDIT_REPLACE, "\"parent\" : null", "\"parent\" : \"" TEAM "\"",
    KOERS_JSON_ERROR_INVALID, "$.departments[0].parent: the parents make a circle" },
  { "department-under-company", EDIT_REPLACE, "\"is_company\" : false", "\"is_company\" : true",
    KOERS_JSON_ERROR_INVALID,
    "$.departments[1].parent: a department cannot be placed under the company level" },
  { "two-companies", EDIT_REPLACE_ALL, "\"is_company\" : false", "\"is_company\" : true",
    KOERS_JSON_ERROR_INVALID,
    "$.departments[1].is_company: there is only one company level, and $.departments[0] is it "
    "already" },
  { "company-with-parent", EDIT_REPLACE,
    "\"parent\" : \"" LAB "\",\n      \"is_company\" : false",
    "\"parent\" : \"" LAB "\",\n      \"is_company\" : true",
    KOERS_JSON_ERROR_INVALID, "$.departments[1].parent: the company level cannot have a parent" },
  /* The review's members: a grade or score from 0 to 1, or null. */
  { "final-grade-too-high", EDIT_REPLACE, "\"owner\" : \"Lab lead\",",
    "\"owner\" : \"Lab lead\", \"final_grade\" : 1.5,", KOERS_JSON_ERROR_INVALID,
    "$.objectives[0].final_grade: expected a number from 0 to 1 or null, found 1.5" },
  { "final-grade-as-text", EDIT_REPLACE, "\"owner\" : \"Lab lead\",",
    "\"owner\" : \"Lab lead\", \"final_grade\" : \"abc\",", KOERS_JSON_ERROR_INVALID,
    "$.objectives[0].final_grade: expected a number from 0 to 1 or null, found \"abc\"" },
  { "final-grade-negative", EDIT_REPLACE, "\"owner\" : \"Lab lead\",",
    "\"owner\" : \"Lab lead\", \"final_grade\" : -0.1,", KOERS_JSON_ERROR_INVALID,
    "$.objectives[0].final_grade: expected a number from 0 to 1 or null, found -0.1" },
  { "final-score-too-high", EDIT_REPLACE, "\"unit\" : \"prototypes\",",
    "\"unit\" : \"prototypes\", \"final_score\" : 2,", KOERS_JSON_ERROR_INVALID,
    "$.objectives[0].key_results[0].final_score: expected a number from 0 to 1 or null, found 2" },
  { "final-score-as-text", EDIT_REPLACE, "\"unit\" : \"prototypes\",",
    "\"unit\" : \"prototypes\", \"final_score\" : \"abc\",", KOERS_JSON_ERROR_INVALID,
    "$.objectives[0].key_results[0].final_score: expected a number from 0 to 1 or null, found \"abc\"" },
  { "final-score-as-bool", EDIT_REPLACE, "\"unit\" : \"prototypes\",",
    "\"unit\" : \"prototypes\", \"final_score\" : true,", KOERS_JSON_ERROR_INVALID,
    "$.objectives[0].key_results[0].final_score: expected a number from 0 to 1 or null, found true" },
  { "postmortem-as-number", EDIT_REPLACE, "\"owner\" : \"Lab lead\",",
    "\"owner\" : \"Lab lead\", \"postmortem\" : 5,", KOERS_JSON_ERROR_INVALID,
    "$.objectives[0].postmortem: expected text, found 5" },
  { "final-note-as-list", EDIT_REPLACE, "\"unit\" : \"prototypes\",",
    "\"unit\" : \"prototypes\", \"final_note\" : [],", KOERS_JSON_ERROR_INVALID,
    "$.objectives[0].key_results[0].final_note: expected text, found a list" },
  { "dismissed-not-a-list", EDIT_REPLACE, "\"Fixture NV\",", "\"Fixture NV\", \"dismissed_findings\" : {},",
    KOERS_JSON_ERROR_INVALID, "$.dismissed_findings: expected a list, found an object" },
  { "dismissed-blank-key", EDIT_REPLACE, "\"Fixture NV\",",
    "\"Fixture NV\", \"dismissed_findings\" : [{\"key\" : \" \", \"dismissed\" : \"2026-05-01T00:00:00Z\"}],",
    KOERS_JSON_ERROR_INVALID, "$.dismissed_findings[0].key: must not be empty" },
  { "dismissed-bad-stamp", EDIT_REPLACE, "\"Fixture NV\",",
    "\"Fixture NV\", \"dismissed_findings\" : [{\"key\" : \"not-aligned:x\", \"dismissed\" : \"yesterday\"}],",
    KOERS_JSON_ERROR_INVALID, "$.dismissed_findings[0].dismissed: expected a time stamp" },
  { "dismissed-missing-stamp", EDIT_REPLACE, "\"Fixture NV\",",
    "\"Fixture NV\", \"dismissed_findings\" : [{\"key\" : \"not-aligned:x\"}],",
    KOERS_JSON_ERROR_INVALID, "$.dismissed_findings[0].dismissed: missing (it is required)" },
  { "dismissed-unknown-member", EDIT_REPLACE, "\"Fixture NV\",",
    "\"Fixture NV\", \"dismissed_findings\" : [{\"key\" : \"not-aligned:x\", \"by\" : \"me\","
    " \"dismissed\" : \"2026-05-01T00:00:00Z\"}],",
    KOERS_JSON_ERROR_INVALID, "$.dismissed_findings[0].by: unknown member" },
  { "dismissed-twice", EDIT_REPLACE, "\"Fixture NV\",",
    "\"Fixture NV\", \"dismissed_findings\" : ["
    "{\"key\" : \"not-aligned:x\", \"dismissed\" : \"2026-05-01T00:00:00Z\"},"
    "{\"key\" : \"not-aligned:x\", \"dismissed\" : \"2026-05-02T00:00:00Z\"}],",
    KOERS_JSON_ERROR_INVALID,
    "$.dismissed_findings[1].key: the key not-aligned:x is also used at $.dismissed_findings[0]" },
  /* The first five, in reading order, then how many more. */
  { "many-problems", EDIT_MANY, NULL, NULL, KOERS_JSON_ERROR_INVALID,
    "$.departments[0].name: expected text, found 4\n"
    "$.objectives[0].level: expected one of \"company\", \"department\", \"team\", found 1\n"
    "$.objectives[0].kind: expected one of \"committed\", \"aspirational\", found 2\n"
    "$.objectives[0].owner: expected text, found 6\n"
    "$.objectives[0].state: expected one of \"active\", \"achieved\", \"missed\", "
    "\"carried-over\", \"archived\", found 3\n"
    "…and 2 more problems" },
};

typedef struct
{
  char *dir;
  char *path;
  char *minimal;
} Fixture;

static char *
replace_first (const char *text,
               const char *from,
               const char *to)
{
  const char *at = strstr (text, from);

  if (at == NULL)
    g_error ("“%s” is not in the fixture", from);

  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

static char *
make_input (const Case *c,
            const char *minimal,
            gsize      *length)
{
  char *text = NULL;

  switch (c->edit)
    {
    case EDIT_REPLACE:
      text = replace_first (minimal, c->from, c->to);
      break;
    case EDIT_REPLACE_ALL:
      {
        g_auto (GStrv) parts = g_strsplit (minimal, c->from, -1);

        g_assert_cmpuint (g_strv_length (parts), >, 2);
        text = g_strjoinv (c->to, parts);
      }
      break;
    case EDIT_WHOLE:
      text = g_strdup (c->to);
      break;
    case EDIT_TRUNCATE:
      /* At a line end, so the cut falls between values. */
      text = g_strndup (minimal, strlen (minimal) / 2);
      *strrchr (text, '\n') = '\0';
      break;
    case EDIT_DEEP:
      {
        /* Deep enough to overflow a recursive parser's stack. */
        GString *deep = g_string_new (NULL);

        for (guint i = 0; i < 200000; i++)
          g_string_append (deep, c->to);
        text = replace_first (minimal, "\"Fixture NV\"", deep->str);
        g_string_free (deep, TRUE);
      }
      break;
    case EDIT_LONG_NOTE:
      {
        char *note = g_malloc (10 * 1024 * 1024 + 3);

        memset (note, 'x', 10 * 1024 * 1024 + 2);
        note[0] = '"';
        note[10 * 1024 * 1024 + 1] = '"';
        note[10 * 1024 * 1024 + 2] = '\0';
        text = replace_first (minimal, "\"Good start\"", note);
        g_free (note);
      }
      break;
    case EDIT_MANY:
      {
        g_autofree char *a = replace_first (minimal, "\"target\" : 12", "\"target\" : true");
        g_autofree char *b = replace_first (a, "\"level\" : \"department\"", "\"level\" : 1");
        g_autofree char *d = replace_first (b, "\"kind\" : \"committed\"", "\"kind\" : 2");
        g_autofree char *e = replace_first (d, "\"state\" : \"active\"", "\"state\" : 3");
        g_autofree char *f = replace_first (e, "\"name\" : \"Design lab\"", "\"name\" : 4");
        g_autofree char *g = replace_first (f, "\"unit\" : \"prototypes\"", "\"unit\" : 5");
        text = replace_first (g, "\"owner\" : \"Lab lead\"", "\"owner\" : 6");
      }
      break;
    default:
      g_assert_not_reached ();
    }

  *length = strlen (text);
  return text;
}

static void
fixture_setup (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersStore) store = NULL;
  g_autofree char *minimal_path = g_test_build_filename (G_TEST_DIST, "data", "json", "minimal.json", NULL);

  fixture->dir = g_dir_make_tmp ("koers-json-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "koers.db", NULL);
  g_assert_true (g_file_get_contents (minimal_path, &fixture->minimal, NULL, &error));
  g_assert_no_error (error);

  /* Something in the database for the references to meet. */
  store = koers_test_open_store (fixture->path);
  koers_test_populate_store (store);
}

static void
fixture_teardown (Fixture      *fixture,
                  gconstpointer data)
{
  koers_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->minimal);
}

/* The untouched fixture imports: the cases fail for their edit alone. */
static void
test_minimal_imports (Fixture      *fixture,
                      gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersImportPlan) plan = NULL;
  KoersImportCounts totals;
  KoersObjective   *objective;
  KoersDepartment  *lab;

  plan = koers_json_import_plan_from_data (store, fixture->minimal, strlen (fixture->minimal),
                                           KOERS_JSON_IMPORT_ADD, &error);
  g_assert_no_error (error);
  koers_import_plan_get_totals (plan, &totals);
  g_assert_cmpuint (totals.added, ==, 2 + 2 + 2 + 1);
  g_assert_cmpuint (totals.updated + totals.unchanged + totals.conflicts, ==, 0);
  /* The database has an organisation name: it stays. */
  g_assert_false (koers_import_plan_sets_organisation (plan));
  g_assert_true (koers_json_import_apply (plan, &error));
  g_assert_no_error (error);

  objective = koers_test_find_objective (store, "Test with real users");
  lab = koers_test_find_department (store, "Lab team");
  g_assert_cmpint (koers_objective_get_department_id (objective), ==, koers_department_get_id (lab));
  g_assert_cmpint (koers_objective_get_aligned_to_id (objective), ==,
                   koers_objective_get_id (koers_test_find_objective (store, "Open the design lab")));
  g_assert_cmpint (koers_department_get_parent_id (lab), ==,
                   koers_department_get_id (koers_test_find_department (store, "Design lab")));
  g_assert_cmpfloat (koers_key_result_get_current_value (koers_test_first_key_result (objective)), ==, 7.2);
  g_assert_cmpstr (koers_store_get_organisation (store), ==, "Acme “Koers”, NV");
}

/* The review's members and the dismissed findings are optional (the
 * fixture has none, as files from before the review): given, they are
 * taken; null is "not graded", 0 is a grade. */
static void
test_review_imports (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersImportPlan) plan = NULL;
  g_autofree char *a = replace_first (fixture->minimal, "\"owner\" : \"Lab lead\",",
                                      "\"owner\" : \"Lab lead\", \"postmortem\" : \"Late, \\\"sorry\\\"\","
                                      " \"final_grade\" : 0, \"review_note\" : null,");
  g_autofree char *b = replace_first (a, "\"unit\" : \"prototypes\",",
                                      "\"unit\" : \"prototypes\", \"final_score\" : 1, \"final_note\" : \"Done\",");
  g_autofree char *c = replace_first (b, "\"unit\" : \"out of 10\",",
                                      "\"unit\" : \"out of 10\", \"final_score\" : null,");
  g_autofree char *input = replace_first (c, "\"Fixture NV\",",
                                          "\"Fixture NV\", \"dismissed_findings\" : ["
                                          "{\"key\" : \"not-aligned:" OBJ2 "\","
                                          " \"dismissed\" : \"2026-05-01T10:00:00.5+02:00\"}],");
  KoersObjective  *lab;
  KoersObjective  *users;

  plan = koers_json_import_plan_from_data (store, input, strlen (input), KOERS_JSON_IMPORT_ADD, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (koers_import_plan_get_n_dismissals (plan), ==, 1);
  g_assert_true (koers_json_import_apply (plan, &error));
  g_assert_no_error (error);

  lab = koers_test_find_objective (store, "Open the design lab");
  users = koers_test_find_objective (store, "Test with real users");
  g_assert_cmpstr (koers_objective_get_postmortem (lab), ==, "Late, \"sorry\"");
  g_assert_true (koers_objective_has_final_grade (lab));
  g_assert_cmpfloat (koers_objective_get_final_grade (lab), ==, 0);
  g_assert_cmpstr (koers_objective_get_review_note (lab), ==, "");
  g_assert_cmpfloat (koers_key_result_get_final_score (koers_test_first_key_result (lab)), ==, 1);
  g_assert_cmpstr (koers_key_result_get_final_note (koers_test_first_key_result (lab)), ==, "Done");
  g_assert_false (koers_objective_has_final_grade (users));
  g_assert_cmpfloat (koers_key_result_get_final_score (koers_test_first_key_result (users)), ==, -1);
  g_assert_cmpint (koers_store_get_finding_dismissed_at (store, "not-aligned:" OBJ2), ==,
                   G_GINT64_CONSTANT (1777622400500000));

  /* Written, not only shown. */
  g_clear_pointer (&plan, koers_import_plan_free);
  g_clear_object (&store);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM objectives"
                                                        " WHERE final_grade = 0 AND postmortem = 'Late, \"sorry\"'"),
                   ==, 1);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT count(*) FROM key_results WHERE final_score = 1"), ==, 1);
  g_assert_cmpint (koers_test_query_int (fixture->path, "SELECT dismissed_at FROM dismissed_findings"
                                                        " WHERE key = 'not-aligned:" OBJ2 "'"),
                   ==,
                   G_GINT64_CONSTANT (1777622400500000));
}

static void
test_malformed (Fixture      *fixture,
                gconstpointer data)
{
  const Case      *c = data;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *input = NULL;
  g_autofree char *model_before = NULL;
  g_autofree char *model_after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersImportPlan) plan = NULL;
  g_autofree char *json_path = g_build_filename (fixture->dir, "input.json", NULL);
  KoersStore      *store;
  gsize            length;

  before = koers_test_fingerprint_database (fixture->path);
  input = make_input (c, fixture->minimal, &length);

  store = koers_test_open_store (fixture->path);
  model_before = koers_test_export_text (store);

  plan = koers_json_import_plan_from_data (store, input, length, KOERS_JSON_IMPORT_MERGE, &error);
  g_assert_null (plan);
  g_assert_error (error, KOERS_JSON_ERROR, c->code);
  if (strstr (error->message, c->message) == NULL)
    g_error ("%s: “%s” is not in the message:\n%s", c->name, c->message, error->message);
  g_clear_error (&error);

  /* Through a file and the CLI's call too. */
  g_assert_true (g_file_set_contents (json_path, input, (gssize) length, NULL));
  g_assert_false (koers_json_import (store, json_path, KOERS_JSON_IMPORT_ADD, NULL, &error));
  g_assert_error (error, KOERS_JSON_ERROR, c->code);
  g_clear_error (&error);

  model_after = koers_test_export_text (store);
  g_assert_cmpstr (model_before, ==, model_after);
  g_object_unref (store);

  after = koers_test_fingerprint_database (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* A plain import refuses what the database already has; merge takes it. */
static void
test_plain_import_exists (Fixture      *fixture,
                          gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersImportPlan) plan = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize            length = strlen (fixture->minimal);

  plan = koers_json_import_plan_from_data (store, fixture->minimal, length, KOERS_JSON_IMPORT_ADD,
                                           &error);
  g_assert_true (koers_json_import_apply (plan, &error));
  g_clear_pointer (&plan, koers_import_plan_free);
  g_clear_object (&store);

  before = koers_test_fingerprint_database (fixture->path);
  store = koers_test_open_store (fixture->path);
  plan = koers_json_import_plan_from_data (store, fixture->minimal, length, KOERS_JSON_IMPORT_ADD,
                                           &error);
  g_assert_null (plan);
  g_assert_error (error, KOERS_JSON_ERROR, KOERS_JSON_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message,
                            "$.objectives[0].uuid: “Open the design lab” is already in the database; "
                            "merge the file to update it"));
  /* Two objectives, two key results, a check-in: five, the first five shown. */
  g_assert_null (strstr (error->message, "more problem"));
  g_clear_error (&error);

  plan = koers_json_import_plan_from_data (store, fixture->minimal, length,
                                           KOERS_JSON_IMPORT_MERGE, &error);
  g_assert_no_error (error);
  {
    KoersImportCounts totals;

    koers_import_plan_get_totals (plan, &totals);
    g_assert_cmpuint (totals.unchanged, ==, 7);
    g_assert_cmpuint (totals.added + totals.updated + totals.conflicts, ==, 0);
  }
  /* The plan holds the store open. */
  g_clear_pointer (&plan, koers_import_plan_free);
  g_clear_object (&store);
  after = koers_test_fingerprint_database (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* A failure inside the transaction (here a trigger) leaves the file and
 * the model as they were. */
static void
test_rollback (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersImportPlan) plan = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *model_before = NULL;
  g_autofree char *model_after = NULL;
  g_autofree char *input = replace_first (fixture->minimal, "Usability score", "Boom");
  KoersStore      *store;
  guint            changed = 0;

  koers_test_exec_raw (fixture->path,
                       "CREATE TRIGGER boom BEFORE INSERT ON key_results WHEN NEW.title = 'Boom'"
                       " BEGIN SELECT RAISE (ABORT, 'boom'); END");
  before = koers_test_fingerprint_database (fixture->path);

  store = koers_test_open_store (fixture->path);
  model_before = koers_test_export_text (store);
  g_signal_connect (store, "changed", G_CALLBACK (koers_test_count_cb), &changed);

  plan = koers_json_import_plan_from_data (store, input, strlen (input), KOERS_JSON_IMPORT_ADD,
                                           &error);
  g_assert_no_error (error);
  g_assert_false (koers_json_import_apply (plan, &error));
  g_assert_error (error, KOERS_STORE_ERROR, KOERS_STORE_ERROR_CONSTRAINT);
  /* A sentence that names the file, not SQLite's (English) text. */
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_null (strstr (error->message, "boom"));
  g_assert_cmpuint (changed, ==, 0);

  model_after = koers_test_export_text (store);
  g_assert_cmpstr (model_before, ==, model_after);
  g_assert_null (koers_store_find_department_by_name (store, "Design lab"));
  g_clear_pointer (&plan, koers_import_plan_free);
  g_object_unref (store);

  after = koers_test_fingerprint_database (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* Imports data (length bytes) into a new database name in the fixture's
 * folder; the export of what came in, without the change log (new). */
static char *
import_into_new_database (Fixture    *fixture,
                          const char *name,
                          const char *data,
                          gsize       length)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr (KoersStore) store = koers_test_open_store (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (KoersImportPlan) plan = NULL;
  g_autofree char         *text = NULL;
  static const char *const lab[] = { "Design lab", NULL };
  KoersExportFilter        filter = { NULL, lab };
  KoersImportCounts        totals;

  plan = koers_json_import_plan_from_data (store, data, length, KOERS_JSON_IMPORT_ADD, &error);
  g_assert_no_error (error);
  koers_import_plan_get_totals (plan, &totals);
  g_assert_cmpuint (totals.added, ==, 2 + 2 + 2 + 1);
  g_assert_true (koers_json_import_apply (plan, &error));
  g_assert_no_error (error);

  /* Only what the file brought: the seed's departments have uuids and
   * stamps of their own in each database. */
  text = koers_json_export_to_string (store, &filter, KOERS_TEST_EXPORTED_USEC, &error);
  g_assert_no_error (error);
  return koers_test_strip_changes (text);
}

/* A UTF-8 byte order mark (as some Windows editors write) is skipped:
 * the file imports exactly the data it does without one. */
static void
test_byte_order_mark (Fixture      *fixture,
                      gconstpointer data)
{
  g_autofree char *input = g_strconcat ("\xef\xbb\xbf", fixture->minimal, NULL);
  g_autofree char *plain = import_into_new_database (fixture, "plain.db", fixture->minimal,
                                                     strlen (fixture->minimal));
  g_autofree char *marked = import_into_new_database (fixture, "marked.db", input, strlen (input));

  g_assert_nonnull (strstr (plain, "\"title\" : \"Test with real users\""));
  g_assert_nonnull (strstr (plain, "\"organisation\" : \"Fixture NV\""));
  g_assert_cmpstr (marked, ==, plain);
}

/* UTF-16 (with its byte order mark, as Notepad's "Unicode") is not read:
 * refused with a message that names the encoding and what to do, nothing
 * written. */
static void
test_utf16_byte_order_mark (Fixture      *fixture,
                            gconstpointer data)
{
  g_autofree char *before = koers_test_fingerprint_database (fixture->path);
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  g_autofree char      *after = NULL;
  g_autofree gunichar2 *utf16 = NULL;
  g_autoptr (GByteArray) input = g_byte_array_new ();
  glong n_units = 0;

  utf16 = g_utf8_to_utf16 (fixture->minimal, -1, NULL, &n_units, &error);
  g_assert_no_error (error);
  g_byte_array_append (input, (const guint8 *) "\xff\xfe", 2); /* little endian, as Windows */
  g_byte_array_append (input, (const guint8 *) utf16, (guint) (n_units * sizeof (gunichar2)));

  g_assert_null (koers_json_import_plan_from_data (store, (const char *) input->data, input->len,
                                                   KOERS_JSON_IMPORT_ADD, &error));
  g_assert_error (error, KOERS_JSON_ERROR, KOERS_JSON_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "$: this file is UTF-16 text; save it as UTF-8 and import it again");

  g_clear_object (&store);
  after = koers_test_fingerprint_database (fixture->path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_too_large (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (KoersStore) store = koers_test_open_store (fixture->path);
  g_autoptr (GError) error = NULL;
  g_autofree char *json_path = g_build_filename (fixture->dir, "big.json", NULL);
  int              fd;

  /* A sparse file: too large is refused before it is read. */
  fd = g_open (json_path, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, KOERS_JSON_MAX_IMPORT_SIZE + 1), ==, 0);
  close (fd);

  g_assert_null (koers_json_import_plan (store, json_path, KOERS_JSON_IMPORT_MERGE, &error));
  g_assert_error (error, KOERS_JSON_ERROR, KOERS_JSON_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_assert_null (koers_json_import_plan (store, "/nonexistent/x.json", KOERS_JSON_IMPORT_MERGE,
                                         &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/json-import/minimal", Fixture, NULL, fixture_setup, test_minimal_imports,
              fixture_teardown);
  g_test_add ("/json-import/review", Fixture, NULL, fixture_setup, test_review_imports,
              fixture_teardown);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/json-import/malformed/%s", cases[i].name);

      g_test_add (name, Fixture, &cases[i], fixture_setup, test_malformed, fixture_teardown);
    }
  g_test_add ("/json-import/plain-exists", Fixture, NULL, fixture_setup, test_plain_import_exists,
              fixture_teardown);
  g_test_add ("/json-import/rollback", Fixture, NULL, fixture_setup, test_rollback,
              fixture_teardown);
  g_test_add ("/json-import/byte-order-mark", Fixture, NULL, fixture_setup, test_byte_order_mark,
              fixture_teardown);
  g_test_add ("/json-import/utf16-byte-order-mark", Fixture, NULL, fixture_setup,
              test_utf16_byte_order_mark, fixture_teardown);
  g_test_add ("/json-import/too-large", Fixture, NULL, fixture_setup, test_too_large,
              fixture_teardown);

  return g_test_run ();
}
