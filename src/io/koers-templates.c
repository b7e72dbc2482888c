/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "core/koers-date.h"
#include "core/koers-period.h"
#include "core/koers-summary.h"
#include "koers-io-resources.h"
#include "koers-templates-private.h"
#include "store/koers-store-import.h"

#define TEMPLATES_RESOURCE "/io/github/koersapp/Koers/io/templates.json"

typedef KoersTemplateText Text;

/* The info in one language is info with the texts taken from below. */
typedef struct
{
  KoersTemplateKeyResult info; /* title, unit and personal_data_note NULL */
  Text                   title;
  Text                   unit;
  Text                   personal_data_note;
} TemplateKeyResult;

struct _KoersTemplate
{
  char              *id;
  char              *department_key;
  Text               title;
  KoersObjectiveKind kind;
  KoersPeriodKind    period_kind;
  Text               owner;
  char              *aligned_to;
  TemplateKeyResult *key_results;
  guint              n_key_results;
};

typedef struct
{
  char *key;
  Text  name;
} TemplateDepartment;

typedef struct
{
  GPtrArray *templates;   /* KoersTemplate, NULL-terminated */
  GArray    *departments; /* TemplateDepartment */
  GPtrArray *kpis;        /* KoersTemplateKpi, NULL-terminated */
} Templates;

#define text_get koers_template_text_get

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
read_text (JsonObject *object,
           const char *member,
           Text       *out)
{
  JsonNode   *node = json_object_get_member (object, member);
  JsonObject *text;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  text = json_node_get_object (node);
  out->en = g_strdup (get_string (text, "en"));
  out->nl = g_strdup (get_string (text, "nl"));
  return out->en != NULL && out->nl != NULL;
}

static gboolean
read_number (JsonObject *object,
             const char *member,
             double     *out)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE &&
       json_node_get_value_type (node) != G_TYPE_INT64))
    return FALSE;

  *out = json_node_get_double (node);
  return TRUE;
}

static gboolean
read_key_result (JsonObject        *object,
                 TemplateKeyResult *kr)
{
  JsonNode *due = json_object_get_member (object, "due");

  kr->info.due_month_day = g_strdup (get_string (object, "due"));
  kr->info.kpi = g_strdup (get_string (object, "kpi"));
  kr->info.uses_personal_data =
    json_object_get_boolean_member_with_default (object, "uses_personal_data", FALSE);

  return read_text (object, "title", &kr->title) &&
         koers_metric_kind_from_string (get_string (object, "metric_kind"), &kr->info.metric_kind) &&
         read_text (object, "unit", &kr->unit) &&
         read_number (object, "start", &kr->info.start) &&
         read_number (object, "target", &kr->info.target) &&
         read_number (object, "demo_progress", &kr->info.demo_progress) &&
         (due == NULL || JSON_NODE_HOLDS_NULL (due) || kr->info.due_month_day != NULL) &&
         read_text (object, "personal_data_note", &kr->personal_data_note);
}

