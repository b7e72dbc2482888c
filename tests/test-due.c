/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core/koers-date.h"
#include "core/koers-department.h"
#include "core/koers-due.h"

/* What is due: the edges of the check-in rhythm.  2026-05-11 is a Monday,
 * the default check-in day; Q2 2026 runs from 1 April to 30 June. */

static void
parse_date (const char *iso,
            GDate      *out)
{
  g_assert_true (koers_date_parse (iso, out));
}

static gint64
usec_for (const char *iso)
{
  GDate date;
  g_autoptr (GDateTime) dt = NULL;

  parse_date (iso, &date);
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

static KoersObjective *
new_objective (const char *period,
               gint64      department_id)
{
  KoersObjective *objective = koers_objective_new ("Grow", KOERS_LEVEL_DEPARTMENT,
                                                   KOERS_OBJECTIVE_KIND_COMMITTED, period);

  koers_objective_set_department_id (objective, department_id);
  koers_objective_set_owner (objective, "Anna");
  return objective;
}

static KoersKeyResult *
add_kr (KoersObjective *objective,
        const char     *title,
        KoersMetricKind kind,
        const char     *last_checkin)
{
  g_autoptr (KoersKeyResult) kr = koers_key_result_new (title, kind, 0, kind == KOERS_METRIC_KIND_MILESTONE ? 1 : 10, NULL);

  koers_key_result_set_created (kr, usec_for ("2026-03-20"));
  koers_key_result_set_position (kr, (int) g_list_model_get_n_items (koers_objective_get_key_results (objective)));
  if (last_checkin != NULL)
    {
      g_autoptr (KoersCheckin) checkin = koers_checkin_new (last_checkin, 1, KOERS_CHECKIN_STATUS_NONE, NULL);

      koers_key_result_add_checkin (kr, checkin);
      koers_key_result_set_current_value (kr, 1);
    }
  koers_objective_insert_key_result (objective, kr);
  return kr;
}

static gboolean
is_due (KoersObjective *objective,
        KoersKeyResult *kr,
        const char     *today_iso,
        gboolean       *late)
{
  KoersRhythm rhythm;
  GDate       today;

  koers_rhythm_init (&rhythm);
  parse_date (today_iso, &today);
  return koers_due_key_result_is_due (objective, kr, &rhythm, &today, late);
}

static void
test_last_checkin_day (void)
{
  KoersRhythm rhythm;
  GDate       today, day, expected;

  koers_rhythm_init (&rhythm);
  g_assert_cmpint (rhythm.checkin_day, ==, G_DATE_MONDAY);
  g_assert_cmpuint (rhythm.late_days, ==, 7);

  /* On the day itself: that day. */
  parse_date ("2026-05-11", &today);
  koers_due_get_last_checkin_day (&rhythm, &today, &day);
  g_assert_cmpint (g_date_compare (&day, &today), ==, 0);

  /* Friday: the Monday before. */
  parse_date ("2026-05-15", &today);
  koers_due_get_last_checkin_day (&rhythm, &today, &day);
  parse_date ("2026-05-11", &expected);
  g_assert_cmpint (g_date_compare (&day, &expected), ==, 0);

  /* Check-in day Friday, today Thursday: six days back. */
  rhythm.checkin_day = G_DATE_FRIDAY;
  parse_date ("2026-05-14", &today);
  koers_due_get_last_checkin_day (&rhythm, &today, &day);
  parse_date ("2026-05-08", &expected);
  g_assert_cmpint (g_date_compare (&day, &expected), ==, 0);

  rhythm.late_days = 0;
  g_assert_false (koers_rhythm_is_valid (&rhythm));
  rhythm.late_days = KOERS_RHYTHM_MAX_LATE_DAYS + 1;
  g_assert_false (koers_rhythm_is_valid (&rhythm));
  rhythm.late_days = KOERS_RHYTHM_MAX_LATE_DAYS;
  g_assert_true (koers_rhythm_is_valid (&rhythm));
}

static void
test_checkin_on_the_day (void)
{
  g_autoptr (KoersObjective) objective = new_objective ("2026-Q2", 2);
  KoersKeyResult *on_day = add_kr (objective, "on the day", KOERS_METRIC_KIND_NUMBER, "2026-05-11");
  KoersKeyResult *day_before = add_kr (objective, "day before", KOERS_METRIC_KIND_NUMBER, "2026-05-10");
  gboolean        late = TRUE;

  /* A check-in on the check-in day itself counts, that day and after. */
  g_assert_false (is_due (objective, on_day, "2026-05-11", NULL));
  g_assert_false (is_due (objective, on_day, "2026-05-17", NULL));
  /* The next check-in day asks again. */
  g_assert_true (is_due (objective, on_day, "2026-05-18", &late));
  g_assert_true (late); /* 7 days: late from the 7th */

  /* One day before the check-in day: due on it, not yet late. */
  g_assert_false (is_due (objective, day_before, "2026-05-10", NULL));
  g_assert_true (is_due (objective, day_before, "2026-05-11", &late));
  g_assert_false (late);
  g_assert_true (is_due (objective, day_before, "2026-05-16", &late));
  g_assert_false (late);
  g_assert_true (is_due (objective, day_before, "2026-05-17", &late));
  g_assert_true (late);
}

static void
test_other_period (void)
{
  g_autoptr (KoersObjective) past = new_objective ("2026-Q1", 2);
  g_autoptr (KoersObjective) next = new_objective ("2026-Q3", 2);
  g_autoptr (KoersObjective) year = new_objective ("2026", 2);
  g_autoptr (KoersObjective) starts_wednesday = new_objective ("2026-04-01/2026-06-30", 2);
  KoersKeyResult *old = add_kr (past, "old", KOERS_METRIC_KIND_NUMBER, NULL);
  KoersKeyResult *future = add_kr (next, "future", KOERS_METRIC_KIND_NUMBER, NULL);
  KoersKeyResult *yearly = add_kr (year, "yearly", KOERS_METRIC_KIND_NUMBER, NULL);
  KoersKeyResult *fresh = add_kr (starts_wednesday, "fresh", KOERS_METRIC_KIND_NUMBER, NULL);
  gboolean        late = FALSE;

  /* Due only while its period runs. */
  g_assert_false (is_due (past, old, "2026-05-11", NULL));
  g_assert_true (is_due (past, old, "2026-03-30", NULL));
  g_assert_false (is_due (next, future, "2026-05-11", NULL));
  /* A year's objective runs in each quarter. */
  g_assert_true (is_due (year, yearly, "2026-05-11", &late));
  g_assert_true (late);

  /* A period that began on a Wednesday: nothing due before its first
   * Monday, then due without a check-in, late a week after its start. */
  g_assert_false (is_due (starts_wednesday, fresh, "2026-04-03", NULL));
  g_assert_true (is_due (starts_wednesday, fresh, "2026-04-06", &late));
  g_assert_false (late);
  g_assert_true (is_due (starts_wednesday, fresh, "2026-04-08", &late));
  g_assert_true (late);
}

static void
test_achieved_never_due (void)
{
  g_autoptr (KoersObjective) objective = new_objective ("2026-Q2", 2);
  KoersKeyResult *reached = add_kr (objective, "reached", KOERS_METRIC_KIND_NUMBER, "2026-04-02");
  KoersKeyResult *milestone = add_kr (objective, "milestone", KOERS_METRIC_KIND_MILESTONE, "2026-04-02");
  KoersKeyResult *open = add_kr (objective, "open milestone", KOERS_METRIC_KIND_MILESTONE, NULL);

  /* Target reached: never due, however old the check-in. */
  koers_key_result_set_current_value (reached, 10);
  g_assert_false (is_due (objective, reached, "2026-06-29", NULL));

  /* A milestone done is achieved; one not done waits like any other. */
  koers_key_result_set_current_value (milestone, 1);
  g_assert_false (is_due (objective, milestone, "2026-06-29", NULL));
  koers_key_result_set_current_value (milestone, 0);
  g_assert_true (is_due (objective, milestone, "2026-06-29", NULL));
  g_assert_true (is_due (objective, open, "2026-06-29", NULL));

  /* A closed or archived objective waits for nothing. */
  koers_objective_set_state (objective, KOERS_OBJECTIVE_STATE_ACHIEVED);
  g_assert_false (is_due (objective, open, "2026-06-29", NULL));
  koers_objective_set_state (objective, KOERS_OBJECTIVE_STATE_ACTIVE);
  koers_objective_set_archived (objective, TRUE);
  g_assert_false (is_due (objective, open, "2026-06-29", NULL));
}

static GListStore *
new_departments (void)
{
  GListStore *store = g_list_store_new (KOERS_TYPE_DEPARTMENT);
  const char *names[] = { "Company", "Sales", "Finance" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (KoersDepartment) dept = koers_department_new (names[i], NULL);

      koers_department_set_id (dept, i + 1);
      g_list_store_append (store, dept);
    }
  return store;
}

static void
test_collect (void)
{
  g_autoptr (GListStore) departments = new_departments ();
  g_autoptr (GListStore) objectives = g_list_store_new (KOERS_TYPE_OBJECTIVE);
  g_autoptr (GListStore) kpis = g_list_store_new (KOERS_TYPE_KPI);
  g_autoptr (KoersObjective) finance = new_objective ("2026-Q2", 3);
  g_autoptr (KoersObjective) sales = new_objective ("2026-Q2", 2);
  g_autoptr (KoersKpi) weekly = koers_kpi_new ("Leads", KOERS_METRIC_KIND_NUMBER, NULL,
                                               KOERS_KPI_DIRECTION_HIGHER, 10, 5, KOERS_KPI_FREQUENCY_WEEKLY);
  g_autoptr (KoersKpi) quarterly = koers_kpi_new ("Churn", KOERS_METRIC_KIND_NUMBER, NULL,
                                                  KOERS_KPI_DIRECTION_LOWER, 5, 10, KOERS_KPI_FREQUENCY_QUARTERLY);
  g_autoptr (KoersKpiValue) recent = koers_kpi_value_new ("2026-05-01", 3, NULL);
  g_autoptr (KoersKpiValue) old = koers_kpi_value_new ("2026-04-01", 20, NULL);
  g_autoptr (GPtrArray) items = NULL;
  KoersKeyResult *kr;
  KoersDueCounts  counts;
  KoersRhythm     rhythm;
  GDate           today;

  add_kr (finance, "budget", KOERS_METRIC_KIND_NUMBER, NULL);
  kr = add_kr (sales, "revenue", KOERS_METRIC_KIND_NUMBER, "2026-05-10");
  koers_key_result_set_owner (kr, "Bert");
  add_kr (sales, "done", KOERS_METRIC_KIND_NUMBER, "2026-05-12");
  g_list_store_append (objectives, finance);
  g_list_store_append (objectives, sales);

  koers_kpi_set_department_id (weekly, 2);
  koers_kpi_add_value (weekly, old);
  koers_kpi_set_department_id (quarterly, 3);
  koers_kpi_add_value (quarterly, recent);
  g_list_store_append (kpis, quarterly);
  g_list_store_append (kpis, weekly);

  koers_rhythm_init (&rhythm);
  parse_date ("2026-05-15", &today);
  items = koers_due_collect (G_LIST_MODEL (departments), G_LIST_MODEL (objectives), G_LIST_MODEL (kpis),
                             &rhythm, &today);

  /* Sales (the sidebar's second) before Finance; within Sales the key
   * result before the KPI; no review in the middle of a quarter. */
  g_assert_cmpuint (items->len, ==, 3);
  g_assert_cmpint (koers_due_item_get_kind (items->pdata[0]), ==, KOERS_DUE_KIND_KEY_RESULT);
  g_assert_cmpstr (koers_due_item_get_owner (items->pdata[0]), ==, "Bert");
  g_assert_cmpstr (koers_due_item_get_since (items->pdata[0]), ==, "2026-05-10");
  g_assert_false (koers_due_item_get_late (items->pdata[0]));
  g_assert_cmpint (koers_due_item_get_kind (items->pdata[1]), ==, KOERS_DUE_KIND_KPI);
  g_assert_true (koers_due_item_get_kpi (items->pdata[1]) == weekly);
  g_assert_true (koers_due_item_get_late (items->pdata[1]));
  g_assert_cmpint (koers_due_item_get_department_id (items->pdata[2]), ==, 3);
  g_assert_cmpstr (koers_due_item_get_owner (items->pdata[2]), ==, "Anna");
  g_assert_null (koers_due_item_get_since (items->pdata[2]));
  g_assert_true (koers_due_item_get_late (items->pdata[2]));

  koers_due_count (items, &counts);
  g_assert_cmpuint (counts.n_key_results, ==, 2);
  g_assert_cmpuint (counts.n_kpis, ==, 1);
  g_assert_cmpuint (counts.n_reviews, ==, 0);
  g_assert_cmpuint (counts.n_late, ==, 2);

  /* --owner: Bert's only, whatever the case. */
  koers_due_filter_owner (items, "bert");
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (koers_due_item_get_owner (items->pdata[0]), ==, "Bert");
}

static void
test_review (void)
{
  g_autoptr (GListStore) objectives = g_list_store_new (KOERS_TYPE_OBJECTIVE);
  g_autoptr (KoersObjective) graded = new_objective ("2026-Q2", 2);
  g_autoptr (KoersObjective) open = new_objective ("2026-Q2", 2);
  g_autoptr (KoersObjective) yearly = new_objective ("2026", 2);
  g_autoptr (GPtrArray) items = NULL;
  KoersRhythm rhythm;
  GDate       today;

  koers_objective_set_final_grade (graded, 0.7);
  g_list_store_append (objectives, graded);
  g_list_store_append (objectives, open);
  g_list_store_append (objectives, yearly);
  koers_rhythm_init (&rhythm);

  /* 30 June - 14 days: not yet. */
  parse_date ("2026-06-16", &today);
  items = koers_due_collect (NULL, G_LIST_MODEL (objectives), NULL, &rhythm, &today);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* The last two weeks: the quarter's one open objective (the year's ends
   * later, the graded one is done). */
  parse_date ("2026-06-17", &today);
  items = koers_due_collect (NULL, G_LIST_MODEL (objectives), NULL, &rhythm, &today);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (koers_due_item_get_kind (items->pdata[0]), ==, KOERS_DUE_KIND_REVIEW);
  g_assert_cmpuint (koers_due_item_get_n_objectives (items->pdata[0]), ==, 1);
  g_assert_cmpint (koers_due_item_get_period (items->pdata[0])->quarter, ==, 2);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Reviewed: the item goes. */
  koers_objective_set_final_grade (open, 1.0);
  parse_date ("2026-06-30", &today);
  items = koers_due_collect (NULL, G_LIST_MODEL (objectives), NULL, &rhythm, &today);
  g_assert_cmpuint (items->len, ==, 0);
}

