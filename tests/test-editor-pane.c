/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "koers-test-ui.h"
#include "ui/widgets/koers-emoji-image.h"
#include "ui/objectives/koers-archived-list.h"
#include "ui/objectives/koers-editing.h"
#include "io/koers-demo.h"
#include "ui/objectives/koers-editor-pane.h"
#include "ui/objectives/koers-key-result-editor.h"
#include "ui/objectives/koers-key-result-row.h"
#include "ui/objectives/koers-objective-card.h"
#include "ui/objectives/koers-objective-editor.h"
#include "ui/widgets/koers-wrap-box.h"

typedef struct
{
  KoersTestUiDb    db;
  KoersDepartment *marketing;
  KoersDepartment *sales;
  GtkWidget       *pane;
  GtkWindow       *window;
} Fixture;

static GtkWidget *
get_child (GtkWidget  *pane,
           const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (pane, KOERS_TYPE_EDITOR_PANE, name));
}

static const char *
get_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (get_child (f->pane, "stack")));
}

static guint
count_items (Fixture *f)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (get_child (f->pane, "list_view"))));

  return g_list_model_get_n_items (model);
}

/* The cards a user sees: mapped, and bound to an objective. */
static guint
count_cards (Fixture *f)
{
  g_autoptr (GPtrArray) cards = NULL;
  guint n = 0;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  koers_test_ui_spin (30);
  cards = koers_test_ui_find_mapped (f->pane, KOERS_TYPE_OBJECTIVE_CARD);
  for (guint i = 0; i < cards->len; i++)
    if (koers_objective_card_get_objective (cards->pdata[i]) != NULL)
      n++;

  return n;
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  KoersObjective *objective;
  KoersPeriod     q2;

  koers_test_ui_db_open (&f->db);
  f->marketing = koers_test_find_department (f->db.store, "Marketing");
  f->sales = koers_test_find_department (f->db.store, "Sales");

  objective = koers_test_add_objective (f->db.store, f->marketing, "Double monthly sign-ups", "2026-Q2");
  koers_test_add_key_result (f->db.store, objective, "Three campaigns bring 1,200 leads", 0, 1200, 600);
  objective = koers_test_add_objective (f->db.store, f->marketing, "Maximise e-mail campaigns", "2026-Q2");
  koers_test_add_key_result (f->db.store, objective, "Newsletter sign-ups up 20%", 0, 20, 5);
  koers_objective_set_owner (objective, "Marketing team");
  g_assert_true (koers_store_save_objective (f->db.store, objective, NULL));
  koers_test_add_objective (f->db.store, f->marketing, "Raise brand awareness", "2026-Q2");
  koers_test_add_objective (f->db.store, f->marketing, "Launch in Canada", "2026-Q3");
  koers_test_add_objective (f->db.store, f->sales, "Reach € 1 million", "2026-Q2");

  f->pane = koers_editor_pane_new ();
  koers_editor_pane_set_store (KOERS_EDITOR_PANE (f->pane), f->db.store);
  koers_editor_pane_set_department (KOERS_EDITOR_PANE (f->pane), f->marketing);
  koers_period_init_quarter (&q2, 2026, 2);
  koers_editor_pane_set_period (KOERS_EDITOR_PANE (f->pane), &q2);
  f->window = koers_test_ui_window_new (f->pane, 900, 1000);
  /* The cards and rows ask the window to edit, delete and check in. */
  koers_editing_insert_actions (GTK_WIDGET (f->window), f->db.store);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  koers_test_ui_finalize_toplevels (KOERS_TYPE_OBJECTIVE_EDITOR);
  koers_test_ui_finalize_toplevels (KOERS_TYPE_KEY_RESULT_EDITOR);
  gtk_window_destroy (f->window);
  koers_test_ui_iterate ();
  koers_test_ui_db_close (&f->db);
}

