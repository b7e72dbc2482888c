/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/koers-date.h"
#include "core/koers-period.h"
#include "core/koers-text.h"
#include "koers-json-fields.h"

/* The checks of one member by its type, and of one object against its
 * table: what koers-json-read.c reads every entity with. */

char *
koers_json_describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return g_strdup (_ ("an object"));
    case JSON_NODE_ARRAY:
      return g_strdup (_ ("a list"));
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
        const char      *text = json_node_get_string (node);
        GString         *out = g_string_new ("\"");
        g_autofree char *quoted = NULL;

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
        /* Messages reach a terminal: what the file holds, shown escaped. */
        quoted = g_string_free (out, FALSE);
        return koers_text_escape_controls (quoted);
      }
    default:
      return g_strdup ("?");
    }
}

gboolean
koers_json_add_problem (GPtrArray  *problems,
                        const char *path,
                        const char *format,
                        ...)
{
  va_list          args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: a problem in a JSON file: its place, then what is wrong. */
  g_ptr_array_add (problems, g_strdup_printf (_ ("%s: %s"), path, message));
  return FALSE;
}

gboolean
koers_json_node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

gboolean
koers_json_node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* The name of the nth value of a spec's enumeration, NULL past the last;
 * *value is the value it stands for. */
static const char *
get_enum_name (const KoersJsonFieldSpec *spec,
               guint                     n,
               int                      *value)
{
  if (spec->enum_class != NULL)
    {
      if (n >= spec->enum_class->n_values)
        return NULL;
      *value = spec->enum_class->values[n].value;
      return spec->enum_class->values[n].value_nick;
    }
  *value = (int) n;
  return spec->enum_name ((int) n);
}

static char *
list_enum_names (const KoersJsonFieldSpec *spec)
{
  GString    *names = g_string_new (NULL);
  const char *name;
  int         value;

  for (guint n = 0; (name = get_enum_name (spec, n, &value)) != NULL; n++)
    {
      if (n > 0)
        g_string_append (names, ", ");
      g_string_append_printf (names, "\"%s\"", name);
    }

  return g_string_free (names, FALSE);
}

static gboolean
is_scalar (JsonNode *node)
{
  return JSON_NODE_HOLDS_NULL (node) || JSON_NODE_HOLDS_VALUE (node);
}

/* Control characters would reach a terminal (--check) or a label as they
 * are: refused, but for line breaks and tabs in text of several lines.
 * Returns FALSE after a problem. */
static gboolean
check_controls (KoersJsonReader *r,
                const char      *path,
                const char      *text,
                gboolean         multi_line)
{
  gunichar ch = koers_text_find_control (text, multi_line);

  if (ch == 0)
    return TRUE;

  if (multi_line)
    return koers_json_add_problem (r->problems, path,
                                   /* Translators: %04X is a character's code, such as 001B. */
                                   _ ("holds the control character U+%04X; only line breaks and "
                                      "tabs may stand in this text. Remove it from the file"),
                                   (guint) ch);
  return koers_json_add_problem (r->problems, path,
                                 /* Translators: %04X is a character's code, such as 001B. */
                                 _ ("holds the control character U+%04X; this field takes one "
                                    "line without control characters. Remove it from the file"),
                                 (guint) ch);
}

static gboolean
is_clean_scalar (JsonNode *node)
{
  return is_scalar (node) &&
         (!koers_json_node_is_string (node) ||
          koers_text_find_control (json_node_get_string (node), TRUE) == 0);
}

/* A change's fields: each member a list of two scalars, the old value and
 * the new. */
