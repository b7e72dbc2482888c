/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "core/koers-format.h"
#include "core/koers-quality.h"
#include "koers-test-ui.h"
#include "store/koers-store-review.h"
#include "ui/objectives/koers-editor-pane.h"
#include "ui/objectives/koers-objective-card.h"
#include "ui/quality/koers-quality-mark.h"
#include "ui/quality/koers-quality-marks.h"

/* KOERS_TODAY is 2026-05-15: Q2 2026. */

typedef struct
{
  KoersTestUiDb      db;
  KoersObjective    *bare;  /* Marketing: no key results, no owner */
  KoersObjective    *other; /* Marketing, with an owner and a key result */
  GtkWidget         *pane;
  GtkWindow         *window;
  KoersQualityMarks *marks;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  KoersDepartment *marketing;
  g_autoptr (GError) error = NULL;
  KoersPeriod q2;

  koers_test_ui_db_open (&f->db);
  marketing = koers_test_find_department (f->db.store, "Marketing");
  f->bare = koers_test_add_objective (f->db.store, marketing, "Double monthly sign-ups", "2026-Q2");
  f->other = koers_test_add_objective (f->db.store, marketing, "Raise brand awareness", "2026-Q2");
  koers_objective_set_owner (f->other, "Marketing team");
  g_assert_true (koers_store_save_objective (f->db.store, f->other, &error));
  g_assert_no_error (error);
  koers_test_add_key_result (f->db.store, f->other, "Brand recall up from 20% to 35%", 20, 35, 24);

  f->pane = koers_editor_pane_new ();
  koers_editor_pane_set_store (KOERS_EDITOR_PANE (f->pane), f->db.store);
  koers_editor_pane_set_department (KOERS_EDITOR_PANE (f->pane), marketing);
  koers_period_init_quarter (&q2, 2026, 2);
  koers_editor_pane_set_period (KOERS_EDITOR_PANE (f->pane), &q2);
  f->marks = koers_editor_pane_get_quality_marks (KOERS_EDITOR_PANE (f->pane));
  f->window = koers_test_ui_window_new (f->pane, 900, 900);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  gtk_window_destroy (f->window);
  koers_test_ui_iterate ();
  koers_format_set_language (KOERS_LANGUAGE_EN);
  koers_test_ui_db_close (&f->db);
}

static KoersQualityMark *
find_mark (Fixture        *f,
           KoersObjective *objective)
{
  g_autoptr (GPtrArray) cards = NULL;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  koers_test_ui_spin (30);
  cards = koers_test_ui_find_mapped (f->pane, KOERS_TYPE_OBJECTIVE_CARD);
  for (guint i = 0; i < cards->len; i++)
    if (koers_objective_card_get_objective (cards->pdata[i]) == objective)
      {
        g_autoptr (GPtrArray) marks = g_ptr_array_new ();

        koers_test_ui_collect (cards->pdata[i], KOERS_TYPE_QUALITY_MARK, marks);
        g_assert_cmpuint (marks->len, ==, 1);
        return marks->pdata[0];
      }

  g_assert_not_reached ();
}

static GPtrArray *
get_findings (Fixture        *f,
              KoersObjective *objective)
{
  return koers_quality_marks_get_findings (f->marks, koers_objective_get_id (objective));
}

