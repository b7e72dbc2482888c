/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "koers-change-text.h"
#include "koers-date.h"
#include "koers-format.h"
#include "koers-period.h"

/* Longer text (a description, a note) is cut here in a sentence or line. */
#define MAX_TEXT_CHARS 80

/* The entities of the change log (koers-change.h). */
#define ENTITY_OBJECTIVE "objective"
#define ENTITY_KEY_RESULT "key_result"
#define ENTITY_CHECKIN "checkin"
#define ENTITY_DEPARTMENT "department"
#define ENTITY_KPI "kpi"
#define ENTITY_KPI_VALUE "kpi_value"
#define ENTITY_CAPACITY "capacity"
#define ENTITY_ESCALATION "escalation"

/* Contexts of the translatable words below, for g_dpgettext2(). */
#define LABEL_CONTEXT "history field"
#define NOUN_CONTEXT "history noun"

typedef enum
{
  VALUE_TEXT,
  VALUE_LONG_TEXT, /* a sentence names the field, the details show it */
  VALUE_METRIC,    /* by the metric kind of its key result or KPI */
  VALUE_NUMBER,
  VALUE_SCORE,
  VALUE_POSITION, /* 0-based in the database, shown from 1 */
  VALUE_DATE,
  VALUE_PERIOD,
  VALUE_BOOLEAN,
  VALUE_LINK, /* the uuid of link_entity */
  VALUE_LEVEL,
  VALUE_OBJECTIVE_KIND,
  VALUE_OBJECTIVE_STATE,
  VALUE_METRIC_KIND,
  VALUE_CHECKIN_STATUS,
  VALUE_KPI_DIRECTION,
  VALUE_KPI_FREQUENCY,
} ValueKind;

typedef struct
{
  const char *entity;
  const char *column;
  ValueKind   kind;
  const char *link_entity;
  const char *label; /* LABEL_CONTEXT: "Target value" */
  const char *noun;  /* NOUN_CONTEXT: "the target", as a sentence names it */
} FieldInfo;

/* The columns of schema 5 (and 6's archived) that the log records (not id, uuid, created,
 * updated, version). */
