/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "koers-templates-private.h"

/* The KPI templates: finding them, and making a department's KPI of one. */

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const KoersTemplateKpi *ka = *(const KoersTemplateKpi **) a;
  const KoersTemplateKpi *kb = *(const KoersTemplateKpi **) b;
  KoersLanguage           lang = *(KoersLanguage *) user_data;
  g_autofree char        *ca = g_utf8_collate_key (koers_template_text_get (&ka->name, lang), -1);
  g_autofree char        *cb = g_utf8_collate_key (koers_template_text_get (&kb->name, lang), -1);

  return strcmp (ca, cb);
}

GPtrArray *
koers_templates_list_kpis (const char   *department_key,
                           KoersLanguage lang)
{
  guint                          n;
  const KoersTemplateKpi *const *all = koers_templates_get_kpis (&n);
  GPtrArray                     *list = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (all[i]->info.department_key, department_key) == 0)
      g_ptr_array_add (list, (gpointer) all[i]);

  g_ptr_array_sort_with_data (list, compare_names, &lang);
  return list;
}

const KoersTemplateKpi *
koers_templates_find_kpi (const char *key)
{
  guint                          n;
  const KoersTemplateKpi *const *all = koers_templates_get_kpis (&n);

  for (guint i = 0; key != NULL && i < n; i++)
    if (g_strcmp0 (all[i]->info.key, key) == 0)
      return all[i];

  return NULL;
}

const char *
koers_template_kpi_get_key (const KoersTemplateKpi *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->info.key;
}

const char *
koers_template_kpi_get_name (const KoersTemplateKpi *self,
                             KoersLanguage           lang)
{
  g_return_val_if_fail (self != NULL, NULL);
  return koers_template_text_get (&self->name, lang);
}

void
koers_template_kpi_get_info (const KoersTemplateKpi *self,
                             KoersLanguage           lang,
                             KoersTemplateKpiInfo   *out)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);

  *out = self->info;
  out->name = koers_template_text_get (&self->name, lang);
  out->unit = koers_template_text_get (&self->unit, lang);
}

gboolean
koers_template_kpi_is_in_department (const KoersTemplateKpi *self,
                                     KoersStore             *store,
                                     KoersDepartment        *dept)
{
  GListModel *kpis;
  guint       n;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (KOERS_IS_STORE (store), FALSE);
  g_return_val_if_fail (KOERS_IS_DEPARTMENT (dept), FALSE);

  kpis = koers_store_get_kpis (store);
  n = g_list_model_get_n_items (kpis);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KoersKpi) kpi = g_list_model_get_item (kpis, i);
      const char *name = koers_kpi_get_name (kpi);

      if (koers_kpi_get_department_id (kpi) == koers_department_get_id (dept) &&
          (g_strcmp0 (name, self->name.en) == 0 || g_strcmp0 (name, self->name.nl) == 0))
        return TRUE;
    }

  return FALSE;
}

KoersKpi *
koers_template_kpi_build (const KoersTemplateKpi *self,
                          KoersDepartment        *dept,
                          KoersLanguage           lang)
{
  KoersKpi *kpi;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (KOERS_IS_DEPARTMENT (dept), NULL);

  kpi = koers_kpi_new (koers_template_text_get (&self->name, lang), self->info.metric_kind,
                       koers_template_text_get (&self->unit, lang), self->info.direction,
                       self->info.healthy, self->info.attention, self->info.frequency);
  koers_kpi_set_department_id (kpi, koers_department_get_id (dept));
  return kpi;
}

KoersKpi *
koers_template_kpi_instantiate (const KoersTemplateKpi *self,
                                KoersStore             *store,
                                KoersDepartment        *dept,
                                KoersLanguage           lang,
                                GError                **error)
{
  g_autoptr (KoersKpi) kpi = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (KOERS_IS_STORE (store), NULL);
  g_return_val_if_fail (KOERS_IS_DEPARTMENT (dept), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  kpi = koers_template_kpi_build (self, dept, lang);
  if (!koers_store_add_kpi (store, kpi, error))
    return NULL;

  /* The store holds it now. */
  return kpi;
}