static void
test_shows_department_period (Fixture      *f,
                              gconstpointer data)
{
  const char *header = gtk_label_get_text (GTK_LABEL (get_child (f->pane, "department_label")));

  g_assert_cmpstr (get_page (f), ==, "list");
  g_assert_cmpuint (count_items (f), ==, 3);
  g_assert_cmpuint (count_cards (f), ==, 3);
  g_assert_cmpstr (header, ==, KOERS_TEST_ISOLATED ("Marketing"));
  /* The emoji beside it, drawn once and kept (koers-emoji-image.c). */
  g_assert_cmpstr (koers_emoji_image_get_emoji (KOERS_EMOJI_IMAGE (get_child (f->pane, "department_emoji"))), ==,
                   koers_department_get_emoji (f->marketing));
  g_assert_true (gtk_widget_get_visible (get_child (f->pane, "department_emoji")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_child (f->pane, "period_label"))), ==,
                   "Q2 2026 · 3 objectives");

  koers_editor_pane_set_department (KOERS_EDITOR_PANE (f->pane), f->sales);
  g_assert_cmpuint (count_cards (f), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_child (f->pane, "period_label"))), ==,
                   "Q2 2026 · 1 objective");
}

/* A name with a right-to-left override reads reversed, but the heading
 * stays a left-to-right line (the emoji is a widget of its own before it). */
static void
test_heading_bidi (Fixture      *f,
                   gconstpointer data)
{
  GtkLabel *heading = GTK_LABEL (get_child (f->pane, "department_label"));
  g_autoptr (GError) error = NULL;

  koers_department_set_name (f->marketing, "\u202eMarketing");
  g_assert_true (koers_store_save_department (f->db.store, f->marketing, &error));
  g_assert_no_error (error);
  koers_editor_pane_set_department (KOERS_EDITOR_PANE (f->pane), f->sales);
  koers_editor_pane_set_department (KOERS_EDITOR_PANE (f->pane), f->marketing);

  g_assert_cmpstr (gtk_label_get_text (heading), ==, "\u2068\u200e\u202eMarketing\u2069");
  g_assert_cmpint (pango_layout_get_line_readonly (gtk_label_get_layout (heading), 0)->resolved_dir, ==,
                   PANGO_DIRECTION_LTR);
}

static void
test_filter_period (Fixture      *f,
                    gconstpointer data)
{
  KoersPeriod period;

  koers_period_init_quarter (&period, 2026, 3);
  koers_editor_pane_set_period (KOERS_EDITOR_PANE (f->pane), &period);
  g_assert_cmpuint (count_cards (f), ==, 1);

  /* A year holds its quarters. */
  koers_period_init_year (&period, 2026);
  koers_editor_pane_set_period (KOERS_EDITOR_PANE (f->pane), &period);
  g_assert_cmpuint (count_cards (f), ==, 4);

  /* Moving an objective to another period takes it out of the list. */
  koers_period_init_quarter (&period, 2026, 3);
  koers_editor_pane_set_period (KOERS_EDITOR_PANE (f->pane), &period);
  {
    KoersObjective *first = NULL;
    GListModel     *all = koers_store_get_objectives (f->db.store);

    for (guint i = 0; i < g_list_model_get_n_items (all) && first == NULL; i++)
      {
        g_autoptr (KoersObjective) item = g_list_model_get_item (all, i);

        if (g_str_equal (koers_objective_get_title (item), "Double monthly sign-ups"))
          first = item;
      }
    g_assert_nonnull (first);
    koers_objective_set_period (first, "2026-Q3");
    g_assert_true (koers_store_save_objective (f->db.store, first, NULL));
  }
  g_assert_cmpuint (count_cards (f), ==, 2);
}

static void
test_search (Fixture      *f,
             gconstpointer data)
{
  /* Objective title, key-result title and owner; case and accents do not matter. */
  koers_editor_pane_set_search_text (KOERS_EDITOR_PANE (f->pane), "BRAND");
  g_assert_cmpuint (count_cards (f), ==, 1);

  koers_editor_pane_set_search_text (KOERS_EDITOR_PANE (f->pane), "newsletter");
  g_assert_cmpuint (count_cards (f), ==, 1);

  koers_editor_pane_set_search_text (KOERS_EDITOR_PANE (f->pane), "marketing team");
  g_assert_cmpuint (count_cards (f), ==, 1);

  koers_editor_pane_set_search_text (KOERS_EDITOR_PANE (f->pane), "campaigns");
  g_assert_cmpuint (count_cards (f), ==, 2);

  koers_editor_pane_set_search_text (KOERS_EDITOR_PANE (f->pane), "cámpaigns");
  g_assert_cmpuint (count_cards (f), ==, 2);

  koers_editor_pane_set_search_text (KOERS_EDITOR_PANE (f->pane), "Canada");
  g_assert_cmpstr (get_page (f), ==, "no-results");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (get_child (f->pane, "no_results_page"))), ==,
                   "No Results Found");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (get_child (f->pane, "no_results_page"))),
                   ==, "No objective or key result in this period matches “Canada”.");

  /* What was searched for is escaped: the description is markup. */
  koers_editor_pane_set_search_text (KOERS_EDITOR_PANE (f->pane), "<b>R&D");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (get_child (f->pane, "no_results_page"))),
                   ==, "No objective or key result in this period matches “&lt;b&gt;R&amp;D”.");

  koers_editor_pane_set_search_text (KOERS_EDITOR_PANE (f->pane), "");
  g_assert_cmpstr (get_page (f), ==, "list");
  g_assert_cmpuint (count_cards (f), ==, 3);
}