static const FieldInfo field_infos[] = {
  { ENTITY_OBJECTIVE, "department_id", VALUE_LINK, ENTITY_DEPARTMENT,
    NC_ ("history field", "Department"), NC_ ("history noun", "the department") },
  { ENTITY_OBJECTIVE, "title", VALUE_TEXT, NULL,
    NC_ ("history field", "Title"), NC_ ("history noun", "the title") },
  { ENTITY_OBJECTIVE, "description", VALUE_LONG_TEXT, NULL,
    NC_ ("history field", "Description"), NC_ ("history noun", "the description") },
  { ENTITY_OBJECTIVE, "level", VALUE_LEVEL, NULL,
    NC_ ("history field", "Level"), NC_ ("history noun", "the level") },
  { ENTITY_OBJECTIVE, "kind", VALUE_OBJECTIVE_KIND, NULL,
    NC_ ("history field", "Kind"), NC_ ("history noun", "the kind") },
  { ENTITY_OBJECTIVE, "period", VALUE_PERIOD, NULL,
    NC_ ("history field", "Period"), NC_ ("history noun", "the period") },
  { ENTITY_OBJECTIVE, "owner", VALUE_TEXT, NULL,
    NC_ ("history field", "Owner"), NC_ ("history noun", "the owner") },
  { ENTITY_OBJECTIVE, "aligned_to_id", VALUE_LINK, ENTITY_OBJECTIVE,
    NC_ ("history field", "Supports"), NC_ ("history noun", "the objective it supports") },
  { ENTITY_OBJECTIVE, "state", VALUE_OBJECTIVE_STATE, NULL,
    NC_ ("history field", "State"), NC_ ("history noun", "the state") },
  { ENTITY_OBJECTIVE, "carried_over_from_id", VALUE_LINK, ENTITY_OBJECTIVE,
    NC_ ("history field", "Carried over from"), NC_ ("history noun", "the objective it carries over") },
  { ENTITY_OBJECTIVE, "position", VALUE_POSITION, NULL,
    NC_ ("history field", "Position"), NC_ ("history noun", "the position") },
  { ENTITY_OBJECTIVE, "postmortem", VALUE_LONG_TEXT, NULL,
    NC_ ("history field", "Postmortem"), NC_ ("history noun", "the postmortem") },
  { ENTITY_OBJECTIVE, "final_grade", VALUE_SCORE, NULL,
    NC_ ("history field", "Final grade"), NC_ ("history noun", "the final grade") },
  { ENTITY_OBJECTIVE, "review_note", VALUE_LONG_TEXT, NULL,
    NC_ ("history field", "Review note"), NC_ ("history noun", "the review note") },
  { ENTITY_OBJECTIVE, "archived", VALUE_BOOLEAN, NULL,
    NC_ ("history field", "Archived"), NC_ ("history noun", "whether it is archived") },
  /* Schema 7: effort and resource request. */
  { ENTITY_OBJECTIVE, "effort_days", VALUE_NUMBER, NULL,
    NC_ ("history field", "Effort (person-days)"), NC_ ("history noun", "the effort estimate") },
  { ENTITY_OBJECTIVE, "request_days", VALUE_NUMBER, NULL,
    NC_ ("history field", "Requested person-days"), NC_ ("history noun", "the person-days requested") },
  { ENTITY_OBJECTIVE, "request_budget", VALUE_NUMBER, NULL,
    NC_ ("history field", "Requested budget"), NC_ ("history noun", "the budget requested") },
  { ENTITY_OBJECTIVE, "request_reason", VALUE_LONG_TEXT, NULL,
    NC_ ("history field", "Reason for the request"), NC_ ("history noun", "the reason for the request") },
  { ENTITY_OBJECTIVE, "request_state", VALUE_TEXT, NULL,
    NC_ ("history field", "Request"), NC_ ("history noun", "the answer to the request") },
  { ENTITY_OBJECTIVE, "request_note", VALUE_LONG_TEXT, NULL,
    NC_ ("history field", "Note on the request"), NC_ ("history noun", "the note on the request") },

  { ENTITY_KEY_RESULT, "objective_id", VALUE_LINK, ENTITY_OBJECTIVE,
    NC_ ("history field", "Objective"), NC_ ("history noun", "the objective") },
  { ENTITY_KEY_RESULT, "title", VALUE_TEXT, NULL,
    NC_ ("history field", "Title"), NC_ ("history noun", "the title") },
  { ENTITY_KEY_RESULT, "metric_kind", VALUE_METRIC_KIND, NULL,
    NC_ ("history field", "Measured as"), NC_ ("history noun", "how it is measured") },
  { ENTITY_KEY_RESULT, "unit", VALUE_TEXT, NULL,
    NC_ ("history field", "Unit"), NC_ ("history noun", "the unit") },
  { ENTITY_KEY_RESULT, "start_value", VALUE_METRIC, NULL,
    NC_ ("history field", "Start value"), NC_ ("history noun", "the start value") },
  { ENTITY_KEY_RESULT, "target_value", VALUE_METRIC, NULL,
    NC_ ("history field", "Target value"), NC_ ("history noun", "the target") },
  { ENTITY_KEY_RESULT, "current_value", VALUE_METRIC, NULL,
    NC_ ("history field", "Current value"), NC_ ("history noun", "the current value") },
  { ENTITY_KEY_RESULT, "due_date", VALUE_DATE, NULL,
    NC_ ("history field", "Due date"), NC_ ("history noun", "the due date") },
  { ENTITY_KEY_RESULT, "owner", VALUE_TEXT, NULL,
    NC_ ("history field", "Owner"), NC_ ("history noun", "the owner") },
  { ENTITY_KEY_RESULT, "weight", VALUE_NUMBER, NULL,
    NC_ ("history field", "Weight"), NC_ ("history noun", "the weight") },
  { ENTITY_KEY_RESULT, "uses_personal_data", VALUE_BOOLEAN, NULL,
    NC_ ("history field", "Uses personal data"), NC_ ("history noun", "the use of personal data") },
  { ENTITY_KEY_RESULT, "personal_data_note", VALUE_LONG_TEXT, NULL,
    NC_ ("history field", "Personal data note"), NC_ ("history noun", "the note on personal data") },
  { ENTITY_KEY_RESULT, "position", VALUE_POSITION, NULL,
    NC_ ("history field", "Position"), NC_ ("history noun", "the position") },
  { ENTITY_KEY_RESULT, "final_score", VALUE_SCORE, NULL,
    NC_ ("history field", "Final score"), NC_ ("history noun", "the final score") },
  { ENTITY_KEY_RESULT, "final_note", VALUE_LONG_TEXT, NULL,
    NC_ ("history field", "Final note"), NC_ ("history noun", "the final note") },
  { ENTITY_KEY_RESULT, "kpi_id", VALUE_LINK, ENTITY_KPI,
    NC_ ("history field", "KPI"), NC_ ("history noun", "the KPI it moves") },

  { ENTITY_CHECKIN, "key_result_id", VALUE_LINK, ENTITY_KEY_RESULT,
    NC_ ("history field", "Key result"), NC_ ("history noun", "the key result") },
  { ENTITY_CHECKIN, "date", VALUE_DATE, NULL,
    NC_ ("history field", "Date"), NC_ ("history noun", "the date") },
  { ENTITY_CHECKIN, "value", VALUE_METRIC, NULL,
    NC_ ("history field", "Value"), NC_ ("history noun", "the value") },
  { ENTITY_CHECKIN, "status", VALUE_CHECKIN_STATUS, NULL,
    NC_ ("history field", "Status"), NC_ ("history noun", "the status") },
  { ENTITY_CHECKIN, "note", VALUE_LONG_TEXT, NULL,
    NC_ ("history field", "Note"), NC_ ("history noun", "the note") },
  { ENTITY_CHECKIN, "author", VALUE_TEXT, NULL,
    NC_ ("history field", "Checked in by"), NC_ ("history noun", "who checked in") },

  { ENTITY_DEPARTMENT, "name", VALUE_TEXT, NULL,
    NC_ ("history field", "Name"), NC_ ("history noun", "the name") },
  { ENTITY_DEPARTMENT, "emoji", VALUE_TEXT, NULL,
    NC_ ("history field", "Emoji"), NC_ ("history noun", "the emoji") },
  { ENTITY_DEPARTMENT, "sort_order", VALUE_POSITION, NULL,
    NC_ ("history field", "Position"), NC_ ("history noun", "the position") },
  { ENTITY_DEPARTMENT, "parent_id", VALUE_LINK, ENTITY_DEPARTMENT,
    NC_ ("history field", "Part of"), NC_ ("history noun", "the department it is part of") },
  { ENTITY_DEPARTMENT, "is_company", VALUE_BOOLEAN, NULL,
    NC_ ("history field", "The company"), NC_ ("history noun", "whether it is the company") },

  { ENTITY_KPI, "department_id", VALUE_LINK, ENTITY_DEPARTMENT,
    NC_ ("history field", "Department"), NC_ ("history noun", "the department") },
  { ENTITY_KPI, "name", VALUE_TEXT, NULL,
    NC_ ("history field", "Name"), NC_ ("history noun", "the name") },
  { ENTITY_KPI, "unit", VALUE_TEXT, NULL,
    NC_ ("history field", "Unit"), NC_ ("history noun", "the unit") },
  { ENTITY_KPI, "metric_kind", VALUE_METRIC_KIND, NULL,
    NC_ ("history field", "Measured as"), NC_ ("history noun", "how it is measured") },
  { ENTITY_KPI, "direction", VALUE_KPI_DIRECTION, NULL,
    NC_ ("history field", "Direction"), NC_ ("history noun", "the direction") },
  { ENTITY_KPI, "healthy", VALUE_METRIC, NULL,
    NC_ ("history field", "Healthy threshold"), NC_ ("history noun", "the healthy threshold") },
  { ENTITY_KPI, "attention", VALUE_METRIC, NULL,
    NC_ ("history field", "Attention threshold"), NC_ ("history noun", "the attention threshold") },
  { ENTITY_KPI, "frequency", VALUE_KPI_FREQUENCY, NULL,
    NC_ ("history field", "Frequency"), NC_ ("history noun", "the frequency") },
  { ENTITY_KPI, "position", VALUE_POSITION, NULL,
    NC_ ("history field", "Position"), NC_ ("history noun", "the position") },

  { ENTITY_CAPACITY, "department_id", VALUE_LINK, ENTITY_DEPARTMENT,
    NC_ ("history field", "Department"), NC_ ("history noun", "the department") },
  { ENTITY_CAPACITY, "period", VALUE_PERIOD, NULL,
    NC_ ("history field", "Period"), NC_ ("history noun", "the period") },
  { ENTITY_CAPACITY, "days", VALUE_NUMBER, NULL,
    NC_ ("history field", "Capacity (person-days)"), NC_ ("history noun", "the capacity") },
  { ENTITY_CAPACITY, "budget", VALUE_NUMBER, NULL,
    NC_ ("history field", "Budget"), NC_ ("history noun", "the budget") },

  { ENTITY_ESCALATION, "objective_id", VALUE_LINK, ENTITY_OBJECTIVE,
    NC_ ("history field", "Objective"), NC_ ("history noun", "the objective") },
  { ENTITY_ESCALATION, "key_result_id", VALUE_LINK, ENTITY_KEY_RESULT,
    NC_ ("history field", "Key result"), NC_ ("history noun", "the key result") },
  { ENTITY_ESCALATION, "reason", VALUE_LONG_TEXT, NULL,
    NC_ ("history field", "Reason"), NC_ ("history noun", "the reason") },
  { ENTITY_ESCALATION, "help", VALUE_LONG_TEXT, NULL,
    NC_ ("history field", "Help asked"), NC_ ("history noun", "the help asked") },
  { ENTITY_ESCALATION, "raised_by", VALUE_TEXT, NULL,
    NC_ ("history field", "Escalated by"), NC_ ("history noun", "who escalated") },
  { ENTITY_ESCALATION, "resolved", VALUE_BOOLEAN, NULL,
    NC_ ("history field", "Resolved"), NC_ ("history noun", "whether it is resolved") },
  { ENTITY_ESCALATION, "resolution", VALUE_LONG_TEXT, NULL,
    NC_ ("history field", "Resolution"), NC_ ("history noun", "the resolution") },
  { ENTITY_ESCALATION, "resolved_by", VALUE_TEXT, NULL,
    NC_ ("history field", "Resolved by"), NC_ ("history noun", "who resolved it") },

  { ENTITY_KPI_VALUE, "kpi_id", VALUE_LINK, ENTITY_KPI,
    NC_ ("history field", "KPI"), NC_ ("history noun", "the KPI") },
  { ENTITY_KPI_VALUE, "date", VALUE_DATE, NULL,
    NC_ ("history field", "Date"), NC_ ("history noun", "the date") },
  { ENTITY_KPI_VALUE, "value", VALUE_METRIC, NULL,
    NC_ ("history field", "Value"), NC_ ("history noun", "the value") },
  { ENTITY_KPI_VALUE, "note", VALUE_LONG_TEXT, NULL,
    NC_ ("history field", "Note"), NC_ ("history noun", "the note") },
};

