/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib-object.h>

#include "core/koers-enum-types.h"
#include "core/koers-enums.h"

typedef const char *(*ToStringFunc) (int value);
typedef gboolean (*FromStringFunc) (const char *str, int *out);

static void
check_round_trip (const char         *const *expected,
                  guint                       n,
                  ToStringFunc                to_string,
                  FromStringFunc              from_string)
{
  for (guint i = 0; i < n; i++)
    {
      int value = -1;

      g_assert_cmpstr (to_string ((int) i), ==, expected[i]);
      g_assert_true (from_string (expected[i], &value));
      g_assert_cmpint (value, ==, (int) i);
    }

  /* Past the end, unknown and NULL input. */
  g_assert_null (to_string ((int) n));
  g_assert_false (from_string ("nonsense", NULL));
  g_assert_false (from_string ("", NULL));
  g_assert_false (from_string (NULL, NULL));
}

static void
test_stable_strings (void)
{
  static const char *const levels[] = { "company", "department", "team" };
  static const char *const kinds[] = { "committed", "aspirational" };
  static const char *const states[] = { "active", "achieved", "missed", "carried-over", "archived" };
  static const char *const metrics[] = { "number", "percentage", "currency", "milestone" };
  static const char *const statuses[] = { "none", "on-track", "at-risk", "off-track" };

  check_round_trip (levels, G_N_ELEMENTS (levels),
                    (ToStringFunc) koers_level_to_string,
                    (FromStringFunc) koers_level_from_string);
  check_round_trip (kinds, G_N_ELEMENTS (kinds),
                    (ToStringFunc) koers_objective_kind_to_string,
                    (FromStringFunc) koers_objective_kind_from_string);
  check_round_trip (states, G_N_ELEMENTS (states),
                    (ToStringFunc) koers_objective_state_to_string,
                    (FromStringFunc) koers_objective_state_from_string);
  check_round_trip (metrics, G_N_ELEMENTS (metrics),
                    (ToStringFunc) koers_metric_kind_to_string,
                    (FromStringFunc) koers_metric_kind_from_string);
  check_round_trip (statuses, G_N_ELEMENTS (statuses),
                    (ToStringFunc) koers_checkin_status_to_string,
                    (FromStringFunc) koers_checkin_status_from_string);
}

static void
test_from_string_keeps_out_on_failure (void)
{
  KoersMetricKind kind = KOERS_METRIC_KIND_CURRENCY;

  /* Case matters: the stored form is exact. */
  g_assert_false (koers_metric_kind_from_string ("Number", &kind));
  g_assert_cmpint (kind, ==, KOERS_METRIC_KIND_CURRENCY);
}

static void
test_labels (void)
{
  /* The test environment runs in English (LANGUAGE=en). */
  g_assert_cmpstr (koers_level_get_label (KOERS_LEVEL_COMPANY), ==, "Company");
  g_assert_cmpstr (koers_level_get_label (KOERS_LEVEL_TEAM), ==, "Team");
  g_assert_cmpstr (koers_objective_kind_get_label (KOERS_OBJECTIVE_KIND_COMMITTED), ==, "Committed");
  g_assert_cmpstr (koers_objective_kind_get_label (KOERS_OBJECTIVE_KIND_ASPIRATIONAL), ==, "Aspirational");
  g_assert_cmpstr (koers_objective_state_get_label (KOERS_OBJECTIVE_STATE_CARRIED_OVER), ==, "Carried over");
  g_assert_cmpstr (koers_metric_kind_get_label (KOERS_METRIC_KIND_MILESTONE), ==, "Milestone");
  g_assert_cmpstr (koers_checkin_status_get_label (KOERS_CHECKIN_STATUS_NONE), ==, "No status");
  g_assert_cmpstr (koers_checkin_status_get_label (KOERS_CHECKIN_STATUS_AT_RISK), ==, "At risk");
  g_assert_cmpstr (koers_kr_status_get_label (KOERS_KR_STATUS_IN_PROGRESS), ==, "In progress");
  g_assert_cmpstr (koers_kr_status_get_label (KOERS_KR_STATUS_ACHIEVED), ==, "Achieved");
  g_assert_cmpstr (koers_kr_status_get_label (KOERS_KR_STATUS_OFF_TRACK), ==, "Off track");

  /* Out of range never crashes a view. */
  g_assert_cmpstr (koers_kr_status_get_label ((KoersKrStatus) 99), ==, "");
}

static void
test_gtypes (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (KOERS_TYPE_OBJECTIVE_STATE);
  GEnumValue *value;

  g_assert_true (G_TYPE_IS_ENUM (KOERS_TYPE_LEVEL));
  g_assert_true (G_TYPE_IS_ENUM (KOERS_TYPE_METRIC_KIND));
  g_assert_true (G_TYPE_IS_ENUM (KOERS_TYPE_CHECKIN_STATUS));
  g_assert_cmpint (klass->n_values, ==, 5);
  value = g_enum_get_value (klass, KOERS_OBJECTIVE_STATE_ARCHIVED);
  g_assert_nonnull (value);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/enums/stable-strings", test_stable_strings);
  g_test_add_func ("/enums/from-string-failure", test_from_string_keeps_out_on_failure);
  g_test_add_func ("/enums/labels", test_labels);
  g_test_add_func ("/enums/gtypes", test_gtypes);

  return g_test_run ();
}