static void
test_empty_state (Fixture      *f,
                  gconstpointer data)
{
  KoersPeriod period;

  koers_editor_pane_set_department (KOERS_EDITOR_PANE (f->pane),
                                    koers_test_find_department (f->db.store, "Finance"));
  g_assert_cmpstr (get_page (f), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (get_child (f->pane, "empty_page"))), ==,
                   "No objectives for " KOERS_TEST_ISOLATED ("Finance") " in Q2 2026");
  g_assert_nonnull (koers_test_ui_find_button (f->pane, "Add Objective"));

  koers_period_init_quarter (&period, 2027, 1);
  koers_editor_pane_set_department (KOERS_EDITOR_PANE (f->pane), f->marketing);
  koers_editor_pane_set_period (KOERS_EDITOR_PANE (f->pane), &period);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (get_child (f->pane, "empty_page"))), ==,
                   "No objectives for " KOERS_TEST_ISOLATED ("Marketing") " in Q1 2027");
}

static void
test_add_objective (Fixture      *f,
                    gconstpointer data)
{
  GListModel *all = koers_store_get_objectives (f->db.store);
  guint       before = g_list_model_get_n_items (all);
  g_autoptr (KoersStore) again = NULL;
  KoersObjectiveEditor *editor;
  KoersObjective       *added;

  g_assert_true (gtk_widget_activate_action (f->pane, "editor.add-objective", NULL));
  koers_test_ui_spin (50);

  g_assert_cmpuint (g_list_model_get_n_items (all), ==, before + 1);
  g_assert_cmpuint (count_cards (f), ==, 4);

  /* The new objective's editor opens. */
  editor = KOERS_OBJECTIVE_EDITOR (koers_test_ui_find_toplevel (KOERS_TYPE_OBJECTIVE_EDITOR));
  g_assert_nonnull (editor);
  added = koers_objective_editor_get_objective (editor);
  g_assert_cmpstr (koers_objective_get_title (added), ==, "New objective");
  g_assert_cmpstr (koers_objective_get_period (added), ==, "2026-Q2");
  g_assert_cmpint (koers_objective_get_level (added), ==, KOERS_LEVEL_DEPARTMENT);
  g_assert_cmpint (koers_objective_get_department_id (added), ==, koers_department_get_id (f->marketing));

  /* Written to the database, not only to memory. */
  again = koers_test_ui_db_reopen (&f->db);
  g_assert_nonnull (koers_store_find_objective (again, koers_objective_get_id (added)));

  /* On the company level, a company objective. */
  koers_test_ui_destroy_toplevels (KOERS_TYPE_OBJECTIVE_EDITOR);
  koers_editor_pane_set_department (KOERS_EDITOR_PANE (f->pane), koers_store_get_company (f->db.store));
  g_assert_true (gtk_widget_activate_action (f->pane, "editor.add-objective", NULL));
  koers_test_ui_spin (50);
  editor = KOERS_OBJECTIVE_EDITOR (koers_test_ui_find_toplevel (KOERS_TYPE_OBJECTIVE_EDITOR));
  g_assert_nonnull (editor);
  g_assert_cmpint (koers_objective_get_level (koers_objective_editor_get_objective (editor)), ==,
                   KOERS_LEVEL_COMPANY);
}

static KoersObjectiveCard *
find_card (Fixture    *f,
           const char *title)
{
  g_autoptr (GPtrArray) cards = koers_test_ui_find_mapped (f->pane, KOERS_TYPE_OBJECTIVE_CARD);

  for (guint i = 0; i < cards->len; i++)
    {
      KoersObjective *objective = koers_objective_card_get_objective (cards->pdata[i]);

      if (objective != NULL && g_str_equal (koers_objective_get_title (objective), title))
        return cards->pdata[i];
    }

  return NULL;
}

