/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/koers-date.h"
#include "core/koers-period.h"
#include "koers-json-private.h"

/* Reading a parsed file member by member against a table per entity.
 * Every problem names its JSON path; reading goes on after a problem so
 * that one run reports as much as it can. */

typedef const char *(*EnumNameFunc) (int value);

typedef enum
{
  FIELD_TEXT,           /* a string; absent or null is "" */
  FIELD_NAME,           /* a string that is not blank */
  FIELD_UUID,
  FIELD_LINK,           /* a uuid or null */
  FIELD_NUMBER,
  FIELD_WEIGHT,         /* a number >= 0 */
  FIELD_ORDER,          /* a whole number 0..MAX_ORDER */
  FIELD_BOOL,
  FIELD_DATE,
  FIELD_OPTIONAL_DATE,  /* a date or null */
  FIELD_STAMP,
  FIELD_PERIOD,
  FIELD_ENUM,
  FIELD_LIST,
  FIELD_VERSION,        /* a whole number */
  FIELD_GRADE,          /* a number from 0 to 1, or null (not graded) */
} FieldType;

#define MAX_ORDER 1000000

typedef struct
{
  const char   *name;
  FieldType     type;
  gboolean      required;
  EnumNameFunc  enum_name;
} FieldSpec;

typedef struct
{
  gboolean    present;   /* given (not null) and valid */
  const char *text;      /* borrowed from the node, or owned below */
  char       *owned;     /* uuids in lower case, periods in their canonical form */
  double      number;
  gint64      integer;
  gboolean    boolean;
  int         enum_value;
  JsonArray  *list;
} FieldValue;

typedef struct
{
  GPtrArray         *problems;
  KoersJsonDocument *doc;
} Reader;

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

enum { TOP_FORMAT, TOP_VERSION, TOP_EXPORTED, TOP_ORGANISATION, TOP_DEPARTMENTS, TOP_OBJECTIVES,
       TOP_DISMISSED_FINDINGS };
static const FieldSpec top_fields[] = {
  { "format", FIELD_TEXT, TRUE, NULL },
  { "version", FIELD_VERSION, TRUE, NULL },
  { "exported", FIELD_STAMP, FALSE, NULL },
  { "organisation", FIELD_TEXT, FALSE, NULL },
  { "departments", FIELD_LIST, TRUE, NULL },
  { "objectives", FIELD_LIST, TRUE, NULL },
  { "dismissed_findings", FIELD_LIST, FALSE, NULL },
};

enum { DF_KEY, DF_DISMISSED };
static const FieldSpec dismissal_fields[] = {
  { "key", FIELD_NAME, TRUE, NULL },
  { "dismissed", FIELD_STAMP, TRUE, NULL },
};

enum { D_UUID, D_NAME, D_EMOJI, D_SORT_ORDER, D_PARENT, D_IS_COMPANY, D_CREATED, D_UPDATED };
static const FieldSpec department_fields[] = {
  { "uuid", FIELD_UUID, TRUE, NULL },
  { "name", FIELD_NAME, TRUE, NULL },
  { "emoji", FIELD_TEXT, FALSE, NULL },
  { "sort_order", FIELD_ORDER, FALSE, NULL },
  { "parent", FIELD_LINK, FALSE, NULL },
  { "is_company", FIELD_BOOL, FALSE, NULL },
  { "created", FIELD_STAMP, TRUE, NULL },
  { "updated", FIELD_STAMP, TRUE, NULL },
};

enum { O_UUID, O_DEPARTMENT, O_TITLE, O_DESCRIPTION, O_LEVEL, O_KIND, O_PERIOD, O_OWNER,
       O_ALIGNED_TO, O_STATE, O_CARRIED_OVER_FROM, O_POSITION, O_CREATED, O_UPDATED,
       O_KEY_RESULTS, O_POSTMORTEM, O_FINAL_GRADE, O_REVIEW_NOTE };