/* (transfer none) (nullable) */
static KoersQualityFinding *
find_finding (GPtrArray  *findings,
              const char *rule_id)
{
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    if (g_str_equal (koers_quality_finding_get_rule_id (findings->pdata[i]), rule_id))
      return findings->pdata[i];

  return NULL;
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  g_autoptr (GPtrArray) labels = koers_test_ui_find_mapped (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return TRUE;

  return FALSE;
}

static const char *
get_icon_name (KoersQualityMark *mark)
{
  g_autoptr (GPtrArray) images = koers_test_ui_find_mapped (GTK_WIDGET (mark), GTK_TYPE_IMAGE);

  g_assert_cmpuint (images->len, >=, 1);
  return gtk_image_get_icon_name (images->pdata[0]);
}

static GtkWidget *
find_dismiss_button (GtkWidget  *root,
                     const char *key)
{
  g_autoptr (GPtrArray) buttons = koers_test_ui_find_mapped (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (g_object_get_data (buttons->pdata[i], "koers-finding-key"), key) == 0)
      return buttons->pdata[i];

  return NULL;
}

/* The worst severity shows as an icon and in words, with the count. */
static void
test_shows_worst (Fixture      *f,
                  gconstpointer data)
{
  KoersQualityMark *mark = find_mark (f, f->bare);
  GPtrArray        *findings = get_findings (f, f->bare);
  g_autofree char  *expected = NULL;

  g_assert_nonnull (findings);
  g_assert_nonnull (find_finding (findings, KOERS_QUALITY_RULE_NO_KEY_RESULTS));
  g_assert_nonnull (find_finding (findings, KOERS_QUALITY_RULE_OBJECTIVE_WITHOUT_OWNER));
  g_assert_cmpint (koers_quality_finding_get_severity (find_finding (findings, KOERS_QUALITY_RULE_NO_KEY_RESULTS)),
                   ==, KOERS_QUALITY_SEVERITY_ERROR);

  expected = g_strdup_printf ("Error (%u)", findings->len);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (mark)));
  g_assert_cmpstr (koers_quality_mark_get_text (mark), ==, expected);
  g_assert_true (has_label (GTK_WIDGET (mark), expected));
  g_assert_cmpstr (get_icon_name (mark), ==, "dialog-error-symbolic");

  /* Department findings have no card: they are never in the marks. */
  for (guint i = 0; i < findings->len; i++)
    g_assert_cmpint (koers_quality_finding_get_objective_id (findings->pdata[i]), ==,
                     koers_objective_get_id (f->bare));

  /* A key result's findings count for its objective's card; without an
   * error left, the mark says Warning. */
  {
    KoersKeyResult      *kr = koers_test_add_key_result (f->db.store, f->bare, "Newsletter sign-ups reach 900",
                                                         0, 900, 100);
    KoersQualityFinding *kr_finding;

    koers_quality_marks_flush (f->marks);
    findings = get_findings (f, f->bare);
    g_assert_null (find_finding (findings, KOERS_QUALITY_RULE_NO_KEY_RESULTS));
    g_assert_nonnull (find_finding (findings, KOERS_QUALITY_RULE_SINGLE_KEY_RESULT));
    kr_finding = find_finding (findings, KOERS_QUALITY_RULE_KEY_RESULT_WITHOUT_OWNER);
    g_assert_nonnull (kr_finding);
    g_assert_cmpint (koers_quality_finding_get_key_result_id (kr_finding), ==, koers_key_result_get_id (kr));
    g_assert_true (g_str_has_prefix (koers_quality_mark_get_text (mark), "Warning ("));
    g_assert_cmpstr (get_icon_name (mark), ==, "dialog-warning-symbolic");
  }
}

/* One check per burst of changes, for all the cards; switching
 * department needs none, another period does. */
static void
test_one_check_per_change (Fixture      *f,
                           gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  guint       n_checks;
  KoersPeriod q3;

  find_mark (f, f->bare);
  n_checks = koers_quality_marks_get_n_checks (f->marks);
  g_assert_cmpuint (n_checks, >=, 1);

  for (int i = 0; i < 5; i++)
    {
      g_autofree char *title = g_strdup_printf ("Double monthly sign-ups %d", i);

      koers_objective_set_title (f->bare, title);
      g_assert_true (koers_store_save_objective (f->db.store, f->bare, &error));
      g_assert_no_error (error);
    }
  /* Not at once, for every change: one check when the changes pause. */
  koers_test_ui_spin (50);
  g_assert_cmpuint (koers_quality_marks_get_n_checks (f->marks), ==, n_checks);
  koers_test_ui_spin (400);
  g_assert_cmpuint (koers_quality_marks_get_n_checks (f->marks), ==, n_checks + 1);

  koers_editor_pane_set_department (KOERS_EDITOR_PANE (f->pane),
                                    koers_test_find_department (f->db.store, "Sales"));
  koers_test_ui_spin (50);
  koers_editor_pane_set_department (KOERS_EDITOR_PANE (f->pane),
                                    koers_test_find_department (f->db.store, "Marketing"));
  koers_test_ui_spin (50);
  g_assert_cmpuint (koers_quality_marks_get_n_checks (f->marks), ==, n_checks + 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (find_mark (f, f->bare))));

  /* In Q3 the objective is not checked: no findings. */
  koers_period_init_quarter (&q3, 2026, 3);
  koers_editor_pane_set_period (KOERS_EDITOR_PANE (f->pane), &q3);
  koers_test_ui_spin (50);
  g_assert_cmpuint (koers_quality_marks_get_n_checks (f->marks), ==, n_checks + 2);
  g_assert_null (get_findings (f, f->bare));
}

/* The popover lists each finding with its explanation; Dismiss writes to
 * the database and takes the finding off the card; Undo brings it back. */
