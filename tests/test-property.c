/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core/koers-enum-types.h"
#include "core/koers-department.h"
#include "core/koers-enums.h"
#include "core/koers-property.h"

/* A small class of every kind the model's objects use. */
#define TEST_TYPE_THING (test_thing_get_type ())
G_DECLARE_FINAL_TYPE (TestThing, test_thing, TEST, THING, GObject)

struct _TestThing
{
  GObject parent_instance;

  gint64             id;
  gint64             stamp;
  int                count;
  guint              derived;
  gboolean           flag;
  double             share;
  KoersCheckinStatus status;
  char              *name;
  char              *date;
  KoersDepartment   *department;
  guint              n_hook_calls;
};

G_DEFINE_FINAL_TYPE (TestThing, test_thing, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_STAMP,
  PROP_COUNT,
  PROP_DERIVED,
  PROP_FLAG,
  PROP_SHARE,
  PROP_STATUS,
  PROP_NAME,
  PROP_DATE,
  PROP_DEPARTMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Counts its calls, so that a test sees the shared code used it. */
static void
set_counted (GObject      *object,
             GParamSpec   *pspec,
             const GValue *value)
{
  TEST_THING (object)->n_hook_calls++;
  koers_property_store (object, pspec, value);
}

static const KoersProperty property_table[] = {
  { "id", KOERS_PROPERTY_ID, G_STRUCT_OFFSET (TestThing, id) },
  { "stamp", KOERS_PROPERTY_INT64, G_STRUCT_OFFSET (TestThing, stamp) },
  { "count", KOERS_PROPERTY_INT, G_STRUCT_OFFSET (TestThing, count), .set = set_counted },
  { "derived", KOERS_PROPERTY_UINT, G_STRUCT_OFFSET (TestThing, derived), .read_only = TRUE },
  { "flag", KOERS_PROPERTY_BOOLEAN, G_STRUCT_OFFSET (TestThing, flag) },
  { "share", KOERS_PROPERTY_DOUBLE, G_STRUCT_OFFSET (TestThing, share),
    .minimum = -1.0, .maximum = 1.0, .default_value = -1.0 },
  { "status", KOERS_PROPERTY_ENUM, G_STRUCT_OFFSET (TestThing, status),
    .type = koers_checkin_status_get_type, .default_value = KOERS_CHECKIN_STATUS_NONE },
  { "name", KOERS_PROPERTY_STRING, G_STRUCT_OFFSET (TestThing, name) },
  { "date", KOERS_PROPERTY_DATE, G_STRUCT_OFFSET (TestThing, date) },
  { "department", KOERS_PROPERTY_OBJECT, G_STRUCT_OFFSET (TestThing, department),
    .type = koers_department_get_type, .construct_only = TRUE },
};

static void
test_thing_class_init (TestThingClass *klass)
{
  koers_property_install_model (G_OBJECT_CLASS (klass), property_table, N_PROPS - 1, properties);
}

/* The table's defaults: share -1, name "", the rest 0 or NULL. */
static void
test_thing_init (TestThing *self)
{
  koers_property_init_defaults (G_OBJECT (self));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_param_specs (void)
{
  g_autoptr (GTypeClass) klass = g_type_class_ref (TEST_TYPE_THING);
  GParamSpec *pspec;

  g_assert_cmpstr (g_param_spec_get_name (properties[PROP_ID]), ==, "id");
  g_assert_true (G_IS_PARAM_SPEC_INT64 (properties[PROP_ID]));
  g_assert_cmpint (G_PARAM_SPEC_INT64 (properties[PROP_ID])->minimum, ==, 0);
  g_assert_cmpint (G_PARAM_SPEC_INT64 (properties[PROP_STAMP])->minimum, ==, G_MININT64);
  g_assert_true (G_IS_PARAM_SPEC_INT (properties[PROP_COUNT]));
  g_assert_true (G_IS_PARAM_SPEC_UINT (properties[PROP_DERIVED]));
  g_assert_true (G_IS_PARAM_SPEC_BOOLEAN (properties[PROP_FLAG]));
  g_assert_cmpfloat (G_PARAM_SPEC_DOUBLE (properties[PROP_SHARE])->minimum, ==, -1.0);
  g_assert_cmpfloat (G_PARAM_SPEC_DOUBLE (properties[PROP_SHARE])->default_value, ==, -1.0);
  g_assert_true (G_IS_PARAM_SPEC_ENUM (properties[PROP_STATUS]));
  g_assert_cmpint (G_PARAM_SPEC_ENUM (properties[PROP_STATUS])->default_value,
                   ==, KOERS_CHECKIN_STATUS_NONE);
  g_assert_cmpstr (G_PARAM_SPEC_STRING (properties[PROP_NAME])->default_value, ==, "");
  g_assert_null (G_PARAM_SPEC_STRING (properties[PROP_DATE])->default_value);

  pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), "derived");
  g_assert_true (pspec == properties[PROP_DERIVED]);
  g_assert_false (pspec->flags & G_PARAM_WRITABLE);
  g_assert_true (properties[PROP_NAME]->flags & G_PARAM_EXPLICIT_NOTIFY);
  g_assert_true (properties[PROP_NAME]->flags & G_PARAM_WRITABLE);
}