static const FieldInfo *
find_field_info (const char *entity,
                 const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_infos); i++)
    if (g_strcmp0 (field_infos[i].entity, entity) == 0 &&
        g_strcmp0 (field_infos[i].column, column) == 0)
      return &field_infos[i];
  return NULL;
}

static gboolean
is_entity (KoersChange *change,
           const char  *entity)
{
  return g_strcmp0 (koers_change_get_entity (change), entity) == 0;
}

static gboolean
is_subject (const KoersChangeTextContext *context,
            const char                   *uuid)
{
  return context != NULL && context->subject_uuid != NULL &&
         g_strcmp0 (context->subject_uuid, uuid) == 0;
}

static char *
lookup_name (const KoersChangeTextContext *context,
             const char                   *entity,
             const char                   *uuid)
{
  if (context == NULL || context->get_name == NULL || uuid == NULL)
    return NULL;
  return context->get_name (entity, uuid, context->user_data);
}

/* The value of column as the change leaves it (new), or as it was before
 * (old, and for a delete, which has no new values); NULL when the change
 * does not hold it or it is NULL. */
static const char *
get_field_value (KoersChange *change,
                 const char  *column,
                 gboolean     old)
{
  int index = koers_change_find_field (change, column);

  if (index < 0)
    return NULL;
  if (old || koers_change_get_operation (change) == KOERS_CHANGE_DELETE)
    return koers_change_get_field_old (change, (guint) index);
  return koers_change_get_field_new (change, (guint) index);
}