static void
test_print (void)
{
  g_autoptr (GListStore) departments = new_departments ();
  g_autoptr (GListStore) objectives = g_list_store_new (KOERS_TYPE_OBJECTIVE);
  g_autoptr (KoersObjective) sales = new_objective ("2026-Q2", 2);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) none = g_ptr_array_new ();
  g_autoptr (GString) en = g_string_new (NULL);
  g_autoptr (GString) nl = g_string_new (NULL);
  g_autoptr (GString) nothing = g_string_new (NULL);
  KoersRhythm rhythm;
  GDate       today;

  add_kr (sales, "Revenue", KOERS_METRIC_KIND_NUMBER, "2026-05-04");
  g_list_store_append (objectives, sales);
  koers_rhythm_init (&rhythm);
  parse_date ("2026-05-15", &today);
  items = koers_due_collect (G_LIST_MODEL (departments), G_LIST_MODEL (objectives), NULL, &rhythm, &today);

  koers_due_print (items, G_LIST_MODEL (departments), &rhythm, &today, KOERS_LANGUAGE_EN, en);
  g_assert_cmpstr (en->str, ==,
                   "Due since the check-in day, Monday 11 May 2026: 1 key result waits for a check-in\n"
                   "\n"
                   "Sales — Anna\n"
                   "  Key result: Revenue (objective: Grow) · last check-in 4 May 2026 · late\n");
  koers_due_print (items, G_LIST_MODEL (departments), &rhythm, &today, KOERS_LANGUAGE_NL, nl);
  g_assert_true (g_str_has_prefix (nl->str, "Te doen sinds de check-indag, maandag 11 mei 2026: "
                                            "1 sleutelresultaat wacht op een check-in\n"));
  g_assert_nonnull (strstr (nl->str, "laatste check-in 4 mei 2026"));

  koers_due_print (none, G_LIST_MODEL (departments), &rhythm, &today, KOERS_LANGUAGE_EN, nothing);
  g_assert_cmpstr (nothing->str, ==, "Nothing is due since the check-in day, Monday 11 May 2026.\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/due/last-checkin-day", test_last_checkin_day);
  g_test_add_func ("/due/checkin-on-the-day", test_checkin_on_the_day);
  g_test_add_func ("/due/other-period", test_other_period);
  g_test_add_func ("/due/achieved-never-due", test_achieved_never_due);
  g_test_add_func ("/due/collect", test_collect);
  g_test_add_func ("/due/review", test_review);
  g_test_add_func ("/due/print", test_print);

  return g_test_run ();
}