static gboolean
read_template (JsonObject *object,
               KoersTemplate *template)
{
  const char *period_kind = get_string (object, "period_kind");
  JsonNode   *krs = json_object_get_member (object, "key_results");
  JsonArray  *array;

  template->id = g_strdup (get_string (object, "id"));
  template->department_key = g_strdup (get_string (object, "department"));
  template->aligned_to = g_strdup (get_string (object, "aligned_to"));
  template->period_kind = g_strcmp0 (period_kind, "year") == 0 ? KOERS_PERIOD_KIND_YEAR
                                                               : KOERS_PERIOD_KIND_QUARTER;

  if (template->id == NULL || krs == NULL || !JSON_NODE_HOLDS_ARRAY (krs) ||
      !read_text (object, "title", &template->title) ||
      !read_text (object, "owner", &template->owner) ||
      !koers_objective_kind_from_string (get_string (object, "kind"), &template->kind) ||
      (g_strcmp0 (period_kind, "year") != 0 && g_strcmp0 (period_kind, "quarter") != 0))
    return FALSE;

  array = json_node_get_array (krs);
  template->n_key_results = json_array_get_length (array);
  template->key_results = g_new0 (TemplateKeyResult, template->n_key_results);
  for (guint i = 0; i < template->n_key_results; i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          !read_key_result (json_node_get_object (node), &template->key_results[i]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_kpi (JsonObject       *object,
          KoersTemplateKpi *kpi)
{
  JsonNode   *node = json_object_get_member (object, "demo");
  JsonObject *demo;

  kpi->info.key = g_strdup (get_string (object, "key"));
  kpi->info.department_key = g_strdup (get_string (object, "department"));

  if (kpi->info.key == NULL || node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      !read_text (object, "name", &kpi->name) ||
      !read_text (object, "unit", &kpi->unit) ||
      !koers_metric_kind_from_string (get_string (object, "metric_kind"), &kpi->info.metric_kind) ||
      !koers_kpi_direction_from_string (get_string (object, "direction"), &kpi->info.direction) ||
      !koers_kpi_frequency_from_string (get_string (object, "frequency"), &kpi->info.frequency) ||
      !read_number (object, "healthy", &kpi->info.healthy) ||
      !read_number (object, "attention", &kpi->info.attention))
    return FALSE;

  demo = json_node_get_object (node);
  kpi->info.demo_overdue = json_object_get_boolean_member_with_default (demo, "overdue", FALSE);
  return read_number (demo, "start", &kpi->info.demo_start) &&
         read_number (demo, "end", &kpi->info.demo_end) &&
         read_number (demo, "step", &kpi->info.demo_step) && kpi->info.demo_step > 0;
}

static gboolean
load_templates (Templates *t)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root;
  JsonArray  *array;

  bytes = g_resource_lookup_data (koers_io_get_resource (), TEMPLATES_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes), &error))
    {
      g_critical ("Could not read the templates: %s", error->message);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  root = json_node_get_object (json_parser_get_root (parser));

  array = json_object_get_array_member (root, "departments");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject        *object = json_array_get_object_element (array, i);
      TemplateDepartment dept = { g_strdup (get_string (object, "key")), { NULL, NULL } };

      read_text (object, "name", &dept.name);
      g_array_append_val (t->departments, dept);
    }

  array = json_object_get_array_member (root, "templates");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      KoersTemplate *template = g_new0 (KoersTemplate, 1);

      /* Never freed: the templates live as long as the program. */
      g_ptr_array_add (t->templates, template);
      if (!JSON_NODE_HOLDS_OBJECT (node) || !read_template (json_node_get_object (node), template))
        {
          g_critical ("Template %u in %s is not valid", i, TEMPLATES_RESOURCE);
          return FALSE;
        }
    }

  array = json_object_get_array_member (root, "kpis");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode         *node = json_array_get_element (array, i);
      KoersTemplateKpi *kpi = g_new0 (KoersTemplateKpi, 1);

      g_ptr_array_add (t->kpis, kpi);
      if (!JSON_NODE_HOLDS_OBJECT (node) || !read_kpi (json_node_get_object (node), kpi))
        {
          g_critical ("KPI template %u in %s is not valid", i, TEMPLATES_RESOURCE);
          return FALSE;
        }
    }

  return TRUE;
}

static Templates *
get_templates (void)
{
  static Templates *templates;
  static gsize      loaded;

  if (g_once_init_enter (&loaded))
    {
      Templates *t = g_new0 (Templates, 1);

      t->templates = g_ptr_array_new ();
      t->departments = g_array_new (FALSE, TRUE, sizeof (TemplateDepartment));
      t->kpis = g_ptr_array_new ();
      if (!load_templates (t))
        {
          g_ptr_array_set_size (t->templates, 0);
          g_ptr_array_set_size (t->kpis, 0);
        }
      g_ptr_array_add (t->templates, NULL);
      g_ptr_array_add (t->kpis, NULL);

      templates = t;
      g_once_init_leave (&loaded, 1);
    }

  return templates;
}

const KoersTemplate *const *
koers_templates_get_all (guint *n_templates)
{
  Templates *t = get_templates ();

  if (n_templates != NULL)
    *n_templates = t->templates->len - 1;

  return (const KoersTemplate *const *) t->templates->pdata;
}

typedef struct
{
  KoersLanguage lang;
} SortData;

static int
compare_titles (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const KoersTemplate *ta = *(const KoersTemplate **) a;
  const KoersTemplate *tb = *(const KoersTemplate **) b;
  KoersLanguage        lang = *(KoersLanguage *) user_data;
  g_autofree char     *ka = g_utf8_collate_key (text_get (&ta->title, lang), -1);
  g_autofree char     *kb = g_utf8_collate_key (text_get (&tb->title, lang), -1);

  return strcmp (ka, kb);
}