/* The current value, else the one before (a delete, or a field the update
 * cleared). */
static const char *
get_any_value (KoersChange *change,
               const char  *column)
{
  const char *value = get_field_value (change, column, FALSE);

  return value != NULL ? value : get_field_value (change, column, TRUE);
}

/* Empty text is no text: "" and NULL read the same ("none"). */
static const char *
normalize_value (const FieldInfo *info,
                 const char      *value)
{
  if (value != NULL && *value == '\0' &&
      (info == NULL || info->kind == VALUE_TEXT || info->kind == VALUE_LONG_TEXT))
    return NULL;
  return value;
}

static gboolean
parse_double (const char *text,
              double     *out)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;

  *out = g_ascii_strtod (text, &end);
  while (end != NULL && g_ascii_isspace (*end))
    end++;
  return end != text && end != NULL && *end == '\0';
}

/* One line, cut to MAX_TEXT_CHARS, in quotes. */
static char *
quote_text (const char *text)
{
  g_autofree char *line = g_strdup (text);
  g_autofree char *cut = NULL;

  g_strdelimit (line, "\r\n\t", ' ');
  g_strstrip (line);
  if (g_utf8_strlen (line, -1) > MAX_TEXT_CHARS)
    {
      g_autofree char *start = g_utf8_substring (line, 0, MAX_TEXT_CHARS - 1);

      cut = g_strconcat (g_strchomp (start), "…", NULL);
    }

  return g_strconcat ("“", cut != NULL ? cut : line, "”", NULL);
}

/* "the objective “Grow”", or "a removed objective" when there is no name. */
static char *
name_phrase (const char *entity,
             const char *name)
{
  if (g_strcmp0 (entity, ENTITY_OBJECTIVE) == 0)
    return name != NULL ? g_strdup_printf (C_ ("history", "the objective “%s”"), name)
                        : g_strdup (C_ ("history", "a removed objective"));
  if (g_strcmp0 (entity, ENTITY_KEY_RESULT) == 0)
    return name != NULL ? g_strdup_printf (C_ ("history", "the key result “%s”"), name)
                        : g_strdup (C_ ("history", "a removed key result"));
  if (g_strcmp0 (entity, ENTITY_DEPARTMENT) == 0)
    return name != NULL ? g_strdup_printf (C_ ("history", "the department “%s”"), name)
                        : g_strdup (C_ ("history", "a removed department"));
  if (g_strcmp0 (entity, ENTITY_KPI) == 0)
    return name != NULL ? g_strdup_printf (C_ ("history", "the KPI “%s”"), name)
                        : g_strdup (C_ ("history", "a removed KPI"));
  /* Schema 7: they have no name of their own. */
  if (g_strcmp0 (entity, ENTITY_ESCALATION) == 0)
    return g_strdup (C_ ("history", "an escalation to management"));
  if (g_strcmp0 (entity, ENTITY_CAPACITY) == 0)
    return g_strdup (C_ ("history", "the capacity of a quarter"));

  return name != NULL ? g_strdup_printf ("“%s”", name)
                      : g_strdup (C_ ("history", "something that was removed"));
}

/* The phrase for what uuid is, by the name the caller knows for it. */
static char *
link_phrase (const KoersChangeTextContext *context,
             const char                   *entity,
             const char                   *uuid)
{
  g_autofree char *name = lookup_name (context, entity, uuid);

  return name_phrase (entity, name);
}

static char *
format_date_text (const char *iso)
{
  char *text = koers_format_date_iso (koers_format_get_language (), iso);

  return text != NULL ? text : g_strdup (iso);
}

/* The date of a check-in or KPI value: from the change, else from the
 * caller; NULL when neither knows. */
static char *
get_dated_entity_date (KoersChange                  *change,
                       const KoersChangeTextContext *context)
{
  const char      *date = get_any_value (change, "date");
  g_autofree char *known = NULL;

  if (date == NULL)
    date = known = lookup_name (context, koers_change_get_entity (change),
                                koers_change_get_uuid (change));
  return date != NULL ? format_date_text (date) : NULL;
}

/* "the check-in of 3 March 2026", with its key result when the history is
 * not that key result's: "the check-in of 3 March 2026 for the key result
 * “Reduce churn”". */