static const FieldSpec objective_fields[] = {
  { "uuid", FIELD_UUID, TRUE, NULL },
  { "department", FIELD_UUID, TRUE, NULL },
  { "title", FIELD_NAME, TRUE, NULL },
  { "description", FIELD_TEXT, FALSE, NULL },
  { "level", FIELD_ENUM, TRUE, level_name },
  { "kind", FIELD_ENUM, TRUE, objective_kind_name },
  { "period", FIELD_PERIOD, TRUE, NULL },
  { "owner", FIELD_TEXT, FALSE, NULL },
  { "aligned_to", FIELD_LINK, FALSE, NULL },
  { "state", FIELD_ENUM, TRUE, objective_state_name },
  { "carried_over_from", FIELD_LINK, FALSE, NULL },
  { "position", FIELD_ORDER, FALSE, NULL },
  { "created", FIELD_STAMP, TRUE, NULL },
  { "updated", FIELD_STAMP, TRUE, NULL },
  { "key_results", FIELD_LIST, FALSE, NULL },
  { "postmortem", FIELD_TEXT, FALSE, NULL },
  { "final_grade", FIELD_GRADE, FALSE, NULL },
  { "review_note", FIELD_TEXT, FALSE, NULL },
};

enum { K_UUID, K_TITLE, K_METRIC_KIND, K_UNIT, K_START, K_TARGET, K_CURRENT, K_DUE_DATE, K_OWNER,
       K_WEIGHT, K_USES_PERSONAL_DATA, K_PERSONAL_DATA_NOTE, K_POSITION, K_CREATED, K_UPDATED,
       K_CHECKINS, K_FINAL_SCORE, K_FINAL_NOTE };
static const FieldSpec key_result_fields[] = {
  { "uuid", FIELD_UUID, TRUE, NULL },
  { "title", FIELD_NAME, TRUE, NULL },
  { "metric_kind", FIELD_ENUM, TRUE, metric_kind_name },
  { "unit", FIELD_TEXT, FALSE, NULL },
  { "start", FIELD_NUMBER, TRUE, NULL },
  { "target", FIELD_NUMBER, TRUE, NULL },
  { "current", FIELD_NUMBER, TRUE, NULL },
  { "due_date", FIELD_OPTIONAL_DATE, FALSE, NULL },
  { "owner", FIELD_TEXT, FALSE, NULL },
  { "weight", FIELD_WEIGHT, FALSE, NULL },
  { "uses_personal_data", FIELD_BOOL, FALSE, NULL },
  { "personal_data_note", FIELD_TEXT, FALSE, NULL },
  { "position", FIELD_ORDER, FALSE, NULL },
  { "created", FIELD_STAMP, TRUE, NULL },
  { "updated", FIELD_STAMP, TRUE, NULL },
  { "checkins", FIELD_LIST, FALSE, NULL },
  { "final_score", FIELD_GRADE, FALSE, NULL },
  { "final_note", FIELD_TEXT, FALSE, NULL },
};

enum { C_UUID, C_DATE, C_VALUE, C_STATUS, C_NOTE, C_AUTHOR, C_CREATED, C_UPDATED };
static const FieldSpec checkin_fields[] = {
  { "uuid", FIELD_UUID, TRUE, NULL },
  { "date", FIELD_DATE, TRUE, NULL },
  { "value", FIELD_NUMBER, TRUE, NULL },
  { "status", FIELD_ENUM, FALSE, checkin_status_name },
  { "note", FIELD_TEXT, FALSE, NULL },
  { "author", FIELD_TEXT, FALSE, NULL },
  { "created", FIELD_STAMP, TRUE, NULL },
  { "updated", FIELD_STAMP, TRUE, NULL },
};

#define MAX_FIELDS 20

