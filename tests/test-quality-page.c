/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "core/koers-format.h"
#include "core/koers-quality.h"
#include "koers-test-ui.h"
#include "store/koers-store-review.h"
#include "ui/quality/koers-quality-page.h"

/* KOERS_TODAY is 2026-05-15: the page opens on Q2 2026. */

typedef struct
{
  KoersTestUiDb   db;
  KoersObjective *objective; /* Marketing, no key results, no owner */
  GtkWindow      *window;
  GtkWidget      *page;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  koers_test_ui_db_open_in (&f->db, data);
  f->objective = koers_test_add_objective (f->db.store,
                                           koers_test_find_department (f->db.store, "Marketing"),
                                           "Double monthly sign-ups", "2026-Q2");
  f->page = koers_quality_page_new (f->db.store);
  f->window = koers_test_ui_window_new (f->page, 900, 700);
  gtk_window_present (f->window);
  koers_test_ui_iterate ();
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  koers_test_ui_assert_finalized_with (f->window, f->page);
  koers_format_set_language (KOERS_LANGUAGE_EN);
  koers_test_ui_db_close (&f->db);
}

/* (transfer none) (nullable) */
static KoersQualityFinding *
find_finding (GListModel *findings,
              const char *rule_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr (KoersQualityFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (koers_quality_finding_get_rule_id (finding), rule_id))
        return finding;
    }

  return NULL;
}

static GtkWidget *
find_key_button (GtkWidget  *root,
                 const char *key)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  koers_test_ui_collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      const char *button_key = g_object_get_data (buttons->pdata[i], "koers-finding-key");

      if (g_strcmp0 (button_key, key) == 0)
        return buttons->pdata[i];
    }

  return NULL;
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  g_autoptr (GPtrArray) labels = koers_test_ui_find_mapped (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
        return TRUE;
    }

  return FALSE;
}

static guint
count_rows (GtkWidget *root)
{
  g_autoptr (GPtrArray) rows = koers_test_ui_find_mapped (root, ADW_TYPE_EXPANDER_ROW);

  return rows->len;
}

static GtkWidget *
get_child (Fixture    *f,
           const char *name)
{
  GtkWidget *child = GTK_WIDGET (gtk_widget_get_template_child (f->page, KOERS_TYPE_QUALITY_PAGE, name));

  g_assert_nonnull (child);
  return child;
}

static void
test_lists_findings (Fixture      *f,
                     gconstpointer data)
{
  KoersQualityPage    *page = KOERS_QUALITY_PAGE (f->page);
  GListModel          *findings = koers_quality_page_get_findings (page);
  KoersQualityFinding *finding = find_finding (findings, KOERS_QUALITY_RULE_NO_KEY_RESULTS);

  g_assert_nonnull (finding);
  g_assert_cmpint (koers_quality_finding_get_objective_id (finding), ==, koers_objective_get_id (f->objective));
  g_assert_nonnull (find_finding (findings, KOERS_QUALITY_RULE_OBJECTIVE_WITHOUT_OWNER));
  g_assert_cmpuint (koers_quality_page_get_n_open (page), ==, g_list_model_get_n_items (findings));

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_child (f, "heading_label"))), ==, "OKR Check, Q2 2026");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (get_child (f, "summary_label"))), "1 error"));
  g_assert_false (gtk_widget_get_visible (get_child (f, "empty_page")));

  /* One row each, under the department's heading, message as title. */
  g_assert_cmpuint (count_rows (f->page), ==, g_list_model_get_n_items (findings));
  g_assert_true (has_label (f->page, "Marketing"));
  g_assert_true (has_label (f->page, koers_quality_finding_get_message (finding, KOERS_LANGUAGE_EN)));
}

static void
test_dismiss (Fixture      *f,
              gconstpointer data)
{
  KoersQualityPage    *page = KOERS_QUALITY_PAGE (f->page);
  KoersQualityFinding *finding = find_finding (koers_quality_page_get_findings (page), KOERS_QUALITY_RULE_NO_KEY_RESULTS);
  g_autofree char     *key = g_strdup (koers_quality_finding_get_key (finding));
  guint                n_open = koers_quality_page_get_n_open (page);
  GtkWidget           *button = find_key_button (f->page, key);

  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Dismiss");
  g_signal_emit_by_name (button, "clicked");
  koers_test_ui_iterate ();

  g_assert_null (find_finding (koers_quality_page_get_findings (page), KOERS_QUALITY_RULE_NO_KEY_RESULTS));
  g_assert_cmpuint (koers_quality_page_get_n_open (page), ==, n_open - 1);
  g_assert_null (find_key_button (f->page, key));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (get_child (f, "summary_label"))), "1 dismissed"));

  /* Kept in the database. */
  {
    g_autoptr (KoersStore) again = koers_test_ui_db_reopen (&f->db);

    g_assert_cmpint (koers_store_get_finding_dismissed_at (again, key), >, 0);
  }

  /* Shown again on request, to restore. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (get_child (f, "show_dismissed_button")), TRUE);
  koers_test_ui_iterate ();
  g_assert_true (koers_quality_page_get_show_dismissed (page));
  finding = find_finding (koers_quality_page_get_findings (page), KOERS_QUALITY_RULE_NO_KEY_RESULTS);
  g_assert_nonnull (finding);
  g_assert_true (koers_quality_finding_get_dismissed (finding));
  g_assert_cmpuint (koers_quality_page_get_n_open (page), ==, n_open - 1);
  button = find_key_button (f->page, key);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Restore");
  g_signal_emit_by_name (button, "clicked");
  koers_test_ui_iterate ();

  g_assert_cmpint (koers_store_get_finding_dismissed_at (f->db.store, key), ==, 0);
  g_assert_cmpuint (koers_quality_page_get_n_open (page), ==, n_open);
}

/* A failed dismissal's message names the database, here in a folder
 * called "R&D <ui>": the toast shows it as text (as markup it would be
 * empty, with a warning). */