static char *
checkin_phrase (KoersChange                  *change,
                const KoersChangeTextContext *context)
{
  const char      *parent = koers_change_get_parent (change);
  g_autofree char *date = get_dated_entity_date (change, context);
  g_autofree char *kr = NULL;

  if (parent == NULL || is_subject (context, parent))
    return date != NULL ? g_strdup_printf (C_ ("history", "the check-in of %s"), date)
                        : g_strdup (C_ ("history", "a check-in"));

  kr = link_phrase (context, ENTITY_KEY_RESULT, parent);
  if (date != NULL)
    /* Translators: the check-in of a date, for a key result: "the check-in
     * of 3 March 2026 for the key result “Reduce churn”". */
    return g_strdup_printf (C_ ("history", "the check-in of %1$s for %2$s"), date, kr);
  /* Translators: %s is a key result: "the key result “Reduce churn”". */
  return g_strdup_printf (C_ ("history", "a check-in for %s"), kr);
}

static char *
kpi_value_phrase (KoersChange                  *change,
                  const KoersChangeTextContext *context)
{
  const char      *parent = koers_change_get_parent (change);
  g_autofree char *date = get_dated_entity_date (change, context);
  g_autofree char *kpi = NULL;

  if (parent == NULL || is_subject (context, parent))
    return date != NULL ? g_strdup_printf (C_ ("history", "the value of %s"), date)
                        : g_strdup (C_ ("history", "a value"));

  kpi = link_phrase (context, ENTITY_KPI, parent);
  if (date != NULL)
    /* Translators: a KPI's value of a date: "the value of 30 June 2026 for
     * the KPI “Revenue”". */
    return g_strdup_printf (C_ ("history", "the value of %1$s for %2$s"), date, kpi);
  /* Translators: %s is a KPI: "the KPI “Revenue”". */
  return g_strdup_printf (C_ ("history", "a value for %s"), kpi);
}

/* The changed entity as a sentence names it. */
static char *
entity_phrase (KoersChange                  *change,
               const KoersChangeTextContext *context)
{
  const char      *entity = koers_change_get_entity (change);
  const char      *column;
  const char      *name;
  g_autofree char *known = NULL;

  if (is_entity (change, ENTITY_CHECKIN))
    return checkin_phrase (change, context);
  if (is_entity (change, ENTITY_KPI_VALUE))
    return kpi_value_phrase (change, context);

  column = is_entity (change, ENTITY_OBJECTIVE) || is_entity (change, ENTITY_KEY_RESULT)
             ? "title"
             : "name";
  name = get_any_value (change, column);
  if (name == NULL)
    name = known = lookup_name (context, entity, koers_change_get_uuid (change));

  return name_phrase (entity, name);
}

/* "this key result": the subject of the history itself. */
static char *
subject_phrase (KoersChange                  *change,
                const KoersChangeTextContext *context)
{
  if (is_entity (change, ENTITY_OBJECTIVE))
    return g_strdup (C_ ("history", "this objective"));
  if (is_entity (change, ENTITY_KEY_RESULT))
    return g_strdup (C_ ("history", "this key result"));
  if (is_entity (change, ENTITY_DEPARTMENT))
    return g_strdup (C_ ("history", "this department"));
  if (is_entity (change, ENTITY_KPI))
    return g_strdup (C_ ("history", "this KPI"));
  return entity_phrase (change, context);
}

static void
get_metric (KoersChange                  *change,
            const KoersChangeTextContext *context,
            gboolean                      old,
            KoersMetricKind              *kind,
            char                        **unit)
{
  const char *owner_entity = NULL;
  const char *owner_uuid = NULL;
  gboolean    own = FALSE;

  *kind = KOERS_METRIC_KIND_NUMBER;
  *unit = NULL;

  if (is_entity (change, ENTITY_KEY_RESULT) || is_entity (change, ENTITY_KPI))
    {
      owner_entity = koers_change_get_entity (change);
      owner_uuid = koers_change_get_uuid (change);
      own = TRUE;
    }
  else if (is_entity (change, ENTITY_CHECKIN))
    {
      owner_entity = ENTITY_KEY_RESULT;
      owner_uuid = koers_change_get_parent (change);
    }
  else if (is_entity (change, ENTITY_KPI_VALUE))
    {
      owner_entity = ENTITY_KPI;
      owner_uuid = koers_change_get_parent (change);
    }
  else
    {
      return;
    }

  if (owner_uuid != NULL && context != NULL && context->get_metric != NULL &&
      !context->get_metric (owner_entity, owner_uuid, kind, unit, context->user_data))
    {
      *kind = KOERS_METRIC_KIND_NUMBER;
      g_clear_pointer (unit, g_free);
    }

  /* What the change itself says wins: the kind and unit of that moment. */
  if (own)
    {
      KoersMetricKind from_change;

      if (koers_change_find_field (change, "metric_kind") >= 0 &&
          koers_metric_kind_from_string (get_field_value (change, "metric_kind", old), &from_change))
        *kind = from_change;
      if (koers_change_find_field (change, "unit") >= 0)
        {
          g_free (*unit);
          *unit = g_strdup (get_field_value (change, "unit", old));
        }
    }
}

static char *
format_enum_label (const char *label,
                   const char *value)
{
  return g_strdup (label != NULL && *label != '\0' ? label : value);
}

