/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "koers-test-ui.h"
#include "ui/objectives/koers-editing.h"
#include "ui/objectives/koers-key-result-row.h"
#include "ui/objectives/koers-objective-card.h"

static GtkWidget *
get_child (GtkWidget  *card,
           const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (card, KOERS_TYPE_OBJECTIVE_CARD, name));
}

static const char *
get_label (GtkWidget  *card,
           const char *name)
{
  return gtk_label_get_text (GTK_LABEL (get_child (card, name)));
}

/* The score shows as a figure, a bar and a colour band, and follows a
 * key result's current value written through the store. */
static void
test_score_follows_store (void)
{
  KoersTestUiDb   db = { 0 };
  KoersObjective *objective;
  KoersKeyResult *kr;
  GtkWidget      *card;
  GtkWindow      *window;
  GtkWidget      *score_box;
  g_autoptr (GError) error = NULL;

  koers_test_ui_db_open (&db);
  objective = koers_test_add_objective (db.store,
                                        koers_test_find_department (db.store, "Marketing"),
                                        "Double monthly sign-ups", "2026-Q2");
  kr = koers_test_add_key_result (db.store, objective, "1,200 new leads", 0, 100, 70);
  koers_test_add_key_result (db.store, objective, "800 extra sign-ups", 0, 100, 70);

  card = koers_objective_card_new (db.store);
  koers_objective_card_set_objective (KOERS_OBJECTIVE_CARD (card), objective);
  window = koers_test_ui_window_new (card, 800, 700);
  score_box = get_child (card, "score_box");

  g_assert_cmpstr (get_label (card, "title_label"), ==, "Double monthly sign-ups");
  g_assert_cmpstr (get_label (card, "score_label"), ==, "0.7");
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (GTK_LEVEL_BAR (get_child (card, "score_bar"))),
                                  0.7, 1e-9);
  g_assert_true (gtk_widget_has_css_class (score_box, "score-green"));
  g_assert_cmpstr (get_label (card, "kind_label"), ==, "Committed");

  /* Both key results are rows in the card. */
  {
    g_autoptr (GPtrArray) rows = koers_test_ui_find_mapped (card, KOERS_TYPE_KEY_RESULT_ROW);

    g_assert_cmpuint (rows->len, ==, 2);
  }

  koers_key_result_set_current_value (kr, 0);
  g_assert_true (koers_store_save_key_result (db.store, kr, &error));
  g_assert_no_error (error);
  koers_test_ui_spin (20);

  g_assert_cmpstr (get_label (card, "score_label"), ==, "0.4");
  g_assert_true (gtk_widget_has_css_class (score_box, "score-yellow"));
  g_assert_false (gtk_widget_has_css_class (score_box, "score-green"));

  koers_key_result_set_current_value (kr, 100);
  koers_key_result_set_target_value (kr, 1000);
  g_assert_true (koers_store_save_key_result (db.store, kr, &error));
  g_assert_cmpstr (get_label (card, "score_label"), ==, "0.4");
  g_assert_true (koers_store_delete_key_result (db.store, kr, &error));
  g_assert_no_error (error);
  koers_test_ui_spin (20);
  g_assert_cmpstr (get_label (card, "score_label"), ==, "0.7");

  koers_test_ui_assert_finalized_with (window, card);
  koers_test_ui_db_close (&db);
}

/* Title, owner, kind and "Supports" follow the objective; user text is
 * never markup. */
static void
test_fields (void)
{
  KoersTestUiDb   db = { 0 };
  KoersObjective *company_objective;
  KoersObjective *objective;
  GtkWidget      *card;
  g_autoptr (GError) error = NULL;

  koers_test_ui_db_open (&db);
  company_objective = koers_test_add_objective (db.store, koers_store_get_company (db.store),
                                                "Grow sales", "2026");
  objective = koers_test_add_objective (db.store,
                                        koers_test_find_department (db.store, "Sales"),
                                        "Reach <b>€ 1 million</b> & more", "2026-Q2");

  card = g_object_ref_sink (koers_objective_card_new (db.store));
  koers_objective_card_set_objective (KOERS_OBJECTIVE_CARD (card), objective);

  g_assert_cmpstr (get_label (card, "title_label"), ==, "Reach <b>€ 1 million</b> & more");
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (get_child (card, "title_label"))));
  /* The whole title shows, over more lines in a narrow window. */
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (get_child (card, "title_label"))));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (get_child (card, "title_label"))), ==,
                   PANGO_ELLIPSIZE_NONE);
  g_assert_false (gtk_widget_get_visible (get_child (card, "supports_label")));
  g_assert_false (gtk_widget_get_visible (get_child (card, "owner_box")));

  koers_objective_set_aligned_to_id (objective, koers_objective_get_id (company_objective));
  koers_objective_set_owner (objective, "Sales director");
  koers_objective_set_kind (objective, KOERS_OBJECTIVE_KIND_ASPIRATIONAL);
  g_assert_true (koers_store_save_objective (db.store, objective, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_get_visible (get_child (card, "supports_label")));
  g_assert_cmpstr (get_label (card, "supports_label"), ==, "Supports: " KOERS_TEST_ISOLATED ("Grow sales"));
  g_assert_true (gtk_widget_get_visible (get_child (card, "owner_box")));
  g_assert_cmpstr (get_label (card, "owner_label"), ==, "Sales director");
  g_assert_cmpstr (get_label (card, "kind_label"), ==, "Aspirational");
  g_assert_true (gtk_widget_has_css_class (get_child (card, "kind_label"), "aspirational"));

  /* Renaming the company objective shows in the card at once. */
  koers_objective_set_title (company_objective, "Grow sales in Flanders");
  g_assert_true (koers_store_save_objective (db.store, company_objective, &error));
  g_assert_cmpstr (get_label (card, "supports_label"), ==, "Supports: " KOERS_TEST_ISOLATED ("Grow sales in Flanders"));

  /* A sixth key result: the card says the seed advises at most five. */
  g_assert_false (gtk_widget_get_visible (get_child (card, "hint_label")));
  for (int i = 0; i < 6; i++)
    koers_test_add_key_result (db.store, objective, "A result", 0, 10, 1);
  g_assert_true (gtk_widget_get_visible (get_child (card, "hint_label")));

  g_object_unref (card);
  koers_test_ui_db_close (&db);
}