static void
test_round_trip (void)
{
  g_autoptr (TestThing) thing = g_object_new (TEST_TYPE_THING,
                                              "id", (gint64) 7,
                                              "stamp", (gint64) -5,
                                              "count", 3,
                                              "flag", TRUE,
                                              "share", 0.5,
                                              "status", KOERS_CHECKIN_STATUS_AT_RISK,
                                              "name", "Sales",
                                              "date", "2026-03-31",
                                              NULL);
  g_autofree char   *name = NULL;
  g_autofree char   *date = NULL;
  gint64             id, stamp;
  int                count;
  guint              derived;
  gboolean           flag;
  double             share;
  KoersCheckinStatus status;

  thing->derived = 9;
  g_object_get (thing, "id", &id, "stamp", &stamp, "count", &count, "derived", &derived,
                "flag", &flag, "share", &share, "status", &status, "name", &name,
                "date", &date, NULL);
  g_assert_cmpint (id, ==, 7);
  g_assert_cmpint (stamp, ==, -5);
  g_assert_cmpint (count, ==, 3);
  g_assert_cmpuint (derived, ==, 9);
  g_assert_true (flag);
  g_assert_cmpfloat (share, ==, 0.5);
  g_assert_cmpint (status, ==, KOERS_CHECKIN_STATUS_AT_RISK);
  g_assert_cmpstr (name, ==, "Sales");
  g_assert_cmpstr (date, ==, "2026-03-31");
  g_assert_cmpuint (thing->n_hook_calls, ==, 1);
}

static void
test_notify_on_change (void)
{
  g_autoptr (TestThing) thing = g_object_new (TEST_TYPE_THING, NULL);
  guint count = 0;

  g_signal_connect (thing, "notify", G_CALLBACK (count_notify_cb), &count);

  g_object_set (thing, "name", "Sales", NULL);
  g_object_set (thing, "name", "Sales", NULL);
  g_assert_cmpuint (count, ==, 1);

  g_object_set (thing, "id", (gint64) 4, NULL);
  g_object_set (thing, "id", (gint64) 4, NULL);
  g_assert_cmpuint (count, ==, 2);

  g_object_set (thing, "share", -1.0, NULL);
  g_assert_cmpuint (count, ==, 2);

  g_object_set (thing, "count", 2, NULL);
  g_object_set (thing, "count", 2, NULL);
  g_assert_cmpuint (count, ==, 3);
  g_assert_cmpuint (thing->n_hook_calls, ==, 2);
}

static void
test_strings_and_dates (void)
{
  g_autoptr (TestThing) thing = g_object_new (TEST_TYPE_THING,
                                              "name", "Sales",
                                              "date", "2026-01-01",
                                              NULL);

  /* Strings are never NULL; an empty date is no date. */
  g_object_set (thing, "name", NULL, NULL);
  g_assert_cmpstr (thing->name, ==, "");
  g_object_set (thing, "date", "", NULL);
  g_assert_null (thing->date);
}

static void
test_construct_only_object (void)
{
  g_autoptr (KoersDepartment) department = koers_department_new ("Sales", "");
  g_autoptr (TestThing) thing = g_object_new (TEST_TYPE_THING, "department", department, NULL);
  g_autoptr (KoersDepartment) got = NULL;
  GParamSpec *pspec = properties[PROP_DEPARTMENT];

  g_assert_true (G_IS_PARAM_SPEC_OBJECT (pspec));
  g_assert_true (pspec->value_type == KOERS_TYPE_DEPARTMENT);
  g_assert_true (pspec->flags & G_PARAM_CONSTRUCT_ONLY);
  g_assert_false (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);

  /* The object holds a reference of its own. */
  g_assert_true (thing->department == department);
  g_object_get (thing, "department", &got, NULL);
  g_assert_true (got == department);
  g_assert_cmpuint (G_OBJECT (department)->ref_count, ==, 3);
}