static void
item_free (KoersImportItem *item)
{
  g_free (item->path);
  g_clear_object (&item->object);
  g_free (item->uuid);
  g_free (item->owner_uuid);
  g_free (item->aligned_uuid);
  g_free (item->carried_uuid);
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

char *
koers_json_describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return g_strdup (_("an object"));
    case JSON_NODE_ARRAY:
      return g_strdup (_("a list"));
    case JSON_NODE_NULL:
      return g_strdup ("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", json_node_get_double (node)));
      }
    case G_TYPE_STRING:
      {
        const char *text = json_node_get_string (node);
        GString *out = g_string_new ("\"");

        /* The start is enough to recognise it (a string may be 10 MB). */
        if (g_utf8_strlen (text, 41) > 40)
          {
            const char *cut = g_utf8_offset_to_pointer (text, 40);

            g_string_append_len (out, text, cut - text);
            g_string_append (out, "…");
          }
        else
          g_string_append (out, text);
        g_string_append_c (out, '"');
        return g_string_free (out, FALSE);
      }
    default:
      return g_strdup ("?");
    }
}

/* Returns FALSE, for "return add_problem (…)". */
G_GNUC_PRINTF (3, 4)
static gboolean
add_problem (Reader     *r,
             const char *path,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: a problem in a JSON file: its place, then what is wrong. */
  g_ptr_array_add (r->problems, g_strdup_printf (_("%s: %s"), path, message));
  return FALSE;
}

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static char *
list_enum_names (EnumNameFunc enum_name)
{
  GString *names = g_string_new (NULL);

  for (int v = 0; enum_name (v) != NULL; v++)
    {
      if (v > 0)
        g_string_append (names, ", ");
      g_string_append_printf (names, "\"%s\"", enum_name (v));
    }

  return g_string_free (names, FALSE);
}