static void
test_error_is_text (Fixture      *f,
                    gconstpointer data)
{
  KoersQualityFinding *finding = find_finding (koers_quality_page_get_findings (KOERS_QUALITY_PAGE (f->page)),
                                               KOERS_QUALITY_RULE_NO_KEY_RESULTS);
  GtkWidget           *button = find_key_button (f->page, koers_quality_finding_get_key (finding));

  koers_test_ui_refuse_writes (&f->db, "dismissed_findings");
  g_signal_emit_by_name (button, "clicked");
  koers_test_ui_iterate ();

  g_assert_true (koers_test_ui_has_label_containing (GTK_WIDGET (f->window), "R&D <ui>"));
}

/* Writes from elsewhere reach the page once they pause (some 300 ms). */
static void
wait_for_check (void)
{
  gint64 until = g_get_monotonic_time () + 600 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  koers_test_ui_iterate ();
}

static void
test_follows_store (Fixture      *f,
                    gconstpointer data)
{
  KoersQualityPage *page = KOERS_QUALITY_PAGE (f->page);
  g_autoptr (GError) error = NULL;

  koers_test_add_key_result (f->db.store, f->objective, "Three campaigns bring 1,200 leads", 0, 1200, 600);
  wait_for_check ();
  g_assert_null (find_finding (koers_quality_page_get_findings (page), KOERS_QUALITY_RULE_NO_KEY_RESULTS));
  g_assert_nonnull (find_finding (koers_quality_page_get_findings (page), KOERS_QUALITY_RULE_SINGLE_KEY_RESULT));

  koers_objective_set_owner (f->objective, "Marketing team");
  g_assert_true (koers_store_save_objective (f->db.store, f->objective, &error));
  g_assert_no_error (error);
  wait_for_check ();
  g_assert_null (find_finding (koers_quality_page_get_findings (page), KOERS_QUALITY_RULE_OBJECTIVE_WITHOUT_OWNER));
}

static void
test_period (Fixture      *f,
             gconstpointer data)
{
  KoersQualityPage *page = KOERS_QUALITY_PAGE (f->page);
  KoersPeriod       q3;

  koers_period_init_quarter (&q3, 2026, 3);
  koers_quality_page_set_period (page, &q3);
  koers_test_ui_iterate ();

  g_assert_cmpuint (g_list_model_get_n_items (koers_quality_page_get_findings (page)), ==, 0);
  g_assert_true (gtk_widget_get_visible (get_child (f, "empty_page")));
  g_assert_cmpuint (count_rows (f->page), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_child (f, "heading_label"))), ==, "OKR Check, Q3 2026");
}

/* Text people typed is shown as typed, not read as markup. */
static void
test_user_text (Fixture      *f,
                gconstpointer data)
{
  KoersQualityPage *page = KOERS_QUALITY_PAGE (f->page);
  KoersDepartment  *it = koers_test_find_department (f->db.store, "IT & Development");
  KoersObjective   *odd = koers_test_add_objective (f->db.store, it, "R&D <b>first</b>", "2026-Q2");

  wait_for_check ();
  g_assert_nonnull (odd);
  g_assert_true (has_label (f->page, "IT & Development"));
  g_assert_true (has_label (f->page, "No key results · R&D <b>first</b>"));
  g_assert_cmpuint (count_rows (f->page), ==, g_list_model_get_n_items (koers_quality_page_get_findings (page)));
}

/* The finding texts follow the UI language. */
static void
test_dutch (Fixture      *f,
            gconstpointer data)
{
  KoersQualityPage    *page = KOERS_QUALITY_PAGE (f->page);
  KoersPeriod          q2;
  KoersQualityFinding *finding;

  koers_format_set_language (KOERS_LANGUAGE_NL);
  koers_period_init_quarter (&q2, 2026, 3);
  koers_quality_page_set_period (page, &q2);
  koers_period_init_quarter (&q2, 2026, 2);
  koers_quality_page_set_period (page, &q2);
  koers_test_ui_iterate ();

  finding = find_finding (koers_quality_page_get_findings (page), KOERS_QUALITY_RULE_NO_KEY_RESULTS);
  g_assert_true (has_label (f->page, koers_quality_finding_get_message (finding, KOERS_LANGUAGE_NL)));
  g_assert_false (has_label (f->page, koers_quality_finding_get_message (finding, KOERS_LANGUAGE_EN)));
}

#define ADD(path, func) \
  g_test_add ("/quality-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  ADD ("lists-findings", test_lists_findings);
  ADD ("dismiss", test_dismiss);
  g_test_add ("/quality-page/error-is-text", Fixture, "koers-R&D <ui>-XXXXXX", fixture_set_up,
              test_error_is_text, fixture_tear_down);
  ADD ("follows-store", test_follows_store);
  ADD ("period", test_period);
  ADD ("user-text", test_user_text);
  ADD ("dutch", test_dutch);

  return g_test_run ();
}