static void
test_store_reports_change (void)
{
  g_autoptr (TestThing) thing = g_object_new (TEST_TYPE_THING, NULL);
  g_auto (GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, TRUE);
  g_assert_true (koers_property_store (G_OBJECT (thing), properties[PROP_FLAG], &value));
  g_assert_false (koers_property_store (G_OBJECT (thing), properties[PROP_FLAG], &value));
  g_assert_true (thing->flag);
}

static void
test_clear (void)
{
  g_autoptr (KoersDepartment) department = koers_department_new ("Sales", "");
  g_autoptr (TestThing) thing = g_object_new (TEST_TYPE_THING,
                                              "department", department,
                                              "name", "Sales",
                                              "date", "2026-01-01",
                                              "count", 3,
                                              NULL);

  g_assert_cmpuint (G_OBJECT (department)->ref_count, ==, 2);
  koers_property_clear (G_OBJECT (thing), property_table, G_N_ELEMENTS (property_table));

  /* The strings and the object are let go; the numbers stay. */
  g_assert_null (thing->name);
  g_assert_null (thing->date);
  g_assert_null (thing->department);
  g_assert_cmpuint (G_OBJECT (department)->ref_count, ==, 1);
  g_assert_cmpint (thing->count, ==, 3);
}

/* The typed setters of the public API store, notify only on a change and
 * say whether there was one. */
static void
test_typed_setters (void)
{
  g_autoptr (TestThing) thing = g_object_new (TEST_TYPE_THING, NULL);
  GObject *object = G_OBJECT (thing);
  guint    n_notified = 0;

  g_assert_cmpfloat (thing->share, ==, -1.0);
  g_assert_cmpstr (thing->name, ==, "");
  g_assert_null (thing->date);
  g_signal_connect (thing, "notify", G_CALLBACK (count_notify_cb), &n_notified);

  g_assert_true (koers_property_set_int64 (object, properties[PROP_ID], 7));
  g_assert_false (koers_property_set_int64 (object, properties[PROP_ID], 7));
  g_assert_true (koers_property_set_int64 (object, properties[PROP_STAMP], -3));
  g_assert_true (koers_property_set_int (object, properties[PROP_COUNT], 4));
  g_assert_true (koers_property_set_uint (object, properties[PROP_DERIVED], 2));
  g_assert_true (koers_property_set_boolean (object, properties[PROP_FLAG], 5));
  g_assert_false (koers_property_set_boolean (object, properties[PROP_FLAG], TRUE));
  g_assert_true (koers_property_set_double (object, properties[PROP_SHARE], 0.5));
  g_assert_false (koers_property_set_double (object, properties[PROP_SHARE], 0.5));
  g_assert_true (koers_property_set_enum (object, properties[PROP_STATUS], KOERS_CHECKIN_STATUS_AT_RISK));
  g_assert_true (koers_property_set_string (object, properties[PROP_NAME], "Sales"));
  g_assert_false (koers_property_set_string (object, properties[PROP_NAME], "Sales"));
  g_assert_true (koers_property_set_string (object, properties[PROP_NAME], NULL));
  g_assert_false (koers_property_set_string (object, properties[PROP_DATE], ""));
  g_assert_true (koers_property_set_string (object, properties[PROP_DATE], "2026-06-30"));
  g_assert_cmpuint (n_notified, ==, 10);

  g_assert_cmpint (thing->id, ==, 7);
  g_assert_cmpint (thing->stamp, ==, -3);
  g_assert_cmpint (thing->count, ==, 4);
  g_assert_cmpuint (thing->derived, ==, 2);
  g_assert_cmpint (thing->flag, ==, TRUE);
  g_assert_cmpfloat (thing->share, ==, 0.5);
  g_assert_cmpint (thing->status, ==, KOERS_CHECKIN_STATUS_AT_RISK);
  g_assert_cmpstr (thing->name, ==, "");
  g_assert_cmpstr (thing->date, ==, "2026-06-30");
  g_assert_cmpuint (thing->n_hook_calls, ==, 0); /* the setters are the class's own */
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/property/param-specs", test_param_specs);
  g_test_add_func ("/property/round-trip", test_round_trip);
  g_test_add_func ("/property/notify-on-change", test_notify_on_change);
  g_test_add_func ("/property/strings-and-dates", test_strings_and_dates);
  g_test_add_func ("/property/construct-only-object", test_construct_only_object);
  g_test_add_func ("/property/store-reports-change", test_store_reports_change);
  g_test_add_func ("/property/clear", test_clear);
  g_test_add_func ("/property/typed-setters", test_typed_setters);

  return g_test_run ();
}