GPtrArray *
koers_templates_list (const char   *department_key,
                      KoersLanguage lang)
{
  guint                       n;
  const KoersTemplate *const *all = koers_templates_get_all (&n);
  GPtrArray                  *list = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (all[i]->department_key, department_key) == 0)
      g_ptr_array_add (list, (gpointer) all[i]);

  g_ptr_array_sort_with_data (list, compare_titles, &lang);
  return list;
}

const KoersTemplate *
koers_templates_find (const char *id)
{
  guint                       n;
  const KoersTemplate *const *all = koers_templates_get_all (&n);

  for (guint i = 0; id != NULL && i < n; i++)
    if (g_strcmp0 (all[i]->id, id) == 0)
      return all[i];

  return NULL;
}

const char *
koers_templates_get_department_key (KoersStore      *store,
                                    KoersDepartment *dept)
{
  Templates       *t = get_templates ();
  g_autofree char *name = NULL;

  g_return_val_if_fail (KOERS_IS_DEPARTMENT (dept), NULL);

  if (koers_department_get_is_company (dept))
    return NULL;

  name = g_utf8_casefold (koers_department_get_name (dept), -1);
  for (guint i = 0; i < t->departments->len; i++)
    {
      TemplateDepartment *seed = &g_array_index (t->departments, TemplateDepartment, i);
      g_autofree char    *en = g_utf8_casefold (text_get (&seed->name, KOERS_LANGUAGE_EN), -1);
      g_autofree char    *nl = g_utf8_casefold (text_get (&seed->name, KOERS_LANGUAGE_NL), -1);

      if (g_strcmp0 (name, en) == 0 || g_strcmp0 (name, nl) == 0)
        return seed->key;
    }

  return NULL;
}

const KoersTemplateKpi *const *
koers_templates_get_kpis (guint *n_kpis)
{
  Templates *t = get_templates ();

  if (n_kpis != NULL)
    *n_kpis = t->kpis->len - 1;

  return (const KoersTemplateKpi *const *) t->kpis->pdata;
}

const char *
koers_template_get_id (const KoersTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->id;
}

const char *
koers_template_get_department_key (const KoersTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->department_key;
}

const char *
koers_template_get_title (const KoersTemplate *self,
                          KoersLanguage        lang)
{
  g_return_val_if_fail (self != NULL, NULL);
  return text_get (&self->title, lang);
}

const char *
koers_template_get_owner (const KoersTemplate *self,
                          KoersLanguage        lang)
{
  g_return_val_if_fail (self != NULL, NULL);
  return text_get (&self->owner, lang);
}

KoersObjectiveKind
koers_template_get_kind (const KoersTemplate *self)
{
  g_return_val_if_fail (self != NULL, KOERS_OBJECTIVE_KIND_COMMITTED);
  return self->kind;
}

KoersPeriodKind
koers_template_get_period_kind (const KoersTemplate *self)
{
  g_return_val_if_fail (self != NULL, KOERS_PERIOD_KIND_QUARTER);
  return self->period_kind;
}

const char *
koers_template_get_aligned_to (const KoersTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->aligned_to;
}

guint
koers_template_get_n_key_results (const KoersTemplate *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_key_results;
}

const char *
koers_template_get_key_result_title (const KoersTemplate *self,
                                     guint                index,
                                     KoersLanguage        lang)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_key_results, NULL);
  return text_get (&self->key_results[index].title, lang);
}

void
koers_template_get_key_result (const KoersTemplate    *self,
                               guint                   index,
                               KoersLanguage           lang,
                               KoersTemplateKeyResult *out)
{
  const TemplateKeyResult *kr;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->n_key_results);
  g_return_if_fail (out != NULL);

  kr = &self->key_results[index];
  *out = kr->info;
  out->title = text_get (&kr->title, lang);
  out->unit = text_get (&kr->unit, lang);
  out->personal_data_note = text_get (&kr->personal_data_note, lang);
}

static int
get_year (const KoersPeriod *period)
{
  if (period->kind == KOERS_PERIOD_KIND_CUSTOM)
    return g_date_get_year (&period->start);
  return period->year;
}

