/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core/koers-seed.h"

/* The seed's nine departments, which a new database starts with.  The
 * seed's example OKRs and KPIs are the templates (src/io/templates.json):
 * test-templates checks them. */

static void
assert_text (const KoersSeedText *text)
{
  g_assert_nonnull (text->en);
  g_assert_nonnull (text->nl);
  g_assert_cmpstr (text->en, !=, "");
  g_assert_cmpstr (text->nl, !=, "");
  g_assert_true (g_utf8_validate (text->en, -1, NULL));
  g_assert_true (g_utf8_validate (text->nl, -1, NULL));
}

static void
test_departments (void)
{
  static const char *const   emoji[] = { "⚙️", "💶", "👥", "🎨", "📈", "🧾", "💻", "💬", "🧭" };
  guint                      n = 0;
  const KoersSeedDepartment *departments = koers_seed_get_departments (&n);

  g_assert_cmpuint (n, ==, 9);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (emoji));

  for (guint i = 0; i < n; i++)
    {
      assert_text (&departments[i].name);
      g_assert_cmpstr (departments[i].emoji, ==, emoji[i]);
      g_assert_cmpint (koers_seed_find_department (departments[i].key), ==, (int) i);
      for (guint j = 0; j < i; j++)
        {
          g_assert_cmpstr (departments[i].key, !=, departments[j].key);
          g_assert_cmpstr (departments[i].name.en, !=, departments[j].name.en);
          g_assert_cmpstr (departments[i].name.nl, !=, departments[j].name.nl);
        }
    }

  g_assert_cmpstr (koers_seed_department_get_name (&departments[1], KOERS_LANGUAGE_EN), ==, "Finance");
  g_assert_cmpstr (koers_seed_department_get_name (&departments[1], KOERS_LANGUAGE_NL), ==, "Financiën");
  g_assert_cmpstr (koers_seed_department_get_name (&departments[5], KOERS_LANGUAGE_NL), ==, "Verkoop");
  g_assert_cmpstr (koers_seed_department_get_name (&departments[6], KOERS_LANGUAGE_EN), ==, "IT & Development");
  g_assert_cmpint (koers_seed_find_department ("nonsense"), ==, -1);
  g_assert_cmpint (koers_seed_find_department (NULL), ==, -1);
}

static void
test_text (void)
{
  static const KoersSeedText half = { "Finance", NULL };

  g_assert_cmpstr (koers_seed_text_get (&half, KOERS_LANGUAGE_EN), ==, "Finance");
  g_assert_cmpstr (koers_seed_text_get (&half, KOERS_LANGUAGE_NL), ==, "");
  g_assert_cmpstr (koers_seed_text_get (NULL, KOERS_LANGUAGE_NL), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/seed/departments", test_departments);
  g_test_add_func ("/seed/text", test_text);

  return g_test_run ();
}