static char *
format_value (KoersChange                  *change,
              const KoersChangeTextContext *context,
              const FieldInfo              *info,
              const char                   *value,
              gboolean                      old)
{
  KoersLanguage lang = koers_format_get_language ();
  double        number;

  value = normalize_value (info, value);
  if (value == NULL)
    return g_strdup (C_ ("history value", "none"));

  if (info == NULL)
    return g_strdup (value);

  switch (info->kind)
    {
    case VALUE_METRIC:
      if (parse_double (value, &number))
        {
          g_autofree char *unit = NULL;
          KoersMetricKind  kind;

          get_metric (change, context, old, &kind, &unit);
          return koers_format_metric (lang, kind, unit, number);
        }
      break;

    case VALUE_NUMBER:
      if (parse_double (value, &number))
        return koers_format_number (lang, number, 2);
      break;

    case VALUE_SCORE:
      if (parse_double (value, &number))
        return koers_format_score (lang, number, 2);
      break;

    case VALUE_POSITION:
      if (parse_double (value, &number))
        return koers_format_number (lang, number + 1, 0);
      break;

    case VALUE_DATE:
      return format_date_text (value);

    case VALUE_PERIOD:
      {
        KoersPeriod period;
        char       *text;

        if (koers_period_parse (value, &period, NULL) &&
            (text = koers_format_period (lang, &period)) != NULL)
          return text;
      }
      break;

    case VALUE_BOOLEAN:
      if (g_str_equal (value, "1") || g_ascii_strcasecmp (value, "true") == 0)
        return g_strdup (C_ ("history value", "Yes"));
      if (g_str_equal (value, "0") || g_ascii_strcasecmp (value, "false") == 0)
        return g_strdup (C_ ("history value", "No"));
      break;

    case VALUE_LINK:
      {
        g_autofree char *name = lookup_name (context, info->link_entity, value);

        if (name != NULL)
          return quote_text (name);
        return name_phrase (info->link_entity, NULL);
      }

    case VALUE_LEVEL:
      {
        KoersLevel level;

        if (koers_level_from_string (value, &level))
          return format_enum_label (koers_level_get_label (level), value);
      }
      break;

    case VALUE_OBJECTIVE_KIND:
      {
        KoersObjectiveKind kind;

        if (koers_objective_kind_from_string (value, &kind))
          return format_enum_label (koers_objective_kind_get_label (kind), value);
      }
      break;

    case VALUE_OBJECTIVE_STATE:
      {
        KoersObjectiveState state;

        if (koers_objective_state_from_string (value, &state))
          return format_enum_label (koers_objective_state_get_label (state), value);
      }
      break;

    case VALUE_METRIC_KIND:
      {
        KoersMetricKind kind;

        if (koers_metric_kind_from_string (value, &kind))
          return format_enum_label (koers_metric_kind_get_label (kind), value);
      }
      break;

    case VALUE_CHECKIN_STATUS:
      {
        KoersCheckinStatus status;

        if (koers_checkin_status_from_string (value, &status))
          return format_enum_label (koers_checkin_status_get_label (status), value);
      }
      break;

    case VALUE_KPI_DIRECTION:
      {
        KoersKpiDirection direction;

        if (koers_kpi_direction_from_string (value, &direction))
          return format_enum_label (koers_kpi_direction_get_label (direction), value);
      }
      break;

    case VALUE_KPI_FREQUENCY:
      {
        KoersKpiFrequency frequency;

        if (koers_kpi_frequency_from_string (value, &frequency))
          return format_enum_label (koers_kpi_frequency_get_label (frequency), value);
      }
      break;

    case VALUE_TEXT:
    case VALUE_LONG_TEXT:
    default:
      break;
    }

  /* Text, and what did not parse as its kind: shown as it is. */
  return quote_text (value);
}

const char *
koers_change_text_get_field_label (const char *entity,
                                   const char *column)
{
  const FieldInfo *info = find_field_info (entity, column);

  if (info == NULL)
    return column;
  return g_dpgettext2 (GETTEXT_PACKAGE, LABEL_CONTEXT, info->label);
}

static const char *
get_field_noun (const char *entity,
                const char *column)
{
  const FieldInfo *info = find_field_info (entity, column);

  if (info == NULL)
    return column;
  return g_dpgettext2 (GETTEXT_PACKAGE, NOUN_CONTEXT, info->noun);
}

char *
koers_change_text_format_value (KoersChange                  *change,
                                const KoersChangeTextContext *context,
                                const char                   *column,
                                const char                   *value,
                                gboolean                      old)
{
  g_return_val_if_fail (KOERS_IS_CHANGE (change), NULL);
  g_return_val_if_fail (column != NULL, NULL);

  return format_value (change, context,
                       find_field_info (koers_change_get_entity (change), column),
                       value, old);
}