static gboolean
read_change_fields (KoersJsonReader *r,
                    const char      *parent,
                    const char      *member,
                    JsonNode        *node)
{
  g_autoptr (GList) members = NULL;
  g_autofree char *path = NULL;
  guint            n_before = r->problems->len;
  JsonObject      *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *found = koers_json_describe_node (node);

      path = member != NULL ? koers_json_path_member (parent, member) : g_strdup (parent);
      return koers_json_add_problem (r->problems, path, _ ("expected an object, found %s"), found);
    }

  object = json_node_get_object (node);
  if (json_object_get_size (object) > KOERS_JSON_MAX_CHANGE_FIELDS)
    {
      path = member != NULL ? koers_json_path_member (parent, member) : g_strdup (parent);
      return koers_json_add_problem (r->problems, path, _ ("more than %u entries"),
                                     (guint) KOERS_JSON_MAX_CHANGE_FIELDS);
    }

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char      *name = l->data;
      JsonNode        *pair = json_object_get_member (object, name);
      g_autofree char *member_path = NULL;
      JsonArray       *array;
      gboolean         ok = TRUE;

      array = JSON_NODE_HOLDS_ARRAY (pair) ? json_node_get_array (pair) : NULL;
      if (name[0] == '\0' || strlen (name) > KOERS_JSON_MAX_KEY_LENGTH ||
          array == NULL || json_array_get_length (array) != 2)
        ok = FALSE;
      for (guint i = 0; ok && i < 2; i++)
        ok = is_clean_scalar (json_array_get_element (array, i));
      if (ok)
        continue;

      /* Something is wrong with it: say what. */
      if (path == NULL)
        path = member != NULL ? koers_json_path_member (parent, member) : g_strdup (parent);
      member_path = koers_json_path_member (path, name);

      if (g_utf8_strlen (name, -1) > KOERS_JSON_MAX_KEY_LENGTH || name[0] == '\0')
        {
          koers_json_add_problem (r->problems, member_path,
                                  _ ("a field name must have 1 to %d characters"),
                                  KOERS_JSON_MAX_KEY_LENGTH);
          continue;
        }

      if (array == NULL || json_array_get_length (array) != 2)
        {
          g_autofree char *pair_found = koers_json_describe_node (pair);

          koers_json_add_problem (r->problems, member_path,
                                  _ ("expected a list of the old and the new value, found %s"),
                                  pair_found);
          continue;
        }

      for (guint i = 0; i < 2; i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          g_autofree char *element_path = koers_json_path_index (member_path, i);

          if (!is_scalar (element))
            {
              g_autofree char *element_found = koers_json_describe_node (element);

              koers_json_add_problem (r->problems, element_path,
                                      _ ("expected text, a number, true, false or null, found %s"),
                                      element_found);
            }
          else if (koers_json_node_is_string (element))
            check_controls (r, element_path, json_node_get_string (element), TRUE);
        }
    }

  return r->problems->len == n_before;
}

/* The types whose member may be null for none: it then reads as absent. */
static gboolean
takes_null (KoersJsonFieldType type)
{
  return type == KOERS_JSON_FIELD_TEXT || type == KOERS_JSON_FIELD_NOTE || type == KOERS_JSON_FIELD_LINK ||
         type == KOERS_JSON_FIELD_OPTIONAL_DATE || type == KOERS_JSON_FIELD_GRADE;
}

/* Checks one member; fills value when it is valid. */
static gboolean
read_field (KoersJsonReader          *r,
            const char               *parent,
            const char               *name,
            const KoersJsonFieldSpec *spec,
            JsonNode                 *node,
            KoersJsonFieldValue      *value)
{
  /* The path and the description only when there is a problem: most
   * members have none. */
  g_autofree char *path_text = NULL;
  g_autofree char *found_text = NULL;
#define path (path_text != NULL ? path_text \
                                : (path_text = name != NULL ? koers_json_path_member (parent, name) : g_strdup (parent)))