/* Focus as Tab would leave it: on one of the card's buttons. */
static void
focus_card_button (KoersObjectiveCard *card,
                   const char         *action_name)
{
  g_autoptr (GPtrArray) buttons = koers_test_ui_find_mapped (GTK_WIDGET (card), GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), action_name) == 0)
      {
        g_assert_true (gtk_widget_grab_focus (buttons->pdata[i]));
        return;
      }

  g_assert_not_reached ();
}

static void
click_undo (Fixture *f)
{
  GtkWidget *undo = koers_test_ui_find_button (GTK_WIDGET (f->window), "Undo");

  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  /* Until the toast's hide animation is over, so that the next toast's
   * button is the only one. */
  koers_test_ui_spin (600);
}

/* Delete takes what has the focus, a key result or an objective; the
 * toast's Undo puts it back. */
static void
test_delete_and_undo (Fixture      *f,
                      gconstpointer data)
{
  KoersObjectiveCard *card;
  KoersObjective     *objective;
  KoersKeyResult     *kr;
  g_autoptr (GPtrArray) rows = NULL;
  gint64 objective_id;
  gint64 kr_id;

  count_cards (f);
  card = find_card (f, "Maximise e-mail campaigns");
  g_assert_nonnull (card);
  objective = koers_objective_card_get_objective (card);
  objective_id = koers_objective_get_id (objective);

  /* A key result row has the focus: the key result goes. */
  rows = koers_test_ui_find_mapped (GTK_WIDGET (card), KOERS_TYPE_KEY_RESULT_ROW);
  g_assert_cmpuint (rows->len, ==, 1);
  kr = koers_key_result_row_get_key_result (rows->pdata[0]);
  kr_id = koers_key_result_get_id (kr);
  g_assert_true (gtk_widget_grab_focus (rows->pdata[0]));
  g_assert_true (gtk_widget_activate_action (f->pane, "editor.delete", NULL));
  koers_test_ui_spin (50);
  g_assert_null (koers_store_find_key_result (f->db.store, kr_id));
  g_assert_nonnull (koers_store_find_objective (f->db.store, objective_id));

  click_undo (f);
  g_assert_nonnull (koers_store_find_key_result (f->db.store, kr_id));

  /* The card has the focus: the objective is archived, its card goes
   * and the Archived list under the cards shows it. */
  card = find_card (f, "Maximise e-mail campaigns");
  focus_card_button (card, "card.edit");
  g_assert_true (gtk_widget_activate_action (f->pane, "editor.delete", NULL));
  koers_test_ui_spin (50);
  g_assert_true (koers_store_find_objective (f->db.store, objective_id) == objective);
  g_assert_true (koers_objective_get_archived (objective));
  g_assert_cmpuint (count_cards (f), ==, 2);
  g_assert_cmpuint (koers_archived_list_get_n_objectives (KOERS_ARCHIVED_LIST (get_child (f->pane, "archived_list"))), ==, 1);
  g_assert_true (gtk_widget_get_visible (get_child (f->pane, "archived_list")));

  click_undo (f);
  objective = koers_store_find_objective (f->db.store, objective_id);
  g_assert_false (koers_objective_get_archived (objective));
  g_assert_false (gtk_widget_get_visible (get_child (f->pane, "archived_list")));
  g_assert_cmpuint (g_list_model_get_n_items (koers_objective_get_key_results (objective)), ==, 1);
  g_assert_cmpuint (count_cards (f), ==, 3);
}

/* Ctrl+Shift+N's action adds a key result to the focused card's objective. */
static void
test_add_key_result (Fixture      *f,
                     gconstpointer data)
{
  KoersObjectiveCard *card;
  KoersObjective     *objective;

  count_cards (f);
  card = find_card (f, "Raise brand awareness");
  g_assert_nonnull (card);
  objective = koers_objective_card_get_objective (card);
  g_assert_cmpuint (g_list_model_get_n_items (koers_objective_get_key_results (objective)), ==, 0);

  focus_card_button (card, "card.archive");
  g_assert_true (gtk_widget_activate_action (f->pane, "editor.add-key-result", NULL));
  koers_test_ui_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (koers_objective_get_key_results (objective)), ==, 1);
}