const char *
koers_change_text_get_author (KoersChange *change)
{
  const char *author;

  g_return_val_if_fail (KOERS_IS_CHANGE (change), NULL);

  author = koers_change_get_author (change);
  for (const char *p = author; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return author;

  /* Translators: the author of a change that does not say who made it. */
  return C_ ("history", "Someone");
}

static gboolean
is_long_text (KoersChange *change,
              const char  *column)
{
  const FieldInfo *info = find_field_info (koers_change_get_entity (change), column);

  return info != NULL && info->kind == VALUE_LONG_TEXT;
}

/* "the target", or "the target of the key result “Reduce churn”" when the
 * history is not that key result's. */
static char *
field_phrase (KoersChange                  *change,
              const KoersChangeTextContext *context,
              const char                   *column)
{
  const char      *noun = get_field_noun (koers_change_get_entity (change), column);
  g_autofree char *owner = NULL;

  if (is_subject (context, koers_change_get_uuid (change)))
    return g_strdup (noun);

  owner = entity_phrase (change, context);
  /* Translators: a field of something: "the target of the key result
   * “Reduce churn”", "the note of the check-in of 3 March 2026". */
  return g_strdup_printf (C_ ("history", "%1$s of %2$s"), noun, owner);
}

static char *
describe_checkin_insert (KoersChange                  *change,
                         const KoersChangeTextContext *context,
                         const char                   *author)
{
  const char        *parent = koers_change_get_parent (change);
  const char        *status_text = get_field_value (change, "status", FALSE);
  g_autofree char   *value = NULL;
  g_autofree char   *status = NULL;
  g_autofree char   *kr = NULL;
  KoersCheckinStatus checkin_status;

  value = koers_change_text_format_value (change, context, "value",
                                          get_field_value (change, "value", FALSE), FALSE);
  if (koers_checkin_status_from_string (status_text, &checkin_status) &&
      checkin_status != KOERS_CHECKIN_STATUS_NONE)
    status = g_utf8_strdown (koers_checkin_status_get_label (checkin_status), -1);
  if (parent != NULL && !is_subject (context, parent))
    kr = link_phrase (context, ENTITY_KEY_RESULT, parent);

  if (kr != NULL && status != NULL)
    /* Translators: "Anna checked in 8.5 on the key result “Reduce churn” — on track". */
    return g_strdup_printf (C_ ("history", "%1$s checked in %2$s on %3$s — %4$s"),
                            author, value, kr, status);
  if (kr != NULL)
    /* Translators: "Anna checked in 8.5 on the key result “Reduce churn”". */
    return g_strdup_printf (C_ ("history", "%1$s checked in %2$s on %3$s"), author, value, kr);
  if (status != NULL)
    /* Translators: "Anna checked in 8.5 — on track". */
    return g_strdup_printf (C_ ("history", "%1$s checked in %2$s — %3$s"), author, value, status);
  /* Translators: "Anna checked in 8.5". */
  return g_strdup_printf (C_ ("history", "%1$s checked in %2$s"), author, value);
}

static char *
describe_kpi_value_insert (KoersChange                  *change,
                           const KoersChangeTextContext *context,
                           const char                   *author)
{
  const char      *parent = koers_change_get_parent (change);
  g_autofree char *value = NULL;
  g_autofree char *kpi = NULL;

  value = koers_change_text_format_value (change, context, "value",
                                          get_field_value (change, "value", FALSE), FALSE);
  if (parent == NULL || is_subject (context, parent))
    /* Translators: "Anna recorded € 250,000" (a KPI's value). */
    return g_strdup_printf (C_ ("history", "%1$s recorded %2$s"), author, value);

  kpi = link_phrase (context, ENTITY_KPI, parent);
  /* Translators: "Anna recorded € 250,000 for the KPI “Revenue”". */
  return g_strdup_printf (C_ ("history", "%1$s recorded %2$s for %3$s"), author, value, kpi);
}

static char *
describe_update (KoersChange                  *change,
                 const KoersChangeTextContext *context,
                 const char                   *author)
{
  const FieldInfo *info;
  const char      *column;
  const char      *old_value;
  const char      *new_value;
  g_autofree char *what = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (koers_change_get_n_fields (change) != 1)
    {
      what = is_subject (context, koers_change_get_uuid (change))
               ? subject_phrase (change, context)
               : entity_phrase (change, context);
      /* Translators: "Anna changed the key result “Reduce churn”", with the
       * changes as lines below. */
      return g_strdup_printf (C_ ("history", "%1$s changed %2$s"), author, what);
    }

  column = koers_change_get_field_name (change, 0);
  info = find_field_info (koers_change_get_entity (change), column);
  old_value = normalize_value (info, koers_change_get_field_old (change, 0));
  new_value = normalize_value (info, koers_change_get_field_new (change, 0));
  what = field_phrase (change, context, column);

  if (is_long_text (change, column) || (old_value == NULL && new_value == NULL))
    /* Translators: "Anna changed the description" (shown below). */
    return g_strdup_printf (C_ ("history", "%1$s changed %2$s"), author, what);

  if (new_value == NULL)
    /* Translators: "Anna cleared the due date". */
    return g_strdup_printf (C_ ("history", "%1$s cleared %2$s"), author, what);

  to = koers_change_text_format_value (change, context, column, new_value, FALSE);
  if (old_value == NULL)
    /* Translators: "Anna set the due date to 30 June 2026". */
    return g_strdup_printf (C_ ("history", "%1$s set %2$s to %3$s"), author, what, to);

  from = koers_change_text_format_value (change, context, column, old_value, TRUE);
  /* Translators: "Anna changed the target from 10 to 12". */
  return g_strdup_printf (C_ ("history", "%1$s changed %2$s from %3$s to %4$s"),
                          author, what, from, to);
}

char *
koers_change_text_describe (KoersChange                  *change,
                            const KoersChangeTextContext *context)
{
  const char      *author;
  g_autofree char *what = NULL;

  g_return_val_if_fail (KOERS_IS_CHANGE (change), NULL);

  author = koers_change_text_get_author (change);

  switch (koers_change_get_operation (change))
    {
    case KOERS_CHANGE_INSERT:
      if (is_entity (change, ENTITY_CHECKIN))
        return describe_checkin_insert (change, context, author);
      if (is_entity (change, ENTITY_KPI_VALUE))
        return describe_kpi_value_insert (change, context, author);
      what = entity_phrase (change, context);
      /* Translators: "Jan added the key result “Reduce churn”". */
      return g_strdup_printf (C_ ("history", "%1$s added %2$s"), author, what);

    case KOERS_CHANGE_DELETE:
      what = entity_phrase (change, context);
      /* Translators: "Jan removed the check-in of 3 March 2026". */
      return g_strdup_printf (C_ ("history", "%1$s removed %2$s"), author, what);

    case KOERS_CHANGE_UPDATE:
    default:
      return describe_update (change, context, author);
    }
}

static void
add_line (GPtrArray  *lines,
          const char *label,
          const char *text)
{
  /* Translators: a line of a change's details: "Note: “Slow start”". */
  g_ptr_array_add (lines, g_strdup_printf (C_ ("history", "%1$s: %2$s"), label, text));
}

static void
add_change_line (GPtrArray                    *lines,
                 KoersChange                  *change,
                 const KoersChangeTextContext *context,
                 guint                         index)
{
  const char      *column = koers_change_get_field_name (change, index);
  const char      *label = koers_change_text_get_field_label (koers_change_get_entity (change), column);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  from = koers_change_text_format_value (change, context, column,
                                         koers_change_get_field_old (change, index), TRUE);
  to = koers_change_text_format_value (change, context, column,
                                       koers_change_get_field_new (change, index), FALSE);
  /* Translators: a changed field: "Target value: 10 → 12". */
  g_ptr_array_add (lines, g_strdup_printf (C_ ("history", "%1$s: %2$s → %3$s"), label, from, to));
}

/* The local calendar day of at. */
static void
get_local_date (gint64 at,
                GDate *out)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_local (at / G_USEC_PER_SEC);

  g_date_clear (out, 1);
  if (time != NULL)
    g_date_set_dmy (out, (GDateDay) g_date_time_get_day_of_month (time),
                    (GDateMonth) g_date_time_get_month (time),
                    (GDateYear) g_date_time_get_year (time));
}