static KoersObjective *
build_objective (const KoersTemplate *self,
                 KoersDepartment     *dept,
                 const KoersPeriod   *period,
                 KoersLanguage        lang)
{
  g_autofree char *key = koers_period_to_string (period);
  KoersObjective  *objective;

  objective = koers_objective_new (text_get (&self->title, lang), koers_department_get_level (dept), self->kind,
                                   key);
  koers_objective_set_owner (objective, text_get (&self->owner, lang));
  koers_objective_set_department_id (objective, koers_department_get_id (dept));
  koers_objective_set_state (objective, KOERS_OBJECTIVE_STATE_ACTIVE);
  return objective;
}

double
koers_template_demo_value (KoersMetricKind metric_kind,
                           double          start,
                           double          target,
                           double          progress)
{
  double value;

  if (metric_kind == KOERS_METRIC_KIND_MILESTONE)
    return progress >= 1.0 ? 1.0 : 0.0;

  value = start + (target - start) * progress;
  if (fabs (target - start) >= 10.0)
    return round (value);

  return round (value * 10.0) / 10.0;
}

char *
koers_template_due_date (const char *month_day,
                         int         year)
{
  g_autofree char *iso = NULL;
  GDate            date;

  if (month_day == NULL)
    return NULL;

  iso = g_strdup_printf ("%04d-%s", year, month_day);
  if (!koers_date_parse (iso, &date))
    return NULL;

  return g_steal_pointer (&iso);
}

static KoersKeyResult *
build_key_result (const TemplateKeyResult *template,
                  const KoersPeriod *period,
                  KoersLanguage      lang,
                  gboolean           demo_values)
{
  g_autofree char *due = koers_template_due_date (template->info.due_month_day, get_year (period));
  KoersKeyResult  *kr;

  kr = koers_key_result_new (text_get (&template->title, lang), template->info.metric_kind,
                             template->info.start, template->info.target, text_get (&template->unit, lang));
  koers_key_result_set_current_value (kr, demo_values
                                            ? koers_template_demo_value (template->info.metric_kind,
                                                                         template->info.start,
                                                                         template->info.target,
                                                                         template->info.demo_progress)
                                            : template->info.start);
  koers_key_result_set_due_date (kr, due);
  koers_key_result_set_uses_personal_data (kr, template->info.uses_personal_data);
  koers_key_result_set_personal_data_note (kr, template->info.uses_personal_data
                                                 ? text_get (&template->personal_data_note, lang)
                                                 : "");
  return kr;
}

/* The company objective made from template id in period, if any. */
static KoersObjective *
find_company_objective (KoersStore        *store,
                        const char        *id,
                        const KoersPeriod *period)
{
  const KoersTemplate *target = koers_templates_find (id);
  KoersDepartment     *company = koers_store_get_company (store);
  GListModel          *objectives = koers_store_get_objectives (store);

  if (target == NULL || company == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);
      const char *title = koers_objective_get_title (objective);

      if (koers_objective_get_department_id (objective) == koers_department_get_id (company) &&
          koers_objective_in_period (objective, period) &&
          (g_strcmp0 (title, target->title.en) == 0 || g_strcmp0 (title, target->title.nl) == 0))
        return objective;
    }

  return NULL;
}

KoersObjective *
koers_template_instantiate (const KoersTemplate *self,
                            KoersStore          *store,
                            KoersDepartment     *dept,
                            const char          *period,
                            KoersLanguage        lang,
                            GError             **error)
{
  g_autoptr (KoersObjective) objective = NULL;
  g_autoptr (GError) period_error = NULL;
  KoersPeriod parsed;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (KOERS_IS_DEPARTMENT (dept), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!koers_period_parse (period, &parsed, &period_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("“%s” is not a period: %s"), period != NULL ? period : "",
                   period_error->message);
      return NULL;
    }

  objective = build_objective (self, dept, &parsed, lang);

  if (self->aligned_to != NULL)
    {
      KoersObjective *company = find_company_objective (store, self->aligned_to, &parsed);

      if (company != NULL)
        koers_objective_set_aligned_to_id (objective, koers_objective_get_id (company));
    }

  for (guint i = 0; i < self->n_key_results; i++)
    {
      g_autoptr (KoersKeyResult) kr = build_key_result (&self->key_results[i], &parsed, lang, FALSE);

      koers_key_result_set_position (kr, (int) i);
      koers_objective_insert_key_result (objective, kr);
    }

  if (!koers_store_add_objective (store, objective, error))
    return NULL;

  /* The store holds it now. */
  return objective;
}