/* A recycled card lets go of its old objective: changes there no longer
 * reach it. */
static void
test_rebind (void)
{
  KoersTestUiDb    db = { 0 };
  KoersDepartment *dept;
  KoersObjective  *first;
  KoersObjective  *second;
  GtkWidget       *card;
  g_autoptr (GError) error = NULL;

  koers_test_ui_db_open (&db);
  dept = koers_test_find_department (db.store, "Finance");
  first = koers_test_add_objective (db.store, dept, "Optimise the budget process", "2026-Q2");
  second = koers_test_add_objective (db.store, dept, "Strengthen the audit", "2026-Q2");
  koers_test_add_key_result (db.store, first, "Save 50%", 0, 50, 25);

  card = g_object_ref_sink (koers_objective_card_new (db.store));
  koers_objective_card_set_objective (KOERS_OBJECTIVE_CARD (card), first);
  g_assert_cmpstr (get_label (card, "score_label"), ==, "0.5");

  koers_objective_card_set_objective (KOERS_OBJECTIVE_CARD (card), second);
  g_assert_true (koers_objective_card_get_objective (KOERS_OBJECTIVE_CARD (card)) == second);
  g_assert_cmpstr (get_label (card, "title_label"), ==, "Strengthen the audit");
  g_assert_cmpstr (get_label (card, "score_label"), ==, "0.0");

  koers_objective_set_title (first, "Renamed elsewhere");
  g_assert_true (koers_store_save_objective (db.store, first, &error));
  g_assert_cmpstr (get_label (card, "title_label"), ==, "Strengthen the audit");

  koers_objective_card_set_objective (KOERS_OBJECTIVE_CARD (card), NULL);
  g_assert_null (koers_objective_card_get_objective (KOERS_OBJECTIVE_CARD (card)));
  /* Without an objective the archive action is off: nothing is archived. */
  gtk_widget_activate_action (card, "card.archive", NULL);
  koers_test_ui_iterate ();
  g_assert_true (koers_store_find_objective (db.store, koers_objective_get_id (first)) == first);
  g_assert_true (koers_store_find_objective (db.store, koers_objective_get_id (second)) == second);

  g_object_unref (card);
  koers_test_ui_db_close (&db);
}

/* The card's archive button archives through the store and offers undo. */
static void
test_delete_and_undo (void)
{
  KoersTestUiDb   db = { 0 };
  KoersObjective *objective;
  GtkWidget      *card;
  GtkWindow      *window;
  GtkWidget      *undo;
  gint64          id;

  koers_test_ui_db_open (&db);
  objective = koers_test_add_objective (db.store,
                                        koers_test_find_department (db.store, "Marketing"),
                                        "Mails & <i>more</i>", "2026-Q2");
  koers_test_add_key_result (db.store, objective, "20% more subscribers", 0, 20, 5);
  id = koers_objective_get_id (objective);

  card = koers_objective_card_new (db.store);
  koers_objective_card_set_objective (KOERS_OBJECTIVE_CARD (card), objective);
  window = koers_test_ui_window_new (card, 800, 600);
  /* The cards and rows ask the window to edit, delete and check in. */
  koers_editing_insert_actions (GTK_WIDGET (window), db.store);

  g_assert_true (gtk_widget_activate_action (card, "card.archive", NULL));
  koers_test_ui_spin (50);
  /* Archived, not deleted: kept with its key result. */
  g_assert_true (koers_store_find_objective (db.store, id) == objective);
  g_assert_true (koers_objective_get_archived (objective));

  /* The toast shows the title as typed: escaped for its markup, in a
   * bidi isolate. */
  {
    g_autoptr (GPtrArray) labels = koers_test_ui_find_mapped (GTK_WIDGET (window), GTK_TYPE_LABEL);
    gboolean found = FALSE;

    for (guint i = 0; i < labels->len; i++)
      found |= g_strcmp0 (gtk_label_get_text (labels->pdata[i]), "“" KOERS_TEST_ISOLATED ("Mails & <i>more</i>") "” archived") == 0;
    g_assert_true (found);
  }

  undo = koers_test_ui_find_button (GTK_WIDGET (window), "Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  koers_test_ui_spin (50);

  objective = koers_store_find_objective (db.store, id);
  g_assert_false (koers_objective_get_archived (objective));
  g_assert_cmpstr (koers_objective_get_title (objective), ==, "Mails & <i>more</i>");
  g_assert_cmpuint (g_list_model_get_n_items (koers_objective_get_key_results (objective)), ==, 1);

  gtk_window_destroy (window);
  koers_test_ui_db_close (&db);
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add_func ("/objective-card/score-follows-store", test_score_follows_store);
  g_test_add_func ("/objective-card/fields", test_fields);
  g_test_add_func ("/objective-card/rebind", test_rebind);
  g_test_add_func ("/objective-card/delete-and-undo", test_delete_and_undo);

  return g_test_run ();
}
