/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "koers-escalation.h"
#include "koers-property.h"

struct _KoersEscalation
{
  GObject parent_instance;

  gint64   id;
  char    *uuid;
  gint64   objective_id;
  gint64   key_result_id;
  char    *reason;
  char    *help;
  char    *raised_by;
  gint64   raised_at;
  gboolean resolved;
  char    *resolution;
  char    *resolved_by;
  gint64   resolved_at;
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_OBJECTIVE_ID,
  PROP_KEY_RESULT_ID,
  PROP_REASON,
  PROP_HELP,
  PROP_RAISED_BY,
  PROP_RAISED_AT,
  PROP_RESOLVED,
  PROP_RESOLUTION,
  PROP_RESOLVED_BY,
  PROP_RESOLVED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of the property ids above. */
static const KoersProperty property_table[] = {
  KOERS_PROPERTY_IDENTITY (KoersEscalation),
  { "objective-id", KOERS_PROPERTY_ID, G_STRUCT_OFFSET (KoersEscalation, objective_id) },
  { "key-result-id", KOERS_PROPERTY_ID, G_STRUCT_OFFSET (KoersEscalation, key_result_id) },
  { "reason", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersEscalation, reason) },
  { "help", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersEscalation, help) },
  { "raised-by", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersEscalation, raised_by) },
  { "raised-at", KOERS_PROPERTY_INT64, G_STRUCT_OFFSET (KoersEscalation, raised_at) },
  { "resolved", KOERS_PROPERTY_BOOLEAN, G_STRUCT_OFFSET (KoersEscalation, resolved) },
  { "resolution", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersEscalation, resolution) },
  { "resolved-by", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersEscalation, resolved_by) },
  { "resolved-at", KOERS_PROPERTY_INT64, G_STRUCT_OFFSET (KoersEscalation, resolved_at) },
};

KOERS_DEFINE_MODEL_TYPE (KoersEscalation, koers_escalation)

KoersEscalation *
koers_escalation_new (gint64      objective_id,
                      gint64      key_result_id,
                      const char *reason,
                      const char *help)
{
  return g_object_new (KOERS_TYPE_ESCALATION, "objective-id", objective_id,
                       "key-result-id", key_result_id, "reason", reason, "help", help, NULL);
}

KOERS_DEFINE_GETTER (KoersEscalation, koers_escalation, KOERS_IS_ESCALATION, gint64, id, 0)
KOERS_DEFINE_GETTER (KoersEscalation, koers_escalation, KOERS_IS_ESCALATION, const char *, uuid, NULL)
KOERS_DEFINE_GETTER (KoersEscalation, koers_escalation, KOERS_IS_ESCALATION, gint64, objective_id, 0)
KOERS_DEFINE_GETTER (KoersEscalation, koers_escalation, KOERS_IS_ESCALATION, gint64, key_result_id, 0)
KOERS_DEFINE_GETTER (KoersEscalation, koers_escalation, KOERS_IS_ESCALATION, const char *, reason, NULL)
KOERS_DEFINE_GETTER (KoersEscalation, koers_escalation, KOERS_IS_ESCALATION, const char *, help, NULL)
KOERS_DEFINE_GETTER (KoersEscalation, koers_escalation, KOERS_IS_ESCALATION, const char *, raised_by, NULL)
KOERS_DEFINE_GETTER (KoersEscalation, koers_escalation, KOERS_IS_ESCALATION, gint64, raised_at, 0)
KOERS_DEFINE_GETTER (KoersEscalation, koers_escalation, KOERS_IS_ESCALATION, gboolean, resolved, FALSE)
KOERS_DEFINE_GETTER (KoersEscalation, koers_escalation, KOERS_IS_ESCALATION, const char *, resolution, NULL)
KOERS_DEFINE_GETTER (KoersEscalation, koers_escalation, KOERS_IS_ESCALATION, const char *, resolved_by, NULL)
KOERS_DEFINE_GETTER (KoersEscalation, koers_escalation, KOERS_IS_ESCALATION, gint64, resolved_at, 0)

static gboolean
is_blank (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *stripped == '\0';
}

gboolean
koers_escalation_validate (const char *reason,
                           const char *help,
                           GError    **error)
{
  if (is_blank (reason))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _ ("Say why it is at risk"));
      return FALSE;
    }
  if (is_blank (help))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _ ("Say what help you ask of management"));
      return FALSE;
    }
  return TRUE;
}
