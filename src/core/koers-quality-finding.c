/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-property.h"
#include "koers-quality-finding.h"

struct _KoersQualityFinding
{
  GObject parent_instance;

  const KoersQualityRule *rule;
  char                   *key;
  gint64                  department_id;
  gint64                  objective_id;
  gint64                  key_result_id;
  /* Indexed by KoersLanguage. */
  char    *message[2];
  gboolean dismissed;
};

G_DEFINE_FINAL_TYPE (KoersQualityFinding, koers_quality_finding, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_RULE_ID,
  PROP_SEVERITY,
  PROP_KEY,
  PROP_DEPARTMENT_ID,
  PROP_OBJECTIVE_ID,
  PROP_KEY_RESULT_ID,
  PROP_TITLE,
  PROP_MESSAGE,
  PROP_EXPLANATION,
  PROP_HINT,
  PROP_DISMISSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
language_index (KoersLanguage lang)
{
  return lang == KOERS_LANGUAGE_NL ? 1 : 0;
}

static void
koers_quality_finding_finalize (GObject *object)
{
  KoersQualityFinding *self = (KoersQualityFinding *) object;

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->message[0], g_free);
  g_clear_pointer (&self->message[1], g_free);

  G_OBJECT_CLASS (koers_quality_finding_parent_class)->finalize (object);
}

static void
koers_quality_finding_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  KoersQualityFinding *self = KOERS_QUALITY_FINDING (object);
  KoersLanguage        lang = koers_format_get_language ();

  switch (prop_id)
    {
    case PROP_RULE_ID:
      g_value_set_string (value, koers_quality_finding_get_rule_id (self));
      break;
    case PROP_SEVERITY:
      g_value_set_enum (value, koers_quality_finding_get_severity (self));
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_DEPARTMENT_ID:
      g_value_set_int64 (value, self->department_id);
      break;
    case PROP_OBJECTIVE_ID:
      g_value_set_int64 (value, self->objective_id);
      break;
    case PROP_KEY_RESULT_ID:
      g_value_set_int64 (value, self->key_result_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, koers_quality_finding_get_title (self, lang));
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, koers_quality_finding_get_message (self, lang));
      break;
    case PROP_EXPLANATION:
      g_value_set_string (value, koers_quality_finding_get_explanation (self, lang));
      break;
    case PROP_HINT:
      g_value_set_string (value, koers_quality_finding_get_hint (self, lang));
      break;
    case PROP_DISMISSED:
      g_value_set_boolean (value, self->dismissed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koers_quality_finding_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  KoersQualityFinding *self = KOERS_QUALITY_FINDING (object);

  switch (prop_id)
    {
    case PROP_DISMISSED:
      koers_quality_finding_set_dismissed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
koers_quality_finding_class_init (KoersQualityFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = koers_quality_finding_finalize;
  object_class->get_property = koers_quality_finding_get_property;
  object_class->set_property = koers_quality_finding_set_property;

  properties[PROP_RULE_ID] = g_param_spec_string ("rule-id", NULL, NULL, "", ro);
  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL, KOERS_TYPE_QUALITY_SEVERITY,
                       KOERS_QUALITY_SEVERITY_INFO, ro);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, "", ro);
  properties[PROP_DEPARTMENT_ID] =
    g_param_spec_int64 ("department-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_OBJECTIVE_ID] =
    g_param_spec_int64 ("objective-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_KEY_RESULT_ID] =
    g_param_spec_int64 ("key-result-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", ro);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, "", ro);
  properties[PROP_EXPLANATION] = g_param_spec_string ("explanation", NULL, NULL, "", ro);
  properties[PROP_HINT] = g_param_spec_string ("hint", NULL, NULL, "", ro);
  properties[PROP_DISMISSED] =
    g_param_spec_boolean ("dismissed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
koers_quality_finding_init (KoersQualityFinding *self)
{
}

KoersQualityFinding *
koers_quality_finding_new (const KoersQualityRule *rule,
                           const char             *key,
                           gint64                  department_id,
                           gint64                  objective_id,
                           gint64                  key_result_id,
                           const char             *message_en,
                           const char             *message_nl)
{
  KoersQualityFinding *self;

  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  self = g_object_new (KOERS_TYPE_QUALITY_FINDING, NULL);
  self->rule = rule;
  self->key = g_strdup (key);
  self->department_id = department_id;
  self->objective_id = objective_id;
  self->key_result_id = key_result_id;
  self->message[0] = g_strdup (message_en != NULL ? message_en : "");
  self->message[1] = g_strdup (message_nl != NULL ? message_nl : "");

  return self;
}

const char *
koers_quality_finding_get_rule_id (KoersQualityFinding *self)
{
  g_return_val_if_fail (KOERS_IS_QUALITY_FINDING (self), NULL);

  return self->rule != NULL ? self->rule->id : "";
}

KoersQualitySeverity
koers_quality_finding_get_severity (KoersQualityFinding *self)
{
  g_return_val_if_fail (KOERS_IS_QUALITY_FINDING (self), KOERS_QUALITY_SEVERITY_INFO);

  return self->rule != NULL ? self->rule->severity : KOERS_QUALITY_SEVERITY_INFO;
}

const char *
koers_quality_finding_get_key (KoersQualityFinding *self)
{
  g_return_val_if_fail (KOERS_IS_QUALITY_FINDING (self), NULL);

  return self->key != NULL ? self->key : "";
}

KOERS_DEFINE_GETTER (KoersQualityFinding, koers_quality_finding, KOERS_IS_QUALITY_FINDING, gint64, department_id, 0)
KOERS_DEFINE_GETTER (KoersQualityFinding, koers_quality_finding, KOERS_IS_QUALITY_FINDING, gint64, objective_id, 0)
KOERS_DEFINE_GETTER (KoersQualityFinding, koers_quality_finding, KOERS_IS_QUALITY_FINDING, gint64, key_result_id, 0)

const char *
koers_quality_finding_get_title (KoersQualityFinding *self,
                                 KoersLanguage        lang)
{
  g_return_val_if_fail (KOERS_IS_QUALITY_FINDING (self), "");

  return self->rule != NULL ? koers_seed_text_get (&self->rule->title, lang) : "";
}

const char *
koers_quality_finding_get_message (KoersQualityFinding *self,
                                   KoersLanguage        lang)
{
  g_return_val_if_fail (KOERS_IS_QUALITY_FINDING (self), "");

  return self->message[language_index (lang)] != NULL ? self->message[language_index (lang)] : "";
}

const char *
koers_quality_finding_get_explanation (KoersQualityFinding *self,
                                       KoersLanguage        lang)
{
  g_return_val_if_fail (KOERS_IS_QUALITY_FINDING (self), "");

  return self->rule != NULL ? koers_seed_text_get (&self->rule->explanation, lang) : "";
}

const char *
koers_quality_finding_get_hint (KoersQualityFinding *self,
                                KoersLanguage        lang)
{
  g_return_val_if_fail (KOERS_IS_QUALITY_FINDING (self), "");

  return self->rule != NULL ? koers_seed_text_get (&self->rule->hint, lang) : "";
}

KOERS_DEFINE_GETTER (KoersQualityFinding, koers_quality_finding, KOERS_IS_QUALITY_FINDING, gboolean, dismissed, FALSE)

void
koers_quality_finding_set_dismissed (KoersQualityFinding *self,
                                     gboolean             dismissed)
{
  g_return_if_fail (KOERS_IS_QUALITY_FINDING (self));

  dismissed = !!dismissed;
  if (self->dismissed == dismissed)
    return;

  self->dismissed = dismissed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISMISSED]);
}