static KoersDepartment *
find_department (KoersStore *store,
                 const char *key)
{
  GListModel *depts = koers_store_get_departments (store);

  if (key == NULL)
    return koers_store_get_company (store);

  for (guint i = 0; i < g_list_model_get_n_items (depts); i++)
    {
      g_autoptr (KoersDepartment) dept = g_list_model_get_item (depts, i);

      if (g_strcmp0 (koers_templates_get_department_key (store, dept), key) == 0)
        return dept;
    }

  return NULL;
}

/* The next free position per department and period. */
static int
take_position (KoersStore *store,
               GHashTable *next,
               gint64      dept_id,
               const char *period)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", dept_id, period);
  gpointer         value;
  int              position = 0;

  if (g_hash_table_lookup_extended (next, key, NULL, &value))
    position = GPOINTER_TO_INT (value);
  else
    {
      GListModel *objectives = koers_store_get_objectives (store);

      for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
        {
          g_autoptr (KoersObjective) objective = g_list_model_get_item (objectives, i);

          if (koers_objective_get_department_id (objective) == dept_id &&
              g_strcmp0 (koers_objective_get_period (objective), period) == 0)
            position = MAX (position, koers_objective_get_position (objective) + 1);
        }
    }

  g_hash_table_insert (next, g_steal_pointer (&key), GINT_TO_POINTER (position + 1));
  return position;
}

int
koers_templates_instantiate_all (KoersStore   *store,
                                 KoersLanguage lang,
                                 const GDate  *today,
                                 gboolean      demo_values,
                                 GError      **error)
{
  g_autoptr (KoersStoreBatch) batch = koers_store_batch_new ();
  g_autoptr (GHashTable) uuids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr (GHashTable) next = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64                      now = koers_now_usec ();
  KoersPeriod                 quarter, year;
  guint                       n;
  const KoersTemplate *const *all = koers_templates_get_all (&n);
  int                         added = 0;

  g_return_val_if_fail (KOERS_IS_STORE (store), -1);
  g_return_val_if_fail (today != NULL && g_date_valid (today), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  koers_period_init_for_date (&quarter, today);
  koers_period_init_year (&year, g_date_get_year (today));

  /* Company templates come first, so alignments find their uuid. */
  for (guint i = 0; i < n; i++)
    {
      const KoersTemplate *self = all[i];
      KoersDepartment     *dept = find_department (store, self->department_key);
      const KoersPeriod   *period = self->period_kind == KOERS_PERIOD_KIND_YEAR ? &year : &quarter;
      g_autoptr (KoersObjective) objective = NULL;
      g_autofree char *period_key = koers_period_to_string (period);
      char            *uuid;

      if (dept == NULL)
        continue;

      objective = build_objective (self, dept, period, lang);
      uuid = koers_uuid_new ();
      koers_objective_set_uuid (objective, uuid);
      koers_objective_set_created (objective, now);
      koers_objective_set_updated (objective, now);
      koers_objective_set_position (objective,
                                    take_position (store, next, koers_department_get_id (dept),
                                                   period_key));
      g_hash_table_insert (uuids, self->id, uuid);

      koers_store_batch_put_objective (batch, objective, koers_department_get_uuid (dept),
                                       self->aligned_to != NULL
                                         ? g_hash_table_lookup (uuids, self->aligned_to)
                                         : NULL,
                                       NULL);
      added++;

      for (guint k = 0; k < self->n_key_results; k++)
        {
          g_autoptr (KoersKeyResult) kr = build_key_result (&self->key_results[k], period, lang,
                                                            demo_values);
          g_autofree char *kr_uuid = koers_uuid_new ();

          koers_key_result_set_uuid (kr, kr_uuid);
          koers_key_result_set_position (kr, (int) k);
          koers_key_result_set_created (kr, now);
          koers_key_result_set_updated (kr, now);
          koers_store_batch_put (batch, KOERS_BATCH_KEY_RESULT, kr, uuid);
        }
    }

  if (!koers_store_write_batch (store, batch, error))
    return -1;

  return added;
}
