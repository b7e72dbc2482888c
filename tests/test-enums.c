/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib-object.h>

#include "core/koers-enum-types.h"
#include "core/koers-enums.h"
#include "core/koers-status-words.h"

typedef const char *(*ToStringFunc) (int value);
typedef gboolean (*FromStringFunc) (const char *str, int *out);

static void
check_round_trip (const char *const *expected,
                  guint              n,
                  ToStringFunc       to_string,
                  FromStringFunc     from_string)
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

typedef struct
{
  GType (*get_type) (void);
  ToStringFunc   to_string;
  FromStringFunc from_string;
} StoredEnum;

/* Every enum that the database and JSON store as text. */
static const StoredEnum stored_enums[] = {
  { koers_level_get_type, (ToStringFunc) koers_level_to_string,
    (FromStringFunc) koers_level_from_string },
  { koers_objective_kind_get_type, (ToStringFunc) koers_objective_kind_to_string,
    (FromStringFunc) koers_objective_kind_from_string },
  { koers_objective_state_get_type, (ToStringFunc) koers_objective_state_to_string,
    (FromStringFunc) koers_objective_state_from_string },
  { koers_metric_kind_get_type, (ToStringFunc) koers_metric_kind_to_string,
    (FromStringFunc) koers_metric_kind_from_string },
  { koers_checkin_status_get_type, (ToStringFunc) koers_checkin_status_to_string,
    (FromStringFunc) koers_checkin_status_from_string },
  { koers_kpi_direction_get_type, (ToStringFunc) koers_kpi_direction_to_string,
    (FromStringFunc) koers_kpi_direction_from_string },
  { koers_kpi_frequency_get_type, (ToStringFunc) koers_kpi_frequency_to_string,
    (FromStringFunc) koers_kpi_frequency_from_string },
  { koers_kpi_status_get_type, (ToStringFunc) koers_kpi_status_to_string,
    (FromStringFunc) koers_kpi_status_from_string },
};

/* A GType's nick (what GtkBuilder and GObject properties take) is the
 * string the database and JSON store, value for value, and every value
 * has one: an enum value added without a stored form fails here. */
static void
test_gtype_nicks_are_stored_strings (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (stored_enums); e++)
    {
      const StoredEnum *stored = &stored_enums[e];
      g_autoptr (GEnumClass) klass = g_type_class_ref (stored->get_type ());

      g_assert_cmpuint (klass->n_values, >=, 2);
      for (guint i = 0; i < klass->n_values; i++)
        {
          const GEnumValue *value = &klass->values[i];
          int               parsed = -1;

          g_assert_cmpstr (stored->to_string (value->value), ==, value->value_nick);
          g_assert_true (stored->from_string (value->value_nick, &parsed));
          g_assert_cmpint (parsed, ==, value->value);
          g_assert_true (g_enum_get_value_by_nick (klass, stored->to_string (value->value)) == value);
        }
      g_assert_null (stored->to_string ((int) klass->n_values));
    }
}

/* What is not exactly a stored string is refused and leaves out alone:
 * the C name, the nick's other spellings, spaces, a number. */
static void
test_invalid_strings_rejected (void)
{
  static const char *const invalid[] = {
    "KOERS_OBJECTIVE_STATE_CARRIED_OVER",
    "CARRIED_OVER",
    "carried_over",
    "Carried-over",
    "carried-over ",
    " carried-over",
    "carried",
    "3",
    "",
  };
  KoersObjectiveState state = KOERS_OBJECTIVE_STATE_ARCHIVED;
  KoersKpiStatus      status = KOERS_KPI_STATUS_UNHEALTHY;

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_assert_false (koers_objective_state_from_string (invalid[i], &state));
      g_assert_cmpint (state, ==, KOERS_OBJECTIVE_STATE_ARCHIVED);
    }
  g_assert_true (koers_objective_state_from_string ("carried-over", &state));
  g_assert_cmpint (state, ==, KOERS_OBJECTIVE_STATE_CARRIED_OVER);

  g_assert_false (koers_kpi_status_from_string ("needs_attention", &status));
  g_assert_false (koers_kpi_status_from_string (NULL, &status));
  g_assert_cmpint (status, ==, KOERS_KPI_STATUS_UNHEALTHY);

  for (guint e = 0; e < G_N_ELEMENTS (stored_enums); e++)
    {
      g_assert_false (stored_enums[e].from_string ("nonsense", NULL));
      g_assert_false (stored_enums[e].from_string (NULL, NULL));
      g_assert_null (stored_enums[e].to_string (-1));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/enums/stable-strings", test_stable_strings);
  g_test_add_func ("/enums/from-string-failure", test_from_string_keeps_out_on_failure);
  g_test_add_func ("/enums/labels", test_labels);
  g_test_add_func ("/enums/gtype-nicks-are-stored-strings", test_gtype_nicks_are_stored_strings);
  g_test_add_func ("/enums/invalid-strings-rejected", test_invalid_strings_rejected);

  return g_test_run ();
}