#define found (found_text != NULL ? found_text : (found_text = koers_json_describe_node (node)))

  if (JSON_NODE_HOLDS_NULL (node) && takes_null (spec->type))
    return TRUE;

  switch (spec->type)
    {
    case KOERS_JSON_FIELD_TEXT:
    case KOERS_JSON_FIELD_NOTE:
      if (!koers_json_node_is_string (node))
        return koers_json_add_problem (r->problems, path, _ ("expected text, found %s"), found);
      if (!check_controls (r, path, json_node_get_string (node),
                           spec->type == KOERS_JSON_FIELD_NOTE))
        return FALSE;
      value->text = json_node_get_string (node);
      break;

    case KOERS_JSON_FIELD_NAME:
    case KOERS_JSON_FIELD_KEY:
      {
        g_autofree char *stripped = NULL;

        if (!koers_json_node_is_string (node))
          return koers_json_add_problem (r->problems, path, _ ("expected text, found %s"), found);
        stripped = g_strstrip (g_strdup (json_node_get_string (node)));
        if (stripped[0] == '\0')
          return koers_json_add_problem (r->problems, path, _ ("must not be empty"));
        if (spec->type == KOERS_JSON_FIELD_KEY &&
            g_utf8_strlen (json_node_get_string (node), -1) > KOERS_JSON_MAX_KEY_LENGTH)
          return koers_json_add_problem (r->problems, path, _ ("must not be longer than %d characters"),
                                         KOERS_JSON_MAX_KEY_LENGTH);
        if (!check_controls (r, path, json_node_get_string (node), FALSE))
          return FALSE;
        value->text = json_node_get_string (node);
      }
      break;

    case KOERS_JSON_FIELD_CHANGES:
      if (!read_change_fields (r, parent, name, node))
        return FALSE;
      value->object = json_node_get_object (node);
      break;

    case KOERS_JSON_FIELD_LINK:
    case KOERS_JSON_FIELD_UUID:
      if (!koers_json_node_is_string (node) ||
          !g_uuid_string_is_valid (json_node_get_string (node)))
        return koers_json_add_problem (r->problems, path,
                                       spec->type == KOERS_JSON_FIELD_LINK
                                         ? _ ("expected a uuid or null, found %s")
                                         : _ ("expected a uuid, found %s"),
                                       found);
      value->owned = g_ascii_strdown (json_node_get_string (node), -1);
      value->text = value->owned;
      break;

    case KOERS_JSON_FIELD_NUMBER:
    case KOERS_JSON_FIELD_WEIGHT:
      if (!koers_json_node_is_number (node) || !isfinite (json_node_get_double (node)) ||
          fabs (json_node_get_double (node)) > KOERS_JSON_MAX_ABS_NUMBER)
        return koers_json_add_problem (r->problems, path, _ ("expected a number, found %s"), found);
      value->number = json_node_get_double (node);
      if (spec->type == KOERS_JSON_FIELD_WEIGHT && value->number < 0)
        return koers_json_add_problem (r->problems, path, _ ("expected a number of 0 or more, found %s"),
                                       found);
      break;

    case KOERS_JSON_FIELD_GRADE:
      if (!koers_json_node_is_number (node) || !(json_node_get_double (node) >= 0.0) ||
          json_node_get_double (node) > 1.0)
        return koers_json_add_problem (r->problems, path,
                                       _ ("expected a number from 0 to 1 or null, found %s"), found);
      value->number = json_node_get_double (node);
      break;

    case KOERS_JSON_FIELD_ORDER:
    case KOERS_JSON_FIELD_VERSION:
    case KOERS_JSON_FIELD_INTEGER:
      {
        double number = koers_json_node_is_number (node) ? json_node_get_double (node) : NAN;

        if (!isfinite (number) || number != floor (number) ||
            (spec->type == KOERS_JSON_FIELD_ORDER && (number < 0 || number > KOERS_JSON_MAX_ORDER)) ||
            (spec->type == KOERS_JSON_FIELD_INTEGER && fabs (number) > G_MAXINT))
          {
            if (spec->type != KOERS_JSON_FIELD_ORDER)
              return koers_json_add_problem (r->problems, path, _ ("expected a whole number, found %s"),
                                             found);
            return koers_json_add_problem (r->problems, path,
                                           _ ("expected a whole number from 0 to %d, found %s"),
                                           KOERS_JSON_MAX_ORDER, found);
          }
        value->integer = (gint64) number;
      }
      break;

    case KOERS_JSON_FIELD_BOOL:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return koers_json_add_problem (r->problems, path, _ ("expected true or false, found %s"), found);
      value->boolean = json_node_get_boolean (node);
      break;

    case KOERS_JSON_FIELD_OPTIONAL_DATE:
    case KOERS_JSON_FIELD_DATE:
      {
        GDate date;

        if (!koers_json_node_is_string (node) ||
            !koers_date_parse (json_node_get_string (node), &date))
          return koers_json_add_problem (r->problems, path,
                                         spec->type == KOERS_JSON_FIELD_DATE
                                           ? _ ("expected a date such as 2026-06-30, found %s")
                                           : _ ("expected a date such as 2026-06-30 or null, found %s"),
                                         found);
        value->text = json_node_get_string (node);
      }
      break;

    case KOERS_JSON_FIELD_STAMP:
      if (!koers_json_node_is_string (node) ||
          !koers_json_parse_stamp (json_node_get_string (node), &value->integer))
        return koers_json_add_problem (r->problems, path,
                                       _ ("expected a time stamp such as 2026-05-15T09:30:00.000000Z, "
                                          "found %s"),
                                       found);
      break;

    case KOERS_JSON_FIELD_PERIOD:
      {
        KoersPeriod period;

        if (!koers_json_node_is_string (node) ||
            !koers_period_parse (json_node_get_string (node), &period, NULL))
          return koers_json_add_problem (r->problems, path,
                                         _ ("expected a period such as 2026-Q2, 2026 or "
                                            "2026-01-15/2026-03-31, found %s"),
                                         found);
        value->owned = koers_period_to_string (&period);
        value->text = value->owned;
      }
      break;

    case KOERS_JSON_FIELD_ENUM:
      {
        const char      *text = koers_json_node_is_string (node) ? json_node_get_string (node) : NULL;
        g_autofree char *names = NULL;
        const char      *nick;
        int              v;

        for (guint n = 0; text != NULL && (nick = get_enum_name (spec, n, &v)) != NULL; n++)
          {
            if (strcmp (nick, text) == 0)
              {
                value->enum_value = v;
                value->present = TRUE;
                return TRUE;
              }
          }

        names = list_enum_names (spec);
        return koers_json_add_problem (r->problems, path, _ ("expected one of %s, found %s"), names, found);
      }

    case KOERS_JSON_FIELD_LIST:
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return koers_json_add_problem (r->problems, path, _ ("expected a list, found %s"), found);
      value->list = json_node_get_array (node);
      break;

    default:
      g_assert_not_reached ();
    }

  value->present = TRUE;
  return TRUE;