static void
add_insert_lines (GPtrArray                    *lines,
                  KoersChange                  *change,
                  const KoersChangeTextContext *context)
{
  const char *entity = koers_change_get_entity (change);
  const char *date = get_field_value (change, "date", FALSE);
  const char *note = get_field_value (change, "note", FALSE);
  GDate       day;
  GDate       made;

  if (!is_entity (change, ENTITY_CHECKIN) && !is_entity (change, ENTITY_KPI_VALUE))
    return;

  /* A check-in for another day than the one it was made on says which. */
  get_local_date (koers_change_get_at (change), &made);
  if (date != NULL && (!koers_date_parse (date, &day) || !g_date_valid (&made) ||
                       g_date_compare (&day, &made) != 0))
    {
      g_autofree char *text = format_date_text (date);

      add_line (lines, koers_change_text_get_field_label (entity, "date"), text);
    }

  if (note != NULL && *note != '\0')
    {
      g_autofree char *text = quote_text (note);

      add_line (lines, koers_change_text_get_field_label (entity, "note"), text);
    }
}

GStrv
koers_change_text_list_details (KoersChange                  *change,
                                const KoersChangeTextContext *context)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  guint n;

  g_return_val_if_fail (KOERS_IS_CHANGE (change), NULL);

  n = koers_change_get_n_fields (change);

  switch (koers_change_get_operation (change))
    {
    case KOERS_CHANGE_INSERT:
      add_insert_lines (lines, change, context);
      break;

    case KOERS_CHANGE_UPDATE:
      /* One short field is all in the sentence. */
      if (n == 1 && !is_long_text (change, koers_change_get_field_name (change, 0)))
        break;
      for (guint i = 0; i < n; i++)
        add_change_line (lines, change, context, i);
      break;

    case KOERS_CHANGE_DELETE:
    default:
      break;
    }

  g_ptr_array_add (lines, NULL);
  return (GStrv) g_ptr_array_steal (lines, NULL);
}

char *
koers_change_text_format_day (gint64 at)
{
  GDate day;

  get_local_date (at, &day);
  return koers_format_date (koers_format_get_language (), &day);
}

char *
koers_change_text_format_clock (gint64 at)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_local (at / G_USEC_PER_SEC);

  if (time == NULL)
    return g_strdup ("");
  return g_date_time_format (time, "%H:%M");
}

char *
koers_change_text_format_time (gint64 at)
{
  g_autofree char *day = koers_change_text_format_day (at);
  g_autofree char *clock = koers_change_text_format_clock (at);

  /* Both languages: "4 December 2026, 15:02" / "4 december 2026, 15:02". */
  return g_strconcat (day != NULL ? day : "", ", ", clock, NULL);
}