/* Checks one member; fills value when it is valid. */
static gboolean
read_field (Reader          *r,
            const char      *path,
            const FieldSpec *spec,
            JsonNode        *node,
            FieldValue      *value)
{
  g_autofree char *found = koers_json_describe_node (node);
  gboolean is_null = JSON_NODE_HOLDS_NULL (node);

  switch (spec->type)
    {
    case FIELD_TEXT:
      if (is_null)
        return TRUE;
      if (!is_string (node))
        return add_problem (r, path, _("expected text, found %s"), found);
      value->text = json_node_get_string (node);
      break;

    case FIELD_NAME:
      {
        g_autofree char *stripped = NULL;

        if (!is_string (node))
          return add_problem (r, path, _("expected text, found %s"), found);
        stripped = g_strstrip (g_strdup (json_node_get_string (node)));
        if (stripped[0] == '\0')
          return add_problem (r, path, _("must not be empty"));
        value->text = json_node_get_string (node);
      }
      break;

    case FIELD_LINK:
      if (is_null)
        return TRUE;
      G_GNUC_FALLTHROUGH;
    case FIELD_UUID:
      if (!is_string (node) || !g_uuid_string_is_valid (json_node_get_string (node)))
        return add_problem (r, path,
                            spec->type == FIELD_LINK ? _("expected a uuid or null, found %s")
                                                     : _("expected a uuid, found %s"),
                            found);
      value->owned = g_ascii_strdown (json_node_get_string (node), -1);
      value->text = value->owned;
      break;

    case FIELD_NUMBER:
    case FIELD_WEIGHT:
      if (!is_number (node) || !isfinite (json_node_get_double (node)) ||
          fabs (json_node_get_double (node)) > KOERS_JSON_MAX_ABS_NUMBER)
        return add_problem (r, path, _("expected a number, found %s"), found);
      value->number = json_node_get_double (node);
      if (spec->type == FIELD_WEIGHT && value->number < 0)
        return add_problem (r, path, _("expected a number of 0 or more, found %s"), found);
      break;

    case FIELD_GRADE:
      if (is_null)
        return TRUE;
      if (!is_number (node) || !(json_node_get_double (node) >= 0.0) ||
          json_node_get_double (node) > 1.0)
        return add_problem (r, path, _("expected a number from 0 to 1 or null, found %s"), found);
      value->number = json_node_get_double (node);
      break;

    case FIELD_ORDER:
    case FIELD_VERSION:
      {
        double number = is_number (node) ? json_node_get_double (node) : NAN;

        if (!isfinite (number) || number != floor (number) ||
            (spec->type == FIELD_ORDER && (number < 0 || number > MAX_ORDER)))
          {
            if (spec->type == FIELD_VERSION)
              return add_problem (r, path, _("expected a whole number, found %s"), found);
            return add_problem (r, path, _("expected a whole number from 0 to %d, found %s"),
                                MAX_ORDER, found);
          }
        value->integer = (gint64) number;
      }
      break;

    case FIELD_BOOL:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return add_problem (r, path, _("expected true or false, found %s"), found);
      value->boolean = json_node_get_boolean (node);
      break;

    case FIELD_OPTIONAL_DATE:
      if (is_null)
        return TRUE;
      G_GNUC_FALLTHROUGH;
    case FIELD_DATE:
      {
        GDate date;

        if (!is_string (node) || !koers_date_parse (json_node_get_string (node), &date))
          return add_problem (r, path,
                              spec->type == FIELD_DATE
                                ? _("expected a date such as 2026-06-30, found %s")
                                : _("expected a date such as 2026-06-30 or null, found %s"),
                              found);
        value->text = json_node_get_string (node);
      }
      break;

    case FIELD_STAMP:
      if (!is_string (node) ||
          !koers_json_parse_stamp (json_node_get_string (node), &value->integer))
        return add_problem (r, path,
                            _("expected a time stamp such as 2026-05-15T09:30:00.000000Z, "
                              "found %s"),
                            found);
      break;

    case FIELD_PERIOD:
      {
        KoersPeriod period;

        if (!is_string (node) || !koers_period_parse (json_node_get_string (node), &period, NULL))
          return add_problem (r, path,
                              _("expected a period such as 2026-Q2, 2026 or "
                                "2026-01-15/2026-03-31, found %s"),
                              found);
        value->owned = koers_period_to_string (&period);
        value->text = value->owned;
      }
      break;

    case FIELD_ENUM:
      {
        const char *text = is_string (node) ? json_node_get_string (node) : NULL;
        g_autofree char *names = NULL;

        for (int v = 0; text != NULL && spec->enum_name (v) != NULL; v++)
          {
            if (strcmp (spec->enum_name (v), text) == 0)
              {
                value->enum_value = v;
                value->present = TRUE;
                return TRUE;
              }
          }

        names = list_enum_names (spec->enum_name);
        return add_problem (r, path, _("expected one of %s, found %s"), names, found);
      }

    case FIELD_LIST:
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return add_problem (r, path, _("expected a list, found %s"), found);
      value->list = json_node_get_array (node);
      break;

    default:
      g_assert_not_reached ();
    }

  value->present = TRUE;
  return TRUE;
}

/* FALSE when node is not an object or a member is wrong. */
static gboolean
read_object (Reader          *r,
             const char      *path,
             JsonNode        *node,
             const FieldSpec *specs,
             guint            n_specs,
             FieldValue      *values)
{
  g_autoptr(GList) members = NULL;
  guint n_before = r->problems->len;
  JsonObject *object;

  g_assert (n_specs <= MAX_FIELDS);
  memset (values, 0, sizeof (FieldValue) * n_specs);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *found = koers_json_describe_node (node);

      add_problem (r, path, _("expected an object, found %s"), found);
      return FALSE;
    }

  object = json_node_get_object (node);
  members = json_object_get_members (object);

  /* In the file's order, so problems come in reading order. */
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      g_autofree char *member_path = koers_json_path_member (path, name);
      guint i;

      for (i = 0; i < n_specs; i++)
        if (strcmp (specs[i].name, name) == 0)
          break;

      if (i == n_specs)
        {
          add_problem (r, member_path, _("unknown member"));
          continue;
        }

      read_field (r, member_path, &specs[i], json_object_get_member (object, name), &values[i]);
    }

  for (guint i = 0; i < n_specs; i++)
    {
      if (specs[i].required && !json_object_has_member (object, specs[i].name))
        {
          g_autofree char *member_path = koers_json_path_member (path, specs[i].name);

          add_problem (r, member_path, _("missing (it is required)"));
        }
    }

  return r->problems->len == n_before;
}