#undef path
#undef found
}

gboolean
koers_json_read_member (KoersJsonReader          *r,
                        const char               *path,
                        const KoersJsonFieldSpec *spec,
                        JsonNode                 *node,
                        KoersJsonFieldValue      *value)
{
  memset (value, 0, sizeof *value);
  return read_field (r, path, NULL, spec, node, value);
}

/* FALSE when node is not an object or a member is wrong. */
gboolean
koers_json_read_object (KoersJsonReader          *r,
                        const char               *path,
                        JsonNode                 *node,
                        const KoersJsonFieldSpec *specs,
                        guint                     n_specs,
                        KoersJsonFieldValue      *values)
{
  g_autoptr (GList) members = NULL;
  guint       n_before = r->problems->len;
  JsonObject *object;

  g_assert (n_specs <= KOERS_JSON_MAX_FIELDS);
  memset (values, 0, sizeof (KoersJsonFieldValue) * n_specs);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *found = koers_json_describe_node (node);

      koers_json_add_problem (r->problems, path, _ ("expected an object, found %s"), found);
      return FALSE;
    }

  object = json_node_get_object (node);
  members = json_object_get_members (object);

  /* In the file's order, so problems come in reading order. */
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      guint       i;

      for (i = 0; i < n_specs; i++)
        if (strcmp (specs[i].name, name) == 0)
          break;

      if (i == n_specs)
        {
          g_autofree char *member_path = koers_json_path_member (path, name);

          koers_json_add_problem (r->problems, member_path, _ ("unknown member"));
          continue;
        }

      read_field (r, path, name, &specs[i], json_object_get_member (object, name), &values[i]);
    }

  for (guint i = 0; i < n_specs; i++)
    {
      if (specs[i].required && !json_object_has_member (object, specs[i].name))
        {
          g_autofree char *member_path = koers_json_path_member (path, specs[i].name);

          koers_json_add_problem (r->problems, member_path, _ ("missing (it is required)"));
        }
    }

  return r->problems->len == n_before;
}

void
koers_json_clear_values (KoersJsonFieldValue *values,
                         guint                n)
{
  for (guint i = 0; i < n; i++)
    g_clear_pointer (&values[i].owned, g_free);
}

const char *
koers_json_value_text (const KoersJsonFieldValue *value)
{
  return value->present && value->text != NULL ? value->text : "";
}

gboolean
koers_json_check_list_length (KoersJsonReader *r,
                              const char      *path,
                              JsonArray       *list,
                              guint            max)
{
  if (json_array_get_length (list) <= max)
    return TRUE;

  koers_json_add_problem (r->problems, path, _ ("more than %u entries"), max);
  return FALSE;
}
