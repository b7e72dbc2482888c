/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-seed.h"

/* Section 4 of the seed, in its order.  The keys are stable: the store
 * and tests refer to departments by them. */
static const KoersSeedDepartment departments[] = {
  { "operations", "⚙️", { "Administration & Operations", "Administratie & Operations" } },
  { "finance", "💶", { "Finance", "Financiën" } },
  { "hr", "👥", { "Human Resources", "Human Resources" } },
  { "design", "🎨", { "Design & Product development", "Design & Productontwikkeling" } },
  { "marketing", "📈", { "Marketing", "Marketing" } },
  { "sales", "🧾", { "Sales", "Verkoop" } },
  { "it", "💻", { "IT & Development", "IT & Ontwikkeling" } },
  { "customer-service", "💬", { "Customer service", "Klantendienst" } },
  { "management", "🧭", { "Management", "Directie / Management" } },
};

const char *
koers_seed_text_get (const KoersSeedText *text,
                     KoersLanguage        lang)
{
  const char *str;

  if (text == NULL)
    return "";

  str = lang == KOERS_LANGUAGE_NL ? text->nl : text->en;
  return str != NULL ? str : "";
}

const KoersSeedDepartment *
koers_seed_get_departments (guint *n_departments)
{
  if (n_departments != NULL)
    *n_departments = G_N_ELEMENTS (departments);

  return departments;
}

const char *
koers_seed_department_get_name (const KoersSeedDepartment *department,
                                KoersLanguage              lang)
{
  g_return_val_if_fail (department != NULL, "");

  return koers_seed_text_get (&department->name, lang);
}

int
koers_seed_find_department (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (departments); i++)
    {
      if (g_str_equal (departments[i].key, key))
        return (int) i;
    }

  return -1;
}