static void
test_popover_dismiss (Fixture      *f,
                      gconstpointer data)
{
  KoersQualityMark    *mark = find_mark (f, f->bare);
  GPtrArray           *findings = get_findings (f, f->bare);
  KoersQualityFinding *finding = find_finding (findings, KOERS_QUALITY_RULE_NO_KEY_RESULTS);
  g_autofree char     *key = g_strdup (koers_quality_finding_get_key (finding));
  g_autofree char     *explanation = g_strdup (koers_quality_finding_get_explanation (finding, KOERS_LANGUAGE_EN));
  g_autofree char     *message = g_strdup (koers_quality_finding_get_message (finding, KOERS_LANGUAGE_EN));
  GtkWidget           *popover = GTK_WIDGET (koers_quality_mark_get_popover (mark));
  guint                n = findings->len;
  GtkWidget           *button;
  GtkWidget           *undo;

  koers_quality_mark_popup (mark);
  koers_test_ui_spin (50);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (has_label (popover, message));
  g_assert_true (has_label (popover, explanation));
  g_assert_true (has_label (popover, "Error"));
  for (guint i = 0; i < n; i++)
    g_assert_nonnull (find_dismiss_button (popover, koers_quality_finding_get_key (findings->pdata[i])));

  button = find_dismiss_button (popover, key);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Dismiss");
  /* At once, not after the pause that typing gets. */
  g_signal_emit_by_name (button, "clicked");
  koers_test_ui_spin (50);

  g_assert_cmpint (koers_store_get_finding_dismissed_at (f->db.store, key), >, 0);
  {
    g_autoptr (KoersStore) again = koers_test_ui_db_reopen (&f->db);

    g_assert_cmpint (koers_store_get_finding_dismissed_at (again, key), >, 0);
  }
  findings = get_findings (f, f->bare);
  g_assert_cmpuint (findings->len, ==, n - 1);
  g_assert_null (find_finding (findings, KOERS_QUALITY_RULE_NO_KEY_RESULTS));
  /* The open popover follows: the dismissed one is gone from it. */
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_false (has_label (popover, message));
  g_assert_null (find_dismiss_button (popover, key));
  g_assert_false (g_str_has_prefix (koers_quality_mark_get_text (mark), "Error"));

  gtk_popover_popdown (GTK_POPOVER (popover));
  koers_test_ui_spin (50);
  undo = koers_test_ui_find_button (GTK_WIDGET (f->window), "Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  koers_test_ui_spin (20);
  koers_quality_marks_flush (f->marks);
  g_assert_cmpint (koers_store_get_finding_dismissed_at (f->db.store, key), ==, 0);
  g_assert_cmpuint (get_findings (f, f->bare)->len, ==, n);
  g_assert_true (g_str_has_prefix (koers_quality_mark_get_text (mark), "Error"));

  /* Everything dismissed: no mark at all. */
  findings = get_findings (f, f->bare);
  for (guint i = 0; i < findings->len; i++)
    g_assert_true (koers_store_dismiss_finding (f->db.store, koers_quality_finding_get_key (findings->pdata[i]),
                                                NULL));
  koers_quality_marks_flush (f->marks);
  g_assert_null (get_findings (f, f->bare));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (mark)));
  g_assert_cmpstr (koers_quality_mark_get_text (mark), ==, "");
}

/* Words in the interface language, as the rest of the card. */
static void
test_language (Fixture      *f,
               gconstpointer data)
{
  KoersQualityMark    *mark;
  KoersQualityFinding *finding;
  GtkWidget           *popover;
  g_autofree char     *expected = NULL;

  koers_format_set_language (KOERS_LANGUAGE_NL);
  /* What a restart in Dutch would show: the store changes, a new check. */
  koers_objective_set_title (f->bare, "Verdubbel de aanmeldingen");
  g_assert_true (koers_store_save_objective (f->db.store, f->bare, NULL));
  koers_quality_marks_flush (f->marks);

  mark = find_mark (f, f->bare);
  finding = find_finding (get_findings (f, f->bare), KOERS_QUALITY_RULE_NO_KEY_RESULTS);
  expected = g_strdup_printf ("%s (%u)", koers_quality_severity_get_label (KOERS_QUALITY_SEVERITY_ERROR, KOERS_LANGUAGE_NL),
                              get_findings (f, f->bare)->len);
  g_assert_cmpstr (koers_quality_mark_get_text (mark), ==, expected);
  g_assert_cmpstr (koers_quality_severity_get_label (KOERS_QUALITY_SEVERITY_ERROR, KOERS_LANGUAGE_NL), !=,
                   koers_quality_severity_get_label (KOERS_QUALITY_SEVERITY_ERROR, KOERS_LANGUAGE_EN));

  koers_quality_mark_popup (mark);
  koers_test_ui_spin (50);
  popover = GTK_WIDGET (koers_quality_mark_get_popover (mark));
  g_assert_true (has_label (popover, koers_quality_finding_get_message (finding, KOERS_LANGUAGE_NL)));
  g_assert_false (has_label (popover, koers_quality_finding_get_message (finding, KOERS_LANGUAGE_EN)));
  gtk_popover_popdown (GTK_POPOVER (popover));
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add ("/quality-mark/shows-worst", Fixture, NULL, fixture_set_up, test_shows_worst, fixture_tear_down);
  g_test_add ("/quality-mark/one-check-per-change", Fixture, NULL, fixture_set_up, test_one_check_per_change,
              fixture_tear_down);
  g_test_add ("/quality-mark/popover-dismiss", Fixture, NULL, fixture_set_up, test_popover_dismiss,
              fixture_tear_down);
  g_test_add ("/quality-mark/language", Fixture, NULL, fixture_set_up, test_language, fixture_tear_down);

  return g_test_run ();
}
