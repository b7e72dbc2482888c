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

/* What the rule says, and the message: the texts in the interface
 * language. */
static void
get_rule_id (GObject *object,
             GValue  *value)
{
  g_value_set_string (value, koers_quality_finding_get_rule_id (KOERS_QUALITY_FINDING (object)));
}

static void
get_severity (GObject *object,
              GValue  *value)
{
  g_value_set_enum (value, koers_quality_finding_get_severity (KOERS_QUALITY_FINDING (object)));
}

/* A text property: its public getter's, in the interface language. */
#define DEFINE_TEXT_PROPERTY_GETTER(member)                                                        \
  static void get_##member (GObject *object, GValue *value)                                        \
  {                                                                                                \
    g_value_set_string (value, koers_quality_finding_get_##member (KOERS_QUALITY_FINDING (object), \
                                                                   koers_format_get_language ())); \
  }

DEFINE_TEXT_PROPERTY_GETTER (title)
DEFINE_TEXT_PROPERTY_GETTER (message)
DEFINE_TEXT_PROPERTY_GETTER (explanation)
DEFINE_TEXT_PROPERTY_GETTER (hint)

/* In the order of the property ids above; all but dismissed read-only. */
static const KoersProperty property_table[] = {
  { "rule-id", KOERS_PROPERTY_STRING, .read_only = TRUE, .get = get_rule_id },
  { "severity", KOERS_PROPERTY_ENUM, .type = koers_quality_severity_get_type,
    .default_value = KOERS_QUALITY_SEVERITY_INFO, .read_only = TRUE, .get = get_severity },
  { "key", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (KoersQualityFinding, key), .read_only = TRUE },
  { "department-id", KOERS_PROPERTY_ID, G_STRUCT_OFFSET (KoersQualityFinding, department_id),
    .read_only = TRUE },
  { "objective-id", KOERS_PROPERTY_ID, G_STRUCT_OFFSET (KoersQualityFinding, objective_id),
    .read_only = TRUE },
  { "key-result-id", KOERS_PROPERTY_ID, G_STRUCT_OFFSET (KoersQualityFinding, key_result_id),
    .read_only = TRUE },
  { "title", KOERS_PROPERTY_STRING, .read_only = TRUE, .get = get_title },
  { "message", KOERS_PROPERTY_STRING, .read_only = TRUE, .get = get_message },
  { "explanation", KOERS_PROPERTY_STRING, .read_only = TRUE, .get = get_explanation },
  { "hint", KOERS_PROPERTY_STRING, .read_only = TRUE, .get = get_hint },
  { "dismissed", KOERS_PROPERTY_BOOLEAN, G_STRUCT_OFFSET (KoersQualityFinding, dismissed) },
};

static void
koers_quality_finding_finalize (GObject *object)
{
  KoersQualityFinding *self = (KoersQualityFinding *) object;

  koers_property_clear (object, property_table, G_N_ELEMENTS (property_table));
  g_clear_pointer (&self->message[0], g_free);
  g_clear_pointer (&self->message[1], g_free);

  G_OBJECT_CLASS (koers_quality_finding_parent_class)->finalize (object);
}

static void
koers_quality_finding_class_init (KoersQualityFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  G_STATIC_ASSERT (G_N_ELEMENTS (property_table) == N_PROPS - 1);
  object_class->finalize = koers_quality_finding_finalize;
  koers_property_install (object_class, property_table, N_PROPS - 1, properties);
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

/* What the rule says (its member text) in lang; "" without a rule. */
#define DEFINE_RULE_TEXT_GETTER(member)                                                          \
  const char *koers_quality_finding_get_##member (KoersQualityFinding *self, KoersLanguage lang) \
  {                                                                                              \
    g_return_val_if_fail (KOERS_IS_QUALITY_FINDING (self), "");                                  \
    return self->rule != NULL ? koers_seed_text_get (&self->rule->member, lang) : "";            \
  }

DEFINE_RULE_TEXT_GETTER (title)
DEFINE_RULE_TEXT_GETTER (explanation)
DEFINE_RULE_TEXT_GETTER (hint)

const char *
koers_quality_finding_get_message (KoersQualityFinding *self,
                                   KoersLanguage        lang)
{
  g_return_val_if_fail (KOERS_IS_QUALITY_FINDING (self), "");

  return self->message[language_index (lang)] != NULL ? self->message[language_index (lang)] : "";
}

KOERS_DEFINE_ACCESSORS (KoersQualityFinding, koers_quality_finding, KOERS_IS_QUALITY_FINDING, boolean, gboolean, dismissed, PROP_DISMISSED, FALSE)