static void
clear_values (FieldValue *values,
              guint       n)
{
  for (guint i = 0; i < n; i++)
    g_clear_pointer (&values[i].owned, g_free);
}

static const char *
text_or_empty (const FieldValue *value)
{
  return value->present && value->text != NULL ? value->text : "";
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

static gboolean
check_list_length (Reader     *r,
                   const char *path,
                   JsonArray  *list,
                   guint       max)
{
  if (json_array_get_length (list) <= max)
    return TRUE;

  add_problem (r, path, _("more than %u entries"), max);
  return FALSE;
}

static void
read_checkin (Reader     *r,
              const char *path,
              JsonNode   *node,
              const char *kr_uuid)
{
  FieldValue v[G_N_ELEMENTS (checkin_fields)];
  KoersCheckin *checkin;

  if (!read_object (r, path, node, checkin_fields, G_N_ELEMENTS (checkin_fields), v))
    goto out;

  checkin = koers_checkin_new (v[C_DATE].text, v[C_VALUE].number,
                               v[C_STATUS].present ? (KoersCheckinStatus) v[C_STATUS].enum_value
                                                   : KOERS_CHECKIN_STATUS_NONE,
                               text_or_empty (&v[C_NOTE]));
  koers_checkin_set_uuid (checkin, v[C_UUID].text);
  koers_checkin_set_author (checkin, text_or_empty (&v[C_AUTHOR]));
  koers_checkin_set_created (checkin, v[C_CREATED].integer);
  koers_checkin_set_updated (checkin, v[C_UPDATED].integer);

  g_ptr_array_add (r->doc->items[KOERS_IMPORT_CHECKINS],
                   new_item (KOERS_IMPORT_CHECKINS, path, checkin, v[C_UUID].text, kr_uuid));

out:
  clear_values (v, G_N_ELEMENTS (v));
}

static void
read_key_result (Reader     *r,
                 const char *path,
                 JsonNode   *node,
                 guint       index,
                 const char *objective_uuid)
{
  FieldValue v[G_N_ELEMENTS (key_result_fields)];
  KoersKeyResult *kr;
  gboolean ok;

  ok = read_object (r, path, node, key_result_fields, G_N_ELEMENTS (key_result_fields), v);

  if (ok)
    {
      kr = koers_key_result_new (v[K_TITLE].text, (KoersMetricKind) v[K_METRIC_KIND].enum_value,
                                 v[K_START].number, v[K_TARGET].number, text_or_empty (&v[K_UNIT]));
      g_object_freeze_notify (G_OBJECT (kr));
      koers_key_result_set_uuid (kr, v[K_UUID].text);
      koers_key_result_set_current_value (kr, v[K_CURRENT].number);
      koers_key_result_set_due_date (kr, v[K_DUE_DATE].present ? v[K_DUE_DATE].text : NULL);
      koers_key_result_set_owner (kr, text_or_empty (&v[K_OWNER]));
      koers_key_result_set_weight (kr, v[K_WEIGHT].present ? v[K_WEIGHT].number : 1.0);
      koers_key_result_set_uses_personal_data (kr, v[K_USES_PERSONAL_DATA].present &&
                                                   v[K_USES_PERSONAL_DATA].boolean);
      koers_key_result_set_personal_data_note (kr, text_or_empty (&v[K_PERSONAL_DATA_NOTE]));
      koers_key_result_set_position (kr, v[K_POSITION].present ? (int) v[K_POSITION].integer
                                                               : (int) index);
      koers_key_result_set_created (kr, v[K_CREATED].integer);
      koers_key_result_set_updated (kr, v[K_UPDATED].integer);
      koers_key_result_set_final_score (kr, v[K_FINAL_SCORE].present ? v[K_FINAL_SCORE].number : -1.0);
      koers_key_result_set_final_note (kr, text_or_empty (&v[K_FINAL_NOTE]));
      g_object_thaw_notify (G_OBJECT (kr));

      g_ptr_array_add (r->doc->items[KOERS_IMPORT_KEY_RESULTS],
                       new_item (KOERS_IMPORT_KEY_RESULTS, path, kr, v[K_UUID].text,
                                 objective_uuid));
    }

  /* Check-ins are read even when the key result is wrong: one run
   * reports as much as it can. */
  if (v[K_CHECKINS].present)
    {
      g_autofree char *list_path = koers_json_path_member (path, "checkins");
      JsonArray *list = v[K_CHECKINS].list;

      if (check_list_length (r, list_path, list, KOERS_JSON_MAX_CHECKINS))
        for (guint i = 0; i < json_array_get_length (list); i++)
          {
            g_autofree char *item_path = koers_json_path_index (list_path, i);

            read_checkin (r, item_path, json_array_get_element (list, i),
                          ok ? v[K_UUID].text : NULL);
          }
    }

  clear_values (v, G_N_ELEMENTS (v));
}

static void
read_objective (Reader     *r,
                const char *path,
                JsonNode   *node,
                guint       index)
{
  FieldValue v[G_N_ELEMENTS (objective_fields)];
  KoersObjective *objective;
  gboolean ok;

  ok = read_object (r, path, node, objective_fields, G_N_ELEMENTS (objective_fields), v);

  if (ok)
    {
      KoersImportItem *item;

      objective = koers_objective_new (v[O_TITLE].text, (KoersLevel) v[O_LEVEL].enum_value,
                                       (KoersObjectiveKind) v[O_KIND].enum_value, v[O_PERIOD].text);
      g_object_freeze_notify (G_OBJECT (objective));
      koers_objective_set_uuid (objective, v[O_UUID].text);
      koers_objective_set_description (objective, text_or_empty (&v[O_DESCRIPTION]));
      koers_objective_set_owner (objective, text_or_empty (&v[O_OWNER]));
      koers_objective_set_state (objective, (KoersObjectiveState) v[O_STATE].enum_value);
      koers_objective_set_position (objective, v[O_POSITION].present ? (int) v[O_POSITION].integer
                                                                     : (int) index);
      koers_objective_set_created (objective, v[O_CREATED].integer);
      koers_objective_set_updated (objective, v[O_UPDATED].integer);
      koers_objective_set_postmortem (objective, text_or_empty (&v[O_POSTMORTEM]));
      koers_objective_set_final_grade (objective, v[O_FINAL_GRADE].present ? v[O_FINAL_GRADE].number
                                                                          : -1.0);
      koers_objective_set_review_note (objective, text_or_empty (&v[O_REVIEW_NOTE]));
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
      JsonArray *list = v[O_KEY_RESULTS].list;

      if (check_list_length (r, list_path, list, KOERS_JSON_MAX_KEY_RESULTS))
        for (guint i = 0; i < json_array_get_length (list); i++)
          {
            g_autofree char *item_path = koers_json_path_index (list_path, i);

            read_key_result (r, item_path, json_array_get_element (list, i), i,
                             ok ? v[O_UUID].text : NULL);
          }
    }

  clear_values (v, G_N_ELEMENTS (v));
}

static void
read_department (Reader     *r,
                 const char *path,
                 JsonNode   *node,
                 guint       index)
{
  FieldValue v[G_N_ELEMENTS (department_fields)];
  KoersDepartment *dept;

  if (!read_object (r, path, node, department_fields, G_N_ELEMENTS (department_fields), v))
    goto out;

  dept = koers_department_new (v[D_NAME].text, text_or_empty (&v[D_EMOJI]));
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
  clear_values (v, G_N_ELEMENTS (v));
}

static void
read_dismissal (Reader     *r,
                const char *path,
                JsonNode   *node)
{
  FieldValue v[G_N_ELEMENTS (dismissal_fields)];
  KoersImportDismissal *dismissal;

  if (read_object (r, path, node, dismissal_fields, G_N_ELEMENTS (dismissal_fields), v))
    {
      dismissal = g_new0 (KoersImportDismissal, 1);
      dismissal->path = g_strdup (path);
      dismissal->key = g_strdup (v[DF_KEY].text);
      dismissal->dismissed_at = v[DF_DISMISSED].integer;
      g_ptr_array_add (r->doc->dismissals, dismissal);
    }

  clear_values (v, G_N_ELEMENTS (v));
}

/* format and version first: a file of another kind or version is not
 * read any further. */
static gboolean
check_format (Reader    *r,
              JsonObject *object)
{
  JsonNode *format = json_object_get_member (object, "format");
  JsonNode *version = json_object_get_member (object, "version");
  g_autofree char *found = NULL;

  if (format == NULL)
    {
      add_problem (r, "$.format", _("missing: this is not a Koers file"));
      return FALSE;
    }

  if (!is_string (format) || strcmp (json_node_get_string (format), KOERS_JSON_FORMAT) != 0)
    {
      found = koers_json_describe_node (format);
      add_problem (r, "$.format", _("this is not a Koers file (expected \"%s\", found %s)"),
                   KOERS_JSON_FORMAT, found);
      return FALSE;
    }

  if (version == NULL)
    {
      add_problem (r, "$.version", _("missing (it is required)"));
      return FALSE;
    }

  found = koers_json_describe_node (version);
  if (!is_number (version) ||
      json_node_get_double (version) != floor (json_node_get_double (version)))
    {
      add_problem (r, "$.version", _("expected a whole number, found %s"), found);
      return FALSE;
    }

  if (json_node_get_double (version) > KOERS_JSON_FORMAT_VERSION)
    {
      add_problem (r, "$.version",
                   _("the file is from a newer Koers (format version %s); this Koers reads "
                     "version %d"),
                   found, KOERS_JSON_FORMAT_VERSION);
      return FALSE;
    }

  if (json_node_get_double (version) != KOERS_JSON_FORMAT_VERSION)
    {
      add_problem (r, "$.version", _("unknown format version %s; this Koers reads version %d"),
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
  Reader r = { problems, doc };
  FieldValue v[G_N_ELEMENTS (top_fields)];
  JsonArray *list;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autofree char *found = koers_json_describe_node (root);

      add_problem (&r, "$", _("expected an object, found %s"), found);
      return FALSE;
    }

  if (!check_format (&r, json_node_get_object (root)))
    return FALSE;

  read_object (&r, "$", root, top_fields, G_N_ELEMENTS (top_fields), v);

  if (v[TOP_ORGANISATION].present)
    doc->organisation = g_strdup (v[TOP_ORGANISATION].text);

  if (v[TOP_DEPARTMENTS].present)
    {
      list = v[TOP_DEPARTMENTS].list;
      if (check_list_length (&r, "$.departments", list, KOERS_JSON_MAX_DEPARTMENTS))
        for (guint i = 0; i < json_array_get_length (list); i++)
          {
            g_autofree char *path = koers_json_path_index ("$.departments", i);

            read_department (&r, path, json_array_get_element (list, i), i);
          }
    }

  if (v[TOP_OBJECTIVES].present)
    {
      list = v[TOP_OBJECTIVES].list;
      if (check_list_length (&r, "$.objectives", list, KOERS_JSON_MAX_OBJECTIVES))
        for (guint i = 0; i < json_array_get_length (list); i++)
          {
            g_autofree char *path = koers_json_path_index ("$.objectives", i);

            read_objective (&r, path, json_array_get_element (list, i), i);
          }
    }

  if (v[TOP_DISMISSED_FINDINGS].present)
    {
      list = v[TOP_DISMISSED_FINDINGS].list;
      if (check_list_length (&r, "$.dismissed_findings", list, KOERS_JSON_MAX_DISMISSED))
        for (guint i = 0; i < json_array_get_length (list); i++)
          {
            g_autofree char *path = koers_json_path_index ("$.dismissed_findings", i);

            read_dismissal (&r, path, json_array_get_element (list, i));
          }
    }

  clear_values (v, G_N_ELEMENTS (v));
  return TRUE;
}