/* Tab goes from card to card, through their buttons and key results. */
static void
test_tab_through_cards (Fixture      *f,
                        gconstpointer data)
{
  GPtrArray *seen = g_ptr_array_new ();
  gboolean   visited_row = FALSE;

  count_cards (f);
  gtk_widget_grab_focus (get_child (f->pane, "list_view"));
  for (int i = 0; i < 40; i++)
    {
      GtkWidget *focus;
      GtkWidget *card;

      gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (f->window));
      card = focus != NULL ? gtk_widget_get_ancestor (focus, KOERS_TYPE_OBJECTIVE_CARD) : NULL;
      visited_row |= focus != NULL && KOERS_IS_KEY_RESULT_ROW (focus);
      if (card != NULL && (seen->len == 0 || g_ptr_array_index (seen, seen->len - 1) != card))
        g_ptr_array_add (seen, card);
    }
  /* In list order, each key result on the way, then round again. */
  g_assert_cmpuint (seen->len, >=, 3);
  g_assert_cmpstr (koers_objective_get_title (koers_objective_card_get_objective (seen->pdata[0])), ==,
                   "Double monthly sign-ups");
  g_assert_cmpstr (koers_objective_get_title (koers_objective_card_get_objective (seen->pdata[1])), ==,
                   "Maximise e-mail campaigns");
  g_assert_cmpstr (koers_objective_get_title (koers_objective_card_get_objective (seen->pdata[2])), ==,
                   "Raise brand awareness");
  g_assert_true (visited_row);
  g_ptr_array_unref (seen);
}

/* The widest minimum among the mapped widgets of type under root. */
static int
get_widest_minimum (GtkWidget *root,
                    GType      type)
{
  g_autoptr (GPtrArray) widgets = koers_test_ui_find_mapped (root, type);
  int widest = 0;

  for (guint i = 0; i < widgets->len; i++)
    {
      int min;

      gtk_widget_measure (widgets->pdata[i], GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      widest = MAX (widest, min);
    }

  return widest;
}

/* The most lines any wrap box in a key-result row took, and the fewest. */
static void
get_row_lines (GtkWidget *pane,
               guint     *most,
               guint     *fewest)
{
  g_autoptr (GPtrArray) rows = koers_test_ui_find_mapped (pane, KOERS_TYPE_KEY_RESULT_ROW);

  *most = 0;
  *fewest = G_MAXUINT;
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr (GPtrArray) boxes = koers_test_ui_find_mapped (rows->pdata[i], KOERS_TYPE_WRAP_BOX);

      for (guint j = 0; j < boxes->len; j++)
        {
          guint n = koers_wrap_box_get_n_lines (boxes->pdata[j]);

          *most = MAX (*most, n);
          *fewest = MIN (*fewest, n);
        }
    }
}

/* Whether every mapped card shows its actions as three buttons (wide) or
 * as one menu (narrow). */
static gboolean
cards_show_menu (GtkWidget *pane,
                 gboolean   menu)
{
  g_autoptr (GPtrArray) cards = koers_test_ui_find_mapped (pane, KOERS_TYPE_OBJECTIVE_CARD);

  g_assert_cmpuint (cards->len, >, 0);
  for (guint i = 0; i < cards->len; i++)
    {
      AdwSqueezer *squeezer = ADW_SQUEEZER (gtk_widget_get_template_child (cards->pdata[i], KOERS_TYPE_OBJECTIVE_CARD,
                                                                           "actions_squeezer"));
      GtkWidget   *menu_button = GTK_WIDGET (gtk_widget_get_template_child (cards->pdata[i], KOERS_TYPE_OBJECTIVE_CARD,
                                                                            "actions_menu_button"));

      if ((adw_squeezer_get_visible_child (squeezer) == menu_button) != menu)
        return FALSE;
    }

  return TRUE;
}

/* A phone-sized window (360 px, the pane a bit less) must fit the pane
 * with real content: the demo's company and Marketing objectives. */
