/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core/koers-department.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_defaults (void)
{
  g_autoptr (KoersDepartment) dept = koers_department_new ("Finance", "💶");

  g_assert_cmpstr (koers_department_get_name (dept), ==, "Finance");
  g_assert_cmpstr (koers_department_get_emoji (dept), ==, "💶");
  g_assert_cmpstr (koers_department_get_uuid (dept), ==, "");
  g_assert_cmpint (koers_department_get_id (dept), ==, 0);
  g_assert_cmpint (koers_department_get_parent_id (dept), ==, 0);
  g_assert_cmpint (koers_department_get_sort_order (dept), ==, 0);
  g_assert_false (koers_department_get_is_company (dept));
  g_assert_cmpint (koers_department_get_created (dept), ==, 0);
}

static void
test_null_strings (void)
{
  g_autoptr (KoersDepartment) dept = koers_department_new (NULL, NULL);

  /* Strings are "" rather than NULL, so views bind them safely. */
  g_assert_cmpstr (koers_department_get_name (dept), ==, "");
  g_assert_cmpstr (koers_department_get_emoji (dept), ==, "");

  koers_department_set_name (dept, "HR");
  koers_department_set_name (dept, NULL);
  g_assert_cmpstr (koers_department_get_name (dept), ==, "");
}

static void
test_notify_only_on_change (void)
{
  g_autoptr (KoersDepartment) dept = koers_department_new ("Sales", "🧾");
  guint name_count = 0;
  guint any_count = 0;

  g_signal_connect (dept, "notify::name", G_CALLBACK (count_notify_cb), &name_count);
  g_signal_connect (dept, "notify", G_CALLBACK (count_notify_cb), &any_count);

  koers_department_set_name (dept, "Sales");
  g_assert_cmpuint (name_count, ==, 0);
  koers_department_set_name (dept, "Verkoop");
  g_assert_cmpuint (name_count, ==, 1);
  g_object_set (dept, "name", "Verkoop", NULL);
  g_assert_cmpuint (name_count, ==, 1);

  koers_department_set_sort_order (dept, 3);
  koers_department_set_sort_order (dept, 3);
  koers_department_set_is_company (dept, TRUE);
  koers_department_set_is_company (dept, 2); /* still true */
  koers_department_set_parent_id (dept, 7);
  g_assert_cmpuint (any_count, ==, 4);
}

static void
test_properties (void)
{
  g_autoptr (KoersDepartment) dept = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uuid = NULL;
  gint64           id, parent_id, created, updated;
  gboolean         is_company;
  int              sort_order;

  dept = g_object_new (KOERS_TYPE_DEPARTMENT,
                       "id", (gint64) 12,
                       "uuid", "6f1c0f3e-2f4b-4b8e-9d55-0d6a2c3b1a11",
                       "name", "IT & Development",
                       "sort-order", 6,
                       "parent-id", (gint64) 3,
                       "is-company", FALSE,
                       "created", (gint64) 100,
                       "updated", (gint64) 200,
                       NULL);

  g_object_get (dept,
                "id", &id,
                "uuid", &uuid,
                "name", &name,
                "sort-order", &sort_order,
                "parent-id", &parent_id,
                "is-company", &is_company,
                "created", &created,
                "updated", &updated,
                NULL);

  g_assert_cmpint (id, ==, 12);
  g_assert_cmpstr (uuid, ==, "6f1c0f3e-2f4b-4b8e-9d55-0d6a2c3b1a11");
  g_assert_cmpstr (name, ==, "IT & Development");
  g_assert_cmpint (sort_order, ==, 6);
  g_assert_cmpint (parent_id, ==, 3);
  g_assert_false (is_company);
  g_assert_cmpint (created, ==, 100);
  g_assert_cmpint (updated, ==, 200);
}

static void
test_pspec_flags (void)
{
  g_autoptr (KoersDepartment) dept = koers_department_new ("x", "");
  guint                   n = 0;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (dept), &n);

  g_assert_cmpuint (n, ==, 9);
  for (guint i = 0; i < n; i++)
    {
      g_test_message ("property %s", pspecs[i]->name);
      g_assert_true (pspecs[i]->flags & G_PARAM_EXPLICIT_NOTIFY);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/department/defaults", test_defaults);
  g_test_add_func ("/department/null-strings", test_null_strings);
  g_test_add_func ("/department/notify-only-on-change", test_notify_only_on_change);
  g_test_add_func ("/department/properties", test_properties);
  g_test_add_func ("/department/pspec-flags", test_pspec_flags);

  return g_test_run ();
}