static void
test_narrow (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("koers-narrow-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr (KoersStore) store = NULL;
  KoersDepartment *departments[2];
  GtkWidget       *pane;
  GtkWindow       *window;
  KoersPeriod      q2;

  g_assert_no_error (error);
  g_assert_true (koers_demo_create (path, KOERS_LANGUAGE_EN, &error));
  g_assert_no_error (error);
  store = koers_store_open (path, &error);
  g_assert_no_error (error);

  pane = koers_editor_pane_new ();
  koers_editor_pane_set_store (KOERS_EDITOR_PANE (pane), store);
  koers_period_init_quarter (&q2, 2026, 2);
  koers_editor_pane_set_period (KOERS_EDITOR_PANE (pane), &q2);
  window = koers_test_ui_window_new (pane, 340, 640);
  /* The cards and rows ask the window to edit, delete and check in. */
  koers_editing_insert_actions (GTK_WIDGET (window), store);

  departments[0] = koers_store_get_company (store);
  departments[1] = koers_test_find_department (store, "Marketing");
  for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
    {
      int min, card_min, row_min;

      koers_editor_pane_set_department (KOERS_EDITOR_PANE (pane), departments[i]);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      koers_test_ui_spin (100);
      g_assert_cmpuint (koers_test_ui_find_mapped (pane, KOERS_TYPE_OBJECTIVE_CARD)->len, >, 0);

      gtk_widget_measure (pane, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      card_min = get_widest_minimum (pane, KOERS_TYPE_OBJECTIVE_CARD);
      row_min = get_widest_minimum (pane, KOERS_TYPE_KEY_RESULT_ROW);
      g_test_message ("%s: pane %d, card %d, key-result row %d",
                      koers_department_get_name (departments[i]), min, card_min, row_min);
      g_assert_cmpint (min, <=, 340);
      g_assert_cmpint (gtk_widget_get_width (pane), <=, 340);

      /* Narrow: the card's actions in a menu, the rows' values and
       * buttons on lines of their own. */
      g_assert_true (cards_show_menu (pane, TRUE));
      {
        guint most, fewest;

        get_row_lines (pane, &most, &fewest);
        g_assert_cmpuint (most, >=, 2);
      }
    }

  /* Wide: three buttons, every row's line in one. */
  gtk_window_set_default_size (window, 1000, 640);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  koers_test_ui_spin (100);
  g_assert_cmpint (gtk_widget_get_width (pane), >=, 900);
  g_assert_true (cards_show_menu (pane, FALSE));
  {
    guint most, fewest;

    get_row_lines (pane, &most, &fewest);
    g_assert_cmpuint (most, ==, 1);
  }

  /* The narrow menu holds the same actions. */
  gtk_window_set_default_size (window, 340, 640);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  koers_test_ui_spin (100);
  {
    g_autoptr (GPtrArray) cards = koers_test_ui_find_mapped (pane, KOERS_TYPE_OBJECTIVE_CARD);
    GtkMenuButton *menu_button = GTK_MENU_BUTTON (gtk_widget_get_template_child (cards->pdata[0],
                                                                                 KOERS_TYPE_OBJECTIVE_CARD,
                                                                                 "actions_menu_button"));
    GMenuModel    *menu;

    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (menu_button)));
    gtk_menu_button_popup (menu_button);
    koers_test_ui_spin (50);
    menu = gtk_menu_button_get_menu_model (menu_button);
    g_assert_nonnull (menu);
    g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
    gtk_menu_button_popdown (menu_button);
  }

  gtk_window_destroy (window);
  koers_test_ui_iterate ();
  g_clear_object (&store);
  {
    g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  koers_test_ui_init (&argc, &argv);

  g_test_add ("/editor-pane/department-period", Fixture, NULL, fixture_setup,
              test_shows_department_period, fixture_teardown);
  g_test_add ("/editor-pane/heading-bidi", Fixture, NULL, fixture_setup,
              test_heading_bidi, fixture_teardown);
  g_test_add ("/editor-pane/filter-period", Fixture, NULL, fixture_setup,
              test_filter_period, fixture_teardown);
  g_test_add ("/editor-pane/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/editor-pane/empty-state", Fixture, NULL, fixture_setup, test_empty_state, fixture_teardown);
  g_test_add ("/editor-pane/add-objective", Fixture, NULL, fixture_setup, test_add_objective, fixture_teardown);
  g_test_add ("/editor-pane/delete-and-undo", Fixture, NULL, fixture_setup,
              test_delete_and_undo, fixture_teardown);
  g_test_add ("/editor-pane/add-key-result", Fixture, NULL, fixture_setup,
              test_add_key_result, fixture_teardown);

  g_test_add ("/editor-pane/tab-through-cards", Fixture, NULL, fixture_setup,
              test_tab_through_cards, fixture_teardown);

  g_test_add_func ("/editor-pane/narrow", test_narrow);

  return g_test_run ();
}
